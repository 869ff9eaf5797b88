//! Pieces shared by the report builders: block shorthands, standing wording, and the plan table.
//!
//! Owns: wording used by more than one report (the caveats, the alignment line, how a missing
//! score is said) so that it cannot drift between them.
//! Must not touch: layout (renderers decide it) or anything computed (scores come in).

use crate::date::Date;
use crate::definition::{Definition, PlanFieldKind, Tone};
use crate::lang::Lang;
pub use crate::plan::source_words;
use crate::plan::{overdue, summarise, PlanRow, PlanSummary, RowSource};
use crate::scoring::{Counts, Score};
use crate::work::Work;

use super::audit_words::{self as words, word};
use super::{Block, Column, Fact, Meta, Table, TextStyle};

/// How every report states what the tools are and are not.
pub const ALIGNMENT_LINE: &str = "This toolkit is aligned with the 2016 \u{201c}Social work for better mental health\u{201d} tools (the strategic statement, the organisational self-assessment and the guidance on feedback from people who use services and carers). Its questions and wording are its own: it is not a reproduction of those tools.";

/// What a self-assessment is not.
pub const SELF_ASSESSMENT_CAVEAT: &str = "These results are a self-assessment by the people who completed it, using the evidence they had. They are not an inspection rating, a regulatory judgement or an external audit, and they should be read alongside other evidence, such as feedback from practitioners, people who use services and carers.";

/// What is said where a score would go but nothing was scorable.
pub const NOTHING_SCORABLE: &str = "Nothing scorable yet";

/// A definition's text as a report gives it: in `lang` where the definition has it, else in
/// its own language (English reports give the primary text, as they always have).
pub fn in_lang(lang: Lang, text: &crate::text::Text) -> String {
    match lang {
        Lang::En => text.to_string(),
        _ => text.get(lang).to_owned(),
    }
}

/// A table: its caption, its columns as (heading, share of the width), its rows (one cell per
/// column) and the note under it, if any.
pub fn table(
    caption: impl Into<String>,
    columns: &[(&str, u8)],
    rows: Vec<Vec<String>>,
    note: Option<&str>,
) -> Block {
    Block::Table(Table {
        caption: caption.into(),
        columns: columns
            .iter()
            .map(|&(heading, width)| Column::new(heading, width))
            .collect(),
        rows,
        note: note.map(str::to_owned),
    })
}

/// The document metadata every report carries.
pub fn meta(title: &str, author: &str, subject: &str, keywords: &[&str]) -> Meta {
    meta_in(Lang::En, title, author, subject, keywords)
}

/// The document metadata of a report written in `lang`: its keywords in that language, and
/// `lang` as the document language (the PDF's `/Lang`).
pub fn meta_in(lang: Lang, title: &str, author: &str, subject: &str, keywords: &[&str]) -> Meta {
    Meta {
        title: title.to_owned(),
        author: author.to_owned(),
        subject: subject.to_owned(),
        keywords: keywords
            .iter()
            .map(|k| words::phrase(lang, k).to_owned())
            .collect(),
        language: lang.bcp47().to_owned(),
    }
}

/// The footer line in `lang`: the work's name and the day the report was made.
pub fn footer_in(lang: Lang, work: &Work, today: Date) -> String {
    let name = name_of_in(lang, work);
    let date = today.long_in(lang);
    // A name given on the day ("Strategic statement, 7 December 2026") already says it.
    if name.ends_with(&date) {
        name
    } else {
        format!("{name}, {date}")
    }
}

/// The work's name, or a stand-in in `lang` when it has none.
pub fn name_of_in(lang: Lang, work: &Work) -> String {
    if work.name.trim().is_empty() {
        word(lang, "Untitled work").to_owned()
    } else {
        work.name.trim().to_owned()
    }
}

/// A value, or "Not recorded" when empty.
pub fn or_not_recorded(text: &str) -> String {
    or_not_recorded_in(Lang::En, text)
}

/// A value, or "Not recorded" in `lang` when empty.
pub fn or_not_recorded_in(lang: Lang, text: &str) -> String {
    if text.trim().is_empty() {
        word(lang, "Not recorded").to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// A heading.
pub fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// An ordinary paragraph.
pub fn paragraph(text: impl Into<String>) -> Block {
    styled(text, TextStyle::Normal)
}

/// A paragraph in a given style.
pub fn styled(text: impl Into<String>, style: TextStyle) -> Block {
    Block::Paragraph {
        text: text.into(),
        style,
    }
}

/// A boxed notice.
pub fn notice(title: impl Into<String>, text: impl Into<String>) -> Block {
    Block::Notice {
        title: title.into(),
        text: text.into(),
    }
}

/// A question and what was said about it on one line: `Supervision is regular: Partly`, or
/// `Do you employ AMHPs? No` (a closing full stop gives way to the colon).
pub fn labelled(question: &str, value: &str) -> String {
    let question = question.trim();
    if question.ends_with('?') {
        format!("{question} {value}")
    } else {
        format!("{}: {value}", question.trim_end_matches('.'))
    }
}

/// A score and its band in words: `62% (Amber, partly achieved)`, or [`NOTHING_SCORABLE`] in
/// `lang` (a band's words are the definition's).
pub fn score_brief_in(lang: Lang, score: Option<&Score>) -> String {
    match score {
        Some(Score {
            fraction,
            band: Some(band),
        }) => format!("{} ({})", fraction.display(), band.words()),
        Some(score) => score.fraction.display(),
        None => word(lang, "nothing scorable yet").to_owned(),
    }
}

/// A score in words, or [`NOTHING_SCORABLE`] in `lang`.
pub fn score_words_in(lang: Lang, score: Option<&Score>) -> String {
    score.map_or_else(|| word(lang, NOTHING_SCORABLE).to_owned(), Score::label)
}

/// A score's tone, neutral when there is none.
pub fn tone_of(score: Option<&Score>) -> Tone {
    score.map_or(Tone::Neutral, Score::tone)
}

/// "3 questions" / "1 question".
pub fn count_of(n: u32, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        grouped(u64::from(n)),
        if n == 1 { one } else { many }
    )
}

/// A whole number with thousands separated by commas, as British English writes it: 50,000.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What a feedback collection's own page says about its size: every response counted for the
/// practitioner, and, below the smallest group a report shows (A7), how many more are needed.
pub fn collection_size(count: usize) -> String {
    let minimum = crate::aggregate::MINIMUM_GROUP as usize;
    let held = match count {
        0 => "No responses yet.".to_owned(),
        1 => "1 response so far.".to_owned(),
        n => format!("{} responses so far.", grouped(n as u64)),
    };
    if count >= minimum {
        format!("{held} The combined report can show its figures.")
    } else {
        let more = minimum - count;
        format!(
            "{held} {more} more {} needed before the combined report shows any figures: groups smaller than {minimum} are never shown, so that nobody can be identified.",
            if more == 1 { "is" } else { "are" }
        )
    }
}

/// The counts of an audit or section as labelled facts in `lang`.
pub fn count_facts_in(lang: Lang, counts: &Counts) -> Vec<Fact> {
    let completion = counts.completion().map_or_else(
        || word(lang, "no questions shown").to_owned(),
        |c| c.display(),
    );
    let of = match lang {
        Lang::En => "of",
        Lang::Cy => "o",
    };
    vec![
        Fact::new(
            word(lang, "Answered"),
            format!("{} {of} {} ({completion})", counts.answered, counts.shown),
        ),
        Fact::new(
            word(lang, "Not applicable"),
            counts.not_applicable.to_string(),
        ),
        Fact::new(
            word(lang, "Don't know (evidence gaps)"),
            counts.dont_know.to_string(),
        ),
        Fact::new(
            word(lang, "Prefer not to say"),
            counts.prefer_not_to_say.to_string(),
        ),
        Fact::new(
            word(lang, "Not answered yet"),
            counts.unanswered.to_string(),
        ),
    ]
}

/// Where a plan stands, as labelled facts in `lang`: actions, each status, overdue, due for
/// review and missing a required field.
pub fn plan_facts_in(lang: Lang, summary: &PlanSummary) -> Vec<Fact> {
    let mut facts = vec![Fact::new(word(lang, "Actions"), summary.rows.to_string())];
    facts.extend(
        summary
            .by_status
            .iter()
            .map(|(status, n)| Fact::new(words::status(lang, *status), n.to_string())),
    );
    let overdue = match lang {
        Lang::En => format!("Overdue on {}", summary.today.long()),
        Lang::Cy => format!("Yn hwyr ar {}", summary.today.long_in(lang)),
    };
    facts.push(Fact::new(overdue, summary.overdue.to_string()));
    facts.push(Fact::new(
        word(lang, "Due for review"),
        summary.review_due.to_string(),
    ));
    facts.push(Fact::new(
        word(lang, "Missing a required field"),
        summary.incomplete.to_string(),
    ));
    facts
}

/// Where a plan row came from, in `lang`: the question's text in `lang` where the definition
/// gives it, else in its own language ([`source_words`] in English).
pub fn source_words_in(lang: Lang, definition: &Definition, source: &RowSource) -> String {
    if lang == Lang::En {
        return source_words(definition, source);
    }
    match source {
        RowSource::Question(id) => definition.question(id).map_or_else(
            || words::question_no_longer_asked(lang, id.as_str()),
            |q| q.text.get(lang).to_owned(),
        ),
        RowSource::Section(id) => definition.section(id).map_or_else(
            || words::section_id(lang, id.as_str()),
            |s| words::from_section(lang, s.title.get(lang)),
        ),
        RowSource::Added => words::added_by_the_team(lang).to_owned(),
    }
}

/// The plan's rows as a report shows them, its own words in `lang`: their summary (how many at
/// each status, what is overdue) and the table under `caption`; or, with no rows, a line saying
/// so.
pub fn plan_rows_in(
    lang: Lang,
    definition: &Definition,
    rows: &[PlanRow],
    today: Date,
    caption: &str,
) -> Vec<Block> {
    if rows.is_empty() {
        return vec![paragraph(word(
            lang,
            "No actions have been added to the plan yet.",
        ))];
    }
    let summary = summarise(rows, definition.plan.as_ref(), today);
    vec![
        Block::Facts(plan_facts_in(lang, &summary)),
        Block::Table(plan_table_in(lang, definition, rows, today, caption)),
    ]
}

/// The improvement plan as a table: where each row came from, then the definition's columns
/// (their labels in `lang` where the definition gives them), the report's own words in `lang`.
pub fn plan_table_in(
    lang: Lang,
    definition: &Definition,
    rows: &[PlanRow],
    today: Date,
    caption: &str,
) -> Table {
    let default_fields = [
        (PlanFieldKind::Action, "Action"),
        (PlanFieldKind::Lead, "Lead"),
        (PlanFieldKind::Partners, "Partners"),
        (PlanFieldKind::TargetDate, "Target date"),
        (PlanFieldKind::SuccessMeasure, "How we will know"),
        (PlanFieldKind::Status, "Status"),
        (PlanFieldKind::ReviewDate, "Review date"),
    ];
    let fields: Vec<(PlanFieldKind, String)> = match &definition.plan {
        Some(plan) => plan
            .fields
            .iter()
            .map(|f| (f.field, f.label.get(lang).to_owned()))
            .collect(),
        None => default_fields
            .iter()
            .map(|(k, l)| (*k, word(lang, l).to_owned()))
            .collect(),
    };
    let mut columns = vec![Column::new(word(lang, "Raised from"), 3)];
    columns.extend(fields.iter().map(|(kind, label)| {
        let width = match kind {
            PlanFieldKind::Action | PlanFieldKind::SuccessMeasure => 4,
            PlanFieldKind::Lead | PlanFieldKind::Partners => 2,
            _ => 2,
        };
        Column::new(label.clone(), width)
    }));
    let date =
        |d: Option<Date>| d.map_or_else(|| word(lang, "Not set").to_owned(), |d| d.long_in(lang));
    let text = |t: &str| {
        if t.trim().is_empty() {
            word(lang, "Not written yet").to_owned()
        } else {
            t.trim().to_owned()
        }
    };
    let plan_rows = rows;
    let rows = plan_rows
        .iter()
        .map(|row| {
            let mut cells = vec![source_words_in(lang, definition, &row.source)];
            cells.extend(fields.iter().map(|(kind, _)| match kind {
                PlanFieldKind::Action => text(&row.action),
                PlanFieldKind::Lead => text(&row.lead),
                PlanFieldKind::Partners => text(&row.partners),
                PlanFieldKind::TargetDate => date(row.target_date),
                PlanFieldKind::SuccessMeasure => text(&row.success_measure),
                PlanFieldKind::Status => {
                    let status = words::status(lang, row.status);
                    match (overdue(row, today), lang) {
                        (true, Lang::En) => format!("{status} (overdue)"),
                        (true, Lang::Cy) => format!("{status} (yn hwyr)"),
                        (false, _) => status.to_owned(),
                    }
                }
                PlanFieldKind::ReviewDate => date(row.review_date),
            }));
            cells
        })
        .collect();
    // The note explains "(overdue)" where a status cell says it, and only there.
    let says_overdue = fields
        .iter()
        .any(|(kind, _)| *kind == PlanFieldKind::Status)
        && plan_rows.iter().any(|row| overdue(row, today));
    Table {
        caption: caption.to_owned(),
        columns,
        rows,
        note: says_overdue.then(|| match lang {
            Lang::En => format!(
                "Overdue means not done or stopped, with a target date before {}.",
                today.long()
            ),
            Lang::Cy => format!(
                "Ystyr yn hwyr yw heb ei wneud na’i atal, gyda dyddiad targed cyn {}.",
                today.long_in(lang)
            ),
        }),
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn the_overdue_note_stands_only_under_a_status_that_says_overdue() {
        use crate::test_fixtures::{audit, date};
        let mut definition = audit();
        let today = date("2026-12-07");
        let late = PlanRow {
            action: "Agree a supervision policy".to_owned(),
            target_date: Some(date("2026-11-01")),
            ..PlanRow::blank("late", RowSource::Added)
        };
        let on_time = PlanRow {
            target_date: Some(date("2027-01-01")),
            ..PlanRow::blank("on-time", RowSource::Added)
        };
        let note =
            |d: &Definition, rows: &[PlanRow]| plan_table_in(Lang::En, d, rows, today, "Plan").note;
        assert_eq!(note(&definition, std::slice::from_ref(&on_time)), None);
        assert_eq!(
            note(&definition, &[on_time.clone(), late.clone()]).as_deref(),
            Some("Overdue means not done or stopped, with a target date before 7 December 2026.")
        );
        // Without a status column no cell says "(overdue)", so nothing is explained.
        if let Some(plan) = definition.plan.as_mut() {
            plan.fields.retain(|f| f.field != PlanFieldKind::Status);
        }
        assert_eq!(note(&definition, &[late]), None);
    }

    #[test]
    fn a_footer_says_the_date_once() {
        use crate::test_fixtures::{audit, date, work};
        let today = date("2026-12-07");
        let mut w = work(
            &audit(),
            "North audit",
            crate::responses::Responses::default(),
        );
        assert_eq!(
            footer_in(Lang::En, &w, today),
            "North audit, 7 December 2026"
        );
        w.name = "Strategic statement, 7 December 2026".to_owned();
        assert_eq!(
            footer_in(Lang::En, &w, today),
            "Strategic statement, 7 December 2026"
        );
        w.name = "Datganiad, 7 Rhagfyr 2026".to_owned();
        assert_eq!(footer_in(Lang::Cy, &w, today), "Datganiad, 7 Rhagfyr 2026");
    }

    #[test]
    fn numbers_are_grouped_in_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(50_000), "50,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn a_collection_says_how_many_more_are_needed_below_five() {
        assert!(collection_size(0).starts_with("No responses yet. 5 more are needed"));
        assert!(collection_size(4).starts_with("4 responses so far. 1 more is needed"));
        assert_eq!(
            collection_size(50_000),
            "50,000 responses so far. The combined report can show its figures."
        );
    }
}
