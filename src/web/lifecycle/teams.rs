//! The lesson's three ML team structures (section 4.1), for reference.

use crate::core::maturity::teams::OPTIONS;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn TeamsPage() -> impl IntoView {
    view! {
        <h1>"ML team structures"</h1>
        <p class="lead">
            "The lesson's three ways to organise ML work. Record which one a team uses on its "
            <a href=Route::Assessments.href()>"maturity assessment"</a> "."
        </p>
        {OPTIONS.iter().map(|option| view! {
            <section class="panel team-option" class:recommended=option.recommended>
                <h2>{option.title}</h2>
                <ul>{option.members.iter().map(|m| view! { <li>{*m}</li> }).collect_view()}</ul>
                <div class="pros-cons">
                    <div><h3>"Pros"</h3><ul>{option.pros.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul></div>
                    <div><h3>"Cons"</h3><ul>{option.cons.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul></div>
                </div>
            </section>
        }).collect_view()}
    }
}
