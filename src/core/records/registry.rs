//! What makes a record type a collection of the workspace, and the visitors that the
//! workspace's one list of collections (`core::workspace`) drives.
//!
//! Everything that must happen to every collection (merge, replace, duplicate-id checks,
//! tombstone removal, counts, storage load and save) is written once as a visitor, generic
//! over [`Stored`]. The list itself is the `collections!` invocation in `core::workspace`:
//! adding a collection is its record type (with a [`Stored`] impl) plus one line there.

use crate::core::records::collection::Collection;
use crate::core::records::merge::Mergeable;

/// The names of a collection: its key in the workspace file and in local storage, and what
/// its records are called in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectionInfo {
    /// The field name in the workspace document, also the storage key's suffix.
    pub key: &'static str,
    /// One record, in messages: "model card".
    pub one: &'static str,
    /// Several records, in messages: "model cards".
    pub many: &'static str,
    /// Whether import summaries count it ("2 assessments and 1 model card"); settings such as
    /// reviewer addresses are not worth a mention.
    pub counted: bool,
}

/// A record type that the workspace keeps as one collection.
pub trait Stored: Mergeable + Send + Sync + 'static {
    const COLLECTION: CollectionInfo;
}

/// Implements [`Stored`]: `stored!(DebtItem, "debt", "debt item", "debt items")`, and
/// `…, not counted)` for a collection that import summaries leave out.
macro_rules! stored {
    ($type:ident, $key:literal, $one:literal, $many:literal) => {
        $crate::core::records::registry::stored!($type, $key, $one, $many, true);
    };
    ($type:ident, $key:literal, $one:literal, $many:literal, not counted) => {
        $crate::core::records::registry::stored!($type, $key, $one, $many, false);
    };
    ($type:ident, $key:literal, $one:literal, $many:literal, $counted:literal) => {
        impl $crate::core::records::registry::Stored for $type {
            const COLLECTION: $crate::core::records::registry::CollectionInfo =
                $crate::core::records::registry::CollectionInfo {
                    key: $key,
                    one: $one,
                    many: $many,
                    counted: $counted,
                };
        }
    };
}
pub(crate) use stored;

/// Sees every collection of a workspace, in the list's order.
pub trait Visit {
    fn visit<T: Stored>(&mut self, collection: &Collection<T>);
}

/// Changes every collection of a workspace, in the list's order.
pub trait VisitMut {
    fn visit<T: Stored>(&mut self, collection: &mut Collection<T>);
}

/// Changes every collection of a workspace together with the same collection of another.
pub trait VisitPair {
    fn visit<T: Stored>(&mut self, mine: &mut Collection<T>, theirs: &Collection<T>);
}

/// Sees every record type of the workspace, without data (for code that must pick a
/// collection by its key, such as storage events).
pub trait VisitTypes {
    fn visit<T: Stored>(&mut self);
}
