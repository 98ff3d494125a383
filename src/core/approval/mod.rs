//! The model approval workflow (lesson section 2.2): a request for one model card version goes
//! through six review stages in a fixed order, each approved, rejected or sent back for
//! revision by a named reviewer, with an append-only audit trail.
//!
//! The lesson's workflow keeps only the latest reviewer and a list of comments; here every
//! step is a [`TrailEntry`], because an audit has to show who decided what, when, and on which
//! content of the card. A request's stage, status, requester and trail are private and change
//! only through [`ApprovalRequest::decide`] and [`ApprovalRequest::resubmit`], so a skipped
//! stage, a decision on a finished request or an edited trail cannot be produced by the app.
//! (Stored data is trusted as written: serde does not re-check the history.)
//!
//! There is no server, so notifying reviewers means a `mailto:` link and a message to copy.

use crate::core::card::{CardRecord, ModelCard};
use crate::core::card_readme::escape_inline;
use crate::core::dates;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write};

mod views;

pub use views::{
    awaiting_resubmission, inbox, notify_mailto, notify_text, trail_json, trail_markdown,
};

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

    pub fn from_key(key: &str) -> Option<ApprovalStage> {
        ApprovalStage::ALL.into_iter().find(|s| s.key() == key)
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
}

/// Why a transition was refused. Nothing changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalError {
    BlankRequester,
    /// The final stage approved it: the request is closed.
    Finished,
    /// Rejected or needs revision: only the requester's resubmission reopens it.
    Returned {
        requester: String,
        status: ApprovalStatus,
    },
    BlankReviewer,
    /// The requester tried to approve their own request.
    OwnApproval {
        requester: String,
    },
    /// A rejection or a request for revision without a reason.
    BlankComment {
        decision: Decision,
    },
    /// Resubmitting a request that is not returned (it is pending at `stage`).
    NotReturned {
        stage: ApprovalStage,
    },
    NotRequester {
        requester: String,
    },
}

impl fmt::Display for ApprovalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApprovalError::BlankRequester => write!(
                f,
                "Type the requester's name: a returned request goes back to them."
            ),
            ApprovalError::Finished => write!(
                f,
                "This request is already approved for production, so nothing more can be recorded on it. Start a new request to review another version."
            ),
            ApprovalError::Returned { requester, status } => {
                let how = match status {
                    ApprovalStatus::Rejected => "was rejected and returned to",
                    _ => "was returned for revision to",
                };
                write!(
                    f,
                    "This request {how} {requester}. It can be reviewed again once they resubmit it."
                )
            }
            ApprovalError::BlankReviewer => write!(
                f,
                "Type the reviewer's name: every decision in the audit trail says who made it."
            ),
            ApprovalError::OwnApproval { requester } => write!(
                f,
                "{requester} requested this approval, so they cannot approve it too. Another reviewer must approve this stage."
            ),
            ApprovalError::BlankComment { decision } => {
                let what = match decision {
                    Decision::Reject => "reject a request",
                    _ => "ask for revision",
                };
                write!(
                    f,
                    "Write a comment when you {what}: the requester needs to know what to change."
                )
            }
            ApprovalError::NotReturned { stage } => write!(
                f,
                "Only a rejected request or one that needs revision can be resubmitted; this one is waiting at {}.",
                stage.label()
            ),
            ApprovalError::NotRequester { requester } => write!(
                f,
                "Only the requester, {requester}, can resubmit this request: type their name."
            ),
        }
    }
}

/// One approval request for one card version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRequest {
    pub id: String,
    /// The [`CardRecord`] under review.
    pub card_id: String,
    /// The card's name and version when requested, so the request still reads well if the
    /// card is renamed or deleted.
    pub model_name: String,
    pub model_version: String,
    requested_by: String,
    #[serde(deserialize_with = "dates::date")]
    pub requested_on: NaiveDate,
    stage: ApprovalStage,
    status: ApprovalStatus,
    trail: Vec<TrailEntry>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::collection::record!(ApprovalRequest);

/// Names are typed, not signed in: the same person may type "Ana" or " ana ".
fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl ApprovalRequest {
    /// A request pending at data review, requested today (`now`'s UTC date) by `requested_by`.
    pub fn new(
        id: String,
        card: &CardRecord,
        requested_by: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, ApprovalError> {
        let requested_by = requested_by.trim();
        if requested_by.is_empty() {
            return Err(ApprovalError::BlankRequester);
        }
        let stage = ApprovalStage::DataReview;
        Ok(ApprovalRequest {
            id,
            card_id: card.id.clone(),
            model_name: card.card.model_name.trim().to_owned(),
            model_version: card.card.model_version.trim().to_owned(),
            requested_by: requested_by.to_owned(),
            requested_on: now.date_naive(),
            stage,
            status: ApprovalStatus::Pending,
            trail: vec![TrailEntry {
                kind: EntryKind::Requested,
                stage,
                by: requested_by.to_owned(),
                comment: String::new(),
                at: now,
                card_hash: content_hash(&card.card),
            }],
            created_at: now,
            updated_at: now,
        })
    }

    pub fn requested_by(&self) -> &str {
        &self.requested_by
    }

    /// The stage being reviewed, or that returned the request; the final one once approved.
    pub fn stage(&self) -> ApprovalStage {
        self.stage
    }

    pub fn status(&self) -> ApprovalStatus {
        self.status
    }

    /// Every step, oldest first.
    pub fn trail(&self) -> &[TrailEntry] {
        &self.trail
    }

    pub fn is_approved_for_production(&self) -> bool {
        self.status == ApprovalStatus::Approved
    }

    /// "product_recommendation_model v2.1.0", or "Untitled card" for a card without a name.
    pub fn title(&self) -> String {
        let name = if self.model_name.is_empty() {
            "Untitled card"
        } else {
            &self.model_name
        };
        match self.model_version.as_str() {
            "" => name.to_owned(),
            version => format!("{name} {version}"),
        }
    }

    /// Where the request stands, in one sentence fragment.
    pub fn summary(&self) -> String {
        let stage = self.stage.label();
        match self.status {
            ApprovalStatus::Pending => {
                format!("Waiting for {stage} (stage {} of 6)", self.stage.number())
            }
            ApprovalStatus::Approved => "Approved for production".to_owned(),
            ApprovalStatus::Rejected => {
                format!("Rejected at {stage}; returned to {}", self.requested_by)
            }
            ApprovalStatus::NeedsRevision => format!(
                "Needs revision at {stage}; returned to {}",
                self.requested_by
            ),
        }
    }

    /// When the request arrived where it is now (its latest trail entry).
    pub fn waiting_since(&self) -> DateTime<Utc> {
        self.trail.last().map_or(self.created_at, |e| e.at)
    }

    /// The latest decision, e.g. the rejection a returned request is waiting on.
    pub fn latest_decision(&self) -> Option<&TrailEntry> {
        self.trail
            .iter()
            .rev()
            .find(|e| matches!(e.kind, EntryKind::Decided(_)))
    }

    /// Records a decision at the current stage: approve moves to the next stage (or, at the
    /// final stage, approves for production); reject and needs revision return the request
    /// to its requester at this stage.
    ///
    /// Separation of duties: the requester cannot approve (names compared trimmed and
    /// case-insensitively), but may reject or ask for revision of their own request, e.g.
    /// on noticing a mistake, since stopping a request grants nothing. A reason is required
    /// for reject and needs revision, because the requester must know what to change.
    pub fn decide(
        &mut self,
        reviewer: &str,
        decision: Decision,
        comment: &str,
        card_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ApprovalError> {
        let reviewer = reviewer.trim();
        let comment = comment.trim();
        match self.status {
            ApprovalStatus::Approved => return Err(ApprovalError::Finished),
            status if status.is_returned() => {
                return Err(ApprovalError::Returned {
                    requester: self.requested_by.clone(),
                    status,
                });
            }
            _ => {}
        }
        if reviewer.is_empty() {
            return Err(ApprovalError::BlankReviewer);
        }
        if decision == Decision::Approve && same_person(reviewer, &self.requested_by) {
            return Err(ApprovalError::OwnApproval {
                requester: self.requested_by.clone(),
            });
        }
        if decision != Decision::Approve && comment.is_empty() {
            return Err(ApprovalError::BlankComment { decision });
        }
        self.push(
            EntryKind::Decided(decision),
            reviewer,
            comment,
            card_hash,
            now,
        );
        match (decision, self.stage.next()) {
            (Decision::Approve, Some(next)) => self.stage = next,
            (Decision::Approve, None) => self.status = ApprovalStatus::Approved,
            (Decision::Reject, _) => self.status = ApprovalStatus::Rejected,
            (Decision::NeedsRevision, _) => self.status = ApprovalStatus::NeedsRevision,
        }
        Ok(())
    }

    /// Sends a returned request back for review at the stage that returned it; approvals of
    /// earlier stages still count, and the trail keeps the rejection. Only the requester
    /// (same name, trimmed, any case) may resubmit: the request was returned to them, and a
    /// reviewer reopening it would decide for them that the concerns were met. The comment
    /// (what changed) is optional.
    pub fn resubmit(
        &mut self,
        by: &str,
        comment: &str,
        card_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ApprovalError> {
        match self.status {
            ApprovalStatus::Approved => return Err(ApprovalError::Finished),
            ApprovalStatus::Pending => {
                return Err(ApprovalError::NotReturned { stage: self.stage });
            }
            _ => {}
        }
        let by = by.trim();
        if by.is_empty() || !same_person(by, &self.requested_by) {
            return Err(ApprovalError::NotRequester {
                requester: self.requested_by.clone(),
            });
        }
        self.push(EntryKind::Resubmitted, by, comment.trim(), card_hash, now);
        self.status = ApprovalStatus::Pending;
        Ok(())
    }

    fn push(
        &mut self,
        kind: EntryKind,
        by: &str,
        comment: &str,
        card_hash: &str,
        now: DateTime<Utc>,
    ) {
        self.trail.push(TrailEntry {
            kind,
            stage: self.stage,
            by: by.to_owned(),
            comment: comment.to_owned(),
            at: now,
            card_hash: card_hash.to_owned(),
        });
        self.updated_at = now;
    }

    /// The approval of `stage` that still counts: the latest one, for a stage the request has
    /// passed (every stage once approved for production). A stage being reviewed again after
    /// a return has none.
    pub fn approval_in_force(&self, stage: ApprovalStage) -> Option<&TrailEntry> {
        if stage >= self.stage && !self.is_approved_for_production() {
            return None;
        }
        self.trail
            .iter()
            .rev()
            .find(|e| e.stage == stage && e.kind == EntryKind::Decided(Decision::Approve))
    }

    /// Stages whose approval in force was given on other content than `current_hash` (the
    /// card was edited since), in stage order.
    pub fn stale_stages(&self, current_hash: &str) -> Vec<ApprovalStage> {
        ApprovalStage::ALL
            .into_iter()
            .filter(|s| {
                self.approval_in_force(*s)
                    .is_some_and(|e| e.card_hash != current_hash)
            })
            .collect()
    }
}

/// FNV-1a 64 of the card's JSON, as 16 hex digits. Not cryptographic: it detects edits, it
/// does not resist forgery (anyone can edit the stored trail anyway). The JSON is the card's
/// own serialization, which a storage or file round trip reproduces exactly.
pub fn content_hash(card: &ModelCard) -> String {
    let json = serde_json::to_string(card).unwrap_or_default();
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The editable address of one stage's reviewers; the id is the stage's key
/// (`"data_review"`), so there is at most one per stage and tabs merge them like any record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewerGroup {
    pub id: String,
    pub address: String,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::collection::record!(ReviewerGroup);

impl ReviewerGroup {
    pub fn new(stage: ApprovalStage, address: &str, now: DateTime<Utc>) -> Self {
        ReviewerGroup {
            id: stage.key().to_owned(),
            address: address.trim().to_owned(),
            updated_at: now,
        }
    }
}

/// The stage's address: the edited one, or the lesson's default when none is set or it was
/// cleared (a blank address would make a `mailto:` link to nobody).
pub fn reviewer_address(groups: &[ReviewerGroup], stage: ApprovalStage) -> String {
    groups
        .iter()
        .find(|g| g.id == stage.key())
        .map(|g| g.address.trim())
        .filter(|a| !a.is_empty())
        .unwrap_or(stage.default_reviewers())
        .to_owned()
}
