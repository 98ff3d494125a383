//! CycloneDX 1.6 ML-BOMs: a card out as one machine-learning-model component with its
//! modelCard, and back; the BOMs of `../shared/corpus/cyclonedx/` read when present. Exports
//! go to `target/bom-exports/` for the schema check of the test command.

mod common;
use common::{HOSTILE_CARD_TEXT, hostile_card};
use mlops_governance_workbench::core::cards::cyclonedx::export::{bom_losses, card_to_bom};
use mlops_governance_workbench::core::cards::cyclonedx::parse_bom;
use mlops_governance_workbench::core::cards::json::lesson_example;
use serde_json::{Value, json};
use std::path::Path;

fn out(name: &str, text: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bom-exports");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn the_lessons_card_as_a_bom_has_the_model_card_and_imports_back_exactly() {
    let card = lesson_example();
    let text = card_to_bom(&card);
    out("lesson-card.cdx.json", &text);
    let bom: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bom["bomFormat"], "CycloneDX");
    assert_eq!(bom["specVersion"], "1.6");
    let component = &bom["components"][0];
    assert_eq!(component["type"], "machine-learning-model");
    assert_eq!(component["name"], "product_recommendation_model");
    assert_eq!(component["version"], "v2.1.0");
    let model_card = &component["modelCard"];
    assert_eq!(model_card["modelParameters"]["task"], "ranking");
    assert_eq!(
        model_card["modelParameters"]["datasets"][0]["type"],
        "dataset"
    );
    assert_eq!(
        model_card["quantitativeAnalysis"]["performanceMetrics"][0],
        json!({"type": "ndcg@10", "value": "0.756"})
    );
    assert_eq!(
        model_card["considerations"]["technicalLimitations"],
        json!(card.known_limitations)
    );
    let fairness = model_card["considerations"]["fairnessAssessments"]
        .as_array()
        .unwrap();
    assert_eq!(fairness.len(), card.fairness_metrics.len());
    assert!(
        fairness[0]["groupAtRisk"]
            .as_str()
            .unwrap()
            .starts_with("age_groups: ")
    );
    assert!(
        fairness[0]["harms"]
            .as_str()
            .unwrap()
            .contains("four-fifths rule")
    );
    // What CycloneDX has no field for is said before the download.
    let losses = bom_losses(&card);
    assert!(
        losses.iter().any(|l| l == "Regulatory requirements"),
        "{losses:?}"
    );
    assert!(!losses.iter().any(|l| l == "Known limitations"));

    let again = parse_bom(&text).unwrap();
    assert!(again.exact);
    assert!(again.card.imported_bom.is_some());
    let mut back = again.card.clone();
    back.imported_bom = None;
    assert_eq!(back, card);
    assert_eq!(
        card_to_bom(&again.card),
        text,
        "exporting again gives the same BOM"
    );
}

#[test]
fn hostile_text_in_every_field_goes_through_a_bom_and_back() {
    for (i, s) in HOSTILE_CARD_TEXT.iter().enumerate() {
        let card = hostile_card(s);
        let text = card_to_bom(&card);
        out(&format!("hostile-{i}.cdx.json"), &text);
        let mut back = parse_bom(&text).unwrap().card;
        back.imported_bom = None;
        assert_eq!(back, card, "{s:?}");
    }
}

#[test]
fn bad_boms_get_a_clear_message() {
    assert!(
        parse_bom("{")
            .unwrap_err()
            .starts_with("The file is not valid JSON: line 1")
    );
    assert!(parse_bom("{}").unwrap_err().contains("not a CycloneDX BOM"));
    assert!(
        parse_bom(
            r#"{"bomFormat": "CycloneDX", "components": [{"type": "library", "name": "x"}]}"#
        )
        .unwrap_err()
        .contains("no machine-learning-model component")
    );
}

#[test]
fn the_corpus_boms_import_and_keep_what_they_do_not_map() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cyclonedx");
    if !dir.is_dir() {
        println!("SKIPPED: ../shared/corpus/cyclonedx/ is not there; no real BOM was checked.");
        return;
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let full = parse_bom(&read("valid-machine-learning-1.6.json")).unwrap();
    println!("valid-machine-learning-1.6.json: {}", full.summary());
    assert!(!full.exact);
    assert!(!full.card.eval_results.is_empty());
    assert!(!full.card.known_limitations.is_empty());
    let mut card = full.card.clone();
    card.owner_team = "Edited team".into();
    let text = card_to_bom(&card);
    out("valid-machine-learning-1.6.edited.cdx.json", &text);
    let bom: Value = serde_json::from_str(&text).unwrap();
    let original: Value = serde_json::from_str(&read("valid-machine-learning-1.6.json")).unwrap();
    let model_card = &bom["components"][0]["modelCard"];
    let was = &original["components"][0]["modelCard"];
    // Unmapped parts come back as they were: graphics, users, tradeoffs, fairness, inputs.
    for path in [
        &["quantitativeAnalysis", "graphics"][..],
        &["considerations", "users"],
        &["considerations", "performanceTradeoffs"],
        &["considerations", "fairnessAssessments"],
        &["modelParameters", "inputs"],
        &["modelParameters", "approach"],
    ] {
        let at = |v: &Value| path.iter().fold(v.clone(), |v, k| v[*k].clone());
        assert_eq!(at(model_card), at(was), "{path:?}");
    }
    assert_eq!(bom["components"][0]["authors"][0]["name"], "Edited team");

    let energy = parse_bom(&read("valid-machine-learning-considerations-env-1.6.json")).unwrap();
    assert_eq!(energy.card.model_name, "Llama-2-7b");
    let text = card_to_bom(&energy.card);
    out(
        "valid-machine-learning-considerations-env-1.6.cdx.json",
        &text,
    );
    assert!(text.contains("\"energyConsumptions\""));

    let broken =
        parse_bom(&read("bom-examples-pr50__MLBOM-Model-OpenSource-bom.json")).unwrap_err();
    println!("bom-examples-pr50: {broken}");
    assert!(
        broken.starts_with("The file is not valid JSON: line 9, column 5"),
        "{broken}"
    );
}
