//! A team's assessments over time: the trend, the snapshots, and what changed between two.

use super::charts::TrendChart;
use super::standing_cells;
use crate::core::maturity::assessment::Assessment;
use crate::core::workshop::history::{Diff, diff, team_history};
use crate::route::Route;
use crate::web::fields::SelectField;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn HistoryPage(team: String) -> impl IntoView {
    let store = Store::expect();
    let key = team.clone();
    let snapshots = Memo::new(move |_| {
        store
            .collection::<Assessment>()
            .with(|c| team_history(&c.items, &key))
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // Compare the oldest with the newest until the user picks others.
    Effect::new(move |_| {
        snapshots.with(|s| {
            if let (Some(first), Some(last)) = (s.first(), s.last()) {
                if from.get_untracked().is_empty() {
                    from.set(first.id.clone());
                }
                if to.get_untracked().is_empty() {
                    to.set(last.id.clone());
                }
            }
        })
    });
    let options = Signal::derive(move || {
        snapshots.with(|s| {
            s.iter()
                .map(|x| (x.id.clone(), format!("{} ({})", x.date, x.assessor.trim())))
                .collect::<Vec<_>>()
        })
    });
    let change = Memo::new(move |_| {
        store.collection::<Assessment>().with(|c| {
            let older = c.get(&from.get())?;
            let newer = c.get(&to.get())?;
            Some(diff(older, newer))
        })
    });
    view! {
        <p class="breadcrumb no-print"><a href=Route::Assessments.href()>"All assessments"</a></p>
        <h1>"History: " {team}</h1>
        <Show when=move || snapshots.with(|s| !s.is_empty())
            fallback=|| view! { <p>"No assessment in your workspace has this team's name."</p> }>
            <section class="panel" aria-labelledby="history-trend">
                <h2 id="history-trend">"Trend"</h2>
                {move || {
                    let points = snapshots.with(|s| s.iter().map(|x| (x.date.to_string(), x.standing)).collect::<Vec<_>>());
                    view! { <TrendChart points=points /> }
                }}
                <table class="records">
                    <caption class="visually-hidden">"Snapshots, oldest first"</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Assessor"</th><th scope="col">"Level"</th>
                        <th scope="col">"Level 1"</th><th scope="col">"Level 2"</th><th scope="col">"Level 3"</th></tr></thead>
                    <tbody>
                        {move || snapshots.get().into_iter().map(|s| view! {
                            <tr>
                                <th scope="row"><a href=Route::Assessment(s.id.clone()).href()>{s.date.to_string()}</a>
                                    {s.undated.then_some(" (no date; created then)")}</th>
                                <td>{s.assessor.clone()}</td>
                                {standing_cells(s.standing)}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="panel" aria-labelledby="history-diff">
                <h2 id="history-diff">"What changed"</h2>
                <div class="inline-form">
                    <SelectField id="diff-from".into() label="From".into() options=options selected=from
                        on_change=Callback::new(move |v| from.set(v)) />
                    <SelectField id="diff-to".into() label="To".into() options=options selected=to
                        on_change=Callback::new(move |v| to.set(v)) />
                </div>
                {move || change.get().map(|d| view! { <DiffView diff=d /> })}
            </section>
        </Show>
    }
}

#[component]
fn DiffView(diff: Diff) -> impl IntoView {
    let criteria = |title: &'static str, list: &[&crate::core::maturity::criteria::Criterion]| {
        let items = list
            .iter()
            .map(|c| view! { <li>{c.text}</li> })
            .collect_view();
        (!list.is_empty()).then(|| view! { <h3>{title}</h3><ul>{items}</ul> })
    };
    let unchanged = diff.is_empty();
    view! {
        <p><strong>{diff.level_change()}</strong></p>
        {unchanged.then_some(view! { <p>"No criterion or note changed."</p> })}
        {criteria("Criteria gained", &diff.gained)}
        {criteria("Criteria lost", &diff.lost)}
        {(!diff.notes_changed.is_empty()).then(|| view! {
            <h3>"Notes changed"</h3>
            <ul>
                {diff.notes_changed.iter().map(|n| {
                    let texts = n.evidence.iter().map(|c| ("Evidence", c)).chain(n.link.iter().map(|c| ("Link", c)))
                        .map(|(what, c)| view! { <p class="evidence-text">{what} ": “" {c.old.clone()} "” → “" {c.new.clone()} "”"</p> })
                        .collect_view();
                    view! { <li>{n.criterion.text}{texts}</li> }
                }).collect_view()}
            </ul>
        })}
    }
}
