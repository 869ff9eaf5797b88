//! What the checked-in schema says about a field (its description and allowed words), so a parse
//! problem can say what a field is for without a copy of the types' documentation.

use serde_json::Value;

use super::pointer::{join, segments};

/// What the schema says about a field: the first sentence of its description, in lower case
/// (for example "the heading" for a section's `title`), and the values it allows when it is one
/// of a fixed list of words. The schema is generated from the types' own documentation, so this
/// never drifts from them.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct FieldDoc {
    pub(super) description: Option<String>,
    pub(super) values: Vec<String>,
}

pub(super) fn field_doc(document: &Value, pointer: &str) -> FieldDoc {
    let schema = crate::definition::schema::checked_in();
    let mut node = Some(schema);
    let mut at = String::new();
    for segment in segments(pointer) {
        node = node
            .and_then(|n| resolve_schema(schema, n, document.pointer(&at)))
            .and_then(|n| {
                if let Some(property) = n.get("properties").and_then(|p| p.get(&segment)) {
                    Some(property)
                } else if let (Ok(_), Some(items)) = (segment.parse::<usize>(), n.get("items")) {
                    Some(items)
                } else {
                    n.get("additionalProperties").filter(|v| v.is_object())
                }
            });
        at = join(&at, &segment);
    }
    let Some(node) = node.filter(|_| !pointer.is_empty()) else {
        return FieldDoc::default();
    };
    let resolved = resolve_schema(schema, node, document.pointer(pointer));
    let description = node
        .get("description")
        .or_else(|| resolved?.get("description"))
        .and_then(Value::as_str)
        .and_then(|text| {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let sentence = text.split(". ").next()?.trim_end_matches('.').to_owned();
            let mut chars = sentence.chars();
            let first = chars.next()?;
            Some(first.to_lowercase().chain(chars).collect())
        });
    let values = resolved
        .and_then(|n| n.get("oneOf"))
        .and_then(Value::as_array)
        .map(|branches| {
            branches
                .iter()
                .filter_map(|b| b.get("const").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    FieldDoc {
        description,
        values,
    }
}

/// Follows `$ref`s, and picks the branch of a `oneOf` or `anyOf` that fits `value` (by its
/// `"type"` for answers; the branch that is not `null` for optional fields). A `oneOf` of fixed
/// words (an enum) is returned as it is.
pub(in crate::definition) fn resolve_schema<'s>(
    schema: &'s Value,
    node: &'s Value,
    value: Option<&Value>,
) -> Option<&'s Value> {
    let mut node = node;
    for _ in 0..8 {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            node = schema.pointer(reference.strip_prefix('#')?)?;
            continue;
        }
        let branches = node
            .get("oneOf")
            .or_else(|| node.get("anyOf"))
            .and_then(Value::as_array);
        let Some(branches) = branches else {
            return Some(node);
        };
        if branches.iter().all(|b| b.get("const").is_some()) {
            return Some(node);
        }
        let kind = value.and_then(|v| v.get("type")).and_then(Value::as_str);
        node = branches
            .iter()
            .find(|b| {
                kind.is_some()
                    && b.pointer("/properties/type/const").and_then(Value::as_str) == kind
            })
            .or_else(|| {
                branches
                    .iter()
                    .find(|b| b.get("type") != Some(&Value::from("null")))
            })?;
    }
    Some(node)
}
