//! One criterion of the maturity model: had or not, with its evidence.

use super::notes::{EvidenceNotes, answer_of, set_answer};
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::Criterion;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn CriterionRow(
    criterion: &'static Criterion,
    id: StoredValue<String>,
    assessment: Memo<Option<Assessment>>,
) -> impl IntoView {
    let store = Store::expect();
    let answer = answer_of(assessment, criterion.id);
    let check_id = format!("criterion-{}", criterion.id);
    let hint_id = format!("{check_id}-hint");
    view! {
        <div class="criterion" class:met=move || answer.with(|a| a.implemented)>
            <div class="criterion-check">
                <input id=check_id.clone() type="checkbox"
                    prop:checked=move || answer.with(|a| a.implemented)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        set_answer(store, &id.get_value(), criterion.id, |a| a.implemented = on);
                    }
                    aria-describedby=hint_id.clone() />
                <label for=check_id.clone()>{criterion.text}</label>
                <span class="category">{criterion.category}</span>
            </div>
            <p id=hint_id class="hint">{criterion.in_practice}</p>
            <EvidenceNotes dom_id=check_id text=criterion.text id=id item_id=criterion.id answer=answer />
        </div>
    }
}
