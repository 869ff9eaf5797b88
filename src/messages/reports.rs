//! The results and plan pages' own words (headings, comparison controls, buttons): not the
//! report's, which are the report model's ([`crate::report`]). Reached only from the reports
//! part of the app.

use super::say;
use crate::date::Date;
use crate::lang::{Lang, PluralForm};

/// The results page's heading.
pub fn results_of(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Results: {name}"),
        Lang::Cy => format!("Canlyniadau: {name}"),
    }
}

/// A strategic statement's page, as a document: its heading.
pub fn statement_of(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Strategic statement: {name}"),
        Lang::Cy => format!("Datganiad strategol: {name}"),
    }
}

/// The comparison controls' heading.
pub fn compare(lang: Lang) -> &'static str {
    say(lang, "Compare", "Cymharu")
}

/// The previous-cycle choice's label.
pub fn compare_previous(lang: Lang) -> &'static str {
    say(
        lang,
        "Compare with a previous cycle",
        "Cymharu â chylch blaenorol",
    )
}

/// One audit offered as the previous cycle: its name and when it last changed.
pub fn previous_cycle_option(lang: Lang, name: &str, changed: Date) -> String {
    let day = changed.long_in(lang);
    match lang {
        Lang::En => format!("{name} (last changed {day})"),
        Lang::Cy => format!("{name} (newidiwyd ddiwethaf {day})"),
    }
}

/// The previous-cycle choice's hint.
pub fn compare_previous_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "Choose last year’s audit of the same questionnaire. To use one from another device, import its exported file on the home page first.",
        "Dewiswch archwiliad y llynedd o’r un holiadur. I ddefnyddio un o ddyfais arall, mewnforiwch ei ffeil wedi’i hallforio ar yr hafan yn gyntaf.",
    )
}

/// No previous cycle chosen.
pub fn no_comparison(lang: Lang) -> &'static str {
    say(lang, "No comparison", "Dim cymhariaeth")
}

/// Nothing set beside the audit.
pub fn none(lang: Lang) -> &'static str {
    say(lang, "None", "Dim")
}

/// The practitioners' audit choice's label.
pub fn beside_practitioners(lang: Lang) -> &'static str {
    say(
        lang,
        "Set practitioners’ answers beside this audit",
        "Gosod atebion ymarferwyr ochr yn ochr â’r archwiliad hwn",
    )
}

/// The practitioners' audit choice's hint.
pub fn beside_practitioners_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "Choose an audit of the same questionnaire that practitioners completed (“Whose view: practitioners” when it was started).",
        "Dewiswch archwiliad o’r un holiadur a gwblhawyd gan ymarferwyr (“Barn pwy: ymarferwyr” pan gafodd ei ddechrau).",
    )
}

/// The feedback choice's label.
pub fn beside_feedback(lang: Lang) -> &'static str {
    say(
        lang,
        "Set feedback from people who use services beside this audit",
        "Gosod adborth gan bobl sy’n defnyddio gwasanaethau ochr yn ochr â’r archwiliad hwn",
    )
}

/// The feedback choice's hint.
pub fn beside_feedback_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "Choose a feedback collection. Themes with fewer than five responses are not shown.",
        "Dewiswch gasgliad adborth. Nid yw themâu â llai na phum ymateb yn cael eu dangos.",
    )
}

/// The peer file's label.
pub fn compare_peers(lang: Lang) -> &'static str {
    say(
        lang,
        "Compare with peers: import a peer reference set",
        "Cymharu â chymheiriaid: mewnforio set gyfeirio cymheiriaid",
    )
}

/// The peer file's hint.
pub fn compare_peers_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "A file made with “mhsw peers” from several organisations’ exported audits. It holds only medians and quartiles, never names; groups of fewer than five organisations are never shown.",
        "Ffeil a wnaed gyda “mhsw peers” o archwiliadau wedi’u hallforio gan sawl sefydliad. Dim ond canolrifau a chwartelau sydd ynddi, byth enwau; nid yw grwpiau o lai na phum sefydliad byth yn cael eu dangos.",
    )
}

/// A peer set is in use.
pub fn peers_in_use(lang: Lang) -> &'static str {
    say(
        lang,
        "A peer reference set is in use. ",
        "Mae set gyfeirio cymheiriaid yn cael ei defnyddio. ",
    )
}

/// Stops the peer comparison.
pub fn stop_peers(lang: Lang) -> &'static str {
    say(
        lang,
        "Stop comparing with peers",
        "Peidio â chymharu â chymheiriaid",
    )
}

/// The report's PDF button.
pub fn download_report_pdf(lang: Lang) -> &'static str {
    say(
        lang,
        "Download the report (PDF)",
        "Lawrlwytho’r adroddiad (PDF)",
    )
}

/// The plan's PDF button.
pub fn download_plan_pdf(lang: Lang) -> &'static str {
    say(
        lang,
        "Download the plan on its own (PDF, landscape)",
        "Lawrlwytho’r cynllun ar ei ben ei hun (PDF, tirlun)",
    )
}

/// Opens the plan page.
pub fn edit_plan(lang: Lang) -> &'static str {
    say(lang, "Edit the plan", "Golygu’r cynllun")
}

/// Under a PDF button while it works.
pub fn making_pdf(lang: Lang) -> &'static str {
    say(lang, "Making the PDF…", "Wrthi’n gwneud y PDF…")
}

/// A tool without a plan.
pub fn no_plan(lang: Lang) -> &'static str {
    say(
        lang,
        "This tool has no plan",
        "Nid oes cynllun gan yr offeryn hwn",
    )
}

/// Heading above the proposed actions.
pub fn proposed(lang: Lang) -> &'static str {
    say(
        lang,
        "Proposed from your answers",
        "Wedi’u cynnig o’ch atebion",
    )
}

/// Why these are proposed.
pub fn proposed_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "These items are legal risks (listed first), were rated in a band that calls for action, or were marked high priority, and are not in the plan yet.",
        "Mae’r eitemau hyn yn risgiau cyfreithiol (wedi’u rhestru gyntaf), wedi’u graddio mewn band sy’n galw am weithredu, neu wedi’u nodi’n flaenoriaeth uchel, ac nid ydynt yn y cynllun eto.",
    )
}

/// Adds one proposed action.
pub fn add_to_plan(lang: Lang) -> &'static str {
    say(lang, "Add to plan", "Ychwanegu at y cynllun")
}

/// Adds every proposed action.
pub fn add_all(lang: Lang) -> &'static str {
    say(
        lang,
        "Add all proposed actions",
        "Ychwanegu’r holl gamau a gynigiwyd",
    )
}

/// Adds a blank action.
pub fn add_action(lang: Lang) -> &'static str {
    say(lang, "Add an action", "Ychwanegu cam gweithredu")
}

/// Downloads the plan as CSV.
pub fn download_csv(lang: Lang) -> &'static str {
    say(
        lang,
        "Download the plan as a spreadsheet (CSV)",
        "Lawrlwytho’r cynllun fel taenlen (CSV)",
    )
}

/// A plan row's legend.
pub fn action_number(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Action {n}"),
        Lang::Cy => format!("Cam gweithredu {n}"),
    }
}

/// Removes a plan row.
pub fn remove_action(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Remove action {n}"),
        Lang::Cy => format!("Dileu cam gweithredu {n}"),
    }
}

/// The row removal's question's name, for screen readers.
pub fn confirm_remove_action(lang: Lang) -> &'static str {
    say(
        lang,
        "Confirm removing the action",
        "Cadarnhau dileu’r cam gweithredu",
    )
}

/// The row removal's question.
pub fn remove_action_question(lang: Lang) -> &'static str {
    say(
        lang,
        "Remove this action from the plan?",
        "Dileu’r cam gweithredu hwn o’r cynllun?",
    )
}

/// Confirms a row removal.
pub fn yes_remove(lang: Lang) -> &'static str {
    say(lang, "Yes, remove it", "Ie, ei ddileu")
}

/// A row past its target date.
pub fn overdue(lang: Lang, today: Date) -> String {
    let today = today.long_in(lang);
    match lang {
        Lang::En => format!("Overdue: the target date has passed (today is {today})."),
        Lang::Cy => format!("Yn hwyr: mae’r dyddiad targed wedi mynd heibio (heddiw yw {today})."),
    }
}

/// A PDF made and downloaded: its file name, size and how long it took.
pub fn pdf_ready(
    lang: Lang,
    written_in: Lang,
    file: &str,
    kilobytes: usize,
    milliseconds: f64,
) -> String {
    // A PDF in the other language says so (made before a switch of the page's language).
    let other = match (lang, written_in) {
        (Lang::En, Lang::Cy) => ", in Welsh",
        (Lang::Cy, Lang::En) => ", yn Saesneg",
        _ => "",
    };
    match lang {
        Lang::En => format!(
            "Your PDF is ready{other}: {file} ({kilobytes} KB, made in {milliseconds:.0} ms)."
        ),
        Lang::Cy => format!(
            "Mae eich PDF yn barod{other}: {file} ({kilobytes} KB, wedi’i wneud mewn {milliseconds:.0} ms)."
        ),
    }
}

/// After why a PDF could not be made: what to do.
pub fn pdf_try_again(lang: Lang) -> &'static str {
    say(
        lang,
        "Try again; if it keeps happening, use your browser’s Print instead.",
        "Rhowch gynnig arall arni; os yw’n dal i ddigwydd, defnyddiwch Argraffu yn eich porwr yn lle hynny.",
    )
}

/// While a PDF is made: the report's or the plan's.
pub fn making_which_pdf(lang: Lang, plan: bool) -> &'static str {
    match (lang, plan) {
        (Lang::En, false) => "Making the report PDF… you can keep using the page.",
        (Lang::En, true) => "Making the plan PDF… you can keep using the page.",
        (Lang::Cy, false) => {
            "Wrthi’n gwneud PDF yr adroddiad… gallwch ddal i ddefnyddio’r dudalen."
        }
        (Lang::Cy, true) => "Wrthi’n gwneud PDF y cynllun… gallwch ddal i ddefnyddio’r dudalen.",
    }
}

/// Before what a PDF could not draw.
pub fn check_before_sharing(lang: Lang) -> &'static str {
    say(
        lang,
        "Check before you share it: ",
        "Gwiriwch cyn ei rannu: ",
    )
}

/// A peer reference set read and kept.
pub fn peers_imported(lang: Lang) -> &'static str {
    say(
        lang,
        "The peer reference set was imported.",
        "Mae’r set gyfeirio cymheiriaid wedi’i mewnforio.",
    )
}

/// A peer reference set refused, and why.
pub fn peers_not_imported(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("The peer reference set was not imported, and nothing changed: {why}."),
        Lang::Cy => format!(
            "Ni chafodd y set gyfeirio cymheiriaid ei mewnforio, a does dim wedi newid: {why}."
        ),
    }
}

/// The report-language choice's legend.
pub fn report_language(lang: Lang) -> &'static str {
    say(lang, "Report language", "Iaith yr adroddiad")
}

/// The report-language choice's hint.
pub fn report_language_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "The report on this page and its PDF are written in the language chosen. The report’s own Welsh wording has not yet been checked by a Welsh speaker.",
        "Mae’r adroddiad ar y dudalen hon a’i PDF wedi’u hysgrifennu yn yr iaith a ddewiswyd. Nid yw geiriad Cymraeg yr adroddiad ei hun wedi cael ei wirio gan siaradwr Cymraeg eto.",
    )
}

/// After an optional plan field's label.
pub fn optional(lang: Lang) -> &'static str {
    say(lang, " (optional)", " (dewisol)")
}

/// The plan page's summary line: how many actions, how many at each status, what is overdue and
/// what lacks a required detail. "3 actions in the plan: 2 not started, 1 in progress; 1 overdue
/// on 30 November 2026."; in Welsh "3 cham gweithredu yn y cynllun: …".
pub fn plan_summary_line(lang: Lang, summary: &crate::plan::PlanSummary) -> String {
    let actions = actions_count(lang, summary.rows);
    let statuses: Vec<String> = summary
        .by_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| {
            let word = crate::report::audit_words::status(lang, *status);
            format!("{n} {}", word.to_lowercase())
        })
        .collect();
    let statuses = if statuses.is_empty() {
        String::new()
    } else {
        format!(": {}", statuses.join(", "))
    };
    let today = summary.today.long_in(lang);
    let overdue = match (summary.overdue, lang) {
        (0, _) => String::new(),
        (n, Lang::En) => format!("; {n} overdue on {today}"),
        (n, Lang::Cy) => format!("; {n} yn hwyr ar {today}"),
    };
    let incomplete = match (summary.incomplete, lang) {
        (0, _) => String::new(),
        (n, Lang::En) => format!("; {n} missing a required detail"),
        (n, Lang::Cy) => format!("; {n} heb fanylyn gofynnol"),
    };
    match lang {
        Lang::En => format!("{actions} in the plan{statuses}{overdue}{incomplete}."),
        Lang::Cy => format!("{actions} yn y cynllun{statuses}{overdue}{incomplete}."),
    }
}

/// How many actions, in words, with Welsh's plural forms: "3 actions", "3 cham gweithredu";
/// none is "Dim camau gweithredu" in Welsh.
fn actions_count(lang: Lang, n: usize) -> String {
    match (lang, lang.plural(n as u64)) {
        (Lang::En, _) => format!("{n} {}", if n == 1 { "action" } else { "actions" }),
        (Lang::Cy, PluralForm::Zero) => "Dim camau gweithredu".to_owned(),
        (Lang::Cy, PluralForm::One) => format!("{n} cam gweithredu"),
        (Lang::Cy, PluralForm::Two) => format!("{n} gam gweithredu"),
        (Lang::Cy, PluralForm::Few | PluralForm::Many) => format!("{n} cham gweithredu"),
        (Lang::Cy, PluralForm::Other) => format!("{n} o gamau gweithredu"),
    }
}

/// "Download the plan as a spreadsheet" pressed with no action in the plan: no file is made.
pub fn plan_csv_empty(lang: Lang) -> &'static str {
    say(
        lang,
        "The plan has no actions yet, so there is nothing to download. Add an action first.",
        "Nid oes camau gweithredu yn y cynllun eto, felly nid oes dim i’w lawrlwytho. Ychwanegwch gam gweithredu yn gyntaf.",
    )
}

/// The plan was offered as the download `file`, with `rows` actions.
pub fn plan_csv_downloaded(lang: Lang, file: &str, rows: usize) -> String {
    let actions = actions_count(lang, rows);
    match lang {
        Lang::En => format!("Downloaded “{file}”, with {actions}."),
        Lang::Cy => format!("Wedi lawrlwytho “{file}”, gyda {actions}."),
    }
}

/// The browser refused the plan's download, for `reason` (its own words).
pub fn plan_csv_failed(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!(
            "The spreadsheet could not be downloaded ({reason}). Nothing in the plan has changed."
        ),
        Lang::Cy => format!(
            "Nid oedd modd lawrlwytho’r daenlen ({reason}). Nid oes dim yn y cynllun wedi newid."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reports_message_has_welsh_of_its_own() {
        let fixed: [fn(Lang) -> &'static str; 28] = [
            compare,
            compare_previous,
            compare_previous_hint,
            no_comparison,
            none,
            beside_practitioners,
            beside_practitioners_hint,
            beside_feedback,
            beside_feedback_hint,
            compare_peers,
            compare_peers_hint,
            peers_in_use,
            stop_peers,
            download_report_pdf,
            download_plan_pdf,
            edit_plan,
            making_pdf,
            no_plan,
            proposed,
            proposed_explained,
            add_to_plan,
            add_all,
            add_action,
            download_csv,
            plan_csv_empty,
            remove_action_question,
            confirm_remove_action,
            yes_remove,
        ];
        for message in fixed {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!en.trim().is_empty(), "an empty English message");
            assert!(
                !cy.trim().is_empty() && en != cy,
                "{en:?} has no Welsh of its own"
            );
        }
        let day: Date = "2026-11-30".parse().expect("a date");
        assert_eq!(
            overdue(Lang::Cy, day),
            "Yn hwyr: mae’r dyddiad targed wedi mynd heibio (heddiw yw 30 Tachwedd 2026)."
        );
        assert_eq!(results_of(Lang::Cy, "A"), "Canlyniadau: A");
        assert_eq!(
            plan_csv_downloaded(Lang::En, "a-plan.csv", 1),
            "Downloaded “a-plan.csv”, with 1 action."
        );
        assert_eq!(
            plan_csv_downloaded(Lang::Cy, "a-plan.csv", 3),
            "Wedi lawrlwytho “a-plan.csv”, gyda 3 cham gweithredu."
        );
    }
}

#[cfg(test)]
mod plan_line_tests {
    use super::*;
    use crate::date::Date;
    use crate::plan::{PlanSummary, Status};

    fn summary(rows: usize, overdue: usize) -> PlanSummary {
        PlanSummary {
            rows,
            by_status: vec![(Status::NotStarted, rows), (Status::Done, 0)],
            overdue,
            review_due: 0,
            incomplete: 0,
            today: Date::new(2026, 11, 30).unwrap(),
        }
    }

    #[test]
    fn the_plan_summary_line_in_english_is_as_before_and_in_welsh_takes_its_plural_forms() {
        assert_eq!(
            plan_summary_line(Lang::En, &summary(3, 1)),
            "3 actions in the plan: 3 not started; 1 overdue on 30 November 2026."
        );
        assert_eq!(
            plan_summary_line(Lang::En, &summary(1, 0)),
            "1 action in the plan: 1 not started."
        );
        let welsh: Vec<String> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| plan_summary_line(Lang::Cy, &summary(n, 0)))
            .collect();
        assert_eq!(
            welsh,
            [
                "Dim camau gweithredu yn y cynllun.",
                "1 cam gweithredu yn y cynllun: 1 heb ddechrau.",
                "2 gam gweithredu yn y cynllun: 2 heb ddechrau.",
                "3 cham gweithredu yn y cynllun: 3 heb ddechrau.",
                "6 cham gweithredu yn y cynllun: 6 heb ddechrau.",
                "20 o gamau gweithredu yn y cynllun: 20 heb ddechrau.",
            ]
        );
        assert_eq!(
            plan_summary_line(Lang::Cy, &summary(3, 1)),
            "3 cham gweithredu yn y cynllun: 3 heb ddechrau; 1 yn hwyr ar 30 Tachwedd 2026."
        );
    }
}
