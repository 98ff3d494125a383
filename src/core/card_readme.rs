//! A card as a Hugging Face model card `README.md`, and such READMEs read back into a card.
//!
//! Export: YAML front matter with the Hub's keys (`model_name`, `license`, `tags`, `metrics`,
//! `model-index` with the performance metrics that are numbers) and the whole card, in the
//! lesson's `to_json` shape, under `mlops_governance_card`; then a Markdown body in the
//! sections of the Hub's model card template. The body escapes every user text so that it
//! renders literally: no markup and no HTML comes from a card.
//!
//! Import: a README with `mlops_governance_card` gives that card exactly (the body is ignored).
//! Any other README fills what maps (name, licence, tags, metrics, model type, contact
//! e-mail) and keeps everything else, front matter and body, as the card's other README
//! text, so nothing is lost.

use crate::core::card::{Field, ListKey, ModelCard, NamedNumber, TableKey, TextKey};
use crate::core::card_check::{format_count, is_email};
use crate::core::document::{DocumentError, decode_at};
use crate::core::words::plural;
use crate::core::yaml_front::{Yaml, is_plain_number, parse_yaml, write_yaml};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// The front matter key that carries the whole card, for a lossless import.
pub const CARD_KEY: &str = "mlops_governance_card";

/// The Hub template's text for a section with nothing in it.
const NEEDED: &str = "[More Information Needed]";

// ---------------------------------------------------------------------------------------------
// Export

/// The card as a Hugging Face `README.md`: front matter, then the Markdown body.
pub fn card_to_readme(card: &ModelCard) -> String {
    let mut out = String::from("---\n");
    out.push_str(&write_yaml(&front_matter(card)));
    out.push_str("---\n\n");
    body(card, &mut out);
    out
}

fn text(value: &str) -> Yaml {
    Yaml::Str(value.to_owned())
}

fn map(entries: Vec<(&str, Yaml)>) -> Yaml {
    Yaml::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// The name for headings and the Hub's `model-index`, which needs one.
fn display_name(card: &ModelCard) -> &str {
    match card.model_name.trim() {
        "" => "Untitled card",
        name => name,
    }
}

fn front_matter(card: &ModelCard) -> Vec<(String, Yaml)> {
    let named: Vec<&NamedNumber> = card
        .performance_metrics
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .collect();
    let metrics: Vec<Yaml> = named
        .iter()
        .filter(|m| is_plain_number(m.value.trim()))
        .map(|m| {
            map(vec![
                ("type", text(&m.name)),
                ("value", Yaml::Number(hub_number(m.value.trim()))),
                ("name", text(&m.name)),
            ])
        })
        .collect();
    let results = if metrics.is_empty() {
        Vec::new()
    } else {
        let task = match card.model_type.trim() {
            "" => "other",
            kind => kind,
        };
        let dataset = card
            .evaluation_data_description
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or("Evaluation data");
        vec![map(vec![
            ("task", map(vec![("type", text(task))])),
            (
                "dataset",
                map(vec![("name", text(dataset)), ("type", text("custom"))]),
            ),
            ("metrics", Yaml::Seq(metrics)),
        ])]
    };
    let mut front = vec![("model_name", text(&card.model_name))];
    if !card.license.trim().is_empty() {
        front.push(("license", text(&card.license)));
    }
    front.push((
        "tags",
        Yaml::Seq(card.tags.iter().map(|t| text(t)).collect()),
    ));
    front.push((
        "metrics",
        Yaml::Seq(named.iter().map(|m| text(&m.name)).collect()),
    ));
    front.push((
        "model-index",
        Yaml::Seq(vec![map(vec![
            ("name", text(display_name(card))),
            ("results", Yaml::Seq(results)),
        ])]),
    ));
    front.push((CARD_KEY, card_yaml(card)));
    front.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A number as YAML 1.1 readers (PyYAML, which the Hub uses) read a float: a dot in the
/// mantissa and a sign in the exponent (`1e-3` → `1.0e-3`, `2E5` → `2.0E+5`). Only the Hub's
/// `model-index` gets this form; the card's own copy keeps the text as typed.
fn hub_number(text: &str) -> String {
    let Some(at) = text.find(['e', 'E']) else {
        return text.to_owned();
    };
    let (mantissa, mark, digits) = (
        text.get(..at).unwrap_or_default(),
        text.get(at..=at).unwrap_or_default(),
        text.get(at + 1..).unwrap_or_default(),
    );
    let dot = if mantissa.contains('.') { "" } else { ".0" };
    let sign = if digits.starts_with(['+', '-']) {
        ""
    } else {
        "+"
    };
    format!("{mantissa}{dot}{mark}{sign}{digits}")
}

/// The card in the lesson's `to_json` shape, with every table value written as typed: a plain
/// number when it is one (`0.7560` stays `0.7560`), otherwise a string.
fn card_yaml(card: &ModelCard) -> Yaml {
    let Ok(Value::Object(object)) = serde_json::to_value(card) else {
        return Yaml::Map(Vec::new());
    };
    let entries = object.into_iter().map(|(key, value)| {
        let node = match key.as_str() {
            "performance_metrics" => table_yaml(&card.performance_metrics),
            "decision_thresholds" => table_yaml(&card.decision_thresholds),
            "fairness_metrics" => rows_yaml(
                card.fairness_metrics
                    .iter()
                    .map(|g| (g.group.as_str(), table_yaml(&g.subgroups)))
                    .collect(),
            ),
            _ => from_json(value),
        };
        (key, node)
    });
    Yaml::Map(entries.collect())
}

/// Rows as a mapping, or as `[name, value]` pairs while two share a name (as `card_serde`).
fn rows_yaml(rows: Vec<(&str, Yaml)>) -> Yaml {
    let mut seen = BTreeSet::new();
    if rows.iter().all(|(name, _)| seen.insert(*name)) {
        Yaml::Map(rows.into_iter().map(|(n, v)| (n.to_owned(), v)).collect())
    } else {
        Yaml::Seq(
            rows.into_iter()
                .map(|(n, v)| Yaml::Seq(vec![text(n), v]))
                .collect(),
        )
    }
}

fn table_yaml(rows: &[NamedNumber]) -> Yaml {
    rows_yaml(
        rows.iter()
            .map(|row| {
                let value = if is_plain_number(&row.value) {
                    Yaml::Number(row.value.clone())
                } else {
                    text(&row.value)
                };
                (row.name.as_str(), value)
            })
            .collect(),
    )
}

fn from_json(value: Value) -> Yaml {
    match value {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Bool(b),
        Value::Number(n) => Yaml::Number(n.to_string()),
        Value::String(s) => Yaml::Str(s),
        Value::Array(items) => Yaml::Seq(items.into_iter().map(from_json).collect()),
        Value::Object(object) => {
            Yaml::Map(object.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
    }
}

/// The card's JSON for serde: whole numbers become JSON numbers (counts); other numbers stay
/// text, which the card's tables read as typed, so nothing is rounded.
fn to_json(yaml: Yaml) -> Value {
    match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => match (n.parse::<u64>(), n.parse::<i64>()) {
            (Ok(u), _) if u.to_string() == n => Value::from(u),
            (_, Ok(i)) if i.to_string() == n => Value::from(i),
            _ => Value::String(n),
        },
        Yaml::Str(s) => Value::String(s),
        Yaml::Seq(items) => Value::Array(items.into_iter().map(to_json).collect()),
        Yaml::Map(entries) => {
            Value::Object(entries.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown body

/// One line of user text, escaped to render literally: `<` and `&` as entities, inline
/// markup (`` ` * _ [ ] | ~ # $ \ ``) with a backslash anywhere, and what would start a block
/// only at the line start (`- `, `+ `, `> `, `=`, `1. `, `2) `).
fn escape_line(line: &str, out: &mut String) {
    let line = line.trim();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let list_number = digits > 0
        && line.get(digits..).is_some_and(|rest| {
            rest.starts_with(['.', ')'])
                && rest
                    .get(1..)
                    .is_none_or(|after| after.is_empty() || after.starts_with(char::is_whitespace))
        });
    for (index, c) in line.char_indices() {
        let block_start = match c {
            '-' | '+' | '>' | '=' => index == 0,
            '.' | ')' => list_number && index == digits,
            _ => false,
        };
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if block_start => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.trim().split(['\n', '\r']).map(str::trim)
}

/// User text for a paragraph: its lines kept as hard line breaks.
pub fn escape_block(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 16);
    for (index, line) in text_lines(&text).enumerate() {
        if index > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

/// User text on one line (a heading, a table cell, a fact): its lines joined by spaces.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text_lines(text).filter(|line| !line.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        escape_line(line, &mut out);
    }
    out
}

/// The body being written; `empty` is true while the open section has no content yet.
struct Md {
    out: String,
    empty: bool,
}

impl Md {
    fn close(&mut self) {
        if self.empty {
            self.out.push_str(NEEDED);
            self.out.push_str("\n\n");
            self.empty = false;
        }
    }

    /// A heading with sections under it (never "needed" itself).
    fn parent(&mut self, heading: &str) {
        self.close();
        self.out.push_str(heading);
        self.out.push_str("\n\n");
    }

    /// A heading whose content follows; shows the template's placeholder if none does.
    fn open(&mut self, heading: &str) {
        self.parent(heading);
        self.empty = true;
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.out.push_str(&escape_block(text));
            self.out.push_str("\n\n");
            self.empty = false;
        }
    }

    fn label(&mut self, label: &str) {
        self.out.push_str("**");
        self.out.push_str(label);
        self.out.push_str("**\n\n");
    }

    fn list(&mut self, label: Option<&str>, items: &[String]) {
        let mut items = items.iter().filter(|i| !i.trim().is_empty()).peekable();
        if items.peek().is_none() {
            return;
        }
        if let Some(label) = label {
            self.label(label);
        }
        for item in items {
            self.out.push_str("- ");
            self.out.push_str(&escape_block(item).replace('\n', "\n  "));
            self.out.push('\n');
        }
        self.out.push('\n');
        self.empty = false;
    }

    /// `- **Label:** value` lines; a blank value shows the placeholder.
    fn facts(&mut self, facts: &[(&str, String)]) {
        for (label, value) in facts {
            let value = escape_inline(value);
            let value = if value.is_empty() { NEEDED } else { &value };
            self.out.push_str("- **");
            self.out.push_str(label);
            self.out.push_str(":** ");
            self.out.push_str(value);
            self.out.push('\n');
        }
        self.out.push('\n');
        self.empty = false;
    }

    fn table<'a>(&mut self, head: [&str; 2], rows: impl Iterator<Item = (&'a str, &'a str)>) {
        let [name, value] = head;
        self.out.push_str("| ");
        self.out.push_str(name);
        self.out.push_str(" | ");
        self.out.push_str(value);
        self.out.push_str(" |\n|---|---|\n");
        for (name, value) in rows {
            self.out.push_str("| ");
            self.out.push_str(&escape_inline(name));
            self.out.push_str(" | ");
            self.out.push_str(&escape_inline(value));
            self.out.push_str(" |\n");
        }
        self.out.push('\n');
        self.empty = false;
    }

    fn number_table(&mut self, label: Option<&str>, head: [&str; 2], rows: &[NamedNumber]) {
        if rows.is_empty() {
            return;
        }
        if let Some(label) = label {
            self.label(label);
        }
        self.table(
            head,
            rows.iter().map(|r| (r.name.as_str(), r.value.as_str())),
        );
    }
}

fn body(card: &ModelCard, out: &mut String) {
    let mut md = Md {
        out: std::mem::take(out),
        empty: false,
    };
    md.parent(&format!(
        "# Model Card for {}",
        escape_inline(display_name(card))
    ));
    md.parent("## Model Details");
    md.open("### Model Description");
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    md.facts(&[
        ("Developed by", card.owner_team.clone()),
        ("Model type", card.model_type.clone()),
        ("Model version", card.model_version.clone()),
        ("Training date", date(card.training_date)),
        ("License", card.license.clone()),
        ("Tags", card.tags.join(", ")),
    ]);

    md.parent("## Uses");
    md.open("### Direct Use");
    md.text(&card.intended_use);
    md.list(Some("Primary use cases"), &card.primary_use_cases);
    md.open("### Out-of-Scope Use");
    md.list(None, &card.out_of_scope_uses);

    md.parent("## Bias, Risks, and Limitations");
    for (heading, key) in [
        ("### Sensitive Data", ListKey::SensitiveData),
        ("### Potential Biases", ListKey::PotentialBiases),
        ("### Known Limitations", ListKey::KnownLimitations),
        ("### Failure Modes", ListKey::FailureModes),
    ] {
        md.open(heading);
        md.list(None, card.list(key));
    }

    md.parent("## Compliance");
    md.open("### Regulatory Requirements");
    md.list(None, &card.regulatory_requirements);
    md.open("### Data Privacy Measures");
    md.list(None, &card.data_privacy_measures);

    md.parent("## Training Details");
    md.open("### Training Data");
    md.text(&card.training_data_description);
    let range = card.training_data_date_range;
    let mut facts = Vec::new();
    if let Some(size) = card.training_data_size {
        facts.push(("Size", format_count(size)));
    }
    if range.start.is_some() || range.end.is_some() {
        let end = |d: Option<chrono::NaiveDate>| d.map_or("unknown".to_owned(), |d| d.to_string());
        facts.push((
            "Date range",
            format!("{} to {}", end(range.start), end(range.end)),
        ));
    }
    if !facts.is_empty() {
        md.facts(&facts);
    }
    md.parent("### Training Procedure");
    md.open("#### Preprocessing");
    md.list(None, &card.data_preprocessing);

    md.parent("## Evaluation");
    md.parent("### Testing Data, Factors & Metrics");
    md.open("#### Testing Data");
    md.text(&card.evaluation_data_description);
    if let Some(size) = card.evaluation_data_size {
        md.facts(&[("Size", format_count(size))]);
    }
    md.open("#### Factors");
    md.list(Some("Relevant factors"), &card.relevant_factors);
    if !card.evaluation_factors.is_empty() {
        let values: Vec<String> = card
            .evaluation_factors
            .iter()
            .map(|f| f.values.join(", "))
            .collect();
        md.label("Evaluation factors");
        md.table(
            ["Factor", "Values"],
            card.evaluation_factors
                .iter()
                .zip(&values)
                .map(|(f, v)| (f.name.as_str(), v.as_str())),
        );
    }
    md.open("#### Metrics");
    let names: Vec<String> = card
        .performance_metrics
        .iter()
        .map(|m| m.name.clone())
        .collect();
    md.list(Some("Performance metrics"), &names);
    md.number_table(
        Some("Decision thresholds"),
        ["Threshold", "Value"],
        &card.decision_thresholds,
    );
    md.open("### Results");
    md.number_table(None, ["Metric", "Value"], &card.performance_metrics);
    md.open("#### Fairness Metrics");
    for group in &card.fairness_metrics {
        let name = escape_inline(&group.group);
        md.label(if name.is_empty() {
            "(unnamed group)"
        } else {
            &name
        });
        md.empty = true;
        md.number_table(None, ["Subgroup", "Value"], &group.subgroups);
        md.close();
    }

    md.parent("## Technical Specifications");
    md.open("### Model Architecture and Objective");
    md.text(&card.model_architecture);

    md.open("## More Information");
    md.text(&card.unmapped_text);

    md.open("## Model Card Contact");
    md.text(&card.contact_email);
    md.close();
    while md.out.ends_with("\n\n") {
        md.out.pop();
    }
    *out = md.out;
}

// ---------------------------------------------------------------------------------------------
// Import

/// A README read into a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadmeImport {
    pub card: ModelCard,
    /// The README held this workbench's own copy of the card, read exactly.
    pub exact: bool,
    /// The fields filled from the Hub's keys and the body (empty when `exact`). Everything
    /// else is in `card.unmapped_text`.
    pub filled: Vec<Field>,
}

impl ReadmeImport {
    /// What the import did, for a message: "Filled 2 fields (Model name, Licence); kept the
    /// rest as other README text."
    pub fn summary(&self) -> String {
        if self.exact {
            return "Read the whole card from the README.".to_owned();
        }
        let kept = !self.card.unmapped_text.is_empty();
        if self.filled.is_empty() {
            return if kept {
                "No field could be filled; kept the README as other README text.".to_owned()
            } else {
                "The README held nothing to fill.".to_owned()
            };
        }
        let labels: Vec<&str> = self.filled.iter().map(|f| f.label()).collect();
        format!(
            "Filled {} ({}){}",
            plural(self.filled.len(), "field", "fields"),
            labels.join(", "),
            if kept {
                "; kept the rest as other README text."
            } else {
                "."
            }
        )
    }
}

/// Why a README could not be read. Its `Display` is the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadmeError {
    Empty,
    /// The first line is `---` but no closing `---` line follows.
    Unterminated,
    /// Line and column are of the README (1-based).
    InvalidYaml {
        line: usize,
        column: usize,
        reason: String,
    },
    NotAMapping,
    /// A known key holds a value of the wrong shape; `line` is its key's line in the README.
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
            ReadmeError::InvalidYaml {
                line,
                column,
                reason,
            } => write!(
                f,
                "The README's front matter is not valid YAML: line {line}, column {column}: {reason}."
            ),
            ReadmeError::NotAMapping => write!(
                f,
                "The README's front matter is not a list of \"key: value\" lines."
            ),
            ReadmeError::WrongValue { path, line, reason } => write!(
                f,
                "The README's front matter has a wrong value at {path} (line {line}): {reason}."
            ),
        }
    }
}

/// Splits `---` front matter from the body. No front matter: `None` and the whole text.
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str), ReadmeError> {
    let Some(rest) = text.strip_prefix("---") else {
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

/// Reads a README: this workbench's own exactly, any other Hugging Face README as far as its
/// keys map, keeping the rest as other README text. Accepts a BOM and Windows line endings.
pub fn parse_readme(text: &str) -> Result<ReadmeImport, ReadmeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ReadmeError::Empty);
    }
    let (yaml, body) = split_front_matter(&text)?;
    let parsed = parse_yaml(yaml.unwrap_or_default()).map_err(|e| ReadmeError::InvalidYaml {
        line: e.line + 1,
        column: e.column,
        reason: e.reason,
    })?;
    let (entries, lines) = match parsed.root {
        Yaml::Map(entries) => (entries, parsed.key_lines),
        Yaml::Null => (Vec::new(), Vec::new()),
        _ => return Err(ReadmeError::NotAMapping),
    };
    let keys = Keys {
        entries: &entries,
        lines: &lines,
    };
    if let Some((value, line)) = keys.get(CARD_KEY) {
        let card = decode_at(to_json(value.clone()), CARD_KEY).map_err(|e| match e {
            DocumentError::Schema { path, reason } => {
                ReadmeError::WrongValue { path, line, reason }
            }
            other => ReadmeError::WrongValue {
                path: CARD_KEY.to_owned(),
                line,
                reason: other.to_string(),
            },
        })?;
        return Ok(ReadmeImport {
            card,
            exact: true,
            filled: Vec::new(),
        });
    }
    map_readme(&keys, body)
}

/// The front matter's top-level entries and their lines in the README.
struct Keys<'a> {
    entries: &'a [(String, Yaml)],
    lines: &'a [usize],
}

impl Keys<'_> {
    fn get(&self, key: &str) -> Option<(&Yaml, usize)> {
        let index = self.entries.iter().position(|(k, _)| k == key)?;
        let value = self.entries.get(index).map(|(_, v)| v)?;
        Some((value, self.lines.get(index).map_or(0, |line| line + 1)))
    }
}

fn wrong(path: &str, line: usize, reason: &str) -> ReadmeError {
    ReadmeError::WrongValue {
        path: path.to_owned(),
        line,
        reason: reason.to_owned(),
    }
}

/// A scalar as text (`None` for null or absent); a list or mapping is wrong.
fn text_at(value: Option<&Yaml>, path: &str, line: usize) -> Result<Option<String>, ReadmeError> {
    match value {
        None | Some(Yaml::Null) => Ok(None),
        Some(value) => value
            .scalar_text()
            .map(|t| Some(t.to_owned()))
            .ok_or_else(|| wrong(path, line, "expected text")),
    }
}

/// A list (null or absent: empty).
fn list_at<'a>(
    value: Option<&'a Yaml>,
    path: &str,
    line: usize,
) -> Result<&'a [Yaml], ReadmeError> {
    match value {
        None | Some(Yaml::Null) => Ok(&[]),
        Some(Yaml::Seq(items)) => Ok(items),
        Some(_) => Err(wrong(path, line, "expected a list")),
    }
}

fn map_at<'a>(value: &'a Yaml, path: &str, line: usize) -> Result<&'a Yaml, ReadmeError> {
    match value {
        Yaml::Map(_) => Ok(value),
        _ => Err(wrong(path, line, "expected \"key: value\" lines")),
    }
}

fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// What `model-index[0]` gives: its name, the type of its first task, its metrics.
#[derive(Default)]
struct ModelIndex {
    name: Option<String>,
    task: Option<String>,
    metrics: Vec<NamedNumber>,
}

fn read_model_index(keys: &Keys) -> Result<ModelIndex, ReadmeError> {
    let mut index = ModelIndex::default();
    let Some((value, line)) = keys.get("model-index") else {
        return Ok(index);
    };
    let Some(model) = list_at(Some(value), "model-index", line)?.first() else {
        return Ok(index);
    };
    let model = map_at(model, "model-index[0]", line)?;
    index.name = non_blank(text_at(model.get("name"), "model-index[0].name", line)?);
    let results = list_at(model.get("results"), "model-index[0].results", line)?;
    for (r, result) in results.iter().enumerate() {
        let path = format!("model-index[0].results[{r}]");
        let result = map_at(result, &path, line)?;
        if r == 0
            && let Some(task) = result.get("task")
        {
            let task = map_at(task, &format!("{path}.task"), line)?;
            index.task = non_blank(text_at(
                task.get("type"),
                &format!("{path}.task.type"),
                line,
            )?);
        }
        let dataset = result
            .get("dataset")
            .and_then(|d| d.get("name"))
            .and_then(Yaml::scalar_text)
            .map(str::trim)
            .filter(|name| results.len() > 1 && !name.is_empty());
        let metrics = list_at(result.get("metrics"), &format!("{path}.metrics"), line)?;
        for (m, metric) in metrics.iter().enumerate() {
            let path = format!("{path}.metrics[{m}]");
            let metric = map_at(metric, &path, line)?;
            let name = match non_blank(text_at(metric.get("name"), &format!("{path}.name"), line)?)
            {
                Some(name) => name,
                None => non_blank(text_at(metric.get("type"), &format!("{path}.type"), line)?)
                    .ok_or_else(|| wrong(&path, line, "a metric needs a type"))?,
            };
            let value = text_at(metric.get("value"), &format!("{path}.value"), line)?;
            index.metrics.push(NamedNumber {
                name: match dataset {
                    Some(dataset) => format!("{name} ({dataset})"),
                    None => name,
                },
                value: value.unwrap_or_default(),
            });
        }
    }
    Ok(index)
}

/// An ordinary Hugging Face README: fill what maps, keep the rest as other README text.
fn map_readme(keys: &Keys, body: &str) -> Result<ReadmeImport, ReadmeError> {
    let mut card = ModelCard::default();
    let mut filled = Vec::new();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let index = read_model_index(keys)?;
    let line = |key: &str| keys.get(key).map_or(0, |(_, line)| line);
    let model_name = non_blank(text_at(
        keys.get("model_name").map(|(v, _)| v),
        "model_name",
        line("model_name"),
    )?);
    let name = index
        .name
        .clone()
        .or_else(|| model_name.clone())
        .or_else(|| heading_name(body));
    if let Some(name) = name {
        if model_name.as_deref() == Some(&name) {
            used.insert("model_name");
        }
        card.model_name = name;
        filled.push(Field::Text(TextKey::ModelName));
    }
    if let Some(license) = non_blank(text_at(
        keys.get("license").map(|(v, _)| v),
        "license",
        line("license"),
    )?) {
        card.license = license;
        used.insert("license");
        filled.push(Field::Text(TextKey::License));
    }
    if let Some((tags, line)) = keys.get("tags") {
        card.tags = match tags {
            Yaml::Seq(items) => items
                .iter()
                .enumerate()
                .map(|(i, tag)| text_at(Some(tag), &format!("tags[{i}]"), line))
                .filter_map(Result::transpose)
                .collect::<Result<_, _>>()?,
            other => text_at(Some(other), "tags", line)?.into_iter().collect(),
        };
        used.insert("tags");
        if !card.tags.is_empty() {
            filled.push(Field::List(ListKey::Tags));
        }
    }
    if !index.metrics.is_empty() {
        card.performance_metrics = index.metrics;
        filled.push(Field::Table(TableKey::PerformanceMetrics));
    }
    let pipeline = non_blank(text_at(
        keys.get("pipeline_tag").map(|(v, _)| v),
        "pipeline_tag",
        line("pipeline_tag"),
    )?);
    if let Some(kind) = index.task.or_else(|| pipeline.clone()) {
        if pipeline.as_deref() == Some(&kind) {
            used.insert("pipeline_tag");
        }
        card.model_type = kind;
        filled.push(Field::Text(TextKey::ModelType));
    }
    if let Some(email) = contact_email(body) {
        card.contact_email = email;
        filled.push(Field::Text(TextKey::ContactEmail));
    }
    let rest: Vec<(String, Yaml)> = keys
        .entries
        .iter()
        .filter(|(k, _)| !used.contains(k.as_str()))
        .cloned()
        .collect();
    let body = body.trim_start_matches('\n').trim_end();
    card.unmapped_text = match (rest.is_empty(), body.is_empty()) {
        (true, _) => body.to_owned(),
        (false, true) => format!("---\n{}---", write_yaml(&rest)),
        (false, false) => format!("---\n{}---\n\n{body}", write_yaml(&rest)),
    };
    Ok(ReadmeImport {
        card,
        exact: false,
        filled,
    })
}

/// The body's lines outside fenced code blocks.
fn prose_lines(body: &str) -> impl Iterator<Item = &str> {
    let mut fence = false;
    body.lines().filter(move |line| {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            return false;
        }
        !fence
    })
}

/// An ATX heading's level and text (`## Uses` → 2, "Uses").
fn heading(line: &str) -> Option<(usize, &str)> {
    let line = line.trim_start();
    let level = line.bytes().take_while(|b| *b == b'#').count();
    let rest = line.get(level..)?;
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| (level, rest.trim().trim_end_matches('#').trim_end()))
}

/// Markdown text with its backslash escapes removed (`model\_x` → `model_x`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {}
            _ => out.push(c),
        }
    }
    out
}

/// The name in the first `# ` heading, without the template's "Model Card for ".
fn heading_name(body: &str) -> Option<String> {
    let title =
        prose_lines(body).find_map(|line| heading(line).filter(|(level, _)| *level == 1))?;
    let title = unescape(title.1);
    let prefix = "model card for ";
    let name = match title.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => title.get(prefix.len()..)?.trim(),
        _ => title.trim(),
    };
    (!name.is_empty() && name != "Model ID" && name != "{{ model_id }}").then(|| name.to_owned())
}

/// The first e-mail address under a "Model Card Contact" heading.
fn contact_email(body: &str) -> Option<String> {
    let mut section = None;
    for line in prose_lines(body) {
        if let Some((level, title)) = heading(line) {
            if section.is_some_and(|open| level <= open) {
                return None;
            }
            if title.eq_ignore_ascii_case("model card contact") {
                section = Some(level);
            }
            continue;
        }
        if section.is_none() {
            continue;
        }
        let line = unescape(line);
        let found = line
            .split(|c: char| c.is_whitespace() || "<>()[],;\"'*`".contains(c))
            .map(|word| {
                let word = word.strip_prefix("mailto:").unwrap_or(word);
                word.trim_end_matches(['.', ':'])
            })
            .find(|word| is_email(word));
        if let Some(email) = found {
            return Some(email.to_owned());
        }
    }
    None
}
