//! Text on its way to a terminal: names, titles and messages from files are shown as text, never
//! obeyed as terminal commands.
//!
//! Owns: escaping control characters (C0 and C1, such as ESC, which starts colour and cursor
//! commands, and carriage return, which can overwrite what is on a line) and the Unicode
//! direction overrides (which can make text read differently from what it holds).
//! Must not touch: what the text says, or JSON output (`serde_json` already escapes control
//! characters in strings).

use std::borrow::Cow;

/// True for a character that a terminal could act on rather than show.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One value inside a line (a name, a title, a file name): every control character is shown
/// escaped, line breaks and tabs too, as `\u{1b}`.
pub fn field(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// A message of one or more lines: as [`field`], but line breaks are kept.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_direction_characters_are_shown_not_obeyed() {
        assert_eq!(field("a\u{1b}[2Jb\r\u{9b}c"), "a\\u{1b}[2Jb\\u{d}\\u{9b}c");
        assert_eq!(field("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(field("two\nlines"), "two\\u{a}lines");
        assert_eq!(lines("two\nlines\u{7}"), "two\nlines\\u{7}");
        assert!(matches!(
            field("Gwasanaeth AMHP – ‘iawn’"),
            Cow::Borrowed(_)
        ));
    }
}
