//! Where the room disagrees: how the room splits on each criterion or test, the contested
//! ones flagged by the rule stated on the page, most contested first or in the instrument's
//! order; the facilitator records the agreed answers and saves the room's assessment, with
//! the spread attached as evidence.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::instrument::Instrument;
use crate::core::text::dates::parse_date;
use crate::core::workshop::disagreement::{
    Agreement, Split, consensus, most_contested_first, rule_text, splits,
};
use crate::core::workshop::room::Room;
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::fields::{SelectField, TextField};
use crate::web::storage::Store;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The choices of an agreed answer: "Not discussed yet" (value "") and the instrument's.
fn agreed_choices(instrument: Instrument) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), "Not discussed yet".to_owned())];
    choices.extend(
        instrument
            .choices()
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), format!("Discussed: {}", c.to_lowercase()))),
    );
    choices
}

#[component]
pub fn Disagreement(instrument: Instrument, room: Memo<Room>) -> impl IntoView {
    let store = Store::expect();
    let contested_first = RwSignal::new(true);
    let answers = RwSignal::new(BTreeMap::<String, usize>::new());
    let team = RwSignal::new(String::new());
    let facilitator = RwSignal::new(String::new());
    let met_on = RwSignal::new(now().date_naive());
    let saved = RwSignal::new(None::<(String, String)>);
    let splits = Memo::new(move |_| {
        room.with(|r| {
            let participants: Vec<&Assessment> =
                r.of(instrument).iter().map(|p| &p.assessment).collect();
            splits(instrument, &participants)
        })
    });
    let (one, many) = instrument.item_word();
    let summary = move || {
        splits.with(|all| {
            let contested = all.iter().filter(|s| s.is_contested()).count();
            format!("{contested} of {} {many} are contested.", all.len())
        })
    };
    let rows = move || {
        splits.with(|all| {
            let order: Vec<usize> = if contested_first.get() {
                most_contested_first(all)
            } else {
                (0..all.len()).collect()
            };
            order
                .into_iter()
                .filter_map(|i| all.get(i).cloned())
                .map(|split| view! { <SplitRow instrument=instrument split=split answers=answers /> })
                .collect_view()
        })
    };
    let save = move |_| {
        let agreement = Agreement {
            team: team.get_untracked(),
            facilitator: facilitator.get_untracked(),
            met_on: met_on.get_untracked(),
            answers: answers.get_untracked(),
        };
        let assessment =
            splits.with_untracked(|s| consensus(instrument, s, &agreement, new_id(), now()));
        let href = Route::Assessment(assessment.id.clone()).href();
        let name = assessment.name.clone();
        store.edit::<Assessment>(|c| c.upsert(assessment));
        saved.set(Some((name, href)));
    };
    let order_name = format!("split-order-{}", instrument.value());
    view! {
        <section class="panel" aria-labelledby=format!("room-splits-{}", instrument.value())>
            <h2 id=format!("room-splits-{}", instrument.value())>"Where the room disagrees"</h2>
            <p class="hint">{rule_text()} " " {summary}</p>
            <fieldset class="order-choice no-print">
                <legend>"Order"</legend>
                <input type="radio" id=format!("{order_name}-contested") name=order_name.clone()
                    prop:checked=move || contested_first.get() on:change=move |_| contested_first.set(true) />
                <label for=format!("{order_name}-contested")>"Most contested first"</label>
                <input type="radio" id=format!("{order_name}-own") name=order_name.clone()
                    prop:checked=move || !contested_first.get() on:change=move |_| contested_first.set(false) />
                <label for=format!("{order_name}-own")>{format!("The {} order", instrument.label())}</label>
            </fieldset>
            <div class="table-scroll">
            <table class="records splits">
                <caption class="visually-hidden">{format!("How the room answered each {one}")}</caption>
                <thead><tr>
                    <th scope="col">{if instrument == Instrument::Maturity { "Criterion" } else { "Test" }}</th>
                    <th scope="col">"Where"</th>
                    <th scope="col">"How the room splits"</th>
                    <th scope="col">"Contested"</th>
                    <th scope="col" class="no-print">"Agreed answer"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <h3>"The room's agreed assessment"</h3>
            <p class="hint">
                "Record the answer the room agreed on for each " {one} " you discussed, then save one assessment "
                "for the team. The room's split and the day it met go with it as evidence; "
                {many} " not discussed are saved as not there yet."
            </p>
            <div class="inline-form no-print">
                <TextField id=format!("agreed-team-{}", instrument.value()) label="Team the room assessed".into() max_length=200
                    value=team on_input=Callback::new(move |v| team.set(v)) />
                <TextField id=format!("agreed-facilitator-{}", instrument.value()) label="Facilitator".into() max_length=200
                    value=facilitator on_input=Callback::new(move |v| facilitator.set(v)) />
                <TextField id=format!("agreed-date-{}", instrument.value()) label="The room met on".into() kind="date"
                    value=Signal::derive(move || met_on.get().to_string())
                    on_input=Callback::new(move |v: String| if let Some(d) = parse_date(&v) { met_on.set(d) }) />
                <button type="button" class="button primary" on:click=save>"Save the agreed assessment"</button>
            </div>
            <p role="status">
                {move || saved.get().map(|(name, href)| view! {
                    "Saved “" {name.clone()} "” to your workspace. " <a href=href>"Open " {name}</a>
                })}
            </p>
        </section>
    }
}

#[component]
fn SplitRow(
    instrument: Instrument,
    split: Split,
    answers: RwSignal<BTreeMap<String, usize>>,
) -> impl IntoView {
    let item_id = split.item.id;
    let selected = Signal::derive(move || {
        answers.with(|a| a.get(item_id).map(|i| i.to_string()).unwrap_or_default())
    });
    view! {
        <tr class:contested=split.is_contested()>
            <th scope="row">{split.item.text}</th>
            <td>{split.item.group.clone()}</td>
            <td>{split.describe(instrument)}</td>
            <td>{if split.is_contested() { "Contested" } else { "" }}</td>
            <td class="no-print">
                <SelectField id=format!("agreed-{item_id}") label=format!("Agreed answer for {}", split.item.text) hidden_label=true
                    options=agreed_choices(instrument) selected=selected
                    on_change=Callback::new(move |v: String| answers.update(|a| match v.parse::<usize>() {
                        Ok(i) => { a.insert(item_id.to_owned(), i); }
                        Err(_) => { a.remove(item_id); }
                    })) />
            </td>
        </tr>
    }
}
