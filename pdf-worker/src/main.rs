//! The PDF Web Worker: receives a report, sends back its PDF.
//!
//! Owns: the worker's Rust side. `assets/pdf-worker.js` receives each message (a JSON string of
//! a [`mhsw::report::Report`]), calls [`render_pdf`], and replies `{ ok: Uint8Array }` (the PDF,
//! its buffer transferred, not copied) or `{ error: string }` (plain English). Bad input gets an
//! error, never a panic. Must not touch: layout or report content (the core's [`mhsw::pdf`] does that), or any
//! browser API but the worker's own messaging.

use mhsw::report::Report;

/// Turns one message's JSON into PDF bytes, or a message a person can act on.
fn pdf_for(json: &str) -> Result<Vec<u8>, String> {
    let report: Report = serde_json::from_str(json).map_err(|e| {
        format!(
            "The report could not be turned into a PDF because it was not in the expected form \
             (line {}, column {}: {e}). Reload the page and try again.",
            e.line(),
            e.column()
        )
    })?;
    mhsw::pdf::render_pdf(&report)
        .map(|out| out.bytes)
        .map_err(|e| format!("The PDF could not be made: {e}."))
}

/// The worker's one export, called by `assets/pdf-worker.js` for each message: the report as
/// JSON in, the PDF bytes out, or a message a person can act on.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn render_pdf(json: &str) -> Result<Vec<u8>, String> {
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
        let bytes = pdf_for(&json).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }

    #[test]
    fn bad_input_gets_a_plain_message() {
        for bad in ["", "not json", "{}", "{\"meta\": 3}", "[1,2]"] {
            let message = pdf_for(bad).unwrap_err();
            assert!(message.starts_with("The report could not be turned into a PDF"));
        }
    }
}
