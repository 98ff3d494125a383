//! The one workspace that holds every collection of the app.
//!
//! Each collection is stored under its own local-storage key (see [`crate::core::stored`]) and
//! travels together in the workspace file (see [`crate::core::document`]).

use crate::core::assessment::Assessment;
use crate::core::collection::Collection;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    #[serde(default)]
    pub assessments: Collection<Assessment>,
}

/// The collections of a workspace, each with its storage key suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollectionName {
    Assessments,
}

impl CollectionName {
    pub const ALL: [CollectionName; 1] = [CollectionName::Assessments];

    /// The field name in the workspace document, also the storage key suffix.
    pub fn key(self) -> &'static str {
        match self {
            CollectionName::Assessments => "assessments",
        }
    }

    /// Plain name for messages.
    pub fn label(self) -> &'static str {
        match self {
            CollectionName::Assessments => "maturity assessments",
        }
    }
}

/// How many records of each kind a workspace holds, for import summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub assessments: usize,
}

impl Workspace {
    pub fn counts(&self) -> Counts {
        Counts {
            assessments: self.assessments.items.len(),
        }
    }

    /// The workspace as it is exported: records only, without tombstones.
    pub fn without_tombstones(&self) -> Workspace {
        let mut copy = self.clone();
        copy.assessments.deleted.clear();
        copy
    }
}
