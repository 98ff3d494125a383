//! Model cards (lesson section 2.1): the list, the editor with its live preview, and the
//! HTML, JSON and Hugging Face README exports and imports.

mod changes;
mod composite;
mod editor;
mod export;
mod follow;
mod formats;
mod import_card;
mod imported_readme;
mod inputs;
mod list;
mod list_fields;
mod preview;
mod results_editor;

pub use changes::CardChanges;
pub use editor::CardEditor;
pub use list::CardsPage;

use crate::core::cards::card::CardRecord;
use crate::core::cards::card::ModelCard;
use crate::core::cards::checks::{Problem, problems};
use crate::web::storage::Store;
use leptos::prelude::*;

/// The card being edited, shared with every field editor through context: one memo of the
/// card and one of its problems, so each keystroke checks the card once.
#[derive(Clone, Copy)]
pub struct CardEdit {
    store: Store,
    id: StoredValue<String>,
    pub card: Memo<ModelCard>,
    pub problems: Memo<Vec<Problem>>,
}

impl CardEdit {
    fn new(store: Store, id: String) -> Self {
        let key = id.clone();
        let card = Memo::new(move |_| {
            store
                .collection::<CardRecord>()
                .with(|c| c.get(&key).map(|r| r.card.clone()).unwrap_or_default())
        });
        CardEdit {
            store,
            id: StoredValue::new(id),
            card,
            problems: Memo::new(move |_| card.with(problems)),
        }
    }

    /// The id of the card being edited.
    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// Changes the card and stamps its time of change; the store saves it shortly after.
    pub fn edit(&self, change: impl FnOnce(&mut ModelCard)) {
        let id = self.id.get_value();
        self.store
            .update_record::<CardRecord>(&id, |record| change(&mut record.card));
    }
}

/// The context's card editor (every field component runs inside [`CardEditor`]).
fn card_edit() -> CardEdit {
    expect_context::<CardEdit>()
}
