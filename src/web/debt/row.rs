//! One row of the priority list: read view with a quick status change, an inline editor
//! (Enter saves, Escape cancels), and delete with undo.

use super::filters::{category_choices, rating_choices, status_choices};
use crate::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating};
use crate::core::records::collection::Record;
use crate::core::text::dates::parse_date;
use crate::core::text::link::{safe_href, validate_web_link};
use crate::route::Route;
use crate::web::clock::now;
use crate::web::fields::{SelectField, TextAreaField, TextField};
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;

fn save(store: Store, item: DebtItem) {
    // Upsert, not update: an item another tab deleted meanwhile comes back with the edit.
    store.edit::<DebtItem>(|c| c.upsert(item.with_updated_at(now())));
}

#[component]
pub fn DebtRow(item: DebtItem) -> impl IntoView {
    let editing = RwSignal::new(false);
    let item = StoredValue::new(item);
    view! {
        <Show
            when=move || editing.get()
            fallback=move || view! { <ReadRow item=item.get_value() editing=editing /> }
        >
            <EditRow item=item.get_value() editing=editing />
        </Show>
    }
}

#[component]
fn ReadRow(item: DebtItem, editing: RwSignal<bool>) -> impl IntoView {
    let store = Store::expect();
    let undo = Undo::expect();
    let description = item.description.clone();
    let current = StoredValue::new(item.clone());
    let set_status = Callback::new(move |value: String| {
        if let Some(status) = DebtStatus::parse(&value) {
            save(
                store,
                DebtItem {
                    status,
                    ..current.get_value()
                },
            );
        }
    });
    let delete = move |_| {
        let id = current.with_value(|i| i.id.clone());
        undo.delete::<DebtItem>(
            store,
            &id,
            |removed| format!("Deleted “{}”.", removed.description),
            |_| {},
        );
    };
    view! {
        <tr class:resolved=item.status == DebtStatus::Resolved>
            <td class="score">{item.score()}</td>
            <th scope="row" class="description">
                {item.description.clone()}
                {(!item.note.is_empty()).then(|| view! { <p class="hint note">{item.note.clone()}</p> })}
                {item.closes.as_ref().map(|gap| view! {
                    <p class="hint closes">
                        "Closes a gap of " <a href=Route::Assessment(gap.assessment_id.clone()).href()>{gap.team.clone()}</a>
                        ": " {gap.item_text.clone()}
                    </p>
                })}
                {safe_href(&item.link).map(|href| view! {
                    <a class="hint" href=href.to_owned() target="_blank" rel="noopener noreferrer">
                        "Link" <span class="visually-hidden">" for " {description.clone()}</span>
                    </a>
                })}
            </th>
            <td>{item.category.label()}</td>
            <td>{item.impact.value()}</td>
            <td>{item.effort.value()}</td>
            <td>{item.owner.clone()}</td>
            <td class="date">{item.created_at.to_string()}</td>
            <td>
                <SelectField id=format!("debt-status-{}", item.id) label=format!("Status of {}", item.description)
                    hidden_label=true options=status_choices() selected=item.status.value().to_owned() on_change=set_status />
            </td>
            <td class="row-actions">
                <button type="button" class="button quiet" on:click=move |_| editing.set(true)
                    aria-label=format!("Edit {}", item.description)>"Edit"</button>
                <button type="button" class="button quiet danger" on:click=delete
                    aria-label=format!("Delete {}", item.description)>"Delete"</button>
            </td>
        </tr>
    }
}

#[component]
fn EditRow(item: DebtItem, editing: RwSignal<bool>) -> impl IntoView {
    let store = Store::expect();
    let draft = RwSignal::new(item.clone());
    let prefix = format!("debt-edit-{}", item.id);
    let id = move |field: &str| format!("{prefix}-{field}");
    let link_error = Signal::derive(move || {
        draft.with(|d| {
            validate_web_link(&d.link)
                .err()
                .map(|e| e.message().to_owned())
        })
    });
    let description_error = Signal::derive(move || {
        draft.with(|d| {
            d.description
                .trim()
                .is_empty()
                .then(|| "Describe the debt.".to_owned())
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if link_error.with(Option::is_some) || description_error.with(Option::is_some) {
            return;
        }
        let mut edited = draft.get_untracked();
        edited.description = edited.description.trim().to_owned();
        edited.owner = edited.owner.trim().to_owned();
        save(store, edited);
        editing.set(false);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            editing.set(false);
        }
    };
    // A text field bound to one string of the draft.
    let text = move |get: fn(&DebtItem) -> String, set: fn(&mut DebtItem, String)| {
        (
            Signal::derive(move || draft.with(get)),
            Callback::new(move |value: String| draft.update(|d| set(d, value))),
        )
    };
    let (description, set_description) = text(|d| d.description.clone(), |d, v| d.description = v);
    let (owner, set_owner) = text(|d| d.owner.clone(), |d, v| d.owner = v);
    let (note, set_note) = text(|d| d.note.clone(), |d, v| d.note = v);
    let (link, set_link) = text(|d| d.link.clone(), |d, v| d.link = v);
    let (created, set_created) = text(
        |d| d.created_at.to_string(),
        |d, v| {
            if let Some(date) = parse_date(&v) {
                d.created_at = date;
            }
        },
    );
    let (category, set_category) = text(
        |d| d.category.value().to_owned(),
        |d, v| d.category = DebtCategory::parse(&v).unwrap_or(d.category),
    );
    let (impact, set_impact) = text(
        |d| d.impact.value().to_owned(),
        |d, v| d.impact = Rating::parse(&v).unwrap_or(d.impact),
    );
    let (effort, set_effort) = text(
        |d| d.effort.value().to_owned(),
        |d, v| d.effort = Rating::parse(&v).unwrap_or(d.effort),
    );
    let (status, set_status) = text(
        |d| d.status.value().to_owned(),
        |d, v| d.status = DebtStatus::parse(&v).unwrap_or(d.status),
    );

    view! {
        <tr class="editing">
            <td colspan="9">
                <form class="debt-edit" on:submit=submit on:keydown=on_key
                    aria-label=format!("Edit {}", item.description)>
                    <div class="form-grid">
                        <div class="wide">
                            <TextField id=id("description") label="Description".into() value=description
                                on_input=set_description error=description_error />
                        </div>
                        <SelectField id=id("category") label="Category".into() options=category_choices() selected=category on_change=set_category />
                        <SelectField id=id("impact") label="Impact".into() options=rating_choices() selected=impact on_change=set_impact />
                        <SelectField id=id("effort") label="Effort".into() options=rating_choices() selected=effort on_change=set_effort />
                        <TextField id=id("owner") label="Owner".into() max_length=200 list="debt-owners" value=owner on_input=set_owner />
                        <TextField id=id("created") label="Recorded on".into() kind="date" value=created on_input=set_created />
                        <SelectField id=id("status") label="Status".into() options=status_choices() selected=status on_change=set_status />
                        <div class="wide">
                            <TextAreaField id=id("note") label="Note".into() value=note on_input=set_note />
                        </div>
                        <div class="wide">
                            <TextField id=id("link") label="Link".into() kind="url" placeholder="https://…"
                                value=link on_input=set_link error=link_error />
                        </div>
                    </div>
                    <div class="actions">
                        <button type="submit" class="button primary">"Save"</button>
                        <button type="button" class="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
                </form>
            </td>
        </tr>
    }
}
