//! One checklist: progress over its stages or sections, and the items to tick. A workflow's
//! current stage is the first one not complete; artifacts can carry a link.

use super::kind_label;
use crate::core::checklists::checklist::{Checklist, ChecklistKind, Group, Part, groups};
use crate::core::text::link::{safe_href, validate_link};
use crate::route::Route;
use crate::web::fields::TextField;
use crate::web::storage::Store;
use leptos::prelude::*;

/// Applies a change to the open checklist and stamps its time.
fn edit(store: Store, id: &str, change: impl FnOnce(&mut Checklist)) {
    store.update_record::<Checklist>(id, change);
}

#[component]
pub fn ChecklistEditor(id: String) -> impl IntoView {
    let store = Store::expect();
    let key = id.clone();
    let list = Memo::new(move |_| {
        store
            .collection::<Checklist>()
            .with(|c| c.get(&key).cloned())
    });
    let id = StoredValue::new(id);
    view! {
        <p class="breadcrumb no-print"><a href=Route::Checklists.href()>"All checklists"</a></p>
        {move || match list.with(|l| l.as_ref().map(|l| l.kind)) {
            None => view! {
                <h1>"Checklist not found"</h1>
                <p>"This checklist is not in your workspace; it may have been deleted."</p>
            }.into_any(),
            Some(kind) => view! { <Body kind=kind list=list id=id.get_value() /> }.into_any(),
        }}
    }
}

#[component]
fn Body(kind: ChecklistKind, list: Memo<Option<Checklist>>, id: String) -> impl IntoView {
    let store = Store::expect();
    let id = StoredValue::new(id);
    let all = StoredValue::new(groups(kind));
    let current = Memo::new(move |_| list.with(|l| l.as_ref().and_then(Checklist::current_stage)));
    let overall = move || list.with(|l| l.as_ref().map(|l| l.overall().percent()).unwrap_or(0));
    view! {
        <h1>{move || list.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default())}</h1>
        <p class="hint">{kind_label(kind)} ": " {move || overall()} "% done"
            {move || (kind == ChecklistKind::Workflow).then(|| match current.get() {
                Some(index) => format!("; current stage: {}", index + 1),
                None => "; every stage is done".to_owned(),
            })}
        </p>
        <TextField id="checklist-name".into() label="Project or team".into() max_length=200
            value=Signal::derive(move || list.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default()))
            on_input=Callback::new(move |v: String| edit(store, &id.get_value(), |l| l.name = v)) />
        <section class="panel" aria-labelledby="checklist-overview">
            <h2 id="checklist-overview">{if kind == ChecklistKind::Workflow { "Stages" } else { "Sections" }}</h2>
            <ol class="stage-overview">
                {all.get_value().into_iter().enumerate().map(|(index, group)| {
                    let progress = move || list.with(|l| l.as_ref().map(|l| l.progress(&all.with_value(|g| g[index].clone()))));
                    view! {
                        <li class:current=move || current.get() == Some(index) && kind == ChecklistKind::Workflow>
                            <span>{group.title}</span>" "
                            <meter min="0" max=group.items.len() value=move || progress().map(|p| p.done).unwrap_or(0) aria-hidden="true"></meter>
                            " " {move || progress().map(|p| if p.is_complete() { "done".to_owned() } else { format!("{} of {}", p.done, p.total) })}
                            {move || (current.get() == Some(index) && kind == ChecklistKind::Workflow).then_some(" (current stage)")}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        {all.get_value().into_iter().enumerate().map(|(index, group)| view! {
            <GroupFields group=group index=index list=list id=id.get_value() current=current kind=kind />
        }).collect_view()}
    }
}

#[component]
fn GroupFields(
    group: Group,
    index: usize,
    list: Memo<Option<Checklist>>,
    id: String,
    current: Memo<Option<usize>>,
    kind: ChecklistKind,
) -> impl IntoView {
    let store = Store::expect();
    let id = StoredValue::new(id);
    let legend = match kind {
        ChecklistKind::Workflow => format!("Stage {}: {}", index + 1, group.title),
        ChecklistKind::BestPractices => group.title.to_owned(),
    };
    let parts = [
        Part::Artifact,
        Part::Approval,
        Part::ExitCriterion,
        Part::Practice,
    ];
    view! {
        <fieldset class="panel checklist-group" class:current=move || current.get() == Some(index) && kind == ChecklistKind::Workflow>
            <legend>{legend}</legend>
            {parts.into_iter().filter_map(|part| {
                let items: Vec<_> = group.items.iter().filter(|i| i.part == part).cloned().collect();
                (!items.is_empty()).then(|| view! {
                    {(part != Part::Practice).then(|| view! { <h3>{part.title()}</h3> })}
                    <ul class="checklist-items">
                        {items.into_iter().map(|item| {
                            let item_id = StoredValue::new(item.id.clone());
                            let check_id = format!("check-{}", item.id.replace('/', "-"));
                            let link_id = format!("{check_id}-link");
                            let checked = move || list.with(|l| l.as_ref().is_some_and(|l| l.is_checked(&item_id.get_value())));
                            let link = move || list.with(|l| l.as_ref().map(|l| l.link(&item_id.get_value()).to_owned()).unwrap_or_default());
                            view! {
                                <li>
                                    <input type="checkbox" id=check_id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(store, &id.get_value(), |l| l.set_checked(&item_id.get_value(), on));
                                        } />
                                    <label for=check_id>{item.text}</label>
                                    {(part == Part::Artifact).then(|| view! {
                                        <TextField id=link_id label="Link".into() kind="url" placeholder="https://…"
                                            hidden_detail=format!(" for {}", item.text)
                                            value=Signal::derive(link)
                                            on_input=Callback::new(move |v: String| edit(store, &id.get_value(), |l| l.set_link(&item_id.get_value(), v)))
                                            error=Signal::derive(move || validate_link(&link()).err().map(|e| e.message().to_owned())) />
                                        {move || safe_href(&link()).map(|href| view! {
                                            <a href=href.to_owned() target="_blank" rel="noopener noreferrer">"Open"<span class="visually-hidden">" " {item.text}</span></a>
                                        })}
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }).collect_view()}
        </fieldset>
    }
}
