//! Workshops and progress over time (issue #6): the facilitator's room, a team's history,
//! assessments side by side, and assessments shared by link.

mod charts;
mod compare;
mod disagreement;
mod dot_plot;
mod history;
mod room;
mod shared;

pub use compare::ComparePage;
pub use history::HistoryPage;
pub use room::WorkshopPage;
pub use shared::SharedAssessment;

use crate::core::maturity::assessment::Assessment;
use crate::core::records::merge::MergeReport;
use crate::core::workshop::history::Standing;
use crate::core::workspace::Workspace;
use crate::core::workspace::merge;
use crate::web::clock::{new_id, now};
use crate::web::storage::Store;
use leptos::prelude::*;

/// Adds assessments to the workspace by the import's merge rules (an identical one is left
/// alone, a changed one is kept as a copy) and says what happened.
pub fn save_to_workspace(store: Store, assessments: Vec<Assessment>) -> MergeReport {
    let mut incoming = Workspace::default();
    for assessment in assessments {
        incoming.assessments.upsert(assessment);
    }
    let (merged, report) = merge::merge(&store.workspace_untracked(), &incoming, new_id, now());
    store.replace_workspace(merged);
    report
}

/// The overall level and the three level percentages as table cells, for the room's
/// participants and a team's snapshots.
pub fn standing_cells(standing: Standing) -> impl IntoView {
    view! {
        <td>{standing.overall.number()}</td>
        {standing.percents.map(|p| view! { <td>{p} "%"</td> })}
    }
}
