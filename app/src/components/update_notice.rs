//! "A new version is ready": offered, never forced. The page keeps running its own release
//! until the user presses the button; work is saved on every change, so reloading keeps it.
//! While saving is failing, the button is not offered: reloading would lose what is only in
//! memory, so the notice points to the download in the save line instead.

use leptos::prelude::*;

use mhsw::messages::frame as say;

use crate::edges::updates;
use crate::later;
use crate::state::{AppState, SaveState};

/// Announces a waiting release of the app (politely, as a status) and offers a reload button.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = AppState::expect();
    let waiting = RwSignal::new(updates::is_waiting());
    // `try_set`: the listener outlives this component when collection mode hides it.
    updates::on_waiting(move || {
        waiting.try_set(true);
    });
    let saving_failed = move || {
        state.save.with(|s| matches!(s, SaveState::Failed { .. }))
            || state.storage_problem.with(Option::is_some)
    };
    let reloading = RwSignal::new(false);
    let lang = state.page_lang;
    // Changes still waiting for their save (within half a second of typing) are written first:
    // the reload happens only once they are stored.
    let reload = move |_| {
        reloading.set(true);
        leptos::task::spawn_local(async move {
            let saved = match later::save_pending(state).await {
                Ok(saving) => saving.await,
                // The later part never ran, so nothing was changed: nothing to save.
                Err(_) => true,
            };
            if saved {
                updates::apply();
            } else {
                reloading.set(false);
            }
        });
    };
    view! {
        <div class="wrap update-status" role="status" aria-live="polite">
            <Show when=move || waiting.get()>
                {move || {
                    let lang = lang.get();
                    view! {
                        <div class="notice update-notice">
                            <p><strong>{say::update_ready(lang)}</strong></p>
                            <Show
                                when=move || !saving_failed()
                                fallback=move || view! { <p>{say::update_unsaved(lang)}</p> }
                            >
                                <p>{say::update_saved(lang)}</p>
                                <div class="button-row">
                                    <button type="button" class="secondary" disabled=move || reloading.get() on:click=reload>{move || if reloading.get() { say::saving_then_reloading(lang) } else { say::reload_to_update(lang) }}</button>
                                </div>
                            </Show>
                        </div>
                    }
                }}
            </Show>
        </div>
    }
}
