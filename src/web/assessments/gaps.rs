//! Gaps become work: what stands between the assessment and its target, each with its debt
//! item's status when the register has one, and "Add to the debt register" for the others,
//! with the suggested impact and effort editable before adding. Nothing here ticks a
//! criterion: the team decides when it is met.

use crate::core::debt::item::{DebtItem, Rating};
use crate::core::maturity::assessment::Assessment;
use crate::core::workshop::gaps::{Gap, debt_items, gaps, item_for};
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::fields::SelectField;
use crate::web::storage::Store;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The author's choices per gap before adding: whether to add it, its impact and effort.
#[derive(Clone, Copy, PartialEq)]
struct Pick {
    chosen: bool,
    impact: Rating,
    effort: Rating,
}

fn rating_choices() -> Vec<(String, String)> {
    Rating::ALL
        .iter()
        .map(|r| (r.value().to_owned(), r.value().to_owned()))
        .collect()
}

#[component]
pub fn GapsPanel(assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let store = Store::expect();
    let all = Memo::new(move |_| assessment.with(|a| a.as_ref().map(gaps).unwrap_or_default()));
    let picks = RwSignal::new(BTreeMap::<&'static str, Pick>::new());
    let status = RwSignal::new(None::<String>);
    let pick_of = move |gap: &Gap| {
        picks.with(|p| p.get(gap.item_id).copied()).unwrap_or(Pick {
            chosen: true,
            impact: gap.impact,
            effort: gap.effort,
        })
    };
    let add = move |_| {
        let Some(a) = assessment.get_untracked() else {
            return;
        };
        let chosen: Vec<Gap> = all
            .get_untracked()
            .into_iter()
            .filter_map(|gap| {
                let pick = pick_of(&gap);
                pick.chosen.then_some(Gap {
                    impact: pick.impact,
                    effort: pick.effort,
                    ..gap
                })
            })
            .collect();
        let register = store.collection::<DebtItem>().get_untracked().items;
        let time = now();
        let added = debt_items(&a, &chosen, &register, new_id, time.date_naive(), time);
        let count = added.len();
        store.edit::<DebtItem>(|c| {
            for item in added {
                c.upsert(item);
            }
        });
        status.set(Some(match count {
            0 => "Nothing added: the register already has an item for every chosen gap.".to_owned(),
            1 => "Added 1 item to the debt register.".to_owned(),
            n => format!("Added {n} items to the debt register."),
        }));
    };
    view! {
        <section class="panel gaps no-print" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">"Gaps to the target"</h2>
            <p class="hint">
                "Turn what is missing into tracked work. Adding a gap twice adds nothing twice. "
                "Resolving an item does not tick anything here: the team decides when it is met."
            </p>
            {move || {
                let list = all.get();
                if list.is_empty() {
                    return view! { <p>"No gaps: the target is reached."</p> }.into_any();
                }
                let register = store.collection::<DebtItem>().get().items;
                let Some(a) = assessment.get() else { return ().into_any() };
                view! {
                    <ul class="gap-list">
                        {list.into_iter().map(|gap| {
                            let existing = item_for(&register, &a, gap.item_id).cloned();
                            view! { <GapRow gap=gap existing=existing picks=picks pick=pick_of /> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <button type="button" class="button" on:click=add
                disabled=move || all.with(|g| g.is_empty())>"Add to the debt register"</button>
            <p role="status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn GapRow(
    gap: Gap,
    existing: Option<DebtItem>,
    picks: RwSignal<BTreeMap<&'static str, Pick>>,
    pick: impl Fn(&Gap) -> Pick + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let item_id = gap.item_id;
    let label = format!("{}: {}", gap.group, gap.text);
    if let Some(item) = existing {
        return view! {
            <li class="gap">
                {label} " "
                <a class="hint" href=Route::Debt.href()>
                    "In the debt register: " {item.status.label()}
                </a>
            </li>
        }
        .into_any();
    }
    let stored = StoredValue::new(gap);
    let current = move || stored.with_value(|g| pick(g));
    let change = move |f: Box<dyn FnOnce(&mut Pick)>| {
        let mut next = current();
        f(&mut next);
        picks.update(|p| {
            p.insert(item_id, next);
        });
    };
    let check_id = format!("gap-{item_id}");
    view! {
        <li class="gap">
            <input type="checkbox" id=check_id.clone() prop:checked=move || current().chosen
                on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |p| p.chosen = on)); } />
            <label for=check_id.clone()>{label.clone()}</label>
            <span class="gap-ratings">
                <SelectField id=format!("{check_id}-impact") label=format!("Impact of {label}") hidden_label=true
                    options=rating_choices() selected=Signal::derive(move || current().impact.value().to_owned())
                    on_change=Callback::new(move |v: String| if let Some(r) = Rating::parse(&v) { change(Box::new(move |p| p.impact = r)) }) />
                <SelectField id=format!("{check_id}-effort") label=format!("Effort of {label}") hidden_label=true
                    options=rating_choices() selected=Signal::derive(move || current().effort.value().to_owned())
                    on_change=Callback::new(move |v: String| if let Some(r) = Rating::parse(&v) { change(Box::new(move |p| p.effort = r)) }) />
            </span>
        </li>
    }
    .into_any()
}
