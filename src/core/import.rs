//! Bringing an imported workspace into the current one, by replacing it or merging by id.

use crate::core::approval::{ApprovalRequest, ReviewerGroup};
use crate::core::assessment::Assessment;
use crate::core::card::CardRecord;
use crate::core::checklists::Checklist;
use crate::core::collection::{Collection, IdIndex, Record, Tombstone};
use crate::core::debt::DebtItem;
use crate::core::security::SecurityAudit;
use crate::core::workspace::Workspace;
use chrono::{DateTime, Utc};

/// What a merge did, for the message after import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records whose id was new here.
    pub added: usize,
    /// Records already here with the same content.
    pub unchanged: usize,
    /// Records whose id was here with other content: both are kept, the import under a new id.
    pub kept_both: usize,
}

/// A record that can be imported next to an existing one with the same id.
pub trait Importable: Record {
    /// A copy under a new id, marked as imported so the user can tell the two apart.
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self;

    /// The same content ignoring the time of the last change.
    fn same_content(&self, other: &Self) -> bool {
        self.with_updated_at(other.updated_at()) == *other
    }
}

impl Importable for Assessment {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        Assessment {
            id,
            name: format!("{} (imported)", self.name),
            updated_at: now,
            ..self.clone()
        }
    }
}

impl Importable for DebtItem {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        DebtItem {
            id,
            description: format!("{} (imported)", self.description),
            updated_at: now,
            ..self.clone()
        }
    }
}

impl Importable for CardRecord {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        let mut copy = self.with_updated_at(now);
        copy.id = id;
        copy.card.model_name = format!("{} (imported)", self.card.model_name);
        copy
    }
}

impl Importable for Checklist {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        Checklist {
            id,
            name: format!("{} (imported)", self.name),
            updated_at: now,
            ..self.clone()
        }
    }
}

impl Importable for ApprovalRequest {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        let mut copy = self.with_updated_at(now);
        copy.id = id;
        copy
    }
}

impl Importable for SecurityAudit {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        let mut copy = self.with_updated_at(now);
        copy.id = id;
        copy
    }
}

/// Reviewer groups are keyed by stage: an imported address that differs replaces this one
/// only if newer, like another tab's edit, instead of adding a second group for the stage.
impl Importable for ReviewerGroup {
    fn imported_copy(&self, _id: String, now: DateTime<Utc>) -> Self {
        self.with_updated_at(now)
    }
}

/// Merges `incoming` into `current` by id. `new_id` makes ids for conflicting copies.
pub fn merge(
    current: &Workspace,
    incoming: &Workspace,
    mut new_id: impl FnMut() -> String,
    now: DateTime<Utc>,
) -> (Workspace, MergeReport) {
    let mut merged = current.clone();
    let mut report = MergeReport::default();
    merge_collection(
        &mut merged.assessments,
        &incoming.assessments,
        &mut new_id,
        now,
        &mut report,
    );
    merge_collection(
        &mut merged.debt,
        &incoming.debt,
        &mut new_id,
        now,
        &mut report,
    );
    merge_collection(
        &mut merged.cards,
        &incoming.cards,
        &mut new_id,
        now,
        &mut report,
    );
    merge_collection(
        &mut merged.checklists,
        &incoming.checklists,
        &mut new_id,
        now,
        &mut report,
    );
    merge_collection(
        &mut merged.approvals,
        &incoming.approvals,
        &mut new_id,
        now,
        &mut report,
    );
    merge_collection(
        &mut merged.reviewers,
        &incoming.reviewers,
        &mut new_id,
        now,
        &mut report,
    );
    merge_collection(
        &mut merged.audits,
        &incoming.audits,
        &mut new_id,
        now,
        &mut report,
    );
    (merged, report)
}

fn merge_collection<T: Importable>(
    into: &mut Collection<T>,
    incoming: &Collection<T>,
    new_id: &mut impl FnMut() -> String,
    now: DateTime<Utc>,
    report: &mut MergeReport,
) {
    let existing = into.id_index();
    let deleted = IdIndex::of(into.deleted.iter().map(|t| t.id.as_str()).collect());
    let mut additions = Vec::new();
    for record in &incoming.items {
        match existing.get(record.id()).and_then(|i| into.items.get(i)) {
            // A record deleted here comes back as changed now, so that other tabs, which
            // still hold its tombstone, keep it rather than drop it again.
            None if deleted.contains(record.id()) => {
                report.added += 1;
                additions.push(record.with_updated_at(now));
            }
            None => {
                report.added += 1;
                additions.push(record.clone());
            }
            Some(here) if here.same_content(record) => report.unchanged += 1,
            Some(_) => {
                report.kept_both += 1;
                additions.push(record.imported_copy(new_id(), now));
            }
        }
    }
    into.upsert_many(additions);
}

/// Replaces `current` with `incoming`. Records that disappear get tombstones so that other
/// open tabs drop them too instead of bringing them back.
pub fn replace(current: &Workspace, incoming: &Workspace, now: DateTime<Utc>) -> Workspace {
    let mut result = incoming.without_tombstones();
    tombstone_missing(&current.assessments, &mut result.assessments, now);
    tombstone_missing(&current.debt, &mut result.debt, now);
    tombstone_missing(&current.cards, &mut result.cards, now);
    tombstone_missing(&current.checklists, &mut result.checklists, now);
    tombstone_missing(&current.approvals, &mut result.approvals, now);
    tombstone_missing(&current.reviewers, &mut result.reviewers, now);
    tombstone_missing(&current.audits, &mut result.audits, now);
    result
}

fn tombstone_missing<T: Record>(old: &Collection<T>, new: &mut Collection<T>, now: DateTime<Utc>) {
    let kept = new.id_index();
    for record in &old.items {
        if !kept.contains(record.id()) {
            new.deleted.push(Tombstone {
                id: record.id().to_owned(),
                deleted_at: now,
            });
        }
    }
}
