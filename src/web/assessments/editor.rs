//! One assessment: its details, the fourteen criteria with evidence, and the live results.

use super::actions::{delete_with_undo, duplicate};
use super::export::{download_json, download_markdown};
use super::results::Results;
use super::share::SharePanel;
use crate::core::maturity::assessment::{Answer, Assessment};
use crate::core::maturity::criteria::{Criterion, Level, criteria_of};
use crate::core::maturity::teams::TeamStructure;
use crate::core::text::dates::parse_date;
use crate::core::text::link::validate_link;
use crate::route::Route;
use crate::web::fields::{SelectField, TextAreaField, TextField};
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
            Some(a) => format!("{}: maturity assessment", a.name),
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
    let result = Memo::new(move |_| assessment.with(|a| a.as_ref().map(Assessment::result)));
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
                </fieldset>
                {Level::SCORED.into_iter().map(|level| view! {
                    <fieldset class="panel level-fields">
                        <legend>"Level " {level.number()} ": " {level.title()}</legend>
                        {criteria_of(level).map(|criterion| view! {
                            <CriterionRow criterion=criterion id=id.get_value() assessment=assessment />
                        }).collect_view()}
                    </fieldset>
                }).collect_view()}
            </div>
            <Results result=result />
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

#[component]
fn CriterionRow(
    criterion: &'static Criterion,
    id: String,
    assessment: Memo<Option<Assessment>>,
) -> impl IntoView {
    let store = Store::expect();
    let id = StoredValue::new(id);
    let answer = Memo::new(move |_| {
        assessment.with(|a| {
            a.as_ref()
                .map(|a| a.answer(criterion.id))
                .unwrap_or_default()
        })
    });
    let set = move |change: Box<dyn FnOnce(&mut Answer)>| {
        edit(store, &id.get_value(), |a| {
            a.set_answer(criterion.id, change)
        });
    };
    let link_error =
        move || answer.with(|a| validate_link(&a.link).err().map(|e| e.message().to_owned()));
    let has_notes = answer.with_untracked(|a| !a.evidence.is_empty() || !a.link.is_empty());
    let check_id = format!("criterion-{}", criterion.id);
    let hint_id = format!("{check_id}-hint");
    let evidence_id = format!("{check_id}-evidence");
    let link_id = format!("{check_id}-link");

    view! {
        <div class="criterion" class:met=move || answer.with(|a| a.implemented)>
            <div class="criterion-check">
                <input id=check_id.clone() type="checkbox"
                    prop:checked=move || answer.with(|a| a.implemented)
                    on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |a| a.implemented = on)); }
                    aria-describedby=hint_id.clone() />
                <label for=check_id>{criterion.text}</label>
                <span class="category">{criterion.category}</span>
            </div>
            <p id=hint_id class="hint">{criterion.in_practice}</p>
            <p class="print-only">
                {move || answer.with(|a| {
                    let link = crate::core::text::link::safe_href(&a.link).unwrap_or_default();
                    [a.evidence.trim(), link].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join("\n")
                })}
            </p>
            <details class="evidence" open=has_notes>
                <summary>"Evidence and link" <span class="visually-hidden">" for " {criterion.text}</span></summary>
                <TextAreaField id=evidence_id label="Evidence".into() hidden_detail=format!(" for {}", criterion.text)
                    value=Signal::derive(move || answer.with(|a| a.evidence.clone()))
                    on_input=Callback::new(move |v: String| set(Box::new(move |a| a.evidence = v))) />
                <TextField id=link_id label="Link".into() kind="url" placeholder="https://…"
                    hidden_detail=format!(" for {}", criterion.text)
                    value=Signal::derive(move || answer.with(|a| a.link.clone()))
                    on_input=Callback::new(move |v: String| set(Box::new(move |a| a.link = v)))
                    error=Signal::derive(link_error) />
                {move || answer.with(|a| crate::core::text::link::safe_href(&a.link).map(|href| view! {
                    <a class="evidence-link" href=href.to_owned() target="_blank" rel="noopener noreferrer">"Open link"<span class="visually-hidden">" for " {criterion.text}</span></a>
                }))}
            </details>
        </div>
    }
}
