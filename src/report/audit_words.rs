//! The audit, statement and plan reports' own words, in English and Welsh: headings, table
//! headers, fact labels, the comparison sentences, the plan's wording and the notes on method.
//!
//! Owns: one function per phrase, taking the [`Lang`] to write in, as [`super::words`] does for
//! the feedback report; counts choose their wording through [`Lang::plural`] and dates are
//! written with [`crate::date::Date::long_in`]. The English is exactly what the reports always
//! said (a golden copy in `tests/fixtures/reports/` pins it).
//! Must not touch: a definition's own texts (question texts, section titles, band labels, the
//! plan's title and field labels come from the definition, in its languages) or anything
//! computed.
//!
//! Kept with the report code, not in [`crate::messages`], so that the app's first module does not
//! carry them: only the results page and the PDF worker need them.
//!
//! **The Welsh has not yet been checked by a Welsh speaker.** It was written to be plain and
//! accurate; a council should have it checked before relying on it.

use crate::benchmark::cycle::Movement;
use crate::benchmark::peers::{OrganisationType, PeerNation, Position};
use crate::lang::{Lang, PluralForm};
use crate::messages::say;
use crate::plan::{ProposalReason, Status};
use crate::responses::Priority;
use crate::work::Perspective;

/// "1 question", "3 questions"; in Welsh "1 cwestiwn", "2 gwestiwn", "3 chwestiwn",
/// "6 chwestiwn", "20 o gwestiynau" (the noun stays singular after a number and mutates after
/// two, three and six).
pub fn questions_count(lang: Lang, n: u32) -> String {
    match (lang, lang.plural(u64::from(n))) {
        (Lang::En, _) => super::parts::count_of(n, "question", "questions"),
        (Lang::Cy, PluralForm::Zero) => "dim cwestiynau".to_owned(),
        (Lang::Cy, PluralForm::One) => format!("{n} cwestiwn"),
        (Lang::Cy, PluralForm::Two) => format!("{n} gwestiwn"),
        (Lang::Cy, PluralForm::Few | PluralForm::Many) => format!("{n} chwestiwn"),
        (Lang::Cy, PluralForm::Other) => {
            format!("{} o gwestiynau", super::parts::grouped(u64::from(n)))
        }
    }
}

/// "14 points"; in Welsh "1 pwynt", "2 bwynt", "3 phwynt", "6 phwynt", "14 pwynt".
fn points(lang: Lang, n: u64) -> String {
    match (lang, lang.plural(n)) {
        (Lang::En, _) => format!("{n} {}", if n == 1 { "point" } else { "points" }),
        (Lang::Cy, PluralForm::Two) => format!("{n} bwynt"),
        (Lang::Cy, PluralForm::Few | PluralForm::Many) => format!("{n} phwynt"),
        (Lang::Cy, _) => format!("{n} pwynt"),
    }
}

/// A change of score in words: "up 14 points", "down 1 point", "no change", "up by less than
/// one point", from the change in whole percentages shown and its true direction.
pub fn change(lang: Lang, shown: i128, direction: std::cmp::Ordering) -> String {
    use std::cmp::Ordering;
    let n = shown.unsigned_abs() as u64;
    match (lang, direction) {
        (Lang::En, _) => english_change(shown, direction),
        (Lang::Cy, Ordering::Equal) => "dim newid".to_owned(),
        (Lang::Cy, Ordering::Greater) if shown <= 0 => "i fyny o lai nag un pwynt".to_owned(),
        (Lang::Cy, Ordering::Less) if shown >= 0 => "i lawr o lai nag un pwynt".to_owned(),
        (Lang::Cy, Ordering::Greater) => format!("i fyny {}", points(lang, n)),
        (Lang::Cy, Ordering::Less) => format!("i lawr {}", points(lang, n)),
    }
}

/// The English of [`change`], exactly as [`crate::scoring::change_display`] writes it.
fn english_change(shown: i128, direction: std::cmp::Ordering) -> String {
    use std::cmp::Ordering;
    match direction {
        Ordering::Equal => "no change".to_owned(),
        Ordering::Greater if shown <= 0 => "up by less than one point".to_owned(),
        Ordering::Less if shown >= 0 => "down by less than one point".to_owned(),
        Ordering::Greater => format!("up {}", points(Lang::En, shown.unsigned_abs() as u64)),
        Ordering::Less => format!("down {}", points(Lang::En, shown.unsigned_abs() as u64)),
    }
}

/// A score that cannot be compared.
pub fn not_comparable(lang: Lang) -> &'static str {
    say(lang, "not comparable", "dim modd cymharu")
}

/// The same, at the start of a table cell.
pub fn not_comparable_cell(lang: Lang) -> &'static str {
    say(lang, "Not comparable", "Dim modd cymharu")
}

/// A figure's change: "up 2.5 FTE", "down 4%", "no change", "no figure last time".
pub fn figure_change(lang: Lang, movement: &Movement) -> String {
    match movement {
        Movement::NoFigureBefore => {
            say(lang, "no figure last time", "dim ffigur y tro diwethaf").to_owned()
        }
        Movement::Same => say(lang, "no change", "dim newid").to_owned(),
        Movement::Up(amount) => format!("{} {amount}", say(lang, "up", "i fyny")),
        Movement::Down(amount) => format!("{} {amount}", say(lang, "down", "i lawr")),
    }
}

/// Where a score or figure stands among peers (R5, R6).
pub fn position(lang: Lang, position: Position) -> &'static str {
    match lang {
        Lang::En => position.label(),
        Lang::Cy => match position {
            Position::BelowLowerQuartile => "Is na’r chwartel isaf",
            Position::LowerMiddle => "Rhwng y chwartel isaf a’r canolrif",
            Position::UpperMiddle => "Rhwng y canolrif a’r chwartel uchaf",
            Position::AboveUpperQuartile => "Uwchlaw’r chwartel uchaf",
            Position::Suppressed => "Heb ei ddangos: llai na phum sefydliad",
            Position::NotInReference => "Ddim yn y set gyfeirio",
            Position::NotScored => "Dim sgôr i’w chymharu",
        },
    }
}

/// A peer group's name, as [`crate::benchmark::peers::group_label`] writes it in English.
pub fn peer_group(lang: Lang, group: &str) -> String {
    if lang == Lang::En {
        return group.to_owned();
    }
    let types = std::iter::once(None).chain(OrganisationType::ALL.map(Some));
    for kind in types {
        for nation in std::iter::once(None).chain(PeerNation::ALL.map(Some)) {
            if crate::benchmark::peers::group_label(kind, nation) != group {
                continue;
            }
            let who = match kind {
                None => "Sefydliadau",
                Some(OrganisationType::Council) => "Cynghorau",
                Some(OrganisationType::NhsTrust) => "Ymddiriedolaethau’r GIG a byrddau iechyd",
                Some(OrganisationType::Other) => "Sefydliadau eraill",
            };
            return match nation {
                None if kind.is_none() => "Pob sefydliad".to_owned(),
                None => who.to_owned(),
                Some(PeerNation::England) => format!("{who} yn Lloegr"),
                Some(PeerNation::Wales) => format!("{who} yng Nghymru"),
            };
        }
    }
    group.to_owned()
}

/// A Welsh word after "â" or "a" (and): its first letter takes the aspirate mutation
/// ("pob" becomes "phob", "cynghorau" "chynghorau", "tîm" "thîm").
pub fn aspirate(text: &str) -> String {
    for (plain, mutated) in [('c', "ch"), ('p', "ph"), ('t', "th")] {
        if let Some(rest) = text.strip_prefix(plain) {
            if !rest.starts_with('h') {
                return format!("{mutated}{rest}");
            }
        }
    }
    text.to_owned()
}

/// The row of a peer table for the whole audit.
pub fn overall_row(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Cy if title == "Overall" => "Cyffredinol".to_owned(),
        _ => title.to_owned(),
    }
}

/// A priority's word.
pub fn priority(lang: Lang, priority: Priority) -> &'static str {
    match lang {
        Lang::En => priority.label(),
        Lang::Cy => match priority {
            Priority::Low => "Isel",
            Priority::Medium => "Canolig",
            Priority::High => "Uchel",
        },
    }
}

/// A plan row's status.
pub fn status(lang: Lang, status: Status) -> &'static str {
    match lang {
        Lang::En => status.label(),
        Lang::Cy => match status {
            Status::NotStarted => "Heb ddechrau",
            Status::InProgress => "Ar y gweill",
            Status::Done => "Wedi’i wneud",
            Status::Stopped => "Wedi’i atal",
        },
    }
}

/// Whose views an audit gives, on its cover: "Leaders' views".
pub fn whose_views(lang: Lang, perspective: Perspective) -> String {
    match (lang, perspective) {
        (Lang::En, p) => format!("{}' views", p.label()),
        (Lang::Cy, Perspective::Leaders) => "Safbwynt arweinwyr".to_owned(),
        (Lang::Cy, Perspective::Practitioners) => "Safbwynt ymarferwyr".to_owned(),
    }
}

/// The label of a legal risk (S19).
pub fn legal_risk(lang: Lang) -> &'static str {
    say(lang, crate::plan::LEGAL_RISK, "Risg gyfreithiol")
}

/// The label of a proposed row's first step.
pub fn first_step(lang: Lang) -> &'static str {
    say(lang, crate::plan::FIRST_STEP, "Cam cyntaf a awgrymir")
}

/// Why a row is proposed for the plan, as [`crate::plan::Proposal::why`] says it in English.
pub fn proposal_why(lang: Lang, reason: &ProposalReason, legal_risk: bool) -> String {
    let label = |reason: &ProposalReason| match (lang, reason) {
        (Lang::En, r) => r.label(),
        (Lang::Cy, ProposalReason::Band { band }) => format!("Wedi’i raddio’n {band}"),
        (Lang::Cy, ProposalReason::HighPriority) => "Wedi’i nodi’n flaenoriaeth uchel".to_owned(),
        (Lang::Cy, ProposalReason::BandAndHighPriority { band }) => {
            format!("Wedi’i raddio’n {band} ac wedi’i nodi’n flaenoriaeth uchel")
        }
        (Lang::Cy, ProposalReason::LegalRisk) => format!(
            "{}: ni ddangosir bod yr isafswm y mae’r gyfraith yn ei fynnu yn cael ei fodloni",
            legal_risk_label(lang)
        ),
    };
    match (reason, legal_risk) {
        (ProposalReason::LegalRisk, _) | (_, false) => label(reason),
        (other, true) => format!(
            "{}; {}",
            label(&ProposalReason::LegalRisk),
            crate::case::lower_first(&label(other))
        ),
    }
}

fn legal_risk_label(lang: Lang) -> &'static str {
    legal_risk(lang)
}

/// Where a plan row came from when the question is no longer asked, or it came from a section
/// or from the team: "Question q-9 (no longer asked)", "Section: Supervision", "Added by the
/// team".
pub fn question_no_longer_asked(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("Question {id} (no longer asked)"),
        Lang::Cy => format!("Cwestiwn {id} (nid yw’n cael ei ofyn mwyach)"),
    }
}

/// A row raised from a section.
pub fn from_section(lang: Lang, title: &str) -> String {
    match lang {
        Lang::En => format!("Section: {title}"),
        Lang::Cy => format!("Adran: {title}"),
    }
}

/// A section the definition no longer has.
pub fn section_id(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("Section {id}"),
        Lang::Cy => format!("Adran {id}"),
    }
}

/// A row the team added.
pub fn added_by_the_team(lang: Lang) -> &'static str {
    say(lang, "Added by the team", "Ychwanegwyd gan y tîm")
}

/// Plain labels and short phrases, one per English phrase: the English is the key, so the
/// English report cannot change, and a phrase without Welsh is a test failure
/// (`every_phrase_has_welsh`), not a silent English word in a Welsh report.
pub fn word(lang: Lang, english: &'static str) -> &'static str {
    phrase(lang, english)
}

/// [`word`] for a phrase not known when compiling: its Welsh when [`PHRASES`] has it, else the
/// phrase as it is.
pub fn phrase(lang: Lang, english: &str) -> &str {
    if lang == Lang::En {
        return english;
    }
    PHRASES
        .iter()
        .find(|(en, _)| *en == english)
        .map_or(english, |(_, cy)| cy)
}

/// Every short phrase with its Welsh.
pub const PHRASES: &[(&str, &str)] = &[
    // The cover and the document's details.
    ("Organisation", "Sefydliad"),
    ("Who took part", "Pwy gymerodd ran"),
    ("Whose views", "Safbwynt pwy"),
    ("Started", "Dechreuwyd"),
    ("Last updated", "Diweddarwyd ddiwethaf"),
    ("Report made", "Gwnaed yr adroddiad"),
    ("Questionnaire", "Holiadur"),
    ("Not recorded", "Heb ei gofnodi"),
    ("Untitled work", "Gwaith heb deitl"),
    ("mental health social work", "gwaith cymdeithasol iechyd meddwl"),
    ("self-assessment", "hunanasesiad"),
    ("improvement plan", "cynllun gwella"),
    ("strategic statement", "datganiad strategol"),
    // Headings.
    ("Legal risks", "Risgiau cyfreithiol"),
    ("Summary", "Crynodeb"),
    ("Compared with the last cycle", "O’i gymharu â’r cylch diwethaf"),
    ("Better than last cycle", "Yn well na’r cylch diwethaf"),
    ("Worse than last cycle", "Yn waeth na’r cylch diwethaf"),
    ("Newly rated Red", "Newydd eu graddio’n Goch"),
    ("Workforce profile", "Proffil y gweithlu"),
    ("Compared with peers", "O’i gymharu â chymheiriaid"),
    ("Strengths", "Cryfderau"),
    ("Priorities", "Blaenoriaethau"),
    ("Section by section", "Fesul adran"),
    ("Suggested for the plan", "Awgrymir ar gyfer y cynllun"),
    ("Evidence gaps", "Bylchau yn y dystiolaeth"),
    ("How the scores are worked out", "Sut y cyfrifir y sgorau"),
    ("Reading these results", "Darllen y canlyniadau hyn"),
    ("Nothing answered yet", "Dim wedi’i ateb eto"),
    ("Not shown", "Heb ei ddangos"),
    ("Not finished yet", "Heb ei orffen eto"),
    (
        "A self-assessment, not an inspection rating",
        "Hunanasesiad, nid sgôr arolygu",
    ),
    ("Answers set aside", "Atebion a gadwyd o’r neilltu"),
    // Table headers and fact labels.
    ("Section", "Adran"),
    ("Last cycle", "Y cylch diwethaf"),
    ("Now", "Nawr"),
    ("Change", "Newid"),
    ("Figure", "Ffigur"),
    ("Ours", "Ein un ni"),
    ("Peer median", "Canolrif cymheiriaid"),
    ("Where we stand", "Ble rydym yn sefyll"),
    ("Lower quartile", "Chwartel isaf"),
    ("Median", "Canolrif"),
    ("Upper quartile", "Chwartel uchaf"),
    ("Band", "Band"),
    ("Meaning", "Ystyr"),
    ("From", "O"),
    ("Up to", "Hyd at"),
    ("Calls for action", "Yn galw am weithredu"),
    ("Yes", "Ydy"),
    ("No", "Nac ydy"),
    ("Rating", "Gradd"),
    ("Answer", "Ateb"),
    ("Priority", "Blaenoriaeth"),
    ("Evidence", "Tystiolaeth"),
    ("None recorded", "Dim wedi’i chofnodi"),
    ("Comment", "Sylw"),
    ("Answered", "Wedi’u hateb"),
    ("Not applicable", "Amherthnasol"),
    (
        "Don't know (evidence gaps)",
        "Ddim yn gwybod (bylchau yn y dystiolaeth)",
    ),
    ("Prefer not to say", "Gwell gennyf beidio â dweud"),
    ("Not answered yet", "Heb eu hateb eto"),
    ("no questions shown", "dim cwestiynau wedi’u dangos"),
    ("Actions", "Camau gweithredu"),
    ("Due for review", "Yn barod i’w adolygu"),
    ("Missing a required field", "Heb faes gofynnol"),
    ("Raised from", "Wedi’i godi o"),
    ("Action", "Cam gweithredu"),
    ("Lead", "Arweinydd"),
    ("Partners", "Partneriaid"),
    ("Target date", "Dyddiad targed"),
    ("How we will know", "Sut y byddwn yn gwybod"),
    ("Status", "Statws"),
    ("Review date", "Dyddiad adolygu"),
    ("Not set", "Heb ei osod"),
    ("Not written yet", "Heb ei ysgrifennu eto"),
    ("Not given", "Heb ei roi"),
    ("Not needed", "Dim angen"),
    ("Not scored", "Heb ei sgorio"),
    ("Nothing scorable yet", "Dim i’w sgorio eto"),
    ("nothing scorable yet", "dim i’w sgorio eto"),
    ("Not answered", "Heb ei ateb"),
    ("The actions agreed so far", "Y camau gweithredu a gytunwyd hyd yma"),
    ("Each section, last cycle and now", "Pob adran, y cylch diwethaf a nawr"),
    ("Workforce figures as given", "Ffigurau’r gweithlu fel y’u rhoddwyd"),
    ("The bands", "Y bandiau"),
    ("100% (included)", "100% (yn gynwysedig)"),
    ("per social work FTE", "fesul cyfwerth ag amser llawn (FTE) gwaith cymdeithasol"),
    ("per 100,000 population", "fesul 100,000 o’r boblogaeth"),
    (
        "Yes: the minimum the law requires is not shown to be met",
        "Ydy: ni ddangosir bod yr isafswm y mae’r gyfraith yn ei fynnu yn cael ei fodloni",
    ),
    ("; marked high priority", "; wedi’i nodi’n flaenoriaeth uchel"),
    // Sentences.
    (
        "No questions in this audit have been answered, so there are no scores, strengths or priorities to report. Answer the questions in each section, then make the report again.",
        "Nid oes yr un cwestiwn yn yr archwiliad hwn wedi’i ateb, felly does dim sgorau, cryfderau na blaenoriaethau i’w hadrodd. Atebwch y cwestiynau ym mhob adran, yna gwnewch yr adroddiad eto.",
    ),
    (
        " The marker on each bar shows last cycle's score; a section without one had no score last cycle.",
        " Mae’r marciwr ar bob bar yn dangos sgôr y cylch diwethaf; nid oedd gan adran heb farciwr sgôr yn y cylch diwethaf.",
    ),
    (
        " The marker on each bar shows last cycle's score.",
        " Mae’r marciwr ar bob bar yn dangos sgôr y cylch diwethaf.",
    ),
    (
        " The marker on each bar shows the peer median.",
        " Mae’r marciwr ar bob bar yn dangos canolrif y cymheiriaid.",
    ),
    (
        "Score for each section, as a percentage of the most it could score, with its rating in words.",
        "Sgôr pob adran, fel canran o’r mwyaf y gallai ei sgorio, gyda’i gradd mewn geiriau.",
    ),
    (
        "The overall score cannot be compared, because one of the two cycles has nothing scorable.",
        "Ni ellir cymharu’r sgôr gyffredinol, oherwydd nad oes dim i’w sgorio yn un o’r ddau gylch.",
    ),
    (
        "Changes are in percentage points, worked out from the whole percentages shown.",
        "Mae’r newidiadau mewn pwyntiau canran, wedi’u cyfrifo o’r canrannau cyfan a ddangosir.",
    ),
    (
        "No question is rated higher than last cycle.",
        "Nid oes yr un cwestiwn wedi’i raddio’n uwch na’r cylch diwethaf.",
    ),
    (
        "No question is rated lower than last cycle.",
        "Nid oes yr un cwestiwn wedi’i raddio’n is na’r cylch diwethaf.",
    ),
    (
        "No question has newly moved into Red.",
        "Nid oes yr un cwestiwn wedi symud i Goch o’r newydd.",
    ),
    (
        "No workforce figures have been given yet. They are recorded as they are given and are not scored.",
        "Nid oes ffigurau’r gweithlu wedi’u rhoi eto. Cânt eu cofnodi fel y’u rhoddir ac nid ydynt yn cael eu sgorio.",
    ),
    (
        "Figures are recorded as given and are not scored. Peers' figures are compared per social work FTE or per 100,000 population where the question says so; figures given by fewer than five organisations are not shown.",
        "Caiff y ffigurau eu cofnodi fel y’u rhoddwyd ac nid ydynt yn cael eu sgorio. Caiff ffigurau cymheiriaid eu cymharu fesul cyfwerth ag amser llawn (FTE) gwaith cymdeithasol neu fesul 100,000 o’r boblogaeth lle mae’r cwestiwn yn dweud hynny; ni ddangosir ffigurau a roddwyd gan lai na phum sefydliad.",
    ),
    (
        "Figures are recorded as given and are not scored.",
        "Caiff y ffigurau eu cofnodi fel y’u rhoddwyd ac nid ydynt yn cael eu sgorio.",
    ),
    (
        "A quarter of organisations score below the lower quartile, half below the median and three quarters below the upper quartile. Sections scored by fewer than five organisations are not shown.",
        "Mae chwarter y sefydliadau’n sgorio’n is na’r chwartel isaf, hanner yn is na’r canolrif a thri chwarter yn is na’r chwartel uchaf. Ni ddangosir adrannau a sgoriwyd gan lai na phum sefydliad.",
    ),
    (
        "Score for each section, with the peer median as the marker.",
        "Sgôr pob adran, gyda chanolrif y cymheiriaid yn farciwr.",
    ),
    (
        "No strengths identified yet: no question has been rated at the top of its scale or in a green band.",
        "Dim cryfderau wedi’u nodi eto: nid oes yr un cwestiwn wedi’i raddio ar frig ei raddfa nac mewn band gwyrdd.",
    ),
    (
        "No priorities identified yet: no question is in a band that calls for action, and none is marked high priority.",
        "Dim blaenoriaethau wedi’u nodi eto: nid oes yr un cwestiwn mewn band sy’n galw am weithredu, ac nid oes yr un wedi’i nodi’n flaenoriaeth uchel.",
    ),
    (
        "This section was not needed, because of an earlier answer.",
        "Nid oedd angen yr adran hon, oherwydd ateb cynharach.",
    ),
    (
        "This section is not scored: its answers are recorded as they were given.",
        "Nid yw’r adran hon yn cael ei sgorio: caiff ei hatebion eu cofnodi fel y’u rhoddwyd.",
    ),
    (
        "This section's score is that of its lowest-rated question: a condition is only as strong as its weakest part.",
        "Sgôr yr adran hon yw sgôr ei chwestiwn â’r radd isaf: nid yw amod ond mor gryf â’i ran wannaf.",
    ),
    (
        "These questions are legal risks (listed first), are rated in a band that calls for action, or are marked high priority, but have no action in the plan yet.",
        "Mae’r cwestiynau hyn yn risgiau cyfreithiol (wedi’u rhestru’n gyntaf), wedi’u graddio mewn band sy’n galw am weithredu, neu wedi’u nodi’n flaenoriaeth uchel, ond nid oes cam gweithredu ar eu cyfer yn y cynllun eto.",
    ),
    (
        "No question was answered \u{201c}Don't know\u{201d}.",
        "Nid atebwyd yr un cwestiwn â \u{201c}Ddim yn gwybod\u{201d}.",
    ),
    (
        "Each rated question earns the points of the answer chosen, out of the most its scale allows. Some questions count more than others: their points, and the most they could earn, are multiplied by their weight.",
        "Mae pob cwestiwn a raddir yn ennill pwyntiau’r ateb a ddewiswyd, allan o’r mwyaf y mae ei raddfa’n ei ganiatáu. Mae rhai cwestiynau’n cyfrif yn fwy nag eraill: caiff eu pwyntiau, a’r mwyaf y gallent eu hennill, eu lluosi â’u pwysiad.",
    ),
    (
        "\u{201c}Not applicable\u{201d} answers are left out altogether, so they neither raise nor lower a score. \u{201c}Don't know\u{201d} answers are left out of the score and listed as evidence gaps. \u{201c}Prefer not to say\u{201d} answers are left out and counted on their own. Questions not answered yet never count as zero. Questions hidden by an earlier answer do not count at all.",
        "Caiff atebion \u{201c}Amherthnasol\u{201d} eu gadael allan yn llwyr, felly nid ydynt yn codi nac yn gostwng sgôr. Caiff atebion \u{201c}Ddim yn gwybod\u{201d} eu gadael allan o’r sgôr a’u rhestru fel bylchau yn y dystiolaeth. Caiff atebion \u{201c}Gwell gennyf beidio â dweud\u{201d} eu gadael allan a’u cyfrif ar wahân. Nid yw cwestiynau heb eu hateb eto byth yn cyfrif fel sero. Nid yw cwestiynau a guddiwyd gan ateb cynharach yn cyfrif o gwbl.",
    ),
    (
        "A section's score is the points earned over the points possible, unless the section is scored by its lowest-rated question. The overall score adds up the points earned and possible across every section, so sections with more questions count for more.",
        "Sgôr adran yw’r pwyntiau a enillwyd allan o’r pwyntiau posibl, oni bai bod yr adran yn cael ei sgorio yn ôl ei chwestiwn â’r radd isaf. Mae’r sgôr gyffredinol yn adio’r pwyntiau a enillwyd a’r pwyntiau posibl ar draws pob adran, felly mae adrannau â mwy o gwestiynau’n cyfrif am fwy.",
    ),
    (
        "A section or audit with nothing scorable has no score, rather than a score of 0%. Percentages are rounded down to a whole number, so the number shown always falls within the band named beside it.",
        "Nid oes sgôr gan adran neu archwiliad heb ddim i’w sgorio, yn hytrach na sgôr o 0%. Caiff canrannau eu talgrynnu i lawr i rif cyfan, felly mae’r rhif a ddangosir bob amser o fewn y band a enwir wrth ei ochr.",
    ),
    (
        "Some sections may use bands of their own.",
        "Gall rhai adrannau ddefnyddio eu bandiau eu hunain.",
    ),
    (
        "No actions have been added to the plan yet.",
        "Nid oes unrhyw gamau gweithredu wedi’u hychwanegu at y cynllun eto.",
    ),
    (
        super::parts::SELF_ASSESSMENT_CAVEAT,
        "Hunanasesiad gan y bobl a’i cwblhaodd yw’r canlyniadau hyn, gan ddefnyddio’r dystiolaeth a oedd ganddynt. Nid ydynt yn sgôr arolygu, yn farn reoleiddiol nac yn archwiliad allanol, a dylid eu darllen ochr yn ochr â thystiolaeth arall, fel adborth gan ymarferwyr, pobl sy’n defnyddio gwasanaethau a gofalwyr.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_has_welsh_once() {
        let mut seen = std::collections::BTreeSet::new();
        for (en, cy) in PHRASES {
            assert!(seen.insert(*en), "{en:?} listed twice");
            assert!(!cy.trim().is_empty(), "{en:?} has no Welsh");
        }
    }

    #[test]
    fn a_figure_moves_in_one_of_four_ways_in_either_language() {
        let said = |lang| {
            [
                Movement::NoFigureBefore,
                Movement::Same,
                Movement::Up("2.5 FTE".into()),
                Movement::Down("4%".into()),
            ]
            .iter()
            .map(|m| figure_change(lang, m))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            said(Lang::En),
            ["no figure last time", "no change", "up 2.5 FTE", "down 4%"]
        );
        assert_eq!(
            said(Lang::Cy),
            [
                "dim ffigur y tro diwethaf",
                "dim newid",
                "i fyny 2.5 FTE",
                "i lawr 4%"
            ]
        );
    }

    #[test]
    fn welsh_counts_of_questions_and_points_take_their_forms() {
        let forms: Vec<String> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| questions_count(Lang::Cy, n))
            .collect();
        assert_eq!(
            forms,
            [
                "dim cwestiynau",
                "1 cwestiwn",
                "2 gwestiwn",
                "3 chwestiwn",
                "6 chwestiwn",
                "20 o gwestiynau"
            ]
        );
        use std::cmp::Ordering::{Equal, Greater, Less};
        assert_eq!(change(Lang::Cy, 2, Greater), "i fyny 2 bwynt");
        assert_eq!(change(Lang::Cy, -3, Less), "i lawr 3 phwynt");
        assert_eq!(change(Lang::Cy, 14, Greater), "i fyny 14 pwynt");
        assert_eq!(change(Lang::Cy, 0, Equal), "dim newid");
        assert_eq!(change(Lang::En, 1, Greater), "up 1 point");
        assert_eq!(change(Lang::En, -14, Less), "down 14 points");
    }
}
