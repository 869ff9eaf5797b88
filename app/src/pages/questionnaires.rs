//! The questionnaires: which loaded and from where, which did not and why (the same problems
//! `mhsw check` prints), and opening a questionnaire file from the user's computer.

use leptos::prelude::*;

use mhsw::messages::data as say;
use mhsw::messages::problems;

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
                    let file_for_remove = file.clone();
                    view! {
                        <tr>
                            <td lang=move || (lang.get() != mhsw::lang::Lang::En).then_some("en-GB")>{title}</td>
                            <td>{version}</td>
                            <td>{file.clone()}</td>
                            <td>{move || say::source(lang.get(), source == Source::Site, source == Source::BuiltIn)}</td>
                            <td>{(source == Source::Local).then(|| view! {
                                <button type="button" class="secondary" on:click=move |_| {
                                    let name = file_for_remove.clone();
                                    leptos::task::spawn_local(async move {
                                        // Taken off the list only once it is gone from the device, and
                                        // said so (an earlier "ready to use" is no longer true). The
                                        // button goes with its row: focus goes to the control that
                                        // opens a questionnaire, not to the page itself.
                                        match database::delete_document(&name).await {
                                            Ok(()) => {
                                                state.questionnaires.update(|q| if let Questionnaires::Checked(c) = q { c.loaded.retain(|l| !(l.source == Source::Local && l.file == name)); });
                                                message.set(Some(Outcome::Done(problems::questionnaire_removed(lang.get_untracked(), &name))));
                                                history::focus_id_when_drawn(OPEN_ID);
                                            }
                                            Err(why) => { let lang = lang.get_untracked(); message.set(Some(Outcome::NotDone(problems::questionnaire_not_removed(lang, &name, &why.in_lang(lang))))) }
                                        }
                                    });
                                }>{move || say::remove_from_device(lang.get())}</button>
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
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
        <label class="file-label" for="open-definition">{move || say::open_questionnaire_file(lang.get())}</label>
        <p class="hint" id="open-definition-hint">{move || say::open_questionnaire_hint(lang.get())}</p>
        <input id=OPEN_ID type="file" accept=".json,application/json" aria-describedby="open-definition-hint" on:change=open_file />
        <div role="status" aria-live="polite">
            {move || message.get().map(Outcome::notice)}
        </div>
    }
}
