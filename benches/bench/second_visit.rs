//! Second visit: what the network still carries once the service worker keeps the app.
//!
//! Loads the built `dist/` in headless Chromium at `#/`, waits until the service worker controls
//! the page and has kept every file (`<html data-offline="ready">`), then opens the app again,
//! as a person returning the next day does. Counted from the test server's own request log
//! (what reached the network, whatever the browser's caches did), up to the moment the app marks
//! its first screen usable (`mhsw:first-screen`):
//! - app code (everything but the questionnaires and sw.js), goal 0 bytes;
//! - the questionnaires, which are asked for network first on purpose (a site owner's edit
//!   arrives on the next visit);
//! - sw.js, the browser's own check for a new release (it does not hold up the first screen).

use std::time::{Duration, Instant};

use super::common::{dist_dir, TestApp};
use super::Row;

/// Measures the second visit of `#/`.
pub fn rows() -> Vec<Row> {
    let dist = dist_dir();
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    let requested = runtime.block_on(async {
        let app = TestApp::start().await;
        app.open("#/").await;
        app.browser.wait_for_offline_ready().await;
        let first_visit = app.server.requests().len();
        app.browser.goto("about:blank").await;
        app.open("#/").await;
        let started = Instant::now();
        while app.browser.first_screen_mark().await.is_none() {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "the app never marked its first screen usable (mhsw:first-screen)"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let requested = app.server.requests()[first_visit..].to_vec();
        app.close().await;
        requested
    });

    let size = |path: &str| {
        std::fs::metadata(dist.join(path.trim_start_matches('/')))
            .map(|m| m.len())
            .unwrap_or(0) as f64
    };
    let (mut code, mut code_files, mut questionnaires, mut update_check) = (0.0, 0.0, 0.0, 0.0);
    for path in &requested {
        let file = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.clone()
        };
        if file.starts_with("/questionnaires/") {
            questionnaires += size(&file);
        } else if file == "/sw.js" {
            update_check += size(&file);
        } else {
            code += size(&file);
            code_files += 1.0;
        }
    }
    vec![
        Row::new(
            "second visit: app code fetched over the network before the first screen (goal 0)",
            code,
            "bytes",
        )
        .with_budget(0.0),
        Row::new(
            "second visit: app code files fetched before the first screen",
            code_files,
            "files",
        ),
        Row::new(
            "second visit: questionnaires fetched (network first) by the time the first screen was seen (raw)",
            questionnaires,
            "bytes",
        ),
        Row::new(
            "second visit: sw.js update check (raw)",
            update_check,
            "bytes",
        ),
    ]
}
