//! The work store: the browser's IndexedDB, through the `idb` crate.
//!
//! Owns: opening the database, reading and writing the records the core's [`mhsw::store`]
//! lays out, keeping damaged records aside, the storage estimate, and noticing when the
//! database is closed or deleted from elsewhere. Every failure becomes a [`StoreError`];
//! nothing here throws or panics.
//!
//! The database `mhsw` (version 2) has five object stores, all with keys given outside the
//! value:
//!
//! | store | key | value |
//! |---|---|---|
//! | `works` | work id | `{ text, sum, rev }`: a sealed head record (R1, R2) and its revision |
//! | `responses` | `[work id, response id]` | `{ text, sum }`: one feedback response |
//! | `aside` | a text key | `{ text, reason, original, why }`: a record that could not be read; `why` is where it was and why, typed ([`mhsw::store::KeptAside`] as JSON, said in the page's language), `reason` the same in English (all an earlier release wrote) |
//! | `documents` | a text key | `{ text }`: questionnaires opened from a file |
//! | `documents` | `["copy", path]` | `{ text, tag, sum }`: a copy of the site's questionnaire file `path`, with the site's tag for it (its `ETag`), so it is fetched only when it changed, and its checksum ([`keep_copy`]) |
//! | `staged` | `[work id, block number]` | `{ text, ends }`: about a hundred responses' records written together by an import ([`mhsw::store::Packed`], its bytes as text and its ends as a `Uint32Array`), split into `responses` records soon after (R7) |
//!
//! Version 2 added `staged`; opening a version 1 database adds it and changes nothing else.
//!
//! Why `idb`: it is small (a thin, `Result`-returning layer over `web-sys`, with futures), kept
//! up to date, and works in a page and in a worker alike; `rexie` is a convenience layer over
//! the same crate that we would not use, and `indexed_db_futures` brings more than we need.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, TransactionMode};
use js_sys::{Array, Object, Reflect};
use mhsw::ids::{ResponseId, WorkId};
use mhsw::lang::Lang;
use mhsw::store::{Damage, KeptAside, Origin, Packed, Sealed, Stored};
use wasm_bindgen::{JsCast, JsValue};

use super::storage::{SetAsideEntry, StoreError};

const NAME: &str = "mhsw";
const VERSION: u32 = 2;
const WORKS: &str = "works";
const RESPONSES: &str = "responses";
const ASIDE: &str = "aside";
const DOCUMENTS: &str = "documents";
const STAGED: &str = "staged";

thread_local! {
    static OPEN: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// The browser's own name and message for an error: a `DOMException` such as
/// `QuotaExceededError` may arrive as the error itself or inside one of `idb`'s variants.
fn describe(error: &idb::Error) -> String {
    use idb::Error as E;
    // Every error the browser gave carries its exception: its name and message are what a
    // person can look up. (Not the idb library's own wording, `Display`: with its formatting
    // it was 3.6 kB of the code a section waits for, 3 December 2026.)
    let js = match error {
        E::DomException(exception) => JsValue::from(exception.clone()),
        E::AddFailed(v)
        | E::ClearFailed(v)
        | E::CountFailed(v)
        | E::CursorAdvanceFailed(v)
        | E::CursorContinueFailed(v)
        | E::CursorKeyNotFound(v)
        | E::CursorPrimaryKeyNotFound(v)
        | E::CursorValueNotFound(v)
        | E::DeleteFailed(v)
        | E::GetAllFailed(v)
        | E::GetAllKeysFailed(v)
        | E::GetFailed(v)
        | E::GetKeyFailed(v)
        | E::IndexCreateFailed(v)
        | E::IndexDeleteFailed(v)
        | E::IndexedDbDeleteFailed(v)
        | E::IndexedDbNotFound(v)
        | E::IndexedDbOpenFailed(v)
        | E::IndexNotFound(v)
        | E::KeyPathNotFound(v)
        | E::KeyRangeBoundNotFound(v)
        | E::KeyRangeCreateFailed(v)
        | E::KeyRangeIncludesFailed(v)
        | E::ObjectStoreCreateFailed(v)
        | E::ObjectStoreDeleteFailed(v)
        | E::ObjectStoreNotFound(v)
        | E::OpenCursorFailed(v)
        | E::OpenKeyCursorFailed(v)
        | E::RequestErrorNotFound(v)
        | E::RequestResultNotFound(v)
        | E::TransactionAbortError(v)
        | E::TransactionCommitError(v)
        | E::TransactionModeNotFound(v)
        | E::TransactionOpenFailed(v)
        | E::UnexpectedJsType(_, v)
        | E::UpdateFailed(v) => v.clone(),
        // The rest are the idb library's own checks: nothing came from the browser.
        _ => return UNEXPECTED.to_owned(),
    };
    let Some(name) = field(&js, "name").and_then(|n| n.as_string()) else {
        return js.as_string().unwrap_or_else(|| UNEXPECTED.to_owned());
    };
    let message = field(&js, "message")
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    format!("{name}: {message}")
}

/// What [`describe`] says when the browser gave no reason.
const UNEXPECTED: &str = "the browser's database answered in a way this toolkit does not expect";

fn classify(context: &str, text: String) -> StoreError {
    if text.contains("Quota") || text.contains("quota") {
        StoreError::Full
    } else {
        StoreError::Blocked(format!("{context}: {text}"))
    }
}

fn failed(context: &str, error: idb::Error) -> StoreError {
    classify(context, describe(&error))
}

fn db() -> Result<Rc<Database>, StoreError> {
    OPEN.with(|open| open.borrow().clone())
        .ok_or_else(|| StoreError::Blocked("the work store is not open".to_owned()))
}

/// Opens the database (creating it on first use). `on_lost` is called once if the database is
/// later closed or deleted from elsewhere (another tab removing everything, the browser's
/// "clear site data"), after which every call here fails until [`open`] succeeds again.
pub async fn open(on_lost: impl Fn() + 'static) -> Result<(), StoreError> {
    let factory = Factory::new().map_err(|e| {
        StoreError::Blocked(format!(
            "this browser has no database for web pages ({})",
            describe(&e)
        ))
    })?;
    let mut request = factory
        .open(NAME, Some(VERSION))
        .map_err(|e| failed("the work store could not be opened", e))?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        for name in [WORKS, RESPONSES, ASIDE, DOCUMENTS, STAGED] {
            if !database.store_names().iter().any(|n| n == name) {
                let _ = database.create_object_store(name, ObjectStoreParams::new());
            }
        }
    });
    let mut database = request
        .await
        .map_err(|e| failed("the work store could not be opened", e))?;
    let on_lost = Rc::new(on_lost);
    let lost_by_delete = on_lost.clone();
    database.on_version_change(move |_| {
        // Another tab is deleting or upgrading the database: let it, and say so.
        close();
        lost_by_delete();
    });
    database.on_close(move |_| {
        OPEN.with(|open| open.borrow_mut().take());
        on_lost();
    });
    OPEN.with(|open| *open.borrow_mut() = Some(Rc::new(database)));
    Ok(())
}

/// True when the database is open.
pub fn is_open() -> bool {
    OPEN.with(|open| open.borrow().is_some())
}

/// Closes this tab's connection.
pub fn close() {
    if let Some(database) = OPEN.with(|open| open.borrow_mut().take()) {
        database.close();
    }
}

fn record(fields: &[(&str, &JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

fn sealed_value(sealed: &Sealed, revision: Option<u64>) -> JsValue {
    let text = JsValue::from_str(&sealed.text);
    let sum = JsValue::from_str(&sealed.sum);
    match revision {
        Some(revision) => record(&[
            ("text", &text),
            ("sum", &sum),
            ("rev", &JsValue::from_f64(revision as f64)),
        ]),
        None => record(&[("text", &text), ("sum", &sum)]),
    }
}

fn field(value: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn text_field(value: &JsValue, name: &str) -> String {
    field(value, name)
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn sealed_of(value: &JsValue) -> Sealed {
    Sealed {
        text: text_field(value, "text"),
        sum: text_field(value, "sum"),
    }
}

fn response_key(work: &WorkId, response: &ResponseId) -> JsValue {
    Array::of2(&work.as_str().into(), &response.as_str().into()).into()
}

/// The key range holding every response (or staged block, R7) of one piece of work.
fn responses_of(work: &WorkId) -> Result<KeyRange, StoreError> {
    let lower = Array::of1(&work.as_str().into());
    let upper = Array::of2(&work.as_str().into(), &Array::new());
    KeyRange::bound(&lower, &upper, Some(false), Some(true))
        .map_err(|e| failed("the responses could not be found", e))
}

/// What [`load_all`] read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The work that could be read.
    pub works: Vec<Stored>,
    /// Records that could not be read, kept aside (including any moved aside just now).
    pub aside: Vec<SetAsideEntry>,
}

/// A staged block's records (R7), or `None` if its packing is broken anywhere.
fn unpack_block(value: &JsValue) -> Option<Vec<(ResponseId, Sealed)>> {
    let text = field(value, "text")?.as_string()?;
    let ends = field(value, "ends")?
        .dyn_into::<js_sys::Uint32Array>()
        .ok()?
        .to_vec();
    let packed = Packed {
        bytes: text.into_bytes(),
        ends,
    };
    let records = packed.unpack()?;
    Some(
        records
            .into_iter()
            .map(|(id, text, sum)| {
                let sealed = Sealed {
                    text: text.to_owned(),
                    sum: sum.to_owned(),
                };
                (ResponseId::new(id), sealed)
            })
            .collect(),
    )
}

/// What went wrong when blocks an import staged could not be counted or split.
const NOT_SETTLED: &str = "imported responses could not be put in place";

/// Finishes splitting staged blocks (R7) that an import wrote and did not get to split (the
/// page was closed or reloaded in between): each block's records are written to `responses`
/// and the block removed, all in one transaction, so a response is never lost nor in both
/// places. A block whose packing is broken is kept aside whole instead.
pub(crate) async fn settle_staged() -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed(NOT_SETTLED, e);
    let transaction = database
        .transaction(&[RESPONSES, STAGED, ASIDE], TransactionMode::ReadWrite)
        .map_err(fail)?;
    let settled = split_blocks(&transaction).await;
    if let Err(error) = settled {
        let _ = transaction.abort();
        return Err(fail(error));
    }
    finish(transaction, "imported responses could not be put in place").await
}

/// How many staged blocks wait for [`settle_staged`]: looked for in a read-only transaction,
/// as nearly every start has none.
async fn staged_blocks() -> Result<u32, StoreError> {
    let database = db()?;
    let fail = |e| failed(NOT_SETTLED, e);
    let look = database
        .transaction(&[STAGED], TransactionMode::ReadOnly)
        .map_err(fail)?;
    let count = look
        .object_store(STAGED)
        .map_err(fail)?
        .count(None)
        .map_err(fail)?
        .await
        .map_err(fail)?;
    let _ = look.await;
    Ok(count)
}

/// The writes of [`settle_staged`].
async fn split_blocks(transaction: &idb::Transaction) -> Result<(), idb::Error> {
    let staged = transaction.object_store(STAGED)?;
    let keys = staged.get_all_keys(None, None)?.await?;
    let values = staged.get_all(None, None)?.await?;
    let responses = transaction.object_store(RESPONSES)?;
    for (key, value) in keys.iter().zip(values.iter()) {
        let parts: Array = key.clone().unchecked_into();
        let work = WorkId::new(parts.get(0).as_string().unwrap_or_default());
        match unpack_block(value) {
            Some(records) => put_responses(&responses, &work, &records).await?,
            None => {
                let from = Origin::Staged {
                    work,
                    block: parts.get(1).as_f64().unwrap_or(0.0) as u32,
                };
                let text = js_sys::JSON::stringify(value)
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                let (key, value) = aside_record(&from, &text, &Damage::Unpacked {});
                transaction
                    .object_store(ASIDE)?
                    .put(&value, Some(&key.into()))?;
            }
        }
        staged.delete(Query::Key(key.clone()))?;
    }
    Ok(())
}

/// Reads every piece of work. A damaged head or response is moved aside in the same
/// transaction as it is taken out of its place (never deleted), and listed. Staged blocks an
/// import left are split first (R7); if that fails (the disk is full, say), they are read
/// where they are, and split on a later start.
pub async fn load_all() -> Result<Loaded, StoreError> {
    // Not a loss if it fails: every block is still read below. Settled by the part of the
    // app that handles what is seldom met (`problems`): only a start after an import was cut
    // short finds blocks.
    if staged_blocks().await.unwrap_or(0) > 0 {
        if let Ok(settling) = crate::later::settle_staged().await {
            let _ = settling.await;
        }
    }
    let database = db()?;
    let read = |e| failed("the saved work could not be read", e);
    let transaction = database
        .transaction(&[WORKS, RESPONSES, STAGED], TransactionMode::ReadOnly)
        .map_err(read)?;
    let works = transaction.object_store(WORKS).map_err(read)?;
    let responses = transaction.object_store(RESPONSES).map_err(read)?;
    let staged = transaction.object_store(STAGED).map_err(read)?;
    let head_keys = works.get_all_keys(None, None).map_err(read)?;
    let heads = works.get_all(None, None).map_err(read)?;
    let response_keys = responses.get_all_keys(None, None).map_err(read)?;
    let response_values = responses.get_all(None, None).map_err(read)?;
    let block_keys = staged.get_all_keys(None, None).map_err(read)?;
    let blocks = staged.get_all(None, None).map_err(read)?;
    let (head_keys, heads) = (head_keys.await.map_err(read)?, heads.await.map_err(read)?);
    let (response_keys, response_values) = (
        response_keys.await.map_err(read)?,
        response_values.await.map_err(read)?,
    );
    let (block_keys, blocks) = (block_keys.await.map_err(read)?, blocks.await.map_err(read)?);
    let _ = transaction.await;

    // Each work's records, found by its id. A list sorted once, not a B-tree: the store gives
    // them in key order, so nearly every record joins the group before it, and a B-tree of
    // this type added its own insertion and removal code to the download a section waits for.
    let mut by_work: Vec<(String, Vec<(ResponseId, Sealed)>)> = Vec::new();
    let mut add = |work: String, records: Vec<(ResponseId, Sealed)>| match by_work.last_mut() {
        Some((last, list)) if *last == work => list.extend(records),
        _ => by_work.push((work, records)),
    };
    for (key, value) in response_keys.iter().zip(response_values.iter()) {
        let key: Array = key.clone().unchecked_into();
        let work = key.get(0).as_string().unwrap_or_default();
        let id = ResponseId::new(key.get(1).as_string().unwrap_or_default());
        add(work, vec![(id, sealed_of(value))]);
    }
    for (key, block) in block_keys.iter().zip(blocks.iter()) {
        let key: Array = key.clone().unchecked_into();
        let work = key.get(0).as_string().unwrap_or_default();
        // A broken block stays where it is until a start can keep it aside (above).
        if let Some(records) = unpack_block(block) {
            add(work, records);
        }
    }
    mhsw::order::sort_by(&mut by_work, |a, b| a.0.cmp(&b.0));
    by_work.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            earlier.1.append(&mut later.1);
        }
        same
    });
    if !blocks.is_empty() {
        // A block is split in one transaction with its removal, so no response is both in a
        // block and in its own record; were one ever, it is read once.
        for (_, records) in &mut by_work {
            mhsw::order::sort_by(records, |a, b| a.0.cmp(&b.0));
            records.dedup_by(|a, b| a.0 == b.0);
        }
    }
    let mut loaded = Loaded::default();
    let mut to_set_aside = Vec::new();
    for (key, value) in head_keys.iter().zip(heads.iter()) {
        let id = WorkId::new(key.as_string().unwrap_or_default());
        let head = sealed_of(value);
        let responses = by_work
            .binary_search_by(|(work, _)| work.as_str().cmp(id.as_str()))
            .map(|at| std::mem::take(&mut by_work[at].1))
            .unwrap_or_default();
        let revision = field(value, "rev").and_then(|r| r.as_f64());
        let outcome = assemble(&id, &head, responses).await?.and_then(|stored| {
            if revision == Some(stored.meta.revision as f64) {
                Ok(stored)
            } else {
                Err(Damage::Revision {})
            }
        });
        match outcome {
            Ok(stored) => {
                for damaged in &stored.damaged {
                    to_set_aside.push(Aside {
                        from: Origin::Response {
                            work: id.clone(),
                            id: damaged.id.clone(),
                        },
                        text: damaged.text.clone(),
                        reason: damaged.reason.clone(),
                    });
                }
                loaded.works.push(stored);
            }
            Err(reason) => to_set_aside.push(Aside {
                from: Origin::Work { id: id.clone() },
                text: head.text,
                reason,
            }),
        }
    }
    // Kept aside by the part `problems` (as is the reading that finds nearly every damaged
    // entry); if it cannot be downloaded, nothing is moved, and the page says so.
    if !to_set_aside.is_empty() {
        crate::later::move_aside(to_set_aside)
            .await
            .map_err(|_| StoreError::NotRead)?
            .await?;
    }
    loaded.aside = set_aside_entries().await?;
    Ok(loaded)
}

/// Reads a piece of work from its records: the quick way ([`mhsw::store::assemble_quickly`])
/// when every record is as this toolkit writes it, which is nearly always; otherwise the long
/// way, which says what is wrong with each record, from the part of the app that holds it
/// ([`crate::later::read_strictly`]). If that part cannot be downloaded, nothing is moved
/// or read: the store reports it, and the next start reads the records again.
async fn assemble(
    id: &WorkId,
    head: &Sealed,
    responses: Vec<(ResponseId, Sealed)>,
) -> Result<Result<Stored, Damage>, StoreError> {
    if let Some(stored) = mhsw::store::assemble_quickly(id, head, &responses) {
        return Ok(Ok(stored));
    }
    let ask = crate::later::Strictly::Work {
        id: id.clone(),
        head: head.clone(),
        responses,
    };
    crate::later::read_strictly(ask)
        .await
        .ok()
        .and_then(crate::later::ReadStrictly::work)
        .ok_or(StoreError::NotRead)
}

/// A damaged record to keep aside: where it was, its text, and why it could not be read.
pub(crate) struct Aside {
    from: Origin,
    text: String,
    reason: Damage,
}

/// Keeps each of `entries` aside, one transaction each, in order; stops at the first that
/// cannot be kept aside.
pub(crate) async fn move_all_aside(entries: Vec<Aside>) -> Result<(), StoreError> {
    for aside in entries {
        move_aside(&aside).await?;
    }
    Ok(())
}

/// Moves one damaged record aside: written there and removed from its place in one
/// transaction, so it is never lost and never in both places.
async fn move_aside(aside: &Aside) -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed("a damaged entry could not be kept aside", e);
    let transaction = database
        .transaction(&[WORKS, RESPONSES, ASIDE], TransactionMode::ReadWrite)
        .map_err(fail)?;
    let (key, value) = aside_record(&aside.from, &aside.text, &aside.reason);
    transaction
        .object_store(ASIDE)
        .map_err(fail)?
        .put(&value, Some(&key.into()))
        .map_err(fail)?;
    match &aside.from {
        Origin::Entry { .. } | Origin::Staged { .. } => {}
        Origin::Work { id } => {
            transaction
                .object_store(WORKS)
                .map_err(fail)?
                .delete(Query::Key(id.as_str().into()))
                .map_err(fail)?;
        }
        Origin::Response { work, id } => {
            transaction
                .object_store(RESPONSES)
                .map_err(fail)?
                .delete(Query::Key(response_key(work, id)))
                .map_err(fail)?;
        }
    }
    finish(transaction, "a damaged entry could not be kept aside").await
}

/// The key and value under which a record that could not be read is kept aside.
fn aside_record(from: &Origin, text: &str, reason: &Damage) -> (String, JsValue) {
    let original = from.in_lang(Lang::En);
    let key = format!("{original}:{}", mhsw::store::checksum(text));
    let why = KeptAside {
        from: from.clone(),
        reason: reason.clone(),
    };
    let value = record(&[
        ("text", &text.into()),
        ("reason", &reason.to_string().into()),
        ("original", &original.into()),
        ("why", &why.to_json().into()),
    ]);
    (key, value)
}

async fn finish(transaction: idb::Transaction, context: &str) -> Result<(), StoreError> {
    match transaction.await {
        Ok(result) if result.is_committed() => Ok(()),
        Ok(_) => Err(StoreError::Blocked(format!(
            "{context}: the browser stopped it"
        ))),
        Err(e) => Err(failed(context, e)),
    }
}

/// Keeps an entry that could not be read (from the first store format, say) aside.
pub async fn put_aside(
    key: &str,
    original: &str,
    text: &str,
    reason: &Damage,
) -> Result<(), StoreError> {
    let from = Origin::Entry {
        key: original.to_owned(),
    };
    // Kept under the key the caller gives (the one an earlier release used, with its checksum).
    let (_, value) = aside_record(&from, text, reason);
    put_one(
        ASIDE,
        &key.into(),
        &value,
        "an entry could not be kept aside",
    )
    .await
}

/// The entries kept aside because they could not be read.
pub async fn set_aside_entries() -> Result<Vec<SetAsideEntry>, StoreError> {
    Ok(read_all(ASIDE, "the entries kept aside could not be read")
        .await?
        .iter()
        .map(|(key, value)| SetAsideEntry {
            key: key.as_string().unwrap_or_default(),
            original_key: text_field(value, "original"),
            text: text_field(value, "text"),
            reason: text_field(value, "reason"),
            why_json: text_field(value, "why"),
        })
        .collect())
}

/// Removes an entry kept aside (after the user confirmed).
pub async fn delete_aside(key: &str) -> Result<(), StoreError> {
    delete_one(ASIDE, key, "the entry could not be removed").await
}

/// Every (key, value) of one store.
async fn read_all(store: &str, context: &str) -> Result<Vec<(JsValue, JsValue)>, StoreError> {
    let database = db()?;
    let read = |e| failed(context, e);
    let transaction = database
        .transaction(&[store], TransactionMode::ReadOnly)
        .map_err(read)?;
    let store = transaction.object_store(store).map_err(read)?;
    let keys = store.get_all_keys(None, None).map_err(read)?;
    let values = store.get_all(None, None).map_err(read)?;
    let (keys, values) = (keys.await.map_err(read)?, values.await.map_err(read)?);
    Ok(keys.into_iter().zip(values).collect())
}

/// Writes one value under a key, in a transaction of its own.
async fn put_one(
    store: &str,
    key: &JsValue,
    value: &JsValue,
    context: &str,
) -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed(context, e);
    let transaction = database
        .transaction(&[store], TransactionMode::ReadWrite)
        .map_err(fail)?;
    transaction
        .object_store(store)
        .map_err(fail)?
        .put(value, Some(key))
        .map_err(fail)?;
    finish(transaction, context).await
}

/// Deletes one text key, in a transaction of its own.
async fn delete_one(store: &str, key: &str, context: &str) -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed(context, e);
    let transaction = database
        .transaction(&[store], TransactionMode::ReadWrite)
        .map_err(fail)?;
    transaction
        .object_store(store)
        .map_err(fail)?
        .delete(Query::Key(key.into()))
        .map_err(fail)?;
    finish(transaction, context).await
}

/// A save: the head and the responses not yet stored.
pub struct Save<'a> {
    /// The work's id.
    pub id: &'a WorkId,
    /// The revision being written, which the sealed head also carries; the save stops if this
    /// revision or a later one is already stored (R4).
    pub revision: u64,
    /// The sealed head.
    pub head: Sealed,
    /// New response records.
    pub responses: Vec<(ResponseId, Sealed)>,
}

/// Response records written before a big save gives the page a turn (about 25 ms of writes).
const PUTS_PER_TURN: usize = 600;

/// Writes a save in one transaction: all of it, or (on any failure) none of it. Returns
/// [`StoreError::Conflict`] when another tab saved a newer revision in between.
pub async fn save(save: Save<'_>) -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed("the work could not be saved", e);
    let transaction = database
        .transaction(&[WORKS, RESPONSES], TransactionMode::ReadWrite)
        .map_err(fail)?;
    let works = transaction.object_store(WORKS).map_err(fail)?;
    let stored = works
        .get(Query::Key(save.id.as_str().into()))
        .map_err(fail)?
        .await
        .map_err(fail)?;
    let stored_revision = stored
        .as_ref()
        .and_then(|value| field(value, "rev"))
        .and_then(|r| r.as_f64())
        .unwrap_or(0.0);
    if stored_revision >= save.revision as f64 {
        let _ = transaction.abort();
        return Err(StoreError::Conflict);
    }
    // Saved before (revision 1 is a work's first save) and gone now: another tab deleted it,
    // and its word never came. Writing it again would bring it back unasked.
    if stored.is_none() && save.revision > 1 {
        let _ = transaction.abort();
        return Err(StoreError::DeletedElsewhere);
    }
    let written = write_records(&transaction, &save).await;
    if let Err(error) = written {
        // Nothing of a save is kept unless all of it is: the writes already made are undone.
        let _ = transaction.abort();
        return Err(failed("the work could not be saved", error));
    }
    finish(transaction, "the work could not be saved").await
}

/// The writes of a save: its head, then its response records.
async fn write_records(transaction: &idb::Transaction, save: &Save<'_>) -> Result<(), idb::Error> {
    // Timed for `make bench`: the page's own time writing, not the time waiting for the disk.
    let timed = super::timing::start("mhsw:save-write");
    transaction.object_store(WORKS)?.put(
        &sealed_value(&save.head, Some(save.revision)),
        Some(&save.id.as_str().into()),
    )?;
    timed.end();
    let responses = transaction.object_store(RESPONSES)?;
    put_responses(&responses, save.id, &save.responses).await
}

/// Writes one piece of work's response records, a chunk at a time.
async fn put_responses(
    responses: &idb::ObjectStore,
    work: &WorkId,
    records: &[(ResponseId, Sealed)],
) -> Result<(), idb::Error> {
    let mut timed = super::timing::start("mhsw:save-write");
    for chunk in records.chunks(PUTS_PER_TURN) {
        let mut first = None;
        for (id, sealed) in chunk {
            let put = responses.put(&sealed_value(sealed, None), Some(&response_key(work, id)))?;
            first.get_or_insert(put);
        }
        // A big save (an imported collection) gives the page a turn between chunks: waiting
        // for a write keeps the transaction open (a request is always pending) while the
        // browser draws and answers input. Waiting for the chunk's first write, not its last,
        // leaves the rest of the chunk queued, so the store writes while the page prepares the
        // next chunk.
        if records.len() > PUTS_PER_TURN {
            if let Some(first) = first {
                timed.end();
                first.await?;
                timed = super::timing::start("mhsw:save-write");
            }
        }
    }
    timed.end();
    Ok(())
}

/// Reads one piece of work as stored now (for "use the other tab's version"), with any of its
/// responses still in staged blocks (R7; a broken block is left for the next start to keep
/// aside).
pub async fn load_one(id: &WorkId) -> Result<Option<Stored>, StoreError> {
    let database = db()?;
    let read = |e| failed("the saved work could not be read", e);
    let transaction = database
        .transaction(&[WORKS, RESPONSES, STAGED], TransactionMode::ReadOnly)
        .map_err(read)?;
    let head = transaction
        .object_store(WORKS)
        .map_err(read)?
        .get(Query::Key(id.as_str().into()))
        .map_err(read)?;
    let responses = transaction.object_store(RESPONSES).map_err(read)?;
    let range = responses_of(id)?;
    let keys = responses
        .get_all_keys(Some(Query::KeyRange(range.clone())), None)
        .map_err(read)?;
    let values = responses
        .get_all(Some(Query::KeyRange(range.clone())), None)
        .map_err(read)?;
    // Asked for last and waited for last: `idb` listens for a request's answer only from its
    // `.await`, so a request answered before an earlier one is waited for is never heard.
    let blocks = transaction
        .object_store(STAGED)
        .map_err(read)?
        .get_all(Some(Query::KeyRange(range)), None)
        .map_err(read)?;
    let Some(head) = head.await.map_err(read)? else {
        return Ok(None);
    };
    let (keys, values) = (keys.await.map_err(read)?, values.await.map_err(read)?);
    let blocks = blocks.await.map_err(read)?;
    let mut responses: Vec<(ResponseId, Sealed)> = keys
        .iter()
        .zip(values.iter())
        .map(|(key, value)| {
            let key: Array = key.clone().unchecked_into();
            (
                ResponseId::new(key.get(1).as_string().unwrap_or_default()),
                sealed_of(value),
            )
        })
        .collect();
    responses.extend(blocks.iter().filter_map(unpack_block).flatten());
    assemble(id, &sealed_of(&head), responses)
        .await?
        .map(Some)
        .map_err(|reason| {
            StoreError::Blocked(format!("the saved copy could not be read: {reason}"))
        })
}

/// Deletes one piece of work and all its responses (after the user confirmed).
pub async fn delete_work(id: &WorkId) -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed("the work could not be deleted", e);
    let transaction = database
        .transaction(&[WORKS, RESPONSES, STAGED], TransactionMode::ReadWrite)
        .map_err(fail)?;
    transaction
        .object_store(WORKS)
        .map_err(fail)?
        .delete(Query::Key(id.as_str().into()))
        .map_err(fail)?;
    for store in [RESPONSES, STAGED] {
        transaction
            .object_store(store)
            .map_err(fail)?
            .delete(Query::KeyRange(responses_of(id)?))
            .map_err(fail)?;
    }
    finish(transaction, "the work could not be deleted").await
}

/// Questionnaire files opened from the user's computer and kept on this device: (file name,
/// text). (Not the copies of the site's files, [`copy`], whose keys are lists.)
pub async fn documents() -> Result<Vec<(String, String)>, StoreError> {
    Ok(read_all(
        DOCUMENTS,
        "the questionnaires kept on this device could not be read",
    )
    .await?
    .iter()
    .filter_map(|(key, value)| Some((key.as_string()?, text_field(value, "text"))))
    .collect())
}

/// The key the copy of the site's questionnaire file `path` is kept under: a list, which no
/// file opened from the user's computer (a text key) can have.
fn copy_key(path: &str) -> JsValue {
    Array::of2(&"copy".into(), &path.into()).into()
}

/// Keeps a copy of the site's questionnaire file `path`, with the site's tag for it and its
/// checksum.
pub async fn keep_copy(path: &str, tag: &str, text: &str) -> Result<(), StoreError> {
    let sum = mhsw::store::checksum(text);
    let value = record(&[
        ("text", &text.into()),
        ("tag", &tag.into()),
        ("sum", &sum.into()),
    ]);
    put_one(
        DOCUMENTS,
        &copy_key(path),
        &value,
        "the questionnaire could not be kept on this device",
    )
    .await
}

/// The copy of the site's questionnaire file `path` kept on this device, as (tag, text); none
/// when its text is not the one kept (damaged on the disk, or changed by hand): the file is then
/// fetched again, as when there is no copy.
pub async fn copy(path: &str) -> Result<Option<(String, String)>, StoreError> {
    let database = db()?;
    let read = |e| failed("the questionnaire kept on this device could not be read", e);
    let transaction = database
        .transaction(&[DOCUMENTS], TransactionMode::ReadOnly)
        .map_err(read)?;
    let value = transaction
        .object_store(DOCUMENTS)
        .map_err(read)?
        .get(Query::Key(copy_key(path)))
        .map_err(read)?
        .await
        .map_err(read)?;
    Ok(value.and_then(|value| {
        let text = text_field(&value, "text");
        (mhsw::store::checksum(&text) == text_field(&value, "sum"))
            .then(|| (text_field(&value, "tag"), text))
    }))
}

/// Keeps a questionnaire file on this device (replacing one of the same name).
pub async fn put_document(name: &str, text: &str) -> Result<(), StoreError> {
    let value = record(&[("text", &text.into())]);
    put_one(
        DOCUMENTS,
        &name.into(),
        &value,
        "the questionnaire could not be kept on this device",
    )
    .await
}

/// Removes a questionnaire file kept on this device.
pub async fn delete_document(name: &str) -> Result<(), StoreError> {
    delete_one(DOCUMENTS, name, "the questionnaire could not be removed").await
}

/// Removes everything in the work store (after the user confirmed).
pub async fn clear_everything() -> Result<(), StoreError> {
    let database = db()?;
    let fail = |e| failed("the saved work could not be removed", e);
    let transaction = database
        .transaction(
            &[WORKS, RESPONSES, ASIDE, DOCUMENTS, STAGED],
            TransactionMode::ReadWrite,
        )
        .map_err(fail)?;
    // All or nothing: a store that refuses undoes the clearing of those before it.
    let cleared = [WORKS, RESPONSES, ASIDE, DOCUMENTS, STAGED]
        .into_iter()
        .try_for_each(|name| {
            transaction
                .object_store(name)
                .and_then(|store| store.clear())
                .map(drop)
                .map_err(fail)
        });
    if let Err(refused) = cleared {
        let _ = transaction.abort();
        return Err(refused);
    }
    finish(transaction, "the saved work could not be removed").await
}

/// How much the site stores and may store, and whether the browser keeps it when space runs low.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Bytes used by this site, as the browser counts them.
    pub usage: Option<f64>,
    /// Bytes this site may use.
    pub quota: Option<f64>,
    /// Whether storage is persistent (not cleared by the browser to make room).
    pub persisted: Option<bool>,
}

/// The browser's storage estimate (`navigator.storage`), where it gives one.
pub async fn estimate() -> Estimate {
    let mut found = Estimate {
        usage: None,
        quota: None,
        persisted: None,
    };
    let Some(window) = web_sys::window() else {
        return found;
    };
    let manager = window.navigator().storage();
    if let Ok(promise) = manager.estimate() {
        if let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await {
            found.usage = field(&value, "usage").and_then(|v| v.as_f64());
            found.quota = field(&value, "quota").and_then(|v| v.as_f64());
        }
    }
    if let Ok(promise) = manager.persisted() {
        if let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await {
            found.persisted = value.as_bool();
        }
    }
    found
}

/// Asks the browser to keep this site's storage even when space runs low. Returns what it said.
pub async fn request_persistence() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}
