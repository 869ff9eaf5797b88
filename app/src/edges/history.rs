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
    MOVED_AT.set(js_sys::Date::now());
    let left = active_element();
    LEFT_BY_NAVIGATION.with(|l| l.replace(left.clone()));
    focus_when_drawn_from("main h1".to_owned(), true, HEADING_FRAMES, left);
}

/// Moves focus to the heading of a page that arrived after its route changed (its part of the
/// app was still downloading): as [`focus_heading`], but only while focus is where the
/// navigation left it. A person who pressed Tab while the page was coming keeps where it took
/// them.
pub fn focus_arrived_heading() {
    MOVED_AT.set(js_sys::Date::now());
    let left = LEFT_BY_NAVIGATION.with(|l| l.borrow().clone());
    focus_when_drawn_from("main h1".to_owned(), true, HEADING_FRAMES, left);
}

/// How long after a page changes the second press of a double-click is ignored: about twice
/// the longest gap most systems count as a double-click's.
const DOUBLE_CLICK_GUARD_MS: f64 = 700.0;

/// Makes the second press of a double-click that changed the page press nothing on the new
/// page. It lands wherever the new page has drawn under the pointer (an answer box, a button,
/// the page itself), where it would take focus, scroll the page away from the heading or
/// choose something the person never saw. A single press, or a key, works as ever.
pub fn ignore_double_clicks_across_pages() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if ev.detail() > 1 && js_sys::Date::now() - MOVED_AT.get() < DOUBLE_CLICK_GUARD_MS {
            // On the press: no focus, no selection. On the click: no handler, no default.
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    for kind in ["mousedown", "mouseup", "click"] {
        // Captured at the window, before any element or the app's own handlers see it.
        let _ = window.add_event_listener_with_callback_and_bool(
            kind,
            closure.as_ref().unchecked_ref(),
            true,
        );
    }
    // The listener lives as long as the page.
    closure.forget();
}

thread_local! {
    /// When the page last changed ([`focus_heading`], [`focus_arrived_heading`]), in
    /// milliseconds since 1970.
    static MOVED_AT: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
    /// The element that had focus when the page last changed ([`focus_heading`]).
    static LEFT_BY_NAVIGATION: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
    /// The element the app itself last moved focus to: focus still there is not the person's.
    static PUT_BY_APP: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// The element with focus now, if any.
fn active_element() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
}

/// Focuses `element`, remembering that the app put focus there.
fn focus_element(element: &web_sys::HtmlElement) {
    let _ = element.focus();
    PUT_BY_APP.with(|put| put.replace(Some(element.clone().into())));
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
///
/// Only while focus is still where the change left it: someone quick with the keyboard may
/// have moved it in the moment before the element was drawn, and it is theirs then.
fn focus_when_drawn(selector: String, heading: bool, frames: u32) {
    focus_when_drawn_from(selector, heading, frames, active_element());
}

/// Whether focus is still where a change left it (`left`, the element that had it then), on
/// the page itself, where it falls when that element is taken away, or where the app last put
/// it (a "Loading…" heading).
fn focus_untouched(
    document: &web_sys::Document,
    left: Option<&web_sys::Element>,
    heading: bool,
) -> bool {
    match document.active_element() {
        None => true,
        Some(now) => {
            Some(&now) == left
                || document.body().is_some_and(|body| now == *body)
                // A heading moves focus only from a heading the app put it on (the page's, or
                // "Loading…"'s): not from what the app focused for the person since, such as
                // the safe answer of a question their key press opened (found in a full run
                // of the browser tests on 7 December 2026: the page's heading, arriving late,
                // took focus from "No, keep it").
                || (PUT_BY_APP.with(|put| put.borrow().as_ref() == Some(&now))
                    && (!heading || now.tag_name().eq_ignore_ascii_case("h1")))
        }
    }
}

fn focus_when_drawn_from(
    selector: String,
    heading: bool,
    frames: u32,
    left: Option<web_sys::Element>,
) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if !focus_untouched(&document, left.as_ref(), heading) {
            return;
        }
        match document.query_selector(&selector) {
            Ok(Some(element)) => {
                retitle(&document);
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    if heading {
                        let _ = element.set_attribute("tabindex", "-1");
                    }
                    focus_element(&element);
                }
            }
            _ if frames > 1 => return focus_when_drawn_from(selector, heading, frames - 1, left),
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

/// Names the tab after the page as drawn: its heading, then the toolkit's name, both in the
/// page's language (WCAG 2.4.2; every page had the toolkit's English name alone).
fn retitle(document: &web_sys::Document) {
    let text = |selector: &str| {
        let element = document.query_selector(selector).ok().flatten()?;
        let words = element.text_content()?;
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        (!words.is_empty()).then_some(words)
    };
    let Some(name) = text(".brand") else {
        return;
    };
    document.set_title(&match text("main h1") {
        Some(heading) if heading != name => format!("{heading} – {name}"),
        _ => name,
    });
}

/// Moves focus to an element by id (used by the error summary's links).
pub fn focus_id(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(element) = document.get_element_by_id(id) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            focus_element(&element);
        }
    }
}
