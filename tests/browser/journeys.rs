//! Journeys found by use (the tester's sweep of December): importing a large collection twice,
//! in two tabs, with a reload or Back part way; the pages that load on demand on a slow or
//! absent network; the Welsh interface on a phone and at 400% zoom; collection mode on a shared
//! tablet; typing in the middle of evidence.

use crate::prelude::*;

/// Text of the home page's import outcome ('' while nothing is said).
pub(crate) async fn import_status(b: &common::browser::Browser) -> String {
    b.text_of(
        "const s = document.querySelector('.import [role=status]'); return s ? s.innerText : '';",
        vec![],
    )
    .await
}

fn shot(name: &str) -> std::path::PathBuf {
    screenshot_path(&format!("journeys/{name}"))
}

/// A lead who chooses the same large file again while its import is still running (nothing on
/// the page said it was) is told the truth about both: the collection was imported and saved
/// once, and the second time nothing was added. It used to say the work was not saved because
/// another tab had changed it, with the conflict's buttons, though no other tab was open and
/// every response was saved.
#[tokio::test]
async fn choosing_a_file_again_while_it_imports_says_the_truth() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let big = collection_with("ten-thousand", "feedback-service-user", 10_000);
    let file = temp_file("ten-thousand.json", &export_work(&big));
    drop(big);
    app.open("#/").await;
    find(b, ".tool-list").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text("ten-thousand.json:", Duration::from_secs(60))
        .await;
    // Both imports have ended once the second has said so.
    wait_until(
        b,
        "return document.querySelector('.import [role=status]').innerText.includes('already');",
        vec![],
        Duration::from_secs(60),
        "the second import saying the collection was already here",
    )
    .await;
    let said = import_status(b).await;
    b.screenshot(&shot("import-twice")).await;
    assert_lacks(
        &b.body_text().await,
        "Not saved",
        "the page after two imports",
    );
    assert_lacks(&said, "not saved", "the import's outcome");
    assert_contains(
        &said,
        "0 new responses added to “Big collection” and saved on this device; 10,000 were already there.",
        "the second import's outcome",
    );
    assert_eq!(stored_work_ids(b).await, vec!["ten-thousand".to_owned()]);
    assert_eq!(stored_response_count(b, "ten-thousand").await, 10_000);
    // The worker's split of the staged blocks (R7) ends with every response in its own record.
    assert_eq!(
        records_once_split(b, "ten-thousand").await,
        (10_000, 0),
        "(own records, staged blocks) after the split"
    );
    finish(app).await;
}

/// Pressing the import button gets the import ready while the person chooses a file: the
/// import worker starts and reads a made-up collection, and the page reads its answer, so that
/// the file's own check and reading run on code the browser has compiled for speed. The
/// made-up collection is never stored, listed or announced; pressing again does not do it
/// twice; and the file chosen afterwards is imported, saved and split into its own records
/// (R7) as without the press.
#[tokio::test]
async fn pressing_import_gets_it_ready_and_keeps_nothing_of_that() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let collection = collection_with("pressed-first", "feedback-service-user", 1_000);
    let file = temp_file("pressed-first.json", &export_work(&collection));
    app.open("#/").await;
    find(b, ".tool-list").await;
    let measures =
        |name: &str| format!("return performance.getEntriesByName('{name}', 'measure').length");
    // Twice, quickly, as a double click on the button.
    click(b, "#import-file-button").await;
    click(b, "#import-file-button").await;
    wait_until(
        b,
        &format!("{} > 0;", measures("mhsw:import-read-responses")),
        vec![],
        Duration::from_secs(30),
        "the page reading the warm-up's made-up responses",
    )
    .await;
    assert_eq!(
        b.execute(&measures("mhsw:worker-warm-up"), vec![]).await,
        json!(1),
        "the worker warmed up once for two presses"
    );
    assert_eq!(
        import_status(b).await,
        "",
        "nothing is said about the warm-up"
    );
    assert!(
        stored_work_ids(b).await.is_empty(),
        "the warm-up stored nothing"
    );
    assert_lacks(&b.body_text().await, "warm-up", "the home page");
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text(
        "pressed-first.json: imported as “Big collection” with 1,000 responses, and saved on this device.",
        Duration::from_secs(60),
    )
    .await;
    assert_eq!(stored_work_ids(b).await, vec!["pressed-first".to_owned()]);
    // The page asks for the split once it has read the responses back.
    assert_eq!(
        records_once_split(b, "pressed-first").await,
        (1_000, 0),
        "(own records, staged blocks) after the split"
    );
    finish(app).await;
}

/// A Welsh lead starting new work who types a name over the limit is told to shorten it in
/// Welsh, as the rename box does, not in English inside a Welsh page.
#[tokio::test]
async fn a_welsh_lead_is_told_to_shorten_an_over_long_name_in_welsh() {
    let errors = welsh_new_work_errors_for_too_long(&["#work-name"]).await;
    assert_lacks(&errors, "Shorten", "the Welsh new-work form's errors");
    assert_contains(
        &errors,
        "Byrhewch yr enw",
        "the Welsh new-work form's errors",
    );
}

/// The same for the organisation, who is taking part and whose practice it is about.
#[tokio::test]
async fn a_welsh_lead_is_told_to_shorten_the_other_over_long_fields_in_welsh() {
    let errors = welsh_new_work_errors_for_too_long(&["#work-organisation", "#work-about"]).await;
    assert_lacks(&errors, "Shorten", "the Welsh new-work form's errors");
}

/// A Welsh lead's new feedback collection with 201 characters typed in each of `fields`,
/// submitted: the error texts shown.
async fn welsh_new_work_errors_for_too_long(fields: &[&str]) -> String {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/").await;
    storage_set(b, "mhsw:interface-language", "cy").await;
    reload(&app, "#/new/feedback-service-user").await;
    find(b, "#work-name").await;
    fill(b, "#work-name", "Adborth").await;
    fill(b, "#work-about", "Tîm y Gogledd").await;
    let long = "a".repeat(201);
    for field in fields {
        fill(b, field, &long).await;
    }
    click(b, "form.form button[type=submit]").await;
    b.wait_for_css(".field-error", QUICK).await;
    let errors = error_texts(b).await;
    b.screenshot(&shot("cy-new-work-too-long")).await;
    finish(app).await;
    errors
}

/// Every error text on the page (field errors and the summary), one a line.
async fn error_texts(b: &common::browser::Browser) -> String {
    b.text_of(
        "return [...document.querySelectorAll('.field-error, .error-summary li')].map(e => e.innerText).join('\\n');",
        vec![],
    ).await
}

/// A Welsh lead who gives a collection's period a start and no end is told what to do in
/// Welsh, not in English inside a Welsh page.
#[tokio::test]
async fn a_welsh_lead_is_told_about_a_half_given_period_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/").await;
    storage_set(b, "mhsw:interface-language", "cy").await;
    reload(&app, "#/new/feedback-service-user").await;
    fill(b, "#work-name", "Adborth").await;
    fill(b, "#work-about", "Tîm y Gogledd").await;
    b.execute(
        "const e = document.getElementById('work-period-start'); e.value = '2026-11-02'; \
         e.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![],
    )
    .await;
    click(b, "form.form button[type=submit]").await;
    b.wait_for_css(".field-error", QUICK).await;
    let errors = error_texts(b).await;
    b.screenshot(&shot("cy-new-work-half-period")).await;
    assert_lacks(
        &errors,
        "Enter the end of the period",
        "the Welsh period error",
    );
    finish(app).await;
}

/// A Welsh lead who types 0 in collection mode's inactivity box is told the range in Welsh.
#[tokio::test]
async fn a_welsh_lead_is_told_about_a_wrong_inactivity_time_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let collection = collection_with("cy-idle", "feedback-service-user", 2);
    seed_works(&app, &[&collection], "#/").await;
    storage_set(b, "mhsw:interface-language", "cy").await;
    reload(&app, "#/work/cy-idle/collect").await;
    find(b, "#kiosk-idle").await;
    click(b, "#kiosk-idle").await;
    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    type_text(b, "0").await;
    fill(b, "#kiosk-code", "4821").await;
    click(b, "form button[type=submit]").await;
    b.wait_for_css("#kiosk-idle-error", QUICK).await;
    let errors = error_texts(b).await;
    b.screenshot(&shot("cy-collect-idle-zero")).await;
    assert_lacks(
        &errors,
        "Enter a whole number of minutes",
        "the Welsh inactivity error",
    );
    finish(app).await;
}

/// A change to one audit refused because another tab changed it ("Not saved", with the choice
/// of versions) is still not saved after the lead goes on to save another audit: the page must
/// not then say only "Saved" and drop the choice, or the refused change is lost without a word
/// when the tab closes.
#[tokio::test]
async fn a_refused_save_is_not_hidden_by_saving_other_work() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let first = work("conflict-a", "First audit", &definition);
    let second = work("conflict-b", "Second audit", &definition);
    seed_works(&app, &[&first, &second], "#/").await;
    another_tab_saves_first(&app, "conflict-a").await;
    click(b, "#q-strat-1-3").await;
    b.wait_for_text("Not saved", DEFAULT_TIMEOUT).await;
    b.screenshot(&shot("conflict-refused")).await;

    app.open("#/work/conflict-b/section/strategy").await;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    wait_for_saved(
        b,
        "conflict-b",
        "e.work.responses['strat-1']",
        "the second audit's answer",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    b.screenshot(&shot("conflict-after-other-save")).await;
    let text = b.body_text().await;
    assert_contains(
        &text,
        "Not saved",
        "the first audit's refused change, after the second audit was saved",
    );
    assert!(
        asks_before_leaving(b).await,
        "the first audit's refused change is held only in this page, and leaving would not ask"
    );
    finish(app).await;
}

/// While a large file is being imported (10,000 responses take seconds), the import says that
/// it is under way: the page said nothing at all until the end, so a lead chose the file again.
#[tokio::test]
async fn a_large_import_says_it_is_under_way() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let big = collection_with("under-way", "feedback-service-user", 10_000);
    let file = temp_file("under-way.json", &export_work(&big));
    drop(big);
    app.open("#/").await;
    find(b, ".tool-list").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let said = import_status(b).await;
    b.wait_for_text("under-way.json:", Duration::from_secs(60))
        .await;
    assert!(
        !said.trim().is_empty(),
        "the import said nothing 300 ms after the file was chosen"
    );
    finish(app).await;
}

/// The same large file imported in two tabs at once (a lead who opened the toolkit twice):
/// each tab tells the truth, and the store has the collection once, whole.
#[tokio::test]
async fn the_same_file_imported_in_two_tabs_at_once_says_the_truth() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let big = collection_with("two-tabs", "feedback-service-user", 10_000);
    let file = temp_file("two-tabs.json", &export_work(&big));
    drop(big);
    app.open("#/").await;
    find(b, ".tool-list").await;
    let first = b.client().window().await.expect("this tab");
    let other = b.client().new_window(true).await.expect("another tab");
    b.client()
        .switch_to_window(other.handle.clone())
        .await
        .expect("to the other tab");
    app.open("#/").await;
    find(b, ".tool-list").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.client()
        .switch_to_window(first.clone())
        .await
        .expect("back to the first tab");
    choose_files(b, "#import-file", &[&file.path]).await;
    let mut said = Vec::new();
    for tab in [first, other.handle] {
        b.client().switch_to_window(tab).await.expect("switch");
        b.wait_for_text("two-tabs.json:", Duration::from_secs(60))
            .await;
        said.push(b.body_text().await);
    }
    b.screenshot(&shot("two-tabs-import")).await;
    for text in &said {
        assert_lacks(
            text,
            "Not saved",
            "a tab after importing the same file as the other",
        );
        assert_lacks(
            text,
            "not saved",
            "a tab after importing the same file as the other",
        );
    }
    assert_eq!(stored_response_count(b, "two-tabs").await, 10_000);
    finish(app).await;
}

/// A double click on "Start" makes one piece of work and opens its contents: the second click
/// used to land on the section link that sits where the button was, and opened that section
/// ("Quality assurance") unasked.
#[tokio::test]
async fn a_double_click_on_start_opens_the_contents_of_one_new_audit() {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/new/self-assessment").await;
    fill(b, "#work-name", "Started with a double click").await;
    crate::pdf::double_click(b, "form.form button[type=submit]").await;
    wait_for_heading(b, "Started with a double click").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    b.screenshot(&shot("double-click-start")).await;
    let hash = current_hash(b).await;
    let ids = stored_work_ids(b).await;
    assert_eq!(ids.len(), 1, "one piece of work: {ids:?}");
    assert_eq!(
        hash,
        format!("#/work/{}", ids[0]),
        "the second click opened a section"
    );
    finish(app).await;
}

/// Waits until the character count under a box reads `expected`. The figure is redrawn after a
/// pause in typing (so that typing stays one undo step), hence a wait rather than a read.
async fn wait_for_count(b: &common::browser::Browser, box_id: &str, expected: &str, what: &str) {
    wait_until(
        b,
        "const c = document.getElementById(arguments[0] + '-count'); \
         return !!c && c.innerText === arguments[1];",
        vec![json!(box_id), json!(expected)],
        QUICK,
        what,
    )
    .await;
}

/// A lead with the same audit open in two tabs types evidence in one, then goes back to the
/// other and adds to it. The other tab kept its older copy, so the addition was refused ("Not
/// saved: this work was changed in another tab"), though the lead had changed nothing in it
/// meanwhile and only wanted both edits. A tab with nothing of its own unsaved now takes the
/// other tab's saved change at once: it shows it, counts it, and builds on it.
#[tokio::test]
async fn a_lead_moving_between_two_tabs_builds_on_each_tabs_change() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "two-tabs-notes",
        "Two tab audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/two-tabs-notes/section/strategy").await;
    let evidence = "q-strat-1-evidence";
    find(b, &format!("#{evidence}")).await;
    let first = b.client().window().await.expect("this tab");
    let other = b.client().new_window(true).await.expect("another tab");
    b.client()
        .switch_to_window(other.handle.clone())
        .await
        .expect("to the other tab");
    app.open("#/work/two-tabs-notes/section/strategy").await;
    click(b, &format!("#{evidence}")).await;
    type_text(b, "Board minutes, March 2026").await;
    wait_for_saved(
        b,
        "two-tabs-notes",
        "e.work.responses['strat-1'] && e.work.responses['strat-1'].evidence === 'Board minutes, March 2026'",
        "the other tab's evidence",
    )
    .await;

    b.client()
        .switch_to_window(first.clone())
        .await
        .expect("back to the first tab");
    wait_until(
        b,
        "return document.getElementById(arguments[0]).value === 'Board minutes, March 2026';",
        vec![json!(evidence)],
        QUICK,
        "the first tab showing the other tab's evidence",
    )
    .await;
    wait_for_count(
        b,
        evidence,
        "You have 9,975 characters left",
        "the count of what the box shows",
    )
    .await;
    // Into the middle: after "Board minutes", before the comma.
    click(b, &format!("#{evidence}")).await;
    press(b, &[Key::End]).await;
    press(b, &[Key::Left; 12]).await;
    type_text(b, " (approved)").await;
    wait_for_saved(
        b,
        "two-tabs-notes",
        "e.work.responses['strat-1'] && e.work.responses['strat-1'].evidence === 'Board minutes (approved), March 2026'",
        "the first tab's addition, built on the other tab's evidence",
    )
    .await;
    b.screenshot(&shot("two-tabs-notes-first")).await;
    let text = b.body_text().await;
    assert_lacks(
        &text,
        "Not saved",
        "the first tab after adding to the evidence",
    );
    assert_lacks(
        &text,
        "another tab",
        "the first tab after adding to the evidence",
    );

    b.client()
        .switch_to_window(other.handle)
        .await
        .expect("to the other tab again");
    wait_until(
        b,
        "return document.getElementById(arguments[0]).value === 'Board minutes (approved), March 2026';",
        vec![json!(evidence)],
        QUICK,
        "the other tab showing the first tab's addition",
    )
    .await;
    wait_for_count(
        b,
        evidence,
        "You have 9,964 characters left",
        "the other tab's count of the addition",
    )
    .await;
    assert_lacks(&b.body_text().await, "Not saved", "the other tab");
    finish(app).await;
}

/// Work deleted in one tab goes from the other tab too, where that tab held nothing of it
/// unsaved: the page it was on says it was deleted there (and has focus), and nothing brings
/// it back. It used to stay on screen, take changes that went nowhere, and come back with the
/// next save.
#[tokio::test]
async fn work_deleted_in_another_tab_goes_from_this_one_and_says_why() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "deleted-there",
        "Deleted there audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/deleted-there/section/strategy").await;
    click(b, "#q-strat-1-2").await;
    b.wait_for_text("Saved on this device at", DEFAULT_TIMEOUT)
        .await;
    let first = b.client().window().await.expect("this tab");
    let other = b.client().new_window(true).await.expect("another tab");
    b.client()
        .switch_to_window(other.handle.clone())
        .await
        .expect("to the other tab");
    app.open("#/").await;
    click_text(b, "Delete Deleted there audit").await;
    click_button(b, "Yes, delete it").await;
    wait_for_text_gone(b, "Deleted there audit").await;

    b.client()
        .switch_to_window(first)
        .await
        .expect("back to the first tab");
    wait_for_heading(b, "This work was deleted in another tab or window").await;
    assert!(
        focus_is_on(b, "main h1").await,
        "the heading that says why the page went has focus; focus is on {}",
        focused(b).await
    );
    // This tab's own save, before, is not news above "no longer saved".
    assert_lacks(
        &b.body_text().await,
        "Saved on this device",
        "the page of deleted work",
    );
    assert_contains(
        &main_text(b).await,
        "It is no longer saved on this device.",
        "the page of deleted work",
    );
    b.screenshot(&shot("deleted-in-another-tab")).await;
    assert_accessible(b, "a page of work deleted in another tab").await;
    click_text(b, "See the work saved here").await;
    find(b, ".tool-list").await;
    assert_lacks(&main_text(b).await, "Deleted there audit", "the home page");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(
        stored_work_ids(b).await.is_empty(),
        "nothing brought the deleted work back"
    );

    // Imported again here from a copy, it is this tab's again: its saves go through (they were
    // refused as deleted elsewhere).
    let copy = temp_file("deleted-there.json", &export_work(&audit));
    choose_files(b, "#import-file", &[copy.path.as_path()]).await;
    b.wait_for_text("deleted-there.json:", DEFAULT_TIMEOUT)
        .await;
    b.execute(
        "location.hash = '#/work/deleted-there/section/strategy';",
        vec![],
    )
    .await;
    click(b, "#q-strat-1-3").await;
    wait_for_saved(
        b,
        "deleted-there",
        "e.work.responses['strat-1']",
        "a change to the work imported again",
    )
    .await;
    assert_lacks(&b.body_text().await, "Not saved", "the work imported again");
    finish(app).await;
}

/// A change made in a tab that never heard the other tab delete the work (a browser without
/// BroadcastChannel, a tab of an earlier release): the save says the work was deleted, not
/// that it was changed, and brings nothing back unasked. "Keep it, with this tab's changes"
/// saves it again, whole; "Delete it here too" lets it go and says so.
#[tokio::test]
async fn a_change_to_work_deleted_in_another_tab_is_kept_only_if_chosen() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "deleted-unheard",
        "Unheard delete audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/deleted-unheard/section/strategy").await;
    find(b, "#q-strat-1").await;
    let first = b.client().window().await.expect("this tab");
    let other = b.client().new_window(true).await.expect("another tab");
    let delete_unheard = || async {
        b.client()
            .switch_to_window(other.handle.clone())
            .await
            .expect("to the other tab");
        app.open("#/").await;
        b.execute(
            "BroadcastChannel.prototype.postMessage = function () {};",
            vec![],
        )
        .await;
        click_text(b, "Delete Unheard delete audit").await;
        click_button(b, "Yes, delete it").await;
        wait_for_text_gone(b, "Unheard delete audit").await;
        b.client()
            .switch_to_window(first.clone())
            .await
            .expect("back to the first tab");
    };

    delete_unheard().await;
    click(b, "#q-strat-1-2").await;
    b.wait_for_text("Not saved", DEFAULT_TIMEOUT).await;
    let said = b.body_text().await;
    assert_contains(
        &said,
        "this work was deleted in another tab or window, so your latest change was not saved",
        "the refused save",
    );
    assert_lacks(&said, "changed in another tab", "the refused save");
    assert!(
        stored_work_ids(b).await.is_empty(),
        "the refused save wrote nothing"
    );
    click(b, ".save-status a[href='#save-choices']").await;
    b.screenshot(&shot("deleted-unheard-choices")).await;
    assert_accessible(b, "the choices after a save refused for deleted work").await;
    click_button(b, "Keep it, with this tab’s changes").await;
    wait_for_saved(
        b,
        "deleted-unheard",
        "e.work.responses['strat-1']",
        "this tab's copy, with its answer, saved again",
    )
    .await;
    b.wait_for_text("Saved on this device", DEFAULT_TIMEOUT)
        .await;
    assert_lacks(&b.body_text().await, "Not saved", "after keeping it");

    // Deleted again there; this time let it go here too.
    delete_unheard().await;
    click(b, "#q-strat-1-3").await;
    b.wait_for_text("Not saved", DEFAULT_TIMEOUT).await;
    click(b, ".save-status a[href='#save-choices']").await;
    click_button(b, "Delete it here too").await;
    wait_for_heading(b, "This work was deleted in another tab or window").await;
    assert!(
        focus_is_on(b, "main h1").await,
        "focus on the heading after letting it go; focus is on {}",
        focused(b).await
    );
    assert_lacks(&b.body_text().await, "Not saved", "after letting it go");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(
        stored_work_ids(b).await.is_empty(),
        "letting it go brought nothing back"
    );
    finish(app).await;
}

/// A strategic statement's written answers have no "Clear this answer" button (a press took a
/// paragraph away at once, and the box's undo could not bring it back); its choices keep one.
/// "Copy this into the first answer box" adds the audit's position once, however often it is
/// pressed (a double-click added it twice, beyond undo). Both found by a tester on 7 December
/// 2026.
#[tokio::test]
async fn a_statements_written_answers_stay_unless_deleted_and_the_position_is_copied_once() {
    use common::finished_audit::audit_work;
    let app = TestApp::start().await;
    let b = &app.browser;
    let (_, audit) = audit_work();
    let statement = work(
        "statement-copy",
        "Statement two",
        &bundled_definition("strategic-statement"),
    );
    seed_works(
        &app,
        &[&audit, &statement],
        "#/work/statement-copy/section/local-context",
    )
    .await;
    click(b, "#q-lc-need").await;
    type_text(b, "High need in the coastal towns").await;
    wait_for_saved(
        b,
        "statement-copy",
        "e.work.responses['lc-need'] && e.work.responses['lc-need'].answer",
        "the written answer",
    )
    .await;
    click(b, "#q-lc-nation").await;
    let clear_buttons = "return Array.from(document.querySelectorAll('.clear-answer button')) \
        .map(b => b.textContent.trim());";
    let shown = b.execute(clear_buttons, vec![]).await;
    let shown: Vec<&str> = shown
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        shown.len(),
        1,
        "one clear button, for the choice: {shown:?}"
    );
    assert!(
        shown[0].starts_with("Clear this answer: Where does your organisation provide"),
        "the clear button is the choice's: {shown:?}"
    );

    b.execute(
        "location.hash = '#/work/statement-copy/section/vision';",
        vec![],
    )
    .await;
    find(b, "#q-vis-statement").await;
    crate::collection_mode::double_click_with_gap(
        b,
        "section[aria-labelledby=position-heading] button",
        Duration::from_millis(150),
    )
    .await;
    click_button(b, "Copy this into the first answer box to edit").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let text = value_of(b, "q-vis-statement").await.unwrap_or_default();
    assert_eq!(
        text.matches("Our latest self-assessment").count(),
        1,
        "the position, copied once: {text:?}"
    );
    finish(app).await;
}

/// A change refused because another tab changed the work: the choices it offers ("Download a
/// copy", "Use the other tab's version", "Keep mine as a separate copy") are never hidden in a
/// small scrolling box. On a laptop and on a phone, the words that stay in view while the
/// person works further down are short (a third of the window at most), and lead to the choices; at the top of the page every
/// choice is there in full, without scrolling inside anything.
#[tokio::test]
async fn the_not_saved_choices_are_never_cut_off_on_a_laptop_or_a_phone() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let audit = work("cut-off", "Cut off audit", &definition);
    seed_works(&app, &[&audit], "#/").await;
    another_tab_saves_first(&app, "cut-off").await;
    click(b, "#q-strat-5-1").await;
    b.wait_for_text("Not saved", DEFAULT_TIMEOUT).await;

    // Each choice, whole and in the window, with nothing around it scrolling.
    const CHOICES_IN_FULL: &str = r#"
        const labels = ['Download a copy of this work', 'Use the other tab’s version', 'Keep mine as a separate copy'];
        const buttons = Array.from(document.querySelectorAll('button'));
        return labels.map(label => {
          const button = buttons.find(b => b.textContent.trim() === label);
          if (!button) return label + ': missing';
          const r = button.getBoundingClientRect();
          if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return label + ': outside the window';
          for (let e = button.parentElement; e && e !== document.body; e = e.parentElement) {
            const r2 = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            if (style.overflowY !== 'visible' && (r.bottom > r2.bottom + 1 || r.top < r2.top - 1)) return label + ': cut off by ' + e.className;
          }
          return label + ': in full';
        });"#;
    for (width, height, label) in [(1280, 900, "laptop"), (360, 740, "phone")] {
        b.client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        // Working further down: what stays in view is short and leads to the choices.
        b.execute(
            "document.querySelector('#q-strat-5-1').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let kept = b
            .execute(
                "const s = document.querySelector('.save-status'); const r = s.getBoundingClientRect(); \
                 const link = s.querySelector('a[href=\"#save-choices\"]'); \
                 return [r.top >= 0 && r.top < 5, r.height <= innerHeight / 3 || `${r.height} of ${innerHeight}`, !!link && link.textContent.trim()];",
                vec![],
            )
            .await;
        assert_eq!(
            kept,
            json!([true, true, "What you can do"]),
            "{label}: the warning kept in view (at the top, at most a third of the window, with a link to the choices)"
        );
        check_screen(b, &format!("not-saved-working-{label}")).await;
        click(b, ".save-status a[href='#save-choices']").await;
        assert!(
            focus_is_on(b, "#save-choices").await,
            "{label}: the link leads to the choices; focus is on {}",
            focused(b).await
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            b.execute(CHOICES_IN_FULL, vec![]).await,
            json!([
                "Download a copy of this work: in full",
                "Use the other tab’s version: in full",
                "Keep mine as a separate copy: in full"
            ]),
            "{label}: the choices, once the link is followed"
        );
        check_screen(b, &format!("not-saved-choices-{label}")).await;
    }
    b.client()
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");
    finish(app).await;
}

/// With the work `id`'s section "strategy" open in this tab, another tab opens it too and
/// answers its first question, and is closed. This tab's word to the others never arrives (a
/// browser without BroadcastChannel, or a tab of an earlier release), so this tab still holds
/// the older version when it changes it: a true conflict, which only the store's revisions
/// catch.
async fn another_tab_saves_first(app: &TestApp, id: &str) {
    let b = &app.browser;
    let route = format!("#/work/{id}/section/strategy");
    app.open(&route).await;
    find(b, "#q-strat-1").await;
    let this_tab = b.client().window().await.expect("this tab");
    let other = b.client().new_window(true).await.expect("another tab");
    b.client()
        .switch_to_window(other.handle.clone())
        .await
        .expect("to the other tab");
    app.open(&route).await;
    b.execute(
        "BroadcastChannel.prototype.postMessage = function () {};",
        vec![],
    )
    .await;
    click(b, "#q-strat-1-2").await;
    wait_for_saved(
        b,
        id,
        "e.work.responses['strat-1']",
        "the other tab's answer",
    )
    .await;
    b.client()
        .close_window()
        .await
        .expect("close the other tab");
    b.client()
        .switch_to_window(this_tab)
        .await
        .expect("back to the first tab");
}

/// Drags the files at `paths` from outside the browser over the middle of the element
/// `selector` and drops them there, as a person dragging files from their desktop does (real
/// drag events, from the DevTools protocol, so the browser treats the drop as it would a
/// person's). Returns whether a chooser was outlined while they were over it.
async fn drag_and_drop_files(
    b: &common::browser::Browser,
    selector: &str,
    paths: &[&Path],
) -> bool {
    let point = b
        .execute(
            "const e = document.querySelector(arguments[0]); e.scrollIntoView({ block: 'center' }); \
             const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![json!(selector)],
        )
        .await;
    let files: Vec<String> = paths
        .iter()
        .map(|p| {
            p.canonicalize()
                .expect("the file to drag")
                .display()
                .to_string()
        })
        .collect();
    let drag = |kind: &str| {
        json!({ "type": kind, "x": point[0], "y": point[1],
                "data": { "items": [], "files": files, "dragOperationsMask": 1 } })
    };
    b.cdp("Input.dispatchDragEvent", drag("dragEnter")).await;
    b.cdp("Input.dispatchDragEvent", drag("dragOver")).await;
    let outlined = b
        .execute_async(
            "const [done] = arguments; \
             requestAnimationFrame(() => done(!!document.querySelector('.file-drop-over')));",
            vec![],
        )
        .await;
    b.cdp("Input.dispatchDragEvent", drag("drop")).await;
    outlined == json!(true)
}

/// A lead who drags an exported file from their desktop onto the import box has it imported,
/// as the browser's own file control did before the choosers spoke the page's language (a
/// file dropped there then did nothing). A file that misses the box is refused (no drop
/// reaches the page, so the browser does not open the file in place of it); text dragged into
/// a box is left to the box; and several files dropped where one is taken are refused with a
/// reason, not half-opened.
#[tokio::test]
async fn a_file_dropped_onto_a_chooser_is_taken_as_chosen() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let collection = collection_with("dropped", "feedback-service-user", 25);
    let file = temp_file("dropped.json", &export_work(&collection));
    app.open("#/").await;
    find(b, ".tool-list").await;
    // Every drop the page did not refuse, seen after the page's own handlers.
    b.execute(
        "window.mhswDrops = []; \
         window.addEventListener('drop', (e) => window.mhswDrops.push(e.defaultPrevented));",
        vec![],
    )
    .await;
    assert!(
        drag_and_drop_files(b, "#import-file-button", &[&file.path]).await,
        "the import box outlined while the file is over it"
    );
    b.wait_for_text(
        "dropped.json: imported as “Big collection” with 25 responses, and saved on this device.",
        Duration::from_secs(30),
    )
    .await;
    assert_eq!(stored_work_ids(b).await, vec!["dropped".to_owned()]);
    assert_eq!(
        b.execute(
            "return document.querySelectorAll('.file-drop-over').length;",
            vec![]
        )
        .await,
        json!(0),
        "an outline left after the drop"
    );
    // Missing the box: the drop is refused before it reaches the page.
    b.execute("window.mhswDrops = [];", vec![]).await;
    assert!(
        !drag_and_drop_files(b, "main h1", &[&file.path]).await,
        "the import box outlined for a file beside it"
    );
    assert_eq!(
        b.execute("return window.mhswDrops;", vec![]).await,
        json!([]),
        "a file dropped beside the box reached the page (the browser would open it in its place)"
    );
    assert_eq!(
        b.execute("return location.hash;", vec![]).await,
        json!("#/")
    );
    // Text dragged onto the page is not a file: the page leaves it to the browser.
    let words = b
        .execute(
            "const dt = new DataTransfer(); dt.setData('text/plain', 'words'); \
             return !document.querySelector('main h1').dispatchEvent( \
               new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));",
            vec![],
        )
        .await;
    assert_eq!(words, json!(false), "dragged text is left to the browser");
    // The questionnaires page opens one file at a time: two dropped are refused, with why.
    app.open("#/questionnaires").await;
    find(b, "#open-definition-button").await;
    let a = temp_file("a.json", "{}");
    let c = temp_file("c.json", "{}");
    drag_and_drop_files(b, ".file-drop", &[&a.path, &c.path]).await;
    b.wait_for_text(
        "This takes one file at a time, and 2 were dropped, so none was opened.",
        DEFAULT_TIMEOUT,
    )
    .await;
    assert_lacks(
        &b.body_text().await,
        "a.json",
        "the page after two files were refused",
    );
    check_screen(b, "journeys/two-files-dropped").await;
    b.execute(
        "document.querySelector('.file-drop').scrollIntoView({ block: 'center' }); \
         document.querySelector('.file-drop').classList.add('file-drop-over');",
        vec![],
    )
    .await;
    b.screenshot(&shot("two-files-dropped-outlined")).await;
    b.execute(
        "document.querySelector('.file-drop').classList.remove('file-drop-over');",
        vec![],
    )
    .await;
    // One file dropped is opened as if chosen: this one is not a questionnaire, and says so.
    let mine = temp_file("mine.json", &export_work(&collection));
    drag_and_drop_files(b, ".file-drop", &[&mine.path]).await;
    b.wait_for_text(
        "It is work exported from this toolkit, not a questionnaire",
        DEFAULT_TIMEOUT,
    )
    .await;
    assert_lacks(
        &b.body_text().await,
        "one file at a time",
        "the page once one file was dropped",
    );
    finish(app).await;
}

/// A keyboard user who follows "Skip to main content" lands on the page's content, on the
/// same page. The link's `#main-content` used to be taken as a route: "There is no page at
/// 'main-content'", and in collection mode a note about the browser's Back button.
#[tokio::test]
async fn the_skip_link_moves_to_the_content_and_keeps_the_page() {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/privacy").await;
    wait_for_heading_exact(b, "Your data").await;
    let heading = heading_text(b).await;
    let after = follow_skip_link(b).await;
    assert_eq!(
        after,
        json!(["#/privacy", "main-content", heading]),
        "(address, focus, heading) after the skip link"
    );
    assert_lacks(
        &b.body_text().await,
        "There is no page",
        "the page after the skip link",
    );

    let id = start_work(&app, "feedback-service-user", "Skipping", Some("West Team")).await;
    start_collecting(&app, &id, "2468", false).await;
    let heading = heading_text(b).await;
    let hash = b.execute("return location.hash;", vec![]).await;
    let after = follow_skip_link(b).await;
    assert_eq!(
        after,
        json!([hash, "main-content", heading]),
        "(address, focus, heading) in collection mode"
    );
    let shown = b.body_text().await;
    assert_lacks(&shown, "Back button", "collection mode after the skip link");
    assert_lacks(&shown, "Yn ôl", "collection mode after the skip link");
    finish(app).await;
}

/// Presses Tab from the very top of the page (focus put there first, as on a page just opened)
/// to "Skip to main content" and Enter on it; returns the
/// address's `#`, the id of the element with focus, and the page's heading.
async fn follow_skip_link(b: &common::browser::Browser) -> Value {
    b.execute(
        "const start = document.createElement('span'); start.tabIndex = -1; \
         document.body.prepend(start); start.focus(); window.scrollTo(0, 0);",
        vec![],
    )
    .await;
    tab_to(b, ".skip-link", 5).await;
    press(b, &[Key::Enter]).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.execute(
        "return [location.hash, document.activeElement.id, document.querySelector('main h1').innerText];",
        vec![],
    )
    .await
}

/// A lead exports an audit from its own page, then looks at the home page's list: it says when
/// the work was last exported. It used to say "Not exported yet" (only the home page's export
/// was recorded), telling a lead who had a copy that they had none.
#[tokio::test]
async fn exporting_from_the_works_own_page_is_recorded() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Exported from its page", None).await;
    app.open(&format!("#/work/{id}")).await;
    wait_for_heading_exact(b, "Exported from its page").await;
    click_button(b, "Export this work to a file").await;
    wait_for_saved(
        b,
        &id,
        "!!e.exported_on",
        "the export recorded with the work",
    )
    .await;
    app.open("#/").await;
    find(b, ".tool-list").await;
    let row = b
        .text_of(
            "const row = [...document.querySelectorAll('.work-row')].find((r) => r.innerText.includes('Exported from its page')); \
             return row ? row.innerText : '';",
            vec![],
        )
        .await;
    assert_lacks(&row, "Not exported yet", "the work's row on the home page");
    assert_contains(&row, "Last exported on", "the work's row on the home page");
    finish(app).await;
}
