//! Where the data lives, how much room it takes, backing all of it up, and removing all of it
//! from this device.

use leptos::prelude::*;

use crate::edges::database::{self, Estimate};
use crate::edges::{channel, storage};
use crate::later;
use crate::state::AppState;

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

/// The privacy page.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<Result<(), String>>);
    let backup = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let estimate = LocalResource::new(database::estimate);
    let remove = move |_| {
        confirming.set(false);
        leptos::task::spawn_local(async move {
            let outcome = if database::is_open() {
                database::clear_everything()
                    .await
                    .map_err(|e| e.to_string())
            } else {
                Ok(())
            };
            if outcome.is_ok() {
                storage::remove_everything();
                state.works.set(Default::default());
                state.set_aside.set(Vec::new());
                channel::announce_removed_all();
            }
            done.set(Some(outcome));
        });
    };
    let export_everything = move |_| {
        later::run(state, problem, move || async move {
            backup.set(Some(later::export_everything(state).await?));
            Ok(())
        });
    };
    view! {
        <h1>"Your data"</h1>
        <p>"The toolkit runs entirely in this browser. Your answers, evidence, plans and feedback are saved in this browser’s storage on this device, and nowhere else."</p>
        <ul>
            <li>"Nothing you type is sent over the internet. The page loads only its own files, and a security policy stops it contacting anywhere else."</li>
            <li>"There is no account, no tracking and no analytics."</li>
            <li>"Other people who use this browser on this device could open the work saved here. On a shared computer, export your work and remove it when you finish."</li>
            <li>"Clearing the browser’s site data also removes the work. Export anything you need to keep."</li>
            <li>"Feedback from people who use services is anonymous: no name is asked, and reports show only groups of five or more responses."</li>
        </ul>
        <h2>"Room on this device"</h2>
        {move || estimate.get().map(|found| storage_words(found, state.persisted.get()))}
        <h2>"Back up everything"</h2>
        <p>"Download one file with every piece of work saved in this browser. Importing that file on any device with the toolkit brings all of it back; importing it twice adds nothing twice."</p>
        <button type="button" on:click=export_everything>"Export everything"</button>
        <div role="status" aria-live="polite">
            {move || backup.get().map(|text| view! { <p class="notice">{text}"."</p> })}
            {move || problem.get().map(|text| view! { <p class="notice notice-warning">{text}"."</p> })}
        </div>
        <h2>"Remove all my data from this device"</h2>
        <p>"This removes every piece of work, every questionnaire you opened from your computer, and any entries kept aside, from this browser."</p>
        <Show when=move || !confirming.get() fallback=move || view! {
            <div class="notice notice-warning" role="alertdialog" aria-label="Confirm removing all data">
                <p>"Remove everything the toolkit keeps in this browser? This cannot be undone."</p>
                <div class="button-row">
                    <button type="button" class="warning" on:click=remove>"Yes, remove everything"</button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"No, keep it"</button>
                </div>
            </div>
        }>
            <button type="button" class="warning" on:click=move |_| { done.set(None); confirming.set(true); }>"Remove all my data from this device"</button>
        </Show>
        <div role="status" aria-live="polite">
            {move || done.get().map(|outcome| match outcome {
                Ok(()) => view! { <p class="notice">"Everything the toolkit kept in this browser has been removed."</p> }.into_any(),
                Err(why) => view! { <p class="notice notice-warning">"Nothing was removed: "{why}"."</p> }.into_any(),
            })}
        </div>
    }
}

/// What the browser says about the room the toolkit has, in words.
fn storage_words(found: Estimate, asked: Option<bool>) -> impl IntoView {
    let used = match (found.usage, found.quota) {
        (Some(usage), Some(quota)) => format!(
            "The toolkit is using {} of the {} this browser allows it on this device.",
            size(usage),
            size(quota)
        ),
        _ => "This browser does not say how much room the toolkit is using.".to_owned(),
    };
    let kept = match (found.persisted, asked) {
        (Some(true), _) => "The browser has agreed to keep the toolkit’s work even when the device runs short of space.",
        (_, Some(false)) | (Some(false), _) => "The browser has not agreed to keep the toolkit’s work when the device runs short of space, so it could clear it. Export your work regularly.",
        _ => "The toolkit asks the browser to keep its work safe when you first save something.",
    };
    view! { <p>{used}</p><p>{kept}</p> }
}
