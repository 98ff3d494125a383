//! `render FILE`: a card as the app's HTML page, README or JSON; an assessment as the app's
//! Markdown report. The same functions as the app's downloads, so the files are the same.

use crate::args::Target;
use crate::inputs::{Kind, kind_of, read_card, read_text, read_workspace};
use mlops_governance_workbench::core::cards::html::render_card_html;
use mlops_governance_workbench::core::cards::json::card_to_json;
use mlops_governance_workbench::core::cards::readme::card_to_readme;
use mlops_governance_workbench::core::maturity::report::assessment_markdown;
use std::path::Path;

/// The rendered text, printed by the caller; `None` when it was written to `out`.
pub fn run(
    file: &Path,
    target: Option<Target>,
    assessment: Option<&str>,
    out: Option<&Path>,
) -> Result<Option<String>, String> {
    let text = read_text(file)?;
    let rendered = match (kind_of(file, &text), target) {
        (Kind::Workspace, None | Some(Target::Markdown)) => {
            let workspace = read_workspace(file)?;
            let items = &workspace.assessments.items;
            let chosen: Vec<_> = match assessment {
                Some(wanted) => items
                    .iter()
                    .filter(|a| a.id == wanted || a.name.trim() == wanted.trim())
                    .collect(),
                None => items.iter().collect(),
            };
            match chosen.as_slice() {
                [one] => assessment_markdown(one),
                [] => {
                    return Err(format!(
                        "{}: no assessment{} in this file",
                        file.display(),
                        assessment
                            .map(|a| format!(" named {a:?}"))
                            .unwrap_or_default()
                    ));
                }
                many => {
                    let names: Vec<String> = many.iter().map(|a| format!("{:?}", a.name)).collect();
                    return Err(format!(
                        "{}: {} assessments; choose one with --assessment NAME: {}",
                        file.display(),
                        many.len(),
                        names.join(", ")
                    ));
                }
            }
        }
        (Kind::Workspace, Some(_)) => {
            return Err(format!(
                "{}: a workspace file renders its assessments as markdown only",
                file.display()
            ));
        }
        (_, Some(Target::Markdown)) => {
            return Err(format!(
                "{}: a model card renders as html, readme or json",
                file.display()
            ));
        }
        (_, target) => {
            let card = read_card(file)?;
            match target {
                Some(Target::Readme) => card_to_readme(&card),
                Some(Target::Json) => card_to_json(&card),
                _ => render_card_html(&card),
            }
        }
    };
    match out {
        None => Ok(Some(rendered)),
        Some(out) => std::fs::write(out, rendered)
            .map(|()| None)
            .map_err(|e| format!("{}: cannot be written: {e}", out.display())),
    }
}
