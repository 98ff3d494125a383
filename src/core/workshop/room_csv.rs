//! The room as a spreadsheet: one row per participant with their levels and criteria.

use crate::core::maturity::criteria::CRITERIA;
use crate::core::text::spreadsheet::write_csv;
use crate::core::workshop::room::Room;

/// The spreadsheet header: team, assessor, date, overall level, the three level
/// percentages, then one 0/1 column per criterion id in the lesson's order.
pub fn csv_header() -> Vec<&'static str> {
    let mut header = vec![
        "team",
        "assessor",
        "date",
        "overall_level",
        "level_1_percent",
        "level_2_percent",
        "level_3_percent",
    ];
    header.extend(CRITERIA.iter().map(|c| c.id));
    header
}

/// The room as CSV (RFC 4180), one row per participant in the room's order.
pub fn export_csv(room: &Room) -> String {
    let rows = room.participants.iter().map(|participant| {
        let a = &participant.assessment;
        let s = &participant.standing;
        let mut row: Vec<String> = vec![
            a.name.clone(),
            a.assessor.clone(),
            a.date.map(|d| d.to_string()).unwrap_or_default(),
            s.overall.number().to_string(),
        ];
        row.extend(s.percents.iter().map(usize::to_string));
        row.extend(
            CRITERIA
                .iter()
                .map(|c| if a.is_implemented(c.id) { "1" } else { "0" }.to_owned()),
        );
        row
    });
    write_csv(&csv_header(), rows)
}
