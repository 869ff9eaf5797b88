//! Loading questionnaires at start-up: the manifest and definitions published beside the app on
//! its own origin, the questionnaires the user opened from their computer, and, when the
//! manifest cannot be read, the definitions built into the app.
//!
//! A broken definition never stops the others: it is listed with the same problems `mhsw check`
//! would print.

use std::sync::Arc;

use mhsw::definition::{load_definition_quickly, read_checked_before, Definition, LoadError};
use mhsw::definition::{Nation, ToolKind};
use mhsw::ids::DefinitionId;
use mhsw::manifest::{Manifest, Summary};

use super::json::Json;
use leptos::prelude::ArcRwSignal;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The folder, relative to the page, that holds the published questionnaires.
pub const FOLDER: &str = "questionnaires/";

/// The copy of the bundled questionnaires that ships inside the app's own folder, used when the
/// site's manifest cannot be read. It is fetched only then, so it costs nothing on a normal start.
pub const BUILT_IN_FOLDER: &str = "builtin/";

/// Where a definition came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Published on this site, listed in the manifest.
    Site,
    /// Built into the app (the manifest could not be read).
    BuiltIn,
    /// Opened from the user's computer and kept on this device.
    Local,
}

/// A definition that loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Its file name.
    pub file: String,
    /// Where it came from.
    pub source: Source,
    /// The definition.
    pub definition: Arc<Definition>,
}

/// Everything found at start-up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    /// The definitions that loaded, site ones first.
    pub loaded: Vec<Loaded>,
    /// The files that did not, with every problem.
    pub broken: Vec<(Source, LoadError)>,
    /// A notice for the home page, for example that the built-in questionnaires are in use.
    pub notice: Option<String>,
}

thread_local! {
    /// The questionnaires the first page needs, checked before the others ([`check_first`]),
    /// until the whole catalogue is in [`crate::state::AppState::questionnaires`]. Kept here, not in
    /// the state, so that nothing in the first module (the home page) ever sees a part of the
    /// catalogue: only a page drawn early ([`Catalogue::answers`]) reads it.
    pub static FIRST: ArcRwSignal<Option<Catalogue>> = ArcRwSignal::new(None);

    /// Questionnaire files asked for before they are read, by URL ([`ask_now`]).
    static EARLY: std::cell::RefCell<Vec<(String, js_sys::Promise)>> =
        const { std::cell::RefCell::new(Vec::new()) };

    /// Each questionnaire's one file on this site, by the manifest the later part started
    /// with ([`remember`], [`site_file`]).
    static SITE_FILES: std::cell::RefCell<Vec<(DefinitionId, String)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps, from the manifest the later part started with, the one file on this site's
/// questionnaire folder that holds each questionnaire (none where there are more than one, or
/// the questionnaires are the built-in copy), for [`site_file`].
pub fn remember(listing: &Listing) {
    let mut files: Vec<(DefinitionId, String)> = Vec::new();
    if listing.source == Source::Site {
        for summary in &listing.manifest.summaries {
            if let Some([one]) = listing.files_for(&summary.id).as_deref() {
                files.push((summary.id.clone(), one.clone()));
            }
        }
    }
    SITE_FILES.with(|kept| *kept.borrow_mut() = files);
}

/// The one file on this site's questionnaire folder that holds the questionnaire `id`
/// ([`remember`]). Kept in the first screen's light listing, so that `assets/boot.js` can ask
/// for a section's questionnaire as the page starts, without reading the manifest first.
pub fn site_file(id: &DefinitionId) -> Option<String> {
    SITE_FILES.with(|kept| {
        let kept = kept.borrow();
        kept.iter()
            .find(|(kept, _)| kept == id)
            .map(|(_, file)| file.clone())
    })
}

/// Starts fetching those of `files` not asked for yet; [`fetch`] and [`check_first`] take up
/// the answers rather than asking again. The later part calls it as it starts: every file at
/// once (they download while the saved work is read), or for a section of saved work only that
/// work's questionnaire when the others can wait ([`check_first`]). The first module asks for
/// none: the code to choose would not fit its budget.
pub fn ask_now(listing: &Listing, files: &[String]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let folder = listing.folder();
    EARLY.with(|early| {
        let mut early = early.borrow_mut();
        for file in files {
            let url = format!("{folder}{file}");
            if early.iter().all(|(asked, _)| *asked != url) {
                let promise = asked_by_boot(&url).unwrap_or_else(|| ask(&window, &url));
                early.push((url, promise));
            }
        }
    });
}

/// Why a file on the site could not be fetched, in the words the home page and the
/// questionnaires page put after "could not be read: " or "listed in the manifest but ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The page has no window to fetch with.
    #[error("no window")]
    NoWindow,
    /// The request failed (offline, or the site is unreachable).
    #[error("the file could not be fetched")]
    NotFetched,
    /// What came back was not a response.
    #[error("no response")]
    NoResponse,
    /// The site answered with an error status.
    #[error("the site answered {status} {reason}")]
    Refused {
        /// The HTTP status, for example 404.
        status: u16,
        /// Its words, for example `Not Found`.
        reason: String,
    },
    /// The response has no body to read.
    #[error("no body")]
    NoBody,
    /// The body could not be read.
    #[error("the file could not be read")]
    Unreadable,
    /// The body is not text.
    #[error("the file is not text")]
    NotText,
}

/// Fetches the manifest `path`, asking only if it changed when this device keeps a copy of it
/// (a small file, kept with its tag in `localStorage`: [`super::storage::kept_text`]); keeps
/// the site's answer as the copy. As for a questionnaire ([`fetch_questionnaire`]), the site's
/// file is always the one read: the copy stands in for it only when the site says it has not
/// changed, and a 304 with no copy to read is asked again in full.
async fn fetch_manifest_text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let mut response = response_to(ask(&window, path)).await?;
    if response.status() == 304 {
        if let Some(text) = super::storage::kept_text(path) {
            return Ok(text);
        }
        super::storage::remember_copy(path, None);
        response = response_to(window.fetch_with_str(path)).await?;
    }
    let text = text_of(&response).await?;
    if let Some(tag) = etag(&response) {
        super::storage::keep_text(path, &tag, &text);
    }
    Ok(text)
}

/// The site's tag for the file a response holds (its `ETag`), if it gave one.
fn etag(response: &web_sys::Response) -> Option<String> {
    response.headers().get("ETag").ok().flatten()
}

/// The request for `url` asked for early ([`ask_now`]), if there is one.
fn take_early(url: &str) -> Option<js_sys::Promise> {
    EARLY.with(|early| {
        let mut early = early.borrow_mut();
        let at = early.iter().position(|(asked, _)| asked == url)?;
        Some(early.swap_remove(at).1)
    })
}

/// The request `assets/boot.js` made for the questionnaire file `path` as the page started
/// (`globalThis.mhswAsked`: the path, and the promised response), taken once.
fn asked_by_boot(path: &str) -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let key = JsValue::from_str("mhswAsked");
    let asked = js_sys::Reflect::get(&global, &key).ok()?;
    let for_path = js_sys::Reflect::get(&asked, &JsValue::from_str("path")).ok()?;
    if for_path.as_string().as_deref() != Some(path) {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&global, &key);
    js_sys::Reflect::get(&asked, &JsValue::from_str("response"))
        .ok()?
        .dyn_into()
        .ok()
}

/// Asks for the file `path` in a questionnaires folder (a questionnaire or the manifest): when
/// this device keeps a copy of it, only if it changed since (`If-None-Match` with the copy's
/// tag; unchanged, the site answers `304 Not Modified` with no body, and
/// [`fetch_questionnaire`] or [`fetch_manifest_text`] reads the copy).
fn ask(window: &web_sys::Window, path: &str) -> js_sys::Promise {
    let Some(tag) = super::storage::copy_tag(path) else {
        return window.fetch_with_str(path);
    };
    let init = web_sys::RequestInit::new();
    init.set_headers(&Json::object(&[("If-None-Match", JsValue::from_str(&tag))]));
    window.fetch_with_str_and_init(path, &init)
}

/// The response a request promised, or why there is none.
async fn response_to(asked: js_sys::Promise) -> Result<web_sys::Response, FetchError> {
    let response = JsFuture::from(asked)
        .await
        .map_err(|_| FetchError::NotFetched)?;
    response.dyn_into().map_err(|_| FetchError::NoResponse)
}

/// A response's body as text, if the site answered with the file.
async fn text_of(response: &web_sys::Response) -> Result<String, FetchError> {
    if !response.ok() {
        return Err(FetchError::Refused {
            status: response.status(),
            reason: response.status_text(),
        });
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::NoBody)?)
        .await
        .map_err(|_| FetchError::Unreadable)?;
    text.as_string().ok_or(FetchError::NotText)
}

/// Fetches the questionnaire file `path` from the site, and keeps a copy of it with the site's
/// tag for it (its `ETag`, when the site gives one), so that the next start asks for it only
/// if it changed ([`ask`]). The site's file is always the one read: the copy stands in for it
/// only when the site says it has not changed. A copy that cannot be read, or whose tag is not
/// the one the site named, is forgotten and the file fetched in full.
async fn fetch_questionnaire(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let asked = take_early(path)
        .or_else(|| asked_by_boot(path))
        .unwrap_or_else(|| ask(&window, path));
    let mut response = response_to(asked).await?;
    if response.status() == 304 {
        let named = etag(&response);
        if let Ok(Some((kept, text))) = super::database::copy(path).await {
            if named.as_deref().is_none_or(|named| same_tag(named, &kept)) {
                return Ok(text);
            }
        }
        super::storage::remember_copy(path, None);
        response = response_to(window.fetch_with_str(path)).await?;
    }
    let text = text_of(&response).await?;
    if let Some(tag) = etag(&response) {
        if super::storage::copy_tag(path).as_deref() != Some(tag.as_str()) {
            let (path, text) = (path.to_owned(), text.clone());
            leptos::task::spawn_local(async move {
                if super::database::keep_copy(&path, &tag, &text).await.is_ok() {
                    super::storage::remember_copy(&path, Some(&tag));
                }
            });
        }
    }
    Ok(text)
}

/// True when two `ETag`s name the same file, compared weakly (a `W/` ignored: a host that
/// gzips as it sends makes its tags weak).
fn same_tag(a: &str, b: &str) -> bool {
    a.trim_start_matches("W/") == b.trim_start_matches("W/")
}

/// A questionnaire file as fetched, before it is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchedFile {
    /// Where it came from.
    pub source: Source,
    /// Its path (site and built-in files) or file name (local ones).
    pub path: String,
    /// Its text, or why it could not be fetched.
    pub text: Result<String, FetchError>,
}

/// Every questionnaire file found at start-up, unchecked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fetched {
    /// The files, site (or built-in) ones first, then local ones.
    pub files: Vec<FetchedFile>,
    /// A notice for the home page, for example that the built-in questionnaires are in use.
    pub notice: Option<String>,
}

/// The manifest the app found at start-up, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// Where its files are: the site's folder or the built-in copy.
    pub source: Source,
    /// The manifest (empty when neither could be read).
    pub manifest: Manifest,
    /// A notice for the home page, for example that the built-in questionnaires are in use.
    pub notice: Option<String>,
}

impl Listing {
    /// The listed files that hold the questionnaire `id`, when the manifest summarises every
    /// file (so no unsummarised file could hold the same id) and one of them does; `None`
    /// otherwise, and then every file is fetched and checked before any page is drawn.
    pub fn files_for(&self, id: &DefinitionId) -> Option<Vec<String>> {
        let mut files = Vec::new();
        for file in &self.manifest.definitions {
            let summary = self.manifest.summaries.iter().find(|s| &s.file == file)?;
            if &summary.id == id {
                files.push(file.clone());
            }
        }
        (!files.is_empty()).then_some(files)
    }

    fn folder(&self) -> &'static str {
        match self.source {
            Source::BuiltIn => BUILT_IN_FOLDER,
            Source::Site | Source::Local => FOLDER,
        }
    }

    /// What the home page lists before the files are checked: the manifest's summaries.
    pub fn tools(&self) -> Vec<Tool> {
        self.manifest
            .listed_summaries()
            .into_iter()
            .map(|summary| Tool {
                summary: summary.clone(),
                source: self.source,
            })
            .collect()
    }
}

/// Reads the site's manifest, or, when it cannot be read, the built-in copy's.
pub async fn fetch_listing() -> Listing {
    match fetch_manifest(FOLDER).await {
        Ok(manifest) => Listing {
            source: Source::Site,
            manifest,
            notice: None,
        },
        Err(reason) => match fetch_manifest(BUILT_IN_FOLDER).await {
            Ok(manifest) => Listing {
                source: Source::BuiltIn,
                manifest,
                notice: Some(format!(
                    "The questionnaires published with this site could not be loaded, so the ones built into the app are in use. ({reason}.)"
                )),
            },
            Err(built_in) => Listing {
                source: Source::BuiltIn,
                manifest: Manifest::default(),
                notice: Some(format!(
                    "No questionnaires could be loaded: neither this site's nor the app's own copy ({built_in}). Ask whoever looks after this site to publish the app's files again."
                )),
            },
        },
    }
}

/// Why a manifest could not be used, in the words the home page's notice quotes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// It could not be fetched.
    #[error("{path} could not be read: {reason}")]
    Unread {
        /// Its path.
        path: String,
        /// Why.
        reason: FetchError,
    },
    /// It is not a list of definitions.
    #[error(
        "{path} is not a list of definitions (it needs {{ \"definitions\": [\"a-file.json\"] }})"
    )]
    NotAList {
        /// Its path.
        path: String,
    },
}

async fn fetch_manifest(folder: &str) -> Result<Manifest, ManifestError> {
    let path = format!("{folder}{}", mhsw::manifest::FILE_NAME);
    let text = match fetch_manifest_text(&path).await {
        Ok(text) => text,
        Err(reason) => return Err(ManifestError::Unread { path, reason }),
    };
    read_manifest(&text).ok_or(ManifestError::NotAList { path })
}

/// Reads a manifest with the browser's JSON parser (no serde on the first screen). Only
/// `definitions` is required; a summary with a missing or unknown field is left out, and its
/// questionnaire appears once checked. `mhsw manifest --check` is the strict reading.
fn read_manifest(text: &str) -> Option<Manifest> {
    let json = Json::parse(text)?;
    let definitions = json
        .get("definitions")?
        .items()?
        .iter()
        .map(Json::string)
        .collect::<Option<Vec<String>>>()?;
    let summaries = json
        .get("summaries")
        .and_then(|s| s.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|s| {
            Some(Summary {
                file: s.text("file")?,
                id: mhsw::ids::DefinitionId::new(s.text("id")?),
                title: s.text("title")?,
                kind: ToolKind::from_name(&s.text("kind")?)?,
                nation: Nation::from_name(&s.text("nation")?)?,
                purpose: s.text("purpose")?,
                audience: s.text("audience")?,
            })
        })
        .collect();
    Some(Manifest {
        definitions,
        summaries,
    })
}

/// Fetches every file the manifest lists (all at once: one round trip, not one per file, in the
/// manifest's order), then the questionnaires kept on this device.
pub async fn fetch(listing: Listing) -> Fetched {
    let mut files = fetch_listed(&listing, &listing.manifest.definitions).await;
    files.extend(local_files().await);
    Fetched {
        files,
        notice: listing.notice,
    }
}

/// Fetches the listing's `files` all at once, in the order given.
async fn fetch_listed(listing: &Listing, files: &[String]) -> Vec<FetchedFile> {
    let folder = listing.folder();
    let texts =
        futures::future::join_all(files.iter().map(|file| fetch_text_from(folder, file))).await;
    files
        .iter()
        .zip(texts)
        .map(|(file, text)| FetchedFile {
            source: listing.source,
            // Site files are named with their folder; built-in ones without.
            path: match listing.source {
                Source::Site => format!("{folder}{file}"),
                Source::BuiltIn | Source::Local => file.clone(),
            },
            text,
        })
        .collect()
}

/// The questionnaires kept on this device.
async fn local_files() -> Vec<FetchedFile> {
    super::database::documents()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(file, text)| FetchedFile {
            source: Source::Local,
            path: file,
            text: Ok(text),
        })
        .collect()
}

/// What [`check_first`] fetched, for [`check_rest`] to use again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct First {
    /// The listed files fetched, by their names in the manifest.
    listed: Vec<(String, FetchedFile)>,
    /// The questionnaires kept on this device.
    local: Vec<FetchedFile>,
}

/// Fetches and checks only `wanted` (the files of the first page's questionnaire,
/// [`Listing::files_for`]), with those it draws on and the questionnaires kept on this device:
/// a part of the catalogue, enough for the first page.
pub async fn check_first(listing: &Listing, wanted: Vec<String>) -> (Catalogue, First) {
    let fetched = fetch_listed(listing, &wanted).await;
    let mut first = First {
        listed: wanted.into_iter().zip(fetched).collect(),
        local: local_files().await,
    };
    let mut catalogue = check_or_read_checked(first.fetched(listing)).await;
    // A statement draws on an audit: that file is needed too.
    let mut more: Vec<String> = catalogue
        .drawn_on_missing()
        .iter()
        .filter_map(|id| listing.files_for(id))
        .flatten()
        .filter(|file| first.listed.iter().all(|(have, _)| have != file))
        .collect();
    mhsw::order::sort_unique(&mut more);
    if !more.is_empty() {
        let fetched = fetch_listed(listing, &more).await;
        first.listed.extend(more.into_iter().zip(fetched));
        catalogue = check_or_read_checked(first.fetched(listing)).await;
    }
    (catalogue, first)
}

/// Fetches the files [`check_first`] left, and checks every file together: the whole catalogue.
pub async fn check_rest(listing: Listing, first: First) -> Catalogue {
    let rest: Vec<String> = listing
        .manifest
        .definitions
        .iter()
        .filter(|file| first.listed.iter().all(|(have, _)| have != *file))
        .cloned()
        .collect();
    let fetched = fetch_listed(&listing, &rest).await;
    let mut fetched = rest.into_iter().zip(fetched).collect();
    let mut all = first;
    all.listed.append(&mut fetched);
    checked(all.fetched(&listing)).await
}

/// The first page's files: read without the checks when every one passed them before with the
/// same text ([`read_checked_before`]), so the page is drawn without waiting for the checks'
/// code; otherwise checked first ([`checked`]). Those read the first way are checked, with every
/// other file, once the page is drawn ([`check_rest`]).
async fn check_or_read_checked(fetched: Fetched) -> Catalogue {
    match read_checked(&fetched) {
        Some(catalogue) => catalogue,
        None => checked(fetched).await,
    }
}

/// The catalogue of files that each passed every check before with exactly this text, read
/// without checking them again; `None` if any file did not (or was not fetched).
fn read_checked(fetched: &Fetched) -> Option<Catalogue> {
    let mut catalogue = Catalogue {
        notice: fetched.notice.clone(),
        ..Catalogue::default()
    };
    for file in &fetched.files {
        let text = file.text.as_ref().ok()?;
        let sum = super::storage::checked_sum(&checked_key(file.source, &file.path))?;
        if sum != mhsw::store::checksum(text) {
            return None;
        }
        let definition = read_checked_before(text)?;
        add(&mut catalogue, file.source, &file.path, Ok(definition));
    }
    Some(catalogue)
}

/// The name a file's checksum is kept under: its source and path.
fn checked_key(source: Source, path: &str) -> String {
    let source = match source {
        Source::Site => "site",
        Source::BuiltIn => "built-in",
        Source::Local => "local",
    };
    format!("{source}:{path}")
}

/// Checks every fetched file ([`check`]) in the part of the app that holds the checks
/// ([`crate::later::check_definitions`]), downloading it first. If it cannot be downloaded, every
/// file is listed as not checked, with why.
pub async fn checked(fetched: Fetched) -> Catalogue {
    let notice = fetched.notice.clone();
    let files: Vec<(Source, String)> = fetched
        .files
        .iter()
        .map(|file| (file.source, file.path.clone()))
        .collect();
    match crate::later::check_definitions(fetched).await {
        Ok(catalogue) => catalogue.await,
        Err(_not_downloaded) => Catalogue {
            notice,
            loaded: Vec::new(),
            broken: files
                .into_iter()
                .map(|(source, file)| (source, not_checked(file)))
                .collect(),
        },
    }
}

/// A file the checks could not be made on: the part of the toolkit that makes them could not
/// be downloaded.
fn not_checked(file: String) -> LoadError {
    LoadError {
        file,
        problems: vec![mhsw::definition::Problem {
            rule: mhsw::definition::Rule::Unexplained,
            place: Default::default(),
            message: "the file could not be checked: the part of the toolkit that checks \
                      questionnaires could not be downloaded"
                .to_owned(),
            fix: "check the internet connection, then reload the page".to_owned(),
        }],
    }
}

impl First {
    /// The files as [`fetch`] would give them: listed ones in the manifest's order, then local ones.
    fn fetched(&self, listing: &Listing) -> Fetched {
        let mut files: Vec<FetchedFile> = listing
            .manifest
            .definitions
            .iter()
            .filter_map(|file| {
                self.listed
                    .iter()
                    .find(|(name, _)| name == file)
                    .map(|(_, fetched)| fetched.clone())
            })
            .collect();
        files.extend(self.local.iter().cloned());
        Fetched {
            files,
            notice: listing.notice.clone(),
        }
    }
}

async fn fetch_text_from(folder: &str, file: &str) -> Result<String, FetchError> {
    fetch_questionnaire(&format!("{folder}{file}")).await
}

/// The questionnaires, as far as this tab knows them: one state, from the manifest's light
/// reading on the first screen to the checked catalogue the later part makes.
#[derive(Debug, Clone, Default)]
pub enum Questionnaires {
    /// The manifest is being read.
    #[default]
    Fetching,
    /// The manifest's summaries, before any file is checked: enough to list the tools.
    Listed(Vec<Tool>),
    /// Every file fetched and checked.
    Checked(Catalogue),
}

impl Questionnaires {
    /// The checked catalogue, once there is one.
    pub fn checked(&self) -> Option<&Catalogue> {
        match self {
            Questionnaires::Checked(catalogue) => Some(catalogue),
            _ => None,
        }
    }

    /// The tools to list, from the checked catalogue or else the manifest (`None` while the
    /// manifest is read).
    pub fn tools(&self) -> Option<Vec<Tool>> {
        match self {
            Questionnaires::Fetching => None,
            Questionnaires::Listed(tools) => Some(tools.clone()),
            Questionnaires::Checked(catalogue) => Some(
                catalogue
                    .loaded
                    .iter()
                    .map(|l| Tool {
                        summary: Summary::of(&l.file, &l.definition),
                        source: l.source,
                    })
                    .collect(),
            ),
        }
    }

    /// The title and kind of the questionnaire `id`, from whichever reading there is.
    pub fn title_and_kind(&self, id: &DefinitionId) -> Option<(String, ToolKind)> {
        match self {
            Questionnaires::Fetching => None,
            Questionnaires::Listed(tools) => tools
                .iter()
                .find(|t| &t.summary.id == id)
                .map(|t| (t.summary.title.clone(), t.summary.kind)),
            Questionnaires::Checked(catalogue) => {
                catalogue.get(id).map(|d| (d.title.to_string(), d.kind))
            }
        }
    }
}

/// A questionnaire as the home page lists it: the manifest's summary (or the same summary made
/// from the checked definition), and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    /// Its title, kind, purpose and audience.
    pub summary: Summary,
    /// Where it came from.
    pub source: Source,
}

/// Checks every fetched file strictly: the questionnaires that loaded, and every problem with
/// those that did not. Remembers the checksum of each file that passed every check, so that
/// its text, unchanged, can be read without the checks before the next first page is drawn
/// ([`check_first`]).
pub async fn check(fetched: Fetched) -> Catalogue {
    let mut catalogue = Catalogue {
        notice: fetched.notice,
        ..Catalogue::default()
    };
    let mut sums = Vec::new();
    for file in fetched.files {
        match file.text {
            Ok(text) => {
                let loaded = load(&file.path, &text).await;
                if loaded.is_ok() {
                    sums.push((file.source, file.path.clone(), mhsw::store::checksum(&text)));
                }
                add(&mut catalogue, file.source, &file.path, loaded);
            }
            Err(_) if file.source == Source::BuiltIn => {}
            Err(reason) => catalogue.broken.push((
                file.source,
                LoadError {
                    file: file.path,
                    problems: vec![mhsw::definition::Problem {
                        rule: mhsw::definition::Rule::J1,
                        place: Default::default(),
                        message: format!("the file is listed in the manifest but {reason}"),
                        fix: "publish the file beside manifest.json, or remove it from the list"
                            .to_owned(),
                    }],
                },
            )),
        }
    }
    check_together(&mut catalogue);
    for (source, path, sum) in sums {
        let sound = catalogue
            .loaded
            .iter()
            .any(|l| l.source == source && l.file == path);
        if sound {
            super::storage::remember_checked(&checked_key(source, &path), &sum);
        }
    }
    catalogue
}

/// Runs the checks only the questionnaires together can make, as `mhsw check` does after each
/// file ([`mhsw::definition::validate::validate_together`]: a statement's prefilled sections are
/// in its audit). A questionnaire with such a problem is taken off the ready ones and listed
/// with its problems, like a file that did not load.
pub fn check_together(catalogue: &mut Catalogue) {
    // The questionnaires as `Catalogue::get` finds them: one per id, the last loaded. (Lists,
    // not sets and maps: a site has a few questionnaires, and the section's first download
    // carries this code; see `Problems` in components/question_field.rs.)
    let mut effective: Vec<usize> = Vec::new();
    for at in (0..catalogue.loaded.len()).rev() {
        let id = &catalogue.loaded[at].definition.id;
        if !effective
            .iter()
            .any(|&seen| &catalogue.loaded[seen].definition.id == id)
        {
            effective.push(at);
        }
    }
    let definitions: Vec<&Definition> = effective
        .iter()
        .map(|&at| catalogue.loaded[at].definition.as_ref())
        .collect();
    // Each broken questionnaire's problems, by where it is in the catalogue.
    let mut problems: Vec<(usize, Vec<mhsw::definition::Problem>)> = Vec::new();
    for (index, problem) in mhsw::definition::validate::validate_together(&definitions) {
        let at = effective[index];
        match problems.iter_mut().find(|(broken, _)| *broken == at) {
            Some((_, list)) => list.push(problem),
            None => problems.push((at, vec![problem])),
        }
    }
    problems.sort_by_key(|(at, _)| *at);
    // Taken out from the last, so each index still points at its entry; listed in load order.
    let mut broken: Vec<(Source, LoadError)> = problems
        .into_iter()
        .rev()
        .map(|(at, problems)| {
            let loaded = catalogue.loaded.remove(at);
            let error = LoadError {
                file: loaded.file,
                problems,
            };
            (loaded.source, error)
        })
        .collect();
    broken.reverse();
    catalogue.broken.extend(broken);
}

/// Loads one definition: the quick way in ([`load_definition_quickly`]), and only for a file
/// with a problem the strict loader, which explains every problem and is downloaded (as its
/// own part of the app) only then.
pub async fn load(file: &str, text: &str) -> Result<Definition, LoadError> {
    if let Some(definition) = load_definition_quickly(text) {
        return Ok(definition);
    }
    let ask = crate::later::Strictly::Definition {
        file: file.to_owned(),
        text: text.to_owned(),
    };
    crate::later::read_strictly(ask)
        .await
        .ok()
        .and_then(crate::later::ReadStrictly::definition)
        .unwrap_or_else(|| {
            Err(LoadError {
                file: file.to_owned(),
                problems: vec![mhsw::definition::Problem {
                    rule: mhsw::definition::Rule::Unexplained,
                    place: Default::default(),
                    message: "the file has a problem, and the part of the toolkit that explains \
                              it could not be downloaded"
                        .to_owned(),
                    fix: "check the internet connection, then reload the page".to_owned(),
                }],
            })
        })
}

/// Puts a loaded definition in the catalogue, or lists its problems.
pub fn add(
    catalogue: &mut Catalogue,
    source: Source,
    file: &str,
    loaded: Result<Definition, LoadError>,
) {
    match loaded {
        Ok(definition) => {
            // A local file with the same id replaces the published one for this device.
            catalogue
                .loaded
                .retain(|l| !(l.definition.id == definition.id && source == Source::Local));
            catalogue.loaded.push(Loaded {
                file: file.to_owned(),
                source,
                definition: Arc::new(definition),
            });
        }
        Err(error) => catalogue.broken.push((source, error)),
    }
}

impl Catalogue {
    /// Whether a page of work on the questionnaire `id` can be drawn from this part of the
    /// catalogue: the questionnaire and every one it draws on are checked.
    pub fn answers(&self, id: &DefinitionId) -> bool {
        self.get(id).is_some_and(|definition| {
            definition
                .sections
                .iter()
                .filter_map(|s| s.prefill_from.as_ref())
                .all(|prefill| self.get(&prefill.definition).is_some())
        })
    }

    /// The questionnaires the loaded ones draw on that are not loaded, each once.
    fn drawn_on_missing(&self) -> Vec<DefinitionId> {
        let mut missing: Vec<DefinitionId> = self
            .loaded
            .iter()
            .flat_map(|l| l.definition.sections.iter())
            .filter_map(|s| s.prefill_from.as_ref())
            .map(|prefill| prefill.definition.clone())
            .filter(|id| self.get(id).is_none())
            .collect();
        mhsw::order::sort_unique(&mut missing);
        missing
    }

    /// The definition with this id, if it loaded.
    pub fn get(&self, id: &DefinitionId) -> Option<Arc<Definition>> {
        self.loaded
            .iter()
            .rev()
            .find(|l| &l.definition.id == id)
            .map(|l| l.definition.clone())
    }

    /// Every definition as [`Catalogue::get`] finds it (one per id), as a JSON array: what the
    /// import worker checks files against.
    pub fn to_json(&self) -> String {
        let mut effective: Vec<&Definition> = Vec::new();
        for loaded in self.loaded.iter().rev() {
            if !effective.iter().any(|d| d.id == loaded.definition.id) {
                effective.push(loaded.definition.as_ref());
            }
        }
        serde_json::to_string(&effective).unwrap_or_else(|_| "[]".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(name: &str) -> Definition {
        let path = format!("{}/../questionnaires/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("a bundled questionnaire");
        mhsw::definition::load_definition(name, &text).expect("it loads")
    }

    fn catalogue_of(definitions: Vec<(&str, Definition)>) -> Catalogue {
        let mut catalogue = Catalogue::default();
        for (file, definition) in definitions {
            add(&mut catalogue, Source::Site, file, Ok(definition));
        }
        catalogue
    }

    fn listing_of(files: &[&str]) -> Listing {
        let definitions: Vec<(&str, Definition)> =
            files.iter().map(|&file| (file, bundled(file))).collect();
        Listing {
            source: Source::Site,
            manifest: Manifest::build(definitions.iter().map(|(f, d)| (*f, d))),
            notice: None,
        }
    }

    #[test]
    fn the_first_files_are_those_summarised_with_the_work_s_questionnaire() {
        let listing = listing_of(&["self-assessment.json", "strategic-statement.json"]);
        assert_eq!(
            listing.files_for(&"self-assessment".into()),
            Some(vec!["self-assessment.json".to_owned()])
        );
        assert_eq!(listing.files_for(&"no-such-questionnaire".into()), None);
    }

    #[test]
    fn with_a_file_not_summarised_every_file_is_checked_first() {
        let mut listing = listing_of(&["self-assessment.json"]);
        listing
            .manifest
            .definitions
            .push("unsummarised.json".to_owned());
        assert_eq!(listing.files_for(&"self-assessment".into()), None);
    }

    #[test]
    fn a_part_of_the_catalogue_answers_only_for_a_questionnaire_with_all_it_draws_on() {
        let statement_alone = catalogue_of(vec![(
            "strategic-statement.json",
            bundled("strategic-statement.json"),
        )]);
        assert!(!statement_alone.answers(&"strategic-statement".into()));
        assert!(!statement_alone.answers(&"self-assessment".into()));
        assert_eq!(
            statement_alone.drawn_on_missing(),
            [DefinitionId::new("self-assessment")]
        );

        let both = catalogue_of(vec![
            ("self-assessment.json", bundled("self-assessment.json")),
            (
                "strategic-statement.json",
                bundled("strategic-statement.json"),
            ),
        ]);
        assert!(both.answers(&"strategic-statement".into()));
        assert!(both.answers(&"self-assessment".into()));
        assert!(!both.answers(&"conversation-record".into()));
    }

    #[test]
    fn the_first_files_and_the_rest_are_checked_in_the_manifest_s_order_then_local_ones() {
        let listing = listing_of(&["self-assessment.json", "strategic-statement.json"]);
        let file = |source, path: &str| FetchedFile {
            source,
            path: path.to_owned(),
            text: Ok(String::new()),
        };
        let first = First {
            listed: vec![
                (
                    "strategic-statement.json".to_owned(),
                    file(Source::Site, "questionnaires/strategic-statement.json"),
                ),
                (
                    "self-assessment.json".to_owned(),
                    file(Source::Site, "questionnaires/self-assessment.json"),
                ),
            ],
            local: vec![file(Source::Local, "mine.json")],
        };
        let paths: Vec<String> = first
            .fetched(&listing)
            .files
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(
            paths,
            [
                "questionnaires/self-assessment.json",
                "questionnaires/strategic-statement.json",
                "mine.json"
            ]
        );
    }

    #[test]
    fn questionnaires_that_fit_together_all_stay_ready() {
        let mut catalogue = catalogue_of(vec![
            ("self-assessment.json", bundled("self-assessment.json")),
            (
                "strategic-statement.json",
                bundled("strategic-statement.json"),
            ),
        ]);
        check_together(&mut catalogue);
        assert_eq!(catalogue.loaded.len(), 2);
        assert!(catalogue.broken.is_empty());
    }

    #[test]
    fn a_statement_naming_a_section_its_audit_lacks_is_listed_with_the_problem_as_mhsw_check_says()
    {
        let audit = bundled("self-assessment.json");
        let mut statement = bundled("strategic-statement.json");
        let prefill = statement
            .sections
            .iter_mut()
            .find_map(|s| s.prefill_from.as_mut())
            .expect("a prefilled section");
        prefill.sections.push("no-such-section".into());
        let expected = mhsw::definition::validate::validate_together(&[&audit, &statement])
            .remove(0)
            .1;
        let mut catalogue = catalogue_of(vec![
            ("self-assessment.json", audit),
            ("strategic-statement.json", statement),
        ]);
        check_together(&mut catalogue);
        assert_eq!(
            catalogue
                .loaded
                .iter()
                .map(|l| l.file.as_str())
                .collect::<Vec<_>>(),
            ["self-assessment.json"]
        );
        assert_eq!(
            catalogue.broken,
            [(
                Source::Site,
                LoadError {
                    file: "strategic-statement.json".to_owned(),
                    problems: vec![expected],
                }
            )]
        );
    }
}
