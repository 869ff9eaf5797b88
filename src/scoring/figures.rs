//! Figures: the answers to number questions, carried beside the scores (rule S18) so that the
//! results, the last cycle and peers can show and compare them. Never part of a score.
//!
//! Owns: [`Figure`] and which answers become figures. Must not touch: points, bands or wording
//! beyond the question's own text and unit.

use serde::Serialize;

use crate::definition::{AnswerKind, Definition};
use crate::ids::{QuestionId, SectionId};
use crate::number::{with_unit, Decimal};
use crate::responses::{accepts, Answer, Responses};

/// One number question's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The question.
    pub question: QuestionId,
    /// Its section.
    pub section: SectionId,
    /// The question's text (primary language).
    pub title: String,
    /// The unit, for example `FTE` or `%`.
    pub unit: String,
    /// The decimal places the question allows, for showing figures derived from it.
    pub decimals: u8,
    /// The figure as given, exactly.
    pub value: Decimal,
    /// What peers compare: the figure itself, or per social work FTE or per 100,000
    /// population when the question says so; `None` when that needs a divisor that is not
    /// answered, or is 0.
    pub comparable: Option<f64>,
    /// The words after a normalised figure ("per social work FTE"), when the question has `per`.
    pub per: Option<&'static str>,
}

impl Figure {
    /// The figure with its unit, as given: `12.5 FTE`, `85%`.
    pub fn shown(&self) -> String {
        with_unit(&self.value.to_string(), &self.unit)
    }
}

/// The figures given in answer to shown number questions, in the definition's order. Answers
/// that do not fit their question (out of range, say, after a new version narrowed it) are left
/// out, as scoring treats them as no answer (S8).
pub fn figures(definition: &Definition, responses: &Responses) -> Vec<Figure> {
    let given = |id: &QuestionId| -> Option<Decimal> {
        let question = definition.question(id)?;
        let section = definition
            .sections
            .iter()
            .find(|s| s.questions.iter().any(|q| q.id == question.id))?;
        let shown = responses.section_shown(definition, section)
            && responses.question_shown(definition, question);
        match responses.answer(id) {
            Some(answer @ Answer::Number(value))
                if shown && accepts(definition, question, answer).is_ok() =>
            {
                Some(*value)
            }
            _ => None,
        }
    };
    definition
        .questions()
        .filter_map(|(section, question)| {
            let AnswerKind::Number {
                unit,
                decimals,
                per,
                ..
            } = &question.answer
            else {
                return None;
            };
            let value = given(&question.id)?;
            let comparable = match per {
                None => Some(value.to_f64()),
                Some(per) => given(per.question())
                    .and_then(|divisor| per.normalise(value.to_f64(), divisor.to_f64())),
            };
            Some(Figure {
                question: question.id.clone(),
                section: section.id.clone(),
                title: question.text.to_string(),
                unit: unit.to_string(),
                decimals: *decimals,
                value,
                comparable,
                per: per.as_ref().map(|p| p.label()),
            })
        })
        .collect()
}
