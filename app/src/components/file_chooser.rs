//! A file chooser in the page's own words.
//!
//! The browser's file input draws its own button and "No file chosen" in the browser's
//! language, not the page's: on a Welsh page they stayed English. Here the input is not drawn
//! (`hidden`; it still takes the files, and its `change` event is the page's), and a button in
//! the page's language opens the browser's picker. The button is named by the field's label and
//! its own words, so a screen reader hears both, and the words seen are in its name (WCAG 2.2,
//! 2.5.3).
//!
//! Files can also be dropped onto the chooser, as onto the browser's own control: they are put
//! into the input, whose `change` then runs as if they had been chosen. A file dropped anywhere
//! else on the page is refused, so one that misses the chooser does not replace the page with
//! the file's text.

use leptos::ev::{DragEvent, Event};
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
    let lang = crate::state::AppState::expect().page_lang;
    let label_id = format!("{id}-label");
    let button = button_id(id);
    let labelled_by = format!("{label_id} {button}");
    let input = move || {
        document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    // Several files dropped where one is taken: how many (said until the next choice).
    let refused = RwSignal::new(None::<u32>);
    let open = move |_| {
        refused.set(None);
        if let Some(on_open) = on_open {
            on_open.run(());
        }
        if let Some(input) = input() {
            input.click();
        }
    };
    // A drag with files over the chooser: it is outlined while they are over it (enter and
    // leave come for each element inside, so they are counted).
    let over = RwSignal::new(0_i32);
    let enter = move |ev: DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            over.update(|n| *n += 1);
        }
    };
    let allow = move |ev: DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            if let Some(transfer) = ev.data_transfer() {
                transfer.set_drop_effect("copy");
            }
        }
    };
    let dragging = move || over.get() > 0;
    let leave = move |_: DragEvent| over.update(|n| *n = (*n - 1).max(0));
    let drop_files = move |ev: DragEvent| {
        over.set(0);
        let Some(files) = ev.data_transfer().and_then(|t| t.files()) else {
            return;
        };
        if files.length() == 0 {
            return;
        }
        ev.prevent_default();
        if !multiple && files.length() > 1 {
            refused.set(Some(files.length()));
            return;
        }
        refused.set(None);
        if let Some(input) = input() {
            input.set_files(Some(&files));
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
                let _ = input.dispatch_event(&change);
            }
        }
    };
    // Files dragged anywhere else are refused while the chooser is on the page: the pointer
    // shows that they cannot be dropped there, and no drop reaches the page (the browser would
    // otherwise leave the page for the file). The chooser's own handlers run first.
    let refuse_elsewhere = |ev: web_sys::Event| {
        let Some(drag) = ev.dyn_ref::<web_sys::DragEvent>() else {
            return;
        };
        if carries_files(drag) && !ev.default_prevented() {
            ev.prevent_default();
            if let Some(transfer) = drag.data_transfer() {
                transfer.set_drop_effect("none");
            }
        }
    };
    let guards =
        ["dragover", "drop"].map(|name| window_event_listener_untyped(name, refuse_elsewhere));
    on_cleanup(move || guards.into_iter().for_each(|guard| guard.remove()));
    view! {
        <div class="file-drop" class:file-drop-over=dragging
            on:dragenter=enter on:dragover=allow on:dragleave=leave on:drop=drop_files>
            <p class="file-label" id=label_id>{label}</p>
            <p class="hint" id=hint>{children()}</p>
            <input id=id type="file" hidden accept=".json,application/json" multiple=multiple on:change=on_change />
            <button type="button" class="secondary file-button" id=button aria-labelledby=labelled_by aria-describedby=hint on:click=open>
                {choose}
            </button>
            // Only a chooser for one file can refuse a drop, so only it has words to say.
            {(!multiple).then(|| view! {
                <p role="status" class="file-drop-status">
                    {move || refused.get().map(|dropped| mhsw::messages::frame::one_file_at_a_time(lang.get(), dropped))}
                </p>
            })}
        </div>
    }
}

/// Whether a drag carries files (not text or a link, which text boxes take as usual).
fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|t| t.types().includes(&"Files".into(), 0))
}
