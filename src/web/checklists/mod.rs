//! Checklists (lesson sections 4.2 and 5.1): the ML workflow's eight stages per project, and
//! the development best practices per team or project.

mod editor;
mod list;

pub use editor::ChecklistEditor;
pub use list::ChecklistList;

use crate::core::checklists::checklist::ChecklistKind;

/// What a kind of checklist is called in the list and headings.
fn kind_label(kind: ChecklistKind) -> &'static str {
    match kind {
        ChecklistKind::Workflow => "ML workflow stages",
        ChecklistKind::BestPractices => "Best practices",
    }
}
