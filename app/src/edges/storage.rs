//! The device's storage (localStorage through gloo-storage): saved work, entries that could not
//! be read, and questionnaires opened from the user's own computer.
//!
//! Every entry is an envelope with a store version (for migrations) and a revision (so two tabs
//! never silently overwrite each other). An entry that cannot be read is moved aside under its
//! own key, never deleted, and listed for the user with a download. A full or blocked storage is
//! reported, and the work goes on in memory.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use mhsw::ids::WorkId;
use mhsw::work::Work;
use serde::{Deserialize, Serialize};

use super::json::Json;

/// The version of the envelope format below.
pub const STORE_VERSION: u32 = 1;
const WORK_PREFIX: &str = "mhsw:work:";
const ASIDE_PREFIX: &str = "mhsw:unreadable:";
const DEFINITION_PREFIX: &str = "mhsw:definition:";

/// A saved piece of work, as kept in storage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// The envelope format version.
    pub store_version: u32,
    /// Goes up by one on every save; a save that finds a higher revision stored stops.
    pub revision: u64,
    /// The time of day it was saved, for "Saved at 14:32".
    pub saved_at: String,
    /// The work itself.
    pub work: Work,
}

/// An entry that could not be read, kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAsideEntry {
    /// Its storage key now.
    pub key: String,
    /// Its original key.
    pub original_key: String,
    /// Its text, exactly as it was stored.
    pub text: String,
    /// Why it could not be read.
    pub reason: String,
}

/// What can go wrong with storage, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The browser's storage for this site is full.
    #[error("this browser's storage for the toolkit is full, so your latest changes are kept only while this page stays open")]
    Full,
    /// Storage is switched off or blocked (private browsing, settings).
    #[error("this browser is not letting the toolkit save ({0}), so your work is kept only while this page stays open")]
    Blocked(String),
    /// Another tab saved a newer version.
    #[error("this work was changed in another tab or window since you opened it, so your latest change was not saved over it")]
    Conflict,
}

fn classify(error: StorageError) -> StoreError {
    match error {
        StorageError::JsError(js) => {
            let text = format!("{}: {}", js.name, js.message);
            if text.contains("Quota") || text.contains("quota") {
                StoreError::Full
            } else {
                StoreError::Blocked(text)
            }
        }
        other => StoreError::Blocked(other.to_string()),
    }
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .ok_or_else(|| StoreError::Blocked("no window".to_owned()))?
        .local_storage()
        .map_err(|_| StoreError::Blocked("access to storage was refused".to_owned()))?
        .ok_or_else(|| StoreError::Blocked("storage is switched off".to_owned()))
}

fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StoreError> {
    let store = storage()?;
    let length = store.length().unwrap_or(0);
    Ok((0..length)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

fn raw(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// What the home page lists of a saved piece of work before the full reading has run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The work's id.
    pub id: WorkId,
    /// Its name.
    pub name: String,
    /// The id of the questionnaire it answers.
    pub definition: mhsw::ids::DefinitionId,
    /// When it last changed.
    pub updated: mhsw::date::Date,
}

/// A light reading of every saved piece of work: only what the home page lists, with the rest
/// of each entry skipped, not built. An entry that cannot be read even this far is left out
/// here; the full reading ([`load_all`]) moves it aside and says why.
pub fn list() -> Vec<Listed> {
    keys_with_prefix(WORK_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| raw(&key))
        .filter_map(|text| {
            let work = Json::parse(&text)?.get("work")?;
            Some(Listed {
                id: WorkId::new(work.text("id")?),
                name: work.text("name")?,
                definition: mhsw::ids::DefinitionId::new(work.get("definition")?.text("id")?),
                updated: work.text("updated")?.parse().ok()?,
            })
        })
        .collect()
}

/// Everything saved: the works that could be read, and the entries that could not (which are
/// moved aside now, never deleted).
pub fn load_all() -> Result<(Vec<Envelope>, Vec<SetAsideEntry>), StoreError> {
    let mut works = Vec::new();
    let mut stuck = Vec::new();
    for key in keys_with_prefix(WORK_PREFIX)? {
        let Some(text) = raw(&key) else { continue };
        match read_envelope(&text) {
            Ok(envelope) => works.push(envelope),
            Err(reason) => {
                let aside_key = format!("{ASIDE_PREFIX}{}", &key[WORK_PREFIX.len()..]);
                // Move it aside only once the copy is safely written; otherwise it stays where it
                // is, and is listed all the same.
                if LocalStorage::raw().set_item(&aside_key, &text).is_ok() {
                    LocalStorage::delete(&key);
                } else {
                    stuck.push(SetAsideEntry {
                        key: key.clone(),
                        original_key: key,
                        text,
                        reason,
                    });
                }
            }
        }
    }
    let mut aside = set_aside_entries()?;
    aside.extend(stuck);
    Ok((works, aside))
}

/// The entries kept aside because they could not be read.
pub fn set_aside_entries() -> Result<Vec<SetAsideEntry>, StoreError> {
    let mut entries = Vec::new();
    for key in keys_with_prefix(ASIDE_PREFIX)? {
        let text = raw(&key).unwrap_or_default();
        let reason = read_envelope(&text)
            .err()
            .unwrap_or_else(|| "it could not be read".to_owned());
        entries.push(SetAsideEntry {
            original_key: format!("{WORK_PREFIX}{}", &key[ASIDE_PREFIX.len()..]),
            key,
            text,
            reason,
        });
    }
    Ok(entries)
}

/// Reads an envelope, migrating older store versions. The error says why not, in words.
pub fn read_envelope(text: &str) -> Result<Envelope, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("the saved text is damaged ({e})"))?;
    let version = value
        .get("store_version")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if version > u64::from(STORE_VERSION) {
        return Err(format!(
            "it was saved by a newer version of the toolkit (store version {version})"
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| format!("the saved work does not have the expected shape ({e})"))
}

/// Saves work. `known_revision` is the revision this tab last loaded or saved; when storage holds
/// a newer one, nothing is written and [`StoreError::Conflict`] is returned. Returns the new
/// revision.
pub fn save(work: &Work, known_revision: u64, saved_at: &str) -> Result<u64, StoreError> {
    let key = format!("{WORK_PREFIX}{}", work.id);
    // Only the stored revision is read (the rest is skipped, not built), to keep saves quick.
    #[derive(Deserialize)]
    struct Revision {
        revision: u64,
    }
    let stored = raw(&key).and_then(|text| serde_json::from_str::<Revision>(&text).ok());
    if stored.is_some_and(|stored| stored.revision > known_revision) {
        return Err(StoreError::Conflict);
    }
    let envelope = Envelope {
        store_version: STORE_VERSION,
        revision: known_revision + 1,
        saved_at: saved_at.to_owned(),
        work: work.clone(),
    };
    LocalStorage::set(&key, &envelope).map_err(classify)?;
    Ok(envelope.revision)
}

/// The stored envelope of one piece of work, if it can be read.
pub fn load_one(id: &WorkId) -> Option<Envelope> {
    raw(&format!("{WORK_PREFIX}{id}")).and_then(|text| read_envelope(&text).ok())
}

/// Deletes one piece of work (after the user confirmed).
pub fn delete(id: &WorkId) {
    LocalStorage::delete(format!("{WORK_PREFIX}{id}"));
}

/// Deletes an entry that was kept aside (after the user confirmed).
pub fn delete_key(key: &str) {
    LocalStorage::delete(key);
}

/// Questionnaire files the user opened from their computer: (file name, text).
pub fn local_definitions() -> Vec<(String, String)> {
    keys_with_prefix(DEFINITION_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| raw(&key).map(|text| (key[DEFINITION_PREFIX.len()..].to_owned(), text)))
        .collect()
}

/// Keeps a questionnaire file on this device.
pub fn save_local_definition(name: &str, text: &str) -> Result<(), StoreError> {
    LocalStorage::raw()
        .set_item(&format!("{DEFINITION_PREFIX}{name}"), text)
        .map_err(|_| StoreError::Full)
}

/// Removes a questionnaire file kept on this device.
pub fn remove_local_definition(name: &str) {
    LocalStorage::delete(format!("{DEFINITION_PREFIX}{name}"));
}

/// Removes everything the toolkit keeps on this device.
pub fn remove_everything() {
    for prefix in [WORK_PREFIX, ASIDE_PREFIX, DEFINITION_PREFIX, PEERS_PREFIX] {
        for key in keys_with_prefix(prefix).unwrap_or_default() {
            LocalStorage::delete(key);
        }
    }
}

/// True when a storage key belongs to a saved piece of work (for the `storage` event).
pub fn work_id_of_key(key: &str) -> Option<WorkId> {
    key.strip_prefix(WORK_PREFIX).map(WorkId::new)
}

/// Asks the browser to keep this site's storage even when space runs low.
pub fn request_persistence() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let manager = window.navigator().storage();
    if let Ok(promise) = manager.persist() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Calls `on_change` with the key whenever another tab changes storage.
pub fn listen_other_tabs(on_change: impl Fn(String) + 'static) {
    use wasm_bindgen::prelude::*;
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                on_change(key);
            }
        });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}

const KIOSK_KEY: &str = "mhsw:collecting";

/// Shared-device collection in progress in this tab: which work, and the practitioner's code
/// that ends it. Kept in this tab's session storage so a reload stays in collection mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kiosk {
    /// The feedback collection being answered.
    pub work: WorkId,
    /// The code the practitioner chose; needed to leave.
    pub code: String,
}

/// The collection in progress in this tab, if any.
pub fn kiosk() -> Option<Kiosk> {
    // Read with the browser's JSON parser: this runs on the first screen (see `edges::json`).
    use gloo_storage::SessionStorage;
    let json = Json::parse(&SessionStorage::raw().get_item(KIOSK_KEY).ok()??)?;
    Some(Kiosk {
        work: WorkId::new(json.text("work")?),
        code: json.text("code")?,
    })
}

/// Starts (or, with `None`, ends) collection mode in this tab.
pub fn set_kiosk(kiosk: Option<&Kiosk>) {
    use gloo_storage::SessionStorage;
    match kiosk {
        Some(kiosk) => {
            let _ = SessionStorage::set(KIOSK_KEY, kiosk);
        }
        None => SessionStorage::delete(KIOSK_KEY),
    }
}

const PEERS_PREFIX: &str = "mhsw:peers:";

/// The peer reference set imported for a definition, as its file text.
pub fn peer_set_text(definition: &str) -> Option<String> {
    raw(&format!("{PEERS_PREFIX}{definition}"))
}

/// Keeps a peer reference set for a definition (replacing any earlier one).
pub fn save_peer_set_text(definition: &str, text: &str) -> Result<(), StoreError> {
    LocalStorage::raw()
        .set_item(&format!("{PEERS_PREFIX}{definition}"), text)
        .map_err(|_| StoreError::Full)
}

/// Removes the peer reference set kept for a definition.
pub fn remove_peer_set(definition: &str) {
    LocalStorage::delete(format!("{PEERS_PREFIX}{definition}"));
}
