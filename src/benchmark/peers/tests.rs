//! Tests pinning peer rules R1 to R7 and the file format.

use super::*;
use crate::test_fixtures::{audit, choices, date, work};

const LEVELS: [&str; 4] = ["not-yet", "partly", "mostly", "achieved"];

/// An audit from a named organisation whose leadership section scores `level` of 3 (lead-2 only).
fn audit_from(name: &str, level: usize) -> Work {
    let d = audit();
    let mut w = work(
        &d,
        name,
        choices(&[("lead-2", LEVELS[level]), ("sup-1", "mostly")]),
    );
    w.id = crate::ids::WorkId::new(format!("id-{name}"));
    w
}

fn sources(works: &[Work], kind: OrganisationType) -> Vec<PeerSource<'_>> {
    works
        .iter()
        .map(|work| PeerSource {
            work,
            organisation_type: Some(kind),
            nation: Some(PeerNation::England),
        })
        .collect()
}

fn five() -> Vec<Work> {
    ["Aby", "Bee", "Cee", "Dee", "Eee"]
        .iter()
        .enumerate()
        .map(|(i, n)| audit_from(n, i % 4))
        .collect()
}

#[test]
fn r1_reference_sets_never_hold_names() {
    let works = five();
    let built = build_peer_set(&audit(), &sources(&works, OrganisationType::Council)).unwrap();
    let text = export_peer_set(&built.set);
    for work in &works {
        assert!(!text.contains(&work.organisation), "{text}");
        assert!(!text.contains(work.id.as_str()));
        assert!(!text.contains(&work.name));
    }
    assert!(!text.contains("PSW"));
}

#[test]
fn r2_one_audit_per_organisation_the_most_recent() {
    let d = audit();
    let mut works = five();
    let mut again = audit_from("aby", 3);
    again.organisation = "  ABY Council ".to_owned();
    again.updated = date("2026-12-01");
    works.push(again);
    let mut practitioners = audit_from("Practice", 0);
    practitioners.perspective = Perspective::Practitioners;
    works.push(practitioners);
    let mut other = audit_from("Other", 0);
    other.definition.id = DefinitionId::new("another-audit");
    works.push(other);
    let built = build_peer_set(&d, &sources(&works, OrganisationType::Council)).unwrap();
    assert_eq!(built.organisations, 5);
    let left: Vec<usize> = built.left_out.iter().map(|l| l.index).collect();
    assert_eq!(left, [0, 6, 7]);
    assert!(built.left_out[0].reason.contains("more recent"));
    // The newer Aby audit (achieved, 100%) counts, not the older one (not yet, 0%).
    let GroupFigures::Shown { sections, .. } = &built.set.groups[0].figures else {
        panic!("all organisations shown")
    };
    let (_, low, _, _) = sections[&SectionId::new("leadership")].figures().unwrap();
    assert_eq!(low, 33.3);
}

#[test]
fn r3_fewer_than_five_organisations_are_refused() {
    let works: Vec<Work> = five().into_iter().take(4).collect();
    let error = build_peer_set(&audit(), &sources(&works, OrganisationType::Council)).unwrap_err();
    assert_eq!(
        error,
        PeerError::TooFew {
            found: 4,
            minimum: 5
        }
    );
    assert!(error.to_string().contains("at least 5 organisations"));
    assert!(error.to_string().contains("4 were given"));
}

#[test]
fn r3_small_groups_and_sections_are_suppressed() {
    let d = audit();
    let mut works = five();
    works.push(audit_from("Trust One", 1));
    works.push(audit_from("Trust Two", 2));
    let mut list = sources(&works[..5], OrganisationType::Council);
    list.extend(sources(&works[5..], OrganisationType::NhsTrust));
    let set = build_peer_set(&d, &list).unwrap().set;
    let trusts = set
        .groups
        .iter()
        .find(|g| g.organisation_type == Some(OrganisationType::NhsTrust) && g.nation.is_none())
        .unwrap();
    assert_eq!(trusts.figures, GroupFigures::Suppressed {});
    assert!(!set
        .groups
        .iter()
        .any(|g| g.organisation_type == Some(OrganisationType::Other)));
    let GroupFigures::Shown {
        organisations,
        sections,
        ..
    } = &set.groups[0].figures
    else {
        panic!("all organisations shown")
    };
    assert_eq!(*organisations, 7);
    // Nobody answered the AMHP section.
    assert_eq!(
        sections[&SectionId::new("amhp")],
        PeerStatistic::Suppressed {}
    );
    let text = export_peer_set(&set);
    assert!(text.contains("\"status\": \"suppressed\""));
}

#[test]
fn r3_a_file_claiming_a_small_group_is_read_as_suppressed() {
    let d = audit();
    let scores = score(&d, &choices(&[("lead-2", "partly")]));
    let set = PeerSet {
        format: PEER_FORMAT.to_owned(),
        format_version: 1,
        definition: d.id.clone(),
        versions: vec!["1.0.0".to_owned()],
        minimum_group: 5,
        groups: vec![PeerGroup {
            organisation_type: None,
            nation: None,
            figures: GroupFigures::Shown {
                organisations: 3,
                overall: PeerStatistic::Shown {
                    organisations: 3,
                    lower_quartile: 10.0,
                    median: 20.0,
                    upper_quartile: 30.0,
                },
                sections: BTreeMap::new(),
                figures: BTreeMap::new(),
            },
        }],
    };
    let comparison = compare_with_peers(&scores, &set, None, None).unwrap();
    assert_eq!(comparison.organisations, None);
    assert_eq!(comparison.overall.position, Position::Suppressed);
    assert!(comparison
        .sections
        .iter()
        .all(|s| matches!(s.position, Position::Suppressed | Position::NotScored)));
}

#[test]
fn r4_quartiles_interpolate_between_closest_ranks() {
    let even = PeerStatistic::from_percentages(vec![60.0, 10.0, 30.0, 20.0, 50.0, 40.0]);
    assert_eq!(even.figures(), Some((6, 22.5, 35.0, 47.5)));
    let odd = PeerStatistic::from_percentages(vec![0.0, 25.0, 50.0, 75.0, 100.0]);
    assert_eq!(odd.figures(), Some((5, 25.0, 50.0, 75.0)));
    let thirds = PeerStatistic::from_percentages(vec![100.0 / 3.0; 5]);
    assert_eq!(thirds.figures(), Some((5, 33.3, 33.3, 33.3)));
}

#[test]
fn r5_positions_among_the_quartiles() {
    assert_eq!(
        Position::among(24.9, 25.0, 50.0, 75.0),
        Position::BelowLowerQuartile
    );
    assert_eq!(
        Position::among(25.0, 25.0, 50.0, 75.0),
        Position::LowerMiddle
    );
    assert_eq!(
        Position::among(49.9, 25.0, 50.0, 75.0),
        Position::LowerMiddle
    );
    assert_eq!(
        Position::among(50.0, 25.0, 50.0, 75.0),
        Position::UpperMiddle
    );
    assert_eq!(
        Position::among(75.0, 25.0, 50.0, 75.0),
        Position::UpperMiddle
    );
    assert_eq!(
        Position::among(75.1, 25.0, 50.0, 75.0),
        Position::AboveUpperQuartile
    );
    // Rounded to one decimal like the reference: exactly a third sits on a median of 33.3.
    assert_eq!(
        Position::among(100.0 / 3.0, 10.0, 33.3, 60.0),
        Position::UpperMiddle
    );
}

#[test]
fn r6_sections_without_a_score_or_figures_have_no_position() {
    let d = audit();
    let mut works = five();
    works.push(audit_from("Fff", 2));
    let set = build_peer_set(&d, &sources(&works, OrganisationType::Council))
        .unwrap()
        .set;
    let ours = score(
        &d,
        &choices(&[
            ("lead-2", "mostly"),
            ("has-amhp", "yes"),
            ("amhp-1", "partly"),
        ]),
    );
    let comparison = compare_with_peers(&ours, &set, None, None).unwrap();
    assert_eq!(comparison.group, "All organisations");
    assert_eq!(comparison.organisations, Some(6));
    let position = |id: &str| {
        comparison
            .sections
            .iter()
            .find(|s| s.section.as_ref().map(|x| x.as_str()) == Some(id))
            .unwrap()
            .position
    };
    // Leadership: 0, 33.3, 66.7, 100, 0, 66.7 -> quartiles 8.3, 50, 66.7; ours 66.7.
    assert_eq!(position("leadership"), Position::UpperMiddle);
    assert_eq!(position("supervision"), Position::NotScored);
    assert_eq!(position("amhp"), Position::Suppressed);
    assert_eq!(
        compare_with_peers(&ours, &set, Some(OrganisationType::Other), None).unwrap_err(),
        PeerError::NoSuchGroup("Other organisations".to_owned())
    );
    let by_nation = compare_with_peers(
        &ours,
        &set,
        Some(OrganisationType::Council),
        Some(PeerNation::England),
    )
    .unwrap();
    assert_eq!(by_nation.group, "Councils in England");
}

#[test]
fn the_file_round_trips_and_bad_files_are_refused() {
    let works = five();
    let set = build_peer_set(&audit(), &sources(&works, OrganisationType::Council))
        .unwrap()
        .set;
    let text = export_peer_set(&set);
    assert!(text.contains("\"format\": \"mhsw-peers\""));
    assert_eq!(parse_peer_set(&text).unwrap(), set);
    assert!(matches!(
        parse_peer_set("{}"),
        Err(PeerError::Unreadable(_))
    ));
    let newer = text.replace("\"format_version\": 1", "\"format_version\": 7");
    assert!(parse_peer_set(&newer)
        .unwrap_err()
        .to_string()
        .contains("newer"));
    let disordered = text.replacen("\"lower_quartile\": ", "\"lower_quartile\": 99", 1);
    assert!(parse_peer_set(&disordered)
        .unwrap_err()
        .to_string()
        .contains("not in order"));
    let other = score(&crate::test_fixtures::feedback(), &choices(&[]));
    assert!(matches!(
        compare_with_peers(&other, &set, None, None),
        Err(PeerError::OtherDefinition { .. })
    ));
}

/// L1: a reference set nested far too deep is refused before parsing.
#[test]
fn l1_a_deeply_nested_reference_set_is_refused() {
    let text = format!("{}{}", "{\"a\":".repeat(40_000), "}".repeat(40_000));
    let error = parse_peer_set(&text).unwrap_err().to_string();
    assert!(
        error.contains("more than 64 levels deep (line 1, column 321)"),
        "{error}"
    );
}

/// Six organisations' workforce figures (R7): social work FTE, vacancies (compared per FTE) and
/// rota fill; Fay gives no FTE, so her vacancies cannot be compared per FTE, and only four give
/// a rota figure.
fn six_with_figures() -> Vec<Work> {
    let d = crate::test_fixtures::audit_with_numbers();
    let figures: [(&str, &[(&str, &str)]); 6] = [
        (
            "Aby",
            &[("wf-fte", "10"), ("wf-vacant", "1"), ("wf-rota", "80")],
        ),
        (
            "Bee",
            &[("wf-fte", "20"), ("wf-vacant", "4"), ("wf-rota", "95")],
        ),
        (
            "Cee",
            &[("wf-fte", "40"), ("wf-vacant", "2"), ("wf-rota", "60")],
        ),
        (
            "Dee",
            &[("wf-fte", "8"), ("wf-vacant", "0"), ("wf-rota", "100")],
        ),
        ("Eee", &[("wf-fte", "16.5"), ("wf-vacant", "4.5")]),
        ("Fay", &[("wf-vacant", "5")]),
    ];
    figures
        .iter()
        .map(|(name, pairs)| {
            let responses =
                crate::test_fixtures::with_numbers(choices(&[("lead-2", "partly")]), pairs);
            let mut w = work(&d, name, responses);
            w.id = crate::ids::WorkId::new(format!("id-{name}"));
            w
        })
        .collect()
}

#[test]
fn r7_figures_are_summarised_per_fte_with_small_groups_suppressed_golden() {
    let d = crate::test_fixtures::audit_with_numbers();
    let works = six_with_figures();
    let mut listed = sources(&works, OrganisationType::Council);
    // One of them in Wales, so the councils-in-Wales group has one organisation.
    listed[5].nation = Some(PeerNation::Wales);
    let built = build_peer_set(&d, &listed).unwrap();
    let text = export_peer_set(&built.set);
    let golden = include_str!("figures.golden.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/benchmark/peers/figures.golden.json"
            ),
            &text,
        )
        .unwrap();
    }
    assert_eq!(text, golden);
    // The same, read back and checked as figures rather than text.
    let GroupFigures::Shown { figures, .. } = &built.set.groups[0].figures else {
        panic!("all organisations shown")
    };
    // FTE: 8, 10, 16.5, 20, 40 (Fay gave none).
    assert_eq!(
        figures[&QuestionId::new("wf-fte")].figures(),
        Some((5, 10.0, 16.5, 20.0))
    );
    // Vacancies per FTE: 0, 0.05, 0.1, 0.2, 0.27 (4.5 / 16.5); Fay's cannot be divided.
    assert_eq!(
        figures[&QuestionId::new("wf-vacant")].figures(),
        Some((5, 0.05, 0.1, 0.2))
    );
    // Four rota figures: suppressed, with no count.
    assert_eq!(
        figures[&QuestionId::new("wf-rota")],
        PeerStatistic::Suppressed {}
    );
    assert_eq!(parse_peer_set(&text).unwrap(), built.set);
}

#[test]
fn r7_a_figure_is_placed_among_its_peers_or_said_to_be_suppressed() {
    let d = crate::test_fixtures::audit_with_numbers();
    let works = six_with_figures();
    let built = build_peer_set(&d, &sources(&works, OrganisationType::Council)).unwrap();
    // Cee: 40 FTE, 2 vacancies (0.05 per FTE), 60% of rota shifts filled.
    let cee = score(&d, &works[2].responses);
    let comparison = compare_with_peers(&cee, &built.set, None, None).unwrap();
    let rows: Vec<(&str, &str, Position)> = comparison
        .figures
        .iter()
        .map(|r| (r.question.as_str(), r.unit.as_str(), r.position))
        .collect();
    assert_eq!(
        rows,
        [
            ("wf-fte", "FTE", Position::AboveUpperQuartile),
            (
                "wf-vacant",
                "FTE per social work FTE",
                Position::LowerMiddle
            ),
            ("wf-rota", "%", Position::Suppressed),
        ]
    );
    // A group of fewer than five shows no figure at all.
    let mut listed = sources(&works, OrganisationType::Council);
    listed[0].nation = Some(PeerNation::Wales);
    let built = build_peer_set(&d, &listed).unwrap();
    let in_wales = compare_with_peers(
        &cee,
        &built.set,
        Some(OrganisationType::Council),
        Some(PeerNation::Wales),
    )
    .unwrap();
    assert!(in_wales
        .figures
        .iter()
        .all(|r| r.position == Position::Suppressed));
}

#[test]
fn r7_a_file_with_figures_out_of_order_is_refused() {
    let d = crate::test_fixtures::audit_with_numbers();
    let works = six_with_figures();
    let built = build_peer_set(&d, &sources(&works, OrganisationType::Council)).unwrap();
    let text = export_peer_set(&built.set).replacen("\"median\": 16.5", "\"median\": 99.0", 1);
    let error = parse_peer_set(&text).unwrap_err().to_string();
    assert!(error.contains("`wf-fte` are not in order"), "{error}");
}
