//! Downloads of the open card: the HTML document, the lesson-shaped JSON, a Hugging Face
//! README (all lossless), Model Card Toolkit JSON and a CycloneDX BOM, which cannot hold every
//! field: before those downloads the app lists what the file will leave out and asks. The
//! files are written by the formats' code ([`formats`]), fetched when the editor opens.

use super::card_edit;
use super::formats::{self, Export, Format};
use crate::web::files::download;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The format's name and what happens to the fields it has no place for, before and after
/// the list.
fn describe(format: Format) -> (&'static str, &'static str, &'static str) {
    let name = match format {
        Format::Html => "HTML",
        Format::Json => "JSON",
        Format::Readme => "Hugging Face README",
        Format::Mct => "Model Card Toolkit",
        Format::CycloneDx => "CycloneDX",
    };
    let (before, after) = match format {
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
    };
    (name, before, after)
}

fn save(file: &Export) -> Result<(), String> {
    download(&file.file_name, file.mime, &file.text)
}

#[component]
pub fn ExportButtons() -> impl IntoView {
    let edit = card_edit();
    formats::preload();
    let error = RwSignal::new(None::<String>);
    // A download that leaves fields out, waiting for the user to confirm it.
    let pending = RwSignal::new(None::<(Format, Vec<String>)>);
    // Writes the card as it is now; downloads it at once when nothing is lost or `confirmed`.
    let prepare = move |format: Format, confirmed: bool| {
        let card = edit.card.get_untracked();
        spawn_local(async move {
            match formats::export(card, format).await {
                Ok(file) if confirmed || file.losses.is_empty() => {
                    pending.set(None);
                    error.set(save(&file).err());
                }
                Ok(file) => pending.set(Some((format, file.losses))),
                Err(not_loaded) => error.set(Some(not_loaded.to_string())),
            }
        });
    };
    let button = move |format: Format, text: &'static str| {
        view! {
            <button type="button" class="button" on:click=move |_| prepare(format, false)>
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
        {move || pending.get().map(|(format, losses)| {
            let (name, before, after) = describe(format);
            view! {
                <section class="panel notice" role="alertdialog" aria-labelledby="export-losses-heading" aria-describedby="export-losses-list">
                    <h2 id="export-losses-heading">{format!("A {name} file cannot hold everything in this card")}</h2>
                    <p>{before}</p>
                    <ul id="export-losses-list">{losses.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <p>{after}</p>
                    <button type="button" class="button" on:click=move |_| prepare(format, true)>{format!("Download the {name} file")}</button>
                    " "
                    <button type="button" class="button quiet" on:click=move |_| pending.set(None)>"Cancel"</button>
                </section>
            }
        })}
    }
}
