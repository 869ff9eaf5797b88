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
