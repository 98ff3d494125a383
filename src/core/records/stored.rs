//! What the app keeps in local storage, as pure functions over the stored strings: keys,
//! metadata, and one collection's value. Loading the whole workspace is `workspace::load`.
//!
//! One key per collection, so an edit rewrites one small value, plus a metadata key with the
//! format name and schema version. Each collection value carries a revision number that grows
//! with every write, so a tab can tell that another tab wrote since it last looked.
//!
//! Loading never fails as a whole: a value that does not parse is reported as damaged (and
//! kept, raw, for the user to rescue), and a record that does not parse is quarantined: kept
//! raw, shown, and written back unchanged with the others until the user discards it.

use crate::core::records::collection::{Collection, Record, Tombstone};
use crate::core::records::document::{FORMAT, decode_at};
use crate::core::records::migrate::SCHEMA_VERSION;
use crate::core::records::registry::Stored;
use crate::core::text::json::parse_json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// Every key of the app starts with this, so the app never touches other apps' keys.
pub const KEY_PREFIX: &str = "mlops-workbench:";

pub fn meta_key() -> String {
    format!("{KEY_PREFIX}meta")
}

/// The key of one collection, from its registry key (`"assessments"`).
pub fn collection_key(key: &str) -> String {
    format!("{KEY_PREFIX}{key}")
}

/// The prefix of the keys that hold copies of damaged values.
pub fn rescue_prefix() -> String {
    format!("{KEY_PREFIX}rescued:")
}

/// Where a damaged value is copied, stamped with the time, before the user decides what to do
/// with it. The stamp keeps an earlier copy from being overwritten by a later one.
pub fn rescue_key(original_key: &str, at: DateTime<Utc>) -> String {
    let suffix = original_key
        .strip_prefix(KEY_PREFIX)
        .unwrap_or(original_key);
    let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    format!("{}{suffix}:{stamp}", rescue_prefix())
}

/// The metadata key's value. `saved_at` is when this app version first wrote it: saves do not
/// rewrite it while it is current (see [`meta_is_current`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub format: String,
    pub schema_version: u64,
    #[serde(default)]
    pub app_version: String,
    #[serde(
        default,
        deserialize_with = "crate::core::text::dates::optional_timestamp"
    )]
    pub saved_at: Option<DateTime<Utc>>,
}

pub fn encode_meta(app_version: &str, saved_at: DateTime<Utc>) -> String {
    let meta = Meta {
        format: FORMAT.to_owned(),
        schema_version: u64::from(SCHEMA_VERSION),
        app_version: app_version.to_owned(),
        saved_at: Some(saved_at),
    };
    serde_json::to_string(&meta).unwrap_or_default()
}

/// A record that did not parse, kept as it was stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    pub raw: Value,
    /// Why it did not parse, with the field path.
    pub reason: String,
}

impl Quarantined {
    /// The stored id of the record, when it has a readable one.
    pub fn id(&self) -> Option<&str> {
        self.raw.get("id").and_then(Value::as_str)
    }
}

/// A stored value that could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// One collection as read from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    pub revision: u64,
    pub collection: Collection<T>,
    pub quarantined: Vec<Quarantined>,
}

impl<T> Default for Decoded<T> {
    fn default() -> Self {
        Self {
            revision: 0,
            collection: Collection::default(),
            quarantined: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct StoredCollectionOut<'a> {
    revision: u64,
    saved_at: DateTime<Utc>,
    items: Vec<Value>,
    #[serde(skip_serializing_if = "<[Tombstone]>::is_empty")]
    deleted: &'a [Tombstone],
}

/// The stored text of a collection: its records, then the quarantined ones unchanged.
pub fn encode_collection<T: Record>(
    collection: &Collection<T>,
    quarantined: &[Quarantined],
    revision: u64,
    saved_at: DateTime<Utc>,
) -> String {
    let items = collection
        .items
        .iter()
        .filter_map(|r| serde_json::to_value(r).ok())
        .chain(quarantined.iter().map(|q| q.raw.clone()))
        .collect();
    let out = StoredCollectionOut {
        revision,
        saved_at,
        items,
        deleted: &collection.deleted,
    };
    serde_json::to_string(&out).unwrap_or_default()
}

/// The stored text of a collection value that was migrated at start and is not decoded yet:
/// written back as migrated, under a new revision, so that storage never holds two schema
/// versions at once (see `workspace::load::read_values`). Decoding it later gives the same
/// records and quarantined records as decoding it now would.
pub fn encode_migrated(value: &mut Value, revision: u64, saved_at: DateTime<Utc>) -> String {
    if let Value::Object(object) = value {
        object.insert("revision".to_owned(), Value::from(revision));
        if let Ok(saved_at) = serde_json::to_value(saved_at) {
            object.insert("saved_at".to_owned(), saved_at);
        }
    }
    serde_json::to_string(value).unwrap_or_default()
}

/// The revision of a stored collection value, or 0 when it has none.
///
/// Every save asks this, so it reads the `{"revision":N` that [`encode_collection`] writes
/// first instead of parsing a value that can be megabytes long; anything else is parsed.
pub fn stored_revision(raw: &str) -> u64 {
    let leading = raw
        .strip_prefix("{\"revision\":")
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok());
    leading.unwrap_or_else(|| {
        serde_json::from_str::<Value>(raw)
            .ok()
            .and_then(|v| v.get("revision").and_then(Value::as_u64))
            .unwrap_or(0)
    })
}

/// True when the stored metadata already names this format, schema and app version, so a
/// save need not write it again.
pub fn meta_is_current(raw: Option<&str>, app_version: &str) -> bool {
    raw.and_then(|raw| serde_json::from_str::<Meta>(raw).ok())
        .is_some_and(|meta| {
            meta.format == FORMAT
                && meta.schema_version == u64::from(SCHEMA_VERSION)
                && meta.app_version == app_version
        })
}

/// Decodes a stored collection value that is already at the current schema version.
pub fn decode_collection<T: Stored>(raw: &str) -> Result<Decoded<T>, String> {
    let value = parse_json(raw).map_err(|e| e.to_string())?;
    decode_collection_value(value)
}

/// Decodes one collection's value (already parsed and migrated); records that do not parse
/// are quarantined, with the field path of their first problem.
pub fn decode_collection_value<T: Stored>(value: Value) -> Result<Decoded<T>, String> {
    let Value::Object(mut object) = value else {
        return Err("the stored value is not an object".to_owned());
    };
    let revision = object.get("revision").and_then(Value::as_u64).unwrap_or(0);
    let items = match object.remove("items") {
        Some(Value::Array(items)) => items,
        None => Vec::new(),
        Some(_) => return Err("its \"items\" is not a list".to_owned()),
    };
    let deleted: Vec<Tombstone> = match object.remove("deleted") {
        Some(value) => decode_at(value, "deleted").map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let mut decoded = Decoded {
        revision,
        collection: Collection {
            items: Vec::new(),
            deleted,
        },
        quarantined: Vec::new(),
    };
    let mut ids = BTreeSet::new();
    for (index, raw) in items.into_iter().enumerate() {
        let path = format!("{}[{index}]", T::COLLECTION.key);
        match decode_at::<T>(raw.clone(), &path) {
            Ok(record) if ids.insert(record.id().to_owned()) => {
                decoded.collection.items.push(record)
            }
            Ok(record) => decoded.quarantined.push(Quarantined {
                raw,
                reason: format!("another record already has the id \"{}\"", record.id()),
            }),
            Err(error) => decoded.quarantined.push(Quarantined {
                raw,
                reason: error.to_string(),
            }),
        }
    }
    Ok(decoded)
}
