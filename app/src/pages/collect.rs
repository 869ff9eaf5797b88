//! Shared-device collection of feedback: a practitioner sets the device up, then people answer
//! one after another: each section's introduction on a screen of its own, then its questions,
//! one per screen (the order is [`mhsw::screens`]). The crisis notice is first on every screen;
//! on a small screen, once a person is answering, it folds to one line that opens. A person who
//! chooses easy-read words gets them for the notices too (the anonymity statement, the crisis
//! notice and the thanks), where the questionnaire gives them, as for its questions.
//!
//! Answers being given are held only in this page's memory, never in storage, until the person
//! sends them; then they join the collection and the next person starts afresh. Nothing on these
//! screens shows or leads to an earlier person's answers. Leaving needs the practitioner's code,
//! which is kept only as a salted hash; wrong codes slow down. Collection mode locks every tab
//! of the app (see `lib.rs`). Unfinished answers are cleared after the practitioner's chosen
//! minutes of no activity, and the person answering is told how long that is.
//!
//! When the collection offers Welsh ([`mhsw::work::LanguageOffer`], rule C3), each person first
//! meets a bilingual welcome and chooses Cymraeg or English (Cymraeg first when the collection is
//! Welsh first); every text of the questionnaire is then shown in that language and the screens'
//! own words come from [`mhsw::messages`]. A switch on every screen changes the language at once
//! and keeps every answer given; the page's `<html lang>` follows the choice.
//!
//! The person who sends answers is told only what is true: "saved" once the store has kept
//! them; otherwise that they could not be saved, with a notice for the practitioner at once.

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::definition::{Definition, Notice, Question};
use mhsw::ids::WorkId;
use mhsw::lang::Lang;
use mhsw::messages as say;
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::screens::{self, Step};
use mhsw::work::{self, Channel};

use crate::components::question_field::QuestionField;
use crate::edges::storage::{self, Kiosk};
use crate::edges::text_box::shows;
use crate::edges::timer::Interval;
use crate::edges::{clock, crypto, history, page_lang, speech};
use crate::route::Route;
use crate::state::AppState;

/// Which screen a shared device shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// The practitioner's set-up (collection mode not yet on).
    Setup,
    /// The bilingual welcome: the person chooses Cymraeg or English before anything else.
    Language,
    /// The anonymity statement and a start button.
    Welcome,
    /// One step of answering: a section's introduction or a question (an index into
    /// [`screens::one_per_screen`]).
    Step(usize),
    /// The answers are being saved.
    Sending,
    /// Thanks; the next person starts from here.
    ThankYou,
    /// The answers could not be saved on this device.
    NotSaved,
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
    // The languages offered, in their order (rule C3): one, or a choice before anything else.
    let offered: Vec<Lang> = signal.with_untracked(|h| {
        h.work
            .collection
            .as_ref()
            .map(|c| c.language_offer)
            .unwrap_or_default()
            .offered(&definition)
    });
    let first_lang = offered.first().copied().unwrap_or(Lang::En);
    let first_screen = if offered.len() > 1 {
        Screen::Language
    } else {
        Screen::Welcome
    };
    let lang = RwSignal::new(first_lang);
    let screen = RwSignal::new(if collecting {
        first_screen
    } else {
        Screen::Setup
    });
    let draft = RwSignal::new(Responses::default());
    let easy_read = RwSignal::new(false);
    // Where a person was when "For the practitioner: end collection" was pressed: "Go back to
    // the questions" returns them there with their answers (kept in memory only, and cleared by
    // the inactivity limit as on any screen of questions).
    let before_leaving = StoredValue::new(first_screen);
    // The next person starts at the beginning, in the first language offered, in standard
    // words: nothing one person chose (not even easy read) is shown to the next.
    let next_person = move || {
        lang.set(first_lang);
        easy_read.set(false);
        screen.set(first_screen);
        history::focus_heading();
    };
    // The page's language follows the person's choice; the set-up, and the screen that ends
    // collection, are the practitioner's: in the lead's language.
    Effect::new(move |_| {
        let shown = match screen.get() {
            Screen::Setup | Screen::Leave => state.lead_lang.get(),
            _ => lang.get(),
        };
        state.page_lang.set(shown);
    });
    // Until a language is chosen, the header's name and "Larger text" are in both languages
    // offered, as the rest of the screen is: the second added once the header is drawn.
    // The words come off at once when the choice is made, so the header never says "Larger
    // text / Larger text" for a frame; they go on only if the choice is still open when the
    // header has been drawn (a press can come between the two).
    let also = offered.get(1).copied();
    let choosing = move || {
        screen.try_with_untracked(|s| matches!(s, Screen::Language)) == Some(true)
            && state.kiosk.try_with_untracked(Option::is_some) == Some(true)
    };
    Effect::new(move |_| {
        screen.track();
        state.kiosk.track();
        page_lang::remove_header_words();
        let Some(also) = also.filter(|_| choosing()) else {
            return;
        };
        request_animation_frame(move || {
            page_lang::remove_header_words();
            if choosing() {
                page_lang::add_header_words(
                    ".site-header .brand",
                    also.bcp47(),
                    say::collection_brand(also),
                );
                page_lang::add_header_words(".text-size", also.bcp47(), say::larger_text(also));
            }
        });
    });
    // Collection ended in another tab (with the code): this tab ends it too, as if it had been
    // ended here, rather than go on showing the person's screens under the lead's own header
    // and menu. Answers not yet sent in this tab go, as they do when collection ends here.
    let id_for_ended = id.clone();
    Effect::new(move |was_on: Option<bool>| {
        let on = state.kiosk.with(Option::is_some);
        if was_on == Some(true) && !on && screen.get_untracked() != Screen::Setup {
            draft.set(Responses::default());
            history::go(&Route::Work(id_for_ended.clone()));
        }
        on
    });
    // Collection mode over, the page returns to the lead's own language.
    on_cleanup(move || {
        state.page_lang.set(state.lead_lang.get_untracked());
        page_lang::remove_header_words();
    });
    let last_activity = StoredValue::new(clock::now_ms());
    let cleared_notice = RwSignal::new(false);
    // On a small screen, once a person is answering, the crisis notice folds to one line they
    // can open ("Need help now?"), so the question and its buttons fit the first screen.
    let crisis_open = RwSignal::new(false);
    // The bilingual language choice folds it too: given in full in two languages it would fill
    // two screens of a phone before the choice itself (its button then names it in both).
    let foldable = move || matches!(screen.get(), Screen::Step(_) | Screen::Language);
    // Answers sent on this device that the store could not keep: the practitioner is told at
    // once, on every screen, until they are saved or downloaded.
    let unsaved_people = RwSignal::new(0usize);
    let touch = move || last_activity.set_value(clock::now_ms());
    // Moving to another screen, by its own buttons or the browser's Back: reading aloud stops,
    // it counts as activity, and focus goes to the new screen's heading.
    let go = Callback::new(move |to: Screen| {
        speech::stop();
        touch();
        screen.set(to);
        history::focus_heading();
    });
    // The browser's Back (kept on these screens by the app: `kept_in_collection`) does what the
    // screen's own Back does, to the screen before with the answers given; where there is none,
    // it says why nothing moved, in the person's language, rather than nothing at all (on the
    // choice of language, in every language offered, as the rest of that screen is).
    let back_note = RwSignal::new(Vec::<(Lang, &'static str)>::new());
    let offered_for_note = offered.clone();
    Effect::new(move |seen: Option<u32>| {
        let kept = state.kept_in_collection.get();
        if seen.is_some_and(|seen| seen != kept) {
            match screen.get_untracked() {
                Screen::Step(index) if index > 0 => go.run(Screen::Step(index - 1)),
                Screen::Step(_) => {
                    touch();
                    let lang = lang.get_untracked();
                    back_note.set(vec![(lang, say::back_at_first_screen(lang))]);
                }
                Screen::Language => {
                    touch();
                    let notes = offered_for_note
                        .iter()
                        .map(|&each| (each, say::back_stays_here(each)));
                    back_note.set(notes.collect());
                }
                _ => {
                    touch();
                    let lang = lang.get_untracked();
                    back_note.set(vec![(lang, say::back_stays_here(lang))]);
                }
            }
        }
        kept
    });
    // A note about Back is about the screen it was pressed on.
    Effect::new(move |_| {
        screen.track();
        lang.track();
        back_note.set(Vec::new());
    });

    // Clear an unfinished answer after the practitioner's chosen minutes of no activity. Read
    // afresh each time: the set-up screen may change it after this page was made.
    let idle_minutes = move || {
        signal.with(|h| {
            h.work
                .collection
                .as_ref()
                .map_or(work::DEFAULT_IDLE_MINUTES, |c| c.idle_minutes.max(1))
        })
    };
    let interval = Interval::new(10_000, move || {
        // Only the minutes chosen, never less: the welcome screen says how long this is.
        let idle_ms = f64::from(signal.with_untracked(|h| {
            h.work
                .collection
                .as_ref()
                .map_or(work::DEFAULT_IDLE_MINUTES, |c| c.idle_minutes.max(1))
        })) * 60_000.0;
        let now = screen.get_untracked();
        let answering = matches!(now, Screen::Step(_));
        let left_answers = now == Screen::Leave && draft.with_untracked(Responses::has_any_answer);
        if (answering || left_answers) && clock::now_ms() - last_activity.get_value() > idle_ms {
            draft.set(Responses::default());
            speech::stop();
            cleared_notice.set(true);
            easy_read.set(false);
            before_leaving.set_value(first_screen);
            if answering {
                lang.set(first_lang);
                screen.set(first_screen);
                history::focus_heading();
            }
        }
    });
    let interval = StoredValue::new_local(interval);
    on_cleanup(move || interval.dispose());

    let steps: Arc<Vec<Step>> = Arc::new(screens::one_per_screen(&definition));
    let total = definition.questions().count();
    let notices = definition.notices.clone();
    let offered_langs = offered.clone();
    let toggle_langs = offered.clone();
    let work_id = id.clone();
    let submit = move || {
        if screen.get_untracked() == Screen::Sending {
            return; // A second press while the first is being saved sends nothing more.
        }
        let answers = draft.get_untracked();
        speech::stop();
        screen.set(Screen::Sending);
        let work_id = work_id.clone();
        leptos::task::spawn_local(async move {
            let saved = state.add_response(&work_id, answers, Channel::Device).await;
            // Answers leave this page's memory either way: the collection holds them now
            // (saved, or kept in memory and shown to the practitioner as not saved).
            draft.set(Responses::default());
            if saved.is_ok() {
                screen.set(Screen::ThankYou);
            } else {
                unsaved_people.update(|n| *n += 1);
                screen.set(Screen::NotSaved);
            }
            history::focus_heading();
        });
    };

    let body = {
        let definition = definition.clone();
        let steps = steps.clone();
        let id = id.clone();
        let offered = offered.clone();
        move || {
            let lang_signal = lang;
            let lang = lang_signal.get();
            match screen.get() {
            Screen::Setup => view! { <SetupScreen id=id.clone() screen=screen first=first_screen /> }.into_any(),
            Screen::Language => {
                let title = definition.title.clone();
                // Each language's part carries its own `lang`, the first offered first.
                let parts = offered.iter().map(|&each| {
                    let choose = move |_| {
                        touch();
                        lang_signal.set(each);
                        screen.set(Screen::Welcome);
                        history::focus_heading();
                    };
                    view! {
                        <div class="language-choice" lang=each.bcp47()>
                            <h2>{say::welcome(each)}</h2>
                            <p>{title.get(each).to_owned()}</p>
                            <p>{say::language_can_change(each)}</p>
                            <button type="button" class="large" on:click=choose>{each.own_name()}</button>
                        </div>
                    }
                }).collect_view();
                // The heading in each language, each part with its own `lang`.
                let heading = offered.iter().enumerate().map(|(at, &each)| view! {
                    {(at > 0).then_some(" / ")}<span lang=each.bcp47()>{say::choose_language(each)}</span>
                }).collect_view();
                // Said in every language offered, like everything else on this screen.
                let cleared = {
                    let offered = offered.clone();
                    move || cleared_notice.get().then(|| {
                        let parts = offered.iter().map(|&each| view! {
                            <p lang=each.bcp47()>{say::cleared_after_inactivity(each)}</p>
                        }).collect_view();
                        view! { <div class="notice" role="status">{parts}</div> }
                    })
                };
                view! {
                    <h1>{heading}</h1>
                    {cleared}
                    <div class="language-choices">{parts}</div>
                }.into_any()
            }
            Screen::Welcome => {
                // The statement follows the easy-read choice made below it, at once.
                let anonymity = {
                    let notices = definition.notices.clone();
                    move || notices.shown(Notice::Anonymity, easy_read.get()).map(|t| t.get(lang).to_owned()).unwrap_or_default()
                };
                view! {
                    <h1>{definition.title.get(lang).to_owned()}</h1>
                    {move || cleared_notice.get().then(|| view! {
                        <p class="notice" role="status">{say::cleared_after_inactivity(lang)}</p>
                    })}
                    <p class="lead">{signal.with_untracked(|h| h.work.collection.as_ref().map(|c| say::about_whom(lang, &c.about)).unwrap_or_default())}</p>
                    <div class="notice"><h2>{say::before_you_start(lang)}</h2><p>{anonymity.clone()}</p></div>
                    <p>{say::how_to_answer(lang, total)}</p>
                    <p>{move || say::idle_warning(lang, idle_minutes())}</p>
                    <div class="choice toggle">
                        <input type="checkbox" id="easy-read" prop:checked=move || easy_read.get() on:change=move |ev| easy_read.set(event_target_checked(&ev)) />
                        <label for="easy-read">{say::use_easy_read(lang)}</label>
                    </div>
                    <div class="button-row">
                        <button type="button" class="large" on:click=move |_| { cleared_notice.set(false); draft.set(Responses::default()); touch(); crisis_open.set(false); screen.set(Screen::Step(0)); history::focus_heading(); }>{say::start(lang)}</button>
                        {speech::available().then(|| { let text = anonymity.clone(); view! { <button type="button" class="secondary" on:click=move |_| speech::speak_in(&text(), lang.bcp47())>{say::read_this_aloud(lang)}</button> } })}
                    </div>
                }.into_any()
            }
            Screen::Step(index) => {
                let last = index + 1 == steps.len();
                let on_activity = Callback::new(move |()| touch());
                match steps.get(index).copied() {
                    Some(Step::Introduction { section }) => {
                        let section = definition.sections[section].clone();
                        view! { <IntroductionScreen title=section.title.get(lang).to_owned() intro=section.intro.get(lang).to_owned() easy=section.easy_read.as_ref().map(|t| t.get(lang).to_owned()) index=index lang=lang easy_read=easy_read go=go /> }.into_any()
                    }
                    Some(Step::Question { section, question, number }) => {
                        let question = definition.sections[section].questions[question].clone();
                        view! { <QuestionScreen definition=definition.clone() question=question index=index lang=lang number=number total=total last=last draft=draft easy_read=easy_read go=go on_activity=on_activity on_submit=Callback::new({ let submit = submit.clone(); move |()| submit() }) /> }.into_any()
                    }
                    None => view! { <p>{say::no_more_questions(lang)}</p> }.into_any(),
                }
            }
            Screen::Sending => view! {
                <h1>{say::sending(lang)}</h1>
                <p role="status">{say::saving_on_device(lang)}</p>
            }.into_any(),
            Screen::NotSaved => view! {
                <h1>{say::not_saved(lang)}</h1>
                <div class="notice notice-warning" role="alert">
                    <p>{say::not_saved_detail(lang)}</p>
                </div>
                <p>{say::hand_back_no_need_to_answer(lang)}</p>
                <button type="button" class="large" on:click=move |_| next_person()>{say::start_again(lang)}</button>
            }.into_any(),
            Screen::ThankYou => {
                let thanks = definition
                    .notices
                    .shown(Notice::ThankYou, easy_read.get_untracked())
                    .map(|t| t.get(lang).to_owned())
                    .unwrap_or_else(|| say::default_thanks(lang).to_owned());
                view! {
                    <h1>{say::thank_you(lang)}</h1>
                    <div role="status" aria-live="polite"><p class="lead">{thanks}</p></div>
                    <p>{say::saved_with_everyone(lang)}</p>
                    <button type="button" class="large" on:click=move |_| next_person()>{say::start_again(lang)}</button>
                }.into_any()
            }
            Screen::Leave => view! { <LeaveScreen id=id.clone() back_to=Callback::new(move |()| { touch(); screen.set(before_leaving.get_value()); history::focus_heading(); }) /> }.into_any(),
        }
        }
    };
    // The switch to the other language, on every screen a person answering sees (the bilingual
    // welcome is in both already). It stays the same element, so focus stays on it.
    let other = offered.iter().copied().find(|l| *l != first_lang);
    let switch = other.map(|second| {
        let other_lang = move || {
            if lang.get() == first_lang {
                second
            } else {
                first_lang
            }
        };
        let shown = move || {
            !matches!(
                screen.get(),
                Screen::Setup | Screen::Leave | Screen::Language
            )
        };
        view! {
            <Show when=shown>
                <nav class="language-switch" aria-label=move || say::language_switch(lang.get())>
                    <button type="button" class="secondary" lang=move || other_lang().bcp47()
                        on:click=move |_| { touch(); lang.set(other_lang()); }>
                        {move || other_lang().own_name()}
                    </button>
                </nav>
            </Show>
        }
    });
    // Whether `each`, the person's language, differs from the page's because the screen is the
    // practitioner's, in the lead's language (read untracked: the lead's choice cannot change
    // during collection, and a global signal would outlive this page's own).
    let leads = move |screen: Screen, each: Lang| {
        matches!(screen, Screen::Setup | Screen::Leave) && each != state.lead_lang.get_untracked()
    };
    // Practitioner-only words are in the lead's language; on a screen in the other language
    // they say so with their own `lang`.
    let practitioner_lang = move || {
        (lang.get() != state.lead_lang.get()
            && !matches!(screen.get(), Screen::Setup | Screen::Leave))
        .then(|| state.lead_lang.get().bcp47())
    };
    view! {
        <aside class="crisis" aria-label=move || say::help_now(lang.get()) class:foldable=foldable class:open=move || crisis_open.get()>
            <button type="button" class="crisis-toggle" aria-controls="crisis-text" aria-expanded=move || crisis_open.get().to_string()
                on:click=move |_| { touch(); crisis_open.update(|open| *open = !*open); }>
                <span class="crisis-marker" aria-hidden="true"></span>{move || {
                    let choosing = matches!(screen.get(), Screen::Language);
                    let langs: Vec<Lang> = if choosing { toggle_langs.clone() } else { vec![lang.get()] };
                    langs.into_iter().enumerate().map(|(at, each)| view! {
                        {(at > 0).then_some(" / ")}<span lang=(choosing || leads(screen.get(), each)).then(|| each.bcp47())>{say::need_help_now(each)}</span>
                    }).collect_view()
                }}
            </button>
            // Before a person has chosen a language, the notice is in every language offered,
            // each part with its own `lang`: nobody meets it only in a language they do not read.
            <div id="crisis-text">{move || {
                let choosing = matches!(screen.get(), Screen::Language);
                let langs: Vec<Lang> = if choosing { offered_langs.clone() } else { vec![lang.get()] };
                let crisis = notices.shown(Notice::Crisis, easy_read.get()).cloned().unwrap_or_default();
                langs.into_iter().map(|each| view! {
                    // On the practitioner's screens, in the lead's language, the notice
                    // stays in the person's and says so.
                    <p lang=(choosing || leads(screen.get(), each)).then(|| each.bcp47())>
                        <strong class="crisis-label">{format!("{} ", say::need_help_now(each))}</strong>{crisis.get(each).to_owned()}
                    </p>
                }).collect_view()
            }}</div>
        </aside>
        {switch}
        <div role="status">{move || back_note.get().into_iter().map(|(each, note)| view! { <p class="notice" lang=each.bcp47()>{note}</p> }).collect_view()}</div>
        {move || (unsaved_people.get() > 0).then(|| view! {
            <div class="notice notice-warning practitioner-alert" role="alert" lang=practitioner_lang>
                <p><strong>{say::for_the_practitioner(state.lead_lang.get())}</strong>{say::unsaved_people(state.lead_lang.get(), unsaved_people.get() as u32)}</p>
            </div>
        })}
        {body}
        <Show when=move || state.kiosk.with(Option::is_some) && screen.get() != Screen::Leave>
            <p class="practitioner-exit" lang=practitioner_lang>
                <button type="button" class="link-button" on:click=move |_| { touch(); before_leaving.set_value(screen.get_untracked()); speech::stop(); screen.set(Screen::Leave); history::focus_heading(); }>{move || say::end_collection_link(state.lead_lang.get())}</button>
            </p>
        </Show>
    }
    .into_any()
}

/// A section's introduction, on a screen of its own before the section's first question, with
/// back, next and read-aloud.
#[component]
fn IntroductionScreen(
    /// The section's title (the heading).
    title: String,
    /// The introduction in standard words.
    intro: String,
    /// The introduction in easy-read words, when the questionnaire has them.
    easy: Option<String>,
    /// Its step among the screens, from 0.
    index: usize,
    /// The language the person chose (for the buttons and reading aloud).
    lang: Lang,
    /// Easy-read wording on or off.
    easy_read: RwSignal<bool>,
    /// Moves to another screen ([`CollectPage`]'s `go`).
    go: Callback<Screen>,
) -> impl IntoView {
    let words = move || {
        if easy_read.get() {
            easy.clone().unwrap_or_else(|| intro.clone())
        } else {
            intro.clone()
        }
    };
    let spoken = {
        let words = words.clone();
        let title = title.clone();
        move || format!("{title}. {}", words())
    };
    view! {
        <h1>{title}</h1>
        <form class="one-question" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); go.run(Screen::Step(index + 1)) }>
            <p class="lead section-intro">{words}</p>
            <div class="button-row">
                {(index > 0).then(|| view! { <button type="button" class="secondary" on:click=move |ev| { if !super::second_of_a_double_click(&ev) { go.run(Screen::Step(index - 1)) } }>{say::back(lang)}</button> })}
                <button type="submit" class="large" on:click=|ev| { super::second_of_a_double_click(&ev); }>{say::next(lang)}</button>
                {speech::available().then(|| view! { <button type="button" class="secondary" on:click=move |_| speech::speak_in(&spoken(), lang.bcp47())>{say::read_aloud(lang)}</button> })}
            </div>
        </form>
    }
}

/// One question with back, next and read-aloud.
#[component]
fn QuestionScreen(
    /// The questionnaire.
    definition: Arc<Definition>,
    /// The question shown.
    question: Question,
    /// Its step among the screens, from 0.
    index: usize,
    /// The language the person chose.
    lang: Lang,
    /// Its number among the questions, from 1.
    number: usize,
    /// How many questions there are.
    total: usize,
    /// Whether it is the last screen (its button sends the answers).
    last: bool,
    /// The answers so far (memory only).
    draft: RwSignal<Responses>,
    /// Easy-read wording on or off.
    easy_read: RwSignal<bool>,
    /// Moves to another screen ([`CollectPage`]'s `go`).
    go: Callback<Screen>,
    /// Called on every interaction (for the idle timer).
    on_activity: Callback<()>,
    /// Called to send the answers.
    on_submit: Callback<()>,
) -> impl IntoView {
    let qid = question.id.clone();
    let qid_for_item = qid.clone();
    let item =
        Signal::derive(move || draft.with(|d| d.item(&qid_for_item).cloned().unwrap_or_default()));
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
                    .map(|o| {
                        o.easy_read
                            .as_ref()
                            .unwrap_or(&o.label)
                            .get(lang)
                            .to_owned()
                    })
                    .collect::<Vec<_>>()
                    .join(". ")
            })
            .unwrap_or_default();
        let text = question.text.get(lang).to_owned();
        let easy = question.easy_read.as_ref().map(|t| t.get(lang).to_owned());
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
    let answered = Signal::derive(move || {
        item.with(|i| {
            i.answer
                .as_ref()
                .is_some_and(|a| !matches!(a, Answer::Choices(v) if v.is_empty()))
        })
    });
    view! {
        <h1 class="question-count">{say::question_of(lang, number, total)}</h1>
        <form class="one-question" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); if last { on_submit.run(()) } else { go.run(Screen::Step(index + 1)) } }>
            // The second press of a double-click on the screen before ("Next", "Start") lands
            // here, on whatever answer now sits under the pointer: it chooses nothing (a
            // cancelled click leaves a choice as it was). A single press, or a key, chooses.
            <div class="answer-area" on:click=|ev| { super::second_of_a_double_click(&ev); }>
                <QuestionField definition=definition.clone() question=question.clone() item=item on_change=on_change easy_read=easy_read error=Signal::derive(|| None::<String>) with_notes=false lang=lang />
            </div>
            <div class="button-row">
                {(index > 0).then(|| view! { <button type="button" class="secondary" on:click=move |ev| { if !super::second_of_a_double_click(&ev) { go.run(Screen::Step(index - 1)) } }>{say::back(lang)}</button> })}
                <button type="submit" class="large" on:click=|ev| { super::second_of_a_double_click(&ev); }>{move || match (last, answered.get()) { (true, _) => say::send_answers(lang), (false, true) => say::next(lang), (false, false) => say::skip_question(lang) }}</button>
                {speech::available().then(|| view! { <button type="button" class="secondary" on:click=move |_| speech::speak_in(&spoken(), lang.bcp47())>{say::read_aloud(lang)}</button> })}
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
    /// The first screen a person answering meets (the language choice, or the welcome).
    first: Screen,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lead_lang;
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let minutes_error = RwSignal::new(None::<String>);
    let starting = RwSignal::new(false);
    let stored_minutes = state
        .work(&id)
        .and_then(|s| s.with_untracked(|h| h.work.collection.as_ref().map(|c| c.idle_minutes)))
        .filter(|m| *m >= 1)
        .unwrap_or(work::DEFAULT_IDLE_MINUTES);
    // The box keeps exactly what is typed (it can be cleared and retyped); it is read only
    // when collection starts.
    let minutes_text = RwSignal::new(stored_minutes.to_string());
    // Answers given outside the period are taken, dated today: the practitioner is told before
    // handing the device over.
    let period = state.work(&id).and_then(|s| {
        s.with_untracked(|h| {
            h.work
                .collection
                .as_ref()
                .map(|c| (c.period_start, c.period_end))
        })
    });
    let outside_period = move || {
        let (start, end) = period?;
        say::collected_outside_period(lang.get(), clock::today(), start, end)
            .map(|text| view! { <p class="notice">{text}</p> })
    };
    let id_for_start = id.clone();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if starting.get_untracked() {
            return;
        }
        let chosen = code.get_untracked();
        let code_ok = chosen.chars().count() >= 4 && chosen.chars().all(|c| c.is_ascii_digit());
        let minutes = work::parse_idle_minutes(&minutes_text.get_untracked());
        code_error.set((!code_ok).then(|| say::code_too_short(lang.get_untracked()).to_owned()));
        minutes_error.set(minutes.err().map(|e| e.in_lang(lang.get_untracked())));
        let Ok(minutes) = minutes else {
            history::focus_id(if code_ok { "kiosk-idle" } else { "kiosk-code" });
            return;
        };
        if !code_ok {
            history::focus_id("kiosk-code");
            return;
        }
        starting.set(true);
        let id = id_for_start.clone();
        leptos::task::spawn_local(async move {
            let salt = format!("{}{}", clock::random_id(), clock::random_id());
            let Some(hash) = crypto::salted_hash(&salt, &chosen).await else {
                code_error.set(Some(say::no_webcrypto(lang.get_untracked()).to_owned()));
                starting.set(false);
                return;
            };
            state.change(&id, |w| {
                if let Some(collection) = w.collection.as_mut() {
                    collection.idle_minutes = minutes;
                }
            });
            let kiosk = Kiosk {
                work: id.clone(),
                salt,
                hash,
                failures: 0,
                wait_until: 0,
            };
            // When the lock cannot be kept for other tabs (storage blocked), this tab is still
            // locked; nothing is saved in other tabs either, so none can show earlier answers.
            let _ = storage::set_kiosk(Some(&kiosk));
            state.kiosk.set(Some(kiosk));
            starting.set(false);
            screen.set(first);
            history::focus_heading();
        });
    };
    view! {
        <p class="breadcrumb"><a href=Route::Work(id.clone()).href()>{move || say::back_to_collection(lang.get())}</a></p>
        <h1>{move || say::setup_heading(lang.get())}</h1>
        {move || if state.storage_problem.with(Option::is_some) {
            view! { <div class="notice notice-warning" role="alert"><p>{say::setup_intro_nothing_kept(lang.get())}</p></div> }.into_any()
        } else {
            view! { <p>{say::setup_intro(lang.get())}</p> }.into_any()
        }}
        {outside_period}
        <form class="form" on:submit=start novalidate>
            <div class="field" class:has-error=move || code_error.with(Option::is_some)>
                <label for="kiosk-code">{move || say::choose_code(lang.get())}</label>
                <p class="hint" id="kiosk-code-hint">{move || say::code_hint(lang.get())}</p>
                {move || code_error.get().map(|e| view! { <p class="field-error" id="kiosk-code-error">{e}</p> })}
                <input id="kiosk-code" type="password" inputmode="numeric" autocomplete="off" class="text-input short"
                    aria-describedby=move || if code_error.with(Option::is_some) { "kiosk-code-hint kiosk-code-error" } else { "kiosk-code-hint" }
                    use:shows=Callback::new(move |_| code.get()) on:input=move |ev| code.set(event_target_value(&ev)) />
            </div>
            <div class="field" class:has-error=move || minutes_error.with(Option::is_some)>
                <label for="kiosk-idle">{move || say::idle_label(lang.get())}</label>
                <p class="hint" id="kiosk-idle-hint">{move || say::idle_hint(lang.get(), work::MAX_IDLE_MINUTES)}</p>
                {move || minutes_error.get().map(|e| view! { <p class="field-error" id="kiosk-idle-error">{e}</p> })}
                <input id="kiosk-idle" type="text" inputmode="numeric" class="text-input short"
                    aria-describedby=move || if minutes_error.with(Option::is_some) { "kiosk-idle-hint kiosk-idle-error" } else { "kiosk-idle-hint" }
                    use:shows=Callback::new(move |_| minutes_text.get()) on:input=move |ev| minutes_text.set(event_target_value(&ev)) />
            </div>
            <button type="submit" disabled=move || starting.get()>{move || if starting.get() { say::starting(lang.get()) } else { say::start_collecting(lang.get()) }}</button>
        </form>
    }
}

/// Ending collection mode with the practitioner's code. Wrong codes slow down
/// ([`work::code_wait_seconds`]); the count survives a reload and other tabs.
#[component]
fn LeaveScreen(
    /// The collection.
    id: WorkId,
    /// Takes a person answering back to where they were, with their answers.
    back_to: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    // The practitioner's screen: in the lead's language.
    let lang = state.lead_lang;
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let leave = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut kiosk) = state.kiosk.get_untracked() else {
            return;
        };
        if checking.get_untracked() {
            return;
        }
        let wait = ((kiosk.wait_until as f64 - clock::now_ms()) / 1000.0).ceil();
        if wait > 0.0 {
            error.set(Some(say::too_many_wrong_codes(lang.get_untracked(), wait)));
            history::focus_id("leave-code");
            return;
        }
        checking.set(true);
        let typed = code.get_untracked();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let hash = crypto::salted_hash(&kiosk.salt, &typed).await;
            checking.set(false);
            if hash.as_deref() == Some(kiosk.hash.as_str()) {
                let _ = storage::set_kiosk(None);
                state.kiosk.set(None);
                history::go(&Route::Work(id));
                return;
            }
            kiosk.failures += 1;
            let wait = work::code_wait_seconds(kiosk.failures);
            kiosk.wait_until = (clock::now_ms() + f64::from(wait) * 1000.0) as u64;
            let _ = storage::set_kiosk(Some(&kiosk));
            state.kiosk.set(Some(kiosk));
            code.set(String::new());
            error.set(Some(say::wrong_code(lang.get_untracked(), wait)));
            history::focus_id("leave-code");
        });
    };
    view! {
        <h1>{move || say::end_collection(lang.get())}</h1>
        <p>{move || say::end_collection_intro(lang.get())}</p>
        <form class="form" on:submit=leave novalidate>
            <div class="field" class:has-error=move || error.with(Option::is_some)>
                <label for="leave-code">{move || say::enter_the_code(lang.get())}</label>
                {move || error.get().map(|e| view! { <p class="field-error" id="leave-code-error">{e}</p> })}
                <input id="leave-code" type="password" inputmode="numeric" autocomplete="off" class="text-input short"
                    aria-describedby=move || error.with(Option::is_some).then_some("leave-code-error")
                    use:shows=Callback::new(move |_| code.get()) on:input=move |ev| code.set(event_target_value(&ev)) />
            </div>
            <div class="button-row">
                <button type="submit" disabled=move || checking.get()>{move || say::end_collection(lang.get())}</button>
                <button type="button" class="secondary" on:click=move |_| back_to.run(())>{move || say::back_to_the_questions(lang.get())}</button>
            </div>
        </form>
    }
}
