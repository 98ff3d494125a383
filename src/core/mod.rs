//! The pure governance core: the lesson's rules and the workspace's data, as plain Rust.
//!
//! No browser API, no I/O, no clock and no randomness: time and new ids are always passed in,
//! so every function here is deterministic and tested natively with `cargo test`.
//!
//! Folders by feature, mirroring `src/web/`, in layers that import only downwards (checked by
//! `tests/layers.rs`; ARCHITECTURE.md has the map):
//!
//! 1. `text`: helpers every feature shares (dates, words, numbers, Markdown, JSON, CSV).
//! 2. `records`: what a stored record is: collections, merging, the file envelope, storage
//!    values, migrations. Knows no feature.
//! 3. the features: `maturity`, `cards`, `debt`, `checklists`; then `lifecycle`, which
//!    governs card versions and so is built on `cards`.
//! 4. `workspace`: the one registry of collections, which names every feature's records.
//! 5. `workshop`: rooms of assessment files and links, built on `maturity` and on whole
//!    workspace files.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod cards;
pub mod checklists;
pub mod debt;
pub mod lifecycle;
pub mod maturity;
pub mod records;
pub mod text;
pub mod workshop;
pub mod workspace;
