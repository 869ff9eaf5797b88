//! Starting a new piece of work: a name, the organisation and, for feedback, whose practice it is
//! about and the period.

use leptos::prelude::*;
use mhsw::definition::ToolKind;
use mhsw::ids::{DefinitionId, WorkId};
use mhsw::work::{Perspective, Work};

use mhsw::limits::{fits, NAME_MAX_CHARS};

use mhsw::messages::audit as say;

use crate::components::character_count::CharacterCount;
use crate::components::error_summary::{ErrorSummary, FieldError};
use crate::edges::text_box::shows;
use crate::edges::{clock, history};
use crate::route::Route;
use crate::state::AppState;

/// What has been typed into the form for one questionnaire and not yet used to start work.
#[derive(Clone)]
struct Typed {
    name: String,
    organisation: String,
    participants: String,
    perspective: Perspective,
    about: String,
    period_start: String,
    period_end: String,
}

thread_local! {
    /// Per questionnaire, the form as it was left, while the app runs: Back, or a link away
    /// and back again, finds what was typed (a reload lets it go; starting the work clears it).
    static BEING_TYPED: std::cell::RefCell<std::collections::BTreeMap<DefinitionId, Typed>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// The form that starts new work.
#[component]
pub fn NewWorkPage(
    /// The questionnaire to start.
    definition_id: DefinitionId,
) -> impl IntoView {
    let state = AppState::expect();
    let Some(definition) = state
        .questionnaires
        .with_untracked(|c| c.checked().and_then(|c| c.get(&definition_id)))
    else {
        return view! { <super::MissingDefinition id=definition_id.to_string() /> }.into_any();
    };
    // Nothing is saved here until the form is sent: an earlier save is not this page's news.
    state.forget_saved_line();
    let lang = state.page_lang;
    let today = clock::today();
    let default_name = state.with_all_works(|works| {
        mhsw::work::free_name(
            say::default_name(
                lang.get_untracked(),
                definition.title.get(lang.get_untracked()),
                today,
            ),
            works.iter().map(|w| w.name.as_str()),
        )
    });
    let kept = BEING_TYPED.with(|kept| kept.borrow().get(&definition_id).cloned());
    let kept = kept.unwrap_or(Typed {
        name: default_name,
        organisation: String::new(),
        participants: String::new(),
        perspective: Perspective::Leaders,
        about: String::new(),
        period_start: String::new(),
        period_end: String::new(),
    });
    let name = RwSignal::new(kept.name);
    let organisation = RwSignal::new(kept.organisation);
    let participants = RwSignal::new(kept.participants);
    let perspective = RwSignal::new(kept.perspective);
    let about = RwSignal::new(kept.about);
    let period_start = RwSignal::new(kept.period_start);
    let period_end = RwSignal::new(kept.period_end);
    {
        let definition_id = definition_id.clone();
        Effect::new(move |_| {
            let typed = Typed {
                name: name.get(),
                organisation: organisation.get(),
                participants: participants.get(),
                perspective: perspective.get(),
                about: about.get(),
                period_start: period_start.get(),
                period_end: period_end.get(),
            };
            BEING_TYPED.with(|kept| kept.borrow_mut().insert(definition_id.clone(), typed));
        });
    }
    let started_from = definition_id.clone();
    // Set once the work is made: a second press before the contents page shows makes no more.
    let started = StoredValue::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let kind = definition.kind;
    let definition_for_submit = definition.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if started.get_value() {
            return;
        }
        let mut problems = Vec::new();
        if name.get_untracked().trim().is_empty() {
            problems.push(FieldError {
                field_id: "work-name".into(),
                message: say::enter_name(lang.get_untracked()).into(),
            });
        }
        if kind == ToolKind::Feedback && about.get_untracked().trim().is_empty() {
            problems.push(FieldError {
                field_id: "work-about".into(),
                message: say::enter_about(lang.get_untracked()).into(),
            });
        }
        for (field_id, what, text) in [
            ("work-name", "the name", name),
            (
                "work-organisation",
                "the organisation or team",
                organisation,
            ),
            ("work-participants", "who is taking part", participants),
            ("work-about", "whose practice it is about", about),
        ] {
            if !text.with_untracked(|t| fits(t.trim(), NAME_MAX_CHARS)) {
                let lang = lang.get_untracked();
                problems.push(FieldError {
                    field_id: field_id.into(),
                    message: if field_id == "work-name" {
                        mhsw::messages::problems::shorten_name(lang, NAME_MAX_CHARS)
                    } else {
                        say::shorten_box(lang, what, NAME_MAX_CHARS)
                    },
                });
            }
        }
        let period = match mhsw::work::parse_period(
            &period_start.get_untracked(),
            &period_end.get_untracked(),
        ) {
            Ok(period) => period,
            Err(mistake) => {
                problems.push(FieldError {
                    field_id: format!("work-period-{}", mistake.field()),
                    message: mistake.in_lang(lang.get_untracked()),
                });
                None
            }
        };
        if kind != ToolKind::Feedback {
            problems.retain(|p| !p.field_id.starts_with("work-period"));
        }
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let mut work = Work::start(
            WorkId::new(clock::random_id()),
            name.get_untracked().trim().to_owned(),
            &definition_for_submit,
            clock::today(),
        );
        work.organisation = organisation.get_untracked().trim().to_owned();
        work.participants = participants.get_untracked().trim().to_owned();
        work.perspective = perspective.get_untracked();
        if let Some(collection) = work.collection.as_mut() {
            collection.about = about.get_untracked().trim().to_owned();
            collection.period_start = period.map(|(start, _)| start);
            collection.period_end = period.map(|(_, end)| end);
        }
        let route = Route::Work(work.id.clone());
        BEING_TYPED.with(|kept| kept.borrow_mut().remove(&started_from));
        started.set_value(true);
        state.add_work(work);
        history::go(&route);
    };
    let error_for = move |field: &'static str| {
        move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field_id == field)
                    .map(|e| e.message.clone())
            })
        }
    };
    let (title, purpose, alignment) = (
        definition.title.clone(),
        definition.purpose.clone(),
        definition.alignment.clone(),
    );
    view! {
        <ErrorSummary errors=errors />
        <h1>{move || say::start_prefix(lang.get())}{move || { let (text, mark) = super::in_lang(&title, lang.get()); view! { <span lang=mark>{text}</span> } }}</h1>
        {move || { let (text, mark) = super::in_lang(&purpose, lang.get()); view! { <p lang=mark>{text}</p> } }}
        {move || { let (text, mark) = super::in_lang(&alignment, lang.get()); view! { <p class="alignment" lang=mark>{text}</p> } }}
        <form class="form" on:submit=submit novalidate>
            <div class="field" class:has-error=move || error_for("work-name")().is_some()>
                <label for="work-name">{move || say::name(lang.get())}</label>
                <p class="hint" id="work-name-hint">{move || say::name_hint(lang.get(), kind)}</p>
                {move || error_for("work-name")().map(|m| view! { <p class="field-error" id="work-name-error">{m}</p> })}
                <input id="work-name" type="text" class="text-input" aria-describedby="work-name-hint work-name-count"
                    use:shows=Callback::new(move |_| name.get()) on:input=move |ev| name.set(event_target_value(&ev)) />
                <CharacterCount id="work-name-count".to_owned() text=name limit=NAME_MAX_CHARS />
            </div>
            <div class="field" class:has-error=move || error_for("work-organisation")().is_some()>
                <label for="work-organisation">{move || say::organisation(lang.get())}</label>
                {move || error_for("work-organisation")().map(|m| view! { <p class="field-error" id="work-organisation-error">{m}</p> })}
                <input id="work-organisation" type="text" class="text-input" aria-describedby="work-organisation-count"
                    use:shows=Callback::new(move |_| organisation.get()) on:input=move |ev| organisation.set(event_target_value(&ev)) />
                <CharacterCount id="work-organisation-count".to_owned() text=organisation limit=NAME_MAX_CHARS />
            </div>
            {(kind != ToolKind::Feedback).then(|| view! {
                <div class="field" class:has-error=move || error_for("work-participants")().is_some()>
                    <label for="work-participants">{move || say::participants(lang.get())}</label>
                    <p class="hint" id="work-participants-hint">{move || say::participants_hint(lang.get())}</p>
                    {move || error_for("work-participants")().map(|m| view! { <p class="field-error" id="work-participants-error">{m}</p> })}
                    <input id="work-participants" type="text" class="text-input" aria-describedby="work-participants-hint work-participants-count"
                        use:shows=Callback::new(move |_| participants.get()) on:input=move |ev| participants.set(event_target_value(&ev)) />
                    <CharacterCount id="work-participants-count".to_owned() text=participants limit=NAME_MAX_CHARS />
                </div>
            })}
            {(kind == ToolKind::Audit).then(|| view! {
                <fieldset class="field">
                    <legend>{move || say::perspective(lang.get())}</legend>
                    <div class="choice">
                        <input type="radio" id="perspective-leaders" name="perspective" prop:checked=move || perspective.get() == Perspective::Leaders
                            on:change=move |_| perspective.set(Perspective::Leaders) />
                        <label for="perspective-leaders">{move || say::perspective_leaders(lang.get())}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="perspective-practitioners" name="perspective" prop:checked=move || perspective.get() == Perspective::Practitioners
                            on:change=move |_| perspective.set(Perspective::Practitioners) />
                        <label for="perspective-practitioners">{move || say::perspective_practitioners(lang.get())}</label>
                    </div>
                </fieldset>
            })}
            {(kind == ToolKind::Feedback).then(|| view! {
                <div class="field" class:has-error=move || error_for("work-about")().is_some()>
                    <label for="work-about">{move || say::about(lang.get())}</label>
                    {move || error_for("work-about")().map(|m| view! { <p class="field-error" id="work-about-error">{m}</p> })}
                    <input id="work-about" type="text" class="text-input" aria-describedby="work-about-count"
                        use:shows=Callback::new(move |_| about.get()) on:input=move |ev| about.set(event_target_value(&ev)) />
                    <CharacterCount id="work-about-count".to_owned() text=about limit=NAME_MAX_CHARS />
                </div>
                <fieldset class="field">
                    <legend>{move || say::period_optional(lang.get())}</legend>
                    <p class="hint">{move || say::period_hint(lang.get())}</p>
                    <div class="field" class:has-error=move || error_for("work-period-start")().is_some()>
                        <label for="work-period-start">{move || say::from(lang.get())}</label>
                        {move || error_for("work-period-start")().map(|m| view! { <p class="field-error" id="work-period-start-error">{m}</p> })}
                        <input id="work-period-start" type="date" class="date-input" min=mhsw::date::EARLIEST max=mhsw::date::LATEST
                            prop:value=period_start.get_untracked() on:input=move |ev| period_start.set(event_target_value(&ev)) on:change=move |ev| period_start.set(event_target_value(&ev)) />
                    </div>
                    <div class="field" class:has-error=move || error_for("work-period-end")().is_some()>
                        <label for="work-period-end">{move || say::to(lang.get())}</label>
                        {move || error_for("work-period-end")().map(|m| view! { <p class="field-error" id="work-period-end-error">{m}</p> })}
                        <input id="work-period-end" type="date" class="date-input" min=mhsw::date::EARLIEST max=mhsw::date::LATEST
                            prop:value=period_end.get_untracked() on:input=move |ev| period_end.set(event_target_value(&ev)) on:change=move |ev| period_end.set(event_target_value(&ev)) />
                    </div>
                </fieldset>
            })}
            <button type="submit" on:click=|ev| { super::second_of_a_double_click(&ev); }>{move || mhsw::messages::start(lang.get())}</button>
        </form>
    }
    .into_any()
}
