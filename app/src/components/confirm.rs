//! The question asked before something that cannot be undone.

use leptos::prelude::*;
use mhsw::lang::Lang;
use mhsw::messages::frame;

use crate::edges::history;
use crate::state::AppState;

/// A question drawn in place of the button that asks it, before something that cannot be
/// undone: deleting work, removing everything, a plan action, an entry kept aside or a
/// questionnaire. Focus goes to its safe answer, "No, keep it" (`keep_id`), as it is drawn, so
/// Enter pressed twice or held keeps everything; Escape answers it the same way. Where focus
/// goes after an answer is the caller's to say, in `on_yes` and `on_keep`.
#[component]
pub fn Confirm(
    /// The id of "No, keep it"; the question's own id is made from it.
    keep_id: String,
    /// The question's name, for screen readers.
    label: fn(Lang) -> &'static str,
    /// The question, in the page's language.
    #[prop(into)]
    question: Signal<String>,
    /// The words on the button that goes ahead ("Yes, delete it").
    yes: fn(Lang) -> &'static str,
    /// Goes ahead.
    on_yes: Callback<()>,
    /// Keeps everything ("No, keep it", or Escape).
    on_keep: Callback<()>,
) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    let question_id = format!("{keep_id}-question");
    history::focus_id_when_drawn(&keep_id);
    view! {
        <div class="notice notice-warning" role="alertdialog" aria-label=move || label(lang.get())
            aria-describedby=question_id.clone()
            on:keydown=move |ev| if ev.key() == "Escape" { on_keep.run(()) }>
            <p id=question_id.clone()>{move || question.get()}</p>
            <div class="button-row">
                <button type="button" class="warning" on:click=move |_| on_yes.run(())>{move || yes(lang.get())}</button>
                <button type="button" class="secondary" id=keep_id on:click=move |_| on_keep.run(())>{move || frame::no_keep(lang.get())}</button>
            </div>
        </div>
    }
}
