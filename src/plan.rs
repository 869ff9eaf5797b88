//! The improvement plan: action rows, proposed from the answers and edited by people.
//!
//! Owns: the action row model and its statuses. Proposing rows and working out what is overdue
//! live in [`propose`] and [`overdue`] (dates are passed in, never read from a clock).
//! Must not touch: scores (it reads them) or storage.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{QuestionId, SectionId};

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
