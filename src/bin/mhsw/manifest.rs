//! `mhsw manifest FOLDER [--check]`: writes the summaries into a questionnaire folder's
//! `manifest.json`, so the app's home page lists the tools before it has fetched and checked
//! each file (see the library's `manifest` module).
//!
//! Owns: reading the folder's manifest and the definitions it lists, writing the manifest back,
//! and the exit code: 0 when written (or, with `--check`, already up to date); 1 when a listed
//! definition has problems (nothing is written) or, with `--check`, a summary is stale; 2 when the
//! command is used wrongly or a file cannot be read.

use std::path::Path;

use mhsw::definition::{load_definition, Definition};
use mhsw::manifest::{self, Manifest};

use crate::{input, read_text, Failure};

/// Write the home page summaries into FOLDER/manifest.json
#[derive(clap::Args)]
#[command(
    after_help = "Exit code: 0 when written (or, with --check, up to date); 1 when a listed definition has problems (nothing is written) or, with --check, a summary is stale."
)]
pub struct Args {
    /// The questionnaire folder, for example questionnaires
    #[arg(value_name = "FOLDER")]
    folder: String,
    /// Only say whether the summaries are up to date; write nothing
    #[arg(long)]
    check: bool,
}

/// Rewrites (or, with `--check`, checks) the manifest of the folder named in `args`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let check_only = args.check;
    let folder = &args.folder;
    let path = Path::new(folder.as_str()).join(manifest::FILE_NAME);
    let path_text = path.display().to_string();
    const FIX: &str = "it needs at least { \"definitions\": [\"a-file.json\"] }";
    let text = read_text(&path_text)?;
    if let Some(error) = input::syntax_error(&text) {
        return Err(input::not_json(&path_text, &text, &error, FIX));
    }
    let current: Manifest = serde_json::from_str(&text).map_err(|e| {
        Failure::problems(format!(
            "{path_text}: the file is JSON, but not a manifest ({e}). Fix: {FIX}"
        ))
    })?;

    let mut definitions: Vec<(String, Definition)> = Vec::new();
    let mut problems = Vec::new();
    for file in &current.definitions {
        let file_path = Path::new(folder.as_str()).join(file).display().to_string();
        match load_definition(&file_path, &read_text(&file_path)?) {
            Ok(definition) => definitions.push((file.clone(), definition)),
            Err(error) => problems.push(error.to_string()),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::problems(format!(
            "{}\nmhsw manifest: {path_text} was not changed. Fix the problems above (or take the file out of \"definitions\"), then run this again.",
            problems.join("\n")
        )));
    }

    let pairs = || definitions.iter().map(|(f, d)| (f.as_str(), d));
    let stale = manifest::stale_summaries(&current, pairs());
    let extra = current.summaries.len() != definitions.len();
    if check_only {
        if stale.is_empty() && !extra {
            println!(
                "{path_text}: summaries up to date ({} definitions)",
                definitions.len()
            );
            return Ok(());
        }
        return Err(Failure::problems(format!(
            "{path_text}: the summaries of {} do not match the definitions. Fix: run `mhsw manifest {folder}`.",
            if stale.is_empty() { "unlisted files".to_owned() } else { stale.join(", ") }
        )));
    }
    let text = Manifest::build(pairs()).to_file_text();
    std::fs::write(&path, text)
        .map_err(|e| Failure::usage(format!("{path_text}: cannot write the file ({e})")))?;
    println!(
        "{path_text}: written, with summaries of {} definitions",
        definitions.len()
    );
    Ok(())
}
