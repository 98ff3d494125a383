//! One opened package: whether it verifies, how it stands to the copy kept in this
//! workspace, the decision, the card as it will be approved, what changed, and the trail.

use super::Opened;
use super::decision::DecisionPanel;
use super::keep::KeepPanel;
use crate::core::cards::diff::{changes_markdown, diff_cards};
use crate::core::cards::html::render_card_html;
use crate::core::lifecycle::approval::{ApprovalRequest, TrailEntry};
use crate::core::lifecycle::review::{Relation, relation};
use crate::web::storage::Store;
use chrono::Timelike;
use leptos::prelude::*;

fn when(entry: &TrailEntry) -> String {
    format!(
        "{} {:02}:{:02} UTC",
        entry.at.date_naive(),
        entry.at.hour(),
        entry.at.minute()
    )
}

fn said(entry: &TrailEntry) -> String {
    let comment = if entry.comment.is_empty() {
        String::new()
    } else {
        format!(": “{}”", entry.comment)
    };
    format!(
        "{}: {} by {} on {}{comment}",
        entry.stage.label(),
        entry.kind.label().to_lowercase(),
        entry.by,
        when(entry)
    )
}

#[component]
pub fn PackageView(opened: RwSignal<Option<Opened>>) -> impl IntoView {
    let store = Store::expect();
    let current = move || opened.get();
    // How the package stands to the request kept in this workspace, if any.
    let standing = Memo::new(move |_| {
        let package = opened.with(|o| o.as_ref().map(|o| o.package.request.clone()))?;
        store
            .collection::<ApprovalRequest>()
            .with(|c| c.get(&package.id).map(|kept| relation(kept, &package)))
    });
    view! {
        {move || current().map(|o| {
            let request = &o.package.request;
            let verified = o.problems.is_empty();
            view! {
                <section class="panel" aria-labelledby="package-heading">
                    <h2 id="package-heading">{request.title()}</h2>
                    <p class="hint">"From “" {o.file_name.clone()} "”. Requested by " {request.requested_by().to_owned()}
                        " on " {request.requested_on.to_string()} "."</p>
                    <p role="status" class="approval-status"><strong>{request.summary()}</strong></p>
                    {if verified {
                        view! { <p class="ok-note">"The trail and the card verify: every entry matches its hash, and the card is the one the package was made with."</p> }.into_any()
                    } else {
                        view! {
                            <div class="warning-note" role="alert">
                                <p><strong>"This package cannot be decided on."</strong></p>
                                <ul>{o.problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                            </div>
                        }.into_any()
                    }}
                </section>
            }
        })}
        {move || standing.get().map(|relation| match relation {
            Relation::Fork { kept, incoming } => view! {
                <section class="panel warning-note" role="alert" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading">"Conflict: two different decisions"</h2>
                    <p>"Your workspace and this package continue the same request differently, as when two reviewers answer the same package. Nothing was merged."</p>
                    <ul>
                        <li>"In your workspace: " {said(&kept)}</li>
                        <li>"In this package: " {said(&incoming)}</li>
                    </ul>
                </section>
            }.into_any(),
            Relation::Older => view! {
                <p class="warning-note">"Your workspace has a newer copy of this request; this package is behind it. Open the request from Approvals to see where it stands."</p>
            }.into_any(),
            Relation::Newer { .. } | Relation::Same => ().into_any(),
        })}
        <DecisionPanel opened=opened standing=standing />
        <KeepPanel opened=opened />
        // The card and what changed in it are fixed for an opened file (this view is built
        // once per file); a decision changes only the trail, so the frame is not rendered again.
        {opened.with_untracked(|o| o.as_ref().map(|o| {
            let changes = o.package.approved_before.as_ref().map(|before| {
                let changed: Vec<&str> = diff_cards(&before.card, &o.package.card).iter().map(|(f, _)| f.label()).collect();
                let log = changes_markdown(&before.card, &o.package.card);
                (before.model_version.clone(), changed, log)
            });
            view! {
                {changes.map(|(version, changed, log)| view! {
                    <section class="panel" aria-labelledby="changes-heading">
                        <h2 id="changes-heading">"What changed since the approved version " {version}</h2>
                        {if changed.is_empty() {
                            view! { <p>"Nothing: the card is the same as the approved one."</p> }.into_any()
                        } else {
                            view! {
                                <p>{changed.join(", ")}</p>
                                <details><summary>"The change log"</summary><pre class="evidence-text">{log}</pre></details>
                            }.into_any()
                        }}
                    </section>
                })}
                <section class="panel" aria-labelledby="card-heading">
                    <h2 id="card-heading">"The card as it will be approved"</h2>
                    <iframe class="card-preview-frame review-frame" sandbox="" title="The model card under review"
                        srcdoc=render_card_html(&o.package.card)></iframe>
                </section>
            }
        }))}
        {move || current().map(|o| {
            view! {
                <section class="panel" aria-labelledby="trail-heading">
                    <h2 id="trail-heading">"Trail"</h2>
                    <ol class="timeline">
                        {o.package.request.trail().iter().map(|entry| view! {
                            <li>
                                <strong>{format!("{}: {} by {}", entry.stage.label(), entry.kind.label(), entry.by)}</strong>
                                <span class="hint">" " {when(entry)}</span>
                                {(!entry.comment.is_empty()).then(|| view! { <p class="evidence-text">{entry.comment.clone()}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }
        })}
    }
}
