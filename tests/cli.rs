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

/// `mhsw score` scores a work file against every bundled definition (one empty and one answered
/// work per definition, made with the core).
#[test]
fn score_works_for_every_bundled_definition() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
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
    assert!(stdout(&output).contains("summaries up to date (6 definitions)"));
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

/// Every subcommand, as `mhsw --help` lists them (without clap's own `help`).
fn subcommands() -> Vec<String> {
    let help = stdout(&mhsw(&["--help"]));
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .expect("the help lists commands");
    commands
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// The options a help text lists (`-o`, `--output`, …), without `--help` and `--version`.
fn options_in_help(help: &str) -> Vec<String> {
    help.split("Options:\n")
        .nth(1)
        .unwrap_or("")
        .lines()
        .take_while(|l| l.starts_with("  "))
        .flat_map(|l| l.split_whitespace().take(3))
        .map(|w| w.trim_end_matches(','))
        .filter(|w| w.starts_with('-') && !["-h", "--help", "-V", "--version"].contains(w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn help_and_version_work_on_every_subcommand() {
    let commands = subcommands();
    assert_eq!(
        commands,
        [
            "check",
            "score",
            "peers",
            "report",
            "manifest",
            "schema",
            "completions"
        ]
    );
    for command in &commands {
        for flag in ["--help", "-h", "--version", "-V"] {
            let output = mhsw(&[command, flag]);
            assert_eq!(output.status.code(), Some(0), "mhsw {command} {flag}");
            assert!(!stdout(&output).is_empty(), "mhsw {command} {flag}");
        }
        let output = mhsw(&["help", command]);
        assert_eq!(output.status.code(), Some(0), "mhsw help {command}");
    }
    let version = mhsw(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("mhsw {}", env!("CARGO_PKG_VERSION"))
    );
    // `mhsw` alone shows the help, as before.
    let bare = mhsw(&[]);
    assert_eq!(bare.status.code(), Some(0));
    assert!(stdout(&bare).contains("Commands:"));
}

#[test]
fn unknown_options_are_errors_with_a_suggestion() {
    // Before clap, `mhsw manifest` took an unknown flag for a folder name.
    let output = mhsw(&["manifest", "--chek", "questionnaires"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("unexpected argument '--chek'"),
        "{message}"
    );
    assert!(
        message.contains("a similar argument exists: '--check'"),
        "{message}"
    );

    let output = mhsw(&[
        "report",
        "work.json",
        "-o",
        "out.pdf",
        "--practitioner",
        "p.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("'--practitioners'"),
        "{}",
        stderr(&output)
    );

    let output = mhsw(&["scor"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("'score'"), "{}", stderr(&output));

    // `report` needs a work file or --from-report-json, and -o.
    let output = mhsw(&["report", "-o", "out.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    let output = mhsw(&["report", "work.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--output <FILE>"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn completions_print_a_shell_script() {
    let output = mhsw(&["completions", "bash"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let script = stdout(&output);
    assert!(script.contains("complete -F _mhsw"), "{script}");
    for word in [
        "manifest",
        "--practitioners",
        "--from-report-json",
        "nhs-trust",
    ] {
        assert!(script.contains(word), "{word} is completed");
    }
    assert_eq!(mhsw(&["completions", "tcsh"]).status.code(), Some(2));
}

/// The README's command-line section against the real help, both ways: every command and
/// option it names exists, and every command and option the help lists is in it.
#[test]
fn readme_command_table_matches_the_help() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## The `mhsw` command line")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a command-line section");
    let commands = subcommands();
    let mut mentioned: Vec<(String, String)> = Vec::new();
    for line in section.lines().filter(|l| !l.contains("cargo ")) {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || "`|/(),;:".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        let Some(at) = words
            .windows(2)
            .position(|w| w[0] == "mhsw" && w[1].chars().all(|c| c.is_ascii_lowercase()))
        else {
            continue;
        };
        let command = words[at + 1].to_owned();
        assert!(
            commands.contains(&command),
            "README names `mhsw {command}`, which `mhsw --help` does not list"
        );
        for word in &words[at..] {
            let flag = word.trim_end_matches(['.', '\\']);
            if flag.starts_with('-')
                && flag
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '-')
            {
                mentioned.push((command.clone(), flag.to_owned()));
            }
        }
    }
    for command in &commands {
        assert!(
            section.contains(&format!("`mhsw {command}")),
            "`mhsw {command}` is missing from the README's table"
        );
        let help = stdout(&mhsw(&[command, "--help"]));
        let options = options_in_help(&help);
        for (_, flag) in mentioned.iter().filter(|(c, _)| c == command) {
            assert!(
                options.contains(flag) || ["-h", "--help", "-V", "--version"].contains(&flag.as_str()),
                "README gives `mhsw {command} {flag}`, which `mhsw {command} --help` does not list:\n{help}"
            );
        }
        for option in &options {
            assert!(
                mentioned.iter().any(|(c, f)| c == command && f == option),
                "`mhsw {command} --help` lists {option}, which the README's table does not give"
            );
        }
    }
}

/// Writes `bytes` into a fresh folder and returns the file's path.
fn file_with(test: &str, name: &str, bytes: &[u8]) -> String {
    let path = scratch(test).join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut definition = b"\xef\xbb\xbf".to_vec();
    definition.extend(std::fs::read(fixture("mini-audit.json")).unwrap());
    let definition = file_with("bom-definition", "mini-audit.json", &definition);
    let mut work = b"\xef\xbb\xbf".to_vec();
    work.extend(std::fs::read(fixture("work-full.json")).unwrap());
    let work = file_with("bom-work", "work.json", &work);
    let output = mhsw(&["score", &definition, &work, "--table"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Mini audit, version 1.0.0: Northshire audit 2026\n"));
    let check = mhsw(&["check", &definition]);
    assert!(check.status.success(), "{}", stdout(&check));
}

#[test]
fn utf16_and_other_encodings_are_refused_saying_so() {
    let text = std::fs::read_to_string(fixture("work-full.json")).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16 = file_with("utf16", "work.json", &utf16);
    let output = mhsw(&["score", &fixture("mini-audit.json"), &utf16]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("the file is UTF-16 (little-endian) text"),
        "{message}"
    );
    assert!(message.contains("save the file as UTF-8"), "{message}");
    assert!(!message.contains("not valid JSON"), "{message}");

    // Without a byte-order mark, and as a definition given to `check`.
    let definition = std::fs::read_to_string(fixture("mini-audit.json")).unwrap();
    let bare: Vec<u8> = definition
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let bare = file_with("utf16-bare", "def.json", &bare);
    let check = mhsw(&["check", &bare]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("UTF-16 (big-endian) text"),
        "{}",
        stdout(&check)
    );

    // Windows-1252: "é" as the single byte 0xE9.
    let latin: Vec<u8> = text
        .replacen("Northshire", "Northshir\u{1}", 1)
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xe9 } else { b })
        .collect();
    let latin = file_with("latin1", "work.json", &latin);
    let output = mhsw(&["score", &fixture("mini-audit.json"), &latin]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("the file is not UTF-8 text (line "),
        "{message}"
    );
    assert!(message.contains("Windows-1252"), "{message}");
}

#[test]
fn json_of_the_wrong_shape_is_never_called_not_valid_json() {
    let definition = fixture("mini-audit.json");
    for (name, text, expected) in [
        ("list", "[1, 2, 3]", "it holds a list [ … ], not an object"),
        (
            "number-format",
            r#"{ "format": 5 }"#,
            "it has no \"format\": \"mhsw-work\"",
        ),
        (
            "version-text",
            r#"{ "format": "mhsw-work", "format_version": "one" }"#,
            "\"format_version\" is missing or not a whole number",
        ),
    ] {
        let work = file_with(&format!("shape-{name}"), "work.json", text.as_bytes());
        let output = mhsw(&["score", &definition, &work]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let message = stderr(&output);
        assert!(
            message.contains("the file is JSON, but not a piece of work"),
            "{name}: {message}"
        );
        assert!(message.contains(expected), "{name}: {message}");
        assert!(!message.contains("not valid JSON"), "{name}: {message}");
    }
    // Not JSON at all is still called that, with the place.
    let broken = file_with("shape-broken", "work.json", b"{ \"format\": ");
    let message = stderr(&mhsw(&["score", &definition, &broken]));
    assert!(
        message.contains("the file is not valid JSON (line 1, column 12"),
        "{message}"
    );

    // A manifest, a report model and a definition of the wrong shape.
    let folder = scratch("shape-manifest");
    std::fs::write(folder.join("manifest.json"), r#"{ "definitions": 3 }"#).unwrap();
    let output = mhsw(&["manifest", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("the file is JSON, but not a manifest"),
        "{message}"
    );
    assert!(!message.contains("not valid JSON"), "{message}");

    let report = file_with("shape-report", "report.json", b"{ \"title\": [] }");
    let out = scratch("shape-report-out").join("r.pdf");
    let output = mhsw(&[
        "report",
        "--from-report-json",
        &report,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("the file is JSON, but not a report"),
        "{message}"
    );
    assert!(!message.contains("not valid JSON"), "{message}");

    let list = file_with("shape-definition", "def.json", b"[]");
    let check = stdout(&mhsw(&["check", &list]));
    assert!(check.contains("holds a list"), "{check}");
    assert!(!check.contains("not valid JSON"), "{check}");
}

#[test]
fn control_characters_in_names_and_titles_are_escaped() {
    let text = std::fs::read_to_string(fixture("work-full.json"))
        .unwrap()
        .replace(
            "Northshire audit 2026",
            "Northshire\\u001b[2J\\u009b audit\\r",
        );
    let work = file_with("control-work", "work.json", text.as_bytes());
    let output = mhsw(&["score", &fixture("mini-audit.json"), &work, "--table"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{9b}') && !table.contains('\r'),
        "{table:?}"
    );
    assert!(
        table.contains("Northshire\\u{1b}[2J\\u{9b} audit\\u{d}"),
        "{table}"
    );

    let definition = std::fs::read_to_string(fixture("mini-audit.json"))
        .unwrap()
        .replacen("\"Mini audit\"", "\"Mini\\u001b]0;owned\\u0007 audit\"", 1);
    let definition = file_with("control-definition", "def.json", definition.as_bytes());
    let output = mhsw(&["check", &definition]);
    let out = stdout(&output);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("Mini\\u{1b}]0;owned\\u{7} audit"), "{out}");
}

/// Issue 15: the workforce figures of a self-assessment are printed with the scores, as JSON
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
