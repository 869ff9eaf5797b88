//! Tests pinning plan rules P1 to P8.

use super::*;
use crate::scoring::score;
use crate::test_fixtures::{audit, choices, date, with_priority};

fn row(id: &str, status: Status, target: Option<&str>, review: Option<&str>) -> PlanRow {
    PlanRow {
        action: "Agree a supervision policy".to_owned(),
        lead: "PSW".to_owned(),
        target_date: target.map(date),
        status,
        review_date: review.map(date),
        ..PlanRow::blank(id, RowSource::Added)
    }
}

fn ids(proposals: &[Proposal]) -> Vec<&str> {
    proposals.iter().map(|p| p.row.id.as_str()).collect()
}

#[test]
fn p1_rows_are_proposed_only_when_the_plan_asks_for_it() {
    let mut d = audit();
    let s = score(&d, &choices(&[("lead-1", "not-yet")]));
    assert_eq!(propose(&d, &s, &[], Lang::En).len(), 1);
    d.plan.as_mut().unwrap().propose_from_answers = false;
    assert!(propose(&d, &s, &[], Lang::En).is_empty());
    d.plan = None;
    assert!(propose(&d, &s, &[], Lang::En).is_empty());
}

#[test]
fn p2_items_in_action_bands_and_high_priority_items_are_proposed_in_order() {
    // Without statutory minimums, so that no legal risk comes first (P9).
    let mut d = audit();
    for section in &mut d.sections {
        for question in &mut section.questions {
            question.statutory_minimum = false;
        }
    }
    let r = with_priority(
        with_priority(
            choices(&[
                ("lead-1", "achieved"),
                ("lead-2", "partly"),
                ("sup-1", "not-yet"),
                ("sup-2", "mostly"),
            ]),
            "lead-1",
            Priority::High,
        ),
        "sup-1",
        Priority::High,
    );
    let proposals = propose(&d, &score(&d, &r), &[], Lang::En);
    assert_eq!(
        ids(&proposals),
        ["q-lead-1", "q-lead-2", "q-sup-1", "q-sup-2"]
    );
    assert_eq!(proposals[0].reason, ProposalReason::HighPriority);
    assert_eq!(proposals[1].reason.label(), "Rated Red");
    assert_eq!(
        proposals[2].reason.label(),
        "Rated Red and marked high priority"
    );
    assert_eq!(proposals[3].reason.label(), "Rated Amber");
}

#[test]
fn p3_items_already_in_the_plan_are_not_proposed_again() {
    let d = audit();
    let s = score(
        &d,
        &choices(&[("lead-1", "not-yet"), ("lead-2", "not-yet")]),
    );
    let mut done = row("mine", Status::Done, None, None);
    done.source = RowSource::Question(QuestionId::new("lead-1"));
    assert_eq!(ids(&propose(&d, &s, &[done], Lang::En)), ["q-lead-2"]);
}

#[test]
fn p4_proposed_rows_have_fresh_ids_and_are_left_for_people_to_write() {
    let d = audit();
    let s = score(&d, &choices(&[("lead-2", "not-yet")]));
    let taken = row("q-lead-2", Status::NotStarted, None, None);
    let proposals = propose(&d, &s, &[taken], Lang::En);
    assert_eq!(ids(&proposals), ["q-lead-2-2"]);
    let proposed = &proposals[0].row;
    assert_eq!(
        proposed.source,
        RowSource::Question(QuestionId::new("lead-2"))
    );
    assert_eq!(proposed.status, Status::NotStarted);
    assert!(proposed.action.is_empty() && proposed.target_date.is_none());
}

#[test]
fn p4_a_proposed_row_starts_with_the_items_suggested_action() {
    let mut d = audit();
    let lead_2 = d
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.questions)
        .find(|q| q.id.as_str() == "lead-2")
        .unwrap();
    lead_2.suggested_action =
        Some("  Ask the Principal Social Worker to agree a supervision standard.\n".into());
    assert!(crate::definition::validate(&d).is_empty());
    let s = score(
        &d,
        &choices(&[("lead-1", "not-yet"), ("lead-2", "not-yet")]),
    );
    let proposals = propose(&d, &s, &[], Lang::En);
    assert_eq!(ids(&proposals), ["q-lead-1", "q-lead-2"]);
    assert_eq!(
        proposals[0].row.action, "",
        "no suggested action: left empty"
    );
    assert_eq!(
        proposals[1].row.action, "Ask the Principal Social Worker to agree a supervision standard.",
        "the suggested action, without surrounding spaces"
    );
    assert!(proposals[1].row.lead.is_empty() && proposals[1].row.success_measure.is_empty());
    // Once in the plan, it is an action like any other: in the spreadsheet and the PDF.
    let rows = vec![proposals[1].row.clone()];
    assert!(plan_csv(&d, &rows)
        .contains("Ask the Principal Social Worker to agree a supervision standard."));
    let mut w = crate::test_fixtures::work(&d, "North audit", Default::default());
    w.plan = rows;
    let pdf_text =
        crate::report::plan_report(&d, &w, date("2026-11-22"), crate::lang::Lang::En).plain_text();
    assert!(
        pdf_text.contains("Ask the Principal Social Worker to agree a supervision standard."),
        "{pdf_text}"
    );
}

#[test]
fn p5_open_rows_past_their_target_date_are_overdue() {
    let today = date("2026-11-22");
    assert!(overdue(
        &row("a", Status::NotStarted, Some("2026-11-21"), None),
        today
    ));
    assert!(overdue(
        &row("b", Status::InProgress, Some("2026-01-01"), None),
        today
    ));
    assert!(!overdue(
        &row("c", Status::InProgress, Some("2026-11-22"), None),
        today
    ));
    assert!(!overdue(
        &row("d", Status::Done, Some("2026-01-01"), None),
        today
    ));
    assert!(!overdue(
        &row("e", Status::Stopped, Some("2026-01-01"), None),
        today
    ));
    assert!(!overdue(&row("f", Status::NotStarted, None, None), today));
}

#[test]
fn p6_open_rows_are_due_for_review_on_their_review_date() {
    let today = date("2026-11-22");
    assert!(review_due(
        &row("a", Status::InProgress, None, Some("2026-11-22")),
        today
    ));
    assert!(!review_due(
        &row("b", Status::InProgress, None, Some("2026-11-23")),
        today
    ));
    assert!(!review_due(
        &row("c", Status::Done, None, Some("2026-11-01")),
        today
    ));
}

#[test]
fn p7_rows_missing_a_required_field_are_incomplete() {
    let d = audit();
    let plan = d.plan.as_ref().unwrap();
    let mut r = row("a", Status::NotStarted, None, None);
    assert!(missing_fields(&r, plan).is_empty());
    r.lead = "  ".to_owned();
    let missing: Vec<&str> = missing_fields(&r, plan)
        .iter()
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(missing, ["Who leads"]);
}

#[test]
fn the_summary_counts_rows_against_the_day_given() {
    let d = audit();
    let mut incomplete = row("d", Status::NotStarted, None, None);
    incomplete.action.clear();
    let rows = [
        row("a", Status::NotStarted, Some("2026-11-01"), None),
        row(
            "b",
            Status::InProgress,
            Some("2027-01-01"),
            Some("2026-11-20"),
        ),
        row("c", Status::Done, Some("2026-01-01"), None),
        incomplete,
    ];
    let summary = summarise(&rows, d.plan.as_ref(), date("2026-11-22"));
    assert_eq!(summary.rows, 4);
    assert_eq!(
        summary.by_status,
        [
            (Status::NotStarted, 2),
            (Status::InProgress, 1),
            (Status::Done, 1),
            (Status::Stopped, 0)
        ]
    );
    assert_eq!(
        (summary.overdue, summary.review_due, summary.incomplete),
        (1, 1, 1)
    );
    // The same plan a year earlier has nothing overdue.
    assert_eq!(summarise(&rows, None, date("2025-11-22")).overdue, 0);
}

#[test]
fn p8_the_spreadsheet_says_where_rows_came_from_as_the_pdf_does() {
    let definition = audit();
    let mut added = row("a", Status::InProgress, Some("2026-11-01"), None);
    added.source = RowSource::Added;
    let csv = plan_csv(&definition, &[added]);
    assert!(csv.contains("Added by the team"), "{csv}");
    assert!(!csv.contains("Added by you"), "{csv}");
    assert!(csv.contains("2026-11-01"), "{csv}");
}

#[test]
fn p9_legal_risks_are_proposed_first_whatever_their_band_and_say_so() {
    // sup-2 and amhp-1 have statutory minimums in the mini audit.
    let d = audit();
    let r = choices(&[
        ("lead-2", "not-yet"),
        ("has-amhp", "yes"),
        ("amhp-1", "dk"),
        ("sup-1", "achieved"),
        ("sup-2", "mostly"),
    ]);
    let proposals = propose(&d, &score(&d, &r), &[], Lang::En);
    assert_eq!(ids(&proposals), ["q-sup-2", "q-amhp-1", "q-lead-2"]);
    assert!(proposals[0].legal_risk && proposals[1].legal_risk);
    assert!(!proposals[2].legal_risk);
    assert_eq!(
        proposals[0].why(),
        "Legal risk: the minimum the law requires is not shown to be met; rated Amber"
    );
    // "Don't know" has no band: it is proposed only because it is a legal risk.
    assert_eq!(proposals[1].reason, ProposalReason::LegalRisk);
    assert_eq!(
        proposals[1].why(),
        "Legal risk: the minimum the law requires is not shown to be met"
    );
    assert_eq!(proposals[2].why(), "Rated Red");
}

/// A blank row (what "Add a row" makes, and where a proposal starts) is exactly what a row read
/// with only its id and source holds: nothing written, not started, no dates.
#[test]
fn a_blank_row_is_a_row_with_only_an_id_and_a_source() {
    let read: PlanRow = serde_json::from_value(serde_json::json!({
        "id": "added-1",
        "source": serde_json::to_value(RowSource::Added).unwrap(),
    }))
    .unwrap();
    assert_eq!(PlanRow::blank("added-1", RowSource::Added), read);
}

/// P4 in Welsh: a Wales item's suggested action is proposed in Welsh on a Welsh plan, where the
/// self-assessment gives it so, and an item with English only keeps its English, each with the
/// language it is in.
#[test]
fn a_welsh_plan_proposes_the_welsh_suggested_action_where_there_is_one() {
    let text = std::fs::read_to_string(format!(
        "{}/questionnaires/self-assessment.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the bundled self-assessment");
    let d = crate::definition::load_definition("self-assessment.json", &text).expect("it loads");
    let r = choices(&[
        ("about-2", "wales"),
        ("strat-1", "not-in-place"),
        ("wal-2", "developing"),
    ]);
    let s = score(&d, &r);
    let welsh = propose(&d, &s, &[], Lang::Cy);
    let of = |id: &str| {
        welsh
            .iter()
            .find(|p| p.row.source == RowSource::Question(id.into()))
            .unwrap_or_else(|| panic!("{id} is proposed"))
    };
    assert!(
        of("wal-2").row.action.starts_with("Cofnodwch ddewis iaith"),
        "{}",
        of("wal-2").row.action
    );
    assert_eq!(of("wal-2").action_lang, Lang::Cy);
    assert!(of("strat-1").row.action.starts_with("Ask"));
    assert_eq!(of("strat-1").action_lang, Lang::En);
    let english = propose(&d, &s, &[], Lang::En);
    assert!(english
        .iter()
        .all(|p| p.action_lang == Lang::En && !p.row.action.starts_with("Cofnodwch")));
}

/// P10: a suggested action is a first step from a gap; an item that earned its full points and
/// is proposed only because it is marked high priority gets none (found by a tester on 7
/// December 2026: a "Yes" to having a Principal Social Worker was proposed "appoint" one).
/// An item short of full points, marked high priority, keeps its suggested action.
#[test]
fn p10_an_item_with_full_points_is_proposed_without_a_first_step() {
    let mut d = audit();
    for question in d.sections.iter_mut().flat_map(|s| &mut s.questions) {
        question.statutory_minimum = false;
        if ["lead-1", "lead-2"].contains(&question.id.as_str()) {
            question.suggested_action = Some(format!("Close the gap in {}.", question.id).into());
        }
    }
    let answers = with_priority(
        with_priority(
            choices(&[("lead-1", "achieved"), ("lead-2", "mostly")]),
            "lead-1",
            Priority::High,
        ),
        "lead-2",
        Priority::High,
    );
    let proposals = propose(&d, &score(&d, &answers), &[], Lang::En);
    assert_eq!(ids(&proposals), ["q-lead-1", "q-lead-2"]);
    assert_eq!(proposals[0].reason, ProposalReason::HighPriority);
    assert_eq!(
        proposals[0].row.action, "",
        "full points: no first step that assumes a gap"
    );
    assert_eq!(proposals[1].row.action, "Close the gap in lead-2.");
}
