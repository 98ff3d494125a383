//! Plain messages about the state of saved data, shown above every page.

use crate::core::records::migrate::SCHEMA_VERSION;
use crate::core::text::words::plural;
use crate::route::Route;
use crate::web::storage::Store;
use crate::web::workspace_file::export_workspace_from_anywhere;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let store = Store::expect();
    let health = move || store.health().get();
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        leptos::task::spawn_local(async move {
            export_error.set(export_workspace_from_anywhere(store).await.err());
        })
    };

    view! {
        <div class="banners">
            {move || health().unavailable.map(|message| view! {
                <div class="banner error" role="alert">
                    <p>{message}</p>
                    <button type="button" class="button" on:click=export>"Export workspace"</button>
                </div>
            })}
            {move || health().quota_exceeded.then(|| view! {
                <div class="banner error" role="alert">
                    <p>
                        "This browser's storage for the workbench is full, so your latest changes are not saved. "
                        "They are still on this page: export the workspace now, then delete what you no longer need."
                    </p>
                    <button type="button" class="button" on:click=export>"Export workspace"</button>
                </div>
            })}
            {move || health().newer_schema.map(|found| view! {
                <div class="banner error" role="alert">
                    <p>
                        "The saved data was written by a newer version of the workbench (schema version "
                        {found} "; this page reads up to " {SCHEMA_VERSION} "). "
                        "To protect it, this page has stopped saving. Reload the page to get the newer version."
                    </p>
                    <button type="button" class="button" on:click=move |_| { let _ = window().location().reload(); }>"Reload now"</button>
                </div>
            })}
            {move || {
                let count = store.damaged().with(Vec::len);
                (count > 0).then(|| view! {
                    <div class="banner warning" role="alert">
                        <p>
                            "Some saved data could not be read. It has not been changed, and a copy was kept. "
                            <a href=Route::Data.href()>"Review it on the Workspace data page"</a> "."
                        </p>
                    </div>
                })
            }}
            {move || {
                let count = store.quarantined().with(Vec::len);
                (count > 0).then(|| view! {
                    <div class="banner warning" role="status">
                        <p>
                            {plural(count, "saved record could not be read and is set aside. ", "saved records could not be read and are set aside. ")}
                            <a href=Route::Data.href()>"Review them"</a> "."
                        </p>
                    </div>
                })
            }}
            {move || health().migrated_from.map(|from| view! {
                <div class="banner info" role="status">
                    <p>"Your saved data was upgraded from schema version " {from} " to " {SCHEMA_VERSION} "."</p>
                </div>
            })}
            {move || export_error.get().map(|message| view! {
                <div class="banner error" role="alert"><p>{message}</p></div>
            })}
        </div>
    }
}
