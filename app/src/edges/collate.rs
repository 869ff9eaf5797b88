//! Sorting names as people expect: the browser's own collation for British English, so
//! "north team" sits beside "North Team" and "Ŵyn" beside "Wyn".

use std::cmp::Ordering;

/// Compares two names for sorting.
pub fn compare(a: &str, b: &str) -> Ordering {
    let locales = js_sys::Array::of1(&"en-GB".into());
    let order = js_sys::JsString::from(a).locale_compare(b, &locales, &js_sys::Object::new());
    order.cmp(&0)
}
