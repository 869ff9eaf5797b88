//! The triangulation part of the audit report: leaders', practitioners' and service users' and
//! carers' views of the same themes side by side, with the gaps of a scale point or more named.
//!
//! Owns: the wording and order of that part. Must not touch: how views are placed or compared
//! (rules T1 to T5 in `crate::benchmark::triangulation`).

use crate::benchmark::triangulation::{Source, Triangulation, View};

use super::parts::{heading, paragraph, table};
use super::Block;

fn view_words(view: &View) -> String {
    match view {
        View::Position {
            position, basis, ..
        } => format!(
            "{} of the way up the scale ({basis} {})",
            position.display(),
            if *basis == 1 { "answer" } else { "answers" }
        ),
        View::Suppressed => "Fewer than five responses: not shown".to_owned(),
        View::NoAnswers => "No answers to place".to_owned(),
        View::NotAsked => "Not asked".to_owned(),
    }
}

/// The blocks of the triangulation part.
pub fn triangulation_blocks(triangulation: &Triangulation) -> Vec<Block> {
    let mut blocks = vec![
        heading(1, "Leaders, practitioners and people who use services, side by side"),
        paragraph(
            "Each view of a theme is placed from the bottom of its own scale (0%) to the top (100%), so different questionnaires can be set side by side. Where two views differ by at least one point on the coarser of their scales, the gap is named: it is worth talking about what each group sees.",
        ),
    ];
    if triangulation.themes.is_empty() {
        blocks.push(paragraph(
            "No theme is asked about by two of the views chosen, so there is nothing to set side by side.",
        ));
        return blocks;
    }
    let rows = triangulation
        .themes
        .iter()
        .map(|theme| {
            let gaps = if theme.gaps.is_empty() {
                "None of a scale point or more".to_owned()
            } else {
                theme
                    .gaps
                    .iter()
                    .map(|gap| {
                        format!(
                            "{} and {}: {} apart",
                            gap.first.label(),
                            lower(gap.second.label()),
                            gap.gap.display()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            vec![
                theme.title.clone(),
                view_words(theme.view(Source::Leaders)),
                view_words(theme.view(Source::Practitioners)),
                view_words(theme.view(Source::Feedback)),
                gaps,
            ]
        })
        .collect();
    blocks.push(table(
        "Views of each shared theme",
        &[
            ("Theme", 3),
            (Source::Leaders.label(), 3),
            (Source::Practitioners.label(), 3),
            (Source::Feedback.label(), 3),
            ("Gaps of a scale point or more", 4),
        ],
        rows,
        Some("Feedback is shown only for themes with at least five responses. Items answered \u{201c}Not applicable\u{201d}, \u{201c}Don't know\u{201d} or \u{201c}Prefer not to say\u{201d} are left out."),
    ));
    blocks
}

fn lower(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
