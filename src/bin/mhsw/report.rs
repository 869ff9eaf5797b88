//! `mhsw report`: not built yet.

use crate::Failure;

/// Runs the subcommand.
pub fn run(_args: &[String]) -> Result<(), Failure> {
    Err(Failure::usage(
        "mhsw report: this command is not available yet",
    ))
}
