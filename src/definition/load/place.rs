//! Places: which section, question and field a JSON Pointer is in, named as an author reads them
//! (a section's id, or `number 2` when it has none).

use serde_json::Value;

use super::outline::Outline;
use super::pointer::{join, segments};
use crate::definition::validate::Place;

/// The section, question and field that `pointer` names, using `id_of` to name list items.
pub(super) fn place_for(pointer: &str, id_of: &dyn Fn(&str) -> Option<String>) -> Place {
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
pub(super) fn number(index: &str) -> String {
    format!("number {}", index.parse::<usize>().map_or(0, |i| i + 1))
}

/// The name of a list item in a document: its `id`, `value` or `field`.
pub(in crate::definition) fn item_name(document: &Value, pointer: &str) -> Option<String> {
    let item = document.pointer(pointer)?;
    ["id", "value", "field"]
        .iter()
        .find_map(|key| item.get(key).and_then(Value::as_str))
        .map(str::to_owned)
}

/// The place of a pointer into a parsed document.
pub(super) fn place_in(document: &Value, outline: &Outline, pointer: &str) -> Place {
    let mut place = place_for(pointer, &|at| item_name(document, at));
    place.line = outline.line_of(pointer);
    place
}

/// What kind of thing the object at `pointer` is, in words ("a question", "a `yes_no` answer").
pub(super) fn object_name(document: &Value, pointer: &str) -> String {
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
