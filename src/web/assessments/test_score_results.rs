//! The live results of an ML Test Score: the four sections, the final score (their minimum),
//! the section that holds it down, what stands between the system and its target, and the
//! paper's Table V with this system's band marked.

use crate::core::maturity::test_score::{BANDS, Practice, Test, TestScoreResult, points};
use leptos::prelude::*;

/// How many tests of a section are at `practice`.
fn count(tests: &[(&'static Test, Practice)], practice: Practice) -> usize {
    tests.iter().filter(|(_, p)| *p == practice).count()
}

/// "1 more point", "1.5 more points".
fn more_points(half_points: u8) -> String {
    let unit = if half_points == 2 { "point" } else { "points" };
    format!("{} more {unit}", points(half_points))
}

#[component]
pub fn TestScoreBody(result: TestScoreResult, target: u8) -> impl IntoView {
    let band = result.band();
    let weakest = result
        .weakest()
        .iter()
        .map(|s| format!("{} ({})", s.section.title(), points(s.half_points)))
        .collect::<Vec<_>>()
        .join(", ");
    let below: Vec<_> = result
        .below(target)
        .into_iter()
        .map(|(section, lacking)| (section.clone(), lacking))
        .collect();
    view! {
        <p class="overall">
            <span class="overall-label" id="overall-label">"Final ML Test Score"</span>
            <strong class="overall-level" role="status" aria-labelledby="overall-label overall-level" id="overall-level">
                {points(result.final_half_points)} " of 7"
            </strong>
        </p>
        <p class="band">{band.description}</p>
        <p class="hint">
            "Each test scores 0 when not done, half a point when done manually with the results documented "
            "and distributed, and a point when automated and run repeatedly. The final score is the lowest "
            "of the four sections, so it is held down by: " <strong class="weakest">{weakest}</strong> "."
        </p>
        // Focusable, so a keyboard can scroll the table when the results column is narrow.
        <div class="table-scroll" tabindex="0" role="region" aria-label="Points per section, scrollable">
        <table class="scores">
            <caption>"Points per section"</caption>
            <thead>
                <tr>
                    <th scope="col">"Section"</th>
                    <th scope="col">"Score (of 7)"</th>
                    <th scope="col">"Automated"</th>
                    <th scope="col">"Manual"</th>
                    <th scope="col">"Not done"</th>
                </tr>
            </thead>
            <tbody>
                {result.sections.iter().map(|s| view! {
                    <tr class:reached=s.half_points == result.final_half_points>
                        <th scope="row">{s.section.title()}</th>
                        <td>{points(s.half_points)}</td>
                        <td>{count(&s.tests, Practice::Automated)}</td>
                        <td>{count(&s.tests, Practice::Manual)}</td>
                        <td>{count(&s.tests, Practice::NotDone)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
        {if below.is_empty() {
            view! {
                <p class="target-reached">"The system has reached its target, a score of " {points(target)} "."</p>
            }.into_any()
        } else {
            view! {
                <h3 id="blocking-heading">"What stands between you and your target, a score of " {points(target)}</h3>
                <ul class="blocking" aria-labelledby="blocking-heading">
                    {below.into_iter().map(|(section, lacking)| view! {
                        <li>
                            {section.section.title()} ": " {more_points(lacking)} " from these tests:"
                            <ul>
                                {section.unmet().map(|(test, practice)| view! {
                                    <li>{test.label()} " (" {practice.short()} "): " {test.title}</li>
                                }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table V, scrollable">
        <table class="scores bands">
            <caption>"Interpreting the final score (Breck et al. 2017, Table V)"</caption>
            <thead>
                <tr><th scope="col">"Points"</th><th scope="col">"Description"</th></tr>
            </thead>
            <tbody>
                {BANDS.iter().map(|row| {
                    let here = row.range == band.range;
                    view! {
                        <tr class:reached=here aria-current=here.then_some("true")>
                            <th scope="row">{row.range}</th>
                            <td>{row.description}{here.then_some(" (this system)")}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
