//! The `mhsw score` and `mhsw peers` commands, run as the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mhsw::benchmark::peers::{parse_peer_set, GroupFigures, OrganisationType};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn mhsw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mhsw"))
        .args(args)
        .output()
        .expect("the mhsw binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mhsw-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes copies of the full fixture audit as if from different organisations.
fn audits(dir: &Path, names: &[&str]) -> Vec<String> {
    let template: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("work-full.json")).unwrap()).unwrap();
    let levels = ["not-yet", "partly", "mostly", "achieved"];
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut work = template.clone();
            work["id"] = format!("work-{i}").into();
            work["organisation"] = (*name).into();
            work["name"] = format!("{name} audit").into();
            work["responses"]["lead-1"]["answer"]["choice"] = levels[i % 4].into();
            let path = dir.join(format!("audit-{i}.json"));
            std::fs::write(&path, serde_json::to_string_pretty(&work).unwrap()).unwrap();
            path.display().to_string()
        })
        .collect()
}

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
    assert!(stderr(&output).contains("usage: mhsw score DEFINITION WORK_FILE [--table]"));

    let output = mhsw(&[
        "score",
        &fixture("mini-audit.json"),
        &fixture("work-full.json"),
        "--tabel",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no option `--tabel`"));

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

#[test]
fn peers_builds_an_anonymous_reference_set() {
    let dir = scratch("peers");
    let files = audits(
        &dir,
        &[
            "Aby Council",
            "Bee Council",
            "Cee Council",
            "Dee Trust",
            "Eee Trust",
            "Fff Council",
        ],
    );
    let out = dir.join("peers.json");
    let mut args = vec!["peers", "--nation", "england", "--type", "council"];
    args.extend(files[..3].iter().map(String::as_str));
    args.extend(["--type", "nhs-trust"]);
    args.extend(files[3..5].iter().map(String::as_str));
    args.extend(["--type", "council", &files[5]]);
    let definition = fixture("mini-audit.json");
    args.extend([definition.as_str(), "-o", out.to_str().unwrap()]);
    let output = mhsw(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("6 organisations"));
    let text = std::fs::read_to_string(&out).unwrap();
    for name in [
        "Aby",
        "Bee",
        "Cee",
        "Dee",
        "Eee",
        "Fff",
        "Principal Social Worker",
        "work-0",
    ] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    let set = parse_peer_set(&text).unwrap();
    assert_eq!(set.definition.as_str(), "mini-audit");
    let trusts = set
        .groups
        .iter()
        .find(|g| g.organisation_type == Some(OrganisationType::NhsTrust) && g.nation.is_none())
        .unwrap();
    assert_eq!(trusts.figures, GroupFigures::Suppressed {});
    let GroupFigures::Shown { organisations, .. } = &set.groups[0].figures else {
        panic!("all organisations shown: {text}")
    };
    assert_eq!(*organisations, 6);
}

#[test]
fn peers_finds_the_definition_in_a_folder_and_writes_to_standard_output() {
    let dir = scratch("peers-folder");
    let files = audits(&dir, &["A", "B", "C", "D", "E"]);
    let mut args = vec!["peers", "--definitions"];
    let folder = fixture("");
    args.push(&folder);
    args.extend(files.iter().map(String::as_str));
    let output = mhsw(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(parse_peer_set(&stdout(&output)).is_ok());
}

#[test]
fn peers_refuses_fewer_than_five_organisations() {
    let dir = scratch("peers-few");
    // Five files, but two from the same organisation: four organisations.
    let files = audits(&dir, &["A", "B", "C", "D", "d "]);
    let mut args = vec!["peers"];
    args.extend(files.iter().map(String::as_str));
    let definition = fixture("mini-audit.json");
    args.push(&definition);
    let output = mhsw(&args);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("at least 5 organisations"), "{message}");
    assert!(message.contains("4 were given"));
}

#[test]
fn peers_explains_mistakes() {
    let output = mhsw(&["peers"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("usage: mhsw peers"));
    let output = mhsw(&["peers", "--type", "hospital"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`hospital` is not a type of organisation"));
}

/// `mhsw score` scores a work file against every bundled definition (one empty and one answered
/// work per definition, made with the core).
#[test]
fn score_works_for_every_bundled_definition() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{folder}/manifest.json")).unwrap())
            .unwrap();
    let files = manifest["definitions"].as_array().unwrap();
    assert_eq!(files.len(), 5);
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

/// The bundled manifest's summaries match the definitions: the home page lists exactly what
/// the checked questionnaires say. Fails when a definition's title or purpose changes without
/// `mhsw manifest questionnaires` being run.
#[test]
fn the_bundled_manifest_summaries_are_up_to_date() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let output = mhsw(&["manifest", folder, "--check"]);
    assert!(
        output.status.success(),
        "run `mhsw manifest questionnaires`: {}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(stdout(&output).contains("summaries up to date (5 definitions)"));
}

/// `mhsw manifest` writes summaries into a plain manifest, keeps the listed order, and leaves
/// the manifest untouched when a listed definition has problems.
#[test]
fn manifest_writes_summaries_and_refuses_broken_definitions() {
    let folder = scratch("manifest");
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    for file in ["feedback-carer.json", "self-assessment.json"] {
        std::fs::copy(format!("{source}/{file}"), folder.join(file)).unwrap();
    }
    let plain = r#"{ "definitions": ["self-assessment.json", "feedback-carer.json"] }"#;
    std::fs::write(folder.join("manifest.json"), plain).unwrap();
    let dir = folder.to_str().unwrap();

    let check = mhsw(&["manifest", dir, "--check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(stderr(&check).contains("Fix: run `mhsw manifest"));

    let write = mhsw(&["manifest", dir]);
    assert!(write.status.success(), "{}", stderr(&write));
    let written: mhsw::manifest::Manifest =
        serde_json::from_str(&std::fs::read_to_string(folder.join("manifest.json")).unwrap())
            .unwrap();
    let order: Vec<&str> = written.summaries.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["self-assessment", "feedback-carer"]);
    assert!(mhsw(&["manifest", dir, "--check"]).status.success());

    std::fs::write(folder.join("feedback-carer.json"), "{ \"id\": ").unwrap();
    std::fs::write(folder.join("manifest.json"), plain).unwrap();
    let broken = mhsw(&["manifest", dir]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stderr(&broken).contains("was not changed"));
    assert_eq!(
        std::fs::read_to_string(folder.join("manifest.json")).unwrap(),
        plain
    );
}
