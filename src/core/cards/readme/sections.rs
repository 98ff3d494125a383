//! The body of an imported README as sections, and the Hub template's sections that fill the
//! card's fields.
//!
//! Every heading outside fenced code starts a section; the sections joined give the body back
//! byte for byte. A section whose title is one of the template's (see [`SECTION_FIELDS`])
//! fills its field, and so do the template's "- **Developed by:** …" facts. What a section
//! gives is computed by the same functions at import and at export, so the export can tell
//! whether the author changed the field: unchanged, the section is written as it was.

use super::NEEDED;
use crate::core::cards::card::ModelCard;
use crate::core::cards::checks::is_email;
use crate::core::cards::fields::{Field, ListKey, TextKey};
use crate::core::cards::origin::{RawSection, heading};

/// Splits a body at its headings; the text before the first heading is a section with an
/// empty heading.
pub fn split_sections(body: &str) -> Vec<RawSection> {
    let mut sections = vec![RawSection::default()];
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = ["```", "~~~"]
            .into_iter()
            .find(|m| indent <= 3 && trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        let is_heading = fence.is_none() && marker.is_none() && heading(line).is_some();
        match sections.last_mut() {
            Some(last) if !is_heading => last.text.push_str(line),
            _ => sections.push(RawSection {
                heading: line.to_owned(),
                text: String::new(),
            }),
        }
    }
    if sections.first().is_some_and(|s| s.text.is_empty()) {
        sections.remove(0);
    }
    sections
}

/// The template's section titles and the fields they fill (titles compared by [`normalize`]).
pub const SECTION_FIELDS: [(&str, Field); 10] = [
    ("direct use", Field::Text(TextKey::IntendedUse)),
    ("downstream use", Field::List(ListKey::PrimaryUseCases)),
    ("out-of-scope use", Field::List(ListKey::OutOfScopeUses)),
    (
        "bias, risks, and limitations",
        Field::List(ListKey::KnownLimitations),
    ),
    (
        "training data",
        Field::Text(TextKey::TrainingDataDescription),
    ),
    ("preprocessing", Field::List(ListKey::DataPreprocessing)),
    (
        "testing data",
        Field::Text(TextKey::EvaluationDataDescription),
    ),
    ("factors", Field::List(ListKey::RelevantFactors)),
    (
        "model architecture and objective",
        Field::Text(TextKey::ModelArchitecture),
    ),
    ("model card contact", Field::Text(TextKey::ContactEmail)),
];

/// The template's facts ("- **Developed by:** …") and the fields they fill.
pub const FACT_FIELDS: [(&str, TextKey); 2] = [
    ("developed by", TextKey::OwnerTeam),
    ("model type", TextKey::ModelType),
];

/// A title for comparing: lower case, without "[optional]", a trailing colon or emphasis.
pub fn normalize(title: &str) -> String {
    let title = title.to_lowercase().replace("[optional]", "");
    title
        .trim()
        .trim_matches('*')
        .trim_end_matches(':')
        .trim()
        .to_owned()
}

/// The field a section fills, if its title is one of the template's.
pub fn section_field(section: &RawSection) -> Option<Field> {
    let (_, title) = section.title()?;
    let title = normalize(title);
    SECTION_FIELDS
        .iter()
        .find(|(name, _)| *name == title)
        .map(|(_, field)| *field)
}

/// The sections that fill a field: the first section of each template title.
pub fn homes(sections: &[RawSection]) -> Vec<(usize, Field)> {
    let mut found: Vec<(usize, Field)> = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        if let Some(field) = section_field(section)
            && !found.iter().any(|(_, f)| *f == field)
        {
            found.push((i, field));
        }
    }
    found
}

/// Text without HTML comments and the template's placeholder, trimmed.
fn content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest.get(..start).unwrap_or_default());
        rest = match rest.get(start..).and_then(|r| r.find("-->")) {
            Some(end) => rest.get(start + end + 3..).unwrap_or_default(),
            None => "",
        };
    }
    out.push_str(rest);
    let out = out.trim();
    if is_placeholder(out) {
        String::new()
    } else {
        out.to_owned()
    }
}

/// The template's "[More Information Needed]", or an unrendered `{{ … }}` template value.
fn is_placeholder(text: &str) -> bool {
    text == NEEDED || (text.contains("{{") && text.contains("}}"))
}

/// A bullet item's text (`- item`, `* item`, `+ item`).
fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ["- ", "* ", "+ "]
        .into_iter()
        .find_map(|m| t.strip_prefix(m))
        .map(str::trim)
}

/// What a section gives its field: text as written, a list of its bullet items (or of its
/// one paragraph), or the first e-mail address for the contact.
pub enum SectionValue {
    Text(String),
    List(Vec<String>),
}

pub fn section_value(field: Field, section: &RawSection) -> SectionValue {
    let text = content(&section.text);
    match field {
        Field::Text(TextKey::ContactEmail) => SectionValue::Text(first_email(&text)),
        Field::List(_) => SectionValue::List(list_items(&text)),
        _ => SectionValue::Text(text),
    }
}

fn list_items(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return Vec::new();
    }
    if lines.iter().all(|l| bullet(l).is_some()) {
        lines
            .iter()
            .filter_map(|l| bullet(l))
            .filter(|i| !i.is_empty() && !is_placeholder(i))
            .map(str::to_owned)
            .collect()
    } else {
        vec![text.to_owned()]
    }
}

fn first_email(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || "<>()[],;\"'*`".contains(c))
        .map(|word| {
            let word = word.strip_prefix("mailto:").unwrap_or(word);
            word.trim_end_matches(['.', ':'])
        })
        .find(|word| is_email(word))
        .unwrap_or_default()
        .to_owned()
}

/// True when the card's field still holds what the section gives.
pub fn field_matches(card: &ModelCard, field: Field, section: &RawSection) -> bool {
    match (section_value(field, section), field) {
        (SectionValue::Text(text), Field::Text(key)) => *card.text(key) == text,
        (SectionValue::List(items), Field::List(key)) => *card.list(key) == items,
        _ => false,
    }
}

/// Fills the card's field from the section; false when the section gives nothing.
pub fn fill_field(card: &mut ModelCard, field: Field, section: &RawSection) -> bool {
    match (section_value(field, section), field) {
        (SectionValue::Text(text), Field::Text(key)) if !text.is_empty() => {
            *card.text_mut(key) = text;
            true
        }
        (SectionValue::List(items), Field::List(key)) if !items.is_empty() => {
            *card.list_mut(key) = items;
            true
        }
        _ => false,
    }
}

/// A fact line's label and value (`- **Developed by:** Jane` → "developed by", "Jane").
pub fn fact(line: &str) -> Option<(String, &str)> {
    let rest = bullet(line)?.strip_prefix("**")?;
    let (label, value) = rest.split_once(":**")?;
    let value = value.trim();
    Some((
        normalize(label),
        if is_placeholder(value) { "" } else { value },
    ))
}

/// The first fact of each known label, across the sections: (section, line, field, value).
pub fn facts(sections: &[RawSection]) -> Vec<(usize, usize, TextKey, String)> {
    let mut found: Vec<(usize, usize, TextKey, String)> = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        for (l, line) in section.text.lines().enumerate() {
            let Some((label, value)) = fact(line) else {
                continue;
            };
            if let Some((_, key)) = FACT_FIELDS.iter().find(|(name, _)| *name == label)
                && !found.iter().any(|(_, _, k, _)| k == key)
            {
                found.push((s, l, *key, value.to_owned()));
            }
        }
    }
    found
}

/// Titles that name a part of a card, never the card itself.
const NOT_A_TITLE: [&str; 12] = [
    "table of contents",
    "contents",
    "usage",
    "introduction",
    "overview",
    "model card",
    "model details",
    "model description",
    "model summary",
    "uses",
    "how to use",
    "model id",
];

/// The card's title from the body: the first top-level heading that names the model (not
/// "Table of Contents", "Usage", a question or a template placeholder), its index and name.
pub fn title_section(sections: &[RawSection]) -> Option<(usize, String)> {
    sections.iter().enumerate().find_map(|(i, section)| {
        let (level, title) = section.title()?;
        if level != 1 {
            return None;
        }
        let name = plain_title(title);
        let lower = normalize(&name);
        let usable = !name.is_empty()
            && !name.ends_with(['?', ':'])
            && !name.contains("{{")
            && !NOT_A_TITLE.contains(&lower.as_str())
            && !SECTION_FIELDS.iter().any(|(t, _)| *t == lower);
        usable.then_some((i, name))
    })
}

/// A heading's text without tags, emphasis, backslash escapes or "Model Card for ".
fn plain_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut in_tag = false;
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '`' => {}
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {}
            c => out.push(c),
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let prefix = "model card for ";
    match out.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => out
            .get(prefix.len()..)
            .unwrap_or_default()
            .trim()
            .to_owned(),
        _ => out,
    }
}

/// The sections no field fills, with some text: shown as written on the card page.
pub fn other_sections(sections: &[RawSection]) -> Vec<&RawSection> {
    let homed = homes(sections);
    sections
        .iter()
        .enumerate()
        .filter(|(i, s)| !homed.iter().any(|(h, _)| h == i) && !s.text.trim().is_empty())
        .map(|(_, s)| s)
        .collect()
}
