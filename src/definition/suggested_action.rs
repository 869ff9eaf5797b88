//! A question's suggested action: the first step a plan row proposed from the item starts with.
//!
//! Owns: everything about the `suggested_action` field of a [`Question`] but its declaration:
//! the action a proposed row starts with ([`Question::proposed_action`], used by rule P4 of
//! [`crate::plan`]) and rule V17 of [`super::validate()`] ([`problems`]). Kept in this one place
//! so that the field can change shape (a wording per language, say) by changing this file and
//! the field's type.
//! Must not touch: the plan's rows once proposed (people edit those), or anything in a browser.
//!
//! - **V17** a suggested action is not blank, holds at most
//!   [`SUGGESTED_ACTION_MAX_CHARS`] characters, and is given only where it can be used: on a
//!   question whose answers score points, in a definition whose plan proposes rows from answers.
//!   A suggested action that could never be proposed is a problem, not a warning, as an unused
//!   scale is (V5): the definition format has one severity, and an author who wrote one would
//!   otherwise believe it reaches the plan.

use super::{Definition, Question};
use crate::lang::Lang;
use crate::limits::{length_problem, SUGGESTED_ACTION_MAX_CHARS};

/// The field's name as authors write it.
pub const FIELD: &str = "suggested_action";

impl Question {
    /// What the action of a plan row proposed from this question starts as, for a plan kept
    /// in `lang`: its suggested action in `lang` where the definition gives it (else in its
    /// primary language) without surrounding spaces, or nothing; and the language it is in
    /// (P4).
    pub fn proposed_action(&self, lang: Lang) -> (String, Lang) {
        match &self.suggested_action {
            Some(action) => (
                action.get(lang).trim().to_owned(),
                action.language_for(lang),
            ),
            None => (String::new(), lang),
        }
    }
}

/// One thing wrong with a question's suggested action (V17): what, and how to fix it. The
/// validator places it at the field [`FIELD`] of the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

/// Everything wrong with `question`'s suggested action, if it has one (V17).
pub fn problems(definition: &Definition, question: &Question) -> Vec<Problem> {
    let Some(action) = &question.suggested_action else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let mut report = |message: String, fix: String| problems.push(Problem { message, fix });
    if action.trim().is_empty() {
        report(
            "the suggested action is empty".to_owned(),
            "write one first step a team could take, or leave \"suggested_action\" out".to_owned(),
        );
    }
    if let Some(problem) = length_problem(
        "the suggested action",
        action.trim(),
        SUGGESTED_ACTION_MAX_CHARS,
    ) {
        report(
            problem,
            format!(
                "shorten it to one first step of {SUGGESTED_ACTION_MAX_CHARS} characters or \
                 fewer; the people who take it on add the detail in their plan"
            ),
        );
    }
    let options = definition.options_of(question);
    if options
        .as_ref()
        .and_then(|list| list.max_points())
        .is_none()
    {
        report(
            "the question has a suggested action, but its answers score no points, so it is \
             never proposed for the plan"
                .to_owned(),
            if options.is_some() {
                "remove \"suggested_action\", or give the question's options points".to_owned()
            } else {
                format!(
                    "remove \"suggested_action\": a {} answer is never scored",
                    question.answer.type_name()
                )
            },
        );
    }
    let proposes = definition
        .plan
        .as_ref()
        .is_some_and(|plan| plan.propose_from_answers);
    if !proposes {
        report(
            "the question has a suggested action, but the definition's plan does not propose \
             rows from answers, so it is never shown"
                .to_owned(),
            "set \"propose_from_answers\": true in \"plan\", or remove \"suggested_action\""
                .to_owned(),
        );
    }
    problems
}
