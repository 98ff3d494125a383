//! The command-line tool run as a process, as CI runs it, on files written here: an approved
//! package, a returned one, a tampered one, a stale card, a forked pair, broken JSON and a
//! package of a newer version.

mod common;
use common::at;
use mlops_governance_workbench::core::cards::card::CardRecord;
use mlops_governance_workbench::core::cards::json::{card_to_json, lesson_example};
use mlops_governance_workbench::core::cards::readme::card_to_readme;
use mlops_governance_workbench::core::lifecycle::approval::{
    ApprovalRequest, Decision, content_hash,
};
use mlops_governance_workbench::core::lifecycle::review::ReviewPackage;
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::file::export_document;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh folder for one test's files.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs the tool: exit code, standard output, standard error.
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_workbench"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn lesson_record() -> CardRecord {
    CardRecord::new("card-1".to_owned(), lesson_example(), at(0))
}

/// The lesson's card taken through `stages` approvals by six different reviewers.
fn request_through(stages: usize) -> ApprovalRequest {
    let record = lesson_record();
    let hash = content_hash(&record.card);
    let mut r = ApprovalRequest::new("req-1".to_owned(), &record, "Ana Requester", at(1)).unwrap();
    let reviewers = [
        "Dee Data", "Mo Model", "Fay Fair", "Sam Sec", "Cy Comp", "Lee Lead",
    ];
    for (k, reviewer) in reviewers.iter().enumerate().take(stages) {
        r.decide(reviewer, Decision::Approve, "", &hash, at(10 + k as i64))
            .unwrap();
    }
    r
}

fn package(r: &ApprovalRequest) -> String {
    ReviewPackage::new(r, &lesson_record().card, None, "test").to_json()
}

#[test]
fn verify_and_gate_accept_the_approved_package_over_exactly_its_card() {
    let dir = folder("approved");
    let approved = write(&dir, "approved.json", &package(&request_through(6)));
    let card = write(&dir, "card.json", &card_to_json(&lesson_example()));
    let readme = write(&dir, "README.md", &card_to_readme(&lesson_example()));

    let (code, out, _) = run(&["verify", &approved, "--card", &card]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Approved for production; 7 trail entries, chain intact"),
        "{out}"
    );

    for card_file in [&card, &readme] {
        let (code, out, _) = run(&["gate", "--approved", &approved, "--card", card_file]);
        assert_eq!(code, 0, "{card_file}: {out}");
        assert!(
            out.contains("all six stages approved this content; final approval by Lee Lead"),
            "{out}"
        );
    }
    let (code, out, _) = run(&[
        "gate",
        "--approved",
        &approved,
        "--card",
        &card,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["results"][0]["ok"], true);
}

#[test]
fn gate_fails_on_a_returned_a_stale_and_a_tampered_package() {
    let dir = folder("refused");
    let card = write(&dir, "card.json", &card_to_json(&lesson_example()));

    // Returned at fairness review.
    let mut returned = request_through(2);
    let hash = content_hash(&lesson_example());
    returned
        .decide(
            "Fay Fair",
            Decision::NeedsRevision,
            "Gap too large.",
            &hash,
            at(30),
        )
        .unwrap();
    let returned = write(&dir, "returned.json", &package(&returned));
    let (code, out, _) = run(&["gate", "--approved", &returned, "--card", &card]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not approved for production: Needs revision at Fairness review; returned to Ana Requester"), "{out}");
    let (code, out, _) = run(&["verify", &returned]);
    assert_eq!(code, 0, "a returned package is intact: {out}");

    // Stale: the card in the repository was edited after the approval.
    let approved = write(&dir, "approved.json", &package(&request_through(6)));
    let mut edited = lesson_example();
    edited.intended_use.push_str(" Also for email campaigns.");
    let edited = write(&dir, "edited.json", &card_to_json(&edited));
    let (code, out, _) = run(&["gate", "--approved", &approved, "--card", &edited]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the card file is not the card in the package"),
        "{out}"
    );
    assert!(
        out.contains("Data review's approval covers other content than this card"),
        "{out}"
    );
    let (code, out, _) = run(&["verify", &approved, "--card", &edited]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("is not the card in the package"), "{out}");

    // Tampered: a reviewer's name changed in the file.
    let tampered = package(&request_through(6)).replacen("\"Mo Model\"", "\"Mallory\"", 1);
    let tampered = write(&dir, "tampered.json", &tampered);
    let (code, out, _) = run(&["verify", &tampered]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "Entry 3 of the trail (Model review: Approved by Mallory) does not match its hash"
        ),
        "{out}"
    );
    let (code, out, _) = run(&["gate", "--approved", &tampered, "--card", &card]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn check_names_forks_broken_files_and_newer_versions() {
    let dir = folder("check");
    let base = request_through(2);
    let hash = content_hash(&lesson_example());
    let mut approve = base.clone();
    approve
        .decide("Fay Fair", Decision::Approve, "", &hash, at(40))
        .unwrap();
    let mut reject = base.clone();
    reject
        .decide("Fred Other", Decision::Reject, "Not fair.", &hash, at(41))
        .unwrap();
    let a = write(&dir, "a.json", &package(&approve));
    let b = write(&dir, "b.json", &package(&reject));
    let (code, out, _) = run(&["check", &a, &b]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("conflict: the trails fork"), "{out}");
    assert!(
        out.contains("Fairness review approved by Fay Fair"),
        "{out}"
    );
    assert!(
        out.contains("Fairness review rejected by Fred Other"),
        "{out}"
    );

    let broken = write(
        &dir,
        "broken.json",
        "{\"format\": \"mlops-governance-review-package\",\n  \"schema_version\": 1,,}",
    );
    let (code, out, _) = run(&["check", &broken]);
    assert_eq!(code, 1);
    assert!(
        out.contains("The file is not valid JSON: line 2, column 23: key must be a string"),
        "{out}"
    );

    let newer = write(
        &dir,
        "newer.json",
        &package(&base).replacen("\"schema_version\": 1", "\"schema_version\": 9", 1),
    );
    let (code, out, _) = run(&["check", &newer]);
    assert_eq!(code, 1);
    assert!(
        out.contains("made by a newer version of the workbench (package version 9)"),
        "{out}"
    );
    let newer_workspace = write(
        &dir,
        "ws.json",
        "{\"format\": \"mlops-governance-workbench\", \"schema_version\": 99, \"workspace\": {}}",
    );
    let (code, out, _) = run(&["check", &newer_workspace]);
    assert_eq!(code, 1);
    assert!(
        out.contains("saved by a newer version of the workbench (schema version 99)"),
        "{out}"
    );

    // A card with a problem at a field: its path and row.
    let mut card = lesson_example();
    card.contact_email = "not an address".to_owned();
    let card = write(&dir, "card.json", &card_to_json(&card));
    let (code, out, _) = run(&["check", &card]);
    assert_eq!(code, 1);
    assert!(
        out.contains("card.contact_email: Write an e-mail address"),
        "{out}"
    );

    // A missing file and a bad command line: exit 2 with a message, never a panic.
    let (code, _, _) = run(&["check", &dir.join("missing.json").to_string_lossy()]);
    assert_eq!(code, 2);
    for args in [
        &["frobnicate"][..],
        &["gate"],
        &["gate", "--approved", &a],
        &["verify"],
        &["check", "--format", "xml", &a],
        &["gate", "--min-level", "9", &a],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(err.starts_with("workbench: "), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn gate_checks_completeness_levels_scores_and_open_debt() {
    let dir = folder("gate");
    let card = write(&dir, "card.json", &card_to_json(&lesson_example()));
    let (code, out, _) = run(&["gate", "--card", &card, "--min-completeness", "90"]);
    assert_eq!(code, 0, "{out}");
    // An empty card is 0% complete and names what is missing.
    let empty = write(&dir, "empty.json", &card_to_json(&Default::default()));
    let (code, out, _) = run(&["gate", "--card", &empty, "--min-completeness", "1"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL card completeness at least 1%"), "{out}");
    assert!(out.contains("missing: Model name, "), "{out}");

    let fixture = format!(
        "{}/tests/fixtures/workspace-v7.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out, _) = run(&["gate", "--min-level", "1", &fixture]);
    assert_eq!(code, 1, "two assessments are at level 0: {out}");
    assert!(
        out.contains("Fraud detection: Level 0: Manual Process"),
        "{out}"
    );
    let (code, out, _) = run(&["gate", "--no-open-debt", "high", &fixture]);
    assert_eq!(code, 1);
    assert!(
        out.contains("lesson-debt-2 (high impact, in progress)"),
        "{out}"
    );
    let (code, out, _) = run(&["gate", "--min-score", "0.5", &fixture]);
    assert_eq!(code, 0, "{out}");

    let mut workspace = Workspace::default();
    workspace
        .assessments
        .items
        .push(common::assessment("a", "Team", 0));
    let empty = write(&dir, "ws.json", &export_document(&workspace, "test", at(0)));
    let (code, out, _) = run(&[
        "gate",
        "--no-open-debt",
        "low",
        &empty,
        "--min-score",
        "1",
        &empty,
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ok   no open debt of low impact"), "{out}");
    assert!(
        out.contains("the file holds no ML Test Score assessment"),
        "{out}"
    );
}

#[test]
fn render_writes_the_apps_own_files() {
    use mlops_governance_workbench::core::cards::html::render_card_html;
    use mlops_governance_workbench::core::maturity::report::assessment_markdown;
    let dir = folder("render");
    let approved = write(&dir, "approved.json", &package(&request_through(6)));
    let (code, out, _) = run(&["render", &approved]);
    assert_eq!(code, 0);
    assert_eq!(out, render_card_html(&lesson_example()));
    let readme = dir.join("README.md");
    let (code, _, _) = run(&[
        "render",
        &approved,
        "--as",
        "readme",
        "--out",
        &readme.to_string_lossy(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(readme).unwrap(),
        card_to_readme(&lesson_example())
    );

    let fixture = format!(
        "{}/tests/fixtures/workspace-v7.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, _, err) = run(&["render", &fixture]);
    assert_eq!(code, 2);
    assert!(err.contains("choose one with --assessment NAME"), "{err}");
    let (code, out, _) = run(&["render", &fixture, "--assessment", "Fraud detection"]);
    assert_eq!(code, 0);
    let workspace = mlops_governance_workbench::core::workspace::file::parse_document(
        &std::fs::read_to_string(&fixture).unwrap(),
    )
    .unwrap();
    let fraud = workspace
        .assessments
        .items
        .iter()
        .find(|a| a.name == "Fraud detection")
        .unwrap();
    assert_eq!(out, assessment_markdown(fraud));
}
