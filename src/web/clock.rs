//! Time and new ids: the two things the pure core takes as arguments.

use chrono::{DateTime, Utc};

/// The browser's current time.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A new record id: time plus randomness, unique enough for one person's workspace and for
/// merging workspaces of a workshop.
pub fn new_id() -> String {
    let random = || (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!(
        "{:x}-{:08x}{:08x}",
        js_sys::Date::now() as u64,
        random(),
        random()
    )
}
