//! A team's progress over time: the assessments of one team at different dates form its
//! history. Each snapshot shows the per-level percentages and the overall level; any two
//! snapshots can be compared criterion by criterion.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, Criterion, Level};
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
    pub standing: Standing,
}

/// The assessments of the team named `team` (see [`same_team`]), oldest first: the trend of
/// per-level percentages and overall level over time.
pub fn team_history(assessments: &[Assessment], team: &str) -> Vec<Snapshot> {
    let key = team_key(team);
    let mut members: Vec<&Assessment> = assessments
        .iter()
        .filter(|a| team_key(&a.name) == key)
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
    }
}

/// A text before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub old: String,
    pub new: String,
}

/// The notes of one criterion that changed between two snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChange {
    pub criterion: &'static Criterion,
    /// `None` when the evidence is the same in both.
    pub evidence: Option<TextChange>,
    /// `None` when the link is the same in both.
    pub link: Option<TextChange>,
}

/// What changed from an older snapshot to a newer one. Criteria lists are in the lesson's
/// order; answers to criteria that are not in the lesson's list are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub before: Standing,
    pub after: Standing,
    /// Criteria ticked in the newer snapshot but not in the older.
    pub gained: Vec<&'static Criterion>,
    /// Criteria ticked in the older snapshot but not in the newer.
    pub lost: Vec<&'static Criterion>,
    /// Criteria whose evidence or link text differs (compared exactly).
    pub notes_changed: Vec<NoteChange>,
}

impl Diff {
    /// True when nothing differs in the criteria and their notes.
    pub fn is_empty(&self) -> bool {
        self.gained.is_empty() && self.lost.is_empty() && self.notes_changed.is_empty()
    }

    /// The change of the overall level in words: "Level 1 → Level 2", "still Level 1".
    pub fn level_change(&self) -> String {
        let (a, b) = (self.before.overall.number(), self.after.overall.number());
        if a == b {
            format!("still Level {b}")
        } else {
            format!("Level {a} → Level {b}")
        }
    }
}

/// The differences between two assessments, `older` first.
pub fn diff(older: &Assessment, newer: &Assessment) -> Diff {
    let mut gained = Vec::new();
    let mut lost = Vec::new();
    let mut notes_changed = Vec::new();
    for criterion in &CRITERIA {
        let (was, is) = (older.answer(criterion.id), newer.answer(criterion.id));
        match (was.implemented, is.implemented) {
            (false, true) => gained.push(criterion),
            (true, false) => lost.push(criterion),
            _ => {}
        }
        let change = |old: String, new: String| (old != new).then_some(TextChange { old, new });
        let evidence = change(was.evidence, is.evidence);
        let link = change(was.link, is.link);
        if evidence.is_some() || link.is_some() {
            notes_changed.push(NoteChange {
                criterion,
                evidence,
                link,
            });
        }
    }
    Diff {
        before: standing(older),
        after: standing(newer),
        gained,
        lost,
        notes_changed,
    }
}
