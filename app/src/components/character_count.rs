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
    let status_id = format!("{id}-status");
    view! {
        <p id=id class="character-count hint" class:field-error=over>
            {move || text.with(|t| characters_left_in(lang.get(), t, limit))}
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
