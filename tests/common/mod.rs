//! Support code for the real-browser tests (`tests/browser.rs`) and the benchmarks
//! (`benches/bench.rs`): serve the built app, drive headless Chromium, check accessibility.
//!
//! - [`server`]: a static file server for `dist/` on 127.0.0.1 that records every request.
//! - [`browser`]: chromedriver + headless Chromium, and helpers (wait, console, resources,
//!   screenshots).
//! - [`axe`]: axe-core WCAG 2.2 AA checks.
//! - [`probe`]: timing in the page (when an element first appears, and the frame after), for the
//!   browser benchmarks.
//! - [`TestApp`]: the three together, the usual starting point of a test.
//!
//! It tests the built `dist/` (`make dist`), never a build of its own: a missing `dist/` fails
//! with a message saying what to run.

// Each test or bench binary uses a different part of this module.
#![allow(dead_code)]

pub mod axe;
pub mod browser;
pub mod probe;
pub mod server;

use std::path::{Path, PathBuf};

use browser::Browser;
use server::StaticServer;

/// The repository root (the root crate's folder).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built app, checked to exist. Panics with what to run when it does not.
pub fn dist_dir() -> PathBuf {
    let dist = repo_root().join("dist");
    for needed in ["index.html", "boot.js", "mhsw-app.js", "mhsw-app_bg.wasm"] {
        assert!(
            dist.join(needed).is_file(),
            "{} is missing: build the app first with `make dist` (`make test` does this for you).",
            dist.join(needed).display()
        );
    }
    dist
}

/// Where tests save screenshots: `target/browser-screenshots/<name>.png`.
pub fn screenshot_path(name: &str) -> PathBuf {
    repo_root()
        .join("target/browser-screenshots")
        .join(format!("{name}.png"))
}

/// The built app served on 127.0.0.1, and a headless browser to look at it.
#[derive(Debug)]
pub struct TestApp {
    /// The static file server (see its request log).
    pub server: StaticServer,
    /// The browser session.
    pub browser: Browser,
    /// The URL of the app's folder, ending in `/`.
    pub base_url: String,
}

impl TestApp {
    /// Serves `dist/` at the server's root and starts a browser.
    pub async fn start() -> Self {
        let dist = dist_dir();
        Self::serve(&dist, "/").await
    }

    /// Serves `dist/`'s parent folder, so the app lives at `/dist/`, as on a host that
    /// publishes it in a sub-folder.
    pub async fn start_in_sub_folder() -> Self {
        let dist = dist_dir();
        let parent = dist.parent().expect("dist/ has a parent folder");
        Self::serve(parent, "/dist/").await
    }

    /// Serves `dist/` like [`TestApp::start`] but answers 404 for the paths in `hidden`.
    pub async fn start_hiding(hidden: &[&str]) -> Self {
        let dist = dist_dir();
        Self::serve_hiding(&dist, "/", hidden).await
    }

    async fn serve(root: &Path, base_path: &str) -> Self {
        Self::serve_hiding(root, base_path, &[]).await
    }

    async fn serve_hiding(root: &Path, base_path: &str, hidden: &[&str]) -> Self {
        let server = StaticServer::start_hiding(root, hidden)
            .await
            .unwrap_or_else(|e| panic!("could not serve {}: {e}", root.display()));
        let browser = Browser::start().await;
        let base_url = server.url(base_path);
        Self {
            server,
            browser,
            base_url,
        }
    }

    /// The absolute URL of a hash route such as `#/` or `#/audit`.
    pub fn route_url(&self, route: &str) -> String {
        format!("{}{route}", self.base_url)
    }

    /// Opens a hash route (`#/`, `#/audit`, …) and waits until the app has started.
    pub async fn open(&self, route: &str) {
        self.browser
            .open_and_wait_for_app(&self.route_url(route))
            .await;
    }

    /// Ends the browser session and stops everything.
    pub async fn close(self) {
        self.browser.close().await;
    }
}
