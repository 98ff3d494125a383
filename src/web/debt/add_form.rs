//! The form that adds one debt item; it keeps its choices so several items go in quickly.

use super::filters::{category_choices, rating_choices};
use crate::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating};
use crate::core::text::dates::parse_date;
use crate::web::clock::{new_id, now};
use crate::web::fields::{SelectField, TextField};
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn AddForm() -> impl IntoView {
    let store = Store::expect();
    let category = RwSignal::new(DebtCategory::Data);
    let description = RwSignal::new(String::new());
    let impact = RwSignal::new(Rating::Medium);
    let effort = RwSignal::new(Rating::Medium);
    let owner = RwSignal::new(String::new());
    let created = RwSignal::new(now().date_naive());
    let error = RwSignal::new(None::<String>);
    let description_input = NodeRef::<leptos::html::Input>::new();

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = description.get_untracked().trim().to_owned();
        if text.is_empty() {
            error.set(Some("Describe the debt first.".to_owned()));
            return;
        }
        let item = DebtItem {
            id: new_id(),
            category: category.get_untracked(),
            description: text,
            impact: impact.get_untracked(),
            effort: effort.get_untracked(),
            owner: owner.get_untracked().trim().to_owned(),
            created_at: created.get_untracked(),
            status: DebtStatus::Open,
            note: String::new(),
            link: String::new(),
            closes: None,
            updated_at: now(),
        };
        store.edit::<DebtItem>(|c| c.upsert(item));
        description.set(String::new());
        error.set(None);
        if let Some(input) = description_input.get() {
            let _ = input.focus();
        }
    };

    view! {
        <form class="panel debt-add no-print" on:submit=add aria-labelledby="debt-add-heading">
            <h2 id="debt-add-heading">"Add a debt item"</h2>
            <div class="form-grid">
                <div class="wide">
                    <TextField id="debt-new-description".into() label="Description".into()
                        value=description on_input=Callback::new(move |v| description.set(v))
                        error=error node_ref=description_input />
                </div>
                <SelectField id="debt-new-category".into() label="Category".into()
                    options=category_choices() selected=Signal::derive(move || category.get().value().to_owned())
                    on_change=Callback::new(move |v: String| if let Some(c) = DebtCategory::parse(&v) { category.set(c) }) />
                <SelectField id="debt-new-impact".into() label="Impact".into()
                    options=rating_choices() selected=Signal::derive(move || impact.get().value().to_owned())
                    on_change=Callback::new(move |v: String| if let Some(r) = Rating::parse(&v) { impact.set(r) }) />
                <SelectField id="debt-new-effort".into() label="Effort".into()
                    options=rating_choices() selected=Signal::derive(move || effort.get().value().to_owned())
                    on_change=Callback::new(move |v: String| if let Some(r) = Rating::parse(&v) { effort.set(r) }) />
                <TextField id="debt-new-owner".into() label="Owner".into() max_length=200 list="debt-owners"
                    value=owner on_input=Callback::new(move |v| owner.set(v)) />
                <TextField id="debt-new-created".into() label="Recorded on".into() kind="date"
                    value=Signal::derive(move || created.get().to_string())
                    on_input=Callback::new(move |v: String| if let Some(d) = parse_date(&v) { created.set(d) }) />
            </div>
            <button type="submit" class="button primary">"Add item"</button>
        </form>
    }
}
