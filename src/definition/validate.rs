//! The second loading step: checks a parsed [`Definition`] as a whole and reports every problem.
//!
//! Owns: the rules a well-formed definition follows (listed below as V1 to V16) and the wording of
//! each problem: where it is, what is wrong and how to fix it.
//! Must not touch: parsing (see [`super::load`]) or anything about answers.
//!
//! - V1 `$schema` names `schema.json`; metadata (version, title, purpose, audience, alignment) is
//!   filled in.
//! - V2 every id is lower case letters, digits and hyphens.
//! - V3 ids are unique: sections, questions (across the whole definition), options within a list,
//!   themes, bands, scales in use.
//! - V4 a definition has sections, and every section has questions.
//! - V5 a rating names a defined scale; a scale has scored points; every scale option has either
//!   `points` or `special`; every defined scale is used.
//! - V6 a condition names an earlier question that has options, with values that question offers.
//! - V7 a question or section whose condition can never be met is reported (required or not).
//! - V8 bands start at 0, end at 100, and neither overlap nor leave gaps; an audit has bands.
//! - V9 every `maps_to` reference is in the framework catalogue; every `theme` is defined.
//! - V10 weights are at least 1; text limits lie between 1 and the ceiling.
//! - V11 scored yes/no questions give points for both answers.
//! - V12 feedback tools: anonymity and crisis notices, an easy-read wording of every question,
//!   "Prefer not to say" on every choice, no yes/no questions, no required free text.
//! - V13 audits that collect evidence give an evidence prompt on every rated question.
//! - V14 a plan has an `action` field, no field twice, and proposes rows only when scored.
//! - V15 only statements pre-fill, and a pre-fill names at least one section.
//! - V16 labels and question texts are not empty.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{AnswerKind, Band, Condition, Definition, Question, Section, Special, ToolKind};
use crate::frameworks;
use crate::ids::is_well_formed;

/// Where in a definition a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The section's id, when the problem is inside a section.
    pub section: Option<String>,
    /// The question's id, when the problem is inside a question.
    pub question: Option<String>,
    /// The field, for example `answer.scale` or `scoring.bands`.
    pub field: Option<String>,
    /// The line in the file, when known.
    pub line: Option<usize>,
    /// The column in the file, when known.
    pub column: Option<usize>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            match self.column {
                Some(column) => parts.push(format!("line {line}, column {column}")),
                None => parts.push(format!("line {line}")),
            }
        }
        if let Some(section) = &self.section {
            parts.push(format!("section `{section}`"));
        }
        if let Some(question) = &self.question {
            parts.push(format!("question `{question}`"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field `{field}`"));
        }
        if parts.is_empty() {
            f.write_str("the definition as a whole")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// One thing wrong with a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub place: Place,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}. Fix: {}.", self.place, self.message, self.fix)
    }
}

/// Checks the whole definition and returns every problem, in file order. An empty list means the
/// definition is ready to use.
pub fn validate(definition: &Definition) -> Vec<Problem> {
    let mut check = Checker {
        definition,
        problems: Vec::new(),
    };
    check.metadata();
    check.scales();
    check.themes();
    check.scoring();
    check.plan();
    check.sections();
    check.problems
}

struct Checker<'a> {
    definition: &'a Definition,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, place: Place, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem {
            place,
            message: message.into(),
            fix: fix.into(),
        });
    }

    fn top(field: &str) -> Place {
        Place {
            field: Some(field.to_owned()),
            ..Place::default()
        }
    }

    fn in_section(section: &Section, field: &str) -> Place {
        Place {
            section: Some(section.id.to_string()),
            field: Some(field.to_owned()),
            ..Place::default()
        }
    }

    fn in_question(section: &Section, question: &Question, field: &str) -> Place {
        Place {
            section: Some(section.id.to_string()),
            question: Some(question.id.to_string()),
            field: Some(field.to_owned()),
            ..Place::default()
        }
    }

    fn id(&mut self, place: Place, what: &str, id: &str) {
        if !is_well_formed(id) {
            self.report(
                place,
                format!("the {what} id `{id}` is not a valid id"),
                "use 1 to 64 lower-case letters, digits and hyphens, for example `sup-3`",
            );
        }
    }

    fn not_blank(&mut self, place: Place, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(
                place,
                format!("the {what} is empty"),
                format!("write the {what}"),
            );
        }
    }

    // V1, V2, V16
    fn metadata(&mut self) {
        let d = self.definition;
        if !d.schema.ends_with(super::SCHEMA_REFERENCE) {
            self.report(
                Self::top("$schema"),
                format!("`$schema` is `{}`", d.schema),
                "set it to \"schema.json\" (or a path ending in schema.json) so editors can check the file",
            );
        }
        self.id(Self::top("id"), "definition", d.id.as_str());
        for (field, text) in [
            ("version", &d.version),
            ("title", &d.title),
            ("purpose", &d.purpose),
            ("audience", &d.audience),
            ("alignment", &d.alignment),
        ] {
            self.not_blank(Self::top(field), field, text);
        }
        // V4
        if d.sections.is_empty() {
            self.report(
                Self::top("sections"),
                "the definition has no sections",
                "add at least one section with at least one question",
            );
        }
        // V12: notices.
        if d.kind == ToolKind::Feedback {
            if d.notices
                .anonymity
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    Self::top("notices.anonymity"),
                    "a feedback questionnaire has no anonymity statement",
                    "add \"notices\": { \"anonymity\": \"…\" } saying that no name is asked and who sees the answers",
                );
            }
            if d.notices
                .crisis
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    Self::top("notices.crisis"),
                    "a feedback questionnaire has no crisis signpost",
                    "add \"notices\": { \"crisis\": \"…\" } saying where to get help straight away",
                );
            }
        }
    }

    // V2, V3, V5, V16
    fn scales(&mut self) {
        let d = self.definition;
        let used: BTreeSet<&str> = d
            .questions()
            .filter_map(|(_, q)| match &q.answer {
                AnswerKind::Rating { scale } => Some(scale.as_str()),
                _ => None,
            })
            .collect();
        for (id, scale) in &d.scales {
            let field = format!("scales.{id}");
            self.id(Self::top(&field), "scale", id.as_str());
            if !used.contains(id.as_str()) {
                self.report(
                    Self::top(&field),
                    format!("the scale `{id}` is not used by any question"),
                    "remove it, or use it in a rating question with \"answer\": { \"type\": \"rating\", \"scale\": \"…\" }",
                );
            }
            if !scale.options.iter().any(|o| o.points.is_some()) {
                self.report(
                    Self::top(&field),
                    format!("the scale `{id}` has no scored points"),
                    "give each point of the scale \"points\" (for example 0 to 3)",
                );
            }
            for option in &scale.options {
                if option.points.is_some() == option.special.is_some() {
                    self.report(
                        Self::top(&format!("{field}.options.{}", option.value)),
                        format!(
                            "the option `{}` has {}",
                            option.value,
                            if option.points.is_some() { "both \"points\" and \"special\"" } else { "neither \"points\" nor \"special\"" }
                        ),
                        "give a point of the scale \"points\", or mark an option such as \"Not applicable\" with \"special\", not both",
                    );
                }
            }
            self.options(Self::top(&field), &scale.options);
        }
    }

    fn options(&mut self, place: Place, options: &[super::ScaleOption]) {
        if options.is_empty() {
            self.report(
                place.clone(),
                "the list of options is empty",
                "add the options people choose from",
            );
        }
        let mut seen = BTreeSet::new();
        for option in options {
            self.id(place.clone(), "option", option.value.as_str());
            self.not_blank(
                place.clone(),
                &format!("label of option `{}`", option.value),
                &option.label,
            );
            if !seen.insert(option.value.as_str()) {
                self.report(
                    place.clone(),
                    format!("the option value `{}` appears twice", option.value),
                    "give every option in the list its own value",
                );
            }
        }
    }

    // V2, V3
    fn themes(&mut self) {
        let mut seen = BTreeSet::new();
        for theme in &self.definition.themes {
            self.id(Self::top("themes"), "theme", theme.id.as_str());
            self.not_blank(
                Self::top("themes"),
                &format!("title of theme `{}`", theme.id),
                &theme.title,
            );
            if !seen.insert(theme.id.as_str()) {
                self.report(
                    Self::top("themes"),
                    format!("the theme `{}` is defined twice", theme.id),
                    "keep one definition of each theme",
                );
            }
        }
    }

    // V8
    fn scoring(&mut self) {
        let d = self.definition;
        match &d.scoring {
            Some(scoring) => self.bands(Self::top("scoring.bands"), &scoring.bands),
            None if d.kind == ToolKind::Audit => self.report(
                Self::top("scoring"),
                "an audit has no scoring",
                "add \"scoring\": { \"bands\": [ … ] } with bands from 0 to 100 per cent",
            ),
            None => {}
        }
    }

    fn bands(&mut self, place: Place, bands: &[Band]) {
        if bands.is_empty() {
            self.report(
                place,
                "there are no bands",
                "add bands that run from 0 to 100 per cent",
            );
            return;
        }
        let mut ids = BTreeSet::new();
        for band in bands {
            self.id(place.clone(), "band", band.id.as_str());
            if !ids.insert(band.id.as_str()) {
                self.report(
                    place.clone(),
                    format!("the band `{}` appears twice", band.id),
                    "give every band its own id",
                );
            }
            if band.from_percent >= band.to_percent || band.to_percent > 100 {
                self.report(
                    place.clone(),
                    format!(
                        "the band `{}` runs from {} to {}",
                        band.id, band.from_percent, band.to_percent
                    ),
                    "make \"from_percent\" smaller than \"to_percent\", and \"to_percent\" at most 100",
                );
            }
        }
        let mut sorted: Vec<&Band> = bands.iter().collect();
        sorted.sort_by_key(|b| (b.from_percent, b.to_percent));
        if sorted[0].from_percent != 0 {
            self.report(
                place.clone(),
                format!("no band covers 0 to {} per cent", sorted[0].from_percent),
                "start the lowest band at \"from_percent\": 0",
            );
        }
        let last = sorted[sorted.len() - 1];
        if last.to_percent != 100 {
            self.report(
                place.clone(),
                format!("no band covers {} to 100 per cent", last.to_percent),
                "end the highest band at \"to_percent\": 100",
            );
        }
        for pair in sorted.windows(2) {
            let (low, high) = (pair[0], pair[1]);
            if high.from_percent > low.to_percent {
                self.report(
                    place.clone(),
                    format!(
                        "the bands leave a gap from {} to {} per cent, between `{}` and `{}`",
                        low.to_percent, high.from_percent, low.id, high.id
                    ),
                    format!("start `{}` at {}", high.id, low.to_percent),
                );
            } else if high.from_percent < low.to_percent {
                self.report(
                    place.clone(),
                    format!(
                        "the bands `{}` and `{}` overlap from {} to {} per cent",
                        low.id, high.id, high.from_percent, low.to_percent
                    ),
                    format!(
                        "start `{}` at {}, where `{}` ends",
                        high.id, low.to_percent, low.id
                    ),
                );
            }
        }
    }

    // V14
    fn plan(&mut self) {
        let d = self.definition;
        let Some(plan) = &d.plan else { return };
        self.not_blank(Self::top("plan.title"), "plan title", &plan.title);
        let mut seen = BTreeSet::new();
        for field in &plan.fields {
            if !seen.insert(field.field) {
                self.report(
                    Self::top("plan.fields"),
                    format!("the plan field `{:?}` appears twice", field.field).to_lowercase(),
                    "list each field once",
                );
            }
            self.not_blank(Self::top("plan.fields"), "plan field label", &field.label);
        }
        if !seen.contains(&super::PlanFieldKind::Action) {
            self.report(
                Self::top("plan.fields"),
                "the plan has no `action` field",
                "add { \"field\": \"action\", \"label\": \"What we will do\", \"required\": true }",
            );
        }
        if plan.propose_from_answers && d.scoring.is_none() {
            self.report(
                Self::top("plan.propose_from_answers"),
                "the plan proposes rows from answers, but the definition has no scoring",
                "add \"scoring\" with bands, or set \"propose_from_answers\" to false",
            );
        }
    }

    fn sections(&mut self) {
        let d = self.definition;
        let mut section_ids = BTreeSet::new();
        let mut question_ids: BTreeMap<&str, &str> = BTreeMap::new();
        let positions: BTreeMap<&str, usize> = d
            .questions()
            .enumerate()
            .map(|(index, (_, q))| (q.id.as_str(), index))
            .collect();
        let mut index = 0usize;
        for section in &d.sections {
            self.id(
                Self::in_section(section, "id"),
                "section",
                section.id.as_str(),
            );
            if !section_ids.insert(section.id.as_str()) {
                self.report(
                    Self::in_section(section, "id"),
                    format!("the section id `{}` is used twice", section.id),
                    "give every section its own id",
                );
            }
            self.not_blank(
                Self::in_section(section, "title"),
                "section title",
                &section.title,
            );
            if section.questions.is_empty() {
                self.report(
                    Self::in_section(section, "questions"),
                    "the section has no questions",
                    "add at least one question, or remove the section",
                );
            }
            for reference in &section.maps_to {
                self.mapping(Self::in_section(section, "maps_to"), reference);
            }
            if let Some(bands) = &section.bands {
                self.bands(Self::in_section(section, "bands"), bands);
            }
            if let Some(condition) = &section.shows_when {
                let first = section.questions.first().map(|q| q.id.as_str());
                let before = positions.get(first.unwrap_or("")).copied().unwrap_or(index);
                self.condition(Self::in_section(section, "shows_when"), condition, before);
            }
            if let Some(prefill) = &section.prefill_from {
                if d.kind != ToolKind::Statement {
                    self.report(
                        Self::in_section(section, "prefill_from"),
                        "only strategic statements can pre-fill from an audit",
                        "remove \"prefill_from\", or set \"kind\" to \"statement\"",
                    );
                }
                if prefill.sections.is_empty() {
                    self.report(
                        Self::in_section(section, "prefill_from.sections"),
                        "the pre-fill names no audit sections",
                        "list the audit section ids this part of the statement draws on",
                    );
                }
            }
            for question in &section.questions {
                self.id(
                    Self::in_question(section, question, "id"),
                    "question",
                    question.id.as_str(),
                );
                if let Some(other) = question_ids.insert(question.id.as_str(), section.id.as_str())
                {
                    self.report(
                        Self::in_question(section, question, "id"),
                        format!(
                            "the question id `{}` is already used in section `{other}`",
                            question.id
                        ),
                        "give every question in the definition its own id",
                    );
                }
                self.question(section, question, index);
                index += 1;
            }
        }
        self.reachability();
    }

    fn mapping(&mut self, place: Place, reference: &frameworks::MappingRef) {
        if let Err(error) = frameworks::lookup(reference) {
            self.report(
                place,
                format!("`{reference}` is not in the framework catalogue"),
                error.fix(),
            );
        }
    }

    fn question(&mut self, section: &Section, question: &Question, index: usize) {
        let d = self.definition;
        let at = |field: &str| Self::in_question(section, question, field);
        self.not_blank(at("text"), "question text", &question.text);
        // V5
        match &question.answer {
            AnswerKind::Rating { scale } => {
                if !d.scales.contains_key(scale) {
                    let defined: Vec<&str> = d.scales.keys().map(|k| k.as_str()).collect();
                    self.report(
                        at("answer.scale"),
                        format!("scale `{scale}` is not defined"),
                        if defined.is_empty() {
                            "define it under \"scales\"".to_owned()
                        } else {
                            format!("defined scales are: {}", defined.join(", "))
                        },
                    );
                }
            }
            AnswerKind::SingleChoice { options } | AnswerKind::MultipleChoice { options } => {
                self.options(at("answer.options"), options);
            }
            AnswerKind::YesNo {
                yes_points,
                no_points,
            } => {
                // V11
                if yes_points.is_some() != no_points.is_some() {
                    self.report(
                        at("answer"),
                        "only one of \"yes_points\" and \"no_points\" is given",
                        "give points for both answers, or for neither",
                    );
                }
            }
            AnswerKind::ShortText { max_length } | AnswerKind::LongText { max_length } => {
                // V10
                let ceiling = if matches!(question.answer, AnswerKind::ShortText { .. }) {
                    super::SHORT_TEXT_MAX
                } else {
                    super::LONG_TEXT_MAX
                };
                if let Some(max) = max_length {
                    if *max == 0 || *max > ceiling {
                        self.report(
                            at("answer.max_length"),
                            format!("the limit of {max} characters is out of range"),
                            format!("use a limit from 1 to {ceiling}, or leave it out"),
                        );
                    }
                }
            }
            AnswerKind::Date {} => {}
        }
        if question.weight == 0 {
            self.report(
                at("weight"),
                "the weight is 0",
                "use a weight of 1 or more; to leave a question out of the score, give its options no points",
            );
        }
        // V9
        if let Some(theme) = &question.theme {
            if d.theme(theme.as_str()).is_none() {
                let defined: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
                self.report(
                    at("theme"),
                    format!("theme `{theme}` is not defined"),
                    if defined.is_empty() {
                        "define it under \"themes\"".to_owned()
                    } else {
                        format!("defined themes are: {}", defined.join(", "))
                    },
                );
            }
        }
        for reference in &question.maps_to {
            self.mapping(at("maps_to"), reference);
        }
        if let Some(condition) = &question.shows_when {
            self.condition(at("shows_when"), condition, index);
        }
        // V12
        if d.kind == ToolKind::Feedback {
            if question
                .easy_read
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    at("easy_read"),
                    "the question has no easy-read wording",
                    "add \"easy_read\" with a short, plain version of the question",
                );
            }
            if question.required && question.answer.is_free_text() {
                self.report(
                    at("required"),
                    "a feedback questionnaire makes a free-text answer required",
                    "remove \"required\": nobody should have to write anything",
                );
            }
            match &question.answer {
                AnswerKind::YesNo { .. } => self.report(
                    at("answer"),
                    "yes/no questions cannot offer \"Prefer not to say\"",
                    "use \"single_choice\" with yes, no and a \"prefer_not_to_say\" option",
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
                        self.report(
                            at("answer"),
                            "the question does not offer \"Prefer not to say\"",
                            "add an option with \"special\": \"prefer_not_to_say\" (to the scale, for ratings)",
                        );
                    }
                }
                _ => {}
            }
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
                at("evidence_prompt"),
                "the rated question has no evidence prompt",
                "add \"evidence_prompt\" saying what evidence would support the rating",
            );
        }
    }

    // V6
    fn condition(&mut self, place: Place, condition: &Condition, before_index: usize) {
        let d = self.definition;
        let target = d
            .questions()
            .enumerate()
            .find(|(_, (_, q))| q.id == condition.question);
        let Some((target_index, (_, target))) = target else {
            self.report(
                place,
                format!(
                    "the condition names question `{}`, which does not exist",
                    condition.question
                ),
                "name the id of an earlier question in this definition",
            );
            return;
        };
        if target_index >= before_index {
            self.report(
                place.clone(),
                format!(
                    "the condition names question `{}`, which does not come before it",
                    condition.question
                ),
                "a condition can only depend on an earlier question; move one of them",
            );
        }
        let Some(options) = d.options_of(target) else {
            self.report(
                place,
                format!(
                    "the condition names question `{}`, a {} question with no options to match",
                    condition.question,
                    target.answer.type_name()
                ),
                "depend on a rating, choice or yes/no question",
            );
            return;
        };
        if condition.any_of.is_empty() {
            self.report(
                place.clone(),
                "the condition lists no values",
                "list at least one value in \"any_of\"",
            );
        }
        for value in &condition.any_of {
            if options.find(value.as_str()).is_none() {
                let offered: Vec<&str> = options.options.iter().map(|o| o.value.as_str()).collect();
                self.report(
                    place.clone(),
                    format!("question `{}` has no option `{value}`", condition.question),
                    format!("its options are: {}", offered.join(", ")),
                );
            }
        }
    }

    // V7
    fn reachability(&mut self) {
        let d = self.definition;
        for section in &d.sections {
            if !can_show_section(d, section, 0) {
                self.report(
                    Self::in_section(section, "shows_when"),
                    "the section can never be shown: its condition can never be met",
                    "check the condition's question and values, and the conditions they depend on",
                );
                continue;
            }
            for question in &section.questions {
                if !can_show_question(d, question, 0) {
                    let message = if question.required {
                        "the question is required but hidden by a condition that can never be met"
                    } else {
                        "the question can never be shown: its condition can never be met"
                    };
                    self.report(
                        Self::in_question(section, question, "shows_when"),
                        message,
                        "check the condition's question and values, and the conditions they depend on",
                    );
                }
            }
        }
    }
}

/// The deepest chain of conditions followed before giving up (a cycle counts as never met).
const MAX_DEPTH: usize = 64;

fn can_meet(definition: &Definition, condition: &Condition, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let Some(target) = definition.question(condition.question.as_str()) else {
        return false;
    };
    let offers_a_value = definition.options_of(target).is_some_and(|options| {
        condition
            .any_of
            .iter()
            .any(|value| options.find(value.as_str()).is_some())
    });
    offers_a_value && can_show_question(definition, target, depth + 1)
}

fn can_show_question(definition: &Definition, question: &Question, depth: usize) -> bool {
    let section = definition
        .sections
        .iter()
        .find(|s| s.questions.iter().any(|q| q.id == question.id));
    let section_ok = section.is_none_or(|s| can_show_section(definition, s, depth + 1));
    section_ok
        && question
            .shows_when
            .as_ref()
            .is_none_or(|c| can_meet(definition, c, depth + 1))
}

fn can_show_section(definition: &Definition, section: &Section, depth: usize) -> bool {
    section
        .shows_when
        .as_ref()
        .is_none_or(|c| can_meet(definition, c, depth + 1))
}
