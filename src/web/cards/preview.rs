//! The live preview: the exported HTML document itself, in a sandboxed frame.

use super::card_edit;
use crate::core::cards::html::render_card_html;
use leptos::prelude::*;

/// `sandbox=""` gives the frame an opaque origin and no scripts, forms or popups, so even a
/// rendering bug could not run anything; the document is the one "Download HTML" saves.
#[component]
pub fn Preview() -> impl IntoView {
    let edit = card_edit();
    let html = Memo::new(move |_| edit.card.with(render_card_html));
    view! {
        <iframe class="card-preview-frame" sandbox="" title="Preview of the exported model card"
            srcdoc=move || html.get()></iframe>
    }
}
