//! The triangulation part of the audit report: leaders', practitioners' and service users' and
//! carers' views of the same themes side by side, with the gaps of a scale point or more named.
//!
//! Owns: the wording and order of that part. Must not touch: how views are placed or compared
//! (rules T1 to T5 in `crate::benchmark::triangulation`).

use crate::benchmark::triangulation::{Source, Triangulation, View};
use crate::lang::Lang;
use crate::messages::say;

use super::parts::{heading, paragraph, table};
use super::Block;

fn view_words(lang: Lang, view: &View) -> String {
    match (lang, view) {
        (
            Lang::En,
            View::Position {
                position, basis, ..
            },
        ) => format!(
            "{} of the way up the scale ({basis} {})",
            position.display(),
            if *basis == 1 { "answer" } else { "answers" }
        ),
        (
            Lang::Cy,
            View::Position {
                position, basis, ..
            },
        ) => format!(
            "{} o’r ffordd i fyny’r raddfa ({})",
            position.display(),
            super::words::answers_count(lang, *basis)
        ),
        (_, View::Suppressed) => say(
            lang,
            "Fewer than five responses: not shown",
            "Llai na phum ymateb: heb ei ddangos",
        )
        .to_owned(),
        (_, View::NoAnswers) => {
            say(lang, "No answers to place", "Dim atebion i’w gosod").to_owned()
        }
        (_, View::NotAsked) => say(lang, "Not asked", "Heb ei ofyn").to_owned(),
    }
}

/// Whose view it is, in `lang`.
fn source(lang: Lang, source: Source) -> &'static str {
    match (lang, source) {
        (Lang::En, source) => source.label(),
        (Lang::Cy, Source::Leaders) => "Arweinwyr",
        (Lang::Cy, Source::Practitioners) => "Ymarferwyr",
        (Lang::Cy, Source::Feedback) => "Defnyddwyr gwasanaethau a gofalwyr",
    }
}

/// "Leaders and practitioners"; in Welsh "a" becomes "ac" before a vowel, and a word after "a"
/// takes the aspirate mutation.
fn and(lang: Lang, first: &str, second: &str) -> String {
    match lang {
        Lang::En => format!("{first} and {}", lower(second)),
        Lang::Cy => {
            let second = lower(second);
            if second.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y']) {
                format!("{first} ac {second}")
            } else {
                format!("{first} a {}", super::audit_words::aspirate(&second))
            }
        }
    }
}

/// The blocks of the triangulation part, its own words in `lang`.
pub fn triangulation_blocks(triangulation: &Triangulation, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![
        heading(1, say(lang, "Leaders, practitioners and people who use services, side by side", "Arweinwyr, ymarferwyr a phobl sy’n defnyddio gwasanaethau, ochr yn ochr")),
        paragraph(say(lang,
            "Each view of a theme is placed from the bottom of its own scale (0%) to the top (100%), so different questionnaires can be set side by side. Where two views differ by at least one point on the coarser of their scales, the gap is named: it is worth talking about what each group sees.",
            "Caiff pob barn am thema ei gosod o waelod ei graddfa ei hun (0%) i’r brig (100%), fel y gellir gosod holiaduron gwahanol ochr yn ochr. Lle mae dwy farn yn wahanol o un pwynt o leiaf ar y fwyaf bras o’u graddfeydd, caiff y bwlch ei enwi: mae’n werth siarad am yr hyn y mae pob grŵp yn ei weld.",
        )),
    ];
    if triangulation.themes.is_empty() {
        blocks.push(paragraph(say(lang,
            "No theme is asked about by two of the views chosen, so there is nothing to set side by side.",
            "Nid oes unrhyw thema y mae dau o’r safbwyntiau a ddewiswyd yn holi amdani, felly does dim i’w osod ochr yn ochr.",
        )));
        return blocks;
    }
    let rows = triangulation
        .themes
        .iter()
        .map(|theme| {
            let gaps = if theme.gaps.is_empty() {
                say(
                    lang,
                    "None of a scale point or more",
                    "Dim un o bwynt ar y raddfa neu fwy",
                )
                .to_owned()
            } else {
                theme
                    .gaps
                    .iter()
                    .map(|gap| {
                        let who = and(lang, source(lang, gap.first), source(lang, gap.second));
                        match lang {
                            Lang::En => format!("{who}: {} apart", gap.gap.display()),
                            Lang::Cy => format!("{who}: {} rhyngddynt", gap.gap.display()),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            vec![
                theme.title.clone(),
                view_words(lang, theme.view(Source::Leaders)),
                view_words(lang, theme.view(Source::Practitioners)),
                view_words(lang, theme.view(Source::Feedback)),
                gaps,
            ]
        })
        .collect();
    blocks.push(table(
        say(lang, "Views of each shared theme", "Safbwyntiau ar bob thema a rennir"),
        &[
            (say(lang, "Theme", "Thema"), 3),
            (source(lang, Source::Leaders), 3),
            (source(lang, Source::Practitioners), 3),
            (source(lang, Source::Feedback), 3),
            (
                say(
                    lang,
                    "Gaps of a scale point or more",
                    "Bylchau o bwynt ar y raddfa neu fwy",
                ),
                4,
            ),
        ],
        rows,
        Some(say(lang,
            "Feedback is shown only for themes with at least five responses. Items answered \u{201c}Not applicable\u{201d}, \u{201c}Don't know\u{201d} or \u{201c}Prefer not to say\u{201d} are left out.",
            "Dim ond ar gyfer themâu ag o leiaf bum ymateb y dangosir adborth. Caiff eitemau a atebwyd \u{201c}Amherthnasol\u{201d}, \u{201c}Ddim yn gwybod\u{201d} neu \u{201c}Gwell gennyf beidio â dweud\u{201d} eu gadael allan.",
        )),
    ));
    blocks
}

fn lower(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(crate::case::lower(first))
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}
