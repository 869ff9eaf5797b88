//! The feedback report's own words, in English and Welsh: headings, labels, the sentences about
//! counts, the suppression and free-text warnings, and the alignment statement.
//!
//! Owns: one function per phrase, taking the [`Lang`] to write in; counts choose their wording
//! through [`Lang::plural`] (the CLDR rules, six forms in Welsh), and dates are written with
//! [`Date::long_in`] ("30 Tachwedd 2026"). The English is exactly what the report always said.
//! Must not touch: a definition's own texts (question text, option labels, theme and section
//! titles come from the definition through [`crate::text::Text::get`]) or anything computed.
//!
//! A hand-kept catalogue in the manner of [`crate::messages`], kept apart from it so that the
//! interface's messages and the report's words can change independently. Counts under five are
//! never given exactly (A7): the functions that say "fewer than five" do so themselves.
//!
//! **The Welsh has not yet been checked by a Welsh speaker.** It was written to be plain and
//! safe to print; a council should have it checked before relying on it.

use crate::aggregate::{MINIMUM_GROUP, SUPPRESSED_LABEL};
use crate::date::Date;
use crate::lang::{Lang, PluralForm};

use super::feedback::FREE_TEXT_REMINDER;
use super::parts::{count_of, ALIGNMENT_LINE};
use crate::messages::say;

/// The reminder shown above free text.
pub fn free_text_reminder(lang: Lang) -> &'static str {
    say(
        lang,
        FREE_TEXT_REMINDER,
        "Geiriau pobl eu hunain yw’r rhain. Cyn rhannu’r adroddiad hwn, darllenwch nhw a thynnwch unrhyw beth a allai adnabod y person a’u hysgrifennodd neu unrhyw un y mae’n sôn amdano, fel enwau, lleoedd, dyddiadau neu fanylion anarferol.",
    )
}

/// The notice title above free text.
pub fn remove_identifying(lang: Lang) -> &'static str {
    say(
        lang,
        "Remove anything identifying before sharing",
        "Tynnwch unrhyw beth a allai adnabod rhywun cyn rhannu",
    )
}

/// How the report states what the tools are and are not: aligned with the 2016 tools, never a
/// reproduction of them.
pub fn alignment_line(lang: Lang) -> &'static str {
    say(
        lang,
        ALIGNMENT_LINE,
        "Mae’r pecyn cymorth hwn yn cyd-fynd ag offer 2016 \u{201c}Social work for better mental health\u{201d} (y datganiad strategol, yr hunanasesiad sefydliadol a’r canllawiau ar adborth gan bobl sy’n defnyddio gwasanaethau a chan ofalwyr). Ei gwestiynau a’i eiriad ei hun sydd ganddo: nid yw’n atgynhyrchiad o’r offer hynny.",
    )
}

/// What is shown in place of a suppressed group's figures.
pub fn suppressed(lang: Lang) -> &'static str {
    say(
        lang,
        SUPPRESSED_LABEL,
        "Llai na phum ymateb: heb ei ddangos, fel na ellir adnabod neb",
    )
}

/// The opening heading.
pub fn summary(lang: Lang) -> &'static str {
    say(lang, "Summary", "Crynodeb")
}

/// The heading of the closing part.
pub fn using_this_feedback(lang: Lang) -> &'static str {
    say(lang, "Using this feedback", "Defnyddio’r adborth hwn")
}

/// The heading over the themes table.
pub fn by_theme(lang: Lang) -> &'static str {
    say(lang, "By theme", "Yn ôl thema")
}

/// The heading over the questions.
pub fn by_question(lang: Lang) -> &'static str {
    say(lang, "By question", "Yn ôl cwestiwn")
}

/// How feedback is kept anonymous.
pub fn anonymity(lang: Lang) -> &'static str {
    say(
        lang,
        "Feedback is anonymous and is reported only in aggregate. Any question, theme or collection with fewer than five responses is not shown, so that nobody can be identified. Giving feedback is never a condition of getting a service.",
        "Mae adborth yn ddienw, a dim ond ffigurau cyfun sy’n cael eu hadrodd. Ni ddangosir unrhyw gwestiwn, thema na chasgliad sydd â llai na phum ymateb, fel na ellir adnabod neb. Nid yw rhoi adborth byth yn amod ar gael gwasanaeth.",
    )
}

/// What the feedback is for, and what it is not.
pub fn what_it_is_for(lang: Lang) -> &'static str {
    say(
        lang,
        "This feedback is about practice and about how well people were involved in decisions. It is meant for reflection in supervision and for professional development, alongside other evidence; it is not a satisfaction score or a performance rating.",
        "Mae’r adborth hwn yn ymwneud ag ymarfer, ac â pha mor dda y cafodd pobl eu cynnwys mewn penderfyniadau. Fe’i bwriadwyd ar gyfer myfyrio mewn goruchwyliaeth ac ar gyfer datblygiad proffesiynol, ochr yn ochr â thystiolaeth arall; nid sgôr boddhad na gradd perfformiad mohono.",
    )
}

/// The notice title when the whole collection is too small to show.
pub fn not_enough_responses(lang: Lang) -> &'static str {
    say(
        lang,
        "Not enough responses to show",
        "Dim digon o ymatebion i’w dangos",
    )
}

/// The notice text when the whole collection is too small to show.
pub fn nothing_shown_until_five(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{SUPPRESSED_LABEL}. Nothing from this collection is shown until at least five people have responded."
        ),
        Lang::Cy => format!(
            "{}. Ni ddangosir dim o’r casgliad hwn nes bod o leiaf bump o bobl wedi ymateb.",
            suppressed(lang)
        ),
    }
}

/// A count of responses, exactly: "1 response", "6 responses"; in Welsh "dim ymatebion",
/// "1 ymateb", "2 ymateb", "3 ymateb", "6 ymateb", "20 o ymatebion".
pub fn responses_count(lang: Lang, n: u32) -> String {
    match (lang, lang.plural(u64::from(n))) {
        (Lang::En, _) => count_of(n, "response", "responses"),
        (Lang::Cy, PluralForm::Zero) => "dim ymatebion".to_owned(),
        (Lang::Cy, PluralForm::Other) => format!("{} o ymatebion", grouped_cy(n)),
        (Lang::Cy, _) => format!("{n} ymateb"),
    }
}

/// A count of answers, exactly: "1 answer", "3 answers"; "1 ateb", "3 ateb", "20 o atebion".
pub fn answers_count(lang: Lang, n: u32) -> String {
    match (lang, lang.plural(u64::from(n))) {
        (Lang::En, _) => count_of(n, "answer", "answers"),
        (Lang::Cy, PluralForm::Zero) => "dim atebion".to_owned(),
        (Lang::Cy, PluralForm::Other) => format!("{} o atebion", grouped_cy(n)),
        (Lang::Cy, _) => format!("{n} ateb"),
    }
}

/// A count of people, exactly: "1 person", "6 people"; in Welsh the noun mutates after 2, 3 and
/// 6 ("2 berson", "3 pherson", "6 pherson") and larger numbers take "o bobl".
pub fn people_count(lang: Lang, n: u32) -> String {
    match (lang, lang.plural(u64::from(n))) {
        (Lang::En, _) => count_of(n, "person", "people"),
        (Lang::Cy, PluralForm::Zero) => "neb".to_owned(),
        (Lang::Cy, PluralForm::One) => format!("{n} person"),
        (Lang::Cy, PluralForm::Two) => format!("{n} berson"),
        (Lang::Cy, PluralForm::Few | PluralForm::Many) => format!("{n} pherson"),
        (Lang::Cy, PluralForm::Other) => format!("{} o bobl", grouped_cy(n)),
    }
}

/// Welsh writes thousands with a comma too (50,000).
fn grouped_cy(n: u32) -> String {
    super::parts::grouped(u64::from(n))
}

/// How many responses, without giving an exact count under five (A7): "No responses",
/// "Fewer than five responses", "6 responses".
pub fn responses(lang: Lang, count: u32) -> String {
    match (lang, count) {
        (Lang::En, 0) => "No responses".to_owned(),
        (Lang::En, n) if n < MINIMUM_GROUP => "Fewer than five responses".to_owned(),
        (Lang::Cy, 0) => "Dim ymatebion".to_owned(),
        (Lang::Cy, n) if n < MINIMUM_GROUP => "Llai na phum ymateb".to_owned(),
        (_, n) => responses_count(lang, n),
    }
}

/// The summary's lead sentence: how many responses came, and when.
pub fn responses_received(lang: Lang, count: u32, period: Option<(Date, Date)>) -> String {
    let when = |first: Date, last: Date| match (lang, first == last) {
        (Lang::En, true) => format!(", on {}", first.long()),
        (Lang::En, false) => format!(", between {} and {}", first.long(), last.long()),
        (Lang::Cy, true) => format!(", ar {}", first.long_in(lang)),
        (Lang::Cy, false) => format!(", rhwng {} a {}", first.long_in(lang), last.long_in(lang)),
    };
    let when = period.map(|(a, b)| when(a, b)).unwrap_or_default();
    match lang {
        Lang::En => format!("{} received{when}.", responses(lang, count)),
        Lang::Cy if count == 0 => format!("Ni chafwyd unrhyw ymatebion{when}."),
        Lang::Cy if count < MINIMUM_GROUP => format!("Cafwyd llai na phum ymateb{when}."),
        Lang::Cy => format!("Cafwyd {}{when}.", responses_count(lang, count)),
    }
}

/// How many people answered a question, without an exact count under five (A7).
pub fn answered_this_question(lang: Lang, count: u32) -> String {
    match (lang, count) {
        (Lang::En, 0) => "Nobody answered this question.".to_owned(),
        (Lang::En, n) if n < MINIMUM_GROUP => {
            "Fewer than five people answered this question.".to_owned()
        }
        (Lang::En, n) => format!(
            "{} answered this question.",
            count_of(n, "person", "people")
        ),
        (Lang::Cy, 0) => "Ni atebodd neb y cwestiwn hwn.".to_owned(),
        (Lang::Cy, n) if n < MINIMUM_GROUP => {
            "Atebodd llai na phump o bobl y cwestiwn hwn.".to_owned()
        }
        (Lang::Cy, n) => format!("Atebodd {} y cwestiwn hwn.", people_count(lang, n)),
    }
}

/// The cover's labels, in order: about whom, period, responses, report made, questionnaire.
pub fn cover_labels(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => [
            "About the practice of",
            "Period",
            "Responses",
            "Report made",
            "Questionnaire",
        ],
        Lang::Cy => [
            "Am ymarfer",
            "Cyfnod",
            "Ymatebion",
            "Dyddiad yr adroddiad",
            "Holiadur",
        ],
    }
}

/// The collection's period: "1 September 2026 to 30 November 2026", or "Not set".
pub fn period(lang: Lang, period: Option<(Date, Date)>) -> String {
    match (lang, period) {
        (Lang::En, Some((a, b))) => format!("{} to {}", a.long(), b.long()),
        (Lang::Cy, Some((a, b))) => format!("{} i {}", a.long_in(lang), b.long_in(lang)),
        (_, None) => say(lang, "Not set", "Heb ei osod").to_owned(),
    }
}

/// A value, or "Not recorded" when empty.
pub fn or_not_recorded(lang: Lang, text: &str) -> String {
    match (lang, text.trim()) {
        (Lang::En, text) => super::parts::or_not_recorded(text),
        (Lang::Cy, "") => "Heb ei gofnodi".to_owned(),
        (Lang::Cy, text) => text.to_owned(),
    }
}

/// The work's name, or a stand-in when it has none.
pub fn name_or_untitled(lang: Lang, name: &str) -> String {
    match (lang, name.trim()) {
        (Lang::Cy, "") => "Gwaith heb deitl".to_owned(),
        (Lang::En, "") => "Untitled work".to_owned(),
        (_, name) => name.to_owned(),
    }
}

/// The questionnaire and its version: "Your experience of social work, version 2.0.0".
pub fn version_label(lang: Lang, title: &str, version: &str) -> String {
    match lang {
        Lang::En => format!("{title}, version {version}"),
        Lang::Cy => format!("{title}, fersiwn {version}"),
    }
}

/// The statement at the foot of the cover.
pub fn cover_statement(lang: Lang) -> &'static str {
    say(
        lang,
        "Anonymous feedback, reported in aggregate. Groups of fewer than five responses are not shown.",
        "Adborth dienw, wedi’i adrodd fel ffigurau cyfun. Ni ddangosir grwpiau o lai na phum ymateb.",
    )
}

/// The document's keywords.
pub fn keywords(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::En => ["feedback", "service users", "carers"],
        Lang::Cy => ["adborth", "defnyddwyr gwasanaethau", "gofalwyr"],
    }
}

/// That responses came from more than one version, listing each with its count.
pub fn several_versions(lang: Lang, by_version: &[(String, u32)], version: &str) -> String {
    let list = |word: &str| {
        by_version
            .iter()
            .map(|(v, n)| format!("{word} {v}: {n}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match lang {
        Lang::En => format!(
            "Responses came from more than one version of the questionnaire ({}). They are counted against version {version} wherever the questions match.",
            list("version")
        ),
        Lang::Cy => format!(
            "Daeth ymatebion o fwy nag un fersiwn o’r holiadur ({}). Maent yn cael eu cyfrif yn erbyn fersiwn {version} lle bynnag y mae’r cwestiynau’n cyfateb.",
            list("fersiwn")
        ),
    }
}

/// The table of answers that could not be placed: caption, column headings and note.
pub fn unplaced_table(lang: Lang) -> (&'static str, [&'static str; 3], &'static str) {
    match lang {
        Lang::En => (
            "Answers that could not be counted against this version",
            ["Question", "Why", "Answers"],
            "These answers are kept in the collection; they are listed here rather than dropped.",
        ),
        Lang::Cy => (
            "Atebion nad oedd modd eu cyfrif yn erbyn y fersiwn hon",
            ["Cwestiwn", "Pam", "Atebion"],
            "Mae’r atebion hyn yn cael eu cadw yn y casgliad; maent wedi’u rhestru yma yn hytrach na’u hepgor.",
        ),
    }
}

/// A question known only by its id: "Question fb-9".
pub fn question_by_id(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("Question {id}"),
        Lang::Cy => format!("Cwestiwn {id}"),
    }
}

/// Why an answer was not counted: this version does not ask the question.
pub fn not_in_this_version(lang: Lang) -> &'static str {
    say(
        lang,
        "This version does not ask it",
        "Nid yw’r fersiwn hon yn ei ofyn",
    )
}

/// Why an answer was not counted: it is no longer one of the options.
pub fn no_longer_fits(lang: Lang) -> &'static str {
    say(
        lang,
        "The answer is no longer one of its options",
        "Nid yw’r ateb yn un o’i ddewisiadau mwyach",
    )
}

/// That answers to hidden questions are not counted.
pub fn hidden_answers(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!(
            "{} to questions that were not shown to that person (because of an earlier answer) {} not counted.",
            answers_count(lang, n),
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Cy => format!(
            "Ni chafodd {} i gwestiynau na ddangoswyd i’r person hwnnw (oherwydd ateb cynharach) {}.",
            answers_count(lang, n),
            if lang.plural(u64::from(n)) == PluralForm::One {
                "ei gyfrif"
            } else {
                "eu cyfrif"
            }
        ),
    }
}

/// The notice title for responses that arrived twice.
pub fn duplicates_title(lang: Lang) -> &'static str {
    say(lang, "Duplicate responses", "Ymatebion dyblyg")
}

/// The notice text for responses that arrived twice.
pub fn duplicates(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!(
            "{} arrived more than once with different answers. The one submitted later is counted, once.",
            responses_count(lang, n)
        ),
        Lang::Cy => format!(
            "Cyrhaeddodd {} fwy nag unwaith gydag atebion gwahanol. Yr un a gyflwynwyd yn ddiweddarach sy’n cael ei gyfrif, unwaith.",
            responses_count(lang, n)
        ),
    }
}

/// The themes table: caption, column headings and note.
pub fn themes_table(lang: Lang) -> (&'static str, [&'static str; 3], &'static str) {
    match lang {
        Lang::En => (
            "The share of people who agree, by theme",
            ["Theme", "Responses", "Share that agree"],
            "The share that agree counts the answers that agree, over all answers that gave a rating (not \u{201c}does not apply\u{201d} or \u{201c}prefer not to say\u{201d}), across the theme's questions whose own figures are shown.",
        ),
        Lang::Cy => (
            "Cyfran y bobl sy’n cytuno, yn ôl thema",
            ["Thema", "Ymatebion", "Cyfran sy’n cytuno"],
            "Mae’r gyfran sy’n cytuno yn cyfrif yr atebion sy’n cytuno, allan o’r holl atebion a roddodd sgôr (nid \u{201c}ddim yn berthnasol\u{201d} na \u{201c}mae’n well gen i beidio â dweud\u{201d}), ar draws cwestiynau’r thema y dangosir eu ffigurau eu hunain.",
        ),
    }
}

/// A theme's share when its group is too small.
pub fn theme_not_shown(lang: Lang) -> &'static str {
    say(
        lang,
        "Not shown: fewer than five responses",
        "Heb ei dangos: llai na phum ymateb",
    )
}

/// A theme with no rated answers.
pub fn no_rated_answers(lang: Lang) -> &'static str {
    say(
        lang,
        "No rated answers to show",
        "Dim atebion â sgôr i’w dangos",
    )
}

/// "50% (3 of 6)": a share with its parts.
pub fn share_of(lang: Lang, share: &str, part: u64, whole: u64) -> String {
    match lang {
        Lang::En => format!("{share} ({part} of {whole})"),
        Lang::Cy => format!("{share} ({part} o {whole})"),
    }
}

/// "3 of 6 (50%)": a bar's value.
pub fn count_of_total(lang: Lang, count: u32, total: u32, share: &str) -> String {
    match lang {
        Lang::En => format!("{count} of {total} ({share})"),
        Lang::Cy => format!("{count} o {total} ({share})"),
    }
}

/// A theme's responses in the table, without an exact count under five (A7).
pub fn theme_responses(lang: Lang, count: u32) -> String {
    match count {
        0 => say(lang, "None", "Dim").to_owned(),
        n if n < MINIMUM_GROUP => say(lang, "Fewer than five", "Llai na phump").to_owned(),
        n => n.to_string(),
    }
}

/// The notice title where a question's figures are suppressed.
pub fn not_shown(lang: Lang) -> &'static str {
    say(lang, "Not shown", "Heb ei ddangos")
}

/// A question's bar chart caption.
pub fn how_people_answered(lang: Lang, question: &str) -> String {
    match lang {
        Lang::En => format!("How people answered: {question}"),
        Lang::Cy => format!("Sut atebodd pobl: {question}"),
    }
}

/// A question's share that agree.
pub fn share_that_agree(lang: Lang, share: &str, part: u64, whole: u64) -> String {
    match lang {
        Lang::En => {
            format!("Share that agree: {share} ({part} of the {whole} people who gave a rating).")
        }
        Lang::Cy => format!("Cyfran sy’n cytuno: {share} ({part} o’r {whole} a roddodd sgôr)."),
    }
}

/// A question's share that agree, when too few gave a rating.
pub fn share_that_agree_not_shown(lang: Lang) -> &'static str {
    say(
        lang,
        "Share that agree: not shown, because fewer than five people gave a rating.",
        "Cyfran sy’n cytuno: heb ei dangos, gan fod llai na phump o bobl wedi rhoi sgôr.",
    )
}

/// "Yes" and "No" for a yes/no question, whose options the definition does not word.
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match yes {
        true => say(lang, "Yes", "Ie"),
        false => say(lang, "No", "Na"),
    }
}

/// The page numbers in a PDF's footer: "Page 2 of 9", "Tudalen 2 o 9".
pub fn page_of(lang: Lang, page: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Page {page} of {total}"),
        Lang::Cy => format!("Tudalen {page} o {total}"),
    }
}

/// A table's caption repeated after a page break: "Themes (continued)", "Themâu (parhad)".
pub fn continued(lang: Lang, caption: &str) -> String {
    match lang {
        Lang::En => format!("{caption} (continued)"),
        Lang::Cy => format!("{caption} (parhad)"),
    }
}

/// A caption that is a sentence, without its full stop, for words that follow it.
fn without_full_stop(caption: &str) -> &str {
    caption.trim_end_matches('.')
}

/// A chart's table on the results page: its name for a screen reader, its caption and its
/// column headings (measure, result, comparison).
pub fn chart_table(lang: Lang, caption: &str) -> (String, String, [&'static str; 3]) {
    let caption = without_full_stop(caption);
    match lang {
        Lang::En => (
            format!("{caption} (table)"),
            format!("{caption}: the same figures as a table"),
            ["Measure", "Result", "Comparison"],
        ),
        Lang::Cy => (
            format!("{caption} (tabl)"),
            format!("{caption}: yr un ffigurau mewn tabl"),
            ["Mesur", "Canlyniad", "Cymhariaeth"],
        ),
    }
}

/// A PDF chart key's entry for a tone: its colour and pattern in words (`english` is the
/// renderer's own, "Amber (stripes)").
pub fn chart_key(lang: Lang, tone: crate::definition::Tone, english: &'static str) -> &'static str {
    use crate::definition::Tone;
    match (lang, tone) {
        (Lang::En, _) => english,
        (Lang::Cy, Tone::Green) => "Gwyrdd (solet)",
        (Lang::Cy, Tone::Amber) => "Ambr (streipiau)",
        (Lang::Cy, Tone::Red) => "Coch (croeslinellau)",
        (Lang::Cy, Tone::Neutral) => "Dim gradd (llinellau)",
    }
}

/// A PDF chart key's entry for the comparison marker.
pub fn chart_key_marker(lang: Lang) -> &'static str {
    say(lang, "Comparison marker", "Marciwr cymharu")
}

/// The word before a PDF chart's key.
pub fn chart_key_label(lang: Lang) -> &'static str {
    say(lang, "Key:", "Allwedd:")
}

/// The language a report's document language tag names (`cy` is Welsh; anything else, English,
/// the toolkit's default), for the words a renderer adds itself, such as page numbers.
pub fn lang_of_tag(tag: &str) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|lang| lang.bcp47().eq_ignore_ascii_case(tag.trim()))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTS: [u32; 6] = [0, 1, 2, 3, 6, 20];

    #[test]
    fn welsh_counts_take_their_six_forms() {
        let responses: Vec<String> = COUNTS.map(|n| responses_count(Lang::Cy, n)).to_vec();
        assert_eq!(
            responses,
            [
                "dim ymatebion",
                "1 ymateb",
                "2 ymateb",
                "3 ymateb",
                "6 ymateb",
                "20 o ymatebion"
            ]
        );
        let people: Vec<String> = COUNTS.map(|n| people_count(Lang::Cy, n)).to_vec();
        assert_eq!(
            people,
            [
                "neb",
                "1 person",
                "2 berson",
                "3 pherson",
                "6 pherson",
                "20 o bobl"
            ]
        );
        let answers: Vec<String> = COUNTS.map(|n| answers_count(Lang::Cy, n)).to_vec();
        assert_eq!(
            answers,
            [
                "dim atebion",
                "1 ateb",
                "2 ateb",
                "3 ateb",
                "6 ateb",
                "20 o atebion"
            ]
        );
    }

    #[test]
    fn welsh_sentences_about_counts_never_give_a_number_under_five() {
        let received: Vec<String> = COUNTS
            .map(|n| responses_received(Lang::Cy, n, None))
            .to_vec();
        assert_eq!(
            received,
            [
                "Ni chafwyd unrhyw ymatebion.",
                "Cafwyd llai na phum ymateb.",
                "Cafwyd llai na phum ymateb.",
                "Cafwyd llai na phum ymateb.",
                "Cafwyd 6 ymateb.",
                "Cafwyd 20 o ymatebion."
            ]
        );
        let answered: Vec<String> = COUNTS.map(|n| answered_this_question(Lang::Cy, n)).to_vec();
        assert_eq!(
            answered,
            [
                "Ni atebodd neb y cwestiwn hwn.",
                "Atebodd llai na phump o bobl y cwestiwn hwn.",
                "Atebodd llai na phump o bobl y cwestiwn hwn.",
                "Atebodd llai na phump o bobl y cwestiwn hwn.",
                "Atebodd 6 pherson y cwestiwn hwn.",
                "Atebodd 20 o bobl y cwestiwn hwn."
            ]
        );
        assert_eq!(
            hidden_answers(Lang::Cy, 1),
            "Ni chafodd 1 ateb i gwestiynau na ddangoswyd i’r person hwnnw (oherwydd ateb cynharach) ei gyfrif."
        );
        assert!(hidden_answers(Lang::Cy, 3).ends_with("eu cyfrif."));
    }

    #[test]
    fn welsh_dates_use_welsh_month_names() {
        let (a, b): (Date, Date) = ("2026-09-01".parse().unwrap(), "2026-11-30".parse().unwrap());
        assert_eq!(
            responses_received(Lang::Cy, 6, Some((a, b))),
            "Cafwyd 6 ymateb, rhwng 1 Medi 2026 a 30 Tachwedd 2026."
        );
        assert_eq!(
            period(Lang::Cy, Some((a, b))),
            "1 Medi 2026 i 30 Tachwedd 2026"
        );
        assert_eq!(
            responses_received(Lang::En, 6, Some((b, b))),
            "6 responses received, on 30 November 2026."
        );
    }

    #[test]
    fn english_is_what_the_report_always_said() {
        assert_eq!(responses(Lang::En, 0), "No responses");
        assert_eq!(responses(Lang::En, 4), "Fewer than five responses");
        assert_eq!(responses(Lang::En, 1_200), "1,200 responses");
        assert_eq!(
            answered_this_question(Lang::En, 1_200),
            "1,200 people answered this question."
        );
        assert_eq!(alignment_line(Lang::En), ALIGNMENT_LINE);
        assert_eq!(suppressed(Lang::En), SUPPRESSED_LABEL);
        assert_eq!(
            hidden_answers(Lang::En, 1),
            "1 answer to questions that were not shown to that person (because of an earlier answer) is not counted."
        );
    }

    #[test]
    fn every_phrase_has_welsh_of_its_own() {
        let fixed: [fn(Lang) -> &'static str; 20] = [
            free_text_reminder,
            remove_identifying,
            alignment_line,
            suppressed,
            summary,
            using_this_feedback,
            by_theme,
            by_question,
            anonymity,
            what_it_is_for,
            not_enough_responses,
            cover_statement,
            not_in_this_version,
            no_longer_fits,
            duplicates_title,
            theme_not_shown,
            no_rated_answers,
            not_shown,
            share_that_agree_not_shown,
            |lang| yes_no(lang, true),
        ];
        for phrase in fixed {
            let (en, cy) = (phrase(Lang::En), phrase(Lang::Cy));
            assert!(!cy.is_empty() && en != cy, "{en:?} has no Welsh of its own");
        }
        assert!(alignment_line(Lang::Cy).contains("cyd-fynd"));
        assert!(!alignment_line(Lang::Cy).contains("atgynhyrchu’r"));
    }
}
