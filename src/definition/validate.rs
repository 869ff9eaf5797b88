//! The second loading step: checks a parsed [`Definition`] as a whole and reports every problem.
//!
//! Owns: the rules a well-formed definition follows (listed below as V1 to V25; the language rules
//! V18 to V21 are in [`super::languages`](mod@super::languages)) and the wording of each problem:
//! where it is, what is wrong and how to fix it.
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
//! - V7 a question or section whose condition can never be met, because the question it depends on
//!   can never be shown (a chain ending in an impossible condition, or a circle), is reported
//!   (required or not). Conditions that are wrong in themselves are reported once, by V6.
//! - V8 bands start at 0, end at 100, and neither overlap nor leave gaps; an audit has bands.
//! - V9 every `maps_to` reference is in the framework catalogue; every `theme` is defined.
//! - V10 weights are at least 1; text limits lie between 1 and the ceiling.
//! - V11 scored yes/no questions give points for both answers.
//! - V12 feedback tools: anonymity and crisis notices, an easy-read wording of every question,
//!   "Prefer not to say" on every choice, no yes/no questions, no required free text.
//! - V13 audits that collect evidence give an evidence prompt on every rated question.
//! - V14 a plan has an `action` field, no field twice, and proposes rows only when scored.
//! - V15 only statements pre-fill, and a pre-fill names at least one section.
//! - V16 labels and question texts are not empty (in the primary language).
//! - V17 a suggested action is not blank, is short, and sits on a scored question of a
//!   definition whose plan proposes rows (the rule and its wording are in
//!   [`super::suggested_action`]).
//! - V18 to V21, the language rules, are checked on the document as written by
//!   [`super::languages`](mod@super::languages): V18 `languages` lists at least one language,
//!   each once; V19 every text is given in every declared language; V20 a text names only
//!   declared languages; V21 no translation is empty.
//! - V22 an easy-read notice (`notices.easy_read.crisis`, …) is not empty and stands for a
//!   notice that is given: it replaces that notice for a person who chooses easy-read words.
//! - V23 a number question is in an audit; its `min` is at most its `max`, both of at most 15
//!   digits; it allows at most 4 decimal places; a `per` names another number question of
//!   the definition that is not itself compared `per` anything and takes no value below 0.
//! - V24 a statutory minimum sits on a rated question whose scale marks the options that meet
//!   it `positive` (the rule and its wording are in [`super::statutory`]).
//! - V25 retired questions are not current questions, are listed once, keep their text, and are
//!   carried only to a current question (the rule and its wording are in [`super::retired`]).
//!
//! Every problem carries a JSON Pointer to the value it is about, so the loader can give its line.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{
    AnswerKind, Band, Condition, Definition, Notice, PlanFieldKind, Question, ScaleOption, Section,
    Special, ToolKind,
};
use crate::frameworks;
use crate::ids::is_well_formed;

/// Where in a definition a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The section's id, when the problem is inside a section (`number 2` when it has none).
    pub section: Option<String>,
    /// The question's id, when the problem is inside a question (`number 2` when it has none).
    pub question: Option<String>,
    /// The field, for example `answer.scale` or `scoring.bands`.
    pub field: Option<String>,
    /// The line in the file, when known.
    pub line: Option<usize>,
    /// The column in the file, when known (for invalid JSON).
    pub column: Option<usize>,
    /// A JSON Pointer (RFC 6901) to the value the problem is about, for example
    /// `/sections/1/questions/0/answer/scale`; empty for the definition as a whole. It may point
    /// to something missing; the loader then places the problem at what would hold it. Not shown.
    pub pointer: String,
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
        let named = |what: &str, id: &str| {
            if id.starts_with("number ") {
                format!("{what} {id}")
            } else {
                format!("{what} `{id}`")
            }
        };
        if let Some(section) = &self.section {
            parts.push(named("section", section));
        }
        if let Some(question) = &self.question {
            parts.push(named("question", question));
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

/// Checks the whole definition and returns every problem. An empty list means the definition is
/// ready to use.
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
    check.reachability();
    check.retired();
    check.problems
}

/// Builds a JSON Pointer from segments.
fn pointer(segments: &[&str]) -> String {
    segments
        .iter()
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// Where a problem is: the definition's top level, a section or a question, with the field named
/// for people and the pointer's segments below the section or question.
#[derive(Clone, Copy)]
enum At<'d> {
    Top,
    Section(usize, &'d Section),
    Question(usize, &'d Section, usize, &'d Question),
}

impl At<'_> {
    /// The place of `field` (as people read it) at `path` (pointer segments below this level).
    fn place(self, field: &str, path: &[&str]) -> Place {
        let (section, question, base) = match self {
            At::Top => (None, None, String::new()),
            At::Section(s, section) => (
                Some(section.id.to_string()),
                None,
                pointer(&["sections", &s.to_string()]),
            ),
            At::Question(s, section, q, question) => (
                Some(section.id.to_string()),
                Some(question.id.to_string()),
                pointer(&["sections", &s.to_string(), "questions", &q.to_string()]),
            ),
        };
        Place {
            section,
            question,
            field: (!field.is_empty()).then(|| field.to_owned()),
            pointer: base + &pointer(path),
            ..Place::default()
        }
    }

    fn field(self, field: &str) -> Place {
        let path: Vec<&str> = field.split('.').collect();
        self.place(field, &path)
    }
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

    fn id(&mut self, place: Place, what: &str, id: &str) {
        if !is_well_formed(id) {
            let suggestion: String = id
                .trim()
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .split('-')
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            let example = if is_well_formed(&suggestion) {
                format!("for example `{suggestion}`")
            } else {
                "for example `sup-3`".to_owned()
            };
            self.report(
                place,
                format!("the {what} `{id}` is not valid"),
                format!("use 1 to 64 lower-case letters, digits and hyphens, {example}"),
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

    // V1, V2, V4, V12, V16, V22
    fn metadata(&mut self) {
        let d = self.definition;
        let schema = d.schema.as_str();
        if schema != super::SCHEMA_REFERENCE
            && !schema.ends_with(&format!("/{}", super::SCHEMA_REFERENCE))
        {
            self.report(
                At::Top.field("$schema"),
                format!("`$schema` is `{schema}`, which does not name schema.json"),
                "set it to \"schema.json\" (or a path ending in /schema.json) so editors can check the file",
            );
        }
        self.id(At::Top.field("id"), "definition id", d.id.as_str());
        for (field, text) in [
            ("version", d.version.as_str()),
            ("title", d.title.as_str()),
            ("purpose", d.purpose.as_str()),
            ("audience", d.audience.as_str()),
            ("alignment", d.alignment.as_str()),
        ] {
            self.not_blank(At::Top.field(field), field, text);
        }
        if d.sections.is_empty() {
            self.report(
                At::Top.field("sections"),
                "the definition has no sections",
                "add at least one section with at least one question",
            );
        }
        if d.kind == ToolKind::Feedback {
            if d.notices
                .anonymity
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    At::Top.field("notices.anonymity"),
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
                    At::Top.field("notices.crisis"),
                    "a feedback questionnaire has no crisis signpost",
                    "add \"notices\": { \"crisis\": \"…\" } saying where to get help straight away",
                );
            }
        }
        // V22
        for notice in Notice::ALL {
            let Some(easy) = d.notices.easy_read.get(notice) else {
                continue;
            };
            let name = notice.field();
            let place = At::Top.field(&format!("notices.easy_read.{name}"));
            if easy.trim().is_empty() {
                self.report(
                    place.clone(),
                    format!("the easy-read {} notice is empty", name.replace('_', "-")),
                    "write it in short, plain words, or remove it",
                );
            }
            if d.notices.get(notice).is_none() {
                self.report(
                    place,
                    format!(
                        "an easy-read wording is given for the {} notice, which the definition does not have",
                        name.replace('_', "-")
                    ),
                    format!(
                        "add the standard wording as \"notices\": {{ \"{name}\": \"…\" }}, or remove the easy-read one"
                    ),
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
            let at = |rest: &[&str]| {
                let mut path = vec!["scales", id.as_str()];
                path.extend_from_slice(rest);
                At::Top.place(&field, &path)
            };
            self.id(at(&[]), "scale id", id.as_str());
            // With no questions at all, "no sections" or "no questions" is the problem to fix.
            if !used.contains(id.as_str()) && d.questions().next().is_some() {
                self.report(
                    at(&[]),
                    format!("the scale `{id}` is not used by any question"),
                    format!("remove it, or use it in a rating question: \"answer\": {{ \"type\": \"rating\", \"scale\": \"{id}\" }}"),
                );
            }
            if !scale.options.is_empty() && !scale.options.iter().any(|o| o.points.is_some()) {
                self.report(
                    at(&["options"]),
                    format!("the scale `{id}` has no scored points: every option is special"),
                    "give each point of the scale \"points\" (for example 0 to 3), lowest first",
                );
            }
            for (index, option) in scale.options.iter().enumerate() {
                if option.points.is_some() == option.special.is_some() {
                    let index = index.to_string();
                    let place = At::Top.place(
                        &format!("{field}.options.{}", option.value),
                        &["scales", id.as_str(), "options", &index],
                    );
                    let (message, fix) = if option.points.is_some() {
                        (
                            format!("the option `{}` has both \"points\" and \"special\"", option.value),
                            "remove \"points\" if the option is not a point on the scale (such as \"Not applicable\"), otherwise remove \"special\"",
                        )
                    } else {
                        (
                            format!("the option `{}` has neither \"points\" nor \"special\"", option.value),
                            "give a point of the scale \"points\", or mark an option such as \"Not applicable\" with \"special\": \"not_applicable\"",
                        )
                    };
                    self.report(place, message, fix);
                }
            }
            self.options(
                At::Top,
                &format!("{field}.options"),
                &["scales", id.as_str(), "options"],
                &scale.options,
            );
        }
    }

    /// Checks a list of options; `field` names it for people and `path` is its pointer below `at`.
    fn options(&mut self, at: At, field: &str, path: &[&str], options: &[ScaleOption]) {
        if options.is_empty() {
            self.report(
                at.place(field, path),
                "the list of options is empty",
                "add the options people choose from",
            );
        }
        let mut seen = BTreeSet::new();
        for (index, option) in options.iter().enumerate() {
            let index = index.to_string();
            let item = |key: &str| {
                let mut full = path.to_vec();
                full.push(&index);
                full.push(key);
                at.place(&format!("{field}.{}", option.value), &full)
            };
            self.id(item("value"), "option value", option.value.as_str());
            self.not_blank(item("label"), "label", &option.label);
            if !seen.insert(option.value.as_str()) {
                self.report(
                    item("value"),
                    format!(
                        "the option value `{}` appears twice in the list",
                        option.value
                    ),
                    "give every option in the list its own value",
                );
            }
        }
    }

    // V2, V3, V16
    fn themes(&mut self) {
        let mut seen = BTreeSet::new();
        for (index, theme) in self.definition.themes.iter().enumerate() {
            let index = index.to_string();
            let field = format!("themes.{}", theme.id);
            let place = |key: &str| At::Top.place(&field, &["themes", &index, key]);
            self.id(place("id"), "theme id", theme.id.as_str());
            self.not_blank(place("title"), "theme title", &theme.title);
            if !seen.insert(theme.id.as_str()) {
                self.report(
                    place("id"),
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
            Some(scoring) => self.bands(
                At::Top,
                "scoring.bands",
                &["scoring", "bands"],
                &scoring.bands,
            ),
            None if d.kind == ToolKind::Audit => self.report(
                At::Top.field("scoring"),
                "an audit has no scoring",
                "add \"scoring\": { \"bands\": [ … ] } with bands from 0 to 100 per cent",
            ),
            None => {}
        }
    }

    fn bands(&mut self, at: At, field: &str, path: &[&str], bands: &[Band]) {
        if bands.is_empty() {
            self.report(
                at.place(field, path),
                "there are no bands",
                "add bands that run from 0 to 100 per cent",
            );
            return;
        }
        let key_of = |band: &Band, key: &str| {
            let index = bands
                .iter()
                .position(|b| std::ptr::eq(b, band))
                .unwrap_or(0)
                .to_string();
            let mut full = path.to_vec();
            full.push(&index);
            full.push(key);
            at.place(field, &full)
        };
        let mut ids = BTreeSet::new();
        let mut well_formed = true;
        for band in bands {
            self.id(key_of(band, "id"), "band id", band.id.as_str());
            self.not_blank(
                key_of(band, "label"),
                &format!("label of band `{}`", band.id),
                &band.label,
            );
            if !ids.insert(band.id.as_str()) {
                self.report(
                    key_of(band, "id"),
                    format!("the band `{}` appears twice", band.id),
                    "give every band its own id",
                );
            }
            if band.from_percent >= band.to_percent || band.to_percent > 100 {
                well_formed = false;
                self.report(
                    key_of(band, "from_percent"),
                    format!(
                        "the band `{}` runs from {} to {} per cent",
                        band.id, band.from_percent, band.to_percent
                    ),
                    "make \"from_percent\" smaller than \"to_percent\", and \"to_percent\" at most 100",
                );
            }
        }
        // Gaps and overlaps between bands mean little until every band runs the right way.
        if !well_formed {
            return;
        }
        let mut sorted: Vec<&Band> = bands.iter().collect();
        sorted.sort_by_key(|b| (b.from_percent, b.to_percent));
        let first = sorted[0];
        if first.from_percent != 0 {
            self.report(
                key_of(first, "from_percent"),
                format!(
                    "no band covers 0 to {} per cent: the lowest band, `{}`, starts at {}",
                    first.from_percent, first.id, first.from_percent
                ),
                format!("start `{}` at \"from_percent\": 0", first.id),
            );
        }
        let top = sorted
            .iter()
            .max_by_key(|b| b.to_percent)
            .copied()
            .unwrap_or(first);
        if top.to_percent < 100 {
            self.report(
                key_of(top, "to_percent"),
                format!(
                    "no band covers {} to 100 per cent: the highest band, `{}`, ends at {}",
                    top.to_percent, top.id, top.to_percent
                ),
                format!("end `{}` at \"to_percent\": 100", top.id),
            );
        }
        for pair in sorted.windows(2) {
            let (low, high) = (pair[0], pair[1]);
            if high.from_percent > low.to_percent {
                self.report(
                    key_of(high, "from_percent"),
                    format!(
                        "the bands leave a gap from {} to {} per cent, between `{}` and `{}`",
                        low.to_percent, high.from_percent, low.id, high.id
                    ),
                    format!(
                        "start `{}` at {}, where `{}` ends (or end `{}` at {})",
                        high.id, low.to_percent, low.id, low.id, high.from_percent
                    ),
                );
            } else if high.from_percent < low.to_percent {
                self.report(
                    key_of(high, "from_percent"),
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
        self.not_blank(At::Top.field("plan.title"), "plan title", &plan.title);
        let mut seen = BTreeSet::new();
        for (index, field) in plan.fields.iter().enumerate() {
            let name = plan_field_name(field.field);
            let index = index.to_string();
            let place = |key: &str| {
                At::Top.place(
                    &format!("plan.fields.{name}"),
                    &["plan", "fields", &index, key],
                )
            };
            if !seen.insert(field.field) {
                self.report(
                    place("field"),
                    format!("the plan field `{name}` appears twice"),
                    "list each field once",
                );
            }
            self.not_blank(place("label"), "label", &field.label);
        }
        if !seen.contains(&PlanFieldKind::Action) {
            self.report(
                At::Top.field("plan.fields"),
                "the plan has no `action` field",
                "add { \"field\": \"action\", \"label\": \"What we will do\", \"required\": true }",
            );
        }
        if plan.propose_from_answers && d.scoring.is_none() {
            self.report(
                At::Top.field("plan.propose_from_answers"),
                "the plan proposes rows from answers, but the definition has no scoring",
                "add \"scoring\" with bands, or set \"propose_from_answers\" to false",
            );
        }
    }

    fn sections(&mut self) {
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
                    at.field("id"),
                    format!(
                        "the section id `{}` is already used by section number {}",
                        section.id,
                        first + 1
                    ),
                    "give every section its own id",
                );
            }
            self.not_blank(at.field("title"), "section title", &section.title);
            if section.questions.is_empty() {
                self.report(
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
                place,
                format!("`{reference}` is not in the framework catalogue"),
                error.fix(),
            );
        }
    }

    fn question(&mut self, at: At, question: &Question, index: usize) {
        let d = self.definition;
        self.not_blank(at.field("text"), "question text", &question.text);
        // V5
        match &question.answer {
            AnswerKind::Rating { scale } => {
                if !d.scales.contains_key(scale) {
                    let defined: Vec<&str> = d.scales.keys().map(|k| k.as_str()).collect();
                    self.report(
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
                        at.field(&format!("answer.{given}")),
                        format!("only \"{given}\" is given, so one answer would score and the other would not"),
                        format!("add \"{missing}\" (it may be 0), or remove \"{given}\" if the question is not scored"),
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
                at.field("weight"),
                "the weight is 0",
                "use a weight of 1 or more; to leave a question out of the score, give its options no points",
            );
        }
        // V9
        if let Some(theme) = &question.theme {
            if d.theme(theme.as_str()).is_none() {
                let defined: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
                self.report(
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
                    at.field("easy_read"),
                    "the question has no easy-read wording, which every feedback question needs",
                    "add \"easy_read\" with a short, plain version of the question",
                );
            }
            if question.required && question.answer.is_free_text() {
                self.report(
                    at.field("required"),
                    "a feedback questionnaire makes a free-text answer required",
                    "remove \"required\": nobody should have to write anything",
                );
            }
            match &question.answer {
                AnswerKind::YesNo { .. } => self.report(
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
        for problem in super::suggested_action::problems(d, question) {
            self.report(
                at.field(super::suggested_action::FIELD),
                problem.message,
                problem.fix,
            );
        }
        // V24
        for problem in super::statutory::problems(d, question) {
            self.report(at.field(problem.field), problem.message, problem.fix);
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
                at.field("evidence_prompt"),
                "the rated question has no evidence prompt, and this audit collects evidence",
                "add \"evidence_prompt\" saying what evidence would support the rating",
            );
        }
    }

    // V23
    fn number(&mut self, at: At, question: &Question) {
        let d = self.definition;
        let AnswerKind::Number {
            min,
            max,
            decimals,
            per,
            ..
        } = &question.answer
        else {
            return;
        };
        if d.kind != ToolKind::Audit {
            self.report(
                at.field("answer.type"),
                format!(
                    "a number question is only for audits, and this is a {} tool",
                    d.kind.name()
                ),
                "ask for the figure in an audit, or use \"short_text\" here",
            );
        }
        let limit = 10i64.pow(crate::number::MAX_DIGITS as u32) - 1;
        for (field, value) in [("answer.min", *min), ("answer.max", *max)] {
            if value.abs() > limit {
                self.report(
                    at.field(field),
                    format!("{value} has more than {} digits", crate::number::MAX_DIGITS),
                    format!("use a value from -{limit} to {limit}"),
                );
            }
        }
        if min > max {
            self.report(
                at.field("answer.max"),
                format!("the maximum {max} is below the minimum {min}, so no answer would fit"),
                format!("make \"max\" {min} or more, or lower \"min\""),
            );
        }
        if *decimals > crate::number::MAX_DECIMALS {
            self.report(
                at.field("answer.decimals"),
                format!("{decimals} decimal places is more than a figure needs"),
                format!(
                    "use from 0 (whole numbers) to {} decimal places",
                    crate::number::MAX_DECIMALS
                ),
            );
        }
        let Some(per) = per else { return };
        let named = per.question();
        let field = "answer.per.question";
        match d.question(named.as_str()) {
            None => {
                let numbers: Vec<&str> = d
                    .questions()
                    .filter(|(_, q)| {
                        q.id != question.id && matches!(q.answer, AnswerKind::Number { .. })
                    })
                    .map(|(_, q)| q.id.as_str())
                    .collect();
                self.report(
                    at.field(field),
                    format!("the question `{named}` is not in this definition"),
                    if numbers.is_empty() {
                        "name a number question of this definition, or leave \"per\" out".to_owned()
                    } else {
                        format!(
                            "name one of its number questions ({}), or leave \"per\" out",
                            numbers.join(", ")
                        )
                    },
                );
            }
            Some(divisor) if divisor.id == question.id => self.report(
                at.field(field),
                "the question names itself, so it would be divided by itself",
                "name the question that gives the social work FTE or the population",
            ),
            Some(divisor) => match &divisor.answer {
                AnswerKind::Number { min, per: None, .. } if *min >= 0 => {}
                AnswerKind::Number { per: Some(_), .. } => self.report(
                    at.field(field),
                    format!(
                        "`{named}` is itself compared per something, so it cannot be a divisor"
                    ),
                    format!("leave \"per\" out of `{named}`, or name another question"),
                ),
                AnswerKind::Number { .. } => self.report(
                    at.field(field),
                    format!(
                        "`{named}` accepts numbers below 0, which cannot be a size to divide by"
                    ),
                    format!("give `{named}` a \"min\" of 0 or more"),
                ),
                other => self.report(
                    at.field(field),
                    format!(
                        "`{named}` is a {} question, not a number",
                        other.type_name()
                    ),
                    "name a number question giving the social work FTE or the population",
                ),
            },
        }
    }

    // V25
    fn retired(&mut self) {
        for problem in super::retired::problems(self.definition) {
            let index = problem.index.to_string();
            let place = At::Top.place(
                &format!("{}.{}", super::retired::FIELD, problem.field),
                &[super::retired::FIELD, &index, problem.field],
            );
            self.report(place, problem.message, problem.fix);
        }
    }

    // V6, for a condition and each of its alternatives (`or`), which have none of their own.
    fn condition(&mut self, at: At, condition: &Condition, before_index: usize) {
        self.one_condition(at, "shows_when", condition, before_index);
        for (i, alternative) in condition.or.iter().enumerate() {
            let field = format!("shows_when.or.{i}");
            if !alternative.or.is_empty() {
                self.report(
                    at.field(&format!("{field}.or")),
                    "an alternative has alternatives of its own",
                    "list every alternative in the first condition's \"or\"",
                );
            }
            self.one_condition(at, &field, alternative, before_index);
        }
    }

    // V6: one question and its values, written at `field` (`shows_when`, `shows_when.or.0`).
    fn one_condition(&mut self, at: At, field: &str, condition: &Condition, before_index: usize) {
        let d = self.definition;
        let place = |key: &str| at.field(&format!("{field}.{key}"));
        let target = d
            .questions()
            .enumerate()
            .find(|(_, (_, q))| q.id == condition.question);
        let Some((target_index, (_, target))) = target else {
            self.report(
                place("question"),
                format!(
                    "the condition names question `{}`, which does not exist",
                    condition.question
                ),
                "name the id of an earlier question in this definition (ids are case-sensitive)",
            );
            return;
        };
        let own = match at {
            At::Question(_, _, _, question) => question.id == condition.question,
            _ => false,
        };
        if own {
            self.report(
                place("question"),
                "the condition names the question itself",
                "a condition can only depend on an earlier question",
            );
        } else if target_index >= before_index {
            self.report(
                place("question"),
                format!(
                    "the condition names question `{}`, which comes later in the definition",
                    condition.question
                ),
                "a condition can only depend on an earlier question; move one of them, or depend on another question",
            );
        }
        let Some(options) = d.options_of(target) else {
            self.report(
                place("question"),
                format!(
                    "the condition names question `{}`, a {} question, which has no options to match",
                    condition.question,
                    target.answer.type_name()
                ),
                "depend on a rating, choice or yes/no question",
            );
            return;
        };
        if condition.any_of.is_empty() {
            self.report(
                place("any_of"),
                "the condition lists no values, so it can never be met",
                "list at least one value in \"any_of\"",
            );
        }
        for (v, value) in condition.any_of.iter().enumerate() {
            if options.find(value.as_str()).is_none() {
                let offered: Vec<&str> = options.options.iter().map(|o| o.value.as_str()).collect();
                let any_of = format!("{field}.any_of");
                let mut path = at_path(&any_of);
                let v = v.to_string();
                path.push(&v);
                let fix = match offered
                    .iter()
                    .find(|o| o.eq_ignore_ascii_case(value.as_str()))
                {
                    Some(same) => format!(
                        "write `{same}`: values are case-sensitive; its values are: {}",
                        offered.join(", ")
                    ),
                    None => format!("use one of its values: {}", offered.join(", ")),
                };
                self.report(
                    at.place(&any_of, &path),
                    format!(
                        "question `{}` has no option with the value `{value}`",
                        condition.question
                    ),
                    fix,
                );
            }
        }
    }

    // V7
    fn reachability(&mut self) {
        let d = self.definition;
        let shown = Visibility::of(d);
        for (s, section) in d.sections.iter().enumerate() {
            if !shown.sections[s] {
                if let Some(why) = shown.explain(d, Item::Section(s)) {
                    self.report(
                        At::Section(s, section).field("shows_when"),
                        format!("the section can never be shown: {}", why.0),
                        why.1,
                    );
                }
                continue;
            }
            for (q, question) in section.questions.iter().enumerate() {
                if shown.questions[s][q] {
                    continue;
                }
                if let Some(why) = shown.explain(d, Item::Question(s, q)) {
                    let message = if question.required {
                        format!(
                            "the question is required, but it can never be shown: {}",
                            why.0
                        )
                    } else {
                        format!("the question can never be shown: {}", why.0)
                    };
                    self.report(
                        At::Question(s, section, q, question).field("shows_when"),
                        message,
                        why.1,
                    );
                }
            }
        }
    }
}

/// Pointer segments of a dotted field name.
fn at_path(field: &str) -> Vec<&str> {
    field.split('.').collect()
}

/// How a plan field is written in a definition, for example `target_date`.
fn plan_field_name(kind: PlanFieldKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// How a tool kind is written in a definition, for example `audit`.
fn tool_kind_name(kind: ToolKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A section or a question, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Section(usize),
    Question(usize, usize),
}

/// Which sections and questions can ever be shown: the least fixed point of "shown when its
/// section is shown and its condition names a question that can be shown with a value it offers",
/// so conditions that go round in a circle are never met.
struct Visibility {
    sections: Vec<bool>,
    questions: Vec<Vec<bool>>,
    /// Where each question id first appears.
    positions: BTreeMap<String, (usize, usize)>,
}

impl Visibility {
    fn of(d: &Definition) -> Self {
        let mut positions = BTreeMap::new();
        for (s, section) in d.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                positions.entry(question.id.to_string()).or_insert((s, q));
            }
        }
        let mut shown = Visibility {
            sections: vec![false; d.sections.len()],
            questions: d
                .sections
                .iter()
                .map(|s| vec![false; s.questions.len()])
                .collect(),
            positions,
        };
        loop {
            let mut changed = false;
            for (s, section) in d.sections.iter().enumerate() {
                if !shown.sections[s] && shown.can_meet(d, section.shows_when.as_ref()) {
                    shown.sections[s] = true;
                    changed = true;
                }
                for (q, question) in section.questions.iter().enumerate() {
                    if !shown.questions[s][q]
                        && shown.sections[s]
                        && shown.can_meet(d, question.shows_when.as_ref())
                    {
                        shown.questions[s][q] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                return shown;
            }
        }
    }

    /// True when the condition (if any) can be met, given what is known to be shown so far.
    fn can_meet(&self, d: &Definition, condition: Option<&Condition>) -> bool {
        let Some(condition) = condition else {
            return true;
        };
        condition.alternatives().any(|one| {
            self.positions
                .get(one.question.as_str())
                .is_some_and(|&(s, q)| self.questions[s][q] && sound_one(d, one))
        })
    }

    fn condition_of(d: &Definition, item: Item) -> Option<&Condition> {
        match item {
            Item::Section(s) => d.sections[s].shows_when.as_ref(),
            Item::Question(s, q) => d.sections[s].questions[q].shows_when.as_ref(),
        }
    }

    /// True when the item's own condition could be met by itself: [`sound`], and not naming the
    /// question it belongs to.
    fn sound_for(d: &Definition, item: Item, condition: &Condition) -> bool {
        condition.alternatives().any(|one| {
            let names_itself = match item {
                Item::Question(s, q) => d.sections[s].questions[q].id == one.question,
                Item::Section(_) => false,
            };
            !names_itself && sound_one(d, one)
        })
    }

    fn name(d: &Definition, item: Item) -> String {
        match item {
            Item::Section(s) => format!("section `{}`", d.sections[s].id),
            Item::Question(s, q) => format!("question `{}`", d.sections[s].questions[q].id),
        }
    }

    /// Why a hidden item can never be shown, and the fix; `None` when its own condition is wrong
    /// in itself (V6 reports that).
    fn explain(&self, d: &Definition, item: Item) -> Option<(String, String)> {
        let own = Self::condition_of(d, item)?;
        if !Self::sound_for(d, item, own) {
            return None;
        }
        if !own.or.is_empty() {
            let names: Vec<String> = own
                .alternatives()
                .map(|one| format!("`{}`", one.question))
                .collect();
            return Some((
                format!(
                    "none of its alternatives can be met: it depends on questions {}, none of which can be shown",
                    names.join(", ")
                ),
                "make one of them depend on a question that is always shown, earlier in the definition".to_owned(),
            ));
        }
        let mut chain = String::from("its condition depends on");
        let mut seen = vec![item];
        let mut current = item;
        loop {
            // What keeps `current` hidden: its section, or the question its condition names.
            let next = match current {
                Item::Question(s, _) if !self.sections[s] => {
                    chain.push_str(&format!(
                        ", which is in {}",
                        Self::name(d, Item::Section(s))
                    ));
                    Item::Section(s)
                }
                _ => {
                    let condition = Self::condition_of(d, current)?;
                    if !Self::sound_for(d, current, condition) {
                        chain.push_str(", whose own condition can never be met");
                        return Some((
                            chain,
                            format!(
                                "correct the condition of {} (reported on its own), or make this condition depend on another question",
                                Self::name(d, current)
                            ),
                        ));
                    }
                    let &(s, q) = self.positions.get(condition.question.as_str())?;
                    let target = Item::Question(s, q);
                    if current != item {
                        chain.push_str(", whose condition depends on");
                    }
                    chain.push_str(&format!(" {}", Self::name(d, target)));
                    target
                }
            };
            if seen.contains(&next) {
                chain.push_str(": the conditions go round in a circle");
                return Some((
                    chain,
                    "make one of these conditions depend on a question that is always shown, earlier in the definition".to_owned(),
                ));
            }
            seen.push(next);
            current = next;
        }
    }
}

/// True when one question and its values, taken by themselves, could be met: the question exists
/// and offers at least one of the values.
fn sound_one(d: &Definition, condition: &Condition) -> bool {
    d.question(condition.question.as_str())
        .and_then(|target| d.options_of(target))
        .is_some_and(|options| {
            condition
                .any_of
                .iter()
                .any(|value| options.find(value.as_str()).is_some())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mini audit with the `amhp` section's condition replaced by `condition`, and its
    /// problems.
    fn amhp_section_shown_when(condition: serde_json::Value) -> (Definition, Vec<String>) {
        let mut document: serde_json::Value =
            serde_json::from_str(crate::test_fixtures::AUDIT).unwrap();
        document["sections"][2]["shows_when"] = condition;
        let definition = crate::definition::parse_definition(&document.to_string()).unwrap();
        let problems = validate(&definition)
            .iter()
            .map(ToString::to_string)
            .collect();
        (definition, problems)
    }

    #[test]
    fn v6_an_alternative_shows_the_section_on_its_own() {
        let (definition, problems) = amhp_section_shown_when(serde_json::json!({
            "question": "has-amhp", "any_of": ["yes"],
            "or": [{ "question": "lead-3", "any_of": ["yes"] }]
        }));
        assert_eq!(problems, Vec::<String>::new());
        let section = &definition.sections[2];
        let answers = |pairs: &[(&str, &str)]| {
            let mut responses = crate::responses::Responses::default();
            for (question, value) in pairs {
                responses.set(
                    crate::ids::QuestionId::new(*question),
                    crate::responses::ItemResponse {
                        answer: Some(crate::responses::Answer::Choice(
                            crate::ids::OptionValue::new(*value),
                        )),
                        ..Default::default()
                    },
                );
            }
            responses
        };
        let shown = |pairs: &[(&str, &str)]| answers(pairs).section_shown(&definition, section);
        assert!(shown(&[("has-amhp", "yes"), ("lead-3", "no")]));
        assert!(
            shown(&[("has-amhp", "no"), ("lead-3", "yes")]),
            "the alternative alone"
        );
        assert!(!shown(&[("has-amhp", "no"), ("lead-3", "no")]));
        assert!(!shown(&[]));
    }

    #[test]
    fn v6_each_alternative_is_checked_where_it_is_written() {
        let (_, problems) = amhp_section_shown_when(serde_json::json!({
            "question": "has-amhp", "any_of": ["yes"],
            "or": [
                { "question": "lead-9", "any_of": ["yes"] },
                { "question": "lead-3", "any_of": ["Yes"],
                  "or": [{ "question": "lead-2", "any_of": ["yes"] }] }
            ]
        }));
        let all = problems.join("\n");
        assert!(
            all.contains("field `shows_when.or.0.question`: the condition names question `lead-9`, which does not exist"),
            "{all}"
        );
        assert!(
            all.contains("field `shows_when.or.1.any_of`: question `lead-3` has no option with the value `Yes`"),
            "{all}"
        );
        assert!(
            all.contains("field `shows_when.or.1.or`: an alternative has alternatives of its own"),
            "{all}"
        );
    }

    #[test]
    fn v7_a_section_is_reachable_through_an_alternative_and_explained_when_not() {
        // The first condition names a value `has-amhp` does not offer; the alternative works.
        let (_, problems) = amhp_section_shown_when(serde_json::json!({
            "question": "sup-3", "any_of": ["achieved"],
            "or": [{ "question": "lead-3", "any_of": ["yes"] }]
        }));
        assert!(
            problems.iter().all(|p| !p.contains("can never be shown")),
            "{problems:#?}"
        );
    }

    #[test]
    fn v23_a_number_question_belongs_in_an_audit() {
        let mut document: serde_json::Value =
            serde_json::from_str(crate::test_fixtures::FEEDBACK).unwrap();
        document["sections"][0]["questions"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "how-many",
                "text": "How many times have you met your social worker?",
                "easy_read": "How many times did you meet?",
                "answer": { "type": "number", "unit": "times", "min": 0, "max": 100 }
            }));
        let definition = crate::definition::parse_definition(&document.to_string()).unwrap();
        let problems: Vec<String> = validate(&definition)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].contains("question `how-many`, field `answer.type`: a number question is only for audits, and this is a feedback tool"),
            "{problems:#?}"
        );
    }

    #[test]
    fn places_read_naturally() {
        let place = Place {
            section: Some("supervision".into()),
            question: Some("number 2".into()),
            field: Some("answer.scale".into()),
            line: Some(12),
            ..Place::default()
        };
        assert_eq!(
            place.to_string(),
            "line 12, section `supervision`, question number 2, field `answer.scale`"
        );
        assert_eq!(Place::default().to_string(), "the definition as a whole");
    }

    #[test]
    fn pointers_escape_slashes() {
        assert_eq!(pointer(&["scales", "a/b"]), "/scales/a~1b");
        assert_eq!(plan_field_name(PlanFieldKind::TargetDate), "target_date");
    }
}

/// Checks what only a set of definitions can show: a statement's `prefill_from` must name
/// sections that its audit (when that audit is in the set) really has. Returns each problem with
/// the index of the definition it belongs to.
pub fn validate_together(definitions: &[&Definition]) -> Vec<(usize, Problem)> {
    let mut problems = Vec::new();
    for (index, definition) in definitions.iter().enumerate() {
        for section in &definition.sections {
            let Some(prefill) = &section.prefill_from else {
                continue;
            };
            let Some(audit) = definitions.iter().find(|d| d.id == prefill.definition) else {
                continue;
            };
            for named in &prefill.sections {
                if audit.section(named.as_str()).is_none() {
                    let known: Vec<&str> = audit.sections.iter().map(|s| s.id.as_str()).collect();
                    problems.push((
                        index,
                        Problem {
                            place: Place {
                                section: Some(section.id.to_string()),
                                field: Some("prefill_from.sections".to_owned()),
                                ..Place::default()
                            },
                            message: format!("`{}` has no section `{named}`", prefill.definition),
                            fix: format!("name one of its sections: {}", known.join(", ")),
                        },
                    ));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod together_tests {
    use super::*;

    #[test]
    fn a_statement_naming_a_missing_audit_section_is_reported() {
        let read = |name: &str| {
            let path = format!("{}/questionnaires/{name}", env!("CARGO_MANIFEST_DIR"));
            crate::definition::load_definition(&path, &std::fs::read_to_string(&path).unwrap())
                .unwrap()
        };
        let audit = read("self-assessment.json");
        let mut statement = read("strategic-statement.json");
        assert!(validate_together(&[&audit, &statement]).is_empty());
        let section = statement
            .sections
            .iter_mut()
            .find(|s| s.prefill_from.is_some())
            .unwrap();
        section
            .prefill_from
            .as_mut()
            .unwrap()
            .sections
            .push("no-such-section".into());
        let problems = validate_together(&[&audit, &statement]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, 1);
        assert!(problems[0]
            .1
            .to_string()
            .contains("no section `no-such-section`"));
        assert!(problems[0].1.fix.contains("supervision"));
    }
}
