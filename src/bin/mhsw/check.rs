//! `mhsw check FILE...`: validates definitions and prints every problem.

use crate::{read_text, Failure};

/// Checks each file; exits 1 when any has a problem, after reporting all of them.
pub fn run(files: &[String]) -> Result<(), Failure> {
    if files.is_empty() {
        return Err(Failure::usage(
            "mhsw check: name at least one definition file, for example questionnaires/*.json",
        ));
    }
    let mut failed = 0usize;
    for file in files
        .iter()
        .filter(|f| !f.ends_with("schema.json") && !f.ends_with("manifest.json"))
    {
        let text = match read_text(file) {
            Ok(text) => text,
            Err(failure) => {
                eprintln!("{}", failure.message);
                failed += 1;
                continue;
            }
        };
        match mhsw::definition::load_definition(file, &text) {
            Ok(definition) => println!(
                "{file}: ok ({}, version {}, {} sections, {} questions)",
                definition.title,
                definition.version,
                definition.sections.len(),
                definition.questions().count()
            ),
            Err(error) => {
                print!("{error}");
                failed += 1;
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::problems(format!(
            "{failed} {} with problems",
            if failed == 1 { "file" } else { "files" }
        )))
    }
}
