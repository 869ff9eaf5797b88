//! `mhsw score DEFINITION WORK_FILE [--table]`: scores an exported piece of work, as JSON or as
//! a table, with any workforce figures (number answers, never scored) listed after the scores.
//!
//! Owns: reading the two files and printing. The scores come from `mhsw::scoring::score`.

use mhsw::carry::kept_aside;
use mhsw::definition::{load_definition, Definition};
use mhsw::scoring::{score, Counts, Score, Scores};
use mhsw::work::{check_answers, reconcile, ImportError, Work};

use crate::{input, read_text, terminal, Failure};

/// Score a work file exported from the app, as JSON or a table
#[derive(clap::Args)]
pub struct Args {
    /// The questionnaire definition the work answers
    #[arg(value_name = "DEFINITION")]
    definition: String,
    /// A piece of work exported from the app
    #[arg(value_name = "WORK_FILE")]
    work: String,
    /// Print an aligned table instead of JSON
    #[arg(long)]
    table: bool,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<(), Failure> {
    let (definition_path, work_path, table) =
        (args.definition.as_str(), args.work.as_str(), args.table);
    let definition = load_definition(definition_path, &read_text(definition_path)?)
        .map_err(|e| Failure::problems(e.to_string().trim_end().to_owned()))?;
    let work = read_work(work_path, &definition)?;
    let scores = score(&definition, &work.responses);
    if table {
        crate::print_all(render_table(&definition, &work, &scores).as_bytes())
    } else {
        let json = serde_json::to_string_pretty(&scores)
            .map_err(|e| Failure::problems(format!("mhsw score: cannot write the scores ({e})")))?;
        crate::print_all(format!("{json}\n").as_bytes())
    }
}

/// Reads a work file and checks it answers the definition; notes on standard error what
/// scoring will pass over.
fn read_work(path: &str, definition: &Definition) -> Result<Work, Failure> {
    let mut work = input::work(path, &read_text(path)?)?;
    if work.definition.id != definition.id {
        return Err(Failure::problems(format!(
            "{path}: the work answers the questionnaire `{}`, but the definition given is `{}`. Give the definition of `{}`",
            work.definition.id, definition.id, work.definition.id
        )));
    }
    if work.definition.version != definition.version {
        eprintln!(
            "note: {path} was saved with version {} of `{}`; it is scored against version {}, matching answers by question id",
            work.definition.version, definition.id, definition.version
        );
    }
    match check_answers(&work, definition) {
        Ok(()) => {}
        Err(ImportError::BadAnswers { count, details }) => eprintln!(
            "note: {path}: {count} {} not fit this version and {} as not answered: {}",
            if count == 1 {
                "answer does"
            } else {
                "answers do"
            },
            if count == 1 { "counts" } else { "count" },
            terminal::field(&details)
        ),
        Err(other) => eprintln!("note: {path}: {}", terminal::lines(&other.to_string())),
    }
    // Carry answers to retired questions, and keep the rest aside (K1, K2), as the app does.
    let change = reconcile(&mut work, definition, None);
    for (old, new) in &change.carried {
        eprintln!(
            "note: {path}: the answer to `{old}` counts for `{new}`, the question that replaced it"
        );
    }
    for kept in kept_aside(definition, &work.set_aside) {
        eprintln!(
            "note: {path}: kept aside, not scored: {} ({}){}",
            terminal::field(&kept.question),
            kept.id,
            kept.answer
                .map(|a| format!(", answer: {}", terminal::field(&a)))
                .unwrap_or_default()
        );
    }
    Ok(work)
}

fn band_words(score: Option<&Score>, shown: bool) -> (String, String) {
    match score {
        Some(score) => (
            score.fraction.display(),
            score
                .band
                .as_ref()
                .map_or_else(String::new, |b| terminal::field(&b.label).into_owned()),
        ),
        None if shown => ("none".to_owned(), "nothing scorable".to_owned()),
        None => ("-".to_owned(), "not needed".to_owned()),
    }
}

fn count_cells(counts: &Counts) -> [String; 5] {
    [
        format!("{} of {}", counts.answered, counts.shown),
        counts.not_applicable.to_string(),
        counts.dont_know.to_string(),
        counts.prefer_not_to_say.to_string(),
        counts.unanswered.to_string(),
    ]
}

/// The scores as an aligned plain-text table, one row per section and one for the overall score.
fn render_table(definition: &Definition, work: &Work, scores: &Scores) -> String {
    let header = [
        "Section",
        "Score",
        "Band",
        "Answered",
        "N/A",
        "Don't know",
        "Prefer not to say",
        "Unanswered",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    for section in &scores.sections {
        let (score, band) = band_words(section.score.as_ref(), section.shown);
        let mut row = vec![terminal::field(&section.title).into_owned(), score, band];
        row.extend(count_cells(&section.counts));
        rows.push(row);
    }
    let (score, band) = band_words(scores.overall.as_ref(), true);
    let mut overall = vec!["Overall".to_owned(), score, band];
    overall.extend(count_cells(&scores.counts));
    rows.push(overall);

    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = format!(
        "{}: {}\n\n",
        terminal::field(&definition.version_label()),
        terminal::field(&work.name)
    );
    out.push_str(&line(&header.map(str::to_owned)));
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for (index, row) in rows.iter().enumerate() {
        if index == rows.len() - 1 {
            out.push_str(&line(
                &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
            ));
        }
        out.push_str(&line(row));
    }
    for item in scores.legal_risks() {
        out.push_str(&format!(
            "\nLegal risk: {} Answer: {}.",
            terminal::field(
                definition
                    .text_of(&item.question)
                    .map_or(item.question.as_str(), |t| t.as_str())
            ),
            terminal::field(item.chosen.as_deref().unwrap_or("not answered"))
        ));
    }
    if scores.legal_risks().next().is_some() {
        out.push('\n');
    }
    out.push_str("\nPercentages are rounded down. Not applicable, don't know and prefer not to say are left out of scores.\n");
    if !scores.figures.is_empty() {
        out.push_str("\nWorkforce profile (figures as given, not scored):\n");
        for figure in &scores.figures {
            out.push_str(&format!(
                "  {}: {}\n",
                terminal::field(&figure.title),
                terminal::field(&figure.shown())
            ));
        }
    }
    out
}
