//! `mhsw peers`: an anonymous reference set from several organisations' audits.

use std::path::Path;

use mhsw::benchmark::peers::{parse_peer_set, GroupFigures, OrganisationType};

use crate::support::{fixture, mhsw, scratch, stderr, stdout};

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
    assert!(stderr(&output).contains("Usage: mhsw peers"));
    let output = mhsw(&["peers", "--type", "hospital"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("invalid value 'hospital' for '--type <TYPE>'"),
        "{message}"
    );
    assert!(
        message.contains("[possible values: council, nhs-trust, other]"),
        "{message}"
    );
}
