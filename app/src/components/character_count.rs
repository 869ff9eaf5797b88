//! The count under a text box with a limit: how many characters are left, or how many too many.
//!
//! Owns: showing a limit from [`mhsw::limits`] beside an input (the GOV.UK character count), and
//! what a box with a limit shows as what is stored changes ([`kept_text`]). The input has no
//! `maxlength`, because a browser silently cuts a pasted text at `maxlength`: the whole text
//! stays on screen, the count says by how much it is over, and the page that owns the input
//! decides not to save it until it fits.
//! Must not touch: the input's value.

use leptos::prelude::*;
use mhsw::limits::{characters_left_in, fits, limit_announcement_in};

use crate::state::AppState;

/// How long typing pauses before the count's figure is redrawn.
const COUNT_AFTER_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// The count for one input. The count on screen is the input's description (read when the box
/// is reached), not a live region: announced at every key press it would talk over the person
/// typing. Screen readers hear, politely, only when the text goes over the limit and when it
/// comes back within it.
#[component]
pub fn CharacterCount(
    /// The `id` of this count, for the input's `aria-describedby`. The announcement's id is this
    /// followed by `-status`.
    id: String,
    /// The text in the input now.
    #[prop(into)]
    text: Signal<String>,
    /// The most characters allowed.
    limit: usize,
) -> impl IntoView {
    // In the page's language (the lead's, or a person answering in collection mode).
    let lang = AppState::expect().page_lang;
    let over = move || text.with(|t| !fits(t, limit));
    // Empty until the text first goes over; after that, what it last did.
    let announcement = Memo::new(move |before: Option<&String>| {
        let over = text.with(|t| !fits(t, limit));
        let announced_before = before.is_some_and(|b| !b.is_empty());
        if over || announced_before {
            limit_announcement_in(lang.get(), over, limit)
        } else {
            String::new()
        }
    });
    // The figure waits for a pause in the typing (and changes at once when the text goes over
    // the limit or comes back): any change to the page while a person types ends the browser's
    // undo step, so a figure redrawn at each key press made Ctrl+Z take back one character.
    let counted = RwSignal::new(text.get_untracked());
    Effect::new(move |waiting: Option<Option<TimeoutHandle>>| {
        if let Some(Some(handle)) = waiting {
            handle.clear();
        }
        let now = text.get();
        if fits(&now, limit) != counted.with_untracked(|c| fits(c, limit)) {
            counted.set(now);
            return None;
        }
        set_timeout_with_handle(
            move || {
                counted.try_set(now);
            },
            COUNT_AFTER_PAUSE,
        )
        .ok()
    });
    let status_id = format!("{id}-status");
    view! {
        <p id=id class="character-count hint" class:field-error=over>
            {move || counted.with(|t| characters_left_in(lang.get(), t, limit))}
        </p>
        <p id=status_id class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
    }
}

/// What a box with a limit shows when what is stored changes: the text in the box when it says
/// what is stored (so the cursor stays where the person put it) or is over the limit (it was not
/// saved, and the count says so), otherwise what is stored (changed elsewhere, such as in
/// another tab).
pub fn kept_text(in_box: Option<String>, stored: &str, limit: usize) -> String {
    match in_box {
        Some(text) if text == stored || !fits(&text, limit) => text,
        _ => stored.to_owned(),
    }
}
