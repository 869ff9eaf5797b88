//! The home page: the tools, the work saved on this device, import, and anything that needs the
//! user's attention (questionnaires that did not load, saved entries that could not be read).

use leptos::prelude::*;
use mhsw::definition::ToolKind;

use mhsw::ids::{DefinitionId, WorkId};
use mhsw::messages::frame as say;
use mhsw::messages::problems;
use mhsw::work::{self, Checked};

use crate::components::confirm::Confirm;
use crate::components::file_chooser::FileChooser;
use crate::components::layout::{Later, LaterPart};
use crate::edges::definitions::{Questionnaires, Source};
use crate::edges::storage::{Listed, StoreError};
use crate::edges::text_box::shows;
use crate::edges::{clock, collate, files, import_worker};
use crate::later::{self, Outcome};
use crate::route::Route;
use crate::state::{AppState, SavedWork};

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = AppState::expect();
    // The checked catalogue once the later part has started; until then, the light reading.
    let tools = move || state.questionnaires.with(Questionnaires::tools);
    let notice = move || {
        state
            .questionnaires
            .with(|c| c.checked().and_then(|c| c.notice.clone()))
    };
    let broken = move || {
        state
            .questionnaires
            .with(|c| c.checked().map(|c| c.broken.len()).unwrap_or(0))
    };
    let lang = state.page_lang;
    // Drawn again as a whole when the language changes: one reactive block, not one per
    // word, keeps the first module small.
    move || {
        let lang = lang.get();
        // A questionnaire's own words are in its own language: on a Welsh page, English
        // content says so with its `lang`, so a screen reader reads it in the right voice.
        let content_lang = (lang != mhsw::lang::Lang::En).then_some("en-GB");
        view! {
            <h1>{say::brand(lang)}</h1>
            <p class="lead">{say::home_lead(lang)}</p>
            {move || notice().map(|n| view! { <div class="notice"><p>{n}</p></div> })}
            {move || (broken() > 0).then(|| view! {
                <div class="notice notice-warning">
                    <p>
                        {say::files_not_loaded(lang, broken())}
                        <a href=Route::Questionnaires.href()>{say::see_what_is_wrong(lang)}</a>"."
                    </p>
                </div>
            })}
            {move || matches!(state.started.get(), Some(Err(_))).then(|| view! {
                <div class="notice notice-warning">
                    <p>{say::not_downloaded(lang)}"."</p>
                    <button type="button" on:click=move |_| state.start()>{say::try_again(lang)}</button>
                </div>
            })}
            <Later part=LaterPart::SetAside />
            <h2 id="your-work" tabindex="-1">{say::your_work(lang)}</h2>
            <SavedWorkList lang=lang />
            <ImportWork lang=lang />
            <h2>{say::start_something_new(lang)}</h2>
            {move || match tools() {
                None => view! { <p>{say::loading_questionnaires(lang)}</p> }.into_any(),
                Some(tools) => view! {
                    <ul class="tool-list">
                        {tools.into_iter().map(|tool| view! {
                            <li class="tool-card">
                                <h3 lang=content_lang>{tool.summary.title.clone()}</h3>
                                <p class="tool-kind">{say::kind(lang, tool.summary.kind)}" · "{say::nation(lang, tool.summary.nation)}
                                    {(tool.source == Source::Local).then(|| say::opened_from_computer(lang))}</p>
                                <p lang=content_lang>{tool.summary.purpose.clone()}</p>
                                <p><strong>{say::who_completes_it(lang)}</strong><span lang=content_lang>{tool.summary.audience.clone()}</span></p>
                                <a class="button" href=Route::New(tool.summary.id.clone()).href()>
                                    {mhsw::messages::start(lang)}<span class="visually-hidden" lang=content_lang>": "{tool.summary.title.clone()}</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        }
    }
}

/// One line of the saved-work list.
struct Row {
    id: WorkId,
    name: String,
    /// The tool's title and when it last changed, in words.
    updated: String,
    is_audit: bool,
    /// When it was last exported, and whether a reminder is due.
    export: Option<(String, bool)>,
}

/// The list of saved work with its actions.
#[component]
fn SavedWorkList(
    /// The page's language (the home page is drawn again when it changes).
    lang: mhsw::lang::Lang,
) -> impl IntoView {
    let state = AppState::expect();
    // What each row has open or under way, by work, kept here: the list is drawn again
    // whenever the saved work or the questionnaires change (as the app finishes starting, a
    // moment after a press), and a question, a box being typed in, or an action under way
    // must not vanish with the row's old drawing. Made under the list's owner, so they live
    // as long as the list.
    let owner = StoredValue::new(Owner::current());
    let open = StoredValue::new(Vec::<(WorkId, RowState)>::new());
    let row_state = move |id: &WorkId| {
        if let Some(found) = open.with_value(|open| {
            open.iter()
                .find(|(open_id, _)| open_id == id)
                .map(|(_, found)| *found)
        }) {
            return found;
        }
        let made = owner
            .with_value(|owner| owner.as_ref().map(|owner| owner.with(RowState::new)))
            .unwrap_or_else(RowState::new);
        open.update_value(|open| open.push((id.clone(), made)));
        made
    };
    // Whole pieces of work once the later part has read them; until then, the light listing.
    let rows = move || {
        let tool = |definition: &DefinitionId| -> (String, bool) {
            match state.questionnaires.with(|q| q.title_and_kind(definition)) {
                Some((title, kind)) => (title, kind == ToolKind::Audit),
                None => (
                    say::questionnaire_not_loaded(lang, definition.as_str()),
                    false,
                ),
            }
        };
        let today = clock::today();
        // When each piece of work was last exported, always; and, as a gentle reminder on the
        // work's own line, when changes have gone unexported for a while
        // (`mhsw::store::backup_due`): never a pop-up, never more than one line.
        let reminder = |held: &crate::state::Held| {
            let due = mhsw::store::backup_due(held.work.created, &held.meta, today);
            let text = match (held.meta.exported_on, held.meta.imported_on, due) {
                (Some(day), _, true) => say::changed_since_export(lang, day),
                (None, Some(day), true) => say::changed_since_import(lang, day),
                (None, None, true) => say::never_exported(lang).to_owned(),
                (Some(day), _, false) => say::last_exported(lang, day),
                (None, Some(day), false) => say::imported_from_file(lang, day),
                (None, None, false) => say::not_exported_yet(lang).to_owned(),
            };
            Some((text, due))
        };
        let listed: Vec<(Listed, Option<(String, bool)>)> = state.works.with(|works| match works {
            SavedWork::Listed(listed) => listed.iter().map(|l| (l.clone(), None)).collect(),
            SavedWork::Read(_) => works
                .signals()
                .map(|signal| {
                    signal.with(|held| {
                        (
                            Listed {
                                id: held.work.id.clone(),
                                name: held.work.name.clone(),
                                definition: held.work.definition.id.clone(),
                                updated: held.work.updated,
                            },
                            reminder(held),
                        )
                    })
                })
                .collect(),
        });
        let mut rows: Vec<Row> = listed
            .into_iter()
            .map(|(w, export)| {
                let (tool, is_audit) = tool(&w.definition);
                Row {
                    id: w.id,
                    name: w.name,
                    updated: say::last_changed(lang, &tool, w.updated),
                    is_audit,
                    export,
                }
            })
            .collect();
        rows.sort_by(|a, b| collate::compare(&a.name, &b.name));
        rows
    };
    view! {
        <Show when=move || !rows().is_empty() fallback=move || view! {
            <p>{say::nothing_saved(lang)}</p>
        }>
            <ul class="work-list">
                {move || rows().into_iter().map(|row| {
                    let open = row_state(&row.id);
                    view! {
                        <WorkRow id=row.id name=row.name updated=row.updated is_audit=row.is_audit reminder=row.export lang=lang open=open />
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// What one row of the list has open or under way ([`SavedWorkList`] keeps it).
#[derive(Clone, Copy)]
struct RowState {
    /// The rename box is open, with what is typed in it.
    renaming: RwSignal<bool>,
    new_name: RwSignal<String>,
    /// The delete question is open.
    confirming: RwSignal<bool>,
    /// Duplicating or exporting, one at a time: a second press while one is under way (a
    /// double click, or an impatient press while its part downloads) is ignored. Why the last
    /// could not be done (its part could not be downloaded) is in its `problem`.
    action: later::Action,
}

impl RowState {
    fn new() -> Self {
        RowState {
            renaming: RwSignal::new(false),
            new_name: RwSignal::new(String::new()),
            confirming: RwSignal::new(false),
            action: later::Action::new(),
        }
    }
}

/// One saved piece of work with open, duplicate, rename, export and delete.
#[component]
fn WorkRow(
    /// The work's id.
    id: WorkId,
    /// Its name.
    name: String,
    /// The tool's title and when it last changed, in words.
    updated: String,
    /// Whether it can be duplicated as a re-audit.
    is_audit: bool,
    /// When it was last exported, and whether a reminder to export it is due.
    reminder: Option<(String, bool)>,
    /// The page's language (the list is drawn again when it changes).
    lang: mhsw::lang::Lang,
    /// What it has open or under way.
    open: RowState,
) -> impl IntoView {
    let state = AppState::expect();
    let RowState {
        renaming,
        new_name,
        confirming,
        action,
    } = open;
    let problem = action.problem;
    let (id_dup, id_export, id_delete, id_rename) =
        (id.clone(), id.clone(), id.clone(), id.clone());
    let name_for_rename = name.clone();
    let delete_id = format!("delete-button-{id}");
    // The second press of a double click never makes a second copy or a second file.
    let duplicate = move |ev: leptos::ev::MouseEvent| {
        if super::second_of_a_double_click(&ev) {
            return;
        }
        let id = id_dup.clone();
        action.run(state, move || later::duplicate(state, id));
    };
    let export = move |ev: leptos::ev::MouseEvent| {
        if super::second_of_a_double_click(&ev) {
            return;
        }
        let id = id_export.clone();
        action.run(state, move || later::export(state, id));
    };
    view! {
        <li class="work-row">
            <div class="work-summary">
                <a class="work-name" href=Route::Work(id.clone()).href()>{name.clone()}</a>
                <span class="work-meta">{updated}</span>
                {reminder.map(|(text, due)| view! { <span class=if due { "work-reminder" } else { "work-meta" }>{text}</span> })}
            </div>
            <div class="button-row">
                <a class="button secondary" href=Route::Work(id.clone()).href()>{say::open(lang)}<span class="visually-hidden">" "{name.clone()}</span></a>
                {is_audit.then(|| view! { <button type="button" class="secondary" on:click=duplicate>{say::duplicate_as_reaudit(lang)}<span class="visually-hidden">{say::of(lang)}{name.clone()}</span></button> })}
                <button type="button" class="secondary" id=format!("rename-button-{id}") aria-expanded=move || renaming.get().to_string() on:click=move |_| {
                    // Opened with the name as it is now; one of the two boxes open at a time.
                    if !renaming.get_untracked() {
                        new_name.set(name_for_rename.clone());
                        confirming.set(false);
                    }
                    renaming.update(|r| *r = !*r);
                }>{say::rename(lang)}<span class="visually-hidden">" "{name.clone()}</span></button>
                <button type="button" class="secondary" on:click=export>{say::export(lang)}<span class="visually-hidden">" "{name.clone()}</span></button>
                <button type="button" class="warning" id=delete_id.clone() on:click=move |_| {
                    renaming.set(false);
                    confirming.set(true);
                }>{say::delete(lang)}<span class="visually-hidden">" "{name.clone()}</span></button>
            </div>
            {action.waiting()}
            <Show when=move || renaming.get()>
                {
                    // The form, with its count, is in the later part: it is drawn only on "Rename".
                    let id = id_rename.clone();
                    let made = Suspend::new(async move {
                        match later::rename_form(id, new_name, renaming).await {
                            Ok(form) => form,
                            Err(why) => view! { <p class="notice notice-warning" role="alert">{why.in_lang(lang)}"."</p> }.into_any(),
                        }
                    });
                    // Its part can take a moment on a slow first visit: say so meanwhile.
                    view! { <Suspense fallback=move || view! { <p role="status">{say::please_wait(lang)}</p> }>{made}</Suspense> }
                }
            </Show>
            <Show when=move || confirming.get()>
                {
                    // The question is in the part `pages`, as the rename box is: drawn only on
                    // "Delete".
                    let (id, name, delete_id) = (id_delete.clone(), name.clone(), delete_id.clone());
                    let made = Suspend::new(async move {
                        match later::delete_question(id, name, delete_id, confirming, problem).await {
                            Ok(question) => question,
                            Err(why) => view! { <p class="notice notice-warning" role="alert">{why.in_lang(lang)}"."</p> }.into_any(),
                        }
                    });
                    // Its part can take a moment on a slow first visit: say so meanwhile.
                    view! { <Suspense fallback=move || view! { <p role="status">{say::please_wait(lang)}</p> }>{made}</Suspense> }
                }
            </Show>
        </li>
    }
}

/// The question "Delete … from this device?" under a piece of work's buttons, drawn by the
/// part `pages` ([`later::delete_question`]). Focus goes to its safe answer, "No, keep it", so Enter
/// pressed twice or held keeps the work; that answer or Escape closes it and puts focus back on
/// "Delete" (`delete_id`); "Yes, delete it" deletes, or says in `problem` why it could not.
#[component]
pub fn DeleteQuestion(
    /// The work's id.
    id: WorkId,
    /// The work's name.
    name: String,
    /// The id of the "Delete" button that asked.
    delete_id: String,
    /// Whether the question is open.
    confirming: RwSignal<bool>,
    /// Why the work could not be deleted, for the row to show.
    problem: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang.get_untracked();
    let keep_id = format!("keep-button-{id}");
    let keep = Callback::new(move |()| {
        confirming.set(false);
        crate::edges::history::focus_id_when_drawn(&delete_id);
    });
    let delete = Callback::new(move |()| {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match state.delete_work(&id).await {
                // The row goes: focus the list's heading, not the page.
                Ok(()) => crate::edges::history::focus_id("your-work"),
                // Still on the device, whatever the browser's reason: say so, and keep it listed.
                Err(_) => {
                    problem.set(Some(say::could_not_delete(lang).to_owned()));
                    confirming.set(false);
                }
            }
        });
    });
    view! {
        <Confirm keep_id=keep_id label=say::confirm_delete
            question=say::delete_question(lang, &name) yes=say::yes_delete
            on_yes=delete on_keep=keep />
    }
}

/// The box that renames one piece of work, with its count; closes once the name is saved. A
/// name that is empty or over its limit is refused with a message beside the box.
#[component]
pub fn RenameForm(
    /// The work's id.
    id: WorkId,
    /// What is typed in the box (kept by the row, which sets it to the name as it opens).
    new_name: RwSignal<String>,
    /// Whether the box is open.
    renaming: RwSignal<bool>,
) -> impl IntoView {
    use mhsw::limits::{fits, NAME_MAX_CHARS};

    use crate::components::character_count::CharacterCount;

    let state = AppState::expect();
    let lang = state.page_lang.get_untracked();
    let input_id = format!("rename-{id}");
    let count_id = format!("{input_id}-count");
    let error_id = format!("{input_id}-error");
    let error = RwSignal::new(None::<String>);
    let rename_button = format!("rename-button-{id}");
    // Opened, the box has focus, with the caret after the name; Escape closes it unsaved, as
    // it does the delete question, and focus goes back to "Rename".
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            // Once it is in the page: the box is made before its part's Suspense puts it there.
            request_animation_frame(move || {
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.focus();
                let _ = input.set_selection_range(end, end);
            });
        }
    });
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            renaming.set(false);
            crate::edges::history::focus_id_when_drawn(&rename_button);
        }
    };
    let save = {
        let input_id = input_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let name = new_name.get_untracked().trim().to_owned();
            if name.is_empty() {
                error.set(Some(problems::enter_a_name(lang).to_owned()));
            } else if !fits(&name, NAME_MAX_CHARS) {
                error.set(Some(problems::shorten_name(lang, NAME_MAX_CHARS)));
            } else {
                state.change(&id, |w| w.name = name);
                renaming.set(false);
                // The list is drawn again with the new name: focus goes back to its Rename.
                crate::edges::history::focus_id_when_drawn(&format!("rename-button-{id}"));
                return;
            }
            crate::edges::history::focus_id(&input_id);
        }
    };
    let described_by = {
        let (count_id, error_id) = (count_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{error_id} {count_id}"),
            None => count_id.clone(),
        }
    };
    view! {
        <form class="inline-form" class:has-error=move || error.with(Option::is_some) on:submit=save on:keydown=close_on_escape novalidate>
            <label for=input_id.clone()>{problems::new_name(lang)}</label>
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <input id=input_id node_ref=input type="text" class="text-input" aria-describedby=described_by
                use:shows=Callback::new(move |_| new_name.get()) on:input=move |ev| new_name.set(event_target_value(&ev)) />
            <button type="submit">{problems::save_name(lang)}</button>
            <CharacterCount id=count_id text=new_name limit=NAME_MAX_CHARS />
        </form>
    }
}

/// Importing an exported file: checked completely first; nothing changes when anything is wrong.
#[component]
fn ImportWork(
    /// The page's language (the home page is drawn again when it changes).
    lang: mhsw::lang::Lang,
) -> impl IntoView {
    let state = AppState::expect();
    // Held by the state, so a large import left running (Back, then Forward) still says how it
    // ended; an outcome already shown goes with the page, said once.
    let message = state.import_notice;
    let importing = say::importing(lang);
    on_cleanup(move || {
        if message.with_untracked(|m| !matches!(m, Some(Outcome::Done(t)) if t == importing)) {
            message.set(None);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen = files::chosen_files(&input);
        input.set_value("");
        if chosen.is_empty() {
            return;
        }
        // A large file takes seconds, and silence looked like nothing had happened (a lead
        // chose the file again). Said as the import's own notice, which its outcome replaces.
        message.set(Some(Outcome::Done(importing.to_owned())));
        leptos::task::spawn_local(async move {
            let outcome = match state.ready().await {
                Ok(()) => later::import(state, later::ImportAsk::Files(chosen)).await,
                Err(problem) => Err(problem),
            };
            let outcome = match outcome {
                Ok(importing) => importing.await,
                Err(problem) => Some(Outcome::NotDone(say::nothing_imported(
                    lang,
                    &problem.to_string(),
                ))),
            };
            // Files asked for always come back with what happened to them.
            if let Some(outcome) = outcome {
                message.set(Some(outcome));
            }
        });
    };
    // The file chooser opening (its button pressed, by mouse or keyboard): the import is got
    // ready while the person chooses, once per page.
    let warmed = StoredValue::new(false);
    let on_open = move |()| {
        if warmed.get_value() {
            return;
        }
        warmed.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(warming) = later::import(state, later::ImportAsk::GetReady).await {
                warming.await;
            }
        });
    };
    view! {
        <div class="import">
            <FileChooser id="import-file" label=move || say::import_from_file(lang) hint="import-hint"
                choose=move || say::choose_files(lang) multiple=true on_open=Callback::new(on_open) on_change=on_change>
                {say::import_hint(lang, work::MAX_IMPORT_BYTES / (1024 * 1024))}
            </FileChooser>
            <div role="status" aria-live="polite">
                {move || message.get().map(Outcome::notice)}
            </div>
        </div>
    }
}

/// Gets the import worker ready for a file: started, and its checks compiled for speed by the
/// browser ([`import_worker::warm_up`]), with the questionnaires the import will check against.
pub async fn warm_import(state: AppState) {
    // The questionnaires the import checks against are the checked ones.
    if state.ready().await.is_ok() {
        import_worker::warm_up(&worker_definitions(&state)).await;
    }
}

/// Every questionnaire the page holds, as the JSON array the import worker checks against.
fn worker_definitions(state: &AppState) -> String {
    state
        .questionnaires
        .with_untracked(|c| c.checked().map(|c| c.to_json()))
        .unwrap_or_else(|| "[]".to_owned())
}

/// Imports the chosen files one by one: each is read and checked completely first (in the
/// import worker, off the page's thread), and nothing changes when anything in it is wrong.
/// Returns whether all were imported and stored, and what happened to each, counting only
/// what was stored. Runs in the later part of the app ([`crate::later::import`]).
pub async fn import_files(state: AppState, chosen: Vec<web_sys::File>) -> Outcome {
    // One import at a time: a file chosen again while it is still being imported would
    // otherwise be placed as new beside the first (neither is held yet), and the second store
    // would be refused as if another tab had changed the work.
    let _turn = ImportTurn::wait().await;
    let definitions = worker_definitions(&state);
    let mut outcomes = Vec::new();
    let mut all_ok = true;
    let lang = state.page_lang.get_untracked();
    for file in chosen {
        let name = file.name();
        let result = if file.size() > work::MAX_IMPORT_BYTES as f64 {
            Err(work::ImportError::TooLarge {
                size: file.size() as usize,
                limit: work::MAX_IMPORT_BYTES,
            }
            .in_lang(lang))
        } else {
            match read_file(&state, &file, &definitions).await {
                Ok(read) => {
                    // Timed for `make bench`: placing and storing, until the store has committed.
                    let timed = crate::edges::timing::start("mhsw:import-place-and-store");
                    let placed = place_all(&state, read).await;
                    timed.end();
                    Ok(placed)
                }
                Err(why) => Err(why),
            }
        };
        match result {
            Ok(placed) => {
                all_ok &= matches!(placed, Outcome::Done(_));
                outcomes.push(format!("{name}: {}", placed.words()));
            }
            Err(why) => {
                all_ok = false;
                outcomes.push(problems::file_not_imported(lang, &name, &why));
            }
        }
    }
    Outcome::new(all_ok, outcomes.join(" "))
}

std::thread_local! {
    /// `None` while no import runs; while one does, the imports waiting for their turn.
    static IMPORT_QUEUE: std::cell::RefCell<Option<Vec<futures::channel::oneshot::Sender<()>>>> =
        const { std::cell::RefCell::new(None) };
}

/// This tab's one turn to import; the next import waiting is let go when it ends (also when
/// the import is dropped part way).
struct ImportTurn;

impl ImportTurn {
    async fn wait() -> Self {
        let waiting = IMPORT_QUEUE.with(|queue| match queue.borrow_mut().as_mut() {
            None => None,
            Some(waiters) => {
                let (sender, receiver) = futures::channel::oneshot::channel();
                waiters.push(sender);
                Some(receiver)
            }
        });
        match waiting {
            // The turn is handed over by the import before, queue and all.
            Some(receiver) => {
                let _ = receiver.await;
            }
            None => IMPORT_QUEUE.with(|queue| *queue.borrow_mut() = Some(Vec::new())),
        }
        ImportTurn
    }
}

impl Drop for ImportTurn {
    fn drop(&mut self) {
        IMPORT_QUEUE.with(|queue| {
            let mut queue = queue.borrow_mut();
            loop {
                match queue.as_mut().filter(|waiters| !waiters.is_empty()) {
                    // A waiter that has gone (its import was dropped) is passed over.
                    Some(waiters) => {
                        if waiters.remove(0).send(()).is_ok() {
                            return;
                        }
                    }
                    None => {
                        *queue = None;
                        return;
                    }
                }
            }
        });
    }
}

/// Reads and checks a file in the import worker; where a worker cannot run, on the page's own
/// thread (the same checks, [`work::check_import`], only slower for a large file).
async fn read_file(
    state: &AppState,
    file: &web_sys::File,
    definitions: &str,
) -> Result<Vec<import_worker::Read>, String> {
    let lang = state.page_lang.get_untracked();
    // New work is stored by the worker itself (one transaction, all of it or none), so the
    // page's thread only reads the responses back; without a work store the page keeps it.
    let store = crate::edges::database::is_open().then(|| import_worker::StoreAsk {
        here: state.works.with_untracked(SavedWork::ids),
        today: clock::today(),
        time: clock::time_of_day(),
    });
    match import_worker::read(file, definitions, lang, store.as_ref()).await {
        Ok(read) => Ok(read),
        Err(import_worker::ReadError::Refused(why)) => Err(why),
        Err(import_worker::ReadError::Unavailable(_)) => {
            let text = files::read_text(file).await.map_err(|e| e.in_lang(lang))?;
            let checked = state.questionnaires.with_untracked(|c| {
                work::check_import(&text, |id| c.checked().and_then(|c| c.get(id)))
            });
            Ok(checked
                .map_err(|refused| refused.in_lang(lang))?
                .into_iter()
                .map(|checked| import_worker::Read {
                    checked,
                    records: Default::default(),
                    unread: None,
                    storing: None,
                })
                .collect())
        }
    }
}

/// Places each checked piece of work ([`work::place`]) and waits for the store. Returns
/// whether all of it was stored, and what happened.
async fn place_all(state: &AppState, read: Vec<import_worker::Read>) -> Outcome {
    let mut all_stored = true;
    let mut lines = Vec::new();
    let lang = state.page_lang.get_untracked();
    for one in read {
        let (kept_aside, carried) = (one.checked.kept_aside, one.checked.carried);
        let placed = place_one(state, one).await;
        all_stored &= matches!(placed, Outcome::Done(_));
        let line = placed.words();
        let carried = problems::answers_carried(lang, carried);
        let kept_aside = problems::answers_kept_aside(lang, kept_aside);
        lines.push(format!("{line}{carried}{kept_aside}"));
    }
    Outcome::new(all_stored, lines.join(" "))
}

/// Adds one checked piece of work where [`work::place`] says, and waits for the store.
///
/// New work (or a copy) is stored as soon as it is placed: its responses' records go to the
/// store as the worker wrote them while the page reads the responses back from them for its
/// own memory, and the outcome is known once both are done. Work placed beside work already
/// here has its responses read first, since placing it compares them.
async fn place_one(state: &AppState, mut read: import_worker::Read) -> Outcome {
    let lang = state.page_lang.get_untracked();
    let not_stored = |error: StoreError| problems::read_not_stored(lang, &error.in_lang(lang));
    let existing = state.work(&read.checked.work.id);
    if existing.is_none() {
        if let Some(storing) = read.storing.take() {
            return place_stored(state, read, storing).await;
        }
    }
    if existing.is_some() {
        if let Err(error) = read.read_all().await {
            return Outcome::NotDone(problems::work_not_imported(lang, &read_error_words(error)));
        }
    }
    let import_worker::Read {
        checked: Checked {
            work: mut incoming, ..
        },
        mut records,
        unread,
        ..
    } = read;
    let placement = existing
        .map(|signal| signal.with_untracked(|h| work::place(Some(&h.work), &incoming)))
        .unwrap_or(work::Placement::New);
    // Named as this device has them: a file's own name may have changed on another device
    // (found by a tester on 7 December 2026: the message named a collection not here).
    let here_as = existing
        .map(|signal| signal.with_untracked(|h| h.work.name.clone()))
        .unwrap_or_else(|| incoming.name.clone());
    match (placement, existing) {
        (work::Placement::AlreadyHere, _) => Outcome::Done(problems::already_here(lang, &here_as)),
        (work::Placement::Merge, Some(signal)) => {
            let mut outcome = work::MergeOutcome::default();
            signal.update(|held| {
                outcome = work::merge_collection(&mut held.work, &incoming);
                if let Some(collection) = held.work.collection.as_ref() {
                    let new = &collection.responses[collection.responses.len() - outcome.added..];
                    for response in new {
                        held.unsaved.insert(response.id.clone());
                        if let Some(record) = records.remove(&response.id) {
                            held.records.insert(response.id.clone(), record);
                        }
                    }
                }
                if outcome.added > 0 {
                    held.dirty = true;
                    held.work.updated = clock::today();
                }
            });
            match state.flush(&incoming.id).await {
                Ok(()) => Outcome::Done(outcome.said_in(lang, &here_as)),
                Err(error) => Outcome::NotDone(not_stored(error)),
            }
        }
        (placement, _) => {
            let why = match placement {
                work::Placement::Copy(work::CopyReason::OtherQuestionnaire) => {
                    problems::kept_apart(lang, problems::Apart::OtherQuestionnaire)
                }
                work::Placement::Copy(work::CopyReason::NotACollection) => {
                    problems::kept_apart(lang, problems::Apart::NotACollection)
                }
                work::Placement::Copy(work::CopyReason::Different) => {
                    problems::kept_apart(lang, problems::Apart::Different)
                }
                _ => "",
            };
            if placement != work::Placement::New {
                incoming.id = WorkId::new(clock::random_id());
                incoming.name = problems::imported_copy(lang, &incoming.name);
            }
            let id = incoming.id.clone();
            let name = incoming.name.clone();
            let responses = incoming
                .collection
                .as_ref()
                .map(|c| c.responses.len() + unread.as_ref().map_or(0, |u| u.len()));
            // The save starts now, writing the records; the responses are read meanwhile.
            state.add_imported(incoming, records);
            let read = match unread {
                Some(unread) => unread.read().await.map(Some),
                None => Ok(None),
            };
            let read = match read {
                Ok(Some(responses)) => state.add_read_responses(&id, responses),
                Ok(None) => true,
                Err(_) => false,
            };
            let stored = state.flush(&id).await;
            if !read {
                // Never reached with the worker's own answer; all or nothing even so.
                let _ = state.delete_work(&id).await;
                return Outcome::NotDone(problems::work_not_imported(
                    lang,
                    problems::import_answer_unread(lang),
                ));
            }
            match stored {
                Ok(()) => Outcome::Done(problems::imported_as(lang, &name, responses, why)),
                Err(error) => Outcome::NotDone(not_stored(error)),
            }
        }
    }
}

/// New work the import worker is storing itself: the page reads its responses back while the
/// worker writes them, and holds the work as saved once the worker's transaction has committed.
/// If it did not (nothing of it was kept), the page stores the work as it stores any other, and
/// says what that did.
async fn place_stored(
    state: &AppState,
    read: import_worker::Read,
    storing: import_worker::Storing,
) -> Outcome {
    let import_worker::Read {
        checked: Checked {
            work: mut incoming, ..
        },
        unread,
        ..
    } = read;
    let responses = async {
        match unread {
            Some(unread) => unread.read().await.map(Some),
            None => Ok(None),
        }
    };
    let (responses, committed) =
        futures::future::join(responses, import_worker::committed(storing.job)).await;
    let (name, id) = (incoming.name.clone(), incoming.id.clone());
    let lang = state.page_lang.get_untracked();
    let Ok(responses) = responses else {
        // Never reached with the worker's own answer; all or nothing even so.
        if committed.is_ok() {
            let _ = crate::edges::database::delete_work(&id).await;
        }
        return Outcome::NotDone(problems::import_answer_unreadable(lang).to_owned());
    };
    if let (Some(collection), Some(responses)) = (incoming.collection.as_mut(), responses) {
        collection.responses = responses;
    }
    let count = incoming.collection.as_ref().map(|c| c.responses.len());
    if committed.is_ok() {
        // Not waited for: the blocks are read where they are until the split commits, and a
        // split that fails or is cut short is finished on the next start.
        let job = storing.job;
        leptos::task::spawn_local(async move {
            let _ = import_worker::split(job).await;
        });
        state.add_stored(incoming, storing.meta);
        return Outcome::Done(problems::imported_as(lang, &name, count, ""));
    }
    // Not stored by the worker. Another tab may have stored the same work meanwhile (the same
    // file imported there at once): then it is placed beside that, as work already here is,
    // not saved over it as new (which the store refuses as a change made in another tab).
    if let Ok(Some(stored)) = crate::edges::database::load_one(&id).await {
        state.add_stored(stored.work, stored.meta);
        let read = import_worker::Read {
            checked: Checked {
                work: incoming,
                kept_aside: 0,
                carried: 0,
            },
            records: Default::default(),
            unread: None,
            storing: None,
        };
        return Box::pin(place_one(state, read)).await;
    }
    // Stored from the page, which says why if that fails too.
    state.add_imported(incoming, Default::default());
    match state.flush(&id).await {
        Ok(()) => Outcome::Done(problems::imported_as(lang, &name, count, "")),
        Err(error) => Outcome::NotDone(problems::read_not_stored(lang, &error.in_lang(lang))),
    }
}

fn read_error_words(error: import_worker::ReadError) -> String {
    match error {
        import_worker::ReadError::Unavailable(why) | import_worker::ReadError::Refused(why) => why,
    }
}

/// Saved entries that could not be read: kept aside, with a download and a way to remove them.
#[component]
pub fn SetAsideEntries() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang;
    // Which entry's "Remove it from this device?" is open, and which one the store would not
    // remove: kept by the list, by the entry's key, so a redraw of the list keeps them.
    let asking: RwSignal<Option<String>> = RwSignal::new(None);
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    view! {
        <Show when=move || !state.set_aside.with(Vec::is_empty)>
            <div class="notice notice-warning">
                <h2 id=ASIDE_HEADING_ID tabindex="-1">{move || problems::unreadable_heading(lang.get())}</h2>
                <p>{move || problems::unreadable_explained(lang.get())}</p>
                <ul>
                    {move || state.set_aside.get().into_iter().map(|entry| {
                            let text = entry.text.clone();
                            let file = format!("{}.json", files::safe_file_stem(&entry.original_key));
                            view! {
                                <li>
                                    {match entry.why() {
                                        // Where it was and why, in the page's language.
                                        Some(why) => view! { <p>{move || format!("{}: {}", why.from.in_lang(lang.get()), why.reason.in_lang(lang.get()))}</p> }.into_any(),
                                        // An entry an earlier release kept aside: its key and reason are that release's English.
                                        None => view! { <p><span lang=move || (lang.get() != mhsw::lang::Lang::En).then_some("en-GB")>{entry.original_key.clone()}": "{entry.reason.clone()}</span></p> }.into_any(),
                                    }}
                                    <div class="button-row">
                                        <button type="button" on:click=move |_| { let _ = files::download_text(&file, "application/json", &text); }>{move || problems::download_entry(lang.get())}</button>
                                        <RemoveAside key=entry.key asking refused />
                                    </div>
                                </li>
                            }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The id of the kept-aside notice's heading, where focus goes when an entry is removed.
const ASIDE_HEADING_ID: &str = "kept-aside";

/// An entry's key as hexadecimal: a part of an element's id that is safe in a CSS selector,
/// whatever the key holds.
fn key_stem(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

/// "Remove it from this device" for one entry kept aside, and the question it asks first: the
/// entry cannot be brought back. Focus goes to the safe answer, "No, keep it", so Enter pressed
/// twice or held keeps the entry; that answer or Escape puts focus back on the button.
#[component]
fn RemoveAside(
    /// The entry's key in the store.
    key: String,
    /// Which entry's question is open (kept by the list).
    asking: RwSignal<Option<String>>,
    /// Which entry the store would not remove (kept by the list).
    refused: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let stem = key_stem(&key);
    let (remove_id, keep_id) = (format!("aside-remove-{stem}"), format!("aside-keep-{stem}"));
    let open = {
        let key = key.clone();
        move || asking.with(|a| a.as_deref() == Some(key.as_str()))
    };
    let not_removed = {
        let key = key.clone();
        move || refused.with(|r| r.as_deref() == Some(key.as_str()))
    };
    let ask = {
        let key = key.clone();
        move |_| {
            refused.set(None);
            asking.set(Some(key.clone()));
        }
    };
    let keep = {
        let remove_id = remove_id.clone();
        Callback::new(move |()| {
            asking.set(None);
            crate::edges::history::focus_id_when_drawn(&remove_id);
        })
    };
    let remove = {
        let (key, remove_id) = (key.clone(), remove_id.clone());
        Callback::new(move |()| {
            let (key, remove_id) = (key.clone(), remove_id.clone());
            leptos::task::spawn_local(async move {
                let removed = match later::delete_aside(key.clone()).await {
                    Ok(removing) => removing.await,
                    Err(_) => false,
                };
                asking.set(None);
                if removed {
                    // Off the list only once it is gone from the device; focus goes to the
                    // notice's heading, or to the work list's when it was the last entry.
                    state
                        .set_aside
                        .update(|entries| entries.retain(|e| e.key != key));
                    let last = state.set_aside.with_untracked(Vec::is_empty);
                    crate::edges::history::focus_id_when_drawn(if last {
                        "your-work"
                    } else {
                        ASIDE_HEADING_ID
                    });
                } else {
                    crate::edges::history::focus_id_when_drawn(&remove_id);
                    refused.set(Some(key));
                }
            });
        })
    };
    view! {
        <Show when=open.clone() fallback=move || view! {
            <button type="button" class="warning" id=remove_id.clone() on:click=ask.clone()>{move || problems::remove_entry(lang.get())}</button>
        }>
            <Confirm keep_id=keep_id.clone() label=problems::confirm_remove_entry
                question=Signal::derive(move || problems::remove_entry_question(lang.get()).to_owned())
                yes=mhsw::messages::reports::yes_remove on_yes=remove on_keep=keep />
        </Show>
        {move || not_removed().then(|| view! { <p class="notice notice-warning" role="alert">{move || problems::entry_not_removed(lang.get())}</p> })}
    }
}
