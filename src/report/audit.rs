//! The audit report: an organisational self-assessment's results, comparisons, plan and caveats.
//!
//! Owns: the content and order of the audit report, from the cover to the caveats.
//! Must not touch: how anything is scored or compared (it reads [`Scores`], a
//! [`CycleComparison`] and a [`PeerComparison`]); layout; a clock ("today" is passed in).

use crate::benchmark::cycle::{CycleComparison, Direction};
use crate::benchmark::peers::{PeerComparison, Position};
use crate::date::Date;
use crate::definition::{Aggregation, Definition, Tone};
use crate::ids::SectionId;
use crate::number::{display_figure, with_unit};
use crate::plan::{propose, FIRST_STEP, LEGAL_RISK};
use crate::responses::Priority;
use crate::scoring::{
    display_percent_f64, lower_first, ItemOutcome, ItemResult, Score, Scores, SectionScore,
};
use crate::work::Work;

use super::parts::{
    count_facts, count_of, footer, heading, labelled, meta, name_of, notice, or_not_recorded,
    paragraph, plan_rows, score_brief, score_words, styled, table, tone_of, ALIGNMENT_LINE,
    SELF_ASSESSMENT_CAVEAT,
};
use super::{
    Bar, BarChart, Block, Column, Cover, Fact, Marker, Orientation, Report, Table, TextStyle,
};

/// The heading of the legal risks (S19), the audit report's first part when the questionnaire
/// has statutory minimums.
pub const LEGAL_RISKS_HEADING: &str = "Legal risks";

/// Everything the audit report is made from.
#[derive(Debug, Clone, Copy)]
pub struct AuditReportInput<'a> {
    /// The audit definition.
    pub definition: &'a Definition,
    /// The audit.
    pub work: &'a Work,
    /// Its scores.
    pub scores: &'a Scores,
    /// The comparison with last cycle, when there is one.
    pub previous: Option<PreviousCycle<'a>>,
    /// The position among peers, when a reference set was given.
    pub peers: Option<&'a PeerComparison>,
    /// The day the report is made.
    pub today: Date,
}

/// Last cycle: the work (for its name and date) and the comparison with it.
#[derive(Debug, Clone, Copy)]
pub struct PreviousCycle<'a> {
    /// Last cycle's work.
    pub work: &'a Work,
    /// This cycle against it.
    pub comparison: &'a CycleComparison,
}

/// Builds the audit report.
pub fn audit_report(input: &AuditReportInput) -> Report {
    let AuditReportInput {
        definition,
        work,
        scores,
        today,
        ..
    } = *input;
    let mut blocks = Vec::new();
    legal_risks(definition, scores, &mut blocks);
    summary(input, &mut blocks);
    workforce_profile(input, &mut blocks);
    if let Some(previous) = input.previous {
        previous_cycle(definition, scores, previous, &mut blocks);
    }
    if let Some(peers) = input.peers {
        peer_section(
            definition,
            scores,
            peers,
            input.previous.is_some(),
            &mut blocks,
        );
    }
    strengths_and_priorities(definition, scores, &mut blocks);
    sections(definition, work, scores, &mut blocks);
    plan(definition, work, scores, today, &mut blocks);
    evidence_gaps(definition, scores, &mut blocks);
    method(definition, scores, &mut blocks);
    caveats(definition, work, &mut blocks);

    let name = name_of(work);
    Report {
        meta: meta(
            &name,
            &work.organisation,
            &definition.title,
            &[
                "mental health social work",
                "self-assessment",
                "improvement plan",
            ],
        ),
        footer: footer(work, today),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: name,
            subtitle: definition.title.to_string(),
            facts: vec![
                Fact::new("Organisation", or_not_recorded(&work.organisation)),
                Fact::new("Who took part", or_not_recorded(&work.participants)),
                Fact::new(
                    "Whose views",
                    format!("{}' views", work.perspective.label()),
                ),
                Fact::new("Started", work.created.long()),
                Fact::new("Last updated", work.updated.long()),
                Fact::new("Report made", today.long()),
                Fact::new("Questionnaire", definition.version_label()),
            ],
            statement: format!("A self-assessment, not an inspection rating. {ALIGNMENT_LINE}"),
        }),
        blocks,
    }
}

fn question_text(definition: &Definition, item: &ItemResult) -> String {
    definition
        .question(item.question.as_str())
        .map_or_else(|| item.question.to_string(), |q| q.text.to_string())
}

/// Whether a question is rated on points, rather than recording a fact such as where the people
/// completing the audit work.
fn is_rated(definition: &Definition, question: &str) -> bool {
    definition
        .question(question)
        .and_then(|q| definition.options_of(q))
        .and_then(|options| options.max_points())
        .is_some()
}

/// Whether any question of a section is rated: a section of facts has no score to report.
fn is_scored(definition: &Definition, section: &SectionScore) -> bool {
    section
        .items
        .iter()
        .any(|item| is_rated(definition, item.question.as_str()))
}

/// What stands in a table where a section has no score: why, in words.
fn no_score_words(definition: &Definition, scores: &Scores, section: Option<&SectionId>) -> String {
    match section.and_then(|id| scores.sections.iter().find(|s| s.id == *id)) {
        Some(s) if !s.shown => "Not needed".to_owned(),
        Some(s) if !is_scored(definition, s) => "Not scored".to_owned(),
        _ => super::parts::NOTHING_SCORABLE.to_owned(),
    }
}

fn rating_words(item: &ItemResult) -> String {
    let chosen = item.chosen.clone();
    match (&item.outcome, &item.score) {
        (ItemOutcome::Unanswered, _) => "Not answered yet".to_owned(),
        (_, Some(score)) => match &score.band {
            Some(band) => format!(
                "{} ({})",
                chosen.unwrap_or_else(|| score.fraction.display()),
                band.words()
            ),
            None => chosen.unwrap_or_else(|| score.fraction.display()),
        },
        (_, None) => chosen.unwrap_or_else(|| "Answered".to_owned()),
    }
}

/// The legal risks (S19), first of all, when the definition has any statutory minimum: each
/// item's text, its answer and the law when the definition names it.
fn legal_risks(definition: &Definition, scores: &Scores, blocks: &mut Vec<Block>) {
    let statutory = definition
        .questions()
        .filter(|(_, q)| q.statutory_minimum)
        .count();
    if statutory == 0 {
        return;
    }
    blocks.push(heading(1, LEGAL_RISKS_HEADING));
    let risks: Vec<String> = scores
        .legal_risks()
        .map(|item| legal_risk_words(definition, item))
        .collect();
    if risks.is_empty() {
        blocks.push(paragraph(format!(
            "None found. {} a minimum that the law requires; none is answered below it or \u{201c}Don't know\u{201d}.",
            count_of(statutory as u32, "question asks for", "questions ask for")
        )));
        return;
    }
    blocks.push(paragraph(format!(
        "{} a minimum that the law requires, and the answer falls short of it or does not know whether it is met. {} a legal risk to put right first, whatever the scores say; {} counted as usual.",
        count_of(risks.len() as u32, "question asks for", "questions ask for"),
        if risks.len() == 1 { "It is" } else { "Each is" },
        if risks.len() == 1 { "its points are" } else { "their points are" },
    )));
    blocks.push(Block::Warnings(risks));
}

/// One legal risk in words: `Legal risk: <question>. Answer: Developing. Required by: <law>.`
fn legal_risk_words(definition: &Definition, item: &ItemResult) -> String {
    let answer = item.chosen.as_deref().unwrap_or("Not answered");
    let basis = definition
        .question(item.question.as_str())
        .and_then(|q| q.statutory_basis.as_ref())
        .map(|law| format!(" Required by: {}.", law.trim()))
        .unwrap_or_default();
    format!(
        "{LEGAL_RISK}: {} Answer: {answer}.{basis}",
        end_sentence(&question_text(definition, item))
    )
}

/// A text ending with a full stop (or the question or exclamation mark it has).
fn end_sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn summary(input: &AuditReportInput, blocks: &mut Vec<Block>) {
    let scores = input.scores;
    blocks.push(heading(1, "Summary"));
    if scores.is_empty() {
        blocks.push(notice(
            "Nothing answered yet",
            "No questions in this audit have been answered, so there are no scores, strengths or priorities to report. Answer the questions in each section, then make the report again.",
        ));
    }
    blocks.push(styled(
        format!("Overall: {}.", score_words(scores.overall.as_ref())),
        TextStyle::Lead,
    ));
    blocks.push(Block::Facts(count_facts(&scores.counts)));

    let previous = input.previous.map(|p| p.comparison);
    let bars = scores
        .sections
        .iter()
        .filter(|s| s.shown && is_scored(input.definition, s))
        .map(|section| {
            let last = previous
                .and_then(|c| c.sections.iter().find(|x| x.section == section.id))
                .and_then(|x| x.change.previous.as_ref())
                .map(|s| Marker {
                    percent: s.fraction.percent(),
                    label: format!("Last cycle: {}", s.fraction.display()),
                });
            let median = input
                .peers
                .and_then(|p| {
                    p.sections
                        .iter()
                        .find(|r| r.section.as_ref() == Some(&section.id))
                })
                .and_then(|r| r.median())
                .map(|m| Marker {
                    percent: m,
                    label: format!("Peer median: {}", display_percent_f64(m)),
                });
            Bar {
                label: section.title.clone(),
                percent: section.score.as_ref().map(|s| s.fraction.percent()),
                value_label: score_words(section.score.as_ref()),
                tone: tone_of(section.score.as_ref()),
                marker: last.or(median),
            }
        })
        .collect();
    let marker_note = match (previous.is_some(), input.peers.is_some()) {
        (true, _) => " The marker on each bar shows last cycle's score.",
        (false, true) => " The marker on each bar shows the peer median.",
        (false, false) => "",
    };
    blocks.push(Block::BarChart(BarChart {
        caption: format!(
            "Score for each section, as a percentage of the most it could score, with its rating in words.{marker_note}"
        ),
        bars,
    }));
    let hidden: Vec<&str> = scores
        .sections
        .iter()
        .filter(|s| !s.shown)
        .map(|s| s.title.as_str())
        .collect();
    if !hidden.is_empty() {
        blocks.push(paragraph(format!(
            "Not needed, because of an earlier answer: {}.",
            hidden.join("; ")
        )));
    }
}

fn previous_cycle(
    definition: &Definition,
    scores: &Scores,
    previous: PreviousCycle,
    blocks: &mut Vec<Block>,
) {
    let c = previous.comparison;
    blocks.push(heading(1, "Compared with the last cycle"));
    blocks.push(paragraph(format!(
        "Last cycle: \u{201c}{}\u{201d}, last updated {}. Sections and questions are matched by their ids, so questions added or removed since then are not compared.",
        name_of(previous.work),
        previous.work.updated.long()
    )));
    if c.previous_version != c.current_version {
        blocks.push(paragraph(format!(
            "The questionnaire has changed from version {} to version {} since then; both cycles are scored against version {}.",
            c.previous_version, c.current_version, c.current_version
        )));
    }
    let overall = match c.overall.direction {
        Direction::NotComparable => {
            "The overall score cannot be compared, because one of the two cycles has nothing scorable.".to_owned()
        }
        _ => format!(
            "Overall: {} now, against {} last cycle: {}.",
            score_brief(c.overall.current.as_ref()),
            score_brief(c.overall.previous.as_ref()),
            c.overall.words()
        ),
    };
    blocks.push(paragraph(overall));
    blocks.push(table(
        "Each section, last cycle and now",
        &[("Section", 4), ("Last cycle", 3), ("Now", 3), ("Change", 2)],
        c.sections
            .iter()
            .map(|s| {
                vec![
                    s.title.clone(),
                    score_words(s.change.previous.as_ref()),
                    s.change.current.as_ref().map_or_else(
                        || no_score_words(definition, scores, Some(&s.section)),
                        Score::label,
                    ),
                    s.change.words(),
                ]
            })
            .collect(),
        Some("Changes are in percentage points, worked out from the whole percentages shown."),
    ));
    let describe = |items: &[crate::benchmark::cycle::ItemChange]| -> Vec<String> {
        items
            .iter()
            .map(|i| {
                let text = definition
                    .question(i.question.as_str())
                    .map_or_else(|| i.question.to_string(), |q| q.text.to_string());
                let then = i
                    .previous
                    .1
                    .clone()
                    .unwrap_or_else(|| i.previous.0.display());
                let now = i.current.1.clone().unwrap_or_else(|| i.current.0.display());
                labelled(&text, &format!("{then} then, {now} now"))
            })
            .collect()
    };
    blocks.push(heading(2, "Better than last cycle"));
    push_list(
        blocks,
        describe(&c.better),
        "No question is rated higher than last cycle.",
    );
    blocks.push(heading(2, "Worse than last cycle"));
    push_list(
        blocks,
        describe(&c.worse),
        "No question is rated lower than last cycle.",
    );
    blocks.push(heading(2, "Newly rated Red"));
    let new_red: Vec<String> = c
        .new_red
        .iter()
        .map(|id| {
            definition
                .question(id.as_str())
                .map_or_else(|| id.to_string(), |q| q.text.to_string())
        })
        .collect();
    push_list(blocks, new_red, "No question has newly moved into Red.");
}

/// The workforce profile: each figure given in answer to a number question (never scored, S18),
/// with last cycle's figure and the change (C5), and the peer median with where the figure
/// stands (R7) when those comparisons are made. Nothing when the definition asks for no figures.
fn workforce_profile(input: &AuditReportInput, blocks: &mut Vec<Block>) {
    let AuditReportInput {
        definition, scores, ..
    } = *input;
    let asked = definition
        .questions()
        .filter(|(_, q)| q.answer.number_rule().is_some())
        .count();
    if asked == 0 {
        return;
    }
    blocks.push(heading(1, "Workforce profile"));
    if scores.figures.is_empty() {
        blocks.push(paragraph(
            "No workforce figures have been given yet. They are recorded as they are given and are not scored.",
        ));
        return;
    }
    let cycle = input.previous.map(|p| p.comparison);
    let peers = input.peers.filter(|p| p.organisations.is_some());
    let mut columns = vec![Column::new("Figure", 5), Column::new("Ours", 3)];
    if cycle.is_some() {
        columns.push(Column::new("Last cycle", 2));
        columns.push(Column::new("Change", 2));
    }
    if peers.is_some() {
        columns.push(Column::new("Peer median", 3));
        columns.push(Column::new("Where we stand", 3));
    }
    let rows = scores
        .figures
        .iter()
        .map(|figure| {
            let mut ours = figure.shown();
            if let (Some(per), Some(value)) = (figure.per, figure.comparable) {
                ours.push_str(&format!(" ({} {per})", display_figure(value, 2)));
            }
            let mut row = vec![figure.title.clone(), ours];
            if let Some(cycle) = cycle {
                let change = cycle.figures.iter().find(|f| f.question == figure.question);
                row.push(change.and_then(|c| c.previous).map_or_else(
                    || "Not given".to_owned(),
                    |p| with_unit(&p.to_string(), &figure.unit),
                ));
                row.push(change.map_or_else(|| "Not comparable".to_owned(), |c| c.words()));
            }
            if let Some(peers) = peers {
                let placed = peers.figures.iter().find(|f| f.question == figure.question);
                let median = placed
                    .and_then(|p| p.reference)
                    .and_then(|r| r.figures())
                    .map(|(_, _, median, _)| median);
                row.push(match (median, figure.per) {
                    (Some(median), Some(per)) => format!("{} {per}", display_figure(median, 2)),
                    (Some(median), None) => with_unit(
                        &display_figure(median, figure.decimals.max(1)),
                        &figure.unit,
                    ),
                    (None, _) => "Not shown".to_owned(),
                });
                row.push(
                    placed
                        .map_or(Position::NotInReference, |p| p.position)
                        .label()
                        .to_owned(),
                );
            }
            row
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: "Workforce figures as given".to_owned(),
        columns,
        rows,
        note: Some(if peers.is_some() {
            "Figures are recorded as given and are not scored. Peers' figures are compared per social work FTE or per 100,000 population where the question says so; figures given by fewer than five organisations are not shown."
        } else {
            "Figures are recorded as given and are not scored."
        }
        .to_owned()),
    }));
}

fn push_list(blocks: &mut Vec<Block>, items: Vec<String>, when_empty: &str) {
    if items.is_empty() {
        blocks.push(paragraph(when_empty));
    } else {
        blocks.push(Block::Bullets(items));
    }
}

fn peer_section(
    definition: &Definition,
    scores: &Scores,
    peers: &PeerComparison,
    chart_had_last_cycle: bool,
    blocks: &mut Vec<Block>,
) {
    blocks.push(heading(1, "Compared with peers"));
    match peers.organisations {
        Some(n) => blocks.push(paragraph(format!(
            "Compared with {} in an anonymous reference set ({n} organisations). No organisation in the set can be identified, and figures for fewer than five organisations are never shown.",
            lower_first(&peers.group)
        ))),
        None => {
            blocks.push(notice(
                "Not shown",
                format!(
                    "The group \u{201c}{}\u{201d} has fewer than five organisations in the reference set, so no comparison is shown. Choose a larger group.",
                    peers.group
                ),
            ));
            return;
        }
    }
    let figure = |row: &crate::benchmark::peers::PeerRow, pick: fn((u32, f64, f64, f64)) -> f64| {
        row.reference
            .and_then(|r| r.figures())
            .map_or_else(|| "Not shown".to_owned(), |f| display_percent_f64(pick(f)))
    };
    let rows = std::iter::once(&peers.overall)
        .chain(&peers.sections)
        .map(|row| {
            vec![
                row.title.clone(),
                row.score.map_or_else(
                    || no_score_words(definition, scores, row.section.as_ref()),
                    |s| s.display(),
                ),
                figure(row, |f| f.1),
                figure(row, |f| f.2),
                figure(row, |f| f.3),
                row.position.label().to_owned(),
            ]
        })
        .collect();
    blocks.push(table(
        format!("Our scores among {}", lower_first(&peers.group)),
        &[
            ("Section", 4),
            ("Ours", 2),
            ("Lower quartile", 2),
            ("Median", 2),
            ("Upper quartile", 2),
            ("Where we stand", 4),
        ],
        rows,
        Some("A quarter of organisations score below the lower quartile, half below the median and three quarters below the upper quartile. Sections scored by fewer than five organisations are not shown."),
    ));
    if chart_had_last_cycle {
        blocks.push(Block::BarChart(BarChart {
            caption: "Score for each section, with the peer median as the marker.".to_owned(),
            bars: peers
                .sections
                .iter()
                .filter(|r| r.position != Position::NotScored)
                .map(|row| Bar {
                    label: row.title.clone(),
                    percent: row.score.map(|s| s.percent()),
                    value_label: format!(
                        "{}: {}",
                        row.score.map_or_else(String::new, |s| s.display()),
                        lower_first(row.position.label())
                    ),
                    tone: Tone::Neutral,
                    marker: row.median().map(|m| Marker {
                        percent: m,
                        label: format!("Peer median: {}", display_percent_f64(m)),
                    }),
                })
                .collect(),
        }));
    }
}

fn strengths_and_priorities(definition: &Definition, scores: &Scores, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "Strengths"));
    let strengths: Vec<String> = scores
        .strengths()
        .map(|item| labelled(&question_text(definition, item), &rating_words(item)))
        .collect();
    push_list(
        blocks,
        strengths,
        "No strengths identified yet: no question has been rated at the top of its scale or in a green band.",
    );
    blocks.push(heading(1, "Priorities"));
    let priorities: Vec<String> = scores
        .priorities()
        .map(|item| {
            let high = if item.priority == Some(Priority::High) {
                "; marked high priority"
            } else {
                ""
            };
            labelled(
                &question_text(definition, item),
                &format!("{}{high}", rating_words(item)),
            )
        })
        .collect();
    push_list(
        blocks,
        priorities,
        "No priorities identified yet: no question is in a band that calls for action, and none is marked high priority.",
    );
}

fn sections(definition: &Definition, work: &Work, scores: &Scores, blocks: &mut Vec<Block>) {
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, "Section by section"));
    for section in &scores.sections {
        blocks.push(heading(2, section.title.clone()));
        if !section.shown {
            blocks.push(paragraph(
                "This section was not needed, because of an earlier answer.",
            ));
            continue;
        }
        let scored = is_scored(definition, section);
        if scored {
            blocks.push(styled(
                format!("Score: {}.", score_words(section.score.as_ref())),
                TextStyle::Lead,
            ));
        } else {
            blocks.push(paragraph(
                "This section is not scored: its answers are recorded as they were given.",
            ));
        }
        if section.aggregation == Aggregation::LowestItem {
            blocks.push(styled(
                "This section's score is that of its lowest-rated question: a condition is only as strong as its weakest part.",
                TextStyle::Small,
            ));
        }
        if scored {
            blocks.push(Block::Facts(count_facts(&section.counts)));
        }
        // Figures with nothing noted beside them are listed together, one line each, as the
        // workforce profile lists them: a heading apiece would add pages, not meaning.
        let mut figures: Vec<Fact> = Vec::new();
        for item in &section.items {
            let recorded = work.responses.item(item.question.as_str());
            let is_figure = definition
                .question(item.question.as_str())
                .is_some_and(|q| q.answer.number_rule().is_some());
            let noted = recorded.is_some_and(|r| {
                r.evidence.is_some() || r.comment.is_some() || r.priority.is_some()
            });
            if is_figure && !noted {
                figures.push(Fact::new(
                    question_text(definition, item),
                    rating_words(item),
                ));
                continue;
            }
            if !figures.is_empty() {
                blocks.push(Block::Facts(std::mem::take(&mut figures)));
            }
            blocks.push(heading(3, question_text(definition, item)));
            let label = if is_rated(definition, item.question.as_str()) {
                "Rating"
            } else {
                "Answer"
            };
            let mut facts = vec![Fact::new(label, rating_words(item))];
            if item.legal_risk {
                facts.push(Fact::new(
                    LEGAL_RISK,
                    "Yes: the minimum the law requires is not shown to be met",
                ));
            }
            if let Some(priority) = item.priority {
                facts.push(Fact::new("Priority", priority.label()));
            }
            if let Some(evidence) = recorded.and_then(|r| r.evidence.as_deref()) {
                facts.push(Fact::new("Evidence", evidence.trim()));
            } else if definition.collect.evidence
                && item.outcome != ItemOutcome::Unanswered
                && definition
                    .question(item.question.as_str())
                    .is_some_and(|q| q.evidence_prompt.is_some())
            {
                facts.push(Fact::new("Evidence", "None recorded"));
            }
            if let Some(comment) = recorded.and_then(|r| r.comment.as_deref()) {
                facts.push(Fact::new("Comment", comment.trim()));
            }
            blocks.push(Block::Facts(facts));
        }
        if !figures.is_empty() {
            blocks.push(Block::Facts(figures));
        }
    }
}

fn plan(
    definition: &Definition,
    work: &Work,
    scores: &Scores,
    today: Date,
    blocks: &mut Vec<Block>,
) {
    let Some(config) = &definition.plan else {
        return;
    };
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, config.title.to_string()));
    if let Some(intro) = &config.intro {
        blocks.push(paragraph(intro.to_string()));
    }
    blocks.extend(plan_rows(
        definition,
        &work.plan,
        today,
        "The actions agreed so far",
    ));
    let proposals = propose(definition, scores, &work.plan);
    if !proposals.is_empty() {
        blocks.push(heading(2, "Suggested for the plan"));
        blocks.push(paragraph(
            "These questions are legal risks (listed first), are rated in a band that calls for action, or are marked high priority, but have no action in the plan yet.",
        ));
        blocks.push(Block::Bullets(
            proposals
                .iter()
                .map(|p| {
                    let text = super::parts::source_words(definition, &p.row.source);
                    let reason = lower_first(&p.why());
                    if p.row.action.is_empty() {
                        format!("{text} ({reason})")
                    } else {
                        format!("{text} ({reason}). {FIRST_STEP}: {}", p.row.action)
                    }
                })
                .collect(),
        ));
    }
}

fn evidence_gaps(definition: &Definition, scores: &Scores, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "Evidence gaps"));
    let gaps: Vec<String> = scores
        .evidence_gaps()
        .map(|item| question_text(definition, item))
        .collect();
    if gaps.is_empty() {
        blocks.push(paragraph(
            "No question was answered \u{201c}Don't know\u{201d}.",
        ));
    } else {
        blocks.push(paragraph(format!(
            "{} answered \u{201c}Don't know\u{201d}. These are left out of the scores; finding the evidence for them is a first step.",
            count_of(gaps.len() as u32, "question was", "questions were")
        )));
        blocks.push(Block::Bullets(gaps));
    }
}

fn method(definition: &Definition, scores: &Scores, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "How the scores are worked out"));
    for text in [
        "Each rated question earns the points of the answer chosen, out of the most its scale allows. Some questions count more than others: their points, and the most they could earn, are multiplied by their weight.",
        "\u{201c}Not applicable\u{201d} answers are left out altogether, so they neither raise nor lower a score. \u{201c}Don't know\u{201d} answers are left out of the score and listed as evidence gaps. \u{201c}Prefer not to say\u{201d} answers are left out and counted on their own. Questions not answered yet never count as zero. Questions hidden by an earlier answer do not count at all.",
        "A section's score is the points earned over the points possible, unless the section is scored by its lowest-rated question. The overall score adds up the points earned and possible across every section, so sections with more questions count for more.",
        "A section or audit with nothing scorable has no score, rather than a score of 0%. Percentages are rounded down to a whole number, so the number shown always falls within the band named beside it.",
    ] {
        blocks.push(paragraph(text));
    }
    if let Some(scoring) = &definition.scoring {
        blocks.push(table(
            "The bands",
            &[
                ("Band", 2),
                ("Meaning", 4),
                ("From", 1),
                ("Up to", 1),
                ("Calls for action", 2),
            ],
            scoring
                .bands
                .iter()
                .map(|b| {
                    vec![
                        b.label.to_string(),
                        b.meaning.to_string(),
                        format!("{}%", b.from_percent),
                        if b.to_percent == 100 {
                            "100% (included)".to_owned()
                        } else {
                            format!("under {}%", b.to_percent)
                        },
                        if b.proposes_action { "Yes" } else { "No" }.to_owned(),
                    ]
                })
                .collect(),
            Some("Some sections may use bands of their own."),
        ));
    }
    let lowest: Vec<&str> = scores
        .sections
        .iter()
        .filter(|s| s.aggregation == Aggregation::LowestItem)
        .map(|s| s.title.as_str())
        .collect();
    if !lowest.is_empty() {
        blocks.push(paragraph(format!(
            "Scored by the lowest-rated question: {}.",
            lowest.join("; ")
        )));
    }
}

fn caveats(definition: &Definition, work: &Work, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, "Reading these results"));
    blocks.push(notice(
        "A self-assessment, not an inspection rating",
        SELF_ASSESSMENT_CAVEAT,
    ));
    blocks.push(paragraph(ALIGNMENT_LINE));
    if !definition.alignment.trim().is_empty() {
        blocks.push(paragraph(definition.alignment.trim()));
    }
    if !work.set_aside.is_empty() {
        let kept = crate::carry::kept_aside(definition, &work.set_aside);
        blocks.push(notice(
            "Answers set aside",
            format!(
                "{} to questions that this version of the questionnaire no longer asks {} kept with the work but not counted:\n{}",
                count_of(kept.len() as u32, "answer", "answers"),
                if kept.len() == 1 { "is" } else { "are" },
                kept.iter()
                    .map(|k| match &k.answer {
                        Some(answer) => format!("{} Answer: {answer}.", end_sentence(&k.question)),
                        None => end_sentence(&k.question),
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        ));
    }
}

#[cfg(test)]
mod tests;
