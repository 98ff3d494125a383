//! Approvals (lesson 2.2): start a request for a model card version, the inbox of requests
//! waiting per stage, the requests returned to their requesters, and the reviewer addresses.

use crate::core::cards::card::CardRecord;
use crate::core::lifecycle::approval::{
    ApprovalRequest, ApprovalStage, ReviewerGroup, awaiting_resubmission, inbox, reviewer_address,
};
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::fields::{SelectField, TextField};
use crate::web::nav::go_to;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let store = Store::expect();
    view! {
        <h1>"Approvals"</h1>
        <p class="lead">
            "A model card version goes through six reviews in order: data, model, fairness, security, "
            "compliance, and the final approval for production. Each review is recorded with the "
            "reviewer, the decision and a comment."
        </p>
        <StartRequest />
        <section class="panel" aria-labelledby="inbox-heading">
            <h2 id="inbox-heading">"Waiting for review"</h2>
            {move || store.collection::<ApprovalRequest>().with(|c| {
                let waiting: Vec<_> = inbox(&c.items).into_iter().filter(|(_, here)| !here.is_empty()).map(|(stage, here)| view! {
                    <h3>{stage.label()}</h3>
                    <ul>{here.into_iter().map(request_link).collect_view()}</ul>
                }).collect();
                if waiting.is_empty() {
                    view! { <p>"Nothing is waiting for review."</p> }.into_any()
                } else {
                    waiting.into_any()
                }
            })}
        </section>
        <section class="panel" aria-labelledby="returned-heading">
            <h2 id="returned-heading">"Returned to the requester"</h2>
            <ul>
                {move || store.collection::<ApprovalRequest>().with(|c| awaiting_resubmission(&c.items).into_iter().map(request_link).collect_view())}
            </ul>
        </section>
        <section class="panel" aria-labelledby="approved-heading">
            <h2 id="approved-heading">"Approved for production"</h2>
            <ul>
                {move || store.collection::<ApprovalRequest>().with(|c| c.items.iter()
                    .filter(|r| r.is_approved_for_production())
                    .map(request_link).collect_view())}
            </ul>
        </section>
        <Reviewers />
    }
}

fn request_link(request: &ApprovalRequest) -> impl IntoView + use<> {
    let text = format!(
        "{} {} (requested by {} on {})",
        request.model_name,
        request.model_version,
        request.requested_by(),
        request.requested_on
    );
    view! { <li><a href=Route::Approval(request.id.clone()).href()>{text}</a></li> }
}

/// "Request approval": a card of the workspace, the requester, and the date.
#[component]
fn StartRequest() -> impl IntoView {
    let store = Store::expect();
    let card = RwSignal::new(String::new());
    let requester = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let options = Signal::derive(move || {
        let mut choices = vec![(String::new(), "Choose a model card".to_owned())];
        store
            .collection::<CardRecord>()
            .with(|c| choices.extend(c.items.iter().map(|r| (r.id.clone(), r.title()))));
        choices
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(record) = store
            .collection::<CardRecord>()
            .with_untracked(|c| c.get(&card.get_untracked()).cloned())
        else {
            error.set(Some("Choose the model card to approve.".to_owned()));
            return;
        };
        match ApprovalRequest::new(new_id(), &record, &requester.get_untracked(), now()) {
            Ok(request) => {
                let route = Route::Approval(request.id.clone());
                store.edit::<ApprovalRequest>(|c| c.upsert(request));
                error.set(None);
                go_to(&route);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="panel inline-form" on:submit=start aria-labelledby="start-approval">
            <h2 id="start-approval" class="form-title">"Request approval"</h2>
            <SelectField id="approval-card".into() label="Model card version".into() options=options
                selected=card on_change=Callback::new(move |v| card.set(v)) />
            <TextField id="approval-requester".into() label="Requested by".into() max_length=200
                value=requester on_input=Callback::new(move |v| requester.set(v)) />
            <button type="submit" class="button primary">"Start the approval"</button>
            <p class="hint">"Names are declared, not checked: the trail records the names people type."</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </form>
    }
}

/// The address notified per stage: the lesson's by default, editable.
#[component]
fn Reviewers() -> impl IntoView {
    let store = Store::expect();
    view! {
        <details class="panel">
            <summary>"Reviewer addresses per stage"</summary>
            <div class="details-fields">
                {ApprovalStage::ALL.into_iter().map(|stage| {
                    let id = format!("reviewers-{}", stage.key());
                    view! {
                        <TextField id=id label=format!("{} reviewers", stage.label()) max_length=320
                            value=Signal::derive(move || store.collection::<ReviewerGroup>().with(|c| reviewer_address(&c.items, stage)))
                            on_input=Callback::new(move |address: String| {
                                store.edit::<ReviewerGroup>(|c| c.upsert(ReviewerGroup::new(stage, &address, now())));
                            }) />
                    }
                }).collect_view()}
            </div>
        </details>
    }
}
