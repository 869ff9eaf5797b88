//! Newtype identifiers for everything a definition or a piece of work names.
//!
//! Owns: the id types and the rule for what an author may write as an id.
//! Must not touch: what the ids refer to (that is the definition model's job).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from any string-like value (validation happens on the whole definition).
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// The id of a questionnaire definition, for example `self-assessment`.
    DefinitionId
);
id_type!(
    /// The id of a section, unique within its definition.
    SectionId
);
id_type!(
    /// The id of a question, unique across its whole definition.
    QuestionId
);
id_type!(
    /// The id of a named rating scale, for example `maturity`.
    ScaleId
);
id_type!(
    /// The stored value of one option of a scale or choice question, for example `partly`.
    OptionValue
);
id_type!(
    /// The id of a theme that questions of several definitions can share, for example `voice-and-control`.
    ThemeId
);
id_type!(
    /// The id of a scoring band, for example `red`.
    BandId
);
id_type!(
    /// The id of a piece of work saved on the device.
    WorkId
);
id_type!(
    /// The id of one anonymous feedback response, unique across devices.
    ResponseId
);

/// Whether `id` is a well-formed author-written id: 1 to 64 characters of lower-case ASCII letters,
/// digits and hyphens, starting with a letter or digit.
pub fn is_well_formed(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids() {
        assert!(is_well_formed("sup-3"));
        assert!(is_well_formed("a"));
        assert!(!is_well_formed(""));
        assert!(!is_well_formed("-x"));
        assert!(!is_well_formed("Sup 3"));
        assert!(!is_well_formed(&"a".repeat(65)));
    }
}
