//! Moving between pages and naming them: the hash route, and the document title. Shared by
//! every page and the shell; imports no page.

use crate::route::Route;
use leptos::prelude::*;

/// The page title when no page sets its own.
pub const TITLE: &str = "MLOps Governance Workbench";

/// The page the URL fragment names now.
pub fn current_route() -> Route {
    Route::parse(&location_hash().unwrap_or_default())
}

/// Moves to a page by changing the URL fragment (the `hashchange` listener renders it).
pub fn go_to(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Keeps the document title at `title()` while the calling page is shown, and puts the
/// app's own title back when it goes.
pub fn page_title(title: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| document().set_title(&title()));
    on_cleanup(|| document().set_title(TITLE));
}
