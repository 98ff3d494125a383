//! A named maturity self-assessment: who assessed which team or system when, and per
//! criterion whether it is implemented, with evidence.

use crate::core::maturity::criteria::{self as maturity, MaturityResult};
use crate::core::maturity::teams::TeamStructure;
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The answer for one criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub implemented: bool,
    /// Free text: how the team knows it is implemented, or what is missing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Optional http, https or mailto link (see [`crate::core::link`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

impl Answer {
    fn is_blank(&self) -> bool {
        !self.implemented && self.evidence.is_empty() && self.link.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    /// The team or system assessed.
    pub name: String,
    #[serde(default)]
    pub assessor: String,
    #[serde(default, deserialize_with = "dates::optional_date")]
    pub date: Option<NaiveDate>,
    /// Answers by criterion id. Unknown ids (from a newer criteria list) are kept untouched.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// How the team organises its ML work (lesson section 4.1), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_structure: Option<TeamStructure>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::records::collection::record!(Assessment);

impl Assessment {
    /// A new, empty assessment dated `now`.
    pub fn new(id: String, name: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            name,
            assessor: String::new(),
            date: Some(now.date_naive()),
            answers: BTreeMap::new(),
            team_structure: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// A copy under a new id, named "… (copy)", for rerunning an assessment later.
    pub fn duplicate(&self, id: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            name: format!("{} (copy)", self.name),
            created_at: now,
            updated_at: now,
            ..self.clone()
        }
    }

    pub fn answer(&self, criterion_id: &str) -> Answer {
        self.answers.get(criterion_id).cloned().unwrap_or_default()
    }

    pub fn is_implemented(&self, criterion_id: &str) -> bool {
        self.answers
            .get(criterion_id)
            .is_some_and(|a| a.implemented)
    }

    /// Changes one answer, dropping it when it becomes blank so files stay small.
    pub fn set_answer(&mut self, criterion_id: &str, change: impl FnOnce(&mut Answer)) {
        let mut answer = self.answer(criterion_id);
        change(&mut answer);
        if answer.is_blank() {
            self.answers.remove(criterion_id);
        } else {
            self.answers.insert(criterion_id.to_owned(), answer);
        }
    }

    pub fn result(&self) -> MaturityResult {
        maturity::assess(|id| self.is_implemented(id))
    }

    /// How many of the lesson's criteria are ticked.
    pub fn implemented_count(&self) -> usize {
        maturity::CRITERIA
            .iter()
            .filter(|c| self.is_implemented(c.id))
            .count()
    }
}

impl Mergeable for Assessment {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        Assessment {
            id,
            name: format!("{} (imported)", self.name),
            updated_at: now,
            ..self.clone()
        }
    }
}

crate::core::records::registry::stored!(Assessment, "assessments", "assessment", "assessments");
