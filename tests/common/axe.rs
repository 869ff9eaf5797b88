//! Accessibility checks with axe-core (installed by `npm ci` into `node_modules/axe-core`).
//!
//! The script is injected through WebDriver's Execute Script, which the page's
//! Content-Security-Policy does not apply to, so the app itself never loads it.

use std::fmt;

use serde_json::{json, Value};

use super::browser::Browser;
use super::repo_root;

/// The WCAG 2.2 AA rule tags axe runs (A and AA rules of WCAG 2.0, 2.1 and 2.2).
pub const WCAG_22_AA_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// One failed axe rule and the elements that fail it.
#[derive(Clone, Debug)]
pub struct Violation {
    /// The rule id, e.g. `color-contrast`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// One line saying what the rule wants.
    pub help: String,
    /// Deque's explanation of the rule.
    pub help_url: String,
    /// Each failing element: its CSS selector and axe's summary of what to fix.
    pub nodes: Vec<(String, String)>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} ({}): {} <{}>",
            self.id, self.impact, self.help, self.help_url
        )?;
        for (target, summary) in &self.nodes {
            writeln!(f, "    at {target}: {}", summary.replace('\n', " "))?;
        }
        Ok(())
    }
}

/// What one axe run found.
#[derive(Clone, Debug)]
pub struct AxeReport {
    /// Failed rules.
    pub violations: Vec<Violation>,
    /// How many rules passed: zero means axe checked nothing, which is itself a failure.
    pub passed_rules: usize,
}

/// Runs axe-core with the WCAG 2.2 AA tags on the current page.
pub async fn run_axe(browser: &Browser) -> AxeReport {
    let path = repo_root().join("node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing ({}: {e}). Run `make setup` (it runs `npm ci`).",
            path.display()
        )
    });
    browser.execute(&source, vec![]).await;
    let result = browser
        .execute_async(
            r#"
            const [tags, done] = arguments;
            axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
              .then((r) => done({
                passed: r.passes.length,
                violations: r.violations.map((v) => ({
                  id: v.id,
                  impact: v.impact || "",
                  help: v.help,
                  helpUrl: v.helpUrl,
                  nodes: v.nodes.map((n) => [n.target.map(String).join(" "), n.failureSummary || ""]),
                })),
              }))
              .catch((e) => done({ error: String(e) }));
            "#,
            vec![json!(WCAG_22_AA_TAGS)],
        )
        .await;
    if let Some(error) = result.get("error") {
        panic!("axe-core failed: {error}");
    }
    let violations = result["violations"]
        .as_array()
        .expect("axe returns a list of violations")
        .iter()
        .map(|v| Violation {
            id: text(&v["id"]),
            impact: text(&v["impact"]),
            help: text(&v["help"]),
            help_url: text(&v["helpUrl"]),
            nodes: serde_json::from_value(v["nodes"].clone()).unwrap_or_default(),
        })
        .collect();
    AxeReport {
        violations,
        passed_rules: result["passed"].as_u64().unwrap_or(0) as usize,
    }
}

/// Panics, listing every violation with its impact, help and elements, unless axe-core finds
/// nothing wrong with the current page. `page` names the page in the message.
pub async fn assert_accessible(browser: &Browser, page: &str) {
    let report = run_axe(browser).await;
    assert!(
        report.passed_rules > 0,
        "axe-core checked no rules on {page}: is the page empty?"
    );
    assert!(
        report.violations.is_empty(),
        "axe-core found {} WCAG 2.2 AA violation(s) on {page}:\n{}",
        report.violations.len(),
        report
            .violations
            .iter()
            .map(|v| format!("  {v}"))
            .collect::<String>()
    );
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}
