//! The evidence and link of one criterion or test: folded away until there is something in
//! them, printed in full.

use crate::core::maturity::assessment::{Answer, Assessment};
use crate::core::text::link::{safe_href, validate_link};
use crate::web::fields::{TextAreaField, TextField};
use crate::web::storage::Store;
use leptos::prelude::*;

/// The answer to one item of the open assessment, kept fresh.
pub fn answer_of(assessment: Memo<Option<Assessment>>, item_id: &'static str) -> Memo<Answer> {
    Memo::new(move |_| {
        assessment.with(|a| a.as_ref().map(|a| a.answer(item_id)).unwrap_or_default())
    })
}

/// Changes one answer of the assessment `id`.
pub fn set_answer(store: Store, id: &str, item_id: &str, change: impl FnOnce(&mut Answer)) {
    store.update_record::<Assessment>(id, |a| a.set_answer(item_id, change));
}

#[component]
pub fn EvidenceNotes(
    /// The item's id, the start of every field's id.
    dom_id: String,
    /// The item's text, for the fields' accessible names.
    text: &'static str,
    /// The assessment's id.
    id: StoredValue<String>,
    item_id: &'static str,
    answer: Memo<Answer>,
) -> impl IntoView {
    let store = Store::expect();
    let set = move |change: Box<dyn FnOnce(&mut Answer)>| {
        set_answer(store, &id.get_value(), item_id, change)
    };
    let link_error =
        move || answer.with(|a| validate_link(&a.link).err().map(|e| e.message().to_owned()));
    let has_notes = answer.with_untracked(|a| !a.evidence.is_empty() || !a.link.is_empty());
    view! {
        <p class="print-only">
            {move || answer.with(|a| {
                let link = safe_href(&a.link).unwrap_or_default();
                [a.evidence.trim(), link].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join("\n")
            })}
        </p>
        <details class="evidence" open=has_notes>
            <summary>"Evidence and link" <span class="visually-hidden">" for " {text}</span></summary>
            <TextAreaField id=format!("{dom_id}-evidence") label="Evidence".into() hidden_detail=format!(" for {text}")
                value=Signal::derive(move || answer.with(|a| a.evidence.clone()))
                on_input=Callback::new(move |v: String| set(Box::new(move |a| a.evidence = v))) />
            <TextField id=format!("{dom_id}-link") label="Link".into() kind="url" placeholder="https://…"
                hidden_detail=format!(" for {text}")
                value=Signal::derive(move || answer.with(|a| a.link.clone()))
                on_input=Callback::new(move |v: String| set(Box::new(move |a| a.link = v)))
                error=Signal::derive(link_error) />
            {move || answer.with(|a| safe_href(&a.link).map(|href| view! {
                <a class="evidence-link" href=href.to_owned() target="_blank" rel="noopener noreferrer">"Open link"<span class="visually-hidden">" for " {text}</span></a>
            }))}
        </details>
    }
}
