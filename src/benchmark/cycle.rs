//! This cycle against the last: the same audit, answered again.
//!
//! Owns: rules C1 to C4 and the [`CycleComparison`] they produce.
//! Must not touch: scoring itself (it compares two [`Scores`]).
//!
//! # Rules
//!
//! - **C1 Matched by id.** Sections and items are matched by their ids, so the two cycles may have
//!   answered different versions of the definition. [`compare_works`] scores both cycles against
//!   the definition given (normally the current version); answers to questions it no longer has
//!   play no part (scoring rule S8). A section or item only one cycle has is not comparable.
//! - **C2 Direction.** A score went up, down or stayed the same by comparing the exact fractions;
//!   it is not comparable when either cycle has no score (nothing scorable, or not present).
//! - **C3 Better and worse items.** An item got better or worse when it was scored in both cycles
//!   and its points over maximum changed.
//! - **C4 New Red items.** An item is newly Red when its band now has tone red and proposes
//!   action, and last cycle it was not in such a band, for whatever reason (another band, not
//!   answered, not applicable, not shown or not in that version).
//! - **C5 Figures.** Each figure given this cycle (a number answer, S18) is matched by question
//!   id with last cycle's and its change is the exact difference, in the question's unit; when
//!   last cycle gave no figure (not answered, not shown, out of range, or not in that version)
//!   it has no change. Figures never go up or down in the sense of C2: more is not better.

use std::cmp::Ordering;

use serde::Serialize;

use crate::definition::{Definition, Tone};
use crate::ids::{DefinitionId, QuestionId, SectionId};
use crate::number::{with_unit, Decimal};
use crate::scoring::{change_display, score, Fraction, ItemResult, Score, Scores};
use crate::work::Work;

/// Which way a score moved (C2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher than last cycle.
    Up,
    /// Lower than last cycle.
    Down,
    /// Exactly the same share.
    Same,
    /// One of the two cycles has no score.
    NotComparable,
}

impl Direction {
    /// The direction in words.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "Up",
            Direction::Down => "Down",
            Direction::Same => "Same",
            Direction::NotComparable => "Not comparable",
        }
    }

    fn of(previous: Option<Fraction>, current: Option<Fraction>) -> Self {
        match (previous, current) {
            (Some(p), Some(c)) => match c.cmp_value(p) {
                Ordering::Greater => Direction::Up,
                Ordering::Less => Direction::Down,
                Ordering::Equal => Direction::Same,
            },
            _ => Direction::NotComparable,
        }
    }
}

/// One score, last cycle and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreChange {
    /// Last cycle's score.
    pub previous: Option<Score>,
    /// This cycle's score.
    pub current: Option<Score>,
    /// Which way it moved (C2).
    pub direction: Direction,
}

impl ScoreChange {
    fn new(previous: Option<&Score>, current: Option<&Score>) -> Self {
        Self {
            direction: Direction::of(previous.map(|s| s.fraction), current.map(|s| s.fraction)),
            previous: previous.cloned(),
            current: current.cloned(),
        }
    }

    /// The change in words: `up 14 points`, `no change`, or `not comparable`.
    pub fn words(&self) -> String {
        match (&self.previous, &self.current) {
            (Some(p), Some(c)) => change_display(p.fraction, c.fraction),
            _ => "not comparable".to_owned(),
        }
    }
}

/// One section, last cycle and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionChange {
    /// The section.
    pub section: SectionId,
    /// Its title now.
    pub title: String,
    /// Its score then and now.
    pub change: ScoreChange,
}

/// An item that got better or worse (C3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    /// The question.
    pub question: QuestionId,
    /// Its section now.
    pub section: SectionId,
    /// Points over maximum last cycle, with the chosen option's label.
    pub previous: (Fraction, Option<String>),
    /// Points over maximum now, with the chosen option's label.
    pub current: (Fraction, Option<String>),
}

/// One figure, last cycle and now (C5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureChange {
    /// The number question.
    pub question: QuestionId,
    /// Its text now.
    pub title: String,
    /// Its unit now.
    pub unit: String,
    /// Last cycle's figure, when one was given.
    pub previous: Option<Decimal>,
    /// This cycle's figure.
    pub current: Decimal,
}

impl FigureChange {
    /// The exact change since last cycle, when both cycles gave a figure.
    pub fn change(&self) -> Option<Decimal> {
        self.previous.and_then(|p| self.current.checked_sub(p))
    }

    /// Which way the figure moved, with the size of the move in its unit.
    pub fn movement(&self) -> Movement {
        match self.change() {
            None => Movement::NoFigureBefore,
            Some(change) if change == Decimal::whole(0) => Movement::Same,
            Some(change) => {
                let amount = with_unit(&change.abs().to_string(), &self.unit);
                if change.is_negative() {
                    Movement::Down(amount)
                } else {
                    Movement::Up(amount)
                }
            }
        }
    }

    /// The change in words: `up 2.5 FTE`, `down 4%`, `no change`, or `no figure last time`.
    pub fn words(&self) -> String {
        crate::report::audit_words::figure_change(crate::lang::Lang::En, &self.movement())
    }
}

/// How a figure moved since last cycle; an amount is written with the figure's unit (`2.5 FTE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Movement {
    /// Last cycle gave no figure.
    NoFigureBefore,
    /// The same figure both cycles.
    Same,
    /// Higher by this much.
    Up(String),
    /// Lower by this much.
    Down(String),
}

/// This cycle against the last (C1 to C5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CycleComparison {
    /// The definition.
    pub definition: DefinitionId,
    /// The version last cycle was scored against.
    pub previous_version: String,
    /// The version this cycle was scored against.
    pub current_version: String,
    /// The overall score then and now.
    pub overall: ScoreChange,
    /// Each section of this cycle, in order.
    pub sections: Vec<SectionChange>,
    /// Items that got better (C3), in order.
    pub better: Vec<ItemChange>,
    /// Items that got worse (C3), in order.
    pub worse: Vec<ItemChange>,
    /// Items newly Red (C4), in order.
    pub new_red: Vec<QuestionId>,
    /// Each figure given this cycle, with last cycle's (C5), in order.
    pub figures: Vec<FigureChange>,
}

fn is_red(item: &ItemResult) -> bool {
    item.score
        .as_ref()
        .and_then(|s| s.band.as_ref())
        .is_some_and(|b| b.tone == Tone::Red && b.proposes_action)
}

fn item_fraction(item: &ItemResult) -> Option<Fraction> {
    item.score.as_ref().map(|s| s.fraction)
}

/// Compares this cycle's scores with last cycle's, matching by id (C1 to C5).
pub fn compare_cycles(current: &Scores, previous: &Scores) -> CycleComparison {
    let sections = current
        .sections
        .iter()
        .map(|section| SectionChange {
            section: section.id.clone(),
            title: section.title.clone(),
            change: ScoreChange::new(
                previous.section(&section.id).and_then(|s| s.score.as_ref()),
                section.score.as_ref(),
            ),
        })
        .collect();
    let (mut better, mut worse, mut new_red) = (Vec::new(), Vec::new(), Vec::new());
    for item in current.items() {
        let before = previous.item(&item.question);
        if is_red(item) && !before.is_some_and(is_red) {
            new_red.push(item.question.clone());
        }
        let (Some(now), Some(then)) = (item_fraction(item), before.and_then(item_fraction)) else {
            continue;
        };
        let change = || ItemChange {
            question: item.question.clone(),
            section: item.section.clone(),
            previous: (then, before.and_then(|b| b.chosen.clone())),
            current: (now, item.chosen.clone()),
        };
        match now.cmp_value(then) {
            Ordering::Greater => better.push(change()),
            Ordering::Less => worse.push(change()),
            Ordering::Equal => {}
        }
    }
    CycleComparison {
        definition: current.definition.clone(),
        previous_version: previous.version.clone(),
        current_version: current.version.clone(),
        overall: ScoreChange::new(previous.overall.as_ref(), current.overall.as_ref()),
        sections,
        better,
        worse,
        new_red,
        figures: current
            .figures
            .iter()
            .map(|figure| FigureChange {
                question: figure.question.clone(),
                title: figure.title.clone(),
                unit: figure.unit.clone(),
                previous: previous
                    .figures
                    .iter()
                    .find(|f| f.question == figure.question)
                    .map(|f| f.value),
                current: figure.value,
            })
            .collect(),
    }
}

/// Why two works cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    /// They answer different definitions.
    #[error("the two pieces of work answer different questionnaires (`{current}` and `{previous}`); choose last cycle's work for the same questionnaire")]
    DifferentDefinitions {
        /// This cycle's definition.
        current: DefinitionId,
        /// Last cycle's definition.
        previous: DefinitionId,
    },
    /// They record different perspectives.
    #[error("this cycle records {current}' views and last cycle {previous}' views; compare like with like, or use the triangulation to set the two views side by side")]
    DifferentPerspectives {
        /// This cycle's perspective.
        current: &'static str,
        /// Last cycle's perspective.
        previous: &'static str,
    },
    /// The definition given is not the one the works answer.
    #[error("the questionnaire given is `{given}`, but the work answers `{answered}`")]
    WrongDefinition {
        /// The definition given.
        given: DefinitionId,
        /// The one the work answers.
        answered: DefinitionId,
    },
}

/// Scores two cycles of the same audit against one definition and compares them (C1).
pub fn compare_works(
    definition: &Definition,
    current: &Work,
    previous: &Work,
) -> Result<CycleComparison, CompareError> {
    if current.definition.id != previous.definition.id {
        return Err(CompareError::DifferentDefinitions {
            current: current.definition.id.clone(),
            previous: previous.definition.id.clone(),
        });
    }
    if current.definition.id != definition.id {
        return Err(CompareError::WrongDefinition {
            given: definition.id.clone(),
            answered: current.definition.id.clone(),
        });
    }
    if current.perspective != previous.perspective {
        return Err(CompareError::DifferentPerspectives {
            current: current.perspective.label(),
            previous: previous.perspective.label(),
        });
    }
    let mut previous_scores = score(definition, &previous.responses);
    previous_scores.version = previous.definition.version.clone();
    Ok(compare_cycles(
        &score(definition, &current.responses),
        &previous_scores,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::{audit, choices, work};

    #[test]
    fn c1_sections_and_items_are_matched_by_id_across_versions() {
        let d = audit();
        let mut old = work(
            &d,
            "2025",
            choices(&[("lead-2", "partly"), ("gone", "yes")]),
        );
        old.definition.version = "0.9.0".to_owned();
        let new = work(&d, "2026", choices(&[("lead-2", "achieved")]));
        let c = compare_works(&d, &new, &old).unwrap();
        assert_eq!(c.previous_version, "0.9.0");
        assert_eq!(c.current_version, "1.0.0");
        assert_eq!(c.sections[0].change.direction, Direction::Up);
        assert_eq!(c.better.len(), 1);
        assert_eq!(c.better[0].question.as_str(), "lead-2");
        assert_eq!(c.better[0].previous.1.as_deref(), Some("Partly"));
    }

    #[test]
    fn c1_works_of_other_questionnaires_or_perspectives_are_refused() {
        let d = audit();
        let new = work(&d, "2026", choices(&[]));
        let mut other = work(&d, "2025", choices(&[]));
        other.definition.id = DefinitionId::new("something-else");
        assert!(matches!(
            compare_works(&d, &new, &other),
            Err(CompareError::DifferentDefinitions { .. })
        ));
        let mut practitioners = work(&d, "2025", choices(&[]));
        practitioners.perspective = crate::work::Perspective::Practitioners;
        let error = compare_works(&d, &new, &practitioners).unwrap_err();
        assert!(error.to_string().contains("Leaders' views"));
    }

    #[test]
    fn c2_direction_is_exact_and_not_comparable_without_a_score() {
        let d = audit();
        let then = score(&d, &choices(&[("lead-1", "mostly"), ("sup-1", "partly")]));
        let now = score(&d, &choices(&[("lead-1", "mostly"), ("lead-2", "mostly")]));
        let c = compare_cycles(&now, &then);
        // 4/6 then, 6/9 now: the same share.
        assert_eq!(c.sections[0].change.direction, Direction::Same);
        assert_eq!(c.sections[0].change.words(), "no change");
        // Supervision scored then, not now.
        assert_eq!(c.sections[1].change.direction, Direction::NotComparable);
        assert_eq!(c.sections[1].change.words(), "not comparable");
        assert_eq!(c.sections[2].change.direction, Direction::NotComparable);
        let down = compare_cycles(&score(&d, &choices(&[("lead-1", "partly")])), &then);
        assert_eq!(down.sections[0].change.direction, Direction::Down);
        assert_eq!(down.sections[0].change.words(), "down 33 points");
    }

    #[test]
    fn c3_items_better_or_worse_only_when_scored_both_times() {
        let d = audit();
        let then = score(
            &d,
            &choices(&[("lead-1", "mostly"), ("lead-2", "na"), ("lead-3", "yes")]),
        );
        let now = score(
            &d,
            &choices(&[
                ("lead-1", "partly"),
                ("lead-2", "achieved"),
                ("lead-3", "yes"),
            ]),
        );
        let c = compare_cycles(&now, &then);
        assert!(c.better.is_empty());
        let worse: Vec<&str> = c.worse.iter().map(|i| i.question.as_str()).collect();
        assert_eq!(worse, ["lead-1"]);
    }

    #[test]
    fn c4_new_red_items_were_not_red_last_cycle_for_any_reason() {
        let d = audit();
        let then = score(&d, &choices(&[("lead-1", "not-yet"), ("lead-2", "mostly")]));
        let now = score(
            &d,
            &choices(&[
                ("lead-1", "not-yet"),
                ("lead-2", "partly"),
                ("sup-1", "not-yet"),
            ]),
        );
        let c = compare_cycles(&now, &then);
        let new_red: Vec<&str> = c.new_red.iter().map(|q| q.as_str()).collect();
        // lead-1 was already Red; lead-2 was Amber; sup-1 was not answered.
        assert_eq!(new_red, ["lead-2", "sup-1"]);
    }

    #[test]
    fn c5_figures_change_exactly_in_their_unit() {
        use crate::test_fixtures::{audit_with_numbers, with_numbers};
        let d = audit_with_numbers();
        let old = work(
            &d,
            "2025",
            with_numbers(
                choices(&[]),
                &[("wf-fte", "10.7"), ("wf-rota", "85"), ("wf-vacant", "3")],
            ),
        );
        let new = work(
            &d,
            "2026",
            with_numbers(
                choices(&[]),
                &[("wf-fte", "12.5"), ("wf-rota", "85"), ("wf-vacant", "1.5")],
            ),
        );
        let c = compare_works(&d, &new, &old).unwrap();
        let words: Vec<(&str, String)> = c
            .figures
            .iter()
            .map(|f| (f.question.as_str(), f.words()))
            .collect();
        assert_eq!(
            words,
            [
                ("wf-fte", "up 1.8 FTE".to_owned()),
                ("wf-vacant", "down 1.5 FTE".to_owned()),
                ("wf-rota", "no change".to_owned()),
            ]
        );
        // Last cycle gave no FTE: no change to report, and none invented.
        let none = work(&d, "2025", with_numbers(choices(&[]), &[("wf-rota", "90")]));
        let c = compare_works(&d, &new, &none).unwrap();
        assert_eq!(c.figures[0].words(), "no figure last time");
        assert_eq!(c.figures[2].words(), "down 5%");
        // Figures never move the overall direction.
        assert_eq!(c.overall.direction, Direction::NotComparable);
    }
}
