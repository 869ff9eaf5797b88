//! Properties of scoring and aggregation that must hold for any answers, checked with proptest.

use mhsw::aggregate::{summarise, FeedbackPool};
use mhsw::definition::{load_definition, AnswerKind, Definition};
use mhsw::ids::{OptionValue, QuestionId, ResponseId};
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::scoring::{score, Fraction, Scores};
use mhsw::work::{Channel, FeedbackResponse};
use proptest::prelude::*;

fn load(name: &str) -> Definition {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    load_definition(name, &std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The answers a question can take: each option, or some text / a date for the other kinds.
fn choices_for(definition: &Definition) -> Vec<(QuestionId, Vec<Answer>)> {
    definition
        .questions()
        .map(|(_, q)| {
            let answers = match &q.answer {
                AnswerKind::MultipleChoice { options } => vec![
                    Answer::Choices(vec![options[0].value.clone()]),
                    Answer::Choices(options.iter().map(|o| o.value.clone()).collect()),
                ],
                AnswerKind::ShortText { .. } | AnswerKind::LongText { .. } => {
                    vec![
                        Answer::Text("Some words".into()),
                        Answer::Text("Other words".into()),
                    ]
                }
                AnswerKind::Date {} => vec![Answer::Date("2026-11-22".parse().unwrap())],
                AnswerKind::Number { min, max, .. } => vec![
                    Answer::Number(mhsw::number::Decimal::whole(*min)),
                    Answer::Number(mhsw::number::Decimal::whole(*max)),
                ],
                _ => definition
                    .options_of(q)
                    .unwrap()
                    .options
                    .iter()
                    .map(|o| Answer::Choice(o.value.clone()))
                    .collect(),
            };
            (q.id.clone(), answers)
        })
        .collect()
}

/// Answers from one index per question; an index past the question's answers leaves it blank.
fn responses_from(table: &[(QuestionId, Vec<Answer>)], picks: &[usize]) -> Responses {
    let mut responses = Responses::default();
    for ((id, answers), pick) in table.iter().zip(picks) {
        if let Some(answer) = answers.get(*pick) {
            responses.set(
                id.clone(),
                ItemResponse {
                    answer: Some(answer.clone()),
                    ..ItemResponse::default()
                },
            );
        }
    }
    responses
}

fn every_fraction(scores: &Scores) -> Vec<Fraction> {
    let mut all: Vec<Fraction> = scores.overall.iter().map(|s| s.fraction).collect();
    all.extend(scores.completion);
    for section in &scores.sections {
        all.extend(section.score.as_ref().map(|s| s.fraction));
        all.extend(section.completion);
        all.extend(
            section
                .items
                .iter()
                .filter_map(|i| i.score.as_ref().map(|s| s.fraction)),
        );
    }
    all.extend(
        scores
            .themes
            .iter()
            .filter_map(|t| t.score.as_ref().map(|s| s.fraction)),
    );
    all
}

fn score_fractions(scores: &Scores) -> Vec<Option<Fraction>> {
    let mut all = vec![scores.overall.as_ref().map(|s| s.fraction)];
    all.extend(
        scores
            .sections
            .iter()
            .map(|s| s.score.as_ref().map(|x| x.fraction)),
    );
    all.extend(
        scores
            .themes
            .iter()
            .map(|t| t.score.as_ref().map(|x| x.fraction)),
    );
    all
}

fn feedback_response(
    table: &[(QuestionId, Vec<Answer>)],
    id: u8,
    day: u8,
    picks: &[usize],
) -> FeedbackResponse {
    FeedbackResponse {
        id: ResponseId::new(format!("r{id:02}")),
        submitted: format!("2026-10-{:02}", day % 28 + 1).parse().unwrap(),
        channel: Channel::Device,
        definition_version: if id.is_multiple_of(7) {
            "1.0.0"
        } else {
            "2.0.0"
        }
        .to_owned(),
        answers: responses_from(table, picks),
    }
}

fn feedback_responses() -> impl Strategy<Value = Vec<FeedbackResponse>> {
    let table = choices_for(&load("mini-feedback.json"));
    let width = table.len();
    // Ids from a small range, so duplicates (identical or conflicting) are common.
    prop::collection::vec(
        (0u8..40, 0u8..28, prop::collection::vec(0usize..9, width)),
        0..40,
    )
    .prop_map(move |raw| {
        raw.iter()
            .map(|(id, day, picks)| feedback_response(&table, *id, *day, picks))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every score and completion lies between 0% and 100%.
    #[test]
    fn every_percentage_lies_within_0_and_100(picks in prop::collection::vec(0usize..10, 9)) {
        let definition = load("mini-audit.json");
        let table = choices_for(&definition);
        let scores = score(&definition, &responses_from(&table, &picks));
        for fraction in every_fraction(&scores) {
            prop_assert!(fraction.numerator() <= fraction.denominator(), "{fraction:?}");
            prop_assert!((0.0..=100.0).contains(&fraction.percent()));
            prop_assert!(fraction.whole_percent() <= 100);
        }
    }

    /// Answering "not applicable" to questions left blank never changes a score (S3). Questions
    /// that decide whether others are shown are left alone: hiding a question on purpose does
    /// change the score.
    #[test]
    fn adding_not_applicable_answers_never_changes_a_percentage(
        picks in prop::collection::vec(0usize..10, 9),
        extra in prop::collection::vec(any::<bool>(), 9),
    ) {
        let definition = load("mini-audit.json");
        let table = choices_for(&definition);
        let gates: Vec<&QuestionId> = definition
            .sections
            .iter()
            .filter_map(|s| s.shows_when.as_ref())
            .chain(definition.questions().filter_map(|(_, q)| q.shows_when.as_ref()))
            .map(|c| &c.question)
            .collect();
        let before = responses_from(&table, &picks);
        let mut after = before.clone();
        for ((id, answers), add) in table.iter().zip(&extra) {
            let na = Answer::Choice(OptionValue::new("na"));
            if *add && before.answer(id).is_none() && !gates.contains(&id) && answers.contains(&na) {
                after.set(id.clone(), ItemResponse { answer: Some(na), ..ItemResponse::default() });
            }
        }
        prop_assert_eq!(
            score_fractions(&score(&definition, &before)),
            score_fractions(&score(&definition, &after))
        );
    }

    /// The order responses arrive in never changes what is shown.
    #[test]
    fn the_order_of_responses_never_changes_an_aggregate(
        (responses, shuffled) in feedback_responses().prop_flat_map(|r| (Just(r.clone()), Just(r).prop_shuffle()))
    ) {
        let definition = load("mini-feedback.json");
        let a = FeedbackPool::from_responses(responses);
        let b = FeedbackPool::from_responses(shuffled);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(summarise(&definition, &a), summarise(&definition, &b));
    }

    /// Merging pools in any grouping and order gives the same pool and summary.
    #[test]
    fn merging_aggregates_in_any_grouping_gives_the_same_result(
        first in feedback_responses(),
        second in feedback_responses(),
        third in feedback_responses(),
    ) {
        let definition = load("mini-feedback.json");
        let (a, b, c) = (
            FeedbackPool::from_responses(first),
            FeedbackPool::from_responses(second),
            FeedbackPool::from_responses(third),
        );
        let left = a.clone().merge(b.clone()).merge(c.clone());
        let right = a.clone().merge(b.clone().merge(c.clone()));
        let reordered = c.clone().merge(a.clone()).merge(b.clone());
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(&left, &reordered);
        prop_assert_eq!(&left.clone().merge(FeedbackPool::new()), &left);
        // Importing the same files again adds nothing.
        prop_assert_eq!(&left.clone().merge(a).merge(b).merge(c), &left);
        prop_assert_eq!(summarise(&definition, &left), summarise(&definition, &right));
    }
}
