//! New releases of the app itself: hears that one is installed and waiting, and asks for it.
//!
//! `assets/boot.js` owns the service worker (registering it, watching for a new release,
//! switching to it); this module only speaks the small contract boot.js documents, so no
//! service-worker API is called from Rust:
//! - `<html data-update="ready">` and the window event `mhsw:update-ready`: a release is waiting;
//! - the window event `mhsw:apply-update`: the user chose to reload into it;
//! - `<html data-settled="ready">` and the window event `mhsw:settled`: the first page is
//!   drawn and saving's code is in, so the service worker may now download the whole app.
//!
//! It never reloads by itself: the page keeps its own release until the user chooses.

use wasm_bindgen::prelude::*;

/// The event boot.js sends when a new release is waiting.
const READY_EVENT: &str = "mhsw:update-ready";
/// The event boot.js listens for to switch to the waiting release and reload.
const APPLY_EVENT: &str = "mhsw:apply-update";

/// The event boot.js waits for before it starts the service worker.
const SETTLED_EVENT: &str = "mhsw:settled";

/// Tells boot.js that the first page is drawn and the part of the app that saves is in
/// (`crate::later::start`). The service worker downloads every file of the app as it installs,
/// which on a first visit over a slow connection would share the link with what the first page
/// and the first save need; boot.js starts it only now (or after 15 s, if this never comes).
pub fn settled() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-settled", "ready");
    }
    if let Ok(event) = web_sys::Event::new(SETTLED_EVENT) {
        let _ = window.dispatch_event(&event);
    }
}

/// True if boot.js has already announced a waiting release (before the app was listening).
pub fn is_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-update"))
        .is_some_and(|state| state == "ready")
}

/// Calls `on_ready` when boot.js announces a waiting release, for as long as the page lives.
pub fn on_waiting(on_ready: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(on_ready);
    let _ = window.add_event_listener_with_callback(READY_EVENT, closure.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    closure.forget();
}

/// Asks boot.js to switch to the waiting release; the page then reloads. Only call this when
/// the user has chosen to.
pub fn apply() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
        let _ = window.dispatch_event(&event);
    }
}
