//! A request's timeline as files: JSON (the stored shape) and Markdown (for a ticket or a
//! review record), user text escaped to read literally.

use super::request::ApprovalRequest;
use crate::core::text::markdown::escape_inline;
use chrono::SecondsFormat;
use std::fmt::Write;

/// The request with its whole trail, as pretty JSON (the stored shape).
pub fn trail_json(request: &ApprovalRequest) -> String {
    serde_json::to_string_pretty(request).unwrap_or_default()
}

/// The audit trail as Markdown: a heading, the request's facts and a table of every entry.
/// User text is escaped to read literally, each cell on one line.
pub fn trail_markdown(request: &ApprovalRequest) -> String {
    let mut md = String::new();
    let _ = write!(
        md,
        "# Approval trail: {}\n\n- Requested by: {}\n- Requested on: {}\n- Status: {}\n\n| Time (UTC) | Stage | Event | By | Comment | Card content |\n| --- | --- | --- | --- | --- | --- |\n",
        escape_inline(&request.title()),
        escape_inline(request.requested_by()),
        request.requested_on,
        escape_inline(&request.summary()),
    );
    for e in request.trail() {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            e.at.to_rfc3339_opts(SecondsFormat::Secs, true),
            e.stage.label(),
            e.kind.label(),
            escape_inline(&e.by),
            escape_inline(&e.comment),
            escape_inline(&e.card_hash),
        );
    }
    md
}
