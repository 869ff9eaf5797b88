//! Collection mode: the lock on every tab and window, the inactivity limit, a full store,
//! section introductions, larger text, and the crisis line on a phone.

use crate::prelude::*;

/// A screenshot's path under `found/`, for the journeys that pin defects found by using the
/// built app as people do.
pub(crate) fn shot(name: &str) -> std::path::PathBuf {
    screenshot_path(&format!("found/{name}"))
}

/// The number of questions in the service user questionnaire.
pub(crate) const TOTAL: usize = 27;

/// A Welsh-first feedback collection `id`, seeded, with its page open.
pub(crate) async fn welsh_first_collection(app: &TestApp, id: &str) {
    let definition = bundled_definition("feedback-service-user");
    let mut collection = work(id, "Welsh feedback", &definition);
    if let Some(c) = collection.collection.as_mut() {
        c.about = "Tîm y Gogledd".to_owned();
        c.language_offer = mhsw::work::LanguageOffer::WelshFirst;
    }
    seed_works(app, &[&collection], &format!("#/work/{id}")).await;
    wait_for_heading_exact(&app.browser, "Welsh feedback").await;
}

/// Two presses of the left mouse button on the element, `gap` apart: a person's double-click
/// (operating systems count two presses up to half a second apart as one double-click).
pub(crate) async fn double_click_with_gap(
    b: &common::browser::Browser,
    selector: &str,
    gap: Duration,
) {
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
        .then(PointerAction::Pause { duration: gap })
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
    assert!(
        asks_before_leaving(b).await,
        "answers sent but not saved, held only in this page, and leaving would not ask"
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
    assert!(
        !asks_before_leaving(b).await,
        "both people's answers saved, yet leaving would ask"
    );
    finish_allowing(app, &["QuotaExceeded", "quota"]).await;
}

/// A shared tablet: a person sends their answers and is thanked; they are saved, so when the
/// practitioner closes the tab the page has the browser ask nothing.
#[tokio::test]
async fn after_answers_are_saved_leaving_asks_nothing() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Leave after",
        Some("South Team"),
    )
    .await;
    start_collecting(&app, &id, "1357", false).await;
    // Collecting started is a change to the work: once it is stored, leaving asks nothing.
    wait_until_leaving_asks_nothing(
        b,
        "leaving asking nothing once collecting has started and nothing is answered",
    )
    .await;
    let questions = feedback_questions("feedback-service-user");
    one_person_answers(&app, &questions, |_| Some(AGREE), None).await;
    wait_for_heading_exact(b, "Thank you").await;
    assert_eq!(stored_response_count(b, &id).await, 1);
    assert!(
        !asks_before_leaving(b).await,
        "the answers are saved, yet leaving would ask"
    );
    finish(app).await;
}

/// The main heading's text.
pub(crate) async fn heading_text(b: &common::browser::Browser) -> String {
    b.text_of(
        "const h = document.querySelector('main h1'); return h ? h.innerText.trim() : '';",
        vec![],
    )
    .await
}

/// Presses "Next" (or "Skip this question") until the main heading reads `title`.
pub(crate) async fn go_on_to_heading(b: &common::browser::Browser, title: &str) {
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

/// Each section's introduction is a screen of its own before its first question, in
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

    // Easy-read words for the next person (a reload starts afresh at the welcome).
    b.client().refresh().await.expect("reload");
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
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
    b.client().refresh().await.expect("reload");
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
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
pub(crate) async fn font_size(b: &common::browser::Browser, selector: &str) -> f64 {
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
pub(crate) async fn assert_no_sideways_scrolling(b: &common::browser::Browser, what: &str) {
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

/// "Larger text" enlarges everything a person reads (the question, the answers, the
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
    // The welcome (a reload starts afresh there, with larger text chosen again).
    b.client().refresh().await.expect("reload");
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
    click(b, ".text-size").await;
    find(b, ".app.large-text").await;
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

/// On a phone, once a person is answering, the crisis notice folds to one line, first on
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

/// A person on a shared tablet double-clicks "Next", as many people do with any button.
///
/// Steps: start collecting; Start; Next past the first section's introduction; on "Question 1
/// of 27" choose Agree; double-click "Next" (two presses 150 ms apart, on the same spot).
///
/// What went wrong: the second press lands on the next screen's "Skip this question" button,
/// which sits in the same place, so the person is taken to "Question 3 of 27": question 2 is
/// skipped without their ever seeing it (a run of double-clicks skips every other question).
/// They should get "Question 2 of 27".
#[tokio::test]
async fn a_double_click_on_next_moves_on_one_question() {
    let app = TestApp::start().await;
    let b = &app.browser;
    at_question_1_answered(&app, "Double click").await;
    double_click_with_gap(
        b,
        "main form.one-question button[type=submit]",
        Duration::from_millis(150),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    b.screenshot(&shot("double-click-next")).await;
    assert_eq!(
        heading_text(b).await,
        format!("Question 2 of {TOTAL}"),
        "a double-click on Next skipped a question the person never saw"
    );
    finish(app).await;
}

/// A person double-clicks "Next" on a section's introduction, and the second press lands on an
/// answer of the question that replaces it under the pointer.
///
/// Steps: start collecting; Start; on "You and your social worker" double-click "Next" (two
/// presses 150 ms apart, on the same spot).
///
/// What went wrong (found by a tester on 7 December 2026): "Question 1 of 27" opened with
/// "Strongly agree" chosen, an answer the person never gave, and it was sent with the rest (on
/// later screens "Doesn't apply to me" was chosen the same way). The second press of a
/// double-click now chooses nothing; a single press, or a key, chooses as ever.
#[tokio::test]
async fn a_double_click_on_next_chooses_no_answer_on_the_next_screen() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Double click answers",
        Some("West Team"),
    )
    .await;
    start_collecting(&app, &id, "2468", false).await;
    click_button(b, "Start").await;
    wait_for_heading_exact(b, "You and your social worker").await;
    let next = "main form.one-question button[type=submit]";
    let spot = b
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![json!(next)],
        )
        .await;
    double_click_with_gap(b, next, Duration::from_millis(150)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    b.screenshot(&shot("double-click-next-onto-an-answer"))
        .await;
    assert_eq!(heading_text(b).await, format!("Question 1 of {TOTAL}"));
    let chosen = b
        .execute(
            "return [...document.querySelectorAll('main input:checked')].map((i) => i.id);",
            vec![],
        )
        .await;
    assert_eq!(
        chosen,
        json!([]),
        "answers chosen by the second press of a double-click"
    );
    // One press on the same spot chooses the answer there (so the second press had fallen on
    // an answer, and a single press still chooses).
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let press_once = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveTo {
            duration: None,
            x: spot[0].as_f64().expect("x"),
            y: spot[1].as_f64().expect("y"),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    tokio::time::sleep(Duration::from_millis(600)).await;
    b.client()
        .perform_actions(press_once)
        .await
        .expect("one press");
    let first = &feedback_questions("feedback-service-user")[0].0;
    wait_until(
        b,
        "const c = document.querySelector('main input:checked'); return !!c && c.id.startsWith(arguments[0]);",
        vec![json!(format!("q-{first}"))],
        QUICK,
        "one press on the spot choosing an answer of question 1",
    )
    .await;
    finish(app).await;
}

/// The browser's Back on the choice of language, which is in Welsh and English: why nothing
/// moved is said in both, each part marked with its language (it was said in Welsh only, the
/// first language offered; found by a tester on 7 December 2026).
#[tokio::test]
async fn back_on_the_choice_of_language_is_explained_in_both_languages() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_first_collection(&app, "back-bilingual").await;
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    fill(b, "#kiosk-code", "2468").await;
    click_button(b, "Start collecting").await;
    b.wait_for_text("Choose your language", QUICK).await;
    b.client().back().await.expect("press the browser's Back");
    b.wait_for_text("the browser’s Back button stays on these screens", QUICK)
        .await;
    let notes = b
        .execute(
            "return [...document.querySelectorAll('main [role=status] p')].map((p) => [p.lang, p.innerText]);",
            vec![],
        )
        .await;
    assert_eq!(
        notes,
        json!([
            ["cy", "Tra bo’r ddyfais hon yn casglu adborth, mae botwm Yn ôl y porwr yn aros ar y sgriniau hyn."],
            ["en-GB", "While this device is collecting feedback, the browser’s Back button stays on these screens."]
        ]),
        "the notes about Back on the choice of language"
    );
    finish(app).await;
}

/// Collection mode is ended in a second tab while a person is part way through the questions
/// in the first.
///
/// Steps: start collecting in tab 1; Start, Next, answer question 1; open a second tab (it
/// shows "Before you start"); end collection there with the code; back to tab 1.
///
/// What went wrong (found by a tester on 7 December 2026): tab 1 went on showing the person's
/// screens, now under the lead's own header (Home, Questionnaires, Your data) and without "For
/// the practitioner: end collection": anyone could send answers there, or press Home and reach
/// every piece of work on the device. Tab 1 should end collection too, as if ended there.
#[tokio::test]
async fn ending_collection_in_another_tab_ends_it_in_this_one() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = at_question_1_answered(&app, "Ended elsewhere").await;
    let first = b.client().window().await.expect("this tab");
    let second = b.client().new_window(true).await.expect("a second tab");
    b.client()
        .switch_to_window(second.handle.clone())
        .await
        .expect("to the second tab");
    app.open("#/").await;
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
    click_button(b, "For the practitioner: end collection").await;
    fill(b, "#leave-code", "2468").await;
    click_button(b, "End collection").await;
    wait_for_heading_exact(b, "Ended elsewhere").await;
    b.client()
        .close_window()
        .await
        .expect("close the second tab");
    b.client()
        .switch_to_window(first)
        .await
        .expect("back to the first tab");
    wait_for_heading_exact(b, "Ended elsewhere").await;
    assert_eq!(current_hash(b).await, format!("#/work/{id}"));
    b.screenshot(&shot("ended-in-another-tab")).await;
    assert_lacks(
        &main_text(b).await,
        "Question 1 of",
        "the first tab once collection ended in the second",
    );
    assert_eq!(
        stored_response_count(b, &id).await,
        0,
        "answers not sent were kept"
    );
    finish(app).await;
}

/// Someone opens a second tab on the shared tablet during collection (the lock shows the
/// collection screens there too), and people go on answering in both tabs.
///
/// Steps: start collecting in tab 1; open a second tab of the toolkit (it shows "Before you
/// start"); person 1 answers and sends in tab 1 ("Thank you"); person 2 answers and sends in
/// tab 2.
///
/// What went wrong: tab 2 shows "Your answers could not be saved", the practitioner alert says
/// answers from 1 person could not be saved, and the store still holds 1 response: tab 2 treats
/// tab 1's saved response as a conflicting edit of the collection and refuses to save. Sent
/// answers are only added to a collection, so person 2 should get "Thank you" and the
/// collection should hold both responses.
#[tokio::test]
async fn answers_sent_in_a_second_tab_are_saved_with_the_first_tabs() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "feedback-service-user", "Two tabs", Some("West Team")).await;
    start_collecting(&app, &id, "2468", false).await;
    let questions = feedback_questions("feedback-service-user");
    let first = b.client().window().await.expect("this tab");
    let second = b.client().new_window(true).await.expect("a second tab");
    b.client()
        .switch_to_window(second.handle.clone())
        .await
        .expect("to the second tab");
    app.open("#/").await;
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;

    b.client()
        .switch_to_window(first)
        .await
        .expect("back to the first tab");
    one_person_answers(&app, &questions, |_| Some(AGREE), None).await;
    assert_eq!(stored_response_count(b, &id).await, 1);

    b.client()
        .switch_to_window(second.handle)
        .await
        .expect("to the second tab");
    answer_every_question(&app, &questions, |_| Some(DISAGREE), None).await;
    wait_until(
        b,
        "const h = document.querySelector('main h1'); return !!h && !h.innerText.includes('Sending') && !h.innerText.includes('Anfon');",
        vec![],
        QUICK,
        "the answers being sent",
    )
    .await;
    b.screenshot(&shot("second-tab-not-saved")).await;
    let shown = heading_text(b).await;
    let stored = stored_response_count(b, &id).await;
    assert!(
        shown == "Thank you" && stored == 2,
        "the second person's answers, sent in a second tab: the screen says {shown:?} and the \
         device holds {stored} responses (expected \"Thank you\" and 2). Page:\n{}",
        b.body_text().await
    );
    finish(app).await;
}

/// A keyboard user on the shared tablet reaches "For the practitioner: end collection", then
/// goes back to the questions.
///
/// Steps: start collecting; Tab to "For the practitioner: end collection" and press Enter;
/// then Tab to "Go back to the questions" and press Enter.
///
/// What went wrong: each time the button pressed disappears with its screen and focus falls to
/// the page itself (`document.body`): the next Tab starts again from the top, and a screen
/// reader announces nothing of the new screen. Focus should go to the new screen (its heading,
/// or the code box), as every other screen change in collection mode does.
#[tokio::test]
async fn focus_moves_to_the_end_collection_screen_and_back_to_the_questions() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(&app, "feedback-service-user", "Keyboard", Some("West Team")).await;
    start_collecting(&app, &id, "2468", false).await;
    tab_to(b, ".practitioner-exit button", 30).await;
    press(b, &[Key::Enter]).await;
    wait_for_heading_exact(b, "End collection").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let on_leave = focus_is_lost(b).await;
    b.screenshot(&shot("end-collection-focus")).await;
    tab_to(b, "button.secondary", 10).await;
    press(b, &[Key::Enter]).await;
    b.wait_for_text("Before you start", QUICK).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let on_return = focus_is_lost(b).await;
    assert!(
        !on_leave && !on_return,
        "focus fell to the page: on opening \"End collection\": {on_leave}; on \"Go back to \
         the questions\": {on_return}"
    );
    finish(app).await;
}

/// A person answering taps "For the practitioner: end collection" by mistake, reads "This is
/// for the practitioner", and chooses "Go back to the questions" (the wrong-code message tells
/// people answering to do exactly that).
///
/// Steps: start collecting; Start; Next; answer questions 1 and 2 (Agree) and reach question
/// 3; tap "For the practitioner: end collection"; type a wrong code and press "End collection"
/// ("… If you are answering the questions, choose “Go back to the questions”"); press "Go back
/// to the questions".
///
/// What went wrong: the person is taken back to the very start ("Before you start") and both
/// answers are gone, without a word. They should be back at "Question 3 of 27" with their two
/// answers still chosen.
#[tokio::test]
async fn going_back_to_the_questions_returns_a_person_to_where_they_were() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let (_, questions) = at_question_3_with_two_answers(&app, "Mistaken tap").await;
    click_button(b, "For the practitioner: end collection").await;
    wait_for_heading_exact(b, "End collection").await;
    fill(b, "#leave-code", "1111").await;
    click_button(b, "End collection").await;
    b.wait_for_text("choose “Go back to the questions”", QUICK)
        .await;
    click_button(b, "Go back to the questions").await;
    wait_until(
        b,
        "const h = document.querySelector('main h1'); return !!h && h.innerText.trim() !== 'End collection';",
        vec![],
        QUICK,
        "leaving the end-collection screen",
    )
    .await;
    b.screenshot(&shot("go-back-to-the-questions")).await;
    let shown = heading_text(b).await;
    assert_eq!(
        shown,
        format!("Question 3 of {TOTAL}"),
        "\"Go back to the questions\" should return the person to the question they were on"
    );
    click_button(b, "Back").await;
    wait_for_heading_exact(b, &format!("Question 2 of {TOTAL}")).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[1].0, AGREE)).await,
        Some(true),
        "the answer given before the mistaken tap"
    );
    finish(app).await;
}

/// A service user collection called `name`, collecting on the device, with question 1 shown
/// and "Agree" chosen there (not yet sent on with "Next"): its id.
async fn at_question_1_answered(app: &TestApp, name: &str) -> String {
    let b = &app.browser;
    let id = start_work(app, "feedback-service-user", name, Some("West Team")).await;
    start_collecting(app, &id, "2468", false).await;
    click_button(b, "Start").await;
    reach_question(b, 1, TOTAL).await;
    let first = &feedback_questions("feedback-service-user")[0].0;
    click(b, &format!("#{}", option_id(first, AGREE))).await;
    id
}

/// A service user collection called `name`, collecting on the device, with "Agree" given to
/// questions 1 and 2 and question 3 shown: its id, and the questionnaire's questions.
async fn at_question_3_with_two_answers(
    app: &TestApp,
    name: &str,
) -> (String, Vec<(String, bool)>) {
    let b = &app.browser;
    let id = start_work(app, "feedback-service-user", name, Some("West Team")).await;
    start_collecting(app, &id, "2468", false).await;
    let questions = feedback_questions("feedback-service-user");
    click_button(b, "Start").await;
    for number in 1..=2 {
        reach_question(b, number, TOTAL).await;
        click(
            b,
            &format!("#{}", option_id(&questions[number - 1].0, AGREE)),
        )
        .await;
        click_button(b, "Next").await;
    }
    reach_question(b, 3, TOTAL).await;
    (id, questions)
}

/// A person answering on a shared tablet presses the browser's Back (a phone's back gesture
/// does the same) to see the question before.
///
/// What went wrong: nothing moved and nothing was said: the app keeps the device on the
/// collection screens, and did so silently. The browser's Back should do what the screen's own
/// Back does, to the screen before with the answers kept; where there is no screen before, it
/// should say so; and it never leaves collection mode.
#[tokio::test]
async fn the_browsers_back_goes_back_one_screen_in_collection_mode() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let (id, questions) = at_question_3_with_two_answers(&app, "Back gesture").await;
    b.client().back().await.expect("press the browser's Back");
    wait_for_heading_exact(b, &format!("Question 2 of {TOTAL}")).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[1].0, AGREE)).await,
        Some(true),
        "the answer to question 2, after the browser's Back"
    );
    b.client().back().await.expect("press the browser's Back");
    wait_for_heading_exact(b, &format!("Question 1 of {TOTAL}")).await;
    // Back to the first screen of questions (the first section's introduction, if it has
    // one), then once more: nothing before it, and the page says so.
    let mut said = false;
    for _ in 0..3 {
        b.client().back().await.expect("press the browser's Back");
        tokio::time::sleep(Duration::from_millis(400)).await;
        if main_text(b)
            .await
            .contains("There is no screen before this one.")
        {
            said = true;
            break;
        }
    }
    b.screenshot(&shot("browser-back-in-collection-mode")).await;
    assert!(
        said,
        "the browser's Back on the first screen of questions said nothing; the page shows {:?}",
        heading_text(b).await
    );
    assert!(
        current_hash(b)
            .await
            .ends_with(&format!("/work/{id}/collect")),
        "the browser's Back left collection mode: {}",
        current_hash(b).await
    );
    // The answers given are still there: on to question 1 (past its introduction), answered.
    reach_question(b, 1, TOTAL).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[0].0, AGREE)).await,
        Some(true),
        "the answer to question 1, after going back to the first screen"
    );
    finish(app).await;
}
