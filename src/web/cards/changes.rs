//! What changed from one card to another (`#/card-changes/OLD/NEW`): pick the two cards, read
//! the changes field by field, download them as a Markdown change log.

use crate::core::cards::card::CardRecord;
use crate::core::cards::diff::words::Words;
use crate::core::cards::diff::{Change, RowChange, changes_markdown, diff_cards};
use crate::core::text::filename::file_stem;
use crate::route::Route;
use crate::web::files::download;
use crate::web::nav::{go_to, page_title};
use crate::web::storage::Store;
use leptos::prelude::*;

/// The two cards to compare, by id; either may be missing (then the page says so).
#[component]
pub fn CardChanges(old: String, new: String) -> impl IntoView {
    let store = Store::expect();
    page_title(|| "Changes between two model cards".to_owned());
    let cards = move || store.collection::<CardRecord>().get().items;
    let (old_id, new_id) = (StoredValue::new(old), StoredValue::new(new));
    let pick = move |which: &'static str| {
        let selected = move || {
            if which == "old" {
                old_id.get_value()
            } else {
                new_id.get_value()
            }
        };
        let label = if which == "old" {
            "Older card"
        } else {
            "Newer card"
        };
        view! {
            <div class="field">
                <label for=format!("changes-{which}")>{label}</label>
                <select id=format!("changes-{which}") on:change=move |ev| {
                    let id = event_target_value(&ev);
                    let (o, n) = if which == "old" { (id, new_id.get_value()) } else { (old_id.get_value(), id) };
                    go_to(&Route::CardChanges(o, n));
                }>
                    <option value="" selected=move || selected().is_empty()>"Choose a card"</option>
                    {move || cards().into_iter().map(|r| {
                        let is = r.id == selected();
                        view! { <option value=r.id.clone() selected=is>{format!("{} (edited {})", r.title(), r.updated_at.date_naive())}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let pair = Memo::new(move |_| {
        store.collection::<CardRecord>().with(|c| {
            Some((
                c.get(&old_id.get_value())?.card.clone(),
                c.get(&new_id.get_value())?.card.clone(),
            ))
        })
    });
    let save = move |_| {
        if let Some((old, new)) = pair.get_untracked() {
            let name = format!(
                "changes-{}-to-{}.md",
                file_stem(&old.title()),
                file_stem(&new.title())
            );
            let _ = download(&name, "text/markdown", &changes_markdown(&old, &new));
        }
    };
    view! {
        <p class="breadcrumb no-print"><a href=Route::Cards.href()>"All model cards"</a></p>
        <h1>"Changes between two model cards"</h1>
        <div class="panel no-print card-actions">{pick("old")}{pick("new")}</div>
        {move || match pair.get() {
            None => view! { <p class="empty panel">"Choose two cards of your workspace above to see what changed from the older to the newer."</p> }.into_any(),
            Some((old, new)) => {
                let changes = diff_cards(&old, &new);
                let count = crate::core::text::words::plural(changes.len(), "field changed", "fields changed");
                view! {
                    <p role="status">{format!("From “{}” to “{}”: {count}.", old.title(), new.title())}</p>
                    <button type="button" class="button no-print" on:click=save>"Download the changes as Markdown"</button>
                    {changes.into_iter().map(|(field, change)| view! {
                        <section class="panel changes" aria-label=field.label()>
                            <h2>{field.label()}</h2>
                            {change_view(change)}
                        </section>
                    }).collect_view()}
                }.into_any()
            }
        }}
    }
}

fn rows_table(rows: Vec<RowChange>) -> AnyView {
    let shown = |v: Option<String>| v.unwrap_or_else(|| "(none)".to_owned());
    view! {
        <table class="records">
            <thead><tr><th scope="col">"Entry"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
            <tbody>{rows.into_iter().map(|r| view! {
                <tr><th scope="row">{r.name}</th><td>{shown(r.old)}</td><td>{shown(r.new)}</td></tr>
            }).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

fn change_view(change: Change) -> AnyView {
    match change {
        Change::Text(runs) => view! {
            <p class="word-diff">{runs.into_iter().map(|run| match run {
                Words::Same(t) => view! { <span>{t}" "</span> }.into_any(),
                Words::Removed(t) => view! { <del>{t}</del>" " }.into_any(),
                Words::Added(t) => view! { <ins>{t}</ins>" " }.into_any(),
            }).collect_view()}</p>
        }
        .into_any(),
        Change::List { added, removed, moved } => view! {
            <ul>
                {added.into_iter().map(|a| view! { <li>"Added: " <ins>{a}</ins></li> }).collect_view()}
                {removed.into_iter().map(|r| view! { <li>"Removed: " <del>{r}</del></li> }).collect_view()}
                {moved.into_iter().map(|m| view! { <li>{format!("Moved from {} to {}: {}", m.from, m.to, m.entry)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Change::Rows(rows) => rows_table(rows),
        Change::Fairness(groups) => groups
            .into_iter()
            .map(|g| {
                let before = g.ratio_before.unwrap_or_else(|| "(no group)".into());
                let after = g.ratio_after.unwrap_or_else(|| "(no group)".into());
                view! {
                    <h3>{g.group}</h3>
                    <p>{format!("Min/max ratio: {before} → {after}")}</p>
                    {rows_table(g.rows)}
                }
            })
            .collect_view()
            .into_any(),
    }
}
