//! What happens when the app itself fails: saving stops for good (so a broken state can never
//! overwrite good data) and a plain overlay offers a reload and the last saved data.
//!
//! The overlay is built with bare DOM calls and plain links, because after a panic neither the
//! reactive system nor any Rust event handler can be trusted to run.

use crate::web::poison::poison;
use wasm_bindgen::JsCast;

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        poison();
        web_sys::console::error_1(&format!("MLOps Governance Workbench stopped: {info}").into());
        show_overlay();
    }));
}

/// The panic drill's button (see the `panic-drill` feature); nothing in a normal build.
#[cfg(feature = "panic-drill")]
pub fn drill_button() -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! {
        <button type="button" id="panic-drill" class="button" on:click=|_| panic!("panic drill")>"Trigger a test panic"</button>
    }
}

#[cfg(not(feature = "panic-drill"))]
pub fn drill_button() -> impl leptos::IntoView {}

fn show_overlay() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let element = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(overlay) = element("div", "crash-overlay", "") else {
        return;
    };
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("aria-labelledby", "crash-title");
    let Some(panel) = element("div", "crash-panel", "") else {
        return;
    };
    if let Some(title) = element("h2", "", "Something went wrong in the workbench") {
        title.set_id("crash-title");
        let _ = panel.append_child(&title);
    }
    if let Some(text) = element(
        "p",
        "",
        "Saving has stopped so nothing can be damaged. Your data as last saved is still in this browser. Reload the page to continue, or download the last saved data first.",
    ) {
        let _ = panel.append_child(&text);
    }
    if let Some(reload) = element("a", "button primary", "Reload") {
        let _ = reload.set_attribute("href", &reload_href());
        let _ = panel.append_child(&reload);
    }
    if let (Some(url), Some(download)) = (
        last_saved_data_url(),
        element("a", "button", "Download last saved data"),
    ) {
        let _ = download.set_attribute("href", &url);
        let _ = download.set_attribute("download", "mlops-workbench-last-saved.json");
        let _ = panel.append_child(&download);
    }
    let _ = overlay.append_child(&panel);
    let _ = body.append_child(&overlay);
    if let Ok(focusable) = overlay.query_selector("a")
        && let Some(first) = focusable.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = first.focus();
    }
}

/// The page's own address with a fresh query, so following it loads the document anew (a link
/// that differs only in its fragment would not reload) and returns to the same page.
fn reload_href() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    format!("{path}?reload={}{hash}", js_sys::Date::now() as u64)
}

/// Every stored string of the app, exactly as stored, as one JSON object in a blob URL.
fn last_saved_data_url() -> Option<String> {
    let raw = crate::web::storage::raw_app_entries();
    crate::web::files::text_url(
        &serde_json::to_string_pretty(&raw).ok()?,
        "application/json",
    )
}
