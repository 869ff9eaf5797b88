//! Text a person reads, given in one language or in several: a question, a label, a notice.
//!
//! Owns: [`Text`], how it is written in a definition and how a language is chosen from it.
//! Must not touch: which texts a definition must translate (the language rules V18 to V21,
//! [`crate::definition::languages`]) or the interface's own wording.
//!
//! In a definition a text is written either as a plain string, which is in the definition's
//! primary language (the first of its `languages`, English when it declares none):
//!
//! ```json
//! "text": "How well did your social worker listen to you?"
//! ```
//!
//! or as an object with one text per language:
//!
//! ```json
//! "text": { "cy": "Pa mor dda wnaeth eich gweithiwr cymdeithasol wrando arnoch chi?",
//!           "en": "How well did your social worker listen to you?" }
//! ```
//!
//! A plain string means "the primary language", so which language that is depends on the
//! definition around it. The definition loader says which while it reads a definition; a text
//! read on its own takes English.

use std::cell::Cell;
use std::fmt;
use std::ops::Deref;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// Text in one or more languages. It is never asked for a language it lacks without an answer:
/// [`Text::get`] falls back to the primary language.
///
/// It reads as its primary text wherever a `&str` is wanted (`Deref`, `Display`), so code that
/// shows one language only keeps working unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Each language given, the primary language first (when given), then in [`Lang::ALL`]
    /// order. Empty only for a text written as `{}`, which validation reports.
    entries: Vec<(Lang, String)>,
}

thread_local! {
    /// The primary language of the definition being read, for plain strings.
    static PRIMARY: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Runs `read` with plain-string texts taken to be in `primary`: the definition loader wraps
/// each parse of a definition in it, once it knows the definition's `languages`.
pub(crate) fn read_with_primary<T>(primary: Lang, read: impl FnOnce() -> T) -> T {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            PRIMARY.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(PRIMARY.with(|cell| cell.replace(primary)));
    read()
}

impl Text {
    /// A text in one language.
    pub fn new(lang: Lang, text: impl Into<String>) -> Self {
        Self {
            entries: vec![(lang, text.into())],
        }
    }

    /// A text given in several languages; the first is the primary. A language given twice
    /// keeps its first text.
    pub fn from_languages(texts: impl IntoIterator<Item = (Lang, String)>) -> Self {
        let mut entries: Vec<(Lang, String)> = Vec::new();
        for (lang, text) in texts {
            if !entries.iter().any(|(given, _)| *given == lang) {
                entries.push((lang, text));
            }
        }
        Self { entries }
    }

    /// The entries put in order: `primary` first (when given), then the others in
    /// [`Lang::ALL`] order. (Picked out one by one rather than sorted: a sort would add several
    /// kilobytes to the app for a list of one or two.)
    pub(crate) fn ordered(mut entries: Vec<(Lang, String)>, primary: Lang) -> Self {
        let mut ordered = Vec::with_capacity(entries.len());
        for lang in std::iter::once(primary).chain(Lang::ALL) {
            if let Some(at) = entries.iter().position(|(given, _)| *given == lang) {
                ordered.push(entries.swap_remove(at));
            }
        }
        Self { entries: ordered }
    }

    /// The text in `lang`, or in the primary language when it is not given in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang).unwrap_or_else(|| self.primary())
    }

    /// The language [`Text::get`] answers in for `lang`: `lang` itself, or the primary language
    /// when the text lacks `lang` (so the page can mark that part with its own `lang`).
    pub fn language_for(&self, lang: Lang) -> Lang {
        match self.exact(lang) {
            Some(_) => lang,
            None => self.entries.first().map_or(lang, |(primary, _)| *primary),
        }
    }

    /// The text in `lang`, only if it is given in `lang`.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        self.entries
            .iter()
            .find(|(given, _)| *given == lang)
            .map(|(_, text)| text.as_str())
    }

    /// The text in the primary language (the first given): what a one-language page shows.
    pub fn primary(&self) -> &str {
        self.entries.first().map_or("", |(_, text)| text.as_str())
    }

    /// The text in the primary language, as [`Text::primary`] (for code written for strings).
    pub fn as_str(&self) -> &str {
        self.primary()
    }

    /// The languages given, primary first.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.entries.iter().map(|(lang, _)| *lang)
    }

    /// Each language given with its text, primary first.
    pub fn entries(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.entries
            .iter()
            .map(|(lang, text)| (*lang, text.as_str()))
    }

    /// Which of `languages` the text is not given in, in their order.
    pub fn missing(&self, languages: &[Lang]) -> Vec<Lang> {
        languages
            .iter()
            .copied()
            .filter(|lang| self.exact(*lang).is_none())
            .collect()
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.primary()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.primary()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.primary())
    }
}

impl From<&str> for Text {
    /// An English text (the toolkit's own wording, and tests).
    fn from(text: &str) -> Self {
        Text::new(Lang::En, text)
    }
}

impl From<String> for Text {
    /// An English text (the toolkit's own wording, and tests).
    fn from(text: String) -> Self {
        Text::new(Lang::En, text)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.primary() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.primary() == *other
    }
}

impl Serialize for Text {
    /// One language as a plain string (it is the primary), several as an object.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.entries.as_slice() {
            [(_, text)] => serializer.serialize_str(text),
            entries => serializer.collect_map(entries.iter().map(|(lang, text)| (lang, text))),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // As a plain string is described, so the loader's advice for a wrong value
                // ("put it in double quotes") applies unchanged.
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text::new(PRIMARY.with(Cell::get), text))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text::new(PRIMARY.with(Cell::get), text))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut entries: Vec<(Lang, String)> = Vec::new();
                while let Some(lang) = map.next_key::<Lang>()? {
                    let text: String = map.next_value()?;
                    if entries.iter().any(|(given, _)| *given == lang) {
                        return Err(de::Error::duplicate_field(lang.code()));
                    }
                    entries.push((lang, text));
                }
                Ok(Text::ordered(entries, PRIMARY.with(Cell::get)))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let languages: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .into_iter()
            .map(|lang| {
                (
                    lang.code().to_owned(),
                    serde_json::json!({
                        "type": "string",
                        "description": format!("The text in {}.", lang.name())
                    }),
                )
            })
            .collect();
        schemars::json_schema!({
            "description": "Text people read: a plain string, in the definition's primary language (the first of its `languages`), or an object with the text in each language, for example { \"en\": \"…\", \"cy\": \"…\" }.",
            "oneOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": languages,
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str, primary: Lang) -> Text {
        read_with_primary(primary, || serde_json::from_str(json)).unwrap()
    }

    #[test]
    fn a_plain_string_is_in_the_primary_language() {
        let text = read("\"Croeso\"", Lang::Cy);
        assert_eq!(text.primary(), "Croeso");
        assert_eq!(text.languages().collect::<Vec<_>>(), vec![Lang::Cy]);
        let text = read("\"Welcome\"", Lang::En);
        assert_eq!(text.languages().collect::<Vec<_>>(), vec![Lang::En]);
        // Outside a definition, English.
        let text: Text = serde_json::from_str("\"Welcome\"").unwrap();
        assert_eq!(text.languages().collect::<Vec<_>>(), vec![Lang::En]);
    }

    #[test]
    fn an_object_gives_each_language_with_the_primary_first() {
        let json = r#"{ "en": "Welcome", "cy": "Croeso" }"#;
        let welsh_first = read(json, Lang::Cy);
        assert_eq!(welsh_first.primary(), "Croeso");
        assert_eq!(&*welsh_first, "Croeso");
        assert_eq!(welsh_first.get(Lang::En), "Welcome");
        let english_first = read(json, Lang::En);
        assert_eq!(english_first.to_string(), "Welcome");
        assert_eq!(english_first.get(Lang::Cy), "Croeso");
    }

    #[test]
    fn a_missing_language_falls_back_to_the_primary() {
        let text = read("\"Welcome\"", Lang::En);
        assert_eq!(text.get(Lang::Cy), "Welcome");
        assert_eq!(text.language_for(Lang::Cy), Lang::En);
        assert_eq!(text.exact(Lang::Cy), None);
        assert_eq!(text.missing(&[Lang::En, Lang::Cy]), vec![Lang::Cy]);
        let both = read(r#"{ "en": "Welcome", "cy": "Croeso" }"#, Lang::En);
        assert!(both.missing(&[Lang::Cy, Lang::En]).is_empty());
        assert_eq!(both.language_for(Lang::Cy), Lang::Cy);
    }

    #[test]
    fn one_language_is_written_back_as_a_plain_string_and_several_as_an_object() {
        let text = read("\"Welcome\"", Lang::En);
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Welcome\"");
        let both = read(r#"{ "en": "Welcome", "cy": "Croeso" }"#, Lang::Cy);
        let written = serde_json::to_string(&both).unwrap();
        assert_eq!(written, r#"{"cy":"Croeso","en":"Welcome"}"#);
        assert_eq!(read(&written, Lang::Cy), both);
    }

    #[test]
    fn unknown_languages_and_wrong_values_are_refused() {
        let error = serde_json::from_str::<Text>(r#"{ "fr": "Bienvenue" }"#).unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `fr`"),
            "{error}"
        );
        let error = serde_json::from_str::<Text>(r#"{ "cy": 3 }"#).unwrap_err();
        assert!(error.to_string().contains("expected a string"), "{error}");
        let error = serde_json::from_str::<Text>("3").unwrap_err();
        assert!(error.to_string().contains("expected a string"), "{error}");
        let error = serde_json::from_str::<Text>(r#"{ "cy": "a", "cy": "b" }"#).unwrap_err();
        assert!(
            error.to_string().contains("duplicate field `cy`"),
            "{error}"
        );
    }

    #[test]
    fn the_primary_language_is_restored_after_reading() {
        read("\"Croeso\"", Lang::Cy);
        assert_eq!(PRIMARY.with(Cell::get), Lang::En);
    }
}
