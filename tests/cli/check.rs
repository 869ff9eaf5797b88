//! `mhsw check`: exit codes, and output that names the file, the place and the fix, for one
//! file or many.

use std::process::Output;

use crate::support::{mhsw, path, root, scratch, stderr, stdout};

/// Runs `mhsw check` with `files`, named from the crate's root.
fn check(files: &[&str]) -> Output {
    let mut args = vec!["check"];
    args.extend_from_slice(files);
    mhsw(&args)
}

const GOOD: &str = "tests/definitions/valid/audit.json";
const BAD: &str = "tests/definitions/malformed/undefined-scale.json";
const WORSE: &str = "tests/definitions/malformed/many-problems-at-once.json";

fn golden(file: &str) -> String {
    let path = root().join(file.replace(".json", ".expected.txt"));
    std::fs::read_to_string(path).expect("the golden file exists")
}

#[test]
fn a_good_definition_passes() {
    let output = check(&[GOOD]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{GOOD}: ok (Mini audit, version 1.0.0, 2 sections, 6 questions)\n")
    );
}

#[test]
fn a_bad_definition_fails_naming_the_file_the_place_and_the_fix() {
    let output = check(&[BAD]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.starts_with(&format!("{BAD}: 1 problem\n")), "{out}");
    assert!(
        out.contains("line 92, section `leadership`, question `lead-1`, field `answer.scale`"),
        "{out}"
    );
    assert!(
        out.contains("Fix: use one of the defined scales (maturity)"),
        "{out}"
    );
    assert_eq!(
        out,
        golden(BAD),
        "the command prints what the golden file holds"
    );
    assert!(stderr(&output).contains("1 of 1 file with problems"));
}

#[test]
fn several_files_are_all_reported() {
    let output = check(&[BAD, GOOD, WORSE]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let expected = format!(
        "{}{GOOD}: ok (Mini audit, version 1.0.0, 2 sections, 6 questions)\n{}",
        golden(BAD),
        golden(WORSE)
    );
    assert_eq!(out, expected);
    assert!(stderr(&output).contains("2 of 3 files with problems"));
}

#[test]
fn invalid_json_is_reported_with_line_and_column() {
    let file = "tests/definitions/malformed/syntax-missing-comma.json";
    let output = check(&[file]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains(&format!("{file}: 1 problem")), "{out}");
    assert!(out.contains("line 63, column 11"), "{out}");
    assert!(
        out.contains("Fix: add a comma at the end of line 62"),
        "{out}"
    );
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_checked() {
    let output = check(&["tests/definitions/no-such-file.json", GOOD]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("tests/definitions/no-such-file.json: cannot read the file"),
        "{out}"
    );
    assert!(out.contains(&format!("{GOOD}: ok")), "{out}");
}

#[test]
fn the_schema_is_skipped_and_nothing_to_check_is_an_error() {
    let output = check(&["questionnaires/schema.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("questionnaires/schema.json: skipped (not a definition)"));
    assert!(stderr(&output).contains("none of the files named is a definition"));
}

#[test]
fn no_files_is_a_usage_error() {
    let output = check(&[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("required arguments were not provided"),
        "{message}"
    );
    assert!(message.contains("Usage: mhsw check <FILE>..."), "{message}");
}

#[test]
fn a_string_missing_in_welsh_is_named_with_its_place_and_its_fix() {
    let file = "tests/definitions/malformed/welsh-string-missing.json";
    let output = check(&[file]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.starts_with(&format!("{file}: 2 problems\n")), "{out}");
    assert!(
        out.contains(
            "  - line 67, section `your-worker`, question `fb-2`, field `text`: question `fb-2`'s \
             text has no Welsh (cy) version. Fix: give it in each language, as \"text\": \
             { \"en\": \"…\", \"cy\": \"…\" }.\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "field `answer.options.carer.label`: option `carer`'s label has no Welsh (cy) \
             version. Fix: add \"cy\": \"…\" to it.\n"
        ),
        "{out}"
    );
    assert_eq!(out, golden(file));
    // The complete bilingual questionnaire it was made from passes.
    let output = check(&["tests/definitions/valid/bilingual-feedback.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// A folder stands for the definitions in it, as an author who keeps them together expects:
/// `mhsw check questionnaires/` checks the same files as `mhsw check questionnaires/*.json`.
#[test]
fn a_folder_is_checked_as_every_definition_in_it() {
    let by_folder = check(&["questionnaires/"]);
    let by_files = {
        let mut files: Vec<String> = std::fs::read_dir(root().join("questionnaires"))
            .expect("the questionnaires folder")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|name| name.ends_with(".json"))
            .map(|name| format!("questionnaires/{name}"))
            .collect();
        files.sort();
        let names: Vec<&str> = files.iter().map(String::as_str).collect();
        check(&names)
    };
    assert_eq!(by_folder.status.code(), Some(0), "{}", stderr(&by_folder));
    assert_eq!(stdout(&by_folder), stdout(&by_files));
    assert!(stdout(&by_folder).contains("questionnaires/self-assessment.json: ok"));
}

#[test]
fn a_folder_without_definitions_is_a_usage_error() {
    let empty = scratch("empty-folder");
    let output = check(&[path(&empty)]);
    std::fs::remove_dir(&empty).ok();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("none of the files named is a definition"),
        "{}",
        stderr(&output)
    );
}
