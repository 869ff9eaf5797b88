//! Breaking text into lines that fit a width, measured with the font's advance widths.
//!
//! Owns: line breaking. Lines break at spaces; a word wider than the whole line breaks after a
//! hyphen or slash if it can, otherwise between characters, so no text is ever lost or drawn
//! past its column. Line breaks in the text are kept; runs of blank lines become one.
//! Must not touch: pages, positions or fonts' files.

use super::font::Face;

/// Whether a line may break at `c` (which is then dropped). A no-break space may not.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Breaks `text` into lines no wider than `width` points when set in `face` at `size` points.
/// Text that is empty or only spaces gives no lines.
///
/// A line that ends where a space or a line break was keeps one space at its end (it takes no
/// room on the page), so that text pulled out of the PDF, by a screen reader, a copy or a
/// search, has a space between the last word of a line and the first of the next.
pub(crate) fn wrap(face: &Face, size: f32, width: f32, text: &str) -> Vec<String> {
    let mut lines = break_lines(face, size, width, text);
    let last = lines.len().saturating_sub(1);
    for (line, ends_at_space) in &mut lines[..last] {
        if *ends_at_space && !line.is_empty() {
            line.push(' ');
        }
    }
    lines.into_iter().map(|(line, _)| line).collect()
}

/// The lines, each with whether it ends where a space or line break was.
fn break_lines(face: &Face, size: f32, width: f32, text: &str) -> Vec<(String, bool)> {
    let space = face.width(" ", size);
    let mut lines: Vec<(String, bool)> = Vec::new();
    for hard_line in text.split('\n') {
        let mut current = String::new();
        let mut current_width = 0.0;
        for word in hard_line.split(is_break_space).filter(|w| !w.is_empty()) {
            let word_width = face.width(word, size);
            if !current.is_empty() && current_width + space + word_width <= width {
                current.push(' ');
                current.push_str(word);
                current_width += space + word_width;
                continue;
            }
            if !current.is_empty() {
                lines.push((std::mem::take(&mut current), true));
            }
            if word_width <= width {
                current = word.to_string();
                current_width = word_width;
            } else {
                let mut pieces = break_word(face, size, width, word);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces.into_iter().map(|p| (p, false)));
                current_width = face.width(&last, size);
                current = last;
            }
        }
        if current.is_empty() {
            // A blank line: keep one between paragraphs, none at the start.
            if lines.last().is_some_and(|(l, _)| !l.is_empty()) {
                lines.push((String::new(), true));
            }
        } else {
            lines.push((current, true));
        }
    }
    while lines.last().is_some_and(|(l, _)| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Breaks one word wider than `width` into pieces that fit, after a hyphen or slash where it
/// can and between characters where it must. Every piece has at least one character.
fn break_word(face: &Face, size: f32, width: f32, word: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        // The longest prefix that fits (at least one character).
        let mut fit_end = 0;
        let mut used = 0.0;
        let mut soft_end = None;
        for (i, c) in rest.char_indices() {
            let w = face.width(c.encode_utf8(&mut [0; 4]), size);
            if fit_end > 0 && used + w > width {
                break;
            }
            used += w;
            fit_end = i + c.len_utf8();
            if matches!(c, '-' | '/' | '\u{2010}' | '\u{2013}' | '_') && fit_end < rest.len() {
                soft_end = Some(fit_end);
            }
        }
        let end = if fit_end == rest.len() {
            fit_end
        } else {
            soft_end.unwrap_or(fit_end)
        };
        pieces.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::Fonts;

    fn fonts() -> Fonts {
        Fonts::load().expect("fonts")
    }

    fn words(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let fonts = fonts();
        let text = "Supervision happens at least monthly, is recorded, and covers reflective \
                    practice, caseload, wellbeing and the Approved Mental Health Professional role. \
                    Ŵyn a ŷd — “quoted” words… and £5.";
        for width in [60.0, 120.0, 200.0, 481.0] {
            let lines = wrap(&fonts.regular, 11.0, width, text);
            for line in &lines {
                let w = fonts.regular.width(line.trim_end(), 11.0);
                assert!(w <= width + 0.01, "{line:?} is {w} wide, more than {width}");
            }
            if width >= 120.0 {
                assert_eq!(words(&lines.join(" ")), words(text), "width {width}");
            } else {
                // Words wider than the column break between characters: nothing is lost.
                assert_eq!(words(&lines.concat()).concat(), words(text).concat());
            }
        }
    }

    #[test]
    fn a_line_is_filled_before_breaking() {
        let fonts = fonts();
        let lines = wrap(&fonts.regular, 11.0, 1000.0, "one two three");
        assert_eq!(lines, ["one two three"]);
        let width = fonts.regular.width("one two", 11.0) + 0.5;
        let lines = wrap(&fonts.regular, 11.0, width, "one two three");
        assert_eq!(lines, ["one two ", "three"]);
    }

    #[test]
    fn long_words_break_after_a_hyphen_or_between_characters() {
        let fonts = fonts();
        let width = fonts.regular.width("self-assessment-", 11.0) + 1.0;
        let lines = wrap(
            &fonts.regular,
            11.0,
            width,
            "self-assessment-and-improvement",
        );
        assert_eq!(lines[0], "self-assessment-");
        assert_eq!(lines.concat(), "self-assessment-and-improvement");
        let url = "https://example.org/".to_string() + &"x".repeat(200);
        let lines = wrap(&fonts.regular, 11.0, 100.0, &url);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), url);
        for line in &lines {
            assert!(fonts.regular.width(line, 11.0) <= 100.0);
        }
    }

    #[test]
    fn a_column_too_narrow_for_one_character_still_loses_nothing() {
        let fonts = fonts();
        let lines = wrap(&fonts.regular, 11.0, 1.0, "abc");
        assert_eq!(lines, ["a", "b", "c"]);
    }

    #[test]
    fn line_breaks_are_kept_and_blank_runs_collapse() {
        let fonts = fonts();
        let lines = wrap(
            &fonts.regular,
            11.0,
            400.0,
            "\n\nfirst\nsecond\n\n\n\nthird\n\n",
        );
        assert_eq!(lines, ["first ", "second ", "", "third"]);
        assert!(wrap(&fonts.regular, 11.0, 400.0, "  \n ").is_empty());
    }

    #[test]
    fn a_no_break_space_holds_words_together() {
        let fonts = fonts();
        let width = fonts.regular.width("aaaa 12\u{A0}weeks", 11.0) - 1.0;
        let lines = wrap(&fonts.regular, 11.0, width, "aaaa 12\u{A0}weeks");
        assert_eq!(lines, ["aaaa ", "12\u{A0}weeks"]);
    }
}
