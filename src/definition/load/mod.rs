//! The first loading step: strict parsing of a definition file, then validation.
//!
//! Owns: turning JSON text into a [`Definition`] and every problem into a [`Problem`] a person can
//! act on: which file, which line, which section and question, what is wrong and how to fix it.
//! Must not touch: the rules of a good definition (see [`super::validate`](mod@super::validate)).
//!
//! How it works:
//!
//! 0. Text nested deeper than [`crate::limits::MAX_DEPTH`] is refused at once, before any parsing.
//! 1. The text is read as plain JSON. Invalid JSON stops here with one problem, placed at the line
//!    and column where the reader gave up and explained in words (a missing comma, curly quotes, a
//!    file cut short).
//! 2. An outline of the text records the line of every field and list item by its JSON Pointer,
//!    the ids written in it and any field written twice in one object (JSON would silently keep
//!    the last, so this is reported too).
//! 3. The JSON is parsed strictly into the types. serde stops at the first mistake, so after each
//!    one the loader reports it, sets the mistake aside (drops an unknown field, puts a placeholder
//!    in a bad value, or leaves out the list item that holds it) and parses again, until the rest
//!    parses. That way one run lists every parse problem, not just the first. Nothing a placeholder
//!    causes is reported.
//! 4. When it parses, [`validate()`] checks the whole definition, and each problem gets its line from
//!    the outline.
//!
//! Each problem carries the rule it breaks ([`Rule`]): the reading rules are L1 (step 0, see
//! [`crate::limits`]), J1 the text is JSON (step 1, `syntax.rs`), J2 no field is written twice
//! in one object (step 2, `outline.rs` and `repeated.rs`) and J3 the JSON has a definition's
//! shape: one object, known fields, values of the right type (step 3, `repair.rs`); the rules of
//! a good definition are V1 to V25.
//!
//! Where each step is: `pointer.rs` (JSON Pointers), `outline.rs`, `place.rs` (naming the section,
//! question and field of a pointer), `syntax.rs`, `repair.rs`, `words.rs` (serde's words as an
//! author reads them), `schema_doc.rs` (what the schema says a field is) and `repeated.rs`.

use std::fmt;

use serde_json::Value;

use super::validate::{Place, Problem, Rule};
use super::{validate, Definition};
use crate::lang::Lang;
use crate::text::read_with_primary;

mod checked_before;
mod outline;
mod place;
mod pointer;
mod repair;
mod repeated;
mod schema_doc;
mod syntax;
#[cfg(test)]
mod tests;
mod words;

use outline::Outline;
use place::place_in;
use repair::Repair;
use repeated::repeated_key_problem;
use syntax::syntax_problem;

pub(super) use place::item_name;
pub(super) use pointer::{join, last, parent};
pub(super) use schema_doc::resolve_schema;

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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(problem) = too_deep(text) {
        return Err(LoadError {
            file: file.to_owned(),
            problems: vec![problem],
        });
    }
    let outline = Outline::of(text, None);
    let (definition, mut problems, document) = read(text, &outline);
    if let (Some(definition), Some(document)) = (definition, document) {
        let mut found = validate(&definition);
        for problem in &mut found {
            problem.place.line = outline.line_of(&problem.place.pointer);
        }
        problems.extend(found);
        problems.extend(super::languages::check(
            &definition,
            &document,
            &|pointer| place_in(&document, &outline, pointer),
        ));
        if problems.is_empty() {
            return Ok(definition);
        }
    }
    problems.sort_by_key(|p| p.place.line.unwrap_or(0));
    Err(LoadError {
        file: file.to_owned(),
        problems,
    })
}

/// The quick way in: the definition [`load_definition`] gives when a file has no problem at all,
/// or `None` when it has any (then [`load_definition`] finds and explains every one). The same
/// checks (depth, fields written twice, the types, [`validate()`], the language rules), without
/// the machinery that places and repairs problems, so an app can load good files with less code
/// and fetch the explaining part only when a file needs it.
pub fn load_definition_quickly(text: &str) -> Option<Definition> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if too_deep(text).is_some() {
        return None;
    }
    let outline = Outline::of(text, None);
    if !outline.repeated.is_empty() {
        return None;
    }
    let document: Value = serde_json::from_str(text).ok()?;
    let definition = read_with_primary(primary_of(&document), || {
        <Definition as serde::Deserialize>::deserialize(&document)
    })
    .ok()?;
    let placed = |pointer: &str| Place {
        pointer: pointer.to_owned(),
        ..Place::default()
    };
    let sound = validate(&definition).is_empty()
        && super::languages::check(&definition, &document, &placed).is_empty();
    sound.then_some(definition)
}

/// Reads text whose exact bytes passed [`load_definition_quickly`] before, without making the
/// checks again: the same definition, or `None` when the text does not parse into one. It
/// checks nothing, so it is only for text known to be sound (an app keeps the checksum of each
/// file it checked, and checks again, in full, what it read this way once its page is drawn);
/// that lets an app draw a page before it has the code of the checks.
///
/// It reads the text by hand (`checked_before.rs`), never through serde's derived readers or a
/// [`serde_json::Value`] as the checks do (they need the document to place what they find), so
/// an app drawing a page this way carries neither. The ways give the same definition (pinned
/// by tests on every bundled and test file).
pub fn read_checked_before(text: &str) -> Option<Definition> {
    checked_before::read(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A definition's primary language: the first of its `languages` (English when there is none,
/// or when it is not a language; parsing reports that).
pub(super) fn primary_of(document: &Value) -> Lang {
    document
        .pointer("/languages/0")
        .and_then(Value::as_str)
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En)
}

/// Parses a definition strictly, without validating it as a whole. On failure, returns every parse
/// problem that could be found (at least one).
pub fn parse_definition(text: &str) -> Result<Definition, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(problem) = too_deep(text) {
        return Err(vec![problem]);
    }
    let outline = Outline::of(text, None);
    match read(text, &outline) {
        (Some(definition), problems, _) if problems.is_empty() => Ok(definition),
        (_, mut problems, _) => {
            problems.sort_by_key(|p| p.place.line.unwrap_or(0));
            Err(problems)
        }
    }
}

/// Refuses text nested deeper than any definition needs (rule L1 of [`crate::limits`]) before
/// anything parses it: the outline and the parser would take time growing with the square of the
/// depth, and the parser's recursion could overflow the stack.
fn too_deep(text: &str) -> Option<Problem> {
    let deep = crate::limits::check_depth(text).err()?;
    Some(Problem {
        rule: Rule::L1,
        place: Place {
            line: Some(deep.line),
            column: Some(deep.column),
            ..Place::default()
        },
        message: deep.message(),
        fix: deep.fix(),
    })
}

/// Reads the text into a definition. Returns the definition when the JSON parses into the types
/// (possibly with problems that do not stop validation, such as a field written twice), the
/// problems found, and the document as written when it is JSON.
fn read(text: &str, outline: &Outline) -> (Option<Definition>, Vec<Problem>, Option<Value>) {
    let document: Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => return (None, vec![syntax_problem(text, &error)], None),
    };
    let mut problems: Vec<Problem> = outline
        .repeated
        .iter()
        .map(|repeat| repeated_key_problem(&document, outline, repeat))
        .collect();
    if !document.is_object() {
        let holds = match &document {
            Value::Array(_) => "a list [ … ]",
            Value::String(_) => "text",
            Value::Number(_) => "a number",
            Value::Bool(_) => "true or false",
            Value::Null | Value::Object(_) => "null",
        };
        let problem = Problem {
            rule: Rule::J3,
            place: Place::default(),
            message: format!("the file holds {holds}, not a definition"),
            fix: "a definition is one object { … } holding \"$schema\", \"id\" and the other \
                  fields; start from a copy of a bundled definition"
                .to_owned(),
        };
        return (None, vec![problem], Some(document));
    }
    let mut repair = Repair::new(document, outline);
    match repair.parse_all() {
        Ok(definition) => (Some(definition), problems, Some(repair.original)),
        Err(found) => {
            problems.extend(found);
            (None, problems, Some(repair.original))
        }
    }
}
