//! Where a room disagrees: per criterion or test how the room splits between the answers, a
//! "contested" flag by one stated rule, the items ordered most contested first, every
//! participant's overall result for a dot plot, and the assessment the room agrees on.
//!
//! The rule ([`CONTESTED_BELOW_PERCENT`]): an item is contested when no single answer is
//! given by 70% of the room or more. A room of one cannot disagree.

use crate::core::maturity::assessment::{Assessment, RoomEvidence};
use crate::core::maturity::instrument::{Instrument, Item};
use crate::core::text::words::plural;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// An item is contested when its most common answer has less than this share of the room.
pub const CONTESTED_BELOW_PERCENT: usize = 70;

/// The rule in words, for the page.
pub fn rule_text() -> String {
    format!(
        "Contested: no single answer is given by {CONTESTED_BELOW_PERCENT}% of the room or more."
    )
}

/// How the room answered one criterion or test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub item: Item,
    /// Participants per answer, by choice index (see `Instrument::choices`).
    pub counts: Vec<usize>,
    pub total: usize,
}

impl Split {
    /// How many gave the most common answer.
    pub fn top(&self) -> usize {
        self.counts.iter().copied().max().unwrap_or(0)
    }

    pub fn is_contested(&self) -> bool {
        self.total > 1 && self.top() * 100 < CONTESTED_BELOW_PERCENT * self.total
    }

    /// "15 of 30 have it, 15 don't" / "10 not done, 12 manual, 8 automated (of 30)".
    pub fn describe(&self, instrument: Instrument) -> String {
        match instrument {
            Instrument::Maturity => {
                let have = self.counts.get(1).copied().unwrap_or(0);
                format!(
                    "{have} of {} have it, {} don't",
                    self.total,
                    self.total - have
                )
            }
            Instrument::MlTestScore => {
                let parts: Vec<String> = instrument
                    .choices()
                    .iter()
                    .zip(&self.counts)
                    .map(|(choice, count)| format!("{count} {}", choice.to_lowercase()))
                    .collect();
                format!("{} (of {})", parts.join(", "), self.total)
            }
        }
    }
}

/// The split of every item of `instrument`, in its order.
pub fn splits(instrument: Instrument, participants: &[&Assessment]) -> Vec<Split> {
    let choices = instrument.choices().len();
    instrument
        .items()
        .into_iter()
        .map(|item| {
            let mut counts = vec![0; choices];
            for participant in participants {
                if let Some(slot) = counts.get_mut(participant.choice(item.id)) {
                    *slot += 1;
                }
            }
            Split {
                item,
                counts,
                total: participants.len(),
            }
        })
        .collect()
}

/// Indices into `splits`, most contested first: the smaller the most common answer's share,
/// the more contested; equal shares keep the instrument's order.
pub fn most_contested_first(splits: &[Split]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..splits.len()).collect();
    // Shares compared as fractions (top / total) without division; a stable sort keeps the
    // instrument's order among ties.
    order.sort_by(|&a, &b| match (splits.get(a), splits.get(b)) {
        (Some(x), Some(y)) => (x.top() * y.total.max(1)).cmp(&(y.top() * x.total.max(1))),
        _ => std::cmp::Ordering::Equal,
    });
    order
}

/// Every participant's overall result in the instrument's steps, in the room's order: the
/// dots of the distribution.
pub fn overall_steps(participants: &[&Assessment]) -> Vec<u8> {
    participants.iter().map(|a| a.overall_steps()).collect()
}

/// What the facilitator records for the room's agreed assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The team the room assessed.
    pub team: String,
    pub facilitator: String,
    pub met_on: NaiveDate,
    /// The agreed answer per item id, as a choice index; items left out were not discussed.
    pub answers: BTreeMap<String, usize>,
}

/// The room's agreed assessment: the agreed answers, with the spread attached as evidence
/// (the counts per item and the day the room met). Items not discussed are saved as "not
/// there yet", and their evidence says so.
pub fn consensus(
    instrument: Instrument,
    splits: &[Split],
    agreement: &Agreement,
    id: String,
    now: DateTime<Utc>,
) -> Assessment {
    let team = agreement.team.trim();
    let name = if team.is_empty() { "The room" } else { team };
    let mut assessment = Assessment::with_instrument(id, name.to_owned(), instrument, now);
    assessment.assessor = agreement.facilitator.trim().to_owned();
    assessment.date = Some(agreement.met_on);
    let total = splits.first().map_or(0, |s| s.total);
    for split in splits {
        let agreed = agreement.answers.get(split.item.id).copied();
        let choice = agreed.unwrap_or(0);
        assessment.set_choice(split.item.id, choice);
        let said = match agreed {
            Some(index) => format!(
                "agreed: {}",
                instrument
                    .choices()
                    .get(index)
                    .copied()
                    .unwrap_or("")
                    .to_lowercase()
            ),
            None => "not discussed".to_owned(),
        };
        let contested = if split.is_contested() {
            "contested; "
        } else {
            ""
        };
        let evidence = format!(
            "Room of {} on {}: {} ({contested}{said}).",
            plural(total, "participant", "participants"),
            agreement.met_on,
            split.describe(instrument)
        );
        assessment.set_answer(split.item.id, |a| a.evidence = evidence);
    }
    assessment.room = Some(RoomEvidence {
        met_on: agreement.met_on,
        participants: total,
        splits: splits
            .iter()
            .map(|s| (s.item.id.to_owned(), s.counts.clone()))
            .collect(),
    });
    assessment
}
