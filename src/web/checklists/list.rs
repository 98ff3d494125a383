//! The list of checklists: start one of either kind, open, delete with undo.

use super::kind_label;
use crate::core::checklists::checklist::{Checklist, ChecklistKind, groups};
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::fields::TextField;
use crate::web::nav::go_to;
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;

#[component]
pub fn ChecklistList() -> impl IntoView {
    let store = Store::expect();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let start = move |kind: ChecklistKind| {
        let text = name.get_untracked().trim().to_owned();
        if text.is_empty() {
            error.set(Some("Name the project or team first.".to_owned()));
            return;
        }
        let list = Checklist::new(new_id(), kind, text, now());
        let route = Route::Checklist(list.id.clone());
        store.edit::<Checklist>(|c| c.upsert(list));
        name.set(String::new());
        error.set(None);
        go_to(&route);
    };
    view! {
        <h1>"Checklists"</h1>
        <p class="lead">
            "Follow a project through the lesson's eight ML workflow stages (artifacts, approvals and "
            "exit criteria per stage), or check a team against the lesson's development best practices."
        </p>
        <form class="panel inline-form" on:submit=move |ev| { ev.prevent_default(); start(ChecklistKind::Workflow); }>
            <TextField id="new-checklist-name".into() label="Project or team".into() max_length=200
                value=name on_input=Callback::new(move |v| name.set(v)) error=error />
            <button type="submit" class="button primary">"New workflow checklist"</button>
            <button type="button" class="button" on:click=move |_| start(ChecklistKind::BestPractices)>
                "New best-practices checklist"
            </button>
        </form>
        <Show when={move || store.collection::<Checklist>().with(|c| !c.items.is_empty())}
            fallback=|| view! { <p class="empty panel">"No checklists yet."</p> }>
            <div class="table-scroll">
                <table class="records">
                    <caption class="visually-hidden">"Checklists"</caption>
                    <thead><tr><th scope="col">"Project or team"</th><th scope="col">"Checklist"</th>
                        <th scope="col">"Progress"</th><th scope="col">"Last edited"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        <For each={move || store.collection::<Checklist>().get().items} key=|c| (c.id.clone(), c.updated_at) let:list>
                            <ChecklistRow list=list />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn ChecklistRow(list: Checklist) -> impl IntoView {
    let store = Store::expect();
    let undo = Undo::expect();
    let overall = list.overall();
    let stage = match (list.kind, list.current_stage()) {
        (ChecklistKind::Workflow, Some(index)) => groups(list.kind)
            .get(index)
            .map(|g| format!("; now at stage {}: {}", index + 1, g.title))
            .unwrap_or_default(),
        (ChecklistKind::Workflow, None) => "; all stages done".to_owned(),
        _ => String::new(),
    };
    let id = StoredValue::new(list.id.clone());
    let name = list.name.clone();
    let delete = move |_| {
        undo.delete::<Checklist>(
            store,
            &id.get_value(),
            |removed| format!("Deleted “{}”.", removed.name),
            |_| {},
        );
    };
    view! {
        <tr>
            <th scope="row"><a href=Route::Checklist(list.id.clone()).href()>{list.name.clone()}</a></th>
            <td>{kind_label(list.kind)}</td>
            <td>{format!("{}%{stage}", overall.percent())}</td>
            <td>{list.updated_at.date_naive().to_string()}</td>
            <td class="row-actions">
                <button type="button" class="button quiet danger" on:click=delete aria-label=format!("Delete {name}")>"Delete"</button>
            </td>
        </tr>
    }
}
