//! Calendar dates, written `2026-11-22` in files and shown as `22 November 2026` (or in Welsh,
//! `22 Tachwedd 2026`) to people.
//!
//! Owns: parsing, validating, ordering and formatting dates, and the names of the months (the
//! only table of them: other code asks [`month_name`]).
//! Must not touch: the clock. "Today" is always passed in by the caller.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in Welsh, as a date reads them: "30 Tachwedd 2026".
const MONTHS_CY: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// The name of month `month` (1 to 12) in `lang`, for example "November" or "Tachwedd"; `None`
/// for a number that is not a month.
pub fn month_name(month: u8, lang: Lang) -> Option<&'static str> {
    let table = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Cy => &MONTHS_CY,
    };
    table.get(usize::from(month).checked_sub(1)?).copied()
}

/// A calendar date with no time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a piece of text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: write it as year-month-day, for example 2026-11-22")]
pub struct DateError {
    /// The text that was given.
    pub text: String,
}

/// The earliest date [`Date::new`] makes, as a date box's `min` writes it.
pub const EARLIEST: &str = "1000-01-01";
/// The latest date [`Date::new`] makes, as a date box's `max` writes it. A browser's date box
/// with it takes a year of four digits, as typed, rather than a fifth that it would show and
/// no date could hold.
pub const LATEST: &str = "9999-12-31";

impl Date {
    /// Makes a date, or `None` when the day does not exist (30 February, month 13, …).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month)
            && (1000..=9999).contains(&year)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// How people read it in English: `22 November 2026`.
    pub fn long(self) -> String {
        self.long_in(Lang::En)
    }

    /// How people read it in `lang`: `22 November 2026`, `22 Tachwedd 2026`.
    pub fn long_in(self, lang: Lang) -> String {
        let month = month_name(self.month, lang).unwrap_or_default();
        format!("{} {month} {}", self.day, self.year)
    }

    /// Days since 1 January 1000, for differences between dates.
    pub fn ordinal(self) -> i64 {
        let mut days = 0i64;
        for year in 1000..self.year {
            days += if is_leap(year) { 366 } else { 365 };
        }
        for month in 1..self.month {
            days += i64::from(days_in_month(self.year, month));
        }
        days + i64::from(self.day) - 1
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.ordinal() - self.ordinal()
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DateError {
            text: text.to_owned(),
        };
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(error());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(error());
        }
        let year = y.parse().map_err(|_| error())?;
        let month = m.parse().map_err(|_| error())?;
        let day = d.parse().map_err(|_| error())?;
        Date::new(year, month, day).ok_or_else(error)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "A date written year-month-day, for example 2026-11-22."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let date: Date = "2026-11-22".parse().unwrap();
        assert_eq!(date.long(), "22 November 2026");
        assert_eq!(date.to_string(), "2026-11-22");
    }

    #[test]
    fn dates_in_welsh() {
        let date: Date = "2026-11-30".parse().unwrap();
        assert_eq!(date.long_in(Lang::Cy), "30 Tachwedd 2026");
        assert_eq!(date.long_in(Lang::En), "30 November 2026");
        let welsh: Vec<String> = (1..=12)
            .map(|month| Date::new(2027, month, 1).unwrap().long_in(Lang::Cy))
            .collect();
        assert_eq!(
            welsh,
            [
                "1 Ionawr 2027",
                "1 Chwefror 2027",
                "1 Mawrth 2027",
                "1 Ebrill 2027",
                "1 Mai 2027",
                "1 Mehefin 2027",
                "1 Gorffennaf 2027",
                "1 Awst 2027",
                "1 Medi 2027",
                "1 Hydref 2027",
                "1 Tachwedd 2027",
                "1 Rhagfyr 2027"
            ]
        );
        assert_eq!(month_name(0, Lang::Cy), None);
        assert_eq!(month_name(13, Lang::En), None);
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "2026-02-30",
            "2026-13-01",
            "26-11-22",
            "2026-11-22-1",
            "",
            "2026/11/22",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2025-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn differences() {
        let a: Date = "2026-11-22".parse().unwrap();
        let b: Date = "2027-01-01".parse().unwrap();
        assert_eq!(a.days_until(b), 40);
        assert_eq!(b.days_until(a), -40);
    }
}
