//! The checks themselves: the lesson's five with its exact messages, and the further ones.

use super::model_info::{ModelInfo, present, python_list_repr};

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
