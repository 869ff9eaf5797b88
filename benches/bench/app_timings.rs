//! How quickly the app becomes usable, and answers a click, in headless Chromium.
//!
//! - Home: each run loads `#/` as a new document (empty storage) and takes the time, from the
//!   navigation start, at which the tool list's first "Start" link (`.tool-card a.button`) is in
//!   the page: the app has started, read the manifest and listed the tools from its summaries.
//!   Also reported from that load's Resource Timing: the span from the questionnaire manifest's
//!   request to the last questionnaire file's response (the files are fetched by the later part
//!   of the app, which downloads just after the first screen).
//! - Audit section: with a finished audit in the work store (seeded and moved there first, see
//!   [`seed_works`]), each run loads
//!   `#/work/<id>/section/supervision` as a new document and takes the time at which its first
//!   answer (`#q-sup-1`) is in the page.
//! - Answer to score: on that page, clicks "Developing" and "Established" on the first question
//!   in turn; for each click the page records `performance.now()` just before `click()`, after
//!   it returns (the change handler; the save to the work store comes 400 ms after the last
//!   change, so it is not in this time: see [`super::keystroke_save`]), when a mutation observer sees
//!   the "This section so far" text change, and at the next animation frame after that. It also
//!   notes (stderr) how many of the section's form controls the click re-created.
//!
//! Times are read in the page (`performance.now()`, by [`super::common::probe`] or a script), so
//! WebDriver's own delays are not in them. Medians are reported; every sample goes to stderr.
//! Must not touch: the app (it only drives and observes it).

use std::time::Duration;

use serde_json::{json, Value};

use super::browser_fixtures::{
    audit_work, list, load_and_time, median, seed_works, AUDIT_ID, AUDIT_SECTION,
};
use super::common::probe::{self, Watch};
use super::common::TestApp;
use super::Row;

/// Fresh loads per page.
const LOADS: usize = 5;
/// Answer clicks timed.
const CLICKS: usize = 20;
/// The goal for showing the new score: one frame at 60 Hz.
const FRAME_GOAL_MS: f64 = 16.0;

/// Clicks a radio, and reports the times (ms from just before the click) at which the click
/// handler returned, the section score's text changed, and the next frame came.
const CLICK_SCRIPT: &str = r#"
const [id, done] = [arguments[0], arguments[arguments.length - 1]];
const score = () => { const el = document.getElementById("section-score"); return el ? el.textContent : null; };
const before = score();
const input = document.getElementById(id);
if (!input) { done({ error: "no element #" + id }); return; }
const controls = () => [...document.querySelectorAll(".section-form input, .section-form textarea, .section-form select")];
const kept = new Set(controls());
let t0, handler, text;
const observer = new MutationObserver(() => {
  if (text !== undefined || score() === before) return;
  text = performance.now();
  observer.disconnect();
  requestAnimationFrame(() => {
    const frame = performance.now();
    const now = controls();
    const replaced = now.filter((c) => !kept.has(c)).length;
    done({ before, after: score(), handler: handler - t0, text: text - t0, frame: frame - t0, replaced, controls: now.length });
  });
});
observer.observe(document.body, { childList: true, subtree: true, characterData: true });
t0 = performance.now();
input.click();
handler = performance.now();
setTimeout(() => {
  if (text === undefined) { observer.disconnect(); done({ error: "the score did not change", before, after: score() }); }
}, 5000);
"#;

/// Measures the home page, the audit section and the answer-to-score time.
pub fn rows() -> Vec<Row> {
    let (_, audit) = audit_work();
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    runtime.block_on(async {
        let app = TestApp::start().await;
        probe::install(
            &app.browser,
            &[
                Watch {
                    name: "home",
                    selector: ".tool-card a.button",
                    text: "",
                },
                Watch {
                    name: "section",
                    selector: "#q-sup-1",
                    text: "",
                },
            ],
        )
        .await;

        let mut home = Vec::new();
        for _ in 0..LOADS {
            home.push(load_and_time(&app, "#/", "home").await.0);
        }
        let fetch_span = questionnaire_fetches(&app).await;
        eprintln!("  home interactive (ms): {}", list(&home));

        seed_works(&app, &[&audit]).await;
        let route = format!("#/work/{AUDIT_ID}/section/{AUDIT_SECTION}");
        let mut section = Vec::new();
        for _ in 0..LOADS {
            section.push(load_and_time(&app, &route, "section").await.0);
        }
        eprintln!("  audit section interactive (ms): {}", list(&section));

        let clicks = time_clicks(&app).await;
        app.close().await;

        let (handler, text, frame): (Vec<f64>, Vec<f64>, Vec<f64>) = (
            clicks.iter().map(|c| c.0).collect(),
            clicks.iter().map(|c| c.1).collect(),
            clicks.iter().map(|c| c.2).collect(),
        );
        eprintln!("  click handler returned (ms): {}", list(&handler));
        eprintln!("  score text changed (ms): {}", list(&text));
        eprintln!("  next frame (ms): {}", list(&frame));

        let mut rows = vec![
            Row::new(
                format!(
                    "app: home interactive (tool list rendered), ms after navigation start, \
                     median of {LOADS} fresh loads"
                ),
                median(&home),
                "ms",
            ),
            Row::new(
                format!(
                    "app: {} questionnaire files fetched after the first screen \
                     (manifest request → last file's response, last load)",
                    fetch_span.1
                ),
                fetch_span.0,
                "ms",
            ),
            Row::new(
                format!(
                    "app: audit section interactive (#q-sup-1 rendered), ms after navigation \
                     start, median of {LOADS} fresh loads"
                ),
                median(&section),
                "ms",
            ),
            Row::new(
                format!(
                    "app: answer click → change handler returned (the save is debounced, not in \
                     this), median of {CLICKS}"
                ),
                median(&handler),
                "ms",
            ),
        ];
        rows.push(
            Row::new(
                format!("app: answer click → section score text updated, median of {CLICKS}"),
                median(&text),
                "ms",
            )
            .with_budget(FRAME_GOAL_MS),
        );
        rows.push(
            Row::new(
                format!(
                    "app: answer click → next animation frame after the new score, median of \
                     {CLICKS}"
                ),
                median(&frame),
                "ms",
            )
            .with_budget(FRAME_GOAL_MS),
        );
        rows
    })
}

/// From the last load's Resource Timing: the ms from the questionnaire manifest's request to
/// the end of the last questionnaire response, and how many questionnaire files were fetched.
/// The files are fetched by the later part of the app, just after the first screen, so this
/// waits (up to 20 s) until they are all in.
async fn questionnaire_fetches(app: &TestApp) -> (f64, usize) {
    let started = std::time::Instant::now();
    loop {
        let span = app
            .browser
            .execute(
                "const all = performance.getEntriesByType('resource')\
                   .filter(e => e.name.includes('/questionnaires/') && e.name.endsWith('.json'));\
                 const manifest = all.find(e => e.name.endsWith('/manifest.json'));\
                 if (!manifest) return null;\
                 const files = all.filter(e => e !== manifest);\
                 if (!files.length || files.some(e => !e.responseEnd)) return null;\
                 const end = Math.max(...files.map(e => e.responseEnd));\
                 return [end - manifest.startTime, files.length];",
                vec![],
            )
            .await;
        if let (Some(ms), Some(files)) = (span[0].as_f64(), span[1].as_u64()) {
            return (ms, files as usize);
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the app never fetched its questionnaire files after the manifest: {span}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks "Developing" and "Established" on `sup-1` in turn, [`CLICKS`] times after one untimed
/// warm-up click, and returns (handler, text, frame) for each, in ms after the click began.
async fn time_clicks(app: &TestApp) -> Vec<(f64, f64, f64)> {
    let ids = ["q-sup-1-1", "q-sup-1-2"];
    let mut samples = Vec::new();
    for n in 0..=CLICKS {
        let result: Value = app
            .browser
            .execute_async(CLICK_SCRIPT, vec![json!(ids[n % 2])])
            .await;
        if let Some(error) = result.get("error") {
            panic!("clicking #{}: {error} ({result})", ids[n % 2]);
        }
        if n == 1 {
            eprintln!(
                "  score text: {} → {}; form controls re-created by the click: {} of {}",
                result["before"].as_str().unwrap_or("?"),
                result["after"].as_str().unwrap_or("?"),
                result["replaced"],
                result["controls"]
            );
        }
        let time = |key: &str| {
            result[key]
                .as_f64()
                .unwrap_or_else(|| panic!("no `{key}` in {result}"))
        };
        if n > 0 {
            samples.push((time("handler"), time("text"), time("frame")));
        }
        // Let anything the click started settle before the next one.
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    samples
}
