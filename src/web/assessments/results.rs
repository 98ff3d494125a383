//! The live results of an assessment. For the maturity model: overall level, per-level table,
//! chart, what stands between the team and its target, and the lesson's recommendations; for
//! the ML Test Score, see `test_score_results`.

use super::chart::LevelChart;
use super::test_score_results::TestScoreBody;
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{Level, MaturityResult, THRESHOLD_PERCENT};
use crate::core::maturity::instrument::{Instrument, level_of};
use crate::core::maturity::test_score::TestScoreResult;
use leptos::prelude::*;

/// What the results panel shows, computed once per change of the assessment.
#[derive(Clone, PartialEq)]
enum Outcome {
    Maturity(MaturityResult, Level),
    TestScore(TestScoreResult, u8),
}

fn outcome(assessment: &Assessment) -> Outcome {
    let target = assessment.target_steps();
    match assessment.instrument {
        Instrument::Maturity => Outcome::Maturity(assessment.result(), level_of(target)),
        Instrument::MlTestScore => Outcome::TestScore(assessment.test_score(), target),
    }
}

/// The results of either instrument, live.
#[component]
pub fn AssessmentResults(assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let outcome = Memo::new(move |_| assessment.with(|a| a.as_ref().map(outcome)));
    view! {
        <section class="results panel" aria-labelledby="results-heading">
            <h2 id="results-heading">"Results"</h2>
            {move || outcome.get().map(|o| match o {
                Outcome::Maturity(result, target) => view! { <ResultsBody result=result target=target /> }.into_any(),
                Outcome::TestScore(result, target) => view! { <TestScoreBody result=result target=target /> }.into_any(),
            })}
        </section>
    }
}

fn level_label(level: Level) -> String {
    format!("Level {}: {}", level.number(), level.title())
}

#[component]
fn ResultsBody(result: MaturityResult, target: Level) -> impl IntoView {
    let overall = result.overall;
    let lesson_differs = result.lesson_loop_level != overall;
    let lesson_level = result.lesson_loop_level;
    let blocking: Vec<_> = result.blocking_up_to(target).into_iter().cloned().collect();
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
        {if blocking.is_empty() {
            view! {
                <p class="target-reached">"The team has reached its target, " {level_label(target)} "."</p>
            }.into_any()
        } else {
            view! {
                <h3 id="blocking-heading">"What stands between you and your target, " {level_label(target)}</h3>
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
            }.into_any()
        }}
        <h3 id="recommendations-heading">"Recommendations for " {level_label(overall)}</h3>
        <p class="hint">"The lesson's next steps for a team at this level:"</p>
        <ol class="recommendations" aria-labelledby="recommendations-heading">
            {result.recommendations.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}
        </ol>
    }
}
