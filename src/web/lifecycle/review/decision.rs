//! The decision at the package's current stage, by a declared name, and sending the updated
//! package on: to the next stage's reviewers, or back to the requester.

use super::Opened;
use crate::core::lifecycle::approval::{ApprovalStage, ApprovalStatus, Decision, content_hash};
use crate::core::lifecycle::review::Relation;
use crate::web::clock::now;
use crate::web::storage::Store;
use leptos::prelude::*;

use super::super::decision_fields::DecisionFields;
use super::super::send_package::{SendPackage, recipient};

#[component]
pub fn DecisionPanel(
    /// The open package; a decision changes it in place.
    opened: RwSignal<Option<Opened>>,
    /// How it stands to the copy kept in this workspace: no decision on an older copy or a fork.
    standing: Memo<Option<Relation>>,
) -> impl IntoView {
    let store = Store::expect();
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
    let decide = Callback::new(
        move |(reviewer, decision, comment): (String, Decision, String)| {
            let mut outcome = Ok(());
            opened.update(|o| {
                if let Some(o) = o {
                    let hash = content_hash(&o.package.card);
                    outcome = o
                        .package
                        .request
                        .decide(&reviewer, decision, &comment, &hash, now());
                }
            });
            if let Err(e) = outcome {
                return Some(e.to_string());
            }
            let summary = opened
                .with_untracked(|o| o.as_ref().map(|o| o.package.request.summary()))
                .unwrap_or_default();
            recorded.set(Some(format!(
                "Recorded: {}. Now {}. Send the updated package on.",
                decision.label().to_lowercase(),
                summary.to_lowercase()
            )));
            None
        },
    );
    let package = Signal::derive(move || opened.with(|o| o.as_ref().map(|o| o.package.clone())));
    view! {
        <Show when=can_decide>
            <section class="panel" aria-labelledby="review-decision-heading">
                <h2 id="review-decision-heading">{move || stage().label()} ": your decision"</h2>
                <DecisionFields id="review" name_label="Your name" decide=decide />
            </section>
        </Show>
        {move || recorded.get().map(|message| {
            let to = package.with_untracked(|p| p.as_ref().map(|p| recipient(store, &p.request))).unwrap_or_default();
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
