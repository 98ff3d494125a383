//! Editors for the card's lists (add, remove, reorder) and name → number tables.
//!
//! Rows are rendered by index and re-rendered only when the number of rows changes; each
//! input reads its own row through a memo of that row, so typing sets one input's value, not
//! every input of the list (measured on the full card: setting 50 unchanged values of growing
//! text areas cost a style and layout pass over all of them on every keystroke).
//!
//! Inputs read their field through a memo of that field, never the card's memo directly: a
//! full card has about a thousand inputs, and every subscriber of a changed memo re-runs and
//! re-subscribes (removing itself from a subscriber list as long as the memo's), which made a
//! keystroke quadratic in the card's size. A field's memo changes only when that field does.

use super::card_edit;
use super::inputs::FieldProblems;
use crate::core::cards::card::NamedNumber;
use crate::core::cards::fields::{Field, ListKey, TableKey};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to an element once it has been rendered.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// A list of text items.
#[component]
pub fn ListField(key: ListKey) -> impl IntoView {
    let edit = card_edit();
    let field = Field::List(key);
    let base = field.element_id();
    let items = Memo::new(move |_| edit.card.with(|c| c.list(key).clone()));
    let len = Memo::new(move |_| items.with(Vec::len));
    let add = {
        let base = base.clone();
        move |_| {
            edit.edit(|c| c.list_mut(key).push(String::new()));
            focus_later(format!("{base}-{}", len.get_untracked().saturating_sub(1)));
        }
    };
    view! {
        <fieldset id=base.clone() tabindex="-1" class="card-rows">
            <legend>{field.label()}</legend>
            <ol>
                {move || (0..len.get()).map(|index| view! { <ListRow key=key items=items index=index /> }).collect_view()}
            </ol>
            <button type="button" class="button" on:click=add>
                "Add an item" <span class="visually-hidden">" to " {field.label()}</span>
            </button>
        </fieldset>
    }
}

/// One item of a list; `items` is the list's memo.
#[component]
fn ListRow(key: ListKey, items: Memo<Vec<String>>, index: usize) -> impl IntoView {
    let edit = card_edit();
    let field = Field::List(key);
    let label = field.label();
    let id = format!("{}-{index}", field.element_id());
    let number = index + 1;
    let value = Memo::new(move |_| items.with(|list| list.get(index).cloned().unwrap_or_default()));
    let is_last = Memo::new(move |_| items.with(|list| index + 1 >= list.len()));
    let move_to = move |to: usize| {
        let moved = items.with_untracked(|list| to < list.len());
        if moved {
            edit.edit(|c| c.list_mut(key).swap(index, to));
            focus_later(format!("{}-{to}", field.element_id()));
        }
    };
    view! {
        <li class="row">
            <label for=id.clone() class="visually-hidden">{format!("{label}, item {number}")}</label>
            // A text area that grows with its entry (CSS `field-sizing: content`), so a long
            // entry is read and edited whole, not cut off at the input's width.
            <textarea id=id rows=1 maxlength=1_000_000
                prop:value=value
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    edit.edit(|c| if let Some(item) = c.list_mut(key).get_mut(index) { *item = value });
                }></textarea>
            <button type="button" class="button quiet" disabled=index == 0
                aria-label=format!("Move item {number} of {label} up") on:click=move |_| move_to(index.wrapping_sub(1))>"↑"</button>
            <button type="button" class="button quiet"
                disabled=is_last
                aria-label=format!("Move item {number} of {label} down") on:click=move |_| move_to(index + 1)>"↓"</button>
            <button type="button" class="button quiet danger"
                aria-label=format!("Remove item {number} of {label}")
                on:click=move |_| edit.edit(|c| { if index < c.list(key).len() { c.list_mut(key).remove(index); } })>"Remove"</button>
        </li>
    }
}

/// A name → number table (performance metrics, decision thresholds).
#[component]
pub fn TableField(key: TableKey) -> impl IntoView {
    let edit = card_edit();
    let field = Field::Table(key);
    view! {
        <fieldset id=field.element_id() tabindex="-1" class="card-rows"
            aria-describedby=format!("{}-problems", field.element_id())>
            <legend>{field.label()}</legend>
            <NumberRows
                field=field
                rows=Memo::new(move |_| edit.card.with(|c| c.table(key).clone()))
                on_change=Callback::new(move |rows: Vec<NamedNumber>| edit.edit(|c| *c.table_mut(key) = rows))
            />
            <FieldProblems field=field />
        </fieldset>
    }
}

/// Rows of name and number with add and remove; shared by the tables and fairness groups.
/// `field` and `group` make the ids and labels unique; `rows` is the table's memo.
#[component]
pub fn NumberRows(
    field: Field,
    rows: Memo<Vec<NamedNumber>>,
    on_change: Callback<Vec<NamedNumber>>,
    #[prop(optional)] group: Option<usize>,
    #[prop(default = "Name")] name_label: &'static str,
) -> impl IntoView {
    let edit = card_edit();
    let base = match group {
        Some(g) => format!("{}-{g}", field.element_id()),
        None => field.element_id(),
    };
    let len = Memo::new(move |_| rows.with(Vec::len));
    let change = move |index: usize, update: &dyn Fn(&mut NamedNumber)| {
        let mut next = rows.get_untracked();
        if let Some(row) = next.get_mut(index) {
            update(row);
        }
        on_change.run(next);
    };
    // The rows with a problem, so that the cells depend on this table's problems only.
    let invalid_rows = Memo::new(move |_| {
        edit.problems.with(|all| {
            all.iter()
                .filter(|p| p.field == field && group.is_none())
                .filter_map(|p| p.row)
                .collect::<Vec<usize>>()
        })
    });
    let invalid = move |index: usize| invalid_rows.with(|rows| rows.contains(&index));
    let row_view = {
        let base = base.clone();
        move |index: usize| {
            let id = format!("{base}-{index}");
            let number = index + 1;
            let cell = move |of: fn(&NamedNumber) -> &String| {
                Memo::new(move |_| {
                    rows.with(|r| r.get(index).map(|row| of(row).clone()).unwrap_or_default())
                })
            };
            view! {
                <tr>
                    <td>
                        <label for=format!("{id}-name") class="visually-hidden">{format!("{name_label}, row {number}")}</label>
                        <input id=format!("{id}-name") type="text" maxlength=1_000_000
                            prop:value=cell(|r| &r.name) aria-invalid=move || invalid(index).then_some("true")
                            on:input=move |ev| { let v = event_target_value(&ev); change(index, &move |r| r.name = v.clone()) } />
                    </td>
                    <td>
                        <label for=format!("{id}-value") class="visually-hidden">{format!("Value, row {number}")}</label>
                        <input id=format!("{id}-value") type="text" inputmode="decimal" maxlength=1_000_000
                            prop:value=cell(|r| &r.value) aria-invalid=move || invalid(index).then_some("true")
                            on:input=move |ev| { let v = event_target_value(&ev); change(index, &move |r| r.value = v.clone()) } />
                    </td>
                    <td>
                        <button type="button" class="button quiet danger" aria-label=format!("Remove row {number}")
                            on:click=move |_| {
                                let mut next = rows.get_untracked();
                                if index < next.len() { next.remove(index); }
                                on_change.run(next);
                            }>"Remove"</button>
                    </td>
                </tr>
            }
        }
    };
    let add = {
        let base = base.clone();
        move |_| {
            let mut next = rows.get_untracked();
            next.push(NamedNumber::default());
            let index = next.len() - 1;
            on_change.run(next);
            focus_later(format!("{base}-{index}-name"));
        }
    };
    view! {
        <table class="number-rows">
            <thead><tr><th scope="col">{name_label}</th><th scope="col">"Value"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
            <tbody>{move || (0..len.get()).map(row_view.clone()).collect_view()}</tbody>
        </table>
        <button type="button" class="button" on:click=add>"Add a row"</button>
    }
}
