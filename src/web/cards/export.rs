//! Downloads of the open card: the HTML document, the lesson-shaped JSON, a Hugging Face README.

use super::card_edit;
use crate::core::cards::card::ModelCard;
use crate::core::cards::html::render_card_html;
use crate::core::cards::json::card_to_json;
use crate::core::cards::readme::card_to_readme;
use crate::core::text::filename::file_stem;
use crate::web::files::download;
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum Format {
    Html,
    Json,
    Readme,
}

fn save(card: &ModelCard, format: Format) -> Result<(), String> {
    let stem = file_stem(&card.title());
    match format {
        Format::Html => download(
            &format!("model-card-{stem}.html"),
            "text/html",
            &render_card_html(card),
        ),
        Format::Json => download(
            &format!("model-card-{stem}.json"),
            "application/json",
            &card_to_json(card),
        ),
        Format::Readme => download("README.md", "text/markdown", &card_to_readme(card)),
    }
}

#[component]
pub fn ExportButtons() -> impl IntoView {
    let edit = card_edit();
    let error = RwSignal::new(None::<String>);
    let button = move |format: Format, text: &'static str| {
        view! {
            <button type="button" class="button" on:click=move |_| error.set(edit.card.with_untracked(|c| save(c, format)).err())>
                {text}
            </button>
        }
    };
    view! {
        <div class="card-exports no-print" role="group" aria-label="Download this card">
            {button(Format::Html, "Download HTML")}
            {button(Format::Json, "Download JSON")}
            {button(Format::Readme, "Download Hugging Face README")}
            <a class="button" href=move || crate::route::Route::Audits(edit.id()).href()>"Security audits"</a>
            <a class="button" href=crate::route::Route::Approvals.href()>"Approvals"</a>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
