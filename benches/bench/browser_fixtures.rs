//! The saved work the browser benchmarks load into the app, made natively with the core's own
//! types, and the browser steps they share (seeding work, clearing and counting the work store,
//! opening a page freshly, medians).
//!
//! Owns: a finished self-assessment audit (every shown item answered, with evidence and a
//! comment, and a thirty-row plan) and a feedback collection of random but deterministic
//! responses for the bundled service-user questionnaire, both for the bundled definitions in
//! `questionnaires/`. Must not touch: the app. Work is seeded as the localStorage release saved
//! it (`mhsw:work:<id>` holding `{store_version, revision, saved_at, work}`), which the app moves
//! into its work store (IndexedDB `mhsw`) at start; the benchmarks wait for that move before
//! timing anything, and read what was saved back from IndexedDB.

use std::time::Duration;

use mhsw::date::Date;
use mhsw::definition::{load_definition, AnswerKind, Definition};
use mhsw::ids::{OptionValue, QuestionId, ResponseId, WorkId};
use mhsw::pdf::sample::plan_action;
use mhsw::plan::{PlanRow, RowSource, Status};
use mhsw::responses::{Answer, ItemResponse, Priority, Responses};
use mhsw::store::Meta;
use mhsw::work::{Channel, Collection, FeedbackResponse, Work};
use serde_json::json;

use super::common::{journey, probe};
use super::common::{repo_root, TestApp};

/// The id of the seeded audit.
pub const AUDIT_ID: &str = "bench-audit";
/// The audit section the section benchmarks open.
pub const AUDIT_SECTION: &str = "supervision";
/// The id of the feedback collection.
pub const FEEDBACK_ID: &str = "bench-feedback";
/// Rows in the seeded audit's plan.
pub const PLAN_ROWS: usize = 30;
/// How long to wait for anything in the page.
pub const PAGE_TIMEOUT: Duration = Duration::from_secs(60);

/// A bundled questionnaire, loaded and validated as the app would.
pub fn bundled(file: &str) -> Definition {
    let path = repo_root().join("questionnaires").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("could not read {}: {e}", path.display()));
    load_definition(file, &text).unwrap_or_else(|e| panic!("{file} does not load: {e:?}"))
}

fn date(text: &str) -> Date {
    text.parse().expect("a real date")
}

fn choice(value: &str) -> ItemResponse {
    ItemResponse {
        answer: Some(Answer::Choice(OptionValue::new(value))),
        ..ItemResponse::default()
    }
}

/// A linear congruential generator (Knuth's MMIX constants): the same inputs on every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next 31 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A finished self-assessment: every shown question answered (gates set so that every section
/// shows), with evidence and a comment on each, and a thirty-row plan. `sup-1` is answered
/// "Not in place", so choosing "Developing" or "Established" changes the section's score.
pub fn audit_work() -> (Definition, Work) {
    let definition = bundled("self-assessment.json");
    let mut work = Work::start(
        WorkId::new(AUDIT_ID),
        "North Team audit, 2026 baseline".to_owned(),
        &definition,
        date("2026-11-22"),
    );
    work.organisation = "North Team, Anytown Council".to_owned();
    work.participants = "Principal social worker; AMHP lead; team managers".to_owned();
    let mut random = Lcg(0xa0d1);
    let mut responses = Responses::default();
    for (_, question) in definition.questions() {
        let answer = match definition.options_of(question) {
            Some(list) => {
                let options = &list.options;
                Answer::Choice(options[random.below(options.len())].value.clone())
            }
            None => match &question.answer {
                AnswerKind::Date {} => Answer::Date(date("2026-10-01")),
                _ => Answer::Text("We agreed this at the leadership meeting in October.".into()),
            },
        };
        responses.set(
            question.id.clone(),
            ItemResponse {
                answer: Some(answer),
                evidence: Some(format!(
                    "Supervision audit, March 2026; team minutes; item {}.",
                    question.id
                )),
                comment: Some("Discussed with the team and the principal social worker.".into()),
                priority: Some(Priority::ALL[random.below(3)]),
            },
        );
    }
    // Every condition's gate gets the first value that opens it, so every section shows.
    let gates: Vec<(QuestionId, OptionValue)> = definition
        .sections
        .iter()
        .filter_map(|s| s.shows_when.as_ref())
        .chain(
            definition
                .questions()
                .filter_map(|(_, q)| q.shows_when.as_ref()),
        )
        .map(|c| (c.question.clone(), c.any_of[0].clone()))
        .collect();
    for (gate, value) in gates {
        let mut item = responses.item(gate.as_str()).cloned().unwrap_or_default();
        item.answer = Some(Answer::Choice(value));
        responses.set(gate, item);
    }
    let mut sup = responses.item("sup-1").cloned().unwrap_or_default();
    sup.answer = Some(Answer::Choice(OptionValue::new("not-in-place")));
    responses.set(QuestionId::new("sup-1"), sup);
    // Answers to questions the gates now hide are dropped: a finished audit has none.
    let hidden: Vec<QuestionId> = definition
        .questions()
        .filter(|(section, question)| {
            !responses.section_shown(&definition, section)
                || !responses.question_shown(&definition, question)
        })
        .map(|(_, q)| q.id.clone())
        .collect();
    for id in hidden {
        responses.items.remove(&id);
    }
    work.responses = responses;
    let sections: Vec<_> = definition.questions().map(|(_, q)| q.id.clone()).collect();
    work.plan = (1..=PLAN_ROWS)
        .map(|i| PlanRow {
            id: format!("row-{i}"),
            source: RowSource::Question(sections[i % sections.len()].clone()),
            action: plan_action(i),
            lead: "Principal social worker".to_owned(),
            partners: "NHS trust; lived-experience panel".to_owned(),
            target_date: Some(date("2027-03-31")),
            success_measure: "Checked in the next audit cycle.".to_owned(),
            status: Status::ALL[i % Status::ALL.len()],
            review_date: Some(date("2027-01-15")),
        })
        .collect();
    (definition, work)
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
    /// The work's response records.
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
  try { tx = db.transaction(['works', 'responses'], 'readonly'); }
  catch (e) { db.close(); done({ error: String(e) }); return; }
  const works = tx.objectStore('works').count();
  const head = tx.objectStore('works').get(id);
  // Every [id, response id] key: arrays sort after strings, so [id, []] is above them all.
  const responses = tx.objectStore('responses').count(IDBKeyRange.bound([id], [id, []]));
  tx.oncomplete = () => {
    db.close();
    const text = head.result && head.result.text;
    done({ works: works.result, head: typeof text === 'string' ? text.length : null, responses: responses.result });
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
