//! `gate`: exit 0 only when every condition given holds; each condition is printed with why
//! it failed, so a CI log says what to fix.

use crate::args::Conditions;
use crate::inputs::{read_card, read_review_package, read_workspace};
use crate::report::Report;
use mlops_governance_workbench::core::cards::card::ModelCard;
use mlops_governance_workbench::core::cards::checks::{completeness, missing};
use mlops_governance_workbench::core::debt::item::{DebtStatus, Rating};
use mlops_governance_workbench::core::lifecycle::approval::{ApprovalStage, content_hash};
use mlops_governance_workbench::core::lifecycle::review::verify;
use mlops_governance_workbench::core::maturity::instrument::Instrument;
use mlops_governance_workbench::core::maturity::test_score::points;
use mlops_governance_workbench::core::workspace::Workspace;
use std::path::Path;

pub fn run(conditions: &Conditions) -> Report {
    let mut report = Report::default();
    let card = conditions
        .card
        .as_deref()
        .map(|path| (path, read_card(path)));
    if let Some((path, Err(message))) = &card {
        report.unusable = true;
        report.push(path.display().to_string(), false, vec![message.clone()]);
    }
    let card = card.and_then(|(_, c)| c.ok());
    if let (Some(package), Some(card)) = (&conditions.approved, &card) {
        approved(&mut report, package, card);
    }
    if let (Some(percent), Some(card)) = (conditions.min_completeness, &card) {
        let done = completeness(card);
        let subject = format!("card completeness at least {percent}%");
        let ok = done.percent() >= percent;
        let mut messages = vec![format!(
            "{}% ({} of {} fields)",
            done.percent(),
            done.filled,
            done.total
        )];
        if !ok {
            let names: Vec<&str> = missing(card).iter().map(|f| f.label()).collect();
            messages.push(format!("missing: {}", names.join(", ")));
        }
        report.push(subject, ok, messages);
    }
    if let Some((level, path)) = &conditions.min_level {
        at_least(&mut report, Instrument::Maturity, *level, path);
    }
    if let Some((half_points, path)) = &conditions.min_score {
        at_least(&mut report, Instrument::MlTestScore, *half_points, path);
    }
    if let Some((rating, path)) = &conditions.no_open_debt {
        no_open_debt(&mut report, rating, path);
    }
    report
}

/// The workspace file of a condition, or the condition failed as unusable.
fn workspace_for(report: &mut Report, subject: &str, path: &Path) -> Option<Workspace> {
    match read_workspace(path) {
        Ok(workspace) => Some(workspace),
        Err(message) => {
            report.unusable = true;
            report.push(subject, false, vec![message]);
            None
        }
    }
}

/// All six stages approved, the package intact, and its card exactly the given card.
fn approved(report: &mut Report, path: &Path, card: &ModelCard) {
    let subject = format!("{} approves this card", path.display());
    let package = match read_review_package(path) {
        Ok(package) => package,
        Err(message) => {
            report.unusable = true;
            report.push(subject, false, vec![message]);
            return;
        }
    };
    let mut why: Vec<String> = verify(&package).iter().map(ToString::to_string).collect();
    let request = &package.request;
    if !request.is_approved_for_production() {
        why.push(format!(
            "not approved for production: {}",
            request.summary()
        ));
    }
    let hash = content_hash(card);
    if hash != package.card_sha256 {
        why.push("the card file is not the card in the package (its content differs)".to_owned());
    }
    for stage in ApprovalStage::ALL {
        match request.approval_in_force(stage) {
            Some(entry) if entry.card_hash != hash => why.push(format!(
                "{}'s approval covers other content than this card",
                stage.label()
            )),
            Some(_) => {}
            None if request.is_approved_for_production() => {
                why.push(format!("{} has no approval", stage.label()));
            }
            None => {}
        }
    }
    let ok = why.is_empty();
    let messages = if ok {
        let final_by = request
            .approval_in_force(ApprovalStage::FinalApproval)
            .map(|e| e.by.clone())
            .unwrap_or_default();
        vec![format!(
            "{}: all six stages approved this content; final approval by {final_by}",
            request.title()
        )]
    } else {
        why
    };
    report.push(subject, ok, messages);
}

/// Every assessment of `instrument` in the file reaches `steps` (a level, or half points).
fn at_least(report: &mut Report, instrument: Instrument, steps: u8, path: &Path) {
    let subject = format!(
        "{} at least {} in {}",
        instrument.label(),
        instrument.overall_label(steps),
        path.display()
    );
    let Some(workspace) = workspace_for(report, &subject, path) else {
        return;
    };
    let assessments: Vec<_> = workspace
        .assessments
        .items
        .iter()
        .filter(|a| a.instrument == instrument)
        .collect();
    if assessments.is_empty() {
        report.push(
            subject,
            false,
            vec![format!(
                "the file holds no {} assessment",
                instrument.label()
            )],
        );
        return;
    }
    let mut ok = true;
    let messages = assessments
        .iter()
        .map(|a| {
            let reached = a.overall_steps();
            ok &= reached >= steps;
            let shown = match instrument {
                Instrument::Maturity => instrument.overall_label(reached),
                Instrument::MlTestScore => format!("{} points", points(reached)),
            };
            format!("{}: {shown}", a.name)
        })
        .collect();
    report.push(subject, ok, messages);
}

/// No open or in-progress debt item whose impact is `rating` or higher.
fn no_open_debt(report: &mut Report, rating: &str, path: &Path) {
    let subject = format!(
        "no open debt of {rating} impact or higher in {}",
        path.display()
    );
    let Some(workspace) = workspace_for(report, &subject, path) else {
        return;
    };
    let rank = |r: Rating| match r {
        Rating::High => 3,
        Rating::Medium => 2,
        Rating::Low => 1,
    };
    let floor = Rating::parse(rating).map_or(3, rank);
    let open: Vec<String> = workspace
        .debt
        .items
        .iter()
        .filter(|d| d.status != DebtStatus::Resolved && rank(d.impact) >= floor)
        .map(|d| {
            format!(
                "{} ({} impact, {}): {}",
                d.id,
                d.impact.value(),
                d.status.label().to_lowercase(),
                d.description
            )
        })
        .collect();
    let ok = open.is_empty();
    let messages = if ok {
        vec![format!(
            "{} debt items, none open at that impact",
            workspace.debt.items.len()
        )]
    } else {
        open
    };
    report.push(subject, ok, messages);
}
