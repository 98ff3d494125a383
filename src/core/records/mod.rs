//! What every stored record shares, whatever its feature: the collection with tombstones and
//! last-writer-wins merge, merging imports by id, the registry traits, the workspace file's
//! envelope, local-storage values and schema migrations. Imports only `text`.

pub mod collection;
pub mod document;
pub mod merge;
pub mod migrate;
pub mod registry;
pub mod stored;
