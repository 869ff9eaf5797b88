//! Right-to-left text in its visual order: a small part of the Unicode Bidirectional
//! Algorithm, enough for one line of Arabic-script text with numbers and Latin words in it.
//!
//! Owns: reordering one line. The line's direction is that of its first strong letter; Arabic
//! letters are right to left; Latin words and numbers keep their left-to-right order inside
//! (digits after Arabic letters count as Arabic numbers, W2); spaces and punctuation take the
//! direction of the letters around them when both sides agree, else the line's (N1, N2);
//! levels are then reversed from the highest (L2), with brackets mirrored in right-to-left
//! runs. Not handled: explicit embeddings and isolates (U+202A–U+2069), which are left as
//! they are, and a paragraph's direction carried over from the line before. The full
//! algorithm (the `unicode-bidi` crate) would cost the PDF worker more than its size budget
//! allows for this.
//! Must not touch: letter forms (`arabic`), or which face draws what.

use super::font::Script;

/// A character's direction for reordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A left-to-right letter.
    L,
    /// A right-to-left letter (Arabic script).
    R,
    /// A European digit.
    En,
    /// An Arabic-Indic digit.
    An,
    /// Anything else: spaces, punctuation, symbols.
    N,
}

/// A character's class. Unicode's tables are not used (they would weigh more than the rest
/// of this module): Arabic script is right to left but for its punctuation; spaces,
/// punctuation and symbols are neutral; everything else is a left-to-right letter.
fn class(c: char) -> Class {
    match c {
        '0'..='9' | '\u{06F0}'..='\u{06F9}' => Class::En,
        '\u{0660}'..='\u{0669}' => Class::An,
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' => Class::N,
        c if Script::of(c) == Some(Script::Arabic) => Class::R,
        '\0'..='/' | ':'..='@' | '['..='`' | '{'..='\u{BF}' | '\u{D7}' | '\u{F7}' => Class::N,
        '\u{2000}'..='\u{2BFF}' | '\u{FFFD}' => Class::N,
        _ => Class::L,
    }
}

/// Whether `text` has right-to-left letters or Arabic digits.
pub(crate) fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(class(c), Class::R | Class::An))
}

/// Whether `line` reads right to left: its first strong letter is Arabic script.
pub(crate) fn is_rtl(line: &str) -> bool {
    line.chars()
        .map(class)
        .find(|c| matches!(c, Class::L | Class::R))
        .is_some_and(|c| c == Class::R)
}

/// `line` (in typed order) in the order it is drawn, left to right. Trailing spaces stay at
/// the end.
pub(crate) fn visual(line: &str) -> String {
    let body = line.trim_end();
    let chars: Vec<char> = body.chars().collect();
    let mut classes: Vec<Class> = chars.iter().map(|&c| class(c)).collect();
    let rtl = is_rtl(body);
    let base = if rtl { Class::R } else { Class::L };
    // W2, W7: a European digit after Arabic letters is an Arabic number; after Latin ones
    // (or at the start of a left-to-right line), Latin.
    let mut strong = base;
    for class in &mut classes {
        match *class {
            Class::L | Class::R => strong = *class,
            Class::En if strong == Class::R => *class = Class::An,
            Class::En if strong == Class::L => *class = Class::L,
            _ => {}
        }
    }
    // Numbers count as right to left when neutrals look for their neighbours (N1).
    let side = |c: Class| match c {
        Class::L => Some(Class::L),
        Class::R | Class::An | Class::En => Some(Class::R),
        Class::N => None,
    };
    let mut levels = vec![0u8; chars.len()];
    for i in 0..chars.len() {
        let direction = match classes[i] {
            Class::N => {
                let before = classes[..i].iter().rev().find_map(|&c| side(c));
                let after = classes[i + 1..].iter().find_map(|&c| side(c));
                match (before.unwrap_or(base), after.unwrap_or(base)) {
                    (a, b) if a == b => a,
                    _ => base,
                }
            }
            other => other,
        };
        // I1, I2.
        levels[i] = match (rtl, direction) {
            (false, Class::L) => 0,
            (false, Class::R) => 1,
            (false, _) => 2,
            (true, Class::R) => 1,
            (true, _) => 2,
        };
    }
    let mut order: Vec<usize> = (0..chars.len()).collect();
    // L2: from the highest level down to 1, reverse every run at that level or higher.
    for level in (1..=2).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    let mut out: String = order
        .into_iter()
        .map(|i| {
            if levels[i] % 2 == 1 {
                mirror(chars[i])
            } else {
                chars[i]
            }
        })
        .collect();
    out.push_str(&line[body.len()..]);
    out
}

/// The mirror image of a bracket, drawn in a right-to-left run.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_line_is_reversed() {
        assert_eq!(visual("سلام عليكم"), "مكيلع مالس");
    }

    #[test]
    fn numbers_and_latin_words_keep_their_order_inside() {
        // "I am 25 years old" with the number in the middle.
        assert_eq!(visual("عمري 25 سنة"), "ةنس 25 يرمع");
        assert_eq!(visual("في NHS اليوم"), "مويلا NHS يف");
        assert_eq!(visual("رقم ١٢٣"), "١٢٣ مقر");
    }

    #[test]
    fn a_latin_line_with_an_arabic_word_keeps_its_direction() {
        assert_eq!(
            visual("The word سلام means peace."),
            "The word مالس means peace."
        );
    }

    #[test]
    fn brackets_are_mirrored_in_right_to_left_runs() {
        assert_eq!(visual("(نعم)"), "(معن)");
    }

    #[test]
    fn trailing_spaces_stay_at_the_end() {
        assert_eq!(visual("نعم "), "معن ");
        assert!(!has_rtl("Zażółć 123"));
        assert!(has_rtl("x ب"));
    }
}
