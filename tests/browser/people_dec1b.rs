//! People using the plan page and others as they really do: by keyboard, one proposal at a time,
//! with focus followed after each action (a button that disappears must not drop focus to the
//! page itself).

use crate::prelude::*;

/// What has focus, as "body" or a short description, and whether it is the page itself.
async fn focus_lost(b: &common::browser::Browser) -> bool {
    b.execute(
        "const e = document.activeElement; return !e || e === document.body || e === document.documentElement;",
        vec![],
    )
    .await
        == json!(true)
}

/// The id of the Action box of the plan's last row.
async fn last_row_action_id(b: &common::browser::Browser) -> String {
    b.execute(
        "const rows = document.querySelectorAll('fieldset.plan-row'); \
         const last = rows[rows.length - 1]; \
         const box = last && last.querySelector('textarea[id$=\"-action\"]'); \
         return box ? box.id : '';",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// A lead adds the proposed actions one at a time by keyboard. Each "Add to plan" button goes
/// once its action is in the plan: focus moves to the next proposal's button while one is left,
/// then to the Action box of the row just added, never to the page itself (where the next Tab
/// starts from the top of the page).
#[tokio::test]
async fn adding_proposals_one_by_one_by_keyboard_keeps_focus() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("one-by-one", "One by one", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-3", "developing")]);
    seed_works(&app, &[&audit], "#/work/one-by-one/plan").await;
    wait_for_heading(b, "Improvement plan").await;
    let proposal_button = "#proposed-heading ~ ul button";
    let proposals = count_controls_with_text(b, "Add to plan").await;
    assert!(
        proposals >= 2,
        "two items rated low give two proposals, found {proposals}"
    );
    for left in (1..=proposals).rev() {
        tab_to(b, proposal_button, 80).await;
        press(b, &[Key::Enter]).await;
        wait_until(
            b,
            &format!(
                "return document.querySelectorAll('fieldset.plan-row').length === {};",
                proposals - left + 1
            ),
            vec![],
            QUICK,
            "the proposal added as a row",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&screenshot_path(&format!(
            "people-dec1b-proposal-added-{left}"
        )))
        .await;
        assert!(
            !focus_lost(b).await,
            "after adding a proposal with {left} left, focus fell to the page: {}",
            focused(b).await
        );
        if left > 1 {
            assert!(
                focus_is_on(b, proposal_button).await,
                "with proposals left, focus is on the next one's button, not on {}",
                focused(b).await
            );
        } else {
            let added = last_row_action_id(b).await;
            assert!(
                focus_is_on(b, &format!("#{added}")).await,
                "after the last proposal, focus is on the added row's Action box #{added}, not on {}",
                focused(b).await
            );
        }
    }
    finish(app).await;
}

/// "Add all proposed actions" (pressed with Space) takes its own section away: focus moves to
/// the first added row's Action box. "Add an action" (pressed with Enter) moves focus to the
/// new blank row's Action box, so what is typed next goes into it and is saved.
#[tokio::test]
async fn add_all_and_add_an_action_put_focus_in_the_new_row() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("add-all-keys", "Add all keys", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-3", "developing")]);
    seed_works(&app, &[&audit], "#/work/add-all-keys/plan").await;
    wait_for_heading(b, "Improvement plan").await;
    b.wait_for_text("Add all proposed actions", DEFAULT_TIMEOUT)
        .await;
    tab_to(b, "#proposed-heading ~ button", 80).await;
    press(b, &[Key::Space]).await;
    wait_for_text_gone(b, "Add all proposed actions").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let first = b
        .execute(
            "const box = document.querySelector('fieldset.plan-row textarea[id$=\"-action\"]'); \
             return box ? box.id : '';",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        focus_is_on(b, &format!("#{first}")).await,
        "after adding all, focus is on the first row's Action box #{first}, not on {}",
        focused(b).await
    );

    tab_to(b, "#add-action", 120).await;
    press(b, &[Key::Enter]).await;
    wait_until(
        b,
        "return document.querySelectorAll('fieldset.plan-row').length === 3;",
        vec![],
        QUICK,
        "a blank row added",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let added = last_row_action_id(b).await;
    assert!(
        focus_is_on(b, &format!("#{added}")).await,
        "after \"Add an action\", focus is on the new row's Action box #{added}, not on {}",
        focused(b).await
    );
    type_text(b, "Hold a team meeting").await;
    wait_for_saved(
        b,
        "add-all-keys",
        "e.work.plan.length === 3 && e.work.plan[2].action === 'Hold a team meeting'",
        "the typed action in the new row",
    )
    .await;
    finish(app).await;
}

/// A lead imports a large file, and while it says "Importing…" looks at another page with Back,
/// then comes Forward to the home page: the import's outcome is there when it ends (it was
/// lost, so the lead could not tell whether the file had come in).
#[tokio::test]
async fn an_import_outcome_survives_back_and_forward() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let big = collection_with("big-import", "feedback-service-user", 10_000);
    let file = temp_file("big-import.json", &export_work(&big));
    app.open("#/privacy").await;
    wait_for_heading_exact(b, "Your data").await;
    click_text(b, "Home").await;
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text("Importing…", QUICK).await;
    go_back(b, "Your data").await;
    b.client().forward().await.expect("press Forward");
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    b.wait_for_text("imported as “Big collection”", Duration::from_secs(90))
        .await;
    b.screenshot(&screenshot_path("people-dec1b-import-back-forward"))
        .await;
    assert_lacks(
        &main_text(b).await,
        "Importing…",
        "the home page once the import ended",
    );
    finish(app).await;
}

/// Export everything from Your data, then import the file back twice on the home page: each
/// time the home page says what happened, and no work is doubled.
#[tokio::test]
async fn export_everything_then_import_it_back_twice() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("round-trip", "Round trip", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place")]);
    seed_works(&app, &[&audit], "#/privacy").await;
    wait_for_heading_exact(b, "Your data").await;
    tab_to(b, "button", 60).await;
    let label = focused(b).await;
    assert_contains(&label, "Export everything", "the first button on Your data");
    press(b, &[Key::Enter]).await;
    let file = b.wait_for_download(".json", DEFAULT_TIMEOUT).await;
    b.wait_for_text("A backup of 1 piece of work was downloaded", QUICK)
        .await;
    assert!(
        focus_is_on(b, "main button").await,
        "after exporting, focus stays on the button, not on {}",
        focused(b).await
    );
    click_text(b, "Home").await;
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    for round in 1..=2 {
        choose_files(b, "#import-file", &[&file]).await;
        wait_until(
            b,
            "const s = document.querySelector('.import [role=status]'); \
             return !!s && s.innerText.trim() !== '' && !s.innerText.includes('Importing…');",
            vec![],
            DEFAULT_TIMEOUT,
            "the import's outcome",
        )
        .await;
        let said = b
            .execute(
                "return document.querySelector('.import [role=status]').innerText;",
                vec![],
            )
            .await;
        assert_contains(
            said.as_str().unwrap_or_default(),
            "“Round trip” is already on this device, unchanged, so nothing was added.",
            &format!("importing the backup, time {round}"),
        );
        b.screenshot(&screenshot_path(&format!("people-dec1b-reimport-{round}")))
            .await;
    }
    assert_eq!(stored_work_ids(b).await.len(), 1, "no work doubled");
    finish(app).await;
}

/// The plan's rows in the store, as their ids.
async fn stored_plan_ids(b: &common::browser::Browser, id: &str) -> Vec<String> {
    saved_work(b, id)
        .await
        .plan
        .iter()
        .map(|r| r.id.clone())
        .collect()
}

/// A lead double-clicks "Add an action", then a proposal's "Add to plan", the way people click
/// buttons that look like links to documents: each adds one row, not two (the second press
/// landed on the same button, or on the next proposal's button drawn in its place).
#[tokio::test]
async fn a_double_click_on_the_plans_add_buttons_adds_one_row() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("double-plan", "Double plan", &definition);
    audit.responses = choices(&[("strat-1", "not-in-place"), ("strat-3", "developing")]);
    seed_works(&app, &[&audit], "#/work/double-plan/plan").await;
    wait_for_heading(b, "Improvement plan").await;
    b.wait_for_text("Add all proposed actions", DEFAULT_TIMEOUT)
        .await;
    double_click_with_gap(b, "#add-action", Duration::from_millis(150)).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    wait_for_saved(b, "double-plan", "e.work.plan.length >= 1", "the added row").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rows = stored_plan_ids(b, "double-plan").await;
    assert_eq!(
        rows.len(),
        1,
        "a double click on “Add an action” stored {rows:?}"
    );

    double_click_with_gap(
        b,
        "#proposed-heading ~ ul button",
        Duration::from_millis(150),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    wait_for_saved(b, "double-plan", "e.work.plan.length >= 2", "the proposal").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rows = stored_plan_ids(b, "double-plan").await;
    assert_eq!(
        rows.len(),
        2,
        "a double click on “Add to plan” stored {rows:?}"
    );
    assert_eq!(
        count_controls_with_text(b, "Add to plan").await,
        1,
        "one proposal is left to add"
    );
    finish(app).await;
}

/// A lead double-clicks "Record a reflection" on a feedback collection: one reflection is made
/// and opened, not two.
#[tokio::test]
async fn a_double_click_on_record_a_reflection_makes_one() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let collection = collection_with("reflect-on", "feedback-service-user", 3);
    seed_works(&app, &[&collection], "#/work/reflect-on").await;
    wait_for_heading_exact(b, "Big collection").await;
    b.wait_for_text("Record a reflection", DEFAULT_TIMEOUT)
        .await;
    b.execute(
        "[...document.querySelectorAll('main button')].find(x => x.innerText.startsWith('Record a reflection')).id = 'reflect-test';",
        vec![],
    )
    .await;
    double_click_with_gap(b, "#reflect-test", Duration::from_millis(150)).await;
    wait_until(
        b,
        "return location.hash.startsWith('#/work/') && location.hash !== '#/work/reflect-on';",
        vec![],
        QUICK,
        "the reflection opening",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let stored = stored_work_ids(b).await;
    assert_eq!(
        stored.len(),
        2,
        "a double click on “Record a reflection” stored {stored:?}"
    );
    finish(app).await;
}

/// A lead editing the plan switches to Cymraeg part way: each row's heading follows, its
/// source too ("Added by the team" becomes "Ychwanegwyd gan y tîm"), and what was typed stays.
#[tokio::test]
async fn switching_to_welsh_on_the_plan_changes_every_rows_heading() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work("plan-cy", "Plan cy", &bundled_definition("self-assessment"));
    audit.plan = vec![plan_row("row-1", "Agree a supervision standard")];
    seed_works(&app, &[&audit], "#/work/plan-cy/plan").await;
    find(b, "#plan-row-1-lead").await;
    click(b, "#plan-row-1-lead").await;
    type_text(b, "Principal Social Worker").await;
    let legend = || async {
        b.execute(
            "return document.querySelector('fieldset.plan-row legend').innerText;",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    };
    assert_eq!(legend().await, "Action 1: Added by the team");
    click(b, ".lead-language button[lang='cy']").await;
    b.wait_for_text("Ychwanegu cam gweithredu", QUICK).await;
    b.screenshot(&screenshot_path("people-dec1b-plan-welsh"))
        .await;
    assert_eq!(legend().await, "Cam gweithredu 1: Ychwanegwyd gan y tîm");
    assert_eq!(
        value_at(b, "#plan-row-1-lead").await,
        "Principal Social Worker",
        "the lead typed before the switch"
    );
    let marked = b
        .execute(
            "const s = document.querySelector('fieldset.plan-row .plan-source'); return s.getAttribute('lang');",
            vec![],
        )
        .await;
    assert_eq!(marked, Value::Null, "Welsh words are not marked as English");
    finish(app).await;
}

/// A lead opens a questionnaire from the computer, then removes it again by keyboard: the page
/// no longer says it "is ready to use on this device" (it is not), says it was removed, and
/// focus goes to the control that opens one, not to the page itself (the button went with its
/// row).
///
/// The button removed it at one press, though work answering it then does not open until the
/// file is opened again, and its name did not say which questionnaire it removes. It is named
/// for its questionnaire, and asks first with focus on "No, keep it".
#[tokio::test]
async fn removing_an_opened_questionnaire_says_so_and_keeps_focus() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut definition: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("questionnaires/conversation-record.json"))
            .expect("the conversation record"),
    )
    .expect("JSON");
    definition["id"] = json!("our-own-record");
    definition["title"] = json!({ "en": "Our own record", "cy": "Ein cofnod ein hunain" });
    let file = temp_file("our-own-record.json", &definition.to_string());
    app.open("#/questionnaires").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    b.wait_for_text("Conversation about practice", DEFAULT_TIMEOUT)
        .await;
    choose_files(b, "#open-definition", &[file.path.as_path()]).await;
    b.wait_for_text(
        "our-own-record.json is ready to use on this device.",
        DEFAULT_TIMEOUT,
    )
    .await;
    tab_to(b, "td button", 80).await;
    let name = b
        .text_of("return document.activeElement.textContent;", vec![])
        .await;
    assert_eq!(
        normalise(&name),
        "Remove from this device: Our own record",
        "the button says which questionnaire it removes"
    );
    // It asks first, with focus on the safe answer: Enter twice or Escape keeps it.
    let question = "Remove “Our own record” (our-own-record.json) from this device? Work saved \
                    with it stays here, but will not open until the file is opened on this page again.";
    press(b, &[Key::Enter]).await;
    b.wait_for_text(question, QUICK).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    keep_twice_by_keyboard(b, "Remove from this device", question).await;
    assert_contains(&main_text(b).await, "Our own record", "after keeping it");
    press(b, &[Key::Enter]).await;
    b.wait_for_text(question, QUICK).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    b.screenshot(&screenshot_path("people-dec1b-questionnaire-question"))
        .await;
    // The question sits in the table's last cell: at 400% zoom and on a phone it is read
    // without scrolling sideways, and focus stays on "No, keep it".
    set_zoom(b, 400).await;
    assert_question_in_the_window(b, "at 400% zoom").await;
    check_screen(b, "people-dec1b-questionnaire-question-400").await;
    set_zoom(b, 100).await;
    b.client()
        .set_window_size(360, 740)
        .await
        .expect("window size");
    assert_question_in_the_window(b, "on a phone").await;
    check_screen(b, "people-dec1b-questionnaire-question-phone").await;
    b.client()
        .set_window_size(1280, 900)
        .await
        .expect("window size");
    assert!(
        focused(b).await.contains("No, keep it"),
        "focus stays on “No, keep it” through the zoom; it is on {}",
        focused(b).await
    );
    press_with_shift_tab(b).await;
    assert!(
        focused(b).await.contains("Yes, remove it"),
        "Shift+Tab from “No, keep it” reaches “Yes, remove it”; focus is on {}",
        focused(b).await
    );
    press(b, &[Key::Enter]).await;
    wait_for_text_gone(b, "Our own record").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    b.screenshot(&screenshot_path("people-dec1b-questionnaire-removed"))
        .await;
    let text = main_text(b).await;
    assert_lacks(&text, "is ready to use on this device", "after removing it");
    assert_contains(
        &text,
        "our-own-record.json was removed from this device.",
        "after removing it",
    );
    assert!(
        focus_is_on(b, "#open-definition-button").await,
        "after removing, focus is on the control that opens a questionnaire, not on {}",
        focused(b).await
    );
    finish(app).await;
}

/// A lead types a row's target date into the date box digit by digit, as the box asks: the
/// year typed is the year kept (the box is not set again part way through the year).
#[tokio::test]
async fn a_target_date_typed_digit_by_digit_is_kept() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "date-typed",
        "Date typed",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![plan_row("row-1", "Agree a supervision standard")];
    seed_works(&app, &[&audit], "#/work/date-typed/plan").await;
    find(b, "#plan-row-1-targetdate").await;
    let order = b
        .execute(
            "return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2027, 11, 22)) \
               .filter(p => p.type !== 'literal').map(p => p.type).join(',');",
            vec![],
        )
        .await;
    let keys: String = order
        .as_str()
        .unwrap_or("month,day,year")
        .split(',')
        .map(|part| match part {
            "day" => "22",
            "month" => "12",
            _ => "2027",
        })
        .collect();
    click(b, "#plan-row-1-lead").await;
    press(b, &[Key::Tab]).await;
    tab_to(b, "#plan-row-1-targetdate", 3).await;
    for key in keys.chars() {
        type_text(b, &key.to_string()).await;
        tokio::time::sleep(Duration::from_millis(120)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.screenshot(&screenshot_path("people-dec1b-date-typed"))
        .await;
    assert_eq!(
        value_at(b, "#plan-row-1-targetdate").await,
        "2027-12-22",
        "the date typed ({order}: {keys})"
    );
    wait_for_saved(
        b,
        "date-typed",
        "e.work.plan[0].target_date === '2027-12-22'",
        "the typed date",
    )
    .await;
    finish(app).await;
}

/// A lead fills in a plan row by keyboard (the action edited in the middle, the lead, the
/// target date), adds a second row and leaves it blank, then downloads the plan on its own: the
/// PDF holds what was typed, as typed, and the date in words.
#[tokio::test]
async fn the_plan_pdf_holds_what_was_typed() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "plan-pdf",
        "Plan PDF",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![plan_row("row-1", "Agree a standard")];
    seed_works(&app, &[&audit], "#/work/plan-pdf/plan").await;
    find(b, "#plan-row-1-action").await;
    click(b, "#plan-row-1-action").await;
    press(b, &[Key::End]).await;
    press(b, &[Key::Left; 8]).await; // before "standard"
    type_text(b, "written supervision ").await;
    press(b, &[Key::Tab]).await;
    type_text(b, "Principal Social Worker").await;
    b.execute(
        "const d = document.getElementById('plan-row-1-targetdate'); d.value = '2027-03-31'; \
         d.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![],
    )
    .await;
    tab_to(b, "#add-action", 40).await;
    press(b, &[Key::Enter]).await;
    wait_for_saved(
        b,
        "plan-pdf",
        "e.work.plan.length === 2 && e.work.plan[0].action === 'Agree a written supervision standard' \
         && e.work.plan[0].lead === 'Principal Social Worker' && e.work.plan[0].target_date === '2027-03-31'",
        "the typed row and a blank one",
    )
    .await;
    app.open("#/work/plan-pdf/results").await;
    wait_for_heading_exact(b, "Results: Plan PDF").await;
    b.execute(
        "[...document.querySelectorAll('main button')].find(x => x.innerText.includes('Download the plan on its own')).click();",
        vec![],
    )
    .await;
    let plan = b
        .wait_for_download("plan-pdf-plan.pdf", DEFAULT_TIMEOUT)
        .await;
    check_pdf(&plan);
    let text = normalise(&pdf_text(&plan));
    assert_contains(
        &text,
        "Agree a written supervision standard",
        "the plan PDF",
    );
    assert_contains(&text, "Principal Social Worker", "the plan PDF");
    assert_contains(&text, "31 March 2027", "the plan PDF");
    finish(app).await;
}

/// A lead imports a file, then goes to Your data and removes everything, and comes back to the
/// home page: it must not still say the work was "saved on this device". An import's outcome is
/// said once, on the home page it finished on or the next one drawn.
#[tokio::test]
async fn an_import_outcome_is_not_repeated_after_everything_is_removed() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let small = work(
        "small-one",
        "Small one",
        &bundled_definition("self-assessment"),
    );
    let file = temp_file("small-one.json", &export_work(&small));
    app.open("#/").await;
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text("imported as “Small one”", DEFAULT_TIMEOUT)
        .await;
    click_text(b, "Your data").await;
    wait_for_heading_exact(b, "Your data").await;
    click(b, "#remove-all").await;
    click_button(b, "Yes, remove everything").await;
    b.wait_for_text("removed", QUICK).await;
    click_text(b, "Home").await;
    wait_for_heading_exact(b, "Mental health social work toolkit").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_lacks(
        &main_text(b).await,
        "saved on this device",
        "the home page after everything was removed",
    );
    finish(app).await;
}

/// A lead compares the audit with peers, then stops comparing, by keyboard: the page no longer
/// says "The peer reference set was imported." (it is gone from the device), and focus is on
/// the control that brings a set back.
#[tokio::test]
async fn stopping_the_peer_comparison_drops_the_imported_claim() {
    use common::finished_audit::{audit_work, AUDIT_ID};
    let app = TestApp::start().await;
    let b = &app.browser;
    let (definition, audit) = audit_work();
    let set = temp_file(
        "peers.json",
        &common::finished_audit::six_council_peer_set(&definition, &audit),
    );
    seed_works(&app, &[&audit], &format!("#/work/{AUDIT_ID}/results")).await;
    find(b, "#peer-file").await;
    choose_files(b, "#peer-file", &[set.path.as_path()]).await;
    b.wait_for_text("The peer reference set was imported.", DEFAULT_TIMEOUT)
        .await;
    b.wait_for_text("Compared with peers", DEFAULT_TIMEOUT)
        .await;
    tab_to(b, ".file-drop:has(#peer-file) ~ p button", 200).await;
    press(b, &[Key::Enter]).await;
    wait_for_text_gone(b, "Compared with peers").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_lacks(
        &main_text(b).await,
        "The peer reference set was imported.",
        "the results once the comparison was stopped",
    );
    assert!(
        focus_is_on(b, "#peer-file-button").await,
        "after stopping, focus is on the control that brings a set back, not on {}",
        focused(b).await
    );
    finish(app).await;
}

/// The question asked before removing (`[role=alertdialog]`) lies across the window, not in a
/// part of the page a person must scroll sideways to reach.
async fn assert_question_in_the_window(b: &common::browser::Browser, how: &str) {
    let place = b
        .execute(
            "const q = document.querySelector('[role=alertdialog]'); q.scrollIntoView({ block: 'nearest' }); \
             const r = q.getBoundingClientRect(); \
             return [r.left, r.right, window.innerWidth];",
            vec![],
        )
        .await;
    let [left, right, window] = [0, 1, 2].map(|i| place[i].as_f64().unwrap_or(f64::NAN));
    assert!(
        left >= 0.0 && right <= window + 0.5,
        "{how} the question runs from {left} to {right} px in a {window} px window"
    );
}
