//! What a text box shows, written to the box only when it changes.
//!
//! Owns: the `value` of `<input>` and `<textarea>` boxes that a person types into and that the
//! app may also fill (what is stored, changed in another tab or by an import). Leptos'
//! `prop:value` writes the value again each time what it reads changes, and the person's own
//! typing changes it at every key press; a browser that is handed its own text back ends its
//! undo step there, so Ctrl+Z took back one character a press. [`shows`] writes only a text
//! that differs from what the box holds. A text that does differ (another tab changed the same
//! box, say) keeps the person's cursor where it was in their words: [`caret_after`].

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

    fn element(&self) -> &web_sys::Element {
        match self {
            Self::Input(e) => e,
            Self::Area(e) => e,
        }
    }

    /// The selection (start and end, in UTF-16 units) when the person is in this box; `None`
    /// when they are not, or the box has no text selection (a number or date box).
    fn selection_in_use(&self) -> Option<(u32, u32)> {
        let active = self.element().owner_document()?.active_element()?;
        if &active != self.element() {
            return None;
        }
        let (start, end) = match self {
            Self::Input(e) => (e.selection_start(), e.selection_end()),
            Self::Area(e) => (e.selection_start(), e.selection_end()),
        };
        Some((start.ok()??, end.ok()??))
    }

    fn select(&self, start: u32, end: u32) {
        // A box without a text selection refuses; there is nothing to keep then.
        let _ = match self {
            Self::Input(e) => e.set_selection_range(start, end),
            Self::Area(e) => e.set_selection_range(start, end),
        };
    }

    /// Writes `text`, keeping the person's cursor (or selection) beside the words it was beside.
    fn replace_text(&self, before: &str, text: &str) {
        let selection = self.selection_in_use();
        self.set_value(text);
        if let Some((start, end)) = selection {
            self.select(
                caret_after(before, text, start),
                caret_after(before, text, end),
            );
        }
    }
}

/// Where a cursor at `at` (in UTF-16 units, as the browser counts) in `before` belongs once the
/// box holds `after` instead: where it was when the change is all after it, moved by the
/// change's length when the change is all before it, and at the end of the new words when it
/// was inside the part that changed. (The browser itself puts it at the very end.)
pub fn caret_after(before: &str, after: &str, at: u32) -> u32 {
    let before: Vec<u16> = before.encode_utf16().collect();
    let after: Vec<u16> = after.encode_utf16().collect();
    let at = (at as usize).min(before.len());
    let same_start = before
        .iter()
        .zip(&after)
        .take_while(|(b, a)| b == a)
        .count();
    let room = before.len().min(after.len()) - same_start;
    let same_end = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take(room)
        .take_while(|(b, a)| b == a)
        .count();
    let moved = if at <= same_start {
        at
    } else if at >= before.len() - same_end {
        at + after.len() - before.len()
    } else {
        after.len() - same_end
    };
    u32::try_from(moved).unwrap_or(u32::MAX)
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
            text_box.replace_text(&now, &want);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::caret_after;

    #[test]
    fn a_cursor_stays_beside_its_words_when_the_text_changes_elsewhere() {
        // Added after the cursor: it stays.
        assert_eq!(caret_after("Board minutes", "Board minutes, March", 5), 5);
        // Added before it: it moves on by as much.
        assert_eq!(caret_after("minutes", "Board minutes", 3), 9);
        // Taken away before it: it moves back.
        assert_eq!(caret_after("Board minutes", "minutes", 9), 3);
        // At the end, with words added at the start: still at the end.
        assert_eq!(caret_after("minutes", "Draft: minutes", 7), 14);
        // Inside the part that changed: the end of the new words.
        assert_eq!(caret_after("a cat sat", "a dog sat", 3), 5);
        // Everything replaced: the end.
        assert_eq!(caret_after("abc", "xyz!", 1), 4);
        // Emptied: the start.
        assert_eq!(caret_after("abc", "", 2), 0);
        // Counted as the browser counts (UTF-16): an emoji is two units, a Welsh ŵ one.
        assert_eq!(caret_after("ŵyr", "😀 ŵyr", 1), 4);
        // A cursor reported past the end is taken as the end.
        assert_eq!(caret_after("ab", "xab", 9), 3);
        // Where the change could be either side of a repeated letter, it is taken as after.
        assert_eq!(caret_after("aa", "aaa", 1), 1);
        assert_eq!(caret_after("aa", "aaa", 2), 2);
    }
}
