//! What pages, e-mails and files show of requests: the notify message and `mailto:` link, the
//! inbox, and the timeline as JSON and Markdown.

use super::*;

/// RFC 3986 percent-encoding of everything but unreserved characters and `keep`: user text
/// can then never end the subject or add a header such as `&bcc=`.
fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// One line: a subject is a mail header, and a line break in a name must not end it.
fn notify_subject(request: &ApprovalRequest) -> String {
    let title = request.title();
    let stage = request.stage.label();
    let subject = match request.status {
        ApprovalStatus::Pending => format!("Approval needed: {title}, {stage}"),
        ApprovalStatus::Approved => format!("Approved for production: {title}"),
        _ => format!("Returned at {stage}: {title}"),
    };
    subject.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn notify_body(request: &ApprovalRequest) -> String {
    let title = request.title();
    let stage = request.stage.label();
    let requester = &request.requested_by;
    let last = request.latest_decision();
    let (by, comment) = last.map_or(("", ""), |e| (e.by.as_str(), e.comment.as_str()));
    match request.status {
        ApprovalStatus::Pending => format!(
            "{requester} asks for approval of the model card {title} (requested on {}).\n\nIt is waiting for {stage}, stage {} of 6. Please review the card in the MLOps Governance Workbench and record your decision there: approve, reject or needs revision.\n",
            request.requested_on,
            request.stage.number()
        ),
        ApprovalStatus::Approved => format!(
            "The model card {title}, requested by {requester}, passed all six stages and is approved for production. Final approval by {by}.\n"
        ),
        status => format!(
            "{by} returned the model card {title} to {requester} at {stage} ({}):\n\n{comment}\n\nPlease update the card and resubmit the request in the MLOps Governance Workbench; the review restarts at {stage}.\n",
            status.label().to_lowercase()
        ),
    }
}

/// A `mailto:` link to `address` with the subject and body of [`notify_text`]: who asked for
/// what, and the stage it waits for (or why it was returned). Line breaks are CRLF as RFC 6068
/// asks; the address keeps `@` and `,` (several addresses) and is otherwise encoded too.
pub fn notify_mailto(request: &ApprovalRequest, address: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(address.trim(), b"@,"),
        percent_encode(&notify_subject(request), b""),
        percent_encode(
            &notify_body(request)
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\n', "\r\n"),
            b""
        )
    )
}

/// The same message as plain text for the clipboard (chat, a ticket): subject line, blank
/// line, body.
pub fn notify_text(request: &ApprovalRequest) -> String {
    format!("{}\n\n{}", notify_subject(request), notify_body(request))
}

/// Pending requests by the stage they wait for: all six stages in order, each possibly empty,
/// so the inbox shows every reviewer group, and "nothing waiting" too. Oldest waiting first.
pub fn inbox(requests: &[ApprovalRequest]) -> Vec<(ApprovalStage, Vec<&ApprovalRequest>)> {
    ApprovalStage::ALL
        .into_iter()
        .map(|stage| {
            let mut waiting: Vec<&ApprovalRequest> = requests
                .iter()
                .filter(|r| r.status == ApprovalStatus::Pending && r.stage == stage)
                .collect();
            waiting.sort_by_key(|r| r.waiting_since());
            (stage, waiting)
        })
        .collect()
}

/// Rejected requests and those needing revision: waiting for their requester to resubmit,
/// oldest first.
pub fn awaiting_resubmission(requests: &[ApprovalRequest]) -> Vec<&ApprovalRequest> {
    let mut returned: Vec<&ApprovalRequest> =
        requests.iter().filter(|r| r.status.is_returned()).collect();
    returned.sort_by_key(|r| r.waiting_since());
    returned
}

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
        escape_inline(&request.requested_by),
        request.requested_on,
        escape_inline(&request.summary()),
    );
    for e in &request.trail {
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
