//! Tests pinning scoring rules S1 to S19, one or more per rule, named after it.

use super::*;
use crate::definition::Band;
use crate::responses::ItemResponse;
use crate::test_fixtures::{audit, audit_with_numbers, choices, with_priority};

fn frac(n: u64, d: u64) -> Fraction {
    Fraction::new(n, d).unwrap()
}

fn section_fraction(scores: &Scores, id: &str) -> Option<Fraction> {
    scores
        .section(&id.into())
        .unwrap()
        .score
        .as_ref()
        .map(|s| s.fraction)
}

fn band_id(score: &Option<Score>) -> Option<&str> {
    score
        .as_ref()
        .and_then(|s| s.band.as_ref())
        .map(|b| b.id.as_str())
}

#[test]
fn s1_only_choice_questions_with_points_score() {
    let d = audit();
    let mut r = choices(&[("lead-3", "yes"), ("has-amhp", "no")]);
    r.set(
        QuestionId::new("lead-note"),
        ItemResponse {
            answer: Some(Answer::Text("We are recruiting.".into())),
            ..ItemResponse::default()
        },
    );
    let s = score(&d, &r);
    assert_eq!(
        s.item(&"lead-3".into()).unwrap().outcome,
        ItemOutcome::Scored { points: 1, max: 1 }
    );
    assert_eq!(
        s.item(&"has-amhp".into()).unwrap().outcome,
        ItemOutcome::Answered
    );
    assert_eq!(
        s.item(&"lead-note".into()).unwrap().outcome,
        ItemOutcome::Answered
    );
    assert_eq!(s.item(&"has-amhp".into()).unwrap().score, None);
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(1, 1)));
}

#[test]
fn s1_the_maximum_is_the_highest_points_of_any_option() {
    let d = audit();
    let s = score(&d, &choices(&[("lead-2", "partly")]));
    assert_eq!(
        s.item(&"lead-2".into()).unwrap().outcome,
        ItemOutcome::Scored { points: 1, max: 3 }
    );
}

#[test]
fn s2_weights_multiply_points_earned_and_possible() {
    let d = audit();
    // lead-1 (weight 2): mostly, 2 of 3 -> 4 of 6; lead-2 (weight 1): partly, 1 of 3.
    let s = score(&d, &choices(&[("lead-1", "mostly"), ("lead-2", "partly")]));
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(5, 9)));
    assert_eq!(s.item(&"lead-1".into()).unwrap().weighted(), Some((4, 6)));
}

#[test]
fn s3_not_applicable_leaves_both_earned_and_possible() {
    let d = audit();
    let without = score(&d, &choices(&[("lead-1", "mostly")]));
    let with = score(&d, &choices(&[("lead-1", "mostly"), ("lead-2", "na")]));
    assert_eq!(
        section_fraction(&without, "leadership"),
        section_fraction(&with, "leadership")
    );
    assert_eq!(section_fraction(&with, "leadership"), Some(frac(4, 6)));
    assert_eq!(
        with.section(&"leadership".into())
            .unwrap()
            .counts
            .not_applicable,
        1
    );
    assert_eq!(with.overall, without.overall);
}

#[test]
fn s4_dont_know_is_an_evidence_gap_not_a_score() {
    let d = audit();
    let s = score(&d, &choices(&[("lead-1", "achieved"), ("lead-2", "dk")]));
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(6, 6)));
    assert_eq!(s.counts.dont_know, 1);
    let gaps: Vec<&str> = s.evidence_gaps().map(|i| i.question.as_str()).collect();
    assert_eq!(gaps, ["lead-2"]);
}

#[test]
fn s5_prefer_not_to_say_is_counted_on_its_own() {
    let d = audit();
    let s = score(&d, &choices(&[("lead-1", "partly"), ("lead-2", "pnts")]));
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(2, 6)));
    let counts = s.section(&"leadership".into()).unwrap().counts;
    assert_eq!(counts.prefer_not_to_say, 1);
    assert_eq!(counts.dont_know, 0);
    assert_eq!(counts.not_applicable, 0);
    assert_eq!(s.evidence_gaps().count(), 0);
}

#[test]
fn s6_unanswered_questions_never_count_as_zero() {
    let d = audit();
    let s = score(&d, &choices(&[("lead-1", "achieved")]));
    // lead-2 and lead-3 unanswered: the score is 6 of 6, not 6 of 10.
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(6, 6)));
    assert_eq!(
        s.item(&"lead-2".into()).unwrap().outcome,
        ItemOutcome::Unanswered
    );
    assert_eq!(
        s.section(&"leadership".into()).unwrap().counts.unanswered,
        4
    );
}

#[test]
fn s7_hidden_questions_are_ignored_even_with_stored_answers() {
    let d = audit();
    // sup-3 shows only when sup-1 is partly or better; the AMHP section only when has-amhp is yes.
    let r = choices(&[
        ("sup-1", "not-yet"),
        ("sup-2", "achieved"),
        ("sup-3", "achieved"),
        ("has-amhp", "no"),
        ("amhp-1", "not-yet"),
    ]);
    let s = score(&d, &r);
    assert!(s.item(&"sup-3".into()).is_none());
    let amhp = s.section(&"amhp".into()).unwrap();
    assert!(!amhp.shown);
    assert!(amhp.items.is_empty());
    assert_eq!(amhp.score, None);
    assert_eq!(amhp.counts, Counts::default());
    assert_eq!(s.section(&"supervision".into()).unwrap().counts.shown, 2);
    // amhp-1's stored "not yet" does not pull the overall down.
    let shown = score(
        &d,
        &choices(&[
            ("sup-1", "not-yet"),
            ("sup-2", "achieved"),
            ("has-amhp", "no"),
        ]),
    );
    assert_eq!(s.overall, shown.overall);
    assert_eq!(s.counts, shown.counts);
}

#[test]
fn s8_answers_that_do_not_fit_count_as_unanswered() {
    let d = audit();
    let mut r = choices(&[("lead-1", "removed-option"), ("lead-2", "achieved")]);
    r.set(
        QuestionId::new("lead-3"),
        ItemResponse {
            answer: Some(Answer::Text("yes".into())),
            ..ItemResponse::default()
        },
    );
    let s = score(&d, &r);
    assert_eq!(
        s.item(&"lead-1".into()).unwrap().outcome,
        ItemOutcome::Unanswered
    );
    assert_eq!(
        s.item(&"lead-3".into()).unwrap().outcome,
        ItemOutcome::Unanswered
    );
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(3, 3)));
}

#[test]
fn s9_percent_of_maximum_sums_points_over_possible() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[
            ("lead-1", "partly"),
            ("lead-2", "achieved"),
            ("lead-3", "no"),
        ]),
    );
    // 2 of 6, 3 of 3, 0 of 1.
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(5, 10)));
    assert_eq!(
        s.section(&"leadership".into()).unwrap().aggregation,
        Aggregation::PercentOfMaximum
    );
}

#[test]
fn s10_lowest_item_decides_the_section() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[
            ("sup-1", "achieved"),
            ("sup-2", "partly"),
            ("sup-3", "mostly"),
        ]),
    );
    assert_eq!(section_fraction(&s, "supervision"), Some(frac(1, 3)));
    assert_eq!(
        band_id(&s.section(&"supervision".into()).unwrap().score),
        Some("red")
    );
}

#[test]
fn s10_weights_do_not_change_which_item_is_lowest() {
    let d = audit();
    // sup-2 has weight 3, but 2 of 3 is still above 1 of 3.
    let s = score(
        &d,
        &choices(&[
            ("sup-1", "partly"),
            ("sup-2", "mostly"),
            ("sup-3", "achieved"),
        ]),
    );
    assert_eq!(section_fraction(&s, "supervision"), Some(frac(1, 3)));
}

#[test]
fn s11_nothing_scorable_is_none_not_zero() {
    let d = audit();
    let empty = score(&d, &Responses::default());
    assert_eq!(empty.overall, None);
    assert!(empty.sections.iter().all(|s| s.score.is_none()));
    assert!(empty.themes.iter().all(|t| t.score.is_none()));
    assert!(empty.is_empty());
    let all_na = score(
        &d,
        &choices(&[("lead-1", "na"), ("lead-2", "dk"), ("has-amhp", "yes")]),
    );
    assert_eq!(section_fraction(&all_na, "leadership"), None);
    assert_eq!(all_na.overall, None);
    // A real zero is a score.
    let zero = score(&d, &choices(&[("lead-2", "not-yet")]));
    assert_eq!(section_fraction(&zero, "leadership"), Some(frac(0, 3)));
}

#[test]
fn s12_bands_come_from_the_exact_fraction() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[("lead-2", "not-yet"), ("lead-3", "yes"), ("lead-1", "na")]),
    );
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(1, 4)));
    assert_eq!(
        band_id(&s.section(&"leadership".into()).unwrap().score),
        Some("red")
    );
    // lead-1 mostly (4 of 6), lead-2 not yet (0 of 3), lead-3 no (0 of 1): exactly 40%, where
    // Amber starts.
    let s = score(
        &d,
        &choices(&[
            ("lead-1", "mostly"),
            ("lead-2", "not-yet"),
            ("lead-3", "no"),
        ]),
    );
    assert_eq!(section_fraction(&s, "leadership"), Some(frac(4, 10)));
    assert_eq!(
        band_id(&s.section(&"leadership".into()).unwrap().score),
        Some("amber")
    );
    // 100% is in the top band.
    let s = score(&d, &choices(&[("lead-2", "achieved")]));
    assert_eq!(
        band_id(&s.section(&"leadership".into()).unwrap().score),
        Some("green")
    );
}

#[test]
fn s12_sections_and_their_items_use_the_sections_own_bands() {
    let mut d = audit();
    d.sections[1].bands = Some(vec![
        Band {
            id: "low".into(),
            label: "Low".into(),
            meaning: "Low".into(),
            from_percent: 0,
            to_percent: 50,
            tone: Tone::Neutral,
            proposes_action: false,
        },
        Band {
            id: "high".into(),
            label: "High".into(),
            meaning: "High".into(),
            from_percent: 50,
            to_percent: 100,
            tone: Tone::Neutral,
            proposes_action: false,
        },
    ]);
    let s = score(
        &d,
        &choices(&[
            ("sup-1", "mostly"),
            ("sup-2", "mostly"),
            ("lead-2", "mostly"),
        ]),
    );
    assert_eq!(
        band_id(&s.section(&"supervision".into()).unwrap().score),
        Some("high")
    );
    assert_eq!(
        band_id(&s.item(&"sup-1".into()).unwrap().score),
        Some("high")
    );
    assert_eq!(
        band_id(&s.item(&"lead-2".into()).unwrap().score),
        Some("amber")
    );
    // The overall uses the definition's bands.
    assert_eq!(band_id(&s.overall), Some("amber"));
}

#[test]
fn s13_overall_pools_every_scored_item_whatever_the_aggregation() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[
            ("lead-1", "achieved"),
            ("sup-1", "achieved"),
            ("sup-2", "not-yet"),
            ("sup-3", "achieved"),
            ("has-amhp", "yes"),
            ("amhp-1", "partly"),
        ]),
    );
    // Supervision is 0% by its lowest item; the overall pools points:
    // lead-1 6/6, sup-1 3/3, sup-2 0/9, sup-3 3/3, amhp-1 1/3 = 13/24.
    assert_eq!(section_fraction(&s, "supervision"), Some(frac(0, 3)));
    assert_eq!(s.overall.as_ref().unwrap().fraction, frac(13, 24));
}

#[test]
fn s14_themes_pool_their_items_across_sections() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[
            ("lead-1", "partly"),
            ("lead-2", "na"),
            ("sup-1", "mostly"),
            ("sup-2", "achieved"),
        ]),
    );
    let leadership = s.theme(&"leadership".into()).unwrap();
    assert_eq!(leadership.score.as_ref().unwrap().fraction, frac(2, 6));
    assert_eq!(leadership.counts.not_applicable, 1);
    let supervision = s.theme(&"supervision".into()).unwrap();
    // Pooled (2/3 + 9/9), not lowest item.
    assert_eq!(supervision.score.as_ref().unwrap().fraction, frac(11, 12));
    assert_eq!(supervision.counts.shown, 3);
}

#[test]
fn s15_every_shown_question_is_counted_once() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[
            ("lead-1", "partly"),
            ("lead-2", "na"),
            ("lead-3", "yes"),
            ("sup-1", "dk"),
            ("sup-2", "pnts"),
        ]),
    );
    let c = s.counts;
    // leadership 5 shown, supervision 2 shown (sup-3 hidden), amhp hidden.
    assert_eq!(c.shown, 7);
    assert_eq!(c.answered + c.unanswered, c.shown);
    assert_eq!(c.answered, 5);
    assert_eq!(
        (c.scored, c.not_applicable, c.dont_know, c.prefer_not_to_say),
        (2, 1, 1, 1)
    );
    assert_eq!(s.completion, Some(frac(5, 7)));
    assert_eq!(s.section(&"amhp".into()).unwrap().completion, None);
}

#[test]
fn s16_percentages_shown_round_down_to_stay_in_their_band() {
    let d = audit();
    // lead-1 mostly (4/6), lead-2 achieved (3/3), lead-3 no (0/1): 7/10 = 70%.
    let s = score(
        &d,
        &choices(&[
            ("lead-1", "mostly"),
            ("lead-2", "achieved"),
            ("lead-3", "no"),
        ]),
    );
    assert_eq!(
        s.section(&"leadership".into())
            .unwrap()
            .score
            .as_ref()
            .unwrap()
            .label(),
        "70%: Amber, partly achieved"
    );
    // 2 of 3 is 66.67%: shown as 66%, not 67%.
    let s = score(&d, &choices(&[("lead-2", "mostly")]));
    assert_eq!(
        s.item(&"lead-2".into())
            .unwrap()
            .score
            .as_ref()
            .unwrap()
            .fraction
            .display(),
        "66%"
    );
    // 74.99% is Amber and must not show as 75% (where Green starts).
    let f = frac(7499, 10000);
    assert_eq!(
        band_for(&d.scoring.as_ref().unwrap().bands, f)
            .unwrap()
            .label,
        "Amber"
    );
    assert_eq!(f.display(), "74%");
}

#[test]
fn s17_strengths_and_items_needing_action() {
    let d = audit();
    let r = with_priority(
        choices(&[
            ("lead-1", "achieved"),
            ("lead-2", "partly"),
            ("lead-3", "yes"),
            ("sup-1", "mostly"),
        ]),
        "sup-1",
        Priority::High,
    );
    let s = score(&d, &r);
    let strengths: Vec<&str> = s.strengths().map(|i| i.question.as_str()).collect();
    // lead-1: positive option; lead-3: 1 of 1 is Green. sup-1 (2 of 3, Amber) is not.
    assert_eq!(strengths, ["lead-1", "lead-3"]);
    assert!(s.item(&"lead-2".into()).unwrap().needs_action());
    assert!(!s.item(&"lead-1".into()).unwrap().needs_action());
    let priorities: Vec<&str> = s.priorities().map(|i| i.question.as_str()).collect();
    assert_eq!(priorities, ["lead-2", "sup-1"]);
}

#[test]
fn scores_serialise_with_exact_fractions_and_displays() {
    let d = audit();
    let s = score(&d, &choices(&[("lead-2", "mostly")]));
    let json = serde_json::to_value(&s).unwrap();
    let fraction = &json["sections"][0]["score"]["fraction"];
    assert_eq!(fraction["numerator"], 2);
    assert_eq!(fraction["denominator"], 3);
    assert_eq!(fraction["display"], "66%");
    assert_eq!(json["sections"][0]["score"]["band"]["label"], "Amber");
    assert_eq!(json["sections"][2]["score"], serde_json::Value::Null);
    assert_eq!(json["sections"][0]["items"][1]["outcome"]["kind"], "scored");
}

#[test]
fn s18_number_answers_are_counted_but_never_scored() {
    let d = audit_with_numbers();
    let plain = choices(&[("lead-1", "mostly"), ("lead-2", "partly")]);
    let mut with_figures = plain.clone();
    with_figures.set(
        QuestionId::new("wf-fte"),
        ItemResponse {
            answer: Some(Answer::Number("42.5".parse().unwrap())),
            ..ItemResponse::default()
        },
    );
    let without = score(&d, &plain);
    let with = score(&d, &with_figures);
    assert_eq!(
        with.item(&"wf-fte".into()).unwrap().outcome,
        ItemOutcome::Answered
    );
    assert_eq!(with.item(&"wf-fte".into()).unwrap().score, None);
    assert_eq!(
        with.item(&"wf-fte".into()).unwrap().chosen.as_deref(),
        Some("42.5 FTE")
    );
    assert_eq!(
        with.item(&"wf-vacant".into()).unwrap().outcome,
        ItemOutcome::Unanswered
    );
    let workforce = with.section(&"workforce".into()).unwrap();
    assert_eq!(workforce.score, None, "a section of figures has no score");
    assert_eq!(workforce.counts.answered, 1);
    assert_eq!(with.overall, without.overall);
    assert_eq!(
        section_fraction(&with, "leadership"),
        section_fraction(&without, "leadership")
    );
}

#[test]
fn s18_a_number_out_of_range_counts_as_unanswered() {
    let d = audit_with_numbers();
    let mut r = Responses::default();
    r.set(
        QuestionId::new("wf-fte"),
        ItemResponse {
            answer: Some(Answer::Number("600".parse().unwrap())),
            ..ItemResponse::default()
        },
    );
    let s = score(&d, &r);
    assert_eq!(
        s.item(&"wf-fte".into()).unwrap().outcome,
        ItemOutcome::Unanswered
    );
}

#[test]
fn s19_a_statutory_minimum_falls_short_below_its_first_positive_option_or_at_dont_know() {
    // In the mini audit, sup-2 and amhp-1 have a statutory minimum: "Achieved", the first
    // option marked positive.
    let d = audit();
    let risks = |pairs: &[(&str, &str)]| {
        let s = score(&d, &choices(pairs));
        s.legal_risks()
            .map(|i| i.question.to_string())
            .collect::<Vec<_>>()
    };
    for below in ["not-yet", "partly", "mostly", "dk"] {
        assert_eq!(
            risks(&[("sup-1", "achieved"), ("sup-2", below)]),
            ["sup-2"],
            "{below}"
        );
    }
    for not_a_risk in ["achieved", "na", "pnts"] {
        assert!(risks(&[("sup-2", not_a_risk)]).is_empty(), "{not_a_risk}");
    }
    assert!(risks(&[]).is_empty(), "unanswered is not a legal risk");
    assert!(
        risks(&[("lead-1", "not-yet")]).is_empty(),
        "lead-1 has no statutory minimum"
    );
    // Hidden questions are ignored (S7): amhp-1 only counts when its section is shown.
    assert!(risks(&[("has-amhp", "no"), ("amhp-1", "partly")]).is_empty());
    assert_eq!(
        risks(&[("has-amhp", "yes"), ("amhp-1", "partly")]),
        ["amhp-1"]
    );
    // Points are unchanged: "Mostly" earns its 2 of 3 whether or not it is a legal risk.
    let s = score(&d, &choices(&[("sup-2", "mostly")]));
    let item = s.item(&"sup-2".into()).unwrap();
    assert!(item.legal_risk);
    assert_eq!(item.outcome, ItemOutcome::Scored { points: 2, max: 3 });
}

#[test]
fn the_longest_label_is_as_long_as_any_score_can_be() {
    let d = audit();
    let section = d.section(&"leadership".into()).unwrap();
    let bands = d.bands_for(section);
    let longest = longest_label(bands);
    // Every reachable score's words fit in it, including 100% in the top band.
    for answers in [
        vec![
            ("lead-1", "not-yet"),
            ("lead-2", "not-yet"),
            ("lead-3", "no"),
        ],
        vec![
            ("lead-1", "mostly"),
            ("lead-2", "achieved"),
            ("lead-3", "no"),
        ],
        vec![
            ("lead-1", "achieved"),
            ("lead-2", "achieved"),
            ("lead-3", "yes"),
        ],
    ] {
        let s = score(&d, &choices(&answers));
        let label = s
            .section(&"leadership".into())
            .unwrap()
            .score
            .as_ref()
            .unwrap()
            .label();
        assert!(
            label.chars().count() <= longest.chars().count(),
            "{label:?} is longer than {longest:?}"
        );
    }
    assert!(longest.starts_with("100%: "), "{longest:?}");
    assert_eq!(longest_label(&[]), "100%");
}
