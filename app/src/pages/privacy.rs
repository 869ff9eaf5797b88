//! Where the data lives, and removing all of it from this device.

use leptos::prelude::*;

use crate::edges::storage;
use crate::state::AppState;

/// The privacy page.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    let remove = move |_| {
        storage::remove_everything();
        state.works.set(Default::default());
        state.set_aside.set(Vec::new());
        confirming.set(false);
        done.set(true);
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
            <button type="button" class="warning" on:click=move |_| { done.set(false); confirming.set(true); }>"Remove all my data from this device"</button>
        </Show>
        <div role="status" aria-live="polite">
            {move || done.get().then(|| view! { <p class="notice">"Everything the toolkit kept in this browser has been removed."</p> })}
        </div>
    }
}
