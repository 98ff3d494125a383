//! Bringing an imported workspace into the current one, by merging by id or replacing it:
//! [`crate::core::records::merge`] applied to every collection of the registry.

use crate::core::records::collection::Collection;
use crate::core::records::merge::{MergeReport, merge_collection, tombstone_missing};
use crate::core::records::registry::{Stored, VisitPair};
use crate::core::workspace::Workspace;
use chrono::{DateTime, Utc};

/// Merges `incoming` into `current` by id. `new_id` makes ids for conflicting copies.
pub fn merge(
    current: &Workspace,
    incoming: &Workspace,
    new_id: impl FnMut() -> String,
    now: DateTime<Utc>,
) -> (Workspace, MergeReport) {
    struct Merge<F> {
        new_id: F,
        now: DateTime<Utc>,
        report: MergeReport,
    }
    impl<F: FnMut() -> String> VisitPair for Merge<F> {
        fn visit<T: Stored>(&mut self, mine: &mut Collection<T>, theirs: &Collection<T>) {
            merge_collection(mine, theirs, &mut self.new_id, self.now, &mut self.report);
        }
    }
    let mut merged = current.clone();
    let mut visitor = Merge {
        new_id,
        now,
        report: MergeReport::default(),
    };
    merged.visit_pair(incoming, &mut visitor);
    (merged, visitor.report)
}

/// Replaces `current` with `incoming`. Records that disappear get tombstones so that other
/// open tabs drop them too instead of bringing them back.
pub fn replace(current: &Workspace, incoming: &Workspace, now: DateTime<Utc>) -> Workspace {
    struct Tombstones(DateTime<Utc>);
    impl VisitPair for Tombstones {
        fn visit<T: Stored>(&mut self, new: &mut Collection<T>, old: &Collection<T>) {
            tombstone_missing(old, new, self.0);
        }
    }
    let mut result = incoming.without_tombstones();
    result.visit_pair(current, &mut Tombstones(now));
    result
}
