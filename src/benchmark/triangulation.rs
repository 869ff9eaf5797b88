//! Triangulation: leaders', practitioners' and service users' and carers' views of the same
//! themes, set side by side on one 0-to-1 range, with the gaps that matter flagged.
//!
//! Owns: rules T1 to T5 and the [`Triangulation`] they produce.
//! Must not touch: how audits score or how feedback is counted; it reads [`Scores`] and
//! [`FeedbackSummary`] and never sees a single feedback response.
//!
//! # Rules
//!
//! - **T1 Shared themes.** A theme is triangulated when questions in at least two of the three
//!   sources (the leaders' audit, the practitioners' audit, the feedback) belong to it, matched by
//!   theme id. Themes are listed in the order the sources' definitions first name them.
//! - **T2 Normalised position.** An answer's position is `(points − lowest) / (highest − lowest)`
//!   over the scored points of its own question's scale, so 0 is the bottom of that scale and 1
//!   the top, whatever the scale's length. Only questions with at least two distinct scored points
//!   take part; not applicable, don't know, prefer not to say and unanswered never do.
//! - **T3 Mean position.** For an audit, the unweighted mean of its scored items' positions in the
//!   theme (each item counts once). For feedback, the mean over every response that gave a scale
//!   point to the theme's questions, taken from the counts of each point; only questions whose
//!   figures are shown and where at least five responses gave a point take part, and the theme
//!   must have at least five responses (aggregation rule A7). Otherwise the feedback position is
//!   suppressed.
//! - **T4 One scale point.** A scale of k scored points has k − 1 steps, so one scale point is
//!   1 / (k − 1) on the 0-to-1 range. For a source, it is the largest step among the questions that
//!   took part (the coarsest scale).
//! - **T5 Flag.** Two sources' positions differ by at least one scale point when the gap between
//!   them (exactly, as fractions) is at least the larger of their two scale points: a gap that is a
//!   whole point even on the coarser scale. Each such pair is flagged.

use serde::Serialize;

use crate::aggregate::{FeedbackSummary, Group, MINIMUM_GROUP};
use crate::definition::Definition;
use crate::ids::{QuestionId, ThemeId};
use crate::scoring::{distance, mean, weighted_mean, Fraction, ItemOutcome, Scores};

/// Where a set of views comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The leaders' audit.
    Leaders,
    /// The practitioners' audit.
    Practitioners,
    /// Feedback from service users and carers.
    Feedback,
}

impl Source {
    /// The source in words.
    pub fn label(self) -> &'static str {
        match self {
            Source::Leaders => "Leaders",
            Source::Practitioners => "Practitioners",
            Source::Feedback => "Service users and carers",
        }
    }
}

/// One source's view of a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum View {
    /// A mean position (T3).
    Position {
        /// From 0 (bottom of the scale) to 1 (top), exact.
        position: Fraction,
        /// One scale point on the 0-to-1 range (T4).
        step: Fraction,
        /// Items (audits) or responses (feedback) it rests on.
        basis: u32,
    },
    /// Feedback with fewer than five responses (T3).
    Suppressed,
    /// The source asks about the theme but nothing could be placed.
    NoAnswers,
    /// The source does not ask about the theme, or was not given.
    NotAsked,
}

impl View {
    fn position(&self) -> Option<(Fraction, Fraction)> {
        match self {
            View::Position { position, step, .. } => Some((*position, *step)),
            _ => None,
        }
    }
}

/// A pair of sources whose positions differ by at least one scale point (T5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// The first source.
    pub first: Source,
    /// The second source.
    pub second: Source,
    /// The gap on the 0-to-1 range.
    pub gap: Fraction,
}

/// One theme, seen three ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeViews {
    /// The theme.
    pub theme: ThemeId,
    /// Its title, from the first definition that names it.
    pub title: String,
    /// The leaders' view.
    pub leaders: View,
    /// The practitioners' view.
    pub practitioners: View,
    /// Service users' and carers' view.
    pub feedback: View,
    /// Pairs at least one scale point apart (T5).
    pub gaps: Vec<Gap>,
}

impl ThemeViews {
    /// The view of one source.
    pub fn view(&self, source: Source) -> &View {
        match source {
            Source::Leaders => &self.leaders,
            Source::Practitioners => &self.practitioners,
            Source::Feedback => &self.feedback,
        }
    }
}

/// Every shared theme (T1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Triangulation {
    /// The themes, in order.
    pub themes: Vec<ThemeViews>,
}

/// An audit as a source: its definition and its scores.
#[derive(Debug, Clone, Copy)]
pub struct AuditSource<'a> {
    /// The audit's definition.
    pub definition: &'a Definition,
    /// Its scores.
    pub scores: &'a Scores,
}

/// Feedback as a source: its definition and its summary.
#[derive(Debug, Clone, Copy)]
pub struct FeedbackSource<'a> {
    /// The feedback questionnaire.
    pub definition: &'a Definition,
    /// The summary of its responses.
    pub summary: &'a FeedbackSummary,
}

/// The scored points of a question's scale, lowest first, when it has at least two (T2).
fn scale_of(definition: &Definition, question: &QuestionId) -> Option<Vec<u32>> {
    let question = definition.question(question)?;
    let points = definition.options_of(question)?.scored_points();
    (points.len() >= 2).then_some(points)
}

/// `(points − lowest) / (highest − lowest)` (T2) and one step, `1 / (k − 1)` (T4).
fn normalise(points: u32, scale: &[u32]) -> Option<(Fraction, Fraction)> {
    let (low, high) = (*scale.first()?, *scale.last()?);
    let position = Fraction::new(u64::from(points.saturating_sub(low)), u64::from(high - low))?;
    let step = Fraction::new(1, scale.len() as u64 - 1)?;
    Some((position, step))
}

fn coarsest(steps: impl IntoIterator<Item = Fraction>) -> Option<Fraction> {
    steps
        .into_iter()
        .reduce(|a, b| if b.cmp_value(a).is_gt() { b } else { a })
}

fn asks(definition: &Definition, theme: &ThemeId) -> bool {
    definition
        .questions()
        .any(|(_, q)| q.theme.as_ref() == Some(theme))
}

fn audit_view(source: Option<AuditSource>, theme: &ThemeId) -> View {
    let Some(AuditSource { definition, scores }) = source else {
        return View::NotAsked;
    };
    if !asks(definition, theme) {
        return View::NotAsked;
    }
    let placed: Vec<(Fraction, Fraction)> = scores
        .items()
        .filter(|item| item.theme.as_ref() == Some(theme))
        .filter_map(|item| match item.outcome {
            ItemOutcome::Scored { points, .. } => {
                normalise(points, &scale_of(definition, &item.question)?)
            }
            _ => None,
        })
        .collect();
    match (
        mean(placed.iter().map(|(p, _)| *p)),
        coarsest(placed.iter().map(|(_, s)| *s)),
    ) {
        (Some(position), Some(step)) => View::Position {
            position,
            step,
            basis: placed.len() as u32,
        },
        _ => View::NoAnswers,
    }
}

fn feedback_view(source: Option<FeedbackSource>, theme: &ThemeId) -> View {
    let Some(FeedbackSource {
        definition,
        summary,
    }) = source
    else {
        return View::NotAsked;
    };
    if !asks(definition, theme) {
        return View::NotAsked;
    }
    let theme_responses = summary.theme(theme).map_or(0, |t| t.responses);
    if theme_responses < MINIMUM_GROUP {
        return View::Suppressed;
    }
    // Each question's mean position over the responses that gave it a point, with that count.
    let mut weighted: Vec<(Fraction, u64)> = Vec::new();
    let mut steps = Vec::new();
    for item in summary
        .items
        .iter()
        .filter(|i| i.theme.as_ref() == Some(theme))
    {
        let Group::Shown(figures) = &item.figures else {
            continue;
        };
        let Some(scale) = scale_of(definition, &item.question) else {
            continue;
        };
        if figures.gave_a_point < MINIMUM_GROUP {
            continue;
        }
        let (low, high) = (scale[0], scale[scale.len() - 1]);
        let (mut sum, mut count) = (0u64, 0u64);
        for option in figures.options.iter().filter(|o| o.special.is_none()) {
            if let Some(points) = option.points {
                sum += u64::from(option.count) * u64::from(points.saturating_sub(low));
                count += u64::from(option.count);
            }
        }
        if let Some(position) = Fraction::new(sum, count * u64::from(high - low)) {
            weighted.push((position, count));
            steps.extend(Fraction::new(1, scale.len() as u64 - 1));
        }
    }
    let responses: u64 = weighted.iter().map(|(_, c)| c).sum();
    // The mean over responses: each question's mean counted as many times as it has responses.
    let position = weighted_mean(weighted.iter().copied());
    match (position, coarsest(steps)) {
        (Some(position), Some(step)) => View::Position {
            position,
            step,
            basis: u32::try_from(responses).unwrap_or(u32::MAX),
        },
        _ => View::NoAnswers,
    }
}

/// Sets the sources side by side on every shared theme (T1 to T5).
pub fn triangulate(
    leaders: Option<AuditSource>,
    practitioners: Option<AuditSource>,
    feedback: Option<FeedbackSource>,
) -> Triangulation {
    let definitions: Vec<(Source, &Definition)> = [
        (Source::Leaders, leaders.map(|s| s.definition)),
        (Source::Practitioners, practitioners.map(|s| s.definition)),
        (Source::Feedback, feedback.map(|s| s.definition)),
    ]
    .into_iter()
    .filter_map(|(source, d)| d.map(|d| (source, d)))
    .collect();
    let mut seen: Vec<&ThemeId> = Vec::new();
    let mut themes = Vec::new();
    for (_, definition) in &definitions {
        for theme in &definition.themes {
            if seen.contains(&&theme.id) {
                continue;
            }
            seen.push(&theme.id);
            let askers = definitions
                .iter()
                .filter(|(_, d)| asks(d, &theme.id))
                .count();
            if askers < 2 {
                continue;
            }
            let views = [
                (Source::Leaders, audit_view(leaders, &theme.id)),
                (Source::Practitioners, audit_view(practitioners, &theme.id)),
                (Source::Feedback, feedback_view(feedback, &theme.id)),
            ];
            let mut gaps = Vec::new();
            for (i, (first, a)) in views.iter().enumerate() {
                for (second, b) in &views[i + 1..] {
                    if let (Some((pa, sa)), Some((pb, sb))) = (a.position(), b.position()) {
                        let gap = distance(pa, pb);
                        let point = if sa.cmp_value(sb).is_ge() { sa } else { sb };
                        if gap.cmp_value(point).is_ge() {
                            gaps.push(Gap {
                                first: *first,
                                second: *second,
                                gap,
                            });
                        }
                    }
                }
            }
            let [(_, leaders_view), (_, practitioners_view), (_, feedback_view)] = views;
            themes.push(ThemeViews {
                theme: theme.id.clone(),
                title: theme.title.to_string(),
                leaders: leaders_view,
                practitioners: practitioners_view,
                feedback: feedback_view,
                gaps,
            });
        }
    }
    Triangulation { themes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{summarise, FeedbackPool};
    use crate::scoring::score;
    use crate::test_fixtures::{audit, choices, feedback, response};

    fn f(n: u64, d: u64) -> Fraction {
        Fraction::new(n, d).unwrap()
    }

    fn feedback_on(pairs: &[&[(&str, &str)]]) -> FeedbackSummary {
        let pool = FeedbackPool::from_responses(
            pairs
                .iter()
                .enumerate()
                .map(|(i, p)| response(&format!("r{i}"), "2.0.0", "2026-10-01", choices(p))),
        );
        summarise(&feedback(), &pool)
    }

    #[test]
    fn t1_only_themes_asked_by_two_sources_are_triangulated() {
        let a = audit();
        let fb = feedback();
        let s = score(&a, &choices(&[("lead-1", "mostly")]));
        let summary = feedback_on(&[]);
        let t = triangulate(
            Some(AuditSource {
                definition: &a,
                scores: &s,
            }),
            None,
            Some(FeedbackSource {
                definition: &fb,
                summary: &summary,
            }),
        );
        // Leadership: both ask. Supervision: only the audit asks (the feedback defines the theme
        // but has no question in it). Whole life: only the feedback.
        let ids: Vec<&str> = t.themes.iter().map(|t| t.theme.as_str()).collect();
        assert_eq!(ids, ["leadership"]);
        assert_eq!(t.themes[0].practitioners, View::NotAsked);
        assert_eq!(t.themes[0].feedback, View::Suppressed);
    }

    #[test]
    fn t2_positions_are_normalised_to_their_own_scale() {
        assert_eq!(normalise(2, &[0, 1, 2, 3]), Some((f(2, 3), f(1, 3))));
        assert_eq!(normalise(3, &[1, 2, 3, 4, 5]), Some((f(2, 4), f(1, 4))));
        assert_eq!(normalise(1, &[0, 1]), Some((f(1, 1), f(1, 1))));
    }

    #[test]
    fn t3_audit_positions_are_the_unweighted_mean_of_items() {
        let a = audit();
        // lead-1 (weight 2) mostly = 2/3, lead-2 not yet = 0: mean 1/3 (weights ignored).
        let leaders = score(&a, &choices(&[("lead-1", "mostly"), ("lead-2", "not-yet")]));
        let practitioners = score(&a, &choices(&[("lead-1", "achieved"), ("lead-2", "dk")]));
        let t = triangulate(
            Some(AuditSource {
                definition: &a,
                scores: &leaders,
            }),
            Some(AuditSource {
                definition: &a,
                scores: &practitioners,
            }),
            None,
        );
        let theme = &t.themes[0];
        assert_eq!(theme.theme.as_str(), "leadership");
        assert_eq!(
            theme.leaders,
            View::Position {
                position: f(1, 3),
                step: f(1, 3),
                basis: 2
            }
        );
        assert_eq!(
            theme.practitioners,
            View::Position {
                position: f(1, 1),
                step: f(1, 3),
                basis: 1
            }
        );
    }

    #[test]
    fn t3_feedback_positions_come_from_the_counts_of_each_point() {
        let a = audit();
        let fb = feedback();
        // fb-2 (leadership, 0..4): agree (3) x4, strongly disagree (0) x1, not applicable x1.
        let summary = feedback_on(&[
            &[("fb-2", "agree")],
            &[("fb-2", "agree")],
            &[("fb-2", "agree")],
            &[("fb-2", "agree")],
            &[("fb-2", "strongly-disagree")],
            &[("fb-2", "na")],
        ]);
        let s = score(&a, &choices(&[]));
        let t = triangulate(
            Some(AuditSource {
                definition: &a,
                scores: &s,
            }),
            None,
            Some(FeedbackSource {
                definition: &fb,
                summary: &summary,
            }),
        );
        // (4 × 3/4 + 0) / 5 = 3/5.
        assert_eq!(
            t.themes[0].feedback,
            View::Position {
                position: f(3, 5),
                step: f(1, 4),
                basis: 5
            }
        );
        assert_eq!(t.themes[0].leaders, View::NoAnswers);
    }

    #[test]
    fn t3_feedback_with_fewer_than_five_is_suppressed() {
        let a = audit();
        let fb = feedback();
        let summary = feedback_on(&[&[("fb-2", "agree")], &[("fb-2", "agree")]]);
        let s = score(&a, &choices(&[("lead-1", "achieved")]));
        let t = triangulate(
            Some(AuditSource {
                definition: &a,
                scores: &s,
            }),
            None,
            Some(FeedbackSource {
                definition: &fb,
                summary: &summary,
            }),
        );
        assert_eq!(t.themes[0].feedback, View::Suppressed);
        assert!(t.themes[0].gaps.is_empty());
    }

    #[test]
    fn t4_one_scale_point_is_the_coarsest_step() {
        assert_eq!(coarsest([f(1, 4), f(1, 3), f(1, 2)]), Some(f(1, 2)));
    }

    #[test]
    fn t5_a_gap_of_one_point_on_the_coarser_scale_is_flagged() {
        let a = audit();
        let fb = feedback();
        // Leaders: lead-2 achieved (1). Practitioners: lead-2 mostly (2/3): a gap of exactly 1/3,
        // one point of the audit scale: flagged.
        let leaders = score(&a, &choices(&[("lead-2", "achieved")]));
        let practitioners = score(&a, &choices(&[("lead-2", "mostly")]));
        // Feedback: five agree (3/4). Against practitioners (2/3): 1/12, under 1/3: not flagged.
        // Against leaders (1): 1/4, under the coarser point 1/3: not flagged.
        let summary = feedback_on(&[&[("fb-2", "agree")][..]; 5]);
        let t = triangulate(
            Some(AuditSource {
                definition: &a,
                scores: &leaders,
            }),
            Some(AuditSource {
                definition: &a,
                scores: &practitioners,
            }),
            Some(FeedbackSource {
                definition: &fb,
                summary: &summary,
            }),
        );
        assert_eq!(
            t.themes[0].gaps,
            [Gap {
                first: Source::Leaders,
                second: Source::Practitioners,
                gap: f(1, 3)
            }]
        );
        // Feedback of five strongly disagree (0) is a whole point below everyone.
        let low = feedback_on(&[&[("fb-2", "strongly-disagree")][..]; 5]);
        let t = triangulate(
            Some(AuditSource {
                definition: &a,
                scores: &leaders,
            }),
            None,
            Some(FeedbackSource {
                definition: &fb,
                summary: &low,
            }),
        );
        assert_eq!(t.themes[0].gaps.len(), 1);
        assert_eq!(t.themes[0].gaps[0].second, Source::Feedback);
    }
}
