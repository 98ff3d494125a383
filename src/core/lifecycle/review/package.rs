//! The review package file: `{format, schema_version, app_version, request, card,
//! card_sha256, approved_before?}`, written and read.

use crate::core::cards::card::{CardRecord, ModelCard};
use crate::core::lifecycle::approval::{ApprovalRequest, content_hash};
use crate::core::records::document::{DocumentError, FORMAT, decode_at};
use crate::core::text::filename::file_stem;
use crate::core::text::json::{JsonError, parse_json};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The fixed format name of every review package.
pub const PACKAGE_FORMAT: &str = "mlops-governance-review-package";
/// The package schema this build writes and reads.
pub const PACKAGE_VERSION: u64 = 1;

/// The card of the version last approved for production, so the reviewer sees what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovedBefore {
    /// The approved request's model version, e.g. "v2.0.0".
    pub model_version: String,
    pub card: ModelCard,
}

/// One request on its way between people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPackage {
    pub format: String,
    pub schema_version: u64,
    pub app_version: String,
    pub request: ApprovalRequest,
    /// The card exactly as it is reviewed and, at the end, approved.
    pub card: ModelCard,
    /// [`content_hash`] of `card` when the package was written.
    pub card_sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_before: Option<ApprovedBefore>,
}

impl ReviewPackage {
    /// A package of `request` over `card`; entries older than the hash chain are linked now.
    pub fn new(
        request: &ApprovalRequest,
        card: &ModelCard,
        approved_before: Option<ApprovedBefore>,
        app_version: &str,
    ) -> Self {
        let mut request = request.clone();
        request.seal();
        ReviewPackage {
            format: PACKAGE_FORMAT.to_owned(),
            schema_version: PACKAGE_VERSION,
            app_version: app_version.to_owned(),
            request,
            card: card.clone(),
            card_sha256: content_hash(card),
            approved_before,
        }
    }

    /// The file's text: pretty JSON, so a reviewer can read it and a diff shows the change.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The card of the version of the same model (same name, another card) last approved for
/// production, when the workspace still has that card as it was approved: what the reviewer
/// compares against.
pub fn approved_before(
    request: &ApprovalRequest,
    requests: &[ApprovalRequest],
    cards: &[CardRecord],
) -> Option<ApprovedBefore> {
    let same_model = |r: &&ApprovalRequest| {
        r.model_name.trim().to_lowercase() == request.model_name.trim().to_lowercase()
    };
    requests
        .iter()
        .filter(|r| r.id != request.id && r.card_id != request.card_id)
        .filter(|r| r.is_approved_for_production())
        .filter(same_model)
        .filter_map(|r| {
            // Only a card still as it was approved: an edited one is not what was approved.
            let card = cards.iter().find(|c| c.id == r.card_id)?;
            r.stale_stages(&content_hash(&card.card))
                .is_empty()
                .then(|| (r.waiting_since(), r, card))
        })
        .max_by_key(|(approved_at, _, _)| *approved_at)
        .map(|(_, r, card)| ApprovedBefore {
            model_version: r.model_version.clone(),
            card: card.card.clone(),
        })
}

/// "review-model-review-recommendation-model-v2-1-0.json": where it stands (first, so a long
/// name cannot cut it off), the model and its version.
pub fn package_file_name(request: &ApprovalRequest) -> String {
    let step = if request.is_approved_for_production() {
        "approved".to_owned()
    } else if request.status().is_returned() {
        format!("returned-{}", request.stage().key())
    } else {
        request.stage().key().to_owned()
    };
    let stem = file_stem(&format!(
        "review {step} {} {}",
        request.model_name, request.model_version
    ));
    format!("{stem}.json")
}

/// Why a file could not be read as a review package. Its `Display` is the message shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    Json(JsonError),
    NotAnObject,
    /// A workspace file, which is imported on the Workspace data page instead.
    Workspace,
    WrongFormat {
        found: Option<String>,
    },
    MissingSchemaVersion,
    Newer {
        found: u64,
    },
    Schema {
        path: String,
        reason: String,
    },
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::Json(error) => error.fmt(f),
            PackageError::NotAnObject => write!(
                f,
                "The file is JSON, but not a review package: it should be one object {{…}}."
            ),
            PackageError::Workspace => write!(
                f,
                "This is a workspace file, not a review package: import it on the Workspace data page."
            ),
            PackageError::WrongFormat { found: Some(found) } => write!(
                f,
                "The file is not a review package: its \"format\" is \"{found}\", expected \"{PACKAGE_FORMAT}\"."
            ),
            PackageError::WrongFormat { found: None } => write!(
                f,
                "The file is not a review package: it has no \"format\": \"{PACKAGE_FORMAT}\" field."
            ),
            PackageError::MissingSchemaVersion => write!(
                f,
                "The package has no \"schema_version\" number, so it cannot be read safely."
            ),
            PackageError::Newer { found } => write!(
                f,
                "The package was made by a newer version of the workbench (package version {found}); this version reads up to {PACKAGE_VERSION}. Open it with the newer version."
            ),
            PackageError::Schema { path, reason } => {
                write!(f, "The package has a wrong value at {path}: {reason}.")
            }
        }
    }
}

/// Reads a package file. It is not yet verified: see [`super::verify`].
pub fn read_package(text: &str) -> Result<ReviewPackage, PackageError> {
    let value = parse_json(text).map_err(PackageError::Json)?;
    let Value::Object(object) = &value else {
        return Err(PackageError::NotAnObject);
    };
    match object.get("format") {
        Some(Value::String(format)) if format == PACKAGE_FORMAT => {}
        Some(Value::String(format)) if format == FORMAT => return Err(PackageError::Workspace),
        Some(Value::String(other)) => {
            return Err(PackageError::WrongFormat {
                found: Some(other.clone()),
            });
        }
        _ => return Err(PackageError::WrongFormat { found: None }),
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(PackageError::MissingSchemaVersion)?;
    if version > PACKAGE_VERSION {
        return Err(PackageError::Newer { found: version });
    }
    decode_at(value, "package").map_err(|error| match error {
        DocumentError::Schema { path, reason } => PackageError::Schema { path, reason },
        other => PackageError::Schema {
            path: "package".to_owned(),
            reason: other.to_string(),
        },
    })
}
