//! The "Saved at 14:32" line, and what to do when saving failed.

use leptos::prelude::*;

use crate::edges::files;
use crate::edges::storage::StoreError;
use crate::state::{AppState, SaveState};

/// Shows the outcome of the latest save, politely announced to screen readers.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let state = AppState::expect();
    let download = move |id: mhsw::ids::WorkId| {
        if let Some(signal) = state.work(&id) {
            let (name, text) =
                signal.with_untracked(|h| (h.work.name.clone(), mhsw::work::export_work(&h.work)));
            let _ = files::download_text(
                &format!("{}.json", files::safe_file_stem(&name)),
                "application/json",
                &text,
            );
        }
    };
    view! {
        <div class="wrap save-status" role="status" aria-live="polite">
            {move || match state.save.get() {
                SaveState::Idle => ().into_any(),
                SaveState::Saved(time) => view! { <p class="saved">"Saved on this device at " {time}</p> }.into_any(),
                SaveState::Failed { error, work } => {
                    let conflict = error == StoreError::Conflict;
                    let (w1, w2, w3) = (work.clone(), work.clone(), work.clone());
                    view! {
                        <div class="notice notice-warning">
                            <p><strong>"Not saved: "</strong>{error.to_string()}"."</p>
                            <p>"Download a copy now to keep it safe."</p>
                            <div class="button-row">
                                <button type="button" on:click=move |_| download(w1.clone())>"Download a copy of this work"</button>
                                {conflict.then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| state.take_other_tabs_version(&w2)>"Use the other tab’s version"</button>
                                    <button type="button" class="secondary" on:click=move |_| state.keep_mine_as_copy(&w3)>"Keep mine as a separate copy"</button>
                                })}
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </div>
    }
}
