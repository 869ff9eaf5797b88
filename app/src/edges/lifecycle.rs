//! The page's life: being hidden (another app, a closed lid) or closed. Saves waiting for
//! their moment are written then, while the browser still runs the page.

use wasm_bindgen::prelude::*;

/// Calls `on_hidden` whenever the page is hidden or is being closed.
pub fn on_hidden(on_hidden: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            on_hidden();
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", closure.as_ref().unchecked_ref());
    if let Some(document) = window.document() {
        let _ = document
            .add_event_listener_with_callback("visibilitychange", closure.as_ref().unchecked_ref());
    }
    closure.forget();
}
