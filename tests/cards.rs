//! Model cards: the lesson's JSON, the card's own round trip, validation and completeness.

mod common;
use common::{HOSTILE, HOSTILE_CARD_TEXT, at, hostile_card};

use mlops_governance_workbench::core::cards::card::{ModelCard, NamedNumber};
use mlops_governance_workbench::core::cards::checks::{
    completeness, is_email, missing, parse_count, problems,
};
use mlops_governance_workbench::core::cards::fields::{Field, TableKey, TextKey};
use mlops_governance_workbench::core::cards::json::{
    LESSON_EXAMPLE_JSON, card_to_json, lesson_example, parse_card_json,
};
use mlops_governance_workbench::core::text::number::format_count;

#[test]
fn the_lessons_own_json_imports_with_every_value_intact() {
    let card = parse_card_json(LESSON_EXAMPLE_JSON).unwrap();
    assert_eq!(card.model_name, "product_recommendation_model");
    assert_eq!(card.training_date.unwrap().to_string(), "2024-01-15");
    assert_eq!(card.training_data_size, Some(50_000_000));
    assert_eq!(card.evaluation_data_size, Some(5_000_000));
    let range = card.training_data_date_range;
    assert_eq!(range.start.unwrap().to_string(), "2023-01-01");
    assert_eq!(range.end.unwrap().to_string(), "2023-12-31");
    assert_eq!(
        card.performance_metrics[0],
        NamedNumber::new("ndcg@10", "0.756")
    );
    assert_eq!(
        card.decision_thresholds,
        vec![
            NamedNumber::new("min_confidence_score", "0.5"),
            NamedNumber::new("max_recommendations", "10")
        ]
    );
    assert_eq!(card.evaluation_factors[1].name, "user_segments");
    assert_eq!(card.evaluation_factors[1].values.len(), 3);
    assert_eq!(card.fairness_metrics[0].group, "age_groups");
    assert_eq!(
        card.fairness_metrics[0].subgroups[3],
        NamedNumber::new("50+", "0.168")
    );
    assert_eq!(card.data_privacy_measures.len(), 3);
    assert!(problems(&card).is_empty(), "{:?}", problems(&card));
    assert_eq!(completeness(&card).filled, 27);
    assert_eq!(completeness(&card).total, 27);
}

#[test]
fn the_export_is_the_lessons_shape_with_iso_dates_and_reads_back_identically() {
    let card = lesson_example();
    let json = card_to_json(&card);
    let ours: serde_json::Value = serde_json::from_str(&json).unwrap();
    let lesson: serde_json::Value = serde_json::from_str(LESSON_EXAMPLE_JSON).unwrap();
    for (key, value) in lesson.as_object().unwrap() {
        match key.as_str() {
            "training_date" => assert_eq!(ours[key], "2024-01-15"),
            "training_data_date_range" => {
                assert_eq!(ours[key], serde_json::json!(["2023-01-01", "2023-12-31"]))
            }
            _ => assert_eq!(&ours[key], value, "{key}"),
        }
    }
    assert_eq!(
        ours.as_object().unwrap().len(),
        lesson.as_object().unwrap().len()
    );
    assert_eq!(parse_card_json(&json).unwrap(), card);
}

#[test]
fn import_errors_name_the_line_or_the_field() {
    let broken = parse_card_json("{\"model_name\": \"x\",\n \"tags\": [}").unwrap_err();
    assert!(broken.to_string().contains("line 2"), "{broken}");
    let negative = LESSON_EXAMPLE_JSON.replace("50000000", "-5");
    let error = parse_card_json(&negative).unwrap_err().to_string();
    assert!(error.contains("card.training_data_size"), "{error}");
    let bad_date = LESSON_EXAMPLE_JSON.replace("2024-01-15 00:00:00", "15 January");
    let error = parse_card_json(&bad_date).unwrap_err().to_string();
    assert!(error.contains("card.training_date"), "{error}");
    let unknown = parse_card_json("{\"modelname\": \"x\"}")
        .unwrap_err()
        .to_string();
    assert!(unknown.contains("modelname"), "{unknown}");
    let workspace = parse_card_json(r#"{"format":"mlops-governance-workbench"}"#).unwrap_err();
    assert!(
        workspace.to_string().contains("Workspace data page"),
        "{workspace}"
    );
}

#[test]
fn a_half_typed_number_is_kept_as_text_and_flagged() {
    let mut card = ModelCard::default();
    card.table_mut(TableKey::PerformanceMetrics).extend([
        NamedNumber::new("auc", "0."),
        NamedNumber::new("auc", "1e999"),
    ]);
    let json = card_to_json(&card);
    assert!(json.contains("\"0.\""), "{json}");
    assert_eq!(parse_card_json(&json).unwrap(), card);
    let messages: Vec<String> = problems(&card).into_iter().map(|p| p.message).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("finite number"));
    assert!(messages[1].contains("appears twice"));
}

#[test]
fn validation_covers_email_date_range_and_fairness() {
    let mut card = lesson_example();
    card.contact_email = "ml platform@example".to_owned();
    card.training_data_date_range.start = card
        .training_data_date_range
        .end
        .map(|d| d.succ_opt().unwrap());
    card.fairness_metrics[1].subgroups[0].value = "high".to_owned();
    let fields: Vec<Field> = problems(&card).into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::Text(TextKey::ContactEmail),
            Field::DateRange,
            Field::FairnessMetrics
        ]
    );
    assert!(is_email("ml-platform@example.com"));
    assert!(!is_email("a@b@c.com") && !is_email("@example.com") && !is_email("a@example."));
    assert!(is_email("o'brien+ml@example.co.uk") && is_email("zoë@exämple.de"));
    for prefilling in [
        "a?cc=x@y.com",
        "javascript:alert(1)@example.com",
        "\"x\"@example.com",
        "a&b@example.com",
        "a<b@example.com",
    ] {
        assert!(!is_email(prefilling), "{prefilling}");
    }
}

#[test]
fn counts_read_separators_and_refuse_negatives() {
    assert_eq!(parse_count("50,000,000"), Ok(Some(50_000_000)));
    assert_eq!(parse_count("5 000 000"), Ok(Some(5_000_000)));
    assert_eq!(parse_count(""), Ok(None));
    assert!(parse_count("-3").is_err());
    assert!(parse_count("3.5").is_err());
    assert!(parse_count("99999999999999999999999").is_err());
    assert_eq!(format_count(50_000_000), "50,000,000");
    assert_eq!(format_count(999), "999");
    assert_eq!(format_count(1000), "1,000");
}

#[test]
fn an_empty_card_is_missing_every_lesson_field_in_card_order() {
    let card = ModelCard::default();
    assert_eq!(completeness(&card).filled, 0);
    assert_eq!(completeness(&card).percent(), 0);
    let missing = missing(&card);
    assert_eq!(missing.len(), 27);
    assert_eq!(missing[0], Field::Text(TextKey::ModelName));
    let named = ModelCard {
        model_name: "  ".to_owned(),
        ..ModelCard::default()
    };
    assert_eq!(completeness(&named).filled, 0, "blank text is not filled");
}

#[test]
fn the_next_version_counts_up_the_last_number() {
    let with = |v: &str| ModelCard {
        model_version: v.to_owned(),
        ..ModelCard::default()
    };
    assert_eq!(with("v2.1.0").next_version().model_version, "v2.1.1");
    assert_eq!(with("3").next_version().model_version, "4");
    assert_eq!(with("v9-beta").next_version().model_version, "v10-beta");
    assert_eq!(with("draft").next_version().model_version, "draft (next)");
    assert_eq!(with("").next_version().model_version, "(next)");
}

#[test]
fn hostile_text_in_every_field_goes_to_json_and_back_exactly() {
    let long = "<script>\u{202e}🧪\"".repeat(25_000); // 100 kB and more
    for text in HOSTILE_CARD_TEXT
        .iter()
        .chain(HOSTILE)
        .copied()
        .chain([long.as_str()])
    {
        let card = hostile_card(text);
        let json = card_to_json(&card);
        assert_eq!(parse_card_json(&json).unwrap(), card, "{text:?}");
    }
}

#[test]
fn cards_with_blank_or_duplicate_rows_survive_storage_and_a_workspace_file() {
    use mlops_governance_workbench::core::cards::card::CardRecord;
    use mlops_governance_workbench::core::records::collection::Collection;
    use mlops_governance_workbench::core::records::stored::{decode_collection, encode_collection};
    use mlops_governance_workbench::core::workspace::Workspace;
    use mlops_governance_workbench::core::workspace::file::{export_document, parse_document};

    let mut card = lesson_example();
    card.performance_metrics.push(NamedNumber::default());
    card.performance_metrics.push(NamedNumber::default());
    card.performance_metrics
        .push(NamedNumber::new("ndcg@10", "0."));
    card.fairness_metrics.push(card.fairness_metrics[0].clone());
    let mut collection = Collection::default();
    collection.upsert(CardRecord::new("c1".to_owned(), card.clone(), at(0)));

    let stored = encode_collection(&collection, &[], 3, at(1));
    let decoded = decode_collection::<CardRecord>(&stored).unwrap();
    assert!(decoded.quarantined.is_empty());
    assert_eq!(decoded.collection.items[0].card, card);

    let workspace = Workspace {
        cards: collection,
        ..Workspace::default()
    };
    let file = export_document(&workspace, "test", at(2));
    assert_eq!(parse_document(&file).unwrap().cards.items[0].card, card);
}

#[test]
fn a_number_is_a_finite_json_number() {
    use mlops_governance_workbench::core::text::number::finite_number;
    for good in [
        "0",
        "-0",
        "0.75",
        "10",
        "1e-3",
        "2E+5",
        " 0.5 ",
        "18446744073709551616",
    ] {
        assert!(finite_number(good).is_some(), "{good}");
    }
    for bad in [
        "", ".5", "5.", "+1", "01", "0x10", "NaN", "inf", "1e999", "1e", "1.e3", "--1", "1 2",
    ] {
        assert!(finite_number(bad).is_none(), "{bad}");
    }
}
