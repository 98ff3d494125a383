//! Reading a README back: our own card exactly, or what maps from an ordinary Hub README,
//! keeping everything else as written (see [`crate::core::cards::origin`]).

use super::model_index::read_model_index;
use super::sections::{facts, fill_field, homes, split_sections, title_section};
use super::*;
use crate::core::cards::origin::{
    FrontMatter, MetaEntry, ReadmeOrigin, entry_value, split_entries,
};

/// A README read into a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadmeImport {
    pub card: ModelCard,
    /// The README held this workbench's own copy of the card, read exactly.
    pub exact: bool,
    /// The fields filled from the Hub's keys and the body (empty when `exact`).
    pub filled: Vec<Field>,
    /// What stayed as written: metadata keys and section titles no field maps.
    pub kept_keys: Vec<String>,
    pub kept_sections: Vec<String>,
    /// Set when the front matter is not YAML this workbench can read (kept as written).
    pub front_matter_error: Option<String>,
    /// Set when `model-index` could not be read as results (kept as written).
    pub model_index_error: Option<String>,
}

impl ReadmeImport {
    /// What the import did and what stayed as written, for the import message.
    pub fn summary(&self) -> String {
        if self.exact {
            return "Read the whole card from the README.".to_owned();
        }
        let mut parts = Vec::new();
        if self.filled.is_empty() {
            parts.push("No field could be filled.".to_owned());
        } else {
            let labels: Vec<&str> = self.filled.iter().map(|f| f.label()).collect();
            parts.push(format!(
                "Filled {} ({}).",
                plural(self.filled.len(), "field", "fields"),
                labels.join(", ")
            ));
        }
        if !self.kept_keys.is_empty() {
            parts.push(format!(
                "Kept {} as other metadata ({}).",
                plural(self.kept_keys.len(), "metadata key", "metadata keys"),
                self.kept_keys.join(", ")
            ));
        }
        if !self.kept_sections.is_empty() {
            parts.push(format!(
                "Kept {} as written.",
                plural(
                    self.kept_sections.len(),
                    "README section",
                    "README sections"
                )
            ));
        }
        if let Some(error) = &self.front_matter_error {
            parts.push(format!(
                "The front matter is not valid YAML ({error}); it is kept exactly as written."
            ));
        }
        if let Some(error) = &self.model_index_error {
            parts.push(format!(
                "The model-index could not be read as evaluation results ({error}); it is kept exactly as written."
            ));
        }
        parts.join(" ")
    }
}

/// Why a README could not be read. Its `Display` is the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadmeError {
    Empty,
    /// The first line is `---` but no closing `---` line follows.
    Unterminated,
    /// This workbench's own card in the front matter has a wrong value; `line` is its key's
    /// line in the README.
    WrongValue {
        path: String,
        line: usize,
        reason: String,
    },
}

impl fmt::Display for ReadmeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadmeError::Empty => write!(f, "The README is empty."),
            ReadmeError::Unterminated => write!(
                f,
                "The README's front matter starts with a --- line but has no closing --- line."
            ),
            ReadmeError::WrongValue { path, line, reason } => write!(
                f,
                "The README's front matter has a wrong value at {path} (line {line}): {reason}."
            ),
        }
    }
}

/// Splits `---` front matter from the body; blank lines may come before it. No front matter:
/// `None` and the whole text.
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str), ReadmeError> {
    let start = text.len() - text.trim_start_matches(['\n', ' ', '\t']).len();
    let start = text
        .get(..start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let Some(rest) = text.get(start..).and_then(|t| t.strip_prefix("---")) else {
        return Ok((None, text));
    };
    let (first, after) = rest.split_once('\n').unwrap_or((rest, ""));
    if !first.trim().is_empty() {
        return Ok((None, text));
    }
    let mut offset = 0;
    for line in after.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = after.get(..offset).unwrap_or_default();
            let body = after.get(offset + line.len()..).unwrap_or_default();
            return Ok((Some(yaml), body));
        }
        offset += line.len();
    }
    Err(ReadmeError::Unterminated)
}

/// Line breaks as `\n`: Windows `\r\n` and a lone `\r` (which YAML also reads as a break).
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Reads a README: this workbench's own exactly, any other Hugging Face README as far as its
/// keys and sections map, keeping every other key and section as written.
pub fn parse_readme(text: &str) -> Result<ReadmeImport, ReadmeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(ReadmeError::Empty);
    }
    let (yaml, body) = split_front_matter(&text)?;
    let front_matter = match yaml.map(split_entries) {
        None => FrontMatter::Entries(Vec::new()),
        Some(Ok(entries)) => FrontMatter::Entries(entries),
        Some(Err(error)) => FrontMatter::Invalid {
            text: yaml.unwrap_or_default().to_owned(),
            error,
        },
    };
    let mut sections = split_sections(body);
    if let FrontMatter::Entries(entries) = &front_matter
        && let Some(at) = entries.iter().position(|e| e.key == CARD_KEY)
    {
        let line = 2 + entries
            .iter()
            .take(at)
            .map(|e| e.yaml.lines().count())
            .sum::<usize>();
        let mut card = own_card(entries.get(at), line)?;
        if card.imported_readme.is_some() {
            let mut entries = entries.clone();
            entries.remove(at);
            if let Some(end) = sections
                .iter()
                .position(|s| s.heading.trim() == APPENDED_HEADING)
            {
                sections.truncate(end);
            }
            card.imported_readme = Some(ReadmeOrigin {
                front_matter: FrontMatter::Entries(entries),
                sections,
            });
        }
        return Ok(ReadmeImport {
            card,
            exact: true,
            filled: Vec::new(),
            kept_keys: Vec::new(),
            kept_sections: Vec::new(),
            front_matter_error: None,
            model_index_error: None,
        });
    }
    Ok(map_readme(ReadmeOrigin {
        front_matter,
        sections,
    }))
}

/// This workbench's card from its front-matter key. `imported_readme: true` there says the
/// card came from another README, whose keys and sections are the rest of this one.
fn own_card(entry: Option<&MetaEntry>, line: usize) -> Result<ModelCard, ReadmeError> {
    let value = entry.and_then(entry_value).unwrap_or(Yaml::Null);
    let mut json = to_json(value);
    let imported = json
        .as_object_mut()
        .and_then(|o| o.remove(ORIGIN_FLAG))
        .is_some_and(|flag| flag == Value::Bool(true));
    let mut card: ModelCard = decode_at(json, CARD_KEY).map_err(|e| match e {
        DocumentError::Schema { path, reason } => ReadmeError::WrongValue { path, line, reason },
        other => ReadmeError::WrongValue {
            path: CARD_KEY.to_owned(),
            line,
            reason: other.to_string(),
        },
    })?;
    if imported {
        card.imported_readme = Some(ReadmeOrigin::default());
    }
    Ok(card)
}

/// The first entry of a key (`model-index` also as `model_index`).
pub(super) fn entry<'a>(origin: &'a ReadmeOrigin, keys: &[&str]) -> Option<&'a MetaEntry> {
    match &origin.front_matter {
        FrontMatter::Entries(entries) => entries.iter().find(|e| keys.contains(&e.key.as_str())),
        FrontMatter::Invalid { .. } => None,
    }
}

pub(super) const INDEX_KEYS: [&str; 2] = ["model-index", "model_index"];

/// A key's value as text, when it is a scalar that is not blank.
pub(super) fn entry_text(entry: &MetaEntry) -> Option<String> {
    entry_value(entry)?
        .scalar_text()
        .map(str::to_owned)
        .filter(|t| !t.trim().is_empty())
}

/// `tags` as text: a list of scalars, or one scalar.
pub(super) fn entry_tags(entry: &MetaEntry) -> Option<Vec<String>> {
    match entry_value(entry)? {
        Yaml::Seq(items) => items
            .iter()
            .map(|i| i.scalar_text().map(str::to_owned))
            .collect(),
        Yaml::Null => Some(Vec::new()),
        other => other.scalar_text().map(|t| vec![t.to_owned()]),
    }
}

/// `model-index` as results, or why not.
pub(super) fn entry_index(entry: &MetaEntry) -> Result<model_index::ModelIndex, String> {
    let value = entry_value(entry).ok_or("it is not valid YAML")?;
    read_model_index(&value)
}

/// The card's name as the import takes it: `model_name`, then `model-index[0].name`, then the
/// body's title heading.
pub(super) fn imported_name(origin: &ReadmeOrigin) -> Option<String> {
    entry(origin, &["model_name"])
        .and_then(entry_text)
        .or_else(|| {
            entry(origin, &INDEX_KEYS)
                .and_then(|e| entry_index(e).ok())
                .and_then(|i| i.name)
                .filter(|n| !n.trim().is_empty())
        })
        .or_else(|| title_section(&origin.sections).map(|(_, name)| name))
}

/// An ordinary Hugging Face README: fill what maps, keep every key and section as written.
fn map_readme(origin: ReadmeOrigin) -> ReadmeImport {
    let mut card = ModelCard::default();
    let mut filled = Vec::new();
    let mut model_index_error = None;
    if let Some(name) = imported_name(&origin) {
        card.model_name = name;
        filled.push(Field::Text(TextKey::ModelName));
    }
    if let Some(license) = entry(&origin, &["license"]).and_then(entry_text) {
        card.license = license;
        filled.push(Field::Text(TextKey::License));
    }
    if let Some(tags) = entry(&origin, &["tags"]).and_then(entry_tags)
        && !tags.is_empty()
    {
        card.tags = tags;
        filled.push(Field::List(ListKey::Tags));
    }
    if let Some(index) = entry(&origin, &INDEX_KEYS) {
        match entry_index(index) {
            Ok(index) if !index.results.is_empty() => {
                card.eval_results = index.results;
                filled.push(Field::EvalResults);
            }
            Ok(_) => {}
            Err(error) => model_index_error = Some(error),
        }
    }
    for (_, _, key, value) in facts(&origin.sections) {
        if !value.is_empty() && card.text(key).is_empty() {
            *card.text_mut(key) = value;
            filled.push(Field::Text(key));
        }
    }
    let homed = homes(&origin.sections);
    for (at, field) in &homed {
        if let Some(section) = origin.sections.get(*at)
            && fill_field(&mut card, *field, section)
            && !filled.contains(field)
        {
            filled.push(*field);
        }
    }
    let title = title_section(&origin.sections).map(|(i, _)| i);
    let kept_sections = origin
        .sections
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != title && !homed.iter().any(|(h, _)| h == i))
        .map(|(_, s)| {
            s.title()
                .map_or("(text before the first heading)", |t| t.1)
                .to_owned()
        })
        .collect();
    let mut kept_keys: Vec<String> = origin
        .other_entries()
        .iter()
        .map(|e| e.key.clone())
        .collect();
    if model_index_error.is_some()
        && let Some(index) = entry(&origin, &INDEX_KEYS)
    {
        kept_keys.push(index.key.clone());
    }
    let front_matter_error = match &origin.front_matter {
        FrontMatter::Invalid { error, .. } => Some(error.clone()),
        FrontMatter::Entries(_) => None,
    };
    card.imported_readme = Some(origin);
    ReadmeImport {
        card,
        exact: false,
        filled,
        kept_keys,
        kept_sections,
        front_matter_error,
        model_index_error,
    }
}
