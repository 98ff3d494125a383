//! CSV export and import of the register. Import shows the rows it can take and the ones it
//! cannot (line and reason); nothing changes until the user confirms.

use crate::core::debt::csv_file::{CsvImport, CsvReport, apply_csv, export_csv, parse_csv};
use crate::core::debt::item::DebtItem;
use crate::core::text::words::plural;
use crate::web::clock::{new_id, now};
use crate::web::files::{download, read_text};
use crate::web::storage::Store;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, PartialEq)]
enum CsvState {
    Idle,
    Failed(String),
    Checked {
        file_name: String,
        import: CsvImport,
    },
    Applied(CsvReport),
}

#[component]
pub fn CsvPanel() -> impl IntoView {
    let store = Store::expect();
    let state = RwSignal::new(CsvState::Idle);
    let export_error = RwSignal::new(None::<String>);

    let export = move |_| {
        let text = store
            .collection::<DebtItem>()
            .with_untracked(|c| export_csv(&c.items));
        let name = format!("debt-register-{}.csv", now().date_naive());
        export_error.set(download(&name, "text/csv", &text).err());
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file_name = file.name();
        spawn_local(async move {
            let stamp = now();
            let checked = read_text(file)
                .await
                .and_then(|text| parse_csv(&text, new_id, stamp.date_naive(), stamp));
            state.set(match checked {
                Ok(import) => CsvState::Checked { file_name, import },
                Err(reason) => {
                    CsvState::Failed(format!("Nothing was imported from “{file_name}”: {reason}"))
                }
            });
        });
    };
    let confirm = move |_| {
        let CsvState::Checked { import, .. } = state.get_untracked() else {
            return;
        };
        let mut report = CsvReport::default();
        store.edit::<DebtItem>(|c| report = apply_csv(c, &import.rows));
        state.set(CsvState::Applied(report));
    };

    view! {
        <section class="panel no-print" aria-labelledby="debt-csv-heading">
            <h2 id="debt-csv-heading">"Spreadsheet (CSV)"</h2>
            <p class="hint">
                "Export the register to edit it in a spreadsheet, then import it back: rows with a known id update that item, other rows are added."
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=export>"Export CSV"</button>
            </div>
            {move || export_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="field">
                <label for="debt-csv-file">"Import a CSV file"</label>
                <input id="debt-csv-file" type="file" accept=".csv,text/csv" on:change=on_file />
            </div>
            {move || match state.get() {
                CsvState::Idle => ().into_any(),
                CsvState::Failed(message) => view! {
                    <div class="notice error" role="alert"><p>{message}</p></div>
                }.into_any(),
                CsvState::Checked { file_name, import } => {
                    let good = import.rows.len();
                    let problems = import.problems.clone();
                    let has_problems = !problems.is_empty();
                    view! {
                        <div class="notice" class:warning=has_problems role="status">
                            <p>
                                "“" {file_name} "”: " {plural(good, "row", "rows")} " can be imported"
                                {(!problems.is_empty()).then(|| format!(
                                    "; {} can not, and will be left out:",
                                    plural(problems.len(), "row", "rows")
                                ))}
                            </p>
                            <ul class="csv-problems">
                                {problems.into_iter().map(|p| view! { <li>"Line " {p.line} ": " {p.reason}</li> }).collect_view()}
                            </ul>
                            <div class="actions">
                                <button type="button" class="button primary" on:click=confirm disabled=good == 0>
                                    {format!("Import the {good} valid {}", if good == 1 { "row" } else { "rows" })}
                                </button>
                                <button type="button" class="button quiet" on:click=move |_| state.set(CsvState::Idle)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                }
                CsvState::Applied(report) => view! {
                    <div class="notice success" role="status">
                        <p>{format!("Imported: {} added, {} updated, {} unchanged.", report.added, report.updated, report.unchanged)}</p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
