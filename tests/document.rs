//! The workspace file: export, import validation, messages, migrations and fixtures.

mod common;
use common::{HOSTILE, assessment, at};
use mlops_governance_workbench::core::maturity::criteria::Level;
use mlops_governance_workbench::core::records::document::DocumentError;
use mlops_governance_workbench::core::records::migrate::{SCHEMA_VERSION, migrate};
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::file::{export_document, parse_document};

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/workspace-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_shipped_schema_version_has_a_fixture_that_still_loads() {
    for version in 1..=SCHEMA_VERSION {
        let workspace = parse_document(&fixture(version)).unwrap();
        assert!(
            !workspace.assessments.items.is_empty(),
            "fixture v{version} has data"
        );
    }
}

#[test]
fn the_v1_fixture_keeps_every_value() {
    let workspace = parse_document(&fixture(1)).unwrap();
    let first = &workspace.assessments.items[0];
    assert_eq!(first.name, "Recommendations platform");
    assert_eq!(first.assessor, "Dana Q.");
    assert_eq!(first.date.unwrap().to_string(), "2026-11-20");
    assert_eq!(
        first.answer("automated-training-pipeline").link,
        "https://wiki.example.com/training"
    );
    assert_eq!(first.answer("feature-store").evidence, "Planned for Q1");
    assert_eq!(first.result().overall, Level::Level1);
    assert_eq!(workspace.assessments.items[1].date, None);
    // Version 1 had no debt register: the migration adds an empty one.
    assert!(workspace.debt.items.is_empty());
}

#[test]
fn the_v2_fixture_keeps_the_debt_register() {
    use mlops_governance_workbench::core::debt::item::{DebtStatus, Rating};
    let workspace = parse_document(&fixture(2)).unwrap();
    assert_eq!(workspace.assessments.items.len(), 2);
    let debt = &workspace.debt.items;
    assert_eq!(debt.len(), 2);
    assert_eq!(debt[0].status, DebtStatus::InProgress);
    assert_eq!(debt[0].link, "https://issues.example.com/ML-7");
    assert_eq!(
        (debt[1].impact, debt[1].effort, debt[1].score()),
        (Rating::Medium, Rating::Low, 7)
    );
    assert_eq!(
        debt[1].description,
        "Alert fatigue: \"drift\" alerts, many false positives"
    );
}

#[test]
fn export_then_import_gives_the_same_workspace_even_with_hostile_text() {
    let mut workspace = Workspace::default();
    for (index, text) in HOSTILE.iter().enumerate() {
        let mut a = assessment(&format!("id-{index}"), text, index as i64);
        a.assessor = text.to_string();
        a.set_answer("feature-store", |answer| {
            answer.implemented = true;
            answer.evidence = text.repeat(3);
            answer.link = text.to_string();
        });
        workspace.assessments.upsert(a);
    }
    let mut big = assessment("big", "100 kB of notes", 99);
    big.set_answer("drift-detection", |a| a.evidence = "x".repeat(100_000));
    workspace.assessments.upsert(big);

    let text = export_document(&workspace, "0.1.0", at(100));
    assert_eq!(parse_document(&text).unwrap(), workspace);
}

#[test]
fn export_leaves_out_tombstones() {
    let mut workspace = Workspace::default();
    workspace.assessments.upsert(assessment("a", "A", 0));
    workspace.assessments.remove("a", at(1));
    let text = export_document(&workspace, "0.1.0", at(2));
    assert!(!text.contains("deleted"));
}

#[test]
fn broken_json_names_line_and_column() {
    let error = parse_document(
        "{\n  \"format\": \"mlops-governance-workbench\",\n  \"schema_version\": 1,,\n}",
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            DocumentError::InvalidJson {
                line: 3,
                column: 23,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "The file is not valid JSON: line 3, column 23: key must be a string."
    );
    assert_eq!(parse_document("   ").unwrap_err(), DocumentError::Empty);
    assert_eq!(
        parse_document("[1]").unwrap_err(),
        DocumentError::NotAnObject
    );
}

#[test]
fn another_format_or_a_newer_version_is_refused_with_a_reason() {
    let other = parse_document(r#"{"format":"something-else","schema_version":1,"workspace":{}}"#)
        .unwrap_err();
    assert!(other.to_string().contains("\"something-else\""));
    let none = parse_document(r#"{"schema_version":1,"workspace":{}}"#).unwrap_err();
    assert_eq!(none, DocumentError::WrongFormat { found: None });
    let newer = parse_document(
        r#"{"format":"mlops-governance-workbench","schema_version":99,"workspace":{}}"#,
    )
    .unwrap_err();
    assert_eq!(newer, DocumentError::Newer { found: 99 });
    assert!(newer.to_string().contains("newer version"));
    let zero = parse_document(
        r#"{"format":"mlops-governance-workbench","schema_version":0,"workspace":{}}"#,
    )
    .unwrap_err();
    assert_eq!(zero, DocumentError::UnknownVersion { found: 0 });
    let missing =
        parse_document(r#"{"format":"mlops-governance-workbench","workspace":{}}"#).unwrap_err();
    assert_eq!(missing, DocumentError::MissingSchemaVersion);
}

#[test]
fn a_schema_error_names_the_field_path() {
    let text = fixture(1).replace(
        "\"implemented\": true, \"evidence\": \"Nightly",
        "\"implemented\": \"yes\", \"evidence\": \"Nightly",
    );
    let error = parse_document(&text).unwrap_err();
    match &error {
        DocumentError::Schema { path, .. } => assert_eq!(
            path,
            "workspace.assessments.items[0].answers.automated-training-pipeline.implemented"
        ),
        other => panic!("{other:?}"),
    }
    let unknown = parse_document(
        r#"{"format":"mlops-governance-workbench","schema_version":1,"workspace":{"incidents":[]}}"#,
    )
    .unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `incidents`"),
        "{unknown}"
    );
    let bad_date = fixture(1).replace("\"2026-11-20\"", "\"20 November\"");
    assert!(
        parse_document(&bad_date)
            .unwrap_err()
            .to_string()
            .contains("items[0].date")
    );
}

#[test]
fn duplicate_ids_in_a_file_are_refused() {
    let text = fixture(1).replace("\"empty-team\"", "\"lesson-example\"");
    assert_eq!(
        parse_document(&text).unwrap_err(),
        DocumentError::DuplicateId {
            collection: "assessments",
            id: "lesson-example".into()
        }
    );
}

#[test]
fn migration_refuses_versions_it_does_not_know() {
    assert!(migrate(serde_json::json!({}), u64::from(SCHEMA_VERSION)).is_ok());
    assert!(migrate(serde_json::json!({}), u64::from(SCHEMA_VERSION) + 1).is_err());
    assert!(migrate(serde_json::json!({}), 0).is_err());
}

#[test]
fn the_v4_fixture_keeps_its_checklists() {
    use mlops_governance_workbench::core::checklists::checklist::ChecklistKind;
    let workspace = parse_document(&fixture(4)).unwrap();
    let lists = &workspace.checklists.items;
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].kind, ChecklistKind::Workflow);
    assert_eq!(lists[0].current_stage(), Some(1));
    assert_eq!(
        lists[0].link("data_exploration/artifact/0"),
        "https://wiki.example.com/data-quality"
    );
    assert_eq!(lists[1].kind, ChecklistKind::BestPractices);
    assert_eq!(lists[1].overall().done, 3);
    let v3 = parse_document(&fixture(3)).unwrap();
    assert!(
        v3.checklists.items.is_empty(),
        "older files start with no checklists"
    );
    use mlops_governance_workbench::core::maturity::teams::TeamStructure;
    assert_eq!(
        workspace.assessments.items[0].team_structure,
        Some(TeamStructure::Hybrid)
    );
    assert_eq!(v3.assessments.items[0].team_structure, None);
    use mlops_governance_workbench::core::lifecycle::approval::{
        ApprovalStage, ApprovalStatus, reviewer_address,
    };
    let request = &workspace.approvals.items[0];
    assert_eq!(request.stage(), ApprovalStage::ModelReview);
    assert_eq!(request.status(), ApprovalStatus::Pending);
    assert_eq!(request.trail().len(), 2);
    assert_eq!(
        reviewer_address(&workspace.reviewers.items, ApprovalStage::SecurityReview),
        "appsec@example.com"
    );
    assert!(workspace.audits.items[0].result().overall_passed);
    assert!(v3.approvals.items.is_empty() && v3.audits.items.is_empty());
}

#[test]
fn the_v5_fixture_keeps_evaluation_results_and_the_imported_readme() {
    use mlops_governance_workbench::core::cards::readme::card_to_readme;
    use mlops_governance_workbench::core::cards::results::MetricValue;
    let workspace = parse_document(&fixture(5)).unwrap();
    let card = &workspace.cards.items[1].card;
    assert_eq!(
        card.eval_results[0].value,
        MetricValue::Text("-8.17 +/- 59.21".into())
    );
    assert_eq!(
        card.imported_readme.as_ref().unwrap().other_metadata(),
        "library_name: ml-agents\n"
    );
    assert!(
        card_to_readme(card)
            .starts_with("---\nlibrary_name: ml-agents\nmodel-index:\n- name: ppo-Pyramids\n")
    );
    // Version 4 cards read with no results and no imported README.
    let older = parse_document(&fixture(4)).unwrap();
    assert!(
        older
            .cards
            .items
            .iter()
            .all(|c| c.card.eval_results.is_empty())
    );
}

#[test]
fn a_v3_file_that_leaves_out_collections_still_migrates() {
    let file = r#"{"format": "mlops-governance-workbench", "schema_version": 3, "app_version": "t",
        "saved_at": "2026-11-26T09:00:00Z", "workspace": {"assessments": {"items": []}}}"#;
    let workspace = parse_document(file).unwrap();
    assert!(workspace.cards.items.is_empty());
}

#[test]
fn the_v7_fixture_has_a_linked_trail_that_verifies() {
    use mlops_governance_workbench::core::lifecycle::approval::{content_hash, first_break};
    let workspace = parse_document(&fixture(7)).unwrap();
    let card = &workspace
        .cards
        .items
        .iter()
        .find(|c| c.id == "lesson-card")
        .unwrap()
        .card;
    let request = workspace
        .approvals
        .items
        .iter()
        .find(|r| r.id == "approval-2")
        .unwrap();
    assert_eq!(first_break(request.trail()), None);
    assert_eq!(request.replay_problem(), None);
    assert!(request.stale_stages(&content_hash(card)).is_empty());
    assert_eq!(request.trail()[2].comment, "Add a baseline <b>model</b>.");
    // The legacy request of v6 is kept with its FNV hash and no links yet.
    let legacy = workspace
        .approvals
        .items
        .iter()
        .find(|r| r.id == "approval-1")
        .unwrap();
    assert_eq!(legacy.trail()[0].card_hash, "00000000000000aa");
    assert_eq!(first_break(legacy.trail()), Some(0));
}

/// FNV-1a 64 as the workbench wrote it up to schema version 6.
fn fnv(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[test]
fn v6_approvals_of_an_unchanged_card_stay_current_after_the_move_to_sha256() {
    use mlops_governance_workbench::core::lifecycle::approval::content_hash;
    let v6 = fixture(6);
    let value: serde_json::Value = serde_json::from_str(&v6).unwrap();
    let card = value["workspace"]["cards"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "lesson-card")
        .unwrap()["card"]
        .clone();
    let current = fnv(&serde_json::to_string(&card).unwrap());
    // Data review approved the card as it is stored; a second request covers older content.
    let text = v6.replacen("\"00000000000000aa\"", &format!("\"{current}\""), 2);
    let workspace = parse_document(&text).unwrap();
    let card = &workspace
        .cards
        .items
        .iter()
        .find(|c| c.id == "lesson-card")
        .unwrap()
        .card;
    let request = &workspace.approvals.items[0];
    assert!(
        request
            .trail()
            .iter()
            .all(|e| e.card_hash == content_hash(card))
    );
    assert!(request.stale_stages(&content_hash(card)).is_empty());
    let older = parse_document(&v6).unwrap();
    assert_eq!(
        older.approvals.items[0].trail()[1].card_hash,
        "00000000000000aa"
    );
    assert_eq!(
        older.approvals.items[0].stale_stages(&content_hash(card)),
        [mlops_governance_workbench::core::lifecycle::approval::ApprovalStage::DataReview],
        "an approval of other content stays marked"
    );
}
