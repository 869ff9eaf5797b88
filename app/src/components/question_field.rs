//! `QuestionField` renders one `Question` as native, labelled controls: radios or checkboxes in a
//! fieldset with a legend, or a labelled text box or date, with its hint, error, and (for
//! audits) evidence, comment and priority.
//!
//! The question kind is matched here once, for rendering. Data comes down as signals; every
//! change goes up through `on_change` as a whole new `ItemResponse`.

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::date::Date;
use mhsw::definition::{
    AnswerKind, Definition, Question, ScaleOption, LONG_TEXT_MAX, SHORT_TEXT_MAX,
};
use mhsw::ids::OptionValue;
use mhsw::lang::Lang;
use mhsw::limits::{fits, NOTE_MAX_CHARS};
use mhsw::messages;
use mhsw::responses::{Answer, ItemResponse, Priority};

use crate::components::character_count::CharacterCount;
use crate::edges::history;
use crate::edges::text_box::shows;

/// The element id of a question's first control, for links from the error summary.
pub fn field_id(question: &Question) -> String {
    format!("q-{}", question.id)
}

/// One question with its controls.
#[component]
pub fn QuestionField(
    /// The definition the question belongs to (for its scales and what it collects).
    definition: Arc<Definition>,
    /// The question to render.
    question: Question,
    /// What is recorded for it now.
    #[prop(into)]
    item: Signal<ItemResponse>,
    /// Called with the whole new record whenever anything changes.
    on_change: Callback<ItemResponse>,
    /// Show the easy-read wording.
    #[prop(into)]
    easy_read: Signal<bool>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Offer evidence, comment and priority boxes (audits).
    #[prop(default = true)]
    with_notes: bool,
    /// The language to show the question and its own buttons in (collection mode); without it,
    /// the definition's primary language and English buttons.
    #[prop(optional)]
    lang: Option<Lang>,
    /// The language to show the questionnaire's own words in when it is not `lang`: a section
    /// the questionnaire does not give in the page's language is shown all in its own.
    #[prop(optional)]
    content: Option<Lang>,
    /// Where a page that checks its boxes before moving on learns what a box holds that is
    /// not an answer it accepts: this field's problem under its id, in words, while it lasts.
    #[prop(optional)]
    problems: Option<TypedProblems>,
) -> impl IntoView {
    let id = field_id(&question);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let shown = content
        .or(lang)
        .unwrap_or_else(|| definition.primary_language());
    let interface = lang.unwrap_or(Lang::En);
    let text = question.text.get(shown).to_owned();
    // Where the question is read in another language than the page's, its element says so, so
    // a screen reader reads it in the right voice.
    let content_lang = {
        let actual = question.text.language_for(shown);
        (lang.is_some() && actual != interface).then(|| actual.bcp47())
    };
    let easy = question.easy_read.as_ref().map(|t| t.get(shown).to_owned());
    let wording = move || match (&easy, easy_read.get()) {
        (Some(easy), true) => easy.clone(),
        _ => text.clone(),
    };
    // What a number box holds that is not a number it accepts, in words; it is shown before
    // any error from the page, since it is about what is in the box now.
    let typing_error = RwSignal::new(None::<String>);
    // A date box holding part of a date (see the date's control).
    let date_unfinished = RwSignal::new(false);
    // The page's list of boxes holding what they cannot save (it stops "Save and continue").
    let note_problem = {
        let id = id.clone();
        move |problem: Option<String>| {
            if let Some(problems) = problems {
                problems.update(|all| match problem {
                    Some(message) => {
                        all.insert(id.clone(), message);
                    }
                    None => {
                        all.remove(&id);
                    }
                });
            }
        }
    };
    // That, and the problem said under the box.
    let report_problem = {
        let note_problem = note_problem.clone();
        move |problem: Option<String>| {
            note_problem(problem.clone());
            typing_error.set(problem);
        }
    };
    // A field no longer drawn (its question hidden by another answer) stops nothing.
    if let Some(problems) = problems {
        let id = id.clone();
        on_cleanup(move || {
            // The page may be gone with it, its problems too.
            let _ = problems.try_update(|all| all.remove(&id));
        });
    }
    let number_rule = question.answer.number_rule();
    let range_id = format!("{id}-range");
    let unit_id = format!("{id}-unit");
    let error = Signal::derive(move || typing_error.get().or_else(|| error.get()));
    let described_by = {
        let mut fixed: Vec<String> = question
            .help
            .as_ref()
            .map(|_| hint_id.clone())
            .into_iter()
            .collect();
        if number_rule.is_some() {
            fixed.push(range_id.clone());
            fixed.push(unit_id.clone());
        }
        let error_id = error_id.clone();
        move || {
            let mut ids = fixed.clone();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let hint = question
        .help
        .as_ref()
        .map(|help| help.get(shown).to_owned())
        .map(|help| view! { <p class="hint" id=hint_id.clone()>{help}</p> });
    let range_hint =
        number_rule.map(|rule| view! { <p class="hint" id=range_id.clone()>{messages::audit::number_hint(interface, &rule)}</p> });
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error.get().map(|message| view! { <p class="field-error" id=error_id.clone()><span class="visually-hidden">{messages::audit::error_prefix(interface)}</span>{message}</p> })
        }
    };
    let required = question.required;
    let legend_extra = move || {
        if required {
            messages::required(interface)
        } else {
            ""
        }
    };

    let set_answer = move |answer: Option<Answer>| {
        let mut next = item.get_untracked();
        next.answer = answer;
        on_change.run(next);
    };

    let control = match (&question.answer, definition.options_of(&question)) {
        (AnswerKind::MultipleChoice { .. }, Some(list)) => {
            let options: Vec<ScaleOption> = list.options.to_vec();
            let chosen = move |value: &OptionValue| {
                item.with(|i| matches!(&i.answer, Some(Answer::Choices(values)) if values.contains(value)))
            };
            options
                .into_iter()
                .enumerate()
                .map(|(index, option)| {
                    let input_id = if index == 0 { id.clone() } else { format!("{id}-{index}") };
                    let value = option.value.clone();
                    let value_for_check = value.clone();
                    let label = option.label.get(shown).to_owned();
                    let easy_label = option.easy_read.as_ref().map(|t| t.get(shown).to_owned());
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone() name=id.clone()
                                prop:checked=move || chosen(&value_for_check)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut values = match item.get_untracked().answer {
                                        Some(Answer::Choices(values)) => values,
                                        _ => Vec::new(),
                                    };
                                    values.retain(|v| v != &value);
                                    if on { values.push(value.clone()); }
                                    // Unticking the last box leaves no answer, not an empty one.
                                    set_answer((!values.is_empty()).then_some(Answer::Choices(values)));
                                } />
                            <label for=input_id>{move || match (&easy_label, easy_read.get()) { (Some(e), true) => e.clone(), _ => label.clone() }}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        (_, Some(list)) => {
            let options: Vec<ScaleOption> = list.options.to_vec();
            options
                .into_iter()
                .enumerate()
                .map(|(index, option)| {
                    let input_id = if index == 0 { id.clone() } else { format!("{id}-{index}") };
                    let value = option.value.clone();
                    let value_for_check = value.clone();
                    let label = option.label.get(shown).to_owned();
                    let easy_label = option.easy_read.as_ref().map(|t| t.get(shown).to_owned());
                    let description = option.description.as_ref().map(|t| t.get(shown).to_owned());
                    let special = option.special.is_some();
                    view! {
                        <div class="choice" class:choice-special=special>
                            <input type="radio" id=input_id.clone() name=id.clone()
                                prop:checked=move || item.with(|i| matches!(&i.answer, Some(Answer::Choice(v)) if *v == value_for_check))
                                on:change=move |_| set_answer(Some(Answer::Choice(value.clone()))) />
                            <label for=input_id>
                                {move || match (&easy_label, easy_read.get()) { (Some(e), true) => e.clone(), _ => label.clone() }}
                                {description.clone().map(|d| view! { <span class="choice-description">{d}</span> })}
                            </label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        (AnswerKind::ShortText { max_length }, None) => {
            let limit = max_length.unwrap_or(SHORT_TEXT_MAX).min(SHORT_TEXT_MAX);
            view! {
                <input type="text" class="text-input" id=id.clone() maxlength=limit.to_string()
                    aria-describedby=described_by.clone()
                    use:shows=Callback::new(move |typed| shown_text(Some(typed), item.with(|i| stored_answer_text(i).map(str::to_owned)), limit as usize))
                    on:input=move |ev| set_answer(optional_text(event_target_value(&ev)).map(Answer::Text)) />
            }
            .into_any()
        }
        (AnswerKind::LongText { max_length }, None) => {
            let limit = max_length.unwrap_or(LONG_TEXT_MAX).min(LONG_TEXT_MAX);
            view! {
                <textarea class="text-area" id=id.clone() rows="6" maxlength=limit.to_string()
                    aria-describedby=described_by.clone()
                    use:shows=Callback::new(move |typed| shown_text(Some(typed), item.with(|i| stored_answer_text(i).map(str::to_owned)), limit as usize))
                    on:input=move |ev| set_answer(optional_text(event_target_value(&ev)).map(Answer::Text))></textarea>
            }
            .into_any()
        }
        (AnswerKind::Number { unit, .. }, None) => {
            let before_edit = StoredValue::new(item.with_untracked(stored_number));
            let report_problem = report_problem.clone();
            let rule = number_rule.unwrap_or(mhsw::number::NumberRule { min: 0, max: 0, decimals: 0 });
            let unit = unit.get(shown).to_owned();
            view! {
                <div class="number-field">
                    <input type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                        class="text-input number-input" id=id.clone()
                        aria-describedby=described_by.clone()
                        aria-invalid=move || if typing_error.with(Option::is_some) { "true" } else { "false" }
                        use:shows=Callback::new(move |typed: String| shown_number(&typed, item.with(stored_number), rule, typing_error.with(Option::is_some)))
                        on:focus=move |_| before_edit.set_value(item.with_untracked(stored_number))
                        on:input=move |ev| match rule.read(&event_target_value(&ev)) {
                            // The answer first, then the error goes: the box is never rewritten
                            // in between (see `shown_number`).
                            Ok(value) => {
                                set_answer(value.map(Answer::Number));
                                report_problem(None);
                            }
                            // The box keeps what was typed, and what is saved is the figure
                            // from before this edit began, never one typed halfway (`1,20` on
                            // the way to `1,200` would be 1.2), until the box holds a number.
                            Err(problem) => {
                                report_problem(Some(messages::audit::number_problem(interface, &problem, &rule)));
                                set_answer(before_edit.get_value().map(Answer::Number));
                            }
                        } />
                    <span class="number-unit" id=unit_id.clone()>{unit}</span>
                </div>
                {move || typing_error.with(Option::is_some).then(|| item.with(stored_number)).flatten().map(|kept| view! {
                    <p class="hint number-kept">{messages::audit::number_still_saved(interface, &kept)}</p>
                })}
            }
            .into_any()
        }
        (AnswerKind::Date {}, None) => {
            // The date from before this edit began is what stays saved while the box holds no
            // whole date (a year of 0002 on the way to 2026, a day taken out to be typed
            // again); the box is never emptied under the person (found by a tester on 7
            // December 2026: typing a year wiped the date).
            let before_edit = StoredValue::new(None::<Date>);
            let note_problem = note_problem.clone();
            let report_problem = report_problem.clone();
            // While the box holds part of a date, closing or reloading the page asks first, as
            // for any change not stored; leaving the page within the app lets it go.
            let hold = crate::state::hold_while_drawn(&format!("{id}#date"));
            let report_on_leaving = report_problem.clone();
            // A picker, autofill or assistive technology may set the value and send only
            // `change`; typing sends `input`. Both are taken the same way.
            let take = move |ev: web_sys::Event| {
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                let typed = input.value();
                match typed.parse::<Date>() {
                    Ok(date) => {
                        set_answer(Some(Answer::Date(date)));
                        date_unfinished.set(false);
                        hold(None);
                        report_problem(None);
                    }
                    // Emptied, every part of it: no date.
                    Err(_) if typed.is_empty() && !input.validity().bad_input() => {
                        set_answer(None);
                        date_unfinished.set(false);
                        hold(None);
                        report_problem(None);
                    }
                    // Part of a date: it stops "Save and continue" at once, and is
                    // said under the box once the person leaves it.
                    Err(_) => {
                        date_unfinished.set(true);
                        hold(Some(typed));
                        note_problem(Some(messages::audit::date_unfinished(interface).to_owned()));
                        set_answer(before_edit.get_value().map(Answer::Date));
                    }
                }
            };
            view! {
                <input type="date" class="date-input" id=id.clone() min=mhsw::date::EARLIEST max=mhsw::date::LATEST
                    aria-describedby=described_by.clone()
                    aria-invalid=move || if typing_error.with(Option::is_some) { "true" } else { "false" }
                    use:shows=Callback::new(move |typed: String| {
                        if date_unfinished.get() {
                            typed
                        } else {
                            item.with(stored_date).map(|d| d.to_string()).unwrap_or_default()
                        }
                    })
                    on:focus=move |_| before_edit.set_value(item.with_untracked(stored_date))
                    on:input=take.clone()
                    on:change=take
                    on:blur=move |_| if date_unfinished.get_untracked() {
                        report_on_leaving(Some(messages::audit::date_unfinished(interface).to_owned()));
                    } />
            }
            .into_any()
        }
        (_, None) => view! { <p class="field-error">"This question’s scale is missing from the questionnaire."</p> }.into_any(),
    };

    // A chosen option, a date or a figure can be taken back with a button. Written answers
    // cannot: a press took a paragraph away at once, beyond the box's own undo (found by a
    // tester on 7 December 2026); the text is deleted as in any text box, and undone there.
    let written = matches!(
        question.answer,
        AnswerKind::ShortText { .. } | AnswerKind::LongText { .. }
    );
    let answered = Memo::new(move |_| !written && item.with(|i| i.answer.is_some()));
    let clear = {
        let first_control = id.clone();
        let question_text = question.text.get(shown).to_owned();
        let clear_problem = report_problem.clone();
        move || {
            answered.get().then(|| {
                let clear_problem = clear_problem.clone();
                let first_control = first_control.clone();
                view! {
                    <p class="clear-answer">
                        <button type="button" class="link-button" on:click=move |_| {
                            // A figure the box held that was not a number goes with the answer,
                            // and so does part of a date.
                            clear_problem(None);
                            date_unfinished.set(false);
                            set_answer(None);
                            history::focus_id(&first_control);
                        }>{messages::clear_answer(interface)}<span class="visually-hidden">{format!(": {question_text}")}</span></button>
                    </p>
                }
            })
        }
    };

    let grouped = definition.options_of(&question).is_some();
    // Evidence, comment and priority belong to scored items; context questions do not need them.
    let scored = definition
        .options_of(&question)
        .and_then(|list| list.max_points())
        .is_some();
    let notes = (with_notes && scored && (definition.collect.evidence || definition.collect.comments || definition.collect.priority))
        .then(|| view! { <ItemNotes definition=definition.clone() question=question.clone() item=item on_change=on_change interface=interface shown=shown problems=problems /> });

    let body = if grouped {
        view! {
            <fieldset class="question" aria-describedby=described_by>
                <legend class="question-text"><span lang=content_lang>{wording}</span>{legend_extra}</legend>
                <div lang=content_lang>{hint}</div>
                {error_view}
                <div class="choices" lang=content_lang>{control}</div>
                {clear}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class="question">
                <label class="question-text" for=id.clone()><span lang=content_lang>{wording}</span>{legend_extra}</label>
                <div lang=content_lang>{hint}</div>
                {range_hint}
                // A number's error comes while typing, so it is announced as it changes.
                <div aria-live=if number_rule.is_some() { Some("polite") } else { None }>{error_view}</div>
                {control}
                {clear}
            </div>
        }
        .into_any()
    };
    view! {
        <div class="question-block" class:has-error=move || error.with(Option::is_some)>
            {body}
            {notes}
        </div>
    }
}

/// What is kept for text typed in a box: the text exactly as typed, or nothing when it is blank
/// ("no answer" is the absence of an answer, never an empty string).
fn optional_text(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// The stored answer's text, for a text question.
fn stored_answer_text(item: &ItemResponse) -> Option<&str> {
    match &item.answer {
        Some(Answer::Text(text)) => Some(text),
        _ => None,
    }
}

/// What a text box shows. The box keeps the person's own text (`typed`, what it holds now) as
/// long as that means what is stored, so it is never rewritten under the cursor: not when the
/// text is blank (stored as no answer), nor for spaces at either end. When the stored text
/// changed from elsewhere (copied in, imported), the box shows that instead.
fn shown_text(typed: Option<String>, stored: Option<String>, limit: usize) -> String {
    match typed {
        // What is typed is kept when it is what is stored, and when it is over its limit (it was
        // not saved, and the count beside it says so): the box never rewrites it.
        Some(typed) if optional_text(typed.clone()) == stored || !fits(&typed, limit) => typed,
        _ => stored.unwrap_or_default(),
    }
}

/// The stored answer's figure, for a number question.
fn stored_date(item: &ItemResponse) -> Option<Date> {
    match &item.answer {
        Some(Answer::Date(date)) => Some(*date),
        _ => None,
    }
}

fn stored_number(item: &ItemResponse) -> Option<mhsw::number::Decimal> {
    match &item.answer {
        Some(Answer::Number(value)) => Some(*value),
        _ => None,
    }
}

/// What a number box shows. As with text ([`shown_text`]), the box keeps the person's own
/// `typed` figure, so it is never rewritten under the cursor: while it reads as what is stored
/// (`12,5` for a stored 12.5, or `12.` halfway through typing), and while it is not a number
/// the question accepts and its error (`refused`) is shown (the figure from before the edit
/// stays stored). When the stored figure changed from elsewhere (cleared, imported), the box
/// shows that, written with a full stop.
fn shown_number(
    typed: &str,
    stored: Option<mhsw::number::Decimal>,
    rule: mhsw::number::NumberRule,
    refused: bool,
) -> String {
    match rule.read(typed) {
        Ok(value) if value == stored => typed.to_owned(),
        Err(_) if refused => typed.to_owned(),
        _ => stored.map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// What the boxes of a page hold that is not an answer they accept, by field id: the problem
/// in words, while the box holds it.
pub type TypedProblems = RwSignal<Problems>;

/// Problems by field id. A list, not a map: a page has a few at a time, and the map's code
/// would be downloaded before the first question for nothing (a `BTreeMap` of strings is
/// about 1 kB of the section's pack; measured 7 December 2026).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems(Vec<(String, String)>);

impl Problems {
    /// Sets the problem of the field `id`, replacing any it had.
    pub fn insert(&mut self, id: String, problem: String) {
        match self.0.iter_mut().find(|(field, _)| *field == id) {
            Some((_, said)) => *said = problem,
            None => self.0.push((id, problem)),
        }
    }

    /// Takes away the problem of the field `id`, if it has one.
    pub fn remove(&mut self, id: &str) -> Option<String> {
        let at = self.0.iter().position(|(field, _)| field == id)?;
        Some(self.0.swap_remove(at).1)
    }

    /// The problem of the field `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<&String> {
        self.0
            .iter()
            .find(|(field, _)| field == id)
            .map(|(_, problem)| problem)
    }
}

/// One item's note box (its evidence or a comment). The box keeps the person's typing as
/// [`shown_text`] says and stores what fits; the count is of what the box shows, so it follows
/// a note changed from elsewhere (another tab's save, "use the other tab's version") too.
#[component]
fn NoteBox(
    /// The box's id; its count's is this followed by `-count`, its hint's by `-hint`.
    id: String,
    /// The box's label.
    label: &'static str,
    /// The hint under the label, with its language where that is not the page's.
    hint: Option<(String, Option<&'static str>)>,
    /// The box's height in lines.
    rows: u8,
    /// The note as stored.
    stored: Signal<Option<String>>,
    /// Stores a note (`None`: no note).
    on_note: Callback<Option<String>>,
    /// The language of the box's own words.
    interface: Lang,
    /// Where the page learns that the box holds more than it keeps (see [`QuestionField`]).
    problems: Option<TypedProblems>,
) -> impl IntoView {
    // A note over its limit is held while the page is away (a link, Back), and shown again on
    // return; closing or reloading the page has the browser ask first (found by a tester on 7
    // December 2026: the pasted text was gone on return, without a word).
    let held_as = crate::state::held_key(&id);
    let held = crate::state::unkept(&held_as);
    let typed = RwSignal::new(
        held.clone()
            .unwrap_or_else(|| stored.get_untracked().unwrap_or_default()),
    );
    // Over the limit, the box's text is not saved, and a page that checks its boxes does not
    // move on past it (the page would otherwise leave with the text unsaved and say nothing).
    let report = {
        let id = id.clone();
        move |text: &str| {
            let Some(problems) = problems else { return };
            let problem = (!fits(text, NOTE_MAX_CHARS)).then(|| {
                format!(
                    "{label}: {}",
                    mhsw::limits::characters_left_in(interface, text, NOTE_MAX_CHARS)
                )
            });
            problems.update(|all| match problem {
                Some(problem) => {
                    all.insert(id.clone(), problem);
                }
                None => {
                    all.remove(&id);
                }
            });
        }
    };
    if let Some(problems) = problems {
        let id = id.clone();
        on_cleanup(move || {
            let _ = problems.try_update(|all| all.remove(&id));
        });
    }
    if let Some(held) = &held {
        report(held);
    }
    let counted =
        Signal::derive(move || shown_text(Some(typed.get()), stored.get(), NOTE_MAX_CHARS));
    let described = match &hint {
        Some(_) => format!("{id}-hint {id}-count"),
        None => format!("{id}-count"),
    };
    let hint = hint.map(|(text, lang)| {
        view! { <p class="hint" id=format!("{id}-hint") lang=lang>{text}</p> }
    });
    view! {
        <div class="note-field">
            <label for=id.clone()>{label}</label>
            {hint}
            <textarea id=id.clone() rows=rows class="text-area" aria-describedby=described
                // A box drawn empty shows the note held for it, if any.
                use:shows=Callback::new(move |now: String| {
                    let now = if now.is_empty() { typed.get_untracked() } else { now };
                    shown_text(Some(now), stored.get(), NOTE_MAX_CHARS)
                })
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    typed.set(text.clone());
                    report(&text);
                    // Over the limit, the text stays on screen with the count, unsaved.
                    if fits(&text, NOTE_MAX_CHARS) {
                        crate::state::hold_unkept(&held_as, None);
                        on_note.run(optional_text(text));
                    } else {
                        crate::state::hold_unkept(&held_as, Some(text));
                    }
                }></textarea>
            <CharacterCount id=format!("{id}-count") text=counted limit=NOTE_MAX_CHARS />
        </div>
    }
}

/// Evidence, comment and priority for one item.
#[component]
fn ItemNotes(
    /// The definition (what it collects).
    definition: Arc<Definition>,
    /// The question the notes belong to.
    question: Question,
    /// What is recorded now.
    item: Signal<ItemResponse>,
    /// Called with the whole new record.
    on_change: Callback<ItemResponse>,
    /// The language of the boxes' own words.
    interface: Lang,
    /// The language the question itself is shown in.
    shown: Lang,
    /// Where the page learns what the boxes hold that they do not keep.
    problems: Option<TypedProblems>,
) -> impl IntoView {
    use mhsw::messages::audit as say;
    let base = format!("q-{}", question.id);
    let evidence = definition.collect.evidence.then(|| {
        // The questionnaire's own prompt, in the language its question is shown in (marked
        // where that is not the page's), or the page's own words.
        let hint = match &question.evidence_prompt {
            Some(text) => {
                let actual = text.language_for(shown);
                (
                    text.get(shown).to_owned(),
                    (actual != interface).then(|| actual.bcp47()),
                )
            }
            None => (say::what_shows_this(interface).to_owned(), None),
        };
        view! {
            <NoteBox id=format!("{base}-evidence") label=say::evidence(interface) hint=Some(hint) rows=3
                stored=Signal::derive(move || item.with(|i| i.evidence.clone()))
                on_note=Callback::new(move |note| {
                    let mut next = item.get_untracked();
                    next.evidence = note;
                    on_change.run(next);
                }) interface=interface problems=problems />
        }
    });
    let comment = definition.collect.comments.then(|| {
        view! {
            <NoteBox id=format!("{base}-comment") label=say::comment(interface) hint=None rows=2
                stored=Signal::derive(move || item.with(|i| i.comment.clone()))
                on_note=Callback::new(move |note| {
                    let mut next = item.get_untracked();
                    next.comment = note;
                    on_change.run(next);
                }) interface=interface problems=problems />
        }
    });
    let priority = definition.collect.priority.then(|| {
        let name = format!("{base}-priority");
        let options = Priority::ALL
            .into_iter()
            .map(|p| {
                // ASCII labels: `to_lowercase` would bring Unicode's case tables (about 17 kB)
                // into every section's first download.
                let id = format!("{name}-{}", p.label().to_ascii_lowercase());
                view! {
                    <div class="choice choice-inline">
                        <input type="radio" id=id.clone() name=name.clone()
                            prop:checked=move || item.with(|i| i.priority == Some(p))
                            on:change=move |_| {
                                let mut next = item.get_untracked();
                                next.priority = Some(p);
                                on_change.run(next);
                            } />
                        <label for=id>{say::priority_level(interface, p)}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="note-field priority">
                <legend>{say::priority(interface)}</legend>
                <div class="choices-inline">
                    {options}
                    <button type="button" class="link-button" on:click=move |_| {
                        let mut next = item.get_untracked();
                        next.priority = None;
                        on_change.run(next);
                    }>{say::clear_priority(interface)}</button>
                </div>
            </fieldset>
        }
    });
    view! { <div class="item-notes">{evidence}{comment}{priority}</div> }
}
