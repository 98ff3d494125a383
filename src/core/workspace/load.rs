//! The workspace read from local storage at start, in two steps, so a page can show before
//! every record type's decoder has arrived:
//!
//! 1. [`read_values`]: the metadata and every collection's stored text, parsed and migrated
//!    together (migrations see the whole workspace), into one [`Undecoded`] value each. This
//!    knows no record type.
//! 2. [`decode`]: one collection's value into its records, for one record type at a time, when
//!    that collection is first needed.
//!
//! The web store runs step 1 at start and step 2 per collection (`web/storage/store.rs`).
//! Loading never fails as a whole (see `records::stored` for damaged values and quarantined
//! records): the app starts with whatever it finds.

use crate::core::records::document::FORMAT;
use crate::core::records::migrate::{self, SCHEMA_VERSION};
use crate::core::records::registry::{Stored, VisitTypes};
use crate::core::records::stored::{
    Damaged, Decoded, Meta, collection_key, decode_collection_value, meta_key,
};
use crate::core::text::json::parse_json;
use crate::core::workspace::Workspace;
use serde_json::{Map, Value};

/// One collection's stored value, parsed and at the current schema, not yet decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Undecoded {
    /// The registry key.
    pub key: &'static str,
    /// The text as stored, kept for the user if the value turns out to be damaged.
    pub raw: String,
    pub value: Value,
}

/// Step 1 of loading: what storage holds, before any record is decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredValues {
    /// Every readable collection's value, in the registry's order; a collection never stored
    /// has none.
    pub values: Vec<Undecoded>,
    /// Values that could not be read; their keys must not be written until the user chooses.
    pub damaged: Vec<Damaged>,
    /// Set when the data was written by a newer build: this one must not write at all.
    pub newer_schema: Option<u64>,
    /// Set when the values were migrated from an older schema version: they must be written
    /// back before anything else is written, so that storage never mixes two versions.
    pub migrated_from: Option<u64>,
}

impl StoredValues {
    /// Takes the value of the collection `key` out, for [`decode`].
    pub fn take(&mut self, key: &str) -> Option<Undecoded> {
        let at = self.values.iter().position(|v| v.key == key)?;
        Some(self.values.remove(at))
    }
}

/// Step 2 of loading, for one collection: its records, and what kept it from being read.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened<T> {
    /// Its revision, records and quarantined records (empty when never stored or damaged).
    pub decoded: Decoded<T>,
    pub damaged: Option<Damaged>,
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

/// Step 1: reads the stored strings of the metadata key and of each collection, given by
/// registry key (a collection not listed reads as never stored), and migrates them together.
pub fn read_values(
    meta_raw: Option<&str>,
    collections: &[(&'static str, Option<String>)],
) -> StoredValues {
    let mut outcome = StoredValues::default();
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
    let mut object = if version < u64::from(SCHEMA_VERSION) {
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
    for (key, raw) in collections {
        if let Some(value) = object.remove(*key) {
            outcome.values.push(Undecoded {
                key,
                raw: raw.clone().unwrap_or_default(),
                value,
            });
        }
    }
    outcome
}

/// Step 2: decodes one collection's value (`None`: never stored) into its records; records
/// that do not parse are quarantined, and a value that cannot be read at all is damaged.
pub fn decode<T: Stored>(undecoded: Option<Undecoded>) -> Opened<T> {
    let Some(undecoded) = undecoded else {
        return Opened {
            decoded: Decoded::default(),
            damaged: None,
        };
    };
    match decode_collection_value::<T>(undecoded.value) {
        Ok(decoded) => Opened {
            decoded,
            damaged: None,
        },
        Err(reason) => Opened {
            decoded: Decoded::default(),
            damaged: Some(Damaged {
                key: collection_key(undecoded.key),
                raw: undecoded.raw,
                reason,
            }),
        },
    }
}
