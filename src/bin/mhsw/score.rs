//! `mhsw score`: not built yet.

use crate::Failure;

/// Runs the subcommand.
pub fn run(_args: &[String]) -> Result<(), Failure> {
    Err(Failure::usage(
        "mhsw score: this command is not available yet",
    ))
}
