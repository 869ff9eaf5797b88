//! Tests of the audit report's content, and of the statement and plan documents.

use super::*;
use crate::benchmark::cycle::compare_works;
use crate::benchmark::peers::{build_peer_set, compare_with_peers, OrganisationType, PeerSource};
use crate::ids::QuestionId;
use crate::lang::Lang;
use crate::plan::{PlanRow, RowSource, Status};
use crate::report::{plan_report, statement_report, LatestAudit};
use crate::responses::{ItemResponse, Responses};
use crate::scoring::score;
use crate::test_fixtures::{audit, choices, date, with_priority, work};

fn today() -> Date {
    date("2026-11-22")
}

fn answered() -> Work {
    let d = audit();
    let mut r = with_priority(
        choices(&[
            ("lead-1", "achieved"),
            ("lead-2", "partly"),
            ("lead-3", "yes"),
            ("has-amhp", "no"),
            ("sup-1", "mostly"),
            ("sup-2", "dk"),
            ("sup-3", "not-yet"),
        ]),
        "sup-3",
        Priority::High,
    );
    let mut item = r.item(&"lead-1".into()).cloned().unwrap();
    item.evidence = Some("PSW job description and board minutes, March 2026".to_owned());
    item.comment = Some("Agreed at the away day".to_owned());
    r.set(QuestionId::new("lead-1"), item);
    let mut w = work(&d, "North audit 2026", r);
    w.plan.push(PlanRow {
        action: "Add a social work lead to the board agenda".to_owned(),
        lead: "Director".to_owned(),
        target_date: Some(date("2026-10-31")),
        status: Status::InProgress,
        ..PlanRow::blank("a1", RowSource::Question(QuestionId::new("lead-2")))
    });
    w
}

/// The report's first bar chart (the summary's).
fn first_chart(report: &Report) -> &BarChart {
    report
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::BarChart(chart) => Some(chart),
            _ => None,
        })
        .expect("a bar chart in the report")
}

fn report_for(w: &Work, previous: Option<PreviousCycle>, peers: Option<&PeerComparison>) -> Report {
    report_with(&audit(), w, previous, peers)
}

/// The report of `w`, an audit of `d`.
fn report_with(
    d: &Definition,
    w: &Work,
    previous: Option<PreviousCycle>,
    peers: Option<&PeerComparison>,
) -> Report {
    let scores = score(d, &w.responses);
    audit_report(&AuditReportInput {
        definition: d,
        work: w,
        scores: &scores,
        previous,
        peers,
        today: today(),
        language: Lang::En,
    })
}

#[test]
fn an_empty_audit_gives_a_valid_report_that_says_nothing_was_answered() {
    let d = audit();
    let w = work(&d, "Blank", Responses::default());
    let report = report_for(&w, None, None);
    let text = report.plain_text();
    assert!(text.contains("Nothing answered yet"));
    assert!(text.contains("Overall: Nothing scorable yet."));
    assert!(!text.contains("0%: Red"), "no fake zero: {text}");
    assert!(text.contains("Answered: 0 of 7 (0%)"));
    assert!(text.contains("No strengths identified yet"));
    let chart = first_chart(&report);
    assert!(chart
        .bars
        .iter()
        .all(|b| b.percent.is_none() && b.value_label == "Nothing scorable yet"));
}

#[test]
fn the_cover_names_the_organisation_audit_date_and_who_took_part() {
    let report = report_for(&answered(), None, None);
    let cover = report.cover.as_ref().unwrap();
    assert_eq!(cover.title, "North audit 2026");
    let facts: Vec<String> = cover
        .facts
        .iter()
        .map(|f| format!("{}: {}", f.label, f.value))
        .collect();
    assert!(facts.contains(&"Organisation: North audit 2026 Council".to_owned()));
    assert!(facts.contains(&"Who took part: PSW, head of service".to_owned()));
    assert!(facts.contains(&"Report made: 22 November 2026".to_owned()));
    assert!(cover.statement.contains("not an inspection rating"));
    assert_eq!(report.footer, "North audit 2026, 22 November 2026");
    assert_eq!(report.meta.language, "en-GB");
}

#[test]
fn the_summary_gives_scores_in_words_and_a_chart() {
    let report = report_for(&answered(), None, None);
    let text = report.plain_text();
    // lead-1 6/6, lead-2 1/3, lead-3 1/1 = 8/10; sup-1 2/3, sup-3 0/3; overall 10/16.
    assert!(
        text.contains("Overall: 62%: Amber, partly achieved."),
        "{text}"
    );
    assert!(text.contains("Leadership: 80%: Green, achieved"));
    assert!(text.contains("Supervision: 0%: Red, not yet achieved"));
    assert!(text.contains("Not needed, because of an earlier answer: AMHP service."));
    assert!(text.contains("This section's score is that of its lowest-rated question"));
}

#[test]
fn strengths_priorities_items_evidence_and_gaps_are_listed() {
    let text = report_for(&answered(), None, None).plain_text();
    assert!(text.contains(
        "The Principal Social Worker has time and authority: Achieved (Green, achieved)"
    ));
    assert!(text.contains("Social work has a voice at board level: Partly (Red, not yet achieved)"));
    assert!(text.contains("Newly qualified staff are supervised weekly at first: Not yet (Red, not yet achieved); marked high priority"));
    assert!(text.contains("Evidence: PSW job description and board minutes, March 2026"));
    assert!(text.contains("Comment: Agreed at the away day"));
    // Evidence is asked for rated questions only, and an unscored answer is an answer, not a
    // rating.
    assert!(text.contains("Does the organisation employ AMHPs?\nAnswer: No\n"));
    assert!(!text.contains("Does the organisation employ AMHPs?\nAnswer: No\nEvidence"));
    assert!(!text.contains("Rating: No\n"));
    assert!(text.contains("1 question was answered \u{201c}Don't know\u{201d}"));
    assert!(text.contains("How the scores are worked out"));
    assert!(text.contains("A self-assessment, not an inspection rating"));
    assert!(text.contains("not a reproduction of those tools"));
}

#[test]
fn the_plan_table_marks_overdue_rows_and_suggests_what_is_missing() {
    let text = report_for(&answered(), None, None).plain_text();
    assert!(text.contains("Social work has a voice at board level. | Add a social work lead to the board agenda | Director | 31 October 2026 | In progress (overdue)"), "{text}");
    assert!(text.contains("Overdue on 22 November 2026: 1"));
    assert!(text.contains("Suggested for the plan"));
    assert!(text.contains("Newly qualified staff are supervised weekly at first. (rated Red and marked high priority). Suggested first step: Ask team managers to book weekly supervision for each newly qualified social worker."), "{text}");
}

/// `now` compared with five councils that answered two questions alike.
fn five_peers(d: &Definition, now: &Work) -> crate::benchmark::peers::PeerComparison {
    let peers_works: Vec<Work> = ["partly", "mostly", "achieved", "not-yet", "mostly"]
        .iter()
        .enumerate()
        .map(|(i, v)| {
            work(
                d,
                &format!("Peer {i}"),
                choices(&[("lead-2", v), ("sup-1", v)]),
            )
        })
        .collect();
    let sources: Vec<PeerSource> = peers_works
        .iter()
        .map(|w| PeerSource {
            work: w,
            organisation_type: Some(OrganisationType::Council),
            nation: None,
        })
        .collect();
    let set = build_peer_set(d, &sources).unwrap().set;
    let scores = score(d, &now.responses);
    compare_with_peers(&scores, &set, None, None).unwrap()
}

/// An audit compared with peers before it is finished says how much of it is answered, beside
/// the comparison: an overall score from a handful of answers sat among finished audits
/// without a word (found by a tester on 7 December 2026). A finished audit has no such note.
#[test]
fn an_unfinished_audit_compared_with_peers_says_how_much_is_answered() {
    let d = audit();
    let unfinished = work(
        &d,
        "North audit 2026",
        choices(&[
            ("lead-1", "achieved"),
            ("lead-2", "partly"),
            ("has-amhp", "no"),
        ]),
    );
    let peers = five_peers(&d, &unfinished);
    let report = report_for(&unfinished, None, Some(&peers));
    let text = report.plain_text();
    // Two of the five rated questions asked: "AMHP rotas are safe" is not asked (no AMHPs),
    // nor is the third supervision question until the first is answered; "Anything else?" and
    // "Do you employ AMHPs?" are not rated.
    let note = "2 of the 5 rated questions are answered. Until the audit is finished, its scores can change and are not a fair comparison with the peers’ figures.";
    let at = text.find(note).unwrap_or_else(|| panic!("{text}"));
    let heading = text
        .find("Compared with peers")
        .expect("the peers' heading");
    let table = text.find("Our scores among").expect("the peers' table");
    assert!(
        heading < at && at < table,
        "the note sits before the peers' table: {text}"
    );
    // The summary says so too, with or without peers, right after the overall score.
    let alone = report_for(&unfinished, None, None).plain_text();
    let summary_note = "2 of the 5 rated questions are answered, so these scores can change a good deal as the rest are answered.";
    let overall = alone.find("Overall: ").expect("the overall score");
    let at = alone
        .find(summary_note)
        .unwrap_or_else(|| panic!("{alone}"));
    assert!(overall < at, "{alone}");
    assert!(!alone.contains("Until the audit is finished"), "{alone}");

    // Every rated question answered ("Don't know" among them): no note.
    let finished = answered();
    let text = report_for(&finished, None, Some(&five_peers(&d, &finished))).plain_text();
    assert!(text.contains("Compared with peers"), "{text}");
    assert!(!text.contains("rated questions are answered"), "{text}");
    assert!(!text.contains("Not finished yet"), "{text}");

    let scores = score(&d, &unfinished.responses);
    let welsh = audit_report(&AuditReportInput {
        definition: &d,
        work: &unfinished,
        scores: &scores,
        previous: None,
        peers: Some(&peers),
        today: today(),
        language: Lang::Cy,
    })
    .plain_text();
    assert!(
        welsh.contains("Mae 2 o’r 5 cwestiwn wedi’u graddio wedi’u hateb."),
        "{welsh}"
    );
}

/// A section with no score last cycle has no marker in the chart of last cycle's scores: it
/// had the peer median, drawn alike under a caption that called every marker last cycle's
/// (found by a tester on 7 December 2026). The caption says why a bar has none.
#[test]
fn a_section_not_scored_last_cycle_has_no_marker_rather_than_the_peers() {
    let d = audit();
    let now = answered();
    let then = work(
        &d,
        "North audit 2025",
        choices(&[("lead-1", "mostly"), ("lead-2", "not-yet")]),
    );
    let comparison = compare_works(&d, &now, &then).unwrap();
    let peers = five_peers(&d, &now);
    let report = report_for(
        &now,
        Some(PreviousCycle {
            work: &then,
            comparison: &comparison,
        }),
        Some(&peers),
    );
    let chart = first_chart(&report);
    let markers: Vec<Option<&str>> = chart
        .bars
        .iter()
        .map(|b| b.marker.as_ref().map(|m| m.label.as_str()))
        .collect();
    assert_eq!(markers, [Some("Last cycle: 44%"), None], "{markers:?}");
    assert!(
        chart
            .caption
            .ends_with("The marker on each bar shows last cycle's score; a section without one had no score last cycle."),
        "{}",
        chart.caption
    );
}

#[test]
fn last_cycle_and_peers_are_compared_with_markers() {
    let d = audit();
    let now = answered();
    let mut then = work(
        &d,
        "North audit 2025",
        choices(&[
            ("lead-1", "mostly"),
            ("lead-2", "not-yet"),
            ("sup-1", "mostly"),
            ("sup-3", "mostly"),
        ]),
    );
    then.updated = date("2025-11-20");
    let comparison = compare_works(&d, &now, &then).unwrap();
    let peers = five_peers(&d, &now);
    let report = report_for(
        &now,
        Some(PreviousCycle {
            work: &then,
            comparison: &comparison,
        }),
        Some(&peers),
    );
    let text = report.plain_text();
    assert!(text
        .contains("Last cycle: \u{201c}North audit 2025\u{201d}, last updated 20 November 2025."));
    assert!(
        text.contains(
            "Leadership | 44%: Amber, partly achieved | 80%: Green, achieved | up 36 points"
        ),
        "{text}"
    );
    assert!(text.contains("Social work has a voice at board level: Not yet then, Partly now"));
    assert!(text.contains("Newly qualified staff are supervised weekly at first."));
    assert!(text.contains(
        "Compared with all organisations in an anonymous reference set (5 organisations)"
    ));
    assert!(text.contains("Where we stand"));
    let charts: Vec<&BarChart> = report
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::BarChart(c) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(charts.len(), 2);
    assert_eq!(
        charts[0].bars[0].marker.as_ref().unwrap().label,
        "Last cycle: 44%"
    );
    assert!(charts[1].bars[0]
        .marker
        .as_ref()
        .unwrap()
        .label
        .starts_with("Peer median: "));
    // Peers only: the summary chart carries the peer median.
    let peers_only = report_for(&now, None, Some(&peers));
    let chart = first_chart(&peers_only);
    assert!(chart.bars[0]
        .marker
        .as_ref()
        .unwrap()
        .label
        .starts_with("Peer median: "));
}

#[test]
fn the_statement_shows_the_current_position_from_the_latest_audit() {
    let statement: Definition = crate::test_fixtures::definition(STATEMENT);
    let mut answers = Responses::default();
    answers.set(
        QuestionId::new("vision"),
        ItemResponse {
            answer: Some(crate::responses::Answer::Text(
                "Social work with a social perspective in every team.".into(),
            )),
            ..ItemResponse::default()
        },
    );
    let w = work(&statement, "Our statement", answers);
    let a = audit();
    let audit_work = answered();
    let scores = score(&a, &audit_work.responses);
    let text = statement_report(
        &statement,
        &w,
        Some(LatestAudit {
            definition: &a,
            work: &audit_work,
            scores: &scores,
        }),
        today(),
        Lang::En,
    )
    .plain_text();
    assert!(text.contains("Social work with a social perspective in every team."));
    assert!(text.contains("Leadership | 80%: Green, achieved"), "{text}");
    assert!(text.contains("AMHP service | Not assessed"));
    assert!(text.contains("Current position from: North audit 2026, last updated 22 November 2026"));
    let without = statement_report(&statement, &w, None, today(), Lang::En).plain_text();
    assert!(
        without.contains(
            "audit was available when this document was made (none on the device, or none given)"
        ),
        "{without}"
    );
    assert!(without.contains("Not written yet."));
}

/// A statement drawing on an audit that is not finished says so beside its scores, in the
/// document and in the position copied into an answer; one drawing on a finished audit does not.
#[test]
fn a_statement_drawing_on_an_unfinished_audit_says_how_much_of_it_is_answered() {
    use crate::report::statement::current_position;
    let statement: Definition = crate::test_fixtures::definition(STATEMENT);
    let prefill = first_prefill(&statement);
    let a = audit();
    let part = work(&a, "North audit 2026", choices(&[("lead-1", "achieved")]));
    let scores = score(&a, &part.responses);
    let (done, rated) = crate::report::audit::unfinished(&a, &scores).expect("unfinished");
    assert_eq!(done, 1);
    assert!(rated > 1, "{rated}");
    let latest = LatestAudit {
        definition: &a,
        work: &part,
        scores: &scores,
    };
    let w = work(&statement, "Our statement", Responses::default());
    let english = statement_report(&statement, &w, Some(latest), today(), Lang::En).plain_text();
    assert!(
        english.contains(&format!(
            "Not finished yet\n1 of the {rated} rated questions is answered in that self-assessment, so the scores below can change as the rest are answered."
        )),
        "{english}"
    );
    let welsh = statement_report(&statement, &w, Some(latest), today(), Lang::Cy).plain_text();
    assert!(
        welsh.contains(&format!(
            "Heb ei orffen eto\nMae 1 o’r {rated} cwestiwn wedi’u graddio wedi’u hateb yn yr hunanasesiad hwnnw"
        )),
        "{welsh}"
    );
    let position = current_position(&a, &part, &scores, prefill, Lang::En);
    assert_eq!(position.unfinished, Some((1, rated)));
    assert!(position.summary().starts_with(&format!(
        "Our latest self-assessment (\u{201c}North audit 2026\u{201d}, 22 November 2026; 1 of its {rated} rated questions answered so far) found:"
    )));

    let finished = answered();
    let scores = score(&a, &finished.responses);
    let latest = LatestAudit {
        definition: &a,
        work: &finished,
        scores: &scores,
    };
    let text = statement_report(&statement, &w, Some(latest), today(), Lang::En).plain_text();
    assert!(!text.contains("Not finished yet"), "{text}");
}

#[test]
fn a_statement_draws_on_the_audit_its_first_prefilled_section_names() {
    let statement: Definition = crate::test_fixtures::definition(STATEMENT);
    assert_eq!(
        crate::report::statement::audit_drawn_on(&statement).map(|id| id.as_str()),
        Some("mini-audit")
    );
    assert_eq!(crate::report::statement::audit_drawn_on(&audit()), None);
}

#[test]
fn a_statement_sections_current_position_lists_the_audit_sections_it_names() {
    use crate::report::statement::current_position;
    let statement: Definition = crate::test_fixtures::definition(STATEMENT);
    let prefill = first_prefill(&statement);
    let a = audit();
    let audit_work = answered();
    let scores = score(&a, &audit_work.responses);
    let position = current_position(&a, &audit_work, &scores, prefill, Lang::En);
    assert_eq!(position.work_name, "North audit 2026");
    assert_eq!(position.date, today());
    assert_eq!(
        position.lines,
        [
            "Leadership: 80%: Green, achieved",
            "AMHP service: Not assessed"
        ]
    );
    assert_eq!(
        position.summary(),
        "Our latest self-assessment (\u{201c}North audit 2026\u{201d}, 22 November 2026) found:\n\
         - Leadership: 80%: Green, achieved\n\
         - AMHP service: Not assessed"
    );
    // A section the audit lacks is left out, not shown as empty.
    let mut wider = prefill.clone();
    wider
        .sections
        .push(crate::ids::SectionId::new("not-in-the-audit"));
    assert_eq!(
        current_position(&a, &audit_work, &scores, &wider, Lang::En)
            .lines
            .len(),
        2
    );
}

/// On a Welsh page the current position, and what its button copies, are in Welsh, with the
/// audit's English-only titles and bands as its questionnaire gives them.
#[test]
fn a_statement_sections_current_position_is_worded_in_welsh() {
    use crate::report::statement::current_position;
    let statement: Definition = crate::test_fixtures::definition(STATEMENT);
    let prefill = first_prefill(&statement);
    let a = audit();
    let audit_work = answered();
    let scores = score(&a, &audit_work.responses);
    let position = current_position(&a, &audit_work, &scores, prefill, Lang::Cy);
    assert_eq!(
        position.lines,
        [
            "Leadership: 80%: Green, achieved",
            "AMHP service: Heb ei asesu"
        ]
    );
    assert_eq!(
        position.summary(),
        "Canfu ein hunanasesiad diweddaraf (\u{201c}North audit 2026\u{201d}, 22 Tachwedd 2026) y canlynol:\n\
         - Leadership: 80%: Green, achieved\n\
         - AMHP service: Heb ei asesu"
    );
    let part = work(&a, "North audit 2026", choices(&[("lead-1", "achieved")]));
    let scores = score(&a, &part.responses);
    let (_, rated) = crate::report::audit::unfinished(&a, &scores).expect("unfinished");
    let summary = current_position(&a, &part, &scores, prefill, Lang::Cy).summary();
    assert!(
        summary.starts_with(&format!(
            "Canfu ein hunanasesiad diweddaraf (\u{201c}North audit 2026\u{201d}, 22 Tachwedd 2026; 1 o’i {rated} cwestiwn wedi’u graddio wedi’u hateb hyd yma) y canlynol:"
        )),
        "{summary}"
    );
}

#[test]
fn the_plan_on_its_own_is_landscape_and_counts_against_today() {
    let d = audit();
    let report = plan_report(&d, &answered(), today(), Lang::En);
    assert_eq!(report.orientation, Orientation::Landscape);
    let text = report.plain_text();
    assert!(text.contains("Improvement plan: North audit 2026"));
    assert!(text.contains("In progress (overdue)"));
    assert!(text.contains("Raised from | What we will do | Who leads | By when | Status"));
    let earlier = plan_report(&d, &answered(), date("2026-10-01"), Lang::En).plain_text();
    assert!(!earlier.contains("(overdue)"));
    let empty = plan_report(
        &d,
        &work(&d, "Blank", Responses::default()),
        today(),
        Lang::En,
    )
    .plain_text();
    assert!(empty.contains("No actions have been added to the plan yet."));
}

const STATEMENT: &str = r#"{
  "$schema": "schema.json",
  "id": "mini-statement",
  "version": "1.0.0",
  "kind": "statement",
  "title": "Strategic statement",
  "purpose": "Tests.",
  "audience": "Leaders",
  "nation": "england",
  "alignment": "Written for tests.",
  "sections": [
    { "id": "vision", "title": "Our vision", "intro": "What we want.",
      "questions": [ { "id": "vision", "text": "Our vision for social work", "answer": { "type": "long_text" } } ] },
    { "id": "context", "title": "Getting the organisational context right", "intro": "Where we are.",
      "prefill_from": { "definition": "mini-audit", "sections": ["leadership", "amhp"] },
      "questions": [ { "id": "context-notes", "text": "What we will change", "answer": { "type": "long_text" } } ] }
  ]
}"#;

#[test]
fn the_workforce_profile_lists_figures_with_last_cycle_and_peers() {
    use crate::test_fixtures::{audit_with_numbers, with_numbers};
    let d = audit_with_numbers();
    let figures = |fte: &str, vacant: &str| {
        with_numbers(
            choices(&[("lead-2", "partly")]),
            &[("wf-fte", fte), ("wf-vacant", vacant)],
        )
    };
    let now = work(&d, "North audit 2026", figures("12.5", "2"));
    let then = work(&d, "North audit 2025", figures("10", "3.5"));
    let comparison = compare_works(&d, &now, &then).unwrap();
    let peer_works: Vec<Work> = [
        ("8", "1"),
        ("20", "2"),
        ("16", "4"),
        ("30", "3"),
        ("10", "0"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (fte, vacant))| work(&d, &format!("Peer {i}"), figures(fte, vacant)))
    .collect();
    let sources: Vec<PeerSource> = peer_works
        .iter()
        .map(|w| PeerSource {
            work: w,
            organisation_type: None,
            nation: None,
        })
        .collect();
    let set = build_peer_set(&d, &sources).unwrap().set;
    let scores = score(&d, &now.responses);
    let peers = compare_with_peers(&scores, &set, None, None).unwrap();
    let report = audit_report(&AuditReportInput {
        definition: &d,
        work: &now,
        scores: &scores,
        previous: Some(PreviousCycle {
            work: &then,
            comparison: &comparison,
        }),
        peers: Some(&peers),
        today: today(),
        language: Lang::En,
    });
    let table = report
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption == "Workforce figures as given" => Some(t),
            _ => None,
        })
        .expect("a workforce profile table");
    // Peer FTE 8, 10, 16, 20, 30: median 16. Vacancies per FTE 0, 0.1, 0.1, 0.125, 0.25: median
    // 0.1, upper quartile 0.13 (two decimals), so ours (2 / 12.5 = 0.16) is above it.
    assert_eq!(
        table.rows,
        [
            vec![
                "Social workers (FTE)".to_owned(),
                "12.5 FTE".to_owned(),
                "10 FTE".to_owned(),
                "up 2.5 FTE".to_owned(),
                "16.0 FTE".to_owned(),
                "Between the lower quartile and the median".to_owned(),
            ],
            vec![
                "Vacant posts (FTE)".to_owned(),
                "2 FTE (0.16 per social work FTE)".to_owned(),
                "3.5 FTE".to_owned(),
                "down 1.5 FTE".to_owned(),
                "0.10 per social work FTE".to_owned(),
                "Above the upper quartile".to_owned(),
            ],
        ]
    );
    // Not scored: the workforce section says so, and the figures are in its record too.
    let text = report.plain_text();
    assert!(text.contains("Workforce profile"));
    assert!(text.contains("Social workers (FTE): 12.5 FTE"), "{text}");
}

#[test]
fn an_audit_without_number_questions_has_no_workforce_profile() {
    let report = report_for(&answered(), None, None);
    assert!(!report.plain_text().contains("Workforce profile"));
}

#[test]
fn legal_risks_come_first_with_their_answer_and_law_and_are_marked_in_the_sections() {
    // sup-2 ("Don't know") and amhp-1 ("Partly", below "Achieved") have statutory minimums in
    // the mini audit; amhp-1 names its law.
    let d = audit();
    let w = work(
        &d,
        "Risky audit",
        choices(&[
            ("has-amhp", "yes"),
            ("amhp-1", "partly"),
            ("sup-1", "achieved"),
            ("sup-2", "dk"),
        ]),
    );
    let report = report_for(&w, None, None);
    assert_eq!(
        report.blocks[0],
        Block::Heading {
            level: 1,
            text: "Legal risks".to_owned()
        }
    );
    let Block::Warnings(risks) = &report.blocks[2] else {
        panic!("a list of warnings: {:?}", report.blocks[2]);
    };
    assert_eq!(
        risks,
        &[
            "Legal risk: Supervision is given by a registered social worker. Answer: Don't know."
                .to_owned(),
            "Legal risk: AMHP rotas are safe. Answer: Partly. Required by: Mental Health Act 1983, section 114."
                .to_owned(),
        ]
    );
    let text = report.plain_text();
    assert!(text.contains("2 questions ask for a minimum that the law requires"));
    let mut rest = report.clone();
    let opening = rest.take_opening_part(LEGAL_RISKS_HEADING);
    assert_eq!(opening, report.blocks[..3]);
    assert_eq!(rest.blocks, report.blocks[3..]);
    assert!(matches!(&rest.blocks[0], Block::Heading { level: 1, text } if text == "Summary"));
    assert!(rest.take_opening_part(LEGAL_RISKS_HEADING).is_empty());
    assert!(text.contains("Legal risk: Yes: the minimum the law requires is not shown to be met"));

    // A law written with its own full stop is not given a second one.
    let mut stopped = d.clone();
    for section in &mut stopped.sections {
        for question in &mut section.questions {
            if let Some(law) = &mut question.statutory_basis {
                *law = format!("{}.", law.as_str()).into();
            }
        }
    }
    let w = work(
        &stopped,
        "Risky audit",
        choices(&[("has-amhp", "yes"), ("amhp-1", "partly")]),
    );
    let text = report_with(&stopped, &w, None, None).plain_text();
    assert!(
        text.contains("Required by: Mental Health Act 1983, section 114."),
        "{text}"
    );
    assert!(!text.contains("section 114.."), "{text}");

    let safe = work(&d, "Safe audit", choices(&[("sup-2", "achieved")]));
    let text = report_for(&safe, None, None).plain_text();
    assert!(text.contains("None found. 2 questions ask for a minimum that the law requires"));
    assert!(!text.contains("Legal risk:"));

    // Nothing found among questions not answered yet is not called "none found".
    let partly = work(
        &d,
        "Partly answered",
        choices(&[("has-amhp", "yes"), ("sup-2", "achieved")]),
    );
    let text = report_for(&partly, None, None).plain_text();
    assert!(
        text.contains("None found so far. 2 questions ask for a minimum that the law requires. 1 of them is not answered yet; none of those answered is below it"),
        "{text}"
    );
    let blank = work(&d, "Not started", choices(&[]));
    let text = report_for(&blank, None, None).plain_text();
    assert!(
        text.contains("None found yet. 2 questions ask for a minimum that the law requires, and none of them is answered yet."),
        "{text}"
    );
    assert!(!text.contains("None found."), "{text}");
}

/// A Welsh report names the law in Welsh where the definition gives it in Welsh (the Wales
/// section's active offer), and in its own English otherwise.
#[test]
fn a_welsh_report_names_the_law_in_welsh_where_it_is_given_in_welsh() {
    let mut d = audit();
    for section in &mut d.sections {
        for question in &mut section.questions {
            if let Some(law) = &mut question.statutory_basis {
                *law = crate::text::Text::from_languages([
                    (Lang::En, law.primary().to_owned()),
                    (Lang::Cy, "Deddf Iechyd Meddwl 1983, adran 114".to_owned()),
                ]);
            }
        }
    }
    let w = work(
        &d,
        "Archwiliad",
        choices(&[("has-amhp", "yes"), ("amhp-1", "partly")]),
    );
    let scores = score(&d, &w.responses);
    let said = |language| {
        audit_report(&AuditReportInput {
            definition: &d,
            work: &w,
            scores: &scores,
            previous: None,
            peers: None,
            today: today(),
            language,
        })
        .plain_text()
    };
    let welsh = said(Lang::Cy);
    assert!(
        welsh.contains("Yn ofynnol gan: Deddf Iechyd Meddwl 1983, adran 114."),
        "{welsh}"
    );
    assert!(
        !welsh.contains("Mental Health Act 1983, section 114"),
        "{welsh}"
    );
    assert!(said(Lang::En).contains("Required by: Mental Health Act 1983, section 114."));
}

#[test]
fn answers_set_aside_are_listed_by_the_retired_question_text_and_the_answer_label() {
    let mut d = audit();
    d.retired = serde_json::from_str(
        r#"[{"id": "lead-0", "text": "The board hears from social work every quarter", "since": "1.0.0"}]"#,
    )
    .expect("retired entries");
    let mut w = work(&d, "Older audit", choices(&[("lead-1", "achieved")]));
    w.set_aside = choices(&[("lead-0", "mostly"), ("gone", "x")]).items;
    let scores = score(&d, &w.responses);
    let report = audit_report(&AuditReportInput {
        definition: &d,
        work: &w,
        scores: &scores,
        previous: None,
        peers: None,
        today: today(),
        language: Lang::En,
    });
    let text = report.plain_text();
    assert!(
        text.contains("2 answers to questions that this version of the questionnaire no longer asks are kept with the work but not counted:\nQuestion gone. Answer: x.\nThe board hears from social work every quarter. Answer: Mostly."),
        "{text}"
    );
}

/// Partnership governance is rated only where there is an agreement: before that is answered
/// its bar says there is nothing scorable yet, as every other empty section's does (it was left
/// out of the chart altogether); once the answer is "no", there is nothing to rate and it has
/// no bar.
#[test]
fn a_section_waiting_for_the_answer_that_decides_its_ratings_keeps_its_bar() {
    let text = std::fs::read_to_string(format!(
        "{}/questionnaires/self-assessment.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the bundled self-assessment");
    let d = crate::definition::load_definition("self-assessment.json", &text).expect("it loads");
    let bars = |answers: Responses| -> Vec<(String, String)> {
        let report = report_with(&d, &work(&d, "Partnership", answers), None, None);
        let chart = first_chart(&report);
        chart
            .bars
            .iter()
            .map(|b| (b.label.clone(), b.value_label.clone()))
            .collect()
    };
    let title = d
        .section(&"partnership".into())
        .expect("the partnership section")
        .title
        .get(Lang::En)
        .to_owned();
    let unanswered = bars(Responses::default());
    assert!(
        unanswered.contains(&(title.clone(), "Nothing scorable yet".to_owned())),
        "{unanswered:?}"
    );
    let without = bars(choices(&[("pg-1", "no")]));
    assert!(
        !without.iter().any(|(label, _)| *label == title),
        "{without:?}"
    );
    assert_eq!(without.len(), unanswered.len() - 1);
}

/// The English texts in a Welsh report are found wherever they stand, as whole words, so a
/// results page can mark them for screen readers.
#[test]
fn texts_in_another_language_are_found_as_whole_words_the_longest_first() {
    use crate::report::audit::runs_in_other_language as runs;
    let others: std::collections::BTreeSet<String> =
        ["Leadership", "Leadership and culture", "Green, achieved"]
            .map(String::from)
            .into();
    assert_eq!(
        runs("Leadership and culture: 80%: Green, achieved", &others),
        [
            (true, "Leadership and culture"),
            (false, ": 80%: "),
            (true, "Green, achieved")
        ]
    );
    assert_eq!(
        runs("Adran: Leadership", &others),
        [(false, "Adran: "), (true, "Leadership")]
    );
    // Inside another word it is not the text.
    assert_eq!(runs("Leaderships", &others), [(false, "Leaderships")]);
    assert_eq!(runs("Arweinyddiaeth", &others), [(false, "Arweinyddiaeth")]);
    assert_eq!(runs("", &others), [(false, "")]);
    assert_eq!(
        runs("Ŵyr: Leadership.", &others),
        [(false, "Ŵyr: "), (true, "Leadership"), (false, ".")]
    );
}

/// A Welsh report of a questionnaire whose bands have no Welsh lists their English labels with
/// the other texts to mark.
#[test]
fn the_texts_to_mark_include_band_labels_without_welsh() {
    let a = audit();
    let texts = crate::report::audit::texts_not_in(&a, Lang::Cy);
    let bands: Vec<String> = a
        .sections
        .iter()
        .flat_map(|s| a.bands_for(s))
        .filter(|b| b.label.exact(Lang::Cy).is_none())
        .map(|b| crate::scoring::band_words(b.label.primary(), b.meaning.primary()))
        .collect();
    assert!(!bands.is_empty(), "the fixture has bands without Welsh");
    for band in &bands {
        assert!(texts.contains(band), "{band} in {texts:?}");
    }
    assert!(crate::report::audit::texts_not_in(&a, Lang::En).is_empty());
}

/// What the statement's first section that draws on an audit asks of it.
fn first_prefill(statement: &Definition) -> &crate::definition::Prefill {
    statement
        .sections
        .iter()
        .find_map(|s| s.prefill_from.as_ref())
        .expect("a prefilled section")
}
