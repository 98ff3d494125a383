//! The card file formats' readers and writers, behind a split point of their own
//! (`card_formats`). Their code (YAML, Model Card Toolkit, CycloneDX, README) is about a third
//! of the cards' code and runs only on an import, a download or an edit of an imported
//! README's other metadata, so the card pages show without it. The editor starts fetching it
//! when it shows, and the import when its file picker opens ([`preload`]), so a click rarely
//! waits for it. Without the `split` feature (`trunk serve`, the wasm tests) these are plain
//! calls.

use crate::core::cards::card::ModelCard;
use crate::core::cards::cyclonedx::export::{bom_losses, card_to_bom};
use crate::core::cards::file::read_card_file;
use crate::core::cards::html::render_card_html;
use crate::core::cards::json::card_to_json;
use crate::core::cards::mct::export::{card_to_mct, mct_losses};
use crate::core::cards::origin::{MetaEntry, split_entries};
use crate::core::cards::readme::{card_to_readme, readme_losses};
use crate::core::text::filename::file_stem;
use crate::web::split::call_split;
use leptos::wasm_split::SplitLoaderError;

/// The formats' code could not be fetched (offline before the app was kept, or a server
/// error). Nothing was read or written; a later call tries again.
#[derive(Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

impl std::fmt::Display for NotLoaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("The part of the app that reads and writes card files did not arrive. Check the connection and try again.")
    }
}

/// The formats a card downloads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Json,
    Readme,
    Mct,
    CycloneDx,
}

/// A card as one format's file, and what the card holds that the file cannot carry (nothing
/// for the lossless formats).
pub struct Export {
    pub file_name: String,
    pub mime: &'static str,
    pub text: String,
    pub losses: Vec<String>,
}

/// Starts fetching the formats' code while the user looks at the page.
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = preload_card_formats().await;
    });
}

/// The card in a file of any format the workbench reads, and what to tell the user about it;
/// the inner error says why the file cannot be read.
pub async fn read(
    file_name: String,
    text: String,
) -> Result<Result<(ModelCard, String), String>, NotLoaded> {
    call_split!(read_in_chunk(file_name, text))
}

/// `card` as a `format` file.
pub async fn export(card: ModelCard, format: Format) -> Result<Export, NotLoaded> {
    call_split!(export_in_chunk(card, format))
}

/// Edited other metadata of an imported README as one entry per key, or why it is not YAML
/// "key: value" lines.
pub async fn metadata_entries(text: String) -> Result<Result<Vec<MetaEntry>, String>, NotLoaded> {
    call_split!(entries_in_chunk(text))
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(card_formats, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_card_formats)))]
fn read_in_chunk(
    file_name: String,
    text: String,
) -> Result<Result<(ModelCard, String), String>, NotLoaded> {
    Ok(read_card_file(&file_name, &text))
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(card_formats, wasm_split_path = ::leptos::wasm_split, fallible))]
fn export_in_chunk(card: ModelCard, format: Format) -> Result<Export, NotLoaded> {
    let stem = file_stem(&card.title());
    let (file_name, mime, text, losses) = match format {
        Format::Html => (
            format!("model-card-{stem}.html"),
            "text/html",
            render_card_html(&card),
            Vec::new(),
        ),
        Format::Json => (
            format!("model-card-{stem}.json"),
            "application/json",
            card_to_json(&card),
            Vec::new(),
        ),
        Format::Readme => (
            "README.md".to_owned(),
            "text/markdown",
            card_to_readme(&card),
            readme_losses(&card),
        ),
        Format::Mct => (
            format!("model-card-{stem}.mct.json"),
            "application/json",
            card_to_mct(&card),
            mct_losses(&card),
        ),
        Format::CycloneDx => (
            format!("model-card-{stem}.cdx.json"),
            "application/vnd.cyclonedx+json",
            card_to_bom(&card),
            bom_losses(&card),
        ),
    };
    Ok(Export {
        file_name,
        mime,
        text,
        losses,
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(card_formats, wasm_split_path = ::leptos::wasm_split, fallible))]
fn entries_in_chunk(text: String) -> Result<Result<Vec<MetaEntry>, String>, NotLoaded> {
    Ok(split_entries(&text))
}
