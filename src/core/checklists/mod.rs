//! The lesson's workflow stage checklists (4.2) and best practices (5.1), word for word, and
//! a checklist record of ticked items with its progress.

pub mod checklist;
pub mod lesson;
