//! A named self-assessment: who assessed which team or system when, with which instrument
//! (the lesson's maturity model or the ML Test Score), and per criterion or test how far it
//! is done, with evidence; the team's target; and, for a room's agreed assessment, the
//! room's spread.

use crate::core::maturity::criteria::{self as maturity, MaturityResult};
use crate::core::maturity::instrument::{Instrument, level_of, practice_of};
use crate::core::maturity::teams::TeamStructure;
use crate::core::maturity::test_score::{self, MAX_HALF_POINTS, Practice, TestScoreResult};
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The answer for one criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Had (maturity model), or done at least manually (ML Test Score).
    #[serde(default)]
    pub implemented: bool,
    /// ML Test Score only: automated and run repeatedly (with `implemented`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub automated: bool,
    /// Free text: how the team knows it is implemented, or what is missing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Optional http, https or mailto link (see [`crate::core::link`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

impl Answer {
    fn is_blank(&self) -> bool {
        !self.implemented && !self.automated && self.evidence.is_empty() && self.link.is_empty()
    }

    /// The ML Test Score practice this answer records.
    pub fn practice(&self) -> Practice {
        match (self.implemented, self.automated) {
            (true, true) => Practice::Automated,
            (true, false) => Practice::Manual,
            (false, _) => Practice::NotDone,
        }
    }
}

/// What a team aims for: a level of the maturity model or an ML Test Score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A level number, 1 to 3.
    Level(u8),
    /// A final score in half points, 0 to 14 (7 is a score of 3.5). Whole numbers keep
    /// float formatting (about 10 kB of wasm) out of the bundle.
    ScoreHalfPoints(u8),
}

/// The spread of the room that agreed an assessment: its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomEvidence {
    /// The day the room met.
    #[serde(deserialize_with = "dates::date")]
    pub met_on: NaiveDate,
    /// How many participants the room counted.
    pub participants: usize,
    /// Per criterion or test id: how many participants gave each answer, by choice index
    /// (see `Instrument::choices`).
    #[serde(default)]
    pub splits: BTreeMap<String, Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    /// The team or system assessed.
    pub name: String,
    #[serde(default)]
    pub assessor: String,
    /// The lesson's maturity model unless the file says otherwise (files before schema 6).
    #[serde(default)]
    pub instrument: Instrument,
    #[serde(default, deserialize_with = "dates::optional_date")]
    pub date: Option<NaiveDate>,
    /// Answers by criterion id. Unknown ids (from a newer criteria list) are kept untouched.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// How the team organises its ML work (lesson section 4.1), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_structure: Option<TeamStructure>,
    /// The team's own target; `None` means one step above today (see [`Assessment::target_steps`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// Set when a workshop room agreed this assessment together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<RoomEvidence>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::records::collection::record!(Assessment);

impl Assessment {
    /// A new, empty assessment of the lesson's maturity model dated `now`.
    pub fn new(id: String, name: String, now: DateTime<Utc>) -> Self {
        Self::with_instrument(id, name, Instrument::Maturity, now)
    }

    /// A new, empty assessment with `instrument`, dated `now`.
    pub fn with_instrument(
        id: String,
        name: String,
        instrument: Instrument,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            name,
            assessor: String::new(),
            instrument,
            date: Some(now.date_naive()),
            answers: BTreeMap::new(),
            team_structure: None,
            target: None,
            room: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// A copy under a new id, named "… (copy)", for rerunning an assessment later. A rerun
    /// is one person's again, so a room's evidence does not travel with it.
    pub fn duplicate(&self, id: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            name: format!("{} (copy)", self.name),
            room: None,
            created_at: now,
            updated_at: now,
            ..self.clone()
        }
    }

    pub fn answer(&self, criterion_id: &str) -> Answer {
        self.answers.get(criterion_id).cloned().unwrap_or_default()
    }

    pub fn is_implemented(&self, criterion_id: &str) -> bool {
        self.answers
            .get(criterion_id)
            .is_some_and(|a| a.implemented)
    }

    /// Changes one answer, dropping it when it becomes blank so files stay small.
    pub fn set_answer(&mut self, criterion_id: &str, change: impl FnOnce(&mut Answer)) {
        let mut answer = self.answer(criterion_id);
        change(&mut answer);
        if answer.is_blank() {
            self.answers.remove(criterion_id);
        } else {
            self.answers.insert(criterion_id.to_owned(), answer);
        }
    }

    /// The answer as a choice index of the instrument (see `Instrument::choices`).
    pub fn choice(&self, id: &str) -> usize {
        let answer = self.answers.get(id);
        match self.instrument {
            Instrument::Maturity => usize::from(answer.is_some_and(|a| a.implemented)),
            Instrument::MlTestScore => {
                usize::from(answer.map_or(0, |a| a.practice().half_points()))
            }
        }
    }

    /// Sets the answer to a choice index of the instrument, keeping evidence and link.
    pub fn set_choice(&mut self, id: &str, index: usize) {
        let instrument = self.instrument;
        self.set_answer(id, |a| match instrument {
            Instrument::Maturity => {
                a.implemented = index > 0;
                a.automated = false;
            }
            Instrument::MlTestScore => {
                let practice = practice_of(index);
                a.implemented = practice != Practice::NotDone;
                a.automated = practice == Practice::Automated;
            }
        });
    }

    /// The ML Test Score practice of one test.
    pub fn practice(&self, test_id: &str) -> Practice {
        self.answers
            .get(test_id)
            .map_or(Practice::NotDone, Answer::practice)
    }

    /// The assessment scored with the ML Test Score (meaningful for that instrument).
    pub fn test_score(&self) -> TestScoreResult {
        test_score::score(|id| self.practice(id))
    }

    /// The overall result in the instrument's steps: the level number, or the final score in
    /// half points.
    pub fn overall_steps(&self) -> u8 {
        match self.instrument {
            Instrument::Maturity => self.result().overall.number(),
            Instrument::MlTestScore => self.test_score().final_half_points,
        }
    }

    /// The target in the instrument's steps: the team's own when it set one that fits the
    /// instrument, else one step above today (a level, or a point), at most the top.
    pub fn target_steps(&self) -> u8 {
        self.own_target_steps()
            .unwrap_or_else(|| self.default_target_steps())
    }

    /// The team's own target in steps, when set for this instrument.
    pub fn own_target_steps(&self) -> Option<u8> {
        match (self.instrument, self.target?) {
            (Instrument::Maturity, Target::Level(n)) => Some(n.clamp(1, 3)),
            (Instrument::MlTestScore, Target::ScoreHalfPoints(half)) => {
                Some(half.min(MAX_HALF_POINTS))
            }
            _ => None,
        }
    }

    /// One level above today, or one point above today's score, at most the top.
    pub fn default_target_steps(&self) -> u8 {
        let step = match self.instrument {
            Instrument::Maturity => 1,
            Instrument::MlTestScore => 2,
        };
        self.overall_steps()
            .saturating_add(step)
            .min(self.instrument.max_steps())
    }

    /// Sets the team's own target from steps, or clears it with `None`.
    pub fn set_target_steps(&mut self, steps: Option<u8>) {
        self.target = steps.map(|steps| match self.instrument {
            Instrument::Maturity => Target::Level(level_of(steps).number().max(1)),
            Instrument::MlTestScore => Target::ScoreHalfPoints(steps.min(MAX_HALF_POINTS)),
        });
    }

    pub fn result(&self) -> MaturityResult {
        maturity::assess(|id| self.is_implemented(id))
    }

    /// How many of the lesson's criteria are ticked.
    pub fn implemented_count(&self) -> usize {
        maturity::CRITERIA
            .iter()
            .filter(|c| self.is_implemented(c.id))
            .count()
    }
}

impl Mergeable for Assessment {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        Assessment {
            id,
            name: format!("{} (imported)", self.name),
            updated_at: now,
            ..self.clone()
        }
    }
}

crate::core::records::registry::stored!(Assessment, "assessments", "assessment", "assessments");
