//! The words for what went wrong, or what an action did: saving on the device (the store's
//! problems and the notice when nothing is kept), importing work files (each file's outcome,
//! with its counts, and why a file was refused), saved entries that could not be read, the
//! rename box, the pages for a link that leads nowhere, and why a PDF or a peer reference set
//! could not be made or read. Reached only from the later part of the app (and the import and
//! PDF workers), so none of it weighs on the first screen.
//!
//! Text that comes from elsewhere (a browser's own reason, a name) is passed in and left as it
//! is. What a file reader says of the place a file breaks, and what it found there, is typed
//! ([`crate::reading`]) and said here in each language.

use super::say;
use crate::lang::{Lang, PluralForm};
use crate::reading::{Fault, Spot};
use crate::report::grouped;
use crate::report::words::{answers_count, responses_count};

// ---- Saving on this device -------------------------------------------------------------

/// The store is full (a save's reason, after "Not saved: ").
pub fn store_full(lang: Lang) -> &'static str {
    say(
        lang,
        "this browser’s storage for the toolkit is full, so your latest changes are kept only while this page stays open",
        "mae storfa’r porwr hwn ar gyfer y pecyn cymorth yn llawn, felly dim ond tra bo’r dudalen hon ar agor y caiff eich newidiadau diweddaraf eu cadw",
    )
}

/// The browser refuses to keep anything, with its own reason (left as the browser gave it).
pub fn store_blocked(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!("this browser is not letting the toolkit save ({reason}), so your work is kept only while this page stays open"),
        Lang::Cy => format!("nid yw’r porwr hwn yn gadael i’r pecyn cymorth gadw ({reason}), felly dim ond tra bo’r dudalen hon ar agor y caiff eich gwaith ei gadw"),
    }
}

/// Another tab saved the work first.
pub fn store_conflict(lang: Lang) -> &'static str {
    say(
        lang,
        "this work was changed in another tab or window, so your latest change was not saved over it",
        "cafodd y gwaith hwn ei newid mewn tab neu ffenestr arall, felly ni chafodd eich newid diweddaraf ei gadw drosto",
    )
}

/// Another tab deleted the work this tab was changing.
pub fn store_deleted_elsewhere(lang: Lang) -> &'static str {
    say(
        lang,
        "this work was deleted in another tab or window, so your latest change was not saved",
        "cafodd y gwaith hwn ei ddileu mewn tab neu ffenestr arall, felly ni chafodd eich newid diweddaraf ei gadw",
    )
}

/// After work was deleted in another tab: save this tab's copy again, with its changes.
pub fn keep_deleted_work(lang: Lang) -> &'static str {
    say(
        lang,
        "Keep it, with this tab’s changes",
        "Ei gadw, gyda newidiadau’r tab hwn",
    )
}

/// After work was deleted in another tab: let it go from this tab too.
pub fn let_deleted_work_go(lang: Lang) -> &'static str {
    say(lang, "Delete it here too", "Ei ddileu yma hefyd")
}

/// The saved work was removed from elsewhere.
pub fn store_removed(lang: Lang) -> &'static str {
    say(
        lang,
        "the toolkit’s saved work was removed from this browser by another tab or by the browser’s settings, so nothing more is saved until you choose what to do",
        "cafodd y gwaith a gadwyd gan y pecyn cymorth ei dynnu o’r porwr hwn gan dab arall neu gan osodiadau’r porwr, felly ni chaiff dim mwy ei gadw nes i chi ddewis beth i’w wneud",
    )
}

/// The notice's first words when the store keeps nothing.
pub fn nothing_being_saved(lang: Lang) -> &'static str {
    say(
        lang,
        "Nothing is being saved on this device. ",
        "Nid oes dim yn cael ei gadw ar y ddyfais hon. ",
    )
}

/// Saved work that could not be opened: a record needed the part of the toolkit that explains
/// damaged records, and it could not be downloaded. Nothing was moved or removed.
pub fn store_not_read(lang: Lang) -> &'static str {
    say(
        lang,
        "your saved work could not be opened, because a part of the toolkit needed to read it could not be downloaded. Nothing has been changed or removed: check the internet connection, then reload the page",
        "ni ellid agor eich gwaith wedi’i gadw, am na ellid lawrlwytho rhan o’r pecyn cymorth sydd ei hangen i’w ddarllen. Does dim wedi’i newid na’i dynnu: gwiriwch y cysylltiad â’r rhyngrwyd, yna ail-lwythwch y dudalen",
    )
}

/// A change not saved: the part of the toolkit that saves could not be downloaded. The change
/// is held in the page, and the save is tried again.
pub fn store_no_saver(lang: Lang) -> &'static str {
    say(
        lang,
        "the part of the toolkit that saves could not be downloaded, so your latest changes are kept only while this page stays open. It tries again every few seconds: check the internet connection",
        "ni ellid lawrlwytho’r rhan o’r pecyn cymorth sy’n cadw, felly dim ond tra bo’r dudalen hon ar agor y caiff eich newidiadau diweddaraf eu cadw. Mae’n ceisio eto bob ychydig eiliadau: gwiriwch y cysylltiad â’r rhyngrwyd",
    )
}

/// Why, when the browser blocks storage (its own reason is shown apart, as a technical detail).
pub fn blocked_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "This browser is not letting the toolkit keep anything on this device. This is usually a setting, such as blocking all site data, or a private window.",
        "Nid yw’r porwr hwn yn gadael i’r pecyn cymorth gadw dim ar y ddyfais hon. Gosodiad sy’n gyfrifol fel arfer, fel rhwystro holl ddata gwefannau, neu ffenestr breifat.",
    )
}

/// What follows when nothing is kept.
pub fn kept_until_closed(lang: Lang) -> &'static str {
    say(
        lang,
        "Nothing you do will be kept after this page closes. Download your work before you close it.",
        "Ni fydd dim a wnewch yn cael ei gadw ar ôl i’r dudalen hon gau. Lawrlwythwch eich gwaith cyn i chi ei chau.",
    )
}

/// What follows when the store was removed elsewhere.
pub fn tab_still_holds(lang: Lang) -> &'static str {
    say(
        lang,
        "This tab still holds the work it had open. Save it on this device again, or download it.",
        "Mae’r tab hwn yn dal i gadw’r gwaith a oedd ar agor ynddo. Cadwch ef ar y ddyfais hon eto, neu lawrlwythwch ef.",
    )
}

/// The summary of the browser's own reason.
pub fn technical_detail(lang: Lang) -> &'static str {
    say(lang, "Technical detail", "Manylion technegol")
}

/// Writes the tab's work to the store again.
pub fn save_tab_again(lang: Lang) -> &'static str {
    say(
        lang,
        "Save this tab’s work on this device again",
        "Cadw gwaith y tab hwn ar y ddyfais hon eto",
    )
}

/// Downloads the backup file.
pub fn download_everything(lang: Lang) -> &'static str {
    say(
        lang,
        "Download everything (backup file)",
        "Lawrlwytho popeth (ffeil wrth gefn)",
    )
}

/// Saving again failed, and why.
pub fn not_saved_again(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("It could not be saved again: {why}"),
        Lang::Cy => format!("Nid oedd modd ei gadw eto: {why}"),
    }
}

/// "1 piece of work", "2 ddarn o waith": a count of pieces of work.
pub fn pieces_of_work(lang: Lang, n: usize) -> String {
    let shown = grouped(n as u64);
    match (lang, lang.plural(n as u64)) {
        (Lang::En, PluralForm::One) => format!("{shown} piece of work"),
        (Lang::En, _) => format!("{shown} pieces of work"),
        (Lang::Cy, PluralForm::Zero) => "dim darnau o waith".to_owned(),
        // "darn" takes the soft mutation after two: dau ddarn.
        (Lang::Cy, PluralForm::Two) => format!("{shown} ddarn o waith"),
        (Lang::Cy, PluralForm::Other) => format!("{shown} o ddarnau o waith"),
        (Lang::Cy, _) => format!("{shown} darn o waith"),
    }
}

/// A backup of `count` pieces of work was downloaded.
pub fn backup_downloaded(lang: Lang, count: usize) -> String {
    match lang {
        Lang::En => format!("A backup of {} was downloaded. Keep the file somewhere safe: importing it on any device brings all of it back", pieces_of_work(lang, count)),
        Lang::Cy => format!("Cafodd copi wrth gefn o {} ei lawrlwytho. Cadwch y ffeil yn rhywle diogel: mae ei mewnforio ar unrhyw ddyfais yn dod â’r cyfan yn ôl", pieces_of_work(lang, count)),
    }
}

/// The backup could not be downloaded, and why.
pub fn backup_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("The backup could not be downloaded: {why}"),
        Lang::Cy => format!("Nid oedd modd lawrlwytho’r copi wrth gefn: {why}"),
    }
}

// ---- Importing work files --------------------------------------------------------------

/// A file refused whole, and why.
pub fn file_not_imported(lang: Lang, file: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("{file} was not imported, and nothing was changed: {why}"),
        Lang::Cy => format!("Ni chafodd {file} ei fewnforio, a does dim wedi newid: {why}"),
    }
}

/// A piece of work in a file refused, and why (after the file's name).
pub fn work_not_imported(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("it was not imported, and nothing was changed: {why}"),
        Lang::Cy => format!("ni chafodd ei fewnforio, a does dim wedi newid: {why}"),
    }
}

/// The import tool's answer could not be read.
pub fn import_answer_unread(lang: Lang) -> &'static str {
    say(
        lang,
        "the import tool’s answer could not be read. Try again",
        "nid oedd modd darllen ateb yr offeryn mewnforio. Rhowch gynnig arall arni",
    )
}

/// Read, but the store would not keep it.
pub fn read_not_stored(lang: Lang, error: &str) -> String {
    match lang {
        Lang::En => format!("it was read, but not saved on this device: {error}. Download it again from its source, or import it again later"),
        Lang::Cy => format!("cafodd ei ddarllen, ond ni chafodd ei gadw ar y ddyfais hon: {error}. Lawrlwythwch ef eto o’i ffynhonnell, neu ei fewnforio eto yn nes ymlaen"),
    }
}

/// The same work, unchanged, is already here.
pub fn already_here(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("“{name}” is already on this device, unchanged, so nothing was added."),
        Lang::Cy => format!("Mae “{name}” ar y ddyfais hon yn barod, heb ei newid, felly ni chafodd dim ei ychwanegu."),
    }
}

/// Why an import was kept apart as a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apart {
    /// A collection of another questionnaire here has the same id.
    OtherQuestionnaire,
    /// Other work here has the same id.
    NotACollection,
    /// A different version of it is already here.
    Different,
}

/// Why an import was kept apart, in brackets after what happened (" (…)").
pub fn kept_apart(lang: Lang, why: Apart) -> &'static str {
    match why {
        Apart::OtherQuestionnaire => say(
            lang,
            " (a collection of another questionnaire here has the same id, so their responses were kept apart)",
            " (mae gan gasgliad o holiadur arall yma yr un dynodydd, felly cafodd eu hymatebion eu cadw ar wahân)",
        ),
        Apart::NotACollection => say(
            lang,
            " (other work here has the same id)",
            " (mae gan waith arall yma yr un dynodydd)",
        ),
        Apart::Different => say(
            lang,
            " (a different version of it is already here, and was left as it was)",
            " (mae fersiwn wahanol ohono yma yn barod, a chafodd ei gadael fel yr oedd)",
        ),
    }
}

/// The name an imported copy is given.
pub fn imported_copy(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("{name} (imported copy)"),
        Lang::Cy => format!("{name} (copi wedi’i fewnforio)"),
    }
}

/// Answers moved to the question that replaced theirs, as a sentence after what happened
/// (with its leading space); nothing for none.
pub fn answers_carried(lang: Lang, n: usize) -> String {
    let count = answers_count(lang, n as u32);
    match (lang, lang.plural(n as u64)) {
        _ if n == 0 => String::new(),
        (Lang::En, PluralForm::One) => format!(" {count} to a question asked in new words now counts for the question that replaced it."),
        (Lang::En, _) => format!(" {count} to questions asked in new words now count for the questions that replaced them."),
        (Lang::Cy, PluralForm::One) => format!(" Mae {count} i gwestiwn a ofynnwyd mewn geiriau newydd bellach yn cyfrif at y cwestiwn a ddaeth yn ei le."),
        (Lang::Cy, _) => format!(" Mae {count} i gwestiynau a ofynnwyd mewn geiriau newydd bellach yn cyfrif at y cwestiynau a ddaeth yn eu lle."),
    }
}

/// Answers kept aside because this version no longer asks their questions, as a sentence after
/// what happened (with its leading space); nothing for none.
pub fn answers_kept_aside(lang: Lang, n: usize) -> String {
    let count = answers_count(lang, n as u32);
    match (lang, lang.plural(n as u64)) {
        _ if n == 0 => String::new(),
        (Lang::En, PluralForm::One) => format!(" {count} to a question this version no longer asks was kept aside and is listed on the work’s page."),
        (Lang::En, _) => format!(" {count} to questions this version no longer asks were kept aside and are listed on the work’s page."),
        (Lang::Cy, PluralForm::One) => format!(" Cafodd {count} i gwestiwn nad yw’r fersiwn hon yn ei ofyn mwyach ei gadw o’r neilltu, ac mae wedi’i restru ar dudalen y gwaith."),
        (Lang::Cy, _) => format!(" Cafodd {count} i gwestiynau nad yw’r fersiwn hon yn eu gofyn mwyach eu cadw o’r neilltu, ac maen nhw wedi’u rhestru ar dudalen y gwaith."),
    }
}

/// New responses merged into a collection already here, and those already there: "3 new
/// responses added to “North Team” and saved on this device; 1 was already there."
pub fn merged(lang: Lang, name: &str, added: usize, already: usize) -> String {
    let already_shown = grouped(already as u64);
    match lang {
        Lang::En => format!(
            "{} added to “{name}” and saved on this device; {} already there.",
            match lang.plural(added as u64) {
                PluralForm::One => format!("{} new response", grouped(added as u64)),
                _ => format!("{} new responses", grouped(added as u64)),
            },
            match already {
                1 => "1 was".to_owned(),
                _ => format!("{already_shown} were"),
            }
        ),
        Lang::Cy => {
            let added = match lang.plural(added as u64) {
                PluralForm::Zero => "dim ymatebion newydd".to_owned(),
                PluralForm::Other => format!("{} o ymatebion newydd", grouped(added as u64)),
                _ => format!("{added} ymateb newydd"),
            };
            let already = match lang.plural(already as u64) {
                PluralForm::Zero => "doedd dim un yno’n barod".to_owned(),
                _ => format!("roedd {already_shown} yno’n barod"),
            };
            format!("Ychwanegwyd {added} at “{name}” a’u cadw ar y ddyfais hon; {already}.")
        }
    }
}

/// New work imported and stored, with its count of responses for a collection, and why it was
/// kept apart (" (…)", [`kept_apart`]), if it was.
pub fn imported_as(lang: Lang, name: &str, responses: Option<usize>, why: &str) -> String {
    match (lang, responses) {
        (Lang::En, Some(n)) => format!(
            "imported as “{name}” with {}, and saved on this device{why}.",
            responses_count(lang, n as u32)
        ),
        (Lang::En, None) => format!("imported as “{name}”, and saved on this device{why}."),
        (Lang::Cy, Some(0)) => {
            format!("wedi’i fewnforio fel “{name}” heb ymatebion, a’i gadw ar y ddyfais hon{why}.")
        }
        (Lang::Cy, Some(n)) => format!(
            "wedi’i fewnforio fel “{name}” gyda {}, a’i gadw ar y ddyfais hon{why}.",
            responses_count(lang, n as u32)
        ),
        (Lang::Cy, None) => {
            format!("wedi’i fewnforio fel “{name}”, a’i gadw ar y ddyfais hon{why}.")
        }
    }
}

/// The file is not text in UTF-8, from the byte where it stops being so.
pub fn not_utf8(lang: Lang, byte: usize) -> String {
    match lang {
        Lang::En => format!("the file is not text in UTF-8 (at byte {byte}). Choose a file exported from this app, unchanged"),
        Lang::Cy => format!("nid yw’r ffeil yn destun UTF-8 (ar feit {byte}). Dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid"),
    }
}

/// The file is over the size limit (sizes in megabytes, already written out).
pub fn file_too_large(lang: Lang, size: &str, limit: &str) -> String {
    match lang {
        Lang::En => format!("the file is {size} MB, over the limit of {limit} MB. Split the work into smaller files, or import fewer responses at a time"),
        Lang::Cy => format!("mae’r ffeil yn {size} MB, dros y terfyn o {limit} MB. Rhannwch y gwaith yn ffeiliau llai, neu mewnforiwch lai o ymatebion ar y tro"),
    }
}

/// The file is not work exported from the app (`json`: it is JSON of another shape), and how
/// to fix it.
pub fn not_work(lang: Lang, json: bool) -> &'static str {
    match (lang, json) {
        (Lang::En, true) => "the file is JSON, but not a piece of work exported from this app (it is not a JSON object with \"format\": \"mhsw-work\"). Fix: choose a file made with \"Export\" in this app",
        (Lang::En, false) => "the file is not a piece of work exported from this app (it has no \"format\": \"mhsw-work\"). Fix: choose a file made with \"Export\" in this app",
        (Lang::Cy, true) => "mae’r ffeil yn JSON, ond nid yw’n ddarn o waith a allforiwyd o’r ap hwn (nid yw’n wrthrych JSON gyda \"format\": \"mhsw-work\"). I’w drwsio: dewiswch ffeil a wnaed gydag \"Allforio\" yn yr ap hwn",
        (Lang::Cy, false) => "nid yw’r ffeil yn ddarn o waith a allforiwyd o’r ap hwn (nid oes ganddi \"format\": \"mhsw-work\"). I’w drwsio: dewiswch ffeil a wnaed gydag \"Allforio\" yn yr ap hwn",
    }
}

/// The file is empty, and how to fix it.
pub fn file_empty(lang: Lang) -> &'static str {
    say(
        lang,
        "the file is empty. Fix: export the work again from the app, and choose the new file",
        "mae’r ffeil yn wag. I’w drwsio: allforiwch y gwaith eto o’r ap, a dewiswch y ffeil newydd",
    )
}

/// The import tool's answer about a file could not be read (nothing was changed).
pub fn import_answer_unreadable(lang: Lang) -> &'static str {
    say(
        lang,
        "it was not imported, and nothing was changed: the import tool’s answer could not be read. Try again",
        "ni chafodd ei fewnforio, ac ni newidiwyd dim: nid oedd modd darllen ateb yr offeryn mewnforio. Rhowch gynnig arall arni",
    )
}

/// The file cannot be read: what is wrong and how to fix it (both already in `lang`).
pub fn file_unreadable(lang: Lang, message: &str, fix: &str) -> String {
    match lang {
        Lang::En => format!("{message}. Fix: {fix}"),
        Lang::Cy => format!("{message}. I’w drwsio: {fix}"),
    }
}

// ---- What a reader says of the place a file breaks ----------------------------------------

/// A place in a file, in brackets' words: "line 3, column 7".
pub fn place(lang: Lang, at: Spot) -> String {
    let Spot { line, column } = at;
    match lang {
        Lang::En => format!("line {line}, column {column}"),
        Lang::Cy => format!("llinell {line}, colofn {column}"),
    }
}

/// The file nests brackets deeper than any work file (rule L1), and where.
pub fn nests_too_deep(lang: Lang, at: Spot) -> String {
    let max = crate::limits::MAX_DEPTH;
    let at = place(lang, at);
    match lang {
        Lang::En => {
            format!("the file nests brackets {{ … }} or [ … ] more than {max} levels deep ({at})")
        }
        Lang::Cy => format!(
            "mae’r ffeil yn nythu cromfachau {{ … }} neu [ … ] yn ddyfnach na {max} lefel ({at})"
        ),
    }
}

/// The file ends before its JSON does (`line` is its last line): most likely cut short.
pub fn cut_short(lang: Lang, line: usize) -> String {
    match lang {
        Lang::En => format!(
            "the file ends before its contents are complete (at line {line}): it may have been cut short when it was copied or downloaded"
        ),
        Lang::Cy => format!(
            "mae’r ffeil yn dod i ben cyn i’w chynnwys fod yn gyflawn (ar linell {line}): efallai iddi gael ei thorri’n fyr wrth ei chopïo neu ei lawrlwytho"
        ),
    }
}

/// The fix for a file cut short: make or copy it again, whole.
pub fn fix_copy_again(lang: Lang) -> &'static str {
    say(
        lang,
        "export it again, or copy the whole file again",
        "allforiwch hi eto, neu copïwch y ffeil gyfan eto",
    )
}

/// The file is not JSON, and where the reader stopped.
pub fn not_valid_json(lang: Lang, at: Spot) -> String {
    let at = place(lang, at);
    match lang {
        Lang::En => format!("the file is not valid JSON ({at})"),
        Lang::Cy => format!("nid yw’r ffeil yn JSON dilys ({at})"),
    }
}

/// What a reader found wrong with a value, from its kind. Files a person made keep the
/// reader's own sentence in English ([`problem_at`]); a saved record, which no person wrote,
/// says it this way in both languages ([`record_shape`]).
pub fn fault(lang: Lang, fault: &Fault) -> String {
    match (lang, fault) {
        (Lang::En, Fault::MissingField { field }) => format!("the field `{field}` is missing"),
        (Lang::En, Fault::UnknownField { field }) => {
            format!("this app does not know the field `{field}`")
        }
        (Lang::En, Fault::DuplicateField { field }) => {
            format!("the field `{field}` is there twice")
        }
        (Lang::En, Fault::WrongType {}) => "a value is not of the right type".to_owned(),
        (Lang::En, Fault::WrongValue {}) => "this app does not accept a value".to_owned(),
        (Lang::En, Fault::WrongLength {}) => {
            "a list does not have the right number of items".to_owned()
        }
        (Lang::En, Fault::Syntax {}) => "the text is not valid JSON here".to_owned(),
        (Lang::En, Fault::EndsEarly {}) => "the text ends before the JSON does".to_owned(),
        (Lang::En, Fault::Other {}) => "a value is not what this app expects".to_owned(),
        (Lang::Cy, Fault::MissingField { field }) => format!("mae’r maes `{field}` ar goll"),
        (Lang::Cy, Fault::UnknownField { field }) => {
            format!("nid yw’r ap hwn yn adnabod y maes `{field}`")
        }
        (Lang::Cy, Fault::DuplicateField { field }) => {
            format!("mae’r maes `{field}` yno ddwywaith")
        }
        (Lang::Cy, Fault::WrongType {}) => "nid yw’r gwerth o’r math iawn".to_owned(),
        (Lang::Cy, Fault::WrongValue {}) => "nid yw’r ap hwn yn derbyn y gwerth hwn".to_owned(),
        (Lang::Cy, Fault::WrongLength {}) => "nid oes ganddo’r nifer iawn o eitemau".to_owned(),
        (Lang::Cy, Fault::Syntax {}) => "nid yw’r testun yn JSON dilys yma".to_owned(),
        (Lang::Cy, Fault::EndsEarly {}) => "mae’r testun yn dod i ben cyn diwedd y JSON".to_owned(),
        (Lang::Cy, Fault::Other {}) => {
            "nid yw’r gwerth yr hyn y mae’r ap hwn yn ei ddisgwyl".to_owned()
        }
    }
}

/// A value in a work file (or a backup, `backup`) is not what the format holds: where (the
/// path to it and its line and column) and what is wrong. The English is the reader's own
/// sentence (`detail`, which ends with its place); the Welsh says the fault from its kind.
pub fn problem_at(
    lang: Lang,
    backup: bool,
    path: &str,
    found: &Fault,
    at: Spot,
    detail: &str,
) -> String {
    match (lang, backup) {
        (Lang::En, false) => format!("the file has a problem at `{path}`: {detail}"),
        (Lang::En, true) => format!("the backup has a problem at `{path}`: {detail}"),
        (Lang::Cy, false) => format!(
            "mae problem yn y ffeil yn `{path}`: {} ({})",
            fault(lang, found),
            place(lang, at)
        ),
        (Lang::Cy, true) => format!(
            "mae problem yn y copi wrth gefn yn `{path}`: {} ({})",
            fault(lang, found),
            place(lang, at)
        ),
    }
}

/// Text after the end of the work (or the backup, `backup`), and where it starts.
pub fn extra_text(lang: Lang, backup: bool, at: Spot) -> String {
    let at = place(lang, at);
    match (lang, backup) {
        (Lang::En, false) => format!("the file has extra text after the work ({at})"),
        (Lang::En, true) => format!("the file has extra text after the backup ({at})"),
        (Lang::Cy, false) => format!("mae testun ychwanegol yn y ffeil ar ôl y gwaith ({at})"),
        (Lang::Cy, true) => {
            format!("mae testun ychwanegol yn y ffeil ar ôl y copi wrth gefn ({at})")
        }
    }
}

/// A backup holds a piece of work this app does not read.
pub fn backup_holds_other(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("the backup holds “{name}”, which is not work this app reads"),
        Lang::Cy => format!("mae’r copi wrth gefn yn cynnwys “{name}”, nad yw’n waith y mae’r ap hwn yn ei ddarllen"),
    }
}

/// The file names the work format but no version of it.
pub fn no_format_version(lang: Lang) -> &'static str {
    say(
        lang,
        "the file has no format version",
        "nid oes gan y ffeil fersiwn fformat",
    )
}

/// The fix for a file that was changed or is not work: choose an exported file, unchanged.
pub fn fix_choose_exported_unchanged(lang: Lang) -> &'static str {
    say(
        lang,
        "choose a file exported from this app, unchanged",
        "dewiswch ffeil a allforiwyd o’r ap hwn, heb ei newid",
    )
}

/// The fix for a file without a format version: choose a file made with "Export".
pub fn fix_choose_exported(lang: Lang) -> &'static str {
    say(
        lang,
        "choose a file made with \"Export\" in this app",
        "dewiswch ffeil a wnaed gydag \"Allforio\" yn yr ap hwn",
    )
}

/// The fix for a backup that was changed: choose one made with "Export everything".
pub fn fix_choose_backup_unchanged(lang: Lang) -> &'static str {
    say(
        lang,
        "choose a backup made with \"Export everything\" in this app, unchanged",
        "dewiswch gopi wrth gefn a wnaed gydag \"Allforio popeth\" yn yr ap hwn, heb ei newid",
    )
}

/// The fix for a backup holding work of another format: make it again.
pub fn fix_make_backup_again(lang: Lang) -> &'static str {
    say(
        lang,
        "make the backup again with this version of the toolkit",
        "gwnewch y copi wrth gefn eto gyda’r fersiwn hon o’r pecyn cymorth",
    )
}

/// The file is in a newer work format than this app reads.
pub fn newer_format(lang: Lang, found: u32, supported: u32) -> String {
    match lang {
        Lang::En => format!("the file is in work format version {found}, newer than this app understands (version {supported}). Open it with the newer version of the toolkit that made it"),
        Lang::Cy => format!("mae’r ffeil yn fersiwn {found} o fformat gwaith, sy’n fwy newydd nag y mae’r ap hwn yn ei ddeall (fersiwn {supported}). Agorwch hi gyda’r fersiwn fwy newydd o’r pecyn cymorth a’i gwnaeth"),
    }
}

/// The file answers a questionnaire that is not here.
pub fn unknown_questionnaire(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("the file answers the questionnaire `{id}`, which is not available here. Add that questionnaire first, then import the file again"),
        Lang::Cy => format!("mae’r ffeil yn ateb yr holiadur `{id}`, nad yw ar gael yma. Ychwanegwch yr holiadur hwnnw yn gyntaf, yna mewnforiwch y ffeil eto"),
    }
}

/// Values in the file outside the toolkit's limits, the first few (as the checker gave them)
/// and how to fix them.
pub fn out_of_limits(lang: Lang, count: usize, details: &str, fix: &str) -> String {
    let shown = grouped(count as u64);
    match (lang, lang.plural(count as u64)) {
        (Lang::En, PluralForm::One) => format!("{shown} value in the file is outside the toolkit's limits: {details}. Fix: {fix}"),
        (Lang::En, _) => format!("{shown} values in the file are outside the toolkit's limits: {details}. Fix: {fix}"),
        (Lang::Cy, PluralForm::Zero) => format!("does dim gwerthoedd y tu allan i derfynau’r pecyn cymorth: {details}. I’w drwsio: {fix}"),
        // "gwerth" takes the soft mutation after two: dau werth.
        (Lang::Cy, PluralForm::Two) => format!("mae {shown} werth yn y ffeil y tu allan i derfynau’r pecyn cymorth: {details}. I’w drwsio: {fix}"),
        (Lang::Cy, PluralForm::Other) => format!("mae {shown} o werthoedd yn y ffeil y tu allan i derfynau’r pecyn cymorth: {details}. I’w drwsio: {fix}"),
        (Lang::Cy, _) => format!("mae {shown} gwerth yn y ffeil y tu allan i derfynau’r pecyn cymorth: {details}. I’w drwsio: {fix}"),
    }
}

/// Answers in the file that do not fit the questionnaire, the first few described.
pub fn answers_do_not_fit(lang: Lang, count: usize, details: &str) -> String {
    let counted = answers_count(lang, count as u32);
    match (lang, lang.plural(count as u64)) {
        (Lang::En, PluralForm::One) => {
            format!("{counted} in the file does not fit the questionnaire: {details}")
        }
        (Lang::En, _) => format!("{counted} in the file do not fit the questionnaire: {details}"),
        (Lang::Cy, PluralForm::Zero) => {
            format!("mae pob ateb yn y ffeil yn cyd-fynd â’r holiadur: {details}")
        }
        (Lang::Cy, _) => {
            format!("nid yw {counted} yn y ffeil yn cyd-fynd â’r holiadur: {details}")
        }
    }
}

/// A work file chosen as a peer reference set (the reason, after "The peer reference set was
/// not imported, and nothing changed: ").
pub fn exported_work_not_peer_set(lang: Lang) -> &'static str {
    say(
        lang,
        "the file is work exported from this toolkit, not a peer reference set (a file of anonymous scores from several organisations, made with “mhsw peers”); to bring this work back, use “Import work from a file” on the home page",
        "gwaith a allforiwyd o’r pecyn cymorth hwn yw’r ffeil, nid set gyfeirio cymheiriaid (ffeil o sgoriau dienw gan sawl sefydliad, a wnaed gyda “mhsw peers”); i ddod â’r gwaith hwn yn ôl, defnyddiwch “Mewnforio gwaith o ffeil” ar yr hafan",
    )
}

/// A work file opened as a questionnaire.
pub fn exported_work_not_questionnaire(lang: Lang) -> &'static str {
    say(
        lang,
        "It is work exported from this toolkit, not a questionnaire: to bring it back, use “Import work from a file” on the home page.",
        "Gwaith a allforiwyd o’r pecyn cymorth hwn yw hwn, nid holiadur: i ddod ag ef yn ôl, defnyddiwch “Mewnforio gwaith o ffeil” ar yr hafan.",
    )
}

/// A questionnaire file opened and kept on this device.
pub fn questionnaire_ready(lang: Lang, file: &str) -> String {
    match lang {
        Lang::En => format!("{file} is ready to use on this device."),
        Lang::Cy => format!("Mae {file} yn barod i’w ddefnyddio ar y ddyfais hon."),
    }
}

/// A questionnaire file refused, and why.
pub fn questionnaire_not_added(lang: Lang, file: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("{file} was not added. {why}"),
        Lang::Cy => format!("Ni chafodd {file} ei ychwanegu. {why}"),
    }
}

/// A questionnaire file opened from the computer has problems: the loader's explanation, for
/// its author, follows in English (as `mhsw check` gives it); the Welsh says so first.
pub fn questionnaire_has_problems(lang: Lang, explanation: &str) -> String {
    match lang {
        Lang::En => explanation.to_owned(),
        Lang::Cy => format!("Mae problemau yn y ffeil. Dyma nhw yn Saesneg, ar gyfer y sawl sy’n ysgrifennu’r holiaduron: {explanation}"),
    }
}

/// A questionnaire opened from a file could not be removed from the device, and why.
pub fn questionnaire_not_removed(lang: Lang, file: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("{file} could not be removed: {why}."),
        Lang::Cy => format!("Nid oedd modd tynnu {file} o’r ddyfais: {why}."),
    }
}

/// The question before a questionnaire opened from a file is removed: which one, and what
/// becomes of the work that answers it (kept, but not opened until the file is opened again).
pub fn remove_questionnaire_question(lang: Lang, title: &str, file: &str) -> String {
    match lang {
        Lang::En => format!(
            "Remove “{title}” ({file}) from this device? Work saved with it stays here, but will not open until the file is opened on this page again."
        ),
        Lang::Cy => format!(
            "Tynnu “{title}” ({file}) o’r ddyfais hon? Bydd gwaith a gadwyd gydag ef yn aros yma, ond ni fydd yn agor nes i’r ffeil gael ei hagor ar y dudalen hon eto."
        ),
    }
}

/// The name of that question, for screen readers.
pub fn confirm_remove_questionnaire(lang: Lang) -> &'static str {
    say(
        lang,
        "Confirm removing the questionnaire",
        "Cadarnhau tynnu’r holiadur",
    )
}

/// A questionnaire opened from a file was removed from the device.
pub fn questionnaire_removed(lang: Lang, file: &str) -> String {
    match lang {
        Lang::En => format!("{file} was removed from this device."),
        Lang::Cy => format!("Cafodd {file} ei dynnu o’r ddyfais hon."),
    }
}

// ---- Saved work that could not be read -------------------------------------------------

/// The kept-aside notice's heading.
pub fn unreadable_heading(lang: Lang) -> &'static str {
    say(
        lang,
        "Saved work that could not be read",
        "Gwaith a gadwyd nad oedd modd ei ddarllen",
    )
}

/// What was done with them, and what to do.
pub fn unreadable_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "These entries were kept aside, not deleted. Download them to keep a copy, or to send to someone who can repair them.",
        "Cafodd y cofnodion hyn eu cadw o’r neilltu, nid eu dileu. Lawrlwythwch nhw i gadw copi, neu i’w hanfon at rywun sy’n gallu eu trwsio.",
    )
}

/// Where an entry kept aside was: a piece of work.
pub fn origin_work(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("work {id}"),
        Lang::Cy => format!("gwaith {id}"),
    }
}

/// Where an entry kept aside was: one response of a piece of work.
pub fn origin_response(lang: Lang, work: &str, id: &str) -> String {
    match lang {
        Lang::En => format!("response {id} of work {work}"),
        Lang::Cy => format!("ymateb {id} o waith {work}"),
    }
}

/// Where an entry kept aside was: a block of a piece of work's responses, saved together by
/// an import and not yet split into one entry each.
pub fn origin_staged(lang: Lang, work: &str, block: u32) -> String {
    match lang {
        Lang::En => format!("block {block} of the responses imported into work {work}"),
        Lang::Cy => format!("bloc {block} o’r ymatebion a fewnforiwyd i waith {work}"),
    }
}

/// A saved record's checksum does not match its text.
pub fn record_changed(lang: Lang) -> &'static str {
    say(
        lang,
        "the saved text has been changed or damaged since it was written (its checksum does not match)",
        "mae’r testun a gadwyd wedi’i newid neu ei ddifrodi ers iddo gael ei ysgrifennu (nid yw ei swm gwirio’n cyfateb)",
    )
}

/// A saved entry is not JSON, and where the reader stopped. Both languages give the place, not
/// the reader's own sentence ("EOF while parsing a string at line 1 column 63"), which is a
/// parser's words, not a person's.
pub fn record_not_json(lang: Lang, at: Spot) -> String {
    let at = place(lang, at);
    match lang {
        Lang::En => format!("the saved text is damaged ({at})"),
        Lang::Cy => format!("mae’r testun a gadwyd wedi’i ddifrodi ({at})"),
    }
}

/// A saved head (or a response, `response`) is not the shape of its record: its fault and
/// place, in both languages (the reader's own sentence is a parser's words, not a person's).
pub fn record_shape(lang: Lang, response: bool, found: &Fault, at: Spot) -> String {
    // A value already parsed (an entry of the first format) has no place in the text.
    let at = if at.line == 0 {
        String::new()
    } else {
        format!(" ({})", place(lang, at))
    };
    let found = fault(lang, found);
    match (lang, response) {
        (Lang::En, false) => {
            format!("the saved work does not have the expected shape: {found}{at}")
        }
        (Lang::En, true) => {
            format!("the saved response does not have the expected shape: {found}{at}")
        }
        (Lang::Cy, response) => {
            let what = if response { "yr ymateb" } else { "y gwaith" };
            format!("nid oes gan {what} a gadwyd y siâp disgwyliedig: {found}{at}")
        }
    }
}

/// A saved record from a newer release.
pub fn record_newer(lang: Lang, store_version: u32) -> String {
    match lang {
        Lang::En => format!("it was saved by a newer version of the toolkit (store version {store_version})"),
        Lang::Cy => format!("cafodd ei gadw gan fersiwn fwy newydd o’r pecyn cymorth (fersiwn storfa {store_version})"),
    }
}

/// An entry of the first store format that says it is of another version.
pub fn record_other_version(lang: Lang, store_version: u64) -> String {
    match lang {
        Lang::En => {
            format!("it is in store version {store_version}, which this step does not read")
        }
        Lang::Cy => format!(
            "mae wedi’i gadw yn fersiwn {store_version} o’r storfa, nad yw’r cam hwn yn ei darllen"
        ),
    }
}

/// A saved head (or a response, `response`) that says it is another record than its key.
pub fn record_stored_as(lang: Lang, response: bool, key: &str, says: &str) -> String {
    match (lang, response) {
        (Lang::En, false) => format!("it is stored as `{key}` but says it is `{says}`, so it may be a damaged copy of other work"),
        (Lang::En, true) => format!("it is stored as `{key}` but says it is `{says}`"),
        (Lang::Cy, false) => format!("mae wedi’i storio fel `{key}` ond mae’n dweud mai `{says}` ydyw, felly gall fod yn gopi wedi’i ddifrodi o waith arall"),
        (Lang::Cy, true) => format!("mae wedi’i storio fel `{key}` ond mae’n dweud mai `{says}` ydyw"),
    }
}

/// A saved head whose revision differs from the one stored beside it.
pub fn record_revision(lang: Lang) -> &'static str {
    say(
        lang,
        "its revision does not match its record",
        "nid yw ei adolygiad yn cyfateb i’w gofnod",
    )
}

/// A block of imported responses could not be split into its responses.
pub fn record_unpacked(lang: Lang) -> &'static str {
    say(
        lang,
        "the responses saved together in it could not be told apart (the block is damaged); it is kept whole, with every response in it",
        "nid oedd modd gwahanu’r ymatebion a gadwyd gyda’i gilydd ynddo (mae’r bloc wedi’i ddifrodi); caiff ei gadw’n gyfan, gyda phob ymateb ynddo",
    )
}

/// An entry an earlier release kept aside.
pub fn record_kept_earlier(lang: Lang) -> &'static str {
    say(
        lang,
        "it was kept aside by an earlier version",
        "cafodd ei gadw o’r neilltu gan fersiwn gynharach",
    )
}

/// Downloads one entry kept aside.
pub fn download_entry(lang: Lang) -> &'static str {
    say(lang, "Download this entry", "Lawrlwytho’r cofnod hwn")
}

/// The question asked before an entry kept aside is removed for good.
pub fn remove_entry_question(lang: Lang) -> &'static str {
    say(
        lang,
        "Remove this entry from the device for good? It cannot be brought back, so download it first if anyone may want to repair it.",
        "Tynnu’r cofnod hwn o’r ddyfais am byth? Nid oes modd dod ag ef yn ôl, felly lawrlwythwch ef yn gyntaf os gallai rhywun fod eisiau ei drwsio.",
    )
}

/// The name of that question, for screen readers.
pub fn confirm_remove_entry(lang: Lang) -> &'static str {
    say(
        lang,
        "Confirm removing the entry",
        "Cadarnhau tynnu’r cofnod",
    )
}

/// The store would not remove an entry kept aside.
pub fn entry_not_removed(lang: Lang) -> &'static str {
    say(
        lang,
        "This entry could not be removed from the device. It is still kept aside.",
        "Nid oedd modd tynnu’r cofnod hwn o’r ddyfais. Mae’n dal wedi’i gadw o’r neilltu.",
    )
}

/// Removes one entry kept aside.
pub fn remove_entry(lang: Lang) -> &'static str {
    say(
        lang,
        "Remove it from this device",
        "Ei dynnu o’r ddyfais hon",
    )
}

// ---- Renaming a piece of work ----------------------------------------------------------

/// The rename box's label.
pub fn new_name(lang: Lang) -> &'static str {
    say(lang, "New name", "Enw newydd")
}

/// The rename box's button.
pub fn save_name(lang: Lang) -> &'static str {
    say(lang, "Save name", "Cadw’r enw")
}

/// The name was left empty.
pub fn enter_a_name(lang: Lang) -> &'static str {
    say(lang, "Enter a name", "Rhowch enw")
}

/// The name is over its limit of `limit` characters.
pub fn shorten_name(lang: Lang, limit: usize) -> String {
    match lang {
        Lang::En => crate::limits::shorten_message("the name", limit),
        // As the count beside the box says it: "200 o nodau".
        Lang::Cy => match lang.plural(limit as u64) {
            PluralForm::Zero | PluralForm::Other => {
                format!(
                    "Byrhewch yr enw i {} o nodau neu lai",
                    grouped(limit as u64)
                )
            }
            _ => format!("Byrhewch yr enw i {limit} nod neu lai"),
        },
    }
}

// ---- A link that leads nowhere ---------------------------------------------------------

/// A page that does not exist: its heading.
pub fn page_not_found(lang: Lang) -> &'static str {
    say(lang, "Page not found", "Heb ddod o hyd i’r dudalen")
}

/// A page that does not exist: the address asked for.
pub fn no_page_at(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("There is no page at “{path}”. "),
        Lang::Cy => format!("Nid oes tudalen yn “{path}”. "),
    }
}

/// The link back to the home page.
pub fn go_home(lang: Lang) -> &'static str {
    say(lang, "Go to the home page", "Mynd i’r hafan")
}

/// A page whose part of the app could not be downloaded: its heading.
pub fn page_not_opened(lang: Lang) -> &'static str {
    say(
        lang,
        "This page could not be opened",
        "Nid oedd modd agor y dudalen hon",
    )
}

/// A link to work that is not on this device: its heading.
pub fn work_not_here(lang: Lang) -> &'static str {
    say(
        lang,
        "This work is not on this device",
        "Nid yw’r gwaith hwn ar y ddyfais hon",
    )
}

/// A page of work that another tab deleted: its heading.
pub fn work_deleted_elsewhere(lang: Lang) -> &'static str {
    say(
        lang,
        "This work was deleted in another tab or window",
        "Cafodd y gwaith hwn ei ddileu mewn tab neu ffenestr arall",
    )
}

/// A page of work that another tab deleted: that nothing of it is kept.
pub fn work_deleted_elsewhere_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "It is no longer saved on this device. ",
        "Nid yw wedi’i gadw ar y ddyfais hon mwyach. ",
    )
}

/// Why work may be missing.
pub fn work_not_here_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "It may have been deleted, or saved in another browser. Work is kept only in the browser where it was made. ",
        "Efallai ei fod wedi’i ddileu, neu wedi’i gadw mewn porwr arall. Dim ond yn y porwr lle cafodd ei wneud y caiff gwaith ei gadw. ",
    )
}

/// The link to the list of saved work.
pub fn see_work_here(lang: Lang) -> &'static str {
    say(
        lang,
        "See the work saved here",
        "Gweld y gwaith sydd wedi’i gadw yma",
    )
}

/// Work whose questionnaire did not load: the heading.
pub fn questionnaire_missing(lang: Lang) -> &'static str {
    say(
        lang,
        "The questionnaire for this work is not available",
        "Nid yw’r holiadur ar gyfer y gwaith hwn ar gael",
    )
}

/// Work whose questionnaire did not load: which one, and that nothing changed.
pub fn questionnaire_missing_explained(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("This work answers the questionnaire “{id}”, which did not load. Nothing in the work has been changed. "),
        Lang::Cy => format!("Mae’r gwaith hwn yn ateb yr holiadur “{id}”, na chafodd ei lwytho. Nid oes dim yn y gwaith wedi newid. "),
    }
}

/// The link to the questionnaires page.
pub fn see_which_loaded(lang: Lang) -> &'static str {
    say(
        lang,
        "See which questionnaires loaded and why",
        "Gweld pa holiaduron a lwythwyd a pham",
    )
}

// ---- PDFs and peer reference sets -------------------------------------------------------

/// The PDF worker could not run, with the browser's reason.
pub fn pdf_tool_unavailable(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("the PDF tool could not be started in this browser ({why})"),
        Lang::Cy => format!("nid oedd modd cychwyn yr offeryn PDF yn y porwr hwn ({why})"),
    }
}

/// The PDF worker answered with a problem.
pub fn pdf_not_made(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("the PDF could not be made: {why}"),
        Lang::Cy => format!("nid oedd modd gwneud y PDF: {why}"),
    }
}

/// The PDF worker answered, but with no PDF.
pub fn pdf_tool_gave_none(lang: Lang) -> &'static str {
    say(
        lang,
        "the PDF tool gave no PDF",
        "ni roddodd yr offeryn PDF unrhyw PDF",
    )
}

/// The report could not be handed to the PDF worker, or read by it.
pub fn report_not_in_form(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::En => format!("The report could not be turned into a PDF because it was not in the expected form ({detail}). Reload the page and try again."),
        Lang::Cy => format!("Nid oedd modd troi’r adroddiad yn PDF am nad oedd ar y ffurf ddisgwyliedig ({detail}). Ail-lwythwch y dudalen a rhowch gynnig arall arni."),
    }
}

/// The PDF could not be written, with the writer's reason.
pub fn pdf_writer_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("The PDF could not be made: {why}."),
        Lang::Cy => format!("Nid oedd modd gwneud y PDF: {why}."),
    }
}

/// No file was chosen.
pub fn no_file_chosen(lang: Lang) -> &'static str {
    say(lang, "no file was chosen", "ni ddewiswyd ffeil")
}

/// The browser could not read a file, with its own reason.
pub fn browser_could_not_read(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("the browser could not read the file ({why}). Try choosing it again"),
        Lang::Cy => format!(
            "nid oedd y porwr yn gallu darllen y ffeil ({why}). Rhowch gynnig ar ei dewis eto"
        ),
    }
}

/// The browser would not save a download, with its own reason.
pub fn browser_would_not_save(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("the browser would not save the file ({why})"),
        Lang::Cy => format!("nid oedd y porwr yn fodlon cadw’r ffeil ({why})"),
    }
}

/// A peer reference set for another questionnaire.
pub fn peers_for_other(lang: Lang, definition: &str) -> String {
    match lang {
        Lang::En => format!("it is a reference set for “{definition}”, not for this questionnaire"),
        Lang::Cy => {
            format!("set gyfeirio ar gyfer “{definition}” yw hi, nid ar gyfer yr holiadur hwn")
        }
    }
}

/// A peer reference set that cannot be read, with the reader's detail.
pub fn peers_unreadable(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::En => format!("the peer reference set cannot be read ({detail}); choose a file made by `mhsw peers`, unchanged"),
        Lang::Cy => format!("nid oes modd darllen y set gyfeirio cymheiriaid ({detail}); dewiswch ffeil a wnaed gan `mhsw peers`, heb ei newid"),
    }
}

/// A file that is not a peer reference set.
pub fn not_a_peer_set(lang: Lang, found: &str, expected: &str) -> String {
    match lang {
        Lang::En => format!(
            "the file is not a peer reference set (its format is `{found}`, not `{expected}`)"
        ),
        Lang::Cy => format!(
            "nid set gyfeirio cymheiriaid yw’r ffeil (ei fformat yw `{found}`, nid `{expected}`)"
        ),
    }
}

/// A peer reference set in a newer format than this app reads.
pub fn newer_peer_set(lang: Lang, found: u32, supported: u32) -> String {
    match lang {
        Lang::En => format!("the peer reference set is in format version {found}, newer than this app understands ({supported}); use the newer toolkit that made it"),
        Lang::Cy => format!("mae’r set gyfeirio cymheiriaid yn fersiwn {found} o’r fformat, sy’n fwy newydd nag y mae’r ap hwn yn ei ddeall ({supported}); defnyddiwch y pecyn cymorth mwy newydd a’i gwnaeth"),
    }
}

/// The overall figures of a peer group, as [`peer_figures_out_of_order`] names them.
pub fn overall(lang: Lang) -> String {
    say(lang, "the overall", "y cyfan").to_owned()
}

/// A section's figures of a peer group, as [`peer_figures_out_of_order`] names them.
pub fn section_named(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("the section `{id}`"),
        Lang::Cy => format!("adran `{id}`"),
    }
}

/// A peer group's quartiles out of order (`percent`: they must also lie from 0 to 100).
pub fn peer_figures_out_of_order(
    lang: Lang,
    group: &str,
    place: &str,
    [low, median, high]: [f64; 3],
    percent: bool,
) -> String {
    match (lang, percent) {
        (Lang::En, false) => format!("in the group \"{group}\", the figures for {place} are not in order (lower quartile {low}, median {median}, upper quartile {high})"),
        (Lang::En, true) => format!("in the group \"{group}\", the figures for {place} are not in order from 0 to 100 (lower quartile {low}, median {median}, upper quartile {high})"),
        (Lang::Cy, false) => format!("yn y grŵp \"{group}\", nid yw’r ffigurau ar gyfer {place} mewn trefn (chwartel isaf {low}, canolrif {median}, chwartel uchaf {high})"),
        (Lang::Cy, true) => format!("yn y grŵp \"{group}\", nid yw’r ffigurau ar gyfer {place} mewn trefn o 0 i 100 (chwartel isaf {low}, canolrif {median}, chwartel uchaf {high})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTS: [usize; 6] = [0, 1, 2, 3, 6, 7];

    #[test]
    fn every_fixed_message_has_welsh_of_its_own() {
        let fixed: [fn(Lang) -> &'static str; 52] = [
            page_not_opened,
            store_deleted_elsewhere,
            keep_deleted_work,
            let_deleted_work_go,
            work_deleted_elsewhere,
            work_deleted_elsewhere_explained,
            record_changed,
            record_revision,
            record_kept_earlier,
            record_unpacked,
            no_format_version,
            fix_choose_exported_unchanged,
            fix_choose_exported,
            fix_choose_backup_unchanged,
            fix_make_backup_again,
            import_answer_unreadable,
            file_empty,
            exported_work_not_questionnaire,
            exported_work_not_peer_set,
            no_file_chosen,
            store_full,
            store_conflict,
            store_removed,
            store_not_read,
            store_no_saver,
            nothing_being_saved,
            blocked_explained,
            kept_until_closed,
            tab_still_holds,
            technical_detail,
            save_tab_again,
            download_everything,
            import_answer_unread,
            unreadable_heading,
            unreadable_explained,
            download_entry,
            remove_entry,
            remove_entry_question,
            confirm_remove_entry,
            entry_not_removed,
            new_name,
            save_name,
            enter_a_name,
            page_not_found,
            go_home,
            work_not_here,
            work_not_here_explained,
            see_work_here,
            questionnaire_missing,
            see_which_loaded,
            pdf_tool_gave_none,
            |lang| kept_apart(lang, Apart::Different),
        ];
        for message in fixed {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!en.trim().is_empty(), "an empty English message");
            assert!(
                !cy.trim().is_empty() && en != cy,
                "{en:?} has no Welsh of its own"
            );
        }
        for why in [Apart::OtherQuestionnaire, Apart::NotACollection] {
            assert_ne!(kept_apart(Lang::En, why), kept_apart(Lang::Cy, why));
        }
    }

    #[test]
    fn every_message_with_a_value_has_welsh_of_its_own() {
        let with: [fn(Lang) -> String; 55] = [
            |l| origin_work(l, "w"),
            |l| origin_staged(l, "w", 3),
            |l| origin_response(l, "w", "r"),
            |l| record_not_json(l, Spot { line: 2, column: 5 }),
            |l| record_shape(l, false, &Fault::WrongType {}, Spot { line: 2, column: 5 }),
            |l| record_shape(l, true, &Fault::WrongType {}, Spot { line: 2, column: 5 }),
            |l| record_newer(l, 3),
            |l| record_other_version(l, 0),
            |l| record_stored_as(l, false, "a", "b"),
            |l| record_stored_as(l, true, "a", "b"),
            |l| place(l, Spot { line: 2, column: 5 }),
            |l| nests_too_deep(l, Spot { line: 2, column: 5 }),
            |l| not_valid_json(l, Spot { line: 2, column: 5 }),
            |l| {
                problem_at(
                    l,
                    false,
                    "a",
                    &Fault::Other {},
                    Spot { line: 2, column: 5 },
                    "bad",
                )
            },
            |l| {
                problem_at(
                    l,
                    true,
                    "a",
                    &Fault::Other {},
                    Spot { line: 2, column: 5 },
                    "bad",
                )
            },
            |l| extra_text(l, false, Spot { line: 2, column: 5 }),
            |l| extra_text(l, true, Spot { line: 2, column: 5 }),
            |l| backup_holds_other(l, "N"),
            |l| not_work(l, true).to_owned(),
            |l| not_work(l, false).to_owned(),
            |l| questionnaire_ready(l, "a.json"),
            |l| questionnaire_not_added(l, "a.json", "why"),
            |l| peers_unreadable(l, "line 1"),
            |l| not_a_peer_set(l, "x", "y"),
            |l| newer_peer_set(l, 3, 1),
            overall,
            |l| section_named(l, "s"),
            |l| peer_figures_out_of_order(l, "All", "`q`", [1.0, 2.0, 3.0], true),
            |l| not_utf8(l, 3),
            |l| store_blocked(l, "reason"),
            |l| not_saved_again(l, "why"),
            |l| backup_failed(l, "why"),
            |l| file_not_imported(l, "a.json", "why"),
            |l| work_not_imported(l, "why"),
            |l| read_not_stored(l, "why"),
            |l| already_here(l, "North"),
            |l| imported_copy(l, "North"),
            |l| imported_as(l, "North", None, ""),
            |l| file_too_large(l, "300", "257"),
            |l| file_unreadable(l, "bad", "mend it"),
            |l| newer_format(l, 9, 2),
            |l| unknown_questionnaire(l, "x"),
            |l| shorten_name(l, 200),
            |l| no_page_at(l, "#/nope"),
            |l| questionnaire_missing_explained(l, "x"),
            |l| pdf_tool_unavailable(l, "why"),
            |l| pdf_not_made(l, "why"),
            |l| report_not_in_form(l, "line 1"),
            |l| pdf_writer_failed(l, "why"),
            |l| browser_could_not_read(l, "why"),
            |l| browser_would_not_save(l, "why"),
            |l| peers_for_other(l, "x"),
            |l| questionnaire_has_problems(l, "line 3: bad"),
            |l| questionnaire_not_removed(l, "a.json", "why"),
            |l| questionnaire_removed(l, "a.json"),
        ];
        for message in with {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!en.trim().is_empty());
            assert!(
                !cy.trim().is_empty() && en != cy,
                "{en:?} has no Welsh of its own"
            );
        }
    }

    /// Each kind of fault a reader finds has Welsh of its own, naming the field where it has one.
    #[test]
    fn each_fault_a_reader_finds_has_welsh_of_its_own() {
        let field = || "name".to_owned();
        let faults = [
            Fault::MissingField { field: field() },
            Fault::UnknownField { field: field() },
            Fault::DuplicateField { field: field() },
            Fault::WrongType {},
            Fault::WrongValue {},
            Fault::WrongLength {},
            Fault::Syntax {},
            Fault::EndsEarly {},
            Fault::Other {},
        ];
        for lang in [Lang::En, Lang::Cy] {
            let mut said: Vec<String> = faults.iter().map(|f| fault(lang, f)).collect();
            for (words, kind) in said.iter().zip(&faults) {
                if matches!(
                    kind,
                    Fault::MissingField { .. }
                        | Fault::UnknownField { .. }
                        | Fault::DuplicateField { .. }
                ) {
                    assert!(words.contains("`name`"), "{words:?} names no field");
                }
            }
            said.sort();
            said.dedup();
            assert_eq!(
                said.len(),
                faults.len(),
                "two faults share their words in {lang:?}"
            );
        }
        for kind in &faults {
            assert_ne!(
                fault(Lang::En, kind),
                fault(Lang::Cy, kind),
                "{kind:?} has no Welsh"
            );
        }
        assert_eq!(
            place(
                Lang::Cy,
                Spot {
                    line: 12,
                    column: 1
                }
            ),
            "llinell 12, colofn 1"
        );
        assert_eq!(
            place(
                Lang::En,
                Spot {
                    line: 12,
                    column: 1
                }
            ),
            "line 12, column 1"
        );
    }

    #[test]
    fn the_english_reads_as_it_did() {
        assert_eq!(
            merged(Lang::En, "North Team", 3, 1),
            "3 new responses added to “North Team” and saved on this device; 1 was already there."
        );
        assert_eq!(
            imported_as(Lang::En, "N", Some(1), ""),
            "imported as “N” with 1 response, and saved on this device."
        );
        assert_eq!(answers_carried(Lang::En, 0), "");
        assert_eq!(
            answers_kept_aside(Lang::En, 2),
            " 2 answers to questions this version no longer asks were kept aside and are listed on the work’s page."
        );
        assert_eq!(
            out_of_limits(Lang::En, 1, "d", "f"),
            "1 value in the file is outside the toolkit's limits: d. Fix: f"
        );
        assert_eq!(
            backup_downloaded(Lang::En, 1),
            "A backup of 1 piece of work was downloaded. Keep the file somewhere safe: importing it on any device brings all of it back"
        );
    }

    /// Each count in Welsh takes its own form: the zero, one, two, few, many and other forms.
    #[test]
    fn welsh_counts_take_their_plural_forms() {
        let pieces: Vec<String> = COUNTS
            .iter()
            .map(|&n| pieces_of_work(Lang::Cy, n))
            .collect();
        assert_eq!(
            pieces,
            [
                "dim darnau o waith",
                "1 darn o waith",
                "2 ddarn o waith",
                "3 darn o waith",
                "6 darn o waith",
                "7 o ddarnau o waith"
            ]
        );
        let english: Vec<String> = COUNTS
            .iter()
            .map(|&n| pieces_of_work(Lang::En, n))
            .collect();
        assert_eq!(english[1], "1 piece of work");
        assert_eq!(english[2], "2 pieces of work");
        assert_eq!(
            merged(Lang::Cy, "Gogledd", 2, 0),
            "Ychwanegwyd 2 ymateb newydd at “Gogledd” a’u cadw ar y ddyfais hon; doedd dim un yno’n barod."
        );
        assert_eq!(
            merged(Lang::Cy, "Gogledd", 7, 3),
            "Ychwanegwyd 7 o ymatebion newydd at “Gogledd” a’u cadw ar y ddyfais hon; roedd 3 yno’n barod."
        );
        assert_eq!(
            imported_as(Lang::Cy, "G", Some(0), ""),
            "wedi’i fewnforio fel “G” heb ymatebion, a’i gadw ar y ddyfais hon."
        );
        assert_eq!(
            imported_as(Lang::Cy, "G", Some(6), ""),
            "wedi’i fewnforio fel “G” gyda 6 ymateb, a’i gadw ar y ddyfais hon."
        );
        assert_eq!(answers_carried(Lang::Cy, 0), "");
        assert_eq!(answers_kept_aside(Lang::Cy, 0), "");
        assert!(answers_kept_aside(Lang::Cy, 1).contains("Cafodd 1 ateb i gwestiwn nad"));
        assert!(answers_carried(Lang::Cy, 3).contains("Mae 3 ateb i gwestiynau"));
        assert!(answers_carried(Lang::Cy, 7).contains("Mae 7 o atebion i gwestiynau"));
        assert!(out_of_limits(Lang::Cy, 2, "d", "f").starts_with("mae 2 werth yn y ffeil"));
        assert!(out_of_limits(Lang::Cy, 3, "d", "f").starts_with("mae 3 gwerth yn y ffeil"));
        assert!(out_of_limits(Lang::Cy, 7, "d", "f").starts_with("mae 7 o werthoedd"));
        assert!(answers_do_not_fit(Lang::Cy, 6, "d").starts_with("nid yw 6 ateb yn y ffeil"));
        assert_eq!(
            shorten_name(Lang::Cy, 200),
            "Byrhewch yr enw i 200 o nodau neu lai"
        );
        assert_eq!(shorten_name(Lang::Cy, 6), "Byrhewch yr enw i 6 nod neu lai");
        // Every count's message differs from English, and the Welsh forms are not all one.
        for message in [
            |l, n| backup_downloaded(l, n),
            |l, n| answers_carried(l, n),
            |l, n| answers_kept_aside(l, n),
            |l, n| merged(l, "N", n, n),
            |l, n| imported_as(l, "N", Some(n), ""),
            |l, n| out_of_limits(l, n, "d", "f"),
            |l, n| answers_do_not_fit(l, n, "d"),
        ] as [fn(Lang, usize) -> String; 7]
        {
            let welsh: Vec<String> = COUNTS.iter().map(|&n| message(Lang::Cy, n)).collect();
            for (&n, cy) in COUNTS.iter().zip(&welsh) {
                let en = message(Lang::En, n);
                assert!(en.is_empty() || en != *cy, "{en:?} at {n}");
            }
            let mut forms = welsh.clone();
            forms.sort();
            forms.dedup();
            assert!(forms.len() >= 4, "{welsh:?} take too few forms");
        }
    }
}
