//! The technical-debt register (lesson section 3): items, the lesson's patterns, priorities,
//! filters and the impact × effort matrix, and its spreadsheet (CSV) import and export.

pub mod csv_file;
pub mod item;
pub mod patterns;
pub mod register;
