//! The app shell: header and navigation, storage banners, the current page, the undo toast.

use crate::core::maturity::assessment::Assessment;
use crate::route::Route;
use crate::web::banners::Banners;
use crate::web::nav::current_route;
use crate::web::pages::page;
use crate::web::storage::Store;
use crate::web::undo::{Undo, UndoToast};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::open::<Assessment>();
    provide_context(store);
    provide_context(Undo::new());
    let route = RwSignal::new(current_route());
    let listener =
        window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    on_cleanup(move || listener.remove());

    // The first page needs only the assessments; the other collections are decoded as soon
    // as it shows, so that what could not be read in them is reported at once and the other
    // pages open without waiting. A failure is left to the page that needs them.
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            let _ = store.decode_rest().await;
        })
    });

    // After moving to another page, put keyboard and screen-reader focus on its heading.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(focus_heading);
        }
        current
    });

    let nav_link = move |target: Route, text: &'static str| {
        let href = target.href();
        let is_current = move || match (&route.get(), &target) {
            (
                Route::Assessment(_) | Route::History(_) | Route::Compare(_) | Route::Shared(..),
                Route::Assessments,
            )
            | (Route::Card(_) | Route::Audits(_) | Route::CardChanges(..), Route::Cards)
            | (Route::Approval(_) | Route::Review, Route::Approvals)
            | (Route::Checklist(_), Route::Checklists) => true,
            (current, target) => current == target,
        };
        view! {
            <a href=href aria-current=move || is_current().then_some("page")>
                {text}
            </a>
        }
    };

    view! {
        <button type="button" class="skip-link" on:click=move |_| focus_heading()>
            "Skip to content"
        </button>
        <header class="app-header">
            <p class="app-title">"MLOps Governance Workbench"</p>
            <nav aria-label="Main">
                {nav_link(Route::Assessments, "Maturity assessments")}
                {nav_link(Route::Workshop, "Workshop")}
                {nav_link(Route::Cards, "Model cards")}
                {nav_link(Route::Approvals, "Approvals")}
                {nav_link(Route::Checklists, "Checklists")}
                {nav_link(Route::Debt, "Debt register")}
                {nav_link(Route::Data, "Workspace data")}
            </nav>
        </header>
        <Banners />
        <main id="main">
            {move || page(route.get())}
        </main>
        <UndoToast />
        {crate::web::panic::drill_button()}
    }
}

fn focus_heading() {
    focus_heading_within(FOCUS_FRAMES);
}

/// How many frames a page may take to show its heading, about five seconds: a page whose
/// feature is not loaded yet shows its heading once its code has arrived.
const FOCUS_FRAMES: u32 = 300;

fn focus_heading_within(frames: u32) {
    match document().query_selector("main h1") {
        Ok(Some(heading)) => {
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.set_attribute("tabindex", "-1");
                let _ = heading.focus();
            }
        }
        _ if frames > 0 => request_animation_frame(move || focus_heading_within(frames - 1)),
        _ => {}
    }
}
