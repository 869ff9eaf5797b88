//! The app's Web Workers (the PDF engine; the import reader), each created on first use so its
//! code is never part of the first load. Every request is a job with its own id: the page posts
//! `{ id, ... }`; the worker answers `{ id, ok }` or `{ id, error: string, closing }` (see
//! `assets/pdf-worker.js` and `assets/import-worker.js`), and each answer goes to the job with
//! that id, never by order, so two jobs sent at once each get their own answer.
//!
//! Owns: starting a worker, its one message handler, and the jobs waiting for an answer. Must
//! not touch: what a job asks for, or what the page does with the answer.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::thread::LocalKey;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// One of the app's workers: where its script is, and (once started) the running worker.
pub struct JobWorker {
    /// The page's `<meta name>` that gives this release's script (the build rewrites it to the
    /// release's own file name, so a page of one release never starts another release's code).
    meta: &'static str,
    /// The script, relative to the page, when the page does not say.
    fallback: &'static str,
    running: RefCell<Option<Running>>,
    next_job: RefCell<u32>,
}

/// A running worker, its handlers (kept alive as long as it is), and the jobs it owes.
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

/// Why a job did not get an answer, or got an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// The worker could not be started or loaded, or stopped before answering.
    Unavailable(String),
    /// The worker answered with a message fit to show a user.
    Failed(String),
}

impl JobWorker {
    /// A worker whose script is named by `<meta name=meta>`, else at `fallback`.
    pub const fn new(meta: &'static str, fallback: &'static str) -> Self {
        JobWorker {
            meta,
            fallback,
            running: RefCell::new(None),
            next_job: RefCell::new(1),
        }
    }

    fn url(&self) -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("meta[name={}]", self.meta))
                    .ok()
                    .flatten()
            })
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|url| !url.is_empty())
            .unwrap_or_else(|| self.fallback.to_owned())
    }
}

pub(crate) fn describe(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "no reason given".to_owned())
}

pub(crate) fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Sends one answer to the job it names. An answer that says the worker is closing also
/// fails every other job sent to it, and the next request starts a fresh worker.
fn route_answer(key: &'static LocalKey<JobWorker>, answer: JsValue) {
    let id = field(&answer, "id").as_f64().map(|id| id as u32);
    let closing = field(&answer, "closing").as_bool() == Some(true);
    let (job, others) = key.with(|jobs| {
        let mut running = jobs.running.borrow_mut();
        let Some(current) = running.as_mut() else {
            return (None, Vec::new());
        };
        let job = id.and_then(|id| current.waiting.remove(&id));
        if !closing {
            return (job, Vec::new());
        }
        let others = running
            .take()
            .map(|stopped| {
                stopped.worker.terminate();
                stopped.waiting.into_values().collect()
            })
            .unwrap_or_default();
        (job, others)
    });
    if let Some(job) = job {
        let _ = job.resolve.call1(&JsValue::NULL, &answer);
    }
    let why = JsValue::from_str("the tool stopped before it finished; try again");
    for other in others {
        let _ = other.reject.call1(&JsValue::NULL, &why);
    }
}

/// The worker's script failed: every waiting job fails, and the next request starts afresh.
fn fail_all(key: &'static LocalKey<JobWorker>, message: String) {
    let stopped = key.with(|jobs| jobs.running.borrow_mut().take());
    if let Some(stopped) = stopped {
        stopped.worker.terminate();
        let why = JsValue::from_str(&message);
        for job in stopped.waiting.into_values() {
            let _ = job.reject.call1(&JsValue::NULL, &why);
        }
    }
}

/// The running worker, started (with its one message handler) on first use.
fn start(key: &'static LocalKey<JobWorker>) -> Result<web_sys::Worker, JobError> {
    key.with(|jobs| {
        if let Some(running) = jobs.running.borrow().as_ref() {
            return Ok(running.worker.clone());
        }
        let worker =
            web_sys::Worker::new(&jobs.url()).map_err(|e| JobError::Unavailable(describe(&e)))?;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| route_answer(key, event.data()),
        );
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
                fail_all(key, event.message())
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *jobs.running.borrow_mut() = Some(Running {
            worker: worker.clone(),
            waiting: BTreeMap::new(),
            _on_message: on_message,
            _on_error: on_error,
        });
        Ok(worker)
    })
}

/// Records the steps a worker timed (`steps: [[name, start, end], ..]` in its answer, if any)
/// as the page's measures `mhsw:worker-<name>`, and, when the answer says when it was `sent`,
/// its way to the page (copied out of the worker and into the page, and waiting for the page's
/// thread) as `mhsw:worker-transfer`, for `make bench`.
fn record_steps(answer: &JsValue) {
    if let Some(sent) = field(answer, "sent").as_f64() {
        let origin = web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.time_origin() + p.now());
        if let Some(now) = origin {
            super::timing::record("mhsw:worker-transfer", sent, now);
        }
    }
    let Ok(steps) = field(answer, "steps").dyn_into::<js_sys::Array>() else {
        return;
    };
    for step in steps.iter() {
        let step = js_sys::Array::from(&step);
        if let (Some(name), Some(start), Some(end)) = (
            step.get(0).as_string(),
            step.get(1).as_f64(),
            step.get(2).as_f64(),
        ) {
            super::timing::record(&format!("mhsw:worker-{name}"), start, end);
        }
    }
}

/// Sends a job (`request`, an object the worker understands; its `id` is set here) and
/// resolves to the worker's `ok` value, or why there is none.
pub async fn run(
    key: &'static LocalKey<JobWorker>,
    request: js_sys::Object,
) -> Result<JsValue, JobError> {
    let worker = start(key)?;
    let id = key.with(|jobs| {
        let mut next = jobs.next_job.borrow_mut();
        let id = *next;
        *next = next.wrapping_add(1);
        id
    });
    let _ = js_sys::Reflect::set(&request, &"id".into(), &JsValue::from(id));
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        key.with(|jobs| {
            if let Some(running) = jobs.running.borrow_mut().as_mut() {
                running.waiting.insert(
                    id,
                    Waiting {
                        resolve,
                        reject: reject.clone(),
                    },
                );
            }
        });
        if let Err(error) = worker.post_message(&request) {
            key.with(|jobs| {
                if let Some(running) = jobs.running.borrow_mut().as_mut() {
                    running.waiting.remove(&id);
                }
            });
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    });
    let answer = JsFuture::from(promise)
        .await
        .map_err(|e| JobError::Unavailable(describe(&e)))?;
    record_steps(&answer);
    let ok = field(&answer, "ok");
    if !ok.is_undefined() {
        return Ok(ok);
    }
    Err(JobError::Failed(
        field(&answer, "error")
            .as_string()
            .unwrap_or_else(|| "the tool gave no answer".to_owned()),
    ))
}
