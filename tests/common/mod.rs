//! Support code for the real-browser tests (`tests/browser/`) and the benchmarks
//! (`benches/bench.rs`): serve the built app, drive headless Chromium, check accessibility.
//!
//! - [`server`]: a static file server for `dist/` on 127.0.0.1 that records every request.
//! - [`browser`]: chromedriver + headless Chromium, and helpers (wait, console, resources,
//!   screenshots).
//! - [`axe`]: axe-core WCAG 2.2 AA checks.
//! - [`probe`]: timing in the page (when an element first appears, and the frame after), for the
//!   browser benchmarks.
//! - [`TestApp`]: the three together, the usual starting point of a test.
//! - [`journey`]: what the journey tests (`tests/browser/`) do as a user would: the keyboard,
//!   file inputs, saved work in storage, and work files made with the core.
//! - [`finished_audit`]: a finished self-assessment with a thirty-row plan, made with the core.
//! - [`DistCopy`]: a throw-away copy of `dist/` for tests that change its questionnaires.
//! - [`release_name`]: a code file's name in `dist/`, which carries the release id
//!   (`split_later.wasm` is `split_later.0123456789.wasm`; see scripts/finish-dist.mjs).
//!
//! It tests the built `dist/` (`make dist`), never a build of its own: a missing `dist/` fails
//! with a message saying what to run. `MHSW_DIST=/path/to/dist` tests another build instead.

// Each test or bench binary uses a different part of this module.
#![allow(dead_code)]

pub mod axe;
pub mod browser;
pub mod finished_audit;
pub mod journey;
pub mod probe;
pub mod server;

use std::path::{Path, PathBuf};

use browser::Browser;
use server::StaticServer;

/// The repository root (the root crate's folder).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built app, checked to exist: `dist/`, or the folder in `$MHSW_DIST`. Panics with what
/// to run when it does not.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("MHSW_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("dist"));
    for needed in [
        "index.html",
        "sw.js",
        "boot.js",
        "mhsw-app.js",
        "mhsw-app_bg.wasm",
    ] {
        let found = find_release_name(&dist, needed).is_some();
        assert!(
            found,
            "{} is missing: build the app first with `make dist` (`make test` does this for you).",
            dist.join(needed).display()
        );
    }
    dist
}

/// The path in `dist/` of a file known by its plain name: code files carry the release id
/// (`pdf/mhsw-pdf-worker.js` is `pdf/mhsw-pdf-worker.0123456789.js`); others keep their name.
/// Panics if there is no such file.
pub fn release_name(logical: &str) -> String {
    let dist = dist_dir();
    find_release_name(&dist, logical).unwrap_or_else(|| {
        panic!("dist/ has no file for {logical} (as named or with a release id)")
    })
}

fn find_release_name(dist: &Path, logical: &str) -> Option<String> {
    if dist.join(logical).is_file() {
        return Some(logical.to_owned());
    }
    let (folder, name) = logical.rsplit_once('/').unwrap_or(("", logical));
    let (stem, ext) = name.rsplit_once('.')?;
    let entries = std::fs::read_dir(dist.join(folder)).ok()?;
    entries.filter_map(Result::ok).find_map(|entry| {
        let file = entry.file_name().to_string_lossy().into_owned();
        let id = file
            .strip_prefix(&format!("{stem}."))?
            .strip_suffix(&format!(".{ext}"))?;
        let is_release_id = id.len() == 10 && id.bytes().all(|b| b.is_ascii_hexdigit());
        is_release_id.then(|| {
            if folder.is_empty() {
                file.clone()
            } else {
                format!("{folder}/{file}")
            }
        })
    })
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

    /// Serves `dist/` like [`TestApp::start`] but answers 404 for the paths in `hidden`
    /// (plain names such as `/mhsw-app_bg.wasm`; see [`release_name`]).
    pub async fn start_hiding(hidden: &[&str]) -> Self {
        let dist = dist_dir();
        let hidden: Vec<String> = hidden
            .iter()
            .map(|path| format!("/{}", release_name(path.trim_start_matches('/'))))
            .collect();
        let hidden: Vec<&str> = hidden.iter().map(String::as_str).collect();
        Self::serve_hiding(&dist, "/", &hidden).await
    }

    /// Serves `dist/` to a browser that blocks all site data (Chromium's content setting, as
    /// a managed browser's policy sets it): storage of every kind throws or fails.
    pub async fn start_with_site_data_blocked() -> Self {
        let dist = dist_dir();
        let server = StaticServer::start_hiding(&dist, &[])
            .await
            .unwrap_or_else(|e| panic!("could not serve {}: {e}", dist.display()));
        let browser = Browser::start_with_prefs(serde_json::json!({
            "profile.default_content_setting_values.cookies": 2,
        }))
        .await;
        let base_url = server.url("/");
        Self {
            server,
            browser,
            base_url,
        }
    }

    /// Serves another build folder (usually a [`DistCopy`]) at the server's root.
    pub async fn start_with_dist(dist: &Path) -> Self {
        Self::serve(dist, "/").await
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

/// A copy of the built app in a temporary folder, for a test that changes its questionnaires
/// (the shared `dist/` is never changed). Removed when dropped.
#[derive(Debug)]
pub struct DistCopy {
    root: PathBuf,
}

impl DistCopy {
    /// Copies `dist/` (see [`dist_dir`]), leaving out hidden build folders such as `.stage`.
    pub fn new() -> Self {
        let source = dist_dir();
        let root = browser::unique_temp_dir("mhsw-dist-copy");
        copy_tree(&source, &root);
        Self { root }
    }

    /// The copy's folder, to pass to [`TestApp::start_with_dist`].
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// A file inside the copy, e.g. `questionnaires/manifest.json`.
    pub fn file(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Writes (or replaces) a file inside the copy.
    pub fn write(&self, relative: &str, contents: &str) {
        let path = self.file(relative);
        std::fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    }

    /// Reads a file of the copy as text.
    pub fn read(&self, relative: &str) -> String {
        let path = self.file(relative);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("could not read {}: {e}", path.display()))
    }

    /// Puts a file back into the copy from `dist/` (after [`DistCopy::remove`]); code files
    /// may be given by their plain names (see [`release_name`]).
    pub fn restore_from_dist(&self, relative: &str) {
        let relative = &release_name(relative);
        let from = dist_dir().join(relative);
        std::fs::copy(&from, self.file(relative))
            .unwrap_or_else(|e| panic!("could not copy {}: {e}", from.display()));
    }

    /// Removes a file from the copy; code files may be given by their plain names (see
    /// [`release_name`]).
    pub fn remove(&self, relative: &str) {
        let path =
            self.file(&find_release_name(&self.root, relative).unwrap_or(relative.to_owned()));
        std::fs::remove_file(&path)
            .unwrap_or_else(|e| panic!("could not remove {}: {e}", path.display()));
    }
}

impl Drop for DistCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    let entries =
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        if source.is_dir() {
            copy_tree(&source, &target);
        } else {
            std::fs::copy(&source, &target).unwrap_or_else(|e| {
                panic!("copy {} to {}: {e}", source.display(), target.display())
            });
        }
    }
}
