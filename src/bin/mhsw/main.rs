//! `mhsw`: the toolkit's command line, for authors, analysts and batch reports.
//!
//! Owns: reading arguments and files, writing output and exit codes. Every subcommand is a thin
//! edge around the pure core in the `mhsw` library; no scoring or report logic lives here.

mod check;
mod manifest;
mod peers;
mod report;
mod score;

use std::process::ExitCode;

const USAGE: &str = "\
mhsw: the mental health social work toolkit on the command line

Usage:
  mhsw check FILE...                       Check questionnaire definitions; list every problem
  mhsw score DEFINITION WORK_FILE [--table] Score a work file (exported from the app) as JSON or a table
  mhsw peers FILE... [-o OUT]              Build an anonymised peer reference set from exported audits
                                           (see `mhsw peers --help` for --type and --nation)
  mhsw report WORK_FILE -o report.pdf [--definitions DIR]
                                           Make the PDF report for an exported piece of work
  mhsw report --from-report-json REPORT.json -o report.pdf
                                           Render a serialised report model as a PDF
  mhsw manifest FOLDER [--check]           Write the home page summaries into FOLDER/manifest.json
                                           (--check: only say whether they are up to date)
  mhsw schema                              Print the JSON Schema of the definition format
  mhsw help                                Show this help
";

/// A failure to show the user: the message, and the exit code.
pub struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// A failure with exit code 1 (the input had problems).
    pub fn problems(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 1,
        }
    }

    /// A failure with exit code 2 (the command was used wrongly, or a file could not be read).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 2,
        }
    }
}

/// Reads a file as text, with a message that names it.
pub fn read_text(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("{path}: cannot read the file ({e})")))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "check" => check::run(rest),
        "score" => score::run(rest),
        "peers" => peers::run(rest),
        "manifest" => manifest::run(rest),
        "report" => report::run(rest),
        "schema" => {
            print!("{}", mhsw::definition::schema::definition_schema_json());
            Ok(())
        }
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::usage(format!(
            "mhsw: there is no command `{other}`.\n\n{USAGE}"
        ))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
