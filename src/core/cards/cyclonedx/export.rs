//! A card as a CycloneDX 1.6 JSON BOM: one `machine-learning-model` component with its
//! `modelCard` (model parameters, quantitative analysis, considerations), valid against
//! `bom-1.6.schema.json`.
//!
//! Standard fields carry what CycloneDX names; the fields it has no place for travel only in
//! the whole card under the property [`CARD_PROPERTY`], which other tools do not read:
//! [`bom_losses`] lists them so the app can say so before the download.

use super::{CARD_PROPERTY, read_fields, take_card_property};
use crate::core::cards::card::{ModelCard, UNTITLED_CARD};
use crate::core::cards::checks::is_email;
use crate::core::cards::exchange::{ExchangeFields, set_text, with_object};
use crate::core::cards::fairness::{decimal, group_stats, ratio_text};
use crate::core::cards::fields::{Field, ListKey, SECTIONS, TableKey, TextKey};
use crate::core::cards::json::card_to_json;
use crate::core::cards::results::EvalResult;
use serde_json::{Map, Value, json};

/// The fields a CycloneDX model card has a standard place for.
const CARRIED: [Field; 18] = [
    Field::Text(TextKey::ModelName),
    Field::Text(TextKey::ModelVersion),
    Field::Text(TextKey::ModelType),
    Field::Text(TextKey::ModelArchitecture),
    Field::Text(TextKey::OwnerTeam),
    Field::Text(TextKey::ContactEmail),
    Field::Text(TextKey::License),
    Field::Text(TextKey::UnmappedText),
    Field::Text(TextKey::TrainingDataDescription),
    Field::Text(TextKey::EvaluationDataDescription),
    Field::List(ListKey::SensitiveData),
    Field::List(ListKey::PrimaryUseCases),
    Field::List(ListKey::KnownLimitations),
    Field::List(ListKey::PotentialBiases),
    Field::List(ListKey::Tags),
    Field::Table(TableKey::PerformanceMetrics),
    Field::FairnessMetrics,
    Field::EvalResults,
];

/// What this card holds that CycloneDX has no standard field for (kept only in the
/// workbench's own property).
pub fn bom_losses(card: &ModelCard) -> Vec<String> {
    SECTIONS
        .iter()
        .flat_map(|s| s.fields.iter().copied())
        .filter(|f| !CARRIED.contains(f) && card.is_filled(*f))
        .map(|f| f.label().to_owned())
        .collect()
}

fn set_list(map: &mut Map<String, Value>, key: &str, items: Vec<Value>) {
    if items.is_empty() {
        map.remove(key);
    } else {
        map.insert(key.to_owned(), Value::Array(items));
    }
}

fn texts(items: &[String]) -> Vec<Value> {
    items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|i| json!(i))
        .collect()
}

fn metric(result: &EvalResult) -> Value {
    let mut m = Map::new();
    let kind = match result.metric_type.trim() {
        "" => result.metric_label(),
        kind => kind,
    };
    m.insert("type".into(), json!(kind));
    m.insert("value".into(), json!(result.value.as_text()));
    let slice: Vec<&str> = [result.dataset.name.as_str(), result.slice.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !slice.is_empty() {
        m.insert("slice".into(), json!(slice.join(" / ")));
    }
    if !result.lower.is_empty() || !result.upper.is_empty() {
        m.insert(
            "confidenceInterval".into(),
            json!({ "lowerBound": result.lower, "upperBound": result.upper }),
        );
    }
    Value::Object(m)
}

fn dataset(name: &str, description: &str, sensitive: &[String]) -> Value {
    let mut d = Map::new();
    d.insert("type".into(), json!("dataset"));
    d.insert("name".into(), json!(name));
    set_text(&mut d, "description", description);
    set_list(&mut d, "sensitiveData", texts(sensitive));
    Value::Object(d)
}

/// One fairness assessment per group: the group and its subgroups' values, and the
/// four-fifths rule's verdict on their min/max ratio.
fn fairness(card: &ModelCard) -> Vec<Value> {
    card.fairness_metrics
        .iter()
        .filter(|g| !g.group.trim().is_empty())
        .map(|group| {
            let values: Vec<String> = group
                .subgroups
                .iter()
                .map(|s| format!("{} {}", s.name, s.value))
                .collect();
            let mut a = Map::new();
            a.insert(
                "groupAtRisk".into(),
                json!(format!("{}: {}", group.group, values.join(", "))),
            );
            if let Some(stats) = group_stats(group) {
                let verdict = match stats.ratio {
                    Some(r) if stats.flagged => format!(
                        "min/max ratio {} is below the four-fifths rule (gap {})",
                        ratio_text(r),
                        decimal(stats.gap, 4)
                    ),
                    Some(r) => {
                        format!("min/max ratio {} meets the four-fifths rule", ratio_text(r))
                    }
                    None => format!("gap {}", decimal(stats.gap, 4)),
                };
                a.insert("harms".into(), json!(verdict));
            }
            Value::Object(a)
        })
        .collect()
}

/// The card as a CycloneDX 1.6 BOM (pretty JSON).
pub fn card_to_bom(card: &ModelCard) -> String {
    let mut component = match &card.imported_bom {
        Some(Value::Object(c)) => c.clone(),
        _ => Map::new(),
    };
    take_card_property(&mut component);
    let was = read_fields(&component);
    let now = ExchangeFields::of_card(card);
    let name = match now.name.trim() {
        "" => UNTITLED_CARD,
        name => name,
    };
    component.insert("type".into(), json!("machine-learning-model"));
    component
        .entry("bom-ref")
        .or_insert_with(|| json!("model-card"));
    if now.name != was.name || !component.contains_key("name") {
        component.insert("name".into(), json!(name));
    }
    if now.version != was.version {
        set_text(&mut component, "version", &now.version);
    }
    if now.overview != was.overview {
        set_text(&mut component, "description", &now.overview);
    }
    if (&now.owner_team, &now.contact_email) != (&was.owner_team, &was.contact_email) {
        let mut author = Map::new();
        set_text(&mut author, "name", &now.owner_team);
        if is_email(now.contact_email.trim()) {
            author.insert("email".into(), json!(now.contact_email.trim()));
        }
        set_list(
            &mut component,
            "authors",
            (!author.is_empty())
                .then_some(Value::Object(author))
                .into_iter()
                .collect(),
        );
    }
    if now.license != was.license {
        let license = json!([{ "license": { "name": now.license } }]);
        if now.license.trim().is_empty() {
            component.remove("licenses");
        } else {
            component.insert("licenses".into(), license);
        }
    }
    if now.tags != was.tags {
        set_list(&mut component, "tags", texts(&now.tags));
    }
    with_object(&mut component, "modelCard", |model_card| {
        with_object(model_card, "modelParameters", |parameters| {
            if now.task != was.task {
                set_text(parameters, "task", &now.task);
            }
            if now.architecture != was.architecture {
                set_text(parameters, "modelArchitecture", &now.architecture);
            }
            if (&now.training, &now.evaluation, &now.sensitive)
                != (&was.training, &was.evaluation, &was.sensitive)
            {
                let mut sets = Vec::new();
                if !now.training.trim().is_empty() || !now.sensitive.is_empty() {
                    sets.push(dataset("Training data", &now.training, &now.sensitive));
                }
                if !now.evaluation.trim().is_empty() {
                    sets.push(dataset("Evaluation data", &now.evaluation, &[]));
                }
                set_list(parameters, "datasets", sets);
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
            with_object(model_card, "quantitativeAnalysis", |analysis| {
                set_list(analysis, "performanceMetrics", metrics)
            });
        }
        with_object(model_card, "considerations", |considerations| {
            if now.use_cases != was.use_cases {
                set_list(considerations, "useCases", texts(&now.use_cases));
            }
            if now.limitations != was.limitations {
                set_list(
                    considerations,
                    "technicalLimitations",
                    texts(&now.limitations),
                );
            }
            if now.risks != was.risks {
                let risks = now
                    .risks
                    .iter()
                    .filter(|r| !r.trim().is_empty())
                    .map(|r| json!({ "name": r }))
                    .collect();
                set_list(considerations, "ethicalConsiderations", risks);
            }
            if !card.fairness_metrics.is_empty() {
                set_list(considerations, "fairnessAssessments", fairness(card));
            }
        });
    });
    let own = ModelCard {
        imported_bom: None,
        ..card.clone()
    };
    let property = json!({ "name": CARD_PROPERTY, "value": card_to_json(&own) });
    match component.get_mut("properties") {
        Some(Value::Array(properties)) => properties.push(property),
        _ => {
            component.insert("properties".into(), json!([property]));
        }
    }
    let bom = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": {
            "tools": { "components": [{ "type": "application", "name": "MLOps Governance Workbench" }] }
        },
        "components": [Value::Object(component)]
    });
    serde_json::to_string_pretty(&bom).unwrap_or_default()
}
