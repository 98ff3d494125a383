//! The whole workspace as a file, from any page (the Workspace data page, and the banner
//! that offers an export when storage is full).

use crate::core::workspace::file::export_document;
use crate::web::clock::now;
use crate::web::files::download;
use crate::web::split::call_split;
use crate::web::storage::{APP_VERSION, Store, remember_export};

/// Downloads the whole workspace as a JSON file. Every collection must be decoded: call it
/// from a page other than the first, or through [`export_workspace_from_anywhere`].
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

/// The same from any page (the banners): decodes every collection first, so the export
/// and its code stay out of the first page's module.
pub async fn export_workspace_from_anywhere(store: Store) -> Result<(), String> {
    const NOT_LOADED: &str = "The export could not start: part of the app did not arrive. Check the connection and try again.";
    store
        .decode_rest()
        .await
        .map_err(|_| NOT_LOADED.to_owned())?;
    call_split!(export_in_chunk(store)).map_err(|_| NOT_LOADED.to_owned())?
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(records, wasm_split_path = ::leptos::wasm_split, fallible))]
fn export_in_chunk(
    store: Store,
) -> Result<Result<(), String>, leptos::wasm_split::SplitLoaderError> {
    Ok(export_workspace(&store))
}
