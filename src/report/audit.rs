//! The audit report: an organisational self-assessment's results, comparisons, plan and caveats.
//!
//! Owns: the content and order of the audit report, from the cover to the caveats.
//! Must not touch: how anything is scored or compared (it reads [`Scores`], a
//! [`CycleComparison`] and a [`PeerComparison`]); layout; a clock ("today" is passed in).

use crate::benchmark::cycle::{CycleComparison, Direction};
use crate::benchmark::peers::{PeerComparison, Position};
use crate::case::lower_first;
use crate::date::Date;
use crate::definition::{Aggregation, Definition, Tone};
use crate::ids::{QuestionId, SectionId};
use crate::lang::Lang;
use crate::messages::say;
use crate::number::{display_figure, with_unit};
use crate::plan::propose;
use crate::responses::Priority;
use crate::scoring::{display_percent_f64, ItemOutcome, ItemResult, Scores, SectionScore};
use crate::text::Text;
use crate::work::Work;

use super::audit_words::{self as words, word};
use super::parts::{
    count_facts_in, count_of, footer_in, heading, in_lang, labelled, meta_in, name_of_in, notice,
    or_not_recorded_in, paragraph, plan_rows_in, score_brief_in, score_words_in, source_words_in,
    styled, table, tone_of, SELF_ASSESSMENT_CAVEAT,
};
use super::{
    Bar, BarChart, Block, Column, Cover, Fact, Marker, Orientation, Report, Table, TextStyle,
};

/// The heading of the legal risks (S19), the audit report's first part when the questionnaire
/// has statutory minimums (in English; [`legal_risks_heading`] in any language).
pub const LEGAL_RISKS_HEADING: &str = "Legal risks";

/// The heading of the legal risks in `lang`: "Legal risks", "Risgiau cyfreithiol".
pub fn legal_risks_heading(lang: Lang) -> &'static str {
    word(lang, LEGAL_RISKS_HEADING)
}

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
    /// The language of the report's own words; the definition's texts are in it where the
    /// definition gives them, else in their own language.
    pub language: Lang,
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
        language: lang,
        ..
    } = *input;
    let mut blocks = Vec::new();
    let said = Said {
        definition,
        work,
        lang,
    };
    legal_risks(&said, scores, &mut blocks);
    summary(&said, input, &mut blocks);
    workforce_profile(&said, input, &mut blocks);
    if let Some(previous) = input.previous {
        previous_cycle(&said, scores, previous, &mut blocks);
    }
    if let Some(peers) = input.peers {
        peer_section(&said, scores, peers, input.previous.is_some(), &mut blocks);
    }
    strengths_and_priorities(&said, scores, &mut blocks);
    sections(&said, scores, &mut blocks);
    plan(&said, scores, today, &mut blocks);
    evidence_gaps(&said, scores, &mut blocks);
    method(&said, scores, &mut blocks);
    caveats(&said, &mut blocks);

    let name = name_of_in(lang, work);
    let title = in_lang(lang, &definition.title);
    Report {
        meta: meta_in(
            lang,
            &name,
            &work.organisation,
            &title,
            &[
                "mental health social work",
                "self-assessment",
                "improvement plan",
            ],
        ),
        footer: footer_in(lang, work, today),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: name,
            subtitle: title.clone(),
            facts: vec![
                Fact::new(
                    word(lang, "Organisation"),
                    or_not_recorded_in(lang, &work.organisation),
                ),
                Fact::new(
                    word(lang, "Who took part"),
                    or_not_recorded_in(lang, &work.participants),
                ),
                Fact::new(
                    word(lang, "Whose views"),
                    words::whose_views(lang, work.perspective),
                ),
                Fact::new(word(lang, "Started"), work.created.long_in(lang)),
                Fact::new(word(lang, "Last updated"), work.updated.long_in(lang)),
                Fact::new(word(lang, "Report made"), today.long_in(lang)),
                Fact::new(
                    word(lang, "Questionnaire"),
                    super::words::version_label(lang, &title, &definition.version),
                ),
            ],
            statement: format!(
                "{}. {}",
                word(lang, "A self-assessment, not an inspection rating"),
                super::words::alignment_line(lang)
            ),
        }),
        blocks,
    }
}

/// The definition's texts an audit report in `lang` gives in another language, because the
/// definition has them only in that one: section and question titles, the law behind a
/// question, band labels and the plan's title, introduction and fields' names, as the report
/// writes them. A results page marks these with their own `lang`
/// (the definition's primary language) for screen readers, wherever they stand in the report's
/// words ([`runs_in_other_language`]). Empty for a report in the primary language.
pub fn texts_not_in(definition: &Definition, lang: Lang) -> std::collections::BTreeSet<String> {
    if lang == definition.primary_language() {
        return Default::default();
    }
    let missing = |text: &Text| text.exact(lang).is_none().then(|| text.to_string());
    // As a score gives them: "Amber, partly achieved".
    let bands = definition
        .sections
        .iter()
        .flat_map(|s| definition.bands_for(s))
        .filter(|b| b.label.exact(lang).is_none() || b.meaning.exact(lang).is_none())
        .map(|b| crate::scoring::band_words(b.label.primary(), b.meaning.primary()));
    definition
        .sections
        .iter()
        .filter_map(|s| missing(&s.title))
        .chain(definition.questions().filter_map(|(_, q)| missing(&q.text)))
        .chain(
            definition
                .questions()
                .filter_map(|(_, q)| q.statutory_basis.as_ref().and_then(missing)),
        )
        .chain(definition.plan.iter().flat_map(|p| {
            // Its title, introduction and fields' names, as a statement's commitments give them.
            std::iter::once(&p.title)
                .chain(&p.intro)
                .chain(p.fields.iter().map(|f| &f.label))
                .filter_map(missing)
        }))
        .chain(bands)
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// `text` cut into runs, each `true` when it is one of `others` (texts in another language
/// than the words around them: [`texts_not_in`]), found as whole words, the longest first.
/// The runs together are `text`.
pub fn runs_in_other_language<'a>(
    text: &'a str,
    others: &std::collections::BTreeSet<String>,
) -> Vec<(bool, &'a str)> {
    let within: Vec<&str> = others
        .iter()
        .map(String::as_str)
        .filter(|o| text.contains(o))
        .collect();
    if within.is_empty() {
        return vec![(false, text)];
    }
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut runs = Vec::new();
    let (mut plain_from, mut at) = (0, 0);
    while at < text.len() {
        let rest = &text[at..];
        let starts_word = !word_char(text[..at].chars().next_back());
        let found = within
            .iter()
            .filter(|o| starts_word && rest.starts_with(**o))
            .filter(|o| !word_char(rest[o.len()..].chars().next()))
            .map(|o| o.len())
            .max();
        match found {
            Some(len) => {
                if plain_from < at {
                    runs.push((false, &text[plain_from..at]));
                }
                runs.push((true, &text[at..at + len]));
                at += len;
                plain_from = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_from < text.len() {
        runs.push((false, &text[plain_from..]));
    }
    runs
}

/// What every part of the report reads from: the definition, the work, and the language to
/// write in.
struct Said<'a> {
    definition: &'a Definition,
    work: &'a Work,
    lang: Lang,
}

impl Said<'_> {
    fn question_text(&self, item: &ItemResult) -> String {
        self.question_by_id(&item.question)
    }

    fn question_by_id(&self, id: &QuestionId) -> String {
        self.definition
            .question(id)
            .map_or_else(|| id.to_string(), |q| in_lang(self.lang, &q.text))
    }

    /// A section's title in the report's language, where the definition gives it.
    fn section_title(&self, id: &SectionId, title: &str) -> String {
        match (self.lang, self.definition.section(id)) {
            (Lang::En, _) | (_, None) => title.to_owned(),
            (lang, Some(section)) => section.title.get(lang).to_owned(),
        }
    }

    /// The label of the option chosen for an item, in the report's language where the
    /// definition gives it (the scores carry it in the definition's primary language).
    fn chosen(&self, item: &ItemResult) -> Option<String> {
        if self.lang == Lang::En {
            return item.chosen.clone();
        }
        let question = self.definition.question(&item.question)?;
        let value = match self.work.responses.item(&item.question)?.answer.as_ref()? {
            crate::responses::Answer::Choice(value) => value,
            _ => return item.chosen.clone(),
        };
        self.definition
            .options_of(question)
            .and_then(|list| {
                list.options
                    .iter()
                    .find(|o| o.value == *value)
                    .map(|o| o.label.get(self.lang).to_owned())
            })
            .or_else(|| item.chosen.clone())
    }

    /// An option's label, given in the definition's primary language, in the report's
    /// language where the question's options give it.
    fn option_label(&self, question: &QuestionId, label: &str) -> String {
        if self.lang == Lang::En {
            return label.to_owned();
        }
        self.definition
            .question(question)
            .and_then(|q| self.definition.options_of(q))
            .and_then(|list| {
                list.options
                    .iter()
                    .find(|o| o.label.primary() == label)
                    .map(|o| o.label.get(self.lang).to_owned())
            })
            .unwrap_or_else(|| label.to_owned())
    }

    fn word(&self, english: &'static str) -> &'static str {
        word(self.lang, english)
    }
}

/// Whether a question is rated on points, rather than recording a fact such as where the people
/// completing the audit work.
fn is_rated(definition: &Definition, question: &QuestionId) -> bool {
    definition
        .question(question)
        .and_then(|q| definition.options_of(q))
        .and_then(|options| options.max_points())
        .is_some()
}

/// Whether a section has a score to report: a rated question of it is shown, or is waiting for
/// the answer that decides whether it is asked (partnership governance's ratings, before
/// "Is there a partnership agreement?" is answered). A section of facts has none, and nor
/// has one whose rated questions an answer has ruled out.
fn is_scored(said: &Said, section: &SectionScore) -> bool {
    let definition = said.definition;
    let shown_rated = section
        .items
        .iter()
        .any(|item| is_rated(definition, &item.question));
    let undecided = || {
        definition.section(&section.id).is_some_and(|found| {
            found.questions.iter().any(|q| {
                is_rated(definition, &q.id)
                    && q.shows_when.as_ref().is_some_and(|when| {
                        when.alternatives()
                            .all(|c| said.work.responses.answer(&c.question).is_none())
                    })
            })
        })
    };
    shown_rated || undecided()
}

/// What stands in a table where a section has no score: why, in words.
fn no_score_words(said: &Said, scores: &Scores, section: Option<&SectionId>) -> String {
    match section.and_then(|id| scores.sections.iter().find(|s| s.id == *id)) {
        Some(s) if !s.shown => said.word("Not needed").to_owned(),
        Some(s) if !is_scored(said, s) => said.word("Not scored").to_owned(),
        _ => said.word(super::parts::NOTHING_SCORABLE).to_owned(),
    }
}

fn rating_words(said: &Said, item: &ItemResult) -> String {
    let chosen = said.chosen(item);
    let lang = said.lang;
    match (&item.outcome, &item.score) {
        (ItemOutcome::Unanswered, _) => say(lang, "Not answered yet", "Heb ei ateb eto").to_owned(),
        (_, Some(score)) => match &score.band {
            Some(band) => format!(
                "{} ({})",
                chosen.unwrap_or_else(|| score.fraction.display()),
                band.words()
            ),
            None => chosen.unwrap_or_else(|| score.fraction.display()),
        },
        (_, None) => chosen.unwrap_or_else(|| say(lang, "Answered", "Wedi’i ateb").to_owned()),
    }
}

/// The legal risks (S19), first of all, when the definition has any statutory minimum: each
/// item's text, its answer and the law when the definition names it.
fn legal_risks(said: &Said, scores: &Scores, blocks: &mut Vec<Block>) {
    let (definition, lang) = (said.definition, said.lang);
    let statutory = definition
        .questions()
        .filter(|(_, q)| q.statutory_minimum)
        .count();
    if statutory == 0 {
        return;
    }
    blocks.push(heading(1, legal_risks_heading(lang)));
    let risks: Vec<String> = scores
        .legal_risks()
        .map(|item| legal_risk_words(said, item))
        .collect();
    let asking = |n: usize| match lang {
        Lang::En => count_of(n as u32, "question asks for", "questions ask for"),
        Lang::Cy => format!("Mae {} yn gofyn am", words::questions_count(lang, n as u32)),
    };
    if risks.is_empty() {
        // "None found" is said only of what was answered: with most of these questions not
        // answered yet, it would sound like a clean bill of health that was never given.
        // Counted among those shown (one shown only after another answer is not asked yet).
        let (unanswered, answered) = scores
            .items()
            .filter(|item| {
                definition
                    .question(&item.question)
                    .is_some_and(|q| q.statutory_minimum)
            })
            .fold((0, 0), |(no, yes), item| match item.outcome {
                ItemOutcome::Unanswered => (no + 1, yes),
                _ => (no, yes + 1),
            });
        blocks.push(paragraph(match (lang, unanswered, answered) {
            (Lang::En, 0, _) => format!(
                "None found. {} a minimum that the law requires; none is answered below it or \u{201c}Don't know\u{201d}.",
                asking(statutory)
            ),
            (Lang::Cy, 0, _) => format!(
                "Dim wedi’u canfod. {} isafswm y mae’r gyfraith yn ei fynnu; nid oes yr un wedi’i ateb yn is na hynny nac yn \u{201c}Ddim yn gwybod\u{201d}.",
                asking(statutory)
            ),
            (Lang::En, _, 0) => format!(
                "None found yet. {} a minimum that the law requires, and none of them is answered yet.",
                asking(statutory)
            ),
            (Lang::Cy, _, 0) => format!(
                "Dim wedi’u canfod eto. {} isafswm y mae’r gyfraith yn ei fynnu, ac nid oes yr un ohonynt wedi’i ateb eto.",
                asking(statutory)
            ),
            (Lang::En, _, _) => format!(
                "None found so far. {} a minimum that the law requires. {unanswered} of them {} not answered yet; none of those answered is below it or \u{201c}Don't know\u{201d}.",
                asking(statutory),
                if unanswered == 1 { "is" } else { "are" },
            ),
            (Lang::Cy, _, _) => format!(
                "Dim wedi’u canfod hyd yma. {} isafswm y mae’r gyfraith yn ei fynnu. Nid yw {unanswered} ohonynt wedi’u hateb eto; nid oes yr un o’r rhai a atebwyd yn is na hynny nac yn \u{201c}Ddim yn gwybod\u{201d}.",
                asking(statutory)
            ),
        }));
        return;
    }
    let one = risks.len() == 1;
    blocks.push(paragraph(match lang {
        Lang::En => format!(
            "{} a minimum that the law requires, and the answer falls short of it or does not know whether it is met. {} a legal risk to put right first, whatever the scores say; {} counted as usual.",
            asking(risks.len()),
            if one { "It is" } else { "Each is" },
            if one { "its points are" } else { "their points are" },
        ),
        Lang::Cy => format!(
            "{} isafswm y mae’r gyfraith yn ei fynnu, ac mae’r ateb yn is na hynny neu’n dweud nad yw’n hysbys a yw’n cael ei fodloni. {} risg gyfreithiol i’w chywiro’n gyntaf, beth bynnag y mae’r sgorau’n ei ddweud; caiff {} eu cyfrif yn ôl yr arfer.",
            asking(risks.len()),
            if one { "Mae’n" } else { "Mae pob un yn" },
            if one { "ei bwyntiau" } else { "eu pwyntiau" },
        ),
    }));
    blocks.push(Block::Warnings(risks));
}

/// One legal risk in words: `Legal risk: <question>. Answer: Developing. Required by: <law>.`
fn legal_risk_words(said: &Said, item: &ItemResult) -> String {
    let lang = said.lang;
    let answer = said
        .chosen(item)
        .unwrap_or_else(|| said.word("Not answered").to_owned());
    let required_by = say(lang, "Required by", "Yn ofynnol gan");
    let basis = said
        .definition
        .question(&item.question)
        .and_then(|q| q.statutory_basis.as_ref())
        .map(|law| format!(" {required_by}: {}", end_sentence(law.get(lang))))
        .unwrap_or_default();
    format!(
        "{}: {} {}: {answer}.{basis}",
        words::legal_risk(lang),
        end_sentence(&said.question_text(item)),
        said.word("Answer"),
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

fn summary(said: &Said, input: &AuditReportInput, blocks: &mut Vec<Block>) {
    let (scores, lang) = (input.scores, said.lang);
    blocks.push(heading(1, said.word("Summary")));
    if scores.is_empty() {
        blocks.push(notice(
            said.word("Nothing answered yet"),
            said.word("No questions in this audit have been answered, so there are no scores, strengths or priorities to report. Answer the questions in each section, then make the report again."),
        ));
    }
    blocks.push(styled(
        format!(
            "{}: {}.",
            overall(lang),
            score_words_in(lang, scores.overall.as_ref())
        ),
        TextStyle::Lead,
    ));
    // A score from part of an audit says so where it is given: "Overall: 100%" from one answer
    // of eighty read as a finished result (found by a tester on 7 December 2026).
    if let Some(counts) = unfinished(said.definition, scores).filter(|&(a, _)| a > 0) {
        blocks.push(unfinished_notice(
            lang,
            counts,
            ", so these scores can change a good deal as the rest are answered.",
            ", felly gall y sgorau hyn newid yn fawr wrth i’r gweddill gael eu hateb.",
        ));
    }
    blocks.push(Block::Facts(count_facts_in(lang, &scores.counts)));

    let previous = input.previous.map(|p| p.comparison);
    let bars = scores
        .sections
        .iter()
        .filter(|s| s.shown && is_scored(said, s))
        .map(|section| {
            let last = previous
                .and_then(|c| c.sections.iter().find(|x| x.section == section.id))
                .and_then(|x| x.change.previous.as_ref())
                .map(|s| Marker {
                    percent: s.fraction.percent(),
                    label: format!("{}: {}", said.word("Last cycle"), s.fraction.display()),
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
                    label: format!("{}: {}", said.word("Peer median"), display_percent_f64(m)),
                });
            Bar {
                label: said.section_title(&section.id, &section.title),
                percent: section.score.as_ref().map(|s| s.fraction.percent()),
                value_label: score_words_in(lang, section.score.as_ref()),
                tone: tone_of(section.score.as_ref()),
                // One kind of marker in a chart, the one its caption names: with a previous
                // cycle, last cycle's score (a section not scored then has none; the peers'
                // medians have their own chart), else the peer median.
                marker: if previous.is_some() { last } else { median },
            }
        })
        .collect::<Vec<_>>();
    let unmarked = bars
        .iter()
        .any(|b| b.percent.is_some() && b.marker.is_none());
    let marker_note = match (previous.is_some(), input.peers.is_some()) {
        (true, _) if unmarked => said.word(
            " The marker on each bar shows last cycle's score; a section without one had no score last cycle.",
        ),
        (true, _) => said.word(" The marker on each bar shows last cycle's score."),
        (false, true) => said.word(" The marker on each bar shows the peer median."),
        (false, false) => "",
    };
    blocks.push(Block::BarChart(BarChart {
        caption: format!(
            "{}{marker_note}",
            said.word("Score for each section, as a percentage of the most it could score, with its rating in words.")
        ),
        bars,
    }));
    let hidden: Vec<String> = scores
        .sections
        .iter()
        .filter(|s| !s.shown)
        .map(|s| said.section_title(&s.id, &s.title))
        .collect();
    if !hidden.is_empty() {
        blocks.push(paragraph(format!(
            "{}: {}.",
            say(
                lang,
                "Not needed, because of an earlier answer",
                "Dim angen, oherwydd ateb cynharach"
            ),
            hidden.join("; ")
        )));
    }
}

/// "Overall", before the overall score.
fn overall(lang: Lang) -> &'static str {
    say(lang, "Overall", "Cyffredinol")
}

/// A change of score between two cycles in `lang`, as [`crate::benchmark::cycle::ScoreChange::words`]
/// says it in English.
fn change_words(lang: Lang, change: &crate::benchmark::cycle::ScoreChange) -> String {
    match (lang, &change.previous, &change.current) {
        (Lang::En, _, _) => change.words(),
        (_, Some(p), Some(c)) => words::change(
            lang,
            i128::from(c.fraction.whole_percent()) - i128::from(p.fraction.whole_percent()),
            c.fraction.cmp_value(p.fraction),
        ),
        _ => words::not_comparable(lang).to_owned(),
    }
}

fn previous_cycle(said: &Said, scores: &Scores, previous: PreviousCycle, blocks: &mut Vec<Block>) {
    let lang = said.lang;
    let c = previous.comparison;
    blocks.push(heading(1, said.word("Compared with the last cycle")));
    let name = name_of_in(lang, previous.work);
    let updated = previous.work.updated.long_in(lang);
    blocks.push(paragraph(match lang {
        Lang::En => format!(
            "Last cycle: \u{201c}{name}\u{201d}, last updated {updated}. Sections and questions are matched by their ids, so questions added or removed since then are not compared."
        ),
        Lang::Cy => format!(
            "Y cylch diwethaf: \u{201c}{name}\u{201d}, a ddiweddarwyd ddiwethaf ar {updated}. Caiff adrannau a chwestiynau eu paru yn ôl eu dynodyddion, felly ni chaiff cwestiynau a ychwanegwyd neu a dynnwyd ers hynny eu cymharu."
        ),
    }));
    if c.previous_version != c.current_version {
        let (was, now) = (&c.previous_version, &c.current_version);
        blocks.push(paragraph(match lang {
            Lang::En => format!(
                "The questionnaire has changed from version {was} to version {now} since then; both cycles are scored against version {now}."
            ),
            Lang::Cy => format!(
                "Mae’r holiadur wedi newid o fersiwn {was} i fersiwn {now} ers hynny; caiff y ddau gylch eu sgorio yn erbyn fersiwn {now}."
            ),
        }));
    }
    let overall = match c.overall.direction {
        Direction::NotComparable => said
            .word("The overall score cannot be compared, because one of the two cycles has nothing scorable.")
            .to_owned(),
        _ => {
            let now = score_brief_in(lang, c.overall.current.as_ref());
            let then = score_brief_in(lang, c.overall.previous.as_ref());
            let change = change_words(lang, &c.overall);
            match lang {
                Lang::En => format!("Overall: {now} now, against {then} last cycle: {change}."),
                Lang::Cy => format!(
                    "Cyffredinol: {now} nawr, o’i gymharu â {then} y cylch diwethaf: {change}."
                ),
            }
        }
    };
    blocks.push(paragraph(overall));
    blocks.push(table(
        said.word("Each section, last cycle and now"),
        &[
            (said.word("Section"), 4),
            (said.word("Last cycle"), 3),
            (said.word("Now"), 3),
            (said.word("Change"), 2),
        ],
        c.sections
            .iter()
            .map(|s| {
                vec![
                    said.section_title(&s.section, &s.title),
                    score_words_in(lang, s.change.previous.as_ref()),
                    s.change.current.as_ref().map_or_else(
                        || no_score_words(said, scores, Some(&s.section)),
                        crate::scoring::Score::label,
                    ),
                    change_words(lang, &s.change),
                ]
            })
            .collect(),
        Some(said.word(
            "Changes are in percentage points, worked out from the whole percentages shown.",
        )),
    ));
    let describe = |items: &[crate::benchmark::cycle::ItemChange]| -> Vec<String> {
        items
            .iter()
            .map(|i| {
                let text = said.question_by_id(&i.question);
                let label = |chosen: &(crate::scoring::Fraction, Option<String>)| {
                    chosen
                        .1
                        .as_deref()
                        .map_or_else(|| chosen.0.display(), |l| said.option_label(&i.question, l))
                };
                let (then, now) = (label(&i.previous), label(&i.current));
                let value = match lang {
                    Lang::En => format!("{then} then, {now} now"),
                    Lang::Cy => format!("{then} bryd hynny, {now} nawr"),
                };
                labelled(&text, &value)
            })
            .collect()
    };
    blocks.push(heading(2, said.word("Better than last cycle")));
    push_list(
        blocks,
        describe(&c.better),
        said.word("No question is rated higher than last cycle."),
    );
    blocks.push(heading(2, said.word("Worse than last cycle")));
    push_list(
        blocks,
        describe(&c.worse),
        said.word("No question is rated lower than last cycle."),
    );
    blocks.push(heading(2, said.word("Newly rated Red")));
    let new_red: Vec<String> = c.new_red.iter().map(|id| said.question_by_id(id)).collect();
    push_list(
        blocks,
        new_red,
        said.word("No question has newly moved into Red."),
    );
}

/// The workforce profile: each figure given in answer to a number question (never scored, S18),
/// with last cycle's figure and the change (C5), and the peer median with where the figure
/// stands (R7) when those comparisons are made. Nothing when the definition asks for no figures.
fn workforce_profile(said: &Said, input: &AuditReportInput, blocks: &mut Vec<Block>) {
    let AuditReportInput {
        definition, scores, ..
    } = *input;
    let lang = said.lang;
    let asked = definition
        .questions()
        .filter(|(_, q)| q.answer.number_rule().is_some())
        .count();
    if asked == 0 {
        return;
    }
    blocks.push(heading(1, said.word("Workforce profile")));
    if scores.figures.is_empty() {
        blocks.push(paragraph(said.word(
            "No workforce figures have been given yet. They are recorded as they are given and are not scored.",
        )));
        return;
    }
    let cycle = input.previous.map(|p| p.comparison);
    let peers = input.peers.filter(|p| p.organisations.is_some());
    let column = |english, width| Column::new(said.word(english), width);
    let mut columns = vec![column("Figure", 5), column("Ours", 3)];
    if cycle.is_some() {
        columns.push(column("Last cycle", 2));
        columns.push(column("Change", 2));
    }
    if peers.is_some() {
        columns.push(column("Peer median", 3));
        columns.push(column("Where we stand", 3));
    }
    let rows = scores
        .figures
        .iter()
        .map(|figure| {
            let mut ours = figure.shown();
            let per = figure.per.map(|per| said.word(per));
            if let (Some(per), Some(value)) = (per, figure.comparable) {
                ours.push_str(&format!(" ({} {per})", display_figure(value, 2)));
            }
            let title = match lang {
                Lang::En => figure.title.clone(),
                _ => said.question_by_id(&figure.question),
            };
            let mut row = vec![title, ours];
            if let Some(cycle) = cycle {
                let change = cycle.figures.iter().find(|f| f.question == figure.question);
                row.push(change.and_then(|c| c.previous).map_or_else(
                    || said.word("Not given").to_owned(),
                    |p| with_unit(&p.to_string(), &figure.unit),
                ));
                row.push(change.map_or_else(
                    || words::not_comparable_cell(lang).to_owned(),
                    |c| words::figure_change(lang, &c.movement()),
                ));
            }
            if let Some(peers) = peers {
                let placed = peers.figures.iter().find(|f| f.question == figure.question);
                let median = placed
                    .and_then(|p| p.reference)
                    .and_then(|r| r.figures())
                    .map(|(_, _, median, _)| median);
                row.push(match (median, per) {
                    (Some(median), Some(per)) => format!("{} {per}", display_figure(median, 2)),
                    (Some(median), None) => with_unit(
                        &display_figure(median, figure.decimals.max(1)),
                        &figure.unit,
                    ),
                    (None, _) => said.word("Not shown").to_owned(),
                });
                row.push(
                    words::position(
                        lang,
                        placed.map_or(Position::NotInReference, |p| p.position),
                    )
                    .to_owned(),
                );
            }
            row
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: said.word("Workforce figures as given").to_owned(),
        columns,
        rows,
        note: Some(said.word(if peers.is_some() {
            "Figures are recorded as given and are not scored. Peers' figures are compared per social work FTE or per 100,000 population where the question says so; figures given by fewer than five organisations are not shown."
        } else {
            "Figures are recorded as given and are not scored."
        })
        .to_owned()),
    }));
}

fn push_list(blocks: &mut Vec<Block>, items: Vec<String>, when_empty: &'static str) {
    if items.is_empty() {
        blocks.push(paragraph(when_empty));
    } else {
        blocks.push(Block::Bullets(items));
    }
}

/// The rated questions answered and asked, when some asked are not answered yet: how far an
/// audit whose scores are shown is from finished. "Don't know" and "Not applicable" are answers.
pub(crate) fn unfinished(definition: &Definition, scores: &Scores) -> Option<(u32, u32)> {
    let (mut answered, mut rated) = (0, 0);
    let asked = scores
        .sections
        .iter()
        .filter(|s| s.shown)
        .flat_map(|s| &s.items)
        .filter(|item| is_rated(definition, &item.question));
    for item in asked {
        rated += 1;
        if item.outcome != ItemOutcome::Unanswered {
            answered += 1;
        }
    }
    (answered < rated).then_some((answered, rated))
}

/// The "Not finished yet" notice given wherever an unfinished audit's scores are shown: how
/// many of its rated questions are answered, then what that means there (`so_en` and `so_cy`,
/// each starting with its punctuation).
pub(crate) fn unfinished_notice(
    lang: Lang,
    (answered, rated): (u32, u32),
    so_en: &str,
    so_cy: &str,
) -> Block {
    notice(
        word(lang, "Not finished yet"),
        match lang {
            Lang::En => {
                let verb = if answered == 1 { "is" } else { "are" };
                format!("{answered} of the {rated} rated questions {verb} answered{so_en}")
            }
            Lang::Cy => {
                format!("Mae {answered} o’r {rated} cwestiwn wedi’u graddio wedi’u hateb{so_cy}")
            }
        },
    )
}

fn peer_section(
    said: &Said,
    scores: &Scores,
    peers: &PeerComparison,
    chart_had_last_cycle: bool,
    blocks: &mut Vec<Block>,
) {
    let lang = said.lang;
    let group = words::peer_group(lang, &peers.group);
    blocks.push(heading(1, said.word("Compared with peers")));
    match peers.organisations {
        Some(n) => blocks.push(paragraph(match lang {
            Lang::En => format!(
                "Compared with {} in an anonymous reference set ({n} organisations). No organisation in the set can be identified, and figures for fewer than five organisations are never shown.",
                lower_first(&group)
            ),
            Lang::Cy => format!(
                "O’i gymharu â {} mewn set gyfeirio ddienw ({n} sefydliad). Ni ellir adnabod unrhyw sefydliad yn y set, ac ni ddangosir byth ffigurau ar gyfer llai na phum sefydliad.",
                words::aspirate(&lower_first(&group))
            ),
        })),
        None => {
            blocks.push(notice(
                said.word("Not shown"),
                match lang {
                    Lang::En => format!(
                        "The group \u{201c}{group}\u{201d} has fewer than five organisations in the reference set, so no comparison is shown. Choose a larger group."
                    ),
                    Lang::Cy => format!(
                        "Mae gan y grŵp \u{201c}{group}\u{201d} lai na phum sefydliad yn y set gyfeirio, felly ni ddangosir unrhyw gymhariaeth. Dewiswch grŵp mwy."
                    ),
                },
            ));
            return;
        }
    }
    if let Some(counts) = unfinished(said.definition, scores) {
        blocks.push(unfinished_notice(
            lang,
            counts,
            ". Until the audit is finished, its scores can change and are not a fair comparison with the peers’ figures.",
            ". Nes bydd yr archwiliad wedi’i orffen, gall ei sgorau newid ac nid ydynt yn gymhariaeth deg â ffigurau’r cymheiriaid.",
        ));
    }
    let figure = |row: &crate::benchmark::peers::PeerRow, pick: fn((u32, f64, f64, f64)) -> f64| {
        row.reference.and_then(|r| r.figures()).map_or_else(
            || said.word("Not shown").to_owned(),
            |f| display_percent_f64(pick(f)),
        )
    };
    let title = |row: &crate::benchmark::peers::PeerRow| match &row.section {
        Some(id) => said.section_title(id, &row.title),
        None => words::overall_row(lang, &row.title),
    };
    let rows = std::iter::once(&peers.overall)
        .chain(&peers.sections)
        .map(|row| {
            vec![
                title(row),
                row.score.map_or_else(
                    || no_score_words(said, scores, row.section.as_ref()),
                    |s| s.display(),
                ),
                figure(row, |f| f.1),
                figure(row, |f| f.2),
                figure(row, |f| f.3),
                words::position(lang, row.position).to_owned(),
            ]
        })
        .collect();
    blocks.push(table(
        match lang {
            Lang::En => format!("Our scores among {}", lower_first(&group)),
            Lang::Cy => format!("Ein sgorau ymhlith {}", lower_first(&group)),
        },
        &[
            (said.word("Section"), 4),
            (said.word("Ours"), 2),
            (said.word("Lower quartile"), 2),
            (said.word("Median"), 2),
            (said.word("Upper quartile"), 2),
            (said.word("Where we stand"), 4),
        ],
        rows,
        Some(said.word("A quarter of organisations score below the lower quartile, half below the median and three quarters below the upper quartile. Sections scored by fewer than five organisations are not shown.")),
    ));
    if chart_had_last_cycle {
        blocks.push(Block::BarChart(BarChart {
            caption: said
                .word("Score for each section, with the peer median as the marker.")
                .to_owned(),
            bars: peers
                .sections
                .iter()
                .filter(|r| r.position != Position::NotScored)
                .map(|row| Bar {
                    label: title(row),
                    percent: row.score.map(|s| s.percent()),
                    value_label: format!(
                        "{}: {}",
                        row.score.map_or_else(String::new, |s| s.display()),
                        lower_first(words::position(lang, row.position))
                    ),
                    tone: Tone::Neutral,
                    marker: row.median().map(|m| Marker {
                        percent: m,
                        label: format!("{}: {}", said.word("Peer median"), display_percent_f64(m)),
                    }),
                })
                .collect(),
        }));
    }
}

fn strengths_and_priorities(said: &Said, scores: &Scores, blocks: &mut Vec<Block>) {
    blocks.push(heading(1, said.word("Strengths")));
    let strengths: Vec<String> = scores
        .strengths()
        .map(|item| labelled(&said.question_text(item), &rating_words(said, item)))
        .collect();
    push_list(
        blocks,
        strengths,
        said.word("No strengths identified yet: no question has been rated at the top of its scale or in a green band."),
    );
    blocks.push(heading(1, said.word("Priorities")));
    let priorities: Vec<String> = scores
        .priorities()
        .map(|item| {
            let high = if item.priority == Some(Priority::High) {
                said.word("; marked high priority")
            } else {
                ""
            };
            labelled(
                &said.question_text(item),
                &format!("{}{high}", rating_words(said, item)),
            )
        })
        .collect();
    push_list(
        blocks,
        priorities,
        said.word("No priorities identified yet: no question is in a band that calls for action, and none is marked high priority."),
    );
}

fn sections(said: &Said, scores: &Scores, blocks: &mut Vec<Block>) {
    let (definition, work, lang) = (said.definition, said.work, said.lang);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, said.word("Section by section")));
    for section in &scores.sections {
        blocks.push(heading(2, said.section_title(&section.id, &section.title)));
        if !section.shown {
            blocks.push(paragraph(
                said.word("This section was not needed, because of an earlier answer."),
            ));
            continue;
        }
        let scored = is_scored(said, section);
        if scored {
            blocks.push(styled(
                format!(
                    "{}: {}.",
                    say(lang, "Score", "Sgôr"),
                    score_words_in(lang, section.score.as_ref())
                ),
                TextStyle::Lead,
            ));
        } else {
            blocks.push(paragraph(said.word(
                "This section is not scored: its answers are recorded as they were given.",
            )));
        }
        if section.aggregation == Aggregation::LowestItem {
            blocks.push(styled(
                said.word("This section's score is that of its lowest-rated question: a condition is only as strong as its weakest part."),
                TextStyle::Small,
            ));
        }
        if scored {
            blocks.push(Block::Facts(count_facts_in(lang, &section.counts)));
        }
        // Figures with nothing noted beside them are listed together, one line each, as the
        // workforce profile lists them: a heading apiece would add pages, not meaning.
        let mut figures: Vec<Fact> = Vec::new();
        for item in &section.items {
            let recorded = work.responses.item(&item.question);
            let is_figure = definition
                .question(&item.question)
                .is_some_and(|q| q.answer.number_rule().is_some());
            let noted = recorded.is_some_and(|r| {
                r.evidence.is_some() || r.comment.is_some() || r.priority.is_some()
            });
            if is_figure && !noted {
                figures.push(Fact::new(
                    said.question_text(item),
                    rating_words(said, item),
                ));
                continue;
            }
            if !figures.is_empty() {
                blocks.push(Block::Facts(std::mem::take(&mut figures)));
            }
            blocks.push(heading(3, said.question_text(item)));
            let label = if is_rated(definition, &item.question) {
                "Rating"
            } else {
                "Answer"
            };
            let mut facts = vec![Fact::new(said.word(label), rating_words(said, item))];
            if item.legal_risk {
                facts.push(Fact::new(
                    words::legal_risk(lang),
                    said.word("Yes: the minimum the law requires is not shown to be met"),
                ));
            }
            if let Some(priority) = item.priority {
                facts.push(Fact::new(
                    said.word("Priority"),
                    words::priority(lang, priority),
                ));
            }
            if let Some(evidence) = recorded.and_then(|r| r.evidence.as_deref()) {
                facts.push(Fact::new(said.word("Evidence"), evidence.trim()));
            } else if definition.collect.evidence
                && item.outcome != ItemOutcome::Unanswered
                && definition
                    .question(&item.question)
                    .is_some_and(|q| q.evidence_prompt.is_some())
            {
                facts.push(Fact::new(said.word("Evidence"), said.word("None recorded")));
            }
            if let Some(comment) = recorded.and_then(|r| r.comment.as_deref()) {
                facts.push(Fact::new(said.word("Comment"), comment.trim()));
            }
            blocks.push(Block::Facts(facts));
        }
        if !figures.is_empty() {
            blocks.push(Block::Facts(figures));
        }
    }
}

fn plan(said: &Said, scores: &Scores, today: Date, blocks: &mut Vec<Block>) {
    let (definition, work, lang) = (said.definition, said.work, said.lang);
    let Some(config) = &definition.plan else {
        return;
    };
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, in_lang(lang, &config.title)));
    if let Some(intro) = &config.intro {
        blocks.push(paragraph(in_lang(lang, intro)));
    }
    blocks.extend(plan_rows_in(
        lang,
        definition,
        &work.plan,
        today,
        said.word("The actions agreed so far"),
    ));
    let proposals = propose(definition, scores, &work.plan, lang);
    if !proposals.is_empty() {
        blocks.push(heading(2, said.word("Suggested for the plan")));
        blocks.push(paragraph(said.word(
            "These questions are legal risks (listed first), are rated in a band that calls for action, or are marked high priority, but have no action in the plan yet.",
        )));
        blocks.push(Block::Bullets(
            proposals
                .iter()
                .map(|p| {
                    let text = source_words_in(lang, definition, &p.row.source);
                    let reason = lower_first(&match lang {
                        Lang::En => p.why(),
                        _ => words::proposal_why(lang, &p.reason, p.legal_risk),
                    });
                    if p.row.action.is_empty() {
                        format!("{text} ({reason})")
                    } else {
                        format!(
                            "{text} ({reason}). {}: {}",
                            words::first_step(lang),
                            p.row.action
                        )
                    }
                })
                .collect(),
        ));
    }
}

fn evidence_gaps(said: &Said, scores: &Scores, blocks: &mut Vec<Block>) {
    let lang = said.lang;
    blocks.push(heading(1, said.word("Evidence gaps")));
    let gaps: Vec<String> = scores
        .evidence_gaps()
        .map(|item| said.question_text(item))
        .collect();
    if gaps.is_empty() {
        blocks.push(paragraph(
            said.word("No question was answered \u{201c}Don't know\u{201d}."),
        ));
    } else {
        let n = gaps.len() as u32;
        blocks.push(paragraph(match lang {
            Lang::En => format!(
                "{} answered \u{201c}Don't know\u{201d}. These are left out of the scores; finding the evidence for them is a first step.",
                count_of(n, "question was", "questions were")
            ),
            Lang::Cy => format!(
                "Atebwyd {} â \u{201c}Ddim yn gwybod\u{201d}. Caiff y rhain eu gadael allan o’r sgorau; dod o hyd i’r dystiolaeth ar eu cyfer yw’r cam cyntaf.",
                words::questions_count(lang, n)
            ),
        }));
        blocks.push(Block::Bullets(gaps));
    }
}

fn method(said: &Said, scores: &Scores, blocks: &mut Vec<Block>) {
    let (definition, lang) = (said.definition, said.lang);
    blocks.push(heading(1, said.word("How the scores are worked out")));
    for text in [
        "Each rated question earns the points of the answer chosen, out of the most its scale allows. Some questions count more than others: their points, and the most they could earn, are multiplied by their weight.",
        "\u{201c}Not applicable\u{201d} answers are left out altogether, so they neither raise nor lower a score. \u{201c}Don't know\u{201d} answers are left out of the score and listed as evidence gaps. \u{201c}Prefer not to say\u{201d} answers are left out and counted on their own. Questions not answered yet never count as zero. Questions hidden by an earlier answer do not count at all.",
        "A section's score is the points earned over the points possible, unless the section is scored by its lowest-rated question. The overall score adds up the points earned and possible across every section, so sections with more questions count for more.",
        "A section or audit with nothing scorable has no score, rather than a score of 0%. Percentages are rounded down to a whole number, so the number shown always falls within the band named beside it.",
    ] {
        blocks.push(paragraph(said.word(text)));
    }
    if let Some(scoring) = &definition.scoring {
        blocks.push(table(
            said.word("The bands"),
            &[
                (said.word("Band"), 2),
                (said.word("Meaning"), 4),
                (said.word("From"), 1),
                (said.word("Up to"), 1),
                (said.word("Calls for action"), 2),
            ],
            scoring
                .bands
                .iter()
                .map(|b| {
                    vec![
                        in_lang(lang, &b.label),
                        in_lang(lang, &b.meaning),
                        format!("{}%", b.from_percent),
                        if b.to_percent == 100 {
                            said.word("100% (included)").to_owned()
                        } else {
                            match lang {
                                Lang::En => format!("under {}%", b.to_percent),
                                Lang::Cy => format!("o dan {}%", b.to_percent),
                            }
                        },
                        said.word(if b.proposes_action { "Yes" } else { "No" })
                            .to_owned(),
                    ]
                })
                .collect(),
            Some(said.word("Some sections may use bands of their own.")),
        ));
    }
    let lowest: Vec<String> = scores
        .sections
        .iter()
        .filter(|s| s.aggregation == Aggregation::LowestItem)
        .map(|s| said.section_title(&s.id, &s.title))
        .collect();
    if !lowest.is_empty() {
        blocks.push(paragraph(format!(
            "{}: {}.",
            say(
                lang,
                "Scored by the lowest-rated question",
                "Wedi’u sgorio yn ôl y cwestiwn â’r radd isaf"
            ),
            lowest.join("; ")
        )));
    }
}

fn caveats(said: &Said, blocks: &mut Vec<Block>) {
    let (definition, work, lang) = (said.definition, said.work, said.lang);
    blocks.push(heading(1, said.word("Reading these results")));
    blocks.push(notice(
        said.word("A self-assessment, not an inspection rating"),
        said.word(SELF_ASSESSMENT_CAVEAT),
    ));
    blocks.push(paragraph(super::words::alignment_line(lang)));
    if !definition.alignment.trim().is_empty() {
        blocks.push(paragraph(in_lang(lang, &definition.alignment).trim()));
    }
    if !work.set_aside.is_empty() {
        let kept = crate::carry::kept_aside(definition, &work.set_aside);
        let n = kept.len() as u32;
        let listed = kept
            .iter()
            .map(|k| match &k.answer {
                Some(answer) => format!(
                    "{} {}: {answer}.",
                    end_sentence(&k.question),
                    said.word("Answer")
                ),
                None => end_sentence(&k.question),
            })
            .collect::<Vec<_>>()
            .join("\n");
        blocks.push(notice(
            said.word("Answers set aside"),
            match lang {
                Lang::En => format!(
                    "{} to questions that this version of the questionnaire no longer asks {} kept with the work but not counted:\n{listed}",
                    count_of(n, "answer", "answers"),
                    if n == 1 { "is" } else { "are" },
                ),
                Lang::Cy => format!(
                    "Caiff {} i gwestiynau nad yw’r fersiwn hon o’r holiadur yn eu gofyn mwyach eu cadw gyda’r gwaith, ond nid ydynt yn cael eu cyfrif:\n{listed}",
                    super::words::answers_count(lang, n),
                ),
            },
        ));
    }
}

#[cfg(test)]
mod tests;
