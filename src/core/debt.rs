//! The technical-debt register (lesson section 3.1): ML debt items, the lesson's common debt
//! patterns, its impact/effort priority table, and the filters and matrix of the register view.

use crate::core::dates;
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
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::collection::record!(DebtItem);

impl DebtItem {
    pub fn score(&self) -> u8 {
        priority_score(self.impact, self.effort)
    }

    /// Open and in-progress items are in the priority list; resolved ones leave it.
    pub fn is_active(&self) -> bool {
        self.status != DebtStatus::Resolved
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

/// Sorts by score, highest first. The sort is stable, as the lesson's `sorted` is, so equal
/// scores keep their entry order.
pub fn prioritize<'a>(items: impl IntoIterator<Item = &'a DebtItem>) -> Vec<&'a DebtItem> {
    let mut sorted: Vec<&DebtItem> = items.into_iter().collect();
    sorted.sort_by_key(|item| std::cmp::Reverse(item.score()));
    sorted
}

/// The lesson's eight common ML debt patterns, with stable ids so adding them twice does not
/// duplicate them.
pub fn common_patterns(now: DateTime<Utc>) -> Vec<DebtItem> {
    use DebtCategory::{Data, Documentation, Infrastructure, Model, Monitoring};
    use Rating::{High, Low, Medium};
    /// category, description, impact, effort, (year, month, day), owner
    type Row = (
        DebtCategory,
        &'static str,
        Rating,
        Rating,
        (i32, u32, u32),
        &'static str,
    );
    let rows: [Row; 8] = [
        (
            Data,
            "Data pipeline depends on multiple legacy systems",
            High,
            High,
            (2024, 1, 15),
            "data-team",
        ),
        (
            Data,
            "No automated data validation in pipeline",
            High,
            Medium,
            (2024, 1, 20),
            "ml-team",
        ),
        (
            Data,
            "Training data not versioned",
            Medium,
            Low,
            (2024, 2, 1),
            "ml-team",
        ),
        (
            Model,
            "Multiple models doing similar tasks (duplication)",
            Medium,
            High,
            (2024, 1, 10),
            "ml-team",
        ),
        (
            Model,
            "Complex ensemble of models difficult to maintain",
            High,
            High,
            (2024, 1, 25),
            "ml-team",
        ),
        (
            Infrastructure,
            "Manual model deployment process",
            High,
            Medium,
            (2024, 1, 5),
            "mlops-team",
        ),
        (
            Monitoring,
            "No drift detection in production",
            High,
            Medium,
            (2024, 2, 10),
            "mlops-team",
        ),
        (
            Documentation,
            "Model cards not updated for recent models",
            Medium,
            Low,
            (2024, 2, 15),
            "ml-team",
        ),
    ];
    rows.into_iter()
        .enumerate()
        .map(
            |(index, (category, description, impact, effort, (y, m, d), owner))| DebtItem {
                id: format!("lesson-debt-{}", index + 1),
                category,
                description: description.to_owned(),
                impact,
                effort,
                owner: owner.to_owned(),
                created_at: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
                status: DebtStatus::Open,
                note: String::new(),
                link: String::new(),
                updated_at: now,
            },
        )
        .collect()
}

/// Which statuses the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Open and in progress: the priority list.
    #[default]
    Active,
    Only(DebtStatus),
    All,
}

impl StatusFilter {
    fn accepts(self, status: DebtStatus) -> bool {
        match self {
            StatusFilter::Active => status != DebtStatus::Resolved,
            StatusFilter::Only(wanted) => status == wanted,
            StatusFilter::All => true,
        }
    }
}

/// The register view's filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DebtFilter {
    pub category: Option<DebtCategory>,
    pub owner: Option<String>,
    pub status: StatusFilter,
    /// (impact, effort) of the matrix cell clicked.
    pub cell: Option<(Rating, Rating)>,
    /// Case-insensitive text found in the description, owner or note.
    pub text: String,
}

impl DebtFilter {
    /// True when the item passes every filter, leaving out the ones named by `skip`.
    fn accepts(&self, item: &DebtItem, needle: &str, skip: Skip) -> bool {
        (skip == Skip::Category || self.category.is_none_or(|c| c == item.category))
            && self.owner.as_ref().is_none_or(|o| *o == item.owner)
            && self.status.accepts(item.status)
            && (skip == Skip::Cell
                || self
                    .cell
                    .is_none_or(|(i, e)| i == item.impact && e == item.effort))
            && (needle.is_empty() || contains_folded(item, needle))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    Nothing,
    Category,
    Cell,
}

/// Case-insensitive search of the item's texts for an already lower-cased needle. An ASCII
/// needle is compared byte-wise without allocating (non-ASCII bytes never match it), which
/// keeps typing in the search box quick on 10,000 items; other needles fold the whole text.
fn contains_folded(item: &DebtItem, needle: &str) -> bool {
    let fields = [&item.description, &item.owner, &item.note];
    if needle.is_ascii() {
        let needle = needle.as_bytes();
        fields.iter().any(|field| {
            field
                .as_bytes()
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle))
        })
    } else {
        fields
            .iter()
            .any(|field| field.to_lowercase().contains(needle))
    }
}

/// The items that pass the filter, by priority (highest score first, stable).
pub fn filter_and_sort<'a>(items: &'a [DebtItem], filter: &DebtFilter) -> Vec<&'a DebtItem> {
    let needle = filter.text.trim().to_lowercase();
    prioritize(
        items
            .iter()
            .filter(|i| filter.accepts(i, &needle, Skip::Nothing)),
    )
}

/// One cell of the impact × effort matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixCell {
    pub impact: Rating,
    pub effort: Rating,
    pub score: u8,
    pub count: usize,
}

/// The 3×3 matrix, rows by impact (high first), columns by effort (low first), counting the
/// items that pass every filter but the cell itself.
pub fn matrix(items: &[DebtItem], filter: &DebtFilter) -> Vec<Vec<MatrixCell>> {
    let needle = filter.text.trim().to_lowercase();
    let passing: Vec<&DebtItem> = items
        .iter()
        .filter(|i| filter.accepts(i, &needle, Skip::Cell))
        .collect();
    Rating::ALL
        .into_iter()
        .map(|impact| {
            [Rating::Low, Rating::Medium, Rating::High]
                .into_iter()
                .map(|effort| MatrixCell {
                    impact,
                    effort,
                    score: priority_score(impact, effort),
                    count: passing
                        .iter()
                        .filter(|i| i.impact == impact && i.effort == effort)
                        .count(),
                })
                .collect()
        })
        .collect()
}

/// Items per category that pass every filter but the category itself.
pub fn counts_by_category(items: &[DebtItem], filter: &DebtFilter) -> Vec<(DebtCategory, usize)> {
    let needle = filter.text.trim().to_lowercase();
    let mut counts: Vec<(DebtCategory, usize)> =
        DebtCategory::ALL.into_iter().map(|c| (c, 0)).collect();
    for item in items
        .iter()
        .filter(|i| filter.accepts(i, &needle, Skip::Category))
    {
        if let Some(slot) = counts.iter_mut().find(|(c, _)| *c == item.category) {
            slot.1 += 1;
        }
    }
    counts
}

/// The distinct owners, sorted, for the owner filter.
pub fn owners(items: &[DebtItem]) -> Vec<String> {
    let mut owners: Vec<String> = items
        .iter()
        .map(|i| i.owner.clone())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort();
    owners.dedup();
    owners
}
