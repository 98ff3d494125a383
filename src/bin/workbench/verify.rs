//! `verify PACKAGE [--card FILE]`: the package's chain, history and card hash; with a card
//! file, that the package's card is exactly that card and which approvals cover it.

use crate::inputs::{read_card, read_review_package};
use crate::report::Report;
use mlops_governance_workbench::core::lifecycle::approval::content_hash;
use mlops_governance_workbench::core::lifecycle::review::verify;
use std::path::Path;

pub fn run(package_path: &Path, card_path: Option<&Path>) -> Report {
    let mut report = Report::default();
    let package = match read_review_package(package_path) {
        Ok(package) => package,
        Err(message) => {
            report.unusable = true;
            report.push(package_path.display().to_string(), false, vec![message]);
            return report;
        }
    };
    let problems: Vec<String> = verify(&package).iter().map(ToString::to_string).collect();
    let ok = problems.is_empty();
    let found = if ok {
        vec![
            format!(
                "{}: {}; {} trail entries, chain intact",
                package.request.title(),
                package.request.summary(),
                package.request.trail().len()
            ),
            format!("card content SHA-256 {}", package.card_sha256),
        ]
    } else {
        problems
    };
    report.push(package_path.display().to_string(), ok, found);

    if let Some(card_path) = card_path {
        let subject = format!("{} is the package's card", card_path.display());
        match read_card(card_path) {
            Err(message) => {
                report.unusable = true;
                report.push(subject, false, vec![message]);
            }
            Ok(card) => {
                let hash = content_hash(&card);
                if hash != package.card_sha256 {
                    report.push(
                        subject,
                        false,
                        vec![format!(
                            "the card file's content (SHA-256 {hash}) is not the card in the package ({})",
                            package.card_sha256
                        )],
                    );
                } else {
                    let stale = package.request.stale_stages(&hash);
                    let mut messages = vec!["same content".to_owned()];
                    if !stale.is_empty() {
                        let names: Vec<&str> = stale.iter().map(|s| s.label()).collect();
                        messages.push(format!(
                            "approvals that cover older content: {}",
                            names.join(", ")
                        ));
                    }
                    report.push(subject, stale.is_empty(), messages);
                }
            }
        }
    }
    report
}
