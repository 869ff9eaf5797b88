//! Scoring: how the answers to an audit become item, section, theme and overall scores.
//!
//! Owns: the scoring rules below, the [`Scores`] they produce, and the one place that matches a
//! question kind to decide how it scores ([`classify`]). Percentages and every rounding live in
//! [`percent`].
//! Must not touch: storage, reports, wording for people (beyond band labels from the
//! definition), or a clock.
//!
//! # Rules
//!
//! Each rule is pinned by a test whose name starts with its number (`s3_…`).
//!
//! - **S1 What scores.** A rating, single-choice or yes/no question scores when at least one of
//!   its options earns more than zero points; its maximum is the highest points any option earns.
//!   Text, date and multiple-choice questions, and choice questions without points, are counted
//!   as answered or not but never scored.
//! - **S2 Points and weights.** A scored answer earns the chosen option's points. The item adds
//!   points × weight to the points earned and maximum × weight to the points possible.
//! - **S3 Not applicable.** An answer marked "not applicable" leaves both earned and possible
//!   points unchanged, and is counted as not applicable.
//! - **S4 Don't know.** An answer marked "don't know" is left out of the score and counted as an
//!   evidence gap.
//! - **S5 Prefer not to say.** An answer marked "prefer not to say" is left out of the score and
//!   counted on its own.
//! - **S6 Unanswered.** A shown question with no answer is left out of the score (it never counts
//!   as zero) and is counted as unanswered.
//! - **S7 Hidden questions.** A question whose condition is not met, or whose section is hidden,
//!   is ignored completely: not scored and not counted, even if an answer is stored for it.
//! - **S8 Answers that do not fit.** An answer that does not fit its question (an option the
//!   question does not offer, for example one removed in a newer version, or the wrong kind of
//!   answer) is treated as no answer (S6).
//! - **S9 Percent of maximum.** A section aggregated by `percent_of_maximum` scores the sum of its
//!   items' points earned over the sum of their points possible.
//! - **S10 Lowest item.** A section aggregated by `lowest_item` scores the points over the maximum
//!   of its lowest-scoring item (compared exactly as fractions; the earliest item wins a tie).
//!   Weights do not change which item is lowest.
//! - **S11 Nothing scorable.** When no item of a section (or theme, or the whole audit)
//!   contributes points possible, its score is `None`: no percentage and no band, never 0%.
//! - **S12 Bands.** A score's band is the first band that contains its exact fraction
//!   ([`Band::contains`]). Sections and their items use the section's own bands, or the
//!   definition's; themes and the overall score use the definition's.
//! - **S13 Overall score.** The overall score pools the weighted points earned and possible of
//!   every scored item in every shown section, whatever each section's aggregation. Sections with
//!   more (or heavier) items count for more; a `lowest_item` section's rule shows in its own score
//!   and band only.
//! - **S14 Theme scores.** A theme's score pools the weighted points of its scored items across
//!   all shown sections, as S13 does for the whole audit.
//! - **S15 Counts and completion.** Every shown question is counted exactly once: answered
//!   (including not applicable, don't know and prefer not to say) or unanswered. Completion is
//!   answered over shown, and `None` when nothing is shown.
//! - **S16 Percentages.** Scores stay exact fractions until shown. They are shown as whole
//!   percentages rounded down, so the number shown always lies in the band named beside it
//!   (59.6% shows as 59%, in a band that ends at 60%).
//! - **S17 Strengths and items needing action.** An item is a strength when its chosen option is
//!   marked `positive` or its band's tone is green. An item needs action when its band
//!   `proposes_action`.
//! - **S18 Numbers are never scored.** A number question (a workforce figure) is counted as
//!   answered or unanswered (S15) but adds nothing to points earned or possible, whatever its
//!   weight or value, so a section of only number questions has no score (S11) and the overall
//!   and theme scores are what they would be without it. Figures are compared with peers and
//!   the last cycle as figures ([`crate::benchmark`]), never turned into a band.
//! - **S19 Legal risks.** A shown question marked `statutory_minimum` is a legal risk when its
//!   answer is a point of the scale below the minimum (the first scored option marked
//!   `positive`, such as "Established"), or "Don't know": the law asks for the minimum, so not
//!   knowing whether it is met is a risk too. Unanswered, "not applicable" and "prefer not to
//!   say" are not legal risks (they are counted under S3, S5 and S6). Points are unchanged: the
//!   score measures how far practice has got, so a "Developing" still earns its points, and
//!   scores stay comparable with last cycle and with peers; the risk is reported beside the
//!   score, first, instead of being hidden inside an average.

pub mod figures;
pub mod percent;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::case::lower_first;
use crate::definition::{
    Aggregation, AnswerKind, Band, Definition, Question, Section, Special, Tone,
};
use crate::ids::{BandId, DefinitionId, QuestionId, SectionId, ThemeId};
use crate::responses::{accepts, Answer, Priority, Responses};

pub use figures::{figures, Figure};
pub use percent::{
    change_display, display_percent_f64, distance, mean, percent_display, percent_f64,
    to_one_decimal, weighted_mean, Fraction,
};

/// Every score for one set of answers to one definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// The definition scored against.
    pub definition: DefinitionId,
    /// Its version.
    pub version: String,
    /// The overall score (S13), or `None` when nothing was scorable.
    pub overall: Option<Score>,
    /// Counts over every shown question (S15).
    pub counts: Counts,
    /// Answered over shown, or `None` when nothing is shown.
    pub completion: Option<Fraction>,
    /// Each section, in the definition's order (hidden sections too, marked as such).
    pub sections: Vec<SectionScore>,
    /// Each theme of the definition, in its order (S14).
    pub themes: Vec<ThemeScore>,
    /// The answers to shown number questions, carried beside the scores, never scored (S18).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

/// A score: an exact fraction of the maximum and the band it falls in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Points earned over points possible (or the lowest item's, S10).
    pub fraction: Fraction,
    /// The band, or `None` when the definition has no bands.
    pub band: Option<BandResult>,
}

impl Score {
    /// True when the band proposes action (S17).
    pub fn needs_action(&self) -> bool {
        self.band.as_ref().is_some_and(|b| b.proposes_action)
    }

    /// The tone to draw it with: the band's, or neutral without a band.
    pub fn tone(&self) -> Tone {
        self.band.as_ref().map_or(Tone::Neutral, |b| b.tone)
    }

    /// The score in words: `62%: Amber, partly achieved` (or just `62%` without a band).
    pub fn label(&self) -> String {
        label_of(self.fraction.whole_percent(), self.band.as_ref())
    }
}

/// A score's words from its whole percentage and band ([`Score::label`]).
fn label_of(percent: u64, band: Option<&BandResult>) -> String {
    let shown = percent::percent_text(percent);
    match band {
        Some(band) => format!("{shown}: {}", band.words()),
        None => shown,
    }
}

/// The longest label a score with these bands can have ([`Score::label`] at 100% in each
/// band), so a page can keep room for a score it has not worked out yet.
pub fn longest_label(bands: &[Band]) -> String {
    bands
        .iter()
        .map(|band| label_of(100, Some(&BandResult::from_band(band))))
        .max_by_key(|label| label.chars().count())
        .unwrap_or_else(|| label_of(100, None))
}

/// The band a score falls in, copied from the definition so the score reads on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandResult {
    /// The band's id.
    pub id: BandId,
    /// Its name, for example `Amber`.
    pub label: String,
    /// What it means, for example `Partly achieved`.
    pub meaning: String,
    /// How it is drawn (always beside its label).
    pub tone: Tone,
    /// True when items in this band are proposed for the improvement plan.
    pub proposes_action: bool,
}

impl BandResult {
    fn from_band(band: &Band) -> Self {
        Self {
            id: band.id.clone(),
            label: band.label.to_string(),
            meaning: band.meaning.to_string(),
            tone: band.tone,
            proposes_action: band.proposes_action,
        }
    }

    /// The band in words: `Amber, partly achieved`.
    pub fn words(&self) -> String {
        band_words(&self.label, &self.meaning)
    }
}

/// A band's label and meaning as a score gives them: `Amber, partly achieved`, or the label
/// alone when the band has no meaning.
pub fn band_words(label: &str, meaning: &str) -> String {
    let meaning = lower_first(meaning);
    if meaning.is_empty() {
        label.to_owned()
    } else {
        format!("{label}, {meaning}")
    }
}

/// How many shown questions ended up where (S15).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Questions shown.
    pub shown: u32,
    /// Shown questions with an answer that fits (including the three below).
    pub answered: u32,
    /// Shown questions with no answer (or one that does not fit, S8).
    pub unanswered: u32,
    /// Answered "not applicable" (S3).
    pub not_applicable: u32,
    /// Answered "don't know": evidence gaps (S4).
    pub dont_know: u32,
    /// Answered "prefer not to say" (S5).
    pub prefer_not_to_say: u32,
    /// Answers that earned points (S2).
    pub scored: u32,
}

impl Counts {
    fn add(&mut self, outcome: &ItemOutcome) {
        self.shown += 1;
        match outcome {
            ItemOutcome::Unanswered => self.unanswered += 1,
            answered => {
                self.answered += 1;
                match answered {
                    ItemOutcome::Scored { .. } => self.scored += 1,
                    ItemOutcome::NotApplicable => self.not_applicable += 1,
                    ItemOutcome::DontKnow => self.dont_know += 1,
                    ItemOutcome::PreferNotToSay => self.prefer_not_to_say += 1,
                    ItemOutcome::Answered | ItemOutcome::Unanswered => {}
                }
            }
        }
    }

    /// Answered over shown, or `None` when nothing is shown (S15).
    pub fn completion(&self) -> Option<Fraction> {
        Fraction::new(u64::from(self.answered), u64::from(self.shown))
    }
}

/// One section's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionScore {
    /// The section's id.
    pub id: SectionId,
    /// Its title.
    pub title: String,
    /// False when the section is hidden by its condition (S7): nothing in it counts.
    pub shown: bool,
    /// How its items combine (S9, S10).
    pub aggregation: Aggregation,
    /// Its score, or `None` when nothing was scorable (S11).
    pub score: Option<Score>,
    /// Its counts (S15).
    pub counts: Counts,
    /// Answered over shown, or `None` when nothing is shown.
    pub completion: Option<Fraction>,
    /// Its shown items, in order (hidden ones are left out, S7).
    pub items: Vec<ItemResult>,
}

/// One theme's score (S14).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeScore {
    /// The theme's id.
    pub id: ThemeId,
    /// Its title.
    pub title: String,
    /// Its score, or `None` when nothing was scorable.
    pub score: Option<Score>,
    /// Counts over the theme's shown questions.
    pub counts: Counts,
}

/// What one shown question came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemResult {
    /// The question.
    pub question: QuestionId,
    /// Its section.
    pub section: SectionId,
    /// Its theme, if any.
    pub theme: Option<ThemeId>,
    /// Its weight (S2).
    pub weight: u32,
    /// What the answer counts as.
    pub outcome: ItemOutcome,
    /// The label of the chosen option, for choice questions.
    pub chosen: Option<String>,
    /// Points over maximum with the section's band, for scored answers (S12).
    pub score: Option<Score>,
    /// True when the item is a strength (S17).
    pub strength: bool,
    /// The priority given to the item, if any.
    pub priority: Option<Priority>,
    /// True when the item falls short of its statutory minimum (S19).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub legal_risk: bool,
}

impl ItemResult {
    /// True when the item's band proposes action (S17).
    pub fn needs_action(&self) -> bool {
        self.score.as_ref().is_some_and(Score::needs_action)
    }

    /// The weighted points earned and possible, for scored answers (S2).
    pub fn weighted(&self) -> Option<(u64, u64)> {
        match self.outcome {
            ItemOutcome::Scored { points, max } => Some((
                u64::from(points) * u64::from(self.weight),
                u64::from(max) * u64::from(self.weight),
            )),
            _ => None,
        }
    }
}

/// What an answer counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemOutcome {
    /// A scored answer: points earned out of the question's maximum (S1, S2).
    Scored {
        /// Points of the chosen option.
        points: u32,
        /// The highest points any option earns.
        max: u32,
    },
    /// "Not applicable" (S3).
    NotApplicable,
    /// "Don't know": an evidence gap (S4).
    DontKnow,
    /// "Prefer not to say" (S5).
    PreferNotToSay,
    /// Answered, but not a scored question (S1).
    Answered,
    /// No answer, or one that does not fit (S6, S8).
    Unanswered,
}

/// Decides what one answer counts as: the one place where a question kind is matched for
/// scoring (S1 to S6, S8).
pub fn classify(
    definition: &Definition,
    question: &Question,
    answer: Option<&Answer>,
) -> Classified {
    let Some(answer) = answer else {
        return Classified::plain(ItemOutcome::Unanswered);
    };
    if accepts(definition, question, answer).is_err() {
        return Classified::plain(ItemOutcome::Unanswered);
    }
    match (&question.answer, answer) {
        (
            AnswerKind::Rating { .. } | AnswerKind::SingleChoice { .. } | AnswerKind::YesNo { .. },
            Answer::Choice(value),
        ) => {
            let Some(options) = definition.options_of(question) else {
                return Classified::plain(ItemOutcome::Unanswered);
            };
            let Some(option) = options.find(value) else {
                return Classified::plain(ItemOutcome::Unanswered);
            };
            let max = options.max_points().unwrap_or(0);
            let outcome = match (option.special, option.points) {
                (Some(Special::NotApplicable), _) => ItemOutcome::NotApplicable,
                (Some(Special::DontKnow), _) => ItemOutcome::DontKnow,
                (Some(Special::PreferNotToSay), _) => ItemOutcome::PreferNotToSay,
                (None, Some(points)) if max > 0 => ItemOutcome::Scored { points, max },
                (None, _) => ItemOutcome::Answered,
            };
            Classified {
                outcome,
                chosen: Some(option.label.to_string()),
                positive: option.positive,
            }
        }
        (AnswerKind::MultipleChoice { options }, Answer::Choices(values)) => {
            let labels: Vec<&str> = options
                .iter()
                .filter(|o| values.contains(&o.value))
                .map(|o| o.label.as_str())
                .collect();
            Classified {
                outcome: ItemOutcome::Answered,
                chosen: Some(labels.join("; ")),
                positive: false,
            }
        }
        (AnswerKind::Number { unit, .. }, Answer::Number(value)) => Classified {
            outcome: ItemOutcome::Answered,
            chosen: Some(crate::number::with_unit(&value.to_string(), unit)),
            positive: false,
        },
        _ => Classified::plain(ItemOutcome::Answered),
    }
}

/// What [`classify`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    /// What the answer counts as.
    pub outcome: ItemOutcome,
    /// The chosen option's label (options joined with `; ` for multiple choice).
    pub chosen: Option<String>,
    /// True when the chosen option is marked `positive`.
    pub positive: bool,
}

impl Classified {
    fn plain(outcome: ItemOutcome) -> Self {
        Self {
            outcome,
            chosen: None,
            positive: false,
        }
    }
}

/// The first band containing a fraction (S12).
pub fn band_for(bands: &[Band], fraction: Fraction) -> Option<BandResult> {
    bands
        .iter()
        .find(|b| b.contains(fraction.numerator(), fraction.denominator()))
        .map(BandResult::from_band)
}

fn score_of(bands: &[Band], fraction: Option<Fraction>) -> Option<Score> {
    fraction.map(|fraction| Score {
        fraction,
        band: band_for(bands, fraction),
    })
}

/// Weighted points earned and possible, pooled (S9, S13, S14).
#[derive(Debug, Clone, Copy, Default)]
struct Pool {
    earned: u64,
    possible: u64,
}

impl Pool {
    fn add(&mut self, item: &ItemResult) {
        if let Some((earned, possible)) = item.weighted() {
            self.earned += earned;
            self.possible += possible;
        }
    }

    fn fraction(self) -> Option<Fraction> {
        Fraction::new(self.earned, self.possible)
    }
}

/// Scores a set of answers against a definition, following rules S1 to S19.
pub fn score(definition: &Definition, responses: &Responses) -> Scores {
    let definition_bands = definition
        .scoring
        .as_ref()
        .map_or(&[][..], |s| s.bands.as_slice());
    let sections: Vec<SectionScore> = definition
        .sections
        .iter()
        .map(|section| score_section(definition, responses, section))
        .collect();

    let mut counts = Counts::default();
    let mut pool = Pool::default();
    for item in sections.iter().flat_map(|s| &s.items) {
        counts.add(&item.outcome);
        pool.add(item);
    }

    let themes = definition
        .themes
        .iter()
        .map(|theme| {
            let mut counts = Counts::default();
            let mut pool = Pool::default();
            for item in sections
                .iter()
                .flat_map(|s| &s.items)
                .filter(|i| i.theme.as_ref() == Some(&theme.id))
            {
                counts.add(&item.outcome);
                pool.add(item);
            }
            ThemeScore {
                id: theme.id.clone(),
                title: theme.title.to_string(),
                score: score_of(definition_bands, pool.fraction()),
                counts,
            }
        })
        .collect();

    Scores {
        definition: definition.id.clone(),
        version: definition.version.clone(),
        overall: score_of(definition_bands, pool.fraction()),
        completion: counts.completion(),
        counts,
        sections,
        themes,
        figures: figures(definition, responses),
    }
}

/// True when an answer leaves a statutory-minimum question short of its minimum (S19).
fn falls_short(
    definition: &Definition,
    question: &Question,
    answer: Option<&Answer>,
    outcome: ItemOutcome,
) -> bool {
    let Some(minimum) = definition.statutory_minimum(question) else {
        return false;
    };
    match (outcome, answer) {
        (ItemOutcome::DontKnow, _) => true,
        (ItemOutcome::Scored { .. }, Some(Answer::Choice(value))) => definition
            .options_of(question)
            .and_then(|list| list.options.iter().position(|o| o.value == *value))
            .is_some_and(|at| at < minimum),
        _ => false,
    }
}

fn score_section(
    definition: &Definition,
    responses: &Responses,
    section: &Section,
) -> SectionScore {
    let bands = definition.bands_for(section);
    let aggregation = definition.aggregation_for(section);
    let shown = responses.section_shown(definition, section);
    let items: Vec<ItemResult> = if shown {
        section
            .questions
            .iter()
            .filter(|q| q.shows_when.is_none() || responses.question_shown(definition, q))
            .map(|question| {
                let item = responses.item(&question.id);
                let classified =
                    classify(definition, question, item.and_then(|i| i.answer.as_ref()));
                let score = match classified.outcome {
                    ItemOutcome::Scored { points, max } => {
                        score_of(bands, Fraction::new(u64::from(points), u64::from(max)))
                    }
                    _ => None,
                };
                let green = score.as_ref().is_some_and(|s| s.tone() == Tone::Green);
                let legal_risk = falls_short(
                    definition,
                    question,
                    item.and_then(|i| i.answer.as_ref()),
                    classified.outcome,
                );
                ItemResult {
                    question: question.id.clone(),
                    section: section.id.clone(),
                    theme: question.theme.clone(),
                    weight: question.weight,
                    strength: classified.positive || green,
                    outcome: classified.outcome,
                    chosen: classified.chosen,
                    score,
                    priority: item.and_then(|i| i.priority),
                    legal_risk,
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut counts = Counts::default();
    let mut pool = Pool::default();
    for item in &items {
        counts.add(&item.outcome);
        pool.add(item);
    }
    let fraction = match aggregation {
        Aggregation::PercentOfMaximum => pool.fraction(),
        Aggregation::LowestItem => items
            .iter()
            .filter_map(|item| match item.outcome {
                ItemOutcome::Scored { points, max } => {
                    Fraction::new(u64::from(points), u64::from(max))
                }
                _ => None,
            })
            .reduce(|lowest, next| {
                if next.cmp_value(lowest).is_lt() {
                    next
                } else {
                    lowest
                }
            }),
    };
    SectionScore {
        id: section.id.clone(),
        title: section.title.to_string(),
        shown,
        aggregation,
        score: score_of(bands, fraction),
        completion: counts.completion(),
        counts,
        items,
    }
}

impl Scores {
    /// The section with this id.
    pub fn section(&self, id: &SectionId) -> Option<&SectionScore> {
        self.sections.iter().find(|s| &s.id == id)
    }

    /// The theme with this id.
    pub fn theme(&self, id: &ThemeId) -> Option<&ThemeScore> {
        self.themes.iter().find(|t| &t.id == id)
    }

    /// Every shown item, in order.
    pub fn items(&self) -> impl Iterator<Item = &ItemResult> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    /// The item for a question, when it is shown.
    pub fn item(&self, question: &QuestionId) -> Option<&ItemResult> {
        self.items().find(|i| &i.question == question)
    }

    /// Items answered "don't know": the evidence gaps (S4).
    pub fn evidence_gaps(&self) -> impl Iterator<Item = &ItemResult> {
        self.items().filter(|i| i.outcome == ItemOutcome::DontKnow)
    }

    /// Items that are strengths (S17).
    pub fn strengths(&self) -> impl Iterator<Item = &ItemResult> {
        self.items().filter(|i| i.strength)
    }

    /// Items that need action or are marked high priority, in order (S17).
    pub fn priorities(&self) -> impl Iterator<Item = &ItemResult> {
        self.items()
            .filter(|i| i.needs_action() || i.priority == Some(Priority::High))
    }

    /// Items that fall short of their statutory minimum, in order (S19).
    pub fn legal_risks(&self) -> impl Iterator<Item = &ItemResult> {
        self.items().filter(|i| i.legal_risk)
    }

    /// True when nothing at all was answered.
    pub fn is_empty(&self) -> bool {
        self.counts.answered == 0
    }
}
