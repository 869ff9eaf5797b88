//! The interface's own words, in English and Welsh: the message catalogue.
//!
//! Owns: one function per message, taking the [`Lang`] to speak, grouped by the part of the
//! app that shows it: [`collection`] (collection mode and paper, re-exported here), [`frame`]
//! (the page frame and the home page, which are in the app's first module), [`audit`] (new
//! work, a work's contents page, a section), [`reports`] (the results and plan pages' own
//! words), [`data`] (the "Your data" and questionnaires pages) and [`problems`] (saving,
//! importing, entries that could not be read, renaming, pages not found, failed PDFs). Counts choose their wording
//! through [`Lang::plural`] (the CLDR rules), so Welsh's six forms are tested here, natively;
//! dates in words come from [`crate::date::Date::long_in`].
//! Must not touch: a definition's own texts (those are [`crate::text::Text`], given per language
//! by the author) or how a screen is drawn.
//!
//! A hand-kept catalogue rather than `leptos_i18n` or Fluent: the core stays free of Leptos, the
//! messages are tested with plain `cargo test`, a missing Welsh message is a compile error (every
//! `match` must cover `Lang::Cy`), and each page calls only its own group, so a later page's
//! words are reached only from the later part of the app. The Welsh has not yet been checked
//! by a Welsh speaker, and the app says so wherever Welsh is shown ([`frame::welsh_unchecked`]).

use crate::lang::Lang;

pub mod audit;
pub mod collection;
pub mod data;
pub mod frame;
pub mod problems;
pub mod reports;

pub use collection::*;

/// The same message in each language (the report's own words use it too).
pub(crate) fn say(lang: Lang, en: &'static str, cy: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Cy => cy,
    }
}
