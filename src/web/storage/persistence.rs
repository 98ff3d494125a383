//! Keeping the workspace safe beyond local storage's defaults: the browser is asked once per
//! visit, after the first save, to keep this site's storage when space runs low
//! (`navigator.storage.persist()`); and the time of the last workspace export is remembered,
//! so the Workspace data page can say how old the user's own copy is.

use crate::core::text::dates::parse_timestamp;
use chrono::{DateTime, Utc};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen_futures::JsFuture;

/// Outside the collections' key prefix: no collection reader, recovery or raw download sees it.
const LAST_EXPORT_KEY: &str = "mlops-workbench.last-export";

static ASKED: AtomicBool = AtomicBool::new(false);

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(leptos::prelude::window().navigator().storage())
}

/// Asks for persistent storage, once per visit; the browser decides (Chromium without a
/// prompt, by how the site is used). Called by saving once there is data.
pub(super) fn ask_once() {
    if ASKED.swap(true, Ordering::Relaxed) {
        return;
    }
    if let Some(promise) = storage_manager().and_then(|m| m.persist().ok()) {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Whether the browser keeps this site's storage under pressure; `None` if it cannot say.
pub async fn is_persisted() -> Option<bool> {
    let promise = storage_manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Remembers a workspace export made now.
pub fn remember_export(at: DateTime<Utc>) {
    // The same text serde writes for a timestamp (no second formatter in the wasm).
    let text = serde_json::to_string(&at).unwrap_or_default();
    let _ = super::browser::write(LAST_EXPORT_KEY, text.trim_matches('"'));
}

/// When this browser last exported the workspace.
pub fn last_export() -> Option<DateTime<Utc>> {
    parse_timestamp(&super::browser::read(LAST_EXPORT_KEY)?)
}
