//! An assessment opened from a shared link: read-only, with "Save to my workspace".

use super::save_to_workspace;
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::instrument::{Instrument, practice_of};
use crate::core::text::link::safe_href;
use crate::core::workshop::share_link;
use crate::route::Route;
use crate::web::assessments::AssessmentResults;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn SharedAssessment(version: String, payload: String) -> impl IntoView {
    match share_link::decode(&version, &payload) {
        Ok(assessment) => view! { <SharedView assessment=assessment /> }.into_any(),
        Err(error) => view! {
            <h1>"This link cannot be opened"</h1>
            <p role="alert" class="field-error">{error.message()}</p>
            <p>"Ask for the assessment as a file instead, and import it on the "
                <a href=Route::Data.href()>"Workspace data"</a> " page."</p>
        }
        .into_any(),
    }
}

#[component]
fn SharedView(assessment: Assessment) -> impl IntoView {
    let store = Store::expect();
    let instrument = assessment.instrument;
    let shown = Memo::new({
        let shown = assessment.clone();
        move |_| Some(shown.clone())
    });
    let saved = RwSignal::new(None::<String>);
    let to_save = StoredValue::new(assessment.clone());
    let save = move |_| {
        let report = save_to_workspace(store, vec![to_save.get_value()]);
        saved.set(Some(if report.added > 0 {
            "Saved to your workspace.".to_owned()
        } else if report.kept_both > 0 {
            "Your workspace already had a different version of it; this one was saved as a copy."
                .to_owned()
        } else {
            "It is already in your workspace, unchanged.".to_owned()
        }));
    };
    let name = if assessment.name.trim().is_empty() {
        "Untitled assessment".to_owned()
    } else {
        assessment.name.clone()
    };
    view! {
        <p class="breadcrumb">"Shared assessment, read-only"</p>
        <h1>{name}</h1>
        <p class="hint">
            {(!assessment.assessor.trim().is_empty()).then(|| format!("Assessed by {}", assessment.assessor))}
            {assessment.date.map(|d| format!(" on {d}"))}
        </p>
        <div class="panel no-print">
            <p>"This assessment came in a link and is not in your workspace. The whole assessment is in the "
                "link itself: opening it sent nothing to any server."</p>
            <button type="button" class="button primary" on:click=save>"Save to my workspace"</button>
            <p role="status">
                {move || saved.get().map(|message| view! {
                    {message} " " <a href=Route::Assessments.href()>"Go to your assessments"</a>
                })}
            </p>
        </div>
        <div class="assessment-layout">
            <section class="panel" aria-labelledby="shared-criteria">
                <h2 id="shared-criteria">{instrument.label()} ": " {instrument.item_word().1}</h2>
                <ul class="shared-criteria">
                    {instrument.items().into_iter().map(|item| {
                        let answer = assessment.answer(item.id);
                        let choice = assessment.choice(item.id);
                        let said = match instrument {
                            Instrument::Maturity if choice > 0 => "Implemented".to_owned(),
                            Instrument::Maturity => "Not implemented".to_owned(),
                            Instrument::MlTestScore => format!("{} {}", item.group, practice_of(choice).short()),
                        };
                        view! {
                            <li class:met=choice + 1 == instrument.choices().len()>
                                <strong>{said} ": "</strong>
                                {item.text}
                                {(!answer.evidence.is_empty()).then(|| view! { <p class="evidence-text">{answer.evidence.clone()}</p> })}
                                {safe_href(&answer.link).map(|href| view! {
                                    <p><a href=href.to_owned() target="_blank" rel="noopener noreferrer">{href.to_owned()}</a></p>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            <AssessmentResults assessment=shown />
        </div>
    }
}
