//! Exact shares and the one place where they become percentages for people to read.
//!
//! Owns: [`Fraction`] (an exact share of a maximum, kept as two integers) and every rounding the
//! toolkit does: whole percentages for display (rounded down, see rule S16 in
//! [`crate::scoring`]), changes between two shares, and the one-decimal figures of a peer
//! reference set.
//! Must not touch: what the shares mean (scores, agreement, completion): callers decide that.

use std::cmp::Ordering;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// An exact share `numerator / denominator` of a whole; the denominator is never zero.
///
/// Scores keep the points as they are (8 of 12 stays 8/12, not 2/3), so a reader can see where a
/// figure came from. Compare values with [`Fraction::cmp_value`], not `==`, when 2/4 and 1/2
/// should count as equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fraction {
    numerator: u64,
    denominator: u64,
}

impl Fraction {
    /// The share `numerator / denominator`, or `None` when the denominator is zero: nothing to
    /// take a share of, which is never shown as 0%.
    pub fn new(numerator: u64, denominator: u64) -> Option<Self> {
        (denominator > 0).then_some(Self {
            numerator,
            denominator,
        })
    }

    /// The part.
    pub fn numerator(self) -> u64 {
        self.numerator
    }

    /// The whole (never zero).
    pub fn denominator(self) -> u64 {
        self.denominator
    }

    /// Orders two shares by value, exactly (2/4 equals 1/2).
    pub fn cmp_value(self, other: Fraction) -> Ordering {
        let left = u128::from(self.numerator) * u128::from(other.denominator);
        let right = u128::from(other.numerator) * u128::from(self.denominator);
        left.cmp(&right)
    }

    /// The share as a percentage, unrounded, for drawing bars and for comparisons with figures
    /// that are not exact (peer quartiles).
    pub fn percent(self) -> f64 {
        100.0 * self.numerator as f64 / self.denominator as f64
    }

    /// The whole percentage, rounded down (rule S16).
    pub fn whole_percent(self) -> u64 {
        let whole = u128::from(self.numerator) * 100 / u128::from(self.denominator);
        u64::try_from(whole).unwrap_or(u64::MAX)
    }

    /// How people read it: `62%` (rounded down, rule S16).
    pub fn display(self) -> String {
        percent_text(self.whole_percent())
    }
}

/// A whole percentage as people read it: `62%`.
pub fn percent_text(whole: u64) -> String {
    format!("{whole}%")
}

/// The exact mean of some shares, by value (1/2 and 1/3 average to 5/12), reduced to lowest
/// terms. `None` when there are none, or in the unreachable case that the exact result does not
/// fit in 64 bits.
pub fn mean(values: impl IntoIterator<Item = Fraction>) -> Option<Fraction> {
    weighted_mean(values.into_iter().map(|value| (value, 1)))
}

/// The exact mean of shares each counted `count` times: `Σ share × count / Σ count`, reduced.
/// `None` when the counts add up to nothing (or the result does not fit in 64 bits).
pub fn weighted_mean(values: impl IntoIterator<Item = (Fraction, u64)>) -> Option<Fraction> {
    let mut total = 0u128;
    let (mut numerator, mut denominator) = (0u128, 1u128);
    for (value, count) in values {
        total += u128::from(count);
        let n = u128::from(value.numerator).checked_mul(u128::from(count))?;
        let d = u128::from(value.denominator);
        let common = d / gcd(denominator, d) * denominator;
        numerator = numerator
            .checked_mul(common / denominator)?
            .checked_add(n.checked_mul(common / d)?)?;
        denominator = common;
        let g = gcd(numerator, denominator);
        numerator /= g;
        denominator /= g;
    }
    if total == 0 {
        return None;
    }
    let denominator = denominator.checked_mul(total)?;
    let g = gcd(numerator, denominator);
    Fraction::new(
        u64::try_from(numerator / g).ok()?,
        u64::try_from(denominator / g).ok()?,
    )
}

/// The difference between two shares by value, as a share (`|a - b|`), reduced.
pub fn distance(a: Fraction, b: Fraction) -> Fraction {
    let (an, ad) = (u128::from(a.numerator), u128::from(a.denominator));
    let (bn, bd) = (u128::from(b.numerator), u128::from(b.denominator));
    let (left, right) = (an * bd, bn * ad);
    let numerator = left.abs_diff(right);
    let denominator = ad * bd;
    let g = gcd(numerator, denominator);
    Fraction {
        numerator: u64::try_from(numerator / g).unwrap_or(u64::MAX),
        denominator: u64::try_from(denominator / g).unwrap_or(u64::MAX),
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display())
    }
}

/// Written as `{"numerator", "denominator", "percent", "display"}`: the exact share first, then
/// the derived figures for readers of the JSON.
impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Fraction", 4)?;
        state.serialize_field("numerator", &self.numerator)?;
        state.serialize_field("denominator", &self.denominator)?;
        state.serialize_field("percent", &self.percent())?;
        state.serialize_field("display", &self.display())?;
        state.end()
    }
}

/// The percentage `100 × numerator / denominator`, unrounded, or `None` when the denominator is
/// zero.
pub fn percent_f64(numerator: u64, denominator: u64) -> Option<f64> {
    Fraction::new(numerator, denominator).map(Fraction::percent)
}

/// The whole percentage people read, for example `62%`, or `None` when the denominator is zero.
pub fn percent_display(numerator: u64, denominator: u64) -> Option<String> {
    Fraction::new(numerator, denominator).map(Fraction::display)
}

/// A percentage that is not exact (a peer quartile), shown as a whole number rounded down like
/// every other percentage: `55%`.
pub fn display_percent_f64(percent: f64) -> String {
    // A small allowance so that 57.99999999 (58 after floating-point arithmetic) shows as 58.
    format!("{}%", (percent + 1e-9).floor().clamp(0.0, 100.0))
}

/// A percentage rounded to one decimal place (halves away from zero), as a peer reference set
/// stores it.
pub fn to_one_decimal(percent: f64) -> f64 {
    (percent * 10.0).round() / 10.0
}

/// The change from one share to another in words, from the whole percentages people see:
/// `up 14 points`, `down 3 points`, `no change`, or `up by less than one point` when the exact
/// shares differ but the whole percentages shown do not.
pub fn change_display(before: Fraction, after: Fraction) -> String {
    let shown = i128::from(after.whole_percent()) - i128::from(before.whole_percent());
    let word = |n: i128| if n.abs() == 1 { "point" } else { "points" };
    match after.cmp_value(before) {
        Ordering::Equal => "no change".to_owned(),
        Ordering::Greater if shown <= 0 => "up by less than one point".to_owned(),
        Ordering::Less if shown >= 0 => "down by less than one point".to_owned(),
        Ordering::Greater => format!("up {shown} {}", word(shown)),
        Ordering::Less => format!("down {} {}", -shown, word(shown)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: u64, d: u64) -> Fraction {
        Fraction::new(n, d).unwrap()
    }

    #[test]
    fn nothing_to_share_is_none_not_zero() {
        assert_eq!(Fraction::new(0, 0), None);
        assert_eq!(percent_display(3, 0), None);
        assert_eq!(percent_f64(0, 0), None);
        assert_eq!(percent_display(0, 4).as_deref(), Some("0%"));
    }

    #[test]
    fn whole_percentages_round_down() {
        assert_eq!(f(2, 3).display(), "66%");
        assert_eq!(f(199, 200).display(), "99%");
        assert_eq!(f(1, 1).display(), "100%");
        assert_eq!(f(1, 201).display(), "0%");
        assert_eq!(display_percent_f64(57.999_999_999_9), "58%");
        assert_eq!(display_percent_f64(57.9), "57%");
    }

    #[test]
    fn values_compare_exactly() {
        assert_eq!(f(2, 4).cmp_value(f(1, 2)), Ordering::Equal);
        assert_eq!(f(1, 3).cmp_value(f(33, 100)), Ordering::Greater);
    }

    #[test]
    fn changes_in_words() {
        assert_eq!(change_display(f(48, 100), f(62, 100)), "up 14 points");
        assert_eq!(change_display(f(62, 100), f(61, 100)), "down 1 point");
        assert_eq!(change_display(f(1, 2), f(2, 4)), "no change");
        assert_eq!(
            change_display(f(602, 1000), f(607, 1000)),
            "up by less than one point"
        );
        assert_eq!(
            change_display(f(607, 1000), f(602, 1000)),
            "down by less than one point"
        );
    }

    #[test]
    fn exact_means_and_distances() {
        assert_eq!(mean([f(1, 2), f(1, 3)]), Some(f(5, 12)));
        assert_eq!(mean([f(2, 4), f(2, 4)]), Some(f(1, 2)));
        assert_eq!(mean([f(0, 3)]), Some(f(0, 1)));
        assert_eq!(mean([]), None);
        assert_eq!(weighted_mean([(f(1, 2), 3), (f(1, 4), 1)]), Some(f(7, 16)));
        assert_eq!(weighted_mean([(f(1, 2), 0)]), None);
        assert_eq!(distance(f(1, 3), f(2, 3)), f(1, 3));
        assert_eq!(distance(f(3, 4), f(1, 4)), f(1, 2));
    }

    #[test]
    fn one_decimal() {
        assert_eq!(to_one_decimal(55.55), 55.6);
        assert_eq!(to_one_decimal(100.0), 100.0);
    }
}
