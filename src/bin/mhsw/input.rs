//! Files in: reading a named file as text the way the app reads a file it is given, and telling
//! a file that is not JSON from JSON of the wrong shape.
//!
//! Owns: the text encoding rules (UTF-8, with or without a byte-order mark; UTF-16, UTF-32 and
//! bytes that are not UTF-8 refused with a message that says so and how to fix it), and the
//! messages for files that are not what a subcommand expects.
//! Must not touch: what makes a definition, a piece of work or a peer set good (the library).

use std::path::Path;

use mhsw::work::{parse_work, Work, WORK_FORMAT};
use serde::Deserialize;

use crate::Failure;

/// Why a file's bytes are not text the toolkit reads.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    /// UTF-16 or UTF-32 (as Windows' "Unicode" save option writes).
    Wide(&'static str),
    /// Bytes that are not UTF-8, such as text saved as Windows-1252 or Latin-1.
    NotUtf8 {
        /// Where the first bad byte is, counted from 1.
        line: usize,
        /// Its column (in characters), counted from 1.
        column: usize,
    },
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const FIX: &str = "Fix: save the file as UTF-8 (in the editor's \"Save as\", choose the encoding UTF-8) and try again";
        match self {
            NotText::Wide(encoding) => write!(
                f,
                "the file is {encoding} text, and the toolkit reads UTF-8 text only. {FIX}"
            ),
            NotText::NotUtf8 { line, column } => write!(
                f,
                "the file is not UTF-8 text (line {line}, column {column} has a byte that is not UTF-8; the file may have been saved as Windows-1252 or Latin-1). {FIX}"
            ),
        }
    }
}

/// Turns a file's bytes into text: UTF-8, with its byte-order mark taken off.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotText> {
    let wide = match bytes.as_slice() {
        [0xff, 0xfe, 0, 0, ..] => Some("UTF-32 (little-endian)"),
        [0, 0, 0xfe, 0xff, ..] => Some("UTF-32 (big-endian)"),
        [0xff, 0xfe, ..] => Some("UTF-16 (little-endian)"),
        [0xfe, 0xff, ..] => Some("UTF-16 (big-endian)"),
        // Without a byte-order mark: JSON starts with an ASCII character, so every other
        // byte being zero gives UTF-16 away.
        [a, 0, ..] if *a != 0 => Some("UTF-16 (little-endian)"),
        [0, b, ..] if *b != 0 => Some("UTF-16 (big-endian)"),
        _ => None,
    };
    if let Some(encoding) = wide {
        return Err(NotText::Wide(encoding));
    }
    let skip = if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    match std::str::from_utf8(&bytes[skip..]) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let before = &bytes[skip..skip + error.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let before = std::str::from_utf8(before).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Err(NotText::NotUtf8 { line, column })
        }
    }
}

/// Reads a file as text, with a message that names it: exit code 2 when it cannot be read,
/// 1 when it is not UTF-8 text.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::usage(format!("{path}: cannot read the file ({e})")))?;
    decode(bytes).map_err(|e| Failure::problems(format!("{path}: {e}")))
}

/// Reads a file found in a folder, or nothing when it cannot be read as text.
pub fn read_quietly(path: &Path) -> Option<String> {
    decode(std::fs::read(path).ok()?).ok()
}

/// Where a JSON syntax error is, or `None` when `text` is JSON (of any shape).
pub fn syntax_error(text: &str) -> Option<serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde::de::IgnoredAny::deserialize(&mut deserializer)
        .and_then(|_| deserializer.end())
        .err()
        .filter(|e| e.is_syntax() || e.is_eof())
}

/// The message for text that is not JSON at all (`text` is what the file holds: a file with
/// nothing in it, or only spaces and blank lines, is called empty, and one that stops before
/// its JSON does is called cut short).
pub fn not_json(path: &str, text: &str, error: &serde_json::Error, fix: &str) -> Failure {
    if text.trim().is_empty() {
        return Failure::problems(format!("{path}: the file is empty. Fix: {fix}"));
    }
    if error.is_eof() {
        let lang = mhsw::lang::Lang::En;
        return Failure::problems(format!(
            "{path}: {}. Fix: {}",
            mhsw::messages::problems::cut_short(lang, error.line()),
            mhsw::messages::problems::fix_copy_again(lang)
        ));
    }
    Failure::problems(format!(
        "{path}: the file is not valid JSON (line {}, column {}: {}). Fix: {fix}",
        error.line(),
        error.column(),
        syntax_reason(error)
    ))
}

/// serde_json's reason without its " at line … column …" tail, which [`not_json`] gives itself.
fn syntax_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// The two fields that say what a file is, of any type, so that a file of the wrong shape is
/// told apart from one that is not JSON.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Reads an exported piece of work, saying plainly when the file is JSON but not a work file.
pub fn work(path: &str, text: &str) -> Result<Work, Failure> {
    const FIX: &str = "choose a file made with \"Export\" in the app";
    // A file nested too deep to read is the library's to refuse, in its own words.
    if mhsw::limits::check_depth(text).is_err() {
        return parse_work(text).map_err(|e| Failure::problems(format!("{path}: {e}")));
    }
    if let Some(error) = syntax_error(text) {
        return Err(not_json(path, text, &error, FIX));
    }
    let wrong = |what: &str| {
        Failure::problems(format!(
            "{path}: the file is JSON, but not a piece of work exported from the app ({what}). Fix: {FIX}"
        ))
    };
    let kind = kind_of(text);
    if kind != "an object" {
        return Err(wrong(&format!("it holds {kind}, not an object {{ … }}")));
    }
    if let Ok(header) = serde_json::from_str::<Header>(text) {
        if header.format.as_ref().and_then(|f| f.as_str()) != Some(WORK_FORMAT) {
            return Err(wrong(&format!("it has no \"format\": \"{WORK_FORMAT}\"")));
        }
        if !header.format_version.as_ref().is_some_and(|v| v.is_u64()) {
            return Err(wrong(
                "its \"format_version\" is missing or not a whole number",
            ));
        }
    }
    parse_work(text).map_err(|e| Failure::problems(format!("{path}: {e}")))
}

/// What the top level of a JSON text is, in words.
pub fn kind_of(text: &str) -> &'static str {
    match text.trim_start().chars().next() {
        Some('[') => "a list [ … ]",
        Some('"') => "text",
        Some('t' | 'f') => "true or false",
        Some('n') => "null",
        Some('{') => "an object",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_is_read() {
        assert_eq!(decode(b"{}".to_vec()).unwrap(), "{}");
        assert_eq!(
            decode(b"\xef\xbb\xbf{\"a\": \"\xc3\xa9\"}".to_vec()).unwrap(),
            "{\"a\": \"é\"}"
        );
    }

    #[test]
    fn wide_encodings_and_other_bytes_are_refused_by_name() {
        assert_eq!(
            decode(b"\xff\xfe{\0}\0".to_vec()),
            Err(NotText::Wide("UTF-16 (little-endian)"))
        );
        assert_eq!(
            decode(b"\xfe\xff\0{\0}".to_vec()),
            Err(NotText::Wide("UTF-16 (big-endian)"))
        );
        assert_eq!(
            decode(b"{\0}\0".to_vec()),
            Err(NotText::Wide("UTF-16 (little-endian)"))
        );
        assert_eq!(
            decode(b"\xff\xfe\0\0{\0\0\0".to_vec()),
            Err(NotText::Wide("UTF-32 (little-endian)"))
        );
        assert_eq!(
            decode(b"{\n  \"name\": \"Caf\xe9\"\n}".to_vec()),
            Err(NotText::NotUtf8 {
                line: 2,
                column: 15
            })
        );
    }

    #[test]
    fn json_of_the_wrong_shape_is_not_a_syntax_error() {
        assert!(syntax_error("[1, 2]").is_none());
        assert!(syntax_error("{\"format\": 5}").is_none());
        assert!(syntax_error("{\"format\": ").is_some());
        assert!(syntax_error("{} x").is_some());
    }
}
