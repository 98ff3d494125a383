//! A card as a Hugging Face model card `README.md`, and such READMEs read back into a card.
//!
//! Export: YAML front matter with the Hub's keys (`model_name`, `license`, `tags`, `metrics`,
//! `model-index` with the performance metrics that are numbers) and the whole card, in the
//! lesson's `to_json` shape, under `mlops_governance_card`; then a Markdown body in the
//! sections of the Hub's model card template. The body escapes every user text so that it
//! renders literally: no markup and no HTML comes from a card.
//!
//! Import: a README with `mlops_governance_card` gives that card exactly (the body is ignored).
//! Any other README fills what maps (name, licence, tags, metrics, model type, contact
//! e-mail) and keeps everything else, front matter and body, as the card's other README
//! text, so nothing is lost.

use crate::core::cards::card::{ModelCard, NamedNumber, UNTITLED_CARD};
use crate::core::cards::checks::is_email;
use crate::core::cards::fields::{Field, ListKey, TableKey, TextKey};
use crate::core::cards::yaml::{Yaml, is_plain_number, parse_yaml, write_yaml};
use crate::core::records::document::{DocumentError, decode_at};
use crate::core::text::number::format_count;
use crate::core::text::words::plural;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

mod body;
use body::write_body;
mod import;

use crate::core::text::markdown::{escape_block, escape_inline};
pub use import::{ReadmeError, ReadmeImport, parse_readme};

/// The front matter key that carries the whole card, for a lossless import.
pub const CARD_KEY: &str = "mlops_governance_card";

/// The Hub template's text for a section with nothing in it.
const NEEDED: &str = "[More Information Needed]";

// ---------------------------------------------------------------------------------------------
// Export

/// The card as a Hugging Face `README.md`: front matter, then the Markdown body.
pub fn card_to_readme(card: &ModelCard) -> String {
    let mut out = String::from("---\n");
    out.push_str(&write_yaml(&front_matter(card)));
    out.push_str("---\n\n");
    write_body(card, &mut out);
    out
}

fn text(value: &str) -> Yaml {
    Yaml::Str(value.to_owned())
}

fn map(entries: Vec<(&str, Yaml)>) -> Yaml {
    Yaml::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// The name for headings and the Hub's `model-index`, which needs one.
fn display_name(card: &ModelCard) -> &str {
    match card.model_name.trim() {
        "" => UNTITLED_CARD,
        name => name,
    }
}

fn front_matter(card: &ModelCard) -> Vec<(String, Yaml)> {
    let named: Vec<&NamedNumber> = card
        .performance_metrics
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .collect();
    let metrics: Vec<Yaml> = named
        .iter()
        .filter(|m| is_plain_number(m.value.trim()))
        .map(|m| {
            map(vec![
                ("type", text(&m.name)),
                ("value", Yaml::Number(hub_number(m.value.trim()))),
                ("name", text(&m.name)),
            ])
        })
        .collect();
    let results = if metrics.is_empty() {
        Vec::new()
    } else {
        let task = match card.model_type.trim() {
            "" => "other",
            kind => kind,
        };
        let dataset = card
            .evaluation_data_description
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("Evaluation data");
        vec![map(vec![
            ("task", map(vec![("type", text(task))])),
            (
                "dataset",
                map(vec![("name", text(dataset)), ("type", text("custom"))]),
            ),
            ("metrics", Yaml::Seq(metrics)),
        ])]
    };
    let mut front = vec![("model_name", text(&card.model_name))];
    if !card.license.trim().is_empty() {
        front.push(("license", text(&card.license)));
    }
    front.push((
        "tags",
        Yaml::Seq(card.tags.iter().map(|t| text(t)).collect()),
    ));
    front.push((
        "metrics",
        Yaml::Seq(named.iter().map(|m| text(&m.name)).collect()),
    ));
    front.push((
        "model-index",
        Yaml::Seq(vec![map(vec![
            ("name", text(display_name(card))),
            ("results", Yaml::Seq(results)),
        ])]),
    ));
    front.push((CARD_KEY, card_yaml(card)));
    front.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A number as YAML 1.1 readers (PyYAML, which the Hub uses) read a float: a dot in the
/// mantissa and a sign in the exponent (`1e-3` → `1.0e-3`, `2E5` → `2.0E+5`). Only the Hub's
/// `model-index` gets this form; the card's own copy keeps the text as typed.
fn hub_number(text: &str) -> String {
    let Some(at) = text.find(['e', 'E']) else {
        return text.to_owned();
    };
    let (mantissa, mark, digits) = (
        text.get(..at).unwrap_or_default(),
        text.get(at..=at).unwrap_or_default(),
        text.get(at + 1..).unwrap_or_default(),
    );
    let dot = if mantissa.contains('.') { "" } else { ".0" };
    let sign = if digits.starts_with(['+', '-']) {
        ""
    } else {
        "+"
    };
    format!("{mantissa}{dot}{mark}{sign}{digits}")
}

/// The card in the lesson's `to_json` shape, with every table value written as typed: a plain
/// number when it is one (`0.7560` stays `0.7560`), otherwise a string.
fn card_yaml(card: &ModelCard) -> Yaml {
    let Ok(Value::Object(object)) = serde_json::to_value(card) else {
        return Yaml::Map(Vec::new());
    };
    let entries = object.into_iter().map(|(key, value)| {
        let node = match key.as_str() {
            "performance_metrics" => table_yaml(&card.performance_metrics),
            "decision_thresholds" => table_yaml(&card.decision_thresholds),
            "fairness_metrics" => rows_yaml(
                card.fairness_metrics
                    .iter()
                    .map(|g| (g.group.as_str(), table_yaml(&g.subgroups)))
                    .collect(),
            ),
            _ => from_json(value),
        };
        (key, node)
    });
    Yaml::Map(entries.collect())
}

/// Rows as a mapping, or as `[name, value]` pairs while two share a name (as `cards::json::shape`).
fn rows_yaml(rows: Vec<(&str, Yaml)>) -> Yaml {
    let mut seen = BTreeSet::new();
    if rows.iter().all(|(name, _)| seen.insert(*name)) {
        Yaml::Map(rows.into_iter().map(|(n, v)| (n.to_owned(), v)).collect())
    } else {
        Yaml::Seq(
            rows.into_iter()
                .map(|(n, v)| Yaml::Seq(vec![text(n), v]))
                .collect(),
        )
    }
}

fn table_yaml(rows: &[NamedNumber]) -> Yaml {
    rows_yaml(
        rows.iter()
            .map(|row| {
                let value = if is_plain_number(&row.value) {
                    Yaml::Number(row.value.clone())
                } else {
                    text(&row.value)
                };
                (row.name.as_str(), value)
            })
            .collect(),
    )
}

fn from_json(value: Value) -> Yaml {
    match value {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Bool(b),
        Value::Number(n) => Yaml::Number(n.to_string()),
        Value::String(s) => Yaml::Str(s),
        Value::Array(items) => Yaml::Seq(items.into_iter().map(from_json).collect()),
        Value::Object(object) => {
            Yaml::Map(object.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
    }
}

/// The card's JSON for serde: whole numbers become JSON numbers (counts); other numbers stay
/// text, which the card's tables read as typed, so nothing is rounded.
fn to_json(yaml: Yaml) -> Value {
    match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => match (n.parse::<u64>(), n.parse::<i64>()) {
            (Ok(u), _) if u.to_string() == n => Value::from(u),
            (_, Ok(i)) if i.to_string() == n => Value::from(i),
            _ => Value::String(n),
        },
        Yaml::Str(s) => Value::String(s),
        Yaml::Seq(items) => Value::Array(items.into_iter().map(to_json).collect()),
        Yaml::Map(entries) => {
            Value::Object(entries.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}
