//! `mhsw report`: writes the PDF report.
//!
//! For now it renders a serialised [`Report`] (`--from-report-json`), which makes the renderer
//! testable from the command line; making the report from a work file joins it when the report
//! builders land. Owns: reading the arguments and the JSON, writing the PDF, and saying what
//! was written. Must not touch: layout or report content.

use mhsw::pdf::render_pdf;
use mhsw::report::Report;

use crate::{read_text, Failure};

const USAGE: &str = "usage: mhsw report --from-report-json REPORT.json -o OUT.pdf";

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let mut from_json = None;
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--from-report-json" => from_json = Some(value(&mut rest, arg)?),
            "-o" | "--output" => out = Some(value(&mut rest, arg)?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => {
                return Err(Failure::usage(format!(
                    "mhsw report: `{other}` is not an option here; making a report from a \
                     work file is not available yet.\n{USAGE}"
                )))
            }
        }
    }
    let (Some(from_json), Some(out)) = (from_json, out) else {
        return Err(Failure::usage(format!(
            "mhsw report: name the report JSON and the PDF to write.\n{USAGE}"
        )));
    };
    let text = read_text(from_json)?;
    let report: Report = serde_json::from_str(&text).map_err(|e| {
        Failure::problems(format!(
            "{from_json}: this is not a report in the expected form (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
    })?;
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

/// The value after an option.
fn value<'a>(
    rest: &mut impl Iterator<Item = &'a String>,
    option: &str,
) -> Result<&'a str, Failure> {
    rest.next()
        .map(String::as_str)
        .ok_or_else(|| Failure::usage(format!("mhsw report: {option} needs a value.\n{USAGE}")))
}
