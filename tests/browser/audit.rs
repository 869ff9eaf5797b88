//! Self-assessments: a whole audit by keyboard alone, answers surviving a reload, last cycle
//! and peers compared, a damaged saved entry, full storage, bad files, legal risks, figures.

use crate::prelude::*;

/// A whole audit by keyboard: Tab, arrow keys, Space and Enter only (no clicks), from the home
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
    let strategy = definition
        .section(&"strategy".into())
        .expect("a strategy section");
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
        .section(&"leadership".into())
        .expect("a leadership section");
    wait_for_heading_exact(b, &next.title).await;

    // Back to the contents, then the results.
    tab_to(b, ".section-form .button-row a", 80).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading_exact(b, "Keyboard audit 2026").await;
    let contents = main_text(b).await;
    assert_contains(
        &contents,
        "Complete: both answered",
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
        stored
            .responses
            .item(&"strat-1".into())
            .and_then(|i| i.priority),
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

/// After the error summary has appeared, answering one of the listed questions must leave
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

/// Half a section answered, the page reloaded: every answer, note and priority is back.
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

/// Last cycle's audit exported to a file, removed, imported again, then compared with this
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
        .question(&"strat-1".into())
        .expect("strat-1")
        .text
        .clone();
    assert_contains(&after, &strat_1, "the list of questions rated higher");
    assert_accessible(b, "an audit's results compared with a previous cycle").await;
    finish(app).await;
}

/// Changes the stored text of the work `damaged-audit` behind the app's back (its name's last
/// letter), leaving its checksum as it was: a record damaged since it was written.
async fn change_damaged_audit_record(b: &common::browser::Browser) {
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
}

/// A damaged saved entry is read the long way, by the part of the app that says what is wrong
/// with it (`split_problems`). When that part cannot be downloaded, nothing is read, moved or
/// removed, and the page says so in words, not "saved" or an empty list.
#[tokio::test]
async fn a_damaged_entry_is_left_in_place_when_the_part_that_reads_it_cannot_be_downloaded() {
    let app = TestApp::start_hiding(&["/split_problems.wasm"]).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let definition = bundled_definition("self-assessment");
    let kept = work("kept-audit", "Kept audit", &definition);
    let damaged = work("damaged-audit", "Damaged audit", &definition);
    seed_works(&app, &[&kept, &damaged], "#/").await;
    b.wait_for_text("Damaged audit", DEFAULT_TIMEOUT).await;
    wait_for_saved(
        b,
        "damaged-audit",
        "true",
        "the audit moving into the work store",
    )
    .await;
    change_damaged_audit_record(b).await;
    reload(&app, "#/").await;
    b.wait_for_text("could not be opened", DEFAULT_TIMEOUT)
        .await;
    let home = b.body_text().await;
    assert_contains(
        &home,
        "a part of the toolkit needed to read it could not be downloaded. Nothing has been changed or removed",
        "what happened, and that nothing was lost",
    );
    assert_lacks(&home, "Nothing is being saved", "the store still saves");
    assert_lacks(
        &home,
        "Saved work that could not be read",
        "nothing moved aside",
    );
    assert!(stored_aside(b).await.is_empty(), "nothing kept aside");
    let mut ids = stored_work_ids(b).await;
    ids.sort();
    assert_eq!(
        ids,
        ["damaged-audit", "kept-audit"],
        "both records left where they were"
    );
    b.screenshot(&screenshot_path("home-saved-work-not-opened"))
        .await;
    assert_accessible(b, "the home page when saved work could not be opened").await;
    // The failed download of the part is the browser's own console error.
    finish_allowing(app, &["split_problems", "HTTP status code is not ok"]).await;
}

/// A damaged saved entry is kept aside, listed with a download, and nothing else is lost.
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
    change_damaged_audit_record(b).await;
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

/// Storage full: the change stays on screen, the user is told it was not saved and is offered
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
    assert!(saved_work(b, &id)
        .await
        .responses
        .item(&"strat-3".into())
        .is_none());
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
            .item(&"strat-3".into())
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
            .item(&"strat-3".into())
            .and_then(|i| i.answer.clone()),
        Some(Answer::Choice("embedded".into()))
    );
    finish(app).await;
}

/// Storage full: with a change shown as "Not saved", closing the tab would lose it, so the
/// page has the browser ask first; once room is made and the next change says "Saved", leaving
/// asks nothing.
#[tokio::test]
async fn with_storage_full_leaving_asks_until_the_change_is_saved() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Full leave", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1").await;
    wait_for_saved(b, &id, "e.work.responses['strat-1']", "the first answer").await;
    assert!(!asks_before_leaving(b).await, "everything saved");
    fill_storage(b).await;
    click(b, "#q-strat-3-3").await;
    b.wait_for_text("Not saved:", QUICK).await;
    assert!(
        asks_before_leaving(b).await,
        "a change the full store refused, and leaving would not ask"
    );
    make_room(b).await;
    click(b, "#q-strat-3-2").await;
    b.wait_for_text("Saved on this device at", QUICK).await;
    assert!(
        !asks_before_leaving(b).await,
        "everything saved once there was room, yet leaving would ask"
    );
    finish_allowing(app, &["QuotaExceeded", "quota"]).await;
}

/// A change made further down a section that cannot be saved: the warning must be seen
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

/// A file that is not JSON, JSON that is not work, work for a questionnaire that is not here,
/// and work answering one question twice: each is refused with a message naming the problem,
/// and nothing changes.
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
    // One question answered twice: JSON would keep only the last answer.
    let mut answered = existing.clone();
    answered.id = "answered-twice".into();
    answered.responses = choices(&[("strat-1", "established"), ("strat-2", "developing")]);
    let mut twice = export_work(&answered);
    let (first, second) = (
        twice.find("\"strat-1\"").expect("strat-1"),
        twice.find("\"strat-2\"").expect("strat-2"),
    );
    let again = twice[first..second].replace("established", "embedded");
    twice.insert_str(second, &again);
    let cases = [
        (
            "not-json.json",
            "{ \"format\": \"mhsw-work\", \"name\": }".to_owned(),
            "not-json.json was not imported, and nothing was changed: the file is not valid JSON (line 1, column",
        ),
        (
            "cut-off.json",
            "{ \"format\": \"mhsw-work\",\n  \"name\": ".to_owned(),
            "cut-off.json was not imported, and nothing was changed: the file ends before its contents are complete (at line 2): it may have been cut short when it was copied or downloaded. Fix: export it again, or copy the whole file again",
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
        (
            "answered-twice.json",
            twice,
            "answered-twice.json was not imported, and nothing was changed: the file has a problem at `responses`: the key `strat-1` is written twice",
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

/// Statutory minimums (S19): an audit rating AMHP approval "Developing" and refresher
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
    let approval = definition
        .question(&"re-8".into())
        .expect("re-8")
        .text
        .to_string();
    let training = definition
        .question(&"re-3".into())
        .expect("re-3")
        .text
        .to_string();
    let registration = definition
        .question(&"wf-5".into())
        .expect("wf-5")
        .text
        .to_string();
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

/// A workforce figure typed as a person types it. The box shows its unit as text and
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

/// A figure that is not one the question accepts never passes silently, and never costs the
/// figure already saved: typed over a saved 12.5, `1,200` is refused in words while 12.5 stays
/// saved (and says so); "Save and continue" with that and `abc` in another box stays on the
/// page with the error summary, whose links lead to each box; once both are put right, it goes
/// on, and the new figure is what was saved.
#[tokio::test]
async fn save_and_continue_stops_at_a_figure_that_is_not_a_number_and_keeps_the_saved_one() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let settle = || tokio::time::sleep(Duration::from_millis(300));
    let id = start_work(&app, "self-assessment", "Figures kept 2026", None).await;
    app.open(&format!("#/work/{id}/section/workforce-profile"))
        .await;
    wait_for_heading_exact(b, "Workforce profile").await;
    click(b, "#q-wp-1").await;
    type_text(b, "12.5").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['wp-1'] && e.work.responses['wp-1'].answer.number === '12.5'",
        "the first figure",
    )
    .await;

    // Typed over: every key press goes through the box as a person types it.
    click(b, "#q-wp-2").await;
    click(b, "#q-wp-1").await;
    select_all(b).await;
    type_text(b, "1,200").await;
    b.wait_for_text(
        "Enter 1200 without a comma, or use a full stop for decimals (1.2)",
        QUICK,
    )
    .await;
    b.wait_for_text("Still saved: 12.5", QUICK).await;
    click(b, "#q-wp-2").await;
    type_text(b, "abc").await;
    b.wait_for_text("Enter a number using digits", QUICK).await;
    settle().await;
    let stored = stored_envelope(b, &id).await.expect("the work is saved");
    assert_eq!(
        (&stored["work"]["responses"]["wp-1"]["answer"]["number"], &stored["work"]["responses"]["wp-2"]),
        (&json!("12.5"), &Value::Null),
        "the saved figure is kept while its box holds one that is not accepted, and nothing is saved for `abc`"
    );

    click_button(b, "Save and continue").await;
    b.wait_for_text("There is a problem", QUICK).await;
    settle().await;
    assert!(
        current_hash(b)
            .await
            .ends_with("/section/workforce-profile"),
        "Save and continue stayed on the section, at {}",
        current_hash(b).await
    );
    assert_eq!(
        b.execute(
            "return Array.from(document.querySelectorAll('.error-summary a')).map(a => [a.getAttribute('href'), a.textContent]);",
            vec![],
        )
        .await,
        json!([
            ["#q-wp-1", "Registered social workers working in your mental health services, in full-time equivalent posts: Enter 1200 without a comma, or use a full stop for decimals (1.2)"],
            ["#q-wp-2", "Vacant social work posts in your mental health services, in full-time equivalent posts: Enter a number using digits, for example 12 or 12.5"]
        ]),
        "the summary names each box and what to do"
    );
    assert!(
        focus_is_on(b, ".error-summary").await,
        "focus moves to the summary; it is on {}",
        focused(b).await
    );
    check_screen(b, "workforce-profile-summary").await;

    // Put right: the summary empties as each box is, and the page goes on.
    click(b, ".error-summary a[href='#q-wp-2']").await;
    assert!(focus_is_on(b, "#q-wp-2").await, "the link leads to the box");
    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    click(b, "#q-wp-1").await;
    select_all(b).await;
    type_text(b, "1200").await;
    wait_for_text_gone(b, "There is a problem").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['wp-1'] && e.work.responses['wp-1'].answer.number === '1200' && !e.work.responses['wp-2']",
        "the corrected figure",
    )
    .await;
    click_button(b, "Save and continue").await;
    wait_for_heading_exact(b, "Figures kept 2026").await;
    finish(app).await;
}

/// "Section 2 of 16" counts what the contents list: for an organisation in England only, the
/// Wales section is hidden and not counted; once the organisation works in Wales it is, and
/// every page's count follows.
#[tokio::test]
async fn the_section_count_counts_only_the_sections_shown() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Counted 2026", None).await;
    let count_on = |section: &'static str| {
        let id = id.clone();
        let app = &app;
        async move {
            app.open(&format!("#/work/{id}/section/{section}")).await;
            find(&app.browser, "form.section-form").await;
            app.browser
                .text_of(
                    "const c = document.querySelector('.section-count'); return c ? c.textContent : '(none)';",
                    vec![],
                )
                .await
        }
    };
    app.open(&format!("#/work/{id}/section/about")).await;
    click(b, &format!("#{}", option_id("about-2", 0))).await;
    wait_for_saved(b, &id, "e.work.responses['about-2']", "England only").await;
    app.open(&format!("#/work/{id}")).await;
    b.wait_for_text("Workforce profile", DEFAULT_TIMEOUT).await;
    let listed = b
        .execute(
            "return document.querySelectorAll('main a[href*=\"/section/\"]').length;",
            vec![],
        )
        .await;
    assert_eq!(listed, json!(16), "the contents, for England only");
    assert_eq!(count_on("strategy").await, "Section 2 of 16");
    assert_eq!(count_on("workforce-profile").await, "Section 16 of 16");
    assert_eq!(
        count_on("wales").await,
        "(none)",
        "a hidden section has no place to give"
    );

    app.open(&format!("#/work/{id}/section/about")).await;
    click(b, &format!("#{}", option_id("about-2", 2))).await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['about-2'].answer.choice === 'both'",
        "England and Wales",
    )
    .await;
    assert_eq!(count_on("wales").await, "Section 16 of 17");
    assert_eq!(count_on("workforce-profile").await, "Section 17 of 17");
    finish(app).await;
}

/// Comparing an audit with peers, as a lead would: a file that is not a reference set is
/// refused and changes nothing; a set made with `mhsw peers` from six organisations' audits is
/// imported, the results show where the organisation stands, and stay after a reload and after
/// Back; the page fits a phone, 200% and 400% zoom with axe clean; stopping the comparison
/// removes it and leaves focus where a keyboard user can go on, not on the page itself.
#[tokio::test]
async fn an_audit_is_compared_with_peers_and_the_comparison_can_be_stopped() {
    use common::finished_audit::{audit_work, AUDIT_ID};
    let app = TestApp::start().await;
    let b = &app.browser;
    let (definition, audit) = audit_work();
    let set = temp_file(
        "peers.json",
        &common::finished_audit::six_council_peer_set(&definition, &audit),
    );
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
    // An exported piece of work, the JSON file a lead most often has to hand, is named for
    // what it is (it got a parser's "unknown field `id`"), beside the chooser.
    let exported = temp_file("our-audit.json", &export_work(&audit));
    choose_files(b, "#peer-file", &[exported.path.as_path()]).await;
    wait_until(
        b,
        "const s = document.querySelector('.field:has(#peer-file) > [role=status]'); \
         return !!s && s.innerText.includes('nothing changed: the file is work exported from this toolkit, not a peer reference set');",
        vec![],
        DEFAULT_TIMEOUT,
        "the peer field saying the file is exported work",
    )
    .await;
    assert_lacks(
        &main_text(b).await,
        "unknown field",
        "the page after an exported work was chosen as peers",
    );

    choose_files(b, "#peer-file", &[set.path.as_path()]).await;
    b.wait_for_text("The peer reference set was imported.", DEFAULT_TIMEOUT)
        .await;
    b.wait_for_text("Compared with peers", DEFAULT_TIMEOUT)
        .await;
    let shown = main_text(b).await;
    assert_contains(&shown, "6 organisations", "the peer comparison");
    // A finished audit is compared without the note an unfinished one carries.
    assert_lacks(&shown, "Not finished yet", "the peer comparison");
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
        // The chart with the peers' markers, drawn to fit (checked with the page above).
        b.execute("document.querySelector('.chart').scrollIntoView();", vec![])
            .await;
        b.screenshot(&screenshot_path(&format!("peers-chart-{label}")))
            .await;
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

/// A first visit on a slow phone connection (1.6 Mbit/s, 150 ms round trips, no service
/// worker yet), to a link to a section of saved work and to the home page: as the page comes
/// in parts (the section, then its score; the home page's list), nothing in view moves by more
/// than the 0.1 a page should move on its own.
#[tokio::test]
async fn a_slow_first_visit_does_not_move_what_is_in_view() {
    let copy = DistCopy::new();
    copy.remove("sw.js");
    let app = TestApp::start_with_dist(copy.path()).await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let (north, south) = (
        work("slow-1", "North audit", &definition),
        work("slow-2", "South audit", &definition),
    );
    seed_works(&app, &[&north, &south], "#/").await;
    b.wait_for_text("South audit", DEFAULT_TIMEOUT).await;
    app.server.set_slow(Some(common::server::SlowLink {
        bytes_per_second: 200_000,
        round_trip: Duration::from_millis(150),
    }));
    reload(&app, "#/work/slow-1/section/strategy").await;
    find(b, "#q-strat-1").await;
    wait_until(
        b,
        "return !!document.getElementById('section-score');",
        vec![],
        DEFAULT_TIMEOUT,
        "the score so far",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shifted = layout_shift(b).await;
    b.screenshot(&screenshot_path("slow-first-visit-section"))
        .await;
    assert!(
        shifted < 0.1,
        "a slow first visit to a section moved by {shifted:.3} (0.1 at most)"
    );

    reload(&app, "#/").await;
    b.wait_for_text("South audit", DEFAULT_TIMEOUT).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let shifted = layout_shift(b).await;
    b.screenshot(&screenshot_path("slow-first-visit-home"))
        .await;
    assert!(
        shifted < 0.1,
        "a slow first visit to the home page moved by {shifted:.3} (0.1 at most)"
    );
    app.server.set_slow(None);
    // The service worker's script is missing on purpose (above).
    finish_allowing(
        app,
        &[
            "sw.js",
            "bad HTTP response code (404) was received when fetching the script",
        ],
    )
    .await;
}
