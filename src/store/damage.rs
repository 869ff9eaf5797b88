//! Why a saved record could not be read, typed ([`Damage`]), and where it was ([`Origin`]), so
//! the list of entries kept aside says both in the reader's language
//! ([`crate::messages::problems`]). Both are kept beside the entry as JSON ([`KeptAside`]),
//! with the English sentence as before for older releases, which read only that.
//!
//! Must not touch: reading the records (that is [`crate::store`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{ResponseId, WorkId};
use crate::lang::Lang;
use crate::reading::{Fault, Spot};

/// Which kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    /// A piece of work's head (R1).
    Work,
    /// One feedback response.
    Response,
}

/// Why a saved record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Damage {
    /// Its checksum does not match its text (R2).
    Changed {},
    /// Its text is not JSON (an entry of the first store format).
    NotJson {
        /// Where the reader stopped.
        at: Spot,
        /// The reader's own English sentence: kept in the record for whoever repairs it, not
        /// shown (it is a parser's words).
        detail: String,
    },
    /// Its JSON is not the shape of the record.
    Shape {
        /// A head or a response.
        record: Record,
        /// What the reader found.
        fault: Fault,
        /// Where.
        at: Spot,
        /// The reader's own English sentence: kept in the record for whoever repairs it, not
        /// shown.
        detail: String,
    },
    /// It was saved by a newer release.
    Newer {
        /// Its store version.
        store_version: u32,
    },
    /// An entry of the first store format says it is of another version.
    OtherVersion {
        /// The version it says.
        store_version: u64,
    },
    /// It says it is another record than the one it is stored as (R3).
    StoredAs {
        /// A head or a response.
        record: Record,
        /// The key it is stored under.
        key: String,
        /// The id it says it has.
        says: String,
    },
    /// Its revision differs from the one stored beside it.
    Revision {},
    /// An earlier release kept it aside, and it still cannot be read.
    KeptEarlier {},
    /// A staged block of responses whose packing is broken (R7): kept aside whole.
    Unpacked {},
}

impl Damage {
    /// The damage a `serde_json` error describes, reading a record of this kind.
    pub fn shape(record: Record, error: &serde_json::Error) -> Damage {
        Damage::Shape {
            record,
            fault: Fault::of(error),
            at: Spot::of(error),
            detail: error.to_string(),
        }
    }

    /// Why, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::messages::problems as say;
        match self {
            Damage::Changed {} => say::record_changed(lang).to_owned(),
            Damage::NotJson { at, .. } => say::record_not_json(lang, *at),
            Damage::Shape {
                record, fault, at, ..
            } => say::record_shape(lang, *record == Record::Response, fault, *at),
            Damage::Newer { store_version } => say::record_newer(lang, *store_version),
            Damage::OtherVersion { store_version } => {
                say::record_other_version(lang, *store_version)
            }
            Damage::StoredAs { record, key, says } => {
                say::record_stored_as(lang, *record == Record::Response, key, says)
            }
            Damage::Revision {} => say::record_revision(lang).to_owned(),
            Damage::KeptEarlier {} => say::record_kept_earlier(lang).to_owned(),
            Damage::Unpacked {} => say::record_unpacked(lang).to_owned(),
        }
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for Damage {}

/// Where an entry kept aside was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// An entry of the first store format, under its key.
    Entry {
        /// The key.
        key: String,
    },
    /// A piece of work's head.
    Work {
        /// The work.
        id: WorkId,
    },
    /// One response of a piece of work.
    Response {
        /// The work.
        work: WorkId,
        /// The response.
        id: ResponseId,
    },
    /// A staged block of a piece of work's responses, not yet split (R7).
    Staged {
        /// The work.
        work: WorkId,
        /// The block's number.
        block: u32,
    },
}

impl Origin {
    /// Where, in `lang`: "response r1 of work w", "ymateb r1 o waith w"; an entry's key as it is.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::messages::problems as say;
        match self {
            Origin::Entry { key } => key.clone(),
            Origin::Work { id } => say::origin_work(lang, id.as_str()),
            Origin::Response { work, id } => say::origin_response(lang, work.as_str(), id.as_str()),
            Origin::Staged { work, block } => say::origin_staged(lang, work.as_str(), *block),
        }
    }
}

/// What is kept beside an entry kept aside, as JSON: where it was and why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptAside {
    /// Where it was.
    pub from: Origin,
    /// Why it could not be read.
    pub reason: Damage,
}

impl KeptAside {
    /// As JSON, to keep beside the entry.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read back from [`KeptAside::to_json`]; `None` for anything else (an entry kept by an
    /// earlier release has only its English reason).
    pub fn from_json(text: &str) -> Option<KeptAside> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Damage> {
        let at = Spot { line: 1, column: 9 };
        let detail = "missing field `id` at line 1 column 9".to_owned();
        let fault = Fault::MissingField {
            field: "id".to_owned(),
        };
        vec![
            Damage::Changed {},
            Damage::NotJson {
                at,
                detail: "EOF while parsing a string at line 1 column 9".to_owned(),
            },
            Damage::Shape {
                record: Record::Work,
                fault: fault.clone(),
                at,
                detail: detail.clone(),
            },
            Damage::Shape {
                record: Record::Response,
                fault,
                at,
                detail,
            },
            Damage::Newer { store_version: 9 },
            Damage::OtherVersion { store_version: 0 },
            Damage::StoredAs {
                record: Record::Work,
                key: "a".to_owned(),
                says: "b".to_owned(),
            },
            Damage::StoredAs {
                record: Record::Response,
                key: "r1".to_owned(),
                says: "r2".to_owned(),
            },
            Damage::Revision {},
            Damage::KeptEarlier {},
            Damage::Unpacked {},
        ]
    }

    #[test]
    fn each_reason_is_said_in_english_with_its_place() {
        let english: Vec<String> = every_kind().iter().map(Damage::to_string).collect();
        assert_eq!(
            english,
            [
                "the saved text has been changed or damaged since it was written (its checksum does not match)",
                "the saved text is damaged (line 1, column 9)",
                "the saved work does not have the expected shape: the field `id` is missing (line 1, column 9)",
                "the saved response does not have the expected shape: the field `id` is missing (line 1, column 9)",
                "it was saved by a newer version of the toolkit (store version 9)",
                "it is in store version 0, which this step does not read",
                "it is stored as `a` but says it is `b`, so it may be a damaged copy of other work",
                "it is stored as `r1` but says it is `r2`",
                "its revision does not match its record",
                "it was kept aside by an earlier version",
                "the responses saved together in it could not be told apart (the block is damaged); it is kept whole, with every response in it",
            ]
        );
    }

    #[test]
    fn each_reason_is_said_in_welsh_with_its_place() {
        let welsh: Vec<String> = every_kind().iter().map(|d| d.in_lang(Lang::Cy)).collect();
        assert_eq!(
            welsh,
            [
                "mae’r testun a gadwyd wedi’i newid neu ei ddifrodi ers iddo gael ei ysgrifennu (nid yw ei swm gwirio’n cyfateb)",
                "mae’r testun a gadwyd wedi’i ddifrodi (llinell 1, colofn 9)",
                "nid oes gan y gwaith a gadwyd y siâp disgwyliedig: mae’r maes `id` ar goll (llinell 1, colofn 9)",
                "nid oes gan yr ymateb a gadwyd y siâp disgwyliedig: mae’r maes `id` ar goll (llinell 1, colofn 9)",
                "cafodd ei gadw gan fersiwn fwy newydd o’r pecyn cymorth (fersiwn storfa 9)",
                "mae wedi’i gadw yn fersiwn 0 o’r storfa, nad yw’r cam hwn yn ei darllen",
                "mae wedi’i storio fel `a` ond mae’n dweud mai `b` ydyw, felly gall fod yn gopi wedi’i ddifrodi o waith arall",
                "mae wedi’i storio fel `r1` ond mae’n dweud mai `r2` ydyw",
                "nid yw ei adolygiad yn cyfateb i’w gofnod",
                "cafodd ei gadw o’r neilltu gan fersiwn gynharach",
                "nid oedd modd gwahanu’r ymatebion a gadwyd gyda’i gilydd ynddo (mae’r bloc wedi’i ddifrodi); caiff ei gadw’n gyfan, gyda phob ymateb ynddo",
            ]
        );
    }

    #[test]
    fn where_and_why_are_kept_as_json_and_read_back() {
        for reason in every_kind() {
            let kept = KeptAside {
                from: Origin::Response {
                    work: WorkId::new("w"),
                    id: ResponseId::new("r1"),
                },
                reason,
            };
            assert_eq!(KeptAside::from_json(&kept.to_json()), Some(kept));
        }
        assert_eq!(KeptAside::from_json("the saved text is damaged"), None);
        let from = Origin::Response {
            work: WorkId::new("w"),
            id: ResponseId::new("r1"),
        };
        assert_eq!(from.in_lang(Lang::En), "response r1 of work w");
        assert_eq!(from.in_lang(Lang::Cy), "ymateb r1 o waith w");
        let work = Origin::Work {
            id: WorkId::new("w"),
        };
        assert_eq!(work.in_lang(Lang::En), "work w");
        assert_eq!(work.in_lang(Lang::Cy), "gwaith w");
    }
}
