//! Helpers shared by every feature, about text and nothing else: dates, counts in words,
//! file names, links, numbers as typed, the one Markdown escaper, JSON with line and column,
//! spreadsheet-safe cells, the SHA-256 of the approval trail. A leaf: it imports nothing of the crate.

pub mod dates;
pub mod digest;
pub mod filename;
pub mod json;
pub mod link;
pub mod markdown;
pub mod number;
pub mod percent;
pub mod spreadsheet;
pub mod words;
