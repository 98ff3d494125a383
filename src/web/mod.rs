//! The thin web shell: Leptos components that hold signals and call the core.
//!
//! Only compiled for wasm32. `storage` is the one seam to local storage, `files` the one seam
//! to downloads and uploads; every feature goes through them.

mod app;
mod assessments;
mod banners;
mod cards;
mod charts;
mod checklists;
mod clock;
mod data_page;
mod debt;
mod fields;
mod files;
mod lifecycle;
mod nav;
mod pages;
mod panic;
mod poison;
mod split;
mod storage;
mod undo;
mod workshop;
mod workspace_file;

/// Mounts the app on the page.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(app::App);
}
