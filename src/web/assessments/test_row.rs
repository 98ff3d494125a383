//! One test of the ML Test Score: not done, manual or automated, with its evidence.

use super::notes::{EvidenceNotes, answer_of};
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::test_score::{Practice, Test};
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn TestRow(
    test: &'static Test,
    id: StoredValue<String>,
    assessment: Memo<Option<Assessment>>,
) -> impl IntoView {
    let store = Store::expect();
    let answer = answer_of(assessment, test.id);
    let practice = Memo::new(move |_| answer.with(|a| a.practice()));
    let dom_id = format!("test-{}", test.id);
    let choose = move |choice: Practice| {
        store.update_record::<Assessment>(&id.get_value(), |a| {
            a.set_choice(test.id, usize::from(choice.half_points()))
        });
    };
    view! {
        <div class="criterion test" class:met=move || practice.get() == Practice::Automated>
            <fieldset class="practice">
                <legend><span class="test-label">{test.label()} ": "</span>{test.title}</legend>
                {Practice::ALL.into_iter().map(|choice| {
                    let radio_id = format!("{dom_id}-{}", choice.half_points());
                    view! {
                        <span class="practice-choice">
                            <input type="radio" id=radio_id.clone() name=dom_id.clone()
                                prop:checked=move || practice.get() == choice
                                on:change=move |_| choose(choice) />
                            <label for=radio_id>{choice.label()}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <EvidenceNotes dom_id=dom_id.clone() text=test.title id=id item_id=test.id answer=answer />
        </div>
    }
}
