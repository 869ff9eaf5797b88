//! Performance figures for the toolkit: `make bench` builds `dist/` and runs this.
//!
//! Prints one table and writes the same rows to `target/bench.json`. Each benchmark is a
//! function that measures one subject and returns [`Row`]s; a row may carry a budget (the most
//! we accept) and says whether it is within it. Figures outside their budget are reported,
//! not failed: this is a benchmark, not a test. A figure from an operation that did not do its
//! work (an import that was not saved, say) is kept but marked failed, with the reason, and is
//! never said to be within its budget.
//!
//! To add a benchmark: write a module here with a `pub fn rows() -> Vec<Row>` and add it to
//! [`BENCHMARKS`]. `cargo bench --bench bench -- NAME` runs only benchmarks whose name
//! contains `NAME`. Native timings should use [`time_per_call`].

#[path = "../../tests/common/mod.rs"]
mod common;

mod app_timings;
mod browser_fixtures;
mod engine;
mod feedback_aggregate_browser;
mod feedback_import;
mod first_load;
mod keystroke_save;
mod pdf;
mod pdf_browser;
mod second_visit;
mod surveyjs;
mod unpack;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

/// One subject to measure.
struct Benchmark {
    /// Its name, matched by the command-line filter.
    name: &'static str,
    /// Measures it.
    rows: fn() -> Vec<Row>,
}

/// Every benchmark, in the order they run and print.
const BENCHMARKS: &[Benchmark] = &[
    Benchmark {
        name: "first_load",
        rows: first_load::rows,
    },
    Benchmark {
        name: "second_visit",
        rows: second_visit::rows,
    },
    Benchmark {
        name: "engine",
        rows: || from_goals(engine::rows()),
    },
    Benchmark {
        name: "pdf",
        rows: pdf::rows,
    },
    Benchmark {
        name: "app_timings",
        rows: app_timings::rows,
    },
    Benchmark {
        name: "keystroke_save",
        rows: keystroke_save::rows,
    },
    Benchmark {
        name: "feedback_import",
        rows: feedback_import::rows,
    },
    Benchmark {
        name: "feedback_aggregate_browser",
        rows: feedback_aggregate_browser::rows,
    },
    Benchmark {
        name: "pdf_browser",
        rows: pdf_browser::rows,
    },
    Benchmark {
        name: "surveyjs",
        rows: surveyjs::rows,
    },
    Benchmark {
        name: "unpack",
        rows: unpack::rows,
    },
];

/// Rows from benchmarks written as (name, value, unit, goal).
fn from_goals(rows: Vec<(String, f64, &'static str, Option<f64>)>) -> Vec<Row> {
    rows.into_iter()
        .map(|(name, value, unit, goal)| {
            let row = Row::new(name, value, unit);
            match goal {
                Some(goal) => row.with_budget(goal),
                None => row,
            }
        })
        .collect()
}

/// One measured figure.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// What was measured, e.g. `first load: gzip bytes`.
    pub name: String,
    /// The figure, in `unit`.
    pub value: f64,
    /// `bytes`, `files`, `ns`, …
    pub unit: &'static str,
    /// The most we accept, in `unit`, if there is a budget.
    pub budget: Option<f64>,
    /// Whether `value` is within `budget` (`None` when there is no budget, or the operation
    /// measured failed).
    pub within_budget: Option<bool>,
    /// Why the operation measured did not do its work, when it did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
}

impl Row {
    /// A figure with no budget.
    pub fn new(name: impl Into<String>, value: f64, unit: &'static str) -> Self {
        Self {
            name: name.into(),
            value,
            unit,
            budget: None,
            within_budget: None,
            failed: None,
        }
    }

    /// A figure that must be at most `budget`.
    pub fn with_budget(mut self, budget: f64) -> Self {
        self.budget = Some(budget);
        self.within_budget = self.failed.is_none().then_some(self.value <= budget);
        self
    }

    /// Marks the figure as coming from an operation that failed (`why`): it is shown as
    /// failed, and never as within its budget.
    pub fn failed(mut self, why: impl Into<String>) -> Self {
        self.failed = Some(why.into());
        self.within_budget = None;
        self
    }

    /// [`Row::failed`] when `failure` is some.
    pub fn failed_if(self, failure: Option<String>) -> Self {
        match failure {
            Some(why) => self.failed(why),
            None => self,
        }
    }
}

/// The median wall-clock time of one call of `f`, over batches run for about a second.
/// Wrap inputs and outputs in [`std::hint::black_box`] so the compiler cannot skip the work.
#[allow(dead_code)] // for the native benchmarks to come
pub fn time_per_call(mut f: impl FnMut()) -> Duration {
    // Find a batch size that takes at least a millisecond.
    let mut batch = 1u32;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        if start.elapsed() >= Duration::from_millis(1) || batch >= 1 << 30 {
            break;
        }
        batch *= 2;
    }
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < 5 || (started.elapsed() < Duration::from_secs(1) && samples.len() < 1000)
    {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        samples.push(start.elapsed() / batch);
    }
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary without it.
    if !args.iter().any(|a| a == "--bench") {
        println!("bench: not run (use `make bench` or `cargo bench --bench bench`)");
        return;
    }
    let filter = args.iter().find(|a| !a.starts_with('-'));

    let mut rows = Vec::new();
    for bench in BENCHMARKS {
        if filter.is_some_and(|f| !bench.name.contains(f.as_str())) {
            continue;
        }
        eprintln!("bench: running {}…", bench.name);
        rows.extend((bench.rows)());
    }
    print_table(&rows);

    let path = target_dir().join("bench.json");
    let json = serde_json::to_string_pretty(&rows).expect("rows serialise to JSON");
    std::fs::create_dir_all(target_dir()).expect("create the target folder");
    std::fs::write(&path, json + "\n")
        .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    println!("\nWrote {}", path.display());
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo_root().join("target"))
}

fn print_table(rows: &[Row]) {
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|r| {
            [
                r.name.clone(),
                format_value(r.value, r.unit),
                r.budget
                    .map(|b| format_value(b, r.unit))
                    .unwrap_or_default(),
                match (&r.failed, r.within_budget) {
                    (Some(why), _) => format!("FAILED: {why}"),
                    (None, Some(true)) => "within budget".to_owned(),
                    (None, Some(false)) => "OVER BUDGET".to_owned(),
                    (None, None) => String::new(),
                },
            ]
        })
        .collect();
    let header = ["benchmark", "value", "budget", ""];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |c: &[String; 4]| {
        format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {}",
            c[0],
            c[1],
            c[2],
            c[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        )
    };
    println!();
    println!("{}", line(&header.map(String::from)).trim_end());
    println!("{}", "-".repeat(widths.iter().sum::<usize>() + 6));
    for c in &cells {
        println!("{}", line(c).trim_end());
    }
}

fn format_value(value: f64, unit: &str) -> String {
    match unit {
        "bytes" => format!(
            "{} B ({:.1} kB)",
            group_thousands(value as u64),
            value / 1000.0
        ),
        "ns" if value >= 1e6 => format!("{:.2} ms", value / 1e6),
        "ns" if value >= 1e3 => format!("{:.2} µs", value / 1e3),
        _ if value.fract() == 0.0 => format!("{} {unit}", group_thousands(value as u64)),
        _ => format!("{value:.2} {unit}"),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
