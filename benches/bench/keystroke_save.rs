//! Typing into an audit's evidence box, and the save that follows, in headless Chromium.
//!
//! With a finished self-assessment in the work store ([`audit_work`]: every shown item answered,
//! with evidence and a comment), opens its `supervision` section as a new document, puts the
//! caret at the end of the first item's evidence box and types [`KEYS`] characters with real
//! key presses (WebDriver input actions), in bursts of [`BURST`]. After each burst it waits
//! until the app has saved (the app saves 400 ms after the last change), so each burst makes
//! one save, as a person pausing to think does.
//!
//! The app records two User Timing measures on every save, both on the main thread:
//! `mhsw:save-prepare` (serialising and sealing the work's head and any new responses) and
//! `mhsw:save-write` (issuing the IndexedDB puts: the head's, then the response records').
//! Each prepare and the writes after it, up to the next prepare, are one save, and their sum is
//! the save path's main-thread time for that save; the median and
//! 95th percentile (nearest rank) are reported, against a goal of 4 ms at the 95th. The
//! transaction's commit happens off the main thread and is not in these figures.
//!
//! The keystroke handler is timed too: a capturing `input` listener on `window` notes the time,
//! and a bubbling one added after the app's own listeners notes it again, so each sample is the
//! whole dispatch of one `input` event (the app's handler and the reactive updates it runs
//! before the event returns), without rendering or layout.
//!
//! Afterwards the work store is read back: the figures count only if the typed text was saved.
//! Must not touch: the app (it only drives and observes it).

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::browser_fixtures::{
    audit_work, list, median, percentile, seed_works, AUDIT_ID, AUDIT_SECTION, PAGE_TIMEOUT,
};
use super::common::journey::{saved_work, type_text};
use super::common::probe::fresh_load;
use super::common::TestApp;
use super::Row;

/// The item whose evidence box is typed into.
const ITEM: &str = "sup-1";
/// Key presses in all.
const KEYS: usize = 400;
/// Key presses between pauses.
const BURST: usize = 20;
/// The goal for the save path's main-thread time at the 95th percentile.
const SAVE_GOAL_MS: f64 = 4.0;

/// Focuses the evidence box with the caret at its end, clears the save measures and starts
/// timing `input` events.
const SETUP_SCRIPT: &str = r#"
const box = document.getElementById(arguments[0]);
if (!box) return null;
box.focus();
box.setSelectionRange(box.value.length, box.value.length);
performance.clearMeasures('mhsw:save-prepare');
performance.clearMeasures('mhsw:save-write');
const k = { start: null, inputs: [] };
window.__keys = k;
window.addEventListener('input', () => { k.start = performance.now(); }, true);
window.addEventListener('input', () => {
  if (k.start !== null) k.inputs.push(performance.now() - k.start);
  k.start = null;
});
return box.value;
"#;

/// The save measures so far: `{prepare: [[start, duration]], write: [[start, duration]]}`,
/// the input samples, and the box's text.
const READ_SCRIPT: &str = r#"
const pairs = (name) => performance.getEntriesByName(name, 'measure').map((e) => [e.startTime, e.duration]);
const box = document.getElementById(arguments[0]);
return { prepare: pairs('mhsw:save-prepare'), write: pairs('mhsw:save-write'), inputs: window.__keys.inputs, value: box ? box.value : null };
"#;

fn pairs(value: &Value) -> Vec<(f64, f64)> {
    serde_json::from_value(value.clone()).unwrap_or_default()
}

/// The save path's time per save: each prepare plus the writes that follow it before the next
/// prepare (a save measures its head's write and its response records' writes apart, so one
/// save has two or more writes).
fn save_times(prepare: &[(f64, f64)], write: &[(f64, f64)]) -> Vec<f64> {
    let mut starts: Vec<(f64, f64)> = prepare.to_vec();
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    starts
        .iter()
        .enumerate()
        .map(|(i, &(start, duration))| {
            let next = starts.get(i + 1).map_or(f64::INFINITY, |p| p.0);
            let writes: f64 = write
                .iter()
                .filter(|w| w.0 >= start && w.0 < next)
                .map(|w| w.1)
                .sum();
            duration + writes
        })
        .collect()
}

/// What the run measured.
struct Measured {
    saves: Vec<f64>,
    prepares: usize,
    inputs: Vec<f64>,
    failure: Option<String>,
}

/// Measures the keystroke save path.
pub fn rows() -> Vec<Row> {
    let (_, audit) = audit_work();
    let with_notes = audit
        .responses
        .items
        .values()
        .filter(|i| i.evidence.is_some() && i.comment.is_some())
        .count();
    eprintln!("  audit: {with_notes} answered items with evidence and a comment");
    let evidence_id = format!("q-{ITEM}-evidence");
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let measured = runtime.block_on(async {
        let app = TestApp::start().await;
        seed_works(&app, &[&audit]).await;
        fresh_load(
            &app.browser,
            &app.route_url(&format!("#/work/{AUDIT_ID}/section/{AUDIT_SECTION}")),
        )
        .await;
        app.browser.wait_for_boot().await;
        app.browser
            .wait_for_css(&format!("#{evidence_id}"), PAGE_TIMEOUT)
            .await;
        // Let the first screen's own work finish before typing.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let before = app
            .browser
            .execute(SETUP_SCRIPT, vec![json!(evidence_id)])
            .await;
        let before = before
            .as_str()
            .unwrap_or_else(|| panic!("no #{evidence_id} on the section page"))
            .to_owned();
        let phrase = " Seen again in the May file audit, with the team.";
        let typed: String = phrase.chars().cycle().take(KEYS).collect();
        let chars: Vec<char> = typed.chars().collect();
        let mut failure = None;
        let writes = |read: &Value| pairs(&read["write"]).len();
        for (n, burst) in chars.chunks(BURST).enumerate() {
            let before_burst = writes(
                &app.browser
                    .execute(READ_SCRIPT, vec![json!(evidence_id)])
                    .await,
            );
            let text: String = burst.iter().collect();
            type_text(&app.browser, &text).await;
            // Pause until this burst's save has been written (past the 400 ms debounce): a
            // write since the burst began (counting writes from the start was fooled by one
            // the start itself made, and went on before the last burst's save).
            let started = Instant::now();
            loop {
                let read = app
                    .browser
                    .execute(READ_SCRIPT, vec![json!(evidence_id)])
                    .await;
                if writes(&read) > before_burst {
                    break;
                }
                if started.elapsed() > Duration::from_secs(5) {
                    failure.get_or_insert(format!("burst {}: no save within 5 s", n + 1));
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let read = app
            .browser
            .execute(READ_SCRIPT, vec![json!(evidence_id)])
            .await;
        let expected = format!("{before}{typed}");
        if read["value"].as_str() != Some(expected.as_str()) {
            failure.get_or_insert(format!(
                "the box holds {:?}, not the typed text",
                read["value"]
            ));
        }
        // The last write's transaction commits off the main thread, after its measure: read
        // the store until it holds the typed text, for up to 5 s.
        let started = Instant::now();
        let stored = loop {
            let saved = saved_work(&app.browser, AUDIT_ID).await;
            let stored = saved
                .responses
                .item(&ITEM.into())
                .and_then(|i| i.evidence.clone())
                .unwrap_or_default();
            if stored == expected.trim() || stored == expected {
                break stored;
            }
            if started.elapsed() > Duration::from_secs(5) {
                break stored;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        if stored != expected.trim() && stored != expected {
            failure.get_or_insert(format!(
                "the work store holds other evidence for {ITEM}: {stored:?}"
            ));
        }
        app.close().await;
        let (prepare, write) = (pairs(&read["prepare"]), pairs(&read["write"]));
        Measured {
            saves: save_times(&prepare, &write),
            prepares: prepare.len(),
            inputs: serde_json::from_value(read["inputs"].clone()).unwrap_or_default(),
            failure,
        }
    });
    eprintln!(
        "  {} saves ({} prepares) for {KEYS} key presses; save path per save (ms): {}",
        measured.saves.len(),
        measured.prepares,
        list(&measured.saves)
    );
    eprintln!(
        "  input event dispatch (ms), {} events: median {:.2}, p95 {:.2}, max {:.2}",
        measured.inputs.len(),
        if measured.inputs.is_empty() {
            f64::NAN
        } else {
            median(&measured.inputs)
        },
        if measured.inputs.is_empty() {
            f64::NAN
        } else {
            percentile(&measured.inputs, 95.0)
        },
        measured.inputs.iter().copied().fold(f64::NAN, f64::max)
    );
    if let Some(why) = &measured.failure {
        eprintln!("  FAILED: {why}");
    }
    let saves = if measured.saves.is_empty() {
        vec![f64::NAN]
    } else {
        measured.saves.clone()
    };
    let inputs = if measured.inputs.is_empty() {
        vec![f64::NAN]
    } else {
        measured.inputs.clone()
    };
    let n = measured.saves.len();
    let failure = measured.failure;
    vec![
        Row::new(
            format!(
                "keystroke save: save path on the main thread (mhsw:save-prepare + \
                 mhsw:save-write) per save, median of {n} saves ({KEYS} key presses)"
            ),
            median(&saves),
            "ms",
        )
        .failed_if(failure.clone()),
        Row::new(
            format!("keystroke save: the same, 95th percentile of {n} saves"),
            percentile(&saves, 95.0),
            "ms",
        )
        .with_budget(SAVE_GOAL_MS)
        .failed_if(failure.clone()),
        Row::new(
            format!(
                "keystroke save: input event dispatch (app handler + reactive updates, no \
                 render), median of {} key presses",
                measured.inputs.len()
            ),
            median(&inputs),
            "ms",
        )
        .failed_if(failure.clone()),
        Row::new(
            "keystroke save: input event dispatch, 95th percentile",
            percentile(&inputs, 95.0),
            "ms",
        )
        .failed_if(failure),
    ]
}
