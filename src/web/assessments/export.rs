//! Downloads of one assessment: as a workspace file that imports back, and as Markdown.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::report::assessment_markdown;
use crate::core::text::filename::file_stem;
use crate::core::workspace::Workspace;
use crate::core::workspace::file::export_document;
use crate::web::clock::now;
use crate::web::files::download;
use crate::web::storage::APP_VERSION;

/// One assessment as a workspace file, so importing it (merge) adds just this assessment.
pub fn download_json(assessment: &Assessment) -> Result<(), String> {
    let mut workspace = Workspace::default();
    workspace.assessments.upsert(assessment.clone());
    let text = export_document(&workspace, APP_VERSION, now());
    download(
        &format!("assessment-{}.json", file_stem(&assessment.name)),
        "application/json",
        &text,
    )
}

pub fn download_markdown(assessment: &Assessment) -> Result<(), String> {
    download(
        &format!("assessment-{}.md", file_stem(&assessment.name)),
        "text/markdown",
        &assessment_markdown(assessment),
    )
}
