//! Model security audits (lesson section 6.1): the model information the lesson's
//! `ModelSecurityChecker` reads, its five checks with their exact messages, the overall verdict,
//! further checks from public checklists (shown apart, so the lesson's five keep their meaning),
//! and a dated history of audits per model card.
//!
//! An audit stores only the information entered ([`ModelInfo`]); results are computed from it
//! each time ([`SecurityAudit::result`]), never stored, so a fix to a rule applies to old
//! audits too.

use crate::core::card::CardRecord;
use crate::core::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What the lesson's `model_info` dict holds, as a form fills it in, plus the further checks'
/// fields.
///
/// The lesson checks presence with `'git_commit' in model_info`. A form always has every key,
/// so here a text field counts as present when it is not blank (only spaces is blank), and
/// `input_validation`, which the lesson also checks by presence, counts when it is ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelInfo {
    pub git_commit: String,
    pub training_data_version: String,
    /// Who trained the model (the lesson's example is an e-mail address).
    pub trainer: String,
    /// The input schema as text (JSON Schema, a field list, a link).
    pub input_schema: String,
    pub input_validation: bool,
    pub authentication: bool,
    pub authorization: bool,
    pub model_encrypted: bool,
    pub data_encrypted_in_transit: bool,
    /// The vulnerability scanner's findings (Safety, Snyk, pip-audit …), entered by hand, one
    /// per line such as `pkg==1.0`. Blank lines are ignored by the check; the lesson's demo
    /// hard-codes an empty list here.
    pub vulnerable_dependencies: Vec<String>,
    /// The model file's format or file name: `safetensors`, `onnx`, `gguf`, `pickle`, `model.pt`.
    pub model_format: String,
    /// A software bill of materials (libraries and versions) is kept for the model.
    pub sbom_recorded: bool,
    /// Where the training data comes from.
    pub dataset_provenance: String,
    /// The training data's licence or terms of use.
    pub dataset_licence: String,
    /// The inference API limits how many requests a caller can make.
    pub rate_limited: bool,
}

fn present(text: &str) -> bool {
    !text.trim().is_empty()
}

impl ModelInfo {
    /// The lesson's `model_info` (its `input_schema` is `{...}`).
    pub fn lesson_example() -> Self {
        ModelInfo {
            git_commit: "abc123".to_owned(),
            training_data_version: "v2.1".to_owned(),
            trainer: "ml-engineer@example.com".to_owned(),
            input_schema: "{...}".to_owned(),
            input_validation: true,
            authentication: true,
            authorization: true,
            model_encrypted: true,
            data_encrypted_in_transit: true,
            ..ModelInfo::default()
        }
    }

    /// The vulnerable dependencies as the check reads them: trimmed, blank lines left out.
    pub fn vulnerable_packages(&self) -> Vec<&str> {
        self.vulnerable_dependencies
            .iter()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty())
            .collect()
    }

    /// The vulnerable dependencies as a text area shows them, one per line.
    pub fn vulnerable_dependencies_text(&self) -> String {
        self.vulnerable_dependencies.join("\n")
    }

    /// Sets the vulnerable dependencies from a text area's text, one per line, kept as typed
    /// (a trailing empty line stays, so the cursor does not jump back while typing).
    pub fn set_vulnerable_dependencies_text(&mut self, text: &str) {
        self.vulnerable_dependencies = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_owned())
            .collect();
        if self
            .vulnerable_dependencies
            .iter()
            .all(|line| line.is_empty())
        {
            self.vulnerable_dependencies.clear();
        }
    }
}

/// Python's `repr` of a string: single quotes unless the text holds `'` and no `"`, then
/// double quotes; backslashes, the quote used and control characters escaped. Other characters
/// Python counts as unprintable (a no-break space, zero-width characters) are kept as they are.
pub fn python_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // Control characters (all below U+0100) are written as Python does: `\x7f`.
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a list of strings: `['git_commit', 'trainer']`.
pub fn python_list_repr<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let inner: Vec<String> = items.into_iter().map(python_repr).collect();
    format!("[{}]", inner.join(", "))
}

/// `check_model_provenance`: git commit, training data version and trainer recorded.
pub fn check_model_provenance(info: &ModelInfo) -> (bool, String) {
    let fields = [
        ("git_commit", &info.git_commit),
        ("training_data_version", &info.training_data_version),
        ("trainer", &info.trainer),
    ];
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, value)| !present(value))
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        (true, "Model provenance verified".to_owned())
    } else {
        (
            false,
            format!("Missing provenance fields: {}", python_list_repr(missing)),
        )
    }
}

/// `check_dependency_vulnerabilities`: the scanner found nothing.
pub fn check_dependency_vulnerabilities(info: &ModelInfo) -> (bool, String) {
    let found = info.vulnerable_packages();
    if found.is_empty() {
        (true, "No known vulnerabilities".to_owned())
    } else {
        (
            false,
            format!("Vulnerable dependencies: {}", python_list_repr(found)),
        )
    }
}

/// `check_input_validation`: an input schema and input validation.
pub fn check_input_validation(info: &ModelInfo) -> (bool, String) {
    if present(&info.input_schema) && info.input_validation {
        (true, "Input validation configured".to_owned())
    } else {
        (false, "Missing input validation".to_owned())
    }
}

/// `check_access_controls`: authentication and authorization.
pub fn check_access_controls(info: &ModelInfo) -> (bool, String) {
    if info.authentication && info.authorization {
        (true, "Access controls configured".to_owned())
    } else {
        (false, "Access controls not configured".to_owned())
    }
}

/// `check_encryption`: the model encrypted and data encrypted in transit.
pub fn check_encryption(info: &ModelInfo) -> (bool, String) {
    if info.model_encrypted && info.data_encrypted_in_transit {
        (true, "Encryption configured".to_owned())
    } else {
        (false, "Encryption not configured".to_owned())
    }
}

/// Formats whose loading runs no code: tensors and a graph or metadata, nothing executable.
const DATA_ONLY_FORMATS: [&str; 3] = ["safetensors", "onnx", "gguf"];

/// Formats built on Python's pickle, whose loading can run any code the file holds.
/// `bin` and `ckpt` are not listed: they are PyTorch pickles as often as data-only files
/// (GGML, TensorFlow checkpoints), so they ask for the format by name.
const PICKLE_FORMATS: [&str; 7] = [
    "pickle",
    "pkl",
    "joblib",
    "dill",
    "cloudpickle",
    "pt",
    "pth",
];

/// Safe model format: a data-only format, not one built on pickle.
pub fn check_model_format(info: &ModelInfo) -> (bool, String) {
    let text = info.model_format.trim().to_lowercase();
    // A file name or extension (`model.pt`, `.pkl`) counts by its extension.
    let format = text.rsplit('.').next().unwrap_or_default();
    if format.is_empty() {
        (false, "Record the model file format".to_owned())
    } else if DATA_ONLY_FORMATS.contains(&format) {
        (
            true,
            format!("{format} is data-only: loading it runs no code"),
        )
    } else if PICKLE_FORMATS.contains(&format) {
        (
            false,
            format!(
                "Built on pickle ({format}): loading it can run code; use safetensors, ONNX or GGUF"
            ),
        )
    } else {
        (
            false,
            format!(
                "Record the model file format: \"{format}\" is not known to be data-only (safetensors, ONNX and GGUF are)"
            ),
        )
    }
}

/// SBOM recorded.
pub fn check_sbom(info: &ModelInfo) -> (bool, String) {
    if info.sbom_recorded {
        (true, "Software bill of materials recorded".to_owned())
    } else {
        (false, "No software bill of materials recorded".to_owned())
    }
}

/// Dataset provenance and licence recorded.
pub fn check_dataset_provenance(info: &ModelInfo) -> (bool, String) {
    match (
        present(&info.dataset_provenance),
        present(&info.dataset_licence),
    ) {
        (true, true) => (true, "Dataset provenance and licence recorded".to_owned()),
        (false, true) => (false, "Missing dataset provenance".to_owned()),
        (true, false) => (false, "Missing dataset licence".to_owned()),
        (false, false) => (false, "Missing dataset provenance and licence".to_owned()),
    }
}

/// Rate limits on the inference API.
pub fn check_rate_limits(info: &ModelInfo) -> (bool, String) {
    if info.rate_limited {
        (true, "Inference API rate limited".to_owned())
    } else {
        (false, "No rate limits on the inference API".to_owned())
    }
}

/// An item of a public checklist that a further check comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// "OWASP Machine Learning Security Top 10" or "MITRE ATLAS".
    pub list: &'static str,
    /// The item's id and name in that list, e.g. "ML06:2023 AI Supply Chain Attacks".
    pub item: &'static str,
}

const OWASP: &str = "OWASP Machine Learning Security Top 10";
const ATLAS: &str = "MITRE ATLAS";

/// A check: its stable id, a readable title, where it comes from, and its rule.
pub struct Check {
    /// The lesson's function name for the lesson's five; a name of the same kind otherwise.
    pub id: &'static str,
    pub title: &'static str,
    /// The public checklist items behind a further check (none for the lesson's five).
    pub sources: &'static [Source],
    pub run: fn(&ModelInfo) -> (bool, String),
}

/// The lesson's five checks, in its order.
pub const LESSON_CHECKS: [Check; 5] = [
    Check {
        id: "check_model_provenance",
        title: "Model provenance",
        sources: &[],
        run: check_model_provenance,
    },
    Check {
        id: "check_dependency_vulnerabilities",
        title: "Dependency vulnerabilities",
        sources: &[],
        run: check_dependency_vulnerabilities,
    },
    Check {
        id: "check_input_validation",
        title: "Input validation",
        sources: &[],
        run: check_input_validation,
    },
    Check {
        id: "check_access_controls",
        title: "Access controls",
        sources: &[],
        run: check_access_controls,
    },
    Check {
        id: "check_encryption",
        title: "Encryption",
        sources: &[],
        run: check_encryption,
    },
];

/// Further checks beyond the lesson, from the OWASP Machine Learning Security Top 10 (2023)
/// and MITRE ATLAS (ids as in MITRE's atlas-data, which renamed "ML" to "AI" in names).
pub const FURTHER_CHECKS: [Check; 4] = [
    Check {
        id: "check_model_format",
        title: "Model file format safe to load",
        sources: &[
            Source {
                list: OWASP,
                item: "ML06:2023 AI Supply Chain Attacks",
            },
            Source {
                list: ATLAS,
                item: "AML.T0011.000 Unsafe AI Artifacts",
            },
        ],
        run: check_model_format,
    },
    Check {
        id: "check_sbom",
        title: "Software bill of materials recorded",
        sources: &[
            Source {
                list: OWASP,
                item: "ML06:2023 AI Supply Chain Attacks",
            },
            Source {
                list: ATLAS,
                item: "AML.T0010 AI Supply Chain Compromise (mitigation AML.M0023 AI Bill of Materials)",
            },
        ],
        run: check_sbom,
    },
    Check {
        id: "check_dataset_provenance",
        title: "Dataset provenance and licence recorded",
        sources: &[
            Source {
                list: OWASP,
                item: "ML02:2023 Data Poisoning Attack",
            },
            Source {
                list: ATLAS,
                item: "AML.T0020 Poison Training Data",
            },
            Source {
                list: ATLAS,
                item: "AML.T0010.002 AI Supply Chain Compromise: Data",
            },
        ],
        run: check_dataset_provenance,
    },
    Check {
        id: "check_rate_limits",
        title: "Rate limits on the inference API",
        sources: &[
            Source {
                list: ATLAS,
                item: "AML.T0029 Denial of AI Service",
            },
            Source {
                list: ATLAS,
                item: "AML.T0024 Exfiltration via AI Inference API (mitigation AML.M0004 Restrict Number of AI Model Queries)",
            },
        ],
        run: check_rate_limits,
    },
];

/// One check's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    pub id: &'static str,
    pub title: &'static str,
    pub sources: &'static [Source],
    pub passed: bool,
    pub details: String,
}

fn run(checks: &[Check], info: &ModelInfo) -> Vec<CheckResult> {
    checks
        .iter()
        .map(|check| {
            let (passed, details) = (check.run)(info);
            CheckResult {
                id: check.id,
                title: check.title,
                sources: check.sources,
                passed,
                details,
            }
        })
        .collect()
}

/// The lesson's `audit_model` result: the five checks in its order and the overall verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditResult {
    /// All five passed (the further checks do not count).
    pub overall_passed: bool,
    pub checks: Vec<CheckResult>,
}

/// The lesson's `audit_model`.
pub fn audit_model(info: &ModelInfo) -> AuditResult {
    let checks = run(&LESSON_CHECKS, info);
    AuditResult {
        overall_passed: checks.iter().all(|c| c.passed),
        checks,
    }
}

/// The further checks, in [`FURTHER_CHECKS`] order.
pub fn further_checks(info: &ModelInfo) -> Vec<CheckResult> {
    run(&FURTHER_CHECKS, info)
}

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

crate::core::collection::record!(SecurityAudit);

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
