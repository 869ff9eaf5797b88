//! The strategic statement as a formatted document, with the current position of its prefilled
//! sections taken from the latest audit.
//!
//! Owns: the content and order of the statement document.
//! Must not touch: scoring (the audit's [`Scores`] come in); layout; a clock.

use crate::date::Date;
use crate::definition::{Definition, Prefill};
use crate::ids::DefinitionId;
use crate::responses::Answer;
use crate::scoring::Scores;
use crate::work::Work;

use super::parts::{
    footer, heading, meta, name_of, or_not_recorded, paragraph, plan_table, score_words, styled,
    table, ALIGNMENT_LINE,
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
    /// The audit's name.
    pub work_name: String,
    /// When the audit was last changed.
    pub date: Date,
    /// One line per named section the audit has: its title and score, for example
    /// `Leadership: 80%: Green, achieved`.
    pub lines: Vec<String>,
}

impl CurrentPosition {
    /// The position as text to copy into an answer: a sentence naming the audit, then a line
    /// starting `- ` for each section.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "Our latest self-assessment (\u{201c}{}\u{201d}, {}) found:",
            self.work_name,
            self.date.long()
        );
        for line in &self.lines {
            text.push_str("\n- ");
            text.push_str(line);
        }
        text
    }
}

/// The current position `prefill` asks for, from an audit and its `scores`. A named section
/// the audit does not have is left out.
pub fn current_position(audit: &Work, scores: &Scores, prefill: &Prefill) -> CurrentPosition {
    let lines = prefill
        .sections
        .iter()
        .filter_map(|id| scores.section(id.as_str()))
        .map(|section| match &section.score {
            Some(score) => format!("{}: {}", section.title, score.label()),
            None => format!("{}: nothing scorable yet", section.title),
        })
        .collect();
    CurrentPosition {
        work_name: audit.name.clone(),
        date: audit.updated,
        lines,
    }
}

/// Builds the statement document.
pub fn statement_report(
    definition: &Definition,
    work: &Work,
    audit: Option<LatestAudit>,
    today: Date,
) -> Report {
    let mut blocks = Vec::new();
    for section in &definition.sections {
        if !work.responses.section_shown(definition, section) {
            continue;
        }
        blocks.push(heading(1, section.title.to_string()));
        if let Some(prefill) = &section.prefill_from {
            blocks.push(heading(2, "Where we are now"));
            match audit.filter(|a| a.definition.id == prefill.definition) {
                Some(audit) => {
                    blocks.push(paragraph(format!(
                        "From the self-assessment \u{201c}{}\u{201d}, last updated {}.",
                        name_of(audit.work),
                        audit.work.updated.long()
                    )));
                    let rows = prefill
                        .sections
                        .iter()
                        .map(|id| match audit.scores.section(id.as_str()) {
                            Some(s) if s.shown => {
                                vec![s.title.clone(), score_words(s.score.as_ref())]
                            }
                            Some(s) => vec![s.title.clone(), "Not assessed".to_owned()],
                            None => vec![id.to_string(), "Not in this audit".to_owned()],
                        })
                        .collect();
                    blocks.push(table(
                        format!("Current position: {}", section.title),
                        &[("Area", 5), ("Score and rating", 5)],
                        rows,
                        Some("Scores are from a self-assessment, not an inspection rating."),
                    ));
                }
                None => blocks.push(paragraph(format!(
                    "The current position comes from the latest \u{201c}{}\u{201d} audit, which was not included when this document was made.",
                    prefill.definition
                ))),
            }
        }
        let mut written = false;
        for question in &section.questions {
            if !work.responses.question_shown(definition, question) {
                continue;
            }
            let Some(answer) = work.responses.answer(question.id.as_str()) else {
                continue;
            };
            let text = match answer {
                Answer::Text(text) => text.trim().to_owned(),
                Answer::Date(date) => date.long(),
                Answer::Number(value) => match &question.answer {
                    crate::definition::AnswerKind::Number { unit, .. } => {
                        crate::number::with_unit(&value.to_string(), unit)
                    }
                    _ => value.to_string(),
                },
                Answer::Choice(value) => definition
                    .options_of(question)
                    .and_then(|o| o.find(value.as_str()).map(|o| o.label.to_string()))
                    .unwrap_or_else(|| value.to_string()),
                Answer::Choices(values) => {
                    let options = definition.options_of(question);
                    values
                        .iter()
                        .map(|v| {
                            options
                                .as_ref()
                                .and_then(|o| o.find(v.as_str()).map(|o| o.label.to_string()))
                                .unwrap_or_else(|| v.to_string())
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            };
            blocks.push(heading(2, question.text.to_string()));
            blocks.push(paragraph(text));
            written = true;
        }
        if !written {
            blocks.push(styled("Not written yet.", TextStyle::Small));
        }
    }
    if let Some(plan) = &definition.plan {
        blocks.push(heading(1, plan.title.to_string()));
        if let Some(intro) = &plan.intro {
            blocks.push(paragraph(intro.to_string()));
        }
        if work.plan.is_empty() {
            blocks.push(paragraph("None recorded yet."));
        } else {
            blocks.push(Block::Table(plan_table(
                definition,
                &work.plan,
                today,
                &plan.title,
            )));
        }
    }
    if blocks.is_empty() {
        blocks.push(paragraph("Nothing has been written in this statement yet."));
    }
    blocks.push(styled(ALIGNMENT_LINE, TextStyle::Small));

    let name = name_of(work);
    let mut facts = vec![
        Fact::new("Organisation", or_not_recorded(&work.organisation)),
        Fact::new("Date", today.long()),
    ];
    if let Some(audit) = audit {
        facts.push(Fact::new(
            "Current position from",
            format!(
                "{}, last updated {}",
                name_of(audit.work),
                audit.work.updated.long()
            ),
        ));
    }
    Report {
        meta: meta(
            &name,
            &work.organisation,
            &definition.title,
            &["strategic statement", "mental health social work"],
        ),
        footer: footer(work, today),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: name,
            subtitle: definition.title.to_string(),
            facts,
            statement: ALIGNMENT_LINE.to_owned(),
        }),
        blocks,
    }
}
