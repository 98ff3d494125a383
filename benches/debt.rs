//! Filter and sort of a 10,000-item debt register, natively (run: `cargo bench --bench debt`).
//! A measurement, not a test: it prints the median and 95th percentile over repeated runs.

mod common;
use common::measure;

use chrono::{DateTime, NaiveDate};
use mlops_governance_workbench::core::debt::csv_file::apply_csv;
use mlops_governance_workbench::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating};
use mlops_governance_workbench::core::debt::register::{
    DebtFilter, StatusFilter, counts_by_category, filter_and_sort, matrix,
};
use mlops_governance_workbench::core::records::collection::Collection;
use std::hint::black_box;

fn register(count: usize) -> Vec<DebtItem> {
    (0..count)
        .map(|i| DebtItem {
            id: format!("item-{i}"),
            category: DebtCategory::ALL[i % 5],
            description: format!(
                "Debt item number {i}: pipeline step {} is not tested",
                i % 97
            ),
            impact: Rating::ALL[i % 3],
            effort: Rating::ALL[(i / 3) % 3],
            owner: format!("team-{}", i % 12),
            created_at: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            status: DebtStatus::ALL[i % 4 % 3],
            note: if i % 10 == 0 {
                "Ünïcode note".into()
            } else {
                String::new()
            },
            link: String::new(),
            closes: None,
            updated_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        })
        .collect()
}

fn main() {
    let items = register(10_000);
    let runs = 200;
    let default = DebtFilter::default();
    let text = DebtFilter {
        text: "step 42".into(),
        status: StatusFilter::All,
        ..Default::default()
    };
    let combined = DebtFilter {
        category: Some(DebtCategory::Model),
        owner: Some("team-3".into()),
        cell: Some((Rating::High, Rating::Low)),
        ..Default::default()
    };
    println!("10,000 items, {runs} runs each");
    measure(
        "filter + sort, default (open and in progress)",
        runs,
        || {
            black_box(filter_and_sort(black_box(&items), &default));
        },
    );
    measure("filter + sort, text search over all statuses", runs, || {
        black_box(filter_and_sort(black_box(&items), &text));
    });
    measure(
        "filter + sort, category + owner + matrix cell",
        runs,
        || {
            black_box(filter_and_sort(black_box(&items), &combined));
        },
    );
    measure("matrix counts + category counts", runs, || {
        black_box(matrix(black_box(&items), &default));
        black_box(counts_by_category(black_box(&items), &default));
    });

    // What another tab's save costs this tab: merging a copy that differs in one record.
    let mine = Collection {
        items: items.clone(),
        deleted: Vec::new(),
    };
    let mut theirs = mine.clone();
    if let Some(first) = theirs.items.first_mut() {
        first.updated_at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    }
    measure(
        "merge another tab's copy (10,000 items, 1 changed)",
        20,
        || {
            let mut merged = mine.clone();
            merged.merge_from(black_box(&theirs));
            black_box(merged);
        },
    );
    // A spreadsheet round trip: 10,000 CSV rows applied onto the same register.
    let rows: Vec<(u64, DebtItem)> = items
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, item)| (i as u64 + 2, item))
        .collect();
    measure("apply a 10,000-row CSV onto the register", 20, || {
        let mut register = mine.clone();
        black_box(apply_csv(&mut register, black_box(&rows)));
    });
}
