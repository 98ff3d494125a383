//! The storage seam: the only code that touches local storage. Every feature edits its
//! collection through [`Store`], which saves it (debounced) under the collection's own key,
//! follows other tabs' writes, and refuses to write when writing could lose data.
//!
//! Rules (see ARCHITECTURE.md): nothing is written before the initial load has finished or
//! after a panic; a damaged value is never overwritten until the user chooses; a tab that sees
//! data of a newer schema stops writing; a write never replaces records newer than its own;
//! a collection is written only once decoded, except that values migrated at start are all
//! written back at once, so storage never holds two schema versions.
//!
//! One file per job: [`store`] (the store, its read accessors and edits; the first page's
//! collection decoded at start), [`rest`] (every other collection, decoded behind a split
//! point), [`browser`] (raw local storage and usage), [`saving`] (debounced saves, other
//! tabs, migrated values written back, flush on hide),
//! [`recovery`] (damaged values and quarantined records) and [`persistence`] (persistent
//! storage asked once, the time of the last export).

mod browser;
mod persistence;
mod recovery;
mod rest;
mod saving;
mod store;

pub use browser::{raw_app_entries, usage_bytes};
pub use persistence::{is_persisted, last_export, remember_export};
pub use store::{APP_VERSION, Store};
