//! The Hub's `model-index` to evaluation results and back.
//!
//! `model-index` is a list of models, each with `results`; a result has a `task`, a
//! `dataset`, a list of `metrics` and a `source`. Each metric becomes one [`EvalResult`]
//! that carries its task, dataset and source; writing back groups consecutive results that
//! share them, which gives the original structure again. Keys no field names are kept in
//! `extra` and written back in place. A `model-index` written as one mapping (`{name: …}`,
//! from old Trainer cards) reads as a list of one.

use crate::core::cards::results::{DatasetRef, EvalResult, MetricValue};
use crate::core::cards::yaml::Yaml;
use serde_json::{Map, Value};

/// What `model-index` holds: the first model's name and all its results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelIndex {
    pub name: Option<String>,
    pub results: Vec<EvalResult>,
}

/// Reads `model-index`; `Err` says why it is not one this workbench can hold as results
/// (then the README keeps it as written).
pub fn read_model_index(value: &Yaml) -> Result<ModelIndex, String> {
    let models: &[Yaml] = match value {
        Yaml::Seq(models) => models,
        Yaml::Map(_) => std::slice::from_ref(value),
        Yaml::Null => &[],
        _ => return Err("it is neither a list nor a mapping".into()),
    };
    if models.len() > 1 {
        return Err("it describes more than one model".into());
    }
    let Some(model) = models.first() else {
        return Ok(ModelIndex::default());
    };
    let Yaml::Map(entries) = model else {
        return Err("its model is not a mapping".into());
    };
    let mut index = ModelIndex::default();
    for (key, value) in entries {
        match (key.as_str(), value) {
            ("name", value) => index.name = value.scalar_text().map(str::to_owned),
            ("results", Yaml::Seq(results)) => {
                for (r, result) in results.iter().enumerate() {
                    read_result(result, &mut index.results)
                        .map_err(|e| format!("results[{r}]: {e}"))?;
                }
            }
            ("results", Yaml::Null) => {}
            ("results", _) => return Err("its results are not a list".into()),
            (other, _) => return Err(format!("its model has a key \"{other}\" not known here")),
        }
    }
    Ok(index)
}

/// The text of a scalar; a list or mapping goes to `extra` instead.
fn scalar(value: &Yaml) -> Option<String> {
    value.scalar_text().map(str::to_owned)
}

fn read_result(result: &Yaml, out: &mut Vec<EvalResult>) -> Result<(), String> {
    let Yaml::Map(entries) = result else {
        return Err("not a mapping".into());
    };
    let mut shared = EvalResult::default();
    let mut metrics: &[Yaml] = &[];
    for (key, value) in entries {
        match (key.as_str(), value) {
            ("task", Yaml::Map(task)) => {
                for (k, v) in task {
                    match (k.as_str(), scalar(v)) {
                        ("type", Some(t)) => shared.task_type = t,
                        ("name", Some(n)) => shared.task_name = n,
                        _ => keep(&mut shared.extra, "task", k, v),
                    }
                }
            }
            ("dataset", Yaml::Map(dataset)) => {
                let d = &mut shared.dataset;
                for (k, v) in dataset {
                    match (k.as_str(), scalar(v)) {
                        ("name", Some(t)) => d.name = t,
                        ("type", Some(t)) => d.kind = t,
                        ("config", Some(t)) => d.config = t,
                        ("split", Some(t)) => d.split = t,
                        ("revision", Some(t)) => d.revision = t,
                        ("args", Some(t)) if !t.is_empty() => d.args = t,
                        _ => keep(&mut shared.extra, "dataset", k, v),
                    }
                }
            }
            ("source", Yaml::Map(source)) => {
                for (k, v) in source {
                    match (k.as_str(), scalar(v)) {
                        ("name", Some(t)) => shared.source_name = t,
                        ("url", Some(t)) => shared.source_url = t,
                        _ => keep(&mut shared.extra, "source", k, v),
                    }
                }
            }
            ("metrics", Yaml::Seq(items)) => metrics = items,
            ("metrics", Yaml::Null) => {}
            ("metrics", _) => return Err("its metrics are not a list".into()),
            _ => keep(&mut shared.extra, "result", key, value),
        }
    }
    if metrics.is_empty() {
        return Err("it has no metrics".into());
    }
    for (m, metric) in metrics.iter().enumerate() {
        let Yaml::Map(fields) = metric else {
            return Err(format!("metrics[{m}] is not a mapping"));
        };
        let mut result = shared.clone();
        for (k, v) in fields {
            match (k.as_str(), v) {
                ("type", v) if scalar(v).is_some() => {
                    result.metric_type = scalar(v).unwrap_or_default()
                }
                ("name", v) if scalar(v).is_some() => {
                    result.metric_name = scalar(v).unwrap_or_default()
                }
                ("value", Yaml::Number(n)) => result.value = MetricValue::Number(n.clone()),
                ("value", Yaml::Str(t)) => result.value = MetricValue::Text(t.clone()),
                ("verified", Yaml::Bool(b)) => result.verified = Some(*b),
                _ => keep(&mut result.extra, "metric", k, v),
            }
        }
        out.push(result);
    }
    Ok(())
}

fn keep(extra: &mut Map<String, Value>, place: &str, key: &str, value: &Yaml) {
    extra.insert(format!("{place}.{key}"), yaml_to_value(value));
}

/// A YAML value as JSON, numbers exactly as written.
pub fn yaml_to_value(value: &Yaml) -> Value {
    match value {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Number(n) => serde_json::from_str(n).unwrap_or_else(|_| Value::String(n.clone())),
        Yaml::Str(s) => Value::String(s.clone()),
        Yaml::Seq(items) => Value::Array(items.iter().map(yaml_to_value).collect()),
        Yaml::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), yaml_to_value(v)))
                .collect(),
        ),
    }
}

/// JSON as a YAML value (numbers as written).
pub fn value_to_yaml(value: &Value) -> Yaml {
    match value {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Bool(*b),
        Value::Number(n) => Yaml::Number(n.to_string()),
        Value::String(s) => Yaml::Str(s.clone()),
        Value::Array(items) => Yaml::Seq(items.iter().map(value_to_yaml).collect()),
        Value::Object(object) => Yaml::Map(
            object
                .iter()
                .map(|(k, v)| (k.clone(), value_to_yaml(v)))
                .collect(),
        ),
    }
}

/// The entries of a level: the named fields that are not blank, then its kept keys.
fn level(named: &[(&str, &str)], extra: &Map<String, Value>, place: &str) -> Vec<(String, Yaml)> {
    let mut entries: Vec<(String, Yaml)> = named
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| ((*k).to_owned(), Yaml::Str((*v).to_owned())))
        .collect();
    entries.extend(extra.iter().filter_map(|(key, value)| {
        let (p, k) = key.split_once('.')?;
        (p == place).then(|| (k.to_owned(), value_to_yaml(value)))
    }));
    entries
}

/// The part of a result that its metrics share, for grouping.
fn shared_part(r: &EvalResult) -> (&str, &str, &DatasetRef, &str, &str, Vec<(&String, &Value)>) {
    let extra = r
        .extra
        .iter()
        .filter(|(k, _)| !k.starts_with("metric."))
        .collect();
    (
        &r.task_type,
        &r.task_name,
        &r.dataset,
        &r.source_name,
        &r.source_url,
        extra,
    )
}

fn metric_yaml(r: &EvalResult) -> Yaml {
    let mut entries = Vec::new();
    if !r.metric_type.is_empty() {
        entries.push(("type".to_owned(), Yaml::Str(r.metric_type.clone())));
    }
    entries.push((
        "value".to_owned(),
        match &r.value {
            MetricValue::Number(n) => Yaml::Number(super::hub_number(n)),
            MetricValue::Text(t) => Yaml::Str(t.clone()),
        },
    ));
    if !r.metric_name.is_empty() {
        entries.push(("name".to_owned(), Yaml::Str(r.metric_name.clone())));
    }
    if let Some(verified) = r.verified {
        entries.push(("verified".to_owned(), Yaml::Bool(verified)));
    }
    entries.extend(level(&[], &r.extra, "metric"));
    Yaml::Map(entries)
}

fn result_yaml(first: &EvalResult, metrics: Vec<Yaml>) -> Yaml {
    let d = &first.dataset;
    let mut entries = vec![(
        "task".to_owned(),
        Yaml::Map(level(
            &[("type", &first.task_type), ("name", &first.task_name)],
            &first.extra,
            "task",
        )),
    )];
    entries.push((
        "dataset".to_owned(),
        Yaml::Map(level(
            &[
                ("name", &d.name),
                ("type", &d.kind),
                ("config", &d.config),
                ("split", &d.split),
                ("revision", &d.revision),
                ("args", &d.args),
            ],
            &first.extra,
            "dataset",
        )),
    ));
    entries.push(("metrics".to_owned(), Yaml::Seq(metrics)));
    let source = level(
        &[("name", &first.source_name), ("url", &first.source_url)],
        &first.extra,
        "source",
    );
    if !source.is_empty() {
        entries.push(("source".to_owned(), Yaml::Map(source)));
    }
    entries.extend(level(&[], &first.extra, "result"));
    Yaml::Map(entries)
}

/// `model-index` for a model name and its results: consecutive results that share task,
/// dataset and source become one result with several metrics.
pub fn write_model_index(name: &str, results: &[EvalResult]) -> Yaml {
    let mut written = Vec::new();
    let mut start = 0;
    while let Some(first) = results.get(start) {
        let end = results
            .iter()
            .skip(start)
            .position(|r| shared_part(r) != shared_part(first))
            .map_or(results.len(), |n| start + n);
        let metrics = results
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(metric_yaml)
            .collect();
        written.push(result_yaml(first, metrics));
        start = end;
    }
    Yaml::Seq(vec![Yaml::Map(vec![
        ("name".to_owned(), Yaml::Str(name.to_owned())),
        ("results".to_owned(), Yaml::Seq(written)),
    ])])
}
