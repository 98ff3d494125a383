//! Loading local storage never loses data: damaged values and bad records are kept.

mod common;
use common::{assessment, at, load};
use mlops_governance_workbench::core::maturity::assessment::Assessment;
use mlops_governance_workbench::core::records::collection::Collection;
use mlops_governance_workbench::core::records::migrate::SCHEMA_VERSION;
use mlops_governance_workbench::core::records::stored::{
    collection_key, decode_collection, encode_collection, encode_meta, encode_migrated,
    meta_is_current, meta_key, rescue_key, stored_revision,
};
use mlops_governance_workbench::core::workspace::load::{collection_keys, decode, read_values};

const ASSESSMENTS: &str = "assessments";

fn stored(items: &str) -> Vec<(&'static str, Option<String>)> {
    vec![(ASSESSMENTS, Some(items.to_owned()))]
}

fn two_assessments() -> String {
    let mut c = Collection::default();
    c.upsert(assessment("a", "Alpha", 0));
    c.upsert(assessment("b", "Beta", 1));
    encode_collection(&c, &[], 7, at(2))
}

/// The revisions of a store where only the assessments were ever written, at `revision`.
fn only_assessments_at(revision: u64) -> Vec<(&'static str, u64)> {
    collection_keys()
        .into_iter()
        .map(|key| (key, if key == ASSESSMENTS { revision } else { 0 }))
        .collect()
}

#[test]
fn a_clean_store_loads_with_its_revision() {
    let meta = encode_meta("0.1.0", at(0));
    let outcome = load(Some(&meta), &stored(&two_assessments()));
    assert_eq!(outcome.workspace.assessments.items.len(), 2);
    assert_eq!(outcome.revisions, only_assessments_at(7));
    assert!(outcome.damaged.is_empty() && outcome.quarantined.is_empty());
    assert_eq!(outcome.newer_schema, None);
}

#[test]
fn nothing_stored_is_an_empty_workspace() {
    let outcome = load(None, &[(ASSESSMENTS, None)]);
    assert!(outcome.workspace.assessments.items.is_empty());
    assert!(outcome.damaged.is_empty());
}

#[test]
fn a_record_that_does_not_parse_is_quarantined_and_written_back_unchanged() {
    let raw = two_assessments().replace("\"name\":\"Beta\"", "\"name\":42");
    let outcome = load(None, &stored(&raw));
    assert_eq!(outcome.workspace.assessments.items.len(), 1);
    assert_eq!(outcome.quarantined.len(), 1);
    let (_, quarantined) = &outcome.quarantined[0];
    assert_eq!(quarantined.id(), Some("b"));
    assert!(
        quarantined.reason.contains("assessments[1].name"),
        "{}",
        quarantined.reason
    );

    let quarantine: Vec<_> = outcome.quarantined.iter().map(|(_, q)| q.clone()).collect();
    let rewritten = encode_collection(&outcome.workspace.assessments, &quarantine, 8, at(3));
    assert!(rewritten.contains("\"name\":42"));
    let again = decode_collection::<
        mlops_governance_workbench::core::maturity::assessment::Assessment,
    >(&rewritten)
    .unwrap();
    assert_eq!(again.quarantined.len(), 1);
    assert_eq!(again.revision, 8);
}

#[test]
fn a_duplicate_id_in_storage_is_quarantined_not_dropped() {
    let raw = two_assessments().replace("\"id\":\"b\"", "\"id\":\"a\"");
    let outcome = load(None, &stored(&raw));
    assert_eq!(outcome.workspace.assessments.items.len(), 1);
    assert!(
        outcome.quarantined[0]
            .1
            .reason
            .contains("already has the id")
    );
}

#[test]
fn a_value_that_is_not_json_is_damaged_and_kept_raw() {
    let outcome = load(None, &stored("{not json"));
    assert!(outcome.workspace.assessments.items.is_empty());
    assert_eq!(outcome.damaged.len(), 1);
    assert_eq!(outcome.damaged[0].key, collection_key(ASSESSMENTS));
    assert_eq!(outcome.damaged[0].raw, "{not json");
    assert!(
        outcome.damaged[0].reason.contains("line 1, column 2"),
        "{}",
        outcome.damaged[0].reason
    );
    let not_object = load(None, &stored("[]"));
    assert_eq!(not_object.damaged.len(), 1);
    let bad_items = load(None, &stored(r#"{"items": 3}"#));
    assert_eq!(bad_items.damaged[0].reason, "its \"items\" is not a list");
}

#[test]
fn damaged_metadata_is_reported_and_the_collections_still_load() {
    let outcome = load(Some("garbage"), &stored(&two_assessments()));
    assert_eq!(outcome.damaged.len(), 1);
    assert_eq!(outcome.damaged[0].key, meta_key());
    assert_eq!(outcome.workspace.assessments.items.len(), 2);
}

#[test]
fn data_from_a_newer_schema_is_not_read_so_it_is_never_overwritten() {
    let newer = u64::from(SCHEMA_VERSION) + 1;
    let meta = format!(r#"{{"format":"mlops-governance-workbench","schema_version":{newer}}}"#);
    let outcome = load(Some(&meta), &stored(&two_assessments()));
    assert_eq!(outcome.newer_schema, Some(newer));
    assert!(outcome.workspace.assessments.items.is_empty());
}

#[test]
fn revisions_and_keys() {
    assert_eq!(stored_revision(&two_assessments()), 7);
    assert_eq!(stored_revision("nonsense"), 0);
    assert_eq!(
        stored_revision(r#"{"items":[],"revision":12}"#),
        12,
        "not first: parsed"
    );
    assert_eq!(
        stored_revision(r#"{"revision":3,"items":["#),
        3,
        "read from the start"
    );
    assert_eq!(collection_key(ASSESSMENTS), "mlops-workbench:assessments");
    assert_eq!(
        rescue_key(&collection_key(ASSESSMENTS), at(0)),
        "mlops-workbench:rescued:assessments:2026-01-01T00:00:00Z"
    );
}

#[test]
fn data_stored_by_schema_version_1_is_migrated_on_load() {
    let meta =
        r#"{"format":"mlops-governance-workbench","schema_version":1,"app_version":"0.1.0"}"#;
    let outcome = load(
        Some(meta),
        &[
            (ASSESSMENTS, Some(two_assessments())),
            ("debt", None),
            ("cards", None),
            ("checklists", None),
            ("approvals", None),
            ("reviewers", None),
            ("audits", None),
        ],
    );
    assert_eq!(outcome.migrated_from, Some(1));
    assert_eq!(outcome.workspace.assessments.items.len(), 2);
    assert!(outcome.workspace.debt.items.is_empty());
    assert_eq!(outcome.revisions, only_assessments_at(7));
    assert!(outcome.damaged.is_empty());
}

#[test]
fn the_debt_register_has_its_own_key_and_quarantine() {
    let debt = r#"{"revision":2,"items":[
        {"id":"d1","category":"data_debt","description":"ok","impact":"high","effort":"low","created_at":"2024-01-01","updated_at":"2026-01-01T00:00:00Z"},
        {"id":"d2","category":"finance","description":"bad","impact":"high","effort":"low","created_at":"2024-01-01","updated_at":"2026-01-01T00:00:00Z"}]}"#;
    let outcome = load(
        None,
        &[(ASSESSMENTS, None), ("debt", Some(debt.to_owned()))],
    );
    assert_eq!(collection_key("debt"), "mlops-workbench:debt");
    assert_eq!(outcome.workspace.debt.items.len(), 1);
    assert_eq!(outcome.quarantined.len(), 1);
    assert_eq!(outcome.quarantined[0].0.key, "debt");
    assert!(
        outcome.quarantined[0].1.reason.contains("debt[1].category"),
        "{}",
        outcome.quarantined[0].1.reason
    );
}

#[test]
fn metadata_is_rewritten_only_when_it_names_another_version() {
    let meta = encode_meta("0.1.0", at(0));
    assert!(meta_is_current(Some(&meta), "0.1.0"));
    assert!(!meta_is_current(Some(&meta), "0.2.0"));
    assert!(!meta_is_current(None, "0.1.0"));
    assert!(!meta_is_current(Some("garbage"), "0.1.0"));
    let older =
        r#"{"format":"mlops-governance-workbench","schema_version":1,"app_version":"0.1.0"}"#;
    assert!(!meta_is_current(Some(older), "0.1.0"));
}

#[test]
fn values_are_read_and_migrated_first_and_decoded_one_collection_at_a_time() {
    let meta =
        r#"{"format":"mlops-governance-workbench","schema_version":5,"app_version":"0.1.0"}"#;
    let old = two_assessments().replace(",\"instrument\":\"maturity\"", "");
    assert_ne!(
        old,
        two_assessments(),
        "the fixture must lack the version 6 field"
    );
    let mut values = read_values(
        Some(meta),
        &[
            (ASSESSMENTS, Some(old.clone())),
            ("debt", Some("[]".into())),
        ],
    );
    assert_eq!(values.migrated_from, Some(5));
    assert_eq!(
        values.damaged.len(),
        1,
        "a value that is not an object is damaged at once"
    );
    assert_eq!(values.damaged[0].key, collection_key("debt"));

    // Not decoded yet: the value as migrated, the stored text kept for a rescue copy.
    let undecoded = values
        .take(ASSESSMENTS)
        .expect("the assessments were stored");
    assert_eq!(undecoded.raw, old);
    assert_eq!(undecoded.value["items"][0]["instrument"], "maturity");
    let opened = decode::<Assessment>(Some(undecoded));
    assert_eq!(opened.decoded.collection.items.len(), 2);
    assert_eq!(opened.damaged, None);
    assert!(values.take(ASSESSMENTS).is_none());
}

#[test]
fn a_value_that_decodes_badly_is_damaged_with_its_stored_text() {
    let raw = r#"{"revision":2,"items":7}"#;
    let mut values = read_values(None, &[(ASSESSMENTS, Some(raw.to_owned()))]);
    let opened = decode::<Assessment>(values.take(ASSESSMENTS));
    let damaged = opened.damaged.expect("items that are not a list");
    assert_eq!(
        (damaged.key.as_str(), damaged.raw.as_str()),
        ("mlops-workbench:assessments", raw)
    );
    assert!(opened.decoded.collection.items.is_empty());
    assert!(
        decode::<Assessment>(None).damaged.is_none(),
        "never stored is not damaged"
    );
}

#[test]
fn a_migrated_value_written_back_undecoded_decodes_as_it_would_have() {
    let raw = two_assessments().replace("\"name\":\"Beta\"", "\"name\":42");
    let mut values = read_values(None, &[(ASSESSMENTS, Some(raw))]);
    let mut undecoded = values.take(ASSESSMENTS).expect("stored");
    let before = decode::<Assessment>(Some(undecoded.clone())).decoded;
    let text = encode_migrated(&mut undecoded.value, 8, at(3));
    assert_eq!(
        stored_revision(&text),
        8,
        "the revision stays first, for the quick read"
    );
    let after = decode_collection::<Assessment>(&text).expect("readable");
    assert_eq!(after.revision, 8);
    assert_eq!(after.collection, before.collection);
    assert_eq!(
        after.quarantined, before.quarantined,
        "a bad record is written back unchanged"
    );
}
