//! The PDF renderer: turns a [`Report`] into the bytes of a printable, searchable A4 PDF.
//!
//! Owns: the whole path from the neutral report model to PDF bytes, in pure Rust with no clock
//! and no file system, so it runs the same natively (the `mhsw` command line, tests) and in the
//! browser's PDF worker. The stages:
//!
//! 1. `blocks`: each block becomes rows of cells, every string cleaned for the embedded font
//!    (`font`) and wrapped to its column with the font's advance widths (`wrap`).
//! 2. `layout`: the rows flow onto pages (keep-with-next, no orphans or widows, repeated
//!    table headers, rows split only when they must), then every page gets its footer and
//!    "Page x of y".
//! 3. `draw`: printpdf writes the pages and embeds the fonts, each cut to the document's
//!    glyphs (`subset`); what printpdf cannot set (the catalog's `/Lang`, a nested outline,
//!    showing the title) is added through lopdf, and so is the structure tree (`structure`)
//!    that makes the PDF a tagged one: headings, paragraphs, lists and tables in reading
//!    order, with footers and drawings as artifacts. Text is rewritten one byte a glyph
//!    (`recode`), and the file is written by `compact`: the structure tree's thousands of
//!    small objects in object streams of fixed-width rows, stored after a PNG predictor.
//!
//! The look (sizes, spacing, colours, band patterns) lives in `style`.
//! Must not touch: report content or wording (the report builders decide that), browser APIs,
//! files, or the time of day.

mod arabic;
mod arabic_table;
mod bidi;
mod blocks;
mod compact;
mod compose_table;
mod draw;
mod font;
mod layout;
mod recode;
mod runs;
pub mod sample;
mod structure;
mod style;
mod subset;
mod tight;
mod unshown;
mod wrap;

pub use font::Script;
pub use unshown::{summary as unshown_summary, summary_in as unshown_summary_in, Field, Unshown};

use crate::report::Report;

/// A rendered PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOutput {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// How many characters of the report's text the embedded font could not show; each was
    /// drawn as a visible replacement mark (U+FFFD). An emoji sequence counts once.
    pub replaced_characters: usize,
    /// Where those characters are, in reading order (their counts add up to
    /// [`PdfOutput::replaced_characters`]); [`unshown_summary`] says it in a sentence.
    pub unshown: Vec<Unshown>,
}

/// Why a report could not be rendered. These point at a fault in the program, not in the
/// report: any report, however odd its text, renders.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be read.
    #[error(
        "the embedded font {face} could not be read; the program is damaged and needs reinstalling"
    )]
    Font {
        /// Which face.
        face: String,
    },
    /// The PDF could not be assembled or written.
    #[error("the PDF could not be written: {reason}")]
    Write {
        /// What went wrong.
        reason: String,
    },
}

/// Renders `report` as an A4 PDF, portrait or landscape as the report says, in DejaVu Sans
/// alone: [`render_pdf_with`] with no script faces.
pub fn render_pdf(report: &Report) -> Result<PdfOutput, PdfError> {
    render_pdf_with(report, &[])
}

/// Renders `report` as an A4 PDF, with the faces in `scripts` (each a [`Script`] and its
/// font file's bytes, see [`Script::file_name`]) drawing the letters DejaVu Sans lacks.
/// A face must be TrueType or OpenType: printpdf is built here without its WOFF and WOFF 2.0
/// readers (`vendor/printpdf/README.md`), so such a file is not read.
/// [`Script::all_in`] says which a report's text needs.
///
/// Text no face can show (emoji, scripts without a face) is replaced by a visible mark and
/// counted in [`PdfOutput::replaced_characters`], with its places in [`PdfOutput::unshown`];
/// it never fails or panics for that. A script face that cannot be read is an error.
pub fn render_pdf_with(
    report: &Report,
    scripts: &[(Script, &[u8])],
) -> Result<PdfOutput, PdfError> {
    let fonts = font::Fonts::load_with(scripts)?;
    let (laid, tree, replaced, unshown) = lay_out(report, &fonts);
    let (bytes, _warnings) = draw::write_pdf(&laid, &tree, &fonts, &report.meta)?;
    Ok(PdfOutput {
        pages: laid.pages.len(),
        bytes,
        replaced_characters: replaced,
        unshown,
    })
}

/// Lays `report` out; returns the pages, the structure tree, the number of replaced
/// characters and where they are.
fn lay_out(
    report: &Report,
    fonts: &font::Fonts,
) -> (layout::LaidOut, structure::StructTree, usize, Vec<Unshown>) {
    let geometry = style::PageGeometry::a4(report.orientation);
    let builder = blocks::Builder::new(fonts, &geometry);
    let (chunks, tree, replaced, mut tally) = builder.report(report);
    let mut in_footer = 0;
    let footer = fonts.clean(&report.footer, &mut in_footer);
    tally.add(None, &Field::Footer, in_footer);
    let mut paginator = layout::Paginator::new(fonts, geometry);
    paginator.flow(&chunks);
    let lang = crate::report::words::lang_of_tag(&report.meta.language);
    let mut laid = paginator.finish(&footer, lang);
    runs::split(&mut laid, fonts);
    (laid, tree, replaced + in_footer, tally.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_is_send_and_sync() {
        fn check<T: Send + Sync + std::error::Error>() {}
        check::<PdfError>();
    }

    #[test]
    fn the_sample_report_renders_without_printpdf_warnings() {
        let report = sample::sample_full_report();
        let fonts = font::Fonts::load().expect("fonts");
        let (laid, tree, replaced, unshown) = lay_out(&report, &fonts);
        assert!(unshown.is_empty());
        assert_eq!(replaced, 0);
        let (bytes, warnings) =
            draw::write_pdf(&laid, &tree, &fonts, &report.meta).expect("written");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(bytes.starts_with(b"%PDF-1.7"));
    }
}
