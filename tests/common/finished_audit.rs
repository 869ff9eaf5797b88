//! A finished self-assessment audit for the bundled `self-assessment.json`, made natively with
//! the core's own types: every shown item answered (gates set so that every section shows),
//! with evidence, a comment and a priority on each, and a thirty-row plan.
//!
//! Owns: that fixture, shared by the PDF tests (`tests/pdf.rs`, which pins the size of its
//! report) and the benchmarks (`benches/bench/browser_fixtures.rs`, which seed it into the
//! app), so both measure the same audit. Must not touch: the app or any file but the bundled
//! questionnaires.

// Each test or bench binary uses a different part of this module.
#![allow(dead_code)]

use std::path::PathBuf;

use mhsw::date::Date;
use mhsw::definition::{load_definition, AnswerKind, Definition};
use mhsw::ids::{OptionValue, QuestionId, WorkId};
use mhsw::pdf::sample::plan_action;
use mhsw::plan::{PlanRow, RowSource, Status};
use mhsw::responses::{Answer, ItemResponse, Priority, Responses};
use mhsw::work::Work;

/// The id of the audit.
pub const AUDIT_ID: &str = "bench-audit";
/// Rows in the audit's plan.
pub const PLAN_ROWS: usize = 30;

/// A bundled questionnaire, loaded and validated as the app would.
pub fn bundled(file: &str) -> Definition {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("questionnaires")
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("could not read {}: {e}", path.display()));
    load_definition(file, &text).unwrap_or_else(|e| panic!("{file} does not load: {e:?}"))
}

/// A date from its ISO form.
pub fn date(text: &str) -> Date {
    text.parse().expect("a real date")
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
                AnswerKind::Number { max, .. } => {
                    Answer::Number(mhsw::number::Decimal::whole(max.min(&90) / 3))
                }
                _ => Answer::Text("We agreed this at the leadership meeting in October.".into()),
            },
        };
        // The app offers evidence, comment and priority on scored questions only; a figure has
        // none of them.
        if matches!(question.answer, AnswerKind::Number { .. }) {
            responses.set(
                question.id.clone(),
                ItemResponse {
                    answer: Some(answer),
                    ..ItemResponse::default()
                },
            );
            continue;
        }
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
        let mut item = responses.item(&gate).cloned().unwrap_or_default();
        item.answer = Some(Answer::Choice(value));
        responses.set(gate, item);
    }
    let mut sup = responses.item(&"sup-1".into()).cloned().unwrap_or_default();
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

/// A peer reference set made as `mhsw peers` would from six councils' copies of `audit` (the
/// file's text), for comparing an audit with peers in the browser.
#[allow(dead_code)] // tests/pdf.rs builds its own set from other organisations' answers.
pub fn six_council_peer_set(definition: &Definition, audit: &Work) -> String {
    use mhsw::benchmark::peers::{
        build_peer_set, export_peer_set, OrganisationType, PeerNation, PeerSource,
    };
    let others: Vec<Work> = ["Aby", "Bee", "Cee", "Dee", "Eee", "Fff"]
        .iter()
        .map(|name| {
            let mut other = audit.clone();
            other.id = WorkId::new(format!("peer-{name}"));
            other.organisation = format!("{name} Council");
            other
        })
        .collect();
    let sources: Vec<_> = others
        .iter()
        .map(|work| PeerSource {
            work,
            organisation_type: Some(OrganisationType::Council),
            nation: Some(PeerNation::England),
        })
        .collect();
    let built = build_peer_set(definition, &sources).expect("a reference set");
    export_peer_set(&built.set)
}
