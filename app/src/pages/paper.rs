//! Paper: a printable version of a feedback questionnaire (from the same definition), and a quick
//! form for typing in returned paper forms.

use leptos::prelude::*;
use mhsw::definition::Definition;
use mhsw::ids::WorkId;
use mhsw::lang::Lang;
use mhsw::messages;
use mhsw::paper::PaperLayout;
use mhsw::responses::{ItemResponse, Responses};
use mhsw::text::Text;
use mhsw::work::Channel;

use crate::components::error_summary::{ErrorSummary, FieldError};
use crate::components::question_field::{field_id, QuestionField};
use crate::edges::{history, timer};
use crate::route::Route;
use crate::state::AppState;

/// The printable paper questionnaire, in the languages chosen (rule B1 of [`mhsw::paper`]):
/// a collection that offers Welsh prints Welsh and English side by side unless another layout
/// is chosen.
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
    let (about, offer) = signal.with_untracked(|h| {
        h.work
            .collection
            .as_ref()
            .map(|c| (c.about.clone(), c.language_offer))
            .unwrap_or_default()
    });
    let lang = state.page_lang;
    let choices = PaperLayout::choices(&offer.offered(&definition));
    let layout = RwSignal::new(choices[0]);
    let chooser = (choices.len() > 1).then(|| {
        let options = choices
            .iter()
            .map(|&choice| {
                let id = format!("paper-layout-{}", choice.code());
                view! {
                    <div class="choice">
                        <input type="radio" name="paper-layout" id=id.clone() prop:checked=move || layout.get() == choice on:change=move |_| layout.set(choice) />
                        <label for=id>{move || choice.label_in(lang.get())}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="question paper-layout">
                <legend>{move || messages::print_in(lang.get())}</legend>
                <div class="choices">{options}</div>
            </fieldset>
        }
    });
    // Said plainly, as on the collection's page, while a layout prints an unchecked translation.
    let unchecked = definition.unchecked_translations();
    let unchecked_note = move || {
        layout
            .get()
            .languages()
            .into_iter()
            .filter(|lang| unchecked.contains(lang))
            .map(|unchecked| {
                view! { <p class="hint translation-unchecked">{messages::paper_unchecked(lang.get(), unchecked)}</p> }
            })
            .collect_view()
    };
    let form = move || {
        let layout = layout.get();
        let langs = layout.languages();
        let class = match layout {
            PaperLayout::One(_) => "paper-form",
            PaperLayout::SideBySide(..) => "paper-form bilingual side-by-side",
            PaperLayout::OneAfterTheOther(..) => "paper-form bilingual one-after-the-other",
        };
        let text = |t: &Text| in_each(&langs, |lang| t.get(lang).to_owned());
        let anonymity = definition
            .notices
            .anonymity
            .as_ref()
            .map(|t| view! { <div class="notice"><p>{text(t)}</p></div> });
        let crisis = definition.notices.crisis.as_ref().map(|t| {
            let heading = in_each(&langs, |lang| messages::need_help_now(lang).to_owned());
            let name = langs.iter().map(|&lang| messages::help_now(lang)).collect::<Vec<_>>().join(" / ");
            view! { <aside class="crisis" aria-label=name><p class="crisis-heading"><strong>{heading}</strong></p><p>{text(t)}</p></aside> }
        });
        view! {
            <article class=class lang=layout.first().bcp47()>
                <h1>{text(&definition.title)}</h1>
                <p class="lead">{in_each(&langs, |lang| messages::about_whom(lang, &about))}</p>
                {anonymity}
                {crisis}
                <p>{in_each(&langs, |lang| messages::paper_how_to_answer(lang).to_owned())}</p>
                <PaperQuestions definition=definition.clone() langs=langs.clone() />
            </article>
        }
    };
    view! {
        <div class="no-print">
            <p class="breadcrumb"><a href=Route::Work(id.clone()).href()>{move || messages::back_to_collection(lang.get())}</a></p>
            <p>{move || messages::paper_intro(lang.get())}</p>
            {chooser}
            {unchecked_note}
            <button type="button" on:click=move |_| timer::print_page()>{move || messages::print(lang.get())}</button>
        </div>
        {form}
    }
    .into_any()
}

/// One text in each language printed: alone, in its own language, or (for two languages) each
/// in a part of its own, which the page's style sets side by side or one after the other.
fn in_each(langs: &[Lang], text: impl Fn(Lang) -> String) -> AnyView {
    match langs {
        [only] => view! { <span lang=only.bcp47()>{text(*only)}</span> }.into_any(),
        _ => {
            let parts = langs
                .iter()
                .map(|&lang| view! { <span class="in-language" lang=lang.bcp47()>{text(lang)}</span> })
                .collect_view();
            view! { <span class="bilingual-text">{parts}</span> }.into_any()
        }
    }
}

/// Every question with tick boxes or writing space.
#[component]
fn PaperQuestions(
    /// The questionnaire.
    definition: std::sync::Arc<Definition>,
    /// The languages printed, in reading order.
    langs: Vec<Lang>,
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
                            .map(|o| view! { <li><span class="tick-box" aria-hidden="true"></span>" "{in_each(&langs, |lang| o.label.get(lang).to_owned())}</li> })
                            .collect_view()
                    });
                    view! {
                        <li class="paper-question">
                            <p>{in_each(&langs, |lang| q.text.get(lang).to_owned())}</p>
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
                    <h2>{in_each(&langs, |lang| section.title.get(lang).to_owned())}</h2>
                    <ol class="paper-questions" start=start.to_string()>{questions}</ol>
                </section>
            }
        })
        .collect_view()
}

thread_local! {
    /// Per collection, the paper form being typed in and how many have been saved, while the
    /// app runs: Back, or a link away and back again, finds the form as it was left (nothing of
    /// it is saved until "Save this form"; a reload or closing the tab lets it go).
    static BEING_TYPED: std::cell::RefCell<std::collections::BTreeMap<WorkId, (Responses, usize)>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Typing in returned paper forms: every question on one page, then save and start the next.
#[component]
pub fn EnterPaperPage(
    /// The feedback collection.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let (work, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let lang = state.page_lang;
    // Forms typed in outside the period are taken, dated today: the page says so.
    let period = work.with_untracked(|held| {
        held.work
            .collection
            .as_ref()
            .map(|c| (c.period_start, c.period_end))
    });
    let outside_period = move || {
        let (start, end) = period?;
        messages::typed_outside_period(lang.get(), crate::edges::clock::today(), start, end)
            .map(|text| view! { <p class="notice">{text}</p> })
    };
    let (kept, kept_count) =
        BEING_TYPED.with(|kept| kept.borrow().get(&id).cloned().unwrap_or_default());
    let draft = RwSignal::new(kept);
    let entered = RwSignal::new(kept_count);
    {
        let id = id.clone();
        Effect::new(move |_| {
            let typed = (draft.get(), entered.get());
            // Not stored until saved: closing or reloading the page asks first.
            crate::state::hold_unkept(
                &format!("paper/{id}"),
                typed.0.has_any_answer().then(String::new),
            );
            BEING_TYPED.with(|kept| kept.borrow_mut().insert(id.clone(), typed));
        });
    }
    let form_key = RwSignal::new(0u32);
    let id_for_save = id.clone();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let first_field = definition.questions().next().map(|(_, q)| field_id(q));
    // A double press of the save button stores the form once: a press while it is being saved
    // does nothing, and so does the second press of a double-click that comes once the form is
    // saved and cleared (rather than calling that empty form a mistake).
    let saving = StoredValue::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_value() {
            return;
        }
        let answers = draft.get_untracked();
        // A form with nothing on it is not a response: saving it would count a person who said
        // nothing.
        if !answers.has_any_answer() {
            errors.set(vec![FieldError {
                field_id: first_field.clone().unwrap_or_default(),
                message: messages::form_has_no_answers(lang.get_untracked()).to_owned(),
            }]);
            return;
        }
        errors.set(Vec::new());
        let id = id_for_save.clone();
        saving.set_value(true);
        leptos::task::spawn_local(async move {
            // The form is in the collection either way; the count says what was stored, and
            // the save line says when something was not.
            let saved = state.add_response(&id, answers, Channel::Paper).await;
            draft.set(Responses::default());
            saving.set_value(false);
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
        // Each question in the page's language where its section is given in it, else in the
        // questionnaire's own, marked as such (as on a section page); the draft keeps the answers.
        let page = lang.get();
        definition_for_form
            .questions()
            .map(|(section, q)| {
                let content = if definition_for_form.languages_of_section(&section.id).contains(&page) {
                    page
                } else {
                    definition_for_form.primary_language()
                };
                let qid = q.id.clone();
                let qid_for_item = qid.clone();
                let item = Signal::derive(move || draft.with(|d| d.item(&qid_for_item).cloned().unwrap_or_default()));
                let on_change = Callback::new(move |next: ItemResponse| {
                    let qid = qid.clone();
                    draft.update(|d| d.set(qid, next));
                    if draft.with_untracked(Responses::has_any_answer) && !errors.with_untracked(Vec::is_empty) {
                        errors.set(Vec::new());
                    }
                });
                view! { <QuestionField definition=definition_for_form.clone() question=q.clone() item=item on_change=on_change easy_read=Signal::derive(|| false) error=Signal::derive(|| None::<String>) with_notes=false lang=page content=content /> }
            })
            .collect_view()
    };
    view! {
        <p class="breadcrumb"><a href=Route::Work(id.clone()).href()>{move || messages::back_to_collection(lang.get())}</a></p>
        <ErrorSummary errors=errors />
        <h1>{move || messages::type_in_heading(lang.get())}</h1>
        <p>{move || messages::type_in_intro(lang.get())}</p>
        {outside_period}
        <div role="status" aria-live="polite">
            {move || (entered.get() > 0).then(|| view! { <p class="notice">{messages::forms_saved_this_session(lang.get(), entered.get())}</p> })}
        </div>
        <form class="form paper-entry" on:submit=save novalidate>
            {fields}
            <button type="submit" on:click=|ev| { super::second_of_a_double_click(&ev); }>{move || messages::save_form_and_next(lang.get())}</button>
        </form>
    }
    .into_any()
}
