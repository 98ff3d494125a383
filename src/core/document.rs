//! The workspace file: a versioned envelope around the [`Workspace`], used for export and
//! import. Parsing validates everything first and reports the first problem in words a user
//! can act on: the line and column of a JSON syntax error, the field path of a schema error.

use crate::core::collection::Record;
use crate::core::migrate::{self, MigrationError, SCHEMA_VERSION};
use crate::core::workspace::Workspace;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// The fixed format name in every workspace file and in stored metadata.
pub const FORMAT: &str = "mlops-governance-workbench";

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    schema_version: u32,
    app_version: &'a str,
    saved_at: DateTime<Utc>,
    workspace: &'a Workspace,
}

/// The workspace as a pretty-printed file, without tombstones.
pub fn export_document(
    workspace: &Workspace,
    app_version: &str,
    saved_at: DateTime<Utc>,
) -> String {
    let clean = workspace.without_tombstones();
    let envelope = Envelope {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version,
        saved_at,
        workspace: &clean,
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

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
            DocumentError::Empty => write!(f, "The file is empty."),
            DocumentError::InvalidJson {
                line,
                column,
                reason,
            } => write!(
                f,
                "The file is not valid JSON: line {line}, column {column}: {reason}."
            ),
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

/// Parses JSON text into a value, turning a syntax error into line, column and reason.
pub fn parse_json(text: &str) -> Result<Value, DocumentError> {
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let reason = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(reason, _)| reason)
            .to_owned();
        DocumentError::InvalidJson {
            line: e.line(),
            column: e.column(),
            reason,
        }
    })
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

/// Parses a workspace file, checks its format and version, migrates it and validates every
/// record. Nothing is returned unless the whole file is good.
pub fn parse_document(text: &str) -> Result<Workspace, DocumentError> {
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
    let migrated = migrate::migrate(workspace, version)?;
    let workspace: Workspace = decode_at(migrated, "workspace")?;
    check_unique_ids("assessments", &workspace.assessments.items)?;
    check_unique_ids("debt", &workspace.debt.items)?;
    check_unique_ids("cards", &workspace.cards.items)?;
    check_unique_ids("checklists", &workspace.checklists.items)?;
    check_unique_ids("approvals", &workspace.approvals.items)?;
    check_unique_ids("reviewers", &workspace.reviewers.items)?;
    check_unique_ids("audits", &workspace.audits.items)?;
    Ok(workspace)
}

fn check_unique_ids<T: Record>(collection: &'static str, items: &[T]) -> Result<(), DocumentError> {
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
