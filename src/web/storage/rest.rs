//! The collections the first page does not need, decoded when another page first needs them
//! (or as soon as the first page shows). The call goes through a split point: every record
//! type's decoder is in the chunk of code behind it, not in the main module.

use super::store::Store;
use crate::web::split::call_split;
use leptos::wasm_split::SplitLoaderError;

impl Store {
    /// Decodes every collection not decoded yet, once the code to decode them has arrived
    /// (at once without the `split` feature). Every page but the first awaits it; an error
    /// means the code could not be fetched, and a later call tries again.
    pub async fn decode_rest(self) -> Result<(), SplitLoaderError> {
        call_split!(decode_rest_in_chunk(self))
    }
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(records, wasm_split_path = ::leptos::wasm_split, fallible))]
fn decode_rest_in_chunk(store: Store) -> Result<(), SplitLoaderError> {
    store.decode_all();
    Ok(())
}
