//! The "Saved on this device at 14:32" line, what to do when saving failed, and the one notice
//! shown when the browser keeps nothing (storage blocked or removed elsewhere).

use leptos::prelude::*;

use mhsw::case::upper_first as sentence_case;
use mhsw::messages::frame as say;
use mhsw::messages::problems;

use mhsw::ids::WorkId;

use crate::edges::history;
use crate::edges::storage::StoreError;
use crate::later::{self, AfterOtherTab};
use crate::state::{AppState, SaveState};
use mhsw::lang::Lang;

/// The name of the work a failed save was of, when the page is about other work (the notice's
/// "this work" would otherwise mean the wrong one).
fn about_other_work(state: AppState, work: &WorkId) -> Option<String> {
    if state.route.with(|route| route.work() == Some(work)) {
        return None;
    }
    state
        .work(work)
        .map(|signal| signal.with(|h| h.work.name.clone()))
}

/// Shows the outcome of the latest save, politely announced to screen readers.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let state = AppState::expect();
    // The notice's buttons: one at a time (a double click never keeps two copies).
    let action = later::Action::new();
    let problem = action.problem;
    let lang = state.page_lang;
    let backup = RwSignal::new(None::<String>);
    let export_everything = move |_| {
        action.run(state, move || async move {
            backup.set(Some(later::export_everything(state).await?));
            Ok(())
        });
    };
    let save_again = move |_| {
        action.run(state, move || async move {
            if let Some(why) = later::save_everything_again(state).await?.await {
                problem.set(Some(problems::not_saved_again(lang.get_untracked(), &why)));
            }
            Ok(())
        });
    };
    // One notice for a store that keeps nothing; per-save messages would only repeat it.
    let store_notice = move || {
        state.storage_problem.get().map(|error| {
            let lang = lang.get();
            if error == StoreError::NotRead {
                // Nothing was read, so nothing is at risk: the page says so, and how to go on.
                return view! {
                    <div class="notice notice-warning" role="alert">
                        <p>{format!("{}.", sentence_case(&error.in_lang(lang)))}</p>
                    </div>
                }
                .into_any();
            }
            let removed = error == StoreError::Removed;
            // Plain words first; the browser's own reason, for whoever supports the device,
            // behind "Technical detail".
            let (said, detail) = match &error {
                StoreError::Blocked(reason) => (
                    problems::blocked_explained(lang).to_owned(),
                    Some(reason.clone()),
                ),
                other => (format!("{}.", sentence_case(&other.in_lang(lang))), None),
            };
            view! {
                <div class="notice notice-warning" role="alert">
                    <p><strong>{problems::nothing_being_saved(lang)}</strong>{said}</p>
                    {(!removed).then(|| view! { <p>{problems::kept_until_closed(lang)}</p> })}
                    {removed.then(|| view! { <p>{problems::tab_still_holds(lang)}</p> })}
                    // The browser's own reason is in its own words (English, in the browsers the
                    // toolkit is tested in).
                    {detail.map(|detail| view! { <details><summary>{problems::technical_detail(lang)}</summary><p lang=(lang != mhsw::lang::Lang::En).then_some("en-GB")>{detail}</p></details> })}
                    <div class="button-row">
                        {removed.then(|| view! { <button type="button" on:click=save_again>{problems::save_tab_again(lang)}</button> })}
                        <button type="button" class="secondary" on:click=export_everything>{problems::download_everything(lang)}</button>
                    </div>
                    {move || backup.get().map(|text| view! { <p>{text}"."</p> })}
                    {action.waiting()}
                </div>
            }
            .into_any()
        })
    };
    // "Saving…" and "Saved on this device at 14:32" are one line whose words change in place,
    // and only when they differ. Each key press asks for a save: a "Saving…" drawn anew at each
    // one was read out again and again. And replacing the line's nodes while a person types
    // ends the browser's undo step (Chromium's, measured): the first key after a finished save
    // brought "Saving…" back as a new line, so Ctrl+Z then took back every letter of a word but
    // the first. Changing a text node's words, or hiding the line, leaves the undo step whole,
    // and screen readers still hear the change.
    let line = Memo::new(move |_| match state.save.get() {
        SaveState::Pending => Some(say::saving(lang.get()).to_owned()),
        SaveState::Saved(time) => Some(say::saved_at(lang.get(), &time)),
        SaveState::Idle | SaveState::Failed { .. } => None,
    });
    let failed = Memo::new(move |_| match state.save.get() {
        SaveState::Failed { error, work } => Some((error, work)),
        _ => None,
    });
    // A failed save's reason stays in view while the person works on, short enough never to
    // need scrolling itself; what can be done about it (a download, and for a conflict which
    // version to keep) follows it in the page, out of the way but never cut off, and the
    // reason's link leads there.
    let headline = move || {
        failed.get().and_then(|(error, work)| {
            shown_alone(state, &error).then(|| {
                view! {
                    <p class="notice notice-warning"><strong>{move || say::not_saved(lang.get())}</strong>{move || {
                        let lang = lang.get();
                        let mut said = format!("{}.", error.in_lang(lang));
                        if let Some(name) = about_other_work(state, &work) {
                            said.push(' ');
                            said.push_str(&say::about_work(lang, &name));
                        }
                        said.push(' ');
                        said
                    }}<a href="#save-choices" on:click=move |ev| {
                        ev.prevent_default();
                        history::focus_id(CHOICES_ID);
                    }>{move || say::what_you_can_do(lang.get())}</a></p>
                }
            })
        })
    };
    let choices = move || {
        failed.get().and_then(|(error, work)| {
            shown_alone(state, &error).then(|| {
                let others: &[AfterOtherTab] = match error {
                    StoreError::Conflict => &[AfterOtherTab::TakeTheirs, AfterOtherTab::KeepMineAsCopy],
                    StoreError::DeletedElsewhere => &[AfterOtherTab::KeepDeleted, AfterOtherTab::LetGo],
                    _ => &[],
                };
                let others = others
                    .iter()
                    .map(|&choice| {
                        let id = work.clone();
                        view! {
                            <button type="button" class="secondary" on:click=move |_| { let id = id.clone(); action.run(state, move || async move { later::after_other_tab(state, id, choice).await?.await; Ok(()) }); }>{move || choice_label(choice, lang.get())}</button>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="wrap save-choices">
                        <div class="notice notice-warning" id=CHOICES_ID tabindex="-1">
                            <p>{move || say::download_copy_now(lang.get())}</p>
                            <div class="button-row">
                                <button type="button" on:click=move |_| { let id = work.clone(); action.run(state, move || later::export(state, id)); }>{move || say::download_copy(lang.get())}</button>
                                {others}
                            </div>
                            {action.waiting()}
                        </div>
                    </div>
                }
            })
        })
    };
    view! {
        <div class="wrap save-status" role="status" aria-live="polite">
            {store_notice}
            <p class="saved" hidden=move || line.with(Option::is_none)>{move || line.get().unwrap_or_default()}</p>
            {headline}
        </div>
        {choices}
    }
}

/// A choice's words, in `lang`.
fn choice_label(choice: AfterOtherTab, lang: Lang) -> &'static str {
    match choice {
        AfterOtherTab::TakeTheirs => say::use_other_tabs_version(lang),
        AfterOtherTab::KeepMineAsCopy => say::keep_mine_as_copy(lang),
        AfterOtherTab::KeepDeleted => problems::keep_deleted_work(lang),
        AfterOtherTab::LetGo => problems::let_deleted_work_go(lang),
    }
}

/// The id of a failed save's choices, which its reason's link leads to.
const CHOICES_ID: &str = "save-choices";

/// Whether a failed save has its own notice: the store's notice already says why anything
/// failed to save; only another tab's change or deletion needs its own choice beside it.
fn shown_alone(state: AppState, error: &StoreError) -> bool {
    matches!(error, StoreError::Conflict | StoreError::DeletedElsewhere)
        || state.storage_problem.with(Option::is_none)
}
