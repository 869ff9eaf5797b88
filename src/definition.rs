//! The questionnaire definition format: what authors write in `questionnaires/*.json`.
//!
//! Owns: the typed model of a definition (metadata, its languages, scales, sections, questions,
//! conditions, scoring configuration, the improvement-plan fields) and the look-ups the other
//! stages need. Every text a person reads is a [`Text`], given in each of the definition's
//! `languages`; answers never depend on the language (they are option values).
//! Loading happens in two steps, as in [`load`]: strict parsing into these types (unknown fields,
//! unknown question kinds and wrong shapes are errors), then [`validate()`] over the whole definition,
//! which reports every problem at once with its place and a fix.
//!
//! Must not touch: answers, scores or anything in a browser. A question kind is matched once per
//! concern: what it accepts ([`crate::responses`]), how it scores ([`crate::scoring`]) and how it is
//! shown (the app).

pub mod languages;
pub mod load;
pub mod retired;
pub mod schema;
pub mod statutory;
pub mod suggested_action;
pub(crate) mod tagged;
pub mod validate;

use crate::list_map::ListMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::ids::{BandId, DefinitionId, OptionValue, QuestionId, ScaleId, SectionId, ThemeId};
pub use crate::lang::Lang;
pub use crate::text::Text;
pub use load::{
    load_definition, load_definition_quickly, parse_definition, read_checked_before, LoadError,
};
pub use validate::{validate, Problem, Rule};

/// The value every definition gives in `"$schema"`, so editors can check and complete it.
pub const SCHEMA_REFERENCE: &str = "schema.json";

/// A whole questionnaire: one of the three tools, or an organisation's own.
///
/// Read it with [`load_definition`] or [`parse_definition`], which tell each [`Text`] written as
/// a plain string which language it is in (the primary one); serde alone would take English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The schema this file follows; `schema.json` beside the definitions.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// A stable id, lower case with hyphens, for example `self-assessment`. Saved work records it.
    pub id: DefinitionId,
    /// The version of this definition, for example `1.0.0`. Change it whenever questions change.
    pub version: String,
    /// What kind of tool this is; it decides how the app presents it.
    pub kind: ToolKind,
    /// The languages every text is given in, the primary language first: `["en"]` (English
    /// only) unless given, for example `["cy", "en"]` for Welsh first. A plain string is in the
    /// primary language; `{ "en": "…", "cy": "…" }` gives a text in each.
    #[serde(default = "english_only", skip_serializing_if = "is_english_only")]
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub languages: Vec<Lang>,
    /// Who checked each translated language, and when, by its code: `{ "cy": { "checked_by":
    /// null, "checked_on": null } }` records that the Welsh has not yet been checked by a Welsh
    /// speaker. A language other than the primary without a name and a date here counts as not
    /// yet checked ([`Definition::unchecked_translations`]), and the app says so.
    #[serde(default, skip_serializing_if = "ListMap::is_empty")]
    pub translation: ListMap<Lang, TranslationCheck>,
    /// Parts given in a language the whole definition is not, by language: the sections and
    /// scales whose every text is also given in it, for example the Wales section of an English
    /// self-assessment in Welsh: `{ "cy": { "sections": ["wales"], "scales": ["maturity"] } }`
    /// (rule V26). Such a language counts as a translation: record who checked it under
    /// `translation`.
    #[serde(default, skip_serializing_if = "ListMap::is_empty")]
    pub partly_in: ListMap<Lang, Parts>,
    /// The title people see.
    pub title: Text,
    /// One or two sentences on what the tool is for.
    pub purpose: Text,
    /// Who completes it.
    pub audience: Text,
    /// Where it applies.
    pub nation: Nation,
    /// How this tool relates to the 2016 toolkit and who wrote it. Shown in the app and the report.
    pub alignment: Text,
    /// Text shown before the first question and on every screen (feedback tools need both).
    #[serde(default, skip_serializing_if = "Notices::is_empty")]
    pub notices: Notices,
    /// What else is recorded beside each answer.
    #[serde(default)]
    pub collect: Collect,
    /// Named rating scales, used by `rating` questions.
    #[serde(default)]
    pub scales: ListMap<ScaleId, Scale>,
    /// Themes that questions can belong to, shared across tools by id (for triangulation).
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// How answers become scores. Leave it out for tools that are not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<ScoringConfig>,
    /// The improvement plan (or the commitments of a statement), when the tool has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanConfig>,
    /// The sections, in the order people meet them.
    pub sections: Vec<Section>,
    /// Questions an earlier version asked and this one no longer does, with their text, so
    /// answers saved under the earlier version are carried to the question that replaced them
    /// or kept aside under words people recognise ([`retired`], rule V25).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<RetiredQuestion>,
}

/// A question an earlier version of the definition asked, kept so that answers to it are never
/// shown by id alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetiredQuestion {
    /// The id it had; never the id of a current question.
    pub id: QuestionId,
    /// The question as people read it then.
    pub text: Text,
    /// The version that stopped asking it, for example `2.0.0`.
    pub since: String,
    /// The current question that asks the same thing in new words, if any: answers to the old
    /// question move there when they fit it and it is not yet answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_to: Option<QuestionId>,
}

/// The parts of a definition given in a language it does not declare as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    /// Sections (by id) whose every text is given in the language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionId>,
    /// Scales (by name) whose every label and description is given in the language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<ScaleId>,
}

/// Who checked a translation of a definition, and when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationCheck {
    /// The name (or role) of the speaker of the language who checked it; `null` until checked.
    pub checked_by: Option<String>,
    /// The day it was checked, such as `2026-12-01`; `null` until checked.
    pub checked_on: Option<crate::date::Date>,
}

impl TranslationCheck {
    /// True once both who checked it and when are recorded.
    pub fn is_checked(&self) -> bool {
        self.checked_by
            .as_deref()
            .is_some_and(|by| !by.trim().is_empty())
            && self.checked_on.is_some()
    }
}

/// The kinds of tool the app knows how to present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ToolKind {
    /// An organisational self-assessment: scored, with evidence, benchmarks and a plan.
    Audit,
    /// Anonymous feedback from people who use services or their carers, combined into a report.
    Feedback,
    /// A record of a conversation about practice, kept for supervision.
    Conversation,
    /// A strategic statement built from the latest audit.
    Statement,
}

impl ToolKind {
    /// Every kind.
    pub const ALL: [ToolKind; 4] = [
        ToolKind::Audit,
        ToolKind::Feedback,
        ToolKind::Conversation,
        ToolKind::Statement,
    ];

    /// The kind as written in a definition's `kind` field.
    pub fn name(self) -> &'static str {
        match self {
            ToolKind::Audit => "audit",
            ToolKind::Feedback => "feedback",
            ToolKind::Conversation => "conversation",
            ToolKind::Statement => "statement",
        }
    }

    /// The kind written `name` in a definition, if any (without serde, for the app's first
    /// screen).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// A short plain-English name for the kind.
    pub fn label(self) -> &'static str {
        match self {
            ToolKind::Audit => "Organisational self-assessment",
            ToolKind::Feedback => "Feedback questionnaire",
            ToolKind::Conversation => "Conversation record",
            ToolKind::Statement => "Strategic statement",
        }
    }
}

/// Where a definition applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    /// England only.
    England,
    /// Wales only.
    Wales,
    /// Both England and Wales.
    EnglandAndWales,
}

impl Nation {
    /// Every nation value.
    pub const ALL: [Nation; 3] = [Nation::England, Nation::Wales, Nation::EnglandAndWales];

    /// The value as written in a definition's `nation` field.
    pub fn name(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Wales => "wales",
            Nation::EnglandAndWales => "england_and_wales",
        }
    }

    /// The nation written `name` in a definition, if any (without serde).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.name() == name)
    }

    /// How the nation is written in the app.
    pub fn label(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Wales => "Wales",
            Nation::EnglandAndWales => "England and Wales",
        }
    }
}

/// Standing text the app shows around the questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notices {
    /// Shown before the first question: who sees the answers and that no name is asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymity: Option<Text>,
    /// Shown on every screen: where to get help now, if someone is in crisis or at risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crisis: Option<Text>,
    /// Shown on the thank-you screen after someone submits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thank_you: Option<Text>,
    /// Plainer wordings of the notices above, shown instead of them to a person who chooses
    /// easy-read words: `"easy_read": { "crisis": "…" }`. Each is optional; a notice without
    /// one is shown in its standard words. Each stands for a notice that is given (V22).
    #[serde(default, skip_serializing_if = "EasyReadNotices::is_empty")]
    pub easy_read: EasyReadNotices,
}

/// The easy-read wordings of a definition's notices (`notices.easy_read`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EasyReadNotices {
    /// The anonymity statement in easy-read words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymity: Option<Text>,
    /// Where to get help now, in easy-read words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crisis: Option<Text>,
    /// The thank-you notice in easy-read words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thank_you: Option<Text>,
}

impl EasyReadNotices {
    /// True when no easy-read notice is given.
    pub fn is_empty(&self) -> bool {
        self.anonymity.is_none() && self.crisis.is_none() && self.thank_you.is_none()
    }

    /// The easy-read wording of `notice`, when given.
    pub fn get(&self, notice: Notice) -> Option<&Text> {
        match notice {
            Notice::Anonymity => self.anonymity.as_ref(),
            Notice::Crisis => self.crisis.as_ref(),
            Notice::ThankYou => self.thank_you.as_ref(),
        }
    }
}

/// One of the standing notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The anonymity statement, before the first question.
    Anonymity,
    /// Where to get help now, on every screen.
    Crisis,
    /// The thank-you notice, after someone submits.
    ThankYou,
}

impl Notice {
    /// Every notice, in the order a person meets them.
    pub const ALL: [Notice; 3] = [Notice::Anonymity, Notice::Crisis, Notice::ThankYou];

    /// The notice's field name in a definition, for example `thank_you`.
    pub fn field(self) -> &'static str {
        match self {
            Notice::Anonymity => "anonymity",
            Notice::Crisis => "crisis",
            Notice::ThankYou => "thank_you",
        }
    }
}

impl Notices {
    /// True when no notice is given.
    pub fn is_empty(&self) -> bool {
        self.anonymity.is_none()
            && self.crisis.is_none()
            && self.thank_you.is_none()
            && self.easy_read.is_empty()
    }

    /// The standard wording of `notice`, when given.
    pub fn get(&self, notice: Notice) -> Option<&Text> {
        match notice {
            Notice::Anonymity => self.anonymity.as_ref(),
            Notice::Crisis => self.crisis.as_ref(),
            Notice::ThankYou => self.thank_you.as_ref(),
        }
    }

    /// The wording of `notice` a person sees: its easy-read wording when they chose easy-read
    /// words and one is given, otherwise its standard wording (as questions and section
    /// introductions fall back).
    pub fn shown(&self, notice: Notice, easy_read: bool) -> Option<&Text> {
        easy_read
            .then(|| self.easy_read.get(notice))
            .flatten()
            .or_else(|| self.get(notice))
    }
}

/// What the app records beside each answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collect {
    /// A box for the evidence behind each answer (questions give an `evidence_prompt`).
    #[serde(default)]
    pub evidence: bool,
    /// A box for a comment on each answer.
    #[serde(default)]
    pub comments: bool,
    /// A priority (low, medium, high) for each item.
    #[serde(default)]
    pub priority: bool,
}

/// A named scale: every point has a text label, so nothing depends on colour or numbers alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// What the scale measures, for people reading the definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The points of the scale, lowest first, then any special options.
    pub options: Vec<ScaleOption>,
}

/// One point of a scale, or one option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    /// What is stored when this option is chosen, for example `partly`.
    pub value: OptionValue,
    /// What people see.
    pub label: Text,
    /// A plainer wording for the easy-read view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<Text>,
    /// A longer description of what this point means, for raters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Points earned when chosen. Give either `points` or `special`, not both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    /// An option that is not a point on the scale. Give either `points` or `special`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// True when choosing this option counts as agreeing or as a positive answer, for
    /// "the share that agree" in feedback reports and for strengths in audits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub positive: bool,
}

/// Options that scoring treats specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Special {
    /// "Not applicable" or "Doesn't apply": left out of both earned and possible points.
    NotApplicable,
    /// "Don't know": left out of the score and counted as an evidence gap.
    DontKnow,
    /// "Prefer not to say": left out of the score and counted on its own.
    PreferNotToSay,
}

/// A theme that questions belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The theme's id; the same id in two definitions means the same theme.
    pub id: ThemeId,
    /// Its title.
    pub title: Text,
}

/// How answers become section and overall scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringConfig {
    /// How each section's items combine; sections may override it.
    #[serde(default)]
    pub aggregate: Aggregation,
    /// The bands a percentage falls into, lowest first; sections may override them.
    pub bands: Vec<Band>,
}

/// How a section's items combine into its score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted points earned as a percentage of the weighted points possible.
    #[default]
    PercentOfMaximum,
    /// The lowest-scoring item decides the section: a condition is only as strong as its weakest part.
    LowestItem,
}

/// A band of percentages with a label in words, for example "Amber: partly achieved".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The band's id, for example `amber`.
    pub id: BandId,
    /// Its name, for example `Amber`.
    pub label: Text,
    /// What it means, for example `Partly achieved`.
    pub meaning: Text,
    /// The lowest percentage in the band (included).
    pub from_percent: u8,
    /// The percentage where the next band starts (not included), or 100 for the top band
    /// (included).
    pub to_percent: u8,
    /// How the band is drawn; always shown with its label, never by colour alone.
    pub tone: Tone,
    /// True when items and sections in this band should be proposed for the improvement plan.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proposes_action: bool,
}

/// The drawing style of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Red: not yet achieved.
    Red,
    /// Amber: partly achieved.
    Amber,
    /// Green: achieved.
    Green,
    /// A band with no traffic-light meaning.
    Neutral,
}

/// The improvement plan (audits) or the commitments (statements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanConfig {
    /// The plan's title, for example "Improvement plan" or "Our commitments".
    pub title: Text,
    /// What the plan is for, shown above it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The columns of an action row, in order.
    pub fields: Vec<PlanField>,
    /// True to propose rows from items in bands marked `proposes_action` and items marked high
    /// priority.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub propose_from_answers: bool,
}

/// One column of an action row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanField {
    /// Which field this is.
    pub field: PlanFieldKind,
    /// The column heading people see.
    pub label: Text,
    /// Hint text under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// True when a row is incomplete without it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
}

/// The fields an action row can have.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PlanFieldKind {
    /// What will be done.
    Action,
    /// Who leads it.
    Lead,
    /// Who else is involved.
    Partners,
    /// When it should be done by.
    TargetDate,
    /// How we will know it worked.
    SuccessMeasure,
    /// Not started, in progress, done or stopped.
    Status,
    /// When it will next be reviewed.
    ReviewDate,
}

/// A section: one page of questions with an introduction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Unique within the definition.
    pub id: SectionId,
    /// The heading.
    pub title: Text,
    /// What this section is about and why it matters.
    pub intro: Text,
    /// A plainer introduction for the easy-read view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<Text>,
    /// Frameworks this whole section relates to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maps_to: Vec<crate::frameworks::MappingRef>,
    /// Show the section only when this condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shows_when: Option<Condition>,
    /// Overrides the definition's aggregation for this section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregate: Option<Aggregation>,
    /// Overrides the definition's bands for this section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<Band>>,
    /// For statements: the audit this section draws its current position from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill_from: Option<Prefill>,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// Where a statement section takes its current position from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prefill {
    /// The audit definition's id, for example `self-assessment`.
    pub definition: DefinitionId,
    /// The audit's sections that describe this part of the statement.
    pub sections: Vec<SectionId>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique across the whole definition; saved answers are keyed by it, so never reuse an id
    /// for a different question.
    pub id: QuestionId,
    /// The question as people read it.
    pub text: Text,
    /// The kind of answer and its settings.
    pub answer: AnswerKind,
    /// A plainer wording for the easy-read view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<Text>,
    /// Extra guidance shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// What evidence would support an answer (audits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_prompt: Option<Text>,
    /// A first step to improve this item: the action a plan row proposed from it starts with,
    /// which people then edit. Only on scored questions of a tool whose plan proposes rows; at
    /// most 200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_action: Option<Text>,
    /// True when the section cannot be finished without an answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// True when the law requires at least the first option marked `positive` (such as
    /// "Established"): a rating below it, or "Don't know", is reported as a legal risk (rule S19).
    /// Only on rated questions whose scale marks options `positive` (rule V24).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub statutory_minimum: bool,
    /// The law that sets the minimum, for example "Mental Health Act 1983, section 114", shown
    /// beside each legal risk. Only with `statutory_minimum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory_basis: Option<Text>,
    /// How much this question counts in its section's score; 1 unless given.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
    /// The theme this question belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeId>,
    /// The frameworks this question relates to, such as `role:A` or `employer:5`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maps_to: Vec<crate::frameworks::MappingRef>,
    /// Show the question only when this condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shows_when: Option<Condition>,
}

fn english_only() -> Vec<Lang> {
    vec![Lang::En]
}

fn is_english_only(languages: &[Lang]) -> bool {
    languages == [Lang::En]
}

fn one() -> u32 {
    1
}

fn is_one(value: &u32) -> bool {
    *value == 1
}

/// The kinds of answer a question takes.
// Read field by field by `definition/tagged.rs`, not by a derived reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AnswerKind {
    /// A point on a named scale.
    Rating {
        /// The scale's id in `scales`.
        scale: ScaleId,
    },
    /// One option from a list.
    SingleChoice {
        /// The options, in order.
        options: Vec<ScaleOption>,
    },
    /// Any number of options from a list.
    MultipleChoice {
        /// The options, in order.
        options: Vec<ScaleOption>,
    },
    /// Yes or no.
    YesNo {
        /// Points for "yes", when the answer is scored.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        yes_points: Option<u32>,
        /// Points for "no", when the answer is scored.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        no_points: Option<u32>,
    },
    /// A line of text.
    ShortText {
        /// The most characters accepted; 200 unless given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    /// Paragraphs of text.
    LongText {
        /// The most characters accepted; 20,000 unless given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    /// A calendar date.
    Date {},
    /// A figure such as a number of FTE posts, a caseload or a percentage: recorded, shown in
    /// the results' workforce profile and compared with peers and the last cycle, but never
    /// scored (rule S18). Stored exactly, as text with a full stop (`"12.5"`), whatever the
    /// language it was typed in.
    Number {
        /// The unit shown beside the box and after the figure, for example `FTE`, `%` or
        /// `cases per social worker`.
        unit: Text,
        /// The smallest value accepted (a whole number; 0 for counts).
        min: i64,
        /// The largest value accepted (a whole number, at least `min`).
        max: i64,
        /// How many decimal places are accepted, from 0 (whole numbers, the default) to 4.
        #[serde(default, skip_serializing_if = "is_zero")]
        decimals: u8,
        /// How peers' figures are made comparable: left out to compare the figures as they
        /// are (percentages, averages), or per social work FTE or per 100,000 population,
        /// taking the divisor from another number question's answer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per: Option<Per>,
    },
}

/// How a number is made comparable between organisations of different sizes.
// Read by `definition/tagged.rs`, not by a derived reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "basis", rename_all = "snake_case", deny_unknown_fields)]
pub enum Per {
    /// Per social work FTE: the figure divided by the answer to `question`, a number question
    /// giving the social work FTE.
    Fte {
        /// The number question whose answer is the social work FTE.
        question: QuestionId,
    },
    /// Per 100,000 population: the figure × 100,000 divided by the answer to `question`, a
    /// number question giving the population served.
    Population {
        /// The number question whose answer is the population served.
        question: QuestionId,
    },
}

impl Per {
    /// The number question that gives the divisor.
    pub fn question(&self) -> &QuestionId {
        match self {
            Per::Fte { question } | Per::Population { question } => question,
        }
    }

    /// The words after a normalised figure, for example "per social work FTE".
    pub fn label(&self) -> &'static str {
        match self {
            Per::Fte { .. } => "per social work FTE",
            Per::Population { .. } => "per 100,000 population",
        }
    }

    /// The normalised figure: `value` per FTE, or per 100,000 people; `None` when the divisor
    /// is not above zero.
    pub fn normalise(&self, value: f64, divisor: f64) -> Option<f64> {
        (divisor > 0.0).then(|| match self {
            Per::Fte { .. } => value / divisor,
            Per::Population { .. } => value * 100_000.0 / divisor,
        })
    }
}

fn is_zero(value: &u8) -> bool {
    *value == 0
}

impl AnswerKind {
    /// The name authors write in `"type"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            AnswerKind::Rating { .. } => "rating",
            AnswerKind::SingleChoice { .. } => "single_choice",
            AnswerKind::MultipleChoice { .. } => "multiple_choice",
            AnswerKind::YesNo { .. } => "yes_no",
            AnswerKind::ShortText { .. } => "short_text",
            AnswerKind::LongText { .. } => "long_text",
            AnswerKind::Date {} => "date",
            AnswerKind::Number { .. } => "number",
        }
    }

    /// The range and decimal places of a number question, or `None` for other kinds.
    pub fn number_rule(&self) -> Option<crate::number::NumberRule> {
        match self {
            AnswerKind::Number {
                min, max, decimals, ..
            } => Some(crate::number::NumberRule {
                min: *min,
                max: *max,
                decimals: *decimals,
            }),
            _ => None,
        }
    }

    /// True for free-text answers.
    pub fn is_free_text(&self) -> bool {
        matches!(
            self,
            AnswerKind::ShortText { .. } | AnswerKind::LongText { .. }
        )
    }
}

/// The value stored for "yes" in a yes/no question.
pub const YES: &str = "yes";
/// The value stored for "no" in a yes/no question.
pub const NO: &str = "no";

/// The default and ceiling for short text.
pub const SHORT_TEXT_MAX: u32 = 200;
/// The default and ceiling for long text.
pub const LONG_TEXT_MAX: u32 = 20_000;

/// Show something only when another question's answer is one of some values, or when one of
/// the alternatives in `or` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The question whose answer decides.
    pub question: QuestionId,
    /// The option values that make the condition hold (for multiple choice: any of them chosen).
    pub any_of: Vec<OptionValue>,
    /// Other questions that can each make the condition hold on their own: `"or": [{
    /// "question": "about-1", "any_of": ["health-board"] }]` also shows the section to a Welsh
    /// health board that answered the nation question wrongly. An alternative has no `or` of
    /// its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub or: Vec<Condition>,
}

impl Condition {
    /// This condition's own question and values, then each alternative's: the condition holds
    /// when any of them does.
    pub fn alternatives(&self) -> impl Iterator<Item = &Condition> {
        std::iter::once(self).chain(self.or.iter())
    }
}

/// A resolved option list for a question: the scale's, the question's own, or yes/no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionList<'a> {
    /// The options in order.
    pub options: std::borrow::Cow<'a, [ScaleOption]>,
}

impl Definition {
    /// Every question with its section, in order.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|section| section.questions.iter().map(move |q| (section, q)))
    }

    /// The question with this id.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| &q.id == id)
    }

    /// The section with this id.
    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| &s.id == id)
    }

    /// The theme with this id.
    pub fn theme(&self, id: &ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| &t.id == id)
    }

    /// The options a question offers, or `None` for text, date and number questions (and for a rating
    /// whose scale is missing, which validation reports).
    pub fn options_of<'a>(&'a self, question: &'a Question) -> Option<OptionList<'a>> {
        use std::borrow::Cow;
        match &question.answer {
            AnswerKind::Rating { scale } => self.scales.get(scale).map(|s| OptionList {
                options: Cow::Borrowed(&s.options),
            }),
            AnswerKind::SingleChoice { options } | AnswerKind::MultipleChoice { options } => {
                Some(OptionList {
                    options: Cow::Borrowed(options),
                })
            }
            AnswerKind::YesNo {
                yes_points,
                no_points,
            } => Some(OptionList {
                options: Cow::Owned(vec![
                    yes_no_option(YES, "Yes", *yes_points),
                    yes_no_option(NO, "No", *no_points),
                ]),
            }),
            AnswerKind::ShortText { .. }
            | AnswerKind::LongText { .. }
            | AnswerKind::Date {}
            | AnswerKind::Number { .. } => None,
        }
    }

    /// The bands that apply to a section (its own, or the definition's).
    pub fn bands_for<'a>(&'a self, section: &'a Section) -> &'a [Band] {
        section
            .bands
            .as_deref()
            .or_else(|| self.scoring.as_ref().map(|s| s.bands.as_slice()))
            .unwrap_or(&[])
    }

    /// The aggregation that applies to a section.
    pub fn aggregation_for(&self, section: &Section) -> Aggregation {
        section
            .aggregate
            .or_else(|| self.scoring.as_ref().map(|s| s.aggregate))
            .unwrap_or_default()
    }

    /// The primary language: the one plain strings are written in, and the one shown when a
    /// text is not given in the language asked for.
    pub fn primary_language(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::En)
    }

    /// The languages whose translation nobody has yet recorded as checked (by a name and a
    /// date), in the definition's order; never the primary language, which is the original.
    pub fn unchecked_translations(&self) -> Vec<Lang> {
        let mut translated: Vec<Lang> = self.languages.iter().skip(1).copied().collect();
        for lang in self.partly_in.keys() {
            if !self.languages.contains(lang) && !translated.contains(lang) {
                translated.push(*lang);
            }
        }
        translated
            .into_iter()
            .filter(|lang| {
                !self
                    .translation
                    .get(lang)
                    .is_some_and(TranslationCheck::is_checked)
            })
            .collect()
    }

    /// The languages a section's texts are given in: the definition's, then any it is also
    /// given in (`partly_in`).
    pub fn languages_of_section(&self, section: &SectionId) -> Vec<Lang> {
        let mut languages = self.languages.clone();
        for (lang, parts) in &self.partly_in {
            if parts.sections.contains(section) && !languages.contains(lang) {
                languages.push(*lang);
            }
        }
        languages
    }

    /// A short label, for example "Organisational self-assessment, version 1.0.0".
    pub fn version_label(&self) -> String {
        format!("{}, version {}", self.title, self.version)
    }
}

fn yes_no_option(value: &str, label: &str, points: Option<u32>) -> ScaleOption {
    ScaleOption {
        value: OptionValue::new(value),
        label: Text::from(label),
        easy_read: None,
        description: None,
        points,
        special: None,
        positive: value == YES,
    }
}

impl OptionList<'_> {
    /// The option with this stored value.
    pub fn find(&self, value: &OptionValue) -> Option<&ScaleOption> {
        self.options.iter().find(|o| &o.value == value)
    }

    /// The highest points any option earns, or `None` when no option is scored.
    pub fn max_points(&self) -> Option<u32> {
        self.options.iter().filter_map(|o| o.points).max()
    }

    /// The scored points in order (for "one scale point" comparisons).
    pub fn scored_points(&self) -> Vec<u32> {
        let mut points: Vec<u32> = self.options.iter().filter_map(|o| o.points).collect();
        points.sort_unstable();
        points.dedup();
        points
    }
}

impl Band {
    /// True when a percentage (as an exact fraction `numerator / denominator` of 100) falls in
    /// this band.
    pub fn contains(&self, numerator: u64, denominator: u64) -> bool {
        if denominator == 0 {
            return false;
        }
        // percent = 100 * n / d; from <= percent < to, or percent == 100 in the top band.
        let scaled = 100 * numerator;
        let from = u64::from(self.from_percent) * denominator;
        let to = u64::from(self.to_percent) * denominator;
        scaled >= from && (scaled < to || (self.to_percent == 100 && scaled == to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(words: &str) -> Option<Text> {
        Some(Text::new(Lang::En, words))
    }

    /// A notice is shown in easy-read words only to a person who chose them, and only where
    /// the definition gives them; otherwise in its standard words.
    #[test]
    fn a_notice_is_shown_in_easy_read_words_only_when_chosen_and_given() {
        let notices = Notices {
            anonymity: text("We do not ask for your name."),
            crisis: text("If you need help now, call 999."),
            thank_you: text("Thank you for telling us."),
            easy_read: EasyReadNotices {
                crisis: text("Need help? Call 999."),
                ..EasyReadNotices::default()
            },
        };
        let shown = |notice, easy| notices.shown(notice, easy).map(|t| t.as_str().to_owned());
        assert_eq!(
            shown(Notice::Crisis, true).as_deref(),
            Some("Need help? Call 999.")
        );
        assert_eq!(
            shown(Notice::Crisis, false).as_deref(),
            Some("If you need help now, call 999.")
        );
        assert_eq!(
            shown(Notice::Anonymity, true).as_deref(),
            Some("We do not ask for your name."),
            "no easy-read wording: the standard one"
        );
        assert_eq!(Notices::default().shown(Notice::ThankYou, true), None);
        assert!(!notices.is_empty());
        let only_easy = Notices {
            easy_read: notices.easy_read.clone(),
            ..Notices::default()
        };
        assert!(
            !only_easy.is_empty(),
            "kept when written, so V22 can report it"
        );
    }
}
