//! Actions on whole assessments shared by the list and the editor.

use crate::core::maturity::assessment::Assessment;
use crate::web::clock::{new_id, now};
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;

/// Deletes an assessment at once and offers to undo. `after_restore` runs after an undo (the
/// editor uses it to go back to the restored assessment).
pub fn delete_with_undo(
    store: Store,
    undo: Undo,
    id: &str,
    after_restore: impl Fn(&Assessment) + Send + Sync + 'static,
) {
    undo.delete::<Assessment>(
        store,
        id,
        |removed| format!("Deleted “{}”.", removed.name),
        after_restore,
    );
}

/// Adds a copy of an assessment ("… (copy)") and returns it.
pub fn duplicate(store: Store, id: &str) -> Option<Assessment> {
    let copy = store
        .collection::<Assessment>()
        .with_untracked(|c| c.get(id).map(|a| a.duplicate(new_id(), now())))?;
    store.edit::<Assessment>(|c| c.upsert(copy.clone()));
    Some(copy)
}
