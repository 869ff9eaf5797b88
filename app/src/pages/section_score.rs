//! What a section shows from scores: an audit section's score so far, as its answers change,
//! and, on a statement's section that draws on the latest leaders' audit, the current position
//! from it. Both need the core's scoring, so they are drawn by the part `score`
//! ([`crate::later::live_score`], [`crate::later::current_position`]) and a section's first
//! question never waits for scoring; [`room_for_score`] is drawn at once, in its place.

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::definition::{AnswerKind, Definition, Section};
use mhsw::ids::{SectionId, WorkId};
use mhsw::lang::Lang;
use mhsw::messages::audit as say;
use mhsw::messages::problems;
use mhsw::responses::Answer;

use crate::components::report_view::Marks;
use crate::route::Route;
use crate::state::AppState;

/// An audit section's score so far, drawn again as its answers change (the results page's
/// scoring), after the page's words; the score and its band's words are the definition's
/// (marked with its language where the page is in another).
pub fn live_score(id: WorkId, definition: Arc<Definition>, section: SectionId) -> AnyView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let Some(signal) = state.work(&id) else {
        return ().into_any();
    };
    let primary = definition.primary_language();
    let words = Memo::new(move |_| {
        let scores = signal.with(|h| mhsw::scoring::score(&definition, &h.work.responses));
        scores.section(&section).map(|s| match &s.score {
            Some(score) => (say::section_so_far(lang.get(), ""), score.label()),
            None => (
                say::section_nothing_yet(lang.get()).to_owned(),
                String::new(),
            ),
        })
    });
    (move || {
        words.get().map(|(words, score)| {
            let mark = (lang.get() != primary).then(|| primary.bcp47());
            view! { <p class="live-score" id="section-score">{words}<span lang=mark>{score}</span></p> }
        })
    })
    .into_any()
}

/// The room an audit section's score so far takes: its longest possible words (or why it is
/// not there, if that is longer), drawn unseen
/// and hidden from screen readers, in the same place as the score ([`live_score`]), so the
/// questions never move when the score comes or changes. A section of figures alone (a
/// workforce profile) is never scored (S18), so it says so here, at once.
pub fn room_for_score(definition: &Definition, section: &Section) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    let figures_only = figures_only(section);
    let longest = mhsw::scoring::longest_label(definition.bands_for(section));
    let words = move || {
        let lang = lang.get();
        if figures_only {
            return say::figures_not_scored(lang).to_owned();
        }
        // Whichever it may come to be: a score, nothing scorable, or why there is none.
        let scored = say::section_so_far(lang, &longest);
        [
            say::section_nothing_yet(lang),
            say::score_not_downloaded(lang),
        ]
        .into_iter()
        .fold(scored, |longest, words| {
            if words.chars().count() > longest.chars().count() {
                words.to_owned()
            } else {
                longest
            }
        })
    };
    view! { <p class="live-score" class:score-room=!figures_only aria-hidden=(!figures_only).then_some("true")>{words}</p> }
}

/// Whether a section asks only for figures, which are never scored (S18).
pub fn figures_only(section: &Section) -> bool {
    section
        .questions
        .iter()
        .all(|q| q.answer.number_rule().is_some())
}

/// On a statement's section that draws on an audit, the current position from the latest
/// leaders' audit of that questionnaire on this device (the core chooses the audit and words
/// the lines), with a button that copies it into the section's first long answer.
pub fn current_position(id: WorkId, section: Section) -> AnyView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let Some(prefill) = section.prefill_from.as_ref() else {
        return ().into_any();
    };
    let Some(definition) = untrack(|| state.questionnaire(&prefill.definition)) else {
        return ().into_any();
    };
    // Worded in each language, so a switch of language redraws it; the audit's own titles and
    // bands stay in its questionnaire's language where it has no other, and are marked so.
    let positions = state.with_all_works(|works| {
        let latest = mhsw::work::latest_leaders_audit(works.iter().copied(), &prefill.definition)?;
        let scores = mhsw::scoring::score(&definition, &latest.responses);
        Some(Lang::ALL.map(|in_lang| {
            let position = mhsw::report::statement::current_position(
                &definition,
                latest,
                &scores,
                prefill,
                in_lang,
            );
            let others = mhsw::report::audit::texts_not_in(&definition, in_lang);
            let marks = (!others.is_empty())
                .then(|| Marks::new(definition.primary_language(), Arc::new(others)));
            (position, marks.unwrap_or_default())
        }))
    });
    let Some(positions) = positions else {
        // The section's opening says the audit's results are shown here: say why they are not.
        return view! {
            <section class="notice" aria-labelledby="position-heading">
                <h2 id="position-heading">{move || say::no_audit_heading(lang.get())}</h2>
                <p>{move || say::no_audit_text(lang.get())}</p>
                <p><a href=Route::Home.href()>{move || problems::go_home(lang.get())}</a></p>
            </section>
        }
        .into_any();
    };
    let positions = Arc::new(positions);
    let in_page_lang = {
        let positions = Arc::clone(&positions);
        move || {
            let lang = lang.get();
            let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
            positions[index].clone()
        }
    };
    let (name, date, unfinished) = {
        let (position, _) = &positions[0];
        (
            position.work_name.clone(),
            position.date,
            position.unfinished,
        )
    };
    let unfinished = unfinished.map(|(answered, rated)| {
        view! { <p>{move || say::current_position_unfinished(lang.get(), answered, rated)}</p> }
    });
    let first_long_text = section
        .questions
        .iter()
        .find(|q| matches!(q.answer, AnswerKind::LongText { .. }))
        .map(|q| q.id.clone());
    let lines = {
        let in_page_lang = in_page_lang.clone();
        move || {
            let (position, marks) = in_page_lang();
            position
                .lines
                .iter()
                .map(|line| view! { <li>{marks.words(line)}</li> })
                .collect_view()
        }
    };
    // What the last press did, said beside the button (the box may be out of sight): copied,
    // or already there.
    let copied = RwSignal::new(None::<bool>);
    let copy = first_long_text.map(|target| {
        view! {
            <button type="button" class="secondary" on:click=move |_| {
                let target = target.clone();
                // In the page's language, as the lines above it.
                let summary = in_page_lang().0.summary();
                let there = state.work(&id).is_some_and(|s| s.with_untracked(|h| {
                    matches!(h.work.responses.answer(&target), Some(Answer::Text(t)) if t.contains(&summary))
                }));
                copied.set(Some(!there));
                // Pressed again (or double-clicked): it is there already.
                if there {
                    return;
                }
                state.change(&id, move |w| {
                    let mut item = w.responses.item(&target).cloned().unwrap_or_default();
                    let text = match &item.answer {
                        Some(Answer::Text(existing)) => format!("{existing}\n\n{summary}"),
                        _ => summary,
                    };
                    item.answer = Some(Answer::Text(text));
                    w.responses.set(target, item);
                });
            }>{move || say::copy_current_position(lang.get())}</button>
            <p role="status" class="hint">{move || copied.get().map(|done| if done { say::position_copied(lang.get()) } else { say::position_already_copied(lang.get()) })}</p>
        }
    });
    view! {
        <section class="notice" aria-labelledby="position-heading">
            <h2 id="position-heading">{move || say::current_position_heading(lang.get())}</h2>
            <p>{move || say::current_position_from(lang.get(), &name, date)}</p>
            <ul>{lines}</ul>
            {unfinished}
            {copy}
        </section>
    }
    .into_any()
}
