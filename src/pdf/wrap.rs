//! Breaking text into lines that fit a width, measured with the font's advance widths.
//!
//! Owns: line breaking, and the measures a table needs to size its columns by the words they
//! hold ([`widest_piece`], [`natural_width`]). The rules:
//!
//! - W1 A line breaks only at a space, or after a hyphen or slash inside a word (not one that
//!   starts the word or is followed by another; see [`pieces`]). Each line is filled with as
//!   many pieces as fit before it breaks.
//! - W2 Only a piece wider than the whole line is broken between letters, and each break is
//!   marked with a hyphen at the end of the line; so no text is ever lost or drawn past its
//!   column, and no word is cut without a mark.
//! - W3 Line breaks in the text are kept; runs of blank lines become one.
//!
//! Must not touch: pages, positions or fonts' files.

use super::font::Face;

/// The mark at the end of a line where a word too wide for the whole line was broken.
const BREAK_MARK: &str = "-";

/// Whether a line may break at `c` (which is then dropped). A no-break space may not.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Whether a line may break after `c` inside a word: a hyphen, a dash or a slash.
fn breaks_after(c: char) -> bool {
    matches!(c, '-' | '/' | '\u{2010}' | '\u{2013}' | '\u{2014}')
}

/// The words of one line of text, in order (split at break spaces).
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(is_break_space).filter(|w| !w.is_empty())
}

/// The pieces of `word` a line may break between (W1): after a hyphen or slash that is not
/// the word's first character and is followed by something other than another hyphen or
/// slash ("lived-" "experience", "and/" "or"; "-5" and "a--b" stay whole at their start).
fn pieces(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut chars = rest.char_indices().peekable();
        let mut end = rest.len();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if i > 0 && breaks_after(c) && next.is_some_and(|n| !breaks_after(n)) {
                end = i + c.len_utf8();
                break;
            }
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// The width of the widest piece of `text` (see [`pieces`]) at `size` points: the narrowest a
/// column can be without breaking a word between letters.
pub(crate) fn widest_piece(face: &Face, size: f32, text: &str) -> f32 {
    text.split('\n')
        .flat_map(words)
        .flat_map(pieces)
        .map(|p| face.width(p, size))
        .fold(0.0, f32::max)
}

/// The width of the widest line of `text` set without any breaks but its own line breaks,
/// spaces between words counted once: the most a column needs.
pub(crate) fn natural_width(face: &Face, size: f32, text: &str) -> f32 {
    let space = face.width(" ", size);
    text.split('\n')
        .map(|line| {
            let (n, sum) = words(line).fold((0usize, 0.0), |(n, sum), w| {
                (n + 1, sum + face.width(w, size))
            });
            sum + space * n.saturating_sub(1) as f32
        })
        .fold(0.0, f32::max)
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
        for word in words(hard_line) {
            for (k, piece) in pieces(word).enumerate() {
                // A word's first piece is joined to the line by a space, later ones directly.
                let (joint, joint_width) = if k == 0 { (" ", space) } else { ("", 0.0) };
                let piece_width = face.width(piece, size);
                if !current.is_empty() && current_width + joint_width + piece_width <= width {
                    current.push_str(joint);
                    current.push_str(piece);
                    current_width += joint_width + piece_width;
                    continue;
                }
                if !current.is_empty() {
                    lines.push((std::mem::take(&mut current), k == 0));
                }
                if piece_width <= width {
                    current = piece.to_string();
                    current_width = piece_width;
                } else {
                    let mut parts = hyphenate(face, size, width, piece);
                    let last = parts.pop().unwrap_or_default();
                    lines.extend(parts.into_iter().map(|p| (p, false)));
                    current_width = face.width(&last, size);
                    current = last;
                }
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

/// Breaks one piece wider than `width` between letters (W2): every part but the last ends with
/// [`BREAK_MARK`] and, with it, fits; every part has at least one letter, so a column too
/// narrow for one letter still loses nothing.
fn hyphenate(face: &Face, size: f32, width: f32, piece: &str) -> Vec<String> {
    let mark = face.width(BREAK_MARK, size);
    let mut parts = Vec::new();
    let mut rest = piece;
    while face.width(rest, size) > width {
        let mut end = 0;
        let mut used = mark;
        for (i, c) in rest.char_indices() {
            let w = face.width(c.encode_utf8(&mut [0; 4]), size);
            if end > 0 && used + w > width {
                break;
            }
            used += w;
            end = i + c.len_utf8();
        }
        if end == rest.len() {
            break;
        }
        parts.push(format!("{}{BREAK_MARK}", &rest[..end]));
        rest = &rest[end..];
    }
    parts.push(rest.to_string());
    parts
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
                // Words wider than the column break between letters, marked: nothing is lost.
                assert_eq!(words(&unmarked(&lines)).concat(), words(text).concat());
                assert!(lines.iter().any(|l| l.ends_with('-')), "{lines:?}");
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
    fn long_words_break_after_a_hyphen_or_between_marked_letters() {
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
        assert_eq!(lines[0], "https://");
        assert_eq!(unmarked(&lines), url);
        for line in &lines {
            assert!(fonts.regular.width(line, 11.0) <= 100.0);
        }
    }

    #[test]
    fn a_column_too_narrow_for_one_character_still_loses_nothing() {
        let fonts = fonts();
        let lines = wrap(&fonts.regular, 11.0, 1.0, "abc");
        assert_eq!(lines, ["a-", "b-", "c"]);
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

    /// The text of `lines` with the hyphens that mark a broken word taken out, for words that
    /// have no hyphen of their own.
    fn unmarked(lines: &[String]) -> String {
        lines
            .iter()
            .map(|l| l.strip_suffix('-').unwrap_or(l))
            .collect()
    }

    #[test]
    fn words_break_only_at_spaces_hyphens_and_slashes() {
        let fonts = fonts();
        let text = "Raised from Partners Target date Success measure Review date \
                    31 December 2027 15 September 2026 NHS trust; lived-experience panel \
                    and/or carers Ngŵyl Nhŵr y Dŵr Nhŷ’r ŷd";
        let widest = ["September", "experience", "December", "Partners"]
            .iter()
            .map(|w| fonts.bold.width(w, 10.0))
            .fold(0.0, f32::max);
        for width in [widest + 0.5, widest + 20.0, 120.0, 200.0, 481.0] {
            for face in [&fonts.regular, &fonts.bold] {
                let lines = wrap(face, 10.0, width, text);
                for line in &lines {
                    assert!(
                        face.width(line.trim_end(), 10.0) <= width + 0.01,
                        "{line:?}"
                    );
                }
                // Nothing added or lost: the lines joined give the text back, with a line
                // that ends at a space keeping it, and one that ends after a hyphen or
                // slash joining the next directly.
                assert_eq!(lines.concat(), text, "width {width}");
                for line in &lines[..lines.len() - 1] {
                    assert!(
                        line.ends_with(' ') || line.ends_with('-') || line.ends_with('/'),
                        "{line:?} ends inside a word (width {width})"
                    );
                }
            }
        }
    }

    #[test]
    fn a_line_breaks_after_a_hyphen_or_slash_when_the_rest_does_not_fit() {
        let fonts = fonts();
        let face = &fonts.regular;
        let width = face.width("NHS trust; lived-", 10.0) + 1.0;
        let lines = wrap(face, 10.0, width, "NHS trust; lived-experience");
        assert_eq!(lines, ["NHS trust; lived-", "experience"]);
        let width = face.width("Welsh and/", 10.0) + 1.0;
        let lines = wrap(face, 10.0, width, "Welsh and/or English");
        assert_eq!(lines, ["Welsh and/", "or English"]);
        // A hyphen that starts a word, or the first of a pair, is no place to break.
        let width = face.width("b--", 10.0) + 0.5;
        let lines = wrap(face, 10.0, width, "a -5 b--c");
        assert_eq!(lines, ["a ", "-5 ", "b--", "c"]);
    }

    #[test]
    fn a_heading_that_fits_word_by_word_keeps_its_words_whole() {
        let fonts = fonts();
        let width = fonts.bold.width("Target", 10.0) + 0.5;
        let lines = wrap(&fonts.bold, 10.0, width, "Target date");
        assert_eq!(lines, ["Target ", "date"]);
        let width = fonts.regular.width("December", 10.0) + 0.5;
        let lines = wrap(&fonts.regular, 10.0, width, "31 December 2027");
        assert_eq!(lines, ["31 ", "December ", "2027"]);
    }

    #[test]
    fn only_a_word_wider_than_the_whole_cell_is_hyphenated_and_the_break_marked() {
        let fonts = fonts();
        let face = &fonts.regular;
        let word = "Llanfairpwllgwyngyllgogerychwyrndrobwll";
        let text = format!("Ngŵyl {word} ŷd");
        let width = face.width("Ngŵyl ŷd", 10.0);
        let lines = wrap(face, 10.0, width, &text);
        // The short words stay whole, each on its own line around the long one.
        assert_eq!(lines.first().map(String::as_str), Some("Ngŵyl "));
        assert!(lines.last().is_some_and(|l| l.ends_with("ŷd")), "{lines:?}");
        let broken = &lines[1..lines.len() - 1];
        assert!(broken.len() >= 2, "{lines:?}");
        for line in &broken[..broken.len() - 1] {
            assert!(line.ends_with('-'), "an unmarked break: {line:?}");
            assert!(face.width(line, 10.0) <= width + 0.01, "{line:?}");
        }
        assert_eq!(unmarked(&lines), text);
        // Welsh letters are letters like any other.
        let word = "ŵŷ".repeat(9);
        let width = face.width("ŵŷŵŷ-", 10.0) + 0.1;
        let lines = wrap(face, 10.0, width, &word);
        assert_eq!(lines, ["ŵŷŵŷ-", "ŵŷŵŷ-", "ŵŷŵŷ-", "ŵŷŵŷ-", "ŵŷ"]);
    }

    #[test]
    fn a_columns_measures_come_from_its_pieces_and_lines() {
        let fonts = fonts();
        let face = &fonts.regular;
        let text = "NHS trust; lived-experience panel\nand/or carers";
        assert_eq!(
            widest_piece(face, 10.0, text),
            face.width("experience", 10.0)
        );
        assert_eq!(
            natural_width(face, 10.0, "a  b\nNHS trust; lived-experience panel"),
            face.width("NHS trust; lived-experience panel", 10.0)
        );
        assert_eq!(widest_piece(face, 10.0, "  "), 0.0);
    }

    #[test]
    fn a_no_break_space_holds_words_together() {
        let fonts = fonts();
        let width = fonts.regular.width("aaaa 12\u{A0}weeks", 11.0) - 1.0;
        let lines = wrap(&fonts.regular, 11.0, width, "aaaa 12\u{A0}weeks");
        assert_eq!(lines, ["aaaa ", "12\u{A0}weeks"]);
    }
}
