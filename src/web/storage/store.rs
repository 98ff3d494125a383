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
use crate::core::workspace::load::{Undecoded, collection_keys, decode, read_values};
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

/// One decoded collection of the store: its key, its signal (a `CollectionSignal<T>`,
/// boxed) and what saving needs of its type, as plain functions made once per record type. Saving and
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
    /// One slot per decoded collection.
    signals: StoredValue<Signals>,
    /// The root component's owner: a collection decoded later (by a page that is then
    /// left) gets its signal from it, so the signal lives as long as the app.
    owner: StoredValue<Option<Owner>>,
    /// The values read at start that are not decoded yet (kept up to date with other tabs).
    pub(super) undecoded: StoredValue<Vec<Undecoded>>,
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
    /// Reads local storage, decodes the collection of `First` (the first page's) and starts
    /// following storage. Call once, in the root component. The other collections are
    /// decoded by [`Store::decode_rest`], which every other page awaits.
    pub fn open<First: Stored>() -> Store {
        let store = Store {
            signals: StoredValue::new(Vec::new()),
            owner: StoredValue::new(Owner::current()),
            undecoded: StoredValue::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            damaged: RwSignal::new(Vec::new()),
            health: RwSignal::new(Health::default()),
            revisions: StoredValue::new(BTreeMap::new()),
            pending: StoredValue::new(BTreeMap::new()),
            loaded: StoredValue::new(false),
        };
        store.read_storage();
        store.decode::<First>();
        store.loaded.set_value(true);
        if store.health.with_untracked(|h| h.migrated_from.is_some()) {
            // Storage must not mix schema versions: every collection is written back now,
            // the decoded one as records, the others as migrated.
            store.write_back_migrated();
            store.save_now(First::COLLECTION.key);
        }
        store.follow_other_tabs();
        store.flush_when_hidden();
        store
    }

    /// The store of the app, from context.
    pub fn expect() -> Store {
        expect_context::<Store>()
    }

    /// The signal of one collection. The first page's collection has one from
    /// [`Store::open`], every other once [`Store::decode_rest`] has run (every page but the
    /// first awaits it); reading one before is a programming error.
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
            .unwrap_or_else(|| panic!("a collection read before it was decoded"))
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

    /// Step 1 of loading (see `core::workspace::load`): every value read, parsed and
    /// migrated; what cannot be read is copied aside and reported.
    fn read_storage(&self) {
        if let Err(message) = local_storage() {
            self.health.update(|h| h.unavailable = Some(message));
            return;
        }
        let meta = read(&meta_key());
        let raw: Vec<(&'static str, Option<String>)> = collection_keys()
            .into_iter()
            .map(|key| (key, read(&collection_key(key))))
            .collect();
        let values = read_values(meta.as_deref(), &raw);
        self.keep_damaged(values.damaged);
        self.undecoded.set_value(values.values);
        self.health.update(|h| {
            h.newer_schema = values.newer_schema;
            h.migrated_from = values.migrated_from;
        });
    }

    /// Reports values that could not be read, each with the key of the copy kept of it.
    fn keep_damaged(&self, damaged: Vec<Damaged>) {
        if damaged.is_empty() {
            return;
        }
        let stamp = now();
        let entries: Vec<DamagedEntry> = damaged
            .into_iter()
            .map(|damaged| DamagedEntry {
                rescue_key: keep_copy(&damaged, stamp),
                damaged,
            })
            .collect();
        self.damaged.update(|d| d.extend(entries));
    }

    /// Step 2 of loading for the collection of `T`, unless it is decoded already: its
    /// records into a new signal, its quarantined records and damage reported.
    fn decode<T: Stored>(&self) {
        let key = T::COLLECTION.key;
        if self.slot(key, |_| ()).is_some() {
            return;
        }
        let undecoded = self
            .undecoded
            .try_update_value(|values| {
                let at = values.iter().position(|v| v.key == key)?;
                Some(values.remove(at))
            })
            .flatten();
        let opened = decode::<T>(undecoded);
        self.keep_damaged(opened.damaged.into_iter().collect());
        let decoded = opened.decoded;
        if !decoded.quarantined.is_empty() {
            self.quarantined.update(|q| {
                q.extend(
                    decoded
                        .quarantined
                        .into_iter()
                        .map(|item| (T::COLLECTION, item)),
                )
            });
        }
        self.revisions.update_value(|r| {
            r.insert(key, decoded.revision);
        });
        let owner = self.owner.with_value(Clone::clone);
        let new_signal = move || signal(decoded.collection);
        let signal = match owner {
            Some(owner) => owner.with(new_signal),
            None => new_signal(),
        };
        self.signals.update_value(|slots| {
            slots.push(Slot {
                key,
                signal: Box::new(signal),
                encode: encode::<T>,
                merge: merge_stored::<T>,
            })
        });
    }

    /// Decodes every collection not decoded yet. Only [`Store::decode_rest`] calls it, from
    /// the chunk of code that holds every record type's decoder.
    pub(super) fn decode_all(&self) {
        struct DecodeEach(Store);
        impl VisitTypes for DecodeEach {
            fn visit<T: Stored>(&mut self) {
                self.0.decode::<T>();
            }
        }
        Workspace::visit_types(&mut DecodeEach(*self));
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
