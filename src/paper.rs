//! The languages a printed feedback form can be in: one language, or Welsh and English together,
//! either side by side or one after the other within each question (issue 14's active offer on
//! paper).
//!
//! Owns: which layouts a collection can print ([`PaperLayout::choices`], rule B1), which comes
//! first, and what each is called on the paper page. Must not touch: how a form is drawn (the
//! app's paper page renders a layout) or the answers (they stay language-neutral, so a Welsh
//! form and an English form are typed in the same way).
//!
//! - B1 A collection that offers one language prints in it alone. A collection that offers
//!   Welsh and English prints, by default, both languages side by side in the offer's order
//!   (Welsh on the left when Welsh comes first), because a bilingual form treats neither
//!   language less favourably and one form serves everyone; it can also print both one after
//!   the other within each question, or either language alone.

use crate::lang::Lang;

/// How a printed form sets out its languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperLayout {
    /// One language throughout.
    One(Lang),
    /// Two languages in two columns, the first on the left.
    SideBySide(Lang, Lang),
    /// Two languages within each question and heading, the first above the second.
    OneAfterTheOther(Lang, Lang),
}

impl PaperLayout {
    /// Rule P1: the layouts a collection offering `offered` (in the offer's order, as
    /// [`crate::work::LanguageOffer::offered`] gives them) can print, the default first.
    pub fn choices(offered: &[Lang]) -> Vec<PaperLayout> {
        match offered {
            [] => vec![PaperLayout::One(Lang::En)],
            [only] => vec![PaperLayout::One(*only)],
            [first, second, ..] => vec![
                PaperLayout::SideBySide(*first, *second),
                PaperLayout::OneAfterTheOther(*first, *second),
                PaperLayout::One(*first),
                PaperLayout::One(*second),
            ],
        }
    }

    /// The languages printed, in reading order.
    pub fn languages(self) -> Vec<Lang> {
        match self {
            PaperLayout::One(lang) => vec![lang],
            PaperLayout::SideBySide(first, second)
            | PaperLayout::OneAfterTheOther(first, second) => vec![first, second],
        }
    }

    /// The language the form is read in first (the page's own `lang`).
    pub fn first(self) -> Lang {
        match self {
            PaperLayout::One(lang)
            | PaperLayout::SideBySide(lang, _)
            | PaperLayout::OneAfterTheOther(lang, _) => lang,
        }
    }

    /// The choice's words on the paper page, naming each language in its own words too.
    pub fn label(self) -> String {
        self.label_in(Lang::En)
    }

    /// How the layout is offered to a lead whose interface is in `page`.
    pub fn label_in(self, page: Lang) -> String {
        let name = |lang: Lang| match (page, lang) {
            (Lang::En, Lang::En) => "English",
            (Lang::En, Lang::Cy) => "Welsh (Cymraeg)",
            (Lang::Cy, Lang::En) => "Saesneg",
            (Lang::Cy, Lang::Cy) => "Cymraeg",
        };
        let and = crate::messages::say(page, "and", "a");
        // After "a" (and), Welsh takes the aspirate mutation: "Saesneg a Chymraeg".
        let second = |lang: Lang| match (page, lang) {
            (Lang::Cy, Lang::Cy) => "Chymraeg",
            _ => name(lang),
        };
        let names = |a: Lang, b: Lang| format!("{} {and} {}", name(a), second(b));
        match (page, self) {
            (Lang::En, PaperLayout::One(lang)) => format!("{} only", name(lang)),
            (Lang::Cy, PaperLayout::One(lang)) => format!("{} yn unig", name(lang)),
            (Lang::En, PaperLayout::SideBySide(a, b)) => format!("{}, side by side", names(a, b)),
            (Lang::Cy, PaperLayout::SideBySide(a, b)) => format!("{}, ochr yn ochr", names(a, b)),
            (Lang::En, PaperLayout::OneAfterTheOther(a, b)) => {
                format!("{}, one after the other in each question", names(a, b))
            }
            (Lang::Cy, PaperLayout::OneAfterTheOther(a, b)) => {
                format!("{}, y naill ar ôl y llall ym mhob cwestiwn", names(a, b))
            }
        }
    }

    /// A short name for a control's id: `cy`, `cy-en-side`, `cy-en-stacked`.
    pub fn code(self) -> String {
        match self {
            PaperLayout::One(lang) => lang.code().to_owned(),
            PaperLayout::SideBySide(a, b) => format!("{}-{}-side", a.code(), b.code()),
            PaperLayout::OneAfterTheOther(a, b) => format!("{}-{}-stacked", a.code(), b.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b1_one_language_offered_prints_in_it_alone() {
        assert_eq!(
            PaperLayout::choices(&[Lang::En]),
            [PaperLayout::One(Lang::En)]
        );
        assert_eq!(PaperLayout::choices(&[]), [PaperLayout::One(Lang::En)]);
    }

    #[test]
    fn b1_welsh_first_prints_both_side_by_side_welsh_on_the_left_by_default() {
        let choices = PaperLayout::choices(&[Lang::Cy, Lang::En]);
        assert_eq!(
            choices,
            [
                PaperLayout::SideBySide(Lang::Cy, Lang::En),
                PaperLayout::OneAfterTheOther(Lang::Cy, Lang::En),
                PaperLayout::One(Lang::Cy),
                PaperLayout::One(Lang::En),
            ]
        );
        assert_eq!(choices[0].first(), Lang::Cy);
        assert_eq!(choices[1].languages(), [Lang::Cy, Lang::En]);
        let english_first = PaperLayout::choices(&[Lang::En, Lang::Cy]);
        assert_eq!(
            english_first[0],
            PaperLayout::SideBySide(Lang::En, Lang::Cy)
        );
    }

    #[test]
    fn each_choice_has_its_own_code_and_names_its_languages() {
        let choices = PaperLayout::choices(&[Lang::Cy, Lang::En]);
        let codes: Vec<String> = choices.iter().map(|c| c.code()).collect();
        assert_eq!(codes, ["cy-en-side", "cy-en-stacked", "cy", "en"]);
        assert!(
            choices[0].label().contains("side by side"),
            "{}",
            choices[0].label()
        );
        assert!(
            choices[2].label().contains("Cymraeg"),
            "{}",
            choices[2].label()
        );
        assert_eq!(
            PaperLayout::SideBySide(Lang::Cy, Lang::En).label_in(Lang::Cy),
            "Cymraeg a Saesneg, ochr yn ochr"
        );
        assert_eq!(
            PaperLayout::One(Lang::En).label_in(Lang::Cy),
            "Saesneg yn unig"
        );
        assert_eq!(
            PaperLayout::SideBySide(Lang::En, Lang::Cy).label_in(Lang::Cy),
            "Saesneg a Chymraeg, ochr yn ochr"
        );
    }
}
