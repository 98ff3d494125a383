//! The link's body: one assessment as bytes (bitsets of the criteria or tests, strings with
//! lengths, dates and times as zigzag varints; see the layouts in the module above).

use super::ShareLinkError;
use super::varint::{Reader, write_bytes, write_varint};
use crate::core::maturity::assessment::{Answer, Assessment};
use crate::core::maturity::criteria::CRITERIA;
use crate::core::maturity::instrument::Instrument;
use crate::core::maturity::test_score::{MAX_HALF_POINTS, TESTS};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::BTreeMap;

/// The two body layouts: version 1 (the lesson's 14 criteria) and version 2 (the ML Test
/// Score's 28 tests, with the automated bitset and the target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    V1,
    V2,
}

impl Layout {
    /// The layout that carries an assessment of `instrument`.
    pub(super) fn of(instrument: Instrument) -> Layout {
        match instrument {
            Instrument::Maturity => Layout::V1,
            Instrument::MlTestScore => Layout::V2,
        }
    }

    pub(super) fn version(self) -> u64 {
        match self {
            Layout::V1 => 1,
            Layout::V2 => 2,
        }
    }

    fn ids(self) -> Vec<&'static str> {
        match self {
            Layout::V1 => CRITERIA.iter().map(|c| c.id).collect(),
            Layout::V2 => TESTS.iter().map(|t| t.id).collect(),
        }
    }
}

pub(super) fn write_body(assessment: &Assessment, layout: Layout) -> Vec<u8> {
    let ids = layout.ids();
    let mut out = Vec::new();
    let mut implemented = 0u64;
    let mut automated = 0u64;
    let mut noted = 0u64;
    for (bit, id) in ids.iter().enumerate() {
        let answer = assessment.answer(id);
        if answer.implemented {
            implemented |= 1 << bit;
        }
        if answer.implemented && answer.automated {
            automated |= 1 << bit;
        }
        if !answer.evidence.is_empty() || !answer.link.is_empty() {
            noted |= 1 << bit;
        }
    }
    write_varint(&mut out, implemented);
    if layout == Layout::V2 {
        write_varint(&mut out, automated);
    }
    write_varint(&mut out, noted);
    write_bytes(&mut out, assessment.id.as_bytes());
    write_bytes(&mut out, assessment.name.as_bytes());
    write_bytes(&mut out, assessment.assessor.as_bytes());
    write_varint(
        &mut out,
        assessment
            .date
            .map_or(0, |d| zigzag(i64::from(d.num_days_from_ce())) + 1),
    );
    let created = assessment.created_at.timestamp_millis();
    write_varint(&mut out, zigzag(created));
    write_varint(
        &mut out,
        zigzag(
            assessment
                .updated_at
                .timestamp_millis()
                .wrapping_sub(created),
        ),
    );
    if layout == Layout::V2 {
        write_varint(
            &mut out,
            assessment
                .own_target_steps()
                .map_or(0, |steps| u64::from(steps) + 1),
        );
    }
    let mut previous_link: &[u8] = &[];
    for (bit, id) in ids.iter().enumerate() {
        if noted & (1 << bit) == 0 {
            continue;
        }
        let Some(answer) = assessment.answers.get(*id) else {
            continue;
        };
        write_bytes(&mut out, answer.evidence.as_bytes());
        let link = answer.link.as_bytes();
        let shared = link
            .iter()
            .zip(previous_link)
            .take_while(|(a, b)| a == b)
            .count();
        write_varint(&mut out, shared as u64);
        write_bytes(&mut out, link.get(shared..).unwrap_or_default());
        previous_link = link;
    }
    out
}

pub(super) fn read_body(body: &[u8], layout: Layout) -> Result<Assessment, ShareLinkError> {
    let ids = layout.ids();
    let mut reader = Reader::new(body);
    let implemented = reader.varint()?;
    let automated = match layout {
        Layout::V1 => 0,
        Layout::V2 => reader.varint()?,
    };
    let noted = reader.varint()?;
    let all = (1u64 << ids.len()) - 1;
    if implemented & !all != 0 || noted & !all != 0 || automated & !implemented != 0 {
        return Err(ShareLinkError::Damaged);
    }
    let id = reader.string()?;
    let name = reader.string()?;
    let assessor = reader.string()?;
    let date = match reader.varint()? {
        0 => None,
        days => Some(
            i32::try_from(unzigzag(days - 1))
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or(ShareLinkError::Damaged)?,
        ),
    };
    let created = unzigzag(reader.varint()?);
    let updated = created.wrapping_add(unzigzag(reader.varint()?));
    let time =
        |millis| DateTime::<Utc>::from_timestamp_millis(millis).ok_or(ShareLinkError::Damaged);
    let (created_at, updated_at) = (time(created)?, time(updated)?);
    let target_steps = match layout {
        Layout::V1 => None,
        Layout::V2 => match reader.varint()? {
            0 => None,
            steps => Some(
                u8::try_from(steps - 1)
                    .ok()
                    .filter(|s| *s <= MAX_HALF_POINTS)
                    .ok_or(ShareLinkError::Damaged)?,
            ),
        },
    };
    let mut answers = BTreeMap::new();
    let mut previous_link: Vec<u8> = Vec::new();
    for (bit, id) in ids.iter().enumerate() {
        let mut answer = Answer {
            implemented: implemented & (1 << bit) != 0,
            automated: automated & (1 << bit) != 0,
            ..Answer::default()
        };
        if noted & (1 << bit) != 0 {
            answer.evidence = reader.string()?;
            let shared = usize::try_from(reader.varint()?).map_err(|_| ShareLinkError::Damaged)?;
            let mut link = previous_link
                .get(..shared)
                .ok_or(ShareLinkError::Damaged)?
                .to_vec();
            link.extend_from_slice(reader.bytes()?);
            answer.link = String::from_utf8(link.clone()).map_err(|_| ShareLinkError::Damaged)?;
            if answer.evidence.is_empty() && answer.link.is_empty() {
                return Err(ShareLinkError::Damaged);
            }
            previous_link = link;
        }
        if answer != Answer::default() {
            answers.insert((*id).to_owned(), answer);
        }
    }
    if !reader.rest().is_empty() {
        return Err(ShareLinkError::Damaged);
    }
    let instrument = match layout {
        Layout::V1 => Instrument::Maturity,
        Layout::V2 => Instrument::MlTestScore,
    };
    let mut assessment = Assessment {
        id,
        name,
        assessor,
        instrument,
        date,
        answers,
        // Links do not carry the team structure (added after version 1 was designed), nor a
        // maturity target (version 1) or a room's evidence.
        team_structure: None,
        target: None,
        room: None,
        created_at,
        updated_at,
    };
    assessment.set_target_steps(target_steps);
    Ok(assessment)
}

pub(super) fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

pub(super) fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zigzag_maps_small_magnitudes_to_small_numbers_and_back() {
        for (value, coded) in [(0, 0), (-1, 1), (1, 2), (-2, 3), (i64::MAX, u64::MAX - 1)] {
            assert_eq!(zigzag(value), coded);
            assert_eq!(unzigzag(coded), value);
        }
        assert_eq!(unzigzag(zigzag(i64::MIN)), i64::MIN);
    }
}
