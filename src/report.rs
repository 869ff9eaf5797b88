//! The neutral report document: one model that feeds both the HTML results page and the PDF, so
//! wording and order cannot drift apart.
//!
//! Owns: the document model (metadata, cover, a flat list of blocks). Builders that turn scores,
//! plans and feedback into a `Report` live in submodules; renderers (the app's HTML, `crate::pdf`)
//! only draw what is here and never decide content.
//! Must not touch: fonts, pages, pixels or HTML.

pub mod audit;
pub mod audit_words;
pub mod feedback;
mod for_work;
pub use for_work::{report_for_work, Context};
mod parts;
pub use parts::{collection_size, grouped, source_words_in};
pub mod plan;
pub mod statement;
pub mod triangulation;
pub mod words;

use serde::{Deserialize, Serialize};

use crate::definition::Tone;

pub use audit::{audit_report, AuditReportInput, PreviousCycle};
pub use feedback::{feedback_report, feedback_report_in, report_language_choice};
pub use plan::plan_report;
pub use statement::{statement_report, LatestAudit};

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Document metadata (also written into the PDF's information dictionary).
    pub meta: Meta,
    /// The line at the foot of every page, for example "North Team audit, 2026 baseline, 22 November 2026".
    pub footer: String,
    /// Which way up the pages are.
    pub orientation: Orientation,
    /// The cover page, when the report has one.
    pub cover: Option<Cover>,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// Document metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The document title.
    pub title: String,
    /// Who made it (the organisation or the practitioner's team).
    pub author: String,
    /// What it is about.
    pub subject: String,
    /// Keywords for search.
    pub keywords: Vec<String>,
    /// The BCP 47 language tag: `en-GB`, or `cy` for a report in Welsh.
    pub language: String,
}

/// Page orientation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    /// A4 upright.
    #[default]
    Portrait,
    /// A4 on its side (for wide tables such as the plan on its own).
    Landscape,
}

/// The cover page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cover {
    /// The big title, for example the audit's name.
    pub title: String,
    /// The line under it, for example "Organisational self-assessment".
    pub subtitle: String,
    /// Labelled facts: organisation, date, who took part, questionnaire version.
    pub facts: Vec<Fact>,
    /// A statement at the foot of the cover (alignment with the 2016 toolkit, what it is not).
    pub statement: String,
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// The label, for example "Date".
    pub label: String,
    /// The value, for example "22 November 2026".
    pub value: String,
}

impl Fact {
    /// Makes a fact.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// One piece of content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A heading; level 1 starts a major part (the PDF keeps it with what follows).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The words.
        text: String,
    },
    /// A paragraph of running text. Line breaks in the text are kept.
    Paragraph {
        /// The words.
        text: String,
        /// How it is set.
        style: TextStyle,
    },
    /// A boxed notice, for example a caveat or a suppression note.
    Notice {
        /// Its title.
        title: String,
        /// Its text.
        text: String,
    },
    /// Labelled facts, set as a two-column list.
    Facts(Vec<Fact>),
    /// A list of points.
    Bullets(Vec<String>),
    /// A list of warnings that weigh more than any score, such as legal risks. Each item is
    /// marked with a warning sign as well as its own words (which say what it is), never by
    /// colour alone.
    Warnings(Vec<String>),
    /// A horizontal bar chart of percentages. Every bar carries its value and band in words.
    BarChart(BarChart),
    /// A table. Its header row repeats after a page break.
    Table(Table),
    /// Start a new page.
    PageBreak,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextStyle {
    /// Ordinary text.
    #[default]
    Normal,
    /// Smaller text, for notes and captions.
    Small,
    /// A lead paragraph or key figure, set larger.
    Lead,
    /// A quotation of free text someone wrote (shown as their words, never as markup).
    Quote,
}

/// A bar chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    /// What the chart shows, also its text alternative's first sentence.
    pub caption: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// What the bar measures, for example a section title.
    pub label: String,
    /// The percentage from 0 to 100, or `None` when nothing was scorable (no bar is drawn).
    pub percent: Option<f64>,
    /// The value in words, for example "62%: Amber, partly achieved" or "Nothing scorable yet".
    pub value_label: String,
    /// The band's tone, drawn as a fill pattern as well as a colour.
    pub tone: Tone,
    /// A marker, for example last year's or the peer median, with its label.
    pub marker: Option<Marker>,
}

/// A comparison marker on a bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// Where it sits, 0 to 100.
    pub percent: f64,
    /// What it is, for example "Last cycle: 48%".
    pub label: String,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column.
    pub rows: Vec<Vec<String>>,
    /// A note under the table, for example how suppression works.
    pub note: Option<String>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The header.
    pub heading: String,
    /// Its share of the width, relative to the other columns.
    pub width: u8,
}

impl Column {
    /// Makes a column.
    pub fn new(heading: impl Into<String>, width: u8) -> Self {
        Self {
            heading: heading.into(),
            width,
        }
    }
}

impl Report {
    /// Takes out the report's opening part when it starts with the level-1 heading `heading`:
    /// that heading and every block up to the next level-1 heading (empty otherwise). The
    /// results page shows the audit's legal risks ([`audit::LEGAL_RISKS_HEADING`]) this way,
    /// above its controls, and the rest of the same report below them.
    pub fn take_opening_part(&mut self, heading: &str) -> Vec<Block> {
        let opens = matches!(self.blocks.first(), Some(Block::Heading { level: 1, text }) if text == heading);
        if !opens {
            return Vec::new();
        }
        let end = self
            .blocks
            .iter()
            .skip(1)
            .position(|b| matches!(b, Block::Heading { level: 1, .. }))
            .map_or(self.blocks.len(), |at| at + 1);
        self.blocks.drain(..end).collect()
    }

    /// Every piece of text in the report, in reading order: for tests, search and the worker's
    /// size estimate.
    pub fn plain_text(&self) -> String {
        let mut out = vec![self.meta.title.clone()];
        if let Some(cover) = &self.cover {
            out.push(cover.title.clone());
            out.push(cover.subtitle.clone());
            out.extend(
                cover
                    .facts
                    .iter()
                    .map(|f| format!("{}: {}", f.label, f.value)),
            );
            out.push(cover.statement.clone());
        }
        for block in &self.blocks {
            match block {
                Block::Heading { text, .. } | Block::Paragraph { text, .. } => {
                    out.push(text.clone())
                }
                Block::Notice { title, text } => {
                    out.push(title.clone());
                    out.push(text.clone());
                }
                Block::Facts(facts) => {
                    out.extend(facts.iter().map(|f| format!("{}: {}", f.label, f.value)))
                }
                Block::Bullets(items) | Block::Warnings(items) => out.extend(items.iter().cloned()),
                Block::BarChart(chart) => {
                    out.push(chart.caption.clone());
                    out.extend(
                        chart
                            .bars
                            .iter()
                            .map(|b| format!("{}: {}", b.label, b.value_label)),
                    );
                }
                Block::Table(table) => {
                    out.push(table.caption.clone());
                    out.push(
                        table
                            .columns
                            .iter()
                            .map(|c| c.heading.as_str())
                            .collect::<Vec<_>>()
                            .join(" | "),
                    );
                    out.extend(table.rows.iter().map(|r| r.join(" | ")));
                    out.extend(table.note.clone());
                }
                Block::PageBreak => {}
            }
        }
        out.join("\n")
    }
}
