//! The model card's HTML page for a fully filled card, natively (run: `cargo bench --bench card`).
//! A measurement, not a test: it prints the median and 95th percentile over repeated runs.
//! Like every bench here it builds with the release profile, so at opt-level "z" as shipped.

mod common;
use common::measure;

use chrono::NaiveDate;
use mlops_governance_workbench::core::cards::card::{
    DateRange, Factor, FairnessGroup, ModelCard, NamedNumber,
};
use mlops_governance_workbench::core::cards::diff::diff_cards;
use mlops_governance_workbench::core::cards::html::render_card_html;
use mlops_governance_workbench::core::cards::json::lesson_example;
use std::hint::black_box;

/// Entries of ordinary length. In a typical card one in ten holds a character that HTML must
/// escape (like the lesson's "Filter items with <5 interactions"); `escapes` puts four in each.
fn texts(what: &str, count: usize, escapes: bool) -> Vec<String> {
    (0..count)
        .map(|i| match (escapes, i % 10) {
            (true, _) => format!("{what} number {i}: ordinary length, with <5% & \"quotes\""),
            (false, 0) => format!("{what} number {i}: items with <5 interactions are left out"),
            (false, _) => format!("{what} number {i}: a sentence of ordinary length, plain text"),
        })
        .collect()
}

fn numbers(what: &str, count: usize) -> Vec<NamedNumber> {
    (0..count)
        .map(|i| NamedNumber::new(&format!("{what}_{i}@10"), &format!("0.{}", 100 + i * 17)))
        .collect()
}

/// About 50 entries in every list and table: 50 use cases, 50 metrics, 50 factors with three
/// values each, 5 fairness groups of 10 subgroups, and so on; every field filled.
fn full_card(escapes: bool) -> ModelCard {
    ModelCard {
        model_name: "product_recommendation_model".into(),
        model_version: "v2.1.0".into(),
        model_type: "ranking".into(),
        model_architecture: "Two-tower neural network with attention".into(),
        training_date: NaiveDate::from_ymd_opt(2024, 1, 15),
        owner_team: "ML Platform Team".into(),
        contact_email: "ml-platform@example.com".into(),
        intended_use: "Recommend products to users.\n".repeat(20),
        primary_use_cases: texts("Use case", 50, escapes),
        out_of_scope_uses: texts("Out of scope", 50, escapes),
        relevant_factors: texts("Factor", 50, escapes),
        evaluation_factors: (0..50)
            .map(|i| Factor {
                name: format!("factor_{i}"),
                values: vec![
                    format!("value_{i}_a"),
                    format!("value_{i}_b"),
                    format!("value_{i}_c"),
                ],
            })
            .collect(),
        performance_metrics: numbers("metric", 50),
        decision_thresholds: numbers("threshold", 50),
        training_data_description: "User interaction data from the e-commerce platform.\n"
            .repeat(20),
        training_data_size: Some(50_000_000),
        training_data_date_range: DateRange {
            start: NaiveDate::from_ymd_opt(2023, 1, 1),
            end: NaiveDate::from_ymd_opt(2023, 12, 31),
        },
        data_preprocessing: texts("Preprocessing step", 50, escapes),
        evaluation_data_description: "Held-out data from December 2023.\n".repeat(20),
        evaluation_data_size: Some(5_000_000),
        sensitive_data: texts("Sensitive column", 50, escapes),
        fairness_metrics: (0..5)
            .map(|g| FairnessGroup {
                group: format!("group_{g}"),
                subgroups: (0..10)
                    .map(|s| {
                        NamedNumber::new(
                            &format!("subgroup {g}-{s}"),
                            &format!("0.{}", 150 + s * 7 + g),
                        )
                    })
                    .collect(),
            })
            .collect(),
        potential_biases: texts("Bias", 50, escapes),
        known_limitations: texts("Limitation", 50, escapes),
        failure_modes: texts("Failure mode", 50, escapes),
        regulatory_requirements: texts("Regulation", 50, escapes),
        data_privacy_measures: texts("Privacy measure", 50, escapes),
        license: "apache-2.0".into(),
        tags: texts("tag", 50, escapes),
        unmapped_text: "## More\nText the import could not map.\n".repeat(20),
        ..ModelCard::default()
    }
}

fn main() {
    let runs = 5000;
    for (name, card) in [
        ("full card, typical text", full_card(false)),
        ("full card, every entry to escape", full_card(true)),
        ("the lesson's card", lesson_example()),
    ] {
        let page = render_card_html(&card);
        for _ in 0..100 {
            black_box(render_card_html(black_box(&card)));
        }
        measure(
            &format!("render_card_html, {name} ({} kB)", page.len() / 1000),
            runs,
            || {
                black_box(render_card_html(black_box(&card)));
            },
        );
    }
    // The comparison of two versions of a full card: every entry of every list and table
    // changed (the worst case), and one entry changed (the usual one).
    let old = full_card(false);
    let every = full_card(true);
    let mut one = old.clone();
    one.known_limitations[24].push_str(" (now measured)");
    for (name, new) in [("every entry changed", &every), ("one entry changed", &one)] {
        measure(&format!("diff_cards, full card, {name}"), 500, || {
            black_box(diff_cards(black_box(&old), black_box(new)));
        });
    }
    review_packages();
}

/// The size of a review package (the file reviewers exchange), requested and approved by all
/// six stages, for the lesson's card and the full card; and how long verifying one takes.
fn review_packages() {
    use mlops_governance_workbench::core::cards::card::CardRecord;
    use mlops_governance_workbench::core::lifecycle::approval::{
        ApprovalRequest, Decision, content_hash,
    };
    use mlops_governance_workbench::core::lifecycle::review::{ReviewPackage, verify};
    let at = |s: i64| chrono::DateTime::from_timestamp(1_767_225_600 + s, 0).unwrap_or_default();
    for (name, card) in [
        ("the lesson's card", lesson_example()),
        ("full card", full_card(false)),
    ] {
        let record = CardRecord::new("card".to_owned(), card, at(0));
        let Ok(mut request) = ApprovalRequest::new("r".to_owned(), &record, "Ana", at(1)) else {
            return;
        };
        let requested = ReviewPackage::new(&request, &record.card, None, "bench");
        let hash = content_hash(&record.card);
        for k in 0..6 {
            let _ = request.decide(
                &format!("Reviewer {k}"),
                Decision::Approve,
                "Looks good.",
                &hash,
                at(2 + k),
            );
        }
        let approved = ReviewPackage::new(&request, &record.card, None, "bench");
        println!(
            "review package, {name}: {} B requested, {} B approved by all six stages",
            requested.to_json().len(),
            approved.to_json().len()
        );
        measure(&format!("verify a package, {name}, approved"), 500, || {
            black_box(verify(black_box(&approved)));
        });
    }
}
