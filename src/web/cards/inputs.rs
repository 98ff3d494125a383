//! Editors for the card's single values: text, model type, dates, counts; and the problem
//! messages under any field.

use super::card_edit;
use crate::core::cards::checks::parse_count;
use crate::core::cards::fields::{CountKey, Field, MODEL_TYPES, TextKey};
use crate::core::text::dates::parse_date;
use crate::core::text::number::format_count;
use crate::web::fields::{SelectField, TextAreaField, TextField};
use leptos::prelude::*;

/// Long pastes (100 kB and more) must not be cut: inputs get a limit far above any real text.
const NO_REAL_LIMIT: usize = 1_000_000;

/// The problems of one field, as a list that its inputs point to with `aria-describedby`.
/// A live region by `aria-live`: `role="status"` would replace the list's role and leave its
/// items outside any list.
#[component]
pub fn FieldProblems(field: Field) -> impl IntoView {
    let edit = card_edit();
    let messages = move || {
        edit.problems.with(|all| {
            all.iter()
                .filter(|p| p.field == field)
                .map(|p| match (p.row, field) {
                    (Some(row), Field::Table(_)) => format!("Row {}: {}", row + 1, p.message),
                    _ => p.message.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul id=format!("{}-problems", field.element_id()) class="field-error" aria-live="polite">
            {move || messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
        </ul>
    }
}

/// A single-line or multi-line text field of the card.
#[component]
pub fn CardText(key: TextKey, #[prop(optional)] multiline: bool) -> impl IntoView {
    let edit = card_edit();
    let field = Field::Text(key);
    // A memo of this field: a keystroke elsewhere in the card sets nothing here.
    let value: Signal<String> = Memo::new(move |_| edit.card.with(|c| c.text(key).clone())).into();
    let on_input = Callback::new(move |v: String| edit.edit(|c| *c.text_mut(key) = v));
    if multiline {
        view! { <TextAreaField id=field.element_id() label=field.label().into() value=value on_input=on_input rows=4 /> }
            .into_any()
    } else {
        let error = Signal::derive(move || {
            edit.problems.with(|all| {
                all.iter()
                    .find(|p| p.field == field)
                    .map(|p| p.message.clone())
            })
        });
        view! {
            <TextField id=field.element_id() label=field.label().into() value=value on_input=on_input
                max_length=NO_REAL_LIMIT error=error />
        }
        .into_any()
    }
}

/// The model type: the lesson's three kinds, or "other" with free text.
#[component]
pub fn ModelType() -> impl IntoView {
    let edit = card_edit();
    let model_type = Memo::new(move |_| edit.card.with(|c| c.model_type.clone()));
    let current = move || model_type.get();
    let is_known = move || MODEL_TYPES.contains(&current().as_str());
    // "Other" stays chosen while its text is still empty.
    let other = RwSignal::new(!current().is_empty() && !is_known());
    let selected = Signal::derive(move || {
        if is_known() {
            current()
        } else if other.get() || !current().is_empty() {
            "other".to_owned()
        } else {
            String::new()
        }
    });
    let mut options = vec![(String::new(), "Not chosen".to_owned())];
    options.extend(MODEL_TYPES.iter().map(|t| (t.to_string(), t.to_string())));
    options.push(("other".to_owned(), "other (describe)".to_owned()));
    let on_change = Callback::new(move |choice: String| {
        other.set(choice == "other");
        let value = if choice == "other" {
            String::new()
        } else {
            choice
        };
        edit.edit(|c| c.model_type = value);
    });
    let field = Field::Text(TextKey::ModelType);
    view! {
        <SelectField id=field.element_id() label=field.label().into() options=options
            selected=selected on_change=on_change />
        <Show when=move || selected.get() == "other">
            <TextField id="card-model_type-other".into() label="Other model type".into()
                value=Signal::derive(current) max_length=NO_REAL_LIMIT
                on_input=Callback::new(move |v: String| edit.edit(|c| c.model_type = v)) />
        </Show>
    }
}

/// The training date (`<input type=date>`; clearing it removes the date).
#[component]
pub fn TrainingDate() -> impl IntoView {
    let edit = card_edit();
    let field = Field::TrainingDate;
    view! {
        <TextField id=field.element_id() label=field.label().into() kind="date"
            value=Memo::new(move |_| edit.card.with(|c| c.training_date.map(|d| d.to_string()).unwrap_or_default()))
            on_input=Callback::new(move |v: String| edit.edit(|c| c.training_date = parse_date(&v))) />
    }
}

/// A non-negative count, shown with thousands separators. Text that is not a count stays in
/// the field with a message; the card keeps its last valid count meanwhile.
#[component]
pub fn CardCount(key: CountKey) -> impl IntoView {
    let edit = card_edit();
    let field = Field::Count(key);
    let shown = |count: Option<u64>| count.map(format_count).unwrap_or_default();
    let text = RwSignal::new(edit.card.with_untracked(|c| shown(c.count(key))));
    let error = RwSignal::new(None::<String>);
    // Follow changes made elsewhere (an import, another tab) unless the field holds an error.
    Effect::new(move |_| {
        let count = edit.card.with(|c| c.count(key));
        if error.get_untracked().is_none()
            && parse_count(&text.get_untracked()).ok().flatten() != count
        {
            text.set(shown(count));
        }
    });
    let on_input = Callback::new(move |v: String| {
        text.set(v.clone());
        match parse_count(&v) {
            Ok(count) => {
                error.set(None);
                edit.edit(|c| *c.count_mut(key) = count);
            }
            Err(message) => error.set(Some(message.to_owned())),
        }
    });
    view! {
        <TextField id=field.element_id() label=field.label().into() value=text on_input=on_input
            error=error max_length=40 placeholder="e.g. 50,000,000" />
    }
}
