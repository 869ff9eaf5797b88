//! The import worker: reads and checks a chosen file away from the page's thread
//! (`import-worker/`, `assets/import-worker.js`), then hands the page each piece of work with
//! its responses already written as store records. Turning those records back into responses
//! here is done in short slices, with the page given a turn between them, so even a
//! 50,000-response file never stops the page from drawing or answering.
//!
//! Owns: the import job's request and answer, and reading the answer back into work. Must not
//! touch: placement or storing (the home page and the state do those).

use std::collections::BTreeMap;

use mhsw::ids::ResponseId;
use mhsw::store::Sealed;
use mhsw::work::{Checked, FeedbackResponse, Work};
use wasm_bindgen::prelude::*;

use super::timing;
use super::worker::{self, field, JobError, JobWorker};

thread_local! {
    static IMPORT: JobWorker =
        const { JobWorker::new("mhsw-import-worker", "import/import-worker.js") };
}

/// The longest the page's thread works on an answer before giving the page a turn, in ms.
const SLICE_MS: f64 = 25.0;

/// Why the worker did not read a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The worker could not run here (the page may read the file itself).
    Unavailable(String),
    /// The file was refused, with the reason in words a user understands.
    Refused(String),
}

/// A piece of work read from a file, with the store records of its responses, ready to place.
pub struct Read {
    /// The work, checked and brought up to date, with its responses.
    pub checked: Checked,
    /// Each response's record as the worker wrote it, so the store writes it as it is.
    pub records: BTreeMap<ResponseId, Sealed>,
}

/// Reads and checks `file` in the worker against `definitions` (a JSON array of every
/// questionnaire the page holds).
pub async fn read(file: &web_sys::File, definitions: &str) -> Result<Vec<Read>, ReadError> {
    let request = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&request, &"file".into(), file);
    let _ = js_sys::Reflect::set(&request, &"definitions".into(), &definitions.into());
    // Timed for `make bench`: from sending the file to the worker's answer.
    let timed = timing::start("mhsw:import-worker");
    let works = worker::run(&IMPORT, request).await.map_err(|e| match e {
        JobError::Unavailable(why) => ReadError::Unavailable(why),
        JobError::Failed(why) => ReadError::Refused(why),
    });
    timed.end();
    let works = works?;
    let works: js_sys::Array = works
        .dyn_into()
        .map_err(|_| ReadError::Unavailable("the import tool gave no work".to_owned()))?;
    let timed = timing::start("mhsw:import-assemble");
    let mut read = Vec::with_capacity(works.length() as usize);
    for work in works.iter() {
        read.push(assemble(&work).await?);
    }
    timed.end();
    Ok(read)
}

/// One piece of work from the worker's answer: its head, then its responses, read from their
/// records a slice at a time.
async fn assemble(answer: &JsValue) -> Result<Read, ReadError> {
    let broken = |what: &str| ReadError::Unavailable(format!("the import tool's answer {what}"));
    let head = field(answer, "head")
        .as_string()
        .ok_or_else(|| broken("has no work"))?;
    let mut work: Work = serde_json::from_str(&head).map_err(|_| broken("is not work"))?;
    let texts: js_sys::Array = field(answer, "texts")
        .dyn_into()
        .map_err(|_| broken("has no responses"))?;
    let sums: js_sys::Array = field(answer, "sums")
        .dyn_into()
        .map_err(|_| broken("has no checksums"))?;
    let kept_aside = field(answer, "keptAside").as_f64().unwrap_or(0.0) as usize;
    let carried = field(answer, "carried").as_f64().unwrap_or(0.0) as usize;
    let count = texts.length();
    let mut responses = Vec::with_capacity(count as usize);
    let mut records = BTreeMap::new();
    let mut slice_start = timing::now();
    for index in 0..count {
        let (Some(text), Some(sum)) = (texts.get(index).as_string(), sums.get(index).as_string())
        else {
            return Err(broken("has a response that is not text"));
        };
        let response: FeedbackResponse =
            serde_json::from_str(&text).map_err(|_| broken("has a response that is not one"))?;
        records.insert(response.id.clone(), Sealed { text, sum });
        responses.push(response);
        if timing::now() - slice_start > SLICE_MS {
            timing::yield_to_page().await;
            slice_start = timing::now();
        }
    }
    if let Some(collection) = work.collection.as_mut() {
        collection.responses = responses;
    }
    Ok(Read {
        checked: Checked {
            work,
            kept_aside,
            carried,
        },
        records,
    })
}
