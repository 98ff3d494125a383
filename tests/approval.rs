//! The model approval workflow: every legal and illegal transition, staleness after edits,
//! the content hash, reviewer addresses, notification links, the inbox and the exports.

mod common;
use common::{HOSTILE, HOSTILE_CARD_TEXT, at, hostile_card};

use mlops_governance_workbench::core::cards::card::{CardRecord, ModelCard, NamedNumber};
use mlops_governance_workbench::core::lifecycle::approval::{
    ApprovalError, ApprovalRequest, ApprovalStage, ApprovalStatus, Decision, EntryKind,
    ReviewerGroup, awaiting_resubmission, content_hash, first_break, inbox, notify_mailto,
    notify_text, reviewer_address, trail_json, trail_markdown,
};
use mlops_governance_workbench::core::lifecycle::review::{
    ApprovedBefore, PackageError, PackageProblem, Relation, ReviewPackage, package_file_name,
    read_package, relation, verify,
};
use mlops_governance_workbench::core::records::collection::Record;

const STAGES: [ApprovalStage; 6] = ApprovalStage::ALL;

fn card() -> CardRecord {
    CardRecord::new(
        "card-1".to_owned(),
        ModelCard {
            model_name: "recommendation_model".to_owned(),
            model_version: "v2.1.0".to_owned(),
            ..ModelCard::default()
        },
        at(0),
    )
}

fn request() -> ApprovalRequest {
    ApprovalRequest::new("req-1".to_owned(), &card(), "Ana Requester", at(10)).unwrap()
}

fn hash() -> String {
    content_hash(&card().card)
}

/// Approves the current stage as a reviewer other than the requester.
fn approve(r: &mut ApprovalRequest, seconds: i64) {
    r.decide(
        "Rui Reviewer",
        Decision::Approve,
        "looks good",
        &hash(),
        at(seconds),
    )
    .unwrap();
}

/// Calls `change`, expects `error`, and checks the request is exactly as before.
fn refused(
    r: &mut ApprovalRequest,
    error: ApprovalError,
    change: impl FnOnce(&mut ApprovalRequest) -> Result<(), ApprovalError>,
) {
    let before = r.clone();
    assert_eq!(change(r), Err(error));
    assert_eq!(*r, before, "a refused transition changed the request");
}

#[test]
fn the_lessons_stages_values_and_addresses() {
    let keys: Vec<&str> = STAGES.iter().map(|s| s.key()).collect();
    assert_eq!(
        keys,
        [
            "data_review",
            "model_review",
            "fairness_review",
            "security_review",
            "compliance_review",
            "final_approval"
        ]
    );
    for (i, stage) in STAGES.into_iter().enumerate() {
        assert_eq!(
            serde_json::to_string(&stage).unwrap(),
            format!("\"{}\"", stage.key())
        );
        let key = format!("\"{}\"", stage.key());
        assert_eq!(serde_json::from_str::<ApprovalStage>(&key).unwrap(), stage);
        assert_eq!(stage.number(), i + 1);
        assert_eq!(stage.next(), STAGES.get(i + 1).copied());
    }
    assert!(serde_json::from_str::<ApprovalStage>("\"legal_review\"").is_err());
    assert_eq!(ApprovalStage::DataReview.label(), "Data review");
    assert_eq!(ApprovalStage::FinalApproval.label(), "Final approval");
    let addresses: Vec<&str> = STAGES.iter().map(|s| s.default_reviewers()).collect();
    assert_eq!(
        addresses,
        [
            "data-team@example.com",
            "ml-team@example.com",
            "ethics-team@example.com",
            "security-team@example.com",
            "compliance-team@example.com",
            "ml-lead@example.com"
        ]
    );
    let statuses = [
        ApprovalStatus::Pending,
        ApprovalStatus::Approved,
        ApprovalStatus::Rejected,
        ApprovalStatus::NeedsRevision,
    ];
    let values: Vec<String> = statuses
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    assert_eq!(
        values,
        [
            "\"pending\"",
            "\"approved\"",
            "\"rejected\"",
            "\"needs_revision\""
        ]
    );
    assert_eq!(ApprovalStatus::NeedsRevision.label(), "Needs revision");
    assert_eq!(
        serde_json::to_string(&Decision::NeedsRevision).unwrap(),
        "\"needs_revision\""
    );
}

#[test]
fn a_new_request_starts_pending_at_data_review_with_one_entry() {
    let r = request();
    assert_eq!(r.id(), "req-1");
    assert_eq!(r.card_id, "card-1");
    assert_eq!(r.title(), "recommendation_model v2.1.0");
    assert_eq!(r.requested_by(), "Ana Requester");
    assert_eq!(r.requested_on.to_string(), "2026-01-01");
    assert_eq!(r.stage(), ApprovalStage::DataReview);
    assert_eq!(r.status(), ApprovalStatus::Pending);
    assert!(!r.is_approved_for_production());
    assert_eq!(r.trail().len(), 1);
    let first = &r.trail()[0];
    assert_eq!(first.kind, EntryKind::Requested);
    assert_eq!(first.by, "Ana Requester");
    assert_eq!(first.card_hash, hash());
    assert_eq!((r.created_at, r.updated_at), (at(10), at(10)));
    assert_eq!(r.summary(), "Waiting for Data review (stage 1 of 6)");
}

#[test]
fn a_blank_requester_is_refused() {
    for name in ["", "   ", "\n\t"] {
        let error = ApprovalRequest::new("r".to_owned(), &card(), name, at(0)).unwrap_err();
        assert_eq!(error, ApprovalError::BlankRequester);
        assert_eq!(
            error.to_string(),
            "Type the requester's name: a returned request goes back to them."
        );
    }
    let trimmed = ApprovalRequest::new("r".to_owned(), &card(), "  Ana  ", at(0)).unwrap();
    assert_eq!(trimmed.requested_by(), "Ana");
}

#[test]
fn approving_stage_k_moves_to_k_plus_1_only_and_the_sixth_approves_for_production() {
    let mut r = request();
    for (k, stage) in STAGES.into_iter().enumerate() {
        assert_eq!(r.stage(), stage);
        assert_eq!(r.status(), ApprovalStatus::Pending);
        assert!(!r.is_approved_for_production());
        approve(&mut r, 100 + k as i64);
        let last = r.trail().last().unwrap();
        assert_eq!(last.stage, stage, "the entry names the stage decided");
        assert_eq!(last.kind, EntryKind::Decided(Decision::Approve));
        assert_eq!(r.updated_at, at(100 + k as i64));
        match stage.next() {
            Some(next) => assert_eq!(r.stage(), next),
            None => {
                assert_eq!(r.stage(), ApprovalStage::FinalApproval);
                assert_eq!(r.status(), ApprovalStatus::Approved);
            }
        }
    }
    assert!(r.is_approved_for_production());
    assert_eq!(r.trail().len(), 7);
    assert_eq!(r.summary(), "Approved for production");
    for stage in STAGES {
        assert!(r.approval_in_force(stage).is_some(), "{stage:?}");
    }
}

#[test]
fn nothing_can_be_decided_or_resubmitted_after_final_approval() {
    let mut r = request();
    for k in 0..6 {
        approve(&mut r, k);
    }
    for decision in [Decision::Approve, Decision::Reject, Decision::NeedsRevision] {
        refused(&mut r, ApprovalError::Finished, |r| {
            r.decide("Someone Else", decision, "late", &hash(), at(99))
        });
    }
    refused(&mut r, ApprovalError::Finished, |r| {
        r.resubmit("Ana Requester", "", &hash(), at(99))
    });
    assert_eq!(
        ApprovalError::Finished.to_string(),
        "This request is already approved for production, so nothing more can be recorded on it. Start a new request to review another version."
    );
}

#[test]
fn a_returned_request_cannot_be_decided_until_resubmitted() {
    for (decision, status) in [
        (Decision::Reject, ApprovalStatus::Rejected),
        (Decision::NeedsRevision, ApprovalStatus::NeedsRevision),
    ] {
        let mut r = request();
        approve(&mut r, 20);
        r.decide("Mo Modeller", decision, "no baseline", &hash(), at(30))
            .unwrap();
        assert_eq!(r.status(), status);
        assert_eq!(r.stage(), ApprovalStage::ModelReview);
        let error = ApprovalError::Returned {
            requester: "Ana Requester".to_owned(),
            status,
        };
        for d in [Decision::Approve, Decision::Reject, Decision::NeedsRevision] {
            refused(&mut r, error.clone(), |r| {
                r.decide("Mo Modeller", d, "again", &hash(), at(40))
            });
        }
    }
    assert_eq!(
        ApprovalError::Returned {
            requester: "Ana".to_owned(),
            status: ApprovalStatus::Rejected
        }
        .to_string(),
        "This request was rejected and returned to Ana. It can be reviewed again once they resubmit it."
    );
    assert_eq!(
        ApprovalError::Returned {
            requester: "Ana".to_owned(),
            status: ApprovalStatus::NeedsRevision
        }
        .to_string(),
        "This request was returned for revision to Ana. It can be reviewed again once they resubmit it."
    );
}

#[test]
fn a_pending_request_cannot_be_resubmitted() {
    let mut r = request();
    approve(&mut r, 20);
    let error = ApprovalError::NotReturned {
        stage: ApprovalStage::ModelReview,
    };
    assert_eq!(
        error.to_string(),
        "Only a rejected request or one that needs revision can be resubmitted; this one is waiting at Model review."
    );
    refused(&mut r, error, |r| {
        r.resubmit("Ana Requester", "", &hash(), at(30))
    });
}

#[test]
fn reject_or_needs_revision_then_resubmit_restarts_at_that_stage_and_keeps_the_trail() {
    for decision in [Decision::Reject, Decision::NeedsRevision] {
        let mut r = request();
        approve(&mut r, 20); // data review
        approve(&mut r, 21); // model review
        r.decide(
            "Fay Fairness",
            decision,
            "Gap for age 50+ is too large.",
            &hash(),
            at(30),
        )
        .unwrap();
        assert_eq!(r.stage(), ApprovalStage::FairnessReview);
        assert_eq!(awaiting_resubmission(std::slice::from_ref(&r)).len(), 1);
        assert!(
            r.summary()
                .ends_with("at Fairness review; returned to Ana Requester")
        );
        let before: Vec<_> = r.trail().to_vec();

        // The card is unchanged, so no earlier approval is stale (an edited card restarts at
        // the first stale stage: approvals_given_on_older_content_are_stale).
        r.resubmit(" ana requester ", "Rebalanced the data.", &hash(), at(40))
            .unwrap();
        assert_eq!(r.status(), ApprovalStatus::Pending);
        assert_eq!(r.stage(), ApprovalStage::FairnessReview, "restarts there");
        assert_eq!(r.updated_at, at(40));
        assert_eq!(r.trail().len(), before.len() + 1);
        assert_eq!(&r.trail()[..before.len()], &before[..], "history stays");
        let last = r.trail().last().unwrap();
        assert_eq!(last.kind, EntryKind::Resubmitted);
        assert_eq!(last.stage, ApprovalStage::FairnessReview);
        assert_eq!(last.by, "ana requester");
        assert_eq!(last.comment, "Rebalanced the data.");
        assert_eq!(last.card_hash, hash());
        // Earlier approvals still count; the returning stage has none.
        assert!(r.approval_in_force(ApprovalStage::DataReview).is_some());
        assert!(r.approval_in_force(ApprovalStage::ModelReview).is_some());
        assert!(r.approval_in_force(ApprovalStage::FairnessReview).is_none());

        // And it goes on from there to production.
        for k in 0..4 {
            approve(&mut r, 50 + k);
        }
        assert!(r.is_approved_for_production());
        assert_eq!(r.trail().len(), 1 + 2 + 1 + 1 + 4);
    }
}

#[test]
fn only_the_requester_may_resubmit() {
    let mut r = request();
    r.decide(
        "Dee Data",
        Decision::Reject,
        "Missing lineage.",
        &hash(),
        at(20),
    )
    .unwrap();
    let error = ApprovalError::NotRequester {
        requester: "Ana Requester".to_owned(),
    };
    assert_eq!(
        error.to_string(),
        "Only the requester, Ana Requester, can resubmit this request: type their name."
    );
    for name in ["Dee Data", "", "  "] {
        refused(&mut r, error.clone(), |r| {
            r.resubmit(name, "", &hash(), at(30))
        });
    }
    r.resubmit("ANA REQUESTER", "", &hash(), at(30)).unwrap();
    assert_eq!(r.trail().last().unwrap().comment, "");
}

#[test]
fn the_requester_cannot_approve_but_may_reject_or_ask_for_revision() {
    let mut r = request();
    let error = ApprovalError::OwnApproval {
        requester: "Ana Requester".to_owned(),
    };
    assert_eq!(
        error.to_string(),
        "Ana Requester requested this approval, so they cannot approve it too. Another reviewer must approve this stage."
    );
    for name in ["Ana Requester", "  ana requester ", "ANA REQUESTER"] {
        refused(&mut r, error.clone(), |r| {
            r.decide(name, Decision::Approve, "fine by me", &hash(), at(20))
        });
    }
    // Separation of duties holds at every stage, not only the first.
    approve(&mut r, 21);
    refused(&mut r, error, |r| {
        r.decide("Ana Requester", Decision::Approve, "", &hash(), at(22))
    });

    let mut own = request();
    own.decide(
        "Ana Requester",
        Decision::NeedsRevision,
        "I attached the wrong metrics.",
        &hash(),
        at(20),
    )
    .unwrap();
    assert_eq!(own.status(), ApprovalStatus::NeedsRevision);
    let mut own = request();
    own.decide(
        "ana requester",
        Decision::Reject,
        "Withdrawn.",
        &hash(),
        at(20),
    )
    .unwrap();
    assert_eq!(own.status(), ApprovalStatus::Rejected);
}

#[test]
fn a_blank_reviewer_or_a_reason_less_return_is_refused() {
    let mut r = request();
    for name in ["", "   "] {
        for d in [Decision::Approve, Decision::Reject, Decision::NeedsRevision] {
            refused(&mut r, ApprovalError::BlankReviewer, |r| {
                r.decide(name, d, "comment", &hash(), at(20))
            });
        }
    }
    for d in [Decision::Reject, Decision::NeedsRevision] {
        for comment in ["", " \n "] {
            refused(&mut r, ApprovalError::BlankComment { decision: d }, |r| {
                r.decide("Dee Data", d, comment, &hash(), at(20))
            });
        }
    }
    assert_eq!(
        ApprovalError::BlankReviewer.to_string(),
        "Type the reviewer's name: every decision in the audit trail says who made it."
    );
    assert_eq!(
        ApprovalError::BlankComment {
            decision: Decision::Reject
        }
        .to_string(),
        "Write a comment when you reject a request: the requester needs to know what to change."
    );
    assert_eq!(
        ApprovalError::BlankComment {
            decision: Decision::NeedsRevision
        }
        .to_string(),
        "Write a comment when you ask for revision: the requester needs to know what to change."
    );
    // An approval needs no comment; names and comments are stored trimmed.
    r.decide("  Dee Data ", Decision::Approve, "  ", &hash(), at(20))
        .unwrap();
    let last = r.trail().last().unwrap();
    assert_eq!((last.by.as_str(), last.comment.as_str()), ("Dee Data", ""));
}

#[test]
fn approvals_given_on_older_content_are_stale() {
    let mut r = request();
    let a = hash();
    approve(&mut r, 20);
    approve(&mut r, 21);
    assert!(r.stale_stages(&a).is_empty());

    let mut edited = card();
    edited.card.intended_use = "Recommend products.".to_owned();
    let b = content_hash(&edited.card);
    assert_ne!(a, b);
    assert_eq!(
        r.stale_stages(&b),
        [ApprovalStage::DataReview, ApprovalStage::ModelReview]
    );

    // Fairness approves the edited card: only it is current.
    r.decide("Fay Fairness", Decision::Approve, "", &b, at(22))
        .unwrap();
    assert_eq!(
        r.stale_stages(&b),
        [ApprovalStage::DataReview, ApprovalStage::ModelReview]
    );
    assert_eq!(r.stale_stages(&a), [ApprovalStage::FairnessReview]);

    // Security approves, compliance too; the final approval is refused while data and model
    // review cover older content, and nothing changes.
    r.decide("Sam Security", Decision::Approve, "", &b, at(23))
        .unwrap();
    r.decide("Cy Compliance", Decision::Approve, "", &b, at(24))
        .unwrap();
    refused(
        &mut r,
        ApprovalError::StaleApprovals {
            stages: vec![ApprovalStage::DataReview, ApprovalStage::ModelReview],
        },
        |r| r.decide("Fin Lead", Decision::Approve, "", &b, at(25)),
    );
    assert_eq!(
        ApprovalError::StaleApprovals {
            stages: vec![ApprovalStage::DataReview, ApprovalStage::ModelReview]
        }
        .to_string(),
        "The final approval cannot be given yet: the model card changed after these approvals, so they cover older content: Data review, Model review. Ask for revision instead; when the requester resubmits, the review restarts at Data review."
    );

    // Returned and resubmitted: the review restarts at the first stale stage, and once every
    // stage approved the current content the final approval is given.
    r.decide(
        "Fin Lead",
        Decision::NeedsRevision,
        "Re-review.",
        &b,
        at(26),
    )
    .unwrap();
    r.resubmit("Ana Requester", "Edited.", &b, at(27)).unwrap();
    assert_eq!(r.stage(), ApprovalStage::DataReview);
    assert!(
        r.stale_stages(&b).is_empty(),
        "stages being reviewed again have no approval in force"
    );
    for k in 0..6 {
        r.decide("Rui Reviewer", Decision::Approve, "", &b, at(30 + k))
            .unwrap();
    }
    assert!(r.is_approved_for_production());
    assert!(r.stale_stages(&b).is_empty());
    assert_eq!(r.replay_problem(), None);
}

#[test]
fn a_resubmission_without_stale_approvals_restarts_at_the_stage_that_returned_it() {
    let mut r = request();
    approve(&mut r, 20);
    approve(&mut r, 21);
    r.decide("Fay", Decision::Reject, "No.", &hash(), at(22))
        .unwrap();
    r.resubmit("Ana Requester", "", &hash(), at(23)).unwrap();
    assert_eq!(r.stage(), ApprovalStage::FairnessReview);
}

#[test]
fn the_content_hash_survives_a_round_trip_and_changes_with_any_field() {
    let record = CardRecord::new("c".to_owned(), hostile_card("x"), at(0));
    let base = content_hash(&record.card);
    assert_eq!(base.len(), 64, "SHA-256 as hex");
    assert!(base.bytes().all(|b| b.is_ascii_hexdigit()));
    let json = serde_json::to_string(&record).unwrap();
    let back: CardRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(content_hash(&back.card), base);
    for text in HOSTILE_CARD_TEXT {
        let record = CardRecord::new("c".to_owned(), hostile_card(text), at(0));
        let back: CardRecord =
            serde_json::from_str(&serde_json::to_string(&record).unwrap()).unwrap();
        assert_eq!(
            content_hash(&back.card),
            content_hash(&record.card),
            "{text:?}"
        );
    }
    // Not the record's times: touching the record without editing the card keeps it.
    assert_eq!(content_hash(&record.with_updated_at(at(99)).card), base);

    type Change = (&'static str, fn(&mut ModelCard));
    let changes: Vec<Change> = vec![
        ("name", |c| c.model_name.push('!')),
        ("version", |c| c.model_version.push('!')),
        ("type", |c| c.model_type.push('!')),
        ("architecture", |c| c.model_architecture.push('!')),
        ("training date", |c| c.training_date = None),
        ("team", |c| c.owner_team.push('!')),
        ("email", |c| c.contact_email.push('!')),
        ("intended use", |c| c.intended_use.push('!')),
        ("use cases", |c| c.primary_use_cases.push("y".to_owned())),
        ("out of scope", |c| c.out_of_scope_uses.clear()),
        ("factors", |c| c.relevant_factors.reverse()),
        ("evaluation factors", |c| {
            c.evaluation_factors[0].values.pop();
        }),
        ("metric value", |c| {
            c.performance_metrics[1].value = "0.750".to_owned()
        }),
        ("thresholds", |c| {
            c.decision_thresholds.push(NamedNumber::new("k", "1"))
        }),
        ("training data", |c| c.training_data_description.push('!')),
        ("training size", |c| c.training_data_size = Some(1)),
        ("range", |c| {
            c.training_data_date_range.start = c.training_date
        }),
        ("preprocessing", |c| {
            c.data_preprocessing.pop().map(drop).unwrap()
        }),
        ("evaluation data", |c| {
            c.evaluation_data_description.push('!')
        }),
        ("evaluation size", |c| c.evaluation_data_size = None),
        ("sensitive", |c| c.sensitive_data[0].push('!')),
        ("fairness", |c| {
            c.fairness_metrics[0].subgroups[1].name.push('!')
        }),
        ("biases", |c| c.potential_biases[1].clear()),
        ("limitations", |c| c.known_limitations.push(String::new())),
        ("failure modes", |c| c.failure_modes[0] = "X".to_owned()),
        ("regulations", |c| {
            c.regulatory_requirements.pop().map(drop).unwrap()
        }),
        ("privacy", |c| c.data_privacy_measures[0].push(' ')),
        ("license", |c| c.license.clear()),
        ("tags", |c| c.tags.push("t".to_owned())),
        ("unmapped", |c| c.unmapped_text.push('\n')),
    ];
    let mut seen = vec![base.clone()];
    for (name, change) in changes {
        let mut card = record.card.clone();
        change(&mut card);
        assert_ne!(card, record.card, "{name}: the change changes nothing");
        let h = content_hash(&card);
        assert!(!seen.contains(&h), "{name}: same hash as another card");
        seen.push(h);
    }
}

#[test]
fn reviewer_addresses_default_to_the_lessons_and_can_be_edited() {
    assert_eq!(
        reviewer_address(&[], ApprovalStage::FairnessReview),
        "ethics-team@example.com"
    );
    let groups = vec![
        ReviewerGroup::new(ApprovalStage::FairnessReview, " fair@corp.test ", at(1)),
        ReviewerGroup::new(ApprovalStage::SecurityReview, "   ", at(1)),
    ];
    assert_eq!(groups[0].id(), "fairness_review");
    assert_eq!(groups[0].address, "fair@corp.test");
    assert_eq!(
        reviewer_address(&groups, ApprovalStage::FairnessReview),
        "fair@corp.test"
    );
    assert_eq!(
        reviewer_address(&groups, ApprovalStage::SecurityReview),
        "security-team@example.com",
        "a cleared address falls back to the default"
    );
    assert_eq!(
        reviewer_address(&groups, ApprovalStage::FinalApproval),
        "ml-lead@example.com"
    );
    let json = serde_json::to_string(&groups[0]).unwrap();
    assert_eq!(
        serde_json::from_str::<ReviewerGroup>(&json).unwrap(),
        groups[0]
    );
    assert_eq!(groups[0].with_updated_at(at(5)).updated_at(), at(5));
}

/// The query of a mailto link, checked to be only `subject=…&body=…` with encoded values.
fn query_parts(link: &str) -> (String, String, String) {
    let (address, query) = link
        .strip_prefix("mailto:")
        .unwrap()
        .split_once('?')
        .unwrap();
    assert!(!query.contains('?'), "{query}");
    let parts: Vec<&str> = query.split('&').collect();
    assert_eq!(parts.len(), 2, "exactly two fields: {query}");
    let subject = parts[0].strip_prefix("subject=").unwrap();
    let body = parts[1].strip_prefix("body=").unwrap();
    for value in [address, subject, body] {
        assert!(
            value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%@,".contains(&b)),
            "{value}"
        );
    }
    (decode(address), decode(subject), decode(body))
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            assert_eq!(hex, hex.to_uppercase(), "upper-case hex");
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn notify_links_encode_hostile_text_so_it_cannot_add_headers() {
    let mut hostile = card();
    hostile.card.model_name = "m&cc=evil@x.test?bcc=x\r\nBcc: y 100% ü🧪 #frag".to_owned();
    hostile.card.model_version = "v1 & more".to_owned();
    let mut r =
        ApprovalRequest::new("r".to_owned(), &hostile, "Zoë &body=spoof\nTo: z", at(0)).unwrap();
    let link = notify_mailto(&r, "data-team@example.com");
    assert!(!link.contains(['\n', '\r', ' ', '#']));
    assert_eq!(link.matches('&').count(), 1);
    let (address, subject, body) = query_parts(&link);
    assert_eq!(address, "data-team@example.com");
    assert_eq!(
        subject,
        "Approval needed: m&cc=evil@x.test?bcc=x Bcc: y 100% ü🧪 #frag v1 & more, Data review",
        "the subject stays one line"
    );
    assert!(body.starts_with("Zoë &body=spoof\r\nTo: z asks for approval of the model card m&cc="));
    assert!(body.contains("It is waiting for Data review, stage 1 of 6."));
    assert!(body.contains("(requested on 2026-01-01)"));
    assert!(!body.replace("\r\n", "").contains(['\r', '\n']), "{body:?}");
    assert!(body.ends_with(".\r\n"), "line breaks are CRLF: {body:?}");
    assert_eq!(
        notify_text(&r).lines().next().unwrap(),
        "Approval needed: m&cc=evil@x.test?bcc=x Bcc: y 100% ü🧪 #frag v1 & more, Data review"
    );

    // An address with header characters is encoded as well.
    let (address, _, _) = query_parts(&notify_mailto(&r, " a@x.test?cc=b@y.test "));
    assert_eq!(address, "a@x.test?cc=b@y.test");

    // Returned: names the reviewer, stage and reason.
    r.decide(
        "Dee & Co",
        Decision::NeedsRevision,
        "Fix 50% & more\nplease",
        "h",
        at(5),
    )
    .unwrap();
    let (_, subject, body) = query_parts(&notify_mailto(&r, "ana@x.test"));
    assert!(subject.starts_with("Returned at Data review: m&cc="));
    assert!(body.starts_with("Dee & Co returned the model card"));
    assert!(body.contains("at Data review (needs revision):\r\n\r\nFix 50% & more\r\nplease\r\n"));
    assert!(body.contains("the review restarts at Data review."));
}

#[test]
fn notify_text_for_pending_and_approved_requests() {
    let mut r = request();
    assert_eq!(
        notify_text(&r),
        "Approval needed: recommendation_model v2.1.0, Data review\n\nAna Requester asks for approval of the model card recommendation_model v2.1.0 (requested on 2026-01-01).\n\nIt is waiting for Data review, stage 1 of 6. Please review the card in the MLOps Governance Workbench and record your decision there: approve, reject or needs revision.\n"
    );
    for k in 0..6 {
        approve(&mut r, k);
    }
    assert_eq!(
        notify_text(&r),
        "Approved for production: recommendation_model v2.1.0\n\nThe model card recommendation_model v2.1.0, requested by Ana Requester, passed all six stages and is approved for production. Final approval by Rui Reviewer.\n"
    );
}

#[test]
fn the_inbox_groups_pending_requests_by_stage_oldest_first() {
    let make = |id: &str, seconds: i64| {
        ApprovalRequest::new(id.to_owned(), &card(), "Ana", at(seconds)).unwrap()
    };
    let a = make("a", 50); // data review, since 50
    let b = make("b", 10); // data review, since 10
    let mut c = make("c", 0);
    approve(&mut c, 5); // model review, since 5
    let mut d = make("d", 0);
    d.decide("Dee", Decision::Reject, "No.", "h", at(1))
        .unwrap(); // returned
    let mut e = make("e", 0);
    for k in 0..6 {
        approve(&mut e, k); // finished
    }
    let mut f = make("f", 0);
    f.decide("Dee", Decision::NeedsRevision, "Fix.", "h", at(0))
        .unwrap();
    let all = vec![a, b, c, d, e, f];
    let groups = inbox(&all);
    assert_eq!(groups.len(), 6, "every stage, empty ones too");
    let ids: Vec<(ApprovalStage, Vec<&str>)> = groups
        .iter()
        .map(|(s, rs)| (*s, rs.iter().map(|r| r.id.as_str()).collect()))
        .collect();
    assert_eq!(
        ids,
        [
            (ApprovalStage::DataReview, vec!["b", "a"]),
            (ApprovalStage::ModelReview, vec!["c"]),
            (ApprovalStage::FairnessReview, vec![]),
            (ApprovalStage::SecurityReview, vec![]),
            (ApprovalStage::ComplianceReview, vec![]),
            (ApprovalStage::FinalApproval, vec![]),
        ]
    );
    let returned: Vec<&str> = awaiting_resubmission(&all)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(returned, ["f", "d"]);
    assert!(inbox(&[]).iter().all(|(_, rs)| rs.is_empty()));
}

#[test]
fn the_markdown_trail_escapes_hostile_text() {
    for text in HOSTILE.iter().chain(HOSTILE_CARD_TEXT) {
        let mut c = card();
        c.card.model_name = format!("name {text}");
        let mut r =
            ApprovalRequest::new("r".to_owned(), &c, &format!("req {text}"), at(0)).unwrap();
        r.decide(
            &format!("rev {text}"),
            Decision::Reject,
            &format!("why {text}"),
            "h",
            at(1),
        )
        .unwrap();
        let md = trail_markdown(&r);
        let table: Vec<&str> = md
            .lines()
            .skip_while(|l| !l.starts_with("| Time"))
            .collect();
        assert_eq!(table.len(), 4, "one line per entry: {md}");
        for line in &table {
            let unescaped_pipes = line
                .char_indices()
                .filter(|(i, c)| *c == '|' && (*i == 0 || line.as_bytes()[i - 1] != b'\\'))
                .count();
            assert_eq!(unescaped_pipes, 7, "{line}");
        }
        assert!(!md.contains('<'), "{md}");
        for line in &table {
            let cells = line.trim_matches('|');
            for (i, c) in cells.char_indices() {
                if "[]`*_".contains(c) {
                    assert_eq!(cells.as_bytes()[i - 1], b'\\', "unescaped {c} in {line}");
                }
            }
        }
        for line in md.lines().filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with("# Approval trail: ")
                    || line.starts_with("- ")
                    || line.starts_with("| "),
                "a line started by user text: {line:?}"
            );
        }
    }
    let md = trail_markdown(&request());
    assert!(md.starts_with("# Approval trail: recommendation\\_model v2.1.0\n\n- Requested by: Ana Requester\n- Requested on: 2026-01-01\n- Status: Waiting for Data review (stage 1 of 6)\n\n"));
    assert!(md.ends_with(&format!(
        "| 2026-01-01T00:00:10Z | Data review | Requested | Ana Requester |  | {} |\n",
        hash()
    )));
}

#[test]
fn a_request_with_a_full_trail_round_trips_through_json() {
    let mut r = request();
    approve(&mut r, 20);
    r.decide(
        "Mo",
        Decision::Reject,
        "Needs a baseline | *now*",
        &hash(),
        at(21),
    )
    .unwrap();
    r.resubmit("Ana Requester", "Added one.", &hash(), at(22))
        .unwrap();
    for k in 0..5 {
        approve(&mut r, 30 + k);
    }
    assert!(r.is_approved_for_production());
    let json = trail_json(&r);
    assert!(json.contains("\"requested_on\": \"2026-01-01\""));
    assert!(json.contains("\"status\": \"approved\""));
    assert!(json.contains("\"stage\": \"final_approval\""));
    assert!(json.contains("\"decided\": \"reject\""));
    assert!(json.contains("\"kind\": \"resubmitted\""));
    let back: ApprovalRequest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.trail().len(), 9);
    let compact: ApprovalRequest =
        serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(compact, r);
    // Dates are read by the workbench's own readers, with the usual messages.
    let broken = json.replace("\"2026-01-01\"", "\"01/01/2026\"");
    let error = serde_json::from_str::<ApprovalRequest>(&broken).unwrap_err();
    assert!(error.to_string().contains("is not a date like 2024-01-15"));
}

/// A request approved at data and model review, with a rejection and a resubmission before.
fn travelled() -> ApprovalRequest {
    let mut r = request();
    approve(&mut r, 20);
    r.decide("Mo", Decision::Reject, "Baseline?", &hash(), at(21))
        .unwrap();
    r.resubmit("Ana Requester", "Added.", &hash(), at(22))
        .unwrap();
    approve(&mut r, 23);
    r
}

fn package_of(r: &ApprovalRequest) -> ReviewPackage {
    ReviewPackage::new(r, &card().card, None, "test")
}

/// The package's JSON with `change` applied to its value.
fn edited(package: &ReviewPackage, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&package.to_json()).unwrap();
    change(&mut value);
    value.to_string()
}

#[test]
fn every_entry_is_linked_to_the_one_before() {
    let r = travelled();
    assert_eq!(first_break(r.trail()), None);
    let links: Vec<&str> = r.trail().iter().map(|e| e.chain.as_str()).collect();
    assert!(links.iter().all(|l| l.len() == 64));
    let mut unique = links.clone();
    unique.dedup();
    assert_eq!(unique.len(), links.len(), "every link differs");
    // A round trip keeps every link.
    let back: ApprovalRequest = serde_json::from_str(&trail_json(&r)).unwrap();
    assert_eq!(first_break(back.trail()), None);
    assert_eq!(back.replay_problem(), None);
}

#[test]
fn a_change_at_any_position_of_the_trail_breaks_the_chain_there() {
    let r = travelled();
    let package = package_of(&r);
    assert_eq!(verify(&package), []);
    let n = r.trail().len();
    for index in 0..n {
        for (field, value) in [
            ("by", serde_json::json!("Mallory")),
            ("comment", serde_json::json!("edited")),
            ("card_hash", serde_json::json!("0".repeat(64))),
            ("at", serde_json::json!("2030-01-01T00:00:00Z")),
        ] {
            let text = edited(&package, |v| {
                v["request"]["trail"][index][field] = value.clone();
            });
            let problems = verify(&read_package(&text).unwrap());
            assert!(
                matches!(problems.first(), Some(PackageProblem::EntryChanged { number, .. }) if *number == index + 1),
                "entry {index} field {field}: {problems:?}"
            );
        }
    }
    // An entry removed, or two swapped, breaks it too; and the message names the entry.
    let text = edited(&package, |v| {
        v["request"]["trail"].as_array_mut().unwrap().remove(2);
    });
    let problems = verify(&read_package(&text).unwrap());
    assert_eq!(
        problems.first().unwrap().to_string(),
        "Entry 3 of the trail (Model review: Resubmitted by Ana Requester) does not match its hash: it, or an entry before it, was changed, added or removed after it was written."
    );
    let text = edited(&package, |v| {
        v["request"]["trail"].as_array_mut().unwrap().swap(1, 2);
    });
    assert!(!verify(&read_package(&text).unwrap()).is_empty());
    // A missing link is a break as well.
    let text = edited(&package, |v| {
        v["request"]["trail"][0]
            .as_object_mut()
            .unwrap()
            .remove("chain");
    });
    assert!(matches!(
        verify(&read_package(&text).unwrap()).first(),
        Some(PackageProblem::EntryChanged { number: 1, .. })
    ));
}

#[test]
fn a_stage_or_status_edited_in_the_file_does_not_follow_from_the_trail() {
    let package = package_of(&travelled());
    let text = edited(&package, |v| {
        v["request"]["stage"] = serde_json::json!("final_approval");
    });
    let problems = verify(&read_package(&text).unwrap());
    assert_eq!(
        problems,
        [PackageProblem::History {
            reason: "the request says \"Waiting for Final approval (stage 6 of 6)\", but its trail leads to \"Waiting for Fairness review (stage 3 of 6)\"".to_owned()
        }]
    );
    let text = edited(&package, |v| {
        v["request"]["status"] = serde_json::json!("approved");
    });
    assert!(matches!(
        verify(&read_package(&text).unwrap()).as_slice(),
        [PackageProblem::History { .. }]
    ));
}

#[test]
fn a_card_edited_in_the_package_is_found() {
    let package = package_of(&travelled());
    let text = edited(&package, |v| {
        v["card"]["intended_use"] = serde_json::json!("Something else.");
    });
    assert_eq!(
        verify(&read_package(&text).unwrap()),
        [PackageProblem::CardChanged]
    );
    assert_eq!(
        PackageProblem::CardChanged.to_string(),
        "The model card in the package was changed after the package was made: its content no longer matches the package's content hash."
    );
}

#[test]
fn packages_with_hostile_text_round_trip_and_verify() {
    for text in HOSTILE.iter().chain(HOSTILE_CARD_TEXT) {
        let record = CardRecord::new("c".to_owned(), hostile_card(text), at(0));
        let mut r =
            ApprovalRequest::new("r".to_owned(), &record, &format!("req {text}"), at(1)).unwrap();
        let h = content_hash(&record.card);
        r.decide(&format!("rev {text}"), Decision::Approve, text, &h, at(2))
            .unwrap();
        let before = ApprovedBefore {
            model_version: text.to_string(),
            card: hostile_card("old"),
        };
        let package = ReviewPackage::new(&r, &record.card, Some(before), "test");
        let back = read_package(&package.to_json()).unwrap();
        assert_eq!(back, package, "{text:?}");
        assert_eq!(verify(&back), [], "{text:?}");
        let name = package_file_name(&r);
        assert!(name.starts_with("review-model-review"), "{name}");
        assert!(name.ends_with(".json"), "{name}");
        assert!(!name.contains(['<', '>', '/', '\\', '"', ' ']), "{name}");
    }
}

#[test]
fn legacy_entries_are_linked_when_the_package_is_made() {
    let mut value: serde_json::Value = serde_json::from_str(&trail_json(&travelled())).unwrap();
    for entry in value["trail"].as_array_mut().unwrap() {
        entry.as_object_mut().unwrap().remove("chain");
    }
    let legacy: ApprovalRequest = serde_json::from_value(value).unwrap();
    assert_eq!(first_break(legacy.trail()), Some(0));
    let package = ReviewPackage::new(&legacy, &card().card, None, "test");
    assert_eq!(verify(&package), []);
    assert_eq!(relation(&legacy, &package.request), Relation::Same);
}

#[test]
fn two_copies_of_a_request_are_newer_older_the_same_or_a_fork() {
    let base = travelled();
    let mut approved = base.clone();
    approve(&mut approved, 30);
    let mut returned = base.clone();
    returned
        .decide(
            "Fay",
            Decision::NeedsRevision,
            "Gap too large.",
            &hash(),
            at(31),
        )
        .unwrap();
    assert_eq!(relation(&base, &base), Relation::Same);
    assert_eq!(relation(&base, &approved), Relation::Newer { added: 1 });
    assert_eq!(relation(&approved, &base), Relation::Older);
    let Relation::Fork { kept, incoming } = relation(&approved, &returned) else {
        panic!("a fork");
    };
    assert_eq!(kept.kind, EntryKind::Decided(Decision::Approve));
    assert_eq!(incoming.kind, EntryKind::Decided(Decision::NeedsRevision));
    assert_eq!(incoming.comment, "Gap too large.");
}

#[test]
fn bad_package_files_say_what_is_wrong() {
    let message = |text: &str| read_package(text).unwrap_err().to_string();
    assert_eq!(message(""), "The file is empty.");
    assert!(message("{\"format\": ").starts_with("The file is not valid JSON: line 1"));
    assert_eq!(
        message("[]"),
        "The file is JSON, but not a review package: it should be one object {…}."
    );
    assert_eq!(
        message(r#"{"format": "mlops-governance-workbench", "schema_version": 7}"#),
        "This is a workspace file, not a review package: import it on the Workspace data page."
    );
    assert_eq!(
        read_package(r#"{"format": "mlops-governance-review-package", "schema_version": 2}"#),
        Err(PackageError::Newer { found: 2 })
    );
    assert!(
        message(r#"{"format": "mlops-governance-review-package", "schema_version": 2}"#)
            .contains("newer version of the workbench (package version 2)")
    );
    let package = package_of(&travelled());
    let text = edited(&package, |v| {
        v["request"]["trail"][1]["at"] = serde_json::json!(5)
    });
    assert!(
        message(&text).starts_with("The package has a wrong value at package.request.trail[1].at"),
        "{}",
        message(&text)
    );
}
