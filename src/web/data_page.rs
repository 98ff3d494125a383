//! Workspace data: export, import (file picker or drop), storage use, and recovery of damaged
//! or set-aside data.

use crate::core::records::merge::MergeReport;
use crate::core::text::words::{kilobytes, plural};
use crate::core::workspace::Workspace;
use crate::core::workspace::counts::Counts;
use crate::core::workspace::file::parse_document;
use crate::core::workspace::merge;
use crate::web::clock::{new_id, now};
use crate::web::files::{chosen_file, download, dropped_file, read_text};
use crate::web::storage::{Store, is_persisted, last_export, raw_app_entries, usage_bytes};
use crate::web::workspace_file::export_workspace;
use chrono::Timelike;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A file that parsed and waits for the user to choose replace or merge.
#[derive(Clone, PartialEq)]
struct PendingImport {
    file_name: String,
    workspace: Workspace,
}

/// The outcome of the last import, for the message under the import form.
#[derive(Clone, PartialEq)]
enum ImportMessage {
    Failed { file_name: String, reason: String },
    Merged(MergeReport),
    Replaced(Counts),
}

#[component]
pub fn DataPage() -> impl IntoView {
    let store = Store::expect();
    let pending = RwSignal::new(None::<PendingImport>);
    let message = RwSignal::new(None::<ImportMessage>);
    let dragging = RwSignal::new(false);

    let take_file = move |file: web_sys::File| {
        let file_name = file.name();
        spawn_local(async move {
            let parsed = read_text(file)
                .await
                .and_then(|text| parse_document(&text).map_err(|e| e.to_string()));
            match parsed {
                Ok(workspace) => {
                    message.set(None);
                    pending.set(Some(PendingImport {
                        file_name,
                        workspace,
                    }));
                }
                Err(reason) => {
                    pending.set(None);
                    message.set(Some(ImportMessage::Failed { file_name, reason }));
                }
            }
        });
    };

    let on_file_chosen = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            take_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        dragging.set(false);
        if let Some(file) = dropped_file(&ev) {
            take_file(file);
        }
    };

    let apply = move |replace: bool| {
        let Some(PendingImport { workspace, .. }) = pending.get_untracked() else {
            return;
        };
        let current = store.workspace_untracked();
        if replace {
            let counts = workspace.counts();
            store.replace_workspace(merge::replace(&current, &workspace, now()));
            message.set(Some(ImportMessage::Replaced(counts)));
        } else {
            let (merged, report) = merge::merge(&current, &workspace, new_id, now());
            store.replace_workspace(merged);
            message.set(Some(ImportMessage::Merged(report)));
        }
        pending.set(None);
    };

    let export_error = RwSignal::new(None::<String>);
    let exported = Trigger::new();

    view! {
        <h1>"Workspace data"</h1>
        <p class="lead">
            "Everything you enter stays in this browser and is saved as you type. "
            "Export the workspace to keep a copy, move it to another computer, or share it."
        </p>

        <section aria-labelledby="export-heading" class="panel">
            <h2 id="export-heading">"Export"</h2>
            <p>"Your workspace holds " {move || store.counts().describe()} "."</p>
            <button type="button" class="button primary" on:click=move |_| {
                export_error.set(export_workspace(&store).err());
                exported.notify();
            }>
                "Export workspace (JSON)"
            </button>
            {move || export_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>

        <section aria-labelledby="import-heading" class="panel">
            <h2 id="import-heading">"Import"</h2>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="import-file">"Choose a workspace file (.json)"</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=on_file_chosen />
                <p class="hint">"or drop the file here. The file is checked completely before anything changes."</p>
            </div>
            {move || pending.get().map(|p| {
                let current = store.counts();
                view! {
                    <div class="import-preview" role="region" aria-label="Import preview">
                        <p>
                            "“" {p.file_name.clone()} "” holds " {p.workspace.counts().describe()}
                            ". Your workspace holds " {current.describe()} "."
                        </p>
                        <p class="hint">
                            "Merge keeps everything you have and adds what is new; when a record differs, both are kept. "
                            "Replace makes your workspace exactly the file."
                        </p>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=move |_| apply(false)>"Merge into my workspace"</button>
                            <button type="button" class="button" on:click=move |_| apply(true)>"Replace my workspace"</button>
                            <button type="button" class="button quiet" on:click=move |_| pending.set(None)>"Cancel import"</button>
                        </div>
                    </div>
                }
            })}
            {move || message.get().map(|m| match m {
                ImportMessage::Failed { file_name, reason } => view! {
                    <div class="notice error" role="alert">
                        <p><strong>"Nothing was imported from “" {file_name} "”."</strong></p>
                        <p>{reason}</p>
                    </div>
                }.into_any(),
                ImportMessage::Merged(report) => view! {
                    <div class="notice success" role="status">
                        <p>
                            "Merged: " {plural(report.added, "record added", "records added")} ", "
                            {plural(report.unchanged, "already here", "already here")} ", "
                            {plural(report.kept_both, "kept as a copy because it differed", "kept as copies because they differed")} "."
                        </p>
                    </div>
                }.into_any(),
                ImportMessage::Replaced(counts) => view! {
                    <div class="notice success" role="status">
                        <p>"Replaced: your workspace now holds " {counts.describe()} "."</p>
                    </div>
                }.into_any(),
            })}
        </section>

        <StorageSection exported=exported />
        <RecoverySection />
    }
}

#[component]
fn StorageSection(
    /// Notified on every export, to show its time.
    exported: Trigger,
) -> impl IntoView {
    let store = Store::expect();
    // Whether the browser granted persistent storage (asked after the first save).
    let persisted = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        let kept = is_persisted().await;
        let _ = persisted.try_set(kept);
    });
    let usage = move || {
        // Read again whenever something was saved (every save sets `last_saved`).
        store.health().track();
        usage_bytes()
    };
    view! {
        <section aria-labelledby="storage-heading" class="panel">
            <h2 id="storage-heading">"Storage in this browser"</h2>
            <p>
                {move || {
                    let (used, limit) = usage();
                    format!(
                        "The workbench uses {} of this browser's local storage (browsers allow about {} MB per site).",
                        kilobytes(used),
                        limit / (1024 * 1024)
                    )
                }}
            </p>
            <p>
                {move || match store.health().get().last_saved {
                    Some(at) => format!("Last saved {} {} UTC.", at.date_naive(), at.time().with_nanosecond(0).unwrap_or_default()),
                    None => "Nothing saved during this visit yet.".to_owned(),
                }}
            </p>
            <p>
                {move || persisted.get().map(|kept| if kept {
                    "This browser has agreed to keep the workbench's storage even when space runs low."
                } else {
                    "This browser has not agreed to keep the workbench's storage when space runs low: it may clear it then. Export the workspace to keep your own copy."
                })}
            </p>
            <p>
                {move || {
                    exported.track();
                    match last_export() {
                        Some(at) => format!("Last exported from this browser {} {} UTC.", at.date_naive(), at.time().with_nanosecond(0).unwrap_or_default()),
                        None => "Never exported from this browser.".to_owned(),
                    }
                }}
            </p>
        </section>
    }
}

#[component]
fn RecoverySection() -> impl IntoView {
    let store = Store::expect();
    let download_raw = move |_| {
        let text = serde_json::to_string_pretty(&raw_app_entries()).unwrap_or_default();
        let _ = download(
            "mlops-workbench-raw-storage.json",
            "application/json",
            &text,
        );
    };
    view! {
        <section aria-labelledby="recovery-heading" class="panel">
            <h2 id="recovery-heading">"Recovery"</h2>
            <Show
                when=move || store.damaged().with(|d| !d.is_empty()) || store.quarantined().with(|q| !q.is_empty())
                fallback=|| view! { <p>"All saved data was read without problems."</p> }
            >
                <ul class="recovery-list">
                    <For
                        each=move || store.damaged().get()
                        key=|entry| entry.damaged.key.clone()
                        let:entry
                    >
                        {
                            let key = entry.damaged.key.clone();
                            let raw = entry.damaged.raw.clone();
                            let file = format!("{}-damaged.txt", key.replace(':', "-"));
                            view! {
                                <li class="notice warning">
                                    <p>
                                        <strong>"The saved value “" {key.clone()} "” could not be read: "</strong>
                                        {entry.damaged.reason.clone()}
                                    </p>
                                    <p>
                                        {match entry.rescue_key.clone() {
                                            Some(copy) => format!("It has not been changed. A copy is kept under “{copy}”."),
                                            None => "It has not been changed. A copy could not be made (storage is full): download it before you go on.".to_owned(),
                                        }}
                                    </p>
                                    <div class="actions">
                                        <button type="button" class="button" on:click=move |_| { let _ = download(&file, "text/plain", &raw); }>
                                            "Download the damaged data"
                                        </button>
                                        <button type="button" class="button" on:click=move |_| store.release_damaged(&key)>
                                            "Start this part fresh"
                                        </button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                    {move || store.quarantined().get().into_iter().enumerate().map(|(index, (name, item))| {
                        let raw = serde_json::to_string_pretty(&item.raw).unwrap_or_default();
                        let label = item.id().map_or_else(|| format!("record {}", index + 1), |id| format!("record “{id}”"));
                        let file = format!("set-aside-{}-{}.json", name.key, index + 1);
                        let position = store.quarantined().with_untracked(|q| {
                            q.iter().take(index).filter(|(n, _)| *n == name).count()
                        });
                        view! {
                            <li class="notice warning">
                                <p><strong>"A saved " {name.one} " " {label.clone()} " is set aside: "</strong>{item.reason.clone()}</p>
                                <p>"It is kept as it was and saved with your data until you discard it."</p>
                                <div class="actions">
                                    <button type="button" class="button" on:click=move |_| { let _ = download(&file, "application/json", &raw); }>
                                        "Download " {label.clone()}
                                    </button>
                                    <button type="button" class="button" on:click=move |_| store.discard_quarantined(name.key, position)>
                                        "Discard " {label.clone()}
                                    </button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <p>
                <button type="button" class="button quiet" on:click=download_raw>"Download everything stored, as stored"</button>
            </p>
        </section>
    }
}
