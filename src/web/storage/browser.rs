//! Raw local storage: reading and writing strings, quota errors, the app's keys and how much
//! of the browser's limit they use.

use crate::core::records::stored::{self, Damaged, rescue_key, rescue_prefix};
use chrono::{DateTime, Utc};
use gloo_storage::Storage;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

pub(super) fn local_storage() -> Result<web_sys::Storage, String> {
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

pub(super) enum WriteError {
    Quota,
    Other(String),
}

pub(super) fn write(key: &str, value: &str) -> Result<(), WriteError> {
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

pub(super) fn read(key: &str) -> Option<String> {
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
pub(super) fn keep_copy(damaged: &Damaged, stamp: DateTime<Utc>) -> Option<String> {
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
