//! One "Undo" at a time for destructive actions, instead of a confirm dialog: the action
//! happens at once and a toast offers to take it back.

use crate::core::records::registry::Stored;
use crate::web::clock::now;
use crate::web::storage::Store;
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

    /// Deletes a record at once and offers to bring it back: the one delete of every page.
    /// `message` says what was deleted ("Deleted “…”."); the record comes back as changed
    /// now, newer than its tombstone, so other tabs take it back too, and `after_restore`
    /// then runs (an editor goes back to the record).
    pub fn delete<T: Stored>(
        &self,
        store: Store,
        id: &str,
        message: impl FnOnce(&T) -> String,
        after_restore: impl Fn(&T) + Send + Sync + 'static,
    ) {
        let mut removed = None;
        store.edit::<T>(|c| removed = c.remove(id, now()));
        let Some(removed) = removed else { return };
        self.offer(message(&removed), move || {
            let back = removed.with_updated_at(now());
            store.edit::<T>(|c| c.upsert(back.clone()));
            after_restore(&back);
        });
    }

    /// The undo of the app, from context.
    pub fn expect() -> Undo {
        expect_context::<Undo>()
    }
}

/// The toast that shows the pending undo.
#[component]
pub fn UndoToast() -> impl IntoView {
    let undo = Undo::expect();
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
