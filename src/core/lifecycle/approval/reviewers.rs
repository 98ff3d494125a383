//! Who reviews each stage: the lesson's default addresses, and the ones a team edited.

use super::stage::ApprovalStage;
use crate::core::records::collection::Record;
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The editable address of one stage's reviewers; the id is the stage's key
/// (`"data_review"`), so there is at most one per stage and tabs merge them like any record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewerGroup {
    pub id: String,
    pub address: String,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::records::collection::record!(ReviewerGroup);

impl ReviewerGroup {
    pub fn new(stage: ApprovalStage, address: &str, now: DateTime<Utc>) -> Self {
        ReviewerGroup {
            id: stage.key().to_owned(),
            address: address.trim().to_owned(),
            updated_at: now,
        }
    }
}

/// The stage's address: the edited one, or the lesson's default when none is set or it was
/// cleared (a blank address would make a `mailto:` link to nobody).
pub fn reviewer_address(groups: &[ReviewerGroup], stage: ApprovalStage) -> String {
    groups
        .iter()
        .find(|g| g.id == stage.key())
        .map(|g| g.address.trim())
        .filter(|a| !a.is_empty())
        .unwrap_or(stage.default_reviewers())
        .to_owned()
}

impl Mergeable for ReviewerGroup {
    fn imported_copy(&self, _id: String, now: DateTime<Utc>) -> Self {
        self.with_updated_at(now)
    }
}

crate::core::records::registry::stored!(ReviewerGroup, "reviewers", "reviewer group", "reviewer groups", not counted);
