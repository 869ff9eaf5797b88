//! The lead's own pages in Welsh: a lead switches to Cymraeg on the home page and
//! does an audit in Welsh: every page on the way speaks Welsh with `<html lang="cy">`, the
//! self-assessment's own English words carry `lang="en-GB"`, switching language half way
//! through typing evidence loses nothing, the choice survives a reload and goes with "Remove
//! all my data", and the Welsh pages pass axe and fit a phone and 400% zoom.

use fantoccini::key::Key;
use serde_json::json;

use crate::common::browser::{Browser, DEFAULT_TIMEOUT};
use crate::common::journey::*;
use crate::common::{screenshot_path, TestApp};
use crate::prelude::assert_contains;

const SETTING: &str = "mhsw:interface-language";

/// The document's `lang`.
async fn page_lang(b: &Browser) -> String {
    b.text_of("return document.documentElement.lang;", vec![])
        .await
}

/// Waits until the page is in `lang` and shows `words` in its main part, then checks the frame
/// speaks the same language.
async fn assert_in(b: &Browser, lang: &str, words: &str, page: &str) {
    wait_until(
        b,
        "const m = document.querySelector('main'); \
         return document.documentElement.lang === arguments[0] && !!m && m.innerText.includes(arguments[1]);",
        vec![json!(lang), json!(words)],
        DEFAULT_TIMEOUT,
        &format!("{page} in {lang}, showing {words:?}"),
    )
    .await;
    let frame = b.body_text().await;
    let (nav, note) = if lang == "cy" {
        (
            "Hafan",
            "Nid yw’r Gymraeg yn y pecyn cymorth hwn wedi cael ei gwirio",
        )
    } else {
        ("Home", "")
    };
    assert!(
        frame.contains(nav),
        "{page}: the navigation is not in {lang}:\n{frame}"
    );
    assert!(
        frame.contains(note),
        "{page}: the footer does not say the Welsh is unchecked"
    );
    if lang == "cy" {
        assert!(
            frame
                .contains("The Welsh in this toolkit has not yet been checked by a Welsh speaker."),
            "{page}: the unchecked Welsh is not said in English too"
        );
    }
}

/// Clicks the header's language switch, which names the other language in itself.
async fn switch_to(b: &Browser, own_name: &str, tag: &str) {
    let selector = format!(".lead-language button[lang='{tag}']");
    let button = find(b, &selector).await;
    let text = button.text().await.expect("the switch's text");
    assert_eq!(
        text.trim(),
        own_name,
        "the switch names the language in itself"
    );
    click(b, &selector).await;
}

#[tokio::test]
async fn a_lead_does_an_audit_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/").await;
    find(b, "a[href='#/new/self-assessment']").await;
    assert_eq!(page_lang(b).await, "en-GB");

    // Home: Cymraeg, at once.
    switch_to(b, "Cymraeg", "cy").await;
    assert_in(b, "cy", "Dechrau rhywbeth newydd", "home").await;
    wait_for_heading(b, "Pecyn cymorth gwaith cymdeithasol iechyd meddwl").await;
    assert_eq!(
        storage_get(b, SETTING).await.as_deref(),
        Some("cy"),
        "the choice is kept on the device"
    );
    // The questionnaires' own words are English: they say so.
    find(b, ".tool-card h3[lang='en-GB']").await;
    b.screenshot(&screenshot_path("welsh-home")).await;
    check_screen(b, "welsh-home").await;

    // New work.
    click(b, "a[href='#/new/self-assessment']").await;
    wait_for_heading(b, "Dechrau: ").await;
    assert_in(
        b,
        "cy",
        "Barn pwy y mae’r archwiliad hwn yn ei chofnodi?",
        "new work",
    )
    .await;
    check_screen(b, "welsh-new-work").await;
    fill(b, "#work-name", "Archwiliad Cymraeg").await;
    click(b, "form.form button[type=submit]").await;
    let hash = wait_for_hash(b, "#/work/").await;
    let id = hash.trim_start_matches("#/work/").to_owned();

    // Contents.
    wait_for_heading_exact(b, "Archwiliad Cymraeg").await;
    assert_in(b, "cy", "Adrannau", "contents").await;
    assert_in(b, "cy", "Gweld y canlyniadau", "contents").await;
    assert_in(b, "cy", "0 o 2 wedi’u hateb", "contents").await;
    find(
        b,
        &format!("a[href='#/work/{id}/section/strategy'][lang='en-GB']"),
    )
    .await;
    check_screen(b, "welsh-contents").await;

    // A section: its title and questions are the questionnaire's English.
    click(b, &format!("a[href='#/work/{id}/section/strategy']")).await;
    let strategy = bundled_definition("self-assessment")
        .section(&"strategy".into())
        .expect("a strategy section")
        .title
        .to_string();
    wait_for_heading_exact(b, &strategy).await;
    assert_in(b, "cy", "Cadw a pharhau", "a section").await;
    find(b, "main h1[lang='en-GB']").await;
    find(b, ".question-text span[lang='en-GB']").await;
    click(b, "#q-strat-1-2").await;

    // Evidence typed with key presses, with an edit in the middle, across two switches.
    click(b, "#q-strat-1-evidence").await;
    type_text(b, "Strategy approved board").await;
    press(b, &[Key::Left; 5]).await;
    type_text(b, "by the ").await;
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some("Strategy approved by the board")
    );
    switch_to(b, "English", "en-GB").await;
    assert_in(b, "en-GB", "Save and continue", "a section in English").await;
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some("Strategy approved by the board"),
        "switching language loses no character"
    );
    click(b, "#q-strat-1-evidence").await;
    press(b, &[Key::End]).await;
    type_text(b, ", May 2025").await;
    switch_to(b, "Cymraeg", "cy").await;
    assert_in(b, "cy", "Cadw a pharhau", "a section back in Welsh").await;
    let evidence = "Strategy approved by the board, May 2025";
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some(evidence)
    );
    assert_eq!(
        is_checked(b, "q-strat-1-2").await,
        Some(true),
        "the answer is kept"
    );
    wait_for_saved(
        b,
        &id,
        &format!(
            "e.work.responses['strat-1'].evidence === {}",
            json!(evidence)
        ),
        "the evidence",
    )
    .await;
    assert_in(b, "cy", "Tystiolaeth", "a section's evidence box").await;
    b.screenshot(&screenshot_path("welsh-section")).await;
    check_screen(b, "welsh-section").await;

    // Results and plan.
    app.open(&format!("#/work/{id}")).await;
    click(b, &format!("a[href='#/work/{id}/results']")).await;
    wait_for_heading(b, "Canlyniadau: Archwiliad Cymraeg").await;
    assert_in(b, "cy", "Lawrlwytho’r adroddiad (PDF)", "results").await;
    check_screen(b, "welsh-results").await;
    click(b, &format!("a[href='#/work/{id}/plan']")).await;
    assert_in(b, "cy", "Ychwanegu cam gweithredu", "the plan").await;
    check_screen(b, "welsh-plan").await;

    // Your data, through the navigation; then a reload keeps Welsh.
    click(b, "nav a[href='#/privacy']").await;
    wait_for_heading_exact(b, "Eich data").await;
    assert_in(b, "cy", "Gwneud copi wrth gefn o bopeth", "your data").await;
    check_screen(b, "welsh-your-data").await;
    reload(&app, "#/privacy").await;
    wait_for_heading_exact(b, "Eich data").await;
    assert_in(
        b,
        "cy",
        "Dileu fy holl ddata o’r ddyfais hon",
        "your data after a reload",
    )
    .await;

    // A phone and 400% zoom: nothing runs off the side of the Welsh pages.
    for (width, height, label) in [(390, 844, "phone"), (320, 256, "zoom-400")] {
        b.client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        for (route, ready, name) in [
            ("#/", "Dechrau rhywbeth newydd", "home"),
            ("#/new/self-assessment", "Barn pwy", "new-work"),
            (&*format!("#/work/{id}"), "Adrannau", "contents"),
            (
                &*format!("#/work/{id}/section/strategy"),
                "Cadw a pharhau",
                "section",
            ),
            (&*format!("#/work/{id}/results"), "Cymharu", "results"),
            ("#/privacy", "Eich data", "your-data"),
        ] {
            app.open(route).await;
            assert_in(b, "cy", ready, name).await;
            assert_fits_the_width(b, &format!("welsh {name} at {label}")).await;
            b.screenshot(&screenshot_path(&format!("welsh-{name}-{label}")))
                .await;
        }
    }
    b.client()
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");

    // "Remove all my data" removes the choice with everything else.
    app.open("#/privacy").await;
    wait_for_heading_exact(b, "Eich data").await;
    click_text(b, "Dileu fy holl ddata o’r ddyfais hon").await;
    click_text(b, "Ie, dileu popeth").await;
    b.wait_for_text(
        "Mae popeth yr oedd y pecyn cymorth yn ei gadw",
        DEFAULT_TIMEOUT,
    )
    .await;
    assert_eq!(
        storage_get(b, SETTING).await,
        None,
        "the choice goes with everything else"
    );
    reload(&app, "#/").await;
    wait_for_heading(b, "Mental health social work toolkit").await;
    assert_eq!(page_lang(b).await, "en-GB");
    crate::prelude::finish(app).await;
}

/// With site data blocked (nothing can be kept), the switch still changes the page at once;
/// the choice simply is not remembered.
#[tokio::test]
async fn the_switch_works_when_storage_is_blocked() {
    let app = TestApp::start_with_site_data_blocked().await;
    let b = &app.browser;
    app.open("#/").await;
    find(b, ".tool-list").await;
    switch_to(b, "Cymraeg", "cy").await;
    assert_in(
        b,
        "cy",
        "Dechrau rhywbeth newydd",
        "home with storage blocked",
    )
    .await;
    assert!(
        focus_is_on(b, ".lead-language button").await,
        "focus stays on the switch; it is on {}",
        focused(b).await
    );
    switch_to(b, "English", "en-GB").await;
    assert_in(b, "en-GB", "Start something new", "home back in English").await;
    crate::prelude::finish(app).await;
}

/// A Welsh organisation's lead, with the interface in Cymraeg, reaches the self-assessment's
/// Wales section, which the questionnaire also gives in Welsh (`partly_in`): its title,
/// questions and the rating scale's options are Welsh, and choosing one is saved as the
/// option's value. Every other section stays in the questionnaire's English, options too,
/// marked as English for screen readers.
#[tokio::test]
async fn the_wales_section_is_in_welsh_and_the_other_sections_stay_english() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("self-assessment");
    let mut audit = work("welsh-board", "Bwrdd iechyd", &definition);
    audit.responses = choices(&[("about-1", "health-board"), ("about-2", "wales")]);
    seed_works(&app, &[&audit], "#/").await;
    find(b, "a[href='#/new/self-assessment']").await;
    switch_to(b, "Cymraeg", "cy").await;
    assert_in(b, "cy", "Dechrau rhywbeth newydd", "home").await;

    app.open("#/work/welsh-board/section/wales").await;
    wait_for_heading_exact(b, "Gweithio yng Nghymru").await;
    let heading_lang = b
        .execute(
            "return document.querySelector('main h1').getAttribute('lang');",
            vec![],
        )
        .await;
    assert_eq!(
        heading_lang,
        json!(null),
        "Welsh on a Welsh page needs no mark of its own"
    );
    let text = main_text(b).await;
    assert!(
        text.contains(
            "Mae pobl yn cael cynnig gwaith cymdeithasol yn Gymraeg heb orfod gofyn amdano"
        ),
        "the Wales section's questions are in Welsh:\n{text}"
    );
    assert!(
        text.contains("Ddim ar waith"),
        "its options are in Welsh:\n{text}"
    );
    assert!(
        text.contains("Archwiliad o ffeiliau achos sy'n chwilio am sgyrsiau"),
        "its evidence prompts are in Welsh:\n{text}"
    );
    assert!(
        text.contains("Mae gennych 10,000 o nodau ar ôl"),
        "the boxes' counts are in Welsh:\n{text}"
    );
    assert!(
        !text.contains("Not in place"),
        "no English option in the Welsh section:\n{text}"
    );
    click(b, "#q-wal-2-1").await;
    wait_for_saved(
        b,
        "welsh-board",
        "e.work.responses['wal-2'] && e.work.responses['wal-2'].answer.choice === 'developing'",
        "a Welsh answer is kept as the option's value",
    )
    .await;
    crate::prelude::assert_accessible(b, "the Wales section in Welsh").await;
    b.screenshot(&screenshot_path("welsh-wales-section")).await;

    app.open("#/work/welsh-board/section/strategy").await;
    find(b, "main h1[lang='en-GB']").await;
    let text = main_text(b).await;
    assert!(
        text.contains("Not in place"),
        "an English section keeps English options:\n{text}"
    );
    assert!(
        !text.contains("Ddim ar waith"),
        "no Welsh option under an English question:\n{text}"
    );
    find(b, ".question-text span[lang='en-GB']").await;
    crate::prelude::finish(app).await;
}

/// A lead whose interface is in Cymraeg opens an audit's results: the report's own words are
/// Welsh (its headings, the legal risks first), the "Working in Wales" section and the rating
/// scale are Welsh, the other sections stay the questionnaire's English and say so; the PDF
/// downloads with the same Welsh headings, ŵ and ŷ intact, document language `cy`, and passes
/// `qpdf --check`; the page passes axe.
#[tokio::test]
async fn a_welsh_lead_reads_and_downloads_the_audit_report_in_welsh() {
    use crate::pdf::{check_pdf, downloaded_pdfs, pdf_text};
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "welsh-audit",
        "Archwiliad Tŷ Glan-y-Dŵr",
        &bundled_definition("self-assessment"),
    );
    audit.organisation = "Cyngor Sir Ddinbych".to_owned();
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "wales"),
        ("strat-1", "established"),
        ("strat-3", "not-in-place"),
        ("wal-1", "established"),
        ("wal-2", "developing"),
    ]);
    seed_works(&app, &[&audit], "#/").await;
    storage_set(b, SETTING, "cy").await;
    reload(&app, "#/work/welsh-audit/results").await;
    wait_for_heading(b, "Canlyniadau: Archwiliad Tŷ Glan-y-Dŵr").await;
    assert_in(b, "cy", "Risgiau cyfreithiol", "the Welsh results").await;
    let main = main_text(b).await;
    for welsh in [
        "Crynodeb",
        "Cyffredinol:",
        "Cryfderau",
        "Blaenoriaethau",
        "Fesul adran",
        "Gweithio yng Nghymru",
        "Yn datblygu",
        "Bylchau yn y dystiolaeth",
        "Sut y cyfrifir y sgorau",
        "Darllen y canlyniadau hyn",
        "Mae’r pecyn cymorth hwn yn cyd-fynd ag offer 2016",
    ] {
        assert!(main.contains(welsh), "the Welsh results lack {welsh:?}");
    }
    for english in [
        "Legal risks",
        "Summary",
        "Section by section",
        "Evidence gaps",
        "Reading these results",
        "not a reproduction",
    ] {
        assert!(
            !main.contains(english),
            "the Welsh results still say {english:?}"
        );
    }
    // The report is in the page's language; the questionnaire's English headings say so.
    find(b, "main .report:not([lang])").await;
    let strategy = bundled_definition("self-assessment")
        .section(&"strategy".into())
        .expect("a strategy section")
        .title
        .to_string();
    let marked = b
        .execute(
            "return [...document.querySelectorAll('main .report [lang=\"en-GB\"]')].map(e => e.innerText);",
            vec![],
        )
        .await;
    assert!(
        marked.to_string().contains(&strategy),
        "the English section heading is not marked en-GB: {marked}"
    );
    b.screenshot(&screenshot_path("welsh-audit-results")).await;
    check_screen(b, "welsh-audit-results").await;

    click_button(b, "Lawrlwytho’r adroddiad (PDF)").await;
    let started = std::time::Instant::now();
    let pdf = loop {
        if let Some(name) = downloaded_pdfs(b).into_iter().find(|n| n.ends_with(".pdf")) {
            break b.downloads_dir().join(name);
        }
        assert!(started.elapsed() < DEFAULT_TIMEOUT, "no PDF was downloaded");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    // The download may still be being written: wait for it to be whole.
    let mut bytes = Vec::new();
    while started.elapsed() < DEFAULT_TIMEOUT {
        bytes = std::fs::read(&pdf).unwrap_or_default();
        if bytes.windows(5).any(|w| w == b"%%EOF") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(bytes.starts_with(b"%PDF"), "the download is not a PDF");
    check_pdf(&pdf);
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for welsh in [
        "Archwiliad Tŷ Glan-y-Dŵr",
        "Risgiau cyfreithiol",
        "Crynodeb",
        "Fesul adran",
        "Gweithio yng Nghymru",
        "Darllen y canlyniadau hyn",
        "Tudalen 1 o",
    ] {
        assert!(text.contains(welsh), "the PDF lacks {welsh:?}");
    }
    assert!(
        !text.contains("Legal risks"),
        "the PDF still says Legal risks"
    );
    let json = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=qpdf"])
        .arg(&pdf)
        .output()
        .expect("qpdf runs");
    assert!(
        String::from_utf8_lossy(&json.stdout).contains("\"/Lang\": \"u:cy\""),
        "the PDF's document language is not cy"
    );
    let keep = screenshot_path("welsh-audit").with_extension("pdf");
    std::fs::copy(&pdf, &keep).expect("keep the PDF to look at");
    crate::prelude::finish(app).await;
}

/// A lead working in Cymraeg collects feedback on an English-only questionnaire: the people
/// answering see English, but the practitioner's words (the link that ends collection, and the
/// screen that ends it, with a wrong code's message) are in the lead's Welsh, marked `cy` on an
/// English screen; the end-collection screen passes axe; the right code ends collection.
#[tokio::test]
async fn the_practitioners_end_collection_screen_is_in_the_leads_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let definition = bundled_definition("feedback-service-user");
    let collection = work("english-feedback", "Adborth y tîm", &definition);
    seed_works(&app, &[&collection], "#/").await;
    storage_set(b, SETTING, "cy").await;
    reload(&app, "#/work/english-feedback").await;
    wait_for_heading_exact(b, "Adborth y tîm").await;
    click_text(b, "Casglu ar y ddyfais hon").await;
    find(b, "#kiosk-code").await;
    fill(b, "#kiosk-code", "2468").await;
    fill(b, "#kiosk-idle", "10").await;
    click_button(b, "Dechrau casglu").await;
    b.wait_for_text("Before you start", DEFAULT_TIMEOUT).await;
    assert_eq!(
        page_lang(b).await,
        "en-GB",
        "the person answering reads English"
    );
    let link = find(b, ".practitioner-exit[lang='cy'] button").await;
    assert_eq!(
        link.text().await.expect("the link's text").trim(),
        "I’r ymarferydd: dod â’r casglu i ben"
    );
    click_button(b, "I’r ymarferydd: dod â’r casglu i ben").await;
    wait_for_heading_exact(b, "Dod â’r casglu i ben").await;
    assert_eq!(
        page_lang(b).await,
        "cy",
        "the practitioner's screen is in Welsh"
    );
    // The crisis notice stays in the language of the person answering, and says so.
    find(b, "#crisis-text p[lang='en-GB']").await;
    let main = main_text(b).await;
    for welsh in [
        "Mae hyn ar gyfer yr ymarferydd a osododd y ddyfais.",
        "Rhowch y cod a ddewiswyd ar y dechrau",
        "Mynd yn ôl at y cwestiynau",
    ] {
        assert!(
            main.contains(welsh),
            "the end-collection screen lacks {welsh:?}"
        );
    }
    fill(b, "#leave-code", "1111").await;
    click_button(b, "Dod â’r casglu i ben").await;
    b.wait_for_text("Nid dyna’r cod.", DEFAULT_TIMEOUT).await;
    b.screenshot(&screenshot_path("welsh-end-collection")).await;
    crate::prelude::assert_accessible(b, "the Welsh end-collection screen").await;
    fill(b, "#leave-code", "2468").await;
    click_button(b, "Dod â’r casglu i ben").await;
    wait_for_hash(b, "#/work/english-feedback").await;
    wait_for_heading_exact(b, "Adborth y tîm").await;
    assert_eq!(page_lang(b).await, "cy", "back in the lead's Welsh");
    crate::prelude::finish(app).await;
}

// ---- What went wrong, in a Welsh lead's language ------------------------------------------

/// A Welsh lead's home page, with `works` saved on the device.
async fn welsh_lead_with(app: &TestApp, works: &[&mhsw::work::Work], route: &str) {
    seed_works(app, works, "#/").await;
    storage_set(&app.browser, SETTING, "cy").await;
    reload(app, route).await;
}

/// The text of the home page's import outcome, once it says something.
async fn import_says(b: &Browser, words: &str) -> String {
    wait_until(
        b,
        "const s = document.querySelector('.import [role=status]'); return !!s && s.innerText.includes(arguments[0]);",
        vec![json!(words)],
        DEFAULT_TIMEOUT,
        &format!("the import saying {words:?}"),
    )
    .await;
    b.text_of(
        "return document.querySelector('.import [role=status]').innerText;",
        vec![],
    )
    .await
}

/// A Welsh lead imports work files: each outcome is in Welsh, a collection's count of
/// responses takes its Welsh form ("3 ymateb"), a file imported twice says so in Welsh, and a
/// file that is not work is refused in Welsh; none of it says its English.
#[tokio::test]
async fn a_welsh_lead_imports_work_files_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_lead_with(&app, &[], "#/").await;
    assert_in(b, "cy", "Mewnforio gwaith o ffeil", "the Welsh home page").await;
    let definition = bundled_definition("self-assessment");
    let audit = work("imported-audit", "Archwiliad Conwy", &definition);
    let audit_file = temp_file("archwiliad.json", &mhsw::work::export_work(&audit));
    let collection =
        crate::storage::collection_with("imported-feedback", "feedback-service-user", 3);
    let collection_file = temp_file("adborth.json", &mhsw::work::export_work(&collection));
    let not_work = temp_file("nodiadau.json", "{\"meeting\": \"October\"}");

    choose_files(b, "#import-file", &[audit_file.path.as_path()]).await;
    let said = import_says(b, "archwiliad.json:").await;
    assert_contains(
        &said,
        "archwiliad.json: wedi’i fewnforio fel “Archwiliad Conwy”, a’i gadw ar y ddyfais hon.",
        "the audit's import",
    );
    choose_files(b, "#import-file", &[collection_file.path.as_path()]).await;
    let said = import_says(b, "adborth.json:").await;
    assert_contains(
        &said,
        "adborth.json: wedi’i fewnforio fel “Big collection” gyda 3 ymateb, a’i gadw ar y ddyfais hon.",
        "the collection's import, with its count in Welsh",
    );
    choose_files(b, "#import-file", &[audit_file.path.as_path()]).await;
    let said = import_says(b, "yn barod").await;
    assert_contains(
        &said,
        "Mae “Archwiliad Conwy” ar y ddyfais hon yn barod, heb ei newid, felly ni chafodd dim ei ychwanegu.",
        "the same file twice",
    );
    choose_files(b, "#import-file", &[not_work.path.as_path()]).await;
    let said = import_says(b, "nodiadau.json").await;
    assert_contains(
        &said,
        "Ni chafodd nodiadau.json ei fewnforio, a does dim wedi newid: nid yw’r ffeil yn ddarn o waith a allforiwyd o’r ap hwn",
        "a file that is not work",
    );
    for english in [
        "imported as",
        "was not imported",
        "saved on this device",
        "already on this device",
        "not a piece of work",
        "choose a file",
    ] {
        assert!(
            !main_text(b).await.contains(english),
            "the Welsh import still says {english:?}"
        );
    }
    b.execute(
        "document.querySelector('.import').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    b.screenshot(&screenshot_path("welsh-import-refused")).await;
    crate::prelude::assert_accessible(b, "the Welsh home page after a refused import").await;
    crate::prelude::finish(app).await;
}

/// A Welsh lead imports broken files and reads in Welsh where each breaks: the line and column
/// of a file that is not JSON, and the field of a work file with a value of the wrong type,
/// with no English from the file reader inside the Welsh sentence.
#[tokio::test]
async fn a_welsh_lead_reads_where_a_broken_file_breaks_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_lead_with(&app, &[], "#/").await;
    assert_in(b, "cy", "Mewnforio gwaith o ffeil", "the Welsh home page").await;
    let broken = temp_file(
        "torri.json",
        "{\n  \"format\": \"mhsw-work\",\n  \"format_version\": 1,,\n}\n",
    );
    choose_files(b, "#import-file", &[broken.path.as_path()]).await;
    let said = import_says(b, "torri.json").await;
    assert_contains(
        &said,
        "nid yw’r ffeil yn JSON dilys (llinell 3, colofn 23). I’w drwsio: dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid",
        "a file that is not JSON",
    );
    let audit = work(
        "broken-audit",
        "Archwiliad toredig",
        &bundled_definition("self-assessment"),
    );
    let text = mhsw::work::export_work(&audit).replacen(
        "\"name\": \"Archwiliad toredig\"",
        "\"name\": 5",
        1,
    );
    assert!(text.contains("\"name\": 5"), "the name was not replaced");
    let wrong = temp_file("anghywir.json", &text);
    choose_files(b, "#import-file", &[wrong.path.as_path()]).await;
    let said = import_says(b, "anghywir.json").await;
    assert_contains(
        &said,
        "mae problem yn y ffeil yn `name`: nid yw’r gwerth o’r math iawn (llinell",
        "a work file with a value of the wrong type",
    );
    let main = main_text(b).await;
    for english in [
        "line ",
        "column",
        "not valid JSON",
        "invalid type",
        "Fix:",
        "unchanged",
    ] {
        assert!(
            !main.contains(english),
            "the Welsh import still says {english:?}: {main}"
        );
    }
    b.execute(
        "document.querySelector('.import').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    b.screenshot(&screenshot_path("welsh-import-broken-file"))
        .await;
    crate::prelude::finish(app).await;
}

/// A Welsh lead whose device's storage fills up is told in Welsh that the change was not saved,
/// and why.
#[tokio::test]
async fn a_welsh_lead_is_told_in_welsh_when_storage_is_full() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "full-audit",
        "Archwiliad llawn",
        &bundled_definition("self-assessment"),
    );
    welsh_lead_with(&app, &[&audit], "#/work/full-audit/section/strategy").await;
    find(b, "#q-strat-1").await;
    assert_eq!(page_lang(b).await, "cy");
    fill_storage(b).await;
    click(b, "#q-strat-1-2").await;
    b.wait_for_text("Heb ei gadw: ", DEFAULT_TIMEOUT).await;
    let body = b.body_text().await;
    assert_contains(
        &body,
        "Heb ei gadw: mae storfa’r porwr hwn ar gyfer y pecyn cymorth yn llawn, felly dim ond tra bo’r dudalen hon ar agor y caiff eich newidiadau diweddaraf eu cadw.",
        "the not-saved notice",
    );
    assert!(!body.contains("storage for the toolkit is full"), "{body}");
    b.screenshot(&screenshot_path("welsh-storage-full")).await;
    crate::prelude::finish_allowing(app, &["QuotaExceeded", "quota"]).await;
}

/// With site data blocked, a lead who switches to Cymraeg reads the one notice in Welsh; the
/// browser's own reason, behind "Manylion technegol", is marked as English.
#[tokio::test]
async fn the_blocked_storage_notice_is_in_welsh() {
    let app = TestApp::start_with_site_data_blocked().await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("Nothing is being saved on this device.", DEFAULT_TIMEOUT)
        .await;
    switch_to(b, "Cymraeg", "cy").await;
    b.wait_for_text(
        "Nid oes dim yn cael ei gadw ar y ddyfais hon.",
        DEFAULT_TIMEOUT,
    )
    .await;
    let body = b.body_text().await;
    for welsh in [
        "Nid yw’r porwr hwn yn gadael i’r pecyn cymorth gadw dim ar y ddyfais hon.",
        "Ni fydd dim a wnewch yn cael ei gadw ar ôl i’r dudalen hon gau.",
        "Manylion technegol",
        "Lawrlwytho popeth (ffeil wrth gefn)",
    ] {
        assert_contains(&body, welsh, "the blocked-storage notice");
    }
    assert!(!body.contains("Nothing is being saved"), "{body}");
    find(b, ".save-status details p[lang='en-GB']").await;
    b.screenshot(&screenshot_path("welsh-storage-blocked"))
        .await;
    crate::prelude::assert_accessible(b, "the Welsh blocked-storage notice").await;
    crate::prelude::finish(app).await;
}

/// Saved work that could not be read is listed for a Welsh lead in Welsh, with the store's
/// reason and the place the entry breaks in Welsh too (the entry's own key as it is).
#[tokio::test]
async fn unreadable_saved_work_is_explained_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let kept = work(
        "kept-audit",
        "Archwiliad cadw",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&kept], "#/").await;
    storage_set(b, SETTING, "cy").await;
    let junk = "{\"store_version\": 1, \"revision\": 4, \"work\": {\"format\": \"mhsw-wo";
    storage_set(b, "mhsw:work:damaged-old", junk).await;
    reload(&app, "#/").await;
    b.wait_for_text("Gwaith a gadwyd nad oedd modd ei ddarllen", DEFAULT_TIMEOUT)
        .await;
    let main = main_text(b).await;
    for welsh in [
        "Cafodd y cofnodion hyn eu cadw o’r neilltu, nid eu dileu.",
        "Lawrlwytho’r cofnod hwn",
        "Ei dynnu o’r ddyfais hon",
    ] {
        assert_contains(&main, welsh, "the kept-aside notice");
    }
    for english in [
        "Saved work that could not be read",
        "Download this entry",
        "Remove it from this device",
    ] {
        assert!(!main.contains(english), "still says {english:?}");
    }
    assert_contains(
        &main,
        "mhsw:work:damaged-old: mae’r testun a gadwyd wedi’i ddifrodi (llinell 1, colofn ",
        "the store's reason, with its place, in Welsh",
    );
    for english in ["the saved text is damaged", "line ", "column", "EOF"] {
        assert!(!main.contains(english), "still says {english:?}");
    }
    let marked = b
        .execute(
            "return document.querySelectorAll('.notice-warning li [lang=\"en-GB\"]').length;",
            vec![],
        )
        .await;
    assert_eq!(marked, json!(0), "nothing in the entry is English any more");
    b.screenshot(&screenshot_path("welsh-unreadable-entries"))
        .await;
    crate::prelude::assert_accessible(b, "the Welsh kept-aside notice").await;
    crate::prelude::finish(app).await;
}

/// The home page's rename box in Welsh: its label, its button, and its two errors.
#[tokio::test]
async fn the_rename_box_is_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let audit = work(
        "rename-audit",
        "Archwiliad 2026",
        &bundled_definition("self-assessment"),
    );
    welsh_lead_with(&app, &[&audit], "#/").await;
    assert_in(b, "cy", "Archwiliad 2026", "the Welsh home page").await;
    click_text(b, "Ailenwi Archwiliad 2026").await;
    let input = "#rename-rename-audit";
    find(b, input).await;
    let label = find(b, &format!("label[for='{}']", &input[1..])).await;
    assert_eq!(label.text().await.unwrap_or_default().trim(), "Enw newydd");
    fill(b, input, "   ").await;
    click_button(b, "Cadw’r enw").await;
    b.wait_for_text("Rhowch enw", DEFAULT_TIMEOUT).await;
    fill(b, input, &"a".repeat(201)).await;
    click_button(b, "Cadw’r enw").await;
    b.wait_for_text("Byrhewch yr enw i 200 o nodau neu lai", DEFAULT_TIMEOUT)
        .await;
    let main = main_text(b).await;
    for english in ["New name", "Save name", "Enter a name", "Shorten the name"] {
        assert!(
            !main.contains(english),
            "the rename box still says {english:?}"
        );
    }
    b.screenshot(&screenshot_path("welsh-rename-box")).await;
    crate::prelude::assert_accessible(b, "the Welsh rename box with an error").await;
    fill(b, input, "Archwiliad Conwy 2026").await;
    click_button(b, "Cadw’r enw").await;
    b.wait_for_text("Archwiliad Conwy 2026", DEFAULT_TIMEOUT)
        .await;
    crate::prelude::finish(app).await;
}

/// A link that leads nowhere, and a link to work not on this device, in Welsh: new pages,
/// checked with axe.
#[tokio::test]
async fn the_page_not_found_pages_are_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    welsh_lead_with(&app, &[], "#/dim/yma").await;
    wait_for_heading_exact(b, "Heb ddod o hyd i’r dudalen").await;
    assert_in(b, "cy", "Nid oes tudalen yn “dim/yma”.", "page not found").await;
    assert_contains(&main_text(b).await, "Mynd i’r hafan", "the way home");
    b.screenshot(&screenshot_path("welsh-page-not-found")).await;
    crate::prelude::assert_accessible(b, "the Welsh page not found").await;
    app.open("#/work/nid-yw-yma").await;
    wait_for_heading_exact(b, "Nid yw’r gwaith hwn ar y ddyfais hon").await;
    let main = main_text(b).await;
    assert_contains(
        &main,
        "Dim ond yn y porwr lle cafodd ei wneud y caiff gwaith ei gadw.",
        "missing work",
    );
    assert_contains(&main, "Gweld y gwaith sydd wedi’i gadw yma", "missing work");
    assert_eq!(page_lang(b).await, "cy");
    b.screenshot(&screenshot_path("welsh-work-not-here")).await;
    crate::prelude::assert_accessible(b, "the Welsh missing-work page").await;
    crate::prelude::finish(app).await;
}

/// A Welsh lead's PDF that could not draw some characters says so in Welsh, with its count in
/// its Welsh form; a peer reference set that cannot be read is refused in Welsh.
#[tokio::test]
async fn pdf_and_peer_set_problems_are_in_welsh() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "pdf-cy",
        "Archwiliad PDF",
        &bundled_definition("self-assessment"),
    );
    audit.responses = choices(&[("strat-1", "established")]);
    let mut item = audit
        .responses
        .item(&"strat-1".into())
        .cloned()
        .expect("answered");
    item.evidence = Some("Cofnodion y bwrdd 漢字, Mawrth 2026".to_owned());
    audit
        .responses
        .set(mhsw::ids::QuestionId::new("strat-1"), item);
    welsh_lead_with(&app, &[&audit], "#/work/pdf-cy/results").await;
    wait_for_heading(b, "Canlyniadau: Archwiliad PDF").await;
    click_button(b, "Lawrlwytho’r adroddiad (PDF)").await;
    b.wait_for_text("Mae eich PDF yn barod", DEFAULT_TIMEOUT)
        .await;
    let status = pdf_status(b).await;
    assert_contains(
        &status,
        "Gwiriwch cyn ei rannu: Nid oedd modd dangos 2 nod: 2 yn ",
        "the PDF status",
    );
    assert_contains(
        &status,
        "Mae pob un yn ymddangos fel marc \u{FFFD} yn y PDF: gwiriwch y lle hwnnw cyn i chi ei rannu.",
        "the PDF status",
    );
    assert!(!status.contains("could not be drawn"), "{status}");
    screenshot_pdf_status(b, "welsh-pdf-unshown").await;

    let not_a_set = temp_file("cofnodion.json", "{\"meeting\": \"October\"}");
    choose_files(b, "#peer-file", &[not_a_set.path.as_path()]).await;
    b.wait_for_text(
        "Ni chafodd y set gyfeirio cymheiriaid ei mewnforio, a does dim wedi newid: nid oes modd darllen y set gyfeirio cymheiriaid (",
        DEFAULT_TIMEOUT,
    )
    .await;
    assert!(!b.body_text().await.contains("cannot be read"));
    b.screenshot(&screenshot_path("welsh-peer-set-refused"))
        .await;
    crate::prelude::finish(app).await;
}

/// The file choosers speak the page's language. The browser's own file button says "Choose
/// File" and "No file chosen" in the browser's language, so a Welsh page showed them in
/// English; each chooser is now a button in the page's words, named by its field's label, that
/// opens the browser's picker from the keyboard as from a click.
#[tokio::test]
async fn the_file_choosers_speak_the_pages_language() {
    let app = TestApp::start().await;
    let b = &app.browser;
    app.open("#/").await;
    find(b, "a[href='#/new/self-assessment']").await;
    switch_to(b, "Cymraeg", "cy").await;
    wait_for_heading(b, "Pecyn cymorth gwaith cymdeithasol iechyd meddwl").await;
    for (route, input, label, words) in [
        (
            "#/",
            "import-file",
            "Mewnforio gwaith o ffeil",
            "Dewis ffeiliau",
        ),
        (
            "#/questionnaires",
            "open-definition",
            "Agor ffeil holiadur",
            "Dewis ffeil",
        ),
    ] {
        app.open(route).await;
        let button = format!("#{input}-button");
        let text = find(b, &button)
            .await
            .text()
            .await
            .expect("the button's words");
        assert_eq!(text.trim(), words, "{route}: the file chooser's button");
        let found = b
            .execute(
                "const input = document.getElementById(arguments[0]); \
                 const button = document.getElementById(arguments[0] + '-button'); \
                 const name = button.getAttribute('aria-labelledby').split(' ') \
                   .map((id) => document.getElementById(id).textContent.trim()).join(' '); \
                 window.mhswPicked = 0; \
                 input.addEventListener('click', (e) => { window.mhswPicked += 1; e.preventDefault(); }); \
                 return { drawn: input.getClientRects().length > 0, name };",
                vec![json!(input)],
            )
            .await;
        assert_eq!(
            found["drawn"],
            json!(false),
            "{route}: the browser's own file button (in the browser's language) is drawn"
        );
        assert_eq!(
            found["name"],
            json!(format!("{label} {words}")),
            "{route}: the button's name, heard by a screen reader"
        );
        tab_to(b, &button, 120).await;
        press(b, &[Key::Enter]).await;
        wait_until(
            b,
            "return window.mhswPicked === 1;",
            vec![],
            DEFAULT_TIMEOUT,
            "the browser's file picker opening from the button, by keyboard",
        )
        .await;
        check_screen(b, &format!("welsh-file-chooser-{input}")).await;
    }
    crate::prelude::finish(app).await;
}
