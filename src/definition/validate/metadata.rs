//! The definition as a whole: `$schema` and metadata (V1), its id (V2), that it has sections
//! (V4), a feedback tool's notices (V12), labels that are not blank (V16) and easy-read notices
//! (V22).

use super::checker::{At, Checker};
use super::Rule;
use crate::definition::{Notice, ToolKind};

impl Checker<'_> {
    // V1, V2, V4, V12, V16, V22
    pub(super) fn metadata(&mut self) {
        let d = self.definition;
        let schema = d.schema.as_str();
        if schema != crate::definition::SCHEMA_REFERENCE
            && !schema.ends_with(&format!("/{}", crate::definition::SCHEMA_REFERENCE))
        {
            self.report(
                Rule::V1,
                At::Top.field("$schema"),
                format!("`$schema` is `{schema}`, which does not name schema.json"),
                "set it to \"schema.json\" (or a path ending in /schema.json) so editors can check the file",
            );
        }
        self.id(At::Top.field("id"), "definition id", d.id.as_str());
        for (field, text) in [
            ("version", d.version.as_str()),
            ("title", d.title.as_str()),
            ("purpose", d.purpose.as_str()),
            ("audience", d.audience.as_str()),
            ("alignment", d.alignment.as_str()),
        ] {
            self.not_blank(Rule::V1, At::Top.field(field), field, text);
        }
        if d.sections.is_empty() {
            self.report(
                Rule::V4,
                At::Top.field("sections"),
                "the definition has no sections",
                "add at least one section with at least one question",
            );
        }
        if d.kind == ToolKind::Feedback {
            if d.notices
                .anonymity
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    Rule::V12,
                    At::Top.field("notices.anonymity"),
                    "a feedback questionnaire has no anonymity statement",
                    "add \"notices\": { \"anonymity\": \"…\" } saying that no name is asked and who sees the answers",
                );
            }
            if d.notices
                .crisis
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                self.report(
                    Rule::V12,
                    At::Top.field("notices.crisis"),
                    "a feedback questionnaire has no crisis signpost",
                    "add \"notices\": { \"crisis\": \"…\" } saying where to get help straight away",
                );
            }
        }
        // V22
        for notice in Notice::ALL {
            let Some(easy) = d.notices.easy_read.get(notice) else {
                continue;
            };
            let name = notice.field();
            let place = At::Top.field(&format!("notices.easy_read.{name}"));
            if easy.trim().is_empty() {
                self.report(
                    Rule::V22,
                    place.clone(),
                    format!("the easy-read {} notice is empty", name.replace('_', "-")),
                    "write it in short, plain words, or remove it",
                );
            }
            if d.notices.get(notice).is_none() {
                self.report(
                    Rule::V22,
                    place,
                    format!(
                        "an easy-read wording is given for the {} notice, which the definition does not have",
                        name.replace('_', "-")
                    ),
                    format!(
                        "add the standard wording as \"notices\": {{ \"{name}\": \"…\" }}, or remove the easy-read one"
                    ),
                );
            }
        }
    }
}
