//! Shared-device collection of feedback: a practitioner sets the device up, then people answer
//! one after another, one question per screen.
//!
//! Answers being given are held only in this page's memory, never in storage, until the person
//! sends them; then they join the collection and the next person starts afresh. Nothing on these
//! screens shows or leads to an earlier person's answers. Leaving needs the practitioner's code.
//! Unfinished answers are cleared after the practitioner's chosen minutes of no activity.

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::definition::{Definition, Question};
use mhsw::ids::WorkId;
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::work::Channel;

use crate::components::question_field::QuestionField;
use crate::edges::storage::{self, Kiosk};
use crate::edges::timer::Interval;
use crate::edges::{clock, history, speech};
use crate::route::Route;
use crate::state::AppState;

/// Which screen a shared device shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// The practitioner's set-up (collection mode not yet on).
    Setup,
    /// The anonymity statement and a start button.
    Welcome,
    /// One question.
    Question(usize),
    /// Thanks; the next person starts from here.
    ThankYou,
    /// The practitioner enters the code to leave.
    Leave,
}

/// The shared-device collection page.
#[component]
pub fn CollectPage(
    /// The feedback collection's id.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let (signal, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let collecting = state
        .kiosk
        .with_untracked(|k| k.as_ref().is_some_and(|k| k.work == id));
    let screen = RwSignal::new(if collecting {
        Screen::Welcome
    } else {
        Screen::Setup
    });
    let draft = RwSignal::new(Responses::default());
    let easy_read = RwSignal::new(false);
    let last_activity = StoredValue::new(clock::now_ms());
    let cleared_notice = RwSignal::new(false);
    let touch = move || last_activity.set_value(clock::now_ms());

    // Clear an unfinished answer after the practitioner's chosen minutes of no activity.
    let idle_minutes = signal.with_untracked(|h| {
        h.work
            .collection
            .as_ref()
            .map(|c| c.idle_minutes)
            .unwrap_or(5)
    });
    let interval = Interval::new(10_000, move || {
        let idle_ms = f64::from(idle_minutes.max(1)) * 60_000.0;
        let answering = matches!(screen.get_untracked(), Screen::Question(_));
        if answering && clock::now_ms() - last_activity.get_value() > idle_ms {
            draft.set(Responses::default());
            speech::stop();
            cleared_notice.set(true);
            screen.set(Screen::Welcome);
        }
    });
    let interval = StoredValue::new_local(interval);
    on_cleanup(move || interval.dispose());

    let questions: Arc<Vec<Question>> =
        Arc::new(definition.questions().map(|(_, q)| q.clone()).collect());
    let total = questions.len();
    let crisis = definition.notices.crisis.clone().unwrap_or_default();
    let work_id = id.clone();
    let submit = move || {
        let answers = draft.get_untracked();
        state.add_response(&work_id, answers, Channel::Device);
        draft.set(Responses::default());
        speech::stop();
        screen.set(Screen::ThankYou);
    };

    let body = {
        let definition = definition.clone();
        let questions = questions.clone();
        let id = id.clone();
        move || match screen.get() {
            Screen::Setup => view! { <SetupScreen id=id.clone() screen=screen /> }.into_any(),
            Screen::Welcome => {
                let anonymity = definition.notices.anonymity.clone().unwrap_or_default();
                view! {
                    <h1>{definition.title.clone()}</h1>
                    {move || cleared_notice.get().then(|| view! {
                        <p class="notice" role="status">"The last person’s unfinished answers were cleared because the device was not used for a while."</p>
                    })}
                    <p class="lead">{signal.with_untracked(|h| h.work.collection.as_ref().map(|c| format!("This is about the social work you had from {}.", c.about)).unwrap_or_default())}</p>
                    <div class="notice"><h2>"Before you start"</h2><p>{anonymity.clone()}</p></div>
                    <p>{format!("There are {total} questions. Answer the ones you want to. You can choose “Prefer not to say” or skip any question. There is no time limit.")}</p>
                    <div class="choice toggle">
                        <input type="checkbox" id="easy-read" prop:checked=move || easy_read.get() on:change=move |ev| easy_read.set(event_target_checked(&ev)) />
                        <label for="easy-read">"Use easy-read words"</label>
                    </div>
                    <div class="button-row">
                        <button type="button" class="large" on:click=move |_| { cleared_notice.set(false); draft.set(Responses::default()); touch(); screen.set(Screen::Question(0)); history::focus_heading(); }>"Start"</button>
                        {speech::available().then(|| { let text = anonymity.clone(); view! { <button type="button" class="secondary" on:click=move |_| speech::speak(&text)>"Read this aloud"</button> } })}
                    </div>
                }.into_any()
            }
            Screen::Question(index) => {
                let Some(question) = questions.get(index).cloned() else {
                    return view! { <p>"No more questions."</p> }.into_any();
                };
                view! { <QuestionScreen definition=definition.clone() question=question index=index total=total draft=draft easy_read=easy_read screen=screen on_activity=Callback::new(move |()| touch()) on_submit=Callback::new({ let submit = submit.clone(); move |()| submit() }) /> }.into_any()
            }
            Screen::ThankYou => {
                let thanks = definition
                    .notices
                    .thank_you
                    .clone()
                    .unwrap_or_else(|| "Thank you. Your answers have been saved.".to_owned());
                view! {
                    <h1>"Thank you"</h1>
                    <div role="status" aria-live="polite"><p class="lead">{thanks}</p></div>
                    <p>"Your answers have been saved with everyone else’s. Please hand the device back."</p>
                    <button type="button" class="large" on:click=move |_| { screen.set(Screen::Welcome); history::focus_heading(); }>"Start again for the next person"</button>
                }.into_any()
            }
            Screen::Leave => view! { <LeaveScreen id=id.clone() screen=screen /> }.into_any(),
        }
    };
    view! {
        <aside class="crisis" aria-label="Help now">
            <p><strong>"Need help now? "</strong>{crisis}</p>
        </aside>
        {body}
        <Show when=move || state.kiosk.with(Option::is_some) && screen.get() != Screen::Leave>
            <p class="practitioner-exit">
                <button type="button" class="link-button" on:click=move |_| { draft.set(Responses::default()); screen.set(Screen::Leave); }>"For the practitioner: end collection"</button>
            </p>
        </Show>
    }
    .into_any()
}

/// One question with back, next and read-aloud.
#[component]
fn QuestionScreen(
    /// The questionnaire.
    definition: Arc<Definition>,
    /// The question shown.
    question: Question,
    /// Its position, from 0.
    index: usize,
    /// How many questions there are.
    total: usize,
    /// The answers so far (memory only).
    draft: RwSignal<Responses>,
    /// Easy-read wording on or off.
    easy_read: RwSignal<bool>,
    /// The current screen.
    screen: RwSignal<Screen>,
    /// Called on every interaction (for the idle timer).
    on_activity: Callback<()>,
    /// Called to send the answers.
    on_submit: Callback<()>,
) -> impl IntoView {
    let qid = question.id.clone();
    let qid_for_item = qid.clone();
    let item = Signal::derive(move || {
        draft.with(|d| d.item(qid_for_item.as_str()).cloned().unwrap_or_default())
    });
    let on_change = Callback::new(move |next: ItemResponse| {
        let qid = qid.clone();
        draft.update(|d| d.set(qid, next));
        on_activity.run(());
    });
    let spoken = {
        let options = definition
            .options_of(&question)
            .map(|list| {
                list.options
                    .iter()
                    .map(|o| o.easy_read.clone().unwrap_or_else(|| o.label.clone()))
                    .collect::<Vec<_>>()
                    .join(". ")
            })
            .unwrap_or_default();
        let text = question.text.clone();
        let easy = question.easy_read.clone();
        move || {
            format!(
                "{}. {}",
                if easy_read.get_untracked() {
                    easy.clone().unwrap_or(text.clone())
                } else {
                    text.clone()
                },
                options
            )
        }
    };
    let last = index + 1 == total;
    let go = move |to: Screen| {
        speech::stop();
        on_activity.run(());
        screen.set(to);
        history::focus_heading();
    };
    let answered = Signal::derive(move || {
        item.with(|i| {
            i.answer
                .as_ref()
                .is_some_and(|a| !matches!(a, Answer::Choices(v) if v.is_empty()))
        })
    });
    view! {
        <h1 class="question-count">{format!("Question {} of {total}", index + 1)}</h1>
        <form class="one-question" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); if last { on_submit.run(()) } else { go(Screen::Question(index + 1)) } }>
            <QuestionField definition=definition.clone() question=question.clone() item=item on_change=on_change easy_read=easy_read error=Signal::derive(|| None::<String>) with_notes=false />
            <div class="button-row">
                {(index > 0).then(|| view! { <button type="button" class="secondary" on:click=move |_| go(Screen::Question(index - 1))>"Back"</button> })}
                <button type="submit" class="large">{move || match (last, answered.get()) { (true, _) => "Send my answers", (false, true) => "Next", (false, false) => "Skip this question" }}</button>
                {speech::available().then(|| view! { <button type="button" class="secondary" on:click=move |_| speech::speak(&spoken())>"Read aloud"</button> })}
            </div>
        </form>
    }
}

/// The practitioner's set-up: the inactivity limit, a code, and the start of collection mode.
#[component]
fn SetupScreen(
    /// The collection.
    id: WorkId,
    /// The current screen.
    screen: RwSignal<Screen>,
) -> impl IntoView {
    let state = AppState::expect();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let minutes = RwSignal::new(
        state
            .work(&id)
            .map(|s| {
                s.with_untracked(|h| {
                    h.work
                        .collection
                        .as_ref()
                        .map(|c| c.idle_minutes)
                        .unwrap_or(5)
                })
            })
            .unwrap_or(5),
    );
    let id_for_start = id.clone();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = code.get_untracked();
        if chosen.chars().count() < 4 || !chosen.chars().all(|c| c.is_ascii_digit()) {
            error.set(Some("Choose a code of at least 4 digits".to_owned()));
            history::focus_id("kiosk-code");
            return;
        }
        let minutes = minutes.get_untracked().clamp(1, 120);
        state.change(&id_for_start, |w| {
            if let Some(collection) = w.collection.as_mut() {
                collection.idle_minutes = minutes;
            }
        });
        let kiosk = Kiosk {
            work: id_for_start.clone(),
            code: chosen,
        };
        storage::set_kiosk(Some(&kiosk));
        state.kiosk.set(Some(kiosk));
        screen.set(Screen::Welcome);
        history::focus_heading();
    };
    view! {
        <p class="breadcrumb"><a href=Route::Work(id.clone()).href()>"Back to the collection"</a></p>
        <h1>"Collect feedback on this device"</h1>
        <p>"People will answer one after another on this device. Each person’s answers are saved when they send them, and the screen then starts afresh for the next person. Nobody using these screens can see or reach anyone else’s answers."</p>
        <form class="form" on:submit=start novalidate>
            <div class="field" class:has-error=move || error.with(Option::is_some)>
                <label for="kiosk-code">"Choose a code to end collection"</label>
                <p class="hint" id="kiosk-code-hint">"At least 4 digits. You will need it to leave collection mode, so people answering cannot leave it by accident."</p>
                {move || error.get().map(|e| view! { <p class="field-error" id="kiosk-code-error">{e}</p> })}
                <input id="kiosk-code" type="password" inputmode="numeric" autocomplete="off" class="text-input short" aria-describedby="kiosk-code-hint"
                    prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="kiosk-idle">"Clear unfinished answers after this many minutes of no activity"</label>
                <input id="kiosk-idle" type="number" min="1" max="120" class="text-input short"
                    prop:value=move || minutes.get().to_string() on:input=move |ev| minutes.set(event_target_value(&ev).parse().unwrap_or(5)) />
            </div>
            <button type="submit">"Start collecting"</button>
        </form>
    }
}

/// Ending collection mode with the practitioner's code.
#[component]
fn LeaveScreen(
    /// The collection.
    id: WorkId,
    /// The current screen.
    screen: RwSignal<Screen>,
) -> impl IntoView {
    let state = AppState::expect();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let leave = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let expected = state
            .kiosk
            .with_untracked(|k| k.as_ref().map(|k| k.code.clone()));
        if expected.as_deref() == Some(code.get_untracked().as_str()) {
            storage::set_kiosk(None);
            state.kiosk.set(None);
            history::go(&Route::Work(id.clone()));
        } else {
            error.set(Some("That is not the code. If you are answering the questions, choose “Go back to the questions”.".to_owned()));
            history::focus_id("leave-code");
        }
    };
    view! {
        <h1>"End collection"</h1>
        <p>"This is for the practitioner who set up the device."</p>
        <form class="form" on:submit=leave novalidate>
            <div class="field" class:has-error=move || error.with(Option::is_some)>
                <label for="leave-code">"Enter the code chosen at the start"</label>
                {move || error.get().map(|e| view! { <p class="field-error" id="leave-code-error">{e}</p> })}
                <input id="leave-code" type="password" inputmode="numeric" autocomplete="off" class="text-input short"
                    prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
            </div>
            <div class="button-row">
                <button type="submit">"End collection"</button>
                <button type="button" class="secondary" on:click=move |_| screen.set(Screen::Welcome)>"Go back to the questions"</button>
            </div>
        </form>
    }
}
