//! Unpacking the section pack (issue 16): what the pack's LZMA costs in time. A first visit to
//! a link to a section of saved work downloads the first module and the later part as one pack
//! compressed with LZMA (`section-pack.wasm`), which `assets/unpack.js` unpacks in JavaScript and checks file by file;
//! gzip, which the browser undoes natively, would cost next to nothing. Measured here in
//! headless Chromium with the pack already downloaded, so only unpacking and checking count
//! (handed over in pieces of 64 kB, as a download is); in a new page each time, importing
//! `unpack.js` from a new address, so the engine's compiler starts cold as on a first visit;
//! at full speed and with the processor slowed 4 times (DevTools' CPU throttling, a slow
//! phone). On a slow connection this happens while the pack downloads; on a fast one it is
//! added to the wait. No budget was given; the figures are for weighing the bytes saved
//! against them.
//!
//! The page each run is the site's questionnaire list, `questionnaires/manifest.json` (a plain
//! document of this site: no app starts in it to share the processor), from which `unpack.js`
//! is imported and the pack fetched.
//! Must not touch: the app (it only loads its files).

use serde_json::json;

use super::browser_fixtures::median;
use super::common::{release_name, TestApp};
use super::Row;

/// Unpackings per processor speed.
const RUNS: usize = 5;

/// Unpacks the pack `RUNS` times at each processor speed.
pub fn rows() -> Vec<Row> {
    let runtime = tokio::runtime::Runtime::new().expect("start a tokio runtime");
    runtime.block_on(async {
        let app = TestApp::start().await;
        let at = |path: &str| format!("{}/{path}", app.base_url.trim_end_matches('/'));
        let unpack = at(&release_name("unpack.js"));
        let pack = at(&release_name("section-pack.wasm"));
        let page = at("questionnaires/manifest.json");
        let mut rows = Vec::new();
        for slowdown in [1, 4] {
            let mut times = Vec::new();
            let mut failure = None;
            for _ in 0..RUNS {
                app.browser.goto(&page).await;
                app.browser
                    .cdp(
                        "Emulation.setCPUThrottlingRate",
                        json!({ "rate": slowdown }),
                    )
                    .await;
                // Resolves to [ms, files handed over, files in the pack] or a reason.
                let outcome = app
                    .browser
                    .execute_async(
                        r#"
const [unpackUrl, packUrl, done] = arguments;
(async () => {
  // A new address each run, so the browser has no compiled code of it kept from the last.
  const { unpack } = await import(`${unpackUrl}?run=${Date.now()}`);
  const bytes = await (await fetch(packUrl)).arrayBuffer();
  const source = await (await fetch(unpackUrl)).text();
  const at = source.indexOf('[["');
  const names = JSON.parse(source.slice(at, source.indexOf("]]", at) + 2)).map((e) => e[0]);
  // Anything unpack.js would fetch on its own instead counts as not handed over.
  const fetched = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (url) => { fetched.push(String(url)); return realFetch(url); };
  // In pieces of 64 kB, as the network hands a download over.
  const body = new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.byteLength; at += 65536) {
        controller.enqueue(new Uint8Array(bytes, at, Math.min(65536, bytes.byteLength - at)));
      }
      controller.close();
    },
  });
  const started = performance.now();
  const take = unpack(Promise.resolve(new Response(body)));
  const responses = await Promise.all(names.map((name) => take(new URL(name, packUrl).href)));
  const ms = performance.now() - started;
  globalThis.fetch = realFetch;
  done([ms, responses.length - fetched.length, names.length]);
})().catch((error) => done(String(error)));
"#,
                        vec![json!(unpack), json!(pack)],
                    )
                    .await;
                match serde_json::from_value::<(f64, usize, usize)>(outcome.clone()) {
                    Ok((ms, handed, all)) if handed == all => times.push(ms),
                    Ok((_, handed, all)) => {
                        failure = Some(format!("only {handed} of the pack's {all} files were unpacked"))
                    }
                    Err(_) => failure = Some(format!("unpacking failed: {outcome}")),
                }
            }
            app.browser
                .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
                .await;
            let label = if slowdown == 1 {
                "full speed".to_owned()
            } else {
                format!("processor slowed {slowdown} times")
            };
            let (low, high) = times
                .iter()
                .fold((f64::MAX, 0.0_f64), |(l, h), t| (l.min(*t), h.max(*t)));
            rows.push(
                Row::new(
                    format!(
                        "unpacking the section pack (LZMA, already downloaded), {label}, ms, median of {} (min–max {low:.0}–{high:.0})",
                        times.len()
                    ),
                    if times.is_empty() { 0.0 } else { median(&times) },
                    "ms",
                )
                .failed_if(failure),
            );
        }
        app.close().await;
        rows
    })
}
