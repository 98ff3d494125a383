//! One approval request for one card version, and the only two transitions that change it:
//! [`ApprovalRequest::decide`] and [`ApprovalRequest::resubmit`].

use super::stage::{ApprovalStage, ApprovalStatus, Decision, EntryKind, TrailEntry};
use crate::core::cards::card::{CardRecord, ModelCard, UNTITLED_CARD};
use crate::core::records::collection::Record;
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

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

crate::core::records::collection::record!(ApprovalRequest);

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

    /// "product_recommendation_model v2.1.0", or [`UNTITLED_CARD`] for a card without a name.
    pub fn title(&self) -> String {
        let name = if self.model_name.is_empty() {
            UNTITLED_CARD
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

impl Mergeable for ApprovalRequest {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        let mut copy = self.with_updated_at(now);
        copy.id = id;
        copy
    }
}

crate::core::records::registry::stored!(
    ApprovalRequest,
    "approvals",
    "approval request",
    "approval requests"
);
