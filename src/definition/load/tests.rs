use super::outline::Outline;
use super::pointer::{is_within, join, parent, segments};
use super::repair::{Fault, MAX_ATTEMPTS};
use super::schema_doc::field_doc;
use super::words::{answer_types, closest};
use super::*;

const TEXT: &str = r#"{
  "a": 1,
  "list": [
    { "id": "x", "b": true },
    {
      "id": "y",
      "b": false
    }
  ],
  "a": 2
}"#;

#[test]
fn the_outline_knows_every_line() {
    let outline = Outline::of(TEXT, None);
    assert_eq!(outline.lines.get("/a"), Some(&10));
    assert_eq!(outline.lines.get("/list"), Some(&3));
    assert_eq!(outline.lines.get("/list/1"), Some(&5));
    assert_eq!(outline.line_of("/list/1"), Some(6));
    assert_eq!(outline.line_of("/list/1/b"), Some(7));
    assert_eq!(outline.line_of("/list/1/missing"), Some(6));
    assert_eq!(outline.line_of("/missing"), None);
    assert_eq!(outline.ids.get("/list/0").map(String::as_str), Some("x"));
    assert_eq!(outline.repeated.len(), 1);
    assert_eq!(outline.repeated[0].first_line, 2);
}

#[test]
fn the_outline_of_a_cut_file_lists_what_is_open() {
    let outline = Outline::of(&TEXT[..60], None);
    let openers: Vec<char> = outline.open.iter().map(|o| o.opener).collect();
    assert_eq!(openers, vec!['{', '[', '{']);
}

#[test]
fn pointers_escape_and_unescape() {
    let pointer = join(&join("", "scales"), "a/b~c");
    assert_eq!(pointer, "/scales/a~1b~0c");
    assert_eq!(segments(&pointer), vec!["scales", "a/b~c"]);
    assert_eq!(parent(&pointer), "/scales");
    assert!(is_within("/a/b", "/a"));
    assert!(!is_within("/ab", "/a"));
}

#[test]
fn serde_messages_are_read() {
    assert_eq!(
        Fault::read("unknown field `x`, expected `a` or `b`"),
        Fault::UnknownField {
            field: "x".into(),
            allowed: vec!["a".into(), "b".into()]
        }
    );
    assert_eq!(
        Fault::read("invalid type: string \"2\", expected u32"),
        Fault::WrongType {
            found: "string \"2\"".into(),
            expected: "u32".into()
        }
    );
    assert_eq!(answer_types().first().map(String::as_str), Some("rating"));
}

#[test]
fn fields_are_described_from_the_schema() {
    let document = serde_json::json!({
        "sections": [{ "questions": [{ "answer": { "type": "rating" } }] }]
    });
    let describe = |pointer: &str| field_doc(&document, pointer).description;
    assert_eq!(
        describe("/version").as_deref(),
        Some("the version of this definition, for example `1.0.0`")
    );
    assert_eq!(
        describe("/sections/0/title").as_deref(),
        Some("the heading")
    );
    assert_eq!(
        describe("/sections/0/questions/0/answer/scale").as_deref(),
        Some("the scale's id in `scales`")
    );
    assert_eq!(describe("/sections/0/nothing"), None);
    assert_eq!(
        field_doc(&document, "/nation").values,
        vec!["england", "wales", "england_and_wales"]
    );
}

#[test]
fn close_names_are_suggested() {
    let allowed = vec!["evidence_prompt".to_owned(), "easy_read".to_owned()];
    assert_eq!(closest("evidence_promt", &allowed), Some("evidence_prompt"));
    assert_eq!(closest("Easy_Read", &allowed), Some("easy_read"));
    assert_eq!(closest("colour", &allowed), None);
}

#[test]
fn reading_that_stops_early_says_so() {
    let fields: Vec<String> = (0..MAX_ATTEMPTS + 5)
        .map(|i| format!("\"extra-{i}\": 1"))
        .collect();
    let problems = parse_definition(&format!("{{{}}}", fields.join(", "))).unwrap_err();
    assert_eq!(problems.len(), MAX_ATTEMPTS + 1);
    assert!(problems[0].message.starts_with("reading stopped early"));
    assert!(problems[1].message.contains("has no field `extra-0`"));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let problems = parse_definition("\u{feff}{}").unwrap_err();
    assert!(problems[0].message.contains("missing the field `$schema`"));
}

#[test]
fn a_file_checked_before_reads_into_the_definition_the_quick_way_gives() {
    // Every bundled file, and every valid test file (a Welsh-first one among them: the texts
    // read with the primary language, which the quick way takes from the parsed document and
    // this way from the text).
    let root = env!("CARGO_MANIFEST_DIR");
    let mut read = 0;
    for folder in ["questionnaires", "tests/definitions/valid"] {
        for entry in std::fs::read_dir(format!("{root}/{folder}")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let Some(quick) = load_definition_quickly(&text) else {
                continue; // the manifest, the schema, notes
            };
            let with_mark = format!("\u{feff}{text}");
            assert_eq!(read_checked_before(&text), Some(quick.clone()), "{path:?}");
            assert_eq!(read_checked_before(&with_mark), Some(quick), "{path:?}");
            read += 1;
        }
    }
    assert!(read >= 8, "only {read} definitions were compared");
}

#[test]
fn reading_a_file_checked_before_makes_no_checks_and_refuses_what_does_not_parse() {
    // It is only for text that passed the checks before: it must not spend the code on them.
    let text = std::fs::read_to_string(format!(
        "{}/questionnaires/self-assessment.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut document: Value = serde_json::from_str(&text).unwrap();
    // A band that does not start at 0 parses, but fails validation.
    document["scoring"]["bands"][0]["from_percent"] = Value::from(5);
    let unsound = serde_json::to_string(&document).unwrap();
    assert_eq!(load_definition_quickly(&unsound), None);
    assert!(read_checked_before(&unsound).is_some());
    assert_eq!(read_checked_before("{ \"id\": 3 }"), None);
    assert_eq!(read_checked_before("not json"), None);
}
