//! Filters of the register (category with counts, owner, status, text) and the choice lists
//! shared with the forms.

use crate::core::debt::item::DebtItem;
use crate::core::debt::item::{DebtCategory, DebtStatus, Rating};
use crate::core::debt::register::{DebtFilter, StatusFilter, counts_by_category, owners};
use crate::web::fields::{SelectField, TextField, choices};
use crate::web::storage::Store;
use leptos::prelude::*;

pub fn category_choices() -> Vec<(String, String)> {
    choices(&DebtCategory::ALL, |c| c.value(), |c| c.label())
}

pub fn rating_choices() -> Vec<(String, String)> {
    choices(&Rating::ALL, |r| r.value(), |r| r.value())
}

pub fn status_choices() -> Vec<(String, String)> {
    choices(&DebtStatus::ALL, |s| s.value(), |s| s.label())
}

const STATUS_FILTERS: [(StatusFilter, &str, &str); 5] = [
    (StatusFilter::Active, "active", "Open and in progress"),
    (StatusFilter::Only(DebtStatus::Open), "open", "Open"),
    (
        StatusFilter::Only(DebtStatus::InProgress),
        "in_progress",
        "In progress",
    ),
    (
        StatusFilter::Only(DebtStatus::Resolved),
        "resolved",
        "Resolved",
    ),
    (StatusFilter::All, "all", "All"),
];

#[component]
pub fn Filters(filter: RwSignal<DebtFilter>) -> impl IntoView {
    let store = Store::expect();
    let counts = Memo::new(move |_| {
        let filter = filter.get();
        store
            .collection::<DebtItem>()
            .with(|c| counts_by_category(&c.items, &filter))
    });
    let owner_list = Memo::new(move |_| store.collection::<DebtItem>().with(|c| owners(&c.items)));

    let category_options = Signal::derive(move || {
        let mut options = vec![(String::new(), "All categories".to_owned())];
        options.extend(
            counts
                .get()
                .into_iter()
                .map(|(c, n)| (c.value().to_owned(), format!("{} ({n})", c.label()))),
        );
        options
    });
    let owner_options = Signal::derive(move || {
        let mut options = vec![(String::new(), "All owners".to_owned())];
        options.extend(owner_list.get().into_iter().map(|o| (o.clone(), o)));
        options
    });
    let status_options = STATUS_FILTERS
        .iter()
        .map(|(_, value, text)| (value.to_string(), text.to_string()))
        .collect::<Vec<_>>();

    view! {
        <section class="panel debt-filters no-print" aria-labelledby="debt-filters-heading">
            <h2 id="debt-filters-heading">"Filters"</h2>
            <TextField id="debt-filter-text".into() label="Search the register".into() kind="search"
                value=Signal::derive(move || filter.with(|f| f.text.clone()))
                on_input=Callback::new(move |text| filter.update(|f| f.text = text)) />
            <SelectField id="debt-filter-category".into() label="Show category".into() options=category_options
                selected=Signal::derive(move || filter.with(|f| f.category.map(|c| c.value().to_owned()).unwrap_or_default()))
                on_change=Callback::new(move |v: String| filter.update(|f| f.category = DebtCategory::parse(&v))) />
            <SelectField id="debt-filter-owner".into() label="Show owner".into() options=owner_options
                selected=Signal::derive(move || filter.with(|f| f.owner.clone().unwrap_or_default()))
                on_change=Callback::new(move |v: String| filter.update(|f| f.owner = (!v.is_empty()).then_some(v))) />
            <SelectField id="debt-filter-status".into() label="Show status".into() options=status_options
                selected=Signal::derive(move || {
                    let status = filter.with(|f| f.status);
                    STATUS_FILTERS.iter().find(|(s, _, _)| *s == status).map(|(_, v, _)| v.to_string()).unwrap_or_default()
                })
                on_change=Callback::new(move |v: String| {
                    let status = STATUS_FILTERS.iter().find(|(_, value, _)| *value == v).map_or(StatusFilter::Active, |(s, _, _)| *s);
                    filter.update(|f| f.status = status);
                }) />
            <datalist id="debt-owners">
                {move || owner_list.get().into_iter().map(|o| view! { <option value=o /> }).collect_view()}
            </datalist>
            <ul class="category-counts" aria-label="Items per category">
                {move || counts.get().into_iter().map(|(c, n)| view! { <li>{c.label()} ": " {n}</li> }).collect_view()}
            </ul>
            <button type="button" class="button quiet" on:click=move |_| filter.set(DebtFilter::default())>
                "Clear filters"
            </button>
        </section>
    }
}
