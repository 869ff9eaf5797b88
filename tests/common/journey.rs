//! What the journey tests (`tests/browser/`) do as a person would, and the work they set up.
//!
//! - Keyboard: real key presses through WebDriver's input actions, sent to whatever has focus
//!   ([`press`], [`type_text`], [`tab_to`]), so a keyboard journey never clicks.
//! - Pointer and forms: clicking buttons and links by their visible text, typing into fields,
//!   choosing files in `<input type=file>`.
//! - Waiting: for the hash route, for a script's condition, for the save line.
//! - Storage: reading and seeding `localStorage` as the app keeps it (`mhsw:work:<id>` envelopes).
//! - Work files: made with the pure core (`mhsw::work::Work`), so their format is the app's own.
//!
//! It never changes the shared `dist/` (see [`super::DistCopy`]).

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;
use mhsw::date::Date;
use mhsw::definition::{load_definition, Definition};
use mhsw::ids::{QuestionId, ResponseId, WorkId};
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::work::{Channel, FeedbackResponse, Work};
use serde_json::{json, Value};

use super::browser::{Browser, DEFAULT_TIMEOUT};
use super::{repo_root, screenshot_path, TestApp};

/// How long to wait for something the app does at once (a click's effect, a save).
pub const QUICK: Duration = Duration::from_secs(5);

// ---------------------------------------------------------------------------------------------
// Keyboard

/// Presses and releases each key in turn, sent to the element that has focus.
pub async fn press(browser: &Browser, keys: &[Key]) {
    let mut actions = KeyActions::new("keyboard".to_owned());
    for key in keys {
        let value: char = (*key).into();
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    browser
        .client()
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("could not press {keys:?}: {e}"));
}

/// Presses Shift+Tab, as a person moving focus back up the page.
pub async fn press_with_shift_tab(b: &Browser) {
    let actions = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down {
            value: Key::Shift.into(),
        })
        .then(KeyAction::Down {
            value: Key::Tab.into(),
        })
        .then(KeyAction::Up {
            value: Key::Tab.into(),
        })
        .then(KeyAction::Up {
            value: Key::Shift.into(),
        });
    b.client()
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("could not press Shift+Tab: {e}"));
}

/// Types text, one key press per character, into the element that has focus.
pub async fn type_text(browser: &Browser, text: &str) {
    let mut actions = KeyActions::new("keyboard".to_owned());
    for value in text.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    browser
        .client()
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("could not type {text:?}: {e}"));
}

/// Selects everything in the focused text box (Ctrl+A), so typing replaces it.
pub async fn select_all(browser: &Browser) {
    press_with_control(browser, 'a').await;
}

/// Holds Ctrl and presses `key` (a character, or a [`Key`] turned into one), as in Ctrl+A or
/// Ctrl+Home (the very start of a text box, wherever its lines wrap).
pub async fn press_with_control(browser: &Browser, key: impl Into<char>) {
    let control: char = Key::Control.into();
    let value: char = key.into();
    let actions = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: control })
        .then(KeyAction::Down { value })
        .then(KeyAction::Up { value })
        .then(KeyAction::Up { value: control });
    browser
        .client()
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("could not press Ctrl with {value:?}: {e}"));
}

/// A short description of the focused element, for messages: `input#q-strat-1 "…"`.
pub async fn focused(browser: &Browser) -> String {
    browser
        .text_of(
            "const e = document.activeElement; if (!e) return '(nothing)'; \
             return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
               (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '') + \
               ' ' + JSON.stringify((e.innerText || e.value || '').slice(0, 60));",
            vec![],
        )
        .await
}

/// Presses Tab until the focused element matches the CSS `selector`, at most `max_tabs` times.
/// Panics, listing every element focus passed through, when it never gets there.
pub async fn tab_to(browser: &Browser, selector: &str, max_tabs: usize) {
    let mut passed = Vec::new();
    for _ in 0..=max_tabs {
        let matches = browser
            .execute(
                "const e = document.activeElement; return !!e && e.matches(arguments[0]);",
                vec![json!(selector)],
            )
            .await;
        if matches == json!(true) {
            return;
        }
        passed.push(focused(browser).await);
        press(browser, &[Key::Tab]).await;
    }
    panic!(
        "Tab did not reach `{selector}` within {max_tabs} presses. Focus went through:\n  {}",
        passed.join("\n  ")
    );
}

/// True when the focused element matches the CSS `selector`.
pub async fn focus_is_on(browser: &Browser, selector: &str) -> bool {
    browser
        .execute(
            "const e = document.activeElement; return !!e && e.matches(arguments[0]);",
            vec![json!(selector)],
        )
        .await
        == json!(true)
}

// ---------------------------------------------------------------------------------------------
// Pointer and forms

/// The element matching a CSS selector, waiting for it.
pub async fn find(browser: &Browser, selector: &str) -> Element {
    browser.wait_for_css(selector, DEFAULT_TIMEOUT).await
}

/// Clicks the element matching a CSS selector.
pub async fn click(browser: &Browser, selector: &str) {
    find(browser, selector)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click `{selector}`: {e}"));
}

/// The XPath of a button or link whose visible text (including visually hidden words) contains
/// `text`.
fn control_with_text(text: &str) -> String {
    format!(
        "//*[self::button or self::a][contains(normalize-space(.), {})]",
        xpath_literal(text)
    )
}

fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Clicks the first button or link whose text contains `text`, waiting for it to appear.
pub async fn click_text(browser: &Browser, text: &str) {
    let xpath = control_with_text(text);
    let element = browser
        .client()
        .wait()
        .at_most(DEFAULT_TIMEOUT)
        .every(Duration::from_millis(50))
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no button or link with the text {text:?} appeared: {e}"));
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click the button or link {text:?}: {e}"));
}

/// How many buttons or links have text containing `text`.
pub async fn count_controls_with_text(browser: &Browser, text: &str) -> usize {
    browser
        .client()
        .find_all(Locator::XPath(&control_with_text(text)))
        .await
        .map(|all| all.len())
        .unwrap_or(0)
}

/// Replaces the text of the input or textarea matching `selector` by typing into it.
pub async fn fill(browser: &Browser, selector: &str, text: &str) {
    let element = find(browser, selector).await;
    element
        .clear()
        .await
        .unwrap_or_else(|e| panic!("could not clear `{selector}`: {e}"));
    element
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("could not type into `{selector}`: {e}"));
}

/// Chooses files in the `<input type=file>` matching `selector`, as a person would in the
/// file picker (WebDriver sends the absolute paths, one per line).
pub async fn choose_files(browser: &Browser, selector: &str, paths: &[&Path]) {
    let joined = paths
        .iter()
        .map(|p| {
            p.canonicalize()
                .unwrap_or_else(|e| panic!("{} is missing: {e}", p.display()))
                .display()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    find(browser, selector)
        .await
        .send_keys(&joined)
        .await
        .unwrap_or_else(|e| panic!("could not choose {joined} in `{selector}`: {e}"));
}

/// Whether the checkbox or radio button with this id is checked (`None` when there is none).
pub async fn is_checked(browser: &Browser, id: &str) -> Option<bool> {
    browser
        .execute(
            "const e = document.getElementById(arguments[0]); return e ? e.checked : null;",
            vec![json!(id)],
        )
        .await
        .as_bool()
}

/// The value of the input or textarea with this id (`None` when there is none).
pub async fn value_of(browser: &Browser, id: &str) -> Option<String> {
    browser
        .execute(
            "const e = document.getElementById(arguments[0]); return e ? e.value : null;",
            vec![json!(id)],
        )
        .await
        .as_str()
        .map(str::to_owned)
}

/// The ids of every checked radio button and checkbox inside `main`.
pub async fn checked_ids(browser: &Browser) -> Vec<String> {
    let ids = browser
        .execute(
            "return [...document.querySelectorAll('main input:checked')].map(e => e.id);",
            vec![],
        )
        .await;
    serde_json::from_value(ids).unwrap_or_default()
}

/// The visible text of `main` only (no header, save line or footer).
pub async fn main_text(browser: &Browser) -> String {
    browser
        .text_of(
            "const m = document.querySelector('main'); return m ? m.innerText : '';",
            vec![],
        )
        .await
}

// ---------------------------------------------------------------------------------------------
// Waiting

/// The words of the results page's PDF status (its live region), as a person reads them.
pub async fn pdf_status(browser: &Browser) -> String {
    browser
        .text_of(
            "const s = document.querySelector('.pdf-status[role=status]'); return s ? s.innerText : '';",
            vec![],
        ).await
}

/// Takes a screenshot named `name` with the PDF status in the middle of the window.
pub async fn screenshot_pdf_status(browser: &Browser, name: &str) {
    browser
        .execute(
            "document.querySelector('.pdf-status').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await;
    browser.screenshot(&screenshot_path(name)).await;
}

/// Polls `script` (the body of a function returning a boolean) until it returns true; panics
/// with `what` and the page's text after `timeout`.
pub async fn wait_until(
    browser: &Browser,
    script: &str,
    args: Vec<Value>,
    timeout: Duration,
    what: &str,
) {
    let started = Instant::now();
    let mut polls = 0u32;
    loop {
        if browser.execute(script, args.clone()).await == json!(true) {
            return;
        }
        polls += 1;
        // A panicked app never gets there: say so at once, with the panic.
        if polls.is_multiple_of(10) {
            let panics = browser.wasm_panics().await;
            if !panics.is_empty() {
                let panics: Vec<String> = panics.iter().map(ToString::to_string).collect();
                panic!(
                    "{what} cannot happen: the app panicked:\n  {}",
                    panics.join("\n  ")
                );
            }
        }
        if started.elapsed() > timeout {
            let text = browser.body_text().await;
            panic!("{what} did not happen within {timeout:?}. Page text:\n{text}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The URL's hash, e.g. `#/work/abc`.
pub async fn current_hash(browser: &Browser) -> String {
    browser.text_of("return location.hash;", vec![]).await
}

/// Waits until the hash starts with `prefix` and returns the whole hash.
pub async fn wait_for_hash(browser: &Browser, prefix: &str) -> String {
    wait_until(
        browser,
        "return location.hash.startsWith(arguments[0]);",
        vec![json!(prefix)],
        DEFAULT_TIMEOUT,
        &format!("the address reaching {prefix:?}"),
    )
    .await;
    current_hash(browser).await
}

/// Waits until the page's main heading (`main h1`) contains `text`.
pub async fn wait_for_heading(browser: &Browser, text: &str) {
    wait_until(
        browser,
        "const h = document.querySelector('main h1'); return !!h && h.innerText.includes(arguments[0]);",
        vec![json!(text)],
        DEFAULT_TIMEOUT,
        &format!("a main heading containing {text:?}"),
    )
    .await;
}

/// Waits until `main` no longer shows `text`.
pub async fn wait_for_text_gone(browser: &Browser, text: &str) {
    wait_until(
        browser,
        "const m = document.querySelector('main'); return !!m && !m.innerText.includes(arguments[0]);",
        vec![json!(text)],
        QUICK,
        &format!("{text:?} going away"),
    )
    .await;
}

/// Waits until the stored work `work_id` satisfies `predicate` (a JS expression over the
/// stored head `e`, `{store_version, revision, saved_at, work}`, with a collection's response
/// records put back into `e.work.collection.responses`), i.e. until the app has saved a change.
pub async fn wait_for_saved(browser: &Browser, work_id: &str, predicate: &str, what: &str) {
    let started = Instant::now();
    loop {
        if let Some(e) = stored_envelope(browser, work_id).await {
            let ok = browser
                .execute(
                    &format!("const e = arguments[0]; try {{ return !!({predicate}); }} catch (_) {{ return false; }}"),
                    vec![e],
                )
                .await;
            if ok == json!(true) {
                return;
            }
        }
        if started.elapsed() > QUICK {
            let text = browser.body_text().await;
            panic!("{what} was not saved within {QUICK:?}. Page text:\n{text}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Storage: the work store (IndexedDB `mhsw`) and small settings (`localStorage`)

/// Reads the work store in the page: every store's keys and values, as the app wrote them.
/// Opening never creates the database (an upgrade is aborted), so reading an empty profile
/// leaves it empty for the app.
const READ_STORE: &str = r#"
const done = arguments[arguments.length - 1];
const request = indexedDB.open('mhsw');
request.onupgradeneeded = (event) => event.target.transaction.abort();
request.onerror = () => done(null);
request.onsuccess = () => {
  const db = request.result;
  const names = ['works', 'responses', 'aside', 'documents', 'staged'].filter(n => db.objectStoreNames.contains(n));
  if (names.length < 5) { db.close(); done(null); return; }
  const tx = db.transaction(names, 'readonly');
  const out = {};
  for (const name of names) {
    const keys = tx.objectStore(name).getAllKeys();
    const values = tx.objectStore(name).getAll();
    tx.addEventListener('complete', () => {
      // A staged block's ends (a Uint32Array) as a plain array, to come back as JSON.
      const plain = (value) => value && ArrayBuffer.isView(value.ends) ? { ...value, ends: Array.from(value.ends) } : value;
      out[name] = keys.result.map((key, i) => ({ key, value: plain(values.result[i]) }));
    });
  }
  tx.oncomplete = () => { db.close(); done(out); };
  tx.onerror = () => { db.close(); done(null); };
};
"#;

/// Everything in the work store, by store name: `[{key, value}]` (`None`: no store yet).
pub async fn read_store(browser: &Browser) -> Option<Value> {
    let value = browser.execute_async(READ_STORE, vec![]).await;
    (!value.is_null()).then_some(value)
}

/// The ids of the work saved in the work store, sorted.
pub async fn stored_work_ids(browser: &Browser) -> Vec<String> {
    let Some(store) = read_store(browser).await else {
        return Vec::new();
    };
    let mut ids: Vec<String> = store["works"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["key"].as_str().map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// The entries kept aside in the work store: (key, where it was, text, reason).
pub async fn stored_aside(browser: &Browser) -> Vec<(String, String, String, String)> {
    let Some(store) = read_store(browser).await else {
        return Vec::new();
    };
    store["aside"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
            (
                text(&r["key"]),
                text(&r["value"]["original"]),
                text(&r["value"]["text"]),
                text(&r["value"]["reason"]),
            )
        })
        .collect()
}

/// The stored records of one piece of work: its sealed head and its sealed responses, with those
/// still in staged blocks (R7 in `src/store.rs`; a broken block fails the test).
async fn stored_records(
    browser: &Browser,
    id: &str,
) -> Option<(mhsw::store::Sealed, Vec<(ResponseId, mhsw::store::Sealed)>)> {
    let store = read_store(browser).await?;
    let sealed = |v: &Value| mhsw::store::Sealed {
        text: v["text"].as_str().unwrap_or_default().to_owned(),
        sum: v["sum"].as_str().unwrap_or_default().to_owned(),
    };
    let head = store["works"]
        .as_array()?
        .iter()
        .find(|r| r["key"] == json!(id))
        .map(|r| sealed(&r["value"]))?;
    let responses = store["responses"]
        .as_array()?
        .iter()
        .filter(|r| r["key"][0] == json!(id))
        .map(|r| {
            (
                ResponseId::new(r["key"][1].as_str().unwrap_or_default()),
                sealed(&r["value"]),
            )
        })
        .collect::<Vec<_>>();
    let staged = store["staged"]
        .as_array()?
        .iter()
        .filter(|r| r["key"][0] == json!(id));
    let mut responses = responses;
    for block in staged {
        let packed = mhsw::store::Packed {
            bytes: block["value"]["text"].as_str()?.as_bytes().to_vec(),
            ends: serde_json::from_value(block["value"]["ends"].clone()).ok()?,
        };
        let records = packed.unpack().expect("a staged block that unpacks");
        responses.extend(records.into_iter().map(|(id, text, sum)| {
            let sealed = mhsw::store::Sealed {
                text: text.to_owned(),
                sum: sum.to_owned(),
            };
            (ResponseId::new(id), sealed)
        }));
    }
    Some((head, responses))
}

/// The stored head of `id` as JSON, with its responses put back (see [`wait_for_saved`]).
pub async fn stored_envelope(browser: &Browser, id: &str) -> Option<Value> {
    let (head, responses) = stored_records(browser, id).await?;
    let mut envelope: Value = serde_json::from_str(&head.text).ok()?;
    if envelope["work"]["collection"].is_object() {
        let list: Vec<Value> = responses
            .iter()
            .filter_map(|(_, r)| serde_json::from_str(&r.text).ok())
            .collect();
        envelope["work"]["collection"]["responses"] = Value::Array(list);
    }
    Some(envelope)
}

/// The work saved as `id`, read back with the core's own reading of the store's records
/// (checksums, keys and all), so a record the app would refuse fails here too.
pub async fn saved_work(browser: &Browser, id: &str) -> Work {
    let (head, responses) = stored_records(browser, id)
        .await
        .unwrap_or_else(|| panic!("nothing is saved as work `{id}` in the work store"));
    let stored = mhsw::store::assemble(&WorkId::new(id), &head, responses)
        .unwrap_or_else(|e| panic!("work `{id}` cannot be read back: {e}"));
    assert!(
        stored.damaged.is_empty(),
        "work `{id}` has damaged responses: {:?}",
        stored.damaged
    );
    stored.work
}

/// One `localStorage` item.
pub async fn storage_get(browser: &Browser, key: &str) -> Option<String> {
    browser
        .execute(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(key)],
        )
        .await
        .as_str()
        .map(str::to_owned)
}

/// Sets one `localStorage` item.
pub async fn storage_set(browser: &Browser, key: &str, value: &str) {
    browser
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(value)],
        )
        .await;
}

/// Every `localStorage` key starting with `prefix`, sorted.
pub async fn storage_keys(browser: &Browser, prefix: &str) -> Vec<String> {
    let keys = browser
        .execute(
            "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort();",
            vec![json!(prefix)],
        )
        .await;
    serde_json::from_value(keys).unwrap_or_default()
}

/// Makes the work store refuse every write with the browser's own `QuotaExceededError`, in
/// this document and every one this tab opens until [`make_room`] (a switch in the tab's
/// `sessionStorage`, which survives reloads).
///
/// Why not a real full disk: DevTools' `Storage.overrideQuotaForOrigin` is ignored by
/// Chromium's IndexedDB once the origin has written anything (it keeps the allowance it was
/// given; measured here: writes of 1 kB still succeed with a 1-byte quota, before and after a
/// reload). So the test raises the same exception the browser raises, at the same call.
pub async fn fill_storage(browser: &Browser) {
    const SWITCH: &str = r#"(() => {
      if (IDBObjectStore.prototype.__mhswFullSwitch) return;
      const put = IDBObjectStore.prototype.put;
      let puts = 0;
      IDBObjectStore.prototype.put = function (...args) {
        const full = sessionStorage.getItem('mhsw-test:storage-full');
        // "1": full now; "after:N": full once N more records have been written.
        if (full === '1' || (full && full.startsWith('after:') && ++puts > Number(full.slice(6)))) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
      IDBObjectStore.prototype.__mhswFullSwitch = true;
    })();"#;
    super::probe::cdp(
        browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": SWITCH }),
    )
    .await;
    browser.execute(SWITCH, vec![]).await;
    browser
        .execute(
            "sessionStorage.setItem('mhsw-test:storage-full', '1');",
            vec![],
        )
        .await;
}

/// Like [`fill_storage`], but the store fills up only after `records` more writes in this
/// document: a save that runs out of room part way.
pub async fn fill_storage_after(browser: &Browser, records: u32) {
    fill_storage(browser).await;
    browser
        .execute(
            "sessionStorage.setItem('mhsw-test:storage-full', 'after:' + arguments[0]);",
            vec![json!(records)],
        )
        .await;
}

/// Like [`fill_storage_after`], for the writes the import worker makes itself (it stores new
/// work in a transaction of its own, where no page script reaches): the app's server puts a
/// switch before the worker's script that makes the worker's writes refuse with the browser's
/// `QuotaExceededError` once it has made `records` of them. Call it before the app is first
/// opened, so every copy of the script (the service worker's too) has it.
pub fn fill_worker_storage_after(app: &TestApp, records: u32) {
    let switch = format!(
        "(() => {{ let writes = 0; for (const name of ['put', 'add']) {{ \
         const write = IDBObjectStore.prototype[name]; \
         IDBObjectStore.prototype[name] = function (...args) {{ \
         if (++writes > {records}) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); \
         return write.apply(this, args); }}; }} }})();"
    );
    app.server.set_prelude("import/import-worker", &switch);
}

/// Lets the work store write again after [`fill_storage`].
pub async fn make_room(browser: &Browser) {
    browser
        .execute(
            "sessionStorage.removeItem('mhsw-test:storage-full');",
            vec![],
        )
        .await;
}

/// An entry as the localStorage release (store version 1) saved a piece of work: the app
/// brings such entries into the work store when it starts, so seeding with them also tests
/// that migration on every journey.
pub fn envelope(work: &Work) -> String {
    json!({
        "store_version": 1,
        "revision": 1,
        "saved_at": "09:30",
        "work": work,
    })
    .to_string()
}

/// Opens the app, writes `works` to its storage as the localStorage release saved them, and
/// opens `route` afresh so the app brings them over and reads them at start-up.
pub async fn seed_works(app: &TestApp, works: &[&Work], route: &str) {
    app.open("#/").await;
    for work in works {
        storage_set(
            &app.browser,
            &format!("mhsw:work:{}", work.id),
            &envelope(work),
        )
        .await;
    }
    reload(app, route).await;
    // The app has moved them into the work store (they leave localStorage only once there).
    wait_until(
        &app.browser,
        "return !Object.keys(localStorage).some(k => k.startsWith('mhsw:work:'));",
        vec![],
        DEFAULT_TIMEOUT,
        "the seeded work moving into the work store",
    )
    .await;
}

/// Loads `route` again from the server (a fresh start of the app, as after closing the tab).
pub async fn reload(app: &TestApp, route: &str) {
    app.browser.goto("about:blank").await;
    app.open(route).await;
}

// ---------------------------------------------------------------------------------------------
// Work, made in the app or with the core

/// Starts new work through the app's form (clicks), and returns its id once its contents page
/// shows. `about` is needed by feedback collections.
pub async fn start_work(
    app: &TestApp,
    definition: &str,
    name: &str,
    about: Option<&str>,
) -> String {
    app.open(&format!("#/new/{definition}")).await;
    fill(&app.browser, "#work-name", name).await;
    if let Some(about) = about {
        fill(&app.browser, "#work-about", about).await;
    }
    click(&app.browser, "form.form button[type=submit]").await;
    let hash = wait_for_hash(&app.browser, "#/work/").await;
    wait_for_heading(&app.browser, name).await;
    hash.trim_start_matches("#/work/").to_owned()
}

/// A bundled questionnaire from `questionnaires/`, loaded with the core.
pub fn bundled_definition(id: &str) -> Definition {
    let file = format!("{id}.json");
    let path = repo_root().join("questionnaires").join(&file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("could not read {}: {e}", path.display()));
    load_definition(&file, &text).unwrap_or_else(|e| panic!("{file} does not load: {e}"))
}

/// A day, from `YYYY-MM-DD`.
pub fn date(text: &str) -> Date {
    text.parse()
        .unwrap_or_else(|_| panic!("{text} is not a date"))
}

/// New work on a definition, as the app's "Start" makes it.
pub fn work(id: &str, name: &str, definition: &Definition) -> Work {
    Work::start(
        WorkId::new(id),
        name.to_owned(),
        definition,
        date("2026-11-02"),
    )
}

/// An answer that is one option.
pub fn choice(value: &str) -> ItemResponse {
    ItemResponse {
        answer: Some(Answer::Choice(value.into())),
        ..ItemResponse::default()
    }
}

/// Answers as (question id, chosen option) pairs.
pub fn choices(pairs: &[(&str, &str)]) -> Responses {
    let mut responses = Responses::default();
    for (question, value) in pairs {
        responses.set(QuestionId::new(*question), choice(value));
    }
    responses
}

/// One anonymous feedback response given on a device.
pub fn feedback_response(id: &str, version: &str, answers: Responses) -> FeedbackResponse {
    FeedbackResponse {
        id: ResponseId::new(id),
        submitted: date("2026-11-10"),
        channel: Channel::Device,
        definition_version: version.to_owned(),
        answers,
    }
}

/// Writes text to a new file in a temporary folder that lives as long as the returned guard.
pub fn temp_file(name: &str, contents: &str) -> TempFile {
    let dir = super::browser::unique_temp_dir("mhsw-journey-file");
    let path = dir.join(name);
    std::fs::write(&path, contents)
        .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    TempFile { dir, path }
}

/// A file written by [`temp_file`]; its folder is removed when dropped.
#[derive(Debug)]
pub struct TempFile {
    dir: std::path::PathBuf,
    /// The file.
    pub path: std::path::PathBuf,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Clicks the button whose whole visible text is exactly `label`.
pub async fn click_button(browser: &Browser, label: &str) {
    let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(label));
    let element = browser
        .client()
        .wait()
        .at_most(DEFAULT_TIMEOUT)
        .every(Duration::from_millis(50))
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no button labelled {label:?} appeared: {e}"));
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click the button {label:?}: {e}"));
}

/// Waits until the page's main heading (`main h1`) reads exactly `text`.
pub async fn wait_for_heading_exact(browser: &Browser, text: &str) {
    wait_until(
        browser,
        "const h = document.querySelector('main h1'); return !!h && h.innerText.trim() === arguments[0];",
        vec![json!(text)],
        DEFAULT_TIMEOUT,
        &format!("the main heading reading {text:?}"),
    )
    .await;
}

/// The id of a scale's option control: `q-<question>` for the first, `q-<question>-<index>`
/// after it (`components/question_field.rs`).
pub fn option_id(question: &str, index: usize) -> String {
    if index == 0 {
        format!("q-{question}")
    } else {
        format!("q-{question}-{index}")
    }
}

/// Scrolls the first heading in `main` whose text is `text` to the top of the window (for a
/// screenshot of that part of a long page).
pub async fn scroll_to_heading(browser: &Browser, text: &str) {
    let found = browser
        .execute(
            "const h = [...document.querySelectorAll('main h1, main h2, main h3')] \
               .find(h => h.innerText.trim() === arguments[0]); \
             if (!h) return false; h.scrollIntoView({ block: 'start' }); return true;",
            vec![json!(text)],
        )
        .await;
    assert_eq!(found, json!(true), "no heading reads {text:?}");
}

/// True when some of the element matching `selector` is inside the window.
pub async fn is_in_view(browser: &Browser, selector: &str) -> bool {
    browser
        .execute(
            "const e = document.querySelector(arguments[0]); if (!e) return false; \
             const r = e.getBoundingClientRect(); \
             return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;",
            vec![json!(selector)],
        )
        .await
        == json!(true)
}

// ---------------------------------------------------------------------------------------------
// Zoom, the Back button, and looking at every screen reached

/// Zooms the page as a person does with Ctrl and +: a 1280 × 900 window at `percent` % shows
/// 1280 / (`percent` / 100) CSS pixels across, drawn with that many device pixels per CSS pixel
/// (DevTools' `Emulation.setDeviceMetricsOverride`, which lasts across pages in the tab).
/// 200% is a 640 px wide page, 400% (WCAG 1.4.10, reflow) a 320 px one; 100 ends the zoom.
pub async fn set_zoom(browser: &Browser, percent: u32) {
    if percent == 100 {
        browser
            .cdp("Emulation.clearDeviceMetricsOverride", json!({}))
            .await;
        return;
    }
    let scale = f64::from(percent) / 100.0;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": (1280.0 / scale).round() as u32,
                "height": (900.0 / scale).round() as u32,
                "deviceScaleFactor": scale,
                "mobile": false,
            }),
        )
        .await;
    wait_until(
        browser,
        "return Math.abs(window.innerWidth - arguments[0]) <= 1;",
        vec![json!((1280.0 / scale).round())],
        QUICK,
        &format!("the page zoomed to {percent}%"),
    )
    .await;
}

/// The page's layout shift score since it was loaded (shifts a person caused are left out, as
/// the browser's own measure leaves them out).
pub async fn layout_shift(b: &Browser) -> f64 {
    b.execute_async(
        "const done = arguments[arguments.length - 1]; \
         let total = 0; \
         new PerformanceObserver((list) => { \
           for (const shift of list.getEntries()) if (!shift.hadRecentInput) total += shift.value; \
         }).observe({ type: 'layout-shift', buffered: true }); \
         setTimeout(() => done(total), 200);",
        vec![],
    )
    .await
    .as_f64()
    .expect("the layout shift score")
}

/// Presses the browser's Back button, then waits for the page whose main heading reads exactly
/// `heading`, and checks that focus went somewhere a keyboard user can go on from (the app puts
/// it on the heading), not to the page itself.
pub async fn go_back(browser: &Browser, heading: &str) {
    browser
        .client()
        .back()
        .await
        .unwrap_or_else(|e| panic!("could not press Back: {e}"));
    wait_for_heading_exact(browser, heading).await;
    wait_until(
        browser,
        "const e = document.activeElement; \
         return !!e && e !== document.body && e !== document.documentElement;",
        vec![],
        QUICK,
        &format!("focus going somewhere on {heading:?} after Back (not to the page itself)"),
    )
    .await;
}

/// Fails when the page is wider than the window, so a person would have to scroll sideways to
/// read it (WCAG 1.4.10). A table inside a named, focusable scrolling region
/// (`.table-wrap[aria-label]`) may scroll within it; that region itself must fit. The message
/// lists the elements that stick out.
pub async fn assert_fits_the_width(browser: &Browser, what: &str) {
    let found = browser
        .execute(
            "const w = window.innerWidth; \
             const out = [...document.querySelectorAll('body *')] \
               .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).visibility !== 'hidden'); \
             const outside = out.filter(e => !e.closest('.table-wrap[aria-label]') || e.matches('.table-wrap')); \
             const wide = (outside.length || document.documentElement.scrollWidth <= w + 1 ? outside : out) \
               .slice(0, 6) \
               .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/ +/g, '.') : '') \
                 + ' right=' + Math.round(e.getBoundingClientRect().right) + ' ' + JSON.stringify((e.innerText || '').slice(0, 40))); \
             return { fits: document.documentElement.scrollWidth <= w + 1, width: document.documentElement.scrollWidth, window: w, wide };",
            vec![],
        )
        .await;
    assert!(
        found["fits"] == json!(true) && found["wide"].as_array().is_some_and(Vec::is_empty),
        "{what}: the page is {} CSS px wide in a {} px window, so it scrolls sideways; \
         sticking out: {}",
        found["width"],
        found["window"],
        found["wide"]
    );
}

/// Fails when a word is broken across two lines though it would fit on one (as
/// `overflow-wrap: anywhere` in a narrow column did: "Organisatio" / "nal" in the results'
/// details on a phone). Breaks at hyphens, dashes and slashes are ordinary wrapping; a word
/// wider than its box may be broken. The message lists the words and their room.
pub async fn assert_no_word_broken(browser: &Browser, what: &str) {
    let broken = browser
        .execute(
            "const out = []; \
             const main = document.querySelector('main') || document.body; \
             const style = getComputedStyle(main); \
             const room = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight); \
             const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); \
             for (let t = texts.nextNode(); t && out.length < 6; t = texts.nextNode()) { \
               if (!t.parentElement || t.parentElement.closest('svg, script, style, noscript')) continue; \
               const words = /[^\\s\\-\\u2010-\\u2014\\/]+/g; \
               for (let m = words.exec(t.data); m; m = words.exec(t.data)) { \
                 const range = document.createRange(); \
                 range.setStart(t, m.index); range.setEnd(t, m.index + m[0].length); \
                 const rects = [...range.getClientRects()].filter((r) => r.width > 0); \
                 if (new Set(rects.map((r) => Math.round(r.bottom))).size < 2) continue; \
                 const width = rects.reduce((sum, r) => sum + r.width, 0); \
                 if (width <= room) out.push(`${m[0]} (${Math.round(width)} px, in ${Math.round(room)} px)`); \
               } \
             } \
             return out;",
            vec![],
        )
        .await;
    assert!(
        broken.as_array().is_some_and(Vec::is_empty),
        "{what}: words broken across two lines though they would fit on one: {broken}"
    );
}

/// Looks at the screen reached as a person would at this size: nothing runs off the side (see
/// [`assert_fits_the_width`]), no word is broken where it would fit ([`assert_no_word_broken`]),
/// a screenshot is saved as `sweep/<name>` (see
/// [`super::screenshot_path`]) to look at, and axe-core finds no WCAG 2.2 AA failure.
pub async fn check_screen(browser: &Browser, name: &str) {
    assert_fits_the_width(browser, name).await;
    assert_no_word_broken(browser, name).await;
    browser
        .screenshot(&super::screenshot_path(&format!("sweep/{name}")))
        .await;
    super::axe::assert_accessible(browser, name).await;
}
