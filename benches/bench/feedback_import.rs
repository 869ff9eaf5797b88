//! Importing a large feedback collection on the home page, in headless Chromium.
//!
//! The collections answer the bundled service-user questionnaire ([`feedback_work`]): 10,000
//! responses (timed against the goal), then 50,000 (about 140 MB, reported for information).
//! Each is written by the core's `export_work`, as the app's "Export" writes it, as one file in
//! a temporary folder (made on each run, never committed), and chosen as a person chooses it:
//! the import button is pressed (which opens the file chooser; the app gets the import ready
//! while the person chooses), and 1.5 s later the file is chosen in `#import-file` (WebDriver
//! sends the path to the file input). The time is counted from the choice, not the press.
//!
//! Each run starts from nothing: the origin's work store (IndexedDB `mhsw`) and `localStorage`
//! are cleared ([`clear_site_data`]) and `#/` is loaded as a new document. In the page, a
//! capturing `change` listener records `performance.now()` when the file is chosen, a mutation
//! observer records when the import box's `role=status` region gets its outcome (the app shows
//! it only once the work store has committed the import; the "Importing…" before it is not
//! counted), and a `requestAnimationFrame` loop
//! records every frame, for the longest gap between frames while the import ran (how long the
//! page could not respond). Then the work store is read back in the page ([`stored_count`]):
//! an import counts as done only when its message says it was saved and the store holds every
//! response; otherwise its figures are labelled failed, with the reason. For context: the part
//! of the import spent in the app's save path (its User Timing measures `mhsw:save-prepare` and
//! `mhsw:save-write`), and the browser's own estimate of the storage used
//! (`navigator.storage.estimate()`).
//! Must not touch: the app (it only drives and observes it).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mhsw::definition::Definition;
use mhsw::store::response_record;
use mhsw::work::{check_answers, check_import, export_work, parse_work, MAX_IMPORT_BYTES};
use serde_json::{json, Value};

use super::browser_fixtures::{
    clear_site_data, feedback_work, list, median, stored_bytes, stored_count, FEEDBACK_ID,
    PAGE_TIMEOUT,
};
use super::common::browser::unique_temp_dir;
use super::common::probe;
use super::common::TestApp;
use super::Row;

/// Responses in the collection timed against the goal.
pub const RESPONSES: usize = 10_000;
/// Timed imports of it (each from an empty store).
const RUNS: usize = 3;
/// Responses in the large collection, reported for information.
const LARGE_RESPONSES: usize = 50_000;
/// Timed imports of the large collection.
const LARGE_RUNS: usize = 1;
/// The goal for the whole import, from choosing the file to the message, saved.
const IMPORT_GOAL_MS: f64 = 1000.0;
/// The goal for the longest gap between frames during it.
const FRAME_GAP_GOAL_MS: f64 = 100.0;
/// How long the person takes to choose the file once the chooser is open (a second and a half:
/// a quick pick from a folder already open).
const CHOOSING: Duration = Duration::from_millis(1500);
/// How long an import may take before it counts as failed.
const IMPORT_TIMEOUT: Duration = Duration::from_secs(300);

/// One export file, in a temporary folder removed when this is dropped.
pub struct ExportFile {
    dir: PathBuf,
    /// The questionnaire the collection answers.
    pub definition: Definition,
    /// Responses in it.
    pub responses: usize,
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: usize,
    /// What the app stores for it: (head bytes, response record bytes, response records).
    pub stored: (usize, usize, usize),
}

impl Drop for ExportFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes a collection of `responses` responses as one export file.
pub fn write_export_file(responses: usize) -> ExportFile {
    let (definition, work) = feedback_work(responses);
    let dir = unique_temp_dir("mhsw-bench-feedback");
    let path = dir.join(format!("north-team-feedback-2026-{responses}.json"));
    let text = export_work(&work);
    std::fs::write(&path, &text)
        .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    ExportFile {
        dir,
        definition,
        responses,
        path,
        size: text.len(),
        stored: stored_bytes(&work),
    }
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
    /// Response records the work store holds for the collection afterwards.
    pub stored_responses: Option<u64>,
    /// `navigator.storage.estimate()` afterwards: (usage, quota) in bytes.
    pub estimate: Option<(f64, f64)>,
    /// The app's own User Timing measures (`mhsw:…`) during the import: (name, total ms).
    pub steps: Vec<(String, f64)>,
    /// Each measure's first start and last end, in ms after the change: (name, start, end).
    pub spans: Vec<(String, f64, f64)>,
    /// Ms from the status message to the next animation frame (the message drawn).
    pub drawn: f64,
    /// The longest task on the page's thread during the import (`longtask` entries: over
    /// 50 ms), 0 when there was none.
    pub longest_task: f64,
    /// Each long task then: `[[ms after the change, ms long], ..]` (JSON).
    pub long_tasks: String,
    /// The machine's load average over the last minute, when the import ended (`/proc/loadavg`).
    pub load: f64,
    /// Why the import did not do its work, if it did not.
    pub failure: Option<String>,
}

/// Watches the import box and the frames, in the page.
const SETUP_SCRIPT: &str = r#"
const s = { change: null, done: null, doneFrame: null, message: "", frames: [], running: true, tasks: [] };
window.__import = s;
// The page thread's long tasks (over 50 ms), to tell a gap the page's own work made from one
// where the page's thread was idle or not run.
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.tasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask" });
} catch (_) {}
document.addEventListener("change", (e) => {
  if (e.target && e.target.id === "import-file" && s.change === null) s.change = performance.now();
}, true);
const status = document.querySelector(".import [role=status]");
// The import's "under way" words are not its outcome.
const underWay = arguments[0];
new MutationObserver(() => {
  const text = status.textContent.trim();
  if (s.done !== null || !text || text === underWay) return;
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
const steps = {};
for (const e of performance.getEntriesByType("measure")) {
  if (e.name.startsWith("mhsw:") && e.startTime >= s.change && e.startTime <= s.done) {
    const step = steps[e.name] || (steps[e.name] = [0, e.startTime - s.change, 0]);
    step[0] += e.duration;
    step[2] = Math.max(step[2], e.startTime + e.duration - s.change);
  }
}
let task = 0;
const long = [];
for (const [start, duration] of s.tasks) {
  if (start + duration >= s.change && start <= s.doneFrame) {
    task = Math.max(task, duration);
    long.push([Math.round(start - s.change), Math.round(duration)]);
  }
}
return { ms: s.done - s.change, drawn: s.doneFrame - s.done, gap, task, long, message: s.message, steps };
"#;

/// The browser's estimate of the storage this origin uses, and may use.
const ESTIMATE_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
if (!navigator.storage || !navigator.storage.estimate) { done(null); return; }
navigator.storage.estimate().then((e) => done([e.usage, e.quota]), () => done(null));
"#;

/// Starts from an empty store on a new `#/` document, chooses `file` in `#import-file`,
/// waits (up to `timeout`) for the status message, and checks that the work store holds all
/// `expected` responses of the collection.
pub async fn import(
    app: &TestApp,
    file: &Path,
    expected: usize,
    timeout: Duration,
) -> ImportOutcome {
    clear_site_data(app).await;
    probe::fresh_load(&app.browser, &app.route_url("#/")).await;
    app.browser.wait_for_boot().await;
    app.browser
        .wait_for_css(".tool-card a.button", PAGE_TIMEOUT)
        .await;
    // An error here is no store yet (it is made when the app first opens it): empty too.
    if let Ok(count) = stored_count(app, FEEDBACK_ID).await {
        assert_eq!(
            count.works, 0,
            "the work store is not empty before the import: {count:?}"
        );
    }
    let under_way = mhsw::messages::frame::importing(mhsw::lang::Lang::En);
    let ready = app
        .browser
        .execute(SETUP_SCRIPT, vec![json!(under_way)])
        .await;
    assert_eq!(
        ready,
        json!(true),
        "the home page has no import status region"
    );
    // As a person does: the button pressed (the file chooser opens; headless Chromium shows
    // none), then a file chosen a moment later. The app gets the import ready meanwhile.
    app.browser
        .wait_for_css("#import-file-button", PAGE_TIMEOUT)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not press the import button: {e}"));
    tokio::time::sleep(CHOOSING).await;
    let input = app.browser.wait_for_css("#import-file", PAGE_TIMEOUT).await;
    let path = file.display().to_string();
    input
        .send_keys(&path)
        .await
        .unwrap_or_else(|e| panic!("could not choose {path} in #import-file: {e}"));
    let started = Instant::now();
    let result = loop {
        // Not `Browser::execute`: a tab that ran out of memory is a failed import, not a panic.
        match app.browser.client().execute(RESULT_SCRIPT, vec![]).await {
            Ok(result) if !result.is_null() => break Ok(result),
            Ok(_) if started.elapsed() > timeout => {
                break Err(format!("no message within {timeout:?}"));
            }
            Ok(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            Err(e) => break Err(format!("the page stopped answering: {e}")),
        }
    };
    let result = match result {
        Ok(result) => result,
        Err(why) => {
            return ImportOutcome {
                ms: started.elapsed().as_secs_f64() * 1000.0,
                longest_frame_gap: f64::NAN,
                message: String::new(),
                stored_responses: None,
                estimate: None,
                steps: Vec::new(),
                spans: Vec::new(),
                drawn: f64::NAN,
                longest_task: f64::NAN,
                long_tasks: String::new(),
                load: load_average(),
                failure: Some(why),
            }
        }
    };
    let message = result["message"].as_str().unwrap_or_default().to_owned();
    let stored = stored_count(app, FEEDBACK_ID).await;
    let estimate = app.browser.execute_async(ESTIMATE_SCRIPT, vec![]).await;
    let estimate = estimate[0].as_f64().zip(estimate[1].as_f64());
    let saved = message.contains("saved on this device") && !message.contains("not saved");
    let failure = match &stored {
        _ if !saved => Some(format!("not saved: {message}")),
        Err(why) => Some(format!("the work store could not be read: {why}")),
        Ok(count) if count.head_chars.is_none() => {
            Some("no head record in the work store".to_owned())
        }
        Ok(count) if count.responses != expected as u64 => Some(format!(
            "the work store holds {} of {expected} responses",
            count.responses
        )),
        Ok(_) => None,
    };
    ImportOutcome {
        ms: result["ms"].as_f64().expect("a time"),
        longest_frame_gap: result["gap"].as_f64().expect("a gap"),
        message,
        stored_responses: stored.ok().map(|c| c.responses),
        estimate,
        steps: result["steps"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(name, step)| (name.clone(), step[0].as_f64().unwrap_or(f64::NAN)))
            .collect(),
        spans: result["steps"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(name, step)| {
                let at = |i: usize| step[i].as_f64().unwrap_or(f64::NAN);
                (name.clone(), at(1), at(2))
            })
            .collect(),
        drawn: result["drawn"].as_f64().unwrap_or(f64::NAN),
        longest_task: result["task"].as_f64().unwrap_or(f64::NAN),
        long_tasks: result["long"].to_string(),
        load: load_average(),
        failure,
    }
}

/// The machine's load average over the last minute (`/proc/loadavg`), NaN where there is none.
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The import's stages, in the order they happen, each from the app's User Timing measures
/// (see [`stage_ms`]): (label, how it is found).
const STAGES: &[(&str, Stage)] = &[
    (
        "change to the worker asked (the later part of the app, the file list)",
        Stage::StartOf("mhsw:import-worker"),
    ),
    (
        "worker: starting, and the request reaching it",
        Stage::Rest(
            "mhsw:import-worker",
            &[
                "mhsw:worker-file",
                "mhsw:worker-check",
                "mhsw:worker-hand-over",
                "mhsw:worker-transfer",
            ],
        ),
    ),
    ("worker: reading the file", Stage::Total("mhsw:worker-file")),
    (
        "worker: parsing and checking, and writing each response's record",
        Stage::Total("mhsw:worker-check"),
    ),
    (
        "worker: making the answer (the records packed)",
        Stage::Total("mhsw:worker-hand-over"),
    ),
    (
        "transfer to the page (posting, moving, waiting for the page's thread)",
        Stage::Total("mhsw:worker-transfer"),
    ),
    (
        "page: the records taken from the answer (before the first write)",
        Stage::Total("mhsw:import-records"),
    ),
    (
        "worker: storing new work itself, first write asked to the commit (mhsw:worker-store)",
        Stage::Total("mhsw:worker-store"),
    ),
    (
        "page: placing, storing, until the commit (the responses read meanwhile)",
        Stage::Total("mhsw:import-place-and-store"),
    ),
    (
        "  of which the page's thread preparing the save (mhsw:save-prepare)",
        Stage::Total("mhsw:save-prepare"),
    ),
    (
        "  of which the page's thread issuing the writes (mhsw:save-write)",
        Stage::Total("mhsw:save-write"),
    ),
    (
        "  beside it, reading the responses, first slice to last (mhsw:import-read-responses, turns given included)",
        Stage::Total("mhsw:import-read-responses"),
    ),
    (
        "after the commit to the message (the answer's words, the page updated)",
        Stage::AfterEndOf("mhsw:import-place-and-store"),
    ),
    ("the message to the next frame (drawn)", Stage::Drawn),
];

/// How a stage's ms are found in an import's measures.
enum Stage {
    /// From the change to the start of this measure.
    StartOf(&'static str),
    /// The measure's total.
    Total(&'static str),
    /// The measure's total less the others' totals (the part none of them covers).
    Rest(&'static str, &'static [&'static str]),
    /// From this measure's end to the message.
    AfterEndOf(&'static str),
    /// From the message to the next frame.
    Drawn,
}

/// One stage's ms in one import; `None` when the app did not record its measures (an older
/// build, or a path without the worker).
fn stage_ms(outcome: &ImportOutcome, stage: &Stage) -> Option<f64> {
    let total = |name: &str| {
        outcome
            .steps
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, ms)| *ms)
    };
    let span = |name: &str| {
        outcome
            .spans
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, start, end)| (*start, *end))
    };
    match stage {
        Stage::StartOf(name) => span(name).map(|(start, _)| start),
        Stage::Total(name) => total(name),
        Stage::Rest(name, parts) => {
            let parts: Option<f64> = parts.iter().map(|p| total(p)).sum();
            Some(total(name)? - parts?)
        }
        Stage::AfterEndOf(name) => span(name).map(|(_, end)| outcome.ms - end),
        Stage::Drawn => Some(outcome.drawn).filter(|ms| ms.is_finite()),
    }
}

/// For comparison, the ms the core takes natively for the file: (reading it as a JSON value,
/// `parse_work` in full (which does that first), `check_answers`).
fn native_parse_ms(file: &ExportFile) -> NativeMs {
    let text = std::fs::read_to_string(&file.path).expect("read the export file");
    let ms = |started: Instant| started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let value: Value = serde_json::from_str(&text).expect("the export file is JSON");
    std::hint::black_box(value);
    let value_ms = ms(started);
    let started = Instant::now();
    let work = parse_work(&text).expect("the export file parses");
    let parse_ms = ms(started);
    let started = Instant::now();
    check_answers(&work, &file.definition).expect("its answers fit");
    let check_ms = ms(started);
    // What the import worker does, natively: the whole check, then each response's record.
    let started = Instant::now();
    let checked = check_import(&text, |_| Some(&file.definition)).expect("the file imports");
    let import_ms = ms(started);
    let started = Instant::now();
    let records: usize = checked
        .iter()
        .flat_map(|c| c.work.collection.iter().flat_map(|c| c.responses.iter()))
        .map(|r| response_record(r).text.len())
        .sum();
    std::hint::black_box(records);
    NativeMs {
        value: value_ms,
        parse: parse_ms,
        check: check_ms,
        import: import_ms,
        records: ms(started),
    }
}

/// Natively, for comparison: ms to read the file as a JSON value, as work, to check its
/// answers, to check it as an import (all of that), and to write its response records.
struct NativeMs {
    value: f64,
    parse: f64,
    check: f64,
    import: f64,
    records: f64,
}

/// The first failure among `outcomes`, as a row's reason.
fn first_failure(outcomes: &[ImportOutcome]) -> Option<String> {
    let failed = outcomes.iter().filter(|o| o.failure.is_some()).count();
    outcomes.iter().find_map(|o| o.failure.clone()).map(|why| {
        if outcomes.len() > 1 {
            format!("{failed} of {} imports: {why}", outcomes.len())
        } else {
            why
        }
    })
}

/// Times `runs` imports of `file` in one browser, and notes each on stderr.
fn time_imports(file: &ExportFile, runs: usize) -> Vec<ImportOutcome> {
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    runtime.block_on(async {
        let app = TestApp::start().await;
        let mut outcomes = Vec::new();
        for _ in 0..runs {
            let outcome = import(&app, &file.path, file.responses, IMPORT_TIMEOUT).await;
            eprintln!(
                "  {} responses: {:.1} ms (load average {:.2}), longest frame gap {:.1} ms, \
                 longest task on the page's thread {:.1} ms, drawn {:.1} ms after the message, stored {:?}, storage estimate (usage, quota) \
                 {:?}, app steps (ms) {:?}: {}{}",
                file.responses,
                outcome.ms,
                outcome.load,
                outcome.longest_frame_gap,
                outcome.longest_task,
                outcome.drawn,
                outcome.stored_responses,
                outcome.estimate,
                outcome.steps,
                outcome.message,
                outcome
                    .failure
                    .as_ref()
                    .map(|f| format!(" | FAILED: {f}"))
                    .unwrap_or_default()
            );
            let spans: Vec<String> = outcome
                .spans
                .iter()
                .map(|(name, start, end)| format!("{name} {start:.0}..{end:.0}"))
                .collect();
            eprintln!(
                "    long tasks on the page's thread [ms after the change, ms long]: {}; the app's \
                 measures (ms after the change): {}",
                outcome.long_tasks,
                spans.join(", ")
            );
            let failed = outcome.failure.is_some();
            outcomes.push(outcome);
            if failed {
                break;
            }
        }
        app.close().await;
        outcomes
    })
}

/// Rows for one collection's imports: the time (with `goals`, the time and frame-gap goals),
/// the longest frame gap, the file and the storage used.
fn import_rows(file: &ExportFile, outcomes: &[ImportOutcome], goals: bool) -> Vec<Row> {
    let failure = first_failure(outcomes);
    let n = outcomes.len();
    let responses = super::group_thousands(file.responses as u64);
    let times: Vec<f64> = outcomes.iter().map(|o| o.ms).collect();
    let gaps: Vec<f64> = outcomes.iter().map(|o| o.longest_frame_gap).collect();
    eprintln!(
        "  {responses} responses, import (ms): {}; longest frame gaps (ms): {}",
        list(&times),
        list(&gaps)
    );
    let summary = if n > 1 {
        format!("median of {n}")
    } else {
        "one run".to_owned()
    };
    let goal = |row: Row, goal: f64| if goals { row.with_budget(goal) } else { row };
    let mut rows = vec![
        goal(
            Row::new(
                format!(
                    "feedback import: {responses} responses in one file, change → message, \
                     saved and all in IndexedDB, {summary}"
                ),
                median(&times),
                "ms",
            ),
            IMPORT_GOAL_MS,
        )
        .failed_if(failure.clone()),
        goal(
            Row::new(
                format!(
                    "feedback import: {responses} responses, longest gap between animation \
                     frames during it, {summary}"
                ),
                median(&gaps),
                "ms",
            ),
            FRAME_GAP_GOAL_MS,
        )
        .failed_if(failure.clone()),
        Row::new(
            format!("feedback import: {responses} responses, the export file"),
            file.size as f64,
            "bytes",
        )
        .with_budget(MAX_IMPORT_BYTES as f64),
        Row::new(
            format!(
                "feedback import: {responses} responses, the records stored (head + {} \
                 response records)",
                file.stored.2
            ),
            (file.stored.0 + file.stored.1) as f64,
            "bytes",
        ),
    ];
    let tasks: Vec<f64> = outcomes.iter().map(|o| o.longest_task).collect();
    eprintln!(
        "  {responses} responses, longest task on the page's thread (ms, 0: none over 50 ms): {}",
        list(&tasks)
    );
    rows.push(
        Row::new(
            format!(
                "feedback import: {responses} responses, longest task on the page's thread during \
                 it (0: none over 50 ms), {summary}"
            ),
            median(&tasks),
            "ms",
        )
        .failed_if(failure.clone()),
    );
    let loads: Vec<f64> = outcomes.iter().map(|o| o.load).collect();
    eprintln!(
        "  {responses} responses: load average (1 min) at the end of each import: {}",
        list(&loads)
    );
    rows.push(Row::new(
        format!(
            "feedback import: {responses} responses, the machine's load average (1 minute) at \
             the imports' ends, {summary}"
        ),
        median(&loads),
        "load",
    ));
    let verdict = match (&failure, goals) {
        (Some(why), _) => format!("FAILED ({why}): no figure counts against the goal"),
        (None, false) => "reported for information (no goal)".to_owned(),
        (None, true) => {
            let (ms, gap) = (median(&times), median(&gaps));
            let met = ms <= IMPORT_GOAL_MS && gap <= FRAME_GAP_GOAL_MS;
            format!(
                "goal {} ({ms:.0} ms against {IMPORT_GOAL_MS:.0} ms, longest frame gap \
                 {gap:.0} ms against {FRAME_GAP_GOAL_MS:.0} ms, load average {:.1})",
                if met { "MET" } else { "NOT MET" },
                median(&loads)
            )
        }
    };
    eprintln!("  {responses} responses: {verdict}");
    eprintln!("  {responses} responses, stages (ms, {summary}; each run's in brackets):");
    for (label, stage) in STAGES {
        let each: Vec<f64> = outcomes.iter().filter_map(|o| stage_ms(o, stage)).collect();
        if each.is_empty() {
            continue;
        }
        eprintln!("    {:>8.1}  {label} [{}]", median(&each), list(&each));
        rows.push(
            Row::new(
                format!(
                    "feedback import: {responses} responses, stage: {}, {summary}",
                    label.trim()
                ),
                median(&each),
                "ms",
            )
            .failed_if(failure.clone()),
        );
    }
    let save_path: Vec<f64> = outcomes
        .iter()
        .map(|o| {
            o.steps
                .iter()
                .filter(|(name, _)| name == "mhsw:save-prepare" || name == "mhsw:save-write")
                .map(|(_, ms)| ms)
                .sum()
        })
        .collect();
    rows.push(
        Row::new(
            format!(
                "feedback import: {responses} responses, of that the save path on the main \
                 thread (mhsw:save-prepare + mhsw:save-write), {summary}"
            ),
            median(&save_path),
            "ms",
        )
        .failed_if(failure.clone()),
    );
    if let Some((usage, _)) = outcomes.last().and_then(|o| o.estimate) {
        rows.push(
            Row::new(
                format!(
                    "feedback import: {responses} responses, browser storage used after it \
                     (navigator.storage.estimate)"
                ),
                usage,
                "bytes",
            )
            .failed_if(failure),
        );
    }
    rows
}

/// The browser's own cost of storing: `count` values of `size` characters written in
/// transactions of `per_transaction` with the durability hint `durability` (`default`,
/// `relaxed`, `strict`), in a throw-away database, with nothing of the app's in the way, each
/// value shaped as `shape`: `object` (`{ text, sum }`, the app's records), `string` (the checksum
/// and the text as one string) or `bytes` (that string's UTF-8 in a `Uint8Array`). With
/// `checkUs` over 0, a stand-in for the import's check takes that many microseconds of the
/// thread per value, all before the first put, or (`overlap`) just before each put. Resolves to
/// `[ms from the start (the stand-in check included) to the last commit, ms of put calls on the
/// thread, ms to read every value back (getAll) and take out its text]`.
const IDB_ALONE_SCRIPT: &str = r#"
const [count, size, perTransaction, shape, durability, checkUs, overlap] = arguments;
const done = arguments[arguments.length - 1];
(async () => {
  const name = "mhsw-bench-indexeddb-alone";
  await new Promise((ok) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = ok; });
  const db = await new Promise((ok, no) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => r.result.createObjectStore("records");
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  const filler = "x".repeat(Math.max(0, size - 24));
  const texts = [];
  for (let i = 0; i < count; i++) texts.push(`{"id":"r${i}","t":"${filler}"}`);
  const sum = "0123456789abcdef";
  const encoder = new TextEncoder();
  const value = (i) => shape === "string" ? sum + texts[i]
    : shape === "bytes" ? encoder.encode(sum + texts[i])
    : { text: texts[i], sum };
  // A stand-in for the import's check of each response: `checkUs` microseconds of the
  // thread's time, before all the puts or (`overlap`) just before each.
  const check = () => { const until = performance.now() + checkUs / 1000; while (performance.now() < until) {} };
  const start = performance.now();
  if (!overlap) for (let i = 0; i < count; i++) check();
  let onThread = 0;
  const commits = [];
  for (let at = 0; at < count; at += perTransaction) {
    const before = performance.now();
    const tx = db.transaction("records", "readwrite", { durability });
    const store = tx.objectStore("records");
    for (let i = at; i < Math.min(count, at + perTransaction); i++) {
      if (overlap) check();
      store.put(value(i), ["work", `r${i}`]);
    }
    commits.push(new Promise((ok, no) => { tx.oncomplete = ok; tx.onerror = () => no(tx.error); }));
    onThread += performance.now() - before;
  }
  await Promise.all(commits);
  const total = performance.now() - start;
  const readStart = performance.now();
  const values = await new Promise((ok, no) => {
    const r = db.transaction("records").objectStore("records").getAll();
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  const decoder = new TextDecoder();
  let chars = 0;
  for (const v of values) {
    chars += (shape === "string" ? v.slice(16) : shape === "bytes" ? decoder.decode(v.subarray(16)) : v.text).length;
  }
  const read = performance.now() - readStart;
  db.close();
  indexedDB.deleteDatabase(name);
  if (values.length !== count || chars === 0) throw new Error(`read back ${values.length} of ${count}`);
  return [total, onThread, read];
})().then(done, (e) => done(String(e)));
"#;

/// What IndexedDB itself takes to store the 10,000 responses' bytes as 10,000 records of their
/// average size (the app's layout: one record per response, 600 to a transaction), and to read
/// them back: with each durability hint, and after or overlapping a stand-in check. With
/// `MHSW_BENCH_SHAPES` set, also each value one string or bytes instead of the app's object,
/// and the same bytes as 17 records of 600 responses each. Medians of three, in one browser.
fn indexeddb_alone(file: &ExportFile) -> Vec<Row> {
    let per_record = file.stored.1 / file.stored.2.max(1);
    let blocks = file.stored.2.div_ceil(600);
    let records = file.stored.2;
    let one_each = format!("{records} records of {per_record} characters, 600 to a transaction (one record per response)");
    // The app's layout stored with each durability hint, then with a stand-in for the check
    // (65 µs a response, about the worker's 650 ms for 10,000): before every put, or overlapping
    // them (each response put as soon as it is checked), to see what overlapping could save.
    let object = |durability: &'static str, check_us: u32, overlap: bool, what: String| {
        (
            records, per_record, 600, "object", durability, check_us, overlap, what,
        )
    };
    let mut shapes = vec![
        object(
            "default",
            0,
            false,
            format!("{one_each}, each value {{ text, sum }}"),
        ),
        object(
            "relaxed",
            0,
            false,
            format!("{one_each}, each value {{ text, sum }}, durability relaxed"),
        ),
        object(
            "strict",
            0,
            false,
            format!("{one_each}, each value {{ text, sum }}, durability strict"),
        ),
        object(
            "default",
            65,
            false,
            format!("{one_each}, after a 65 µs stand-in check of each"),
        ),
        object(
            "default",
            65,
            true,
            format!("{one_each}, each put just after its 65 µs stand-in check"),
        ),
    ];
    if std::env::var_os("MHSW_BENCH_SHAPES").is_some() {
        shapes.extend([
            (
                records,
                per_record,
                600,
                "string",
                "default",
                0,
                false,
                format!("{one_each}, each value one string"),
            ),
            (
                records,
                per_record,
                600,
                "bytes",
                "default",
                0,
                false,
                format!("{one_each}, each value a Uint8Array"),
            ),
            (
                blocks,
                per_record * 600,
                blocks,
                "object",
                "default",
                0,
                false,
                format!("the same bytes as {blocks} records of 600 responses each"),
            ),
        ]);
    }
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    runtime.block_on(async {
        let app = TestApp::start().await;
        let mut rows = Vec::new();
        for (count, size, per_transaction, shape, durability, check_us, overlap, what) in shapes {
            let mut totals = Vec::new();
            let mut reads = Vec::new();
            let mut failure = None;
            for _ in 0..3 {
                let answer = app
                    .browser
                    .execute_async(
                        IDB_ALONE_SCRIPT,
                        vec![
                            count.into(),
                            size.into(),
                            per_transaction.into(),
                            shape.into(),
                            durability.into(),
                            check_us.into(),
                            overlap.into(),
                        ],
                    )
                    .await;
                let at = |i: usize| answer.as_array().and_then(|a| a.get(i)).and_then(|t| t.as_f64());
                match (at(0), at(2)) {
                    (Some(ms), Some(read)) => {
                        totals.push(ms);
                        reads.push(read);
                    }
                    _ => {
                        failure = Some(format!("the browser said {answer}"));
                        break;
                    }
                }
            }
            eprintln!(
                "  IndexedDB alone, {what}: stored in {totals:.1?} ms, read back in {reads:.1?} ms (load average {:.2})",
                load_average()
            );
            if totals.is_empty() {
                totals.push(f64::NAN);
                reads.push(f64::NAN);
            }
            rows.push(
                Row::new(
                    format!("feedback import: IndexedDB alone, {what}, first put to last commit, median of 3"),
                    median(&totals) * 1e6,
                    "ns",
                )
                .failed_if(failure.clone()),
            );
            rows.push(
                Row::new(
                    format!("feedback import: IndexedDB alone, {what}, read back (getAll and each text), median of 3"),
                    median(&reads) * 1e6,
                    "ns",
                )
                .failed_if(failure),
            );
        }
        app.close().await;
        rows
    })
}

/// Measures the imports; with `MHSW_BENCH_STORE_ONLY` set, only IndexedDB alone.
pub fn rows() -> Vec<Row> {
    let file = write_export_file(RESPONSES);
    eprintln!(
        "  {} responses: export file {} bytes; stored as a {}-byte head and {} response \
         records of {} bytes",
        file.responses, file.size, file.stored.0, file.stored.2, file.stored.1
    );
    let native = native_parse_ms(&file);
    eprintln!(
        "  for comparison, natively: JSON to a value {:.1} ms; parse_work {:.1} ms; \
         check_answers {:.1} ms; check_import (all of the worker's check) {:.1} ms; the \
         response records {:.1} ms",
        native.value, native.parse, native.check, native.import, native.records
    );
    if std::env::var_os("MHSW_BENCH_STORE_ONLY").is_some() {
        return indexeddb_alone(&file);
    }
    let outcomes = time_imports(&file, RUNS);
    let mut rows = import_rows(&file, &outcomes, true);
    rows.extend(indexeddb_alone(&file));
    drop(file);

    let large = write_export_file(LARGE_RESPONSES);
    eprintln!(
        "  {} responses: export file {} bytes; stored as a {}-byte head and {} response \
         records of {} bytes",
        large.responses, large.size, large.stored.0, large.stored.2, large.stored.1
    );
    let outcomes = time_imports(&large, LARGE_RUNS);
    rows.extend(import_rows(&large, &outcomes, false));
    rows
}
