//! What only a set of definitions can show (the cross-file part of V15): a statement's pre-fill
//! names sections its audit really has. `mhsw check` and the app's catalogue both run it.

use super::{Place, Problem, Rule};
use crate::definition::Definition;

/// Checks what only a set of definitions can show: a statement's `prefill_from` must name
/// sections that its audit (when that audit is in the set) really has. Returns each problem with
/// the index of the definition it belongs to.
pub fn validate_together(definitions: &[&Definition]) -> Vec<(usize, Problem)> {
    let mut problems = Vec::new();
    for (index, definition) in definitions.iter().enumerate() {
        for section in &definition.sections {
            let Some(prefill) = &section.prefill_from else {
                continue;
            };
            let Some(audit) = definitions.iter().find(|d| d.id == prefill.definition) else {
                continue;
            };
            for named in &prefill.sections {
                if audit.section(named).is_none() {
                    let known: Vec<&str> = audit.sections.iter().map(|s| s.id.as_str()).collect();
                    problems.push((
                        index,
                        Problem {
                            rule: Rule::V15,
                            place: Place {
                                section: Some(section.id.to_string()),
                                field: Some("prefill_from.sections".to_owned()),
                                ..Place::default()
                            },
                            message: format!("`{}` has no section `{named}`", prefill.definition),
                            fix: format!("name one of its sections: {}", known.join(", ")),
                        },
                    ));
                }
            }
        }
    }
    problems
}
