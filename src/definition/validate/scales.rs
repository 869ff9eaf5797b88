//! Scales, their options, and themes: ids (V2) unique (V3), a rating's scale scored and used
//! (V5), labels not blank (V16).

use std::collections::BTreeSet;

use super::checker::{At, Checker};
use super::Rule;
use crate::definition::{AnswerKind, ScaleOption};

impl Checker<'_> {
    // V2, V3, V5, V16
    pub(super) fn scales(&mut self) {
        let d = self.definition;
        let used: BTreeSet<&str> = d
            .questions()
            .filter_map(|(_, q)| match &q.answer {
                AnswerKind::Rating { scale } => Some(scale.as_str()),
                _ => None,
            })
            .collect();
        for (id, scale) in &d.scales {
            let field = format!("scales.{id}");
            let at = |rest: &[&str]| {
                let mut path = vec!["scales", id.as_str()];
                path.extend_from_slice(rest);
                At::Top.place(&field, &path)
            };
            self.id(at(&[]), "scale id", id.as_str());
            // With no questions at all, "no sections" or "no questions" is the problem to fix.
            if !used.contains(id.as_str()) && d.questions().next().is_some() {
                self.report(
                    Rule::V5,
                    at(&[]),
                    format!("the scale `{id}` is not used by any question"),
                    format!("remove it, or use it in a rating question: \"answer\": {{ \"type\": \"rating\", \"scale\": \"{id}\" }}"),
                );
            }
            if !scale.options.is_empty() && !scale.options.iter().any(|o| o.points.is_some()) {
                self.report(
                    Rule::V5,
                    at(&["options"]),
                    format!("the scale `{id}` has no scored points: every option is special"),
                    "give each point of the scale \"points\" (for example 0 to 3), lowest first",
                );
            }
            for (index, option) in scale.options.iter().enumerate() {
                if option.points.is_some() == option.special.is_some() {
                    let index = index.to_string();
                    let place = At::Top.place(
                        &format!("{field}.options.{}", option.value),
                        &["scales", id.as_str(), "options", &index],
                    );
                    let (message, fix) = if option.points.is_some() {
                        (
                            format!("the option `{}` has both \"points\" and \"special\"", option.value),
                            "remove \"points\" if the option is not a point on the scale (such as \"Not applicable\"), otherwise remove \"special\"",
                        )
                    } else {
                        (
                            format!("the option `{}` has neither \"points\" nor \"special\"", option.value),
                            "give a point of the scale \"points\", or mark an option such as \"Not applicable\" with \"special\": \"not_applicable\"",
                        )
                    };
                    self.report(Rule::V5, place, message, fix);
                }
            }
            self.options(
                At::Top,
                &format!("{field}.options"),
                &["scales", id.as_str(), "options"],
                &scale.options,
            );
        }
    }

    /// Checks a list of options; `field` names it for people and `path` is its pointer below `at`.
    pub(super) fn options(&mut self, at: At, field: &str, path: &[&str], options: &[ScaleOption]) {
        if options.is_empty() {
            self.report(
                Rule::V4,
                at.place(field, path),
                "the list of options is empty",
                "add the options people choose from",
            );
        }
        let mut seen = BTreeSet::new();
        for (index, option) in options.iter().enumerate() {
            let index = index.to_string();
            let item = |key: &str| {
                let mut full = path.to_vec();
                full.push(&index);
                full.push(key);
                at.place(&format!("{field}.{}", option.value), &full)
            };
            self.id(item("value"), "option value", option.value.as_str());
            self.not_blank(Rule::V16, item("label"), "label", &option.label);
            if !seen.insert(option.value.as_str()) {
                self.report(
                    Rule::V3,
                    item("value"),
                    format!(
                        "the option value `{}` appears twice in the list",
                        option.value
                    ),
                    "give every option in the list its own value",
                );
            }
        }
    }

    // V2, V3, V16
    pub(super) fn themes(&mut self) {
        let mut seen = BTreeSet::new();
        for (index, theme) in self.definition.themes.iter().enumerate() {
            let index = index.to_string();
            let field = format!("themes.{}", theme.id);
            let place = |key: &str| At::Top.place(&field, &["themes", &index, key]);
            self.id(place("id"), "theme id", theme.id.as_str());
            self.not_blank(Rule::V16, place("title"), "theme title", &theme.title);
            if !seen.insert(theme.id.as_str()) {
                self.report(
                    Rule::V3,
                    place("id"),
                    format!("the theme `{}` is defined twice", theme.id),
                    "keep one definition of each theme",
                );
            }
        }
    }
}
