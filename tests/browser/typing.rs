//! Typing and focus: boxes keep the text wherever the cursor is, over-long text stays on
//! screen unsaved, and removing something never drops focus to the page.

use crate::prelude::*;

/// The value of the input or textarea matching `selector`.
pub(crate) async fn value_at(b: &common::browser::Browser, selector: &str) -> String {
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
pub(crate) async fn edit_like_a_person(
    b: &common::browser::Browser,
    selector: &str,
) -> Vec<String> {
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
        .question(&"who".into())
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
pub(crate) fn option_index(
    definition: &mhsw::definition::Definition,
    question: &str,
    value: &str,
) -> usize {
    let asked = definition
        .question(&question.into())
        .unwrap_or_else(|| panic!("no question `{question}`"));
    definition
        .options_of(asked)
        .and_then(|list| list.options.iter().position(|o| o.value.as_str() == value))
        .unwrap_or_else(|| panic!("question `{question}` has no option `{value}`"))
}

/// A plan row added by hand, with only an action.
pub(crate) fn plan_row(id: &str, action: &str) -> mhsw::plan::PlanRow {
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

/// True when focus has fallen to the page itself (nothing useful has it).
pub(crate) async fn focus_is_lost(b: &common::browser::Browser) -> bool {
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

/// A note pasted over its limit is not saved, and is not lost either: leaving the page by its
/// breadcrumb and coming back with Back finds it still in its box, with the count and the
/// summary's stop; closing or reloading the page meanwhile asks first. Shortened, it is saved
/// and nothing is asked. Found by a tester on 7 December 2026: the paste was gone on return.
#[tokio::test]
async fn an_over_long_note_is_kept_while_the_page_is_away_and_closing_asks_first() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "Held note audit", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    click(b, "#q-strat-1-2").await;
    wait_for_saved(b, &id, "e.work.responses['strat-1']", "the answer").await;
    crate::storage::wait_until_leaving_asks_nothing(b, "the answer stored").await;
    click(b, "#q-strat-1-comment").await;
    let long = "Board minutes. ".repeat(700); // 10,500 characters
    common::probe::cdp(b, "Input.insertText", json!({ "text": long })).await;
    b.wait_for_text("500 characters too many", QUICK).await;
    assert!(
        crate::storage::asks_before_leaving(b).await,
        "an over-long note on screen, and closing the page would not ask"
    );

    click(b, &format!(".breadcrumb a[href='#/work/{id}']")).await;
    wait_for_heading(b, "Held note audit").await;
    b.client().back().await.expect("press the browser's Back");
    find(b, "#q-strat-1-comment").await;
    wait_until(
        b,
        "return document.getElementById('q-strat-1-comment').value.length === 10500;",
        vec![],
        QUICK,
        "the over-long note back in its box",
    )
    .await;
    b.wait_for_text("500 characters too many", QUICK).await;
    assert!(
        crate::storage::asks_before_leaving(b).await,
        "the note held, and closing the page would not ask"
    );
    click_button(b, "Save and continue").await;
    b.wait_for_text("There is a problem", QUICK).await;
    assert!(
        current_hash(b).await.ends_with("/section/strategy"),
        "Save and continue went on past the held note"
    );

    // Shortened (the last 600 characters taken away), it is saved, and nothing is asked.
    click(b, "#q-strat-1-comment").await;
    press_with_control(b, Key::End).await;
    press(b, &[Key::Backspace; 600]).await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-1'].comment && e.work.responses['strat-1'].comment.startsWith('Board minutes. ') && e.work.responses['strat-1'].comment.trim().length === 9899",
        "the shortened note",
    )
    .await;
    crate::storage::wait_until_leaving_asks_nothing(b, "the shortened note stored").await;
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
            .item(&"strat-1".into())
            .and_then(|i| i.evidence.clone()),
        None,
        "an over-long text is not saved"
    );
    assert_accessible(b, "a section with evidence over its limit").await;
    // "Save and continue" does not leave the text behind unsaved: it stays, with the error
    // summary leading to the box (found by a tester on 7 December 2026: it went on to the
    // next section, and the pasted text was lost without a word).
    click_button(b, "Save and continue").await;
    b.wait_for_text("There is a problem", QUICK).await;
    assert!(
        current_hash(b).await.ends_with("/section/strategy"),
        "Save and continue left the section with its evidence unsaved, for {}",
        current_hash(b).await
    );
    let listed = b
        .execute(
            "return Array.from(document.querySelectorAll('.error-summary a')).map(a => [a.getAttribute('href'), a.textContent]);",
            vec![],
        )
        .await;
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(1),
        "the summary's links: {listed}"
    );
    assert_eq!(
        listed[0][0],
        json!("#q-strat-1-evidence"),
        "the summary's link: {listed}"
    );
    // The statement's closing full stop gives way to the colon (it read "…organisation.:
    // Evidence:").
    assert_contains(
        listed[0][1].as_str().unwrap_or_default(),
        "in this organisation: Evidence: You have 80 characters too many",
        "the summary's words",
    );
    click(b, ".error-summary a").await;
    let now = focused(b).await;
    assert!(
        now.starts_with("textarea#q-strat-1-evidence"),
        "the summary's link leads to the box; focus is on {now}"
    );
    press_with_control(b, Key::End).await;
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
    assert_lacks(
        &main_text(b).await,
        "There is a problem",
        "the section once the evidence fits",
    );
    click_button(b, "Save and continue").await;
    wait_until(
        b,
        "return !location.hash.endsWith('/section/strategy');",
        vec![],
        QUICK,
        "Save and continue moving on once the evidence fits",
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
    // The name cleared and the form sent again: the summary says what is wrong now (it kept
    // "Shorten the name" beside the field's "Enter a name", found by a tester on 7 December
    // 2026).
    click(b, "#work-name").await;
    select_all(b).await;
    press(b, &[Key::Backspace]).await;
    click(b, "form.form button[type=submit]").await;
    wait_until(
        b,
        "const s = document.querySelector('.error-summary'); return !!s && !s.innerText.includes('Shorten the name');",
        vec![],
        QUICK,
        "the summary no longer asking to shorten a name that is now empty",
    )
    .await;
    assert_contains(
        &b.text_of(
            "return document.querySelector('.error-summary').innerText;",
            vec![],
        )
        .await,
        "Enter a name",
        "the summary once the name is empty",
    );
    finish(app).await;
}

/// A practitioner corrects a collection's period by typing into the date box, from 1 September
/// to 31 August 2026 (the browser shows the box as month/day/year).
///
/// Steps: a collection whose period is 1 September to 30 November 2026; open "Period: …" on its
/// page; click the "From" box (on the year), press Left to the day, type "31", press Left twice
/// to the month and type "08".
///
/// What went wrong: "31" makes the date, for a moment, 31 September, which does not exist; the
/// app sets the box's value to what it holds for that ("") and the browser empties every part
/// of the box (it then shows mm/dd/yyyy, and focus jumps to the year), so the month and year
/// the person kept are gone and "08" lands in an empty box: the value ends up empty instead of
/// 2026-08-31. (The "From" box of the form that starts a collection does the same.) The box
/// should keep what is typed until the date is whole.
#[tokio::test]
async fn typing_a_new_day_into_the_period_keeps_the_month_and_year() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut collection = collection_with("period-typing", "feedback-service-user", 6);
    if let Some(c) = collection.collection.as_mut() {
        c.period_start = Some(date("2026-09-01"));
        c.period_end = Some(date("2026-11-30"));
    }
    seed_works(&app, &[&collection], "#/work/period-typing").await;
    wait_for_heading_exact(b, "Big collection").await;
    click(b, "details.period summary").await;
    click(b, "#period-start").await;
    assert_eq!(
        value_of(b, "period-start").await.as_deref(),
        Some("2026-09-01")
    );
    press(b, &[Key::Left]).await;
    type_text(b, "31").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.screenshot(&shot("period-date-emptied")).await;
    press(b, &[Key::Left, Key::Left]).await;
    type_text(b, "08").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        value_of(b, "period-start").await.as_deref(),
        Some("2026-08-31"),
        "the date box lost its month and year while a new day was typed"
    );
    finish(app).await;
}

/// Ctrl+Z in an answer box undoes what was typed as it does in any text box on the web: the
/// words typed since the last pause go at one press, not one character at a time (any change
/// to the page at a key press, the count's figure or a "Saving…" drawn anew, ended the
/// browser's undo step there). A plain text area added to the same page is typed into the
/// same way and held to the same measure.
#[tokio::test]
async fn undo_takes_back_typing_as_in_any_text_box() {
    let app = section_with_a_plain_box("undo-audit").await;
    let b = &app.browser;
    let mut left = Vec::new();
    for selector in ["#plain-box", "#q-strat-1-evidence", "#q-strat-1-comment"] {
        click(b, selector).await;
        type_text(b, "Board minutes").await;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        type_text(b, " of March").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        press_with_control(b, 'z').await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        left.push((selector, value_at(b, selector).await));
    }
    // How much one press takes back depends on how the browser groups typing (a pause may or
    // may not begin a new step), so the measure is the typing itself: one Ctrl+Z takes back at
    // least the whole burst typed after the pause, as it does in the plain text area, never one
    // character of it ("Board minutes of Marc" before this was fixed).
    for (selector, value) in &left {
        assert!(
            "Board minutes".starts_with(value.trim_end()),
            "after one Ctrl+Z, `{selector}` holds {value:?}; the words typed after the pause \
             should all have gone (every box: {left:?})"
        );
    }
    finish(app).await;
}

/// Undo after a save: a person types a sentence, stops (it is saved), goes back to the start
/// and types a word there, then presses Ctrl+Z. A plain text area takes back the whole word; an
/// answer box took back all but its first letter ("TBoard minutes of March"), as the first key
/// after a finished save drew "Saving…" again, and that change to the page ended the browser's
/// undo step after one character.
#[tokio::test]
async fn undo_after_a_save_takes_back_the_word_typed_at_the_start() {
    let app = section_with_a_plain_box("undo-saved").await;
    let b = &app.browser;
    let mut left = Vec::new();
    for selector in ["#plain-box", "#q-strat-1-evidence", "#q-strat-1-comment"] {
        click(b, selector).await;
        type_text(b, "Board minutes of March").await;
        // Long enough for the save to finish: the save line says so before the next key.
        tokio::time::sleep(Duration::from_millis(1200)).await;
        if selector != "#plain-box" {
            b.wait_for_text("Saved on this device at", QUICK).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        press_with_control(b, Key::Home).await;
        type_text(b, "The ").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        press_with_control(b, 'z').await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        left.push((selector, value_at(b, selector).await));
    }
    for (selector, value) in &left {
        assert!(
            !value.starts_with('T') && "Board minutes of March".starts_with(value.trim_end()),
            "after one Ctrl+Z, `{selector}` holds {value:?}; the word typed at the start should \
             all have gone, as in a plain text area (every box: {left:?})"
        );
    }
    finish(app).await;
}

/// The undo tests' page: an audit's strategy section with its first question answered (so its
/// evidence and comment boxes show), and a plain text area (`#plain-box`) added at the top of
/// the page to hold the answer boxes to.
async fn section_with_a_plain_box(id: &str) -> TestApp {
    let app = TestApp::start().await;
    let audit = work(id, "Undo audit", &bundled_definition("self-assessment"));
    seed_works(&app, &[&audit], &format!("#/work/{id}/section/strategy")).await;
    let b = &app.browser;
    wait_for_heading_exact(b, "Strategic vision and accountability").await;
    click(b, "#q-strat-1-2").await;
    b.execute(
        "const t = document.createElement('textarea'); t.id = 'plain-box'; \
         document.querySelector('main').prepend(t);",
        vec![],
    )
    .await;
    app
}

/// Another tab changing the box a person is in (their second window of the same audit) keeps
/// their cursor beside the words it was beside. It used to jump to the end of the box, so the
/// next word typed landed after the last.
#[tokio::test]
async fn the_cursor_stays_beside_its_words_when_another_tab_changes_the_box() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "caret-tabs",
        "Cursor audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/work/caret-tabs/section/strategy").await;
    let evidence = "q-strat-1-evidence";
    let saved = |text: &str| {
        format!(
            "e.work.responses['strat-1'] && e.work.responses['strat-1'].evidence === {}",
            json!(text)
        )
    };
    click(b, &format!("#{evidence}")).await;
    type_text(b, "Board minutes March 2026").await;
    wait_for_saved(
        b,
        "caret-tabs",
        &saved("Board minutes March 2026"),
        "the evidence",
    )
    .await;
    // The cursor after "Board minutes", where a comma is wanted.
    press(b, &[Key::Left; 11]).await;
    let first = b.client().window().await.expect("this tab");

    let other = b.client().new_window(true).await.expect("another tab");
    b.client()
        .switch_to_window(other.handle.clone())
        .await
        .expect("to the other tab");
    app.open("#/work/caret-tabs/section/strategy").await;
    click(b, &format!("#{evidence}")).await;
    press(b, &[Key::Home]).await;
    type_text(b, "Draft: ").await;
    let drafted = "Draft: Board minutes March 2026";
    wait_for_saved(b, "caret-tabs", &saved(drafted), "the other tab's start").await;

    b.client()
        .switch_to_window(first)
        .await
        .expect("back to the first tab");
    wait_until(
        b,
        "return document.getElementById(arguments[0]).value === arguments[1];",
        vec![json!(evidence), json!(drafted)],
        QUICK,
        "the first tab showing the other tab's change",
    )
    .await;
    // Coming back to a window puts the person back in the box they were in.
    b.execute(
        "const e = document.getElementById(arguments[0]); \
         if (document.activeElement !== e) e.focus();",
        vec![json!(evidence)],
    )
    .await;
    let caret = b
        .execute(
            "const e = document.getElementById(arguments[0]); return [e.selectionStart, e.selectionEnd];",
            vec![json!(evidence)],
        )
        .await;
    assert_eq!(
        caret,
        json!([20, 20]),
        "the cursor should still be after \"Board minutes\" (moved on by the 7 letters of \"Draft: \"), not at the end"
    );
    type_text(b, ",").await;
    wait_for_saved(
        b,
        "caret-tabs",
        &saved("Draft: Board minutes, March 2026"),
        "the comma where the cursor was",
    )
    .await;
    assert_eq!(
        value_at(b, &format!("#{evidence}")).await,
        "Draft: Board minutes, March 2026"
    );
    finish(app).await;
}

/// Types `digits` into the date box `selector` from its first part, as a person does: the box
/// moves itself from day to month to year.
async fn type_a_date(b: &common::browser::Browser, selector: &str, digits: &str) {
    b.execute(
        "document.querySelector(arguments[0]).focus();",
        vec![json!(selector)],
    )
    .await;
    type_text(b, digits).await;
}

/// A date typed digit by digit is kept (the year passes through 0002 and 0020 on the way to
/// 2026), and so is a saved date whose year alone is typed again. Both had emptied the box and
/// saved no date, in a statement's sign-off and in the plan (found by a tester on 7 December
/// 2026). Part of a date left in the box keeps the date saved before and says so.
#[tokio::test]
async fn a_date_typed_digit_by_digit_or_given_a_new_year_is_kept() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let statement = work(
        "date-statement",
        "Dated statement",
        &bundled_definition("strategic-statement"),
    );
    let mut audit = work(
        "date-plan",
        "Dated plan",
        &bundled_definition("self-assessment"),
    );
    let mut row = plan_row("row-1", "Agree a supervision standard");
    row.target_date = Some(date("2027-07-15"));
    audit.plan = vec![row];
    seed_works(
        &app,
        &[&statement, &audit],
        "#/work/date-statement/section/sign-off",
    )
    .await;
    find(b, "#q-so-date").await;
    // The same day and month, so the box's order of its parts (the browser's locale) does not
    // matter.
    type_a_date(b, "#q-so-date", "05052026").await;
    wait_for_saved(
        b,
        "date-statement",
        "e.work.responses['so-date'] && e.work.responses['so-date'].answer.date === '2026-05-05'",
        "the date typed digit by digit",
    )
    .await;
    assert_eq!(value_at(b, "#q-so-date").await, "2026-05-05");

    // A new year for the saved date, after a reload: day, month, then the year's part.
    reload(&app, "#/work/date-statement/section/sign-off").await;
    find(b, "#q-so-date").await;
    type_a_date(b, "#q-so-date", "").await;
    press(b, &[Key::Right, Key::Right]).await;
    type_text(b, "2028").await;
    wait_for_saved(
        b,
        "date-statement",
        "e.work.responses['so-date'] && e.work.responses['so-date'].answer.date === '2028-05-05'",
        "the new year",
    )
    .await;

    // Part of a year, then away from the box: the date saved before stays, and the page says so.
    press(b, &[Key::Backspace]).await;
    type_text(b, "2").await;
    click(b, "h1").await;
    b.wait_for_text("This is not a whole date yet", QUICK).await;
    assert_eq!(
        value_at(b, "#q-so-date").await,
        "0002-05-05",
        "the box keeps what was typed"
    );
    wait_for_saved(
        b,
        "date-statement",
        "e.work.responses['so-date'] && e.work.responses['so-date'].answer.date === '2028-05-05'",
        "the date saved before, kept",
    )
    .await;
    b.screenshot(&screenshot_path("typing-date-unfinished"))
        .await;

    // The plan's "By when".
    app.open("#/work/date-plan/plan").await;
    let target = "#plan-row-1-targetdate";
    find(b, target).await;
    assert_eq!(value_at(b, target).await, "2027-07-15");
    type_a_date(b, target, "").await;
    press(b, &[Key::Right, Key::Right]).await;
    type_text(b, "2028").await;
    wait_for_saved(
        b,
        "date-plan",
        "e.work.plan[0].target_date === '2028-07-15'",
        "the plan's new year",
    )
    .await;
    assert_eq!(value_at(b, target).await, "2028-07-15");
    finish(app).await;
}

/// A commitment's "By when" typed as a tester did, with one digit too many in the year: day,
/// month, then `32027`. The box showed a year of 32027 while 3202 was saved (no date holds a
/// year of five digits), the page said "Saved", and a reload brought back 10 March 3202 without
/// a word. The box now takes a year of four digits, as dates hold them, so what it shows is
/// what is saved; and while it holds part of a date, closing or reloading the page asks first.
#[tokio::test]
async fn a_year_of_five_digits_is_never_shown_while_another_is_saved() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "five",
        "Five digits",
        &bundled_definition("self-assessment"),
    );
    audit.plan = vec![plan_row("row-1", "Agree a supervision standard")];
    seed_works(&app, &[&audit], "#/work/five/plan").await;
    let target = "#plan-row-1-targetdate";
    find(b, target).await;
    // The same day and month, so the box's order of its parts (the browser's locale) does not
    // matter; then the year, one digit too many.
    type_a_date(b, target, "0303").await;
    type_text(b, "32027").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let shown = value_at(b, target).await;
    let saved = saved_work(b, "five").await.plan[0].target_date;
    assert_eq!(
        (shown.len(), saved.map(|d| d.to_string())),
        (10, Some(shown.clone())),
        "the box shows {shown:?}: its value, ten characters with a four-digit year, is what is saved"
    );
    // Part of a date (a year of 0002 on the way to another): the date saved before stays, and
    // closing or reloading asks first; a whole date again, and it asks nothing.
    press(b, &[Key::Backspace]).await;
    type_text(b, "2").await;
    assert!(
        crate::storage::asks_before_leaving(b).await,
        "a page whose date box holds part of a date lets it go without asking"
    );
    type_text(b, "028").await;
    wait_for_saved(
        b,
        "five",
        "e.work.plan[0].target_date === '2028-03-03'",
        "the year typed again",
    )
    .await;
    crate::storage::wait_until_leaving_asks_nothing(b, "the whole date stored").await;
    finish(app).await;
}
