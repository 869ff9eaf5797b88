//! The combined report of a 10,000-response feedback collection, in headless Chromium.
//!
//! Imports the collection as [`super::feedback_import`] does (one export file, into an empty
//! work store, checked to be saved in full), then, in the same page, goes to `#/work/<id>/results` by setting
//! `location.hash` and times, in the page, from just before that to the moment a mutation
//! observer sees the report's first heading or table (`.report h2, .report table`), and to the
//! next animation frame. That span is the whole of what the app does for the page: the route
//! change, aggregating the 10,000 responses, building the report model and rendering it.
//! Between runs the page goes back to `#/`. Medians are reported; samples go to stderr. When the
//! import fails, the rows say so and nothing is timed.
//! Must not touch: the app (it only drives and observes it).

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::browser_fixtures::{list, median, FEEDBACK_ID, PAGE_TIMEOUT};
use super::common::TestApp;
use super::feedback_import::{import, write_export_file, RESPONSES};
use super::Row;

/// Visits of the results page timed.
const RUNS: usize = 5;
/// The goal for aggregating the responses.
const AGGREGATE_GOAL_MS: f64 = 200.0;

/// Goes to a route in the page and reports the ms until the report is in the DOM, and the frame.
const NAVIGATE_SCRIPT: &str = r#"
const [route, done] = [arguments[0], arguments[arguments.length - 1]];
const found = () => document.querySelector(".report h2, .report table");
let t0, seen;
const observer = new MutationObserver(() => {
  if (seen !== undefined || !found()) return;
  seen = performance.now();
  observer.disconnect();
  requestAnimationFrame(() => {
    const first = found();
    done({ seen: seen - t0, frame: performance.now() - t0, first: first.tagName + ": " + first.textContent.slice(0, 40) });
  });
});
observer.observe(document.body, { childList: true, subtree: true });
t0 = performance.now();
location.hash = route;
setTimeout(() => { if (seen === undefined) { observer.disconnect(); done({ error: "no report within 25 s" }); } }, 25000);
"#;

/// Measures the results page of the imported collection.
pub fn rows() -> Vec<Row> {
    let file = write_export_file(RESPONSES);
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let (outcome, samples) = runtime.block_on(async {
        let app = TestApp::start().await;
        let outcome = import(&app, &file.path, RESPONSES, PAGE_TIMEOUT * 2).await;
        let route = format!("#/work/{FEEDBACK_ID}/results");
        let mut samples = Vec::new();
        for _ in 0..RUNS {
            if outcome.failure.is_some() {
                break;
            }
            let result: Value = app
                .browser
                .execute_async(NAVIGATE_SCRIPT, vec![json!(route)])
                .await;
            if let Some(error) = result.get("error") {
                let text = app.browser.body_text().await;
                panic!("{route}: {error}. Page text:\n{text}");
            }
            eprintln!("  results: first report element {}", result["first"]);
            samples.push((
                result["seen"].as_f64().expect("a time"),
                result["frame"].as_f64().expect("a time"),
            ));
            back_home(&app).await;
        }
        app.close().await;
        (outcome, samples)
    });
    eprintln!(
        "  import: {} (stored responses: {:?})",
        outcome.message, outcome.stored_responses
    );
    let failure = outcome
        .failure
        .map(|why| format!("the import before it failed: {why}"));
    let (seen, frame): (Vec<f64>, Vec<f64>) = if samples.is_empty() {
        (vec![f64::NAN], vec![f64::NAN])
    } else {
        samples.iter().copied().unzip()
    };
    eprintln!("  report in the DOM (ms): {}", list(&seen));
    eprintln!("  next frame (ms): {}", list(&frame));
    let responses = super::group_thousands(RESPONSES as u64);
    vec![
        Row::new(
            format!(
                "feedback results: aggregate + report + render {responses} responses in the \
                 browser (hash change → report in the DOM), median of {RUNS}"
            ),
            median(&seen),
            "ms",
        )
        .with_budget(AGGREGATE_GOAL_MS)
        .failed_if(failure.clone()),
        Row::new(
            format!("feedback results: the same, to the next animation frame, median of {RUNS}"),
            median(&frame),
            "ms",
        )
        .failed_if(failure),
    ]
}

/// Goes back to `#/` and waits until the home page's tool list is shown again.
async fn back_home(app: &TestApp) {
    app.browser.execute("location.hash = '#/';", vec![]).await;
    let started = Instant::now();
    loop {
        let home = app
            .browser
            .execute(
                "return !document.querySelector('.report') && !!document.querySelector('.tool-card a.button');",
                vec![],
            )
            .await;
        if home == json!(true) {
            break;
        }
        assert!(
            started.elapsed() < PAGE_TIMEOUT,
            "the home page did not come back within {PAGE_TIMEOUT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Let the browser finish anything left from the last page before the next visit.
    tokio::time::sleep(Duration::from_millis(300)).await;
}
