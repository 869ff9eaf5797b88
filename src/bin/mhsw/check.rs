//! `mhsw check FILE...`: validates definitions and prints every problem.
//!
//! Owns: reading each named file, printing its problems (or a one-line summary when it is fine) on
//! standard output, and the exit code: 0 when every definition is fine, 1 when any has a problem
//! or cannot be read, 2 when the command is used wrongly.
//! Must not touch: what makes a definition good (the library's `definition::load`).

use std::io::Write;
use std::path::Path;

use crate::{read_text, Failure};

/// Files beside the definitions that are not definitions themselves.
const NOT_DEFINITIONS: [&str; 2] = ["schema.json", "manifest.json"];

/// Checks each file; exits 1 when any has a problem, after reporting all of them.
pub fn run(files: &[String]) -> Result<(), Failure> {
    if files.is_empty() {
        return Err(Failure::usage(
            "mhsw check: name at least one definition file, for example questionnaires/*.json",
        ));
    }
    // Output that cannot be written (a closed pipe, as in `mhsw check … | head`) is dropped;
    // the exit code still tells the truth.
    let mut out = std::io::stdout().lock();
    let mut checked = 0usize;
    let mut failed = 0usize;
    let mut loaded = Vec::new();
    for file in files {
        let name = Path::new(file).file_name().and_then(|n| n.to_str());
        if name.is_some_and(|n| NOT_DEFINITIONS.contains(&n)) {
            let _ = writeln!(out, "{file}: skipped (not a definition)");
            continue;
        }
        checked += 1;
        let text = match read_text(file) {
            Ok(text) => text,
            Err(failure) => {
                let _ = writeln!(out, "{}", failure.message);
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
                    "{file}: ok ({}, version {}, {sections} {}, {questions} {})",
                    definition.title,
                    definition.version,
                    if sections == 1 { "section" } else { "sections" },
                    if questions == 1 {
                        "question"
                    } else {
                        "questions"
                    },
                );
            }
            Err(error) => {
                let _ = write!(out, "{error}");
                failed += 1;
            }
        }
    }
    // What only the files together can show: statements naming their audit's sections.
    let definitions: Vec<&mhsw::definition::Definition> = loaded.iter().map(|(_, d)| d).collect();
    let together = mhsw::definition::validate::validate_together(&definitions);
    for (index, problem) in &together {
        let _ = writeln!(out, "{}: {problem}", loaded[*index].0);
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
