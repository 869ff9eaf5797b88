//! The languages the toolkit speaks (English and Welsh), and their plural rules.
//!
//! Owns: [`Lang`], the language codes written in definitions (`en`, `cy`), the tags for `lang`
//! attributes and PDF document languages (`en-GB`, `cy`), the languages' names, and which plural
//! form a count takes in each ([`Lang::plural`]). Text given per language is [`crate::text::Text`];
//! dates in words are [`crate::date::Date::long_in`].
//! Must not touch: the wording of the interface (the message catalogue) or of definitions.
//!
//! Plural forms follow the Unicode CLDR rules, through the `intl_pluralrules` crate (Project
//! Fluent's): English has two forms (one, other); Welsh has six (zero, one, two, few, many,
//! other), so "0 ymatebion, 1 ymateb, 2 ymateb, 3 ymateb, 6 ymateb, 20 ymateb" each pick their
//! own wording in a catalogue.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// A language the toolkit can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, written `en`.
    En,
    /// Welsh (Cymraeg), written `cy`.
    Cy,
}

impl Lang {
    /// Every language, in the order the toolkit lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// Their codes, in the same order.
    const CODES: [&'static str; 2] = ["en", "cy"];

    /// The code written in a definition: `en` or `cy` (ISO 639-1).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language with this definition code, if the toolkit knows it (without serde).
    pub fn from_code(code: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The BCP 47 tag for a page's or an element's `lang` attribute, and a PDF's document
    /// language: `en-GB` (British English, the toolkit's spelling) or `cy`.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy",
        }
    }

    /// The language's name in English: "English", "Welsh".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Welsh",
        }
    }

    /// The language's name in itself, as a language switch shows it: "English", "Cymraeg".
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Cymraeg",
        }
    }

    /// The language named for an author, with its code: "Welsh (cy)".
    pub fn described(self) -> String {
        format!("{} ({})", self.name(), self.code())
    }

    /// The plural form a count of `n` takes in this language (cardinal numbers), following the
    /// CLDR rules: in Welsh 0 is zero, 1 one, 2 two, 3 few, 6 many and every other number
    /// other; in English 1 is one and every other number other.
    pub fn plural(self, n: u64) -> PluralForm {
        // Written out for the two languages, as whole numbers are all the toolkit counts: a
        // plural rules library with its language tags cost every part that shows a count
        // (the section page among them) about 2 kB compressed. A test holds these to CLDR's
        // rules (`intl_pluralrules`, a dev-dependency) for the first 10,000 numbers.
        match (self, n) {
            (Lang::Cy, 0) => PluralForm::Zero,
            (_, 1) => PluralForm::One,
            (Lang::Cy, 2) => PluralForm::Two,
            (Lang::Cy, 3) => PluralForm::Few,
            (Lang::Cy, 6) => PluralForm::Many,
            _ => PluralForm::Other,
        }
    }
}

impl<'de> Deserialize<'de> for Lang {
    /// Read from its code, by hand rather than derived: smaller in the app, the same messages
    /// ("unknown variant `fr`, expected `en` or `cy`").
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| serde::de::Error::unknown_variant(&code, &Lang::CODES))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A CLDR plural category: which wording of a message a count takes. A language uses some of
/// them (English: one and other; Welsh: all six).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PluralForm {
    /// Welsh 0.
    Zero,
    /// English and Welsh 1.
    One,
    /// Welsh 2.
    Two,
    /// Welsh 3.
    Few,
    /// Welsh 6.
    Many,
    /// Every other number.
    Other,
}

impl PluralForm {
    /// The category's CLDR name, as message catalogues write it: `zero`, `one`, `two`, `few`,
    /// `many` or `other`.
    pub fn name(self) -> &'static str {
        match self {
            PluralForm::Zero => "zero",
            PluralForm::One => "one",
            PluralForm::Two => "two",
            PluralForm::Few => "few",
            PluralForm::Many => "many",
            PluralForm::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_has_six_plural_forms() {
        let forms: Vec<(u64, &str)> = [0, 1, 2, 3, 6, 20]
            .into_iter()
            .map(|n| (n, Lang::Cy.plural(n).name()))
            .collect();
        assert_eq!(
            forms,
            vec![
                (0, "zero"),
                (1, "one"),
                (2, "two"),
                (3, "few"),
                (6, "many"),
                (20, "other")
            ]
        );
        for n in [4, 5, 7, 8, 10, 11, 100, 1_000_000] {
            assert_eq!(Lang::Cy.plural(n), PluralForm::Other, "{n}");
        }
    }

    #[test]
    fn the_plural_forms_are_cldr_s() {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        for lang in Lang::ALL {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap();
            let rules = PluralRules::create(id, PluralRuleType::CARDINAL).unwrap();
            for n in 0..10_000u64 {
                let cldr = match rules.select(n).unwrap() {
                    PluralCategory::ZERO => PluralForm::Zero,
                    PluralCategory::ONE => PluralForm::One,
                    PluralCategory::TWO => PluralForm::Two,
                    PluralCategory::FEW => PluralForm::Few,
                    PluralCategory::MANY => PluralForm::Many,
                    PluralCategory::OTHER => PluralForm::Other,
                };
                assert_eq!(lang.plural(n), cldr, "{lang:?} {n}");
            }
        }
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(Lang::En.plural(0), PluralForm::Other);
        assert_eq!(Lang::En.plural(1), PluralForm::One);
        assert_eq!(Lang::En.plural(2), PluralForm::Other);
        assert_eq!(Lang::En.plural(3), PluralForm::Other);
    }

    #[test]
    fn codes_tags_and_names() {
        assert_eq!(Lang::from_code("cy"), Some(Lang::Cy));
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("cy-GB"), None);
        assert_eq!(Lang::En.bcp47(), "en-GB");
        assert_eq!(Lang::Cy.bcp47(), "cy");
        assert_eq!(Lang::Cy.own_name(), "Cymraeg");
        assert_eq!(Lang::Cy.described(), "Welsh (cy)");
        for (lang, code) in Lang::ALL.into_iter().zip(Lang::CODES) {
            assert_eq!(lang.code(), code);
            let written = serde_json::to_string(&lang).unwrap();
            assert_eq!(written, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Lang>(&written).unwrap(), lang);
        }
        let error = serde_json::from_str::<Lang>("\"fr\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown variant `fr`, expected `en` or `cy`"
        );
    }
}
