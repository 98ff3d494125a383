//! Several assessments side by side, one table per instrument (never mixed): per criterion
//! who has it, per level percentages and overall levels with a chart; per test each one's
//! practice and the scores.

use super::charts::SideBySideChart;
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::instrument::practice_of;
use crate::core::maturity::test_score::points;
use crate::core::workshop::compare::{Comparison, compare};
use crate::route::Route;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn ComparePage(ids: Vec<String>) -> impl IntoView {
    let store = Store::expect();
    let comparisons = Memo::new(move |_| {
        store.collection::<Assessment>().with(|c| {
            Instrument::ALL
                .into_iter()
                .map(|i| compare(i, ids.iter().filter_map(|id| c.get(id))))
                .filter(|t| !t.columns.is_empty())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p class="breadcrumb no-print"><a href=Route::Assessments.href()>"All assessments"</a></p>
        <h1>"Assessments side by side"</h1>
        <Show when=move || comparisons.with(|c| !c.is_empty())
            fallback=|| view! { <p>"None of these assessments is in your workspace. Pick some on the assessments page."</p> }>
            {move || comparisons.with(|all| (all.len() > 1).then_some(view! {
                <p class="notice" role="note">
                    "These assessments use two instruments. Each is compared on its own: a maturity level and an ML Test Score do not add up."
                </p>
            }))}
            {move || comparisons.get().into_iter().map(|c| match c.instrument {
                Instrument::Maturity => maturity_table(c).into_any(),
                Instrument::MlTestScore => test_score_table(c).into_any(),
            }).collect_view()}
        </Show>
    }
}

/// The header cells: each assessment linked, with its date.
fn column_headers(c: &Comparison) -> impl IntoView {
    c.columns
        .iter()
        .map(|col| {
            view! {
                <th scope="col"><a href=Route::Assessment(col.id.clone()).href()>{col.name.clone()}</a>
                    <span class="hint">" " {col.date.map(|d| d.to_string())}</span></th>
            }
        })
        .collect_view()
}

fn maturity_table(c: Comparison) -> impl IntoView {
    let points = c
        .columns
        .iter()
        .map(|col| (col.name.clone(), col.standing))
        .collect::<Vec<_>>();
    let level_row =
        |label: &'static str,
         cell: &dyn Fn(&crate::core::workshop::history::Standing) -> String| {
            let cells = c
                .columns
                .iter()
                .map(|col| view! { <td>{cell(&col.standing)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        };
    view! {
        <section aria-labelledby="compare-maturity">
            <h2 id="compare-maturity">"Maturity model"</h2>
            <SideBySideChart points=points />
            <div class="table-scroll">
                <table class="records compare-table">
                    <caption class="visually-hidden">"Criteria and levels per assessment"</caption>
                    <thead><tr><th scope="col">"Criterion"</th>{column_headers(&c)}</tr></thead>
                    <tbody>
                        {level_row("Overall level", &|s| format!("Level {}", s.overall.number()))}
                        {level_row("Level 1", &|s| format!("{}%", s.percents[0]))}
                        {level_row("Level 2", &|s| format!("{}%", s.percents[1]))}
                        {level_row("Level 3", &|s| format!("{}%", s.percents[2]))}
                        {c.rows.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.item.text}</th>
                                {row.implemented.iter().map(|&has| view! {
                                    <td class:met=has>{if has { "Yes" } else { "No" }}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn test_score_table(c: Comparison) -> impl IntoView {
    view! {
        <section aria-labelledby="compare-test-score">
            <h2 id="compare-test-score">"ML Test Score"</h2>
            <div class="table-scroll">
                <table class="records compare-table">
                    <caption class="visually-hidden">"Tests and scores per assessment"</caption>
                    <thead><tr><th scope="col">"Test"</th>{column_headers(&c)}</tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row">"Final score (of 7)"</th>
                            {c.columns.iter().map(|col| view! { <td>{points(col.steps)}</td> }).collect_view()}
                        </tr>
                        {c.rows.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.item.group.clone()} ": " {row.item.text}</th>
                                {row.choices.iter().map(|&choice| view! {
                                    <td class:met=choice == 2>{practice_of(choice).short()}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
