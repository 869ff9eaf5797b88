//! The import worker: reads an import file and checks all of it ([`mhsw::work::check_import`])
//! away from the page's thread, so a 50,000-response collection never freezes the page. The
//! page places and stores what comes back (`app/src/edges/import_worker.rs`); the message
//! contract is in `assets/import-worker.js`.
//!
//! Owns: turning the file's bytes into checked work, with each response already written as
//! the record the store keeps ([`mhsw::store::response_record`]), so the page does not write
//! it again. Must not touch: the store, placement, anything the user sees but the message.

use mhsw::date::Date;
use mhsw::definition::Definition;
use mhsw::lang::Lang;
use mhsw::store::{head_record, response_record, Meta, Packed, Sealed};
use mhsw::work::{check_import, Checked, Work};
use wasm_bindgen::prelude::*;

/// One checked piece of work as the page receives it: the work without its responses (JSON),
/// each response's record text and checksum, and how many answers were kept aside.
#[derive(Debug, PartialEq)]
pub struct Prepared {
    /// The work as JSON, its collection's responses left out (they are `records`).
    pub head: String,
    /// Each response's id, in the file's order (the page keys the records by them without
    /// reading the records first).
    pub ids: Vec<String>,
    /// Each response's record: its JSON text and checksum, in the file's order.
    pub records: Vec<(String, String)>,
    /// Answers kept aside when the work was brought up to date.
    pub kept_aside: usize,
    /// Answers carried to the question that replaced theirs when the work was brought up to date.
    pub carried: usize,
}

/// Reads and checks a file (its bytes) against the questionnaires given (a JSON array of
/// definitions, as the page holds them). All of it, or a message fit to show a user, in `lang`.
pub fn prepare(bytes: &[u8], definitions: &str, lang: Lang) -> Result<Vec<Prepared>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| mhsw::messages::problems::not_utf8(lang, e.valid_up_to()))?;
    let definitions: Vec<Definition> = serde_json::from_str(definitions)
        .map_err(|e| format!("the questionnaires could not be handed to the import ({e})"))?;
    let checked = check_import(text, |id| definitions.iter().find(|d| &d.id == id))
        .map_err(|refused| refused.in_lang(lang))?;
    Ok(checked.into_iter().map(prepared).collect())
}

fn prepared(
    Checked {
        mut work,
        kept_aside,
        carried,
    }: Checked,
) -> Prepared {
    let responses = work
        .collection
        .as_mut()
        .map(|c| std::mem::take(&mut c.responses))
        .unwrap_or_default();
    let records = responses
        .iter()
        .map(|r| {
            let sealed = response_record(r);
            (sealed.text, sealed.sum)
        })
        .collect();
    Prepared {
        head: serde_json::to_string(&work).unwrap_or_default(),
        ids: responses.iter().map(|r| r.id.as_str().to_owned()).collect(),
        records,
        kept_aside,
        carried,
    }
}

/// A file read and checked, waiting to be handed to the page ([`CheckedFile::hand_over`]).
/// Two steps so the worker can time the check apart from making the page's values.
#[wasm_bindgen]
pub struct CheckedFile(Vec<Prepared>);

/// The worker's first step: reads and checks the file, or throws the message (a string).
/// `lang` is the code of the page's language (`en`, `cy`); English for any other.
#[wasm_bindgen]
pub fn check_import_file(
    bytes: &[u8],
    definitions: &str,
    lang: &str,
) -> Result<CheckedFile, String> {
    let lang = Lang::from_code(lang).unwrap_or(Lang::En);
    prepare(bytes, definitions, lang).map(CheckedFile)
}

/// The head record the store keeps for a piece of work imported as new (revision 1, saved at
/// `time` on `today`, imported that day), from its head as [`prepare`] wrote it; `None` when
/// that head is not work.
pub fn sealed_head(head: &str, today: Date, time: &str) -> Option<Sealed> {
    let mut work: Work = serde_json::from_str(head).ok()?;
    let meta = imported_meta(today, time);
    Some(head_record(&mut work, &meta))
}

/// What the store keeps about work imported as new by the worker: its first save, made at
/// `time` on `today` (the page holds the same).
pub fn imported_meta(today: Date, time: &str) -> Meta {
    Meta {
        revision: 1,
        saved_at: time.to_owned(),
        ..Meta::imported(today)
    }
}

#[wasm_bindgen]
impl CheckedFile {
    /// For the worker to store the work itself: each piece of work's head record,
    /// `[{ id, text, sum }, ..]` in the file's order, or `null` for work it is not to store
    /// (its id is in `here`, a JSON array of the ids of the work the page already holds, or
    /// `today`, JSON, is not a date). `time` is the time of day of the save.
    pub fn heads(&self, here: &str, today: &str, time: &str) -> js_sys::Array {
        let here: Vec<String> = serde_json::from_str(here).unwrap_or_default();
        let today: Option<Date> = serde_json::from_str(today).ok();
        self.0
            .iter()
            .map(|work| {
                let id = serde_json::from_str::<Work>(&work.head)
                    .ok()
                    .map(|w| w.id.as_str().to_owned());
                let sealed = match (id, today) {
                    (Some(id), Some(today)) if !here.contains(&id) => {
                        sealed_head(&work.head, today, time).map(|s| (id, s))
                    }
                    _ => None,
                };
                match sealed {
                    Some((id, sealed)) => {
                        let object = js_sys::Object::new();
                        for (name, value) in
                            [("id", id), ("text", sealed.text), ("sum", sealed.sum)]
                        {
                            let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
                        }
                        JsValue::from(object)
                    }
                    None => JsValue::NULL,
                }
            })
            .collect()
    }

    /// The worker's second step, the answer for the page:
    /// `[{ head, records: Uint8Array, ends: Uint32Array, keptAside, carried }, ..]`, each work's
    /// response records packed ([`Packed`]: id, text and checksum of each, in the file's order)
    /// so that the worker can hand their memory over instead of copying them.
    pub fn hand_over(self) -> js_sys::Array {
        self.0
            .into_iter()
            .map(|work| {
                let packed = pack(&work);
                let object = js_sys::Object::new();
                let set = |name: &str, value: &JsValue| {
                    let _ = js_sys::Reflect::set(&object, &name.into(), value);
                };
                set("head", &JsValue::from_str(&work.head));
                set("records", &js_sys::Uint8Array::from(&packed.bytes[..]));
                set("ends", &js_sys::Uint32Array::from(&packed.ends[..]));
                set("keptAside", &JsValue::from_f64(work.kept_aside as f64));
                set("carried", &JsValue::from_f64(work.carried as f64));
                JsValue::from(object)
            })
            .collect()
    }
}

/// A work's response records, packed for the page.
pub fn pack(work: &Prepared) -> Packed {
    let mut packed = Packed::default();
    for (id, (text, sum)) in work.ids.iter().zip(&work.records) {
        packed.push(id, text, sum);
    }
    packed
}

/// Responses in the collection [`warm_up`] reads: enough for the browser to have compiled the
/// reading and checking code for speed, a few tens of ms of work.
const WARM_UP_RESPONSES: usize = 400;

/// Reads and checks a made-up collection of the first feedback questionnaire in `definitions`
/// (a JSON array, as [`check_import_file`] takes), every question answered. The page asks for this when the file chooser opens, while the person is
/// choosing: the browser first runs new WebAssembly in a quick, slow form and compiles the
/// code that runs often for speed as it goes, so without it a large file's check began on
/// the slow form.
/// Answers with what [`CheckedFile::hand_over`] gives for that collection (an empty array
/// when there is no feedback questionnaire), so the page can warm its own reading of the
/// responses up on it.
#[wasm_bindgen]
pub fn warm_up(definitions: &str) -> js_sys::Array {
    made_up_collection(definitions)
        .and_then(|text| prepare(text.as_bytes(), definitions, Lang::En).ok())
        .map(|works| CheckedFile(works).hand_over())
        .unwrap_or_default()
}

/// A made-up collection of the first feedback questionnaire in `definitions`, as an export
/// file; `None` when there is none.
fn made_up_collection(definitions: &str) -> Option<String> {
    use mhsw::definition::{AnswerKind, ToolKind};
    use mhsw::ids::{ResponseId, WorkId};
    use mhsw::responses::{Answer, ItemResponse, Responses};
    use mhsw::work::FeedbackResponse;

    let definitions: Vec<Definition> = serde_json::from_str(definitions).ok()?;
    let definition = definitions.iter().find(|d| d.kind == ToolKind::Feedback)?;
    let today = Date::new(2026, 1, 1)?;
    let mut work = Work::start(WorkId::new("warm-up"), String::new(), definition, today);
    let mut answers = Responses::default();
    for (_, question) in definition.questions() {
        let first = definition
            .options_of(question)
            .and_then(|list| list.options.first().map(|option| option.value.clone()));
        if let Some(value) = first {
            let answer = match question.answer {
                AnswerKind::MultipleChoice { .. } => Answer::Choices(vec![value]),
                _ => Answer::Choice(value),
            };
            let answer = ItemResponse {
                answer: Some(answer),
                ..ItemResponse::default()
            };
            answers.set(question.id.clone(), answer);
        }
    }
    let collection = work.collection.as_mut()?;
    collection.responses = (0..WARM_UP_RESPONSES)
        .map(|n| FeedbackResponse {
            id: ResponseId::new(format!("warm-up-{n}")),
            submitted: today,
            channel: Default::default(),
            definition_version: definition.version.clone(),
            answers: answers.clone(),
        })
        .collect();
    Some(mhsw::work::export_work(&work))
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;
    use mhsw::store::Sealed;
    use mhsw::test_fixtures as fx;
    use mhsw::work::{export_work, Work};

    #[test]
    fn a_collection_arrives_as_its_head_and_the_records_the_store_keeps() {
        let definition = fx::feedback();
        let responses = vec![
            fx::response("r1", "1.0.0", "2026-11-02", Default::default()),
            fx::response("r2", "1.0.0", "2026-11-03", Default::default()),
        ];
        let work = fx::feedback_work(&definition, responses.clone());
        let definitions = serde_json::to_string(&[&definition]).unwrap();
        let prepared = prepare(export_work(&work).as_bytes(), &definitions, Lang::En).unwrap();
        assert_eq!(prepared.len(), 1);
        let head: Work = serde_json::from_str(&prepared[0].head).unwrap();
        assert_eq!(head.collection.unwrap().responses, vec![]);
        let sealed: Vec<_> = responses.iter().map(response_record).collect();
        let sent: Vec<_> = prepared[0]
            .records
            .iter()
            .map(|(text, sum)| Sealed {
                text: text.clone(),
                sum: sum.clone(),
            })
            .collect();
        assert_eq!(sent, sealed);
        assert_eq!(prepared[0].ids, vec!["r1".to_owned(), "r2".to_owned()]);
        let packed = pack(&prepared[0]);
        assert_eq!(packed.len(), 2);
        for (index, record) in sealed.iter().enumerate() {
            let id = responses[index].id.as_str();
            assert_eq!(
                packed.get(index),
                Some((id, &record.text[..], &record.sum[..]))
            );
        }
        assert!(sent.iter().all(|s| s.open().is_ok()));
    }

    #[test]
    fn work_the_worker_stores_gets_the_head_the_page_would_have_saved() {
        let definition = fx::feedback();
        let responses = vec![fx::response(
            "r1",
            "1.0.0",
            "2026-11-02",
            Default::default(),
        )];
        let work = fx::feedback_work(&definition, responses);
        let definitions = serde_json::to_string(&[&definition]).unwrap();
        let prepared = prepare(export_work(&work).as_bytes(), &definitions, Lang::En).unwrap();
        let today: Date = "2026-12-01".parse().unwrap();
        let sealed = sealed_head(&prepared[0].head, today, "09:15").expect("a head");
        let (stored, meta) = mhsw::store::read_head(&work.id, &sealed).expect("it reads back");
        assert_eq!(meta, imported_meta(today, "09:15"));
        assert_eq!((meta.revision, meta.imported_on), (1, Some(today)));
        let mut held = work.clone();
        assert_eq!(
            head_record(&mut held, &meta),
            sealed,
            "as the page's save writes it"
        );
        assert_eq!(stored.collection.unwrap().responses, vec![]);
        assert!(sealed_head("not work", today, "09:15").is_none());
    }

    #[test]
    fn the_warm_up_reads_a_sound_collection_of_the_first_feedback_questionnaire() {
        let definitions = serde_json::to_string(&[fx::audit(), fx::feedback()]).unwrap();
        let text = made_up_collection(&definitions).expect("a made-up collection");
        let prepared =
            prepare(text.as_bytes(), &definitions, Lang::En).expect("it passes the checks");
        assert_eq!(prepared[0].records.len(), WARM_UP_RESPONSES);
        assert_eq!(prepared[0].kept_aside, 0);
        for bundled in [
            include_str!("../../questionnaires/feedback-service-user.json"),
            include_str!("../../questionnaires/feedback-carer.json"),
            include_str!("../../questionnaires/feedback-amhp.json"),
        ] {
            let definition: Definition = serde_json::from_str(bundled).unwrap();
            let definitions = serde_json::to_string(&[&definition]).unwrap();
            let text = made_up_collection(&definitions).expect("a made-up collection");
            let prepared = prepare(text.as_bytes(), &definitions, Lang::En);
            assert!(prepared.is_ok(), "{}: {prepared:?}", definition.id);
        }
        let audits_only = serde_json::to_string(&[fx::audit()]).unwrap();
        assert_eq!(made_up_collection(&audits_only), None);
        assert_eq!(made_up_collection("not JSON"), None);
    }

    #[test]
    fn a_bad_file_gets_a_plain_message_and_nothing_else() {
        let definitions = serde_json::to_string(&[fx::feedback()]).unwrap();
        let error = prepare(b"\xff\xfe not text", &definitions, Lang::En).unwrap_err();
        assert!(
            error.starts_with("the file is not text in UTF-8"),
            "{error}"
        );
        let error = prepare(b"{\"name\": 3}", &definitions, Lang::En).unwrap_err();
        assert!(
            error.contains("Fix:") || error.contains("Choose"),
            "{error}"
        );
        let audit = fx::work(&fx::audit(), "North", Default::default());
        let error = prepare(export_work(&audit).as_bytes(), &definitions, Lang::En).unwrap_err();
        assert!(error.contains("not available here"), "{error}");
    }

    #[test]
    fn a_response_naming_a_question_twice_is_refused_naming_it() {
        use mhsw::responses::{Answer, ItemResponse, Responses};
        let definition = fx::feedback();
        let question = definition
            .questions()
            .next()
            .expect("a question")
            .1
            .id
            .clone();
        let mut answers = Responses::default();
        answers.set(
            question.clone(),
            ItemResponse {
                answer: Some(Answer::Text("first".into())),
                ..ItemResponse::default()
            },
        );
        let work = fx::feedback_work(
            &definition,
            vec![fx::response("r1", "1.0.0", "2026-11-02", answers)],
        );
        let text = export_work(&work);
        let key = format!("\"{question}\": {{");
        let at = text.find(&key).expect("the answer in the file");
        let mut twice = text.clone();
        twice.insert_str(
            at,
            &format!("{key} \"answer\": {{ \"text\": \"second\" }} }}, "),
        );
        let definitions = serde_json::to_string(&[&definition]).unwrap();
        let error = prepare(twice.as_bytes(), &definitions, Lang::En).unwrap_err();
        assert!(
            error.contains(&format!("the key `{question}` is written twice")),
            "{error}"
        );
        assert!(error.contains("collection.responses[0].answers"), "{error}");
    }
}
