//! The app's shared state, provided once as context: the questionnaires, the saved work, where
//! the user is, and whether the last save worked.
//!
//! Owns: holding work in memory and sending every change to storage at once. Must not touch:
//! scoring or wording (components call the core for those).

use std::collections::BTreeMap;
use std::sync::Arc;

use std::collections::BTreeSet;

use leptos::prelude::*;
use mhsw::definition::Definition;
use mhsw::ids::{DefinitionId, ResponseId, WorkId};
use mhsw::store::{Meta, Sealed};
use mhsw::work::{FeedbackResponse, Work};

use futures::channel::oneshot;

use crate::edges::database::{self, Save};
use crate::edges::definitions::{self, Questionnaires};
use crate::edges::storage::{self, Listed, SetAsideEntry, StoreError};
use crate::edges::{channel, clock, files, history, migrate, timing};
use crate::later::{self, NotDownloaded};
use crate::route::Route;

/// A piece of work held in memory, with what the store knows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The work.
    pub work: Work,
    /// Its revision and export record as last saved by this tab (revision 0: never saved).
    pub meta: Meta,
    /// The head has changes not yet saved.
    pub dirty: bool,
    /// Responses not yet saved (each is its own record).
    pub unsaved: BTreeSet<ResponseId>,
    /// Records already written for some unsaved responses (by the import worker), stored as
    /// they are rather than written again on the page's thread.
    pub records: BTreeMap<ResponseId, Sealed>,
}

impl Held {
    /// True when this tab holds a change to the work not yet stored.
    pub fn has_unsaved(&self) -> bool {
        self.dirty || !self.unsaved.is_empty()
    }

    /// Work as read from the store: nothing unsaved.
    pub fn stored(work: Work, meta: Meta) -> Self {
        Held {
            work,
            meta,
            dirty: false,
            unsaved: BTreeSet::new(),
            records: BTreeMap::new(),
        }
    }

    /// The ids of every response in a piece of work.
    fn new_unsaved_ids(work: &Work) -> BTreeSet<ResponseId> {
        // Inserted one by one: `collect()` would carry a sort of its own (`mhsw::order`).
        let mut ids = BTreeSet::new();
        for response in work.collection.iter().flat_map(|c| c.responses.iter()) {
            ids.insert(response.id.clone());
        }
        ids
    }

    /// New work (created, imported or copied): all of it unsaved.
    pub fn new_unsaved(work: Work) -> Self {
        let unsaved = Self::new_unsaved_ids(&work);
        Held {
            work,
            meta: Meta::default(),
            dirty: true,
            unsaved,
            records: BTreeMap::new(),
        }
    }
}

/// The outcome of the latest save.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    /// Nothing has been changed yet.
    #[default]
    Idle,
    /// Changes are waiting to be saved (within half a second).
    Pending,
    /// Saved on this device at a time of day.
    Saved(String),
    /// Not saved; the work is kept in memory.
    Failed {
        /// What went wrong.
        error: StoreError,
        /// Which work.
        work: WorkId,
    },
}

/// Saves in progress and queued, per piece of work. Lists, not B-trees: they hold the one or
/// two pieces of work open in this tab, and each B-tree type adds its own copy of insertion
/// and removal to the download a section waits for (about 3 kB, 3 December 2026).
#[derive(Default)]
struct Saving {
    /// Work with a save scheduled (debounced).
    scheduled: Vec<WorkId>,
    /// Work with a save being written now.
    in_flight: Vec<WorkId>,
    /// Who waits for a work's save in flight to end.
    waiting: Vec<(WorkId, oneshot::Sender<()>)>,
}

impl Saving {
    /// Marks `id`'s save as scheduled; false when it was already.
    fn schedule(&mut self, id: &WorkId) -> bool {
        let first = !self.scheduled.contains(id);
        if first {
            self.scheduled.push(id.clone());
        }
        first
    }

    /// Moves `id` from scheduled to being written.
    fn start(&mut self, id: &WorkId) {
        self.scheduled.retain(|s| s != id);
        if !self.in_flight.contains(id) {
            self.in_flight.push(id.clone());
        }
    }

    /// Ends `id`'s write, handing back who waited for it.
    fn end(&mut self, id: &WorkId) -> Vec<oneshot::Sender<()>> {
        self.in_flight.retain(|s| s != id);
        let (ended, others) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|(work, _)| work == id);
        self.waiting = others;
        ended.into_iter().map(|(_, sender)| sender).collect()
    }
}

/// How long changes wait before they are saved: keystrokes in a sentence become one save.
const SAVE_AFTER_MS: u64 = 400;

/// How long a save waits before it is tried again, when the part of the app that saves could
/// not be downloaded ([`StoreError::NoSaver`]).
const RETRY_AFTER_MS: u64 = 3_000;

/// The shared state. Cheap to copy: every field is a signal.
/// The saved work, as far as this tab has read it: one state, from the first screen's light
/// listing to every piece read in full.
#[derive(Debug, Clone)]
pub enum SavedWork {
    /// Names and dates from the light listing, until the store has been read.
    Listed(Vec<Listed>),
    /// Every piece read in full, each in its own signal so editing one does not redraw the
    /// others.
    Read(Works),
}

/// Every piece of work read in full, by id: a list kept sorted, not a B-tree, as each B-tree
/// type adds its own insertion and removal code to what a section waits for (as do saving's
/// queue and the records grouped as the store is read, 3 December 2026).
#[derive(Debug, Clone, Default)]
pub struct Works(Vec<(WorkId, RwSignal<Held>)>);

impl Works {
    fn place(&self, id: &WorkId) -> Result<usize, usize> {
        self.0.binary_search_by(|(at, _)| at.cmp(id))
    }

    fn get(&self, id: &WorkId) -> Option<RwSignal<Held>> {
        self.place(id).ok().map(|at| self.0[at].1)
    }

    /// Adds `id`'s signal, or puts it in place of the one it had.
    fn insert(&mut self, id: WorkId, signal: RwSignal<Held>) {
        match self.place(&id) {
            Ok(at) => self.0[at].1 = signal,
            Err(at) => self.0.insert(at, (id, signal)),
        }
    }

    fn remove(&mut self, id: &WorkId) {
        if let Ok(at) = self.place(id) {
            self.0.remove(at);
        }
    }
}

impl SavedWork {
    /// The signal of one piece of work, once the store has been read.
    pub fn get(&self, id: &WorkId) -> Option<RwSignal<Held>> {
        match self {
            SavedWork::Listed(_) => None,
            SavedWork::Read(works) => works.get(id),
        }
    }

    /// Every piece read in full, in id order (none before the store has been read).
    pub fn signals(&self) -> impl Iterator<Item = RwSignal<Held>> + '_ {
        let read = match self {
            SavedWork::Listed(_) => None,
            SavedWork::Read(works) => Some(works.0.iter().map(|(_, signal)| *signal)),
        };
        read.into_iter().flatten()
    }

    /// The ids of every piece read in full.
    pub fn ids(&self) -> Vec<WorkId> {
        match self {
            SavedWork::Listed(_) => Vec::new(),
            SavedWork::Read(works) => works.0.iter().map(|(id, _)| id.clone()).collect(),
        }
    }

    /// The pieces read in full, to add or remove one. Work is added or removed only once the
    /// store has been read (or found unusable), so a listing still here has nothing the tab
    /// holds, and gives way.
    fn read_mut(&mut self) -> &mut Works {
        if let SavedWork::Listed(_) = self {
            *self = SavedWork::Read(Works::default());
        }
        match self {
            SavedWork::Read(works) => works,
            SavedWork::Listed(_) => unreachable!("replaced above"),
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Whether the later part of the app has started: `None` while it downloads and runs, then
    /// whether it could be downloaded. Until it is `Some(Ok(()))`, actions on whole pieces of
    /// work wait ([`AppState::ready`]).
    pub started: RwSignal<Option<Result<(), NotDownloaded>>>,
    /// Who is waiting for `started` (see [`AppState::ready`]).
    waiting: StoredValue<Vec<oneshot::Sender<Result<(), NotDownloaded>>>, LocalStorage>,
    /// The questionnaires: listed from the manifest on the first screen, then checked by the
    /// later part.
    pub questionnaires: RwSignal<Questionnaires>,
    /// The saved work: listed on the first screen, then read in full.
    pub works: RwSignal<SavedWork>,
    /// Stored entries that could not be read, kept aside.
    pub set_aside: RwSignal<Vec<SetAsideEntry>>,
    /// The latest save's outcome.
    pub save: RwSignal<SaveState>,
    /// A problem reading storage at start-up.
    pub storage_problem: RwSignal<Option<StoreError>>,
    /// The page the user is on.
    pub route: RwSignal<Route>,
    /// Work that another tab has changed since this tab loaded it.
    pub changed_elsewhere: RwSignal<Vec<WorkId>>,
    /// Work that another tab deleted while this tab held it: dropped here too when this tab had
    /// nothing of it waiting (its pages then say why it is gone), or else held, unsaved, until
    /// the person chooses to keep it or let it go.
    pub deleted_elsewhere: RwSignal<Vec<WorkId>>,
    /// Larger text, for people who want it.
    pub large_text: RwSignal<bool>,
    /// The language the page is shown in (a person answering in collection mode may choose
    /// Welsh); the frame follows it, and the document's `lang` with it.
    pub page_lang: RwSignal<mhsw::lang::Lang>,
    /// The language the lead chose for the toolkit's own pages with the header's switch,
    /// remembered on the device; `page_lang` returns to it when collection mode ends.
    pub lead_lang: RwSignal<mhsw::lang::Lang>,
    /// Shared-device collection in progress: the app stays on the collection screens.
    pub kiosk: RwSignal<Option<storage::Kiosk>>,
    /// How many times the browser's Back (or a typed address) was kept from leaving the
    /// collection screens: the collection page takes each as its own Back.
    pub kept_in_collection: RwSignal<u32>,
    /// Saves scheduled and in flight.
    saving: StoredValue<Saving, LocalStorage>,
    /// What the browser said when asked to keep the toolkit's storage (`None`: not asked yet).
    pub persisted: RwSignal<Option<bool>>,
    /// The latest import's notice ("Importing…", then its outcome): held here, not by the home
    /// page, so it is still there when the home page is drawn again (Back then Forward, or the
    /// language switched) while a large import runs.
    pub import_notice: RwSignal<Option<crate::later::Outcome>>,
    /// The app's root owner. Work signals are created under it, so they outlive the page that
    /// created them (event handlers run under their page's owner, which is disposed on navigation).
    root: StoredValue<Option<Owner>>,
}

impl AppState {
    /// Creates the state, reads storage, and provides it as context.
    pub fn provide() -> Self {
        let lead_lang = storage::interface_language()
            .and_then(|code| mhsw::lang::Lang::from_code(&code))
            .unwrap_or(mhsw::lang::Lang::En);
        let state = AppState {
            started: RwSignal::new(None),
            waiting: StoredValue::new_local(Vec::new()),
            questionnaires: RwSignal::new(Questionnaires::Fetching),
            works: RwSignal::new(SavedWork::Listed(storage::list())),
            set_aside: RwSignal::new(Vec::new()),
            save: RwSignal::new(SaveState::Idle),
            storage_problem: RwSignal::new(None),
            route: RwSignal::new(history::current()),
            changed_elsewhere: RwSignal::new(Vec::new()),
            deleted_elsewhere: RwSignal::new(Vec::new()),
            large_text: RwSignal::new(false),
            page_lang: RwSignal::new(lead_lang),
            lead_lang: RwSignal::new(lead_lang),
            kiosk: RwSignal::new(storage::kiosk()),
            kept_in_collection: RwSignal::new(0),
            saving: StoredValue::new_local(Saving::default()),
            persisted: RwSignal::new(None),
            import_notice: RwSignal::new(None),
            root: StoredValue::new(Owner::current()),
        };
        // Collection mode locks the device: whatever address this tab was opened at, it shows
        // the collection screens, and its address says so.
        if let Some(kiosk) = state.kiosk.get_untracked() {
            let route = Route::Collect(kiosk.work);
            if state.route.get_untracked() != route {
                history::go(&route);
            }
            state.route.set(route);
        }
        provide_context(state);
        state.start();
        state
    }

    /// Shows the toolkit's own pages in `lang` at once, and remembers the choice on the device.
    pub fn choose_lead_lang(&self, lang: mhsw::lang::Lang) {
        self.lead_lang.set(lang);
        self.page_lang.set(lang);
        storage::remember_interface_language(lang.code());
    }

    /// Reads the manifest and lists the tools from its summaries; once the first screen is
    /// drawn, downloads the later part of the app, which fetches and checks the questionnaires
    /// and reads the saved work in full. Called at start, and again by "Try again" when the download failed.
    pub fn start(&self) {
        let state = *self;
        state.started.set(None);
        leptos::task::spawn_local(async move {
            let listing = definitions::fetch_listing().await;
            state
                .questionnaires
                .set(Questionnaires::Listed(listing.tools()));
            // The home page is drawn from a part of its own: the first screen is drawn once
            // it is here (if it cannot be downloaded, the page says so).
            if matches!(state.route.get_untracked(), Route::Home) {
                let _ = later::home_ready().await;
            }
            // Let the first screen be drawn before the larger download begins, and mark the
            // moment for `make bench` (first-load bytes are those fetched before it).
            after_next_paint().await;
            timing::mark("mhsw:first-screen");
            // The later part asks for the questionnaire files as it starts (`later::start`).
            let outcome = match later::start(state, listing).await {
                Ok(starting) => {
                    starting.await;
                    Ok(())
                }
                Err(not_downloaded) => Err(not_downloaded),
            };
            state.started.set(Some(outcome));
            for waiter in state
                .waiting
                .try_update_value(std::mem::take)
                .unwrap_or_default()
            {
                let _ = waiter.send(outcome);
            }
        });
    }

    /// Waits until the later part of the app has started (at once if it has): actions on whole
    /// pieces of work await this first.
    /// If its download failed, it is tried again, as "Try again" does: a person who was told
    /// to check the connection and try again presses the same button again.
    pub async fn ready(&self) -> Result<(), NotDownloaded> {
        match self.started.get_untracked() {
            Some(Ok(())) => return Ok(()),
            Some(Err(_)) => self.start(),
            None => {}
        }
        let (sender, receiver) = oneshot::channel();
        self.waiting.update_value(|waiting| waiting.push(sender));
        receiver.await.unwrap_or(Err(NotDownloaded))
    }

    /// The state provided by [`AppState::provide`].
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Calls `f` with every piece of saved work, borrowed rather than copied (for the core's
    /// rules that choose among them, such as `work::latest_leaders_audit`). Untracked.
    pub fn with_all_works<R>(&self, f: impl FnOnce(&[&Work]) -> R) -> R {
        self.works.with_untracked(|works| {
            let held: Vec<_> = works.signals().map(|s| s.read_untracked()).collect();
            let all: Vec<&Work> = held.iter().map(|h| &h.work).collect();
            f(&all)
        })
    }

    /// Makes a work signal that lives as long as the app.
    fn new_work_signal(&self, held: Held) -> RwSignal<Held> {
        match self.root.get_value() {
            Some(owner) => owner.with(|| RwSignal::new(held)),
            None => RwSignal::new(held),
        }
    }

    /// Opens the work store and brings over what the first store format left in
    /// `localStorage`. When the store cannot be opened, says so once: the app goes on with
    /// work kept in memory, and offers downloads.
    pub async fn open_store(&self) {
        let state = *self;
        match database::open(move || state.storage_removed()).await {
            Ok(()) => {
                let migrated = match migrate::keys_to_move() {
                    keys if keys.is_empty() => migrate::Migrated::default(),
                    keys => match crate::later::migrate_old_entries().await {
                        Ok(moving) => moving.await,
                        // Nothing is lost: the entries stay where they are for the next start.
                        Err(not_downloaded) => migrate::Migrated {
                            moved: 0,
                            left: keys
                                .iter()
                                .map(|key| format!("{key}: {not_downloaded}"))
                                .collect(),
                        },
                    },
                };
                if !migrated.left.is_empty() {
                    self.storage_problem.set(Some(StoreError::Blocked(format!(
                        "{} saved {} could not be moved to the new store and {} kept where {} ({})",
                        migrated.left.len(),
                        if migrated.left.len() == 1 {
                            "entry"
                        } else {
                            "entries"
                        },
                        if migrated.left.len() == 1 {
                            "is"
                        } else {
                            "are"
                        },
                        if migrated.left.len() == 1 {
                            "it was"
                        } else {
                            "they were"
                        },
                        migrated.left.join("; ")
                    ))));
                }
            }
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// Reads every saved piece of work from the store again.
    pub async fn reload_from_storage(&self) {
        if !database::is_open() {
            // Nothing can be read: the tab holds only what is made or imported from now on,
            // and the listing (of work this browser cannot open) gives way to it.
            self.works.update(|works| {
                works.read_mut();
            });
            return;
        }
        match database::load_all().await {
            Ok(loaded) => {
                // Inserted one by one: `collect()` would carry a sort of its own
                // (`mhsw::order`). The store gives them in order, so each goes at the end.
                let mut works = Works::default();
                for stored in loaded.works {
                    let id = stored.work.id.clone();
                    works.insert(
                        id,
                        self.new_work_signal(Held::stored(stored.work, stored.meta)),
                    );
                }
                // Work another tab deleted and the store holds again (imported there) is here
                // again.
                self.deleted_elsewhere
                    .update(|ids| ids.retain(|id| works.get(id).is_none()));
                self.works.set(SavedWork::Read(works));
                self.set_aside.set(loaded.aside);
                self.keep_listing();
            }
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// The signal of one piece of work.
    pub fn work(&self, id: &WorkId) -> Option<RwSignal<Held>> {
        self.works.with(|works| works.get(id))
    }

    /// The definition a piece of work answers, if it is loaded.
    pub fn definition_of(&self, work: &Work) -> Option<Arc<Definition>> {
        self.questionnaire(&work.definition.id)
    }

    /// The questionnaire with this id, if it is loaded: from the whole catalogue, or, before
    /// that is there, from the part checked first for the first page
    /// ([`definitions::FIRST`]).
    pub fn questionnaire(&self, id: &DefinitionId) -> Option<Arc<Definition>> {
        match self.questionnaires.with(|c| c.checked().map(|c| c.get(id))) {
            Some(found) => found,
            None => definitions::FIRST
                .with(|first| first.with(|first| first.as_ref().and_then(|first| first.get(id)))),
        }
    }

    /// Adds new work (created, duplicated or imported) and starts saving it. Await
    /// [`AppState::flush`] to know whether it was stored.
    pub fn add_work(&self, work: Work) {
        self.add_held(Held::new_unsaved(work));
    }

    /// Adds imported work with the records already written for its responses (by the import
    /// worker), and starts saving it. Await [`AppState::flush`] to know whether it was stored.
    /// The records may be of responses not yet read into the work ([`AppState::add_read_responses`]
    /// adds them): the save writes them all the same.
    /// The file it came from is a copy of it ([`Meta::imported`]), so it is not called "never
    /// exported".
    pub fn add_imported(&self, work: Work, records: BTreeMap<ResponseId, Sealed>) {
        let mut held = Held::new_unsaved(work);
        held.meta = Meta::imported(clock::today());
        held.unsaved.extend(records.keys().cloned());
        held.records = records;
        self.add_held(held);
    }

    /// Adds imported work that the import worker has already stored (revision 1, `meta`): it
    /// is held as saved, with nothing to write, and other tabs are told.
    pub fn add_stored(&self, work: Work, meta: Meta) {
        let id = work.id.clone();
        let time = meta.saved_at.clone();
        let signal = self.new_work_signal(Held::stored(work, meta));
        self.works.update(|works| {
            works.read_mut().insert(id.clone(), signal);
        });
        self.here_again(&id);
        channel::announce_changed(&id);
        self.keep_listing();
        self.ask_for_persistence();
        self.save.set(SaveState::Saved(time));
    }

    fn add_held(&self, held: Held) {
        let id = held.work.id.clone();
        let signal = self.new_work_signal(held);
        self.works.update(|works| {
            works.read_mut().insert(id.clone(), signal);
        });
        self.here_again(&id);
        self.persist(&id);
    }

    /// Puts responses read from the records [`AppState::add_imported`] was given into the work's
    /// collection, after any already there. Nothing is saved for them: their records are (being)
    /// written as they were given. Returns false when the work is not here.
    pub fn add_read_responses(&self, id: &WorkId, responses: Vec<FeedbackResponse>) -> bool {
        let Some(signal) = self.work(id) else {
            return false;
        };
        signal.update(|held| {
            if let Some(collection) = held.work.collection.as_mut() {
                collection.responses.extend(responses);
            }
        });
        true
    }

    /// Changes a piece of work; the change is saved within 400 ms (`SAVE_AFTER_MS`), together with
    /// any others made meanwhile.
    pub fn change(&self, id: &WorkId, edit: impl FnOnce(&mut Work)) {
        let Some(signal) = self.work(id) else { return };
        signal.update(|held| {
            edit(&mut held.work);
            held.work.updated = clock::today();
            held.dirty = true;
        });
        self.schedule_save(id);
    }

    /// Adds one anonymous feedback response to a collection and saves it at once. Resolves to
    /// whether it was stored: the person who sent it is told only what is true.
    pub async fn add_response(
        &self,
        id: &WorkId,
        answers: mhsw::responses::Responses,
        channel: mhsw::work::Channel,
    ) -> Result<(), StoreError> {
        let Some(signal) = self.work(id) else {
            return Err(StoreError::Blocked("the collection is not open".to_owned()));
        };
        let response = mhsw::work::FeedbackResponse {
            id: ResponseId::new(format!("{}{}", clock::random_id(), clock::random_id())),
            submitted: clock::today(),
            channel,
            definition_version: signal.with_untracked(|h| h.work.definition.version.clone()),
            answers,
        };
        signal.update(|held| {
            if let Some(collection) = held.work.collection.as_mut() {
                held.unsaved.insert(response.id.clone());
                collection.responses.push(response);
                held.work.updated = clock::today();
                held.dirty = true;
            }
        });
        match self.flush(id).await {
            // Another tab (a second tab of the locked device) saved the collection meanwhile.
            Err(StoreError::Conflict) => self.add_to_stored_copy(id).await,
            outcome => outcome,
        }
    }

    /// Responses given on a device are only ever added to a collection, never changed: when
    /// another tab has saved the same collection since this tab read it, this tab takes the
    /// stored copy, adds the responses it has not yet saved, and saves once more. (Only for
    /// collection mode, where a tab changes nothing else.)
    async fn add_to_stored_copy(&self, id: &WorkId) -> Result<(), StoreError> {
        let Some(signal) = self.work(id) else {
            return Err(StoreError::Conflict);
        };
        let stored = database::load_one(id).await?.ok_or(StoreError::Conflict)?;
        let ours: Vec<mhsw::work::FeedbackResponse> = signal.with_untracked(|held| {
            held.work
                .collection
                .iter()
                .flat_map(|c| c.responses.iter())
                .filter(|r| held.unsaved.contains(&r.id))
                .cloned()
                .collect()
        });
        let mut held = Held::stored(stored.work, stored.meta);
        if let Some(collection) = held.work.collection.as_mut() {
            for response in ours {
                if !collection.responses.iter().any(|r| r.id == response.id) {
                    held.unsaved.insert(response.id.clone());
                    collection.responses.push(response);
                }
            }
        }
        held.work.updated = clock::today();
        held.dirty = true;
        signal.set(held);
        self.changed_elsewhere.update(|ids| ids.retain(|i| i != id));
        self.flush(id).await
    }

    /// Another tab changed a piece of work. When this tab holds it with nothing of its own
    /// waiting to be saved, it takes the stored copy at once, so a lead moving between two tabs
    /// sees the other tab's change and never meets a false "changed in another tab". When this
    /// tab has a change of its own not yet stored, both tabs changed it: that is noted, and the
    /// save here asks which version to keep. Work this tab lacks is read from the store.
    pub async fn other_tab_changed(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else {
            self.reload_from_storage().await;
            self.deleted_elsewhere.update(|ids| ids.retain(|i| i != id));
            return;
        };
        let stored = database::load_one(id).await;
        if matches!(stored, Ok(None)) && signal.with_untracked(|h| h.meta.revision > 0) {
            // Deleted there. Held here with nothing waiting, it goes here too; with a change
            // of this tab's own, it stays until the person chooses (its save says why not).
            if self.nothing_waiting(id) {
                self.works.update(|works| {
                    works.read_mut().remove(id);
                });
                self.forget_saved_line();
                let_unkept_of_go(id);
            }
            self.note_deleted_elsewhere(id);
            return;
        }
        if self.nothing_waiting(id) {
            if let Ok(Some(stored)) = stored {
                // Asked again: a change made here while the store was read is this tab's own.
                let newer =
                    signal.with_untracked(|held| stored.meta.revision >= held.meta.revision);
                if newer && self.nothing_waiting(id) {
                    signal.set(Held::stored(stored.work, stored.meta));
                    return;
                }
            }
        }
        self.changed_elsewhere.update(|ids| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        });
    }

    /// True when this tab has nothing of a piece of work's waiting: no change unsaved,
    /// scheduled or being written, and no save of it refused or failed.
    fn nothing_waiting(&self, id: &WorkId) -> bool {
        let unsaved = self
            .work(id)
            .is_some_and(|signal| signal.with_untracked(Held::has_unsaved));
        let saving = self
            .saving
            .with_value(|saving| saving.scheduled.contains(id) || saving.in_flight.contains(id));
        let noted = self
            .changed_elsewhere
            .with_untracked(|ids| ids.contains(id))
            || self
                .deleted_elsewhere
                .with_untracked(|ids| ids.contains(id));
        let failed = self
            .save
            .with_untracked(|save| matches!(save, SaveState::Failed { work, .. } if work == id));
        !(unsaved || saving || noted || failed)
    }

    /// The saved work was removed from elsewhere (another tab's "remove everything", the
    /// browser's settings): stop saving and say so; what this tab holds stays in memory.
    pub fn storage_removed(&self) {
        database::close();
        self.storage_problem.set(Some(StoreError::Removed));
    }

    /// After [`AppState::storage_removed`]: writes everything this tab holds to the store again.
    pub async fn save_everything_again(&self) -> Result<(), StoreError> {
        database::open({
            let state = *self;
            move || state.storage_removed()
        })
        .await?;
        self.storage_problem.set(None);
        let ids: Vec<WorkId> = self.works.with_untracked(SavedWork::ids);
        for id in &ids {
            if let Some(signal) = self.work(id) {
                // The store is empty now: every record is written afresh, from revision 1.
                signal.update_untracked(|held| {
                    held.meta.revision = 0;
                    held.dirty = true;
                    held.unsaved = Held::new_unsaved_ids(&held.work);
                });
            }
        }
        for id in &ids {
            self.flush(id).await?;
        }
        Ok(())
    }

    /// Duplicates an audit as the next cycle's re-audit, and opens the copy.
    pub fn duplicate_for_next_cycle(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else { return };
        let today = clock::today();
        let name = self.works.with_untracked(|works| {
            let names: Vec<String> = works
                .signals()
                .map(|w| w.with_untracked(|h| h.work.name.clone()))
                .collect();
            signal.with_untracked(|h| {
                h.work
                    .next_cycle_name(names.iter().map(String::as_str), today)
            })
        });
        let copy = signal.with_untracked(|h| {
            h.work
                .duplicate_for_next_cycle(WorkId::new(clock::random_id()), name, today)
        });
        let route = Route::Work(copy.id.clone());
        self.add_work(copy);
        self.open(route);
    }

    /// Goes to `route` now: the page is drawn for it at once, not when the browser next tells
    /// of the address's change, so a key pressed again meanwhile (two quick Enters on
    /// "Duplicate as a re-audit") finds the page that asked gone, not its button.
    fn open(&self, route: Route) {
        history::go(&route);
        self.route.set(route);
    }

    /// Downloads a piece of work as an export file, and records when it was exported.
    pub fn download_export(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else { return };
        let (name, text) =
            signal.with_untracked(|h| (h.work.name.clone(), mhsw::work::export_work(&h.work)));
        if files::download_text(
            &format!("{}.json", files::safe_file_stem(&name)),
            "application/json",
            &text,
        )
        .is_ok()
        {
            self.mark_exported(std::slice::from_ref(id));
        }
    }

    /// Downloads every piece of work on the device as one backup file ("Export everything").
    pub fn download_everything(&self) -> Result<usize, files::FileError> {
        let works: Vec<Work> = self.works.with_untracked(|works| {
            works
                .signals()
                .map(|signal| signal.with_untracked(|h| h.work.clone()))
                .collect()
        });
        let count = works.len();
        let ids: Vec<WorkId> = works.iter().map(|w| w.id.clone()).collect();
        let today = clock::today();
        let text = mhsw::work::export_backup(works, today);
        files::download_text(
            &format!("mhsw-toolkit-backup-{today}.json"),
            "application/json",
            &text,
        )?;
        self.mark_exported(&ids);
        Ok(count)
    }

    /// Records that work was exported today (the save that records it is the exported revision).
    fn mark_exported(&self, ids: &[WorkId]) {
        let today = clock::today();
        for id in ids {
            let Some(signal) = self.work(id) else {
                continue;
            };
            signal.update(|held| {
                held.meta.exported_on = Some(today);
                held.meta.exported_revision = Some(held.meta.revision + 1);
                held.meta.imported_on = None;
                held.dirty = true;
            });
            self.persist(id);
        }
    }

    /// Saves one piece of work soon ([`SAVE_AFTER_MS`]), once, however many changes come.
    fn schedule_save(&self, id: &WorkId) {
        if self
            .save
            .with_untracked(|s| !matches!(s, SaveState::Failed { .. }))
        {
            self.save.set(SaveState::Pending);
        }
        self.save_after(id, SAVE_AFTER_MS);
    }

    /// Saves one piece of work `ms` from now, unless a save of it is already waiting.
    fn save_after(&self, id: &WorkId, ms: u64) {
        let first = self
            .saving
            .try_update_value(|saving| saving.schedule(id))
            .unwrap_or(false);
        if first {
            let state = *self;
            let id = id.clone();
            set_timeout(
                move || state.persist(&id),
                std::time::Duration::from_millis(ms),
            );
        }
    }

    /// Saves every piece of work with changes now (the page is being hidden or closed).
    pub fn save_all_now(&self) {
        let pending: Vec<WorkId> = self.saving.with_value(|saving| saving.scheduled.to_vec());
        for id in pending {
            self.persist(&id);
        }
    }

    /// Saves every piece of work with changes not yet stored, now. Resolves to whether all of
    /// them were stored.
    pub async fn flush_all(&self) -> bool {
        let mut all = true;
        for id in self.unsaved_ids() {
            all &= self.flush(&id).await.is_ok();
        }
        all
    }

    /// Saves one piece of work now, recording the outcome in [`AppState::save`].
    pub fn persist(&self, id: &WorkId) {
        let state = *self;
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let _ = state.flush(&id).await;
        });
    }

    /// Saves one piece of work now and resolves to whether it was stored. One save per piece
    /// of work is written at a time; a save asked for meanwhile waits, then writes whatever
    /// has changed by then.
    pub async fn flush(&self, id: &WorkId) -> Result<(), StoreError> {
        loop {
            let busy = self
                .saving
                .with_value(|saving| saving.in_flight.contains(id));
            if !busy {
                break;
            }
            let (sender, receiver) = oneshot::channel();
            self.saving.update_value(|saving| {
                saving.waiting.push((id.clone(), sender));
            });
            let _ = receiver.await;
        }
        self.saving.update_value(|saving| saving.start(id));
        // Saving's code is a part of its own (`later::write`), fetched once the first page is
        // drawn: a save asked for sooner waits for it.
        let outcome = match later::write(*self, id.clone()).await {
            Ok(written) => written.await,
            Err(NotDownloaded) => Err(StoreError::NoSaver),
        };
        let waiting = self
            .saving
            .try_update_value(|saving| saving.end(id))
            .unwrap_or_default();
        for waiter in waiting {
            let _ = waiter.send(());
        }
        match &outcome {
            // Another piece of work's failed save stays said until that work is saved: its
            // change is held only in this tab, and "Saved" would hide it.
            Ok(Some(_)) if self.other_work_not_saved(id) => {}
            Ok(Some(time)) => self.save.set(SaveState::Saved(time.clone())),
            Ok(None) => {}
            Err(error) => {
                self.save.set(SaveState::Failed {
                    error: error.clone(),
                    work: id.clone(),
                });
                // Nothing else brings the part: try again while the change is held here.
                if *error == StoreError::NoSaver {
                    self.save_after(id, RETRY_AFTER_MS);
                }
            }
        }
        outcome.map(|_| ())
    }

    /// True when leaving the page now could lose changes: some are held only in this page, not
    /// yet in the store (waiting for their save, being written, or refused). A write started
    /// as the page goes is not sure to finish (a browser may end the page first), so any
    /// change not yet stored counts.
    pub fn changes_at_risk(&self) -> bool {
        !self.unsaved_ids().is_empty() || UNKEPT.with(|held| !held.borrow().is_empty())
    }

    /// The work this tab holds with changes not yet stored.
    fn unsaved_ids(&self) -> Vec<WorkId> {
        self.works.with_untracked(|works| {
            works
                .signals()
                .filter_map(|s| s.with_untracked(|h| h.has_unsaved().then(|| h.work.id.clone())))
                .collect()
        })
    }

    /// Whether the latest save that failed was of other work than `id`, and that work still
    /// has changes not saved.
    fn other_work_not_saved(&self, id: &WorkId) -> bool {
        let failed = self.save.with_untracked(|save| match save {
            SaveState::Failed { work, .. } if work != id => Some(work.clone()),
            _ => None,
        });
        failed
            .and_then(|work| self.work(&work))
            .is_some_and(|signal| signal.with_untracked(Held::has_unsaved))
    }

    /// Writes what has changed in one piece of work: the head, and each response not yet
    /// stored, in one transaction. Runs in the part `saving` ([`later::write`]; call
    /// [`AppState::flush`]). Resolves to the time of day it was saved, or `None` when
    /// there was nothing to save.
    pub(crate) async fn write(&self, id: &WorkId) -> Result<Option<String>, StoreError> {
        let Some(signal) = self.work(id) else {
            return Ok(None);
        };
        if let Some(problem) = self.storage_problem.get_untracked() {
            if matches!(problem, StoreError::Removed) || !database::is_open() {
                return Err(problem);
            }
        }
        if self
            .deleted_elsewhere
            .with_untracked(|ids| ids.contains(id))
        {
            return Err(StoreError::DeletedElsewhere);
        }
        if self
            .changed_elsewhere
            .with_untracked(|ids| ids.contains(id))
        {
            return Err(StoreError::Conflict);
        }
        if !database::is_open() {
            return Err(StoreError::Blocked("the work store is not open".to_owned()));
        }
        let time = clock::time_of_day();
        // Timed for `make bench` (the save path's main-thread time).
        let timed = timing::start("mhsw:save-prepare");
        // Sealed straight from the work in memory: nothing is copied but the text written.
        let prepared = signal
            .try_update_untracked(|held| {
                if !held.has_unsaved() {
                    return None;
                }
                let meta = Meta {
                    revision: held.meta.revision + 1,
                    saved_at: time.clone(),
                    ..held.meta.clone()
                };
                let head = mhsw::store::head_record(&mut held.work, &meta);
                // Records already written (by the import worker) go as they are, whether or not
                // their responses are read into the work yet; the other unsaved responses are
                // written here.
                let records = std::mem::take(&mut held.records);
                let mut responses: Vec<_> = held
                    .work
                    .collection
                    .iter()
                    .flat_map(|c| c.responses.iter())
                    .filter(|r| held.unsaved.contains(&r.id) && !records.contains_key(&r.id))
                    .map(|r| (r.id.clone(), mhsw::store::response_record(r)))
                    .collect();
                responses.extend(
                    records
                        .into_iter()
                        .filter(|(id, _)| held.unsaved.contains(id)),
                );
                held.dirty = false;
                Some((meta, head, responses))
            })
            .flatten();
        timed.end();
        let Some((meta, head, responses)) = prepared else {
            return Ok(None);
        };
        let sent: Vec<ResponseId> = responses.iter().map(|(id, _)| id.clone()).collect();
        let saved = database::save(Save {
            id,
            revision: meta.revision,
            head,
            responses,
        })
        .await;
        match saved {
            Ok(()) => {
                signal.update_untracked(|held| {
                    held.meta = meta;
                    for response in &sent {
                        held.unsaved.remove(response);
                    }
                });
                channel::announce_changed(id);
                self.keep_listing();
                self.ask_for_persistence();
                Ok(Some(time))
            }
            Err(error) => {
                signal.update_untracked(|held| held.dirty = true);
                if error == StoreError::DeletedElsewhere {
                    self.note_deleted_elsewhere(id);
                }
                Err(error)
            }
        }
    }

    /// Asks the browser, once, at the first save, to keep the toolkit's storage.
    fn ask_for_persistence(&self) {
        if self.persisted.get_untracked().is_some() {
            return;
        }
        let persisted = self.persisted;
        persisted.set(Some(false));
        leptos::task::spawn_local(async move {
            persisted.set(Some(database::request_persistence().await.unwrap_or(false)));
        });
    }

    /// Keeps the first screen's light listing in step with the work held.
    fn keep_listing(&self) {
        let listing: Vec<_> = self.works.with_untracked(|works| {
            works
                .signals()
                .map(|signal| {
                    signal.with_untracked(|h| storage::ListingEntry {
                        id: h.work.id.clone(),
                        name: h.work.name.clone(),
                        file: definitions::site_file(&h.work.definition.id),
                        definition: h.work.definition.id.clone(),
                        updated: h.work.updated,
                    })
                })
                .collect()
        });
        storage::keep_listing(&listing);
    }

    /// Deletes a piece of work from the store, then from memory.
    pub async fn delete_work(&self, id: &WorkId) -> Result<(), StoreError> {
        if database::is_open() {
            database::delete_work(id).await?;
        }
        self.works.update(|works| {
            works.read_mut().remove(id);
        });
        self.keep_listing();
        channel::announce_changed(id);
        self.forget_saved_line();
        let_unkept_of_go(id);
        Ok(())
    }

    /// Replaces this tab's copy with the one another tab saved.
    pub async fn take_other_tabs_version(&self, id: &WorkId) {
        if let (Ok(Some(stored)), Some(signal)) = (database::load_one(id).await, self.work(id)) {
            signal.set(Held::stored(stored.work, stored.meta));
        }
        self.changed_elsewhere.update(|ids| ids.retain(|i| i != id));
        self.save.set(SaveState::Idle);
    }

    /// Work another tab deleted, with changes of this tab's own: saves this tab's copy again,
    /// whole, as if new.
    pub async fn keep_deleted_work(&self, id: &WorkId) -> Result<(), StoreError> {
        if let Some(signal) = self.work(id) {
            signal.update_untracked(|held| {
                held.meta.revision = 0;
                held.dirty = true;
                held.unsaved = Held::new_unsaved_ids(&held.work);
            });
        }
        self.deleted_elsewhere.update(|ids| ids.retain(|i| i != id));
        self.changed_elsewhere.update(|ids| ids.retain(|i| i != id));
        self.flush(id).await
    }

    /// Work another tab deleted: lets this tab's copy go too. Its pages then say it was deleted.
    pub fn let_deleted_work_go(&self, id: &WorkId) {
        self.works.update(|works| {
            works.read_mut().remove(id);
        });
        self.changed_elsewhere.update(|ids| ids.retain(|i| i != id));
        self.note_deleted_elsewhere(id);
        self.save.set(SaveState::Idle);
        let_unkept_of_go(id);
    }

    /// Work `id` is held here again (imported, or made again by an import in another tab): a
    /// deletion in another tab before no longer stands in the way of its saves.
    fn here_again(&self, id: &WorkId) {
        if self
            .deleted_elsewhere
            .with_untracked(|ids| ids.contains(id))
        {
            self.deleted_elsewhere.update(|ids| ids.retain(|i| i != id));
        }
    }

    /// Clears "Saved on this device at…" where nothing was just saved (a failed save's notice
    /// stays until that work is saved).
    pub fn forget_saved_line(&self) {
        if matches!(self.save.get_untracked(), SaveState::Saved(_)) {
            self.save.set(SaveState::Idle);
        }
    }

    /// Notes that another tab deleted `id` (heard from that tab, or found by a save).
    fn note_deleted_elsewhere(&self, id: &WorkId) {
        self.deleted_elsewhere.update(|ids| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        });
    }

    /// Whether `id` names work another tab deleted and this tab no longer holds (its pages say
    /// so, rather than that the link leads nowhere).
    pub fn deleted_here_too(&self, id: &WorkId) -> bool {
        self.deleted_elsewhere.with(|ids| ids.contains(id)) && self.work(id).is_none()
    }

    /// Keeps this tab's copy as a new piece of work, leaving the other tab's version alone.
    pub async fn keep_mine_as_copy(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else { return };
        let mut copy = signal.with_untracked(|h| h.work.clone());
        copy.id = WorkId::new(clock::random_id());
        copy.name = format!("{} (copy from this tab)", copy.name);
        self.take_other_tabs_version(id).await;
        let copy_id = copy.id.clone();
        self.add_work(copy);
        self.open(Route::Work(copy_id));
    }
}

thread_local! {
    /// Text on screen that the store does not keep yet, by key: a note over its length limit,
    /// a paper form being typed in. Held here, not by its page, so that leaving the page and
    /// coming back within the app finds it again; and while any is held, closing or reloading
    /// the page has the browser ask first ([`AppState::changes_at_risk`]).
    static UNKEPT: std::cell::RefCell<Vec<(String, String)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The key a box on the page now holds its text under ([`hold_unkept`]): `work/name`, so that
/// deleting the work lets it go ([`let_unkept_of_go`]).
pub fn held_key(name: &str) -> String {
    let work = AppState::expect()
        .route
        .with_untracked(|r| r.work().map(|w| w.to_string()))
        .unwrap_or_default();
    format!("{work}/{name}")
}

/// For a box drawn now that can show text not stored (part of a date): the function to call
/// with that text, held under [`held_key`]`(name)`, or `None` once the box is stored again. The
/// text is let go when the box is taken away (leaving the page within the app).
pub fn hold_while_drawn(name: &str) -> impl Fn(Option<String>) + Clone + 'static {
    let key = held_key(name);
    let gone = key.clone();
    on_cleanup(move || hold_unkept(&gone, None));
    move |text| hold_unkept(&key, text)
}

/// Holds `text` under `key` as on screen but not stored, or (`None`) lets it go: it was
/// stored, or taken away.
pub fn hold_unkept(key: &str, text: Option<String>) {
    UNKEPT.with(|held| {
        let mut held = held.borrow_mut();
        held.retain(|(k, _)| k != key);
        if let Some(text) = text {
            held.push((key.to_owned(), text));
        }
    });
}

/// Lets go of everything held for the work `id` (its boxes, keyed `id/…`, and its paper form
/// being typed in, `paper/id`): the work is deleted, so closing the page no longer asks first
/// on its account.
pub fn let_unkept_of_go(id: &WorkId) {
    let (boxes, paper) = (format!("{id}/"), format!("paper/{id}"));
    UNKEPT.with(|held| {
        held.borrow_mut()
            .retain(|(k, _)| !k.starts_with(&boxes) && *k != paper)
    });
}

/// The text held under `key` ([`hold_unkept`]), if any.
pub fn unkept(key: &str) -> Option<String> {
    UNKEPT.with(|held| {
        held.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, text)| text.clone())
    })
}

/// Resolves once the browser has drawn the next frame: a timer set from an animation frame
/// runs after that frame's paint. Animation frames do not run in a hidden tab, so a plain timer
/// (a quarter of a second) stands in for them there.
async fn after_next_paint() {
    let (frame_drawn, after_frame) = oneshot::channel::<()>();
    let (timer_ran, after_timer) = oneshot::channel::<()>();
    request_animation_frame(move || {
        set_timeout(
            move || {
                let _ = frame_drawn.send(());
            },
            std::time::Duration::ZERO,
        );
    });
    set_timeout(
        move || {
            let _ = timer_ran.send(());
        },
        std::time::Duration::from_millis(250),
    );
    let _ = futures::future::select(after_frame, after_timer).await;
}
