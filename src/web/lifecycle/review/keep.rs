//! "Keep a copy in my workspace": the only step on this page that changes stored data.

use super::Opened;
use crate::core::cards::card::CardRecord;
use crate::core::lifecycle::approval::ApprovalRequest;
use crate::core::lifecycle::review::plan_keep;
use crate::core::records::collection::Record;
use crate::route::Route;
use crate::web::clock::now;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn KeepPanel(opened: RwSignal<Option<Opened>>) -> impl IntoView {
    let store = Store::expect();
    let message = RwSignal::new(None::<(String, String)>);
    let keep = move |_| {
        let Some(o) = opened.get_untracked() else {
            return;
        };
        let request = &o.package.request;
        let kept_request = store
            .collection::<ApprovalRequest>()
            .with_untracked(|c| c.get(&request.id).cloned());
        let kept_card = store
            .collection::<CardRecord>()
            .with_untracked(|c| c.get(&request.card_id).map(|r| r.card.clone()));
        let plan = plan_keep(&o.package, kept_request.as_ref(), kept_card.as_ref());
        if let Some(card) = plan.add_card.clone() {
            let record = CardRecord::new(request.card_id.clone(), card, now());
            store.edit::<CardRecord>(|c| c.upsert(record));
        }
        if let Some(request) = plan.put_request.clone() {
            store.edit::<ApprovalRequest>(|c| c.upsert(request.with_updated_at(now())));
        }
        message.set(Some((
            plan.message(),
            Route::Approval(request.id.clone()).href(),
        )));
    };
    let valid = move || opened.with(|o| o.as_ref().is_some_and(|o| o.problems.is_empty()));
    view! {
        <Show when=valid>
            <section class="panel no-print" aria-labelledby="keep-heading">
                <h2 id="keep-heading">"Your workspace"</h2>
                <p>"Opening a package saves nothing. Keep a copy to find the request under Approvals later, e.g. when it comes back to you."</p>
                <button type="button" class="button" on:click=keep>"Keep a copy in my workspace"</button>
                {move || message.get().map(|(text, href)| view! {
                    <p role="status">{text} " " <a href=href>"Open the request"</a></p>
                })}
            </section>
        </Show>
    }
}
