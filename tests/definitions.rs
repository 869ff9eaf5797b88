//! Integration tests of definition loading: the malformed corpus against its golden messages, the
//! bundled definitions, the checked-in schema, a round trip, and a property test that no damaged
//! file can panic the loader.
//!
//! Golden files: `tests/definitions/malformed/NAME.expected.txt` holds the exact `mhsw check`
//! output for `NAME.json`. After changing a message on purpose, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test -p mhsw-toolkit --test definitions`, then read every changed file.

use std::fs;
use std::path::{Path, PathBuf};

use mhsw::definition::{load_definition, load_definition_quickly, Definition, Lang, Rule};
use proptest::prelude::*;
use serde_json::Value;

/// The crate's root, so paths in messages read as they do from `mhsw check` run there.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.json` files in a folder of the crate, sorted, as paths relative to the crate's root.
fn json_files(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(root().join(folder))
        .unwrap_or_else(|e| panic!("cannot read {folder}: {e}"))
        .map(|entry| entry.expect("a directory entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .map(|name| format!("{folder}/{name}"))
        .collect();
    files.sort();
    files
}

fn read(file: &str) -> String {
    fs::read_to_string(root().join(file)).unwrap_or_else(|e| panic!("cannot read {file}: {e}"))
}

fn golden_path(file: &str) -> PathBuf {
    root().join(file.replace(".json", ".expected.txt"))
}

const MALFORMED: &str = "tests/definitions/malformed";

#[test]
fn every_malformed_definition_is_rejected_with_its_golden_message() {
    let files = json_files(MALFORMED);
    assert!(
        files.len() >= 30,
        "the malformed corpus should have at least 30 files, it has {}",
        files.len()
    );
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for file in &files {
        assert!(
            load_definition_quickly(&read(file)).is_none(),
            "{file}: the quick way in loaded a malformed file"
        );
        let error = match load_definition(file, &read(file)) {
            Ok(_) => {
                failures.push(format!(
                    "{file}: loaded without a problem, but it is malformed"
                ));
                continue;
            }
            Err(error) => error,
        };
        for problem in &error.problems {
            if problem.message.trim().is_empty() || problem.fix.trim().is_empty() {
                failures.push(format!(
                    "{file}: a problem has no message or no fix: {problem}"
                ));
            }
            let inside = problem.place.section.is_some() || problem.place.question.is_some();
            if inside && problem.place.line.is_none() {
                failures.push(format!(
                    "{file}: a problem in a section has no line: {problem}"
                ));
            }
        }
        let actual = error.to_string();
        let golden = golden_path(file);
        if update {
            fs::write(&golden, &actual).expect("the golden file can be written");
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{file}: the message differs from {}\n--- expected\n{expected}--- actual\n{actual}",
                golden.display()
            )),
            Err(_) => failures.push(format!(
                "{file}: no golden file {}; the message is\n{actual}",
                golden.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n(after checking that the new messages are right, rewrite the golden files with \
         UPDATE_GOLDEN=1 cargo test -p mhsw-toolkit --test definitions)",
        failures.join("\n\n")
    );
}

/// The table of the rule each problem of the malformed corpus breaks, one line per file:
/// `NAME.json: J3 V8`, in the order the problems are reported.
const RULES: &str = "tests/definitions/malformed/rules.txt";

/// Each problem carries the rule it breaks (V1…V25, or a reading rule L1, J1–J3), and the
/// malformed corpus pins it beside the message: a problem reported under the wrong rule fails
/// here even when its words are right. Rewritten with `UPDATE_GOLDEN=1`, like the messages.
#[test]
fn every_malformed_definition_breaks_the_rules_listed_for_it() {
    let mut actual = String::from(
        "# The rule each problem breaks, in the order `mhsw check` lists the problems.\n\
         # Checked by tests/definitions.rs; rewrite with UPDATE_GOLDEN=1 after a deliberate change.\n",
    );
    for file in json_files(MALFORMED) {
        let problems = load_definition(&file, &read(&file))
            .err()
            .map(|error| error.problems)
            .unwrap_or_default();
        let codes: Vec<&str> = problems.iter().map(|p| p.rule.code()).collect();
        let name = file.trim_start_matches(&format!("{MALFORMED}/"));
        actual.push_str(&format!("{name}: {}\n", codes.join(" ")));
    }
    let path = root().join(RULES);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, &actual).expect("the rules table can be written");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    let differences: Vec<String> = expected
        .lines()
        .zip(actual.lines())
        .filter(|(e, a)| e != a)
        .map(|(e, a)| format!("expected {e}\n  actual {a}"))
        .collect();
    assert!(
        differences.is_empty() && expected.lines().count() == actual.lines().count(),
        "the rules broken differ from {RULES}:\n{}\n(after checking that the new rules are \
         right, rewrite it with UPDATE_GOLDEN=1 cargo test -p mhsw-toolkit --test definitions)",
        differences.join("\n")
    );
}

/// Every rule of a good definition that a file alone can break has at least one file in the
/// malformed corpus that breaks it, so each rule is pinned by name.
#[test]
fn every_definition_rule_is_broken_by_some_malformed_file() {
    let mut broken = std::collections::BTreeSet::new();
    for file in json_files(MALFORMED) {
        if let Err(error) = load_definition(&file, &read(&file)) {
            broken.extend(error.problems.iter().map(|p| p.rule));
        }
    }
    let missing: Vec<&str> = Rule::ALL
        .iter()
        .filter(|rule| !broken.contains(rule) && **rule != Rule::Unexplained)
        .map(|rule| rule.code())
        .collect();
    assert!(
        missing.is_empty(),
        "no file in {MALFORMED} breaks {}; add one",
        missing.join(", ")
    );
}

#[test]
fn every_golden_file_has_its_definition() {
    let orphans: Vec<String> = fs::read_dir(root().join(MALFORMED))
        .expect("the corpus folder")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".expected.txt"))
        .filter(|path| {
            let json = path.to_string_lossy().replace(".expected.txt", ".json");
            !Path::new(&json).exists()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        orphans.is_empty(),
        "golden files without a definition: {orphans:?}"
    );
}

#[test]
fn several_problems_in_one_file_are_all_reported() {
    let file = format!("{MALFORMED}/many-problems-at-once.json");
    let error = load_definition(&file, &read(&file)).expect_err("the file is malformed");
    assert!(error.problems.len() >= 6, "{error}");
    let file = format!("{MALFORMED}/unknown-fields-in-questions.json");
    let error = load_definition(&file, &read(&file)).expect_err("the file is malformed");
    assert_eq!(
        error.problems.len(),
        3,
        "every parse problem is listed:\n{error}"
    );
}

#[test]
fn the_valid_test_definitions_load() {
    let files = json_files("tests/definitions/valid");
    assert!(!files.is_empty());
    for file in files {
        if let Err(error) = load_definition(&file, &read(&file)) {
            panic!("{error}");
        }
    }
}

#[test]
fn every_bundled_definition_loads_without_a_problem() {
    let files: Vec<String> = json_files("questionnaires")
        .into_iter()
        .filter(|f| !f.ends_with("/schema.json") && !f.ends_with("/manifest.json"))
        .collect();
    assert!(
        !files.is_empty(),
        "questionnaires/ holds no definitions, so there is nothing to check; the bundled \
         definitions belong there"
    );
    for file in files.iter().chain(&json_files("tests/definitions/valid")) {
        assert_eq!(
            load_definition_quickly(&read(file)),
            load_definition(file, &read(file)).ok(),
            "{file}: the quick way in must load what the strict one does"
        );
    }
    let problems: Vec<String> = files
        .iter()
        .filter_map(|file| load_definition(file, &read(file)).err())
        .map(|error| error.to_string())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checked_in_schema_is_up_to_date() {
    let checked_in = read("questionnaires/schema.json");
    let generated = mhsw::definition::schema::definition_schema_json();
    assert!(
        checked_in == generated,
        "questionnaires/schema.json is out of date; run \
         `cargo run --bin mhsw -- schema > questionnaires/schema.json`"
    );
}

/// Every scored item of the bundled self-assessment offers a first step for the plan (V17
/// checks its length and place): one sentence, in British spelling.
#[test]
fn every_scored_self_assessment_item_has_a_suggested_action() {
    let file = "questionnaires/self-assessment.json";
    let definition = load_definition(file, &read(file)).unwrap_or_else(|e| panic!("{e}"));
    let american = [
        "organiz",
        "prioritiz",
        "recogniz",
        "center",
        "behavior",
        "favor",
        "color",
        "program ",
        "judgment",
        "analyz",
        "enroll",
    ];
    let mut scored = 0;
    let mut wrong = Vec::new();
    for (_, question) in definition.questions() {
        let is_scored = definition
            .options_of(question)
            .and_then(|list| list.max_points())
            .is_some();
        if !is_scored {
            continue;
        }
        scored += 1;
        let (action, _) = question.proposed_action(Lang::En);
        let id = &question.id;
        if action.is_empty() {
            wrong.push(format!("`{id}` has no suggested action"));
            continue;
        }
        if !action.starts_with(|c: char| c.is_uppercase()) || !action.ends_with('.') {
            wrong.push(format!(
                "`{id}`: not one sentence with a capital and a full stop: {action}"
            ));
        }
        let lower = action.to_lowercase();
        for spelling in american.iter().filter(|s| lower.contains(*s)) {
            wrong.push(format!("`{id}`: American spelling `{spelling}`: {action}"));
        }
    }
    assert!(scored >= 65, "only {scored} scored items were found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The schema tells editors how texts are written: a plain string, or an object with a text in
/// English and in Welsh and nothing else; and `languages` lists `en` and `cy`, each once.
/// The question on where the organisation works says where the section on working in Wales is
/// added, and it is added there (found by a tester on 7 December 2026: the hint said "at the
/// end", and the section came 16th of 17, before the workforce profile).
#[test]
fn the_self_assessment_says_truly_where_the_wales_section_goes() {
    let file = "questionnaires/self-assessment.json";
    let definition = load_definition(file, &read(file)).unwrap_or_else(|e| panic!("{e}"));
    let sections: Vec<&str> = definition.sections.iter().map(|s| s.id.as_str()).collect();
    let wales = sections
        .iter()
        .position(|id| *id == "wales")
        .expect("a Wales section");
    assert_eq!(
        sections.get(wales + 1),
        Some(&"workforce-profile"),
        "{sections:?}"
    );
    let (_, question) = definition
        .questions()
        .find(|(_, q)| q.id.as_str() == "about-2")
        .expect("the question on where the organisation works");
    let help = question.help.as_ref().expect("its hint").get(Lang::En);
    assert!(help.contains("just before the workforce profile"), "{help}");
    assert!(!help.contains("at the end"), "{help}");
}

#[test]
fn the_schema_describes_texts_in_each_language() {
    let schema: Value = serde_json::from_str(&read("questionnaires/schema.json")).expect("JSON");
    let text = &schema["$defs"]["Text"];
    let branches = text["oneOf"]
        .as_array()
        .expect("a text is one of two shapes");
    assert_eq!(branches[0]["type"], "string");
    assert_eq!(branches[1]["type"], "object");
    assert_eq!(branches[1]["additionalProperties"], false);
    let mut languages: Vec<&str> = branches[1]["properties"]
        .as_object()
        .expect("one property per language")
        .keys()
        .map(String::as_str)
        .collect();
    languages.sort_unstable();
    assert_eq!(languages, ["cy", "en"]);
    let text_ref = serde_json::json!("#/$defs/Text");
    assert_eq!(schema["properties"]["title"]["$ref"], text_ref);
    assert_eq!(
        schema["$defs"]["Question"]["properties"]["text"]["$ref"],
        text_ref
    );
    assert_eq!(
        schema["$defs"]["ScaleOption"]["properties"]["label"]["$ref"],
        text_ref
    );
    let listed = &schema["properties"]["languages"];
    assert_eq!(listed["items"]["$ref"], "#/$defs/Lang");
    assert_eq!(listed["uniqueItems"], true);
    assert_eq!(listed["minItems"], 1);
    let codes: Vec<&str> = schema["$defs"]["Lang"]["oneOf"]
        .as_array()
        .expect("the languages")
        .iter()
        .filter_map(|code| code["const"].as_str())
        .collect();
    assert_eq!(codes, ["en", "cy"]);
}

const INLINE: &str = r#"{
  "$schema": "schema.json",
  "id": "practice-conversation",
  "version": "0.1.0",
  "kind": "conversation",
  "title": "A conversation about practice",
  "purpose": "A record of a conversation with someone about the social work they received.",
  "audience": "Practitioners and their supervisors",
  "nation": "wales",
  "alignment": "Aligned with the 2016 toolkit and written afresh.",
  "collect": { "comments": true },
  "themes": [{ "id": "voice-and-control", "title": "Voice and control" }],
  "sections": [
    {
      "id": "conversation",
      "title": "The conversation",
      "intro": "Note what the person said, in their words where you can.",
      "maps_to": ["wales:voice-and-control"],
      "questions": [
        {
          "id": "date",
          "text": "When did the conversation take place?",
          "answer": { "type": "date" },
          "required": true
        },
        {
          "id": "heard",
          "text": "Did the person feel heard?",
          "answer": {
            "type": "multiple_choice",
            "options": [
              { "value": "yes", "label": "Yes", "positive": true },
              { "value": "partly", "label": "Partly" },
              { "value": "no", "label": "No" }
            ]
          },
          "theme": "voice-and-control"
        },
        {
          "id": "what-helped",
          "text": "What helped?",
          "answer": { "type": "short_text" },
          "shows_when": { "question": "heard", "any_of": ["yes", "partly"] }
        }
      ]
    }
  ]
}"#;

#[test]
fn an_inline_definition_loads_and_round_trips() {
    let definition = load_definition("inline.json", INLINE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(definition.sections[0].questions.len(), 3);
    let text = serde_json::to_string_pretty(&definition).expect("a definition serialises");
    let again: Definition = serde_json::from_str(&text).expect("its own output parses");
    assert_eq!(again, definition);
    let reloaded = load_definition("round-trip.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reloaded, definition);
}

#[test]
fn a_welsh_first_definition_round_trips_through_the_loader() {
    let file = "tests/definitions/valid/bilingual-feedback.json";
    let definition = load_definition(file, &read(file)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(definition.languages, [Lang::Cy, Lang::En]);
    assert_eq!(definition.title.as_str(), "Adborth dwyieithog bach");
    assert_eq!(definition.title.get(Lang::En), "Small bilingual feedback");
    let text = serde_json::to_string_pretty(&definition).expect("a definition serialises");
    let reloaded = load_definition("round-trip.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reloaded, definition);
}

/// The bundled definitions written in English and Welsh, English first; the others are English
/// only.
const BILINGUAL: [&str; 3] = [
    "questionnaires/feedback-service-user.json",
    "questionnaires/feedback-carer.json",
    "questionnaires/conversation-record.json",
];

/// The bundled definitions are English only and written with plain strings, except the
/// [`BILINGUAL`] ones (the service-user and carer feedback questionnaires and the conversation
/// record), which are English first with Welsh, and the parts of the others given in Welsh too
/// (`partly_in`: the self-assessment's Wales section and rating scale, the statement's Wales
/// section): each loads, every text is a plain English string (or, where Welsh is declared, an
/// English and a Welsh string), and reads back exactly as written.
#[test]
fn every_bundled_definition_is_english_or_welsh_as_declared_and_reads_as_written() {
    let files: Vec<String> = json_files("questionnaires")
        .into_iter()
        .filter(|f| !f.ends_with("/schema.json") && !f.ends_with("/manifest.json"))
        .collect();
    for file in &files {
        let text = read(file);
        let definition = load_definition(file, &text).unwrap_or_else(|e| panic!("{e}"));
        let bilingual = BILINGUAL.contains(&file.as_str());
        let languages: &[Lang] = if bilingual {
            &[Lang::En, Lang::Cy]
        } else {
            &[Lang::En]
        };
        assert_eq!(definition.languages, languages, "{file}");
        let document: Value = serde_json::from_str(&text).expect("JSON");
        let texts = mhsw::definition::languages::text_pointers(&document);
        assert!(texts.len() > 20, "{file}: only {} texts found", texts.len());
        // Where the parts given in Welsh too begin.
        let welsh_parts: Vec<String> = definition
            .partly_in
            .get(&Lang::Cy)
            .map(|parts| {
                let sections = parts.sections.iter().map(|id| {
                    let at = definition.sections.iter().position(|s| &s.id == id);
                    format!(
                        "/sections/{}/",
                        at.expect("a section given in Welsh exists")
                    )
                });
                let scales = parts.scales.iter().map(|name| format!("/scales/{name}/"));
                sections.chain(scales).collect()
            })
            .unwrap_or_default();
        for pointer in &texts {
            let value = document.pointer(pointer);
            let in_welsh_part = welsh_parts.iter().any(|part| pointer.starts_with(part));
            if bilingual || in_welsh_part {
                assert!(
                    value.is_some_and(|v| v["en"].is_string() && v["cy"].is_string()),
                    "{file}{pointer} is not given in English and Welsh"
                );
            } else {
                assert!(
                    value.is_some_and(Value::is_string),
                    "{file}{pointer} is not a plain string"
                );
            }
        }
        // Written back, every text is the file's own plain string: nothing was read differently.
        let written = serde_json::to_value(&definition).expect("a definition serialises");
        for pointer in &texts {
            assert_eq!(
                written.pointer(pointer),
                document.pointer(pointer),
                "{file}{pointer} reads back differently"
            );
        }
    }
}

/// The runs of digits in a text: phone numbers, text numbers, years and counts.
fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect()
}

/// Each bilingual bundled file declares English then Welsh, records its Welsh as not yet checked
/// by a Welsh speaker (`checked_by` and `checked_on` null, so the app says so), and gives every
/// text a Welsh of its own: not a copy of the English, and keeping every number the English has
/// (a phone number or a count lost in translation would send someone the wrong way).
/// The same holds for the files given in Welsh in part (`partly_in`), for each text given in
/// Welsh.
#[test]
fn every_bilingual_file_has_its_own_welsh_recorded_as_unchecked() {
    let partly_welsh = [
        ("questionnaires/self-assessment.json", 40),
        ("questionnaires/strategic-statement.json", 4),
    ];
    let all = BILINGUAL.iter().map(|file| (*file, 50)).chain(partly_welsh);
    for (file, at_least) in all {
        let text = read(file);
        let definition = load_definition(file, &text).unwrap_or_else(|e| panic!("{e}"));
        let whole = BILINGUAL.contains(&file);
        let languages: &[Lang] = if whole {
            &[Lang::En, Lang::Cy]
        } else {
            &[Lang::En]
        };
        assert_eq!(definition.languages, languages, "{file}");
        assert_eq!(definition.unchecked_translations(), [Lang::Cy], "{file}");
        let document: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            document["translation"],
            serde_json::json!({ "cy": { "checked_by": null, "checked_on": null } }),
            "{file}: the Welsh is recorded as not yet checked"
        );
        let texts: Vec<String> = mhsw::definition::languages::text_pointers(&document)
            .into_iter()
            .filter(|pointer| whole || document.pointer(pointer).is_some_and(Value::is_object))
            .collect();
        assert!(
            texts.len() >= at_least,
            "{file}: only {} Welsh texts found",
            texts.len()
        );
        for pointer in &texts {
            let value = document.pointer(pointer).expect("a text");
            let (en, cy) = (
                value["en"].as_str().unwrap_or_default(),
                value["cy"].as_str().unwrap_or_default(),
            );
            assert!(!cy.trim().is_empty(), "{file}{pointer}: no Welsh");
            assert_ne!(en, cy, "{file}{pointer}: the Welsh is the English");
            let welsh_numbers = numbers(cy);
            for number in numbers(en) {
                assert!(
                    welsh_numbers.contains(&number),
                    "{file}{pointer}: {number} is in the English but not the Welsh:\n{en}\n{cy}"
                );
            }
        }
    }
}

/// A collection of the carer form, like one of the service-user form, can be set up Welsh
/// first, English first or English only (rule C3), and Welsh first offers Cymraeg before
/// English; the AMHP module, still English only, offers English alone.
#[test]
fn a_carer_collection_can_be_offered_in_welsh_first() {
    use mhsw::work::LanguageOffer;
    let bundled = |file: &str| load_definition(file, &read(file)).unwrap_or_else(|e| panic!("{e}"));
    for file in [
        "questionnaires/feedback-service-user.json",
        "questionnaires/feedback-carer.json",
    ] {
        let definition = bundled(file);
        assert_eq!(
            LanguageOffer::available(&definition),
            LanguageOffer::ALL,
            "{file}"
        );
        assert_eq!(
            LanguageOffer::WelshFirst.offered(&definition),
            [Lang::Cy, Lang::En],
            "{file}"
        );
    }
    let amhp = bundled("questionnaires/feedback-amhp.json");
    assert_eq!(
        LanguageOffer::available(&amhp),
        [LanguageOffer::EnglishOnly]
    );
}

/// Someone reading a feedback questionnaire in Welsh is told of routes to help that exist in
/// Wales: NHS 111 Wales (GIG 111 Cymru) and its mental health option, 999, Samaritans on
/// 116 123, and the local council, in the standard and the easy-read notice. The carer form
/// also names C.A.L.L., the Welsh mental health helpline (0800 132 737, or text 81066), and
/// Samaritans' Welsh-language line (0808 164 0123).
#[test]
fn the_welsh_crisis_notices_name_routes_to_help_in_wales() {
    let notices = |file: &str| {
        let definition = load_definition(file, &read(file)).unwrap_or_else(|e| panic!("{e}"));
        let welsh = |text: Option<&mhsw::definition::Text>| {
            text.and_then(|text| text.exact(Lang::Cy))
                .unwrap_or_else(|| panic!("{file}: a crisis notice has no Welsh"))
                .to_owned()
        };
        (
            welsh(definition.notices.crisis.as_ref()),
            welsh(definition.notices.easy_read.crisis.as_ref()),
        )
    };
    let each = |text: &str, what: &str, expected: &[&str]| {
        for words in expected {
            assert!(
                text.contains(words),
                "{what} does not say {words:?}:\n{text}"
            );
        }
    };
    // Every route, and Wales's own (the C.A.L.L. helpline and the Samaritans' Welsh-language
    // line), in both forms and both languages.
    for file in [
        "questionnaires/feedback-service-user.json",
        "questionnaires/feedback-carer.json",
    ] {
        let (standard, easy) = notices(file);
        each(
            &standard,
            &format!("{file}'s Welsh crisis notice"),
            &[
                "GIG 111 Cymru",
                "phwyso 2",
                "999",
                "116 123",
                "cyngor lleol",
                "C.A.L.L.",
                "0800 132 737",
                "81066",
                "0808 164 0123",
            ],
        );
        each(
            &easy,
            &format!("{file}'s Welsh easy-read crisis notice"),
            &[
                "111",
                "999",
                "116 123",
                "cyngor lleol",
                "pwyswch 2",
                "C.A.L.L.",
                "0800 132 737",
                "0808 164 0123",
            ],
        );
        let definition = load_definition(file, &read(file)).unwrap_or_else(|e| panic!("{e}"));
        let english = |text: Option<&mhsw::definition::Text>| {
            text.map(|t| t.get(Lang::En).to_owned()).unwrap_or_default()
        };
        each(
            &english(definition.notices.crisis.as_ref()),
            &format!("{file}'s English crisis notice"),
            &["C.A.L.L.", "0800 132 737", "0808 164 0123"],
        );
        each(
            &english(definition.notices.easy_read.crisis.as_ref()),
            &format!("{file}'s English easy-read crisis notice"),
            &["In Wales, press 2", "0800 132 737"],
        );
    }
    let (standard, _) = notices("questionnaires/feedback-carer.json");
    each(
        &standard,
        "the carer form's Welsh crisis notice",
        &["gwasanaethau cymdeithasol"],
    );
}

// ---------------------------------------------------------------------------------------------
// Property: no damaged file panics the loader, and every rejection explains itself
// ---------------------------------------------------------------------------------------------

fn base_texts() -> [String; 3] {
    [
        read("tests/definitions/valid/audit.json"),
        read("tests/definitions/valid/feedback.json"),
        read("tests/definitions/valid/bilingual-feedback.json"),
    ]
}

/// Loads `text` and checks that the outcome is an explained rejection or a definition.
fn check_outcome(text: &str) -> Result<(), TestCaseError> {
    let strict = load_definition("mutated.json", text);
    prop_assert_eq!(
        load_definition_quickly(text),
        strict.as_ref().ok().cloned(),
        "the quick way in must load exactly what the strict one loads"
    );
    match strict {
        Ok(_) => Ok(()),
        Err(error) => {
            prop_assert!(!error.problems.is_empty());
            let lines = text.split('\n').count();
            for problem in &error.problems {
                prop_assert!(!problem.message.trim().is_empty(), "{}", error);
                prop_assert!(!problem.fix.trim().is_empty(), "{}", error);
                if let Some(line) = problem.place.line {
                    prop_assert!(
                        line >= 1 && line <= lines,
                        "line {} of {}: {}",
                        line,
                        lines,
                        error
                    );
                }
            }
            let shown = error.to_string();
            prop_assert!(shown.starts_with("mutated.json: "));
            Ok(())
        }
    }
}

/// One change to the text of a definition.
#[derive(Debug, Clone)]
enum TextEdit {
    Delete { at: f64, len: usize },
    Duplicate { at: f64, len: usize },
    Insert { at: f64, text: String },
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    let inserted = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\n",
            "0",
            "-1",
            "null",
            "true",
            "\u{201c}",
            "é",
            "\u{feff}",
            "\"x\": 1,",
            "\"id\": \"a\",",
        ])
        .prop_map(str::to_owned),
        "[ -~]{1,4}",
    ];
    prop_oneof![
        (0.0..1.0f64, 1..20usize).prop_map(|(at, len)| TextEdit::Delete { at, len }),
        (0.0..1.0f64, 1..40usize).prop_map(|(at, len)| TextEdit::Duplicate { at, len }),
        (0.0..1.0f64, inserted).prop_map(|(at, text)| TextEdit::Insert { at, text }),
    ]
}

/// The char boundary nearest to the fraction `at` of the text.
fn boundary(text: &str, at: f64) -> usize {
    let mut index = ((text.len() as f64) * at) as usize;
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn apply(text: &mut String, edit: &TextEdit) {
    match edit {
        TextEdit::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, ((start + len) as f64) / (text.len().max(1) as f64));
            text.replace_range(start..end.max(start), "");
        }
        TextEdit::Duplicate { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, ((start + len) as f64) / (text.len().max(1) as f64));
            let copy = text[start..end.max(start)].to_owned();
            text.insert_str(start, &copy);
        }
        TextEdit::Insert { at, text: inserted } => {
            let start = boundary(text, *at);
            text.insert_str(start, inserted);
        }
    }
}

/// One change to the values of a definition.
#[derive(Debug, Clone)]
enum ValueEdit {
    Replace { at: f64, with: Value },
    Remove { at: f64 },
}

fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![0i64, 1, 2, 100, 101, -1, 255, 256, 20_001])
            .prop_map(Value::from),
        (-1.0e3..1.0e3f64).prop_map(Value::from),
        prop::sample::select(vec![
            "",
            " ",
            "yes",
            "no",
            "maturity",
            "agree5",
            "sup-1",
            "sup-2",
            "fb-2",
            "red",
            "Bad Id",
            "rating",
            "yes_no",
            "single_choice",
            "audit",
            "feedback",
            "statement",
            "wales",
            "schema.json",
            "employer:5",
            "pcf:know",
            "prefer_not_to_say",
            "action",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        "[a-z_-]{0,12}".prop_map(Value::String),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(serde_json::Map::new())),
        Just(serde_json::json!(["yes"])),
        Just(serde_json::json!({ "type": "rating", "scale": "nope" })),
        Just(serde_json::json!({ "question": "sup-2", "any_of": ["maybe"] })),
    ]
}

fn value_edit() -> impl Strategy<Value = ValueEdit> {
    prop_oneof![
        (0.0..1.0f64, json_value()).prop_map(|(at, with)| ValueEdit::Replace { at, with }),
        (0.0..1.0f64).prop_map(|at| ValueEdit::Remove { at }),
    ]
}

/// Every pointer in a document, in order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let next = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(next.clone());
                pointers(child, next, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let next = format!("{at}/{index}");
                out.push(next.clone());
                pointers(child, next, out);
            }
        }
        _ => {}
    }
}

fn apply_value(document: &mut Value, edit: &ValueEdit) {
    let mut all = Vec::new();
    pointers(document, String::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let pick = |at: f64| all[((all.len() as f64 * at) as usize).min(all.len() - 1)].clone();
    match edit {
        ValueEdit::Replace { at, with } => {
            if let Some(target) = document.pointer_mut(&pick(*at)) {
                *target = with.clone();
            }
        }
        ValueEdit::Remove { at } => {
            let target = pick(*at);
            let (holder, last) = target.rsplit_once('/').unwrap_or(("", &target));
            let last = last.replace("~1", "/").replace("~0", "~");
            match document.pointer_mut(holder) {
                Some(Value::Object(map)) => {
                    map.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(index) = last.parse::<usize>() {
                        if index < items.len() {
                            items.remove(index);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_text_never_panics_the_loader(
        base in 0..3usize,
        edits in prop::collection::vec(text_edit(), 1..6),
    ) {
        let mut text = base_texts()[base].clone();
        for edit in &edits {
            apply(&mut text, edit);
        }
        check_outcome(&text)?;
    }

    #[test]
    fn damaged_values_never_panic_the_loader(
        base in 0..3usize,
        edits in prop::collection::vec(value_edit(), 1..6),
    ) {
        let mut document: Value = serde_json::from_str(&base_texts()[base]).expect("valid JSON");
        for edit in &edits {
            apply_value(&mut document, edit);
        }
        let text = serde_json::to_string_pretty(&document).expect("a value serialises");
        check_outcome(&text)?;
    }
}

/// Rule L1: a file nested tens of thousands of levels deep is refused by the byte scan before
/// any parsing, with its place, whatever its depth (it once overflowed the stack in the app and
/// took seconds and gigabytes in `mhsw check`).
#[test]
fn a_definition_nested_40000_or_80000_levels_deep_is_refused_before_parsing() {
    for depth in [40_000, 80_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let started = std::time::Instant::now();
        let error = load_definition("deep.json", &text).expect_err("far too deep");
        assert_eq!(error.problems.len(), 1, "{error}");
        assert_eq!(
            error.to_string(),
            "deep.json: 1 problem\n  - line 1, column 65: the file nests brackets { … } or [ … ] \
             more than 64 levels deep. Fix: no file of the toolkit nests that deep: look for \
             brackets opened and never closed up to line 1, or choose the file as the toolkit \
             wrote it.\n"
        );
        // Loosely: the quadratic path took seconds; the scan takes well under a millisecond.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        let problems = mhsw::definition::parse_definition(&text).expect_err("far too deep");
        assert_eq!(problems[0].place.column, Some(65));
    }
}

/// Loads a bundled questionnaire by file name.
fn bundled(file: &str) -> Definition {
    let path = format!("questionnaires/{file}");
    load_definition(&path, &read(&path)).unwrap_or_else(|e| panic!("{e}"))
}

/// Responses choosing one option for each question.
fn chosen(pairs: &[(&str, &str)]) -> mhsw::responses::Responses {
    use mhsw::ids::{OptionValue, QuestionId};
    use mhsw::responses::{Answer, ItemResponse, Responses};
    let mut responses = Responses::default();
    for (question, value) in pairs {
        responses.set(
            QuestionId::new(*question),
            ItemResponse {
                answer: Some(Answer::Choice(OptionValue::new(*value))),
                ..ItemResponse::default()
            },
        );
    }
    responses
}

/// Self-assessment 2.0.0: the nation question comes first in "About" and decides the
/// Wales section, so a Welsh health board meets it before choosing its kind of organisation and
/// sees the section; an English council does not. A local health board in Wales sees it even
/// when it answered "England only" by mistake (the condition's alternative, `or`).
#[test]
fn the_nation_question_comes_first_and_decides_the_wales_section() {
    let audit = bundled("self-assessment.json");
    let about = audit.section(&"about".into()).expect("an about section");
    let order: Vec<&str> = about.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(order, ["about-2", "about-1"]);
    let wales = audit.section(&"wales".into()).expect("a Wales section");
    let condition = wales
        .shows_when
        .as_ref()
        .expect("the Wales section is conditional");
    assert_eq!(condition.question.as_str(), "about-2");
    let board = chosen(&[("about-2", "wales"), ("about-1", "health-board")]);
    assert!(board.section_shown(&audit, wales));
    let council = chosen(&[("about-2", "england"), ("about-1", "council")]);
    assert!(!council.section_shown(&audit, wales));
    let mistaken_board = chosen(&[("about-2", "england"), ("about-1", "health-board")]);
    assert!(mistaken_board.section_shown(&audit, wales));
}

/// Self-assessment 2.0.0: the partnership section's items show only when social
/// workers work in NHS-led services under an agreement, and every one of them is scored.
#[test]
fn the_partnership_items_show_only_behind_their_gate() {
    let audit = bundled("self-assessment.json");
    let section = audit
        .section(&"partnership".into())
        .expect("a partnership section");
    let (gate, items) = section.questions.split_first().expect("questions");
    assert_eq!(gate.id.as_str(), "pg-1");
    assert!(items.len() >= 5, "{} partnership items", items.len());
    let with = chosen(&[("pg-1", "yes")]);
    let without = chosen(&[("pg-1", "no")]);
    for item in items {
        let scored = audit
            .options_of(item)
            .and_then(|list| list.max_points())
            .is_some();
        assert!(scored, "`{}` is not scored", item.id);
        assert!(with.question_shown(&audit, item), "`{}` hidden", item.id);
        assert!(!without.question_shown(&audit, item), "`{}` shown", item.id);
    }
}

/// Statement 2.0.0: partnership governance feeds "Getting the organisational context
/// right", not the vision, and the audit's Wales section feeds a Wales chapter that shows only
/// for organisations working in Wales.
#[test]
fn the_statement_draws_partnership_and_wales_from_the_right_audit_sections() {
    let statement = bundled("strategic-statement.json");
    let prefilled_from = |chapter: &str| -> Vec<String> {
        let section = statement
            .section(&chapter.into())
            .unwrap_or_else(|| panic!("{chapter}"));
        let prefill = section.prefill_from.as_ref().expect("a prefill");
        prefill.sections.iter().map(|s| s.to_string()).collect()
    };
    assert!(prefilled_from("organisational-context").contains(&"partnership".to_owned()));
    assert!(!prefilled_from("vision").contains(&"partnership".to_owned()));
    assert_eq!(prefilled_from("wales"), ["wales"]);
    let wales = statement.section(&"wales".into()).expect("a Wales chapter");
    assert!(chosen(&[("lc-nation", "both")]).section_shown(&statement, wales));
    assert!(!chosen(&[("lc-nation", "england")]).section_shown(&statement, wales));
}
