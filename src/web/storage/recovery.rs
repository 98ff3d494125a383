//! What the user decides about data that could not be read: start a damaged part fresh, or
//! drop a quarantined record for good.

use super::browser::write;
use super::store::{APP_VERSION, Store};
use crate::core::records::stored::{encode_meta, meta_key};
use crate::web::clock::now;
use leptos::prelude::*;

impl Store {
    /// The user chose to start a damaged part fresh: its copy stays, and saving resumes.
    pub fn release_damaged(&self, storage_key: &str) {
        self.damaged
            .update(|d| d.retain(|e| e.damaged.key != storage_key));
        if let Some(key) = self.key_of(storage_key) {
            self.schedule_save(key);
        }
        if storage_key == meta_key() {
            let _ = write(&meta_key(), &encode_meta(APP_VERSION, now()));
        }
    }

    /// Drops a quarantined record for good, at the user's request: the `index`-th
    /// quarantined record of the collection named `key`.
    pub fn discard_quarantined(&self, key: &'static str, index: usize) {
        let mut seen = 0;
        self.quarantined.update(|q| {
            q.retain(|(info, _)| {
                if info.key != key {
                    return true;
                }
                seen += 1;
                seen - 1 != index
            })
        });
        self.schedule_save(key);
    }
}
