//! An inline SVG bar chart of the per-level percentages with the 80% threshold line.
//! Built from elements and attributes only (no inline styles, so the page's CSP holds), with
//! integer coordinates (no float formatting in the bundle).

use crate::core::maturity::criteria::{LevelScore, THRESHOLD_PERCENT};
use leptos::prelude::*;

const WIDTH: usize = 300;
const HEIGHT: usize = 160;
const TOP: usize = 12;
const BOTTOM: usize = 28;
const LEFT: usize = 36;
const PLOT: usize = HEIGHT - TOP - BOTTOM;

/// The y coordinate of a percentage (0 at the bottom of the plot, 100 at its top).
fn y_of(percent: usize) -> usize {
    TOP + PLOT - PLOT * percent.min(100) / 100
}

#[component]
pub fn LevelChart(scores: Vec<LevelScore>) -> impl IntoView {
    let summary = scores
        .iter()
        .map(|s| format!("Level {} {}%", s.level.number(), s.percent_rounded()))
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!(
        "Percentage of criteria implemented per level: {summary}. The threshold is {THRESHOLD_PERCENT}%."
    );
    let slot = (WIDTH - LEFT) / scores.len().max(1);
    let bar = slot * 3 / 5;
    let threshold_y = y_of(THRESHOLD_PERCENT as usize);
    view! {
        <svg class="level-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {[0, 50, 100].into_iter().map(|p| view! {
                <line class="grid" x1=LEFT x2=WIDTH y1=y_of(p) y2=y_of(p) />
                <text class="axis" x=LEFT - 6 y=y_of(p) + 4 text-anchor="end">{p} "%"</text>
            }).collect_view()}
            {scores.iter().enumerate().map(|(index, s)| {
                let x = LEFT + slot * index + slot / 5;
                let percent = s.percent_rounded();
                let y = y_of(percent);
                view! {
                    <rect
                        class=if s.meets_threshold() { "bar reached" } else { "bar" }
                        x=x y=y width=bar height=HEIGHT - BOTTOM - y
                        data-level=s.level.number() data-percentage=percent
                    />
                    <text class="axis" x=x + bar / 2 y=HEIGHT - 10 text-anchor="middle">"Level " {s.level.number()}</text>
                }
            }).collect_view()}
            <line class="threshold" x1=LEFT x2=WIDTH y1=threshold_y y2=threshold_y />
            <text class="threshold-label" x=WIDTH - 2 y=threshold_y - 3 text-anchor="end">{THRESHOLD_PERCENT} "% threshold"</text>
        </svg>
    }
}
