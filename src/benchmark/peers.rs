//! The peer reference set: an anonymised summary of many organisations' audits, and where one
//! organisation stands within it.
//!
//! Owns: the peer file format (below), building it from exported audits, reading it back, and
//! positions against it (rules R1 to R6).
//! Must not touch: organisation names, work names, participants or ids: none of them ever enters
//! a reference set, and the types here have nowhere to put them.
//!
//! # The peer file format (`mhsw-peers`, version 1)
//!
//! ```json
//! {
//!   "format": "mhsw-peers",
//!   "format_version": 1,
//!   "definition": "self-assessment",
//!   "versions": ["1.0.0", "1.1.0"],
//!   "minimum_group": 5,
//!   "groups": [
//!     { "figures": { "status": "shown", "organisations": 23,
//!         "overall": { "status": "shown", "organisations": 23,
//!                      "lower_quartile": 41.7, "median": 55.0, "upper_quartile": 68.3 },
//!         "sections": {
//!           "supervision": { "status": "shown", "organisations": 22,
//!                            "lower_quartile": 33.3, "median": 50.0, "upper_quartile": 66.7 },
//!           "amhp": { "status": "suppressed" } },
//!         "figures": {
//!           "wf-vacant": { "status": "shown", "organisations": 21,
//!                          "lower_quartile": 0.05, "median": 0.11, "upper_quartile": 0.18 } } } },
//!     { "organisation_type": "council", "figures": { "status": "shown", "organisations": 15, … } },
//!     { "organisation_type": "nhs_trust", "nation": "wales", "figures": { "status": "suppressed" } }
//!   ]
//! }
//! ```
//!
//! - `definition`: the audit definition's id; `versions`: the versions the audits had answered.
//! - Each group is all organisations (no `organisation_type`, no `nation`), one organisation type
//!   (`council`, `nhs_trust`, `other`), one nation (`england`, `wales`), or one type in one
//!   nation. Only groups with at least one organisation appear.
//! - Figures are percentages from 0 to 100 with one decimal place. `organisations` counts the
//!   organisations that had a score for that section.
//!
//! # Rules
//!
//! - **R1 Anonymous by construction.** A reference set holds counts and quartiles only; the
//!   builder reads each audit's scores and its type and nation, nothing else.
//! - **R2 One audit per organisation.** When several audits come from one organisation (the same
//!   organisation name, ignoring case and spaces at the ends, or the same work id when no name is
//!   given), only the most recently updated one counts. Audits of another definition, and audits
//!   recording practitioners' views, are left out and listed.
//! - **R3 At least five.** A set is built only from at least [`MINIMUM_GROUP`] organisations. Any
//!   group or section with fewer than five organisations with a score is written as
//!   `"suppressed"`, with no figures and no count; a file that claims to show a smaller group is
//!   treated as suppressed when read.
//! - **R4 Quartiles.** Quartiles and the median are taken from the organisations' exact
//!   percentages by linear interpolation between closest ranks (the "inclusive" method: position
//!   `p × (n − 1)` in the sorted list, for p = 0.25, 0.5, 0.75), then rounded to one decimal.
//! - **R5 Position.** The organisation's percentage, rounded to one decimal like the reference
//!   figures, is *below the lower quartile* when under it; in the *lower middle* from the lower
//!   quartile up to (not including) the median; in the *upper middle* from the median up to and
//!   including the upper quartile; *above the upper quartile* when over it.
//! - **R7 Figures.** Each number question (a workforce figure, scoring rule S18) is summarised
//!   under `figures` by question id, as R3 and R4 summarise a section, from the figure each
//!   organisation gave with the question's `per` applied (per social work FTE, or per 100,000
//!   population); an organisation whose divisor is missing or 0 is not counted for it. Figures
//!   are rounded to two decimals, have no 0 to 100 bound, and an organisation's own figure,
//!   rounded alike, is placed among them as R5 places a percentage; a group of fewer than five
//!   figures is suppressed. Sets made before figures existed simply have none.
//! - **R6 Nothing to place.** A section with no score of its own, or missing from the reference
//!   set, or suppressed there, has no position and says which.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::aggregate::MINIMUM_GROUP;
use crate::definition::Definition;
use crate::ids::{DefinitionId, QuestionId, SectionId};
use crate::lang::Lang;
use crate::scoring::{score, to_one_decimal, Figure, Fraction, Scores};
use crate::work::{Perspective, Work};

/// The `format` every peer reference set declares.
pub const PEER_FORMAT: &str = "mhsw-peers";
/// The current version of the peer format.
pub const PEER_FORMAT_VERSION: u32 = 1;

/// The kind of organisation an audit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    /// A local authority.
    Council,
    /// An NHS mental health trust, or a Welsh local health board.
    NhsTrust,
    /// Anything else.
    Other,
}

impl OrganisationType {
    /// Every type, in order.
    pub const ALL: [OrganisationType; 3] = [
        OrganisationType::Council,
        OrganisationType::NhsTrust,
        OrganisationType::Other,
    ];

    /// The plural in words, for group names.
    pub fn plural(self) -> &'static str {
        match self {
            OrganisationType::Council => "Councils",
            OrganisationType::NhsTrust => "NHS trusts and health boards",
            OrganisationType::Other => "Other organisations",
        }
    }
}

/// The nation an organisation is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeerNation {
    /// England.
    England,
    /// Wales.
    Wales,
}

impl PeerNation {
    /// Every nation, in order.
    pub const ALL: [PeerNation; 2] = [PeerNation::England, PeerNation::Wales];

    /// The nation's name.
    pub fn label(self) -> &'static str {
        match self {
            PeerNation::England => "England",
            PeerNation::Wales => "Wales",
        }
    }
}

/// A peer reference set, as written to and read from a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerSet {
    /// Always `mhsw-peers`.
    pub format: String,
    /// The format version.
    pub format_version: u32,
    /// The audit definition's id.
    pub definition: DefinitionId,
    /// The definition versions the audits had answered.
    pub versions: Vec<String>,
    /// The smallest group shown: 5.
    pub minimum_group: u32,
    /// The groups.
    pub groups: Vec<PeerGroup>,
}

/// One group of organisations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerGroup {
    /// The type of organisation, or absent for all types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_type: Option<OrganisationType>,
    /// The nation, or absent for both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<PeerNation>,
    /// The figures, or suppressed.
    pub figures: GroupFigures,
}

impl PeerGroup {
    /// The group in words: `All organisations`, `Councils in Wales`, `Organisations in England`.
    pub fn label(&self) -> String {
        group_label(self.organisation_type, self.nation)
    }
}

/// A group's name in words.
pub fn group_label(
    organisation_type: Option<OrganisationType>,
    nation: Option<PeerNation>,
) -> String {
    match (organisation_type, nation) {
        (None, None) => "All organisations".to_owned(),
        (Some(t), None) => t.plural().to_owned(),
        (None, Some(n)) => format!("Organisations in {}", n.label()),
        (Some(t), Some(n)) => format!("{} in {}", t.plural(), n.label()),
    }
}

/// A group's figures (R3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum GroupFigures {
    /// Five or more organisations.
    Shown {
        /// Organisations in the group.
        organisations: u32,
        /// The overall score's figures.
        overall: PeerStatistic,
        /// Each section's figures, by section id.
        sections: BTreeMap<SectionId, PeerStatistic>,
        /// Each number question's figures, by question id (R7).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        figures: BTreeMap<QuestionId, PeerStatistic>,
    },
    /// Fewer than five organisations: nothing shown.
    Suppressed {},
}

/// The spread of one score across a group (R3, R4).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum PeerStatistic {
    /// Five or more organisations had a score.
    Shown {
        /// How many.
        organisations: u32,
        /// The lower quartile, a percentage with one decimal.
        lower_quartile: f64,
        /// The median.
        median: f64,
        /// The upper quartile.
        upper_quartile: f64,
    },
    /// Fewer than five: nothing shown.
    Suppressed {},
}

impl PeerStatistic {
    fn from_percentages(values: Vec<f64>) -> Self {
        Self::from_values(values, to_one_decimal)
    }

    /// R7: figures keep two decimals (a vacancy rate per FTE is often under 1).
    fn from_figures(values: Vec<f64>) -> Self {
        Self::from_values(values, to_two_decimals)
    }

    fn from_values(mut values: Vec<f64>, round: fn(f64) -> f64) -> Self {
        let organisations = values.len() as u32;
        if organisations < MINIMUM_GROUP {
            return PeerStatistic::Suppressed {};
        }
        values.sort_by(f64::total_cmp);
        PeerStatistic::Shown {
            organisations,
            lower_quartile: round(quantile(&values, 1, 4)),
            median: round(quantile(&values, 1, 2)),
            upper_quartile: round(quantile(&values, 3, 4)),
        }
    }

    /// The figures as `(organisations, lower quartile, median, upper quartile)`, when shown and
    /// from at least five organisations (R3).
    pub fn figures(&self) -> Option<(u32, f64, f64, f64)> {
        match *self {
            PeerStatistic::Shown {
                organisations,
                lower_quartile,
                median,
                upper_quartile,
            } if organisations >= MINIMUM_GROUP => {
                Some((organisations, lower_quartile, median, upper_quartile))
            }
            _ => None,
        }
    }
}

/// A figure rounded to two decimals, as peer figures are (R7).
pub fn to_two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The inclusive quantile `numerator / denominator` of sorted values (R4).
fn quantile(sorted: &[f64], numerator: usize, denominator: usize) -> f64 {
    let last = sorted.len() - 1;
    let scaled = numerator * last;
    let (index, remainder) = (scaled / denominator, scaled % denominator);
    let low = sorted[index];
    if remainder == 0 {
        low
    } else {
        let high = sorted[index + 1];
        low + (high - low) * remainder as f64 / denominator as f64
    }
}

/// One audit offered to the builder, with the organisation's type and nation (R1).
#[derive(Debug, Clone, Copy)]
pub struct PeerSource<'a> {
    /// The exported audit.
    pub work: &'a Work,
    /// The kind of organisation, when known.
    pub organisation_type: Option<OrganisationType>,
    /// The nation, when known.
    pub nation: Option<PeerNation>,
}

/// An audit the builder left out, by its position in the list given (R2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// Its position in the list given, from 0.
    pub index: usize,
    /// Why, in words.
    pub reason: String,
}

/// What building a reference set produced.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerBuild {
    /// The reference set.
    pub set: PeerSet,
    /// Distinct organisations counted.
    pub organisations: usize,
    /// Audits left out, and why.
    pub left_out: Vec<LeftOut>,
}

/// Why a reference set cannot be built or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeerError {
    /// Fewer than five organisations (R3).
    #[error("a peer reference set needs audits from at least {minimum} organisations, so that none can be picked out; {found} {} given. Collect more audits and try again", if *found == 1 { "was" } else { "were" })]
    TooFew {
        /// Distinct organisations found.
        found: usize,
        /// The minimum, 5.
        minimum: u32,
    },
    /// The file is not a peer reference set, or is damaged.
    #[error("{0}")]
    Unreadable(String),
    /// The reference set is for another questionnaire.
    #[error("the peer reference set is for the questionnaire `{set}`, but this audit answers `{audit}`; use a reference set built from `{audit}` audits")]
    OtherDefinition {
        /// The set's definition.
        set: DefinitionId,
        /// The audit's definition.
        audit: DefinitionId,
    },
    /// The group asked for is not in the set.
    #[error("the peer reference set has no group \"{0}\"; choose another group, such as all organisations")]
    NoSuchGroup(String),
}

/// Builds a reference set from several organisations' audits (R1 to R4).
pub fn build_peer_set(
    definition: &Definition,
    sources: &[PeerSource],
) -> Result<PeerBuild, PeerError> {
    let mut left_out = Vec::new();
    // R2: one audit per organisation, the most recently updated.
    let mut chosen: BTreeMap<String, usize> = BTreeMap::new();
    for (index, source) in sources.iter().enumerate() {
        let work = source.work;
        if work.definition.id != definition.id {
            left_out.push(LeftOut {
                index,
                reason: format!(
                    "it answers the questionnaire `{}`, not `{}`",
                    work.definition.id, definition.id
                ),
            });
            continue;
        }
        if work.perspective != Perspective::Leaders {
            left_out.push(LeftOut {
                index,
                reason:
                    "it records practitioners' views; peer sets compare organisations' own audits"
                        .to_owned(),
            });
            continue;
        }
        let name = work.organisation.trim().to_lowercase();
        let key = if name.is_empty() {
            format!("id:{}", work.id)
        } else {
            format!("name:{name}")
        };
        match chosen.get(&key).copied() {
            None => {
                chosen.insert(key, index);
            }
            Some(earlier) => {
                let other = sources[earlier].work;
                let newer = (work.updated, work.id.as_str()) > (other.updated, other.id.as_str());
                let (keep, drop) = if newer {
                    (index, earlier)
                } else {
                    (earlier, index)
                };
                chosen.insert(key, keep);
                left_out.push(LeftOut {
                    index: drop,
                    reason: "a more recent audit from the same organisation is included".to_owned(),
                });
            }
        }
    }
    left_out.sort_by_key(|l| l.index);
    let organisations = chosen.len();
    if organisations < MINIMUM_GROUP as usize {
        return Err(PeerError::TooFew {
            found: organisations,
            minimum: MINIMUM_GROUP,
        });
    }
    let members: Vec<(&PeerSource, Scores)> = chosen
        .values()
        .map(|&index| {
            let source = &sources[index];
            (source, score(definition, &source.work.responses))
        })
        .collect();
    let versions: BTreeSet<String> = members
        .iter()
        .map(|(s, _)| s.work.definition.version.clone())
        .collect();

    let mut filters: Vec<(Option<OrganisationType>, Option<PeerNation>)> = vec![(None, None)];
    filters.extend(OrganisationType::ALL.iter().map(|&t| (Some(t), None)));
    filters.extend(PeerNation::ALL.iter().map(|&n| (None, Some(n))));
    for t in OrganisationType::ALL {
        filters.extend(PeerNation::ALL.iter().map(|&n| (Some(t), Some(n))));
    }
    let groups = filters
        .into_iter()
        .filter_map(|(organisation_type, nation)| {
            let in_group: Vec<&Scores> = members
                .iter()
                .filter(|(s, _)| {
                    organisation_type.is_none_or(|t| s.organisation_type == Some(t))
                        && nation.is_none_or(|n| s.nation == Some(n))
                })
                .map(|(_, scores)| scores)
                .collect();
            if in_group.is_empty() {
                return None;
            }
            Some(PeerGroup {
                organisation_type,
                nation,
                figures: group_figures(definition, &in_group),
            })
        })
        .collect();
    Ok(PeerBuild {
        set: PeerSet {
            format: PEER_FORMAT.to_owned(),
            format_version: PEER_FORMAT_VERSION,
            definition: definition.id.clone(),
            versions: versions.into_iter().collect(),
            minimum_group: MINIMUM_GROUP,
            groups,
        },
        organisations,
        left_out,
    })
}

fn group_figures(definition: &Definition, members: &[&Scores]) -> GroupFigures {
    let organisations = members.len() as u32;
    if organisations < MINIMUM_GROUP {
        return GroupFigures::Suppressed {};
    }
    let percentages = |pick: &dyn Fn(&Scores) -> Option<Fraction>| -> Vec<f64> {
        members
            .iter()
            .filter_map(|s| pick(s))
            .map(Fraction::percent)
            .collect()
    };
    GroupFigures::Shown {
        organisations,
        overall: PeerStatistic::from_percentages(percentages(&|s| {
            s.overall.as_ref().map(|o| o.fraction)
        })),
        sections: definition
            .sections
            .iter()
            .map(|section| {
                let id = &section.id;
                (
                    section.id.clone(),
                    PeerStatistic::from_percentages(percentages(&|s| {
                        s.section(id)
                            .and_then(|x| x.score.as_ref())
                            .map(|x| x.fraction)
                    })),
                )
            })
            .collect(),
        figures: definition
            .questions()
            .filter(|(_, q)| q.answer.number_rule().is_some())
            .map(|(_, question)| {
                let values = members
                    .iter()
                    .filter_map(|s| {
                        s.figures
                            .iter()
                            .find(|f| f.question == question.id)
                            .and_then(|f| f.comparable)
                    })
                    .collect();
                (question.id.clone(), PeerStatistic::from_figures(values))
            })
            .collect(),
    }
}

/// Writes a reference set as its file: pretty JSON ending with a newline.
pub fn export_peer_set(set: &PeerSet) -> String {
    let mut text = serde_json::to_string_pretty(set).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a reference set file, checking its format and that its figures make sense.
pub fn parse_peer_set(text: &str) -> Result<PeerSet, PeerError> {
    parse_peer_set_in(text, Lang::En)
}

/// [`parse_peer_set`], saying why a file cannot be read in `lang` (the message catalogue's
/// [`crate::messages::problems`]); a group's label and the reader's own detail stay as given.
pub fn parse_peer_set_in(text: &str, lang: Lang) -> Result<PeerSet, PeerError> {
    use crate::messages::problems as say;
    crate::limits::check_depth(text)
        .map_err(|deep| PeerError::Unreadable(say::peers_unreadable(lang, &deep.to_string())))?;
    let set: PeerSet = serde_json::from_str(text).map_err(|e| {
        PeerError::Unreadable(say::peers_unreadable(
            lang,
            &format!("line {}, column {}: {e}", e.line(), e.column()),
        ))
    })?;
    if set.format != PEER_FORMAT {
        return Err(PeerError::Unreadable(say::not_a_peer_set(
            lang,
            &set.format,
            PEER_FORMAT,
        )));
    }
    if set.format_version > PEER_FORMAT_VERSION {
        return Err(PeerError::Unreadable(say::newer_peer_set(
            lang,
            set.format_version,
            PEER_FORMAT_VERSION,
        )));
    }
    for group in &set.groups {
        if let GroupFigures::Shown {
            overall,
            sections,
            figures,
            ..
        } = &group.figures
        {
            for (id, statistic) in figures {
                if let Some((_, low, median, high)) = statistic.figures() {
                    if !(low <= median && median <= high) {
                        return Err(PeerError::Unreadable(say::peer_figures_out_of_order(
                            lang,
                            &group.label(),
                            &format!("`{id}`"),
                            [low, median, high],
                            false,
                        )));
                    }
                }
            }
            for (place, statistic) in std::iter::once((say::overall(lang), overall)).chain(
                sections
                    .iter()
                    .map(|(id, s)| (say::section_named(lang, id.as_str()), s)),
            ) {
                if let Some((_, low, median, high)) = statistic.figures() {
                    let ordered = 0.0 <= low && low <= median && median <= high && high <= 100.0;
                    if !ordered {
                        return Err(PeerError::Unreadable(say::peer_figures_out_of_order(
                            lang,
                            &group.label(),
                            &place,
                            [low, median, high],
                            true,
                        )));
                    }
                }
            }
        }
    }
    Ok(set)
}

/// Where a score stands in its group (R5, R6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Under the lower quartile.
    BelowLowerQuartile,
    /// From the lower quartile up to the median.
    LowerMiddle,
    /// From the median up to the upper quartile.
    UpperMiddle,
    /// Over the upper quartile.
    AboveUpperQuartile,
    /// The reference set shows nothing for fewer than five organisations.
    Suppressed,
    /// The reference set has no figures for this section.
    NotInReference,
    /// This organisation has no score for it.
    NotScored,
}

impl Position {
    /// The position in words.
    pub fn label(self) -> &'static str {
        match self {
            Position::BelowLowerQuartile => "Below the lower quartile",
            Position::LowerMiddle => "Between the lower quartile and the median",
            Position::UpperMiddle => "Between the median and the upper quartile",
            Position::AboveUpperQuartile => "Above the upper quartile",
            Position::Suppressed => "Not shown: fewer than five organisations",
            Position::NotInReference => "Not in the reference set",
            Position::NotScored => "No score to compare",
        }
    }

    /// R5: the position of a percentage among the quartiles.
    fn among(percent: f64, low: f64, median: f64, high: f64) -> Self {
        let p = to_one_decimal(percent);
        if p < low {
            Position::BelowLowerQuartile
        } else if p < median {
            Position::LowerMiddle
        } else if p <= high {
            Position::UpperMiddle
        } else {
            Position::AboveUpperQuartile
        }
    }
}

/// One score placed among its peers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerRow {
    /// The section's id, or `None` for the overall score.
    pub section: Option<SectionId>,
    /// The section's title, or "Overall".
    pub title: String,
    /// This organisation's score.
    pub score: Option<Fraction>,
    /// The group's statistic, as the reference set gives it.
    pub reference: Option<PeerStatistic>,
    /// Where the score stands (R5, R6).
    pub position: Position,
}

impl PeerRow {
    /// The group's median, when shown.
    pub fn median(&self) -> Option<f64> {
        self.reference
            .and_then(|r| r.figures())
            .map(|(_, _, m, _)| m)
    }
}

/// One figure placed among its peers' (R7).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    /// The number question.
    pub question: QuestionId,
    /// Its text.
    pub title: String,
    /// What the compared figures are in, for example `FTE` or `FTE per social work FTE`.
    pub unit: String,
    /// This organisation's comparable figure, when it has one.
    pub value: Option<f64>,
    /// The group's statistic, as the reference set gives it.
    pub reference: Option<PeerStatistic>,
    /// Where the figure stands.
    pub position: Position,
}

/// An audit placed among its peers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerComparison {
    /// The group compared with, in words.
    pub group: String,
    /// Organisations in the group, or `None` when the group is suppressed.
    pub organisations: Option<u32>,
    /// The overall score.
    pub overall: PeerRow,
    /// Each section, in the audit's order.
    pub sections: Vec<PeerRow>,
    /// Each figure the audit gives, in its order (R7).
    pub figures: Vec<FigureRow>,
}

fn place_figure(figure: &Figure, reference: Option<&PeerStatistic>) -> FigureRow {
    let position = match (figure.comparable, reference) {
        (None, _) => Position::NotScored,
        (Some(_), None) => Position::NotInReference,
        (Some(value), Some(statistic)) => match statistic.figures() {
            Some((_, low, median, high)) => {
                let v = to_two_decimals(value);
                if v < low {
                    Position::BelowLowerQuartile
                } else if v < median {
                    Position::LowerMiddle
                } else if v <= high {
                    Position::UpperMiddle
                } else {
                    Position::AboveUpperQuartile
                }
            }
            None => Position::Suppressed,
        },
    };
    FigureRow {
        question: figure.question.clone(),
        title: figure.title.clone(),
        unit: match figure.per {
            Some(per) => format!("{} {per}", figure.unit),
            None => figure.unit.clone(),
        },
        value: figure.comparable,
        reference: reference.copied(),
        position,
    }
}

fn place(
    section: Option<SectionId>,
    title: String,
    score: Option<Fraction>,
    reference: Option<&PeerStatistic>,
) -> PeerRow {
    let position = match (score, reference) {
        (None, _) => Position::NotScored,
        (Some(_), None) => Position::NotInReference,
        (Some(score), Some(statistic)) => match statistic.figures() {
            Some((_, low, median, high)) => Position::among(score.percent(), low, median, high),
            None => Position::Suppressed,
        },
    };
    PeerRow {
        section,
        title,
        score,
        reference: reference.copied(),
        position,
    }
}

/// Places an audit's scores in one group of a reference set (R5, R6).
pub fn compare_with_peers(
    scores: &Scores,
    set: &PeerSet,
    organisation_type: Option<OrganisationType>,
    nation: Option<PeerNation>,
) -> Result<PeerComparison, PeerError> {
    if set.definition != scores.definition {
        return Err(PeerError::OtherDefinition {
            set: set.definition.clone(),
            audit: scores.definition.clone(),
        });
    }
    let group = set
        .groups
        .iter()
        .find(|g| g.organisation_type == organisation_type && g.nation == nation)
        .ok_or_else(|| PeerError::NoSuchGroup(group_label(organisation_type, nation)))?;
    let suppressed = PeerStatistic::Suppressed {};
    let (organisations, overall, sections, figures) = match &group.figures {
        GroupFigures::Shown {
            organisations,
            overall,
            sections,
            figures,
        } if *organisations >= MINIMUM_GROUP => (
            Some(*organisations),
            Some(overall),
            Some(sections),
            Some(figures),
        ),
        _ => (None, Some(&suppressed), None, None),
    };
    Ok(PeerComparison {
        group: group.label(),
        organisations,
        overall: place(
            None,
            "Overall".to_owned(),
            scores.overall.as_ref().map(|s| s.fraction),
            overall,
        ),
        sections: scores
            .sections
            .iter()
            .map(|section| {
                let reference = match sections {
                    Some(sections) => sections.get(&section.id),
                    None => Some(&suppressed),
                };
                place(
                    Some(section.id.clone()),
                    section.title.clone(),
                    section.score.as_ref().map(|s| s.fraction),
                    reference,
                )
            })
            .collect(),
        figures: scores
            .figures
            .iter()
            .map(|figure| {
                let reference = match figures {
                    Some(figures) => figures.get(&figure.question),
                    None => Some(&suppressed),
                };
                place_figure(figure, reference)
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests;
