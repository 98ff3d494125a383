//! Evaluation results as data: one metric on one dataset for one task, as the Hugging Face
//! Hub's `model-index` holds them (task, dataset, metric, source), beside the lesson's own
//! performance metrics (name → number), which stay as they are.
//!
//! A value is kept as typed: a number such as `0.9040`, or a text such as `-8.17 +/- 59.21`
//! (reinforcement-learning cards report a mean and a spread). Whatever else a result held
//! that no field names (`verifyToken`, a metric's `args`, keys the Hub adds later) is kept in
//! `extra` under its place (`metric.verifyToken`), so writing the results back loses nothing.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A metric's value as written: a number, or any other text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricValue {
    /// A plain number as written (`0.57870` stays `0.57870`).
    Number(String),
    Text(String),
}

impl Default for MetricValue {
    fn default() -> Self {
        MetricValue::Text(String::new())
    }
}

impl MetricValue {
    /// What the author typed: a number when it is one, otherwise text.
    pub fn typed(text: &str) -> Self {
        if crate::core::cards::yaml::is_plain_number(text) {
            MetricValue::Number(text.to_owned())
        } else {
            MetricValue::Text(text.to_owned())
        }
    }

    pub fn as_text(&self) -> &str {
        match self {
            MetricValue::Number(text) | MetricValue::Text(text) => text,
        }
    }
}

/// The dataset a result was measured on. `args` is whatever the card wrote there (a text
/// such as `ast cat devtest`, or a mapping), as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
pub struct DatasetRef {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub config: String,
    pub split: String,
    pub revision: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub args: String,
}

impl DatasetRef {
    /// "flores101-devtest (config: ast, split: test)" for headings and tables.
    pub fn label(&self) -> String {
        let name = match (self.name.trim(), self.kind.trim()) {
            ("", "") => "Unnamed dataset",
            ("", kind) => kind,
            (name, _) => name,
        };
        let details: Vec<String> = [("type", &self.kind), ("config", &self.config)]
            .into_iter()
            .chain([("split", &self.split), ("revision", &self.revision)])
            .filter(|(label, value)| {
                !(value.trim().is_empty() || (*label == "type" && value.trim() == name))
            })
            .map(|(label, value)| format!("{label}: {}", value.trim()))
            .collect();
        if details.is_empty() {
            name.to_owned()
        } else {
            format!("{name} ({})", details.join(", "))
        }
    }
}

/// One evaluation result: one metric of one task on one dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvalResult {
    pub task_type: String,
    pub task_name: String,
    pub dataset: DatasetRef,
    pub metric_type: String,
    pub metric_name: String,
    pub value: MetricValue,
    /// The confidence interval's ends, as typed; both empty when there is none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lower: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub upper: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub slice: String,
    /// `None` when the card does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source_url: String,
    /// Keys no field names, under their place: `task.…`, `dataset.…`, `metric.…`, `result.…`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Value>,
}

impl EvalResult {
    /// The metric's name for tables: its name, else its type.
    pub fn metric_label(&self) -> &str {
        match (self.metric_name.trim(), self.metric_type.trim()) {
            ("", "") => "Unnamed metric",
            ("", kind) => kind,
            (name, _) => name,
        }
    }

    /// The task for tables: its name, else its type.
    pub fn task_label(&self) -> &str {
        match self.task_name.trim() {
            "" => self.task_type.trim(),
            name => name,
        }
    }
}

/// Results grouped by dataset, in the order each dataset first appears; each group holds the
/// indexes of its results in the card's list.
pub fn group_by_dataset(results: &[EvalResult]) -> Vec<(&DatasetRef, Vec<usize>)> {
    let mut groups: Vec<(&DatasetRef, Vec<usize>)> = Vec::new();
    let mut index: std::collections::BTreeMap<&DatasetRef, usize> = Default::default();
    for (i, result) in results.iter().enumerate() {
        match index.get(&result.dataset) {
            Some(&g) => {
                if let Some((_, members)) = groups.get_mut(g) {
                    members.push(i);
                }
            }
            None => {
                index.insert(&result.dataset, groups.len());
                groups.push((&result.dataset, vec![i]));
            }
        }
    }
    groups
}
