//! The strategic statement as a formatted document, with the current position of its prefilled
//! sections taken from the latest audit.
//!
//! Owns: the content and order of the statement document.
//! Must not touch: scoring (the audit's [`Scores`] come in); layout; a clock.

use crate::date::Date;
use crate::definition::{Definition, Prefill};
use crate::ids::DefinitionId;
use crate::lang::Lang;
use crate::messages::say;
use crate::responses::Answer;
use crate::scoring::Scores;
use crate::work::Work;

use super::audit::{unfinished, unfinished_notice};
use super::audit_words::word;
use super::parts::{
    footer_in, heading, in_lang, meta_in, name_of_in, or_not_recorded_in, paragraph, plan_table_in,
    score_words_in, styled, table,
};
use super::{Block, Cover, Fact, Orientation, Report, TextStyle};

/// The latest audit, for the current position of prefilled sections.
#[derive(Debug, Clone, Copy)]
pub struct LatestAudit<'a> {
    /// The audit's definition.
    pub definition: &'a Definition,
    /// The audit.
    pub work: &'a Work,
    /// Its scores.
    pub scores: &'a Scores,
}

/// The audit a statement takes its current position from: the questionnaire its first
/// prefilled section names, or `None` when no section is prefilled.
pub fn audit_drawn_on(statement: &Definition) -> Option<&DefinitionId> {
    statement
        .sections
        .iter()
        .find_map(|s| s.prefill_from.as_ref())
        .map(|p| &p.definition)
}

/// Where an audit left the sections one statement section draws on, as the section page shows
/// it while the statement is written.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentPosition {
    /// The language its words are in (the audit's own titles and bands are as its
    /// questionnaire gives them in that language).
    pub lang: Lang,
    /// The audit's name.
    pub work_name: String,
    /// When the audit was last changed.
    pub date: Date,
    /// One line per named section the audit has: its title and score, for example
    /// `Leadership: 80%: Green, achieved`.
    pub lines: Vec<String>,
    /// The audit's rated questions answered and asked, when it is not finished: its scores can
    /// still change.
    pub unfinished: Option<(u32, u32)>,
}

impl CurrentPosition {
    /// The position as text to copy into an answer: a sentence naming the audit, then a line
    /// starting `- ` for each section, in [`CurrentPosition::lang`].
    pub fn summary(&self) -> String {
        let name = &self.work_name;
        let day = self.date.long_in(self.lang);
        let progress = self
            .unfinished
            .map_or_else(String::new, |(answered, rated)| match self.lang {
                Lang::En => format!("; {answered} of its {rated} rated questions answered so far"),
                Lang::Cy => {
                    format!("; {answered} o’i {rated} cwestiwn wedi’u graddio wedi’u hateb hyd yma")
                }
            });
        let mut text = match self.lang {
            Lang::En => format!("Our latest self-assessment (\u{201c}{name}\u{201d}, {day}{progress}) found:"),
            Lang::Cy => format!("Canfu ein hunanasesiad diweddaraf (\u{201c}{name}\u{201d}, {day}{progress}) y canlynol:"),
        };
        for line in &self.lines {
            text.push_str("\n- ");
            text.push_str(line);
        }
        text
    }
}

/// Each audit section `prefill` names, as its title and its score in words, in `lang`: `None`
/// for a section the audit (of `definition`) does not have. The statement document and the
/// section page both word the current position from this.
fn position_rows(
    definition: &Definition,
    scores: &Scores,
    prefill: &Prefill,
    lang: Lang,
) -> Vec<Option<(String, String)>> {
    let title = |id: &crate::ids::SectionId, title: &str| match lang {
        Lang::En => title.to_owned(),
        _ => definition
            .section(id)
            .map_or_else(|| title.to_owned(), |s| in_lang(lang, &s.title)),
    };
    prefill
        .sections
        .iter()
        .map(|id| {
            let section = scores.section(id)?;
            let words = if section.shown {
                score_words_in(lang, section.score.as_ref())
            } else {
                say(lang, "Not assessed", "Heb ei asesu").to_owned()
            };
            Some((title(&section.id, &section.title), words))
        })
        .collect()
}

/// The current position `prefill` asks for, from an audit (of `definition`) and its `scores`,
/// worded in `lang`. A named section the audit does not have is left out.
pub fn current_position(
    definition: &Definition,
    audit: &Work,
    scores: &Scores,
    prefill: &Prefill,
    lang: Lang,
) -> CurrentPosition {
    let lines = position_rows(definition, scores, prefill, lang)
        .into_iter()
        .flatten()
        .map(|(title, words)| format!("{title}: {words}"))
        .collect();
    CurrentPosition {
        lang,
        work_name: audit.name.clone(),
        date: audit.updated,
        lines,
        unfinished: unfinished(definition, scores),
    }
}

/// Builds the statement document, its own words in `lang` and the definition's texts in
/// `lang` where it gives them.
pub fn statement_report(
    definition: &Definition,
    work: &Work,
    audit: Option<LatestAudit>,
    today: Date,
    lang: Lang,
) -> Report {
    let mut blocks = Vec::new();
    for section in &definition.sections {
        if !work.responses.section_shown(definition, section) {
            continue;
        }
        let title = in_lang(lang, &section.title);
        blocks.push(heading(1, title.clone()));
        if let Some(prefill) = &section.prefill_from {
            blocks.push(heading(
                2,
                say(lang, "Where we are now", "Ble rydym ni nawr"),
            ));
            match audit.filter(|a| a.definition.id == prefill.definition) {
                Some(audit) => {
                    let name = name_of_in(lang, audit.work);
                    let updated = audit.work.updated.long_in(lang);
                    blocks.push(paragraph(match lang {
                        Lang::En => format!(
                            "From the self-assessment \u{201c}{name}\u{201d}, last updated {updated}."
                        ),
                        Lang::Cy => format!(
                            "O’r hunanasesiad \u{201c}{name}\u{201d}, a ddiweddarwyd ddiwethaf ar {updated}."
                        ),
                    }));
                    // Scores from part of an audit say so here too, as on its results.
                    if let Some(counts) = unfinished(audit.definition, audit.scores) {
                        blocks.push(unfinished_notice(
                            lang,
                            counts,
                            " in that self-assessment, so the scores below can change as the rest are answered.",
                            " yn yr hunanasesiad hwnnw, felly gall y sgorau isod newid wrth i’r gweddill gael eu hateb.",
                        ));
                    }
                    let rows = position_rows(audit.definition, audit.scores, prefill, lang)
                        .into_iter()
                        .zip(&prefill.sections)
                        .map(|(row, id)| match row {
                            Some((title, words)) => vec![title, words],
                            None => vec![
                                id.to_string(),
                                say(lang, "Not in this audit", "Ddim yn yr archwiliad hwn")
                                    .to_owned(),
                            ],
                        })
                        .collect();
                    blocks.push(table(
                        match lang {
                            Lang::En => format!("Current position: {title}"),
                            Lang::Cy => format!("Y sefyllfa bresennol: {title}"),
                        },
                        &[
                            (say(lang, "Area", "Maes"), 5),
                            (say(lang, "Score and rating", "Sgôr a gradd"), 5),
                        ],
                        rows,
                        Some(say(
                            lang,
                            "Scores are from a self-assessment, not an inspection rating.",
                            "Daw’r sgorau o hunanasesiad, nid o sgôr arolygu.",
                        )),
                    ));
                }
                None => blocks.push(paragraph(match lang {
                    Lang::En => format!(
                        "No \u{201c}{}\u{201d} audit was available when this document was made (none on the device, or none given), so the current position it would give is not shown.",
                        prefill.definition
                    ),
                    Lang::Cy => format!(
                        "Nid oedd archwiliad \u{201c}{}\u{201d} ar gael pan wnaed y ddogfen hon (dim un ar y ddyfais, neu dim un wedi’i roi), felly nid yw’r sefyllfa bresennol y byddai’n ei rhoi yn cael ei dangos.",
                        prefill.definition
                    ),
                })),
            }
        }
        let mut written = false;
        for question in &section.questions {
            if !work.responses.question_shown(definition, question) {
                continue;
            }
            let Some(answer) = work.responses.answer(&question.id) else {
                continue;
            };
            let text = match answer {
                Answer::Text(text) => text.trim().to_owned(),
                Answer::Date(date) => date.long_in(lang),
                Answer::Number(value) => match &question.answer {
                    crate::definition::AnswerKind::Number { unit, .. } => {
                        crate::number::with_unit(&value.to_string(), unit)
                    }
                    _ => value.to_string(),
                },
                Answer::Choice(value) => definition
                    .options_of(question)
                    .and_then(|o| o.find(value).map(|o| in_lang(lang, &o.label)))
                    .unwrap_or_else(|| value.to_string()),
                Answer::Choices(values) => {
                    let options = definition.options_of(question);
                    values
                        .iter()
                        .map(|v| {
                            options
                                .as_ref()
                                .and_then(|o| o.find(v).map(|o| in_lang(lang, &o.label)))
                                .unwrap_or_else(|| v.to_string())
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            };
            blocks.push(heading(2, in_lang(lang, &question.text)));
            blocks.push(paragraph(text));
            written = true;
        }
        if !written {
            blocks.push(styled(
                say(lang, "Not written yet.", "Heb ei ysgrifennu eto."),
                TextStyle::Small,
            ));
        }
    }
    if let Some(plan) = &definition.plan {
        let title = in_lang(lang, &plan.title);
        blocks.push(heading(1, title.clone()));
        if let Some(intro) = &plan.intro {
            blocks.push(paragraph(in_lang(lang, intro)));
        }
        if work.plan.is_empty() {
            blocks.push(paragraph(say(
                lang,
                "None recorded yet.",
                "Dim wedi’u cofnodi eto.",
            )));
        } else {
            blocks.push(Block::Table(plan_table_in(
                lang, definition, &work.plan, today, &title,
            )));
        }
    }
    if blocks.is_empty() {
        blocks.push(paragraph(say(
            lang,
            "Nothing has been written in this statement yet.",
            "Nid oes dim wedi’i ysgrifennu yn y datganiad hwn eto.",
        )));
    }
    let alignment = super::words::alignment_line(lang);
    blocks.push(styled(alignment, TextStyle::Small));

    let name = name_of_in(lang, work);
    let mut facts = vec![
        Fact::new(
            word(lang, "Organisation"),
            or_not_recorded_in(lang, &work.organisation),
        ),
        Fact::new(say(lang, "Date", "Dyddiad"), today.long_in(lang)),
    ];
    if let Some(audit) = audit {
        let (from, updated) = (
            name_of_in(lang, audit.work),
            audit.work.updated.long_in(lang),
        );
        facts.push(Fact::new(
            say(lang, "Current position from", "Y sefyllfa bresennol o"),
            match lang {
                Lang::En => format!("{from}, last updated {updated}"),
                Lang::Cy => format!("{from}, a ddiweddarwyd ddiwethaf ar {updated}"),
            },
        ));
    }
    let title = in_lang(lang, &definition.title);
    Report {
        meta: meta_in(
            lang,
            &name,
            &work.organisation,
            &title,
            &["strategic statement", "mental health social work"],
        ),
        footer: footer_in(lang, work, today),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: name,
            subtitle: title,
            facts,
            statement: alignment.to_owned(),
        }),
        blocks,
    }
}
