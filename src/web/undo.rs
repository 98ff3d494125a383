//! One "Undo" at a time for destructive actions, instead of a confirm dialog: the action
//! happens at once and a toast offers to take it back.

use crate::core::records::collection::Record;
use crate::web::clock::now;
use leptos::prelude::*;
use std::sync::Arc;

/// The restore action is a plain closure, not a reactive `Callback`: a callback would belong
/// to the component that offered it (a list row, say), which is gone once the row is deleted.
#[derive(Clone)]
pub struct UndoEntry {
    pub message: String,
    pub restore: Arc<dyn Fn() + Send + Sync>,
}

/// The pending undo, shared through context.
#[derive(Clone, Copy)]
pub struct Undo(RwSignal<Option<UndoEntry>>);

impl Undo {
    pub fn new() -> Self {
        Undo(RwSignal::new(None))
    }

    /// Offers to undo the action just done; replaces any older offer.
    pub fn offer(&self, message: String, restore: impl Fn() + Send + Sync + 'static) {
        self.0.set(Some(UndoEntry {
            message,
            restore: Arc::new(restore),
        }));
    }

    /// Offers to bring back a deleted record. It comes back as changed now, newer than its
    /// tombstone, so other tabs take it back too; `put_back` adds it to its collection.
    pub fn offer_restore<T: Record + Send + Sync + 'static>(
        &self,
        message: String,
        removed: T,
        put_back: impl Fn(T) + Send + Sync + 'static,
    ) {
        self.offer(message, move || put_back(removed.with_updated_at(now())));
    }
}

/// The toast that shows the pending undo.
#[component]
pub fn UndoToast() -> impl IntoView {
    let undo = expect_context::<Undo>();
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || {
                undo.0.get().map(|entry| {
                    let restore = entry.restore.clone();
                    view! {
                        <div class="toast">
                            <span>{entry.message}</span>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    restore();
                                    undo.0.set(None);
                                }
                            >
                                "Undo"
                            </button>
                            <button type="button" class="button quiet" on:click=move |_| undo.0.set(None)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
