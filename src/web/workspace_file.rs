//! The whole workspace as a file, from any page (the Workspace data page, and the banner
//! that offers an export when storage is full).

use crate::core::workspace::file::export_document;
use crate::web::clock::now;
use crate::web::files::download;
use crate::web::storage::{APP_VERSION, Store, remember_export};

/// Downloads the whole workspace as a JSON file.
pub fn export_workspace(store: &Store) -> Result<(), String> {
    let stamp = now();
    let text = export_document(&store.workspace_untracked(), APP_VERSION, stamp);
    download(
        &format!("mlops-workbench-{}.json", stamp.date_naive()),
        "application/json",
        &text,
    )?;
    remember_export(stamp);
    Ok(())
}
