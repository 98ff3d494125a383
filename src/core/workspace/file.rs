//! The workspace file, used for export and import: the records envelope around a
//! [`Workspace`]. Parsing validates everything before anything is returned.

use crate::core::records::collection::Collection;
use crate::core::records::document::{
    DocumentError, FORMAT, check_unique_ids, decode_at, read_envelope,
};
use crate::core::records::migrate::SCHEMA_VERSION;
use crate::core::records::registry::{Stored, Visit};
use crate::core::workspace::Workspace;
use chrono::{DateTime, Utc};
use serde::Serialize;

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

/// Parses a workspace file, checks its format and version, migrates it and validates every
/// record. Nothing is returned unless the whole file is good.
pub fn parse_document(text: &str) -> Result<Workspace, DocumentError> {
    let migrated = read_envelope(text)?;
    let workspace: Workspace = decode_at(migrated, "workspace")?;
    let mut check = UniqueIds(Ok(()));
    workspace.visit(&mut check);
    check.0.map(|()| workspace)
}

/// The first duplicate id of any collection.
struct UniqueIds(Result<(), DocumentError>);

impl Visit for UniqueIds {
    fn visit<T: Stored>(&mut self, collection: &Collection<T>) {
        if self.0.is_ok() {
            self.0 = check_unique_ids(T::COLLECTION.key, &collection.items);
        }
    }
}
