//! Small definitions and work files shared by the unit tests of the engine modules.
//!
//! Owns: fixtures only; compiled for tests alone. Must not touch: anything shipped.

use crate::date::Date;
use crate::definition::{validate, Definition};
use crate::ids::{DefinitionId, OptionValue, QuestionId, ResponseId, WorkId};
use crate::responses::{Answer, ItemResponse, Priority, Responses};
use crate::work::{
    Channel, Collection, DefinitionRef, FeedbackResponse, Perspective, Work, WORK_FORMAT,
    WORK_FORMAT_VERSION,
};

/// A small audit: a percent-of-maximum section with weights, a yes/no, free text and a condition;
/// a lowest-item section; a section shown only when the organisation has AMHPs.
pub const AUDIT: &str = include_str!("../tests/fixtures/mini-audit.json");

/// A small feedback questionnaire: agreement scale, yes/no, multiple choice and free text.
pub const FEEDBACK: &str = include_str!("../tests/fixtures/mini-feedback.json");

/// Parses and validates a fixture definition, failing the test with every problem.
pub fn definition(text: &str) -> Definition {
    let definition = crate::definition::parse_definition(text).expect("fixture parses");
    let problems = validate(&definition);
    assert!(problems.is_empty(), "fixture problems: {problems:#?}");
    definition
}

/// The mini audit.
pub fn audit() -> Definition {
    definition(AUDIT)
}

/// The mini feedback questionnaire.
pub fn feedback() -> Definition {
    definition(FEEDBACK)
}

/// The mini audit with a "Workforce profile" section of three number questions at the end:
/// social work FTE (`wf-fte`, 0 to 500, one decimal place, weight 5 to show weights change
/// nothing), vacant posts compared per FTE (`wf-vacant`) and the share of AMHP rota shifts filled
/// (`wf-rota`, a whole percentage).
pub fn audit_with_numbers() -> Definition {
    let mut document: serde_json::Value = serde_json::from_str(AUDIT).expect("fixture parses");
    let section = serde_json::json!({
        "id": "workforce",
        "title": "Workforce profile",
        "intro": "Figures about the workforce.",
        "questions": [
            { "id": "wf-fte", "text": "Social workers (FTE)", "weight": 5,
              "answer": { "type": "number", "unit": "FTE", "min": 0, "max": 500, "decimals": 1 } },
            { "id": "wf-vacant", "text": "Vacant posts (FTE)",
              "answer": { "type": "number", "unit": "FTE", "min": 0, "max": 100, "decimals": 1,
                          "per": { "basis": "fte", "question": "wf-fte" } } },
            { "id": "wf-rota", "text": "AMHP rota shifts filled",
              "answer": { "type": "number", "unit": "%", "min": 0, "max": 100 } }
        ]
    });
    if let Some(sections) = document["sections"].as_array_mut() {
        sections.push(section);
    }
    definition(&document.to_string())
}

/// Adds number answers from `(question, stored figure)` pairs, such as `("wf-fte", "12.5")`.
pub fn with_numbers(mut responses: Responses, pairs: &[(&str, &str)]) -> Responses {
    for (question, figure) in pairs {
        responses.set(
            QuestionId::new(*question),
            ItemResponse {
                answer: Some(Answer::Number(figure.parse().expect("fixture figure"))),
                ..ItemResponse::default()
            },
        );
    }
    responses
}

/// A date from its ISO form.
pub fn date(text: &str) -> Date {
    text.parse().expect("fixture date")
}

/// Answers from `(question, option value)` pairs.
pub fn choices(pairs: &[(&str, &str)]) -> Responses {
    let mut responses = Responses::default();
    for (question, value) in pairs {
        responses.set(
            QuestionId::new(*question),
            ItemResponse {
                answer: Some(Answer::Choice(OptionValue::new(*value))),
                ..ItemResponse::default()
            },
        );
    }
    responses
}

/// Sets the priority of an item.
pub fn with_priority(mut responses: Responses, question: &str, priority: Priority) -> Responses {
    let mut item = responses
        .item(&question.into())
        .cloned()
        .unwrap_or_default();
    item.priority = Some(priority);
    responses.set(QuestionId::new(question), item);
    responses
}

/// A work file for a definition with these answers.
pub fn work(definition: &Definition, name: &str, responses: Responses) -> Work {
    Work {
        format: WORK_FORMAT.to_owned(),
        format_version: WORK_FORMAT_VERSION,
        id: WorkId::new(format!("work-{name}")),
        name: name.to_owned(),
        definition: DefinitionRef {
            id: DefinitionId::new(definition.id.as_str()),
            version: definition.version.clone(),
        },
        organisation: format!("{name} Council"),
        participants: "PSW, head of service".to_owned(),
        perspective: Perspective::Leaders,
        created: date("2026-11-01"),
        updated: date("2026-11-22"),
        responses,
        plan: Vec::new(),
        set_aside: Default::default(),
        collection: None,
        linked_to: None,
    }
}

/// One anonymous feedback response.
pub fn response(id: &str, version: &str, submitted: &str, answers: Responses) -> FeedbackResponse {
    FeedbackResponse {
        id: ResponseId::new(id),
        submitted: date(submitted),
        channel: Channel::Device,
        definition_version: version.to_owned(),
        answers,
    }
}

/// A feedback work file holding these responses.
pub fn feedback_work(definition: &Definition, responses: Vec<FeedbackResponse>) -> Work {
    let mut work = work(definition, "Feedback", Responses::default());
    work.collection = Some(Collection {
        about: "North Team".to_owned(),
        period_start: Some(date("2026-09-01")),
        period_end: Some(date("2026-11-30")),
        idle_minutes: 5,
        language_offer: crate::work::LanguageOffer::EnglishOnly,
        responses,
    });
    work
}
