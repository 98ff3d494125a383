//! The list of assessments: start one, open, duplicate, delete with undo.

use super::actions::{delete_with_undo, duplicate};
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, LESSON_EXAMPLE};
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::test_score::{Practice, TESTS};
use crate::core::workshop::history::{team_key, teams};
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::fields::{SelectField, TextField};
use crate::web::nav::go_to;
use crate::web::storage::Store;
use crate::web::undo::Undo;
use leptos::prelude::*;

#[component]
pub fn AssessmentList() -> impl IntoView {
    let store = Store::expect();
    let undo = Undo::expect();
    let new_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let instrument = RwSignal::new(Instrument::Maturity);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            name_error.set(Some("Give the team or system a name first.".to_owned()));
            return;
        }
        let assessment =
            Assessment::with_instrument(new_id(), name, instrument.get_untracked(), now());
        let route = Route::Assessment(assessment.id.clone());
        store.edit::<Assessment>(|c| c.upsert(assessment));
        new_name.set(String::new());
        name_error.set(None);
        go_to(&route);
    };

    let add_example = move |_| {
        let mut assessment = Assessment::new(new_id(), "Lesson example".to_owned(), now());
        for id in LESSON_EXAMPLE {
            assessment.set_answer(id, |a| a.implemented = true);
        }
        store.edit::<Assessment>(|c| c.upsert(assessment));
    };

    let delete = move |id: String| delete_with_undo(store, undo, &id, |_| {});
    // Ids picked for "Compare", and the teams that have a history (two or more assessments).
    let selected = RwSignal::new(Vec::<String>::new());
    let histories = Memo::new(move |_| {
        store.collection::<Assessment>().with(|c| {
            teams(&c.items)
                .into_iter()
                .filter(|t| t.assessments > 1)
                .map(|t| t.key)
                .collect::<Vec<_>>()
        })
    });
    provide_context(ListChoices {
        selected,
        histories,
    });
    let compare = move |_| {
        let ids = selected.get_untracked();
        let kept: Vec<String> = store
            .collection::<Assessment>()
            .with_untracked(|c| ids.into_iter().filter(|id| c.contains(id)).collect());
        go_to(&Route::Compare(kept));
    };

    view! {
        <h1>"Maturity self-assessments"</h1>
        <p class="lead">
            "Assess a team or a system against the lesson's 14 criteria. A level is reached when at least 80% "
            "of its criteria are in place and every level below it is reached too. "
            "For a closer look at one system, use the ML Test Score (Breck et al. 2017): 28 tests, each "
            "not done, manual or automated."
        </p>
        <form class="panel inline-form" on:submit=create>
            <TextField id="new-assessment-name".into() label="Team or system to assess".into() max_length=200
                value=new_name on_input=Callback::new(move |v| new_name.set(v)) error=name_error />
            <SelectField id="new-assessment-instrument".into() label="Instrument".into()
                options=instrument_choices()
                selected=Signal::derive(move || instrument.get().value().to_owned())
                on_change=Callback::new(move |v: String| instrument.set(Instrument::parse(&v).unwrap_or_default())) />
            <button type="submit" class="button primary">"Start assessment"</button>
        </form>

        <Show
            when={move || store.collection::<Assessment>().with(|c| !c.items.is_empty())}
            fallback=move || view! {
                <div class="empty panel">
                    <p>"No assessments yet. Start one above, or look at the lesson's own example first."</p>
                    <button type="button" class="button" on:click=add_example>"Add the lesson's example"</button>
                </div>
            }
        >
            <p class="no-print">
                <button type="button" class="button" on:click=compare
                    disabled=move || selected.with(|s| s.len() < 2)>
                    {move || format!("Compare selected ({})", selected.with(Vec::len))}
                </button>
                <span class="hint">" Tick two or more assessments to see them side by side."</span>
            </p>
            <div class="table-scroll">
            <table class="records">
                <caption class="visually-hidden">"Assessments"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="no-print">"Compare"</th>
                        <th scope="col">"Team or system"</th>
                        <th scope="col">"Assessor"</th>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Instrument"</th>
                        <th scope="col">"Result"</th>
                        <th scope="col">"In place"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each={move || store.collection::<Assessment>().get().items}
                        key=|a| (a.id.clone(), a.updated_at)
                        let:assessment
                    >
                        <AssessmentRow assessment=assessment on_delete=delete />
                    </For>
                </tbody>
            </table>
            </div>
        </Show>
    }
}

/// The list's choices shared with its rows.
#[derive(Clone, Copy)]
struct ListChoices {
    selected: RwSignal<Vec<String>>,
    histories: Memo<Vec<String>>,
}

#[component]
fn AssessmentRow(
    assessment: Assessment,
    on_delete: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let store = Store::expect();
    let instrument = assessment.instrument;
    let result = instrument.steps_badge(assessment.overall_steps());
    let in_place = in_place(&assessment);
    let id = assessment.id.clone();
    let duplicate_id = StoredValue::new(id.clone());
    let name = if assessment.name.trim().is_empty() {
        "Untitled".to_owned()
    } else {
        assessment.name.clone()
    };
    let duplicate = move |_| {
        duplicate(store, &duplicate_id.get_value());
    };
    let choices = expect_context::<ListChoices>();
    let key = team_key(&assessment.name);
    let has_history = move || choices.histories.with(|h| h.contains(&key));
    let team = assessment.name.clone();
    let pick = move |ev| {
        let on = event_target_checked(&ev);
        let id = duplicate_id.get_value();
        choices.selected.update(|s| {
            s.retain(|x| *x != id);
            if on {
                s.push(id);
            }
        });
    };
    view! {
        <tr>
            <td class="no-print">
                <input type="checkbox" id=format!("compare-{id}") on:change=pick
                    prop:checked=move || choices.selected.with(|s| s.contains(&duplicate_id.get_value())) />
                <label for=format!("compare-{id}") class="visually-hidden">{format!("Compare {name}")}</label>
            </td>
            <th scope="row">
                <a href=Route::Assessment(id.clone()).href()>{name.clone()}</a>
                {move || has_history().then(|| view! {
                    " " <a class="hint" href=Route::History(team.clone()).href()>"History"<span class="visually-hidden">" of " {team.clone()}</span></a>
                })}
            </th>
            <td>{assessment.assessor.clone()}</td>
            <td>{assessment.date.map(|d| d.to_string()).unwrap_or_default()}</td>
            <td>{instrument.label()}</td>
            <td><span class="level-badge">{result}</span></td>
            <td>{in_place}</td>
            <td class="row-actions">
                <button type="button" class="button quiet" on:click=duplicate aria-label=format!("Duplicate {name}")>
                    "Duplicate"
                </button>
                <button type="button" class="button quiet danger" on:click=move |_| on_delete(id.clone()) aria-label=format!("Delete {name}")>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

fn instrument_choices() -> Vec<(String, String)> {
    Instrument::ALL
        .iter()
        .map(|i| (i.value().to_owned(), i.label().to_owned()))
        .collect()
}

/// What is in place, in the instrument's words: "5 of 14 criteria", "9 of 28 tests automated,
/// 4 manual".
fn in_place(assessment: &Assessment) -> String {
    match assessment.instrument {
        Instrument::Maturity => format!(
            "{} of {} criteria",
            assessment.implemented_count(),
            CRITERIA.len()
        ),
        Instrument::MlTestScore => {
            let result = assessment.test_score();
            let all = result.sections.iter().flat_map(|s| s.tests.iter());
            let (automated, manual) = all.fold((0, 0), |(a, m), (_, p)| match p {
                Practice::Automated => (a + 1, m),
                Practice::Manual => (a, m + 1),
                Practice::NotDone => (a, m),
            });
            format!(
                "{automated} of {} tests automated, {manual} manual",
                TESTS.len()
            )
        }
    }
}
