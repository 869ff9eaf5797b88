//! The frame's and the home page's own words: brand, navigation, the language switch, the
//! footer, the update notice, the save line, and the home page with its list of saved work.
//! These are drawn by the app's first module, so this group is kept to what they show.

use super::say;
use crate::date::Date;
use crate::definition::{Nation, ToolKind};
use crate::lang::Lang;

/// The toolkit's name, in the header and as the home page's heading.
pub fn brand(lang: Lang) -> &'static str {
    say(
        lang,
        "Mental health social work toolkit",
        "Pecyn cymorth gwaith cymdeithasol iechyd meddwl",
    )
}

/// Shown while a part of a page is on its way.
pub fn loading(lang: Lang) -> &'static str {
    say(lang, "Loading…", "Wrthi’n llwytho…")
}

/// The main navigation's name for screen readers.
pub fn main_navigation(lang: Lang) -> &'static str {
    say(lang, "Main", "Prif lywio")
}

/// The navigation's link to the home page.
pub fn home(lang: Lang) -> &'static str {
    say(lang, "Home", "Hafan")
}

/// The navigation's link to the questionnaires page.
pub fn questionnaires(lang: Lang) -> &'static str {
    say(lang, "Questionnaires", "Holiaduron")
}

/// The navigation's link to the privacy page.
pub fn your_data(lang: Lang) -> &'static str {
    say(lang, "Your data", "Eich data")
}

/// The alignment statement in the footer.
pub fn alignment(lang: Lang) -> &'static str {
    say(
        lang,
        "These tools are aligned with the 2016 “Social work for better mental health” toolkit. They were written afresh by the mhsw-toolkit team and are not reproductions of it. A self-assessment is not an inspection rating.",
        "Mae’r offer hyn yn cyd-fynd â phecyn cymorth 2016 “Social work for better mental health”. Cawsant eu hysgrifennu o’r newydd gan dîm mhsw-toolkit, ac nid ydynt yn gopi ohono. Nid yw hunanasesiad yn sgôr arolygu.",
    )
}

/// The footer's line on where work is kept.
pub fn stays_on_device(lang: Lang) -> &'static str {
    say(
        lang,
        "Your work stays in this browser on this device. Nothing is sent anywhere. ",
        "Mae eich gwaith yn aros yn y porwr hwn ar y ddyfais hon. Nid oes dim yn cael ei anfon i unman. ",
    )
}

/// The footer's link to the privacy page.
pub fn how_data_is_kept(lang: Lang) -> &'static str {
    say(
        lang,
        "How your data is kept and removed",
        "Sut mae eich data yn cael ei gadw a’i ddileu",
    )
}

/// Said, in each language, wherever Welsh is shown: the Welsh has not been checked yet.
pub fn welsh_unchecked(lang: Lang) -> &'static str {
    say(
        lang,
        "The Welsh in this toolkit has not yet been checked by a Welsh speaker.",
        "Nid yw’r Gymraeg yn y pecyn cymorth hwn wedi cael ei gwirio gan siaradwr Cymraeg eto.",
    )
}

/// The update notice's heading.
pub fn update_ready(lang: Lang) -> &'static str {
    say(
        lang,
        "A new version of the toolkit is ready.",
        "Mae fersiwn newydd o’r pecyn cymorth yn barod.",
    )
}

/// The update notice when changes are waiting to be saved.
pub fn update_unsaved(lang: Lang) -> &'static str {
    say(
        lang,
        "Your latest changes are not saved. Download a copy of your work first, then reload the page to update.",
        "Nid yw eich newidiadau diweddaraf wedi’u cadw. Lawrlwythwch gopi o’ch gwaith yn gyntaf, yna ail-lwythwch y dudalen i ddiweddaru.",
    )
}

/// The update notice when everything is saved.
pub fn update_saved(lang: Lang) -> &'static str {
    say(
        lang,
        "Your work is saved on this device and will still be here. Reload when it suits you.",
        "Mae eich gwaith wedi’i gadw ar y ddyfais hon a bydd yma o hyd. Ail-lwythwch pan fydd yn gyfleus i chi.",
    )
}

/// The update notice's button.
pub fn reload_to_update(lang: Lang) -> &'static str {
    say(lang, "Reload to update", "Ail-lwytho i ddiweddaru")
}

/// The update notice's button while it saves first.
pub fn saving_then_reloading(lang: Lang) -> &'static str {
    say(
        lang,
        "Saving, then reloading…",
        "Wrthi’n cadw, yna’n ail-lwytho…",
    )
}

/// The save line while a save is waiting or being written.
pub fn saving(lang: Lang) -> &'static str {
    say(lang, "Saving…", "Wrthi’n cadw…")
}

/// The save line once the store has committed, with the time.
pub fn saved_at(lang: Lang, time: &str) -> String {
    match lang {
        Lang::En => format!("Saved on this device at {time}"),
        Lang::Cy => format!("Wedi’i gadw ar y ddyfais hon am {time}"),
    }
}

/// Before the reason a save failed.
pub fn not_saved(lang: Lang) -> &'static str {
    say(lang, "Not saved: ", "Heb ei gadw: ")
}

/// Under a failed save's reason when the notice is about other work than the page's: which
/// work it is.
pub fn about_work(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("This is about \u{201c}{name}\u{201d}."),
        Lang::Cy => format!("Mae hyn yn ymwneud â \u{201c}{name}\u{201d}."),
    }
}

/// After a failed save.
pub fn download_copy_now(lang: Lang) -> &'static str {
    say(
        lang,
        "Download a copy now to keep it safe.",
        "Lawrlwythwch gopi nawr i’w gadw’n ddiogel.",
    )
}

/// The button that downloads the work a save failed for.
pub fn download_copy(lang: Lang) -> &'static str {
    say(
        lang,
        "Download a copy of this work",
        "Lawrlwytho copi o’r gwaith hwn",
    )
}

/// After a conflict with another tab: take theirs.
pub fn use_other_tabs_version(lang: Lang) -> &'static str {
    say(
        lang,
        "Use the other tab’s version",
        "Defnyddio fersiwn y tab arall",
    )
}

/// After a failed save's reason, the link to what can be done about it.
pub fn what_you_can_do(lang: Lang) -> &'static str {
    say(lang, "What you can do", "Beth allwch chi ei wneud")
}

/// After a conflict with another tab: keep both.
pub fn keep_mine_as_copy(lang: Lang) -> &'static str {
    say(
        lang,
        "Keep mine as a separate copy",
        "Cadw fy fersiwn i fel copi ar wahân",
    )
}

/// The home page's opening paragraph.
pub fn home_lead(lang: Lang) -> &'static str {
    say(
        lang,
        "Audit the conditions for good social work in mental health, gather feedback from the people you work with and their carers, and build the case for social work in your organisation. Everything stays in this browser.",
        "Archwiliwch yr amodau ar gyfer gwaith cymdeithasol da ym maes iechyd meddwl, casglwch adborth gan y bobl rydych chi’n gweithio gyda nhw a’u gofalwyr, a chyflwynwch yr achos dros waith cymdeithasol yn eich sefydliad. Mae popeth yn aros yn y porwr hwn.",
    )
}

/// How many questionnaire files could not be loaded. Welsh keeps the noun singular after a
/// number ("1 ffeil", "2 ffeil", "20 ffeil"), so no form needs the plural rules: this is drawn
/// by the first module, which does not carry them (`Lang::plural`'s CLDR tables).
pub fn files_not_loaded(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => {
            format!("{n} questionnaire file could not be loaded. The others work as normal. ")
        }
        (Lang::En, _) => {
            format!("{n} questionnaire files could not be loaded. The others work as normal. ")
        }
        (Lang::Cy, 0) => "Ni fethodd yr un ffeil holiadur â llwytho. ".to_owned(),
        (Lang::Cy, _) => format!(
            "Nid oedd modd llwytho {n} ffeil holiadur. Mae’r lleill yn gweithio fel arfer. "
        ),
    }
}

/// The link to the questionnaires page's explanations.
pub fn see_what_is_wrong(lang: Lang) -> &'static str {
    say(
        lang,
        "See what is wrong and how to fix it",
        "Gweld beth sydd o’i le a sut i’w drwsio",
    )
}

/// Shown while an action a person started is under way (its part downloading, or the work being done).
pub fn please_wait(lang: Lang) -> &'static str {
    say(lang, "Please wait…", "Arhoswch funud…")
}

/// The later part of the app could not be downloaded.
pub fn not_downloaded(lang: Lang) -> &'static str {
    say(
        lang,
        "This part of the toolkit could not be downloaded. Check the internet connection, then try again. Nothing you have done has been lost",
        "Nid oedd modd lawrlwytho’r rhan hon o’r pecyn cymorth. Gwiriwch y cysylltiad â’r rhyngrwyd, yna rhowch gynnig arall arni. Nid oes dim a wnaethoch wedi’i golli",
    )
}

/// Tries a failed download again.
pub fn try_again(lang: Lang) -> &'static str {
    say(lang, "Try again", "Rhoi cynnig arall arni")
}

/// The heading above the saved work.
pub fn your_work(lang: Lang) -> &'static str {
    say(
        lang,
        "Your work on this device",
        "Eich gwaith ar y ddyfais hon",
    )
}

/// The heading above the tools.
pub fn start_something_new(lang: Lang) -> &'static str {
    say(lang, "Start something new", "Dechrau rhywbeth newydd")
}

/// While the questionnaires are read (their titles, or the files a page needs).
pub fn loading_questionnaires(lang: Lang) -> &'static str {
    say(
        lang,
        "Loading the questionnaires…",
        "Wrthi’n llwytho’r holiaduron…",
    )
}

/// After a tool's kind and nation, for a questionnaire opened from a file.
pub fn opened_from_computer(lang: Lang) -> &'static str {
    say(
        lang,
        " · opened from your computer",
        " · wedi’i agor o’ch cyfrifiadur",
    )
}

/// Before a tool's audience.
pub fn who_completes_it(lang: Lang) -> &'static str {
    say(lang, "Who completes it: ", "Pwy sy’n ei lenwi: ")
}

/// A tool's kind, in words.
pub fn kind(lang: Lang, kind: ToolKind) -> &'static str {
    match kind {
        ToolKind::Audit => say(
            lang,
            "Organisational self-assessment",
            "Hunanasesiad sefydliadol",
        ),
        ToolKind::Feedback => say(lang, "Feedback questionnaire", "Holiadur adborth"),
        ToolKind::Conversation => say(lang, "Conversation record", "Cofnod sgwrs"),
        ToolKind::Statement => say(lang, "Strategic statement", "Datganiad strategol"),
    }
}

/// Where a tool applies, in words.
pub fn nation(lang: Lang, nation: Nation) -> &'static str {
    match nation {
        Nation::England => say(lang, "England", "Lloegr"),
        Nation::Wales => say(lang, "Wales", "Cymru"),
        Nation::EnglandAndWales => say(lang, "England and Wales", "Cymru a Lloegr"),
    }
}

/// A saved piece of work whose questionnaire is not loaded.
pub fn questionnaire_not_loaded(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("Questionnaire “{id}” (not loaded)"),
        Lang::Cy => format!("Holiadur “{id}” (heb ei lwytho)"),
    }
}

/// The export reminder: changed since the last export, on `day`.
pub fn changed_since_export(lang: Lang, day: Date) -> String {
    let day = day.long_in(lang);
    match lang {
        Lang::En => format!(
            "Changed since it was last exported, on {day}. Export it to keep a copy safe."
        ),
        Lang::Cy => format!(
            "Wedi newid ers iddo gael ei allforio ddiwethaf, ar {day}. Allforiwch ef i gadw copi’n ddiogel."
        ),
    }
}

/// The export reminder: never exported.
pub fn never_exported(lang: Lang) -> &'static str {
    say(
        lang,
        "Never exported. Export it to keep a copy safe away from this browser.",
        "Heb ei allforio erioed. Allforiwch ef i gadw copi’n ddiogel y tu allan i’r porwr hwn.",
    )
}

/// When the work was last exported.
pub fn last_exported(lang: Lang, day: Date) -> String {
    let day = day.long_in(lang);
    match lang {
        Lang::En => format!("Last exported on {day}"),
        Lang::Cy => format!("Allforiwyd ddiwethaf ar {day}"),
    }
}

/// The work came in from a file (a copy of it), and has not changed for long since.
pub fn imported_from_file(lang: Lang, day: Date) -> String {
    let day = day.long_in(lang);
    match lang {
        Lang::En => format!("Imported from a file on {day}: that file is a copy of it"),
        Lang::Cy => format!("Mewnforiwyd o ffeil ar {day}: mae’r ffeil honno’n gopi ohono"),
    }
}

/// A gentle reminder: changed for a while since it came in from a file.
pub fn changed_since_import(lang: Lang, day: Date) -> String {
    let day = day.long_in(lang);
    match lang {
        Lang::En => format!(
            "Changed since it was imported from a file on {day}. Export it to keep a copy safe."
        ),
        Lang::Cy => format!(
            "Wedi newid ers iddo gael ei fewnforio o ffeil ar {day}. Allforiwch ef i gadw copi’n ddiogel."
        ),
    }
}

/// The work has not been exported (and no reminder is due).
pub fn not_exported_yet(lang: Lang) -> &'static str {
    say(lang, "Not exported yet", "Heb ei allforio eto")
}

/// The list of saved work when it is empty.
pub fn nothing_saved(lang: Lang) -> &'static str {
    say(
        lang,
        "Nothing is saved in this browser yet. Start a tool below, or import work exported from another device.",
        "Does dim wedi’i gadw yn y porwr hwn eto. Dechreuwch un o’r offer isod, neu mewnforiwch waith a allforiwyd o ddyfais arall.",
    )
}

/// A saved work's tool and when it last changed.
pub fn last_changed(lang: Lang, tool: &str, day: Date) -> String {
    let day = day.long_in(lang);
    match lang {
        Lang::En => format!("{tool} · last changed {day}"),
        Lang::Cy => format!("{tool} · newidiwyd ddiwethaf {day}"),
    }
}

/// Opens a saved piece of work.
pub fn open(lang: Lang) -> &'static str {
    say(lang, "Open", "Agor")
}

/// Copies an audit to answer again.
pub fn duplicate_as_reaudit(lang: Lang) -> &'static str {
    say(
        lang,
        "Duplicate as a re-audit",
        "Dyblygu fel ail-archwiliad",
    )
}

/// Between "Duplicate as a re-audit" and the work's name, for screen readers.
pub fn of(lang: Lang) -> &'static str {
    say(lang, " of ", " o ")
}

/// Renames a saved piece of work.
pub fn rename(lang: Lang) -> &'static str {
    say(lang, "Rename", "Ailenwi")
}

/// Exports a saved piece of work to a file.
pub fn export(lang: Lang) -> &'static str {
    say(lang, "Export", "Allforio")
}

/// Deletes a saved piece of work.
pub fn delete(lang: Lang) -> &'static str {
    say(lang, "Delete", "Dileu")
}

/// The delete confirmation's name for screen readers.
pub fn confirm_delete(lang: Lang) -> &'static str {
    say(lang, "Confirm delete", "Cadarnhau dileu")
}

/// The delete confirmation's question.
pub fn delete_question(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Delete “{name}” from this device? This cannot be undone. Export it first if you may need it."),
        Lang::Cy => format!("Dileu “{name}” o’r ddyfais hon? Nid oes modd dadwneud hyn. Allforiwch ef yn gyntaf os gallai fod ei angen arnoch."),
    }
}

/// Confirms a delete.
pub fn yes_delete(lang: Lang) -> &'static str {
    say(lang, "Yes, delete it", "Ie, dileu")
}

/// Cancels a delete.
pub fn no_keep(lang: Lang) -> &'static str {
    say(lang, "No, keep it", "Na, ei gadw")
}

/// A delete the store refused: the work is still saved on the device, whatever the reason.
pub fn could_not_delete(lang: Lang) -> &'static str {
    say(
        lang,
        "It could not be deleted: this browser would not let the toolkit delete it, so it is still saved in this browser. Try again, or clear this site’s data in the browser’s settings.",
        "Nid oedd modd ei ddileu: ni fyddai’r porwr hwn yn gadael i’r pecyn cymorth ei ddileu, felly mae’n dal wedi’i gadw yn y porwr hwn. Rhowch gynnig arall arni, neu cliriwch ddata’r wefan hon yng ngosodiadau’r porwr.",
    )
}

/// The import box's label.
pub fn import_from_file(lang: Lang) -> &'static str {
    say(lang, "Import work from a file", "Mewnforio gwaith o ffeil")
}

/// The button that opens the browser's file picker, for one file (the browser's own button
/// speaks the browser's language, not the page's).
pub fn choose_file(lang: Lang) -> &'static str {
    say(lang, "Choose a file", "Dewis ffeil")
}

/// The same, where several files may be chosen at once.
pub fn choose_files(lang: Lang) -> &'static str {
    say(lang, "Choose files", "Dewis ffeiliau")
}

/// Said when several files are dropped onto a chooser that takes one: none of them was
/// opened.
pub fn one_file_at_a_time(lang: Lang, dropped: u32) -> String {
    match lang {
        Lang::En => format!("This takes one file at a time, and {dropped} were dropped, so none was opened. Drop one file, or use the button to choose it."),
        Lang::Cy => format!("Mae hwn yn cymryd un ffeil ar y tro, a gollyngwyd {dropped}, felly ni agorwyd yr un. Gollyngwch un ffeil, neu defnyddiwch y botwm i’w dewis."),
    }
}

/// The import box's hint, with the largest file size in megabytes.
pub fn import_hint(lang: Lang, megabytes: usize) -> String {
    match lang {
        Lang::En => format!("Choose one or more files exported from this toolkit (up to {megabytes} MB each). Feedback files for the same collection are combined, and a file imported twice adds nothing."),
        Lang::Cy => format!("Dewiswch un neu ragor o ffeiliau a allforiwyd o’r pecyn cymorth hwn (hyd at {megabytes} MB yr un). Mae ffeiliau adborth ar gyfer yr un casgliad yn cael eu cyfuno, ac nid yw ffeil a fewnforir ddwywaith yn ychwanegu dim."),
    }
}

/// While an import is under way.
pub fn importing(lang: Lang) -> &'static str {
    say(
        lang,
        "Importing… A large file can take a few seconds.",
        "Wrthi’n mewnforio… Gall ffeil fawr gymryd ychydig eiliadau.",
    )
}

/// Nothing was imported, and why.
pub fn nothing_imported(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("Nothing was imported. {why}."),
        Lang::Cy => format!("Ni chafodd dim ei fewnforio. {why}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixed message of the frame and home page, so each is checked in both languages.
    pub(crate) const FIXED: [fn(Lang) -> &'static str; 40] = [
        loading,
        importing,
        brand,
        main_navigation,
        home,
        questionnaires,
        your_data,
        alignment,
        stays_on_device,
        how_data_is_kept,
        welsh_unchecked,
        update_ready,
        update_unsaved,
        update_saved,
        reload_to_update,
        saving_then_reloading,
        saving,
        not_saved,
        download_copy_now,
        download_copy,
        use_other_tabs_version,
        keep_mine_as_copy,
        home_lead,
        see_what_is_wrong,
        not_downloaded,
        try_again,
        your_work,
        start_something_new,
        loading_questionnaires,
        opened_from_computer,
        who_completes_it,
        never_exported,
        not_exported_yet,
        nothing_saved,
        open,
        duplicate_as_reaudit,
        rename,
        export,
        delete,
        confirm_delete,
    ];

    #[test]
    fn every_frame_message_has_welsh_of_its_own() {
        let more: [fn(Lang) -> &'static str; 5] =
            [of, yes_delete, no_keep, import_from_file, who_completes_it];
        for message in FIXED.into_iter().chain(more) {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!en.trim().is_empty(), "an empty English message");
            assert!(
                !cy.trim().is_empty() && en != cy,
                "{en:?} has no Welsh of its own"
            );
        }
        for kind in ToolKind::ALL {
            assert_ne!(super::kind(Lang::En, kind), super::kind(Lang::Cy, kind));
        }
        for nation in Nation::ALL {
            assert_ne!(
                super::nation(Lang::En, nation),
                super::nation(Lang::Cy, nation)
            );
        }
    }

    #[test]
    fn the_english_frame_says_what_it_always_said() {
        assert_eq!(brand(Lang::En), "Mental health social work toolkit");
        assert_eq!(kind(Lang::En, ToolKind::Audit), ToolKind::Audit.label());
        assert_eq!(
            nation(Lang::En, Nation::EnglandAndWales),
            "England and Wales"
        );
        assert_eq!(
            files_not_loaded(Lang::En, 1),
            "1 questionnaire file could not be loaded. The others work as normal. "
        );
        assert_eq!(
            files_not_loaded(Lang::En, 3),
            "3 questionnaire files could not be loaded. The others work as normal. "
        );
    }

    #[test]
    fn a_failed_save_names_its_work_in_either_language() {
        assert_eq!(
            about_work(Lang::En, "First audit"),
            "This is about \u{201c}First audit\u{201d}."
        );
        assert_eq!(
            about_work(Lang::Cy, "First audit"),
            "Mae hyn yn ymwneud â \u{201c}First audit\u{201d}."
        );
    }

    #[test]
    fn welsh_dates_and_counts_on_the_home_page() {
        let day: Date = "2026-11-30".parse().expect("a date");
        assert_eq!(
            last_exported(Lang::Cy, day),
            "Allforiwyd ddiwethaf ar 30 Tachwedd 2026"
        );
        assert_eq!(
            last_changed(Lang::Cy, "Archwiliad", day),
            "Archwiliad · newidiwyd ddiwethaf 30 Tachwedd 2026"
        );
        let counts: Vec<String> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| files_not_loaded(Lang::Cy, n))
            .collect();
        assert!(counts[0].starts_with("Ni fethodd yr un ffeil"));
        for (n, text) in [1, 2, 3, 6, 20].into_iter().zip(&counts[1..]) {
            assert!(
                text.starts_with(&format!("Nid oedd modd llwytho {n} ffeil holiadur.")),
                "{text}"
            );
        }
    }
}
