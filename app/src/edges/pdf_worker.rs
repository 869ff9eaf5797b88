//! The PDF worker: created on the first report request, so the PDF engine is never part of the
//! first load. The page posts the report model as a JSON string; the worker answers with
//! `{ ok: Uint8Array }` or `{ error: string }` (see `assets/pdf-worker.js`).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where the worker's script is, relative to the page.
const WORKER_URL: &str = "pdf/worker.js";

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

/// Why a PDF could not be made, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The worker could not be started or loaded.
    #[error("the PDF tool could not be started in this browser ({0})")]
    Unavailable(String),
    /// The worker reported a problem.
    #[error("the PDF could not be made: {0}")]
    Failed(String),
}

fn describe(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "no reason given".to_owned())
}

fn worker() -> Result<web_sys::Worker, PdfError> {
    WORKER.with(|cell| {
        if let Some(worker) = cell.borrow().as_ref() {
            return Ok(worker.clone());
        }
        let worker =
            web_sys::Worker::new(WORKER_URL).map_err(|e| PdfError::Unavailable(describe(&e)))?;
        *cell.borrow_mut() = Some(worker.clone());
        Ok(worker)
    })
}

fn discard_worker() {
    WORKER.with(|cell| {
        if let Some(worker) = cell.borrow_mut().take() {
            worker.terminate();
        }
    });
}

/// Makes a PDF from a report model serialised as JSON.
pub async fn render(report_json: String) -> Result<Vec<u8>, PdfError> {
    let worker = worker()?;
    let target = worker.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let reject_for_error = reject.clone();
        let on_error = Closure::once_into_js(move |event: web_sys::ErrorEvent| {
            let _ = reject_for_error.call1(&JsValue::NULL, &JsValue::from_str(&event.message()));
        });
        target.set_onmessage(Some(on_message.unchecked_ref()));
        target.set_onerror(Some(on_error.unchecked_ref()));
        if let Err(error) = target.post_message(&JsValue::from_str(&report_json)) {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    });
    let answer = JsFuture::from(promise).await.map_err(|e| {
        discard_worker();
        PdfError::Unavailable(describe(&e))
    })?;
    let ok = js_sys::Reflect::get(&answer, &"ok".into()).unwrap_or(JsValue::UNDEFINED);
    if ok.is_instance_of::<js_sys::Uint8Array>() {
        return Ok(js_sys::Uint8Array::from(ok).to_vec());
    }
    let error = js_sys::Reflect::get(&answer, &"error".into())
        .ok()
        .and_then(|e| e.as_string())
        .unwrap_or_else(|| "the PDF tool gave no answer".to_owned());
    // After any error the worker may be broken: start a fresh one next time.
    discard_worker();
    Err(PdfError::Failed(error))
}
