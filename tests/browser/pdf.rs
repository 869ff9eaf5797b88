//! PDF reports: the worker fetched on demand, a report downloaded, characters it could not
//! draw, and two asked for at once.

use crate::prelude::*;

#[tokio::test]
async fn pdf_worker_is_fetched_only_on_demand_and_keeps_its_contract() {
    let app = TestApp::start().await;
    app.open("#/").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The page's own fetches: the service worker keeps the PDF engine for offline use after
    // the app has started, but the page itself never asks for it until a PDF is made.
    let early: Vec<_> = app
        .browser
        .resource_urls()
        .await
        .into_iter()
        .filter(|u| u.contains("/pdf/"))
        .collect();
    assert!(
        early.is_empty(),
        "the first load fetched PDF worker files: {early:?}"
    );

    // Created by script under the page's Content-Security-Policy, as the app will.
    // Text that is not JSON must come back as { id, error: string, closing: false } from the
    // Rust side, with the job's id echoed, which proves the worker's wasm loaded and ran (a
    // loading failure says "could not be loaded").
    let reply = app
        .browser
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const worker = new Worker(document.querySelector("meta[name=mhsw-pdf-worker]").content);
            worker.onmessage = (e) => {
              const d = e.data;
              done({ keys: Object.keys(d), id: d.id, error: d.error, closing: d.closing });
              worker.terminate();
            };
            worker.onerror = (e) => done({ workerError: String(e.message || e) });
            worker.postMessage({ id: 7, report: "this is not JSON" });
            "#,
            vec![],
        )
        .await;
    assert_eq!(reply.get("workerError"), None, "the worker failed: {reply}");
    assert_eq!(
        reply["keys"],
        json!(["id", "error", "closing"]),
        "reply: {reply}"
    );
    assert_eq!(
        reply["id"],
        json!(7),
        "the job's id must come back: {reply}"
    );
    assert_eq!(
        reply["closing"],
        json!(false),
        "a bad report must not stop the worker: {reply}"
    );
    let error = reply["error"].as_str().unwrap_or_default();
    assert!(
        !error.is_empty(),
        "the error should be a non-empty string: {reply}"
    );
    assert!(
        !error.contains("could not be loaded"),
        "the worker's wasm did not load: {error}"
    );
    let requested = app.server.requests();
    for file in [
        "pdf/pdf-worker.js",
        "pdf/mhsw-pdf-worker.js",
        "pdf/mhsw-pdf-worker_bg.wasm",
    ] {
        let file = format!("/{}", release_name(file));
        assert!(
            requested.contains(&file),
            "{file} was not fetched: {requested:?}"
        );
    }
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

/// "Download the report (PDF)" saves a valid PDF that names the audit and gives a section
/// score in words.
#[tokio::test]
async fn the_report_downloads_as_a_pdf() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "pdf-audit",
        "PDF check audit",
        &bundled_definition("self-assessment"),
    );
    audit.organisation = "Northshire Council".to_owned();
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "england"),
        ("strat-1", "established"),
        ("strat-6", "developing"),
        ("strat-3", "not-in-place"),
    ]);
    seed_works(&app, &[&audit], "#/work/pdf-audit/results").await;
    wait_for_heading_exact(b, "Results: PDF check audit").await;
    let score = "Score: 41%: Amber, partly achieved.";
    assert_contains(&main_text(b).await, score, "the results page");
    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready: pdf-check-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    let pdf = b
        .wait_for_download("pdf-check-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    let bytes = std::fs::read(&pdf).expect("read the PDF");
    assert!(bytes.starts_with(b"%PDF"), "the download is not a PDF");
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf));
    assert_contains(&text, "PDF check audit", "the PDF's text");
    assert_contains(&text, score, "the PDF's text");
    let fonts: Vec<String> = app
        .server
        .requests()
        .into_iter()
        .filter(|r| r.contains("/fonts/"))
        .collect();
    assert!(fonts.is_empty(), "an English report fetched {fonts:?}");
    // Switched to Cymraeg afterwards, the page says it in Welsh: it had stayed in English
    // (found by a tester on 7 December 2026); and it says the PDF is in English, as it was made
    // before the switch (a second tester read the Welsh words as a Welsh PDF ready).
    click(b, ".lead-language button[lang='cy']").await;
    b.wait_for_text(
        "Mae eich PDF yn barod, yn Saesneg: pdf-check-audit.pdf",
        QUICK,
    )
    .await;
    assert_lacks(&main_text(b).await, "Your PDF is ready", "the Welsh page");
    finish(app).await;
}

/// Evidence in Urdu, Polish and with characters no face the toolkit ships
/// can draw: the PDF worker fetches the Arabic-script face (and no other), the PDF keeps the
/// Urdu and Polish, and the status beside "Your PDF is ready" says how many characters could
/// not be drawn and where, in words, before the file is shared.
#[tokio::test]
async fn the_pdf_says_how_many_characters_it_could_not_draw_and_where() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "pdf-unshown",
        "Unshown audit",
        &bundled_definition("self-assessment"),
    );
    audit.responses = choices(&[("strat-1", "established")]);
    let mut item = audit
        .responses
        .item(&"strat-1".into())
        .cloned()
        .expect("answered");
    item.evidence = Some("Board minutes 漢字, March 2026; گفتگو ہوئی; Zażółć".to_owned());
    audit.responses.set(QuestionId::new("strat-1"), item);
    seed_works(&app, &[&audit], "#/work/pdf-unshown/results").await;
    wait_for_heading_exact(b, "Results: Unshown audit").await;
    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready: unshown-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    let status = pdf_status(b).await;
    assert_contains(
        &status,
        "2 characters could not be drawn: 2 in “Evidence” under “There is a written, current statement of what social work",
        "the PDF status",
    );
    assert_contains(
        &status,
        "check that place before you share it",
        "the PDF status",
    );
    screenshot_pdf_status(b, "journey-pdf-unshown").await;
    let pdf = b
        .wait_for_download("unshown-audit.pdf", DEFAULT_TIMEOUT)
        .await;
    check_pdf(&pdf);
    let text = normalise(&pdf_text(&pdf).replace(['\u{202B}', '\u{202C}'], ""));
    assert_contains(
        &text,
        "Board minutes \u{FFFD}\u{FFFD}, March 2026;",
        "the PDF's text",
    );
    assert_contains(&text, "گفتگو ہوئی", "the PDF's text");
    assert_contains(&text, "Zażółć", "the PDF's text");
    let fonts: Vec<String> = app
        .server
        .requests()
        .into_iter()
        .filter(|r| r.contains("/fonts/"))
        .collect();
    assert_eq!(
        fonts,
        ["/pdf/fonts/NotoNaskhArabic-subset.ttf"],
        "only the Arabic-script face is fetched"
    );
    finish(app).await;
}

pub(crate) fn check_pdf(path: &Path) {
    let out = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("qpdf could not run ({e}): run `make setup-test`"));
    assert!(
        out.status.success(),
        "qpdf --check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub(crate) fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext could not run ({e}): run `make setup-test`"));
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Double-clicks the element matching `selector` with the mouse, as a person does: two
/// presses with no pause between them.
pub(crate) async fn double_click(b: &common::browser::Browser, selector: &str) {
    double_click_with_gap(b, selector, Duration::ZERO).await;
}

/// The PDFs in the browser's download folder, by name, sorted.
pub(crate) fn downloaded_pdfs(b: &common::browser::Browser) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(b.downloads_dir())
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|n| n.ends_with(".pdf"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The report and the plan asked for within a moment of each other: both files arrive, each
/// with its own content. A double click on one button makes one file, and the button says the
/// PDF is being made while it is.
#[tokio::test]
async fn two_pdfs_asked_for_together_each_arrive_and_a_double_click_makes_one() {
    let app = TestApp::start().await;
    let b = &app.browser;
    let mut audit = work(
        "two-pdfs",
        "Two PDFs",
        &bundled_definition("self-assessment"),
    );
    audit.responses = choices(&[
        ("about-1", "council"),
        ("about-2", "england"),
        ("strat-1", "established"),
        ("strat-6", "developing"),
        ("strat-3", "not-in-place"),
    ]);
    audit.plan = vec![plan_row("row-1", "Agree a written supervision standard")];
    seed_works(&app, &[&audit], "#/work/two-pdfs/results").await;
    wait_for_heading_exact(b, "Results: Two PDFs").await;
    let score = "Score: 41%: Amber, partly achieved.";

    // Both buttons, as quickly as a person can press them one after the other.
    b.execute(
        "const buttons = [...document.querySelectorAll('main button')]; \
         const report = buttons.find(x => x.innerText.includes('Download the report (PDF)')); \
         const plan = buttons.find(x => x.innerText.includes('Download the plan on its own')); \
         report.click(); setTimeout(() => plan.click(), 60);",
        vec![],
    )
    .await;
    let plan = b
        .wait_for_download("two-pdfs-plan.pdf", DEFAULT_TIMEOUT)
        .await;
    let report = b.wait_for_download("two-pdfs.pdf", DEFAULT_TIMEOUT).await;
    check_pdf(&plan);
    check_pdf(&report);
    let plan_text = normalise(&pdf_text(&plan));
    let report_text = normalise(&pdf_text(&report));
    assert_contains(
        &plan_text,
        "Agree a written supervision standard",
        "the plan PDF",
    );
    assert_lacks(
        &plan_text,
        score,
        "the plan PDF (it must not be the report)",
    );
    assert_contains(&report_text, score, "the report PDF");
    b.wait_for_text("Your PDF is ready: two-pdfs.pdf", QUICK)
        .await;
    b.wait_for_text("Your PDF is ready: two-pdfs-plan.pdf", QUICK)
        .await;
    assert_eq!(
        downloaded_pdfs(b),
        vec!["two-pdfs-plan.pdf", "two-pdfs.pdf"],
        "exactly the two PDFs asked for"
    );

    // A double click on the plan's button: one more file, and "Making the PDF…" meanwhile.
    let plan_button = "main .button-row button.secondary";
    // What the button shows while its PDF is made is noted as it happens (a PDF takes a
    // fraction of a second, quicker than a test can look).
    b.execute(
        "const button = document.querySelector(arguments[0]); window.sawBusy = []; \
         new MutationObserver(() => window.sawBusy.push([button.getAttribute('aria-disabled'), \
           button.innerText])).observe(button, { attributes: true, childList: true, subtree: true });",
        vec![json!(plan_button)],
    )
    .await;
    double_click(b, plan_button).await;
    wait_until(
        b,
        "return ![...document.querySelectorAll('main button')].some(x => x.innerText.includes('Making the PDF'));",
        vec![],
        DEFAULT_TIMEOUT,
        "the plan's button being ready again",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after = downloaded_pdfs(b);
    assert_eq!(
        after.len(),
        3,
        "a double click should make exactly one more PDF; the downloads are {after:?}"
    );
    assert_eq!(
        current_hash(b).await,
        "#/work/two-pdfs/results",
        "the double click must not reach anything beside the button"
    );
    let seen = b.execute("return window.sawBusy;", vec![]).await;
    let busy_and_said_so = seen.as_array().is_some_and(|states| {
        states.iter().any(|s| {
            s[0] == json!("true") && s[1].as_str().is_some_and(|t| t.contains("Making the PDF…"))
        })
    });
    assert!(
        busy_and_said_so,
        "while its PDF was made, the button should have been marked disabled and said \
         “Making the PDF…”; it went through {seen}"
    );

    // A slow double click on a quick machine: the second click (`detail` 2) lands after the
    // first PDF has arrived. It is still the same double click, so no second file.
    b.execute(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', \
         { bubbles: true, detail: 1 }));",
        vec![json!(plan_button)],
    )
    .await;
    wait_until(
        b,
        "return ![...document.querySelectorAll('main button')].some(x => x.innerText.includes('Making the PDF'));",
        vec![],
        DEFAULT_TIMEOUT,
        "the plan's button being ready again",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(downloaded_pdfs(b).len(), 4, "one click, one more PDF");
    b.execute(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', \
         { bubbles: true, detail: 2 }));",
        vec![json!(plan_button)],
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let after = downloaded_pdfs(b);
    assert_eq!(
        after.len(),
        4,
        "the second click of a double click made another PDF: {after:?}"
    );
    finish(app).await;
}
