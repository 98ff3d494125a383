//! Editors for the card's nested fields: evaluation factors (factor → values), fairness
//! metrics (group → subgroup → number) and the training data's date range.

use super::card_edit;
use super::inputs::FieldProblems;
use super::list_fields::{NumberRows, focus_later};
use crate::core::cards::card::{Factor, FairnessGroup};
use crate::core::cards::fields::Field;
use crate::core::text::dates::parse_date;
use crate::web::fields::TextField;
use leptos::prelude::*;

/// Factors, each with its values one per line (a factor rarely has more than a few).
#[component]
pub fn Factors() -> impl IntoView {
    let edit = card_edit();
    let field = Field::EvaluationFactors;
    let base = field.element_id();
    let factors = Memo::new(move |_| edit.card.with(|c| c.evaluation_factors.clone()));
    let len = Memo::new(move |_| factors.with(Vec::len));
    let factor = move |index: usize, change: &dyn Fn(&mut Factor)| {
        edit.edit(|c| {
            if let Some(f) = c.evaluation_factors.get_mut(index) {
                change(f);
            }
        })
    };
    let row = {
        let base = base.clone();
        move |index: usize| {
            let number = index + 1;
            // A memo per input: typing in one factor sets no other input's value.
            let read = move |of: fn(&Factor) -> String| {
                Memo::new(move |_| factors.with(|all| all.get(index).map(of).unwrap_or_default()))
            };
            view! {
                <li class="nested">
                    <TextField id=format!("{base}-{index}") label=format!("Factor {number}")
                        value=read(|f| f.name.clone()) max_length=1_000_000
                        on_input=Callback::new(move |v: String| factor(index, &move |f| f.name = v.clone())) />
                    <div class="field">
                        <label for=format!("{base}-{index}-values")>{format!("Values of factor {number}, one per line")}</label>
                        <textarea id=format!("{base}-{index}-values") rows=3
                            prop:value=read(|f| f.values.join("\n"))
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                factor(index, &move |f| f.values = text.split('\n').map(str::to_owned).collect());
                            }></textarea>
                    </div>
                    <button type="button" class="button quiet danger" aria-label=format!("Remove factor {number}")
                        on:click=move |_| edit.edit(|c| { if index < c.evaluation_factors.len() { c.evaluation_factors.remove(index); } })>
                        "Remove factor"
                    </button>
                </li>
            }
        }
    };
    let add = {
        let base = base.clone();
        move |_| {
            edit.edit(|c| c.evaluation_factors.push(Factor::default()));
            focus_later(format!("{base}-{}", len.get_untracked().saturating_sub(1)));
        }
    };
    view! {
        <fieldset id=base tabindex="-1" class="card-rows">
            <legend>{field.label()}</legend>
            <ol>{move || (0..len.get()).map(row.clone()).collect_view()}</ol>
            <button type="button" class="button" on:click=add>"Add a factor"</button>
            <FieldProblems field=field />
        </fieldset>
    }
}

/// Fairness groups, each a table of subgroup values. The preview shows each group's gap and
/// min/max ratio against the four-fifths rule.
#[component]
pub fn Fairness() -> impl IntoView {
    let edit = card_edit();
    let field = Field::FairnessMetrics;
    let base = field.element_id();
    let groups = Memo::new(move |_| edit.card.with(|c| c.fairness_metrics.clone()));
    let len = Memo::new(move |_| groups.with(Vec::len));
    let group = move |index: usize, change: &dyn Fn(&mut FairnessGroup)| {
        edit.edit(|c| {
            if let Some(g) = c.fairness_metrics.get_mut(index) {
                change(g);
            }
        })
    };
    let row = {
        let base = base.clone();
        move |index: usize| {
            let number = index + 1;
            let heading = format!("{base}-{index}-heading");
            let labelled_by = heading.clone();
            view! {
                <li class="nested">
                    <section aria-labelledby=labelled_by>
                        <h3 id=heading>{format!("Group {number}")}</h3>
                        <TextField id=format!("{base}-{index}") label=format!("Name of group {number}")
                            value=Memo::new(move |_| groups.with(|all| all.get(index).map(|g| g.group.clone()).unwrap_or_default()))
                            max_length=1_000_000
                            on_input=Callback::new(move |v: String| group(index, &move |g| g.group = v.clone())) />
                        <NumberRows field=field group=index name_label="Subgroup"
                            rows=Memo::new(move |_| groups.with(|all| all.get(index).map(|g| g.subgroups.clone()).unwrap_or_default()))
                            on_change=Callback::new(move |rows: Vec<_>| group(index, &move |g| g.subgroups = rows.clone())) />
                        <button type="button" class="button quiet danger" aria-label=format!("Remove group {number}")
                            on:click=move |_| edit.edit(|c| { if index < c.fairness_metrics.len() { c.fairness_metrics.remove(index); } })>
                            "Remove group"
                        </button>
                    </section>
                </li>
            }
        }
    };
    let add = {
        let base = base.clone();
        move |_| {
            edit.edit(|c| c.fairness_metrics.push(FairnessGroup::default()));
            focus_later(format!("{base}-{}", len.get_untracked().saturating_sub(1)));
        }
    };
    view! {
        <fieldset id=base tabindex="-1" class="card-rows">
            <legend>{field.label()}</legend>
            <p class="hint">"Per group (such as age groups), one value of the same metric per subgroup."</p>
            <ol>{move || (0..len.get()).map(row.clone()).collect_view()}</ol>
            <button type="button" class="button" on:click=add>"Add a group"</button>
            <FieldProblems field=field />
        </fieldset>
    }
}

/// The training data's date range: two dates, start not after end.
#[component]
pub fn DateRangeField() -> impl IntoView {
    let edit = card_edit();
    let field = Field::DateRange;
    let shown = |date: Option<chrono::NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <fieldset id=field.element_id() tabindex="-1" class="card-range"
            aria-describedby=format!("{}-problems", field.element_id())>
            <legend>{field.label()}</legend>
            <TextField id="card-range-start".into() label="From".into() kind="date"
                value=Memo::new(move |_| edit.card.with(|c| shown(c.training_data_date_range.start)))
                on_input=Callback::new(move |v: String| edit.edit(|c| c.training_data_date_range.start = parse_date(&v))) />
            <TextField id="card-range-end".into() label="To".into() kind="date"
                value=Memo::new(move |_| edit.card.with(|c| shown(c.training_data_date_range.end)))
                on_input=Callback::new(move |v: String| edit.edit(|c| c.training_data_date_range.end = parse_date(&v))) />
            <FieldProblems field=field />
        </fieldset>
    }
}
