//! Number questions (V23): in an audit, `min` at most `max` within 15 digits, at most 4
//! decimal places, and a `per` that names a plain number question taking no value below 0.

use super::checker::{At, Checker};
use super::Rule;
use crate::definition::{AnswerKind, Question, ToolKind};

impl Checker<'_> {
    // V23
    pub(super) fn number(&mut self, at: At, question: &Question) {
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
                Rule::V23,
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
                    Rule::V23,
                    at.field(field),
                    format!("{value} has more than {} digits", crate::number::MAX_DIGITS),
                    format!("use a value from -{limit} to {limit}"),
                );
            }
        }
        if min > max {
            self.report(
                Rule::V23,
                at.field("answer.max"),
                format!("the maximum {max} is below the minimum {min}, so no answer would fit"),
                format!("make \"max\" {min} or more, or lower \"min\""),
            );
        }
        if *decimals > crate::number::MAX_DECIMALS {
            self.report(
                Rule::V23,
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
        match d.question(named) {
            None => {
                let numbers: Vec<&str> = d
                    .questions()
                    .filter(|(_, q)| {
                        q.id != question.id && matches!(q.answer, AnswerKind::Number { .. })
                    })
                    .map(|(_, q)| q.id.as_str())
                    .collect();
                self.report(
                    Rule::V23,
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
                Rule::V23,
                at.field(field),
                "the question names itself, so it would be divided by itself",
                "name the question that gives the social work FTE or the population",
            ),
            Some(divisor) => match &divisor.answer {
                AnswerKind::Number { min, per: None, .. } if *min >= 0 => {}
                AnswerKind::Number { per: Some(_), .. } => self.report(
                    Rule::V23,
                    at.field(field),
                    format!(
                        "`{named}` is itself compared per something, so it cannot be a divisor"
                    ),
                    format!("leave \"per\" out of `{named}`, or name another question"),
                ),
                AnswerKind::Number { .. } => self.report(
                    Rule::V23,
                    at.field(field),
                    format!(
                        "`{named}` accepts numbers below 0, which cannot be a size to divide by"
                    ),
                    format!("give `{named}` a \"min\" of 0 or more"),
                ),
                other => self.report(
                    Rule::V23,
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
}
