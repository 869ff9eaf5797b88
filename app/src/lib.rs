//! The browser app of the mental health social work toolkit.
//!
//! Owns: Leptos components that render the pure core's values and send the user's events up, and
//! the browser edges (storage, files, downloads, the PDF worker, speech). Business logic,
//! scoring and wording of reports live in the `mhsw` core, never here.

pub mod components;
pub mod edges;
pub mod later;
pub mod pages;
pub mod route;
pub mod state;

use leptos::prelude::*;

use crate::components::layout::Layout;
use crate::edges::{history, storage};
use crate::pages::PageFor;
use crate::route::Route;
use crate::state::AppState;

/// Starts the app: a panic hook that reports in the page, then the root component.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The root: provides the state (which starts loading the questionnaires), follows the URL.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    history::ignore_double_clicks_across_pages();
    history::listen(move |route| {
        // While a shared device is collecting feedback, no link, back button or typed address
        // leads away from the collection screens.
        if let Some(kiosk) = state.kiosk.get_untracked() {
            let home = Route::Collect(kiosk.work);
            if route != home {
                state.kept_in_collection.update(|kept| *kept += 1);
                history::go(&home);
                return;
            }
        }
        // A hash change back to the page already shown (after the redirect above) must not
        // rebuild it: that would wipe answers being given.
        if state.route.get_untracked() != route {
            state.route.set(route);
        }
        history::focus_heading();
    });
    // Collection mode locks the device, not the tab: when another tab starts it, this one
    // follows at once; when the practitioner ends it there, this one follows too. Storage
    // cleared from elsewhere does not unlock a tab that is collecting: the lock is put back.
    storage::listen_other_tabs(move |key| {
        if key.is_empty() || storage::is_kiosk_key(&key) {
            match (storage::kiosk(), state.kiosk.get_untracked()) {
                (Some(kiosk), _) => {
                    let route = Route::Collect(kiosk.work.clone());
                    state.kiosk.set(Some(kiosk));
                    history::go(&route);
                }
                (None, Some(held)) if key.is_empty() => {
                    let _ = storage::set_kiosk(Some(&held));
                }
                (None, Some(_)) => state.kiosk.set(None),
                (None, None) => {}
            }
        }
    });
    view! {
        <Layout>
            <PageFor route=state.route />
        </Layout>
    }
}
