//! Reading small JSON documents with the browser's own parser (`JSON.parse`).
//!
//! Used only by the first screen (the manifest, the light listing of saved work, the shared
//! device's collection mode), so that the app's first module carries no serde code: the full,
//! strict readings (serde, with every problem reported) are in the later part of the app.
//!
//! Owns: `JSON.parse` and property access. Must not decide what a valid document is: callers say
//! which fields they need, and a missing or mistyped field is simply `None`.

use wasm_bindgen::JsValue;

/// A parsed JSON value.
#[derive(Debug, Clone)]
pub struct Json(JsValue);

impl Json {
    /// Parses text; `None` when it is not JSON.
    pub fn parse(text: &str) -> Option<Json> {
        js_sys::JSON::parse(text).ok().map(Json)
    }

    /// A field of an object; `None` when this is not an object or has no such field.
    pub fn get(&self, key: &str) -> Option<Json> {
        if !self.0.is_object() {
            return None;
        }
        js_sys::Reflect::get(&self.0, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
            .map(Json)
    }

    /// The text, when this is a string.
    pub fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    /// A string field of an object.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(|v| v.string())
    }

    /// Writes an object of text fields with `JSON.stringify` (no serde in the first module).
    pub fn object_text(fields: &[(&str, &str)]) -> String {
        let fields: Vec<(&str, JsValue)> = fields
            .iter()
            .map(|(name, value)| (*name, JsValue::from_str(value)))
            .collect();
        Json::text_of(&Json::object(&fields))
    }

    /// An object of these fields, for [`Json::text_of`].
    pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
        let object = js_sys::Object::new();
        for (name, value) in fields {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
        }
        object.into()
    }

    /// `value` written as JSON text with `JSON.stringify`.
    pub fn text_of(value: &JsValue) -> String {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }

    /// The items, when this is an array.
    pub fn items(&self) -> Option<Vec<Json>> {
        if !js_sys::Array::is_array(&self.0) {
            return None;
        }
        Some(js_sys::Array::from(&self.0).iter().map(Json).collect())
    }
}
