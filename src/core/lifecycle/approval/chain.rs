//! The trail's hash chain and the card's content hash.
//!
//! Each trail entry stores the SHA-256 of the entry before it and of its own fields, so an
//! entry changed, removed or reordered after it was written no longer matches, wherever the
//! request travelled. Names are declared, not authenticated, and nothing is signed: anyone can
//! write a new, consistent chain. The chain shows that a trail was changed, and where; it does
//! not prove who changed it.

use super::stage::{EntryKind, TrailEntry};
use crate::core::cards::card::ModelCard;
use crate::core::text::digest::sha256_hex;

/// SHA-256 of the card's JSON, as 64 hex digits. The JSON is the card's own serialization,
/// which a storage, file or package round trip reproduces exactly; the record's times are
/// not part of it.
pub fn content_hash(card: &ModelCard) -> String {
    sha256_hex(serde_json::to_string(card).unwrap_or_default().as_bytes())
}

/// The link of `entry` after `previous` (the link of the entry before it, or "" for the
/// first). Every field is written with its length, so no two different entries can give the
/// same text; the time is written as whole seconds and nanoseconds, which every round trip
/// keeps.
pub fn link(previous: &str, entry: &TrailEntry) -> String {
    let kind = match entry.kind {
        EntryKind::Requested => "requested",
        EntryKind::Resubmitted => "resubmitted",
        EntryKind::Decided(decision) => match decision {
            super::Decision::Approve => "decided:approve",
            super::Decision::Reject => "decided:reject",
            super::Decision::NeedsRevision => "decided:needs_revision",
        },
    };
    let mut text = String::from("mlops-governance-trail-entry/1\n");
    for field in [
        previous,
        kind,
        entry.stage.key(),
        &format!(
            "{}.{:09}",
            entry.at.timestamp(),
            entry.at.timestamp_subsec_nanos()
        ),
        &entry.card_hash,
        &entry.by,
        &entry.comment,
    ] {
        text.push_str(&field.len().to_string());
        text.push(':');
        text.push_str(field);
        text.push('\n');
    }
    sha256_hex(text.as_bytes())
}

/// Where a trail's chain breaks: the first entry (0-based) whose stored link is missing or
/// does not match its fields and the link before it.
pub fn first_break(trail: &[TrailEntry]) -> Option<usize> {
    let mut previous = String::new();
    for (index, entry) in trail.iter().enumerate() {
        if entry.chain.is_empty() || link(&previous, entry) != entry.chain {
            return Some(index);
        }
        previous.clone_from(&entry.chain);
    }
    None
}
