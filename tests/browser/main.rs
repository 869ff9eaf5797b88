//! The browser tests: the built app (`dist/`, from `make dist`) in headless Chromium, driven as a
//! person would (real key presses, clicks, several tabs, Back, a phone's width and 400% zoom, a
//! blocked or failing store), with axe-core on the screens reached. One binary, one module per
//! concern; the support code they share is `tests/common/` and the prelude below.
//!
//! Run with `make test`, or after `make dist` with
//! `cargo test -p mhsw-toolkit --features browser-tests --test browser` (add a module's name,
//! e.g. `-- feedback::`, to run one concern). `MHSW_DIST=/path/to/dist` tests another build.
//! Each test has its own server, chromedriver and browser profile, so they run in parallel, and
//! each ends by checking that the console holds no error and no panic.

#[path = "../common/mod.rs"]
mod common;

mod audit;
mod collection_mode;
mod feedback;
mod found;
mod journeys;
mod offline;
mod paper;
mod pdf;
mod people_dec1b;
mod plan;
mod questionnaires;
mod score;
mod start;
mod storage;
mod sweep;
mod typing;
mod welsh;
mod welsh_council;
mod welsh_interface;

/// What every module of this binary uses: the support code, and the helpers one concern's
/// journeys share with another's.
mod prelude {
    pub(crate) use std::path::Path;
    pub(crate) use std::time::Duration;

    pub(crate) use crate::common;
    pub(crate) use crate::common::axe::{assert_accessible, run_axe};
    pub(crate) use crate::common::browser::DEFAULT_TIMEOUT;
    pub(crate) use crate::common::journey::*;
    pub(crate) use crate::common::{release_name, repo_root, screenshot_path, DistCopy, TestApp};
    pub(crate) use fantoccini::key::Key;
    pub(crate) use fantoccini::Locator;
    pub(crate) use mhsw::aggregate::SUPPRESSED_LABEL;
    pub(crate) use mhsw::definition::{load_definition, AnswerKind};
    pub(crate) use mhsw::ids::QuestionId;
    pub(crate) use mhsw::responses::{Answer, ItemResponse, Priority};
    pub(crate) use mhsw::work::{export_work, parse_work};
    pub(crate) use serde_json::{json, Value};

    pub(crate) use crate::collection_mode::*;
    pub(crate) use crate::feedback::*;
    pub(crate) use crate::offline::*;
    pub(crate) use crate::pdf::*;
    pub(crate) use crate::storage::*;
    pub(crate) use crate::typing::*;

    /// Waits a moment for late failures, checks the console, and closes the browser.
    pub(crate) async fn finish(app: TestApp) {
        finish_allowing(app, &[]).await;
    }

    /// Like [`finish`], ignoring console errors that contain one of `expected` (a request the
    /// test makes fail on purpose).
    pub(crate) async fn finish_allowing(app: TestApp, expected: &[&str]) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        app.browser.assert_no_console_errors_except(expected).await;
        app.close().await;
    }

    /// Text with every run of white space made one space.
    pub(crate) fn normalise(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub(crate) fn assert_contains(haystack: &str, needle: &str, context: &str) {
        assert!(
            haystack.contains(needle),
            "{context}: expected to find {needle:?} in:\n{haystack}"
        );
    }

    /// With the question `question` just opened from the button `button` by Enter and focus on
    /// its safe answer: Enter again (a key held down or pressed twice) keeps everything and puts
    /// focus back on the button; Enter opens the question again and Escape answers it the same way.
    pub(crate) async fn keep_twice_by_keyboard(
        b: &common::browser::Browser,
        button: &str,
        question: &str,
    ) {
        assert!(
            focused(b).await.contains("No, keep it"),
            "after Enter on “{button}”, focus should be on the safe answer, “No, keep it”; it is on {}",
            focused(b).await
        );
        press(b, &[Key::Enter]).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(
            focused(b).await.contains(button),
            "after “No, keep it”, focus should be back on “{button}”; it is on {}",
            focused(b).await
        );
        press(b, &[Key::Enter]).await;
        b.wait_for_text(question, QUICK).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        press(b, &[Key::Escape]).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(
            focused(b).await.contains(button),
            "after Escape, focus should be back on “{button}”; it is on {}",
            focused(b).await
        );
        assert_lacks(&main_text(b).await, question, "after Escape");
    }

    pub(crate) fn assert_lacks(haystack: &str, needle: &str, context: &str) {
        assert!(
            !haystack.contains(needle),
            "{context}: did not expect {needle:?} in:\n{haystack}"
        );
    }
}
