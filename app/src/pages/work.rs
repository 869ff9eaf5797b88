//! A piece of work's contents page: its sections with their completion, and the ways on (results,
//! plan, collection, export).

use leptos::prelude::*;
use std::sync::Arc;

use mhsw::definition::{Definition, ToolKind};
use mhsw::ids::WorkId;
use mhsw::lang::Lang;
use mhsw::messages::audit as say;
use mhsw::messages::frame;
use mhsw::work::LanguageOffer;

use crate::later;
use crate::route::Route;
use crate::state::AppState;

/// The contents page of one piece of work.
#[component]
pub fn WorkPage(
    /// The work's id.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let (signal, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    // The same export as the home page's (in the part `transfer`): the download is recorded,
    // so the home page no longer says "Not exported yet" of it, and a part that cannot be
    // downloaded says so. (This page's own download recorded nothing and said nothing.)
    let action = later::Action::new();
    let id_export = id.clone();
    let export = move |ev: leptos::ev::MouseEvent| {
        if super::second_of_a_double_click(&ev) {
            return;
        }
        let id = id_export.clone();
        action.run(state, move || later::export(state, id));
    };
    let kind = definition.kind;
    let lang = state.page_lang;
    let version = definition.version.to_string();
    let definition_for_rows = definition.clone();
    let sections = move || {
        let lang = lang.get();
        signal.with(|held| {
            definition_for_rows
                .sections
                .iter()
                .filter(|s| held.work.responses.section_shown(&definition_for_rows, s))
                .map(|s| {
                    let progress = held.work.responses.progress(&definition_for_rows, s);
                    let (title, mark) = super::in_lang(&s.title, lang);
                    (
                        s.id.clone(),
                        title,
                        say::progress(lang, progress.answered, progress.shown),
                        progress.is_complete(),
                        mark,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    // When the questionnaire has a new version, show what would change before anything does.
    let definition_for_version = definition.clone();
    let definition_for_texts = definition.clone();
    let preview = move || {
        signal.with(|held| {
            (held.work.definition.version != definition_for_version.version).then(|| {
                let mut copy = held.work.clone();
                mhsw::work::reconcile(&mut copy, &definition_for_version, None)
            })
        })
    };
    let definition_for_accept = definition.clone();
    let id_for_accept = id.clone();
    let accept = move |_| {
        let definition = definition_for_accept.clone();
        state.change(&id_for_accept, move |w| {
            mhsw::work::reconcile(w, &definition, None);
        });
    };
    let definition_for_aside = definition.clone();
    let set_aside =
        move || signal.with(|h| mhsw::carry::kept_aside(&definition_for_aside, &h.work.set_aside));
    let id_for_links = id.clone();
    view! {
        <p class="breadcrumb"><a href=Route::Home.href()>{move || frame::home(lang.get())}</a></p>
        <h1>{move || signal.with(|h| h.work.name.clone())}</h1>
        <p class="work-meta">{let definition = definition.clone(); move || { let (title, mark) = super::in_lang(&definition.title, lang.get()); view! { <span lang=mark>{title}</span> } }}{move || say::version_after_title(lang.get(), &version)}
            {move || signal.with(|h| (!h.work.organisation.is_empty()).then(|| format!(" · {}", h.work.organisation)))}
        </p>
        {move || preview().map(|change| {
            let page = lang.get();
            // The questions' own words are the questionnaire's, marked where the page is in
            // another language.
            let mark = (page != definition_for_texts.primary_language()).then(|| definition_for_texts.primary_language().bcp47());
            let text_of = |id: &mhsw::ids::QuestionId| {
                definition_for_texts
                    .text_of(id)
                    .map_or_else(|| say::question_by_id(page, id.as_str()), |t| t.trim().to_owned())
            };
            let moved: Vec<String> = change.set_aside.iter().chain(change.no_longer_fit.iter()).map(text_of).collect();
            let carried: Vec<(String, String)> = change.carried.iter().map(|(old, new)| (text_of(old), text_of(new))).collect();
            let responses_kept: Vec<String> = change.responses_kept_aside.iter().map(text_of).collect();
            let responses_carried = change.responses_carried;
            let accept = accept.clone();
            view! {
                <div class="notice notice-warning">
                    <h2>{say::questionnaire_changed(page)}</h2>
                    <p>{say::saved_with_version(page, &change.from_version.to_string(), &change.to_version.to_string())}</p>
                    {(!carried.is_empty()).then(|| view! {
                        <p>{say::answers_will_move(page)}</p>
                        <ul class="carried-answers">
                            {carried.into_iter().map(|(old, new)| view! { <li lang=mark>{say::moves_to(page, &old, &new)}</li> }).collect_view()}
                        </ul>
                    })}
                    {if moved.is_empty() {
                        view! { <p>{say::none_kept_aside(page)}</p> }.into_any()
                    } else {
                        view! {
                            <p>{say::will_be_kept_aside(page)}</p>
                            <ul class="kept-aside-preview">{moved.into_iter().map(|q| view! { <li lang=mark>{q}</li> }).collect_view()}</ul>
                        }.into_any()
                    }}
                    {(responses_carried > 0 || !responses_kept.is_empty()).then(|| view! {
                        <p>{say::responses_in_new_version(page, responses_carried, &responses_kept)}</p>
                    })}
                    <p>{say::other_answers_kept(page)}</p>
                    <button type="button" on:click=accept>{say::continue_with_new_version(page)}</button>
                </div>
            }
        })}
        {move || {
            let kept = set_aside();
            (!kept.is_empty()).then(|| view! {
                <div class="notice">
                    <h2>{move || say::answers_kept_aside(lang.get())}</h2>
                    <p>{move || say::kept_aside_intro(lang.get())}</p>
                    <ul class="kept-aside">
                        {kept.into_iter().map(|k| view! {
                            <li>
                                <span class="kept-question">{k.question}</span>
                                {k.answer.map(|a| view! { " "<span class="kept-answer">{move || say::kept_answer(lang.get(), &a)}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        {(kind == ToolKind::Feedback).then(|| {
            let id = id_for_links.clone();
            let size = move || {
                signal.with(|h| {
                    say::collection_size(
                        lang.get(),
                        h.work.collection.as_ref().map_or(0, |c| c.responses.len()),
                    )
                })
            };
            view! {
                <p class="lead collection-size">{size}</p>
                <PeriodForm id=id.clone() />
                <LanguageForm id=id.clone() definition=definition.clone() />
                <h2>{move || say::collect_feedback(lang.get())}</h2>
                <ul class="action-list">
                    <li><a class="button" href=Route::Collect(id.clone()).href()>{move || say::collect_on_device(lang.get())}</a>{move || say::one_after_another(lang.get())}</li>
                    <li><a href=Route::Paper(id.clone()).href()>{move || say::print_paper(lang.get())}</a></li>
                    <li><a href=Route::EnterPaper(id.clone()).href()>{move || say::type_in_paper(lang.get())}</a></li>
                    <li><a href=Route::Results(id.clone()).href()>{move || say::see_combined_report(lang.get())}</a></li>
                </ul>
                <Reflections collection=id.clone() />
            }
        })}
        {(kind != ToolKind::Feedback).then(|| {
            let id = id_for_links.clone();
            view! {
                <h2>{move || say::sections(lang.get())}</h2>
                <ol class="contents-list">
                    <For each=sections key=|s| (s.0.clone(), s.2.clone()) let:section>
                        <li class="contents-item">
                            // The second click of a double click on "Start" (new work) lands
                            // here and must not open a section unasked.
                            <a href=Route::Section(id.clone(), section.0.clone()).href() lang=section.4
                                on:click=|ev| { super::second_of_a_double_click(&ev); }>{section.1.clone()}</a>
                            <span class="progress" class:complete=section.3>{section.2.clone()}</span>
                        </li>
                    </For>
                </ol>
            }
        })}
        <div class="button-row">
            {match kind {
                ToolKind::Audit => Some(say::see_results as fn(Lang) -> &'static str),
                ToolKind::Statement => Some(say::see_statement as fn(Lang) -> &'static str),
                ToolKind::Conversation => Some(say::see_record as fn(Lang) -> &'static str),
                ToolKind::Feedback => None,
            }
            .map(|label| view! { <a class="button" href=Route::Results(id.clone()).href()>{move || label(lang.get())}</a> })}
            {definition.plan.as_ref().map(|plan| { let title = plan.title.clone(); view! { <a class="button secondary" href=Route::Plan(id.clone()).href()>{move || { let (text, mark) = super::in_lang(&title, lang.get()); view! { <span lang=mark>{text}</span> } }}</a> } })}
            <button type="button" class="secondary" on:click=export>{move || say::export_to_file(lang.get())}</button>
        </div>
        {action.waiting()}
    }
    .into_any()
}

/// A practitioner's reflections on a feedback collection: conversation records linked to it.
#[component]
fn Reflections(
    /// The feedback collection.
    collection: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let collection_for_list = collection.clone();
    let linked = move || {
        state.works.with(|works| {
            // Read in place: a collection of 50,000 responses is never copied to find its links.
            works
                .signals()
                .filter_map(|s| {
                    s.with(|h| {
                        (h.work.linked_to.as_ref() == Some(&collection_for_list))
                            .then(|| (h.work.id.clone(), h.work.name.clone()))
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let conversation = state.questionnaires.with_untracked(|c| {
        c.checked().and_then(|c| {
            c.loaded
                .iter()
                .find(|l| l.definition.kind == ToolKind::Conversation)
                .map(|l| l.definition.clone())
        })
    });
    let start = move |_| {
        let Some(definition) = conversation.clone() else {
            return;
        };
        let Some(signal) = state.work(&collection) else {
            return;
        };
        let name = signal.with_untracked(|h| {
            say::reflection_name(state.page_lang.get_untracked(), &h.work.name)
        });
        let mut work = mhsw::work::Work::start(
            WorkId::new(crate::edges::clock::random_id()),
            name,
            &definition,
            crate::edges::clock::today(),
        );
        work.linked_to = Some(collection.clone());
        let route = Route::Work(work.id.clone());
        state.add_work(work);
        crate::edges::history::go(&route);
    };
    let lang = state.page_lang;
    view! {
        <h2>{move || say::reflection_heading(lang.get())}</h2>
        <p>{move || say::reflection_intro(lang.get())}</p>
        <ul>
            {move || linked().into_iter().map(|(id, name)| view! { <li><a href=Route::Work(id).href()>{name}</a></li> }).collect_view()}
        </ul>
        <button type="button" class="secondary" on:click=start>{move || say::record_reflection(lang.get())}</button>
    }
}

/// The period a feedback collection covers, shown and changed on its own page (rule C2 in the
/// core: both dates or neither, the end on or after the start).
#[component]
fn PeriodForm(
    /// The collection.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let Some(signal) = state.work(&id) else {
        return ().into_any();
    };
    let stored = move || {
        signal.with(|h| {
            h.work
                .collection
                .as_ref()
                .map(|c| (c.period_start, c.period_end))
                .unwrap_or((None, None))
        })
    };
    let (start0, end0) = stored();
    // The boxes keep what is chosen; only "Save the period" reads them.
    let start = RwSignal::new(start0.map(|d| d.to_string()).unwrap_or_default());
    let end = RwSignal::new(end0.map(|d| d.to_string()).unwrap_or_default());
    let error = RwSignal::new(None::<mhsw::work::PeriodError>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match mhsw::work::parse_period(&start.get_untracked(), &end.get_untracked()) {
            Ok(period) => {
                error.set(None);
                state.change(&id, |w| {
                    if let Some(collection) = w.collection.as_mut() {
                        collection.period_start = period.map(|(s, _)| s);
                        collection.period_end = period.map(|(_, e)| e);
                    }
                });
                saved.set(true);
            }
            Err(mistake) => {
                let field = mistake.field();
                error.set(Some(mistake));
                crate::edges::history::focus_id(&format!("period-{field}"));
            }
        }
    };
    let lang = state.page_lang;
    let shown = move || match stored() {
        (Some(from), Some(to)) => say::period_is(lang.get(), from, to),
        _ => say::period_not_set(lang.get()).to_owned(),
    };
    let field = move |which: &'static str,
                      label: fn(Lang) -> &'static str,
                      value: RwSignal<String>| {
        let input_id = format!("period-{which}");
        let error_id = format!("period-{which}-error");
        view! {
            <div class="field" class:has-error=move || error.with(|e| e.as_ref().is_some_and(|e| e.field() == which))>
                <label for=input_id.clone()>{move || label(lang.get())}</label>
                {move || error.with(|e| e.as_ref().filter(|e| e.field() == which).map(|e| e.in_lang(lang.get()))).map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
                // The box is given its value once: a date box that is half typed (31 September,
                // for a moment) reads as "", and giving that back would empty every part of it.
                <input id=input_id type="date" class="date-input" min=mhsw::date::EARLIEST max=mhsw::date::LATEST prop:value=value.get_untracked()
                    on:input=move |ev| value.set(event_target_value(&ev)) on:change=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <details class="period">
            <summary>{shown}</summary>
            <form class="form inline-form" on:submit=save novalidate>
                {field("start", say::from, start)}
                {field("end", say::to, end)}
                <button type="submit" class="secondary">{move || say::save_period(lang.get())}</button>
            </form>
            <div role="status">{move || saved.get().then(|| view! { <p>{say::period_changed(lang.get())}</p> })}</div>
        </details>
    }
    .into_any()
}

/// The languages a feedback collection is offered in (the active offer, rule C3 in the core),
/// shown and changed on its own page like the period. Only a questionnaire written in Welsh and
/// English has a choice; the page says plainly when a translation has not been checked.
#[component]
fn LanguageForm(
    /// The collection.
    id: WorkId,
    /// Its questionnaire.
    definition: Arc<Definition>,
) -> impl IntoView {
    let state = AppState::expect();
    let available = LanguageOffer::available(&definition);
    let Some(signal) = state.work(&id) else {
        return ().into_any();
    };
    if available.len() < 2 {
        return ().into_any();
    }
    let stored = move || {
        signal.with(|h| {
            h.work
                .collection
                .as_ref()
                .map(|c| c.language_offer)
                .unwrap_or_default()
        })
    };
    // The radios keep what is chosen; only "Save the languages" reads it.
    let chosen = RwSignal::new(stored());
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let offer = chosen.get_untracked();
        state.change(&id, |w| {
            if let Some(collection) = w.collection.as_mut() {
                collection.language_offer = offer;
            }
        });
        saved.set(true);
    };
    // "The Welsh has not yet been checked by a Welsh speaker."
    let lang = state.page_lang;
    let unchecked = definition.unchecked_translations();
    let warning = move || {
        unchecked
            .iter()
            .map(|&translated| say::translation_unchecked(lang.get(), translated))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let offers_welsh = move || stored().offered(&definition).contains(&Lang::Cy);
    let options = available
        .into_iter()
        .map(|offer| {
            let input_id = format!("language-offer-{}", offer.code());
            view! {
                <div class="choice">
                    <input type="radio" id=input_id.clone() name="language-offer"
                        prop:checked=move || chosen.get() == offer
                        on:change=move |_| { saved.set(false); chosen.set(offer); } />
                    <label for=input_id>{move || say::language_offer(lang.get(), offer)}</label>
                </div>
            }
        })
        .collect_view();
    let warning_inside = warning.clone();
    let has_warning = !warning().is_empty();
    view! {
        <details class="period language-offer">
            <summary>{move || say::languages_are(lang.get(), stored())}</summary>
            <form class="form" on:submit=save novalidate>
                <fieldset class="question">
                    <legend>{move || say::languages_legend(lang.get())}</legend>
                    <p class="hint">{move || say::languages_hint(lang.get())}</p>
                    {has_warning.then(|| view! { <p class="hint translation-unchecked">{warning_inside.clone()}</p> })}
                    <div class="choices">{options}</div>
                </fieldset>
                <button type="submit" class="secondary">{move || say::save_languages(lang.get())}</button>
            </form>
            <div role="status">{move || saved.get().then(|| view! { <p>{say::languages_changed(lang.get())}</p> })}</div>
        </details>
        {move || (offers_welsh() && has_warning).then(|| view! {
            <p class="notice translation-unchecked">{warning.clone()}</p>
        })}
    }
    .into_any()
}
