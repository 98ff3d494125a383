//! What the lesson's `model_info` dict holds, and Python's `repr` for its exact messages.

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

pub(super) fn present(text: &str) -> bool {
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
