//! The device store's records: how saved work is laid out in the browser's database, sealed
//! against damage, read back, and brought over from the first store format.
//!
//! The app keeps work in IndexedDB (the edge `app/src/edges/database.rs` owns the browser calls).
//! This module owns everything about the records that can be decided without a browser:
//!
//! - **R1 one record per piece of work, one per response.** A piece of work is stored as its
//!   *head* (everything but a feedback collection's responses) under its id; each feedback
//!   response is its own record under (work id, response id). Saving an answer rewrites the
//!   head; sending a response writes one small record, never the whole collection.
//! - **R2 every record is sealed.** A record is its JSON text and a checksum of that text
//!   ([`Sealed`]). Reading checks the checksum first, so damage is found and the record is kept
//!   aside with the reason, never read as something else.
//! - **R3 a record is where it says it is.** A head whose work id differs from its key, or a
//!   response whose id differs from its key, is damaged, however well formed.
//! - **R4 revisions.** Every head carries a revision that goes up by one on every save; a save
//!   that finds a higher revision stored stops (another tab saved in between).
//! - **R5 the first store format is read unchanged.** Entries saved by the localStorage release
//!   (store version 1: `{store_version, revision, saved_at, work}` with the responses inside)
//!   are read by [`read_version_1`] and split into records by [`split`].
//! - **R6 backups.** [`Meta`] remembers when work was last exported; [`backup_due`] says when a
//!   gentle reminder is due. Work that came in from a file ([`Meta::imported`]) has a copy in
//!   that file: it is not "never exported", and counts from the day it came in until it changes.
//! - **R7 staged blocks are split soon after.** A big import is first written as a few *staged
//!   blocks* (about a hundred responses' records each, [`Packed`] as text) beside its head, in
//!   one transaction: ten thousand separate records take the browser about a second to write,
//!   a hundred blocks under a tenth of that. Right after, each block is split into its
//!   responses' own records and removed, in one transaction; a split that was interrupted is
//!   finished on the next start. A block whose packing is broken is kept aside whole.
//!
//! Must not touch: the browser, the clock (dates come in as arguments).

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{ResponseId, WorkId};

mod damage;
mod quick;
use crate::work::{FeedbackResponse, Work};
pub use damage::{Damage, KeptAside, Origin, Record};
pub use quick::assemble_quickly;

/// The version of the record format below (version 1 was one localStorage entry per work).
pub const STORE_VERSION: u32 = 2;

/// Days after the last export (or the start, if never exported) before changes that have not
/// been exported earn a reminder.
pub const BACKUP_AFTER_DAYS: i64 = 7;

/// Text with the checksum it had when it was written (R2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// The record's JSON text.
    pub text: String,
    /// [`checksum`] of `text` when written.
    pub sum: String,
}

impl Sealed {
    /// Seals text as it is now.
    pub fn new(text: String) -> Self {
        let sum = checksum(&text);
        Sealed { text, sum }
    }

    /// The text, if it is still what was written.
    pub fn open(&self) -> Result<&str, Damage> {
        if checksum(&self.text) == self.sum {
            Ok(&self.text)
        } else {
            Err(Damage::Changed {})
        }
    }
}

/// The checksum of a record: 64-bit FNV-1a of its UTF-8 bytes, as 16 hex digits. Not a
/// defence against tampering (anyone who can change the record can change its checksum); it
/// finds accidental damage, which is what it is for.
pub fn checksum(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// What the store keeps about a piece of work beside the work itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Goes up by one on every save (R4).
    pub revision: u64,
    /// The time of day of the last save, for "Saved on this device at 14:32".
    pub saved_at: String,
    /// The day the work was last exported to a file, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_on: Option<Date>,
    /// The revision that export saw: later revisions are changes not yet exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_revision: Option<u64>,
    /// The day the work came in from a file (an export or a backup), if it did and has not been
    /// exported from this device since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_on: Option<Date>,
}

impl Meta {
    /// The meta of work that came in from a file `today`, before its first save: the file holds
    /// exactly what that save writes (revision 1), so there is nothing unexported until it
    /// changes.
    pub fn imported(today: Date) -> Self {
        Meta {
            exported_revision: Some(1),
            imported_on: Some(today),
            ..Meta::default()
        }
    }

    /// True when the work has changed since it was last exported (or was never exported).
    pub fn changed_since_export(&self) -> bool {
        self.exported_revision
            .is_none_or(|seen| self.revision > seen)
    }
}

/// A head record as written: the store version, the meta and the work without responses.
#[derive(Serialize)]
struct HeadOut<'a> {
    store_version: u32,
    revision: u64,
    saved_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_on: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_revision: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    imported_on: Option<Date>,
    work: &'a Work,
}

/// A head record as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadIn {
    store_version: u32,
    revision: u64,
    saved_at: String,
    #[serde(default)]
    exported_on: Option<Date>,
    #[serde(default)]
    exported_revision: Option<u64>,
    #[serde(default)]
    imported_on: Option<Date>,
    work: Work,
}

/// The head record of a piece of work: everything but its collection's responses (R1).
///
/// Takes `&mut Work` only to lift the responses out while writing and put them back after,
/// so a 50,000-response collection is never copied to save its name.
pub fn head_record(work: &mut Work, meta: &Meta) -> Sealed {
    let responses = work
        .collection
        .as_mut()
        .map(|c| std::mem::take(&mut c.responses));
    let text = serde_json::to_string(&HeadOut {
        store_version: STORE_VERSION,
        revision: meta.revision,
        saved_at: &meta.saved_at,
        exported_on: meta.exported_on,
        exported_revision: meta.exported_revision,
        imported_on: meta.imported_on,
        work,
    })
    .unwrap_or_default();
    if let (Some(collection), Some(responses)) = (work.collection.as_mut(), responses) {
        collection.responses = responses;
    }
    Sealed::new(text)
}

/// The record of one feedback response (R1).
pub fn response_record(response: &FeedbackResponse) -> Sealed {
    Sealed::new(serde_json::to_string(response).unwrap_or_default())
}

/// Response records packed to go from one thread to another in one piece (the import worker
/// hands them to the page this way, moving the memory instead of copying 10,000 strings): each
/// record's id, text and checksum in UTF-8, one after another, and where each of the three ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Packed {
    /// The ids, texts and checksums, one after another.
    pub bytes: Vec<u8>,
    /// Where each id, text and checksum ends in `bytes` (three to a record).
    pub ends: Vec<u32>,
}

impl Packed {
    /// Adds one record: its id, text and checksum.
    pub fn push(&mut self, id: &str, text: &str, sum: &str) {
        for part in [id, text, sum] {
            self.bytes.extend_from_slice(part.as_bytes());
            self.ends
                .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
        }
    }

    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.ends.len() / 3
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every record, or `None` if the packing is broken anywhere (a count of ends that is not
    /// three to a record, an end out of place or short of the last byte, a part that is not
    /// UTF-8, an empty id): a staged block (R7) is read whole or kept aside whole.
    pub fn unpack(&self) -> Option<Vec<(&str, &str, &str)>> {
        if !self.ends.len().is_multiple_of(3)
            || self.ends.last().map_or(0, |end| *end as usize) != self.bytes.len()
        {
            return None;
        }
        (0..self.len())
            .map(|index| self.get(index).filter(|(id, _, _)| !id.is_empty()))
            .collect()
    }

    /// Record `index`: (id, text, checksum); `None` past the end, or where the packing is
    /// broken (an end out of place, a part that is not UTF-8).
    pub fn get(&self, index: usize) -> Option<(&str, &str, &str)> {
        let end = |at: usize| -> Option<usize> { usize::try_from(*self.ends.get(at)?).ok() };
        let start = if index == 0 { 0 } else { end(3 * index - 1)? };
        let (id, text, sum) = (end(3 * index)?, end(3 * index + 1)?, end(3 * index + 2)?);
        let part = |from: usize, to: usize| std::str::from_utf8(self.bytes.get(from..to)?).ok();
        Some((part(start, id)?, part(id, text)?, part(text, sum)?))
    }
}

/// A response record that could not be read, to keep aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedResponse {
    /// Its key.
    pub id: ResponseId,
    /// Its text as stored.
    pub text: String,
    /// Why it could not be read.
    pub reason: Damage,
}

/// A piece of work read back from its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The work, with its responses.
    pub work: Work,
    /// What the store keeps beside it.
    pub meta: Meta,
    /// Response records that could not be read (kept aside; the rest are in `work`).
    pub damaged: Vec<DamagedResponse>,
}

/// Reads a head record stored under `key` (R2, R3).
pub fn read_head(key: &WorkId, head: &Sealed) -> Result<(Work, Meta), Damage> {
    let text = head.open()?;
    let value: HeadIn = serde_json::from_str(text).map_err(|e| Damage::shape(Record::Work, &e))?;
    if value.store_version > STORE_VERSION {
        return Err(Damage::Newer {
            store_version: value.store_version,
        });
    }
    if &value.work.id != key {
        return Err(Damage::StoredAs {
            record: Record::Work,
            key: key.to_string(),
            says: value.work.id.to_string(),
        });
    }
    let meta = Meta {
        revision: value.revision,
        saved_at: value.saved_at,
        exported_on: value.exported_on,
        exported_revision: value.exported_revision,
        imported_on: value.imported_on,
    };
    Ok((value.work, meta))
}

/// Reads a piece of work from its head and its response records (R1–R3). A damaged head is an
/// error; damaged responses are returned beside the work, which holds every readable one.
pub fn assemble(
    key: &WorkId,
    head: &Sealed,
    responses: Vec<(ResponseId, Sealed)>,
) -> Result<Stored, Damage> {
    let (mut work, meta) = read_head(key, head)?;
    let mut damaged = Vec::new();
    let mut readable = Vec::with_capacity(responses.len());
    for (id, record) in responses {
        let read = record.open().and_then(|text| {
            serde_json::from_str::<FeedbackResponse>(text)
                .map_err(|e| Damage::shape(Record::Response, &e))
        });
        match read {
            Ok(response) if response.id == id => readable.push(response),
            Ok(response) => damaged.push(DamagedResponse {
                reason: Damage::StoredAs {
                    record: Record::Response,
                    key: id.to_string(),
                    says: response.id.to_string(),
                },
                id,
                text: record.text,
            }),
            Err(reason) => damaged.push(DamagedResponse {
                id,
                text: record.text,
                reason,
            }),
        }
    }
    if !readable.is_empty() || work.collection.is_some() {
        let collection = work.collection.get_or_insert_with(Default::default);
        // Records come back in key order; the collection keeps the order they were given in,
        // which is the order of their submission days, then ids.
        crate::order::sort_by(&mut readable, |a, b| {
            (a.submitted, &a.id).cmp(&(b.submitted, &b.id))
        });
        collection.responses = readable;
    }
    Ok(Stored {
        work,
        meta,
        damaged,
    })
}

/// The first store format (R5): one localStorage entry per work, responses inside.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Version1 {
    store_version: u32,
    revision: u64,
    saved_at: String,
    work: Work,
}

/// Reads an entry saved by the first store format, or says why it cannot be read.
pub fn read_version_1(text: &str) -> Result<(Work, Meta), Damage> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Damage::NotJson {
        at: crate::reading::Spot::of(&e),
        detail: e.to_string(),
    })?;
    let version = value
        .get("store_version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    if version != 1 {
        return Err(Damage::OtherVersion {
            store_version: version,
        });
    }
    let entry: Version1 =
        serde_json::from_value(value).map_err(|e| Damage::shape(Record::Work, &e))?;
    debug_assert_eq!(entry.store_version, 1);
    Ok((
        entry.work,
        Meta {
            revision: entry.revision,
            saved_at: entry.saved_at,
            exported_on: None,
            exported_revision: None,
            imported_on: None,
        },
    ))
}

/// The records of a piece of work: its head and one record per response (R1).
pub fn split(work: &mut Work, meta: &Meta) -> (Sealed, Vec<(ResponseId, Sealed)>) {
    let responses = work
        .collection
        .as_ref()
        .map(|c| {
            c.responses
                .iter()
                .map(|r| (r.id.clone(), response_record(r)))
                .collect()
        })
        .unwrap_or_default();
    (head_record(work, meta), responses)
}

/// Whether a gentle reminder to export is due (R6): there are changes not yet exported, and
/// the last export (or, if there was none, the day the work was started) is at least
/// [`BACKUP_AFTER_DAYS`] days ago. Work started today never nags; a week of work does.
pub fn backup_due(created: Date, meta: &Meta, today: Date) -> bool {
    let since = meta.exported_on.or(meta.imported_on).unwrap_or(created);
    meta.changed_since_export() && since.days_until(today) >= BACKUP_AFTER_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DefinitionId;
    use crate::responses::Responses;
    use crate::work::{Channel, Collection, DefinitionRef, Perspective, WORK_FORMAT};

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn collection(ids: &[&str]) -> Work {
        Work {
            format: WORK_FORMAT.to_owned(),
            format_version: 1,
            id: WorkId::new("w1"),
            name: "North feedback".to_owned(),
            definition: DefinitionRef {
                id: DefinitionId::new("feedback-service-user"),
                version: "1.0.0".to_owned(),
            },
            organisation: String::new(),
            participants: String::new(),
            perspective: Perspective::Leaders,
            created: date("2026-11-01"),
            updated: date("2026-11-20"),
            responses: Responses::default(),
            plan: Vec::new(),
            set_aside: Default::default(),
            collection: Some(Collection {
                about: "North Team".to_owned(),
                responses: ids
                    .iter()
                    .map(|id| FeedbackResponse {
                        id: ResponseId::new(*id),
                        submitted: date("2026-11-20"),
                        channel: Channel::Device,
                        definition_version: "1.0.0".to_owned(),
                        answers: Responses::default(),
                    })
                    .collect(),
                ..Collection::default()
            }),
            linked_to: None,
        }
    }

    fn meta(revision: u64) -> Meta {
        Meta {
            revision,
            saved_at: "14:32".to_owned(),
            ..Meta::default()
        }
    }

    #[test]
    fn r1_a_collection_is_a_head_and_one_record_per_response() {
        let mut work = collection(&["a", "b", "c"]);
        let before = work.clone();
        let (head, responses) = split(&mut work, &meta(3));
        assert_eq!(work, before, "splitting leaves the work as it was");
        assert!(!head.text.contains("\"a\""), "no response inside the head");
        assert_eq!(responses.len(), 3);
        let stored = assemble(&work.id, &head, responses).unwrap();
        assert_eq!(stored.work, before);
        assert_eq!(stored.meta, meta(3));
        assert!(stored.damaged.is_empty());
    }

    #[test]
    fn r2_a_changed_character_is_found_not_read() {
        let mut work = collection(&["a"]);
        let (head, _) = split(&mut work, &meta(1));
        for position in [10, head.text.len() / 2, head.text.len() - 2] {
            let mut bytes = head.text.clone().into_bytes();
            bytes[position] = if bytes[position] == b'x' { b'y' } else { b'x' };
            let damaged = Sealed {
                text: String::from_utf8(bytes).unwrap(),
                sum: head.sum.clone(),
            };
            let error = assemble(&work.id, &damaged, Vec::new()).unwrap_err();
            assert!(error.to_string().contains("checksum"), "{error}");
        }
    }

    #[test]
    fn r2_a_damaged_response_is_kept_aside_and_the_rest_read() {
        let mut work = collection(&["a", "b"]);
        let (head, mut responses) = split(&mut work, &meta(1));
        responses[1].1.text.push(' ');
        let stored = assemble(&work.id, &head, responses).unwrap();
        assert_eq!(stored.work.collection.unwrap().responses.len(), 1);
        assert_eq!(stored.damaged.len(), 1);
        assert_eq!(stored.damaged[0].id, ResponseId::new("b"));
    }

    #[test]
    fn r3_a_record_under_another_key_is_damaged() {
        let mut work = collection(&["a", "b"]);
        let (head, mut responses) = split(&mut work, &meta(1));
        let error = assemble(&WorkId::new("w2"), &head, Vec::new()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("stored as `w2` but says it is `w1`"),
            "{error}"
        );
        responses[0].0 = ResponseId::new("z");
        let stored = assemble(&work.id, &head, responses).unwrap();
        assert_eq!(stored.damaged.len(), 1);
        assert!(stored.damaged[0]
            .reason
            .to_string()
            .contains("says it is `a`"));
    }

    #[test]
    fn r4_revision_and_export_round_trip_in_the_head() {
        let mut work = collection(&[]);
        let meta = Meta {
            revision: 9,
            saved_at: "09:15".to_owned(),
            exported_on: Some(date("2026-11-29")),
            exported_revision: Some(8),
            imported_on: Some(date("2026-11-02")),
        };
        let (head, _) = split(&mut work, &meta);
        let (_, read) = read_head(&work.id, &head).unwrap();
        assert_eq!(read, meta);
        assert!(read.changed_since_export());
    }

    #[test]
    fn r5_version_1_entries_are_read_and_split() {
        let work = collection(&["a", "b"]);
        let text = serde_json::json!({
            "store_version": 1, "revision": 4, "saved_at": "10:00", "work": work
        })
        .to_string();
        let (mut read, meta) = read_version_1(&text).unwrap();
        assert_eq!(read, work);
        assert_eq!(meta.revision, 4);
        let (head, responses) = split(&mut read, &meta);
        assert_eq!(assemble(&work.id, &head, responses).unwrap().work, work);
        assert!(read_version_1("{\"store_version\": 1").is_err());
        assert!(read_version_1("{\"store_version\": 2}")
            .unwrap_err()
            .to_string()
            .contains("store version 2"));
    }

    #[test]
    fn r5_a_newer_store_version_is_not_read() {
        let mut work = collection(&[]);
        let (head, _) = split(&mut work, &meta(1));
        let newer = Sealed::new(
            head.text
                .replace("\"store_version\":2", "\"store_version\":3"),
        );
        assert!(read_head(&work.id, &newer)
            .unwrap_err()
            .to_string()
            .contains("newer version"));
    }

    #[test]
    fn r6_a_reminder_after_a_week_of_changes_not_exported() {
        let created = date("2026-11-01");
        let fresh = meta(5);
        assert!(!backup_due(created, &fresh, date("2026-11-07")));
        assert!(backup_due(created, &fresh, date("2026-11-08")));
        let exported = Meta {
            exported_on: Some(date("2026-11-20")),
            exported_revision: Some(5),
            ..meta(5)
        };
        assert!(
            !backup_due(created, &exported, date("2026-12-30")),
            "nothing new"
        );
        let changed = Meta {
            revision: 6,
            ..exported
        };
        assert!(!backup_due(created, &changed, date("2026-11-26")));
        assert!(backup_due(created, &changed, date("2026-11-27")));

        // Restored from a backup long after it was started: the file is a copy, so no reminder
        // until it changes, and then a week after it came in.
        let restored = Meta {
            revision: 1,
            ..Meta::imported(date("2026-12-01"))
        };
        assert!(!restored.changed_since_export());
        assert!(!backup_due(created, &restored, date("2027-03-01")));
        let changed = Meta {
            revision: 2,
            ..restored.clone()
        };
        assert!(!backup_due(created, &changed, date("2026-12-07")));
        assert!(backup_due(created, &changed, date("2026-12-08")));
        // It is kept with the work's head.
        let mut w = crate::test_fixtures::work(
            &crate::test_fixtures::audit(),
            "Restored",
            Responses::default(),
        );
        let head = head_record(&mut w, &restored);
        let (_, read) = read_head(&w.id, &head).unwrap();
        assert_eq!(read, restored);
    }

    #[test]
    fn checksum_is_stable() {
        assert_eq!(checksum(""), "cbf29ce484222325");
        assert_eq!(checksum("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn packed_records_come_back_as_they_went_in() {
        let records = [
            (
                "r1",
                Sealed::new("{\"id\":\"r1\",\"note\":\"café\"}".to_owned()),
            ),
            ("r-2", Sealed::new(String::new())),
        ];
        let mut packed = Packed::default();
        for (id, record) in &records {
            packed.push(id, &record.text, &record.sum);
        }
        assert_eq!(packed.len(), 2);
        for (index, (id, record)) in records.iter().enumerate() {
            assert_eq!(
                packed.get(index),
                Some((*id, record.text.as_str(), record.sum.as_str()))
            );
        }
        assert_eq!(packed.get(2), None);
        // Cut inside the 'é' (not UTF-8), or with an end out of place: read as nothing.
        let mut cut = packed.clone();
        let at = cut.bytes.iter().position(|b| *b == 0xc3).expect("the é");
        cut.bytes.remove(at);
        assert_eq!(cut.get(0), None);
        let mut wrong = packed.clone();
        wrong.ends[1] = u32::MAX;
        assert_eq!(wrong.get(0), None);
    }

    #[test]
    fn a_block_unpacks_whole_or_not_at_all() {
        let mut packed = Packed::default();
        packed.push("r1", "{}", "s1");
        packed.push("r2", "{\"é\":1}", "s2");
        assert_eq!(
            packed.unpack(),
            Some(vec![("r1", "{}", "s1"), ("r2", "{\"é\":1}", "s2")])
        );
        assert_eq!(Packed::default().unpack(), Some(vec![]));
        let mut short = packed.clone();
        short.bytes.push(b'x');
        assert_eq!(short.unpack(), None, "bytes past the last end");
        let mut uneven = packed.clone();
        uneven.ends.pop();
        assert_eq!(uneven.unpack(), None, "a record without its checksum");
        let mut zeros = packed.clone();
        zeros.ends = vec![0; 6];
        zeros.bytes.clear();
        assert_eq!(zeros.unpack(), None, "records with no id");
        let mut backwards = packed.clone();
        backwards.ends.swap(3, 4);
        assert_eq!(backwards.unpack(), None, "an end before the one it follows");
    }
}
