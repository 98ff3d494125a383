//! Two copies of one request compared by their hash chains: nothing is merged silently.

use crate::core::lifecycle::approval::{ApprovalRequest, TrailEntry};

/// How an incoming copy of a request stands to the one already kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    Same,
    /// The incoming trail continues the kept one by `added` entries.
    Newer {
        added: usize,
    },
    /// The kept trail already continues the incoming one.
    Older,
    /// Both continue a common trail differently: two people answered the same package.
    Fork {
        kept: Box<TrailEntry>,
        incoming: Box<TrailEntry>,
    },
}

/// Compares `incoming` with `kept` entry by entry, by their chain links (entries older than
/// the chain are linked first, as a package would link them).
pub fn relation(kept: &ApprovalRequest, incoming: &ApprovalRequest) -> Relation {
    let (mut kept, mut incoming) = (kept.clone(), incoming.clone());
    kept.seal();
    incoming.seal();
    let (a, b) = (kept.trail(), incoming.trail());
    let common = a
        .iter()
        .zip(b)
        .take_while(|(x, y)| x.chain == y.chain)
        .count();
    match (a.get(common), b.get(common)) {
        (None, None) => Relation::Same,
        (None, Some(_)) => Relation::Newer {
            added: b.len() - common,
        },
        (Some(_), None) => Relation::Older,
        (Some(x), Some(y)) => Relation::Fork {
            kept: Box::new(x.clone()),
            incoming: Box::new(y.clone()),
        },
    }
}
