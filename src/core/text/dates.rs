//! Reading dates and timestamps from text without chrono's general parser.
//!
//! chrono's `FromStr` and serde `Deserialize` run its format-string parser, about 15 kB of
//! wasm. The workspace only ever holds two shapes, ISO dates (`2024-01-15`) and RFC 3339
//! timestamps (`2026-11-26T09:00:00.123Z`, any offset), so these small parsers read them and
//! the serde helpers below use them. Writing still uses chrono's `Display`, which is small.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, de::Error};

fn number(text: &str) -> Option<u32> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// An ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(number(year)?).ok()?,
        number(month)?,
        number(day)?,
    )
}

/// An RFC 3339 timestamp: date, `T` (or a space, as Python writes), time with optional
/// fraction, and `Z` or an offset such as `+02:00`. A missing offset is read as UTC.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let date = parse_date(text.get(..10)?)?;
    let rest = text.get(10..)?;
    let rest = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .or_else(|| rest.strip_prefix(' '))?;
    let (clock, offset_seconds) = split_offset(rest)?;
    let (hms, fraction) = match clock.split_once('.') {
        Some((_, "")) => return None,
        Some(split) => split,
        None => (clock, ""),
    };
    let mut fields = hms.split(':');
    let (hour, minute, second) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || [hour, minute, second].iter().any(|f| f.len() != 2) {
        return None;
    }
    let nanos = if fraction.is_empty() {
        0
    } else {
        // Nanoseconds: the first nine digits, padded; further digits must still be digits.
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits: String = fraction
            .chars()
            .chain(std::iter::repeat('0'))
            .take(9)
            .collect();
        number(&digits)?
    };
    let time =
        NaiveTime::from_hms_nano_opt(number(hour)?, number(minute)?, number(second)?, nanos)?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    NaiveDateTime::new(date, time)
        .and_local_timezone(offset)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// Splits `HH:MM:SS[.f](Z|±HH:MM)` into the clock part and the offset in seconds.
fn split_offset(text: &str) -> Option<(&str, i32)> {
    if let Some(clock) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        return Some((clock, 0));
    }
    let sign_at = text.rfind(['+', '-']);
    let Some(at) = sign_at.filter(|at| *at >= 8) else {
        return Some((text, 0));
    };
    let (clock, offset) = text.split_at(at);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let (hours, minutes) = offset.get(1..)?.split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let seconds = i32::try_from(number(hours)? * 3600 + number(minutes)? * 60).ok()?;
    Some((clock, sign * seconds))
}

/// serde `deserialize_with` for a required date.
pub fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_date(&text)
        .ok_or_else(|| D::Error::custom(format!("\"{text}\" is not a date like 2024-01-15")))
}

/// serde `deserialize_with` for an optional date (`null` or missing is `None`).
pub fn optional_date<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) => parse_date(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("\"{text}\" is not a date like 2024-01-15"))),
    }
}

/// serde `deserialize_with` for a required timestamp.
pub fn timestamp<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_timestamp(&text).ok_or_else(|| {
        D::Error::custom(format!(
            "\"{text}\" is not a timestamp like 2026-11-26T09:00:00Z"
        ))
    })
}

/// serde `deserialize_with` for an optional timestamp.
pub fn optional_timestamp<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) => parse_timestamp(&text).map(Some).ok_or_else(|| {
            D::Error::custom(format!(
                "\"{text}\" is not a timestamp like 2026-11-26T09:00:00Z"
            ))
        }),
    }
}
