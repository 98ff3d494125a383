//! The e-mail that goes with a package. A `mailto:` link cannot attach a file, so the mail
//! names the file to attach and says how to open it.

use crate::core::lifecycle::approval::{ApprovalRequest, ApprovalStatus, mailto, one_line};

/// What the mail asks for, on one line.
fn package_subject(request: &ApprovalRequest) -> String {
    let title = request.title();
    let stage = request.stage().label();
    let subject = match request.status() {
        ApprovalStatus::Pending => format!("Review needed: {title}, {stage}"),
        ApprovalStatus::Approved => format!("Approved for production: {title}"),
        _ => format!("Returned at {stage}: {title}"),
    };
    one_line(&subject)
}

/// The body: what is asked, the file to attach, and how to open it at `app_url`.
fn package_body(request: &ApprovalRequest, file_name: &str, app_url: &str) -> String {
    let title = request.title();
    let stage = request.stage().label();
    let requester = request.requested_by();
    let attach = format!(
        "Attach the file {file_name} to this e-mail before you send it: an e-mail link cannot attach it."
    );
    let open = format!(
        "To open it, go to the MLOps Governance Workbench at {app_url}, choose \"Review a package\" and pick or drop the file. Nothing is saved in your browser until you keep a copy."
    );
    match request.status() {
        ApprovalStatus::Pending => format!(
            "The model card {title}, requested by {requester}, waits for {stage} (stage {} of 6).\n\n{attach}\n\n{open} You will see the card exactly as it will be approved, what changed since the version approved before, and the trail. Record your decision there and send the updated package on.\n",
            request.stage().number()
        ),
        ApprovalStatus::Approved => {
            let by = request.latest_decision().map_or("", |e| e.by.as_str());
            format!(
                "The model card {title}, requested by {requester}, passed all six stages and is approved for production. Final approval by {by}.\n\n{attach} It is the record of the approval: keep it beside the card, and a CI step can check it with `workbench gate --approved`.\n\n{open}\n"
            )
        }
        status => {
            let (by, comment) = request
                .latest_decision()
                .map_or(("", ""), |e| (e.by.as_str(), e.comment.as_str()));
            format!(
                "{by} returned the model card {title} to {requester} at {stage} ({}):\n\n{comment}\n\n{attach}\n\n{open} Keep a copy in your workspace, update the card and resubmit the request; then send it for review again.\n",
                status.label().to_lowercase()
            )
        }
    }
}

/// A `mailto:` link to `address` with [`package_subject`] and [`package_body`].
pub fn package_mailto(
    request: &ApprovalRequest,
    address: &str,
    file_name: &str,
    app_url: &str,
) -> String {
    mailto(
        address,
        &package_subject(request),
        &package_body(request, file_name, app_url),
    )
}
