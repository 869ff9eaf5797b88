//! The page's life: being hidden (another app, a closed lid) or closed. Saves waiting for
//! their moment are written then, while the browser still runs the page; and where they
//! cannot be, the browser asks the person before the page goes.

use wasm_bindgen::prelude::*;

/// Calls `on_hidden` whenever the page is hidden or is being closed. (A page being left comes
/// with `pagehide` while it is still visible, and is hidden only after it: both call.)
pub fn on_hidden(on_hidden: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_hidden = std::rc::Rc::new(on_hidden);
    let going = on_hidden.clone();
    let closure = Closure::<dyn Fn()>::new(move || going());
    let _ = window.add_event_listener_with_callback("pagehide", closure.as_ref().unchecked_ref());
    closure.forget();
    let Some(document) = window.document() else {
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
    let _ = document
        .add_event_listener_with_callback("visibilitychange", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Has the browser ask the person before the page goes (closed, reloaded, or left with Back or
/// a typed address) whenever `at_risk` says changes could be lost. The browser words the
/// question itself ("Leave site? Changes you made may not be saved."), and asks only after
/// the person has used the page.
pub fn ask_before_leaving(at_risk: impl Fn() -> bool + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        if at_risk() {
            event.prevent_default();
            // Browsers before the standard's `preventDefault` asked only when this was set.
            let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"unsaved".into());
        }
    });
    let _ =
        window.add_event_listener_with_callback("beforeunload", closure.as_ref().unchecked_ref());
    closure.forget();
}
