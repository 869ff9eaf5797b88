//! Importing a large feedback collection on the home page, in headless Chromium.
//!
//! The collection is 10,000 responses to the bundled service-user questionnaire
//! ([`feedback_work`]), exported with the core's `export_work`, as the app's "Export" writes
//! it. One file of all 10,000 is over the app's import limit (`MAX_IMPORT_BYTES`), so the row
//! for it is its size against that limit, and the app's refusal is checked. The import then
//! timed is the one the app's message advises: the same collection exported as the fewest
//! files that are each within the limit (same work id, so the app combines them), chosen
//! together in `#import-file` (WebDriver sends the paths to the file input).
//!
//! Each run starts from empty storage and a new document. In the page, a capturing `change`
//! listener records `performance.now()` when the files are chosen, a mutation observer records
//! when the import box's `role=status` region gets its message, and a `requestAnimationFrame`
//! loop records every frame, for the longest gap between frames while the import ran (how long
//! the page could not respond). The save line ("Saved on this device" or "Not saved: …") is
//! read afterwards: the app saves the whole collection to localStorage, whose quota may refuse it.
//! Must not touch: the app (it only drives and observes it).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mhsw::definition::Definition;
use mhsw::work::{check_answers, export_work, parse_work, Work, MAX_IMPORT_BYTES};
use serde_json::{json, Value};

use super::browser_fixtures::{feedback_work, list, median, storage_entry, PAGE_TIMEOUT};
use super::common::browser::unique_temp_dir;
use super::common::probe;
use super::common::TestApp;
use super::Row;

/// Responses in the collection.
pub const RESPONSES: usize = 10_000;
/// Timed imports (each from empty storage).
const RUNS: usize = 3;
/// The goal for the whole import.
const IMPORT_GOAL_MS: f64 = 1000.0;

/// The export files, in a temporary folder removed when this is dropped.
pub struct ExportFiles {
    dir: PathBuf,
    /// The questionnaire the collection answers.
    pub definition: Definition,
    /// The whole collection in one export file, and its size in bytes.
    pub single: (PathBuf, usize),
    /// The collection split into files within the import limit, and their sizes.
    pub parts: Vec<(PathBuf, usize)>,
    /// The size of the storage entry the app would save for the whole collection.
    pub stored_bytes: usize,
}

impl Drop for ExportFiles {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes the collection as one export file, and as the fewest files within the import limit.
pub fn write_export_files() -> ExportFiles {
    let (definition, work) = feedback_work(RESPONSES);
    let dir = unique_temp_dir("mhsw-bench-feedback");
    let single = write(
        &dir.join("north-team-feedback-2026.json"),
        &export_work(&work),
    );
    let responses = &work
        .collection
        .as_ref()
        .expect("a feedback work has a collection")
        .responses;
    let mut count = 1;
    let parts = loop {
        count += 1;
        let chunk = responses.len().div_ceil(count);
        let texts: Vec<String> = responses
            .chunks(chunk)
            .map(|part| {
                let mut piece: Work = work.clone();
                if let Some(c) = piece.collection.as_mut() {
                    c.responses = part.to_vec();
                }
                export_work(&piece)
            })
            .collect();
        if texts.iter().all(|t| t.len() <= MAX_IMPORT_BYTES) {
            let n = texts.len();
            break texts
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    write(
                        &dir.join(format!(
                            "north-team-feedback-2026-part-{}-of-{n}.json",
                            i + 1
                        )),
                        text,
                    )
                })
                .collect::<Vec<_>>();
        }
    };
    let stored_bytes = storage_entry(&work).1.len();
    ExportFiles {
        dir,
        definition,
        single,
        parts,
        stored_bytes,
    }
}

fn write(path: &Path, text: &str) -> (PathBuf, usize) {
    std::fs::write(path, text)
        .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    (path.to_owned(), text.len())
}

/// What one import did.
#[derive(Debug)]
pub struct ImportOutcome {
    /// Ms from the input's `change` event to the status message.
    pub ms: f64,
    /// The longest gap between animation frames from the change to the frame after the message.
    pub longest_frame_gap: f64,
    /// The status message.
    pub message: String,
    /// The save line after the import.
    pub save: String,
}

/// Watches the import box and the frames, in the page.
const SETUP_SCRIPT: &str = r#"
const s = { change: null, done: null, doneFrame: null, message: "", frames: [], running: true };
window.__import = s;
document.addEventListener("change", (e) => {
  if (e.target && e.target.id === "import-file" && s.change === null) s.change = performance.now();
}, true);
const status = document.querySelector(".import [role=status]");
new MutationObserver(() => {
  const text = status.textContent.trim();
  if (s.done !== null || !text) return;
  s.done = performance.now();
  s.message = text;
  requestAnimationFrame(() => { s.doneFrame = performance.now(); });
}).observe(status, { childList: true, subtree: true, characterData: true });
const tick = () => { s.frames.push(performance.now()); if (s.running) requestAnimationFrame(tick); };
requestAnimationFrame(tick);
return status !== null;
"#;

/// Reads the outcome once the message and its frame are in; `null` before.
const RESULT_SCRIPT: &str = r#"
const s = window.__import;
if (!s || s.doneFrame === null) return null;
s.running = false;
let gap = 0;
for (let i = 1; i < s.frames.length; i++) {
  if (s.frames[i] >= s.change && s.frames[i - 1] <= s.doneFrame) gap = Math.max(gap, s.frames[i] - s.frames[i - 1]);
}
const save = document.querySelector(".save-status");
return { ms: s.done - s.change, gap, message: s.message, save: save ? save.textContent.trim() : "" };
"#;

/// Starts from empty storage on a new `#/` document, chooses `files` in `#import-file`, and
/// waits for the status message.
pub async fn import(app: &TestApp, files: &[&Path]) -> ImportOutcome {
    app.open("#/").await;
    app.browser
        .execute("localStorage.clear(); sessionStorage.clear();", vec![])
        .await;
    probe::fresh_load(&app.browser, &app.route_url("#/")).await;
    app.browser.wait_for_boot().await;
    app.browser
        .wait_for_css(".tool-card a.button", PAGE_TIMEOUT)
        .await;
    let ready = app.browser.execute(SETUP_SCRIPT, vec![]).await;
    assert_eq!(
        ready,
        json!(true),
        "the home page has no import status region"
    );
    let input = app.browser.wait_for_css("#import-file", PAGE_TIMEOUT).await;
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    input
        .send_keys(&paths.join("\n"))
        .await
        .unwrap_or_else(|e| panic!("could not choose {paths:?} in #import-file: {e}"));
    let started = Instant::now();
    let result = loop {
        let result: Value = app.browser.execute(RESULT_SCRIPT, vec![]).await;
        if !result.is_null() {
            break result;
        }
        if started.elapsed() > PAGE_TIMEOUT * 2 {
            let text = app.browser.body_text().await;
            panic!(
                "the import showed no message within {:?}. Page text:\n{text}",
                PAGE_TIMEOUT * 2
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    // The save line is set in the same task as the message; give the page a moment anyway.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let save = app
        .browser
        .execute(
            "const s = document.querySelector('.save-status'); return s ? s.textContent.trim() : '';",
            vec![],
        )
        .await;
    ImportOutcome {
        ms: result["ms"].as_f64().expect("a time"),
        longest_frame_gap: result["gap"].as_f64().expect("a gap"),
        message: result["message"].as_str().unwrap_or_default().to_owned(),
        save: save.as_str().unwrap_or_default().to_owned(),
    }
}

/// "saved" when the save line says so, or what it said instead.
pub fn save_outcome(save: &str) -> String {
    if save.starts_with("Saved on this device") {
        "saved to browser storage".to_owned()
    } else if save.contains("Not saved") && save.contains("full") {
        "NOT SAVED: browser storage full".to_owned()
    } else if save.is_empty() {
        "no save line shown".to_owned()
    } else {
        format!("save line: {save}")
    }
}

/// Finds the longest string of ASCII letters localStorage accepts as one value (binary search),
/// then clears storage.
const QUOTA_SCRIPT: &str = r#"
localStorage.clear();
let [low, high] = [0, 64 * 1024 * 1024];
while (high - low > 1024) {
  const mid = Math.floor((low + high) / 2);
  try { localStorage.setItem("q", "a".repeat(mid)); low = mid; } catch (e) { high = mid; }
  localStorage.clear();
}
return low;
"#;

/// For comparison, the ms the core takes natively for the part files: (reading them as a JSON
/// value, `parse_work` in full (which does that first), `check_answers`).
fn native_parse_ms(files: &ExportFiles) -> (f64, f64, f64) {
    let texts: Vec<String> = files
        .parts
        .iter()
        .map(|(path, _)| std::fs::read_to_string(path).expect("read a part file"))
        .collect();
    let ms = |started: Instant| started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    for text in &texts {
        let value: Value = serde_json::from_str(text).expect("a part file is JSON");
        std::hint::black_box(value);
    }
    let value_ms = ms(started);
    let started = Instant::now();
    let works: Vec<Work> = texts
        .iter()
        .map(|text| parse_work(text).expect("a part file parses"))
        .collect();
    let parse_ms = ms(started);
    let started = Instant::now();
    for work in &works {
        check_answers(work, &files.definition).expect("its answers fit");
    }
    (value_ms, parse_ms, ms(started))
}

/// Measures the imports.
pub fn rows() -> Vec<Row> {
    let files = write_export_files();
    let parts: Vec<&Path> = files.parts.iter().map(|(p, _)| p.as_path()).collect();
    eprintln!(
        "  one export file: {} bytes; {} parts: {:?} bytes; storage entry {} bytes",
        files.single.1,
        parts.len(),
        files.parts.iter().map(|p| p.1).collect::<Vec<_>>(),
        files.stored_bytes
    );
    let (value_ms, parse_ms, check_ms) = native_parse_ms(&files);
    eprintln!(
        "  for comparison, natively for the {} files: JSON to a value {value_ms:.1} ms; \
         parse_work {parse_ms:.1} ms; check_answers {check_ms:.1} ms",
        parts.len()
    );
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let (refusal, outcomes) = runtime.block_on(async {
        let app = TestApp::start().await;
        let refusal = import(&app, &[files.single.0.as_path()]).await;
        let mut outcomes = Vec::new();
        for _ in 0..RUNS {
            outcomes.push(import(&app, &parts).await);
        }
        let quota = app.browser.execute(QUOTA_SCRIPT, vec![]).await;
        eprintln!(
            "  this Chromium's localStorage accepts one value of at most {quota} ASCII characters"
        );
        app.close().await;
        (refusal, outcomes)
    });
    eprintln!("  one file: {:.1} ms: {}", refusal.ms, refusal.message);
    for o in &outcomes {
        eprintln!(
            "  parts: {:.1} ms, longest frame gap {:.1} ms: {} | {}",
            o.ms, o.longest_frame_gap, o.message, o.save
        );
    }
    let refused = refusal.message.contains("was not imported");
    for o in &outcomes {
        assert!(
            o.message.contains("imported as") || o.message.contains("new responses added"),
            "the import of the parts did not succeed: {}",
            o.message
        );
    }
    let times: Vec<f64> = outcomes.iter().map(|o| o.ms).collect();
    let gaps: Vec<f64> = outcomes.iter().map(|o| o.longest_frame_gap).collect();
    eprintln!(
        "  import (ms): {}; longest frame gaps (ms): {}",
        list(&times),
        list(&gaps)
    );
    let saved = save_outcome(&outcomes[0].save);
    let n = parts.len();
    let responses = super::group_thousands(RESPONSES as u64);
    vec![
        Row::new(
            format!(
                "feedback import: one export file of {responses} responses, size vs the app's \
                 import limit ({})",
                if refused {
                    "the app refused it"
                } else {
                    "the app accepted it"
                }
            ),
            files.single.1 as f64,
            "bytes",
        )
        .with_budget(MAX_IMPORT_BYTES as f64),
        Row::new(
            format!(
                "feedback import: {responses} responses as {n} export files chosen together, \
                 change → status message, median of {RUNS} ({saved})"
            ),
            median(&times),
            "ms",
        )
        .with_budget(IMPORT_GOAL_MS),
        Row::new(
            format!(
                "feedback import: longest gap between animation frames during that import, \
                 median of {RUNS}"
            ),
            median(&gaps),
            "ms",
        ),
        Row::new(
            format!("feedback import: the {responses}-response collection as one storage entry"),
            files.stored_bytes as f64,
            "bytes",
        ),
    ]
}
