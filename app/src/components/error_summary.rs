//! The error summary at the top of a page: a list of problems, each linking to its field (the
//! GOV.UK pattern). Focus moves to it when it appears.

use leptos::prelude::*;

use crate::edges::history;

/// One problem: the field's element id and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the input (or first input) to focus.
    pub field_id: String,
    /// What to do, in words.
    pub message: String,
}

/// Lists the problems; renders nothing when there are none.
#[component]
pub fn ErrorSummary(
    /// The problems to show.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    let lang = crate::state::AppState::expect().page_lang;
    // Focus moves to the summary when it appears, not each time the list shrinks as the user
    // answers (which would throw a keyboard user back to the top).
    Effect::new(move |was_shown: Option<bool>| {
        let shown = !errors.with(Vec::is_empty);
        if shown && !was_shown.unwrap_or(false) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
        shown
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{move || mhsw::messages::audit::there_is_a_problem(lang.get())}</h2>
                <ul>
                    // Keyed by the words too: a field whose problem changed ("Shorten the
                    // name", then "Enter a name") is drawn again with its new words.
                    <For each=move || errors.get() key=|e| (e.field_id.clone(), e.message.clone()) let:error>
                        {
                            let target = error.field_id.clone();
                            view! {
                                <li>
                                    <a href=format!("#{}", error.field_id) on:click=move |ev| {
                                        ev.prevent_default();
                                        history::focus_id(&target);
                                    }>{error.message.clone()}</a>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </Show>
    }
}
