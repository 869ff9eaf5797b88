//! Sorting names as people expect: the browser's own collation for British English, so
//! "north team" sits beside "North Team" and "Ŵyn" beside "Wyn", with numbers in a name
//! compared as numbers, so "Re-audit 2" comes before "Re-audit 10".

use std::cmp::Ordering;

/// Compares two names for sorting.
pub fn compare(a: &str, b: &str) -> Ordering {
    let locales = js_sys::Array::of1(&"en-GB".into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &true.into());
    let order = js_sys::JsString::from(a).locale_compare(b, &locales, &options);
    order.cmp(&0)
}
