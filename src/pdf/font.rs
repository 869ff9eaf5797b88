//! The embedded fonts, their advance widths, and the cleaning of text before it is set.
//!
//! Owns: the two DejaVu Sans subsets in `assets/fonts/` (made by `scripts/subset-fonts.sh`),
//! the Noto faces for other scripts ([`Script`]: their bytes are handed in by the caller, so
//! the PDF worker fetches one only for a report that has its script), which face draws each
//! character (DejaVu first, then the script's face),
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

/// Which face a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FaceId {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// The Noto face of a script (regular only: bold text in these scripts is set in it too).
    /// Lines are laid out in `Regular` or `Bold`; runs of a script's letters are given this
    /// face only when the pages are finished (`runs`).
    Script(Script),
}

/// A writing system DejaVu Sans lacks, with the Noto face (SIL Open Font Licence) that draws
/// it. The faces are cut to their script's Unicode blocks by `scripts/subset-noto.sh`.
///
/// Bengali, Gurmukhi and Devanagari are drawn without complex shaping: letters in the order
/// they were typed, without conjuncts or reordered vowel signs (that needs a full shaper).
/// Arabic-script text is joined and set right to left (`runs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Script {
    /// Arabic, Urdu, Persian and others: Noto Naskh Arabic.
    Arabic,
    /// Bengali (Bangla) and Assamese: Noto Sans Bengali.
    Bengali,
    /// Hindi, Marathi, Nepali and others: Noto Sans Devanagari.
    Devanagari,
    /// Punjabi: Noto Sans Gurmukhi.
    Gurmukhi,
}

impl Script {
    /// Every script with a face.
    pub const ALL: [Script; 4] = [
        Script::Arabic,
        Script::Bengali,
        Script::Devanagari,
        Script::Gurmukhi,
    ];

    /// The face's file name, in `assets/fonts/` (and the built app's `pdf/fonts/`).
    pub fn file_name(self) -> &'static str {
        match self {
            Script::Arabic => "NotoNaskhArabic-subset.ttf",
            Script::Bengali => "NotoSansBengali-subset.ttf",
            Script::Devanagari => "NotoSansDevanagari-subset.ttf",
            Script::Gurmukhi => "NotoSansGurmukhi-subset.ttf",
        }
    }

    /// The script `c` belongs to, when it is one of these.
    pub fn of(c: char) -> Option<Script> {
        Some(match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
            '\u{0900}'..='\u{097F}' => Script::Devanagari,
            '\u{0980}'..='\u{09FF}' => Script::Bengali,
            '\u{0A00}'..='\u{0A7F}' => Script::Gurmukhi,
            _ => return None,
        })
    }

    /// The scripts `text` uses, each once, in [`Script::ALL`]'s order.
    pub fn all_in(text: &str) -> Vec<Script> {
        let mut found = [false; 4];
        for script in text.chars().filter_map(Script::of) {
            found[script as usize] = true;
        }
        Script::ALL
            .into_iter()
            .filter(|&s| found[s as usize])
            .collect()
    }

    /// The PostScript name written into the PDF, with a subset tag.
    fn postscript_name(self) -> &'static str {
        match self {
            Script::Arabic => "MHSWAR+NotoNaskhArabic",
            Script::Bengali => "MHSWBN+NotoSansBengali",
            Script::Devanagari => "MHSWDV+NotoSansDevanagari",
            Script::Gurmukhi => "MHSWGU+NotoSansGurmukhi",
        }
    }
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

    /// Whether this font itself has a glyph for `c` (not one borrowed from a script's face).
    pub(crate) fn draws(&self, c: char) -> bool {
        self.parsed
            .lookup_glyph_index(u32::from(c))
            .is_some_and(|g| g != 0)
    }

    /// The advance of `c` in em, or `None` when neither the font nor a script's face that
    /// stands in for it ([`Fonts::load_with`]) has a glyph for it.
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

/// The faces a report is set in: DejaVu Sans and its bold, and the script faces handed in.
pub(crate) struct Fonts {
    /// DejaVu Sans.
    pub(crate) regular: Face,
    /// DejaVu Sans Bold.
    pub(crate) bold: Face,
    /// The faces of other scripts, for the characters DejaVu lacks.
    scripts: Vec<(Script, Face)>,
}

impl Fonts {
    /// Parses the embedded fonts.
    #[cfg(test)]
    pub(crate) fn load() -> Result<Self, PdfError> {
        Self::load_with(&[])
    }

    /// Parses the embedded fonts and the script faces in `scripts`. Each script face's widths
    /// stand in for the characters DejaVu lacks (in both DejaVu faces), so text is measured
    /// and wrapped as one; which face draws each run is decided when the pages are finished.
    pub(crate) fn load_with(scripts: &[(Script, &[u8])]) -> Result<Self, PdfError> {
        let mut fonts = Self {
            regular: Face::load(REGULAR_TTF, "MHSWRG+DejaVuSans")?,
            bold: Face::load(BOLD_TTF, "MHSWBD+DejaVuSans-Bold")?,
            scripts: Vec::new(),
        };
        for &(script, bytes) in scripts {
            let face = Face::load(bytes, script.postscript_name())?;
            for base in [&mut fonts.regular, &mut fonts.bold] {
                for (&c, &advance) in &face.other {
                    if Script::of(c) == Some(script) && !base.other.contains_key(&c) {
                        base.other.insert(c, advance);
                    }
                }
            }
            fonts.scripts.push((script, face));
        }
        Ok(fonts)
    }

    /// The face for `id` (DejaVu Sans for a script whose face was not handed in, which
    /// [`Fonts::face_for`] never gives).
    pub(crate) fn face(&self, id: FaceId) -> &Face {
        match id {
            FaceId::Regular => &self.regular,
            FaceId::Bold => &self.bold,
            FaceId::Script(script) => self
                .scripts
                .iter()
                .find(|(s, _)| *s == script)
                .map_or(&self.regular, |(_, face)| face),
        }
    }

    /// The face that draws `c` in a line set in `base`: DejaVu when it has the glyph, else
    /// the script's face when it was handed in and has it, else `base` (which then draws
    /// U+FFFD; cleaned text never asks).
    pub(crate) fn face_for(&self, base: FaceId, c: char) -> FaceId {
        if self.face(base).draws(c) {
            return base;
        }
        Script::of(c)
            .filter(|&script| {
                self.scripts
                    .iter()
                    .any(|(s, face)| *s == script && face.draws(c))
            })
            .map_or(base, FaceId::Script)
    }

    /// Whether both faces (with the script faces standing in) can show `c`.
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
