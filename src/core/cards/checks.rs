//! What is wrong or missing in a card: problems shown at their field, and completeness.
//!
//! Nothing here refuses a card: a half-written card is normal while drafting, so problems are
//! messages next to the field and the exports still write what is there.

use crate::core::cards::card::{ModelCard, NamedNumber};
use crate::core::cards::fields::{Field, TableKey};
use crate::core::text::number::finite_number;
use std::collections::BTreeSet;

/// One problem at a field; `row` is the table row or fairness group it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub row: Option<usize>,
    pub message: String,
}

/// A plain check of an e-mail address: one `@`, a local part of letters, digits and
/// `.+-_'` only, a domain of letters, digits, `-` and dots with at least one dot. Full RFC
/// 5322 accepts addresses no mail client would send to, and characters such as `?` and `&`
/// would let a `mailto:` link prefill a subject or body.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.trim().split_once('@') else {
        return false;
    };
    let local_ok = |c: char| c.is_alphanumeric() || matches!(c, '.' | '+' | '-' | '_' | '\'');
    let domain_ok = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
    !local.is_empty()
        && local.chars().all(local_ok)
        && domain.chars().all(domain_ok)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A finite number, as a table cell must hold.
pub fn number_problem(value: &str) -> Option<&'static str> {
    if value.trim().is_empty() {
        Some("Enter a number.")
    } else if finite_number(value).is_none() {
        Some("Write a finite number such as 0.75, 10 or 1e-3.")
    } else {
        None
    }
}

/// Reads a count typed with or without thousands separators ("50,000,000", "50 000 000").
/// Blank is `Ok(None)`.
pub fn parse_count(text: &str) -> Result<Option<u64>, &'static str> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | '\'' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if digits.starts_with('-') {
        return Err("A count cannot be negative.");
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("Write a whole number such as 50,000,000.");
    }
    digits
        .parse()
        .map(Some)
        .map_err(|_| "This number is too large.")
}

fn table_problems(field: Field, rows: &[NamedNumber], problems: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for (row, entry) in rows.iter().enumerate() {
        let name = entry.name.trim();
        let message = if name.is_empty() {
            Some("Give this row a name.".to_owned())
        } else if !seen.insert(name) {
            Some(format!("\"{name}\" appears twice; names must be unique."))
        } else {
            number_problem(&entry.value).map(str::to_owned)
        };
        if let Some(message) = message {
            problems.push(Problem {
                field,
                row: Some(row),
                message,
            });
        }
    }
}

fn duplicate_names<'a>(
    field: Field,
    names: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) {
    let mut seen = BTreeSet::new();
    for (row, name) in names.enumerate() {
        let name = name.trim();
        if name.is_empty() {
            problems.push(Problem {
                field,
                row: Some(row),
                message: "Give this a name.".to_owned(),
            });
        } else if !seen.insert(name) {
            problems.push(Problem {
                field,
                row: Some(row),
                message: format!("\"{name}\" appears twice; names must be unique."),
            });
        }
    }
}

/// Every problem in the card, in field order.
pub fn problems(card: &ModelCard) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !card.contact_email.trim().is_empty() && !is_email(&card.contact_email) {
        problems.push(Problem {
            field: Field::Text(crate::core::cards::fields::TextKey::ContactEmail),
            row: None,
            message: "Write an e-mail address such as ml-team@example.com.".to_owned(),
        });
    }
    duplicate_names(
        Field::EvaluationFactors,
        card.evaluation_factors.iter().map(|f| f.name.as_str()),
        &mut problems,
    );
    for key in [TableKey::PerformanceMetrics, TableKey::DecisionThresholds] {
        table_problems(Field::Table(key), card.table(key), &mut problems);
    }
    let range = card.training_data_date_range;
    if let (Some(start), Some(end)) = (range.start, range.end)
        && start > end
    {
        problems.push(Problem {
            field: Field::DateRange,
            row: None,
            message: "The start date is after the end date.".to_owned(),
        });
    }
    duplicate_names(
        Field::FairnessMetrics,
        card.fairness_metrics.iter().map(|g| g.group.as_str()),
        &mut problems,
    );
    for (index, group) in card.fairness_metrics.iter().enumerate() {
        let mut inner = Vec::new();
        table_problems(Field::FairnessMetrics, &group.subgroups, &mut inner);
        problems.extend(inner.into_iter().map(|p| Problem {
            row: Some(index),
            message: format!("{} (group \"{}\")", p.message, group.group.trim()),
            ..p
        }));
    }
    problems
}

/// How many of the lesson's fields hold something, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completeness {
    pub filled: usize,
    pub total: usize,
}

impl Completeness {
    /// Whole percent, rounded down so 26 of 27 never shows 100%.
    pub fn percent(&self) -> usize {
        (self.filled * 100).checked_div(self.total).unwrap_or(0)
    }
}

pub fn completeness(card: &ModelCard) -> Completeness {
    let total = Field::lesson_fields().count();
    let filled = Field::lesson_fields()
        .filter(|f| card.is_filled(*f))
        .count();
    Completeness { filled, total }
}

/// The lesson's fields still empty, in card order.
pub fn missing(card: &ModelCard) -> Vec<Field> {
    Field::lesson_fields()
        .filter(|f| !card.is_filled(*f))
        .collect()
}
