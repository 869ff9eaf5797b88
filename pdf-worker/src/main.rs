//! Placeholder PDF worker, used only to prove the worker build and its message contract.
//! The real worker replaces this file; `assets/pdf-worker.js` documents the contract.

use wasm_bindgen::prelude::*;

/// Turns a report model (JSON text) into PDF bytes.
///
/// Placeholder: checks the JSON parses and returns a few fixed bytes.
#[wasm_bindgen]
pub fn render_pdf(report_json: &str) -> Result<Vec<u8>, String> {
    let _: serde_json::Value = serde_json::from_str(report_json)
        .map_err(|e| format!("The report could not be read: {e}"))?;
    Ok(b"%PDF-1.7\n% placeholder\n".to_vec())
}

fn main() {}
