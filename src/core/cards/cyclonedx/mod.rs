//! CycloneDX 1.6 ML-BOMs: a card as one `machine-learning-model` component with its
//! `modelCard` ([`export`]), and the model card of such a BOM read back.
//!
//! CycloneDX's model card is derived from the Model Card Toolkit's, so the two share
//! [`ExchangeFields`]. The whole card also travels in the component's property
//! [`CARD_PROPERTY`] (JSON text), so a BOM exported here imports back exactly; other tools
//! read the standard fields. A BOM from elsewhere keeps its component as it came
//! (`imported_bom`), and the export writes it back with the author's edits in place.

pub mod export;

use crate::core::cards::card::ModelCard;
use crate::core::cards::checks::is_email;
use crate::core::cards::exchange::{ExchangeFields, list_at, text_at};
use crate::core::cards::fields::Field;
use crate::core::cards::json::parse_card_json;
use crate::core::cards::mct::{is_evaluation, is_training};
use crate::core::cards::results::{EvalResult, MetricValue};
use crate::core::text::json::parse_json;
use crate::core::text::words::plural;
use serde_json::{Map, Value};

/// The component property that carries the whole card as this workbench's JSON.
pub const CARD_PROPERTY: &str = "mlops-governance-workbench:card";

/// Whether JSON is a CycloneDX BOM.
pub fn is_bom(value: &Value) -> bool {
    value.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX")
}

/// The model card of a BOM, read into a card.
#[derive(Debug, Clone, PartialEq)]
pub struct BomImport {
    pub card: ModelCard,
    /// The BOM carried this workbench's own card, read exactly.
    pub exact: bool,
    pub filled: Vec<Field>,
}

impl BomImport {
    pub fn summary(&self) -> String {
        if self.exact {
            return "Read the whole card from the BOM.".to_owned();
        }
        let labels: Vec<&str> = self.filled.iter().map(|f| f.label()).collect();
        format!(
            "Read the model card of a CycloneDX BOM. Filled {} ({}). Kept the whole component, so the CycloneDX export gives it back.",
            plural(self.filled.len(), "field", "fields"),
            labels.join(", ")
        )
    }
}

/// The first `machine-learning-model` component, nested components included.
fn model_component(components: &[Value]) -> Option<&Map<String, Value>> {
    components.iter().find_map(|c| {
        let object = c.as_object()?;
        if object.get("type").and_then(Value::as_str) == Some("machine-learning-model") {
            return Some(object);
        }
        model_component(object.get("components")?.as_array()?)
    })
}

/// Reads a BOM's model card. Errors say why in a sentence.
pub fn parse_bom(text: &str) -> Result<BomImport, String> {
    let value = parse_json(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    read_bom(&value)
}

/// Reads the model card of a BOM already parsed as JSON.
pub fn read_bom(value: &Value) -> Result<BomImport, String> {
    if !is_bom(value) {
        return Err("This is not a CycloneDX BOM (it has no \"bomFormat\": \"CycloneDX\").".into());
    }
    let components = value
        .get("components")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let mut component = model_component(components)
        .cloned()
        .ok_or("This BOM has no machine-learning-model component, so it holds no model card.")?;
    let own = take_card_property(&mut component);
    if let Some(json) = own {
        let mut card = parse_card_json(&json).map_err(|e| {
            format!("The BOM's {CARD_PROPERTY} property is not a card this workbench reads: {e}")
        })?;
        card.imported_bom = Some(Value::Object(component));
        return Ok(BomImport {
            card,
            exact: true,
            filled: Vec::new(),
        });
    }
    let mut card = ModelCard::default();
    let filled = read_fields(&component).fill(&mut card);
    card.imported_bom = Some(Value::Object(component));
    Ok(BomImport {
        card,
        exact: false,
        filled,
    })
}

/// Removes this workbench's card property from a component; returns its JSON text.
pub fn take_card_property(component: &mut Map<String, Value>) -> Option<String> {
    let Some(Value::Array(properties)) = component.get_mut("properties") else {
        return None;
    };
    let at = properties
        .iter()
        .position(|p| p.get("name").and_then(Value::as_str) == Some(CARD_PROPERTY))?;
    let property = properties.remove(at);
    if properties.is_empty() {
        component.remove("properties");
    }
    property
        .get("value")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn strings(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// What a `machine-learning-model` component gives the card's fields.
pub fn read_fields(component: &Map<String, Value>) -> ExchangeFields {
    let c = Value::Object(component.clone());
    let authors = list_at(&c, &["authors"]);
    let datasets = list_at(&c, &["modelCard", "modelParameters", "datasets"]);
    let dataset = |pick: fn(&str) -> bool| {
        datasets
            .iter()
            .find(|d| pick(text_at(d, &["name"])))
            .map(|d| text_at(d, &["description"]).to_owned())
            .unwrap_or_default()
    };
    let license = list_at(&c, &["licenses"])
        .first()
        .map(|l| {
            [
                text_at(l, &["license", "id"]),
                text_at(l, &["license", "name"]),
                text_at(l, &["expression"]),
            ]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_default()
            .to_owned()
        })
        .unwrap_or_default();
    let considerations = |key: &str| strings(list_at(&c, &["modelCard", "considerations", key]));
    ExchangeFields {
        name: text_at(&c, &["name"]).to_owned(),
        version: text_at(&c, &["version"]).to_owned(),
        overview: text_at(&c, &["description"]).to_owned(),
        owner_team: authors
            .iter()
            .map(|a| text_at(a, &["name"]))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        contact_email: authors
            .iter()
            .map(|a| text_at(a, &["email"]))
            .find(|e| is_email(e))
            .unwrap_or_default()
            .to_owned(),
        license,
        architecture: text_at(&c, &["modelCard", "modelParameters", "modelArchitecture"])
            .to_owned(),
        training: dataset(is_training),
        evaluation: dataset(is_evaluation),
        sensitive: datasets
            .iter()
            .flat_map(|d| strings(list_at(d, &["sensitiveData"])))
            .collect(),
        results: list_at(
            &c,
            &["modelCard", "quantitativeAnalysis", "performanceMetrics"],
        )
        .iter()
        .map(|m| EvalResult {
            metric_type: text_at(m, &["type"]).to_owned(),
            value: MetricValue::typed(text_at(m, &["value"])),
            slice: text_at(m, &["slice"]).to_owned(),
            lower: text_at(m, &["confidenceInterval", "lowerBound"]).to_owned(),
            upper: text_at(m, &["confidenceInterval", "upperBound"]).to_owned(),
            ..EvalResult::default()
        })
        .collect(),
        use_cases: considerations("useCases"),
        limitations: considerations("technicalLimitations"),
        risks: list_at(
            &c,
            &["modelCard", "considerations", "ethicalConsiderations"],
        )
        .iter()
        .map(|r| text_at(r, &["name"]).to_owned())
        .filter(|n| !n.is_empty())
        .collect(),
        task: text_at(&c, &["modelCard", "modelParameters", "task"]).to_owned(),
        tags: strings(list_at(&c, &["tags"])),
    }
}
