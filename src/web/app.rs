//! The app shell: header and navigation, storage banners, the current page, the undo toast.

use crate::route::Route;
use crate::web::assessments::{AssessmentEditor, AssessmentList};
use crate::web::banners::Banners;
use crate::web::cards::{CardChanges, CardEditor, CardsPage};
use crate::web::checklists::{ChecklistEditor, ChecklistList};
use crate::web::data_page::DataPage;
use crate::web::debt::DebtPage;
use crate::web::lifecycle::{ApprovalPage, ApprovalsPage, AuditPage, ReviewPage, TeamsPage};
use crate::web::nav::current_route;
use crate::web::storage::Store;
use crate::web::undo::{Undo, UndoToast};
use crate::web::workshop::{ComparePage, HistoryPage, SharedAssessment, WorkshopPage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    provide_context(Store::open());
    provide_context(Undo::new());
    let route = RwSignal::new(current_route());
    let listener =
        window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    on_cleanup(move || listener.remove());

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
            {move || match route.get() {
                Route::Assessments => view! { <AssessmentList /> }.into_any(),
                Route::Assessment(id) => view! { <AssessmentEditor id=id /> }.into_any(),
                Route::History(team) => view! { <HistoryPage team=team /> }.into_any(),
                Route::Compare(ids) => view! { <ComparePage ids=ids /> }.into_any(),
                Route::Workshop => view! { <WorkshopPage /> }.into_any(),
                Route::Shared(version, payload) => {
                    view! { <SharedAssessment version=version payload=payload /> }.into_any()
                }
                Route::Cards => view! { <CardsPage /> }.into_any(),
                Route::Checklists => view! { <ChecklistList /> }.into_any(),
                Route::Teams => view! { <TeamsPage /> }.into_any(),
                Route::Approvals => view! { <ApprovalsPage /> }.into_any(),
                Route::Approval(id) => view! { <ApprovalPage id=id /> }.into_any(),
                Route::Review => view! { <ReviewPage /> }.into_any(),
                Route::Audits(card) => view! { <AuditPage card_id=card /> }.into_any(),
                Route::CardChanges(old, new) => view! { <CardChanges old=old new=new /> }.into_any(),
                Route::Checklist(id) => view! { <ChecklistEditor id=id /> }.into_any(),
                Route::Card(id) => view! { <CardEditor id=id /> }.into_any(),
                Route::Debt => view! { <DebtPage /> }.into_any(),
                Route::Data => view! { <DataPage /> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
            }}
        </main>
        <UndoToast />
        {crate::web::panic::drill_button()}
    }
}

fn focus_heading() {
    if let Ok(Some(heading)) = document().query_selector("main h1")
        && let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

#[component]
fn NotFound(path: String) -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at “" {path} "”. "
            <a href=Route::Assessments.href()>"Go to the maturity assessments"</a> "."
        </p>
    }
}
