//! `mhsw report`: makes the same PDF the app makes, from an exported piece of work.
//!
//! Owns: reading the arguments and files, writing the PDF, and saying what was written. The
//! report's content comes from `mhsw::report::report_for_work`, exactly as in the app.

use std::path::Path;

use mhsw::definition::{load_definition, Definition};
use mhsw::pdf::render_pdf;
use mhsw::report::{report_for_work, Context, Report};
use mhsw::work::{parse_work, Work};

use crate::{read_text, Failure};

const USAGE: &str = "\
usage: mhsw report WORK_FILE -o report.pdf [options]
       mhsw report --from-report-json REPORT.json -o report.pdf

  WORK_FILE              a piece of work exported from the app (audit, feedback, statement, record)
  -o, --output FILE      the PDF to write
  --definitions DIR      where the questionnaires are (default: questionnaires)
  --previous FILE        an earlier cycle of the same audit, to compare with
  --peers FILE           a peer reference set made by `mhsw peers`
  --audit FILE           for a statement: the latest audit it draws on
  --practitioners FILE   for an audit: practitioners' answers to the same audit, side by side
  --feedback FILE        for an audit: a feedback collection, side by side
  --plan-only            the improvement plan on its own (landscape)
  --date YYYY-MM-DD      the report's date (default: the work's last change)";

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--from-report-json" => options.from_json = Some(value(&mut rest, arg)?),
            "-o" | "--output" => options.out = Some(value(&mut rest, arg)?),
            "--definitions" => options.definitions = value(&mut rest, arg)?,
            "--previous" => options.previous = Some(value(&mut rest, arg)?),
            "--peers" => options.peers = Some(value(&mut rest, arg)?),
            "--audit" => options.audit = Some(value(&mut rest, arg)?),
            "--practitioners" => options.practitioners = Some(value(&mut rest, arg)?),
            "--feedback" => options.feedback = Some(value(&mut rest, arg)?),
            "--plan-only" => options.plan_only = true,
            "--date" => options.date = Some(value(&mut rest, arg)?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other if !other.starts_with('-') && options.work.is_none() => {
                options.work = Some(other)
            }
            other => {
                return Err(Failure::usage(format!(
                    "mhsw report: `{other}` is not an option here.\n{USAGE}"
                )))
            }
        }
    }
    let Some(out) = options.out else {
        return Err(Failure::usage(format!(
            "mhsw report: name the PDF to write with -o.\n{USAGE}"
        )));
    };
    let report = match (options.from_json, options.work) {
        (Some(json), None) => read_report_json(json)?,
        (None, Some(work)) => report_from_work(work, &options)?,
        _ => {
            return Err(Failure::usage(format!(
                "mhsw report: name one work file (or --from-report-json).\n{USAGE}"
            )))
        }
    };
    let pdf = render_pdf(&report).map_err(|e| Failure::problems(format!("mhsw report: {e}")))?;
    std::fs::write(out, &pdf.bytes)
        .map_err(|e| Failure::usage(format!("{out}: cannot write the PDF ({e})")))?;
    println!(
        "{out}: {} {}, {} bytes, {} {} replaced",
        pdf.pages,
        if pdf.pages == 1 { "page" } else { "pages" },
        pdf.bytes.len(),
        pdf.replaced_characters,
        if pdf.replaced_characters == 1 {
            "character"
        } else {
            "characters"
        },
    );
    Ok(())
}

#[derive(Default)]
struct Options<'a> {
    work: Option<&'a str>,
    from_json: Option<&'a str>,
    out: Option<&'a str>,
    definitions: &'a str,
    previous: Option<&'a str>,
    peers: Option<&'a str>,
    audit: Option<&'a str>,
    practitioners: Option<&'a str>,
    feedback: Option<&'a str>,
    plan_only: bool,
    date: Option<&'a str>,
}

fn read_report_json(path: &str) -> Result<Report, Failure> {
    let text = read_text(path)?;
    mhsw::limits::check_depth(&text)
        .map_err(|deep| Failure::problems(format!("{path}: this is not a report: {deep}")))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::problems(format!(
            "{path}: this is not a report in the expected form (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
    })
}

fn read_work(path: &str) -> Result<Work, Failure> {
    parse_work(&read_text(path)?).map_err(|e| Failure::problems(format!("{path}: {e}")))
}

/// Finds the definition a piece of work answers among the files of a folder.
fn definition_for(work: &Work, folder: &str) -> Result<Definition, Failure> {
    let folder = if folder.is_empty() {
        "questionnaires"
    } else {
        folder
    };
    let entries = std::fs::read_dir(folder)
        .map_err(|e| Failure::usage(format!("{folder}: cannot read the folder ({e})")))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !name.ends_with(".json") || name == "schema.json" || name == "manifest.json" {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Ok(definition) = load_definition(&path.display().to_string(), &text) {
            if definition.id == work.definition.id {
                return Ok(definition);
            }
        }
    }
    Err(Failure::problems(format!(
        "the work answers the questionnaire `{}`, which is not in {}; name the folder that has it with --definitions",
        work.definition.id,
        Path::new(folder).display()
    )))
}

fn report_from_work(path: &str, options: &Options) -> Result<Report, Failure> {
    let mut work = read_work(path)?;
    let definition = definition_for(&work, options.definitions)?;
    mhsw::work::check_answers(&work, &definition)
        .map_err(|e| Failure::problems(format!("{path}: {e}")))?;
    mhsw::work::reconcile(&mut work, &definition, None);
    let previous = options.previous.map(read_work).transpose()?;
    let peers = match options.peers {
        Some(file) => Some(
            mhsw::benchmark::peers::parse_peer_set(&read_text(file)?)
                .map_err(|e| Failure::problems(format!("{file}: {e}")))?,
        ),
        None => None,
    };
    let audit = match options.audit {
        Some(file) => {
            let audit = read_work(file)?;
            let audit_definition = definition_for(&audit, options.definitions)?;
            Some((audit_definition, audit))
        }
        None => None,
    };
    let practitioners = options.practitioners.map(read_work).transpose()?;
    let feedback = match options.feedback {
        Some(file) => {
            let collection = read_work(file)?;
            let feedback_definition = definition_for(&collection, options.definitions)?;
            Some((feedback_definition, collection))
        }
        None => None,
    };
    let today = match options.date {
        Some(text) => text
            .parse()
            .map_err(|e| Failure::usage(format!("mhsw report: {e}")))?,
        None => work.updated,
    };
    let context = Context {
        previous: previous.as_ref(),
        peers: peers.as_ref(),
        latest_audit: audit.as_ref().map(|(d, w)| (d, w)),
        plan_only: options.plan_only,
        practitioners: practitioners.as_ref(),
        feedback: feedback.as_ref().map(|(d, w)| (d, w)),
    };
    Ok(report_for_work(&definition, &work, context, today))
}

/// The value after an option.
fn value<'a>(
    rest: &mut impl Iterator<Item = &'a String>,
    option: &str,
) -> Result<&'a str, Failure> {
    rest.next()
        .map(String::as_str)
        .ok_or_else(|| Failure::usage(format!("mhsw report: {option} needs a value.\n{USAGE}")))
}
