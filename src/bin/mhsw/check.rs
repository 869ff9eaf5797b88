//! `mhsw check FILE...`: validates definitions and prints every problem.
//!
//! Owns: reading each named file (a folder stands for the `.json` files in it), printing its problems (or a one-line summary when it is fine) on
//! standard output, and the exit code: 0 when every definition is fine, 1 when any has a problem
//! or cannot be read, 2 when the command is used wrongly.
//! Must not touch: what makes a definition good (the library's `definition::load`).

use std::io::Write;
use std::path::Path;

use crate::{read_text, terminal, Failure};

/// Files beside the definitions that are not definitions themselves.
const NOT_DEFINITIONS: [&str; 2] = ["schema.json", "manifest.json"];

/// Check questionnaire definitions; list every problem, with a fix
#[derive(clap::Args)]
#[command(after_help = "Exit code: 0 when every definition is fine, 1 when any has a problem.")]
pub struct Args {
    /// Definition files, for example questionnaires/*.json, or a folder of them (schema.json and
    /// manifest.json are skipped)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

/// Checks each file; exits 1 when any has a problem, after reporting all of them.
pub fn run(args: &Args) -> Result<(), Failure> {
    let files = &with_folders_opened(&args.files)?;
    // Output that cannot be written (a closed pipe, as in `mhsw check … | head`) is dropped;
    // the exit code still tells the truth.
    let mut out = std::io::stdout().lock();
    let mut checked = 0usize;
    let mut failed = 0usize;
    let mut loaded = Vec::new();
    for file in files {
        let name = Path::new(file).file_name().and_then(|n| n.to_str());
        if name.is_some_and(|n| NOT_DEFINITIONS.contains(&n)) {
            let _ = writeln!(out, "{}: skipped (not a definition)", terminal::field(file));
            continue;
        }
        checked += 1;
        let text = match read_text(file) {
            Ok(text) => text,
            Err(failure) => {
                let _ = writeln!(out, "{}", terminal::lines(failure.message()));
                failed += 1;
                continue;
            }
        };
        match mhsw::definition::load_definition(file, &text) {
            Ok(definition) => {
                let sections = definition.sections.len();
                loaded.push((file.clone(), definition.clone()));
                let questions = definition.questions().count();
                let _ = writeln!(
                    out,
                    "{}: ok ({}, version {}, {sections} {}, {questions} {})",
                    terminal::field(file),
                    terminal::field(definition.title.as_str()),
                    terminal::field(&definition.version.to_string()),
                    if sections == 1 { "section" } else { "sections" },
                    if questions == 1 {
                        "question"
                    } else {
                        "questions"
                    },
                );
            }
            Err(error) => {
                let _ = write!(out, "{}", terminal::lines(&error.to_string()));
                failed += 1;
            }
        }
    }
    // What only the files together can show: statements naming their audit's sections.
    let definitions: Vec<&mhsw::definition::Definition> = loaded.iter().map(|(_, d)| d).collect();
    let together = mhsw::definition::validate::validate_together(&definitions);
    for (index, problem) in &together {
        let line = format!("{}: {problem}", loaded[*index].0);
        let _ = writeln!(out, "{}", terminal::lines(&line));
    }
    if !together.is_empty() {
        failed += 1;
    }
    if checked == 0 {
        return Err(Failure::usage(
            "mhsw check: none of the files named is a definition (schema.json and manifest.json are skipped)",
        ));
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::problems(format!(
            "{failed} of {checked} {} with problems",
            if checked == 1 { "file" } else { "files" }
        )))
    }
}

/// The files named, with each folder replaced by the `.json` files directly in it, in name order.
fn with_folders_opened(named: &[String]) -> Result<Vec<String>, Failure> {
    let mut files = Vec::new();
    for name in named {
        let path = Path::new(name);
        if !path.is_dir() {
            files.push(name.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|error| {
            Failure::problems(format!(
                "mhsw check: the folder {name} cannot be read ({error})"
            ))
        })?;
        let mut inside: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_file())
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .filter(|file| file.ends_with(".json"))
            .map(|file| format!("{}/{file}", name.trim_end_matches('/')))
            .collect();
        inside.sort();
        files.extend(inside);
    }
    Ok(files)
}
