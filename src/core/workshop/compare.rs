//! Several assessments (of any teams) side by side: per criterion who has it, per level the
//! percentages, and the overall levels.

use crate::core::maturity::assessment::Assessment;
use crate::core::maturity::criteria::{CRITERIA, Criterion};
use crate::core::workshop::history::{Standing, standing};
use chrono::NaiveDate;

/// One assessment's column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub assessor: String,
    pub date: Option<NaiveDate>,
    pub standing: Standing,
}

/// One criterion's row: a flag per column, in the columns' order.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub criterion: &'static Criterion,
    pub implemented: Vec<bool>,
    /// How many columns have it.
    pub count: usize,
}

/// The comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// One per assessment, in the order given.
    pub columns: Vec<Column>,
    /// The lesson's 14 criteria in its order.
    pub rows: Vec<Row>,
}

/// Puts the given assessments side by side, in the order given.
pub fn compare<'a>(assessments: impl IntoIterator<Item = &'a Assessment>) -> Comparison {
    let chosen: Vec<&Assessment> = assessments.into_iter().collect();
    let columns = chosen
        .iter()
        .map(|a| Column {
            id: a.id.clone(),
            name: a.name.clone(),
            assessor: a.assessor.clone(),
            date: a.date,
            standing: standing(a),
        })
        .collect();
    let rows = CRITERIA
        .iter()
        .map(|criterion| {
            let implemented: Vec<bool> = chosen
                .iter()
                .map(|a| a.is_implemented(criterion.id))
                .collect();
            Row {
                criterion,
                count: implemented.iter().filter(|i| **i).count(),
                implemented,
            }
        })
        .collect();
    Comparison { columns, rows }
}
