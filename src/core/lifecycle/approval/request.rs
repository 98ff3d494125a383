//! One approval request for one card version, and the only two transitions that change it:
//! [`ApprovalRequest::decide`] and [`ApprovalRequest::resubmit`].

use super::chain::{content_hash, link};
use super::stage::{ApprovalStage, ApprovalStatus, Decision, EntryKind, TrailEntry};
use crate::core::cards::card::{CardRecord, UNTITLED_CARD};
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
    /// The final approval while earlier approvals cover older content of the card.
    StaleApprovals {
        stages: Vec<ApprovalStage>,
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
            ApprovalError::StaleApprovals { stages } => {
                let names: Vec<&str> = stages.iter().map(|s| s.label()).collect();
                write!(
                    f,
                    "The final approval cannot be given yet: the model card changed after these approvals, so they cover older content: {}. Ask for revision instead; when the requester resubmits, the review restarts at {}.",
                    names.join(", "),
                    names.first().copied().unwrap_or("the first stage")
                )
            }
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
        let mut request = ApprovalRequest {
            id,
            card_id: card.id.clone(),
            model_name: card.card.model_name.trim().to_owned(),
            model_version: card.card.model_version.trim().to_owned(),
            requested_by: requested_by.to_owned(),
            requested_on: now.date_naive(),
            stage,
            status: ApprovalStatus::Pending,
            trail: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        request.push(
            EntryKind::Requested,
            requested_by,
            "",
            &content_hash(&card.card),
            now,
        );
        Ok(request)
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
        if decision == Decision::Approve && self.stage.next().is_none() {
            let stages = self.stale_stages(card_hash);
            if !stages.is_empty() {
                return Err(ApprovalError::StaleApprovals { stages });
            }
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
    /// earlier stages still count, and the trail keeps the rejection. If the card changed
    /// since an earlier stage approved it, the review restarts at the first such stage
    /// instead, since the final approval needs every approval on the current content. Only
    /// the requester
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
        let restart = self.stale_stages(card_hash).first().copied();
        self.push(EntryKind::Resubmitted, by, comment.trim(), card_hash, now);
        self.status = ApprovalStatus::Pending;
        if let Some(stage) = restart.filter(|s| *s < self.stage) {
            self.stage = stage;
        }
        Ok(())
    }

    /// Appends an entry linked to the one before it (sealing older entries first).
    fn push(
        &mut self,
        kind: EntryKind,
        by: &str,
        comment: &str,
        card_hash: &str,
        now: DateTime<Utc>,
    ) {
        self.seal();
        let mut entry = TrailEntry {
            kind,
            stage: self.stage,
            by: by.to_owned(),
            comment: comment.to_owned(),
            at: now,
            card_hash: card_hash.to_owned(),
            chain: String::new(),
        };
        let previous = self.trail.last().map_or("", |e| e.chain.as_str());
        entry.chain = link(previous, &entry);
        self.trail.push(entry);
        self.updated_at = now;
    }

    /// Links the entries written before the trail had a hash chain (schema version 6 and
    /// older), in order; entries that have a link keep it, so a changed one still shows.
    pub fn seal(&mut self) {
        let mut previous = String::new();
        for entry in &mut self.trail {
            if entry.chain.is_empty() {
                entry.chain = link(&previous, entry);
            }
            previous.clone_from(&entry.chain);
        }
    }

    /// Why the request's stage and status do not follow from its trail, if they do not: the
    /// trail is replayed through [`Self::decide`] and [`Self::resubmit`], so an entry that the
    /// rules would have refused, or a stage or status edited in the file, is found.
    pub fn replay_problem(&self) -> Option<String> {
        let mut entries = self.trail.iter().enumerate();
        let Some((_, first)) = entries.next() else {
            return Some("the trail is empty".to_owned());
        };
        if first.kind != EntryKind::Requested
            || first.stage != ApprovalStage::DataReview
            || !same_person(&first.by, &self.requested_by)
        {
            return Some(format!(
                "the trail does not start with the request by {} at Data review",
                self.requested_by
            ));
        }
        let mut state = ApprovalRequest {
            stage: ApprovalStage::DataReview,
            status: ApprovalStatus::Pending,
            trail: vec![first.clone()],
            ..self.clone()
        };
        for (index, entry) in entries {
            let number = index + 1;
            if entry.stage != state.stage {
                return Some(format!(
                    "entry {number} is at {}, but the request was at {} then",
                    entry.stage.label(),
                    state.stage.label()
                ));
            }
            let outcome = match entry.kind {
                EntryKind::Decided(decision) => state.decide(
                    &entry.by,
                    decision,
                    &entry.comment,
                    &entry.card_hash,
                    entry.at,
                ),
                EntryKind::Resubmitted => {
                    state.resubmit(&entry.by, &entry.comment, &entry.card_hash, entry.at)
                }
                EntryKind::Requested => {
                    return Some(format!(
                        "entry {number} requests the approval a second time"
                    ));
                }
            };
            if let Err(error) = outcome {
                return Some(format!("entry {number} breaks the rules: {error}"));
            }
        }
        (state.stage != self.stage || state.status != self.status).then(|| {
            format!(
                "the request says \"{}\", but its trail leads to \"{}\"",
                self.summary(),
                state.summary()
            )
        })
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
