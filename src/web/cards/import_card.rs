//! Importing a card from a file: the lesson-shaped JSON, Model Card Toolkit JSON or a Hugging
//! Face README.

use super::list::add_and_open;
use crate::core::cards::card::CardRecord;
use crate::core::cards::card::ModelCard;
use crate::core::cards::cyclonedx::{is_bom, read_bom};
use crate::core::cards::json::parse_card_json;
use crate::core::cards::mct::{is_mct, read_mct};
use crate::core::cards::readme::parse_readme;
use crate::core::text::json::parse_json;
use crate::web::clock::now;
use crate::web::files::read_text;
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A README when the name or the first characters say so, otherwise JSON.
fn is_readme(file_name: &str, text: &str) -> bool {
    let name = file_name.to_lowercase();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    name.ends_with(".md")
        || name.ends_with(".markdown")
        || start.starts_with("---")
        || start.starts_with('#')
}

/// The card in the file, and what to tell the user about it.
fn read_card(file_name: &str, text: &str) -> Result<(ModelCard, String), String> {
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

/// "Import a card": a file picker for `.json` and `.md`. The card is added as a new card and
/// opened; the toast offers to undo the import.
#[component]
pub fn ImportCard() -> impl IntoView {
    let store = Store::expect();
    let undo = Undo::expect();
    let failure = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let file_name = file.name();
        spawn_local(async move {
            let outcome = read_text(file)
                .await
                .and_then(|text| read_card(&file_name, &text));
            match outcome {
                Ok((card, summary)) => {
                    failure.set(None);
                    let title = card.title();
                    let id = add_and_open(store, card);
                    undo.offer(
                        format!("Imported “{title}” from “{file_name}”. {summary}"),
                        move || {
                            store.edit::<CardRecord>(|c| {
                                c.remove(&id, now());
                            })
                        },
                    );
                }
                Err(reason) => failure.set(Some(format!(
                    "“{file_name}” was not imported, and nothing changed. {reason}"
                ))),
            }
        });
    };
    view! {
        <div class="field">
            <label for="card-import">"Import a card (lesson JSON, Model Card Toolkit JSON, CycloneDX BOM or Hugging Face README.md)"</label>
            <input id="card-import" type="file" accept=".json,.md,.markdown,application/json,text/markdown"
                on:change=on_change aria-describedby="card-import-error" />
            <p id="card-import-error" class="field-error" role="alert">{move || failure.get()}</p>
        </div>
    }
}
