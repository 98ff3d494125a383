//! Google's Model Card Toolkit (MCT) JSON: cards of schema 0.0.1 and 0.0.2 read into a
//! card, and a card written as 0.0.2 ([`export`]).
//!
//! The card keeps the MCT JSON it came from (brought to 0.0.2, [`upgrade`]), graphics
//! included, so nothing is lost: the export writes that JSON back, with the author's value
//! wherever a mapped field was changed. What maps is in [`read_fields`], used both ways.

pub mod export;
pub mod upgrade;

use crate::core::cards::card::ModelCard;
use crate::core::cards::checks::is_email;
use crate::core::cards::exchange::{ExchangeFields, list_at, text_at};
use crate::core::cards::fields::Field;
use crate::core::cards::results::{EvalResult, MetricValue};
use crate::core::text::json::parse_json;
use crate::core::text::words::plural;
use serde_json::{Map, Value};

/// Whether a JSON object is an MCT card: a `schema_version` of 0.0.x, or MCT's sections and
/// none of this workbench's own card fields.
pub fn is_mct(value: &Value) -> bool {
    let Value::Object(object) = value else {
        return false;
    };
    let version = object.get("schema_version").and_then(Value::as_str);
    version.is_some_and(|v| v.starts_with("0.0."))
        || (object.contains_key("model_details") && !object.contains_key("model_name"))
}

/// An MCT card read into a card, and what went where.
#[derive(Debug, Clone, PartialEq)]
pub struct MctImport {
    pub card: ModelCard,
    pub version: String,
    pub filled: Vec<Field>,
    pub graphics: usize,
}

impl MctImport {
    pub fn summary(&self) -> String {
        let labels: Vec<&str> = self.filled.iter().map(|f| f.label()).collect();
        format!(
            "Read a Model Card Toolkit card (schema {}). Filled {} ({}). Kept the whole card{}, so the Model Card Toolkit export gives it back.",
            self.version,
            plural(self.filled.len(), "field", "fields"),
            labels.join(", "),
            if self.graphics > 0 {
                format!(" with its {}", plural(self.graphics, "graphic", "graphics"))
            } else {
                String::new()
            }
        )
    }
}

/// Reads MCT JSON text. Errors say why in a sentence.
pub fn parse_mct(text: &str) -> Result<MctImport, String> {
    let value = parse_json(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    read_mct(value)
}

/// Reads an MCT card already parsed as JSON.
pub fn read_mct(value: Value) -> Result<MctImport, String> {
    if !is_mct(&value) {
        return Err("This is not a Model Card Toolkit card (it has no model_details).".into());
    }
    let Value::Object(object) = value else {
        return Err("A Model Card Toolkit card is one object {…}.".into());
    };
    let version = object
        .get("schema_version")
        .and_then(Value::as_str)
        .unwrap_or("0.0.2")
        .to_owned();
    if !matches!(version.as_str(), "0.0.1" | "0.0.2") {
        return Err(format!(
            "This Model Card Toolkit card has schema version {version}; this workbench reads 0.0.1 and 0.0.2."
        ));
    }
    let mct = upgrade::to_v0_0_2(object);
    let fields = read_fields(&mct);
    let mut card = ModelCard::default();
    let filled = fields.fill(&mut card);
    let graphics = graphics(&mct).len();
    card.imported_mct = Some(Value::Object(mct));
    Ok(MctImport {
        card,
        version,
        filled,
        graphics,
    })
}

/// The `description` (or `name`) of each object in a list.
fn descriptions(items: &[Value], key: &str) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| i.get(key).and_then(Value::as_str))
        .map(str::to_owned)
        .collect()
}

/// Whether a dataset's name says it is for training, or for evaluation.
pub fn is_training(name: &str) -> bool {
    name.to_lowercase().contains("train")
}

pub fn is_evaluation(name: &str) -> bool {
    let name = name.to_lowercase();
    ["eval", "test", "valid"].iter().any(|w| name.contains(w))
}

/// What an MCT 0.0.2 card gives each mapped field.
pub fn read_fields(mct: &Map<String, Value>) -> ExchangeFields {
    let card = Value::Object(mct.clone());
    let owners = list_at(&card, &["model_details", "owners"]);
    let data = list_at(&card, &["model_parameters", "data"]);
    let dataset_text = |pick: fn(&str) -> bool| {
        data.iter()
            .find(|d| pick(d.get("name").and_then(Value::as_str).unwrap_or_default()))
            .map(|d| text_at(d, &["description"]).to_owned())
            .unwrap_or_default()
    };
    let license = list_at(&card, &["model_details", "licenses"])
        .first()
        .map(|l| {
            let id = text_at(l, &["identifier"]);
            if id.is_empty() {
                text_at(l, &["custom_text"]).to_owned()
            } else {
                id.to_owned()
            }
        })
        .unwrap_or_default();
    ExchangeFields {
        name: text_at(&card, &["model_details", "name"]).to_owned(),
        version: text_at(&card, &["model_details", "version", "name"]).to_owned(),
        overview: text_at(&card, &["model_details", "overview"]).to_owned(),
        owner_team: descriptions(owners, "name").join(", "),
        contact_email: owners
            .iter()
            .map(|o| text_at(o, &["contact"]))
            .find(|c| is_email(c))
            .unwrap_or_default()
            .to_owned(),
        license,
        architecture: text_at(&card, &["model_parameters", "model_architecture"]).to_owned(),
        training: dataset_text(is_training),
        evaluation: dataset_text(is_evaluation),
        sensitive: data
            .iter()
            .flat_map(|d| list_at(d, &["sensitive", "sensitive_data"]))
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        results: list_at(&card, &["quantitative_analysis", "performance_metrics"])
            .iter()
            .map(metric_result)
            .collect(),
        use_cases: descriptions(
            list_at(&card, &["considerations", "use_cases"]),
            "description",
        ),
        limitations: descriptions(
            list_at(&card, &["considerations", "limitations"]),
            "description",
        ),
        risks: descriptions(
            list_at(&card, &["considerations", "ethical_considerations"]),
            "name",
        ),
        task: String::new(),
        tags: Vec::new(),
    }
}

/// One MCT performance metric as an evaluation result (type, value, slice, interval, and
/// its threshold kept under `metric.threshold`).
fn metric_result(metric: &Value) -> EvalResult {
    let mut result = EvalResult {
        metric_type: text_at(metric, &["type"]).to_owned(),
        value: MetricValue::typed(text_at(metric, &["value"])),
        slice: text_at(metric, &["slice"]).to_owned(),
        lower: text_at(metric, &["confidence_interval", "lower_bound"]).to_owned(),
        upper: text_at(metric, &["confidence_interval", "upper_bound"]).to_owned(),
        ..EvalResult::default()
    };
    if let Some(threshold) = metric.get("threshold") {
        result
            .extra
            .insert("metric.threshold".into(), threshold.clone());
    }
    result
}

/// A graphic of an imported MCT card: its name, and its image as a `data:` URL when the
/// base64 holds a PNG, JPEG, GIF or WebP (otherwise `None`: kept, but not shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graphic {
    pub name: String,
    pub data_url: Option<String>,
}

/// The image type of base64 data, by its first bytes; `None` unless it is all base64.
fn image_type(base64: &str) -> Option<&'static str> {
    let base64 = base64.trim();
    let valid = !base64.is_empty()
        && base64
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\n' | b'\r'));
    if !valid {
        return None;
    }
    [
        ("iVBORw0KGgo", "image/png"),
        ("/9j/", "image/jpeg"),
        ("R0lGOD", "image/gif"),
        ("UklGR", "image/webp"),
    ]
    .into_iter()
    .find(|(magic, _)| base64.starts_with(magic))
    .map(|(_, mime)| mime)
}

/// Every graphic of an MCT 0.0.2 card: of its datasets, then of its quantitative analysis.
pub fn graphics(mct: &Map<String, Value>) -> Vec<Graphic> {
    let card = Value::Object(mct.clone());
    let mut collections: Vec<&[Value]> = list_at(&card, &["model_parameters", "data"])
        .iter()
        .map(|d| list_at(d, &["graphics", "collection"]))
        .collect();
    collections.push(list_at(
        &card,
        &["quantitative_analysis", "graphics", "collection"],
    ));
    collections
        .into_iter()
        .flatten()
        .map(|g| {
            let image = text_at(g, &["image"]);
            Graphic {
                name: text_at(g, &["name"]).to_owned(),
                data_url: image_type(image).map(|mime| {
                    let clean: String = image.chars().filter(|c| !c.is_whitespace()).collect();
                    format!("data:{mime};base64,{clean}")
                }),
            }
        })
        .collect()
}
