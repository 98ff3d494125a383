//! The team's target: a level of the maturity model or an ML Test Score, by default one step
//! above today (a level, or a point).

use crate::core::maturity::assessment::Assessment;
use crate::web::fields::SelectField;
use crate::web::storage::Store;
use leptos::prelude::*;

/// The choices: the default first (value ""), then every reachable target in steps.
fn target_choices(assessment: &Assessment) -> Vec<(String, String)> {
    let instrument = assessment.instrument;
    let default = instrument.overall_label(assessment.default_target_steps());
    let mut choices = vec![(String::new(), format!("One step above today ({default})"))];
    // Level 1 to 3, or a score of 0.5 to 7 in half points.
    choices.extend(
        (1..=instrument.max_steps())
            .map(|steps| (steps.to_string(), instrument.overall_label(steps))),
    );
    choices
}

#[component]
pub fn TargetField(id: StoredValue<String>, assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let store = Store::expect();
    let choices = Signal::derive(move || {
        assessment.with(|a| a.as_ref().map(target_choices).unwrap_or_default())
    });
    let selected = Signal::derive(move || {
        assessment.with(|a| {
            a.as_ref()
                .and_then(Assessment::own_target_steps)
                .map(|steps| steps.to_string())
                .unwrap_or_default()
        })
    });
    view! {
        <SelectField id="assessment-target".into() label="Target".into()
            options=choices selected=selected
            on_change=Callback::new(move |v: String| {
                let steps = v.parse::<u8>().ok();
                store.update_record::<Assessment>(&id.get_value(), |a| a.set_target_steps(steps));
            }) />
    }
}
