//! PDF benchmark figures: the size of the PDF engine a person downloads for their first PDF,
//! and the size and render time of the full audit's PDF.
//!
//! A plain module (no harness): the bench runner includes it with `mod pdf;` and prints
//! [`rows`]. The audit is the finished bundled self-assessment the browser benchmarks seed
//! ([`audit_work`]: every shown item answered with evidence, thirty plan rows), rendered as
//! the app renders it, natively; the engine is the PDF worker's WebAssembly in the built
//! `dist/pdf/`, gzipped at level 6 as a host would serve it.
//! Must not touch: the renderer (it only calls it), or any file but reading `dist/`.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use mhsw::pdf::render_pdf;
use mhsw::report::{report_for_work, Context};

use super::browser_fixtures::{audit_work, PLAN_ROWS};
use super::common::dist_dir;
use super::common::finished_audit::date;
use super::Row;

/// How many timed renders the median is taken over (after one untimed warm-up).
const RUNS: usize = 15;
/// The most the full audit's PDF may weigh (issue 16).
const AUDIT_PDF_BUDGET: f64 = 100_000.0;
/// The most the PDF engine may weigh, gzipped (issue 16).
const WORKER_GZIP_BUDGET: f64 = 450_000.0;
/// The goal for rendering the full audit, natively.
const RENDER_GOAL_MS: f64 = 100.0;

/// The PDF engine's size, and the full audit PDF's size and median render time.
pub fn rows() -> Vec<Row> {
    let mut rows = vec![worker_row()];
    rows.extend(audit_rows());
    rows
}

/// The PDF worker's WebAssembly, gzipped: what a first PDF downloads, the glue aside.
fn worker_row() -> Row {
    let name = "pdf engine: dist/pdf/mhsw-pdf-worker_bg.wasm, gzip -6";
    let found = worker_wasm().and_then(|path| {
        std::fs::read(&path).map_err(|e| format!("{} cannot be read: {e}", path.display()))
    });
    match found {
        Ok(bytes) => {
            let mut gz = GzEncoder::new(Vec::new(), Compression::new(6));
            let size = gz
                .write_all(&bytes)
                .and_then(|()| gz.finish())
                .map(|out| out.len());
            match size {
                Ok(size) => Row::new(name, size as f64, "bytes").with_budget(WORKER_GZIP_BUDGET),
                Err(e) => Row::new(name, 0.0, "bytes")
                    .with_budget(WORKER_GZIP_BUDGET)
                    .failed(format!("gzip in memory failed: {e}")),
            }
        }
        Err(why) => Row::new(name, 0.0, "bytes")
            .with_budget(WORKER_GZIP_BUDGET)
            .failed(why),
    }
}

/// The worker's WebAssembly in `dist/pdf/` (its name carries the release id).
fn worker_wasm() -> Result<PathBuf, String> {
    let folder = dist_dir().join("pdf");
    let entries = std::fs::read_dir(&folder)
        .map_err(|e| format!("{} cannot be read: {e}", folder.display()))?;
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("mhsw-pdf-worker_bg.") && n.ends_with(".wasm"))
        })
        .ok_or_else(|| format!("no mhsw-pdf-worker_bg wasm in {}", folder.display()))
}

/// The full audit's PDF: its size against the budget and the median time to render it.
fn audit_rows() -> Vec<Row> {
    let (definition, work) = audit_work();
    let items = work.responses.items.len();
    let report = report_for_work(&definition, &work, Context::default(), date("2026-11-22"));
    let what = format!("{items} answers with evidence, {PLAN_ROWS} plan rows");
    let size_name = |pages: usize| format!("pdf: full audit report size ({pages} pages, {what})");
    let first = match render_pdf(&report) {
        Ok(first) => first,
        Err(e) => {
            return vec![Row::new(size_name(0), 0.0, "bytes")
                .with_budget(AUDIT_PDF_BUDGET)
                .failed(e.to_string())]
        }
    };
    let mut times = Vec::with_capacity(RUNS);
    let mut failure = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = render_pdf(&report);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if let Err(e) = std::hint::black_box(out) {
            failure = Some(e.to_string());
        }
    }
    times.sort_by(f64::total_cmp);
    vec![
        Row::new(size_name(first.pages), first.bytes.len() as f64, "bytes")
            .with_budget(AUDIT_PDF_BUDGET),
        Row::new(
            format!("pdf: full audit report render time (native, median of {RUNS})"),
            times[RUNS / 2],
            "ms",
        )
        .with_budget(RENDER_GOAL_MS)
        .failed_if(failure),
    ]
}
