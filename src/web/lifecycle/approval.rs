//! One approval request: where it stands, the decision at the current stage (or the
//! resubmission after a return), "Notify" without a server, and the append-only timeline.

use super::decision_fields::DecisionFields;
use super::send_package::{SendPackage, recipient};
use crate::core::cards::card::CardRecord;
use crate::core::lifecycle::approval::ReviewerGroup;
use crate::core::lifecycle::approval::{
    ApprovalRequest, ApprovalStage, ApprovalStatus, Decision, content_hash, notify_mailto,
    notify_text, reviewer_address, trail_json, trail_markdown,
};
use crate::core::lifecycle::review::{ReviewPackage, approved_before};
use crate::core::text::filename::file_stem;
use crate::route::Route;
use crate::web::clock::now;
use crate::web::fields::{TextAreaField, TextField};
use crate::web::files::download;
use crate::web::storage::{APP_VERSION, Store};
use chrono::Timelike;
use leptos::prelude::*;

#[component]
pub fn ApprovalPage(id: String) -> impl IntoView {
    let store = Store::expect();
    let key = id.clone();
    let request = Memo::new(move |_| {
        store
            .collection::<ApprovalRequest>()
            .with(|c| c.get(&key).cloned())
    });
    view! {
        <p class="breadcrumb no-print"><a href=Route::Approvals.href()>"All approvals"</a></p>
        {move || match request.get() {
            None => view! {
                <h1>"Approval request not found"</h1>
                <p>"This request is not in your workspace."</p>
            }.into_any(),
            Some(r) => view! { <RequestView request=r /> }.into_any(),
        }}
    }
}

#[component]
fn RequestView(request: ApprovalRequest) -> impl IntoView {
    let store = Store::expect();
    let id = StoredValue::new(request.id.clone());
    let card_hash = {
        let card_id = request.card_id.clone();
        Memo::new(move |_| {
            store
                .collection::<CardRecord>()
                .with(|c| c.get(&card_id).map(|r| content_hash(&r.card)))
        })
    };
    let stale = {
        let request = request.clone();
        move || card_hash.get().map(|hash| request.stale_stages(&hash))
    };
    let current = request.stage();
    let finished = request.is_approved_for_production();
    let stage_index = ApprovalStage::ALL
        .iter()
        .position(|s| *s == current)
        .unwrap_or(0);
    let stem = file_stem(&format!(
        "approval {} {}",
        request.model_name, request.model_version
    ));
    let (json, markdown) = (trail_json(&request), trail_markdown(&request));
    let export_error = RwSignal::new(None::<String>);
    view! {
           <h1>"Approval: " {request.model_name.clone()} " " {request.model_version.clone()}</h1>
    <p class="hint">"Requested by " {request.requested_by().to_owned()} " on " {request.requested_on.to_string()} ". "
               <a href=Route::Card(request.card_id.clone()).href()>"Open the model card"</a></p>
           <p role="status" class="approval-status"><strong>{request.summary()}</strong></p>
           {move || match stale() {
               None => Some(view! { <p class="field-error">"The model card of this request is no longer in the workspace."</p> }.into_any()),
               Some(stages) if !stages.is_empty() => Some(view! {
                   <p class="warning-note">
                       "The model card changed after these approvals, so they cover older content: "
                       {stages.iter().map(|s| s.label()).collect::<Vec<_>>().join(", ")} "."
                   </p>
               }.into_any()),
               Some(_) => None,
           }}
           <ol class="approval-stages">
               {ApprovalStage::ALL.iter().enumerate().map(|(index, stage)| {
                   let state = if finished || index < stage_index { "approved" } else if index == stage_index { "current" } else { "to come" };
                   view! { <li class=state>{stage.label()} ": " {state}</li> }
               }).collect_view()}
           </ol>
           {(!finished).then(|| match request.status() {
               ApprovalStatus::Pending => view! { <DecisionForm id=id.get_value() card_hash=card_hash stage=current /> }.into_any(),
               _ => view! { <ResubmitForm id=id.get_value() card_hash=card_hash /> }.into_any(),
           })}
           {(!finished).then(|| view! { <Notify request=request.clone() /> })}
           <SendForReview request=request.clone() />
           <section class="panel" aria-labelledby="timeline-heading">
               <h2 id="timeline-heading">"Timeline"</h2>
               <ol class="timeline">
                   {request.trail().iter().map(|entry| view! {
                       <li>
                           <strong>{format!("{}: {} by {}", entry.stage.label(), entry.kind.label(), entry.by)}</strong>
                           <span class="hint">" " {format!("{} {:02}:{:02} UTC", entry.at.date_naive(), entry.at.hour(), entry.at.minute())}</span>
                           {(!entry.comment.is_empty()).then(|| view! { <p class="evidence-text">{entry.comment.clone()}</p> })}
                       </li>
                   }).collect_view()}
               </ol>
               <button type="button" class="button" on:click={
                   let stem = stem.clone();
                   move |_| export_error.set(download(&format!("{stem}.json"), "application/json", &json).err())
               }>"Download timeline (JSON)"</button>
               " "
               <button type="button" class="button" on:click=move |_| export_error.set(download(&format!("{stem}.md"), "text/markdown", &markdown).err())>
                   "Download timeline (Markdown)"
               </button>
               <p class="field-error" role="alert">{move || export_error.get()}</p>
           </section>
       }
}

#[component]
fn DecisionForm(
    id: String,
    card_hash: Memo<Option<String>>,
    stage: ApprovalStage,
) -> impl IntoView {
    let store = Store::expect();
    let id = StoredValue::new(id);
    let decide = Callback::new(
        move |(reviewer, decision, comment): (String, Decision, String)| {
            let hash = card_hash.get_untracked().unwrap_or_default();
            let mut outcome = Ok(());
            store.edit::<ApprovalRequest>(|c| {
                c.update(&id.get_value(), |r| {
                    outcome = r.decide(&reviewer, decision, &comment, &hash, now());
                });
            });
            outcome.err().map(|e| e.to_string())
        },
    );
    view! {
        <section class="panel" aria-labelledby="decision-heading">
            <h2 id="decision-heading">{stage.label()} ": decision"</h2>
            <DecisionFields id="decision" name_label="Reviewer" decide=decide />
        </section>
    }
}

#[component]
fn ResubmitForm(id: String, card_hash: Memo<Option<String>>) -> impl IntoView {
    let store = Store::expect();
    let id = StoredValue::new(id);
    let by = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let resubmit = move |_| {
        let hash = card_hash.get_untracked().unwrap_or_default();
        let mut outcome = Ok(());
        store.edit::<ApprovalRequest>(|c| {
            c.update(&id.get_value(), |r| {
                outcome = r.resubmit(&by.get_untracked(), &comment.get_untracked(), &hash, now());
            });
        });
        error.set(outcome.err().map(|e| e.to_string()));
    };
    view! {
        <section class="panel" aria-labelledby="resubmit-heading">
            <h2 id="resubmit-heading">"Resubmit"</h2>
            <p>"After the changes, the requester resubmits. The review restarts at the stage that returned it, or earlier: at the first stage whose approval covers older content of the card, since the final approval needs every approval on the current card."</p>
            <TextField id="resubmit-by".into() label="Resubmitted by".into() max_length=200
                value=by on_input=Callback::new(move |v| by.set(v)) />
            <TextAreaField id="resubmit-comment".into() label="What changed".into() rows=3
                value=comment on_input=Callback::new(move |v| comment.set(v)) />
            <button type="button" class="button primary" on:click=resubmit>"Resubmit"</button>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

/// "Notify": a mailto link with the message, and the message to copy, since there is no server.
#[component]
fn Notify(request: ApprovalRequest) -> impl IntoView {
    let store = Store::expect();
    let address = store
        .collection::<ReviewerGroup>()
        .with_untracked(|c| reviewer_address(&c.items, request.stage()));
    let href = notify_mailto(&request, &address);
    let text = notify_text(&request);
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(if ok {
                "Copied the message.".to_owned()
            } else {
                "The browser did not allow copying.".to_owned()
            }));
        });
    };
    view! {
        <p class="no-print">
            <a class="button" href=href>"Notify " {address.clone()}</a>
            " "
            <button type="button" class="button" on:click=copy>"Copy the message"</button>
            <span role="status">" " {move || copied.get()}</span>
        </p>
    }
}

/// "Send for review": the request with its card as a package file, for reviewers who work in
/// their own browsers, and the e-mail that goes with it.
#[component]
fn SendForReview(request: ApprovalRequest) -> impl IntoView {
    let store = Store::expect();
    let to = recipient(store, &request);
    let label = match request.status() {
        ApprovalStatus::Pending => "Send for review",
        _ => "Download the package",
    };
    let request = StoredValue::new(request);
    let package = Signal::derive(move || {
        let request = request.get_value();
        store.collection::<CardRecord>().with(|cards| {
            let card = cards.get(&request.card_id)?;
            let before = store
                .collection::<ApprovalRequest>()
                .with(|all| approved_before(&request, &all.items, &cards.items));
            Some(ReviewPackage::new(
                &request,
                &card.card,
                before,
                APP_VERSION,
            ))
        })
    });
    view! {
        <section class="panel no-print" aria-labelledby="send-heading">
            <h2 id="send-heading">"Review in other browsers"</h2>
            <p>
                "The package is one file with this request, its trail and the card exactly as it is now. "
                "Reviewers open it on the “Review a package” page of the workbench in their own browser, "
                "decide, and send the updated package on."
            </p>
            <SendPackage package=package to=to label=label />
        </section>
    }
}
