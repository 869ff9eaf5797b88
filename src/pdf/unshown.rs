//! Where a report's text had characters the PDF's fonts cannot draw, and the sentence that tells
//! the person so before they share the file.
//!
//! Owns: the typed list of places ([`Unshown`]), how consecutive pieces of the same place are
//! merged while the blocks are built ([`Tally`]), and the summary sentence ([`summary`]) that the
//! app shows beside "Your PDF is ready" and the command line prints.
//! Must not touch: fonts or layout (`font` decides what is drawable, `blocks` says where the
//! text is).

/// Which part of a report some text belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The cover page.
    Cover,
    /// The line at the foot of every page (counted once).
    Footer,
    /// A heading's own words.
    Heading,
    /// Running text.
    Text,
    /// Quoted free text someone wrote, such as a feedback comment.
    Quote,
    /// A boxed notice.
    Notice,
    /// A list of points or warnings.
    List,
    /// A bar chart's caption, labels or values.
    Chart,
    /// A labelled fact, such as an audit question's "Evidence" or "Comment".
    Fact {
        /// The fact's label, as the report gives it.
        label: String,
    },
    /// A table's caption or column headings.
    TableHead {
        /// The table's caption.
        caption: String,
    },
    /// One row of a table's body.
    TableRow {
        /// The table's caption.
        caption: String,
        /// The row, counting from 1.
        row: usize,
    },
    /// A table's note.
    TableNote {
        /// The table's caption.
        caption: String,
    },
}

/// Some characters that could not be drawn, and where they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unshown {
    /// The words of the nearest heading above the text (for a heading, its own words), or
    /// `None` before the first heading.
    pub under: Option<String>,
    /// Which part of the report.
    pub field: Field,
    /// How many characters (an emoji sequence counts once).
    pub count: usize,
}

/// Collects [`Unshown`] places in reading order, merging a place with the one before it when
/// both are the same part under the same heading (three quoted comments on one question are
/// one place).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    places: Vec<Unshown>,
}

impl Tally {
    /// Adds `count` characters at `field` under `under`; nothing when `count` is 0.
    pub(crate) fn add(&mut self, under: Option<&str>, field: &Field, count: usize) {
        if count == 0 {
            return;
        }
        if let Some(last) = self.places.last_mut() {
            if last.under.as_deref() == under && &last.field == field {
                last.count += count;
                return;
            }
        }
        self.places.push(Unshown {
            under: under.map(str::to_owned),
            field: field.clone(),
            count,
        });
    }

    /// The places, in reading order.
    pub(crate) fn finish(self) -> Vec<Unshown> {
        self.places
    }
}

use crate::lang::{Lang, PluralForm};

/// How many places [`summary`] names before it says how many more there are.
const NAMED: usize = 5;

/// The longest heading or caption, in characters, that [`summary`] quotes whole.
const QUOTED: usize = 60;

/// One sentence (or two) saying how many characters could not be drawn and where, or `None`
/// when every character was drawn. For example: "3 characters could not be drawn: 2 in the
/// comments under “How well were you listened to?” and 1 in row 4 of the table “The plan”.
/// Each shows as a � mark in the PDF: check those places before you share it."
pub fn summary(places: &[Unshown]) -> Option<String> {
    summary_in(places, Lang::En)
}

/// [`summary`] in `lang`, the report's language: in Welsh "Nid oedd modd dangos 3 nod: …",
/// its counts in their plural forms ("2 le arall", "7 o nodau") and its places joined by
/// semicolons (a Welsh "a" would become "ac" before some numbers).
pub fn summary_in(places: &[Unshown], lang: Lang) -> Option<String> {
    let total: usize = places.iter().map(|p| p.count).sum();
    if total == 0 {
        return None;
    }
    let mut named: Vec<String> = places
        .iter()
        .take(NAMED)
        .map(|p| format!("{} {}", p.count, where_is(p, lang)))
        .collect();
    let rest = places.len().saturating_sub(NAMED);
    if rest > 0 {
        let more: usize = places.iter().skip(NAMED).map(|p| p.count).sum();
        named.push(match (lang, lang.plural(rest as u64)) {
            (Lang::En, PluralForm::One) => format!("{more} in {rest} other place"),
            (Lang::En, _) => format!("{more} in {rest} other places"),
            // "lle" takes the soft mutation after two: dau le.
            (Lang::Cy, PluralForm::Two) => format!("{more} mewn {rest} le arall"),
            (Lang::Cy, PluralForm::Zero | PluralForm::Other) => {
                format!("{more} mewn {rest} o leoedd eraill")
            }
            (Lang::Cy, _) => format!("{more} mewn {rest} lle arall"),
        });
    }
    let list = match (lang, named.split_last()) {
        (Lang::Cy, _) => named.join("; "),
        (Lang::En, Some((last, first))) if !first.is_empty() => {
            format!("{} and {last}", first.join(", "))
        }
        (Lang::En, _) => named.concat(),
    };
    let one_place = places.len() == 1;
    Some(match lang {
        Lang::En => format!(
            "{total} {} could not be drawn: {list}. {} as a \u{FFFD} mark in the PDF: check {} before you share it.",
            if total == 1 { "character" } else { "characters" },
            if total == 1 { "It shows" } else { "Each shows" },
            if one_place { "that place" } else { "those places" },
        ),
        Lang::Cy => format!(
            "Nid oedd modd dangos {}: {list}. {} fel marc \u{FFFD} yn y PDF: gwiriwch {} cyn i chi ei rannu.",
            match lang.plural(total as u64) {
                PluralForm::Zero | PluralForm::Other => format!("{total} o nodau"),
                _ => format!("{total} nod"),
            },
            if total == 1 { "Mae’n ymddangos" } else { "Mae pob un yn ymddangos" },
            if one_place { "y lle hwnnw" } else { "y lleoedd hynny" },
        ),
    })
}

/// Where a place is, in words that follow its count ("in row 4 of the table “Plan”").
fn where_is(place: &Unshown, lang: Lang) -> String {
    let cy = lang == Lang::Cy;
    let under = place
        .under
        .as_deref()
        .map(|h| format!(" {} {}", if cy { "o dan" } else { "under" }, quoted(h)))
        .unwrap_or_default();
    let say = |en: &str, cy_words: &str| {
        if cy {
            cy_words.to_owned()
        } else {
            en.to_owned()
        }
    };
    match &place.field {
        Field::Cover => say("on the cover", "ar y clawr"),
        // "yn" before "troedyn" takes the nasal mutation: yn nhroedyn.
        Field::Footer => say("in the footer of each page", "yn nhroedyn pob tudalen"),
        Field::Heading => match &place.under {
            Some(h) => format!("{} {}", say("in the heading", "yn y pennawd"), quoted(h)),
            None => say("in a heading", "mewn pennawd"),
        },
        Field::Text => format!("{}{under}", say("in the text", "yn y testun")),
        Field::Quote => format!(
            "{}{under}",
            say("in the quoted comments", "yn y sylwadau a ddyfynnwyd")
        ),
        Field::Notice => format!("{}{under}", say("in a notice", "mewn hysbysiad")),
        Field::List => format!("{}{under}", say("in a list", "mewn rhestr")),
        Field::Chart => format!("{}{under}", say("in a chart", "mewn siart")),
        Field::Fact { label } => format!("{} {}{under}", say("in", "yn"), quoted(label)),
        Field::TableHead { caption } => format!(
            "{} {}",
            say("in the headings of the table", "ym mhenawdau’r tabl"),
            quoted(caption)
        ),
        Field::TableRow { caption, row } => match lang {
            Lang::En => format!("in row {row} of the table {}", quoted(caption)),
            Lang::Cy => format!("yn rhes {row} y tabl {}", quoted(caption)),
        },
        Field::TableNote { caption } => format!(
            "{} {}",
            say("in the note under the table", "yn y nodyn o dan y tabl"),
            quoted(caption)
        ),
    }
}

/// `text` in curly quotes, cut to [`QUOTED`] characters with an ellipsis, on one line.
fn quoted(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTED {
        format!("\u{201c}{flat}\u{201d}")
    } else {
        let cut: String = flat.chars().take(QUOTED - 1).collect();
        format!("\u{201c}{}\u{2026}\u{201d}", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(under: Option<&str>, field: Field, count: usize) -> Unshown {
        Unshown {
            under: under.map(str::to_owned),
            field,
            count,
        }
    }

    #[test]
    fn nothing_unshown_says_nothing() {
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn one_place_is_named_with_its_count() {
        let text = summary(&[place(Some("Do staff listen to you?"), Field::Quote, 1)]).unwrap();
        assert_eq!(
            text,
            "1 character could not be drawn: 1 in the quoted comments under \u{201c}Do staff listen to you?\u{201d}. It shows as a \u{FFFD} mark in the PDF: check that place before you share it."
        );
    }

    #[test]
    fn several_places_are_listed_in_order_and_the_rest_counted() {
        let mut places = vec![
            place(
                Some("Relationships"),
                Field::Fact {
                    label: "Evidence".into(),
                },
                3,
            ),
            place(
                None,
                Field::TableRow {
                    caption: "The plan".into(),
                    row: 4,
                },
                1,
            ),
        ];
        let text = summary(&places).unwrap();
        assert!(
            text.starts_with("4 characters could not be drawn: 3 in \u{201c}Evidence\u{201d} under \u{201c}Relationships\u{201d} and 1 in row 4 of the table \u{201c}The plan\u{201d}. Each shows"),
            "{text}"
        );
        for i in 0..5 {
            places.push(place(Some(&format!("Question {i}")), Field::Quote, 2));
        }
        let text = summary(&places).unwrap();
        assert!(
            text.starts_with("14 characters could not be drawn: 3 in"),
            "{text}"
        );
        assert!(
            text.contains(", 2 in the quoted comments under \u{201c}Question 2\u{201d} and 4 in 2 other places."),
            "{text}"
        );
    }

    #[test]
    fn in_welsh_the_counts_take_their_forms_and_the_places_their_mutations() {
        let one = summary_in(&[place(None, Field::Footer, 1)], Lang::Cy).unwrap();
        assert_eq!(
            one,
            "Nid oedd modd dangos 1 nod: 1 yn nhroedyn pob tudalen. Mae’n ymddangos fel marc \u{FFFD} yn y PDF: gwiriwch y lle hwnnw cyn i chi ei rannu."
        );
        let mut places = vec![
            place(
                None,
                Field::TableHead {
                    caption: "Y cynllun".into(),
                },
                3,
            ),
            place(Some("Gwasanaethau"), Field::Quote, 4),
        ];
        let text = summary_in(&places, Lang::Cy).unwrap();
        assert!(
            text.starts_with("Nid oedd modd dangos 7 o nodau: 3 ym mhenawdau’r tabl \u{201c}Y cynllun\u{201d}; 4 yn y sylwadau a ddyfynnwyd o dan \u{201c}Gwasanaethau\u{201d}. Mae pob un"),
            "{text}"
        );
        assert!(
            text.ends_with("gwiriwch y lleoedd hynny cyn i chi ei rannu."),
            "{text}"
        );
        // The places beyond the first five, counted: 1 lle, 2 le, 3 lle, 6 lle, 7 o leoedd.
        for (more, said) in [
            (1, "mewn 1 lle arall."),
            (2, "mewn 2 le arall."),
            (3, "mewn 3 lle arall."),
            (6, "mewn 6 lle arall."),
            (7, "mewn 7 o leoedd eraill."),
        ] {
            places.truncate(2);
            for i in 0..(3 + more) {
                places.push(place(Some(&format!("C{i}")), Field::Text, 1));
            }
            let text = summary_in(&places, Lang::Cy).unwrap();
            assert!(text.contains(said), "{more}: {text}");
        }
        // The total's forms: 2 nod, 3 nod, 6 nod, 20 o nodau.
        for (n, said) in [
            (2, "dangos 2 nod:"),
            (3, "dangos 3 nod:"),
            (6, "dangos 6 nod:"),
            (20, "dangos 20 o nodau:"),
        ] {
            let text = summary_in(&[place(None, Field::Cover, n)], Lang::Cy).unwrap();
            assert!(text.contains(said) && text.contains("ar y clawr"), "{text}");
        }
        assert_eq!(summary_in(&[], Lang::Cy), None);
    }

    #[test]
    fn a_long_heading_is_cut() {
        let long = "word ".repeat(30);
        let text = summary(&[place(Some(&long), Field::Text, 2)]).unwrap();
        assert!(text.contains("word word\u{2026}\u{201d}"), "{text}");
    }

    #[test]
    fn the_tally_merges_a_place_with_the_one_before_only() {
        let mut tally = Tally::default();
        tally.add(Some("Q1"), &Field::Quote, 1);
        tally.add(Some("Q1"), &Field::Quote, 2);
        tally.add(Some("Q1"), &Field::Text, 0);
        tally.add(Some("Q2"), &Field::Quote, 1);
        tally.add(Some("Q1"), &Field::Quote, 1);
        let places = tally.finish();
        assert_eq!(
            places.iter().map(|p| p.count).collect::<Vec<_>>(),
            [3, 1, 1]
        );
    }
}
