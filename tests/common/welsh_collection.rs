//! A feedback collection in Welsh: the bundled service-user questionnaire (English and Welsh,
//! offered Welsh first) with a number of responses, each agreeing to `rel-1` and leaving a
//! comment with ŵ and ŷ.
//!
//! Owns: that fixture, shared by the PDF tests (`tests/pdf.rs`) and the command line's report
//! tests (`tests/cli/report.rs`), so both read the same Welsh. Must not touch: any file but the
//! bundled questionnaires.

use mhsw::date::Date;
use mhsw::definition::{load_definition, Definition};
use mhsw::ids::{QuestionId, ResponseId, WorkId};
use mhsw::responses::{Answer, ItemResponse, Responses};
use mhsw::work::{Channel, Collection, FeedbackResponse, LanguageOffer, Work};

/// The questionnaire and its collection of `n` responses, made on 30 November 2026.
pub fn welsh_collection(n: usize) -> (Definition, Work) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/feedback-service-user.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let definition = load_definition(path, &text).expect("the bundled questionnaire loads");
    let date = |text: &str| -> Date { text.parse().expect("a real date") };
    let mut work = Work::start(
        WorkId::new("cy-feedback"),
        "Adborth Tîm y Gogledd".into(),
        &definition,
        date("2026-11-30"),
    );
    let agree = definition
        .options_of(definition.question(&"rel-1".into()).unwrap())
        .unwrap()
        .find(&"agree".into())
        .unwrap()
        .value
        .clone();
    let responses = (0..n)
        .map(|i| {
            let mut answers = Responses::default();
            answers.set(
                QuestionId::new("rel-1"),
                ItemResponse {
                    answer: Some(Answer::Choice(agree.clone())),
                    ..ItemResponse::default()
                },
            );
            answers.set(
                QuestionId::new("own-1"),
                ItemResponse {
                    answer: Some(Answer::Text(format!(
                        "Daeth hi i’r tŷ i siarad â’m gŵr am y gwasanaethau ({i})."
                    ))),
                    ..ItemResponse::default()
                },
            );
            FeedbackResponse {
                id: ResponseId::new(format!("r{i:02}")),
                submitted: date("2026-10-01"),
                channel: Channel::Device,
                definition_version: definition.version.clone(),
                answers,
            }
        })
        .collect();
    work.collection = Some(Collection {
        about: "Tîm y Gogledd".into(),
        period_start: Some(date("2026-09-01")),
        period_end: Some(date("2026-11-30")),
        language_offer: LanguageOffer::WelshFirst,
        responses,
        ..Collection::default()
    });
    (definition, work)
}
