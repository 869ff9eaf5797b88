//! The language rules: a definition declares its languages, and every text a person reads is
//! given in each of them.
//!
//! Owns: rules V18 to V21 and V26 (listed with the others in [`super::validate`](mod@super::validate))
//! and the wording of their problems.
//! Must not touch: parsing, or the rules that do not concern languages.
//!
//! - V18 `languages` lists at least one language, each once; the first is the primary.
//! - V19 every text a person reads is given in every declared language (a plain string is in
//!   the primary language only).
//! - V20 a text given per language names only declared languages.
//! - V21 no translation (a text in a language other than the primary) is empty; an empty
//!   primary text is V16's.
//! - V26 `partly_in` gives whole sections or scales in a language the definition does not
//!   declare (the Wales section of an English self-assessment in Welsh): each such language is
//!   not a declared one and names at least one section or scale, each of which exists; every
//!   text inside those parts is then held to V19 to V21 in that language too, and a text outside
//!   them may not use it.
//!
//! The rules read the document as written, so they know which texts are plain strings and which
//! are objects. They find every text through the definition schema (every field whose type is
//! [`Text`]), so a field that becomes a `Text` is checked with no change here.

use serde::Deserialize;
use serde_json::Value;

use super::load::{item_name, join, last, parent, resolve_schema};
use super::validate::{Place, Problem, Rule};
use super::Definition;
use crate::lang::Lang;
use crate::text::{read_with_primary, Text};

/// Where a text's type is defined in the schema.
const TEXT_REF: &str = "#/$defs/Text";

/// Checks the declared languages and every text in `document` (the definition as written, which
/// parsed into `definition`). `place` names the place of a JSON Pointer into `document`.
pub(super) fn check(
    definition: &Definition,
    document: &Value,
    place: &dyn Fn(&str) -> Place,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |rule: Rule, pointer: &str, message: String, fix: String| {
        problems.push(Problem {
            rule,
            place: place(pointer),
            message,
            fix,
        });
    };
    // V18
    let declared = &definition.languages;
    if declared.is_empty() {
        report(
            Rule::V18,
            "/languages",
            "`languages` is empty, so no language is the primary one".to_owned(),
            "list the languages every text is given in, the primary first, for example \
             \"languages\": [\"cy\", \"en\"]; or remove the field for English only"
                .to_owned(),
        );
        return problems;
    }
    for (index, lang) in declared.iter().enumerate() {
        if declared[..index].contains(lang) {
            report(
                Rule::V18,
                &join("/languages", &index.to_string()),
                format!("{} is listed twice in `languages`", lang.described()),
                "list each language once, the primary first".to_owned(),
            );
        }
    }
    let primary = definition.primary_language();
    // Each language once (a repeat is reported above), so nothing below is said twice.
    let declared: Vec<Lang> = declared
        .iter()
        .enumerate()
        .filter(|(index, lang)| !declared[..*index].contains(lang))
        .map(|(_, lang)| *lang)
        .collect();
    // V26
    let parts = check_parts(definition, &declared, &mut |pointer, message, fix| {
        report(Rule::V26, pointer, message, fix)
    });
    for pointer in text_pointers(document) {
        let Some(value) = document.pointer(&pointer) else {
            continue;
        };
        // The languages this text is given in: the whole definition's, and those of a part
        // (a section or scale) it sits in.
        let mut declared = declared.clone();
        for (lang, prefixes) in &parts {
            let inside = prefixes
                .iter()
                .any(|prefix| pointer.starts_with(prefix.as_str()));
            if inside && !declared.contains(lang) {
                declared.push(*lang);
            }
        }
        let Ok(text) = read_with_primary(primary, || Text::deserialize(value)) else {
            continue;
        };
        let what = describe(document, &pointer);
        let field = last(&pointer).unwrap_or_default();
        // V20
        for lang in text.languages() {
            if !declared.contains(&lang) {
                report(
                    Rule::V20,
                    &join(&pointer, lang.code()),
                    format!(
                        "{what} is given in {}, which the definition does not declare",
                        lang.described()
                    ),
                    format!(
                        "add \"{}\" to \"languages\" (for example \"languages\": [{}]), or \
                         remove the {} text",
                        lang.code(),
                        quoted_codes(declared.iter().copied().chain([lang])),
                        lang.name()
                    ),
                );
            }
        }
        // V19
        let missing = text.missing(&declared);
        if !missing.is_empty() {
            let named: Vec<String> = missing.iter().map(|lang| lang.described()).collect();
            let additions: Vec<String> = missing
                .iter()
                .map(|lang| format!("\"{}\": \"…\"", lang.code()))
                .collect();
            let fix = if value.is_object() {
                format!("add {} to it", additions.join(" and "))
            } else {
                let each: Vec<String> = declared
                    .iter()
                    .map(|lang| format!("\"{}\": \"…\"", lang.code()))
                    .collect();
                format!(
                    "give it in each language, as \"{field}\": {{ {} }}",
                    each.join(", ")
                )
            };
            report(
                Rule::V19,
                &pointer,
                format!("{what} has no {} version", named.join(" or ")),
                fix,
            );
        }
        // V21
        for (lang, translation) in text.entries() {
            if lang != primary && declared.contains(&lang) && translation.trim().is_empty() {
                report(
                    Rule::V21,
                    &join(&pointer, lang.code()),
                    format!("{what} is empty in {}", lang.described()),
                    format!("write the {} text", lang.name()),
                );
            }
        }
    }
    problems
}

/// Rule V26: each language of `partly_in` is not one of the whole definition's, and names at
/// least one section or scale, each of which exists. Returns, for each such language, the JSON
/// Pointer prefixes (ending in `/`) of the parts given in it.
fn check_parts(
    definition: &Definition,
    declared: &[Lang],
    report: &mut impl FnMut(&str, String, String),
) -> Vec<(Lang, Vec<String>)> {
    let mut found = Vec::new();
    for (lang, parts) in &definition.partly_in {
        let at = join("/partly_in", lang.code());
        if declared.contains(lang) {
            report(
                &at,
                format!(
                    "`partly_in` names {}, which is already a language of the whole definition",
                    lang.described()
                ),
                format!("remove \"{}\" from `partly_in`", lang.code()),
            );
            continue;
        }
        if parts.sections.is_empty() && parts.scales.is_empty() {
            report(
                &at,
                format!("`partly_in` for {} names no section or scale", lang.described()),
                format!(
                    "list the sections and scales given in {}, as {{ \"sections\": [\"…\"], \"scales\": [\"…\"] }}, or remove \"{}\"",
                    lang.name(),
                    lang.code()
                ),
            );
            continue;
        }
        let mut prefixes = Vec::new();
        for (index, id) in parts.sections.iter().enumerate() {
            match definition.sections.iter().position(|s| &s.id == id) {
                Some(position) => {
                    prefixes.push(format!("{}/", join("/sections", &position.to_string())))
                }
                None => report(
                    &join(&join(&at, "sections"), &index.to_string()),
                    format!("there is no section `{id}` to give in {}", lang.described()),
                    "use the `id` of one of the definition's sections".to_owned(),
                ),
            }
        }
        for (index, name) in parts.scales.iter().enumerate() {
            if definition.scales.contains_key(name) {
                prefixes.push(format!("{}/", join("/scales", name.as_str())));
            } else {
                report(
                    &join(&join(&at, "scales"), &index.to_string()),
                    format!("there is no scale `{name}` to give in {}", lang.described()),
                    "use the name of one of the definition's `scales`".to_owned(),
                );
            }
        }
        found.push((*lang, prefixes));
    }
    found
}

/// `"cy", "en"`, each language once.
fn quoted_codes(languages: impl Iterator<Item = Lang>) -> String {
    let mut seen: Vec<Lang> = Vec::new();
    for lang in languages {
        if !seen.contains(&lang) {
            seen.push(lang);
        }
    }
    seen.iter()
        .map(|lang| format!("\"{}\"", lang.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The JSON Pointer of every text in `document` (a definition as written): every value whose
/// field is a [`Text`] in the definition schema, in the order of the document's keys.
pub fn text_pointers(document: &Value) -> Vec<String> {
    let schema = super::schema::checked_in();
    let mut found = Vec::new();
    walk(schema, schema, document, String::new(), &mut found);
    found
}

fn walk(schema: &Value, node: &Value, value: &Value, pointer: String, found: &mut Vec<String>) {
    if is_text(node) {
        if !value.is_null() {
            found.push(pointer);
        }
        return;
    }
    let Some(node) = resolve_schema(schema, node, Some(value)) else {
        return;
    };
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_schema = node
                    .get("properties")
                    .and_then(|properties| properties.get(key))
                    .or_else(|| node.get("additionalProperties").filter(|v| v.is_object()));
                if let Some(child_schema) = child_schema {
                    walk(schema, child_schema, child, join(&pointer, key), found);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = node.get("items") {
                for (index, item) in items.iter().enumerate() {
                    let at = join(&pointer, &index.to_string());
                    walk(schema, item_schema, item, at, found);
                }
            }
        }
        _ => {}
    }
}

/// True when a schema node is a text, or an optional text.
fn is_text(node: &Value) -> bool {
    let refers = |n: &Value| n.get("$ref").and_then(Value::as_str) == Some(TEXT_REF);
    refers(node)
        || ["anyOf", "oneOf"].iter().any(|key| {
            node.get(key)
                .and_then(Value::as_array)
                .is_some_and(|branches| branches.iter().any(refers))
        })
}

/// The text at `pointer` in words, for example "question `rel-3`'s text" or "the crisis notice".
fn describe(document: &Value, pointer: &str) -> String {
    let field = last(pointer).unwrap_or_default();
    let words = match field.as_str() {
        "easy_read" => "easy-read wording".to_owned(),
        "intro" => "introduction".to_owned(),
        "thank_you" => "thank-you".to_owned(),
        other => other.replace('_', " "),
    };
    let owner = parent(pointer);
    if owner.is_empty() {
        return format!("the {words}");
    }
    if owner == "/notices" {
        return format!("the {words} notice");
    }
    if owner == "/notices/easy_read" {
        return format!("the easy-read {words} notice");
    }
    if owner == "/plan" {
        return format!("the plan's {words}");
    }
    let name = last(owner).unwrap_or_default();
    if name.parse::<usize>().is_ok() {
        let kind = match last(parent(owner)).as_deref() {
            Some("sections") => "section",
            Some("questions") => "question",
            Some("options") => "option",
            Some("bands") => "band",
            Some("themes") => "theme",
            Some("fields") => "plan field",
            _ => "item",
        };
        return match item_name(document, owner) {
            Some(id) => format!("{kind} `{id}`'s {words}"),
            None => format!("the {kind}'s {words}"),
        };
    }
    if parent(owner) == "/scales" {
        return format!("scale `{name}`'s {words}");
    }
    format!("the {words}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::load_definition;
    use serde_json::json;

    /// A complete Welsh-first feedback questionnaire.
    const BILINGUAL: &str = include_str!("../../tests/definitions/valid/bilingual-feedback.json");

    /// The bilingual definition with `change` made to it, loaded: its problems, each as
    /// "place: message. Fix: fix." (empty when it loads).
    fn problems_after(change: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut document: Value = serde_json::from_str(BILINGUAL).unwrap();
        change(&mut document);
        let text = serde_json::to_string_pretty(&document).unwrap();
        match load_definition("test.json", &text) {
            Ok(_) => Vec::new(),
            Err(error) => error.problems.iter().map(ToString::to_string).collect(),
        }
    }

    fn set(document: &mut Value, pointer: &str, value: Value) {
        *document.pointer_mut(pointer).unwrap() = value;
    }

    const FB2_TEXT: &str = "/sections/0/questions/1/text";

    #[test]
    fn a_complete_bilingual_definition_has_no_problem() {
        assert_eq!(problems_after(|_| {}), Vec::<String>::new());
    }

    /// A translation counts as checked only once a name and a day are recorded.
    #[test]
    fn a_translation_is_unchecked_until_someone_and_a_day_are_recorded() {
        let load = |change: &dyn Fn(&mut Value)| {
            let mut document: Value = serde_json::from_str(BILINGUAL).unwrap();
            change(&mut document);
            load_definition("test.json", &document.to_string()).unwrap()
        };
        // Welsh first: the English is the translation.
        assert_eq!(load(&|_| {}).unchecked_translations(), vec![Lang::En]);
        let english_first = load(&|d| set(d, "/languages", json!(["en", "cy"])));
        assert_eq!(english_first.unchecked_translations(), vec![Lang::Cy]);
        let recorded_blank = load(&|d| {
            set(d, "/languages", json!(["en", "cy"]));
            d["translation"] = json!({ "cy": { "checked_by": null, "checked_on": null } });
        });
        assert_eq!(recorded_blank.unchecked_translations(), vec![Lang::Cy]);
        let half = load(&|d| {
            set(d, "/languages", json!(["en", "cy"]));
            d["translation"] = json!({ "cy": { "checked_by": "A. Jones", "checked_on": null } });
        });
        assert_eq!(half.unchecked_translations(), vec![Lang::Cy]);
        let checked = load(&|d| {
            set(d, "/languages", json!(["en", "cy"]));
            d["translation"] =
                json!({ "cy": { "checked_by": "A. Jones", "checked_on": "2026-12-01" } });
        });
        assert!(checked.unchecked_translations().is_empty());
    }

    #[test]
    fn v18_languages_lists_at_least_one_language_each_once() {
        let problems = problems_after(|d| set(d, "/languages", json!([])));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("field `languages`: `languages` is empty"));
        let problems = problems_after(|d| set(d, "/languages", json!(["cy", "en", "en"])));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("English (en) is listed twice in `languages`"),
            "{problems:?}"
        );
        // A language listed twice is still asked for once.
        let problems = problems_after(|d| {
            set(d, "/languages", json!(["en", "cy", "cy"]));
            set(d, FB2_TEXT, json!("Who are you?"));
        });
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[1].contains("question `fb-2`'s text has no Welsh (cy) version. Fix"));
    }

    #[test]
    fn v19_a_text_missing_in_a_declared_language_is_named_with_its_place() {
        // Welsh first: an English-only plain string is Welsh, and lacks its English.
        let problems = problems_after(|d| set(d, FB2_TEXT, json!("Pwy ydych chi?")));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].ends_with(
                "section `your-worker`, question `fb-2`, field `text`: question `fb-2`'s text has \
                 no English (en) version. Fix: give it in each language, as \"text\": \
                 { \"cy\": \"…\", \"en\": \"…\" }."
            ),
            "{problems:?}"
        );
        assert!(problems[0].starts_with("line "), "{problems:?}");
        // An object missing a language is told to add it.
        let problems = problems_after(|d| {
            set(d, "/languages", json!(["en", "cy"]));
            set(d, "/notices/crisis", json!({ "en": "Call 999." }));
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains(
                "field `notices.crisis`: the crisis notice has no Welsh (cy) version. \
                 Fix: add \"cy\": \"…\" to it."
            ),
            "{problems:?}"
        );
        // An empty object lacks both (and V16 finds the question text empty).
        let problems = problems_after(|d| set(d, FB2_TEXT, json!({})));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("the question text is empty"));
        assert!(
            problems[1].contains(
                "has no Welsh (cy) or English (en) version. Fix: add \"cy\": \"…\" and \
                 \"en\": \"…\" to it."
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn v19_every_kind_of_text_is_checked() {
        // Every text turned into a plain string lacks its English: one problem each.
        let mut document: Value = serde_json::from_str(BILINGUAL).unwrap();
        let texts = text_pointers(&document);
        assert_eq!(texts.len(), 25);
        for pointer in &texts {
            let welsh = document.pointer(&format!("{pointer}/cy")).unwrap().clone();
            set(&mut document, pointer, welsh);
        }
        let problems = problems_after(|d| *d = document);
        assert_eq!(problems.len(), texts.len(), "{problems:#?}");
        assert!(problems
            .iter()
            .all(|p| p.contains("has no English (en) version")));
    }

    #[test]
    fn v20_a_text_in_a_language_not_declared_is_reported() {
        let problems = problems_after(|d| set(d, "/languages", json!(["cy"])));
        assert_eq!(problems.len(), 25, "one for each text: {problems:#?}");
        assert!(problems.iter().any(|p| p.ends_with(
            "field `title.en`: the title is given in English (en), which the definition does not \
             declare. Fix: add \"en\" to \"languages\" (for example \"languages\": \
             [\"cy\", \"en\"]), or remove the English text."
        )));
    }

    #[test]
    fn v21_an_empty_translation_is_reported_and_an_empty_primary_text_is_v16s() {
        let problems = problems_after(|d| {
            set(d, FB2_TEXT, json!({ "cy": "Pwy ydych chi?", "en": "  " }));
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains(
                "field `text.en`: question `fb-2`'s text is empty in English (en). \
                 Fix: write the English text."
            ),
            "{problems:?}"
        );
        let problems = problems_after(|d| {
            set(d, FB2_TEXT, json!({ "cy": "", "en": "Who are you?" }));
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("the question text is empty"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_language_the_toolkit_does_not_know_is_a_located_parse_problem() {
        let problems = problems_after(|d| {
            set(d, "/languages", json!(["cy", "fr"]));
            set(
                d,
                FB2_TEXT,
                json!({ "cy": "Pwy?", "en": "Who?", "Fr": "Qui?" }),
            );
        });
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems[0].contains("field `languages.#2`: `fr` is not a language code"));
        assert!(
            problems[1].contains("field `text.Fr`: `Fr` is not a language code"),
            "{problems:#?}"
        );
    }

    #[test]
    fn every_text_of_a_definition_is_found_through_the_schema() {
        let document = json!({
            "title": "T",
            "version": "1.0.0",
            "notices": {
                "crisis": { "en": "Call 999", "cy": "Ffoniwch 999" },
                "easy_read": { "crisis": { "en": "Call 999 now", "cy": "Ffoniwch 999 nawr" } }
            },
            "scales": { "agree": { "description": "not a text", "options": [
                { "value": "yes", "label": "Yes", "easy_read": "Yes" }
            ] } },
            "sections": [{
                "id": "s", "title": "S", "intro": "I",
                "questions": [{
                    "id": "q", "text": "Q",
                    "answer": { "type": "single_choice", "options": [
                        { "value": "a", "label": "A", "description": "D" }
                    ] }
                }]
            }],
            "plan": { "title": "P", "fields": [{ "field": "action", "label": "Action" }] }
        });
        let mut found = text_pointers(&document);
        found.sort();
        assert_eq!(
            found,
            vec![
                "/notices/crisis",
                "/notices/easy_read/crisis",
                "/plan/fields/0/label",
                "/plan/title",
                "/scales/agree/options/0/easy_read",
                "/scales/agree/options/0/label",
                "/sections/0/intro",
                "/sections/0/questions/0/answer/options/0/description",
                "/sections/0/questions/0/answer/options/0/label",
                "/sections/0/questions/0/text",
                "/sections/0/title",
                "/title",
            ]
        );
    }

    #[test]
    fn texts_are_described_in_words() {
        let document = json!({
            "sections": [{ "id": "s", "questions": [{ "id": "rel-3", "answer": {
                "options": [{ "value": "often" }] } }] }],
            "scoring": { "bands": [{ "id": "red" }] },
            "plan": { "fields": [{ "field": "lead" }] }
        });
        let cases = [
            ("/title", "the title"),
            ("/notices/crisis", "the crisis notice"),
            ("/notices/thank_you", "the thank-you notice"),
            ("/notices/easy_read/crisis", "the easy-read crisis notice"),
            (
                "/notices/easy_read/thank_you",
                "the easy-read thank-you notice",
            ),
            ("/plan/intro", "the plan's introduction"),
            ("/plan/fields/0/label", "plan field `lead`'s label"),
            ("/sections/0/intro", "section `s`'s introduction"),
            ("/sections/0/questions/0/text", "question `rel-3`'s text"),
            (
                "/sections/0/questions/0/easy_read",
                "question `rel-3`'s easy-read wording",
            ),
            (
                "/sections/0/questions/0/answer/options/0/label",
                "option `often`'s label",
            ),
            ("/scoring/bands/0/meaning", "band `red`'s meaning"),
            ("/scales/agree/description", "scale `agree`'s description"),
        ];
        for (pointer, words) in cases {
            assert_eq!(describe(&document, pointer), words, "{pointer}");
        }
    }

    // ---- V26: parts of a definition given in another language --------------------------------

    /// The English-only mini audit with its "leadership" section and "rag" scale given in Welsh
    /// too (every text of each), and `change` made to it: its problems.
    fn partly_welsh_problems(change: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut document = partly_welsh();
        change(&mut document);
        match load_definition("test.json", &document.to_string()) {
            Ok(_) => Vec::new(),
            Err(error) => error.problems.iter().map(ToString::to_string).collect(),
        }
    }

    /// Gives every text under `pointer` a Welsh version too ("[cy] " and the English).
    fn add_welsh_under(document: &mut Value, pointer: &str) {
        for at in text_pointers(&document.clone()) {
            if at.starts_with(&format!("{pointer}/")) {
                let english = document.pointer(&at).unwrap().as_str().unwrap().to_owned();
                *document.pointer_mut(&at).unwrap() =
                    json!({ "en": english.clone(), "cy": format!("[cy] {english}") });
            }
        }
    }

    fn partly_welsh() -> Value {
        let mut document: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/mini-audit.json")).unwrap();
        add_welsh_under(&mut document, "/sections/0");
        add_welsh_under(&mut document, "/scales/rag");
        document["partly_in"] = json!({ "cy": { "sections": ["leadership"], "scales": ["rag"] } });
        document
    }

    #[test]
    fn v26_a_section_and_a_scale_can_be_given_in_a_language_the_whole_is_not() {
        assert_eq!(partly_welsh_problems(|_| {}), Vec::<String>::new());
        let definition = load_definition("test.json", &partly_welsh().to_string()).unwrap();
        let section = &definition.sections[0];
        assert_eq!(
            section.questions[0].text.get(Lang::Cy),
            "[cy] The Principal Social Worker has time and authority."
        );
        // The rest stays English, and the Welsh counts as a translation to check.
        assert_eq!(definition.sections[1].title.get(Lang::Cy), "Supervision");
        assert_eq!(definition.languages, vec![Lang::En]);
        assert_eq!(definition.unchecked_translations(), vec![Lang::Cy]);
        assert_eq!(
            definition.languages_of_section(&section.id),
            vec![Lang::En, Lang::Cy]
        );
        assert_eq!(
            definition.languages_of_section(&definition.sections[1].id),
            vec![Lang::En]
        );
    }

    #[test]
    fn v26_every_text_of_a_part_is_given_in_its_language() {
        let problems = partly_welsh_problems(|d| {
            d["sections"][0]["questions"][1]["text"] =
                json!("Social work has a voice at board level.");
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("question `lead-2`'s text has no Welsh (cy) version"),
            "{problems:?}"
        );
        let problems = partly_welsh_problems(|d| {
            d["scales"]["rag"]["options"][0]["label"] = json!("Not yet");
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("has no Welsh (cy) version"),
            "{problems:?}"
        );
    }

    #[test]
    fn v26_welsh_outside_the_parts_named_is_refused() {
        let problems = partly_welsh_problems(|d| {
            d["sections"][1]["title"] = json!({ "en": "Supervision", "cy": "Goruchwyliaeth" });
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("section `supervision`'s title is given in Welsh (cy), which the definition does not declare"),
            "{problems:?}"
        );
    }

    #[test]
    fn v26_parts_name_sections_and_scales_that_exist_in_an_undeclared_language() {
        let problems = partly_welsh_problems(|d| {
            d["partly_in"]["cy"]["sections"] = json!(["leadership", "leadersihp"]);
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("there is no section `leadersihp`"),
            "{problems:?}"
        );
        let problems =
            partly_welsh_problems(|d| d["partly_in"]["cy"]["scales"] = json!(["rag", "ragg"]));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("there is no scale `ragg`"),
            "{problems:?}"
        );
        let problems =
            partly_welsh_problems(|d| d["partly_in"]["en"] = json!({ "sections": ["amhp"] }));
        assert!(
            problems.iter().any(|p| p.contains(
                "names English (en), which is already a language of the whole definition"
            )),
            "{problems:?}"
        );
        let problems = partly_welsh_problems(|d| d["partly_in"]["cy"] = json!({}));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("names no section or scale")),
            "{problems:?}"
        );
    }
}
