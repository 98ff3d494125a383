//! The one registry of collections: one record of every collection survives merge, replace,
//! the workspace file and a storage round trip. The sample is the golden file of the current
//! schema version, and the test first checks it has a record of every collection, so a
//! collection added to the registry without a fixture (or forgotten on a path) fails here.

mod common;
use common::{at, ids, load};
use mlops_governance_workbench::core::records::collection::Collection;
use mlops_governance_workbench::core::records::migrate::SCHEMA_VERSION;
use mlops_governance_workbench::core::records::registry::{Stored, Visit, VisitPair};
use mlops_governance_workbench::core::records::stored::encode_collection;
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::file::{export_document, parse_document};
use mlops_governance_workbench::core::workspace::load::collection_keys;
use mlops_governance_workbench::core::workspace::merge::{merge, replace};

/// The golden workspace of the current schema version.
fn sample() -> Workspace {
    let path = format!(
        "{}/tests/fixtures/workspace-v{SCHEMA_VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    parse_document(&text).unwrap()
}

/// The collections of `workspace` that hold no record.
fn empty_collections(workspace: &Workspace) -> Vec<&'static str> {
    struct Empty(Vec<&'static str>);
    impl Visit for Empty {
        fn visit<T: Stored>(&mut self, collection: &Collection<T>) {
            if collection.items.is_empty() {
                self.0.push(T::COLLECTION.key);
            }
        }
    }
    let mut empty = Empty(Vec::new());
    workspace.visit(&mut empty);
    empty.0
}

/// The collections whose records differ between two workspaces, each with what differs.
fn differences(expected: &Workspace, actual: &Workspace) -> Vec<String> {
    struct Compare(Vec<String>);
    impl VisitPair for Compare {
        fn visit<T: Stored>(&mut self, expected: &mut Collection<T>, actual: &Collection<T>) {
            if expected.items != actual.items {
                self.0.push(format!(
                    "{}: {} records expected, {} found, or their content differs",
                    T::COLLECTION.key,
                    expected.items.len(),
                    actual.items.len()
                ));
            }
        }
    }
    let mut compare = Compare(Vec::new());
    expected.clone().visit_pair(actual, &mut compare);
    compare.0
}

#[test]
fn the_sample_has_a_record_of_every_collection() {
    let sample = sample();
    let empty = empty_collections(&sample);
    assert!(
        empty.is_empty(),
        "tests/fixtures/workspace-v{SCHEMA_VERSION}.json has no record of {empty:?}: a new collection needs a schema version and a fixture with one record"
    );
}

#[test]
fn each_collection_key_is_its_field_in_the_workspace_file() {
    let value = serde_json::to_value(Workspace::default()).unwrap();
    let fields: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(fields, collection_keys());
}

#[test]
fn merge_into_an_empty_workspace_keeps_every_record() {
    let sample = sample();
    let (merged, report) = merge(&Workspace::default(), &sample, ids("new"), at(0));
    assert_eq!(differences(&sample, &merged), Vec::<String>::new());
    assert_eq!(report.unchanged + report.kept_both, 0);
    // Merging again changes nothing and adds nothing.
    let (again, report) = merge(&merged, &sample, ids("new"), at(1));
    assert_eq!(differences(&sample, &again), Vec::<String>::new());
    assert_eq!(report.added + report.kept_both, 0);
}

#[test]
fn replace_keeps_every_record_and_tombstones_every_collection() {
    let sample = sample();
    let replaced = replace(&Workspace::default(), &sample, at(0));
    assert_eq!(differences(&sample, &replaced), Vec::<String>::new());
    let emptied = replace(&sample, &Workspace::default(), at(1));
    struct Tombstoned(Vec<&'static str>);
    impl VisitPair for Tombstoned {
        fn visit<T: Stored>(&mut self, before: &mut Collection<T>, after: &Collection<T>) {
            if after.deleted.len() != before.items.len() || !after.items.is_empty() {
                self.0.push(T::COLLECTION.key);
            }
        }
    }
    let mut missing = Tombstoned(Vec::new());
    sample.clone().visit_pair(&emptied, &mut missing);
    assert_eq!(
        missing.0,
        Vec::<&str>::new(),
        "no tombstones for these collections"
    );
}

#[test]
fn the_workspace_file_keeps_every_record() {
    let sample = sample();
    let text = export_document(&sample, "test", at(0));
    assert_eq!(
        differences(&sample, &parse_document(&text).unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn a_storage_round_trip_keeps_every_record() {
    let sample = sample();
    struct Encode(Vec<(&'static str, Option<String>)>);
    impl Visit for Encode {
        fn visit<T: Stored>(&mut self, collection: &Collection<T>) {
            let text = encode_collection(collection, &[], 1, at(0));
            self.0.push((T::COLLECTION.key, Some(text)));
        }
    }
    let mut stored = Encode(Vec::new());
    sample.visit(&mut stored);
    let outcome = load(None, &stored.0);
    assert!(outcome.damaged.is_empty() && outcome.quarantined.is_empty());
    assert_eq!(
        differences(&sample, &outcome.workspace),
        Vec::<String>::new()
    );
    assert_eq!(
        outcome
            .revisions
            .iter()
            .map(|(k, _)| *k)
            .collect::<Vec<_>>(),
        collection_keys()
    );
}

#[test]
fn the_comparison_notices_a_dropped_record() {
    let sample = sample();
    let mut dropped = sample.clone();
    dropped.audits.items.clear();
    assert_eq!(differences(&sample, &dropped).len(), 1);
    assert!(differences(&sample, &dropped)[0].starts_with("audits:"));
}
