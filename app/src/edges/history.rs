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
    focus_heading_within(HEADING_FRAMES);
}

/// How many frames [`focus_heading`] waits for a heading to be drawn (about half a second).
const HEADING_FRAMES: u32 = 30;

fn focus_heading_within(frames: u32) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        match document.query_selector("main h1") {
            Ok(Some(heading)) => {
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let _ = heading.set_attribute("tabindex", "-1");
                    let _ = heading.focus();
                }
            }
            _ if frames > 1 => return focus_heading_within(frames - 1),
            _ => {}
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
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
