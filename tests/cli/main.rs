//! The `mhsw` command line, run as the real binary: one test binary, a module per concern, all
//! sharing the helpers in [`support`].
//!
//! - [`check`]: `mhsw check`, the definitions' problems.
//! - [`score`]: `mhsw score`. [`peers`]: `mhsw peers`. [`manifest`]: `mhsw manifest`.
//! - [`report`]: `mhsw report`, the PDF read back with qpdf and pdftotext (Debian's `qpdf` and
//!   `poppler-utils`; a missing tool fails the test, saying what to install).
//! - [`help`]: help, versions, unknown options, completions and the README's command table.
//! - [`input`]: reading files as the app does (encodings, shapes, control characters).

mod check;
mod help;
mod input;
mod manifest;
mod peers;
mod report;
mod score;
mod support;
#[path = "../common/welsh_collection.rs"]
mod welsh_collection;
