//! Collection mode's own words: the screens a person answering a feedback questionnaire meets
//! (buttons, progress, the thank-you, the crisis notice's heading, the language choice), and a
//! printed form's instruction. Re-exported as `mhsw::messages::*`.

use super::say;
use crate::date::Date;
use crate::lang::{Lang, PluralForm};

/// The page header's name for the tool while a device collects feedback.
pub fn collection_brand(lang: Lang) -> &'static str {
    say(
        lang,
        "Tell us about your experience",
        "Dywedwch wrthym am eich profiad",
    )
}

/// The header's button that makes everything larger.
pub fn larger_text(lang: Lang) -> &'static str {
    say(lang, "Larger text", "Testun mwy")
}

/// The first link on every page, for keyboard users.
pub fn skip_to_content(lang: Lang) -> &'static str {
    say(lang, "Skip to main content", "Neidio i'r prif gynnwys")
}

/// The bilingual welcome's greeting: "Welcome", "Croeso".
pub fn welcome(lang: Lang) -> &'static str {
    say(lang, "Welcome", "Croeso")
}

/// The bilingual welcome's question.
pub fn choose_language(lang: Lang) -> &'static str {
    say(lang, "Choose your language", "Dewiswch eich iaith")
}

/// The bilingual welcome's promise that the choice is not final.
pub fn language_can_change(lang: Lang) -> &'static str {
    say(
        lang,
        "You can answer in English or Welsh, and change language at any time without losing your answers.",
        "Gallwch ateb yn Gymraeg neu yn Saesneg, a newid iaith unrhyw bryd heb golli eich atebion.",
    )
}

/// The name of the language switch shown on every screen.
pub fn language_switch(lang: Lang) -> &'static str {
    say(lang, "Language", "Iaith")
}

/// The crisis notice's name for screen readers.
pub fn help_now(lang: Lang) -> &'static str {
    say(lang, "Help now", "Help nawr")
}

/// The crisis notice's heading (and its folded button on a small screen).
pub fn need_help_now(lang: Lang) -> &'static str {
    say(lang, "Need help now?", "Angen help nawr?")
}

/// Said on the welcome after the idle timer cleared someone's unfinished answers.
pub fn cleared_after_inactivity(lang: Lang) -> &'static str {
    say(
        lang,
        "The last person’s unfinished answers were cleared because the device was not used for a while.",
        "Cafodd atebion anorffenedig y person diwethaf eu clirio am nad oedd neb wedi defnyddio’r ddyfais ers tro.",
    )
}

/// Whose social work the feedback is about.
/// Without a name (work made before the name was asked for), the sentence ends after "had".
pub fn about_whom(lang: Lang, who: &str) -> String {
    let who = who.trim();
    match (lang, who.is_empty()) {
        (Lang::En, true) => "This is about the social work you had.".to_owned(),
        (Lang::En, false) => format!("This is about the social work you had from {who}."),
        (Lang::Cy, true) => "Mae hyn yn ymwneud â’r gwaith cymdeithasol a gawsoch.".to_owned(),
        (Lang::Cy, false) => {
            format!("Mae hyn yn ymwneud â’r gwaith cymdeithasol a gawsoch gan {who}.")
        }
    }
}

/// A printed form's instruction, above its first question.
pub fn paper_how_to_answer(lang: Lang) -> &'static str {
    say(
        lang,
        "Tick one box for each question you want to answer. You can leave out any question.",
        "Ticiwch un blwch ar gyfer pob cwestiwn rydych chi eisiau ei ateb. Gallwch adael unrhyw gwestiwn allan.",
    )
}

/// The heading above the anonymity statement.
pub fn before_you_start(lang: Lang) -> &'static str {
    say(lang, "Before you start", "Cyn i chi ddechrau")
}

/// How many questions there are, and that none has to be answered.
pub fn how_to_answer(lang: Lang, questions: usize) -> String {
    let count = questions_count(lang, questions);
    match lang {
        Lang::En => format!("{count} Answer the ones you want to. You can choose “Prefer not to say” or skip any question. Take as long as you need."),
        Lang::Cy => format!("{count} Atebwch y rhai rydych chi eisiau eu hateb. Gallwch ddewis “Mae’n well gen i beidio â dweud” neu hepgor unrhyw gwestiwn. Cymerwch gymaint o amser ag sydd ei angen arnoch."),
    }
}

/// "There are N questions" as a sentence of its own; Welsh mutates the noun after 2, 3 and 6
/// ("2 gwestiwn", "3 chwestiwn", "6 chwestiwn") and uses "o" with larger numbers.
pub fn questions_count(lang: Lang, n: usize) -> String {
    match (lang, lang.plural(n as u64)) {
        (Lang::En, PluralForm::One) => format!("There is {n} question."),
        (Lang::En, _) => format!("There are {n} questions."),
        (Lang::Cy, PluralForm::Zero) => "Does dim cwestiynau.".to_owned(),
        (Lang::Cy, PluralForm::One) => format!("Mae {n} cwestiwn."),
        (Lang::Cy, PluralForm::Two) => format!("Mae {n} gwestiwn."),
        (Lang::Cy, PluralForm::Few | PluralForm::Many) => format!("Mae {n} chwestiwn."),
        (Lang::Cy, PluralForm::Other) => format!("Mae {n} o gwestiynau."),
    }
}

/// A number of minutes: "1 minute", "5 minutes"; "1 munud", "2 funud", "5 munud".
pub fn minutes(lang: Lang, n: u32) -> String {
    match (lang, lang.plural(u64::from(n))) {
        (Lang::En, PluralForm::One) => format!("{n} minute"),
        (Lang::En, _) => format!("{n} minutes"),
        (Lang::Cy, PluralForm::Two) => format!("{n} funud"),
        (Lang::Cy, _) => format!("{n} munud"),
    }
}

/// That unfinished answers are cleared after the chosen minutes of no activity.
pub fn idle_warning(lang: Lang, idle_minutes: u32) -> String {
    let span = minutes(lang, idle_minutes);
    match lang {
        Lang::En => format!("If the device is left untouched for {span}, any answers not yet sent are cleared, so that the next person cannot see them."),
        Lang::Cy => format!("Os na fydd neb yn cyffwrdd â’r ddyfais am {span}, bydd unrhyw atebion sydd heb eu hanfon yn cael eu clirio, fel na all y person nesaf eu gweld."),
    }
}

/// The easy-read switch.
pub fn use_easy_read(lang: Lang) -> &'static str {
    say(
        lang,
        "Use easy-read words",
        "Defnyddio geiriau hawdd eu deall",
    )
}

/// The button that starts the questions.
pub fn start(lang: Lang) -> &'static str {
    say(lang, "Start", "Dechrau")
}

/// Reads the welcome's statement aloud.
pub fn read_this_aloud(lang: Lang) -> &'static str {
    say(lang, "Read this aloud", "Darllen hwn yn uchel")
}

/// Reads a screen aloud.
pub fn read_aloud(lang: Lang) -> &'static str {
    say(lang, "Read aloud", "Darllen yn uchel")
}

/// Back one screen.
pub fn back(lang: Lang) -> &'static str {
    say(lang, "Back", "Yn ôl")
}

/// The browser's Back pressed on the first screen of questions in collection mode, which has
/// no screen before it to go to.
pub fn back_at_first_screen(lang: Lang) -> &'static str {
    say(
        lang,
        "There is no screen before this one.",
        "Nid oes sgrin cyn hon.",
    )
}

/// The browser's Back pressed on a collection screen that is not a question: it stays.
pub fn back_stays_here(lang: Lang) -> &'static str {
    say(
        lang,
        "While this device is collecting feedback, the browser’s Back button stays on these screens.",
        "Tra bo’r ddyfais hon yn casglu adborth, mae botwm Yn ôl y porwr yn aros ar y sgriniau hyn.",
    )
}

/// On to the next screen.
pub fn next(lang: Lang) -> &'static str {
    say(lang, "Next", "Nesaf")
}

/// On without answering.
pub fn skip_question(lang: Lang) -> &'static str {
    say(lang, "Skip this question", "Hepgor y cwestiwn hwn")
}

/// The last screen's button.
pub fn send_answers(lang: Lang) -> &'static str {
    say(lang, "Send my answers", "Anfon fy atebion")
}

/// Progress, counting questions only: "Question 3 of 23".
pub fn question_of(lang: Lang, number: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Question {number} of {total}"),
        Lang::Cy => format!("Cwestiwn {number} o {total}"),
    }
}

/// Takes an answer back (the words after it name the question, for screen readers).
pub fn clear_answer(lang: Lang) -> &'static str {
    say(lang, "Clear this answer", "Clirio’r ateb hwn")
}

/// Beside a required question's text.
pub fn required(lang: Lang) -> &'static str {
    say(lang, " (required)", " (rhaid ateb)")
}

/// The heading while answers are saved.
pub fn sending(lang: Lang) -> &'static str {
    say(lang, "Sending your answers", "Wrthi’n anfon eich atebion")
}

/// The status while answers are saved.
pub fn saving_on_device(lang: Lang) -> &'static str {
    say(
        lang,
        "Saving your answers on this device…",
        "Wrthi’n cadw eich atebion ar y ddyfais hon…",
    )
}

/// The heading when the store could not keep the answers.
pub fn not_saved(lang: Lang) -> &'static str {
    say(
        lang,
        "Your answers could not be saved",
        "Nid oedd modd cadw eich atebion",
    )
}

/// What happened to answers the store could not keep.
pub fn not_saved_detail(lang: Lang) -> &'static str {
    say(
        lang,
        "This device could not store your answers. They are kept in this device’s memory only while this page stays open, and the practitioner has been told.",
        "Nid oedd modd i’r ddyfais hon storio eich atebion. Maen nhw’n cael eu cadw yng nghof y ddyfais dim ond tra bydd y dudalen hon ar agor, ac mae’r ymarferydd wedi cael gwybod.",
    )
}

/// What to do when answers could not be saved.
pub fn hand_back_no_need_to_answer(lang: Lang) -> &'static str {
    say(
        lang,
        "Please hand the device back to the practitioner. You do not need to answer again.",
        "Rhowch y ddyfais yn ôl i’r ymarferydd. Does dim angen i chi ateb eto.",
    )
}

/// The button that readies the device for the next person.
pub fn start_again(lang: Lang) -> &'static str {
    say(
        lang,
        "Start again for the next person",
        "Dechrau eto ar gyfer y person nesaf",
    )
}

/// The thank-you screen's heading.
pub fn thank_you(lang: Lang) -> &'static str {
    say(lang, "Thank you", "Diolch")
}

/// The thanks when the questionnaire gives none of its own.
pub fn default_thanks(lang: Lang) -> &'static str {
    say(
        lang,
        "Thank you. Your answers have been saved.",
        "Diolch. Mae eich atebion wedi cael eu cadw.",
    )
}

/// After the thanks: where the answers went, and to hand the device back.
pub fn saved_with_everyone(lang: Lang) -> &'static str {
    say(
        lang,
        "Your answers have been saved with everyone else’s. Please hand the device back.",
        "Mae eich atebion wedi cael eu cadw gydag atebion pawb arall. Rhowch y ddyfais yn ôl.",
    )
}

/// The collection set-up's link back to the collection's page.
pub fn back_to_collection(lang: Lang) -> &'static str {
    say(lang, "Back to the collection", "Yn ôl i’r casgliad")
}

/// The paper page's choice of languages to print in (its legend).
pub fn print_in(lang: Lang) -> &'static str {
    say(lang, "Print in", "Argraffu yn")
}

/// What the paper page is for, above the form to print.
pub fn paper_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "Print this page for people who would rather answer on paper. Collect the forms in a sealed box or envelope, then type them in.",
        "Argraffwch y dudalen hon i bobl y byddai’n well ganddynt ateb ar bapur. Casglwch y ffurflenni mewn blwch neu amlen wedi’i selio, yna teipiwch nhw i mewn.",
    )
}

/// The paper page's print button.
pub fn print(lang: Lang) -> &'static str {
    say(lang, "Print", "Argraffu")
}

/// Said on the paper page while a layout prints a translation nobody has checked yet.
pub fn paper_unchecked(page: Lang, unchecked: Lang) -> &'static str {
    match (page, unchecked) {
        (Lang::En, Lang::Cy) => {
            "The Welsh on this form has not yet been checked by a Welsh speaker."
        }
        (Lang::En, Lang::En) => {
            "The English on this form has not yet been checked by an English speaker."
        }
        (Lang::Cy, Lang::Cy) => {
            "Nid yw’r Gymraeg ar y ffurflen hon wedi’i gwirio gan siaradwr Cymraeg eto."
        }
        (Lang::Cy, Lang::En) => {
            "Nid yw’r Saesneg ar y ffurflen hon wedi’i gwirio gan siaradwr Saesneg eto."
        }
    }
}

/// The heading of the page for typing in returned paper forms.
pub fn type_in_heading(lang: Lang) -> &'static str {
    say(lang, "Type in paper forms", "Teipio ffurflenni papur")
}

/// How to type in a returned paper form.
pub fn type_in_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "Copy each returned form exactly, leaving blank what the person left blank. Save it, and the form clears for the next one. Do not type names or anything that identifies someone.",
        "Copïwch bob ffurflen a ddaeth yn ôl yn union fel y mae, gan adael yn wag yr hyn a adawodd yr unigolyn yn wag. Cadwch hi, ac mae’r ffurflen yn clirio ar gyfer yr un nesaf. Peidiwch â theipio enwau nac unrhyw beth sy’n dangos pwy yw rhywun.",
    )
}

/// On the page for typing in paper forms, when today is outside the collection's period: how a
/// form typed in now is dated and counted. `None` within the period, or when it has no end (or
/// no start) to be outside of.
pub fn typed_outside_period(
    lang: Lang,
    today: Date,
    start: Option<Date>,
    end: Option<Date>,
) -> Option<String> {
    let on = today.long_in(lang);
    outside_period(lang, today, start, end, &match lang {
        Lang::En => format!("A form typed in now is dated today ({on}) and counted with the others."),
        Lang::Cy => format!("Mae ffurflen a deipir nawr wedi’i dyddio heddiw ({on}) ac yn cael ei chyfrif gyda’r lleill."),
    })
}

/// On the screen that starts collection mode, when today is outside the collection's period:
/// how answers given on the device now are dated and counted, said to the practitioner before
/// the device is handed over. `None` as for [`typed_outside_period`].
pub fn collected_outside_period(
    lang: Lang,
    today: Date,
    start: Option<Date>,
    end: Option<Date>,
) -> Option<String> {
    let on = today.long_in(lang);
    outside_period(lang, today, start, end, &match lang {
        Lang::En => format!("Answers given on this device now are dated today ({on}) and counted with the others."),
        Lang::Cy => format!("Mae atebion a roddir ar y ddyfais hon nawr wedi’u dyddio heddiw ({on}) ac yn cael eu cyfrif gyda’r lleill."),
    })
}

/// That the period has ended or not yet started, then `how` (how what is taken now is counted).
fn outside_period(
    lang: Lang,
    today: Date,
    start: Option<Date>,
    end: Option<Date>,
    how: &str,
) -> Option<String> {
    if let Some(end) = end.filter(|&end| today > end) {
        let end = end.long_in(lang);
        return Some(match lang {
            Lang::En => format!("This collection’s period ended on {end}. {how}"),
            Lang::Cy => format!("Daeth cyfnod y casgliad hwn i ben ar {end}. {how}"),
        });
    }
    let start = start.filter(|&start| today < start)?.long_in(lang);
    Some(match lang {
        Lang::En => format!("This collection’s period starts on {start}. {how}"),
        Lang::Cy => format!("Mae cyfnod y casgliad hwn yn dechrau ar {start}. {how}"),
    })
}

/// The button that saves a typed-in paper form.
pub fn save_form_and_next(lang: Lang) -> &'static str {
    say(
        lang,
        "Save this form and start the next",
        "Cadw’r ffurflen hon a dechrau’r nesaf",
    )
}

/// A typed-in paper form saved with nothing on it.
pub fn form_has_no_answers(lang: Lang) -> &'static str {
    say(
        lang,
        "This form has no answers. Type in what the person ticked or wrote; a form that came back blank is not counted.",
        "Does dim atebion ar y ffurflen hon. Teipiwch yr hyn a diciodd neu a ysgrifennodd yr unigolyn; nid yw ffurflen a ddaeth yn ôl yn wag yn cael ei chyfrif.",
    )
}

/// How many paper forms have been typed in and stored on this visit. In Welsh as a label and
/// its count, which reads naturally for every number.
pub fn forms_saved_this_session(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{n} paper {} saved this session.",
            if n == 1 { "form" } else { "forms" }
        ),
        Lang::Cy => format!("Ffurflenni papur a gadwyd yn y sesiwn hon: {n}."),
    }
}

/// The collection set-up's heading.
pub fn setup_heading(lang: Lang) -> &'static str {
    say(
        lang,
        "Collect feedback on this device",
        "Casglu adborth ar y ddyfais hon",
    )
}

/// What collection mode does, for the practitioner setting it up.
pub fn setup_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "People will answer one after another on this device. Each person’s answers are saved when they send them, and the screen then starts afresh for the next person. Nobody using these screens can see or reach anyone else’s answers, in this tab or any other tab or window of the toolkit on this device.",
        "Bydd pobl yn ateb y naill ar ôl y llall ar y ddyfais hon. Mae atebion pob person yn cael eu cadw pan fyddan nhw’n eu hanfon, ac yna mae’r sgrin yn dechrau o’r newydd ar gyfer y person nesaf. Ni all neb sy’n defnyddio’r sgriniau hyn weld na chyrraedd atebion unrhyw un arall, yn y tab hwn nac mewn unrhyw dab neu ffenestr arall o’r pecyn cymorth ar y ddyfais hon.",
    )
}

/// What collection mode does, for the practitioner setting it up, when this browser keeps
/// nothing on the device: nobody is promised a save the device cannot make.
pub fn setup_intro_nothing_kept(lang: Lang) -> &'static str {
    say(
        lang,
        "People will answer one after another on this device, and the screen starts afresh for each person. This browser is not keeping anything on this device, so the answers people send will be held only while this page stays open, and will be lost when it closes. Each person will be told their answers could not be saved. Before closing the page, end collection with your code and download the collection.",
        "Bydd pobl yn ateb y naill ar ôl y llall ar y ddyfais hon, ac mae’r sgrin yn dechrau o’r newydd ar gyfer pob person. Nid yw’r porwr hwn yn cadw dim ar y ddyfais hon, felly dim ond tra bydd y dudalen hon ar agor y caiff yr atebion y mae pobl yn eu hanfon eu dal, a byddant yn cael eu colli pan fydd yn cau. Bydd pob person yn cael gwybod nad oedd modd cadw eu hatebion. Cyn cau’r dudalen, gorffennwch y casglu gyda’ch cod a lawrlwythwch y casgliad.",
    )
}

/// The code box's label.
pub fn choose_code(lang: Lang) -> &'static str {
    say(
        lang,
        "Choose a code to end collection",
        "Dewiswch god i ddod â’r casglu i ben",
    )
}

/// The code box's hint.
pub fn code_hint(lang: Lang) -> &'static str {
    say(
        lang,
        "At least 4 digits. You will need it to leave collection mode, so people answering cannot leave it by accident. The code is not stored: only a scrambled form of it that cannot be turned back into the code.",
        "O leiaf 4 digid. Bydd ei angen arnoch i adael y modd casglu, fel na all pobl sy’n ateb ei adael drwy ddamwain. Nid yw’r cod yn cael ei gadw: dim ond ffurf wedi’i sgramblo na ellir ei throi’n ôl yn god.",
    )
}

/// An inactivity limit out of range: what to type.
pub fn idle_minutes_range(lang: Lang, max: u32, example: u32) -> String {
    match lang {
        Lang::En => format!("Enter a whole number of minutes from 1 to {max}, such as {example}"),
        Lang::Cy => format!("Rhowch nifer cyfan o funudau o 1 i {max}, er enghraifft {example}"),
    }
}

/// A code too short, or not digits.
pub fn code_too_short(lang: Lang) -> &'static str {
    say(
        lang,
        "Choose a code of at least 4 digits",
        "Dewiswch god o 4 digid o leiaf",
    )
}

/// A browser without WebCrypto.
pub fn no_webcrypto(lang: Lang) -> &'static str {
    say(
        lang,
        "This browser cannot protect the code (it has no WebCrypto), so collection mode cannot start here. Use an up-to-date browser, on a page served over HTTPS",
        "Ni all y porwr hwn ddiogelu’r cod (nid oes ganddo WebCrypto), felly ni all y modd casglu ddechrau yma. Defnyddiwch borwr cyfredol, ar dudalen a weinyddir dros HTTPS",
    )
}

/// The idle box's label.
pub fn idle_label(lang: Lang) -> &'static str {
    say(
        lang,
        "Clear unfinished answers after this many minutes of no activity",
        "Clirio atebion anorffenedig ar ôl y nifer hwn o funudau heb weithgarwch",
    )
}

/// The idle box's hint, with the most minutes allowed.
pub fn idle_hint(lang: Lang, most: u32) -> String {
    match lang {
        Lang::En => format!("From 1 to {most} minutes. If nobody touches the device for this long while answering, the answers not yet sent are cleared, so the next person cannot see them. People are told this before they start."),
        Lang::Cy => format!("Rhwng 1 a {most} munud. Os na fydd neb yn cyffwrdd â’r ddyfais am gyhyd â hyn wrth ateb, bydd yr atebion sydd heb eu hanfon yn cael eu clirio, fel na all y person nesaf eu gweld. Mae pobl yn cael gwybod hyn cyn iddyn nhw ddechrau."),
    }
}

/// The set-up's button.
pub fn start_collecting(lang: Lang) -> &'static str {
    say(lang, "Start collecting", "Dechrau casglu")
}

/// The set-up's button while it starts.
pub fn starting(lang: Lang) -> &'static str {
    say(lang, "Starting…", "Wrthi’n dechrau…")
}

/// Before a line meant for the practitioner, not the person answering.
pub fn for_the_practitioner(lang: Lang) -> &'static str {
    say(lang, "For the practitioner: ", "I’r ymarferydd: ")
}

/// The link, on every screen of collection mode, that opens the screen ending it.
pub fn end_collection_link(lang: Lang) -> &'static str {
    say(
        lang,
        "For the practitioner: end collection",
        "I’r ymarferydd: dod â’r casglu i ben",
    )
}

/// The warning that some people's answers could not be saved (after
/// [`for_the_practitioner`]).
pub fn unsaved_people(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!(
            "answers from {n} {} could not be saved on this device. End collection with your code and download the collection before closing this page.",
            if n == 1 { "person" } else { "people" }
        ),
        Lang::Cy => format!(
            "ni ellid cadw’r atebion gan {} ar y ddyfais hon. Dewch â’r casglu i ben gyda’ch cod a lawrlwythwch y casgliad cyn cau’r dudalen hon.",
            crate::report::words::people_count(lang, n)
        ),
    }
}

/// The end-collection screen's heading, and its button.
pub fn end_collection(lang: Lang) -> &'static str {
    say(lang, "End collection", "Dod â’r casglu i ben")
}

/// Who the end-collection screen is for.
pub fn end_collection_intro(lang: Lang) -> &'static str {
    say(
        lang,
        "This is for the practitioner who set up the device.",
        "Mae hyn ar gyfer yr ymarferydd a osododd y ddyfais.",
    )
}

/// The code box's label.
pub fn enter_the_code(lang: Lang) -> &'static str {
    say(
        lang,
        "Enter the code chosen at the start",
        "Rhowch y cod a ddewiswyd ar y dechrau",
    )
}

/// The button that takes a person answering back to where they were.
pub fn back_to_the_questions(lang: Lang) -> &'static str {
    say(
        lang,
        "Go back to the questions",
        "Mynd yn ôl at y cwestiynau",
    )
}

/// After too many wrong codes, how long to wait.
pub fn too_many_wrong_codes(lang: Lang, wait: f64) -> String {
    match lang {
        Lang::En => format!("Too many wrong codes. Wait {wait} seconds, then try again."),
        Lang::Cy => format!(
            "Gormod o godau anghywir. Arhoswch {wait} eiliad, yna rhowch gynnig arall arni."
        ),
    }
}

/// A wrong code, and how long the next try must wait (0: no wait).
pub fn wrong_code(lang: Lang, wait: u32) -> String {
    match (lang, wait) {
        (Lang::En, 0) => "That is not the code. If you are answering the questions, choose “Go back to the questions”.".to_owned(),
        (Lang::En, wait) => format!("That is not the code. After several wrong codes, the next try must wait {wait} seconds. If you are answering the questions, choose “Go back to the questions”."),
        (Lang::Cy, 0) => "Nid dyna’r cod. Os ydych chi’n ateb y cwestiynau, dewiswch “Mynd yn ôl at y cwestiynau”.".to_owned(),
        (Lang::Cy, wait) => format!("Nid dyna’r cod. Ar ôl sawl cod anghywir, rhaid aros {wait} eiliad cyn y cynnig nesaf. Os ydych chi’n ateb y cwestiynau, dewiswch “Mynd yn ôl at y cwestiynau”."),
    }
}

/// Where a screen of questions would be, when there is none.
pub fn no_more_questions(lang: Lang) -> &'static str {
    say(lang, "No more questions.", "Dim rhagor o gwestiynau.")
}

#[cfg(test)]
mod tests {
    #[test]
    fn whose_social_work_reads_whole_without_a_name() {
        assert_eq!(
            about_whom(Lang::En, "North Team"),
            "This is about the social work you had from North Team."
        );
        assert_eq!(
            about_whom(Lang::En, " "),
            "This is about the social work you had."
        );
        assert!(!about_whom(Lang::Cy, "").contains(" gan "));
    }

    use super::*;

    #[test]
    fn forms_typed_in_outside_the_period_are_said_to_be_dated_today() {
        let day = |s: &str| s.parse::<crate::date::Date>().expect("a date");
        let (start, end) = (Some(day("2026-09-01")), Some(day("2026-11-30")));
        assert_eq!(
            typed_outside_period(Lang::En, day("2026-12-07"), start, end).as_deref(),
            Some("This collection’s period ended on 30 November 2026. A form typed in now is dated today (7 December 2026) and counted with the others.")
        );
        assert_eq!(
            typed_outside_period(Lang::Cy, day("2026-08-31"), start, end).as_deref(),
            Some("Mae cyfnod y casgliad hwn yn dechrau ar 1 Medi 2026. Mae ffurflen a deipir nawr wedi’i dyddio heddiw (31 Awst 2026) ac yn cael ei chyfrif gyda’r lleill.")
        );
        for within in ["2026-09-01", "2026-10-15", "2026-11-30"] {
            assert_eq!(
                typed_outside_period(Lang::En, day(within), start, end),
                None
            );
        }
        assert_eq!(
            typed_outside_period(Lang::En, day("2030-01-01"), None, None),
            None
        );
    }

    #[test]
    fn collecting_outside_the_period_is_said_to_be_dated_today() {
        let day = |s: &str| s.parse::<crate::date::Date>().expect("a date");
        let (start, end) = (Some(day("2026-09-01")), Some(day("2026-11-30")));
        assert_eq!(
            collected_outside_period(Lang::En, day("2026-12-07"), start, end).as_deref(),
            Some("This collection’s period ended on 30 November 2026. Answers given on this device now are dated today (7 December 2026) and counted with the others.")
        );
        assert_eq!(
            collected_outside_period(Lang::Cy, day("2026-08-31"), start, end).as_deref(),
            Some("Mae cyfnod y casgliad hwn yn dechrau ar 1 Medi 2026. Mae atebion a roddir ar y ddyfais hon nawr wedi’u dyddio heddiw (31 Awst 2026) ac yn cael eu cyfrif gyda’r lleill.")
        );
        assert_eq!(
            collected_outside_period(Lang::En, day("2026-10-15"), start, end),
            None
        );
    }

    #[test]
    fn welsh_counts_take_their_six_forms() {
        let counts: Vec<String> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| questions_count(Lang::Cy, n))
            .collect();
        assert_eq!(
            counts,
            vec![
                "Does dim cwestiynau.",
                "Mae 1 cwestiwn.",
                "Mae 2 gwestiwn.",
                "Mae 3 chwestiwn.",
                "Mae 6 chwestiwn.",
                "Mae 20 o gwestiynau.",
            ]
        );
        let minutes: Vec<String> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| minutes(Lang::Cy, n))
            .collect();
        assert_eq!(
            minutes,
            vec!["0 munud", "1 munud", "2 funud", "3 munud", "6 munud", "20 munud"]
        );
    }

    #[test]
    fn english_counts_take_one_and_other() {
        assert_eq!(questions_count(Lang::En, 1), "There is 1 question.");
        assert_eq!(questions_count(Lang::En, 0), "There are 0 questions.");
        assert_eq!(questions_count(Lang::En, 23), "There are 23 questions.");
        assert_eq!(minutes(Lang::En, 1), "1 minute");
        assert_eq!(minutes(Lang::En, 5), "5 minutes");
    }

    #[test]
    fn english_wording_is_what_collection_mode_always_said() {
        assert_eq!(
            how_to_answer(Lang::En, 23),
            "There are 23 questions. Answer the ones you want to. You can choose “Prefer not to say” or skip any question. Take as long as you need."
        );
        assert_eq!(
            idle_warning(Lang::En, 5),
            "If the device is left untouched for 5 minutes, any answers not yet sent are cleared, so that the next person cannot see them."
        );
        assert_eq!(question_of(Lang::En, 3, 12), "Question 3 of 12");
        assert_eq!(question_of(Lang::Cy, 3, 12), "Cwestiwn 3 o 12");
        assert_eq!(
            about_whom(Lang::En, "South Team"),
            "This is about the social work you had from South Team."
        );
    }

    #[test]
    fn every_message_differs_between_the_languages() {
        let fixed: [fn(Lang) -> &'static str; 25] = [
            welcome,
            choose_language,
            language_can_change,
            language_switch,
            help_now,
            need_help_now,
            cleared_after_inactivity,
            before_you_start,
            use_easy_read,
            start,
            read_this_aloud,
            read_aloud,
            back,
            next,
            skip_question,
            send_answers,
            clear_answer,
            required,
            sending,
            saving_on_device,
            not_saved,
            not_saved_detail,
            hand_back_no_need_to_answer,
            start_again,
            saved_with_everyone,
        ];
        for message in fixed {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!cy.is_empty() && en != cy, "{en:?} has no Welsh of its own");
        }
        let paper: [fn(Lang) -> &'static str; 7] = [
            print_in,
            paper_intro,
            print,
            type_in_heading,
            type_in_intro,
            save_form_and_next,
            form_has_no_answers,
        ];
        for message in paper {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!cy.is_empty() && en != cy, "{en:?} has no Welsh of its own");
        }
        assert_eq!(
            forms_saved_this_session(Lang::En, 1),
            "1 paper form saved this session."
        );
        assert_eq!(
            forms_saved_this_session(Lang::En, 2),
            "2 paper forms saved this session."
        );
        assert!(forms_saved_this_session(Lang::Cy, 3).ends_with(": 3."));
        assert!(paper_unchecked(Lang::Cy, Lang::Cy).contains("siaradwr Cymraeg"));
        let setup: [fn(Lang) -> &'static str; 10] = [
            back_to_collection,
            setup_heading,
            setup_intro,
            choose_code,
            code_hint,
            code_too_short,
            no_webcrypto,
            idle_label,
            start_collecting,
            starting,
        ];
        for message in setup {
            let (en, cy) = (message(Lang::En), message(Lang::Cy));
            assert!(!cy.is_empty() && en != cy, "{en:?} has no Welsh of its own");
        }
        assert!(idle_hint(Lang::Cy, 60).starts_with("Rhwng 1 a 60 munud."));
        assert_ne!(thank_you(Lang::En), thank_you(Lang::Cy));
        assert_ne!(default_thanks(Lang::En), default_thanks(Lang::Cy));
    }
}
