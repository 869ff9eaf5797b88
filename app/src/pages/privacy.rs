//! Where the data lives, how much room it takes, backing all of it up, and removing all of it
//! from this device.

use leptos::prelude::*;
use mhsw::lang::Lang;
use mhsw::messages::{data as say, frame};

use crate::components::confirm::Confirm;
use crate::edges::database::{self, Estimate};
use crate::edges::{channel, history, storage};
use crate::later;
use crate::state::{AppState, SavedWork};

/// Bytes in words: "3.2 MB".
fn size(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{:.1} GB", bytes / 1e9)
    } else if bytes >= 1e6 {
        format!("{:.1} MB", bytes / 1e6)
    } else {
        format!("{:.0} kB", (bytes / 1e3).ceil())
    }
}

/// The id of "Remove all my data from this device".
const REMOVE_ALL_ID: &str = "remove-all";
/// The id of "No, keep it", the question's safe answer.
const REMOVE_ALL_KEEP_ID: &str = "remove-all-keep";

/// The privacy page.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<Result<(), ()>>);
    let backup = RwSignal::new(None::<String>);
    let action = later::Action::new();
    let estimate = LocalResource::new(database::estimate);
    // The question replaces "Remove all my data" (focus goes to its safe answer, `Confirm`),
    // and focus goes back to the button once it is answered or Escape is pressed, never to the
    // page itself.
    let ask = move |_| {
        done.set(None);
        confirming.set(true);
    };
    let keep = Callback::new(move |()| {
        confirming.set(false);
        history::focus_id_when_drawn(REMOVE_ALL_ID);
    });
    let remove = Callback::new(move |()| {
        confirming.set(false);
        history::focus_id_when_drawn(REMOVE_ALL_ID);
        leptos::task::spawn_local(async move {
            let outcome = if database::is_open() {
                // Whatever the browser's reason, nothing is removed, and the work stays saved.
                database::clear_everything().await.map_err(drop)
            } else {
                Ok(())
            };
            if outcome.is_ok() {
                storage::remove_everything();
                state.works.set(SavedWork::Read(Default::default()));
                state.set_aside.set(Vec::new());
                channel::announce_removed_all();
            }
            done.set(Some(outcome));
        });
    });
    let export_everything = move |ev: leptos::ev::MouseEvent| {
        // The second press of a double click never downloads a second file.
        if super::second_of_a_double_click(&ev) {
            return;
        }
        action.run(state, move || async move {
            backup.set(Some(later::export_everything(state).await?));
            Ok(())
        });
    };
    let lang = state.page_lang;
    view! {
        <h1>{move || frame::your_data(lang.get())}</h1>
        <p>{move || say::runs_in_browser(lang.get())}</p>
        <ul>
            {move || say::privacy_points(lang.get()).map(|point| view! { <li>{point}</li> }).collect_view()}
        </ul>
        <h2>{move || say::room_on_device(lang.get())}</h2>
        {move || estimate.get().map(|found| storage_words(found, state.persisted.get(), lang.get()))}
        <h2>{move || say::back_up_everything(lang.get())}</h2>
        <p>{move || say::back_up_explained(lang.get())}</p>
        <button type="button" on:click=export_everything>{move || say::export_everything(lang.get())}</button>
        <div role="status" aria-live="polite">
            {move || backup.get().map(|text| view! { <p class="notice">{text}"."</p> })}
            {action.waiting()}
        </div>
        <h2>{move || say::remove_all(lang.get())}</h2>
        <p>{move || say::remove_all_explained(lang.get())}</p>
        <Show when=move || !confirming.get() fallback=move || view! {
            <Confirm keep_id=REMOVE_ALL_KEEP_ID.to_owned() label=say::confirm_remove_all
                question=Signal::derive(move || say::remove_all_question(lang.get()).to_owned())
                yes=say::yes_remove_everything on_yes=remove on_keep=keep />
        }>
            <button type="button" class="warning" id=REMOVE_ALL_ID on:click=ask>{move || say::remove_all(lang.get())}</button>
        </Show>
        <div role="status" aria-live="polite">
            {move || done.get().map(|outcome| match outcome {
                Ok(()) => view! { <p class="notice">{move || say::everything_removed(lang.get())}</p> }.into_any(),
                Err(()) => view! { <p class="notice notice-warning">{move || say::nothing_removed(lang.get())}{move || say::still_saved(lang.get())}</p> }.into_any(),
            })}
        </div>
    }
}

/// What the browser says about the room the toolkit has, in words.
fn storage_words(found: Estimate, asked: Option<bool>, lang: Lang) -> impl IntoView {
    let used = match (found.usage, found.quota) {
        (Some(usage), Some(quota)) => say::using_of(lang, &size(usage), &size(quota)),
        _ => say::usage_unknown(lang).to_owned(),
    };
    let kept = match (found.persisted, asked) {
        (Some(true), _) => say::persisted(lang),
        (_, Some(false)) | (Some(false), _) => say::not_persisted(lang),
        _ => say::persist_not_asked(lang),
    };
    view! { <p>{used}</p><p>{kept}</p> }
}
