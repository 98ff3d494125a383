//! Several assessments (of any teams) side by side, one instrument at a time: per criterion
//! or test each one's answer, per level the percentages, and the overall results.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::instrument::{Instrument, Item};
use crate::core::workshop::history::{Standing, standing};
use chrono::NaiveDate;

/// One assessment's column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub assessor: String,
    pub date: Option<NaiveDate>,
    /// The maturity model's standing (meaningful for that instrument only).
    pub standing: Standing,
    /// The overall result in the instrument's steps.
    pub steps: u8,
}

/// One criterion's or test's row: each column's answer, in the columns' order.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub item: Item,
    /// Each column's answer as a choice index (see `Instrument::choices`).
    pub choices: Vec<usize>,
    /// Whether each column has it at all (any choice but the first).
    pub implemented: Vec<bool>,
    /// How many columns have it.
    pub count: usize,
}

/// The comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub instrument: Instrument,
    /// One per assessment of the instrument, in the order given.
    pub columns: Vec<Column>,
    /// The instrument's items in its order.
    pub rows: Vec<Row>,
}

/// Puts the given assessments of one instrument side by side, in the order given; the others
/// are left out, never mixed in.
pub fn compare<'a>(
    instrument: Instrument,
    assessments: impl IntoIterator<Item = &'a Assessment>,
) -> Comparison {
    let chosen: Vec<&Assessment> = assessments
        .into_iter()
        .filter(|a| a.instrument == instrument)
        .collect();
    let columns = chosen
        .iter()
        .map(|a| Column {
            id: a.id.clone(),
            name: a.name.clone(),
            assessor: a.assessor.clone(),
            date: a.date,
            standing: standing(a),
            steps: a.overall_steps(),
        })
        .collect();
    let rows = instrument
        .items()
        .into_iter()
        .map(|item| {
            let choices: Vec<usize> = chosen.iter().map(|a| a.choice(item.id)).collect();
            let implemented: Vec<bool> = choices.iter().map(|&c| c > 0).collect();
            Row {
                item,
                count: implemented.iter().filter(|i| **i).count(),
                choices,
                implemented,
            }
        })
        .collect();
    Comparison {
        instrument,
        columns,
        rows,
    }
}
