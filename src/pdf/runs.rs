//! Splitting each finished line of text into runs, one per face that draws it.
//!
//! Owns: the last step before drawing. A line is laid out in DejaVu Sans (or its bold), with
//! the script faces' widths standing in for the letters DejaVu lacks ([`Fonts::load_with`]);
//! here each stretch of a script's letters becomes its own text item in that script's face,
//! placed where the line's measure put it, so pages look as they were measured. A line with
//! Arabic-script text first has its letters joined (`arabic`) and is put in visual order
//! (`bidi`); the PDF's text map gives back the letters as typed (`recode`).
//! Bengali, Devanagari and Gurmukhi are drawn without complex shaping: their glyphs in the
//! order typed, with no conjuncts and vowel signs where they were typed (a full shaper
//! would be needed); the text read back from the PDF is still exactly what was written.
//! Must not touch: wrapping, pagination, or the words themselves.

use super::font::{FaceId, Fonts};
use super::layout::{Item, LaidOut};
use super::{arabic, bidi};

/// Splits every text item of `laid` whose characters are not all drawn by its own face.
pub(crate) fn split(laid: &mut LaidOut, fonts: &Fonts) {
    for page in &mut laid.pages {
        let needs = page.items.iter().any(|item| match item {
            Item::Text { text, face, .. } => !text.chars().all(|c| fonts.face(*face).draws(c)),
            _ => false,
        });
        if !needs {
            continue;
        }
        let items = std::mem::take(&mut page.items);
        for item in items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    text,
                    face,
                    size,
                    colour,
                    tag,
                } => {
                    let mut x = x;
                    let rtl = bidi::is_rtl(&text);
                    let text = if bidi::has_rtl(&text) {
                        bidi::visual(&arabic::join(&text))
                    } else {
                        text
                    };
                    let mut line = Vec::new();
                    for (run_face, run) in runs(fonts, face, &text) {
                        let width = fonts.face(face).width(&run, size);
                        line.push(Item::Text {
                            x,
                            baseline,
                            text: run,
                            face: run_face,
                            size,
                            colour,
                            tag,
                        });
                        x += width;
                    }
                    // A right-to-left line's runs are written right to left, so the content
                    // (which screen readers and text extraction follow) is in reading order.
                    if rtl {
                        line.reverse();
                    }
                    page.items.extend(line);
                }
                other => page.items.push(other),
            }
        }
    }
}

/// `text` (set in `base`) as runs of one face each, in order.
fn runs(fonts: &Fonts, base: FaceId, text: &str) -> Vec<(FaceId, String)> {
    let mut out: Vec<(FaceId, String)> = Vec::new();
    for c in text.chars() {
        let face = fonts.face_for(base, c);
        match out.last_mut() {
            Some((last, run)) if *last == face => run.push(c),
            _ => out.push((face, c.to_string())),
        }
    }
    out
}
