//! The pure core of the mental health social work toolkit.
//!
//! A pipeline of pure stages, shared by the browser app, the `mhsw` command line and the tests:
//!
//! ```text
//! questionnaires/*.json ──load──▶ Definition (typed, validated)
//! user input ───────────────────▶ Responses
//! (Definition, Responses) ──score──▶ Scores
//! (Scores, history, peers, plan) ──report──▶ Report (neutral document)
//! Report ──pdf──▶ PDF bytes (feature `pdf`)
//! ```
//!
//! Nothing here touches a browser, a file system or a clock: dates, ids and "now" come in as
//! arguments, so every stage is tested natively in milliseconds.

pub mod aggregate;
pub mod benchmark;
pub mod carry;
pub mod case;
pub mod csv;
pub mod date;
pub mod definition;
pub mod frameworks;
pub mod ids;
pub mod lang;
pub mod limits;
pub mod list_map;
pub mod manifest;
pub mod messages;
pub mod number;
pub mod order;
pub mod paper;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod plan;
mod pull;
pub mod reading;
pub mod report;
pub mod responses;
pub mod scoring;
pub mod screens;
pub mod store;
pub mod text;
mod unique_keys;
pub mod work;

/// Small definitions and work files for tests, here and in the workers' own tests (feature
/// `fixtures`); never in a shipped build.
#[cfg(any(test, feature = "fixtures"))]
#[doc(hidden)]
pub mod test_fixtures;
