//! `mhsw`: the toolkit's command line, for authors, analysts and batch reports.
//!
//! Owns: the command line's grammar (with `clap`: every subcommand's arguments and help are
//! declared once, beside the code that runs it), reading files, writing output and exit codes.
//! Every subcommand is a thin edge around the pure core in the `mhsw` library; no scoring or
//! report logic lives here.
//!
//! Exit codes: 0 done; 1 the input had problems (a definition, a work file, a stale manifest);
//! 2 the command was used wrongly (clap's errors, too) or a file could not be read or written.

mod check;
mod input;
mod manifest;
mod peers;
mod report;
mod score;
mod terminal;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub use input::read_text;

/// The mental health social work toolkit on the command line.
#[derive(Parser)]
#[command(
    name = "mhsw",
    version,
    propagate_version = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    Check(check::Args),
    Score(score::Args),
    Peers(peers::Args),
    Report(report::Args),
    Manifest(manifest::Args),
    /// Print the JSON Schema of the definition format
    Schema,
    /// Print a shell completion script
    #[command(
        after_help = "For example: mhsw completions bash > ~/.local/share/bash-completion/completions/mhsw"
    )]
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
    /// Print this help, or the help of a command
    Help {
        /// The command to explain
        #[arg(value_parser = known_command)]
        command: Option<String>,
    },
}

/// Checks the command named in `mhsw help COMMAND`; an unknown name is refused with the
/// commands there are and, where one is close, that one.
fn known_command(name: &str) -> Result<String, String> {
    let cli = Cli::command();
    let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&name) {
        return Ok(name.to_owned());
    }
    let nearest = names
        .iter()
        .map(|n| (edits(name, n), *n))
        .filter(|(d, _)| *d <= 2)
        .min();
    let tip = nearest.map_or(String::new(), |(_, n)| format!("; did you mean `{n}`?"));
    Err(format!(
        "there is no command `{name}` (the commands are {}){tip}",
        names.join(", ")
    ))
}

/// How many single-letter changes turn `a` into `b` (insertions, deletions, substitutions).
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

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

    /// The message, as the terminal is to show it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Writes `text` to standard output in one go. A reader that stops early (`mhsw schema | head`)
/// is not a failure: the rest was not wanted.
fn print_all(text: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::usage(
            format!("the output could not be written: {error}"),
        )),
        _ => Ok(()),
    }
}

/// Writes a command's help to standard output.
fn print_help(command: &mut clap::Command) -> Result<(), Failure> {
    print_all(command.render_help().to_string().as_bytes())
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let result = match cli.command {
        // `mhsw` alone shows the help, as `mhsw help` does.
        None | Some(Command::Help { command: None }) => print_help(&mut Cli::command()),
        Some(Command::Help {
            command: Some(name),
        }) => {
            let mut cli = Cli::command();
            cli.build();
            match cli.find_subcommand_mut(&name) {
                Some(command) => print_help(command),
                None => Err(Failure::usage(format!("there is no command `{name}`"))),
            }
        }
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Score(args)) => score::run(&args),
        Some(Command::Peers(args)) => {
            let found = matches.subcommand_matches("peers");
            peers::run(&args, found.map(peers::Order::of).unwrap_or_default())
        }
        Some(Command::Report(args)) => report::run(&args),
        Some(Command::Manifest(args)) => manifest::run(&args),
        Some(Command::Schema) => {
            print_all(mhsw::definition::schema::definition_schema_json().as_bytes())
        }
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "mhsw", &mut script);
            print_all(&script)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", terminal::lines(&failure.message));
            ExitCode::from(failure.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_declared_consistently() {
        Cli::command().debug_assert();
    }
}
