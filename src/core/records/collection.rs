//! A collection of records that several browser tabs (and imports) can merge without losing
//! edits: each record carries its last-change time, deletions leave a tombstone, and a merge
//! keeps, per id, whichever of record or tombstone is newest (last writer wins).

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What every stored record offers so collections can merge it.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    fn id(&self) -> &str;
    fn updated_at(&self) -> DateTime<Utc>;
    /// Stamps the time of the last change.
    fn set_updated_at(&mut self, at: DateTime<Utc>);
    /// The same record with another time of last change.
    fn with_updated_at(&self, at: DateTime<Utc>) -> Self {
        let mut copy = self.clone();
        copy.set_updated_at(at);
        copy
    }
}

/// Implements [`Record`] for a struct with an `id: String` and an `updated_at` time, as every
/// record type of the workspace has: one definition instead of a copy per type.
macro_rules! record {
    ($type:ident) => {
        impl $crate::core::records::collection::Record for $type {
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.updated_at
            }
            fn set_updated_at(&mut self, at: chrono::DateTime<chrono::Utc>) {
                self.updated_at = at;
            }
        }
    };
}
pub(crate) use record;

/// Marks a deleted record so that a merge with an older copy does not bring it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    #[serde(deserialize_with = "crate::core::text::dates::timestamp")]
    pub deleted_at: DateTime<Utc>,
}

/// Records in the user's order, plus tombstones of deleted ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound = "T: Record")]
pub struct Collection<T> {
    pub items: Vec<T>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            deleted: Vec::new(),
        }
    }
}

impl<T: Record> Collection<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.items.iter().find(|r| r.id() == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds a record at the end, or replaces the record with the same id in place.
    pub fn upsert(&mut self, record: T) {
        self.deleted.retain(|t| t.id != record.id());
        match self.items.iter_mut().find(|r| r.id() == record.id()) {
            Some(slot) => *slot = record,
            None => self.items.push(record),
        }
    }

    /// Changes one record in place; returns false when there is no such record.
    pub fn update(&mut self, id: &str, change: impl FnOnce(&mut T)) -> bool {
        match self.items.iter_mut().find(|r| r.id() == id) {
            Some(record) => {
                change(record);
                true
            }
            None => false,
        }
    }

    /// Changes one record in place and stamps it as changed `at`: the one way pages edit a
    /// record, so no page stamps times by hand. Returns false when there is no such record.
    pub fn update_at(&mut self, id: &str, at: DateTime<Utc>, change: impl FnOnce(&mut T)) -> bool {
        self.update(id, |record| {
            change(record);
            record.set_updated_at(at);
        })
    }

    /// Removes a record and leaves a tombstone; returns the removed record for undo.
    pub fn remove(&mut self, id: &str, at: DateTime<Utc>) -> Option<T> {
        let index = self.items.iter().position(|r| r.id() == id)?;
        let removed = self.items.remove(index);
        self.deleted.retain(|t| t.id != id);
        self.deleted.push(Tombstone {
            id: id.to_owned(),
            deleted_at: at,
        });
        Some(removed)
    }

    /// The positions of this collection's records by id.
    pub fn id_index(&self) -> IdIndex {
        IdIndex::of(self.items.iter().map(|r| r.id()).collect())
    }

    /// Adds or replaces many records in one pass (imports of thousands of rows): replaced
    /// records keep their place, new ones are appended in the given order.
    pub fn upsert_many(&mut self, records: impl IntoIterator<Item = T>) {
        let mut positions = self.id_index();
        let mut revived = Vec::new();
        for record in records {
            revived.push(record.id().to_owned());
            match positions
                .get(record.id())
                .and_then(|i| self.items.get_mut(i))
            {
                Some(slot) => *slot = record,
                None => {
                    positions.insert(record.id().to_owned(), self.items.len());
                    self.items.push(record);
                }
            }
        }
        let revived = IdIndex::of(revived.iter().map(String::as_str).collect());
        self.deleted.retain(|t| !revived.contains(&t.id));
    }

    /// Merges another copy of this collection (from another tab) into this one.
    ///
    /// Per id, the newest of the two records and any tombstone wins; a tie between two
    /// different records is broken by their JSON text so every tab picks the same one.
    /// Records keep this copy's order, and records new to it are appended in the other's order.
    /// Records are looked up through [`IdIndex`]: this runs on every save of another tab.
    pub fn merge_from(&mut self, other: &Collection<T>) {
        let mut tombstones: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
        for t in self.deleted.iter().chain(other.deleted.iter()) {
            let at = tombstones.entry(t.id.clone()).or_insert(t.deleted_at);
            *at = (*at).max(t.deleted_at);
        }
        let theirs = other.id_index();
        let mine = self.id_index();

        let mut merged: Vec<T> = Vec::with_capacity(self.items.len().max(other.items.len()));
        for record in &self.items {
            let winner = theirs
                .get(record.id())
                .and_then(|i| other.items.get(i))
                .map_or(record, |t| newer(record, t));
            merged.push(winner.clone());
        }
        merged.extend(
            other
                .items
                .iter()
                .filter(|r| !mine.contains(r.id()))
                .cloned(),
        );
        merged.retain(|r| {
            tombstones
                .get(r.id())
                .is_none_or(|deleted_at| r.updated_at() > *deleted_at)
        });
        self.items = merged;
        let live = self.id_index();
        self.deleted = tombstones
            .into_iter()
            .filter(|(id, _)| !live.contains(id))
            .map(|(id, deleted_at)| Tombstone { id, deleted_at })
            .collect();
    }
}

/// Positions of records by id, for lookups in one pass over thousands of records. Not
/// generic on purpose: every record type shares this one copy in the wasm bundle (generic
/// maps per record type cost about 8 kB brotli).
pub struct IdIndex(HashMap<String, usize>);

impl IdIndex {
    pub fn of(ids: Vec<&str>) -> IdIndex {
        IdIndex(
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_owned(), i))
                .collect(),
        )
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    pub fn insert(&mut self, id: String, position: usize) {
        self.0.insert(id, position);
    }
}

fn newer<'a, T: Record>(a: &'a T, b: &'a T) -> &'a T {
    if a == b {
        // The usual case when another tab saved: most records are the same on both sides.
        return a;
    }
    match a.updated_at().cmp(&b.updated_at()) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            let text = |r: &T| serde_json::to_string(r).unwrap_or_default();
            if text(a) >= text(b) { a } else { b }
        }
    }
}
