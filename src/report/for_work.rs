//! The one place that decides which report a piece of work gets, so the app and `mhsw report`
//! make the same document from the same inputs.
//!
//! Owns: choosing the builder by tool kind and doing the scoring and comparisons it needs.
//! Must not touch: files, storage or a clock ("today" is passed in).

use crate::benchmark::{cycle, peers};
use crate::date::Date;
use crate::definition::{Definition, ToolKind};
use crate::lang::Lang;
use crate::scoring::score;
use crate::work::Work;

use super::Report;

/// What a report can be compared with or draw on, besides the work itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// An earlier cycle of the same audit.
    pub previous: Option<&'a Work>,
    /// A peer reference set for the audit's definition.
    pub peers: Option<&'a peers::PeerSet>,
    /// For statements: the latest audit and its definition.
    pub latest_audit: Option<(&'a Definition, &'a Work)>,
    /// The plan on its own (landscape) instead of the full report.
    pub plan_only: bool,
    /// For audits: practitioners answering the same audit, to set beside the leaders' view.
    pub practitioners: Option<&'a Work>,
    /// For audits: a feedback collection and its questionnaire, to set beside both.
    pub feedback: Option<(&'a Definition, &'a Work)>,
    /// The language to write the report in: the feedback, audit, statement and plan reports
    /// speak English and Welsh. `None` is the feedback questionnaire's primary language, and
    /// English for the others.
    pub language: Option<Lang>,
}

/// Builds the report for a piece of work.
pub fn report_for_work(
    definition: &Definition,
    work: &Work,
    context: Context,
    today: Date,
) -> Report {
    let lang = context.language.unwrap_or(Lang::En);
    if context.plan_only {
        return super::plan::plan_report(definition, work, today, lang);
    }
    match definition.kind {
        ToolKind::Audit => {
            let scores = score(definition, &work.responses);
            let comparison = context.previous.and_then(|p| {
                cycle::compare_works(definition, work, p)
                    .ok()
                    .map(|c| (p, c))
            });
            let peer_comparison = context
                .peers
                .and_then(|set| peers::compare_with_peers(&scores, set, None, None).ok());
            let mut report = super::audit::audit_report(&super::audit::AuditReportInput {
                definition,
                work,
                scores: &scores,
                previous: comparison
                    .as_ref()
                    .map(|(p, c)| super::audit::PreviousCycle {
                        work: p,
                        comparison: c,
                    }),
                peers: peer_comparison.as_ref(),
                today,
                language: lang,
            });
            if context.practitioners.is_some() || context.feedback.is_some() {
                let practitioner_scores = context
                    .practitioners
                    .map(|p| score(definition, &p.responses));
                let summary = context
                    .feedback
                    .map(|(d, w)| crate::aggregate::summarise_work(d, w));
                let triangulation = crate::benchmark::triangulate(
                    Some(crate::benchmark::triangulation::AuditSource {
                        definition,
                        scores: &scores,
                    }),
                    practitioner_scores.as_ref().map(|scores| {
                        crate::benchmark::triangulation::AuditSource { definition, scores }
                    }),
                    context
                        .feedback
                        .zip(summary.as_ref())
                        .map(
                            |((d, _), summary)| crate::benchmark::triangulation::FeedbackSource {
                                definition: d,
                                summary,
                            },
                        ),
                );
                report
                    .blocks
                    .extend(super::triangulation::triangulation_blocks(
                        &triangulation,
                        lang,
                    ));
            }
            report
        }
        ToolKind::Feedback => {
            let summary = crate::aggregate::summarise_work(definition, work);
            let lang = context
                .language
                .unwrap_or_else(|| definition.primary_language());
            super::feedback::feedback_report_in(definition, work, &summary, today, lang)
        }
        ToolKind::Statement | ToolKind::Conversation => {
            let scores = context.latest_audit.map(|(audit, audit_work)| {
                (audit, audit_work, score(audit, &audit_work.responses))
            });
            super::statement::statement_report(
                definition,
                work,
                scores.as_ref().map(
                    |(audit, audit_work, scores)| super::statement::LatestAudit {
                        definition: audit,
                        work: audit_work,
                        scores,
                    },
                ),
                today,
                lang,
            )
        }
    }
}
