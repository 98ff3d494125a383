//! Migrations of the workspace document from older schema versions.
//!
//! A migration is a pure function on the JSON value of the `workspace` object, from one
//! version to the next. Every schema version that was ever shipped keeps a golden file under
//! `tests/fixtures/workspace-vN.json` that is never edited; the tests load each one through
//! these migrations. To change the schema: bump [`SCHEMA_VERSION`], append one function to
//! [`STEPS`], and add the new version's fixture.

use crate::core::text::digest::sha256_hex;
use serde_json::Value;
use std::collections::BTreeMap;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 7;

/// A step from version `n` to `n + 1`, at index `n - 1`.
type Step = fn(Value) -> Result<Value, String>;

const STEPS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2 adds the technical-debt register: an empty one for older workspaces.
fn v1_to_v2(mut workspace: Value) -> Result<Value, String> {
    let object = workspace
        .as_object_mut()
        .ok_or("the workspace is not an object")?;
    object
        .entry("debt")
        .or_insert_with(|| serde_json::json!({ "items": [] }));
    Ok(workspace)
}

/// Version 3 adds model cards: none for older workspaces.
fn v2_to_v3(mut workspace: Value) -> Result<Value, String> {
    let object = workspace
        .as_object_mut()
        .ok_or("the workspace is not an object")?;
    object
        .entry("cards")
        .or_insert_with(|| serde_json::json!({ "items": [] }));
    Ok(workspace)
}

/// Version 4 adds the lifecycle: checklists, approval requests, reviewer groups and security
/// audits, all empty for older workspaces.
fn v3_to_v4(mut workspace: Value) -> Result<Value, String> {
    let object = workspace
        .as_object_mut()
        .ok_or("the workspace is not an object")?;
    object
        .entry("checklists")
        .or_insert_with(|| serde_json::json!({ "items": [] }));
    for added in ["approvals", "reviewers", "audits"] {
        object
            .entry(added)
            .or_insert_with(|| serde_json::json!({ "items": [] }));
    }
    Ok(workspace)
}

/// Version 5 gives model cards evaluation results (`eval_results`, from the Hub's
/// `model-index`) and what an imported README held beyond the fields (`imported_readme`).
/// Older cards have neither: an empty list of results, and no imported README. Older builds
/// refuse the new card fields, which is why this is a new version.
fn v4_to_v5(mut workspace: Value) -> Result<Value, String> {
    let object = workspace
        .as_object_mut()
        .ok_or("the workspace is not an object")?;
    for record in items_mut(object, "cards") {
        if let Some(card) = record.get_mut("card").and_then(Value::as_object_mut) {
            card.entry("eval_results")
                .or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    Ok(workspace)
}

/// Version 6 gives every assessment its instrument (the ML Test Score joins the lesson's
/// maturity model), an optional target and an optional room's evidence, and debt items an
/// optional link to the gap they close. Older assessments are of the maturity model. Older
/// builds would read an ML Test Score assessment as a maturity one, which is why this is a
/// new version.
fn v5_to_v6(mut workspace: Value) -> Result<Value, String> {
    let object = workspace
        .as_object_mut()
        .ok_or("the workspace is not an object")?;
    for record in items_mut(object, "assessments") {
        if let Some(assessment) = record.as_object_mut() {
            assessment
                .entry("instrument")
                .or_insert_with(|| Value::String("maturity".to_owned()));
        }
    }
    Ok(workspace)
}

/// Version 7 gives the approval trail a hash chain (`chain` per entry, linked when the request
/// next changes) and SHA-256 content hashes instead of FNV-1a 64. Entries whose FNV hash is
/// that of their card as stored now get the card's SHA-256, so approvals of unchanged cards
/// stay current; entries of older content keep their FNV hash and stay marked as covering
/// older content. Older builds would drop the chain on save, which is why this is a new
/// version.
fn v6_to_v7(mut workspace: Value) -> Result<Value, String> {
    let object = workspace
        .as_object_mut()
        .ok_or("the workspace is not an object")?;
    let mut hashes = BTreeMap::new();
    for record in items_mut(object, "cards") {
        if let (Some(id), Some(card)) =
            (record.get("id").and_then(Value::as_str), record.get("card"))
        {
            let json = serde_json::to_string(card).map_err(|e| e.to_string())?;
            hashes.insert(
                id.to_owned(),
                (legacy_fnv(&json), sha256_hex(json.as_bytes())),
            );
        }
    }
    for request in items_mut(object, "approvals") {
        let Some((fnv, sha)) = request
            .get("card_id")
            .and_then(Value::as_str)
            .and_then(|id| hashes.get(id))
        else {
            continue;
        };
        let trail = request.get_mut("trail").and_then(Value::as_array_mut);
        for entry in trail.into_iter().flatten() {
            if let Some(hash) = entry.get_mut("card_hash")
                && hash.as_str() == Some(fnv.as_str())
            {
                *hash = Value::String(sha.clone());
            }
        }
    }
    Ok(workspace)
}

/// FNV-1a 64 as 16 hex digits: the content hash of schema versions 4 to 6, kept only to
/// recognise it here.
fn legacy_fnv(json: &str) -> String {
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The records of one collection, to change in place. A file may leave out a collection it
/// has nothing in; then there is nothing to change.
fn items_mut<'a>(
    workspace: &'a mut serde_json::Map<String, Value>,
    collection: &str,
) -> impl Iterator<Item = &'a mut Value> {
    workspace
        .get_mut(collection)
        .and_then(|c| c.get_mut("items"))
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// Why a document could not be brought to the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Written by a newer build; this one must not guess at it.
    Newer { found: u64 },
    /// A version that never existed (0, or a gap in the steps).
    Unknown { found: u64 },
    /// A step refused the data.
    Failed { from: u32, reason: String },
}

/// Brings a workspace value from `from` to [`SCHEMA_VERSION`].
pub fn migrate(mut workspace: Value, from: u64) -> Result<Value, MigrationError> {
    if from > u64::from(SCHEMA_VERSION) {
        return Err(MigrationError::Newer { found: from });
    }
    let start = u32::try_from(from)
        .ok()
        .filter(|v| *v >= 1)
        .ok_or(MigrationError::Unknown { found: from })?;
    for version in start..SCHEMA_VERSION {
        let index =
            usize::try_from(version - 1).map_err(|_| MigrationError::Unknown { found: from })?;
        let step = STEPS
            .get(index)
            .ok_or(MigrationError::Unknown { found: from })?;
        workspace = step(workspace).map_err(|reason| MigrationError::Failed {
            from: version,
            reason,
        })?;
    }
    Ok(workspace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_below_the_current_one_has_a_step() {
        assert_eq!(STEPS.len() + 1, SCHEMA_VERSION as usize);
    }
}
