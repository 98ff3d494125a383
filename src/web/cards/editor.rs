//! One card: completeness and problems, exports, the form by section, the live preview.

use super::composite::{DateRangeField, Factors, Fairness};
use super::export::ExportButtons;
use super::imported_readme::ImportedReadme;
use super::inputs::{CardCount, CardText, ModelType, TrainingDate};
use super::list_fields::{ListField, TableField, focus_later};
use super::preview::Preview;
use super::results_editor::EvalResults;
use super::{CardEdit, card_edit};
use crate::core::cards::card::CardRecord;
use crate::core::cards::checks::{completeness, missing};
use crate::core::cards::fields::{Field, SECTIONS, TextKey};
use crate::route::Route;
use crate::web::nav::page_title;
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn CardEditor(id: String) -> impl IntoView {
    let store = Store::expect();
    let lookup = id.clone();
    let exists = Memo::new(move |_| {
        store
            .collection::<CardRecord>()
            .with(|c| c.contains(&lookup))
    });
    let edit = CardEdit::new(store, id);
    provide_context(edit);
    page_title(move || {
        if exists.get() {
            format!("{}: model card", edit.card.with(|c| c.title()))
        } else {
            "Model card not found".to_owned()
        }
    });
    view! {
        <Show
            when=move || exists.get()
            fallback=|| view! {
                <h1>"Model card not found"</h1>
                <p>
                    "This card is not in your workspace; it may have been deleted. "
                    <a href=Route::Cards.href()>"Back to the model cards"</a> "."
                </p>
            }
        >
            <EditorBody />
        </Show>
    }
}

#[component]
fn EditorBody() -> impl IntoView {
    let edit = card_edit();
    view! {
        <p class="breadcrumb no-print"><a href=Route::Cards.href()>"All model cards"</a></p>
        <h1>{move || edit.card.with(|c| c.title())}</h1>
        <Summary />
        <ExportButtons />
        <div class="card-layout">
            <form class="card-form" on:submit=|ev| ev.prevent_default()>
                {SECTIONS.iter().map(|section| view! {
                    <section class="panel">
                        <h2>{section.title}</h2>
                        {section.fields.iter().map(|f| field_editor(*f)).collect_view()}
                    </section>
                }).collect_view()}
                <ImportedReadme />
            </form>
            <aside class="card-preview" aria-labelledby="card-preview-heading">
                <h2 id="card-preview-heading">"Preview"</h2>
                <p class="hint">"Exactly the HTML file that “Download HTML” saves."</p>
                <Preview />
            </aside>
        </div>
    }
}

/// The editor that fits the field's shape.
fn field_editor(field: Field) -> AnyView {
    match field {
        Field::Text(TextKey::ModelType) => view! { <ModelType /> }.into_any(),
        Field::Text(
            key @ (TextKey::IntendedUse
            | TextKey::TrainingDataDescription
            | TextKey::EvaluationDataDescription
            | TextKey::UnmappedText),
        ) => view! { <CardText key=key multiline=true /> }.into_any(),
        Field::Text(key) => view! { <CardText key=key /> }.into_any(),
        Field::List(key) => view! { <ListField key=key /> }.into_any(),
        Field::Table(key) => view! { <TableField key=key /> }.into_any(),
        Field::Count(key) => view! { <CardCount key=key /> }.into_any(),
        Field::TrainingDate => view! { <TrainingDate /> }.into_any(),
        Field::DateRange => view! { <DateRangeField /> }.into_any(),
        Field::EvaluationFactors => view! { <Factors /> }.into_any(),
        Field::FairnessMetrics => view! { <Fairness /> }.into_any(),
        Field::EvalResults => view! { <EvalResults /> }.into_any(),
    }
}

/// Completeness (filled of the lesson's 27 fields), what is missing and what is wrong, each
/// with a button that jumps to the field.
#[component]
fn Summary() -> impl IntoView {
    let edit = card_edit();
    let done = Memo::new(move |_| edit.card.with(completeness));
    let missing = Memo::new(move |_| edit.card.with(missing));
    let jump = |field: Field, text: String| {
        view! {
            <li><button type="button" class="button quiet" on:click=move |_| focus_later(field.element_id())>{text}</button></li>
        }
    };
    view! {
        <section class="panel card-summary" aria-label="Completeness and problems">
            <p>
                <label for="card-completeness">"Completeness"</label>" "
                <meter id="card-completeness" min="0" max=move || done.get().total value=move || done.get().filled></meter>
                " " {move || { let d = done.get(); format!("{} of {} fields filled ({}%)", d.filled, d.total, d.percent()) }}
            </p>
            <Show when=move || missing.with(|m| !m.is_empty())>
                <details>
                    <summary>{move || format!("Missing: {}", crate::core::text::words::plural(missing.with(Vec::len), "field", "fields"))}</summary>
                    <ul class="jump-list">
                        {move || missing.get().into_iter().map(|f| jump(f, f.label().to_owned())).collect_view()}
                    </ul>
                </details>
            </Show>
            <Show when=move || edit.problems.with(|p| !p.is_empty())>
                <p class="field-error">{move || format!("To fix: {}", crate::core::text::words::plural(edit.problems.with(Vec::len), "problem", "problems"))}</p>
                <ul class="jump-list">
                    {move || edit.problems.get().into_iter().map(|p| jump(p.field, format!("{}: {}", p.field.label(), p.message))).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
