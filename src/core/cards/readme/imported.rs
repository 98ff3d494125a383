//! The README of an imported card: the original again, key by key and section by section,
//! with the author's edits in place.
//!
//! A key or section is written as it was while the field it fills still reads the same from
//! it (the import's own functions decide), so a card imported and exported unedited gives the
//! Hub the same metadata and every word of the body. An edited field is written from the
//! card, in the original's place; a field the original had no place for follows under
//! [`APPENDED_HEADING`].

use super::body::field_markdown;
use super::import::{INDEX_KEYS, entry, entry_index, entry_tags, entry_text, imported_name};
use super::sections::{facts, field_matches, homes, title_section};
use super::*;
use crate::core::cards::fields::SECTIONS;
use crate::core::cards::origin::{FrontMatter, MetaEntry, ReadmeOrigin};

pub(super) fn write_imported(card: &ModelCard, origin: &ReadmeOrigin) -> String {
    let mut out = String::from("---\n");
    match &origin.front_matter {
        FrontMatter::Invalid { text, .. } => {
            out.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push('\n');
            }
        }
        FrontMatter::Entries(entries) => {
            write_entries(card, origin, entries, &mut out);
            out.push_str(&write_yaml(&[(CARD_KEY.to_owned(), card_yaml(card))]));
        }
    }
    out.push_str("---\n");
    write_sections(card, origin, &mut out);
    out
}

fn ours(key: &str, value: Yaml, out: &mut String) {
    out.push_str(&write_yaml(&[(key.to_owned(), value)]));
}

fn list(items: &[String]) -> Yaml {
    Yaml::Seq(items.iter().map(|t| text(t)).collect())
}

/// Each key as written, or from its field where the author changed it; then the fields
/// that have a value and had no key.
fn write_entries(card: &ModelCard, origin: &ReadmeOrigin, entries: &[MetaEntry], out: &mut String) {
    let name_changed = imported_name(origin).unwrap_or_default() != card.model_name;
    let has_name_key = entry(origin, &["model_name"]).is_some();
    for e in entries {
        let raw = match e.key.as_str() {
            "model_name" => entry_text(e).unwrap_or_default() == card.model_name,
            "license" => entry_text(e).unwrap_or_default() == card.license,
            "tags" => entry_tags(e).unwrap_or_default() == card.tags,
            key if INDEX_KEYS.contains(&key) => match entry_index(e) {
                Ok(index) => {
                    index.results == card.eval_results
                        && (!name_changed || has_name_key || index.name.is_none())
                }
                Err(_) => card.eval_results.is_empty(),
            },
            _ => true,
        };
        if raw {
            out.push_str(&e.yaml);
            continue;
        }
        match e.key.as_str() {
            "model_name" if !card.model_name.is_empty() => {
                ours("model_name", text(&card.model_name), out)
            }
            "license" if !card.license.is_empty() => ours("license", text(&card.license), out),
            "tags" if !card.tags.is_empty() => ours("tags", list(&card.tags), out),
            key if INDEX_KEYS.contains(&key) && !card.eval_results.is_empty() => ours(
                key,
                write_model_index(display_name(card), &card.eval_results),
                out,
            ),
            _ => {}
        }
    }
    if !has_name_key && name_changed && !card.model_name.is_empty() {
        ours("model_name", text(&card.model_name), out);
    }
    if entry(origin, &["license"]).is_none() && !card.license.is_empty() {
        ours("license", text(&card.license), out);
    }
    if entry(origin, &["tags"]).is_none() && !card.tags.is_empty() {
        ours("tags", list(&card.tags), out);
    }
    if entry(origin, &INDEX_KEYS).is_none() && !card.eval_results.is_empty() {
        ours(
            "model-index",
            write_model_index(display_name(card), &card.eval_results),
            out,
        );
    }
}

/// A fact line with a new value, keeping its label as written.
fn fact_line(line: &str, value: &str) -> String {
    let label_end = line.find(":**").map_or(line.len(), |i| i + 3);
    let value = escape_inline(value);
    let value = if value.is_empty() { NEEDED } else { &value };
    format!("{} {value}", line.get(..label_end).unwrap_or(line))
}

/// Each section as written, or from its field where the author changed it; then the fields
/// that have a value and had no section.
fn write_sections(card: &ModelCard, origin: &ReadmeOrigin, out: &mut String) {
    let homed = homes(&origin.sections);
    let found_facts = facts(&origin.sections);
    let title_from_heading = entry(origin, &["model_name"])
        .and_then(entry_text)
        .is_none()
        && entry(origin, &INDEX_KEYS)
            .and_then(|e| entry_index(e).ok())
            .and_then(|i| i.name)
            .filter(|n| !n.trim().is_empty())
            .is_none();
    let title = title_section(&origin.sections).filter(|_| title_from_heading);
    for (i, section) in origin.sections.iter().enumerate() {
        match &title {
            Some((at, name)) if *at == i && *name != card.model_name => {
                out.push_str("# ");
                out.push_str(&escape_inline(display_name(card)));
                out.push('\n');
            }
            _ => out.push_str(&section.heading),
        }
        let field = homed.iter().find(|(at, _)| *at == i).map(|(_, f)| *f);
        match field {
            Some(field) if !field_matches(card, field, section) => {
                out.push('\n');
                out.push_str(&field_markdown(card, field));
            }
            _ => {
                for (l, line) in section.text.split_inclusive('\n').enumerate() {
                    let changed = found_facts.iter().find(|(s, at, key, value)| {
                        *s == i && *at == l && card.text(*key) != value
                    });
                    match changed {
                        Some((_, _, key, _)) => {
                            out.push_str(&fact_line(line.trim_end_matches('\n'), card.text(*key)));
                            if line.ends_with('\n') {
                                out.push('\n');
                            }
                        }
                        None => out.push_str(line),
                    }
                }
            }
        }
    }
    let mut placed: Vec<Field> = homed.iter().map(|(_, f)| *f).collect();
    placed.extend(found_facts.iter().map(|(_, _, key, _)| Field::Text(*key)));
    placed.extend([
        Field::Text(TextKey::ModelName),
        Field::Text(TextKey::License),
        Field::List(ListKey::Tags),
        Field::EvalResults,
    ]);
    let mut appended = String::new();
    for field in SECTIONS.iter().flat_map(|s| s.fields.iter().copied()) {
        if placed.contains(&field) || !card.is_filled(field) {
            continue;
        }
        appended.push_str("### ");
        appended.push_str(field.label());
        appended.push_str("\n\n");
        appended.push_str(&field_markdown(card, field));
    }
    if !appended.is_empty() {
        while out.ends_with('\n') {
            out.pop();
        }
        out.push_str("\n\n");
        out.push_str(APPENDED_HEADING);
        out.push_str("\n\n");
        out.push_str(appended.trim_end());
        out.push('\n');
    }
}
