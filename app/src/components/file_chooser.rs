//! A file chooser in the page's own words.
//!
//! The browser's file input draws its own button and "No file chosen" in the browser's
//! language, not the page's: on a Welsh page they stayed English. Here the input is not drawn
//! (`hidden`; it still takes the files, and its `change` event is the page's), and a button in
//! the page's language opens the browser's picker. The button is named by the field's label and
//! its own words, so a screen reader hears both, and the words seen are in its name (WCAG 2.2,
//! 2.5.3).

use leptos::ev::Event;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the button a chooser with this input id draws: where focus goes back to.
pub fn button_id(input: &str) -> String {
    format!("{input}-button")
}

/// A field's label, hint, and a button that opens the browser's file picker.
#[component]
pub fn FileChooser(
    /// The file input's id (the button's is [`button_id`] of it).
    id: &'static str,
    /// The field's label.
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    /// The id of the hint that describes the field.
    hint: &'static str,
    /// The button's words ("Choose a file").
    choose: impl Fn() -> &'static str + Send + Sync + 'static,
    /// Whether more than one file may be chosen.
    #[prop(optional)]
    multiple: bool,
    /// Called when the button is pressed, before the picker opens.
    #[prop(optional, into)]
    on_open: Option<Callback<()>>,
    /// The input's `change` event: the files chosen.
    on_change: impl FnMut(Event) + 'static,
    /// The hint's words.
    children: Children,
) -> impl IntoView {
    let label_id = format!("{id}-label");
    let button = button_id(id);
    let labelled_by = format!("{label_id} {button}");
    let open = move |_| {
        if let Some(on_open) = on_open {
            on_open.run(());
        }
        let input = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            input.click();
        }
    };
    view! {
        <p class="file-label" id=label_id>{label}</p>
        <p class="hint" id=hint>{children()}</p>
        <input id=id type="file" hidden accept=".json,application/json" multiple=multiple on:change=on_change />
        <button type="button" class="secondary file-button" id=button aria-labelledby=labelled_by aria-describedby=hint on:click=open>
            {choose}
        </button>
    }
}
