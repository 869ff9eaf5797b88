//! Scoring bands (V8): they start at 0, end at 100, neither overlap nor leave gaps, and an audit
//! has them.

use std::collections::BTreeSet;

use super::checker::{At, Checker};
use super::Rule;
use crate::definition::{Band, ToolKind};

impl Checker<'_> {
    pub(super) fn scoring(&mut self) {
        let d = self.definition;
        match &d.scoring {
            Some(scoring) => self.bands(
                At::Top,
                "scoring.bands",
                &["scoring", "bands"],
                &scoring.bands,
            ),
            None if d.kind == ToolKind::Audit => self.report(
                Rule::V8,
                At::Top.field("scoring"),
                "an audit has no scoring",
                "add \"scoring\": { \"bands\": [ … ] } with bands from 0 to 100 per cent",
            ),
            None => {}
        }
    }

    pub(super) fn bands(&mut self, at: At, field: &str, path: &[&str], bands: &[Band]) {
        if bands.is_empty() {
            self.report(
                Rule::V8,
                at.place(field, path),
                "there are no bands",
                "add bands that run from 0 to 100 per cent",
            );
            return;
        }
        let key_of = |band: &Band, key: &str| {
            let index = bands
                .iter()
                .position(|b| std::ptr::eq(b, band))
                .unwrap_or(0)
                .to_string();
            let mut full = path.to_vec();
            full.push(&index);
            full.push(key);
            at.place(field, &full)
        };
        let mut ids = BTreeSet::new();
        let mut well_formed = true;
        for band in bands {
            self.id(key_of(band, "id"), "band id", band.id.as_str());
            self.not_blank(
                Rule::V16,
                key_of(band, "label"),
                &format!("label of band `{}`", band.id),
                &band.label,
            );
            if !ids.insert(band.id.as_str()) {
                self.report(
                    Rule::V3,
                    key_of(band, "id"),
                    format!("the band `{}` appears twice", band.id),
                    "give every band its own id",
                );
            }
            if band.from_percent >= band.to_percent || band.to_percent > 100 {
                well_formed = false;
                self.report(
                    Rule::V8,
                    key_of(band, "from_percent"),
                    format!(
                        "the band `{}` runs from {} to {} per cent",
                        band.id, band.from_percent, band.to_percent
                    ),
                    "make \"from_percent\" smaller than \"to_percent\", and \"to_percent\" at most 100",
                );
            }
        }
        // Gaps and overlaps between bands mean little until every band runs the right way.
        if !well_formed {
            return;
        }
        let mut sorted: Vec<&Band> = bands.iter().collect();
        sorted.sort_by_key(|b| (b.from_percent, b.to_percent));
        let first = sorted[0];
        if first.from_percent != 0 {
            self.report(
                Rule::V8,
                key_of(first, "from_percent"),
                format!(
                    "no band covers 0 to {} per cent: the lowest band, `{}`, starts at {}",
                    first.from_percent, first.id, first.from_percent
                ),
                format!("start `{}` at \"from_percent\": 0", first.id),
            );
        }
        let top = sorted
            .iter()
            .max_by_key(|b| b.to_percent)
            .copied()
            .unwrap_or(first);
        if top.to_percent < 100 {
            self.report(
                Rule::V8,
                key_of(top, "to_percent"),
                format!(
                    "no band covers {} to 100 per cent: the highest band, `{}`, ends at {}",
                    top.to_percent, top.id, top.to_percent
                ),
                format!("end `{}` at \"to_percent\": 100", top.id),
            );
        }
        for pair in sorted.windows(2) {
            let (low, high) = (pair[0], pair[1]);
            if high.from_percent > low.to_percent {
                self.report(
                    Rule::V8,
                    key_of(high, "from_percent"),
                    format!(
                        "the bands leave a gap from {} to {} per cent, between `{}` and `{}`",
                        low.to_percent, high.from_percent, low.id, high.id
                    ),
                    format!(
                        "start `{}` at {}, where `{}` ends (or end `{}` at {})",
                        high.id, low.to_percent, low.id, low.id, high.from_percent
                    ),
                );
            } else if high.from_percent < low.to_percent {
                self.report(
                    Rule::V8,
                    key_of(high, "from_percent"),
                    format!(
                        "the bands `{}` and `{}` overlap from {} to {} per cent",
                        low.id, high.id, high.from_percent, low.to_percent
                    ),
                    format!(
                        "start `{}` at {}, where `{}` ends",
                        high.id, low.to_percent, low.id
                    ),
                );
            }
        }
    }
}
