//! Numbers people give in answer to `number` questions (workforce figures such as FTE, vacancies
//! or caseloads): reading what they type, checking it against the question's range and decimal
//! places, and the exact value that is stored.
//!
//! Owns: [`Decimal`], an exact decimal stored as text with a full stop (`"12.5"`), whatever the
//! language it was typed in, so answers combine across languages (invariant 8 of the
//! architecture); [`NumberRule`], the range and decimal places a question allows; and the words
//! that explain a number that does not fit.
//! Must not touch: scoring (number answers are never scored, rule S18 in [`crate::scoring`]),
//! storage or anything in a browser.
//!
//! # Reading what people type ([`NumberRule::read`])
//!
//! - Spaces (including no-break spaces) anywhere are ignored: `1 200` is 1200.
//! - The decimal mark may be a full stop or a comma, as people write in English, Welsh and most
//!   of Europe: `12.5` and `12,5` are both twelve and a half.
//! - Thousands separators are not accepted. A comma followed by exactly three digits (`1,200`)
//!   could be either, so it is refused with a message asking for the number without a comma, or
//!   with a full stop for decimals, rather than guessed.
//! - A leading minus (`-` or `−`) is read; the question's range decides whether it fits.
//! - A decimal mark with nothing after it (`12.`, as when halfway through typing `12.5`) is read
//!   as the whole number.
//! - Trailing zeros after the decimal mark do not count as decimal places: `12.50` is 12.5.
//!
//! Values are exact (an integer and a count of decimal places), so `0.1 + 0.2` problems cannot
//! change what is stored or whether it is in range. Statistics over many answers (medians,
//! quartiles, rates per FTE) are computed in `f64` by [`crate::benchmark`] and rounded when shown.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most digits a number may have in all (before and after the decimal mark).
pub const MAX_DIGITS: usize = 15;
/// The most decimal places a question may allow.
pub const MAX_DECIMALS: u8 = 4;

/// An exact decimal number: `units / 10^places`, with no trailing zero after the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    units: i64,
    places: u8,
}

impl Decimal {
    /// A whole number.
    pub fn whole(value: i64) -> Self {
        Decimal {
            units: value,
            places: 0,
        }
    }

    /// `units / 10^places`, normalised so equal values are equal.
    fn new(mut units: i64, mut places: u8) -> Self {
        while places > 0 && units % 10 == 0 {
            units /= 10;
            places -= 1;
        }
        Decimal { units, places }
    }

    /// How many decimal places the value needs (`12.5` needs 1, `12` needs 0).
    pub fn places(self) -> u8 {
        self.places
    }

    /// `self − other`, exactly; `None` if it would not fit.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let places = self.places.max(other.places);
        let difference = self.scaled(places) - other.scaled(places);
        i64::try_from(difference)
            .ok()
            .map(|units| Decimal::new(units, places))
    }

    /// True when the value is below zero.
    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// The value without its sign.
    pub fn abs(self) -> Decimal {
        Decimal {
            units: self.units.abs(),
            places: self.places,
        }
    }

    /// The value as a floating-point number, for statistics only.
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(i32::from(self.places))
    }

    /// The value scaled to `places` decimal places, exactly (`places` is at least `self.places`).
    fn scaled(self, places: u8) -> i128 {
        i128::from(self.units) * 10i128.pow(u32::from(places - self.places))
    }

    /// Reads the stored form, and what people type once spaces are gone and the decimal mark is
    /// known to be `mark`.
    fn parse_with(text: &str, mark: char) -> Result<Self, NumberProblem> {
        let (negative, digits) = match text.strip_prefix(['-', '−']) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match digits.split_once(mark) {
            Some((whole, fraction)) => (whole, fraction),
            None => (digits, ""),
        };
        let all_digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction)
        {
            return Err(NumberProblem::NotANumber);
        }
        let fraction = fraction.trim_end_matches('0');
        let whole = whole.trim_start_matches('0');
        if whole.len() + fraction.len() > MAX_DIGITS {
            return Err(NumberProblem::TooLong);
        }
        let mut units: i64 = 0;
        for c in whole.chars().chain(fraction.chars()) {
            units = units * 10 + i64::from(c as u8 - b'0');
        }
        if negative {
            units = -units;
        }
        // At most MAX_DIGITS (15) fraction digits, so this fits in a u8.
        Ok(Decimal::new(units, fraction.len() as u8))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let places = self.places.max(other.places);
        self.scaled(places).cmp(&other.scaled(places))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    /// The stored form: digits with a full stop, for example `-3`, `12.5` or `0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let magnitude = self.units.unsigned_abs();
        if self.places == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        let divisor = 10u64.pow(u32::from(self.places));
        write!(
            f,
            "{sign}{}.{:0width$}",
            magnitude / divisor,
            magnitude % divisor,
            width = usize::from(self.places)
        )
    }
}

impl FromStr for Decimal {
    type Err = NumberProblem;

    /// Reads the stored form only (a full stop, no spaces); what people type goes through
    /// [`NumberRule::read`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Decimal::parse_with(text, '.')
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "description": "An exact decimal number written with a full stop, for example \"12.5\"."
        })
    }
}

/// Why typed text is not an answer a number question accepts, in words a person understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberProblem {
    /// Not digits with at most one decimal mark.
    #[error("Enter a number using digits, for example 12 or 12.5")]
    NotANumber,
    /// More digits than [`MAX_DIGITS`].
    #[error("Enter a number of at most 15 digits")]
    TooLong,
    /// A comma followed by three digits, which may be a thousands separator or a decimal mark.
    #[error("Enter {whole} without a comma, or use a full stop for decimals ({decimal})")]
    Ambiguous {
        /// The number read without the comma.
        whole: String,
        /// The number read with the comma as a decimal mark.
        decimal: String,
    },
    /// Below the question's minimum.
    #[error("Enter {min} or more")]
    BelowMinimum {
        /// The minimum.
        min: i64,
    },
    /// Above the question's maximum.
    #[error("Enter {max} or less")]
    AboveMaximum {
        /// The maximum.
        max: i64,
    },
    /// More decimal places than the question allows.
    #[error("{}", decimals_message(*.allowed))]
    TooManyDecimals {
        /// The decimal places allowed.
        allowed: u8,
    },
}

fn decimals_message(allowed: u8) -> String {
    match allowed {
        0 => "Enter a whole number, without decimals".to_owned(),
        1 => "Enter a number with at most 1 decimal place".to_owned(),
        n => format!("Enter a number with at most {n} decimal places"),
    }
}

/// The range and precision a number question allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberRule {
    /// The smallest value accepted.
    pub min: i64,
    /// The largest value accepted.
    pub max: i64,
    /// How many decimal places are accepted; 0 for whole numbers.
    pub decimals: u8,
}

impl NumberRule {
    /// Checks an exact value against the range and decimal places.
    pub fn check(&self, value: Decimal) -> Result<(), NumberProblem> {
        if value.places() > self.decimals {
            Err(NumberProblem::TooManyDecimals {
                allowed: self.decimals,
            })
        } else if value < Decimal::whole(self.min) {
            Err(NumberProblem::BelowMinimum { min: self.min })
        } else if value > Decimal::whole(self.max) {
            Err(NumberProblem::AboveMaximum { max: self.max })
        } else {
            Ok(())
        }
    }

    /// Reads what a person typed (the rules are in the module doc) and checks it. Blank text is
    /// `Ok(None)`: no answer, never zero.
    pub fn read(&self, typed: &str) -> Result<Option<Decimal>, NumberProblem> {
        let text: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .collect();
        if text.is_empty() {
            return Ok(None);
        }
        let mark = if text.contains(',') {
            if text.contains('.') || text.matches(',').count() > 1 {
                return Err(NumberProblem::NotANumber);
            }
            if let Some((whole, fraction)) = text.split_once(',') {
                if fraction.len() == 3 && fraction.chars().all(|c| c.is_ascii_digit()) {
                    if let (Ok(joined), Ok(decimal)) = (
                        Decimal::parse_with(&format!("{whole}{fraction}"), '.'),
                        Decimal::parse_with(&text, ','),
                    ) {
                        return Err(NumberProblem::Ambiguous {
                            whole: joined.to_string(),
                            decimal: decimal.to_string(),
                        });
                    }
                }
            }
            ','
        } else {
            '.'
        };
        let value = Decimal::parse_with(&text, mark)?;
        self.check(value).map(|()| Some(value))
    }

    /// The hint that says what is accepted, for example "A number from 0 to 500, with up to 1
    /// decimal place".
    pub fn hint(&self) -> String {
        let places = match self.decimals {
            0 => ", a whole number".to_owned(),
            1 => ", with up to 1 decimal place".to_owned(),
            n => format!(", with up to {n} decimal places"),
        };
        format!("A number from {} to {}{places}", self.min, self.max)
    }
}

/// A figure followed by its unit: `12.5 FTE`, but `85%` with no space before a per cent sign.
pub fn with_unit(figure: &str, unit: &str) -> String {
    match unit.trim() {
        "" => figure.to_owned(),
        "%" => format!("{figure}%"),
        unit => format!("{figure} {unit}"),
    }
}

/// Shows a figure for people in British style: thousands grouped with commas and at most
/// `places` decimal places (rounded half away from zero), for example `1,234.5`.
pub fn display_figure(value: f64, places: u8) -> String {
    let factor = 10f64.powi(i32::from(places));
    let rounded = (value * factor).round() / factor;
    let text = format!("{:.*}", usize::from(places), rounded.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole.to_owned(), Some(fraction.to_owned())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (index, c) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FTE: NumberRule = NumberRule {
        min: 0,
        max: 500,
        decimals: 1,
    };

    fn read(text: &str) -> Result<Option<String>, NumberProblem> {
        FTE.read(text).map(|v| v.map(|v| v.to_string()))
    }

    #[test]
    fn a_full_stop_or_a_comma_is_the_decimal_mark() {
        assert_eq!(read("12.5"), Ok(Some("12.5".to_owned())));
        assert_eq!(read("12,5"), Ok(Some("12.5".to_owned())));
        assert_eq!(read(" 1 2,50 "), Ok(Some("12.5".to_owned())));
        assert_eq!(read("0.0"), Ok(Some("0".to_owned())));
        assert_eq!(read(".5"), Ok(Some("0.5".to_owned())));
        // Halfway through typing 12.5, the box holds 12. and that is 12, not a mistake.
        assert_eq!(read("12."), Ok(Some("12".to_owned())));
    }

    #[test]
    fn blank_is_no_answer_not_zero() {
        assert_eq!(read(""), Ok(None));
        assert_eq!(read("   "), Ok(None));
    }

    #[test]
    fn a_comma_before_three_digits_is_asked_about_not_guessed() {
        let wide = NumberRule {
            min: 0,
            max: 100_000,
            decimals: 3,
        };
        let problem = wide.read("1,200").unwrap_err();
        assert_eq!(
            problem.to_string(),
            "Enter 1200 without a comma, or use a full stop for decimals (1.2)"
        );
        assert_eq!(wide.read("1.200"), Ok(Some(Decimal::new(12, 1))));
    }

    #[test]
    fn what_is_not_a_number_is_refused_in_words() {
        for text in ["12a", "1.2.3", "1,2.3", "-", ".", "1e3", "½"] {
            assert_eq!(read(text), Err(NumberProblem::NotANumber), "{text}");
        }
        assert_eq!(
            NumberProblem::NotANumber.to_string(),
            "Enter a number using digits, for example 12 or 12.5"
        );
        assert_eq!(read("1234567890123456"), Err(NumberProblem::TooLong));
    }

    #[test]
    fn the_range_and_decimal_places_are_checked_exactly() {
        assert_eq!(read("500"), Ok(Some("500".to_owned())));
        assert_eq!(read("500.1").unwrap_err().to_string(), "Enter 500 or less");
        assert_eq!(read("-0.5").unwrap_err().to_string(), "Enter 0 or more");
        assert_eq!(
            read("12.25").unwrap_err().to_string(),
            "Enter a number with at most 1 decimal place"
        );
        let whole = NumberRule {
            min: 0,
            max: 10,
            decimals: 0,
        };
        assert_eq!(
            whole.read("2.5").unwrap_err().to_string(),
            "Enter a whole number, without decimals"
        );
        assert_eq!(whole.read("2.0"), Ok(Some(Decimal::whole(2))));
    }

    #[test]
    fn the_stored_form_is_exact_and_round_trips() {
        for text in ["0", "12.5", "-3", "0.05", "100000000000000"] {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(value.to_string(), text);
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<Decimal>(&json).unwrap(), value);
        }
        assert!(
            "12,5".parse::<Decimal>().is_err(),
            "storage uses a full stop"
        );
        assert!(Decimal::new(125, 1) > Decimal::whole(12));
        assert!(Decimal::new(1, 1) < Decimal::new(2, 1));
    }

    #[test]
    fn differences_are_exact() {
        let a: Decimal = "12.5".parse().unwrap();
        let b: Decimal = "10.25".parse().unwrap();
        assert_eq!(a.checked_sub(b).unwrap().to_string(), "2.25");
        assert_eq!(b.checked_sub(a).unwrap().to_string(), "-2.25");
        let tenth: Decimal = "0.3".parse().unwrap();
        let fifth: Decimal = "0.1".parse().unwrap();
        assert_eq!(tenth.checked_sub(fifth).unwrap().to_string(), "0.2");
        assert_eq!(a.checked_sub(a).unwrap(), Decimal::whole(0));
    }

    #[test]
    fn figures_are_shown_grouped_and_rounded() {
        assert_eq!(display_figure(1234.56, 1), "1,234.6");
        assert_eq!(display_figure(12.0, 0), "12");
        assert_eq!(display_figure(999_999.0, 0), "999,999");
        assert_eq!(display_figure(-1.25, 1), "-1.3");
    }

    #[test]
    fn a_per_cent_sign_follows_the_figure_directly() {
        assert_eq!(with_unit("85", "%"), "85%");
        assert_eq!(with_unit("12.5", "FTE"), "12.5 FTE");
        assert_eq!(with_unit("3", " "), "3");
    }

    #[test]
    fn the_hint_says_the_range() {
        assert_eq!(
            FTE.hint(),
            "A number from 0 to 500, with up to 1 decimal place"
        );
    }
}
