//! The embedded fonts, their advance widths, and the cleaning of text before it is set.
//!
//! Owns: the two DejaVu Sans subsets in `assets/fonts/` (made by `scripts/subset-fonts.sh`),
//! measuring text with the fonts' own advance widths, turning any string into one the fonts
//! can show (decomposed accents are composed, tabs become spaces, and every character the font
//! lacks becomes U+FFFD, a visible replacement glyph, and is counted), and cutting a face down
//! to the glyphs one document uses before it is embedded ([`Face::for_embedding`]).
//! Must not touch: layout, pages or PDF objects.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::ParsedFont;

use super::compose_table::COMPOSE;
use super::subset;
use super::PdfError;

/// DejaVu Sans, subset to Latin-1, Latin Extended-A and typographic punctuation.
const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf");
/// DejaVu Sans Bold, the same subset.
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf");

/// The character drawn in place of one the font lacks.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// Which of the two faces a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FaceId {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One font face: the parsed font (handed to printpdf to embed) and its advance widths.
pub(crate) struct Face {
    /// The parsed font, embedded whole (it is already a subset).
    pub(crate) parsed: ParsedFont,
    /// Advance widths in em for U+0000 to U+017F, the characters almost all text uses.
    common: Vec<Option<f32>>,
    /// Advance widths in em for the other characters the font has.
    other: BTreeMap<char, f32>,
}

/// How many characters [`Face::common`] covers.
const COMMON: usize = 0x180;

impl Face {
    /// Parses `bytes`; `name` is the PostScript name written into the PDF, with a subset tag
    /// (the font is a subset, made by `scripts/subset-fonts.sh`).
    fn load(bytes: &[u8], name: &str) -> Result<Self, PdfError> {
        let mut warnings = Vec::new();
        let mut parsed =
            ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| PdfError::Font {
                face: name.to_string(),
            })?;
        parsed.font_name = Some(name.to_string());
        let units = f32::from(parsed.units_per_em.max(1));
        let mut common = vec![None; COMMON];
        let mut other = BTreeMap::new();
        for (&codepoint, &glyph) in &parsed.codepoint_to_glyph {
            let Some(c) = char::from_u32(codepoint) else {
                continue;
            };
            let advance = f32::from(parsed.get_glyph_width(glyph).unwrap_or(0)) / units;
            match common.get_mut(codepoint as usize) {
                Some(slot) => *slot = Some(advance),
                None => {
                    other.insert(c, advance);
                }
            }
        }
        Ok(Self {
            parsed,
            common,
            other,
        })
    }

    /// The face to embed in a document whose text (in this face) uses `chars`: the font cut
    /// down to their glyphs (and `.notdef`, and the parts of accented letters), renumbered in
    /// order, with the full font's outlines, advance widths and character mapping for each, so
    /// the pages look and read exactly the same. The fonts are already a subset of DejaVu Sans;
    /// this takes a full audit's two faces from 46 KB to about 13 KB. Should the cut fail (it
    /// has not, for these fonts), the whole face is embedded instead: larger, never wrong.
    pub(crate) fn for_embedding(&self, chars: &BTreeSet<char>) -> ParsedFont {
        self.cut_to(chars).unwrap_or_else(|| self.parsed.clone())
    }

    /// [`Face::for_embedding`], or `None` if the font cannot be cut ([`subset::cut`]).
    fn cut_to(&self, chars: &BTreeSet<char>) -> Option<ParsedFont> {
        let full = &self.parsed;
        let mapped: Vec<(char, u16)> = chars
            .iter()
            .filter_map(|&c| Some((c, full.lookup_glyph_index(u32::from(c))?)))
            .filter(|&(_, gid)| gid != 0)
            .collect();
        let glyphs: BTreeSet<u16> = mapped.iter().map(|&(_, gid)| gid).collect();
        let glyphs: Vec<u16> = glyphs.into_iter().collect();
        let cut = subset::cut(&full.original_bytes, &glyphs, &mapped)?;
        let mut embedded = full.clone();
        embedded.codepoint_to_glyph = mapped
            .iter()
            .filter_map(|&(c, old)| Some((u32::from(c), *cut.new_id.get(&old)?)))
            .collect();
        embedded.glyph_widths = cut
            .new_id
            .iter()
            .filter_map(|(old, &new)| Some((new, full.get_glyph_width(*old)?)))
            .collect();
        embedded.original_bytes = cut.bytes;
        Some(embedded)
    }

    /// The advance of `c` in em, or `None` when the font has no glyph for it.
    pub(crate) fn advance(&self, c: char) -> Option<f32> {
        match self.common.get(c as usize) {
            Some(advance) => *advance,
            None => self.other.get(&c).copied(),
        }
    }

    /// The width of `text` at `size` points. Characters outside the font (there are none once
    /// text is [cleaned](Fonts::clean)) count as the replacement glyph.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let fallback = self.advance(REPLACEMENT).unwrap_or(1.0);
        text.chars()
            .map(|c| self.advance(c).unwrap_or(fallback))
            .sum::<f32>()
            * size
    }
}

/// The two faces every report is set in.
pub(crate) struct Fonts {
    /// DejaVu Sans.
    pub(crate) regular: Face,
    /// DejaVu Sans Bold.
    pub(crate) bold: Face,
}

impl Fonts {
    /// Parses the embedded fonts.
    pub(crate) fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: Face::load(REGULAR_TTF, "MHSWRG+DejaVuSans")?,
            bold: Face::load(BOLD_TTF, "MHSWBD+DejaVuSans-Bold")?,
        })
    }

    /// The face for `id`.
    pub(crate) fn face(&self, id: FaceId) -> &Face {
        match id {
            FaceId::Regular => &self.regular,
            FaceId::Bold => &self.bold,
        }
    }

    /// Whether both faces can show `c`.
    fn has(&self, c: char) -> bool {
        self.regular.advance(c).is_some() && self.bold.advance(c).is_some()
    }

    /// Makes `text` settable: composes base letter + combining accent where the font has the
    /// precomposed letter, turns CR LF and CR into LF and tabs into spaces, and replaces every
    /// other character the fonts lack with U+FFFD, adding one to `replaced` for each. An emoji
    /// sequence (joiners, variation selectors, skin tones) counts and shows as one replacement.
    pub(crate) fn clean(&self, text: &str, replaced: &mut usize) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        // True while the characters that follow belong to the sequence just replaced.
        let mut in_replaced_sequence = false;
        while let Some(c) = chars.next() {
            if in_replaced_sequence {
                if is_sequence_continuation(c) {
                    if c == '\u{200D}' {
                        // A joiner glues the next character into the same sequence.
                        chars.next();
                    }
                    continue;
                }
                in_replaced_sequence = false;
            }
            match c {
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                }
                '\n' => out.push('\n'),
                '\t' => out.push(' '),
                _ if is_combining(c) => match compose(out.chars().last(), c) {
                    Some(composed) => {
                        out.pop();
                        out.push(composed);
                    }
                    None => {
                        *replaced += 1;
                        out.push(REPLACEMENT);
                    }
                },
                _ if !c.is_control() && self.has(c) => out.push(c),
                _ => {
                    *replaced += 1;
                    out.push(REPLACEMENT);
                    in_replaced_sequence = true;
                }
            }
        }
        out
    }
}

/// Whether `c` is a combining diacritical mark (U+0300 to U+036F).
fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether `c` continues an emoji sequence: a zero-width joiner, a variation selector, a skin
/// tone modifier or a tag character.
fn is_sequence_continuation(c: char) -> bool {
    matches!(c,
        '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
        | '\u{20E3}')
}

/// The precomposed letter for `base` followed by the combining `mark`, when the font has one.
fn compose(base: Option<char>, mark: char) -> Option<char> {
    let base = base?;
    COMPOSE
        .binary_search_by(|&(b, m, _)| (b, m).cmp(&(base, mark)))
        .ok()
        .map(|i| COMPOSE[i].2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("the embedded fonts parse")
    }

    #[test]
    fn welsh_and_typographic_characters_are_in_both_faces() {
        let fonts = fonts();
        for c in "ŵŷŴŶâêîôûŵŷ‘’“”–—…£•€äëïöüÿ".chars() {
            assert!(fonts.has(c), "{c} (U+{:04X}) is missing", c as u32);
        }
    }

    #[test]
    fn widths_come_from_the_font() {
        let fonts = fonts();
        let narrow = fonts.regular.width("iiii", 10.0);
        let wide = fonts.regular.width("WWWW", 10.0);
        assert!(
            narrow < wide / 2.0,
            "i is narrower than W: {narrow} vs {wide}"
        );
        assert!(fonts.bold.width("Audit", 11.0) > fonts.regular.width("Audit", 11.0));
        // DejaVu Sans's space is 651/2048 em.
        assert!((fonts.regular.width(" ", 2048.0) - 651.0).abs() < 0.5);
    }

    #[test]
    fn characters_outside_the_font_are_replaced_and_counted() {
        let fonts = fonts();
        let mut replaced = 0;
        let out = fonts.clean("Tîm 👍🏽 da 漢字 ok", &mut replaced);
        assert_eq!(out, "Tîm \u{FFFD} da \u{FFFD}\u{FFFD} ok");
        assert_eq!(replaced, 3);
    }

    #[test]
    fn an_emoji_sequence_counts_once() {
        let fonts = fonts();
        let mut replaced = 0;
        let out = fonts.clean("a👩\u{200D}👩\u{200D}👧b❤\u{FE0F}c", &mut replaced);
        assert_eq!(out, "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(replaced, 2);
    }

    #[test]
    fn decomposed_accents_are_composed() {
        let fonts = fonts();
        let mut replaced = 0;
        let out = fonts.clean("Gw\u{0302}yr a\u{0308} y\u{0302}", &mut replaced);
        assert_eq!(out, "Gŵyr ä ŷ");
        assert_eq!(replaced, 0);
        let out = fonts.clean("q\u{0302}", &mut replaced);
        assert_eq!(out, "q\u{FFFD}");
        assert_eq!(replaced, 1);
    }

    #[test]
    fn a_face_cut_for_embedding_keeps_each_used_glyph_and_its_width() {
        let fonts = fonts();
        let chars: BTreeSet<char> = "Gŵyl ŷd, Nhŵr y Dŵr: 12% £5 – “quoted” \u{FFFD}"
            .chars()
            .collect();
        for face in [&fonts.regular, &fonts.bold] {
            let cut = face.for_embedding(&chars);
            assert!(
                cut.original_bytes.len() * 3 < face.parsed.original_bytes.len(),
                "{} bytes cut from {}",
                cut.original_bytes.len(),
                face.parsed.original_bytes.len()
            );
            // Glyphs are renumbered from 1 in the order of the full font's, each with its
            // width; the cut font itself parses and maps each character the same way.
            let mut warnings = Vec::new();
            let reparsed =
                ParsedFont::from_bytes(&cut.original_bytes, 0, &mut warnings).expect("parses");
            for &c in &chars {
                let old = face
                    .parsed
                    .lookup_glyph_index(u32::from(c))
                    .expect("in font");
                let new = cut.lookup_glyph_index(u32::from(c)).expect("kept");
                assert!(new > 0 && usize::from(new) <= chars.len(), "{c}: {new}");
                assert_eq!(reparsed.lookup_glyph_index(u32::from(c)), Some(new), "{c}");
                assert_eq!(
                    cut.get_glyph_width(new),
                    face.parsed.get_glyph_width(old),
                    "{c}"
                );
                assert_eq!(reparsed.get_glyph_width(new), cut.get_glyph_width(new));
            }
            assert_eq!(cut.lookup_glyph_index(u32::from('Q')), None);
        }
    }

    #[test]
    fn line_ends_and_tabs_are_normalised() {
        let fonts = fonts();
        let mut replaced = 0;
        let out = fonts.clean("a\r\nb\rc\td\u{7}", &mut replaced);
        assert_eq!(out, "a\nb\nc d\u{FFFD}");
        assert_eq!(replaced, 1);
    }
}
