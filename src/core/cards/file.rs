//! A card file of any format the workbench reads, told apart by its name and content: the
//! card import of the web shell and the command-line tool read cards through here.

use crate::core::cards::card::ModelCard;
use crate::core::cards::cyclonedx::{is_bom, read_bom};
use crate::core::cards::json::parse_card_json;
use crate::core::cards::mct::{is_mct, read_mct};
use crate::core::cards::readme::parse_readme;
use crate::core::text::json::parse_json;

/// A README when the name or the first characters say so, otherwise JSON.
pub fn is_readme(file_name: &str, text: &str) -> bool {
    let name = file_name.to_lowercase();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    name.ends_with(".md")
        || name.ends_with(".markdown")
        || start.starts_with("---")
        || start.starts_with('#')
}

/// The card in the file (a Hugging Face README, a CycloneDX BOM, a Model Card Toolkit card or
/// the lesson's card JSON), and what to tell the user about it.
pub fn read_card_file(file_name: &str, text: &str) -> Result<(ModelCard, String), String> {
    if is_readme(file_name, text) {
        let import = parse_readme(text).map_err(|e| e.to_string())?;
        let summary = import.summary();
        return Ok((import.card, summary));
    }
    // Parsed once to tell a CycloneDX BOM and an MCT card from the lesson's card JSON, whose
    // reader then names any error with its line and column.
    match parse_json(text.trim_start_matches('\u{feff}')) {
        Ok(value) if is_bom(&value) => read_bom(&value).map(|i| {
            let summary = i.summary();
            (i.card, summary)
        }),
        Ok(value) if is_mct(&value) => read_mct(value).map(|i| {
            let summary = i.summary();
            (i.card, summary)
        }),
        _ => {
            let card = parse_card_json(text).map_err(|e| e.to_string())?;
            Ok((card, "Every field was read.".to_owned()))
        }
    }
}
