//! The words of the pages where work is started and answered: new work, a work's contents
//! page, and a section page (its buttons, progress, live score and errors), and the boxes every
//! audit question has (evidence, comment, priority). Reached only from the later part of the app.

use super::say;
use crate::date::Date;
use crate::lang::{Lang, PluralForm};

/// The new-work page's heading, before the questionnaire's title.
pub fn start_prefix(lang: Lang) -> &'static str {
    say(lang, "Start: ", "Dechrau: ")
}

/// The name a new piece of work is given until the lead changes it.
pub fn default_name(lang: Lang, title: &str, today: Date) -> String {
    format!("{title}, {}", today.long_in(lang))
}

/// The name box's label.
pub fn name(lang: Lang) -> &'static str {
    say(lang, "Name", "Enw")
}

/// The name box's hint.
pub fn name_hint(lang: Lang, kind: crate::definition::ToolKind) -> &'static str {
    use crate::definition::ToolKind;
    match kind {
        ToolKind::Audit => say(
            lang,
            "For example “North Team audit, 2026 baseline”. Only people using this device see it.",
            "Er enghraifft “Archwiliad Tîm y Gogledd, llinell sylfaen 2026”. Dim ond pobl sy’n defnyddio’r ddyfais hon sy’n ei weld.",
        ),
        ToolKind::Feedback => say(
            lang,
            "For example “Feedback on my practice, spring 2027”. Only people using this device see it.",
            "Er enghraifft “Adborth ar fy ymarfer, gwanwyn 2027”. Dim ond pobl sy’n defnyddio’r ddyfais hon sy’n ei weld.",
        ),
        ToolKind::Conversation => say(
            lang,
            "For example “Supervision conversation, March 2027”. Only people using this device see it.",
            "Er enghraifft “Sgwrs goruchwylio, Mawrth 2027”. Dim ond pobl sy’n defnyddio’r ddyfais hon sy’n ei weld.",
        ),
        ToolKind::Statement => say(
            lang,
            "For example “Social work in mental health: our statement, 2027”. Only people using this device see it.",
            "Er enghraifft “Gwaith cymdeithasol ym maes iechyd meddwl: ein datganiad, 2027”. Dim ond pobl sy’n defnyddio’r ddyfais hon sy’n ei weld.",
        ),
    }
}

/// An empty name.
pub fn enter_name(lang: Lang) -> &'static str {
    say(
        lang,
        "Enter a name for this work",
        "Rhowch enw ar gyfer y gwaith hwn",
    )
}

/// What a feedback collection's own page says about its size, in `lang`: every response
/// counted, and, below the smallest group a report shows (A7), how many more are needed. The
/// English is [`crate::report::collection_size`].
pub fn collection_size(lang: Lang, count: usize) -> String {
    let minimum = crate::aggregate::MINIMUM_GROUP as usize;
    match lang {
        Lang::En => crate::report::collection_size(count),
        Lang::Cy => {
            let held = match count {
                0 => "Dim ymatebion eto.".to_owned(),
                n => format!(
                    "{} hyd yma.",
                    crate::report::words::responses_count(
                        lang,
                        u32::try_from(n).unwrap_or(u32::MAX)
                    )
                ),
            };
            if count >= minimum {
                format!("{held} Gall yr adroddiad cyfun ddangos ei ffigurau.")
            } else {
                format!(
                    "{held} Mae angen {} arall cyn i’r adroddiad cyfun ddangos unrhyw ffigurau: ni ddangosir grwpiau llai na {minimum} byth, fel na all neb gael ei adnabod.",
                    minimum - count
                )
            }
        }
    }
}

/// A period box that does not hold a real date (the end's box, `end`, or the start's).
pub fn period_not_a_date(lang: Lang, end: bool) -> &'static str {
    match (lang, end) {
        (Lang::En, false) => {
            "Enter the start of the period as a real date, such as 22 November 2026"
        }
        (Lang::En, true) => "Enter the end of the period as a real date, such as 22 November 2026",
        (Lang::Cy, false) => "Rhowch ddechrau’r cyfnod fel dyddiad go iawn, fel 22 Tachwedd 2026",
        (Lang::Cy, true) => "Rhowch ddiwedd y cyfnod fel dyddiad go iawn, fel 22 Tachwedd 2026",
    }
}

/// A period with a start and no end.
pub fn period_no_end(lang: Lang) -> &'static str {
    say(
        lang,
        "Enter the end of the period, or clear its start",
        "Rhowch ddiwedd y cyfnod, neu cliriwch ei ddechrau",
    )
}

/// A period with an end and no start.
pub fn period_no_start(lang: Lang) -> &'static str {
    say(
        lang,
        "Enter the start of the period, or clear its end",
        "Rhowch ddechrau’r cyfnod, neu cliriwch ei ddiwedd",
    )
}

/// A period whose end is before its start, both dates in words.
pub fn period_end_before_start(lang: Lang, start: Date, end: Date) -> String {
    let (start, end) = (start.long_in(lang), end.long_in(lang));
    match lang {
        Lang::En => format!("The end of the period ({end}) is before its start ({start}): enter an end on or after the start"),
        Lang::Cy => format!("Mae diwedd y cyfnod ({end}) cyn ei ddechrau ({start}): rhowch ddiwedd sydd ar ddyddiad y dechrau neu ar ei ôl"),
    }
}

/// A box on the new-work form over its limit of `limit` characters; `what` names it in English
/// ("the organisation or team"); the Welsh calls it "the text in this box", beside it.
pub fn shorten_box(lang: Lang, what: &str, limit: usize) -> String {
    let shown = crate::report::grouped(limit as u64);
    match (lang, lang.plural(limit as u64)) {
        (Lang::En, _) => crate::limits::shorten_message(what, limit),
        (Lang::Cy, PluralForm::Zero | PluralForm::Other) => {
            format!("Byrhewch y testun yn y blwch hwn i {shown} o nodau neu lai")
        }
        (Lang::Cy, _) => format!("Byrhewch y testun yn y blwch hwn i {shown} nod neu lai"),
    }
}

/// An empty "about whom" for a feedback collection.
pub fn enter_about(lang: Lang) -> &'static str {
    say(
        lang,
        "Enter whose practice, or which team, the feedback is about",
        "Nodwch ymarfer pwy, neu ba dîm, y mae’r adborth yn ymwneud ag ef",
    )
}

/// The organisation box's label.
pub fn organisation(lang: Lang) -> &'static str {
    say(
        lang,
        "Organisation or team (optional)",
        "Sefydliad neu dîm (dewisol)",
    )
}

/// The participants box's label.
pub fn participants(lang: Lang) -> &'static str {
    say(
        lang,
        "Who is taking part (optional)",
        "Pwy sy’n cymryd rhan (dewisol)",
    )
}

/// The participants box's hint.
pub fn participants_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "Roles rather than names are enough, for example “Principal Social Worker, AMHP lead, two team managers”.",
        "Mae rolau yn ddigon yn hytrach nag enwau, er enghraifft “Prif Weithiwr Cymdeithasol, arweinydd AMHP, dau reolwr tîm”.",
    )
}

/// The question of whose view an audit records.
pub fn perspective(lang: Lang) -> &'static str {
    say(
        lang,
        "Whose view does this audit record?",
        "Barn pwy y mae’r archwiliad hwn yn ei chofnodi?",
    )
}

/// The leaders' view.
pub fn perspective_leaders(lang: Lang) -> &'static str {
    say(
        lang,
        "Leaders (the usual audit)",
        "Arweinwyr (yr archwiliad arferol)",
    )
}

/// The practitioners' view.
pub fn perspective_practitioners(lang: Lang) -> &'static str {
    say(
        lang,
        "Practitioners answering the same items",
        "Ymarferwyr yn ateb yr un eitemau",
    )
}

/// The "about whom" box's label for a feedback collection.
pub fn about(lang: Lang) -> &'static str {
    say(
        lang,
        "Whose practice, or which team, is the feedback about?",
        "Ymarfer pwy, neu ba dîm, y mae’r adborth yn ymwneud ag ef?",
    )
}

/// The period's legend on the new-work page.
pub fn period_optional(lang: Lang) -> &'static str {
    say(
        lang,
        "The period the feedback covers (optional)",
        "Y cyfnod y mae’r adborth yn ei gwmpasu (dewisol)",
    )
}

/// The period's hint on the new-work page.
pub fn period_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "It is shown on the report. You can set or change it later on the collection’s page.",
        "Mae’n cael ei ddangos ar yr adroddiad. Gallwch ei osod neu ei newid yn nes ymlaen ar dudalen y casgliad.",
    )
}

/// The start of a period.
pub fn from(lang: Lang) -> &'static str {
    say(lang, "From", "O")
}

/// The end of a period.
pub fn to(lang: Lang) -> &'static str {
    say(lang, "To", "Hyd at")
}

/// After the questionnaire's title on a work's contents page: its version.
pub fn version_after_title(lang: Lang, version: &str) -> String {
    match lang {
        Lang::En => format!(", version {version}"),
        Lang::Cy => format!(", fersiwn {version}"),
    }
}

/// The contents page's heading above a feedback collection's actions.
pub fn collect_feedback(lang: Lang) -> &'static str {
    say(lang, "Collect feedback", "Casglu adborth")
}

/// Starts collection mode.
pub fn collect_on_device(lang: Lang) -> &'static str {
    say(lang, "Collect on this device", "Casglu ar y ddyfais hon")
}

/// After "Collect on this device".
pub fn one_after_another(lang: Lang) -> &'static str {
    say(
        lang,
        " for people to answer one after another.",
        " i bobl ateb y naill ar ôl y llall.",
    )
}

/// Opens the printable form.
pub fn print_paper(lang: Lang) -> &'static str {
    say(lang, "Print a paper version", "Argraffu fersiwn papur")
}

/// Opens paper entry.
pub fn type_in_paper(lang: Lang) -> &'static str {
    say(
        lang,
        "Type in returned paper forms",
        "Teipio ffurflenni papur a ddychwelwyd",
    )
}

/// Opens the feedback report.
pub fn see_combined_report(lang: Lang) -> &'static str {
    say(lang, "See the combined report", "Gweld yr adroddiad cyfun")
}

/// The contents page's heading above the sections.
pub fn sections(lang: Lang) -> &'static str {
    say(lang, "Sections", "Adrannau")
}

/// Opens an audit's results.
pub fn see_results(lang: Lang) -> &'static str {
    say(lang, "See results", "Gweld y canlyniadau")
}

/// The heading of a statement section's box drawn from the latest audit.
pub fn current_position_heading(lang: Lang) -> &'static str {
    say(
        lang,
        "Current position from your latest audit",
        "Y sefyllfa bresennol o’ch archwiliad diweddaraf",
    )
}

/// Which audit the current position comes from, and when it last changed.
pub fn current_position_from(lang: Lang, name: &str, changed: Date) -> String {
    let day = changed.long_in(lang);
    match lang {
        Lang::En => format!("From “{name}”, last changed {day}:"),
        Lang::Cy => format!("O “{name}”, newidiwyd ddiwethaf {day}:"),
    }
}

/// Under the current position, when the audit it comes from is not finished.
pub fn current_position_unfinished(lang: Lang, answered: u32, rated: u32) -> String {
    match lang {
        Lang::En => {
            let verb = if answered == 1 { "is" } else { "are" };
            format!(
                "Not finished yet: {answered} of its {rated} rated questions {verb} answered, so these scores can change."
            )
        }
        Lang::Cy => format!(
            "Heb ei orffen eto: mae {answered} o’i {rated} cwestiwn wedi’u graddio wedi’u hateb, felly gall y sgorau hyn newid."
        ),
    }
}

/// Under a date box that holds part of a date (a year still being typed, a day taken out).
pub fn date_unfinished(lang: Lang) -> &'static str {
    say(
        lang,
        "This is not a whole date yet: enter the day, the month and all four figures of the year. Until then, the date saved before is kept.",
        "Nid yw hwn yn ddyddiad cyfan eto: rhowch y diwrnod, y mis a phedwar ffigur y flwyddyn. Tan hynny, cedwir y dyddiad a gadwyd o’r blaen.",
    )
}

/// The heading of a statement section's box when no audit it could draw on is on the device.
pub fn no_audit_heading(lang: Lang) -> &'static str {
    say(
        lang,
        "No self-assessment on this device yet",
        "Dim hunanasesiad ar y ddyfais hon eto",
    )
}

/// What that box says.
pub fn no_audit_text(lang: Lang) -> &'static str {
    say(
        lang,
        "This section shows the latest self-assessment’s results, and none is kept on this device yet. Start one, or import one, from the home page, and its results will be shown here.",
        "Mae’r adran hon yn dangos canlyniadau’r hunanasesiad diweddaraf, ac nid oes un wedi’i gadw ar y ddyfais hon eto. Dechreuwch un, neu mewnforiwch un, o’r hafan, a bydd ei ganlyniadau’n cael eu dangos yma.",
    )
}

/// Copies the current position into a statement section's first answer box.
pub fn copy_current_position(lang: Lang) -> &'static str {
    say(
        lang,
        "Copy this into the first answer box to edit",
        "Copïo hyn i’r blwch ateb cyntaf i’w olygu",
    )
}

/// Said once the current position is copied into a statement section's first answer box.
pub fn position_copied(lang: Lang) -> &'static str {
    say(
        lang,
        "Copied into the first answer box, below.",
        "Wedi’i gopïo i’r blwch ateb cyntaf, isod.",
    )
}

/// Said when the copy button is pressed and the box already holds the current position.
pub fn position_already_copied(lang: Lang) -> &'static str {
    say(
        lang,
        "The first answer box, below, already holds it.",
        "Mae’r blwch ateb cyntaf, isod, yn ei gynnwys yn barod.",
    )
}

/// Opens a strategic statement as a document.
pub fn see_statement(lang: Lang) -> &'static str {
    say(
        lang,
        "See the statement as a document",
        "Gweld y datganiad fel dogfen",
    )
}

/// Opens a conversation record as a document.
pub fn see_record(lang: Lang) -> &'static str {
    say(
        lang,
        "See the record as a document",
        "Gweld y cofnod fel dogfen",
    )
}

/// Downloads a piece of work.
pub fn export_to_file(lang: Lang) -> &'static str {
    say(
        lang,
        "Export this work to a file",
        "Allforio’r gwaith hwn i ffeil",
    )
}

/// A section's progress: how many of its shown questions are answered.
pub fn progress(lang: Lang, answered: usize, shown: usize) -> String {
    if shown == 0 {
        return say(lang, "Not needed", "Dim angen").to_owned();
    }
    match (lang, answered == shown) {
        (Lang::En, true) => match shown {
            1 => "Complete: answered".to_owned(),
            2 => "Complete: both answered".to_owned(),
            _ => format!("Complete: all {shown} answered"),
        },
        (Lang::En, false) => format!("{answered} of {shown} answered"),
        (Lang::Cy, true) => format!("Wedi’i gwblhau: {}", all_answered(shown)),
        (Lang::Cy, false) => format!("{answered} o {shown} wedi’u hateb"),
    }
}

/// "All N answered" in Welsh: "yr 1 wedi’i ateb", "y ddau wedi’u hateb" (both), "y tri
/// wedi’u hateb", then "pob un o’r N wedi’u hateb".
fn all_answered(n: usize) -> String {
    match Lang::Cy.plural(n as u64) {
        PluralForm::One => "yr 1 wedi’i ateb".to_owned(),
        PluralForm::Two => "y ddau wedi’u hateb".to_owned(),
        PluralForm::Few => "y tri wedi’u hateb".to_owned(),
        _ => format!("pob un o’r {n} wedi’u hateb"),
    }
}

/// The page for a section the work does not have.
pub fn section_not_found(lang: Lang) -> &'static str {
    say(lang, "Section not found", "Heb ddod o hyd i’r adran")
}

/// Back from a section to the work's contents.
pub fn back_to_contents(lang: Lang) -> &'static str {
    say(lang, "Back to the contents", "Yn ôl i’r cynnwys")
}

/// Where a section is among them.
pub fn section_of(lang: Lang, position: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Section {position} of {total}"),
        Lang::Cy => format!("Adran {position} o {total}"),
    }
}

/// The easy-read switch on a section page.
pub fn show_easy_read(lang: Lang) -> &'static str {
    say(
        lang,
        "Show easy-read wording",
        "Dangos geiriad hawdd ei ddeall",
    )
}

/// Saves a section and goes on.
pub fn save_and_continue(lang: Lang) -> &'static str {
    say(lang, "Save and continue", "Cadw a pharhau")
}

/// A required question left unanswered (beside it).
pub fn answer_to_continue(lang: Lang) -> &'static str {
    say(
        lang,
        "Answer this question to continue",
        "Atebwch y cwestiwn hwn i barhau",
    )
}

/// A required question left unanswered (in the error summary).
pub fn answer_question(lang: Lang, question: &str) -> String {
    match lang {
        Lang::En => format!("Answer “{question}”"),
        Lang::Cy => format!("Atebwch “{question}”"),
    }
}

/// Before an error, for screen readers.
pub fn error_prefix(lang: Lang) -> &'static str {
    say(lang, "Error: ", "Gwall: ")
}

/// The error summary's heading.
pub fn there_is_a_problem(lang: Lang) -> &'static str {
    say(lang, "There is a problem", "Mae problem")
}

/// A section of figures only.
pub fn figures_not_scored(lang: Lang) -> &'static str {
    say(
        lang,
        "Figures are recorded as given and are not scored.",
        "Mae ffigurau’n cael eu cofnodi fel y’u rhoddwyd, ac nid ydynt yn cael sgôr.",
    )
}

/// A section's score so far.
pub fn section_so_far(lang: Lang, score: &str) -> String {
    match lang {
        Lang::En => format!("This section so far: {score}"),
        Lang::Cy => format!("Yr adran hon hyd yma: {score}"),
    }
}

/// A section with nothing scorable yet.
pub fn section_nothing_yet(lang: Lang) -> &'static str {
    say(
        lang,
        "This section so far: nothing scorable yet",
        "Yr adran hon hyd yma: dim byd i’w sgorio eto",
    )
}

/// Where a section's score so far would be, when the part of the toolkit that scores could
/// not be downloaded. Short, as it is drawn in the room kept for the score.
pub fn score_not_downloaded(lang: Lang) -> &'static str {
    say(
        lang,
        "No score: part of the toolkit did not download",
        "Dim sgôr: ni lawrlwythwyd rhan o’r pecyn cymorth",
    )
}

/// The evidence box's label.
pub fn evidence(lang: Lang) -> &'static str {
    say(lang, "Evidence", "Tystiolaeth")
}

/// The evidence box's hint when the question gives none.
pub fn what_shows_this(lang: Lang) -> &'static str {
    say(lang, "What shows this?", "Beth sy’n dangos hyn?")
}

/// The comment box's label.
pub fn comment(lang: Lang) -> &'static str {
    say(lang, "Comment", "Sylw")
}

/// The priority choice's legend.
pub fn priority(lang: Lang) -> &'static str {
    say(
        lang,
        "Priority for improvement",
        "Blaenoriaeth ar gyfer gwella",
    )
}

/// Takes a priority back.
pub fn clear_priority(lang: Lang) -> &'static str {
    say(lang, "Clear priority", "Clirio’r flaenoriaeth")
}

/// A priority's word.
pub fn priority_level(lang: Lang, level: crate::responses::Priority) -> &'static str {
    use crate::responses::Priority;
    match level {
        Priority::Low => say(lang, "Low", "Isel"),
        Priority::Medium => say(lang, "Medium", "Canolig"),
        Priority::High => say(lang, "High", "Uchel"),
    }
}

/// The heading above a collection's reflections.
pub fn reflection_heading(lang: Lang) -> &'static str {
    say(
        lang,
        "Your reflection on this feedback",
        "Eich myfyrdod ar yr adborth hwn",
    )
}

/// What a reflection is for.
pub fn reflection_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "Record what you take from the feedback, for supervision. It is kept with this collection on this device.",
        "Cofnodwch yr hyn rydych chi’n ei gymryd o’r adborth, ar gyfer goruchwyliaeth. Mae’n cael ei gadw gyda’r casgliad hwn ar y ddyfais hon.",
    )
}

/// Starts a reflection.
pub fn record_reflection(lang: Lang) -> &'static str {
    say(lang, "Record a reflection", "Cofnodi myfyrdod")
}

/// A new reflection's name.
pub fn reflection_name(lang: Lang, collection: &str) -> String {
    match lang {
        Lang::En => format!("Reflection on “{collection}”"),
        Lang::Cy => format!("Myfyrdod ar “{collection}”"),
    }
}

/// The period a collection covers, in words.
pub fn period_is(lang: Lang, from: Date, to: Date) -> String {
    let (from, to) = (from.long_in(lang), to.long_in(lang));
    match lang {
        Lang::En => format!("Period: {from} to {to}"),
        Lang::Cy => format!("Cyfnod: {from} i {to}"),
    }
}

/// A collection without a period.
pub fn period_not_set(lang: Lang) -> &'static str {
    say(
        lang,
        "Period: not set. Reports show the period when it is set.",
        "Cyfnod: heb ei osod. Mae adroddiadau’n dangos y cyfnod pan fydd wedi’i osod.",
    )
}

/// Saves the period.
pub fn save_period(lang: Lang) -> &'static str {
    say(lang, "Save the period", "Cadw’r cyfnod")
}

/// After the period is saved.
pub fn period_changed(lang: Lang) -> &'static str {
    say(lang, "The period is changed.", "Mae’r cyfnod wedi newid.")
}

/// The languages a collection is offered in, summarised.
pub fn languages_are(lang: Lang, offer: crate::work::LanguageOffer) -> String {
    let offer = language_offer(lang, offer);
    match lang {
        Lang::En => format!("Languages: {offer}"),
        Lang::Cy => format!("Ieithoedd: {offer}"),
    }
}

/// A language offer, in words.
pub fn language_offer(lang: Lang, offer: crate::work::LanguageOffer) -> &'static str {
    use crate::work::LanguageOffer;
    match offer {
        LanguageOffer::EnglishOnly => say(lang, "English only", "Saesneg yn unig"),
        LanguageOffer::WelshFirst => say(
            lang,
            "Welsh first (Cymraeg yn gyntaf), then English",
            "Cymraeg yn gyntaf, yna Saesneg",
        ),
        LanguageOffer::EnglishFirst => say(
            lang,
            "English first, then Welsh (Cymraeg)",
            "Saesneg yn gyntaf, yna Cymraeg",
        ),
    }
}

/// The language offer's legend.
pub fn languages_legend(lang: Lang) -> &'static str {
    say(
        lang,
        "Which languages people can answer in",
        "Ym mha ieithoedd y gall pobl ateb",
    )
}

/// The language offer's hint.
pub fn languages_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "With Welsh offered, each person chooses Cymraeg or English on the first screen, before anything else, and can change language on every screen without losing an answer. Answers in either language count together in the report.",
        "Pan gynigir y Gymraeg, mae pob person yn dewis Cymraeg neu English ar y sgrin gyntaf, cyn unrhyw beth arall, a gall newid iaith ar bob sgrin heb golli ateb. Mae atebion yn y naill iaith neu’r llall yn cyfrif gyda’i gilydd yn yr adroddiad.",
    )
}

/// Saves the language offer.
pub fn save_languages(lang: Lang) -> &'static str {
    say(lang, "Save the languages", "Cadw’r ieithoedd")
}

/// After the language offer is saved.
pub fn languages_changed(lang: Lang) -> &'static str {
    say(
        lang,
        "The languages are changed.",
        "Mae’r ieithoedd wedi newid.",
    )
}

/// A questionnaire's translation into `translated` has not been checked.
pub fn translation_unchecked(lang: Lang, translated: Lang) -> &'static str {
    match (lang, translated) {
        (Lang::En, Lang::Cy) => "The Welsh has not yet been checked by a Welsh speaker.",
        (Lang::En, Lang::En) => "The English has not yet been checked by an English speaker.",
        (Lang::Cy, Lang::Cy) => "Nid yw’r Gymraeg wedi cael ei gwirio gan siaradwr Cymraeg eto.",
        (Lang::Cy, Lang::En) => "Nid yw’r Saesneg wedi cael ei gwirio gan siaradwr Saesneg eto.",
    }
}

/// The heading of the notice that a piece of work's questionnaire has a new version.
pub fn questionnaire_changed(lang: Lang) -> &'static str {
    say(
        lang,
        "The questionnaire has changed",
        "Mae’r holiadur wedi newid",
    )
}

/// Which version the work was saved with, and which is in use now.
pub fn saved_with_version(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::En => format!(
            "This work was saved with version {from} of the questionnaire; version {to} is in use now."
        ),
        Lang::Cy => format!(
            "Cafodd y gwaith hwn ei gadw gyda fersiwn {from} o’r holiadur; mae fersiwn {to} yn cael ei ddefnyddio nawr."
        ),
    }
}

/// Before the list of answers that move to a question reworded in the new version.
pub fn answers_will_move(lang: Lang) -> &'static str {
    say(
        lang,
        "Answers to these questions, which the new version asks in new words, will move to the question that replaced them:",
        "Bydd atebion i’r cwestiynau hyn, y mae’r fersiwn newydd yn eu gofyn mewn geiriau newydd, yn symud i’r cwestiwn a ddaeth yn eu lle:",
    )
}

/// One answer moving from an old question to its new one.
pub fn moves_to(lang: Lang, old: &str, new: &str) -> String {
    match lang {
        Lang::En => format!("\u{201c}{old}\u{201d} to \u{201c}{new}\u{201d}"),
        Lang::Cy => format!("\u{201c}{old}\u{201d} i \u{201c}{new}\u{201d}"),
    }
}

/// Every answer still fits the new version.
pub fn none_kept_aside(lang: Lang) -> &'static str {
    say(
        lang,
        "No answer will be kept aside: every other answer still fits the new version and will be kept as it is.",
        "Ni fydd unrhyw ateb yn cael ei gadw o’r neilltu: mae pob ateb arall yn dal i gyd-fynd â’r fersiwn newydd a bydd yn cael ei gadw fel y mae.",
    )
}

/// Before the list of answers the new version will keep aside.
pub fn will_be_kept_aside(lang: Lang) -> &'static str {
    say(
        lang,
        "Answers to these questions, which the new version no longer asks in the same way, will be kept aside with the work (never deleted) and listed here:",
        "Bydd atebion i’r cwestiynau hyn, nad yw’r fersiwn newydd yn eu gofyn yn yr un ffordd mwyach, yn cael eu cadw o’r neilltu gyda’r gwaith (heb eu dileu byth) a’u rhestru yma:",
    )
}

/// What a new version does to a collection's responses: those to reworded questions count with
/// the new question, those to questions no longer asked (`kept`) are listed but not counted.
pub fn responses_in_new_version(lang: Lang, carried: usize, kept: &[String]) -> String {
    let count = crate::report::grouped(carried as u64);
    match lang {
        Lang::En => format!(
            "The responses collected stay as they were given. In reports, {count} {} to questions asked in new words {} with the new question{}",
            if carried == 1 { "answer" } else { "answers" },
            if carried == 1 { "counts" } else { "count" },
            if kept.is_empty() {
                ".".to_owned()
            } else {
                format!(
                    "; answers to these questions, no longer asked, are listed but not counted: {}.",
                    kept.join("; ")
                )
            }
        ),
        Lang::Cy => format!(
            "Mae’r ymatebion a gasglwyd yn aros fel y cawsant eu rhoi. Mewn adroddiadau, mae atebion i gwestiynau a ofynnir mewn geiriau newydd (nifer: {count}) yn cyfrif gyda’r cwestiwn newydd{}",
            if kept.is_empty() {
                ".".to_owned()
            } else {
                format!(
                    "; mae atebion i’r cwestiynau hyn, nad ydynt yn cael eu gofyn mwyach, wedi’u rhestru ond heb eu cyfrif: {}.",
                    kept.join("; ")
                )
            }
        ),
    }
}

/// What happens to every other answer in a new version.
pub fn other_answers_kept(lang: Lang) -> &'static str {
    say(
        lang,
        "Answers to every other question are kept. New questions start unanswered.",
        "Mae atebion i bob cwestiwn arall yn cael eu cadw. Mae cwestiynau newydd yn dechrau heb eu hateb.",
    )
}

/// The button that moves a piece of work to the new version.
pub fn continue_with_new_version(lang: Lang) -> &'static str {
    say(
        lang,
        "Continue with the new version",
        "Parhau gyda’r fersiwn newydd",
    )
}

/// The heading of the answers a new version kept aside.
pub fn answers_kept_aside(lang: Lang) -> &'static str {
    say(lang, "Answers kept aside", "Atebion a gadwyd o’r neilltu")
}

/// Above the answers a new version kept aside.
pub fn kept_aside_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "The questionnaire has changed since these answers were given, and these questions are no longer asked. Their answers are kept with the work and included when you export it:",
        "Mae’r holiadur wedi newid ers i’r atebion hyn gael eu rhoi, ac nid yw’r cwestiynau hyn yn cael eu gofyn mwyach. Mae eu hatebion yn cael eu cadw gyda’r gwaith ac yn cael eu cynnwys pan fyddwch yn ei allforio:",
    )
}

/// An answer kept aside, after its question.
pub fn kept_answer(lang: Lang, answer: &str) -> String {
    match lang {
        Lang::En => format!("Answer: {answer}"),
        Lang::Cy => format!("Ateb: {answer}"),
    }
}

/// A question the definition no longer has a text for, by its id.
pub fn question_by_id(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("Question {id}"),
        Lang::Cy => format!("Cwestiwn {id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_audit_message_has_welsh_of_its_own() {
        let fixed: [fn(Lang) -> &'static str; 41] = [
            start_prefix,
            name,
            |l| name_hint(l, crate::definition::ToolKind::Audit),
            |l| name_hint(l, crate::definition::ToolKind::Feedback),
            |l| name_hint(l, crate::definition::ToolKind::Conversation),
            |l| name_hint(l, crate::definition::ToolKind::Statement),
            enter_name,
            enter_about,
            organisation,
            participants,
            participants_hint,
            perspective,
            perspective_leaders,
            perspective_practitioners,
            about,
            period_optional,
            period_hint,
            from,
            to,
            collect_feedback,
            collect_on_device,
            one_after_another,
            print_paper,
            type_in_paper,
            see_combined_report,
            sections,
            see_results,
            see_statement,
            see_record,
            export_to_file,
            section_not_found,
            back_to_contents,
            show_easy_read,
            save_and_continue,
            answer_to_continue,
            error_prefix,
            there_is_a_problem,
            figures_not_scored,
            section_nothing_yet,
            evidence,
            what_shows_this,
        ];
        let more: [fn(Lang) -> &'static str; 16] = [
            period_no_end,
            period_no_start,
            |l| period_not_a_date(l, false),
            |l| period_not_a_date(l, true),
            comment,
            priority,
            clear_priority,
            reflection_heading,
            reflection_intro,
            record_reflection,
            period_not_set,
            save_period,
            period_changed,
            languages_legend,
            languages_hint,
            save_languages,
        ];
        for message in fixed.into_iter().chain(more) {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!en.trim().is_empty(), "an empty English message");
            assert!(
                !cy.trim().is_empty() && en != cy,
                "{en:?} has no Welsh of its own"
            );
        }
        assert_ne!(languages_changed(Lang::En), languages_changed(Lang::Cy));
        assert_eq!(
            collection_size(Lang::En, 6),
            crate::report::collection_size(6)
        );
        let sizes: Vec<String> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| collection_size(Lang::Cy, n))
            .collect();
        assert_eq!(
            sizes,
            [
                "Dim ymatebion eto. Mae angen 5 arall cyn i’r adroddiad cyfun ddangos unrhyw ffigurau: ni ddangosir grwpiau llai na 5 byth, fel na all neb gael ei adnabod.",
                "1 ymateb hyd yma. Mae angen 4 arall cyn i’r adroddiad cyfun ddangos unrhyw ffigurau: ni ddangosir grwpiau llai na 5 byth, fel na all neb gael ei adnabod.",
                "2 ymateb hyd yma. Mae angen 3 arall cyn i’r adroddiad cyfun ddangos unrhyw ffigurau: ni ddangosir grwpiau llai na 5 byth, fel na all neb gael ei adnabod.",
                "3 ymateb hyd yma. Mae angen 2 arall cyn i’r adroddiad cyfun ddangos unrhyw ffigurau: ni ddangosir grwpiau llai na 5 byth, fel na all neb gael ei adnabod.",
                "6 ymateb hyd yma. Gall yr adroddiad cyfun ddangos ei ffigurau.",
                "20 o ymatebion hyd yma. Gall yr adroddiad cyfun ddangos ei ffigurau.",
            ]
        );
        assert_eq!(
            shorten_box(Lang::En, "the organisation or team", 200),
            "Shorten the organisation or team to 200 characters or fewer"
        );
        assert_eq!(
            shorten_box(Lang::Cy, "the organisation or team", 200),
            "Byrhewch y testun yn y blwch hwn i 200 o nodau neu lai"
        );
        assert_eq!(
            shorten_box(Lang::Cy, "x", 3),
            "Byrhewch y testun yn y blwch hwn i 3 nod neu lai"
        );
        for offer in crate::work::LanguageOffer::ALL {
            assert_eq!(language_offer(Lang::En, offer), offer.label());
            assert_ne!(language_offer(Lang::Cy, offer), offer.label());
        }
        for translated in Lang::ALL {
            assert_ne!(
                translation_unchecked(Lang::En, translated),
                translation_unchecked(Lang::Cy, translated)
            );
        }
        for level in crate::responses::Priority::ALL {
            assert_eq!(priority_level(Lang::En, level), level.label());
            assert_ne!(priority_level(Lang::Cy, level), level.label());
        }
    }

    #[test]
    fn english_progress_says_one_and_two_as_people_do() {
        let said: Vec<String> = [(0, 0), (2, 5), (1, 1), (2, 2), (5, 5)]
            .into_iter()
            .map(|(answered, shown)| progress(Lang::En, answered, shown))
            .collect();
        assert_eq!(
            said,
            vec![
                "Not needed",
                "2 of 5 answered",
                "Complete: answered",
                "Complete: both answered",
                "Complete: all 5 answered",
            ]
        );
    }

    #[test]
    fn welsh_progress_and_counts_take_their_forms() {
        let complete: Vec<String> = [1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| progress(Lang::Cy, n, n))
            .collect();
        assert_eq!(
            complete,
            vec![
                "Wedi’i gwblhau: yr 1 wedi’i ateb",
                "Wedi’i gwblhau: y ddau wedi’u hateb",
                "Wedi’i gwblhau: y tri wedi’u hateb",
                "Wedi’i gwblhau: pob un o’r 6 wedi’u hateb",
                "Wedi’i gwblhau: pob un o’r 20 wedi’u hateb",
            ]
        );
        assert_eq!(progress(Lang::Cy, 0, 0), "Dim angen");
        assert_eq!(progress(Lang::Cy, 2, 6), "2 o 6 wedi’u hateb");
        let day: Date = "2026-11-30".parse().expect("a date");
        assert_eq!(
            default_name(Lang::Cy, "Archwiliad", day),
            "Archwiliad, 30 Tachwedd 2026"
        );
    }
}

/// "2 le degol": a count of decimal places in Welsh ("lle" softens after two).
fn decimal_places_cy(n: u8) -> String {
    match Lang::Cy.plural(u64::from(n)) {
        PluralForm::Two => format!("{n} le degol"),
        _ => format!("{n} lle degol"),
    }
}

/// The hint under a number question that says what it accepts: "A number from 0 to 500, with
/// up to 1 decimal place" ([`crate::number::NumberRule::hint`] in English).
pub fn number_hint(lang: Lang, rule: &crate::number::NumberRule) -> String {
    match lang {
        Lang::En => rule.hint(),
        Lang::Cy => {
            let places = match rule.decimals {
                0 => ", rhif cyfan".to_owned(),
                n => format!(", gyda hyd at {}", decimal_places_cy(n)),
            };
            format!("Rhif o {} i {}{places}", rule.min, rule.max)
        }
    }
}

/// What is wrong with a typed number, and how to put it right (the problem's own words in
/// English), for a box that takes numbers as `rule` says: a box for whole numbers never gives
/// 12.5 as its example.
pub fn number_problem(
    lang: Lang,
    problem: &crate::number::NumberProblem,
    rule: &crate::number::NumberRule,
) -> String {
    use crate::number::NumberProblem as P;
    let whole = rule.decimals == 0;
    match (lang, problem) {
        (Lang::En, P::NotANumber) if whole => {
            "Enter a whole number using digits, for example 12".to_owned()
        }
        (Lang::Cy, P::NotANumber) if whole => {
            "Rhowch rif cyfan gan ddefnyddio digidau, er enghraifft 12".to_owned()
        }
        (Lang::En, problem) => problem.to_string(),
        (Lang::Cy, P::NotANumber) => {
            "Rhowch rif gan ddefnyddio digidau, er enghraifft 12 neu 12.5".to_owned()
        }
        (Lang::Cy, P::TooLong) => "Rhowch rif o 15 digid ar y mwyaf".to_owned(),
        (Lang::Cy, P::Ambiguous { whole, decimal }) => format!(
            "Rhowch {whole} heb goma, neu defnyddiwch atalnod llawn ar gyfer degolion ({decimal})"
        ),
        (Lang::Cy, P::BelowMinimum { min }) => format!("Rhowch {min} neu fwy"),
        (Lang::Cy, P::AboveMaximum { max }) => format!("Rhowch {max} neu lai"),
        (Lang::Cy, P::TooManyDecimals { allowed: 0 }) => {
            "Rhowch rif cyfan, heb ddegolion".to_owned()
        }
        (Lang::Cy, P::TooManyDecimals { allowed }) => {
            format!("Rhowch rif gyda {} ar y mwyaf", decimal_places_cy(*allowed))
        }
    }
}

/// Under a number box whose figure is refused: the figure still saved for it.
pub fn number_still_saved(lang: Lang, kept: &crate::number::Decimal) -> String {
    match lang {
        Lang::En => format!("Still saved: {kept}"),
        Lang::Cy => format!("Yn dal wedi’i gadw: {kept}"),
    }
}

#[cfg(test)]
mod number_words_tests {
    use super::*;
    use crate::number::{NumberProblem, NumberRule};

    #[test]
    fn number_hints_and_problems_are_in_welsh_and_unchanged_in_english() {
        let rule = NumberRule {
            min: 0,
            max: 500,
            decimals: 2,
        };
        assert_eq!(number_hint(Lang::En, &rule), rule.hint());
        assert_eq!(
            number_hint(Lang::Cy, &rule),
            "Rhif o 0 i 500, gyda hyd at 2 le degol"
        );
        let whole = NumberRule {
            decimals: 0,
            ..rule
        };
        assert_eq!(number_hint(Lang::Cy, &whole), "Rhif o 0 i 500, rhif cyfan");
        let problem = NumberProblem::AboveMaximum { max: 500 };
        assert_eq!(
            number_problem(Lang::En, &problem, &rule),
            "Enter 500 or less"
        );
        assert_eq!(
            number_problem(Lang::Cy, &problem, &rule),
            "Rhowch 500 neu lai"
        );
        assert_eq!(
            number_problem(
                Lang::Cy,
                &NumberProblem::TooManyDecimals { allowed: 3 },
                &rule
            ),
            "Rhowch rif gyda 3 lle degol ar y mwyaf"
        );
        // "95%" in a box for whole numbers is not answered with an example of 12.5.
        assert_eq!(
            number_problem(Lang::En, &NumberProblem::NotANumber, &whole),
            "Enter a whole number using digits, for example 12"
        );
        assert_eq!(
            number_problem(Lang::En, &NumberProblem::NotANumber, &rule),
            "Enter a number using digits, for example 12 or 12.5"
        );
    }
}

#[cfg(test)]
mod version_change_tests {
    use super::*;

    #[test]
    fn the_version_change_notice_reads_as_before_in_english_and_has_welsh() {
        assert_eq!(
            saved_with_version(Lang::En, "1.0.0", "2.0.0"),
            "This work was saved with version 1.0.0 of the questionnaire; version 2.0.0 is in use now."
        );
        assert_eq!(
            responses_in_new_version(Lang::En, 1, &[]),
            "The responses collected stay as they were given. In reports, 1 answer to questions asked in new words counts with the new question."
        );
        assert_eq!(
            responses_in_new_version(Lang::En, 1200, &["Old one".to_owned()]),
            "The responses collected stay as they were given. In reports, 1,200 answers to questions asked in new words count with the new question; answers to these questions, no longer asked, are listed but not counted: Old one."
        );
        assert!(
            responses_in_new_version(Lang::Cy, 3, &["Hen un".to_owned()]).ends_with(": Hen un.")
        );
        assert_eq!(
            moves_to(Lang::Cy, "a", "b"),
            "\u{201c}a\u{201d} i \u{201c}b\u{201d}"
        );
        let fixed: [fn(Lang) -> &'static str; 8] = [
            questionnaire_changed,
            answers_will_move,
            none_kept_aside,
            will_be_kept_aside,
            other_answers_kept,
            continue_with_new_version,
            answers_kept_aside,
            kept_aside_intro,
        ];
        for message in fixed {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!cy.is_empty() && en != cy, "{en:?} has no Welsh of its own");
        }
    }
}
