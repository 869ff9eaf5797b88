use std::collections::BTreeSet;

use super::checker::pointer;
use super::plan::plan_field_name;
use super::together::validate_together;
use super::*;
use crate::definition::PlanFieldKind;

/// The mini audit with the `amhp` section's condition replaced by `condition`, and its
/// problems.
fn amhp_section_shown_when(condition: serde_json::Value) -> (Definition, Vec<String>) {
    let mut document: serde_json::Value =
        serde_json::from_str(crate::test_fixtures::AUDIT).unwrap();
    document["sections"][2]["shows_when"] = condition;
    let definition = crate::definition::parse_definition(&document.to_string()).unwrap();
    let problems = validate(&definition)
        .iter()
        .map(ToString::to_string)
        .collect();
    (definition, problems)
}

#[test]
fn v6_an_alternative_shows_the_section_on_its_own() {
    let (definition, problems) = amhp_section_shown_when(serde_json::json!({
        "question": "has-amhp", "any_of": ["yes"],
        "or": [{ "question": "lead-3", "any_of": ["yes"] }]
    }));
    assert_eq!(problems, Vec::<String>::new());
    let section = &definition.sections[2];
    let answers = |pairs: &[(&str, &str)]| {
        let mut responses = crate::responses::Responses::default();
        for (question, value) in pairs {
            responses.set(
                crate::ids::QuestionId::new(*question),
                crate::responses::ItemResponse {
                    answer: Some(crate::responses::Answer::Choice(
                        crate::ids::OptionValue::new(*value),
                    )),
                    ..Default::default()
                },
            );
        }
        responses
    };
    let shown = |pairs: &[(&str, &str)]| answers(pairs).section_shown(&definition, section);
    assert!(shown(&[("has-amhp", "yes"), ("lead-3", "no")]));
    assert!(
        shown(&[("has-amhp", "no"), ("lead-3", "yes")]),
        "the alternative alone"
    );
    assert!(!shown(&[("has-amhp", "no"), ("lead-3", "no")]));
    assert!(!shown(&[]));
}

#[test]
fn v6_each_alternative_is_checked_where_it_is_written() {
    let (_, problems) = amhp_section_shown_when(serde_json::json!({
        "question": "has-amhp", "any_of": ["yes"],
        "or": [
            { "question": "lead-9", "any_of": ["yes"] },
            { "question": "lead-3", "any_of": ["Yes"],
              "or": [{ "question": "lead-2", "any_of": ["yes"] }] }
        ]
    }));
    let all = problems.join("\n");
    assert!(
            all.contains("field `shows_when.or.0.question`: the condition names question `lead-9`, which does not exist"),
            "{all}"
        );
    assert!(
        all.contains(
            "field `shows_when.or.1.any_of`: question `lead-3` has no option with the value `Yes`"
        ),
        "{all}"
    );
    assert!(
        all.contains("field `shows_when.or.1.or`: an alternative has alternatives of its own"),
        "{all}"
    );
}

#[test]
fn v7_a_section_is_reachable_through_an_alternative_and_explained_when_not() {
    // The first condition names a value `has-amhp` does not offer; the alternative works.
    let (_, problems) = amhp_section_shown_when(serde_json::json!({
        "question": "sup-3", "any_of": ["achieved"],
        "or": [{ "question": "lead-3", "any_of": ["yes"] }]
    }));
    assert!(
        problems.iter().all(|p| !p.contains("can never be shown")),
        "{problems:#?}"
    );
}

#[test]
fn v23_a_number_question_belongs_in_an_audit() {
    let mut document: serde_json::Value =
        serde_json::from_str(crate::test_fixtures::FEEDBACK).unwrap();
    document["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "how-many",
            "text": "How many times have you met your social worker?",
            "easy_read": "How many times did you meet?",
            "answer": { "type": "number", "unit": "times", "min": 0, "max": 100 }
        }));
    let definition = crate::definition::parse_definition(&document.to_string()).unwrap();
    let problems: Vec<String> = validate(&definition)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
            problems[0].contains("question `how-many`, field `answer.type`: a number question is only for audits, and this is a feedback tool"),
            "{problems:#?}"
        );
}

#[test]
fn places_read_naturally() {
    let place = Place {
        section: Some("supervision".into()),
        question: Some("number 2".into()),
        field: Some("answer.scale".into()),
        line: Some(12),
        ..Place::default()
    };
    assert_eq!(
        place.to_string(),
        "line 12, section `supervision`, question number 2, field `answer.scale`"
    );
    assert_eq!(Place::default().to_string(), "the definition as a whole");
}

#[test]
fn pointers_escape_slashes() {
    assert_eq!(pointer(&["scales", "a/b"]), "/scales/a~1b");
    assert_eq!(plan_field_name(PlanFieldKind::TargetDate), "target_date");
}

#[test]
fn a_statement_naming_a_missing_audit_section_is_reported() {
    let read = |name: &str| {
        let path = format!("{}/questionnaires/{name}", env!("CARGO_MANIFEST_DIR"));
        crate::definition::load_definition(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
    };
    let audit = read("self-assessment.json");
    let mut statement = read("strategic-statement.json");
    assert!(validate_together(&[&audit, &statement]).is_empty());
    let section = statement
        .sections
        .iter_mut()
        .find(|s| s.prefill_from.is_some())
        .unwrap();
    section
        .prefill_from
        .as_mut()
        .unwrap()
        .sections
        .push("no-such-section".into());
    let problems = validate_together(&[&audit, &statement]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, 1);
    assert!(problems[0]
        .1
        .to_string()
        .contains("no section `no-such-section`"));
    assert!(problems[0].1.fix.contains("supervision"));
}

#[test]
fn every_rule_is_listed_once_under_its_own_code() {
    let codes: BTreeSet<&str> = Rule::ALL.iter().map(|rule| rule.code()).collect();
    assert_eq!(codes.len(), Rule::ALL.len());
    for rule in Rule::ALL {
        if rule != Rule::Unexplained {
            assert_eq!(format!("{rule:?}"), rule.code());
        }
    }
}
