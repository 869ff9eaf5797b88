//! The first loading step: strict parsing of a definition file, then validation.
//!
//! Owns: turning JSON text into a [`Definition`] and every parse error into a [`Problem`] a person
//! can act on: which file, which section and question, which line, and how to fix it.
//! Must not touch: the rules of a good definition (see [`super::validate`]).

use std::fmt;

use serde_json::Value;

use super::validate::{Place, Problem};
use super::{validate, Definition};

/// Everything wrong with one definition file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file's name, as the user knows it.
    pub file: String,
    /// Every problem found, in file order (at least one).
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        writeln!(
            f,
            "{}: {count} {}",
            self.file,
            if count == 1 { "problem" } else { "problems" }
        )?;
        for problem in &self.problems {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

/// Parses and validates a definition. `file` names it in messages.
pub fn load_definition(file: &str, text: &str) -> Result<Definition, LoadError> {
    let fail = |problems: Vec<Problem>| LoadError {
        file: file.to_owned(),
        problems,
    };
    let definition = parse_definition(text).map_err(|p| fail(vec![p]))?;
    let mut problems = validate(&definition);
    if problems.is_empty() {
        return Ok(definition);
    }
    for problem in &mut problems {
        problem.place.line = locate(text, &problem.place);
    }
    Err(fail(problems))
}

/// Parses a definition strictly, without validating it as a whole.
#[allow(clippy::result_large_err)] // one problem, returned once per file: size does not matter
pub fn parse_definition(text: &str) -> Result<Definition, Problem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result: Result<Definition, _> = serde_path_to_error::deserialize(&mut deserializer);
    match result {
        Ok(definition) => deserializer
            .end()
            .map(|()| definition)
            .map_err(|error| syntax_problem(&error)),
        Err(error) => {
            let path = error.path().clone();
            let inner = error.into_inner();
            if inner.is_syntax() || inner.is_eof() || inner.is_io() {
                return Err(syntax_problem(&inner));
            }
            let value: Option<Value> = serde_json::from_str(text).ok();
            let mut place = place_from_path(&path, value.as_ref());
            place.line = Some(inner.line()).filter(|l| *l > 0);
            place.column = Some(inner.column()).filter(|c| *c > 0);
            let (message, fix) = explain(&inner.to_string());
            Err(Problem {
                place,
                message,
                fix,
            })
        }
    }
}

fn syntax_problem(error: &serde_json::Error) -> Problem {
    let (message, fix) = if error.is_eof() {
        (
            "the file ends too early".to_owned(),
            "check that every {, [ and \" is closed".to_owned(),
        )
    } else {
        (
            format!(
                "the file is not valid JSON ({})",
                strip_position(&error.to_string())
            ),
            "check for a missing or extra comma, quote or bracket at or just before this point"
                .to_owned(),
        )
    };
    Problem {
        place: Place {
            line: Some(error.line()),
            column: Some(error.column()),
            ..Place::default()
        },
        message,
        fix,
    }
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Turns serde's message into plain words and a fix.
fn explain(raw: &str) -> (String, String) {
    let message = strip_position(raw);
    let names = |list: &str| -> String {
        list.replace('`', "")
            .replace(" or ", ", ")
            .trim()
            .to_owned()
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.trim_start_matches("one of ");
        return (
            format!("there is no field {field} here"),
            if expected.is_empty() {
                "remove it".to_owned()
            } else {
                format!(
                    "check the spelling; the fields allowed here are: {}",
                    names(expected)
                )
            },
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.trim_start_matches("one of ");
        return (
            format!("{value} is not a value this field accepts"),
            format!("use one of: {}", names(expected)),
        );
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return (
            format!("the field {field} is missing"),
            format!("add {field}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another kind"));
        return (
            format!("this is {found}, which is the wrong kind of value"),
            format!("write {expected} here"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        return (
            format!("the value {found} is not allowed"),
            format!("write {expected} here"),
        );
    }
    (
        message.to_owned(),
        "correct the value at this place".to_owned(),
    )
}

/// Names the section and question that a serde path points into.
fn place_from_path(path: &serde_path_to_error::Path, value: Option<&Value>) -> Place {
    use serde_path_to_error::Segment;
    let mut place = Place::default();
    let mut field: Vec<String> = Vec::new();
    let mut cursor = value;
    let mut in_sections = false;
    let mut in_questions = false;
    for segment in path.iter() {
        match segment {
            Segment::Map { key } => {
                in_sections = key == "sections" && place.section.is_none();
                in_questions = key == "questions" && place.section.is_some();
                cursor = cursor.and_then(|v| v.get(key));
                field.push(key.clone());
            }
            Segment::Seq { index } => {
                cursor = cursor.and_then(|v| v.get(index));
                let id = cursor
                    .and_then(|v| v.get("id"))
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                if in_sections {
                    place.section = Some(id.unwrap_or_else(|| format!("number {}", index + 1)));
                    field.clear();
                } else if in_questions {
                    place.question = Some(id.unwrap_or_else(|| format!("number {}", index + 1)));
                    field.clear();
                } else {
                    field.push(index.to_string());
                }
                in_sections = false;
                in_questions = false;
            }
            Segment::Enum { variant } => field.push(variant.clone()),
            Segment::Unknown => {}
        }
    }
    if !field.is_empty() {
        place.field = Some(field.join("."));
    }
    place
}

/// Finds the line of a validation problem by the id of its question or section.
fn locate(text: &str, place: &Place) -> Option<usize> {
    let id = place.question.as_deref().or(place.section.as_deref())?;
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|line| {
            line.contains(&needle)
                && line.split(&needle).next().is_some_and(|before| {
                    before
                        .trim_end()
                        .trim_end_matches(':')
                        .trim_end()
                        .ends_with("\"id\"")
                })
        })
        .map(|index| index + 1)
}
