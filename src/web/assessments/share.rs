//! "Share by link" on an assessment: the whole assessment in the URL fragment, which browsers
//! never send to a server. Long notes can make the link too long for some chat tools; then
//! the file is offered instead.

use super::export::download_json;
use crate::core::maturity::assessment::Assessment;
use crate::core::workshop::share_link;
use leptos::prelude::*;

/// The app's address without its fragment, so the link opens this same deployment.
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

#[component]
pub fn SharePanel(assessment: Memo<Option<Assessment>>) -> impl IntoView {
    // The link is encoded only while the panel is open, not on every keystroke in the editor.
    let open = RwSignal::new(false);
    let link = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        assessment.with(|a| {
            a.as_ref()
                .map(|a| format!("{}{}", page_address(), share_link::fragment(a)))
                .unwrap_or_default()
        })
    });
    let status = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = link.get_untracked();
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            status.set(Some(if copied {
                "Copied. Anyone who opens the link sees this assessment read-only and can save it."
                    .to_owned()
            } else {
                "The browser did not allow copying: select the link above and copy it.".to_owned()
            }));
        });
    };
    let download = move |_| {
        if let Some(a) = assessment.get_untracked() {
            status.set(download_json(&a).err());
        }
    };
    view! {
        <details class="panel share no-print" on:toggle=move |ev| {
            open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"));
        }>
            <summary>"Share by link"</summary>
            <div class="field">
                <label for="share-link">"Link to this assessment"</label>
                <input id="share-link" type="text" readonly prop:value=move || link.get()
                    aria-describedby="share-link-size" on:focus=|ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.select();
                    } />
            </div>
            <p id="share-link-size" class="hint">
                {move || {
                    let text = link.get();
                    share_link::too_long_message(&text).unwrap_or_else(|| format!(
                        "{} characters. Links up to {} characters pass through common chat and e-mail tools.",
                        text.chars().count(), share_link::LINK_SOFT_LIMIT
                    ))
                }}
            </p>
            <button type="button" class="button" on:click=copy>"Copy link"</button>
            " "
            <button type="button" class="button" on:click=download>"Download as a file"</button>
            <p role="status">{move || status.get()}</p>
        </details>
    }
}
