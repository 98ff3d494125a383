//! An inline SVG bar chart of the per-level percentages with the 80% threshold line.
//! Built from elements and attributes only (no inline styles, so the page's CSP holds), with
//! integer coordinates (no float formatting in the bundle).

use crate::core::maturity::criteria::{LevelScore, THRESHOLD_PERCENT};
use crate::web::charts::{PercentScale, percent_grid};
use leptos::prelude::*;

const WIDTH: usize = 300;
const HEIGHT: usize = 160;
const TOP: usize = 12;
const BOTTOM: usize = 28;
const LEFT: usize = 36;
const SCALE: PercentScale = PercentScale::new(HEIGHT, TOP, BOTTOM);

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
    let threshold_y = SCALE.y(THRESHOLD_PERCENT as usize);
    view! {
        <svg class="level-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
            {percent_grid(SCALE, LEFT, WIDTH)}
            {scores.iter().enumerate().map(|(index, s)| {
                let x = LEFT + slot * index + slot / 5;
                let percent = s.percent_rounded();
                let y = SCALE.y(percent);
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
