//! What a facilitator brings into the room: files and pasted links, and the assessments each
//! one holds (or why it holds none).

use crate::core::maturity::assessment::Assessment;
use crate::core::workshop::share_link::{self, FRAGMENT_PREFIX, ShareLinkError};
use crate::core::workspace::file::parse_document;

/// Where one input came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A dropped or picked file: a workspace file (the per-assessment export is one), or a
    /// text file holding a share link.
    File,
    /// A pasted share link.
    Link,
}

/// One input of the batch: a file's name and text, or a pasted link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file name, or "link 3" for the third pasted link.
    pub name: String,
    pub text: String,
    pub kind: SourceKind,
}

impl Source {
    pub fn file(name: &str, text: &str) -> Self {
        Source {
            name: name.to_owned(),
            text: text.to_owned(),
            kind: SourceKind::File,
        }
    }
}

/// Pasted text as link sources named "link 1", "link 2", ... in their order: every word that
/// holds a share link (so "Alice: https://…" works, and two links on a line count twice), and
/// every other non-blank line as one source, which will be rejected as not a link.
pub fn sources_from_paste(text: &str) -> Vec<Source> {
    let mut pieces: Vec<&str> = Vec::new();
    for line in text.lines() {
        let links: Vec<&str> = line
            .split_whitespace()
            .filter(|word| word.contains(FRAGMENT_PREFIX))
            .collect();
        if !links.is_empty() {
            pieces.extend(links);
        } else if !line.trim().is_empty() {
            pieces.push(line.trim());
        }
    }
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| Source {
            name: format!("link {}", i + 1),
            text: piece.to_owned(),
            kind: SourceKind::Link,
        })
        .collect()
}

/// The assessments of one source, or why it has none.
pub fn read_source(source: &Source) -> Result<Vec<Assessment>, String> {
    let text = source.text.trim();
    let looks_like_link = !text.starts_with('{') && text.contains(FRAGMENT_PREFIX);
    if source.kind == SourceKind::Link || looks_like_link {
        return share_link::decode_link(text)
            .map(|a| vec![a])
            .map_err(|e| match e {
                ShareLinkError::NotALink => "This is not a link of this app.".to_owned(),
                other => other.message(),
            });
    }
    let workspace = parse_document(&source.text).map_err(|e| e.to_string())?;
    if workspace.assessments.items.is_empty() {
        return Err("The file holds no assessment.".to_owned());
    }
    Ok(workspace.assessments.items)
}
