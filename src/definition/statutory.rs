//! A question's statutory minimum: the level of practice the law requires, below which a rating
//! is a legal risk rather than only a low score.
//!
//! Owns: rule V24 of [`super::validate()`] ([`problems`]) and where a question's minimum lies
//! ([`Definition::statutory_minimum`]). What counts as a legal risk is scoring rule S19
//! ([`crate::scoring`]), which reads the minimum from here.
//! Must not touch: answers, scores or anything in a browser.
//!
//! - **V24** `statutory_minimum` is given only on a rated question whose scale marks at least
//!   one scored option `positive` (the first of them is the minimum); `statutory_basis` only
//!   beside `statutory_minimum`, and not blank.

use super::{AnswerKind, Definition, Question, ScaleOption};

/// The flag's name as authors write it.
pub const FIELD: &str = "statutory_minimum";
/// The name of the optional note of the law, as authors write it.
pub const BASIS_FIELD: &str = "statutory_basis";

/// One thing wrong with a question's statutory minimum (V24): which field, what, and how to fix
/// it. The validator places it at that field of the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// [`FIELD`] or [`BASIS_FIELD`].
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Definition {
    /// For a question marked `statutory_minimum`, the position of its minimum among its options:
    /// the first scored option marked `positive`. `None` for any other question.
    pub fn statutory_minimum(&self, question: &Question) -> Option<usize> {
        if !question.statutory_minimum {
            return None;
        }
        let AnswerKind::Rating { scale } = &question.answer else {
            return None;
        };
        self.scales
            .get(scale)?
            .options
            .iter()
            .position(meets_a_minimum)
    }
}

/// An option that can be a minimum: scored and marked `positive`.
fn meets_a_minimum(option: &ScaleOption) -> bool {
    option.positive && option.special.is_none() && option.points.is_some()
}

/// Everything wrong with `question`'s statutory minimum and its basis (V24).
pub fn problems(definition: &Definition, question: &Question) -> Vec<Problem> {
    let mut problems = Vec::new();
    if question.statutory_minimum {
        match &question.answer {
            AnswerKind::Rating { scale } => {
                // A scale that is not defined is reported by V5.
                let marked = definition
                    .scales
                    .get(scale)
                    .is_none_or(|s| s.options.iter().any(meets_a_minimum));
                if !marked {
                    problems.push(Problem {
                        field: FIELD,
                        message: format!(
                            "the question has a statutory minimum, but its scale `{scale}` marks no scored option `positive`, so there is no level the law requires to fall below"
                        ),
                        fix: format!(
                            "mark the lowest option of `{scale}` that meets the law (such as \"Established\") and those above it with \"positive\": true, or remove \"statutory_minimum\""
                        ),
                    });
                }
            }
            other => problems.push(Problem {
                field: FIELD,
                message: format!(
                    "only rated questions can have a statutory minimum, and this is a {} question",
                    other.type_name()
                ),
                fix: "remove \"statutory_minimum\", or make the question a rating on a scale whose options meeting the law are marked \"positive\"".to_owned(),
            }),
        }
    }
    if let Some(basis) = &question.statutory_basis {
        if !question.statutory_minimum {
            problems.push(Problem {
                field: BASIS_FIELD,
                message: "the question names a statutory basis but has no statutory minimum"
                    .to_owned(),
                fix: "add \"statutory_minimum\": true, or remove \"statutory_basis\"".to_owned(),
            });
        }
        if basis.trim().is_empty() {
            problems.push(Problem {
                field: BASIS_FIELD,
                message: "the statutory basis is empty".to_owned(),
                fix: "name the law and section, such as \"Mental Health Act 1983, section 114\", or leave \"statutory_basis\" out".to_owned(),
            });
        }
    }
    problems
}
