//! Paper: a printable version of a feedback questionnaire (from the same definition), and a quick
//! form for typing in returned paper forms.

use leptos::prelude::*;
use mhsw::definition::Definition;
use mhsw::ids::WorkId;
use mhsw::responses::{ItemResponse, Responses};
use mhsw::work::Channel;

use crate::components::error_summary::{ErrorSummary, FieldError};
use crate::components::question_field::{field_id, QuestionField};
use crate::edges::{history, timer};
use crate::route::Route;
use crate::state::AppState;

/// The printable paper questionnaire.
#[component]
pub fn PaperPage(
    /// The feedback collection.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let (signal, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let about = signal.with_untracked(|h| {
        h.work
            .collection
            .as_ref()
            .map(|c| c.about.clone())
            .unwrap_or_default()
    });
    view! {
        <div class="no-print">
            <p class="breadcrumb"><a href=Route::Work(id.clone()).href()>"Back to the collection"</a></p>
            <p>"Print this page for people who would rather answer on paper. Collect the forms in a sealed box or envelope, then type them in."</p>
            <button type="button" on:click=move |_| timer::print_page()>"Print"</button>
        </div>
        <article class="paper-form">
            <h1>{definition.title.to_string()}</h1>
            <p class="lead">{format!("About the social work you had from {about}.")}</p>
            {definition.notices.anonymity.as_deref().map(str::to_owned).map(|t| view! { <div class="notice"><p>{t}</p></div> })}
            {definition.notices.crisis.as_deref().map(str::to_owned).map(|t| view! { <aside class="crisis" aria-label="Help now"><p><strong>"Need help now? "</strong>{t}</p></aside> })}
            <p>"Tick one box for each question you want to answer. You can leave out any question."</p>
            <PaperQuestions definition=definition.clone() />
        </article>
    }
    .into_any()
}

/// Every question with tick boxes or writing space.
#[component]
fn PaperQuestions(
    /// The questionnaire.
    definition: std::sync::Arc<Definition>,
) -> impl IntoView {
    // Questions are numbered once, by the lists themselves: each section's list starts where
    // the last one ended, so the numbers run on through the form.
    let mut first_number = 1;
    definition
        .sections
        .iter()
        .map(|section| {
            let start = first_number;
            first_number += section.questions.len();
            let questions = section
                .questions
                .iter()
                .map(|q| {
                    let options = definition.options_of(q).map(|list| {
                        list.options
                            .iter()
                            .map(|o| view! { <li><span class="tick-box" aria-hidden="true"></span>" "{o.label.to_string()}</li> })
                            .collect_view()
                    });
                    view! {
                        <li class="paper-question">
                            <p>{q.text.to_string()}</p>
                            {match options {
                                Some(options) => view! { <ul class="paper-options">{options}</ul> }.into_any(),
                                None => view! { <div class="writing-space" aria-hidden="true"></div> }.into_any(),
                            }}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="paper-section">
                    <h2>{section.title.to_string()}</h2>
                    <ol class="paper-questions" start=start.to_string()>{questions}</ol>
                </section>
            }
        })
        .collect_view()
}

/// Typing in returned paper forms: every question on one page, then save and start the next.
#[component]
pub fn EnterPaperPage(
    /// The feedback collection.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let (_, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let draft = RwSignal::new(Responses::default());
    let entered = RwSignal::new(0usize);
    let form_key = RwSignal::new(0u32);
    let id_for_save = id.clone();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let first_field = definition.questions().next().map(|(_, q)| field_id(q));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = draft.get_untracked();
        // A form with nothing on it is not a response: saving it would count a person who said
        // nothing.
        if !answers.has_any_answer() {
            errors.set(vec![FieldError {
                field_id: first_field.clone().unwrap_or_default(),
                message: "This form has no answers. Type in what the person ticked or wrote; a form that came back blank is not counted.".to_owned(),
            }]);
            return;
        }
        errors.set(Vec::new());
        let id = id_for_save.clone();
        leptos::task::spawn_local(async move {
            // The form is in the collection either way; the count says what was stored, and
            // the save line says when something was not.
            let saved = state.add_response(&id, answers, Channel::Paper).await;
            draft.set(Responses::default());
            if saved.is_ok() {
                entered.update(|n| *n += 1);
            }
            form_key.update(|k| *k += 1);
            history::focus_heading();
        });
    };
    let definition_for_form = definition.clone();
    let fields = move || {
        let _ = form_key.get();
        definition_for_form
            .questions()
            .map(|(_, q)| {
                let qid = q.id.clone();
                let qid_for_item = qid.clone();
                let item = Signal::derive(move || draft.with(|d| d.item(qid_for_item.as_str()).cloned().unwrap_or_default()));
                let on_change = Callback::new(move |next: ItemResponse| {
                    let qid = qid.clone();
                    draft.update(|d| d.set(qid, next));
                    if draft.with_untracked(Responses::has_any_answer) && !errors.with_untracked(Vec::is_empty) {
                        errors.set(Vec::new());
                    }
                });
                view! { <QuestionField definition=definition_for_form.clone() question=q.clone() item=item on_change=on_change easy_read=Signal::derive(|| false) error=Signal::derive(|| None::<String>) with_notes=false /> }
            })
            .collect_view()
    };
    view! {
        <p class="breadcrumb"><a href=Route::Work(id.clone()).href()>"Back to the collection"</a></p>
        <ErrorSummary errors=errors />
        <h1>"Type in paper forms"</h1>
        <p>"Copy each returned form exactly, leaving blank what the person left blank. Save it, and the form clears for the next one. Do not type names or anything that identifies someone."</p>
        <div role="status" aria-live="polite">
            {move || (entered.get() > 0).then(|| view! { <p class="notice">{format!("{} paper {} saved this session.", entered.get(), if entered.get() == 1 { "form" } else { "forms" })}</p> })}
        </div>
        <form class="form paper-entry" on:submit=save novalidate>
            {fields}
            <button type="submit">"Save this form and start the next"</button>
        </form>
    }
    .into_any()
}
