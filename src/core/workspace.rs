//! The one workspace that holds every collection of the app.
//!
//! Each collection is stored under its own local-storage key (see [`crate::core::stored`]) and
//! travels together in the workspace file (see [`crate::core::document`]).

use crate::core::approval::{ApprovalRequest, ReviewerGroup};
use crate::core::assessment::Assessment;
use crate::core::card::CardRecord;
use crate::core::checklists::Checklist;
use crate::core::collection::Collection;
use crate::core::debt::DebtItem;
use crate::core::security::SecurityAudit;
use crate::core::words::plural;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    #[serde(default)]
    pub assessments: Collection<Assessment>,
    /// The technical-debt register (since schema version 2).
    #[serde(default)]
    pub debt: Collection<DebtItem>,
    /// Model cards (since schema version 3).
    #[serde(default)]
    pub cards: Collection<CardRecord>,
    /// Workflow and best-practice checklists (since schema version 4).
    #[serde(default)]
    pub checklists: Collection<Checklist>,
    /// Approval requests of model card versions (since schema version 4).
    #[serde(default)]
    pub approvals: Collection<ApprovalRequest>,
    /// Reviewer addresses per approval stage that differ from the lesson's (since 4).
    #[serde(default)]
    pub reviewers: Collection<ReviewerGroup>,
    /// Security audits of model cards (since schema version 4).
    #[serde(default)]
    pub audits: Collection<SecurityAudit>,
}

/// The collections of a workspace. Adding one here makes the compiler list every place that
/// must learn about it (storage, merge, import).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollectionName {
    Assessments,
    Debt,
    Cards,
    Checklists,
    Approvals,
    Reviewers,
    Audits,
}

impl CollectionName {
    pub const ALL: [CollectionName; 7] = [
        CollectionName::Assessments,
        CollectionName::Debt,
        CollectionName::Cards,
        CollectionName::Checklists,
        CollectionName::Approvals,
        CollectionName::Reviewers,
        CollectionName::Audits,
    ];

    /// The field name in the workspace document, also the storage key suffix.
    pub fn key(self) -> &'static str {
        match self {
            CollectionName::Assessments => "assessments",
            CollectionName::Debt => "debt",
            CollectionName::Cards => "cards",
            CollectionName::Checklists => "checklists",
            CollectionName::Approvals => "approvals",
            CollectionName::Reviewers => "reviewers",
            CollectionName::Audits => "audits",
        }
    }

    /// What one record is called in messages.
    pub fn record_label(self) -> &'static str {
        match self {
            CollectionName::Assessments => "assessment",
            CollectionName::Debt => "debt item",
            CollectionName::Cards => "model card",
            CollectionName::Checklists => "checklist",
            CollectionName::Approvals => "approval request",
            CollectionName::Reviewers => "reviewer group",
            CollectionName::Audits => "security audit",
        }
    }
}

/// How many records of each kind a workspace holds, for import summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub assessments: usize,
    pub debt: usize,
    pub cards: usize,
    pub checklists: usize,
    pub approvals: usize,
    pub audits: usize,
}

impl Counts {
    /// "2 assessments, 8 debt items and 1 model card", leaving out kinds with none (but never
    /// saying nothing).
    pub fn describe(&self) -> String {
        let mut parts = vec![plural(self.assessments, "assessment", "assessments")];
        if self.debt > 0 {
            parts.push(plural(self.debt, "debt item", "debt items"));
        }
        if self.cards > 0 {
            parts.push(plural(self.cards, "model card", "model cards"));
        }
        if self.checklists > 0 {
            parts.push(plural(self.checklists, "checklist", "checklists"));
        }
        if self.approvals > 0 {
            parts.push(plural(
                self.approvals,
                "approval request",
                "approval requests",
            ));
        }
        if self.audits > 0 {
            parts.push(plural(self.audits, "security audit", "security audits"));
        }
        match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => parts.join(""),
        }
    }
}

impl Workspace {
    pub fn counts(&self) -> Counts {
        Counts {
            assessments: self.assessments.items.len(),
            debt: self.debt.items.len(),
            cards: self.cards.items.len(),
            checklists: self.checklists.items.len(),
            approvals: self.approvals.items.len(),
            audits: self.audits.items.len(),
        }
    }

    /// The workspace as it is exported: records only, without tombstones.
    pub fn without_tombstones(&self) -> Workspace {
        // Destructured so that a new collection cannot be forgotten here.
        let Workspace {
            mut assessments,
            mut debt,
            mut cards,
            mut checklists,
            mut approvals,
            mut reviewers,
            mut audits,
        } = self.clone();
        assessments.deleted.clear();
        debt.deleted.clear();
        cards.deleted.clear();
        checklists.deleted.clear();
        approvals.deleted.clear();
        reviewers.deleted.clear();
        audits.deleted.clear();
        Workspace {
            assessments,
            debt,
            cards,
            checklists,
            approvals,
            reviewers,
            audits,
        }
    }
}
