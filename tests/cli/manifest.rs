//! `mhsw manifest`: the home page's summaries of the questionnaires, written and checked.

use crate::support::{mhsw, questionnaires, scratch, stderr, stdout};

/// The bundled manifest's summaries match the definitions: the home page lists exactly what
/// the checked questionnaires say. Fails when a definition's title or purpose changes without
/// `mhsw manifest questionnaires` being run.
#[test]
fn the_bundled_manifest_summaries_are_up_to_date() {
    let folder = questionnaires();
    let output = mhsw(&["manifest", folder, "--check"]);
    assert!(
        output.status.success(),
        "run `mhsw manifest questionnaires`: {}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(stdout(&output).contains("summaries up to date (6 definitions)"));
}

/// `mhsw manifest` writes summaries into a plain manifest, keeps the listed order, and leaves
/// the manifest untouched when a listed definition has problems.
#[test]
fn manifest_writes_summaries_and_refuses_broken_definitions() {
    let folder = scratch("manifest");
    let source = questionnaires();
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
