//! `mhsw report`: makes the same PDF the app makes, from an exported piece of work.
//!
//! Owns: reading the arguments and files, writing the PDF, and saying what was written. The
//! report's content comes from `mhsw::report::report_for_work`, exactly as in the app.

use std::path::Path;

use mhsw::definition::{load_definition, Definition, ToolKind};
use mhsw::lang::Lang;
use mhsw::pdf::{render_pdf_with, Script};
use mhsw::report::{report_for_work, Context, Report};
use mhsw::work::Work;

use crate::{input, read_text, Failure};

/// Make the PDF report for an exported piece of work
#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["work", "from_report_json"]))]
pub struct Args {
    /// A piece of work exported from the app (audit, feedback, statement, record)
    #[arg(value_name = "WORK_FILE")]
    work: Option<String>,
    /// Render a serialised report model (REPORT.json) instead of a work file
    #[arg(long, value_name = "REPORT.json", conflicts_with_all = ["previous", "peers", "audit", "practitioners", "feedback", "plan_only", "date", "lang"])]
    from_report_json: Option<String>,
    /// The PDF to write
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    out: String,
    /// Where the questionnaires are
    #[arg(long, value_name = "DIR", default_value = "questionnaires")]
    definitions: String,
    /// An earlier cycle of the same audit, to compare with
    #[arg(long, value_name = "FILE")]
    previous: Option<String>,
    /// A peer reference set made by `mhsw peers`
    #[arg(long, value_name = "FILE")]
    peers: Option<String>,
    /// For a statement: the latest audit it draws on
    #[arg(long, value_name = "FILE")]
    audit: Option<String>,
    /// For an audit: practitioners' answers to the same audit, side by side
    #[arg(long, value_name = "FILE")]
    practitioners: Option<String>,
    /// For an audit: a feedback collection, side by side
    #[arg(long, value_name = "FILE")]
    feedback: Option<String>,
    /// The improvement plan on its own (landscape)
    #[arg(long)]
    plan_only: bool,
    /// The report's date, YYYY-MM-DD [default: the work's last change]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Write the report in Welsh (cy) or English (en): a feedback report where the questionnaire
    /// is written in that language; an audit, statement or plan with its own words in it and the
    /// questionnaire's where it has them [default: the questionnaire's primary language]
    #[arg(long, value_name = "LANG", value_parser = ["cy", "en"])]
    lang: Option<String>,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<(), Failure> {
    let out = args.out.as_str();
    let report = match (&args.from_report_json, &args.work) {
        (Some(json), None) => read_report_json(json)?,
        (None, Some(work)) => report_from_work(work, args)?,
        // clap requires exactly one of the two.
        _ => {
            return Err(Failure::usage(
                "mhsw report: name one work file (or --from-report-json)",
            ))
        }
    };
    let text = serde_json::to_string(&report).unwrap_or_default();
    let faces: Vec<(Script, &[u8])> = Script::all_in(&text)
        .into_iter()
        .map(|s| (s, script_face(s)))
        .collect();
    let pdf = render_pdf_with(&report, &faces)
        .map_err(|e| Failure::problems(format!("mhsw report: {e}")))?;
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
    if let Some(places) = mhsw::pdf::unshown_summary(&pdf.unshown) {
        println!("{places}");
    }
    Ok(())
}

/// The Noto face for `script` (scripts/subset-noto.sh), built into the command line.
fn script_face(script: Script) -> &'static [u8] {
    match script {
        Script::Arabic => include_bytes!("../../../assets/fonts/NotoNaskhArabic-subset.ttf"),
        Script::Bengali => include_bytes!("../../../assets/fonts/NotoSansBengali-subset.ttf"),
        Script::Devanagari => {
            include_bytes!("../../../assets/fonts/NotoSansDevanagari-subset.ttf")
        }
        Script::Gurmukhi => include_bytes!("../../../assets/fonts/NotoSansGurmukhi-subset.ttf"),
    }
}

fn read_report_json(path: &str) -> Result<Report, Failure> {
    let text = read_text(path)?;
    mhsw::limits::check_depth(&text)
        .map_err(|deep| Failure::problems(format!("{path}: this is not a report: {deep}")))?;
    if let Some(error) = input::syntax_error(&text) {
        return Err(input::not_json(
            path,
            &text,
            &error,
            "give a report model written by the toolkit, unchanged",
        ));
    }
    serde_json::from_str(&text).map_err(|e| {
        Failure::problems(format!(
            "{path}: the file is JSON, but not a report in the expected form (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
    })
}

fn read_work(path: &str) -> Result<Work, Failure> {
    input::work(path, &read_text(path)?)
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
        let Some(text) = input::read_quietly(&path) else {
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

fn report_from_work(path: &str, options: &Args) -> Result<Report, Failure> {
    let mut work = read_work(path)?;
    let definition = definition_for(&work, &options.definitions)?;
    mhsw::work::check_answers(&work, &definition)
        .map_err(|e| Failure::problems(format!("{path}: {e}")))?;
    mhsw::work::reconcile(&mut work, &definition, None);
    let previous = options.previous.as_deref().map(read_work).transpose()?;
    let peers = match options.peers.as_deref() {
        Some(file) => Some(read_peer_set(file)?),
        None => None,
    };
    // A work file named beside the main one, with the definition it was made with.
    let with_definition = |file: &str| {
        let work = read_work(file)?;
        definition_for(&work, &options.definitions).map(|definition| (definition, work))
    };
    let audit = options.audit.as_deref().map(with_definition).transpose()?;
    let practitioners = options
        .practitioners
        .as_deref()
        .map(read_work)
        .transpose()?;
    let feedback = options
        .feedback
        .as_deref()
        .map(with_definition)
        .transpose()?;
    let today = match options.date.as_deref() {
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
        language: chosen_language(&definition, options.lang.as_deref())?,
    };
    Ok(report_for_work(&definition, &work, context, today))
}

/// The language asked for with `--lang`, when the report can be written in it: a feedback
/// report only for a questionnaire written in it; the other reports always, since their own
/// words are written in English and Welsh (the questionnaire's texts stay as it gives them).
fn chosen_language(definition: &Definition, code: Option<&str>) -> Result<Option<Lang>, Failure> {
    let Some(lang) = code.and_then(Lang::from_code) else {
        return Ok(None);
    };
    if definition.kind != ToolKind::Feedback {
        return Ok(Some(lang));
    }
    if !definition.languages.contains(&lang) {
        return Err(Failure::usage(format!(
            "mhsw report: --lang {lang}: the questionnaire `{}` is not written in {}; it is written in {}",
            definition.id,
            lang.name(),
            definition
                .languages
                .iter()
                .map(|l| l.described())
                .collect::<Vec<_>>()
                .join(" and ")
        )));
    }
    Ok(Some(lang))
}

/// Reads a peer reference set, saying plainly when the file is not JSON at all.
fn read_peer_set(path: &str) -> Result<mhsw::benchmark::peers::PeerSet, Failure> {
    let text = read_text(path)?;
    if mhsw::limits::check_depth(&text).is_ok() {
        if let Some(error) = input::syntax_error(&text) {
            return Err(input::not_json(
                path,
                &text,
                &error,
                "choose a file made by `mhsw peers`, unchanged",
            ));
        }
    }
    mhsw::benchmark::peers::parse_peer_set(&text)
        .map_err(|e| Failure::problems(format!("{path}: {e}")))
}
