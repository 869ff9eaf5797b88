//! A Welsh council end to end, with Welsh as the lead's language: a Welsh-first collection set
//! up, its paper form, collection mode, the feedback report and its PDF; then the audit, its
//! results, plan and PDF. Each page's words are read for English a Welsh reader should not meet
//! (the questionnaires' own English is marked `en-GB`, and is not counted), and a screenshot of
//! each is kept to look at.

use crate::prelude::*;

const SETTING: &str = "mhsw:interface-language";

/// English phrases of the interface that a Welsh page must not show.
const ENGLISH: [&str; 14] = [
    "Enter the ",
    "Shorten ",
    "Save the",
    "Download the",
    "Your PDF is ready",
    "Collect on this device",
    "Print a paper version",
    "responses",
    "Summary",
    "Results:",
    "Languages:",
    "period",
    " line ",
    "Fix:",
];

/// The text of `main` a Welsh reader reads as Welsh: without anything marked as another
/// language (`lang="en-GB"`, the questionnaires' own English) or typed by people.
async fn welsh_text(b: &common::browser::Browser) -> String {
    b.text_of(
        "const m = document.querySelector('main').cloneNode(true);\
         m.querySelectorAll('[lang]:not([lang=\"cy\"])').forEach(e => e.remove());\
         m.querySelectorAll('input, textarea').forEach(e => e.remove());\
         return m.innerText;",
        vec![],
    )
    .await
}

/// Looks at one page: its screenshot is kept as `name`, and any of [`ENGLISH`] in its Welsh is
/// added to `found`, so that one walk lists every page's English.
async fn look_at(b: &common::browser::Browser, name: &str, found: &mut Vec<String>) -> String {
    b.screenshot(&screenshot_path(name)).await;
    let text = welsh_text(b).await;
    for english in ENGLISH {
        if text.contains(english) {
            found.push(format!("{name}: a Welsh page says {english:?}:\n{text}"));
        }
    }
    text
}

/// Fails with every page's English, if any was found.
fn none_found(found: &[String]) {
    assert!(found.is_empty(), "{}", found.join("\n\n"));
}

/// Sets a date box as the browser's date picker does (typed digits follow the browser's own
/// locale order, which a test cannot know).
async fn choose_date(b: &common::browser::Browser, field: &str, day: &str) {
    b.execute(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
         e.dispatchEvent(new Event('input', { bubbles: true })); \
         e.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![json!(field), json!(day)],
    )
    .await;
}

/// A Welsh lead sets up a Welsh-first collection: a period typed wrongly is explained in Welsh,
/// and the collection, its languages, its paper form and collection mode's welcome speak Welsh.
#[tokio::test]
async fn a_welsh_lead_sets_up_a_welsh_first_collection() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut found = Vec::new();
    app.open("#/").await;
    storage_set(b, SETTING, "cy").await;
    reload(&app, "#/new/feedback-service-user").await;
    wait_for_heading(b, "Dechrau: ").await;
    fill(b, "#work-name", "Adborth Conwy").await;
    fill(b, "#work-about", "Tîm Iechyd Meddwl Cymunedol Conwy").await;
    choose_date(b, "#work-period-start", "2026-11-22").await;
    choose_date(b, "#work-period-end", "2026-03-01").await;
    click(b, "form.form button[type=submit]").await;
    find(b, "#work-period-end-error").await;
    let said = look_at(b, "welsh-council-period-error", &mut found).await;
    let welsh = "Mae diwedd y cyfnod (1 Mawrth 2026) cyn ei ddechrau (22 Tachwedd 2026)";
    if !said.contains(welsh) {
        found.push(format!(
            "a period that ends before it starts: no {welsh:?} in:\n{said}"
        ));
    }
    choose_date(b, "#work-period-end", "2027-01-31").await;
    click(b, "form.form button[type=submit]").await;
    let hash = wait_for_hash(b, "#/work/").await;
    let id = hash.trim_start_matches("#/work/").to_owned();
    wait_for_heading_exact(b, "Adborth Conwy").await;
    click(b, "details.language-offer summary").await;
    click(b, "#language-offer-welsh_first").await;
    click_button(b, "Cadw’r ieithoedd").await;
    wait_for_saved(
        b,
        &id,
        "e.work.collection.language_offer === 'welsh_first'",
        "the language offer",
    )
    .await;
    look_at(b, "welsh-council-collection", &mut found).await;

    app.open(&format!("#/work/{id}/paper")).await;
    b.wait_for_text("Argraffu yn", DEFAULT_TIMEOUT).await;
    look_at(b, "welsh-council-paper", &mut found).await;

    app.open(&format!("#/work/{id}/collect")).await;
    fill(b, "#kiosk-code", "2468").await;
    click_button(b, "Dechrau casglu").await;
    wait_for_heading_exact(b, "Dewiswch eich iaith / Choose your language").await;
    b.screenshot(&screenshot_path("welsh-council-welcome"))
        .await;
    click_button(b, "Cymraeg").await;
    wait_for_heading_exact(b, "Eich profiad o waith cymdeithasol").await;
    look_at(b, "welsh-council-collect-start", &mut found).await;
    none_found(&found);
    finish(app).await;
}

/// A Welsh lead reads a Welsh-first collection's report in Welsh and downloads its PDF.
#[tokio::test]
async fn a_welsh_lead_reads_the_feedback_report_and_its_pdf() {
    let mut collection = collection_with("conwy-feedback", "feedback-service-user", 6);
    collection.name = "Adborth Conwy".to_owned();
    if let Some(c) = collection.collection.as_mut() {
        c.language_offer = mhsw::work::LanguageOffer::WelshFirst;
        c.about = "Tîm Conwy".to_owned();
    }
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut found = Vec::new();
    seed_works(&app, &[&collection], "#/").await;
    storage_set(b, SETTING, "cy").await;
    reload(&app, "#/work/conwy-feedback").await;
    wait_for_heading_exact(b, "Adborth Conwy").await;
    look_at(b, "welsh-council-feedback-work", &mut found).await;
    reload(&app, "#/work/conwy-feedback/results").await;
    b.wait_for_text("Crynodeb", DEFAULT_TIMEOUT).await;
    look_at(b, "welsh-council-feedback-report", &mut found).await;
    click_button(b, "Lawrlwytho’r adroddiad (PDF)").await;
    let pdf = b.wait_for_download(".pdf", DEFAULT_TIMEOUT).await;
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf));
    std::fs::write(
        screenshot_path("welsh-council-feedback-pdf").with_extension("txt"),
        &text,
    )
    .ok();
    assert_contains(&text, "Crynodeb", "the Welsh feedback PDF");
    look_at(b, "welsh-council-feedback-pdf-ready", &mut found).await;
    none_found(&found);
    finish(app).await;
}

/// A Welsh lead's audit: its contents, results, plan and PDF.
#[tokio::test]
async fn a_welsh_lead_reads_the_audit_results_plan_and_pdf() {
    let mut audit = work(
        "conwy-audit",
        "Archwiliad Conwy",
        &bundled_definition("self-assessment"),
    );
    audit.organisation = "Cyngor Bwrdeistref Sirol Conwy".to_owned();
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "wales"),
        ("strat-1", "established"),
        ("strat-3", "not-in-place"),
        ("wal-1", "established"),
        ("wal-2", "developing"),
    ]);
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut found = Vec::new();
    seed_works(&app, &[&audit], "#/").await;
    storage_set(b, SETTING, "cy").await;
    reload(&app, "#/work/conwy-audit").await;
    wait_for_heading_exact(b, "Archwiliad Conwy").await;
    look_at(b, "welsh-council-audit-contents", &mut found).await;
    reload(&app, "#/work/conwy-audit/results").await;
    wait_for_heading(b, "Canlyniadau: Archwiliad Conwy").await;
    let results = look_at(b, "welsh-council-audit-results", &mut found).await;
    // The active offer's law is given in Welsh by the self-assessment: the report says it so.
    for page in [&results, &normalise(&main_text(b).await)] {
        if !page.contains("Yn ofynnol gan: Safonau'r Gymraeg o dan Fesur y Gymraeg (Cymru) 2011") {
            found.push(format!("the active offer's law is not in Welsh:\n{page}"));
        }
    }
    click_button(b, "Lawrlwytho’r adroddiad (PDF)").await;
    let pdf = b
        .wait_for_download("archwiliad-conwy.pdf", DEFAULT_TIMEOUT)
        .await;
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf));
    std::fs::write(
        screenshot_path("welsh-council-audit-pdf").with_extension("txt"),
        &text,
    )
    .ok();
    if !text.contains("Yn ofynnol gan: Safonau'r Gymraeg") {
        found.push("the audit PDF names the active offer's law in English".to_owned());
    }
    // The Wales items' suggested first steps are given in Welsh: a Welsh plan proposes them so.
    const WELSH_STEP: &str = "Cofnodwch ddewis iaith pob unigolyn";
    if !text.contains(WELSH_STEP) {
        found.push("the audit PDF suggests the active offer's first step in English".to_owned());
    }
    reload(&app, "#/work/conwy-audit/plan").await;
    b.wait_for_text("Ychwanegu cam gweithredu", DEFAULT_TIMEOUT)
        .await;
    let plan = look_at(b, "welsh-council-audit-plan", &mut found).await;
    if !plan.contains(WELSH_STEP) {
        found.push(format!(
            "the plan suggests the active offer's first step in English:\n{plan}"
        ));
    }
    none_found(&found);
    finish(app).await;
}
