//! Headless Chromium driven through chromedriver, and the helpers tests use to drive and
//! inspect a page: wait for the app to start, wait for elements and text, read the console
//! (errors and wasm panics), list fetched resources, take screenshots.
//!
//! Owns the two processes it starts. [`Browser`] kills chromedriver's whole process group
//! (chromedriver and the Chromium it launched) when dropped, so nothing outlives a test, even
//! one that panics. Each `Browser` has its own chromedriver, port and fresh profile folder, so
//! tests in one binary can run in parallel without sharing a browser.
//!
//! A missing Chromium or chromedriver is a failure that says what to run, never a skip.

use std::fmt;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// How long helpers wait by default for the app to start or an element to appear.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// One console message from the page, as chromedriver reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleEntry {
    /// `SEVERE` (console.error, uncaught exceptions, failed loads), `WARNING`, `INFO` or `DEBUG`.
    pub level: String,
    /// The text, prefixed by chromedriver with the source URL and line.
    pub message: String,
}

impl ConsoleEntry {
    /// True for errors: `console.error`, uncaught exceptions, failed requests, CSP violations.
    pub fn is_error(&self) -> bool {
        self.level == "SEVERE"
    }

    /// True for a Rust panic (printed by `console_error_panic_hook`) or a wasm trap
    /// (`panic = "abort"` turns a panic into `RuntimeError: unreachable`).
    pub fn is_wasm_panic(&self) -> bool {
        self.message.contains("panicked at") || self.message.contains("RuntimeError")
    }
}

impl fmt::Display for ConsoleEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.level, self.message)
    }
}

/// A headless Chromium session with its own chromedriver and profile.
pub struct Browser {
    client: Client,
    console: Mutex<Vec<ConsoleEntry>>,
    downloads: PathBuf,
    // Declared last so it is dropped after the client.
    _processes: ProcessGuard,
}

impl fmt::Debug for Browser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Browser").finish_non_exhaustive()
    }
}

impl Browser {
    /// Starts chromedriver on a free port and a headless Chromium through it.
    ///
    /// Panics, saying what to install, when Chromium or chromedriver is missing.
    pub async fn start() -> Self {
        Self::start_with_prefs(json!({})).await
    }

    /// Like [`Browser::start`], with extra Chromium preferences (for example the content
    /// setting that blocks all site data, as managed browsers in councils and trusts do).
    pub async fn start_with_prefs(extra_prefs: Value) -> Self {
        let install = "Run `make setup-test` (it installs Debian's chromium and chromium-driver).";
        let chromium = find_program(
            "CHROME_BIN",
            &["chromium", "chromium-browser", "google-chrome"],
        )
        .unwrap_or_else(|e| panic!("Chromium: {e}. {install}"));
        let chromedriver = find_program("CHROMEDRIVER", &["chromedriver"])
            .unwrap_or_else(|e| panic!("chromedriver: {e}. {install}"));

        let profile = unique_temp_dir("mhsw-chromium-profile");
        let downloads = unique_temp_dir("mhsw-chromium-downloads");

        // Downloads go, without asking, to this browser's own folder (see `wait_for_download`).
        let mut prefs = json!({
            "download.default_directory": downloads,
            "download.prompt_for_download": false,
            "download.directory_upgrade": true,
            "safebrowsing.enabled": false,
            // A page that saves a second file before the person touches it again makes
            // Chromium ask "Allow multiple downloads?"; headless, nobody can answer, so the
            // answer is given here as a person would give it: allow.
            "profile.default_content_setting_values.automatic_downloads": 1,
        });
        if let (Some(prefs), Some(extra)) = (prefs.as_object_mut(), extra_prefs.as_object()) {
            prefs.extend(extra.clone());
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": chromium_args(&profile),
                "prefs": prefs,
            },
            // Lets `console_entries` read console messages through chromedriver's log endpoint.
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("capabilities are a JSON object")
        };
        // A free port can be taken by another process (a test's server, another test's
        // browser) between being found and chromedriver listening on it, and the connection
        // then fails: tried again on a new port, three times in all.
        let mut attempt = 1;
        let (client, processes) = loop {
            let port = free_port();
            let child = Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // Its own process group, so the guard can stop chromedriver and Chromium together.
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("could not start {}: {e}", chromedriver.display()));
            let processes = ProcessGuard {
                child,
                dirs: vec![profile.clone(), downloads.clone()],
            };
            wait_for_port(port, Duration::from_secs(20)).await;
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break (client, processes),
                Err(e) if attempt >= 3 => panic!(
                    "chromedriver could not start Chromium ({}), {attempt} times: {e}",
                    chromium.display()
                ),
                Err(_) => {
                    // Stops this chromedriver; the profile is made afresh for the next.
                    drop(processes);
                    std::fs::create_dir_all(&profile).expect("make the profile folder again");
                    std::fs::create_dir_all(&downloads).expect("make the downloads folder again");
                    attempt += 1;
                }
            }
        };
        Self {
            client,
            console: Mutex::new(Vec::new()),
            downloads,
            _processes: processes,
        }
    }

    /// The underlying WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Navigates to `url` and waits until `assets/boot.js` reports the app started
    /// (`<html data-boot="ready">`). Panics with the page text and console if it failed.
    pub async fn open_and_wait_for_app(&self, url: &str) {
        self.goto(url).await;
        self.wait_for_boot().await;
    }

    /// Navigates to `url` without waiting for the app.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("could not open {url}: {e}"));
    }

    /// Waits until `assets/boot.js` reports the outcome of starting the app; panics unless it
    /// started. Returns once the app's `main` has run (the first screen is mounted).
    pub async fn wait_for_boot(&self) {
        let state = self.wait_for_boot_outcome().await;
        if state != "ready" {
            let text = self.body_text().await;
            let console = self.console_entries().await;
            panic!(
                "the app did not start (data-boot={state:?}).\nPage text:\n{text}\nConsole:\n{}",
                list(&console)
            );
        }
    }

    /// Waits until `assets/boot.js` has finished (`ready` or `failed`) and returns which.
    pub async fn wait_for_boot_outcome(&self) -> String {
        let started = Instant::now();
        loop {
            let state = self
                .execute(
                    "return document.documentElement.dataset.boot || null;",
                    vec![],
                )
                .await;
            match state.as_str() {
                Some(s @ ("ready" | "failed")) => return s.to_owned(),
                _ if started.elapsed() > DEFAULT_TIMEOUT => {
                    let console = self.console_entries().await;
                    panic!(
                        "the app did not finish starting within {DEFAULT_TIMEOUT:?} \
                         (data-boot={state}).\nConsole:\n{}",
                        list(&console)
                    );
                }
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Waits up to `timeout` for an element matching the CSS `selector`.
    pub async fn wait_for_css(
        &self,
        selector: &str,
        timeout: Duration,
    ) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(timeout)
            .every(Duration::from_millis(50))
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no element matched `{selector}` within {timeout:?}: {e}"))
    }

    /// Waits up to `timeout` until the page's visible text contains `text`.
    pub async fn wait_for_text(&self, text: &str, timeout: Duration) {
        let started = Instant::now();
        loop {
            let found = self
                .execute(
                    "return document.body.innerText.includes(arguments[0]);",
                    vec![json!(text)],
                )
                .await;
            if found == json!(true) {
                return;
            }
            if started.elapsed() > timeout {
                let body = self.body_text().await;
                panic!("the page did not show {text:?} within {timeout:?}. Page text:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's visible text.
    pub async fn body_text(&self) -> String {
        self.execute(
            "return document.body ? document.body.innerText : '';",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Runs `script` as the body of a function in the page (WebDriver's Execute Script, which
    /// the page's Content-Security-Policy does not restrict) and returns its result.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed in the page: {e}\nScript:\n{script}"))
    }

    /// Runs `script` and gives back the text it returns ('' for anything that is not text).
    pub async fn text_of(&self, script: &str, args: Vec<Value>) -> String {
        self.execute(script, args)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Like [`Browser::execute`], for a script that finishes by calling its last argument.
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(script, args)
            .await
            .unwrap_or_else(|e| panic!("async script failed in the page: {e}\nScript:\n{script}"))
    }

    /// Every console message since the browser started (including earlier pages).
    ///
    /// Read through chromedriver's log endpoint (`POST /session/{id}/se/log`, a custom
    /// WebDriver command); chromedriver hands each message out once, so they are kept here.
    pub async fn console_entries(&self) -> Vec<ConsoleEntry> {
        let fresh = self
            .client
            .issue_cmd(GetBrowserLog)
            .await
            .unwrap_or_else(|e| panic!("could not read the browser console: {e}"));
        let fresh = fresh.as_array().cloned().unwrap_or_default();
        let mut console = self.console.lock().unwrap_or_else(|p| p.into_inner());
        console.extend(fresh.iter().map(|entry| ConsoleEntry {
            level: entry["level"].as_str().unwrap_or("").to_owned(),
            message: entry["message"].as_str().unwrap_or("").to_owned(),
        }));
        console.clone()
    }

    /// Console errors so far (see [`ConsoleEntry::is_error`]).
    pub async fn console_errors(&self) -> Vec<ConsoleEntry> {
        let mut entries = self.console_entries().await;
        entries.retain(ConsoleEntry::is_error);
        entries
    }

    /// Rust panics and wasm traps so far (see [`ConsoleEntry::is_wasm_panic`]).
    pub async fn wasm_panics(&self) -> Vec<ConsoleEntry> {
        let mut entries = self.console_entries().await;
        entries.retain(ConsoleEntry::is_wasm_panic);
        entries
    }

    /// Panics, listing them, if the console has any error or panic.
    pub async fn assert_no_console_errors(&self) {
        let entries = self.console_entries().await;
        let bad: Vec<_> = entries
            .into_iter()
            .filter(|e| e.is_error() || e.is_wasm_panic())
            .collect();
        assert!(
            bad.is_empty(),
            "the browser console has {} error(s):\n{}",
            bad.len(),
            list(&bad)
        );
    }

    /// The URL of the document and of every resource the page fetched, in fetch order
    /// (`performance.getEntriesByType('navigation' | 'resource')`).
    pub async fn resource_urls(&self) -> Vec<String> {
        let urls = self
            .execute(
                "return performance.getEntriesByType('navigation')\
                   .concat(performance.getEntriesByType('resource'))\
                   .map(e => e.name);",
                vec![],
            )
            .await;
        serde_json::from_value(urls).expect("resource names are strings")
    }

    /// Every resource (the document first) with the time its fetch started, in milliseconds
    /// after navigation start.
    pub async fn resource_starts(&self) -> Vec<(String, f64)> {
        let entries = self
            .execute(
                "return performance.getEntriesByType('navigation')\
                   .concat(performance.getEntriesByType('resource'))\
                   .map(e => [e.name, e.startTime]);",
                vec![],
            )
            .await;
        serde_json::from_value(entries).expect("resource names and start times")
    }

    /// When the app marked its first screen usable (the User Timing mark `mhsw:first-screen`,
    /// set once the tools and saved work are drawn), in milliseconds after navigation start.
    pub async fn first_screen_mark(&self) -> Option<f64> {
        let mark = self
            .execute(
                "const m = performance.getEntriesByName('mhsw:first-screen');\
                 return m.length ? m[0].startTime : null;",
                vec![],
            )
            .await;
        mark.as_f64()
    }

    /// Saves a PNG screenshot of the viewport to `path`, creating its folder.
    pub async fn screenshot(&self, path: &Path) {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("could not take a screenshot: {e}"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the screenshot folder");
        }
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    }

    /// The folder this browser saves downloads in (empty at start; removed with the browser).
    pub fn downloads_dir(&self) -> &Path {
        &self.downloads
    }

    /// Waits up to `timeout` for a finished download whose file name ends with `suffix`, and
    /// returns its path. Chromium writes `*.crdownload` while saving; the file counts once that
    /// is gone and its size has stopped changing.
    pub async fn wait_for_download(&self, suffix: &str, timeout: Duration) -> PathBuf {
        let started = Instant::now();
        let mut last: Option<(PathBuf, u64)> = None;
        loop {
            let names: Vec<PathBuf> = std::fs::read_dir(&self.downloads)
                .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            let saving = names
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "crdownload"));
            let found = names.iter().find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(suffix))
            });
            if let (false, Some(path)) = (saving, found) {
                let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                if size > 0 && last.as_ref() == Some(&(path.clone(), size)) {
                    return path.clone();
                }
                last = Some((path.clone(), size));
            }
            if started.elapsed() > timeout {
                panic!(
                    "no download ending in {suffix:?} finished within {timeout:?}; the download \
                     folder holds {names:?}"
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Like [`Browser::assert_no_console_errors`], but ignores errors whose message contains
    /// one of `expected` (for a test that provokes a failed request on purpose).
    pub async fn assert_no_console_errors_except(&self, expected: &[&str]) {
        let entries = self.console_entries().await;
        let bad: Vec<_> = entries
            .into_iter()
            .filter(|e| e.is_error() || e.is_wasm_panic())
            .filter(|e| !expected.iter().any(|x| e.message.contains(x)))
            .collect();
        assert!(
            bad.is_empty(),
            "the browser console has {} unexpected error(s):\n{}",
            bad.len(),
            list(&bad)
        );
    }

    /// Runs a Chrome DevTools Protocol command in the page's tab (chromedriver's
    /// `goog/cdp/execute`) and returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(CdpCommand {
                cmd: cmd.to_owned(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("DevTools command {cmd} failed: {e}"))
    }

    /// Makes this tab's requests skip the service worker (it still installs), for tests of
    /// what happens when a file cannot be downloaded. Lasts for the tab's life.
    pub async fn bypass_service_worker(&self) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
            .await;
    }

    /// Waits until the service worker controls the page and has kept every file of the
    /// release, the PDF engine included (boot.js sets `<html data-offline="ready">`).
    pub async fn wait_for_offline_ready(&self) {
        let started = Instant::now();
        loop {
            let state = self
                .execute(
                    "return [Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),                              document.documentElement.dataset.offline || null];",
                    vec![],
                )
                .await;
            if state == json!([true, "ready"]) {
                return;
            }
            if started.elapsed() > DEFAULT_TIMEOUT {
                let console = self.console_entries().await;
                panic!(
                    "the service worker was not ready for offline use within {DEFAULT_TIMEOUT:?}                      ([controlled, data-offline] = {state}).\nConsole:\n{}",
                    list(&console)
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Ends the WebDriver session (Chromium quits); the processes are then stopped.
    pub async fn close(self) {
        // Best effort: the guard kills everything anyway.
        let _ = self.client.close().await;
    }
}

/// chromedriver's (non-W3C) log endpoint: returns and clears the browser console messages.
#[derive(Debug)]
struct GetBrowserLog;

impl WebDriverCompatibleCommand for GetBrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// chromedriver's DevTools endpoint: `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct CdpCommand {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

/// The command-line switches for headless Chromium. Nothing may resolve a host name, so the
/// only reachable server is the test server on 127.0.0.1.
fn chromium_args(profile: &Path) -> Vec<String> {
    vec![
        "--headless=new".into(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-extensions".into(),
        "--disable-default-apps".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-quic".into(),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1".into(),
        "--lang=en-GB".into(),
        "--window-size=1280,900".into(),
        format!("--user-data-dir={}", profile.display()),
    ]
}

/// Kills a process group and removes folders when dropped.
struct ProcessGuard {
    child: Child,
    dirs: Vec<PathBuf>,
}

impl Drop for ProcessGuard {
    fn drop(&mut self) {
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: kill(2) takes no pointers; a negative pid names the process group we
            // created for chromedriver (`process_group(0)` makes its pgid equal its pid).
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
        for dir in &self.dirs {
            // Chromium may still be flushing its profile for a moment after the kill.
            for _ in 0..20 {
                if std::fs::remove_dir_all(dir).is_ok() || !dir.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// The path given by `$env_var` if it is set, or else the first of `names` found on `PATH`.
pub fn find_program(env_var: &str, names: &[&str]) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(env_var).map(PathBuf::from) {
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "${env_var} is {}, which is not a file",
                path.display()
            ))
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    names
        .iter()
        .find_map(|name| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
        .ok_or_else(|| format!("none of {names:?} is on PATH, and ${env_var} is not set"))
}

/// A port on 127.0.0.1 that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("find a free port on 127.0.0.1")
}

async fn wait_for_port(port: u16, timeout: Duration) {
    let started = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            started.elapsed() < timeout,
            "chromedriver did not listen on port {port} within {timeout:?}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// A new, empty folder under the system temporary folder.
pub fn unique_temp_dir(prefix: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("{prefix}-{}-{n}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary folder");
    dir
}

fn list(entries: &[ConsoleEntry]) -> String {
    if entries.is_empty() {
        return "  (none)".to_owned();
    }
    entries
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}
