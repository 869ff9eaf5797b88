//! The improvement plan: results with a plan on a desktop and a phone, suggested actions,
//! character counts.

use crate::prelude::*;

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

/// A row proposed from a low-rated item starts with the item's suggested action: the proposal
/// names it, the Action box holds it once added, an edit typed in the middle of it is kept, and
/// the edit is still there after a reload. The plan page is looked at on a desktop and a phone.
#[tokio::test]
async fn a_proposed_row_starts_with_the_suggested_action_and_keeps_an_edit() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let suggested = definition
        .question(&"strat-1".into())
        .expect("strat-1")
        .proposed_action(mhsw::lang::Lang::En)
        .0;
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

/// The plan at 400% zoom (320 px wide) with "Larger text" on, in English and Welsh: every
/// field fits the screen and nothing scrolls sideways. The fields were a fixed 14rem (280 px
/// with the larger text) in a narrower row, cut off at the right (found by a tester on 7
/// December 2026).
#[tokio::test]
async fn the_plan_fits_a_zoomed_screen_with_larger_text() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "zoomed-plan",
        "Zoomed plan",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![crate::typing::plan_row(
        "row-1",
        "Agree a supervision standard",
    )];
    seed_works(&app, &[&audit], "#/work/zoomed-plan/plan").await;
    find(b, "#plan-row-1-action").await;
    b.client()
        .set_window_size(320, 640)
        .await
        .expect("resize the window");
    click_button(b, "Larger text").await;
    for language in ["en-GB", "cy"] {
        if language == "cy" {
            click(b, ".lead-language button[lang='cy']").await;
        }
        wait_until(
            b,
            "return document.documentElement.lang === arguments[0] \
               && document.querySelector('.text-size').getAttribute('aria-pressed') === 'true';",
            vec![json!(language)],
            QUICK,
            "the plan with larger text",
        )
        .await;
        let cut = b
            .execute(
                "const page = document.scrollingElement.scrollWidth - document.documentElement.clientWidth; \
                 const cut = [...document.querySelectorAll('.plan-row input, .plan-row textarea, .plan-row select')] \
                   .filter(e => e.getBoundingClientRect().right > e.closest('.plan-row').getBoundingClientRect().right + 0.5) \
                   .map(e => e.id); \
                 return [page, cut];",
                vec![],
            )
            .await;
        assert_eq!(
            cut,
            json!([0, []]),
            "[sideways scroll in px, fields past their row] at 320 px with larger text ({language})"
        );
        b.screenshot(&screenshot_path(&format!("plan-zoomed-larger-{language}")))
            .await;
    }
    finish(app).await;
}

/// "Download the plan as a spreadsheet (CSV)" says what it did: with no action in the plan it
/// makes no file and says there is nothing to download (it used to download a file of column
/// names alone, without a word); with actions, the file holds them and the page names it and
/// counts them, in a status a screen reader hears.
#[tokio::test]
async fn the_plans_spreadsheet_says_what_it_downloaded_and_an_empty_plan_makes_none() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "csv-audit",
        "Team audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/csv-audit/plan").await;
    wait_for_heading(b, "Improvement plan").await;
    let button = "Download the plan as a spreadsheet (CSV)";
    let status = "main [role=status] .notice";

    click_button(b, button).await;
    b.wait_for_text("The plan has no actions yet", QUICK).await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    let files = std::fs::read_dir(b.downloads_dir())
        .map(|dir| dir.count())
        .unwrap_or(0);
    assert_eq!(files, 0, "files downloaded for an empty plan");
    assert_eq!(
        b.execute(
            "return document.querySelector(arguments[0]).textContent;",
            vec![json!(status)],
        )
        .await,
        json!("The plan has no actions yet, so there is nothing to download. Add an action first."),
        "the status beside the button"
    );

    click_button(b, "Add an action").await;
    let action = "textarea[id$='-action']";
    find(b, action).await;
    // With an action in the plan, "nothing to download" is no longer said.
    wait_for_text_gone(b, "The plan has no actions yet").await;
    click(b, action).await;
    type_text(b, "Agree supervision standards with the lead").await;
    wait_for_saved(
        b,
        "csv-audit",
        "e.work.plan[0] && e.work.plan[0].action === 'Agree supervision standards with the lead'",
        "the new action",
    )
    .await;
    click_button(b, button).await;
    let file = b.wait_for_download(".csv", DEFAULT_TIMEOUT).await;
    let text = std::fs::read_to_string(&file).expect("the spreadsheet");
    assert!(
        text.lines().count() == 2 && text.contains("Agree supervision standards with the lead"),
        "the spreadsheet: {text}"
    );
    b.wait_for_text("Downloaded “team-audit-plan.csv”, with 1 action.", QUICK)
        .await;
    // A quick double click downloads one more file, not two.
    b.execute(
        "[...document.querySelectorAll('main button')]\
           .find(x => x.textContent === arguments[0]).id = 'csv-test';",
        vec![json!(button)],
    )
    .await;
    double_click(b, "#csv-test").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let spreadsheets = std::fs::read_dir(b.downloads_dir())
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(
        spreadsheets, 2,
        "spreadsheets after one click and a double click"
    );
    assert_accessible(b, "the plan after its spreadsheet was downloaded").await;
    finish(app).await;
}
