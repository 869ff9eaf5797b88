//! Answers to one definition: what a person chose or wrote, with evidence, comment and priority.
//!
//! Owns: the answer model, which answers a question kind accepts, and which questions and sections
//! are shown given the answers so far (conditions), and what is still missing.
//! Must not touch: scoring (see [`crate::scoring`]) or storage.

use crate::list_map::ListMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::definition::{
    AnswerKind, Condition, Definition, Question, Section, LONG_TEXT_MAX, SHORT_TEXT_MAX,
};
use crate::ids::{OptionValue, QuestionId};
use crate::number::{Decimal, NumberProblem};

/// One answer. "No answer" is the absence of an `Answer`, never an empty string.
///
/// Written as an object with one key naming the kind (`{ "choice": "mostly" }`). It is read by
/// hand so that a key written twice, or two kinds in one answer, is refused
/// by name rather than as serde's bare "expected value".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    /// The chosen option of a rating, single-choice or yes/no question.
    Choice(OptionValue),
    /// The chosen options of a multiple-choice question (possibly none).
    Choices(Vec<OptionValue>),
    /// Text written in answer.
    Text(String),
    /// A date.
    Date(Date),
    /// A number, exact and language-neutral (stored as text with a full stop, `"12.5"`).
    Number(Decimal),
}

/// The key that names an answer's kind, as written in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum AnswerKindKey {
    Choice,
    Choices,
    Text,
    Date,
    Number,
}

impl AnswerKindKey {
    const NAMES: &'static str = "`choice`, `choices`, `text`, `date` or `number`";

    fn name(self) -> &'static str {
        match self {
            AnswerKindKey::Choice => "choice",
            AnswerKindKey::Choices => "choices",
            AnswerKindKey::Text => "text",
            AnswerKindKey::Date => "date",
            AnswerKindKey::Number => "number",
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OneKind)
    }
}

/// Reads an answer's one key and its value, and refuses a second key by name.
struct OneKind;

impl<'de> serde::de::Visitor<'de> for OneKind {
    type Value = Answer;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            formatter,
            "an answer: an object with one of {}",
            AnswerKindKey::NAMES
        )
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
        use serde::de::Error;
        let Some(kind) = map.next_key::<AnswerKindKey>()? else {
            return Err(A::Error::custom(format_args!(
                "an answer is empty: give one of {}",
                AnswerKindKey::NAMES
            )));
        };
        let answer = match kind {
            AnswerKindKey::Choice => Answer::Choice(map.next_value()?),
            AnswerKindKey::Choices => Answer::Choices(map.next_value()?),
            AnswerKindKey::Text => Answer::Text(map.next_value()?),
            AnswerKindKey::Date => Answer::Date(map.next_value()?),
            AnswerKindKey::Number => Answer::Number(map.next_value()?),
        };
        match map.next_key::<AnswerKindKey>()? {
            None => Ok(answer),
            Some(again) if again == kind => Err(A::Error::custom(format_args!(
                "the key `{}` is written twice (JSON would keep only the last one)",
                kind.name()
            ))),
            Some(other) => Err(A::Error::custom(format_args!(
                "an answer holds one kind, but both `{}` and `{}` are given",
                kind.name(),
                other.name()
            ))),
        }
    }
}

/// How urgent an item is, as the people completing an audit judge it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Low priority.
    Low,
    /// Medium priority.
    Medium,
    /// High priority.
    High,
}

impl Priority {
    /// Every priority, lowest first.
    pub const ALL: [Priority; 3] = [Priority::Low, Priority::Medium, Priority::High];

    /// The word people see.
    pub fn label(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Medium => "Medium",
            Priority::High => "High",
        }
    }
}

/// Everything recorded for one question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemResponse {
    /// The answer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// The evidence behind the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// A comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The priority given to the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
}

impl ItemResponse {
    /// True when nothing at all is recorded.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none()
            && self.evidence.is_none()
            && self.comment.is_none()
            && self.priority.is_none()
    }
}

/// All the answers to one definition, keyed by question id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Responses {
    /// The items, in a stable order (a question named twice is refused when read).
    #[serde(deserialize_with = "crate::unique_keys::deserialize")]
    pub items: ListMap<QuestionId, ItemResponse>,
}

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The question takes a different kind of answer.
    #[error("question `{question}` takes a {expected} answer")]
    WrongKind {
        /// The question.
        question: QuestionId,
        /// The kind it takes.
        expected: &'static str,
    },
    /// The option is not one the question offers.
    #[error("question `{question}` has no option `{value}`; its options are: {offered}")]
    UnknownOption {
        /// The question.
        question: QuestionId,
        /// The value given.
        value: OptionValue,
        /// The values it offers, comma-separated.
        offered: String,
    },
    /// The text is longer than allowed.
    #[error(
        "the answer to question `{question}` is {length} characters long; the limit is {limit}"
    )]
    TooLong {
        /// The question.
        question: QuestionId,
        /// The characters given.
        length: usize,
        /// The limit.
        limit: u32,
    },
    /// The number is out of range or has too many decimal places.
    #[error("the answer to question `{question}` does not fit: {problem}")]
    Number {
        /// The question.
        question: QuestionId,
        /// What is wrong, in words.
        problem: NumberProblem,
    },
    /// The text is empty; no answer should be stored instead.
    #[error("the answer to question `{question}` is empty")]
    Empty {
        /// The question.
        question: QuestionId,
    },
}

/// Checks that an answer fits its question: the one place that matches a question kind against
/// an answer.
pub fn accepts(
    definition: &Definition,
    question: &Question,
    answer: &Answer,
) -> Result<(), AnswerError> {
    let wrong = |expected| AnswerError::WrongKind {
        question: question.id.clone(),
        expected,
    };
    let check_option = |value: &OptionValue| -> Result<(), AnswerError> {
        let options = definition
            .options_of(question)
            .ok_or_else(|| wrong("text"))?;
        if options.find(value).is_some() {
            Ok(())
        } else {
            Err(AnswerError::UnknownOption {
                question: question.id.clone(),
                value: value.clone(),
                offered: options
                    .options
                    .iter()
                    .map(|o| o.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
    };
    let check_text = |text: &str, max: Option<u32>, ceiling: u32| -> Result<(), AnswerError> {
        let limit = max.unwrap_or(ceiling).min(ceiling);
        let length = text.chars().count();
        if text.trim().is_empty() {
            Err(AnswerError::Empty {
                question: question.id.clone(),
            })
        } else if length > limit as usize {
            Err(AnswerError::TooLong {
                question: question.id.clone(),
                length,
                limit,
            })
        } else {
            Ok(())
        }
    };
    match (&question.answer, answer) {
        (
            AnswerKind::Rating { .. } | AnswerKind::SingleChoice { .. } | AnswerKind::YesNo { .. },
            Answer::Choice(value),
        ) => check_option(value),
        (
            AnswerKind::Rating { .. } | AnswerKind::SingleChoice { .. } | AnswerKind::YesNo { .. },
            _,
        ) => Err(wrong("single option")),
        (AnswerKind::MultipleChoice { .. }, Answer::Choices(values)) => {
            values.iter().try_for_each(check_option)
        }
        (AnswerKind::MultipleChoice { .. }, _) => Err(wrong("list of options")),
        (AnswerKind::ShortText { max_length }, Answer::Text(text)) => {
            check_text(text, *max_length, SHORT_TEXT_MAX)
        }
        (AnswerKind::LongText { max_length }, Answer::Text(text)) => {
            check_text(text, *max_length, LONG_TEXT_MAX)
        }
        (AnswerKind::ShortText { .. } | AnswerKind::LongText { .. }, _) => Err(wrong("text")),
        (AnswerKind::Date {}, Answer::Date(_)) => Ok(()),
        (AnswerKind::Date {}, _) => Err(wrong("date")),
        (AnswerKind::Number { .. }, Answer::Number(value)) => question
            .answer
            .number_rule()
            .map_or(Ok(()), |rule| rule.check(*value))
            .map_err(|problem| AnswerError::Number {
                question: question.id.clone(),
                problem,
            }),
        (AnswerKind::Number { .. }, _) => Err(wrong("number")),
    }
}

impl Responses {
    /// The answer to a question, if any.
    pub fn answer(&self, question: &QuestionId) -> Option<&Answer> {
        self.items
            .get(question)
            .and_then(|item| item.answer.as_ref())
    }

    /// True when at least one question has an answer (an empty list of choices is no answer).
    /// A form with none says nothing, and is not a response.
    pub fn has_any_answer(&self) -> bool {
        self.items.values().any(|item| match &item.answer {
            Some(Answer::Choices(values)) => !values.is_empty(),
            Some(_) => true,
            None => false,
        })
    }

    /// The item for a question, if anything is recorded.
    pub fn item(&self, question: &QuestionId) -> Option<&ItemResponse> {
        self.items.get(question)
    }

    /// Records a change to one item; an item with nothing left in it is removed.
    pub fn set(&mut self, question: QuestionId, item: ItemResponse) {
        if item.is_empty() {
            self.items.remove(&question);
        } else {
            self.items.insert(question, item);
        }
    }

    /// True when a condition holds for these answers (and its question is itself shown).
    pub fn condition_holds(&self, definition: &Definition, condition: &Condition) -> bool {
        self.condition_holds_at(definition, condition, 0)
    }

    fn condition_holds_at(
        &self,
        definition: &Definition,
        condition: &Condition,
        depth: usize,
    ) -> bool {
        if depth > 64 {
            return false;
        }
        condition.alternatives().any(|one| {
            let Some(target) = definition.question(&one.question) else {
                return false;
            };
            if !self.question_shown_at(definition, target, depth + 1) {
                return false;
            }
            match self.answer(&one.question) {
                Some(Answer::Choice(value)) => one.any_of.contains(value),
                Some(Answer::Choices(values)) => values.iter().any(|v| one.any_of.contains(v)),
                _ => false,
            }
        })
    }

    /// True when a section is shown given these answers.
    pub fn section_shown(&self, definition: &Definition, section: &Section) -> bool {
        self.section_shown_at(definition, section, 0)
    }

    fn section_shown_at(&self, definition: &Definition, section: &Section, depth: usize) -> bool {
        section
            .shows_when
            .as_ref()
            .is_none_or(|c| self.condition_holds_at(definition, c, depth + 1))
    }

    /// True when a question is shown given these answers (its section shown, its condition met).
    pub fn question_shown(&self, definition: &Definition, question: &Question) -> bool {
        self.question_shown_at(definition, question, 0)
    }

    fn question_shown_at(
        &self,
        definition: &Definition,
        question: &Question,
        depth: usize,
    ) -> bool {
        let section = definition
            .sections
            .iter()
            .find(|s| s.questions.iter().any(|q| q.id == question.id));
        section.is_none_or(|s| self.section_shown_at(definition, s, depth + 1))
            && question
                .shows_when
                .as_ref()
                .is_none_or(|c| self.condition_holds_at(definition, c, depth + 1))
    }

    /// Questions of a section that are shown and required but have no answer, in order.
    pub fn missing_required<'a>(
        &self,
        definition: &'a Definition,
        section: &'a Section,
    ) -> Vec<&'a Question> {
        section
            .questions
            .iter()
            .filter(|q| q.required && self.answer(&q.id).is_none())
            .filter(|q| self.question_shown(definition, q))
            .collect()
    }

    /// How many of a section's shown questions have an answer, and how many are shown.
    pub fn progress(&self, definition: &Definition, section: &Section) -> Progress {
        let shown: Vec<&Question> = if self.section_shown(definition, section) {
            section
                .questions
                .iter()
                .filter(|q| self.question_shown(definition, q))
                .collect()
        } else {
            Vec::new()
        };
        Progress {
            answered: shown
                .iter()
                .filter(|q| self.answer(&q.id).is_some())
                .count(),
            shown: shown.len(),
        }
    }
}

/// How far a section (or a whole definition) has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Shown questions with an answer.
    pub answered: usize,
    /// Questions currently shown.
    pub shown: usize,
}

impl Progress {
    /// True when every shown question has an answer (and something is shown).
    pub fn is_complete(self) -> bool {
        self.shown > 0 && self.answered == self.shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_names_one_kind_once_and_a_second_key_is_named_in_the_refusal() {
        let read = |text: &str| serde_json::from_str::<Answer>(text).map_err(|e| e.to_string());
        assert_eq!(
            read(r#"{ "choice": "mostly" }"#),
            Ok(Answer::Choice(OptionValue::new("mostly")))
        );
        assert_eq!(
            read(r#"{ "choices": ["a", "b"] }"#),
            Ok(Answer::Choices(vec![
                OptionValue::new("a"),
                OptionValue::new("b")
            ]))
        );
        assert_eq!(read(r#"{ "text": "x" }"#), Ok(Answer::Text("x".into())));
        let twice = read(r#"{ "choice": "a", "choice": "b" }"#).unwrap_err();
        assert!(
            twice.contains("the key `choice` is written twice"),
            "{twice}"
        );
        let two_kinds = read(r#"{ "choice": "a", "text": "b" }"#).unwrap_err();
        assert!(
            two_kinds.contains("`choice`") && two_kinds.contains("`text`"),
            "{two_kinds}"
        );
        let none = read("{}").unwrap_err();
        assert!(none.contains("`choice`"), "names what it could be: {none}");
        let unknown = read(r#"{ "colour": "a" }"#).unwrap_err();
        assert!(unknown.contains("`colour`"), "{unknown}");
        // What the app writes, it reads back.
        for answer in [
            Answer::Choice(OptionValue::new("yes")),
            Answer::Number("12.5".parse().unwrap()),
            Answer::Date("2026-11-30".parse().unwrap()),
        ] {
            let text = serde_json::to_string(&answer).unwrap();
            assert_eq!(read(&text), Ok(answer));
        }
    }

    #[test]
    fn a_number_out_of_range_or_too_precise_is_refused_in_words() {
        let d = crate::test_fixtures::audit_with_numbers();
        let fte = d.question(&"wf-fte".into()).unwrap();
        let figure = |text: &str| Answer::Number(text.parse().unwrap());
        assert_eq!(accepts(&d, fte, &figure("12.5")), Ok(()));
        assert_eq!(accepts(&d, fte, &figure("500")), Ok(()));
        assert_eq!(
            accepts(&d, fte, &figure("500.5")).unwrap_err().to_string(),
            "the answer to question `wf-fte` does not fit: Enter 500 or less"
        );
        assert_eq!(
            accepts(&d, fte, &figure("1.25")).unwrap_err().to_string(),
            "the answer to question `wf-fte` does not fit: Enter a number with at most 1 decimal place"
        );
        assert_eq!(
            accepts(&d, fte, &Answer::Text("12".into())),
            Err(AnswerError::WrongKind {
                question: QuestionId::new("wf-fte"),
                expected: "number"
            })
        );
        // Stored as text with a full stop, whatever the decimal mark typed.
        assert_eq!(
            serde_json::to_string(&figure("12.5")).unwrap(),
            r#"{"number":"12.5"}"#
        );
    }

    fn with(question: &str, item: ItemResponse) -> Responses {
        let mut responses = Responses::default();
        responses.set(QuestionId::new(question), item);
        responses
    }

    #[test]
    fn a_form_with_no_answer_has_none() {
        assert!(!Responses::default().has_any_answer());
        let ticked_then_unticked = with(
            "q1",
            ItemResponse {
                answer: Some(Answer::Choices(Vec::new())),
                ..ItemResponse::default()
            },
        );
        assert!(!ticked_then_unticked.has_any_answer());
        let only_a_comment = with(
            "q1",
            ItemResponse {
                comment: Some("n/a".into()),
                ..ItemResponse::default()
            },
        );
        assert!(!only_a_comment.has_any_answer());
    }

    #[test]
    fn one_answer_is_enough() {
        let text = with(
            "q1",
            ItemResponse {
                answer: Some(Answer::Text("Kind".into())),
                ..ItemResponse::default()
            },
        );
        assert!(text.has_any_answer());
        let choice = with(
            "q2",
            ItemResponse {
                answer: Some(Answer::Choices(vec![OptionValue::new("a")])),
                ..ItemResponse::default()
            },
        );
        assert!(choice.has_any_answer());
    }
}
