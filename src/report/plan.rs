//! The improvement plan on its own, on landscape pages for its wide table.
//!
//! Owns: the content of the stand-alone plan document.
//! Must not touch: what is overdue (see [`crate::plan`]); layout; a clock.

use crate::date::Date;
use crate::definition::Definition;
use crate::work::Work;

use super::parts::{footer, heading, meta, name_of, or_not_recorded, paragraph, plan_rows};
use super::{Block, Fact, Orientation, Report};

/// Builds the plan document, with what is overdue worked out for `today`.
pub fn plan_report(definition: &Definition, work: &Work, today: Date) -> Report {
    let title = definition
        .plan
        .as_ref()
        .map_or_else(|| "Improvement plan".to_owned(), |p| p.title.to_string());
    let name = name_of(work);
    let mut blocks = vec![
        heading(1, format!("{title}: {name}")),
        Block::Facts(vec![
            Fact::new("Organisation", or_not_recorded(&work.organisation)),
            Fact::new("From", definition.version_label()),
            Fact::new("Date", today.long()),
        ]),
    ];
    if let Some(intro) = definition.plan.as_ref().and_then(|p| p.intro.as_ref()) {
        blocks.push(paragraph(intro.to_string()));
    }
    blocks.extend(plan_rows(definition, &work.plan, today, &title));
    Report {
        meta: meta(
            &format!("{title}: {name}"),
            &work.organisation,
            &definition.title,
            &["improvement plan"],
        ),
        footer: footer(work, today),
        orientation: Orientation::Landscape,
        cover: None,
        blocks,
    }
}
