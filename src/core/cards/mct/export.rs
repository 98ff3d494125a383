//! A card as Model Card Toolkit JSON, schema 0.0.2.
//!
//! An imported MCT card is written back as it came (graphics, references, citations and
//! every other part), with the author's value wherever a mapped field changed. Any card's
//! fields that MCT has no place for are listed by [`mct_losses`], so the app can say so
//! before the download.

use super::{is_evaluation, is_training, read_fields, upgrade};
use crate::core::cards::card::ModelCard;
use crate::core::cards::exchange::{ExchangeFields, set_text, with_object};
use crate::core::cards::fields::{Field, ListKey, SECTIONS, TableKey, TextKey};
use crate::core::cards::results::EvalResult;
use serde_json::{Map, Value, json};

/// The fields MCT 0.0.2 has a place for (all others are listed as losses).
const CARRIED: [Field; 15] = [
    Field::Text(TextKey::ModelName),
    Field::Text(TextKey::ModelVersion),
    Field::Text(TextKey::OwnerTeam),
    Field::Text(TextKey::ContactEmail),
    Field::Text(TextKey::License),
    Field::Text(TextKey::ModelArchitecture),
    Field::Text(TextKey::TrainingDataDescription),
    Field::Text(TextKey::EvaluationDataDescription),
    Field::Text(TextKey::UnmappedText),
    Field::List(ListKey::SensitiveData),
    Field::List(ListKey::PrimaryUseCases),
    Field::List(ListKey::KnownLimitations),
    Field::List(ListKey::PotentialBiases),
    Field::Table(TableKey::PerformanceMetrics),
    Field::EvalResults,
];

/// What this card holds that an MCT file cannot: each filled field with no place in MCT,
/// and the parts of evaluation results MCT metrics have no key for.
pub fn mct_losses(card: &ModelCard) -> Vec<String> {
    let mut losses: Vec<String> = SECTIONS
        .iter()
        .flat_map(|s| s.fields.iter().copied())
        .filter(|f| !CARRIED.contains(f) && card.is_filled(*f))
        .map(|f| f.label().to_owned())
        .collect();
    if card
        .eval_results
        .iter()
        .any(|r| !r.dataset.name.is_empty() || !r.task_type.is_empty())
    {
        losses.push("the task and dataset of evaluation results".to_owned());
    }
    if card.imported_readme.is_some() {
        losses.push("the imported README's other metadata and sections".to_owned());
    }
    losses
}

fn described(items: &[String], key: &str) -> Value {
    Value::Array(
        items
            .iter()
            .filter(|i| !i.trim().is_empty())
            .map(|i| json!({ key: i }))
            .collect(),
    )
}

fn metric(result: &EvalResult) -> Value {
    let mut m = Map::new();
    let kind = if result.metric_type.is_empty() {
        &result.metric_name
    } else {
        &result.metric_type
    };
    m.insert("type".into(), json!(kind));
    m.insert("value".into(), json!(result.value.as_text()));
    if !result.slice.is_empty() {
        m.insert("slice".into(), json!(result.slice));
    }
    if !result.lower.is_empty() || !result.upper.is_empty() {
        m.insert(
            "confidence_interval".into(),
            json!({ "lower_bound": result.lower, "upper_bound": result.upper }),
        );
    }
    if let Some(threshold) = result
        .extra
        .get("metric.threshold")
        .and_then(upgrade::as_text)
    {
        m.insert("threshold".into(), json!(threshold));
    }
    Value::Object(m)
}

/// Sets the description of the first dataset `pick` names, or adds one called `name`.
fn set_dataset(
    parameters: &mut Map<String, Value>,
    pick: fn(&str) -> bool,
    name: &str,
    text: &str,
) {
    let data = parameters
        .entry("data")
        .or_insert_with(|| Value::Array(Vec::new()));
    if !data.is_array() {
        *data = Value::Array(Vec::new());
    }
    let Value::Array(list) = data else { return };
    let found = list
        .iter_mut()
        .filter_map(Value::as_object_mut)
        .find(|d| pick(d.get("name").and_then(Value::as_str).unwrap_or_default()));
    match found {
        Some(dataset) => set_text(dataset, "description", text),
        None if !text.is_empty() => list.push(json!({ "name": name, "description": text })),
        None => {}
    }
}

/// The card as MCT 0.0.2 JSON (pretty, two-space indents).
pub fn card_to_mct(card: &ModelCard) -> String {
    let original = match &card.imported_mct {
        Some(Value::Object(mct)) => upgrade::to_v0_0_2(mct.clone()),
        _ => Map::new(),
    };
    let was = read_fields(&original);
    let now = ExchangeFields::of_card(card);
    let mut mct = original;
    mct.insert("schema_version".into(), json!("0.0.2"));
    with_object(&mut mct, "model_details", |details| {
        if now.name != was.name {
            set_text(details, "name", &now.name);
        }
        if now.overview != was.overview {
            set_text(details, "overview", &now.overview);
        }
        if now.version != was.version {
            with_object(details, "version", |v| set_text(v, "name", &now.version));
        }
        if (&now.owner_team, &now.contact_email) != (&was.owner_team, &was.contact_email) {
            let mut owner = Map::new();
            set_text(&mut owner, "name", &now.owner_team);
            set_text(&mut owner, "contact", &now.contact_email);
            details.insert("owners".into(), json!([owner]));
        }
        if now.license != was.license {
            let licenses = (!now.license.is_empty()).then(|| upgrade::license(&now.license));
            details.insert(
                "licenses".into(),
                Value::Array(licenses.into_iter().collect()),
            );
        }
    });
    with_object(&mut mct, "model_parameters", |parameters| {
        if now.architecture != was.architecture {
            set_text(parameters, "model_architecture", &now.architecture);
        }
        if now.training != was.training {
            set_dataset(parameters, is_training, "Training data", &now.training);
        }
        if now.evaluation != was.evaluation {
            set_dataset(
                parameters,
                is_evaluation,
                "Evaluation data",
                &now.evaluation,
            );
        }
        if now.sensitive != was.sensitive {
            if !now.sensitive.is_empty() {
                set_dataset(parameters, is_training, "Training data", &now.training);
            }
            if let Some(Value::Array(list)) = parameters.get_mut("data") {
                for (i, dataset) in list.iter_mut().filter_map(Value::as_object_mut).enumerate() {
                    let items = if i == 0 {
                        now.sensitive.clone()
                    } else {
                        Vec::new()
                    };
                    dataset.insert("sensitive".into(), json!({ "sensitive_data": items }));
                }
            }
        }
    });
    if now.results != was.results || !card.performance_metrics.is_empty() {
        let mut metrics: Vec<Value> = now.results.iter().map(metric).collect();
        metrics.extend(
            card.performance_metrics
                .iter()
                .filter(|m| !m.name.trim().is_empty())
                .map(|m| json!({ "type": m.name, "value": m.value })),
        );
        with_object(&mut mct, "quantitative_analysis", |analysis| {
            analysis.insert("performance_metrics".into(), Value::Array(metrics));
        });
    }
    with_object(&mut mct, "considerations", |considerations| {
        if now.use_cases != was.use_cases {
            considerations.insert("use_cases".into(), described(&now.use_cases, "description"));
        }
        if now.limitations != was.limitations {
            considerations.insert(
                "limitations".into(),
                described(&now.limitations, "description"),
            );
        }
        if now.risks != was.risks {
            let before = considerations
                .get("ethical_considerations")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let risks = now
                .risks
                .iter()
                .filter(|r| !r.trim().is_empty())
                .map(|name| {
                    before
                        .iter()
                        .find(|b| b.get("name").and_then(Value::as_str) == Some(name))
                        .cloned()
                        .unwrap_or_else(|| json!({ "name": name }))
                })
                .collect();
            considerations.insert("ethical_considerations".into(), Value::Array(risks));
        }
    });
    serde_json::to_string_pretty(&Value::Object(mct)).unwrap_or_default()
}
