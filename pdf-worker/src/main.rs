//! The PDF Web Worker: receives a report, sends back its PDF.
//!
//! Owns: the worker's Rust side. `assets/pdf-worker.js` receives each message (a JSON string of
//! a [`mhsw::report::Report`]), calls [`render_pdf`], and replies `{ ok: { pdf: Uint8Array,
//! unshown } }` (the PDF, its buffer transferred, not copied, and the sentence saying which
//! characters could not be drawn and where, or `null`) or `{ error: string }` (plain English). Bad input gets an
//! error, never a panic. Must not touch: layout or report content (the core's [`mhsw::pdf`] does that), or any
//! browser API but the worker's own messaging.

use mhsw::report::Report;
use wasm_bindgen::prelude::wasm_bindgen;

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
    let report: Report = serde_json::from_str(json).map_err(|e| {
        format!(
            "The report could not be turned into a PDF because it was not in the expected form \
             (line {}, column {}: {e}). Reload the page and try again.",
            e.line(),
            e.column()
        )
    })?;
    mhsw::pdf::render_pdf(&report)
        .map(|out| Made {
            unshown: mhsw::pdf::unshown_summary(&out.unshown),
            bytes: out.bytes,
        })
        .map_err(|e| format!("The PDF could not be made: {e}."))
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
    fn bad_input_gets_a_plain_message() {
        for bad in ["", "not json", "{}", "{\"meta\": 3}", "[1,2]"] {
            let Err(message) = pdf_for(bad) else {
                panic!("{bad} made a PDF");
            };
            assert!(message.starts_with("The report could not be turned into a PDF"));
        }
    }
}
