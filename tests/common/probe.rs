//! Timing inside the page, for the browser benchmarks: a probe that notes, in the page's own
//! clock, when an element first appears and when the next frame after it starts.
//!
//! The probe is installed with the Chrome DevTools Protocol (`Page.addScriptToEvaluateOnNewDocument`,
//! sent through chromedriver's `goog/cdp/execute` endpoint), so it runs in every new document
//! before the app's own scripts, and sees the first render. It keeps `window.__bench.marks`:
//! for a watch named `N`, `marks[N]` is `performance.now()` in the mutation observer callback
//! that first saw a match (the end of the task that changed the DOM), and `marks["N:frame"]` is
//! the time of the next `requestAnimationFrame` callback (the frame that paints it). Times are
//! relative to the document's navigation start.
//!
//! Owns: the probe script and the DevTools commands it needs. Must not touch: the app (it only
//! observes it) or the browser processes ([`super::browser`] owns those).

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::browser::Browser;

/// What the probe waits for: the first element matching `selector` whose text contains `text`.
#[derive(Clone, Debug)]
pub struct Watch {
    /// The name its marks are kept under.
    pub name: &'static str,
    /// A CSS selector.
    pub selector: &'static str,
    /// Text the element must contain (empty: any).
    pub text: &'static str,
}

/// The probe, defining `window.__bench` with `marks`, `watch(name, selector, text)` and
/// `forget(name)`. `__WATCHES__` is replaced by the watches to start with.
const PROBE: &str = r#"
(() => {
  if (window.__bench) return;
  const marks = {};
  let pending = __WATCHES__;
  const matches = (w) => {
    for (const el of document.querySelectorAll(w.selector)) {
      if (!w.text || (el.textContent || "").includes(w.text)) return true;
    }
    return false;
  };
  const check = () => {
    if (pending.length === 0) return;
    const now = performance.now();
    pending = pending.filter((w) => {
      if (!matches(w)) return true;
      marks[w.name] = now;
      requestAnimationFrame(() => { marks[w.name + ":frame"] = performance.now(); });
      return false;
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  window.__bench = {
    marks,
    watch(name, selector, text) {
      delete marks[name];
      delete marks[name + ":frame"];
      pending.push({ name, selector, text: text || "" });
      check();
    },
    forget(name) {
      delete marks[name];
      delete marks[name + ":frame"];
      pending = pending.filter((w) => w.name !== name);
    },
  };
})();
"#;

/// Installs the probe in every document this browser opens from now on, watching `watches`
/// from the start. Call it before the navigations to be measured.
pub async fn install(browser: &Browser, watches: &[Watch]) {
    let watches: Vec<Value> = watches
        .iter()
        .map(|w| json!({ "name": w.name, "selector": w.selector, "text": w.text }))
        .collect();
    let source = PROBE.replace("__WATCHES__", &Value::Array(watches).to_string());
    cdp(
        browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    )
    .await;
}

/// Loads `url` as a new document (through `about:blank`, so even a change of hash alone is a
/// full load), without waiting for the app.
pub async fn fresh_load(browser: &Browser, url: &str) {
    browser.goto("about:blank").await;
    browser.goto(url).await;
}

/// Waits up to `timeout` for the mark `name` and its frame, and returns both (ms since
/// navigation start). Panics with the page text if they do not come.
pub async fn wait_for_mark(browser: &Browser, name: &str, timeout: Duration) -> (f64, f64) {
    let started = Instant::now();
    loop {
        let marks = browser
            .execute(
                "const m = window.__bench && window.__bench.marks; \
                 return m ? [m[arguments[0]], m[arguments[0] + ':frame']] : [null, null];",
                vec![json!(name)],
            )
            .await;
        if let (Some(seen), Some(frame)) = (marks[0].as_f64(), marks[1].as_f64()) {
            return (seen, frame);
        }
        if started.elapsed() > timeout {
            let text = browser.body_text().await;
            panic!("the page did not reach `{name}` within {timeout:?}. Page text:\n{text}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Sends a Chrome DevTools Protocol command through chromedriver and returns its result
/// (the same as [`Browser::cdp`]).
pub async fn cdp(browser: &Browser, cmd: &str, params: Value) -> Value {
    browser.cdp(cmd, params).await
}
