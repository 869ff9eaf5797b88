//! The words of the "Your data" page (what is kept, room on the device, back-up, remove-all)
//! and of the questionnaires page. Reached only from the later part of the app.

use super::say;
use crate::lang::Lang;

/// The privacy page's opening paragraph.
pub fn runs_in_browser(lang: Lang) -> &'static str {
    say(
        lang,
        "The toolkit runs entirely in this browser. Your answers, evidence, plans and feedback are saved in this browser’s storage on this device, and nowhere else.",
        "Mae’r pecyn cymorth yn rhedeg yn gyfan gwbl yn y porwr hwn. Mae eich atebion, eich tystiolaeth, eich cynlluniau a’ch adborth yn cael eu cadw yn storfa’r porwr hwn ar y ddyfais hon, a nunlle arall.",
    )
}

/// The privacy page's points, in order.
pub fn privacy_points(lang: Lang) -> [&'static str; 5] {
    [
        say(
            lang,
            "Nothing you type is sent over the internet. The page loads only its own files, and a security policy stops it contacting anywhere else.",
            "Nid oes dim rydych chi’n ei deipio yn cael ei anfon dros y rhyngrwyd. Dim ond ei ffeiliau ei hun y mae’r dudalen yn eu llwytho, ac mae polisi diogelwch yn ei hatal rhag cysylltu ag unrhyw le arall.",
        ),
        say(
            lang,
            "There is no account, no tracking and no analytics.",
            "Nid oes cyfrif, dim tracio a dim dadansoddeg.",
        ),
        say(
            lang,
            "Other people who use this browser on this device could open the work saved here. On a shared computer, export your work and remove it when you finish.",
            "Gallai pobl eraill sy’n defnyddio’r porwr hwn ar y ddyfais hon agor y gwaith sydd wedi’i gadw yma. Ar gyfrifiadur a rennir, allforiwch eich gwaith a’i ddileu pan fyddwch wedi gorffen.",
        ),
        say(
            lang,
            "Clearing the browser’s site data also removes the work. Export anything you need to keep.",
            "Mae clirio data gwefan y porwr hefyd yn dileu’r gwaith. Allforiwch unrhyw beth y mae angen i chi ei gadw.",
        ),
        say(
            lang,
            "Feedback from people who use services is anonymous: no name is asked, and reports show only groups of five or more responses.",
            "Mae adborth gan bobl sy’n defnyddio gwasanaethau yn ddienw: ni ofynnir am enw, a dim ond grwpiau o bump neu ragor o ymatebion y mae adroddiadau’n eu dangos.",
        ),
    ]
}

/// The heading above the storage figures.
pub fn room_on_device(lang: Lang) -> &'static str {
    say(lang, "Room on this device", "Lle ar y ddyfais hon")
}

/// How much room the toolkit uses, of how much it may.
pub fn using_of(lang: Lang, usage: &str, quota: &str) -> String {
    match lang {
        Lang::En => format!("The toolkit is using {usage} of the {quota} this browser allows it on this device."),
        Lang::Cy => format!("Mae’r pecyn cymorth yn defnyddio {usage} o’r {quota} y mae’r porwr hwn yn ei ganiatáu iddo ar y ddyfais hon."),
    }
}

/// The browser does not say how much room is used.
pub fn usage_unknown(lang: Lang) -> &'static str {
    say(
        lang,
        "This browser does not say how much room the toolkit is using.",
        "Nid yw’r porwr hwn yn dweud faint o le y mae’r pecyn cymorth yn ei ddefnyddio.",
    )
}

/// The browser will keep the work when space runs short.
pub fn persisted(lang: Lang) -> &'static str {
    say(
        lang,
        "The browser has agreed to keep the toolkit’s work even when the device runs short of space.",
        "Mae’r porwr wedi cytuno i gadw gwaith y pecyn cymorth hyd yn oed pan fydd y ddyfais yn brin o le.",
    )
}

/// The browser may clear the work when space runs short.
pub fn not_persisted(lang: Lang) -> &'static str {
    say(
        lang,
        "The browser has not agreed to keep the toolkit’s work when the device runs short of space, so it could clear it. Export your work regularly.",
        "Nid yw’r porwr wedi cytuno i gadw gwaith y pecyn cymorth pan fydd y ddyfais yn brin o le, felly gallai ei glirio. Allforiwch eich gwaith yn rheolaidd.",
    )
}

/// Not asked yet whether the browser keeps the work.
pub fn persist_not_asked(lang: Lang) -> &'static str {
    say(
        lang,
        "The toolkit asks the browser to keep its work safe when you first save something.",
        "Mae’r pecyn cymorth yn gofyn i’r porwr gadw ei waith yn ddiogel pan fyddwch yn cadw rhywbeth am y tro cyntaf.",
    )
}

/// The back-up heading.
pub fn back_up_everything(lang: Lang) -> &'static str {
    say(lang, "Back up everything", "Gwneud copi wrth gefn o bopeth")
}

/// What the back-up file is.
pub fn back_up_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "Download one file with every piece of work saved in this browser. Importing that file on any device with the toolkit brings all of it back; importing it twice adds nothing twice.",
        "Lawrlwythwch un ffeil gyda phob darn o waith sydd wedi’i gadw yn y porwr hwn. Mae mewnforio’r ffeil honno ar unrhyw ddyfais sydd â’r pecyn cymorth yn dod â’r cyfan yn ôl; nid yw ei mewnforio ddwywaith yn ychwanegu dim ddwywaith.",
    )
}

/// The back-up button.
pub fn export_everything(lang: Lang) -> &'static str {
    say(lang, "Export everything", "Allforio popeth")
}

/// The remove-all heading and button.
pub fn remove_all(lang: Lang) -> &'static str {
    say(
        lang,
        "Remove all my data from this device",
        "Dileu fy holl ddata o’r ddyfais hon",
    )
}

/// What remove-all removes.
pub fn remove_all_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "This removes every piece of work, every questionnaire you opened from your computer, and any entries kept aside, from this browser. It also removes the copies of this site’s questionnaires kept here so that they are downloaded again only when they change.",
        "Mae hyn yn dileu pob darn o waith, pob holiadur a agorwyd gennych o’ch cyfrifiadur, ac unrhyw gofnodion a gadwyd o’r neilltu, o’r porwr hwn. Mae hefyd yn dileu’r copïau o holiaduron y wefan hon a gedwir yma fel mai dim ond pan fyddant yn newid y cânt eu llwytho i lawr eto.",
    )
}

/// The remove-all confirmation's name for screen readers.
pub fn confirm_remove_all(lang: Lang) -> &'static str {
    say(
        lang,
        "Confirm removing all data",
        "Cadarnhau dileu’r holl ddata",
    )
}

/// The remove-all confirmation's question.
pub fn remove_all_question(lang: Lang) -> &'static str {
    say(
        lang,
        "Remove everything the toolkit keeps in this browser? This cannot be undone.",
        "Dileu popeth y mae’r pecyn cymorth yn ei gadw yn y porwr hwn? Nid oes modd dadwneud hyn.",
    )
}

/// Confirms remove-all.
pub fn yes_remove_everything(lang: Lang) -> &'static str {
    say(lang, "Yes, remove everything", "Ie, dileu popeth")
}

/// After remove-all.
pub fn everything_removed(lang: Lang) -> &'static str {
    say(
        lang,
        "Everything the toolkit kept in this browser has been removed.",
        "Mae popeth yr oedd y pecyn cymorth yn ei gadw yn y porwr hwn wedi’i ddileu.",
    )
}

/// Remove-all failed, before the reason.
pub fn nothing_removed(lang: Lang) -> &'static str {
    say(lang, "Nothing was removed: ", "Ni chafodd dim ei ddileu: ")
}

/// Remove-all failed: after [`nothing_removed`], what that means.
pub fn still_saved(lang: Lang) -> &'static str {
    say(
        lang,
        "this browser would not let the toolkit remove it, so your work is still saved in this browser. Try again, or clear this site’s data in the browser’s settings.",
        "ni fyddai’r porwr hwn yn gadael i’r pecyn cymorth ei ddileu, felly mae eich gwaith yn dal wedi’i gadw yn y porwr hwn. Rhowch gynnig arall arni, neu cliriwch ddata’r wefan hon yng ngosodiadau’r porwr.",
    )
}

/// The questionnaires page's opening paragraph.
pub fn questionnaires_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "These are the questionnaires this site offers, and any you have opened from your computer. Organisations can add or change questionnaires on their own site; see the README’s “Adding or changing a questionnaire on your site”.",
        "Dyma’r holiaduron y mae’r wefan hon yn eu cynnig, ac unrhyw rai rydych chi wedi’u hagor o’ch cyfrifiadur. Gall sefydliadau ychwanegu neu newid holiaduron ar eu gwefan eu hunain; gweler “Adding or changing a questionnaire on your site” yn y README.",
    )
}

/// Heading above the questionnaires that loaded.
pub fn ready_to_use(lang: Lang) -> &'static str {
    say(lang, "Ready to use", "Yn barod i’w defnyddio")
}

/// The table's name and caption.
pub fn questionnaires_loaded(lang: Lang) -> &'static str {
    say(lang, "Questionnaires that loaded", "Holiaduron a lwythwyd")
}

/// The table's column headings: questionnaire, version, file, from, actions.
pub fn table_columns(lang: Lang) -> [&'static str; 5] {
    [
        say(lang, "Questionnaire", "Holiadur"),
        say(lang, "Version", "Fersiwn"),
        say(lang, "File", "Ffeil"),
        say(lang, "From", "O ble"),
        say(lang, "Actions", "Camau"),
    ]
}

/// Where a questionnaire came from: the site, the app, the lead's computer.
pub fn source(lang: Lang, site: bool, built_in: bool) -> &'static str {
    match (site, built_in) {
        (true, _) => say(lang, "This site", "Y wefan hon"),
        (false, true) => say(lang, "Built into the app", "Wedi’i gynnwys yn yr ap"),
        (false, false) => say(lang, "Your computer", "Eich cyfrifiadur"),
    }
}

/// Removes a questionnaire opened from a file.
pub fn remove_from_device(lang: Lang) -> &'static str {
    say(lang, "Remove from this device", "Dileu o’r ddyfais hon")
}

/// Heading above questionnaire files with problems.
pub fn could_not_be_loaded(lang: Lang) -> &'static str {
    say(lang, "Could not be loaded", "Nid oedd modd eu llwytho")
}

/// What to do about files with problems.
pub fn problems_explained(lang: Lang) -> &'static str {
    say(
        lang,
        "Each file below has problems. The other questionnaires work as normal. The person who looks after your site can fix each problem as described, then check the file with “mhsw check”.",
        "Mae problemau ym mhob ffeil isod. Mae’r holiaduron eraill yn gweithio fel arfer. Gall y sawl sy’n gofalu am eich gwefan drwsio pob problem fel y disgrifir, yna gwirio’r ffeil gyda “mhsw check”.",
    )
}

/// For a reader not reading English: the problems listed below a questionnaire file are in
/// English, for the person who writes questionnaires (as `mhsw check` gives them). Nothing in
/// English, where they are in the page's language.
pub fn problems_in_english(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Cy => Some("Mae’r problemau wedi’u rhestru yn Saesneg: maen nhw ar gyfer y sawl sy’n ysgrifennu’r holiaduron, yn yr un geiriau ag y mae “mhsw check” yn eu rhoi."),
    }
}

/// Heading above opening a file.
pub fn try_from_computer(lang: Lang) -> &'static str {
    say(
        lang,
        "Try a questionnaire from your computer",
        "Rhoi cynnig ar holiadur o’ch cyfrifiadur",
    )
}

/// The file box's label.
pub fn open_questionnaire_file(lang: Lang) -> &'static str {
    say(lang, "Open a questionnaire file", "Agor ffeil holiadur")
}

/// The file box's hint.
pub fn open_questionnaire_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "It is checked first, then kept on this device only, so you can try it before publishing it on your site.",
        "Mae’n cael ei gwirio yn gyntaf, yna ei chadw ar y ddyfais hon yn unig, fel y gallwch roi cynnig arni cyn ei chyhoeddi ar eich gwefan.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_message_has_welsh_of_its_own() {
        let fixed: [fn(Lang) -> &'static str; 24] = [
            runs_in_browser,
            room_on_device,
            usage_unknown,
            persisted,
            not_persisted,
            persist_not_asked,
            back_up_everything,
            back_up_explained,
            export_everything,
            remove_all,
            remove_all_explained,
            confirm_remove_all,
            remove_all_question,
            yes_remove_everything,
            everything_removed,
            nothing_removed,
            questionnaires_intro,
            ready_to_use,
            questionnaires_loaded,
            remove_from_device,
            could_not_be_loaded,
            problems_explained,
            try_from_computer,
            open_questionnaire_file,
        ];
        assert_eq!(problems_in_english(Lang::En), None, "English needs no note");
        assert!(problems_in_english(Lang::Cy).is_some_and(|said| said.contains("yn Saesneg")));
        let mut pairs: Vec<(&str, &str)> = fixed
            .into_iter()
            .chain([open_questionnaire_hint as fn(Lang) -> &'static str])
            .map(|m| (m(Lang::En), m(Lang::Cy)))
            .collect();
        pairs.extend(
            privacy_points(Lang::En)
                .into_iter()
                .zip(privacy_points(Lang::Cy)),
        );
        pairs.extend(
            table_columns(Lang::En)
                .into_iter()
                .zip(table_columns(Lang::Cy)),
        );
        for (site, built_in) in [(true, false), (false, true), (false, false)] {
            pairs.push((
                source(Lang::En, site, built_in),
                source(Lang::Cy, site, built_in),
            ));
        }
        for (en, cy) in pairs {
            assert!(!en.trim().is_empty(), "an empty English message");
            assert!(
                !cy.trim().is_empty() && en != cy,
                "{en:?} has no Welsh of its own"
            );
        }
        assert_ne!(
            using_of(Lang::En, "1 MB", "2 GB"),
            using_of(Lang::Cy, "1 MB", "2 GB")
        );
    }
}
