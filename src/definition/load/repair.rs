//! Parsing into the types, reporting every problem: serde stops at its first mistake, so each
//! mistake is read ([`Fault`]), reported, set aside (an unknown field dropped, a placeholder put in
//! a bad value, a list item left out) and the parse tried again, until the rest parses.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::outline::Outline;
use super::place::{object_name, place_in};
use super::pointer::{is_within, join, last, parent, segments};
use super::schema_doc::field_doc;
use super::words::{
    answer_types, closest, described, expected_in_words, found_in_words, placeholder, type_fix,
};
use crate::definition::validate::{Place, Problem, Rule};
use crate::definition::Definition;
use crate::lang::Lang;
use crate::text::read_with_primary;

/// The most parse problems one run reports, and the most attempts made.
pub(super) const MAX_ATTEMPTS: usize = 200;

/// A parse error from serde, read into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Fault {
    UnknownField { field: String, allowed: Vec<String> },
    UnknownVariant { value: String, allowed: Vec<String> },
    MissingField { field: String },
    WrongType { found: String, expected: String },
    WrongValue { found: String, expected: String },
    Other(String),
}

impl Fault {
    pub(super) fn read(message: &str) -> Self {
        let quoted = |s: &str| -> Vec<String> {
            s.split('`').skip(1).step_by(2).map(str::to_owned).collect()
        };
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let (field, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
            return Fault::UnknownField {
                field: field.trim_matches('`').to_owned(),
                allowed: quoted(allowed),
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let (value, allowed) = rest.split_once(", expected").unwrap_or((rest, ""));
            return Fault::UnknownVariant {
                value: value.trim_matches('`').to_owned(),
                allowed: quoted(allowed),
            };
        }
        if let Some(field) = message.strip_prefix("missing field ") {
            return Fault::MissingField {
                field: field.trim_matches('`').to_owned(),
            };
        }
        for (prefix, wrong_type) in [("invalid type: ", true), ("invalid value: ", false)] {
            if let Some(rest) = message.strip_prefix(prefix) {
                if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                    let (found, expected) = (found.to_owned(), expected.to_owned());
                    return if wrong_type {
                        Fault::WrongType { found, expected }
                    } else {
                        Fault::WrongValue { found, expected }
                    };
                }
            }
        }
        if let Some(rest) = message.strip_prefix("invalid length ") {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                // serde lets a struct be written as a list; authors never mean that.
                if let Some(name) = expected.strip_prefix("struct ") {
                    let name = name.split_whitespace().next().unwrap_or(name);
                    return Fault::WrongType {
                        found: "sequence".to_owned(),
                        expected: format!("struct {name}"),
                    };
                }
                return Fault::WrongValue {
                    found: format!("a list of {found} items"),
                    expected: expected.to_owned(),
                };
            }
        }
        Fault::Other(message.to_owned())
    }
}

/// Parses a document again and again, setting each mistake aside, to find every parse problem.
pub(super) struct Repair<'a> {
    /// The document as written.
    pub(super) original: Value,
    /// The document with the mistakes found so far set aside.
    document: Value,
    outline: &'a Outline,
    /// For each list (by its pointer in `original`) that lost items: the original index of each
    /// item that is left.
    kept: BTreeMap<String, Vec<usize>>,
    /// Pointers (in `original`) where a placeholder stands; nothing inside them is reported.
    planted: BTreeSet<String>,
}

/// What went wrong in one attempt: where serde stopped (as a JSON Pointer) and its message.
struct Attempt {
    pointer: String,
    message: String,
}

fn attempt(document: &Value) -> Result<Definition, Attempt> {
    // Plain-string texts are in the primary language.
    read_with_primary(super::primary_of(document), || {
        serde_path_to_error::deserialize::<_, Definition>(document)
    })
    .map_err(|error| {
        let mut pointer = String::new();
        for segment in error.path().iter() {
            match segment {
                serde_path_to_error::Segment::Map { key } => pointer = join(&pointer, key),
                serde_path_to_error::Segment::Seq { index } => {
                    pointer = join(&pointer, &index.to_string());
                }
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => {}
            }
        }
        Attempt {
            pointer,
            message: error.into_inner().to_string(),
        }
    })
}

impl<'a> Repair<'a> {
    pub(super) fn new(document: Value, outline: &'a Outline) -> Self {
        Self {
            original: document.clone(),
            document,
            outline,
            kept: BTreeMap::new(),
            planted: BTreeSet::new(),
        }
    }

    pub(super) fn parse_all(&mut self) -> Result<Definition, Vec<Problem>> {
        let mut problems = Vec::new();
        for _ in 0..MAX_ATTEMPTS {
            let failure = match attempt(&self.document) {
                Ok(definition) if problems.is_empty() => return Ok(definition),
                Ok(_) => return Err(problems),
                Err(failure) => failure,
            };
            let (failure, fault) = self.stray_in_answer(failure);
            let pointer = self.narrow(&failure, &fault);
            let original = self.to_original(&pointer);
            if !self.planted.iter().any(|p| is_within(&original, p)) {
                problems.push(self.problem(&original, &pointer, &fault));
            }
            if !self.set_aside(&pointer, &fault) {
                break;
            }
        }
        // Only reached when reading stopped before the end: there may be more.
        if !problems.is_empty() {
            problems.push(Problem {
                rule: Rule::J3,
                place: Place::default(),
                message: "reading stopped early, so there may be more problems than those listed"
                    .to_owned(),
                fix: "fix the problems listed and check the file again".to_owned(),
            });
        }
        if problems.is_empty() {
            problems.push(Problem {
                rule: Rule::J3,
                place: Place::default(),
                message: "the definition could not be read".to_owned(),
                fix: "check it against schema.json in an editor that understands JSON Schema"
                    .to_owned(),
            });
        }
        Err(problems)
    }

    /// A failure inside a field of an answer whose type does not take that field is that
    /// field's problem: it should not be there, whatever its value. (The answer's reader meets
    /// the fields in the document's order, alphabetical here, so it can read such a field
    /// before it knows the type: `definition/tagged.rs`.)
    fn stray_in_answer(&self, failure: Attempt) -> (Attempt, Fault) {
        let fault = Fault::read(&failure.message);
        let parts = segments(&failure.pointer);
        let Some(at) = parts.iter().rposition(|part| part == "answer") else {
            return (failure, fault);
        };
        let Some(field) = parts.get(at + 1) else {
            return (failure, fault);
        };
        let answer = parts[..=at]
            .iter()
            .fold(String::new(), |p, part| join(&p, part));
        let kind = self
            .document
            .pointer(&answer)
            .and_then(|node| node.get("type"))
            .and_then(Value::as_str)
            .filter(|kind| crate::definition::tagged::TYPES.contains(kind));
        let Some(allowed) = kind.map(crate::definition::tagged::fields_of) else {
            return (failure, fault);
        };
        if allowed.contains(&field.as_str()) || matches!(fault, Fault::UnknownField { .. }) {
            return (failure, fault);
        }
        let message = format!(
            "unknown field `{field}`, expected one of {}",
            allowed
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let stray = Attempt {
            pointer: join(&answer, field),
            message,
        };
        let fault = Fault::read(&stray.message);
        (stray, fault)
    }

    /// Makes the pointer of a failure as precise as possible. Inside an answer, serde names only
    /// the answer, so the field or option at fault is found by trying the answer's parts.
    fn narrow(&self, failure: &Attempt, fault: &Fault) -> String {
        let pointer = failure.pointer.clone();
        if let Fault::UnknownField { field, .. } = fault {
            if last(&pointer).as_deref() == Some(field.as_str()) {
                return pointer;
            }
            return find_key(&self.document, &pointer, field).unwrap_or(pointer);
        }
        let Some(node) = self.document.pointer(&pointer) else {
            return pointer;
        };
        if pointer.is_empty() || !(node.is_object() || node.is_array()) {
            return pointer;
        }
        let same = |document: &Value| {
            attempt(document)
                .err()
                .is_some_and(|a| a.pointer == failure.pointer && a.message == failure.message)
        };
        // Find the list item at fault: without the list's items the failure goes away, and with
        // only that item it stays.
        let mut at = pointer.clone();
        let mut budget = 64usize;
        'deeper: loop {
            for list in lists_within(&self.document, &at) {
                let Some(len) = self
                    .document
                    .pointer(&list)
                    .and_then(Value::as_array)
                    .map(Vec::len)
                else {
                    continue;
                };
                let mut emptied = self.document.clone();
                keep_only(&mut emptied, &list, None);
                budget = budget.saturating_sub(1);
                if same(&emptied) {
                    continue;
                }
                for index in 0..len {
                    if budget == 0 {
                        break 'deeper;
                    }
                    budget -= 1;
                    let mut trial = self.document.clone();
                    keep_only(&mut trial, &list, Some(index));
                    if same(&trial) {
                        at = join(&list, &index.to_string());
                        continue 'deeper;
                    }
                }
            }
            break;
        }
        // A text in a language the toolkit does not know: the field named by that code.
        if let Fault::UnknownVariant { value, allowed } = fault {
            if is_language_list(allowed) {
                if let Some(key) = find_key(&self.document, &at, value) {
                    return key;
                }
            }
        }
        let found = match fault {
            Fault::UnknownVariant { value, .. } => Some(Value::String(value.clone())),
            Fault::WrongType { found, .. } | Fault::WrongValue { found, .. } => described(found),
            _ => None,
        };
        if let (Some(found), Some(node)) = (found, self.document.pointer(&at)) {
            if node.is_object() {
                if let Some(key) = find_value(node, &at, &found) {
                    return key;
                }
            }
        }
        at
    }

    /// Sets a mistake aside so the next attempt gets further. False when it cannot be.
    fn set_aside(&mut self, pointer: &str, fault: &Fault) -> bool {
        let field = last(pointer);
        let original = self.to_original(pointer);
        match fault {
            Fault::UnknownField { field: name, .. } if field.as_deref() == Some(name.as_str()) => {
                if let Some(Value::Object(map)) = self.document.pointer_mut(parent(pointer)) {
                    if map.remove(name).is_some() {
                        return true;
                    }
                }
            }
            // A field named by an unknown word (a text in an unknown language) is left out.
            Fault::UnknownVariant { value, .. } if field.as_deref() == Some(value.as_str()) => {
                if let Some(Value::Object(map)) = self.document.pointer_mut(parent(pointer)) {
                    if map.remove(value).is_some() {
                        return true;
                    }
                }
            }
            Fault::UnknownVariant { allowed, .. } if field.as_deref() != Some("type") => {
                if let (Some(first), Some(value)) =
                    (allowed.first(), self.document.pointer_mut(pointer))
                {
                    // A value already replaced once is not replaced again, so this ends.
                    if value.is_string() && value.as_str() != Some(first.as_str()) {
                        *value = Value::String(first.clone());
                        self.planted.insert(original);
                        return true;
                    }
                }
            }
            Fault::MissingField { field: name } => {
                if let Some(Value::Object(map)) = self.document.pointer_mut(pointer) {
                    if !map.contains_key(name) {
                        map.insert(name.clone(), Value::String(String::new()));
                        self.planted.insert(join(&original, name));
                        return true;
                    }
                }
            }
            Fault::WrongType { expected, .. } | Fault::WrongValue { expected, .. } => {
                if let (Some(placeholder), Some(value)) =
                    (placeholder(expected), self.document.pointer_mut(pointer))
                {
                    // A list or object is replaced only by a list or object: when serde names a
                    // whole answer, the value at fault is inside it.
                    let fits = !(value.is_object() || value.is_array())
                        || placeholder.is_array()
                        || placeholder.is_object();
                    if fits && *value != placeholder {
                        *value = placeholder;
                        self.planted.insert(original);
                        return true;
                    }
                }
            }
            _ => {}
        }
        self.drop_item(pointer)
    }

    /// Leaves out the innermost list item that holds `pointer`. False when there is none.
    fn drop_item(&mut self, pointer: &str) -> bool {
        let mut at = pointer;
        while !at.is_empty() {
            let list = parent(at);
            let index = last(at).and_then(|s| s.parse::<usize>().ok());
            if let (Some(index), Some(Value::Array(_))) = (index, self.document.pointer(list)) {
                let original_list = self.to_original(list);
                let len = self
                    .document
                    .pointer(list)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                let kept = self
                    .kept
                    .entry(original_list)
                    .or_insert_with(|| (0..len).collect());
                if index < kept.len() {
                    kept.remove(index);
                }
                if let Some(Value::Array(items)) = self.document.pointer_mut(list) {
                    if index < items.len() {
                        items.remove(index);
                        return true;
                    }
                }
                return false;
            }
            at = list;
        }
        false
    }

    /// The pointer into the document as written, for a pointer into the repaired one.
    fn to_original(&self, pointer: &str) -> String {
        let mut original = String::new();
        for segment in segments(pointer) {
            let is_list = matches!(self.original.pointer(&original), Some(Value::Array(_)));
            match segment.parse::<usize>() {
                Ok(index) if is_list => {
                    let index = self
                        .kept
                        .get(&original)
                        .and_then(|kept| kept.get(index).copied())
                        .unwrap_or(index);
                    original = join(&original, &index.to_string());
                }
                _ => original = join(&original, &segment),
            }
        }
        original
    }

    /// The problem for a fault at `original` (a pointer into the document as written); `current`
    /// points to the same place in the repaired document.
    fn problem(&self, original: &str, current: &str, fault: &Fault) -> Problem {
        let place = match fault {
            Fault::MissingField { field } => {
                place_in(&self.original, self.outline, &join(original, field))
            }
            _ => place_in(&self.original, self.outline, original),
        };
        let field = last(original).unwrap_or_default();
        let holder = parent(current);
        let (message, fix) = match fault {
            Fault::UnknownField {
                field: name,
                allowed,
            } => {
                let mut allowed = allowed.clone();
                let what = object_name(&self.document, holder);
                if last(holder).as_deref() == Some("answer") {
                    allowed.insert(0, "type".to_owned());
                }
                let fix = match closest(name, &allowed) {
                    Some(close) => format!(
                        "rename it to `{close}` if that is what you meant, or remove it; {what} takes only these fields: {}",
                        allowed.join(", ")
                    ),
                    None => format!(
                        "remove it, or rename it to one of the fields {what} takes: {}",
                        allowed.join(", ")
                    ),
                };
                (format!("{what} has no field `{name}`"), fix)
            }
            Fault::UnknownVariant { value, allowed } => {
                let is_answer_type = field == "type" && last(holder).as_deref() == Some("answer");
                let is_language = is_language_list(allowed);
                // A list item is named by its list: `languages`, not `1`.
                let named = if field.parse::<usize>().is_ok() {
                    last(parent(original)).unwrap_or_default()
                } else {
                    field.clone()
                };
                (
                    if is_answer_type {
                        format!("`{value}` is not an answer type")
                    } else if is_language {
                        format!("`{value}` is not a language code the toolkit knows")
                    } else {
                        format!("`{value}` is not a value `{named}` can take")
                    },
                    match closest(value, allowed) {
                        Some(close) => format!(
                            "did you mean `{close}`? The values allowed are: {}",
                            allowed.join(", ")
                        ),
                        None if is_language => format!(
                            "the toolkit reads {}; use one of those codes, or remove this language",
                            Lang::ALL
                                .iter()
                                .map(|lang| format!("{} (`{}`)", lang.name(), lang.code()))
                                .collect::<Vec<_>>()
                                .join(" and ")
                        ),
                        None => format!("use one of: {}", allowed.join(", ")),
                    },
                )
            }
            Fault::MissingField { field: name } => {
                let what = object_name(&self.document, current);
                let fix = if name == "type" && last(current).as_deref() == Some("answer") {
                    format!("add \"type\" with one of: {}", answer_types().join(", "))
                } else {
                    let doc = field_doc(&self.document, &join(current, name));
                    let mut fix = format!("add \"{name}\"");
                    if let Some(description) = doc.description {
                        fix.push_str(&format!(" ({description})"));
                    }
                    if !doc.values.is_empty() {
                        fix.push_str(&format!(", one of: {}", doc.values.join(", ")));
                    }
                    fix
                };
                (format!("{what} is missing the field `{name}`"), fix)
            }
            Fault::WrongType { found, expected } | Fault::WrongValue { found, expected } => {
                let values = field_doc(&self.document, current).values;
                let expected_words = if field.ends_with("_percent") {
                    "a whole number from 0 to 100".to_owned()
                } else if !values.is_empty() {
                    "one of a fixed list of words, in double quotes".to_owned()
                } else {
                    expected_in_words(expected)
                };
                let found_words = found_in_words(found);
                let name = if field.parse::<usize>().is_ok() || field.is_empty() {
                    "this value".to_owned()
                } else {
                    format!("`{field}`")
                };
                let fix = if values.is_empty() {
                    type_fix(found, expected, &expected_words)
                } else {
                    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
                    format!("write one of: {}", quoted.join(", "))
                };
                (
                    format!("{name} should be {expected_words}, but it is {found_words}"),
                    fix,
                )
            }
            Fault::Other(message) => (
                message.clone(),
                "correct the value at this place, checking it against schema.json".to_owned(),
            ),
        };
        Problem {
            rule: Rule::J3,
            place,
            message,
            fix,
        }
    }
}

/// True when `allowed` are the language codes (serde lists them for an unknown language).
fn is_language_list(allowed: &[String]) -> bool {
    allowed
        .iter()
        .map(String::as_str)
        .eq(Lang::ALL.iter().map(|lang| lang.code()))
}

/// The lists inside the value at `pointer`, not inside another list's items.
fn lists_within(document: &Value, pointer: &str) -> Vec<String> {
    let mut lists = Vec::new();
    let mut stack = vec![pointer.to_owned()];
    while let Some(at) = stack.pop() {
        match document.pointer(&at) {
            Some(Value::Array(_)) => lists.push(at),
            Some(Value::Object(map)) => {
                for key in map.keys().rev() {
                    stack.push(join(&at, key));
                }
            }
            _ => {}
        }
    }
    lists
}

/// Keeps only the item `index` of the list at `pointer` (or none).
fn keep_only(document: &mut Value, pointer: &str, index: Option<usize>) {
    if let Some(Value::Array(items)) = document.pointer_mut(pointer) {
        let kept: Vec<Value> = index
            .and_then(|i| items.get(i).cloned())
            .into_iter()
            .collect();
        *items = kept;
    }
}

/// The first object at or under `pointer` that has the field `key`, as the field's pointer.
fn find_key(document: &Value, pointer: &str, key: &str) -> Option<String> {
    let mut stack = vec![pointer.to_owned()];
    while let Some(at) = stack.pop() {
        match document.pointer(&at)? {
            Value::Object(map) => {
                if map.contains_key(key) {
                    return Some(join(&at, key));
                }
                for child in map.keys().rev() {
                    stack.push(join(&at, child));
                }
            }
            Value::Array(items) => {
                for index in (0..items.len()).rev() {
                    stack.push(join(&at, &index.to_string()));
                }
            }
            _ => {}
        }
    }
    None
}

/// The first field of an object whose value matches `found`.
fn find_value(object: &Value, pointer: &str, found: &Value) -> Option<String> {
    let Value::Object(map) = object else {
        return None;
    };
    map.iter()
        .find(|(_, value)| matches_found(value, found))
        .map(|(key, _)| join(pointer, key))
}

fn matches_found(value: &Value, found: &Value) -> bool {
    match (value, found) {
        (Value::Array(_), Value::Array(_)) | (Value::Object(_), Value::Object(_)) => true,
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (a, b) => a == b,
    }
}
