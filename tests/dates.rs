//! The small date and timestamp readers agree with chrono's own parser.

use chrono::{DateTime, NaiveDate, Utc};
use mlops_governance_workbench::core::text::dates::{parse_date, parse_timestamp};

#[test]
fn dates_read_like_chrono_and_refuse_other_shapes() {
    for text in ["2024-01-15", "2000-02-29", "1970-01-01", "9999-12-31"] {
        assert_eq!(parse_date(text), text.parse::<NaiveDate>().ok(), "{text}");
    }
    for bad in [
        "2023-02-29",
        "2024-13-01",
        "2024-1-5",
        "24-01-15",
        "2024-01-15T00:00",
        "",
        "2024/01/15",
        "March",
        "+2024-01-15",
        "2024-01-1x",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

#[test]
fn timestamps_read_like_chrono() {
    for text in [
        "2026-11-26T09:00:00Z",
        "2026-11-26T09:00:00.123Z",
        "2026-11-26T09:00:00.123456789Z",
        "2026-11-26T09:00:00+02:00",
        "2026-11-26T09:00:00.5-05:30",
        "2026-11-26t09:00:00z",
        "2026-11-26 09:00:00Z",
    ] {
        let chrono = DateTime::parse_from_rfc3339(text)
            .or_else(|_| DateTime::parse_from_rfc3339(&text.replace(' ', "T")))
            .map(|t| t.with_timezone(&Utc))
            .ok();
        assert_eq!(parse_timestamp(text), chrono, "{text}");
        assert!(chrono.is_some(), "{text}");
    }
    // The lesson's Python writes "2024-01-15 00:00:00" without an offset: read as UTC.
    assert_eq!(
        parse_timestamp("2024-01-15 00:00:00"),
        DateTime::from_timestamp(1_705_276_800, 0)
    );
    for bad in [
        "2026-11-26",
        "2026-11-26T9:00:00Z",
        "2026-11-26T09:00Z",
        "2026-11-26T25:00:00Z",
        "2026-11-26T09:00:00+2:00",
        "now",
        "2026-11-26T09:00:00.Z",
    ] {
        assert_eq!(parse_timestamp(bad), None, "{bad}");
    }
}

#[test]
fn what_chrono_writes_reads_back() {
    let now = DateTime::from_timestamp_millis(1_795_687_151_919).unwrap();
    let written = serde_json::to_string(&now).unwrap();
    assert_eq!(parse_timestamp(written.trim_matches('"')), Some(now));
    let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    assert_eq!(parse_date(&date.to_string()), Some(date));
}
