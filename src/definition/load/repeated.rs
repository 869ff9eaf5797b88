//! A field written twice in one object: the problem, placed on the second one's line.

use serde_json::Value;

use super::outline::{Outline, Repeat};
use super::place::{object_name, place_in};
use super::pointer::{last, parent};
use crate::definition::validate::{Problem, Rule};

/// The problem for a field written twice in one object.
pub(super) fn repeated_key_problem(
    document: &Value,
    outline: &Outline,
    repeat: &Repeat,
) -> Problem {
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
        rule: Rule::J2,
        place,
        message,
        fix: format!(
            "keep only one of them (the other is on line {}); JSON keeps just the last one",
            repeat.first_line
        ),
    }
}
