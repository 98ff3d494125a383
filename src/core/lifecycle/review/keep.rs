//! "Keep a copy in my workspace": what opening a package may change, decided before anything
//! changes. A newer package updates the kept request; an older one, the same one or a fork
//! changes nothing and says why. A kept card is never overwritten: the requester may have
//! edited it since the package left.

use super::package::ReviewPackage;
use super::relation::{Relation, relation};
use crate::core::cards::card::ModelCard;
use crate::core::lifecycle::approval::{ApprovalRequest, content_hash};

/// What keeping a package does.
#[derive(Debug, Clone, PartialEq)]
pub struct KeepPlan {
    /// The card to add under the request's card id; `None` when the workspace has that card.
    pub add_card: Option<ModelCard>,
    /// The workspace has the card with other content, which stays as it is.
    pub card_differs: bool,
    /// The request to add or to put in place of the kept one; `None` changes nothing.
    pub put_request: Option<ApprovalRequest>,
    /// How the package stood to the kept request (`None`: there was none).
    pub relation: Option<Relation>,
}

pub fn plan_keep(
    package: &ReviewPackage,
    kept_request: Option<&ApprovalRequest>,
    kept_card: Option<&ModelCard>,
) -> KeepPlan {
    let relation = kept_request.map(|kept| relation(kept, &package.request));
    let put_request = match relation {
        None | Some(Relation::Newer { .. }) => Some(package.request.clone()),
        _ => None,
    };
    KeepPlan {
        add_card: kept_card.is_none().then(|| package.card.clone()),
        card_differs: kept_card.is_some_and(|card| content_hash(card) != package.card_sha256),
        put_request,
        relation,
    }
}

impl KeepPlan {
    /// What happened, in one or two sentences.
    pub fn message(&self) -> String {
        let request = match &self.relation {
            None => "Kept a copy: the request and its card are now in your workspace, under Approvals.".to_owned(),
            Some(Relation::Newer { added }) => format!(
                "Updated the request in your workspace: {} new in the trail.",
                crate::core::text::words::plural(*added, "entry", "entries")
            ),
            Some(Relation::Same) => {
                "Your workspace already has this request exactly as in the package; nothing changed.".to_owned()
            }
            Some(Relation::Older) => {
                "This package is older than the copy of the request in your workspace, so nothing changed.".to_owned()
            }
            Some(Relation::Fork { .. }) => {
                "Nothing changed: this package and the request in your workspace were decided differently at the same step (see the conflict above). Settle it with the reviewers, then keep the package you agree on.".to_owned()
            }
        };
        if self.card_differs && self.put_request.is_some() {
            format!(
                "{request} Your workspace's model card differs from the card in the package and was left as it is."
            )
        } else {
            request
        }
    }
}
