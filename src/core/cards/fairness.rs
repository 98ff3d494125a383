//! Fairness statistics of a model card's groups: who is best and worst served, and whether the
//! gap is large enough to need a second look.
//!
//! The lesson records one metric per subgroup (`"age_groups": {"18-25": 0.175, …}`) but draws
//! no conclusion from it. A reviewer wants the extremes, their difference, and their ratio: the
//! US "four-fifths rule" (EEOC Uniform Guidelines, 29 CFR 1607.4(D)) calls a rate below 80% of
//! the highest group's rate evidence of adverse impact, and it is the common first screen in
//! fairness reviews. A flag is a prompt to investigate, not a verdict.
//!
//! No float formatting here: `{}` or `{:.4}` on an `f64` pulls about 9 kB of formatting code
//! into the wasm bundle. Numbers are printed with ryu through `serde_json::Number`, which the
//! bundle already has.

use crate::core::cards::card::{FairnessGroup, NamedNumber};
use crate::core::text::number::finite_number;

/// The four-fifths rule: a min/max ratio below this is flagged.
pub const FOUR_FIFTHS: f64 = 0.8;

/// The value of a subgroup when it is a finite number (as the card's validation reads it).
pub fn subgroup_value(entry: &NamedNumber) -> Option<f64> {
    finite_number(&entry.value)
}

/// One end of a group's range: the subgroup and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extreme<'a> {
    pub entry: &'a NamedNumber,
    pub value: f64,
}

/// Statistics over the subgroups of one group whose value is a finite number; the others
/// (blank or half-typed) are left out, and the card's validation flags them at the field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupStats<'a> {
    /// How many subgroups have a number.
    pub count: usize,
    /// The lowest value (the first subgroup with it, in the author's order).
    pub min: Extreme<'a>,
    /// The highest value (the first subgroup with it).
    pub max: Extreme<'a>,
    /// `max - min`, in the metric's own unit.
    pub gap: f64,
    /// `min / max`. `None` with fewer than two values (nothing to compare), when the highest
    /// value is not positive or the lowest is negative: the ratio of rates is only meaningful
    /// for non-negative rates with a positive maximum.
    pub ratio: Option<f64>,
    /// The ratio is below [`FOUR_FIFTHS`].
    pub flagged: bool,
}

/// The group's statistics, or `None` when no subgroup has a number yet.
pub fn group_stats(group: &FairnessGroup) -> Option<GroupStats<'_>> {
    let mut values = group
        .subgroups
        .iter()
        .filter_map(|entry| subgroup_value(entry).map(|value| Extreme { entry, value }));
    let first = values.next()?;
    let (mut min, mut max, mut count) = (first, first, 1);
    for extreme in values {
        count += 1;
        if extreme.value < min.value {
            min = extreme;
        }
        if extreme.value > max.value {
            max = extreme;
        }
    }
    let ratio = (count >= 2 && max.value > 0.0 && min.value >= 0.0).then(|| min.value / max.value);
    Some(GroupStats {
        count,
        min,
        max,
        gap: max.value - min.value,
        ratio,
        flagged: ratio.is_some_and(|r| r < FOUR_FIFTHS),
    })
}

/// `x` rounded to at most `places` decimals (half away from zero), shortest form:
/// `decimal(0.1 + 0.2, 4)` is `"0.3"`, `decimal(2.0, 2)` is `"2"`, `decimal(0.014000000000000012,
/// 4)` is `"0.014"`. Infinite and NaN values read "∞", "-∞", "NaN".
///
/// Rounding to an integer count of 10^-places and dividing back gives the double nearest that
/// decimal (10^places is exact for up to 22 places), and ryu prints the shortest text that reads
/// back as that double: never a `…0000000004` tail. (Meant for a few places; past 15
/// significant digits a double has nothing left to round.)
pub fn decimal(x: f64, places: u8) -> String {
    let scale = 10f64.powi(i32::from(places.min(22)));
    let scaled = x * scale;
    // Beyond 2^53 a double has no fractional digits to round; keep it as it is.
    let rounded = if scaled.abs() < 9.007_199_254_740_992e15 {
        scaled.round() / scale
    } else {
        x
    };
    shortest(rounded)
}

/// A min/max ratio with three decimals, rounded DOWN, so a flagged ratio (below 0.8) never
/// reads as "0.8": 0.79996 is "0.799", 0.923077 is "0.923".
pub fn ratio_text(ratio: f64) -> String {
    if ratio.is_finite() && ratio.abs() < 1e12 {
        decimal((ratio * 1000.0).floor() / 1000.0, 3)
    } else {
        shortest(ratio)
    }
}

/// The shortest text that reads back as `x`, without a trailing ".0" and without "-0".
fn shortest(x: f64) -> String {
    // Adding 0.0 turns -0.0 into 0.0.
    match serde_json::Number::from_f64(x + 0.0) {
        Some(n) => {
            let text = n.to_string();
            match text.strip_suffix(".0") {
                Some(whole) => whole.to_owned(),
                None => text,
            }
        }
        None if x.is_nan() => "NaN".to_owned(),
        None if x > 0.0 => "∞".to_owned(),
        None => "-∞".to_owned(),
    }
}
