//! JSON text to a value, with a syntax error said as line, column and reason: the one
//! reader behind every file, stored value and card the app parses.

use serde_json::Value;
use std::fmt;

/// Why text is not JSON. Its `Display` is the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    Empty,
    Invalid {
        line: usize,
        column: usize,
        reason: String,
    },
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Empty => write!(f, "The file is empty."),
            JsonError::Invalid {
                line,
                column,
                reason,
            } => write!(
                f,
                "The file is not valid JSON: line {line}, column {column}: {reason}."
            ),
        }
    }
}

/// Parses JSON text into a value, turning a syntax error into line, column and reason.
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    if text.trim().is_empty() {
        return Err(JsonError::Empty);
    }
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let reason = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(reason, _)| reason)
            .to_owned();
        JsonError::Invalid {
            line: e.line(),
            column: e.column(),
            reason,
        }
    })
}
