//! First-load transfer: the bytes a browser fetches before the first screen is usable.
//!
//! Loads the built `dist/` in headless Chromium, waits until the app has started and the page
//! has stopped fetching (no new resource for half a second), then takes the document and every
//! resource from the Resource Timing list and sizes each file in `dist/`: raw, and gzip at
//! flate2's default level (6, what most web servers use when they compress on the fly).
//! The PDF worker is listed too, for information: it is fetched only when a PDF is asked for.

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
    let urls = runtime.block_on(async {
        let app = TestApp::start().await;
        app.open("#/").await;
        let urls = wait_until_quiet(&app).await;
        let base = app.base_url.clone();
        app.close().await;
        urls.into_iter()
            .map(|u| {
                u.strip_prefix(&base)
                    .unwrap_or_else(|| panic!("{u} is not under {base}"))
                    .to_owned()
            })
            .collect::<Vec<_>>()
    });

    let mut files: Vec<String> = urls
        .iter()
        .map(|u| {
            let path = u.split(['?', '#']).next().unwrap_or_default();
            if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_owned()
            }
        })
        .collect();
    files.dedup();

    let mut rows = Vec::new();
    let (mut raw_total, mut gzip_total) = (0, 0);
    for file in &files {
        let (raw, gzip) = sizes(&dist.join(file));
        raw_total += raw;
        gzip_total += gzip;
        rows.push(Row::new(
            format!("first load: {file} (gzip)"),
            gzip as f64,
            "bytes",
        ));
    }
    rows.push(Row::new(
        "first load: files fetched",
        files.len() as f64,
        "files",
    ));
    rows.push(Row::new("first load: raw", raw_total as f64, "bytes"));
    rows.push(
        Row::new("first load: gzip", gzip_total as f64, "bytes").with_budget(GZIP_BUDGET_BYTES),
    );

    let pdf = dist.join("pdf");
    if pdf.is_dir() {
        let (mut raw, mut gzip) = (0, 0);
        for entry in std::fs::read_dir(&pdf).expect("read dist/pdf") {
            let (r, g) = sizes(&entry.expect("read dist/pdf").path());
            raw += r;
            gzip += g;
        }
        rows.push(Row::new("PDF worker, on demand: raw", raw as f64, "bytes"));
        rows.push(Row::new(
            "PDF worker, on demand: gzip",
            gzip as f64,
            "bytes",
        ));
    }
    rows
}

/// Waits until no new resource has appeared for 500 ms (at most 15 s), then returns the
/// document URL and every resource URL.
async fn wait_until_quiet(app: &TestApp) -> Vec<String> {
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
    last
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
