//! The second loading step: checks a parsed [`Definition`] as a whole and reports every problem.
//!
//! Owns: the rules a well-formed definition follows (listed below as V1 to V26; the language
//! rules V18 to V21 and V26 are in [`super::languages`](mod@super::languages)) and the wording
//! of each problem: where it is, what is wrong and how to fix it.
//! Must not touch: parsing (see [`super::load`]) or anything about answers.
//!
//! - V1 `$schema` names `schema.json`; metadata (version, title, purpose, audience, alignment) is
//!   filled in.
//! - V2 every id is lower case letters, digits and hyphens.
//! - V3 ids are unique: sections, questions (across the whole definition), options within a list,
//!   themes, bands, scales in use.
//! - V4 a definition has sections, every section has questions, and every list of options has
//!   options.
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
//! - V15 only statements pre-fill, and a pre-fill names at least one section; across files
//!   ([`validate_together`]), the sections it names are in its audit.
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
//! - V26 `partly_in` gives whole sections or scales in a language the definition does not
//!   declare, and names parts that exist (checked with the language rules).
//!
//! Every problem carries its rule ([`Rule`]) and a JSON Pointer to the value it is about, so the
//! loader can give its line.
//!
//! Where each rule is: `metadata.rs` (V1, V2, V4, V12, V16, V22 for the definition as a whole),
//! `scales.rs` (scales, options and themes), `bands.rs` (V8), `plan.rs` (V14), `sections.rs`
//! (sections and questions), `number.rs` (V23), `conditions.rs` (V6, V7) and `together.rs` (what
//! only a set of definitions shows). All of them report through the checker in `checker.rs`.

use std::fmt;

use super::Definition;

mod bands;
mod checker;
mod conditions;
mod metadata;
mod number;
mod plan;
mod scales;
mod sections;
#[cfg(test)]
mod tests;
mod together;

use checker::Checker;
pub use together::validate_together;

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
    /// The rule it breaks (not shown in the message; tests and tools use it).
    pub rule: Rule,
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

/// The rule a [`Problem`] breaks: one of the rules of a good definition (V1 to V26, listed in
/// this module's documentation), or a step of reading the file (L1, J1 to J3, listed in
/// [`super::load`](mod@super::load)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Nested deeper than any definition needs (rule L1 of [`crate::limits`]).
    L1,
    /// The text is JSON (and, in the app, the file could be fetched).
    J1,
    /// No field is written twice in one object.
    J2,
    /// The JSON has a definition's shape: one object, known fields, values of the right type.
    J3,
    V1,
    V2,
    V3,
    V4,
    V5,
    V6,
    V7,
    V8,
    V9,
    V10,
    V11,
    V12,
    V13,
    V14,
    V15,
    V16,
    V17,
    V18,
    V19,
    V20,
    V21,
    V22,
    V23,
    V24,
    V25,
    V26,
    /// The file breaks a rule, but which one is unknown: the app could not download the part
    /// that explains problems.
    Unexplained,
}

impl Rule {
    /// Every rule, in the order the documentation lists them.
    pub const ALL: [Rule; 31] = [
        Rule::L1,
        Rule::J1,
        Rule::J2,
        Rule::J3,
        Rule::V1,
        Rule::V2,
        Rule::V3,
        Rule::V4,
        Rule::V5,
        Rule::V6,
        Rule::V7,
        Rule::V8,
        Rule::V9,
        Rule::V10,
        Rule::V11,
        Rule::V12,
        Rule::V13,
        Rule::V14,
        Rule::V15,
        Rule::V16,
        Rule::V17,
        Rule::V18,
        Rule::V19,
        Rule::V20,
        Rule::V21,
        Rule::V22,
        Rule::V23,
        Rule::V24,
        Rule::V25,
        Rule::V26,
        Rule::Unexplained,
    ];

    /// The rule's code, as the documentation lists it: `V3`, `J1`, …
    pub fn code(self) -> &'static str {
        match self {
            Rule::L1 => "L1",
            Rule::J1 => "J1",
            Rule::J2 => "J2",
            Rule::J3 => "J3",
            Rule::V1 => "V1",
            Rule::V2 => "V2",
            Rule::V3 => "V3",
            Rule::V4 => "V4",
            Rule::V5 => "V5",
            Rule::V6 => "V6",
            Rule::V7 => "V7",
            Rule::V8 => "V8",
            Rule::V9 => "V9",
            Rule::V10 => "V10",
            Rule::V11 => "V11",
            Rule::V12 => "V12",
            Rule::V13 => "V13",
            Rule::V14 => "V14",
            Rule::V15 => "V15",
            Rule::V16 => "V16",
            Rule::V17 => "V17",
            Rule::V18 => "V18",
            Rule::V19 => "V19",
            Rule::V20 => "V20",
            Rule::V21 => "V21",
            Rule::V22 => "V22",
            Rule::V23 => "V23",
            Rule::V24 => "V24",
            Rule::V25 => "V25",
            Rule::V26 => "V26",
            Rule::Unexplained => "unexplained",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
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
