//! Parse problems in words: serde's names for types and values ("integer `3`", "map") as an
//! author reads them, the fix for a value of the wrong type, and the allowed name nearest a slip.

use serde_json::{Map, Value};

use super::repair::Fault;
use crate::definition::AnswerKind;

/// The value serde describes as `found` ("integer `3`", "string \"x\"", "map").
pub(super) fn described(found: &str) -> Option<Value> {
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
pub(super) fn placeholder(expected: &str) -> Option<Value> {
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

pub(super) fn expected_in_words(expected: &str) -> String {
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

pub(super) fn found_in_words(found: &str) -> String {
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

pub(super) fn type_fix(found: &str, expected: &str, expected_words: &str) -> String {
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

/// The answer types authors may write, as serde lists them.
pub(super) fn answer_types() -> Vec<String> {
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
pub(super) fn closest<'n>(written: &str, allowed: &'n [String]) -> Option<&'n str> {
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
