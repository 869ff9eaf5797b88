//! Carrying answers across versions of a definition: where an answer to a question that a newer
//! version retired goes.
//!
//! Owns: the rules below, used by [`crate::work::reconcile`] for an audit's answers and by
//! [`crate::aggregate`] for each feedback response.
//! Must not touch: storage, wording for people, or a clock. What a retired question is, and its
//! check (V25), is [`crate::definition::retired`](mod@crate::definition::retired).
//!
//! # Rules
//!
//! - **K1 Carried.** An answer to a question the definition no longer asks moves to the question
//!   its `retired` entry names in `carried_to` when all of these hold: that question exists, the
//!   answer fits it ([`accepts`]), and nothing is recorded for that question yet. Evidence,
//!   comment and priority move with the answer. Two old questions carried to one new question:
//!   the first by id is carried, the other is kept aside.
//! - **K2 Kept aside.** Any other answer to a question the definition no longer asks stays under
//!   its old id, never dropped, and is shown with the old question's text from `retired` when the
//!   definition lists it ([`Definition::text_of`]), its id otherwise.
//! - **K3 Feedback stays as given.** A feedback response is never rewritten: it keeps the ids and
//!   version it was answered with, and reports read it through [`carried`], so responses saved
//!   under an older and a newer version combine by the question each answer now belongs to.

use std::borrow::Cow;

use crate::definition::{Definition, ScaleOption};
use crate::ids::{OptionValue, QuestionId};
use crate::responses::{accepts, Answer, ItemResponse, Responses};

/// An answer kept aside (K2), as people are shown it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAside {
    /// The id the answer is kept under.
    pub id: QuestionId,
    /// The question as people read it: the current question's text, the retired question's
    /// text, or `Question <id>` when the definition knows neither.
    pub question: String,
    /// The answer in words ([`answer_words`]); `None` when only evidence or a comment is kept.
    pub answer: Option<String>,
}

/// Every answer kept aside, in id order, with the question's text and the answer in words (K2).
pub fn kept_aside(
    definition: &Definition,
    aside: &crate::list_map::ListMap<QuestionId, ItemResponse>,
) -> Vec<KeptAside> {
    aside
        .iter()
        .map(|(id, item)| KeptAside {
            id: id.clone(),
            question: definition
                .text_of(id)
                .map_or_else(|| format!("Question {id}"), |t| t.trim().to_owned()),
            answer: item
                .answer
                .as_ref()
                .map(|a| answer_words(definition, id, a)),
        })
        .collect()
}

/// An answer kept aside in words. A chosen option is shown by its label, found where it is most
/// likely to mean the same: the question with that id, the question it was to be carried to,
/// the definition's scales, then any question's options; by its value as stored when none has
/// it. Text is shown as written and a date as `22 November 2026`.
pub fn answer_words(definition: &Definition, id: &QuestionId, answer: &Answer) -> String {
    let label = |value: &OptionValue| -> String {
        let carried_to = definition
            .retired_question(id)
            .and_then(|r| r.carried_to.as_ref());
        let in_question = |qid: &QuestionId| {
            definition
                .question(qid)
                .and_then(|q| definition.options_of(q))
                .and_then(|list| list.find(value).map(|o| o.label.to_string()))
        };
        let in_list = |options: &[ScaleOption]| {
            options
                .iter()
                .find(|o| &o.value == value)
                .map(|o| o.label.to_string())
        };
        in_question(id)
            .or_else(|| carried_to.and_then(&in_question))
            .or_else(|| definition.scales.values().find_map(|s| in_list(&s.options)))
            .or_else(|| definition.questions().find_map(|(_, q)| in_question(&q.id)))
            .unwrap_or_else(|| value.to_string())
    };
    match answer {
        Answer::Choice(value) => label(value),
        Answer::Choices(values) => values.iter().map(label).collect::<Vec<_>>().join("; "),
        Answer::Text(text) => text.trim().to_owned(),
        Answer::Date(date) => date.long(),
        // A figure as given; its unit belongs to a question the definition no longer asks.
        Answer::Number(figure) => figure.to_string(),
    }
}

/// Where an answer to the question `old`, which the definition no longer asks, goes under K1:
/// the question it is carried to, or `None` when it is kept aside (K2). `taken` says whether
/// something is already recorded for a question.
pub fn destination<'d>(
    definition: &'d Definition,
    old: &QuestionId,
    item: &ItemResponse,
    taken: impl Fn(&QuestionId) -> bool,
) -> Option<&'d QuestionId> {
    if definition.question(old).is_some() {
        return None;
    }
    let to = definition.retired_question(old)?.carried_to.as_ref()?;
    let question = definition.question(to)?;
    let answer = item.answer.as_ref()?;
    (accepts(definition, question, answer).is_ok() && !taken(to)).then_some(to)
}

/// True when the definition carries any retired question's answers somewhere (a quick test that
/// lets [`carried`] skip its work for most definitions).
pub fn carries_any(definition: &Definition) -> bool {
    definition.retired.iter().any(|r| r.carried_to.is_some())
}

/// One response's answers as this version of the definition reads them (K1, K3): answers to
/// retired questions carried to their new question; everything else, including what is kept
/// aside, as it was. Borrowed unchanged when nothing is carried.
pub fn carried<'r>(definition: &Definition, responses: &'r Responses) -> Cow<'r, Responses> {
    if !carries_any(definition) {
        return Cow::Borrowed(responses);
    }
    let mut moved: Option<Responses> = None;
    for (id, item) in &responses.items {
        let current = moved.as_ref().unwrap_or(responses);
        let Some(to) = destination(definition, id, item, |q| {
            current.item(q).is_some_and(|i| !i.is_empty())
        }) else {
            continue;
        };
        let to = to.clone();
        let copy = moved.get_or_insert_with(|| responses.clone());
        if let Some(item) = copy.items.remove(id) {
            copy.items.insert(to, item);
        }
    }
    moved.map_or(Cow::Borrowed(responses), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::{audit, choices};

    /// The mini audit as a 2.0.0 that retired `gov-x` into `lead-1` and `old-y` into nothing.
    fn with_retired() -> Definition {
        let mut definition = audit();
        definition.version = "2.0.0".to_owned();
        definition.retired = serde_json::from_str(
            r#"[{"id": "gov-x", "text": "Old governance question", "since": "2.0.0", "carried_to": "lead-1"},
                {"id": "old-y", "text": "Old question y", "since": "2.0.0"}]"#,
        )
        .expect("retired entries");
        definition
    }

    #[test]
    fn k1_an_answer_that_fits_moves_to_the_unanswered_new_question() {
        let definition = with_retired();
        let given = choices(&[("gov-x", "partly"), ("old-y", "achieved")]);
        let read = carried(&definition, &given);
        assert_eq!(
            read.answer(&"lead-1".into()),
            given.answer(&"gov-x".into()),
            "carried to lead-1"
        );
        assert!(read.item(&"gov-x".into()).is_none());
        assert!(
            read.item(&"old-y".into()).is_some(),
            "K2: kept under its old id"
        );
    }

    #[test]
    fn k1_an_answer_is_not_carried_over_one_already_given_or_when_it_does_not_fit() {
        let definition = with_retired();
        let given = choices(&[("gov-x", "partly"), ("lead-1", "achieved")]);
        let read = carried(&definition, &given);
        assert_eq!(
            read.answer(&"lead-1".into()),
            given.answer(&"lead-1".into())
        );
        assert!(read.item(&"gov-x".into()).is_some(), "kept aside");

        let misfit = choices(&[("gov-x", "an-option-lead-1-lacks")]);
        let read = carried(&definition, &misfit);
        assert!(read.item(&"lead-1".into()).is_none());
        assert!(
            read.item(&"gov-x".into()).is_some(),
            "kept aside: it does not fit"
        );
    }

    #[test]
    fn k2_answers_kept_aside_read_with_the_old_question_text_and_the_answer_label() {
        let definition = with_retired();
        let aside = choices(&[("old-y", "achieved"), ("never-listed", "mystery")]).items;
        let shown = kept_aside(&definition, &aside);
        assert_eq!(
            shown,
            [
                KeptAside {
                    id: QuestionId::new("never-listed"),
                    question: "Question never-listed".to_owned(),
                    answer: Some("mystery".to_owned()),
                },
                KeptAside {
                    id: QuestionId::new("old-y"),
                    question: "Old question y".to_owned(),
                    answer: Some("Achieved".to_owned()),
                },
            ]
        );
    }

    #[test]
    fn k3_nothing_is_copied_when_nothing_is_carried() {
        let definition = with_retired();
        let given = choices(&[("lead-1", "achieved")]);
        assert!(matches!(carried(&definition, &given), Cow::Borrowed(_)));
    }
}
