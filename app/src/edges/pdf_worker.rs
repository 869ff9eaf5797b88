//! The PDF worker: created on the first report request, so the PDF engine is never part of the
//! first load. Each PDF is a job with its own id: the page posts `{ id, report }` (the report
//! model as a JSON string); the worker answers `{ id, ok: Uint8Array }` or
//! `{ id, error: string, closing }` (see `assets/pdf-worker.js`), and the answer goes to the job
//! with that id, so two PDFs asked for at once each get their own file.
//!
//! Owns: the worker, its one message handler, and the jobs waiting for an answer. Must not
//! touch: what is in a report, or what the page does with the bytes.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where the worker's script is, relative to the page, when the page does not say.
const WORKER_URL: &str = "pdf/worker.js";

/// Where this release's worker script is: the page's `<meta name="mhsw-pdf-worker">`, which
/// the build rewrites to the release's own file name, so a page of one release never starts
/// another release's PDF engine.
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=mhsw-pdf-worker]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| WORKER_URL.to_owned())
}

/// The running worker, its handlers (kept alive as long as it is), and the jobs it owes.
struct Running {
    worker: web_sys::Worker,
    /// Each waiting job's promise functions, by job id.
    waiting: BTreeMap<u32, Waiting>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

/// A job's promise: settled when the worker answers it (or stops).
struct Waiting {
    resolve: js_sys::Function,
    reject: js_sys::Function,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static NEXT_JOB: RefCell<u32> = const { RefCell::new(1) };
}

/// Why a PDF could not be made, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The worker could not be started or loaded, or stopped before answering.
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

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Sends one answer to the job it names. An answer that says the worker is closing also
/// fails every other job sent to it, and the next request starts a fresh worker.
fn route_answer(answer: JsValue) {
    let id = field(&answer, "id").as_f64().map(|id| id as u32);
    let closing = field(&answer, "closing").as_bool() == Some(true);
    let (job, others) = RUNNING.with(|cell| {
        let mut running = cell.borrow_mut();
        let Some(current) = running.as_mut() else {
            return (None, Vec::new());
        };
        let job = id.and_then(|id| current.waiting.remove(&id));
        if !closing {
            return (job, Vec::new());
        }
        let stopped = running.take();
        let others = stopped
            .map(|s| {
                s.worker.terminate();
                s.waiting.into_values().collect()
            })
            .unwrap_or_default();
        (job, others)
    });
    if let Some(job) = job {
        let _ = job.resolve.call1(&JsValue::NULL, &answer);
    }
    let why = JsValue::from_str("the PDF tool stopped before it finished; try again");
    for other in others {
        let _ = other.reject.call1(&JsValue::NULL, &why);
    }
}

/// The worker's script failed: every waiting job fails, and the next request starts afresh.
fn fail_all(message: String) {
    let stopped = RUNNING.with(|cell| cell.borrow_mut().take());
    if let Some(stopped) = stopped {
        stopped.worker.terminate();
        let why = JsValue::from_str(&message);
        for job in stopped.waiting.into_values() {
            let _ = job.reject.call1(&JsValue::NULL, &why);
        }
    }
}

/// The running worker, started (with its one message handler) on first use.
fn worker() -> Result<web_sys::Worker, PdfError> {
    RUNNING.with(|cell| {
        if let Some(running) = cell.borrow().as_ref() {
            return Ok(running.worker.clone());
        }
        let worker =
            web_sys::Worker::new(&worker_url()).map_err(|e| PdfError::Unavailable(describe(&e)))?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                route_answer(event.data())
            });
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
                fail_all(event.message())
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *cell.borrow_mut() = Some(Running {
            worker: worker.clone(),
            waiting: BTreeMap::new(),
            _on_message: on_message,
            _on_error: on_error,
        });
        Ok(worker)
    })
}

/// Makes a PDF from a report model serialised as JSON. Several may run at once: each gets the
/// answer to its own request.
pub async fn render(report_json: String) -> Result<Vec<u8>, PdfError> {
    let worker = worker()?;
    let id = NEXT_JOB.with(|next| {
        let mut next = next.borrow_mut();
        let id = *next;
        *next = next.wrapping_add(1);
        id
    });
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        RUNNING.with(|cell| {
            if let Some(running) = cell.borrow_mut().as_mut() {
                running.waiting.insert(
                    id,
                    Waiting {
                        resolve,
                        reject: reject.clone(),
                    },
                );
            }
        });
        let request = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&request, &"id".into(), &JsValue::from(id));
        let _ = js_sys::Reflect::set(&request, &"report".into(), &report_json.as_str().into());
        if let Err(error) = worker.post_message(&request) {
            RUNNING.with(|cell| {
                if let Some(running) = cell.borrow_mut().as_mut() {
                    running.waiting.remove(&id);
                }
            });
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    });
    let answer = JsFuture::from(promise)
        .await
        .map_err(|e| PdfError::Unavailable(describe(&e)))?;
    let ok = field(&answer, "ok");
    if ok.is_instance_of::<js_sys::Uint8Array>() {
        return Ok(js_sys::Uint8Array::from(ok).to_vec());
    }
    let error = field(&answer, "error")
        .as_string()
        .unwrap_or_else(|| "the PDF tool gave no answer".to_owned());
    Err(PdfError::Failed(error))
}
