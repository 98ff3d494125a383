//! `check FILE…`: every file read with the app's own readers; each problem with its place.

use crate::inputs::{Kind, kind_of, read_text};
use crate::report::Report;
use mlops_governance_workbench::core::cards::card::ModelCard;
use mlops_governance_workbench::core::cards::checks::problems;
use mlops_governance_workbench::core::cards::file::read_card_file;
use mlops_governance_workbench::core::lifecycle::review::{
    Relation, ReviewPackage, read_package, relation, verify,
};
use mlops_governance_workbench::core::workspace::file::parse_document;
use std::path::{Path, PathBuf};

pub fn run(files: &[PathBuf]) -> Report {
    let mut report = Report::default();
    let mut packages: Vec<(String, ReviewPackage)> = Vec::new();
    for path in files {
        let subject = path.display().to_string();
        let text = match read_text(path) {
            Ok(text) => text,
            Err(message) => {
                report.unusable = true;
                report.push(subject, false, vec![message]);
                continue;
            }
        };
        let Checked {
            found,
            problems,
            package,
        } = check_text(path, &text);
        let ok = problems.is_empty();
        if let (true, Some(package)) = (ok, package) {
            packages.push((subject.clone(), package));
        }
        report.push(subject, ok, if ok { vec![found] } else { problems });
    }
    forks(&mut report, &packages);
    report
}

/// Two packages of one request that continue its trail differently: two reviewers answered
/// the same package. Both decisions are shown; neither wins.
fn forks(report: &mut Report, packages: &[(String, ReviewPackage)]) {
    for (index, (a_name, a)) in packages.iter().enumerate() {
        for (b_name, b) in packages.iter().skip(index + 1) {
            if a.request.id != b.request.id {
                continue;
            }
            if let Relation::Fork { kept, incoming } = relation(&a.request, &b.request) {
                let say = |name: &str, e: &mlops_governance_workbench::core::lifecycle::approval::TrailEntry| {
                    format!(
                        "{name}: {} {} by {} ({})",
                        e.stage.label(),
                        e.kind.label().to_lowercase(),
                        e.by,
                        e.at.format("%Y-%m-%d %H:%M UTC")
                    )
                };
                report.push(
                    format!("{a_name} and {b_name} are one request"),
                    false,
                    vec![
                        "conflict: the trails fork; two reviewers answered the same package"
                            .to_owned(),
                        say(a_name, &kept),
                        say(b_name, &incoming),
                    ],
                );
            }
        }
    }
}

/// What one file is and its problems (none when it is good); a package is kept, read once,
/// for the fork check across files.
struct Checked {
    found: String,
    problems: Vec<String>,
    package: Option<ReviewPackage>,
}

impl Checked {
    fn failed(problem: String) -> Self {
        Checked {
            found: String::new(),
            problems: vec![problem],
            package: None,
        }
    }

    fn read(found: String, problems: Vec<String>) -> Self {
        Checked {
            found,
            problems,
            package: None,
        }
    }
}

fn check_text(path: &Path, text: &str) -> Checked {
    match kind_of(path, text) {
        Kind::Workspace => match parse_document(text) {
            Err(error) => Checked::failed(error.to_string()),
            Ok(workspace) => {
                let mut found = Vec::new();
                for (index, record) in workspace.cards.items.iter().enumerate() {
                    found.extend(card_problems(
                        &record.card,
                        &format!("workspace.cards.items[{index}].card"),
                    ));
                }
                let summary = format!("workspace file: {}", workspace.counts().describe());
                Checked::read(summary, found)
            }
        },
        Kind::Package => match read_package(text) {
            Err(error) => Checked::failed(error.to_string()),
            Ok(package) => {
                let mut found: Vec<String> =
                    verify(&package).iter().map(ToString::to_string).collect();
                found.extend(card_problems(&package.card, "package.card"));
                let summary = format!(
                    "review package of {}: {}",
                    package.request.title(),
                    package.request.summary()
                );
                Checked {
                    found: summary,
                    problems: found,
                    package: Some(package),
                }
            }
        },
        Kind::Card => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            match read_card_file(&name, text) {
                Err(error) => Checked::failed(error),
                Ok((card, summary)) => Checked::read(
                    format!("model card: {summary}"),
                    card_problems(&card, "card"),
                ),
            }
        }
    }
}

/// The card's problems at their field path, e.g. `card.performance_metrics[2]: …`.
fn card_problems(card: &ModelCard, prefix: &str) -> Vec<String> {
    problems(card)
        .into_iter()
        .map(|p| {
            let row = p.row.map(|r| format!("[{r}]")).unwrap_or_default();
            format!("{prefix}.{}{row}: {}", p.field.key(), p.message)
        })
        .collect()
}
