//! The "Saved at 14:32" line, and what to do when saving failed.

use leptos::prelude::*;

use crate::edges::storage::StoreError;
use crate::later;
use crate::state::{AppState, SaveState};

/// Shows the outcome of the latest save, politely announced to screen readers.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let state = AppState::expect();
    let problem = RwSignal::new(None::<String>);
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
                                <button type="button" on:click=move |_| { let id = w1.clone(); later::run(state, problem, move || later::export(state, id)); }>"Download a copy of this work"</button>
                                {conflict.then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| { let id = w2.clone(); later::run(state, problem, move || later::take_other_tabs_version(state, id)); }>"Use the other tab’s version"</button>
                                    <button type="button" class="secondary" on:click=move |_| { let id = w3.clone(); later::run(state, problem, move || later::keep_mine_as_copy(state, id)); }>"Keep mine as a separate copy"</button>
                                })}
                            </div>
                            {move || problem.get().map(|text| view! { <p role="alert">{text}"."</p> })}
                        </div>
                    }.into_any()
                }
            }}
        </div>
    }
}
