//! Reading files as the app does: a UTF-8 byte-order mark accepted, other encodings refused
//! saying so, JSON of the wrong shape never called invalid JSON, and control characters in names
//! escaped before they reach a terminal.

use crate::support::{fixture, mhsw, scratch, stderr, stdout};

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
    let broken = file_with("shape-broken", "work.json", b"{ \"format\": }");
    let message = stderr(&mhsw(&["score", &definition, &broken]));
    assert!(
        message.contains("the file is not valid JSON (line 1, column 13"),
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

#[test]
fn a_work_file_naming_one_answer_twice_is_refused_naming_the_key_and_where() {
    let text = std::fs::read_to_string(fixture("work-full.json")).unwrap();
    let first = text.find("\"lead-1\"").unwrap();
    let second = text.find("\"lead-2\"").unwrap();
    // `lead-1` again after itself, with another answer: JSON would keep only the last one.
    let again = text[first..second].replace("mostly", "yes");
    let mut doubled = text.clone();
    doubled.insert_str(second, &again);
    let work = file_with("twice", "work.json", doubled.as_bytes());
    let output = mhsw(&["score", &fixture("mini-audit.json"), &work]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let message = stderr(&output);
    assert!(
        message.contains("the key `lead-1` is written twice"),
        "{message}"
    );
    assert!(message.contains("at `responses`"), "{message}");
    assert!(message.contains("line "), "{message}");
}

/// Someone gives `score`, `report`, `peers` or `manifest` an empty file (an export that was
/// cut off, or `> work.json` run by mistake): they were told "the file is not valid JSON (line
/// 1, column 0: EOF while parsing a value)", where `check` says plainly "the file is empty".
#[test]
fn an_empty_file_is_called_empty_not_invalid_json() {
    let definition = fixture("mini-audit.json");
    for (name, bytes) in [
        ("nothing", &b""[..]),
        ("blank-lines", &b"\n\n  \n"[..]),
        ("bom-only", &b"\xef\xbb\xbf"[..]),
    ] {
        let work = file_with(&format!("empty-{name}"), "work.json", bytes);
        let out = scratch(&format!("empty-{name}-out")).join("r.pdf");
        for args in [
            vec!["score", &definition, &work],
            vec!["report", &work, "-o", out.to_str().unwrap()],
            vec![
                "report",
                "--from-report-json",
                &work,
                "-o",
                out.to_str().unwrap(),
            ],
            vec![
                "report",
                &fixture("work-full.json"),
                "--definitions",
                &crate::support::root()
                    .join("tests/fixtures")
                    .display()
                    .to_string(),
                "--peers",
                &work,
                "-o",
                out.to_str().unwrap(),
            ],
        ] {
            let output = mhsw(&args);
            assert_eq!(output.status.code(), Some(1), "{name} {args:?}");
            let message = stderr(&output);
            assert!(
                message.contains("the file is empty"),
                "{name} {args:?}: {message}"
            );
            assert!(!message.contains("EOF"), "{name} {args:?}: {message}");
        }
    }
}

/// Someone gives `score` or `report` an export that was cut off on its way (a download that
/// stopped part way): they were told "the file is not valid JSON (line 2, column 0: EOF while
/// parsing an object)", which names a place and the reader's jargon, not what happened.
#[test]
fn a_file_cut_short_is_called_cut_short() {
    let definition = fixture("mini-audit.json");
    let whole = std::fs::read_to_string(fixture("work-full.json")).expect("the fixture");
    let cut = &whole[..whole.len() / 2];
    let line = cut.matches('\n').count() + 1;
    let work = file_with("cut-short", "work.json", cut.as_bytes());
    let out = scratch("cut-short-out").join("r.pdf");
    for args in [
        vec!["score", &definition, &work],
        vec!["report", &work, "-o", out.to_str().unwrap()],
    ] {
        let output = mhsw(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains(&format!(
                "the file ends before its contents are complete (at line {line}): it may have been cut short when it was copied or downloaded. Fix: export it again, or copy the whole file again"
            )),
            "{args:?}: {message}"
        );
        assert!(!message.contains("EOF"), "{args:?}: {message}");
        assert!(!message.contains("not valid JSON"), "{args:?}: {message}");
    }
}
