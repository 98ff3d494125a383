//! A model card (lesson section 2.1): every field of the lesson's `ModelCard`, plus the
//! licence, tags, evaluation results and the imported README's other keys and sections that
//! a Hugging Face card needs.
//!
//! Field names and the JSON shape are the lesson's `to_json` (see [`crate::core::cards::json::shape`]).
//! Numbers in tables are kept as the text the author typed, so a half-typed or wrong number is
//! never lost: [`crate::core::cards::checks`] flags it at the field, and exports write it as a
//! JSON number whenever it is one.

use crate::core::cards::fields::{CountKey, Field, ListKey, TableKey, TextKey};
use crate::core::cards::json::shape as card_serde;
use crate::core::cards::origin::ReadmeOrigin;
use crate::core::cards::results::EvalResult;
use crate::core::records::collection::Record;
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a card without a name is called, wherever it is shown or exported.
pub const UNTITLED_CARD: &str = "Untitled card";

/// One row of a name → number table (performance metrics, decision thresholds, fairness).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedNumber {
    pub name: String,
    /// The number as written; valid when it is a finite JSON number such as `0.75` or `1e-3`.
    pub value: String,
}

impl NamedNumber {
    pub fn new(name: &str, value: &str) -> Self {
        NamedNumber {
            name: name.to_owned(),
            value: value.to_owned(),
        }
    }
}

/// An evaluation factor and the values it takes (`"demographics": ["age_group", "location"]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Factor {
    pub name: String,
    pub values: Vec<String>,
}

/// A fairness group (e.g. `age_groups`) with one metric value per subgroup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FairnessGroup {
    pub group: String,
    pub subgroups: Vec<NamedNumber>,
}

/// The training data's date range; either end may be unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// The card itself, in the lesson's field order. Missing fields read as empty, so a partial
/// card file still imports; unknown fields are refused. Reading is written by hand in
/// [`crate::core::cards::json::shape`] (serde's derive made 20 kB of wasm for these 30 fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ModelCard {
    // Model details
    pub model_name: String,
    pub model_version: String,
    /// "classification", "regression", "ranking" or any other text.
    pub model_type: String,
    pub model_architecture: String,
    pub training_date: Option<NaiveDate>,
    pub owner_team: String,
    pub contact_email: String,
    // Intended use
    pub intended_use: String,
    pub primary_use_cases: Vec<String>,
    pub out_of_scope_uses: Vec<String>,
    // Factors
    pub relevant_factors: Vec<String>,
    #[serde(serialize_with = "card_serde::factors::serialize")]
    pub evaluation_factors: Vec<Factor>,
    // Metrics
    #[serde(serialize_with = "card_serde::numbers::serialize")]
    pub performance_metrics: Vec<NamedNumber>,
    #[serde(serialize_with = "card_serde::numbers::serialize")]
    pub decision_thresholds: Vec<NamedNumber>,
    // Training data
    pub training_data_description: String,
    pub training_data_size: Option<u64>,
    #[serde(serialize_with = "card_serde::date_range::serialize")]
    pub training_data_date_range: DateRange,
    pub data_preprocessing: Vec<String>,
    // Evaluation data
    pub evaluation_data_description: String,
    pub evaluation_data_size: Option<u64>,
    // Ethical considerations
    pub sensitive_data: Vec<String>,
    #[serde(serialize_with = "card_serde::fairness::serialize")]
    pub fairness_metrics: Vec<FairnessGroup>,
    pub potential_biases: Vec<String>,
    // Limitations
    pub known_limitations: Vec<String>,
    pub failure_modes: Vec<String>,
    // Compliance
    pub regulatory_requirements: Vec<String>,
    pub data_privacy_measures: Vec<String>,
    // Beyond the lesson: what a Hugging Face model card adds.
    /// An SPDX licence id such as `apache-2.0`, or any text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub license: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Free text: the README's "More Information", a Model Card Toolkit overview (older
    /// imports kept unmapped README text here).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unmapped_text: String,
    /// Evaluation results as the Hub's `model-index` holds them (task, dataset, metric).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eval_results: Vec<EvalResult>,
    /// What an imported README held beyond the fields, kept as written for its export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_readme: Option<ReadmeOrigin>,
    /// The Model Card Toolkit JSON an imported card came from (schema 0.0.2), graphics
    /// included, written back by the MCT export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_mct: Option<serde_json::Value>,
    /// The CycloneDX `machine-learning-model` component an imported card came from, written
    /// back by the CycloneDX export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_bom: Option<serde_json::Value>,
}

/// A card stored in the workspace: the card plus its id and times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardRecord {
    pub id: String,
    #[serde(deserialize_with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    pub card: ModelCard,
}

crate::core::records::collection::record!(CardRecord);

impl CardRecord {
    pub fn new(id: String, card: ModelCard, now: DateTime<Utc>) -> Self {
        CardRecord {
            id,
            created_at: now,
            updated_at: now,
            card,
        }
    }

    /// "product_recommendation_model v2.1.0", or a placeholder for a card with no name yet.
    pub fn title(&self) -> String {
        self.card.title()
    }
}

impl ModelCard {
    pub fn text(&self, key: TextKey) -> &String {
        match key {
            TextKey::ModelName => &self.model_name,
            TextKey::ModelVersion => &self.model_version,
            TextKey::ModelType => &self.model_type,
            TextKey::ModelArchitecture => &self.model_architecture,
            TextKey::OwnerTeam => &self.owner_team,
            TextKey::ContactEmail => &self.contact_email,
            TextKey::IntendedUse => &self.intended_use,
            TextKey::TrainingDataDescription => &self.training_data_description,
            TextKey::EvaluationDataDescription => &self.evaluation_data_description,
            TextKey::License => &self.license,
            TextKey::UnmappedText => &self.unmapped_text,
        }
    }

    pub fn text_mut(&mut self, key: TextKey) -> &mut String {
        match key {
            TextKey::ModelName => &mut self.model_name,
            TextKey::ModelVersion => &mut self.model_version,
            TextKey::ModelType => &mut self.model_type,
            TextKey::ModelArchitecture => &mut self.model_architecture,
            TextKey::OwnerTeam => &mut self.owner_team,
            TextKey::ContactEmail => &mut self.contact_email,
            TextKey::IntendedUse => &mut self.intended_use,
            TextKey::TrainingDataDescription => &mut self.training_data_description,
            TextKey::EvaluationDataDescription => &mut self.evaluation_data_description,
            TextKey::License => &mut self.license,
            TextKey::UnmappedText => &mut self.unmapped_text,
        }
    }

    pub fn list(&self, key: ListKey) -> &Vec<String> {
        match key {
            ListKey::PrimaryUseCases => &self.primary_use_cases,
            ListKey::OutOfScopeUses => &self.out_of_scope_uses,
            ListKey::RelevantFactors => &self.relevant_factors,
            ListKey::DataPreprocessing => &self.data_preprocessing,
            ListKey::SensitiveData => &self.sensitive_data,
            ListKey::PotentialBiases => &self.potential_biases,
            ListKey::KnownLimitations => &self.known_limitations,
            ListKey::FailureModes => &self.failure_modes,
            ListKey::RegulatoryRequirements => &self.regulatory_requirements,
            ListKey::DataPrivacyMeasures => &self.data_privacy_measures,
            ListKey::Tags => &self.tags,
        }
    }

    pub fn list_mut(&mut self, key: ListKey) -> &mut Vec<String> {
        match key {
            ListKey::PrimaryUseCases => &mut self.primary_use_cases,
            ListKey::OutOfScopeUses => &mut self.out_of_scope_uses,
            ListKey::RelevantFactors => &mut self.relevant_factors,
            ListKey::DataPreprocessing => &mut self.data_preprocessing,
            ListKey::SensitiveData => &mut self.sensitive_data,
            ListKey::PotentialBiases => &mut self.potential_biases,
            ListKey::KnownLimitations => &mut self.known_limitations,
            ListKey::FailureModes => &mut self.failure_modes,
            ListKey::RegulatoryRequirements => &mut self.regulatory_requirements,
            ListKey::DataPrivacyMeasures => &mut self.data_privacy_measures,
            ListKey::Tags => &mut self.tags,
        }
    }

    pub fn table(&self, key: TableKey) -> &Vec<NamedNumber> {
        match key {
            TableKey::PerformanceMetrics => &self.performance_metrics,
            TableKey::DecisionThresholds => &self.decision_thresholds,
        }
    }

    pub fn table_mut(&mut self, key: TableKey) -> &mut Vec<NamedNumber> {
        match key {
            TableKey::PerformanceMetrics => &mut self.performance_metrics,
            TableKey::DecisionThresholds => &mut self.decision_thresholds,
        }
    }

    pub fn count(&self, key: CountKey) -> Option<u64> {
        match key {
            CountKey::TrainingDataSize => self.training_data_size,
            CountKey::EvaluationDataSize => self.evaluation_data_size,
        }
    }

    pub fn count_mut(&mut self, key: CountKey) -> &mut Option<u64> {
        match key {
            CountKey::TrainingDataSize => &mut self.training_data_size,
            CountKey::EvaluationDataSize => &mut self.evaluation_data_size,
        }
    }

    /// True when the field holds anything (blank text and empty rows count as nothing).
    pub fn is_filled(&self, field: Field) -> bool {
        let blank = |s: &String| s.trim().is_empty();
        match field {
            Field::Text(key) => !blank(self.text(key)),
            Field::List(key) => self.list(key).iter().any(|s| !blank(s)),
            Field::Table(key) => self.table(key).iter().any(|e| !blank(&e.name)),
            Field::Count(key) => self.count(key).is_some(),
            Field::TrainingDate => self.training_date.is_some(),
            Field::DateRange => {
                self.training_data_date_range.start.is_some()
                    && self.training_data_date_range.end.is_some()
            }
            Field::EvaluationFactors => self.evaluation_factors.iter().any(|f| !blank(&f.name)),
            Field::FairnessMetrics => self.fairness_metrics.iter().any(|g| !blank(&g.group)),
            Field::EvalResults => !self.eval_results.is_empty(),
        }
    }

    /// A copy for the next version: the last number in the version goes up by one
    /// ("v2.1.0" → "v2.1.1", "3" → "4"); a version without a number gets "(next)" added.
    pub fn next_version(&self) -> ModelCard {
        let version = self.model_version.trim();
        let digits_end = version
            .rfind(|c: char| c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        let digits_start = version
            .get(..digits_end)
            .and_then(|head| head.rfind(|c: char| !c.is_ascii_digit()))
            .map_or(0, |i| i + 1);
        let next = version
            .get(digits_start..digits_end)
            .and_then(|d| d.parse::<u64>().ok())
            .and_then(|n| n.checked_add(1));
        let model_version = match (next, version.get(..digits_start), version.get(digits_end..)) {
            (Some(n), Some(head), Some(tail)) => format!("{head}{n}{tail}"),
            _ if version.is_empty() => "(next)".to_owned(),
            _ => format!("{version} (next)"),
        };
        ModelCard {
            model_version,
            ..self.clone()
        }
    }

    /// "name version", or [`UNTITLED_CARD`] while the name is blank.
    pub fn title(&self) -> String {
        let name = self.model_name.trim();
        let name = if name.is_empty() { UNTITLED_CARD } else { name };
        match self.model_version.trim() {
            "" => name.to_owned(),
            version => format!("{name} {version}"),
        }
    }
}

impl Mergeable for CardRecord {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        let mut copy = self.with_updated_at(now);
        copy.id = id;
        copy.card.model_name = format!("{} (imported)", self.card.model_name);
        copy
    }
}

crate::core::records::registry::stored!(CardRecord, "cards", "model card", "model cards");
