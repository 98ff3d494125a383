//! Saving: each collection is written 300 ms after its last edit, under its own key, after
//! taking in what another tab wrote since; other tabs' writes are merged as they happen (or,
//! for a collection not decoded yet, kept to decode), and pending saves are flushed when the
//! page is hidden or closed.

use super::browser::{WriteError, read, write};
use super::store::{APP_VERSION, Store};
use crate::core::records::migrate::SCHEMA_VERSION;
use crate::core::records::stored::{
    KEY_PREFIX, Meta, Quarantined, collection_key, encode_meta, encode_migrated, meta_is_current,
    meta_key, stored_revision,
};
use crate::core::text::json::parse_json;
use crate::core::workspace::load::{Undecoded, collection_keys};
use crate::web::clock::now;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::Value;
use std::time::Duration;

/// Quiet time after the last edit before a collection is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

impl Store {
    /// (Re)arms the save of one collection, by registry key.
    pub(super) fn schedule_save(&self, key: &'static str) {
        let store = *self;
        if let Some(Some(previous)) = self.pending.try_update_value(|p| p.remove(key)) {
            previous.clear();
        }
        if let Ok(handle) = set_timeout_with_handle(move || store.save_now(key), SAVE_DELAY) {
            self.pending.update_value(|p| {
                p.insert(key, handle);
            });
        }
    }

    /// Writes every collection that has a save pending (when the page is hidden or closed).
    pub fn flush(&self) {
        let pending: Vec<&'static str> = self.pending.with_value(|p| p.keys().copied().collect());
        for key in self.keys() {
            if pending.contains(&key) {
                self.save_now(key);
            }
        }
    }

    pub(super) fn save_now(&self, key: &'static str) {
        if let Some(Some(handle)) = self.pending.try_update_value(|p| p.remove(key)) {
            handle.clear();
        }
        let storage_key = collection_key(key);
        if !self.may_write(&storage_key) {
            return;
        }
        // Another tab may have written since we last looked (its event not yet handled):
        // take its records in first, so a newer record of theirs is never replaced by ours.
        let known = self.revision(key);
        let stored = read(&storage_key);
        let stored_rev = stored.as_deref().map_or(0, stored_revision);
        if stored_rev > known
            && let Some(raw) = stored
        {
            self.absorb(key, &raw);
        }
        let revision = stored_rev.max(known) + 1;
        let saved_at = now();
        let quarantined: Vec<Quarantined> = self.quarantined.with_untracked(|q| {
            q.iter()
                .filter(|(info, _)| info.key == key)
                .map(|(_, q)| q.clone())
                .collect()
        });
        let Some(text) = self.slot(key, |slot| {
            (slot.encode)(*self, &quarantined, revision, saved_at)
        }) else {
            return;
        };
        self.write_collection(key, &text, revision, saved_at);
    }

    /// Writes one collection's stored text under its key, then the metadata if it is not
    /// current; a failure is reported, never thrown.
    fn write_collection(
        &self,
        key: &'static str,
        text: &str,
        revision: u64,
        saved_at: DateTime<Utc>,
    ) {
        match write(&collection_key(key), text) {
            Ok(()) => {
                self.revisions.update_value(|r| {
                    r.insert(key, revision);
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
                // There is data now: ask the browser to keep it when space runs low.
                super::persistence::ask_once();
            }
            Err(WriteError::Quota) => self.health.update(|h| h.quota_exceeded = true),
            Err(WriteError::Other(message)) => {
                self.health.update(|h| h.unavailable = Some(message))
            }
        }
    }

    /// Writes back every value migrated at start that is not decoded yet, as migrated
    /// (decoding it later gives the same records), so that storage holds one schema version.
    pub(super) fn write_back_migrated(&self) {
        let saved_at = now();
        let mut values = self.undecoded.with_value(Clone::clone);
        for undecoded in &mut values {
            let storage_key = collection_key(undecoded.key);
            if !self.may_write(&storage_key) {
                continue;
            }
            let stored = read(&storage_key).as_deref().map_or(0, stored_revision);
            let own = undecoded
                .value
                .get("revision")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let revision = stored.max(own) + 1;
            undecoded.raw = encode_migrated(&mut undecoded.value, revision, saved_at);
            self.write_collection(undecoded.key, &undecoded.raw, revision, saved_at);
        }
        self.undecoded.set_value(values);
    }

    /// Another tab wrote a collection this tab has not decoded: it is decoded from that
    /// value when its time comes. A value that does not parse is left to the other tab.
    fn replace_undecoded(&self, storage_key: &str, raw: String) {
        let Some(key) = storage_key
            .strip_prefix(KEY_PREFIX)
            .and_then(|key| collection_keys().into_iter().find(|k| *k == key))
        else {
            return;
        };
        let Ok(value @ Value::Object(_)) = parse_json(&raw) else {
            return;
        };
        self.undecoded
            .update_value(|values| match values.iter_mut().find(|v| v.key == key) {
                Some(undecoded) => {
                    undecoded.raw = raw;
                    undecoded.value = value;
                }
                None => values.push(Undecoded { key, raw, value }),
            });
    }

    fn revision(&self, key: &str) -> u64 {
        self.revisions
            .with_value(|r| r.get(key).copied().unwrap_or(0))
    }

    /// Merges a stored value written by another tab into memory.
    fn absorb(&self, key: &'static str, raw: &str) {
        let merge = self.slot(key, |slot| slot.merge);
        let Some((info, revision, quarantined)) = merge.and_then(|merge| merge(*self, raw)) else {
            return;
        };
        self.quarantined.update(|q| {
            q.retain(|(info, _)| info.key != key);
            q.extend(quarantined.into_iter().map(|item| (info, item)));
        });
        let revision = revision.max(self.revision(key));
        self.revisions.update_value(|r| {
            r.insert(key, revision);
        });
    }

    pub(super) fn follow_other_tabs(&self) {
        let store = *self;
        // The `storage` event fires only in the other tabs of the same origin.
        let handle =
            window_event_listener(leptos::ev::storage, move |event: web_sys::StorageEvent| {
                let Some(storage_key) = event.key() else {
                    return;
                };
                let Some(value) = event.new_value() else {
                    return;
                };
                if storage_key == meta_key() {
                    if let Ok(meta) = serde_json::from_str::<Meta>(&value)
                        && meta.schema_version > u64::from(SCHEMA_VERSION)
                    {
                        store
                            .health
                            .update(|h| h.newer_schema = Some(meta.schema_version));
                    }
                    return;
                }
                if let Some(key) = store.key_of(&storage_key) {
                    if store.loaded.get_value() {
                        store.absorb(key, &value);
                    }
                } else {
                    store.replace_undecoded(&storage_key, value);
                }
            });
        on_cleanup(move || handle.remove());
    }

    pub(super) fn flush_when_hidden(&self) {
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
}
