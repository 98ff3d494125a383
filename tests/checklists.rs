//! The lesson's workflow stages and best practices as checklists: texts, ids, progress and
//! the workflow's current stage.

mod common;
use common::at;
use mlops_governance_workbench::core::checklists::checklist::{
    Checklist, ChecklistKind, Part, groups,
};
use mlops_governance_workbench::core::checklists::lesson::{BEST_PRACTICES, WORKFLOW_STAGES};
use std::collections::BTreeSet;

#[test]
fn the_lessons_lists_are_all_there_with_unique_ids() {
    let workflow = groups(ChecklistKind::Workflow);
    assert_eq!(workflow.len(), 8);
    // 25 artifacts, 12 approvals and 22 exit criteria.
    assert_eq!(workflow.iter().map(|g| g.items.len()).sum::<usize>(), 59);
    assert_eq!(workflow[5].title, "Deployment preparation");
    let prep: Vec<(&str, Part)> = workflow[5].items.iter().map(|i| (i.text, i.part)).collect();
    assert_eq!(prep[3], ("Rollback plan", Part::Artifact));
    assert_eq!(prep[5], ("Security Review", Part::Approval));
    assert_eq!(prep[8], ("Monitoring configured", Part::ExitCriterion));
    let practices = groups(ChecklistKind::BestPractices);
    assert_eq!(practices.len(), 6);
    assert!(practices.iter().all(|g| g.items.len() == 5));
    assert_eq!(
        practices[1].items[0].text,
        "All experiments logged (MLflow, W&B)"
    );
    for kind in [ChecklistKind::Workflow, ChecklistKind::BestPractices] {
        let ids: Vec<String> = groups(kind)
            .into_iter()
            .flat_map(|g| g.items)
            .map(|i| i.id)
            .collect();
        assert_eq!(
            ids.iter().collect::<BTreeSet<_>>().len(),
            ids.len(),
            "{kind:?}"
        );
    }
    assert_eq!(workflow[4].items[1].id, "evaluation/artifact/1");
    assert_eq!(WORKFLOW_STAGES[7].required_approvals, ["Ongoing"]);
    assert_eq!(BEST_PRACTICES[5].items[3], "Latency/throughput monitored");
}

#[test]
fn the_current_stage_is_the_first_incomplete_one() {
    let mut list = Checklist::new("w".into(), ChecklistKind::Workflow, "Project".into(), at(0));
    assert_eq!(list.current_stage(), Some(0));
    let stages = groups(ChecklistKind::Workflow);
    for item in &stages[0].items {
        list.set_checked(&item.id, true);
    }
    assert_eq!(list.current_stage(), Some(1));
    assert!(list.progress(&stages[0]).is_complete());
    // A later stage done out of order does not move the current stage past an open one.
    for item in &stages[2].items {
        list.set_checked(&item.id, true);
    }
    assert_eq!(list.current_stage(), Some(1));
    list.set_checked(&stages[0].items[0].id, false);
    assert_eq!(list.current_stage(), Some(0));
    for stage in &stages {
        for item in &stage.items {
            list.set_checked(&item.id, true);
        }
    }
    assert_eq!(list.current_stage(), None);
    assert_eq!(list.overall().percent(), 100);
}

#[test]
fn progress_rounds_down_and_links_drop_when_blank() {
    let mut list = Checklist::new(
        "b".into(),
        ChecklistKind::BestPractices,
        "Team".into(),
        at(0),
    );
    let sections = groups(ChecklistKind::BestPractices);
    for item in sections[0].items.iter().take(4) {
        list.set_checked(&item.id, true);
    }
    assert_eq!(list.progress(&sections[0]).percent(), 80);
    let overall = list.overall();
    assert_eq!(
        (overall.done, overall.total, overall.percent()),
        (4, 30, 13)
    );
    list.set_link("x", "https://example.com".into());
    assert_eq!(list.link("x"), "https://example.com");
    list.set_link("x", "  ".into());
    assert!(list.links.is_empty());
}

#[test]
fn ticks_of_unknown_items_are_kept_through_a_save() {
    let text = r#"{"id":"w","kind":"workflow","name":"P","checked":["future/artifact/9","problem_definition/artifact/0"],"created_at":"2026-11-26T00:00:00Z","updated_at":"2026-11-26T00:00:00Z"}"#;
    let list: Checklist = serde_json::from_str(text).unwrap();
    assert!(list.is_checked("future/artifact/9"));
    let again: Checklist = serde_json::from_str(&serde_json::to_string(&list).unwrap()).unwrap();
    assert_eq!(again, list);
    assert_eq!(list.overall().done, 1);
}
