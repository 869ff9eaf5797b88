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
