//! The reviewer's name, the comment and the three decisions: one form for the approval page
//! (a request in this workspace) and the review page (a package from elsewhere).

use crate::core::lifecycle::approval::Decision;
use crate::web::fields::{TextAreaField, TextField};
use leptos::prelude::*;

#[component]
pub fn DecisionFields(
    /// The prefix of the inputs' ids, unique on the page ("decision", "review").
    id: &'static str,
    /// The name field's label ("Reviewer", "Your name").
    name_label: &'static str,
    /// Records `(name, decision, comment)`; returns why it was refused, if it was. The comment
    /// is cleared once a decision is recorded.
    decide: Callback<(String, Decision, String), Option<String>>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let choose = move |decision: Decision| {
        let refused = decide.run((name.get_untracked(), decision, comment.get_untracked()));
        if refused.is_none() {
            comment.set(String::new());
        }
        error.set(refused);
    };
    view! {
        <TextField id=format!("{id}-reviewer") label=name_label.into() max_length=200
            value=name on_input=Callback::new(move |v| name.set(v)) />
        <p class="hint">"Names are declared, not checked: the trail records the name you type. The requester cannot approve their own request (names compared without case or outer spaces)."</p>
        <TextAreaField id=format!("{id}-comment") label="Comment".into() rows=3
            value=comment on_input=Callback::new(move |v| comment.set(v)) />
        <div class="actions">
            <button type="button" class="button primary" on:click=move |_| choose(Decision::Approve)>"Approve"</button>
            <button type="button" class="button" on:click=move |_| choose(Decision::NeedsRevision)>"Needs revision"</button>
            <button type="button" class="button danger" on:click=move |_| choose(Decision::Reject)>"Reject"</button>
        </div>
        <p class="field-error" role="alert">{move || error.get()}</p>
    }
}
