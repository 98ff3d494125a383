//! Inline SVG charts: per-level percentages (a trend over a team's snapshots, and
//! assessments side by side) and the overall result against the target. Elements and attributes only (the CSP allows no inline style),
//! integer coordinates (no float formatting in the bundle). Each chart has a text summary as
//! its accessible name, and its page shows the same figures in a table.

use crate::core::maturity::criteria::{Level, THRESHOLD_PERCENT};
use crate::core::maturity::instrument::Instrument;
use crate::core::workshop::history::Standing;
use crate::web::charts::{PercentScale, percent_grid};
use leptos::prelude::*;

const WIDTH: usize = 480;
const HEIGHT: usize = 200;
const TOP: usize = 12;
const BOTTOM: usize = 40;
const LEFT: usize = 36;
const RIGHT: usize = 12;
const SCALE: PercentScale = PercentScale::new(HEIGHT, TOP, BOTTOM);

/// Grid lines at 0, 50 and 100% and the 80% threshold.
fn frame() -> impl IntoView {
    let threshold = SCALE.y(THRESHOLD_PERCENT as usize);
    view! {
        {percent_grid(SCALE, LEFT, WIDTH - RIGHT)}
        <line class="threshold" x1=LEFT x2=WIDTH - RIGHT y1=threshold y2=threshold />
    }
}

/// The key to the lines and bars (the charts' accessible names say the same in words).
fn legend() -> impl IntoView {
    view! {
        <p class="legend" aria-hidden="true">
            <span class="key trend-1">"Level 1"</span> <span class="key trend-2">"Level 2"</span>
            <span class="key trend-3">"Level 3"</span> " L0–L3: overall level"
        </p>
    }
}

/// A summary such as "2026-01-15: level 1 (100%, 50%, 0%)" for each point.
fn describe(points: &[(String, Standing)]) -> String {
    points
        .iter()
        .map(|(label, s)| {
            format!(
                "{label}: level {} ({}%, {}%, {}%)",
                s.overall.number(),
                s.percents[0],
                s.percents[1],
                s.percents[2]
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One line per level over the snapshots, the overall level written above each point.
#[component]
pub fn TrendChart(points: Vec<(String, Standing)>) -> impl IntoView {
    let step = (WIDTH - LEFT - RIGHT - 20) / points.len().saturating_sub(1).max(1);
    let x_of = move |i: usize| LEFT + 10 + step * i;
    let label = format!(
        "Per-level percentages over time, the threshold is {THRESHOLD_PERCENT}%. {}",
        describe(&points)
    );
    let lines = Level::SCORED
        .into_iter()
        .enumerate()
        .map(|(index, level)| {
            let path = points
                .iter()
                .enumerate()
                .map(|(i, (_, s))| {
                    format!(
                        "{},{}",
                        x_of(i),
                        SCALE.y(s.percents.get(index).copied().unwrap_or(0))
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polyline class=format!("trend trend-{}", level.number()) points=path /> }
        })
        .collect_view();
    view! {
        <svg class="trend-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {frame()}
            {lines}
            {points.iter().enumerate().map(|(i, (date, s))| view! {
                <text class="axis" x=x_of(i) y=HEIGHT - 24 text-anchor="middle">{date.clone()}</text>
                <text class="overall-mark" x=x_of(i) y=HEIGHT - 8 text-anchor="middle">"L" {s.overall.number()}</text>
            }).collect_view()}
        </svg>
        {legend()}
    }
}

/// Three bars per assessment (levels 1, 2, 3).
#[component]
pub fn SideBySideChart(points: Vec<(String, Standing)>) -> impl IntoView {
    let slot = (WIDTH - LEFT - RIGHT) / points.len().max(1);
    let bar = (slot * 2 / 9).max(2);
    let label = format!("Per-level percentages side by side. {}", describe(&points));
    view! {
        <svg class="trend-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {frame()}
            {points.iter().enumerate().map(|(i, (name, s))| {
                let x0 = LEFT + slot * i + slot / 6;
                view! {
                    {s.percents.iter().enumerate().map(|(level, &percent)| {
                        let y = SCALE.y(percent);
                        view! { <rect class=format!("bar level-bar-{}", level + 1) x=x0 + bar * level y=y width=bar height=SCALE.y(0) - y /> }
                    }).collect_view()}
                    <text class="axis" x=x0 + bar * 3 / 2 y=HEIGHT - 24 text-anchor="middle">{name.chars().take(14).collect::<String>()}</text>
                    <text class="overall-mark" x=x0 + bar * 3 / 2 y=HEIGHT - 8 text-anchor="middle">"L" {s.overall.number()}</text>
                }
            }).collect_view()}
        </svg>
        {legend()}
    }
}

/// The overall result over a team's snapshots (a level, or an ML Test Score) with the newest
/// snapshot's target drawn as a line.
#[component]
pub fn StepsChart(instrument: Instrument, points: Vec<(String, u8)>, target: u8) -> impl IntoView {
    let max = usize::from(instrument.max_steps()).max(1);
    let y_of = move |steps: u8| SCALE.y(usize::from(steps) * 100 / max);
    let step = (WIDTH - LEFT - RIGHT - 20) / points.len().saturating_sub(1).max(1);
    let x_of = move |i: usize| LEFT + 10 + step * i;
    let summary = points
        .iter()
        .map(|(date, steps)| format!("{date}: {}", instrument.steps_badge(*steps)))
        .collect::<Vec<_>>()
        .join("; ");
    let target_label = format!("Target: {}", instrument.steps_badge(target));
    let label = format!("Overall result over time. {target_label}. {summary}.");
    let path = points
        .iter()
        .enumerate()
        .map(|(i, (_, steps))| format!("{},{}", x_of(i), y_of(*steps)))
        .collect::<Vec<_>>()
        .join(" ");
    let target_y = y_of(target);
    view! {
        <svg class="trend-chart steps-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {[0, max / 2, max].map(|s| view! {
                <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y_of(s as u8) y2=y_of(s as u8) />
                <text class="axis" x=LEFT - 6 y=y_of(s as u8) + 4 text-anchor="end">{instrument.steps_short(s as u8)}</text>
            })}
            <line class="target-line" x1=LEFT x2=WIDTH - RIGHT y1=target_y y2=target_y />
            <text class="threshold-label" x=WIDTH - RIGHT y=target_y - 3 text-anchor="end">{target_label}</text>
            <polyline class="trend trend-overall" points=path />
            {points.iter().enumerate().map(|(i, (date, steps))| view! {
                <circle class="dot" cx=x_of(i) cy=y_of(*steps) r="4" />
                <text class="axis" x=x_of(i) y=HEIGHT - 24 text-anchor="middle">{date.clone()}</text>
            }).collect_view()}
        </svg>
    }
}
