//! Feedback collections: people answering in turn on a shared device, small groups
//! suppressed, files from several devices combined, versions and questionnaires kept apart.

use crate::prelude::*;

/// The questions of a feedback questionnaire in the order one-per-screen collection shows them:
/// (id, is a rating).
pub(crate) fn feedback_questions(definition_id: &str) -> Vec<(String, bool)> {
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
pub(crate) const AGREE: usize = 3;

pub(crate) const DISAGREE: usize = 1;

/// Starts collection mode on a feedback collection's page with the code `code`.
pub(crate) async fn start_collecting(app: &TestApp, id: &str, code: &str, check_pages: bool) {
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
pub(crate) async fn end_collecting(app: &TestApp, id: &str, code: &str) {
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
pub(crate) async fn assert_cannot_leave(app: &TestApp, id: &str) {
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
pub(crate) async fn reach_question(b: &common::browser::Browser, number: usize, total: usize) {
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
pub(crate) async fn answer_every_question(
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
pub(crate) async fn one_person_answers(
    app: &TestApp,
    questions: &[(String, bool)],
    rating: impl Fn(usize) -> Option<usize>,
    words: Option<&str>,
) {
    answer_every_question(app, questions, rating, words).await;
    wait_for_heading_exact(&app.browser, "Thank you").await;
}

/// Three people answer in turn on one device: nobody sees an earlier answer, nothing leads
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
    // The practitioner's exit pressed by mistake, then back to the questions: the person is
    // where they were, with their answer.
    click_button(b, "For the practitioner: end collection").await;
    assert_accessible(b, "the end-collection screen").await;
    click_button(b, "Go back to the questions").await;
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[0].0, AGREE)).await,
        Some(true),
        "a person back from the practitioner's exit finds their answer"
    );
    // A reload starts afresh: nothing of theirs is kept but in this page's memory.
    b.client().refresh().await.expect("reload");
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
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
        .map(|r| {
            r.answers
                .item(&first.as_str().into())
                .and_then(|i| i.answer.clone())
        })
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

/// Someone answering presses the back button (or a swipe does): they go back one question, as
/// the screen's own Back takes them, with every unsent answer kept, instead of being sent back
/// to the start (as before 30 November 2026) or left where they were with nothing said (as
/// before 6 December 2026).
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
    wait_for_heading_exact(b, &format!("Question 1 of {total}")).await;
    assert_eq!(
        is_checked(b, &option_id(&questions[0].0, AGREE)).await,
        Some(true),
        "the answer to question 1, after the back button"
    );
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 2 of {total}")).await;
    assert_eq!(
        is_checked(b, &second).await,
        Some(true),
        "the answer to question 2, given before the back button"
    );
    finish(app).await;
}

/// Four seeded responses, each answering every rating; `agree` for even numbers.
pub(crate) fn four_responses(prefix: &str) -> Vec<mhsw::work::FeedbackResponse> {
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

/// Four responses: only the suppression label. A fifth, given on the device: figures appear.
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
            "return document.querySelectorAll('main .chart, main svg').length;",
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

/// Files from two devices combine, and importing one twice adds nothing: 3 + 4 = 7.
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
    // A device that renamed its copy: the message names the collection here, which took the
    // responses (it named the file's, which is not on this device).
    let mut renamed = device(four_responses("device-b"));
    renamed.name = "Renamed on another device".to_owned();
    let file_c = temp_file("device-c.json", &export_work(&renamed));
    choose_files(b, "#import-file", &[&file_c.path]).await;
    b.wait_for_text(
        "device-c.json: 0 new responses added to “Ward feedback” and saved on this device; 4 were already there.",
        QUICK,
    )
    .await;
    assert_lacks(
        &main_text(b).await,
        "Renamed on another device",
        "the home page",
    );
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

/// Nothing lost: a collection holding responses given with the service-user
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

/// A lead imports a collection file with one response from another device, then a later file
/// of the same collection with one more.
///
/// Steps: on Home, "Import work from a file": a collection with 1 response; then the same
/// collection exported later with 2.
///
/// What went wrong: the messages read "imported as “Big collection” with 1 responses" and
/// "1 new responses added to “Big collection” …; 1 were already there". They should read
/// "1 response", "1 new response" and "1 was already there".
#[tokio::test]
async fn import_messages_count_one_response_in_the_singular() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let one = collection_with("one-response", "feedback-service-user", 1);
    let two = collection_with("one-response", "feedback-service-user", 2);
    let first = temp_file("from-the-tablet.json", &export_work(&one));
    let later = temp_file("from-the-tablet-later.json", &export_work(&two));
    app.open("#/").await;
    find(b, ".tool-list").await;
    let status = || async {
        b.text_of(
            "const e = document.querySelector('.import [role=status]'); return e ? e.innerText : '';",
            vec![],
        ).await
    };
    choose_files(b, "#import-file", &[&first.path]).await;
    b.wait_for_text("from-the-tablet.json: imported", DEFAULT_TIMEOUT)
        .await;
    let imported = status().await;
    choose_files(b, "#import-file", &[&later.path]).await;
    b.wait_for_text("from-the-tablet-later.json:", DEFAULT_TIMEOUT)
        .await;
    let merged = status().await;
    b.screenshot(&shot("import-one-responses")).await;
    let mut wrong = Vec::new();
    for (message, plural) in [
        (&imported, "with 1 responses"),
        (&merged, "1 new responses"),
        (&merged, "1 were already there"),
    ] {
        if message.contains(plural) {
            wrong.push(format!("{plural:?} in {message:?}"));
        }
    }
    assert!(wrong.is_empty(), "one response counted as many: {wrong:?}");
    finish(app).await;
}

/// The name box's example fits what is being started: feedback on a practitioner's practice is
/// never given an audit's name as its example, in English or in Welsh.
#[tokio::test]
async fn the_name_hint_gives_an_example_for_the_kind_of_work_started() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let hint = || async {
        b.text_of(
            "const h = document.querySelector('#work-name-hint'); return h ? h.textContent : '';",
            vec![],
        )
        .await
    };
    app.open("#/new/feedback-service-user").await;
    find(b, "#work-name").await;
    assert_eq!(
        hint().await,
        "For example “Feedback on my practice, spring 2027”. Only people using this device see it.",
        "the feedback start page"
    );
    app.open("#/new/self-assessment").await;
    wait_until(
        b,
        "const h = document.querySelector('#work-name-hint'); return !!h && h.textContent.includes('audit');",
        vec![],
        DEFAULT_TIMEOUT,
        "the audit's example",
    )
    .await;
    finish(app).await;
}
