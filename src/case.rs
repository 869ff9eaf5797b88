//! Capital and small letters for the first letter of a phrase, in the alphabets the toolkit
//! writes: English and Welsh, and the Latin letters of names and places.
//!
//! Owns: [`lower_first`] and [`upper_first`], which put a phrase inside a sentence or start one.
//! Must not touch: anything that compares or sorts text (see [`crate::order`]).
//!
//! Why not `char::to_lowercase`: the standard library's case mapping carries Unicode's whole
//! tables (about 28 kB of data in the browser app, both directions), and a part of the app
//! that only ever changes the first letter of a label downloaded them before its first
//! question. The letters here are the basic Latin ones, Latin-1's, Latin Extended-A's (ŵ and ŷ
//! among them) and Latin Extended Additional's (ẁ, ẃ, ẅ and ỳ among them); any other letter is
//! left as it is, which is harmless for a first letter. A test holds each to the standard
//! library's mapping for every letter it covers.

/// `c` as a small letter, where it is a capital this module covers; otherwise `c`.
pub fn lower(c: char) -> char {
    let code = u32::from(c);
    let lowered = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // Latin Extended-A: a capital then its small letter, from Ā to ķ (but for the dotted
        // and dotless i, whose pairs are I and i) and from Ŋ to ŷ; from Ĺ to ň and from Ź to ž
        // the pairs start one later. Ÿ's small letter is in Latin-1.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        // Latin Extended Additional: pairs from Ḁ to ẕ and from Ạ to ỿ.
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if code % 2 == 0 => code + 1,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `c` as a capital, where it is a small letter this module covers; otherwise `c`.
pub fn upper(c: char) -> char {
    let code = u32::from(c);
    let raised = match code {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => code - 0x20,
        0xFF => 0x178,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 if code % 2 == 1 => code - 1,
        0x13A..=0x148 | 0x17A..=0x17E if code % 2 == 0 => code - 1,
        0x1E01..=0x1E95 | 0x1EA1..=0x1EFF if code % 2 == 1 => code - 1,
        _ => code,
    };
    char::from_u32(raised).unwrap_or(c)
}

/// Whether `c` is a small letter this module covers (one [`upper`] changes, or ß).
pub fn is_lower(c: char) -> bool {
    upper(c) != c || c == 'ß'
}

/// The phrase with its first letter small, to go inside a sentence; unless the second letter is
/// not a small letter, so "AMHP cover" and "NHS trusts" keep their capitals.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(is_lower) => {
            std::iter::once(lower(first)).chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// The phrase with its first letter a capital, to start a sentence.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard library's mapping of `c`, where it is one letter.
    fn single(mut mapped: impl Iterator<Item = char>) -> Option<char> {
        let first = mapped.next()?;
        mapped.next().is_none().then_some(first)
    }

    /// The ranges this module covers, and a little either side.
    fn letters() -> impl Iterator<Item = char> {
        (0x20..0x250)
            .chain(0x1DF0..0x1F10)
            .filter_map(char::from_u32)
    }

    #[test]
    fn every_letter_covered_changes_as_the_standard_library_says_or_not_at_all() {
        let mut changed = 0;
        for c in letters() {
            for (ours, theirs, way) in [
                (lower(c), single(c.to_lowercase()), "small"),
                (upper(c), single(c.to_uppercase()), "capital"),
            ] {
                if ours != c {
                    changed += 1;
                    assert_eq!(
                        Some(ours),
                        theirs,
                        "{c:?} ({:#x}) as a {way} letter",
                        u32::from(c)
                    );
                }
            }
        }
        // Basic Latin, Latin-1, Extended-A and Extended Additional, both ways: not a few.
        assert!(changed > 450, "only {changed} mappings");
    }

    #[test]
    fn the_letters_english_and_welsh_use_are_all_covered() {
        for (capital, small) in "ABCDEFGHIJKLMNOPQRSTUVWXYZÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ"
            .chars()
            .zip("abcdefghijklmnopqrstuvwxyzâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ".chars())
        {
            assert_eq!(lower(capital), small);
            assert_eq!(upper(small), capital);
            assert!(is_lower(small) && !is_lower(capital), "{small} {capital}");
        }
    }

    #[test]
    fn is_lower_agrees_with_the_standard_library_where_it_says_yes() {
        for c in letters().filter(|&c| is_lower(c)) {
            assert!(c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn first_letters_change_only_where_they_should() {
        assert_eq!(lower_first("Often"), "often");
        assert_eq!(lower_first("AMHP cover"), "AMHP cover");
        assert_eq!(lower_first("Ŵyr"), "ŵyr");
        assert_eq!(lower_first("É"), "É");
        assert_eq!(lower_first(""), "");
        assert_eq!(upper_first("ŵyr"), "Ŵyr");
        assert_eq!(upper_first("the work"), "The work");
        assert_eq!(upper_first("Ωmega"), "Ωmega");
        assert_eq!(upper_first(""), "");
    }
}
