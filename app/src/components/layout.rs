//! The page frame: skip link, header with navigation, the main landmark, and the footer with the
//! alignment and privacy notes. While a shared device collects feedback, the navigation, save
//! line and footer links are not shown, so nothing leads to anyone's earlier answers.

use leptos::prelude::*;

use mhsw::lang::Lang;
use mhsw::messages;
use mhsw::messages::frame as say;

use crate::edges::{history, page_lang};
use crate::later;
use crate::route::Route;
use crate::state::AppState;

/// Frames every page.
#[component]
pub fn Layout(
    /// The page.
    children: Children,
) -> impl IntoView {
    let state = AppState::expect();
    let collecting = move || state.kiosk.with(Option::is_some);
    let toggle_text = move |_| state.large_text.update(|on| *on = !*on);
    let lang = state.page_lang;
    let skip_to_main = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        history::focus_id("main-content");
    };
    // The document's `lang` follows the language shown, so screen readers read it aright.
    Effect::new(move |_| page_lang::set(lang.get().bcp47()));
    view! {
        <div class="app" class:large-text=move || state.large_text.get()>
            // The app's routes are in the address's `#`, so following `#main-content` would be
            // a route (a page that does not exist; in collection mode, a refused one): the link
            // moves focus to the main content itself, and the address stays as it is.
            <a class="skip-link" href="#main-content" on:click=skip_to_main>{move || messages::skip_to_content(lang.get())}</a>
            <header class="site-header">
                <div class="wrap header-row">
                    <Show when=move || !collecting() fallback=move || view! { <span class="brand">{move || messages::collection_brand(lang.get())}</span> }>
                        // Drawn again as a whole when the language changes: one reactive block,
                        // not one per word, keeps the first module small.
                        {move || {
                            let lang = lang.get();
                            // The switch offers the other language, named in itself and marked
                            // with its own `lang` ("Cymraeg" on an English page).
                            let other = match state.lead_lang.get() {
                                Lang::En => Lang::Cy,
                                Lang::Cy => Lang::En,
                            };
                            let switch = move |_| {
                                state.choose_lead_lang(other);
                                // The switch is drawn again: focus stays on it.
                                history::focus_id_when_drawn(SWITCH_ID);
                            };
                            view! {
                                <a class="brand" href=Route::Home.href()>{say::brand(lang)}</a>
                                <nav aria-label=say::main_navigation(lang)>
                                    <ul class="nav-list">
                                        <li><a href=Route::Home.href()>{say::home(lang)}</a></li>
                                        <li><a href=Route::Questionnaires.href()>{say::questionnaires(lang)}</a></li>
                                        <li><a href=Route::Privacy.href()>{say::your_data(lang)}</a></li>
                                    </ul>
                                </nav>
                                <nav class="language-switch lead-language" aria-label=messages::language_switch(lang)>
                                    <button type="button" id=SWITCH_ID class="link-button" lang=other.bcp47() on:click=switch>
                                        {other.own_name()}
                                    </button>
                                </nav>
                            }
                        }}
                    </Show>
                    <button type="button" class="link-button text-size" aria-pressed=move || state.large_text.get().to_string() on:click=toggle_text>
                        {move || messages::larger_text(lang.get())}
                    </button>
                </div>
            </header>
            <Show when=move || !collecting()>
                <Later part=LaterPart::UpdateNotice />
                <Later part=LaterPart::SaveStatus />
            </Show>
            <main id="main-content" class="wrap" tabindex="-1">
                {children()}
            </main>
            <Show when=move || !collecting()>
                <footer class="site-footer">
                    {move || {
                        let lang = lang.get();
                        view! {
                            <div class="wrap">
                                <p>{say::alignment(lang)}</p>
                                <p>
                                    {say::stays_on_device(lang)}
                                    <a href=Route::Privacy.href()>{say::how_data_is_kept(lang)}</a>
                                </p>
                                // Wherever Welsh is shown, the frame says, in both languages,
                                // that it has not yet been checked by a Welsh speaker.
                                {(lang == Lang::Cy).then(|| view! {
                                    <p class="translation-note">
                                        <span lang=Lang::Cy.bcp47()>{say::welsh_unchecked(Lang::Cy)}</span>" "
                                        <span lang=Lang::En.bcp47()>{say::welsh_unchecked(Lang::En)}</span>
                                    </p>
                                })}
                            </div>
                        }
                    }}
                </footer>
            </Show>
        </div>
    }
}

/// The id of the lead's language switch, which changes every page at once and is remembered
/// on the device.
const SWITCH_ID: &str = "lead-language";

/// Views that come from the later part of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaterPart {
    /// "A new version is ready": only ever shown with the service worker, which keeps this
    /// release's later part, so it can always be drawn.
    UpdateNotice,
    /// The save line and the store's notices.
    SaveStatus,
    /// Saved entries that could not be read (home page).
    SetAside,
}

/// A view from the later part of the app, drawn once that part has started (before then there
/// is nothing for it to say: saving, and reading the store, are done by the later part).
#[component]
pub fn Later(
    /// Which view.
    part: LaterPart,
) -> impl IntoView {
    let state = crate::state::AppState::expect();
    move || {
        (state.started.get() == Some(Ok(()))).then(|| {
            when_ready(Box::pin(async move {
                let view = match part {
                    LaterPart::UpdateNotice => later::update_notice().await,
                    LaterPart::SaveStatus => later::save_status().await,
                    LaterPart::SetAside => later::set_aside_entries().await,
                };
                view.unwrap_or_else(|_| ().into_any())
            }))
        })
    }
}

/// A view that comes later (from a part of the app still downloading): nothing until `view`
/// is ready, then it, at once if it is ready already. One shape for every such view, so the
/// code that waits for them is there once.
pub fn when_ready(
    view: std::pin::Pin<Box<dyn std::future::Future<Output = AnyView> + Send>>,
) -> impl IntoView {
    view! { <Suspense fallback=|| ()>{Suspend::new(view)}</Suspense> }
}
