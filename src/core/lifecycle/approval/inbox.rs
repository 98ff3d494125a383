//! What waits for whom: pending requests by stage, and returned ones by requester.

use super::request::ApprovalRequest;
use super::stage::{ApprovalStage, ApprovalStatus};

/// Pending requests by the stage they wait for: all six stages in order, each possibly empty,
/// so the inbox shows every reviewer group, and "nothing waiting" too. Oldest waiting first.
pub fn inbox(requests: &[ApprovalRequest]) -> Vec<(ApprovalStage, Vec<&ApprovalRequest>)> {
    ApprovalStage::ALL
        .into_iter()
        .map(|stage| {
            let mut waiting: Vec<&ApprovalRequest> = requests
                .iter()
                .filter(|r| r.status() == ApprovalStatus::Pending && r.stage() == stage)
                .collect();
            waiting.sort_by_key(|r| r.waiting_since());
            (stage, waiting)
        })
        .collect()
}

/// Rejected requests and those needing revision: waiting for their requester to resubmit,
/// oldest first.
pub fn awaiting_resubmission(requests: &[ApprovalRequest]) -> Vec<&ApprovalRequest> {
    let mut returned: Vec<&ApprovalRequest> = requests
        .iter()
        .filter(|r| r.status().is_returned())
        .collect();
    returned.sort_by_key(|r| r.waiting_since());
    returned
}
