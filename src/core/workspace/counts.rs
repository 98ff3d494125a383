//! How many records of each kind a workspace holds, for import summaries and the Workspace
//! data page.

use crate::core::records::collection::Collection;
use crate::core::records::registry::{CollectionInfo, Stored, Visit};
use crate::core::text::words::plural;
use crate::core::workspace::Workspace;

/// The number of records per counted collection, in the registry's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts(pub Vec<(CollectionInfo, usize)>);

impl Counts {
    /// "2 assessments, 8 debt items and 1 model card", leaving out kinds with none (but never
    /// saying nothing: the first kind, assessments, is always named).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (index, (info, count)) in self.0.iter().enumerate() {
            if index == 0 || *count > 0 {
                parts.push(plural(*count, info.one, info.many));
            }
        }
        match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => parts.join(""),
        }
    }

    /// Adds one collection's count, if the registry counts it.
    pub fn add<T: Stored>(&mut self, collection: &Collection<T>) {
        if T::COLLECTION.counted {
            self.0.push((T::COLLECTION, collection.items.len()));
        }
    }
}

impl Visit for Counts {
    fn visit<T: Stored>(&mut self, collection: &Collection<T>) {
        self.add(collection);
    }
}

impl Workspace {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        self.visit(&mut counts);
        counts
    }
}
