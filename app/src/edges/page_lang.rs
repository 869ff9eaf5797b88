//! The page's language: the `lang` attribute of the document's `<html>` element, which screen
//! readers and spelling use to read the page in the right language.

/// The `lang` the page has when nothing else is chosen: British English, as `index.html` says.
pub const DEFAULT: &str = "en-GB";

/// Sets the page's `lang` to this BCP 47 tag (`cy`, `en-GB`). Without a document, nothing.
pub fn set(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The class of the words [`add_header_words`] puts in the header.
const ADDED: &str = "header-also";

/// Adds, inside the element matching `selector`, " / " and `words` marked with the BCP 47 tag
/// `tag`: the header's words in a second language, after those the page draws in its own.
pub fn add_header_words(selector: &str, tag: &str, words: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(target)) = document.query_selector(selector) else {
        return;
    };
    let (Ok(added), Ok(said)) = (
        document.create_element("span"),
        document.create_element("span"),
    ) else {
        return;
    };
    added.set_class_name(ADDED);
    added.set_text_content(Some(" / "));
    let _ = said.set_attribute("lang", tag);
    said.set_text_content(Some(words));
    let _ = added.append_child(&said);
    let _ = target.append_child(&added);
}

/// Takes away every word [`add_header_words`] added.
pub fn remove_header_words() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    while let Ok(Some(added)) = document.query_selector(&format!(".{ADDED}")) {
        added.remove();
    }
}
