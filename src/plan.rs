//! The improvement plan: action rows, proposed from the answers and edited by people.
//!
//! Owns: the action row model and its statuses, proposing rows from scores ([`propose`]), and
//! what is overdue, due for review or incomplete ([`overdue`], [`summarise`]). Dates are passed
//! in, never read from a clock.
//! Must not touch: scores (it reads them), report layout or storage.
//!
//! # Rules
//!
//! - **P1 When rows are proposed.** Only when the definition's plan sets `propose_from_answers`.
//! - **P2 What is proposed.** Every shown item whose band proposes action, and every shown item
//!   marked high priority, in question order; each says why ([`ProposalReason`]).
//! - **P3 No duplicates.** An item that is already the source of a row in the plan, whatever the
//!   row's status, is not proposed again.
//! - **P4 The proposed row.** Its id is `q-` and the question id (with `-2`, `-3`… if that id is
//!   taken); its source is the question; its status is "not started"; its action is the
//!   question's suggested action when the definition gives one, in the plan's language where
//!   the definition gives it in that language, else in its primary language
//!   ([`Question::proposed_action`](crate::definition::Question::proposed_action)), for people
//!   to edit like any other; everything else people write (lead, partners, dates, success
//!   measure) is left empty for them.
//! - **P5 Overdue.** A row is overdue when it is still open (not started or in progress) and its
//!   target date is before today. Rows that are done or stopped, or have no target date, are
//!   never overdue.
//! - **P6 Due for review.** A row is due for review when it is still open and its review date is
//!   today or earlier.
//! - **P7 Incomplete.** A row is incomplete when a field the definition's plan marks `required` is
//!   empty.
//! - **P8 One wording.** Where a row came from is said in the same words on the plan page, in the
//!   spreadsheet and in the PDF ([`source_words`]): a row a person added is "Added by the team".
//!   A proposal's suggested action is introduced with [`FIRST_STEP`] on the plan page and in the
//!   report.
//! - **P9 Legal risks first.** Every shown item that is a legal risk (rule S19 of
//!   [`crate::scoring`]) is proposed, whatever its band, and the legal risks come before every
//!   other proposal (each group in question order). Their reason starts with [`LEGAL_RISK`]
//!   ([`Proposal::why`]), on the plan page and in the report.
//! - **P10 No first step for what is met.** An item that earned its full points (proposed only
//!   because it is marked high priority) is proposed with its action left empty: a definition's
//!   suggested action is a first step from a gap, and would contradict the answer (found by a
//!   tester on 7 December 2026: "Yes, there is a named Principal Social Worker", marked high
//!   priority, was proposed "set a date to appoint" one). What to do next is the team's to write.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::definition::{Definition, PlanConfig, PlanField, PlanFieldKind};
use crate::ids::{QuestionId, SectionId};
use crate::lang::Lang;
use crate::responses::Priority;
use crate::scoring::{ItemOutcome, Scores};

/// The words before a proposal's suggested action, on the plan page and in the report (P8).
pub const FIRST_STEP: &str = "Suggested first step";

/// The words that mark a legal risk (S19, P9), wherever one is shown.
pub const LEGAL_RISK: &str = "Legal risk";

/// Where a proposed row came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RowSource {
    /// Proposed from an item rated in a band that proposes action, or marked high priority.
    Question(QuestionId),
    /// Proposed from a whole section in such a band.
    Section(SectionId),
    /// Added by a person.
    Added,
}

/// The state of an action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Agreed but not started.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Stopped on purpose.
    Stopped,
}

impl Status {
    /// Every status, in the order people move through them.
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Stopped,
    ];

    /// The words people see.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Stopped => "Stopped",
        }
    }

    /// True while the action still has to happen.
    pub fn is_open(self) -> bool {
        matches!(self, Status::NotStarted | Status::InProgress)
    }
}

/// One row of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRow {
    /// A stable id within the plan, for keyed lists.
    pub id: String,
    /// Where the row came from.
    pub source: RowSource,
    /// What will be done.
    #[serde(default)]
    pub action: String,
    /// Who leads it.
    #[serde(default)]
    pub lead: String,
    /// Who else is involved.
    #[serde(default)]
    pub partners: String,
    /// When it should be done by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<Date>,
    /// How we will know it worked.
    #[serde(default)]
    pub success_measure: String,
    /// Where it has got to.
    #[serde(default)]
    pub status: Status,
    /// When it will next be reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_date: Option<Date>,
}

impl PlanRow {
    /// A row with nothing written yet and not started: what adding a row makes, and where a
    /// proposed row starts.
    pub fn blank(id: impl Into<String>, source: RowSource) -> Self {
        PlanRow {
            id: id.into(),
            source,
            action: String::new(),
            lead: String::new(),
            partners: String::new(),
            target_date: None,
            success_measure: String::new(),
            status: Status::NotStarted,
            review_date: None,
        }
    }
}

/// A row proposed from the answers, and why (P2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// The row, ready to add to the plan.
    pub row: PlanRow,
    /// Why it is proposed.
    pub reason: ProposalReason,
    /// True when the item is a legal risk (S19): proposed first (P9).
    pub legal_risk: bool,
    /// The language the row's suggested action is in (P4), for a page to mark it.
    pub action_lang: Lang,
}

impl Proposal {
    /// Why it is proposed, in words: `Legal risk: the minimum the law requires is not shown to
    /// be met; rated Amber` for a legal risk (P9), otherwise the reason's label.
    pub fn why(&self) -> String {
        match (&self.reason, self.legal_risk) {
            (ProposalReason::LegalRisk, _) | (_, false) => self.reason.label(),
            (other, true) => format!(
                "{}; {}",
                ProposalReason::LegalRisk.label(),
                crate::case::lower_first(&other.label())
            ),
        }
    }
}

/// Why an item is proposed for the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposalReason {
    /// Its band proposes action.
    Band {
        /// The band's label, for example `Red`.
        band: String,
    },
    /// It was marked high priority.
    HighPriority,
    /// Both.
    BandAndHighPriority {
        /// The band's label.
        band: String,
    },
    /// Only that it is a legal risk (S19, P9), for example "Don't know" on a statutory minimum.
    LegalRisk,
}

impl ProposalReason {
    /// The reason in words: `Rated Red`, `Marked high priority`, or both.
    pub fn label(&self) -> String {
        match self {
            ProposalReason::Band { band } => format!("Rated {band}"),
            ProposalReason::HighPriority => "Marked high priority".to_owned(),
            ProposalReason::BandAndHighPriority { band } => {
                format!("Rated {band} and marked high priority")
            }
            ProposalReason::LegalRisk => {
                format!("{LEGAL_RISK}: the minimum the law requires is not shown to be met")
            }
        }
    }
}

/// Rows to propose from scored answers (P1 to P4, P9), leaving out items the plan already has,
/// with their suggested actions in `lang` where the definition gives them so (P4).
pub fn propose(
    definition: &Definition,
    scores: &Scores,
    existing: &[PlanRow],
    lang: Lang,
) -> Vec<Proposal> {
    if !definition
        .plan
        .as_ref()
        .is_some_and(|plan| plan.propose_from_answers)
    {
        return Vec::new();
    }
    let mut taken_ids: std::collections::BTreeSet<String> =
        existing.iter().map(|row| row.id.clone()).collect();
    let mut proposals = Vec::new();
    for item in scores.items() {
        let band = item
            .score
            .as_ref()
            .and_then(|s| s.band.as_ref())
            .filter(|b| b.proposes_action)
            .map(|b| b.label.clone());
        let high = item.priority == Some(Priority::High);
        let reason = match (band, high) {
            (Some(band), true) => ProposalReason::BandAndHighPriority { band },
            (Some(band), false) => ProposalReason::Band { band },
            (None, true) => ProposalReason::HighPriority,
            (None, false) if item.legal_risk => ProposalReason::LegalRisk,
            (None, false) => continue,
        };
        let source = RowSource::Question(item.question.clone());
        if existing.iter().any(|row| row.source == source) {
            continue;
        }
        let base = format!("q-{}", item.question);
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|candidate| !taken_ids.contains(candidate))
            .unwrap_or(base);
        taken_ids.insert(id.clone());
        let met = matches!(item.outcome, ItemOutcome::Scored { points, max } if points >= max);
        let (action, action_lang) = match definition.question(&item.question) {
            Some(question) if !met => question.proposed_action(lang),
            _ => (String::new(), lang),
        };
        proposals.push(Proposal {
            row: PlanRow {
                action,
                ..PlanRow::blank(id, source)
            },
            reason,
            legal_risk: item.legal_risk,
            action_lang,
        });
    }
    // P9: legal risks first; the sort is stable, so each group keeps question order.
    proposals.sort_by_key(|p| !p.legal_risk);
    proposals
}

/// True when a row is still open and its target date is before today (P5).
pub fn overdue(row: &PlanRow, today: Date) -> bool {
    row.status.is_open() && row.target_date.is_some_and(|target| target < today)
}

/// True when a row is still open and its review date is today or earlier (P6).
pub fn review_due(row: &PlanRow, today: Date) -> bool {
    row.status.is_open() && row.review_date.is_some_and(|review| review <= today)
}

/// The required fields of the plan that a row leaves empty (P7), in the plan's order.
pub fn missing_fields<'a>(row: &PlanRow, plan: &'a PlanConfig) -> Vec<&'a PlanField> {
    plan.fields
        .iter()
        .filter(|field| field.required)
        .filter(|field| match field.field {
            PlanFieldKind::Action => row.action.trim().is_empty(),
            PlanFieldKind::Lead => row.lead.trim().is_empty(),
            PlanFieldKind::Partners => row.partners.trim().is_empty(),
            PlanFieldKind::TargetDate => row.target_date.is_none(),
            PlanFieldKind::SuccessMeasure => row.success_measure.trim().is_empty(),
            PlanFieldKind::Status => false,
            PlanFieldKind::ReviewDate => row.review_date.is_none(),
        })
        .collect()
}

/// Where a plan stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanSummary {
    /// The day it was worked out for.
    pub today: Date,
    /// Rows in the plan.
    pub rows: usize,
    /// Rows per status, in [`Status::ALL`] order (statuses with no rows included, as 0).
    pub by_status: Vec<(Status, usize)>,
    /// Open rows past their target date (P5).
    pub overdue: usize,
    /// Open rows due for review (P6).
    pub review_due: usize,
    /// Rows with a required field empty (P7); 0 without a plan configuration.
    pub incomplete: usize,
}

/// Counts a plan's rows by status, and those overdue, due for review and incomplete, on `today`.
pub fn summarise(rows: &[PlanRow], plan: Option<&PlanConfig>, today: Date) -> PlanSummary {
    PlanSummary {
        today,
        rows: rows.len(),
        by_status: Status::ALL
            .iter()
            .map(|&status| (status, rows.iter().filter(|r| r.status == status).count()))
            .collect(),
        overdue: rows.iter().filter(|r| overdue(r, today)).count(),
        review_due: rows.iter().filter(|r| review_due(r, today)).count(),
        incomplete: plan.map_or(0, |plan| {
            rows.iter()
                .filter(|r| !missing_fields(r, plan).is_empty())
                .count()
        }),
    }
}

/// Where a plan row came from, in words: one wording for the plan page, the spreadsheet and the
/// PDF (P8).
pub fn source_words(definition: &Definition, source: &RowSource) -> String {
    match source {
        RowSource::Question(id) => definition.question(id).map_or_else(
            || format!("Question {id} (no longer asked)"),
            |q| q.text.to_string(),
        ),
        RowSource::Section(id) => definition.section(id).map_or_else(
            || format!("Section {id}"),
            |s| format!("Section: {}", s.title),
        ),
        RowSource::Added => "Added by the team".to_owned(),
    }
}

/// The plan as a spreadsheet (CSV): where each row came from, then the definition's columns in
/// order, dates as `2026-11-22` so a spreadsheet reads them as dates (P8).
pub fn plan_csv(definition: &Definition, rows: &[PlanRow]) -> String {
    let Some(config) = &definition.plan else {
        return String::new();
    };
    let mut headers: Vec<&str> = vec!["From"];
    headers.extend(config.fields.iter().map(|f| f.label.as_str()));
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![source_words(definition, &row.source)];
            cells.extend(config.fields.iter().map(|f| field_text(row, f.field)));
            cells
        })
        .collect();
    crate::csv::to_csv(&headers, &body)
}

/// One field of a row as plain text, as a person typed it.
pub fn field_text(row: &PlanRow, field: PlanFieldKind) -> String {
    match field {
        PlanFieldKind::Action => row.action.clone(),
        PlanFieldKind::Lead => row.lead.clone(),
        PlanFieldKind::Partners => row.partners.clone(),
        PlanFieldKind::TargetDate => row.target_date.map(|d| d.to_string()).unwrap_or_default(),
        PlanFieldKind::SuccessMeasure => row.success_measure.clone(),
        PlanFieldKind::Status => row.status.label().to_owned(),
        PlanFieldKind::ReviewDate => row.review_date.map(|d| d.to_string()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
