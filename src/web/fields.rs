//! Labelled form fields shared by every page. Each takes type-erased signals and callbacks, so
//! the whole app compiles one copy of each field instead of one per use: Leptos views are
//! generic, and per-use closures were the largest part of the wasm bundle.

use leptos::prelude::*;

/// A `<label>` + `<input>` (text, date, url, search) with an optional error message that is
/// announced through `aria-describedby`.
#[component]
pub fn TextField(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The input type: "text" (default), "date", "url", "search".
    #[prop(default = "text")]
    kind: &'static str,
    /// Shown under the field and marks it invalid when set.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Keeps the label for screen readers only (for fields inside table rows).
    #[prop(optional)]
    hidden_label: bool,
    /// Words added to the label for screen readers only (" for Model registry").
    #[prop(optional)]
    hidden_detail: Option<String>,
    #[prop(default = 2000)] max_length: usize,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// Lets the parent focus the input.
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let invalid = move || {
        error
            .is_some_and(|e| e.with(Option::is_some))
            .then_some("true")
    };
    view! {
        <div class="field">
            <label for=id.clone() class:visually-hidden=hidden_label>
                {label}{hidden_detail.map(|d| view! { <span class="visually-hidden">{d}</span> })}
            </label>
            <input id=id type=kind maxlength=max_length list=list placeholder=placeholder node_ref=node_ref
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=invalid
                aria-describedby=error.map(|_| error_id.clone()) />
            {error.map(|e| view! { <p id=error_id class="field-error">{move || e.get()}</p> })}
        </div>
    }
}

/// A `<label>` + `<textarea>`.
#[component]
pub fn TextAreaField(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = 2)] rows: u32,
    /// Words added to the label for screen readers only.
    #[prop(optional)]
    hidden_detail: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>
                {label}{hidden_detail.map(|d| view! { <span class="visually-hidden">{d}</span> })}
            </label>
            <textarea id=id rows=rows
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))>
            </textarea>
        </div>
    }
}

/// A `<label>` + `<select>` over (value, text) choices; `selected` is the chosen value.
#[component]
pub fn SelectField(
    id: String,
    label: String,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] hidden_label: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone() class:visually-hidden=hidden_label>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(value, text)| {
                    let is_selected = value == selected.get();
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Choices from a fixed list of (value, text) pairs.
pub fn choices<T>(
    all: &[T],
    value: impl Fn(&T) -> &'static str,
    text: impl Fn(&T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|c| (value(c).to_owned(), text(c).to_owned()))
        .collect()
}
