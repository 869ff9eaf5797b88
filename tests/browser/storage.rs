//! The work store: site data blocked, the move from the localStorage release (whole and
//! interrupted), export everything, storage removed elsewhere, 50,000 responses, a full disk.

use crate::prelude::*;

/// A feedback collection with `count` fully answered responses (every rating and the free
/// text), made with the core so the file is the app's own format.
pub(crate) fn collection_with(id: &str, definition_id: &str, count: usize) -> mhsw::work::Work {
    let definition = bundled_definition(definition_id);
    let questions = feedback_questions(definition_id);
    let mut collection = work(id, "Big collection", &definition);
    if let Some(c) = collection.collection.as_mut() {
        c.about = "North Team".to_owned();
        c.responses = (0..count)
            .map(|n| {
                let pairs: Vec<(&str, &str)> = questions
                    .iter()
                    .filter(|(_, rating)| *rating)
                    .map(|(q, _)| (q.as_str(), ["agree", "disagree", "neither"][n % 3]))
                    .collect();
                let mut answers = choices(&pairs);
                for (q, rating) in &questions {
                    if !rating {
                        answers.set(
                            QuestionId::new(q.as_str()),
                            ItemResponse {
                                answer: Some(Answer::Text(format!("Words from person {n}"))),
                                ..ItemResponse::default()
                            },
                        );
                    }
                }
                feedback_response(&format!("{id}-{n:06}"), &definition.version, answers)
            })
            .collect();
    }
    collection
}

/// Counts the responses of one piece of work in the work store, wherever they are: in their own
/// records, or in staged blocks an import wrote and has not yet split (R7 in `src/store.rs`).
pub(crate) async fn stored_response_count(b: &common::browser::Browser, id: &str) -> u64 {
    b.execute_async(
        r#"const [id, done] = [arguments[0], arguments[arguments.length - 1]];
        const r = indexedDB.open('mhsw');
        r.onsuccess = () => {
          const tx = r.result.transaction(['responses', 'staged'], 'readonly');
          const range = IDBKeyRange.bound([id], [id, []], false, true);
          const c = tx.objectStore('responses').count(range);
          const blocks = tx.objectStore('staged').getAll(range);
          tx.oncomplete = () => {
            r.result.close();
            done(c.result + blocks.result.reduce((n, block) => n + block.ends.length / 3, 0));
          };
        };
        r.onerror = () => done(-1);"#,
        vec![json!(id)],
    )
    .await
    .as_u64()
    .unwrap_or(0)
}

/// Site data blocked (a managed browser's policy): the app starts, says once that nothing will
/// be kept, lets the work go on in memory, and offers everything as a download.
#[tokio::test]
async fn with_site_data_blocked_the_app_starts_and_offers_downloads() {
    let app = TestApp::start_with_site_data_blocked().await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("Nothing is being saved on this device.", DEFAULT_TIMEOUT)
        .await;
    assert_contains(
        &b.body_text().await,
        "Nothing you do will be kept after this page closes",
        "the one notice",
    );
    find(b, ".tool-list").await;
    let id = start_work(&app, "self-assessment", "Blocked audit", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1-2").await;
    assert_eq!(is_checked(b, "q-strat-1-2").await, Some(true));
    assert_eq!(
        b.body_text()
            .await
            .matches("Nothing is being saved on this device.")
            .count(),
        1,
        "said once, not once per change"
    );
    assert!(
        !b.body_text().await.contains("Saved on this device"),
        "never claims a save"
    );
    b.screenshot(&screenshot_path("device-site-data-blocked"))
        .await;
    assert_accessible(b, "a section with site data blocked").await;
    click_button(b, "Download everything (backup file)").await;
    let file = b.wait_for_download(".json", DEFAULT_TIMEOUT).await;
    let works = mhsw::work::parse_import(&std::fs::read_to_string(&file).expect("read the backup"))
        .expect("the backup is readable");
    assert_eq!(works.len(), 1);
    assert_eq!(
        works[0]
            .responses
            .item(&"strat-1".into())
            .and_then(|i| i.answer.clone()),
        Some(Answer::Choice("established".into()))
    );
    assert!(b.wasm_panics().await.is_empty());
    app.close().await;
}

/// Entries saved by the localStorage release (work, an entry kept aside, a questionnaire
/// opened from a file) come into the work store, read back the same, and leave localStorage;
/// a start interrupted part way (the store already holding a copy) duplicates nothing.
#[tokio::test]
async fn entries_of_the_localstorage_release_move_into_the_work_store() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("old-audit-1", "Old audit", &definition);
    audit.responses = choices(&[("strat-1", "established")]);
    let collection = collection_with("old-feedback", "feedback-service-user", 12);
    let local =
        std::fs::read_to_string(repo_root().join("questionnaires/conversation-record.json"))
            .expect("a bundled definition")
            .replace(
                "\"id\": \"conversation-record\"",
                "\"id\": \"local-record\"",
            );
    app.open("#/").await;
    find(b, ".tool-list").await;
    for (key, value) in [
        ("mhsw:work:old-audit-1".to_owned(), envelope(&audit)),
        ("mhsw:work:old-feedback".to_owned(), envelope(&collection)),
        (
            "mhsw:unreadable:broken".to_owned(),
            "{\"store_version\": 1, \"rev".to_owned(),
        ),
        (
            "mhsw:definition:local-record.json".to_owned(),
            local.clone(),
        ),
    ] {
        storage_set(b, &key, &value).await;
    }
    // An interrupted migration: the collection was copied, but its old entry not yet removed.
    reload(&app, "#/").await;
    b.wait_for_text("Old audit", DEFAULT_TIMEOUT).await;
    wait_until(
        b,
        "return Object.keys(localStorage).filter(k => /^mhsw:(work|unreadable|definition):/.test(k)).length === 0;",
        vec![],
        QUICK,
        "the old entries leaving localStorage",
    )
    .await;
    storage_set(b, "mhsw:work:old-feedback", &envelope(&collection)).await;
    reload(&app, "#/").await;
    b.wait_for_text("Old audit", DEFAULT_TIMEOUT).await;
    wait_until(
        b,
        "return localStorage.getItem('mhsw:work:old-feedback') === null;",
        vec![],
        QUICK,
        "the repeated entry leaving localStorage",
    )
    .await;

    assert_eq!(
        stored_work_ids(b).await,
        vec!["old-audit-1".to_owned(), "old-feedback".to_owned()]
    );
    assert_eq!(saved_work(b, "old-audit-1").await, audit);
    assert_eq!(saved_work(b, "old-feedback").await, collection);
    assert_eq!(
        stored_response_count(b, "old-feedback").await,
        12,
        "no duplicates"
    );
    let aside = stored_aside(b).await;
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(aside[0].1, "mhsw:unreadable:broken");
    let home = main_text(b).await;
    assert_contains(
        &home,
        "Saved work that could not be read",
        "the entry kept aside",
    );
    app.open("#/questionnaires").await;
    b.wait_for_text("local-record.json", DEFAULT_TIMEOUT).await;

    // A reload in the middle of a larger move loses nothing and duplicates nothing.
    app.open("#/").await;
    find(b, ".tool-list").await;
    for n in 0..60 {
        let w = work(
            &format!("many-{n:02}"),
            &format!("Many {n:02}"),
            &definition,
        );
        storage_set(b, &format!("mhsw:work:many-{n:02}"), &envelope(&w)).await;
    }
    b.goto(&app.route_url("#/")).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    reload(&app, "#/").await;
    b.wait_for_text("Many 59", DEFAULT_TIMEOUT).await;
    wait_until(
        b,
        "return Object.keys(localStorage).filter(k => k.startsWith('mhsw:work:')).length === 0;",
        vec![],
        DEFAULT_TIMEOUT,
        "all 60 entries moving",
    )
    .await;
    assert_eq!(stored_work_ids(b).await.len(), 62);
    assert_eq!(count_controls_with_text(b, "Open Many 07").await, 1);
    finish(app).await;
}

/// "Export everything" writes one file; on an empty device it brings all the work back, and
/// importing it again adds nothing.
#[tokio::test]
async fn export_everything_restores_all_the_work_and_twice_adds_nothing() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("backup-audit", "Backup audit", &definition);
    audit.responses = choices(&[("strat-1", "established")]);
    let collection = collection_with("backup-feedback", "feedback-service-user", 6);
    seed_works(&app, &[&audit, &collection], "#/").await;
    b.wait_for_text("Backup audit", DEFAULT_TIMEOUT).await;
    app.open("#/privacy").await;
    wait_for_heading_exact(b, "Your data").await;
    b.wait_for_text("The toolkit is using", DEFAULT_TIMEOUT)
        .await;
    click_button(b, "Export everything").await;
    b.wait_for_text("A backup of 2 pieces of work was downloaded", QUICK)
        .await;
    let file = b.wait_for_download(".json", DEFAULT_TIMEOUT).await;
    assert!(
        file.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("mhsw-toolkit-backup-")),
        "{file:?}"
    );
    assert_accessible(b, "Your data after a backup").await;
    app.open("#/").await;
    b.wait_for_text("Last exported on", DEFAULT_TIMEOUT).await;
    assert_eq!(
        main_text(b).await.matches("Last exported on").count(),
        2,
        "each piece of work says when it was exported"
    );
    app.open("#/privacy").await;
    wait_for_heading_exact(b, "Your data").await;
    // The copies of the site's questionnaires (kept so they are fetched only when changed)
    // go too.
    wait_until(
        b,
        "return localStorage.getItem('mhsw:copy:questionnaires/self-assessment.json') !== null \
           && localStorage.getItem('mhsw:copy-text:questionnaires/manifest.json') !== null;",
        vec![],
        DEFAULT_TIMEOUT,
        "the copies of the site's questionnaire and manifest being kept",
    )
    .await;

    click_button(b, "Remove all my data from this device").await;
    click_button(b, "Yes, remove everything").await;
    b.wait_for_text(
        "Everything the toolkit kept in this browser has been removed",
        QUICK,
    )
    .await;
    assert!(stored_work_ids(b).await.is_empty());
    let store = read_store(b).await.expect("the work store");
    assert_eq!(
        store["documents"],
        json!([]),
        "documents after removing everything"
    );
    let copies = b
        .execute(
            "return Object.keys(localStorage).filter(k => k.startsWith('mhsw:copy'));",
            vec![],
        )
        .await;
    assert_eq!(copies, json!([]), "copies' keys after removing everything");

    app.open("#/").await;
    find(b, ".tool-list").await;
    choose_files(b, "#import-file", &[&file]).await;
    b.wait_for_text(
        "imported as “Backup audit”, and saved on this device.",
        QUICK,
    )
    .await;
    assert_contains(
        &main_text(b).await,
        "imported as “Big collection” with 6 responses, and saved on this device.",
        "the collection restored",
    );
    choose_files(b, "#import-file", &[&file]).await;
    b.wait_for_text(
        "“Backup audit” is already on this device, unchanged, so nothing was added.",
        QUICK,
    )
    .await;
    assert_contains(
        &main_text(b).await,
        "0 new responses added to “Big collection” and saved on this device; 6 were already there.",
        "the collection not doubled",
    );
    assert_eq!(
        stored_work_ids(b).await,
        vec!["backup-audit".to_owned(), "backup-feedback".to_owned()]
    );
    let restored = saved_work(b, "backup-audit").await;
    assert_eq!(restored.responses, audit.responses);
    assert_eq!(stored_response_count(b, "backup-feedback").await, 6);
    finish(app).await;
}

/// Another tab removing the toolkit's storage is noticed: nothing is silently saved, and the
/// work this tab holds can be saved again.
#[tokio::test]
async fn storage_removed_in_another_tab_is_noticed() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let first = work("kept-a", "Kept A", &definition);
    let second = work("kept-b", "Kept B", &definition);
    seed_works(&app, &[&first, &second], "#/work/kept-a/section/strategy").await;
    find(b, "#q-strat-1").await;
    let here = b.client().window().await.expect("this tab");
    let other = b.client().new_window(true).await.expect("a tab");
    b.client()
        .switch_to_window(other.handle.clone())
        .await
        .expect("switch");
    app.open("#/privacy").await;
    click_button(b, "Remove all my data from this device").await;
    click_button(b, "Yes, remove everything").await;
    b.wait_for_text("has been removed", QUICK).await;
    b.client().close_window().await.expect("close");
    b.client().switch_to_window(here).await.expect("back");
    b.wait_for_text("Nothing is being saved on this device.", QUICK)
        .await;
    click(b, "#q-strat-1-2").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(
        stored_work_ids(b).await.is_empty(),
        "nothing brought back silently"
    );
    click_button(b, "Save this tab’s work on this device again").await;
    wait_until(
        b,
        "return !document.body.innerText.includes('Nothing is being saved on this device.');",
        vec![],
        QUICK,
        "the notice going",
    )
    .await;
    assert_eq!(
        stored_work_ids(b).await,
        vec!["kept-a".to_owned(), "kept-b".to_owned()],
        "both pieces of work, not only the one changed"
    );
    assert_eq!(
        saved_work(b, "kept-a")
            .await
            .responses
            .item(&"strat-1".into())
            .and_then(|i| i.answer.clone()),
        Some(Answer::Choice("established".into()))
    );
    finish(app).await;
}

/// 50,000 fully answered responses: read in the import worker while the page keeps drawing,
/// saved, and all there after a reload.
#[tokio::test]
async fn a_collection_of_50000_responses_is_saved_and_kept() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let big = collection_with("fifty-thousand", "feedback-service-user", 50_000);
    let file = temp_file("fifty-thousand.json", &export_work(&big));
    drop(big);
    app.open("#/").await;
    find(b, ".tool-list").await;
    // Every frame the page draws while the import runs (`make bench` reports the figures;
    // this only checks that the page never froze, as it did when the file was read here).
    b.execute(
        "window.__frames = []; const tick = () => { window.__frames.push(performance.now()); \
         if (!window.__framesDone) requestAnimationFrame(tick); }; requestAnimationFrame(tick);",
        vec![],
    )
    .await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text(
        "fifty-thousand.json: imported as “Big collection” with 50,000 responses, and saved on this device.",
        Duration::from_secs(180),
    )
    .await;
    let longest_gap = b
        .execute(
            "window.__framesDone = true; const f = window.__frames; let gap = 0; \
             for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]); return gap;",
            vec![],
        )
        .await
        .as_f64()
        .expect("a number");
    assert!(
        longest_gap < 1000.0,
        "the page stopped drawing for {longest_gap:.0} ms while the file was imported"
    );
    let requested = app.server.requests();
    for part in [
        "import/import-worker.js",
        "import/mhsw-import-worker_bg.wasm",
    ] {
        let part = format!("/{}", release_name(part));
        assert!(
            requested.contains(&part),
            "the file was not read in the import worker ({part} was not fetched)"
        );
    }
    assert_eq!(stored_response_count(b, "fifty-thousand").await, 50_000);
    reload(&app, "#/work/fifty-thousand").await;
    b.wait_for_text("50,000 responses", Duration::from_secs(120))
        .await;
    finish(app).await;
}

/// A collection whose save runs out of room part way keeps nothing of it in the store: the
/// import worker's (after its head and 9 of its 15 staged blocks), then the page's (after 1,000
/// of its 1,500 records). The import says it was not saved, and no half of it is left to be
/// read back as if it were the whole.
#[tokio::test]
async fn a_save_that_fills_the_disk_part_way_keeps_nothing_of_it() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let collection = collection_with("half-saved", "feedback-service-user", 1500);
    let file = temp_file("half-saved.json", &export_work(&collection));
    // The import worker stores new work itself; if it cannot, the page tries, so both fill up.
    fill_worker_storage_after(&app, 10);
    app.open("#/").await;
    find(b, ".tool-list").await;
    fill_storage_after(b, 1000).await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text(
        "half-saved.json: it was read, but not saved on this device",
        QUICK,
    )
    .await;
    assert_eq!(
        stored_response_count(b, "half-saved").await,
        0,
        "part of a failed save was kept"
    );
    assert!(
        !stored_work_ids(b).await.contains(&"half-saved".to_owned()),
        "the head of a failed save was kept"
    );
    finish(app).await;
}

/// A profile made by the localStorage release (`tests/fixtures/release-1-localstorage.json`,
/// captured from that release's app: an audit with evidence, a collection of 7 responses, an
/// entry it had kept aside, a questionnaire opened from a file) moves into the work store
/// whole; the same entries met again (a move interrupted before they were removed) add nothing.
#[tokio::test]
async fn a_profile_from_the_localstorage_release_moves_whole() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let fixture: serde_json::Map<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("tests/fixtures/release-1-localstorage.json"))
            .expect("the fixture"),
    )
    .expect("the fixture is JSON");
    let expected = |key: &str| {
        mhsw::store::read_version_1(fixture[key].as_str().expect("text"))
            .expect("the release's entry reads")
            .0
    };
    app.open("#/").await;
    find(b, ".tool-list").await;
    for round in 0..2 {
        for (key, value) in &fixture {
            storage_set(b, key, value.as_str().expect("text")).await;
        }
        reload(&app, "#/").await;
        b.wait_for_text("North Team audit, 2026 baseline", DEFAULT_TIMEOUT)
            .await;
        wait_until(
            b,
            "return Object.keys(localStorage).filter(k => /^mhsw:(work|unreadable|definition):/.test(k)).length === 0;",
            vec![],
            QUICK,
            "the release's entries leaving localStorage",
        )
        .await;
        assert_eq!(
            stored_work_ids(b).await,
            vec![
                "release-1-audit".to_owned(),
                "release-1-feedback".to_owned()
            ],
            "round {round}"
        );
        assert_eq!(
            saved_work(b, "release-1-audit").await,
            expected("mhsw:work:release-1-audit")
        );
        assert_eq!(
            saved_work(b, "release-1-feedback").await,
            expected("mhsw:work:release-1-feedback")
        );
        assert_eq!(
            stored_response_count(b, "release-1-feedback").await,
            7,
            "round {round}"
        );
        let aside = stored_aside(b).await;
        assert_eq!(aside.len(), 1, "round {round}: {aside:?}");
        assert_eq!(aside[0].1, "mhsw:unreadable:release-1-broken");
        assert_eq!(
            aside[0].2,
            fixture["mhsw:unreadable:release-1-broken"]
                .as_str()
                .unwrap_or_default()
        );
    }
    app.open("#/work/release-1-audit/section/strategy").await;
    find(b, "#q-strat-1").await;
    assert_contains(
        &b.execute(
            "return [...document.querySelectorAll('textarea')].map(t => t.value).join('|');",
            vec![],
        )
        .await
        .to_string(),
        "Cymraeg: ŵ ŷ",
        "the evidence, with its Welsh letters",
    );
    app.open("#/questionnaires").await;
    b.wait_for_text("release-1-local.json", DEFAULT_TIMEOUT)
        .await;
    finish(app).await;
}

/// A lead chooses a file that is too large to import (over the 256 MB the hint gives).
///
/// Steps: on Home, "Import work from a file" (its hint says "up to 256 MB each"); choose a
/// 300 MB file.
///
/// What went wrong: the message reads "the file is 314572800 bytes, over the limit of
/// 268435456 bytes. Split the work into smaller files, …": nine-digit byte counts the lead
/// must compare with the hint's "256 MB". It should give the sizes in MB, as the hint does.
#[tokio::test]
async fn a_file_too_large_to_import_is_described_in_megabytes() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let huge = temp_file("everything-from-last-year.json", "");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&huge.path)
        .and_then(|f| f.set_len(300 * 1024 * 1024))
        .expect("a 300 MB file (sparse)");
    app.open("#/").await;
    find(b, ".tool-list").await;
    assert_contains(&main_text(b).await, "up to 256 MB each", "the hint");
    choose_files(b, "#import-file", &[&huge.path]).await;
    b.wait_for_text("was not imported", DEFAULT_TIMEOUT).await;
    let text = main_text(b).await;
    b.screenshot(&shot("import-too-large")).await;
    let message = text
        .lines()
        .find(|l| l.contains("was not imported"))
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains("256 MB") && !message.contains("268435456"),
        "the refusal should give the limit as the hint does (256 MB), not in bytes: {message:?}"
    );
    finish(app).await;
}

/// A practitioner sets up collection on a council tablet whose browser blocks all site data
/// (a managed policy), so nothing can be kept.
///
/// Steps: with site data blocked, start a feedback collection and open "Collect on this
/// device".
///
/// What went wrong: the set-up screen promises "Each person’s answers are saved when they send
/// them" and starts collecting as usual (the banner above, "Nothing is being saved on this
/// device", disappears once collecting starts). Each person then answers all 27 questions and
/// only at the end is told "Your answers could not be saved … Please hand the device back".
/// The set-up screen should not promise a save the device cannot make, and should say plainly,
/// before collection starts, that answers sent here will not be kept.
#[tokio::test]
async fn collection_set_up_on_a_device_that_cannot_save_does_not_promise_a_save() {
    let app = TestApp::start_with_site_data_blocked().await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("Nothing is being saved on this device.", DEFAULT_TIMEOUT)
        .await;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Blocked tablet",
        Some("West Team"),
    )
    .await;
    app.open(&format!("#/work/{id}")).await;
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    b.screenshot(&shot("blocked-set-up-promises-a-save")).await;
    assert_lacks(
        &main_text(b).await,
        "Each person’s answers are saved when they send them",
        "the collection set-up on a device that cannot save anything",
    );
    // Blocked storage logs its refusals to the console; only a panic is a failure here.
    assert!(b.wasm_panics().await.is_empty(), "the app must not stop");
    app.close().await;
}

/// Counts, in the work store, the response records of work `id` (in their own records only)
/// and the staged blocks left of any work (R7 in `src/store.rs`).
pub(crate) async fn own_records_and_blocks(b: &common::browser::Browser, id: &str) -> (u64, u64) {
    let counted = b
        .execute_async(
            r#"const [id, done] = [arguments[0], arguments[arguments.length - 1]];
            const r = indexedDB.open('mhsw');
            r.onsuccess = () => {
              const tx = r.result.transaction(['responses', 'staged'], 'readonly');
              const own = tx.objectStore('responses').count(IDBKeyRange.bound([id], [id, []], false, true));
              const blocks = tx.objectStore('staged').count();
              tx.oncomplete = () => { r.result.close(); done([own.result, blocks.result]); };
            };
            r.onerror = () => done(null);"#,
            vec![json!(id)],
        )
        .await;
    let count = |at: usize| counted[at].as_u64().expect("a count");
    (count(0), count(1))
}

/// Waits (up to 30 s) for the import worker's split of the staged blocks (R7) to leave none,
/// then counts as [`own_records_and_blocks`] does.
pub(crate) async fn records_once_split(b: &common::browser::Browser, id: &str) -> (u64, u64) {
    let started = std::time::Instant::now();
    let mut counted = own_records_and_blocks(b, id).await;
    while counted.1 > 0 && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        counted = own_records_and_blocks(b, id).await;
    }
    counted
}

/// An import's staged blocks left unsplit (the page closed between the import's save and the
/// split that follows it): the next start puts every response in its own record, none lost and
/// none twice, and a block whose packing is broken is kept aside whole while the rest of the
/// collection is read.
#[tokio::test]
async fn staged_blocks_left_by_an_interrupted_import_are_split_on_the_next_start() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut collection = collection_with("staged", "feedback-service-user", 250);
    let meta = mhsw::store::Meta {
        revision: 1,
        saved_at: "10:00".to_owned(),
        ..mhsw::store::Meta::imported(mhsw::date::Date::new(2026, 11, 22).expect("a date"))
    };
    let head = mhsw::store::head_record(&mut collection, &meta);
    let responses = collection
        .collection
        .clone()
        .expect("a collection")
        .responses;
    let mut blocks: Vec<Value> = responses
        .chunks(100)
        .map(|chunk| {
            let mut packed = mhsw::store::Packed::default();
            for response in chunk {
                let record = mhsw::store::response_record(response);
                packed.push(response.id.as_str(), &record.text, &record.sum);
            }
            let text = String::from_utf8(packed.bytes).expect("UTF-8");
            json!({ "text": text, "ends": packed.ends })
        })
        .collect();
    // The last block (50 responses) loses its last end: its responses cannot be told apart.
    blocks[2]["ends"].as_array_mut().expect("ends").pop();
    app.open("#/").await;
    find(b, ".tool-list").await;
    let write = || {
        b.execute_async(
            r#"const [id, head, blocks, done] = arguments;
            const r = indexedDB.open('mhsw');
            // Until the app has made the store, wait (never make an empty one here).
            r.onupgradeneeded = () => r.transaction.abort();
            r.onerror = () => done('not yet');
            r.onsuccess = () => {
              if (!r.result.objectStoreNames.contains('staged')) { r.result.close(); done('not yet'); return; }
              try {
                const tx = r.result.transaction(['works', 'staged'], 'readwrite');
                tx.objectStore('works').add({ text: head.text, sum: head.sum, rev: 1 }, id);
                blocks.forEach((block, n) =>
                  tx.objectStore('staged').add({ text: block.text, ends: new Uint32Array(block.ends) }, [id, n]));
                tx.oncomplete = () => { r.result.close(); done(true); };
                tx.onabort = () => done(String(tx.error));
              } catch (e) { done(String(e)); }
            };"#,
            vec![
                json!("staged"),
                json!({ "text": head.text, "sum": head.sum }),
                json!(blocks),
            ],
        )
    };
    let mut written = write().await;
    for _ in 0..50 {
        if written != json!("not yet") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        written = write().await;
    }
    assert_eq!(
        written,
        json!(true),
        "the staged blocks could not be written"
    );

    let readable = &responses[..200];
    for round in 0..2 {
        reload(&app, "#/").await;
        // The first screen lists the work from its light listing before the store is read.
        b.wait_for_text("Saved work that could not be read", DEFAULT_TIMEOUT)
            .await;
        assert_eq!(
            own_records_and_blocks(b, "staged").await,
            (200, 0),
            "round {round}: the readable blocks split into their records, the broken one kept aside"
        );
        let saved = saved_work(b, "staged").await;
        let saved_responses = saved.collection.expect("a collection").responses;
        assert_eq!(saved_responses.len(), 200, "round {round}");
        assert!(
            readable.iter().all(|r| saved_responses.contains(r)),
            "round {round}: a response was changed in the split"
        );
        let aside = stored_aside(b).await;
        assert_eq!(aside.len(), 1, "round {round}: {aside:?}");
        assert_eq!(
            aside[0].1,
            "block 2 of the responses imported into work staged"
        );
        assert_contains(
            &aside[0].2,
            responses[249].id.as_str(),
            "the block kept aside, with its responses",
        );
        assert_contains(
            &main_text(b).await,
            "Saved work that could not be read",
            "the home page",
        );
    }
    app.open("#/work/staged").await;
    b.wait_for_text("200 responses", DEFAULT_TIMEOUT).await;
    finish(app).await;
}

/// A work store made by the release before staged blocks (database version 1, four stores,
/// a collection with its responses in their own records) opens in this release: its work is
/// read whole, and the store gains the `staged` store beside it.
#[tokio::test]
async fn a_work_store_from_the_release_before_staged_blocks_opens_whole() {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/").await;
    find(b, ".tool-list").await;
    let mut collection = collection_with("version-1-store", "feedback-service-user", 3);
    let meta = mhsw::store::Meta {
        revision: 4,
        saved_at: "09:00".to_owned(),
        ..mhsw::store::Meta::default()
    };
    let (head, responses) = mhsw::store::split(&mut collection, &meta);
    let responses: Vec<Value> = responses
        .iter()
        .map(|(id, r)| json!({ "id": id.as_str(), "text": r.text, "sum": r.sum }))
        .collect();
    let made = b
        .execute_async(
            r#"const [head, responses, done] = arguments;
            // The app's own store goes first (the app lets it go), then the old one is made.
            // Asked for at once, not when the deletion has ended: requests for one database are
            // met in order, so the app's own reopening comes after it (and upgrades it).
            const gone = indexedDB.deleteDatabase('mhsw');
            gone.onerror = () => done(String(gone.error));
            const r = indexedDB.open('mhsw', 1);
            r.onupgradeneeded = () => {
              for (const name of ['works', 'responses', 'aside', 'documents']) r.result.createObjectStore(name);
            };
            r.onsuccess = () => {
              const tx = r.result.transaction(['works', 'responses'], 'readwrite');
              tx.objectStore('works').put({ text: head.text, sum: head.sum, rev: 4 }, 'version-1-store');
              for (const one of responses)
                tx.objectStore('responses').put({ text: one.text, sum: one.sum }, ['version-1-store', one.id]);
              tx.oncomplete = () => { r.result.close(); done(r.result.version); };
              tx.onabort = () => done(String(tx.error));
            };
            r.onerror = () => done(String(r.error));"#,
            vec![json!({ "text": head.text, "sum": head.sum }), json!(responses)],
        )
        .await;
    assert_eq!(made, json!(1), "the old store could not be made");
    reload(&app, "#/").await;
    b.wait_for_text("Big collection", DEFAULT_TIMEOUT).await;
    let version = b
        .execute_async(
            r#"const done = arguments[0]; const r = indexedDB.open('mhsw');
            r.onsuccess = () => { const v = [r.result.version, [...r.result.objectStoreNames]]; r.result.close(); done(v); };"#,
            vec![],
        )
        .await;
    assert_eq!(
        version,
        json!([2, ["aside", "documents", "responses", "staged", "works"]])
    );
    assert_eq!(saved_work(b, "version-1-store").await, collection);
    assert_eq!(stored_response_count(b, "version-1-store").await, 3);
    finish(app).await;
}

/// The save line's text (empty when it says nothing).
async fn save_line(b: &common::browser::Browser) -> String {
    b.text_of(
        "const s = document.querySelector('.save-status'); return s ? s.innerText : '';",
        vec![],
    )
    .await
}

/// A first start of an audit (`id`, `name`) at its section "strategy", with no service worker,
/// the part `saving` held back `held` by the server.
async fn section_with_saving_held(id: &str, name: &str, held: Duration) -> TestApp {
    page_with_saving_held(id, name, held, &format!("#/work/{id}/section/strategy")).await
}

/// Like [`section_with_saving_held`], starting at `route` (a page that fetches saving's part as
/// soon as the start has read the work, such as the audit's contents).
async fn page_with_saving_held(id: &str, name: &str, held: Duration, route: &str) -> TestApp {
    let app = TestApp::start().await;
    app.browser.bypass_service_worker().await;
    let audit = work(id, name, &bundled_definition("self-assessment"));
    seed_works(&app, &[&audit], "#/").await;
    app.server.hold("split_saving", held);
    reload(&app, route).await;
    app
}

/// Whether the stored audit `id` holds an answer to `strat-1`.
async fn strat_1_stored(b: &common::browser::Browser, id: &str) -> bool {
    stored_envelope(b, id)
        .await
        .is_some_and(|e| !e["work"]["responses"]["strat-1"].is_null())
}

/// The code that saves is a part of the app of its own (`split_saving`), fetched once a
/// section's first question is drawn, so a first visit to a section does not wait for it. A
/// change made while it is still coming waits for it: the save line says "Saving…", never
/// "Saved", until the change is in the store.
#[tokio::test]
async fn a_change_made_while_the_saving_part_downloads_is_saved_once_it_comes() {
    let app = section_with_saving_held("held-save", "Held save", Duration::from_millis(4000)).await;
    let b = &app.browser;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        save_line(b).await,
        "Saving…",
        "what the save line says while saving's part comes"
    );
    assert!(
        !strat_1_stored(b, "held-save").await,
        "stored before saving's part came"
    );
    // The part comes 4 s after it was asked for (later on a busy machine), then the save.
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    assert!(
        strat_1_stored(b, "held-save").await,
        "said saved, but not stored"
    );
    assert_eq!(is_checked(b, "q-strat-1-2").await, Some(true));
    finish(app).await;
}

/// When the part that saves cannot be downloaded (the connection lost just after the page
/// came), a change stays in the page, and the save line says it is not saved and why, never
/// "Saved". Once the part can be downloaded again, the toolkit tries again by itself and
/// saves it.
#[tokio::test]
async fn a_change_is_kept_and_said_unsaved_while_the_saving_part_cannot_be_downloaded() {
    let app = TestApp::start_hiding(&["/split_saving.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "no-saver",
        "No saver",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/no-saver/section/strategy").await;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    b.wait_for_text(
        "the part of the toolkit that saves could not be downloaded",
        QUICK,
    )
    .await;
    let line = normalise(&save_line(b).await);
    assert_contains(&line, "Not saved:", "the save line");
    assert_contains(
        &line,
        "kept only while this page stays open",
        "what is at risk",
    );
    assert_lacks(
        &b.body_text().await,
        "Saved on this device",
        "a save claimed",
    );
    assert!(
        !strat_1_stored(b, "no-saver").await,
        "stored without saving's part"
    );
    assert_eq!(
        is_checked(b, "q-strat-1-2").await,
        Some(true),
        "the answer kept in the page"
    );
    b.screenshot(&screenshot_path("section-saving-part-missing"))
        .await;
    assert_accessible(b, "a section whose saving part could not be downloaded").await;
    // Still missing when it tries again: still said, still not claimed.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert_lacks(
        &b.body_text().await,
        "Saved on this device",
        "a save claimed on retrying",
    );
    app.server
        .unhide(&format!("/{}", release_name("split_saving.wasm")));
    wait_for_saved(
        b,
        "no-saver",
        "e.work.responses['strat-1']",
        "the change, tried again",
    )
    .await;
    b.wait_for_text("Saved on this device at", QUICK).await;
    assert_lacks(
        &b.body_text().await,
        "could not be downloaded",
        "the old failure",
    );
    finish_allowing(app, &["split_saving", "HTTP status code is not ok"]).await;
}

/// Where the "Not saved" notice of the save line is on the screen, and whether any of it is cut
/// off (wider or taller than its box, or past the window's sides), and what a person sees at the
/// middle of the option they have just chosen (the notice drawn over it would hide it).
async fn not_saved_notice_layout(b: &common::browser::Browser, option: &str) -> Value {
    b.execute(
        "const n = document.querySelector('.save-status .notice-warning'); \
         if (!n) return null; \
         const w = window.innerWidth; \
         const outside = [...n.querySelectorAll('*')].concat([n]) \
           .map(e => e.getBoundingClientRect()) \
           .filter(r => r.width > 0 && (r.left < -1 || r.right > w + 1)).length; \
         const clipped = [...n.querySelectorAll('*')].concat([n]) \
           .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').length; \
         const label = document.querySelector('label[for=\"' + arguments[0] + '\"]') || document.getElementById(arguments[0]); \
         label.scrollIntoView({ block: 'center' }); \
         const r = label.getBoundingClientRect(); \
         const at = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2); \
         return { outside, clipped, option_hidden: !!(at && at.closest('.save-status')), \
           page: document.documentElement.scrollWidth, window: w };",
        vec![json!(option)],
    )
    .await
}

/// The "Not saved" notice, when saving's part cannot be downloaded, on a phone (360 × 740) and at
/// 400% zoom (320 CSS px across): all of its words are there, none is cut off or past the sides,
/// the page does not scroll sideways, and the notice is never drawn over the option just chosen.
#[tokio::test]
async fn the_not_saved_notice_fits_a_phone_and_400_percent_zoom() {
    let app = TestApp::start_hiding(&["/split_saving.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "small-no-saver",
        "Small no saver",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/small-no-saver/section/strategy").await;
    for (width, height, scale, option, label) in [
        (360, 740, 2, "q-strat-1-2", "phone"),
        (320, 225, 4, "q-strat-1-3", "zoom-400"),
    ] {
        b.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": scale, "mobile": width == 360 }),
        )
        .await;
        find(b, &format!("#{option}")).await;
        click(b, &format!("label[for={option}]")).await;
        assert_eq!(is_checked(b, option).await, Some(true), "{label}");
        b.wait_for_text(
            "the part of the toolkit that saves could not be downloaded",
            QUICK,
        )
        .await;
        let line = normalise(&save_line(b).await);
        assert_contains(&line, "Not saved:", label);
        assert_contains(&line, "kept only while this page stays open", label);
        assert_fits_the_width(b, &format!("the not-saved notice ({label})")).await;
        let layout = not_saved_notice_layout(b, option).await;
        b.screenshot(&screenshot_path(&format!("saving-part-missing-{label}")))
            .await;
        b.execute(
            "document.querySelector('.save-status').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await;
        b.screenshot(&screenshot_path(&format!(
            "saving-part-missing-{label}-notice"
        )))
        .await;
        assert!(
            layout["page"].as_u64() <= layout["window"].as_u64(),
            "{label}: the page scrolls sideways: {layout}"
        );
        assert_eq!(
            layout["outside"],
            json!(0),
            "{label}: past the sides: {layout}"
        );
        assert_eq!(layout["clipped"], json!(0), "{label}: cut off: {layout}");
        assert_eq!(
            layout["option_hidden"],
            json!(false),
            "{label}: the notice is drawn over the option just chosen: {layout}"
        );
    }
    finish_allowing(app, &["split_saving", "HTTP status code is not ok"]).await;
}

/// On a phone (360 × 740) the "Not saved" notice stays at the top of the window while a person
/// works on. Moving back up the page with the keyboard (Shift+Tab), the control that has focus
/// is never hidden under the box it is drawn in (WCAG 2.2, 2.4.11 Focus Not Obscured); on a
/// phone its words scroll within that box.
#[tokio::test]
async fn on_a_phone_focus_moving_up_the_page_is_never_under_the_not_saved_notice() {
    let app = TestApp::start_hiding(&["/split_saving.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "focus-no-saver",
        "Focus no saver",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/focus-no-saver/section/strategy").await;
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
    find(b, "#q-strat-5").await;
    click(b, "label[for=q-strat-5-2]").await;
    b.wait_for_text(
        "the part of the toolkit that saves could not be downloaded",
        QUICK,
    )
    .await;
    let mut hidden = Vec::new();
    for step in 1..=12 {
        press_with_shift_tab(b).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let seen = b
            .execute(
                "const e = document.activeElement; \
                 const n = document.querySelector('.save-status:has(.notice-warning)'); \
                 if (!e || !n || n.contains(e)) return null; \
                 const r = e.getBoundingClientRect(); const top = n.getBoundingClientRect().bottom; \
                 const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + JSON.stringify((e.innerText || e.value || '').slice(0, 30)); \
                 return r.bottom <= top + 1 ? name + ' top=' + Math.round(r.top) + ' bottom=' + Math.round(r.bottom) + ', notice ends at ' + Math.round(top) : null;",
                vec![],
            )
            .await;
        if let Some(what) = seen.as_str() {
            hidden.push(format!("Shift+Tab {step}: {what}"));
            if hidden.len() == 1 {
                b.screenshot(&screenshot_path("focus-under-not-saved-notice-phone"))
                    .await;
            }
        }
    }
    assert!(
        hidden.is_empty(),
        "focus went under the not-saved notice:\n{}",
        hidden.join("\n")
    );
    finish_allowing(app, &["split_saving", "HTTP status code is not ok"]).await;
}

/// A person typing evidence as soon as the section comes, while saving's part is still on its
/// way: every key press stays, wherever the cursor is (the saves waiting for the part must not
/// draw the box again), the line says "Saving…" meanwhile, and the whole text is stored once
/// the part comes.
#[tokio::test]
async fn typing_while_the_saving_part_downloads_keeps_every_key_and_saves_it_all() {
    let app =
        section_with_saving_held("typed-held", "Typed held", Duration::from_millis(8000)).await;
    let b = &app.browser;
    let evidence = "#q-strat-1-evidence";
    find(b, evidence).await;
    let wrong = crate::typing::edit_like_a_person(b, evidence).await;
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(save_line(b).await, "Saving…", "while saving's part comes");
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    let stored = stored_envelope(b, "typed-held")
        .await
        .expect("the audit is stored");
    assert_eq!(
        stored["work"]["responses"]["strat-1"]["evidence"],
        json!("Again"),
        "what is stored"
    );
    finish(app).await;
}

/// Waits (up to `DEFAULT_TIMEOUT`) until the stored audit `id` holds `strat-1`, looking at the
/// save line all the while: it must never say "Saved" before the answer is in the store.
async fn strat_1_stored_and_never_said_saved_before(b: &common::browser::Browser, id: &str) {
    let started = std::time::Instant::now();
    loop {
        // The line first: "Saved" shown, then the store read, so a claim made before the
        // write is caught (a save finishing in between is read as stored, never as a claim).
        let said_saved = save_line(b).await.contains("Saved on this device");
        if strat_1_stored(b, id).await {
            return;
        }
        assert!(
            !said_saved,
            "the save line said {:?} before the answer was stored",
            save_line(b).await
        );
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "the answer was not stored within {DEFAULT_TIMEOUT:?} of saving's part being asked \
             for. Page text:\n{}",
            b.body_text().await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A quick double click on "Save and continue" just after answering, while saving's part is
/// still on its way: the person goes on one section (not two, and no error about a question
/// on a page they never saw), the save line says "Saving…", never "Saved", until the answer is
/// in the store, the answer is stored once, and it is there after a reload.
#[tokio::test]
async fn a_double_click_on_save_and_continue_while_the_saving_part_downloads_goes_on_once() {
    let app =
        section_with_saving_held("double-next", "Double next", Duration::from_millis(4000)).await;
    let b = &app.browser;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    double_click_with_gap(
        b,
        ".section-form .button-row button[type=button]",
        Duration::from_millis(80),
    )
    .await;
    wait_for_heading_exact(b, "Professional leadership").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        current_hash(b).await,
        "#/work/double-next/section/leadership",
        "one section on, not two"
    );
    assert!(
        b.execute(
            "return document.querySelector('.error-summary') === null;",
            vec![]
        )
        .await
            == json!(true),
        "an error for a page the person never saw: {}",
        main_text(b).await
    );
    assert!(
        checked_ids(b).await.is_empty(),
        "the second press answered on the next page"
    );
    assert_eq!(save_line(b).await, "Saving…", "while saving's part comes");
    strat_1_stored_and_never_said_saved_before(b, "double-next").await;
    b.wait_for_text("Saved on this device at", QUICK).await;
    let stored = stored_envelope(b, "double-next").await.expect("stored");
    assert_eq!(
        stored["work"]["responses"]["strat-1"]["answer"],
        json!({ "choice": "established" }),
        "what is stored: {stored}"
    );
    assert_eq!(stored["revision"], json!(2), "saved once: {stored}");
    assert_eq!(
        stored["work"]["responses"]
            .as_object()
            .map(|r| r.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["strat-1".to_owned()]),
        "only the answer given: {stored}"
    );
    reload(&app, "#/work/double-next/section/strategy").await;
    find(b, "#q-strat-1").await;
    assert_eq!(checked_ids(b).await, vec!["q-strat-1-2".to_owned()]);
    finish(app).await;
}

/// Answering on a section reached from the audit's contents, then pressing the browser's Back
/// button at once, while saving's part is still on its way: the contents page comes, the save
/// line says "Saving…", never "Saved", until the answer is in the store, and the answer is
/// stored once and is there after a reload.
#[tokio::test]
async fn back_straight_after_answering_while_the_saving_part_downloads_keeps_the_answer() {
    let app = page_with_saving_held(
        "back-held",
        "Back held",
        Duration::from_millis(4000),
        "#/work/back-held",
    )
    .await;
    let b = &app.browser;
    wait_for_heading_exact(b, "Back held").await;
    click(b, "a[href$='/section/strategy']").await;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    go_back(b, "Back held").await;
    assert_eq!(save_line(b).await, "Saving…", "while saving's part comes");
    strat_1_stored_and_never_said_saved_before(b, "back-held").await;
    b.wait_for_text("Saved on this device at", QUICK).await;
    let stored = stored_envelope(b, "back-held").await.expect("stored");
    assert_eq!(
        stored["work"]["responses"]["strat-1"]["answer"],
        json!({ "choice": "established" }),
        "what is stored: {stored}"
    );
    assert_eq!(stored["revision"], json!(2), "saved once: {stored}");
    reload(&app, "#/work/back-held/section/strategy").await;
    find(b, "#q-strat-1").await;
    assert_eq!(checked_ids(b).await, vec!["q-strat-1-2".to_owned()]);
    finish(app).await;
}

/// The same audit open in two tabs. In the first, a person answers while saving's part is still
/// on its way; in the second, someone answers another question, and it is saved. When the
/// first tab's part comes, both answers are stored, or the first tab says plainly that its
/// change was not saved because the other tab changed the work, keeps the answer on screen and
/// offers what to do; it never says "Saved" of an answer that is not stored, and the second
/// tab's answer is never lost.
#[tokio::test]
async fn two_tabs_while_one_waits_for_the_saving_part_lose_no_answer_unsaid() {
    let app = TestApp::start().await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "two-tabs",
        "Two tabs",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/two-tabs/section/strategy").await;
    find(b, "#q-strat-3").await;
    let second = b.client().window().await.expect("this tab");
    wait_until(
        b,
        "return performance.getEntriesByType('resource').some(e => e.name.includes('split_saving'));",
        vec![],
        DEFAULT_TIMEOUT,
        "the second tab's saving part",
    )
    .await;

    app.server.hold("split_saving", Duration::from_millis(4500));
    let first = b.client().new_window(true).await.expect("a tab").handle;
    let to = |tab: fantoccini::wd::WindowHandle| async move {
        b.client().switch_to_window(tab).await.expect("switch tab");
    };
    to(first.clone()).await;
    b.bypass_service_worker().await;
    app.open("#/work/two-tabs/section/strategy").await;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(save_line(b).await, "Saving…", "the first tab, waiting");

    to(second.clone()).await;
    click(b, "#q-strat-3-3").await;
    wait_for_saved(
        b,
        "two-tabs",
        "e.work.responses['strat-3']",
        "the second tab's answer",
    )
    .await;
    b.wait_for_text("Saved on this device at", QUICK).await;

    to(first.clone()).await;
    wait_until(
        b,
        "const s = document.querySelector('.save-status'); \
         return !!s && /Saved on this device|Not saved/.test(s.innerText);",
        vec![],
        DEFAULT_TIMEOUT,
        "the first tab's save, once its part came",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let line = normalise(&save_line(b).await);
    b.screenshot(&screenshot_path("two-tabs-first-tab-after-its-part"))
        .await;
    let stored = stored_envelope(b, "two-tabs").await.expect("stored");
    let answer = |q: &str| stored["work"]["responses"][q]["answer"].clone();
    assert_eq!(
        answer("strat-3"),
        json!({ "choice": "embedded" }),
        "the second tab's answer lost; the first tab says {line:?}"
    );
    if line.contains("Saved on this device") {
        assert_eq!(
            answer("strat-1"),
            json!({ "choice": "established" }),
            "the first tab says {line:?} but its answer is not stored: {stored}"
        );
    } else {
        assert_contains(&line, "Not saved:", "the first tab");
        assert_contains(&line, "changed in another tab", "the first tab");
        assert_eq!(
            is_checked(b, "q-strat-1-2").await,
            Some(true),
            "the first tab's answer kept on screen"
        );
        // Answering on regardless neither claims a save nor writes over the other tab's answer.
        click(b, "#q-strat-5-1").await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_contains(
            &normalise(&save_line(b).await),
            "changed in another tab",
            "the first tab, answering on",
        );
        let stored = stored_envelope(b, "two-tabs").await.expect("stored");
        assert_eq!(
            stored["work"]["responses"],
            json!({ "strat-3": { "answer": { "choice": "embedded" } } }),
            "the other tab's version, untouched"
        );
        // Keeping it as a copy stores it beside the other tab's version: nothing lost. The
        // choices are reached as the reason kept in view offers them.
        click(b, ".save-status a[href='#save-choices']").await;
        click_button(b, "Keep mine as a separate copy").await;
        b.wait_for_text("Saved on this device at", QUICK).await;
        let ids = stored_work_ids(b).await;
        assert_eq!(ids.len(), 2, "the work and the copy: {ids:?}");
        let mut kept = Vec::new();
        for id in &ids {
            let e = stored_envelope(b, id).await.expect("stored");
            kept.push([
                e["work"]["responses"]["strat-1"]["answer"].clone(),
                e["work"]["responses"]["strat-3"]["answer"].clone(),
                e["work"]["responses"]["strat-5"]["answer"].clone(),
            ]);
        }
        assert!(
            kept.contains(&[
                json!({ "choice": "established" }),
                Value::Null,
                json!({ "choice": "developing" })
            ]) && kept.contains(&[Value::Null, json!({ "choice": "embedded" }), Value::Null]),
            "each tab's answer stored, one in each: {kept:?}"
        );
    }
    finish(app).await;
}

/// Whether the page asks the browser to check with the person before it goes: a
/// `beforeunload` the page cancels. (WebDriver accepts the browser's own "Leave site?"
/// question by itself, so a test cannot see it; it can see the page's asking.)
pub(crate) async fn asks_before_leaving(b: &common::browser::Browser) -> bool {
    b.execute(
        "return !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));",
        vec![],
    )
    .await
    .as_bool()
    .expect("a boolean")
}

/// Waits until the page asks nothing before it goes (every change stored): `what` says which.
pub(crate) async fn wait_until_leaving_asks_nothing(b: &common::browser::Browser, what: &str) {
    wait_until(
        b,
        "return window.dispatchEvent(new Event('beforeunload', { cancelable: true }));",
        vec![],
        QUICK,
        what,
    )
    .await;
}

/// Answering on a section opened straight from a link, then leaving the toolkit at once (Back,
/// closing the tab), while saving's part is still on its way: the change cannot be written as
/// the page goes, so the page has the browser ask first. Once the part has come and the change
/// is stored, leaving asks nothing; nor does a page with nothing changed.
#[tokio::test]
async fn leaving_while_the_saving_part_downloads_has_the_browser_ask_first() {
    let app = section_with_saving_held("back-out", "Back out", Duration::from_millis(4000)).await;
    let b = &app.browser;
    find(b, "#q-strat-1").await;
    assert!(!asks_before_leaving(b).await, "nothing changed yet");
    click(b, "#q-strat-1-2").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(
        asks_before_leaving(b).await,
        "an answer that cannot be saved yet, and leaving would not ask"
    );
    b.wait_for_text("Saved on this device at", Duration::from_secs(10))
        .await;
    assert!(
        strat_1_stored(b, "back-out").await,
        "stored once the part came"
    );
    assert!(
        !asks_before_leaving(b).await,
        "everything is stored, yet leaving would ask"
    );
    finish(app).await;
}

/// Everyday use, with saving's part in: a lead answers several questions, types evidence and
/// goes to leave at once, before the half-second wait for a save has passed. A write started as
/// the page goes is not sure to finish: a helper found the last answers and the evidence lost
/// after leaving for another address (the page's `pagehide` comes while it is still visible,
/// and the save then started did not reach the store). So the page has the browser ask while
/// any change is not yet stored, and starts the waiting saves as it asks: they are stored while
/// the question is on screen, and leaving then asks nothing.
#[tokio::test]
async fn leaving_straight_after_typing_asks_first_and_keeps_the_change() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Quick leave", None).await;
    let section = format!("#/work/{id}/section/strategy");
    app.open(&section).await;
    find(b, "#q-strat-1").await;
    assert!(!asks_before_leaving(b).await, "a section with nothing done");
    click(b, "#q-strat-1-2").await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    click(b, "#q-strat-5-2").await;
    click(b, "#q-strat-3-3").await;
    click(b, "#q-strat-1-evidence").await;
    type_text(b, "Board minutes, Marc").await;
    // A save waits 400 ms from the first change after the last save (keystrokes in a sentence
    // become one save), so a change is stored sooner when a save was already waiting (or when
    // leaving asked, which saves at once, while a save still waited). So first let everything
    // be stored, and every waiting save pass; then the last key, and leaving, timed from before
    // the key is sent: within those 400 ms the key cannot be stored yet, and leaving must ask.
    // A machine too loaded to press a key and ask within them cannot tell, so the key is taken
    // back once stored, and pressed and timed again (at most five times).
    let settle = |what: &'static str| async move {
        wait_until_leaving_asks_nothing(b, what).await;
        tokio::time::sleep(Duration::from_millis(1_000)).await;
    };
    settle("the answers and the evidence so far, stored").await;
    let mut tries = 0;
    let asks = loop {
        let before = std::time::Instant::now();
        type_text(b, "h").await;
        let asks = asks_before_leaving(b).await;
        if before.elapsed() < Duration::from_millis(400) {
            break asks;
        }
        tries += 1;
        assert!(
            tries < 5,
            "five times, the key and the question took longer than the wait for a save"
        );
        settle("the last key, stored").await;
        press(b, &[Key::Backspace]).await;
        settle("the last key taken back, stored").await;
    };
    assert!(
        asks,
        "changes not yet stored, and leaving would not ask: they could be lost"
    );
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-1'].evidence === 'Board minutes, March' && !!e.work.responses['strat-3']",
        "the evidence typed, saved as the page asked",
    )
    .await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    assert!(
        !asks_before_leaving(b).await,
        "everything is stored, yet leaving would ask"
    );
    reload(&app, &section).await;
    find(b, "#q-strat-1").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-1'].evidence === 'Board minutes, March' && !!e.work.responses['strat-3']",
        "the evidence typed just before leaving",
    )
    .await;
    finish(app).await;
}

/// The home page: nothing done asks nothing; a new name waiting for its save asks; once the
/// new name and a re-audit duplicated from it are stored, leaving asks nothing.
#[tokio::test]
async fn leaving_home_after_renaming_or_duplicating_asks_nothing() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "first-cycle",
        "First cycle",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    b.wait_for_text("First cycle", DEFAULT_TIMEOUT).await;
    assert!(!asks_before_leaving(b).await, "home with nothing done");
    click_text(b, "Rename First cycle").await;
    click(b, "#rename-first-cycle").await;
    select_all(b).await;
    type_text(b, "Baseline cycle").await;
    press(b, &[Key::Enter]).await;
    assert!(
        asks_before_leaving(b).await,
        "the new name not yet stored, and leaving would not ask"
    );
    wait_for_saved(
        b,
        "first-cycle",
        "e.work.name === 'Baseline cycle'",
        "the new name",
    )
    .await;
    click_text(b, "Duplicate as a re-audit of Baseline cycle").await;
    wait_until(
        b,
        "return location.hash.startsWith('#/work/') && location.hash !== '#/work/first-cycle';",
        vec![],
        QUICK,
        "the re-audit opening",
    )
    .await;
    app.open("#/").await;
    b.wait_for_text("Baseline cycle (re-audit", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(stored_work_ids(b).await.len(), 2, "the re-audit stored");
    // Stored, so leaving asks nothing (once the page has heard its write end).
    wait_until_leaving_asks_nothing(
        b,
        "leaving asking nothing once the new name and the re-audit are stored",
    )
    .await;
    finish(app).await;
}

/// Site data blocked: nothing is kept after the page closes, so once a change is made the page
/// has the browser ask before it goes.
#[tokio::test]
async fn with_site_data_blocked_a_change_has_the_browser_ask_before_leaving() {
    let app = TestApp::start_with_site_data_blocked().await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("Nothing is being saved on this device.", DEFAULT_TIMEOUT)
        .await;
    assert!(!asks_before_leaving(b).await, "nothing done yet");
    let id = start_work(&app, "self-assessment", "Blocked leave", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1-2").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        asks_before_leaving(b).await,
        "site data blocked, an answer given, and leaving would not ask: the answer is lost \
         without a word. Save line: {:?}",
        save_line(b).await
    );
    finish(app).await;
}

/// "Saved on this device at…" reports a save of the work in hand: it is not shown on the form
/// for new work, nor after a delete, where nothing was just saved (found by a tester on 7
/// December 2026: it went on showing the last save, of other work, everywhere).
#[tokio::test]
async fn the_saved_line_is_not_shown_where_nothing_was_saved() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Saved line audit", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1-2").await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;

    // Within the page, as its links go (a new document would start with nothing said).
    b.execute("location.hash = '#/new/self-assessment';", vec![])
        .await;
    find(b, "#work-name").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_lacks(
        &save_line(b).await,
        "Saved on this device",
        "the form for new work",
    );

    b.execute(
        "location.hash = arguments[0];",
        vec![json!(format!("#/work/{id}/section/strategy"))],
    )
    .await;
    click(b, "#q-strat-1-3").await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    b.execute("location.hash = '#/';", vec![]).await;
    find(b, ".tool-list").await;
    click_text(b, "Delete Saved line audit").await;
    click_button(b, "Yes, delete it").await;
    wait_for_text_gone(b, "Saved line audit").await;
    assert_lacks(
        &save_line(b).await,
        "Saved on this device",
        "after a delete",
    );
    finish(app).await;
}
