//! The improvement plan on its own, on landscape pages for its wide table.
//!
//! Owns: the content of the stand-alone plan document.
//! Must not touch: what is overdue (see [`crate::plan`]); layout; a clock.

use crate::date::Date;
use crate::definition::Definition;
use crate::lang::Lang;
use crate::messages::say;
use crate::work::Work;

use super::audit_words::word;
use super::parts::{
    footer_in, heading, in_lang, meta_in, name_of_in, or_not_recorded_in, paragraph, plan_rows_in,
};
use super::{Block, Fact, Orientation, Report};

/// Builds the plan document, with what is overdue worked out for `today`, its own words in
/// `lang` and the definition's in `lang` where it gives them.
pub fn plan_report(definition: &Definition, work: &Work, today: Date, lang: Lang) -> Report {
    let title = definition.plan.as_ref().map_or_else(
        || say(lang, "Improvement plan", "Cynllun gwella").to_owned(),
        |p| in_lang(lang, &p.title),
    );
    let name = name_of_in(lang, work);
    let questionnaire = in_lang(lang, &definition.title);
    let mut blocks = vec![
        heading(1, format!("{title}: {name}")),
        Block::Facts(vec![
            Fact::new(
                word(lang, "Organisation"),
                or_not_recorded_in(lang, &work.organisation),
            ),
            Fact::new(
                say(lang, "From", "Yn deillio o"),
                super::words::version_label(lang, &questionnaire, &definition.version),
            ),
            Fact::new(say(lang, "Date", "Dyddiad"), today.long_in(lang)),
        ]),
    ];
    if let Some(intro) = definition.plan.as_ref().and_then(|p| p.intro.as_ref()) {
        blocks.push(paragraph(in_lang(lang, intro)));
    }
    blocks.extend(plan_rows_in(lang, definition, &work.plan, today, &title));
    Report {
        meta: meta_in(
            lang,
            &format!("{title}: {name}"),
            &work.organisation,
            &questionnaire,
            &["improvement plan"],
        ),
        footer: footer_in(lang, work, today),
        orientation: Orientation::Landscape,
        cover: None,
        blocks,
    }
}
