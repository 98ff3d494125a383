//! Every page of the app by route, each feature's pages in a chunk of code of their own.
//!
//! The first page (the maturity assessments) is in the main module. With the `split` feature
//! (the release build, scripts/build.mjs), every other feature is a split point: its code is
//! cut out of the main wasm into a chunk that is fetched the first time one of its pages is
//! shown, so the first page needs only the main module. Every page but the first also awaits
//! the other collections' decoders (`Store::decode_rest`), since the first page decodes only
//! the assessments. Without the feature (`trunk serve`, the wasm tests) the same functions are
//! plain calls.

use crate::route::Route;
use crate::web::assessments::{AssessmentEditor, AssessmentList};
use crate::web::cards::{CardChanges, CardEditor, CardsPage};
use crate::web::checklists::{ChecklistEditor, ChecklistList};
use crate::web::data_page::DataPage;
use crate::web::debt::DebtPage;
use crate::web::lifecycle::{ApprovalPage, ApprovalsPage, AuditPage, ReviewPage, TeamsPage};
use crate::web::split::call_split;
use crate::web::storage::Store;
use crate::web::workshop::{ComparePage, HistoryPage, SharedAssessment, WorkshopPage};
use leptos::prelude::*;

/// A feature behind a split point: one chunk of code each.
#[derive(Debug, Clone, Copy)]
enum Feature {
    Assessment,
    Workshop,
    Comparison,
    Shared,
    Cards,
    CardEditor,
    Approvals,
    Checklists,
    Debt,
    Data,
}

/// The feature of `route`; `None` for the first page, which is in the main module.
fn feature(route: &Route) -> Option<Feature> {
    Some(match route {
        Route::Assessments | Route::NotFound(_) => return None,
        Route::Assessment(_) => Feature::Assessment,
        Route::Workshop => Feature::Workshop,
        Route::History(_) | Route::Compare(_) => Feature::Comparison,
        Route::Shared(..) => Feature::Shared,
        Route::Cards | Route::CardChanges(..) | Route::Audits(_) => Feature::Cards,
        Route::Card(_) => Feature::CardEditor,
        Route::Approvals | Route::Approval(_) | Route::Review | Route::Teams => Feature::Approvals,
        Route::Checklists | Route::Checklist(_) => Feature::Checklists,
        Route::Debt => Feature::Debt,
        Route::Data => Feature::Data,
    })
}

/// The page of `route`: at once for the first page, else once its feature's code is loaded
/// (at once too when it was loaded before), with a plain message while it loads or if it
/// cannot be loaded.
pub fn page(route: Route) -> AnyView {
    let Some(feature) = feature(&route) else {
        return start_page(route);
    };
    let store = Store::expect();
    // Bumped by "Try again", which runs the load once more.
    let attempt = RwSignal::new(0_u32);
    view! {
        <Suspense fallback=|| view! { <p class="boot-message" role="status">"Loading this page…"</p> }>
            {move || {
                attempt.track();
                let route = route.clone();
                Suspend::new(send_wrapper::SendWrapper::new(async move {
                    load(store, feature, route)
                        .await
                        .unwrap_or_else(|NotLoaded| not_loaded(attempt))
                }))
            }}
        </Suspense>
    }
    .into_any()
}

/// A feature's code could not be fetched (offline before the app was kept, or a server error).
#[derive(Debug)]
struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

fn not_loaded(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <h1>"This page could not be loaded"</h1>
        <div class="notice error" role="alert">
            <p>"Its part of the app did not arrive: the connection may be down. Your saved work is not affected."</p>
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                "Try again"
            </button>
        </div>
    }
    .into_any()
}

fn start_page(route: Route) -> AnyView {
    match route {
        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
        _ => view! { <AssessmentList /> }.into_any(),
    }
}

/// Every collection decoded (the first page decodes only its own), then the feature's code,
/// which is fetched meanwhile; then the code of the page opened next, if one nearly always is.
async fn load(store: Store, feature: Feature, route: Route) -> Result<AnyView, NotLoaded> {
    #[cfg(feature = "split")]
    start_fetching(feature);
    store.decode_rest().await?;
    let page = match feature {
        Feature::Assessment => call_split!(assessment_pages(route)),
        Feature::Workshop => call_split!(workshop_page(route)),
        Feature::Comparison => call_split!(comparison_pages(route)),
        Feature::Shared => call_split!(shared_page(route)),
        Feature::Cards => call_split!(card_pages(route)),
        Feature::CardEditor => call_split!(card_editor_page(route)),
        Feature::Approvals => call_split!(approval_pages(route)),
        Feature::Checklists => call_split!(checklist_pages(route)),
        Feature::Debt => call_split!(debt_pages(route)),
        Feature::Data => call_split!(data_pages(route)),
    };
    #[cfg(feature = "split")]
    if let (Ok(_), Some(next)) = (&page, opened_next(feature)) {
        start_fetching(next);
    }
    page
}

/// Starts fetching a feature's code while the other collections' decoders arrive. A load in
/// flight is shared, so the page's own call waits for this one; a failure is left to that
/// call, which tries again and says so.
#[cfg(feature = "split")]
fn start_fetching(feature: Feature) {
    leptos::task::spawn_local(async move {
        let _ = match feature {
            Feature::Assessment => preload_assessment().await,
            Feature::Workshop => preload_workshop().await,
            Feature::Comparison => preload_comparison().await,
            Feature::Shared => preload_shared().await,
            Feature::Cards => preload_cards().await,
            Feature::CardEditor => preload_card_editor().await,
            Feature::Approvals => preload_approvals().await,
            Feature::Checklists => preload_checklists().await,
            Feature::Debt => preload_debt().await,
            Feature::Data => preload_data().await,
        };
    });
}

/// The feature a page's users nearly always open next, whose code is fetched as soon as the
/// page's own has arrived: the card list is where authors start, and they go on to a card.
#[cfg(feature = "split")]
fn opened_next(feature: Feature) -> Option<Feature> {
    match feature {
        Feature::Cards => Some(Feature::CardEditor),
        _ => None,
    }
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(assessment, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_assessment)))]
fn assessment_pages(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::Assessment(id) => view! { <AssessmentEditor id=id /> }.into_any(),
        other => start_page(other),
    })
}

/// The workshop room. A team's history and the comparison of assessments, opened from the
/// assessments, and an assessment shared by a link are apart from it: each is a split point of
/// its own, so that none waits for the others' code.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(workshop, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_workshop)))]
fn workshop_page(_route: Route) -> Result<AnyView, NotLoaded> {
    Ok(view! { <WorkshopPage /> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(comparison, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_comparison)))]
fn comparison_pages(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::History(team) => view! { <HistoryPage team=team /> }.into_any(),
        Route::Compare(ids) => view! { <ComparePage ids=ids /> }.into_any(),
        other => start_page(other),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(shared, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_shared)))]
fn shared_page(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::Shared(version, payload) => {
            view! { <SharedAssessment version=version payload=payload /> }.into_any()
        }
        other => start_page(other),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(cards, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_cards)))]
fn card_pages(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::CardChanges(old, new) => view! { <CardChanges old=old new=new /> }.into_any(),
        Route::Audits(card) => view! { <AuditPage card_id=card /> }.into_any(),
        _ => view! { <CardsPage /> }.into_any(),
    })
}

/// The card editor on its own, apart from the list: its form and live preview are most of the
/// cards' code, and the list is where authors start.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(card_editor, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_card_editor)))]
fn card_editor_page(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::Card(id) => view! { <CardEditor id=id /> }.into_any(),
        other => start_page(other),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(approvals, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_approvals)))]
fn approval_pages(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::Approval(id) => view! { <ApprovalPage id=id /> }.into_any(),
        Route::Review => view! { <ReviewPage /> }.into_any(),
        Route::Teams => view! { <TeamsPage /> }.into_any(),
        _ => view! { <ApprovalsPage /> }.into_any(),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(checklists, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_checklists)))]
fn checklist_pages(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::Checklist(id) => view! { <ChecklistEditor id=id /> }.into_any(),
        _ => view! { <ChecklistList /> }.into_any(),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(debt, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_debt)))]
fn debt_pages(_route: Route) -> Result<AnyView, NotLoaded> {
    Ok(view! { <DebtPage /> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(data, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_data)))]
fn data_pages(_route: Route) -> Result<AnyView, NotLoaded> {
    Ok(view! { <DataPage /> }.into_any())
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
