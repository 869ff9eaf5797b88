//! The URL's hash: reading the current route, following changes (back and forward buttons) and
//! navigating.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::route::Route;

/// The route in the address bar now.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Calls `on_change` with the new route whenever the hash changes (links, back, forward).
pub fn listen(on_change: impl Fn(Route) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(move || on_change(current()));
    let _ = window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    closure.forget();
}

/// Goes to a route, adding a history entry.
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

/// Moves keyboard and screen-reader focus to the page's main heading after navigation.
///
/// A page can draw its heading a few frames after its route changed (going Back to "Your data"
/// did), so this looks again on the next frames, for up to 30 of them (`HEADING_FRAMES`), rather
/// than leave focus on the page itself.
pub fn focus_heading() {
    focus_when_drawn("main h1".to_owned(), true, HEADING_FRAMES);
}

/// Moves focus to the element with this id once it is drawn: after a change that redraws a list,
/// focus goes to the new element, not to one about to be removed.
pub fn focus_id_when_drawn(id: &str) {
    focus_when_drawn(format!("#{id}"), false, HEADING_FRAMES);
}

/// How many frames focus waits for its element to be drawn (about half a second).
const HEADING_FRAMES: u32 = 30;

/// Focuses the first element matching `selector` from the next frame on, looking again each
/// frame for up to `frames`. A heading (`heading`) is made focusable and the page scrolled to
/// the top; anything else is focused where it is.
fn focus_when_drawn(selector: String, heading: bool, frames: u32) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        match document.query_selector(&selector) {
            Ok(Some(element)) => {
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    if heading {
                        let _ = element.set_attribute("tabindex", "-1");
                    }
                    let _ = element.focus();
                }
            }
            _ if frames > 1 => return focus_when_drawn(selector, heading, frames - 1),
            _ => {}
        }
        if heading {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
                // In a short window (400% zoom, a phone on its side) what sits above the
                // heading can push it out of view: then the heading goes to the top instead.
                let Ok(Some(element)) = document.query_selector(&selector) else {
                    return;
                };
                let height = window
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(f64::MAX);
                if element.get_bounding_client_rect().bottom() > height {
                    element.scroll_into_view_with_bool(true);
                }
            }
        }
    });
}

/// Moves focus to an element by id (used by the error summary's links).
pub fn focus_id(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(element) = document.get_element_by_id(id) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
