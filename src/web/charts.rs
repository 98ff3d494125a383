//! What every SVG chart of percentages shares: the vertical scale and its grid. Elements and
//! attributes only (the CSP allows no inline style), integer coordinates (no float
//! formatting in the bundle).

use leptos::prelude::*;

/// Maps 0–100% onto a plot's height: 0 at its bottom, 100 at its top.
#[derive(Clone, Copy)]
pub struct PercentScale {
    top: usize,
    plot: usize,
}

impl PercentScale {
    /// A chart `height` high with `top` and `bottom` margins.
    pub const fn new(height: usize, top: usize, bottom: usize) -> Self {
        PercentScale {
            top,
            plot: height - top - bottom,
        }
    }

    /// The y coordinate of a percentage (values over 100 are drawn at 100).
    pub fn y(self, percent: usize) -> usize {
        self.top + self.plot - self.plot * percent.min(100) / 100
    }
}

/// Grid lines at 0, 50 and 100% from `left` to `right`, labelled left of the plot.
pub fn percent_grid(scale: PercentScale, left: usize, right: usize) -> impl IntoView {
    [0, 50, 100]
        .into_iter()
        .map(|p| {
            view! {
                <line class="grid" x1=left x2=right y1=scale.y(p) y2=scale.y(p) />
                <text class="axis" x=left - 6 y=scale.y(p) + 4 text-anchor="end">{p} "%"</text>
            }
        })
        .collect_view()
}
