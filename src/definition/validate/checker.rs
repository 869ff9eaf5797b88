//! The checker every rule reports through, and where a problem is: [`At`] names the top level,
//! a section or a question, and builds the JSON Pointer the loader turns into a line. The
//! checks shared by several rules live here too: a well-formed id (V2) and a text that is not
//! blank (V16).

use super::{Place, Problem, Rule};
use crate::definition::load::join;
use crate::definition::{Definition, Question, Section};
use crate::ids::is_well_formed;

/// Builds a JSON Pointer from segments (escaped as the loader's pointers are, by [`join`]).
pub(super) fn pointer(segments: &[&str]) -> String {
    segments
        .iter()
        .fold(String::new(), |pointer, segment| join(&pointer, segment))
}

/// Where a problem is: the definition's top level, a section or a question, with the field named
/// for people and the pointer's segments below the section or question.
#[derive(Clone, Copy)]
pub(super) enum At<'d> {
    Top,
    Section(usize, &'d Section),
    Question(usize, &'d Section, usize, &'d Question),
}

impl At<'_> {
    /// The place of `field` (as people read it) at `path` (pointer segments below this level).
    pub(super) fn place(self, field: &str, path: &[&str]) -> Place {
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

    pub(super) fn field(self, field: &str) -> Place {
        let path: Vec<&str> = field.split('.').collect();
        self.place(field, &path)
    }
}

pub(super) struct Checker<'a> {
    pub(super) definition: &'a Definition,
    pub(super) problems: Vec<Problem>,
}

impl Checker<'_> {
    /// Records a problem: the `rule` it breaks, where it is, what is wrong and how to fix it.
    pub(super) fn report(
        &mut self,
        rule: Rule,
        place: Place,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems.push(Problem {
            rule,
            place,
            message: message.into(),
            fix: fix.into(),
        });
    }

    /// V2: `id` is lower case letters, digits and hyphens.
    pub(super) fn id(&mut self, place: Place, what: &str, id: &str) {
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
                Rule::V2,
                place,
                format!("the {what} `{id}` is not valid"),
                format!("use 1 to 64 lower-case letters, digits and hyphens, {example}"),
            );
        }
    }

    /// `text` is not blank, under `rule` (V1 for metadata, V16 for labels and texts).
    pub(super) fn not_blank(&mut self, rule: Rule, place: Place, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(
                rule,
                place,
                format!("the {what} is empty"),
                format!("write the {what}"),
            );
        }
    }
}

/// Pointer segments of a dotted field name.
pub(super) fn at_path(field: &str) -> Vec<&str> {
    field.split('.').collect()
}
