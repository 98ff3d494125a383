//! Telling the next reviewers: the message as a `mailto:` link and as text to copy. There
//! is no server, so this is all the app can do.

use super::request::ApprovalRequest;
use super::stage::ApprovalStatus;
use crate::core::text::percent::percent_encode;

/// One line: a subject is a mail header, and a line break in a name must not end it.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn notify_subject(request: &ApprovalRequest) -> String {
    let title = request.title();
    let stage = request.stage().label();
    let subject = match request.status() {
        ApprovalStatus::Pending => format!("Approval needed: {title}, {stage}"),
        ApprovalStatus::Approved => format!("Approved for production: {title}"),
        _ => format!("Returned at {stage}: {title}"),
    };
    one_line(&subject)
}

fn notify_body(request: &ApprovalRequest) -> String {
    let title = request.title();
    let stage = request.stage().label();
    let requester = &request.requested_by();
    let last = request.latest_decision();
    let (by, comment) = last.map_or(("", ""), |e| (e.by.as_str(), e.comment.as_str()));
    match request.status() {
        ApprovalStatus::Pending => format!(
            "{requester} asks for approval of the model card {title} (requested on {}).\n\nIt is waiting for {stage}, stage {} of 6. Please review the card in the MLOps Governance Workbench and record your decision there: approve, reject or needs revision.\n",
            request.requested_on,
            request.stage().number()
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

/// A `mailto:` link to `address` with `subject` and `body`. Line breaks are CRLF as RFC 6068
/// asks; the address keeps `@` and `,` (several addresses) and is otherwise encoded too.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(address.trim(), b"@,"),
        percent_encode(subject, b""),
        percent_encode(
            &body
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\n', "\r\n"),
            b""
        )
    )
}

/// A `mailto:` link to `address` with the subject and body of [`notify_text`]: who asked for
/// what, and the stage it waits for (or why it was returned).
pub fn notify_mailto(request: &ApprovalRequest, address: &str) -> String {
    mailto(address, &notify_subject(request), &notify_body(request))
}

/// The same message as plain text for the clipboard (chat, a ticket): subject line, blank
/// line, body.
pub fn notify_text(request: &ApprovalRequest) -> String {
    format!("{}\n\n{}", notify_subject(request), notify_body(request))
}
