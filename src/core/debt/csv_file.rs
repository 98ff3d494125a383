//! CSV export and import of the debt register (RFC 4180, via the `csv` crate), for teams that
//! edit their register in a spreadsheet. Import checks every row first: good rows wait for the
//! user's confirmation, bad rows are reported with their line number and the reason.

use crate::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating};
use crate::core::records::collection::Collection;
use crate::core::records::merge::Mergeable;
use crate::core::text::dates::parse_date;
use crate::core::text::link::validate_web_link;
use crate::core::text::spreadsheet::{restore_cell, write_csv};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

/// The columns, in the order export writes them. Import finds them by name, in any order.
pub const COLUMNS: [&str; 10] = [
    "id",
    "category",
    "description",
    "impact",
    "effort",
    "owner",
    "created_at",
    "status",
    "note",
    "link",
];
const REQUIRED: [&str; 4] = ["category", "description", "impact", "effort"];

/// The register as CSV text, in entry order, with a header row. Cells that a spreadsheet
/// would run as formulas are written safe ([`write_csv`]); [`parse_csv`] reads them back.
pub fn export_csv(items: &[DebtItem]) -> String {
    let rows = items.iter().map(|item| {
        [
            item.id.clone(),
            item.category.value().to_owned(),
            item.description.clone(),
            item.impact.value().to_owned(),
            item.effort.value().to_owned(),
            item.owner.clone(),
            item.created_at.to_string(),
            item.status.value().to_owned(),
            item.note.clone(),
            item.link.clone(),
        ]
    });
    write_csv(&COLUMNS, rows)
}

/// A row that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub reason: String,
}

/// A checked CSV file: the rows that can be imported and the ones that cannot.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    /// Good rows with their line numbers.
    pub rows: Vec<(u64, DebtItem)>,
    pub problems: Vec<CsvProblem>,
}

/// Reads CSV text. Fails as a whole only when the header row is missing required columns;
/// every other problem is reported per row. Rows without an id get one from `new_id`; rows
/// without a date get `today`.
pub fn parse_csv(
    text: &str,
    mut new_id: impl FnMut() -> String,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<CsvImport, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("The file is empty.".to_owned());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("The header row could not be read: {e}."))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|r| !headers.iter().any(|h| h == r))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "The header row must name the columns {}; it lacks {}.",
            REQUIRED.join(", "),
            missing.join(", ")
        ));
    }
    let column = |name: &str| headers.iter().position(|h| h == name);
    let columns: Vec<Option<usize>> = COLUMNS.iter().map(|c| column(c)).collect();

    let mut import = CsvImport {
        rows: Vec::new(),
        problems: Vec::new(),
    };
    let mut ids = BTreeSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                import.problems.push(CsvProblem {
                    line,
                    reason: format!("the row could not be read ({error})"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            import.problems.push(CsvProblem {
                line,
                reason: format!(
                    "it has {} fields, the header has {}",
                    record.len(),
                    headers.len()
                ),
            });
            continue;
        }
        let fields: [&str; 10] = std::array::from_fn(|index| {
            columns
                .get(index)
                .copied()
                .flatten()
                .and_then(|c| record.get(c))
                .map_or("", restore_cell)
        });
        match row_to_item(&fields, &mut new_id, today, now) {
            Ok(item) if ids.insert(item.id.clone()) => import.rows.push((line, item)),
            Ok(item) => import.problems.push(CsvProblem {
                line,
                reason: format!("the id \"{}\" is already used by an earlier row", item.id),
            }),
            Err(reason) => import.problems.push(CsvProblem { line, reason }),
        }
    }
    Ok(import)
}

/// Builds an item from the fields in [`COLUMNS`] order.
fn row_to_item(
    fields: &[&str; 10],
    new_id: &mut impl FnMut() -> String,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<DebtItem, String> {
    let [
        id,
        category,
        description,
        impact,
        effort,
        owner,
        created,
        status,
        note,
        link,
    ] = *fields;
    let id = id.trim();
    let category = DebtCategory::parse(category).ok_or_else(|| {
        format!(
            "the category \"{category}\" is not one of data, model, infrastructure, monitoring, documentation"
        )
    })?;
    let description = description.trim();
    if description.is_empty() {
        return Err("the description is empty".to_owned());
    }
    let rating = |name: &str, text: &str| {
        Rating::parse(text)
            .ok_or_else(|| format!("the {name} \"{text}\" is not high, medium or low"))
    };
    let impact = rating("impact", impact)?;
    let effort = rating("effort", effort)?;
    let created = created.trim();
    let created_at = if created.is_empty() {
        today
    } else {
        parse_date(created)
            .ok_or_else(|| format!("the date \"{created}\" is not a date like 2024-01-15"))?
    };
    let status_text = status.trim();
    let status = if status_text.is_empty() {
        DebtStatus::Open
    } else {
        DebtStatus::parse(status_text).ok_or_else(|| {
            format!("the status \"{status_text}\" is not open, in progress or resolved")
        })?
    };
    let link = link.trim();
    validate_web_link(link)
        .map_err(|e| format!("the link \"{link}\" is refused: {}", e.message()))?;
    Ok(DebtItem {
        id: if id.is_empty() {
            new_id()
        } else {
            id.to_owned()
        },
        category,
        description: description.to_owned(),
        impact,
        effort,
        owner: owner.trim().to_owned(),
        created_at,
        status,
        note: note.to_owned(),
        link: link.to_owned(),
        // A spreadsheet does not carry the gap an item closes; the import keeps the stored one.
        closes: None,
        updated_at: now,
    })
}

/// What applying a CSV import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Applies checked rows: a row whose id is in the register updates that item (the spreadsheet
/// round trip), any other row is added.
pub fn apply_csv(register: &mut Collection<DebtItem>, rows: &[(u64, DebtItem)]) -> CsvReport {
    let mut report = CsvReport::default();
    let existing = register.id_index();
    let mut changes = Vec::new();
    for (_, row) in rows {
        match existing.get(&row.id).and_then(|i| register.items.get(i)) {
            Some(here) => {
                // The spreadsheet has no column for the gap an item closes: keep the stored one.
                let row = DebtItem {
                    closes: here.closes.clone(),
                    ..row.clone()
                };
                if here.same_content(&row) {
                    report.unchanged += 1;
                } else {
                    report.updated += 1;
                    changes.push(row);
                }
            }
            None => {
                report.added += 1;
                changes.push(row.clone());
            }
        }
    }
    register.upsert_many(changes);
    report
}
