//! What an imported README held beyond the card's fields, kept as written so that exporting
//! the card gives the Hub back every metadata key and every section of the original.
//!
//! The front matter is kept as one raw YAML text per top-level key, in the original order
//! (indentation removed, comments kept). The body is kept as sections: each heading line
//! with the raw Markdown under it (HTML included), in the original order. Keys and sections
//! that a field maps are kept too, so the export can write the original text wherever the
//! field still reads the same, and the author's value wherever it was edited
//! ([`crate::core::cards::readme`]).

use crate::core::cards::yaml::{Yaml, parse_yaml};
use serde::{Deserialize, Serialize};

/// One top-level front-matter key and its raw YAML (`key: value` and every line under it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaEntry {
    pub key: String,
    pub yaml: String,
}

/// One section of the body: its heading line as written (empty for the text before the first
/// heading) and the raw Markdown up to the next heading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawSection {
    pub heading: String,
    pub text: String,
}

impl RawSection {
    /// The heading's level and title (`## Uses` → 2, "Uses"); `None` for the preamble.
    pub fn title(&self) -> Option<(usize, &str)> {
        heading(&self.heading)
    }
}

/// An ATX heading's level and text (`## Uses` → 2, "Uses"), with up to three spaces before it.
pub fn heading(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let level = trimmed.bytes().take_while(|b| *b == b'#').count();
    let rest = trimmed.get(level..)?;
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| (level, rest.trim().trim_end_matches('#').trim_end()))
}

/// The imported README's front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontMatter {
    /// Parsed: one entry per top-level key, in order.
    Entries(Vec<MetaEntry>),
    /// Not YAML that could be read: kept as written and written back unchanged.
    Invalid { text: String, error: String },
}

impl Default for FrontMatter {
    fn default() -> Self {
        FrontMatter::Entries(Vec::new())
    }
}

/// What the card keeps of the README it was imported from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadmeOrigin {
    pub front_matter: FrontMatter,
    pub sections: Vec<RawSection>,
}

/// The front-matter keys a card field owns; every other key is "other metadata".
pub const MAPPED_KEYS: [&str; 5] = [
    "model_name",
    "license",
    "tags",
    "model-index",
    "model_index",
];

/// Why edited "other metadata" was not taken; the `Display` is the message shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError(pub String);

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl ReadmeOrigin {
    /// The entries no field maps, in order.
    pub fn other_entries(&self) -> Vec<&MetaEntry> {
        match &self.front_matter {
            FrontMatter::Entries(entries) => entries
                .iter()
                .filter(|e| !MAPPED_KEYS.contains(&e.key.as_str()))
                .collect(),
            FrontMatter::Invalid { .. } => Vec::new(),
        }
    }

    /// The other metadata as one YAML text, for reading and editing.
    pub fn other_metadata(&self) -> String {
        self.other_entries()
            .iter()
            .map(|e| e.yaml.as_str())
            .collect()
    }

    /// Takes edited other metadata, read from YAML "key: value" lines by [`split_entries`]
    /// (the web shell reads it where the YAML code is loaded): no key may be one a field
    /// maps. Keys already there keep their place among the mapped ones; new keys go last.
    /// On an error nothing changes.
    pub fn set_other_entries(&mut self, edited: Vec<MetaEntry>) -> Result<(), MetadataError> {
        let FrontMatter::Entries(entries) = &mut self.front_matter else {
            return Err(MetadataError(
                "The front matter is not valid YAML, so it is kept exactly as imported.".into(),
            ));
        };
        if let Some(mapped) = edited
            .iter()
            .find(|e| MAPPED_KEYS.contains(&e.key.as_str()) || e.key == super::readme::CARD_KEY)
        {
            return Err(MetadataError(format!(
                "\"{}\" is set by a field of the card; edit it there.",
                mapped.key
            )));
        }
        let mut merged: Vec<MetaEntry> = Vec::new();
        for entry in entries.iter() {
            if MAPPED_KEYS.contains(&entry.key.as_str()) {
                merged.push(entry.clone());
            } else if let Some(new) = edited.iter().find(|e| e.key == entry.key) {
                merged.push(new.clone());
            }
        }
        for new in edited {
            if !merged.iter().any(|e| e.key == new.key) {
                merged.push(new);
            }
        }
        *entries = merged;
        Ok(())
    }
}

/// Splits front-matter YAML into one raw text per top-level key, with the mapping's own
/// indentation removed. Lines before the first key (comments) go with the first key.
pub fn split_entries(text: &str) -> Result<Vec<MetaEntry>, String> {
    let parsed = parse_yaml(text).map_err(|e| {
        format!(
            "This is not valid YAML: line {}, column {}: {}.",
            e.line, e.column, e.reason
        )
    })?;
    let keys: Vec<String> = match parsed.root {
        Yaml::Map(entries) => entries.into_iter().map(|(k, _)| k).collect(),
        Yaml::Null => return Ok(Vec::new()),
        _ => return Err("This is not a list of \"key: value\" lines.".to_owned()),
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let starts: Vec<usize> = parsed
        .key_lines
        .iter()
        .map(|l| l.saturating_sub(1))
        .collect();
    let increasing = starts.iter().zip(starts.iter().skip(1)).all(|(a, b)| a < b);
    let Some(&first) = starts.first() else {
        return Ok(Vec::new());
    };
    let indent = lines
        .get(first)
        .map_or(0, |l| l.len() - l.trim_start_matches(' ').len());
    if !increasing || starts.len() != keys.len() {
        return Err("Each key must start its own line.".to_owned());
    }
    let mut out = Vec::with_capacity(keys.len());
    for (i, key) in keys.into_iter().enumerate() {
        let from = if i == 0 {
            0
        } else {
            starts.get(i).copied().unwrap_or(0)
        };
        let to = starts.get(i + 1).copied().unwrap_or(lines.len());
        let mut yaml = String::new();
        for line in lines.get(from..to).unwrap_or_default() {
            let spaces = line.len() - line.trim_start_matches(' ').len();
            yaml.push_str(line.get(spaces.min(indent)..).unwrap_or(line));
        }
        if !yaml.ends_with('\n') {
            yaml.push('\n');
        }
        out.push(MetaEntry { key, yaml });
    }
    Ok(out)
}

/// The value of one raw entry, as this workbench reads YAML.
pub fn entry_value(entry: &MetaEntry) -> Option<Yaml> {
    match parse_yaml(&entry.yaml).ok()?.root {
        Yaml::Map(mut entries) if entries.len() == 1 => entries.pop().map(|(_, v)| v),
        _ => None,
    }
}
