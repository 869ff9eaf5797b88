//! The app's shared state, provided once as context: the questionnaires, the saved work, where
//! the user is, and whether the last save worked.
//!
//! Owns: holding work in memory and sending every change to storage at once. Must not touch:
//! scoring or wording (components call the core for those).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use mhsw::definition::Definition;
use mhsw::ids::WorkId;
use mhsw::work::Work;

use futures::channel::oneshot;

use crate::edges::definitions::{self, Catalogue, Tool};
use crate::edges::storage::{self, Listed, SetAsideEntry, StoreError};
use crate::edges::{clock, files, history};
use crate::later::{self, NotDownloaded};
use crate::route::Route;

/// A piece of work held in memory, with the storage revision this tab knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The work.
    pub work: Work,
    /// The revision last loaded or saved by this tab (0 when never saved).
    pub revision: u64,
}

/// The outcome of the latest save.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    /// Nothing has been changed yet.
    #[default]
    Idle,
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

/// The shared state. Cheap to copy: every field is a signal.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The questionnaires' titles, from a light reading, until [`AppState::catalogue`] is
    /// there (`None` while they are being fetched).
    pub tools: RwSignal<Option<Vec<Tool>>>,
    /// The saved work, from a light reading, until [`AppState::works`] is there.
    pub listed: RwSignal<Vec<Listed>>,
    /// Whether the later part of the app has started: `None` while it downloads and runs, then
    /// whether it could be downloaded. Until it is `Some(Ok(()))`, `catalogue` and `works` are
    /// empty and the home page shows `tools` and `listed`.
    pub started: RwSignal<Option<Result<(), NotDownloaded>>>,
    /// Who is waiting for `started` (see [`AppState::ready`]).
    waiting: StoredValue<Vec<oneshot::Sender<Result<(), NotDownloaded>>>, LocalStorage>,
    /// The questionnaires, checked (`None` until the later part has started).
    pub catalogue: RwSignal<Option<Catalogue>>,
    /// The saved work, each piece in its own signal so editing one does not redraw the others.
    pub works: RwSignal<BTreeMap<WorkId, RwSignal<Held>>>,
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
    /// Larger text, for people who want it.
    pub large_text: RwSignal<bool>,
    /// Shared-device collection in progress: the app stays on the collection screens.
    pub kiosk: RwSignal<Option<storage::Kiosk>>,
    /// The app's root owner. Work signals are created under it, so they outlive the page that
    /// created them (event handlers run under their page's owner, which is disposed on navigation).
    root: StoredValue<Option<Owner>>,
}

impl AppState {
    /// Creates the state, reads storage, and provides it as context.
    pub fn provide() -> Self {
        let state = AppState {
            tools: RwSignal::new(None),
            listed: RwSignal::new(storage::list()),
            started: RwSignal::new(None),
            waiting: StoredValue::new_local(Vec::new()),
            catalogue: RwSignal::new(None),
            works: RwSignal::new(BTreeMap::new()),
            set_aside: RwSignal::new(Vec::new()),
            save: RwSignal::new(SaveState::Idle),
            storage_problem: RwSignal::new(None),
            route: RwSignal::new(history::current()),
            changed_elsewhere: RwSignal::new(Vec::new()),
            large_text: RwSignal::new(false),
            kiosk: RwSignal::new(storage::kiosk()),
            root: StoredValue::new(Owner::current()),
        };
        if let Some(kiosk) = state.kiosk.get_untracked() {
            state.route.set(Route::Collect(kiosk.work));
        }
        provide_context(state);
        state.start();
        state
    }

    /// Reads the manifest and lists the tools from its summaries; once the first screen is
    /// drawn, downloads the later part of the app, which fetches and checks the questionnaires
    /// and reads the saved work in full. Called at start, and again by "Try again" when the download failed.
    pub fn start(&self) {
        let state = *self;
        state.started.set(None);
        leptos::task::spawn_local(async move {
            let listing = definitions::fetch_listing().await;
            state.tools.set(Some(listing.tools()));
            // Let the first screen be drawn before the larger download begins, and mark the
            // moment for `make bench` (first-load bytes are those fetched before it).
            after_next_paint().await;
            mark_first_screen();
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
    pub async fn ready(&self) -> Result<(), NotDownloaded> {
        if let Some(outcome) = self.started.get_untracked() {
            return outcome;
        }
        let (sender, receiver) = oneshot::channel();
        self.waiting.update_value(|waiting| waiting.push(sender));
        receiver.await.unwrap_or(Err(NotDownloaded))
    }

    /// The state provided by [`AppState::provide`].
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Makes a work signal that lives as long as the app.
    fn new_work_signal(&self, held: Held) -> RwSignal<Held> {
        match self.root.get_value() {
            Some(owner) => owner.with(|| RwSignal::new(held)),
            None => RwSignal::new(held),
        }
    }

    /// Reads every saved piece of work from storage again.
    pub fn reload_from_storage(&self) {
        match storage::load_all() {
            Ok((envelopes, aside)) => {
                let works = envelopes
                    .into_iter()
                    .map(|e| {
                        (
                            e.work.id.clone(),
                            self.new_work_signal(Held {
                                work: e.work,
                                revision: e.revision,
                            }),
                        )
                    })
                    .collect();
                self.works.set(works);
                self.set_aside.set(aside);
            }
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    /// The signal of one piece of work.
    pub fn work(&self, id: &WorkId) -> Option<RwSignal<Held>> {
        self.works.with(|works| works.get(id).copied())
    }

    /// The definition a piece of work answers, if it is loaded.
    pub fn definition_of(&self, work: &Work) -> Option<Arc<Definition>> {
        self.catalogue
            .with(|c| c.as_ref().and_then(|c| c.get(work.definition.id.as_str())))
    }

    /// Adds new work (created, duplicated or imported) and saves it.
    pub fn add_work(&self, work: Work) {
        let id = work.id.clone();
        let signal = self.new_work_signal(Held { work, revision: 0 });
        self.works.update(|works| {
            works.insert(id.clone(), signal);
        });
        self.persist(&id);
    }

    /// Changes a piece of work and saves it straight away.
    pub fn change(&self, id: &WorkId, edit: impl FnOnce(&mut Work)) {
        let Some(signal) = self.work(id) else { return };
        signal.update(|held| {
            edit(&mut held.work);
            held.work.updated = clock::today();
        });
        self.persist(id);
    }

    /// Adds one anonymous feedback response to a collection and saves it.
    pub fn add_response(
        &self,
        id: &WorkId,
        answers: mhsw::responses::Responses,
        channel: mhsw::work::Channel,
    ) {
        let Some(signal) = self.work(id) else { return };
        let response = mhsw::work::FeedbackResponse {
            id: mhsw::ids::ResponseId::new(format!("{}{}", clock::random_id(), clock::random_id())),
            submitted: clock::today(),
            channel,
            definition_version: signal.with_untracked(|h| h.work.definition.version.clone()),
            answers,
        };
        self.change(id, |w| {
            if let Some(collection) = w.collection.as_mut() {
                collection.responses.push(response);
            }
        });
    }

    /// Another tab changed a stored entry: note it when this tab holds that work (a later save
    /// here then asks which version to keep), or read storage again for work this tab lacks.
    pub fn other_tab_changed(&self, key: &str) {
        let Some(id) = storage::work_id_of_key(key) else {
            return;
        };
        if self.work(&id).is_some() {
            self.changed_elsewhere.update(|ids| {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            });
        } else {
            self.reload_from_storage();
        }
    }

    /// Duplicates an audit as the next cycle's re-audit, and opens the copy.
    pub fn duplicate_for_next_cycle(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else { return };
        let copy = signal.with_untracked(|h| {
            let today = clock::today();
            h.work.duplicate_for_next_cycle(
                WorkId::new(clock::random_id()),
                format!("{} (re-audit {})", h.work.name, today.year()),
                today,
            )
        });
        let route = Route::Work(copy.id.clone());
        self.add_work(copy);
        history::go(&route);
    }

    /// Downloads a piece of work as an export file.
    pub fn download_export(&self, id: &WorkId) {
        if let Some(signal) = self.work(id) {
            let (name, text) =
                signal.with_untracked(|h| (h.work.name.clone(), mhsw::work::export_work(&h.work)));
            let _ = files::download_text(
                &format!("{}.json", files::safe_file_stem(&name)),
                "application/json",
                &text,
            );
        }
    }

    /// Saves one piece of work, recording the outcome.
    pub fn persist(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else { return };
        if self
            .changed_elsewhere
            .with_untracked(|ids| ids.contains(id))
        {
            self.save.set(SaveState::Failed {
                error: StoreError::Conflict,
                work: id.clone(),
            });
            return;
        }
        let (work, revision) = signal.with_untracked(|h| (h.work.clone(), h.revision));
        let time = clock::time_of_day();
        match storage::save(&work, revision, &time) {
            Ok(revision) => {
                signal.update_untracked(|held| held.revision = revision);
                self.save.set(SaveState::Saved(time));
            }
            Err(error) => self.save.set(SaveState::Failed {
                error,
                work: id.clone(),
            }),
        }
    }

    /// Deletes a piece of work from memory and storage.
    pub fn delete_work(&self, id: &WorkId) {
        storage::delete(id);
        self.works.update(|works| {
            works.remove(id);
        });
    }

    /// Replaces this tab's copy with the one another tab saved.
    pub fn take_other_tabs_version(&self, id: &WorkId) {
        if let (Some(envelope), Some(signal)) = (storage::load_one(id), self.work(id)) {
            signal.set(Held {
                work: envelope.work,
                revision: envelope.revision,
            });
        }
        self.changed_elsewhere.update(|ids| ids.retain(|i| i != id));
        self.save.set(SaveState::Idle);
    }

    /// Keeps this tab's copy as a new piece of work, leaving the other tab's version alone.
    pub fn keep_mine_as_copy(&self, id: &WorkId) {
        let Some(signal) = self.work(id) else { return };
        let mut copy = signal.with_untracked(|h| h.work.clone());
        copy.id = WorkId::new(clock::random_id());
        copy.name = format!("{} (copy from this tab)", copy.name);
        self.take_other_tabs_version(id);
        self.add_work(copy.clone());
        history::go(&Route::Work(copy.id));
    }
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

/// Records the moment the first screen is usable as a User Timing mark, `mhsw:first-screen`.
fn mark_first_screen() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("mhsw:first-screen");
    }
}
