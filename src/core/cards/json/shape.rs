//! The lesson's JSON shape for the card's tables, factors, fairness groups and dates.
//!
//! The lesson writes Python dicts as JSON objects (`{"ndcg@10": 0.756}`), its date range as a
//! two-element list, and dates the way `json.dump(default=str)` prints a `datetime`
//! (`"2024-01-15 00:00:00"`). The card keeps tables as ordered rows (the author's order, and
//! duplicate names stay visible until fixed), so these helpers map rows to objects and back.
//! Numbers are written as JSON numbers when they are numbers, otherwise as the text typed.
//!
//! While a table has two rows of the same name (say two new, still unnamed rows), an object
//! would silently keep one of them: such a table is written as a list of `[name, value]`
//! pairs instead, which reads back exactly. The editor flags the duplicate meanwhile.

use crate::core::cards::card::{DateRange, Factor, FairnessGroup, ModelCard, NamedNumber};
use crate::core::cards::fields::{Field, SECTIONS};
use crate::core::text::dates;
use crate::core::text::number::as_number;
use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Reads a JSON number as text, or text as is. With serde_json's `arbitrary_precision` a
/// number keeps its written form: `10`, `0.7560` and `1e-3` read back exactly as typed.
struct NumberText(String);

impl<'de> Deserialize<'de> for NumberText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through `Value`, which understands how `arbitrary_precision` hands numbers over.
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Number(n) => Ok(NumberText(n.to_string())),
            serde_json::Value::String(text) => Ok(NumberText(text)),
            _ => Err(de::Error::custom("expected a number")),
        }
    }
}

/// Writes a typed number as a JSON number, or as text while it is not (yet) one. A number
/// that JSON would read back in another spelling (`1e3` comes back as `1e+3`, ` 0.5` loses
/// its space) is kept as text too: the author's text always comes back exactly.
struct WrittenNumber<'a>(&'a str);

impl Serialize for WrittenNumber<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match as_number(self.0) {
            Some(number) if number.as_str() == self.0 => number.serialize(serializer),
            _ => serializer.serialize_str(self.0),
        }
    }
}

/// Writes rows as an object, or as `[name, value]` pairs while two rows share a name.
fn serialize_entries<'a, S: Serializer, V: Serialize + 'a>(
    s: S,
    entries: impl ExactSizeIterator<Item = (&'a str, V)> + Clone,
) -> Result<S::Ok, S::Error> {
    let mut seen = std::collections::BTreeSet::new();
    if entries.clone().all(|(name, _)| seen.insert(name)) {
        let mut map = s.serialize_map(Some(entries.len()))?;
        for (name, value) in entries {
            map.serialize_entry(name, &value)?;
        }
        map.end()
    } else {
        let mut seq = s.serialize_seq(Some(entries.len()))?;
        for pair in entries {
            seq.serialize_element(&pair)?;
        }
        seq.end()
    }
}

/// Reads a JSON object's entries in their written order, or a list of `[name, value]` pairs.
struct Entries<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of names and values")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Entries<T>, E> {
                Ok(Entries(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, T>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entries<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(pair) = seq.next_element::<(String, T)>()? {
                    entries.push(pair);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

/// Name → number tables: `{"ndcg@10": 0.756}`.
pub mod numbers {
    use super::*;

    pub fn serialize<S: Serializer>(rows: &[NamedNumber], s: S) -> Result<S::Ok, S::Error> {
        serialize_entries(
            s,
            rows.iter()
                .map(|row| (row.name.as_str(), WrittenNumber(&row.value))),
        )
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NamedNumber>, D::Error> {
        let Entries(entries) = Entries::<NumberText>::deserialize(d)?;
        Ok(entries
            .into_iter()
            .map(|(name, NumberText(value))| NamedNumber { name, value })
            .collect())
    }
}

/// One factor's values: a list of texts or numbers, or one text (the lesson types it `any`).
struct FactorValues(Vec<String>);

impl<'de> Deserialize<'de> for FactorValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FactorValues;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of values")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FactorValues, E> {
                Ok(FactorValues(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FactorValues, A::Error> {
                let mut values = Vec::new();
                while let Some(NumberText(value)) = seq.next_element::<NumberText>()? {
                    values.push(value);
                }
                Ok(FactorValues(values))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Evaluation factors: `{"demographics": ["age_group", "location"]}`.
pub mod factors {
    use super::*;

    pub fn serialize<S: Serializer>(factors: &[Factor], s: S) -> Result<S::Ok, S::Error> {
        serialize_entries(s, factors.iter().map(|f| (f.name.as_str(), &f.values)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Factor>, D::Error> {
        let Entries(entries) = Entries::<FactorValues>::deserialize(d)?;
        Ok(entries
            .into_iter()
            .map(|(name, FactorValues(values))| Factor { name, values })
            .collect())
    }
}

/// Fairness metrics: `{"age_groups": {"18-25": 0.175, …}, …}`.
pub mod fairness {
    use super::*;

    struct Subgroups<'a>(&'a [NamedNumber]);

    impl Serialize for Subgroups<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            super::numbers::serialize(self.0, s)
        }
    }

    pub fn serialize<S: Serializer>(groups: &[FairnessGroup], s: S) -> Result<S::Ok, S::Error> {
        serialize_entries(
            s,
            groups
                .iter()
                .map(|g| (g.group.as_str(), Subgroups(&g.subgroups))),
        )
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<FairnessGroup>, D::Error> {
        let Entries(groups) = Entries::<Entries<NumberText>>::deserialize(d)?;
        Ok(groups
            .into_iter()
            .map(|(group, Entries(subgroups))| FairnessGroup {
                group,
                subgroups: subgroups
                    .into_iter()
                    .map(|(name, NumberText(value))| NamedNumber { name, value })
                    .collect(),
            })
            .collect())
    }
}

/// A date written as `2024-01-15`, or as Python prints a datetime at any time of that day
/// (`2024-01-15 00:00:00`, `2024-01-15T08:30:00Z`): the calendar date as written is kept.
pub fn parse_lenient_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date = dates::parse_date(text.get(..10)?)?;
    (text.len() == 10 || dates::parse_timestamp(text).is_some()).then_some(date)
}

struct LenientDate(Option<NaiveDate>);

impl<'de> Deserialize<'de> for LenientDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(LenientDate(None)),
            Some(text) if text.trim().is_empty() => Ok(LenientDate(None)),
            Some(text) => parse_lenient_date(&text)
                .map(|d| LenientDate(Some(d)))
                .ok_or_else(|| {
                    de::Error::custom(format!("\"{text}\" is not a date like 2024-01-15"))
                }),
        }
    }
}

/// The date range as the lesson's two-element list `[start, end]`; `null` when both are unknown.
pub mod date_range {
    use super::*;

    pub fn serialize<S: Serializer>(range: &DateRange, s: S) -> Result<S::Ok, S::Error> {
        if range.start.is_none() && range.end.is_none() {
            return s.serialize_none();
        }
        let mut seq = s.serialize_seq(Some(2))?;
        seq.serialize_element(&range.start)?;
        seq.serialize_element(&range.end)?;
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateRange, D::Error> {
        let Some(ends) = Option::<Vec<LenientDate>>::deserialize(d)? else {
            return Ok(DateRange::default());
        };
        if ends.len() > 2 {
            return Err(de::Error::custom(
                "a date range has two dates: start and end",
            ));
        }
        let mut ends = ends.into_iter().map(|LenientDate(date)| date);
        Ok(DateRange {
            start: ends.next().flatten(),
            end: ends.next().flatten(),
        })
    }
}

/// The lesson's field names and ours, for "unknown field" messages.
const FIELD_NAMES: &[&str] = &[
    "model_name",
    "model_version",
    "model_type",
    "model_architecture",
    "training_date",
    "owner_team",
    "contact_email",
    "intended_use",
    "primary_use_cases",
    "out_of_scope_uses",
    "relevant_factors",
    "evaluation_factors",
    "performance_metrics",
    "decision_thresholds",
    "training_data_description",
    "training_data_size",
    "training_data_date_range",
    "data_preprocessing",
    "evaluation_data_description",
    "evaluation_data_size",
    "sensitive_data",
    "fairness_metrics",
    "potential_biases",
    "known_limitations",
    "failure_modes",
    "regulatory_requirements",
    "data_privacy_measures",
    "license",
    "tags",
    "unmapped_text",
    "eval_results",
    "imported_readme",
    "imported_mct",
    "imported_bom",
];

/// Wraps a `deserialize` function of this module as a type for `next_value`.
macro_rules! value_of {
    ($name:ident, $type:ty, $read:path) => {
        struct $name($type);
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $read(d).map($name)
            }
        }
    };
}
value_of!(NumberRows, Vec<NamedNumber>, numbers::deserialize);
value_of!(FactorRows, Vec<Factor>, factors::deserialize);
value_of!(FairnessRows, Vec<FairnessGroup>, fairness::deserialize);
value_of!(Range, DateRange, date_range::deserialize);

/// Reads a card field by field into a default card: one call per field shape rather than
/// serde's derive, whose per-field bookkeeping was the largest function in the wasm. Paths
/// in error messages still come from `serde_path_to_error`, which wraps the map access.
impl<'de> Deserialize<'de> for ModelCard {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ModelCard;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a model card object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ModelCard, A::Error> {
                let mut card = ModelCard::default();
                while let Some(key) = map.next_key::<String>()? {
                    // What an import kept of its source, beside the fields.
                    match key.as_str() {
                        "imported_readme" => {
                            card.imported_readme = map.next_value()?;
                            continue;
                        }
                        "imported_mct" => {
                            card.imported_mct = map.next_value()?;
                            continue;
                        }
                        "imported_bom" => {
                            card.imported_bom = map.next_value()?;
                            continue;
                        }
                        _ => {}
                    }
                    let field = SECTIONS
                        .iter()
                        .flat_map(|s| s.fields.iter().copied())
                        .find(|f| f.key() == key)
                        .ok_or_else(|| de::Error::unknown_field(&key, FIELD_NAMES))?;
                    match field {
                        Field::Text(k) => *card.text_mut(k) = map.next_value()?,
                        Field::List(k) => *card.list_mut(k) = map.next_value()?,
                        Field::Table(k) => *card.table_mut(k) = map.next_value::<NumberRows>()?.0,
                        Field::Count(k) => *card.count_mut(k) = map.next_value()?,
                        Field::TrainingDate => {
                            card.training_date = map.next_value::<LenientDate>()?.0
                        }
                        Field::DateRange => {
                            card.training_data_date_range = map.next_value::<Range>()?.0
                        }
                        Field::EvaluationFactors => {
                            card.evaluation_factors = map.next_value::<FactorRows>()?.0
                        }
                        Field::FairnessMetrics => {
                            card.fairness_metrics = map.next_value::<FairnessRows>()?.0
                        }
                        Field::EvalResults => card.eval_results = map.next_value()?,
                    }
                }
                Ok(card)
            }
        }
        deserializer.deserialize_map(V)
    }
}
