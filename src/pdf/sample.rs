//! Sample reports for tests and benchmarks: test and bench data, not product content.
//!
//! Owns: hand-built [`Report`]s shaped like a real audit (cover, summary chart, twelve sections
//! with every item answered with evidence, notices, a thirty-row improvement plan) so that the
//! PDF tests and the render benchmark measure the same document. The wording is invented.
//! Must not touch: the real report builders (`crate::report`'s submodules) or scoring.

use crate::definition::Tone;
use crate::report::{
    Bar, BarChart, Block, Column, Cover, Fact, Marker, Meta, Orientation, Report, Table, TextStyle,
};

/// The twelve section titles of the sample audit.
pub const SECTIONS: [&str; 12] = [
    "Leadership and governance",
    "Supervision and reflective practice",
    "Workforce, caseloads and wellbeing",
    "Approved Mental Health Professional service",
    "Safeguarding adults and children",
    "Carers and families",
    "Co-production with people who use services",
    "Human rights and the Mental Health Act",
    "Social models and strengths-based practice",
    "Learning, development and research",
    "Equality, diversity and inclusion",
    "Partnership and integration",
];

/// The sample score of section `i`, or `None` for the one with nothing scorable.
fn section_percent(i: usize) -> Option<f64> {
    if i == 10 {
        None
    } else {
        Some(((i * 37 + 23) % 90 + 8) as f64)
    }
}

/// The band of a percentage, in words, with its tone.
pub fn band(percent: f64) -> (&'static str, Tone) {
    if percent >= 70.0 {
        ("Green, achieved", Tone::Green)
    } else if percent >= 40.0 {
        ("Amber, partly achieved", Tone::Amber)
    } else {
        ("Red, not yet achieved", Tone::Red)
    }
}

/// The value label of a percentage, for example "62%: Amber, partly achieved".
pub fn value_label(percent: Option<f64>) -> String {
    match percent {
        Some(p) => format!("{p:.0}%: {}", band(p).0),
        None => "Nothing scorable yet".to_string(),
    }
}

/// The action text of plan row `i` (1 to 30), distinct for every row.
pub fn plan_action(i: usize) -> String {
    const VERBS: [&str; 6] = [
        "Introduce",
        "Review",
        "Agree and publish",
        "Pilot",
        "Audit",
        "Co-produce",
    ];
    const OBJECTS: [&str; 10] = [
        "monthly reflective group supervision for AMHPs",
        "caseload weighting so that no social worker holds more than 25 cases",
        "a carers' assessment offer at first contact, in English and Welsh",
        "the principal social worker's route to the board",
        "training on the Mental Capacity Act and deprivation of liberty",
        "a lived-experience panel for recruitment and service design",
        "data on detentions under the Mental Health Act by ethnicity",
        "safeguarding supervision records against the policy",
        "a strengths-based assessment template with people who use services",
        "joint protocols with the NHS trust on discharge planning",
    ];
    format!(
        "Action {i:02}: {} {}",
        VERBS[i % VERBS.len()],
        OBJECTS[i % OBJECTS.len()]
    )
}

fn meta(title: &str) -> Meta {
    Meta {
        title: title.to_string(),
        author: "North Team, Anytown Council".to_string(),
        subject: "Mental health social work organisational self-assessment".to_string(),
        keywords: vec![
            "mental health".to_string(),
            "social work".to_string(),
            "audit".to_string(),
            "improvement plan".to_string(),
        ],
        language: "en-GB".to_string(),
    }
}

fn paragraph(text: impl Into<String>, style: TextStyle) -> Block {
    Block::Paragraph {
        text: text.into(),
        style,
    }
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// The thirty-row improvement plan table.
pub fn plan_table() -> Table {
    const OWNERS: [&str; 5] = [
        "Principal social worker",
        "Head of service",
        "AMHP lead",
        "Team manager, North",
        "Workforce development",
    ];
    const STATUSES: [&str; 4] = ["Not started", "In progress", "Done", "In progress"];
    Table {
        caption: "Improvement plan: 30 actions".to_string(),
        columns: vec![
            Column::new("Action", 6),
            Column::new("Owner", 3),
            Column::new("Due", 2),
            Column::new("Status", 2),
            Column::new("From", 3),
        ],
        rows: (1..=30)
            .map(|i| {
                vec![
                    plan_action(i),
                    OWNERS[i % OWNERS.len()].to_string(),
                    format!("{} {} 2027", 1 + (i * 7) % 28, month(i)),
                    STATUSES[i % STATUSES.len()].to_string(),
                    SECTIONS[i % SECTIONS.len()].to_string(),
                ]
            })
            .collect(),
        note: Some(
            "Actions proposed from answers rated red or marked high priority, edited by the team."
                .to_string(),
        ),
    }
}

/// The English name of the month `index` months after January (wrapping round the year).
fn month(index: usize) -> &'static str {
    crate::date::month_name((index % 12) as u8 + 1, crate::lang::Lang::En).unwrap_or_default()
}

/// A realistic full audit report: cover, summary chart with comparison markers, twelve
/// sections of five items each answered with evidence (one in Welsh), notices, and a
/// thirty-row plan. Test and bench data.
pub fn sample_full_report() -> Report {
    let mut blocks = vec![
        heading(1, "Summary"),
        paragraph(
            "The North Team met 58% of the standards overall: amber, partly achieved. \
             Supervision and the AMHP service are strengths; carers' assessments and \
             co-production need the most work.",
            TextStyle::Lead,
        ),
        Block::Facts(vec![
            Fact::new("Overall score", "58%: Amber, partly achieved"),
            Fact::new("Items answered", "60 of 60"),
            Fact::new(
                "Compared with",
                "Last cycle (November 2025) and 14 peer teams",
            ),
        ]),
        Block::BarChart(BarChart {
            caption: "Score by section, with last cycle's score marked".to_string(),
            bars: SECTIONS
                .iter()
                .enumerate()
                .map(|(i, title)| {
                    let percent = section_percent(i);
                    Bar {
                        label: title.to_string(),
                        percent,
                        value_label: value_label(percent),
                        tone: percent.map_or(Tone::Neutral, |p| band(p).1),
                        marker: percent.filter(|_| i % 3 != 2).map(|p| {
                            let last = (p - 12.0 + (i as f64 * 5.0) % 20.0).clamp(0.0, 100.0);
                            Marker {
                                percent: last,
                                label: format!("Last cycle: {last:.0}%"),
                            }
                        }),
                    }
                })
                .collect(),
        }),
        Block::Notice {
            title: "What this report is, and is not".to_string(),
            text: "A self-assessment against the 2016 standards for employers of social \
                   workers in mental health, refreshed for 2026. It is not an inspection \
                   and it does not rate individual practitioners."
                .to_string(),
        },
        Block::PageBreak,
    ];
    for (s, title) in SECTIONS.iter().enumerate() {
        let percent = section_percent(s);
        blocks.push(heading(1, format!("{}. {title}", s + 1)));
        blocks.push(paragraph(
            format!("Section score: {}", value_label(percent)),
            TextStyle::Lead,
        ));
        if s == 10 {
            blocks.push(Block::Notice {
                title: "Nothing scorable yet".to_string(),
                text: "Every item in this section was answered “Don’t know” or left for \
                       later, so no score is shown. Answer at least one item to see one."
                    .to_string(),
            });
        }
        for item in 1..=5 {
            let item_percent = Some(((s * 11 + item * 17) % 100) as f64);
            blocks.push(heading(
                3,
                format!("{}.{item} {}", s + 1, item_title(s, item)),
            ));
            blocks.push(Block::Facts(vec![
                Fact::new("Rating", value_label(item_percent)),
                Fact::new("Priority", if item % 2 == 0 { "High" } else { "Normal" }),
            ]));
            blocks.push(paragraph(evidence(s, item), TextStyle::Quote));
        }
        if s == 4 {
            blocks.push(Block::Notice {
                title: "Small numbers".to_string(),
                text: "Answers from fewer than five people are combined with the next \
                       group so that no one can be identified."
                    .to_string(),
            });
        }
    }
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, "Improvement plan"));
    blocks.push(paragraph(
        "The actions the team agreed, with owners and dates. Print this page for the wall.",
        TextStyle::Normal,
    ));
    blocks.push(Block::Table(plan_table()));
    blocks.push(heading(2, "What happens next"));
    blocks.push(Block::Bullets(vec![
        "The principal social worker takes this report to the board in January 2027.".into(),
        "Each owner reports progress at the quarterly practice forum.".into(),
        "The team repeats the self-assessment in November 2027 and compares the results.".into(),
    ]));
    blocks.push(paragraph(
        "Scores are the share of answered items met, weighted as the questionnaire says. \
         “Don’t know” answers are left out of the score and listed instead.",
        TextStyle::Small,
    ));
    Report {
        meta: meta("North Team: mental health social work self-assessment 2026"),
        footer: "North Team, Anytown Council: organisational self-assessment 2026, \
                 22 November 2026"
            .to_string(),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: "Mental health social work self-assessment 2026".to_string(),
            subtitle: "Organisational self-assessment: North Team, Anytown Council".to_string(),
            facts: vec![
                Fact::new("Organisation", "Anytown Council, adult social care"),
                Fact::new("Team", "North Team (community mental health)"),
                Fact::new("Date", "22 November 2026"),
                Fact::new(
                    "Who took part",
                    "Head of service, principal social worker, AMHP lead, 6 practitioners",
                ),
                Fact::new("Questionnaire", "Employer standards audit, version 2026.1"),
            ],
            statement: "Aligned with the 2016 mental health social work toolkit for England \
                        and Wales. A tool for reflection and improvement, not an inspection."
                .to_string(),
        }),
        blocks,
    }
}

fn item_title(section: usize, item: usize) -> &'static str {
    const ITEMS: [&str; 8] = [
        "There is a named lead with time set aside for the role",
        "Practitioners receive supervision at least monthly, recorded",
        "Caseloads are reviewed against an agreed weighting tool",
        "People who use services helped design the service",
        "Carers are offered an assessment in their own right",
        "Learning from reviews changes practice within six months",
        "Data on outcomes is reported to the board each quarter",
        "Welsh-language services are offered without being asked for",
    ];
    ITEMS[(section * 3 + item) % ITEMS.len()]
}

fn evidence(section: usize, item: usize) -> String {
    if section == 2 && item == 3 {
        return "Mae goruchwyliaeth ar gael yn Gymraeg i bob gweithiwr cymdeithasol; \
                trafodwyd hyn yn Nhŷ’r Cyngor ac yng Ngŵyl y Gwanwyn. Mae’r tîm yn \
                cyfarfod bob mis yn Nhŵr y Dŵr i adolygu’r ŷd a’r cynllun gwella."
            .to_string();
    }
    format!(
        "Evidence: the {} minutes of {} 2026 record this; the team manager checked a \
         sample of ten case files and found {} of ten met the standard. Practitioners said \
         in the focus group that “it depends on the week” — cover arrangements are informal \
         when the senior practitioner is on leave, and the AMHP rota is stretched.",
        ["practice forum", "senior leadership team", "AMHP hub"][item % 3],
        month(section + item),
        (section + item * 3) % 11
    )
}

/// The improvement plan alone, in landscape for printing and putting on a wall. Test data.
pub fn sample_plan_report() -> Report {
    Report {
        meta: meta("North Team improvement plan 2026"),
        footer: "North Team, Anytown Council: improvement plan, 22 November 2026".to_string(),
        orientation: Orientation::Landscape,
        cover: None,
        blocks: vec![heading(1, "Improvement plan"), Block::Table(plan_table())],
    }
}
