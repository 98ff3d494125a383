//! One debt item and its vocabulary: the lesson's categories, impact and effort ratings, and
//! statuses.

use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The lesson's five debt categories, stored with its enum values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DebtCategory {
    #[serde(rename = "data_debt")]
    Data,
    #[serde(rename = "model_debt")]
    Model,
    #[serde(rename = "infrastructure_debt")]
    Infrastructure,
    #[serde(rename = "monitoring_debt")]
    Monitoring,
    #[serde(rename = "documentation_debt")]
    Documentation,
}

impl DebtCategory {
    pub const ALL: [DebtCategory; 5] = [
        DebtCategory::Data,
        DebtCategory::Model,
        DebtCategory::Infrastructure,
        DebtCategory::Monitoring,
        DebtCategory::Documentation,
    ];

    /// The lesson's value, used in files.
    pub fn value(self) -> &'static str {
        match self {
            DebtCategory::Data => "data_debt",
            DebtCategory::Model => "model_debt",
            DebtCategory::Infrastructure => "infrastructure_debt",
            DebtCategory::Monitoring => "monitoring_debt",
            DebtCategory::Documentation => "documentation_debt",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DebtCategory::Data => "Data",
            DebtCategory::Model => "Model",
            DebtCategory::Infrastructure => "Infrastructure",
            DebtCategory::Monitoring => "Monitoring",
            DebtCategory::Documentation => "Documentation",
        }
    }

    /// Reads the lesson's value ("data_debt") or the short name ("data", "Data").
    pub fn parse(text: &str) -> Option<DebtCategory> {
        let text = text.trim().to_ascii_lowercase();
        DebtCategory::ALL
            .into_iter()
            .find(|c| c.value() == text || c.label().to_ascii_lowercase() == text)
    }
}

/// Impact or effort, as the lesson writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    High,
    Medium,
    Low,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::High, Rating::Medium, Rating::Low];

    pub fn value(self) -> &'static str {
        match self {
            Rating::High => "high",
            Rating::Medium => "medium",
            Rating::Low => "low",
        }
    }

    pub fn parse(text: &str) -> Option<Rating> {
        let text = text.trim().to_ascii_lowercase();
        Rating::ALL.into_iter().find(|r| r.value() == text)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebtStatus {
    #[default]
    Open,
    InProgress,
    Resolved,
}

impl DebtStatus {
    pub const ALL: [DebtStatus; 3] = [
        DebtStatus::Open,
        DebtStatus::InProgress,
        DebtStatus::Resolved,
    ];

    pub fn value(self) -> &'static str {
        match self {
            DebtStatus::Open => "open",
            DebtStatus::InProgress => "in_progress",
            DebtStatus::Resolved => "resolved",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DebtStatus::Open => "Open",
            DebtStatus::InProgress => "In progress",
            DebtStatus::Resolved => "Resolved",
        }
    }

    /// Reads "in_progress", "in progress" or "In progress" and the others likewise.
    pub fn parse(text: &str) -> Option<DebtStatus> {
        let text = text.trim().to_ascii_lowercase().replace(' ', "_");
        DebtStatus::ALL.into_iter().find(|s| s.value() == text)
    }
}

/// The lesson's priority table: high impact and low effort first.
pub fn priority_score(impact: Rating, effort: Rating) -> u8 {
    use Rating::{High, Low, Medium};
    match (impact, effort) {
        (High, Low) => 10,
        (High, Medium) => 8,
        (Medium, Low) => 7,
        (High, High) => 6,
        (Medium, Medium) => 5,
        (Low, Low) => 4,
        (Medium, High) => 3,
        (Low, Medium) => 2,
        (Low, High) => 1,
    }
}

/// One debt item: the lesson's fields plus status, note and link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DebtItem {
    pub id: String,
    pub category: DebtCategory,
    pub description: String,
    pub impact: Rating,
    pub effort: Rating,
    #[serde(default)]
    pub owner: String,
    /// The day the debt was recorded (the lesson's `created_at`).
    #[serde(deserialize_with = "dates::date")]
    pub created_at: NaiveDate,
    #[serde(default)]
    pub status: DebtStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Optional http or https link (an issue, a design document).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    /// The assessment gap this item closes, when it was added from an assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<GapLink>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

/// A link back from a debt item to the criterion or test of an assessment it closes. The
/// register knows nothing of assessments, so the link holds plain text: enough to find the
/// assessment, to name the gap when the assessment is gone, and to recognise the same gap
/// of the same team again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapLink {
    pub assessment_id: String,
    /// The team's name on the assessment when the item was added.
    pub team: String,
    /// The assessment's instrument, as stored ("maturity", "ml_test_score").
    pub instrument: String,
    /// The criterion's or test's stable id.
    pub item_id: String,
    /// The criterion's or test's text, e.g. "Training is reproducible."
    pub item_text: String,
}

crate::core::records::collection::record!(DebtItem);

impl DebtItem {
    pub fn score(&self) -> u8 {
        priority_score(self.impact, self.effort)
    }
}

impl Mergeable for DebtItem {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        DebtItem {
            id,
            description: format!("{} (imported)", self.description),
            updated_at: now,
            ..self.clone()
        }
    }
}

crate::core::records::registry::stored!(DebtItem, "debt", "debt item", "debt items");
