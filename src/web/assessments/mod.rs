//! The self-assessments (lesson section 1, and the ML Test Score): the list of assessments,
//! the editor of one, its live results, its target and its gaps as debt items.

mod actions;
mod chart;
mod criterion_row;
mod editor;
mod export;
mod gaps;
mod list;
mod notes;
mod results;
mod share;
mod target;
mod test_row;
mod test_score_results;

pub use editor::AssessmentEditor;

pub use list::AssessmentList;
pub use results::AssessmentResults;
