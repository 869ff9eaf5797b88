//! What a text box shows, written to the box only when it changes.
//!
//! Owns: the `value` of `<input>` and `<textarea>` boxes that a person types into and that the
//! app may also fill (what is stored, changed in another tab or by an import). Leptos'
//! `prop:value` writes the value again each time what it reads changes, and the person's own
//! typing changes it at every key press; a browser that is handed its own text back ends its
//! undo step there, so Ctrl+Z took back one character a press. [`shows`] writes only a text
//! that differs from what the box holds.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A box whose value can be read and written.
#[derive(Clone)]
enum TextBox {
    Input(web_sys::HtmlInputElement),
    Area(web_sys::HtmlTextAreaElement),
}

impl TextBox {
    fn value(&self) -> String {
        match self {
            Self::Input(e) => e.value(),
            Self::Area(e) => e.value(),
        }
    }

    fn set_value(&self, text: &str) {
        match self {
            Self::Input(e) => e.set_value(text),
            Self::Area(e) => e.set_value(text),
        }
    }
}

/// A directive (`use:shows=…`): keeps the box showing `shown(what it holds now)`, writing to
/// it only when that differs from what it holds, so the person's typing, the cursor and the
/// browser's undo are left alone. `shown` is rerun whenever a signal it reads changes.
pub fn shows(element: web_sys::Element, shown: Callback<String, String>) {
    let text_box = match element.dyn_into::<web_sys::HtmlInputElement>() {
        Ok(input) => TextBox::Input(input),
        Err(element) => match element.dyn_into::<web_sys::HtmlTextAreaElement>() {
            Ok(area) => TextBox::Area(area),
            // Only text boxes carry this directive; anything else is left as it is.
            Err(_) => return,
        },
    };
    // Filled at once, so the box is never drawn empty, then kept up to date.
    text_box.set_value(&untrack(|| shown.run(String::new())));
    Effect::new(move || {
        let now = text_box.value();
        let want = shown.run(now.clone());
        if want != now {
            text_box.set_value(&want);
        }
    });
}
