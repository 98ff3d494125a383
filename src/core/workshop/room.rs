//! A workshop's room: the facilitator collects the participants' assessments (exported files
//! or share links) and sees per criterion how many have it, the spread of overall levels, the
//! criteria that most often keep participants from the next level and the lesson's
//! recommendations that apply to them.
//!
//! Everything here is computed from the sources alone: the facilitator's workspace is not
//! touched. [`to_workspace`] gives the participants as a workspace for `workspace::merge::merge` when
//! the facilitator chooses to save them.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, Criterion, Level, recommendations};
use crate::core::maturity::instrument::Instrument;
use crate::core::records::collection::Record;
use crate::core::text::words::plural;
use crate::core::workshop::history::{Standing, standing, team_key};
use crate::core::workshop::sources::{Source, read_source};
use crate::core::workspace::Workspace;
use std::cmp::Reverse;

/// A participant's assessment, kept for the room.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub assessment: Assessment,
    /// The source's name; "a.json (2 of 3)" when a file held several assessments.
    pub source: String,
    pub standing: Standing,
}

impl Participant {
    /// "Alice / Team A", or "Team A" when the assessor is blank.
    pub fn label(&self) -> String {
        label(&self.assessment)
    }
}

fn label(assessment: &Assessment) -> String {
    let (assessor, team) = (assessment.assessor.trim(), assessment.name.trim());
    if assessor.is_empty() {
        team.to_owned()
    } else {
        format!("{assessor} / {team}")
    }
}

/// A source that counted for nothing, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub source: String,
    pub reason: String,
}

/// A participant who appeared more than once: the newer copy is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// Where the kept copy came from.
    pub kept: String,
    /// Where the dropped copies came from, in batch order.
    pub dropped: Vec<String>,
    /// E.g. "“Alice / Team A” appeared twice (a.json, b.json); kept the newer from b.json."
    pub note: String,
}

/// Per criterion, who has it.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionCount {
    pub criterion: &'static Criterion,
    pub count: usize,
    /// `count` as a whole percentage of the participants (0 when there are none).
    pub percent: usize,
    /// Indices into [`Room::participants`].
    pub holders: Vec<usize>,
}

/// How many participants stand at one overall level.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelCount {
    pub level: Level,
    pub count: usize,
    pub percent: usize,
}

/// A criterion missing from the next level of `count` participants.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockingCount {
    pub criterion: &'static Criterion,
    pub count: usize,
    pub percent: usize,
}

/// One of the lesson's recommendations and how many participants it applies to.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendationCount {
    /// The overall level the recommendation is given at.
    pub level: Level,
    pub text: &'static str,
    pub count: usize,
    pub percent: usize,
    /// True when it applies to more than half of the participants.
    pub applies_to_most: bool,
}

/// The room: everything the facilitator sees.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    /// The kept assessments of the lesson's maturity model, in batch order. Everything below
    /// counts these alone.
    pub participants: Vec<Participant>,
    /// The kept ML Test Score assessments, in batch order: another instrument, shown apart
    /// and never mixed into the counts of the maturity model.
    pub test_score: Vec<Participant>,
    /// Sources that gave no assessment, in batch order.
    pub rejected: Vec<Rejected>,
    /// Participants who appeared more than once.
    pub duplicates: Vec<Duplicate>,
    /// The lesson's 14 criteria in its order (the heat map).
    pub criteria: Vec<CriterionCount>,
    /// Levels 0 to 3.
    pub levels: Vec<LevelCount>,
    /// Criteria missing from participants' next level (as in
    /// `MaturityResult::blocking_next_level`), most often first, then in the lesson's order.
    /// Only criteria missing for someone.
    pub blocking: Vec<BlockingCount>,
    /// Every recommendation of the lesson, those that apply to most participants first:
    /// by count, then level, then the lesson's order.
    pub recommendations: Vec<RecommendationCount>,
}

impl Room {
    /// A line for the top of the page: "30 participants from 31 sources; 2 sources rejected;
    /// 1 duplicate dropped."
    pub fn summary(&self, sources: usize) -> String {
        let dropped: usize = self.duplicates.iter().map(|d| d.dropped.len()).sum();
        let mut text = format!(
            "{} from {}",
            plural(
                self.participants.len() + self.test_score.len(),
                "participant",
                "participants"
            ),
            plural(sources, "source", "sources")
        );
        if !self.rejected.is_empty() {
            text.push_str(&format!(
                "; {} rejected",
                plural(self.rejected.len(), "source", "sources")
            ));
        }
        if dropped > 0 {
            text.push_str(&format!(
                "; {} dropped",
                plural(dropped, "duplicate", "duplicates")
            ));
        }
        text.push('.');
        text
    }
}

/// The whole percentage `count` of `total`, rounded; 0 when `total` is 0.
fn percent(count: usize, total: usize) -> usize {
    (count * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// Reads every source and computes the room. Bad sources are listed with the reason and the
/// good ones still count.
pub fn aggregate(sources: &[Source]) -> Room {
    let mut candidates: Vec<Participant> = Vec::new();
    let mut rejected = Vec::new();
    for source in sources {
        match read_source(source) {
            Ok(assessments) => {
                let total = assessments.len();
                for (i, assessment) in assessments.into_iter().enumerate() {
                    let name = if total > 1 {
                        format!("{} ({} of {total})", source.name, i + 1)
                    } else {
                        source.name.clone()
                    };
                    candidates.push(Participant {
                        standing: standing(&assessment),
                        assessment,
                        source: name,
                    });
                }
            }
            Err(reason) => rejected.push(Rejected {
                source: source.name.clone(),
                reason,
            }),
        }
    }
    let (kept, duplicates) = deduplicate(candidates);
    let (participants, test_score) = kept
        .into_iter()
        .partition(|p| p.assessment.instrument == Instrument::Maturity);
    room(participants, test_score, rejected, duplicates)
}

impl Room {
    /// Every kept participant of `instrument`, in batch order.
    pub fn of(&self, instrument: Instrument) -> &[Participant] {
        match instrument {
            Instrument::Maturity => &self.participants,
            Instrument::MlTestScore => &self.test_score,
        }
    }
}

/// The key of a person: assessor (white space collapsed, lower-cased) and team (see
/// [`team_key`]), when the assessor is not blank.
fn person_key(assessment: &Assessment) -> Option<(String, String)> {
    let assessor = assessment
        .assessor
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!assessor.is_empty()).then(|| (assessor, team_key(&assessment.name)))
}

fn same_participant(a: &Assessment, b: &Assessment) -> bool {
    a.id == b.id || person_key(a).is_some_and(|key| Some(key) == person_key(b))
}

/// Groups copies of the same participant (same id, or same assessor and team when the
/// assessor is not blank, trimmed and case-insensitive) and keeps the newest of each group
/// (latest `updated_at`; on a tie, the first in the batch).
fn deduplicate(candidates: Vec<Participant>) -> (Vec<Participant>, Vec<Duplicate>) {
    // Groups of candidate indices; a candidate that matches several groups joins them.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let (matching, mut others): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
            groups.into_iter().partition(|group| {
                group.iter().any(|&member| {
                    candidates
                        .get(member)
                        .is_some_and(|m| same_participant(&m.assessment, &candidate.assessment))
                })
            });
        let mut joined: Vec<usize> = matching.into_iter().flatten().collect();
        joined.push(index);
        joined.sort_unstable();
        others.push(joined);
        groups = others;
    }
    // Batch order of each group's first appearance.
    groups.sort_by_key(|group| group.first().copied());

    let mut slots: Vec<Option<Participant>> = candidates.into_iter().map(Some).collect();
    let mut kept = Vec::new();
    let mut duplicates = Vec::new();
    for group in groups {
        let mut members: Vec<Participant> = group
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();
        let Some(newest) = members
            .iter()
            .enumerate()
            .max_by_key(|(i, p)| (p.assessment.updated_at(), Reverse(*i)))
            .map(|(i, _)| i)
        else {
            continue;
        };
        let winner = members.remove(newest);
        if !members.is_empty() {
            duplicates.push(duplicate_note(&winner, &members, newest, &group));
        }
        kept.push(winner);
    }
    (kept, duplicates)
}

fn duplicate_note(
    winner: &Participant,
    dropped: &[Participant],
    winner_position: usize,
    group: &[usize],
) -> Duplicate {
    let mut all: Vec<&str> = dropped.iter().map(|p| p.source.as_str()).collect();
    all.insert(winner_position.min(all.len()), &winner.source);
    let times = match group.len() {
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    };
    let tie = dropped
        .iter()
        .all(|p| p.assessment.updated_at() == winner.assessment.updated_at());
    let which = if tie {
        format!(
            "all were last changed at the same time; kept the first, from {}",
            winner.source
        )
    } else {
        format!("kept the newer from {}", winner.source)
    };
    Duplicate {
        kept: winner.source.clone(),
        dropped: dropped.iter().map(|p| p.source.clone()).collect(),
        note: format!(
            "“{}” appeared {times} ({}); {which}.",
            winner.label(),
            all.join(", ")
        ),
    }
}

fn room(
    participants: Vec<Participant>,
    test_score: Vec<Participant>,
    rejected: Vec<Rejected>,
    duplicates: Vec<Duplicate>,
) -> Room {
    let total = participants.len();
    let criteria = CRITERIA
        .iter()
        .map(|criterion| {
            let holders: Vec<usize> = participants
                .iter()
                .enumerate()
                .filter(|(_, p)| p.assessment.is_implemented(criterion.id))
                .map(|(i, _)| i)
                .collect();
            CriterionCount {
                criterion,
                count: holders.len(),
                percent: percent(holders.len(), total),
                holders,
            }
        })
        .collect();

    let levels = [Level::Level0, Level::Level1, Level::Level2, Level::Level3]
        .into_iter()
        .map(|level| {
            let count = participants
                .iter()
                .filter(|p| p.standing.overall == level)
                .count();
            LevelCount {
                level,
                count,
                percent: percent(count, total),
            }
        })
        .collect();

    let mut blocking_counts = [0usize; CRITERIA.len()];
    for participant in &participants {
        let result = participant.assessment.result();
        for score in result.blocking_next_level() {
            for missing in &score.missing {
                if let Some(slot) = CRITERIA
                    .iter()
                    .position(|c| c.id == missing.id)
                    .and_then(|i| blocking_counts.get_mut(i))
                {
                    *slot += 1;
                }
            }
        }
    }
    let mut blocking: Vec<BlockingCount> = CRITERIA
        .iter()
        .zip(blocking_counts)
        .filter(|(_, count)| *count > 0)
        .map(|(criterion, count)| BlockingCount {
            criterion,
            count,
            percent: percent(count, total),
        })
        .collect();
    // A stable sort keeps the lesson's order among equal counts.
    blocking.sort_by_key(|b| Reverse(b.count));

    let mut recommendation_counts: Vec<RecommendationCount> =
        [Level::Level0, Level::Level1, Level::Level2, Level::Level3]
            .into_iter()
            .flat_map(|level| {
                let count = participants
                    .iter()
                    .filter(|p| p.standing.overall == level)
                    .count();
                recommendations(level)
                    .iter()
                    .map(move |text| RecommendationCount {
                        level,
                        text,
                        count,
                        percent: percent(count, total),
                        applies_to_most: count * 2 > total,
                    })
            })
            .collect();
    recommendation_counts.sort_by_key(|r| Reverse(r.count));

    Room {
        participants,
        test_score,
        rejected,
        duplicates,
        criteria,
        levels,
        blocking,
        recommendations: recommendation_counts,
    }
}

/// The participants' assessments as a workspace, for `workspace::merge::merge` into the facilitator's
/// own when they choose to save the room (merge keeps both copies, under a new id, of any
/// assessment whose id is already there with other content). Ids are unique: copies with the
/// same id were merged into one participant.
pub fn to_workspace(room: &Room) -> Workspace {
    let mut workspace = Workspace::default();
    workspace.assessments.upsert_many(
        room.participants
            .iter()
            .chain(&room.test_score)
            .map(|p| p.assessment.clone()),
    );
    workspace
}
