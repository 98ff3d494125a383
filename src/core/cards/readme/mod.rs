//! A card as a Hugging Face model card `README.md`, and such READMEs read back into a card.
//!
//! Export of a card made here: YAML front matter with the Hub's keys (`model_name`,
//! `license`, `tags`, `metrics`, `model-index` from the evaluation results) and the whole
//! card, in the lesson's `to_json` shape, under `mlops_governance_card`; then a Markdown body
//! in the sections of the Hub's model card template. The body escapes every user text so that
//! it renders literally: no markup and no HTML comes from a card.
//!
//! Export of an imported card: the original README again, key by key and section by section
//! ([`crate::core::cards::origin`]): each kept key and section as written, except where the author changed the
//! field it fills, which is then written from the field. Fields the original had no place
//! for follow under [`APPENDED_HEADING`].
//!
//! Import: a README with `mlops_governance_card` gives that card exactly. Any other README
//! fills what maps and keeps the rest as written, so nothing is lost.

use crate::core::cards::card::{ModelCard, NamedNumber, UNTITLED_CARD};
use crate::core::cards::fields::{Field, ListKey, TextKey};
use crate::core::cards::yaml::{Yaml, is_plain_number, write_yaml};
use crate::core::records::document::{DocumentError, decode_at};
use crate::core::text::number::format_count;
use crate::core::text::words::plural;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

mod body;
use body::write_body;
mod import;
mod imported;
pub mod model_index;
pub mod sections;

use crate::core::text::markdown::{escape_block, escape_inline};
pub use import::{ReadmeError, ReadmeImport, parse_readme};
use model_index::{value_to_yaml, write_model_index};

/// The front matter key that carries the whole card, for a lossless import.
pub const CARD_KEY: &str = "mlops_governance_card";

/// Inside [`CARD_KEY`]: `true` when the card came from another README, whose keys and
/// sections are then the rest of the exported README (they are not copied into the card).
const ORIGIN_FLAG: &str = "imported_readme";

/// The heading under which an imported card's export adds the fields its original README
/// had no place for. Reading such a README back drops this part (the card holds it).
pub const APPENDED_HEADING: &str = "## More from the MLOps Governance Workbench";

/// The Hub template's text for a section with nothing in it.
const NEEDED: &str = "[More Information Needed]";

// ---------------------------------------------------------------------------------------------
// Export

/// The card as a Hugging Face `README.md`: front matter, then the Markdown body.
pub fn card_to_readme(card: &ModelCard) -> String {
    if let Some(imported) = &card.imported_readme {
        return imported::write_imported(card, imported);
    }
    let mut out = String::from("---\n");
    out.push_str(&write_yaml(&front_matter(card)));
    out.push_str("---\n\n");
    write_body(card, &mut out);
    out
}

fn text(value: &str) -> Yaml {
    Yaml::Str(value.to_owned())
}

/// What a README of this card cannot hold. Only one case: an imported README whose front
/// matter is not valid YAML is written back unchanged, so the fields that live in the front
/// matter (licence, tags, evaluation results) have nowhere to go. Everything else has a place.
pub fn readme_losses(card: &ModelCard) -> Vec<String> {
    let invalid = card.imported_readme.as_ref().is_some_and(|o| {
        matches!(
            o.front_matter,
            crate::core::cards::origin::FrontMatter::Invalid { .. }
        )
    });
    if !invalid {
        return Vec::new();
    }
    [
        Field::Text(TextKey::License),
        Field::List(ListKey::Tags),
        Field::EvalResults,
    ]
    .into_iter()
    .filter(|f| card.is_filled(*f))
    .map(|f| f.label().to_owned())
    .collect()
}

/// The name for headings and the Hub's `model-index`, which needs one.
pub(super) fn display_name(card: &ModelCard) -> &str {
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
    if !card.eval_results.is_empty() {
        front.push((
            "model-index",
            write_model_index(display_name(card), &card.eval_results),
        ));
    }
    front.push((CARD_KEY, card_yaml(card)));
    front.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A number as YAML 1.1 readers (PyYAML, which the Hub uses) read a float: a dot in the
/// mantissa and a sign in the exponent (`1e-3` → `1.0e-3`, `2E5` → `2.0E+5`). Only the Hub's
/// `model-index` gets this form; the card's own copy keeps the text as typed.
pub(super) fn hub_number(text: &str) -> String {
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
            ORIGIN_FLAG => Yaml::Bool(true),
            _ => value_to_yaml(&value),
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
