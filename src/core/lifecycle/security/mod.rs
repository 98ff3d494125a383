//! Model security audits (lesson section 6.1): the model information the lesson's
//! `ModelSecurityChecker` reads, its five checks with their exact messages, the overall verdict,
//! further checks from public checklists (shown apart, so the lesson's five keep their meaning),
//! and a dated history of audits per model card.
//!
//! An audit stores only the information entered ([`ModelInfo`]); results are computed from it
//! each time ([`SecurityAudit::result`]), never stored, so a fix to a rule applies to old
//! audits too.

mod audit;
mod catalogue;
mod checks;
mod model_info;

pub use audit::{SecurityAudit, history, prefill};
pub use catalogue::{
    AuditResult, Check, CheckResult, CheckSource, FURTHER_CHECKS, LESSON_CHECKS, audit_model,
    further_checks,
};
pub use checks::{
    check_access_controls, check_dataset_provenance, check_dependency_vulnerabilities,
    check_encryption, check_input_validation, check_model_format, check_model_provenance,
    check_rate_limits, check_sbom,
};
pub use model_info::{ModelInfo, python_list_repr, python_repr};
