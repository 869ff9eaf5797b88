//! How deep, how long and how shaped anything a person or a file gives the toolkit may be.
//!
//! Owns: the nesting limit checked before any JSON is parsed, the length of every text a person
//! types or a file carries, and the alphabet of work and response ids (they appear in the app's
//! addresses, `#/work/<id>`). Each limit is one constant here, used by the loaders on import and
//! by the app's inputs, so the two cannot drift apart.
//! Must not touch: parsing itself (the loaders call [`check_depth`] first) or the browser.
//!
//! Rules:
//!
//! - **L1** JSON nested deeper than [`MAX_DEPTH`] is refused before it is parsed, by a byte scan
//!   that counts brackets outside strings: time and memory grow with the file's length, never
//!   with the square of its depth, and no parser recursion can overflow the stack.
//! - **L2** work and response ids are 1 to [`MAX_ID_CHARS`] ASCII letters, digits, `-` or `_`
//!   (the app makes lower-case hex; older files and other tools may use the rest).
//! - **L3** names and other one-line texts hold at most [`NAME_MAX_CHARS`] characters, evidence
//!   and comments [`NOTE_MAX_CHARS`], plan fields [`PLAN_FIELD_MAX_CHARS`], and a definition's
//!   suggested action for a question [`SUGGESTED_ACTION_MAX_CHARS`]. Lengths are counted in
//!   characters (Unicode scalar values), as a browser's `maxlength` nearly does.

use std::fmt;

/// The deepest nesting of `{ … }` and `[ … ]` accepted in a definition, work file, backup or peer
/// reference set. The deepest real file (the schema) nests 8 levels, a backup about 10.
pub const MAX_DEPTH: usize = 64;

/// The longest work or response id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// The longest name or other one-line text (a work's name, organisation, participants, whose
/// practice a collection is about): a long title fits, a pasted document does not.
pub const NAME_MAX_CHARS: usize = 200;

/// The longest evidence or comment on one item: about 1,500 words, more than a page of A4, which
/// is as much as a report can show beside one item.
pub const NOTE_MAX_CHARS: usize = 10_000;

/// The longest field of a plan row (action, lead, partners, success measure): a plan row is read
/// in a table cell, so about 300 words.
pub const PLAN_FIELD_MAX_CHARS: usize = 2_000;

/// The longest suggested action a definition gives a question: one first step, which a
/// proposed plan row starts with and people then make their own. Well within
/// [`PLAN_FIELD_MAX_CHARS`], so the row it fills can always be saved.
pub const SUGGESTED_ACTION_MAX_CHARS: usize = 200;

const _: () = assert!(SUGGESTED_ACTION_MAX_CHARS <= PLAN_FIELD_MAX_CHARS);

/// JSON nested deeper than [`MAX_DEPTH`] (L1), found before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// The line of the bracket that went past the limit, from 1.
    pub line: usize,
    /// Its column, in characters from 1.
    pub column: usize,
}

impl TooDeep {
    /// What is wrong, in words, without the place.
    pub fn message(&self) -> String {
        format!("the file nests brackets {{ … }} or [ … ] more than {MAX_DEPTH} levels deep")
    }

    /// How to fix it.
    pub fn fix(&self) -> String {
        format!(
            "no file of the toolkit nests that deep: look for brackets opened and never closed \
             up to line {}, or choose the file as the toolkit wrote it",
            self.line
        )
    }
}

impl fmt::Display for TooDeep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message(),
            self.line,
            self.column
        )
    }
}

/// Checks that `text` nests no deeper than [`MAX_DEPTH`] (L1), counting `{` and `[` outside JSON
/// strings. One pass over the bytes; it does not check that the JSON is otherwise valid.
pub fn check_depth(text: &str) -> Result<(), TooDeep> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(located(text, offset));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn located(text: &str, offset: usize) -> TooDeep {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    TooDeep {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Whether `id` may be a work or response id (L2).
pub fn is_valid_record_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Explains why `id` is not a valid work or response id (L2), or `None` when it is.
pub fn id_problem(id: &str) -> Option<String> {
    if is_valid_record_id(id) {
        return None;
    }
    Some(if id.is_empty() {
        "the id is empty".to_owned()
    } else if id.chars().count() > MAX_ID_CHARS {
        format!("the id is {} characters long", id.chars().count())
    } else {
        let shown: String = id.chars().take(MAX_ID_CHARS).collect();
        format!("the id “{shown}” has characters other than letters, digits, - and _")
    })
}

/// The rule for ids, in words, for a message's fix.
pub const ID_RULE: &str =
    "an id is 1 to 64 letters (A to Z), digits, hyphens (-) or underscores (_)";

/// Explains why `text`, the field `field`, is over `limit` characters (L3), or `None`.
pub fn length_problem(field: &str, text: &str, limit: usize) -> Option<String> {
    let length = text.chars().count();
    (length > limit).then(|| {
        format!(
            "{field} is {} characters long, over the limit of {}",
            thousands(length),
            thousands(limit)
        )
    })
}

/// What an input shows under a text with a limit (L3): how many characters are left, or by how
/// many the text is over, so a pasted text that is too long is kept and the person shortens it.
pub fn characters_left(text: &str, limit: usize) -> String {
    let length = text.chars().count();
    if length <= limit {
        let left = limit - length;
        format!(
            "You have {} {} left",
            thousands(left),
            if left == 1 { "character" } else { "characters" }
        )
    } else {
        let over = length - limit;
        format!(
            "You have {} {} too many: shorten it to {} or fewer. Until then it is not saved",
            thousands(over),
            if over == 1 { "character" } else { "characters" },
            thousands(limit)
        )
    }
}

/// [`characters_left`] in `lang`. The Welsh counts "1 nod" and otherwise "{n} o nodau", the
/// form that reads correctly after any figure.
pub fn characters_left_in(lang: crate::lang::Lang, text: &str, limit: usize) -> String {
    if lang == crate::lang::Lang::En {
        return characters_left(text, limit);
    }
    let length = text.chars().count();
    if length <= limit {
        format!("Mae gennych {} ar ôl", nodau(limit - length))
    } else {
        format!(
            "Mae gennych {} yn ormod: byrhewch y testun i {} neu lai. Ni chaiff ei gadw tan hynny",
            nodau(length - limit),
            nodau(limit)
        )
    }
}

/// [`limit_announcement`] in `lang`.
pub fn limit_announcement_in(lang: crate::lang::Lang, over: bool, limit: usize) -> String {
    if lang == crate::lang::Lang::En {
        return limit_announcement(over, limit);
    }
    if over {
        format!(
            "Mae’r testun dros y terfyn o {}, felly ni chaiff ei gadw nes iddo gael ei fyrhau.",
            nodau(limit)
        )
    } else {
        format!("Mae’r testun o fewn y terfyn o {} eto.", nodau(limit))
    }
}

/// A count of characters in Welsh: "1 nod", "10,000 o nodau".
fn nodau(n: usize) -> String {
    if n == 1 {
        "1 nod".to_owned()
    } else {
        format!("{} o nodau", thousands(n))
    }
}

/// What screen readers hear when a text goes over its limit (`over`), or comes back within it
/// (L3): said once at each crossing, where the count on screen changes at every key press.
pub fn limit_announcement(over: bool, limit: usize) -> String {
    if over {
        format!(
            "The text is over the limit of {} characters, so it is not saved until it is shortened.",
            thousands(limit)
        )
    } else {
        format!(
            "The text is within the limit of {} characters again.",
            thousands(limit)
        )
    }
}

/// What a form says when `what` (for example "the name") is over `limit` characters (L3).
pub fn shorten_message(what: &str, limit: usize) -> String {
    format!("Shorten {what} to {} characters or fewer", thousands(limit))
}

/// Whether `text` fits within `limit` characters.
pub fn fits(text: &str, limit: usize) -> bool {
    text.chars().count() <= limit
}

/// A whole number with thousands separated by commas, as people write them.
fn thousands(n: usize) -> String {
    crate::report::grouped(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_said_in_welsh_too() {
        use crate::lang::Lang;
        assert_eq!(
            characters_left_in(Lang::Cy, "ab", 3),
            "Mae gennych 1 nod ar ôl"
        );
        assert_eq!(
            characters_left_in(Lang::Cy, "", 10_000),
            "Mae gennych 10,000 o nodau ar ôl"
        );
        assert_eq!(
            characters_left_in(Lang::Cy, "abcd", 2),
            "Mae gennych 2 o nodau yn ormod: byrhewch y testun i 2 o nodau neu lai. Ni chaiff ei gadw tan hynny"
        );
        assert_eq!(
            characters_left_in(Lang::En, "ab", 3),
            characters_left("ab", 3)
        );
        assert!(limit_announcement_in(Lang::Cy, true, 200).contains("dros y terfyn o 200 o nodau"));
        assert_eq!(
            limit_announcement_in(Lang::En, false, 5),
            limit_announcement(false, 5)
        );
    }

    fn nested(depth: usize) -> String {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn l1_nesting_up_to_the_limit_passes() {
        assert_eq!(check_depth(&nested(MAX_DEPTH)), Ok(()));
        assert_eq!(check_depth(r#"{"a": [1, {"b": "[[[[{{{{"}]}"#), Ok(()));
    }

    #[test]
    fn l1_nesting_past_the_limit_is_refused_where_it_goes_past() {
        let error = check_depth(&format!("{{\n  \"a\": {}", nested(40_000))).unwrap_err();
        // The brace is level 1, so the 64th `[` (after 7 characters of line 2) is level 65.
        assert_eq!(
            error,
            TooDeep {
                line: 2,
                column: 71
            }
        );
        assert!(error.message().contains("more than 64 levels deep"));
    }

    #[test]
    fn l1_brackets_inside_strings_and_after_escaped_quotes_do_not_count() {
        let inside = format!(r#"{{"text": "\"{}"}}"#, "[".repeat(1000));
        assert_eq!(check_depth(&inside), Ok(()));
    }

    #[test]
    fn l2_record_ids() {
        assert!(is_valid_record_id("3f9a0c"));
        assert!(is_valid_record_id("North_team-2026"));
        for bad in ["", "a/b/c", "a b#c?d", "é", &"a".repeat(65)] {
            assert!(!is_valid_record_id(bad), "{bad:?}");
            assert!(id_problem(bad).is_some());
        }
        assert_eq!(id_problem("abc"), None);
    }

    #[test]
    fn l3_lengths_are_counted_in_characters() {
        assert_eq!(length_problem("the name", &"é".repeat(200), 200), None);
        assert_eq!(
            length_problem("the name", &"é".repeat(1_201), 200).as_deref(),
            Some("the name is 1,201 characters long, over the limit of 200")
        );
        assert_eq!(characters_left("abc", 200), "You have 197 characters left");
        assert_eq!(
            limit_announcement(true, 2_000),
            "The text is over the limit of 2,000 characters, so it is not saved until it is shortened."
        );
        assert_eq!(
            limit_announcement(false, 200),
            "The text is within the limit of 200 characters again."
        );
        assert_eq!(
            characters_left(&"x".repeat(10_001), 10_000),
            "You have 1 character too many: shorten it to 10,000 or fewer. Until then it is not saved"
        );
    }
}
