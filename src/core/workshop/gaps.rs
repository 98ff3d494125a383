//! Gaps become work: what stands between an assessment and its target, as debt items to add
//! to the register, each linked back to its criterion or test.
//!
//! The gaps are the criteria missing at the levels up to the target (the maturity model), or
//! the tests not yet automated in every section below the target score (the ML Test Score;
//! with the default target, the weakest sections). Nothing is ticked automatically: an item
//! that is resolved does not change the assessment; the team decides when a criterion is met.

use crate::core::debt::item::{DebtCategory, DebtItem, DebtStatus, GapLink, Rating};
use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, Level};
use crate::core::maturity::instrument::{Instrument, level_of};
use crate::core::maturity::test_score::{Practice, Section};
use crate::core::workshop::history::same_team;
use chrono::{DateTime, NaiveDate, Utc};

/// One gap with the debt item suggested for it (editable before it is added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The criterion's or test's id.
    pub item_id: &'static str,
    /// "Level 2" or "Data 3".
    pub group: String,
    pub text: &'static str,
    /// For the ML Test Score: how far the test is done today.
    pub practice: Option<Practice>,
    pub category: DebtCategory,
    pub impact: Rating,
    pub effort: Rating,
    pub description: String,
}

/// The debt category of a lesson criterion.
fn criterion_category(id: &str) -> DebtCategory {
    match id {
        "automated-data-validation" | "feature-store" => DebtCategory::Data,
        "experiment-tracking" | "automated-model-validation" => DebtCategory::Model,
        "basic-model-monitoring" | "drift-detection" | "auto-retraining-triggers" => {
            DebtCategory::Monitoring
        }
        "model-governance-framework" => DebtCategory::Documentation,
        _ => DebtCategory::Infrastructure,
    }
}

fn section_category(section: Section) -> DebtCategory {
    match section {
        Section::FeaturesAndData => DebtCategory::Data,
        Section::ModelDevelopment => DebtCategory::Model,
        Section::Infrastructure => DebtCategory::Infrastructure,
        Section::Monitoring => DebtCategory::Monitoring,
    }
}

/// Every gap between the assessment and its target, in the instrument's order.
pub fn gaps(assessment: &Assessment) -> Vec<Gap> {
    let team = assessment.name.trim();
    match assessment.instrument {
        Instrument::Maturity => {
            let target = level_of(assessment.target_steps());
            let result = assessment.result();
            CRITERIA
                .iter()
                .filter(|c| c.level <= target && !assessment.is_implemented(c.id))
                .filter(|c| {
                    // A level already reached needs nothing more to count.
                    result.score(c.level).is_none_or(|s| !s.meets_threshold())
                })
                .map(|c| Gap {
                    item_id: c.id,
                    group: format!("Level {}", c.level.number()),
                    text: c.text,
                    practice: None,
                    category: criterion_category(c.id),
                    // The nearer the level, the more it holds the team back.
                    impact: match c.level {
                        Level::Level0 | Level::Level1 => Rating::High,
                        Level::Level2 => Rating::Medium,
                        Level::Level3 => Rating::Low,
                    },
                    effort: Rating::Medium,
                    description: format!(
                        "{team}: {} (maturity Level {}) is not in place",
                        c.text.trim_end_matches('.'),
                        c.level.number()
                    ),
                })
                .collect()
        }
        Instrument::MlTestScore => {
            let result = assessment.test_score();
            result
                .below(assessment.target_steps())
                .into_iter()
                .flat_map(|(section, _)| section.unmet())
                .map(|&(test, practice)| {
                    let manual = practice == Practice::Manual;
                    Gap {
                        item_id: test.id,
                        group: test.label(),
                        text: test.title,
                        practice: Some(practice),
                        category: section_category(test.section),
                        // A missing test costs a whole point; automating a manual one, half.
                        impact: if manual { Rating::Medium } else { Rating::High },
                        effort: if manual { Rating::Low } else { Rating::Medium },
                        description: format!(
                            "{team}: ML Test Score {} “{}” is {}",
                            test.label(),
                            test.title.trim_end_matches('.'),
                            if manual {
                                "done manually, not automated"
                            } else {
                                "not done"
                            }
                        ),
                    }
                })
                .collect()
        }
    }
}

/// Whether `item` closes this gap of this team (same instrument, same criterion or test,
/// same team by name, whichever of its assessments added it).
pub fn closes(item: &DebtItem, assessment: &Assessment, item_id: &str) -> bool {
    item.closes.as_ref().is_some_and(|link| {
        link.item_id == item_id
            && link.instrument == assessment.instrument.value()
            && (link.assessment_id == assessment.id || same_team(&link.team, &assessment.name))
    })
}

/// The register's item for a gap, if there is one.
pub fn item_for<'a>(
    register: &'a [DebtItem],
    assessment: &Assessment,
    item_id: &str,
) -> Option<&'a DebtItem> {
    register
        .iter()
        .find(|item| closes(item, assessment, item_id))
}

/// The debt items for the chosen gaps, leaving out every gap the register already has an item
/// for, so adding twice adds nothing twice. `new_id` names each new item.
pub fn debt_items(
    assessment: &Assessment,
    chosen: &[Gap],
    register: &[DebtItem],
    mut new_id: impl FnMut() -> String,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<DebtItem> {
    let mut added: Vec<DebtItem> = Vec::new();
    for gap in chosen {
        let known = item_for(register, assessment, gap.item_id).is_some()
            || item_for(&added, assessment, gap.item_id).is_some();
        if known {
            continue;
        }
        added.push(DebtItem {
            id: new_id(),
            category: gap.category,
            description: gap.description.trim().to_owned(),
            impact: gap.impact,
            effort: gap.effort,
            owner: String::new(),
            created_at: today,
            status: DebtStatus::Open,
            note: String::new(),
            link: String::new(),
            closes: Some(GapLink {
                assessment_id: assessment.id.clone(),
                team: assessment.name.trim().to_owned(),
                instrument: assessment.instrument.value().to_owned(),
                item_id: gap.item_id.to_owned(),
                item_text: gap.text.to_owned(),
            }),
            updated_at: now,
        });
    }
    added
}
