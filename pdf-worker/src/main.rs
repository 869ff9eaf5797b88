//! The PDF Web Worker: receives a report, sends back its PDF.
//!
//! Owns: the worker's Rust side. `assets/pdf-worker.js` receives each message (a JSON string of
//! a [`mhsw::report::Report`]), calls [`render_pdf`], and replies `{ ok: { pdf: Uint8Array,
//! unshown } }` (the PDF, its buffer transferred, not copied, and the sentence saying which
//! characters could not be drawn and where, or `null`) or `{ error: string }` (plain English). Bad input gets an
//! error, never a panic. Before rendering, the JavaScript side asks [`fonts_needed`] which
//! script faces the report's text needs, fetches those (only those) from `pdf/fonts/`, and
//! hands each to [`add_font`]; a face that cannot be fetched leaves its letters as
//! replacement marks, which the answer's `unshown` sentence then names. Must not touch: layout or report content (the core's [`mhsw::pdf`] does that), or any
//! browser API but the worker's own messaging.

use std::cell::RefCell;

use mhsw::lang::Lang;
use mhsw::messages::problems;
use mhsw::pdf::Script;
use mhsw::report::Report;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// The script faces fetched so far, kept for the worker's life.
    static FACES: RefCell<Vec<(Script, Vec<u8>)>> = const { RefCell::new(Vec::new()) };
}

/// The file names (space-separated) of the script faces `json`'s text needs and the worker
/// does not have yet; empty when none.
#[wasm_bindgen]
pub fn fonts_needed(json: &str) -> String {
    FACES.with_borrow(|faces| {
        Script::all_in(json)
            .into_iter()
            .filter(|s| !faces.iter().any(|(have, _)| have == s))
            .map(Script::file_name)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Keeps the script face fetched from `pdf/fonts/<name>`; a name that is not a script
/// face's is ignored.
#[wasm_bindgen]
pub fn add_font(name: &str, bytes: Vec<u8>) {
    if let Some(script) = Script::ALL.into_iter().find(|s| s.file_name() == name) {
        FACES.with_borrow_mut(|faces| faces.push((script, bytes)));
    }
}

/// A PDF made, handed to `assets/pdf-worker.js`.
#[wasm_bindgen]
pub struct Made {
    bytes: Vec<u8>,
    unshown: Option<String>,
}

#[wasm_bindgen]
impl Made {
    /// The PDF's bytes (taken out, so they are not copied twice).
    pub fn take_pdf(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }

    /// How many characters could not be drawn and where, in a sentence; `None` when all were.
    pub fn unshown(&self) -> Option<String> {
        self.unshown.clone()
    }
}

/// Turns one message's JSON into a PDF, or a message a person can act on.
fn pdf_for(json: &str) -> Result<Made, String> {
    // Before the report is read its language is not known: English.
    let report: Report = serde_json::from_str(json).map_err(|e| {
        problems::report_not_in_form(
            Lang::En,
            &format!("line {}, column {}: {e}", e.line(), e.column()),
        )
    })?;
    // What it could not draw, and why it failed, in the report's own language.
    let lang = Lang::ALL
        .into_iter()
        .find(|lang| lang.bcp47() == report.meta.language)
        .unwrap_or(Lang::En);
    FACES
        .with_borrow(|faces| {
            let faces: Vec<(Script, &[u8])> =
                faces.iter().map(|(s, b)| (*s, b.as_slice())).collect();
            mhsw::pdf::render_pdf_with(&report, &faces)
        })
        .map(|out| Made {
            unshown: mhsw::pdf::unshown_summary_in(&out.unshown, lang),
            bytes: out.bytes,
        })
        .map_err(|e| problems::pdf_writer_failed(lang, &e.to_string()))
}

/// The worker's one export, called by `assets/pdf-worker.js` for each message: the report as
/// JSON in, the PDF (and what it could not draw) out, or a message a person can act on.
#[wasm_bindgen]
pub fn render_pdf(json: &str) -> Result<Made, String> {
    pdf_for(json)
}

/// Nothing to start: `assets/pdf-worker.js` owns the message loop and calls [`render_pdf`].
fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_becomes_a_pdf() {
        let json = serde_json::to_string(&mhsw::pdf::sample::sample_plan_report()).unwrap();
        let mut made = pdf_for(&json).unwrap();
        assert_eq!(made.unshown(), None);
        assert!(made.take_pdf().starts_with(b"%PDF-"));
    }

    #[test]
    fn characters_that_cannot_be_drawn_are_named() {
        let mut report = mhsw::pdf::sample::sample_plan_report();
        report.footer.push_str(" 漢");
        let json = serde_json::to_string(&report).unwrap();
        let made = pdf_for(&json).unwrap();
        let unshown = made.unshown().expect("a sentence");
        assert!(
            unshown.starts_with("1 character could not be drawn: 1 in the footer"),
            "{unshown}"
        );
    }

    #[test]
    fn a_welsh_report_names_them_in_welsh() {
        let mut report = mhsw::pdf::sample::sample_plan_report();
        report.meta.language = Lang::Cy.bcp47().to_owned();
        report.footer.push_str(" 漢");
        let json = serde_json::to_string(&report).unwrap();
        let unshown = pdf_for(&json).unwrap().unshown().expect("a sentence");
        assert!(
            unshown.starts_with("Nid oedd modd dangos 1 nod: 1 yn nhroedyn pob tudalen"),
            "{unshown}"
        );
    }

    #[test]
    fn only_the_faces_a_report_needs_are_asked_for_and_each_once() {
        let mut report = mhsw::pdf::sample::sample_plan_report();
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(fonts_needed(&json), "");
        report.footer.push_str(" شكرا ਧੰਨਵਾਦ");
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(
            fonts_needed(&json),
            "NotoNaskhArabic-subset.ttf NotoSansGurmukhi-subset.ttf"
        );
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../assets/fonts/NotoNaskhArabic-subset.ttf"
        ))
        .unwrap();
        add_font("NotoNaskhArabic-subset.ttf", bytes);
        add_font("not-a-face.ttf", vec![1, 2, 3]);
        assert_eq!(fonts_needed(&json), "NotoSansGurmukhi-subset.ttf");
        let made = pdf_for(&json).unwrap();
        // Gurmukhi was not fetched: its five letters and marks show as replacement marks.
        let unshown = made.unshown().expect("a sentence");
        assert!(unshown.contains("in the footer"), "{unshown}");
    }

    #[test]
    fn bad_input_gets_a_plain_message() {
        for bad in ["", "not json", "{}", "{\"meta\": 3}", "[1,2]"] {
            let Err(message) = pdf_for(bad) else {
                panic!("{bad} made a PDF");
            };
            assert!(message.starts_with("The report could not be turned into a PDF"));
        }
    }
}
