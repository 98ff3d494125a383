//! The workflow's vocabulary: its six stages, the statuses of a request, the decisions a
//! reviewer records and the entries of the trail.

use crate::core::text::dates;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The lesson's six stages, in review order (the derived order is that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStage {
    DataReview,
    ModelReview,
    FairnessReview,
    SecurityReview,
    ComplianceReview,
    FinalApproval,
}

impl ApprovalStage {
    pub const ALL: [ApprovalStage; 6] = [
        ApprovalStage::DataReview,
        ApprovalStage::ModelReview,
        ApprovalStage::FairnessReview,
        ApprovalStage::SecurityReview,
        ApprovalStage::ComplianceReview,
        ApprovalStage::FinalApproval,
    ];

    /// The lesson's enum value, also the id of the stage's [`ReviewerGroup`].
    pub fn key(self) -> &'static str {
        match self {
            ApprovalStage::DataReview => "data_review",
            ApprovalStage::ModelReview => "model_review",
            ApprovalStage::FairnessReview => "fairness_review",
            ApprovalStage::SecurityReview => "security_review",
            ApprovalStage::ComplianceReview => "compliance_review",
            ApprovalStage::FinalApproval => "final_approval",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ApprovalStage::DataReview => "Data review",
            ApprovalStage::ModelReview => "Model review",
            ApprovalStage::FairnessReview => "Fairness review",
            ApprovalStage::SecurityReview => "Security review",
            ApprovalStage::ComplianceReview => "Compliance review",
            ApprovalStage::FinalApproval => "Final approval",
        }
    }

    /// 1 to 6, for "stage 2 of 6".
    pub fn number(self) -> usize {
        self as usize + 1
    }

    /// The address the lesson's `_notify_reviewers` writes to for this stage.
    pub fn default_reviewers(self) -> &'static str {
        match self {
            ApprovalStage::DataReview => "data-team@example.com",
            ApprovalStage::ModelReview => "ml-team@example.com",
            ApprovalStage::FairnessReview => "ethics-team@example.com",
            ApprovalStage::SecurityReview => "security-team@example.com",
            ApprovalStage::ComplianceReview => "compliance-team@example.com",
            ApprovalStage::FinalApproval => "ml-lead@example.com",
        }
    }

    /// The stage after this one; `None` after the final approval.
    pub fn next(self) -> Option<ApprovalStage> {
        match self {
            ApprovalStage::DataReview => Some(ApprovalStage::ModelReview),
            ApprovalStage::ModelReview => Some(ApprovalStage::FairnessReview),
            ApprovalStage::FairnessReview => Some(ApprovalStage::SecurityReview),
            ApprovalStage::SecurityReview => Some(ApprovalStage::ComplianceReview),
            ApprovalStage::ComplianceReview => Some(ApprovalStage::FinalApproval),
            ApprovalStage::FinalApproval => None,
        }
    }
}

/// The lesson's statuses. `Approved` is given only by the final stage's approval and means
/// "approved for production"; a request between stages is `Pending` at its next stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Rejected,
    NeedsRevision,
}

impl ApprovalStatus {
    pub fn label(self) -> &'static str {
        match self {
            ApprovalStatus::Pending => "Pending",
            ApprovalStatus::Approved => "Approved",
            ApprovalStatus::Rejected => "Rejected",
            ApprovalStatus::NeedsRevision => "Needs revision",
        }
    }

    /// Rejected or needs revision: back with the requester until they resubmit.
    pub fn is_returned(self) -> bool {
        matches!(
            self,
            ApprovalStatus::Rejected | ApprovalStatus::NeedsRevision
        )
    }
}

/// What a reviewer records at the current stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Reject,
    NeedsRevision,
}

impl Decision {
    /// The action, as on a button.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Approve => "Approve",
            Decision::Reject => "Reject",
            Decision::NeedsRevision => "Needs revision",
        }
    }
}

/// What happened in one trail entry. Stored as `"requested"`, `"resubmitted"` or
/// `{"decided": "approve"}`: a decision cannot exist without its kind, nor the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Requested,
    Decided(Decision),
    Resubmitted,
}

impl EntryKind {
    /// Past tense, for the timeline.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Requested => "Requested",
            EntryKind::Decided(Decision::Approve) => "Approved",
            EntryKind::Decided(Decision::Reject) => "Rejected",
            EntryKind::Decided(Decision::NeedsRevision) => "Needs revision",
            EntryKind::Resubmitted => "Resubmitted",
        }
    }
}

/// One step of the audit trail, never changed once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailEntry {
    pub kind: EntryKind,
    /// The stage the request was at when this happened.
    pub stage: ApprovalStage,
    /// The requester, reviewer or resubmitter, as typed (trimmed).
    pub by: String,
    pub comment: String,
    #[serde(deserialize_with = "dates::timestamp")]
    pub at: DateTime<Utc>,
    /// [`content_hash`] of the card at that moment, so a later edit shows which approvals
    /// were given on older content.
    pub card_hash: String,
    /// This entry's link in the trail's hash chain ([`super::chain::link`]): the SHA-256 of
    /// the link before it and of every field above. Empty only in entries written before
    /// schema version 7, until the request is next changed or sent for review
    /// ([`super::ApprovalRequest::seal`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chain: String,
}
