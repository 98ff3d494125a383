//! Model Card Toolkit JSON: 0.0.1 and 0.0.2 cards in, 0.0.2 out, nothing of the original
//! lost, and what MCT cannot hold listed before a download. The corpus cards of
//! `../shared/corpus/mct/` are read when present; their exports are written to
//! `target/mct-exports/` for the schema check of the test command.

use mlops_governance_workbench::core::cards::json::lesson_example;
use mlops_governance_workbench::core::cards::mct::export::{card_to_mct, mct_losses};
use mlops_governance_workbench::core::cards::mct::{graphics, parse_mct};
use mlops_governance_workbench::core::cards::results::MetricValue;
use serde_json::{Value, json};
use std::path::Path;

const V1: &str = r#"{
  "schema_version": "0.0.1",
  "model_details": {
    "name": "knn model", "overview": "Sorts things.",
    "owners": [{"name": "foo", "contact": "foo@xyz.com"}, {"name": "bar", "contact": "bar"}],
    "version": {"name": "0.1", "date": "08/28/2020"},
    "license": "Apache 2.0", "references": ["https://example.org"], "citation": "https://doi.org/x"
  },
  "model_parameters": {
    "model_architecture": "knn",
    "data": {"train": {"name": "train_split", "sensitive": true,
                       "graphics": {"collection": [{"name": "sizes", "image": "iVBORw0KGgoAAAANSUhEUg=="}]}},
             "eval": {"name": "eval_split"}}
  },
  "quantitative_analysis": {
    "performance_metrics": [{"type": "accuracy", "value": 0.98, "slice": "cat", "threshold": 0.5,
                             "confidence_interval": {"lower_bound": 0.97, "upper_bound": 0.99}}],
    "graphics": {"collection": [{"name": "raw", "image": "rawbytes"}]}
  },
  "considerations": {"users": ["testers"], "use_cases": ["sorting"], "limitations": ["small data"],
                     "tradeoffs": ["speed"], "ethical_considerations": [{"name": "bias", "mitigation_strategy": "audit"}]}
}"#;

#[test]
fn a_0_0_1_card_fills_the_fields_and_keeps_the_rest() {
    let imported = parse_mct(V1).unwrap();
    let card = &imported.card;
    assert_eq!(imported.version, "0.0.1");
    assert_eq!(card.model_name, "knn model");
    assert_eq!(card.model_version, "0.1");
    assert_eq!(card.owner_team, "foo, bar");
    assert_eq!(card.contact_email, "foo@xyz.com");
    assert_eq!(card.license, "Apache 2.0");
    assert_eq!(card.model_architecture, "knn");
    assert_eq!(card.unmapped_text, "Sorts things.");
    assert_eq!(card.primary_use_cases, ["sorting"]);
    assert_eq!(card.known_limitations, ["small data"]);
    assert_eq!(card.potential_biases, ["bias"]);
    let result = &card.eval_results[0];
    assert_eq!(result.value, MetricValue::Number("0.98".into()));
    assert_eq!(
        (
            result.slice.as_str(),
            result.lower.as_str(),
            result.upper.as_str()
        ),
        ("cat", "0.97", "0.99")
    );
    assert!(
        imported
            .summary()
            .starts_with("Read a Model Card Toolkit card (schema 0.0.1). Filled ")
    );
    // Graphics: the PNG is shown, the placeholder is kept but not shown.
    let Some(Value::Object(mct)) = &card.imported_mct else {
        panic!()
    };
    let shown = graphics(mct);
    assert_eq!(shown.len(), 2);
    assert_eq!(
        shown[0].data_url.as_deref(),
        Some("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==")
    );
    assert_eq!(shown[1].data_url, None);
    let page = mlops_governance_workbench::core::cards::html::render_card_html(card);
    assert!(
        page.contains(r#"<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" alt="sizes">"#)
    );

    // Exported unedited: 0.0.2's shapes, every part of the original kept.
    let out: Value = serde_json::from_str(&card_to_mct(card)).unwrap();
    assert_eq!(out["schema_version"], "0.0.2");
    assert_eq!(
        out["model_details"]["licenses"],
        json!([{"custom_text": "Apache 2.0"}])
    );
    assert_eq!(
        out["model_details"]["references"],
        json!([{"reference": "https://example.org"}])
    );
    assert_eq!(
        out["model_details"]["citations"],
        json!([{"citation": "https://doi.org/x"}])
    );
    assert_eq!(out["model_details"]["version"]["date"], "2020-08-28");
    assert_eq!(out["model_parameters"]["data"][0]["name"], "train_split");
    assert_eq!(
        out["considerations"]["users"],
        json!([{"description": "testers"}])
    );
    assert_eq!(
        out["considerations"]["tradeoffs"],
        json!([{"description": "speed"}])
    );
    assert_eq!(
        out["quantitative_analysis"]["performance_metrics"][0]["threshold"],
        "0.5"
    );
    assert_eq!(
        out["quantitative_analysis"]["graphics"]["collection"][0]["image"],
        "rawbytes"
    );
}

#[test]
fn edited_fields_are_written_in_place_and_the_rest_stays() {
    let mut card = parse_mct(V1).unwrap().card;
    card.model_name = "knn v2".into();
    card.potential_biases = vec!["bias".into(), "drift".into()];
    card.known_limitations.clear();
    card.eval_results[0].value = MetricValue::typed("0.99");
    let out: Value = serde_json::from_str(&card_to_mct(&card)).unwrap();
    assert_eq!(out["model_details"]["name"], "knn v2");
    assert_eq!(
        out["considerations"]["ethical_considerations"],
        json!([{"name": "bias", "mitigation_strategy": "audit"}, {"name": "drift"}])
    );
    assert_eq!(out["considerations"]["limitations"], json!([]));
    let metric = &out["quantitative_analysis"]["performance_metrics"][0];
    assert_eq!(metric["value"], "0.99");
    assert_eq!(metric["confidence_interval"]["lower_bound"], "0.97");
    assert_eq!(metric["threshold"], "0.5");
    assert_eq!(
        out["model_details"]["owners"][1]["name"], "bar",
        "owners unchanged"
    );
    // Read back: the same fields.
    let again = parse_mct(&card_to_mct(&card)).unwrap().card;
    assert_eq!(again.model_name, "knn v2");
    assert_eq!(again.potential_biases, card.potential_biases);
    assert_eq!(again.eval_results, card.eval_results);
}

#[test]
fn the_lessons_card_says_what_mct_cannot_hold() {
    let card = lesson_example();
    let losses = mct_losses(&card);
    for label in [
        "Model type",
        "Fairness metrics",
        "Decision thresholds",
        "Regulatory requirements",
        "Training date",
    ] {
        assert!(losses.iter().any(|l| l == label), "{label}: {losses:?}");
    }
    assert!(
        !losses
            .iter()
            .any(|l| l == "Model name" || l == "Performance metrics")
    );
    let out: Value = serde_json::from_str(&card_to_mct(&card)).unwrap();
    assert_eq!(out["model_details"]["name"], "product_recommendation_model");
    assert_eq!(
        out["quantitative_analysis"]["performance_metrics"][0],
        json!({"type": "ndcg@10", "value": "0.756"})
    );
}

#[test]
fn files_that_are_not_mct_cards_are_refused_with_a_reason() {
    assert!(
        parse_mct("[1]")
            .unwrap_err()
            .contains("not a Model Card Toolkit card")
    );
    assert!(
        parse_mct(r#"{"schema_version": "0.0.9", "model_details": {}}"#)
            .unwrap_err()
            .contains("0.0.9")
    );
    assert!(parse_mct("{").is_err());
}

#[test]
fn hostile_text_goes_through_mct_and_back() {
    for s in [
        "<script>alert(1)</script>",
        "\"},{\"x\":1",
        "\u{0}\u{2028}",
        "'; DROP TABLE",
    ] {
        let mut card = lesson_example();
        card.model_name = s.into();
        card.known_limitations = vec![s.into()];
        card.eval_results = common_result(s);
        let again = parse_mct(&card_to_mct(&card)).unwrap().card;
        assert_eq!(again.model_name, s);
        assert_eq!(again.known_limitations, [s]);
        assert_eq!(again.eval_results[0].slice, s);
    }
}

fn common_result(s: &str) -> Vec<mlops_governance_workbench::core::cards::results::EvalResult> {
    vec![
        mlops_governance_workbench::core::cards::results::EvalResult {
            metric_type: s.into(),
            value: MetricValue::Text(s.into()),
            slice: s.into(),
            ..Default::default()
        },
    ]
}

#[test]
fn every_corpus_mct_card_imports_and_exports_for_the_schema_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/mct");
    if !dir.is_dir() {
        println!("SKIPPED: ../shared/corpus/mct/ is not there; no real MCT card was checked.");
        return;
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/mct-exports");
    std::fs::create_dir_all(&out).unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imported = parse_mct(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        println!("{name}: {}", imported.summary());
        std::fs::write(out.join(&name), card_to_mct(&imported.card)).unwrap();
        count += 1;
    }
    std::fs::write(out.join("lesson-card.json"), card_to_mct(&lesson_example())).unwrap();
    assert_eq!(count, 6, "the corpus has 6 MCT cards");
}
