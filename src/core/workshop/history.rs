//! A team's progress over time: the assessments of one team at different dates form its
//! history. Each snapshot shows the per-level percentages and the overall level; any two
//! snapshots can be compared criterion by criterion.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, Criterion, Level};
use crate::core::maturity::instrument::{Instrument, Item};
use crate::core::maturity::test_score::Practice;
use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Ordering;

/// Where one assessment stands: the overall level and the share of each scored level, as
/// whole percentages (integer arithmetic, see `LevelScore::percent_rounded`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// The level under the cumulative 80% rule.
    pub overall: Level,
    /// Levels 1, 2 and 3 in that order ([`Level::SCORED`]), 0 to 100.
    pub percents: [usize; 3],
    /// How many of the lesson's 14 criteria are ticked.
    pub implemented: usize,
}

impl Standing {
    /// The percentage of one level; 0 for Level 0, which has no criteria.
    pub fn percent(&self, level: Level) -> usize {
        Level::SCORED
            .iter()
            .position(|l| *l == level)
            .and_then(|i| self.percents.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// The standing of one assessment.
pub fn standing(assessment: &Assessment) -> Standing {
    let result = assessment.result();
    let percents =
        Level::SCORED.map(|level| result.score(level).map_or(0, |s| s.percent_rounded()));
    Standing {
        overall: result.overall,
        percents,
        implemented: assessment.implemented_count(),
    }
}

/// The key that decides whether two assessments are of the same team: the name trimmed, its
/// inner white space collapsed, lower-cased, and without the " (copy)" and " (imported)"
/// endings the app itself adds when an assessment is duplicated for a rerun or imported next
/// to an existing one.
pub fn team_key(name: &str) -> String {
    let mut key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    while let Some(stripped) = key
        .strip_suffix(" (copy)")
        .or_else(|| key.strip_suffix(" (imported)"))
    {
        key = stripped.trim_end().to_owned();
    }
    key
}

/// True when two team names name the same team (see [`team_key`]).
pub fn same_team(a: &str, b: &str) -> bool {
    team_key(a) == team_key(b)
}

/// The date an assessment counts at in a history: its assessment date, or the day it was
/// created when it has none.
pub fn effective_date(assessment: &Assessment) -> NaiveDate {
    assessment
        .date
        .unwrap_or_else(|| assessment.created_at.date_naive())
}

/// History order: by assessment date, then creation time, then id (so the order is total).
pub fn history_order(a: &Assessment, b: &Assessment) -> Ordering {
    effective_date(a)
        .cmp(&effective_date(b))
        .then(a.created_at.cmp(&b.created_at))
        .then_with(|| a.id.cmp(&b.id))
}

/// One team with its number of assessments, for a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// The name as written in the team's latest assessment.
    pub name: String,
    /// See [`team_key`].
    pub key: String,
    pub assessments: usize,
    /// The date of the latest assessment.
    pub latest: NaiveDate,
}

/// Every team in the list, sorted by name (case-insensitively).
pub fn teams(assessments: &[Assessment]) -> Vec<Team> {
    let mut teams: Vec<(Team, &Assessment)> = Vec::new();
    for assessment in assessments {
        let key = team_key(&assessment.name);
        match teams.iter_mut().find(|(t, _)| t.key == key) {
            Some((team, latest)) => {
                team.assessments += 1;
                if history_order(assessment, latest) == Ordering::Greater {
                    *latest = assessment;
                    team.name = assessment.name.trim().to_owned();
                    team.latest = effective_date(assessment);
                }
            }
            None => teams.push((
                Team {
                    name: assessment.name.trim().to_owned(),
                    key,
                    assessments: 1,
                    latest: effective_date(assessment),
                },
                assessment,
            )),
        }
    }
    let mut teams: Vec<Team> = teams.into_iter().map(|(t, _)| t).collect();
    teams.sort_by(|a, b| a.key.cmp(&b.key));
    teams
}

/// One assessment in a team's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub id: String,
    pub name: String,
    pub assessor: String,
    /// The assessment date, or the creation day when it has none (see [`effective_date`]).
    pub date: NaiveDate,
    /// True when the assessment has no date of its own and `date` is its creation day.
    pub undated: bool,
    pub created_at: DateTime<Utc>,
    /// The maturity model's standing (meaningful for that instrument only).
    pub standing: Standing,
    /// The overall result in the instrument's steps: a level, or half points.
    pub steps: u8,
    /// The target in the same steps (the team's own, or one step above today).
    pub target: u8,
}

/// The instruments the team named `team` was assessed with, in [`Instrument::ALL`] order.
pub fn team_instruments(assessments: &[Assessment], team: &str) -> Vec<Instrument> {
    let key = team_key(team);
    Instrument::ALL
        .into_iter()
        .filter(|&i| {
            assessments
                .iter()
                .any(|a| a.instrument == i && team_key(&a.name) == key)
        })
        .collect()
}

/// The assessments of the team named `team` (see [`same_team`]) with one instrument, oldest
/// first: the trend over time. The two instruments are never mixed in one history.
pub fn team_history(
    assessments: &[Assessment],
    team: &str,
    instrument: Instrument,
) -> Vec<Snapshot> {
    let key = team_key(team);
    let mut members: Vec<&Assessment> = assessments
        .iter()
        .filter(|a| a.instrument == instrument && team_key(&a.name) == key)
        .collect();
    members.sort_by(|a, b| history_order(a, b));
    members.into_iter().map(snapshot).collect()
}

/// The snapshot of one assessment.
pub fn snapshot(assessment: &Assessment) -> Snapshot {
    Snapshot {
        id: assessment.id.clone(),
        name: assessment.name.clone(),
        assessor: assessment.assessor.clone(),
        date: effective_date(assessment),
        undated: assessment.date.is_none(),
        created_at: assessment.created_at,
        standing: standing(assessment),
        steps: assessment.overall_steps(),
        target: assessment.target_steps(),
    }
}

/// A text before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub old: String,
    pub new: String,
}

/// The notes of one criterion or test that changed between two snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChange {
    pub item: Item,
    /// `None` when the evidence is the same in both.
    pub evidence: Option<TextChange>,
    /// `None` when the link is the same in both.
    pub link: Option<TextChange>,
}

/// One ML Test Score test whose practice changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeChange {
    pub item: Item,
    pub before: Practice,
    pub after: Practice,
}

/// What changed from an older snapshot to a newer one. Lists are in the instrument's order;
/// answers to items that are not in the instrument are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// The newer assessment's instrument.
    pub instrument: Instrument,
    pub before: Standing,
    pub after: Standing,
    /// The overall results in the instrument's steps.
    pub before_steps: u8,
    pub after_steps: u8,
    /// Criteria ticked in the newer snapshot but not in the older.
    pub gained: Vec<&'static Criterion>,
    /// Criteria ticked in the older snapshot but not in the newer.
    pub lost: Vec<&'static Criterion>,
    /// ML Test Score tests whose practice changed.
    pub practice_changes: Vec<PracticeChange>,
    /// Items whose evidence or link text differs (compared exactly).
    pub notes_changed: Vec<NoteChange>,
}

impl Diff {
    /// True when nothing differs in the criteria and their notes.
    pub fn is_empty(&self) -> bool {
        self.gained.is_empty()
            && self.lost.is_empty()
            && self.practice_changes.is_empty()
            && self.notes_changed.is_empty()
    }

    /// The change of the overall result in words: "Level 1 → Level 2", "still Level 1",
    /// "Score 2 → Score 3.5".
    pub fn level_change(&self) -> String {
        let badge = |steps| self.instrument.steps_badge(steps);
        if self.before_steps == self.after_steps {
            format!("still {}", badge(self.after_steps))
        } else {
            format!("{} → {}", badge(self.before_steps), badge(self.after_steps))
        }
    }
}

/// The differences between two assessments, `older` first, by the newer one's instrument.
pub fn diff(older: &Assessment, newer: &Assessment) -> Diff {
    let instrument = newer.instrument;
    let mut gained = Vec::new();
    let mut lost = Vec::new();
    let mut practice_changes = Vec::new();
    let mut notes_changed = Vec::new();
    for item in instrument.items() {
        let (was, is) = (older.answer(item.id), newer.answer(item.id));
        match instrument {
            Instrument::Maturity => {
                let criterion = CRITERIA.iter().find(|c| c.id == item.id);
                match (criterion, was.implemented, is.implemented) {
                    (Some(c), false, true) => gained.push(c),
                    (Some(c), true, false) => lost.push(c),
                    _ => {}
                }
            }
            Instrument::MlTestScore => {
                let (before, after) = (older.practice(item.id), newer.practice(item.id));
                if before != after {
                    practice_changes.push(PracticeChange {
                        item: item.clone(),
                        before,
                        after,
                    });
                }
            }
        }
        let change = |old: String, new: String| (old != new).then_some(TextChange { old, new });
        let evidence = change(was.evidence, is.evidence);
        let link = change(was.link, is.link);
        if evidence.is_some() || link.is_some() {
            notes_changed.push(NoteChange {
                item,
                evidence,
                link,
            });
        }
    }
    Diff {
        instrument,
        before: standing(older),
        after: standing(newer),
        before_steps: older.overall_steps(),
        after_steps: newer.overall_steps(),
        gained,
        lost,
        practice_changes,
        notes_changed,
    }
}
