//! Making the audit report PDF in headless Chromium, as a user does: "Download the report (PDF)"
//! on the results page of a finished audit (every shown item answered, with evidence, and a
//! thirty-row plan; [`audit_work`]).
//!
//! The page records `performance.now()` just before `click()` and when a mutation observer sees
//! "Your PDF is ready" in the status region; the app's own "made in N ms" (from its task
//! starting to the download being offered) is read from the same text. Two clicks: the first
//! starts the worker and fetches the PDF module, the second reuses them. The PDF module's size is
//! that of the files the server was asked for during the first click (raw, and gzip at flate2's
//! default level, as [`super::first_load`] sizes files). Then a first click again on a slow
//! connection ([`SLOW`]): the page is reloaded at full speed, so that the worker starts afresh,
//! then the test server plays the slow link (a round trip before each answer, gzip as a real
//! host sends, and no faster than the link) while the click fetches the module. DevTools'
//! network throttling would not do: it does not reach the worker's downloads.
//! Downloads go to a temporary folder.
//! Must not touch: the app (it only drives and observes it).

use std::io::Write;
use std::time::Duration;

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};

use super::browser_fixtures::{audit_work, seed_works, AUDIT_ID, PAGE_TIMEOUT, PLAN_ROWS};
use super::common::browser::unique_temp_dir;
use super::common::probe::{cdp, fresh_load};
use super::common::server::SlowLink;
use super::common::{dist_dir, TestApp};
use super::Row;

/// The goal for making the PDF.
const PDF_GOAL_MS: f64 = 500.0;

/// A slow connection: 1.6 Mbit/s, 150 ms round trip.
const SLOW: SlowLink = SlowLink {
    bytes_per_second: 1_600_000 / 8,
    round_trip: Duration::from_millis(150),
};

/// Clicks the report button and reports the ms until the status says the PDF is ready.
const CLICK_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
const button = [...document.querySelectorAll("button")]
  .find((b) => b.textContent.trim() === "Download the report (PDF)");
const status = document.querySelector(".pdf-status");
if (!button || !status) { done({ error: "no PDF button or status region" }); return; }
let t0, finished = false;
const observer = new MutationObserver(() => {
  const text = status.textContent;
  if (finished || !(text.includes("Your PDF is ready") || text.includes("could not"))) return;
  finished = true;
  const t1 = performance.now();
  observer.disconnect();
  done({ ms: t1 - t0, text });
});
observer.observe(status, { childList: true, subtree: true, characterData: true });
t0 = performance.now();
button.click();
setTimeout(() => { if (!finished) { observer.disconnect(); done({ error: "no PDF within 25 s", text: status.textContent }); } }, 25000);
"#;

/// One click's figures: ms to the message, the app's own "made in" ms, and the message.
struct PdfTiming {
    ms: f64,
    made_in: f64,
    text: String,
}

/// Measures two PDF downloads and the PDF module fetched for the first, then a first download
/// on a slow connection.
pub fn rows() -> Vec<Row> {
    let (_, audit) = audit_work();
    let items = audit.responses.items.len();
    let downloads = unique_temp_dir("mhsw-bench-downloads");
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let (timings, fetched, downloaded, slow) = runtime.block_on(async {
        let app = TestApp::start().await;
        // The first use of the PDF engine over the network, as on a first visit: the page skips
        // the service worker, which would otherwise have kept the engine in the background.
        app.browser.bypass_service_worker().await;
        cdp(
            &app.browser,
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }),
        )
        .await;
        seed_works(&app, &[&audit]).await;
        open_results(&app).await;
        let before = app.server.requests().len();
        let first = click(&app).await;
        let fetched: Vec<String> = app.server.requests()[before..].to_vec();
        tokio::time::sleep(Duration::from_millis(500)).await;
        let second = click(&app).await;
        tokio::time::sleep(Duration::from_millis(500)).await;

        // The same first click on a slow connection: a fresh page and worker (the server says
        // `no-store`, so nothing comes from a cache).
        open_results(&app).await;
        app.server.set_slow(Some(SLOW));
        let slow_before = app.server.requests().len();
        let slow = click(&app).await;
        let mut slow_fetched: Vec<String> = app.server.requests()[slow_before..]
            .iter()
            .filter(|p| p.starts_with("/pdf/"))
            .cloned()
            .collect();
        slow_fetched.sort();
        slow_fetched.dedup();
        let slow = slow.and_then(|t| slow_check(t, &slow_fetched));
        app.server.set_slow(None);
        app.close().await;
        let downloaded: Vec<u64> = std::fs::read_dir(&downloads)
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                    .filter_map(|e| e.metadata().ok().map(|m| m.len()))
                    .collect()
            })
            .unwrap_or_default();
        (vec![first, second], fetched, downloaded, slow)
    });
    let _ = std::fs::remove_dir_all(&downloads);
    for t in timings.iter().chain([&slow]) {
        match t {
            Ok(t) => eprintln!("  {:.1} ms: {}", t.ms, t.text),
            Err(why) => eprintln!("  failed: {why}"),
        }
    }
    eprintln!("  fetched during the first click: {fetched:?}; PDFs saved: {downloaded:?} bytes");

    let dist = dist_dir();
    // Each file once: the service worker (still installed) may fetch it too, in the background.
    let mut module: Vec<&String> = fetched.iter().filter(|p| p.starts_with("/pdf/")).collect();
    module.sort();
    module.dedup();
    let (mut raw, mut gzip) = (0, 0);
    for path in &module {
        let bytes = std::fs::read(dist.join(path.trim_start_matches('/')))
            .unwrap_or_else(|e| panic!("the page fetched {path}, which is not in dist/: {e}"));
        raw += bytes.len();
        gzip += gzip_len(&bytes);
    }
    let names = module
        .iter()
        .map(|p| p.trim_start_matches("/pdf/"))
        .collect::<Vec<_>>()
        .join(", ");
    let what = format!("audit of {items} answers with evidence, {PLAN_ROWS} plan rows");
    let timed = |name: String, timing: &Result<PdfTiming, String>, pick: fn(&PdfTiming) -> f64| {
        match timing {
            Ok(t) => Row::new(name, pick(t), "ms"),
            Err(why) => Row::new(name, 0.0, "ms").failed(why.clone()),
        }
    };
    let slow_name = format!(
        "pdf in the browser: 1st click on a slow connection ({:.1} Mbit/s, {} ms round trip, \
         module gzipped) → “Your PDF is ready”",
        f64::from(SLOW.bytes_per_second) * 8.0 / 1e6,
        SLOW.round_trip.as_millis()
    );
    vec![
        timed(
            format!("pdf in the browser: 1st click → “Your PDF is ready” (starts the worker, fetches the PDF module; {what})"),
            &timings[0],
            |t| t.ms,
        )
        .with_budget(PDF_GOAL_MS),
        timed(
            "pdf in the browser: 1st, the app's own “made in N ms”".to_owned(),
            &timings[0],
            |t| t.made_in,
        ),
        timed(
            "pdf in the browser: 2nd click (warm worker) → “Your PDF is ready”".to_owned(),
            &timings[1],
            |t| t.ms,
        )
        .with_budget(PDF_GOAL_MS),
        timed(
            "pdf in the browser: 2nd, the app's own “made in N ms”".to_owned(),
            &timings[1],
            |t| t.made_in,
        ),
        timed(slow_name, &slow, |t| t.ms),
        Row::new(
            format!("pdf in the browser: PDF module fetched on first use ({names}): raw"),
            raw as f64,
            "bytes",
        ),
        Row::new(
            "pdf in the browser: PDF module fetched on first use: gzip",
            gzip as f64,
            "bytes",
        ),
    ]
}

/// The slow click's timing, if it is one: the module was fetched again, and no faster than
/// [`SLOW`] allows for its gzipped bytes (the server sends gzip to a browser that accepts it).
fn slow_check(timing: PdfTiming, fetched: &[String]) -> Result<PdfTiming, String> {
    if fetched.is_empty() {
        return Err("the PDF module was not fetched again".to_owned());
    }
    let dist = dist_dir();
    let bytes: usize = fetched
        .iter()
        .filter_map(|path| std::fs::read(dist.join(path.trim_start_matches('/'))).ok())
        .map(|b| gzip_len(&b))
        .sum();
    let least_ms = bytes as f64 / f64::from(SLOW.bytes_per_second) * 1000.0;
    if timing.ms < least_ms {
        return Err(format!(
            "not slowed: {:.0} ms for {bytes} gzipped bytes, which take at least \
             {least_ms:.0} ms at that speed",
            timing.ms
        ));
    }
    Ok(timing)
}

/// Opens the audit's results page as a new document and waits until its report is drawn.
async fn open_results(app: &TestApp) {
    fresh_load(
        &app.browser,
        &app.route_url(&format!("#/work/{AUDIT_ID}/results")),
    )
    .await;
    app.browser.wait_for_boot().await;
    app.browser.wait_for_css(".report h2", PAGE_TIMEOUT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
}

/// Clicks "Download the report (PDF)" and waits for the outcome; an error says why the PDF
/// was not made.
async fn click(app: &TestApp) -> Result<PdfTiming, String> {
    let result: Value = app.browser.execute_async(CLICK_SCRIPT, vec![]).await;
    if let Some(error) = result.get("error") {
        return Err(format!("the PDF download failed: {error} ({result})"));
    }
    let text = result["text"].as_str().unwrap_or_default().to_owned();
    if !text.contains("Your PDF is ready") {
        return Err(format!("the app could not make the PDF: {text}"));
    }
    let made_in = text
        .split("made in ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse::<f64>().ok())
        .ok_or_else(|| format!("no “made in N ms” in {text:?}"))?;
    let ms = result["ms"]
        .as_f64()
        .ok_or_else(|| format!("no time in {result}"))?;
    Ok(PdfTiming { ms, made_in, text })
}

/// The size of `bytes` after gzip at flate2's default level.
fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory").len()
}
