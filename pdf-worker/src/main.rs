//! The PDF Web Worker: receives a report, sends back its PDF.
//!
//! Owns: the worker's message edge. Each message's data is a JSON string of a
//! [`mhsw::report::Report`]; the reply is `{ ok: Uint8Array }` (the PDF, its buffer transferred,
//! not copied) or `{ error: string }` (plain English). Bad input gets an error reply, never a
//! panic. Must not touch: layout or report content (the core's [`mhsw::pdf`] does that), or any
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

#[cfg(target_arch = "wasm32")]
mod edge {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Listens for messages for the life of the worker.
    pub fn listen() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let result = match event.data().as_string() {
                Some(json) => super::pdf_for(&json),
                None => Err("The PDF worker was sent something other than a report.".into()),
            };
            reply(&replies, result);
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
    }

    fn reply(scope: &DedicatedWorkerGlobalScope, result: Result<Vec<u8>, String>) {
        let message = Object::new();
        let sent = match result {
            Ok(bytes) => {
                let array = Uint8Array::from(bytes.as_slice());
                Reflect::set(&message, &"ok".into(), &array).and_then(|_| {
                    scope.post_message_with_transfer(&message, &Array::of1(&array.buffer()))
                })
            }
            Err(text) => Reflect::set(&message, &"error".into(), &JsValue::from_str(&text))
                .and_then(|_| scope.post_message(&message)),
        };
        // If even posting fails nothing more can be said to the page, which times out and
        // says so.
        let _ = sent;
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    edge::listen();
}

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
