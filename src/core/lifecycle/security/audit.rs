//! One recorded audit of a card's model, a card's history of audits, and a new audit's
//! information prefilled from the card.

use super::catalogue::{AuditResult, CheckResult, audit_model, further_checks};
use super::model_info::ModelInfo;
use crate::core::cards::card::CardRecord;
use crate::core::records::collection::Record;
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One audit of a model card's model, on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityAudit {
    pub id: String,
    /// The [`CardRecord`] audited.
    pub card_id: String,
    #[serde(deserialize_with = "dates::date")]
    pub audited_on: NaiveDate,
    #[serde(default)]
    pub info: ModelInfo,
    #[serde(deserialize_with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::records::collection::record!(SecurityAudit);

impl SecurityAudit {
    pub fn new(
        id: String,
        card_id: String,
        audited_on: NaiveDate,
        info: ModelInfo,
        now: DateTime<Utc>,
    ) -> Self {
        SecurityAudit {
            id,
            card_id,
            audited_on,
            info,
            created_at: now,
            updated_at: now,
        }
    }

    /// The lesson's five checks on this audit's information, computed now.
    pub fn result(&self) -> AuditResult {
        audit_model(&self.info)
    }

    /// The further checks on this audit's information, computed now.
    pub fn further(&self) -> Vec<CheckResult> {
        further_checks(&self.info)
    }
}

/// A card's audits, newest first (by date, then by time of creation).
pub fn history<'a>(audits: &'a [SecurityAudit], card_id: &str) -> Vec<&'a SecurityAudit> {
    let mut found: Vec<&SecurityAudit> = audits.iter().filter(|a| a.card_id == card_id).collect();
    found.sort_by(|a, b| {
        (b.audited_on, b.created_at, &b.id).cmp(&(a.audited_on, a.created_at, &a.id))
    });
    found
}

/// A new audit's information from what the card already records: the trainer from the owner
/// team and contact e-mail (`ML Platform Team <ml-platform@example.com>`), the training data
/// version from the training data's date range (the card has no data version), and the
/// dataset provenance from the training data description. The rest is left blank.
pub fn prefill(card: &CardRecord) -> ModelInfo {
    let card = &card.card;
    let team = card.owner_team.trim();
    let email = card.contact_email.trim();
    let trainer = match (team.is_empty(), email.is_empty()) {
        (false, false) => format!("{team} <{email}>"),
        (false, true) => team.to_owned(),
        _ => email.to_owned(),
    };
    let range = card.training_data_date_range;
    let training_data_version = match (range.start, range.end) {
        (Some(start), Some(end)) => format!("{start} to {end}"),
        (Some(start), None) => format!("from {start}"),
        (None, Some(end)) => format!("until {end}"),
        (None, None) => String::new(),
    };
    ModelInfo {
        trainer,
        training_data_version,
        dataset_provenance: card.training_data_description.trim().to_owned(),
        ..ModelInfo::default()
    }
}

impl Mergeable for SecurityAudit {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        let mut copy = self.with_updated_at(now);
        copy.id = id;
        copy
    }
}

crate::core::records::registry::stored!(
    SecurityAudit,
    "audits",
    "security audit",
    "security audits"
);
