//! The feedback report: what service users and carers said, in aggregate, with small groups
//! suppressed.
//!
//! Owns: the content and order of the feedback report.
//! Must not touch: counting or suppression (it reads a [`FeedbackSummary`], which has already
//! applied them); layout; a clock.

use crate::aggregate::{FeedbackSummary, Group, OptionCount, UnplacedReason};
use crate::date::Date;
use crate::definition::{AnswerKind, Definition, Question, Tone};
use crate::lang::Lang;
use crate::work::Work;

use super::parts::{heading, meta, notice, paragraph, styled, table};
use super::words;
use super::{Bar, BarChart, Block, Cover, Fact, Orientation, Report, TextStyle};

/// The reminder shown above free text (in English; [`words::free_text_reminder`] gives Welsh).
pub const FREE_TEXT_REMINDER: &str = "These are people's own words. Before sharing this report, read them and remove anything that could identify the person who wrote them or anyone they mention, such as names, places, dates or unusual details.";

/// Builds the feedback report from a collection and its summary, in the questionnaire's primary
/// language.
pub fn feedback_report(
    definition: &Definition,
    work: &Work,
    summary: &FeedbackSummary,
    today: Date,
) -> Report {
    feedback_report_in(
        definition,
        work,
        summary,
        today,
        definition.primary_language(),
    )
}

/// Builds the feedback report in `lang`: the report's own words from [`words`], the
/// definition's texts (questions, options, sections, themes) in `lang` where the definition
/// gives them (its primary language otherwise), and the document language set to match.
pub fn feedback_report_in(
    definition: &Definition,
    work: &Work,
    summary: &FeedbackSummary,
    today: Date,
    lang: Lang,
) -> Report {
    let collection = work.collection.as_ref();
    let about = collection.map_or("", |c| c.about.as_str());
    let period = words::period(
        lang,
        collection.and_then(|c| c.period_start.zip(c.period_end)),
    );
    let mut blocks = Vec::new();
    blocks.push(heading(1, words::summary(lang)));
    blocks.push(styled(
        words::responses_received(lang, summary.responses, summary.period),
        TextStyle::Lead,
    ));
    blocks.push(paragraph(words::anonymity(lang)));
    versions_and_gaps(definition, summary, lang, &mut blocks);

    if summary.collection == Group::Suppressed {
        blocks.push(notice(
            words::not_enough_responses(lang),
            words::nothing_shown_until_five(lang),
        ));
    } else {
        themes(definition, summary, lang, &mut blocks);
        questions(definition, summary, lang, &mut blocks);
    }

    blocks.push(heading(1, words::using_this_feedback(lang)));
    blocks.push(paragraph(words::what_it_is_for(lang)));
    blocks.push(paragraph(words::alignment_line(lang)));

    let name = words::name_or_untitled(lang, &work.name);
    let title = definition.title.get(lang);
    let mut meta = meta(&name, about, title, &words::keywords(lang));
    meta.language = lang.bcp47().to_owned();
    let [about_label, period_label, responses_label, made_label, questionnaire_label] =
        words::cover_labels(lang);
    Report {
        meta,
        footer: format!("{name}, {}", today.long_in(lang)),
        orientation: Orientation::Portrait,
        cover: Some(Cover {
            title: name,
            subtitle: title.to_owned(),
            facts: vec![
                Fact::new(about_label, words::or_not_recorded(lang, about)),
                Fact::new(period_label, period),
                Fact::new(responses_label, words::responses(lang, summary.responses)),
                Fact::new(made_label, today.long_in(lang)),
                Fact::new(
                    questionnaire_label,
                    words::version_label(lang, title, &definition.version),
                ),
            ],
            statement: words::cover_statement(lang).to_owned(),
        }),
        blocks,
    }
}

/// The languages a collection's report can be chosen in, in the order a choice lists them
/// (English, then Cymraeg), and the one chosen at first; `None` when there is nothing to choose
/// (not a feedback collection, or a questionnaire in one language). The report starts in Welsh
/// when the collection offers Welsh first; otherwise in the questionnaire's primary language.
pub fn report_language_choice(definition: &Definition, work: &Work) -> Option<(Vec<Lang>, Lang)> {
    let collection = work.collection.as_ref()?;
    let languages: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|lang| definition.languages.contains(lang))
        .collect();
    if definition.kind != crate::definition::ToolKind::Feedback || languages.len() < 2 {
        return None;
    }
    let first = if collection.language_offer == crate::work::LanguageOffer::WelshFirst {
        Lang::Cy
    } else {
        definition.primary_language()
    };
    Some((languages, first))
}

fn versions_and_gaps(
    definition: &Definition,
    summary: &FeedbackSummary,
    lang: Lang,
    blocks: &mut Vec<Block>,
) {
    if summary.by_version.len() > 1 || summary.by_version.keys().any(|v| *v != summary.version) {
        let versions: Vec<(String, u32)> = summary
            .by_version
            .iter()
            .map(|(version, n)| (version.clone(), *n))
            .collect();
        blocks.push(paragraph(words::several_versions(
            lang,
            &versions,
            &summary.version,
        )));
    }
    if !summary.unplaced.is_empty() {
        let (caption, [question, why, answers], note) = words::unplaced_table(lang);
        blocks.push(table(
            caption,
            &[(question, 5), (why, 4), (answers, 1)],
            summary
                .unplaced
                .iter()
                .map(|u| {
                    vec![
                        definition.text_of(&u.question).map_or_else(
                            || words::question_by_id(lang, u.question.as_str()),
                            |text| format!("{} ({})", text.get(lang).trim(), u.question),
                        ),
                        match u.reason {
                            UnplacedReason::NotInThisVersion => words::not_in_this_version(lang),
                            UnplacedReason::NoLongerFits => words::no_longer_fits(lang),
                        }
                        .to_owned(),
                        u.answers.to_string(),
                    ]
                })
                .collect(),
            Some(note),
        ));
    }
    if summary.hidden_answers > 0 {
        blocks.push(paragraph(words::hidden_answers(
            lang,
            summary.hidden_answers,
        )));
    }
    if !summary.conflicting_ids.is_empty() {
        blocks.push(notice(
            words::duplicates_title(lang),
            words::duplicates(lang, summary.conflicting_ids.len() as u32),
        ));
    }
}

fn themes(definition: &Definition, summary: &FeedbackSummary, lang: Lang, blocks: &mut Vec<Block>) {
    if summary.themes.is_empty() {
        return;
    }
    let (caption, [theme, responses, share], note) = words::themes_table(lang);
    blocks.push(heading(1, words::by_theme(lang)));
    blocks.push(table(
        caption,
        &[(theme, 5), (responses, 2), (share, 4)],
        summary
            .themes
            .iter()
            .filter(|t| t.questions > 0)
            .map(|t| {
                let share = match &t.agree {
                    Group::Suppressed => words::theme_not_shown(lang).to_owned(),
                    Group::Shown(None) => words::no_rated_answers(lang).to_owned(),
                    Group::Shown(Some(f)) => {
                        words::share_of(lang, &f.display(), f.numerator(), f.denominator())
                    }
                };
                let title = definition
                    .theme(&t.id)
                    .map_or(t.title.as_str(), |theme| theme.title.get(lang));
                vec![
                    title.to_owned(),
                    words::theme_responses(lang, t.responses),
                    share,
                ]
            })
            .collect(),
        Some(note),
    ));
}

/// An option's label in `lang`, from the definition (the summary keeps the primary language's).
fn option_label(
    definition: &Definition,
    question: &Question,
    option: &OptionCount,
    lang: Lang,
) -> String {
    if let AnswerKind::YesNo { .. } = question.answer {
        return words::yes_no(lang, option.positive).to_owned();
    }
    definition
        .options_of(question)
        .and_then(|list| {
            list.find(&option.value)
                .map(|o| o.label.get(lang).to_owned())
        })
        .unwrap_or_else(|| option.label.clone())
}

fn questions(
    definition: &Definition,
    summary: &FeedbackSummary,
    lang: Lang,
    blocks: &mut Vec<Block>,
) {
    blocks.push(heading(1, words::by_question(lang)));
    for section in &definition.sections {
        blocks.push(heading(2, section.title.get(lang)));
        for question in &section.questions {
            let Some(item) = summary.item(&question.id) else {
                continue;
            };
            let text = question.text.get(lang);
            blocks.push(heading(3, text));
            blocks.push(paragraph(words::answered_this_question(
                lang,
                item.answered,
            )));
            let Group::Shown(figures) = &item.figures else {
                blocks.push(notice(words::not_shown(lang), words::suppressed(lang)));
                continue;
            };
            if !figures.options.is_empty() {
                blocks.push(Block::BarChart(BarChart {
                    caption: words::how_people_answered(lang, text),
                    bars: figures
                        .options
                        .iter()
                        .map(|o| Bar {
                            label: option_label(definition, question, o, lang),
                            percent: Some(o.share.percent()),
                            value_label: words::count_of_total(
                                lang,
                                o.count,
                                item.answered,
                                &o.share.display(),
                            ),
                            tone: Tone::Neutral,
                            marker: None,
                        })
                        .collect(),
                }));
            }
            match &figures.agree {
                Some(Group::Shown(share)) => blocks.push(paragraph(words::share_that_agree(
                    lang,
                    &share.display(),
                    share.numerator(),
                    share.denominator(),
                ))),
                Some(Group::Suppressed) => {
                    blocks.push(paragraph(words::share_that_agree_not_shown(lang)))
                }
                None => {}
            }
            if !figures.free_text.is_empty() {
                blocks.push(notice(
                    words::remove_identifying(lang),
                    words::free_text_reminder(lang),
                ));
                blocks.extend(
                    figures
                        .free_text
                        .iter()
                        .map(|text| styled(text.trim(), TextStyle::Quote)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::SUPPRESSED_LABEL;
    use crate::aggregate::{summarise, FeedbackPool};
    use crate::ids::QuestionId;
    use crate::lang::Lang;
    use crate::responses::{Answer, ItemResponse};
    use crate::test_fixtures::{choices, date, feedback, feedback_work, response};

    fn collection(n: usize) -> (Definition, Work, FeedbackSummary) {
        let d = feedback();
        let responses = (0..n)
            .map(|i| {
                let mut r = choices(&[("fb-1", if i % 2 == 0 { "agree" } else { "disagree" })]);
                r.set(
                    QuestionId::new("fb-5"),
                    ItemResponse {
                        answer: Some(Answer::Text(format!("Thoughtful comment number {i}"))),
                        ..ItemResponse::default()
                    },
                );
                response(&format!("r{i:02}"), "2.0.0", "2026-10-01", r)
            })
            .collect::<Vec<_>>();
        let w = feedback_work(&d, responses);
        let s = summarise(&d, &FeedbackPool::from_work(&w));
        (d, w, s)
    }

    #[test]
    fn shows_distributions_agreement_and_free_text_with_a_reminder() {
        let (d, w, s) = collection(6);
        let text = feedback_report(&d, &w, &s, date("2026-11-22")).plain_text();
        assert!(
            text.contains("6 responses received, on 1 October 2026."),
            "{text}"
        );
        assert!(text.contains("Agree: 3 of 6 (50%)"));
        assert!(text.contains("Share that agree: 50% (3 of the 6 people who gave a rating)."));
        assert!(text.contains("Thoughtful comment number 4"));
        assert!(text.contains(FREE_TEXT_REMINDER));
        assert!(text.contains("About the practice of: North Team"));
        assert!(text.contains("Period: 1 September 2026 to 30 November 2026"));
        // fb-2 had no answers: suppressed, never 0%.
        assert!(text.contains(SUPPRESSED_LABEL));
        assert!(text.contains("My social worker was reliable.\nNobody answered this question."));
        assert!(text.contains("Professional leadership | None | Not shown"));
    }

    #[test]
    fn counts_under_five_are_not_given_exactly() {
        let (d, w, mut s) = collection(6);
        s.items[1].answered = 3;
        s.themes[0].responses = 2;
        let text = feedback_report(&d, &w, &s, date("2026-11-22")).plain_text();
        assert!(text.contains(
            "My social worker was reliable.\nFewer than five people answered this question."
        ));
        assert!(text.contains("Professional leadership | Fewer than five | Not shown"));
        assert!(!text.contains("3 people"));
    }

    #[test]
    fn fewer_than_five_responses_show_nothing() {
        let (d, w, s) = collection(4);
        let text = feedback_report(&d, &w, &s, date("2026-11-22")).plain_text();
        assert!(text.contains("Not enough responses to show"));
        assert!(text.contains("Fewer than five responses received, on 1 October 2026."));
        assert!(!text.contains('4'));
        assert!(!text.contains("Thoughtful comment"));
        assert!(!text.contains("Share that agree:"));
    }

    /// The bundled service-user questionnaire (English and Welsh) with `n` responses, each
    /// agreeing to rel-1 and leaving a comment in Welsh.
    fn welsh_collection(n: usize) -> (Definition, Work, FeedbackSummary) {
        let path = format!(
            "{}/questionnaires/feedback-service-user.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let d = crate::definition::load_definition(&path, &std::fs::read_to_string(&path).unwrap())
            .unwrap();
        let responses = (0..n)
            .map(|i| {
                let mut r = choices(&[("rel-1", "agree")]);
                r.set(
                    QuestionId::new("own-1"),
                    ItemResponse {
                        answer: Some(Answer::Text(format!(
                            "Daeth hi i’r tŷ i siarad â’m gŵr ({i})"
                        ))),
                        ..ItemResponse::default()
                    },
                );
                response(&format!("r{i:02}"), &d.version, "2026-10-01", r)
            })
            .collect::<Vec<_>>();
        let w = feedback_work(&d, responses);
        let s = summarise(&d, &FeedbackPool::from_work(&w));
        (d, w, s)
    }

    #[test]
    fn a_welsh_report_is_written_in_welsh_throughout() {
        let (d, w, s) = welsh_collection(6);
        let report = feedback_report_in(&d, &w, &s, date("2026-11-30"), Lang::Cy);
        assert_eq!(report.meta.language, "cy");
        let text = report.plain_text();
        for welsh in [
            "Crynodeb",
            "Cafwyd 6 ymateb, ar 1 Hydref 2026.",
            "Eich profiad o waith cymdeithasol",
            "Dyddiad yr adroddiad: 30 Tachwedd 2026",
            "Cyfnod: 1 Medi 2026 i 30 Tachwedd 2026",
            "Yn ôl thema",
            "Parch a pherthynas y gallwch ddibynnu arni | 6 | 100% (6 o 6)",
            "Roedd fy ngweithiwr cymdeithasol yn fy nhrin â pharch.\nAtebodd 6 pherson y cwestiwn hwn.",
            "Cytuno: 6 o 6 (100%)",
            "Anghytuno: 0 o 6 (0%)",
            "Cyfran sy’n cytuno: 100% (6 o’r 6 a roddodd sgôr).",
            "Daeth hi i’r tŷ i siarad â’m gŵr (5)",
            "yn cyd-fynd ag offer 2016",
        ] {
            assert!(text.contains(welsh), "missing {welsh:?} in:\n{text}");
        }
        for english in [
            "Summary",
            "responses",
            "Agree",
            "answered this question",
            "November",
            "Share that agree",
        ] {
            assert!(!text.contains(english), "English {english:?} in:\n{text}");
        }
        assert_eq!(report.footer, "Feedback, 30 Tachwedd 2026");
    }

    #[test]
    fn a_small_welsh_collection_says_so_in_welsh_without_the_count() {
        let (d, w, s) = welsh_collection(3);
        let text = feedback_report_in(&d, &w, &s, date("2026-11-30"), Lang::Cy).plain_text();
        assert!(text.contains("Dim digon o ymatebion i’w dangos"), "{text}");
        assert!(text.contains("Cafwyd llai na phum ymateb, ar 1 Hydref 2026."));
        assert!(text.contains("Ymatebion: Llai na phum ymateb"));
        assert!(!text.contains("3 ymateb") && !text.contains("3 pherson"));
        assert!(!text.contains("gŵr"));
    }

    #[test]
    fn the_english_report_of_a_bilingual_questionnaire_is_unchanged_by_default() {
        let (d, w, s) = welsh_collection(6);
        let default = feedback_report(&d, &w, &s, date("2026-11-30"));
        assert_eq!(
            default,
            feedback_report_in(&d, &w, &s, date("2026-11-30"), Lang::En)
        );
        assert_eq!(default.meta.language, "en-GB");
        assert!(default
            .plain_text()
            .contains("6 responses received, on 1 October 2026."));
        assert!(default.plain_text().contains("Agree: 6 of 6 (100%)"));
    }

    #[test]
    fn the_report_language_is_offered_for_a_bilingual_collection_welsh_first_when_it_is() {
        use crate::work::LanguageOffer;
        let (d, mut w, _) = welsh_collection(1);
        let offer = |w: &mut Work, offer: LanguageOffer| {
            w.collection.as_mut().unwrap().language_offer = offer;
            report_language_choice(&d, w)
        };
        assert_eq!(
            offer(&mut w, LanguageOffer::WelshFirst),
            Some((vec![Lang::En, Lang::Cy], Lang::Cy))
        );
        assert_eq!(
            offer(&mut w, LanguageOffer::EnglishFirst),
            Some((vec![Lang::En, Lang::Cy], Lang::En))
        );
        assert_eq!(
            offer(&mut w, LanguageOffer::EnglishOnly),
            Some((vec![Lang::En, Lang::Cy], Lang::En))
        );
        // An English-only questionnaire offers no choice, whatever the collection says.
        let (english, mut w, _) = collection(1);
        w.collection.as_mut().unwrap().language_offer = LanguageOffer::WelshFirst;
        assert_eq!(report_language_choice(&english, &w), None);
    }

    #[test]
    fn both_bilingual_questionnaires_report_every_question_in_welsh() {
        for file in ["feedback-service-user.json", "feedback-carer.json"] {
            let path = format!("{}/questionnaires/{file}", env!("CARGO_MANIFEST_DIR"));
            let d =
                crate::definition::load_definition(&path, &std::fs::read_to_string(&path).unwrap())
                    .unwrap();
            let responses = (0..5)
                .map(|i| {
                    response(
                        &format!("r{i}"),
                        &d.version,
                        "2026-10-01",
                        Default::default(),
                    )
                })
                .collect();
            let w = feedback_work(&d, responses);
            let s = summarise(&d, &FeedbackPool::from_work(&w));
            let report = feedback_report_in(&d, &w, &s, date("2026-11-30"), Lang::Cy);
            let headings: Vec<&str> = report
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Heading { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            for (section, question) in d.questions() {
                for text in [&section.title, &question.text] {
                    let welsh = text.exact(Lang::Cy).expect("given in Welsh");
                    assert!(headings.contains(&welsh), "{file}: {welsh:?} not a heading");
                }
            }
        }
    }
}
