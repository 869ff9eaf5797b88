//! Tests pinning aggregation rules A1 to A9.

use super::*;
use crate::ids::QuestionId;
use crate::lang::Lang;
use crate::responses::{ItemResponse, Responses};
use crate::test_fixtures::{choices, feedback, feedback_work, response};

fn agree_on(question: &str, values: &[&str]) -> Vec<FeedbackResponse> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            response(
                &format!("r{i:03}"),
                "2.0.0",
                "2026-10-01",
                choices(&[(question, v)]),
            )
        })
        .collect()
}

fn text(question: &str, words: &str) -> Responses {
    let mut r = Responses::default();
    r.set(
        QuestionId::new(question),
        ItemResponse {
            answer: Some(Answer::Text(words.into())),
            ..ItemResponse::default()
        },
    );
    r
}

fn counts(summary: &FeedbackSummary, question: &str) -> Vec<(String, u32)> {
    summary
        .item(&question.into())
        .unwrap()
        .figures
        .shown()
        .unwrap()
        .options
        .iter()
        .map(|o| (o.value.to_string(), o.count))
        .collect()
}

#[test]
fn a1_the_same_response_twice_adds_nothing() {
    let d = feedback();
    let device = feedback_work(
        &d,
        agree_on("fb-1", &["agree", "agree", "disagree", "agree", "na"]),
    );
    let once = FeedbackPool::from_work(&device);
    let twice = once.clone().merge(FeedbackPool::from_work(&device));
    assert_eq!(once, twice);
    assert_eq!(summarise(&d, &twice).responses, 5);
    let mut pool = FeedbackPool::new();
    let first = device.collection.as_ref().unwrap().responses[0].clone();
    assert_eq!(pool.add(first.clone()), Added::New);
    assert_eq!(pool.add(first), Added::AlreadyPresent);
}

#[test]
fn a1_a_conflicting_duplicate_keeps_the_later_response_and_is_listed() {
    let d = feedback();
    let early = response(
        "same",
        "2.0.0",
        "2026-10-01",
        choices(&[("fb-1", "disagree")]),
    );
    let late = response("same", "2.0.0", "2026-10-02", choices(&[("fb-1", "agree")]));
    let one_way = FeedbackPool::from_responses([early.clone(), late.clone()]);
    let other_way = FeedbackPool::from_responses([late.clone(), early.clone()]);
    assert_eq!(one_way, other_way);
    assert_eq!(one_way.responses().next(), Some(&late));
    let summary = summarise(&d, &one_way);
    assert_eq!(summary.conflicting_ids, [ResponseId::new("same")]);
    // On the same day the choice is still independent of order.
    let a = response("x", "2.0.0", "2026-10-01", choices(&[("fb-1", "agree")]));
    let b = response("x", "2.0.0", "2026-10-01", choices(&[("fb-1", "neutral")]));
    assert_eq!(
        FeedbackPool::from_responses([a.clone(), b.clone()]),
        FeedbackPool::from_responses([b, a])
    );
}

#[test]
fn a2_merging_in_any_order_or_grouping_gives_the_same_pool() {
    let all = agree_on(
        "fb-1",
        &[
            "agree", "disagree", "neutral", "agree", "na", "pnts", "agree",
        ],
    );
    let a = FeedbackPool::from_responses(all[0..3].to_vec());
    let b = FeedbackPool::from_responses(all[2..5].to_vec());
    let c = FeedbackPool::from_responses(all[4..].to_vec());
    let left = a.clone().merge(b.clone()).merge(c.clone());
    let right = a.clone().merge(b.clone().merge(c.clone()));
    let swapped = c.merge(a).merge(b);
    assert_eq!(left, right);
    assert_eq!(left, swapped);
    assert_eq!(left.len(), 7);
    assert_eq!(left.clone().merge(FeedbackPool::new()), left);
}

#[test]
fn a3_special_options_are_counted_separately() {
    let d = feedback();
    let pool = FeedbackPool::from_responses(agree_on(
        "fb-1",
        &[
            "agree",
            "strongly-agree",
            "disagree",
            "na",
            "pnts",
            "pnts",
            "agree",
        ],
    ));
    let s = summarise(&d, &pool);
    let item = s.item(&"fb-1".into()).unwrap();
    assert_eq!(item.answered, 7);
    assert_eq!(
        counts(&s, "fb-1"),
        [
            ("strongly-disagree".to_owned(), 0),
            ("disagree".to_owned(), 1),
            ("neutral".to_owned(), 0),
            ("agree".to_owned(), 2),
            ("strongly-agree".to_owned(), 1),
            ("na".to_owned(), 1),
            ("pnts".to_owned(), 2),
        ]
    );
    let figures = item.figures.shown().unwrap();
    assert_eq!(figures.options[6].share, Fraction::new(2, 7).unwrap());
}

#[test]
fn a3_multiple_choice_counts_each_chosen_option() {
    let d = feedback();
    let responses: Vec<FeedbackResponse> = (0..5)
        .map(|i| {
            let mut r = Responses::default();
            let chosen = if i % 2 == 0 {
                vec!["listening", "rights"]
            } else {
                vec!["listening"]
            };
            r.set(
                QuestionId::new("fb-4"),
                ItemResponse {
                    answer: Some(Answer::Choices(
                        chosen.into_iter().map(OptionValue::new).collect(),
                    )),
                    ..ItemResponse::default()
                },
            );
            response(&format!("m{i}"), "2.0.0", "2026-10-01", r)
        })
        .collect();
    let s = summarise(&d, &FeedbackPool::from_responses(responses));
    assert_eq!(s.item(&"fb-4".into()).unwrap().answered, 5);
    assert_eq!(
        counts(&s, "fb-4"),
        [
            ("listening".to_owned(), 5),
            ("rights".to_owned(), 3),
            ("other-services".to_owned(), 0),
            ("pnts".to_owned(), 0)
        ]
    );
    assert_eq!(
        s.item(&"fb-4".into())
            .unwrap()
            .figures
            .shown()
            .unwrap()
            .agree,
        None
    );
}

#[test]
fn a4_share_that_agree_is_over_responses_that_gave_a_point() {
    let d = feedback();
    let pool = FeedbackPool::from_responses(agree_on(
        "fb-1",
        &[
            "agree",
            "strongly-agree",
            "disagree",
            "neutral",
            "agree",
            "na",
            "pnts",
        ],
    ));
    let s = summarise(&d, &pool);
    let figures = s.item(&"fb-1".into()).unwrap().figures.shown().unwrap();
    assert_eq!(figures.gave_a_point, 5);
    assert_eq!(
        figures.agree,
        Some(Group::Shown(Fraction::new(3, 5).unwrap()))
    );
}

#[test]
fn a4_a_theme_pools_only_items_whose_share_is_shown() {
    let d = feedback();
    // fb-1 (whole life): 5 gave a point, 4 agree. fb-3 (whole life, yes/no): 5 answered, 2 yes.
    // fb-2 (leadership): only 3 answers, suppressed.
    let responses: Vec<FeedbackResponse> = (0..5)
        .map(|i| {
            let mut pairs = vec![("fb-1", if i == 0 { "disagree" } else { "agree" })];
            pairs.push(("fb-3", if i < 2 { "yes" } else { "no" }));
            if i < 3 {
                pairs.push(("fb-2", "agree"));
            }
            response(&format!("t{i}"), "2.0.0", "2026-10-01", choices(&pairs))
        })
        .collect();
    let s = summarise(&d, &FeedbackPool::from_responses(responses));
    let whole_life = s.theme(&"whole-life".into()).unwrap();
    assert_eq!(whole_life.responses, 5);
    assert_eq!(whole_life.agree, Group::Shown(Fraction::new(6, 10)));
    let leadership = s.theme(&"leadership".into()).unwrap();
    assert_eq!(leadership.responses, 3);
    assert_eq!(leadership.agree, Group::Suppressed);
}

#[test]
fn a5_answers_to_hidden_questions_are_not_counted() {
    let d = feedback();
    // fb-6 shows only when fb-3 is yes.
    let responses: Vec<FeedbackResponse> = (0..6)
        .map(|i| {
            let gate = if i < 5 { "yes" } else { "no" };
            response(
                &format!("h{i}"),
                "2.0.0",
                "2026-10-01",
                choices(&[("fb-3", gate), ("fb-6", "agree")]),
            )
        })
        .collect();
    let s = summarise(&d, &FeedbackPool::from_responses(responses));
    assert_eq!(s.item(&"fb-6".into()).unwrap().answered, 5);
    assert_eq!(s.hidden_answers, 1);
}

#[test]
fn a6_other_versions_are_placed_by_id_and_the_rest_listed() {
    let d = feedback();
    let mut responses = agree_on("fb-1", &["agree", "agree", "agree", "agree"]);
    responses.push(response(
        "old-1",
        "1.0.0",
        "2026-01-10",
        choices(&[
            ("fb-1", "agree"),
            ("old-question", "yes"),
            ("fb-2", "somewhat"),
        ]),
    ));
    responses.push(response(
        "old-2",
        "1.0.0",
        "2026-01-11",
        choices(&[("old-question", "no")]),
    ));
    let s = summarise(&d, &FeedbackPool::from_responses(responses));
    assert_eq!(s.item(&"fb-1".into()).unwrap().answered, 5);
    assert_eq!(s.by_version.get("1.0.0"), Some(&2));
    assert_eq!(s.by_version.get("2.0.0"), Some(&4));
    assert_eq!(
        s.unplaced,
        [
            Unplaced {
                question: QuestionId::new("fb-2"),
                reason: UnplacedReason::NoLongerFits,
                answers: 1
            },
            Unplaced {
                question: QuestionId::new("old-question"),
                reason: UnplacedReason::NotInThisVersion,
                answers: 2
            },
        ]
    );
    assert_eq!(s.responses, 6);
}

#[test]
fn a7_groups_under_five_are_suppressed() {
    let d = feedback();
    let four = summarise(
        &d,
        &FeedbackPool::from_responses(agree_on("fb-1", &["agree"; 4])),
    );
    assert_eq!(four.collection, Group::Suppressed);
    assert_eq!(
        four.item(&"fb-1".into()).unwrap().figures,
        Group::Suppressed
    );
    assert_eq!(
        four.theme(&"whole-life".into()).unwrap().agree,
        Group::Suppressed
    );
    let five = summarise(
        &d,
        &FeedbackPool::from_responses(agree_on("fb-1", &["agree"; 5])),
    );
    assert_eq!(five.collection, Group::Shown(()));
    assert!(five.item(&"fb-1".into()).unwrap().figures.shown().is_some());
    // Five answered but only four gave a point: the share that agree is suppressed too.
    let mostly_na = summarise(
        &d,
        &FeedbackPool::from_responses(agree_on(
            "fb-1",
            &["agree", "agree", "agree", "agree", "na"],
        )),
    );
    let figures = mostly_na
        .item(&"fb-1".into())
        .unwrap()
        .figures
        .shown()
        .unwrap();
    assert_eq!(figures.agree, Some(Group::Suppressed));
    // A question nobody answered is suppressed, never 0%.
    assert_eq!(
        five.item(&"fb-2".into()).unwrap().figures,
        Group::Suppressed
    );
}

#[test]
fn a8_free_text_is_listed_in_response_id_order() {
    let d = feedback();
    let responses: Vec<FeedbackResponse> = ["e", "c", "a", "d", "b"]
        .iter()
        .map(|id| {
            response(
                id,
                "2.0.0",
                "2026-10-01",
                text("fb-5", &format!("Comment {id}")),
            )
        })
        .collect();
    let s = summarise(&d, &FeedbackPool::from_responses(responses));
    let figures = s.item(&"fb-5".into()).unwrap().figures.shown().unwrap();
    assert_eq!(
        figures.free_text,
        [
            "Comment a",
            "Comment b",
            "Comment c",
            "Comment d",
            "Comment e"
        ]
    );
    assert!(figures.options.is_empty());
}

#[test]
fn a_period_can_be_selected() {
    let d = feedback();
    let mut responses = agree_on("fb-1", &["agree"; 5]);
    responses.push(response(
        "late",
        "2.0.0",
        "2026-12-01",
        choices(&[("fb-1", "agree")]),
    ));
    let pool = FeedbackPool::from_responses(responses);
    let autumn = pool.within(
        Some(crate::test_fixtures::date("2026-09-01")),
        Some(crate::test_fixtures::date("2026-11-30")),
    );
    assert_eq!(autumn.len(), 5);
    let s = summarise(&d, &pool);
    assert_eq!(
        s.period,
        Some((
            crate::test_fixtures::date("2026-10-01"),
            crate::test_fixtures::date("2026-12-01")
        ))
    );
}

/// Answers are option values, whatever language the person read the questionnaire in, so a
/// collection answered partly in Welsh and partly in English combines into one count: here three
/// people reading Welsh and two reading English, each group too small to show on its own, make
/// one group of five that agree.
#[test]
fn welsh_and_english_responses_combine_into_one_count() {
    let d = crate::definition::load_definition(
        "bilingual-feedback.json",
        include_str!("../../tests/definitions/valid/bilingual-feedback.json"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let question = d.question(&"fb-1".into()).unwrap();
    let options = d.options_of(question).unwrap();
    // What a person does: reads the labels in their language and picks the one that says what
    // they mean; what is kept is that option's value.
    let choose = |lang: Lang, label: &str| -> String {
        let option = options
            .options
            .iter()
            .find(|o| o.label.get(lang) == label)
            .unwrap_or_else(|| panic!("no option reads {label:?} in {lang}"));
        option.value.to_string()
    };
    let welsh: Vec<FeedbackResponse> = (0..3)
        .map(|i| {
            let value = choose(Lang::Cy, "Cytuno");
            response(
                &format!("cy{i}"),
                "1.0.0",
                "2026-10-01",
                choices(&[("fb-1", &value)]),
            )
        })
        .collect();
    let english: Vec<FeedbackResponse> = (0..2)
        .map(|i| {
            let value = choose(Lang::En, "Agree");
            response(
                &format!("en{i}"),
                "1.0.0",
                "2026-10-02",
                choices(&[("fb-1", &value)]),
            )
        })
        .collect();
    let welsh_device = FeedbackPool::from_work(&feedback_work(&d, welsh));
    let english_device = FeedbackPool::from_work(&feedback_work(&d, english));
    // Neither device alone has enough responses to show (A7).
    assert!(summarise(&d, &welsh_device)
        .item(&"fb-1".into())
        .unwrap()
        .figures
        .shown()
        .is_none());
    let both = welsh_device.merge(english_device);
    let summary = summarise(&d, &both);
    assert_eq!(summary.responses, 5);
    let agree: Vec<(String, u32)> = counts(&summary, "fb-1")
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .collect();
    assert_eq!(agree, [("agree".to_owned(), 5)]);
}

/// A 1.0.0 and a 2.0.0 of the mini feedback questionnaire: 1.0.0 asked `fb-old-2` (which 2.0.0
/// asks in new words as `fb-2`) and `fb-old-9` (which 2.0.0 dropped).
fn versions() -> (Definition, Definition) {
    let new = {
        let mut d = feedback();
        d.retired = serde_json::from_str(
            r#"[{"id": "fb-old-2", "text": "My social worker listened to me.", "since": "2.0.0", "carried_to": "fb-2"},
                {"id": "fb-old-9", "text": "I was seen on time.", "since": "2.0.0"}]"#,
        )
        .expect("retired entries");
        assert!(
            crate::definition::validate(&d).is_empty(),
            "{:?}",
            crate::definition::validate(&d)
        );
        d
    };
    let old = {
        let mut d = feedback();
        d.version = "1.0.0".to_owned();
        let mut dropped = None;
        for section in &mut d.sections {
            for question in &mut section.questions {
                if question.id.as_str() == "fb-2" {
                    question.id = QuestionId::new("fb-old-2");
                    let mut copy = question.clone();
                    copy.id = QuestionId::new("fb-old-9");
                    dropped = Some(copy);
                }
            }
        }
        d.sections[0].questions.push(dropped.expect("fb-2"));
        assert!(crate::definition::validate(&d).is_empty());
        d
    };
    (old, new)
}

#[test]
fn a9_responses_to_two_versions_combine_and_carried_answers_count_with_the_new_question() {
    let (old, new) = versions();
    let mut responses = Vec::new();
    for i in 0..3 {
        let answers = choices(&[
            ("fb-1", "agree"),
            ("fb-old-2", "agree"),
            ("fb-old-9", "disagree"),
        ]);
        for id in answers.items.keys() {
            assert!(old.question(id).is_some(), "a 1.0.0 answer");
        }
        responses.push(response(&format!("v1-{i}"), "1.0.0", "2026-01-10", answers));
    }
    for i in 0..3 {
        responses.push(response(
            &format!("v2-{i}"),
            "2.0.0",
            "2026-10-10",
            choices(&[("fb-1", "disagree"), ("fb-2", "strongly-agree")]),
        ));
    }
    // Answered both the old and the new question: the new answer counts, the old is listed.
    responses.push(response(
        "both",
        "2.0.0",
        "2026-10-11",
        choices(&[("fb-2", "neutral"), ("fb-old-2", "agree")]),
    ));
    let work = feedback_work(&new, responses);
    let s = summarise(&new, &FeedbackPool::from_work(&work));
    assert_eq!(
        s.item(&"fb-1".into()).unwrap().answered,
        6,
        "a shared id counts both versions"
    );
    assert_eq!(
        s.item(&"fb-2".into()).unwrap().answered,
        7,
        "3 carried, 4 given"
    );
    assert_eq!(
        counts(&s, "fb-2"),
        [
            ("strongly-disagree".to_owned(), 0),
            ("disagree".to_owned(), 0),
            ("neutral".to_owned(), 1),
            ("agree".to_owned(), 3),
            ("strongly-agree".to_owned(), 3),
            ("na".to_owned(), 0),
            ("pnts".to_owned(), 0),
        ]
    );
    assert_eq!(
        s.unplaced,
        [
            Unplaced {
                question: QuestionId::new("fb-old-2"),
                reason: UnplacedReason::NotInThisVersion,
                answers: 1
            },
            Unplaced {
                question: QuestionId::new("fb-old-9"),
                reason: UnplacedReason::NotInThisVersion,
                answers: 3
            },
        ]
    );
    // The stored responses are not rewritten (K3).
    assert!(work.collection.as_ref().unwrap().responses[0]
        .answers
        .item(&"fb-old-2".into())
        .is_some());
    // Bringing the collection up to date says what reports carry and leave out, and changes
    // no response.
    let mut updated = work.clone();
    let change = crate::work::reconcile(&mut updated, &new, None);
    assert_eq!(change.responses_carried, 3);
    assert_eq!(
        change.responses_kept_aside,
        ["fb-old-2", "fb-old-9"].map(QuestionId::new)
    );
    assert_eq!(updated.collection, work.collection);
    // The report names what was not counted by the old question's text.
    let report =
        crate::report::feedback_report(&new, &work, &s, crate::test_fixtures::date("2026-11-22"));
    assert!(
        report
            .plain_text()
            .contains("I was seen on time. (fb-old-9) | This version does not ask it | 3"),
        "{}",
        report.plain_text()
    );
}
