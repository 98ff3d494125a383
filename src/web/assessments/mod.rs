//! The maturity self-assessment (lesson section 1): the list of assessments, the editor of
//! one, and its live results.

mod actions;
mod chart;
mod editor;
mod export;
mod list;
mod results;
mod share;

pub use editor::AssessmentEditor;

pub use list::AssessmentList;
pub use results::Results;
