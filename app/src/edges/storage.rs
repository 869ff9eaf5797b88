//! Small settings in the browser's `localStorage` (through gloo-storage): the shared device's
//! collection lock, the light listing the first screen draws from, peer reference sets, the
//! languages chosen for the pages and for reports, and the
//! entries the first store format left here, read once to bring them into the work store
//! (`edges::database`, IndexedDB) and then removed.
//!
//! Storage can be blocked (a managed browser's policy, private modes), full or throwing. gloo's
//! calls throw when storage is blocked, so each one here runs only after `local()` has found
//! storage available, and every failure is a [`StoreError`] or `None`: nothing here throws.

use gloo_storage::{LocalStorage, Storage};
use mhsw::ids::{DefinitionId, WorkId};

use super::json::Json;

/// Keys of the first store format (store version 1), read only to bring them over.
pub const LEGACY_WORK_PREFIX: &str = "mhsw:work:";
/// Entries the first store format kept aside.
pub const LEGACY_ASIDE_PREFIX: &str = "mhsw:unreadable:";
/// Questionnaires opened from a file, as the first store format kept them.
pub const LEGACY_DEFINITION_PREFIX: &str = "mhsw:definition:";
const LISTING_KEY: &str = "mhsw:listing";
const KIOSK_KEY: &str = "mhsw:collecting";
const PEERS_PREFIX: &str = "mhsw:peers:";
const REPORT_LANGUAGE_PREFIX: &str = "mhsw:report-language:";
const INTERFACE_LANGUAGE_KEY: &str = "mhsw:interface-language";
const PREVIOUS_CYCLE_PREFIX: &str = "mhsw:previous-cycle:";
/// Before a questionnaire file's name: the checksum of its text when it last passed every check.
const CHECKED_PREFIX: &str = "mhsw:checked:";
/// `mhsw:copy:<path>`: the tag of the copy of a questionnaire file, or of the manifest, this
/// device keeps ([`copy_tag`]); read by `assets/boot.js` too.
const COPY_PREFIX: &str = "mhsw:copy:";
/// `mhsw:copy-text:<path>`: the copy itself, for the manifest, a small file: its checksum, a
/// line break, then its text ([`kept_text`]).
const COPY_TEXT_PREFIX: &str = "mhsw:copy-text:";

/// An entry that could not be read, kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAsideEntry {
    /// Its key where it is kept now.
    pub key: String,
    /// Where it was.
    pub original_key: String,
    /// Its text, exactly as it was stored.
    pub text: String,
    /// Why it could not be read, in English (all an earlier release kept).
    pub reason: String,
    /// Where it was and why it could not be read, as stored ([`mhsw::store::KeptAside::to_json`];
    /// empty for an entry an earlier release kept aside). Kept as text and read only where the
    /// entry is shown ([`SetAsideEntry::why`]), so a start never carries that reader's code.
    pub why_json: String,
}

impl SetAsideEntry {
    /// Where it was and why it could not be read, typed, to say in the page's language (`None`
    /// for an entry an earlier release kept aside, which has only its English reason).
    pub fn why(&self) -> Option<mhsw::store::KeptAside> {
        mhsw::store::KeptAside::from_json(&self.why_json)
    }
}

/// What can go wrong with storage, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is switched off or blocked (private browsing, settings).
    Blocked(String),
    /// Another tab saved a newer version.
    Conflict,
    /// Another tab deleted the work (it was saved before, and is no longer in the store).
    DeletedElsewhere,
    /// The saved work was removed from elsewhere (another tab, the browser's settings).
    Removed,
    /// A saved record needed the part of the app that explains damaged records to be read, and
    /// that part could not be downloaded: nothing was read, moved or removed.
    NotRead,
    /// The part of the app that saves could not be downloaded (`crate::later::write`): the
    /// change is held in the page, and the save is tried again.
    NoSaver,
}

/// In English, as the message catalogue words it ([`StoreError::in_lang`]).
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(mhsw::lang::Lang::En))
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// What went wrong in `lang` (the message catalogue's words); the browser's own reason for
    /// blocking stays as the browser gave it.
    pub fn in_lang(&self, lang: mhsw::lang::Lang) -> String {
        use mhsw::messages::problems as say;
        match self {
            StoreError::Full => say::store_full(lang).to_owned(),
            StoreError::Blocked(reason) => say::store_blocked(lang, reason),
            StoreError::Conflict => say::store_conflict(lang).to_owned(),
            StoreError::DeletedElsewhere => say::store_deleted_elsewhere(lang).to_owned(),
            StoreError::Removed => say::store_removed(lang).to_owned(),
            StoreError::NotRead => say::store_not_read(lang).to_owned(),
            StoreError::NoSaver => say::store_no_saver(lang).to_owned(),
        }
    }
}

/// This browser's `localStorage`, if it may be used now.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// True when small settings can be kept (storage not blocked).
pub fn available() -> bool {
    local().is_some()
}

fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

fn set(key: &str, text: &str) -> Result<(), StoreError> {
    let store = local().ok_or_else(|| StoreError::Blocked("storage is switched off".to_owned()))?;
    store.set_item(key, text).map_err(|error| {
        let text = format!("{error:?}");
        if text.contains("Quota") || text.contains("quota") {
            StoreError::Full
        } else {
            StoreError::Blocked("the browser refused to keep it".to_owned())
        }
    })
}

fn remove(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}

/// Every key starting with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Some(store) = local() else {
        return Vec::new();
    };
    let length = store.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// The text kept under a key of the first store format.
pub fn legacy_text(key: &str) -> Option<String> {
    get(key)
}

/// Removes a key of the first store format, once its entry is safely in the work store.
pub fn remove_legacy(key: &str) {
    remove(key);
}

/// What the home page lists of a saved piece of work before the full reading has run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The work's id.
    pub id: WorkId,
    /// Its name.
    pub name: String,
    /// The id of the questionnaire it answers.
    pub definition: DefinitionId,
    /// When it last changed.
    pub updated: mhsw::date::Date,
}

fn listed_of(json: &Json) -> Option<Listed> {
    Some(Listed {
        id: WorkId::new(json.text("id")?),
        name: json.text("name")?,
        definition: DefinitionId::new(json.get("definition")?.text("id")?),
        updated: json.text("updated")?.parse().ok()?,
    })
}

/// A light listing of the saved work for the first screen: the listing the app keeps beside
/// the work store, plus any entries of the first store format not yet brought over. Read with
/// the browser's JSON parser (see `edges::json`). The full reading replaces it moments later.
pub fn list() -> Vec<Listed> {
    let mut listed: Vec<Listed> = get(LISTING_KEY)
        .and_then(|text| Json::parse(&text)?.items())
        .unwrap_or_default()
        .iter()
        .filter_map(listed_of)
        .collect();
    for key in keys_with_prefix(LEGACY_WORK_PREFIX) {
        let Some(text) = get(&key) else { continue };
        if let Some(found) = Json::parse(&text)
            .and_then(|json| json.get("work"))
            .and_then(|work| listed_of(&work))
        {
            if !listed.iter().any(|l| l.id == found.id) {
                listed.push(found);
            }
        }
    }
    listed
}

/// One piece of work in the light listing ([`keep_listing`]).
pub struct ListingEntry {
    /// The work's id.
    pub id: WorkId,
    /// Its name.
    pub name: String,
    /// Its questionnaire's id.
    pub definition: DefinitionId,
    /// The file in the site's questionnaire folder that holds that questionnaire, when known
    /// (`assets/boot.js` asks for it as a link to a section starts); `null` when not.
    pub file: Option<String>,
    /// When it last changed.
    pub updated: mhsw::date::Date,
}

/// Keeps the light listing up to date (a cache: losing it costs only a moment's blank list).
/// Written with the browser's `JSON.stringify`, as it is read with its `JSON.parse`: serde's
/// writer would be 3.6 kB more for a section to wait for (3 December 2026).
pub fn keep_listing(listing: &[ListingEntry]) {
    use wasm_bindgen::JsValue;
    let items = js_sys::Array::new();
    for entry in listing {
        let file = entry
            .file
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str);
        let definition = Json::object(&[
            ("id", JsValue::from_str(entry.definition.as_str())),
            ("file", file),
        ]);
        items.push(&Json::object(&[
            ("id", JsValue::from_str(entry.id.as_str())),
            ("name", JsValue::from_str(&entry.name)),
            ("definition", definition),
            ("updated", JsValue::from_str(&entry.updated.to_string())),
        ]));
    }
    let _ = set(LISTING_KEY, &Json::text_of(&items));
}

/// The shared device's collection lock: which collection, and the practitioner's code as a
/// salted hash (never the code itself). Kept in `localStorage`, so every tab and window of
/// the app, a reload and a typed address all open the collection screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kiosk {
    /// The feedback collection being answered.
    pub work: WorkId,
    /// A random salt, as hex.
    pub salt: String,
    /// SHA-256 of salt and code, as hex.
    pub hash: String,
    /// Wrong codes entered in a row.
    pub failures: u32,
    /// No code is checked before this time (whole milliseconds since 1970), after wrong
    /// codes. Whole numbers: the first module carries no floating-point formatting.
    pub wait_until: u64,
}

/// The collection lock, if collection mode is on. Read with the browser's JSON parser: this
/// runs on the first screen (see `edges::json`).
pub fn kiosk() -> Option<Kiosk> {
    let json = Json::parse(&get(KIOSK_KEY)?)?;
    Some(Kiosk {
        work: WorkId::new(json.text("work")?),
        salt: json.text("salt")?,
        hash: json.text("hash")?,
        failures: json
            .text("failures")
            .and_then(|f| f.parse().ok())
            .unwrap_or(0),
        wait_until: json
            .text("wait_until")
            .and_then(|f| f.parse().ok())
            .unwrap_or(0),
    })
}

/// Turns collection mode on (or, with `None`, off) for every tab. Fails when the lock cannot
/// be kept, so the caller can say that other tabs are not locked.
pub fn set_kiosk(kiosk: Option<&Kiosk>) -> Result<(), StoreError> {
    match kiosk {
        // Written with the browser's JSON (this runs in the first module too: see `lib.rs`).
        Some(kiosk) => set(
            KIOSK_KEY,
            &Json::object_text(&[
                ("work", kiosk.work.as_str()),
                ("salt", &kiosk.salt),
                ("hash", &kiosk.hash),
                ("failures", &kiosk.failures.to_string()),
                ("wait_until", &kiosk.wait_until.to_string()),
            ]),
        ),
        None => {
            remove(KIOSK_KEY);
            Ok(())
        }
    }
}

/// True when a `storage` event's key is the collection lock's.
pub fn is_kiosk_key(key: &str) -> bool {
    key == KIOSK_KEY
}

/// The peer reference set imported for a definition, as its file text.
pub fn peer_set_text(definition: &DefinitionId) -> Option<String> {
    get(&format!("{PEERS_PREFIX}{definition}"))
}

/// Keeps a peer reference set for a definition (replacing any earlier one).
pub fn save_peer_set_text(definition: &DefinitionId, text: &str) -> Result<(), StoreError> {
    set(&format!("{PEERS_PREFIX}{definition}"), text)
}

/// Removes the peer reference set kept for a definition.
pub fn remove_peer_set(definition: &DefinitionId) {
    remove(&format!("{PEERS_PREFIX}{definition}"));
}

/// The language last chosen for a piece of work's report (a language code), if any.
pub fn report_language(work: &WorkId) -> Option<String> {
    get(&format!("{REPORT_LANGUAGE_PREFIX}{work}"))
}

/// Remembers the language chosen for a piece of work's report. A preference: if it cannot be
/// kept, the report simply starts in its first language next time.
pub fn remember_report_language(work: &WorkId, code: &str) {
    let _ = set(&format!("{REPORT_LANGUAGE_PREFIX}{work}"), code);
}

/// The id of the audit last chosen as an audit's previous cycle on its results page, if any.
pub fn previous_cycle(work: &WorkId) -> Option<WorkId> {
    get(&format!("{PREVIOUS_CYCLE_PREFIX}{work}")).map(WorkId::new)
}

/// Remembers the previous cycle chosen for an audit's results (`None`: no comparison). A
/// preference: if it cannot be kept, the results simply start without a comparison.
pub fn remember_previous_cycle(work: &WorkId, previous: Option<&WorkId>) {
    let key = format!("{PREVIOUS_CYCLE_PREFIX}{work}");
    match previous {
        Some(previous) => {
            let _ = set(&key, previous.as_str());
        }
        None => remove(&key),
    }
}

/// The language the lead chose for the toolkit's pages (a language code), if any.
pub fn interface_language() -> Option<String> {
    get(INTERFACE_LANGUAGE_KEY)
}

/// Remembers the language chosen for the toolkit's pages. A preference: if it cannot be kept
/// (storage blocked or full), the pages simply start in English next time.
pub fn remember_interface_language(code: &str) {
    let _ = set(INTERFACE_LANGUAGE_KEY, code);
}

/// The checksum ([`mhsw::store::checksum`]) of the questionnaire file `path` when it last passed
/// every check on this device, if it has.
pub fn checked_sum(path: &str) -> Option<String> {
    get(&format!("{CHECKED_PREFIX}{path}"))
}

/// Remembers that the questionnaire file `path` passed every check with the text whose checksum
/// is `sum`. A shortcut: if it cannot be kept, the file is simply checked before its page is
/// drawn next time.
pub fn remember_checked(path: &str, sum: &str) {
    if checked_sum(path).as_deref() != Some(sum) {
        let _ = set(&format!("{CHECKED_PREFIX}{path}"), sum);
    }
}

/// The tag (the site's `ETag`) of the copy of the file `path` kept on this device, if one is:
/// a questionnaire's in the work store ([`super::database::keep_copy`]), the manifest's here
/// ([`keep_text`]). The file is then asked for only if it changed since.
pub fn copy_tag(path: &str) -> Option<String> {
    get(&format!("{COPY_PREFIX}{path}"))
}

/// Remembers that a copy of the file `path` with the tag `tag` is kept, or, with `None`, that
/// none is. A shortcut: if it cannot be kept, the file is simply fetched in full.
pub fn remember_copy(path: &str, tag: Option<&str>) {
    let key = format!("{COPY_PREFIX}{path}");
    match tag {
        Some(tag) => {
            let _ = set(&key, tag);
        }
        None => remove(&key),
    }
}

/// The copy of the small file `path` (the manifest) kept here by [`keep_text`], if its tag is
/// remembered too and its text is the one kept (not damaged or changed by hand: the file is
/// then fetched again, as when there is no copy).
pub fn kept_text(path: &str) -> Option<String> {
    copy_tag(path)?;
    let kept = get(&format!("{COPY_TEXT_PREFIX}{path}"))?;
    let (sum, text) = kept.split_once('\n')?;
    (mhsw::store::checksum(text) == sum).then(|| text.to_owned())
}

/// Keeps `text` as the copy of the small file `path`, with the site's tag for it, when it is not
/// the copy already kept. The text first, then the tag that says it is kept.
pub fn keep_text(path: &str, tag: &str, text: &str) {
    if copy_tag(path).as_deref() == Some(tag) && kept_text(path).as_deref() == Some(text) {
        return;
    }
    remember_copy(path, None);
    let kept = format!("{}\n{text}", mhsw::store::checksum(text));
    if set(&format!("{COPY_TEXT_PREFIX}{path}"), &kept).is_ok() {
        remember_copy(path, Some(tag));
    }
}

/// Removes every setting the toolkit keeps (except the collection lock, which only the
/// practitioner's code removes).
pub fn remove_everything() {
    for prefix in [
        LEGACY_WORK_PREFIX,
        LEGACY_ASIDE_PREFIX,
        LEGACY_DEFINITION_PREFIX,
        PEERS_PREFIX,
        REPORT_LANGUAGE_PREFIX,
        PREVIOUS_CYCLE_PREFIX,
        CHECKED_PREFIX,
        COPY_PREFIX,
        COPY_TEXT_PREFIX,
        LISTING_KEY,
        INTERFACE_LANGUAGE_KEY,
    ] {
        for key in keys_with_prefix(prefix) {
            remove(&key);
        }
    }
}

/// Calls `on_change` with the key whenever another tab changes `localStorage`.
pub fn listen_other_tabs(on_change: impl Fn(String) + 'static) {
    use wasm_bindgen::prelude::*;
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            // A null key means another tab cleared all of storage.
            on_change(event.key().unwrap_or_default());
        });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}
