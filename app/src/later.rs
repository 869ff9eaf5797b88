//! The split points: everything the first screen does not need, downloaded just after it.
//!
//! The home page is in the app's first module (`mhsw-app_bg.wasm`), with the frame, the router
//! and a light reading of the saved work and the questionnaires' titles. Everything else, the
//! strict questionnaire loader, reading and saving whole pieces of work, scoring, reports and
//! every other page, sits behind the functions below. `scripts/build-app.sh` cuts the code they
//! reach into one later module, which the app starts downloading as soon as the first screen is
//! drawn ([`crate::state::AppState::provide`]), so it is usually there before the user clicks.
//!
//! Each function is a `#[wasm_split]` split point in the module `later`: calling it downloads
//! that module first (once), then runs the body. A download that fails returns
//! [`NotDownloaded`] instead of stopping the app, and the next call tries again.
//!
//! Owns: the split points and what to show when one could not be downloaded. Must not hold
//! logic of its own: each body calls a page, the state or the core.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use mhsw::ids::WorkId;

use crate::edges::definitions::{self, Listing, Questionnaires};
use crate::edges::{channel, lifecycle};
use crate::pages;
use crate::route::Route;
use crate::state::AppState;

/// A later part of the app could not be downloaded (offline, or the site is unreachable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotDownloaded;

impl NotDownloaded {
    /// What went wrong, in `lang`.
    pub fn in_lang(self, lang: mhsw::lang::Lang) -> &'static str {
        mhsw::messages::frame::not_downloaded(lang)
    }
}

impl std::fmt::Display for NotDownloaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.in_lang(mhsw::lang::Lang::En))
    }
}

impl std::error::Error for NotDownloaded {}

impl From<SplitLoaderError> for NotDownloaded {
    fn from(_: SplitLoaderError) -> Self {
        NotDownloaded
    }
}

/// An action a person starts with a button, on whole pieces of work: it waits for the later
/// part to start, then runs. One at a time: a press while it is still under way (its part of
/// the app downloading, or the work being done) is ignored, so a double click or a second,
/// impatient press never does it twice. Why it could not be done is kept in `problem`.
#[derive(Clone, Copy)]
pub struct Action {
    /// Whether it is under way (the page shows that it is, [`Action::waiting`]).
    pub busy: RwSignal<bool>,
    /// Why the last run could not be done, in words.
    pub problem: RwSignal<Option<String>>,
}

impl Action {
    /// An action not yet run.
    pub fn new() -> Self {
        Action {
            busy: RwSignal::new(false),
            problem: RwSignal::new(None),
        }
    }

    /// Runs `action` once the later part has started, unless this action is under way already.
    pub fn run<F>(self, state: AppState, action: impl FnOnce() -> F + 'static)
    where
        F: std::future::Future<Output = Result<(), NotDownloaded>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.problem.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match state.ready().await {
                Ok(()) => action().await,
                Err(not_downloaded) => Err(not_downloaded),
            };
            self.busy.set(false);
            if let Err(error) = outcome {
                let words = error.in_lang(state.page_lang.get_untracked()).to_owned();
                self.problem.set(Some(words));
            }
        });
    }

    /// "Please wait…" while it is under way, then why it could not be done, if so.
    pub fn waiting(self) -> impl IntoView {
        let lang = AppState::expect().page_lang;
        let busy = move || {
            let words = mhsw::messages::frame::please_wait(lang.get());
            self.busy
                .get()
                .then(|| view! { <p role="status">{words}</p> })
        };
        let problem = move || {
            self.problem
                .get()
                .map(|text| view! { <p class="notice notice-warning" role="alert">{text}"."</p> })
        };
        (busy, problem)
    }
}

impl Default for Action {
    fn default() -> Self {
        Self::new()
    }
}

/// A boxed future, for split points whose work is asynchronous (the ABI across the split takes
/// plain values, not `async fn`s).
type Later<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;

/// "A new version is ready" ([`crate::components::update_notice::UpdateNotice`]). In the part
/// `pages` ([`other_page`]), with the other things people do seldom (duplicating, deleting,
/// settling a change made in another tab, saving everything again), so a section never waits
/// for their code. The service worker keeps that part like every part, and only the service
/// worker ever announces a new version, so the notice never waits for the network. (A part of
/// their own was measured too: the splitter's loader, which the first screen fetches, grew by
/// 254 bytes with its list of files, over the first load's budget.)
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn update_notice() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <crate::components::update_notice::UpdateNotice /> }.into_any())
}

/// The home page ([`crate::pages::home::HomePage`]), in its own part, `home`: a link to a
/// section never downloads it, and a first visit to it takes it with the first module (in
/// `first-pack.wasm`, scripts/finish-dist.mjs).
#[wasm_split(home, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn home_page() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <crate::pages::home::HomePage /> }.into_any())
}

/// Downloads the part `home` ([`home_page`]) if it is not here yet: the first screen of the
/// home page is drawn once it is.
#[wasm_split(home, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn home_ready() -> Result<(), NotDownloaded> {
    Ok(())
}

/// The save line and the store's notices ([`crate::components::save_status::SaveStatus`]).
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn save_status() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <crate::components::save_status::SaveStatus /> }.into_any())
}

/// Saved entries that could not be read ([`crate::pages::home::SetAsideEntries`]). In the
/// part `pages` ([`other_page`]).
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn set_aside_entries() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <crate::pages::home::SetAsideEntries /> }.into_any())
}

/// The page for any route but home and the report and collecting pages. A section
/// ([`Route::Section`], the page a link to saved work opens) is drawn from this part, with the
/// start, so it waits for nothing else; the other pages come from their own part
/// ([`other_page`]), fetched from here once this part is in (their pages wait for the start
/// anyway), so the first module holds no way in to them.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn page(route: Route) -> Result<AnyView, NotDownloaded> {
    if matches!(route, Route::Section(..)) {
        return Ok(pages::section_page(route));
    }
    Ok(Suspend::new(async move {
        let page = other_page(route).await;
        // The heading arrives after the route changed: move focus to it now.
        crate::edges::history::focus_arrived_heading();
        page.unwrap_or_else(|problem| {
            view! { <crate::pages::NotDownloadedPage problem /> }.into_any()
        })
    })
    .into_any())
}

/// The contents, new work, questionnaires and privacy pages, in their own part of the app,
/// `pages`, so a section never waits for their code.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn other_page(route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(pages::page(route))
}

/// A collecting page (collection mode, paper: [`Route::is_collecting`]), in its own part of
/// the app, `collecting`, so an audit's pages never wait for collection mode's screens.
#[wasm_split(collecting, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn collecting_page(route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(pages::collecting_page(route))
}

/// A report page (results and plan: [`Route::is_report`]), in its own part of the app,
/// `reports`, so answering a section never waits for the code that builds reports.
#[wasm_split(reports, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn report_page(route: Route) -> Result<AnyView, NotDownloaded> {
    Ok(pages::report_page(route))
}

/// Fetches the questionnaire files, checks them strictly, and reads every saved piece of work
/// in full (moving unreadable entries aside). Until this has run, the home page shows the light reading.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn start(state: AppState, listing: Listing) -> Result<Later<()>, NotDownloaded> {
    Ok(Box::pin(async move {
        definitions::remember(&listing);
        // Every questionnaire file is asked for now, to download while the saved work is read;
        // except for a link to a section of saved work, which needs only that work's
        // questionnaire checked before it is drawn (the others follow).
        let section = matches!(state.route.get_untracked(), Route::Section(..));
        if !section {
            definitions::ask_now(&listing, &listing.manifest.definitions);
            // Every page but a section waits for the checks: their part downloads meanwhile.
            leptos::task::spawn_local(async {
                let _ = checks_part().await;
            });
        }
        state.open_store().await;
        // The work first, then the questionnaires: pages wait for the questionnaires, so a
        // deep link never finds the work missing while it is still being read.
        state.reload_from_storage().await;
        let wanted = match state.route.get_untracked() {
            Route::Section(work, _) => state
                .work(&work)
                .and_then(|work| work.with_untracked(|h| listing.files_for(&h.work.definition.id))),
            _ => None,
        };
        if section {
            definitions::ask_now(
                &listing,
                wanted.as_ref().unwrap_or(&listing.manifest.definitions),
            );
        }
        let first = match wanted {
            Some(wanted) => {
                let (part, first) = definitions::check_first(&listing, wanted).await;
                definitions::FIRST.with(|f| f.set(Some(part)));
                Some(first)
            }
            None => {
                let fetched = definitions::fetch(listing.clone()).await;
                let catalogue = definitions::checked(fetched).await;
                state.questionnaires.set(Questionnaires::Checked(catalogue));
                None
            }
        };
        listen(state);
        // Saving's code (see `write`): on a section once its first question is drawn, which
        // must not share the connection with it; on any other page now (its checks are done).
        // Then the service worker may download the rest of the app (`updates::settled`).
        let fetch_saving = || {
            leptos::task::spawn_local(async {
                let _ = saving_part().await;
                crate::edges::updates::settled();
            })
        };
        // The questionnaires the first page did not need, once it is drawn; `started` (and
        // so every action on whole pieces of work) waits for them.
        let Some(first) = first else {
            fetch_saving();
            return;
        };
        next_frame().await;
        next_frame().await;
        fetch_saving();
        let catalogue = definitions::check_rest(listing, first).await;
        state.questionnaires.set(Questionnaires::Checked(catalogue));
        definitions::FIRST.with(|f| f.set(None));
    }))
}

/// Resolves after the next animation frame (at once where there are none, as in a hidden tab).
/// (Its future holds only the receiving end, so a `Suspend` can wait for it.)
pub(crate) fn next_frame() -> impl std::future::Future<Output = ()> + Send {
    let (drawn, after) = futures::channel::oneshot::channel::<()>();
    let drawn = std::cell::Cell::new(Some(drawn));
    let send = move || {
        if let Some(drawn) = drawn.take() {
            let _ = drawn.send(());
        }
    };
    let send = std::rc::Rc::new(send);
    let on_frame = send.clone();
    request_animation_frame(move || on_frame());
    // Hidden tabs draw no frames.
    set_timeout(move || send(), std::time::Duration::from_millis(100));
    async move {
        let _ = after.await;
    }
}

/// Hears other tabs' changes, and writes waiting changes as the page is hidden.
fn listen(state: AppState) {
    channel::listen(move |message| {
        leptos::task::spawn_local(async move {
            match message {
                channel::Message::Changed(id) => {
                    if let Ok(heard) = hear_other_tab(state, id).await {
                        heard.await;
                    }
                }
                channel::Message::RemovedAll => state.storage_removed(),
            }
        });
    });
    // Changes waiting for their save are written as the page is hidden or closed. A write
    // started as the page goes may not finish, so while any change is not yet stored the
    // browser asks first, and the waiting saves start at once: they finish while it asks.
    lifecycle::on_hidden(move || state.save_all_now());
    lifecycle::ask_before_leaving(move || {
        let at_risk = state.changes_at_risk();
        if at_risk {
            state.save_all_now();
        }
        at_risk
    });
}

/// Brings what the first store format left in `localStorage` into the work store
/// ([`crate::edges::migrate::from_local_storage`]). In its own part of the app, `migrate`,
/// with the reading of that format: downloaded only on a start that finds such entries.
#[wasm_split(migrate, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn migrate_old_entries() -> Result<Later<crate::edges::migrate::Migrated>, NotDownloaded> {
    Ok(Box::pin(crate::edges::migrate::from_local_storage()))
}

/// What the part `problems` is asked to read the long way, which says what is wrong.
pub enum Strictly {
    /// A questionnaire file the quick way in refused: every problem, placed and explained
    /// ([`mhsw::definition::load_definition`]).
    Definition {
        /// The file's name.
        file: String,
        /// Its text.
        text: String,
    },
    /// A piece of work's records the quick way did not take ([`mhsw::store::assemble_quickly`]:
    /// damaged, or written by another version), read by [`mhsw::store::assemble`], which says
    /// what is wrong with each record that cannot be read.
    Work {
        /// The key of its head record.
        id: WorkId,
        /// Its head record.
        head: mhsw::store::Sealed,
        /// Its response records.
        responses: Vec<(mhsw::ids::ResponseId, mhsw::store::Sealed)>,
    },
}

/// What the part `problems` read, as asked ([`Strictly`]).
pub enum ReadStrictly {
    /// The questionnaire, or every problem in it.
    Definition(Result<mhsw::definition::Definition, mhsw::definition::LoadError>),
    /// The piece of work, or why it cannot be read.
    Work(Result<mhsw::store::Stored, mhsw::store::Damage>),
}

impl ReadStrictly {
    /// The questionnaire read, if one was asked for.
    pub fn definition(
        self,
    ) -> Option<Result<mhsw::definition::Definition, mhsw::definition::LoadError>> {
        match self {
            ReadStrictly::Definition(read) => Some(read),
            ReadStrictly::Work(_) => None,
        }
    }

    /// The piece of work read, if one was asked for.
    pub fn work(self) -> Option<Result<mhsw::store::Stored, mhsw::store::Damage>> {
        match self {
            ReadStrictly::Work(read) => Some(read),
            ReadStrictly::Definition(_) => None,
        }
    }
}

/// Reads what the quick ways did not take, the long way ([`Strictly`]). In its own part of the
/// app, `problems`, with the strict questionnaire loader and the work's derived readers:
/// downloaded only when a file or a saved record has a problem. One way in for both, as each
/// way in costs the first screen's download.
#[wasm_split(problems, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_strictly(ask: Strictly) -> Result<ReadStrictly, NotDownloaded> {
    Ok(match ask {
        Strictly::Definition { file, text } => {
            ReadStrictly::Definition(mhsw::definition::load_definition(&file, &text))
        }
        Strictly::Work {
            id,
            head,
            responses,
        } => ReadStrictly::Work(mhsw::store::assemble(&id, &head, responses)),
    })
}

/// Checks every fetched questionnaire file ([`definitions::check`]). In its own part of the
/// app, `checks`, with the quick way in's checks and their messages: a section of saved work
/// whose questionnaire passed them before with the same text is drawn without this part
/// ([`definitions::check_first`]), which is fetched once the section is drawn.
/// Finishes splitting the blocks an import staged and did not get to split
/// (`edges::database::settle_staged`). In the part `problems`: only a start after an
/// import was cut short finds such blocks.
#[wasm_split(problems, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn settle_staged() -> Result<Later<Result<(), crate::edges::storage::StoreError>>, NotDownloaded>
{
    Ok(Box::pin(crate::edges::database::settle_staged()))
}

/// Keeps damaged entries aside (`edges::database::move_all_aside`). In the part
/// `problems`, with the reading that finds nearly all of them.
#[wasm_split(problems, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn move_aside(
    entries: Vec<crate::edges::database::Aside>,
) -> Result<Later<Result<(), crate::edges::storage::StoreError>>, NotDownloaded> {
    Ok(Box::pin(crate::edges::database::move_all_aside(entries)))
}

#[wasm_split(checks, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn check_definitions(
    fetched: definitions::Fetched,
) -> Result<Later<definitions::Catalogue>, NotDownloaded> {
    Ok(Box::pin(definitions::check(fetched)))
}

/// Downloads the part `checks` ([`check_definitions`]) without using it yet.
#[wasm_split(checks, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn checks_part() -> Result<(), NotDownloaded> {
    Ok(())
}

/// Duplicates an audit as the next cycle's re-audit and opens it, if the home page that asked is
/// still open. In the part `pages`
/// ([`update_notice`]).
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn duplicate(state: AppState, id: WorkId) -> Result<(), NotDownloaded> {
    // Asked for on the home page; a person who left it while this part downloaded (pressed
    // Back, say) has moved on, and neither a copy made behind their back nor being taken to
    // it is what they expect.
    if matches!(state.route.get_untracked(), Route::Home) {
        state.duplicate_for_next_cycle(&id);
    }
    Ok(())
}

/// Downloads a piece of work as an export file. In its own part of the app, `transfer`, with
/// importing and the backup, so a page of saved work never waits for the code that moves files
/// in and out (the workers' messages, downloads of bytes).
#[wasm_split(transfer, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn export(state: AppState, id: WorkId) -> Result<(), NotDownloaded> {
    state.download_export(&id);
    Ok(())
}

/// The box that renames a piece of work ([`crate::pages::home::RenameForm`]), closed by
/// `renaming` once the name is saved. In the part `pages` ([`other_page`]).
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn rename_form(
    id: WorkId,
    new_name: RwSignal<String>,
    renaming: RwSignal<bool>,
) -> Result<AnyView, NotDownloaded> {
    Ok(
        view! { <crate::pages::home::RenameForm id=id new_name=new_name renaming=renaming /> }
            .into_any(),
    )
}

/// The question that asks before a piece of work is deleted, and deletes it
/// ([`crate::pages::home::DeleteQuestion`]). In the part `pages` ([`update_notice`]).
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn delete_question(
    id: WorkId,
    name: String,
    delete_id: String,
    confirming: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
) -> Result<AnyView, NotDownloaded> {
    Ok(view! {
        <crate::pages::home::DeleteQuestion id=id name=name delete_id=delete_id confirming=confirming problem=problem />
    }
    .into_any())
}

/// What a person can choose when a save was refused because another tab changed or deleted
/// the work (besides downloading a copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterOtherTab {
    /// Changed there: take the other tab's version.
    TakeTheirs,
    /// Changed there: keep this tab's as a separate piece of work.
    KeepMineAsCopy,
    /// Deleted there: save this tab's copy again, with its changes.
    KeepDeleted,
    /// Deleted there: let it go here too.
    LetGo,
}

/// Does what the person chose after another tab changed or deleted the work `id` (the save
/// line then says how a save went). In the part `pages` ([`update_notice`]): one entry for
/// all four, so the save line, which every page waits for, carries one.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn after_other_tab(
    state: AppState,
    id: WorkId,
    choice: AfterOtherTab,
) -> Result<Later<()>, NotDownloaded> {
    Ok(Box::pin(async move {
        match choice {
            AfterOtherTab::TakeTheirs => state.take_other_tabs_version(&id).await,
            AfterOtherTab::KeepMineAsCopy => state.keep_mine_as_copy(&id).await,
            AfterOtherTab::KeepDeleted => {
                let _ = state.keep_deleted_work(&id).await;
            }
            AfterOtherTab::LetGo => {
                state.let_deleted_work_go(&id);
                crate::edges::history::focus_heading();
            }
        }
    }))
}

/// Downloads every piece of work as one backup file. Resolves to what happened, in words.
/// In the part `transfer` ([`export`]).
#[wasm_split(transfer, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn export_everything(state: AppState) -> Result<String, NotDownloaded> {
    let lang = state.page_lang.get_untracked();
    Ok(match state.download_everything() {
        Ok(count) => mhsw::messages::problems::backup_downloaded(lang, count),
        Err(error) => mhsw::messages::problems::backup_failed(lang, &error.to_string()),
    })
}

/// Removes an entry kept aside (after the user confirmed). Resolves to whether it is gone.
/// In the part `pages` ([`update_notice`]).
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn delete_aside(key: String) -> Result<Later<bool>, NotDownloaded> {
    Ok(Box::pin(async move {
        crate::edges::database::delete_aside(&key).await.is_ok()
    }))
}

/// Writes what has changed in one piece of work to the store (`AppState::write`). In a part
/// of its own, `saving`, with the code only saving uses (the records written, the store's
/// writing, the light listing kept in step): a link to a section of saved work then shows its
/// first question without waiting for it, and the part is fetched as soon as the first page
/// is drawn ([`start`]), long before a change can be saved. A save asked for before it is in
/// waits for it; one that finds it cannot be downloaded says so ([`StoreError::NoSaver`]) and
/// keeps the change in the page, and [`AppState::flush`] tries again.
///
/// [`StoreError::NoSaver`]: crate::edges::storage::StoreError::NoSaver
#[wasm_split(saving, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn write(
    state: AppState,
    id: WorkId,
) -> Result<Later<Result<Option<String>, crate::edges::storage::StoreError>>, NotDownloaded> {
    Ok(Box::pin(async move { state.write(&id).await }))
}

/// Takes in another tab's change to a piece of work ([`AppState::other_tab_changed`]), in the
/// part `saving` with the store's other reading after the first page, so a section does not
/// wait for it. A change heard before that part is in is taken in once it comes; if it cannot
/// be downloaded, the change is not taken in here, and a save from this tab then finds the
/// other tab's newer version and says so.
#[wasm_split(saving, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn hear_other_tab(state: AppState, id: WorkId) -> Result<Later<()>, NotDownloaded> {
    Ok(Box::pin(async move { state.other_tab_changed(&id).await }))
}

/// Fetches the part `saving` ([`fn@write`]), so it is there before the first change is saved.
#[wasm_split(saving, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn saving_part() -> Result<(), NotDownloaded> {
    Ok(())
}

/// An audit section's score so far ([`pages::section_score::live_score`]), in a part of its
/// own, `score`, with the scoring it needs: a link to a section shows its first question
/// without waiting for scoring.
#[wasm_split(score, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn live_score(
    id: WorkId,
    definition: std::sync::Arc<mhsw::definition::Definition>,
    section: mhsw::ids::SectionId,
) -> Result<AnyView, NotDownloaded> {
    Ok(pages::section_score::live_score(id, definition, section))
}

/// The current position from the latest audit that a statement's section draws on
/// ([`pages::section_score::current_position`]), in the part `score` ([`live_score`]).
#[wasm_split(score, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn current_position(
    id: WorkId,
    section: mhsw::definition::Section,
) -> Result<AnyView, NotDownloaded> {
    Ok(pages::section_score::current_position(id, section))
}

/// Downloads the part `score` ([`live_score`]) without using it yet.
#[wasm_split(score, wasm_split_path = ::leptos::wasm_split, fallible)]
fn score_part() -> Result<(), NotDownloaded> {
    Ok(())
}

thread_local! {
    /// Whether the part `score` has been asked for in this page load (`Some`), and whether it
    /// came (`Some(true)`).
    static SCORE_PART: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Downloads the part `score` if it is not in yet, and says whether it is in now.
pub async fn fetch_score_part() -> bool {
    if SCORE_PART.get() == Some(true) {
        return true;
    }
    let came = score_part().await.is_ok();
    SCORE_PART.set(Some(came));
    came
}

/// Whether the part `score` has been asked for in this page load (`Some`), and whether it
/// came (`Some(true)`).
pub fn score_part_asked() -> Option<bool> {
    SCORE_PART.get()
}

/// Saves every change still waiting for its save. Resolves to whether all were stored.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn save_pending(state: AppState) -> Result<Later<bool>, NotDownloaded> {
    Ok(Box::pin(async move { state.flush_all().await }))
}

/// Writes everything this tab holds to the store again, after the store was removed elsewhere.
/// In the part `pages` ([`update_notice`]).
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn save_everything_again(state: AppState) -> Result<Later<Option<String>>, NotDownloaded> {
    Ok(Box::pin(async move {
        state
            .save_everything_again()
            .await
            .err()
            .map(|e| e.in_lang(state.page_lang.get_untracked()))
    }))
}

/// How an action the user started ended, in words for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// All of it was done; what happened.
    Done(String),
    /// Some or all of it was not done; what happened and why.
    NotDone(String),
}

impl Outcome {
    /// Done when `all_done`, else not done, with `words` either way.
    pub fn new(all_done: bool, words: String) -> Self {
        if all_done {
            Outcome::Done(words)
        } else {
            Outcome::NotDone(words)
        }
    }

    /// What happened, in words.
    pub fn words(&self) -> &str {
        match self {
            Outcome::Done(words) | Outcome::NotDone(words) => words,
        }
    }

    /// The notice a page shows for it: plain when all was done, a warning when not.
    pub fn notice(self) -> impl IntoView {
        let class = match self {
            Outcome::Done(_) => "notice",
            Outcome::NotDone(_) => "notice notice-warning",
        };
        let words = match self {
            Outcome::Done(words) | Outcome::NotDone(words) => words,
        };
        view! { <p class=class>{words}</p> }
    }
}

/// What the import part is asked for ([`import`]).
pub enum ImportAsk {
    /// Get ready while the person chooses a file (the file chooser has opened): download this
    /// part and warm the import worker up ([`pages::home::warm_import`]).
    GetReady,
    /// Import these exported files.
    Files(Vec<web_sys::File>),
}

/// Imports exported files: each is checked completely first, and nothing changes when
/// anything in it is wrong. Resolves to what happened to each file, done only when all were
/// imported; or gets the import ready, resolving to `None` ([`ImportAsk::GetReady`]). One way
/// into the part `transfer` ([`export`]) for both, as each way in costs the first module.
#[wasm_split(transfer, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn import(state: AppState, ask: ImportAsk) -> Result<Later<Option<Outcome>>, NotDownloaded> {
    Ok(Box::pin(async move {
        match ask {
            ImportAsk::GetReady => {
                pages::home::warm_import(state).await;
                None
            }
            ImportAsk::Files(files) => Some(pages::home::import_files(state, files).await),
        }
    }))
}
