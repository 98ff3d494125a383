//! The storage seam: the only code that touches local storage. Every feature edits its
//! collection through [`Store`], which saves it (debounced) under the collection's own key,
//! follows other tabs' writes, and refuses to write when writing could lose data.
//!
//! Rules (see ARCHITECTURE.md): nothing is written before the initial load has finished or
//! after a panic; a damaged value is never overwritten until the user chooses; a tab that sees
//! data of a newer schema stops writing; a write never replaces records newer than its own.

use crate::core::approval::{ApprovalRequest, ReviewerGroup};
use crate::core::assessment::Assessment;
use crate::core::card::CardRecord;
use crate::core::checklists::Checklist;
use crate::core::collection::{Collection, Record};
use crate::core::debt::DebtItem;
use crate::core::migrate::SCHEMA_VERSION;
use crate::core::security::SecurityAudit;
use crate::core::stored::{
    self, Damaged, Meta, Quarantined, collection_key, decode_collection, encode_collection,
    encode_meta, meta_is_current, meta_key, rescue_key, rescue_prefix, stored_revision,
};
use crate::core::workspace::{CollectionName, Workspace};
use crate::web::clock::now;
use crate::web::panic::is_poisoned;
use chrono::{DateTime, Utc};
use gloo_storage::Storage;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The version written into stored metadata and exported files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Quiet time after the last edit before a collection is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

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

/// The workspace in memory, bound to local storage. Cheap to copy; shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    pub assessments: RwSignal<Collection<Assessment>>,
    pub debt: RwSignal<Collection<DebtItem>>,
    pub cards: RwSignal<Collection<CardRecord>>,
    pub checklists: RwSignal<Collection<Checklist>>,
    pub approvals: RwSignal<Collection<ApprovalRequest>>,
    pub reviewers: RwSignal<Collection<ReviewerGroup>>,
    pub audits: RwSignal<Collection<SecurityAudit>>,
    pub quarantined: RwSignal<Vec<(CollectionName, Quarantined)>>,
    pub damaged: RwSignal<Vec<DamagedEntry>>,
    pub health: RwSignal<Health>,
    /// The revision of each collection as last read or written by this tab.
    revisions: StoredValue<BTreeMap<&'static str, u64>>,
    /// Pending debounced saves, by collection.
    pending: StoredValue<BTreeMap<&'static str, TimeoutHandle>>,
    loaded: StoredValue<bool>,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    // Check first: gloo's handle throws when the browser blocks storage.
    let available = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some();
    if available {
        Ok(gloo_storage::LocalStorage::raw())
    } else {
        Err("This browser does not let the page keep data (site data may be blocked, or this is a private window). You can still work, but export your workspace before you close the page.".to_owned())
    }
}

enum WriteError {
    Quota,
    Other(String),
}

fn write(key: &str, value: &str) -> Result<(), WriteError> {
    let storage = local_storage().map_err(WriteError::Other)?;
    storage.set_item(key, value).map_err(|error| {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            WriteError::Quota
        } else {
            WriteError::Other(format!("The browser refused to save ({name})."))
        }
    })
}

fn read(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Every key of the app with its stored string, exactly as stored (for downloads of raw data).
pub fn raw_app_entries() -> BTreeMap<String, String> {
    let mut entries = BTreeMap::new();
    let Ok(storage) = local_storage() else {
        return entries;
    };
    let length = storage.length().unwrap_or(0);
    for index in 0..length {
        if let Some(key) = storage.key(index).ok().flatten()
            && key.starts_with(stored::KEY_PREFIX)
            && let Some(value) = storage.get_item(&key).ok().flatten()
        {
            entries.insert(key, value);
        }
    }
    entries
}

/// Keeps a copy of a damaged value under a separate key (the original key stays untouched
/// too) and returns that key. A reload finds the copy made earlier instead of adding another.
fn keep_copy(damaged: &Damaged, stamp: DateTime<Utc>) -> Option<String> {
    let prefix = rescue_prefix();
    let earlier = raw_app_entries()
        .into_iter()
        .find(|(key, value)| key.starts_with(&prefix) && *value == damaged.raw)
        .map(|(key, _)| key);
    earlier.or_else(|| {
        let key = rescue_key(&damaged.key, stamp);
        write(&key, &damaged.raw).ok().map(|_| key)
    })
}

/// Bytes the app uses in local storage (browsers count UTF-16 code units), and the usual limit.
pub fn usage_bytes() -> (usize, usize) {
    let used = raw_app_entries()
        .iter()
        .map(|(k, v)| (k.encode_utf16().count() + v.encode_utf16().count()) * 2)
        .sum();
    (used, 5 * 1024 * 1024)
}

impl Store {
    /// Reads local storage and starts following it. Call once, in the root component.
    pub fn open() -> Store {
        let store = Store {
            assessments: RwSignal::new(Collection::default()),
            debt: RwSignal::new(Collection::default()),
            cards: RwSignal::new(Collection::default()),
            checklists: RwSignal::new(Collection::default()),
            approvals: RwSignal::new(Collection::default()),
            reviewers: RwSignal::new(Collection::default()),
            audits: RwSignal::new(Collection::default()),
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

    fn load(&self) {
        if let Err(message) = local_storage() {
            self.health.update(|h| h.unavailable = Some(message));
            return;
        }
        let meta = read(&meta_key());
        let raw: Vec<(CollectionName, Option<String>)> = CollectionName::ALL
            .iter()
            .map(|name| (*name, read(&collection_key(*name))))
            .collect();
        let outcome = stored::load(meta.as_deref(), &raw);
        let stamp = now();
        let damaged = outcome
            .damaged
            .into_iter()
            .map(|damaged| DamagedEntry {
                rescue_key: keep_copy(&damaged, stamp),
                damaged,
            })
            .collect();
        self.assessments.set(outcome.workspace.assessments);
        self.debt.set(outcome.workspace.debt);
        self.cards.set(outcome.workspace.cards);
        self.checklists.set(outcome.workspace.checklists);
        self.approvals.set(outcome.workspace.approvals);
        self.reviewers.set(outcome.workspace.reviewers);
        self.audits.set(outcome.workspace.audits);
        self.quarantined.set(outcome.quarantined);
        self.damaged.set(damaged);
        self.revisions.update_value(|r| {
            for (name, revision) in &outcome.revisions {
                r.insert(name.key(), *revision);
            }
        });
        self.health.update(|h| {
            h.newer_schema = outcome.newer_schema;
            h.migrated_from = outcome.migrated_from;
        });
        self.loaded.set_value(true);
        if outcome.migrated_from.is_some() {
            // Write the upgraded data back so the stored schema matches.
            for name in CollectionName::ALL {
                self.save_now(name);
            }
        }
    }

    /// True when this tab may write the given key now.
    fn may_write(&self, key: &str) -> bool {
        let health = self.health.get_untracked();
        self.loaded.get_value()
            && !is_poisoned()
            && health.newer_schema.is_none()
            && health.unavailable.is_none()
            && !self
                .damaged
                .with_untracked(|d| d.iter().any(|e| e.damaged.key == key))
    }

    /// Changes the assessments and saves them shortly after.
    pub fn edit_assessments(&self, change: impl FnOnce(&mut Collection<Assessment>)) {
        self.assessments.update(change);
        self.schedule_save(CollectionName::Assessments);
    }

    /// Changes the debt register and saves it shortly after.
    pub fn edit_debt(&self, change: impl FnOnce(&mut Collection<DebtItem>)) {
        self.debt.update(change);
        self.schedule_save(CollectionName::Debt);
    }

    /// Changes the approval requests and saves them shortly after.
    pub fn edit_approvals(&self, change: impl FnOnce(&mut Collection<ApprovalRequest>)) {
        self.approvals.update(change);
        self.schedule_save(CollectionName::Approvals);
    }

    /// Changes the reviewer groups and saves them shortly after.
    pub fn edit_reviewers(&self, change: impl FnOnce(&mut Collection<ReviewerGroup>)) {
        self.reviewers.update(change);
        self.schedule_save(CollectionName::Reviewers);
    }

    /// Changes the security audits and saves them shortly after.
    pub fn edit_audits(&self, change: impl FnOnce(&mut Collection<SecurityAudit>)) {
        self.audits.update(change);
        self.schedule_save(CollectionName::Audits);
    }

    /// Changes the checklists and saves them shortly after.
    pub fn edit_checklists(&self, change: impl FnOnce(&mut Collection<Checklist>)) {
        self.checklists.update(change);
        self.schedule_save(CollectionName::Checklists);
    }

    /// Changes the model cards and saves them shortly after.
    pub fn edit_cards(&self, change: impl FnOnce(&mut Collection<CardRecord>)) {
        self.cards.update(change);
        self.schedule_save(CollectionName::Cards);
    }

    /// The whole workspace as it is in memory.
    pub fn workspace_untracked(&self) -> Workspace {
        Workspace {
            assessments: self.assessments.get_untracked(),
            debt: self.debt.get_untracked(),
            cards: self.cards.get_untracked(),
            checklists: self.checklists.get_untracked(),
            approvals: self.approvals.get_untracked(),
            reviewers: self.reviewers.get_untracked(),
            audits: self.audits.get_untracked(),
        }
    }

    /// Puts a whole workspace in place (after an import) and saves every collection.
    pub fn replace_workspace(&self, workspace: Workspace) {
        // Destructured so that a new collection cannot be forgotten here.
        let Workspace {
            assessments,
            debt,
            cards,
            checklists,
            approvals,
            reviewers,
            audits,
        } = workspace;
        self.assessments.set(assessments);
        self.debt.set(debt);
        self.cards.set(cards);
        self.checklists.set(checklists);
        self.approvals.set(approvals);
        self.reviewers.set(reviewers);
        self.audits.set(audits);
        for name in CollectionName::ALL {
            self.schedule_save(name);
        }
    }

    fn schedule_save(&self, name: CollectionName) {
        let store = *self;
        if let Some(Some(previous)) = self.pending.try_update_value(|p| p.remove(name.key())) {
            previous.clear();
        }
        if let Ok(handle) = set_timeout_with_handle(move || store.save_now(name), SAVE_DELAY) {
            self.pending.update_value(|p| {
                p.insert(name.key(), handle);
            });
        }
    }

    /// Writes every collection that has a save pending (when the page is hidden or closed).
    pub fn flush(&self) {
        let pending: Vec<&'static str> = self.pending.with_value(|p| p.keys().copied().collect());
        for name in CollectionName::ALL {
            if pending.contains(&name.key()) {
                self.save_now(name);
            }
        }
    }

    fn save_now(&self, name: CollectionName) {
        if let Some(Some(handle)) = self.pending.try_update_value(|p| p.remove(name.key())) {
            handle.clear();
        }
        let key = collection_key(name);
        if !self.may_write(&key) {
            return;
        }
        // Another tab may have written since we last looked (its event not yet handled):
        // take its records in first, so a newer record of theirs is never replaced by ours.
        let known = self.revision(name);
        let stored = read(&key);
        let stored_rev = stored.as_deref().map_or(0, stored_revision);
        if stored_rev > known
            && let Some(raw) = stored
        {
            self.absorb(name, &raw);
        }
        let revision = stored_rev.max(known) + 1;
        let saved_at = now();
        let quarantined: Vec<Quarantined> = self.quarantined.with_untracked(|q| {
            q.iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, q)| q.clone())
                .collect()
        });
        let text = match name {
            CollectionName::Assessments => encode_collection(
                &self.assessments.get_untracked(),
                &quarantined,
                revision,
                saved_at,
            ),
            CollectionName::Debt => {
                encode_collection(&self.debt.get_untracked(), &quarantined, revision, saved_at)
            }
            CollectionName::Cards => encode_collection(
                &self.cards.get_untracked(),
                &quarantined,
                revision,
                saved_at,
            ),
            CollectionName::Checklists => encode_collection(
                &self.checklists.get_untracked(),
                &quarantined,
                revision,
                saved_at,
            ),
            CollectionName::Approvals => encode_collection(
                &self.approvals.get_untracked(),
                &quarantined,
                revision,
                saved_at,
            ),
            CollectionName::Reviewers => encode_collection(
                &self.reviewers.get_untracked(),
                &quarantined,
                revision,
                saved_at,
            ),
            CollectionName::Audits => encode_collection(
                &self.audits.get_untracked(),
                &quarantined,
                revision,
                saved_at,
            ),
        };
        match write(&key, &text) {
            Ok(()) => {
                self.revisions.update_value(|r| {
                    r.insert(name.key(), revision);
                });
                if self.may_write(&meta_key())
                    && !meta_is_current(read(&meta_key()).as_deref(), APP_VERSION)
                {
                    let _ = write(&meta_key(), &encode_meta(APP_VERSION, saved_at));
                }
                self.health.update(|h| {
                    h.quota_exceeded = false;
                    h.last_saved = Some(saved_at);
                });
            }
            Err(WriteError::Quota) => self.health.update(|h| h.quota_exceeded = true),
            Err(WriteError::Other(message)) => {
                self.health.update(|h| h.unavailable = Some(message))
            }
        }
    }

    fn revision(&self, name: CollectionName) -> u64 {
        self.revisions
            .with_value(|r| r.get(name.key()).copied().unwrap_or(0))
    }

    /// Merges a stored value written by another tab into memory.
    fn absorb(&self, name: CollectionName, raw: &str) {
        let merged = match name {
            CollectionName::Assessments => merge_stored(self.assessments, name, raw),
            CollectionName::Debt => merge_stored(self.debt, name, raw),
            CollectionName::Cards => merge_stored(self.cards, name, raw),
            CollectionName::Checklists => merge_stored(self.checklists, name, raw),
            CollectionName::Approvals => merge_stored(self.approvals, name, raw),
            CollectionName::Reviewers => merge_stored(self.reviewers, name, raw),
            CollectionName::Audits => merge_stored(self.audits, name, raw),
        };
        let Some((revision, quarantined)) = merged else {
            return;
        };
        self.quarantined.update(|q| {
            q.retain(|(n, _)| *n != name);
            q.extend(quarantined.into_iter().map(|item| (name, item)));
        });
        let revision = revision.max(self.revision(name));
        self.revisions.update_value(|r| {
            r.insert(name.key(), revision);
        });
    }

    fn follow_other_tabs(&self) {
        let store = *self;
        // The `storage` event fires only in the other tabs of the same origin.
        let handle =
            window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
                let Some(key) = event.key() else { return };
                let Some(value) = event.new_value() else {
                    return;
                };
                if key == meta_key() {
                    if let Ok(meta) = serde_json::from_str::<Meta>(&value)
                        && meta.schema_version > u64::from(SCHEMA_VERSION)
                    {
                        store
                            .health
                            .update(|h| h.newer_schema = Some(meta.schema_version));
                    }
                    return;
                }
                if let Some(name) = CollectionName::ALL
                    .into_iter()
                    .find(|n| collection_key(*n) == key)
                    && store.loaded.get_value()
                {
                    store.absorb(name, &value);
                }
            });
        on_cleanup(move || handle.remove());
    }

    fn flush_when_hidden(&self) {
        let store = *self;
        let on_hide = window_event_listener_untyped("pagehide", move |_| store.flush());
        let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
            if document().hidden() {
                store.flush();
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_visibility.remove();
        });
    }

    /// The user chose to start a damaged part fresh: its copy stays, and saving resumes.
    pub fn release_damaged(&self, key: &str) {
        self.damaged.update(|d| d.retain(|e| e.damaged.key != key));
        for name in CollectionName::ALL {
            if collection_key(name) == key {
                self.schedule_save(name);
            }
        }
        if key == meta_key() {
            let _ = write(&meta_key(), &encode_meta(APP_VERSION, now()));
        }
    }

    /// Drops a quarantined record for good, at the user's request.
    pub fn discard_quarantined(&self, name: CollectionName, index: usize) {
        let mut seen = 0;
        self.quarantined.update(|q| {
            q.retain(|(n, _)| {
                if *n != name {
                    return true;
                }
                seen += 1;
                seen - 1 != index
            })
        });
        self.schedule_save(name);
    }
}

/// Decodes a stored collection value and merges it into the signal; returns its revision and
/// its quarantined records, or `None` when the value cannot be read (it is then left alone).
fn merge_stored<T: Record + Send + Sync + 'static>(
    signal: RwSignal<Collection<T>>,
    name: CollectionName,
    raw: &str,
) -> Option<(u64, Vec<Quarantined>)> {
    let decoded = decode_collection::<T>(name, raw).ok()?;
    signal.update(|c| c.merge_from(&decoded.collection));
    Some((decoded.revision, decoded.quarantined))
}
