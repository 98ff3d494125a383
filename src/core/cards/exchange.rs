//! The fields that Model Card Toolkit and CycloneDX cards share (CycloneDX's model card is
//! derived from MCT's schema): what each import fills and each export compares, so an
//! export can tell which fields the author changed since the import.

use crate::core::cards::card::ModelCard;
use crate::core::cards::fields::{Field, ListKey, TextKey};
use crate::core::cards::results::EvalResult;
use serde_json::{Map, Value};

/// What an exchanged card gives the card's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExchangeFields {
    pub name: String,
    pub version: String,
    pub overview: String,
    pub owner_team: String,
    pub contact_email: String,
    pub license: String,
    pub architecture: String,
    pub training: String,
    pub evaluation: String,
    pub sensitive: Vec<String>,
    pub results: Vec<EvalResult>,
    pub use_cases: Vec<String>,
    pub limitations: Vec<String>,
    pub risks: Vec<String>,
    /// CycloneDX only: the model's task and the component's tags.
    pub task: String,
    pub tags: Vec<String>,
}

impl ExchangeFields {
    /// Fills the card's fields; returns those that got a value.
    pub fn fill(self, card: &mut ModelCard) -> Vec<Field> {
        let mut filled = Vec::new();
        let mut text = |key: TextKey, value: String, card: &mut ModelCard| {
            if !value.is_empty() {
                *card.text_mut(key) = value;
                filled.push(Field::Text(key));
            }
        };
        text(TextKey::ModelName, self.name, card);
        text(TextKey::ModelVersion, self.version, card);
        text(TextKey::ModelType, self.task, card);
        text(TextKey::OwnerTeam, self.owner_team, card);
        text(TextKey::ContactEmail, self.contact_email, card);
        text(TextKey::License, self.license, card);
        text(TextKey::ModelArchitecture, self.architecture, card);
        text(TextKey::TrainingDataDescription, self.training, card);
        text(TextKey::EvaluationDataDescription, self.evaluation, card);
        text(TextKey::UnmappedText, self.overview, card);
        for (key, items) in [
            (ListKey::SensitiveData, self.sensitive),
            (ListKey::PrimaryUseCases, self.use_cases),
            (ListKey::KnownLimitations, self.limitations),
            (ListKey::PotentialBiases, self.risks),
            (ListKey::Tags, self.tags),
        ] {
            if !items.is_empty() {
                *card.list_mut(key) = items;
                filled.push(Field::List(key));
            }
        }
        if !self.results.is_empty() {
            card.eval_results = self.results;
            filled.push(Field::EvalResults);
        }
        filled
    }

    /// The card's current values, as the export compares them.
    pub fn of_card(card: &ModelCard) -> ExchangeFields {
        ExchangeFields {
            name: card.model_name.clone(),
            version: card.model_version.clone(),
            overview: card.unmapped_text.clone(),
            owner_team: card.owner_team.clone(),
            contact_email: card.contact_email.clone(),
            license: card.license.clone(),
            architecture: card.model_architecture.clone(),
            training: card.training_data_description.clone(),
            evaluation: card.evaluation_data_description.clone(),
            sensitive: card.sensitive_data.clone(),
            results: card.eval_results.clone(),
            use_cases: card.primary_use_cases.clone(),
            limitations: card.known_limitations.clone(),
            risks: card.potential_biases.clone(),
            task: card.model_type.clone(),
            tags: card.tags.clone(),
        }
    }
}

/// The text at a path of keys in MCT or CycloneDX JSON; empty when absent or not text.
pub fn text_at<'a>(value: &'a Value, path: &[&str]) -> &'a str {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The list at a path of keys; empty when absent or not a list.
pub fn list_at<'a>(value: &'a Value, path: &[&str]) -> &'a [Value] {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Sets a text, or removes the key when the text is blank.
pub fn set_text(map: &mut Map<String, Value>, key: &str, value: &str) {
    if value.trim().is_empty() {
        map.remove(key);
    } else {
        map.insert(key.to_owned(), Value::String(value.to_owned()));
    }
}

/// Changes the object at `key`, made first if missing (or not an object).
pub fn with_object(
    map: &mut Map<String, Value>,
    key: &str,
    change: impl FnOnce(&mut Map<String, Value>),
) {
    let slot = map
        .entry(key.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    if let Value::Object(inner) = slot {
        change(inner);
    }
}
