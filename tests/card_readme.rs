//! Model cards as Hugging Face README.md files: export, exact re-import, ordinary Hub READMEs,
//! errors, and the YAML front matter read by `saphyr-parser` directly.

mod common;
use common::{HOSTILE_CARD_TEXT, hostile_card};

use chrono::NaiveDate;
use mlops_governance_workbench::core::cards::card::{FairnessGroup, ModelCard, NamedNumber};
use mlops_governance_workbench::core::cards::fields::{Field, ListKey, TextKey};
use mlops_governance_workbench::core::cards::json::lesson_example;
use mlops_governance_workbench::core::cards::readme::{
    APPENDED_HEADING, CARD_KEY, ReadmeError, card_to_readme, parse_readme, readme_losses,
};
use mlops_governance_workbench::core::cards::results::{EvalResult, MetricValue};
use mlops_governance_workbench::core::cards::yaml::is_plain_number;
use mlops_governance_workbench::core::cards::yaml::{Yaml, parse_yaml, write_yaml};
use mlops_governance_workbench::core::text::markdown::{escape_block, escape_inline};
use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::Value;

/// The README's front matter and body.
fn split(readme: &str) -> (&str, &str) {
    let rest = readme.strip_prefix("---\n").unwrap();
    let end = rest.find("\n---\n").unwrap();
    (&rest[..end + 1], &rest[end + 5..])
}

/// An independent reading of YAML straight from saphyr-parser's events (no anchors, core
/// schema for plain scalars), to check what other YAML readers see.
fn saphyr_tree(text: &str) -> Value {
    let mut stack: Vec<(Value, Option<String>)> = Vec::new();
    let mut root = None;
    for event in Parser::new_from_str(text) {
        let (event, _) = event.unwrap();
        let node = match event {
            Event::SequenceStart(..) => {
                stack.push((Value::Array(Vec::new()), None));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push((Value::Object(Default::default()), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => stack.pop().unwrap().0,
            Event::Scalar(text, ScalarStyle::Plain, _, _) => match text.as_ref() {
                "null" | "~" | "" => Value::Null,
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                plain => serde_json::from_str::<serde_json::Number>(plain)
                    .map(Value::Number)
                    .unwrap_or_else(|_| Value::String(plain.to_owned())),
            },
            Event::Scalar(text, ..) => Value::String(text.into_owned()),
            Event::Alias(_) => panic!("the emitter writes no alias"),
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((Value::Array(items), _)) => items.push(node),
            Some((Value::Object(map), key)) => match key.take() {
                None => *key = Some(node.as_str().unwrap().to_owned()),
                Some(k) => {
                    assert!(map.insert(k, node).is_none(), "duplicate key");
                }
            },
            Some(_) => unreachable!(),
        }
    }
    root.unwrap()
}

/// Export, import, export again: the same card and the same README text.
fn assert_round_trip(card: &ModelCard) -> String {
    let readme = card_to_readme(card);
    let imported = parse_readme(&readme).unwrap();
    assert!(imported.exact);
    assert!(imported.filled.is_empty());
    assert_eq!(&imported.card, card);
    assert_eq!(card_to_readme(&imported.card), readme);
    let (_, body) = split(&readme);
    assert!(!body.contains('<'), "raw < in the body");
    readme
}

#[test]
fn the_lessons_card_goes_to_a_readme_and_back_exactly() {
    let card = lesson_example();
    let readme = assert_round_trip(&card);
    assert!(readme.starts_with("---\nmodel_name: \"product_recommendation_model\"\n"));
    assert!(
        readme
            .contains("\nmlops_governance_card:\n  model_name: \"product_recommendation_model\"\n")
    );
    assert!(readme.contains("    \"ndcg@10\": 0.756\n"), "{readme}");
    assert!(readme.contains("  training_data_size: 50000000\n"));
    assert!(
        readme
            .contains("  training_data_date_range:\n    - \"2023-01-01\"\n    - \"2023-12-31\"\n")
    );
    // No license in the lesson's card: no license key.
    assert!(!readme.contains("\nlicense:"));
}

#[test]
fn hostile_text_in_every_field_goes_to_a_readme_and_back_exactly() {
    for s in HOSTILE_CARD_TEXT {
        let card = hostile_card(s);
        let readme = assert_round_trip(&card);
        // Every string survives another YAML reader too.
        let tree = saphyr_tree(split(&readme).0);
        assert_eq!(
            tree[CARD_KEY]["intended_use"],
            Value::String((*s).to_owned())
        );
        assert_eq!(tree["tags"][1], Value::String(format!("{s}{s}")));
    }
    let all = HOSTILE_CARD_TEXT.concat();
    assert_round_trip(&hostile_card(&all));
}

#[test]
fn hundred_kilobyte_strings_go_to_a_readme_and_back_exactly() {
    let big: String = "<b>\"q\"\n- é 🧪 | # \u{2028}".repeat(100_000 / 24 + 1);
    assert!(big.len() > 100_000);
    let card = hostile_card(&big);
    let readme = assert_round_trip(&card);
    assert!(readme.len() > 40 * 100_000);
}

#[test]
fn windows_line_endings_and_a_bom_read_the_same_card() {
    let card = hostile_card("two\r\nlines\tand \"quotes\"");
    let readme = card_to_readme(&card);
    let windows = format!("\u{feff}{}", readme.replace('\n', "\r\n"));
    let imported = parse_readme(&windows).unwrap();
    assert!(imported.exact);
    assert_eq!(imported.card, card);
}

#[test]
fn invalid_numbers_and_duplicate_rows_go_to_a_readme_and_back() {
    let mut card = lesson_example();
    card.performance_metrics = vec![
        NamedNumber::new("accuracy", "0.9"),
        NamedNumber::new("accuracy", "abc"),
        NamedNumber::new("", ""),
        NamedNumber::new("precision", "0.7560"),
        NamedNumber::new("recall", "1e-3"),
        NamedNumber::new("f1", " 0.5 "),
        NamedNumber::new("nan", "NaN"),
        NamedNumber::new("huge", "1e999"),
        NamedNumber::new("negative zero", "-0"),
        NamedNumber::new("hex", "0x10"),
        NamedNumber::new("big", "18446744073709551616"),
        NamedNumber::new("count", "10"),
        NamedNumber::new("minus", "-3"),
        NamedNumber::new("exponent", "2E5"),
    ];
    card.decision_thresholds = vec![NamedNumber::new("t", "1"), NamedNumber::new("t", "2")];
    card.fairness_metrics = vec![
        FairnessGroup {
            group: "age".into(),
            subgroups: vec![
                NamedNumber::new("18-25", "x"),
                NamedNumber::new("18-25", "0.1"),
            ],
        },
        FairnessGroup {
            group: "age".into(),
            subgroups: Vec::new(),
        },
    ];
    card.evaluation_factors
        .push(card.evaluation_factors[0].clone());
    // The same numbers as evaluation results: the Hub's model-index writes them as PyYAML
    // reads floats.
    card.eval_results = card
        .performance_metrics
        .iter()
        .filter(|m| is_plain_number(&m.value))
        .map(|m| EvalResult {
            metric_type: m.name.clone(),
            value: MetricValue::typed(&m.value),
            ..EvalResult::default()
        })
        .collect();
    let readme = assert_round_trip(&card);

    let front = saphyr_tree(split(&readme).0);
    let metrics = front["model-index"][0]["results"][0]["metrics"]
        .as_array()
        .unwrap();
    let written: Vec<(&str, String)> = metrics
        .iter()
        .map(|m| (m["type"].as_str().unwrap(), m["value"].to_string()))
        .collect();
    assert_eq!(
        written,
        [
            ("accuracy", "0.9".to_owned()),
            ("precision", "0.7560".to_owned()),
            ("recall", "1.0e-3".to_owned()),
            ("negative zero", "-0".to_owned()),
            ("big", "18446744073709551616".to_owned()),
            ("count", "10".to_owned()),
            ("minus", "-3".to_owned()),
            ("exponent", "2.0e+5".to_owned()),
        ]
    );
    // Names of all named metrics, duplicates included.
    assert_eq!(front["metrics"].as_array().unwrap().len(), 13);
    assert!(readme.contains("            value: 2.0E+5\n"));
    // Typed text kept in the YAML itself.
    assert!(readme.contains("            value: 0.7560\n"));
    assert!(readme.contains("    - - \"precision\"\n      - 0.7560\n"));
    assert!(readme.contains("    - - \"recall\"\n      - 1e-3\n"));
    // The Hub's copy in the float form YAML 1.1 readers (PyYAML) need.
    assert!(readme.contains("            value: 1.0e-3\n"));
    // Duplicate rows are written as [name, value] pairs, as in the card's JSON.
    assert!(
        readme.contains(
            "  decision_thresholds:\n    - - \"t\"\n      - 1\n    - - \"t\"\n      - 2\n"
        )
    );
}

#[test]
fn an_empty_card_goes_to_a_readme_and_back() {
    let card = ModelCard::default();
    let readme = assert_round_trip(&card);
    assert!(!readme.contains("model-index:"));
    assert!(readme.contains("# Model Card for Untitled card\n"));
    assert!(readme.contains("[More Information Needed]"));
    let front = saphyr_tree(split(&readme).0);
    assert_eq!(front["tags"], Value::Array(Vec::new()));
    assert_eq!(
        front[CARD_KEY]["performance_metrics"],
        Value::Object(Default::default())
    );
    assert_eq!(front[CARD_KEY]["training_date"], Value::Null);
}

#[test]
fn the_front_matter_has_the_hubs_keys_in_their_shapes() {
    let mut card = lesson_example();
    card.license = "apache-2.0".into();
    card.tags = vec!["recommendation".into(), "ranking".into()];
    let readme = card_to_readme(&card);
    let front = saphyr_tree(split(&readme).0);
    assert_eq!(front["model_name"], "product_recommendation_model");
    assert_eq!(front["license"], "apache-2.0");
    assert_eq!(
        front["tags"],
        serde_json::json!(["recommendation", "ranking"])
    );
    assert_eq!(
        front["metrics"],
        serde_json::json!(["ndcg@10", "map@10", "click_through_rate", "conversion_rate"])
    );
    // No evaluation results: no model-index (the lesson's metrics never go there).
    assert!(front.get("model-index").is_none());
    // The whole card, in the lesson's JSON shape.
    let lesson: Value =
        serde_json::from_str(&mlops_governance_workbench::core::cards::json::card_to_json(&card))
            .unwrap();
    assert_eq!(front[CARD_KEY], lesson);
}

#[test]
fn the_body_follows_the_hubs_template_and_escapes_user_text() {
    let mut card = lesson_example();
    card.license = "mit".into();
    card.unmapped_text = "<img src=x onerror=alert(1)>\n# Not a heading".into();
    let readme = card_to_readme(&card);
    let (_, body) = split(&readme);
    let headings: Vec<&str> = body.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Model Card for product\\_recommendation\\_model",
            "## Model Details",
            "### Model Description",
            "## Uses",
            "### Direct Use",
            "### Out-of-Scope Use",
            "## Bias, Risks, and Limitations",
            "### Sensitive Data",
            "### Potential Biases",
            "### Known Limitations",
            "### Failure Modes",
            "## Compliance",
            "### Regulatory Requirements",
            "### Data Privacy Measures",
            "## Training Details",
            "### Training Data",
            "### Training Procedure",
            "#### Preprocessing",
            "## Evaluation",
            "### Testing Data, Factors & Metrics",
            "#### Testing Data",
            "#### Factors",
            "#### Metrics",
            "### Results",
            "#### Fairness Metrics",
            "## Technical Specifications",
            "### Model Architecture and Objective",
            "## More Information",
            "## Model Card Contact",
        ]
    );
    assert!(body.contains("- **Developed by:** ML Platform Team\n"));
    assert!(body.contains("- **License:** mit\n"));
    assert!(body.contains("- Filter items with &lt;5 interactions\n"));
    assert!(body.contains("- **Size:** 50,000,000\n- **Date range:** 2023-01-01 to 2023-12-31\n"));
    assert!(body.contains("| Metric | Value |\n|---|---|\n| ndcg@10 | 0.756 |\n"));
    assert!(
        body.contains("**age\\_groups**\n\n| Subgroup | Value |\n|---|---|\n| 18-25 | 0.175 |\n")
    );
    assert!(body.contains("**geographic**\n\n| Subgroup | Value |\n"));
    assert!(body.contains("| demographics | age\\_group, location |\n"));
    assert!(body.contains("&lt;img src=x onerror=alert(1)>\\\n\\# Not a heading\n"));
    assert!(body.ends_with("## Model Card Contact\n\nml-platform@example.com\n"));
    assert!(!body.contains('<'));
}

#[test]
fn escaping_leaves_no_markup() {
    assert_eq!(escape_block("a <b> & c"), "a &lt;b> &amp; c");
    assert_eq!(
        escape_block("1. one\n2) two\n3.5 stays"),
        "1\\. one\\\n2\\) two\\\n3.5 stays"
    );
    assert_eq!(
        escape_block("---\n===\n> q\n+ p"),
        "\\---\\\n\\===\\\n\\> q\\\n\\+ p"
    );
    assert_eq!(escape_block("   # x\r\n\t- y  "), "\\# x\\\n\\- y");
    assert_eq!(
        escape_block("a|b `c` [d](e) *f* _g_ ~~h~~ $i$ \\"),
        "a\\|b \\`c\\` \\[d\\](e) \\*f\\* \\_g\\_ \\~\\~h\\~\\~ \\$i\\$ \\\\"
    );
    assert_eq!(escape_block("x\ry"), "x\\\ny");
    assert_eq!(
        escape_block("e-commerce, 2024-01-15, f(x) > 1!"),
        "e-commerce, 2024-01-15, f(x) > 1!"
    );
    assert_eq!(escape_inline(" two\n\n lines "), "two lines");
}

/// A Hub README as people write them (after bert-base-uncased's card), with evaluation results.
const BERT_README: &str = r#"---
language: en
license: apache-2.0
tags:
- exbert
- fill-mask
datasets:
- bookcorpus
- wikipedia
pipeline_tag: fill-mask
model-index:
- name: bert-base-uncased-finetuned-sst2
  results:
  - task:
      type: text-classification
      name: Text Classification
    dataset:
      name: GLUE SST-2
      type: glue
      config: sst2
      split: validation
    metrics:
    - type: accuracy
      value: 0.9232
      name: Accuracy
      verified: true
    - type: f1
      value: 0.92
widget:
- text: "Paris is the [MASK] of France."
---

# BERT base model (uncased), fine-tuned on SST-2

Pretrained model on English language using a masked language modeling (MLM) objective.

## Model description

BERT is a transformers model pretrained on a large corpus of English data.

```python
# Model Card Contact
print("not@a.heading")
```

## Model Card Contact

Questions: <mailto:nlp-team@example.org> or open an issue.
"#;

#[test]
fn an_ordinary_hub_readme_fills_what_maps_and_keeps_the_rest_as_written() {
    let imported = parse_readme(BERT_README).unwrap();
    assert!(!imported.exact);
    let card = &imported.card;
    assert_eq!(card.model_name, "bert-base-uncased-finetuned-sst2");
    assert_eq!(card.license, "apache-2.0");
    assert_eq!(card.tags, ["exbert", "fill-mask"]);
    // model-index goes to the evaluation results, never to the lesson's metrics.
    assert!(card.performance_metrics.is_empty());
    assert_eq!(card.eval_results.len(), 2);
    let accuracy = &card.eval_results[0];
    assert_eq!(accuracy.task_type, "text-classification");
    assert_eq!(accuracy.dataset.name, "GLUE SST-2");
    assert_eq!(accuracy.dataset.config, "sst2");
    assert_eq!(accuracy.dataset.split, "validation");
    assert_eq!(accuracy.metric_name, "Accuracy");
    assert_eq!(accuracy.value, MetricValue::Number("0.9232".into()));
    assert_eq!(accuracy.verified, Some(true));
    assert_eq!(card.eval_results[1].metric_type, "f1");
    assert_eq!(card.contact_email, "nlp-team@example.org");
    assert_eq!(
        imported.filled,
        [
            Field::Text(TextKey::ModelName),
            Field::Text(TextKey::License),
            Field::List(ListKey::Tags),
            Field::EvalResults,
            Field::Text(TextKey::ContactEmail),
        ]
    );
    assert_eq!(
        imported.kept_keys,
        ["language", "datasets", "pipeline_tag", "widget"]
    );
    assert_eq!(
        imported.summary(),
        "Filled 5 fields (Model name, Licence, Tags, Evaluation results, Contact e-mail). \
         Kept 4 metadata keys as other metadata (language, datasets, pipeline_tag, widget). \
         Kept 2 README sections as written."
    );
    let origin = card.imported_readme.as_ref().unwrap();
    assert!(
        origin
            .other_metadata()
            .starts_with("language: en\ndatasets:\n- bookcorpus\n")
    );

    // Exported unedited: the original's keys as written and its body byte for byte, then
    // the card.
    let readme = card_to_readme(card);
    let original_front = BERT_README
        .strip_prefix("---\n")
        .unwrap()
        .split_once("\n---\n")
        .unwrap();
    let (front, body) = split(&readme);
    assert!(
        front.starts_with(&format!("{}\n", original_front.0)),
        "{front}"
    );
    assert_eq!(body, original_front.1);
    assert!(front.contains(&format!("\n{CARD_KEY}:\n")));

    // The same README with Windows line endings, a stray CR and a BOM.
    let windows = format!("\u{feff}{}", BERT_README.replace('\n', "\r\n"));
    assert_eq!(parse_readme(&windows).unwrap(), imported);

    // Read back, it is exact, and exports the same README again.
    let again = parse_readme(&readme).unwrap();
    assert!(again.exact);
    assert_eq!(&again.card, card);
    assert_eq!(card_to_readme(&again.card), readme);
}

#[test]
fn an_edited_field_is_written_in_the_originals_place_and_the_rest_stays() {
    let mut card = parse_readme(BERT_README).unwrap().card;
    card.license = "mit".into();
    card.contact_email = "<b>me</b>@example.org".into();
    card.eval_results[1].value = MetricValue::Text("-8.17 +/- 59.21".into());
    card.known_limitations = vec!["Short texts only".into()];
    let readme = card_to_readme(&card);
    let (front, body) = split(&readme);
    let tree = saphyr_tree(front);
    assert_eq!(tree["license"], "mit");
    assert_eq!(tree["language"], "en");
    assert_eq!(tree["pipeline_tag"], "fill-mask");
    let metrics = &tree["model-index"][0]["results"][0]["metrics"];
    assert_eq!(metrics[0]["verified"], true);
    assert_eq!(metrics[1]["value"], "-8.17 +/- 59.21");
    assert_eq!(
        tree["model-index"][0]["results"][0]["dataset"]["config"],
        "sst2"
    );
    // The contact section is rewritten, escaped; the rest of the body is as it was.
    assert!(
        body.contains("## Model Card Contact\n\n&lt;b>me&lt;/b>@example.org"),
        "{body}"
    );
    assert!(!body.contains("Questions:"));
    assert!(body.contains("```python\n# Model Card Contact\n"));
    // A field the original had no section for follows at the end.
    assert!(body.ends_with(&format!(
        "{APPENDED_HEADING}\n\n### Known limitations\n\n- Short texts only\n"
    )));
    // Read back: the same fields, and the README it came from is now the origin, so the
    // export is stable.
    let again = parse_readme(&readme).unwrap();
    assert!(again.exact);
    let without_origin = |c: &ModelCard| ModelCard {
        imported_readme: None,
        ..c.clone()
    };
    assert_eq!(without_origin(&again.card), without_origin(&card));
    assert_eq!(card_to_readme(&again.card), readme);
}

#[test]
fn a_readme_without_front_matter_keeps_everything_and_names_the_card_from_its_heading() {
    let readme = "\u{feff}Intro line\r\n\r\n# Model Card for my\\_model\r\n\r\nSome text.\r\n";
    let imported = parse_readme(readme).unwrap();
    assert_eq!(imported.card.model_name, "my_model");
    assert_eq!(imported.filled, [Field::Text(TextKey::ModelName)]);
    let exported = card_to_readme(&imported.card);
    assert!(
        exported.ends_with("---\nIntro line\n\n# Model Card for my\\_model\n\nSome text.\n"),
        "{exported}"
    );
    let plain = parse_readme("# A title\nno contact").unwrap();
    assert_eq!(plain.card.model_name, "A title");
    let nothing = parse_readme("just text").unwrap();
    assert!(nothing.filled.is_empty());
    assert_eq!(
        nothing.summary(),
        "No field could be filled. Kept 1 README section as written."
    );
    assert!(card_to_readme(&nothing.card).ends_with("---\njust text"));
    // A thematic break that is not alone on the first line is no front matter.
    let broken = parse_readme("--- x\nbody").unwrap();
    assert!(card_to_readme(&broken.card).ends_with("---\n--- x\nbody"));
    // Neither the template's placeholder nor a part of a card is a name.
    for heading in [
        "# Model Card for Model ID\n",
        "# Table of Contents\n",
        "# Usage:\n",
        "# What is Yi?\n",
        "# {{ model_id }}\n",
    ] {
        assert_eq!(
            parse_readme(heading).unwrap().card.model_name,
            "",
            "{heading}"
        );
    }
    assert_eq!(
        parse_readme("# Table of Contents\n\n# Real <b>name</b>\n")
            .unwrap()
            .card
            .model_name,
        "Real name"
    );
}

#[test]
fn an_empty_front_matter_is_fine() {
    let imported = parse_readme("---\n---\n# Model Card for x\n").unwrap();
    assert_eq!(imported.card.model_name, "x");
    let only_front = parse_readme("---\nlicense: mit\n---\n").unwrap();
    assert_eq!(only_front.card.license, "mit");
    assert_eq!(only_front.summary(), "Filled 1 field (Licence).");
}

#[test]
fn broken_yaml_is_kept_as_written_with_its_error_and_the_body_imports() {
    let text = "---\nlicense: mit\ntags: [a, b\nmodel_name: x\n---\n# Model Card for y\n\n## Model Card Contact\n\na@example.org\n";
    let imported = parse_readme(text).unwrap();
    let error = imported.front_matter_error.clone().unwrap();
    assert!(
        error.starts_with("This is not valid YAML: line "),
        "{error}"
    );
    assert!(imported.summary().contains("it is kept exactly as written"));
    assert_eq!(imported.card.model_name, "y");
    assert_eq!(imported.card.contact_email, "a@example.org");
    assert_eq!(imported.card.license, "");
    // Written back unchanged; the card's own copy cannot go into broken YAML.
    assert_eq!(card_to_readme(&imported.card), text);
    // So a licence set afterwards has no place, and the export says so before the download.
    assert!(readme_losses(&imported.card).is_empty());
    let mut licensed = imported.card.clone();
    licensed.license = "mit".into();
    assert_eq!(readme_losses(&licensed), ["Licence"]);
    assert!(readme_losses(&lesson_example()).is_empty());

    for broken in [
        "---\nlicense: mit\n  tags: x: y\n---\n",
        "---\na: 1\na: 2\n---\n",
        "---\nname: x\n- item\n---\n",
        "---\n- a\n- b\n---\n",
        "---\n{{ card_data }}\n---\n",
    ] {
        let imported = parse_readme(broken).unwrap();
        assert!(imported.front_matter_error.is_some(), "{broken}");
        assert_eq!(card_to_readme(&imported.card), broken);
    }
}

#[test]
fn missing_ends_and_wrong_values_are_clear_errors() {
    assert_eq!(parse_readme(""), Err(ReadmeError::Empty));
    assert_eq!(parse_readme("\u{feff} \r\n"), Err(ReadmeError::Empty));
    let error = parse_readme("---\nlicense: mit\n# Title\n").unwrap_err();
    assert_eq!(error, ReadmeError::Unterminated);
    assert_eq!(
        error.to_string(),
        "The README's front matter starts with a --- line but has no closing --- line."
    );
    // Values of unexpected shapes are kept as written, not refused.
    let odd = parse_readme("---\ntags: [a]\nlicense: [mit, apache-2.0]\nmodel-index: bert\n---\n")
        .unwrap();
    assert_eq!(odd.card.license, "");
    assert_eq!(odd.card.tags, ["a"]);
    assert_eq!(
        odd.model_index_error.as_deref(),
        Some("it is neither a list nor a mapping")
    );
    assert!(
        card_to_readme(&odd.card)
            .starts_with("---\ntags: [a]\nlicense: [mit, apache-2.0]\nmodel-index: bert\n")
    );

    // The card's own copy is checked field by field.
    let mut readme = card_to_readme(&lesson_example());
    readme = readme.replace(
        "  training_data_size: 50000000\n",
        "  training_data_size: \"lots\"\n",
    );
    let error = parse_readme(&readme).unwrap_err();
    let ReadmeError::WrongValue { path, line, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(path, "mlops_governance_card.training_data_size");
    let key_line = readme
        .lines()
        .position(|l| l == "mlops_governance_card:")
        .unwrap()
        + 1;
    assert_eq!(*line, key_line);
    let error = parse_readme("---\nmlops_governance_card:\n  colour: red\n---\n").unwrap_err();
    assert!(
        error.to_string().contains("mlops_governance_card"),
        "{error}"
    );
}

#[test]
fn hand_written_card_yaml_reads_with_plain_scalars_anchors_and_flow_style() {
    let readme = "---\nmlops_governance_card:\n  model_name: &n plain name\n  owner_team: *n\n  training_data_size: 12\n  training_date: 2024-01-15\n  tags: [a, 'b', \"c\"]\n  performance_metrics: {acc: 0.90, loss: .inf}\n  training_data_date_range: null\n---\n";
    let card = parse_readme(readme).unwrap().card;
    assert_eq!(card.model_name, "plain name");
    assert_eq!(card.owner_team, "plain name");
    assert_eq!(card.training_data_size, Some(12));
    assert_eq!(card.training_date, NaiveDate::from_ymd_opt(2024, 1, 15));
    assert_eq!(card.tags, ["a", "b", "c"]);
    assert_eq!(
        card.performance_metrics,
        [
            NamedNumber::new("acc", "0.90"),
            NamedNumber::new("loss", ".inf")
        ]
    );
}

#[test]
fn the_yaml_reader_refuses_alias_bombs_and_deep_nesting() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in 'b'..='k' {
        bomb.push_str(&format!(
            "{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
        ));
        previous = name;
    }
    let error = parse_yaml(&bomb).unwrap_err();
    assert!(error.reason.contains("too much"), "{error:?}");

    let deep = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = parse_yaml(&deep).unwrap_err();
    assert!(
        error.reason.contains("nested too deeply") || error.reason.contains("recursion limit"),
        "{error:?}"
    );
    let deep_block: String = (0..100).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    let error = parse_yaml(&deep_block).unwrap_err();
    assert!(error.reason.contains("nested too deeply"), "{error:?}");

    assert!(parse_yaml("--- a\n--- b\n").is_err());
    assert!(parse_yaml("a: *nothing\n").is_err());
    assert!(parse_yaml("? [a]\n: b\n").is_err());
}

#[test]
fn the_yaml_writer_and_reader_agree() {
    let value = Yaml::Map(vec![
        ("plain-key".into(), Yaml::Str("v".into())),
        ("yes".into(), Yaml::Bool(true)),
        ("Key With Space".into(), Yaml::Number("1.50".into())),
        ("not a number".into(), Yaml::Number("1.5 ".into())),
        ("null".into(), Yaml::Null),
        (
            "nested".into(),
            Yaml::Seq(vec![
                Yaml::Seq(vec![Yaml::Str("a".into()), Yaml::Seq(Vec::new())]),
                Yaml::Map(vec![
                    ("k".into(), Yaml::Map(Vec::new())),
                    (
                        "l".into(),
                        Yaml::Seq(vec![Yaml::Map(vec![("m".into(), Yaml::Null)])]),
                    ),
                ]),
            ]),
        ),
    ]);
    let Yaml::Map(entries) = &value else {
        unreachable!()
    };
    let text = write_yaml(entries);
    assert_eq!(
        text,
        "plain-key: \"v\"\n\"yes\": true\n\"Key With Space\": 1.50\n\"not a number\": \"1.5 \"\n\"null\": null\nnested:\n  - - \"a\"\n    - []\n  - k: {}\n    l:\n      - m: null\n"
    );
    let parsed = parse_yaml(&text).unwrap();
    let mut expected = value.clone();
    if let Yaml::Map(entries) = &mut expected {
        entries[3].1 = Yaml::Str("1.5 ".into());
    }
    assert_eq!(parsed.root, expected);
    assert_eq!(parsed.key_lines, [1, 2, 3, 4, 5, 6]);
}

#[test]
fn common_hostile_texts_round_trip_too() {
    for s in common::HOSTILE {
        assert_round_trip(&hostile_card(s));
    }
}

/// Edited other metadata (the editor's "Other metadata" box): read as YAML entries, then
/// taken; a key a field maps is refused and nothing changes; kept keys keep their place
/// among the mapped ones, new keys go last, removed ones go.
#[test]
fn edited_other_metadata_is_taken_in_place_or_refused() {
    use mlops_governance_workbench::core::cards::origin::split_entries;
    let readme =
        "---\nlanguage: en\nlicense: mit\ndatasets:\n- a\npipeline_tag: fill-mask\n---\n# Tiny\n";
    let mut origin = parse_readme(readme).unwrap().card.imported_readme.unwrap();
    assert_eq!(
        origin.other_metadata(),
        "language: en\ndatasets:\n- a\npipeline_tag: fill-mask\n"
    );

    let refused = split_entries("language: fr\nlicense: apache-2.0\n").unwrap();
    let error = origin.set_other_entries(refused).unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"license\" is set by a field of the card; edit it there."
    );
    assert_eq!(
        origin.other_metadata(),
        "language: en\ndatasets:\n- a\npipeline_tag: fill-mask\n"
    );

    let edited = split_entries("new_key: 1\nlanguage: fr\n").unwrap();
    origin.set_other_entries(edited).unwrap();
    assert_eq!(origin.other_metadata(), "language: fr\nnew_key: 1\n");
    assert!(split_entries("language: [unclosed\n").is_err());
}
