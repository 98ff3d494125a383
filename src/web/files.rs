//! Downloads and uploads: the one seam between the app and the user's files.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// An object URL for `text` as a file of type `mime` (revoked by the caller, or when the
/// page closes).
pub fn text_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The download could not start ({what}).");
    let url = text_url(text, mime).ok_or_else(|| fail("file"))?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(|| fail("page"))?;
    let _ = body.append_child(&anchor);
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Reads a user-chosen file as UTF-8 text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| {
        format!(
            "The file \u{201c}{}\u{201d} could not be read.",
            file.name()
        )
    })?;
    text.as_string()
        .ok_or_else(|| format!("The file \u{201c}{}\u{201d} is not text.", file.name()))
}

/// The file chosen in a file input. The input is cleared, so the same file can be chosen
/// again after a fix.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = leptos::prelude::event_target(ev);
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The first file of a drop; the browser's own handling (opening the file) is prevented.
pub fn dropped_file(ev: &leptos::ev::DragEvent) -> Option<web_sys::File> {
    ev.prevent_default();
    ev.data_transfer()
        .and_then(|d| d.files())
        .and_then(|files| files.get(0))
}
