//! The sweep: whole journeys at a phone's width, 200% and 400% zoom, with Back.

use crate::prelude::*;

/// The screens of the work store at a phone's width and at 400% zoom (1280 px shown at 320 CSS
/// px): nothing runs off the side, and axe finds nothing. Your data with its room and backup,
/// the home page with an export reminder, collection set-up with an error, and a bilingual paper form.
#[tokio::test]
async fn the_work_store_screens_fit_a_phone_and_400_percent_zoom() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut old = work(
        "old-unexported",
        "Audit started a fortnight ago",
        &definition,
    );
    old.created = date("2026-01-05");
    let mut collection = collection_with("phone-feedback", "feedback-service-user", 3);
    if let Some(c) = collection.collection.as_mut() {
        c.language_offer = mhsw::work::LanguageOffer::WelshFirst;
    }
    seed_works(&app, &[&old, &collection], "#/").await;
    for (width, height, label) in [(390, 844, "phone"), (320, 256, "zoom-400")] {
        b.client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        for (route, ready, name) in [
            (
                "#/",
                "Never exported. Export it to keep a copy safe",
                "home",
            ),
            ("#/privacy", "The toolkit is using", "your-data"),
            (
                "#/work/phone-feedback",
                "3 responses so far. 2 more are needed",
                "collection",
            ),
            // Welsh and English side by side on a wide page, one above the other here.
            ("#/work/phone-feedback/paper", "Print in", "paper-bilingual"),
        ] {
            app.open(route).await;
            b.wait_for_text(ready, DEFAULT_TIMEOUT).await;
            let overflow = b
                .execute(
                    "return document.scrollingElement.scrollWidth - window.innerWidth;",
                    vec![],
                )
                .await;
            let wide = b
                .execute(
                    "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 40));",
                    vec![],
                )
                .await;
            assert!(
                overflow.as_i64().is_some_and(|o| o <= 0),
                "{name} at {label} runs {overflow} px off the side: {wide}"
            );
            if label == "zoom-400" {
                // A laptop at 400% shows 320 by 180 CSS pixels: the header (title, menu and
                // "Larger text") leaves more than half of that to the page itself.
                let header = b
                    .execute(
                        "return document.querySelector('.site-header').getBoundingClientRect().height;",
                        vec![],
                    )
                    .await;
                assert!(
                    header.as_f64().is_some_and(|h| h <= 88.0),
                    "{name}: the header is {header} px tall at 320 px wide: {}",
                    b.execute("return ['.brand', 'nav', '.text-size', '.header-row'].map(s => { const r = document.querySelector(s).getBoundingClientRect(); return s + ' ' + Math.round(r.top) + '+' + Math.round(r.height) + ' x' + Math.round(r.left) + '+' + Math.round(r.width); });", vec![]).await
                );
            }
            b.screenshot(&screenshot_path(&format!("device-{name}-{label}")))
                .await;
            assert_accessible(b, &format!("{name} at {label}")).await;
        }
    }
    finish(app).await;
}

/// Types "Hello world" into the box matching `selector`, moves the cursor back five characters
/// and types "big " there, as a person correcting a sentence does; returns the box's text.
pub(crate) async fn type_with_an_edit_in_the_middle(
    b: &common::browser::Browser,
    selector: &str,
) -> String {
    click(b, selector).await;
    select_all(b).await;
    type_text(b, "Hello world").await;
    press(b, &[Key::Left; 5]).await;
    type_text(b, "big ").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    value_at(b, selector).await
}

/// The audit, its plan, its results and a re-audit at 400% zoom (320 CSS px across): each
/// screen fits without sideways scrolling and passes axe; Back from a section, from the plan and
/// from the results lands on the page before with focus on something, and what was typed
/// before pressing Back is still there when Forward comes back to it.
#[tokio::test]
async fn the_audit_journey_holds_at_400_percent_zoom_and_back() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let strategy = definition
        .section(&"strategy".into())
        .expect("strategy")
        .title
        .to_string();
    let mut audit = work("sweep-audit", "Sweep audit", &definition);
    audit.organisation = "Northshire Council".to_owned();
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-6", "developing")]);
    let mut row = plan_row("row-1", "Agree a written statement with the board");
    row.lead = "Principal Social Worker".to_owned();
    row.partners = "Director of Adult Social Services; NHS trust lead".to_owned();
    row.success_measure = "Statement published and reviewed every year".to_owned();
    row.target_date = Some(date("2026-12-22"));
    audit.plan = vec![row];
    set_zoom(b, 400).await;
    seed_works(&app, &[&audit], "#/").await;

    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    find(b, "a.work-name[href='#/work/sweep-audit']").await;
    check_screen(b, "audit-home-400").await;
    click(b, "a.work-name[href='#/work/sweep-audit']").await;
    wait_for_heading_exact(b, "Sweep audit").await;
    check_screen(b, "audit-contents-400").await;

    // A section: an evidence box edited in the middle, then Back to the contents and Forward.
    click(b, "a[href='#/work/sweep-audit/section/strategy']").await;
    wait_for_heading_exact(b, &strategy).await;
    let typed = type_with_an_edit_in_the_middle(b, "#q-strat-1-evidence").await;
    assert_eq!(typed, "Hello big world", "the evidence box at 400% zoom");
    wait_for_saved(
        b,
        "sweep-audit",
        "e.work.responses['strat-1'] && e.work.responses['strat-1'].evidence === 'Hello big world'",
        "the evidence",
    )
    .await;
    check_screen(b, "audit-section-400").await;
    go_back(b, "Sweep audit").await;
    assert_contains(
        &main_text(b).await,
        "1 of 3 answered",
        "the contents after Back",
    );
    b.client().forward().await.expect("press Forward");
    wait_for_heading_exact(b, &strategy).await;
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some("Hello big world"),
        "the evidence after Back and Forward"
    );
    go_back(b, "Sweep audit").await;

    // Results, then the plan from the results, and Back from each.
    click_text(b, "See results").await;
    wait_for_heading_exact(b, "Results: Sweep audit").await;
    b.wait_for_text("Agree a written statement", DEFAULT_TIMEOUT)
        .await;
    check_screen(b, "audit-results-400").await;
    click_text(b, "Edit the plan").await;
    wait_for_heading_exact(b, "Improvement plan").await;
    let action = type_with_an_edit_in_the_middle(b, "#plan-row-1-lead").await;
    assert_eq!(
        action, "Hello big world",
        "the plan's lead box at 400% zoom"
    );
    wait_for_saved(
        b,
        "sweep-audit",
        "e.work.plan[0].lead === 'Hello big world'",
        "the plan's lead",
    )
    .await;
    check_screen(b, "audit-plan-400").await;
    go_back(b, "Results: Sweep audit").await;
    b.wait_for_text("Hello big world", QUICK).await;
    go_back(b, "Sweep audit").await;
    go_back(b, "Mental health social work toolkit").await;

    // A re-audit: duplicated from the home page, it opens as its own work.
    click_text(b, "Duplicate as a re-audit").await;
    wait_for_heading(b, "re-audit").await;
    check_screen(b, "audit-reaudit-contents-400").await;
    go_back(b, "Mental health social work toolkit").await;
    check_screen(b, "audit-home-two-audits-400").await;
    finish(app).await;
}

/// A feedback collection at 200% zoom (640 CSS px across): its page, the paper version, typing
/// in a returned paper form (with an edit in the middle of a written answer), the combined
/// report, files from another device combined on the home page, and people answering on the
/// shared device. Each screen fits and passes axe; Back from the paper version, from the
/// typed-in forms and from the report returns to the collection's page with the count right.
#[tokio::test]
async fn the_feedback_journey_holds_at_200_percent_zoom_and_back() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let questions = feedback_questions("feedback-service-user");
    let written = questions
        .iter()
        .find(|(_, rating)| !rating)
        .map(|(q, _)| format!("#q-{q}"))
        .expect("a written question");
    let collection = collection_with("sweep-feedback", "feedback-service-user", 3);
    let mut other_device = collection_with("sweep-feedback", "feedback-service-user", 5);
    if let Some(c) = other_device.collection.as_mut() {
        c.responses.drain(..3); // the same three, and two more
    }
    let device_file = temp_file("other-device.json", &export_work(&other_device));
    set_zoom(b, 200).await;
    seed_works(&app, &[&collection], "#/work/sweep-feedback").await;
    wait_for_heading_exact(b, "Big collection").await;
    b.wait_for_text("3 responses so far. 2 more are needed", DEFAULT_TIMEOUT)
        .await;
    check_screen(b, "feedback-collection-200").await;

    click_text(b, "Print a paper version").await;
    wait_for_heading(b, "").await;
    wait_for_hash(b, "#/work/sweep-feedback/paper").await;
    check_screen(b, "feedback-paper-200").await;
    go_back(b, "Big collection").await;

    click_text(b, "Type in returned paper forms").await;
    wait_for_heading_exact(b, "Type in paper forms").await;
    click(b, "#q-rel-1-2").await;
    let typed = type_with_an_edit_in_the_middle(b, &written).await;
    assert_eq!(typed, "Hello big world", "a written answer in a paper form");
    check_screen(b, "feedback-enter-paper-200").await;
    click_button(b, "Save this form and start the next").await;
    wait_for_saved(
        b,
        "sweep-feedback",
        "e.work.collection.responses.length === 4",
        "the typed-in form",
    )
    .await;
    check_screen(b, "feedback-enter-paper-saved-200").await;
    go_back(b, "Big collection").await;
    b.wait_for_text("4 responses so far. 1 more is needed", QUICK)
        .await;

    click_text(b, "See the combined report").await;
    wait_for_heading_exact(b, "Results: Big collection").await;
    check_screen(b, "feedback-results-200").await;
    go_back(b, "Big collection").await;

    // Combining: the other device's file adds its two new responses.
    click_text(b, "Home").await;
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    choose_files(b, "#import-file", &[&device_file.path]).await;
    b.wait_for_text("2 new responses added to “Big collection”", QUICK)
        .await;
    check_screen(b, "feedback-combined-home-200").await;
    click(b, "a.work-name[href='#/work/sweep-feedback']").await;
    wait_for_heading_exact(b, "Big collection").await;
    assert_lacks(
        &main_text(b).await,
        "more are needed",
        "the collection of six",
    );
    go_back(b, "Mental health social work toolkit").await;

    // People answering on the shared device.
    start_collecting(&app, "sweep-feedback", "2468", false).await;
    check_screen(b, "feedback-collect-welcome-200").await;
    click_button(b, "Start").await;
    wait_until(
        b,
        "return !!document.querySelector('main form.one-question');",
        vec![],
        QUICK,
        "the first screen after Start",
    )
    .await;
    check_screen(b, "feedback-collect-first-200").await;
    end_collecting(&app, "sweep-feedback", "2468").await;
    check_screen(b, "feedback-collection-after-collecting-200").await;
    finish(app).await;
}

/// A strategic statement and moving work in and out, at 400% zoom: the form that starts it, its
/// contents, a section with an answer edited in the middle, the statement as a document, the
/// work exported to a file and imported again, Your data with its backup, and the list of
/// questionnaires. Each screen fits and passes axe; Back from the section, the document and the
/// questionnaires lands on the page before, and the answer survives Back and Forward.
#[tokio::test]
async fn the_statement_and_import_export_journeys_hold_at_400_percent() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("strategic-statement");
    let first = &definition.sections[0];
    set_zoom(b, 400).await;
    app.open("#/").await;
    click(b, "a[href='#/new/strategic-statement']").await;
    wait_for_heading(b, "Start: ").await;
    check_screen(b, "statement-start-400").await;
    fill(b, "#work-name", "Sweep statement").await;
    click(b, "form.form button[type=submit]").await;
    let id = wait_for_hash(b, "#/work/")
        .await
        .trim_start_matches("#/work/")
        .to_owned();
    wait_for_heading_exact(b, "Sweep statement").await;
    check_screen(b, "statement-contents-400").await;

    click(b, &format!("a[href='#/work/{id}/section/{}']", first.id)).await;
    wait_for_heading_exact(b, first.title.as_ref()).await;
    let typed = type_with_an_edit_in_the_middle(b, "#q-lc-need").await;
    assert_eq!(typed, "Hello big world", "a statement answer at 400% zoom");
    wait_for_saved(
        b,
        &id,
        "e.work.responses['lc-need'] && e.work.responses['lc-need'].answer.text === 'Hello big world'",
        "the statement answer",
    )
    .await;
    check_screen(b, "statement-section-400").await;
    go_back(b, "Sweep statement").await;
    b.client().forward().await.expect("press Forward");
    wait_for_heading_exact(b, first.title.as_ref()).await;
    assert_eq!(
        value_at(b, "#q-lc-need").await,
        "Hello big world",
        "the answer after Back and Forward"
    );
    go_back(b, "Sweep statement").await;

    click_text(b, "See the statement as a document").await;
    wait_for_heading_exact(b, "Strategic statement: Sweep statement").await;
    b.wait_for_text("Hello big world", QUICK).await;
    check_screen(b, "statement-document-400").await;
    go_back(b, "Sweep statement").await;

    // Out to a file and in again.
    click_button(b, "Export this work to a file").await;
    let file = b.wait_for_download(".json", DEFAULT_TIMEOUT).await;
    check_screen(b, "statement-exported-400").await;
    click_text(b, "Home").await;
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    choose_files(b, "#import-file", &[&file]).await;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name")
        .to_owned();
    b.wait_for_text(&format!("{name}: "), QUICK).await;
    check_screen(b, "statement-imported-home-400").await;
    assert_eq!(
        stored_work_ids(b).await,
        vec![id.clone()],
        "one statement, not two"
    );

    click_text(b, "Your data").await;
    wait_for_heading_exact(b, "Your data").await;
    b.wait_for_text("The toolkit is using", DEFAULT_TIMEOUT)
        .await;
    click_button(b, "Export everything").await;
    b.wait_for_text("A backup of 1 piece of work was downloaded", QUICK)
        .await;
    check_screen(b, "your-data-backup-400").await;
    click_text(b, "Questionnaires").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    check_screen(b, "questionnaires-400").await;
    go_back(b, "Your data").await;
    finish(app).await;
}

/// Someone with low vision, at 400% zoom (a 320 × 225 CSS px window), fills in an audit on a
/// device whose storage is full, by keyboard.
///
/// Steps: start a self-assessment; open its first section; zoom to 400%; the storage fills;
/// choose an answer (the app says "Not saved: this browser’s storage for the toolkit is full
/// …"); Tab to the evidence box of the same question and type.
///
/// What went wrong: the warning sticks to the top of the window and is taller than the window
/// (about 361 CSS px in a 225 px window), so at every scroll position the window shows only
/// the warning: the focused evidence box is entirely hidden under it (WCAG 2.4.11), and the
/// warning's own "Download a copy of this work" button is cut off below the window. The person
/// should see the box they are typing in, and be able to reach the download.
#[tokio::test]
async fn at_400_percent_zoom_the_not_saved_warning_does_not_cover_the_page() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Zoomed and full", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    find(b, "#q-strat-1").await;
    set_zoom(b, 400).await;
    fill_storage(b).await;
    click(b, "#q-strat-1-2").await;
    b.wait_for_text("Not saved:", QUICK).await;
    tab_to(b, "#q-strat-1-evidence", 40).await;
    type_text(b, "Seen in supervision notes").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.screenshot(&shot("zoom-400-not-saved-covers-focus")).await;
    let seen = b
        .execute(
            "const f = document.activeElement.getBoundingClientRect(); \
             const w = document.querySelector('.save-status').getBoundingClientRect(); \
             const below = Math.max(f.top, w.bottom); \
             return { window: innerHeight, warning_height: Math.round(w.height), \
                      focus_visible_px: Math.max(0, Math.round(Math.min(f.bottom, innerHeight) - below)) };",
            vec![],
        )
        .await;
    assert!(
        seen["focus_visible_px"].as_i64().unwrap_or(0) > 0,
        "the box being typed in is hidden under the sticky \"Not saved\" warning: {seen}"
    );
    finish_allowing(app, &["QuotaExceeded", "quota"]).await;
}

/// Someone with low vision answers a Welsh-first collection in English on the shared device at
/// 400% zoom (a 320 × 225 CSS px window), by keyboard.
///
/// Steps: the practitioner offers Welsh first and starts collecting; zoom to 400%; English;
/// Start; Next past the section's introduction; on "Question 1 of 27" Tab to the first answer,
/// Space, Tab to Next, Enter.
///
/// What went wrong: each new screen puts focus on its heading but then scrolls the window to
/// the very top, and above the heading sit the header, the folded "Need help now?" and the
/// "Cymraeg" language switch, so the focused heading is cut off by the bottom edge (209 to
/// 231 px in a 225 px window) and the question itself is below the window: after every Next
/// the person sees no question, and must scroll down each time. (Without the language switch
/// it just fits.) The focused heading, and the question after it, should be in the window.
#[tokio::test]
async fn at_400_percent_zoom_the_next_question_is_in_view() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_first_collection(&app, "welsh-zoomed").await;
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    fill(b, "#kiosk-code", "2468").await;
    click_button(b, "Start collecting").await;
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    set_zoom(b, 400).await;
    click_button(b, "English").await;
    click_button(b, "Start").await;
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 1 of {TOTAL}")).await;
    tab_to(b, "main input[type=radio]", 20).await;
    press(b, &[Key::Space]).await;
    tab_to(b, "main form.one-question button[type=submit]", 20).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading_exact(b, &format!("Question 2 of {TOTAL}")).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    b.screenshot(&shot("zoom-400-question-out-of-view")).await;
    let place = b
        .execute(
            "const e = document.activeElement; const r = e.getBoundingClientRect(); \
             return { focus: e.tagName.toLowerCase(), top: Math.round(r.top), bottom: Math.round(r.bottom), window: innerHeight };",
            vec![],
        )
        .await;
    let top = place["top"].as_i64().unwrap_or(i64::MAX);
    let bottom = place["bottom"].as_i64().unwrap_or(i64::MIN);
    let window = place["window"].as_i64().unwrap_or(0);
    assert!(
        place["focus"] == "h1" && top >= 0 && bottom <= window,
        "after Next, the focused question heading is not in the window: {place}"
    );
    finish(app).await;
}
