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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value};

use super::validate::{Place, Problem};
use super::{validate, AnswerKind, Definition};
use crate::lang::Lang;
use crate::text::read_with_primary;

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

/// A definition's primary language: the first of its `languages` (English when there is none,
/// or when it is not a language; parsing reports that).
fn primary_of(document: &Value) -> Lang {
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

// ---------------------------------------------------------------------------------------------
// JSON Pointers
// ---------------------------------------------------------------------------------------------

/// Appends one segment to a JSON Pointer (RFC 6901).
pub(super) fn join(pointer: &str, segment: &str) -> String {
    format!(
        "{pointer}/{}",
        segment.replace('~', "~0").replace('/', "~1")
    )
}

/// The segments of a JSON Pointer, unescaped.
fn segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The pointer without its last segment ("" for the document itself).
pub(super) fn parent(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |at| &pointer[..at])
}

/// The last segment, unescaped.
pub(super) fn last(pointer: &str) -> Option<String> {
    segments(pointer).pop()
}

/// True when `pointer` is `within` or inside it.
fn is_within(pointer: &str, within: &str) -> bool {
    pointer == within || (pointer.starts_with(within) && pointer[within.len()..].starts_with('/'))
}

// ---------------------------------------------------------------------------------------------
// The outline: lines, ids and repeated fields, read from the text itself
// ---------------------------------------------------------------------------------------------

/// What the loader knows about the text of a definition, beyond its values.
#[derive(Debug, Default)]
struct Outline {
    /// The line of every field (its name) and every list item (its first character).
    lines: BTreeMap<String, usize>,
    /// The `"id"` written in each object, by the object's pointer.
    ids: BTreeMap<String, String>,
    /// Fields written twice in one object.
    repeated: Vec<Repeat>,
    /// The objects, lists and text still open where the scan stopped.
    open: Vec<Open>,
}

/// A field written twice in one object.
#[derive(Debug)]
struct Repeat {
    /// The field's pointer.
    pointer: String,
    /// The line of the first time it is written.
    first_line: usize,
    /// The line of the second time.
    line: usize,
}

/// Something opened and not yet closed.
#[derive(Debug, Clone)]
struct Open {
    /// `{`, `[` or `"`.
    opener: char,
    /// The line it was opened on.
    line: usize,
    /// Its pointer (for text: the pointer of the value it is part of).
    pointer: String,
}

enum Frame {
    Object {
        pointer: String,
        line: usize,
        key: Option<String>,
        keys: BTreeMap<String, usize>,
        wants_key: bool,
    },
    List {
        pointer: String,
        line: usize,
        next: usize,
    },
}

impl Outline {
    /// Scans `text` (valid JSON or not) up to the byte offset `stop`, or to its end.
    fn of(text: &str, stop: Option<usize>) -> Self {
        let bytes = text.as_bytes();
        let end = stop.unwrap_or(bytes.len()).min(bytes.len());
        let mut outline = Outline::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut line = 1;
        let mut at = 0;
        while at < end {
            let byte = bytes[at];
            match byte {
                b'\n' => line += 1,
                b'{' | b'[' => {
                    let pointer = outline.value_starts(&mut stack, line);
                    stack.push(if byte == b'{' {
                        Frame::Object {
                            pointer,
                            line,
                            key: None,
                            keys: BTreeMap::new(),
                            wants_key: true,
                        }
                    } else {
                        Frame::List {
                            pointer,
                            line,
                            next: 0,
                        }
                    });
                }
                b'}' | b']' => {
                    stack.pop();
                }
                b',' => {
                    if let Some(Frame::Object { key, wants_key, .. }) = stack.last_mut() {
                        *key = None;
                        *wants_key = true;
                    }
                }
                b':' => {
                    if let Some(Frame::Object { wants_key, .. }) = stack.last_mut() {
                        *wants_key = false;
                    }
                }
                b'"' => {
                    let start = at;
                    let start_line = line;
                    at += 1;
                    while at < end && bytes[at] != b'"' {
                        if bytes[at] == b'\\' {
                            at += 1;
                        } else if bytes[at] == b'\n' {
                            line += 1;
                        }
                        at += 1;
                    }
                    if at >= end {
                        let pointer = stack.last().map_or(String::new(), frame_pointer);
                        outline.open = open_frames(&stack);
                        outline.open.push(Open {
                            opener: '"',
                            line: start_line,
                            pointer,
                        });
                        return outline;
                    }
                    let raw = &text[start..=at];
                    let string: String = serde_json::from_str(raw)
                        .unwrap_or_else(|_| raw.trim_matches('"').to_owned());
                    outline.string(&mut stack, string, start_line);
                }
                b' ' | b'\t' | b'\r' => {}
                _ => {
                    outline.value_starts(&mut stack, line);
                    while at + 1 < end
                        && !matches!(bytes[at + 1], b',' | b'}' | b']' | b'\n' | b' ' | b'"')
                    {
                        at += 1;
                    }
                }
            }
            at += 1;
        }
        outline.open = open_frames(&stack);
        outline
    }

    /// Records a value starting on `line`, and returns its pointer.
    fn value_starts(&mut self, stack: &mut [Frame], line: usize) -> String {
        match stack.last_mut() {
            None => String::new(),
            Some(Frame::Object { pointer, key, .. }) => join(pointer, key.as_deref().unwrap_or("")),
            Some(Frame::List { pointer, next, .. }) => {
                let item = join(pointer, &next.to_string());
                *next += 1;
                self.lines.insert(item.clone(), line);
                item
            }
        }
    }

    /// Records a string: a field name or a value.
    fn string(&mut self, stack: &mut [Frame], string: String, line: usize) {
        if let Some(Frame::Object {
            pointer,
            key,
            keys,
            wants_key: true,
            ..
        }) = stack.last_mut()
        {
            let field = join(pointer, &string);
            if let Some(first_line) = keys.insert(string.clone(), line) {
                self.repeated.push(Repeat {
                    pointer: field.clone(),
                    first_line,
                    line,
                });
            }
            self.lines.insert(field, line);
            *key = Some(string);
            return;
        }
        if let Some(Frame::Object {
            pointer,
            key: Some(key),
            ..
        }) = stack.last()
        {
            if key == "id" {
                self.ids.insert(pointer.clone(), string);
                return;
            }
        }
        self.value_starts(stack, line);
    }

    /// The line of the value at `pointer`. A list item that is an object is placed at its `"id"`;
    /// something missing is placed at the nearest thing that holds it, and nothing at all when
    /// that is the whole definition.
    fn line_of(&self, pointer: &str) -> Option<usize> {
        let mut at = pointer;
        while !at.is_empty() {
            if let Some(line) = self.lines.get(at) {
                let is_item = last(at).is_some_and(|s| s.parse::<usize>().is_ok());
                if at != pointer || is_item {
                    if let Some(id_line) = self.lines.get(&join(at, "id")) {
                        return Some(*id_line);
                    }
                }
                return Some(*line);
            }
            at = parent(at);
        }
        None
    }
}

fn frame_pointer(frame: &Frame) -> String {
    match frame {
        Frame::Object { pointer, .. } | Frame::List { pointer, .. } => pointer.clone(),
    }
}

fn open_frames(stack: &[Frame]) -> Vec<Open> {
    stack
        .iter()
        .map(|frame| match frame {
            Frame::Object { pointer, line, .. } => Open {
                opener: '{',
                line: *line,
                pointer: pointer.clone(),
            },
            Frame::List { pointer, line, .. } => Open {
                opener: '[',
                line: *line,
                pointer: pointer.clone(),
            },
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Places: which section, question and field a pointer is in
// ---------------------------------------------------------------------------------------------

/// The section, question and field that `pointer` names, using `id_of` to name list items.
fn place_for(pointer: &str, id_of: &dyn Fn(&str) -> Option<String>) -> Place {
    let parts = segments(pointer);
    let mut place = Place {
        pointer: pointer.to_owned(),
        ..Place::default()
    };
    let mut at = String::new();
    let mut rest: &[String] = &parts;
    if let [first, index, tail @ ..] = rest {
        if first == "sections" && index.parse::<usize>().is_ok() {
            at = join(&join(&at, first), index);
            place.section = Some(id_of(&at).unwrap_or_else(|| number(index)));
            rest = tail;
            if let [first, index, tail @ ..] = rest {
                if first == "questions" && index.parse::<usize>().is_ok() {
                    at = join(&join(&at, first), index);
                    place.question = Some(id_of(&at).unwrap_or_else(|| number(index)));
                    rest = tail;
                }
            }
        }
    }
    let mut field = Vec::new();
    for segment in rest {
        at = join(&at, segment);
        match segment.parse::<usize>() {
            Ok(index) if !field.is_empty() => {
                field.push(id_of(&at).unwrap_or_else(|| format!("#{}", index + 1)));
            }
            _ => field.push(segment.clone()),
        }
    }
    if !field.is_empty() {
        place.field = Some(field.join("."));
    }
    place
}

/// "number 3" for the item at index 2, used when an item has no id.
fn number(index: &str) -> String {
    format!("number {}", index.parse::<usize>().map_or(0, |i| i + 1))
}

/// The name of a list item in a document: its `id`, `value` or `field`.
pub(super) fn item_name(document: &Value, pointer: &str) -> Option<String> {
    let item = document.pointer(pointer)?;
    ["id", "value", "field"]
        .iter()
        .find_map(|key| item.get(key).and_then(Value::as_str))
        .map(str::to_owned)
}

/// The place of a pointer into a parsed document.
fn place_in(document: &Value, outline: &Outline, pointer: &str) -> Place {
    let mut place = place_for(pointer, &|at| item_name(document, at));
    place.line = outline.line_of(pointer);
    place
}

/// What kind of thing the object at `pointer` is, in words ("a question", "a `yes_no` answer").
fn object_name(document: &Value, pointer: &str) -> String {
    let parts = segments(pointer);
    let Some(key) = parts.last() else {
        return "the definition".to_owned();
    };
    if key.parse::<usize>().is_ok() {
        let list = parts
            .get(parts.len().wrapping_sub(2))
            .map_or("", String::as_str);
        return match list {
            "sections" => "a section".to_owned(),
            "questions" => "a question".to_owned(),
            "options" => "an option".to_owned(),
            "bands" => "a band".to_owned(),
            "themes" => "a theme".to_owned(),
            "fields" => "a plan field".to_owned(),
            other => format!("an item of `{other}`"),
        };
    }
    if parts.len() >= 2 && parts[parts.len() - 2] == "scales" && parts.len() == 2 {
        return format!("the scale `{key}`");
    }
    match key.as_str() {
        "answer" => match document
            .pointer(pointer)
            .and_then(|a| a.get("type"))
            .and_then(Value::as_str)
        {
            Some(kind) => format!("a `{kind}` answer"),
            None => "an answer".to_owned(),
        },
        "shows_when" => "a condition (`shows_when`)".to_owned(),
        other => format!("`{other}`"),
    }
}

// ---------------------------------------------------------------------------------------------
// Invalid JSON
// ---------------------------------------------------------------------------------------------

fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
    let raw = error.to_string();
    let reason = raw.split(" at line ").next().unwrap_or(&raw);
    let (mut line, mut column) = (error.line().max(1), error.column());
    // The byte the reader stopped at.
    let line_start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let offset = (line_start + column.saturating_sub(1)).min(text.len());
    // serde_json puts a mistake found at a line break at column 0 of the next line; it belongs
    // at the end of the line before.
    if column == 0 && line > 1 {
        line -= 1;
        column = text
            .split('\n')
            .nth(line - 1)
            .map_or(1, |l| l.trim_end_matches('\r').chars().count());
    }
    let before = text[..floor_char_boundary(text, offset)].trim_end();
    let previous_line = before.matches('\n').count() + 1;
    let here = text[floor_char_boundary(text, offset)..].chars().next();
    let context = Outline::of(text, Some(offset));
    let mut place = context
        .open
        .iter()
        .rev()
        .find(|open| open.opener != '"')
        .map(|open| place_for(&open.pointer, &|at| context.ids.get(at).cloned()))
        .unwrap_or_default();
    place.pointer = String::new();
    place.line = Some(line);
    place.column = Some(column);

    let (message, fix) = if error.is_eof() {
        place.column = None;
        eof_explanation(text, &Outline::of(text, None))
    } else {
        let curly = matches!(
            here,
            Some('\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}')
        );
        let (what, fix) = if curly {
            curly_quotes()
        } else if here == Some('\'') {
            (
                "there is a single quote (') where JSON needs a double quote".to_owned(),
                "write field names and text in double quotes (\"), not single quotes".to_owned(),
            )
        } else {
            explain_syntax(reason, previous_line)
        };
        (format!("the file is not valid JSON: {what}"), fix)
    };
    Problem {
        place,
        message,
        fix,
    }
}

fn curly_quotes() -> (String, String) {
    (
        "there is a curly quote (“ ” or ‘ ’) where JSON needs a straight double quote".to_owned(),
        "replace the curly quotes with straight double quotes (\"); word processors change \
         them, so edit the file in a plain text editor"
            .to_owned(),
    )
}

/// What serde_json's `reason` means, and the fix; `previous_line` is the last line with
/// anything on it before the point where reading stopped.
fn explain_syntax(reason: &str, previous_line: usize) -> (String, String) {
    let (what, fix): (&str, String) = match reason {
        "expected `,` or `}`" | "expected `,` or `]`" => {
            let (item, closer, holder) = if reason.ends_with("`}`") {
                ("field", "}", "object { … }")
            } else {
                ("item", "]", "list [ … ]")
            };
            return (
                format!("a comma (or a closing {closer}) is missing before this point"),
                format!(
                    "add a comma at the end of line {previous_line}, after the {item} that ends \
                     there; if that was the last {item} of its {holder}, add the missing \
                     {closer} instead"
                ),
            );
        }
        "trailing comma" => (
            "there is a comma after the last item of a list or object",
            format!("remove the comma at the end of line {previous_line}"),
        ),
        "key must be a string" => (
            "a field name is not in double quotes, or a comma is followed by nothing",
            "put the field name in double quotes, for example \"title\": \"…\", or remove a \
             comma just before a }"
                .to_owned(),
        ),
        "expected `:`" => (
            "a field name is not followed by a colon",
            "write a colon between the field name and its value, for example \"title\": \"…\""
                .to_owned(),
        ),
        "expected value" => (
            "a value is missing or is not written as JSON",
            "write the value as text in double quotes, a number, true, false, a list [ … ] or \
             an object { … }"
                .to_owned(),
        ),
        "expected ident" => (
            "a word is not recognised",
            "put text in double quotes; write true, false and null in lower case without quotes"
                .to_owned(),
        ),
        "trailing characters" => (
            "there is more text after the end of the definition",
            "remove everything after the closing } of the definition".to_owned(),
        ),
        "invalid escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape" => (
            "text contains a backslash that is not a valid escape",
            "write \\\\ for a backslash and \\n for a line break".to_owned(),
        ),
        "invalid number" | "number out of range" => (
            "a number is not written correctly",
            "write a plain whole number, for example 3".to_owned(),
        ),
        "recursion limit exceeded" => (
            "lists and objects are nested too deeply",
            "check that every { and [ is closed where it should be".to_owned(),
        ),
        other if other.starts_with("control character") => (
            "text in double quotes contains a line break or a tab",
            "keep each piece of text on one line; write \\n for a line break".to_owned(),
        ),
        other => {
            return (
                other.to_owned(),
                "check for a missing or extra comma, quote or bracket at or just before this point"
                    .to_owned(),
            )
        }
    };
    (what.to_owned(), fix)
}

/// The largest char boundary at or before `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Explains a file that ends too early, naming what is still open.
fn eof_explanation(text: &str, outline: &Outline) -> (String, String) {
    if text.trim().is_empty() {
        return (
            "the file is empty".to_owned(),
            "write the definition, starting from a copy of a bundled one".to_owned(),
        );
    }
    let brackets = outline.open.iter().filter(|o| o.opener != '"').count();
    let innermost = outline.open.last();
    let message =
        match innermost {
            Some(open) if open.opener == '"' => format!(
                "the file ends inside text: the double quote on line {} is never closed",
                open.line
            ),
            Some(open) => {
                format!(
            "the file ends too early: {brackets} {} still open, the last one the {} on line {}",
            if brackets == 1 { "bracket is" } else { "brackets are" },
            open.opener,
            open.line
        )
            }
            None => "the file ends too early".to_owned(),
        };
    (
        message,
        "if the file was cut short, restore the missing end from a saved copy; otherwise close every { with } and every [ with ], and every text with a double quote".to_owned(),
    )
}

// ---------------------------------------------------------------------------------------------
// Parsing into the types, reporting every problem
// ---------------------------------------------------------------------------------------------

/// The most parse problems one run reports, and the most attempts made.
const MAX_ATTEMPTS: usize = 200;

/// A parse error from serde, read into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fault {
    UnknownField { field: String, allowed: Vec<String> },
    UnknownVariant { value: String, allowed: Vec<String> },
    MissingField { field: String },
    WrongType { found: String, expected: String },
    WrongValue { found: String, expected: String },
    Other(String),
}

impl Fault {
    fn read(message: &str) -> Self {
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
struct Repair<'a> {
    /// The document as written.
    original: Value,
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
    read_with_primary(primary_of(document), || {
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
    fn new(document: Value, outline: &'a Outline) -> Self {
        Self {
            original: document.clone(),
            document,
            outline,
            kept: BTreeMap::new(),
            planted: BTreeSet::new(),
        }
    }

    fn parse_all(&mut self) -> Result<Definition, Vec<Problem>> {
        let mut problems = Vec::new();
        for _ in 0..MAX_ATTEMPTS {
            let failure = match attempt(&self.document) {
                Ok(definition) if problems.is_empty() => return Ok(definition),
                Ok(_) => return Err(problems),
                Err(failure) => failure,
            };
            let fault = Fault::read(&failure.message);
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
                place: Place::default(),
                message: "reading stopped early, so there may be more problems than those listed"
                    .to_owned(),
                fix: "fix the problems listed and check the file again".to_owned(),
            });
        }
        if problems.is_empty() {
            problems.push(Problem {
                place: Place::default(),
                message: "the definition could not be read".to_owned(),
                fix: "check it against schema.json in an editor that understands JSON Schema"
                    .to_owned(),
            });
        }
        Err(problems)
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

/// The value serde describes as `found` ("integer `3`", "string \"x\"", "map").
fn described(found: &str) -> Option<Value> {
    let inner = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('`').to_owned())
    };
    if let Some(number) = inner("integer ").or_else(|| inner("floating point ")) {
        return serde_json::from_str::<Value>(&number).ok();
    }
    if let Some(text) = found.strip_prefix("string ") {
        return serde_json::from_str::<String>(text).ok().map(Value::String);
    }
    if let Some(boolean) = inner("boolean ") {
        return Some(Value::Bool(boolean == "true"));
    }
    match found {
        "map" => Some(Value::Object(Map::new())),
        "sequence" => Some(Value::Array(Vec::new())),
        "null" | "unit value" => Some(Value::Null),
        _ => None,
    }
}

/// A value of the expected type, to stand in for a wrong one.
fn placeholder(expected: &str) -> Option<Value> {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => Some(Value::from(1)),
        "a string" => Some(Value::String(String::new())),
        "a sequence" => Some(Value::Array(Vec::new())),
        "a boolean" => Some(Value::Bool(false)),
        // A word from a fixed list: the next attempt asks for one of the allowed words.
        "string or map" => Some(Value::String(String::new())),
        "a map" => Some(Value::Object(Map::new())),
        other if other.starts_with("struct ") || other.starts_with("internally tagged") => {
            Some(Value::Object(Map::new()))
        }
        _ => None,
    }
}

fn expected_in_words(expected: &str) -> String {
    match expected {
        "u8" => "a whole number from 0 to 255".to_owned(),
        "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".to_owned(),
        "a string" => "text in double quotes".to_owned(),
        "a sequence" => "a list in square brackets [ … ]".to_owned(),
        "a boolean" => "true or false".to_owned(),
        other
            if other.starts_with("struct ")
                || other.starts_with("internally tagged enum")
                || other == "a map" =>
        {
            "an object in curly brackets { … }".to_owned()
        }
        other if other.contains("variant") => "one of the words this field accepts".to_owned(),
        other => other.to_owned(),
    }
}

fn found_in_words(found: &str) -> String {
    if let Some(Value::String(text)) = described(found) {
        return format!("the text \"{text}\"");
    }
    match described(found) {
        Some(Value::Number(number)) => format!("the number {number}"),
        Some(Value::Bool(boolean)) => boolean.to_string(),
        Some(Value::Object(_)) => "an object { … }".to_owned(),
        Some(Value::Array(_)) => "a list [ … ]".to_owned(),
        Some(Value::Null) => "null".to_owned(),
        _ => found.to_owned(),
    }
}

fn type_fix(found: &str, expected: &str, expected_words: &str) -> String {
    let found_value = described(found);
    let is_number = matches!(expected, "u8" | "u16" | "u32" | "u64" | "usize");
    match found_value {
        Some(Value::String(text)) if is_number && text.trim().parse::<u64>().is_ok() => {
            format!(
                "remove the double quotes: write {} rather than \"{text}\"",
                text.trim()
            )
        }
        Some(Value::String(text)) if expected == "a boolean" => {
            match text.trim().to_lowercase().as_str() {
                "true" | "yes" | "y" => {
                    format!("write true, without quotes, rather than \"{text}\"")
                }
                "false" | "no" | "n" => {
                    format!("write false, without quotes, rather than \"{text}\"")
                }
                _ => "write true or false, without quotes".to_owned(),
            }
        }
        Some(Value::String(text)) if expected == "a sequence" => {
            format!("put it in a list: [\"{text}\"]")
        }
        Some(Value::Number(number)) if expected == "a string" => {
            format!("put it in double quotes: \"{number}\"")
        }
        Some(Value::Number(number)) if is_number && number.as_f64().is_some_and(|n| n < 0.0) => {
            format!("write {expected_words}")
        }
        Some(Value::Number(number)) if is_number && number.is_f64() => {
            format!("write {expected_words}, without a decimal point")
        }
        _ => format!("write {expected_words} here"),
    }
}

/// What the schema says about a field: the first sentence of its description, in lower case
/// (for example "the heading" for a section's `title`), and the values it allows when it is one
/// of a fixed list of words. The schema is generated from the types' own documentation, so this
/// never drifts from them.
#[derive(Debug, Default, PartialEq, Eq)]
struct FieldDoc {
    description: Option<String>,
    values: Vec<String>,
}

fn field_doc(document: &Value, pointer: &str) -> FieldDoc {
    let schema = super::schema::checked_in();
    let mut node = Some(schema);
    let mut at = String::new();
    for segment in segments(pointer) {
        node = node
            .and_then(|n| resolve_schema(schema, n, document.pointer(&at)))
            .and_then(|n| {
                if let Some(property) = n.get("properties").and_then(|p| p.get(&segment)) {
                    Some(property)
                } else if let (Ok(_), Some(items)) = (segment.parse::<usize>(), n.get("items")) {
                    Some(items)
                } else {
                    n.get("additionalProperties").filter(|v| v.is_object())
                }
            });
        at = join(&at, &segment);
    }
    let Some(node) = node.filter(|_| !pointer.is_empty()) else {
        return FieldDoc::default();
    };
    let resolved = resolve_schema(schema, node, document.pointer(pointer));
    let description = node
        .get("description")
        .or_else(|| resolved?.get("description"))
        .and_then(Value::as_str)
        .and_then(|text| {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let sentence = text.split(". ").next()?.trim_end_matches('.').to_owned();
            let mut chars = sentence.chars();
            let first = chars.next()?;
            Some(first.to_lowercase().chain(chars).collect())
        });
    let values = resolved
        .and_then(|n| n.get("oneOf"))
        .and_then(Value::as_array)
        .map(|branches| {
            branches
                .iter()
                .filter_map(|b| b.get("const").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    FieldDoc {
        description,
        values,
    }
}

/// Follows `$ref`s, and picks the branch of a `oneOf` or `anyOf` that fits `value` (by its
/// `"type"` for answers; the branch that is not `null` for optional fields). A `oneOf` of fixed
/// words (an enum) is returned as it is.
pub(super) fn resolve_schema<'s>(
    schema: &'s Value,
    node: &'s Value,
    value: Option<&Value>,
) -> Option<&'s Value> {
    let mut node = node;
    for _ in 0..8 {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            node = schema.pointer(reference.strip_prefix('#')?)?;
            continue;
        }
        let branches = node
            .get("oneOf")
            .or_else(|| node.get("anyOf"))
            .and_then(Value::as_array);
        let Some(branches) = branches else {
            return Some(node);
        };
        if branches.iter().all(|b| b.get("const").is_some()) {
            return Some(node);
        }
        let kind = value.and_then(|v| v.get("type")).and_then(Value::as_str);
        node = branches
            .iter()
            .find(|b| {
                kind.is_some()
                    && b.pointer("/properties/type/const").and_then(Value::as_str) == kind
            })
            .or_else(|| {
                branches
                    .iter()
                    .find(|b| b.get("type") != Some(&Value::from("null")))
            })?;
    }
    Some(node)
}

/// The answer types authors may write, as serde lists them.
fn answer_types() -> Vec<String> {
    let probe = serde_json::json!({ "type": "\u{1}" });
    match serde_json::from_value::<AnswerKind>(probe) {
        Err(error) => match Fault::read(&error.to_string()) {
            Fault::UnknownVariant { allowed, .. } => allowed,
            _ => Vec::new(),
        },
        Ok(_) => Vec::new(),
    }
}

/// The allowed name closest to `written`, when one is close enough to be a slip.
fn closest<'n>(written: &str, allowed: &'n [String]) -> Option<&'n str> {
    allowed
        .iter()
        .map(|name| (edit_distance(&written.to_lowercase(), name), name))
        .min_by_key(|(distance, _)| *distance)
        .filter(|(distance, _)| *distance <= 1.max(written.chars().count() / 3))
        .map(|(_, name)| name.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(current)
            };
            previous = current;
        }
    }
    row[b.len()]
}

/// The problem for a field written twice in one object.
fn repeated_key_problem(document: &Value, outline: &Outline, repeat: &Repeat) -> Problem {
    let mut place = place_in(document, outline, &repeat.pointer);
    place.line = Some(repeat.line);
    let name = last(&repeat.pointer).unwrap_or_default();
    let message = if parent(&repeat.pointer) == "/scales" {
        format!("the scale `{name}` is defined twice")
    } else {
        format!(
            "the field `{name}` is written twice in {}",
            object_name(document, parent(&repeat.pointer))
        )
    };
    Problem {
        place,
        message,
        fix: format!(
            "keep only one of them (the other is on line {}); JSON keeps just the last one",
            repeat.first_line
        ),
    }
}

#[cfg(test)]
mod tests {
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
}
