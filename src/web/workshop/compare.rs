//! Several assessments side by side: per criterion who has it, per level percentages, overall
//! levels, in one table and one chart.

use super::charts::SideBySideChart;
use crate::core::maturity::assessment::Assessment;
use crate::core::workshop::compare::compare;
use crate::route::Route;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn ComparePage(ids: Vec<String>) -> impl IntoView {
    let store = Store::expect();
    let comparison = Memo::new(move |_| {
        store
            .collection::<Assessment>()
            .with(|c| compare(ids.iter().filter_map(|id| c.get(id))))
    });
    view! {
        <p class="breadcrumb no-print"><a href=Route::Assessments.href()>"All assessments"</a></p>
        <h1>"Assessments side by side"</h1>
        <Show when=move || comparison.with(|c| !c.columns.is_empty())
            fallback=|| view! { <p>"None of these assessments is in your workspace. Pick some on the assessments page."</p> }>
            {move || {
                let c = comparison.get();
                let points = c.columns.iter().map(|col| (col.name.clone(), col.standing)).collect::<Vec<_>>();
                let header = c.columns.iter().map(|col| view! {
                    <th scope="col"><a href=Route::Assessment(col.id.clone()).href()>{col.name.clone()}</a>
                        <span class="hint">" " {col.date.map(|d| d.to_string())}</span></th>
                }).collect_view();
                let level_row = |label: &'static str, cell: &dyn Fn(&crate::core::workshop::history::Standing) -> String| {
                    let cells = c.columns.iter().map(|col| view! { <td>{cell(&col.standing)}</td> }).collect_view();
                    view! { <tr><th scope="row">{label}</th>{cells}</tr> }
                };
                view! {
                    <SideBySideChart points=points />
                    <div class="table-scroll">
                        <table class="records compare-table">
                            <caption class="visually-hidden">"Criteria and levels per assessment"</caption>
                            <thead><tr><th scope="col">"Criterion"</th>{header}</tr></thead>
                            <tbody>
                                {level_row("Overall level", &|s| format!("Level {}", s.overall.number()))}
                                {level_row("Level 1", &|s| format!("{}%", s.percents[0]))}
                                {level_row("Level 2", &|s| format!("{}%", s.percents[1]))}
                                {level_row("Level 3", &|s| format!("{}%", s.percents[2]))}
                                {c.rows.iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{row.criterion.text}</th>
                                        {row.implemented.iter().map(|&has| view! {
                                            <td class:met=has>{if has { "Yes" } else { "No" }}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
        </Show>
    }
}
