//! The count under a text box with a limit: how many characters are left, or how many too many.
//!
//! Owns: showing a limit from [`mhsw::limits`] beside an input (the GOV.UK character count). The
//! input has no `maxlength`, because a browser silently cuts a pasted text at `maxlength`: the
//! whole text stays on screen, the count says by how much it is over, and the page that owns the
//! input decides not to save it until it fits.
//! Must not touch: the input's value.

use leptos::prelude::*;

/// The count for one input, announced politely to screen readers as it changes.
#[component]
pub fn CharacterCount(
    /// The `id` of this count, for the input's `aria-describedby`.
    id: String,
    /// The text in the input now.
    #[prop(into)]
    text: Signal<String>,
    /// The most characters allowed.
    limit: usize,
) -> impl IntoView {
    let over = move || text.with(|t| !mhsw::limits::fits(t, limit));
    view! {
        <p id=id class="character-count hint" class:field-error=over aria-live="polite">
            {move || text.with(|t| mhsw::limits::characters_left(t, limit))}
        </p>
    }
}
