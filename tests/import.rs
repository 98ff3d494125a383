//! Importing a workspace next to the current one: merge by id or replace.

mod common;
use common::{assessment, at, ids};
use mlops_governance_workbench::core::records::merge::MergeReport;
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::merge::{merge, replace};

fn workspace(records: &[(&str, &str)]) -> Workspace {
    let mut w = Workspace::default();
    for (id, name) in records {
        w.assessments.upsert(assessment(id, name, 0));
    }
    w
}

#[test]
fn merge_adds_new_skips_identical_and_keeps_both_on_conflict() {
    let current = workspace(&[("a", "Alpha"), ("b", "Beta")]);
    let mut incoming = workspace(&[
        ("a", "Alpha"),
        ("b", "Beta, edited elsewhere"),
        ("c", "Gamma"),
    ]);
    incoming.assessments.update("a", |a| a.updated_at = at(50));
    let (merged, report) = merge(&current, &incoming, ids("new"), at(100));
    assert_eq!(
        report,
        MergeReport {
            added: 1,
            unchanged: 1,
            kept_both: 1
        }
    );
    let names: Vec<(&str, &str)> = merged
        .assessments
        .items
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("a", "Alpha"),
            ("b", "Beta"),
            ("new-1", "Beta, edited elsewhere (imported)"),
            ("c", "Gamma")
        ]
    );
}

#[test]
fn merge_brings_back_a_deleted_record_as_changed_now() {
    let mut current = workspace(&[("a", "Alpha")]);
    current.assessments.remove("a", at(10));
    let incoming = workspace(&[("a", "Alpha")]);
    let (merged, report) = merge(&current, &incoming, || "unused".into(), at(20));
    assert_eq!(report.added, 1);
    assert_eq!(merged.assessments.get("a").unwrap().updated_at, at(20));
    assert!(merged.assessments.deleted.is_empty());
}

#[test]
fn replace_takes_the_import_and_tombstones_what_disappears() {
    let current = workspace(&[("a", "Alpha"), ("b", "Beta")]);
    let incoming = workspace(&[("b", "Beta from file"), ("c", "Gamma")]);
    let replaced = replace(&current, &incoming, at(30));
    let ids: Vec<&str> = replaced
        .assessments
        .items
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["b", "c"]);
    assert_eq!(
        replaced.assessments.get("b").unwrap().name,
        "Beta from file"
    );
    assert_eq!(replaced.assessments.deleted.len(), 1);
    assert_eq!(replaced.assessments.deleted[0].id, "a");
}

#[test]
fn counts_describe_what_a_workspace_holds() {
    use mlops_governance_workbench::core::records::registry::Stored;
    use mlops_governance_workbench::core::workspace::counts::Counts;
    /// Counts of assessments, debt items, cards, checklists, approvals and audits.
    fn counts(n: [usize; 6]) -> Counts {
        use mlops_governance_workbench::core::cards::card::CardRecord;
        use mlops_governance_workbench::core::checklists::checklist::Checklist;
        use mlops_governance_workbench::core::debt::item::DebtItem;
        use mlops_governance_workbench::core::lifecycle::approval::ApprovalRequest;
        use mlops_governance_workbench::core::lifecycle::security::SecurityAudit;
        use mlops_governance_workbench::core::maturity::assessment::Assessment;
        let infos = [
            Assessment::COLLECTION,
            DebtItem::COLLECTION,
            CardRecord::COLLECTION,
            Checklist::COLLECTION,
            ApprovalRequest::COLLECTION,
            SecurityAudit::COLLECTION,
        ];
        Counts(infos.into_iter().zip(n).collect())
    }
    assert_eq!(counts([1, 0, 0, 0, 0, 0]).describe(), "1 assessment");
    assert_eq!(counts([0, 0, 0, 0, 0, 0]).describe(), "0 assessments");
    assert_eq!(
        counts([2, 1, 0, 0, 0, 0]).describe(),
        "2 assessments and 1 debt item"
    );
    assert_eq!(
        counts([3, 8, 0, 0, 0, 0]).describe(),
        "3 assessments and 8 debt items"
    );
    assert_eq!(
        counts([2, 2, 1, 0, 0, 0]).describe(),
        "2 assessments, 2 debt items and 1 model card"
    );
}

#[test]
fn merge_and_replace_cover_the_debt_register() {
    use mlops_governance_workbench::core::debt::patterns::common_patterns;
    let mut current = Workspace::default();
    for item in common_patterns(at(0)).into_iter().take(3) {
        current.debt.upsert(item);
    }
    let mut incoming = Workspace::default();
    for mut item in common_patterns(at(0)).into_iter().skip(2).take(3) {
        if item.id == "lesson-debt-3" {
            item.owner = "someone-else".into();
        }
        incoming.debt.upsert(item);
    }
    let (merged, report) = merge(&current, &incoming, ids("copy"), at(9));
    assert_eq!(
        report,
        MergeReport {
            added: 2,
            unchanged: 0,
            kept_both: 1
        }
    );
    assert_eq!(merged.debt.items.len(), 6);
    assert!(
        merged
            .debt
            .get("copy-1")
            .unwrap()
            .description
            .ends_with("(imported)")
    );

    let replaced = replace(&current, &incoming, at(9));
    assert_eq!(replaced.debt.items.len(), 3);
    let gone: Vec<&str> = replaced
        .debt
        .deleted
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(gone, ["lesson-debt-1", "lesson-debt-2"]);
}
