//! The lesson's MLOps maturity model (section 1.2): fourteen criteria in three levels above
//! Level 0, the 80% rule and the recommendations for each level.
//!
//! The lesson's own loop takes the highest level that reaches 80% on its own, although its
//! comment asks for every level below it to be complete too. [`assess`] applies the rule
//! cumulatively (a level counts only when it and every level below it reach the threshold)
//! and also reports what the lesson's loop would have said, so the UI can explain the difference.

use serde::{Deserialize, Serialize};

/// A maturity level. Level 0 has no criteria: it is where a team stands before Level 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Level0,
    Level1,
    Level2,
    Level3,
}

impl Level {
    /// The levels that have criteria, lowest first.
    pub const SCORED: [Level; 3] = [Level::Level1, Level::Level2, Level::Level3];

    pub fn number(self) -> u8 {
        match self {
            Level::Level0 => 0,
            Level::Level1 => 1,
            Level::Level2 => 2,
            Level::Level3 => 3,
        }
    }

    /// The lesson's name for the level (section 1.1).
    pub fn title(self) -> &'static str {
        match self {
            Level::Level0 => "Manual Process",
            Level::Level1 => "ML Pipeline Automation",
            Level::Level2 => "CI/CD Pipeline Automation",
            Level::Level3 => "Automated MLOps",
        }
    }

    /// The next level up, if any.
    pub fn next(self) -> Option<Level> {
        match self {
            Level::Level0 => Some(Level::Level1),
            Level::Level1 => Some(Level::Level2),
            Level::Level2 => Some(Level::Level3),
            Level::Level3 => None,
        }
    }
}

/// One criterion of the lesson, with a stable id used in stored answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion {
    /// Stable identifier; stored in workspaces, so never renamed.
    pub id: &'static str,
    pub category: &'static str,
    /// The lesson's exact criterion text.
    pub text: &'static str,
    pub level: Level,
    /// What the criterion means in practice, for participants who are not sure.
    pub in_practice: &'static str,
}

/// The lesson's fourteen criteria, in its order.
pub const CRITERIA: [Criterion; 14] = [
    Criterion {
        id: "automated-training-pipeline",
        category: "Training",
        text: "Automated training pipeline",
        level: Level::Level1,
        in_practice: "A model can be retrained from raw data by one command or a scheduled job, without hand-run notebook cells.",
    },
    Criterion {
        id: "experiment-tracking",
        category: "Tracking",
        text: "Experiment tracking (MLflow/W&B)",
        level: Level::Level1,
        in_practice: "Every training run records its parameters, metrics, code version and artifacts in a shared tracker.",
    },
    Criterion {
        id: "model-registry",
        category: "Registry",
        text: "Model registry",
        level: Level::Level1,
        in_practice: "Trained models are stored with versions and stages (staging, production) in one place, not as files on laptops.",
    },
    Criterion {
        id: "basic-model-monitoring",
        category: "Monitoring",
        text: "Basic model monitoring",
        level: Level::Level1,
        in_practice: "Someone is told when the production model's errors, latency or prediction volume go wrong.",
    },
    Criterion {
        id: "automated-data-validation",
        category: "Testing",
        text: "Automated data validation",
        level: Level::Level2,
        in_practice: "Incoming training and serving data is checked against an expected schema and ranges before it is used.",
    },
    Criterion {
        id: "automated-model-validation",
        category: "Testing",
        text: "Automated model validation",
        level: Level::Level2,
        in_practice: "A new model must pass automatic quality checks against a baseline before it can be promoted.",
    },
    Criterion {
        id: "ci-cd-pipeline",
        category: "CI/CD",
        text: "CI/CD pipeline for ML",
        level: Level::Level2,
        in_practice: "Changes to ML code and pipelines are tested and built automatically on every commit.",
    },
    Criterion {
        id: "feature-store",
        category: "Features",
        text: "Feature store",
        level: Level::Level2,
        in_practice: "Features are defined once and served the same way for training and for inference.",
    },
    Criterion {
        id: "automated-deployment",
        category: "Deployment",
        text: "Automated deployment",
        level: Level::Level2,
        in_practice: "An approved model reaches production through a pipeline, not by hand-copied files or manual steps.",
    },
    Criterion {
        id: "continuous-training",
        category: "Training",
        text: "Continuous training",
        level: Level::Level3,
        in_practice: "Models are retrained regularly on fresh data without anyone starting the run.",
    },
    Criterion {
        id: "canary-ab-testing",
        category: "Deployment",
        text: "Canary/A-B testing",
        level: Level::Level3,
        in_practice: "A new model first serves a small share of traffic and is compared with the current one before full rollout.",
    },
    Criterion {
        id: "drift-detection",
        category: "Monitoring",
        text: "Drift detection",
        level: Level::Level3,
        in_practice: "Changes in input data or prediction distributions are detected automatically and raise an alert.",
    },
    Criterion {
        id: "auto-retraining-triggers",
        category: "Monitoring",
        text: "Auto-retraining triggers",
        level: Level::Level3,
        in_practice: "Detected drift or performance loss starts retraining by itself.",
    },
    Criterion {
        id: "model-governance-framework",
        category: "Governance",
        text: "Model governance framework",
        level: Level::Level3,
        in_practice: "Model cards, approvals, audits and clear ownership are required before and after a model ships.",
    },
];

/// The lesson's threshold: a level is reached when at least this share of its criteria is
/// implemented.
pub const THRESHOLD_PERCENT: u32 = 80;

/// Looks a criterion up by its stable id.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    CRITERIA.iter().find(|c| c.id == id)
}

/// The criteria of one level, in the lesson's order.
pub fn criteria_of(level: Level) -> impl Iterator<Item = &'static Criterion> {
    CRITERIA.iter().filter(move |c| c.level == level)
}

/// The lesson's recommendations for a team at `level`, with its exact texts.
pub fn recommendations(level: Level) -> &'static [&'static str] {
    match level {
        Level::Level0 => &[
            "Implement experiment tracking (MLflow or Weights & Biases)",
            "Set up model registry for version management",
            "Create automated training pipeline",
            "Add basic model monitoring",
        ],
        Level::Level1 => &[
            "Implement automated data validation (Great Expectations)",
            "Add model validation tests",
            "Set up CI/CD pipeline for ML code",
            "Implement feature store (Feast)",
            "Automate model deployment",
        ],
        Level::Level2 => &[
            "Implement continuous training with automatic triggers",
            "Add canary/A-B testing for deployments",
            "Implement drift detection and monitoring",
            "Set up model governance framework",
            "Add automatic retraining based on performance degradation",
        ],
        Level::Level3 => &["Maintain and optimize current MLOps practices"],
    }
}

/// How far one level is implemented (the lesson's `_check_level`).
#[derive(Debug, Clone, PartialEq)]
pub struct LevelScore {
    pub level: Level,
    pub total: usize,
    pub implemented: usize,
    /// Share implemented, 0 to 100, for display; the threshold test uses integers.
    pub percentage: f64,
    /// The criteria of this level that are not implemented, in the lesson's order.
    pub missing: Vec<&'static Criterion>,
}

impl LevelScore {
    /// True when the level reaches the 80% threshold on its own.
    pub fn meets_threshold(&self) -> bool {
        // Integer arithmetic: 4 of 5 is exactly 80%, never 79.999...
        self.total > 0 && self.implemented * 100 >= THRESHOLD_PERCENT as usize * self.total
    }

    /// The percentage rounded to a whole number, for display. Integer arithmetic keeps float
    /// formatting (about 10 kB of wasm) out of the bundle.
    pub fn percent_rounded(&self) -> usize {
        (self.implemented * 100 + self.total / 2)
            .checked_div(self.total)
            .unwrap_or(0)
    }

    /// How many more criteria must be implemented to reach the threshold.
    pub fn still_needed(&self) -> usize {
        let required = (THRESHOLD_PERCENT as usize * self.total).div_ceil(100);
        required.saturating_sub(self.implemented)
    }
}

/// The outcome of an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct MaturityResult {
    /// The level under the cumulative 80% rule.
    pub overall: Level,
    /// What the lesson's loop returns: the highest level at 80% or more, ignoring lower ones.
    pub lesson_loop_level: Level,
    /// Levels 1 to 3, lowest first.
    pub scores: Vec<LevelScore>,
    /// The lesson's recommendations for `overall`.
    pub recommendations: &'static [&'static str],
}

impl MaturityResult {
    /// The score of one scored level.
    pub fn score(&self, level: Level) -> Option<&LevelScore> {
        self.scores.iter().find(|s| s.level == level)
    }

    /// The levels, from 1 up to the next one, that are below the threshold and so keep the
    /// team from the next level, each with the criteria that are missing there.
    pub fn blocking_next_level(&self) -> Vec<&LevelScore> {
        match self.overall.next() {
            Some(next) => self.blocking_up_to(next),
            None => Vec::new(),
        }
    }

    /// The levels, from 1 up to `target`, that are below the threshold and so keep the team
    /// from `target`, each with the criteria that are missing there.
    pub fn blocking_up_to(&self, target: Level) -> Vec<&LevelScore> {
        self.scores
            .iter()
            .filter(|s| s.level <= target && !s.meets_threshold())
            .collect()
    }
}

/// Assesses maturity from the set of implemented criteria, given as a predicate on ids.
pub fn assess(is_implemented: impl Fn(&str) -> bool) -> MaturityResult {
    let scores: Vec<LevelScore> = Level::SCORED
        .iter()
        .map(|&level| {
            let all: Vec<&'static Criterion> = criteria_of(level).collect();
            let missing: Vec<&'static Criterion> = all
                .iter()
                .copied()
                .filter(|c| !is_implemented(c.id))
                .collect();
            let implemented = all.len() - missing.len();
            let percentage = if all.is_empty() {
                0.0
            } else {
                implemented as f64 / all.len() as f64 * 100.0
            };
            LevelScore {
                level,
                total: all.len(),
                implemented,
                percentage,
                missing,
            }
        })
        .collect();

    let overall = scores
        .iter()
        .take_while(|s| s.meets_threshold())
        .last()
        .map_or(Level::Level0, |s| s.level);
    let lesson_loop_level = scores
        .iter()
        .rfind(|s| s.meets_threshold())
        .map_or(Level::Level0, |s| s.level);

    MaturityResult {
        overall,
        lesson_loop_level,
        scores,
        recommendations: recommendations(overall),
    }
}

/// The criteria the lesson's usage example marks as implemented (it reaches Level 1).
pub const LESSON_EXAMPLE: [&str; 5] = [
    "automated-training-pipeline",
    "experiment-tracking",
    "model-registry",
    "basic-model-monitoring",
    "automated-data-validation",
];
