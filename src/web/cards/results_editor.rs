//! The evaluation results editor: one group per dataset, each a table of its metrics.
//!
//! Real cards carry up to ~1,000 results (136 datasets × 2 metrics on one translation card),
//! so a group's inputs are made only while its `<details>` is open: a closed group is one
//! summary line. Editing a group's dataset changes it for every metric of the group.

use super::card_edit;
use super::list_fields::focus_later;
use crate::core::cards::fields::Field;
use crate::core::cards::results::{DatasetRef, EvalResult, MetricValue, group_by_dataset};
use crate::web::fields::TextField;
use leptos::prelude::*;

/// Groups open on first show when the card has this many results or fewer.
const OPEN_UP_TO: usize = 20;

#[component]
pub fn EvalResults() -> impl IntoView {
    let edit = card_edit();
    let field = Field::EvalResults;
    let base = field.element_id();
    // Only the partition into groups: typing a dataset's name changes no group, so the
    // groups are not made again (and the input keeps its focus).
    let groups = Memo::new(move |_| {
        edit.card.with(|c| {
            group_by_dataset(&c.eval_results)
                .into_iter()
                .map(|(_, members)| members)
                .collect::<Vec<_>>()
        })
    });
    let count = Memo::new(move |_| edit.card.with(|c| c.eval_results.len()));
    let add_dataset = {
        let base = base.clone();
        move |_| {
            let at = groups.with_untracked(Vec::len);
            edit.edit(|c| {
                c.eval_results.push(EvalResult {
                    dataset: DatasetRef {
                        name: format!("New dataset {}", at + 1),
                        ..DatasetRef::default()
                    },
                    ..EvalResult::default()
                })
            });
            focus_later(format!("{base}-{at}-name"));
        }
    };
    let fieldset_id = base.clone();
    view! {
        <fieldset id=fieldset_id tabindex="-1" class="card-rows">
            <legend>{field.label()}</legend>
            <p class="hint">
                "Results as the Hugging Face Hub's model-index holds them: per dataset, each metric's task, type, name and value (a number, or a text such as “-8.17 +/- 59.21”). "
                {move || crate::core::text::words::plural(count.get(), "result", "results")}
                " in "
                {move || crate::core::text::words::plural(groups.with(Vec::len), "dataset", "datasets")}
                "."
            </p>
            <ol>
                {move || {
                    let open = count.get_untracked() <= OPEN_UP_TO;
                    groups.get().into_iter().enumerate().map(|(g, members)| {
                        view! { <DatasetGroup base=base.clone() group=g members=members open=open /> }
                    }).collect_view()
                }}
            </ol>
            <button type="button" class="button" on:click=add_dataset>"Add results for a dataset"</button>
        </fieldset>
    }
}

/// One dataset: its description and the table of its metrics, made when opened.
#[component]
fn DatasetGroup(base: String, group: usize, members: Vec<usize>, open: bool) -> impl IntoView {
    let edit = card_edit();
    let is_open = RwSignal::new(open);
    let first = members.first().copied().unwrap_or_default();
    let members = StoredValue::new(members);
    let id = format!("{base}-{group}");
    let dataset = Memo::new(move |_| {
        edit.card
            .with(|c| c.eval_results.get(first).map(|r| r.dataset.clone()))
            .unwrap_or_default()
    });
    let summary = move || {
        format!(
            "{}: {}",
            dataset.with(DatasetRef::label),
            crate::core::text::words::plural(members.with_value(Vec::len), "metric", "metrics")
        )
    };
    let change_dataset = move |change: fn(&mut DatasetRef, String), value: String| {
        edit.edit(|c| {
            for i in members.get_value() {
                if let Some(r) = c.eval_results.get_mut(i) {
                    change(&mut r.dataset, value.clone());
                }
            }
        })
    };
    let dataset_field = {
        let id = id.clone();
        move |key: &'static str,
              label: &'static str,
              read: fn(&DatasetRef) -> &String,
              write: fn(&mut DatasetRef, String)| {
            view! {
                <TextField id=format!("{id}-{key}") label=format!("Dataset {label}")
                    value=Signal::derive(move || dataset.with(|d| read(d).clone())) max_length=100_000
                    on_input=Callback::new(move |v: String| change_dataset(write, v)) />
            }
        }
    };
    let add_metric = {
        let id = id.clone();
        move |_| {
            let last = members.with_value(|m| m.last().copied());
            let at = members.with_value(Vec::len);
            let dataset = dataset.get_untracked();
            edit.edit(|c| {
                let template = last.and_then(|i| c.eval_results.get(i)).cloned();
                let new = EvalResult {
                    task_type: template
                        .as_ref()
                        .map(|t| t.task_type.clone())
                        .unwrap_or_default(),
                    task_name: template
                        .as_ref()
                        .map(|t| t.task_name.clone())
                        .unwrap_or_default(),
                    dataset,
                    ..EvalResult::default()
                };
                let position = last.map_or(c.eval_results.len(), |i| i + 1);
                c.eval_results
                    .insert(position.min(c.eval_results.len()), new);
            });
            focus_later(format!("{id}-{at}-type"));
        }
    };
    view! {
        <li class="nested">
            <details prop:open=open on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev.target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                is_open.set(open);
            }>
                <summary id=format!("{id}-summary")>{summary}</summary>
                <Show when=move || is_open.get()>
                    {dataset_field("name", "name", |d| &d.name, |d, v| d.name = v)}
                    {dataset_field("kind", "type", |d| &d.kind, |d, v| d.kind = v)}
                    {dataset_field("config", "config", |d| &d.config, |d, v| d.config = v)}
                    {dataset_field("split", "split", |d| &d.split, |d, v| d.split = v)}
                    {dataset_field("revision", "revision", |d| &d.revision, |d, v| d.revision = v)}
                    <MetricTable id=id.clone() members=members.get_value() />
                    <button type="button" class="button" on:click=add_metric.clone()>"Add a metric"</button>
                </Show>
            </details>
        </li>
    }
}

/// The metrics of one dataset: task type, metric type, name and value, and a remove button.
#[component]
fn MetricTable(id: String, members: Vec<usize>) -> impl IntoView {
    let edit = card_edit();
    let row = move |(n, index): (usize, usize)| {
        let read = move |of: fn(&EvalResult) -> String| {
            Signal::<String>::from(Memo::new(move |_| {
                edit.card
                    .with(|c| c.eval_results.get(index).map(of).unwrap_or_default())
            }))
        };
        let write = move |change: fn(&mut EvalResult, String)| {
            Callback::new(move |v: String| {
                edit.edit(|c| {
                    if let Some(r) = c.eval_results.get_mut(index) {
                        change(r, v);
                    }
                })
            })
        };
        let number = n + 1;
        let cell = |key: &str, label: &str, value, on_input| {
            view! {
                <td><TextField id=format!("{id}-{n}-{key}") label=label.to_owned()
                    hidden_label=true hidden_detail=format!(" of metric {number}")
                    value=value on_input=on_input max_length=100_000 /></td>
            }
        };
        view! {
            <tr>
                {cell("task", "Task type", read(|r| r.task_type.clone()), write(|r, v| r.task_type = v))}
                {cell("type", "Metric type", read(|r| r.metric_type.clone()), write(|r, v| r.metric_type = v))}
                {cell("name", "Metric name", read(|r| r.metric_name.clone()), write(|r, v| r.metric_name = v))}
                {cell("value", "Value", read(|r| r.value.as_text().to_owned()), write(|r, v| r.value = MetricValue::typed(&v)))}
                <td>
                    <button type="button" class="button quiet danger" aria-label=format!("Remove metric {number}")
                        on:click=move |_| edit.edit(|c| { if index < c.eval_results.len() { c.eval_results.remove(index); } })>
                        "Remove"
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <table class="records results-table">
            <thead><tr>
                <th scope="col">"Task type"</th><th scope="col">"Metric type"</th>
                <th scope="col">"Metric name"</th><th scope="col">"Value"</th>
                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
            </tr></thead>
            <tbody>{members.into_iter().enumerate().map(row).collect_view()}</tbody>
        </table>
    }
}
