//! Model Card Toolkit schema 0.0.1 to 0.0.2, on the JSON value.
//!
//! The differences (MCT's own `model_card.py` history and the two schemas): `license` (text)
//! became `licenses[{identifier | custom_text}]`; `references` (texts) became
//! `[{reference}]`; `citation` (text) became `citations[{citation}]`; `data` (`{train, eval}`)
//! became a list of named datasets; considerations (texts) became `{description}` objects;
//! a dataset's `sensitive` (a boolean) became `{sensitive_data: [...]}`; metric values,
//! bounds and thresholds became text. Dates are written ISO (`08/28/2020` → `2020-08-28`).

use serde_json::{Map, Value, json};

/// A license as 0.0.2 writes it: an SPDX-like identifier (no spaces), or custom text.
pub fn license(text: &str) -> Value {
    if !text.is_empty() && !text.contains(char::is_whitespace) {
        json!({ "identifier": text })
    } else {
        json!({ "custom_text": text })
    }
}

/// `MM/DD/YYYY` or `YYYY/MM/DD` as `YYYY-MM-DD`; other text as it is.
pub fn iso_date(text: &str) -> String {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => format!("{y}-{m}-{d}"),
        [m, d, y] if digits(y, 4) && digits(m, 2) && digits(d, 2) => format!("{y}-{m}-{d}"),
        _ => text.to_owned(),
    }
}

/// A number or text as text (0.0.2 writes metric values as strings).
pub fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn texts_to(objects: &mut Value, key: &str) {
    if let Value::Array(items) = objects {
        for item in items.iter_mut() {
            if let Value::String(text) = item {
                *item = json!({ key: text.clone() });
            }
        }
    }
}

fn dataset(mut data: Value, name: &str) -> Value {
    if let Value::Object(d) = &mut data {
        d.entry("name").or_insert_with(|| json!(name));
        if let Some(Value::Bool(_)) = d.get("sensitive") {
            d.remove("sensitive");
        }
    }
    data
}

/// Brings a card of either version to 0.0.2's shape; 0.0.2 cards come back as they are,
/// with only the shapes 0.0.1 used (if a card mixes them) rewritten.
pub fn to_v0_0_2(mut card: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(details)) = card.get_mut("model_details") {
        if let Some(Value::String(text)) = details.remove("license") {
            details
                .entry("licenses")
                .or_insert_with(|| Value::Array(vec![license(&text)]));
        }
        if let Some(refs) = details.get_mut("references") {
            texts_to(refs, "reference");
        }
        if let Some(Value::String(text)) = details.get("citation").cloned() {
            details.remove("citation");
            details
                .entry("citations")
                .or_insert_with(|| json!([{ "citation": text }]));
        }
        if let Some(Value::Object(version)) = details.get_mut("version")
            && let Some(Value::String(date)) = version.get("date").cloned()
        {
            version.insert("date".into(), json!(iso_date(&date)));
        }
    }
    if let Some(Value::Object(parameters)) = card.get_mut("model_parameters")
        && let Some(Value::Object(split)) = parameters.get("data").cloned()
    {
        let list = split
            .into_iter()
            .map(|(name, data)| dataset(data, &name))
            .collect();
        parameters.insert("data".into(), Value::Array(list));
    }
    if let Some(Value::Object(analysis)) = card.get_mut("quantitative_analysis")
        && let Some(Value::Array(metrics)) = analysis.get_mut("performance_metrics")
    {
        for metric in metrics.iter_mut().filter_map(Value::as_object_mut) {
            for key in ["value", "threshold"] {
                if let Some(text) = metric.get(key).and_then(as_text) {
                    metric.insert(key.into(), json!(text));
                }
            }
            if let Some(Value::Object(interval)) = metric.get_mut("confidence_interval") {
                for key in ["lower_bound", "upper_bound"] {
                    if let Some(text) = interval.get(key).and_then(as_text) {
                        interval.insert(key.into(), json!(text));
                    }
                }
            }
        }
    }
    if let Some(Value::Object(considerations)) = card.get_mut("considerations") {
        for key in ["users", "use_cases", "limitations", "tradeoffs"] {
            if let Some(list) = considerations.get_mut(key) {
                texts_to(list, "description");
            }
        }
        if let Some(risks) = considerations.get_mut("ethical_considerations") {
            texts_to(risks, "name");
        }
    }
    card.insert("schema_version".into(), json!("0.0.2"));
    card
}
