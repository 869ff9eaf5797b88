//! The improvement plan (or a statement's commitments): rows proposed from the answers, edited by
//! people, added and removed, and exported as CSV a spreadsheet opens correctly.

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::date::Date;
use mhsw::definition::{Definition, PlanFieldKind};
use mhsw::ids::WorkId;
use mhsw::lang::Lang;
use mhsw::limits::{fits, PLAN_FIELD_MAX_CHARS};
use mhsw::plan::{self, field_text, plan_csv, PlanRow, RowSource, Status};

use mhsw::messages::reports as say;

use crate::components::character_count::{kept_text, CharacterCount};
use crate::components::confirm::Confirm;
use crate::components::report_view::WarningSign;
use crate::edges::text_box::shows;
use crate::edges::{clock, files, history};
use crate::route::Route;
use crate::state::AppState;

/// The id of the "Add an action" button.
const ADD_ACTION_ID: &str = "add-action";

/// The element id of one field of one row.
fn field_input_id(row_id: &str, field: PlanFieldKind) -> String {
    format!("plan-{row_id}-{field:?}").to_lowercase()
}

/// The element id of a proposal's "Add to plan" button.
fn proposal_button_id(row_id: &str) -> String {
    format!("propose-{row_id}")
}

/// The plan page.
#[component]
pub fn PlanPage(
    /// The work's id.
    id: WorkId,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let (signal, definition) = match super::work_and_definition(&state, &id) {
        Ok(found) => found,
        Err(page) => return page,
    };
    let Some(config) = definition.plan.clone() else {
        return view! { <h1>{move || say::no_plan(lang.get())}</h1> }.into_any();
    };
    let today = clock::today();
    let definition_for_proposals = definition.clone();
    let proposals = Memo::new(move |_| {
        signal.with(|h| {
            let scores = mhsw::scoring::score(&definition_for_proposals, &h.work.responses);
            plan::propose(&definition_for_proposals, &scores, &h.work.plan, lang.get())
        })
    });
    let config_for_summary = config.clone();
    let summary =
        move || signal.with(|h| plan::summarise(&h.work.plan, Some(&config_for_summary), today));
    // Each way of adding takes focus into the plan, never to the page itself: a proposal's
    // button, and with the last one the whole section, goes once its row is added.
    let first_field = config.fields.first().map(|f| f.field);
    let focus_row = move |row_id: &str| {
        if let Some(field) = first_field {
            history::focus_id_when_drawn(&field_input_id(row_id, field));
        }
    };
    let id_for_add = id.clone();
    let add_all = move |_| {
        let rows: Vec<PlanRow> = proposals
            .get_untracked()
            .into_iter()
            .map(|p| p.row)
            .collect();
        let first = rows.first().map(|r| r.id.clone());
        state.change(&id_for_add, |w| w.plan.extend(rows));
        if let Some(first) = first {
            focus_row(&first);
        }
    };
    let id_for_new = id.clone();
    let add_blank = move |_| {
        let row_id = format!("added-{}", clock::random_id());
        let added = row_id.clone();
        state.change(&id_for_new, |w| {
            w.plan.push(PlanRow::blank(row_id, RowSource::Added));
        });
        focus_row(&added);
    };
    let definition_for_csv = definition.clone();
    // What the spreadsheet's button did, said beside it: a file downloaded (named, with its
    // number of actions), refused by the browser, or none made for an empty plan (said only
    // while the plan is still empty).
    let csv_said = RwSignal::new(None::<(bool, String)>);
    let download_csv = move |ev: leptos::ev::MouseEvent| {
        // The second press of a double click never downloads a second file.
        if super::second_of_a_double_click(&ev) {
            return;
        }
        let lang = lang.get_untracked();
        let (name, rows, text) = signal.with_untracked(|h| {
            (
                h.work.name.clone(),
                h.work.plan.len(),
                plan_csv(&definition_for_csv, &h.work.plan),
            )
        });
        let said = if rows == 0 {
            say::plan_csv_empty(lang).to_owned()
        } else {
            let file = format!("{}-plan.csv", files::safe_file_stem(&name));
            match files::download_text(&file, "text/csv;charset=utf-8", &text) {
                Ok(()) => say::plan_csv_downloaded(lang, &file, rows),
                Err(error) => say::plan_csv_failed(lang, &error.to_string()),
            }
        };
        // Each press draws its words afresh, the same words too, so each press is heard.
        csv_said.set(Some((rows == 0, said)));
    };
    let row_ids =
        move || signal.with(|h| h.work.plan.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let definition_for_rows = definition.clone();
    let id_for_rows = id.clone();
    let id_for_proposals = id.clone();
    let definition_for_list = definition.clone();
    let primary = definition.primary_language();
    view! {
        <p class="breadcrumb"><a href=Route::Home.href()>{move || mhsw::messages::frame::home(lang.get())}</a>" › "<a href=Route::Work(id.clone()).href()>{move || signal.with(|h| h.work.name.clone())}</a></p>
        {let title = config.title.clone(); move || { let (text, mark) = super::in_lang(&title, lang.get()); view! { <h1 lang=mark>{text}</h1> } }}
        {config.intro.clone().map(|intro| move || { let (text, mark) = super::in_lang(&intro, lang.get()); view! { <p lang=mark>{text}</p> } })}
        <p class="summary-line">{move || {
            say::plan_summary_line(lang.get(), &summary())
        }}</p>
        <Show when=move || !proposals.with(Vec::is_empty)>
            <section class="notice" aria-labelledby="proposed-heading">
                <h2 id="proposed-heading">{move || say::proposed(lang.get())}</h2>
                <p>{move || say::proposed_explained(lang.get())}</p>
                <ul>
                    {
                        let definition = definition_for_list.clone();
                        let id = id_for_proposals.clone();
                        move || proposals.get().into_iter().map(|proposal| {
                            let page = lang.get();
                            let words = mhsw::report::source_words_in(page, &definition, &proposal.row.source);
                            let reason = match page {
                                mhsw::lang::Lang::En => proposal.why(),
                                _ => mhsw::report::audit_words::proposal_why(page, &proposal.reason, proposal.legal_risk),
                            };
                            let sign = proposal.legal_risk.then(|| view! { <WarningSign /> });
                            let first_step = (!proposal.row.action.is_empty())
                                .then(|| view! { <span class="first-step">{format!("{}: ", mhsw::report::audit_words::first_step(page))}<span lang=written_in(lang, proposal.action_lang)>{proposal.row.action.clone()}</span></span> });
                            let row = proposal.row.clone();
                            let id = id.clone();
                            // Focus goes to the next proposal's button (the one before, after
                            // the last), or to the added row when none is left. The second press
                            // of a double click, landing on the next proposal's button drawn in
                            // this one's place, adds nothing.
                            let add_one = move |ev: leptos::ev::MouseEvent| {
                                if super::second_of_a_double_click(&ev) {
                                    return;
                                }
                                let row = row.clone();
                                let next = proposals.with_untracked(|all| {
                                    let at = all.iter().position(|p| p.row.id == row.id)?;
                                    all.get(at + 1).or(at.checked_sub(1).and_then(|b| all.get(b))).map(|p| p.row.id.clone())
                                });
                                let added = row.id.clone();
                                state.change(&id, |w| w.plan.push(row));
                                match next {
                                    Some(next) => history::focus_id_when_drawn(&proposal_button_id(&next)),
                                    None => focus_row(&added),
                                }
                            };
                            view! {
                                <li>
                                    {sign}<span lang=written_in(lang, primary)>{words.clone()}</span>" ("{reason}") "
                                    {first_step}
                                    <button type="button" class="secondary" id=proposal_button_id(&proposal.row.id) on:click=add_one>
                                        {move || say::add_to_plan(lang.get())}<span class="visually-hidden" lang=written_in(lang, primary)>": "{words.clone()}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }
                </ul>
                <button type="button" on:click=add_all.clone()>{move || say::add_all(lang.get())}</button>
            </section>
        </Show>
        <For each=row_ids key=|row_id| row_id.clone() let:row_id>
            <PlanRowEditor id=id_for_rows.clone() row_id=row_id definition=definition_for_rows.clone() today=today />
        </For>
        <div class="button-row">
            <button type="button" class="secondary" id=ADD_ACTION_ID on:click=add_blank>{move || say::add_action(lang.get())}</button>
            <button type="button" class="secondary" on:click=download_csv>{move || say::download_csv(lang.get())}</button>
        </div>
        <div role="status" aria-live="polite">
            {move || {
                csv_said
                    .get()
                    .filter(|(empty, _)| !*empty || signal.with(|h| h.work.plan.is_empty()))
                    .map(|(_, said)| view! { <p class="notice">{said}</p> })
            }}
        </div>
    }
    .into_any()
}

/// One row of the plan, edited in place.
#[component]
fn PlanRowEditor(
    /// The work's id.
    id: WorkId,
    /// The row's id.
    row_id: String,
    /// The definition (which fields the plan has).
    definition: Arc<Definition>,
    /// Today, for "overdue".
    today: Date,
) -> impl IntoView {
    let state = AppState::expect();
    let Some(signal) = state.work(&id) else {
        return ().into_any();
    };
    let lang = state.page_lang;
    let row_id_for_read = row_id.clone();
    let row = Memo::new(move |_| {
        signal.with(|h| {
            h.work
                .plan
                .iter()
                .find(|r| r.id == row_id_for_read)
                .cloned()
        })
    });
    let confirming = RwSignal::new(false);
    let number = {
        let row_id = row_id.clone();
        Memo::new(move |_| {
            signal.with(|h| {
                h.work
                    .plan
                    .iter()
                    .position(|r| r.id == row_id)
                    .map(|p| p + 1)
                    .unwrap_or(0)
            })
        })
    };
    let update = {
        let id = id.clone();
        let row_id = row_id.clone();
        move |edit: Box<dyn FnOnce(&mut PlanRow)>| {
            let row_id = row_id.clone();
            state.change(&id, move |w| {
                if let Some(row) = w.plan.iter_mut().find(|r| r.id == row_id) {
                    edit(row);
                }
            });
        }
    };
    let Some(config) = definition.plan.clone() else {
        return ().into_any();
    };
    let primary = definition.primary_language();
    // Where the row came from, in the page's language as it changes: a question's or a
    // section's words are the questionnaire's (marked where they are in another language), the
    // words for a row added by hand are the page's own.
    let source_of_row = row.get_untracked().map(|r| r.source);
    let added_by_hand = matches!(source_of_row, Some(RowSource::Added));
    let source = {
        let definition = definition.clone();
        move || {
            source_of_row
                .as_ref()
                .map(|s| mhsw::report::source_words_in(lang.get(), &definition, s))
                .unwrap_or_default()
        }
    };
    let source_lang = move || {
        (!added_by_hand)
            .then(|| written_in(lang, primary)())
            .flatten()
    };
    let fields = config
        .fields
        .iter()
        .map(|field| {
            let input_id = field_input_id(&row_id, field.field);
            let (label_text, required) = (field.label.clone(), field.required);
            let label = move || super::in_lang(&label_text, lang.get()).0;
            let optional = move || if required { "" } else { say::optional(lang.get()) };
            let label_lang = { let text = field.label.clone(); move || super::in_lang(&text, lang.get()).1 };
            let help = field.help.clone();
            let hint_id = help.as_ref().map(|_| format!("{input_id}-hint"));
            let update = update.clone();
            let kind = field.field;
            let control = match kind {
                PlanFieldKind::Status => view! {
                    <select id=input_id.clone() aria-describedby=hint_id.clone() on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        if let Some(status) = Status::ALL.into_iter().find(|s| s.label() == chosen) {
                            update(Box::new(move |r| r.status = status));
                        }
                    }>
                        {Status::ALL.into_iter().map(|s| view! { <option value=s.label() selected=move || row.with(|r| r.as_ref().map(|r| r.status) == Some(s))>{move || mhsw::report::audit_words::status(lang.get(), s)}</option> }).collect_view()}
                    </select>
                }.into_any(),
                PlanFieldKind::TargetDate | PlanFieldKind::ReviewDate => {
                    let stored = move || row.with(|r| r.as_ref().and_then(|r| if kind == PlanFieldKind::TargetDate { r.target_date } else { r.review_date }));
                    // Part of a date (a year of 0002 on the way to 2028) is left in the box, and
                    // the date saved before stays saved, until the box holds a whole date or
                    // none; it had emptied the box and saved no date (found by a tester on 7
                    // December 2026). Leaving it so says why.
                    let unfinished = RwSignal::new(false);
                    let said = RwSignal::new(false);
                    let error_id = format!("{input_id}-error");
                    let described_by = {
                        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
                        move || hint_id.iter().cloned().chain(said.get().then(|| error_id.clone())).collect::<Vec<_>>().join(" ")
                    };
                    // A picker, autofill or assistive technology may set the value and send
                    // only `change`; typing sends `input`. Both are taken the same way.
                    // While the box holds part of a date, closing or reloading the page asks
                    // first, as for any change not stored; leaving within the app lets it go.
                    let hold = crate::state::hold_while_drawn(&input_id);
                    let take = move |ev: web_sys::Event| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        let typed = input.value();
                        let date = match typed.parse::<Date>() {
                            Ok(date) => Some(date),
                            Err(_) if typed.is_empty() && !input.validity().bad_input() => None,
                            Err(_) => {
                                unfinished.set(true);
                                hold(Some(typed));
                                return;
                            }
                        };
                        update(Box::new(move |r| if kind == PlanFieldKind::TargetDate { r.target_date = date } else { r.review_date = date }));
                        unfinished.set(false);
                        hold(None);
                        said.set(false);
                    };
                    view! {
                        {move || said.get().then(|| view! { <p class="field-error" id=error_id.clone()>{mhsw::messages::audit::date_unfinished(lang.get())}</p> })}
                        <input type="date" id=input_id.clone() class="date-input" min=mhsw::date::EARLIEST max=mhsw::date::LATEST aria-describedby=described_by
                            aria-invalid=move || if said.get() { "true" } else { "false" }
                            use:shows=Callback::new(move |typed: String| if unfinished.get() { typed } else { stored().map(|d| d.to_string()).unwrap_or_default() })
                            on:input=take.clone()
                            on:change=take
                            on:blur=move |_| said.set(unfinished.get_untracked()) />
                    }.into_any()
                }
                _ => {
                    let stored = move || row.with(|r| r.as_ref().map(|r| field_text(r, kind)).unwrap_or_default());
                    let typed = RwSignal::new(stored());
                    let count_id = format!("{input_id}-count");
                    let described_by = hint_id.iter().chain([&count_id]).cloned().collect::<Vec<_>>().join(" ");
                    view! {
                        <textarea id=input_id.clone() class="text-area" rows=if kind == PlanFieldKind::Action { "4" } else { "2" } aria-describedby=described_by
                            use:shows=Callback::new(move |typed| kept_text(Some(typed), &stored(), PLAN_FIELD_MAX_CHARS))
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                typed.set(text.clone());
                                // Over the limit, the text stays in the box with the count, unsaved.
                                if fits(&text, PLAN_FIELD_MAX_CHARS) {
                                    update(Box::new(move |r| match kind {
                                        PlanFieldKind::Action => r.action = text,
                                        PlanFieldKind::Lead => r.lead = text,
                                        PlanFieldKind::Partners => r.partners = text,
                                        _ => r.success_measure = text,
                                    }));
                                }
                            }></textarea>
                        <CharacterCount id=count_id text=typed limit=PLAN_FIELD_MAX_CHARS />
                    }.into_any()
                }
            };
            view! {
                // The action, often a sentence or two from the start, has the row's whole width.
                <div class="field" class:field-wide=kind == PlanFieldKind::Action>
                    <label for=input_id><span lang=label_lang>{label}</span>{optional}</label>
                    {help.map(|h| move || { let (text, mark) = super::in_lang(&h, lang.get()); view! { <p class="hint" id=hint_id.clone() lang=mark>{text}</p> } })}
                    {control}
                </div>
            }
        })
        .collect_view();
    let overdue = move || row.with(|r| r.as_ref().is_some_and(|r| plan::overdue(r, today)));
    // After a removal focus goes to the next row's first field, or to "Add an action" when the
    // last row went, never to the page itself.
    let first_field = config.fields.first().map(|f| f.field);
    let remove = {
        let id = id.clone();
        let row_id = row_id.clone();
        Callback::new(move |()| {
            let row_id = row_id.clone();
            let next_row = signal.with_untracked(|h| {
                let at = h.work.plan.iter().position(|r| r.id == row_id)?;
                h.work.plan.get(at + 1).map(|r| r.id.clone())
            });
            state.change(&id, move |w| w.plan.retain(|r| r.id != row_id));
            match (next_row, first_field) {
                (Some(next_row), Some(field)) => {
                    history::focus_id(&field_input_id(&next_row, field))
                }
                _ => history::focus_id(ADD_ACTION_ID),
            }
        })
    };
    // The question replaces "Remove action" (focus goes to its safe answer, `Confirm`); after
    // "No, keep it" or Escape focus goes back to "Remove action", never to the page itself.
    let (remove_id, keep_id) = (format!("remove-{row_id}"), format!("remove-keep-{row_id}"));
    let ask = move |_| confirming.set(true);
    let keep = {
        let remove_id = remove_id.clone();
        Callback::new(move |()| {
            confirming.set(false);
            history::focus_id_when_drawn(&remove_id);
        })
    };
    view! {
        <fieldset class="plan-row">
            <legend>{move || say::action_number(lang.get(), number.get())}<span class="plan-source" lang=source_lang>{move || format!(": {}", source())}</span></legend>
            {move || overdue().then(|| view! { <p class="overdue">{move || say::overdue(lang.get(), today)}</p> })}
            <div class="plan-grid">{fields}</div>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="link-button" id=remove_id.clone() on:click=ask>{move || say::remove_action(lang.get(), number.get())}</button>
            }>
                <Confirm keep_id=keep_id.clone() label=say::confirm_remove_action
                    question=Signal::derive(move || say::remove_action_question(lang.get()).to_owned())
                    yes=say::yes_remove on_yes=remove on_keep=keep />
            </Show>
        </fieldset>
    }
    .into_any()
}

/// The `lang` for words always shown in `written` (a questionnaire's own words in its primary
/// language, or the plan's words that are English only) on a page in `lang`: set only when the
/// two differ, so a screen reader reads each part in its own language.
fn written_in(lang: RwSignal<Lang>, written: Lang) -> impl Fn() -> Option<&'static str> + Copy {
    move || (lang.get() != written).then(|| written.bcp47())
}
