//! "Review a package" (`#/review`): a reviewer in any browser, with empty storage, opens a
//! package file and sees the card exactly as it will be approved, what changed since the
//! version approved before, the trail and whether it verifies; decides at the current stage;
//! and sends the updated package on. Nothing is saved until "Keep a copy in my workspace".

mod decision;
mod keep;
mod shown;

use crate::core::lifecycle::review::{PackageProblem, ReviewPackage, read_package, verify};
use crate::web::files::{chosen_file, dropped_file, read_text};
use crate::web::nav::page_title;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The package being looked at, as opened (or as decided since).
#[derive(Clone)]
pub struct Opened {
    pub file_name: String,
    pub package: ReviewPackage,
    /// What does not verify; decisions are only offered when this is empty.
    pub problems: Vec<PackageProblem>,
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    page_title(|| "Review a package".to_owned());
    let opened = RwSignal::new(None::<Opened>);
    let failure = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let opened_files = Trigger::new();
    let take_file = move |file: web_sys::File| {
        let file_name = file.name();
        spawn_local(async move {
            let outcome = read_text(file)
                .await
                .and_then(|text| read_package(&text).map_err(|e| e.to_string()));
            match outcome {
                Ok(package) => {
                    failure.set(None);
                    let problems = verify(&package);
                    opened.set(Some(Opened {
                        file_name,
                        package,
                        problems,
                    }));
                    opened_files.notify();
                }
                Err(reason) => {
                    opened.set(None);
                    opened_files.notify();
                    failure.set(Some(format!(
                        "“{file_name}” could not be opened, and nothing changed. {reason}"
                    )));
                }
            }
        });
    };
    let on_file_chosen = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            take_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        dragging.set(false);
        if let Some(file) = dropped_file(&ev) {
            take_file(file);
        }
    };
    view! {
        <h1>"Review a package"</h1>
        <p class="lead">
            "A review package is one file with an approval request, its trail and the model card under review. "
            "Open the one you were sent: you can review it here even if this browser has never seen the card."
        </p>
        <div class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for="package-file">"Choose a review package (.json)"</label>
            <input id="package-file" type="file" accept=".json,application/json" on:change=on_file_chosen
                aria-describedby="package-error" />
            <p class="hint">"or drop the file here. Opening it changes nothing in your workspace."</p>
        </div>
        <p id="package-error" class="field-error" role="alert">{move || failure.get()}</p>
        // Built anew for each file opened, and only then: a decision changes the package in
        // place and must keep the view (the decision's message, the name typed).
        {move || {
            opened_files.track();
            opened.with_untracked(Option::is_some).then(|| view! { <shown::PackageView opened=opened /> })
        }}
    }
}
