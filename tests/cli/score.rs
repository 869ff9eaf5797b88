//! `mhsw score`: scores as JSON or a table, notes on older versions, workforce figures and
//! legal risks, and every bundled definition scored.

use crate::support::{fixture, mhsw, questionnaires, scratch, stderr, stdout};

#[test]
fn score_prints_the_scores_as_json() {
    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        &fixture("work-full.json"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let actual: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("expected/work-full.scores.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(actual, expected);
}

#[test]
fn score_prints_an_aligned_table() {
    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        &fixture("work-full.json"),
        "--table",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Mini audit, version 1.0.0: Northshire audit 2026\n"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().find(|l| l.starts_with("Section")).unwrap();
    let leadership = lines.iter().find(|l| l.starts_with("Leadership")).unwrap();
    let overall = lines.iter().find(|l| l.starts_with("Overall")).unwrap();
    // Columns line up: "Score" sits above each row's percentage.
    let column = header.find("Score").unwrap();
    assert_eq!(&leadership[column..column + 3], "71%");
    assert_eq!(&overall[column..column + 3], "69%");
    assert!(leadership.contains("Amber"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("AMHP service") && l.contains("nothing scorable")));
}

#[test]
fn score_notes_an_older_version_and_answers_that_no_longer_fit() {
    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        &fixture("work-old-version.json"),
        "--table",
    ]);
    assert!(output.status.success());
    let notes = stderr(&output);
    assert!(notes.contains("saved with version 0.9.0"), "{notes}");
    assert!(notes.contains("`somewhat`"));
}

#[test]
fn score_explains_mistakes() {
    let output = mhsw(&["score", &fixture("mini-audit.json")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage: mhsw score <DEFINITION> <WORK_FILE>"));

    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        &fixture("work-full.json"),
        "--tabel",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unexpected argument '--tabel'"));
    assert!(stderr(&output).contains("a similar argument exists: '--table'"));

    let dir = scratch("other-definition");
    let other = dir.join("other.json");
    let text = std::fs::read_to_string(fixture("work-full.json"))
        .unwrap()
        .replace("\"id\": \"mini-audit\"", "\"id\": \"another-audit\"");
    std::fs::write(&other, text).unwrap();
    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        other.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("answers the questionnaire `another-audit`"));
}

/// `mhsw score` scores a work file against every bundled definition (one empty and one answered
/// work per definition, made with the core).
#[test]
fn score_works_for_every_bundled_definition() {
    let folder = questionnaires();
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{folder}/manifest.json")).unwrap())
            .unwrap();
    let files = manifest["definitions"].as_array().unwrap();
    assert_eq!(files.len(), 6);
    for file in files {
        let path = format!("{folder}/{}", file.as_str().unwrap());
        let definition =
            mhsw::definition::load_definition(&path, &std::fs::read_to_string(&path).unwrap())
                .unwrap();
        let mut work = mhsw::work::Work::start(
            mhsw::ids::WorkId::new("w"),
            "Scored".into(),
            &definition,
            "2026-11-22".parse().unwrap(),
        );
        for (_, question) in definition.questions() {
            if let Some(list) = definition.options_of(question) {
                if !matches!(
                    question.answer,
                    mhsw::definition::AnswerKind::MultipleChoice { .. }
                ) {
                    let last = list.options.iter().rfind(|o| o.points.is_some()).cloned();
                    if let Some(option) = last {
                        work.responses.set(
                            question.id.clone(),
                            mhsw::responses::ItemResponse {
                                answer: Some(mhsw::responses::Answer::Choice(option.value)),
                                ..Default::default()
                            },
                        );
                    }
                }
            }
        }
        let work_path = scratch(&format!("bundled-{}", file.as_str().unwrap())).join("work.json");
        std::fs::write(&work_path, mhsw::work::export_work(&work)).unwrap();
        let output = mhsw(&["score", &path, work_path.to_str().unwrap()]);
        assert!(output.status.success(), "{path}: {}", stderr(&output));
        let scores: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(scores["definition"], definition.id.as_str(), "{path}");
        let table = mhsw(&["score", &path, work_path.to_str().unwrap(), "--table"]);
        assert!(table.status.success(), "{path}: {}", stderr(&table));
        if definition.scoring.is_some() && definition.kind == mhsw::definition::ToolKind::Audit {
            assert!(
                !scores["overall"].is_null(),
                "{path}: an answered audit has an overall score"
            );
        }
    }
}

/// The workforce figures of a self-assessment are printed with the scores, as JSON
/// (exactly, with a full stop) and in the table, and `mhsw check` accepts number questions.
#[test]
fn score_prints_workforce_figures() {
    let path = format!(
        "{}/questionnaires/self-assessment.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let check = mhsw(&["check", &path]);
    assert!(check.status.success(), "{}", stderr(&check));
    let definition =
        mhsw::definition::load_definition(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut work = mhsw::work::Work::start(
        mhsw::ids::WorkId::new("w"),
        "Figures".into(),
        &definition,
        "2026-11-22".parse().unwrap(),
    );
    for (question, figure) in [("wp-1", "12.5"), ("wp-3", "85")] {
        work.responses.set(
            mhsw::ids::QuestionId::new(question),
            mhsw::responses::ItemResponse {
                answer: Some(mhsw::responses::Answer::Number(figure.parse().unwrap())),
                ..Default::default()
            },
        );
    }
    let work_path = scratch("workforce-figures").join("work.json");
    std::fs::write(&work_path, mhsw::work::export_work(&work)).unwrap();
    let output = mhsw(&["score", &path, work_path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let scores: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scores["figures"][0]["question"], "wp-1");
    assert_eq!(scores["figures"][0]["value"], "12.5");
    assert_eq!(scores["figures"][1]["value"], "85");
    let table = stdout(&mhsw(&[
        "score",
        &path,
        work_path.to_str().unwrap(),
        "--table",
    ]));
    assert!(
        table.contains("Workforce profile (figures as given, not scored):\n  Registered social workers working in your mental health services, in full-time equivalent posts: 12.5 FTE\n  AMHP rota shifts filled in the last quarter: 85%\n"),
        "{table}"
    );
}

#[test]
fn score_lists_legal_risks_under_the_table() {
    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        &fixture("work-legal-risks.json"),
        "--table",
    ]);
    assert!(output.status.success());
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(
        table.contains("Legal risk: AMHP rotas are safe. Answer: Mostly."),
        "{table}"
    );
    assert!(table.contains(
        "Legal risk: Supervision is given by a registered social worker. Answer: Don't know."
    ));
    assert!(!table.contains("Legal risk: The Principal Social Worker"));
}
