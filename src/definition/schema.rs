//! The JSON Schema of the definition format, generated from the Rust types.
//!
//! Owns: producing `questionnaires/schema.json`. A test compares the checked-in file with this
//! output, so the schema can never go stale.
//! Must not touch: validation rules that a schema cannot express (those are in
//! [`super::validate()`]).

use super::Definition;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn definition_schema_json() -> String {
    let mut schema = schemars::schema_for!(Definition);
    schema.insert(
        "title".to_owned(),
        "Mental health social work toolkit: questionnaire definition".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The checked-in schema (`questionnaires/schema.json`), as the loader reads it to describe
/// fields and to find every text. It is read rather than generated, so the browser app carries
/// no schema generator; a test keeps it identical to [`definition_schema_json`].
pub fn checked_in() -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::from_str(include_str!("../../questionnaires/schema.json"))
            .unwrap_or(serde_json::Value::Null)
    })
}
