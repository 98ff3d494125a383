//! Bringing imported records into a collection, by merging by id or replacing it. The
//! workspace applies these to every collection (`core::workspace::merge`).

use crate::core::records::collection::{Collection, IdIndex, Record, Tombstone};
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
pub trait Mergeable: Record {
    /// A copy under a new id, marked as imported so the user can tell the two apart.
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self;

    /// The same content ignoring the time of the last change.
    fn same_content(&self, other: &Self) -> bool {
        self.with_updated_at(other.updated_at()) == *other
    }
}

/// Merges `incoming` into `into` by id; see [`MergeReport`] for what happens to each record.
pub fn merge_collection<T: Mergeable>(
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

/// Leaves a tombstone in `new` for every record of `old` it no longer has.
pub fn tombstone_missing<T: Record>(
    old: &Collection<T>,
    new: &mut Collection<T>,
    now: DateTime<Utc>,
) {
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
