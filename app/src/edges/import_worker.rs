//! The import worker: reads and checks a chosen file away from the page's thread
//! (`import-worker/`, `assets/import-worker.js`), then hands the page each piece of work with
//! its responses already written as store records. The records are stored as they come; the
//! responses are read back from them (for the page's memory) while the store writes, in short
//! slices with the page given a turn between them, so even a 50,000-response file never stops
//! the page from drawing or answering.
//!
//! Owns: the import job's request and answer, and reading the answer back into work. Must not
//! touch: placement or storing (the home page and the state do those).

use std::collections::BTreeMap;

use mhsw::date::Date;
use mhsw::ids::{ResponseId, WorkId};
use mhsw::store::{Meta, Packed, Sealed};
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
    /// The work, checked and brought up to date. While [`Read::unread`] holds responses, its
    /// collection has none of them yet.
    pub checked: Checked,
    /// Each response's record as the worker wrote it, so the store writes it as it is.
    pub records: BTreeMap<ResponseId, Sealed>,
    /// The responses still to be read from their records: the store can write the records
    /// while the page reads them ([`Unread::read`]).
    pub unread: Option<Unread>,
    /// When the worker is storing this work itself (new work, asked for with [`StoreAsk`]).
    /// `records` is then empty: the page writes nothing of it.
    pub storing: Option<Storing>,
}

/// New work the worker is storing in a transaction of its own.
pub struct Storing {
    /// The job to ask whether the transaction committed ([`committed`]).
    pub job: u32,
    /// What the store will hold about it once it has.
    pub meta: Meta,
}

/// What the worker needs to store new work itself, in one transaction of its own, while the
/// page reads the responses back (so the page's thread never writes the records).
pub struct StoreAsk {
    /// The ids of the work the page holds: work with these ids is left to the page to place.
    pub here: Vec<WorkId>,
    /// Today, for the stored head (imported today).
    pub today: Date,
    /// The time of day of the save.
    pub time: String,
}

impl StoreAsk {
    /// The meta the worker stores new work with (its first save), which the page then holds.
    pub fn meta(&self) -> Meta {
        Meta {
            revision: 1,
            saved_at: self.time.clone(),
            ..Meta::imported(self.today)
        }
    }
}

/// Waits for the worker's transaction storing the work of job `job` ([`Read::storing`]): `Ok`
/// once it has committed (all of it stored), else why not (nothing of it stored).
pub async fn committed(job: u32) -> Result<(), String> {
    about_stored(job, "committed").await
}

/// Asks the worker `ask` (`committed`, `split`) about the work job `job` stored: `Ok` once
/// done, else why not.
async fn about_stored(job: u32, ask: &str) -> Result<(), String> {
    let request = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&request, &ask.into(), &JsValue::from(job));
    worker::run(&IMPORT, request)
        .await
        .map(|_| ())
        .map_err(|e| match e {
            JobError::Unavailable(why) | JobError::Failed(why) => why,
        })
}

/// Starts the worker, if it is not running, has it read and check a made-up collection of
/// one of `definitions` (a JSON array, as [`read`] takes), and reads that answer here as a
/// file's is read, then drops it: asked for when the file chooser opens, so that the file's own
/// check and reading run on code the browser has compiled for speed (it first runs new
/// WebAssembly in a quick, slow form; `warm_up` in `import-worker/src/main.rs`). Nothing comes
/// of it but speed.
pub async fn warm_up(definitions: &str) {
    let request = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&request, &"warm".into(), &JsValue::TRUE);
    let _ = js_sys::Reflect::set(&request, &"definitions".into(), &definitions.into());
    let Ok(works) = worker::run(&IMPORT, request).await else {
        return;
    };
    for work in js_sys::Array::from(&works).iter() {
        if let Ok(Read {
            unread: Some(unread),
            ..
        }) = records_of(&work, None).await
        {
            let _ = unread.read().await;
        }
    }
}

/// Asks the worker to split the staged blocks of the work of job `job` into one record per
/// response (R7 in `mhsw::store`), once that job has [`committed`] and the page has read the
/// responses back: `Ok` once the split has committed, else why not (the blocks are then still
/// stored, and read where they are, or split on the next start).
pub async fn split(job: u32) -> Result<(), String> {
    about_stored(job, "split").await
}

/// A collection's responses as the worker's answer holds them (packed records), not yet read on
/// the page.
pub struct Unread(Packed);

impl Read {
    /// Reads the responses still unread into the work (for placing it beside work already
    /// here, which needs them).
    pub async fn read_all(&mut self) -> Result<(), ReadError> {
        if let Some(unread) = self.unread.take() {
            let responses = unread.read().await?;
            if let Some(collection) = self.checked.work.collection.as_mut() {
                collection.responses = responses;
            }
        }
        Ok(())
    }
}

fn broken(what: &str) -> ReadError {
    ReadError::Unavailable(format!("the import tool's answer {what}"))
}

impl Unread {
    /// How many responses are still to be read.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when none are.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Reads the responses from their records, in the file's order, a slice at a time with
    /// the page given a turn between slices (so the store's writes go on meanwhile).
    pub async fn read(self) -> Result<Vec<FeedbackResponse>, ReadError> {
        let timed = timing::start("mhsw:import-read-responses");
        let mut responses = Vec::with_capacity(self.0.len());
        let mut slice_start = timing::now();
        for index in 0..self.0.len() {
            let (id, text, _) = self
                .0
                .get(index)
                .ok_or_else(|| broken("has a response that is not text"))?;
            let response: FeedbackResponse =
                serde_json::from_str(text).map_err(|_| broken("has a response that is not one"))?;
            if response.id.as_str() != id {
                return Err(broken("has a response under another's id"));
            }
            responses.push(response);
            if timing::now() - slice_start > SLICE_MS {
                timing::yield_to_page().await;
                slice_start = timing::now();
            }
        }
        timed.end();
        Ok(responses)
    }
}

/// Reads and checks `file` in the worker against `definitions` (a JSON array of every
/// questionnaire the page holds). Each piece of work comes back with its responses' records
/// and its responses still unread ([`Read::unread`]); with `store`, new work comes back
/// being stored by the worker ([`Read::storing`]) instead of with its records. Why a file was
/// refused comes back in `lang`.
pub async fn read(
    file: &web_sys::File,
    definitions: &str,
    lang: mhsw::lang::Lang,
    store: Option<&StoreAsk>,
) -> Result<Vec<Read>, ReadError> {
    let request = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&request, &"lang".into(), &lang.code().into());
    let _ = js_sys::Reflect::set(&request, &"file".into(), file);
    let _ = js_sys::Reflect::set(&request, &"definitions".into(), &definitions.into());
    if let Some(ask) = store {
        let here: Vec<&str> = ask.here.iter().map(WorkId::as_str).collect();
        let object = js_sys::Object::new();
        let set = |name: &str, value: String| {
            let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
        };
        set("here", serde_json::to_string(&here).unwrap_or_default());
        set(
            "today",
            serde_json::to_string(&ask.today).unwrap_or_default(),
        );
        set("time", ask.time.clone());
        let _ = js_sys::Reflect::set(&request, &"store".into(), &object);
    }
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
    let timed = timing::start("mhsw:import-records");
    let mut read = Vec::with_capacity(works.length() as usize);
    let meta = store.map(StoreAsk::meta);
    for work in works.iter() {
        read.push(records_of(&work, meta.as_ref()).await?);
    }
    timed.end();
    Ok(read)
}

/// One piece of work from the worker's answer: its head and its responses' records, read a
/// slice at a time; the responses themselves are left unread.
async fn records_of(answer: &JsValue, meta: Option<&Meta>) -> Result<Read, ReadError> {
    let head = field(answer, "head")
        .as_string()
        .ok_or_else(|| broken("has no work"))?;
    let work: Work = serde_json::from_str(&head).map_err(|_| broken("is not work"))?;
    let bytes: js_sys::Uint8Array = field(answer, "records")
        .dyn_into()
        .map_err(|_| broken("has no responses"))?;
    let ends: js_sys::Uint32Array = field(answer, "ends")
        .dyn_into()
        .map_err(|_| broken("has no responses"))?;
    let kept_aside = field(answer, "keptAside").as_f64().unwrap_or(0.0) as usize;
    let carried = field(answer, "carried").as_f64().unwrap_or(0.0) as usize;
    // One copy each into the page's memory, a slice at a time (a 50,000-response answer is
    // about 140 MB: copied at once, it held the page's thread for hundreds of ms); every
    // record is then taken from it.
    let packed = Packed {
        bytes: copy_in_slices(&bytes).await,
        ends: ends.to_vec(),
    };
    if !packed.ends.len().is_multiple_of(3) {
        return Err(broken("has a response without its checksum"));
    }
    let storing = field(answer, "storing")
        .as_f64()
        .zip(meta)
        .map(|(job, meta)| Storing {
            job: job as u32,
            meta: meta.clone(),
        });
    let mut records = BTreeMap::new();
    let mut slice_start = timing::now();
    // Work the worker stores needs no records here: the page writes nothing of it.
    let to_write = if storing.is_some() { 0 } else { packed.len() };
    for index in 0..to_write {
        let (id, text, sum) = packed
            .get(index)
            .ok_or_else(|| broken("has a response that is not text"))?;
        let record = Sealed {
            text: text.to_owned(),
            sum: sum.to_owned(),
        };
        if records.insert(ResponseId::new(id), record).is_some() {
            return Err(broken("has two responses with one id"));
        }
        if timing::now() - slice_start > SLICE_MS {
            timing::yield_to_page().await;
            slice_start = timing::now();
        }
    }
    let unread = (!packed.is_empty()).then_some(Unread(packed));
    Ok(Read {
        checked: Checked {
            work,
            kept_aside,
            carried,
        },
        records,
        unread,
        storing,
    })
}

/// Bytes copied into the page's memory at most this many at a time before the page is given a
/// turn (a few ms of copying each).
const COPY_SLICE_BYTES: u32 = 4 * 1024 * 1024;

/// Copies `array` into the page's memory a slice at a time, giving the page a turn between
/// slices.
async fn copy_in_slices(array: &js_sys::Uint8Array) -> Vec<u8> {
    let length = array.length();
    // Reserved, not filled: zeroing it all first would be one long step again.
    let mut bytes = Vec::with_capacity(length as usize);
    let mut at = 0;
    let mut slice_start = timing::now();
    while at < length {
        let end = length.min(at + COPY_SLICE_BYTES);
        bytes.extend_from_slice(&array.subarray(at, end).to_vec());
        at = end;
        if timing::now() - slice_start > SLICE_MS {
            timing::yield_to_page().await;
            slice_start = timing::now();
        }
    }
    bytes
}
