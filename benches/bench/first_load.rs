//! First-load transfer: the bytes a browser fetches before the first screen is usable.
//!
//! Loads the built `dist/` in headless Chromium at `#/`. The app marks the moment its first
//! screen is usable with the User Timing mark `mhsw:first-screen`: the tool list (with its
//! "Start" links) and the saved work are drawn, and a frame has been painted. The first load is
//! every file whose fetch started before that mark, from the Resource Timing list, each sized
//! from `dist/`: raw, and gzip at flate2's default level (6, what most web servers use when they
//! compress on the fly).
//!
//! Then the page is left until it stops fetching (no new resource for half a second), and what
//! came after the mark is listed too: the later part of the app, which it downloads in the
//! background just after the first paint, and the questionnaire files it checks. The PDF worker
//! is listed for information: it is fetched only when a PDF is asked for.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::common::{dist_dir, TestApp};
use super::Row;

/// The first-load budget: 150 kB (150,000 bytes) after gzip.
pub const GZIP_BUDGET_BYTES: f64 = 150_000.0;

/// Measures the first load of `#/`.
pub fn rows() -> Vec<Row> {
    let dist = dist_dir();
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let (mark, resources) = runtime.block_on(async {
        let app = TestApp::start().await;
        app.open("#/").await;
        let started = Instant::now();
        let mark = loop {
            if let Some(mark) = app.browser.first_screen_mark().await {
                break mark;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "the app never marked its first screen usable (mhsw:first-screen)"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        wait_until_quiet(&app).await;
        let resources = app.browser.resource_starts().await;
        let base = app.base_url.clone();
        app.close().await;
        let resources = resources
            .into_iter()
            .map(|(u, start)| {
                let path = u
                    .strip_prefix(&base)
                    .unwrap_or_else(|| panic!("{u} is not under {base}"))
                    .split(['?', '#'])
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let file = if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else {
                    path
                };
                (file, start)
            })
            .collect::<Vec<_>>();
        (mark, resources)
    });

    let mut rows = vec![Row::new(
        "first screen usable (mhsw:first-screen), ms after navigation start",
        mark,
        "ms",
    )];
    let before: Vec<&str> = resources
        .iter()
        .filter(|(_, start)| *start <= mark)
        .map(|(f, _)| f.as_str())
        .collect();
    let after: Vec<&str> = resources
        .iter()
        .filter(|(_, start)| *start > mark)
        .map(|(f, _)| f.as_str())
        .collect();
    rows.extend(group(&dist, "first load", &before, Some(GZIP_BUDGET_BYTES)));
    rows.extend(group(
        &dist,
        "after the first screen, in the background",
        &after,
        None,
    ));

    let pdf = dist.join("pdf");
    if pdf.is_dir() {
        let (mut raw, mut gzip) = (0, 0);
        // The worker's own files; its script faces (`fonts/`) are fetched one at a time, only
        // for a report with their script, and are listed apart.
        for entry in std::fs::read_dir(&pdf).expect("read dist/pdf") {
            let path = entry.expect("read dist/pdf").path();
            if path.is_file() {
                let (r, g) = sizes(&path);
                raw += r;
                gzip += g;
            }
        }
        rows.push(Row::new("PDF worker, on demand: raw", raw as f64, "bytes"));
        rows.push(Row::new(
            "PDF worker, on demand: gzip",
            gzip as f64,
            "bytes",
        ));
        let fonts = pdf.join("fonts");
        if fonts.is_dir() {
            let largest = std::fs::read_dir(&fonts)
                .expect("read dist/pdf/fonts")
                .map(|entry| entry.expect("read dist/pdf/fonts").path())
                .filter(|path| path.extension().is_some_and(|e| e == "ttf"))
                .map(|path| sizes(&path).1)
                .max()
                .unwrap_or(0);
            rows.push(Row::new(
                "PDF script face, the largest, fetched only for a report in its script: gzip",
                largest as f64,
                "bytes",
            ));
        }
    }
    rows
}

/// A row per file (gzip), then the count and the raw and gzip totals of a group of files.
fn group(dist: &Path, label: &str, files: &[&str], gzip_budget: Option<f64>) -> Vec<Row> {
    let mut files = files.to_vec();
    files.dedup();
    let mut rows = Vec::new();
    let (mut raw_total, mut gzip_total) = (0, 0);
    for file in &files {
        let (raw, gzip) = sizes(&dist.join(file));
        raw_total += raw;
        gzip_total += gzip;
        rows.push(Row::new(
            format!("{label}: {file} (gzip)"),
            gzip as f64,
            "bytes",
        ));
    }
    rows.push(Row::new(
        format!("{label}: files fetched"),
        files.len() as f64,
        "files",
    ));
    rows.push(Row::new(format!("{label}: raw"), raw_total as f64, "bytes"));
    let total = Row::new(format!("{label}: gzip"), gzip_total as f64, "bytes");
    rows.push(match gzip_budget {
        Some(budget) => total.with_budget(budget),
        None => total,
    });
    rows
}

/// Waits until no new resource has appeared for 500 ms (at most 15 s).
async fn wait_until_quiet(app: &TestApp) {
    let started = Instant::now();
    let mut last = app.browser.resource_urls().await;
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_millis(500)
        && started.elapsed() < Duration::from_secs(15)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = app.browser.resource_urls().await;
        if now.len() != last.len() {
            last = now;
            quiet_since = Instant::now();
        }
    }
}

/// The raw and gzip sizes of a file.
fn sizes(path: &Path) -> (usize, usize) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        panic!(
            "the page fetched {}, which is not in dist/: {e}",
            path.display()
        )
    });
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&bytes).expect("gzip in memory");
    let gzip = gz.finish().expect("gzip in memory").len();
    (bytes.len(), gzip)
}
