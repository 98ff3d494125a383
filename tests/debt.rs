//! The technical-debt register: the lesson's priority table and order, filters, matrix, CSV.

mod common;
use common::{at, ids};
use mlops_governance_workbench::core::debt::csv_file::{
    CsvReport, apply_csv, export_csv, parse_csv,
};
use mlops_governance_workbench::core::debt::item::priority_score;
use mlops_governance_workbench::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating};
use mlops_governance_workbench::core::debt::patterns::common_patterns;
use mlops_governance_workbench::core::debt::register::{
    DebtFilter, StatusFilter, counts_by_category, filter_and_sort, matrix, owners, prioritize,
};
use mlops_governance_workbench::core::records::collection::Collection;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_cell_of_the_lessons_score_table() {
    use Rating::{High, Low, Medium};
    let table = [
        ((High, Low), 10),
        ((High, Medium), 8),
        ((Medium, Low), 7),
        ((High, High), 6),
        ((Medium, Medium), 5),
        ((Low, Low), 4),
        ((Medium, High), 3),
        ((Low, Medium), 2),
        ((Low, High), 1),
    ];
    for ((impact, effort), score) in table {
        assert_eq!(
            priority_score(impact, effort),
            score,
            "{impact:?} {effort:?}"
        );
    }
}

#[test]
fn the_lessons_eight_items_sort_into_the_lessons_printed_order() {
    let items = common_patterns(at(0));
    let order: Vec<&str> = prioritize(&items)
        .iter()
        .map(|i| i.description.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "No automated data validation in pipeline",
            "Manual model deployment process",
            "No drift detection in production",
            "Training data not versioned",
            "Model cards not updated for recent models",
            "Data pipeline depends on multiple legacy systems",
            "Complex ensemble of models difficult to maintain",
            "Multiple models doing similar tasks (duplication)",
        ]
    );
    let first = &items[0];
    assert_eq!(
        (first.owner.as_str(), first.created_at),
        ("data-team", day(2024, 1, 15))
    );
    assert_eq!(first.category, DebtCategory::Data);
}

#[test]
fn equal_scores_keep_their_entry_order() {
    let mut items = common_patterns(at(0));
    for (index, item) in items.iter_mut().enumerate() {
        item.impact = Rating::Medium;
        item.effort = Rating::Medium;
        item.description = format!("item {index}");
    }
    let order: Vec<&str> = prioritize(&items)
        .iter()
        .map(|i| i.description.as_str())
        .collect();
    let expected: Vec<String> = (0..8).map(|i| format!("item {i}")).collect();
    assert_eq!(order, expected);
}

#[test]
fn resolved_items_leave_the_priority_list_but_stay_under_a_filter() {
    let mut items = common_patterns(at(0));
    items[1].status = DebtStatus::Resolved;
    items[2].status = DebtStatus::InProgress;
    let active = filter_and_sort(&items, &DebtFilter::default());
    assert_eq!(active.len(), 7);
    assert!(active.iter().all(|i| i.status != DebtStatus::Resolved));
    let resolved = filter_and_sort(
        &items,
        &DebtFilter {
            status: StatusFilter::Only(DebtStatus::Resolved),
            ..Default::default()
        },
    );
    assert_eq!(resolved.len(), 1);
    assert_eq!(
        resolved[0].description,
        "No automated data validation in pipeline"
    );
    let all = filter_and_sort(
        &items,
        &DebtFilter {
            status: StatusFilter::All,
            ..Default::default()
        },
    );
    assert_eq!(all.len(), 8);
}

#[test]
fn filters_combine_and_the_matrix_counts_each_cell() {
    let items = common_patterns(at(0));
    let filter = DebtFilter {
        owner: Some("ml-team".into()),
        ..Default::default()
    };
    assert_eq!(filter_and_sort(&items, &filter).len(), 5);
    let cell = DebtFilter {
        cell: Some((Rating::High, Rating::Medium)),
        ..Default::default()
    };
    let in_cell: Vec<&str> = filter_and_sort(&items, &cell)
        .iter()
        .map(|i| i.owner.as_str())
        .collect();
    assert_eq!(in_cell, ["ml-team", "mlops-team", "mlops-team"]);
    let text = DebtFilter {
        text: "  DRIFT ".into(),
        ..Default::default()
    };
    assert_eq!(filter_and_sort(&items, &text).len(), 1);

    let grid = matrix(&items, &cell);
    // Rows by impact high, medium, low; columns by effort low, medium, high.
    let counts: Vec<Vec<usize>> = grid
        .iter()
        .map(|row| row.iter().map(|c| c.count).collect())
        .collect();
    assert_eq!(counts, vec![vec![0, 3, 2], vec![2, 0, 1], vec![0, 0, 0]]);
    let scores: Vec<Vec<u8>> = grid
        .iter()
        .map(|row| row.iter().map(|c| c.score).collect())
        .collect();
    assert_eq!(scores, vec![vec![10, 8, 6], vec![7, 5, 3], vec![4, 2, 1]]);

    let by_category = counts_by_category(
        &items,
        &DebtFilter {
            category: Some(DebtCategory::Model),
            ..Default::default()
        },
    );
    assert_eq!(by_category[0], (DebtCategory::Data, 3));
    assert_eq!(by_category[1], (DebtCategory::Model, 2));
    assert_eq!(owners(&items), ["data-team", "ml-team", "mlops-team"]);
}

/// The items of an exported CSV read back, with the time of change they were exported with.
fn read_back(text: &str) -> Vec<DebtItem> {
    let parsed = parse_csv(text, || unreachable!(), day(2026, 1, 1), at(99)).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed
        .rows
        .into_iter()
        .map(|(_, item)| DebtItem {
            updated_at: at(0),
            ..item
        })
        .collect()
}

#[test]
fn csv_round_trip_keeps_commas_quotes_newlines_and_non_ascii_text() {
    let mut items = common_patterns(at(0));
    items[0].description = "Pipeline, \"legacy\" systems\nand a second line".into();
    items[1].owner = "Zoë Ångström, 数据团队".into();
    items[2].note = "Note with 🧪, a comma, and \"quotes\"\r\nacross lines".into();
    items[3].link = "https://issues.example.com/ML-42?x=1,2".into();
    items[4].status = DebtStatus::InProgress;
    let text = export_csv(&items);
    assert!(
        text.starts_with(
            "id,category,description,impact,effort,owner,created_at,status,note,link\n"
        )
    );

    assert_eq!(read_back(&text), items);
}

#[test]
fn csv_cells_cannot_become_formulas_and_come_back_as_typed() {
    let mut items = common_patterns(at(0));
    items[0].description = "=HYPERLINK(\"http://x\",\"click\")".into();
    items[1].owner = "@team".into();
    items[2].note = "-1+2 and a second\nline".into();
    items[3].description = "'=already quoted".into();
    items[4].owner = "+1 team".into();
    let text = export_csv(&items);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell
                    .trim_start_matches(' ')
                    .starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a spreadsheet would run {cell:?}"
            );
        }
    }
    assert_eq!(read_back(&text), items);
}

#[test]
fn bad_rows_are_reported_with_their_line_and_reason_and_good_rows_wait() {
    let text = "description,category,impact,effort,created_at,link,status\n\
        Good row,data,high,low,2024-03-01,,\n\
        Bad category,finance,high,low,,,\n\
        \"Multi\nline, good\",model,low,high,,https://x.example.com,in progress\n\
        Bad impact,model,huge,low,,,\n\
        Bad date,model,low,low,March,,\n\
        Bad link,model,low,low,,javascript:alert(1),\n\
        Mail link,model,low,low,,mailto:a@b.c,\n\
        ,model,low,low,,,\n\
        Bad status,model,low,low,,,done\n\
        Too few,model\n";
    let parsed = parse_csv(text, ids("new"), day(2026, 1, 1), at(0)).unwrap();
    let good: Vec<(u64, &str)> = parsed
        .rows
        .iter()
        .map(|(line, item)| (*line, item.description.as_str()))
        .collect();
    assert_eq!(good, [(2, "Good row"), (4, "Multi\nline, good")]);
    assert_eq!(parsed.rows[0].1.id, "new-1");
    assert_eq!(parsed.rows[0].1.status, DebtStatus::Open);
    assert_eq!(parsed.rows[1].1.status, DebtStatus::InProgress);
    assert_eq!(parsed.rows[1].1.created_at, day(2026, 1, 1));
    let problems: Vec<(u64, &str)> = parsed
        .problems
        .iter()
        .map(|p| (p.line, p.reason.as_str()))
        .collect();
    assert_eq!(problems.len(), 8, "{problems:?}");
    assert_eq!(problems[0].0, 3);
    assert!(problems[0].1.contains("category \"finance\""));
    assert_eq!(
        problems[1],
        (6, "the impact \"huge\" is not high, medium or low")
    );
    assert!(problems[2].1.contains("date \"March\""));
    assert!(problems[3].1.contains("javascript:alert(1)"));
    assert!(problems[4].1.contains("http:// or https://"));
    assert_eq!(problems[5], (10, "the description is empty"));
    assert!(problems[6].1.contains("status \"done\""));
    assert_eq!(problems[7], (12, "it has 2 fields, the header has 7"));
}

#[test]
fn a_header_without_the_required_columns_is_refused_as_a_whole() {
    let error = parse_csv("name,owner\nx,y\n", String::new, day(2026, 1, 1), at(0)).unwrap_err();
    assert_eq!(
        error,
        "The header row must name the columns category, description, impact, effort; it lacks category, description, impact, effort."
    );
    assert_eq!(
        parse_csv("", String::new, day(2026, 1, 1), at(0)).unwrap_err(),
        "The file is empty."
    );
}

#[test]
fn applying_csv_updates_by_id_and_adds_the_rest() {
    let mut register = Collection::default();
    for item in common_patterns(at(0)) {
        register.upsert(item);
    }
    let mut edited = common_patterns(at(0));
    edited[0].status = DebtStatus::Resolved;
    let text = export_csv(&edited)
        + "brand-new,monitoring,Alert fatigue,medium,medium,sre,2024-05-01,open,,\n";
    let parsed = parse_csv(&text, String::new, day(2026, 1, 1), at(5)).unwrap();
    let report = apply_csv(&mut register, &parsed.rows);
    assert_eq!(
        report,
        CsvReport {
            added: 1,
            updated: 1,
            unchanged: 7
        }
    );
    assert_eq!(register.items.len(), 9);
    assert_eq!(
        register.get("lesson-debt-1").unwrap().status,
        DebtStatus::Resolved
    );
}

#[test]
fn search_ignores_case_for_ascii_and_other_scripts() {
    let mut items = common_patterns(at(0));
    items[0].note = "Verantwortlich: ÄRGER-Team".into();
    let find = |text: &str| {
        filter_and_sort(
            &items,
            &DebtFilter {
                text: text.into(),
                ..Default::default()
            },
        )
        .len()
    };
    assert_eq!(find("legacy SYSTEMS"), 1);
    assert_eq!(find("ärger"), 1);
    assert_eq!(find("ÄRGER-team"), 1);
    assert_eq!(find("MLOPS-team"), 2);
    assert_eq!(find("no such text"), 0);
}
