//! Welsh: a Welsh-first collection answered in both languages and its report in Cymraeg.

use crate::prelude::*;

/// A Welsh-first collection's report opens in Welsh, can be read in English
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
    // The report is in Welsh on an English page: the message says which the PDF is in.
    b.wait_for_text(
        "Your PDF is ready, in Welsh: welsh-feedback.pdf",
        DEFAULT_TIMEOUT,
    )
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

/// The page's `<html lang>`.
pub(crate) async fn page_lang(b: &common::browser::Browser) -> String {
    b.text_of("return document.documentElement.lang;", vec![])
        .await
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
    let chosen = |id: &str| {
        welsh
            .answers
            .item(&id.into())
            .and_then(|i| i.answer.clone())
    };
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

/// On a Welsh-first tablet, a person answering in English leaves it untouched past the limit.
///
/// Steps: the practitioner offers Welsh first and starts collecting with a 1-minute limit; the
/// person chooses English, Start, Next, chooses an answer, and leaves the tablet; after 75
/// seconds they (or the next person) come back.
///
/// What went wrong: the bilingual "Dewiswch eich iaith / Choose your language" screen shows the
/// notice about the cleared answers in Welsh only ("Cafodd atebion anorffenedig y person
/// diwethaf eu clirio …"), though the person who was answering chose English and everything
/// else on that screen is in both languages. It should say it in English too, and focus
/// should not fall to the page.
#[tokio::test]
async fn the_cleared_answers_notice_on_the_bilingual_screen_is_in_english_too() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_first_collection(&app, "welsh-idle").await;
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    fill(b, "#kiosk-code", "2468").await;
    fill(b, "#kiosk-idle", "1").await;
    click_button(b, "Start collecting").await;
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    click_button(b, "English").await;
    click_button(b, "Start").await;
    click_button(b, "Next").await;
    wait_for_heading_exact(b, &format!("Question 1 of {TOTAL}")).await;
    click(b, "main input[type=radio]").await;
    // The limit is a minute; the app looks every 10 seconds.
    tokio::time::sleep(Duration::from_secs(75)).await;
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    b.screenshot(&shot("cleared-notice-welsh-only")).await;
    let text = main_text(b).await;
    assert_contains(
        &text,
        "Cafodd atebion anorffenedig y person diwethaf eu clirio",
        "the notice in Welsh",
    );
    assert_contains(
        &text,
        "The last person’s unfinished answers were cleared because the device was not used for a while.",
        "the notice in English, on a screen in both languages",
    );
    assert!(
        !focus_is_lost(b).await,
        "focus fell to the page when the screen was cleared"
    );
    finish(app).await;
}

/// A Welsh-first tablet handed to someone on a phone-sized screen (390 × 844).
///
/// Steps: the practitioner offers Welsh first and starts collecting on a phone-sized window;
/// the first screen, "Dewiswch eich iaith / Choose your language", is handed over.
///
/// What went wrong: the crisis notice, given in full in both languages before anything else,
/// is about two screens tall (1,412 CSS px in a 701 px window), so the person sees only it:
/// the heading starts about two screens down and the "Cymraeg" and "English" buttons two and a
/// half and three screens down, with nothing on the first screen to say there is anything to
/// choose. (The same happens on the Welsh welcome: "Dechrau" is three screens down.) On the
/// answering screens the notice folds to one line that opens; here the person should see the
/// heading and the first language button without scrolling, with the notice still first.
#[tokio::test]
async fn on_a_phone_the_language_choice_shows_on_the_first_screen() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_first_collection(&app, "welsh-phone").await;
    b.client()
        .set_window_size(390, 844)
        .await
        .expect("a phone-sized window");
    click_text(b, "Collect on this device").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    fill(b, "#kiosk-code", "2468").await;
    click_button(b, "Start collecting").await;
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.screenshot(&shot("phone-language-choice")).await;
    let where_things_are = b
        .execute(
            "const top = e => Math.round(e.getBoundingClientRect().top); \
             return { window: innerHeight, heading: top(document.querySelector('main h1')), \
                      first_button: top(document.querySelector('.language-choice button')), \
                      crisis_first: document.querySelector('aside.crisis').getBoundingClientRect().top \
                        < document.querySelector('main h1').getBoundingClientRect().top };",
            vec![],
        )
        .await;
    let window = where_things_are["window"].as_i64().unwrap_or(0);
    let heading_top = where_things_are["heading"].as_i64().unwrap_or(i64::MAX);
    let button_top = where_things_are["first_button"]
        .as_i64()
        .unwrap_or(i64::MAX);
    assert!(
        heading_top < window && button_top < window,
        "on a phone the person handed the tablet sees only the crisis notice: {where_things_are}"
    );
    finish(app).await;
}
