//! The workspace: every collection of the app, listed once.
//!
//! This is the one registry of collections. The `collections!` list below declares the
//! [`Workspace`] struct and the visitors over it; everything that must touch every collection
//! (merge, replace, duplicate-id checks, tombstones, counts, storage) is a visitor, so adding
//! a collection is its record type (implementing `records::registry::Stored`) plus one line
//! here, and `tests/registry.rs` takes one record of every collection through each path.
//!
//! The workspace sits above the features because it names their record types; no feature
//! imports it. Each collection is stored under its own local-storage key and travels
//! together in the workspace file ([`file`]).

pub mod counts;
pub mod file;
pub mod load;
pub mod merge;

use crate::core::cards::card::CardRecord;
use crate::core::checklists::checklist::Checklist;
use crate::core::debt::item::DebtItem;
use crate::core::lifecycle::approval::{ApprovalRequest, ReviewerGroup};
use crate::core::lifecycle::security::SecurityAudit;
use crate::core::maturity::assessment::Assessment;
use crate::core::records::collection::Collection;
use crate::core::records::registry::{Visit, VisitMut, VisitPair, VisitTypes};
use serde::{Deserialize, Serialize};

/// Declares [`Workspace`] with one field per collection and the visitors over them, in the
/// list's order (which is also the order of the workspace file and of storage).
macro_rules! collections {
    ($($(#[$doc:meta])* $field:ident: $record:ty,)*) => {
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Workspace {
            $($(#[$doc])* #[serde(default)] pub $field: Collection<$record>,)*
        }

        impl Workspace {
            /// Calls `visitor` with every collection.
            pub fn visit(&self, visitor: &mut impl Visit) {
                $(visitor.visit(&self.$field);)*
            }

            /// Calls `visitor` with every collection, to change it.
            pub fn visit_mut(&mut self, visitor: &mut impl VisitMut) {
                $(visitor.visit(&mut self.$field);)*
            }

            /// Calls `visitor` with every record type, in the list's order.
            pub fn visit_types(visitor: &mut impl VisitTypes) {
                $(visitor.visit::<$record>();)*
            }

            /// Calls `visitor` with every collection and the same collection of `other`.
            pub fn visit_pair(&mut self, other: &Workspace, visitor: &mut impl VisitPair) {
                $(visitor.visit(&mut self.$field, &other.$field);)*
            }
        }
    };
}

collections! {
    /// Maturity self-assessments.
    assessments: Assessment,
    /// The technical-debt register (since schema version 2).
    debt: DebtItem,
    /// Model cards (since schema version 3).
    cards: CardRecord,
    /// Workflow and best-practice checklists (since schema version 4).
    checklists: Checklist,
    /// Approval requests of model card versions (since schema version 4).
    approvals: ApprovalRequest,
    /// Reviewer addresses per approval stage that differ from the lesson's (since 4).
    reviewers: ReviewerGroup,
    /// Security audits of model cards (since schema version 4).
    audits: SecurityAudit,
}

impl Workspace {
    /// The workspace as it is exported: records only, without tombstones.
    pub fn without_tombstones(&self) -> Workspace {
        struct ClearTombstones;
        impl VisitMut for ClearTombstones {
            fn visit<T: crate::core::records::registry::Stored>(
                &mut self,
                collection: &mut Collection<T>,
            ) {
                collection.deleted.clear();
            }
        }
        let mut clean = self.clone();
        clean.visit_mut(&mut ClearTombstones);
        clean
    }
}
