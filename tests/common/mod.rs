//! Helpers shared by the core's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use mlops_governance_workbench::core::assessment::Assessment;

pub fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_767_225_600 + seconds, 0)
        .single()
        .unwrap()
}

pub fn assessment(id: &str, name: &str, seconds: i64) -> Assessment {
    Assessment::new(id.to_owned(), name.to_owned(), at(seconds))
}

/// Text meant to break escaping, parsing and layout.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "line one\nline two\n\n- not a list\n# not a heading",
    "1. not an ordered list",
    "| a | b |",
    "---",
    "emoji 🧪 and right-to-left مرحبا \u{202E}reversed",
    "back\\slash `code` *bold* _em_ [link](http://x) ~~strike~~ &amp;",
];

/// A new-id source for the core's functions that take one: "prefix-1", "prefix-2", ...
pub fn ids(prefix: &str) -> impl FnMut() -> String + '_ {
    let mut next = 0;
    move || {
        next += 1;
        format!("{prefix}-{next}")
    }
}
