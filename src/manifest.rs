//! The questionnaire folder's manifest (`questionnaires/manifest.json`): which definition files
//! the site publishes, and, optionally, a summary of each so the app's home page can list the
//! tools before it has fetched and checked the files themselves.
//!
//! ```json
//! {
//!   "definitions": ["self-assessment.json", "my-audit.json"],
//!   "summaries": [
//!     { "file": "self-assessment.json", "id": "self-assessment", "title": "…", "kind": "audit",
//!       "nation": "england_and_wales", "purpose": "…", "audience": "…" }
//!   ]
//! }
//! ```
//!
//! `definitions` is what site owners edit by hand; it is the only required field. `summaries`
//! is written by `mhsw manifest FOLDER` from the definitions themselves. A listed file without a
//! summary still loads: it appears on the home page once it has been checked, a moment after the
//! others. A summary is only ever a preview: the checked definition replaces it, and
//! [`stale_summaries`] finds summaries that no longer match, for `mhsw manifest` to rewrite.
//!
//! Owns: the manifest's format and building it. Must not touch: files (the CLI and the app read
//! and write them).

use serde::{Deserialize, Serialize};

use crate::definition::{Definition, Nation, ToolKind};
use crate::ids::DefinitionId;

/// The manifest's file name, in the questionnaires folder.
pub const FILE_NAME: &str = "manifest.json";

/// A questionnaire folder's manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The definition files, in the order the home page lists them.
    pub definitions: Vec<String>,
    /// What the home page shows of each file before it is checked (see the module notes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summaries: Vec<Summary>,
}

/// What the home page shows of a questionnaire: its title, kind and purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The definition file this summarises, as listed in `definitions`.
    pub file: String,
    /// The definition's id.
    pub id: DefinitionId,
    /// Its title.
    pub title: String,
    /// What kind of tool it is.
    pub kind: ToolKind,
    /// Where it applies.
    pub nation: Nation,
    /// What it is for.
    pub purpose: String,
    /// Who completes it.
    pub audience: String,
}

impl Summary {
    /// The summary of a definition read from `file`.
    pub fn of(file: &str, definition: &Definition) -> Self {
        Summary {
            file: file.to_owned(),
            id: definition.id.clone(),
            title: definition.title.to_string(),
            kind: definition.kind,
            nation: definition.nation,
            purpose: definition.purpose.to_string(),
            audience: definition.audience.to_string(),
        }
    }
}

impl Manifest {
    /// The summaries of the listed files, in the listed order (files without one are skipped).
    pub fn listed_summaries(&self) -> Vec<&Summary> {
        self.definitions
            .iter()
            .filter_map(|file| self.summaries.iter().find(|s| &s.file == file))
            .collect()
    }

    /// A manifest listing `files` in order, each summarised from its definition.
    pub fn build<'a>(files: impl IntoIterator<Item = (&'a str, &'a Definition)>) -> Self {
        let (definitions, summaries) = files
            .into_iter()
            .map(|(file, definition)| (file.to_owned(), Summary::of(file, definition)))
            .unzip();
        Manifest {
            definitions,
            summaries,
        }
    }

    /// The manifest as its file is written: pretty JSON and a final newline.
    pub fn to_file_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a manifest is always JSON");
        text.push('\n');
        text
    }
}

/// The files whose summary is missing or no longer matches their definition.
pub fn stale_summaries<'a>(
    manifest: &Manifest,
    files: impl IntoIterator<Item = (&'a str, &'a Definition)>,
) -> Vec<String> {
    files
        .into_iter()
        .filter(|(file, definition)| {
            manifest.summaries.iter().find(|s| s.file == *file)
                != Some(&Summary::of(file, definition))
        })
        .map(|(file, _)| file.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures;

    #[test]
    fn a_plain_list_of_files_is_still_a_manifest() {
        let manifest: Manifest =
            serde_json::from_str(r#"{ "definitions": ["a.json", "b.json"] }"#).expect("reads");
        assert_eq!(manifest.definitions, ["a.json", "b.json"]);
        assert!(manifest.listed_summaries().is_empty());
    }

    #[test]
    fn built_manifests_round_trip_and_list_summaries_in_order() {
        let definition = test_fixtures::audit();
        let manifest = Manifest::build([("x.json", &definition)]);
        let back: Manifest = serde_json::from_str(&manifest.to_file_text()).expect("reads");
        assert_eq!(back, manifest);
        let listed = back.listed_summaries();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].title, definition.title.as_str());
        assert!(stale_summaries(&back, [("x.json", &definition)]).is_empty());
    }

    #[test]
    fn a_changed_title_makes_the_summary_stale() {
        let definition = test_fixtures::audit();
        let manifest = Manifest::build([("x.json", &definition)]);
        let mut renamed = definition.clone();
        renamed.title = format!("{} (revised)", renamed.title).into();
        assert_eq!(
            stale_summaries(&manifest, [("x.json", &renamed)]),
            ["x.json"]
        );
        assert_eq!(
            stale_summaries(&Manifest::default(), [("x.json", &definition)]),
            ["x.json"]
        );
    }

    #[test]
    fn kind_and_nation_names_are_the_serde_names() {
        for kind in ToolKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.name())
            );
            assert_eq!(ToolKind::from_name(kind.name()), Some(kind));
        }
        for nation in Nation::ALL {
            assert_eq!(
                serde_json::to_string(&nation).unwrap(),
                format!("\"{}\"", nation.name())
            );
            assert_eq!(Nation::from_name(nation.name()), Some(nation));
        }
        assert_eq!(ToolKind::from_name("Audit"), None);
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(serde_json::from_str::<Manifest>(r#"{ "definition": [] }"#).is_err());
    }
}
