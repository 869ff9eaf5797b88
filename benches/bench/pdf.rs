//! PDF benchmark figures: the size of the full audit-like report and the time to render it.
//!
//! A plain module (no harness): the bench runner includes it with `mod pdf;` and prints
//! [`rows`]. The document is [`mhsw::pdf::sample::sample_full_report`], the same one the PDF
//! tests check, so the figures are for a report known to be complete.
//! Must not touch: the renderer (it only calls it) or any file.
#![allow(dead_code)]

use std::time::Instant;

use mhsw::pdf::render_pdf;
use mhsw::pdf::sample::sample_full_report;

/// How many timed renders the median is taken over (after one untimed warm-up).
const RUNS: usize = 15;

/// (name, value, unit, goal) for the PDF size and the median render time.
pub fn rows() -> Vec<(String, f64, &'static str, Option<f64>)> {
    let report = sample_full_report();
    let first = render_pdf(&report).expect("the sample report renders");
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let out = render_pdf(&report).expect("the sample report renders");
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            std::hint::black_box(out);
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];
    vec![
        (
            format!(
                "pdf: full audit report size ({} pages, 60 items, 30 plan rows)",
                first.pages
            ),
            first.bytes.len() as f64 / 1024.0,
            "KB",
            Some(150.0),
        ),
        (
            format!("pdf: full audit report render time (median of {RUNS})"),
            median,
            "ms",
            Some(100.0),
        ),
    ]
}
