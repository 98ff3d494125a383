//! Importing a card from a file: the lesson-shaped JSON, Model Card Toolkit JSON or a Hugging
//! Face README.

use super::formats;
use super::list::add_and_open;
use crate::core::cards::card::CardRecord;
use crate::web::clock::now;
use crate::web::files::read_text;
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;
use leptos::task::spawn_local;

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
            let outcome = match read_text(file).await {
                Ok(text) => formats::read(file_name.clone(), text)
                    .await
                    .unwrap_or_else(|not_loaded| Err(not_loaded.to_string())),
                Err(reason) => Err(reason),
            };
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
            // The formats' code is fetched while the user picks the file, not on every visit
            // to the list: on a slow network it would hold back the page opened next.
            <input id="card-import" type="file" accept=".json,.md,.markdown,application/json,text/markdown"
                on:click=|_| formats::preload()
                on:change=on_change aria-describedby="card-import-error" />
            <p id="card-import-error" class="field-error" role="alert">{move || failure.get()}</p>
        </div>
    }
}
