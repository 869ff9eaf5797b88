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
pub const AUDIT: &str = r#"{
  "$schema": "schema.json",
  "id": "mini-audit",
  "version": "1.0.0",
  "kind": "audit",
  "title": "Mini audit",
  "purpose": "Tests.",
  "audience": "Leaders",
  "nation": "england_and_wales",
  "alignment": "Written for tests.",
  "collect": { "evidence": true, "comments": true, "priority": true },
  "scales": {
    "rag": { "options": [
      { "value": "not-yet", "label": "Not yet", "points": 0 },
      { "value": "partly", "label": "Partly", "points": 1 },
      { "value": "mostly", "label": "Mostly", "points": 2 },
      { "value": "achieved", "label": "Achieved", "points": 3, "positive": true },
      { "value": "na", "label": "Not applicable", "special": "not_applicable" },
      { "value": "dk", "label": "Don't know", "special": "dont_know" },
      { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" }
    ] }
  },
  "themes": [
    { "id": "leadership", "title": "Professional leadership" },
    { "id": "supervision", "title": "Supervision" }
  ],
  "scoring": {
    "bands": [
      { "id": "red", "label": "Red", "meaning": "Not yet achieved", "from_percent": 0, "to_percent": 40, "tone": "red", "proposes_action": true },
      { "id": "amber", "label": "Amber", "meaning": "Partly achieved", "from_percent": 40, "to_percent": 75, "tone": "amber", "proposes_action": true },
      { "id": "green", "label": "Green", "meaning": "Achieved", "from_percent": 75, "to_percent": 100, "tone": "green" }
    ]
  },
  "plan": {
    "title": "Improvement plan",
    "fields": [
      { "field": "action", "label": "What we will do", "required": true },
      { "field": "lead", "label": "Who leads", "required": true },
      { "field": "target_date", "label": "By when" },
      { "field": "status", "label": "Status" }
    ],
    "propose_from_answers": true
  },
  "sections": [
    { "id": "leadership", "title": "Leadership", "intro": "How social work is led.",
      "questions": [
        { "id": "lead-1", "text": "The Principal Social Worker has time and authority.", "answer": { "type": "rating", "scale": "rag" }, "evidence_prompt": "Records, audits or minutes.", "weight": 2, "theme": "leadership" },
        { "id": "lead-2", "text": "Social work has a voice at board level.", "answer": { "type": "rating", "scale": "rag" }, "evidence_prompt": "Records, audits or minutes.", "theme": "leadership" },
        { "id": "lead-3", "text": "There is a written social work strategy.", "answer": { "type": "yes_no", "yes_points": 1, "no_points": 0 } },
        { "id": "has-amhp", "text": "Does the organisation employ AMHPs?", "answer": { "type": "yes_no" } },
        { "id": "lead-note", "text": "Anything else?", "answer": { "type": "long_text" } }
      ] },
    { "id": "supervision", "title": "Supervision", "intro": "Supervision by a registered social worker.", "aggregate": "lowest_item",
      "questions": [
        { "id": "sup-1", "text": "Supervision happens at least monthly.", "answer": { "type": "rating", "scale": "rag" }, "evidence_prompt": "Records, audits or minutes.", "theme": "supervision" },
        { "id": "sup-2", "text": "Supervision is given by a registered social worker.", "answer": { "type": "rating", "scale": "rag" }, "evidence_prompt": "Records, audits or minutes.", "theme": "supervision", "weight": 3 },
        { "id": "sup-3", "text": "Newly qualified staff are supervised weekly at first.", "answer": { "type": "rating", "scale": "rag" }, "evidence_prompt": "Records, audits or minutes.", "theme": "supervision",
          "shows_when": { "question": "sup-1", "any_of": ["partly", "mostly", "achieved"] } }
      ] },
    { "id": "amhp", "title": "AMHP service", "intro": "Approved Mental Health Professionals.",
      "shows_when": { "question": "has-amhp", "any_of": ["yes"] },
      "questions": [
        { "id": "amhp-1", "text": "AMHP rotas are safe.", "answer": { "type": "rating", "scale": "rag" }, "evidence_prompt": "Records, audits or minutes." }
      ] }
  ]
}"#;

/// A small feedback questionnaire: agreement scale, yes/no, multiple choice and free text.
pub const FEEDBACK: &str = r#"{
  "$schema": "schema.json",
  "id": "mini-feedback",
  "version": "2.0.0",
  "kind": "feedback",
  "title": "Mini feedback",
  "purpose": "Tests.",
  "audience": "People who use services",
  "nation": "england_and_wales",
  "alignment": "Written for tests.",
  "notices": { "anonymity": "No name is asked.", "crisis": "If you need help now, call 999." },
  "scales": {
    "agree": { "options": [
      { "value": "strongly-disagree", "label": "Strongly disagree", "points": 0 },
      { "value": "disagree", "label": "Disagree", "points": 1 },
      { "value": "neutral", "label": "Neither agree nor disagree", "points": 2 },
      { "value": "agree", "label": "Agree", "points": 3, "positive": true },
      { "value": "strongly-agree", "label": "Strongly agree", "points": 4, "positive": true },
      { "value": "na", "label": "Does not apply", "special": "not_applicable" },
      { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" }
    ] }
  },
  "themes": [
    { "id": "leadership", "title": "Professional leadership" },
    { "id": "supervision", "title": "Supervision" },
    { "id": "whole-life", "title": "My whole life" }
  ],
  "sections": [
    { "id": "you", "title": "Your social worker", "intro": "About the help you had.",
      "questions": [
        { "id": "fb-1", "text": "My social worker thought about my whole life.", "easy_read": "Easy words.", "answer": { "type": "rating", "scale": "agree" }, "theme": "whole-life" },
        { "id": "fb-2", "text": "My social worker was reliable.", "easy_read": "Easy words.", "answer": { "type": "rating", "scale": "agree" }, "theme": "leadership" },
        { "id": "fb-3", "text": "Did you get the information you needed?", "easy_read": "Easy words.", "answer": { "type": "single_choice", "options": [
          { "value": "yes", "label": "Yes", "positive": true },
          { "value": "no", "label": "No" },
          { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" }
        ] }, "theme": "whole-life" },
        { "id": "fb-6", "text": "The information was easy to understand.", "easy_read": "Easy words.", "answer": { "type": "rating", "scale": "agree" }, "theme": "whole-life",
          "shows_when": { "question": "fb-3", "any_of": ["yes"] } },
        { "id": "fb-4", "text": "What helped?", "easy_read": "Easy words.", "answer": { "type": "multiple_choice", "options": [
          { "value": "listening", "label": "Being listened to" },
          { "value": "rights", "label": "Help with my rights" },
          { "value": "other-services", "label": "Help with other services" },
          { "value": "pnts", "label": "Prefer not to say", "special": "prefer_not_to_say" }
        ] } },
        { "id": "fb-5", "text": "Anything else you want to tell us?", "easy_read": "Easy words.", "answer": { "type": "long_text" } }
      ] }
  ]
}"#;

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
    let mut item = responses.item(question).cloned().unwrap_or_default();
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
        responses,
    });
    work
}
