//! Timings of the engine: aggregating feedback and scoring an audit, natively.
//!
//! Owns: generating the benchmark inputs (deterministically, with a small linear congruential
//! generator, so every run measures the same work) and timing them. The bench runner includes
//! this file as a module (`mod engine;`) and calls [`rows`]; it has no harness of its own.
//! Must not touch: the engine's code paths (it calls the public API only) or a test's job:
//! figures over their goal are reported, never failed.

use std::hint::black_box;
use std::time::Instant;

use mhsw::aggregate::{summarise, FeedbackPool};
use mhsw::definition::{parse_definition, Definition};
use mhsw::ids::{OptionValue, QuestionId, ResponseId};
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::scoring::score;
use mhsw::work::{Channel, FeedbackResponse};

/// Runs timed after the warm-up; the median is reported.
const RUNS: usize = 15;
/// Untimed runs first, to warm caches and the allocator.
const WARM_UP: usize = 3;
/// Feedback responses aggregated.
const RESPONSES: usize = 10_000;

/// The figures: (name, value, unit, goal).
pub fn rows() -> Vec<(String, f64, &'static str, Option<f64>)> {
    let feedback = feedback_definition();
    let responses = feedback_responses(&feedback, RESPONSES);
    let aggregate = median_ms(
        || responses.clone(),
        |input| {
            let pool = FeedbackPool::from_responses(input);
            let summary = summarise(&feedback, &pool);
            (pool, summary)
        },
    );

    let audit = audit_definition();
    let answers = audit_answers(&audit);
    let scoring = median_ms(|| (), |()| score(&audit, black_box(&answers)));

    vec![
        (
            "aggregate 10,000 feedback responses (native)".to_owned(),
            aggregate,
            "ms",
            Some(50.0),
        ),
        (
            format!(
                "score a full audit (native, {} questions)",
                audit.questions().count()
            ),
            scoring,
            "ms",
            Some(5.0),
        ),
    ]
}

/// The median wall-clock time of `run`, in milliseconds, after a warm-up. `prepare` makes each
/// run's input outside the timed part, and what `run` returns is freed outside it too: the
/// figure is the work of aggregating or scoring, not of copying or freeing memory.
fn median_ms<T, R>(mut prepare: impl FnMut() -> T, mut run: impl FnMut(T) -> R) -> f64 {
    for _ in 0..WARM_UP {
        black_box(run(prepare()));
    }
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let input = prepare();
            let start = Instant::now();
            let output = black_box(run(input));
            let elapsed = start.elapsed();
            drop(output);
            elapsed.as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// A linear congruential generator (Knuth's MMIX constants): deterministic, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const AGREE_SCALE: &str = r#"{ "options": [
  { "value": "strongly-disagree", "label": "Strongly disagree", "points": 0 },
  { "value": "disagree", "label": "Disagree", "points": 1 },
  { "value": "neutral", "label": "Neither", "points": 2 },
  { "value": "agree", "label": "Agree", "points": 3, "positive": true },
  { "value": "strongly-agree", "label": "Strongly agree", "points": 4, "positive": true },
  { "value": "na", "label": "Does not apply", "special": "not_applicable" },
  { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" }
] }"#;

const THEMES: [&str; 5] = ["voice", "rights", "whole-life", "reliability", "carers"];

/// A feedback questionnaire of the size the toolkit ships: 12 ratings (one shown only after a
/// yes), a yes/no-like choice, a multiple choice and a free-text question.
fn feedback_definition() -> Definition {
    let mut questions = Vec::new();
    questions.push(
        r#"{ "id": "info", "text": "Did you get the information you needed?", "easy_read": "Info?", "theme": "rights",
             "answer": { "type": "single_choice", "options": [
               { "value": "yes", "label": "Yes", "positive": true }, { "value": "no", "label": "No" },
               { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" } ] } }"#
            .to_owned(),
    );
    for i in 0..12 {
        let condition = if i == 11 {
            r#", "shows_when": { "question": "info", "any_of": ["yes"] }"#
        } else {
            ""
        };
        questions.push(format!(
            r#"{{ "id": "q{i}", "text": "Statement {i}", "easy_read": "Statement {i}", "theme": "{}",
                 "answer": {{ "type": "rating", "scale": "agree" }}{condition} }}"#,
            THEMES[i % THEMES.len()]
        ));
    }
    questions.push(
        r#"{ "id": "helped", "text": "What helped?", "easy_read": "What helped?", "answer": { "type": "multiple_choice", "options": [
             { "value": "listening", "label": "Listening" }, { "value": "rights", "label": "Rights" },
             { "value": "services", "label": "Other services" },
             { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" } ] } }"#
            .to_owned(),
    );
    questions.push(
        r#"{ "id": "words", "text": "Anything else?", "easy_read": "Anything else?", "answer": { "type": "long_text" } }"#
            .to_owned(),
    );
    let themes: Vec<String> = THEMES
        .iter()
        .map(|t| format!(r#"{{ "id": "{t}", "title": "{t}" }}"#))
        .collect();
    let text = format!(
        r#"{{ "$schema": "schema.json", "id": "bench-feedback", "version": "2.0.0", "kind": "feedback",
             "title": "Benchmark feedback", "purpose": "Benchmarks.", "audience": "People", "nation": "england_and_wales",
             "alignment": "Benchmarks.", "notices": {{ "anonymity": "No names.", "crisis": "Call 999." }},
             "scales": {{ "agree": {AGREE_SCALE} }}, "themes": [{}],
             "sections": [ {{ "id": "all", "title": "All", "intro": "All.", "questions": [{}] }} ] }}"#,
        themes.join(","),
        questions.join(",")
    );
    parse_definition(&text).expect("the benchmark feedback definition parses")
}

fn choice(value: &str) -> ItemResponse {
    ItemResponse {
        answer: Some(Answer::Choice(OptionValue::new(value))),
        ..ItemResponse::default()
    }
}

/// `count` responses with random answers; one in twenty from an older version with a retired
/// question, and one in fifty repeating an earlier id (as a second import would).
fn feedback_responses(definition: &Definition, count: usize) -> Vec<FeedbackResponse> {
    let mut random = Lcg(0x5eed);
    let scale = [
        "strongly-disagree",
        "disagree",
        "neutral",
        "agree",
        "strongly-agree",
        "na",
        "pnts",
    ];
    let ratings: Vec<QuestionId> = definition
        .questions()
        .map(|(_, q)| q.id.clone())
        .filter(|id| id.as_str().starts_with('q'))
        .collect();
    let mut responses: Vec<FeedbackResponse> = Vec::with_capacity(count);
    for n in 0..count {
        if n > 0 && random.below(50) == 0 {
            let earlier = responses[random.below(responses.len())].clone();
            responses.push(earlier);
            continue;
        }
        let mut answers = Responses::default();
        answers.set(
            QuestionId::new("info"),
            choice(["yes", "no", "pnts"][random.below(3)]),
        );
        for id in &ratings {
            if random.below(10) > 0 {
                answers.set(id.clone(), choice(scale[random.below(scale.len())]));
            }
        }
        let helped = ["listening", "rights", "services"];
        answers.set(
            QuestionId::new("helped"),
            ItemResponse {
                answer: Some(Answer::Choices(
                    helped
                        .iter()
                        .filter(|_| random.below(2) == 0)
                        .map(|v| OptionValue::new(*v))
                        .collect(),
                )),
                ..ItemResponse::default()
            },
        );
        if random.below(4) == 0 {
            answers.set(
                QuestionId::new("words"),
                ItemResponse {
                    answer: Some(Answer::Text(format!(
                        "My social worker helped with thing number {}.",
                        random.next()
                    ))),
                    ..ItemResponse::default()
                },
            );
        }
        let old = random.below(20) == 0;
        if old {
            answers.set(QuestionId::new("retired"), choice("yes"));
        }
        responses.push(FeedbackResponse {
            id: ResponseId::new(format!("{:016x}", random.next() << 20 | n as u64)),
            submitted: format!(
                "2026-{:02}-{:02}",
                1 + random.below(12),
                1 + random.below(28)
            )
            .parse()
            .expect("a real date"),
            channel: Channel::Device,
            definition_version: if old { "1.0.0" } else { "2.0.0" }.to_owned(),
            answers,
        });
    }
    responses
}

const SECTIONS: usize = 8;
const PER_SECTION: usize = 10;

/// A full-size audit: 8 sections of 10 rated questions (weights 1 to 3, one lowest-item section,
/// one section shown only when a gate is answered yes, conditional questions), 5 themes.
fn audit_definition() -> Definition {
    let mut sections = Vec::new();
    for s in 0..SECTIONS {
        let mut questions = Vec::new();
        if s == 0 {
            questions.push(
                r#"{ "id": "gate", "text": "Do you employ AMHPs?", "answer": { "type": "yes_no" } }"#
                    .to_owned(),
            );
        }
        for q in 0..PER_SECTION {
            let condition = if q == PER_SECTION - 1 {
                format!(
                    r#", "shows_when": {{ "question": "s{s}-q0", "any_of": ["partly", "mostly", "achieved"] }}"#
                )
            } else {
                String::new()
            };
            questions.push(format!(
                r#"{{ "id": "s{s}-q{q}", "text": "Condition {s}.{q}", "evidence_prompt": "Records.",
                     "answer": {{ "type": "rating", "scale": "rag" }}, "weight": {}, "theme": "{}"{condition} }}"#,
                1 + (q % 3),
                THEMES[(s + q) % THEMES.len()]
            ));
        }
        let extra = match s {
            3 => r#", "aggregate": "lowest_item""#.to_owned(),
            7 => r#", "shows_when": { "question": "gate", "any_of": ["yes"] }"#.to_owned(),
            _ => String::new(),
        };
        sections.push(format!(
            r#"{{ "id": "s{s}", "title": "Section {s}", "intro": "Section {s}."{extra}, "questions": [{}] }}"#,
            questions.join(",")
        ));
    }
    let themes: Vec<String> = THEMES
        .iter()
        .map(|t| format!(r#"{{ "id": "{t}", "title": "{t}" }}"#))
        .collect();
    let text = format!(
        r#"{{ "$schema": "schema.json", "id": "bench-audit", "version": "1.0.0", "kind": "audit",
             "title": "Benchmark audit", "purpose": "Benchmarks.", "audience": "Leaders", "nation": "england",
             "alignment": "Benchmarks.", "collect": {{ "evidence": true, "comments": true, "priority": true }},
             "scales": {{ "rag": {{ "options": [
               {{ "value": "not-yet", "label": "Not yet", "points": 0 }},
               {{ "value": "partly", "label": "Partly", "points": 1 }},
               {{ "value": "mostly", "label": "Mostly", "points": 2 }},
               {{ "value": "achieved", "label": "Achieved", "points": 3, "positive": true }},
               {{ "value": "na", "label": "Not applicable", "special": "not_applicable" }},
               {{ "value": "dk", "label": "Don't know", "special": "dont_know" }} ] }} }},
             "themes": [{}],
             "scoring": {{ "bands": [
               {{ "id": "red", "label": "Red", "meaning": "Not yet", "from_percent": 0, "to_percent": 40, "tone": "red", "proposes_action": true }},
               {{ "id": "amber", "label": "Amber", "meaning": "Partly", "from_percent": 40, "to_percent": 75, "tone": "amber", "proposes_action": true }},
               {{ "id": "green", "label": "Green", "meaning": "Achieved", "from_percent": 75, "to_percent": 100, "tone": "green" }} ] }},
             "sections": [{}] }}"#,
        themes.join(","),
        sections.join(",")
    );
    parse_definition(&text).expect("the benchmark audit definition parses")
}

/// Every question answered, with evidence and a comment, as a finished audit would be.
fn audit_answers(definition: &Definition) -> Responses {
    let mut random = Lcg(0xa0d1);
    let values = ["not-yet", "partly", "mostly", "achieved", "na", "dk"];
    let mut responses = Responses::default();
    for (_, question) in definition.questions() {
        let value = if question.id.as_str() == "gate" {
            "yes"
        } else {
            values[random.below(values.len())]
        };
        let mut item = choice(value);
        item.evidence = Some("Supervision audit, March 2026; team minutes.".to_owned());
        item.comment = Some("Discussed at the leadership meeting.".to_owned());
        responses.set(question.id.clone(), item);
    }
    responses
}
