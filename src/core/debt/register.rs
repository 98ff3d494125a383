//! The technical-debt register (lesson section 3.1): ML debt items, the lesson's common debt
//! patterns, its impact/effort priority table, and the filters and matrix of the register view.

use crate::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating, priority_score};

/// Sorts by score, highest first. The sort is stable, as the lesson's `sorted` is, so equal
/// scores keep their entry order.
pub fn prioritize<'a>(items: impl IntoIterator<Item = &'a DebtItem>) -> Vec<&'a DebtItem> {
    let mut sorted: Vec<&DebtItem> = items.into_iter().collect();
    sorted.sort_by_key(|item| std::cmp::Reverse(item.score()));
    sorted
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
