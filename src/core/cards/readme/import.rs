//! Reading a README back: our own card exactly, or what maps from an ordinary Hub README.

use super::*;

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
