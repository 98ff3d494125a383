//! The list of cards: new, from the lesson's example, import; open, duplicate as the next
//! version, delete with undo.

use super::import_card::ImportCard;
use crate::core::cards::card::{CardRecord, ModelCard, UNTITLED_CARD};
use crate::core::cards::checks::completeness;
use crate::core::cards::json::lesson_example;
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::nav::go_to;
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;

/// Adds a card to the workspace and opens it; returns its id.
pub fn add_and_open(store: Store, card: ModelCard) -> String {
    let record = CardRecord::new(new_id(), card, now());
    let id = record.id.clone();
    store.edit::<CardRecord>(|c| c.upsert(record));
    go_to(&Route::Card(id.clone()));
    id
}

#[component]
pub fn CardsPage() -> impl IntoView {
    let store = Store::expect();
    view! {
        <h1>"Model cards"</h1>
        <p class="lead">
            "Document each model version: what it is for, how it performs and for whom, its data, "
            "limits and compliance. The preview beside the form is the HTML file you can share."
        </p>
        <div class="panel no-print card-actions">
            <button type="button" class="button primary" on:click=move |_| { add_and_open(store, ModelCard::default()); }>
                "New model card"
            </button>
            <button type="button" class="button" on:click=move |_| { add_and_open(store, lesson_example()); }>
                "New card from the lesson's example"
            </button>
            <ImportCard />
            <a class="button" href=move || {
                let ids: Vec<String> = store.collection::<CardRecord>().with(|c| c.items.iter().map(|r| r.id.clone()).collect());
                Route::CardChanges(ids.first().cloned().unwrap_or_default(), ids.get(1).cloned().unwrap_or_default()).href()
            }>"Compare two cards"</a>
        </div>
        <Show
            when={move || store.collection::<CardRecord>().with(|c| !c.items.is_empty())}
            fallback=|| view! { <p class="empty panel">"No model cards yet. Start one above, or import a JSON file or a Hugging Face README."</p> }
        >
            <div class="table-scroll">
                <table class="records">
                    <caption class="visually-hidden">"Model cards"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Model"</th>
                            <th scope="col">"Version"</th>
                            <th scope="col">"Complete"</th>
                            <th scope="col">"Last edited"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each={move || store.collection::<CardRecord>().get().items} key=|r| (r.id.clone(), r.updated_at) let:record>
                            <CardRow record=record />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn CardRow(record: CardRecord) -> impl IntoView {
    let store = Store::expect();
    let undo = Undo::expect();
    let title = record.title();
    let done = completeness(&record.card);
    let id = StoredValue::new(record.id.clone());
    let next_version = move |_| {
        let card = store
            .collection::<CardRecord>()
            .with_untracked(|c| c.get(&id.get_value()).map(|r| r.card.next_version()));
        if let Some(card) = card {
            add_and_open(store, card);
        }
    };
    let delete = move |_| {
        undo.delete::<CardRecord>(
            store,
            &id.get_value(),
            |removed| format!("Deleted “{}”.", removed.title()),
            |_| {},
        );
    };
    let name = if record.card.model_name.trim().is_empty() {
        UNTITLED_CARD.to_owned()
    } else {
        record.card.model_name.clone()
    };
    view! {
        <tr>
            <th scope="row"><a href=Route::Card(record.id.clone()).href()>{name}</a></th>
            <td>{record.card.model_version.clone()}</td>
            <td>{format!("{}%", done.percent())}</td>
            <td>{record.updated_at.date_naive().to_string()}</td>
            <td class="row-actions">
                <button type="button" class="button quiet" on:click=next_version aria-label=format!("New version of {title}")>
                    "New version"
                </button>
                <button type="button" class="button quiet danger" on:click=delete aria-label=format!("Delete {title}")>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}
