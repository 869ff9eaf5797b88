//! The pages, one module each, and the switch from a route to its page.

pub mod collect;
pub mod home;
pub mod new_work;
pub mod paper;
pub mod plan;
pub mod privacy;
pub mod questionnaires;
pub mod results;
pub mod section;
pub mod section_score;
pub mod work;

use std::sync::Arc;

use leptos::prelude::*;
use mhsw::definition::Definition;
use mhsw::ids::WorkId;
use mhsw::messages::problems as say;

use crate::edges::history;
use crate::later::{self, NotDownloaded};
use crate::route::Route;
use crate::state::{AppState, Held};

/// The work a page shows and the definition it answers, or the page that explains which of the
/// two is missing.
pub fn work_and_definition(
    state: &AppState,
    id: &WorkId,
) -> Result<(RwSignal<Held>, Arc<Definition>), AnyView> {
    let Some(signal) = state.work(id) else {
        return Err(view! { <MissingWork /> }.into_any());
    };
    match signal.with_untracked(|h| state.definition_of(&h.work)) {
        Some(definition) => Ok((signal, definition)),
        None => {
            let missing = signal.with_untracked(|h| h.work.definition.id.to_string());
            Err(view! { <MissingDefinition id=missing /> }.into_any())
        }
    }
}

/// Renders the page for the current route. Every page comes from a part of the app
/// downloaded once: the home page from its own (`home`, which a first visit to it takes with
/// the first module, in `first-pack.wasm`), so a link to a section never downloads it; the
/// others from the later part ([`crate::later::page`]) and the parts it fetches.
#[component]
pub fn PageFor(
    /// The route to render.
    route: RwSignal<Route>,
) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    move || {
        let route = route.get();
        let home = matches!(route, Route::Home);
        let page = move || {
            let route = route.clone();
            Suspend::new(async move {
                let page = if matches!(route, Route::Home) {
                    // Focus is left where it is, as when the home page was drawn at once:
                    // the router (`App`) moves it to the heading after a navigation.
                    later::home_page().await
                } else {
                    let page = if route.is_report() {
                        later::report_page(route).await
                    } else if route.is_collecting() {
                        later::collecting_page(route).await
                    } else {
                        later::page(route).await
                    };
                    // The heading arrives after the route changed: move focus to it now.
                    history::focus_arrived_heading();
                    page
                };
                page.unwrap_or_else(|problem| view! { <NotDownloadedPage problem /> }.into_any())
            })
        };
        // The home page's part is kept by the service worker, or comes with the first module:
        // it is drawn within a few frames, and a "Loading…" line there only flickers.
        let waiting = move || {
            (!home).then(|| view! { <p class="loading">{move || mhsw::messages::frame::loading(lang.get())}</p> })
        };
        view! {
            <Suspense fallback=waiting>{page}</Suspense>
        }
    }
}

/// A section of a piece of work: called by [`crate::later::page`], so its code is in the
/// later part of the app, which a link to a section waits for, and the other pages' code is
/// not.
pub fn section_page(route: Route) -> AnyView {
    let needed = route.needs_questionnaires();
    let work = route.work().cloned();
    once_loaded_or_early(
        move || match route.clone() {
            Route::Section(id, section) => {
                view! { <section::SectionPage id=id section_id=section /> }.into_any()
            }
            other => view! { <NotFound path=other.href() /> }.into_any(),
        },
        needed,
        work,
        // A section can be drawn once its work's questionnaire is checked, before the others.
        true,
    )
}

/// The page for a route other than home, a section, and the report and collecting pages:
/// called by [`crate::later::other_page`], so its code is in a part of its own (`pages`).
pub fn page(route: Route) -> AnyView {
    let needed = route.needs_questionnaires();
    let work = route.work().cloned();
    once_loaded(
        move || match route.clone() {
            Route::Privacy => view! { <privacy::PrivacyPage /> }.into_any(),
            Route::NotFound(path) => view! { <NotFound path /> }.into_any(),
            Route::Questionnaires => view! { <questionnaires::QuestionnairesPage /> }.into_any(),
            Route::New(definition) => {
                view! { <new_work::NewWorkPage definition_id=definition /> }.into_any()
            }
            Route::Work(id) => view! { <work::WorkPage id=id /> }.into_any(),
            // Drawn by `section_page`, `report_page` and `collecting_page`; never asked of
            // this one.
            Route::Home
            | Route::Section(..)
            | Route::Plan(_)
            | Route::Results(_)
            | Route::Collect(_)
            | Route::Paper(_)
            | Route::EnterPaper(_) => view! { <NotFound path=route.href() /> }.into_any(),
        },
        needed,
        work,
    )
}

/// A page that collects feedback (collection mode, paper): called by
/// [`crate::later::collecting_page`], in its own part of the app.
pub fn collecting_page(route: Route) -> AnyView {
    let work = route.work().cloned();
    once_loaded(
        move || match route.clone() {
            Route::Collect(id) => view! { <collect::CollectPage id=id /> }.into_any(),
            Route::Paper(id) => view! { <paper::PaperPage id=id /> }.into_any(),
            Route::EnterPaper(id) => view! { <paper::EnterPaperPage id=id /> }.into_any(),
            other => view! { <NotFound path=other.href() /> }.into_any(),
        },
        true,
        work,
    )
}

/// A report page (results, plan): called by [`crate::later::report_page`], so the code that
/// builds reports is in its own part of the app, not in the one every other page waits for.
pub fn report_page(route: Route) -> AnyView {
    let work = route.work().cloned();
    once_loaded(
        move || match route.clone() {
            Route::Plan(id) => view! { <plan::PlanPage id=id /> }.into_any(),
            Route::Results(id) => view! { <results::ResultsPage id=id /> }.into_any(),
            other => view! { <NotFound path=other.href() /> }.into_any(),
        },
        true,
        work,
    )
}

/// Draws `page` once the checked questionnaires are there (when `needed`); until then, says
/// they are loading, then moves focus to the real heading when it is drawn. A page of `work`
/// that another tab deletes says so in its place.
fn once_loaded(
    page: impl Fn() -> AnyView + Send + Sync + 'static,
    needed: bool,
    work: Option<WorkId>,
) -> AnyView {
    once_loaded_or_early(page, needed, work, false)
}

/// [`once_loaded`], except that when `early`, the page of `work` is drawn as soon as that
/// work's questionnaire is checked ([`crate::edges::definitions::Catalogue::answers`]), before
/// the others are.
fn once_loaded_or_early(
    page: impl Fn() -> AnyView + Send + Sync + 'static,
    needed: bool,
    work: Option<WorkId>,
    early: bool,
) -> AnyView {
    let state = AppState::expect();
    let gone = {
        let work = work.clone();
        Memo::new(move |_| work.as_ref().is_some_and(|id| state.deleted_here_too(id)))
    };
    // The page goes from under whoever was on it: its heading says why, and has focus.
    Effect::new(move |was_gone: Option<bool>| {
        let now = gone.get();
        if was_gone == Some(false) && now {
            history::focus_heading();
        }
        now
    });
    let early = work.filter(|_| early);
    // Pages need the checked questionnaires; a deep link can arrive before they are.
    let loaded = Memo::new(move |_| {
        state.questionnaires.with(|q| q.checked().is_some())
            || early.as_ref().is_some_and(|id| {
                crate::edges::definitions::FIRST.with(|first| {
                    first.with(|first| {
                        first.as_ref().is_some_and(|first| {
                            state.work(id).is_some_and(|work| {
                                work.with_untracked(|h| first.answers(&h.work.definition.id))
                            })
                        })
                    })
                })
            })
    });
    // Focus went to "Loading the questionnaires…"; move it to the real heading once it is drawn.
    Effect::new(move |was_loaded: Option<bool>| {
        let now = loaded.get();
        if was_loaded == Some(false) && now {
            history::focus_arrived_heading();
        }
        now
    });
    (move || {
        if gone.get() {
            view! { <MissingWork deleted=true /> }.into_any()
        } else if needed && !loaded.get() {
            view! { <h1>{mhsw::messages::frame::loading_questionnaires(state.page_lang.get())}</h1> }.into_any()
        } else {
            page()
        }
    })
    .into_any()
}

/// A route the app has no page for.
#[component]
fn NotFound(
    /// What was asked for.
    path: String,
) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    move || {
        let lang = lang.get();
        view! {
            <h1>{say::page_not_found(lang)}</h1>
            <p>{say::no_page_at(lang, &path)}<a href=Route::Home.href()>{say::go_home(lang)}</a>"."</p>
        }
    }
}

/// Shown when the later part of the app could not be downloaded.
#[component]
pub(crate) fn NotDownloadedPage(
    /// What went wrong.
    problem: NotDownloaded,
) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    move || {
        let lang = lang.get();
        view! {
            <h1>{say::page_not_opened(lang)}</h1>
            <p>{problem.in_lang(lang)}"."</p>
            <p><a href=Route::Home.href()>{say::go_home(lang)}</a></p>
        }
    }
}

/// Shown when a link names work that is not on this device, or work another tab deleted while
/// its page was open here.
#[component]
pub fn MissingWork(
    /// Deleted in another tab while this one showed it.
    #[prop(optional)]
    deleted: bool,
) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    move || {
        let lang = lang.get();
        let (heading, explained) = if deleted {
            (
                say::work_deleted_elsewhere(lang),
                say::work_deleted_elsewhere_explained(lang),
            )
        } else {
            (say::work_not_here(lang), say::work_not_here_explained(lang))
        };
        view! {
            <h1>{heading}</h1>
            <p>
                {explained}
                <a href=Route::Home.href()>{say::see_work_here(lang)}</a>"."
            </p>
        }
    }
}

/// Shown when work names a questionnaire that is not loaded.
#[component]
pub fn MissingDefinition(
    /// The questionnaire's id.
    id: String,
) -> impl IntoView {
    let lang = AppState::expect().page_lang;
    move || {
        let lang = lang.get();
        view! {
            <h1>{say::questionnaire_missing(lang)}</h1>
            <p>
                {say::questionnaire_missing_explained(lang, &id)}
                <a href=Route::Questionnaires.href()>{say::see_which_loaded(lang)}</a>"."
            </p>
        }
    }
}

/// The second press of a double-click (the browser counts it as the click's `detail`) does
/// nothing, and says so: it lands on the next screen's button in the same place (or on a form
/// just saved and cleared), and must not skip a question unseen or send a form twice. A single
/// press, or a key, works as ever.
pub fn second_of_a_double_click(ev: &leptos::ev::MouseEvent) -> bool {
    if ev.detail() > 1 {
        ev.prevent_default();
        return true;
    }
    false
}

/// A definition's text as a page in `lang` shows it: in `lang` when the author gave it, else
/// in the definition's primary language ([`mhsw::text::Text::get`]), with the `lang` attribute
/// its element needs then, so a screen reader reads each part in its own language.
pub fn in_lang(text: &mhsw::text::Text, lang: mhsw::lang::Lang) -> (String, Option<&'static str>) {
    let shown = text.language_for(lang);
    (
        text.get(lang).to_owned(),
        (shown != lang).then(|| shown.bcp47()),
    )
}
