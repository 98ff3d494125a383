//! Whether the app has panicked: a leaf, so that the panic hook sets it and the storage seam
//! reads it without either importing the other.

use std::sync::atomic::{AtomicBool, Ordering};

static POISONED: AtomicBool = AtomicBool::new(false);

/// True once the app has panicked; the storage seam then refuses every write.
pub fn is_poisoned() -> bool {
    POISONED.load(Ordering::SeqCst)
}

/// Stops every later write, for good (until the page is loaded again).
pub fn poison() {
    POISONED.store(true, Ordering::SeqCst);
}
