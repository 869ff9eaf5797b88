//! The saved work the browser benchmarks load into the app, made natively with the core's own
//! types, and the browser steps they share (seeding work, clearing and counting the work store,
//! opening a page freshly, medians).
//!
//! Owns: a feedback collection of random but deterministic responses for the bundled
//! service-user questionnaire; the finished self-assessment audit (every shown item answered,
//! with evidence and a comment, and a thirty-row plan) comes from
//! `tests/common/finished_audit.rs`, which the PDF tests share. Must not touch: the app. Work is seeded as the localStorage release saved
//! it (`mhsw:work:<id>` holding `{store_version, revision, saved_at, work}`), which the app moves
//! into its work store (IndexedDB `mhsw`) at start; the benchmarks wait for that move before
//! timing anything, and read what was saved back from IndexedDB.

use std::time::Duration;

use mhsw::definition::Definition;
use mhsw::ids::{OptionValue, ResponseId, WorkId};
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::store::Meta;
use mhsw::work::{Channel, Collection, FeedbackResponse, Work};
use serde_json::json;

pub use super::common::finished_audit::{audit_work, AUDIT_ID, PLAN_ROWS};
use super::common::finished_audit::{bundled, date, Lcg};
use super::common::TestApp;
use super::common::{journey, probe};

/// The audit section the section benchmarks open.
pub const AUDIT_SECTION: &str = "supervision";
/// The id of the feedback collection.
pub const FEEDBACK_ID: &str = "bench-feedback";
/// How long to wait for anything in the page.
pub const PAGE_TIMEOUT: Duration = Duration::from_secs(60);

fn choice(value: &str) -> ItemResponse {
    ItemResponse {
        answer: Some(Answer::Choice(OptionValue::new(value))),
        ..ItemResponse::default()
    }
}

/// A feedback collection for the service-user questionnaire with `count` responses: every
/// rating answered with a random option of its scale (special options included), over a year,
/// one in ten typed in from paper. Ids are unique.
pub fn feedback_work(count: usize) -> (Definition, Work) {
    let definition = bundled("feedback-service-user.json");
    let mut work = Work::start(
        WorkId::new(FEEDBACK_ID),
        "North Team feedback 2026".to_owned(),
        &definition,
        date("2026-01-05"),
    );
    let mut random = Lcg(0x5eed);
    let responses = (0..count)
        .map(|n| {
            let mut answers = Responses::default();
            for (_, question) in definition.questions() {
                if let Some(list) = definition.options_of(question) {
                    let options = &list.options;
                    answers.set(
                        question.id.clone(),
                        choice(options[random.below(options.len())].value.as_str()),
                    );
                }
            }
            FeedbackResponse {
                id: ResponseId::new(format!("{:08x}{n:08x}", random.next())),
                submitted: date(&format!(
                    "2026-{:02}-{:02}",
                    1 + random.below(12),
                    1 + random.below(28)
                )),
                channel: if random.below(10) == 0 {
                    Channel::Paper
                } else {
                    Channel::Device
                },
                definition_version: definition.version.clone(),
                answers,
            }
        })
        .collect();
    work.collection = Some(Collection {
        about: "North Team".to_owned(),
        period_start: Some(date("2026-01-01")),
        period_end: Some(date("2026-12-31")),
        responses,
        ..Collection::default()
    });
    (definition, work)
}

/// The bytes the app stores for `work` in its work store (the text of its head record and of
/// every response record, as the core seals them): (head, responses, response records).
pub fn stored_bytes(work: &Work) -> (usize, usize, usize) {
    let mut work = work.clone();
    let meta = Meta {
        revision: 1,
        saved_at: "12:00".to_owned(),
        ..Meta::default()
    };
    let (head, responses) = mhsw::store::split(&mut work, &meta);
    let response_bytes = responses.iter().map(|(_, r)| r.text.len()).sum();
    (head.text.len(), response_bytes, responses.len())
}

/// Opens the app, seeds `works` as the localStorage release saved them (the app moves such
/// entries into its work store when it starts), reopens it, waits until the move is done
/// (no `mhsw:work:` key left in `localStorage`) and checks that each is in the work store.
/// Leaves the page on `#/`.
pub async fn seed_works(app: &TestApp, works: &[&Work]) {
    journey::seed_works(app, works, "#/").await;
    let stored = journey::stored_work_ids(&app.browser).await;
    for work in works {
        assert!(
            stored.contains(&work.id.to_string()),
            "seeded work `{}` is not in the work store after the move (it holds {stored:?})",
            work.id
        );
    }
}

/// Removes everything the app keeps in the browser for the test server's origin (its work
/// store and `localStorage`) with DevTools' `Storage.clearDataForOrigin`, from `about:blank`
/// so that no page holds the work store open. The next page opened starts from nothing.
pub async fn clear_site_data(app: &TestApp) {
    app.browser.goto("about:blank").await;
    let url = app.route_url("");
    let origin = url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    app.browser
        .cdp(
            "Storage.clearDataForOrigin",
            json!({ "origin": origin, "storageTypes": "indexeddb,local_storage" }),
        )
        .await;
}

/// What the work store holds for one piece of work, read in the page with counts only (so a
/// 50,000-response collection is not sent back through WebDriver).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCount {
    /// Pieces of work in the store.
    pub works: u64,
    /// The length of the work's head record text, if there is one.
    pub head_chars: Option<u64>,
    /// The work's responses, in their own records or in staged blocks not yet split.
    pub responses: u64,
}

const COUNT_SCRIPT: &str = r#"
const [id, done] = [arguments[0], arguments[arguments.length - 1]];
const request = indexedDB.open('mhsw');
request.onupgradeneeded = (event) => event.target.transaction.abort();
request.onerror = () => done({ error: 'the work store could not be opened: ' + request.error });
request.onsuccess = () => {
  const db = request.result;
  let tx;
  try { tx = db.transaction(['works', 'responses', 'staged'], 'readonly'); }
  catch (e) { db.close(); done({ error: String(e) }); return; }
  const works = tx.objectStore('works').count();
  const head = tx.objectStore('works').get(id);
  // Every [id, response id] key: arrays sort after strings, so [id, []] is above them all.
  const responses = tx.objectStore('responses').count(IDBKeyRange.bound([id], [id, []]));
  // Responses an import wrote in staged blocks and has not yet split (R7 in src/store.rs).
  const blocks = tx.objectStore('staged').getAll(IDBKeyRange.bound([id], [id, []]));
  tx.oncomplete = () => {
    db.close();
    const text = head.result && head.result.text;
    done({ works: works.result, head: typeof text === 'string' ? text.length : null, responses: responses.result + blocks.result.reduce((n, block) => n + block.ends.length / 3, 0) });
  };
  tx.onerror = () => { db.close(); done({ error: String(tx.error) }); };
};
"#;

/// Counts what the work store holds for work `id`, in the open page (of the app's origin).
pub async fn stored_count(app: &TestApp, id: &str) -> Result<StoredCount, String> {
    let result = app
        .browser
        .execute_async(COUNT_SCRIPT, vec![json!(id)])
        .await;
    if let Some(error) = result.get("error") {
        return Err(error.as_str().unwrap_or_default().to_owned());
    }
    Ok(StoredCount {
        works: result["works"].as_u64().unwrap_or(0),
        head_chars: result["head"].as_u64(),
        responses: result["responses"].as_u64().unwrap_or(0),
    })
}

/// Loads a route as a new document and returns when the probe's mark `name` and its frame
/// have come: (mark, frame), in ms since navigation start.
pub async fn load_and_time(app: &TestApp, route: &str, name: &str) -> (f64, f64) {
    probe::fresh_load(&app.browser, &app.route_url(route)).await;
    probe::wait_for_mark(&app.browser, name, PAGE_TIMEOUT).await
}

/// The `p`th percentile of some samples (nearest rank: the smallest sample with at least `p`%
/// of the samples at or below it).
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    assert!(!samples.is_empty(), "a percentile needs samples");
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median of some samples (the upper middle one for an even count).
pub fn median(samples: &[f64]) -> f64 {
    assert!(!samples.is_empty(), "a median needs samples");
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// Samples as text for the log: `12.3, 14.0, 11.9`.
pub fn list(samples: &[f64]) -> String {
    samples
        .iter()
        .map(|s| format!("{s:.1}"))
        .collect::<Vec<_>>()
        .join(", ")
}
