//! One assessment: its details and target, its criteria or tests with evidence, and the live
//! results.

use super::actions::{delete_with_undo, duplicate};
use super::criterion_row::CriterionRow;
use super::export::{download_json, download_markdown};
use super::gaps::GapsPanel;
use super::results::AssessmentResults;
use super::share::SharePanel;
use super::target::TargetField;
use super::test_row::TestRow;
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{Level, criteria_of};
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::teams::TeamStructure;
use crate::core::maturity::test_score::{Section, tests_of};
use crate::core::text::dates::parse_date;
use crate::route::Route;
use crate::web::fields::{SelectField, TextField};
use crate::web::nav::{go_to, page_title};
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;

#[component]
pub fn AssessmentEditor(id: String) -> impl IntoView {
    let store = Store::expect();
    let lookup_id = id.clone();
    let assessment = Memo::new(move |_| {
        store
            .collection::<Assessment>()
            .with(|c| c.get(&lookup_id).cloned())
    });
    let exists = Memo::new(move |_| assessment.with(Option::is_some));

    page_title(move || {
        assessment.with(|a| match a {
            Some(a) => format!("{}: {}", a.name, a.instrument.label()),
            None => "Assessment not found".to_owned(),
        })
    });

    let id = StoredValue::new(id);
    view! {
        <Show
            when=move || exists.get()
            fallback=|| view! {
                <h1>"Assessment not found"</h1>
                <p>
                    "This assessment is not in your workspace; it may have been deleted. "
                    <a href=Route::Assessments.href()>"Back to the assessments"</a> "."
                </p>
            }
        >
            <EditorBody id=id.get_value() assessment=assessment />
        </Show>
    }
}

/// Applies a change to the open assessment and stamps its time.
fn edit(store: Store, id: &str, change: impl FnOnce(&mut Assessment)) {
    store.update_record::<Assessment>(id, change);
}

#[component]
fn EditorBody(id: String, assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let store = Store::expect();
    let undo = Undo::expect();
    let id = StoredValue::new(id);
    let field = move |read: fn(&Assessment) -> String| {
        move || assessment.with(|a| a.as_ref().map(read).unwrap_or_default())
    };
    let instrument =
        assessment.with_untracked(|a| a.as_ref().map(|a| a.instrument).unwrap_or_default());
    let action_error = RwSignal::new(None::<String>);

    let heading = field(|a| {
        if a.name.trim().is_empty() {
            "Untitled assessment".to_owned()
        } else {
            a.name.clone()
        }
    });
    let duplicate = move |_| {
        if let Some(copy) = duplicate(store, &id.get_value()) {
            go_to(&Route::Assessment(copy.id));
        }
    };
    let delete = move |_| {
        delete_with_undo(store, undo, &id.get_value(), |back| {
            go_to(&Route::Assessment(back.id.clone()))
        });
        go_to(&Route::Assessments);
    };
    let export = move |markdown: bool| {
        if let Some(a) = assessment.get_untracked() {
            let outcome = if markdown {
                download_markdown(&a)
            } else {
                download_json(&a)
            };
            action_error.set(outcome.err());
        }
    };

    view! {
        <p class="breadcrumb no-print"><a href=Route::Assessments.href()>"All assessments"</a></p>
        <h1>{heading}</h1>
        <div class="actions no-print">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Print report"</button>
            <button type="button" class="button" on:click=move |_| export(false)>"Export JSON"</button>
            <button type="button" class="button" on:click=move |_| export(true)>"Export Markdown"</button>
            <button type="button" class="button" on:click=duplicate>"Duplicate"</button>
            <button type="button" class="button danger" on:click=delete>"Delete"</button>
        </div>
        {move || action_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        <SharePanel assessment=assessment />

        <div class="assessment-layout">
            <div class="assessment-form">
                <fieldset class="panel details-fields">
                    <legend>"Details"</legend>
                    <TextField id="assessment-name".into() label="Team or system".into() max_length=200
                        value=Signal::derive(field(|a| a.name.clone()))
                        on_input=Callback::new(move |v| edit(store, &id.get_value(), |a| a.name = v)) />
                    <TextField id="assessment-assessor".into() label="Assessor".into() max_length=200
                        value=Signal::derive(field(|a| a.assessor.clone()))
                        on_input=Callback::new(move |v| edit(store, &id.get_value(), |a| a.assessor = v)) />
                    <SelectField id="assessment-team-structure".into() label="Team structure".into()
                        options=team_structure_choices()
                        selected=Signal::derive(field(|a| a.team_structure.map(|s| s.value().to_owned()).unwrap_or_default()))
                        on_change=Callback::new(move |v: String| {
                            let structure = TeamStructure::parse(&v);
                            edit(store, &id.get_value(), |a| a.team_structure = structure);
                        }) />
                    <p class="hint team-structure-hint"><a href=Route::Teams.href()>"About the three team structures"</a></p>
                    <TextField id="assessment-date".into() label="Date".into() kind="date"
                        value=Signal::derive(field(|a| a.date.map(|d| d.to_string()).unwrap_or_default()))
                        on_input=Callback::new(move |v: String| {
                            let date = parse_date(&v);
                            edit(store, &id.get_value(), |a| a.date = date);
                        }) />
                    <TargetField id=id assessment=assessment />
                </fieldset>
                {match instrument {
                    Instrument::Maturity => maturity_items(id, assessment).into_any(),
                    Instrument::MlTestScore => test_score_items(id, assessment).into_any(),
                }}
                <GapsPanel assessment=assessment />
            </div>
            <AssessmentResults assessment=assessment />
        </div>
    }
}

/// "Not recorded" and the lesson's three structures.
fn team_structure_choices() -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), "Not recorded".to_owned())];
    choices.extend(
        TeamStructure::ALL
            .iter()
            .map(|s| (s.value().to_owned(), s.label().to_owned())),
    );
    choices
}

/// The lesson's criteria, one fieldset per level.
fn maturity_items(id: StoredValue<String>, assessment: Memo<Option<Assessment>>) -> impl IntoView {
    Level::SCORED
        .into_iter()
        .map(|level| {
            view! {
                <fieldset class="panel level-fields">
                    <legend>"Level " {level.number()} ": " {level.title()}</legend>
                    {criteria_of(level).map(|criterion| view! {
                        <CriterionRow criterion=criterion id=id assessment=assessment />
                    }).collect_view()}
                </fieldset>
            }
        })
        .collect_view()
}

/// The paper's 28 tests, one fieldset per section with its longer heading as help.
fn test_score_items(
    id: StoredValue<String>,
    assessment: Memo<Option<Assessment>>,
) -> impl IntoView {
    Section::ALL
        .into_iter()
        .map(|section| {
            view! {
                <section class="panel level-fields" aria-label=section.heading()>
                    <h2 class="section-title">{section.title()}</h2>
                    <p class="hint">{section.heading()}</p>
                    {tests_of(section).map(|test| view! {
                        <TestRow test=test id=id assessment=assessment />
                    }).collect_view()}
                </section>
            }
        })
        .collect_view()
}
