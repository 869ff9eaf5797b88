//! `mhsw report WORK_FILE`: the PDF the app makes, made natively from an exported audit of the
//! bundled self-assessment (or a feedback collection), read back with real PDF readers (qpdf,
//! pdftotext).

use std::path::PathBuf;
use std::process::Output;
use std::sync::OnceLock;

use mhsw::definition::{load_definition, Definition};
use mhsw::ids::{QuestionId, WorkId};
use mhsw::plan::{PlanRow, RowSource, Status};
use mhsw::responses::{Answer, ItemResponse, Priority};
use mhsw::work::{export_work, Work};

use crate::support::{mhsw, path, questionnaires, scratch, stderr, stdout, tool};
use crate::welsh_collection::welsh_collection;

fn self_assessment() -> Definition {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/self-assessment.json"
    );
    load_definition(path, &std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A file in this module's folder (one a run): the work files written and the PDFs made.
fn file(name: &str) -> PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| scratch("report")).join(name)
}

/// Writes `work` as an exported work file, `name.json`, and returns its path.
fn work_file(work: &Work, name: &str) -> PathBuf {
    let path = file(&format!("{name}.json"));
    std::fs::write(&path, export_work(work)).unwrap();
    path
}

/// Runs `mhsw report` on `work` into `name.pdf`, with the bundled questionnaires and `extra`.
fn run_report(work: &Work, name: &str, extra: &[&str]) -> Output {
    let work_path = work_file(work, name);
    let pdf = file(&format!("{name}.pdf"));
    let mut args = vec![
        "report",
        path(&work_path),
        "-o",
        path(&pdf),
        "--definitions",
        questionnaires(),
    ];
    args.extend_from_slice(extra);
    mhsw(&args)
}

/// Every shown rating answered with evidence, every other question answered where it can be,
/// and a plan of 30 rows.
fn full_audit(definition: &Definition) -> Work {
    let today = "2026-11-22".parse().unwrap();
    let mut work = Work::start(
        WorkId::new("full"),
        "North Team audit, 2026 baseline".into(),
        definition,
        today,
    );
    work.organisation = "Northtown Council".into();
    work.participants = "Principal Social Worker, AMHP lead, two team managers".into();
    for (index, (_, question)) in definition.questions().enumerate() {
        let answer = match definition.options_of(question) {
            Some(list) => {
                let scored: Vec<_> = list.options.iter().filter(|o| o.points.is_some()).collect();
                let chosen = scored
                    .get(index % scored.len().max(1))
                    .copied()
                    .or(list.options.first())
                    .unwrap();
                Answer::Choice(chosen.value.clone())
            }
            None => match question.answer {
                mhsw::definition::AnswerKind::Date {} => Answer::Date(today),
                mhsw::definition::AnswerKind::Number { min, .. } => {
                    Answer::Number(mhsw::number::Decimal::whole(min + 1))
                }
                _ => Answer::Text(format!(
                    "Written answer for {} with Welsh: Gŵyl, ŷ.",
                    question.id
                )),
            },
        };
        work.responses.set(
            question.id.clone(),
            ItemResponse {
                answer: Some(answer),
                evidence: Some(format!(
                    "Evidence for {}: supervision audit, minutes of the board, Gŵyl ŷ.",
                    question.id
                )),
                comment: Some("Agreed at the workshop.".into()),
                priority: Some(if index % 5 == 0 {
                    Priority::High
                } else {
                    Priority::Medium
                }),
            },
        );
    }
    work.plan = (1..=30)
        .map(|n| PlanRow {
            id: format!("row-{n}"),
            source: RowSource::Question(QuestionId::new("sup-1")),
            action: format!("Plan action number {n}: agree the supervision standard"),
            lead: "Principal Social Worker".into(),
            partners: "NHS trust".into(),
            target_date: Some("2027-03-31".parse().unwrap()),
            success_measure: "Audit of 20 files".into(),
            status: Status::InProgress,
            review_date: None,
        })
        .collect();
    work
}

/// Makes `work`'s report as `name.pdf`, checks it with qpdf, and returns its path and its text.
fn report(work: &Work, name: &str) -> (PathBuf, String) {
    let out = run_report(work, name, &[]);
    assert!(out.status.success(), "mhsw report failed: {}", stderr(&out));
    let pdf = file(&format!("{name}.pdf"));
    let check = tool("qpdf", &["--check", path(&pdf)]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "qpdf --check: {check}"
    );
    let text = tool("pdftotext", &[path(&pdf), "-"]);
    (pdf, text)
}

#[test]
fn a_full_audit_report_has_its_headings_scores_plan_and_welsh_text() {
    let definition = self_assessment();
    let work = full_audit(&definition);
    let (pdf, text) = report(&work, "full");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("North Team audit, 2026 baseline"),
        "the audit's name"
    );
    assert!(flat.contains("Northtown Council"), "the organisation");
    for section in &definition.sections {
        assert!(
            flat.contains(section.title.as_str()),
            "section title {:?}",
            section.title
        );
    }
    let scores = mhsw::scoring::score(&definition, &work.responses);
    let overall = scores.overall.expect("a full audit has an overall score");
    assert!(
        flat.contains(&overall.label()),
        "the overall score in words: {}",
        overall.label()
    );
    for n in 1..=30 {
        assert!(
            flat.contains(&format!("Plan action number {n}:")),
            "plan row {n}"
        );
    }
    assert!(
        flat.contains("Gŵyl") && flat.contains('ŷ'),
        "Welsh characters survive"
    );
    assert!(flat.contains("not an inspection rating"), "the caveat");
    assert!(flat.contains("2016"), "the alignment with the 2016 toolkit");
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 400_000, "the PDF is {size} bytes");
}

#[test]
fn an_empty_audit_report_is_valid_and_says_nothing_was_answered() {
    let definition = self_assessment();
    let work = Work::start(
        WorkId::new("empty"),
        "Empty audit".into(),
        &definition,
        "2026-11-22".parse().unwrap(),
    );
    let (_, text) = report(&work, "empty");
    assert!(text.contains("Nothing answered yet"), "{text}");
}

#[test]
fn a_work_file_for_an_unknown_questionnaire_is_refused_with_a_way_forward() {
    let definition = self_assessment();
    let mut work = full_audit(&definition);
    work.definition.id = mhsw::ids::DefinitionId::new("not-here");
    let work_path = work_file(&work, "unknown");
    let out = mhsw(&["report", path(&work_path), "-o", path(&file("unknown.pdf"))]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not-here") && stderr.contains("--definitions"),
        "{stderr}"
    );
}

#[test]
fn leaders_and_practitioners_are_set_side_by_side_with_gaps_named() {
    let definition = self_assessment();
    let leaders = full_audit(&definition);
    // Practitioners rate every scored item at the bottom of the scale.
    let mut practitioners = leaders.clone();
    practitioners.id = WorkId::new("practitioners");
    practitioners.perspective = mhsw::work::Perspective::Practitioners;
    for (_, question) in definition.questions() {
        if let Some(list) = definition.options_of(question) {
            if let Some(lowest) = list
                .options
                .iter()
                .filter(|o| o.points.is_some())
                .min_by_key(|o| o.points)
            {
                if let Some(item) = practitioners.responses.items.get_mut(&question.id) {
                    item.answer = Some(Answer::Choice(lowest.value.clone()));
                }
            }
        }
    }
    let practitioners_path = work_file(&practitioners, "practitioners");
    let out = run_report(
        &leaders,
        "side-by-side",
        &["--practitioners", path(&practitioners_path)],
    );
    let pdf = file("side-by-side.pdf");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = tool("pdftotext", &[path(&pdf), "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Leaders, practitioners and people who use services, side by side"),
        "the heading"
    );
    assert!(
        flat.contains("Leaders and practitioners:"),
        "a gap between leaders and practitioners is named"
    );
    assert!(
        flat.contains("Not asked"),
        "feedback was not given, so it is not asked"
    );
}

/// Evidence in Urdu is drawn with the built-in Arabic-script face; an emoji
/// in a comment cannot be drawn, and the command says how many characters and where.
#[test]
fn the_command_line_draws_urdu_and_says_where_characters_could_not_be_drawn() {
    let definition = self_assessment();
    let mut work = Work::start(
        WorkId::new("urdu"),
        "Urdu evidence".into(),
        &definition,
        "2026-11-22".parse().unwrap(),
    );
    work.responses.set(
        QuestionId::new("strat-1"),
        ItemResponse {
            answer: Some(Answer::Choice("established".into())),
            evidence: Some("بورڈ کی میٹنگ میں منظور ہوا".into()),
            comment: Some("Agreed 👍".into()),
            priority: None,
        },
    );
    let out = run_report(&work, "urdu", &[]);
    let pdf = file("urdu.pdf");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("1 character replaced"), "{stdout}");
    assert!(
        stdout.contains("1 character could not be drawn: 1 in “Comment” under “There is a written"),
        "{stdout}"
    );
    let text = tool("pdftotext", &[path(&pdf), "-"]).replace(['\u{202B}', '\u{202C}'], "");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("بورڈ کی میٹنگ میں منظور ہوا"), "{flat}");
}

#[test]
fn lang_cy_makes_the_feedback_report_in_welsh_and_english_stays_the_default() {
    let (_, work) = welsh_collection(6);
    let out = run_report(&work, "feedback-cy", &["--lang", "cy"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 characters replaced"));
    let pdf = file("feedback-cy.pdf");
    let text = tool("pdftotext", &[path(&pdf), "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for welsh in [
        "Crynodeb",
        "Cafwyd 6 ymateb",
        "Atebodd 6 pherson",
        "gŵr",
        "tŷ",
        "Tudalen 1 o",
    ] {
        assert!(flat.contains(welsh), "no {welsh:?} in:\n{flat}");
    }
    let json = tool("qpdf", &["--json", "--json-key=qpdf", path(&pdf)]);
    assert!(json.contains("\"/Lang\": \"u:cy\""), "no /Lang cy");

    // Without --lang: the questionnaire's primary language, English, as before.
    let out = run_report(&work, "feedback-default", &[]);
    assert!(out.status.success());
    let english = tool("pdftotext", &[path(&file("feedback-default.pdf")), "-"]);
    assert!(english.contains("Summary") && !english.contains("Crynodeb"));
    let out = run_report(&work, "feedback-en", &["--lang", "en"]);
    assert!(out.status.success());
    assert_eq!(
        tool("pdftotext", &[path(&file("feedback-en.pdf")), "-"]),
        english
    );

    // An unknown language is refused, naming the ones there are.
    let out = run_report(&work, "feedback-fr", &["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cy") && said.contains("en"), "{said}");

    // The audit report speaks Welsh too: its own words, and the questionnaire's Welsh parts.
    let audit = full_audit(&self_assessment());
    let out = run_report(&audit, "audit-cy", &["--lang", "cy"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let welsh = tool("pdftotext", &[path(&file("audit-cy.pdf")), "-"]);
    assert!(
        welsh.contains("Crynodeb") && welsh.contains("Fesul adran") && !welsh.contains("Summary"),
        "{welsh}"
    );

    let help = stdout(&mhsw(&["report", "--help"]));
    assert!(help.contains("--lang <LANG>"), "{help}");
    assert!(help.contains("primary language"), "{help}");
}
