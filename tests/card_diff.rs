//! The comparison of two cards: no change, every field changed, a reordered list, hostile text.

mod common;
use common::{HOSTILE_CARD_TEXT, hostile_card};
use mlops_governance_workbench::core::cards::card::{FairnessGroup, NamedNumber};
use mlops_governance_workbench::core::cards::diff::words::{Words, word_diff};
use mlops_governance_workbench::core::cards::diff::{
    Change, Moved, RowChange, changes_markdown, diff_cards,
};
use mlops_governance_workbench::core::cards::fields::{Field, ListKey, SECTIONS, TableKey};
use mlops_governance_workbench::core::cards::json::lesson_example;

#[test]
fn a_card_against_itself_has_no_changes() {
    let card = lesson_example();
    assert!(diff_cards(&card, &card).is_empty());
    assert!(changes_markdown(&card, &card).ends_with("\n\nNo changes.\n"));
    // White space alone is no change of a text; blank list entries are no entries.
    let mut spaced = card.clone();
    spaced.intended_use = format!("  {}  ", card.intended_use.replace(' ', "\n"));
    spaced.known_limitations.push("  ".into());
    assert!(diff_cards(&card, &spaced).is_empty());
}

#[test]
fn changed_words_are_marked_and_the_rest_kept() {
    assert_eq!(
        word_diff("the quick brown fox", "the slow brown fox jumps"),
        [
            Words::Same("the".into()),
            Words::Removed("quick".into()),
            Words::Added("slow".into()),
            Words::Same("brown fox".into()),
            Words::Added("jumps".into()),
        ]
    );
    // Two long, different texts: one removal and one addition, still exact.
    let a = "a ".repeat(2000);
    let b = "b ".repeat(2000);
    let runs = word_diff(&a, &b);
    assert_eq!(runs.len(), 2);
}

#[test]
fn a_reordered_list_shows_what_moved_and_nothing_else() {
    let mut old = lesson_example();
    old.known_limitations = vec!["a".into(), "b".into(), "c".into(), "d".into()];
    let mut new = old.clone();
    new.known_limitations = vec!["b".into(), "c".into(), "d".into(), "a".into()];
    let changes = diff_cards(&old, &new);
    assert_eq!(
        changes,
        [(
            Field::List(ListKey::KnownLimitations),
            Change::List {
                added: vec![],
                removed: vec![],
                moved: vec![Moved {
                    entry: "a".into(),
                    from: 1,
                    to: 4
                }],
            }
        )]
    );
    new.known_limitations = vec!["b".into(), "e".into()];
    let Change::List {
        added,
        removed,
        moved,
    } = &diff_cards(&old, &new)[0].1
    else {
        panic!()
    };
    assert_eq!((added.as_slice(), moved.len()), (&["e".to_owned()][..], 0));
    assert_eq!(removed, &["a", "c", "d"]);
}

#[test]
fn every_field_changed_is_listed_in_the_editors_order() {
    let old = hostile_card("old");
    let new = hostile_card("new");
    let changes = diff_cards(&old, &new);
    let fields: Vec<Field> = changes.iter().map(|(f, _)| *f).collect();
    let expected: Vec<Field> = SECTIONS
        .iter()
        .flat_map(|s| s.fields.iter().copied())
        .filter(|f| !matches!(f, Field::Count(_) | Field::TrainingDate | Field::DateRange))
        .collect();
    assert_eq!(fields, expected, "counts and dates are the same in both");
    let rows = changes
        .iter()
        .find(|(f, _)| *f == Field::Table(TableKey::PerformanceMetrics))
        .unwrap();
    assert_eq!(
        rows.1,
        Change::Rows(vec![
            RowChange {
                name: "new".into(),
                old: None,
                new: Some("new".into())
            },
            RowChange {
                name: "new!".into(),
                old: None,
                new: Some("0.75".into())
            },
            RowChange {
                name: "old".into(),
                old: Some("old".into()),
                new: None
            },
            RowChange {
                name: "old!".into(),
                old: Some("0.75".into()),
                new: None
            },
        ])
    );
}

#[test]
fn fairness_groups_show_their_ratio_before_and_after() {
    let old = lesson_example();
    let mut new = old.clone();
    new.fairness_metrics[0].subgroups[0].value = "0.05".into();
    new.fairness_metrics.push(FairnessGroup {
        group: "regions".into(),
        subgroups: vec![
            NamedNumber::new("north", "0.5"),
            NamedNumber::new("south", "0.45"),
        ],
    });
    let Change::Fairness(groups) = &diff_cards(&old, &new)[0].1 else {
        panic!()
    };
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].group, old.fairness_metrics[0].group);
    assert_ne!(groups[0].ratio_before, groups[0].ratio_after);
    assert!(
        groups[0]
            .ratio_after
            .as_deref()
            .unwrap()
            .ends_with("(below four-fifths)")
    );
    assert_eq!(groups[1].ratio_before, None);
    assert_eq!(groups[1].ratio_after.as_deref(), Some("0.9"));
    let log = changes_markdown(&old, &new);
    assert!(
        log.contains("## Fairness metrics\n\n- **age\\_groups**: min/max ratio "),
        "{log}"
    );
}

#[test]
fn hostile_text_stays_text_in_the_change_log() {
    for s in HOSTILE_CARD_TEXT {
        let old = lesson_example();
        let mut new = old.clone();
        new.model_name = s.to_string();
        new.known_limitations.push(s.to_string());
        new.performance_metrics[0].value = s.to_string();
        let log = changes_markdown(&old, &new);
        assert!(!log.contains("<script"), "{log}");
        assert!(
            !log.contains("\n# ") || log.starts_with("# Changes"),
            "{s:?}"
        );
        assert_eq!(
            log.lines().filter(|l| l.starts_with("# ")).count(),
            1,
            "{s:?}\n{log}"
        );
        assert!(!diff_cards(&old, &new).is_empty());
    }
}
