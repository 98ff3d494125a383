//! Which checks exist, where each comes from, and running them: the lesson's `audit_model`
//! and the further checks beside it.

use super::checks::{
    check_access_controls, check_dataset_provenance, check_dependency_vulnerabilities,
    check_encryption, check_input_validation, check_model_format, check_model_provenance,
    check_rate_limits, check_sbom,
};
use super::model_info::ModelInfo;

/// An item of a public checklist that a further check comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckSource {
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
    pub sources: &'static [CheckSource],
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
            CheckSource {
                list: OWASP,
                item: "ML06:2023 AI Supply Chain Attacks",
            },
            CheckSource {
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
            CheckSource {
                list: OWASP,
                item: "ML06:2023 AI Supply Chain Attacks",
            },
            CheckSource {
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
            CheckSource {
                list: OWASP,
                item: "ML02:2023 Data Poisoning Attack",
            },
            CheckSource {
                list: ATLAS,
                item: "AML.T0020 Poison Training Data",
            },
            CheckSource {
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
            CheckSource {
                list: ATLAS,
                item: "AML.T0029 Denial of AI Service",
            },
            CheckSource {
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
    pub sources: &'static [CheckSource],
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
