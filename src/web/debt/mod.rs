//! The technical-debt register (lesson section 3.1): add items, the lesson's common patterns,
//! the priority list with filters and the impact × effort matrix, inline edits, CSV.

mod add_form;
mod csv_panel;
mod filters;
mod matrix;
mod row;

use crate::core::debt::item::DebtItem;
use crate::core::debt::patterns::common_patterns;
use crate::core::debt::register::{DebtFilter, filter_and_sort};
use crate::core::text::words::plural;
use crate::web::clock::now;
use crate::web::storage::Store;
use add_form::AddForm;
use csv_panel::CsvPanel;
use filters::Filters;
use leptos::prelude::*;
use matrix::Matrix;
use row::DebtRow;

/// Rows rendered at first and added by "Show more": the register stays quick with 10,000
/// items because only these are in the DOM.
const PAGE: usize = 50;

#[component]
pub fn DebtPage() -> impl IntoView {
    let store = Store::expect();
    let filter = RwSignal::new(DebtFilter::default());
    let shown = RwSignal::new(PAGE);
    // Back to one page of rows whenever the filter changes.
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE);
    });
    let listed = Memo::new(move |_| {
        let filter = filter.get();
        store.collection::<DebtItem>().with(|c| {
            let sorted = filter_and_sort(&c.items, &filter);
            let total = sorted.len();
            let rows: Vec<DebtItem> = sorted.into_iter().take(shown.get()).cloned().collect();
            (total, rows)
        })
    });
    let total = move || listed.with(|(total, _)| *total);

    let add_patterns = move |_| {
        let stamp = now();
        store.edit::<DebtItem>(|c| {
            for item in common_patterns(stamp) {
                if !c.contains(&item.id) {
                    c.upsert(item);
                }
            }
        });
    };

    view! {
        <h1>"Technical-debt register"</h1>
        <p class="lead">
            "Record ML technical debt and fix what matters first. Priority follows the lesson's table: "
            "high impact with low effort scores 10 and comes first; low impact with high effort scores 1."
        </p>
        <AddForm />
        <p class="no-print">
            <button type="button" class="button" on:click=add_patterns>"Add the common ML debt patterns"</button>
            <span class="hint">" The lesson's eight examples; adding them again does not duplicate them."</span>
        </p>
        <div class="debt-overview">
            <Matrix filter=filter />
            <Filters filter=filter />
        </div>
        <h2 id="debt-list-heading">"Priority list"</h2>
        <p class="hint" role="status">
            {move || {
                let total = total();
                let shown_now = total.min(shown.get());
                let matching = format!(
                    "{} {}",
                    plural(total, "item", "items"),
                    if total == 1 { "matches" } else { "match" }
                );
                if total == shown_now {
                    format!("{matching}.")
                } else {
                    format!("{matching}; the first {shown_now} are shown.")
                }
            }}
        </p>
        <div class="table-scroll">
            <table class="records debt-table" aria-labelledby="debt-list-heading">
                <thead>
                    <tr>
                        <th scope="col">"Score"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Impact"</th>
                        <th scope="col">"Effort"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Recorded"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || listed.get().1
                        key=|item| (item.id.clone(), item.updated_at)
                        let:item
                    >
                        <DebtRow item=item />
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || { total() > shown.get() }>
            <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                "Show " {PAGE} " more"
            </button>
        </Show>
        <CsvPanel />
    }
}
