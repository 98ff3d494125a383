//! The whole workspace read from local storage at start: every collection of the registry
//! from its own key, migrated together, with whatever could not be read kept aside.
//!
//! Loading never fails as a whole (see `records::stored` for damaged values and quarantined
//! records): the app starts with whatever it finds.

use crate::core::records::collection::Collection;
use crate::core::records::document::FORMAT;
use crate::core::records::migrate::{self, SCHEMA_VERSION};
use crate::core::records::registry::{CollectionInfo, Stored, VisitMut, VisitTypes};
use crate::core::records::stored::{
    Damaged, Meta, Quarantined, collection_key, decode_collection_value, meta_key,
};
use crate::core::text::json::parse_json;
use crate::core::workspace::Workspace;
use serde_json::{Map, Value};

/// Everything read from storage at start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadOutcome {
    pub workspace: Workspace,
    /// The revision read for each collection, by registry key, in the registry's order.
    pub revisions: Vec<(&'static str, u64)>,
    pub quarantined: Vec<(CollectionInfo, Quarantined)>,
    /// Values that could not be read; their keys must not be written until the user chooses.
    pub damaged: Vec<Damaged>,
    /// Set when the data was written by a newer build: this one must not write at all.
    pub newer_schema: Option<u64>,
    /// Set when the data was migrated from an older schema version.
    pub migrated_from: Option<u64>,
}

/// The registry keys of every collection, in the registry's order: what storage reads.
pub fn collection_keys() -> Vec<&'static str> {
    struct Keys(Vec<&'static str>);
    impl VisitTypes for Keys {
        fn visit<T: Stored>(&mut self) {
            self.0.push(T::COLLECTION.key);
        }
    }
    let mut keys = Keys(Vec::new());
    Workspace::visit_types(&mut keys);
    keys.0
}

/// Reads the stored strings of the metadata key and of each collection, given by registry
/// key (a collection not listed reads as never stored).
pub fn load(meta_raw: Option<&str>, collections: &[(&str, Option<String>)]) -> LoadOutcome {
    let mut outcome = LoadOutcome::default();
    let mut version = u64::from(SCHEMA_VERSION);
    if let Some(raw) = meta_raw {
        match serde_json::from_str::<Meta>(raw) {
            Ok(meta) if meta.format == FORMAT => version = meta.schema_version,
            Ok(meta) => outcome.damaged.push(Damaged {
                key: meta_key(),
                raw: raw.to_owned(),
                reason: format!("its format is \"{}\", not \"{FORMAT}\"", meta.format),
            }),
            Err(error) => outcome.damaged.push(Damaged {
                key: meta_key(),
                raw: raw.to_owned(),
                reason: error.to_string(),
            }),
        }
    }
    if version > u64::from(SCHEMA_VERSION) {
        outcome.newer_schema = Some(version);
        return outcome;
    }

    // Collect the readable values into one workspace object so migrations see them together.
    let mut object = Map::new();
    for (key, raw) in collections {
        let Some(raw) = raw else { continue };
        match parse_json(raw) {
            Ok(value @ Value::Object(_)) => {
                object.insert((*key).to_owned(), value);
            }
            Ok(_) => outcome.damaged.push(Damaged {
                key: collection_key(key),
                raw: raw.clone(),
                reason: "the stored value is not an object".to_owned(),
            }),
            Err(error) => outcome.damaged.push(Damaged {
                key: collection_key(key),
                raw: raw.clone(),
                reason: error.to_string(),
            }),
        }
    }
    let object = if version < u64::from(SCHEMA_VERSION) {
        let readable: Vec<String> = object.keys().cloned().collect();
        match migrate::migrate(Value::Object(object), version) {
            Ok(Value::Object(migrated)) => {
                outcome.migrated_from = Some(version);
                migrated
            }
            _ => {
                for (key, raw) in collections {
                    if let (Some(raw), true) = (raw, readable.iter().any(|k| k == key)) {
                        outcome.damaged.push(Damaged {
                            key: collection_key(key),
                            raw: raw.clone(),
                            reason: format!(
                                "it could not be upgraded from schema version {version}"
                            ),
                        });
                    }
                }
                Map::new()
            }
        }
    } else {
        object
    };

    let mut workspace = Workspace::default();
    workspace.visit_mut(&mut TakeCollections {
        object,
        collections,
        outcome: &mut outcome,
    });
    outcome.workspace = workspace;
    outcome
}

/// Decodes each collection's value into the outcome: its revision, quarantined records, or
/// the damage that kept it from being read (the raw stored string is kept for the user).
struct TakeCollections<'a> {
    object: Map<String, Value>,
    collections: &'a [(&'a str, Option<String>)],
    outcome: &'a mut LoadOutcome,
}

impl VisitMut for TakeCollections<'_> {
    fn visit<T: Stored>(&mut self, collection: &mut Collection<T>) {
        let key = T::COLLECTION.key;
        let Some(value) = self.object.remove(key) else {
            self.outcome.revisions.push((key, 0));
            return;
        };
        match decode_collection_value::<T>(value) {
            Ok(decoded) => {
                self.outcome.revisions.push((key, decoded.revision));
                self.outcome
                    .quarantined
                    .extend(decoded.quarantined.into_iter().map(|q| (T::COLLECTION, q)));
                *collection = decoded.collection;
            }
            Err(reason) => {
                self.outcome.revisions.push((key, 0));
                let raw = self
                    .collections
                    .iter()
                    .find(|(k, _)| *k == key)
                    .and_then(|(_, raw)| raw.clone())
                    .unwrap_or_default();
                self.outcome.damaged.push(Damaged {
                    key: collection_key(key),
                    raw,
                    reason,
                });
            }
        }
    }
}
