//! The decision at the package's current stage, by a declared name, and sending the updated
//! package on: to the next stage's reviewers, or back to the requester.

use super::Opened;
use crate::core::lifecycle::approval::{
    ApprovalStage, ApprovalStatus, Decision, ReviewerGroup, content_hash, reviewer_address,
};
use crate::core::lifecycle::review::{Relation, ReviewPackage};
use crate::web::clock::now;
use crate::web::fields::{TextAreaField, TextField};
use crate::web::storage::Store;
use leptos::prelude::*;

use super::super::send_package::SendPackage;

/// Where the package goes after a decision: the next stage's reviewers while it is pending,
/// else the requester (when their name is an address).
fn next_address(store: Store, package: &ReviewPackage) -> String {
    let request = &package.request;
    match request.status() {
        ApprovalStatus::Pending => store
            .collection::<ReviewerGroup>()
            .with_untracked(|c| reviewer_address(&c.items, request.stage())),
        _ if request.requested_by().contains('@') => request.requested_by().to_owned(),
        _ => String::new(),
    }
}

#[component]
pub fn DecisionPanel(
    /// The open package; a decision changes it in place.
    opened: RwSignal<Option<Opened>>,
    /// How it stands to the copy kept in this workspace: no decision on an older copy or a fork.
    standing: Memo<Option<Relation>>,
) -> impl IntoView {
    let store = Store::expect();
    let reviewer = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let recorded = RwSignal::new(None::<String>);
    let can_decide = move || {
        let open = opened.with(|o| {
            o.as_ref().is_some_and(|o| {
                o.problems.is_empty() && o.package.request.status() == ApprovalStatus::Pending
            })
        });
        open && !matches!(
            standing.get(),
            Some(Relation::Older | Relation::Fork { .. })
        )
    };
    let stage = move || {
        opened.with(|o| {
            o.as_ref()
                .map_or(ApprovalStage::DataReview, |o| o.package.request.stage())
        })
    };
    let decide = move |decision: Decision| {
        let mut outcome = Ok(());
        opened.update(|o| {
            if let Some(o) = o {
                let hash = content_hash(&o.package.card);
                outcome = o.package.request.decide(
                    &reviewer.get_untracked(),
                    decision,
                    &comment.get_untracked(),
                    &hash,
                    now(),
                );
            }
        });
        match outcome {
            Ok(()) => {
                error.set(None);
                comment.set(String::new());
                let summary = opened
                    .with_untracked(|o| o.as_ref().map(|o| o.package.request.summary()))
                    .unwrap_or_default();
                recorded.set(Some(format!(
                    "Recorded: {}. Now {}. Send the updated package on.",
                    decision.label().to_lowercase(),
                    summary.to_lowercase()
                )));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let package = Signal::derive(move || opened.with(|o| o.as_ref().map(|o| o.package.clone())));
    view! {
        <Show when=can_decide>
            <section class="panel" aria-labelledby="review-decision-heading">
                <h2 id="review-decision-heading">{move || stage().label()} ": your decision"</h2>
                <TextField id="review-reviewer".into() label="Your name".into() max_length=200
                    value=reviewer on_input=Callback::new(move |v| reviewer.set(v)) />
                <p class="hint">"Names are declared, not checked: the trail records the name you type. The requester cannot approve their own request (names compared without case or outer spaces)."</p>
                <TextAreaField id="review-comment".into() label="Comment".into() rows=3
                    value=comment on_input=Callback::new(move |v| comment.set(v)) />
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| decide(Decision::Approve)>"Approve"</button>
                    <button type="button" class="button" on:click=move |_| decide(Decision::NeedsRevision)>"Needs revision"</button>
                    <button type="button" class="button danger" on:click=move |_| decide(Decision::Reject)>"Reject"</button>
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </section>
        </Show>
        {move || recorded.get().map(|message| {
            let to = package.with_untracked(|p| p.as_ref().map(|p| next_address(store, p))).unwrap_or_default();
            view! {
                <section class="panel" aria-labelledby="send-on-heading">
                    <h2 id="send-on-heading">"Send it on"</h2>
                    <p role="status">{message}</p>
                    <SendPackage package=package to=to label="Download the updated package" />
                </section>
            }
        })}
    }
}
