//! MLOps Governance Workbench: a client-side app for the governance practices of the lesson
//! in `shared/seed/`. See ARCHITECTURE.md for the map.

pub mod core;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod web;
