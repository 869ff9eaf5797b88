//! A section's score so far and a statement's current position, which come from a part of the
//! app of their own (`split_score`), fetched once the section's first question is drawn: used
//! as a person would, with that part held back or missing, by keyboard, in Welsh, on a phone
//! and at 400% zoom, moving between sections while it comes. (Most of these are a helper's
//! person-checks of 3 December 2026; three found defects and failed on 3d9253e.)
use crate::collection_mode::double_click_with_gap;
use crate::prelude::*;
use mhsw::work::Work;

/// A test app with `works` saved and the part `score` held back `held_ms` (the browser's cache
/// off, so every load asks for it again), opened at `route`.
async fn score_held(works: &[&Work], held_ms: u64, route: &str) -> TestApp {
    let app = TestApp::start().await;
    app.browser.bypass_service_worker().await;
    app.browser
        .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    seed_works(&app, works, "#/").await;
    app.server
        .hold("split_score", Duration::from_millis(held_ms));
    reload(&app, route).await;
    app
}

/// Starts recording, every frame, how far below the heading the section's form starts (so a
/// move that lasts a frame is seen too).
async fn record_tops(b: &common::browser::Browser) {
    b.execute(
        "window.__tops = []; window.__recording = true; \
         const step = () => { \
           const f = document.querySelector('.section-form'), h = document.querySelector('main h1'); \
           if (f && h) { const v = Math.round((f.getBoundingClientRect().top - h.getBoundingClientRect().top) * 10) / 10; \
             if (window.__tops[window.__tops.length - 1] !== v) window.__tops.push(v); } \
           if (window.__recording) requestAnimationFrame(step); }; \
         requestAnimationFrame(step); return true;",
        vec![],
    )
    .await;
}

/// The distinct form tops recorded since [`record_tops`], in order.
async fn tops(b: &common::browser::Browser) -> Value {
    b.execute("return window.__tops || [];", vec![]).await
}

async fn form_top(b: &common::browser::Browser) -> f64 {
    b.execute(
        "return document.querySelector('.section-form').getBoundingClientRect().top \
              - document.querySelector('main h1').getBoundingClientRect().top;",
        vec![],
    )
    .await
    .as_f64()
    .unwrap_or(f64::NAN)
}

async fn score_so_far(b: &common::browser::Browser) -> Option<String> {
    b.execute(
        "const score = document.getElementById('section-score'); return score && score.textContent;",
        vec![],
    )
    .await
    .as_str()
    .map(str::to_owned)
}

async fn wait_for_score(b: &common::browser::Browser, what: &str) -> String {
    wait_until(
        b,
        "return !!document.getElementById('section-score');",
        vec![],
        DEFAULT_TIMEOUT,
        what,
    )
    .await;
    score_so_far(b).await.unwrap_or_default()
}

async fn phone(b: &common::browser::Browser) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
}

/// Heights of the room kept for the score and of what is drawn over it (the score, or why not).
async fn room_and_line(b: &common::browser::Browser) -> Value {
    b.execute(
        "const line = document.querySelector('.score-line'); if (!line) return null; \
         return [...line.children].map(c => [c.className, c.getBoundingClientRect().height, c.textContent]);",
        vec![],
    )
    .await
}

async fn welsh(b: &common::browser::Browser) {
    click(b, "#lead-language").await;
    wait_until(
        b,
        "return document.documentElement.lang === 'cy';",
        vec![],
        QUICK,
        "the page in Welsh",
    )
    .await;
}

/// The part that scores cannot be downloaded: the page says so where the score would be. That
/// message is far longer than the room kept for the score, so when it comes, do the questions
/// move down (on a desktop, a phone and at 400%)?
#[tokio::test]
async fn when_the_part_is_missing_saying_so_moves_nothing() {
    let app = TestApp::start_hiding(&["/split_score.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work("gone", "Gone", &bundled_definition("self-assessment"));
    seed_works(&app, &[&audit], "#/").await;
    let mut moved = Vec::new();
    for label in ["desktop", "phone", "zoom-400"] {
        match label {
            "phone" => phone(b).await,
            "zoom-400" => set_zoom(b, 400).await,
            _ => {}
        }
        reload(&app, "#/work/gone/section/strategy").await;
        find(b, "#q-strat-1").await;
        record_tops(b).await;
        b.wait_for_text("part of the toolkit did not download", DEFAULT_TIMEOUT)
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&screenshot_path(&format!("person-missing-{label}")))
            .await;
        let seen = tops(b).await;
        let heights = room_and_line(b).await;
        if seen.as_array().map_or(0, Vec::len) > 1 {
            moved.push(format!("{label}: form tops {seen}; score line {heights}"));
        }
    }
    assert!(
        moved.is_empty(),
        "the questions moved when the 'did not download' message came:\n{}",
        moved.join("\n")
    );
    finish_allowing(app, &["split_score", "HTTP status code is not ok"]).await;
}

/// The message says "Check the internet connection, then try again". The connection comes
/// back; the person goes on to the next section with "Save and continue": does the score come
/// there now?
#[tokio::test]
async fn the_score_comes_once_the_connection_is_back() {
    let app = TestApp::start_hiding(&["/split_score.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work("back", "Back on", &bundled_definition("self-assessment"));
    seed_works(&app, &[&audit], "#/work/back/section/strategy").await;
    find(b, "#q-strat-1").await;
    b.wait_for_text("part of the toolkit did not download", DEFAULT_TIMEOUT)
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = app
        .server
        .requests()
        .into_iter()
        .filter(|r| r.contains("split_score"))
        .count();
    app.server
        .unhide(&format!("/{}", release_name("split_score.wasm")));
    click_text(b, "Save and continue").await;
    wait_for_heading_exact(b, "Professional leadership").await;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let asked: Vec<String> = app
        .server
        .requests()
        .into_iter()
        .filter(|r| r.contains("split_score"))
        .collect();
    let shown = normalise(&main_text(b).await);
    let console: Vec<String> = b
        .console_entries()
        .await
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        !shown.contains("did not download"),
        "after the connection came back, the next section still says the part could not be \
         downloaded; split_score requested {} times before the connection came back, {} times after; console: {console:#?}",
        before, asked.len() - before
    );
    let came = wait_for_score(b, "the score on the next section once the part can come").await;
    assert_contains(&came, "This section so far", "the next section");
    assert_lacks(
        &main_text(b).await,
        "did not download",
        "the next section once the connection is back",
    );
    finish_allowing(app, &["split_score", "HTTP status code is not ok"]).await;
}

/// By keyboard, with the part held back 3 s: Tab to the first question's scale, arrows to
/// change it. Focus stays on the option when the score comes; the score then says what the
/// answers given before it came make, follows later arrows, and agrees with the results page.
/// Nothing moves.
#[tokio::test]
async fn keyboard_answers_before_and_after_the_score_comes_count() {
    let audit = work("keys", "Keys", &bundled_definition("self-assessment"));
    let app = score_held(&[&audit], 3000, "#/work/keys/section/strategy").await;
    let b = &app.browser;
    find(b, "#q-strat-1").await;
    record_tops(b).await;
    assert_eq!(score_so_far(b).await, None, "held: no score yet");
    tab_to(b, "input[name=q-strat-1], #q-strat-1", 40).await;
    let first = focused(b).await;
    press(b, &[Key::Space]).await;
    press(b, &[Key::Right]).await;
    press(b, &[Key::Right]).await;
    let before_score = focused(b).await;
    let came = wait_for_score(b, "the score after the held part").await;
    assert_eq!(
        focused(b).await,
        before_score,
        "focus moved when the score came (was on {first} then {before_score})"
    );
    assert_contains(&came, "%", "the score after two arrows, before it came");
    // More arrows after it came.
    press(b, &[Key::Right]).await;
    wait_until(
        b,
        "const s = document.getElementById('section-score'); return s && s.textContent !== arguments[0];",
        vec![json!(came)],
        QUICK,
        "the score following a later arrow",
    )
    .await;
    let now = score_so_far(b).await.unwrap_or_default();
    b.screenshot(&screenshot_path("person-keys")).await;
    let seen = tops(b).await;
    assert_eq!(
        seen.as_array().map_or(0, Vec::len),
        1,
        "the questions moved: form tops {seen}"
    );
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let now = score_so_far(b).await.unwrap_or(now);
    let label = now.trim_start_matches("This section so far: ").to_owned();
    app.open("#/work/keys/results").await;
    b.wait_for_text("Results", DEFAULT_TIMEOUT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let results = normalise(&main_text(b).await);
    assert_contains(&results, &label, "the results page's score for the section");
    assert_accessible(b, "results after keyboard answers").await;
    finish(app).await;
}

/// In Welsh, with the part held: the room is in Welsh; the score comes in Welsh with its band's
/// English words marked; switching language after it came changes it; nothing moves, on a phone.
/// And in each state the score drawn is never taller than its room (else things would move).
#[tokio::test]
async fn in_welsh_on_a_phone_and_at_400_percent_the_score_fits_its_room() {
    let app = TestApp::start().await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    let audit = work("cy", "Cymru", &bundled_definition("self-assessment"));
    seed_works(&app, &[&audit], "#/work/cy/section/strategy").await;
    find(b, "#q-strat-1").await;
    welsh(b).await;
    app.server.hold("split_score", Duration::from_millis(2500));
    let mut problems = Vec::new();
    for (label, zoom) in [("phone", false), ("zoom-400", true)] {
        if zoom {
            set_zoom(b, 400).await;
        } else {
            phone(b).await;
        }
        reload(&app, "#/work/cy/section/strategy").await;
        find(b, "#q-strat-1").await;
        wait_until(
            b,
            "return document.documentElement.lang === 'cy';",
            vec![],
            QUICK,
            "Welsh after reload",
        )
        .await;
        record_tops(b).await;
        let room = b
            .execute(
                "const r = document.querySelector('.score-room'); return r && r.textContent;",
                vec![],
            )
            .await;
        if room != json!("Yr adran hon hyd yma: 100%: Amber, partly achieved") {
            problems.push(format!("{label}: the room is not Welsh: {room}"));
        }
        let came = wait_for_score(b, "the Welsh score").await;
        if !came.contains("Yr adran hon hyd yma") {
            problems.push(format!("{label}: the score is not Welsh: {came}"));
        }
        // Every option of the first three questions in turn, checking the score against its room.
        for q in ["strat-1", "strat-6", "strat-3"] {
            for option in 0..6 {
                let id = option_id(q, option);
                let exists = b
                    .execute(
                        "return !!document.getElementById(arguments[0]);",
                        vec![json!(id)],
                    )
                    .await;
                if exists != json!(true) {
                    break;
                }
                b.execute(
                    "document.querySelector('label[for=' + arguments[0] + ']').scrollIntoView({block: 'center'}); return true;",
                    vec![json!(id)],
                )
                .await;
                click(b, &format!("label[for={id}]")).await;
                tokio::time::sleep(Duration::from_millis(120)).await;
                let line = room_and_line(b).await;
                let heights: Vec<f64> = line
                    .as_array()
                    .map(|a| a.iter().filter_map(|c| c[1].as_f64()).collect())
                    .unwrap_or_default();
                if heights.len() == 2 && heights[1] > heights[0] + 0.5 {
                    problems.push(format!(
                        "{label} {q} option {option}: score taller than its room: {line}"
                    ));
                }
            }
        }
        let marked = b
            .execute(
                "const s = document.querySelector('#section-score span'); return s && [s.getAttribute('lang'), s.textContent];",
                vec![],
            )
            .await;
        if marked[0] != json!("en") && marked[0] != json!("en-GB") {
            problems.push(format!(
                "{label}: the band's English words are not marked: {marked}"
            ));
        }
        b.screenshot(&screenshot_path(&format!("person-welsh-{label}")))
            .await;
        let seen = tops(b).await;
        if seen.as_array().map_or(0, Vec::len) > 1 {
            problems.push(format!("{label}: the questions moved: {seen}"));
        }
    }
    // Back to English: the score follows.
    click(b, "#lead-language").await;
    wait_until(
        b,
        "const s = document.getElementById('section-score'); return !!s && s.textContent.startsWith('This section so far');",
        vec![],
        QUICK,
        "the score in English after switching back",
    )
    .await;
    assert_accessible(b, "a Welsh section's score at 400%").await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    finish(app).await;
}

/// With the part held 3 s, a person presses "Save and continue" at once (twice, quickly), then
/// Back while the part is still coming. One section on, one score line, the score of the
/// section shown (not of the one left), and Back lands on the first section with its score.
#[tokio::test]
async fn moving_between_sections_while_the_part_comes_shows_each_its_own_score() {
    let app = TestApp::start().await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("move", "Move", &definition);
    // Strategy all embedded; leadership all not in place, so their scores differ.
    audit.responses = choices(&[
        ("strat-1", "embedded"),
        ("strat-6", "embedded"),
        ("strat-3", "embedded"),
        ("strat-5", "embedded"),
    ]);
    seed_works(&app, &[&audit], "#/").await;
    app.server.hold("split_score", Duration::from_millis(3000));
    reload(&app, "#/work/move/section/strategy").await;
    find(b, "#q-strat-1").await;
    // A quick double click on "Save and continue".
    b.execute(
        "const btn = [...document.querySelectorAll('main button')].find(x => x.textContent.includes('Save and continue')); \
         btn.click(); btn.click(); return true;",
        vec![],
    )
    .await;
    wait_for_heading_exact(b, "Professional leadership").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let hash = current_hash(b).await;
    assert_eq!(
        hash, "#/work/move/section/leadership",
        "one section on after a double click"
    );
    // Back while the part is still coming.
    go_back(b, "Strategic vision and accountability").await;
    find(b, "#q-strat-1").await;
    let came = wait_for_score(b, "the strategy score after Back").await;
    let lines = b
        .execute(
            "return [document.querySelectorAll('.score-line').length, document.querySelectorAll('#section-score').length];",
            vec![],
        )
        .await;
    assert_eq!(lines, json!([1, 1]), "one score line after Back");
    assert_contains(&came, "100%", "the strategy score (all embedded)");
    // Forward again: leadership's own score (nothing answered).
    b.client().forward().await.unwrap();
    wait_for_heading_exact(b, "Professional leadership").await;
    let came = wait_for_score(b, "leadership's score").await;
    assert_lacks(
        &came,
        "100%",
        "leadership's score is its own, not strategy's",
    );
    b.screenshot(&screenshot_path("person-move")).await;
    finish(app).await;
}

fn statement_with_audit() -> (Work, Work) {
    let definition = bundled_definition("self-assessment");
    let mut audit = work("aud", "2026 audit", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-6", "embedded")]);
    let statement = work(
        "st",
        "Statement",
        &bundled_definition("strategic-statement"),
    );
    (audit, statement)
}

/// A statement: from "Local context", "Save and continue" to "Our vision", whose current
/// position waits for the part (held 3 s). Focus is on its heading (as after every move: it
/// had been left on the page itself, as the whole section waited), the notice is there once,
/// with the questions, and nothing moves after it appears.
#[tokio::test]
async fn a_statement_section_waiting_for_the_part_keeps_focus_and_draws_once() {
    let (audit, statement) = statement_with_audit();
    let app = score_held(
        &[&audit, &statement],
        3000,
        "#/work/st/section/local-context",
    )
    .await;
    let b = &app.browser;
    find(b, "#q-lc-nation").await;
    b.execute(
        "window.__h1s = []; const step = () => { const h = document.querySelector('main h1'); \
           const t = (h ? h.textContent : null) + '|notice:' + !!document.getElementById('position-heading') + '|form:' + !!document.querySelector('.section-form'); if (window.__h1s[window.__h1s.length-1] !== t) window.__h1s.push(t); \
           requestAnimationFrame(step); }; requestAnimationFrame(step); return true;",
        vec![],
    )
    .await;
    // Keyboard: focus Save and continue, press Enter.
    b.execute(
        "[...document.querySelectorAll('main button')].find(x => x.textContent.includes('Save and continue')).focus(); return true;",
        vec![],
    )
    .await;
    press(b, &[Key::Enter]).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let waiting = normalise(&main_text(b).await);
    b.screenshot(&screenshot_path("person-statement-waiting"))
        .await;
    wait_for_heading(b, "vision").await;
    find(b, "#position-heading").await;
    record_tops(b).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    b.screenshot(&screenshot_path("person-statement-came"))
        .await;
    let counts = b
        .execute(
            "return [document.querySelectorAll('#position-heading').length, document.querySelectorAll('main h1').length];",
            vec![],
        )
        .await;
    assert_eq!(counts, json!([1, 1]), "the notice and heading once");
    let seen = tops(b).await;
    assert_eq!(
        seen.as_array().map_or(0, Vec::len),
        1,
        "moved after appearing: {seen}"
    );
    // The heading comes at once; the notice and the questions together, once the part is in.
    let h1s = b.execute("return window.__h1s;", vec![]).await;
    let apart = h1s
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|t| {
            t.contains("notice:true|form:false")
                || (t.contains("vision") && t.contains("notice:false|form:true"))
        })
        .count();
    assert_eq!(apart, 0, "the notice and the questions came apart: {h1s}");
    let focus = focused(b).await;
    assert!(
        focus.starts_with("h1"),
        "focus after moving to the statement's held section is on {focus:?}, not its heading \
         (while waiting, main read {waiting:?}; headings seen {h1s})"
    );
    finish(app).await;
}

/// The statement's section with the part held: the copy button reached by keyboard (Tab, then
/// Space) copies the current position into the first answer box once, is saved, and "Saved"
/// is said only once it is.
#[tokio::test]
async fn the_current_position_is_copied_by_keyboard_once() {
    let (audit, statement) = statement_with_audit();
    let app = score_held(&[&audit, &statement], 2500, "#/work/st/section/vision").await;
    let b = &app.browser;
    find(b, "#position-heading").await;
    phone(b).await;
    tab_to(b, "section.notice button", 40).await;
    press(b, &[Key::Space]).await;
    let value = copied_position(b).await;
    assert_contains(&value, "2026 audit", "the copied position");
    // The box is below, out of sight on a phone: the page says what the press did.
    b.wait_for_text("Copied into the first answer box, below.", QUICK)
        .await;
    assert!(
        focus_is_on(b, "section.notice button").await,
        "focus after copying is on {}",
        focused(b).await
    );
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    let saved = saved_work(b, "st").await;
    let stored = saved
        .responses
        .answer(&QuestionId::new("vis-statement"))
        .cloned();
    assert!(
        matches!(&stored, Some(Answer::Text(t)) if t == &value),
        "stored {stored:?}, box {value:?}"
    );
    b.screenshot(&screenshot_path("person-statement-copied-phone"))
        .await;
    // Pressed again: nothing more is copied, and the page says why.
    press(b, &[Key::Space]).await;
    b.wait_for_text("The first answer box, below, already holds it.", QUICK)
        .await;
    assert_eq!(
        value_of(b, "q-vis-statement").await.unwrap_or_default(),
        value,
        "the box after a second press"
    );
    assert_fits_the_width(b, "the statement section on a phone").await;
    assert_accessible(b, "the statement section with its position").await;
    finish(app).await;
}

/// The statement's section when the part cannot be downloaded: the section is drawn (not a
/// blank page), its questions can be answered and are saved, and the page says why there is no
/// current position.
#[tokio::test]
async fn a_statement_section_without_the_part_says_so_and_saves() {
    let app = TestApp::start_hiding(&["/split_score.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let (audit, statement) = statement_with_audit();
    seed_works(&app, &[&audit, &statement], "#/work/st/section/vision").await;
    find(b, "#q-vis-statement").await;
    b.wait_for_text(
        "This part of the toolkit could not be downloaded",
        DEFAULT_TIMEOUT,
    )
    .await;
    click(b, "#q-vis-statement").await;
    type_text(b, "Our vision").await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    b.screenshot(&screenshot_path("person-statement-missing"))
        .await;
    welsh(b).await;
    b.wait_for_text("Nid oedd modd lawrlwytho", QUICK).await;
    assert_accessible(b, "the statement section without its part").await;
    finish_allowing(app, &["split_score", "HTTP status code is not ok"]).await;
}

/// The workforce profile (figures only), with the part held and in Welsh: it says at once that
/// figures are not scored, visibly and to screen readers, and never "nothing scorable yet".
#[tokio::test]
async fn a_figures_section_says_at_once_that_figures_are_not_scored() {
    let audit = work("figs", "Figures", &bundled_definition("self-assessment"));
    let app = score_held(&[&audit], 3000, "#/work/figs/section/workforce-profile").await;
    let b = &app.browser;
    find(b, "#q-wp-3").await;
    let line = b
        .execute(
            "const p = document.querySelector('.score-line p'); return p && [p.textContent, getComputedStyle(p).visibility, p.getAttribute('aria-hidden'), document.querySelectorAll('.score-line > *').length];",
            vec![],
        )
        .await;
    assert_eq!(
        line,
        json!([
            "Figures are recorded as given and are not scored.",
            "visible",
            null,
            1
        ]),
        "the figures section's line"
    );
    welsh(b).await;
    set_zoom(b, 400).await;
    click(b, "#q-wp-3").await;
    type_text(b, "50").await;
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let text = normalise(&main_text(b).await);
    assert_contains(&text, "nid ydynt yn cael sgôr", "Welsh figures line");
    assert_lacks(&text, "dim byd i’w sgorio", "figures section");
    b.screenshot(&screenshot_path("person-figures-welsh-400"))
        .await;
    assert_fits_the_width(b, "figures section at 400%").await;
    assert_accessible(b, "figures section in Welsh at 400%").await;
    finish(app).await;
}

/// While the statement's section waits for its part (held 3 s), the person sees something
/// under the header: at least the breadcrumb and the section's heading, or a word that it is
/// coming, not an empty page.
#[tokio::test]
async fn a_statement_section_waiting_for_the_part_is_not_a_blank_page() {
    let (audit, statement) = statement_with_audit();
    let app = score_held(
        &[&audit, &statement],
        3000,
        "#/work/st/section/local-context",
    )
    .await;
    let b = &app.browser;
    find(b, "#q-lc-nation").await;
    click_text(b, "Save and continue").await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let shown = normalise(&main_text(b).await);
    assert!(
        !shown.is_empty(),
        "1.2 s after 'Save and continue', with the part still coming, the page under the header is empty"
    );
    wait_for_heading(b, "vision").await;
    finish(app).await;
}

/// "Save and continue" to the statement's held section, then Back at once while it waits: the
/// person is on "Local context" and stays there; the vision section does not turn up later.
#[tokio::test]
async fn back_while_a_statement_section_waits_stays_back() {
    let (audit, statement) = statement_with_audit();
    let app = score_held(
        &[&audit, &statement],
        2500,
        "#/work/st/section/local-context",
    )
    .await;
    let b = &app.browser;
    find(b, "#q-lc-nation").await;
    click_text(b, "Save and continue").await;
    wait_for_hash(b, "#/work/st/section/vision").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    go_back(b, "The state of mental health locally").await;
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let state = b
        .execute(
            "return [location.hash, [...document.querySelectorAll('main h1')].map(h => h.textContent), !!document.getElementById('position-heading')];",
            vec![],
        )
        .await;
    assert_eq!(
        state,
        json!([
            "#/work/st/section/local-context",
            ["The state of mental health locally"],
            false
        ]),
        "after Back while the part was coming"
    );
    // Forward again: the vision section, once, with its notice.
    b.client().forward().await.unwrap();
    find(b, "#position-heading").await;
    let counts = b
        .execute(
            "return [document.querySelectorAll('#position-heading').length, document.querySelectorAll('main h1').length];",
            vec![],
        )
        .await;
    assert_eq!(counts, json!([1, 1]), "forward: the section once");
    finish(app).await;
}

/// "Clear this answer" by keyboard after the score came: the score goes back to "nothing
/// scorable yet", focus stays on the question, and nothing moves.
#[tokio::test]
async fn clearing_an_answer_updates_the_score() {
    let app = TestApp::start().await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work("clear", "Clear", &bundled_definition("self-assessment"));
    seed_works(&app, &[&audit], "#/work/clear/section/strategy").await;
    find(b, "#q-strat-1").await;
    let came = wait_for_score(b, "the score").await;
    record_tops(b).await;
    click(b, &format!("label[for={}]", option_id("strat-1", 3))).await;
    wait_until(
        b,
        "const s = document.getElementById('section-score'); return s && s.textContent !== arguments[0];",
        vec![json!(came)],
        QUICK,
        "the score after an answer",
    )
    .await;
    tab_to(
        b,
        "button.link-button:not(#lead-language):not(.text-size)",
        10,
    )
    .await;
    let button = focused(b).await;
    press(b, &[Key::Enter]).await;
    wait_until(
        b,
        "const s = document.getElementById('section-score'); return s && s.textContent.includes('nothing scorable yet');",
        vec![],
        QUICK,
        &format!("the score after clearing with {button}"),
    )
    .await;
    let seen = tops(b).await;
    assert_eq!(seen.as_array().map_or(0, Vec::len), 1, "moved: {seen}");
    finish(app).await;
}

/// An audit section's score so far comes from a part of the app fetched once the section's
/// first question is drawn (`split_score`), so a link to a section never waits for scoring.
/// Until it comes, its room is kept: the questions do not move when it comes, nor when an
/// answer changes it, on a desktop, a phone (360 × 740) and at 400% zoom; and the score
/// follows the answers.
#[tokio::test]
async fn an_audit_sections_score_comes_after_its_questions_and_nothing_moves() {
    let app = TestApp::start().await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    let audit = work(
        "score-later",
        "Score later",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    app.server.hold("split_score", Duration::from_millis(1500));
    for (option, label) in [(1, "desktop"), (2, "phone"), (3, "zoom-400")] {
        match label {
            "phone" => {
                b.cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
                )
                .await;
            }
            "zoom-400" => set_zoom(b, 400).await,
            _ => {}
        }
        reload(&app, "#/work/score-later/section/strategy").await;
        find(b, "#q-strat-1").await;
        let before = form_top(b).await;
        assert_eq!(
            score_so_far(b).await,
            None,
            "{label}: the score came with the first question, though its part was held"
        );
        let room = b
            .execute(
                "const room = document.querySelector('.score-room'); \
                 return room && [getComputedStyle(room).visibility, room.getAttribute('aria-hidden'), room.textContent];",
                vec![],
            )
            .await;
        assert_eq!(
            room[0],
            json!("hidden"),
            "{label}: the score's room: {room}"
        );
        assert_eq!(room[1], json!("true"), "{label}: the score's room: {room}");
        // The longest of what may come: here, 100% in the section's widest band.
        assert_eq!(
            room[2],
            json!("This section so far: 100%: Amber, partly achieved"),
            "{label}: the score's room"
        );
        wait_until(
            b,
            "return !!document.getElementById('section-score');",
            vec![],
            DEFAULT_TIMEOUT,
            &format!("{label}: the score so far"),
        )
        .await;
        let came = score_so_far(b).await.unwrap_or_default();
        assert_contains(&came, "This section so far", label);
        assert_eq!(
            form_top(b).await,
            before,
            "{label}: the questions moved when the score came ({came})"
        );
        b.screenshot(&screenshot_path(&format!("section-score-{label}")))
            .await;

        let answer = option_id("strat-1", option);
        click(b, &format!("label[for={answer}]")).await;
        wait_until(
            b,
            "const score = document.getElementById('section-score'); \
             return score && score.textContent !== arguments[0];",
            vec![json!(came)],
            QUICK,
            &format!("{label}: the score following the answer"),
        )
        .await;
        let now = score_so_far(b).await.unwrap_or_default();
        assert_eq!(
            form_top(b).await,
            before,
            "{label}: the questions moved when the score changed ({came} → {now})"
        );
        b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
            .await;
    }
    finish(app).await;
}

/// When the part that scores cannot be downloaded, the section's questions are there and are
/// saved as ever, and where the score would be, the page says why it is not.
#[tokio::test]
async fn a_section_without_the_scoring_part_says_so_and_still_saves() {
    let app = TestApp::start_hiding(&["/split_score.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "no-score",
        "No score",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/no-score/section/strategy").await;
    find(b, "#q-strat-1").await;
    b.wait_for_text(
        "No score: part of the toolkit did not download",
        DEFAULT_TIMEOUT,
    )
    .await;
    let answer = option_id("strat-1", 2);
    click(b, &format!("label[for={answer}]")).await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    assert!(
        saved_work(b, "no-score")
            .await
            .responses
            .answer(&QuestionId::new("strat-1"))
            .is_some(),
        "the answer was not stored"
    );
    assert_accessible(b, "a section without its score").await;
    finish_allowing(app, &["split_score", "HTTP status code is not ok"]).await;
}

/// A lead at the foot of "Our vision" double-clicks "Save and continue", as many people press
/// buttons. The first click moved on, and the second landed on whatever the next section had
/// drawn under the pointer: a tester found "Key role A" opened with focus in its third answer
/// box and the page scrolled 970 px down, its heading, introduction and current position out of
/// sight. The next section opens at its top with focus on its heading, for a click pair as
/// quick as a script's and as a person's.
#[tokio::test]
async fn a_double_click_on_save_and_continue_opens_the_next_section_at_its_top() {
    let (audit, statement) = statement_with_audit();
    let app = TestApp::start().await;
    let b = &app.browser;
    seed_works(&app, &[&audit, &statement], "#/work/st/section/vision").await;
    for (round, gap) in [0, 120, 0, 90].into_iter().enumerate() {
        let from = if round % 2 == 0 {
            "vision"
        } else {
            "statutory"
        };
        app.open(&format!("#/work/st/section/{from}")).await;
        find(b, "section.notice button").await;
        b.execute(
            "document.querySelector('.section-form .button-row button').scrollIntoView({ block: 'end' });",
            vec![],
        )
        .await;
        double_click_with_gap(
            b,
            ".section-form .button-row button",
            Duration::from_millis(gap),
        )
        .await;
        // Long enough for the next section, its part and any late redraw to settle.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let state = b
            .execute(
                "const a = document.activeElement; \
                 return [location.hash, a.tagName + '#' + a.id, Math.round(scrollY), \
                   document.querySelector('main h1').getBoundingClientRect().top >= 0];",
                vec![],
            )
            .await;
        let next = if from == "vision" {
            "statutory"
        } else {
            "inclusion"
        };
        assert_eq!(
            state,
            json!([format!("#/work/st/section/{next}"), "H1#", 0, true]),
            "after a double click ({gap} ms apart) on Save and continue in {from}: address, focus, scroll, heading in view"
        );
    }
    finish(app).await;
}

/// Waits for the current position to be copied into "Our vision"'s first answer box, and
/// gives what the box holds.
pub(crate) async fn copied_position(b: &common::browser::Browser) -> String {
    wait_until(
        b,
        "const t = document.querySelector('#q-vis-statement'); return !!t && t.value.length > 0;",
        vec![],
        QUICK,
        "the position copied into the first box",
    )
    .await;
    value_of(b, "q-vis-statement").await.unwrap_or_default()
}
