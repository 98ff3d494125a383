//! The impact × effort matrix: each cell shows its count and the lesson's score; clicking a
//! cell filters the list to it, clicking it again clears that filter.

use crate::core::debt::item::DebtItem;
use crate::core::debt::register::{DebtFilter, matrix};
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn Matrix(filter: RwSignal<DebtFilter>) -> impl IntoView {
    let store = Store::expect();
    let grid = Memo::new(move |_| {
        let filter = filter.get();
        store
            .collection::<DebtItem>()
            .with(|c| matrix(&c.items, &filter))
    });
    view! {
        <section class="panel debt-matrix" aria-labelledby="debt-matrix-heading">
            <h2 id="debt-matrix-heading">"Impact × effort"</h2>
            <p class="hint">"Each cell: items and the lesson's score. Choose a cell to list only its items."</p>
            <table class="matrix">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">"Low effort"</th>
                        <th scope="col">"Medium effort"</th>
                        <th scope="col">"High effort"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || grid.get().into_iter().map(|row| {
                        let impact = row.first().map(|c| c.impact.value()).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{format!("{} impact", capitalized(impact))}</th>
                                {row.into_iter().map(|cell| {
                                    let key = (cell.impact, cell.effort);
                                    let pressed = move || filter.with(|f| f.cell == Some(key));
                                    view! {
                                        <td>
                                            <button type="button" class=format!("matrix-cell score-{}", cell.score)
                                                aria-pressed=move || if pressed() { "true" } else { "false" }
                                                on:click=move |_| filter.update(|f| {
                                                    f.cell = if f.cell == Some(key) { None } else { Some(key) };
                                                })>
                                                <span class="cell-count">{cell.count}</span>
                                                <span class="cell-score">
                                                    {if cell.count == 1 { " item, " } else { " items, " }}
                                                    "score " {cell.score}
                                                </span>
                                                <span class="visually-hidden">
                                                    {format!("(impact {}, effort {})", cell.impact.value(), cell.effort.value())}
                                                </span>
                                            </button>
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
