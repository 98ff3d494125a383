//! A team's history, the diff between two snapshots, and assessments side by side.

mod common;
use chrono::NaiveDate;
use common::assessment;
use mlops_governance_workbench::core::maturity::assessment::Assessment;
use mlops_governance_workbench::core::maturity::criteria::{CRITERIA, LESSON_EXAMPLE, Level};
use mlops_governance_workbench::core::maturity::instrument::Instrument;
use mlops_governance_workbench::core::workshop::compare::compare;
use mlops_governance_workbench::core::workshop::history::{
    Standing, TextChange, diff, same_team, standing, team_history, team_key, teams,
};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn with(mut a: Assessment, ticked: &[&str], on: Option<NaiveDate>) -> Assessment {
    for id in ticked {
        a.set_answer(id, |answer| answer.implemented = true);
    }
    a.date = on;
    a
}

#[test]
fn team_names_match_trimmed_case_insensitively_and_without_copy_markers() {
    for name in [
        "Team A",
        "  team a ",
        "TEAM\tA",
        "Team  A",
        "Team A (copy)",
        "Team A (copy) (copy)",
        "team a (imported)",
    ] {
        assert!(same_team("Team A", name), "{name:?}");
    }
    for name in ["Team B", "Team AB", "A Team", "Team A copy", "(copy)"] {
        assert!(!same_team("Team A", name), "{name:?}");
    }
    assert_eq!(team_key(" Équipe  Données (copy)"), "équipe données");
}

#[test]
fn standing_gives_integer_percentages_and_the_overall_level() {
    let a = with(assessment("a", "T", 0), &LESSON_EXAMPLE, None);
    let s = standing(&a);
    assert_eq!(
        s,
        Standing {
            overall: Level::Level1,
            percents: [100, 20, 0],
            implemented: 5
        }
    );
    assert_eq!(s.percent(Level::Level2), 20);
    assert_eq!(s.percent(Level::Level0), 0);
}

/// A year of quarterly reruns, entered out of order, with another team mixed in.
fn a_year() -> Vec<Assessment> {
    let ids: Vec<&str> = CRITERIA.iter().map(|c| c.id).collect();
    vec![
        with(
            assessment("q3", "Team A", 300),
            &ids[..7],
            date(2025, 9, 30),
        ),
        with(
            assessment("q1", "Team A", 100),
            &ids[..2],
            date(2025, 3, 31),
        ),
        with(assessment("other", "Team B", 0), &ids, date(2025, 6, 1)),
        with(
            assessment("q2", "team a (copy)", 200),
            &ids[..4],
            date(2025, 6, 30),
        ),
        // Entered on the same day as Q3, created later: after it.
        with(
            assessment("q3b", "Team A", 350),
            &ids[..6],
            date(2025, 9, 30),
        ),
        with(
            assessment("q4", " TEAM A ", 400),
            &ids[..10],
            date(2025, 12, 31),
        ),
        // No date: counts at its creation day (at(0) is 2026-01-01).
        with(assessment("undated", "Team A", 0), &ids[..12], None),
    ]
}

#[test]
fn a_team_history_is_ordered_by_date_then_creation() {
    let history = team_history(&a_year(), "team A", Instrument::Maturity);
    let order: Vec<&str> = history.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["q1", "q2", "q3", "q3b", "q4", "undated"]);
    let trend: Vec<(Level, [usize; 3])> = history
        .iter()
        .map(|s| (s.standing.overall, s.standing.percents))
        .collect();
    assert_eq!(
        trend,
        [
            (Level::Level0, [50, 0, 0]),
            (Level::Level1, [100, 0, 0]),
            (Level::Level1, [100, 60, 0]),
            (Level::Level1, [100, 40, 0]),
            (Level::Level2, [100, 100, 20]),
            (Level::Level2, [100, 100, 60]),
        ]
    );
    let last = history.last().unwrap();
    assert!(last.undated);
    assert_eq!(last.date, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert!(team_history(&a_year(), "Team C", Instrument::Maturity).is_empty());
}

#[test]
fn teams_lists_each_team_once_with_its_latest_name() {
    let listed: Vec<(String, usize, NaiveDate)> = teams(&a_year())
        .into_iter()
        .map(|t| (t.name, t.assessments, t.latest))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "Team A".to_owned(),
                6,
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
            ),
            (
                "Team B".to_owned(),
                1,
                NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
            ),
        ]
    );
}

#[test]
fn diff_lists_criteria_gained_lost_and_notes_changed_in_lesson_order() {
    let mut older = assessment("old", "Team A", 0);
    let mut newer = assessment("new", "Team A", 100);
    let c = |i: usize| CRITERIA[i].id;
    for i in [0, 1, 5, 9] {
        older.set_answer(c(i), |a| a.implemented = true);
    }
    for i in [13, 1, 2, 0] {
        newer.set_answer(c(i), |a| a.implemented = true);
    }
    older.set_answer(c(1), |a| a.evidence = "MLflow on a laptop".into());
    newer.set_answer(c(1), |a| a.evidence = "MLflow server, shared — ✓".into());
    newer.set_answer(c(4), |a| {
        a.link = "https://wiki.example.org/validation".into()
    });
    // Same notes on both sides: not a change.
    older.set_answer(c(7), |a| a.evidence = "same".into());
    newer.set_answer(c(7), |a| a.evidence = "same".into());
    // Answers outside the lesson's criteria are ignored.
    older.set_answer("future-criterion", |a| a.implemented = true);

    let d = diff(&older, &newer);
    let ids =
        |list: &[&'static mlops_governance_workbench::core::maturity::criteria::Criterion]| {
            list.iter().map(|c| c.id).collect::<Vec<_>>()
        };
    assert_eq!(ids(&d.gained), [c(2), c(13)]);
    assert_eq!(ids(&d.lost), [c(5), c(9)]);
    assert_eq!(d.notes_changed.len(), 2);
    assert_eq!(d.notes_changed[0].item.id, c(1));
    assert_eq!(
        d.notes_changed[0].evidence,
        Some(TextChange {
            old: "MLflow on a laptop".into(),
            new: "MLflow server, shared — ✓".into()
        })
    );
    assert_eq!(d.notes_changed[0].link, None);
    assert_eq!(d.notes_changed[1].item.id, c(4));
    assert_eq!(d.notes_changed[1].evidence, None);
    assert_eq!(
        d.notes_changed[1].link,
        Some(TextChange {
            old: String::new(),
            new: "https://wiki.example.org/validation".into()
        })
    );
    assert_eq!(d.before.overall, Level::Level0);
    assert_eq!(d.after.overall, Level::Level0);
    assert_eq!(d.level_change(), "still Level 0");
    assert!(!d.is_empty());
    assert!(diff(&older, &older).is_empty());
}

#[test]
fn diff_across_a_year_shows_the_level_change() {
    let year = a_year();
    let q1 = year.iter().find(|a| a.id == "q1").unwrap();
    let q4 = year.iter().find(|a| a.id == "q4").unwrap();
    let d = diff(q1, q4);
    assert_eq!(d.gained.len(), 8);
    assert!(d.lost.is_empty());
    assert_eq!(d.level_change(), "Level 0 → Level 2");
    assert_eq!(d.before.percents, [50, 0, 0]);
    assert_eq!(d.after.percents, [100, 100, 20]);
    // Backwards, the same criteria are lost.
    let back = diff(q4, q1);
    assert_eq!(back.lost, d.gained);
    assert_eq!(back.level_change(), "Level 2 → Level 0");
}

#[test]
fn compare_puts_assessments_side_by_side() {
    let year = a_year();
    let chosen: Vec<&Assessment> = ["q1", "other", "q4"]
        .iter()
        .map(|id| year.iter().find(|a| a.id == *id).unwrap())
        .collect();
    let table = compare(Instrument::Maturity, chosen.iter().copied());
    let columns: Vec<(&str, Level, [usize; 3])> = table
        .columns
        .iter()
        .map(|c| (c.id.as_str(), c.standing.overall, c.standing.percents))
        .collect();
    assert_eq!(
        columns,
        [
            ("q1", Level::Level0, [50, 0, 0]),
            ("other", Level::Level3, [100, 100, 100]),
            ("q4", Level::Level2, [100, 100, 20]),
        ]
    );
    assert_eq!(table.rows.len(), 14);
    assert_eq!(table.rows[0].item.id, CRITERIA[0].id);
    assert_eq!(table.rows[0].implemented, [true, true, true]);
    assert_eq!(table.rows[0].count, 3);
    assert_eq!(table.rows[2].implemented, [false, true, true]);
    assert_eq!(table.rows[13].implemented, [false, true, false]);
    assert_eq!(table.rows[13].count, 1);
    // A whole collection works too, and an empty choice gives empty rows.
    assert_eq!(
        compare(Instrument::Maturity, &year).columns.len(),
        year.len()
    );
    let empty = compare(Instrument::Maturity, &[]);
    assert!(empty.columns.is_empty());
    assert!(
        empty
            .rows
            .iter()
            .all(|r| r.implemented.is_empty() && r.count == 0)
    );
}
