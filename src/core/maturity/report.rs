//! Markdown export of one assessment. User text is escaped so that it reads as plain text in
//! any Markdown viewer: no markup, no raw HTML, no list or heading started by a note.

use crate::core::maturity::assessment::{Answer, Assessment};
use crate::core::maturity::criteria::{CRITERIA, Level};
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::test_score::{BANDS, points};
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

/// The whole report, for either instrument.
pub fn assessment_markdown(assessment: &Assessment) -> String {
    match assessment.instrument {
        Instrument::Maturity => maturity_markdown(assessment),
        Instrument::MlTestScore => test_score_markdown(assessment),
    }
}

/// The title and the details every report starts with.
fn heading(md: &mut String, title: &str, assessment: &Assessment) {
    let _ = writeln!(md, "# {title}: {}\n", escape_block(&assessment.name));
    if !assessment.assessor.is_empty() {
        let _ = writeln!(md, "- Assessor: {}", escape_block(&assessment.assessor));
    }
    if let Some(date) = assessment.date {
        let _ = writeln!(md, "- Date: {date}");
    }
}

/// An answer's evidence and link, indented under its item.
fn notes(md: &mut String, answer: &Answer) {
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

/// The team's target and, when the room agreed this assessment, how the room met.
fn target_and_room(md: &mut String, assessment: &Assessment) {
    let instrument = assessment.instrument;
    let target = assessment.target_steps();
    let whose = if assessment.own_target_steps().is_some() {
        "set by the team"
    } else {
        "one step above today, by default"
    };
    let _ = writeln!(
        md,
        "- Target: {} ({whose})",
        instrument.overall_label(target)
    );
    if let Some(room) = &assessment.room {
        let _ = writeln!(
            md,
            "- Agreed by a room of {} participants on {}; each item's evidence gives the room's split.",
            room.participants, room.met_on
        );
    }
}

/// The ML Test Score report: sections, final score, the paper's interpretation, every test.
fn test_score_markdown(assessment: &Assessment) -> String {
    let result = assessment.test_score();
    let mut md = String::new();
    heading(&mut md, "ML Test Score", assessment);
    let band = result.band();
    let _ = writeln!(
        md,
        "- Final score: {} of 7, the lowest of the four sections: {}",
        points(result.final_half_points),
        band.description
    );
    let weakest: Vec<&str> = result.weakest().iter().map(|s| s.section.title()).collect();
    let _ = writeln!(md, "- Held down by: {}", weakest.join(", "));
    target_and_room(&mut md, assessment);
    md.push_str(
        "\n## Sections\n\n| Section | Score (of 7) | Not yet automated |\n|---|---:|---:|\n",
    );
    for section in &result.sections {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            section.section.title(),
            points(section.half_points),
            section.unmet().count()
        );
    }
    md.push_str("\n## Tests\n");
    for section in &result.sections {
        let _ = writeln!(md, "\n### {}\n", section.section.heading());
        for (test, practice) in &section.tests {
            let _ = writeln!(
                md,
                "- {} ({}): {}",
                test.label(),
                practice.short(),
                test.title
            );
            notes(&mut md, &assessment.answer(test.id));
        }
    }
    md.push_str("\n## Interpreting the final score (Breck et al. 2017, Table V)\n\n| Points | Description |\n|---|---|\n");
    for row in &BANDS {
        let mark = if row.range == band.range {
            " (this system)"
        } else {
            ""
        };
        let _ = writeln!(md, "| {} | {}{mark} |", row.range, row.description);
    }
    md
}

fn maturity_markdown(assessment: &Assessment) -> String {
    let result = assessment.result();
    let mut md = String::new();
    heading(&mut md, "MLOps maturity assessment", assessment);
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
    target_and_room(&mut md, assessment);
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
            notes(&mut md, &answer);
        }
    }
    md.push_str("\n## Recommendations\n\n");
    for (index, recommendation) in result.recommendations.iter().enumerate() {
        let _ = writeln!(md, "{}. {recommendation}", index + 1);
    }
    md
}
