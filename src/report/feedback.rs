//! The feedback report: what service users and carers said, in aggregate, with small groups
//! suppressed.
//!
//! Owns: the content and order of the feedback report.
//! Must not touch: counting or suppression (it reads a [`FeedbackSummary`], which has already
//! applied them); layout; a clock.

use crate::aggregate::{FeedbackSummary, Group, UnplacedReason, MINIMUM_GROUP, SUPPRESSED_LABEL};
use crate::date::Date;
use crate::definition::{Definition, Tone};
use crate::work::Work;

use super::parts::{
    count_of, footer, heading, meta, name_of, notice, or_not_recorded, paragraph, styled,
    ALIGNMENT_LINE,
};
use super::{Bar, BarChart, Block, Column, Cover, Fact, Orientation, Report, Table, TextStyle};

/// The reminder shown above free text.
pub const FREE_TEXT_REMINDER: &str = "These are people's own words. Before sharing this report, read them and remove anything that could identify the person who wrote them or anyone they mention, such as names, places, dates or unusual details.";

/// Builds the feedback report from a collection and its summary.
pub fn feedback_report(
    definition: &Definition,
    work: &Work,
    summary: &FeedbackSummary,
    today: Date,
) -> Report {
    let collection = work.collection.as_ref();
    let about = collection.map_or("", |c| c.about.as_str());
    let period = match collection.and_then(|c| c.period_start.zip(c.period_end)) {
        Some((start, end)) => format!("{} to {}", start.long(), end.long()),
        None => "Not set".to_owned(),
    };
    let mut blocks = Vec::new();
    blocks.push(heading(1, "Summary"));
    blocks.push(styled(
        format!(
            "{} received{}.",
            responses(summary.responses),
            summary
                .period
                .map(|(first, last)| if first == last {
                    format!(", on {}", first.long())
                } else {
                    format!(", between {} and {}", first.long(), last.long())
                })
                .unwrap_or_default()
        ),
        TextStyle::Lead,
    ));
    blocks.push(paragraph(
        "Feedback is anonymous and is reported only in aggregate. Any question, theme or collection with fewer than five responses is not shown, so that nobody can be identified. Giving feedback is never a condition of getting a service.",
    ));
    versions_and_gaps(definition, summary, &mut blocks);

    if summary.collection == Group::Suppressed {
        blocks.push(notice(
            "Not enough responses to show",
            format!(
                "{SUPPRESSED_LABEL}. Nothing from this collection is shown until at least five people have responded."
            ),
        ));
    } else {
        themes(summary, &mut blocks);
        questions(definition, summary, &mut blocks);
    }

    blocks.push(heading(1, "Using this feedback"));
    blocks.push(paragraph(
        "This feedback is about practice and about how well people were involved in decisions. It is meant for reflection in supervision and for professional development, alongside other evidence; it is not a satisfaction score or a performance rating.",
    ));
    blocks.push(paragraph(ALIGNMENT_LINE));

    let name = name_of(work);
    Report {
        meta: meta(&name, about, &definition.title, &["feedback", "service users", "carers"]),
        footer: footer(work, today),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: name,
            subtitle: definition.title.to_string(),
            facts: vec![
                Fact::new("About the practice of", or_not_recorded(about)),
                Fact::new("Period", period),
                Fact::new("Responses", responses(summary.responses)),
                Fact::new("Report made", today.long()),
                Fact::new("Questionnaire", definition.version_label()),
            ],
            statement: "Anonymous feedback, reported in aggregate. Groups of fewer than five responses are not shown.".to_owned(),
        }),
        blocks,
    }
}

fn versions_and_gaps(definition: &Definition, summary: &FeedbackSummary, blocks: &mut Vec<Block>) {
    if summary.by_version.len() > 1 || summary.by_version.keys().any(|v| *v != summary.version) {
        let versions: Vec<String> = summary
            .by_version
            .iter()
            .map(|(version, n)| format!("version {version}: {n}"))
            .collect();
        blocks.push(paragraph(format!(
            "Responses came from more than one version of the questionnaire ({}). They are counted against version {} wherever the questions match.",
            versions.join("; "),
            summary.version
        )));
    }
    if !summary.unplaced.is_empty() {
        blocks.push(Block::Table(Table {
            caption: "Answers that could not be counted against this version".to_owned(),
            columns: vec![
                Column::new("Question", 5),
                Column::new("Why", 4),
                Column::new("Answers", 1),
            ],
            rows: summary
                .unplaced
                .iter()
                .map(|u| {
                    vec![
                        definition.text_of(u.question.as_str()).map_or_else(
                            || format!("Question {}", u.question),
                            |text| format!("{} ({})", text.trim(), u.question),
                        ),
                        match u.reason {
                            UnplacedReason::NotInThisVersion => "This version does not ask it",
                            UnplacedReason::NoLongerFits => "The answer is no longer one of its options",
                        }
                        .to_owned(),
                        u.answers.to_string(),
                    ]
                })
                .collect(),
            note: Some("These answers are kept in the collection; they are listed here rather than dropped.".to_owned()),
        }));
    }
    if summary.hidden_answers > 0 {
        blocks.push(paragraph(format!(
            "{} to questions that were not shown to that person (because of an earlier answer) {} not counted.",
            count_of(summary.hidden_answers, "answer", "answers"),
            if summary.hidden_answers == 1 { "is" } else { "are" }
        )));
    }
    if !summary.conflicting_ids.is_empty() {
        blocks.push(notice(
            "Duplicate responses",
            format!(
                "{} arrived more than once with different answers. The one submitted later is counted, once.",
                count_of(summary.conflicting_ids.len() as u32, "response", "responses")
            ),
        ));
    }
}

fn themes(summary: &FeedbackSummary, blocks: &mut Vec<Block>) {
    if summary.themes.is_empty() {
        return;
    }
    blocks.push(heading(1, "By theme"));
    blocks.push(Block::Table(Table {
        caption: "The share of people who agree, by theme".to_owned(),
        columns: vec![
            Column::new("Theme", 5),
            Column::new("Responses", 2),
            Column::new("Share that agree", 4),
        ],
        rows: summary
            .themes
            .iter()
            .filter(|t| t.questions > 0)
            .map(|t| {
                let share = match &t.agree {
                    Group::Suppressed => "Not shown: fewer than five responses".to_owned(),
                    Group::Shown(None) => "No rated answers to show".to_owned(),
                    Group::Shown(Some(f)) => format!(
                        "{} ({} of {})",
                        f.display(),
                        f.numerator(),
                        f.denominator()
                    ),
                };
                let responses = match t.responses {
                    0 => "None".to_owned(),
                    n if n < MINIMUM_GROUP => "Fewer than five".to_owned(),
                    n => n.to_string(),
                };
                vec![t.title.clone(), responses, share]
            })
            .collect(),
        note: Some("The share that agree counts the answers that agree, over all answers that gave a rating (not \u{201c}does not apply\u{201d} or \u{201c}prefer not to say\u{201d}), across the theme's questions whose own figures are shown.".to_owned()),
    }));
}

/// How many responses, without giving an exact count under five (A7).
fn responses(count: u32) -> String {
    match count {
        0 => "No responses".to_owned(),
        n if n < MINIMUM_GROUP => "Fewer than five responses".to_owned(),
        n => count_of(n, "response", "responses"),
    }
}

/// How many people, without giving an exact count under five (A7).
fn people(count: u32) -> String {
    match count {
        0 => "Nobody".to_owned(),
        n if n < MINIMUM_GROUP => "Fewer than five people".to_owned(),
        n => count_of(n, "person", "people"),
    }
}

fn questions(definition: &Definition, summary: &FeedbackSummary, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "By question"));
    for section in &definition.sections {
        blocks.push(heading(2, section.title.to_string()));
        for question in &section.questions {
            let Some(item) = summary.item(question.id.as_str()) else {
                continue;
            };
            blocks.push(heading(3, question.text.to_string()));
            blocks.push(paragraph(format!(
                "{} answered this question.",
                people(item.answered)
            )));
            let Group::Shown(figures) = &item.figures else {
                blocks.push(notice("Not shown", SUPPRESSED_LABEL));
                continue;
            };
            if !figures.options.is_empty() {
                blocks.push(Block::BarChart(BarChart {
                    caption: format!("How people answered: {}", question.text),
                    bars: figures
                        .options
                        .iter()
                        .map(|o| Bar {
                            label: o.label.clone(),
                            percent: Some(o.share.percent()),
                            value_label: format!(
                                "{} of {} ({})",
                                o.count,
                                item.answered,
                                o.share.display()
                            ),
                            tone: Tone::Neutral,
                            marker: None,
                        })
                        .collect(),
                }));
            }
            match &figures.agree {
                Some(Group::Shown(share)) => blocks.push(paragraph(format!(
                    "Share that agree: {} ({} of the {} people who gave a rating).",
                    share.display(),
                    share.numerator(),
                    share.denominator()
                ))),
                Some(Group::Suppressed) => blocks.push(paragraph(
                    "Share that agree: not shown, because fewer than five people gave a rating.",
                )),
                None => {}
            }
            if !figures.free_text.is_empty() {
                blocks.push(notice(
                    "Remove anything identifying before sharing",
                    FREE_TEXT_REMINDER,
                ));
                blocks.extend(
                    figures
                        .free_text
                        .iter()
                        .map(|text| styled(text.trim(), TextStyle::Quote)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{summarise, FeedbackPool};
    use crate::ids::QuestionId;
    use crate::responses::{Answer, ItemResponse};
    use crate::test_fixtures::{choices, date, feedback, feedback_work, response};

    fn collection(n: usize) -> (Definition, Work, FeedbackSummary) {
        let d = feedback();
        let responses = (0..n)
            .map(|i| {
                let mut r = choices(&[("fb-1", if i % 2 == 0 { "agree" } else { "disagree" })]);
                r.set(
                    QuestionId::new("fb-5"),
                    ItemResponse {
                        answer: Some(Answer::Text(format!("Thoughtful comment number {i}"))),
                        ..ItemResponse::default()
                    },
                );
                response(&format!("r{i:02}"), "2.0.0", "2026-10-01", r)
            })
            .collect::<Vec<_>>();
        let w = feedback_work(&d, responses);
        let s = summarise(&d, &FeedbackPool::from_work(&w));
        (d, w, s)
    }

    #[test]
    fn shows_distributions_agreement_and_free_text_with_a_reminder() {
        let (d, w, s) = collection(6);
        let text = feedback_report(&d, &w, &s, date("2026-11-22")).plain_text();
        assert!(
            text.contains("6 responses received, on 1 October 2026."),
            "{text}"
        );
        assert!(text.contains("Agree: 3 of 6 (50%)"));
        assert!(text.contains("Share that agree: 50% (3 of the 6 people who gave a rating)."));
        assert!(text.contains("Thoughtful comment number 4"));
        assert!(text.contains(FREE_TEXT_REMINDER));
        assert!(text.contains("About the practice of: North Team"));
        assert!(text.contains("Period: 1 September 2026 to 30 November 2026"));
        // fb-2 had no answers: suppressed, never 0%.
        assert!(text.contains(SUPPRESSED_LABEL));
        assert!(text.contains("My social worker was reliable.\nNobody answered this question."));
        assert!(text.contains("Professional leadership | None | Not shown"));
    }

    #[test]
    fn counts_under_five_are_not_given_exactly() {
        let (d, w, mut s) = collection(6);
        s.items[1].answered = 3;
        s.themes[0].responses = 2;
        let text = feedback_report(&d, &w, &s, date("2026-11-22")).plain_text();
        assert!(text.contains(
            "My social worker was reliable.\nFewer than five people answered this question."
        ));
        assert!(text.contains("Professional leadership | Fewer than five | Not shown"));
        assert!(!text.contains("3 people"));
    }

    #[test]
    fn fewer_than_five_responses_show_nothing() {
        let (d, w, s) = collection(4);
        let text = feedback_report(&d, &w, &s, date("2026-11-22")).plain_text();
        assert!(text.contains("Not enough responses to show"));
        assert!(text.contains("Fewer than five responses received, on 1 October 2026."));
        assert!(!text.contains('4'));
        assert!(!text.contains("Thoughtful comment"));
        assert!(!text.contains("Share that agree:"));
    }
}
