//! What a JSON reader says of a text it could not read, typed: the place (line and column) and
//! the kind of fault, so the reason can be said in any of the app's languages.
//!
//! Owns: turning a `serde_json` error into a [`Spot`] and a [`Fault`]. The reader's own English
//! sentence is kept beside them (`detail`): a file's problems quote it in English; the Welsh,
//! and a saved record's reasons in both languages, say the fault from its kind
//! ([`crate::messages::problems::fault`]) and never quote it.
//! Must not touch: what a file is, or what to do about it (the import's and the store's reasons
//! are [`crate::work::Unreadable`] and [`crate::store::Damage`]).

use serde::{Deserialize, Serialize};

/// Where in a text a reader stopped: a line and a column, both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

impl Spot {
    /// The place a `serde_json` error names.
    pub fn of(error: &serde_json::Error) -> Spot {
        Spot {
            line: error.line(),
            column: error.column(),
        }
    }
}

/// What kind of fault a reader found, as far as its message says. Field names are the file's
/// own (they are written as they are in every language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// A field that must be there is not.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A field this app does not know.
    UnknownField {
        /// The field's name.
        field: String,
    },
    /// A field written twice.
    DuplicateField {
        /// The field's name.
        field: String,
    },
    /// A value of the wrong type (a number where text belongs, say).
    WrongType {},
    /// A value of the right type that is not one this app accepts.
    WrongValue {},
    /// A list with the wrong number of items.
    WrongLength {},
    /// The text is not JSON at this place.
    Syntax {},
    /// The text ends before the JSON does.
    EndsEarly {},
    /// Anything else the reader said.
    Other {},
}

impl Fault {
    /// The kind of fault a `serde_json` error describes. Its message is read for serde's own
    /// fixed phrasings (`missing field`, `unknown field`, …); anything else is [`Fault::Other`].
    pub fn of(error: &serde_json::Error) -> Fault {
        use serde_json::error::Category;
        match error.classify() {
            Category::Syntax => return Fault::Syntax {},
            Category::Eof => return Fault::EndsEarly {},
            Category::Io | Category::Data => {}
        }
        let said = error.to_string();
        let field = |prefix: &str| -> Option<String> {
            let rest = said.strip_prefix(prefix)?.strip_prefix('`')?;
            Some(rest[..rest.find('`')?].to_owned())
        };
        if let Some(field) = field("missing field ") {
            Fault::MissingField { field }
        } else if let Some(field) = field("unknown field ") {
            Fault::UnknownField { field }
        } else if let Some(field) = field("duplicate field ") {
            Fault::DuplicateField { field }
        } else if said.starts_with("invalid type") {
            Fault::WrongType {}
        } else if said.starts_with("invalid value") || said.starts_with("unknown variant") {
            Fault::WrongValue {}
        } else if said.starts_with("invalid length") {
            Fault::WrongLength {}
        } else {
            Fault::Other {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shape {
        name: String,
        tags: [u8; 2],
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        One,
    }

    fn fault(text: &str) -> (Fault, Spot) {
        let error = serde_json::from_str::<Shape>(text).expect_err("a fault");
        (Fault::of(&error), Spot::of(&error))
    }

    #[test]
    fn each_kind_of_fault_is_told_apart_with_its_place() {
        let field = |f: &str| f.to_owned();
        assert_eq!(
            fault("{\"tags\": [1, 2], \"kind\": \"one\"}").0,
            Fault::MissingField {
                field: field("name")
            }
        );
        assert_eq!(
            fault("{\"name\": \"a\",\n \"colour\": 1}"),
            (
                Fault::UnknownField {
                    field: field("colour")
                },
                Spot { line: 2, column: 9 }
            )
        );
        assert_eq!(
            fault("{\"name\": \"a\", \"name\": \"b\"}").0,
            Fault::DuplicateField {
                field: field("name")
            }
        );
        assert_eq!(fault("{\"name\": 3}").0, Fault::WrongType {});
        assert_eq!(
            fault("{\"name\": \"a\", \"tags\": [1, 2], \"kind\": \"two\"}").0,
            Fault::WrongValue {}
        );
        assert_eq!(
            fault("{\"name\": \"a\", \"tags\": [1]}").0,
            Fault::WrongLength {}
        );
        assert_eq!(
            fault("{\"name\": \"a\",,}"),
            (
                Fault::Syntax {},
                Spot {
                    line: 1,
                    column: 14
                }
            )
        );
        assert_eq!(fault("{\"name\": \"a\"").0, Fault::EndsEarly {});
    }
}
