//! `mhsw peers`: not built yet.

use crate::Failure;

/// Runs the subcommand.
pub fn run(_args: &[String]) -> Result<(), Failure> {
    Err(Failure::usage(
        "mhsw peers: this command is not available yet",
    ))
}
