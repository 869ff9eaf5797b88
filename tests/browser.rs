//! Real-browser tests: the built app (`dist/`, from `make dist`) in headless Chromium.
//!
//! Run with `make test`, or after `make dist` with
//! `cargo test -p mhsw-toolkit --features browser-tests --test browser`.
//! Each test has its own server, chromedriver and browser profile, so they run in parallel.

mod common;

use std::time::Duration;

use common::axe::{assert_accessible, run_axe};
use common::browser::DEFAULT_TIMEOUT;
use common::{screenshot_path, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn app_starts_without_console_errors_or_panics() {
    let app = TestApp::start().await;
    app.open("#/").await;
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    // Give late failures (a panic in an effect, a failed fetch) a moment to show.
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.browser.assert_no_console_errors().await;
    assert!(app.browser.wasm_panics().await.is_empty());
    app.close().await;
}

/// The first screen comes from the first module alone: the tools (from the manifest's
/// summaries) are listed before the later part of the app or any questionnaire file is fetched,
/// and the later part follows on its own, just after.
#[tokio::test]
async fn the_first_screen_needs_only_the_first_module() {
    let app = TestApp::start().await;
    app.open("#/").await;
    let b = &app.browser;
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    let started = std::time::Instant::now();
    let mark = loop {
        if let Some(mark) = b.first_screen_mark().await {
            break mark;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "no mhsw:first-screen mark"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let later_fetched = || async {
        b.resource_starts()
            .await
            .into_iter()
            .find(|(url, _)| url.ends_with("/split_later.wasm"))
    };
    let started = std::time::Instant::now();
    let later = loop {
        if let Some(later) = later_fetched().await {
            break later;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "the later part of the app was never fetched"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        later.1 > mark,
        "the later part was fetched at {} ms, before the first screen was usable at {mark} ms",
        later.1
    );
    let early: Vec<String> = b
        .resource_starts()
        .await
        .into_iter()
        .filter(|(url, start)| {
            *start <= mark && url.contains("/questionnaires/") && !url.ends_with("/manifest.json")
        })
        .map(|(url, _)| url)
        .collect();
    assert!(
        early.is_empty(),
        "questionnaire files fetched before the first screen: {early:?}"
    );
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

#[tokio::test]
async fn no_request_leaves_the_test_server() {
    let app = TestApp::start().await;
    app.open("#/").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let origin = app.server.origin();
    let urls = app.browser.resource_urls().await;
    assert!(
        urls.iter().any(|u| u.ends_with("_bg.wasm")),
        "the resource list should include the app's wasm; it was: {urls:#?}"
    );
    let foreign: Vec<_> = urls
        .iter()
        .filter(|u| !u.starts_with(&format!("{origin}/")))
        .collect();
    assert!(
        foreign.is_empty(),
        "the page fetched from somewhere other than {origin}: {foreign:#?}"
    );
    // Blocked or failed requests do not always reach the resource list, but they do log errors.
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

#[tokio::test]
async fn page_has_a_title_a_language_and_a_main_landmark() {
    let app = TestApp::start().await;
    app.open("#/").await;
    let title = app.browser.client().title().await.expect("read the title");
    assert!(!title.trim().is_empty(), "the page has no <title>");
    let lang = app
        .browser
        .execute("return document.documentElement.lang;", vec![])
        .await;
    assert_eq!(lang, json!("en-GB"), "<html lang> should be en-GB");
    let mains = app
        .browser
        .execute(
            "return document.querySelectorAll('main, [role=main]').length;",
            vec![],
        )
        .await;
    assert_eq!(
        mains,
        json!(1),
        "the page should have exactly one main landmark"
    );
    app.close().await;
}

#[tokio::test]
async fn home_page_has_no_wcag_violations() {
    let app = TestApp::start().await;
    app.open("#/").await;
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    app.browser.screenshot(&screenshot_path("home")).await;
    assert_accessible(&app.browser, "the home page").await;
    app.close().await;
}

#[tokio::test]
async fn app_works_from_a_sub_folder() {
    let app = TestApp::start_in_sub_folder().await;
    app.open("#/").await;
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    app.browser.assert_no_console_errors().await;
    let requests = app.server.requests();
    let outside: Vec<_> = requests
        .iter()
        .filter(|p| !p.starts_with("/dist/"))
        .collect();
    assert!(
        outside.is_empty(),
        "served from /dist/, the app requested files outside it: {outside:#?}"
    );
    app.close().await;
}

#[tokio::test]
async fn a_failed_load_shows_a_message_in_plain_english() {
    let app = TestApp::start_hiding(&["/mhsw-app_bg.wasm"]).await;
    app.browser.goto(&app.route_url("#/")).await;
    assert_eq!(app.browser.wait_for_boot_outcome().await, "failed");
    app.browser
        .wait_for_text("The toolkit could not start", DEFAULT_TIMEOUT)
        .await;
    app.browser
        .screenshot(&screenshot_path("load-failure"))
        .await;
    assert!(
        !app.browser.console_errors().await.is_empty(),
        "the failure should also be logged for developers"
    );
    assert_accessible(&app.browser, "the load-failure message").await;
    app.close().await;
}

#[tokio::test]
async fn pdf_worker_is_fetched_only_on_demand_and_keeps_its_contract() {
    let app = TestApp::start().await;
    app.open("#/").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let early: Vec<_> = app
        .server
        .requests()
        .into_iter()
        .filter(|p| p.starts_with("/pdf/"))
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
            const worker = new Worker("pdf/worker.js");
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
        "/pdf/worker.js",
        "/pdf/mhsw-pdf-worker.js",
        "/pdf/mhsw-pdf-worker_bg.wasm",
    ] {
        assert!(
            requested.iter().any(|p| p == file),
            "{file} was not fetched: {requested:?}"
        );
    }
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

/// The harness itself: its console and axe checks must be able to fail.
#[tokio::test]
async fn harness_notices_console_errors_and_accessibility_faults() {
    let app = TestApp::start().await;
    app.open("#/").await;
    app.browser
        .execute(
            "console.error('probe: console error'); \
             setTimeout(() => { throw new Error('probe: uncaught'); }, 0); \
             const input = document.createElement('input'); \
             input.type = 'text'; document.querySelector('main').append(input);",
            vec![],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let errors: Vec<String> = app
        .browser
        .console_errors()
        .await
        .into_iter()
        .map(|e| e.message)
        .collect();
    for probe in ["probe: console error", "probe: uncaught"] {
        assert!(
            errors.iter().any(|m| m.contains(probe)),
            "the console reader missed {probe:?}; it saw {errors:#?}"
        );
    }
    let report = run_axe(&app.browser).await;
    let ids: Vec<&str> = report.violations.iter().map(|v| v.id.as_str()).collect();
    assert!(
        ids.contains(&"label"),
        "axe should flag the unlabelled input; it found {ids:?}"
    );
    let urls: Vec<Value> = app
        .browser
        .resource_urls()
        .await
        .into_iter()
        .map(Value::from)
        .collect();
    assert!(!urls.is_empty());
    app.close().await;
}
