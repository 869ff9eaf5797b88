//! Journey tests: what a person does with the built app (`dist/`), from start to finish, in
//! headless Chromium.
//!
//! - Audits (issue 5): a whole audit by keyboard alone, answers surviving a reload, comparing
//!   with a previous cycle imported from a file, a damaged saved entry, full storage, bad files.
//! - Feedback (issue 6): people answering one after another on a shared device, small groups
//!   suppressed, files from several devices combined.
//! - Questionnaires on the site (issue 8): a new local definition, a broken one, a new version of
//!   a definition with saved work, a missing manifest. These serve a throw-away copy of `dist/`.
//! - The PDF report (issue 7).
//!
//! Run with `make dist` then
//! `cargo test -p mhsw-toolkit --features browser-tests --test journeys`
//! (`MHSW_DIST=/path/to/dist` tests another build). Each test has its own server and browser,
//! and ends by checking the console holds no error and no panic.

mod common;
#[path = "journeys/welsh_interface.rs"]
mod welsh_interface;

use std::path::Path;
use std::time::Duration;

use common::axe::assert_accessible;
use common::browser::DEFAULT_TIMEOUT;
use common::journey::*;
use common::{release_name, repo_root, screenshot_path, DistCopy, TestApp};
use fantoccini::key::Key;
use fantoccini::Locator;
use mhsw::aggregate::SUPPRESSED_LABEL;
use mhsw::definition::{load_definition, AnswerKind};
use mhsw::ids::QuestionId;
use mhsw::responses::{Answer, ItemResponse, Priority};
use mhsw::work::{export_work, parse_work};
use serde_json::{json, Value};

/// Waits a moment for late failures, checks the console, and closes the browser.
async fn finish(app: TestApp) {
    finish_allowing(app, &[]).await;
}

/// Like [`finish`], ignoring console errors that contain one of `expected` (a request the test
/// makes fail on purpose).
async fn finish_allowing(app: TestApp, expected: &[&str]) {
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.browser.assert_no_console_errors_except(expected).await;
    app.close().await;
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_contains(haystack: &str, needle: &str, context: &str) {
    assert!(
        haystack.contains(needle),
        "{context}: expected to find {needle:?} in:\n{haystack}"
    );
}

fn assert_lacks(haystack: &str, needle: &str, context: &str) {
    assert!(
        !haystack.contains(needle),
        "{context}: did not expect {needle:?} in:\n{haystack}"
    );
}

// =============================================================================================
// Issue 5: audits

/// (1) A whole audit by keyboard: Tab, arrow keys, Space and Enter only (no clicks), from the home
/// page through two sections (with the error summary, an evidence box and a priority) to the
/// results.
#[tokio::test]
async fn an_audit_can_be_done_by_keyboard_alone() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    app.open("#/").await;
    find(b, "a[href='#/new/self-assessment']").await;

    tab_to(b, "a[href='#/new/self-assessment']", 40).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading(b, "Start: ").await;
    assert_accessible(b, "the form that starts an audit").await;
    tab_to(b, "#work-name", 10).await;
    select_all(b).await;
    type_text(b, "Keyboard audit 2026").await;
    press(b, &[Key::Tab]).await;
    assert!(
        focus_is_on(b, "#work-organisation").await,
        "Tab from the name should reach the organisation; focus is on {}",
        focused(b).await
    );
    type_text(b, "Northshire Council").await;
    press(b, &[Key::Enter]).await;
    let hash = wait_for_hash(b, "#/work/").await;
    let id = hash.trim_start_matches("#/work/").to_owned();
    wait_for_heading_exact(b, "Keyboard audit 2026").await;

    // Contents → first section.
    assert_accessible(b, "an audit's contents page").await;
    tab_to(b, &format!("a[href='#/work/{id}/section/about']"), 30).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading_exact(b, "About your organisation").await;

    // Moving on without the required answers: the error summary appears and takes focus.
    tab_to(b, ".section-form .button-row button", 40).await;
    press(b, &[Key::Enter]).await;
    find(b, ".error-summary").await;
    wait_until(
        b,
        "return document.activeElement && document.activeElement.matches('.error-summary');",
        vec![],
        QUICK,
        "focus moving to the error summary",
    )
    .await;
    let summary = main_text(b).await;
    assert_contains(
        &summary,
        "Answer “What kind of organisation is completing this self-assessment?”",
        "the error summary",
    );
    assert_eq!(
        current_hash(b).await,
        format!("#/work/{id}/section/about"),
        "a section with missing required answers must not be left"
    );
    assert_accessible(b, "a section page showing its error summary").await;

    // The summary's first link leads to the first question's first option.
    press(b, &[Key::Tab]).await;
    assert!(
        focus_is_on(b, ".error-summary a").await,
        "Tab from the summary should reach its first link; focus is on {}",
        focused(b).await
    );
    press(b, &[Key::Enter]).await;
    assert!(
        focus_is_on(b, "#q-about-2").await,
        "the summary's link should move focus to the question; focus is on {}",
        focused(b).await
    );
    press(b, &[Key::Space]).await;
    assert_eq!(
        is_checked(b, "q-about-2").await,
        Some(true),
        "Space chooses the option"
    );
    tab_to(b, "#q-about-1", 10).await;
    press(b, &[Key::Space]).await;
    assert_eq!(is_checked(b, "q-about-1").await, Some(true));
    wait_for_text_gone(b, "There is a problem").await;
    tab_to(b, ".section-form .button-row button", 20).await;
    press(b, &[Key::Enter]).await;

    // Second section: a rating with arrow keys, evidence typed, a priority, two more ratings.
    let strategy = definition.section("strategy").expect("a strategy section");
    wait_for_heading_exact(b, &strategy.title).await;
    tab_to(b, "#q-strat-1", 20).await;
    press(b, &[Key::Down, Key::Down]).await;
    assert_eq!(
        checked_ids(b).await,
        vec!["q-strat-1-2".to_owned()],
        "two Down arrows from the first option choose the third (Established)"
    );
    tab_to(b, "#q-strat-1-evidence", 5).await;
    let evidence = "Strategy approved by the board, May 2025";
    type_text(b, evidence).await;
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some(evidence),
        "every typed character should land in the evidence box (focus must stay there while the answer is saved)"
    );
    tab_to(b, "input[name='q-strat-1-priority']", 5).await;
    press(b, &[Key::Down, Key::Down]).await;
    assert_eq!(is_checked(b, "q-strat-1-priority-high").await, Some(true));
    tab_to(b, "input[name='q-strat-6']", 10).await;
    press(b, &[Key::Down]).await;
    assert_eq!(
        is_checked(b, "q-strat-6-1").await,
        Some(true),
        "strat-6: Developing"
    );
    tab_to(b, "input[name='q-strat-3']", 10).await;
    press(b, &[Key::Space]).await;
    assert_eq!(
        is_checked(b, "q-strat-3").await,
        Some(true),
        "strat-3: Not in place"
    );
    tab_to(b, ".section-form .button-row button", 40).await;
    press(b, &[Key::Enter]).await;
    let next = definition
        .section("leadership")
        .expect("a leadership section");
    wait_for_heading_exact(b, &next.title).await;

    // Back to the contents, then the results.
    tab_to(b, ".section-form .button-row a", 80).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading_exact(b, "Keyboard audit 2026").await;
    let contents = main_text(b).await;
    assert_contains(
        &contents,
        "Complete: all 2 answered",
        "the about section's progress",
    );
    assert_contains(
        &contents,
        "3 of 4 answered",
        "the strategy section's progress",
    );
    tab_to(b, &format!("a[href='#/work/{id}/results']"), 60).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading_exact(b, "Results: Keyboard audit 2026").await;

    // Established 3 + Developing 2 + Not in place 0, out of 3 × 4: 5/12 = 41%, Amber.
    let results = main_text(b).await;
    assert_contains(
        &results,
        "Score: 41%: Amber, partly achieved.",
        "the strategy section's score",
    );
    assert_contains(&results, evidence, "the evidence in the report");
    assert_contains(
        &results,
        "Organisation\nNorthshire Council",
        "the cover facts",
    );
    let stored = saved_work(b, &id).await;
    assert_eq!(
        stored.responses.item("strat-1").and_then(|i| i.priority),
        Some(Priority::High)
    );
    b.screenshot(&screenshot_path("journey-results-audit"))
        .await;
    scroll_to_heading(b, "Summary").await;
    b.screenshot(&screenshot_path("journey-results-audit-summary"))
        .await;
    assert_accessible(b, "an audit's results page").await;
    finish(app).await;
}

/// (1b) After the error summary has appeared, answering one of the listed questions must leave
/// focus on that question, so a keyboard user can go on to the next one.
#[tokio::test]
async fn answering_after_the_error_summary_keeps_focus_on_the_question() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Focus check", None).await;
    app.open(&format!("#/work/{id}/section/about")).await;
    wait_for_heading_exact(b, "About your organisation").await;
    click_button(b, "Save and continue").await;
    find(b, ".error-summary").await;
    // Give the summary's focus effect its frame, then go to the first question by keyboard.
    tokio::time::sleep(Duration::from_millis(100)).await;
    tab_to(b, "#q-about-2", 20).await;
    press(b, &[Key::Space]).await;
    assert_eq!(is_checked(b, "q-about-2").await, Some(true));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        focus_is_on(b, "#q-about-2").await,
        "after answering a question listed in the error summary, focus jumped to {} \
         instead of staying on the option just chosen",
        focused(b).await
    );
    finish(app).await;
}

/// (2) Half a section answered, the page reloaded: every answer, note and priority is back.
#[tokio::test]
async fn answers_survive_a_reload() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Reload check", None).await;
    let route = format!("#/work/{id}/section/strategy");
    app.open(&route).await;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-2").await;
    fill(b, "#q-strat-1-evidence", "Board minutes, March 2026").await;
    fill(b, "#q-strat-1-comment", "To be reviewed next spring").await;
    click(b, "#q-strat-1-priority-medium").await;
    click(b, "#q-strat-3-3").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-3'] && e.work.responses['strat-1'].comment === 'To be reviewed next spring'",
        "the last answer being saved",
    )
    .await;
    b.wait_for_text("Saved on this device at", QUICK).await;

    b.client().refresh().await.expect("reload the page");
    b.wait_for_boot().await;
    wait_for_heading(b, "Strategic vision").await;
    find(b, "#q-strat-3").await;
    let mut checked = checked_ids(b).await;
    checked.sort();
    assert_eq!(
        checked,
        vec!["q-strat-1-2", "q-strat-1-priority-medium", "q-strat-3-3"],
        "after a reload, exactly the chosen options should be checked"
    );
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some("Board minutes, March 2026")
    );
    assert_eq!(
        value_of(b, "q-strat-1-comment").await.as_deref(),
        Some("To be reviewed next spring")
    );
    assert_eq!(
        value_of(b, "q-strat-3-evidence").await.as_deref(),
        Some(""),
        "an evidence box never typed in stays empty"
    );
    app.open(&format!("#/work/{id}")).await;
    wait_for_heading_exact(b, "Reload check").await;
    assert_contains(&main_text(b).await, "2 of 4 answered", "the contents page");
    finish(app).await;
}

/// (3) Last cycle's audit exported to a file, removed, imported again, then compared with this
/// cycle's re-audit on the results page.
#[tokio::test]
async fn a_previous_cycle_imported_from_a_file_is_compared() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let last = start_work(&app, "self-assessment", "Baseline 2025", None).await;
    app.open(&format!("#/work/{last}/section/strategy")).await;
    click(b, "#q-strat-1").await; // Not in place
    click(b, "#q-strat-3").await; // Not in place
    wait_for_saved(
        b,
        &last,
        "e.work.responses['strat-3']",
        "the baseline's answers",
    )
    .await;

    // Export it, then delete it from this device.
    app.open("#/").await;
    click_text(b, "Export Baseline 2025").await;
    let file = b
        .wait_for_download("baseline-2025.json", DEFAULT_TIMEOUT)
        .await;
    let exported = std::fs::read_to_string(&file).expect("read the exported file");
    let parsed = parse_work(&exported).expect("the export is a work file the core reads");
    assert_eq!(parsed.id.as_str(), last);
    assert_eq!(parsed.responses.items.len(), 2);
    click_text(b, "Delete Baseline 2025").await;
    assert_accessible(b, "the home page asking to confirm a delete").await;
    click_button(b, "Yes, delete it").await;
    wait_for_text_gone(b, "Baseline 2025").await;
    assert!(stored_work_ids(b).await.is_empty());

    // Import it back.
    choose_files(b, "#import-file", &[&file]).await;
    b.wait_for_text(
        "baseline-2025.json: imported as “Baseline 2025”, and saved on this device.",
        QUICK,
    )
    .await;
    assert_eq!(stored_work_ids(b).await, vec![last.clone()]);

    // This cycle: a re-audit duplicated from it, with better answers.
    click_text(b, "Duplicate as a re-audit of Baseline 2025").await;
    wait_until(
        b,
        "return location.hash.startsWith('#/work/') && !location.hash.includes(arguments[0]);",
        vec![json!(last)],
        QUICK,
        "opening the re-audit",
    )
    .await;
    let now = current_hash(b)
        .await
        .trim_start_matches("#/work/")
        .to_owned();
    app.open(&format!("#/work/{now}/section/strategy")).await;
    click(b, "#q-strat-1-2").await; // Established
    click(b, "#q-strat-3-3").await; // Embedded
    wait_for_saved(
        b,
        &now,
        "e.work.responses['strat-3'].answer.choice === 'embedded'",
        "the re-audit's answers",
    )
    .await;

    app.open(&format!("#/work/{now}/results")).await;
    wait_for_heading(b, "Results: Baseline 2025 (re-audit").await;
    let before = main_text(b).await;
    assert_lacks(
        &before,
        "Compared with the last cycle",
        "results with no comparison chosen",
    );
    find(b, "#previous-cycle")
        .await
        .select_by_value(&last)
        .await
        .expect("choose the previous cycle");
    b.wait_for_text("Compared with the last cycle", QUICK).await;
    let after = main_text(b).await;
    assert_contains(&after, "Last cycle: “Baseline 2025”", "the comparison");
    // Now (3 + 4) / 8 = 87%; then 0 / 8 = 0%.
    assert_contains(
        &after,
        "Overall: 87% (Green, achieved) now, against 0% (Red, not yet achieved) last cycle",
        "the overall change",
    );
    let strat_1 = bundled_definition("self-assessment")
        .question("strat-1")
        .expect("strat-1")
        .text
        .clone();
    assert_contains(&after, &strat_1, "the list of questions rated higher");
    assert_accessible(b, "an audit's results compared with a previous cycle").await;
    finish(app).await;
}

/// (4) A damaged saved entry is kept aside, listed with a download, and nothing else is lost.
#[tokio::test]
async fn a_damaged_saved_entry_is_kept_aside_and_nothing_else_is_lost() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut kept = work("kept-audit", "Kept audit", &definition);
    kept.responses = choices(&[("strat-1", "established"), ("strat-3", "developing")]);
    let damaged = work("damaged-audit", "Damaged audit", &definition);
    seed_works(&app, &[&kept, &damaged], "#/").await;
    b.wait_for_text("Damaged audit", DEFAULT_TIMEOUT).await;
    wait_for_saved(
        b,
        "kept-audit",
        "true",
        "the audit moving into the work store",
    )
    .await;
    let kept_stored = saved_work(b, "kept-audit").await;

    // An entry of the localStorage release that was damaged before the move.
    let junk = "{\"store_version\": 1, \"revision\": 4, \"work\": {\"format\": \"mhsw-wo";
    storage_set(b, "mhsw:work:damaged-old", junk).await;
    // And a record in the work store whose text changed after it was written.
    b.execute_async(
        r#"const done = arguments[arguments.length - 1];
        const r = indexedDB.open('mhsw');
        r.onsuccess = () => { const tx = r.result.transaction('works', 'readwrite');
          const store = tx.objectStore('works'); const g = store.get('damaged-audit');
          g.onsuccess = () => { const v = g.result; v.text = v.text.replace('Damaged audit', 'Damaged audiT'); store.put(v, 'damaged-audit'); };
          tx.oncomplete = () => { r.result.close(); done(true); }; };"#,
        vec![],
    )
    .await;
    reload(&app, "#/").await;
    b.wait_for_text("Saved work that could not be read", DEFAULT_TIMEOUT)
        .await;
    let home = main_text(b).await;
    assert_contains(
        &home,
        "mhsw:work:damaged-old: the saved text is damaged",
        "the old entry kept aside",
    );
    assert_contains(
        &home,
        "work damaged-audit: the saved text has been changed or damaged since it was written (its checksum does not match)",
        "the changed record kept aside",
    );
    assert_contains(&home, "Kept audit", "the work list");
    assert_eq!(count_controls_with_text(b, "Open Kept audit").await, 1);
    assert_eq!(
        count_controls_with_text(b, "Open Damaged audi").await,
        0,
        "the damaged entry must not be offered as work to open"
    );
    let aside = stored_aside(b).await;
    assert!(
        aside
            .iter()
            .any(|(_, from, text, _)| from == "mhsw:work:damaged-old" && text == junk),
        "the damaged text is kept, unchanged, aside: {aside:?}"
    );
    assert!(
        aside.iter().any(
            |(_, from, text, _)| from == "work damaged-audit" && text.contains("Damaged audiT")
        ),
        "the changed record is kept, unchanged, aside: {aside:?}"
    );
    assert_eq!(storage_get(b, "mhsw:work:damaged-old").await, None);
    assert_eq!(stored_work_ids(b).await, vec!["kept-audit".to_owned()]);
    assert_eq!(
        saved_work(b, "kept-audit").await,
        kept_stored,
        "the readable work is untouched"
    );
    b.screenshot(&screenshot_path("journey-home-kept-aside"))
        .await;
    assert_accessible(b, "the home page listing an entry kept aside").await;

    click_button(b, "Download this entry").await;
    let file = b
        .wait_for_download("mhsw-work-damaged-old.json", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(
        std::fs::read_to_string(&file).expect("read the download"),
        junk
    );

    // Still listed once after another start, and the kept work still opens with its answers.
    reload(&app, "#/").await;
    b.wait_for_text("Saved work that could not be read", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(count_controls_with_text(b, "Download this entry").await, 2);
    app.open("#/work/kept-audit/section/strategy").await;
    find(b, "#q-strat-1").await;
    let mut checked = checked_ids(b).await;
    checked.sort();
    assert_eq!(checked, vec!["q-strat-1-2", "q-strat-3-1"]);
    finish(app).await;
}

/// (5) Storage full: the change stays on screen, the user is told it was not saved and is offered
/// a copy; once space is free again, the next change saves everything.
#[tokio::test]
async fn full_storage_keeps_the_answer_and_offers_a_copy() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Full storage audit", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1").await;
    wait_for_saved(b, &id, "e.work.responses['strat-1']", "the first answer").await;

    fill_storage(b).await;

    click(b, "#q-strat-3-3").await;
    b.wait_for_text("Not saved:", QUICK).await;
    let text = b.body_text().await;
    assert_contains(&text, "storage for the toolkit is full", "the save warning");
    assert_eq!(
        is_checked(b, "q-strat-3-3").await,
        Some(true),
        "the answer stays on screen"
    );
    assert!(saved_work(b, &id).await.responses.item("strat-3").is_none());
    assert_accessible(b, "a section page after a failed save").await;
    b.execute("window.scrollTo(0, 0);", vec![]).await;
    b.screenshot(&screenshot_path("journey-storage-full")).await;

    click_button(b, "Download a copy of this work").await;
    let file = b
        .wait_for_download("full-storage-audit.json", DEFAULT_TIMEOUT)
        .await;
    let copy = parse_work(&std::fs::read_to_string(&file).expect("read the copy"))
        .expect("the copy is a work file");
    assert_eq!(
        copy.responses
            .item("strat-3")
            .and_then(|i| i.answer.clone()),
        Some(Answer::Choice("embedded".into())),
        "the copy holds the answer that could not be saved"
    );

    // Space again: the next change saves everything kept in memory.
    make_room(b).await;
    click(b, "#q-strat-1-1").await;
    b.wait_for_text("Saved on this device at", QUICK).await;
    let saved = saved_work(b, &id).await;
    assert_eq!(
        saved
            .responses
            .item("strat-3")
            .and_then(|i| i.answer.clone()),
        Some(Answer::Choice("embedded".into()))
    );
    finish(app).await;
}

/// (5b) A change made further down a section that cannot be saved: the warning must be seen
/// where the person is working, not only at the top of the page, out of sight.
#[tokio::test]
async fn the_not_saved_warning_is_seen_where_the_change_was_made() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Out of sight", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    find(b, "#q-strat-3").await;
    fill_storage(b).await;
    click(b, "#q-strat-3-3").await;
    b.wait_for_text("Not saved:", QUICK).await;
    assert!(
        is_in_view(b, "#q-strat-3-3").await,
        "the option just chosen should be in view"
    );
    assert!(
        is_in_view(b, ".save-status .notice-warning").await,
        "the “Not saved” warning and its “Download a copy” button are at the top of the page, \
         out of sight of someone answering further down, who will go on thinking their work \
         is saved"
    );
    finish(app).await;
}

/// (6) A file that is not JSON, JSON that is not work, and work for a questionnaire that is not
/// here: each is refused with a message naming the problem, and nothing changes.
#[tokio::test]
async fn bad_import_files_are_refused_and_change_nothing() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let existing = work(
        "existing-audit",
        "Existing audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&existing], "#/").await;
    b.wait_for_text("Existing audit", DEFAULT_TIMEOUT).await;
    find(b, ".tool-list").await; // the questionnaires have loaded
    let keys_before = read_store(b).await;
    let list = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains("last changed"))
            .map(str::to_owned)
            .collect()
    };
    let list_before = list(&main_text(b).await);
    assert_eq!(list_before.len(), 1, "{list_before:?}");

    let mut unknown = existing.clone();
    unknown.id = "unknown-definition".into();
    unknown.definition.id = "not-a-questionnaire".into();
    let cases = [
        (
            "not-json.json",
            "{ \"format\": \"mhsw-work\", \"name\": ".to_owned(),
            "not-json.json was not imported, and nothing was changed: the file is not valid JSON (line 1, column",
        ),
        (
            "shopping-list.json",
            json!({ "items": ["milk", "bread"] }).to_string(),
            "shopping-list.json was not imported, and nothing was changed: the file is not a piece of work exported from this app (it has no \"format\": \"mhsw-work\")",
        ),
        (
            "other-toolkit.json",
            export_work(&unknown),
            "other-toolkit.json was not imported, and nothing was changed: the file answers the questionnaire `not-a-questionnaire`, which is not available here",
        ),
    ];
    for (name, contents, message) in &cases {
        let file = temp_file(name, contents);
        choose_files(b, "#import-file", &[&file.path]).await;
        b.wait_for_text(message, QUICK).await;
        assert_eq!(read_store(b).await, keys_before, "after {name}");
        assert_eq!(list(&main_text(b).await), list_before, "after {name}");
    }
    assert_accessible(b, "the home page with an import refused").await;
    finish(app).await;
}

// =============================================================================================
// Issue 6: feedback

/// The questions of a feedback questionnaire in the order one-per-screen collection shows them:
/// (id, is a rating).
fn feedback_questions(definition_id: &str) -> Vec<(String, bool)> {
    bundled_definition(definition_id)
        .questions()
        .map(|(_, q)| {
            (
                q.id.to_string(),
                matches!(q.answer, AnswerKind::Rating { .. }),
            )
        })
        .collect()
}

/// Index of "Agree" and "Disagree" on the agreement scale.
const AGREE: usize = 3;
const DISAGREE: usize = 1;

/// Starts collection mode on a feedback collection's page with the code `code`.
async fn start_collecting(app: &TestApp, id: &str, code: &str, check_pages: bool) {
    let b = &app.browser;
    app.open(&format!("#/work/{id}")).await;
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    if check_pages {
        fill(b, "#kiosk-code", "12").await;
        click_button(b, "Start collecting").await;
        b.wait_for_text("Choose a code of at least 4 digits", QUICK)
            .await;
        assert_accessible(b, "the collection set-up with an error").await;
    }
    fill(b, "#kiosk-code", code).await;
    fill(b, "#kiosk-idle", "10").await;
    click_button(b, "Start collecting").await;
    b.wait_for_text("Before you start", QUICK).await;
}

/// Ends collection mode with the code.
async fn end_collecting(app: &TestApp, id: &str, code: &str) {
    let b = &app.browser;
    click_button(b, "For the practitioner: end collection").await;
    wait_for_heading_exact(b, "End collection").await;
    fill(b, "#leave-code", code).await;
    click_button(b, "End collection").await;
    wait_for_hash(b, &format!("#/work/{id}")).await;
    wait_until(
        b,
        "return !!document.querySelector('nav[aria-label=Main]');",
        vec![],
        QUICK,
        "the navigation coming back after collection ends",
    )
    .await;
}

/// Tries to leave collection mode without the code: the back button and typed addresses. Each
/// time the app must stay on the collection screens, with no navigation and no links.
async fn assert_cannot_leave(app: &TestApp, id: &str) {
    let b = &app.browser;
    let collect = format!("#/work/{id}/collect");
    for escape in [
        "history.back();".to_owned(),
        "location.hash = '#/';".to_owned(),
        format!("location.hash = '#/work/{id}/results';"),
        "location.hash = '#/questionnaires';".to_owned(),
    ] {
        b.execute(&escape, vec![]).await;
        tokio::time::sleep(Duration::from_millis(250)).await;
        assert_eq!(
            current_hash(b).await,
            collect,
            "`{escape}` left the collection screens"
        );
        let screen = b
            .execute(
                "return { crisis: !!document.querySelector('main aside.crisis'), \
                          nav: !!document.querySelector('nav'), \
                          links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')) };",
                vec![],
            )
            .await;
        assert_eq!(
            screen,
            json!({ "crisis": true, "nav": false, "links": ["#main-content"] }),
            "after `{escape}`, the page should still be a collection screen (with its crisis \
             line), with no navigation and no link but the skip link"
        );
    }
}

/// Goes on from wherever the person is (the welcome screen just left, a question, or a section's
/// introduction) to the screen headed "Question `number` of `total`", pressing "Next" on each
/// section's introduction on the way.
async fn reach_question(b: &common::browser::Browser, number: usize, total: usize) {
    let want = format!("Question {number} of {total}");
    let started = std::time::Instant::now();
    loop {
        let heading = b
            .execute(
                "const h = document.querySelector('main h1'); return h ? h.innerText.trim() : '';",
                vec![],
            )
            .await;
        let heading = heading.as_str().unwrap_or_default().to_owned();
        if heading == want {
            return;
        }
        let on_introduction = b
            .execute(
                "return !!document.querySelector('main .section-intro');",
                vec![],
            )
            .await
            == json!(true);
        if on_introduction {
            click_button(b, "Next").await;
            wait_until(
                b,
                "const h = document.querySelector('main h1'); return !h || h.innerText.trim() !== arguments[0];",
                vec![json!(heading)],
                QUICK,
                "leaving a section's introduction",
            )
            .await;
        } else {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "never reached {want:?}; the heading reads {heading:?}"
        );
    }
}

/// One person answers every question on a shared device. `answer(index, id, is_rating)` says
/// which option index to choose for a rating, or `None` to skip; text questions get `words`
/// when given. Checks that every screen starts with nothing chosen or written.
async fn answer_every_question(
    app: &TestApp,
    questions: &[(String, bool)],
    rating: impl Fn(usize) -> Option<usize>,
    words: Option<&str>,
) {
    let b = &app.browser;
    let total = questions.len();
    click_button(b, "Start").await;
    for (index, (id, is_rating)) in questions.iter().enumerate() {
        reach_question(b, index + 1, total).await;
        find(b, &format!("#q-{id}")).await;
        assert_eq!(
            checked_ids(b).await,
            Vec::<String>::new(),
            "question {id} showed an earlier answer"
        );
        if !is_rating {
            assert_eq!(
                value_of(b, &format!("q-{id}")).await.as_deref(),
                Some(""),
                "question {id} showed earlier words"
            );
        }
        let answered = if *is_rating {
            match rating(index) {
                Some(option) => {
                    click(b, &format!("#{}", option_id(id, option))).await;
                    true
                }
                None => false,
            }
        } else if let Some(words) = words {
            fill(b, &format!("#q-{id}"), words).await;
            true
        } else {
            false
        };
        let label = match (index + 1 == total, answered) {
            (true, _) => "Send my answers",
            (false, true) => "Next",
            (false, false) => "Skip this question",
        };
        click_button(b, label).await;
    }
}

/// [`answer_every_question`], then the thank-you screen.
async fn one_person_answers(
    app: &TestApp,
    questions: &[(String, bool)],
    rating: impl Fn(usize) -> Option<usize>,
    words: Option<&str>,
) {
    answer_every_question(app, questions, rating, words).await;
    wait_for_heading_exact(&app.browser, "Thank you").await;
}

/// (7) Three people answer in turn on one device: nobody sees an earlier answer, nothing leads
/// out of collection mode (links, the back button, typed addresses, a reload), and leaving needs
/// the practitioner's code. (What the back button does to the screen a person is on is
/// [`the_back_button_keeps_the_answers_being_given`].)
#[tokio::test]
async fn people_answer_in_turn_on_a_shared_device() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let questions = feedback_questions("feedback-service-user");
    let total = questions.len();
    let title = bundled_definition("feedback-service-user").title;
    // A feedback collection needs to say whose practice it is about.
    app.open("#/new/feedback-service-user").await;
    fill(b, "#work-name", "Shared device").await;
    click(b, "form.form button[type=submit]").await;
    b.wait_for_text(
        "Enter whose practice, or which team, the feedback is about",
        QUICK,
    )
    .await;
    assert_eq!(current_hash(b).await, "#/new/feedback-service-user");
    assert_accessible(
        b,
        "the form that starts a feedback collection, with an error",
    )
    .await;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Shared device",
        Some("North Team"),
    )
    .await;
    assert_accessible(b, "a feedback collection's page").await;
    start_collecting(&app, &id, "2468", true).await;
    wait_for_heading_exact(b, &title).await;
    b.screenshot(&screenshot_path("journey-collection-welcome"))
        .await;
    assert_accessible(b, "the collection welcome screen").await;
    assert_cannot_leave(&app, &id).await;

    // First person: agrees with everything and writes in the free-text boxes; going back a
    // question shows their own answer.
    click_button(b, "Start").await;
    reach_question(b, 1, total).await;
    assert_accessible(b, "a collection question screen").await;
    click(b, &format!("#{}", option_id(&questions[0].0, AGREE))).await;
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 2 of {total}")).await;
    click_button(b, "Back").await;
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[0].0, AGREE)).await,
        Some(true),
        "a person going back sees their own answer"
    );
    // The practitioner's exit, then back to the questions: the person starts again afresh.
    click_button(b, "For the practitioner: end collection").await;
    assert_accessible(b, "the end-collection screen").await;
    click_button(b, "Go back to the questions").await;
    b.wait_for_text("Before you start", QUICK).await;
    one_person_answers(
        &app,
        &questions,
        |_| Some(AGREE),
        Some("Person one's own words"),
    )
    .await;
    b.screenshot(&screenshot_path("journey-collection-thank-you"))
        .await;
    assert_accessible(b, "the collection thank-you screen").await;
    assert_eq!(
        saved_work(b, &id)
            .await
            .collection
            .map(|c| c.responses.len()),
        Some(1)
    );

    // Second person: disagrees with everything. A reload part-way stays in collection mode
    // and never saves the unsent answer.
    click_button(b, "Start again for the next person").await;
    b.wait_for_text("Before you start", QUICK).await;
    assert_cannot_leave(&app, &id).await;
    click_button(b, "Start").await;
    reach_question(b, 1, total).await;
    click(b, &format!("#{}", option_id(&questions[0].0, DISAGREE))).await;
    b.client().refresh().await.expect("reload");
    b.wait_for_boot().await;
    wait_for_heading_exact(b, &title).await;
    assert_cannot_leave(&app, &id).await;
    assert_eq!(
        saved_work(b, &id)
            .await
            .collection
            .map(|c| c.responses.len()),
        Some(1),
        "an unsent answer is never saved"
    );
    one_person_answers(&app, &questions, |_| Some(DISAGREE), Some("Person two")).await;

    // Third person: answers the first three ratings and skips the rest.
    click_button(b, "Start again for the next person").await;
    b.wait_for_text("Before you start", QUICK).await;
    one_person_answers(&app, &questions, |i| (i < 3).then_some(AGREE + 1), None).await;

    // Leaving: a wrong code keeps collection mode on; the right one ends it.
    click_button(b, "Start again for the next person").await;
    click_button(b, "For the practitioner: end collection").await;
    wait_for_heading_exact(b, "End collection").await;
    fill(b, "#leave-code", "1111").await;
    click_button(b, "End collection").await;
    b.wait_for_text("That is not the code", QUICK).await;
    assert_accessible(b, "the end-collection screen with a wrong code").await;
    click_button(b, "Go back to the questions").await;
    b.wait_for_text("Before you start", QUICK).await;
    assert_cannot_leave(&app, &id).await;
    end_collecting(&app, &id, "2468").await;
    wait_for_heading_exact(b, "Shared device").await;

    let responses = saved_work(b, &id)
        .await
        .collection
        .expect("a collection")
        .responses;
    assert_eq!(responses.len(), 3, "three people sent answers");
    let first = &questions[0].0;
    let sent: Vec<Option<Answer>> = responses
        .iter()
        .map(|r| r.answers.item(first).and_then(|i| i.answer.clone()))
        .collect();
    let mut sent_sorted: Vec<String> = sent.iter().map(|a| format!("{a:?}")).collect();
    sent_sorted.sort();
    let mut expected: Vec<String> = ["agree", "disagree", "strongly-agree"]
        .iter()
        .map(|v| format!("{:?}", Some(Answer::Choice((*v).into()))))
        .collect();
    expected.sort();
    assert_eq!(
        sent_sorted, expected,
        "each person's first answer, once each"
    );
    let mut sizes: Vec<usize> = responses.iter().map(|r| r.answers.items.len()).collect();
    sizes.sort();
    assert_eq!(
        sizes,
        vec![3, total, total],
        "two people answered everything; the third answered three questions"
    );
    finish(app).await;
}

/// (7b) Someone answering presses the back button (or a swipe does): they stay on the question
/// they were answering, with their unsent answers, instead of being sent back to the start.
#[tokio::test]
async fn the_back_button_keeps_the_answers_being_given() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let questions = feedback_questions("feedback-service-user");
    let total = questions.len();
    let id = start_work(
        &app,
        "feedback-service-user",
        "Back button",
        Some("East Team"),
    )
    .await;
    start_collecting(&app, &id, "1357", false).await;
    click_button(b, "Start").await;
    reach_question(b, 1, total).await;
    click(b, &format!("#{}", option_id(&questions[0].0, AGREE))).await;
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 2 of {total}")).await;
    let second = option_id(&questions[1].0, DISAGREE);
    click(b, &format!("#{second}")).await;

    b.execute("history.back();", vec![]).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let heading = b
        .execute(
            "return document.querySelector('main h1').innerText;",
            vec![],
        )
        .await;
    assert_eq!(
        heading,
        json!(format!("Question 2 of {total}")),
        "the back button sent the person away from the question they were answering, \
         and their unsent answers were cleared"
    );
    assert_eq!(is_checked(b, &second).await, Some(true));
    click_button(b, "Back").await;
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[0].0, AGREE)).await,
        Some(true)
    );
    finish(app).await;
}

/// Four seeded responses, each answering every rating; `agree` for even numbers.
fn four_responses(prefix: &str) -> Vec<mhsw::work::FeedbackResponse> {
    let questions = feedback_questions("feedback-service-user");
    (0..4)
        .map(|n| {
            let pairs: Vec<(&str, &str)> = questions
                .iter()
                .filter(|(_, rating)| *rating)
                .map(|(id, _)| (id.as_str(), if n % 2 == 0 { "agree" } else { "disagree" }))
                .collect();
            let mut answers = choices(&pairs);
            answers.set(
                QuestionId::new("own-1"),
                ItemResponse {
                    answer: Some(Answer::Text(format!("Seeded words {n}"))),
                    ..ItemResponse::default()
                },
            );
            feedback_response(&format!("{prefix}-{n}"), "1.0.0", answers)
        })
        .collect()
}

/// (8) Four responses: only the suppression label. A fifth, given on the device: figures appear.
#[tokio::test]
async fn small_groups_are_suppressed_until_five_people_respond() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let mut collection = work("team-feedback", "Team feedback", &definition);
    if let Some(c) = collection.collection.as_mut() {
        c.about = "South Team".to_owned();
        c.responses = four_responses("seed");
    }
    seed_works(&app, &[&collection], "#/work/team-feedback/results").await;
    wait_for_heading_exact(b, "Results: Team feedback").await;
    let four = main_text(b).await;
    assert_contains(&four, "Not enough responses to show", "four responses");
    assert_contains(&four, SUPPRESSED_LABEL, "four responses");
    assert_contains(
        &four,
        "Fewer than five responses received",
        "four responses",
    );
    for hidden in [
        "By question",
        "Share that agree:",
        "Seeded words",
        " of 4",
        "4 responses",
    ] {
        assert_lacks(&four, hidden, "four responses");
    }
    assert_eq!(
        b.execute(
            "return document.querySelectorAll('main svg').length;",
            vec![]
        )
        .await,
        json!(0),
        "no chart may be drawn for four responses"
    );
    assert_accessible(b, "a feedback report with too few responses").await;

    // A fifth person answers the first question on the device and skips the rest.
    let questions = feedback_questions("feedback-service-user");
    start_collecting(&app, "team-feedback", "9753", false).await;
    one_person_answers(&app, &questions, |i| (i == 0).then_some(AGREE), None).await;
    click_button(b, "Start again for the next person").await;
    end_collecting(&app, "team-feedback", "9753").await;

    app.open("#/work/team-feedback/results").await;
    wait_for_heading_exact(b, "Results: Team feedback").await;
    let five = main_text(b).await;
    assert_contains(&five, "5 responses received", "five responses");
    assert_contains(&five, "By question", "five responses");
    // rel-1: agree from seeds 0 and 2 and the fifth person; disagree from seeds 1 and 3.
    assert_contains(
        &five,
        "Share that agree: 60% (3 of the 5 people who gave a rating).",
        "the first question's figures",
    );
    assert_contains(&five, "Agree\t3 of 5 (60%)", "the first question's table");
    // rel-2 was answered by the four seeded people only: still suppressed.
    assert_contains(
        &five,
        "Fewer than five people answered this question.",
        "a question four people answered",
    );
    assert_lacks(&five, "Not enough responses to show", "five responses");
    scroll_to_heading(b, "By question").await;
    b.screenshot(&screenshot_path("journey-results-feedback"))
        .await;
    assert_accessible(b, "a feedback report with five responses").await;
    finish(app).await;
}

/// (9) Files from two devices combine, and importing one twice adds nothing: 3 + 4 = 7.
#[tokio::test]
async fn device_files_combine_and_a_repeated_import_adds_nothing() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let device = |responses| {
        let mut w = work("ward-feedback", "Ward feedback", &definition);
        if let Some(c) = w.collection.as_mut() {
            c.about = "Ward 3".to_owned();
            c.responses = responses;
        }
        w
    };
    let mut first = four_responses("device-a");
    first.truncate(3);
    let second = four_responses("device-b");
    let a = device(first);
    let b_work = device(second);
    let file_a = temp_file("device-a.json", &export_work(&a));
    let file_b = temp_file("device-b.json", &export_work(&b_work));

    app.open("#/").await;
    b.wait_for_text("Nothing is saved in this browser yet", DEFAULT_TIMEOUT)
        .await;
    choose_files(b, "#import-file", &[&file_a.path, &file_b.path]).await;
    b.wait_for_text(
        "device-a.json: imported as “Ward feedback” with 3 responses, and saved on this device. device-b.json: 4 new responses added to “Ward feedback” and saved on this device; 0 were already there.",
        QUICK,
    )
    .await;
    choose_files(b, "#import-file", &[&file_b.path]).await;
    b.wait_for_text(
        "device-b.json: 0 new responses added to “Ward feedback” and saved on this device; 4 were already there.",
        QUICK,
    )
    .await;
    assert_eq!(
        stored_work_ids(b).await,
        vec!["ward-feedback".to_owned()],
        "one collection, not copies"
    );
    let saved = saved_work(b, "ward-feedback").await;
    let mut ids: Vec<String> = saved
        .collection
        .expect("a collection")
        .responses
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![
            "device-a-0",
            "device-a-1",
            "device-a-2",
            "device-b-0",
            "device-b-1",
            "device-b-2",
            "device-b-3"
        ]
    );
    app.open("#/work/ward-feedback/results").await;
    wait_for_heading_exact(b, "Results: Ward feedback").await;
    assert_contains(
        &main_text(b).await,
        "7 responses received",
        "the combined report",
    );
    finish(app).await;
}

// =============================================================================================
// Issue 8: questionnaires published with the site

fn fixture(name: &str) -> String {
    let path = repo_root().join("tests/fixtures/journeys").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Adds `file` to the copy's `questionnaires/manifest.json`.
fn list_in_manifest(dist: &DistCopy, file: &str) {
    let mut manifest: Value =
        serde_json::from_str(&dist.read("questionnaires/manifest.json")).expect("a manifest");
    manifest["definitions"]
        .as_array_mut()
        .expect("a list of definitions")
        .push(json!(file));
    dist.write(
        "questionnaires/manifest.json",
        &serde_json::to_string_pretty(&manifest).expect("JSON"),
    );
}

/// (10) A new audit published on the site appears on the home page, can be completed, and is
/// scored in the results.
#[tokio::test]
async fn a_new_questionnaire_on_the_site_can_be_used() {
    let text = fixture("employer-standards.json");
    let definition =
        load_definition("employer-standards.json", &text).expect("the fixture passes the checks");
    let dist = DistCopy::new();
    dist.write("questionnaires/employer-standards.json", &text);
    list_in_manifest(&dist, "employer-standards.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text(&definition.title, DEFAULT_TIMEOUT).await;
    click(b, "a[href='#/new/employer-standards-local']").await;
    wait_for_heading_exact(b, &format!("Start: {}", definition.title)).await;
    fill(b, "#work-name", "Employer standards check").await;
    click(b, "form.form button[type=submit]").await;
    let id = wait_for_hash(b, "#/work/")
        .await
        .trim_start_matches("#/work/")
        .to_owned();
    wait_for_heading_exact(b, "Employer standards check").await;
    assert_contains(
        &main_text(b).await,
        "version 0.1.0",
        "the version on the contents page",
    );

    // Workloads: Met + Partly met = 3 of 4 = 75%, Green. Development: Not met + Partly met =
    // 1 of 4 = 25%, Red. Overall 4 of 8 = 50%, Amber.
    click_text(b, "Workloads and case allocation").await;
    wait_for_heading_exact(b, "Workloads and case allocation").await;
    click(b, "#q-es-load-1-2").await;
    click(b, "#q-es-load-2-1").await;
    click_button(b, "Save and continue").await;
    wait_for_heading_exact(b, "Supervision and professional development").await;
    click(b, "#q-es-dev-1").await;
    click(b, "#q-es-dev-2-1").await;
    click_button(b, "Save and continue").await;
    wait_for_heading_exact(b, "Employer standards check").await;
    assert_eq!(
        main_text(b)
            .await
            .matches("Complete: all 2 answered")
            .count(),
        2
    );
    click_text(b, "See results").await;
    wait_for_heading_exact(b, "Results: Employer standards check").await;
    let results = main_text(b).await;
    assert_contains(
        &results,
        "Overall: 50%: Amber, partly met.",
        "the overall score",
    );
    assert_contains(&results, "Score: 75%: Green, met.", "the workloads score");
    assert_contains(
        &results,
        "Score: 25%: Red, not met.",
        "the development score",
    );
    // The last answer's save may still be on its way (saves wait for typing to pause).
    wait_for_saved(
        b,
        &id,
        "Object.keys(e.work.responses).length === 4",
        "the fourth answer",
    )
    .await;
    let saved = saved_work(b, &id).await;
    assert_eq!(
        (
            saved.definition.id.as_str(),
            saved.definition.version.as_str()
        ),
        ("employer-standards-local", "0.1.0")
    );
    assert_eq!(saved.responses.items.len(), 4);
    app.open("#/questionnaires").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    assert_contains(
        &main_text(b).await,
        "Employer standards: a short local check\t0.1.0\tquestionnaires/employer-standards.json\tThis site",
        "the questionnaires table",
    );
    finish(app).await;
}

/// (11) A broken questionnaire listed in the manifest is reported by file name with every
/// problem, and the others still work.
#[tokio::test]
async fn a_broken_questionnaire_is_reported_and_the_others_still_work() {
    let text = fixture("broken-audit.json");
    let problems = load_definition("questionnaires/broken-audit.json", &text)
        .expect_err("the fixture is broken on purpose")
        .problems;
    assert_eq!(problems.len(), 3, "{problems:?}");
    let dist = DistCopy::new();
    dist.write("questionnaires/broken-audit.json", &text);
    list_in_manifest(&dist, "broken-audit.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("1 questionnaire file could not be loaded", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6,
        "the six good questionnaires are still offered"
    );
    click_text(b, "See what is wrong and how to fix it").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    let page = main_text(b).await;
    assert_contains(&page, "Could not be loaded", "the questionnaires page");
    assert_contains(
        &page,
        "questionnaires/broken-audit.json",
        "the broken file's name",
    );
    for problem in &problems {
        assert_contains(&page, &problem.to_string(), "the broken file's problems");
    }
    assert_eq!(page.matches("\tThis site").count(), 6, "six loaded: {page}");
    scroll_to_heading(b, "Could not be loaded").await;
    b.screenshot(&screenshot_path("journey-questionnaires-broken"))
        .await;
    assert_accessible(b, "the questionnaires page with a broken file").await;

    start_work(&app, "self-assessment", "Still works", None).await;
    finish(app).await;
}

/// (12) A new version of the self-assessment (one question removed, one added) opens work
/// saved with the old one: the change is shown first, and the removed question's answer is
/// kept aside, never lost.
#[tokio::test]
async fn a_new_questionnaire_version_keeps_answers_to_removed_questions() {
    let dist = DistCopy::new();
    let mut definition: Value =
        serde_json::from_str(&dist.read("questionnaires/self-assessment.json")).expect("JSON");
    definition["version"] = json!("2.1.0");
    let strategy = definition["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .find(|s| s["id"] == "strategy")
        .expect("a strategy section");
    let questions = strategy["questions"].as_array_mut().expect("questions");
    let removed = questions
        .iter()
        .position(|q| q["id"] == "strat-5")
        .expect("strat-5");
    let mut added = questions.remove(removed);
    added["id"] = json!("strat-9");
    added["text"] = json!("Social work's contribution is reported to the board every year.");
    questions.push(added);
    let text = serde_json::to_string_pretty(&definition).expect("JSON");
    let new_version =
        load_definition("self-assessment.json", &text).expect("the edited version is valid");
    dist.write("questionnaires/self-assessment.json", &text);

    let old = bundled_definition("self-assessment");
    let removed_text = old.question("strat-5").expect("strat-5").text.clone();
    let mut saved = work("old-audit", "Audit on version 2.0", &old);
    saved.responses = choices(&[("strat-1", "established"), ("strat-5", "developing")]);
    saved.responses.set(
        QuestionId::new("strat-5"),
        ItemResponse {
            answer: Some(Answer::Choice("developing".into())),
            evidence: Some("Minutes of the 2024 review".to_owned()),
            ..ItemResponse::default()
        },
    );
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    seed_works(&app, &[&saved], "#/work/old-audit").await;
    b.wait_for_text("The questionnaire has changed", DEFAULT_TIMEOUT)
        .await;
    let panel = main_text(b).await;
    assert_contains(
        &panel,
        "This work was saved with version 2.0.0 of the questionnaire; version 2.1.0 is in use now.",
        "the change panel",
    );
    assert_contains(
        &panel,
        "strat-5",
        "the removed question in the change panel",
    );
    assert_eq!(
        saved_work(b, "old-audit").await.definition.version,
        "2.0.0",
        "nothing changes before the user agrees"
    );
    assert_accessible(b, "a work page showing a changed questionnaire").await;
    b.screenshot(&screenshot_path("journey-questionnaire-changed"))
        .await;

    click_button(b, "Continue with the new version").await;
    b.wait_for_text("Answers kept aside", QUICK).await;
    assert_eq!(
        count_controls_with_text(b, "Continue with the new version").await,
        0
    );
    let after = main_text(b).await;
    assert_contains(&after, "Answers kept aside", "after continuing");
    assert_contains(&after, "strat-5", "the answer kept aside");
    wait_for_saved(
        b,
        "old-audit",
        &format!("e.work.definition.version === {:?}", new_version.version),
        "the work moved to the new version",
    )
    .await;
    let stored = saved_work(b, "old-audit").await;
    assert_eq!(stored.definition.version, new_version.version);
    assert_eq!(
        stored
            .set_aside
            .get(&QuestionId::new("strat-5"))
            .and_then(|i| i.evidence.clone())
            .as_deref(),
        Some("Minutes of the 2024 review"),
        "the removed question's answer and evidence are kept"
    );
    assert!(stored.responses.item("strat-1").is_some());

    app.open("#/work/old-audit/section/strategy").await;
    find(b, "#q-strat-9").await;
    assert_eq!(is_checked(b, "q-strat-1-2").await, Some(true));
    assert_eq!(is_checked(b, "q-strat-9").await, Some(false));
    assert_eq!(
        is_checked(b, "q-strat-5").await,
        None,
        "strat-5 is no longer asked"
    );
    assert_lacks(
        &main_text(b).await,
        &removed_text,
        "the new version's section",
    );
    finish(app).await;
}

/// (12b) A version 2.1.0 of the self-assessment rewrites `strat-3` as `gov-1` (the same meaning,
/// new words) and retires `strat-5`, listing both under `retired` with their old text. An audit
/// saved in the browser with 2.0.0 loses nothing: the answer and evidence for `strat-3` appear on
/// `gov-1`, and the answer to `strat-5` is listed with the old question's text and its answer.
#[tokio::test]
async fn a_version_two_questionnaire_carries_rewritten_answers_and_lists_the_rest_by_their_text() {
    let old = bundled_definition("self-assessment");
    let old_text = |id: &str| {
        old.question(id)
            .expect("a question of the bundled version")
            .text
            .to_string()
    };
    let (strat_3, strat_5) = (old_text("strat-3"), old_text("strat-5"));
    let new_text = "In NHS-led services, a written partnership agreement says who answers for social workers' statutory duties, their management and their practice.";

    let dist = DistCopy::new();
    let mut definition: Value =
        serde_json::from_str(&dist.read("questionnaires/self-assessment.json")).expect("JSON");
    definition["version"] = json!("2.1.0");
    let strategy = definition["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .find(|s| s["id"] == "strategy")
        .expect("a strategy section");
    let questions = strategy["questions"].as_array_mut().expect("questions");
    let rewritten = questions
        .iter_mut()
        .find(|q| q["id"] == "strat-3")
        .expect("strat-3");
    rewritten["id"] = json!("gov-1");
    rewritten["text"] = json!(new_text);
    questions.retain(|q| q["id"] != "strat-5");
    let retired = definition["retired"]
        .as_array_mut()
        .expect("2.0.0 retires questions");
    retired
        .push(json!({ "id": "strat-3", "text": strat_3, "since": "2.1.0", "carried_to": "gov-1" }));
    retired.push(json!({ "id": "strat-5", "text": strat_5, "since": "2.1.0" }));
    let text = serde_json::to_string_pretty(&definition).expect("JSON");
    load_definition("self-assessment.json", &text).expect("the 2.1.0 version is valid");
    dist.write("questionnaires/self-assessment.json", &text);

    let mut saved = work("old-audit", "Audit on version 2.0.0", &old);
    saved.responses = choices(&[("strat-1", "established"), ("strat-5", "developing")]);
    saved.responses.set(
        QuestionId::new("strat-3"),
        ItemResponse {
            answer: Some(Answer::Choice("developing".into())),
            evidence: Some("Section 75 agreement signed in 2024".to_owned()),
            ..ItemResponse::default()
        },
    );
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    seed_works(&app, &[&saved], "#/work/old-audit").await;
    b.wait_for_text("The questionnaire has changed", DEFAULT_TIMEOUT)
        .await;
    let panel = main_text(b).await;
    assert_contains(
        &panel,
        &format!("\u{201c}{strat_3}\u{201d} to \u{201c}{new_text}\u{201d}"),
        "the carried answer in the change panel",
    );
    assert_contains(&panel, &strat_5, "the retired question by its text");
    assert_lacks(&panel, "strat-5", "the change panel (no bare ids)");
    b.screenshot(&screenshot_path("journey-questionnaire-version-two-change"))
        .await;

    click_button(b, "Continue with the new version").await;
    b.wait_for_text("Answers kept aside", QUICK).await;
    wait_for_saved(
        b,
        "old-audit",
        "e.work.definition.version === '2.1.0'",
        "the work moved to 2.1.0",
    )
    .await;
    let after = main_text(b).await;
    assert_contains(
        &after,
        &format!("{strat_5} Answer: Developing"),
        "the answer kept aside, with its text and label",
    );
    assert_lacks(&after, &strat_3, "the carried question is not kept aside");
    assert_accessible(b, "a work page listing answers kept aside by their text").await;
    b.screenshot(&screenshot_path("journey-questionnaire-version-two"))
        .await;

    let stored = saved_work(b, "old-audit").await;
    let carried = stored.responses.item("gov-1").expect("gov-1 answered");
    assert_eq!(
        carried.answer,
        Some(Answer::Choice("developing".into())),
        "the answer is carried"
    );
    assert_eq!(
        carried.evidence.as_deref(),
        Some("Section 75 agreement signed in 2024"),
        "its evidence too"
    );
    assert!(stored.responses.item("strat-3").is_none());
    assert!(
        stored.set_aside.contains_key("strat-5"),
        "kept aside, never lost"
    );
    assert!(!stored.set_aside.contains_key("strat-3"));

    app.open("#/work/old-audit/section/strategy").await;
    find(b, "#q-gov-1-1").await;
    assert_eq!(
        is_checked(b, "q-gov-1-1").await,
        Some(true),
        "Developing is chosen on the new question"
    );
    assert_contains(&main_text(b).await, new_text, "the new wording");

    // A 2.0.0 work file imported into the 2.1.0 app is brought up to date the same way, and the
    // message says what moved.
    let mut exported = work("imported-old", "Imported on 2.0.0", &old);
    exported.responses = choices(&[("strat-3", "established"), ("strat-5", "embedded")]);
    let file = temp_file("imported-old.json", &export_work(&exported));
    app.open("#/").await;
    find(b, ".tool-list").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text(
        "imported-old.json: imported as “Imported on 2.0.0”, and saved on this device. 1 answer to a question asked in new words now counts for the question that replaced it.",
        QUICK,
    )
    .await;
    let imported = saved_work(b, "imported-old").await;
    assert_eq!(
        imported.responses.answer("gov-1"),
        Some(&Answer::Choice("established".into()))
    );
    assert!(imported.set_aside.contains_key("strat-5"));
    finish(app).await;
}

/// Issue 15, nothing lost: an audit saved with the bundled self-assessment 1.0.0, answering
/// questions that 2.0.0 retired, opens with 2.0.0 (the bundled questionnaire) with every answer
/// kept aside and listed by the old question's own words, from the bundled `retired` list.
#[tokio::test]
async fn an_audit_saved_with_version_one_opens_in_version_two_with_nothing_lost() {
    let definition = bundled_definition("self-assessment");
    let retired = |id: &str| {
        definition
            .retired
            .iter()
            .find(|r| r.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is retired in 2.0.0"))
            .text
            .to_string()
    };
    let mut saved = work("first-audit", "Audit on version 1.0.0", &definition);
    saved.definition.version = "1.0.0".to_owned();
    saved.responses = choices(&[
        ("strat-1", "established"),
        ("strat-4", "developing"),
        ("re-2", "embedded"),
        ("sup-3", "not-in-place"),
    ]);
    let app = TestApp::start().await;
    let b = &app.browser;
    seed_works(&app, &[&saved], "#/work/first-audit").await;
    b.wait_for_text("The questionnaire has changed", DEFAULT_TIMEOUT)
        .await;
    click_button(b, "Continue with the new version").await;
    b.wait_for_text("Answers kept aside", QUICK).await;
    wait_for_saved(
        b,
        "first-audit",
        "e.work.definition.version === '2.0.0'",
        "the work moved to 2.0.0",
    )
    .await;
    let page = main_text(b).await;
    for (id, label) in [
        ("strat-4", "Developing"),
        ("re-2", "Embedded and improving"),
        ("sup-3", "Not in place"),
    ] {
        assert_contains(
            &page,
            &format!("{} Answer: {label}", retired(id)),
            "an answer kept aside by its old words",
        );
    }
    let stored = saved_work(b, "first-audit").await;
    assert_eq!(
        stored.responses.answer("strat-1"),
        Some(&Answer::Choice("established".into())),
        "an unchanged question keeps its answer"
    );
    for id in ["strat-4", "re-2", "sup-3"] {
        assert!(stored.set_aside.contains_key(id), "{id} kept aside");
    }
    assert_accessible(b, "1.0.0 answers kept aside in 2.0.0").await;
    finish(app).await;
}

/// (12c) Statutory minimums (S19): an audit rating AMHP approval "Developing" and refresher
/// training "Don't know" shows both as legal risks first on the results page, in words and with
/// a warning sign, and proposes them first for the plan.
#[tokio::test]
async fn legal_risks_are_listed_first_on_the_results_page_and_in_the_plan() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("risky-audit", "Risky audit", &definition);
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "england"),
        ("strat-1", "not-in-place"),
        ("re-8", "developing"),
        ("re-3", "dont-know"),
        ("wf-5", "established"),
    ]);
    seed_works(&app, &[&audit], "#/work/risky-audit/results").await;
    wait_for_heading_exact(b, "Results: Risky audit").await;
    let text = main_text(b).await;
    let approval = definition.question("re-8").expect("re-8").text.to_string();
    let training = definition.question("re-3").expect("re-3").text.to_string();
    let registration = definition.question("wf-5").expect("wf-5").text.to_string();
    assert_contains(
        &text,
        &format!("Legal risk: {approval} Answer: Developing."),
        "the results page",
    );
    assert_contains(
        &text,
        &format!("Legal risk: {training} Answer: Don't know."),
        "the results page",
    );
    assert_lacks(
        &text,
        &format!("Legal risk: {registration}"),
        "an item at its minimum",
    );
    let first_heading = b
        .execute(
            "return document.querySelector('main h2').textContent;",
            vec![],
        )
        .await;
    assert_eq!(
        first_heading,
        json!("Legal risks"),
        "legal risks come first"
    );
    let signs = b
        .execute(
            "return document.querySelectorAll('.warnings li svg.warning-sign[aria-hidden=true]').length;",
            vec![],
        )
        .await;
    assert_eq!(signs, json!(2), "each legal risk has a warning sign");
    assert_accessible(b, "the results page with legal risks").await;
    b.screenshot(&screenshot_path("journey-results-legal-risks"))
        .await;

    app.open("#/work/risky-audit/plan").await;
    b.wait_for_text("Proposed from your answers", DEFAULT_TIMEOUT)
        .await;
    let proposed = b
        .execute(
            "return [...document.querySelectorAll('[aria-labelledby=proposed-heading] li')].map(li => li.textContent);",
            vec![],
        )
        .await;
    let proposed: Vec<String> = serde_json::from_value(proposed).expect("texts");
    assert!(proposed.len() >= 3, "{proposed:?}");
    assert!(proposed[0].starts_with(&approval), "{proposed:?}");
    assert!(proposed[1].starts_with(&training), "{proposed:?}");
    assert!(
        proposed[0].contains("(Legal risk: the minimum the law requires is not shown to be met")
    );
    assert!(!proposed[2].contains("Legal risk"), "{proposed:?}");
    finish(app).await;
}

/// (13) Without the site's manifest, the questionnaires built into the app are used, and the
/// home page says so.
#[tokio::test]
async fn a_missing_manifest_falls_back_to_the_built_in_questionnaires() {
    let dist = DistCopy::new();
    dist.remove("questionnaires/manifest.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text(
        "The questionnaires published with this site could not be loaded, so the ones built into the app are in use.",
        DEFAULT_TIMEOUT,
    )
    .await;
    find(b, "a[href='#/new/self-assessment']").await;
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6
    );
    assert_accessible(b, "the home page using the built-in questionnaires").await;
    app.open("#/questionnaires").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    assert_eq!(
        main_text(b).await.matches("\tBuilt into the app").count(),
        6
    );
    assert!(
        app.server
            .requests()
            .iter()
            .any(|p| p == "/builtin/self-assessment.json"),
        "the built-in copy should be fetched"
    );
    start_work(&app, "self-assessment", "Built-in audit", None).await;
    finish_allowing(app, &["questionnaires/manifest.json"]).await;
}

/// (13b) When the later part of the app cannot be downloaded (offline after the first screen),
/// the home page still lists the tools and the saved work, says what happened with a way to
/// try again, and other pages say they could not be opened. The app does not stop, and the
/// saved work is untouched.
#[tokio::test]
async fn a_later_part_that_cannot_be_downloaded_is_reported_and_nothing_is_lost() {
    let dist = DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    // As on a first visit: no service worker has kept the part yet.
    b.bypass_service_worker().await;
    let audit = work(
        "kept-1",
        "North Team audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    b.wait_for_text("North Team audit", DEFAULT_TIMEOUT).await;
    wait_until(
        b,
        "return localStorage.getItem('mhsw:work:kept-1') === null;",
        vec![],
        QUICK,
        "the entry moving into the work store",
    )
    .await;
    let stored_before = saved_work(b, "kept-1").await;

    dist.remove("split_later.wasm");
    reload(&app, "#/").await;
    b.wait_for_text(
        "This part of the toolkit could not be downloaded",
        DEFAULT_TIMEOUT,
    )
    .await;
    let text = main_text(b).await;
    assert_contains(
        &text,
        "North Team audit",
        "the saved work is listed from the light reading",
    );
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6,
        "the tools are listed from the manifest's summaries"
    );
    find(b, ".notice button").await;
    assert_accessible(b, "the home page without the later part").await;

    app.open("#/work/kept-1").await;
    wait_for_heading(b, "This page could not be opened").await;
    assert_eq!(saved_work(b, "kept-1").await, stored_before);

    // Back online: "Try again" downloads it, and the work opens.
    dist.restore_from_dist("split_later.wasm");
    app.open("#/").await;
    click_text(b, "Try again").await;
    wait_for_text_gone(b, "This part of the toolkit could not be downloaded").await;
    app.open("#/work/kept-1").await;
    wait_for_heading(b, "North Team audit").await;
    assert!(b.wasm_panics().await.is_empty(), "the app must not stop");
    finish_allowing(app, &["split_later.", "__wasm_split."]).await;
}

// =============================================================================================
// Issue 7: the PDF report

/// (14) "Download the report (PDF)" saves a valid PDF that names the audit and gives a section
/// score in words.
#[tokio::test]
async fn the_report_downloads_as_a_pdf() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "pdf-audit",
        "PDF check audit",
        &bundled_definition("self-assessment"),
    );
    audit.organisation = "Northshire Council".to_owned();
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "england"),
        ("strat-1", "established"),
        ("strat-6", "developing"),
        ("strat-3", "not-in-place"),
    ]);
    seed_works(&app, &[&audit], "#/work/pdf-audit/results").await;
    wait_for_heading_exact(b, "Results: PDF check audit").await;
    let score = "Score: 41%: Amber, partly achieved.";
    assert_contains(&main_text(b).await, score, "the results page");
    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready: pdf-check-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    let pdf = b
        .wait_for_download("pdf-check-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    let bytes = std::fs::read(&pdf).expect("read the PDF");
    assert!(bytes.starts_with(b"%PDF"), "the download is not a PDF");
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf));
    assert_contains(&text, "PDF check audit", "the PDF's text");
    assert_contains(&text, score, "the PDF's text");
    let fonts: Vec<String> = app
        .server
        .requests()
        .into_iter()
        .filter(|r| r.contains("/fonts/"))
        .collect();
    assert!(fonts.is_empty(), "an English report fetched {fonts:?}");
    finish(app).await;
}

/// (Issue 14, item 6) Evidence in Urdu, Polish and with characters no face the toolkit ships
/// can draw: the PDF worker fetches the Arabic-script face (and no other), the PDF keeps the
/// Urdu and Polish, and the status beside "Your PDF is ready" says how many characters could
/// not be drawn and where, in words, before the file is shared.
#[tokio::test]
async fn the_pdf_says_how_many_characters_it_could_not_draw_and_where() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "pdf-unshown",
        "Unshown audit",
        &bundled_definition("self-assessment"),
    );
    audit.responses = choices(&[("strat-1", "established")]);
    let mut item = audit.responses.item("strat-1").cloned().expect("answered");
    item.evidence = Some("Board minutes 漢字, March 2026; گفتگو ہوئی; Zażółć".to_owned());
    audit.responses.set(QuestionId::new("strat-1"), item);
    seed_works(&app, &[&audit], "#/work/pdf-unshown/results").await;
    wait_for_heading_exact(b, "Results: Unshown audit").await;
    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready: unshown-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    let status = b
        .execute(
            "const s = document.querySelector('.pdf-status[role=status]'); return s ? s.innerText : '';",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_contains(
        &status,
        "2 characters could not be drawn: 2 in “Evidence” under “There is a written, current statement of what social work",
        "the PDF status",
    );
    assert_contains(
        &status,
        "check that place before you share it",
        "the PDF status",
    );
    b.execute(
        "document.querySelector('.pdf-status').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    b.screenshot(&screenshot_path("journey-pdf-unshown")).await;
    let pdf = b
        .wait_for_download("unshown-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf).replace(['\u{202B}', '\u{202C}'], ""));
    assert_contains(
        &text,
        "Board minutes \u{FFFD}\u{FFFD}, March 2026;",
        "the PDF's text",
    );
    assert_contains(&text, "گفتگو ہوئی", "the PDF's text");
    assert_contains(&text, "Zażółć", "the PDF's text");
    let fonts: Vec<String> = app
        .server
        .requests()
        .into_iter()
        .filter(|r| r.contains("/fonts/"))
        .collect();
    assert_eq!(
        fonts,
        ["/pdf/fonts/NotoNaskhArabic-subset.ttf"],
        "only the Arabic-script face is fetched"
    );
    finish(app).await;
}

fn check_pdf(path: &Path) {
    let out = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("qpdf could not run ({e}): run `make setup-test`"));
    assert!(
        out.status.success(),
        "qpdf --check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext could not run ({e}): run `make setup-test`"));
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Issue 14, reports: a Welsh-first collection's report opens in Welsh, can be read in English
/// (a choice remembered for the collection across a reload) and in Welsh again, carries
/// `lang="cy"` while Welsh, passes axe, and its PDF is Welsh too.
#[tokio::test]
async fn a_welsh_first_collection_reports_in_cymraeg_on_the_page_and_in_the_pdf() {
    let mut welsh = collection_with("welsh-feedback", "feedback-service-user", 6);
    welsh.name = "Welsh feedback".to_owned();
    if let Some(c) = welsh.collection.as_mut() {
        c.language_offer = mhsw::work::LanguageOffer::WelshFirst;
        for (n, response) in c.responses.iter_mut().enumerate() {
            response.answers.set(
                QuestionId::new("own-1"),
                ItemResponse {
                    answer: Some(Answer::Text(format!(
                        "Daeth hi i’r tŷ i siarad â’m gŵr ({n})."
                    ))),
                    ..ItemResponse::default()
                },
            );
        }
    }
    let app = TestApp::start().await;
    let b = &app.browser;
    seed_works(&app, &[&welsh], "#/work/welsh-feedback/results").await;
    wait_for_heading_exact(b, "Results: Welsh feedback").await;
    let report_lang = || async {
        b.execute(
            "const r = [...document.querySelectorAll('main .report')].pop(); return r ? r.getAttribute('lang') : 'no report';",
            vec![],
        )
        .await
    };
    // Welsh first: the report starts in Cymraeg.
    assert_eq!(is_checked(b, "report-language-cy").await, Some(true));
    b.wait_for_text("Crynodeb", DEFAULT_TIMEOUT).await;
    // English on request, with no lang of its own (the page is en-GB) ...
    click(b, "label[for='report-language-en']").await;
    b.wait_for_text("6 responses received", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(report_lang().await, Value::Null);
    // The choice is remembered for this collection: after a reload the report is in English.
    reload(&app, "#/work/welsh-feedback/results").await;
    wait_for_heading_exact(b, "Results: Welsh feedback").await;
    b.wait_for_text("6 responses received", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(is_checked(b, "report-language-en").await, Some(true));
    // ... and Cymraeg again.
    click(b, "label[for='report-language-cy']").await;
    b.wait_for_text("Cafwyd 6 ymateb", DEFAULT_TIMEOUT).await;
    let page = main_text(b).await;
    for welsh in [
        "Crynodeb",
        "Yn ôl cwestiwn",
        "Atebodd 6 pherson y cwestiwn hwn.",
        "Daeth hi i’r tŷ i siarad â’m gŵr (5).",
    ] {
        assert_contains(&page, welsh, "the Welsh report on the page");
    }
    assert_lacks(&page, "responses received", "the Welsh report on the page");
    let heading_lang = b
        .execute(
            "const h = [...document.querySelectorAll('main h2')].find(h => h.textContent.trim() === 'Crynodeb'); return h ? h.closest('[lang]').getAttribute('lang') : null;",
            vec![],
        )
        .await;
    assert_eq!(heading_lang, json!("cy"), "the Welsh heading's language");
    b.screenshot(&screenshot_path("journey-report-cymraeg"))
        .await;
    assert_accessible(b, "a feedback report in Welsh").await;

    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready: welsh-feedback.pdf", DEFAULT_TIMEOUT)
        .await;
    let pdf = b
        .wait_for_download("welsh-feedback.pdf", DEFAULT_TIMEOUT)
        .await;
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf));
    for welsh in ["Crynodeb", "Cafwyd 6 ymateb", "gŵr", "tŷ", "Tudalen 1 o"] {
        assert_contains(&text, welsh, "the Welsh PDF");
    }
    assert_lacks(&text, "Summary", "the Welsh PDF");
    // The Welsh report and its language choice at 400% zoom, as a person with low vision reads it.
    set_zoom(b, 400).await;
    check_screen(b, "report-cymraeg-400").await;
    set_zoom(b, 100).await;
    finish(app).await;
}

// =============================================================================================
// Trust on the device: the work store, collection mode's lock, and honest saves

/// A feedback collection with `count` fully answered responses (every rating and the free
/// text), made with the core so the file is the app's own format.
fn collection_with(id: &str, definition_id: &str, count: usize) -> mhsw::work::Work {
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

/// Issue 15, nothing lost: a collection holding responses given with the service-user
/// questionnaire 1.0.0 and with 2.0.0 makes one report. A 1.0.0 answer to rel-3 ("did not judge
/// me", retired) counts for rel-7, which 2.0.0 asks in its place; a 1.0.0 answer to diff-2, retired
/// without a successor, is listed by its old words and counted nowhere.
#[tokio::test]
async fn a_collection_mixing_versions_one_and_two_makes_one_report() {
    let definition = bundled_definition("feedback-service-user");
    let mut mixed = work("mixed-feedback", "Mixed feedback", &definition);
    if let Some(c) = mixed.collection.as_mut() {
        c.about = "North Team".to_owned();
        c.responses = (0..5)
            .map(|n| {
                let (version, answers) = if n < 3 {
                    ("1.0.0", choices(&[("rel-3", "agree"), ("diff-2", "agree")]))
                } else {
                    ("2.0.0", choices(&[("rel-7", "agree")]))
                };
                feedback_response(&format!("mixed-{n}"), version, answers)
            })
            .collect();
    }
    let app = TestApp::start().await;
    let b = &app.browser;
    seed_works(&app, &[&mixed], "#/work/mixed-feedback/results").await;
    wait_for_heading_exact(b, "Results: Mixed feedback").await;
    let page = main_text(b).await;
    assert_contains(
        &page,
        "5 responses received",
        "every response, of both versions",
    );
    assert_contains(
        &page,
        "Share that agree: 100% (5 of the 5 people who gave a rating).",
        "rel-7 counting the three 1.0.0 answers to rel-3 and the two to rel-7",
    );
    let old_words = definition
        .retired
        .iter()
        .find(|r| r.id.as_str() == "diff-2")
        .expect("diff-2 is retired")
        .text
        .to_string();
    assert_contains(&page, &old_words, "the retired question, by its old words");
    assert_accessible(b, "a report mixing 1.0.0 and 2.0.0 responses").await;
    finish(app).await;
}

/// Counts the response records of one piece of work in the work store.
async fn stored_response_count(b: &common::browser::Browser, id: &str) -> u64 {
    b.execute_async(
        r#"const [id, done] = [arguments[0], arguments[arguments.length - 1]];
        const r = indexedDB.open('mhsw');
        r.onsuccess = () => {
          const tx = r.result.transaction('responses', 'readonly');
          const c = tx.objectStore('responses').count(IDBKeyRange.bound([id], [id, []], false, true));
          tx.oncomplete = () => { r.result.close(); done(c.result); };
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
            .item("strat-1")
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

/// A carer collection whose id matches a service-user collection's is kept beside it: their
/// responses never mix.
#[tokio::test]
async fn a_carer_collection_with_the_same_id_is_kept_apart() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let users = collection_with("shared-id", "feedback-service-user", 5);
    seed_works(&app, &[&users], "#/").await;
    b.wait_for_text("Big collection", DEFAULT_TIMEOUT).await;
    find(b, ".tool-list").await;
    let mut carers = collection_with("shared-id", "feedback-carer", 7);
    carers.name = "Carers".to_owned();
    let file = temp_file("carers.json", &export_work(&carers));
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text(
        "carers.json: imported as “Carers (imported copy)” with 7 responses",
        QUICK,
    )
    .await;
    assert_eq!(
        saved_work(b, "shared-id").await,
        users,
        "the service-user collection is untouched"
    );
    assert_eq!(stored_response_count(b, "shared-id").await, 5);
    let ids = stored_work_ids(b).await;
    assert_eq!(ids.len(), 2, "{ids:?}");
    let copy = ids.iter().find(|i| *i != "shared-id").expect("the copy");
    let copy = saved_work(b, copy).await;
    assert_eq!(copy.definition.id.as_str(), "feedback-carer");
    assert_eq!(copy.collection.expect("a collection").responses.len(), 7);
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

    click_button(b, "Remove all my data from this device").await;
    click_button(b, "Yes, remove everything").await;
    b.wait_for_text(
        "Everything the toolkit kept in this browser has been removed",
        QUICK,
    )
    .await;
    assert!(stored_work_ids(b).await.is_empty());

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

/// Collection mode locks the device: a new tab, a new window, a typed address and a reload all
/// open the collection screens; the code is never stored as typed; wrong codes slow down.
#[tokio::test]
async fn collection_mode_locks_every_tab_and_window() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut collection = collection_with("locked", "feedback-service-user", 2);
    collection.name = "Locked collection".to_owned();
    let audit = work(
        "secret-audit",
        "Secret audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&collection, &audit], "#/").await;
    b.wait_for_text("Secret audit", DEFAULT_TIMEOUT).await;
    start_collecting(&app, "locked", "4821", false).await;
    let lock = storage_get(b, "mhsw:collecting")
        .await
        .expect("the lock is kept");
    assert!(
        !lock.contains("4821"),
        "the code is kept only as a salted hash: {lock}"
    );

    let first = b.client().window().await.expect("this window");
    for as_tab in [true, false] {
        let other = b
            .client()
            .new_window(as_tab)
            .await
            .expect("a new tab or window");
        b.client()
            .switch_to_window(other.handle.clone())
            .await
            .expect("switch");
        for route in ["#/", "#/work/secret-audit", "#/privacy"] {
            app.open(route).await;
            b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
            let text = b.body_text().await;
            assert!(
                !text.contains("Secret audit") && !text.contains("Your work on this device"),
                "{route} in a new {} showed saved work:\n{text}",
                if as_tab { "tab" } else { "window" }
            );
            assert_eq!(current_hash(b).await, "#/work/locked/collect");
        }
        b.client().close_window().await.expect("close it");
        b.client()
            .switch_to_window(first.clone())
            .await
            .expect("back");
    }

    // Wrong codes: three are checked at once, then the device makes people wait.
    click_button(b, "For the practitioner: end collection").await;
    for attempt in 1..=3 {
        fill(b, "#leave-code", "0000").await;
        click_button(b, "End collection").await;
        b.wait_for_text("That is not the code", QUICK).await;
        if attempt == 3 {
            b.wait_for_text("the next try must wait 30 seconds", QUICK)
                .await;
        }
    }
    fill(b, "#leave-code", "4821").await;
    click_button(b, "End collection").await;
    b.wait_for_text("Too many wrong codes. Wait", QUICK).await;
    // A reload does not reset the count.
    reload(&app, "#/").await;
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
    click_button(b, "For the practitioner: end collection").await;
    fill(b, "#leave-code", "4821").await;
    click_button(b, "End collection").await;
    b.wait_for_text("Too many wrong codes. Wait", QUICK).await;
    finish(app).await;
}

/// The inactivity box starts at 5 minutes, can be cleared and retyped, refuses nonsense with a
/// message, and the person answering is told how long unfinished answers are kept.
#[tokio::test]
async fn the_inactivity_box_keeps_what_is_typed() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Idle test",
        Some("West Team"),
    )
    .await;
    app.open(&format!("#/work/{id}")).await;
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    assert_eq!(value_of(b, "kiosk-idle").await.as_deref(), Some("5"));
    click(b, "#kiosk-idle").await;
    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    assert_eq!(
        value_of(b, "kiosk-idle").await.as_deref(),
        Some(""),
        "cleared, not snapped back"
    );
    type_text(b, "0").await;
    fill(b, "#kiosk-code", "2468").await;
    click_button(b, "Start collecting").await;
    b.wait_for_text("Enter a whole number of minutes from 1 to 120", QUICK)
        .await;
    assert_eq!(
        value_of(b, "kiosk-idle").await.as_deref(),
        Some("0"),
        "kept as typed"
    );
    click(b, "#kiosk-idle").await;
    select_all(b).await;
    type_text(b, "12").await;
    assert_eq!(value_of(b, "kiosk-idle").await.as_deref(), Some("12"));
    click_button(b, "Start collecting").await;
    b.wait_for_text("Before you start", QUICK).await;
    assert_contains(
        &b.body_text().await,
        "If the device is left untouched for 12 minutes, any answers not yet sent are cleared",
        "the person is told",
    );
    wait_for_saved(b, &id, "e.work.collection.idle_minutes === 12", "the limit").await;
    finish(app).await;
}

/// Storage full while collecting: the person who sends is told the truth, the practitioner is
/// alerted at once, and nothing sent is lost while the page is open: once there is room, the
/// next save stores it.
#[tokio::test]
async fn collecting_with_storage_full_tells_the_truth_and_loses_nothing() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Full device",
        Some("East Team"),
    )
    .await;
    start_collecting(&app, &id, "1357", false).await;
    fill_storage(b).await;
    let questions = feedback_questions("feedback-service-user");
    answer_every_question(&app, &questions, |_| Some(AGREE), None).await;
    wait_for_heading_exact(b, "Your answers could not be saved").await;
    let text = b.body_text().await;
    assert!(!text.contains("have been saved"), "no false claim:\n{text}");
    assert_contains(
        &text,
        "For the practitioner: answers from 1 person could not be saved on this device",
        "the practitioner's alert",
    );
    b.screenshot(&screenshot_path("device-collect-not-saved"))
        .await;
    assert_accessible(b, "collection mode after a failed save").await;
    assert_eq!(stored_response_count(b, &id).await, 0);

    make_room(b).await;
    click_button(b, "Start again for the next person").await;
    one_person_answers(&app, &questions, |_| Some(DISAGREE), None).await;
    wait_for_heading_exact(b, "Thank you").await;
    assert_eq!(
        stored_response_count(b, &id).await,
        2,
        "the first person's answers were kept in memory and saved with the second's"
    );
    finish_allowing(app, &["QuotaExceeded", "quota"]).await;
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
            .item("strat-1")
            .and_then(|i| i.answer.clone()),
        Some(Answer::Choice("established".into()))
    );
    finish(app).await;
}

// =============================================================================================
// Typing: every text box keeps what a person types, wherever the cursor is

/// The value of the input or textarea matching `selector`.
async fn value_at(b: &common::browser::Browser, selector: &str) -> String {
    b.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.value : null;",
        vec![json!(selector)],
    )
    .await
    .as_str()
    .unwrap_or_else(|| panic!("no text box matches `{selector}`"))
    .to_owned()
}

/// Edits the text box `selector` as a person does, by key presses only: types a sentence, moves
/// the cursor back and types in the middle of it; types spaces at both ends and two together,
/// then goes to the start and types there; deletes everything and types again. Returns each
/// way the box differed from what was typed (none when it kept every key press).
async fn edit_like_a_person(b: &common::browser::Browser, selector: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut expect = |got: String, want: &str, doing: &str| {
        if got != want {
            wrong.push(format!(
                "`{selector}` {doing}: shows {got:?}, expected {want:?}"
            ));
        }
    };
    // The app answers each key press; give it its frame before the next step is checked.
    let settle = || tokio::time::sleep(Duration::from_millis(150));
    click(b, selector).await;
    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    type_text(b, "Hello world").await;
    press(b, &[Key::Left; 5]).await;
    type_text(b, "big ").await;
    settle().await;
    expect(
        value_at(b, selector).await,
        "Hello big world",
        "after typing in the middle",
    );

    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    type_text(b, " two  spaces ").await;
    settle().await;
    expect(
        value_at(b, selector).await,
        " two  spaces ",
        "after typing spaces at both ends and two together",
    );
    press(b, &[Key::Home]).await;
    type_text(b, "Start:").await;
    settle().await;
    expect(
        value_at(b, selector).await,
        "Start: two  spaces ",
        "after typing at the start",
    );

    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    settle().await;
    expect(value_at(b, selector).await, "", "after deleting everything");
    type_text(b, "Again").await;
    settle().await;
    expect(
        value_at(b, selector).await,
        "Again",
        "after typing again into the emptied box",
    );
    wrong
}

/// Answer boxes (an audit's evidence, comment and written answer, a strategic statement's
/// answer, a conversation record's short answer that appears on a choice, a paper form's
/// written answer) keep every key press: typing in the middle of a sentence does not jump the
/// cursor to the end, and spaces are the person's own.
#[tokio::test]
async fn answer_boxes_keep_the_text_wherever_the_cursor_is() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit_definition = bundled_definition("self-assessment");
    let audit = work("typing-audit", "Typing audit", &audit_definition);
    let statement = work(
        "typing-statement",
        "Typing statement",
        &bundled_definition("strategic-statement"),
    );
    let record_definition = bundled_definition("conversation-record");
    let record = work("typing-record", "Typing record", &record_definition);
    let mut collection = work(
        "typing-feedback",
        "Typing feedback",
        &bundled_definition("feedback-service-user"),
    );
    if let Some(c) = collection.collection.as_mut() {
        c.about = "North Team".to_owned();
    }
    seed_works(
        &app,
        &[&audit, &statement, &record, &collection],
        "#/work/typing-audit/section/strategy",
    )
    .await;
    let mut wrong = Vec::new();

    wait_for_heading_exact(b, "Strategic vision and accountability").await;
    click(b, "#q-strat-1-2").await;
    for selector in ["#q-strat-1-evidence", "#q-strat-1-comment"] {
        wrong.extend(edit_like_a_person(b, selector).await);
    }
    wait_for_saved(
        b,
        "typing-audit",
        "e.work.responses['strat-1'].comment === 'Again'",
        "the comment typed last",
    )
    .await;

    // The audit's written answer shows when there is no professional lead.
    app.open("#/work/typing-audit/section/leadership").await;
    click(
        b,
        &format!(
            "#{}",
            option_id("lead-1", option_index(&audit_definition, "lead-1", "no"))
        ),
    )
    .await;
    find(b, "#q-lead-4").await;
    wrong.extend(edit_like_a_person(b, "#q-lead-4").await);

    app.open("#/work/typing-statement/section/local-context")
        .await;
    find(b, "#q-lc-need").await;
    wrong.extend(edit_like_a_person(b, "#q-lc-need").await);

    app.open("#/work/typing-record/section/about").await;
    find(b, "#q-record-type").await;
    click(
        b,
        &format!(
            "#{}",
            option_id(
                "record-type",
                option_index(&record_definition, "record-type", "conversation")
            )
        ),
    )
    .await;
    let who = record_definition
        .question("who")
        .expect("the conversation record asks who");
    let other = record_definition
        .options_of(who)
        .and_then(|list| {
            list.options
                .iter()
                .position(|o| o.value.as_str() == "other")
        })
        .expect("“who” offers “other”");
    click(b, &format!("#{}", option_id("who", other))).await;
    find(b, "#q-who-other").await;
    wrong.extend(edit_like_a_person(b, "#q-who-other").await);

    app.open("#/work/typing-feedback/enter").await;
    find(b, "#q-own-1").await;
    wrong.extend(edit_like_a_person(b, "#q-own-1").await);

    assert!(
        wrong.is_empty(),
        "text boxes rewrote what was typed:\n  {}",
        wrong.join("\n  ")
    );
    finish(app).await;
}

/// Issue 15: a workforce figure typed as a person types it. The box shows its unit as text and
/// its range in the hint; an edit in the middle of the figure keeps the cursor where it is; a
/// figure out of range is refused in words (not colour alone) and nothing is saved until it is
/// put right; a comma as the decimal mark is kept as typed and saved as the same figure; and the
/// results page lists the figures in the workforce profile.
#[tokio::test]
async fn a_workforce_figure_is_typed_checked_in_words_and_shown_in_the_results() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let settle = || tokio::time::sleep(Duration::from_millis(150));
    let id = start_work(&app, "self-assessment", "Figures 2026", None).await;
    app.open(&format!("#/work/{id}/section/workforce-profile"))
        .await;
    wait_for_heading_exact(b, "Workforce profile").await;
    find(b, "#q-wp-3").await;
    let page = normalise(&main_text(b).await);
    assert_contains(
        &page,
        "Figures are recorded as given and are not scored.",
        "the section of figures says it is not scored",
    );
    assert_lacks(&page, "nothing scorable yet", "the section of figures");
    assert_contains(
        &page,
        "A number from 0 to 2000, with up to 1 decimal place",
        "the range of the FTE question",
    );
    assert_contains(
        &page,
        "A number from 0 to 100, a whole number",
        "the range of the rota question",
    );
    assert_eq!(
        b.execute(
            "const box = document.querySelector('#q-wp-3'); return [box.getAttribute('inputmode'), document.querySelector('#q-wp-3-unit').textContent, box.getAttribute('aria-describedby'), document.querySelector('label[for=q-wp-3]') !== null];",
            vec![],
        )
        .await,
        json!(["decimal", "%", "q-wp-3-hint q-wp-3-range q-wp-3-unit", true]),
        "the rota box: decimal keyboard, its unit beside it, described by its hint, range and unit, and labelled"
    );

    // 95, then a 0 typed between the 9 and the 5: 905, over 100.
    click(b, "#q-wp-3").await;
    type_text(b, "95").await;
    press(b, &[Key::Left]).await;
    type_text(b, "0").await;
    settle().await;
    assert_eq!(
        value_at(b, "#q-wp-3").await,
        "905",
        "typing in the middle of the figure"
    );
    b.wait_for_text("Enter 100 or less", QUICK).await;
    assert_eq!(
        b.execute(
            "const e = document.querySelector('#q-wp-3-error'); return [e && e.textContent, document.querySelector('#q-wp-3').getAttribute('aria-invalid'), e && e.parentElement.getAttribute('aria-live')];",
            vec![],
        )
        .await,
        json!(["Error: Enter 100 or less", "true", "polite"]),
        "the error is in words, marks the box and is announced"
    );
    check_screen(b, "workforce-profile-range-error").await;
    // The cursor stayed after the 0: Backspace takes the 0 away again.
    press(b, &[Key::Backspace]).await;
    settle().await;
    assert_eq!(value_at(b, "#q-wp-3").await, "95", "deleting in the middle");
    wait_for_text_gone(b, "Enter 100 or less").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['wp-3'] && e.work.responses['wp-3'].answer.number === '95'",
        "the rota figure once it fits",
    )
    .await;

    // Cleared and typed again.
    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    settle().await;
    assert_eq!(value_at(b, "#q-wp-3").await, "", "after clearing the box");
    wait_for_saved(
        b,
        &id,
        "!e.work.responses['wp-3']",
        "no answer once cleared",
    )
    .await;
    type_text(b, "85").await;

    // The FTE figure with a comma for the decimal mark, its 2 typed in the middle.
    click(b, "#q-wp-1").await;
    type_text(b, "15").await;
    press(b, &[Key::Left]).await;
    type_text(b, "2,").await;
    settle().await;
    assert_eq!(
        value_at(b, "#q-wp-1").await,
        "12,5",
        "a comma is kept as typed"
    );
    wait_for_saved(
        b,
        &id,
        "e.work.responses['wp-1'] && e.work.responses['wp-1'].answer.number === '12.5' && e.work.responses['wp-3'].answer.number === '85'",
        "both figures, stored with a full stop",
    )
    .await;
    // Several characters arriving at once, as a paste does (Chromium inserts them at the
    // cursor in one input event), into the empty caseload box and then at its start.
    click(b, "#q-wp-4").await;
    b.cdp("Input.insertText", json!({ "text": "18,5" })).await;
    press(b, &[Key::Home]).await;
    b.cdp("Input.insertText", json!({ "text": "1" })).await;
    settle().await;
    assert_eq!(
        value_at(b, "#q-wp-4").await,
        "118,5",
        "pasting at the start"
    );
    wait_for_saved(
        b,
        &id,
        "e.work.responses['wp-4'] && e.work.responses['wp-4'].answer.number === '118.5'",
        "the pasted caseload",
    )
    .await;
    check_screen(b, "workforce-profile-section").await;

    app.open(&format!("#/work/{id}/results")).await;
    b.wait_for_text("Workforce figures as given", DEFAULT_TIMEOUT)
        .await;
    let results = normalise(&main_text(b).await);
    assert_contains(&results, "Workforce figures as given", "the results page");
    assert_contains(&results, "12.5 FTE", "the FTE figure in the results");
    assert_contains(&results, "85%", "the rota figure in the results");
    scroll_to_heading(b, "Workforce profile").await;
    check_screen(b, "workforce-profile-results").await;

    // At 400% zoom the boxes, units and errors still fit the width, and the figure is kept.
    set_zoom(b, 400).await;
    app.open(&format!("#/work/{id}/section/workforce-profile"))
        .await;
    wait_for_heading_exact(b, "Workforce profile").await;
    find(b, "#q-wp-1").await;
    assert_eq!(
        value_at(b, "#q-wp-1").await,
        "12.5",
        "the saved figure, shown again"
    );
    click(b, "#q-wp-2").await;
    type_text(b, "1,250").await;
    b.wait_for_text(
        "Enter 1250 without a comma, or use a full stop for decimals (1.25)",
        QUICK,
    )
    .await;
    check_screen(b, "workforce-profile-400").await;
    set_zoom(b, 100).await;
    finish(app).await;
}

/// The other text boxes (the form that starts new work, the rename box on the home page and
/// every written field of a plan row) keep every key press too.
#[tokio::test]
async fn form_and_plan_boxes_keep_the_text_wherever_the_cursor_is() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "typing-plan",
        "Typing plan",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![plan_row("row-1", "Agree a supervision standard")];
    seed_works(&app, &[&audit], "#/work/typing-plan/plan").await;
    let mut wrong = Vec::new();

    find(b, "#plan-row-1-action").await;
    for field in ["action", "lead", "partners", "successmeasure"] {
        wrong.extend(edit_like_a_person(b, &format!("#plan-row-1-{field}")).await);
    }
    wait_for_saved(
        b,
        "typing-plan",
        "e.work.plan[0].success_measure === 'Again'",
        "the success measure typed last",
    )
    .await;

    app.open("#/new/self-assessment").await;
    find(b, "#work-name").await;
    for selector in ["#work-name", "#work-organisation"] {
        wrong.extend(edit_like_a_person(b, selector).await);
    }

    app.open("#/").await;
    click_text(b, "Rename").await;
    find(b, "#rename-typing-plan").await;
    wrong.extend(edit_like_a_person(b, "#rename-typing-plan").await);

    assert!(
        wrong.is_empty(),
        "text boxes rewrote what was typed:\n  {}",
        wrong.join("\n  ")
    );
    finish(app).await;
}

/// The position of an option among a question's options.
fn option_index(definition: &mhsw::definition::Definition, question: &str, value: &str) -> usize {
    let asked = definition
        .question(question)
        .unwrap_or_else(|| panic!("no question `{question}`"));
    definition
        .options_of(asked)
        .and_then(|list| list.options.iter().position(|o| o.value.as_str() == value))
        .unwrap_or_else(|| panic!("question `{question}` has no option `{value}`"))
}

/// A plan row added by hand, with only an action.
fn plan_row(id: &str, action: &str) -> mhsw::plan::PlanRow {
    mhsw::plan::PlanRow {
        id: id.to_owned(),
        source: mhsw::plan::RowSource::Added,
        action: action.to_owned(),
        lead: String::new(),
        partners: String::new(),
        target_date: None,
        success_measure: String::new(),
        status: mhsw::plan::Status::NotStarted,
        review_date: None,
    }
}

// =============================================================================================
// Focus: removing something never drops focus to the page

/// True when focus has fallen to the page itself (nothing useful has it).
async fn focus_is_lost(b: &common::browser::Browser) -> bool {
    b.execute(
        "const e = document.activeElement; return !e || e === document.body || e === document.documentElement;",
        vec![],
    )
    .await
        == json!(true)
}

/// "Remove action" then "Yes, remove it": focus moves to the next row's first field, or to
/// "Add an action" when the last row went. Deleting work on the home page: focus moves to the
/// list's heading.
#[tokio::test]
async fn focus_stays_in_the_page_after_removing_something() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "focus-plan",
        "Focus plan",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![
        plan_row("row-1", "First action"),
        plan_row("row-2", "Second action"),
    ];
    let other = work(
        "focus-other",
        "Other audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit, &other], "#/work/focus-plan/plan").await;

    find(b, "#plan-row-1-action").await;
    click_button(b, "Remove action 1").await;
    click_button(b, "Yes, remove it").await;
    wait_until(
        b,
        "return !document.getElementById('plan-row-1-action');",
        vec![],
        QUICK,
        "the first row going",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(
        focus_is_on(b, "#plan-row-2-action").await,
        "after removing action 1, focus should be on the next action's first field; it is on {}",
        focused(b).await
    );
    click_button(b, "Remove action 1").await;
    click_button(b, "Yes, remove it").await;
    wait_until(
        b,
        "return !document.getElementById('plan-row-2-action');",
        vec![],
        QUICK,
        "the last row going",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(
        !focus_is_lost(b).await && focus_is_on(b, "#add-action").await,
        "after removing the last action, focus should be on “Add an action”; it is on {}",
        focused(b).await
    );
    assert_accessible(b, "a plan whose last action was removed").await;

    app.open("#/").await;
    click_text(b, "Delete Other audit").await;
    click_button(b, "Yes, delete it").await;
    wait_for_text_gone(b, "Other audit").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(
        !focus_is_lost(b).await,
        "after deleting work, focus fell to the page"
    );
    assert!(
        focus_is_on(b, "#your-work").await,
        "after deleting work, focus should be on the list's heading; it is on {}",
        focused(b).await
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
        "fifty-thousand.json: imported as “Big collection” with 50000 responses, and saved on this device.",
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

/// A collection whose save runs out of room part way (after 1,000 of its 1,500 records) keeps
/// nothing of it in the store: the import says it was not saved, and no half of it is left to
/// be read back as if it were the whole.
#[tokio::test]
async fn a_save_that_fills_the_disk_part_way_keeps_nothing_of_it() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let collection = collection_with("half-saved", "feedback-service-user", 1500);
    let file = temp_file("half-saved.json", &export_work(&collection));
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

// =============================================================================================
// PDFs: each button makes its own file, once

/// Double-clicks the element matching `selector` with the mouse, as a person does.
async fn double_click(b: &common::browser::Browser, selector: &str) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let element = find(b, selector).await;
    let actions = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client()
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("could not double-click `{selector}`: {e}"));
}

/// The PDFs in the browser's download folder, by name, sorted.
fn downloaded_pdfs(b: &common::browser::Browser) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(b.downloads_dir())
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|n| n.ends_with(".pdf"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The report and the plan asked for within a moment of each other: both files arrive, each
/// with its own content. A double click on one button makes one file, and the button says the
/// PDF is being made while it is.
#[tokio::test]
async fn two_pdfs_asked_for_together_each_arrive_and_a_double_click_makes_one() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "two-pdfs",
        "Two PDFs",
        &bundled_definition("self-assessment"),
    );
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "england"),
        ("strat-1", "established"),
        ("strat-6", "developing"),
        ("strat-3", "not-in-place"),
    ]);
    audit.plan = vec![plan_row("row-1", "Agree a written supervision standard")];
    seed_works(&app, &[&audit], "#/work/two-pdfs/results").await;
    wait_for_heading_exact(b, "Results: Two PDFs").await;
    let score = "Score: 41%: Amber, partly achieved.";

    // Both buttons, as quickly as a person can press them one after the other.
    b.execute(
        "const buttons = [...document.querySelectorAll('main button')]; \
         const report = buttons.find(x => x.innerText.includes('Download the report (PDF)')); \
         const plan = buttons.find(x => x.innerText.includes('Download the plan on its own')); \
         report.click(); setTimeout(() => plan.click(), 60);",
        vec![],
    )
    .await;
    let plan = b
        .wait_for_download("two-pdfs-plan.pdf", DEFAULT_TIMEOUT)
        .await;
    let report = b.wait_for_download("two-pdfs.pdf", DEFAULT_TIMEOUT).await;
    check_pdf(&plan);
    check_pdf(&report);
    let plan_text = normalise(&pdf_text(&plan));
    let report_text = normalise(&pdf_text(&report));
    assert_contains(
        &plan_text,
        "Agree a written supervision standard",
        "the plan PDF",
    );
    assert_lacks(
        &plan_text,
        score,
        "the plan PDF (it must not be the report)",
    );
    assert_contains(&report_text, score, "the report PDF");
    b.wait_for_text("Your PDF is ready: two-pdfs.pdf", QUICK)
        .await;
    b.wait_for_text("Your PDF is ready: two-pdfs-plan.pdf", QUICK)
        .await;
    assert_eq!(
        downloaded_pdfs(b),
        vec!["two-pdfs-plan.pdf", "two-pdfs.pdf"],
        "exactly the two PDFs asked for"
    );

    // A double click on the plan's button: one more file, and "Making the PDF…" meanwhile.
    let plan_button = "main .button-row button.secondary";
    // What the button shows while its PDF is made is noted as it happens (a PDF takes a
    // fraction of a second, quicker than a test can look).
    b.execute(
        "const button = document.querySelector(arguments[0]); window.sawBusy = []; \
         new MutationObserver(() => window.sawBusy.push([button.getAttribute('aria-disabled'), \
           button.innerText])).observe(button, { attributes: true, childList: true, subtree: true });",
        vec![json!(plan_button)],
    )
    .await;
    double_click(b, plan_button).await;
    wait_until(
        b,
        "return ![...document.querySelectorAll('main button')].some(x => x.innerText.includes('Making the PDF'));",
        vec![],
        DEFAULT_TIMEOUT,
        "the plan's button being ready again",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after = downloaded_pdfs(b);
    assert_eq!(
        after.len(),
        3,
        "a double click should make exactly one more PDF; the downloads are {after:?}"
    );
    assert_eq!(
        current_hash(b).await,
        "#/work/two-pdfs/results",
        "the double click must not reach anything beside the button"
    );
    let seen = b.execute("return window.sawBusy;", vec![]).await;
    let busy_and_said_so = seen.as_array().is_some_and(|states| {
        states.iter().any(|s| {
            s[0] == json!("true") && s[1].as_str().is_some_and(|t| t.contains("Making the PDF…"))
        })
    });
    assert!(
        busy_and_said_so,
        "while its PDF was made, the button should have been marked disabled and said \
         “Making the PDF…”; it went through {seen}"
    );

    // A slow double click on a quick machine: the second click (`detail` 2) lands after the
    // first PDF has arrived. It is still the same double click, so no second file.
    b.execute(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', \
         { bubbles: true, detail: 1 }));",
        vec![json!(plan_button)],
    )
    .await;
    wait_until(
        b,
        "return ![...document.querySelectorAll('main button')].some(x => x.innerText.includes('Making the PDF'));",
        vec![],
        DEFAULT_TIMEOUT,
        "the plan's button being ready again",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(downloaded_pdfs(b).len(), 4, "one click, one more PDF");
    b.execute(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', \
         { bubbles: true, detail: 2 }));",
        vec![json!(plan_button)],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after = downloaded_pdfs(b);
    assert_eq!(
        after.len(),
        4,
        "the second click of a double click made another PDF: {after:?}"
    );
    finish(app).await;
}

// =============================================================================================
// Paper forms: typed in as they came back, numbered once

/// A wrongly ticked answer can be cleared (on a paper form being typed in, and in an audit), and
/// a form with nothing entered is refused with a message in the error summary, not counted.
#[tokio::test]
async fn paper_answers_can_be_cleared_and_an_empty_form_is_refused() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut collection = work(
        "paper-feedback",
        "Paper feedback",
        &bundled_definition("feedback-service-user"),
    );
    if let Some(c) = collection.collection.as_mut() {
        c.about = "North Team".to_owned();
    }
    let audit = work(
        "clear-audit",
        "Clear audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&collection, &audit], "#/work/paper-feedback/enter").await;
    wait_for_heading_exact(b, "Type in paper forms").await;

    // Ticked by mistake, then cleared.
    click(b, "#q-rel-1-2").await;
    click_text(b, "Clear this answer").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(is_checked(b, "q-rel-1-2").await, Some(false));
    assert!(
        focus_is_on(b, "#q-rel-1").await,
        "after clearing, focus should be on the question's first option; it is on {}",
        focused(b).await
    );
    assert_eq!(
        count_controls_with_text(b, "Clear this answer").await,
        0,
        "nothing is answered, so there is nothing to clear"
    );

    // Nothing entered: refused, with the reason in the error summary.
    click_button(b, "Save this form and start the next").await;
    find(b, ".error-summary").await;
    assert_contains(
        &main_text(b).await,
        "This form has no answers",
        "the error summary",
    );
    assert_accessible(b, "a paper form refused because it is empty").await;
    b.screenshot(&screenshot_path("journeys/paper-empty-form-refused"))
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let saved = saved_work(b, "paper-feedback").await;
    assert_eq!(
        saved.collection.map(|c| c.responses.len()),
        Some(0),
        "an empty form must not be counted"
    );
    assert_lacks(&main_text(b).await, "paper form saved", "the status line");

    // One answer: saved and counted.
    click(b, "#q-rel-2").await;
    click_button(b, "Save this form and start the next").await;
    b.wait_for_text("1 paper form saved this session.", QUICK)
        .await;
    wait_for_saved(
        b,
        "paper-feedback",
        "e.work.collection.responses.length === 1",
        "the one filled-in form",
    )
    .await;

    // In an audit too.
    app.open("#/work/clear-audit/section/strategy").await;
    click(b, "#q-strat-1-2").await;
    wait_for_saved(
        b,
        "clear-audit",
        "!!e.work.responses['strat-1']",
        "the rating",
    )
    .await;
    click_text(b, "Clear this answer").await;
    wait_for_saved(
        b,
        "clear-audit",
        "!e.work.responses['strat-1'] || !e.work.responses['strat-1'].answer",
        "the rating being cleared",
    )
    .await;
    assert_eq!(is_checked(b, "q-strat-1-2").await, Some(false));
    assert_accessible(b, "an audit section with a clear control").await;
    finish(app).await;
}

/// The printable paper version numbers each question once, running on through the sections
/// (no "1. 7." on screen or in print).
#[tokio::test]
async fn the_paper_version_numbers_each_question_once() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let mut collection = work("paper-numbers", "Paper numbers", &definition);
    if let Some(c) = collection.collection.as_mut() {
        c.about = "North Team".to_owned();
    }
    seed_works(&app, &[&collection], "#/work/paper-numbers/paper").await;
    find(b, ".paper-question").await;
    // For each question: the number its list gives it, and any number written in its text.
    let numbers = b
        .execute(
            "return [...document.querySelectorAll('ol.paper-questions')].flatMap(ol => \
               [...ol.children].map((li, i) => ({ \
                 marker: getComputedStyle(li).display === 'list-item' \
                   && getComputedStyle(ol).listStyleType !== 'none' ? ol.start + i : null, \
                 text: li.querySelector('p').innerText })));",
            vec![],
        )
        .await;
    let numbers = numbers.as_array().expect("a list of questions");
    assert_eq!(numbers.len(), definition.questions().count());
    for (index, question) in numbers.iter().enumerate() {
        let text = question["text"].as_str().unwrap_or_default();
        let written = text.split_once(". ").is_some_and(|(start, _)| {
            !start.is_empty() && start.chars().all(|c| c.is_ascii_digit())
        });
        assert!(
            !written,
            "question {} has a number in its text as well as its list number: {text:?}",
            index + 1
        );
        assert_eq!(
            question["marker"],
            json!(index + 1),
            "question {} should be numbered {} by its list: {question}",
            index + 1,
            index + 1
        );
    }
    b.screenshot(&screenshot_path("journeys/paper-numbers"))
        .await;
    finish(app).await;
}

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

/// Limits on what a person types: a pasted evidence text over its limit stays on screen with
/// the count saying so and is not saved (nor called saved); shortened, it is. An over-long name
/// is refused by the form's error summary; a collection's period is set when it is started,
/// and an end before the start is refused.
#[tokio::test]
async fn over_long_text_stays_on_screen_unsaved_and_periods_are_checked() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Limits audit", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1-2").await;
    wait_for_saved(b, &id, "e.work.responses['strat-1']", "the answer").await;
    click(b, "#q-strat-1-evidence").await;
    let long = "Supervision records. ".repeat(480); // 10,080 characters
    common::probe::cdp(b, "Input.insertText", json!({ "text": long })).await;
    b.wait_for_text(
        "80 characters too many: shorten it to 10,000 or fewer. Until then it is not saved",
        QUICK,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        value_of(b, "q-strat-1-evidence")
            .await
            .map(|v| v.chars().count()),
        Some(10_080),
        "the whole pasted text stays on screen"
    );
    assert_eq!(
        saved_work(b, &id)
            .await
            .responses
            .item("strat-1")
            .and_then(|i| i.evidence.clone()),
        None,
        "an over-long text is not saved"
    );
    assert_accessible(b, "a section with evidence over its limit").await;
    for _ in 0..81 {
        press(b, &[Key::Backspace]).await;
    }
    b.wait_for_text("You have 1 character left", QUICK).await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-1'].evidence && e.work.responses['strat-1'].evidence.length === 9999",
        "the shortened evidence",
    )
    .await;

    app.open("#/new/feedback-service-user").await;
    fill(b, "#work-name", &"N".repeat(201)).await;
    fill(b, "#work-about", "West Team").await;
    // Dates chosen as with the browser's date picker (typed digits follow the browser's own
    // locale order, which a test cannot know).
    for (field, day) in [
        ("#work-period-start", "2026-11-30"),
        ("#work-period-end", "2026-11-01"),
    ] {
        b.execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
             e.dispatchEvent(new Event('input', { bubbles: true })); \
             e.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(field), json!(day)],
        )
        .await;
    }
    click(b, "form.form button[type=submit]").await;
    b.wait_for_text("Shorten the name to 200 characters or fewer", QUICK)
        .await;
    assert_eq!(current_hash(b).await, "#/new/feedback-service-user");
    assert_accessible(
        b,
        "starting a collection with a long name and a backwards period",
    )
    .await;
    b.screenshot(&screenshot_path("limits-new-collection-errors"))
        .await;
    let text = main_text(b).await;
    assert!(
        text.contains("30 November 2026") || text.contains("1 November 2026"),
        "the period's problem names the dates in words:\n{text}"
    );
    finish(app).await;
}

// =============================================================================================
// Collection mode: what a person answering reads

/// The main heading's text.
async fn heading_text(b: &common::browser::Browser) -> String {
    b.execute(
        "const h = document.querySelector('main h1'); return h ? h.innerText.trim() : '';",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Presses "Next" (or "Skip this question") until the main heading reads `title`.
async fn go_on_to_heading(b: &common::browser::Browser, title: &str) {
    for _ in 0..60 {
        let now = heading_text(b).await;
        if now == title {
            return;
        }
        // "Next", "Skip this question" or an introduction's "Next".
        click(b, "main form.one-question button[type=submit]").await;
        wait_until(
            b,
            "const h = document.querySelector('main h1'); return !!h && h.innerText.trim() !== arguments[0];",
            vec![json!(now)],
            QUICK,
            "the next screen",
        )
        .await;
    }
    panic!("never reached a screen headed {title:?}");
}

/// (13.1) Each section's introduction is a screen of its own before its first question, in
/// standard and in easy-read words: a person reads what "your social worker" means, and the
/// warning before the "feeling safe" questions. Back and Next cross them, and "Question N of M"
/// counts questions only. Choosing easy-read words puts the notices in easy-read words too.
#[tokio::test]
async fn a_person_answering_reads_each_section_introduction() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let total = definition.questions().count();
    let first = &definition.sections[0];
    let second = &definition.sections[1];
    let safe = definition
        .sections
        .iter()
        .find(|s| s.id.as_str() == "safe")
        .expect("a feeling-safe section");
    let id = start_work(
        &app,
        "feedback-service-user",
        "Introductions",
        Some("West Team"),
    )
    .await;
    b.client()
        .set_window_size(390, 844)
        .await
        .expect("resize the window");
    start_collecting(&app, &id, "8642", false).await;

    click_button(b, "Start").await;
    wait_for_heading_exact(b, &first.title).await;
    assert_contains(
        &normalise(&main_text(b).await),
        &normalise(&first.intro),
        "the first section's introduction",
    );
    assert_contains(&main_text(b).await, "your social worker", "what it means");
    b.screenshot(&screenshot_path("collect-introduction-phone"))
        .await;
    assert_accessible(b, "a section's introduction in collection mode").await;
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    click_button(b, "Back").await;
    wait_for_heading_exact(b, &first.title).await;
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    click(
        b,
        &format!("#{}", option_id(first.questions[0].id.as_str(), AGREE)),
    )
    .await;

    // On to the second section: its introduction comes after the first section's last
    // question, and Back from it returns there.
    go_on_to_heading(b, &second.title).await;
    assert_contains(
        &normalise(&main_text(b).await),
        &normalise(&second.intro),
        "the second section's introduction",
    );
    click_button(b, "Back").await;
    wait_for_heading_exact(b, &format!("Question {} of {total}", first.questions.len())).await;
    click_button(b, "Skip this question").await;
    wait_for_heading_exact(b, &second.title).await;
    click_button(b, "Next").await;
    wait_for_heading_exact(
        b,
        &format!("Question {} of {total}", first.questions.len() + 1),
    )
    .await;

    // The warning before the feeling-safe questions.
    go_on_to_heading(b, &safe.title).await;
    assert_contains(
        &normalise(&main_text(b).await),
        &normalise(&safe.intro),
        "the warning before the feeling-safe questions",
    );
    assert_accessible(b, "the feeling-safe introduction").await;

    // Easy-read words for the next person.
    click_button(b, "For the practitioner: end collection").await;
    click_button(b, "Go back to the questions").await;
    b.wait_for_text("Before you start", QUICK).await;
    click(b, "#easy-read").await;
    // The notices follow the choice at once: the anonymity statement and the crisis notice are
    // in easy-read words too, and no longer in their standard words.
    let notices = &definition.notices;
    let easy_anonymity = notices
        .easy_read
        .anonymity
        .as_deref()
        .expect("easy-read words");
    let easy_crisis = notices
        .easy_read
        .crisis
        .as_deref()
        .expect("easy-read words");
    b.wait_for_text(easy_anonymity, QUICK).await;
    let welcome = normalise(&main_text(b).await);
    assert_contains(
        &welcome,
        &normalise(easy_crisis),
        "the easy-read crisis notice",
    );
    let standard =
        |text: &Option<mhsw::definition::Text>| normalise(text.as_deref().unwrap_or_default());
    assert_lacks(
        &welcome,
        &standard(&notices.crisis),
        "the standard crisis notice in easy-read",
    );
    assert_lacks(
        &welcome,
        &standard(&notices.anonymity),
        "the standard anonymity statement in easy-read",
    );
    click_button(b, "Start").await;
    wait_for_heading_exact(b, &first.title).await;
    let easy = first.easy_read.as_deref().expect("easy-read words");
    assert_contains(
        &normalise(&main_text(b).await),
        &normalise(easy),
        "the easy-read introduction",
    );
    assert_lacks(
        &normalise(&main_text(b).await),
        &normalise(&first.intro),
        "the standard introduction in easy-read",
    );
    go_on_to_heading(b, &safe.title).await;
    assert_contains(
        &normalise(&main_text(b).await),
        &normalise(safe.easy_read.as_deref().expect("easy-read words")),
        "the easy-read warning before the feeling-safe questions",
    );
    b.screenshot(&screenshot_path(
        "collect-introduction-safe-easy-read-phone",
    ))
    .await;
    assert_accessible(b, "the feeling-safe introduction in easy-read").await;

    // The next person is not handed the last one's choice: the welcome is in standard words.
    click_button(b, "For the practitioner: end collection").await;
    click_button(b, "Go back to the questions").await;
    b.wait_for_text("Before you start", QUICK).await;
    assert_eq!(
        is_checked(b, "easy-read").await,
        Some(false),
        "easy read is not ticked for the next person"
    );
    assert_contains(
        &normalise(&main_text(b).await),
        &standard(&notices.anonymity),
        "the standard anonymity statement for the next person",
    );
    finish(app).await;
}

/// The computed font size, in CSS pixels, of the first element matching `selector`.
async fn font_size(b: &common::browser::Browser, selector: &str) -> f64 {
    b.execute(
        "const e = document.querySelector(arguments[0]); \
         return e ? parseFloat(getComputedStyle(e).fontSize) : 0;",
        vec![json!(selector)],
    )
    .await
    .as_f64()
    .unwrap_or_default()
}

/// Fails when the page runs off the side of the window (a person would have to scroll sideways).
async fn assert_no_sideways_scrolling(b: &common::browser::Browser, what: &str) {
    let fits = b
        .execute(
            "return document.scrollingElement.scrollWidth <= window.innerWidth;",
            vec![],
        )
        .await;
    let wide = b
        .execute(
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 40));",
            vec![],
        )
        .await;
    assert_eq!(fits, json!(true), "{what} scrolls sideways: {wide}");
}

/// (13.2) "Larger text" enlarges everything a person reads (the question, the answers, the
/// crisis notice, the buttons), and with it on the screens still fit 320 CSS pixels (400% zoom)
/// without scrolling sideways.
#[tokio::test]
async fn larger_text_enlarges_everything_a_person_reads() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let questions = feedback_questions("feedback-service-user");
    let total = questions.len();
    let id = start_work(
        &app,
        "feedback-service-user",
        "Larger text",
        Some("South Team"),
    )
    .await;
    start_collecting(&app, &id, "9753", false).await;
    click_button(b, "Start").await;
    reach_question(b, 1, total).await;
    let first = &questions[0].0;
    let parts = [
        ("the question", ".one-question .question-text".to_owned()),
        (
            "an answer",
            format!("label[for={}]", option_id(first, AGREE)),
        ),
        ("the crisis notice", "aside.crisis".to_owned()),
        (
            "the Next button",
            "form.one-question button[type=submit]".to_owned(),
        ),
        ("the heading", "main h1".to_owned()),
    ];
    let mut before = Vec::new();
    for (_, selector) in &parts {
        before.push(font_size(b, selector).await);
    }
    click_button(b, "Larger text").await;
    wait_until(
        b,
        "return document.querySelector('.text-size').getAttribute('aria-pressed') === 'true';",
        vec![],
        QUICK,
        "larger text switched on",
    )
    .await;
    for ((what, selector), was) in parts.iter().zip(&before) {
        let now = font_size(b, selector).await;
        assert!(
            *was > 0.0 && now >= was * 1.15,
            "{what} ({selector}) was {was}px and is {now}px with larger text"
        );
    }

    // 400% zoom: 320 CSS pixels wide, with larger text on.
    b.client()
        .set_window_size(320, 256)
        .await
        .expect("resize the window");
    assert_no_sideways_scrolling(b, "a question with larger text at 400% zoom").await;
    b.screenshot(&screenshot_path("collect-question-larger-text-zoom-400"))
        .await;
    assert_accessible(b, "a question with larger text at 400% zoom").await;
    click_button(b, "For the practitioner: end collection").await;
    click_button(b, "Go back to the questions").await;
    b.wait_for_text("Before you start", QUICK).await;
    assert_no_sideways_scrolling(b, "the welcome screen with larger text at 400% zoom").await;
    b.screenshot(&screenshot_path("collect-welcome-larger-text-zoom-400"))
        .await;
    click_button(b, "Start").await;
    wait_until(
        b,
        "return !!document.querySelector('main form.one-question');",
        vec![],
        QUICK,
        "the first screen after Start",
    )
    .await;
    assert_no_sideways_scrolling(b, "the first screen after Start at 400% zoom").await;
    b.screenshot(&screenshot_path("collect-first-step-larger-text-zoom-400"))
        .await;
    finish(app).await;
}

/// (13.3) On a phone, once a person is answering, the crisis notice folds to one line, first on
/// the screen, that opens to the full text; the question's Next button is in view without
/// scrolling. On the welcome screen, and on a wide screen, the full notice shows.
#[tokio::test]
async fn on_a_phone_the_crisis_line_folds_and_next_is_in_view() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let questions = feedback_questions("feedback-service-user");
    let total = questions.len();
    let crisis = bundled_definition("feedback-service-user")
        .notices
        .crisis
        .expect("a crisis notice");
    let crisis = normalise(&crisis);
    let id = start_work(&app, "feedback-service-user", "Phone", Some("North Team")).await;
    b.client()
        .set_window_size(390, 844)
        .await
        .expect("resize the window");
    start_collecting(&app, &id, "1593", false).await;
    let crisis_shown =
        "return (document.querySelector('main aside.crisis') || {}).innerText || '';";
    let shown = b.execute(crisis_shown, vec![]).await;
    assert_contains(
        &normalise(shown.as_str().unwrap_or_default()),
        &crisis,
        "the welcome screen's full crisis notice",
    );

    click_button(b, "Start").await;
    reach_question(b, 1, total).await;
    let layout = b
        .execute(
            "const main = document.querySelector('main'); \
             const aside = main.querySelector('aside.crisis'); \
             const next = main.querySelector('form.one-question button[type=submit]'); \
             const toggle = aside && [...aside.querySelectorAll('button, summary')] \
               .find(e => e.innerText.trim() === 'Need help now?'); \
             const r = toggle ? toggle.getBoundingClientRect() : null; \
             return { first: main.firstElementChild === aside, \
                      toggle: !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight, \
                      expanded: toggle ? (toggle.getAttribute('aria-expanded') \
                        || String(!!toggle.closest('details[open]'))) : null, \
                      nextBottom: next ? next.getBoundingClientRect().bottom : null, \
                      height: innerHeight };",
            vec![],
        )
        .await;
    b.screenshot(&screenshot_path("collect-question-phone"))
        .await;
    assert_eq!(
        layout["first"],
        json!(true),
        "the crisis line is first: {layout}"
    );
    assert_eq!(
        layout["toggle"],
        json!(true),
        "a one-line “Need help now?” is in view: {layout}"
    );
    assert_eq!(layout["expanded"], json!("false"), "folded: {layout}");
    assert!(
        layout["nextBottom"]
            .as_f64()
            .is_some_and(|bottom| bottom <= layout["height"].as_f64().unwrap_or_default()),
        "the Next button is below the fold: {layout}"
    );
    assert_accessible(b, "a question on a phone with the crisis line folded").await;

    // Opening it shows the full notice.
    click_button(b, "Need help now?").await;
    wait_until(
        b,
        "return (document.querySelector('main aside.crisis').innerText || '').includes('Samaritans');",
        vec![],
        QUICK,
        "the full crisis notice opening",
    )
    .await;
    let shown = b.execute(crisis_shown, vec![]).await;
    assert_contains(
        &normalise(shown.as_str().unwrap_or_default()),
        &crisis,
        "the opened crisis notice",
    );
    b.screenshot(&screenshot_path("collect-question-phone-crisis-open"))
        .await;
    assert_accessible(b, "a question on a phone with the crisis line open").await;
    click_button(b, "Need help now?").await;

    // A wide screen shows the full notice without a button.
    b.client()
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");
    wait_until(
        b,
        "return (document.querySelector('main aside.crisis').innerText || '').includes('Samaritans');",
        vec![],
        QUICK,
        "the full crisis notice on a wide screen",
    )
    .await;
    finish(app).await;
}

/// An audit's results with a plan of several rows, on a desktop and on a phone: every table that
/// scrolls sideways can be reached and scrolled by keyboard (axe `scrollable-region-focusable`),
/// and names itself to screen readers.
#[tokio::test]
async fn results_with_a_plan_are_accessible_on_a_desktop_and_a_phone() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("planned-audit", "Planned audit", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-3", "developing")]);
    audit.plan = (0..4)
        .map(|n| {
            let mut row = plan_row(
                &format!("row-{n}"),
                "Agree a written statement of social work's contribution with the board",
            );
            row.lead = "Principal Social Worker".to_owned();
            row.partners = "Director of Adult Social Services; NHS trust lead".to_owned();
            row.success_measure = "Statement published and reviewed every year".to_owned();
            row.target_date = Some(date("2026-12-22"));
            row
        })
        .collect();
    seed_works(&app, &[&audit], "#/work/planned-audit/results").await;
    for (width, height, label) in [(1280, 900, "desktop"), (390, 844, "phone")] {
        b.client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        app.open("#/work/planned-audit/results").await;
        wait_for_heading(b, "Results: Planned audit").await;
        b.wait_for_text("Agree a written statement", DEFAULT_TIMEOUT)
            .await;
        let unnamed = b
            .execute(
                "return [...document.querySelectorAll('.table-wrap')]
                   .filter(w => w.scrollWidth > w.clientWidth)
                   .filter(w => w.tabIndex < 0 || !w.getAttribute('aria-label'))
                   .length;",
                vec![],
            )
            .await;
        assert_eq!(
            unnamed,
            json!(0),
            "at {label}, a table that scrolls sideways cannot be reached by keyboard or has no name"
        );
        assert_accessible(b, &format!("results with a plan, {label}")).await;
    }
    finish(app).await;
}

/// A collection's period can be set and changed on its own page: an end before the start is
/// refused with the dates in words, a good period is saved and shown in words.
#[tokio::test]
async fn a_collections_period_is_changed_on_its_page() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Period test",
        Some("North Team"),
    )
    .await;
    app.open(&format!("#/work/{id}")).await;
    b.wait_for_text(
        "Period: not set. Reports show the period when it is set.",
        DEFAULT_TIMEOUT,
    )
    .await;
    click(b, "details.period summary").await;
    let choose = |field: &'static str, day: &'static str| {
        b.execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
             e.dispatchEvent(new Event('input', { bubbles: true })); \
             e.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(field), json!(day)],
        )
    };
    choose("#period-start", "2026-12-01").await;
    choose("#period-end", "2026-11-01").await;
    click_button(b, "Save the period").await;
    b.wait_for_text(
        "The end of the period (1 November 2026) is before its start (1 December 2026)",
        QUICK,
    )
    .await;
    assert!(
        focus_is_on(b, "#period-end").await,
        "focus goes to the field to fix"
    );
    assert_accessible(b, "a collection's period with an error").await;
    choose("#period-start", "2026-10-01").await;
    click_button(b, "Save the period").await;
    b.wait_for_text("Period: 1 October 2026 to 1 November 2026", QUICK)
        .await;
    wait_for_saved(
        b,
        &id,
        "e.work.collection.period_start === '2026-10-01' && e.work.collection.period_end === '2026-11-01'",
        "the period",
    )
    .await;
    finish(app).await;
}

// =============================================================================================
// The plan: suggested actions, and counts under every box with a limit

/// A row proposed from a low-rated item starts with the item's suggested action: the proposal
/// names it, the Action box holds it once added, an edit typed in the middle of it is kept, and
/// the edit is still there after a reload. The plan page is looked at on a desktop and a phone.
#[tokio::test]
async fn a_proposed_row_starts_with_the_suggested_action_and_keeps_an_edit() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let suggested = definition
        .question("strat-1")
        .expect("strat-1")
        .proposed_action();
    let rest = suggested
        .strip_prefix("Ask")
        .expect("strat-1's suggested action starts with “Ask”");
    let mut audit = work("suggested-audit", "Suggested audit", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-3", "embedded")]);
    seed_works(&app, &[&audit], "#/work/suggested-audit/plan").await;
    wait_for_heading(b, "Improvement plan").await;
    b.wait_for_text(
        &format!("Suggested first step: {suggested}"),
        DEFAULT_TIMEOUT,
    )
    .await;
    b.screenshot(&screenshot_path("plan-suggested-action-proposed"))
        .await;

    click_button(b, "Add all proposed actions").await;
    let action = "#plan-q-strat-1-action";
    find(b, action).await;
    assert_eq!(value_at(b, action).await, suggested, "the Action box");
    click(b, action).await;
    press_with_control(b, Key::Home).await;
    press(b, &[Key::Right; 3]).await;
    type_text(b, " the head of service and").await;
    let edited = format!("Ask the head of service and{rest}");
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(value_at(b, action).await, edited, "the box after the edit");
    wait_for_saved(
        b,
        "suggested-audit",
        &format!(
            "e.work.plan[0] && e.work.plan[0].action === {}",
            json!(edited)
        ),
        "the edited action",
    )
    .await;

    reload(&app, "#/work/suggested-audit/plan").await;
    find(b, action).await;
    assert_eq!(value_at(b, action).await, edited, "the box after a reload");
    assert_lacks(
        &main_text(b).await,
        "Suggested first step",
        "the plan page once the item is in the plan",
    );
    for (width, height, label) in [(1280, 900, "desktop"), (390, 844, "phone")] {
        b.client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        app.open("#/work/suggested-audit/plan").await;
        find(b, action).await;
        b.execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![json!(action)],
        )
        .await;
        b.screenshot(&screenshot_path(&format!("plan-suggested-action-{label}")))
            .await;
        assert_accessible(b, &format!("a plan with a suggested action, {label}")).await;
    }
    finish(app).await;
}

/// The text boxes of a plan row and the home page's rename box count their characters. Typed
/// past the limit, the text stays in the box, the count says by how much it is over, what went
/// over is not saved, and screen readers hear it politely once (not at every key press); back
/// within the limit, it is saved. A name over its limit is refused with a message.
#[tokio::test]
async fn plan_and_rename_boxes_count_their_characters() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "count-plan",
        "Count plan",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![plan_row("row-1", "Agree a supervision standard")];
    seed_works(&app, &[&audit], "#/work/count-plan/plan").await;
    find(b, "#plan-row-1-action").await;
    // Each written box names its count; the count itself is not a live region.
    let counts = b
        .execute(
            "return ['action', 'lead', 'partners', 'successmeasure'].map(f => { \
               const box = document.getElementById('plan-row-1-' + f); \
               const count = document.getElementById('plan-row-1-' + f + '-count'); \
               return [f, !!count && (box.getAttribute('aria-describedby') || '').split(' ') \
                 .includes(count.id), count ? count.innerText : '', \
                 count ? count.getAttribute('aria-live') : 'no count']; });",
            vec![],
        )
        .await;
    assert_eq!(
        counts,
        json!([
            ["action", true, "You have 1,972 characters left", null],
            ["lead", true, "You have 2,000 characters left", null],
            ["partners", true, "You have 2,000 characters left", null],
            [
                "successmeasure",
                true,
                "You have 2,000 characters left",
                null
            ]
        ])
    );
    let announced = || async {
        b.execute(
            "const s = document.getElementById('plan-row-1-lead-count-status'); \
             return s ? [s.getAttribute('aria-live'), s.innerText.trim()] : null;",
            vec![],
        )
        .await
    };
    click(b, "#plan-row-1-lead").await;
    type_text(b, "Team").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(
        announced().await,
        json!(["polite", ""]),
        "nothing is announced while the text is within its limit"
    );
    let filler = "x".repeat(1_990);
    common::probe::cdp(b, "Input.insertText", json!({ "text": filler })).await;
    type_text(b, " leads!").await; // 4 + 1,990 + 7 = 2,001
    b.wait_for_text(
        "You have 1 character too many: shorten it to 2,000 or fewer. Until then it is not saved",
        QUICK,
    )
    .await;
    assert_eq!(
        announced().await,
        json!([
            "polite",
            "The text is over the limit of 2,000 characters, so it is not saved until it is shortened."
        ])
    );
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        value_at(b, "#plan-row-1-lead").await.chars().count(),
        2_001,
        "the whole text stays in the box"
    );
    assert_eq!(
        saved_work(b, "count-plan").await.plan[0].lead,
        format!("Team{filler} leads"),
        "what was typed past the limit is not saved"
    );
    assert_accessible(b, "a plan with a box over its limit").await;
    press(b, &[Key::Backspace; 2]).await;
    b.wait_for_text("You have 1 character left", QUICK).await;
    wait_for_saved(
        b,
        "count-plan",
        "e.work.plan[0].lead.length === 1999",
        "the shortened lead",
    )
    .await;
    assert_eq!(
        announced().await,
        json!([
            "polite",
            "The text is within the limit of 2,000 characters again."
        ])
    );

    app.open("#/").await;
    click_text(b, "Rename").await;
    fill(b, "#rename-count-plan", &"N".repeat(201)).await;
    b.wait_for_text(
        "You have 1 character too many: shorten it to 200 or fewer. Until then it is not saved",
        QUICK,
    )
    .await;
    click_button(b, "Save name").await;
    b.wait_for_text("Shorten the name to 200 characters or fewer", QUICK)
        .await;
    assert_accessible(b, "the rename box with a name over its limit").await;
    b.screenshot(&screenshot_path("home-rename-over-limit"))
        .await;
    assert_eq!(saved_work(b, "count-plan").await.name, "Count plan");
    click(b, "#rename-count-plan").await;
    select_all(b).await;
    type_text(b, "Counted plan").await;
    click_button(b, "Save name").await;
    wait_for_saved(
        b,
        "count-plan",
        "e.work.name === 'Counted plan'",
        "the new name",
    )
    .await;
    // The list is drawn again with the new name; focus goes back to the work's Rename button.
    wait_until(
        b,
        "return document.activeElement && document.activeElement.id === 'rename-button-count-plan';",
        vec![],
        QUICK,
        "focus back on the renamed work's Rename button",
    )
    .await;
    finish(app).await;
}

// =============================================================================================
// Issue 14: Welsh and English, the active offer in collection mode

/// The page's `<html lang>`.
async fn page_lang(b: &common::browser::Browser) -> String {
    b.execute("return document.documentElement.lang;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A Welsh-first collection: the practitioner sets the offer on the collection's page (which
/// says the Welsh is unchecked); the first screen is the bilingual welcome, Cymraeg first; the
/// person chooses Cymraeg, answers two questions, switches to English half way without losing
/// either answer, and sends. The report counts the answer with four given in English, and
/// `<html lang>` is `cy` while Welsh is shown.
#[tokio::test]
async fn a_welsh_first_collection_is_answered_in_welsh_and_english() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let questions = feedback_questions("feedback-service-user");
    let total = questions.len();
    let mut collection = work("welsh-feedback", "Welsh feedback", &definition);
    if let Some(c) = collection.collection.as_mut() {
        c.about = "Tîm y Gogledd".to_owned();
        c.responses = four_responses("english");
    }
    seed_works(&app, &[&collection], "#/work/welsh-feedback").await;
    wait_for_heading_exact(b, "Welsh feedback").await;
    b.wait_for_text("Languages: English only", DEFAULT_TIMEOUT)
        .await;
    click(b, "details.language-offer summary").await;
    assert_contains(
        &main_text(b).await,
        "The Welsh has not yet been checked by a Welsh speaker.",
        "the language offer",
    );
    click(b, "#language-offer-welsh_first").await;
    click_button(b, "Save the languages").await;
    b.wait_for_text("The languages are changed.", QUICK).await;
    wait_for_saved(
        b,
        "welsh-feedback",
        "e.work.collection.language_offer === 'welsh_first'",
        "the language offer",
    )
    .await;
    assert_accessible(b, "a collection offered in Welsh first").await;

    b.client()
        .set_window_size(390, 844)
        .await
        .expect("a phone-sized window");
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    assert_eq!(page_lang(b).await, "en-GB", "the practitioner's set-up");
    fill(b, "#kiosk-code", "2468").await;
    click_button(b, "Start collecting").await;

    // The bilingual welcome, before anything else: Cymraeg first.
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    let parts = b
        .execute(
            "return [...document.querySelectorAll('.language-choice')].map(p => [p.lang, p.querySelector('button').innerText.trim()]);",
            vec![],
        )
        .await;
    assert_eq!(
        parts,
        json!([["cy", "Cymraeg"], ["en-GB", "English"]]),
        "Cymraeg first, each part in its own language"
    );
    assert_eq!(page_lang(b).await, "cy");
    // The crisis notice, before a language is chosen, is in both, each part marked.
    let crisis = b
        .execute(
            "return [...document.querySelectorAll('.crisis p')].map(p => [p.lang, p.querySelector('.crisis-label').innerText.trim()]);",
            vec![],
        )
        .await;
    assert_eq!(
        crisis,
        json!([["cy", "Angen help nawr?"], ["en-GB", "Need help now?"]]),
        "the crisis notice in every language offered"
    );
    b.screenshot(&screenshot_path("collect-welsh-welcome-phone"))
        .await;
    assert_accessible(b, "the bilingual welcome").await;

    click_button(b, "Cymraeg").await;
    wait_for_heading_exact(b, "Eich profiad o waith cymdeithasol").await;
    let welcome = main_text(b).await;
    assert_contains(&welcome, "Cyn i chi ddechrau", "the Welsh welcome");
    assert_contains(&welcome, "Mae 27 o gwestiynau.", "the Welsh welcome");
    assert_contains(&welcome, "Angen help nawr?", "the crisis notice in Welsh");
    assert_contains(&welcome, "GIG 111 Cymru", "the Welsh crisis lines");
    assert_eq!(page_lang(b).await, "cy");
    // The frame speaks the page's language too: nothing in English is read as Welsh.
    let header = b
        .execute(
            "return document.querySelector('.site-header').innerText;",
            vec![],
        )
        .await;
    let header = header.as_str().unwrap_or_default();
    assert_contains(
        header,
        "Dywedwch wrthym am eich profiad",
        "the header in Welsh",
    );
    assert_contains(header, "Testun mwy", "the header in Welsh");
    assert_accessible(b, "the welcome in Welsh").await;
    click_button(b, "Dechrau").await;
    wait_for_heading_exact(b, "Chi a’ch gweithiwr cymdeithasol").await;
    click_button(b, "Nesaf").await;
    wait_for_heading_exact(b, &format!("Cwestiwn 1 o {total}")).await;
    assert_contains(
        &main_text(b).await,
        "Roedd fy ngweithiwr cymdeithasol yn fy nhrin â pharch.",
        "the first question in Welsh",
    );
    let (first, second) = (&questions[0].0, &questions[1].0);
    click(b, &format!("#{}", option_id(first, AGREE))).await;
    b.screenshot(&screenshot_path("collect-welsh-question-phone"))
        .await;
    assert_accessible(b, "a question in Welsh").await;
    click_button(b, "Nesaf").await;
    wait_for_heading_exact(b, &format!("Cwestiwn 2 o {total}")).await;
    click(b, &format!("#{}", option_id(second, DISAGREE))).await;

    // Half way, to English: the same screen, the answer still chosen.
    click(b, "nav.language-switch button").await;
    wait_for_heading_exact(b, &format!("Question 2 of {total}")).await;
    assert_eq!(page_lang(b).await, "en-GB");
    assert_eq!(
        is_checked(b, &option_id(second, DISAGREE)).await,
        Some(true)
    );
    assert_contains(
        &main_text(b).await,
        "My social worker listened to me.",
        "the second question in English",
    );
    click_button(b, "Back").await;
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    assert_eq!(is_checked(b, &option_id(first, AGREE)).await, Some(true));
    click_button(b, "Next").await;
    for number in 2..=total {
        reach_question(b, number, total).await;
        let label = match number {
            2 => "Next",
            n if n == total => "Send my answers",
            _ => "Skip this question",
        };
        click_button(b, label).await;
    }
    wait_for_heading_exact(b, "Thank you").await;
    // The next person starts at the bilingual welcome again, in Welsh first.
    click_button(b, "Start again for the next person").await;
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    assert_eq!(page_lang(b).await, "cy");
    b.client()
        .set_window_size(1280, 900)
        .await
        .expect("a desktop window");
    end_collecting(&app, "welsh-feedback", "2468").await;
    assert_eq!(
        page_lang(b).await,
        "en-GB",
        "back to English after collection"
    );

    let responses = saved_work(b, "welsh-feedback")
        .await
        .collection
        .expect("a collection")
        .responses;
    assert_eq!(responses.len(), 5);
    let welsh = responses
        .iter()
        .find(|r| !r.id.as_str().starts_with("english"))
        .expect("the response given in Welsh");
    let chosen = |id: &str| welsh.answers.item(id).and_then(|i| i.answer.clone());
    assert_eq!(chosen(first), Some(Answer::Choice("agree".into())));
    assert_eq!(chosen(second), Some(Answer::Choice("disagree".into())));
    assert_contains(
        &main_text(b).await,
        &mhsw::report::collection_size(5),
        "the collection counts the Welsh response with the English ones",
    );
    app.open("#/work/welsh-feedback/results").await;
    wait_for_heading_exact(b, "Results: Welsh feedback").await;
    // A Welsh-first collection's report starts in Cymraeg; the five count together either way.
    assert_eq!(is_checked(b, "report-language-cy").await, Some(true));
    b.wait_for_text("Cafwyd 5 o ymatebion", DEFAULT_TIMEOUT)
        .await;
    click(b, "label[for='report-language-en']").await;
    b.wait_for_text("5 responses received", DEFAULT_TIMEOUT)
        .await;
    let report = main_text(b).await;
    assert_lacks(&report, "Not enough responses to show", "five responses");
    assert_contains(&report, "By question", "five responses");
    finish(app).await;
}

// =============================================================================================
// The sweep: every journey at 200% and 400% zoom, with the Back button, axe on every screen

/// Types "Hello world" into the box matching `selector`, moves the cursor back five characters
/// and types "big " there, as a person correcting a sentence does; returns the box's text.
async fn type_with_an_edit_in_the_middle(b: &common::browser::Browser, selector: &str) -> String {
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
        .section("strategy")
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
    wait_for_heading_exact(b, "Results: Sweep statement").await;
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

/// The paper form of a Welsh-first collection (rule B1 of `mhsw::paper`): it prints Welsh and
/// English side by side by default, Welsh on the left, each part with its own `lang`; it can
/// print them one after the other, or either language alone; the page says the Welsh is not yet
/// checked; the printed PDF (Chromium's own print) holds the words of the layout chosen. An
/// English-only collection offers no choice.
#[tokio::test]
async fn a_welsh_first_collections_paper_form_prints_in_welsh_and_english() {
    use mhsw::lang::Lang;
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let (_, first) = definition.questions().next().expect("a first question");
    let (welsh, english) = (first.text.get(Lang::Cy), first.text.get(Lang::En));
    assert_ne!(welsh, english, "the first question is in Welsh and English");
    let mut collection = work("welsh-paper", "Welsh paper", &definition);
    if let Some(c) = collection.collection.as_mut() {
        c.about = "Tîm y Gogledd".to_owned();
        c.language_offer = mhsw::work::LanguageOffer::WelshFirst;
    }
    let mut english_only = work("english-paper", "English paper", &definition);
    if let Some(c) = english_only.collection.as_mut() {
        c.about = "North Team".to_owned();
    }
    seed_works(
        &app,
        &[&collection, &english_only],
        "#/work/welsh-paper/paper",
    )
    .await;
    find(b, ".paper-question").await;
    assert_eq!(
        is_checked(b, "paper-layout-cy-en-side").await,
        Some(true),
        "side by side is the default"
    );
    assert_contains(
        &main_text(b).await,
        "The Welsh on this form has not yet been checked by a Welsh speaker.",
        "the paper page",
    );
    // Where the first question's two parts sit, and what each says.
    let parts = || async {
        b.execute(
            "const article = document.querySelector('article.paper-form'); \
             const parts = [...document.querySelector('.paper-question p').querySelectorAll('[lang]')]; \
             return { lang: article.lang, class: article.className, parts: parts.map(p => { \
               const r = p.getBoundingClientRect(); \
               return { lang: p.lang, text: p.innerText, left: r.left, top: r.top }; }) };",
            vec![],
        )
        .await
    };
    let side = parts().await;
    assert_eq!(side["lang"], "cy", "{side}");
    assert_eq!(side["parts"][0]["lang"], "cy", "{side}");
    assert_eq!(side["parts"][0]["text"], welsh, "{side}");
    assert_eq!(side["parts"][1]["lang"], "en-GB", "{side}");
    assert_eq!(side["parts"][1]["text"], english, "{side}");
    let (welsh_part, english_part) = (&side["parts"][0], &side["parts"][1]);
    assert!(
        english_part["left"].as_f64() > welsh_part["left"].as_f64()
            && english_part["top"] == welsh_part["top"],
        "side by side, Welsh on the left: {side}"
    );
    assert_accessible(b, "a bilingual paper form").await;
    b.screenshot(&screenshot_path("journeys/paper-welsh-side-by-side"))
        .await;
    let printed = print_to_text(b, "journeys/paper-welsh-side-by-side-printed").await;
    assert_contains(&printed, "Angen help nawr?", "the printed bilingual form");
    assert_contains(&printed, "Need help now?", "the printed bilingual form");
    assert!(
        !printed.contains("Print in"),
        "the choice is not printed: {printed}"
    );

    click(b, "#paper-layout-cy-en-stacked").await;
    let stacked = parts().await;
    assert!(
        stacked["parts"][1]["top"].as_f64() > stacked["parts"][0]["top"].as_f64()
            && stacked["parts"][1]["left"] == stacked["parts"][0]["left"],
        "one after the other, Welsh first: {stacked}"
    );

    click(b, "#paper-layout-cy").await;
    let welsh_only = parts().await;
    assert_eq!(welsh_only["lang"], "cy", "{welsh_only}");
    assert_eq!(
        welsh_only["parts"].as_array().map(Vec::len),
        Some(1),
        "{welsh_only}"
    );
    let printed = print_to_text(b, "journeys/paper-welsh-only-printed").await;
    assert_contains(&printed, "Angen help nawr?", "the printed Welsh form");
    assert!(
        !printed.contains("Need help now?") && !printed.contains(english),
        "no English on the Welsh form: {printed}"
    );
    b.screenshot(&screenshot_path("journeys/paper-welsh-only"))
        .await;

    click(b, "#paper-layout-en").await;
    let english_form = parts().await;
    assert_eq!(english_form["lang"], "en-GB", "{english_form}");
    assert!(
        !main_text(b).await.contains("not yet been checked"),
        "no note about the Welsh on an English form"
    );

    b.goto(&app.route_url("#/work/english-paper/paper")).await;
    find(b, ".paper-question").await;
    let choices = b
        .execute(
            "return document.querySelectorAll('input[name=paper-layout]').length;",
            vec![],
        )
        .await;
    assert_eq!(
        choices,
        json!(0),
        "an English-only collection prints in English"
    );
    finish(app).await;
}

/// The page printed by Chromium itself (`Page.printToPDF`, print styles applied), as
/// `pdftotext` reads it; the PDF is kept beside the screenshots as `name`.pdf, to look at.
async fn print_to_text(b: &common::browser::Browser, name: &str) -> String {
    let printed = b.cdp("Page.printToPDF", json!({})).await;
    let data = printed["data"].as_str().expect("a printed PDF");
    let dir = std::env::temp_dir().join(format!("mhsw-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the printed page");
    let (encoded, pdf) = (dir.join("printed.b64"), dir.join("printed.pdf"));
    std::fs::write(&encoded, data).expect("write the printed page");
    let decoded = std::process::Command::new("base64")
        .arg("-d")
        .arg(&encoded)
        .output()
        .expect("base64 runs");
    std::fs::write(&pdf, decoded.stdout).expect("write the printed page");
    let output = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let kept = screenshot_path(name).with_extension("pdf");
    let _ = std::fs::copy(&pdf, kept);
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Comparing an audit with peers, as a lead would: a file that is not a reference set is
/// refused and changes nothing; a set made with `mhsw peers` from six organisations' audits is
/// imported, the results show where the organisation stands, and stay after a reload and after
/// Back; the page fits a phone, 200% and 400% zoom with axe clean; stopping the comparison
/// removes it and leaves focus where a keyboard user can go on, not on the page itself.
#[tokio::test]
async fn an_audit_is_compared_with_peers_and_the_comparison_can_be_stopped() {
    use common::finished_audit::{audit_work, AUDIT_ID};
    use mhsw::benchmark::peers::{
        build_peer_set, export_peer_set, OrganisationType, PeerNation, PeerSource,
    };
    let app = TestApp::start().await;
    let b = &app.browser;
    let (definition, audit) = audit_work();
    let others: Vec<_> = ["Aby", "Bee", "Cee", "Dee", "Eee", "Fff"]
        .iter()
        .map(|name| {
            let mut other = audit.clone();
            other.id = mhsw::ids::WorkId::new(format!("peer-{name}"));
            other.organisation = format!("{name} Council");
            other
        })
        .collect();
    let sources: Vec<_> = others
        .iter()
        .map(|work| PeerSource {
            work,
            organisation_type: Some(OrganisationType::Council),
            nation: Some(PeerNation::England),
        })
        .collect();
    let built = build_peer_set(&definition, &sources).expect("a reference set");
    let set = temp_file("peers.json", &export_peer_set(&built.set));
    let not_a_set = temp_file("minutes.json", "{\"meeting\": \"October\"}");
    seed_works(&app, &[&audit], &format!("#/work/{AUDIT_ID}/results")).await;
    find(b, "#peer-file").await;

    choose_files(b, "#peer-file", &[not_a_set.path.as_path()]).await;
    b.wait_for_text(
        "The peer reference set was not imported, and nothing changed",
        DEFAULT_TIMEOUT,
    )
    .await;
    assert!(
        !main_text(b).await.contains("Compared with peers"),
        "a refused file adds no comparison"
    );

    choose_files(b, "#peer-file", &[set.path.as_path()]).await;
    b.wait_for_text("The peer reference set was imported.", DEFAULT_TIMEOUT)
        .await;
    b.wait_for_text("Compared with peers", DEFAULT_TIMEOUT)
        .await;
    let shown = main_text(b).await;
    assert_contains(&shown, "6 organisations", "the peer comparison");
    // The workforce figures (numbers, never scored) are set beside the peers' medians too.
    assert_contains(&shown, "Peer median", "the workforce profile beside peers");

    reload(&app, &format!("#/work/{AUDIT_ID}/results")).await;
    b.wait_for_text("Compared with peers", DEFAULT_TIMEOUT)
        .await;
    for (width, height, label) in [(390, 844, "phone"), (320, 256, "zoom-400")] {
        b.client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        scroll_to_heading(b, "Compared with peers").await;
        check_screen(b, &format!("peers-{label}")).await;
    }
    b.client()
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");
    set_zoom(b, 200).await;
    scroll_to_heading(b, "Compared with peers").await;
    check_screen(b, "peers-zoom-200").await;
    set_zoom(b, 100).await;

    // To the audit's contents by its breadcrumb, and Back: the comparison is still there.
    let results_heading = format!("Results: {}", audit.name);
    click(b, &format!("p.breadcrumb a[href='#/work/{AUDIT_ID}']")).await;
    wait_for_heading_exact(b, &audit.name).await;
    go_back(b, &results_heading).await;
    b.wait_for_text("Compared with peers", DEFAULT_TIMEOUT)
        .await;

    click_text(b, "Stop comparing with peers").await;
    wait_for_text_gone(b, "Compared with peers").await;
    wait_until(
        b,
        "const e = document.activeElement; \
         return !!e && e !== document.body && e !== document.documentElement;",
        vec![],
        QUICK,
        "focus going somewhere after the comparison was stopped (not to the page itself)",
    )
    .await;
    reload(&app, &format!("#/work/{AUDIT_ID}/results")).await;
    find(b, "#peer-file").await;
    assert!(
        !main_text(b).await.contains("Compared with peers"),
        "the comparison stays stopped after a reload"
    );
    finish(app).await;
}
