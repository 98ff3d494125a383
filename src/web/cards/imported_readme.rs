//! What an imported README held beyond the fields: its other metadata, editable as YAML and
//! checked when the box is left, and its other sections, shown as written (kept for the
//! README export; they are edited after export, on the Hub or in any editor).

use super::card_edit;
use super::formats;
use crate::core::cards::origin::FrontMatter;
use crate::core::cards::readme::sections::other_sections;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ImportedReadme() -> impl IntoView {
    let edit = card_edit();
    let imported = Memo::new(move |_| edit.card.with(|c| c.imported_readme.is_some()));
    view! {
        <Show when=move || imported.get()>
            <section class="panel" aria-labelledby="card-imported-heading">
                <h2 id="card-imported-heading">"From the imported README"</h2>
                <OtherMetadata />
                <OtherSections />
            </section>
        </Show>
    }
}

/// The metadata keys no field maps, as YAML. A change is taken when the box is left and it
/// reads as YAML "key: value" lines; otherwise the message says why and nothing changes.
#[component]
fn OtherMetadata() -> impl IntoView {
    let edit = card_edit();
    let saved = Memo::new(move |_| {
        edit.card.with(
            |c| match c.imported_readme.as_ref().map(|o| &o.front_matter) {
                Some(FrontMatter::Invalid { text, error }) => Err((text.clone(), error.clone())),
                _ => Ok(c
                    .imported_readme
                    .as_ref()
                    .map(|o| o.other_metadata())
                    .unwrap_or_default()),
            },
        )
    });
    let error = RwSignal::new(None::<String>);
    let take = move |text: String| {
        spawn_local(async move {
            let entries = match formats::metadata_entries(text).await {
                Ok(Ok(entries)) => entries,
                Ok(Err(reason)) => return error.set(Some(reason)),
                Err(not_loaded) => return error.set(Some(not_loaded.to_string())),
            };
            let mut result = Ok(());
            edit.edit(|c| {
                if let Some(origin) = c.imported_readme.as_mut() {
                    result = origin.set_other_entries(entries);
                }
            });
            error.set(result.err().map(|e| e.to_string()));
        });
    };
    view! {
        {move || match saved.get() {
            Err((text, reason)) => view! {
                <h3>"Front matter"</h3>
                <p class="field-error" role="alert">{format!("The front matter is not valid YAML ({reason}). It is kept exactly as written and exported unchanged.")}</p>
                <pre class="raw-text" aria-label="Front matter as imported">{text}</pre>
            }.into_any(),
            Ok(text) => view! {
                <div class="field">
                    <label for="card-other-metadata">"Other metadata"</label>
                    <p class="hint" id="card-other-metadata-hint">
                        "The README's metadata keys that no field sets (language, datasets, pipeline_tag, extra_gated_… and more), as YAML, written back on export as they are. Edit them here; your change is checked when you leave the box. Licence, tags, model name and evaluation results are set by their fields."
                    </p>
                    <textarea id="card-other-metadata" rows=8 spellcheck="false"
                        aria-describedby="card-other-metadata-hint card-other-metadata-error"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=text
                        on:change=move |ev| take(event_target_value(&ev))></textarea>
                    <p id="card-other-metadata-error" class="field-error" role="alert">
                        {move || error.get().map(|e| format!("Not taken: {e} Your text is still in the box; the card keeps the metadata as it was."))}
                    </p>
                </div>
            }.into_any(),
        }}
    }
}

/// The sections no field fills, in their order, as written.
#[component]
fn OtherSections() -> impl IntoView {
    let edit = card_edit();
    let sections = Memo::new(move |_| {
        edit.card.with(|c| {
            c.imported_readme
                .as_ref()
                .map(|o| {
                    other_sections(&o.sections)
                        .into_iter()
                        .map(|s| {
                            let title = s
                                .title()
                                .map_or("Text before the first heading", |t| t.1)
                                .to_owned();
                            (title, s.text.trim_matches('\n').to_owned())
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || sections.with(|s| !s.is_empty())>
            <h3>{move || format!("Other README sections ({})", sections.with(Vec::len))}</h3>
            <p class="hint">"Sections no field fills, kept exactly as written (HTML too) and exported in their place. They are shown here as text; nothing in them runs."</p>
            {move || sections.get().into_iter().map(|(title, text)| view! {
                <details class="raw-section">
                    <summary>{title}</summary>
                    <pre class="raw-text">{text}</pre>
                </details>
            }).collect_view()}
        </Show>
    }
}
