//! Every participant's overall result as a dot: the room's spread, not its mean. Anonymous by
//! default; "Show names" lists who is where. Elements and attributes only (the CSP allows no
//! inline style), integer coordinates.

use crate::core::maturity::instrument::Instrument;
use crate::core::workshop::room::Participant;
use leptos::prelude::*;

const WIDTH: usize = 320;
const LEFT: usize = 16;
const RIGHT: usize = 16;
const AXIS: usize = 24;
const GAP: usize = 10;

#[component]
pub fn DotPlot(instrument: Instrument, participants: Vec<Participant>) -> impl IntoView {
    let show_names = RwSignal::new(false);
    let steps = usize::from(instrument.max_steps());
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); steps + 1];
    for p in &participants {
        if let Some(column) = columns.get_mut(usize::from(p.assessment.overall_steps())) {
            column.push(p.label());
        }
    }
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let height = tallest * GAP + AXIS + GAP;
    let x = |step: usize| LEFT + step * (WIDTH - LEFT - RIGHT) / steps.max(1);
    let summary = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(step, c)| format!("{}: {}", instrument.steps_badge(step as u8), c.len()))
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!(
        "Overall results of {} participants, one dot each: {summary}.",
        participants.len()
    );
    let baseline = height - AXIS;
    let named = columns.clone();
    view! {
        <svg class="dot-plot" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
            <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=baseline y2=baseline />
            {columns.iter().enumerate().map(|(step, column)| view! {
                {(0..column.len()).map(|row| view! {
                    <circle class="dot" cx=x(step) cy=baseline - GAP / 2 - row * GAP r="4" />
                }).collect_view()}
                {(instrument == Instrument::Maturity || step % 2 == 0).then(|| view! {
                    <text class="axis" x=x(step) y=height - 8 text-anchor="middle">{instrument.steps_short(step as u8)}</text>
                })}
            }).collect_view()}
        </svg>
        <div class="field inline-check no-print">
            <input type="checkbox" id=format!("dot-names-{}", instrument.value())
                prop:checked=move || show_names.get() on:change=move |ev| show_names.set(event_target_checked(&ev)) />
            <label for=format!("dot-names-{}", instrument.value())>"Show names"</label>
        </div>
        <Show when=move || show_names.get()>
            <ul class="dot-names">
                {named.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(step, c)| view! {
                    <li><strong>{instrument.steps_badge(step as u8)} ": "</strong>{c.join(", ")}</li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
