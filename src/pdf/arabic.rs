//! Joining Arabic-script letters: each letter takes its isolated, final, initial or medial
//! form from the face's Presentation Forms, and lam followed by alef becomes one ligature.
//!
//! Owns: choosing the form of each letter from its neighbours (transparent marks skipped), and
//! the way back from a form to the letters typed ([`typed`]), which the PDF's text map uses so
//! that copying and searching give the original characters. The forms the face has are in
//! `arabic_table` (made by `scripts/subset-noto.sh`).
//! Must not touch: order on the line (`bidi`), or which face draws what.

use super::arabic_table::{FORMS, LAM_ALEF};

/// Where a form is in a [`FORMS`] entry.
const ISOLATED: usize = 0;
const FINAL: usize = 1;
const INITIAL: usize = 2;
const MEDIAL: usize = 3;

/// `c`'s forms, when it is a letter that has them.
fn forms(c: char) -> Option<&'static [char; 4]> {
    FORMS
        .binary_search_by_key(&c, |&(letter, _)| letter)
        .ok()
        .map(|i| &FORMS[i].1)
}

/// A mark that sits on a letter without breaking the join around it (harakat and the like).
fn is_transparent(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Whether `c` joins the letter after it (dual-joining letters, tatweel, zero-width joiner).
fn joins_after(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{200D}') || forms(c).is_some_and(|f| f[INITIAL] != '\0')
}

/// Whether `c` joins the letter before it.
fn joins_before(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{200D}') || forms(c).is_some_and(|f| f[FINAL] != '\0')
}

/// `text` (in typed order) with each Arabic letter in its joined form.
pub(crate) fn join(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let solid = |i: usize| !is_transparent(chars[i]);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let Some(f) = forms(c) else {
            out.push(c);
            i += 1;
            continue;
        };
        let before = (0..i).rev().find(|&j| solid(j)).map(|j| chars[j]);
        let joined_before = before.is_some_and(joins_after) && joins_before(c);
        if c == '\u{0644}' {
            let alef = chars.get(i + 1).and_then(|&a| {
                LAM_ALEF
                    .binary_search_by_key(&a, |&(alef, _)| alef)
                    .ok()
                    .map(|k| LAM_ALEF[k].1)
            });
            if let Some(ligature) = alef {
                let form = ligature[usize::from(joined_before)];
                out.push(if form == '\0' { ligature[0] } else { form });
                i += 2;
                continue;
            }
        }
        let after = (i + 1..chars.len()).find(|&j| solid(j)).map(|j| chars[j]);
        let joined_after = after.is_some_and(joins_before) && joins_after(c);
        let form = match (joined_before, joined_after) {
            (true, true) => f[MEDIAL],
            (true, false) => f[FINAL],
            (false, true) => f[INITIAL],
            (false, false) => f[ISOLATED],
        };
        out.push(match form {
            '\0' if f[ISOLATED] != '\0' => f[ISOLATED],
            '\0' => c,
            form => form,
        });
        i += 1;
    }
    out
}

/// Whether `c` is one of the Presentation Forms [`join`] writes.
pub(crate) fn is_form(c: char) -> bool {
    ('\u{FB50}'..='\u{FEFF}').contains(&c)
}

/// The letters typed for the form `c` (lam and alef for their ligature), or `c` itself.
pub(crate) fn typed(c: char) -> Vec<char> {
    if !is_form(c) {
        return vec![c];
    }
    if let Some(&(alef, _)) = LAM_ALEF.iter().find(|(_, f)| f.contains(&c)) {
        return vec!['\u{0644}', alef];
    }
    FORMS
        .iter()
        .find(|(_, f)| f.contains(&c))
        .map_or(vec![c], |&(letter, _)| vec![letter])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_take_their_joined_forms() {
        // بيت: beh initial, yeh medial, teh final.
        assert_eq!(join("بيت"), "\u{FE91}\u{FEF4}\u{FE96}");
        // دار: dal, alef and reh join only to the letter before them, so none joins here;
        // in بار alef joins the beh before it.
        assert_eq!(join("دار"), "\u{FEA9}\u{FE8D}\u{FEAD}");
        assert_eq!(join("بار"), "\u{FE91}\u{FE8E}\u{FEAD}");
        // A letter alone, and one before a space, are isolated or final.
        assert_eq!(join("ب ب"), "\u{FE8F} \u{FE8F}");
    }

    #[test]
    fn lam_alef_is_one_ligature() {
        assert_eq!(join("لا"), "\u{FEFB}");
        // After a joining letter it takes its final form: سلام.
        assert_eq!(join("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
    }

    #[test]
    fn marks_do_not_break_a_join() {
        // بَت: the fatha sits between beh and teh.
        assert_eq!(join("ب\u{064E}ت"), "\u{FE91}\u{064E}\u{FE96}");
    }

    #[test]
    fn urdu_letters_join_too() {
        // سے: seen initial, yeh barree final; کی: keheh initial, farsi yeh final.
        assert_eq!(join("سے"), "\u{FEB3}\u{FBAF}");
        assert_eq!(join("کی"), "\u{FB90}\u{FBFD}");
    }

    #[test]
    fn each_form_maps_back_to_what_was_typed() {
        for text in ["بيت سلام", "عملے نے میری بات غور سے سنی", "لا إله"]
        {
            let back: String = join(text).chars().flat_map(typed).collect();
            assert_eq!(back, text);
        }
    }
}
