//! Invalid JSON: the one problem for text that is not JSON, placed where the reader gave up and
//! explained in words (a missing comma, curly quotes, a file cut short).

use super::outline::Outline;
use super::place::place_for;
use crate::definition::validate::{Problem, Rule};

pub(super) fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
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
        rule: Rule::J1,
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
