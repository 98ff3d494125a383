//! The two instruments an assessment can use: the lesson's maturity model (14 criteria, each
//! had or not) and the ML Test Score (28 tests, each not done, manual or automated).
//!
//! Rooms, comparisons and targets work on both through this one vocabulary: an instrument
//! has items (criteria or tests), each answered with one of its choices (an index), and an
//! overall result counted in steps (a level for the lesson, half points for the Test Score).

use crate::core::maturity::criteria::{CRITERIA, Level};
use crate::core::maturity::test_score::{self, MAX_HALF_POINTS, Practice, TESTS};
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// The lesson's maturity model (section 1.2).
    #[default]
    Maturity,
    /// Breck et al., "The ML Test Score" (2017).
    MlTestScore,
}

/// One question of an instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The stable id stored in answers.
    pub id: &'static str,
    /// The criterion's or test's exact text.
    pub text: &'static str,
    /// Where it belongs: "Level 1", "Data 3".
    pub group: String,
}

impl Instrument {
    pub const ALL: [Instrument; 2] = [Instrument::Maturity, Instrument::MlTestScore];

    /// The value stored in files.
    pub fn value(self) -> &'static str {
        match self {
            Instrument::Maturity => "maturity",
            Instrument::MlTestScore => "ml_test_score",
        }
    }

    pub fn parse(text: &str) -> Option<Instrument> {
        Instrument::ALL.into_iter().find(|i| i.value() == text)
    }

    /// The instrument's name in a sentence or a column.
    pub fn label(self) -> &'static str {
        match self {
            Instrument::Maturity => "Maturity model",
            Instrument::MlTestScore => "ML Test Score",
        }
    }

    /// What an item is called: "criterion" or "test".
    pub fn item_word(self) -> (&'static str, &'static str) {
        match self {
            Instrument::Maturity => ("criterion", "criteria"),
            Instrument::MlTestScore => ("test", "tests"),
        }
    }

    /// Every item, in the instrument's own order.
    pub fn items(self) -> Vec<Item> {
        match self {
            Instrument::Maturity => CRITERIA
                .iter()
                .map(|c| Item {
                    id: c.id,
                    text: c.text,
                    group: format!("Level {}", c.level.number()),
                })
                .collect(),
            Instrument::MlTestScore => TESTS
                .iter()
                .map(|t| Item {
                    id: t.id,
                    text: t.title,
                    group: t.label(),
                })
                .collect(),
        }
    }

    /// The answers an item can have, by index (index 0 is "not there yet").
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Instrument::Maturity => &["We don't have it", "We have it"],
            Instrument::MlTestScore => &["Not done", "Manual", "Automated"],
        }
    }

    /// The highest overall result, in steps.
    pub fn max_steps(self) -> u8 {
        match self {
            Instrument::Maturity => Level::Level3.number(),
            Instrument::MlTestScore => MAX_HALF_POINTS,
        }
    }

    /// An overall result in words: "Level 2: CI/CD Pipeline Automation", "Score 3.5".
    pub fn overall_label(self, steps: u8) -> String {
        match self {
            Instrument::Maturity => {
                let level = level_of(steps);
                format!("Level {}: {}", level.number(), level.title())
            }
            Instrument::MlTestScore => format!("Score {}", test_score::points(steps)),
        }
    }

    /// An overall result for a badge: "Level 2", "Score 3.5".
    pub fn steps_badge(self, steps: u8) -> String {
        match self {
            Instrument::Maturity => format!("Level {steps}"),
            Instrument::MlTestScore => format!("Score {}", test_score::points(steps)),
        }
    }

    /// An overall result in few characters, for a chart's axis: "2", "3.5".
    pub fn steps_short(self, steps: u8) -> String {
        match self {
            Instrument::Maturity => steps.to_string(),
            Instrument::MlTestScore => test_score::points(steps),
        }
    }
}

/// The level numbered `number` (0 to 3; higher numbers are Level 3).
pub fn level_of(number: u8) -> Level {
    match number {
        0 => Level::Level0,
        1 => Level::Level1,
        2 => Level::Level2,
        _ => Level::Level3,
    }
}

/// The Test Score practice of choice `index` (see [`Instrument::choices`]).
pub fn practice_of(index: usize) -> Practice {
    Practice::ALL
        .get(index)
        .copied()
        .unwrap_or(Practice::Automated)
}
