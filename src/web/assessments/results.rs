//! The live results of an assessment: overall level, per-level table, chart, what blocks the
//! next level, and the lesson's recommendations.

use super::chart::LevelChart;
use crate::core::maturity::criteria::{Level, MaturityResult, THRESHOLD_PERCENT};
use leptos::prelude::*;

fn level_label(level: Level) -> String {
    format!("Level {}: {}", level.number(), level.title())
}

#[component]
pub fn Results(result: Memo<Option<MaturityResult>>) -> impl IntoView {
    view! {
        <section class="results panel" aria-labelledby="results-heading">
            <h2 id="results-heading">"Results"</h2>
            {move || result.get().map(|r| view! { <ResultsBody result=r /> })}
        </section>
    }
}

#[component]
fn ResultsBody(result: MaturityResult) -> impl IntoView {
    let overall = result.overall;
    let lesson_differs = result.lesson_loop_level != overall;
    let lesson_level = result.lesson_loop_level;
    let blocking: Vec<_> = result.blocking_next_level().into_iter().cloned().collect();
    let next = overall.next();
    view! {
        <p class="overall">
            <span class="overall-label" id="overall-label">"Overall maturity"</span>
            <strong class="overall-level" role="status" aria-labelledby="overall-label overall-level" id="overall-level">{level_label(overall)}</strong>
        </p>
        <p class="hint">
            "A level counts when at least " {THRESHOLD_PERCENT} "% of its criteria are implemented "
            "and every level below it counts too, as the lesson's own comment asks."
            {lesson_differs.then(|| view! {
                " The lesson's code checks each level on its own, so it would report "
                <strong>{level_label(lesson_level)}</strong> " here."
            })}
        </p>
        <div class="table-scroll">
        <table class="scores">
            <caption>"Criteria implemented per level"</caption>
            <thead>
                <tr>
                    <th scope="col">"Level"</th>
                    <th scope="col">"Implemented"</th>
                    <th scope="col">"Percentage"</th>
                    <th scope="col">"Missing"</th>
                </tr>
            </thead>
            <tbody>
                {result.scores.iter().map(|s| view! {
                    <tr class:reached=s.meets_threshold()>
                        <th scope="row">"Level " {s.level.number()}</th>
                        <td>{s.implemented} " of " {s.total}</td>
                        <td>{s.percent_rounded()} "%"</td>
                        <td class="missing">
                            {if s.missing.is_empty() {
                                "none".to_owned()
                            } else {
                                s.missing.iter().map(|c| c.text).collect::<Vec<_>>().join("; ")
                            }}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <LevelChart scores=result.scores.clone() />
        {next.map(|next| view! {
            <h3 id="blocking-heading">"What stands between you and " {level_label(next)}</h3>
            <ul class="blocking" aria-labelledby="blocking-heading">
                {blocking.into_iter().map(|s| {
                    let needed = s.still_needed();
                    view! {
                        <li>
                            "Level " {s.level.number()} ": implement "
                            {needed} " more of these " {s.missing.len()} ":"
                            <ul>
                                {s.missing.iter().map(|c| view! { <li>{c.text}</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <h3 id="recommendations-heading">"Recommendations for " {level_label(overall)}</h3>
        <p class="hint">"The lesson's next steps for a team at this level:"</p>
        <ol class="recommendations" aria-labelledby="recommendations-heading">
            {result.recommendations.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}
        </ol>
    }
}
