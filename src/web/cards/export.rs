//! Downloads of the open card: the HTML document, the lesson-shaped JSON, a Hugging Face
//! README (all lossless), and Model Card Toolkit JSON, which cannot hold every field: before
//! that download the app lists what the file will leave out and asks.

use super::card_edit;
use crate::core::cards::card::ModelCard;
use crate::core::cards::cyclonedx::export::{bom_losses, card_to_bom};
use crate::core::cards::html::render_card_html;
use crate::core::cards::json::card_to_json;
use crate::core::cards::mct::export::{card_to_mct, mct_losses};
use crate::core::cards::readme::{card_to_readme, readme_losses};
use crate::core::text::filename::file_stem;
use crate::web::files::download;
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum Format {
    Html,
    Json,
    Readme,
    Mct,
    CycloneDx,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Readme => "Hugging Face README",
            Format::Mct => "Model Card Toolkit",
            Format::CycloneDx => "CycloneDX",
        }
    }

    /// What happens to the fields the format has no place for, before and after the list.
    fn loss_text(self) -> (&'static str, &'static str) {
        match self {
            Format::CycloneDx => (
                "CycloneDX has no standard field for:",
                "The file keeps them only inside the workbench's own property (mlops-governance-workbench:card), which this workbench reads back and other CycloneDX tools ignore.",
            ),
            Format::Readme => (
                "The imported front matter is not valid YAML, so it is written back unchanged and cannot hold:",
                "Fix the front matter in the README, or download JSON, which keeps all of it.",
            ),
            _ => (
                "It will leave out:",
                "The JSON and Hugging Face README downloads keep all of it.",
            ),
        }
    }

    /// What this card holds that the format cannot carry (nothing for the lossless ones).
    fn losses(self, card: &ModelCard) -> Vec<String> {
        match self {
            Format::Mct => mct_losses(card),
            Format::CycloneDx => bom_losses(card),
            Format::Readme => readme_losses(card),
            Format::Html | Format::Json => Vec::new(),
        }
    }
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
        Format::Mct => download(
            &format!("model-card-{stem}.mct.json"),
            "application/json",
            &card_to_mct(card),
        ),
        Format::CycloneDx => download(
            &format!("model-card-{stem}.cdx.json"),
            "application/vnd.cyclonedx+json",
            &card_to_bom(card),
        ),
    }
}

#[component]
pub fn ExportButtons() -> impl IntoView {
    let edit = card_edit();
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<(Format, Vec<String>)>);
    let download_now = move |format: Format| {
        pending.set(None);
        error.set(edit.card.with_untracked(|c| save(c, format)).err());
    };
    let button = move |format: Format, text: &'static str| {
        view! {
            <button type="button" class="button" on:click=move |_| {
                let losses = edit.card.with_untracked(|c| format.losses(c));
                if losses.is_empty() {
                    download_now(format);
                } else {
                    pending.set(Some((format, losses)));
                }
            }>
                {text}
            </button>
        }
    };
    view! {
        <div class="card-exports no-print" role="group" aria-label="Download this card">
            {button(Format::Html, "Download HTML")}
            {button(Format::Json, "Download JSON")}
            {button(Format::Readme, "Download Hugging Face README")}
            {button(Format::Mct, "Download Model Card Toolkit JSON")}
            {button(Format::CycloneDx, "Download CycloneDX BOM")}
            <a class="button" href=move || crate::route::Route::Audits(edit.id()).href()>"Security audits"</a>
            <a class="button" href=crate::route::Route::Approvals.href()>"Approvals"</a>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
        {move || pending.get().map(|(format, losses)| view! {
            <section class="panel notice" role="alertdialog" aria-labelledby="export-losses-heading" aria-describedby="export-losses-list">
                <h2 id="export-losses-heading">{format!("A {} file cannot hold everything in this card", format.name())}</h2>
                <p>{format.loss_text().0}</p>
                <ul id="export-losses-list">{losses.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <p>{format.loss_text().1}</p>
                <button type="button" class="button" on:click=move |_| download_now(format)>{format!("Download the {} file", format.name())}</button>
                " "
                <button type="button" class="button quiet" on:click=move |_| pending.set(None)>"Cancel"</button>
            </section>
        })}
    }
}
