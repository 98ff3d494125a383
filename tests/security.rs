//! Lesson 6.1's model security audit: the five checks with the lesson's exact messages, the
//! overall verdict, the further checks, prefill from a card, history and storage.

mod common;
use chrono::NaiveDate;
use common::at;
use mlops_governance_workbench::core::cards::card::CardRecord;
use mlops_governance_workbench::core::cards::json as card_json;
use mlops_governance_workbench::core::lifecycle::security::{
    FURTHER_CHECKS, LESSON_CHECKS, ModelInfo, SecurityAudit, audit_model, check_access_controls,
    check_dataset_provenance, check_dependency_vulnerabilities, check_encryption,
    check_input_validation, check_model_format, check_model_provenance, check_rate_limits,
    check_sbom, further_checks, history, prefill, python_repr,
};
use mlops_governance_workbench::core::records::collection::Record;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn fail(message: &str) -> (bool, String) {
    (false, message.to_owned())
}

fn pass(message: &str) -> (bool, String) {
    (true, message.to_owned())
}

#[test]
fn the_lessons_example_passes_all_five_checks_in_order() {
    let result = audit_model(&ModelInfo::lesson_example());
    assert!(result.overall_passed);
    let rows: Vec<(&str, bool, &str)> = result
        .checks
        .iter()
        .map(|c| (c.id, c.passed, c.details.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("check_model_provenance", true, "Model provenance verified"),
            (
                "check_dependency_vulnerabilities",
                true,
                "No known vulnerabilities"
            ),
            (
                "check_input_validation",
                true,
                "Input validation configured"
            ),
            ("check_access_controls", true, "Access controls configured"),
            ("check_encryption", true, "Encryption configured"),
        ]
    );
    assert!(result.checks.iter().all(|c| c.sources.is_empty()));
    assert_eq!(result.checks[0].title, "Model provenance");
}

#[test]
fn each_missing_provenance_field_fails_with_the_lessons_message() {
    type Remove = fn(&mut ModelInfo);
    let cases: [(Remove, &str); 6] = [
        (
            |i| i.git_commit.clear(),
            "Missing provenance fields: ['git_commit']",
        ),
        (
            |i| i.training_data_version.clear(),
            "Missing provenance fields: ['training_data_version']",
        ),
        (
            |i| i.trainer.clear(),
            "Missing provenance fields: ['trainer']",
        ),
        (
            |i| {
                i.git_commit.clear();
                i.trainer.clear();
            },
            "Missing provenance fields: ['git_commit', 'trainer']",
        ),
        (
            |i| {
                i.trainer.clear();
                i.training_data_version.clear();
            },
            "Missing provenance fields: ['training_data_version', 'trainer']",
        ),
        (
            |i| *i = ModelInfo::default(),
            "Missing provenance fields: ['git_commit', 'training_data_version', 'trainer']",
        ),
    ];
    for (remove, message) in cases {
        let mut info = ModelInfo::lesson_example();
        remove(&mut info);
        assert_eq!(check_model_provenance(&info), fail(message));
        let result = audit_model(&info);
        assert!(!result.overall_passed);
        assert_eq!(result.checks[0].details, message);
    }
}

#[test]
fn blank_text_counts_as_missing() {
    let mut info = ModelInfo::lesson_example();
    info.git_commit = "   ".to_owned();
    info.trainer = "\t\n".to_owned();
    assert_eq!(
        check_model_provenance(&info),
        fail("Missing provenance fields: ['git_commit', 'trainer']")
    );
    info.input_schema = "  ".to_owned();
    assert_eq!(
        check_input_validation(&info),
        fail("Missing input validation")
    );
}

#[test]
fn input_validation_needs_a_schema_and_validation() {
    let mut info = ModelInfo::lesson_example();
    info.input_validation = false;
    assert_eq!(
        check_input_validation(&info),
        fail("Missing input validation")
    );
    let mut info = ModelInfo::lesson_example();
    info.input_schema.clear();
    assert_eq!(
        check_input_validation(&info),
        fail("Missing input validation")
    );
    assert_eq!(
        check_input_validation(&ModelInfo::lesson_example()),
        pass("Input validation configured")
    );
}

#[test]
fn access_controls_and_encryption_need_both_halves() {
    for (auth, authz) in [(false, true), (true, false), (false, false)] {
        let mut info = ModelInfo::lesson_example();
        info.authentication = auth;
        info.authorization = authz;
        assert_eq!(
            check_access_controls(&info),
            fail("Access controls not configured")
        );
        assert!(!audit_model(&info).overall_passed);
    }
    for (model, transit) in [(false, true), (true, false), (false, false)] {
        let mut info = ModelInfo::lesson_example();
        info.model_encrypted = model;
        info.data_encrypted_in_transit = transit;
        assert_eq!(check_encryption(&info), fail("Encryption not configured"));
        let result = audit_model(&info);
        assert!(!result.overall_passed);
        assert_eq!(
            result.checks.iter().filter(|c| !c.passed).count(),
            1,
            "only encryption fails"
        );
    }
}

#[test]
fn vulnerable_dependencies_are_listed_as_python_prints_them() {
    let mut info = ModelInfo::lesson_example();
    info.set_vulnerable_dependencies_text("pkg==1.0\n\n  urllib3==1.26.4  \n");
    assert_eq!(info.vulnerable_packages(), ["pkg==1.0", "urllib3==1.26.4"]);
    assert_eq!(
        check_dependency_vulnerabilities(&info),
        fail("Vulnerable dependencies: ['pkg==1.0', 'urllib3==1.26.4']")
    );
    assert!(!audit_model(&info).overall_passed);
    // The text area keeps what was typed, trailing newline included.
    assert_eq!(
        info.vulnerable_dependencies_text(),
        "pkg==1.0\n\n  urllib3==1.26.4  \n"
    );
    info.set_vulnerable_dependencies_text("\n \n");
    assert_eq!(
        check_dependency_vulnerabilities(&info),
        pass("No known vulnerabilities")
    );
    info.set_vulnerable_dependencies_text("");
    assert!(info.vulnerable_dependencies.is_empty());
}

#[test]
fn quotes_inside_names_follow_pythons_repr() {
    // repr("it's") is "it's"; repr('a"b\'c') is 'a"b\'c'; backslashes double.
    assert_eq!(python_repr("it's"), "\"it's\"");
    assert_eq!(python_repr("say \"hi\""), "'say \"hi\"'");
    assert_eq!(python_repr("a\"b'c"), "'a\"b\\'c'");
    assert_eq!(python_repr("C:\\pkg"), "'C:\\\\pkg'");
    assert_eq!(python_repr("tab\there\u{7f}"), "'tab\\there\\x7f'");
    assert_eq!(python_repr("émoji 🧪"), "'émoji 🧪'");
    let info = ModelInfo {
        vulnerable_dependencies: vec!["it's==1.0".to_owned(), "a\"b'c".to_owned()],
        ..ModelInfo::default()
    };
    assert_eq!(
        check_dependency_vulnerabilities(&info).1,
        "Vulnerable dependencies: [\"it's==1.0\", 'a\"b\\'c']"
    );
}

#[test]
fn model_format_pickle_fails_data_only_passes_blank_and_unknown_ask_for_it() {
    let format = |text: &str| {
        let info = ModelInfo {
            model_format: text.to_owned(),
            ..ModelInfo::default()
        };
        check_model_format(&info)
    };
    for unsafe_format in ["pickle", "PKL", "joblib", "pt", "model.pth", ".pkl", "dill"] {
        let (passed, details) = format(unsafe_format);
        assert!(!passed, "{unsafe_format}");
        assert!(details.contains("loading it can run code"), "{details}");
    }
    assert_eq!(
        format("model.pkl"),
        fail("Built on pickle (pkl): loading it can run code; use safetensors, ONNX or GGUF")
    );
    assert_eq!(
        format("safetensors"),
        pass("safetensors is data-only: loading it runs no code")
    );
    for safe in ["ONNX", "model.safetensors", " gguf "] {
        assert!(format(safe).0, "{safe}");
    }
    assert_eq!(format(""), fail("Record the model file format"));
    assert_eq!(format("  "), fail("Record the model file format"));
    let (passed, details) = format("pytorch_model.bin");
    assert!(!passed);
    assert!(
        details.starts_with("Record the model file format: \"bin\""),
        "{details}"
    );
}

#[test]
fn further_checks_fail_and_pass_with_their_messages() {
    let mut info = ModelInfo::lesson_example();
    assert_eq!(
        check_sbom(&info),
        fail("No software bill of materials recorded")
    );
    assert_eq!(
        check_dataset_provenance(&info),
        fail("Missing dataset provenance and licence")
    );
    assert_eq!(
        check_rate_limits(&info),
        fail("No rate limits on the inference API")
    );
    info.dataset_provenance = "Clickstream export, 2023".to_owned();
    assert_eq!(
        check_dataset_provenance(&info),
        fail("Missing dataset licence")
    );
    info.dataset_licence = "Internal use only".to_owned();
    info.dataset_provenance = " ".to_owned();
    assert_eq!(
        check_dataset_provenance(&info),
        fail("Missing dataset provenance")
    );
    info.dataset_provenance = "Clickstream export, 2023".to_owned();
    info.sbom_recorded = true;
    info.rate_limited = true;
    info.model_format = "safetensors".to_owned();
    assert_eq!(
        check_dataset_provenance(&info),
        pass("Dataset provenance and licence recorded")
    );
    assert_eq!(
        check_sbom(&info),
        pass("Software bill of materials recorded")
    );
    assert_eq!(check_rate_limits(&info), pass("Inference API rate limited"));
    assert!(further_checks(&info).iter().all(|c| c.passed));
}

#[test]
fn further_checks_stay_apart_from_the_verdict_and_name_their_sources() {
    // The lesson's example passes the lesson's audit though every further check fails.
    let info = ModelInfo::lesson_example();
    assert!(audit_model(&info).overall_passed);
    let further = further_checks(&info);
    assert_eq!(further.len(), 4);
    assert!(further.iter().all(|c| !c.passed));
    assert!(FURTHER_CHECKS.iter().all(|c| !c.sources.is_empty()));
    assert!(FURTHER_CHECKS.iter().all(|c| c.sources.iter().all(|s| {
        s.list == "OWASP Machine Learning Security Top 10" || s.list == "MITRE ATLAS"
    })));
    assert_eq!(
        further[0].sources[0].item,
        "ML06:2023 AI Supply Chain Attacks"
    );
    let ids: Vec<&str> = LESSON_CHECKS
        .iter()
        .chain(FURTHER_CHECKS.iter())
        .map(|c| c.id)
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn prefill_takes_provenance_from_the_lessons_card() {
    let record = CardRecord::new("card-1".to_owned(), card_json::lesson_example(), at(0));
    let info = prefill(&record);
    assert_eq!(
        info,
        ModelInfo {
            trainer: "ML Platform Team <ml-platform@example.com>".to_owned(),
            training_data_version: "2023-01-01 to 2023-12-31".to_owned(),
            dataset_provenance: "User interaction data from e-commerce platform".to_owned(),
            ..ModelInfo::default()
        }
    );
    assert_eq!(
        check_model_provenance(&info),
        fail("Missing provenance fields: ['git_commit']")
    );

    let mut card = card_json::lesson_example();
    card.owner_team.clear();
    card.training_data_date_range.end = None;
    let info = prefill(&CardRecord::new("card-2".to_owned(), card, at(0)));
    assert_eq!(info.trainer, "ml-platform@example.com");
    assert_eq!(info.training_data_version, "from 2023-01-01");
    let empty = prefill(&CardRecord::new("c".to_owned(), Default::default(), at(0)));
    assert_eq!(empty, ModelInfo::default());
}

#[test]
fn history_is_per_card_newest_first() {
    let audit = |id: &str, card: &str, date: &str, seconds: i64| {
        SecurityAudit::new(
            id.to_owned(),
            card.to_owned(),
            day(date),
            ModelInfo::lesson_example(),
            at(seconds),
        )
    };
    let audits = vec![
        audit("a", "card-1", "2026-01-10", 0),
        audit("b", "card-2", "2026-03-01", 1),
        audit("c", "card-1", "2026-02-01", 2),
        audit("d", "card-1", "2026-01-10", 3),
    ];
    let ids: Vec<&str> = history(&audits, "card-1")
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["c", "d", "a"]);
    assert!(history(&audits, "nope").is_empty());
}

#[test]
fn an_audit_round_trips_and_computes_its_results() {
    let mut info = ModelInfo::lesson_example();
    info.vulnerable_dependencies = vec!["pkg==1.0".to_owned()];
    info.model_format = "onnx".to_owned();
    let audit = SecurityAudit::new(
        "audit-1".to_owned(),
        "card-1".to_owned(),
        day("2026-04-02"),
        info,
        at(0),
    );
    let text = serde_json::to_string(&audit).unwrap();
    assert!(text.contains("\"audited_on\":\"2026-04-02\""), "{text}");
    assert!(!text.contains("passed"), "results are never stored: {text}");
    let back: SecurityAudit = serde_json::from_str(&text).unwrap();
    assert_eq!(back, audit);
    assert_eq!(back.id(), "audit-1");
    assert_eq!(back.with_updated_at(at(9)).updated_at(), at(9));
    let result = back.result();
    assert!(!result.overall_passed);
    assert_eq!(
        result.checks[1].details,
        "Vulnerable dependencies: ['pkg==1.0']"
    );
    assert!(back.further()[0].passed);

    // Missing info fields read as blank; a bad date is refused with a message.
    let partial: SecurityAudit = serde_json::from_str(
        r#"{"id":"x","card_id":"c","audited_on":"2026-01-02","info":{"trainer":"me"},
            "created_at":"2026-01-02T09:00:00Z","updated_at":"2026-01-02T09:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(partial.info.trainer, "me");
    assert!(!partial.info.authentication);
    let bad = serde_json::from_str::<SecurityAudit>(
        r#"{"id":"x","card_id":"c","audited_on":"02/01/2026","info":{},
            "created_at":"2026-01-02T09:00:00Z","updated_at":"2026-01-02T09:00:00Z"}"#,
    )
    .unwrap_err();
    assert!(bad.to_string().contains("is not a date"), "{bad}");
}
