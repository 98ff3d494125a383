//! The preview follows the author: when a field of the form gets focus or changes, its entry
//! in the preview scrolls into view, unless the author scrolled the preview in the last few
//! seconds; a click on an entry in the preview moves focus to its field.
//!
//! The frame is same-origin with no scripts of its own (see `preview.rs`): the listeners are
//! this page's, added to the frame's document. Entries are found by the `data-field` the
//! renderer writes on each `dt`/`dd`. Nothing is announced: scrolling is silent.

use super::list_fields::focus_later;
use crate::core::cards::fields::{Field, SECTIONS};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlIFrameElement};

/// How long after the author's own scroll of the preview it is left alone.
const HANDS_OFF_MS: f64 = 3000.0;

/// The field whose editor has this element id (`card-primary_use_cases-25` → the list).
pub fn field_of(id: &str) -> Option<Field> {
    let rest = id.strip_prefix("card-")?;
    SECTIONS
        .iter()
        .flat_map(|s| s.fields.iter().copied())
        .filter(|f| rest == f.key() || rest.starts_with(&format!("{}-", f.key())))
        .max_by_key(|f| f.key().len())
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// When the author last scrolled the preview, and whether the next scroll event is ours.
#[derive(Clone, Copy)]
pub struct Follow {
    user_scrolled_at: f64,
    ours: bool,
}

impl Default for Follow {
    /// Never scrolled by the author (the page's clock starts at 0 when it loads).
    fn default() -> Self {
        Follow {
            user_scrolled_at: f64::NEG_INFINITY,
            ours: false,
        }
    }
}

impl Follow {
    /// Scrolls the field's entry into view in the frame, if the author has not just scrolled.
    pub fn show(state: &mut Follow, frame: &HtmlIFrameElement, field: Field) {
        if now() - state.user_scrolled_at < HANDS_OFF_MS {
            return;
        }
        let Some(doc) = frame.content_document() else {
            return;
        };
        let selector = format!("dd[data-field=\"{}\"]", field.key());
        let Ok(Some(entry)) = doc.query_selector(&selector) else {
            return;
        };
        let (Some(win), rect) = (frame.content_window(), entry.get_bounding_client_rect()) else {
            return;
        };
        let height = win
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if rect.top() >= 0.0 && rect.bottom() <= height {
            return;
        }
        let target = win.scroll_y().unwrap_or(0.0) + rect.top() - 48.0;
        state.ours = true;
        win.scroll_to_with_x_and_y(0.0, target.max(0.0));
    }

    /// A scroll event of the frame: the author's own unless this page just scrolled it.
    pub fn scrolled(state: &mut Follow) {
        if state.ours {
            state.ours = false;
        } else {
            state.user_scrolled_at = now();
        }
    }
}

/// Listens to the frame's document once it has loaded: scrolls (whose are they) and clicks
/// on an entry (focus its field). The listeners live as long as the frame's document.
pub fn listen(frame: &HtmlIFrameElement, on_scroll: impl Fn() + 'static) {
    let (Some(doc), Some(win)) = (frame.content_document(), frame.content_window()) else {
        return;
    };
    let scroll = Closure::<dyn Fn()>::new(on_scroll);
    let _ = win.add_event_listener_with_callback("scroll", scroll.as_ref().unchecked_ref());
    scroll.forget();
    let click = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        // The target belongs to the frame's realm, where `instanceof` this page's `Element`
        // is false: the cast is unchecked, and `closest` answers an error for a non-element.
        let entry = event
            .target()
            .map(|t| t.unchecked_into::<Element>())
            .and_then(|e| e.closest("[data-field]").ok().flatten());
        let field = entry
            .and_then(|e| e.get_attribute("data-field"))
            .and_then(|key| field_of(&format!("card-{key}")));
        if let Some(field) = field {
            focus_later(field.element_id());
        }
    });
    let _ = doc.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
}

/// Marks the field's entry in the preview for a moment, with the CSS Custom Highlight API:
/// the mark is a highlight range, not a change of the document, so the preview stays equal to
/// the download. Browsers without the API show no mark. The style is the card page's own
/// (`::highlight(changed)`), static, so there is no animation to reduce.
pub fn mark(frame: &HtmlIFrameElement, field: Field) -> Option<()> {
    use js_sys::{Array, Function, Reflect};
    let (doc, win) = (frame.content_document()?, frame.content_window()?);
    let selector = format!("dd[data-field=\"{}\"]", field.key());
    let entry = doc.query_selector(&selector).ok()??;
    let range = doc.create_range().ok()?;
    range.select_node_contents(&entry).ok()?;
    let constructor: Function = Reflect::get(&win, &"Highlight".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let highlight = Reflect::construct(&constructor, &Array::of1(&range)).ok()?;
    let css = Reflect::get(&win, &"CSS".into()).ok()?;
    let highlights = Reflect::get(&css, &"highlights".into()).ok()?;
    let method = |name: &str| -> Option<Function> {
        Reflect::get(&highlights, &name.into())
            .ok()?
            .dyn_into()
            .ok()
    };
    method("set")?
        .call2(&highlights, &"changed".into(), &highlight)
        .ok()?;
    let clear = method("delete")?;
    let target = highlights.clone();
    let later = Closure::once_into_js(move || {
        let _ = clear.call1(&target, &"changed".into());
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 1500)
        .ok()?;
    Some(())
}
