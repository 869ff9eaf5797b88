//! Paper forms: clearing answers, numbering, and a Welsh-first collection's form printed in
//! both languages.

use crate::prelude::*;

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

    // One answer: saved and counted. Until it is saved, the form is only on screen, so closing
    // or reloading the page asks first (a reload took a half-typed form without a word: found
    // by a tester on 7 December 2026); saved, nothing is asked.
    click(b, "#q-rel-2").await;
    assert!(
        crate::storage::asks_before_leaving(b).await,
        "a form being typed in, and leaving would not ask"
    );
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
    crate::storage::wait_until_leaving_asks_nothing(b, "the paper form saved").await;

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
pub(crate) async fn print_to_text(b: &common::browser::Browser, name: &str) -> String {
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

/// The practitioner types in returned paper forms and double-clicks "Save this form and start
/// the next".
///
/// Steps: open "Type in returned paper forms"; tick Agree for the first question; double-click
/// the save button (two presses in quick succession).
///
/// What went wrong: the one form is stored twice (2 responses in the collection), so the
/// report counts a person who never existed; or, when the second press comes just after the
/// first save, the cleared form is "saved" again and the page says "This form has no answers"
/// about a form that was saved. The save should store it once, however quickly the button is
/// pressed again, with no false error.
#[tokio::test]
async fn a_double_click_on_save_stores_one_paper_form() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let id = start_work(
        &app,
        "feedback-service-user",
        "Paper forms",
        Some("West Team"),
    )
    .await;
    app.open(&format!("#/work/{id}")).await;
    click_text(b, "Type in returned paper forms").await;
    wait_for_heading_exact(b, "Type in paper forms").await;
    let first = &feedback_questions("feedback-service-user")[0].0;
    click(b, &format!("#{}", option_id(first, AGREE))).await;
    double_click(b, "form.paper-entry button[type=submit]").await;
    b.wait_for_text("saved this session", QUICK).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    b.screenshot(&shot("paper-double-save")).await;
    let stored = stored_response_count(b, &id).await;
    let text = main_text(b).await;
    assert!(
        stored == 1 && !text.contains("This form has no answers"),
        "one paper form, saved with a double-click: {stored} responses stored (expected 1), \
         and the page says:\n{}",
        text.lines()
            .filter(|l| l.contains("saved this session") || l.contains("no answers"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    finish(app).await;
}

/// Typing in forms after a collection's period has ended (or before it starts) is allowed, and
/// the page says how those forms are dated and counted; within the period it says nothing.
/// They had been taken without a word (found by a tester on 7 December 2026), and so had
/// answers collected on the device: its setup screen now says the same.
#[tokio::test]
async fn forms_typed_in_or_answers_collected_outside_the_period_say_how_they_are_counted() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let period = |id: &str, start: &str, end: &str| {
        let mut collection = work(id, id, &definition);
        if let Some(c) = collection.collection.as_mut() {
            c.about = "North Team".to_owned();
            c.period_start = Some(date(start));
            c.period_end = Some(date(end));
        }
        collection
    };
    let ended = period("ended", "2000-01-01", "2000-01-31");
    let later = period("later", "2999-01-01", "2999-01-31");
    let now = period("now", "2000-01-01", "2999-01-31");
    seed_works(&app, &[&ended, &later, &now], "#/work/ended/enter").await;
    wait_for_heading_exact(b, "Type in paper forms").await;
    let text = main_text(b).await;
    assert_contains(
        &text,
        "This collection’s period ended on 31 January 2000. A form typed in now is dated today (",
        "forms typed in after the period",
    );
    assert_contains(
        &text,
        ") and counted with the others.",
        "forms typed in after the period",
    );
    b.screenshot(&screenshot_path("paper-after-the-period"))
        .await;

    app.open("#/work/later/enter").await;
    b.wait_for_text(
        "This collection’s period starts on 1 January 2999. A form typed in now is dated today (",
        DEFAULT_TIMEOUT,
    )
    .await;

    app.open("#/work/now/enter").await;
    wait_for_heading_exact(b, "Type in paper forms").await;
    assert_lacks(
        &main_text(b).await,
        "period",
        "forms typed in within the period",
    );

    // Collecting on the device says the same to the practitioner, before handing it over.
    app.open("#/work/ended/collect").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    let text = main_text(b).await;
    assert_contains(
        &text,
        "This collection’s period ended on 31 January 2000. Answers given on this device now are dated today (",
        "collecting after the period",
    );
    b.screenshot(&screenshot_path("collect-after-the-period"))
        .await;
    app.open("#/work/now/collect").await;
    wait_for_heading_exact(b, "Collect feedback on this device").await;
    assert_lacks(
        &main_text(b).await,
        "period",
        "collecting within the period",
    );
    finish(app).await;
}
