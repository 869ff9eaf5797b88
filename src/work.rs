//! A piece of work: one audit, feedback collection, conversation record or statement, as saved on
//! the device and as exported to a file.
//!
//! Owns: the self-describing work file format (format name and version, the definition's id and
//! version, answers, plan, dates), checking an imported file completely before anything changes,
//! migrating older format versions, and reconciling work with a newer version of its definition
//! (answers to removed questions are set aside and listed, never dropped).
//! Must not touch: browser storage or files (the app's edges pass text in and take text out).

use crate::list_map::ListMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::definition::Definition;
use crate::ids::{DefinitionId, QuestionId, ResponseId, WorkId};
use crate::lang::Lang;
use crate::plan::PlanRow;
use crate::reading::{Fault, Spot};
use crate::responses::{accepts, ItemResponse, Responses};

/// The `format` every work file declares.
pub const WORK_FORMAT: &str = "mhsw-work";
/// The current version of the work file format.
pub const WORK_FORMAT_VERSION: u32 = 1;
/// The largest file accepted on import: 256 MB. A fully answered 25-question feedback response
/// takes about 2,750 bytes in an export, so this holds a collection of about 95,000 responses
/// (the toolkit promises 50,000), or everything on a device in one backup.
pub const MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;
/// The `format` of a backup file: every piece of work on a device in one file.
pub const BACKUP_FORMAT: &str = "mhsw-backup";
/// The current version of the backup format.
pub const BACKUP_FORMAT_VERSION: u32 = 1;

/// Which definition (and which version of it) a piece of work answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DefinitionRef {
    /// The definition's id.
    pub id: DefinitionId,
    /// The definition's version when the work was last saved.
    pub version: String,
}

/// Whose view an audit records, for setting leaders' and practitioners' views side by side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// Strategic and operational leaders (the usual audit).
    #[default]
    Leaders,
    /// Practitioners answering the same items.
    Practitioners,
}

impl Perspective {
    /// The words people see.
    pub fn label(self) -> &'static str {
        match self {
            Perspective::Leaders => "Leaders",
            Perspective::Practitioners => "Practitioners",
        }
    }
}

/// A saved piece of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Work {
    /// Always `mhsw-work`.
    pub format: String,
    /// The format version this file was written in.
    pub format_version: u32,
    /// The work's id on the device.
    pub id: WorkId,
    /// Its name, for example "North Team audit, 2026 baseline".
    pub name: String,
    /// The definition it answers.
    pub definition: DefinitionRef,
    /// The organisation or team.
    #[serde(default)]
    pub organisation: String,
    /// Who took part.
    #[serde(default)]
    pub participants: String,
    /// Whose view an audit records.
    #[serde(default)]
    pub perspective: Perspective,
    /// The day the work was started.
    pub created: Date,
    /// The day it was last changed.
    pub updated: Date,
    /// The answers.
    #[serde(default)]
    pub responses: Responses,
    /// The improvement plan or commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanRow>,
    /// Answers to questions that a newer version of the definition no longer has. Kept, listed,
    /// never dropped silently.
    #[serde(
        default,
        skip_serializing_if = "ListMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub set_aside: ListMap<QuestionId, ItemResponse>,
    /// For feedback: the anonymous responses collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<Collection>,
    /// The piece of work this one belongs with: a practitioner's reflection (a conversation
    /// record) names the feedback collection it reflects on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_to: Option<WorkId>,
}

/// A feedback collection: whose practice it is about, when, and the anonymous responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    /// Whose practice, or which team, the feedback is about.
    pub about: String,
    /// The first day of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<Date>,
    /// The last day of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<Date>,
    /// Minutes of no activity after which an unfinished answer on a shared device is cleared.
    #[serde(default = "default_idle_minutes")]
    pub idle_minutes: u32,
    /// Which languages people answering are offered, and in which order (the active offer).
    /// English only unless set, so a collection saved before Welsh existed reads unchanged.
    #[serde(default, skip_serializing_if = "LanguageOffer::is_english_only")]
    pub language_offer: LanguageOffer,
    /// The responses, each anonymous.
    #[serde(default)]
    pub responses: Vec<FeedbackResponse>,
}

/// The inactivity limit a new collection starts with, in minutes.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;
/// The longest inactivity limit a practitioner may choose, in minutes.
pub const MAX_IDLE_MINUTES: u32 = 120;

fn default_idle_minutes() -> u32 {
    DEFAULT_IDLE_MINUTES
}

impl Default for Collection {
    fn default() -> Self {
        Collection {
            about: String::new(),
            period_start: None,
            period_end: None,
            idle_minutes: DEFAULT_IDLE_MINUTES,
            language_offer: LanguageOffer::EnglishOnly,
            responses: Vec::new(),
        }
    }
}

/// Which languages a collection offers the people answering it, and which comes first: the
/// active offer of the Welsh Language Standards, where Welsh is offered without anyone having to
/// ask. Rule C3 ([`LanguageOffer::offered`]) decides what a person is actually offered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LanguageOffer {
    /// English only: the collection as it always was.
    #[default]
    EnglishOnly,
    /// Welsh and English, English listed first.
    EnglishFirst,
    /// Welsh and English, Welsh (Cymraeg) listed first.
    WelshFirst,
}

impl LanguageOffer {
    /// Every offer, in the order the set-up page lists them.
    pub const ALL: [LanguageOffer; 3] = [
        LanguageOffer::EnglishOnly,
        LanguageOffer::WelshFirst,
        LanguageOffer::EnglishFirst,
    ];

    /// True for [`LanguageOffer::EnglishOnly`] (not written to a file).
    pub fn is_english_only(&self) -> bool {
        *self == LanguageOffer::EnglishOnly
    }

    /// The words on the set-up page.
    pub fn label(self) -> &'static str {
        match self {
            LanguageOffer::EnglishOnly => "English only",
            LanguageOffer::WelshFirst => "Welsh first (Cymraeg yn gyntaf), then English",
            LanguageOffer::EnglishFirst => "English first, then Welsh (Cymraeg)",
        }
    }

    /// A short name, for a control's id and the work file (`english_only`, …).
    pub fn code(self) -> &'static str {
        match self {
            LanguageOffer::EnglishOnly => "english_only",
            LanguageOffer::EnglishFirst => "english_first",
            LanguageOffer::WelshFirst => "welsh_first",
        }
    }

    /// The languages in the offer's order, before the questionnaire is considered.
    fn wanted(self) -> &'static [Lang] {
        match self {
            LanguageOffer::EnglishOnly => &[Lang::En],
            LanguageOffer::EnglishFirst => &[Lang::En, Lang::Cy],
            LanguageOffer::WelshFirst => &[Lang::Cy, Lang::En],
        }
    }

    /// Rule C3: the languages a person answering is offered, in the order they are offered.
    /// Only languages the questionnaire is written in are offered (an offer of Welsh on a
    /// questionnaire without Welsh offers English alone); when none of the offer's languages is
    /// in the questionnaire, its primary language alone. More than one language means the
    /// person chooses before anything else, the first listed first.
    pub fn offered(self, definition: &Definition) -> Vec<Lang> {
        let offered: Vec<Lang> = self
            .wanted()
            .iter()
            .copied()
            .filter(|lang| definition.languages.contains(lang))
            .collect();
        if offered.is_empty() {
            vec![definition.primary_language()]
        } else {
            offered
        }
    }

    /// The offers a practitioner can choose for a questionnaire: English only always, and the
    /// two bilingual offers when the questionnaire is written in Welsh and English.
    pub fn available(definition: &Definition) -> Vec<LanguageOffer> {
        let bilingual = [Lang::Cy, Lang::En]
            .iter()
            .all(|lang| definition.languages.contains(lang));
        Self::ALL
            .into_iter()
            .filter(|offer| bilingual || offer.is_english_only())
            .collect()
    }
}

/// An inactivity limit that is not a whole number of minutes from 1 to [`MAX_IDLE_MINUTES`];
/// what to type instead is said by [`IdleMinutesError::in_lang`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleMinutesError;

impl IdleMinutesError {
    /// What to type, in `lang` ([`crate::messages::collection`]).
    pub fn in_lang(self, lang: Lang) -> String {
        crate::messages::collection::idle_minutes_range(
            lang,
            MAX_IDLE_MINUTES,
            DEFAULT_IDLE_MINUTES,
        )
    }
}

/// Reads the inactivity limit a practitioner typed: a whole number of minutes from 1 to
/// [`MAX_IDLE_MINUTES`].
pub fn parse_idle_minutes(text: &str) -> Result<u32, IdleMinutesError> {
    match text.trim().parse::<u32>() {
        Ok(minutes) if (1..=MAX_IDLE_MINUTES).contains(&minutes) => Ok(minutes),
        _ => Err(IdleMinutesError),
    }
}

/// A mistake in the period a collection covers (rule C2 of [`parse_period`]): which box it is
/// in ([`PeriodError::field`]) and what to enter, said in a language by
/// [`PeriodError::in_lang`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// A box holds something that is not a real date (the end's box, `end`, or the start's).
    NotADate {
        /// Whether it is the end's box.
        end: bool,
    },
    /// A start without an end.
    NoEnd,
    /// An end without a start.
    NoStart,
    /// The end is before the start.
    EndBeforeStart {
        /// The start.
        start: Date,
        /// The end.
        end: Date,
    },
}

impl PeriodError {
    /// The box the mistake is in: `start` or `end`.
    pub fn field(&self) -> &'static str {
        match self {
            PeriodError::NotADate { end: false } | PeriodError::NoStart => "start",
            PeriodError::NotADate { end: true }
            | PeriodError::NoEnd
            | PeriodError::EndBeforeStart { .. } => "end",
        }
    }

    /// What to enter, in `lang` ([`crate::messages::audit`]).
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::messages::audit as say;
        match self {
            PeriodError::NotADate { end } => say::period_not_a_date(lang, *end).to_owned(),
            PeriodError::NoEnd => say::period_no_end(lang).to_owned(),
            PeriodError::NoStart => say::period_no_start(lang).to_owned(),
            PeriodError::EndBeforeStart { start, end } => {
                say::period_end_before_start(lang, *start, *end)
            }
        }
    }
}

/// Reads the period a collection covers from the two dates a practitioner typed (`2026-11-22`, as
/// a date input gives them; either may be blank), rule C2: both or neither, and the end on or
/// after the start. On a mistake, says which field and what to enter.
pub fn parse_period(start: &str, end: &str) -> Result<Option<(Date, Date)>, PeriodError> {
    let read = |text: &str, end: bool| -> Result<Option<Date>, PeriodError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<Date>()
            .map(Some)
            .map_err(|_| PeriodError::NotADate { end })
    };
    match (read(start, false)?, read(end, true)?) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(PeriodError::NoEnd),
        (None, Some(_)) => Err(PeriodError::NoStart),
        (Some(start), Some(end)) if end < start => Err(PeriodError::EndBeforeStart { start, end }),
        (Some(start), Some(end)) => Ok(Some((start, end))),
    }
}

/// How long a shared device waits before it checks another code, after `failures` wrong
/// codes in a row: no wait for the first three, then 30 seconds, doubling each time, up to
/// 15 minutes. Someone guessing four-digit codes gets a handful of tries an hour.
pub fn code_wait_seconds(failures: u32) -> u32 {
    if failures < 3 {
        0
    } else {
        30u32
            .saturating_mul(1 << (failures - 3).min(5))
            .min(15 * 60)
    }
}

/// How a feedback response reached the collection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Answered on a shared device.
    #[default]
    Device,
    /// Typed in from a returned paper form.
    Paper,
}

/// One person's anonymous feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackResponse {
    /// A random id, unique across devices, so importing the same file twice adds nothing.
    pub id: ResponseId,
    /// The day it was submitted.
    pub submitted: Date,
    /// How it was given.
    #[serde(default)]
    pub channel: Channel,
    /// The definition version it answered.
    pub definition_version: String,
    /// The answers.
    pub answers: Responses,
}

impl Work {
    /// Starts a new, empty piece of work on a definition.
    pub fn start(id: WorkId, name: String, definition: &Definition, today: Date) -> Work {
        Work {
            format: WORK_FORMAT.to_owned(),
            format_version: WORK_FORMAT_VERSION,
            id,
            name,
            definition: DefinitionRef {
                id: definition.id.clone(),
                version: definition.version.clone(),
            },
            organisation: String::new(),
            participants: String::new(),
            perspective: Perspective::Leaders,
            created: today,
            updated: today,
            responses: Responses::default(),
            plan: Vec::new(),
            set_aside: ListMap::new(),
            collection: (definition.kind == crate::definition::ToolKind::Feedback)
                .then(Collection::default),
            linked_to: None,
        }
    }

    /// The name of this audit's next-cycle copy made `today` (rule C1): the name without any
    /// "(re-audit …)" it already ends with, then "(re-audit 2026)", or "(re-audit 2, 2026)",
    /// "(re-audit 3, 2026)" … when that name is `taken` by other work, so two re-audits never
    /// share a name, and a re-audit of a re-audit does not grow the name.
    pub fn next_cycle_name<'a>(
        &self,
        taken: impl IntoIterator<Item = &'a str>,
        today: Date,
    ) -> String {
        let taken: Vec<&str> = taken.into_iter().collect();
        let base = match self.name.rfind(" (re-audit ") {
            Some(at) if self.name.ends_with(')') => &self.name[..at],
            _ => self.name.as_str(),
        };
        let year = today.year();
        (1..)
            .map(|n| match n {
                1 => format!("{base} (re-audit {year})"),
                n => format!("{base} (re-audit {n}, {year})"),
            })
            .find(|name| !taken.contains(&name.as_str()))
            .unwrap_or_default()
    }

    /// A copy to start the next cycle of the same audit: a new id and name, the same organisation,
    /// and the answers to re-check; the plan carries over so progress can be reviewed.
    pub fn duplicate_for_next_cycle(&self, id: WorkId, name: String, today: Date) -> Work {
        Work {
            id,
            name,
            created: today,
            updated: today,
            ..self.clone()
        }
    }
}

/// A size in whole megabytes (of 1,048,576 bytes, as the import's hint counts them), rounded
/// up, with thousands separated: "257", "4,769".
fn megabytes(bytes: usize) -> String {
    crate::report::grouped(bytes.div_ceil(1024 * 1024) as u64)
}

mod unreadable;
pub use unreadable::{Unreadable, Whole};

/// Why a file cannot be imported. Nothing is changed when any of these happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is over the size limit.
    TooLarge {
        /// The file's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The file is empty, or holds only spaces.
    Empty,
    /// The file is not work exported from the app: JSON of another shape (`json`), or an object
    /// without the work format's name.
    NotWork {
        /// Whether the file is JSON of another shape (a list, a number), rather than an object
        /// that does not name the work format.
        json: bool,
    },
    /// The file is not JSON, or not a work file: what is wrong, with the place where known
    /// (boxed: a reader's fault with its path is large beside every other reason).
    Unreadable(Box<Unreadable>),
    /// The file was written by a newer version of the toolkit.
    NewerFormat {
        /// The version in the file.
        found: u32,
        /// The newest this code reads.
        supported: u32,
    },
    /// No definition with this id is available.
    UnknownDefinition {
        /// The id.
        id: DefinitionId,
    },
    /// An id or a text in the file is outside the toolkit's limits (rules L2 and L3 of
    /// [`crate::limits`]): an id the app's addresses cannot hold, or a text longer than anyone
    /// types into that field.
    OutOfLimits {
        /// How many.
        count: usize,
        /// The first few, each naming its field and the limit.
        details: String,
        /// How to fix them.
        fix: String,
    },
    /// Some answers do not fit the definition.
    BadAnswers {
        /// How many.
        count: usize,
        /// The first few, described.
        details: String,
    },
}

impl ImportError {
    /// Why the file cannot be imported, in `lang` (the message catalogue's
    /// [`crate::messages::problems`]), the place in the file and what is wrong there included.
    pub fn in_lang(&self, lang: Lang) -> String {
        use crate::messages::problems as say;
        match self {
            ImportError::TooLarge { size, limit } => {
                say::file_too_large(lang, &megabytes(*size), &megabytes(*limit))
            }
            ImportError::Empty => say::file_empty(lang).to_owned(),
            ImportError::NotWork { json } => say::not_work(lang, *json).to_owned(),
            ImportError::Unreadable(why) => why.in_lang(lang),
            ImportError::NewerFormat { found, supported } => {
                say::newer_format(lang, *found, *supported)
            }
            ImportError::UnknownDefinition { id } => say::unknown_questionnaire(lang, id.as_str()),
            ImportError::OutOfLimits {
                count,
                details,
                fix,
            } => say::out_of_limits(lang, *count, details, fix),
            ImportError::BadAnswers { count, details } => {
                say::answers_do_not_fit(lang, *count, details)
            }
        }
    }
}

impl From<Unreadable> for ImportError {
    fn from(why: Unreadable) -> Self {
        ImportError::Unreadable(Box::new(why))
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Whether `text` is a file this toolkit exported (a piece of work, or a backup of everything),
/// judged by its `"format"` alone: a page that expects another kind of file (a questionnaire)
/// says what the file is and where it goes, rather than listing what it lacks.
pub fn is_toolkit_export(text: &str) -> bool {
    read_header(text)
        .is_ok_and(|h| matches!(h.format.as_deref(), Some(WORK_FORMAT | BACKUP_FORMAT)))
}

/// Reads a file to import: one piece of work, or a backup of everything on a device. Each is
/// read completely, or the whole file is refused with the reason. Nothing else is touched.
pub fn parse_import(text: &str) -> Result<Vec<Work>, ImportError> {
    if let Some(work) = read_sound_work(text) {
        check_limits(&work)?;
        return Ok(vec![work]);
    }
    let header = read_header(text)?;
    if header.format.as_deref() != Some(BACKUP_FORMAT) {
        return parse_work_with(text, header).map(|work| vec![work]);
    }
    let version = header.format_version.unwrap_or(0);
    if version > u64::from(BACKUP_FORMAT_VERSION) {
        return Err(ImportError::NewerFormat {
            found: u32::try_from(version).unwrap_or(u32::MAX),
            supported: BACKUP_FORMAT_VERSION,
        });
    }
    let backup: Backup = read_strictly(text, Whole::Backup)?;
    for work in &backup.works {
        check_limits(work)?;
        if work.format != WORK_FORMAT || work.format_version > WORK_FORMAT_VERSION {
            return Err(ImportError::from(Unreadable::BackupHoldsOther {
                name: work.name.clone(),
            }));
        }
    }
    Ok(backup.works)
}

/// A piece of work from an import file, checked against its questionnaire and brought up to
/// date with it, ready to be placed ([`place`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The work.
    pub work: Work,
    /// Answers kept aside because this version of the questionnaire no longer asks them, or
    /// no longer accepts them.
    pub kept_aside: usize,
    /// Answers to retired questions moved to the question that replaced them (K1 of
    /// [`crate::carry`]).
    pub carried: usize,
}

/// Why an import file was refused: the problem, and the piece of work in a backup it was
/// found in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{error}", within.as_ref().map(|name| format!("“{name}”: ")).unwrap_or_default())]
pub struct Refused {
    /// The piece of work in a backup the problem is in (none for a single work file).
    pub within: Option<String>,
    /// The problem.
    pub error: ImportError,
}

impl Refused {
    /// Why the file was refused, in `lang`, after the name of the piece of work it is in.
    pub fn in_lang(&self, lang: Lang) -> String {
        let within = self
            .within
            .as_ref()
            .map(|name| format!("\u{201c}{name}\u{201d}: "));
        format!("{}{}", within.unwrap_or_default(), self.error.in_lang(lang))
    }
}

/// Reads a whole import file and checks every piece of work in it against its questionnaire
/// ([`parse_import`], [`check_answers`]), then brings each up to date ([`reconcile`]): all of
/// it, or nothing when anything is wrong. `definition_of` gives the questionnaires available.
pub fn check_import<D: std::ops::Deref<Target = Definition>>(
    text: &str,
    definition_of: impl Fn(&DefinitionId) -> Option<D>,
) -> Result<Vec<Checked>, Refused> {
    let works = parse_import(text).map_err(|error| Refused {
        within: None,
        error,
    })?;
    let in_backup = works.len() > 1;
    works
        .into_iter()
        .map(|mut work| {
            let refuse = |error| Refused {
                within: in_backup.then(|| work.name.clone()),
                error,
            };
            let definition = definition_of(&work.definition.id).ok_or_else(|| {
                refuse(ImportError::UnknownDefinition {
                    id: work.definition.id.clone(),
                })
            })?;
            check_answers(&work, &definition).map_err(refuse)?;
            let reconciliation = reconcile(&mut work, &definition, None);
            let kept_aside = reconciliation.set_aside.len() + reconciliation.no_longer_fit.len();
            let carried = reconciliation.carried.len();
            Ok(Checked {
                work,
                kept_aside,
                carried,
            })
        })
        .collect()
}

/// A backup of every piece of work on a device.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Backup {
    format: String,
    format_version: u32,
    /// The day it was made.
    made: Date,
    works: Vec<Work>,
}

/// Writes every piece of work given as one backup file ("Export everything").
pub fn export_backup(works: Vec<Work>, made: Date) -> String {
    let mut text = serde_json::to_string_pretty(&Backup {
        format: BACKUP_FORMAT.to_owned(),
        format_version: BACKUP_FORMAT_VERSION,
        made,
        works,
    })
    .unwrap_or_default();
    text.push('\n');
    text
}

/// Refuses a file nested deeper than any work file (rule L1 of [`crate::limits`]), before any
/// parsing, so a malformed file of any depth is refused in one quick pass.
fn refuse_deep(text: &str) -> Result<(), ImportError> {
    crate::limits::check_depth(text).map_err(|deep| {
        ImportError::from(Unreadable::TooDeep {
            at: Spot {
                line: deep.line,
                column: deep.column,
            },
        })
    })
}

fn not_json(e: serde_json::Error) -> ImportError {
    // Valid JSON of the wrong shape (a list, a number) is not "not valid JSON".
    if e.classify() == serde_json::error::Category::Data {
        return ImportError::NotWork { json: true };
    }
    if e.is_eof() {
        return ImportError::from(Unreadable::CutShort { line: e.line() });
    }
    ImportError::from(Unreadable::NotJson { at: Spot::of(&e) })
}

/// Where an imported piece of work goes, given the work already on the device with its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Nothing on the device has its id: it is added as it is.
    New,
    /// A collection of the same questionnaire: its responses are added to the one here
    /// (responses already there are skipped).
    Merge,
    /// The same work, unchanged, is already here: nothing is added.
    AlreadyHere,
    /// Other work with the same id is here: the file is added beside it, under a new id.
    Copy(CopyReason),
}

/// Why an import is added as a copy rather than merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyReason {
    /// The work here has changed, or the file has.
    Different,
    /// Both are collections, but of different questionnaires: their responses never mix.
    OtherQuestionnaire,
    /// One is a feedback collection and the other is not.
    NotACollection,
}

/// Decides where imported work goes (rule I1: responses merge only into a collection of the
/// same questionnaire; I2: the same work imported twice adds nothing; I3: anything else with
/// the same id is kept beside it, never over it).
pub fn place(existing: Option<&Work>, incoming: &Work) -> Placement {
    let Some(existing) = existing else {
        return Placement::New;
    };
    match (&existing.collection, &incoming.collection) {
        (Some(_), Some(_)) if existing.definition.id == incoming.definition.id => Placement::Merge,
        (Some(_), Some(_)) => Placement::Copy(CopyReason::OtherQuestionnaire),
        (None, None) if existing == incoming => Placement::AlreadyHere,
        (None, None) => Placement::Copy(CopyReason::Different),
        _ => Placement::Copy(CopyReason::NotACollection),
    }
}

/// The front door of every import: the size limit, the nesting limit, then only the format
/// and version (other fields are skipped, not built), so a file from elsewhere gets a plain
/// answer before the full read.
fn read_header(text: &str) -> Result<Header, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    refuse_deep(text)?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ImportError::Empty);
    }
    serde_json::from_str(text).map_err(not_json)
}

/// Reads the whole text into `T` (a piece of work or a backup, `whole`), naming the place of
/// the first problem and refusing extra text after it.
fn read_strictly<T: serde::de::DeserializeOwned>(
    text: &str,
    whole: Whole,
) -> Result<T, ImportError> {
    // A sound file is read once, at full speed; only a file with a problem is read again,
    // tracking the path to it for the message (which slows every field down).
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        ImportError::from(Unreadable::Problem {
            whole,
            path: error.path().to_string(),
            fault: Fault::of(error.inner()),
            at: Spot::of(error.inner()),
            detail: error.inner().to_string(),
        })
    })?;
    deserializer.end().map_err(|e| {
        ImportError::from(Unreadable::ExtraText {
            after: whole,
            at: Spot::of(&e),
        })
    })?;
    Ok(value)
}

/// Reads a work file completely, or explains why not. Nothing else is touched.
pub fn parse_work(text: &str) -> Result<Work, ImportError> {
    if let Some(work) = read_sound_work(text) {
        check_limits(&work)?;
        return Ok(work);
    }
    let header = read_header(text)?;
    parse_work_with(text, header)
}

/// A sound work file in a format version this app reads, read in one pass; `None` for
/// anything else (a backup, a newer version, a problem), which is then read the careful way:
/// the header first, so the message says what is wrong. For a sound file the careful way
/// gives the same work, but reads the whole text once more for the header (a large
/// collection's file is 30 MB), so the common case skips it.
fn read_sound_work(text: &str) -> Option<Work> {
    if text.len() > MAX_IMPORT_BYTES || refuse_deep(text).is_err() {
        return None;
    }
    let work: Work = serde_json::from_str(text).ok()?;
    (work.format == WORK_FORMAT && work.format_version <= WORK_FORMAT_VERSION).then_some(work)
}

/// [`parse_work`] once the header is read.
fn parse_work_with(text: &str, header: Header) -> Result<Work, ImportError> {
    if header.format.as_deref() != Some(WORK_FORMAT) {
        return Err(ImportError::NotWork { json: false });
    }
    let version = header
        .format_version
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(ImportError::from(Unreadable::NoFormatVersion))?;
    if version > WORK_FORMAT_VERSION {
        return Err(ImportError::NewerFormat {
            found: version,
            supported: WORK_FORMAT_VERSION,
        });
    }
    // Version 1 is the only version so far: nothing to migrate, so the text is read straight
    // into the model. A later version adds its migration step here.
    let work: Work = read_strictly(text, Whole::Work)?;
    check_limits(&work)?;
    Ok(work)
}

/// Checks every id and text of imported work against the toolkit's limits (rules L2 and L3 of
/// [`crate::limits`]), naming each field and its limit.
pub fn check_limits(work: &Work) -> Result<(), ImportError> {
    use crate::definition::LONG_TEXT_MAX;
    use crate::limits::{
        id_problem, length_problem, ID_RULE, NAME_MAX_CHARS, NOTE_MAX_CHARS, PLAN_FIELD_MAX_CHARS,
    };

    let mut ids = Vec::new();
    let mut texts = Vec::new();
    if let Some(problem) = id_problem(work.id.as_str()) {
        ids.push(format!("the work's id: {problem}"));
    }
    if let Some(problem) = work
        .linked_to
        .as_ref()
        .and_then(|id| id_problem(id.as_str()))
    {
        ids.push(format!("the id of the work it is linked to: {problem}"));
    }
    let mut text = |field: String, value: &str, limit: usize| {
        if let Some(problem) = length_problem(&field, value, limit) {
            texts.push(problem);
        }
    };
    text("the name".to_owned(), &work.name, NAME_MAX_CHARS);
    text(
        "the organisation".to_owned(),
        &work.organisation,
        NAME_MAX_CHARS,
    );
    text(
        "who took part".to_owned(),
        &work.participants,
        NAME_MAX_CHARS,
    );
    let items =
        |responses: &Responses, context: &str, text: &mut dyn FnMut(String, &str, usize)| {
            for (id, item) in &responses.items {
                if let Some(evidence) = &item.evidence {
                    text(
                        format!("{context}the evidence for `{id}`"),
                        evidence,
                        NOTE_MAX_CHARS,
                    );
                }
                if let Some(comment) = &item.comment {
                    text(
                        format!("{context}the comment on `{id}`"),
                        comment,
                        NOTE_MAX_CHARS,
                    );
                }
                if let Some(crate::responses::Answer::Text(answer)) = &item.answer {
                    text(
                        format!("{context}the answer to `{id}`"),
                        answer,
                        LONG_TEXT_MAX as usize,
                    );
                }
            }
        };
    items(&work.responses, "", &mut text);
    let set_aside = Responses {
        items: work.set_aside.clone(),
    };
    items(&set_aside, "set aside: ", &mut text);
    for (index, row) in work.plan.iter().enumerate() {
        let row_number = index + 1;
        for (field, value) in [
            ("the action", &row.action),
            ("the lead", &row.lead),
            ("the partners", &row.partners),
            ("the success measure", &row.success_measure),
        ] {
            text(
                format!("{field} of plan row {row_number}"),
                value,
                PLAN_FIELD_MAX_CHARS,
            );
        }
    }
    if let Some(collection) = &work.collection {
        text(
            "whose practice the collection is about".to_owned(),
            &collection.about,
            NAME_MAX_CHARS,
        );
        for (index, response) in collection.responses.iter().enumerate() {
            items(
                &response.answers,
                &format!("response {}: ", index + 1),
                &mut text,
            );
        }
        for (index, response) in collection.responses.iter().enumerate() {
            if let Some(problem) = id_problem(response.id.as_str()) {
                ids.push(format!("the id of response {}: {problem}", index + 1));
            }
        }
    }
    if ids.is_empty() && texts.is_empty() {
        return Ok(());
    }
    let mut fixes = Vec::new();
    if !ids.is_empty() {
        fixes.push(format!(
            "{ID_RULE}; export the work again from this app, or change the id in the file to one \
             such as `north-team-audit`"
        ));
    }
    if !texts.is_empty() {
        fixes.push(
            "shorten each text to its limit where the file was made, export it again and import \
             that file"
                .to_owned(),
        );
    }
    let mut problems: Vec<String> = ids.into_iter().chain(texts).collect();
    let count = problems.len();
    problems.truncate(5);
    Err(ImportError::OutOfLimits {
        count,
        details: problems.join("; "),
        fix: fixes.join("; "),
    })
}

/// The two fields read before anything else.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u64>,
}

/// Checks every answer in a work file against its definition, so an import is all or nothing.
pub fn check_answers(work: &Work, definition: &Definition) -> Result<(), ImportError> {
    let mut problems = Vec::new();
    let is_feedback = definition.kind == crate::definition::ToolKind::Feedback;
    if work.collection.is_some() != is_feedback {
        problems.push(if is_feedback {
            "the file is a feedback collection without its collection details".to_owned()
        } else {
            format!(
                "the file carries feedback responses, but `{}` is not a feedback questionnaire",
                definition.id
            )
        });
    }

    let mut check = |responses: &Responses, context: &str| {
        for (id, item) in &responses.items {
            let Some(answer) = &item.answer else { continue };
            match definition.question(id) {
                // Unknown questions are not errors: reconciling sets them aside.
                None => {}
                Some(question) => {
                    if let Err(error) = accepts(definition, question, answer) {
                        problems.push(format!("{context}{error}"));
                    }
                }
            }
        }
    };
    check(&work.responses, "");
    if let Some(collection) = &work.collection {
        for (index, response) in collection.responses.iter().enumerate() {
            check(&response.answers, &format!("response {}: ", index + 1));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let count = problems.len();
        problems.truncate(5);
        Err(ImportError::BadAnswers {
            count,
            details: problems.join("; "),
        })
    }
}

/// What changed when work was brought up to date with its definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciliation {
    /// The version the work was saved with.
    pub from_version: String,
    /// The definition's version now.
    pub to_version: String,
    /// Questions answered in the work that the definition no longer has: their answers are set
    /// aside (K2 of [`crate::carry`]).
    pub set_aside: Vec<QuestionId>,
    /// Answers to retired questions moved to the question that replaced them (K1 of
    /// [`crate::carry`]): the old id, then the new.
    pub carried: Vec<(QuestionId, QuestionId)>,
    /// Questions the definition has that the old version did not (new, unanswered).
    pub new_questions: Vec<QuestionId>,
    /// Answers that no longer fit their question (an option removed): set aside too.
    pub no_longer_fit: Vec<QuestionId>,
    /// For a feedback collection, whose responses stay as they were given (K3): how many of
    /// their answers now count with the question they were carried to.
    pub responses_carried: usize,
    /// For a feedback collection: the questions, no longer asked, that responses answered and
    /// whose answers are not counted (each once, in id order).
    pub responses_kept_aside: Vec<QuestionId>,
}

impl Reconciliation {
    /// True when nothing about the work changed.
    pub fn is_unchanged(&self) -> bool {
        self.from_version == self.to_version
            && self.set_aside.is_empty()
            && self.carried.is_empty()
            && self.no_longer_fit.is_empty()
    }
}

/// Brings work up to date with the current version of its definition. Answers to questions that
/// still exist (and still fit) are kept; answers to retired questions are carried to the
/// question that replaced them when they fit it and it is unanswered (K1 of [`crate::carry`]),
/// including answers set aside before; all others move to `set_aside`. Nothing is deleted.
/// Feedback responses are never rewritten (K3); what reports will carry and leave out is
/// counted. `known_before` lists the question ids the old version had, when known, to name new
/// questions.
pub fn reconcile(
    work: &mut Work,
    definition: &Definition,
    known_before: Option<&[QuestionId]>,
) -> Reconciliation {
    let mut result = Reconciliation {
        from_version: work.definition.version.clone(),
        to_version: definition.version.clone(),
        ..Reconciliation::default()
    };
    let taken =
        |responses: &Responses, id: &QuestionId| responses.item(id).is_some_and(|i| !i.is_empty());
    let ids: Vec<QuestionId> = work.responses.items.keys().cloned().collect();
    for id in ids {
        let keep = match definition.question(&id) {
            None => {
                let item = &work.responses.items[&id];
                if let Some(to) =
                    crate::carry::destination(definition, &id, item, |q| taken(&work.responses, q))
                {
                    if let Some(item) = work.responses.items.remove(&id) {
                        work.responses.items.insert(to.clone(), item);
                    }
                    result.carried.push((id, to.clone()));
                    continue;
                }
                result.set_aside.push(id.clone());
                false
            }
            Some(question) => {
                let fits = work.responses.items[&id]
                    .answer
                    .as_ref()
                    .is_none_or(|a| accepts(definition, question, a).is_ok());
                if !fits {
                    result.no_longer_fit.push(id.clone());
                }
                fits
            }
        };
        if !keep {
            if let Some(item) = work.responses.items.remove(&id) {
                work.set_aside.insert(id, item);
            }
        }
    }
    // Answers set aside under an earlier version whose question is now carried somewhere.
    let aside: Vec<QuestionId> = work.set_aside.keys().cloned().collect();
    for id in aside {
        let item = &work.set_aside[&id];
        if let Some(to) =
            crate::carry::destination(definition, &id, item, |q| taken(&work.responses, q))
        {
            let to = to.clone();
            if let Some(item) = work.set_aside.remove(&id) {
                work.responses.items.insert(to.clone(), item);
            }
            result.carried.push((id, to));
        }
    }
    if let Some(collection) = &work.collection {
        let mut kept = std::collections::BTreeSet::new();
        for response in &collection.responses {
            let read = crate::carry::carried(definition, &response.answers);
            for (id, item) in &response.answers.items {
                if definition.question(id).is_some() || item.is_empty() {
                    continue;
                }
                if read.item(id).is_some() {
                    kept.insert(id.clone());
                } else {
                    result.responses_carried += 1;
                }
            }
        }
        result.responses_kept_aside = kept.into_iter().collect();
    }
    if let Some(before) = known_before {
        result.new_questions = definition
            .questions()
            .map(|(_, q)| q.id.clone())
            .filter(|id| !before.contains(id))
            .collect();
    }
    work.definition.version = definition.version.clone();
    result
}

/// Writes work as the export file: pretty JSON, ending with a newline.
pub fn export_work(work: &Work) -> String {
    let mut text = serde_json::to_string_pretty(work).unwrap_or_default();
    text.push('\n');
    text
}

/// `wanted`, or when a piece of work on the device already has that name, the first of
/// "wanted (2)", "wanted (3)"… that none has: two statements started on one day are not
/// both "Strategic statement, 7 December 2026".
pub fn free_name<'a>(wanted: String, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.into_iter().collect();
    if !taken.contains(&wanted.as_str()) {
        return wanted;
    }
    (2..)
        .map(|n| format!("{wanted} ({n})"))
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or(wanted)
}

/// The longest a file name made from a work's name may be, before `.json` or `-plan.pdf`.
pub const FILE_STEM_MAX_CHARS: usize = 60;

/// A file name made from a piece of work's name, safe on every system and readable:
/// `north-team-audit-2026-baseline`. Welsh and other accented letters keep their letter
/// (`ŵ` is `w`, `â` is `a`); anything else between words becomes one hyphen. A long name is
/// cut after a whole word, never inside one (`…-7-decem` would read as a mistake).
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match plain_letter(c) {
            Some(c) => stem.push(c),
            None if !stem.is_empty() && !stem.ends_with('-') => stem.push('-'),
            None => {}
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        return "mhsw-work".to_owned();
    }
    if stem.len() <= FILE_STEM_MAX_CHARS {
        return stem.to_owned();
    }
    // Every character is ASCII here, so a byte index is a character index.
    let cut = &stem[..FILE_STEM_MAX_CHARS];
    let whole_words = if stem.as_bytes()[FILE_STEM_MAX_CHARS] == b'-' {
        cut
    } else {
        cut.rsplit_once('-').map_or(cut, |(words, _)| words)
    };
    whole_words.trim_end_matches('-').to_owned()
}

/// `c` as a plain ASCII letter or digit, when it is one or an accented form of one.
fn plain_letter(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    let plain = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ẁ' | 'ẃ' | 'ŵ' | 'ẅ' => 'w',
        'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
        _ => return None,
    };
    Some(plain)
}

/// What merging one feedback collection into another did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Responses added.
    pub added: usize,
    /// Responses already present (same id), left as they were.
    pub already_present: usize,
}

impl MergeOutcome {
    /// What the import says once the merged collection `name` is stored: "3 new responses added
    /// to “North Team” and saved on this device; 1 was already there."
    pub fn said(&self, name: &str) -> String {
        self.said_in(Lang::En, name)
    }

    /// [`MergeOutcome::said`] in `lang`.
    pub fn said_in(&self, lang: Lang, name: &str) -> String {
        crate::messages::problems::merged(lang, name, self.added, self.already_present)
    }
}

/// What the import says once new work `name` is stored, with its count of responses for a
/// collection, and `why` it was kept apart (" (…)"), if it was.
pub fn imported_said(name: &str, responses: Option<usize>, why: &str) -> String {
    crate::messages::problems::imported_as(Lang::En, name, responses, why)
}

/// Adds the responses of `from` to `into`'s collection, skipping any whose id is already there,
/// so importing the same device file twice adds nothing.
pub fn merge_collection(into: &mut Work, from: &Work) -> MergeOutcome {
    let mut outcome = MergeOutcome::default();
    let Some(source) = &from.collection else {
        return outcome;
    };
    let target = into.collection.get_or_insert_with(Collection::default);
    let mut known: std::collections::BTreeSet<ResponseId> =
        target.responses.iter().map(|r| r.id.clone()).collect();
    for response in &source.responses {
        if known.insert(response.id.clone()) {
            target.responses.push(response.clone());
            outcome.added += 1;
        } else {
            outcome.already_present += 1;
        }
    }
    outcome
}

/// The leaders' latest audit on the questionnaire `audit` among `works`: the one a statement
/// takes its current position from. The audit started last is the latest (a rename or a
/// late edit to last year's audit does not make it this year's); of two started on the same
/// day, the one changed last; of two alike in both, the later in `works`. Practitioners'
/// answers and other questionnaires are passed over.
pub fn latest_leaders_audit<'a>(
    works: impl IntoIterator<Item = &'a Work>,
    audit: &DefinitionId,
) -> Option<&'a Work> {
    works
        .into_iter()
        .filter(|w| &w.definition.id == audit && w.perspective == Perspective::Leaders)
        .max_by_key(|w| (w.created, w.updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_name_is_not_one_already_taken() {
        let taken = [
            "Statement, 7 December 2026",
            "Statement, 7 December 2026 (2)",
        ];
        assert_eq!(
            free_name("Audit, 7 December 2026".to_owned(), taken),
            "Audit, 7 December 2026"
        );
        assert_eq!(
            free_name("Statement, 7 December 2026".to_owned(), taken),
            "Statement, 7 December 2026 (3)"
        );
    }

    #[test]
    fn a_file_name_keeps_welsh_letters_and_whole_words() {
        assert_eq!(
            file_stem("North Team audit, 2026 baseline"),
            "north-team-audit-2026-baseline"
        );
        assert_eq!(
            file_stem("Hunanasesiad Gwasanaeth Iechyd Meddwl Powys: ŵyr a’u gofalwyr"),
            "hunanasesiad-gwasanaeth-iechyd-meddwl-powys-wyr-a-u-gofalwyr"
        );
        assert_eq!(file_stem("  !!  "), "mhsw-work");
        assert_eq!(file_stem("日本"), "mhsw-work");
        // Cut after a whole word, never inside one.
        let long = file_stem(
            "Strategic statement for mental health social work, North and South, 7 December 2026",
        );
        assert_eq!(
            long,
            "strategic-statement-for-mental-health-social-work-north-and"
        );
        assert!(long.len() <= FILE_STEM_MAX_CHARS);
        // A name whose word ends exactly at the limit keeps it.
        let exact = format!("{} {}", "a".repeat(FILE_STEM_MAX_CHARS), "more");
        assert_eq!(file_stem(&exact), "a".repeat(FILE_STEM_MAX_CHARS));
        // One word longer than the limit is cut: there is no whole word to keep.
        assert_eq!(
            file_stem(&"b".repeat(FILE_STEM_MAX_CHARS + 5)),
            "b".repeat(FILE_STEM_MAX_CHARS)
        );
    }

    fn work_with(ids: &[&str]) -> Work {
        Work {
            format: WORK_FORMAT.to_owned(),
            format_version: WORK_FORMAT_VERSION,
            id: WorkId::new("w"),
            name: "Feedback".to_owned(),
            definition: DefinitionRef {
                id: DefinitionId::new("feedback-service-user"),
                version: "1.0.0".to_owned(),
            },
            organisation: String::new(),
            participants: String::new(),
            perspective: Perspective::Leaders,
            created: "2026-11-22".parse().unwrap(),
            updated: "2026-11-22".parse().unwrap(),
            responses: Responses::default(),
            plan: Vec::new(),
            set_aside: ListMap::new(),
            collection: Some(Collection {
                about: "North Team".to_owned(),
                responses: ids
                    .iter()
                    .map(|id| FeedbackResponse {
                        id: ResponseId::new(*id),
                        submitted: "2026-11-22".parse().unwrap(),
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

    #[test]
    fn a_key_written_twice_anywhere_in_a_work_file_is_refused_naming_it_and_where() {
        use crate::test_fixtures::{audit, choices, work};
        let d = audit();
        let saved = work(
            &d,
            "North",
            choices(&[("lead-1", "partly"), ("lead-2", "mostly")]),
        );
        let text = export_work(&saved);
        assert!(parse_work(&text).is_ok());
        // The text between the two answers, and the same answer again in its place.
        let twice = |text: &str, at: &str, again: &str| {
            let start = text.find(at).expect("the key is in the file");
            let mut out = text.to_owned();
            out.insert_str(start, again);
            out
        };
        let first = &text[text.find("\"lead-1\"").unwrap()..text.find("\"lead-2\"").unwrap()];
        let cases = [
            // Inside a map: two answers to one question (the last one would win).
            (twice(&text, "\"lead-2\"", first), "`lead-1`", "responses"),
            // A field of the work itself.
            (
                twice(&text, "\"organisation\"", "\"name\": \"Other\",\n  "),
                "`name`",
                "line",
            ),
            // Inside one question's item.
            (
                twice(
                    &text,
                    "\"answer\": {\n        \"choice\": \"mostly\"",
                    "\"answer\": { \"choice\": \"yes\" }, ",
                ),
                "`answer`",
                "responses.lead-2",
            ),
        ];
        for (text, key, place) in &cases {
            let error = parse_work(text)
                .expect_err("a key written twice")
                .to_string();
            assert!(error.contains(key), "{key}: {error}");
            assert!(error.contains(place), "{place}: {error}");
            assert!(
                error.contains("twice") || error.contains("duplicate"),
                "{error}"
            );
            // The import (a backup too) refuses it the same way.
            let error = check_import(text, |_| Some(&d))
                .expect_err("refused")
                .to_string();
            assert!(error.contains(key), "{error}");
        }
        let backup = export_backup(vec![saved], "2026-11-22".parse().unwrap());
        let doubled = twice(
            &backup,
            "\"lead-2\"",
            &first.replace("\n    ", "\n        "),
        );
        let error = parse_import(&doubled).expect_err("refused").to_string();
        assert!(
            error.contains("`lead-1`") && error.contains("works[0].responses"),
            "{error}"
        );
    }

    #[test]
    fn exported_work_and_backups_are_told_from_other_files() {
        use crate::test_fixtures::{audit, work};
        let exported = export_work(&work(&audit(), "North", Responses::default()));
        assert!(is_toolkit_export(&exported));
        assert!(is_toolkit_export(
            r#"{"format": "mhsw-backup", "format_version": 1}"#
        ));
        for other in ["", "[]", "{}", r#"{"id": "self-assessment"}"#, "\u{89}PNG"] {
            assert!(!is_toolkit_export(other), "{other:?}");
        }
    }

    #[test]
    fn an_older_audit_changed_today_is_not_the_latest() {
        use crate::test_fixtures::{audit, date, work};
        let d = audit();
        let at = |name: &str, created: &str, updated: &str| {
            let mut w = work(&d, name, Responses::default());
            w.created = date(created);
            w.updated = date(updated);
            w
        };
        // Last year's audit renamed today, beside this year's, last changed a week ago.
        let works = [
            at("2025 audit, renamed", "2025-10-01", "2026-11-30"),
            at("2026 audit", "2026-10-01", "2026-11-23"),
        ];
        let latest = latest_leaders_audit(&works, &d.id).map(|w| w.name.as_str());
        assert_eq!(latest, Some("2026 audit"));
    }

    #[test]
    fn the_latest_leaders_audit_is_the_leaders_work_on_that_audit_changed_last() {
        use crate::test_fixtures::{audit, date, work};
        let d = audit();
        let at = |name: &str, updated: &str, perspective: Perspective| {
            let mut w = work(&d, name, Responses::default());
            w.updated = date(updated);
            w.perspective = perspective;
            w
        };
        let mut other = at("Other questionnaire", "2026-11-30", Perspective::Leaders);
        other.definition.id = DefinitionId::new("another-audit");
        let works = [
            at("Older", "2026-10-01", Perspective::Leaders),
            at("Newer", "2026-11-20", Perspective::Leaders),
            at("Practitioners", "2026-11-29", Perspective::Practitioners),
            other,
        ];
        let latest = latest_leaders_audit(&works, &d.id).map(|w| w.name.as_str());
        assert_eq!(latest, Some("Newer"));
        assert!(latest_leaders_audit(&works[2..], &d.id).is_none());
        assert!(latest_leaders_audit(&[], &d.id).is_none());
    }

    #[test]
    fn reconcile_carries_retired_answers_that_fit_and_keeps_the_rest_aside_with_their_text() {
        use crate::test_fixtures::{audit, choices, work};
        let old = audit();
        let mut new = audit();
        new.version = "2.0.0".to_owned();
        new.retired = serde_json::from_str(
            r#"[{"id": "gov-1", "text": "Leaders own the strategy.", "since": "2.0.0", "carried_to": "lead-1"},
                {"id": "gov-2", "text": "Board hears from social work.", "since": "2.0.0", "carried_to": "lead-2"},
                {"id": "gov-3", "text": "An old yes or no.", "since": "2.0.0", "carried_to": "sup-1"},
                {"id": "gov-4", "text": "A dropped question.", "since": "2.0.0"}]"#,
        )
        .expect("retired entries");
        assert!(crate::definition::validate(&new).is_empty());
        let mut saved = work(
            &old,
            "Before",
            choices(&[
                ("gov-1", "partly"),
                ("gov-2", "mostly"),
                ("lead-2", "achieved"),
                ("gov-3", "yes"),
                ("gov-4", "achieved"),
                ("sup-2", "dk"),
            ]),
        );
        // An import brings it up to date the same way, and counts what it carried.
        let checked = check_import(&export_work(&saved), |_| Some(&new)).expect("imports");
        assert_eq!((checked[0].carried, checked[0].kept_aside), (1, 3));

        let change = reconcile(&mut saved, &new, None);
        assert_eq!(
            change.carried,
            [(QuestionId::new("gov-1"), QuestionId::new("lead-1"))]
        );
        assert_eq!(
            saved.responses.answer(&"lead-1".into()),
            Some(&crate::responses::Answer::Choice("partly".into())),
            "carried to the unanswered new question"
        );
        assert_eq!(
            saved.responses.answer(&"lead-2".into()),
            Some(&crate::responses::Answer::Choice("achieved".into())),
            "an answer already given is not overwritten"
        );
        assert_eq!(
            change.set_aside,
            ["gov-2", "gov-3", "gov-4"].map(QuestionId::new)
        );
        let kept = crate::carry::kept_aside(&new, &saved.set_aside);
        let words: Vec<String> = kept
            .iter()
            .map(|k| format!("{}: {}", k.question, k.answer.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            words,
            [
                "Board hears from social work.: Mostly",
                "An old yes or no.: Yes",
                "A dropped question.: Achieved"
            ]
        );
        assert!(saved.responses.item(&"sup-2".into()).is_some());
        assert_eq!(saved.definition.version, "2.0.0");

        // Reconciling again changes nothing; and an answer set aside under an earlier version
        // is carried once its question names where it went.
        let again = reconcile(&mut saved, &new, None);
        assert!(again.is_unchanged(), "{again:?}");
        saved.responses.items.remove("lead-2");
        let later = reconcile(&mut saved, &new, None);
        assert_eq!(
            later.carried,
            [(QuestionId::new("gov-2"), QuestionId::new("lead-2"))]
        );
        assert!(!saved.set_aside.contains_key("gov-2"));
    }

    #[test]
    fn merging_the_same_file_twice_adds_nothing() {
        let mut into = work_with(&["a", "b"]);
        let device = work_with(&["b", "c", "d"]);
        assert_eq!(
            merge_collection(&mut into, &device),
            MergeOutcome {
                added: 2,
                already_present: 1
            }
        );
        assert_eq!(
            merge_collection(&mut into, &device),
            MergeOutcome {
                added: 0,
                already_present: 3
            }
        );
        assert_eq!(into.collection.unwrap().responses.len(), 4);
    }

    #[test]
    fn i1_responses_merge_only_into_a_collection_of_the_same_questionnaire() {
        let here = work_with(&["a"]);
        let same = work_with(&["b"]);
        assert_eq!(place(Some(&here), &same), Placement::Merge);
        let mut carer = work_with(&["c"]);
        carer.definition.id = DefinitionId::new("feedback-carer");
        assert_eq!(
            place(Some(&here), &carer),
            Placement::Copy(CopyReason::OtherQuestionnaire)
        );
        let mut audit = work_with(&[]);
        audit.collection = None;
        assert_eq!(
            place(Some(&audit), &same),
            Placement::Copy(CopyReason::NotACollection)
        );
        assert_eq!(place(None, &same), Placement::New);
    }

    #[test]
    fn i2_the_same_work_twice_adds_nothing_i3_changed_work_is_kept_beside() {
        let mut audit = work_with(&[]);
        audit.collection = None;
        assert_eq!(place(Some(&audit), &audit.clone()), Placement::AlreadyHere);
        let mut changed = audit.clone();
        changed.name.push_str(" (edited)");
        assert_eq!(
            place(Some(&audit), &changed),
            Placement::Copy(CopyReason::Different)
        );
    }

    #[test]
    fn a_backup_round_trips_and_a_single_work_file_still_imports() {
        let mut audit = work_with(&[]);
        audit.collection = None;
        audit.id = WorkId::new("audit");
        let works = vec![audit.clone(), work_with(&["a", "b"])];
        let text = export_backup(works.clone(), "2026-11-30".parse().unwrap());
        assert_eq!(parse_import(&text).unwrap(), works);
        assert_eq!(parse_import(&export_work(&audit)).unwrap(), vec![audit]);
        let newer = text.replace(
            "\"format_version\": 1,\n  \"made\"",
            "\"format_version\": 7,\n  \"made\"",
        );
        assert!(matches!(
            parse_import(&newer),
            Err(ImportError::NewerFormat { found: 7, .. })
        ));
        let broken = text.replace("\"made\": \"2026-11-30\"", "\"made\": \"yesterday\"");
        let error = parse_import(&broken).unwrap_err().to_string();
        assert!(error.contains("made"), "{error}");
    }

    #[test]
    fn an_import_is_checked_whole_and_a_problem_in_a_backup_names_its_work() {
        use crate::test_fixtures as fx;
        let (audit_definition, feedback_definition) = (fx::audit(), fx::feedback());
        let both = |id: &DefinitionId| {
            [&audit_definition, &feedback_definition]
                .into_iter()
                .find(|d| &d.id == id)
        };
        let mut audit = fx::work(&audit_definition, "North", Responses::default());
        audit
            .responses
            .items
            .insert(QuestionId::new("gone-question"), ItemResponse::default());
        let collection = fx::feedback_work(
            &feedback_definition,
            vec![fx::response(
                "r1",
                "1.0.0",
                "2026-11-02",
                Responses::default(),
            )],
        );
        let backup = export_backup(
            vec![audit.clone(), collection.clone()],
            fx::date("2026-11-30"),
        );
        let checked = check_import(&backup, both).unwrap();
        assert_eq!(checked.len(), 2);
        assert_eq!(
            checked[0].kept_aside, 1,
            "the answer to a question no longer asked"
        );
        assert!(checked[0].work.set_aside.contains_key("gone-question"));
        assert_eq!(checked[1].work.collection, collection.collection);

        let only_audit = |id: &DefinitionId| Some(&audit_definition).filter(|d| &d.id == id);
        let refused = check_import(&backup, only_audit).unwrap_err();
        assert_eq!(refused.within.as_deref(), Some("Feedback"));
        assert!(matches!(
            refused.error,
            ImportError::UnknownDefinition { .. }
        ));
        assert!(
            refused
                .to_string()
                .starts_with("“Feedback”: the file answers"),
            "{refused}"
        );
        let single = check_import(&export_work(&collection), only_audit).unwrap_err();
        assert_eq!(single.within, None, "a single work file needs no name");
    }

    #[test]
    fn a_new_collection_clears_unfinished_answers_after_five_minutes() {
        assert_eq!(Collection::default().idle_minutes, 5);
        assert_eq!(parse_idle_minutes("5"), Ok(5));
        assert_eq!(parse_idle_minutes(" 10 "), Ok(10));
        for bad in ["", "0", "510", "-1", "2.5", "five"] {
            assert!(parse_idle_minutes(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            IdleMinutesError.in_lang(Lang::En),
            "Enter a whole number of minutes from 1 to 120, such as 5"
        );
        assert_eq!(
            IdleMinutesError.in_lang(Lang::Cy),
            "Rhowch nifer cyfan o funudau o 1 i 120, er enghraifft 5"
        );
    }

    #[test]
    fn wrong_codes_slow_down() {
        assert_eq!(
            (0..10).map(code_wait_seconds).collect::<Vec<_>>(),
            vec![0, 0, 0, 30, 60, 120, 240, 480, 900, 900]
        );
        assert_eq!(code_wait_seconds(u32::MAX), 900);
    }

    #[test]
    fn extra_text_after_a_work_file_or_a_backup_is_refused() {
        let work = work_with(&["a"]);
        let file = format!("{} {{}}", export_work(&work));
        // The front door's reading of the header already stops at the extra text.
        for text in [
            file,
            format!(
                "{} []",
                export_backup(vec![work], "2026-11-30".parse().unwrap())
            ),
        ] {
            let error = parse_import(&text).unwrap_err().to_string();
            assert!(error.contains("not valid JSON (line"), "{error}");
        }
    }

    #[test]
    fn an_empty_file_is_called_empty() {
        for text in ["", "\n  \n", "\u{feff}"] {
            let error = parse_import(text).unwrap_err().to_string();
            assert!(error.starts_with("the file is empty"), "{text:?}: {error}");
        }
    }

    #[test]
    fn json_of_the_wrong_shape_is_not_called_invalid_json() {
        for text in ["[1, 2]", "42", "\"text\""] {
            let error = parse_import(text).unwrap_err().to_string();
            assert!(
                error.contains("the file is JSON, but not a piece of work"),
                "{text}: {error}"
            );
        }
        let error = parse_import("{ \"format\": }").unwrap_err().to_string();
        assert!(error.contains("not valid JSON (line 1"), "{error}");
    }

    /// A lead imports a file that was cut off on its way (a download stopped, a copy made
    /// before it was written): it used to be "not valid JSON (line 2, column 0)", which reads
    /// as damage at a place, not as a file that stops early.
    #[test]
    fn a_file_cut_short_is_called_cut_short() {
        let text = export_work(&work_with(&["a", "b"]));
        let lines = text.lines().count();
        for cut in [text.len() / 3, text.len() / 2, text.len() - 2] {
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let error = parse_import(&text[..cut]).unwrap_err().to_string();
            assert!(
                error.starts_with("the file ends before its contents are complete (at line "),
                "cut at {cut}: {error}"
            );
            assert!(
                error.ends_with("Fix: export it again, or copy the whole file again"),
                "{error}"
            );
            assert!(!error.contains("column"), "{error}");
            let line = text[..cut].matches('\n').count() + 1;
            assert!(line <= lines);
            assert!(
                error.contains(&format!("(at line {line})")),
                "cut at {cut}: {error}"
            );
        }
    }

    #[test]
    fn export_and_parse_round_trip() {
        let work = work_with(&["a"]);
        assert_eq!(parse_work(&export_work(&work)).unwrap(), work);
    }

    #[test]
    fn import_refuses_what_is_not_work() {
        assert!(matches!(
            parse_work("{}"),
            Err(ImportError::NotWork { json: false })
        ));
        assert!(matches!(
            parse_work("[1, 2]"),
            Err(ImportError::NotWork { json: true })
        ));
        assert!(matches!(
            parse_work("not json"),
            Err(ImportError::Unreadable(_))
        ));
        let newer =
            export_work(&work_with(&[])).replace("\"format_version\": 1", "\"format_version\": 99");
        assert!(matches!(
            parse_work(&newer),
            Err(ImportError::NewerFormat { found: 99, .. })
        ));
        let big = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(
            parse_work(&big),
            Err(ImportError::TooLarge { .. })
        ));
    }

    /// The import's messages count one response in the singular.
    #[test]
    fn import_messages_count_one_in_the_singular() {
        let merged = |added, already_present| {
            MergeOutcome {
                added,
                already_present,
            }
            .said("North Team")
        };
        assert_eq!(
            merged(1, 1),
            "1 new response added to “North Team” and saved on this device; 1 was already there."
        );
        assert_eq!(
            merged(2500, 0),
            "2,500 new responses added to “North Team” and saved on this device; 0 were already there."
        );
        assert_eq!(
            imported_said("Big collection", Some(1), ""),
            "imported as “Big collection” with 1 response, and saved on this device."
        );
        assert_eq!(
            imported_said("Audit", None, " (other work here has the same id)"),
            "imported as “Audit”, and saved on this device (other work here has the same id)."
        );
    }

    /// A file over the limit is described in megabytes, as the import's hint gives the limit
    /// ("up to 256 MB"), rounded up so that a file just over it never reads as the limit itself.
    #[test]
    fn a_file_too_large_is_described_in_megabytes() {
        let said = |size: usize| {
            ImportError::TooLarge {
                size,
                limit: MAX_IMPORT_BYTES,
            }
            .to_string()
        };
        assert_eq!(
            said(300 * 1024 * 1024),
            "the file is 300 MB, over the limit of 256 MB. Split the work into smaller files, or \
             import fewer responses at a time"
        );
        assert!(
            said(MAX_IMPORT_BYTES + 1).starts_with("the file is 257 MB, over the limit of 256 MB.")
        );
        assert!(said(5_000_000_000).starts_with("the file is 4,769 MB,"));
    }

    /// C3: Welsh is offered only where the questionnaire has it, in the order chosen.
    #[test]
    fn c3_the_language_offer() {
        let english = crate::test_fixtures::feedback();
        let mut bilingual = english.clone();
        bilingual.languages = vec![Lang::En, Lang::Cy];
        assert_eq!(
            LanguageOffer::WelshFirst.offered(&bilingual),
            vec![Lang::Cy, Lang::En]
        );
        assert_eq!(
            LanguageOffer::EnglishFirst.offered(&bilingual),
            vec![Lang::En, Lang::Cy]
        );
        assert_eq!(
            LanguageOffer::EnglishOnly.offered(&bilingual),
            vec![Lang::En]
        );
        // No Welsh in the questionnaire: English alone, whatever the offer says.
        for offer in LanguageOffer::ALL {
            assert_eq!(offer.offered(&english), vec![Lang::En], "{offer:?}");
        }
        assert_eq!(
            LanguageOffer::available(&english),
            vec![LanguageOffer::EnglishOnly]
        );
        assert_eq!(
            LanguageOffer::available(&bilingual),
            LanguageOffer::ALL.to_vec()
        );
        // A Welsh-only questionnaire is offered in Welsh even under "English only".
        let mut welsh = english.clone();
        welsh.languages = vec![Lang::Cy];
        assert_eq!(LanguageOffer::EnglishOnly.offered(&welsh), vec![Lang::Cy]);
        assert_eq!(LanguageOffer::WelshFirst.offered(&welsh), vec![Lang::Cy]);
    }

    /// C3: a collection saved before the offer existed reads as English only, and English only
    /// is not written, so such a file is unchanged by reading and writing it again.
    #[test]
    fn c3_old_collections_read_as_english_only() {
        let old: Collection =
            serde_json::from_str(r#"{ "about": "North Team", "idle_minutes": 5 }"#).unwrap();
        assert_eq!(old.language_offer, LanguageOffer::EnglishOnly);
        let written = serde_json::to_string(&old).unwrap();
        assert!(!written.contains("language_offer"), "{written}");
        let welsh = Collection {
            language_offer: LanguageOffer::WelshFirst,
            ..old
        };
        let written = serde_json::to_string(&welsh).unwrap();
        assert!(
            written.contains(r#""language_offer":"welsh_first""#),
            "{written}"
        );
        assert_eq!(serde_json::from_str::<Collection>(&written).unwrap(), welsh);
    }

    /// C2: a period is both dates or neither, and never ends before it starts.
    #[test]
    fn c2_periods_are_checked() {
        let day = |t: &str| t.parse::<Date>().unwrap();
        assert_eq!(parse_period("", " "), Ok(None));
        assert_eq!(
            parse_period("2026-09-01", "2026-11-22"),
            Ok(Some((day("2026-09-01"), day("2026-11-22"))))
        );
        assert_eq!(
            parse_period("2026-11-22", "2026-11-22"),
            Ok(Some((day("2026-11-22"), day("2026-11-22"))))
        );
        assert_eq!(
            parse_period("2026-11-22", "2026-03-01").map_err(|e| (e.field(), e.in_lang(Lang::En))),
            Err(("end", "The end of the period (1 March 2026) is before its start (22 November 2026): enter an end on or after the start".to_owned()))
        );
        // Each mistake is said in English as before, and in Welsh with Welsh dates.
        let said = |start: &str, end: &str, lang: Lang| {
            parse_period(start, end)
                .expect_err("a mistake")
                .in_lang(lang)
        };
        assert_eq!(
            said("2026-02-30", "", Lang::En),
            "Enter the start of the period as a real date, such as 22 November 2026"
        );
        assert_eq!(
            said("", "2026-02-30", Lang::Cy),
            "Rhowch ddiwedd y cyfnod fel dyddiad go iawn, fel 22 Tachwedd 2026"
        );
        assert_eq!(
            said("2026-02-30", "", Lang::Cy),
            "Rhowch ddechrau’r cyfnod fel dyddiad go iawn, fel 22 Tachwedd 2026"
        );
        assert_eq!(
            said("2026-11-22", "", Lang::En),
            "Enter the end of the period, or clear its start"
        );
        assert_eq!(
            said("2026-11-22", "", Lang::Cy),
            "Rhowch ddiwedd y cyfnod, neu cliriwch ei ddechrau"
        );
        assert_eq!(
            said("", "2026-11-22", Lang::En),
            "Enter the start of the period, or clear its end"
        );
        assert_eq!(
            said("", "2026-11-22", Lang::Cy),
            "Rhowch ddechrau’r cyfnod, neu cliriwch ei ddiwedd"
        );
        assert_eq!(
            said("2026-11-22", "2026-03-01", Lang::Cy),
            "Mae diwedd y cyfnod (1 Mawrth 2026) cyn ei ddechrau (22 Tachwedd 2026): rhowch ddiwedd sydd ar ddyddiad y dechrau neu ar ei ôl"
        );
        assert_eq!(parse_period("2026-11-22", "").unwrap_err().field(), "end");
        assert_eq!(parse_period("", "2026-11-22").unwrap_err().field(), "start");
        assert_eq!(parse_period("2026-02-30", "").unwrap_err().field(), "start");
    }

    /// C1: re-audits made in the same year are named apart, and do not pile up suffixes.
    #[test]
    fn c1_re_audits_in_the_same_year_have_distinct_names() {
        let today: Date = "2026-11-22".parse().unwrap();
        let mut audit = work_with(&[]);
        audit.name = "North Team audit".to_owned();
        assert_eq!(
            audit.next_cycle_name(["North Team audit"], today),
            "North Team audit (re-audit 2026)"
        );
        let taken = ["North Team audit", "North Team audit (re-audit 2026)"];
        assert_eq!(
            audit.next_cycle_name(taken, today),
            "North Team audit (re-audit 2, 2026)"
        );
        audit.name = "North Team audit (re-audit 2026)".to_owned();
        assert_eq!(
            audit.next_cycle_name(taken, today),
            "North Team audit (re-audit 2, 2026)"
        );
        audit.name = "North Team audit (re-audit 2, 2026)".to_owned();
        let taken = [taken[0], taken[1], "North Team audit (re-audit 2, 2026)"];
        assert_eq!(
            audit.next_cycle_name(taken, "2027-01-05".parse().unwrap()),
            "North Team audit (re-audit 2027)"
        );
        assert_eq!(
            audit.next_cycle_name(taken, today),
            "North Team audit (re-audit 3, 2026)"
        );
    }

    /// L1: files nested 40,000 and 80,000 levels deep are refused by the scan, with the place,
    /// before serde (whose recursion overflowed the app's stack) sees them.
    #[test]
    fn l1_import_refuses_deep_nesting_before_parsing() {
        for depth in [40_000, 80_000] {
            let text = format!(
                "{{\"format\": \"mhsw-work\", \"x\": {}{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            let started = std::time::Instant::now();
            for error in [
                parse_work(&text).unwrap_err(),
                parse_import(&text).unwrap_err(),
            ] {
                assert_eq!(
                    error.to_string(),
                    "the file nests brackets { … } or [ … ] more than 64 levels deep (line 1, \
                     column 93). Fix: choose a file exported from this app, unchanged"
                );
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(2));
        }
    }

    /// L2: ids the app's addresses (`#/work/<id>`) cannot hold are refused on import.
    #[test]
    fn l2_import_refuses_ids_that_cannot_be_opened() {
        for bad in ["", "a/b/c", "a b#c?d"] {
            let mut work = work_with(&["r1"]);
            work.id = WorkId::new(bad);
            let error = parse_work(&export_work(&work)).unwrap_err();
            assert!(
                matches!(error, ImportError::OutOfLimits { count: 1, .. }),
                "{error}"
            );
            let message = error.to_string();
            assert!(message.contains("the work's id:"), "{message}");
            assert!(message.contains("an id is 1 to 64 letters"), "{message}");
            assert!(
                parse_import(&export_backup(vec![work], "2026-11-22".parse().unwrap())).is_err()
            );
        }
        let mut work = work_with(&["ok", "bad id"]);
        work.id = WorkId::new("North_team-2026");
        let message = parse_work(&export_work(&work)).unwrap_err().to_string();
        assert!(message.contains("the id of response 2: the id “bad id” has characters other than letters, digits, - and _"), "{message}");
        work.collection.as_mut().unwrap().responses.pop();
        assert_eq!(parse_work(&export_work(&work)).unwrap(), work);
    }

    /// L3: every text a person or a file gives has a limit, checked on import with its field.
    #[test]
    fn l3_import_refuses_texts_over_their_limits() {
        let mut work = work_with(&[]);
        work.name = "名前ab".repeat(250_000);
        work.responses.items.insert(
            QuestionId::new("sup-1"),
            ItemResponse {
                evidence: Some("e".repeat(crate::limits::NOTE_MAX_CHARS + 1)),
                comment: Some("c".repeat(crate::limits::NOTE_MAX_CHARS)),
                ..ItemResponse::default()
            },
        );
        work.plan.push(crate::plan::PlanRow {
            action: "a".repeat(2_001),
            ..crate::plan::PlanRow::blank("p1", crate::plan::RowSource::Added)
        });
        let message = parse_work(&export_work(&work)).unwrap_err().to_string();
        assert_eq!(
            message,
            "3 values in the file are outside the toolkit's limits: the name is 1,000,000 \
             characters long, over the limit of 200; the evidence for `sup-1` is 10,001 characters \
             long, over the limit of 10,000; the action of plan row 1 is 2,001 characters long, \
             over the limit of 2,000. Fix: shorten each text to its limit where the file was made, \
             export it again and import that file"
        );
    }

    #[test]
    fn a_sound_file_read_in_one_pass_is_the_work_the_careful_reading_gives() {
        use crate::test_fixtures as fx;
        let definition = fx::feedback();
        let responses = vec![
            fx::response("r1", "1.0.0", "2026-11-02", Default::default()),
            fx::response("r2", "1.0.0", "2026-11-03", Default::default()),
        ];
        let text = export_work(&fx::feedback_work(&definition, responses));
        let careful = parse_work_with(&text, read_header(&text).expect("a header"));
        let quick = read_sound_work(&text).expect("read in one pass");
        assert_eq!(Ok(&quick), careful.as_ref());
        assert_eq!(parse_import(&text), careful.map(|work| vec![work]));
        // Anything else is left to the careful reading, which names the problem.
        let newer = text.replacen("\"format_version\": 1", "\"format_version\": 99", 1);
        assert_ne!(newer, text);
        assert!(read_sound_work(&newer).is_none());
        assert!(matches!(
            parse_work(&newer),
            Err(ImportError::NewerFormat { found: 99, .. })
        ));
        let backup = export_backup(vec![quick], "2026-11-30".parse().expect("a date"));
        assert!(read_sound_work(&backup).is_none());
        assert_eq!(parse_import(&backup).map(|works| works.len()), Ok(1));
    }
}
