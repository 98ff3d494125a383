//! A team's assessments over time: the trend, the snapshots, and what changed between two.

use super::charts::{StepsChart, TrendChart};
use super::standing_cells;
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::test_score::points;
use crate::core::workshop::history::{Diff, diff, team_history, team_instruments};
use crate::route::Route;
use crate::web::fields::SelectField;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn HistoryPage(team: String) -> impl IntoView {
    let store = Store::expect();
    let key = StoredValue::new(team.clone());
    let instruments = Memo::new(move |_| {
        store
            .collection::<Assessment>()
            .with(|c| key.with_value(|k| team_instruments(&c.items, k)))
    });
    // The instrument picked; the team's first one until then. Histories never mix them.
    let chosen = RwSignal::new(None::<Instrument>);
    let shown = Memo::new(move |_| {
        instruments.with(|all| match chosen.get() {
            Some(i) if all.contains(&i) => i,
            _ => all.first().copied().unwrap_or_default(),
        })
    });
    let snapshots = Memo::new(move |_| {
        store
            .collection::<Assessment>()
            .with(|c| key.with_value(|k| team_history(&c.items, k, shown.get())))
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // Compare the oldest with the newest until the user picks others (again after the
    // instrument changes, when the picked ones are not in the history shown).
    Effect::new(move |_| {
        snapshots.with(|s| {
            let missing = |id: String| !s.iter().any(|x| x.id == id);
            if let (Some(first), Some(last)) = (s.first(), s.last()) {
                if missing(from.get_untracked()) {
                    from.set(first.id.clone());
                }
                if missing(to.get_untracked()) {
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
            <Show when=move || instruments.with(|i| i.len() > 1)>
                <fieldset class="panel instrument-choice no-print">
                    <legend>"This team was assessed with two instruments"</legend>
                    <p class="hint">"Each has its own history; they are never mixed."</p>
                    {Instrument::ALL.into_iter().map(|instrument| view! {
                        <span class="practice-choice">
                            <input type="radio" id=format!("history-instrument-{}", instrument.value()) name="history-instrument"
                                prop:checked=move || shown.get() == instrument
                                on:change=move |_| chosen.set(Some(instrument)) />
                            <label for=format!("history-instrument-{}", instrument.value())>{instrument.label()}</label>
                        </span>
                    }).collect_view()}
                </fieldset>
            </Show>
            <section class="panel" aria-labelledby="history-trend">
                <h2 id="history-trend">"Trend: " {move || shown.get().label()}</h2>
                {move || {
                    let instrument = shown.get();
                    snapshots.with(|s| {
                        let target = s.last().map_or(0, |x| x.target);
                        let steps = s.iter().map(|x| (x.date.to_string(), x.steps)).collect::<Vec<_>>();
                        let levels = (instrument == Instrument::Maturity).then(|| {
                            let points = s.iter().map(|x| (x.date.to_string(), x.standing)).collect::<Vec<_>>();
                            view! { <TrendChart points=points /> }
                        });
                        view! { {levels} <StepsChart instrument=instrument points=steps target=target /> }
                    })
                }}
                {move || match shown.get() {
                    Instrument::Maturity => view! {
                        <table class="records">
                            <caption class="visually-hidden">"Snapshots, oldest first"</caption>
                            <thead><tr><th scope="col">"Date"</th><th scope="col">"Assessor"</th><th scope="col">"Level"</th>
                                <th scope="col">"Level 1"</th><th scope="col">"Level 2"</th><th scope="col">"Level 3"</th><th scope="col">"Target"</th></tr></thead>
                            <tbody>
                                {snapshots.get().into_iter().map(|s| view! {
                                    <tr>
                                        <th scope="row"><a href=Route::Assessment(s.id.clone()).href()>{s.date.to_string()}</a>
                                            {s.undated.then_some(" (no date; created then)")}</th>
                                        <td>{s.assessor.clone()}</td>
                                        {standing_cells(s.standing)}
                                        <td>{Instrument::Maturity.steps_badge(s.target)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Instrument::MlTestScore => view! {
                        <table class="records">
                            <caption class="visually-hidden">"Snapshots, oldest first"</caption>
                            <thead><tr><th scope="col">"Date"</th><th scope="col">"Assessor"</th><th scope="col">"Score"</th><th scope="col">"Target"</th></tr></thead>
                            <tbody>
                                {snapshots.get().into_iter().map(|s| view! {
                                    <tr>
                                        <th scope="row"><a href=Route::Assessment(s.id.clone()).href()>{s.date.to_string()}</a>
                                            {s.undated.then_some(" (no date; created then)")}</th>
                                        <td>{s.assessor.clone()}</td>
                                        <td>{points(s.steps)}</td>
                                        <td>{points(s.target)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }}
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
        {unchanged.then_some(view! { <p>"No answer or note changed."</p> })}
        {criteria("Criteria gained", &diff.gained)}
        {criteria("Criteria lost", &diff.lost)}
        {(!diff.practice_changes.is_empty()).then(|| view! {
            <h3>"Tests changed"</h3>
            <ul>
                {diff.practice_changes.iter().map(|c| view! {
                    <li>{c.item.group.clone()} ": " {c.item.text} " (" {c.before.short()} " → " {c.after.short()} ")"</li>
                }).collect_view()}
            </ul>
        })}
        {(!diff.notes_changed.is_empty()).then(|| view! {
            <h3>"Notes changed"</h3>
            <ul>
                {diff.notes_changed.iter().map(|n| {
                    let texts = n.evidence.iter().map(|c| ("Evidence", c)).chain(n.link.iter().map(|c| ("Link", c)))
                        .map(|(what, c)| view! { <p class="evidence-text">{what} ": “" {c.old.clone()} "” → “" {c.new.clone()} "”"</p> })
                        .collect_view();
                    view! { <li>{n.item.text}{texts}</li> }
                }).collect_view()}
            </ul>
        })}
    }
}
