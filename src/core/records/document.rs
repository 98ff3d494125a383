//! The workspace file's envelope (`{format, schema_version, app_version, saved_at,
//! workspace}`) and its errors, for any collection: reading checks the format and version and
//! migrates; problems are reported in words a user can act on: the line and column of a JSON
//! syntax error, the field path of a schema error. The typed file is `workspace::file`.

use crate::core::records::collection::Record;
use crate::core::records::migrate::{self, MigrationError, SCHEMA_VERSION};
use crate::core::text::json::{JsonError, parse_json};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// The fixed format name in every workspace file and in stored metadata.
pub const FORMAT: &str = "mlops-governance-workbench";

/// Why a file could not be imported. Its `Display` is the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    Empty,
    InvalidJson {
        line: usize,
        column: usize,
        reason: String,
    },
    NotAnObject,
    WrongFormat {
        found: Option<String>,
    },
    MissingSchemaVersion,
    Newer {
        found: u64,
    },
    UnknownVersion {
        found: u64,
    },
    MigrationFailed {
        from: u32,
        reason: String,
    },
    MissingWorkspace,
    Schema {
        path: String,
        reason: String,
    },
    DuplicateId {
        collection: &'static str,
        id: String,
    },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Empty => JsonError::Empty.fmt(f),
            DocumentError::InvalidJson {
                line,
                column,
                reason,
            } => JsonError::Invalid {
                line: *line,
                column: *column,
                reason: reason.clone(),
            }
            .fmt(f),
            DocumentError::NotAnObject => {
                write!(
                    f,
                    "The file is JSON, but not a workspace: it should be one object {{…}}."
                )
            }
            DocumentError::WrongFormat { found: Some(found) } => write!(
                f,
                "The file is not a workbench workspace: its \"format\" is \"{found}\", expected \"{FORMAT}\"."
            ),
            DocumentError::WrongFormat { found: None } => write!(
                f,
                "The file is not a workbench workspace: it has no \"format\": \"{FORMAT}\" field."
            ),
            DocumentError::MissingSchemaVersion => {
                write!(
                    f,
                    "The file has no \"schema_version\" number, so it cannot be read safely."
                )
            }
            DocumentError::Newer { found } => write!(
                f,
                "The file was saved by a newer version of the workbench (schema version {found}); this version reads up to {SCHEMA_VERSION}. Open it with the newer version."
            ),
            DocumentError::UnknownVersion { found } => {
                write!(
                    f,
                    "The file has schema version {found}, which never existed."
                )
            }
            DocumentError::MigrationFailed { from, reason } => write!(
                f,
                "The file could not be upgraded from schema version {from}: {reason}."
            ),
            DocumentError::MissingWorkspace => write!(f, "The file has no \"workspace\" object."),
            DocumentError::Schema { path, reason } => {
                write!(f, "The file has a wrong value at {path}: {reason}.")
            }
            DocumentError::DuplicateId { collection, id } => write!(
                f,
                "The file has two records with the id \"{id}\" in workspace.{collection}."
            ),
        }
    }
}

impl From<JsonError> for DocumentError {
    fn from(error: JsonError) -> Self {
        match error {
            JsonError::Empty => DocumentError::Empty,
            JsonError::Invalid {
                line,
                column,
                reason,
            } => DocumentError::InvalidJson {
                line,
                column,
                reason,
            },
        }
    }
}

impl From<MigrationError> for DocumentError {
    fn from(error: MigrationError) -> Self {
        match error {
            MigrationError::Newer { found } => DocumentError::Newer { found },
            MigrationError::Unknown { found } => DocumentError::UnknownVersion { found },
            MigrationError::Failed { from, reason } => {
                DocumentError::MigrationFailed { from, reason }
            }
        }
    }
}

/// Deserializes a value, naming the path of the first wrong field after `prefix`.
pub fn decode_at<T: serde::de::DeserializeOwned>(
    value: Value,
    prefix: &str,
) -> Result<T, DocumentError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = if inner == "." {
            prefix.to_owned()
        } else {
            format!("{prefix}.{inner}")
        };
        DocumentError::Schema {
            path,
            reason: e.into_inner().to_string(),
        }
    })
}

/// Reads a workspace file's envelope: checks its format and schema version and returns its
/// `workspace` object migrated to [`SCHEMA_VERSION`], not yet decoded.
pub fn read_envelope(text: &str) -> Result<Value, DocumentError> {
    let value = parse_json(text)?;
    let Value::Object(mut object) = value else {
        return Err(DocumentError::NotAnObject);
    };
    match object.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(other)) => {
            return Err(DocumentError::WrongFormat {
                found: Some(other.clone()),
            });
        }
        _ => return Err(DocumentError::WrongFormat { found: None }),
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(DocumentError::MissingSchemaVersion)?;
    let workspace = object
        .remove("workspace")
        .ok_or(DocumentError::MissingWorkspace)?;
    Ok(migrate::migrate(workspace, version)?)
}

/// Fails on the first id that two records of one collection share.
pub fn check_unique_ids<T: Record>(
    collection: &'static str,
    items: &[T],
) -> Result<(), DocumentError> {
    let mut seen = BTreeSet::new();
    for item in items {
        if !seen.insert(item.id()) {
            return Err(DocumentError::DuplicateId {
                collection,
                id: item.id().to_owned(),
            });
        }
    }
    Ok(())
}
