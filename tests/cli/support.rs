//! What every command-line test needs: running the real `mhsw` binary, reading what it printed,
//! the test fixtures, throw-away folders, and the PDF readers (qpdf, pdftotext).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate's root, where `mhsw` runs, so paths read as an author types them.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The path of a file in `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The bundled questionnaires' folder.
pub fn questionnaires() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires")
}

/// Runs `mhsw` with `args` from the crate's root.
pub fn mhsw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mhsw"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the mhsw binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder for one test's files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mhsw-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A path as the `&str` a command line takes.
pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs a PDF reader and returns what it printed; fails the test if it is missing or fails.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` could not be run ({e}); install Debian's qpdf and poppler-utils")
    });
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
