//! The YAML of a README's front matter: a small tree read from `saphyr-parser`'s events, and a
//! small emitter.
//!
//! Reading follows YAML 1.2's core schema for plain scalars (`null`, `true`, numbers); every
//! other scalar is text. A number keeps the text it was written with (`0.7560` stays
//! `0.7560`). Aliases are expanded within a budget proportional to the input (no "billion
//! laughs"), nesting is limited, and a key that appears twice is an error.
//!
//! Writing uses block mappings and sequences only, and writes every string as a double-quoted
//! scalar with JSON-compatible escapes, so no text can be read back as anything else (a
//! `- `, `: `, `#`, `&anchor`, `!tag`, `---` or `%YAML` inside a string stays text).

use crate::core::text::number::finite_number;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use std::collections::BTreeSet;

/// A YAML value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Yaml {
    Null,
    Bool(bool),
    /// A plain number, as written (`0.756`, `10`, `1e-3`).
    Number(String),
    Str(String),
    Seq(Vec<Yaml>),
    /// Entries in their written order; keys are unique.
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// The value at `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A scalar as text: strings and numbers as written, booleans as `true`/`false`, `null` as
    /// nothing. `None` for a sequence or a mapping.
    pub fn scalar_text(&self) -> Option<&str> {
        match self {
            Yaml::Null => Some(""),
            Yaml::Bool(true) => Some("true"),
            Yaml::Bool(false) => Some("false"),
            Yaml::Number(text) | Yaml::Str(text) => Some(text),
            Yaml::Seq(_) | Yaml::Map(_) => None,
        }
    }

    /// Nodes plus bytes of text: what an alias costs to expand.
    fn cost(&self) -> usize {
        match self {
            Yaml::Null | Yaml::Bool(_) => 1,
            Yaml::Number(text) | Yaml::Str(text) => 1 + text.len(),
            Yaml::Seq(items) => items.iter().map(Yaml::cost).sum::<usize>() + 1,
            Yaml::Map(entries) => {
                entries
                    .iter()
                    .map(|(k, v)| k.len() + v.cost())
                    .sum::<usize>()
                    + 1
            }
        }
    }
}

/// A document read from YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// `Yaml::Null` for an empty document.
    pub root: Yaml,
    /// When the root is a mapping: the line (1-based, in the text read) of each of its keys.
    pub key_lines: Vec<usize>,
}

/// Where and why YAML text could not be read; line and column are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

impl YamlError {
    fn at(mark: Marker, reason: &str) -> Self {
        YamlError {
            line: mark.line(),
            column: mark.col() + 1,
            reason: reason.to_owned(),
        }
    }
}

impl From<ScanError> for YamlError {
    fn from(error: ScanError) -> Self {
        YamlError::at(*error.marker(), error.info())
    }
}

/// Deeper nesting than this is refused (the tree's functions recurse).
const MAX_DEPTH: usize = 64;

enum Frame {
    Seq(usize, Vec<Yaml>),
    Map {
        anchor: usize,
        entries: Vec<(String, Yaml)>,
        key: Option<String>,
        seen: BTreeSet<String>,
        lines: Vec<usize>,
    },
}

/// A plain scalar by the core schema; quoted, block and `!!str` scalars are text.
fn resolve(text: &str, style: ScalarStyle, is_str_tag: bool) -> Yaml {
    if style != ScalarStyle::Plain || is_str_tag {
        return Yaml::Str(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Yaml::Null,
        "true" | "True" | "TRUE" => Yaml::Bool(true),
        "false" | "False" | "FALSE" => Yaml::Bool(false),
        _ if is_plain_number(text) => Yaml::Number(text.to_owned()),
        _ => Yaml::Str(text.to_owned()),
    }
}

/// A finite JSON number without surrounding space: written plain, read back as a number.
pub fn is_plain_number(text: &str) -> bool {
    text == text.trim() && finite_number(text).is_some()
}

/// Reads one YAML document. Empty text is an empty document (`Yaml::Null`).
pub fn parse_yaml(text: &str) -> Result<Parsed, YamlError> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: Vec<(usize, Yaml)> = Vec::new();
    let mut budget = text.len().saturating_mul(4).saturating_add(4096);
    let mut root = None;
    let mut root_lines = Vec::new();
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, span) = event?;
        let (node, anchor, raw) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError::at(
                        span.start,
                        "only one YAML document is allowed",
                    ));
                }
                continue;
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                return Err(YamlError::at(
                    span.start,
                    "the values are nested too deeply",
                ));
            }
            Event::SequenceStart(anchor, _) => {
                stack.push(Frame::Seq(anchor, Vec::new()));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                stack.push(Frame::Map {
                    anchor,
                    entries: Vec::new(),
                    key: None,
                    seen: BTreeSet::new(),
                    lines: Vec::new(),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq(anchor, items)) => (Yaml::Seq(items), anchor, None),
                Some(Frame::Map {
                    anchor,
                    entries,
                    lines,
                    ..
                }) => {
                    if stack.is_empty() {
                        root_lines = lines;
                    }
                    (Yaml::Map(entries), anchor, None)
                }
                None => return Err(YamlError::at(span.start, "unexpected end of a collection")),
            },
            Event::Scalar(text, style, anchor, tag) => {
                let is_str = tag.is_some_and(|t| t.suffix == "str");
                let node = resolve(&text, style, is_str);
                (node, anchor, Some(text.into_owned()))
            }
            Event::Alias(id) => {
                let node = anchors
                    .iter()
                    .rev()
                    .find(|(a, _)| *a == id)
                    .map(|(_, node)| node)
                    .ok_or_else(|| YamlError::at(span.start, "the alias names no anchor"))?;
                budget = budget.checked_sub(node.cost()).ok_or_else(|| {
                    YamlError::at(span.start, "the aliases expand to too much data")
                })?;
                (node.clone(), 0, None)
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {
                continue;
            }
        };
        if anchor > 0 {
            budget = budget
                .checked_sub(node.cost())
                .ok_or_else(|| YamlError::at(span.start, "the anchors hold too much data"))?;
            anchors.push((anchor, node.clone()));
        }
        match stack.last_mut() {
            None => {
                root = Some(Parsed {
                    root: node,
                    key_lines: std::mem::take(&mut root_lines),
                });
            }
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                seen,
                lines,
                ..
            }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => {
                    let text = match raw {
                        Some(raw) => raw,
                        None => node
                            .scalar_text()
                            .ok_or_else(|| YamlError::at(span.start, "a key must be text"))?
                            .to_owned(),
                    };
                    if !seen.insert(text.clone()) {
                        let reason = format!("the key \"{text}\" appears twice");
                        return Err(YamlError::at(span.start, &reason));
                    }
                    lines.push(span.start.line());
                    *key = Some(text);
                }
            },
        }
    }
    Ok(root.unwrap_or(Parsed {
        root: Yaml::Null,
        key_lines: Vec::new(),
    }))
}

/// A block mapping, one `key: value` per line (nested values indented by two spaces).
pub fn write_yaml(entries: &[(String, Yaml)]) -> String {
    let mut out = String::new();
    write_map(&mut out, entries, 0, false);
    out
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn write_map(out: &mut String, entries: &[(String, Yaml)], indent: usize, inline_first: bool) {
    for (index, (key, value)) in entries.iter().enumerate() {
        if index > 0 || !inline_first {
            pad(out, indent);
        }
        write_key(out, key, indent);
        out.push(':');
        write_value(out, value, indent, false);
    }
}

fn write_seq(out: &mut String, items: &[Yaml], indent: usize, inline_first: bool) {
    for (index, item) in items.iter().enumerate() {
        if index > 0 || !inline_first {
            pad(out, indent);
        }
        out.push('-');
        write_value(out, item, indent, true);
    }
}

/// Writes a value right after `key:` or `-`.
fn write_value(out: &mut String, value: &Yaml, indent: usize, after_dash: bool) {
    match value {
        Yaml::Seq(items) if !items.is_empty() => {
            out.push(if after_dash { ' ' } else { '\n' });
            write_seq(out, items, indent + 2, after_dash);
        }
        Yaml::Map(entries) if !entries.is_empty() => {
            out.push(if after_dash { ' ' } else { '\n' });
            write_map(out, entries, indent + 2, after_dash);
        }
        scalar => {
            out.push(' ');
            write_scalar(out, scalar);
            out.push('\n');
        }
    }
}

fn write_scalar(out: &mut String, value: &Yaml) {
    match value {
        Yaml::Null => out.push_str("null"),
        Yaml::Bool(true) => out.push_str("true"),
        Yaml::Bool(false) => out.push_str("false"),
        Yaml::Number(text) if is_plain_number(text) => out.push_str(text),
        Yaml::Number(text) | Yaml::Str(text) => quote(out, text),
        Yaml::Seq(_) => out.push_str("[]"),
        Yaml::Map(_) => out.push_str("{}"),
    }
}

/// Keys such as `model-index` are written plain; any other key is quoted. The words YAML 1.1
/// readers (PyYAML) take for booleans or null are quoted too. A key longer than YAML allows
/// for `key: value` (1024 characters) is written as an explicit `? key` line, then `:`.
fn write_key(out: &mut String, key: &str, indent: usize) {
    let plain = key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && !matches!(
            key,
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        out.push_str(key);
        return;
    }
    let start = out.len();
    quote(out, key);
    if out
        .get(start..)
        .is_some_and(|q| q.chars().nth(1000).is_some())
    {
        out.insert_str(start, "? ");
        out.push('\n');
        pad(out, indent);
    }
}

/// A double-quoted scalar with JSON-compatible escapes. Characters that YAML does not allow
/// unescaped, or that some readers take for line breaks or a byte-order mark, are written as
/// `\u` with four hex digits.
pub fn quote(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            | '\u{fffe}'
            | '\u{ffff}' => {
                out.push_str("\\u");
                let code = u32::from(c);
                for shift in [12, 8, 4, 0] {
                    let digit = char::from_digit((code >> shift) & 0xf, 16).unwrap_or('0');
                    out.push(digit.to_ascii_uppercase());
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
