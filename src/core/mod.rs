//! The pure governance core: the lesson's rules and the workspace's data, as plain Rust.
//!
//! No browser API, no I/O, no clock and no randomness: time and new ids are always passed in,
//! so every function here is deterministic and tested natively with `cargo test`.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod approval;
pub mod assessment;
pub mod card;
pub mod card_check;
pub mod card_html;
pub mod card_json;
pub mod card_readme;
pub mod card_serde;
pub mod checklists;
pub mod collection;
pub mod compare;
pub mod dates;
pub mod debt;
pub mod debt_csv;
pub mod document;
pub mod fairness;
pub mod filename;
pub mod history;
pub mod import;
pub mod link;
pub mod markdown;
pub mod maturity;
pub mod migrate;
pub mod security;
pub mod share_link;
pub mod stored;
pub mod teams;
pub mod words;
pub mod workshop;
pub mod workspace;
pub mod yaml_front;
