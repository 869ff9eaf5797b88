//! The quick way to read a piece of work back ([`assemble_quickly`]): by hand, with
//! [`Pull`], for records exactly as this toolkit writes them.
//!
//! Owns: reading sound head and response records with no generic code per type, so the app's
//! first page of saved work need not wait for serde's derived readers of the work's types
//! (they stay the way in for every record this reader does not take, as only they can say
//! what is wrong). A test holds the two ways equal on every kind of work and every value of
//! every named option.
//! Must not touch: damage. Anything unexpected (a checksum that does not match, a record not
//! where it says it is, a field this reader does not know, a value of the wrong kind) gives
//! `None`, and the caller reads the records with [`super::assemble`], which says why.

use crate::list_map::ListMap;

use super::{Meta, Sealed, Stored, STORE_VERSION};
use crate::ids::{ResponseId, WorkId};
use crate::plan::{PlanRow, RowSource, Status};
use crate::pull::Pull;
use crate::responses::{Answer, ItemResponse, Priority, Responses};
use crate::work::{
    Channel, Collection, DefinitionRef, FeedbackResponse, LanguageOffer, Perspective, Work,
    DEFAULT_IDLE_MINUTES,
};

/// The piece of work stored under `key`, read the quick way, or `None` when any record is not
/// exactly as this toolkit writes it (then [`super::assemble`] reads them, and says why).
pub fn assemble_quickly(
    key: &WorkId,
    head: &Sealed,
    responses: &[(ResponseId, Sealed)],
) -> Option<Stored> {
    let (mut work, meta) = whole(head.open().ok()?, read_head)?;
    if &work.id != key {
        return None;
    }
    let mut readable = Vec::with_capacity(responses.len());
    for (id, record) in responses {
        let response = whole(record.open().ok()?, feedback_response)?;
        if &response.id != id {
            return None;
        }
        readable.push(response);
    }
    // As `assemble` keeps them.
    if !readable.is_empty() || work.collection.is_some() {
        crate::order::sort_by(&mut readable, |a, b| {
            (a.submitted, &a.id).cmp(&(b.submitted, &b.id))
        });
        work.collection
            .get_or_insert_with(Default::default)
            .responses = readable;
    }
    Some(Stored {
        work,
        meta,
        damaged: Vec::new(),
    })
}

/// `text` read by `read`, with nothing after it.
fn whole<T>(text: &str, read: fn(&mut Pull) -> Option<T>) -> Option<T> {
    let mut pull = Pull::new(text);
    let value = read(&mut pull)?;
    pull.end()?;
    Some(value)
}

/// A head record: the store's fields and the work without its responses.
fn read_head(pull: &mut Pull) -> Option<(Work, Meta)> {
    let (mut store_version, mut revision, mut saved_at, mut work) = (None, None, None, None);
    let mut meta = Meta::default();
    pull.object(&mut |pull, key| {
        match key {
            "store_version" => store_version = Some(pull.number::<u32>()?),
            "revision" => revision = Some(pull.number()?),
            "saved_at" => saved_at = Some(pull.string()?),
            "exported_on" => meta.exported_on = pull.nullable(&mut date)?,
            "exported_revision" => meta.exported_revision = pull.nullable(&mut Pull::number)?,
            "imported_on" => meta.imported_on = pull.nullable(&mut date)?,
            "work" => work = Some(self::work(pull)?),
            _ => return None,
        }
        Some(())
    })?;
    // A newer store's record is read the long way, which says so.
    if store_version? > STORE_VERSION {
        return None;
    }
    meta.revision = revision?;
    meta.saved_at = saved_at?;
    Some((work?, meta))
}

fn work(pull: &mut Pull) -> Option<Work> {
    let (mut format, mut format_version, mut id, mut name) = (None, None, None, None);
    let (mut definition, mut created, mut updated) = (None, None, None);
    let (mut organisation, mut participants) = (String::new(), String::new());
    let mut perspective = Perspective::default();
    let mut responses = Responses::default();
    let mut plan = Vec::new();
    let mut set_aside = ListMap::new();
    let (mut collection, mut linked_to) = (None, None);
    pull.object(&mut |pull, key| {
        match key {
            "format" => format = Some(pull.string()?),
            "format_version" => format_version = Some(pull.number()?),
            "id" => id = Some(pull.string()?.into()),
            "name" => name = Some(pull.string()?),
            "definition" => definition = Some(definition_ref(pull)?),
            "organisation" => organisation = pull.string()?,
            "participants" => participants = pull.string()?,
            "perspective" => perspective = self::perspective(&pull.string()?)?,
            "created" => created = Some(date(pull)?),
            "updated" => updated = Some(date(pull)?),
            "responses" => responses.items = items(pull)?,
            "plan" => plan = pull.vec(&mut plan_row)?,
            "set_aside" => set_aside = items(pull)?,
            "collection" => collection = pull.nullable(&mut self::collection)?,
            "linked_to" => linked_to = pull.nullable(&mut |p| p.string().map(Into::into))?,
            _ => return None,
        }
        Some(())
    })?;
    Some(Work {
        format: format?,
        format_version: format_version?,
        id: id?,
        name: name?,
        definition: definition?,
        organisation,
        participants,
        perspective,
        created: created?,
        updated: updated?,
        responses,
        plan,
        set_aside,
        collection,
        linked_to,
    })
}

fn definition_ref(pull: &mut Pull) -> Option<DefinitionRef> {
    let (mut id, mut version) = (None, None);
    pull.object(&mut |pull, key| {
        match key {
            "id" => id = Some(pull.string()?.into()),
            "version" => version = Some(pull.string()?),
            _ => return None,
        }
        Some(())
    })?;
    Some(DefinitionRef {
        id: id?,
        version: version?,
    })
}

/// Answers by question id; a question named twice is not taken (as the long way refuses it).
fn items(pull: &mut Pull) -> Option<ListMap<crate::ids::QuestionId, ItemResponse>> {
    let mut items = ListMap::new();
    pull.object(&mut |pull, key| {
        items
            .insert(key.into(), item(pull)?)
            .is_none()
            .then_some(())
    })?;
    Some(items)
}

fn item(pull: &mut Pull) -> Option<ItemResponse> {
    let mut item = ItemResponse::default();
    pull.object(&mut |pull, key| {
        match key {
            "answer" => item.answer = pull.nullable(&mut answer)?,
            "evidence" => item.evidence = pull.nullable(&mut Pull::string)?,
            "comment" => item.comment = pull.nullable(&mut Pull::string)?,
            "priority" => item.priority = pull.nullable(&mut |p| priority(&p.string()?))?,
            _ => return None,
        }
        Some(())
    })?;
    Some(item)
}

/// An answer: an object with one key naming its kind.
fn answer(pull: &mut Pull) -> Option<Answer> {
    let mut answer = None;
    pull.object(&mut |pull, key| {
        if answer.is_some() {
            return None;
        }
        answer = Some(match key {
            "choice" => Answer::Choice(pull.string()?.into()),
            "choices" => Answer::Choices(pull.vec(&mut |p| p.string().map(Into::into))?),
            "text" => Answer::Text(pull.string()?),
            "date" => Answer::Date(date(pull)?),
            "number" => Answer::Number(pull.string()?.parse().ok()?),
            _ => return None,
        });
        Some(())
    })?;
    answer
}

fn plan_row(pull: &mut Pull) -> Option<PlanRow> {
    let (mut id, mut source) = (None, None);
    let mut row = PlanRow::blank(String::new(), RowSource::Added);
    pull.object(&mut |pull, key| {
        match key {
            "id" => id = Some(pull.string()?),
            "source" => source = Some(row_source(pull)?),
            "action" => row.action = pull.string()?,
            "lead" => row.lead = pull.string()?,
            "partners" => row.partners = pull.string()?,
            "target_date" => row.target_date = pull.nullable(&mut date)?,
            "success_measure" => row.success_measure = pull.string()?,
            "status" => row.status = status(&pull.string()?)?,
            "review_date" => row.review_date = pull.nullable(&mut date)?,
            _ => return None,
        }
        Some(())
    })?;
    row.id = id?;
    row.source = source?;
    Some(row)
}

/// Where a plan row came from: `"added"`, or `{ "question": id }` or `{ "section": id }`.
fn row_source(pull: &mut Pull) -> Option<RowSource> {
    if let Some(name) = pull.string() {
        return (name == "added").then_some(RowSource::Added);
    }
    let mut source = None;
    pull.object(&mut |pull, key| {
        if source.is_some() {
            return None;
        }
        let id = pull.string()?;
        source = Some(match key {
            "question" => RowSource::Question(id.into()),
            "section" => RowSource::Section(id.into()),
            _ => return None,
        });
        Some(())
    })?;
    source
}

fn collection(pull: &mut Pull) -> Option<Collection> {
    let mut about = None;
    let mut collection = Collection {
        idle_minutes: DEFAULT_IDLE_MINUTES,
        ..Collection::default()
    };
    pull.object(&mut |pull, key| {
        match key {
            "about" => about = Some(pull.string()?),
            "period_start" => collection.period_start = pull.nullable(&mut date)?,
            "period_end" => collection.period_end = pull.nullable(&mut date)?,
            "idle_minutes" => collection.idle_minutes = pull.number()?,
            "language_offer" => collection.language_offer = language_offer(&pull.string()?)?,
            "responses" => collection.responses = pull.vec(&mut feedback_response)?,
            _ => return None,
        }
        Some(())
    })?;
    collection.about = about?;
    Some(collection)
}

fn feedback_response(pull: &mut Pull) -> Option<FeedbackResponse> {
    let (mut id, mut submitted, mut definition_version, mut answers) = (None, None, None, None);
    let mut channel = Channel::default();
    pull.object(&mut |pull, key| {
        match key {
            "id" => id = Some(pull.string()?.into()),
            "submitted" => submitted = Some(date(pull)?),
            "channel" => channel = self::channel(&pull.string()?)?,
            "definition_version" => definition_version = Some(pull.string()?),
            "answers" => {
                answers = Some(Responses {
                    items: items(pull)?,
                })
            }
            _ => return None,
        }
        Some(())
    })?;
    Some(FeedbackResponse {
        id: id?,
        submitted: submitted?,
        channel,
        definition_version: definition_version?,
        answers: answers?,
    })
}

fn date(pull: &mut Pull) -> Option<crate::date::Date> {
    pull.string()?.parse().ok()
}

// The named options, as serde writes them (`rename_all = "snake_case"`); a test reads every
// value serde writes.

fn perspective(name: &str) -> Option<Perspective> {
    Some(match name {
        "leaders" => Perspective::Leaders,
        "practitioners" => Perspective::Practitioners,
        _ => return None,
    })
}

fn priority(name: &str) -> Option<Priority> {
    Some(match name {
        "low" => Priority::Low,
        "medium" => Priority::Medium,
        "high" => Priority::High,
        _ => return None,
    })
}

fn status(name: &str) -> Option<Status> {
    Some(match name {
        "not_started" => Status::NotStarted,
        "in_progress" => Status::InProgress,
        "done" => Status::Done,
        "stopped" => Status::Stopped,
        _ => return None,
    })
}

fn language_offer(name: &str) -> Option<LanguageOffer> {
    LanguageOffer::ALL
        .into_iter()
        .find(|offer| offer.code() == name)
}

fn channel(name: &str) -> Option<Channel> {
    Some(match name {
        "device" => Channel::Device,
        "paper" => Channel::Paper,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{assemble, head_record, response_record};

    use crate::pull::serde_name as written;

    #[test]
    fn every_named_option_reads_as_serde_writes_it() {
        for value in [Perspective::Leaders, Perspective::Practitioners] {
            assert_eq!(perspective(&written(value)), Some(value));
        }
        for value in Priority::ALL {
            assert_eq!(priority(&written(value)), Some(value));
        }
        for value in Status::ALL {
            assert_eq!(status(&written(value)), Some(value));
        }
        for value in LanguageOffer::ALL {
            assert_eq!(language_offer(&written(value)), Some(value));
        }
        for value in [Channel::Device, Channel::Paper] {
            assert_eq!(channel(&written(value)), Some(value));
        }
    }

    /// A head record giving every field, written by hand so that the fields serde leaves out
    /// when empty are there too; and the response records beside it.
    const HEAD: &str = r#"{"store_version":2,"revision":7,"saved_at":"14:32","exported_on":"2026-11-30",
      "exported_revision":6,"imported_on":null,"work":{"format":"mhsw-work","format_version":1,
      "id":"w1","name":"North \"Team\"\n\u00e2udit","definition":{"id":"self-assessment","version":"2.0.0"},
      "organisation":"Org","participants":"","perspective":"practitioners","created":"2026-01-02",
      "updated":"2026-11-30","responses":{"q1":{"answer":{"choice":"mostly"},"evidence":"E","comment":null,
      "priority":"high"},"q2":{"answer":{"choices":["a","b"]}},"q3":{"answer":{"text":"T"}},
      "q4":{"answer":{"date":"2026-02-03"}},"q5":{"answer":{"number":"-12.50"}},"q6":{"answer":null},
      "q7":{}},"plan":[{"id":"r1","source":{"question":"q1"},"action":"A","lead":"L","partners":"P",
      "target_date":"2027-01-01","success_measure":"S","status":"in_progress","review_date":null},
      {"id":"r2","source":{"section":"s1"}},{"id":"r3","source":"added","status":"stopped"}],
      "set_aside":{"old":{"answer":{"choice":"yes"}}},"collection":{"about":"Sam","period_start":"2026-01-01",
      "period_end":null,"idle_minutes":9,"language_offer":"welsh_first","responses":[]},"linked_to":"w0"}}"#;

    const RESPONSES: [(&str, &str); 3] = [
        (
            "r2",
            r#"{"id":"r2","submitted":"2026-03-01","channel":"paper","definition_version":"1.0.0","answers":{"q1":{"answer":{"choice":"no"}}}}"#,
        ),
        (
            "r1",
            r#"{"id":"r1","submitted":"2026-03-01","definition_version":"1.0.0","answers":{}}"#,
        ),
        (
            "r0",
            r#"{"id":"r0","submitted":"2026-04-01","channel":"device","definition_version":"1.0.0","answers":{"q2":{"comment":"C"}}}"#,
        ),
    ];

    fn records(responses: &[(&str, &str)]) -> Vec<(ResponseId, Sealed)> {
        responses
            .iter()
            .map(|(id, text)| (ResponseId::new(*id), Sealed::new((*text).to_owned())))
            .collect()
    }

    #[test]
    fn every_field_reads_as_the_long_way_reads_it() {
        let key = WorkId::new("w1");
        let head = Sealed::new(HEAD.to_owned());
        let responses = records(&RESPONSES);
        let long = assemble(&key, &head, responses.clone()).unwrap();
        assert!(long.damaged.is_empty());
        assert_eq!(
            assemble_quickly(&key, &head, &responses),
            Some(long.clone())
        );
        // And as this toolkit writes them back.
        let mut work = long.work.clone();
        let head = head_record(&mut work, &long.meta);
        let responses: Vec<_> = long
            .work
            .collection
            .as_ref()
            .unwrap()
            .responses
            .iter()
            .map(|r| (r.id.clone(), response_record(r)))
            .collect();
        assert_eq!(assemble_quickly(&key, &head, &responses), Some(long));
    }

    #[test]
    fn work_of_every_kind_reads_as_the_long_way_reads_it() {
        use crate::test_fixtures as fx;
        let mut audit = fx::work(
            &fx::audit(),
            "Audit",
            fx::choices(&[("q1", "mostly"), ("q2", "yes")]),
        );
        audit.plan.push(PlanRow::blank("r1", RowSource::Added));
        let answers = fx::with_priority(fx::choices(&[("q1", "no")]), "q1", Priority::Medium);
        let feedback = fx::feedback_work(
            &fx::feedback(),
            vec![
                fx::response("b", "1.0.0", "2026-10-02", answers.clone()),
                fx::response("a", "1.0.0", "2026-10-02", answers),
                fx::response("c", "1.0.0", "2026-09-30", Responses::default()),
            ],
        );
        let empty = fx::feedback_work(&fx::feedback(), Vec::new());
        for work in [audit, feedback, empty] {
            let meta = Meta {
                revision: 3,
                saved_at: "09:00".into(),
                ..Meta::default()
            };
            let mut written = work.clone();
            let head = head_record(&mut written, &meta);
            let responses: Vec<_> = work
                .collection
                .iter()
                .flat_map(|c| c.responses.iter())
                .map(|r| (r.id.clone(), response_record(r)))
                .collect();
            let long = assemble(&work.id, &head, responses.clone()).unwrap();
            assert_eq!(
                assemble_quickly(&work.id, &head, &responses),
                Some(long),
                "{}",
                work.name
            );
        }
    }

    #[test]
    fn anything_unexpected_is_left_to_the_long_way() {
        let key = WorkId::new("w1");
        let responses = records(&RESPONSES);
        assert!(assemble_quickly(&key, &Sealed::new(HEAD.to_owned()), &responses).is_some());
        for (from, to) in [
            // Unknown fields at each depth.
            (r#""saved_at""#, r#""colour":1,"saved_at""#),
            (r#""organisation""#, r#""colour":1,"organisation""#),
            (r#""evidence":"E""#, r#""evidence":"E","colour":1"#),
            (r#""about":"Sam""#, r#""about":"Sam","colour":1"#),
            // An answer of two kinds, or none, or an unknown one.
            (
                r#"{"choice":"mostly"}"#,
                r#"{"choice":"mostly","text":"T"}"#,
            ),
            (r#"{"choice":"mostly"}"#, r#"{}"#),
            (r#"{"choice":"mostly"}"#, r#"{"colour":"mostly"}"#),
            // A question answered twice.
            (r#""q7":{}"#, r#""q1":{}"#),
            // Wrong values.
            (r#""number":"-12.50""#, r#""number":"12,5""#),
            (r#""created":"2026-01-02""#, r#""created":"2026-02-30""#),
            (r#""status":"stopped""#, r#""status":"paused""#),
            (r#""source":"added""#, r#""source":"removed""#),
            (r#""idle_minutes":9"#, r#""idle_minutes":-9"#),
            (r#""revision":7"#, r#""revision":7.5"#),
            // A required field left out.
            (r#""about":"Sam","#, ""),
            // A newer store, and a record not where it says it is.
            (r#""store_version":2"#, r#""store_version":3"#),
            (r#""id":"w1""#, r#""id":"w2""#),
        ] {
            assert!(HEAD.contains(from), "{from}");
            let head = Sealed::new(HEAD.replacen(from, to, 1));
            assert_eq!(assemble_quickly(&key, &head, &responses), None, "{to}");
        }
        // A checksum that does not match; a response not where it says it is.
        let mut changed = Sealed::new(HEAD.to_owned());
        changed.text.push(' ');
        assert_eq!(assemble_quickly(&key, &changed, &responses), None);
        let misplaced = records(&[("r9", RESPONSES[0].1)]);
        assert_eq!(
            assemble_quickly(&key, &Sealed::new(HEAD.to_owned()), &misplaced),
            None
        );
    }
}
