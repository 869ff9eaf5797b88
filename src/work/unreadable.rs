//! Why an import file could not be read, typed ([`Unreadable`]): the place it breaks and the
//! kind of fault, said in English or Welsh by [`Unreadable::in_lang`] through the message
//! catalogue ([`crate::messages::problems`]).
//!
//! Must not touch: reading the file (that is [`crate::work`]); this only says what went wrong.

use crate::lang::Lang;
use crate::reading::{Fault, Spot};

/// What an import file holds, as a message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    /// One piece of work.
    Work,
    /// A backup of everything on a device.
    Backup,
}

/// Why an import file could not be read, with the place where it breaks where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The file nests brackets deeper than any work file (rule L1 of [`crate::limits`]).
    TooDeep {
        /// The bracket that went past the limit.
        at: Spot,
    },
    /// The file ends before its JSON does: cut short while it was copied or downloaded, most
    /// likely (a sound file that was cut anywhere but between two values reads this way).
    CutShort {
        /// The line it ends on.
        line: usize,
    },
    /// The file is not JSON.
    NotJson {
        /// Where the reader stopped.
        at: Spot,
    },
    /// The file is JSON, but a value in it is not what the work (or backup) format holds.
    Problem {
        /// A piece of work or a backup.
        whole: Whole,
        /// The path to the value (`works[0].answers`), as the file spells its fields.
        path: String,
        /// What is wrong there.
        fault: Fault,
        /// Where the reader stopped.
        at: Spot,
        /// The reader's own English sentence (for the English message, unchanged).
        detail: String,
    },
    /// Text after the end of the work (or backup).
    ExtraText {
        /// What it follows.
        after: Whole,
        /// Where the extra text starts.
        at: Spot,
    },
    /// A backup holds a piece of work in a format this app does not read.
    BackupHoldsOther {
        /// The work's name.
        name: String,
    },
    /// The file names the work format but no version of it.
    NoFormatVersion,
}

impl Unreadable {
    /// Why, and how to fix it, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::messages::problems as say;
        let unchanged = say::fix_choose_exported_unchanged(lang);
        let (why, fix) = match self {
            Unreadable::TooDeep { at } => (say::nests_too_deep(lang, *at), unchanged),
            Unreadable::CutShort { line } => {
                (say::cut_short(lang, *line), say::fix_copy_again(lang))
            }
            Unreadable::NotJson { at } => (say::not_valid_json(lang, *at), unchanged),
            Unreadable::Problem {
                whole,
                path,
                fault,
                at,
                detail,
            } => (
                say::problem_at(lang, *whole == Whole::Backup, path, fault, *at, detail),
                match whole {
                    Whole::Work => unchanged,
                    Whole::Backup => say::fix_choose_backup_unchanged(lang),
                },
            ),
            Unreadable::ExtraText { after, at } => (
                say::extra_text(lang, *after == Whole::Backup, *at),
                match after {
                    Whole::Work => unchanged,
                    Whole::Backup => say::fix_choose_backup_unchanged(lang),
                },
            ),
            Unreadable::BackupHoldsOther { name } => (
                say::backup_holds_other(lang, name),
                say::fix_make_backup_again(lang),
            ),
            Unreadable::NoFormatVersion => (
                say::no_format_version(lang).to_owned(),
                say::fix_choose_exported(lang),
            ),
        };
        say::file_unreadable(lang, &why, fix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Unreadable> {
        let at = Spot { line: 3, column: 7 };
        vec![
            Unreadable::TooDeep { at },
            Unreadable::CutShort { line: 3 },
            Unreadable::NotJson { at },
            Unreadable::Problem {
                whole: Whole::Work,
                path: "answers.q1".to_owned(),
                fault: Fault::WrongType {},
                at,
                detail: "invalid type: integer `3`, expected a string at line 3 column 7"
                    .to_owned(),
            },
            Unreadable::Problem {
                whole: Whole::Backup,
                path: "works[0]".to_owned(),
                fault: Fault::MissingField {
                    field: "name".to_owned(),
                },
                at,
                detail: "missing field `name` at line 3 column 7".to_owned(),
            },
            Unreadable::ExtraText {
                after: Whole::Work,
                at,
            },
            Unreadable::ExtraText {
                after: Whole::Backup,
                at,
            },
            Unreadable::BackupHoldsOther {
                name: "Gogledd".to_owned(),
            },
            Unreadable::NoFormatVersion,
        ]
    }

    /// The English reads as it did when these were sentences built in place.
    #[test]
    fn the_english_reads_as_it_did() {
        let english: Vec<String> = every_kind().iter().map(|u| u.in_lang(Lang::En)).collect();
        assert_eq!(
            english,
            [
                "the file nests brackets { … } or [ … ] more than 64 levels deep (line 3, column 7). Fix: choose a file exported from this app, unchanged",
                "the file ends before its contents are complete (at line 3): it may have been cut short when it was copied or downloaded. Fix: export it again, or copy the whole file again",
                "the file is not valid JSON (line 3, column 7). Fix: choose a file exported from this app, unchanged",
                "the file has a problem at `answers.q1`: invalid type: integer `3`, expected a string at line 3 column 7. Fix: choose a file exported from this app, unchanged",
                "the backup has a problem at `works[0]`: missing field `name` at line 3 column 7. Fix: choose a backup made with \"Export everything\" in this app, unchanged",
                "the file has extra text after the work (line 3, column 7). Fix: choose a file exported from this app, unchanged",
                "the file has extra text after the backup (line 3, column 7). Fix: choose a backup made with \"Export everything\" in this app, unchanged",
                "the backup holds “Gogledd”, which is not work this app reads. Fix: make the backup again with this version of the toolkit",
                "the file has no format version. Fix: choose a file made with \"Export\" in this app",
            ]
        );
    }

    /// Each reason in Welsh says the place in Welsh and quotes none of the reader's English.
    #[test]
    fn each_reason_is_said_in_welsh_with_its_place() {
        let welsh: Vec<String> = every_kind().iter().map(|u| u.in_lang(Lang::Cy)).collect();
        assert_eq!(
            welsh,
            [
                "mae’r ffeil yn nythu cromfachau { … } neu [ … ] yn ddyfnach na 64 lefel (llinell 3, colofn 7). I’w drwsio: dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid",
                "mae’r ffeil yn dod i ben cyn i’w chynnwys fod yn gyflawn (ar linell 3): efallai iddi gael ei thorri’n fyr wrth ei chopïo neu ei lawrlwytho. I’w drwsio: allforiwch hi eto, neu copïwch y ffeil gyfan eto",
                "nid yw’r ffeil yn JSON dilys (llinell 3, colofn 7). I’w drwsio: dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid",
                "mae problem yn y ffeil yn `answers.q1`: nid yw’r gwerth o’r math iawn (llinell 3, colofn 7). I’w drwsio: dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid",
                "mae problem yn y copi wrth gefn yn `works[0]`: mae’r maes `name` ar goll (llinell 3, colofn 7). I’w drwsio: dewiswch gopi wrth gefn a wnaed gydag \"Allforio popeth\" yn yr ap hwn, heb ei newid",
                "mae testun ychwanegol yn y ffeil ar ôl y gwaith (llinell 3, colofn 7). I’w drwsio: dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid",
                "mae testun ychwanegol yn y ffeil ar ôl y copi wrth gefn (llinell 3, colofn 7). I’w drwsio: dewiswch gopi wrth gefn a wnaed gydag \"Allforio popeth\" yn yr ap hwn, heb ei newid",
                "mae’r copi wrth gefn yn cynnwys “Gogledd”, nad yw’n waith y mae’r ap hwn yn ei ddarllen. I’w drwsio: gwnewch y copi wrth gefn eto gyda’r fersiwn hon o’r pecyn cymorth",
                "nid oes gan y ffeil fersiwn fformat. I’w drwsio: dewiswch ffeil a wnaed gydag \"Allforio\" yn yr ap hwn",
            ]
        );
        for (cy, en) in welsh
            .iter()
            .zip(every_kind().iter().map(|u| u.in_lang(Lang::En)))
        {
            for english in [
                "line ", "column", "Fix:", "invalid", "missing", " file", "choose",
            ] {
                assert!(!cy.contains(english), "{cy:?} says {english:?} ({en:?})");
            }
        }
    }
}
