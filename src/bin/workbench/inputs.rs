//! Files in: read as text, and told apart by what they hold, with the core's own readers.

use mlops_governance_workbench::core::cards::card::ModelCard;
use mlops_governance_workbench::core::cards::file::{is_readme, read_card_file};
use mlops_governance_workbench::core::lifecycle::review::{
    PACKAGE_FORMAT, ReviewPackage, read_package,
};
use mlops_governance_workbench::core::records::document::FORMAT;
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::file::parse_document;
use std::path::Path;

/// A file's text, or why it cannot be read (missing, a folder, not UTF-8).
pub fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))
}

/// What a file holds, by its format field, its name or its first characters.
pub enum Kind {
    Workspace,
    Package,
    Card,
}

pub fn kind_of(path: &Path, text: &str) -> Kind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if is_readme(&name, text) {
        return Kind::Card;
    }
    let format = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_owned));
    match format.as_deref() {
        Some(f) if f == FORMAT => Kind::Workspace,
        Some(f) if f == PACKAGE_FORMAT => Kind::Package,
        _ => Kind::Card,
    }
}

pub fn read_workspace(path: &Path) -> Result<Workspace, String> {
    let text = read_text(path)?;
    parse_document(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read_review_package(path: &Path) -> Result<ReviewPackage, String> {
    let text = read_text(path)?;
    read_package(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A card from any card file, or the card of a review package.
pub fn read_card(path: &Path) -> Result<ModelCard, String> {
    let text = read_text(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match kind_of(path, &text) {
        Kind::Package => read_package(&text)
            .map(|p| p.card)
            .map_err(|e| format!("{}: {e}", path.display())),
        Kind::Workspace => Err(format!(
            "{}: this is a workspace file, not a model card",
            path.display()
        )),
        Kind::Card => read_card_file(&name, &text)
            .map(|(card, _)| card)
            .map_err(|e| format!("{}: {e}", path.display())),
    }
}
