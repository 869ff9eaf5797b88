//! Reading [`AnswerKind`] and [`Per`], the definition's two internally tagged enums (`"type"`
//! and `"basis"` name the variant inside the object), field by field as they come.
//!
//! serde's derived reader for such an enum first copies the whole object into a buffer of its
//! own (its private `Content`), finds the tag, then reads the variant from that buffer: a
//! second copy of every field's reading code, instantiated for the buffer, for every type
//! inside the enum. In the browser that copy was one of the larger parts the section page
//! downloads (README, "Where the bytes go"). Here each field name means one thing whichever
//! the variant (`options` is always a list of options, `max_length` always a whole number), so
//! each is read straight into its own place, and the variant is put together once the object
//! ends.
//!
//! What is accepted, and the words of every refusal, are serde's: `missing field`, `unknown
//! variant … expected one of …`, `unknown field … expected …`, `duplicate field`, and the
//! field's own type errors, so the strict loader explains them as before. Three things differ,
//! both for the better: a type error is placed at the field rather than at the end of the
//! object; an object is the only shape accepted (the derived reader also took a list whose
//! first item was the tag, which no definition writes and the schema does not allow); and a
//! field written before the tag is read before the tag is known, so a field the variant does
//! not take, with a value of the wrong type, is refused for its value (the strict loader then
//! says the field is not taken: `load/repair.rs`, `stray_in_answer`).
//!
//! Owns: reading these two enums. Must not touch: what they mean (see `definition.rs`).

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, Visitor};

use super::{AnswerKind, Per, ScaleId, ScaleOption};
use crate::ids::QuestionId;
use crate::text::Text;

/// The answer types, as authors write them in `"type"`.
pub(super) const TYPES: &[&str] = &[
    "rating",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "short_text",
    "long_text",
    "date",
    "number",
];

/// The fields each answer type takes, beside `"type"` (serde's order: as declared).
pub(super) fn fields_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "rating" => &["scale"],
        "single_choice" | "multiple_choice" => &["options"],
        "yes_no" => &["yes_points", "no_points"],
        "short_text" | "long_text" => &["max_length"],
        "number" => &["unit", "min", "max", "decimals", "per"],
        _ => &[],
    }
}

/// Every field of every answer type, each read into its own place.
#[derive(Default)]
struct AnswerFields {
    scale: Option<ScaleId>,
    options: Option<Vec<ScaleOption>>,
    yes_points: Option<Option<u32>>,
    no_points: Option<Option<u32>>,
    max_length: Option<Option<u32>>,
    unit: Option<Text>,
    min: Option<i64>,
    max: Option<i64>,
    decimals: Option<u8>,
    per: Option<Option<Per>>,
}

/// Reads the value of field `name` into `place`, refusing a second one; notes the field in
/// `early` when it comes before the tag.
fn read_once<'de, A, T>(
    access: &mut A,
    place: &mut Option<T>,
    name: &'static str,
    early: Option<&mut Vec<String>>,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if place.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *place = Some(access.next_value()?);
    if let Some(early) = early {
        early.push(name.to_owned());
    }
    Ok(())
}

/// Once the tag is known: the first field read before it that the variant does not take,
/// refused as serde's derived reader would have, in the order written.
fn refuse_early<E: Error>(early: Vec<String>, allowed: &'static [&'static str]) -> Result<(), E> {
    match early.iter().find(|name| !allowed.contains(&name.as_str())) {
        Some(name) => Err(E::unknown_field(name, allowed)),
        None => Ok(()),
    }
}

/// The variant's tag: read once, and known (`allowed`), else serde's refusal.
fn read_tag<'de, A: MapAccess<'de>>(
    access: &mut A,
    tag: &mut Option<String>,
    name: &'static str,
    allowed: &'static [&'static str],
) -> Result<(), A::Error> {
    if tag.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    let written: String = access.next_value()?;
    if !allowed.contains(&written.as_str()) {
        return Err(A::Error::unknown_variant(&written, allowed));
    }
    *tag = Some(written);
    Ok(())
}

/// A required field of the variant, or serde's `missing field`.
fn required<T, E: Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

struct AnswerKindVisitor;

impl<'de> Visitor<'de> for AnswerKindVisitor {
    type Value = AnswerKind;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("internally tagged enum AnswerKind")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<AnswerKind, A::Error> {
        let mut kind: Option<String> = None;
        let mut fields = AnswerFields::default();
        // The fields read before the type, in order (a document read through
        // `serde_json::Value` has its keys in alphabetical order, so `type` comes nearly last).
        let mut early = Vec::new();
        while let Some(key) = access.next_key::<String>()? {
            if key == "type" {
                read_tag(&mut access, &mut kind, "type", TYPES)?;
                continue;
            }
            if let Some(kind) = &kind {
                if !fields_of(kind).contains(&key.as_str()) {
                    return Err(A::Error::unknown_field(&key, fields_of(kind)));
                }
            }
            let e = kind.is_none().then_some(&mut early);
            let f = &mut fields;
            match key.as_str() {
                "scale" => read_once(&mut access, &mut f.scale, "scale", e)?,
                "options" => read_once(&mut access, &mut f.options, "options", e)?,
                "yes_points" => read_once(&mut access, &mut f.yes_points, "yes_points", e)?,
                "no_points" => read_once(&mut access, &mut f.no_points, "no_points", e)?,
                "max_length" => read_once(&mut access, &mut f.max_length, "max_length", e)?,
                "unit" => read_once(&mut access, &mut f.unit, "unit", e)?,
                "min" => read_once(&mut access, &mut f.min, "min", e)?,
                "max" => read_once(&mut access, &mut f.max, "max", e)?,
                "decimals" => read_once(&mut access, &mut f.decimals, "decimals", e)?,
                "per" => read_once(&mut access, &mut f.per, "per", e)?,
                // No answer type takes it: refused once the type is known, which names that
                // type's own fields.
                _ => {
                    access.next_value::<IgnoredAny>()?;
                    early.push(key);
                }
            }
        }
        let kind = required(kind, "type")?;
        refuse_early(early, fields_of(&kind))?;
        let f = fields;
        Ok(match kind.as_str() {
            "rating" => AnswerKind::Rating {
                scale: required(f.scale, "scale")?,
            },
            "single_choice" => AnswerKind::SingleChoice {
                options: required(f.options, "options")?,
            },
            "multiple_choice" => AnswerKind::MultipleChoice {
                options: required(f.options, "options")?,
            },
            "yes_no" => AnswerKind::YesNo {
                yes_points: f.yes_points.flatten(),
                no_points: f.no_points.flatten(),
            },
            "short_text" => AnswerKind::ShortText {
                max_length: f.max_length.flatten(),
            },
            "long_text" => AnswerKind::LongText {
                max_length: f.max_length.flatten(),
            },
            "date" => AnswerKind::Date {},
            _ => AnswerKind::Number {
                unit: required(f.unit, "unit")?,
                min: required(f.min, "min")?,
                max: required(f.max, "max")?,
                decimals: f.decimals.unwrap_or_default(),
                per: f.per.flatten(),
            },
        })
    }
}

impl<'de> Deserialize<'de> for AnswerKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AnswerKindVisitor)
    }
}

/// The bases, as authors write them in `"basis"`.
const BASES: &[&str] = &["fte", "population"];

struct PerVisitor;

impl<'de> Visitor<'de> for PerVisitor {
    type Value = Per;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("internally tagged enum Per")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Per, A::Error> {
        let mut basis: Option<String> = None;
        let mut question: Option<QuestionId> = None;
        let mut early = Vec::new();
        while let Some(key) = access.next_key::<String>()? {
            let e = basis.is_none().then_some(&mut early);
            match key.as_str() {
                "basis" => read_tag(&mut access, &mut basis, "basis", BASES)?,
                "question" => read_once(&mut access, &mut question, "question", e)?,
                _ if basis.is_some() => {
                    return Err(A::Error::unknown_field(&key, &["question"]));
                }
                _ => {
                    access.next_value::<IgnoredAny>()?;
                    early.push(key);
                }
            }
        }
        let basis = required(basis, "basis")?;
        refuse_early(early, &["question"])?;
        let question = required(question, "question")?;
        Ok(match basis.as_str() {
            "fte" => Per::Fte { question },
            _ => Per::Population { question },
        })
    }
}

impl<'de> Deserialize<'de> for Per {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PerVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<AnswerKind, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn each_answer_type_reads_whatever_the_order_of_its_fields() {
        assert_eq!(
            read(r#"{ "scale": "maturity", "type": "rating" }"#),
            Ok(AnswerKind::Rating {
                scale: ScaleId::new("maturity")
            })
        );
        assert_eq!(
            read(r#"{ "type": "yes_no", "no_points": null, "yes_points": 2 }"#),
            Ok(AnswerKind::YesNo {
                yes_points: Some(2),
                no_points: None
            })
        );
        assert_eq!(read(r#"{ "type": "date" }"#), Ok(AnswerKind::Date {}));
        let number = read(
            r#"{ "max": 9, "type": "number", "unit": "FTE", "min": 0,
                 "per": { "question": "q-1", "basis": "population" } }"#,
        )
        .unwrap();
        assert_eq!(
            number.number_rule().map(|r| (r.min, r.max, r.decimals)),
            Some((0, 9, 0))
        );
        let AnswerKind::Number { per, .. } = number else {
            panic!("a number");
        };
        assert_eq!(
            per,
            Some(Per::Population {
                question: QuestionId::new("q-1")
            })
        );
    }

    #[test]
    fn refusals_use_serde_s_words() {
        let cases = [
            (r#"{ "scale": "m" }"#, "missing field `type`"),
            (
                r#"{ "type": "ratin" }"#,
                "unknown variant `ratin`, expected one of `rating`, `single_choice`, \
                 `multiple_choice`, `yes_no`, `short_text`, `long_text`, `date`, `number`",
            ),
            (
                r#"{ "type": "rating", "options": [] }"#,
                "unknown field `options`, expected `scale`",
            ),
            (
                r#"{ "options": [], "type": "rating", "scale": "m" }"#,
                "unknown field `options`, expected `scale`",
            ),
            (
                r#"{ "options": [], "type": "yes_no" }"#,
                "unknown field `options`, expected `yes_points` or `no_points`",
            ),
            (
                r#"{ "max_length": "20", "type": "short_text" }"#,
                "invalid type: string \"20\", expected u32",
            ),
            (
                r#"{ "colour": 1, "type": "date" }"#,
                "unknown field `colour`, there are no fields",
            ),
            (
                r#"{ "type": "short_text", "colour": 1 }"#,
                "unknown field `colour`, expected `max_length`",
            ),
            (r#"{ "type": "rating" }"#, "missing field `scale`"),
            (
                r#"{ "type": "rating", "scale": "a", "scale": "b" }"#,
                "duplicate field `scale`",
            ),
            (
                r#"{ "type": "rating", "type": "rating", "scale": "a" }"#,
                "duplicate field `type`",
            ),
            (
                r#"{ "type": "number", "unit": "FTE", "min": 0 }"#,
                "missing field `max`",
            ),
            (
                r#"{ "type": "number", "unit": "FTE", "min": 0, "max": 1, "per": { "basis": "fte" } }"#,
                "missing field `question`",
            ),
            (
                r#"{ "type": "number", "unit": "FTE", "min": 0, "max": 1, "per": { "basis": "hour" } }"#,
                "unknown variant `hour`, expected `fte` or `population`",
            ),
            (
                r#""rating""#,
                "invalid type: string \"rating\", expected internally tagged enum AnswerKind",
            ),
        ];
        for (json, words) in cases {
            let error = read(json).expect_err(json);
            assert!(error.starts_with(words), "{json}: {error}");
            // The same through a `Value`, as the questionnaire checks read (keys in
            // alphabetical order there, so `type` comes after most fields; a key written
            // twice is found before, by the loader's outline).
            if words.starts_with("duplicate") {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            let error = AnswerKind::deserialize(&value).unwrap_err().to_string();
            assert!(error.starts_with(words), "{json} as a Value: {error}");
        }
    }

    #[test]
    fn a_type_error_is_placed_at_its_field() {
        let error = read("{ \"type\": \"short_text\",\n  \"max_length\": \"20\" }").unwrap_err();
        assert_eq!(
            error,
            "invalid type: string \"20\", expected u32 at line 2 column 20"
        );
    }
}
