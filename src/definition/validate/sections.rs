//! Sections and their questions: ids (V2, V3), a section has questions (V4), ratings and their
//! scales (V5), framework references and themes (V9), weights and text limits (V10), yes/no
//! points (V11), feedback tools (V12), evidence prompts (V13), pre-fills (V15), blank texts
//! (V16), suggested actions (V17), statutory minimums (V24) and retired questions (V25).

use std::collections::BTreeMap;

use super::checker::{At, Checker};
use super::Place;
use super::Rule;
use crate::definition::{AnswerKind, Question, Special, ToolKind};
use crate::frameworks;

impl Checker<'_> {
    pub(super) fn sections(&mut self) {
        let d = self.definition;
        let mut section_ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut question_ids: BTreeMap<&str, &str> = BTreeMap::new();
        let mut index = 0usize;
        for (s, section) in d.sections.iter().enumerate() {
            let at = At::Section(s, section);
            self.id(at.field("id"), "section id", section.id.as_str());
            if let Some(first) = section_ids.insert(section.id.as_str(), s) {
                section_ids.insert(section.id.as_str(), first);
                self.report(
                    Rule::V3,
                    at.field("id"),
                    format!(
                        "the section id `{}` is already used by section number {}",
                        section.id,
                        first + 1
                    ),
                    "give every section its own id",
                );
            }
            self.not_blank(
                Rule::V16,
                at.field("title"),
                "section title",
                &section.title,
            );
            if section.questions.is_empty() {
                self.report(
                    Rule::V4,
                    at.field("questions"),
                    "the section has no questions",
                    "add at least one question, or remove the section",
                );
            }
            for (m, reference) in section.maps_to.iter().enumerate() {
                self.mapping(at.place("maps_to", &["maps_to", &m.to_string()]), reference);
            }
            if let Some(bands) = &section.bands {
                self.bands(at, "bands", &["bands"], bands);
            }
            if let Some(condition) = &section.shows_when {
                self.condition(at, condition, index);
            }
            if let Some(prefill) = &section.prefill_from {
                if d.kind != ToolKind::Statement {
                    self.report(
                        Rule::V15,
                        at.field("prefill_from"),
                        format!(
                            "only strategic statements can pre-fill from an audit, and this definition's \"kind\" is \"{}\"",
                            tool_kind_name(d.kind)
                        ),
                        "remove \"prefill_from\", or set \"kind\" to \"statement\"",
                    );
                }
                if prefill.sections.is_empty() {
                    self.report(
                        Rule::V15,
                        at.field("prefill_from.sections"),
                        "the pre-fill names no audit sections",
                        "list the audit section ids this part of the statement draws on",
                    );
                }
            }
            for (q, question) in section.questions.iter().enumerate() {
                let at = At::Question(s, section, q, question);
                self.id(at.field("id"), "question id", question.id.as_str());
                if let Some(other) = question_ids.insert(question.id.as_str(), section.id.as_str())
                {
                    question_ids.insert(question.id.as_str(), other);
                    let where_ = if other == section.id.as_str() {
                        "earlier in this section".to_owned()
                    } else {
                        format!("in section `{other}`")
                    };
                    self.report(
                        Rule::V3,
                        at.field("id"),
                        format!("the question id `{}` is already used {where_}", question.id),
                        "give every question in the definition its own id; saved answers are kept by id",
                    );
                }
                self.question(at, question, index);
                index += 1;
            }
        }
    }

    fn mapping(&mut self, place: Place, reference: &frameworks::MappingRef) {
        if let Err(error) = frameworks::lookup(reference) {
            self.report(
                Rule::V9,
                place,
                format!("`{reference}` is not in the framework catalogue"),
                error.fix(),
            );
        }
    }

    pub(super) fn question(&mut self, at: At, question: &Question, index: usize) {
        let d = self.definition;
        self.not_blank(Rule::V16, at.field("text"), "question text", &question.text);
        // V5
        match &question.answer {
            AnswerKind::Rating { scale } => {
                if !d.scales.contains_key(scale) {
                    let defined: Vec<&str> = d.scales.keys().map(|k| k.as_str()).collect();
                    self.report(
                        Rule::V5,
                        at.field("answer.scale"),
                        format!("the scale `{scale}` is not defined"),
                        if defined.is_empty() {
                            format!("define `{scale}` under \"scales\"; this definition has no scales yet")
                        } else {
                            format!(
                                "use one of the defined scales ({}), or define `{scale}` under \"scales\"",
                                defined.join(", ")
                            )
                        },
                    );
                }
            }
            AnswerKind::SingleChoice { options } | AnswerKind::MultipleChoice { options } => {
                self.options(at, "answer.options", &["answer", "options"], options);
            }
            AnswerKind::YesNo {
                yes_points,
                no_points,
            } => {
                // V11
                if yes_points.is_some() != no_points.is_some() {
                    let (given, missing) = if yes_points.is_some() {
                        ("yes_points", "no_points")
                    } else {
                        ("no_points", "yes_points")
                    };
                    self.report(
                        Rule::V11,
                        at.field(&format!("answer.{given}")),
                        format!("only \"{given}\" is given, so one answer would score and the other would not"),
                        format!("add \"{missing}\" (it may be 0), or remove \"{given}\" if the question is not scored"),
                    );
                }
            }
            AnswerKind::ShortText { max_length } | AnswerKind::LongText { max_length } => {
                // V10
                let ceiling = if matches!(question.answer, AnswerKind::ShortText { .. }) {
                    crate::definition::SHORT_TEXT_MAX
                } else {
                    crate::definition::LONG_TEXT_MAX
                };
                if let Some(max) = max_length {
                    if *max == 0 || *max > ceiling {
                        self.report(
                            Rule::V10,
                            at.field("answer.max_length"),
                            format!(
                                "the limit of {max} characters is out of range for a {} answer",
                                question.answer.type_name()
                            ),
                            format!("use a limit from 1 to {ceiling}, or leave it out"),
                        );
                    }
                }
            }
            AnswerKind::Date {} => {}
            AnswerKind::Number { .. } => self.number(at, question),
        }
        if question.weight == 0 {
            self.report(
                Rule::V10,
                at.field("weight"),
                "the weight is 0",
                "use a weight of 1 or more; to leave a question out of the score, give its options no points",
            );
        }
        // V9
        if let Some(theme) = &question.theme {
            if d.theme(theme).is_none() {
                let defined: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
                self.report(
                    Rule::V9,
                    at.field("theme"),
                    format!("the theme `{theme}` is not defined"),
                    if defined.is_empty() {
                        format!("define `{theme}` under \"themes\"; this definition has no themes yet")
                    } else {
                        format!(
                            "use one of the defined themes ({}), or define `{theme}` under \"themes\"",
                            defined.join(", ")
                        )
                    },
                );
            }
        }
        for (m, reference) in question.maps_to.iter().enumerate() {
            self.mapping(at.place("maps_to", &["maps_to", &m.to_string()]), reference);
        }
        if let Some(condition) = &question.shows_when {
            self.condition(at, condition, index);
        }
        // V12
        if d.kind == ToolKind::Feedback {
            if question
                .easy_read
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    Rule::V12,
                    at.field("easy_read"),
                    "the question has no easy-read wording, which every feedback question needs",
                    "add \"easy_read\" with a short, plain version of the question",
                );
            }
            if question.required && question.answer.is_free_text() {
                self.report(
                    Rule::V12,
                    at.field("required"),
                    "a feedback questionnaire makes a free-text answer required",
                    "remove \"required\": nobody should have to write anything",
                );
            }
            match &question.answer {
                AnswerKind::YesNo { .. } => self.report(
                    Rule::V12,
                    at.field("answer.type"),
                    "a feedback question cannot be yes/no, because yes/no cannot offer \"Prefer not to say\"",
                    "use \"single_choice\" with options yes, no and one with \"special\": \"prefer_not_to_say\"",
                ),
                AnswerKind::Rating { .. }
                | AnswerKind::SingleChoice { .. }
                | AnswerKind::MultipleChoice { .. } => {
                    let offers = d.options_of(question).is_none_or(|list| {
                        list.options
                            .iter()
                            .any(|o| o.special == Some(Special::PreferNotToSay))
                    });
                    if !offers {
                        let (field, fix) = match &question.answer {
                            AnswerKind::Rating { scale } => (
                                "answer.scale",
                                format!("add an option with \"special\": \"prefer_not_to_say\" to the scale `{scale}`"),
                            ),
                            _ => (
                                "answer.options",
                                "add an option with \"special\": \"prefer_not_to_say\", for example { \"value\": \"prefer-not-to-say\", \"label\": \"Prefer not to say\", \"special\": \"prefer_not_to_say\" }".to_owned(),
                            ),
                        };
                        self.report(
                            Rule::V12,
                            at.field(field),
                            "the question does not offer \"Prefer not to say\", which every feedback question needs",
                            fix,
                        );
                    }
                }
                AnswerKind::ShortText { .. }
                | AnswerKind::LongText { .. }
                | AnswerKind::Date {}
                | AnswerKind::Number { .. } => {}
            }
        }
        // V17
        for problem in crate::definition::suggested_action::problems(d, question) {
            self.report(
                Rule::V17,
                at.field(crate::definition::suggested_action::FIELD),
                problem.message,
                problem.fix,
            );
        }
        // V24
        for problem in crate::definition::statutory::problems(d, question) {
            self.report(
                Rule::V24,
                at.field(problem.field),
                problem.message,
                problem.fix,
            );
        }
        // V13
        if d.kind == ToolKind::Audit
            && d.collect.evidence
            && matches!(question.answer, AnswerKind::Rating { .. })
            && question
                .evidence_prompt
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
        {
            self.report(
                Rule::V13,
                at.field("evidence_prompt"),
                "the rated question has no evidence prompt, and this audit collects evidence",
                "add \"evidence_prompt\" saying what evidence would support the rating",
            );
        }
    }

    // V25
    pub(super) fn retired(&mut self) {
        for problem in crate::definition::retired::problems(self.definition) {
            let index = problem.index.to_string();
            let place = At::Top.place(
                &format!("{}.{}", crate::definition::retired::FIELD, problem.field),
                &[crate::definition::retired::FIELD, &index, problem.field],
            );
            self.report(Rule::V25, place, problem.message, problem.fix);
        }
    }
}

/// How a tool kind is written in a definition, for example `audit`.
fn tool_kind_name(kind: ToolKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
