//! Merging collections across tabs: last writer wins per record, deletions stick.

mod common;
use common::{assessment, at};
use mlops_governance_workbench::core::records::collection::Collection;

#[test]
fn a_newer_edit_in_either_copy_wins_and_order_is_kept() {
    let mut mine = Collection::default();
    mine.upsert(assessment("a", "A mine, old", 0));
    mine.upsert(assessment("b", "B mine, new", 20));
    let mut theirs = Collection::default();
    theirs.upsert(assessment("b", "B theirs, old", 10));
    theirs.upsert(assessment("a", "A theirs, new", 30));
    theirs.upsert(assessment("c", "C theirs only", 5));

    mine.merge_from(&theirs);
    let names: Vec<&str> = mine.items.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["A theirs, new", "B mine, new", "C theirs only"]);
}

#[test]
fn a_deletion_wins_over_an_older_copy_but_not_a_newer_edit() {
    let mut mine = Collection::default();
    mine.upsert(assessment("a", "A", 0));
    mine.upsert(assessment("b", "B", 0));
    let mut theirs = mine.clone();
    theirs.remove("a", at(10)).unwrap();
    theirs.remove("b", at(10)).unwrap();
    mine.update("b", |b| b.updated_at = at(20));

    mine.merge_from(&theirs);
    let ids: Vec<&str> = mine.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b"]);
    assert_eq!(mine.deleted.len(), 1);
    assert_eq!(mine.deleted[0].id, "a");
}

#[test]
fn merging_converges_whatever_the_direction_even_on_ties() {
    let mut one = Collection::default();
    one.upsert(assessment("a", "Same time, one", 0));
    let mut two = Collection::default();
    two.upsert(assessment("a", "Same time, two", 0));
    let mut left = one.clone();
    left.merge_from(&two);
    let mut right = two.clone();
    right.merge_from(&one);
    assert_eq!(left, right);
}

#[test]
fn upsert_after_remove_clears_the_tombstone() {
    let mut c = Collection::default();
    c.upsert(assessment("a", "A", 0));
    let removed = c.remove("a", at(5)).unwrap();
    assert!(c.get("a").is_none());
    c.upsert(removed);
    assert!(c.get("a").is_some());
    assert!(c.deleted.is_empty());
    assert!(c.remove("missing", at(6)).is_none());
}

#[test]
fn upsert_many_replaces_in_place_appends_new_and_revives_deleted() {
    let mut c = Collection::default();
    c.upsert(assessment("a", "A", 0));
    c.upsert(assessment("b", "B", 0));
    c.remove("b", at(1)).unwrap();
    c.upsert_many([
        assessment("c", "C", 2),
        assessment("a", "A2", 2),
        assessment("b", "B again", 2),
    ]);
    let names: Vec<&str> = c.items.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["A2", "C", "B again"]);
    assert!(c.deleted.is_empty());
}
