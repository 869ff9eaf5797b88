//! The plan (V14): an `action` field, no field twice, rows proposed only when scored.

use std::collections::BTreeSet;

use super::checker::{At, Checker};
use super::Rule;
use crate::definition::PlanFieldKind;

impl Checker<'_> {
    pub(super) fn plan(&mut self) {
        let d = self.definition;
        let Some(plan) = &d.plan else { return };
        self.not_blank(
            Rule::V16,
            At::Top.field("plan.title"),
            "plan title",
            &plan.title,
        );
        let mut seen = BTreeSet::new();
        for (index, field) in plan.fields.iter().enumerate() {
            let name = plan_field_name(field.field);
            let index = index.to_string();
            let place = |key: &str| {
                At::Top.place(
                    &format!("plan.fields.{name}"),
                    &["plan", "fields", &index, key],
                )
            };
            if !seen.insert(field.field) {
                self.report(
                    Rule::V14,
                    place("field"),
                    format!("the plan field `{name}` appears twice"),
                    "list each field once",
                );
            }
            self.not_blank(Rule::V16, place("label"), "label", &field.label);
        }
        if !seen.contains(&PlanFieldKind::Action) {
            self.report(
                Rule::V14,
                At::Top.field("plan.fields"),
                "the plan has no `action` field",
                "add { \"field\": \"action\", \"label\": \"What we will do\", \"required\": true }",
            );
        }
        if plan.propose_from_answers && d.scoring.is_none() {
            self.report(
                Rule::V14,
                At::Top.field("plan.propose_from_answers"),
                "the plan proposes rows from answers, but the definition has no scoring",
                "add \"scoring\" with bands, or set \"propose_from_answers\" to false",
            );
        }
    }
}

/// How a plan field is written in a definition, for example `target_date`.
pub(super) fn plan_field_name(kind: PlanFieldKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
