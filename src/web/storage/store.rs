//! The store: the workspace in memory as one signal per collection, bound to local storage.
//!
//! The signals are private. Pages read a collection through [`Store::collection`] and change
//! it only through [`Store::edit`] or [`Store::update_record`], which schedule its save, so no
//! page can change data that is then not saved. Collections are found by record type, so a
//! collection added to the core's registry needs nothing here.

use super::browser::{keep_copy, local_storage, read};
use crate::core::records::collection::Collection;
use crate::core::records::registry::{CollectionInfo, Stored, VisitMut, VisitTypes};
use crate::core::records::stored::{
    Damaged, KEY_PREFIX, Quarantined, collection_key, decode_collection, encode_collection,
    meta_key,
};
use crate::core::workspace::Workspace;
use crate::core::workspace::counts::Counts;
use crate::core::workspace::load::{collection_keys, load};
use crate::web::clock::now;
use crate::web::poison::is_poisoned;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::any::Any;
use std::collections::BTreeMap;

/// The version written into stored metadata and exported files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A damaged stored value, with where its copy was kept.
#[derive(Debug, Clone, PartialEq)]
pub struct DamagedEntry {
    pub damaged: Damaged,
    /// The key of the copy, or `None` when the copy could not be written.
    pub rescue_key: Option<String>,
}

/// What the user must know about storage; the banners show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Health {
    /// Local storage cannot be used at all (blocked by the browser).
    pub unavailable: Option<String>,
    /// The last write failed because storage is full.
    pub quota_exceeded: bool,
    /// Data of a newer schema is stored (read at start or written by another tab).
    pub newer_schema: Option<u64>,
    /// The stored data was upgraded from this schema version at start.
    pub migrated_from: Option<u64>,
    pub last_saved: Option<DateTime<Utc>>,
}

/// One collection of the store: its key, its signal (a `CollectionSignal<T>`, boxed) and
/// what saving needs of its type, as plain functions made once per record type. Saving and
/// other tabs find a collection by key here; with seven entries a list searched in order is
/// smaller in the wasm than a map or a dispatch over every type at each call.
pub(super) struct Slot {
    pub(super) key: &'static str,
    signal: Box<dyn Any + Send + Sync>,
    /// The stored text of the collection with its quarantined records.
    pub(super) encode: fn(Store, &[Quarantined], u64, DateTime<Utc>) -> String,
    /// Merges another tab's stored value; its revision and quarantined records, or `None`
    /// when the value cannot be read.
    pub(super) merge: fn(Store, &str) -> Option<Merged>,
}

type Signals = Vec<Slot>;

/// A collection's signal, made once as a read and a write half: pages get the read half, so
/// reading never makes a new signal handle, and only the store writes.
type CollectionSignal<T> = (ReadSignal<Collection<T>>, WriteSignal<Collection<T>>);

/// What [`Slot::merge`] gives: the collection, the value's revision, its quarantined records.
pub(super) type Merged = (CollectionInfo, u64, Vec<Quarantined>);

/// The workspace in memory, bound to local storage. Cheap to copy; shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    signals: StoredValue<Signals>,
    pub(super) quarantined: RwSignal<Vec<(CollectionInfo, Quarantined)>>,
    pub(super) damaged: RwSignal<Vec<DamagedEntry>>,
    pub(super) health: RwSignal<Health>,
    /// The revision of each collection as last read or written by this tab.
    pub(super) revisions: StoredValue<BTreeMap<&'static str, u64>>,
    /// Pending debounced saves, by collection.
    pub(super) pending: StoredValue<BTreeMap<&'static str, TimeoutHandle>>,
    pub(super) loaded: StoredValue<bool>,
}

impl Store {
    /// Reads local storage and starts following it. Call once, in the root component.
    pub fn open() -> Store {
        struct NewSignals(Signals);
        impl VisitTypes for NewSignals {
            fn visit<T: Stored>(&mut self) {
                self.0.push(Slot {
                    key: T::COLLECTION.key,
                    signal: Box::new(signal(Collection::<T>::default())),
                    encode: encode::<T>,
                    merge: merge_stored::<T>,
                });
            }
        }
        let mut signals = NewSignals(Vec::new());
        Workspace::visit_types(&mut signals);
        let store = Store {
            signals: StoredValue::new(signals.0),
            quarantined: RwSignal::new(Vec::new()),
            damaged: RwSignal::new(Vec::new()),
            health: RwSignal::new(Health::default()),
            revisions: StoredValue::new(BTreeMap::new()),
            pending: StoredValue::new(BTreeMap::new()),
            loaded: StoredValue::new(false),
        };
        store.load();
        store.follow_other_tabs();
        store.flush_when_hidden();
        store
    }

    /// The store of the app, from context.
    pub fn expect() -> Store {
        expect_context::<Store>()
    }

    /// The signal of one collection. Every record type of the registry has one from
    /// [`Store::open`]; a type outside it is a programming error.
    /// Never inlined: one small copy per record type instead of one per call site.
    #[inline(never)]
    pub(super) fn signal<T: Stored>(&self) -> CollectionSignal<T> {
        self.signals
            .with_value(|signals| {
                signals
                    .iter()
                    .find_map(|s| s.signal.downcast_ref::<CollectionSignal<T>>())
                    .copied()
            })
            .unwrap_or_else(|| panic!("a record type outside the workspace"))
    }

    /// Calls `with` with the slot of the collection named `key`.
    pub(super) fn slot<R>(&self, key: &str, with: impl FnOnce(&Slot) -> R) -> Option<R> {
        self.signals
            .with_value(|slots| slots.iter().find(|s| s.key == key).map(with))
    }

    /// The registry keys of every collection, in the registry's order.
    pub(super) fn keys(&self) -> Vec<&'static str> {
        self.signals
            .with_value(|slots| slots.iter().map(|s| s.key).collect())
    }

    /// The registry key of the collection stored under `storage_key`, if it is one.
    pub(super) fn key_of(&self, storage_key: &str) -> Option<&'static str> {
        let key = storage_key.strip_prefix(KEY_PREFIX)?;
        self.slot(key, |slot| slot.key)
    }

    /// One collection, to read (tracked in views and memos).
    pub fn collection<T: Stored>(&self) -> ReadSignal<Collection<T>> {
        self.signal::<T>().0
    }

    /// Changes one collection and saves it shortly after.
    pub fn edit<T: Stored>(&self, change: impl FnOnce(&mut Collection<T>)) {
        self.signal::<T>().1.update(change);
        self.schedule_save(T::COLLECTION.key);
    }

    /// Changes one record, stamps it as changed now and saves it shortly after.
    pub fn update_record<T: Stored>(&self, id: &str, change: impl FnOnce(&mut T)) {
        let at = now();
        self.edit::<T>(|collection| {
            collection.update_at(id, at, change);
        });
    }

    /// Records that could not be read, by collection key.
    pub fn quarantined(&self) -> ReadSignal<Vec<(CollectionInfo, Quarantined)>> {
        self.quarantined.read_only()
    }

    /// Stored values that could not be read at all.
    pub fn damaged(&self) -> ReadSignal<Vec<DamagedEntry>> {
        self.damaged.read_only()
    }

    /// What the user must know about storage.
    pub fn health(&self) -> ReadSignal<Health> {
        self.health.read_only()
    }

    fn load(&self) {
        if let Err(message) = local_storage() {
            self.health.update(|h| h.unavailable = Some(message));
            return;
        }
        let meta = read(&meta_key());
        let raw: Vec<(&str, Option<String>)> = collection_keys()
            .into_iter()
            .map(|key| (key, read(&collection_key(key))))
            .collect();
        let mut outcome = load(meta.as_deref(), &raw);
        let stamp = now();
        let damaged = outcome
            .damaged
            .into_iter()
            .map(|damaged| DamagedEntry {
                rescue_key: keep_copy(&damaged, stamp),
                damaged,
            })
            .collect();
        self.set_all(&mut outcome.workspace);
        self.quarantined.set(outcome.quarantined);
        self.damaged.set(damaged);
        self.revisions.update_value(|r| r.extend(outcome.revisions));
        self.health.update(|h| {
            h.newer_schema = outcome.newer_schema;
            h.migrated_from = outcome.migrated_from;
        });
        self.loaded.set_value(true);
        if outcome.migrated_from.is_some() {
            // Write the upgraded data back so the stored schema matches.
            for key in self.keys() {
                self.save_now(key);
            }
        }
    }

    /// Moves every collection of `workspace` into its signal.
    fn set_all(&self, workspace: &mut Workspace) {
        struct SetSignals(Store);
        impl VisitMut for SetSignals {
            fn visit<T: Stored>(&mut self, collection: &mut Collection<T>) {
                self.0.signal::<T>().1.set(std::mem::take(collection));
            }
        }
        workspace.visit_mut(&mut SetSignals(*self));
    }

    /// True when this tab may write the given key now.
    pub(super) fn may_write(&self, key: &str) -> bool {
        let health = self.health.get_untracked();
        self.loaded.get_value()
            && !is_poisoned()
            && health.newer_schema.is_none()
            && health.unavailable.is_none()
            && !self
                .damaged
                .with_untracked(|d| d.iter().any(|e| e.damaged.key == key))
    }

    /// The whole workspace as it is in memory.
    pub fn workspace_untracked(&self) -> Workspace {
        struct ReadSignals(Store);
        impl VisitMut for ReadSignals {
            fn visit<T: Stored>(&mut self, collection: &mut Collection<T>) {
                *collection = self.0.collection::<T>().get_untracked();
            }
        }
        let mut workspace = Workspace::default();
        workspace.visit_mut(&mut ReadSignals(*self));
        workspace
    }

    /// How many records each collection holds (tracked), without copying any.
    pub fn counts(&self) -> Counts {
        struct CountSignals(Store, Counts);
        impl VisitTypes for CountSignals {
            fn visit<T: Stored>(&mut self) {
                self.0.collection::<T>().with(|c| self.1.add(c));
            }
        }
        let mut counting = CountSignals(*self, Counts::default());
        Workspace::visit_types(&mut counting);
        counting.1
    }

    /// Puts a whole workspace in place (after an import) and saves every collection.
    pub fn replace_workspace(&self, mut workspace: Workspace) {
        self.set_all(&mut workspace);
        for key in self.keys() {
            self.schedule_save(key);
        }
    }
}

fn encode<T: Stored>(
    store: Store,
    quarantined: &[Quarantined],
    revision: u64,
    saved_at: DateTime<Utc>,
) -> String {
    store
        .collection::<T>()
        .with_untracked(|c| encode_collection(c, quarantined, revision, saved_at))
}

fn merge_stored<T: Stored>(store: Store, raw: &str) -> Option<Merged> {
    let decoded = decode_collection::<T>(raw).ok()?;
    store
        .signal::<T>()
        .1
        .update(|c| c.merge_from(&decoded.collection));
    Some((T::COLLECTION, decoded.revision, decoded.quarantined))
}
