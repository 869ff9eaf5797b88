//! The questionnaires: which loaded and from where, which did not and why (the same problems
//! `mhsw check` prints), and opening a questionnaire file from the user's computer.

use leptos::prelude::*;

use mhsw::messages::data as say;
use mhsw::messages::problems;

use crate::components::confirm::Confirm;
use crate::components::file_chooser::{self, FileChooser};
use crate::edges::definitions::{self, Questionnaires, Source};
use crate::edges::{database, files, history};
use crate::later::Outcome;
use crate::state::AppState;

/// The id of the control that opens a questionnaire file.
const OPEN_ID: &str = "open-definition";

/// The questionnaires page.
#[component]
pub fn QuestionnairesPage() -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<Outcome>);
    // The questionnaire a person asked to remove, until they answer.
    let asking = RwSignal::new(None::<Removal>);
    let lang = state.page_lang;
    let loaded = move || {
        state.questionnaires.with(|c| {
            c.checked()
                .map(|c| {
                    c.loaded
                        .iter()
                        .map(|l| {
                            (
                                l.file.clone(),
                                l.source,
                                l.definition.title.to_string(),
                                l.definition.version.clone(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let broken = move || {
        state
            .questionnaires
            .with(|c| c.checked().map(|c| c.broken.clone()).unwrap_or_default())
    };
    let open_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen = files::chosen_files(&input);
        input.set_value("");
        leptos::task::spawn_local(async move {
            for file in chosen {
                let name = file.name();
                let lang = state.page_lang.get_untracked();
                let outcome = match files::read_text(&file).await {
                    Err(e) => Err(e.in_lang(lang)),
                    // The JSON file a lead most often has to hand is one they exported.
                    Ok(text) if mhsw::work::is_toolkit_export(&text) => {
                        Err(problems::exported_work_not_questionnaire(lang).to_owned())
                    }
                    Ok(text) => match definitions::load(&name, &text).await {
                        Err(error) => Err(problems::questionnaire_has_problems(
                            lang,
                            &error.to_string(),
                        )),
                        Ok(definition) => database::put_document(&name, &text)
                            .await
                            .map(|()| {
                                state.questionnaires.update(|q| {
                                    if let Questionnaires::Checked(c) = q {
                                        c.broken.retain(|(s, e)| {
                                            !(*s == Source::Local && e.file == name)
                                        });
                                        definitions::add(c, Source::Local, &name, Ok(definition));
                                    }
                                });
                            })
                            .map_err(|e| e.in_lang(lang)),
                    },
                };
                message.set(Some(match outcome {
                    Ok(()) => Outcome::Done(problems::questionnaire_ready(lang, &name)),
                    Err(why) => {
                        Outcome::NotDone(problems::questionnaire_not_added(lang, &name, &why))
                    }
                }));
            }
        });
    };
    view! {
        <h1>{move || mhsw::messages::frame::questionnaires(lang.get())}</h1>
        <p>{move || say::questionnaires_intro(lang.get())}</p>
        <h2>{move || say::ready_to_use(lang.get())}</h2>
        // At 400% zoom the table scrolls inside its own named region, never the whole page.
        <div class="table-wrap" role="region" tabindex="0" aria-label=move || say::questionnaires_loaded(lang.get())>
        <table class="data-table">
            <caption class="visually-hidden">{move || say::questionnaires_loaded(lang.get())}</caption>
            <thead><tr>{move || { let [q, v, f, from, actions] = say::table_columns(lang.get()); view! { <th scope="col">{q}</th><th scope="col">{v}</th><th scope="col">{f}</th><th scope="col">{from}</th><th scope="col"><span class="visually-hidden">{actions}</span></th> } }}</tr></thead>
            <tbody>
                {move || loaded().into_iter().map(|(file, source, title, version)| {
                    let (file_for_remove, title_for_remove) = (file.clone(), title.clone());
                    view! {
                        <tr>
                            <td lang=move || (lang.get() != mhsw::lang::Lang::En).then_some("en-GB")>{title}</td>
                            <td>{version}</td>
                            <td>{file.clone()}</td>
                            <td>{move || say::source(lang.get(), source == Source::Site, source == Source::BuiltIn)}</td>
                            <td>{(source == Source::Local).then(|| view! {
                                <RemoveButton file=file_for_remove title=title_for_remove asking />
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        {move || asking.get().map(|removal| view! { <RemoveQuestion removal asking message /> })}
        {move || {
            let broken = broken();
            (!broken.is_empty()).then(|| view! {
                <h2>{move || say::could_not_be_loaded(lang.get())}</h2>
                <p>{move || say::problems_explained(lang.get())}</p>
                {move || say::problems_in_english(lang.get()).map(|said| view! { <p>{said}</p> })}
                {broken.into_iter().map(|(_, error)| view! {
                    <div class="notice notice-warning problem-list">
                        <h3>{error.file.clone()}</h3>
                        // The loader's explanations are for authors, in English.
                        <ul lang=move || (lang.get() != mhsw::lang::Lang::En).then_some("en-GB")>{error.problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                    </div>
                }).collect_view()}
            })
        }}
        <h2>{move || say::try_from_computer(lang.get())}</h2>
        <FileChooser id=OPEN_ID label=move || say::open_questionnaire_file(lang.get()) hint="open-definition-hint"
            choose=move || mhsw::messages::frame::choose_file(lang.get()) on_change=open_file>
            {move || say::open_questionnaire_hint(lang.get())}
        </FileChooser>
        <div role="status" aria-live="polite">
            {move || message.get().map(Outcome::notice)}
        </div>
    }
}

/// The id a questionnaire's own controls are made from: its file name with anything but
/// letters and digits made a hyphen.
fn stem(file: &str) -> String {
    file.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// "Remove from this device" for a questionnaire opened from a file, named for screen readers
/// with the questionnaire it removes. It does not remove it: it asks first (`asking`).
#[component]
fn RemoveButton(file: String, title: String, asking: RwSignal<Option<Removal>>) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    let id = format!("remove-{}", stem(&file));
    let removal = Removal {
        file,
        title: title.clone(),
    };
    view! {
        <button type="button" class="secondary" id=id on:click=move |_| asking.set(Some(removal.clone()))>
            {move || say::remove_from_device(lang.get())}
            <span class="visually-hidden" lang=move || (lang.get() != mhsw::lang::Lang::En).then_some("en-GB")>": "{title}</span>
        </button>
    }
}

/// A questionnaire a person asked to remove from this device, until they answer.
#[derive(Clone, PartialEq)]
struct Removal {
    file: String,
    title: String,
}

/// The question asked before a questionnaire is removed: work that answers it stays, but does
/// not open until the file is opened again. It is drawn below the table, at the page's full
/// width, not in the table's last cell, which on a phone or at 400% zoom is off to the side.
#[component]
fn RemoveQuestion(
    removal: Removal,
    asking: RwSignal<Option<Removal>>,
    message: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.page_lang;
    let Removal { file, title } = removal;
    let stem = stem(&file);
    let keep = {
        let remove_id = format!("remove-{stem}");
        Callback::new(move |()| {
            history::focus_id_when_drawn(&remove_id);
            asking.set(None);
        })
    };
    let remove = {
        let file = file.clone();
        Callback::new(move |()| {
            let name = file.clone();
            asking.set(None);
            leptos::task::spawn_local(async move {
                // Taken off the list only once it is gone from the device, and said so (an
                // earlier "ready to use" is no longer true). Its row goes: focus goes to the
                // control that opens a questionnaire, not to the page itself.
                let lang = lang.get_untracked();
                match database::delete_document(&name).await {
                    Ok(()) => {
                        history::focus_id_when_drawn(&file_chooser::button_id(OPEN_ID));
                        state.questionnaires.update(|q| {
                            if let Questionnaires::Checked(c) = q {
                                c.loaded
                                    .retain(|l| !(l.source == Source::Local && l.file == name));
                            }
                        });
                        message.set(Some(Outcome::Done(problems::questionnaire_removed(
                            lang, &name,
                        ))));
                    }
                    Err(why) => {
                        history::focus_id_when_drawn(&format!("remove-{}", self::stem(&name)));
                        message.set(Some(Outcome::NotDone(problems::questionnaire_not_removed(
                            lang,
                            &name,
                            &why.in_lang(lang),
                        ))));
                    }
                }
            });
        })
    };
    let question =
        Signal::derive(move || problems::remove_questionnaire_question(lang.get(), &title, &file));
    view! {
        <Confirm keep_id=format!("keep-{stem}") label=problems::confirm_remove_questionnaire
            question=question yes=mhsw::messages::reports::yes_remove
            on_yes=remove on_keep=keep />
    }
}
