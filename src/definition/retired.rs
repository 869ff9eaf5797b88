//! Retired questions: what an earlier version of a definition asked and this one does not, kept
//! with its text so that answers to it are carried or kept aside in words people recognise.
//!
//! Owns: rule V25 of [`super::validate()`] ([`problems`]) and the look-ups of a retired question
//! ([`Definition::retired_question`], [`Definition::text_of`]). Carrying answers themselves is
//! [`crate::carry`].
//! Must not touch: answers or anything in a browser.
//!
//! - **V25** each entry of `retired` has a well-formed id that no current question has and no
//!   other entry repeats, a text and the version that retired it; its `carried_to`, when given,
//!   names a current question. Whether an old answer fits that question is checked for each
//!   answer when work is brought up to date (rule K1 of [`crate::carry`]), not here: the old
//!   version's options are not part of this definition.

use std::collections::BTreeSet;

use super::{Definition, RetiredQuestion, Text};
use crate::ids::{is_well_formed, QuestionId};

/// The field's name as authors write it.
pub const FIELD: &str = "retired";

/// One thing wrong with an entry of `retired` (V25): which entry, which of its fields, what, and
/// how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry's position in `retired`.
    pub index: usize,
    /// The entry's field, such as `id` or `carried_to`.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Definition {
    /// The retired question with this id, if the definition lists one.
    pub fn retired_question(&self, id: &QuestionId) -> Option<&RetiredQuestion> {
        self.retired.iter().find(|r| &r.id == id)
    }

    /// The text of the question with this id: the current question's, or else the retired
    /// question's (the words people answered), or `None` when the definition knows neither.
    pub fn text_of(&self, id: &QuestionId) -> Option<&Text> {
        self.question(id)
            .map(|q| &q.text)
            .or_else(|| self.retired_question(id).map(|r| &r.text))
    }
}

/// Everything wrong with the definition's `retired` list (V25).
pub fn problems(definition: &Definition) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut report = |index: usize, field: &'static str, message: String, fix: String| {
        problems.push(Problem {
            index,
            field,
            message,
            fix,
        })
    };
    for (index, retired) in definition.retired.iter().enumerate() {
        let id = retired.id.as_str();
        if !is_well_formed(id) {
            report(
                index,
                "id",
                format!("the retired question id `{id}` is not valid"),
                "use the id the question had, as saved answers have it: lower-case letters, digits and hyphens".to_owned(),
            );
        }
        if definition.question(&retired.id).is_some() {
            report(
                index,
                "id",
                format!("`{id}` is listed as retired, but a current question has that id"),
                format!("remove `{id}` from \"retired\", or give the current question a new id (saved answers are kept by id, so a rewritten question that asks something else needs one)"),
            );
        }
        if !seen.insert(id) {
            report(
                index,
                "id",
                format!("the retired question `{id}` is listed twice"),
                "list each retired question once".to_owned(),
            );
        }
        if retired.text.trim().is_empty() {
            report(
                index,
                "text",
                format!("the retired question `{id}` has no text"),
                "copy the question's text from the version that last asked it, so people can recognise answers kept aside".to_owned(),
            );
        }
        if retired.since.trim().is_empty() {
            report(
                index,
                "since",
                format!("the retired question `{id}` does not say which version retired it"),
                format!(
                    "give the version that first left it out, such as \"{}\"",
                    definition.version
                ),
            );
        }
        if let Some(to) = &retired.carried_to {
            if definition.question(to).is_none() {
                report(
                    index,
                    "carried_to",
                    format!("the retired question `{id}` is carried to `{to}`, which is not a question of this version"),
                    "name the current question that asks the same thing, or leave \"carried_to\" out to keep its answers aside".to_owned(),
                );
            }
        }
    }
    problems
}
