//! One section of a piece of work: its introduction and questions, an error summary when a
//! required answer is missing, and the way on to the next section.

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::definition::{Definition, Section};
use mhsw::ids::{SectionId, WorkId};
use mhsw::messages::{audit as say, frame};
use mhsw::responses::ItemResponse;

use super::section_score;
use crate::components::error_summary::{ErrorSummary, FieldError};
use crate::components::layout::when_ready;
use crate::components::question_field::{field_id, Problems, QuestionField, TypedProblems};
use crate::edges::{history, timing};
use crate::later;
use crate::route::Route;
use crate::state::AppState;

/// One section's page.
#[component]
pub fn SectionPage(
    /// The work's id.
    id: WorkId,
    /// The section's id.
    section_id: SectionId,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let (signal, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let Some(section) = definition.section(&section_id).cloned() else {
        return view! { <h1>{move || say::section_not_found(lang.get())}</h1><p><a href=Route::Work(id).href()>{move || say::back_to_contents(lang.get())}</a></p> }.into_any();
    };
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // What the boxes hold that they do not accept (a figure such as `1,200` or `abc`): the page
    // does not move on past them.
    let problems: TypedProblems = RwSignal::new(Default::default());
    let easy_read = RwSignal::new(false);
    let has_easy_read = section.questions.iter().any(|q| q.easy_read.is_some());

    // The next shown section, worked out when the user moves on (answers may change which show).
    let definition_for_next = definition.clone();
    let section_for_next = section.clone();
    let id_for_next = id.clone();
    let next = move |_| {
        let lang = lang.get_untracked();
        let found = signal.with_untracked(|h| {
            let missing = h
                .work
                .responses
                .missing_required(&definition_for_next, &section_for_next);
            problems.with_untracked(|problems| {
                section_problems(&section_for_next, &missing, problems, lang)
            })
        });
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        let next_section = signal.with_untracked(|h| {
            definition_for_next
                .sections
                .iter()
                .skip_while(|s| s.id != section_for_next.id)
                .skip(1)
                .find(|s| h.work.responses.section_shown(&definition_for_next, s))
                .map(|s| s.id.clone())
        });
        history::go(&match next_section {
            Some(next) => Route::Section(id_for_next.clone(), next),
            None => Route::Work(id_for_next.clone()),
        });
    };

    // The questions shown, by id: it changes only when an answer shows or hides a question, so
    // a field is never re-created (and a box never loses what is being typed) as answers change.
    // One copy of the section's questions, shared by the memo, each field and the errors.
    let questions = std::sync::Arc::new(section.questions.clone());
    let questions_for_shown = questions.clone();
    let definition_for_shown = definition.clone();
    let shown = Memo::new(move |_| {
        signal.with(|h| {
            questions_for_shown
                .iter()
                .filter(|q| h.work.responses.question_shown(&definition_for_shown, q))
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let definition_for_questions = definition.clone();
    let id_for_questions = id.clone();
    let section_for_errors = Arc::new(section.clone());
    // Each question is drawn in the page's language: a switch draws them again from what is
    // stored (every key press is in the work already), so nothing typed is lost.
    let question_view = move |(qid, (page_lang, shown_lang)): (
        mhsw::ids::QuestionId,
        (mhsw::lang::Lang, mhsw::lang::Lang),
    )| {
        let question = questions.iter().find(|q| q.id == qid)?.clone();
        let qid_for_item = qid.clone();
        let item = Signal::derive(move || {
            signal.with(|h| {
                h.work
                    .responses
                    .item(&qid_for_item)
                    .cloned()
                    .unwrap_or_default()
            })
        });
        let work_id = id_for_questions.clone();
        let (definition_for_errors, section_for_errors) =
            (definition_for_questions.clone(), section_for_errors.clone());
        let on_change = Callback::new(move |next: ItemResponse| {
            let qid = qid.clone();
            state.change(&work_id, move |w| w.responses.set(qid, next));
            if !errors.with_untracked(Vec::is_empty) {
                // An error stays until its question is answered, or its box holds what it
                // accepts, with its words as they are now: the summary is worked out again,
                // keeping only the problems it listed (never adding one while the person types).
                let now = signal.with_untracked(|h| {
                    let missing = h
                        .work
                        .responses
                        .missing_required(&definition_for_errors, &section_for_errors);
                    problems.with_untracked(|problems| {
                        section_problems(
                            &section_for_errors,
                            &missing,
                            problems,
                            lang.get_untracked(),
                        )
                    })
                });
                errors.update(|listed| {
                    *listed = now
                        .into_iter()
                        .filter(|e| listed.iter().any(|l| l.field_id == e.field_id))
                        .collect();
                });
            }
        });
        let field = field_id(&question);
        let error = Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field_id == field)
                    .map(|_| say::answer_to_continue(lang.get()).to_owned())
            })
        });
        Some(view! {
            <QuestionField definition=definition_for_questions.clone() question=question item=item on_change=on_change easy_read=easy_read error=error lang=page_lang content=shown_lang problems=problems />
        })
    };
    // The questions, with their scales' options, are shown in the page's language where this
    // section is given in it (all of a bilingual questionnaire, or a part given in Welsh, such
    // as the self-assessment's Wales section), else all in the questionnaire's own language: an
    // English question never comes with Welsh options because its scale has them elsewhere.
    let primary = definition.primary_language();
    let section_langs = definition.languages_of_section(&section.id);
    let content_lang = move |page: mhsw::lang::Lang| {
        if section_langs.contains(&page) {
            page
        } else {
            primary
        }
    };
    // "Section 2 of 16" counts the sections shown, as the contents list them: a section that
    // answers hide (the Wales section, for an organisation in England only) is not counted,
    // and one opened while hidden has no place to give.
    let definition_for_count = definition.clone();
    let section_for_count = section.id.clone();
    let count = Memo::new(move |_| {
        signal.with(|h| {
            let shown: Vec<_> = definition_for_count
                .sections
                .iter()
                .filter(|s| h.work.responses.section_shown(&definition_for_count, s))
                .collect();
            let position = shown.iter().position(|s| s.id == section_for_count)?;
            Some((position + 1, shown.len()))
        })
    });
    // `make bench` times a saved audit's first question from this mark (the first section
    // page of a page load; later ones leave it as it is).
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(form) = form.get() {
            timing::mark_when_usable(form.into(), "mhsw:first-question");
        }
    });
    let header = view! {
        <p class="breadcrumb">
            <a href=Route::Home.href()>{move || frame::home(lang.get())}</a>" › "
            <a href=Route::Work(id.clone()).href()>{move || signal.with(|h| h.work.name.clone())}</a>
        </p>
        <ErrorSummary errors=errors />
        {move || count.get().map(|(position, total)| view! { <p class="section-count">{say::section_of(lang.get(), position, total)}</p> })}
        {let title = section.title.clone(); move || { let (text, mark) = super::in_lang(&title, lang.get()); view! { <h1 lang=mark>{text}</h1> } }}
        {let intro = section.intro.clone(); move || { let (text, mark) = super::in_lang(&intro, lang.get()); view! { <p class="section-intro" lang=mark>{text}</p> } }}
    };
    // A section that shows the current position from the latest audit waits for the part
    // `score` before its questions are drawn: they are answered from that position, and a box
    // that size cannot be given room in advance. Its heading and introduction are drawn at
    // once (focus goes to the heading, as on every page), with "Please wait…" below them.
    let waits = section.prefill_from.is_some() && later::score_part_asked() != Some(true);
    let body = move || {
        view! {
            {scores(id.clone(), definition.clone(), &section)}
            {has_easy_read.then(|| view! {
                <div class="choice toggle">
                    <input type="checkbox" id="easy-read" prop:checked=move || easy_read.get() on:change=move |ev| easy_read.set(event_target_checked(&ev)) />
                    <label for="easy-read">{move || say::show_easy_read(lang.get())}</label>
                </div>
            })}
            <form class="section-form" node_ref=form on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default() novalidate>
                <For each=move || { let page = lang.get(); let langs = (page, content_lang(page)); shown.get().into_iter().map(|qid| (qid, langs)).collect::<Vec<_>>() } key=|pair| pair.clone() children=question_view />
                <div class="button-row">
                    <button type="button" on:click=next>{move || say::save_and_continue(lang.get())}</button>
                    <a class="button secondary" href=Route::Work(id.clone()).href()>{move || say::back_to_contents(lang.get())}</a>
                </div>
            </form>
        }
        .into_any()
    };
    let waiting = RwSignal::new(waits);
    let please_wait = move || {
        waiting
            .get()
            .then(|| view! { <p role="status">{move || frame::please_wait(lang.get())}</p> })
    };
    let body = if waits {
        when_ready(Box::pin(async move {
            later::fetch_score_part().await;
            waiting.set(false);
            body()
        }))
        .into_any()
    } else {
        body()
    };
    (header, please_wait, body).into_any()
}

/// What stops a section's page moving on, in the order of its questions: each box holding what
/// it does not accept (`problems`, by field id: an answer's box, or a note holding more than it
/// keeps), with the question and the problem, and each required question left unanswered
/// (`missing`).
fn section_problems(
    section: &Section,
    missing: &[&mhsw::definition::Question],
    problems: &Problems,
    lang: mhsw::lang::Lang,
) -> Vec<FieldError> {
    section
        .questions
        .iter()
        .flat_map(|q| {
            let field = field_id(q);
            let text = q.text.get(lang).trim();
            // "Is it regular: …", "Do you employ AMHPs? …": a closing full stop gives way.
            let about = move |problem: &String| match text.strip_suffix('.') {
                _ if text.ends_with('?') => format!("{text} {problem}"),
                Some(sentence) => format!("{sentence}: {problem}"),
                None => format!("{text}: {problem}"),
            };
            let answer = match problems.get(&field) {
                Some(problem) => Some(about(problem)),
                None if missing.iter().any(|m| m.id == q.id) => {
                    Some(say::answer_question(lang, text))
                }
                None => None,
            };
            // Then its notes (evidence, comment) holding more than they keep.
            let notes = ["evidence", "comment"].map(|note| {
                let id = format!("{field}-{note}");
                problems.get(&id).map(|problem| (id, about(problem)))
            });
            answer
                .map(|message| (field, message))
                .into_iter()
                .chain(notes.into_iter().flatten())
                .map(|(field_id, message)| FieldError { field_id, message })
        })
        .collect()
}

/// What a section shows from scores ([`super::section_score`]): an audit section's score so
/// far, in the room kept for it, and a statement's current position. Both come from the part
/// `score`. On the first section a page load draws, it is fetched once the first question is
/// drawn, so the two never share the connection. (A section that shows the current position
/// waits for the part before it is drawn: [`SectionPage`].)
fn scores(id: WorkId, definition: Arc<Definition>, section: &Section) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    let is_audit = definition.kind == mhsw::definition::ToolKind::Audit;
    let line = is_audit.then(|| {
        let room = section_score::room_for_score(&definition, section);
        let live = (!section_score::figures_only(section)).then(|| {
            let (id, definition, section) = (id.clone(), definition.clone(), section.id.clone());
            when_ready(Box::pin(async move {
                if later::score_part_asked().is_none() {
                    later::next_frame().await;
                    later::next_frame().await;
                }
                later::fetch_score_part().await;
                let drawn = later::live_score(id, definition, section).await;
                // Why there is no score, in words short enough for the room kept for it.
                drawn.unwrap_or_else(|_| {
                    view! { <p class="live-score" role="status">{move || say::score_not_downloaded(lang.get())}</p> }
                        .into_any()
                })
            }))
        });
        view! { <div class="score-line">{room}{live}</div> }
    });
    // The page waited for the part before drawing this: if it did not come, that is said at
    // once, with the questions, and never after them.
    let position = section.prefill_from.is_some().then(|| match later::score_part_asked() {
        Some(true) => {
            let section = section.clone();
            when_ready(Box::pin(async move {
                let drawn = later::current_position(id, section).await;
                drawn.unwrap_or_else(|_| ().into_any())
            }))
            .into_any()
        }
        _ => view! { <p class="notice notice-warning" role="status">{move || later::NotDownloaded.in_lang(lang.get())}"."</p> }
            .into_any(),
    });
    (line, position)
}
