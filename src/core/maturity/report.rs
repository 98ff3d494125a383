//! Markdown export of one assessment. User text is escaped so that it reads as plain text in
//! any Markdown viewer: no markup, no raw HTML, no list or heading started by a note.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, Level};
use crate::core::text::link::safe_href;
use crate::core::text::markdown::escape_block;
use std::fmt::Write;

/// A link as a Markdown autolink; characters that would end it are percent-encoded.
fn autolink(href: &str) -> String {
    let encoded: String = href
        .chars()
        .map(|c| match c {
            '<' => "%3C".to_owned(),
            '>' => "%3E".to_owned(),
            c => c.to_string(),
        })
        .collect();
    format!("<{encoded}>")
}

fn level_name(level: Level) -> String {
    format!("Level {} ({})", level.number(), level.title())
}

/// The whole report.
pub fn assessment_markdown(assessment: &Assessment) -> String {
    let result = assessment.result();
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# MLOps maturity assessment: {}\n",
        escape_block(&assessment.name)
    );
    if !assessment.assessor.is_empty() {
        let _ = writeln!(md, "- Assessor: {}", escape_block(&assessment.assessor));
    }
    if let Some(date) = assessment.date {
        let _ = writeln!(md, "- Date: {date}");
    }
    let _ = writeln!(
        md,
        "- Overall level: {}, counting a level only when it and every level below it reach {}% of their criteria.",
        level_name(result.overall),
        crate::core::maturity::criteria::THRESHOLD_PERCENT
    );
    if result.lesson_loop_level != result.overall {
        let _ = writeln!(
            md,
            "- The lesson's code, which ignores lower levels, would report {}.",
            level_name(result.lesson_loop_level)
        );
    }
    md.push_str("\n## Results by level\n\n| Level | Implemented | Total | Percentage |\n|---|---:|---:|---:|\n");
    for score in &result.scores {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {}% |",
            level_name(score.level),
            score.implemented,
            score.total,
            score.percent_rounded()
        );
    }
    md.push_str("\n## Criteria\n");
    for level in Level::SCORED {
        let _ = writeln!(md, "\n### {}\n", level_name(level));
        for criterion in CRITERIA.iter().filter(|c| c.level == level) {
            let answer = assessment.answer(criterion.id);
            let mark = if answer.implemented { "x" } else { " " };
            let _ = writeln!(md, "- [{mark}] {} ({})", criterion.text, criterion.category);
            if !answer.evidence.trim().is_empty() {
                let _ = writeln!(
                    md,
                    "  Evidence: {}",
                    escape_block(&answer.evidence).replace('\n', "\n  ")
                );
            }
            if let Some(href) = safe_href(&answer.link) {
                let _ = writeln!(md, "  Link: {}", autolink(href));
            }
        }
    }
    md.push_str("\n## Recommendations\n\n");
    for (index, recommendation) in result.recommendations.iter().enumerate() {
        let _ = writeln!(md, "{}. {recommendation}", index + 1);
    }
    md
}
