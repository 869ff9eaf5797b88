//! Feedback aggregation: many anonymous responses, from several devices, practitioners and
//! periods, combined into counts that are safe to show.
//!
//! Owns: the [`FeedbackPool`] of responses (deduplicated by response id, mergeable in any order
//! and grouping) and the [`FeedbackSummary`] worked out from it against one definition: per-item
//! distributions, the share that agree, per-theme figures, free text, suppression of small groups,
//! and the answers that a different definition version could not place.
//! Must not touch: scoring of audits ([`crate::scoring`]), report wording, storage or a clock.
//!
//! # Rules
//!
//! - **A1 One response per id.** A pool holds at most one response per response id, so importing
//!   the same file twice adds nothing. When two *different* responses share an id (a device
//!   fault, or an edited file), the pool keeps the one submitted later; on the same day, the one
//!   that comes last in a fixed order of their content. Either way the id is listed as a
//!   conflict, so the choice never depends on the order of import and is never silent.
//! - **A2 Merging.** [`FeedbackPool::merge`] is associative and commutative with the empty pool as
//!   identity: merging device files in any order or grouping gives the same pool, hence the same
//!   summary. Responses are held in id order, so the order they arrived in never shows.
//! - **A3 Counting.** For each question, every response that answered it counts once in
//!   "answered"; each option counts the responses that chose it (several per response for
//!   multiple choice). "Not applicable", "don't know" and "prefer not to say" are options like any
//!   other in the distribution, so they are counted separately and visibly.
//! - **A4 Share that agree.** Over the responses that chose a point of the scale (any option that
//!   is not special), the share whose option is marked `positive`. `None` when the question has no
//!   positive option or nobody chose a point. A theme pools the counts of its items whose own
//!   share is shown, so a suppressed item can never be worked out by difference.
//! - **A5 Hidden questions.** An answer to a question that was hidden for that response (its
//!   condition not met) is not counted; such answers are counted in `hidden_answers`.
//! - **A6 Other versions.** A response to another version of the definition is counted wherever
//!   its question ids exist in this version and its answers still fit. Answers to questions this
//!   version does not have, and answers that no longer fit, are listed per question id with how
//!   many there were. Nothing is dropped silently.
//! - **A7 Suppression.** Any group (an item, a theme, or the whole collection) with fewer than
//!   [`MINIMUM_GROUP`] responses shows no figures and no free text, only a label saying so. A share
//!   that agree is suppressed the same way when fewer than five responses chose a scale point.
//! - **A8 Free text.** Text answers and comments are listed under their question in response-id
//!   order (which is random, not the order of submission), for a person to read and remove
//!   anything identifying before sharing.
//! - **A9 Carried questions.** Each response is read through [`crate::carry::carried`] before
//!   it is counted: an answer to a question this version retired, whose `retired` entry names the
//!   question it is `carried_to`, counts with that question when it fits it and the response did
//!   not also answer it (K1). So responses saved under 1.0.0 and 2.0.0 combine by the question
//!   each answer now belongs to: shared ids directly, carried ids under their new id. Answers to
//!   other retired questions are listed under A6 by their old id (reports give their old text).
//!   Stored responses are never rewritten (K3).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::date::Date;
use crate::definition::{AnswerKind, Definition, OptionList, Question, Section, Special};
use crate::ids::{DefinitionId, OptionValue, QuestionId, ResponseId, SectionId, ThemeId};
use crate::responses::{accepts, Answer};
use crate::scoring::Fraction;
use crate::work::{FeedbackResponse, Work};

/// The smallest group whose figures are shown (A7).
pub const MINIMUM_GROUP: u32 = 5;

/// The label shown in place of a suppressed group's figures.
pub const SUPPRESSED_LABEL: &str =
    "Fewer than five responses: not shown, so that nobody can be identified";

/// Anonymous responses, one per id (A1): the mergeable aggregate (A2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackPool {
    responses: BTreeMap<ResponseId, FeedbackResponse>,
    conflicts: BTreeSet<ResponseId>,
}

/// What adding one response did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A new id: the response was added.
    New,
    /// The same response was already there: nothing changed.
    AlreadyPresent,
    /// A different response with the same id was there: the later one is kept (A1).
    Conflict,
}

impl FeedbackPool {
    /// An empty pool (the identity of [`FeedbackPool::merge`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// A pool of these responses, deduplicated (A1).
    pub fn from_responses(responses: impl IntoIterator<Item = FeedbackResponse>) -> Self {
        let mut pool = Self::new();
        for response in responses {
            pool.add(response);
        }
        pool
    }

    /// A pool of the responses in a work file's collection (empty when it has none).
    pub fn from_work(work: &Work) -> Self {
        Self::from_responses(
            work.collection
                .iter()
                .flat_map(|c| c.responses.iter().cloned()),
        )
    }

    /// Adds one response, keeping one per id (A1).
    pub fn add(&mut self, response: FeedbackResponse) -> Added {
        match self.responses.get_mut(&response.id) {
            None => {
                self.responses.insert(response.id.clone(), response);
                Added::New
            }
            Some(existing) if *existing == response => Added::AlreadyPresent,
            Some(existing) => {
                self.conflicts.insert(response.id.clone());
                if order_key(&response) > order_key(existing) {
                    *existing = response;
                }
                Added::Conflict
            }
        }
    }

    /// Both pools together (A2). Associative and commutative; the empty pool is the identity.
    pub fn merge(mut self, other: FeedbackPool) -> FeedbackPool {
        self.conflicts.extend(other.conflicts);
        for response in other.responses.into_values() {
            self.add(response);
        }
        self
    }

    /// How many distinct responses the pool holds.
    pub fn len(&self) -> usize {
        self.responses.len()
    }

    /// True when the pool holds no responses.
    pub fn is_empty(&self) -> bool {
        self.responses.is_empty()
    }

    /// The responses in id order.
    pub fn responses(&self) -> impl Iterator<Item = &FeedbackResponse> {
        self.responses.values()
    }

    /// Ids that arrived with different contents (A1).
    pub fn conflicts(&self) -> impl Iterator<Item = &ResponseId> {
        self.conflicts.iter()
    }

    /// The responses submitted within a period (both ends included; `None` leaves that end
    /// open). Conflicts are kept for the ids still present.
    pub fn within(&self, from: Option<Date>, to: Option<Date>) -> FeedbackPool {
        let keep = |r: &FeedbackResponse| {
            from.is_none_or(|f| r.submitted >= f) && to.is_none_or(|t| r.submitted <= t)
        };
        let responses: BTreeMap<ResponseId, FeedbackResponse> = self
            .responses
            .iter()
            .filter(|(_, r)| keep(r))
            .map(|(id, r)| (id.clone(), r.clone()))
            .collect();
        let conflicts = self
            .conflicts
            .iter()
            .filter(|id| responses.contains_key(*id))
            .cloned()
            .collect();
        FeedbackPool {
            responses,
            conflicts,
        }
    }
}

/// The order that decides which of two different responses with one id is kept (A1): later
/// submission first, then the content, written out in a fixed form.
fn order_key(response: &FeedbackResponse) -> (Date, String) {
    (
        response.submitted,
        serde_json::to_string(response).unwrap_or_default(),
    )
}

/// A figure that is shown, or suppressed because the group is too small (A7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum Group<T> {
    /// Enough responses: the figure.
    Shown(T),
    /// Fewer than five responses: nothing shown but [`SUPPRESSED_LABEL`].
    Suppressed,
}

impl<T> Group<T> {
    fn gate(count: u32, value: impl FnOnce() -> T) -> Self {
        if count >= MINIMUM_GROUP {
            Group::Shown(value())
        } else {
            Group::Suppressed
        }
    }

    /// The figure, when shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Group::Shown(value) => Some(value),
            Group::Suppressed => None,
        }
    }
}

/// Everything that can be shown about a pool of feedback, against one definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedbackSummary {
    /// The definition the responses were placed against.
    pub definition: DefinitionId,
    /// Its version.
    pub version: String,
    /// Distinct responses.
    pub responses: u32,
    /// Whether the collection as a whole is large enough to show (A7).
    pub collection: Group<()>,
    /// The first and last days a response was submitted, when there are any.
    pub period: Option<(Date, Date)>,
    /// How many responses answered each definition version.
    pub by_version: BTreeMap<String, u32>,
    /// Answers this version could not place, per question id (A6).
    pub unplaced: Vec<Unplaced>,
    /// Answers to questions that were hidden for that response, not counted (A5).
    pub hidden_answers: u32,
    /// Ids that arrived with different contents; the later response was kept (A1).
    pub conflicting_ids: Vec<ResponseId>,
    /// Each question of the definition, in order.
    pub items: Vec<ItemSummary>,
    /// Each theme of the definition, in order.
    pub themes: Vec<ThemeSummary>,
}

/// Answers to one question id that this version could not place (A6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    /// The question id as the response had it.
    pub question: QuestionId,
    /// Why.
    pub reason: UnplacedReason,
    /// How many answers.
    pub answers: u32,
}

/// Why an answer could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnplacedReason {
    /// This version has no question with that id.
    NotInThisVersion,
    /// The question exists but the answer no longer fits it (an option was removed).
    NoLongerFits,
}

/// The figures for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemSummary {
    /// The question.
    pub question: QuestionId,
    /// Its section.
    pub section: SectionId,
    /// Its theme, if any.
    pub theme: Option<ThemeId>,
    /// Responses that answered it (any option, including special ones) (A3).
    pub answered: u32,
    /// The figures, or suppressed (A7).
    pub figures: Group<ItemFigures>,
}

/// The figures of a question with at least five answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemFigures {
    /// Each option in order, with its count (empty for text and date questions).
    pub options: Vec<OptionCount>,
    /// Responses that chose a point of the scale (an option that is not special).
    pub gave_a_point: u32,
    /// The share that agree (A4), or `None` when there is nothing to share.
    pub agree: Option<Group<Fraction>>,
    /// Free text, in response-id order (A8).
    pub free_text: Vec<String>,
}

/// One option's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionCount {
    /// The stored value.
    pub value: OptionValue,
    /// What people saw.
    pub label: String,
    /// Its points, if scored.
    pub points: Option<u32>,
    /// Whether it is "not applicable", "don't know" or "prefer not to say".
    pub special: Option<Special>,
    /// Whether it counts as agreeing.
    pub positive: bool,
    /// Responses that chose it.
    pub count: u32,
    /// Its share of the responses that answered the question.
    pub share: Fraction,
}

/// The figures for one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeSummary {
    /// The theme.
    pub id: ThemeId,
    /// Its title.
    pub title: String,
    /// The definition's questions in this theme.
    pub questions: u32,
    /// Distinct responses that answered at least one of them.
    pub responses: u32,
    /// The pooled share that agree (A4), suppressed under five responses (A7).
    pub agree: Group<Option<Fraction>>,
}

impl FeedbackSummary {
    /// The summary of a question.
    pub fn item(&self, question: &QuestionId) -> Option<&ItemSummary> {
        self.items.iter().find(|i| &i.question == question)
    }

    /// The summary of a theme.
    pub fn theme(&self, id: &ThemeId) -> Option<&ThemeSummary> {
        self.themes.iter().find(|t| &t.id == id)
    }
}

/// A question's place in the flat list, with its options resolved once.
struct Slot<'a> {
    section: &'a Section,
    question: &'a Question,
    options: Option<OptionList<'a>>,
    conditional: bool,
}

/// Running counts for one question.
#[derive(Default, Clone)]
struct ItemTally {
    answered: u32,
    options: Vec<u32>,
    free_text: Vec<String>,
}

/// Works out everything that can be shown about a pool, against one definition (A3 to A9).
pub fn summarise(definition: &Definition, pool: &FeedbackPool) -> FeedbackSummary {
    let slots: Vec<Slot> = definition
        .questions()
        .map(|(section, question)| Slot {
            section,
            question,
            options: definition.options_of(question),
            conditional: section.shows_when.is_some() || question.shows_when.is_some(),
        })
        .collect();
    // Question ids in sorted order, to walk alongside each response's answers (also sorted by
    // id): one comparison per step, no hashing.
    let mut by_id: Vec<(&str, usize)> = slots
        .iter()
        .enumerate()
        .map(|(i, slot)| (slot.question.id.as_str(), i))
        .collect();
    by_id.sort_unstable();
    let theme_of: Vec<Option<usize>> = slots
        .iter()
        .map(|slot| {
            slot.question
                .theme
                .as_ref()
                .and_then(|t| definition.themes.iter().position(|d| &d.id == t))
        })
        .collect();

    let mut tallies: Vec<ItemTally> = slots
        .iter()
        .map(|slot| ItemTally {
            options: vec![0; slot.options.as_ref().map_or(0, |o| o.options.len())],
            ..ItemTally::default()
        })
        .collect();
    let mut theme_responses = vec![0u32; definition.themes.len()];
    let mut unplaced: BTreeMap<(QuestionId, UnplacedReason), u32> = BTreeMap::new();
    let mut by_version: BTreeMap<&str, u32> = BTreeMap::new();
    let mut hidden_answers = 0u32;
    let mut period: Option<(Date, Date)> = None;
    let mut touched_themes = vec![false; definition.themes.len()];

    for response in pool.responses() {
        // A9: answers to retired questions counted with the question that replaced them.
        let answers = crate::carry::carried(definition, &response.answers);
        *by_version
            .entry(response.definition_version.as_str())
            .or_default() += 1;
        period = Some(match period {
            None => (response.submitted, response.submitted),
            Some((first, last)) => (first.min(response.submitted), last.max(response.submitted)),
        });
        touched_themes.iter_mut().for_each(|t| *t = false);
        let mut cursor = 0;
        for (id, item) in &answers.items {
            while by_id
                .get(cursor)
                .is_some_and(|(known, _)| *known < id.as_str())
            {
                cursor += 1;
            }
            let found = by_id
                .get(cursor)
                .filter(|(known, _)| *known == id.as_str())
                .map(|(_, at)| *at);
            let Some(at) = found else {
                if item.answer.is_some() || item.comment.is_some() {
                    *unplaced
                        .entry((id.clone(), UnplacedReason::NotInThisVersion))
                        .or_default() += 1;
                }
                continue;
            };
            let slot = &slots[at];
            if slot.conditional && !answers.question_shown(definition, slot.question) {
                hidden_answers += 1;
                continue;
            }
            let tally = &mut tallies[at];
            let mut counted = false;
            if let Some(answer) = &item.answer {
                match place(definition, slot, answer, &mut tally.options) {
                    Placed::Counted(text) => {
                        tally.answered += 1;
                        tally.free_text.extend(text);
                        counted = true;
                    }
                    Placed::DoesNotFit => {
                        *unplaced
                            .entry((id.clone(), UnplacedReason::NoLongerFits))
                            .or_default() += 1;
                    }
                }
            }
            if let Some(comment) = item.comment.as_ref().filter(|c| !c.trim().is_empty()) {
                tally.free_text.push(comment.clone());
            }
            if counted {
                if let Some(theme) = theme_of[at] {
                    touched_themes[theme] = true;
                }
            }
        }
        for (count, touched) in theme_responses.iter_mut().zip(&touched_themes) {
            *count += u32::from(*touched);
        }
    }

    let items: Vec<ItemSummary> = slots
        .iter()
        .zip(tallies)
        .map(|(slot, tally)| item_summary(slot, tally))
        .collect();
    let themes = definition
        .themes
        .iter()
        .enumerate()
        .map(|(t, theme)| {
            let members: Vec<&ItemSummary> = items
                .iter()
                .zip(&theme_of)
                .filter(|(_, of)| **of == Some(t))
                .map(|(item, _)| item)
                .collect();
            let responses = theme_responses[t];
            ThemeSummary {
                id: theme.id.clone(),
                title: theme.title.to_string(),
                questions: members.len() as u32,
                responses,
                agree: Group::gate(responses, || pooled_agreement(members.iter().copied())),
            }
        })
        .collect();

    let responses = pool.len() as u32;
    FeedbackSummary {
        definition: definition.id.clone(),
        version: definition.version.clone(),
        responses,
        collection: Group::gate(responses, || ()),
        period,
        by_version: by_version
            .into_iter()
            .map(|(version, n)| (version.to_owned(), n))
            .collect(),
        unplaced: unplaced
            .into_iter()
            .map(|((question, reason), answers)| Unplaced {
                question,
                reason,
                answers,
            })
            .collect(),
        hidden_answers,
        conflicting_ids: pool.conflicts().cloned().collect(),
        items,
        themes,
    }
}

enum Placed {
    /// Counted; with the text, for free-text answers.
    Counted(Option<String>),
    DoesNotFit,
}

/// Counts one answer into its question's option counts: the one place where a question kind is
/// matched for aggregation (A3).
fn place(definition: &Definition, slot: &Slot, answer: &Answer, counts: &mut [u32]) -> Placed {
    let position = |value: &OptionValue| {
        slot.options
            .as_ref()
            .and_then(|o| o.options.iter().position(|opt| &opt.value == value))
    };
    match (&slot.question.answer, answer) {
        (
            AnswerKind::Rating { .. } | AnswerKind::SingleChoice { .. } | AnswerKind::YesNo { .. },
            Answer::Choice(value),
        ) => match position(value) {
            Some(at) => {
                counts[at] += 1;
                Placed::Counted(None)
            }
            None => Placed::DoesNotFit,
        },
        (AnswerKind::MultipleChoice { .. }, Answer::Choices(values)) => {
            let positions: Option<BTreeSet<usize>> = values.iter().map(position).collect();
            match positions {
                Some(positions) => {
                    for at in positions {
                        counts[at] += 1;
                    }
                    Placed::Counted(None)
                }
                None => Placed::DoesNotFit,
            }
        }
        (AnswerKind::ShortText { .. } | AnswerKind::LongText { .. }, Answer::Text(text)) => {
            if accepts(definition, slot.question, answer).is_ok() {
                Placed::Counted(Some(text.clone()))
            } else {
                Placed::DoesNotFit
            }
        }
        (AnswerKind::Date {}, Answer::Date(_)) => Placed::Counted(None),
        _ => Placed::DoesNotFit,
    }
}

fn item_summary(slot: &Slot, tally: ItemTally) -> ItemSummary {
    let answered = tally.answered;
    ItemSummary {
        question: slot.question.id.clone(),
        section: slot.section.id.clone(),
        theme: slot.question.theme.clone(),
        answered,
        figures: Group::gate(answered, || {
            let options: Vec<OptionCount> = slot
                .options
                .iter()
                .flat_map(|o| o.options.iter())
                .zip(&tally.options)
                .map(|(option, &count)| OptionCount {
                    value: option.value.clone(),
                    label: option.label.to_string(),
                    points: option.points,
                    special: option.special,
                    positive: option.positive,
                    count,
                    share: Fraction::new(u64::from(count), u64::from(answered))
                        .expect("answered is at least five here"),
                })
                .collect();
            let (gave_a_point, agreeing) = agreement_counts(&options);
            let has_positive = options.iter().any(|o| o.positive);
            let agree = (has_positive && gave_a_point > 0 && is_single(slot)).then(|| {
                Group::gate(gave_a_point, || {
                    Fraction::new(u64::from(agreeing), u64::from(gave_a_point))
                        .expect("at least five gave a point here")
                })
            });
            ItemFigures {
                options,
                gave_a_point,
                agree,
                free_text: tally.free_text,
            }
        }),
    }
}

fn is_single(slot: &Slot) -> bool {
    matches!(
        slot.question.answer,
        AnswerKind::Rating { .. } | AnswerKind::SingleChoice { .. } | AnswerKind::YesNo { .. }
    )
}

/// Responses that chose a point of the scale, and those of them that agree (A4).
fn agreement_counts(options: &[OptionCount]) -> (u32, u32) {
    options
        .iter()
        .filter(|o| o.special.is_none())
        .fold((0, 0), |(points, agree), o| {
            (
                points + o.count,
                agree + if o.positive { o.count } else { 0 },
            )
        })
}

/// The pooled share that agree over a theme's items whose own share is shown (A4, A7): an item
/// whose share is suppressed is left out, so it cannot be worked out by difference.
fn pooled_agreement<'a>(members: impl Iterator<Item = &'a ItemSummary>) -> Option<Fraction> {
    let (mut points, mut agree) = (0u32, 0u32);
    for item in members {
        if let Group::Shown(figures) = &item.figures {
            if matches!(figures.agree, Some(Group::Shown(_))) {
                let (p, a) = agreement_counts(&figures.options);
                points += p;
                agree += a;
            }
        }
    }
    Fraction::new(u64::from(agree), u64::from(points))
}

/// The responses of a work file's collection placed against a definition: a shortcut for
/// `summarise(definition, &FeedbackPool::from_work(work))`.
pub fn summarise_work(definition: &Definition, work: &Work) -> FeedbackSummary {
    summarise(definition, &FeedbackPool::from_work(work))
}

#[cfg(test)]
mod tests;
