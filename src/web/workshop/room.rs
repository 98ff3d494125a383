//! The facilitator's room: many participants' files and links in, the room's picture out.
//! Nothing here touches the facilitator's workspace until "Save all to my workspace"; the
//! files and links stay in this page's memory only.

use super::disagreement::Disagreement;
use super::dot_plot::DotPlot;
use super::{save_to_workspace, standing_cells};
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::test_score::{Section, points};
use crate::core::text::words::plural;
use crate::core::workshop::room::{Room, aggregate};
use crate::core::workshop::room_csv::export_csv;
use crate::core::workshop::sources::{Source, sources_from_paste};
use crate::web::clock::now;
use crate::web::files::{download, read_text};
use crate::web::storage::Store;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Reads every file of a picker or a drop, then adds them to the sources in one go.
fn take_files(files: Option<web_sys::FileList>, sources: RwSignal<Vec<Source>>) {
    let Some(files) = files else { return };
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            // An unreadable file still counts as a source, so it is listed with its reason.
            let text = read_text(file).await.unwrap_or_default();
            read.push(Source::file(&name, &text));
        }
        sources.update(|s| s.extend(read));
    });
}

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let sources = RwSignal::new(Vec::<Source>::new());
    let pasted = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let room = Memo::new(move |_| sources.with(|s| aggregate(s)));
    // The instrument the facilitator picked; the one with participants when there is one.
    let chosen = RwSignal::new(None::<Instrument>);
    let shown = Memo::new(move |_| {
        room.with(|r| {
            let has = |i: Instrument| !r.of(i).is_empty();
            match chosen.get() {
                Some(i) if has(i) => Some(i),
                _ => Instrument::ALL.into_iter().find(|&i| has(i)),
            }
        })
    });

    let add_links = move |_| {
        let found = sources_from_paste(&pasted.get_untracked());
        if !found.is_empty() {
            sources.update(|s| s.extend(found));
            pasted.set(String::new());
        }
    };
    view! {
        <h1>"Workshop"</h1>
        <p class="lead">
            "Collect the room's self-assessments: each participant exports theirs as a file or a link "
            "(on their assessment, “Export JSON” or “Share by link”). Add them all here to see the room. "
            "Nothing is saved to your workspace unless you choose to."
        </p>
        <section class="panel no-print" aria-labelledby="workshop-add">
            <h2 id="workshop-add">"Add participants"</h2>
            <div class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    take_files(ev.data_transfer().and_then(|d| d.files()), sources);
                }>
                <div class="field">
                    <label for="workshop-files">"Participants' files (.json; choose or drop many at once)"</label>
                    <input id="workshop-files" type="file" multiple accept=".json,application/json"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            take_files(input.files(), sources);
                            input.set_value("");
                        } />
                </div>
            </div>
            <div class="field">
                <label for="workshop-links">"Participants' links (paste many, one per line or mixed with other text)"</label>
                <textarea id="workshop-links" rows=4 prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" class="button" on:click=add_links>"Add the links"</button>
            " "
            <button type="button" class="button quiet" on:click=move |_| sources.set(Vec::new())
                disabled=move || sources.with(Vec::is_empty)>"Start over"</button>
        </section>
        <p role="status" class="workshop-summary">
            {move || sources.with(|s| (!s.is_empty()).then(|| room.with(|r| r.summary(s.len()))))}
        </p>
        <Show when=move || room.with(|r| !r.rejected.is_empty() || !r.duplicates.is_empty())>
            <section class="panel" aria-labelledby="workshop-problems">
                <h2 id="workshop-problems">"Not counted"</h2>
                <ul>
                    {move || room.with(|r| r.rejected.iter().map(|x| view! {
                        <li><strong>{x.source.clone()}</strong>": "{x.reason.clone()}</li>
                    }).collect_view())}
                    {move || room.with(|r| r.duplicates.iter().map(|d| view! { <li>{d.note.clone()}</li> }).collect_view())}
                </ul>
            </section>
        </Show>
        <Show when=move || room.with(|r| !r.participants.is_empty() && !r.test_score.is_empty())>
            <fieldset class="panel instrument-choice no-print">
                <legend>"This room used two instruments"</legend>
                <p class="hint">
                    "Each is shown on its own and never mixed: a maturity level and an ML Test Score do not add up."
                </p>
                {Instrument::ALL.into_iter().map(|instrument| view! {
                    <span class="practice-choice">
                        <input type="radio" id=format!("room-instrument-{}", instrument.value()) name="room-instrument"
                            prop:checked=move || shown.get() == Some(instrument)
                            on:change=move |_| chosen.set(Some(instrument)) />
                        <label for=format!("room-instrument-{}", instrument.value())>
                            {move || room.with(|r| format!("{} ({})", instrument.label(),
                                plural(r.of(instrument).len(), "participant", "participants")))}
                        </label>
                    </span>
                }).collect_view()}
            </fieldset>
        </Show>
        // Both rooms stay rendered while they have participants, so switching between them
        // keeps the agreed answers the facilitator has recorded.
        <Show when=move || room.with(|r| !r.participants.is_empty())>
            <div hidden=move || shown.get() != Some(Instrument::Maturity)><RoomView room=room /></div>
        </Show>
        <Show when=move || room.with(|r| !r.test_score.is_empty())>
            <div hidden=move || shown.get() != Some(Instrument::MlTestScore)><TestScoreRoom room=room /></div>
        </Show>
    }
}

#[component]
fn RoomView(room: Memo<Room>) -> impl IntoView {
    let store = Store::expect();
    let message = RwSignal::new(None::<String>);
    let total = move || room.with(|r| r.participants.len());
    let export = move |_| {
        let text = room.with_untracked(export_csv);
        let name = format!("workshop-{}.csv", now().date_naive());
        message.set(download(&name, "text/csv", &text).err());
    };
    let save = move |_| save_all(store, room, Instrument::Maturity, message);
    view! {
        <div class="actions no-print">
            <button type="button" class="button" on:click=export>"Download CSV (one row per participant)"</button>
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Print report"</button>
            <button type="button" class="button" on:click=save>"Save all to my workspace"</button>
        </div>
        <p role="status">{move || message.get()}</p>

        <section class="panel" aria-labelledby="room-levels">
            <h2 id="room-levels">"Overall levels"</h2>
            <table class="records">
                <thead><tr><th scope="col">"Level"</th><th scope="col">"Participants"</th><th scope="col">"Share"</th></tr></thead>
                <tbody>
                    {move || room.with(|r| r.levels.iter().map(|l| view! {
                        <tr>
                            <th scope="row">"Level " {l.level.number()} ": " {l.level.title()}</th>
                            <td>{l.count}</td>
                            <td><meter min="0" max="100" value=l.percent aria-hidden="true"></meter>" " {l.percent} "%"</td>
                        </tr>
                    }).collect_view())}
                </tbody>
            </table>
        </section>

        <section class="panel" aria-labelledby="room-spread">
            <h2 id="room-spread">"Every participant's level"</h2>
            {move || room.with(|r| view! { <DotPlot instrument=Instrument::Maturity participants=r.participants.clone() /> })}
        </section>
        <Disagreement instrument=Instrument::Maturity room=room />

        <section class="panel" aria-labelledby="room-criteria">
            <h2 id="room-criteria">"Who has each criterion"</h2>
            <p class="hint">"Darker cells: more of the room has it. Names are listed per criterion."</p>
            <table class="records heat-map">
                <thead><tr><th scope="col">"Criterion"</th><th scope="col">"Level"</th><th scope="col">"Have it"</th><th scope="col">"Who"</th></tr></thead>
                <tbody>
                    {move || room.with(|r| r.criteria.iter().map(|c| {
                        let who = c.holders.iter().filter_map(|&i| r.participants.get(i)).map(|p| p.label()).collect::<Vec<_>>().join(", ");
                        view! {
                            <tr>
                                <th scope="row">{c.criterion.text}</th>
                                <td>{c.criterion.level.number()}</td>
                                <td class=format!("heat heat-{}", c.percent.div_ceil(20))>{c.count} " of " {r.participants.len()} " (" {c.percent} "%)"</td>
                                <td>{who}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </section>

        <section class="panel" aria-labelledby="room-blocking">
            <h2 id="room-blocking">"What most often blocks the next level"</h2>
            <ol>
                {move || room.with(|r| r.blocking.iter().map(|b| view! {
                    <li>{b.criterion.text} ": missing for " {plural(b.count, "participant", "participants")} " (" {b.percent} "%)"</li>
                }).collect_view())}
            </ol>
        </section>

        <section class="panel" aria-labelledby="room-recommendations">
            <h2 id="room-recommendations">"The lesson's recommendations for this room"</h2>
            <ul>
                {move || room.with(|r| r.recommendations.iter().filter(|x| x.count > 0).map(|x| view! {
                    <li>
                        {x.applies_to_most.then_some(view! { <strong>"Most of the room: "</strong> })}
                        {x.text} " (" {x.count} " of " {total()} ")"
                    </li>
                }).collect_view())}
            </ul>
        </section>

        <section class="panel" aria-labelledby="room-participants">
            <h2 id="room-participants">"Participants"</h2>
            <div class="table-scroll">
                <table class="records">
                    <thead><tr><th scope="col">"Participant"</th><th scope="col">"From"</th><th scope="col">"Level"</th>
                        <th scope="col">"Level 1"</th><th scope="col">"Level 2"</th><th scope="col">"Level 3"</th></tr></thead>
                    <tbody>
                        {move || room.with(|r| r.participants.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.label()}</th>
                                <td>{p.source.clone()}</td>
                                {standing_cells(p.standing)}
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Saves every participant of one instrument to the workspace and says what happened.
fn save_all(
    store: Store,
    room: Memo<Room>,
    instrument: Instrument,
    message: RwSignal<Option<String>>,
) {
    let assessments = room.with_untracked(|r| {
        r.of(instrument)
            .iter()
            .map(|p| p.assessment.clone())
            .collect::<Vec<_>>()
    });
    let report = save_to_workspace(store, assessments);
    message.set(Some(format!(
        "Saved to your workspace: {} added, {} already there, {} kept as a copy because it differed.",
        report.added, report.unchanged, report.kept_both
    )));
}

/// The room of ML Test Score assessments: every participant's score, where the room
/// disagrees, and each participant's sections.
#[component]
fn TestScoreRoom(room: Memo<Room>) -> impl IntoView {
    let store = Store::expect();
    let message = RwSignal::new(None::<String>);
    let save = move |_| save_all(store, room, Instrument::MlTestScore, message);
    view! {
        <div class="actions no-print">
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Print report"</button>
            <button type="button" class="button" on:click=save>"Save all to my workspace"</button>
        </div>
        <p role="status">{move || message.get()}</p>
        <section class="panel" aria-labelledby="room-scores">
            <h2 id="room-scores">"Every participant's ML Test Score"</h2>
            {move || room.with(|r| view! { <DotPlot instrument=Instrument::MlTestScore participants=r.test_score.clone() /> })}
        </section>
        <Disagreement instrument=Instrument::MlTestScore room=room />
        <section class="panel" aria-labelledby="room-test-participants">
            <h2 id="room-test-participants">"Participants"</h2>
            <div class="table-scroll">
                <table class="records">
                    <thead><tr>
                        <th scope="col">"Participant"</th><th scope="col">"From"</th><th scope="col">"Score"</th>
                        {Section::ALL.map(|s| view! { <th scope="col">{s.title()}</th> })}
                    </tr></thead>
                    <tbody>
                        {move || room.with(|r| r.test_score.iter().map(|p| {
                            let result = p.assessment.test_score();
                            view! {
                                <tr>
                                    <th scope="row">{p.label()}</th>
                                    <td>{p.source.clone()}</td>
                                    <td>{points(result.final_half_points)}</td>
                                    {result.sections.iter().map(|s| view! { <td>{points(s.half_points)}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
