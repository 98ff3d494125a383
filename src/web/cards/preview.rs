//! The live preview: the exported HTML document itself, in a frame that runs nothing, patched
//! in place on every change.
//!
//! Setting `srcdoc` on each keystroke made a new document each time (~100 ms in Chromium
//! however small the change) and scrolled it to its top. Instead the frame loads the page once,
//! and each change parses the newly rendered page (the same string "Download HTML" saves) and
//! replaces only the top-level parts of the body that differ, so the frame keeps its scroll
//! position and the document stays equal to the download.
//!
//! `sandbox="allow-same-origin"` (never `allow-scripts`) lets this page reach the frame's
//! document; without `allow-scripts` nothing in the frame can run, and the app's CSP (which
//! the frame inherits) allows no inline script either.

use super::card_edit;
use super::follow::{Follow, field_of, listen, mark};
use crate::core::cards::fields::Field;
use crate::core::cards::html::render_card_html;
use leptos::html::Iframe;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, SupportedType};

/// The frame's document, once it has loaded the page (before that it is an empty one).
fn frame_document(frame: &web_sys::HtmlIFrameElement) -> Option<Document> {
    frame
        .content_document()
        .filter(|doc| doc.body().is_some_and(|b| b.child_element_count() > 0))
}

/// The children of an element, as a list.
fn children(parent: &Element) -> Vec<Element> {
    let list = parent.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Makes the frame's document equal to `html`, replacing only the body's top-level parts that
/// differ (and the title). `None` when the frame's document cannot be reached. The markup is
/// the core's renderer's (every user text escaped by maud), parsed as `srcdoc` would parse it;
/// nothing here builds markup from strings.
fn patch(frame: &web_sys::HtmlIFrameElement, html: &str) -> Option<()> {
    let doc = frame_document(frame)?;
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let (body, new_body) = (doc.body()?, parsed.body()?);
    let (old, new) = (children(&body), children(&new_body));
    if old.len() == new.len() {
        for (shown, wanted) in old.iter().zip(&new) {
            if !shown.is_equal_node(Some(wanted)) {
                let imported = doc.import_node_with_deep(wanted, true).ok()?;
                shown.replace_with_with_node_1(&imported).ok()?;
            }
        }
    } else {
        while let Some(child) = body.first_child() {
            body.remove_child(&child).ok()?;
        }
        // The renderer writes no text between the body's elements, so its elements are all.
        for element in new {
            body.append_child(&doc.import_node_with_deep(&element, true).ok()?)
                .ok()?;
        }
    }
    if doc.title() != parsed.title() {
        doc.set_title(&parsed.title());
    }
    Some(())
}

#[component]
pub fn Preview() -> impl IntoView {
    let edit = card_edit();
    let html = Memo::new(move |_| edit.card.with(render_card_html));
    let frame = NodeRef::<Iframe>::new();
    let follow = StoredValue::new(Follow::default());
    // The field the author is in (focus or typing), to bring its entry into view.
    let current = StoredValue::new(None::<Field>);
    let show_current = move || {
        if let (Some(frame), Some(field)) = (frame.get_untracked(), current.get_value()) {
            follow.update_value(|f| Follow::show(f, &frame, field));
        }
    };
    let on_focus = window_event_listener(leptos::ev::focusin, move |event| {
        let field = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| field_of(&e.id()));
        if field.is_some() {
            current.set_value(field);
            show_current();
        }
    });
    on_cleanup(move || on_focus.remove());
    // What the frame shows (its srcdoc, then every patch), to bring a late load up to date.
    let shown = StoredValue::new(html.get_untracked());
    let update = move || {
        let Some(frame) = frame.get_untracked() else {
            return;
        };
        let wanted = html.get_untracked();
        if shown.with_value(|s| *s == wanted) {
            return;
        }
        let frame: web_sys::HtmlIFrameElement = frame.unchecked_into();
        if patch(&frame, &wanted).is_some() {
            shown.set_value(wanted);
            show_current();
            if let Some(field) = current.get_value() {
                mark(&frame, field);
            }
        } else if frame_document(&frame).is_none() {
            // Not loaded yet: the load handler patches it to the latest page.
        } else {
            frame.set_srcdoc(&wanted);
            shown.set_value(wanted);
        }
    };
    Effect::new(move |_| {
        html.track();
        update();
    });
    view! {
        <iframe node_ref=frame class="card-preview-frame" sandbox="allow-same-origin"
            title="Preview of the exported model card"
            srcdoc=shown.get_value()
            on:load=move |_| {
                if let Some(f) = frame.get_untracked() {
                    listen(&f, move || follow.update_value(Follow::scrolled));
                }
                update();
            }></iframe>
    }
}
