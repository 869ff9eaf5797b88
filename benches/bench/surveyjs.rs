//! Side by side with SurveyJS (issue 16): the toolkit against a reference page made with the
//! SurveyJS Form Library (npm `survey-core` and `survey-js-ui`, framework-free, pinned in
//! package.json) for the same audit, measured in the same run.
//!
//! The reference page is made here, at bench time, in a temporary folder (nothing generated is
//! kept): an HTML page, the library's minified JavaScript and its font-less stylesheet copied
//! from `node_modules/` (the default stylesheet fetches a web font from Google, which a bench must
//! not do), and a SurveyJS form made by [`survey_json`] from the bundled
//! `questionnaires/self-assessment.json`: each section a page, each question with options (every
//! rated item, and the few single-choice and yes/no ones) a radio group with the same options and
//! an evidence box, each figure a number box, the one long answer a text box; sections and
//! questions shown on a condition keep it (`visibleIf`). With questionnaire 2.0.0 that is 100
//! questions (89 rated) and 94 evidence boxes on 17 pages; issue 16's figures came from an older
//! version with 65 items. The page is pre-filled with the finished audit the other browser
//! benchmarks use ([`audit_work`]), saved in `localStorage` as a SurveyJS app saves progress
//! (`survey.data`), so both sides open a saved audit.
//!
//! Both are served by the test server from one folder (the app at `/app/`, a link to `dist/`;
//! the reference at `/surveyjs/`), gzipped as a real host sends them. Each load is a new document
//! with the browser's cache disabled and the app's service worker bypassed, so everything comes
//! over the network. Each side opens its first page: the app
//! `#/work/bench-audit/section/about`, the reference its first page. "First question usable" is
//! the same rule on both sides: after the page is drawn, the first form control of the questions
//! is in the document and enabled, and the next frame has been drawn; then a User Timing mark is
//! set (`mhsw:first-question` by the app's section page, `surveyjs:first-question` by the
//! reference page's script), read here as ms after navigation start.
//!
//! Bytes: at full speed, every response whose fetch started before the mark, by Resource
//! Timing's `transferSize` (the gzipped body as it crossed the network, plus the 300 bytes
//! Chrome counts for each response's headers whatever their size: a `304 Not Modified`, such as
//! the app's questionnaire unchanged since the copy it keeps, counts 300). Time: at
//! full speed, and on a slow connection played by the test server (1.6 Mbit/s shared by all
//! requests, 150 ms before each answer; DevTools' throttling would miss the app's workers).
//! [`RUNS`] loads per side and network, the sides taking turns; medians with min–max, and the
//! ratio of the medians, toolkit over SurveyJS. A run that did not reach its mark, showed no
//! saved answer, came from a cache or was not slowed makes its rows failed.
//! Must not touch: the app (it only drives and observes it).

use std::path::Path;
use std::time::{Duration, Instant};

use mhsw::definition::{AnswerKind, Condition, Definition};
use mhsw::responses::Answer;
use mhsw::work::Work;
use serde_json::{json, Map, Value};

use super::browser_fixtures::{audit_work, list, median, seed_works, AUDIT_ID};
use super::common::browser::{unique_temp_dir, Browser};
use super::common::probe::fresh_load;
use super::common::server::{SlowLink, StaticServer};
use super::common::{dist_dir, repo_root, screenshot_path, TestApp};
use super::Row;

/// Loads per side and network (the medians need at least 3).
const RUNS: usize = 7;
/// The goal for bytes before the first question: at most half of SurveyJS's.
const BYTES_RATIO_GOAL: f64 = 0.5;
/// The goal for the time to the first question on the slow connection: at most 0.6 of SurveyJS's.
const SLOW_TIME_RATIO_GOAL: f64 = 0.6;
/// How long a load may take to reach its mark.
const MARK_TIMEOUT: Duration = Duration::from_secs(60);
/// The section the app opens: the questionnaire's first, as SurveyJS opens its first page.
const FIRST_SECTION: &str = "about";
/// Where the reference page keeps its saved answers.
const DATA_KEY: &str = "surveyjs-reference:data";

/// A slow phone connection: 1.6 Mbit/s, 150 ms round trip.
const SLOW: SlowLink = SlowLink {
    bytes_per_second: 1_600_000 / 8,
    round_trip: Duration::from_millis(150),
};

/// The files copied from `node_modules/` (package folder, file).
const LIBRARY: &[(&str, &str)] = &[
    ("survey-core", "survey.core.min.js"),
    ("survey-js-ui", "survey-js-ui.min.js"),
    ("survey-core", "survey-core.fontless.min.css"),
];

/// The reference page. Its script waits for the first form control by the rule the app's
/// `timing::mark_when_usable` follows.
const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS reference: organisational self-assessment</title>
<link rel="stylesheet" href="survey-core.fontless.min.css">
<script src="survey.core.min.js"></script>
<script src="survey-js-ui.min.js"></script>
</head>
<body>
<div id="survey"></div>
<script>
(async () => {
  const key = "__DATA_KEY__";
  const form = await (await fetch("audit.json")).json();
  const survey = new Survey.Model(form);
  const saved = localStorage.getItem(key);
  if (saved) survey.data = JSON.parse(saved);
  survey.onValueChanged.add(() => localStorage.setItem(key, JSON.stringify(survey.data)));
  const root = document.getElementById("survey");
  survey.render(root);
  const name = "surveyjs:first-question";
  const check = (framesLeft) => {
    if (performance.getEntriesByName(name).length) return;
    const control = root.querySelector("input, select, textarea");
    if (control && control.isConnected && control.matches(":enabled")) {
      requestAnimationFrame(() => setTimeout(() => {
        if (!performance.getEntriesByName(name).length) performance.mark(name);
      }, 0));
    } else if (framesLeft > 0) {
      requestAnimationFrame(() => check(framesLeft - 1));
    }
  };
  check(600);
})();
</script>
</body>
</html>
"#;

/// The two sides.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Toolkit,
    SurveyJs,
}

impl Side {
    fn mark(self) -> &'static str {
        match self {
            Side::Toolkit => "mhsw:first-question",
            Side::SurveyJs => "surveyjs:first-question",
        }
    }
    /// Where its questions are: the first form control in it is the one the mark waits for.
    fn questions(self) -> &'static str {
        match self {
            Side::Toolkit => ".section-form input, .section-form select, .section-form textarea",
            Side::SurveyJs => "#survey input, #survey select, #survey textarea",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Side::Toolkit => "toolkit",
            Side::SurveyJs => "SurveyJS",
        }
    }
}

/// One load: the mark (ms after navigation start), the bytes fetched before it, and each file
/// fetched before it with its bytes.
struct Load {
    ms: f64,
    bytes: f64,
    files: Vec<(String, f64)>,
    /// The first form control, described (tag, type, name, value), for the log.
    first: String,
    /// For the log: each file fetched before the mark, when its fetch started and ended (ms).
    timeline: Vec<(String, f64, f64)>,
}

/// Counts of what the reference form holds.
#[derive(Debug, Default, PartialEq)]
pub struct FormCount {
    pub pages: usize,
    pub questions: usize,
    pub rated: usize,
    pub evidence_boxes: usize,
}

/// The SurveyJS form for `definition` (see the module's introduction), and what it holds.
pub fn survey_json(definition: &Definition) -> (Value, FormCount) {
    let mut count = FormCount::default();
    let pages: Vec<Value> = definition
        .sections
        .iter()
        .map(|section| {
            count.pages += 1;
            let mut elements = Vec::new();
            for question in &section.questions {
                count.questions += 1;
                let mut element = Map::new();
                element.insert("name".into(), json!(question.id.as_str()));
                element.insert("title".into(), json!(question.text.to_string()));
                if let Some(help) = &question.help {
                    element.insert("description".into(), json!(help.to_string()));
                }
                if question.required {
                    element.insert("isRequired".into(), json!(true));
                }
                if let Some(condition) = &question.shows_when {
                    element.insert("visibleIf".into(), json!(visible_if(condition)));
                }
                let options = definition.options_of(question);
                if matches!(question.answer, AnswerKind::Rating { .. }) {
                    count.rated += 1;
                }
                match (&question.answer, options) {
                    (AnswerKind::Number { min, max, .. }, _) => {
                        element.insert("type".into(), json!("text"));
                        element.insert("inputType".into(), json!("number"));
                        element.insert("min".into(), json!(min));
                        element.insert("max".into(), json!(max));
                    }
                    (AnswerKind::Date {}, _) => {
                        element.insert("type".into(), json!("text"));
                        element.insert("inputType".into(), json!("date"));
                    }
                    (_, Some(list)) => {
                        let multiple = matches!(question.answer, AnswerKind::MultipleChoice { .. });
                        element.insert(
                            "type".into(),
                            json!(if multiple { "checkbox" } else { "radiogroup" }),
                        );
                        let choices: Vec<Value> = list
                            .options
                            .iter()
                            .map(|o| json!({ "value": o.value.as_str(), "text": o.label.to_string() }))
                            .collect();
                        element.insert("choices".into(), Value::Array(choices));
                    }
                    (AnswerKind::ShortText { .. }, None) => {
                        element.insert("type".into(), json!("text"));
                    }
                    (_, None) => {
                        element.insert("type".into(), json!("comment"));
                    }
                }
                let has_options = element.contains_key("choices");
                elements.push(Value::Object(element));
                if has_options {
                    count.evidence_boxes += 1;
                    let mut evidence = json!({
                        "type": "comment",
                        "name": format!("{}-evidence", question.id.as_str()),
                        "title": "Evidence",
                    });
                    if let Some(prompt) = &question.evidence_prompt {
                        evidence["description"] = json!(prompt.to_string());
                    }
                    if let Some(condition) = &question.shows_when {
                        evidence["visibleIf"] = json!(visible_if(condition));
                    }
                    elements.push(evidence);
                }
            }
            let mut page = json!({
                "name": section.id.as_str(),
                "title": section.title.to_string(),
                "description": section.intro.to_string(),
                "elements": elements,
            });
            if let Some(condition) = &section.shows_when {
                page["visibleIf"] = json!(visible_if(condition));
            }
            page
        })
        .collect();
    let form = json!({
        "title": definition.title.to_string(),
        "pages": pages,
    });
    (form, count)
}

/// A condition as a SurveyJS expression: `{about-2} anyof ['wales', 'both']`.
fn visible_if(condition: &Condition) -> String {
    let values: Vec<String> = condition
        .any_of
        .iter()
        .map(|v| format!("'{}'", v.as_str()))
        .collect();
    format!(
        "{{{}}} anyof [{}]",
        condition.question.as_str(),
        values.join(", ")
    )
}

/// The answers of `work` as SurveyJS `data`: each answer under its question's id, each
/// evidence under `<id>-evidence`.
pub fn survey_data(work: &Work) -> Value {
    let mut data = Map::new();
    for (id, item) in &work.responses.items {
        let value = match &item.answer {
            Some(Answer::Choice(v)) => json!(v.as_str()),
            Some(Answer::Choices(vs)) => json!(vs.iter().map(|v| v.as_str()).collect::<Vec<_>>()),
            Some(Answer::Text(text)) => json!(text),
            Some(Answer::Date(date)) => json!(date.to_string()),
            Some(Answer::Number(n)) => n
                .to_string()
                .parse::<f64>()
                .map(|n| json!(n))
                .unwrap_or(Value::Null),
            None => Value::Null,
        };
        if !value.is_null() {
            data.insert(id.as_str().to_owned(), value);
        }
        if let Some(evidence) = &item.evidence {
            data.insert(format!("{}-evidence", id.as_str()), json!(evidence));
        }
    }
    Value::Object(data)
}

/// Writes the served folder: `app` (a link to `dist/`) and `surveyjs/` (the reference page).
fn write_site(root: &Path, form: &Value) {
    let dist = dist_dir().canonicalize().expect("dist/ has a full path");
    std::os::unix::fs::symlink(&dist, root.join("app")).unwrap_or_else(|e| {
        panic!(
            "could not link {} into {}: {e}",
            dist.display(),
            root.display()
        )
    });
    let page = root.join("surveyjs");
    std::fs::create_dir_all(&page).expect("make the reference page's folder");
    let modules = repo_root().join("node_modules");
    for (package, file) in LIBRARY {
        let from = modules.join(package).join(file);
        std::fs::copy(&from, page.join(file)).unwrap_or_else(|e| {
            panic!(
                "{} is missing ({e}): run `make setup` (npm ci installs SurveyJS from package-lock.json)",
                from.display()
            )
        });
    }
    std::fs::write(page.join("audit.json"), form.to_string()).expect("write the SurveyJS form");
    std::fs::write(
        page.join("index.html"),
        PAGE.replace("__DATA_KEY__", DATA_KEY),
    )
    .expect("write the reference page");
}

/// Reads the mark, waiting for it; then, when `bytes` is asked for, waits until the page has
/// stopped fetching and sums what was fetched before the mark.
const READ_SCRIPT: &str = r#"
const [mark] = arguments;
const m = performance.getEntriesByName(mark);
if (!m.length) return null;
const at = m[0].startTime;
const control = document.querySelector(arguments[1]);
const first = control ? [control.tagName.toLowerCase(), control.type, control.name, control.value].join(" ") : null;
const entries = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
const before = entries.filter((e) => e.startTime <= at);
return {
  at,
  checked: document.querySelectorAll("input:checked").length,
  first,
  files: before.map((e) => [e.name.split('#')[0], e.transferSize, e.encodedBodySize, e.decodedBodySize, e.startTime, e.responseEnd]),
  all: entries.length,
};
"#;

/// Loads `url` as a new document and reads its mark and what it fetched before it.
async fn load(browser: &Browser, url: &str, side: Side, quiet: bool) -> Result<Load, String> {
    fresh_load(browser, url).await;
    let started = Instant::now();
    let mut result = loop {
        let result = browser
            .execute(
                READ_SCRIPT,
                vec![json!(side.mark()), json!(side.questions())],
            )
            .await;
        if !result.is_null() {
            break result;
        }
        if started.elapsed() > MARK_TIMEOUT {
            let text = browser.body_text().await;
            let text: String = text.chars().take(300).collect();
            return Err(format!(
                "{} never marked its first question usable within {MARK_TIMEOUT:?} (page: {text:?})",
                side.label()
            ));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    if quiet {
        // Until no new response for half a second: every fetch started before the mark is then
        // in the list (an entry appears when its response has ended).
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < Duration::from_millis(500) && started.elapsed() < MARK_TIMEOUT
        {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = browser
                .execute(
                    READ_SCRIPT,
                    vec![json!(side.mark()), json!(side.questions())],
                )
                .await;
            if now["all"] != result["all"] {
                quiet_since = Instant::now();
            }
            result = now;
        }
    }
    let ms = result["at"].as_f64().ok_or("no mark time")?;
    if result["checked"].as_u64().unwrap_or(0) == 0 {
        return Err(format!("{} showed no saved answer", side.label()));
    }
    let mut files = Vec::new();
    let mut timeline = Vec::new();
    let (mut bytes, mut encoded, mut decoded) = (0.0, 0.0, 0.0);
    for file in result["files"].as_array().into_iter().flatten() {
        let name = file[0].as_str().unwrap_or_default().to_owned();
        let transfer = file[1].as_f64().unwrap_or(0.0);
        if transfer == 0.0 {
            return Err(format!("{name} came from a cache, not the network"));
        }
        bytes += transfer;
        encoded += file[2].as_f64().unwrap_or(0.0);
        decoded += file[3].as_f64().unwrap_or(0.0);
        timeline.push((
            name.rsplit('/').next().unwrap_or_default().to_owned(),
            file[4].as_f64().unwrap_or(0.0),
            file[5].as_f64().unwrap_or(0.0),
        ));
        files.push((name, transfer));
    }
    if quiet && encoded >= decoded {
        return Err(format!("{} was not sent gzipped", side.label()));
    }
    let first = result["first"].as_str().unwrap_or("none").to_owned();
    Ok(Load {
        ms,
        bytes,
        files,
        first,
        timeline,
    })
}

/// Measures both sides at full speed and on the slow connection.
pub fn rows() -> Vec<Row> {
    let (definition, audit) = audit_work();
    let (form, count) = survey_json(&definition);
    let data = survey_data(&audit);
    let root = unique_temp_dir("mhsw-bench-surveyjs");
    write_site(&root, &form);
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let (fast, mut slow) = runtime.block_on(async {
        // No service worker on either side (sw.js is not served): every load is a first
        // visit, as the cache being off makes it for every other file.
        let server = StaticServer::start_hiding(&root, &["/app/sw.js"])
            .await
            .unwrap_or_else(|e| panic!("could not serve {}: {e}", root.display()));
        server.set_gzip(true);
        let browser = Browser::start().await;
        let base_url = server.url("/app/");
        let app = TestApp {
            server,
            browser,
            base_url,
        };
        seed_works(&app, &[&audit]).await;
        app.browser.goto(&app.server.url("/surveyjs/")).await;
        app.browser
            .execute(
                "localStorage.setItem(arguments[0], arguments[1]);",
                vec![json!(DATA_KEY), json!(data.to_string())],
            )
            .await;
        // Cold: no cache, no service worker, for every load from here on.
        app.browser.bypass_service_worker().await;
        app.browser
            .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
            .await;
        let urls = [
            (
                Side::Toolkit,
                app.route_url(&format!("#/work/{AUDIT_ID}/section/{FIRST_SECTION}")),
            ),
            (Side::SurveyJs, app.server.url("/surveyjs/")),
        ];
        let mut fast: Vec<Vec<Result<Load, String>>> = vec![Vec::new(), Vec::new()];
        let mut slow: Vec<Vec<Result<Load, String>>> = vec![Vec::new(), Vec::new()];
        for (link, results) in [(None, &mut fast), (Some(SLOW), &mut slow)] {
            app.server.set_slow(link);
            for run in 0..RUNS {
                // The sides take turns, the first changing each run.
                for k in 0..2 {
                    let i = (run + k) % 2;
                    let (side, url) = &urls[i];
                    results[i].push(load(&app.browser, url, *side, link.is_none()).await);
                    if link.is_none() && run == RUNS - 1 {
                        let name = format!("bench-vs-surveyjs-{}", side.label().to_lowercase());
                        app.browser.screenshot(&screenshot_path(&name)).await;
                    }
                }
            }
        }
        app.server.set_slow(None);
        app.close().await;
        (fast, slow)
    });
    let _ = std::fs::remove_dir_all(&root);

    let mut rows = vec![Row::new(
        format!(
            "vs SurveyJS: the reference form (self-assessment {}): questions; {} pages, {} rated \
             items, {} evidence boxes",
            definition.version, count.pages, count.rated, count.evidence_boxes
        ),
        count.questions as f64,
        "questions",
    )];

    // Bytes, at full speed.
    let bytes = [
        figures(&fast[0], |l| l.bytes),
        figures(&fast[1], |l| l.bytes),
    ];
    for (side, results) in [(Side::Toolkit, &fast[0]), (Side::SurveyJs, &fast[1])] {
        log(side, "full speed", results);
        if let Some(Ok(last)) = results.last() {
            for (name, transfer) in &last.files {
                let short = match name.rsplit('/').next() {
                    Some("") | None => "index.html (the document)",
                    Some(file) => file,
                };
                rows.push(Row::new(
                    format!(
                        "vs SurveyJS: {} before its first question (last load): {short}",
                        side.label()
                    ),
                    *transfer,
                    "bytes",
                ));
            }
        }
    }
    rows.extend(side_rows(
        "bytes over the network (gzip, with headers) before the first question",
        "bytes",
        &bytes,
    ));
    rows.push(ratio_row(
        "bytes before the first question",
        &bytes,
        Some(BYTES_RATIO_GOAL),
    ));

    // Time, at full speed.
    let fast_ms = [figures(&fast[0], |l| l.ms), figures(&fast[1], |l| l.ms)];
    rows.extend(side_rows(
        "navigation → first question usable, full speed, ms",
        "ms",
        &fast_ms,
    ));
    rows.push(ratio_row(
        "time to the first question, full speed",
        &fast_ms,
        None,
    ));

    // Time, slow. A load faster than its bytes allow was not slowed.
    for (side, results) in [Side::Toolkit, Side::SurveyJs]
        .into_iter()
        .zip(slow.iter_mut())
    {
        let least = bytes[index(side)].as_ref().map(|f| f.median).unwrap_or(0.0)
            / f64::from(SLOW.bytes_per_second)
            * 1000.0;
        for result in results.iter_mut() {
            if let Ok(load) = result {
                if load.ms < least {
                    *result = Err(format!(
                        "not slowed: {:.0} ms, less than the {least:.0} ms its bytes take",
                        load.ms
                    ));
                }
            }
        }
        log(side, "slow", results);
    }
    let slow_ms = [figures(&slow[0], |l| l.ms), figures(&slow[1], |l| l.ms)];
    let slow_label = format!(
        "navigation → first question usable, slow connection ({:.1} Mbit/s, {} ms), ms",
        f64::from(SLOW.bytes_per_second) * 8.0 / 1e6,
        SLOW.round_trip.as_millis()
    );
    rows.extend(side_rows(&slow_label, "ms", &slow_ms));
    rows.push(ratio_row(
        "time to the first question, slow connection",
        &slow_ms,
        Some(SLOW_TIME_RATIO_GOAL),
    ));
    rows
}

fn index(side: Side) -> usize {
    match side {
        Side::Toolkit => 0,
        Side::SurveyJs => 1,
    }
}

/// A median with its spread, or why the runs failed.
struct Figures {
    median: f64,
    min: f64,
    max: f64,
    samples: Vec<f64>,
}

/// The median and spread of `pick` over the runs; failed if any run failed.
fn figures(results: &[Result<Load, String>], pick: fn(&Load) -> f64) -> Result<Figures, String> {
    if let Some(Err(why)) = results.iter().find(|r| r.is_err()) {
        let failed = results.iter().filter(|r| r.is_err()).count();
        return Err(format!("{failed} of {} runs failed: {why}", results.len()));
    }
    let samples: Vec<f64> = results.iter().flatten().map(pick).collect();
    if samples.len() < 3 {
        return Err(format!("only {} runs", samples.len()));
    }
    Ok(Figures {
        median: median(&samples),
        min: samples.iter().copied().fold(f64::INFINITY, f64::min),
        max: samples.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        samples,
    })
}

fn log(side: Side, network: &str, results: &[Result<Load, String>]) {
    let ms: Vec<f64> = results.iter().flatten().map(|l| l.ms).collect();
    let bytes: Vec<f64> = results.iter().flatten().map(|l| l.bytes).collect();
    eprintln!(
        "  {} {network}: ms {}; bytes {}",
        side.label(),
        list(&ms),
        list(&bytes)
    );
    if let Some(Ok(load)) = results.first() {
        eprintln!(
            "  {} {network}: first form control: {}",
            side.label(),
            load.first
        );
    }
    if let Some(Ok(load)) = results.last() {
        let steps: Vec<String> = load
            .timeline
            .iter()
            .map(|(file, start, end)| format!("{file} {start:.0}–{end:.0}"))
            .collect();
        eprintln!(
            "  {} {network}, last load, ms from navigation (mark {:.0}): {}",
            side.label(),
            load.ms,
            steps.join(", ")
        );
    }
    for why in results.iter().filter_map(|r| r.as_ref().err()) {
        eprintln!("  {} {network}: failed: {why}", side.label());
    }
}

/// A row per side: the median, named with the spread.
fn side_rows(what: &str, unit: &'static str, figures: &[Result<Figures, String>; 2]) -> Vec<Row> {
    [Side::Toolkit, Side::SurveyJs]
        .into_iter()
        .zip(figures)
        .map(|(side, figures)| match figures {
            Ok(f) => Row::new(
                format!(
                    "vs SurveyJS: {}: {what}, median of {} (min–max {}–{})",
                    side.label(),
                    f.samples.len(),
                    short(f.min, unit),
                    short(f.max, unit)
                ),
                f.median,
                unit,
            ),
            Err(why) => Row::new(format!("vs SurveyJS: {}: {what}", side.label()), 0.0, unit)
                .failed(why.clone()),
        })
        .collect()
}

/// The ratio of the medians, toolkit over SurveyJS, named with the range of the runs' own
/// ratios (run n of each side, in the order taken).
fn ratio_row(what: &str, figures: &[Result<Figures, String>; 2], goal: Option<f64>) -> Row {
    let row = match figures {
        [Ok(ours), Ok(theirs)] => {
            let paired: Vec<f64> = ours
                .samples
                .iter()
                .zip(&theirs.samples)
                .map(|(a, b)| a / b)
                .collect();
            let (low, high) = paired
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), r| {
                    (l.min(*r), h.max(*r))
                });
            Row::new(
                format!(
                    "vs SurveyJS: ratio toolkit / SurveyJS, {what} (medians; runs' ratios \
                     {low:.2}–{high:.2})"
                ),
                ours.median / theirs.median,
                "×",
            )
        }
        _ => {
            let why = figures
                .iter()
                .filter_map(|f| f.as_ref().err())
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            Row::new(
                format!("vs SurveyJS: ratio toolkit / SurveyJS, {what}"),
                0.0,
                "×",
            )
            .failed(why)
        }
    };
    match goal {
        Some(goal) => row.with_budget(goal),
        None => row,
    }
}

fn short(value: f64, unit: &str) -> String {
    match unit {
        "bytes" => format!("{:.1} kB", value / 1000.0),
        _ => format!("{value:.0}"),
    }
}
