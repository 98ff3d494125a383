//! An inline SVG bar chart of the per-level percentages with the 80% threshold line.
//! Built from elements and attributes only: no inline styles, so the page's CSP holds.

use crate::core::maturity::{LevelScore, THRESHOLD_PERCENT};
use leptos::prelude::*;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 160.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;
const LEFT: f64 = 36.0;

fn y_of(percent: f64) -> f64 {
    TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - percent / 100.0)
}

#[component]
pub fn LevelChart(scores: Vec<LevelScore>) -> impl IntoView {
    let summary = scores
        .iter()
        .map(|s| format!("Level {} {:.0}%", s.level.number(), s.percentage))
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!(
        "Percentage of criteria implemented per level: {summary}. The threshold is {THRESHOLD_PERCENT}%."
    );
    let slot = (WIDTH - LEFT) / scores.len().max(1) as f64;
    let threshold_y = y_of(f64::from(THRESHOLD_PERCENT));
    view! {
        <svg class="level-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {[0.0, 50.0, 100.0].into_iter().map(|p| view! {
                <line class="grid" x1=LEFT x2=WIDTH y1=y_of(p) y2=y_of(p) />
                <text class="axis" x=LEFT - 6.0 y=y_of(p) + 4.0 text-anchor="end">{format!("{p:.0}%")}</text>
            }).collect_view()}
            {scores.iter().enumerate().map(|(index, s)| {
                let x = LEFT + slot * index as f64 + slot * 0.2;
                let y = y_of(s.percentage);
                view! {
                    <rect
                        class=if s.meets_threshold() { "bar reached" } else { "bar" }
                        x=x y=y width=slot * 0.6 height=(HEIGHT - BOTTOM - y).max(0.0)
                        data-level=s.level.number() data-percentage=format!("{:.0}", s.percentage)
                    />
                    <text class="axis" x=x + slot * 0.3 y=HEIGHT - 10.0 text-anchor="middle">"Level " {s.level.number()}</text>
                }
            }).collect_view()}
            <line class="threshold" x1=LEFT x2=WIDTH y1=threshold_y y2=threshold_y />
            <text class="threshold-label" x=WIDTH - 2.0 y=threshold_y - 3.0 text-anchor="end">{THRESHOLD_PERCENT} "% threshold"</text>
        </svg>
    }
}
