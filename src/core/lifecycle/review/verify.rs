//! Whether a package can be decided on: its chain, its history and its card.

use super::package::ReviewPackage;
use crate::core::lifecycle::approval::{content_hash, first_break};
use std::fmt;

/// One reason a package cannot be decided on. Its `Display` says plainly what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageProblem {
    /// Entry `number` (1-based) is missing its link or no longer matches it.
    EntryChanged { number: usize, what: String },
    /// The stage or status does not follow from the trail.
    History { reason: String },
    /// The card is not the content the package was made with.
    CardChanged,
}

impl fmt::Display for PackageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageProblem::EntryChanged { number, what } => write!(
                f,
                "Entry {number} of the trail ({what}) does not match its hash: it, or an entry before it, was changed, added or removed after it was written."
            ),
            PackageProblem::History { reason } => write!(
                f,
                "The request's stage and status do not follow from its trail: {reason}."
            ),
            PackageProblem::CardChanged => write!(
                f,
                "The model card in the package was changed after the package was made: its content no longer matches the package's content hash."
            ),
        }
    }
}

/// Every problem of the package; none means it can be decided on.
pub fn verify(package: &ReviewPackage) -> Vec<PackageProblem> {
    let mut problems = Vec::new();
    let trail = package.request.trail();
    if let Some(index) = first_break(trail) {
        let what = trail.get(index).map_or_else(String::new, |e| {
            format!("{}: {} by {}", e.stage.label(), e.kind.label(), e.by)
        });
        problems.push(PackageProblem::EntryChanged {
            number: index + 1,
            what,
        });
    }
    if let Some(reason) = package.request.replay_problem() {
        problems.push(PackageProblem::History { reason });
    }
    if content_hash(&package.card) != package.card_sha256 {
        problems.push(PackageProblem::CardChanged);
    }
    problems
}
