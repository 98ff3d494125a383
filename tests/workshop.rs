//! The facilitator's room: many files and links in, the room's picture out.

mod common;
use common::{assessment, at, ids};
use mlops_governance_workbench::core::maturity::assessment::Assessment;
use mlops_governance_workbench::core::maturity::criteria::{CRITERIA, Level, recommendations};
use mlops_governance_workbench::core::text::spreadsheet::safe_cell;
use mlops_governance_workbench::core::workshop::room::{Room, aggregate, to_workspace};
use mlops_governance_workbench::core::workshop::room_csv::{csv_header, export_csv};
use mlops_governance_workbench::core::workshop::share_link::fragment;
use mlops_governance_workbench::core::workshop::sources::{Source, SourceKind, sources_from_paste};
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::file::{export_document, parse_document};
use mlops_governance_workbench::core::workspace::merge::merge;

/// Participant `i` of a workshop: a spread of levels, some notes.
fn participant(i: usize) -> Assessment {
    let mut a = assessment(&format!("id-{i}"), &format!("Team {}", i % 7), i as i64);
    a.assessor = format!("Person {i}");
    a.date = chrono::NaiveDate::from_ymd_opt(2026, 5, 12);
    // Participant i ticks the first (i * 4) % 15 criteria, and a few more by a pattern.
    for (k, criterion) in CRITERIA.iter().enumerate() {
        if k < (i * 4) % 15 || (i + k).is_multiple_of(9) {
            a.set_answer(criterion.id, |answer| {
                answer.implemented = true;
                answer.evidence = format!("evidence {i}/{k}, naïve — ✓");
            });
        }
    }
    a.updated_at = at(1_000 + i as i64);
    a
}

/// One assessment as the app's per-assessment export: a workspace file holding it alone.
fn export_file(a: &Assessment) -> String {
    let mut workspace = Workspace::default();
    workspace.assessments.upsert(a.clone());
    export_document(&workspace, "0.1.0", at(5_000))
}

fn link(a: &Assessment) -> String {
    format!("https://example.org/workbench/{}", fragment(a))
}

/// 30 participants: 25 files, 5 pasted links, one participant exported twice (an older file,
/// then a newer link), and two broken files.
fn workshop_sources() -> (Vec<Assessment>, Vec<Source>) {
    let people: Vec<Assessment> = (0..30).map(participant).collect();
    let mut sources: Vec<Source> = people[..25]
        .iter()
        .enumerate()
        .map(|(i, a)| Source::file(&format!("participant-{i}.json"), &export_file(a)))
        .collect();
    sources.insert(
        3,
        Source::file(
            "broken.json",
            "{\"format\": \"mlops-governance-workbench\", ",
        ),
    );
    sources.insert(
        10,
        Source::file("notes.txt", "Remember to bring the projector."),
    );
    // Person 4 exported a first, older version before the workshop.
    let mut older = people[4].clone();
    older.answers.clear();
    older.updated_at = at(10);
    sources.push(Source::file("person-4-draft.json", &export_file(&older)));
    let pasted: String = people[25..]
        .iter()
        .map(link)
        .collect::<Vec<_>>()
        .join("\n  \n");
    sources.extend(sources_from_paste(&pasted));
    (people, sources)
}

#[test]
fn a_workshop_of_thirty_counts_every_participant_once() {
    let (people, sources) = workshop_sources();
    assert_eq!(sources.len(), 33);
    let room = aggregate(&sources);

    assert_eq!(room.participants.len(), 30);
    let kept: Vec<&str> = room
        .participants
        .iter()
        .map(|p| p.assessment.id.as_str())
        .collect();
    let expected: Vec<String> = (0..30).map(|i| format!("id-{i}")).collect();
    assert_eq!(kept, expected, "batch order of first appearance");
    // Person 4's newer export is kept, and its note says so.
    assert_eq!(room.participants[4].assessment, people[4]);
    assert_eq!(room.duplicates.len(), 1);
    assert_eq!(
        room.duplicates[0].note,
        "“Person 4 / Team 4” appeared twice (participant-4.json, person-4-draft.json); kept the newer from participant-4.json."
    );
    assert_eq!(room.duplicates[0].kept, "participant-4.json");
    assert_eq!(room.duplicates[0].dropped, ["person-4-draft.json"]);
    assert_eq!(room.participants[27].source, "link 3");

    // The broken files are listed with the reason; the good ones still count.
    let rejected: Vec<(&str, &str)> = room
        .rejected
        .iter()
        .map(|r| (r.source.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(rejected.len(), 2);
    assert_eq!(rejected[0].0, "broken.json");
    assert!(
        rejected[0]
            .1
            .starts_with("The file is not valid JSON: line 1, column "),
        "{}",
        rejected[0].1
    );
    assert_eq!(
        rejected[1],
        (
            "notes.txt",
            "The file is not valid JSON: line 1, column 1: expected value."
        )
    );
    assert_eq!(
        room.summary(sources.len()),
        "30 participants from 33 sources; 2 sources rejected; 1 duplicate dropped."
    );

    // The heat map, counted independently.
    for (row, criterion) in room.criteria.iter().zip(CRITERIA.iter()) {
        assert_eq!(row.criterion.id, criterion.id);
        let holders: Vec<usize> = (0..30)
            .filter(|&i| people[i].is_implemented(criterion.id))
            .collect();
        assert_eq!(row.holders, holders, "{}", criterion.id);
        assert_eq!(row.count, holders.len());
        assert_eq!(row.percent, (holders.len() * 100 + 15) / 30);
    }

    // The distribution of overall levels.
    let levels: Vec<(Level, usize)> = room.levels.iter().map(|l| (l.level, l.count)).collect();
    let count_at = |level| {
        people
            .iter()
            .filter(|p| p.result().overall == level)
            .count()
    };
    assert_eq!(
        levels,
        [Level::Level0, Level::Level1, Level::Level2, Level::Level3].map(|l| (l, count_at(l)))
    );
    assert_eq!(levels.iter().map(|l| l.1).sum::<usize>(), 30);
    assert!(
        levels.iter().all(|l| l.1 > 0),
        "the generated room spreads over every level: {levels:?}"
    );

    // The criteria most often blocking the next level: each participant's missing criteria
    // at the next level, most often first, then in the lesson's order.
    let mut blocking = vec![0usize; CRITERIA.len()];
    for p in &people {
        let result = p.result();
        if let Some(next) = result.overall.next() {
            for (k, c) in CRITERIA.iter().enumerate() {
                if c.level == next && !p.is_implemented(c.id) {
                    blocking[k] += 1;
                }
            }
        }
    }
    let mut expected: Vec<(&str, usize)> = CRITERIA
        .iter()
        .zip(&blocking)
        .filter(|(_, n)| **n > 0)
        .map(|(c, n)| (c.id, *n))
        .collect();
    expected.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let got: Vec<(&str, usize)> = room
        .blocking
        .iter()
        .map(|b| (b.criterion.id, b.count))
        .collect();
    assert_eq!(got, expected);
    assert!(got.windows(2).all(|w| w[0].1 >= w[1].1));

    // Recommendations: every one of the lesson's, with how many participants they apply to.
    assert_eq!(room.recommendations.len(), 15);
    for r in &room.recommendations {
        assert_eq!(r.count, count_at(r.level), "{}", r.text);
        assert!(recommendations(r.level).contains(&r.text));
        assert_eq!(r.applies_to_most, r.count * 2 > 30);
    }
    assert!(
        room.recommendations
            .windows(2)
            .all(|w| w[0].count >= w[1].count)
    );
}

#[test]
fn recommendations_for_most_are_flagged() {
    // 3 of 5 at Level 0: its four recommendations apply to most.
    let mut sources = Vec::new();
    for i in 0..5 {
        let mut a = assessment(&format!("r{i}"), &format!("Team {i}"), 0);
        if i >= 3 {
            for c in CRITERIA.iter().take(4) {
                a.set_answer(c.id, |answer| answer.implemented = true);
            }
        }
        sources.push(Source::file(&format!("{i}.json"), &export_file(&a)));
    }
    let room = aggregate(&sources);
    let most: Vec<&str> = room
        .recommendations
        .iter()
        .filter(|r| r.applies_to_most)
        .map(|r| r.text)
        .collect();
    assert_eq!(most, recommendations(Level::Level0));
    assert_eq!(room.recommendations[0].percent, 60);
    assert_eq!(room.recommendations[4].level, Level::Level1);
    assert_eq!(room.recommendations[4].count, 2);
    assert_eq!(room.recommendations[4].percent, 40);
    assert!(room.recommendations[9..].iter().all(|r| r.count == 0));
}

#[test]
fn duplicates_by_id_and_by_assessor_and_team() {
    let mut alice = assessment("a1", "Team A", 0);
    alice.assessor = "Alice".into();
    // The same record, renamed and changed later: same id.
    let mut renamed = alice.clone();
    renamed.name = "Team Alpha".into();
    renamed.assessor = "Alice B.".into();
    renamed.updated_at = at(100);
    // Another record of the same person and team: spelled differently, made later.
    let mut again = assessment("a2", "  team a ", 0);
    again.assessor = " ALICE ".into();
    again.updated_at = at(50);
    // A blank assessor never matches by name.
    let anonymous1 = assessment("b1", "Team A", 0);
    let anonymous2 = assessment("b2", "Team A", 0);
    let sources = vec![
        Source::file("alice.json", &export_file(&alice)),
        Source::file("anon1.json", &export_file(&anonymous1)),
        Source::file("alice-renamed.json", &export_file(&renamed)),
        Source::file("anon2.json", &export_file(&anonymous2)),
        Source::file("alice-again.json", &export_file(&again)),
    ];
    let room = aggregate(&sources);
    let kept: Vec<(&str, &str)> = room
        .participants
        .iter()
        .map(|p| (p.assessment.id.as_str(), p.source.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("a1", "alice-renamed.json"),
            ("b1", "anon1.json"),
            ("b2", "anon2.json")
        ]
    );
    assert_eq!(room.duplicates.len(), 1);
    // "again" matches "alice" by name, "renamed" matches "alice" by id: one person.
    assert_eq!(
        room.duplicates[0].note,
        "“Alice B. / Team Alpha” appeared 3 times (alice.json, alice-renamed.json, alice-again.json); kept the newer from alice-renamed.json."
    );
    assert_eq!(
        room.duplicates[0].dropped,
        ["alice.json", "alice-again.json"]
    );
    assert_eq!(room.participants[1].label(), "Team A");
}

#[test]
fn the_same_file_dropped_twice_keeps_the_first() {
    let mut a = assessment("x", "Team X", 0);
    a.assessor = "Xavier".into();
    let text = export_file(&a);
    let room = aggregate(&[
        Source::file("x.json", &text),
        Source::file("x (1).json", &text),
    ]);
    assert_eq!(room.participants.len(), 1);
    assert_eq!(room.participants[0].source, "x.json");
    assert_eq!(
        room.duplicates[0].note,
        "“Xavier / Team X” appeared twice (x.json, x (1).json); all were last changed at the same time; kept the first, from x.json."
    );
}

#[test]
fn a_file_with_several_assessments_counts_each() {
    let mut workspace = Workspace::default();
    for i in 0..3 {
        workspace.assessments.upsert(participant(i));
    }
    let text = export_document(&workspace, "0.1.0", at(0));
    let room = aggregate(&[Source::file("team.json", &text)]);
    let sources: Vec<&str> = room
        .participants
        .iter()
        .map(|p| p.source.as_str())
        .collect();
    assert_eq!(
        sources,
        [
            "team.json (1 of 3)",
            "team.json (2 of 3)",
            "team.json (3 of 3)"
        ]
    );
}

#[test]
fn bad_sources_are_listed_with_the_reason() {
    let future = format!("https://x.org/#/shared/3/{}", "A".repeat(40));
    let good = participant(1);
    let cut = link(&good);
    let cut = &cut[..cut.len() - 10];
    let mut sources = vec![
        Source::file("empty.json", "  "),
        Source::file(
            "debt-only.json",
            &export_document(&Workspace::default(), "0.1.0", at(0)),
        ),
        Source::file(
            "other.json",
            r#"{"format": "something-else", "schema_version": 1}"#,
        ),
        Source::file(
            "newer.json",
            r#"{"format": "mlops-governance-workbench", "schema_version": 999, "workspace": {}}"#,
        ),
        // A text file that holds a share link is read as the link.
        Source::file("link.txt", &format!("{}\n", link(&good))),
    ];
    sources.extend(sources_from_paste(&format!(
        "hello there\n{future} {cut}\n\n  https://x.org/#/assessments/abc  \n"
    )));
    let room = aggregate(&sources);
    assert_eq!(room.participants.len(), 1);
    assert_eq!(room.participants[0].assessment, good);
    let rejected: Vec<(&str, &str)> = room
        .rejected
        .iter()
        .map(|r| (r.source.as_str(), r.reason.as_str()))
        .collect();
    let newer = format!(
        "The file was saved by a newer version of the workbench (schema version 999); this version reads up to {}. Open it with the newer version.",
        mlops_governance_workbench::core::records::migrate::SCHEMA_VERSION
    );
    assert_eq!(
        rejected,
        [
            ("empty.json", "The file is empty."),
            ("debt-only.json", "The file holds no assessment."),
            (
                "other.json",
                "The file is not a workbench workspace: its \"format\" is \"something-else\", expected \"mlops-governance-workbench\"."
            ),
            ("newer.json", newer.as_str()),
            ("link 1", "This is not a link of this app."),
            (
                "link 2",
                "This link was made by a newer version of the workbench (link version 3); this one reads versions 1 and 2."
            ),
            (
                "link 3",
                "This link is damaged or incomplete (it may have been cut off by the app that carried it)."
            ),
            ("link 4", "This is not a link of this app."),
        ]
    );
    assert!(sources.iter().skip(5).all(|s| s.kind == SourceKind::Link));
}

#[test]
fn an_empty_batch_is_an_empty_room() {
    let room = aggregate(&[]);
    assert!(room.participants.is_empty());
    assert!(room.criteria.iter().all(|c| c.count == 0 && c.percent == 0));
    assert!(room.levels.iter().all(|l| l.count == 0));
    assert!(room.blocking.is_empty());
    assert!(room.recommendations.iter().all(|r| !r.applies_to_most));
    assert_eq!(room.summary(0), "0 participants from 0 sources.");
    assert!(sources_from_paste(" \n\t ").is_empty());
}

#[test]
fn pasted_links_are_found_in_chat_text() {
    let (a, b) = (participant(1), participant(2));
    let pasted = format!(
        "Alice: here is mine {}\r\nBob: {} and again {}\nthanks!",
        link(&a),
        link(&b),
        fragment(&b)
    );
    let sources = sources_from_paste(&pasted);
    let texts: Vec<(&str, &str)> = sources
        .iter()
        .map(|s| (s.name.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(texts.len(), 4);
    assert_eq!(texts[0], ("link 1", link(&a).as_str()));
    assert_eq!(texts[2].1, fragment(&b));
    assert_eq!(texts[3], ("link 4", "thanks!"));
    let room = aggregate(&sources);
    assert_eq!(room.participants.len(), 2);
    assert_eq!(room.rejected.len(), 1);
    assert_eq!(
        room.duplicates[0].note,
        "“Person 2 / Team 2” appeared twice (link 2, link 3); all were last changed at the same time; kept the first, from link 2."
    );
}

#[test]
fn saving_the_room_merges_the_participants_into_the_workspace() {
    let (_, sources) = workshop_sources();
    let mut mine = Workspace::default();
    mine.assessments.upsert(assessment("mine", "My team", 0));
    // The facilitator also took part: their own assessment is in the batch, changed since.
    let mut own = participant(2);
    own.set_answer(CRITERIA[0].id, |a| a.evidence = "changed by me".into());
    mine.assessments.upsert(own);
    let before = mine.clone();

    let room = aggregate(&sources);
    assert_eq!(mine, before, "aggregating changes nothing");
    let incoming = to_workspace(&room);
    assert_eq!(incoming.assessments.items.len(), 30);
    // The workspace is a valid file: unique ids.
    let text = export_document(&incoming, "0.1.0", at(0));
    assert_eq!(parse_document(&text).unwrap(), incoming);

    let (merged, report) = merge(&mine, &incoming, ids("new"), at(9_000));
    assert_eq!(report.added, 29);
    assert_eq!(report.kept_both, 1);
    assert_eq!(merged.assessments.items.len(), 32);
    assert!(merged.assessments.contains("new-1"));
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_has_one_row_per_participant() {
    let (people, sources) = workshop_sources();
    let room = aggregate(&sources);
    let rows = parse_csv(&export_csv(&room));
    assert_eq!(rows.len(), 31);
    assert_eq!(rows[0], csv_header());
    assert_eq!(
        rows[0][..7],
        [
            "team",
            "assessor",
            "date",
            "overall_level",
            "level_1_percent",
            "level_2_percent",
            "level_3_percent"
        ]
    );
    assert_eq!(rows[0][7..], CRITERIA.map(|c| c.id));
    for (row, person) in rows[1..].iter().zip(&people) {
        let result = person.result();
        assert_eq!(row.len(), 21);
        assert_eq!(row[0], person.name);
        assert_eq!(row[1], person.assessor);
        assert_eq!(row[2], "2026-05-12");
        assert_eq!(row[3], result.overall.number().to_string());
        for (cell, score) in row[4..7].iter().zip(&result.scores) {
            assert_eq!(*cell, score.percent_rounded().to_string());
        }
        for (cell, c) in row[7..].iter().zip(CRITERIA.iter()) {
            assert_eq!(
                cell,
                if person.is_implemented(c.id) {
                    "1"
                } else {
                    "0"
                }
            );
        }
    }
}

#[test]
fn csv_cells_cannot_become_formulas() {
    for (cell, safe) in [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("Team = A", "Team = A"),
        ("Zoë", "Zoë"),
        ("", ""),
    ] {
        assert_eq!(safe_cell(cell), safe, "{cell:?}");
    }
    let mut a = assessment("f", "=HYPERLINK(\"http://x\",\"click\")", 0);
    a.assessor = "@evil, \"quoted\"\nnext line".into();
    a.date = None;
    let room: Room = aggregate(&[Source::file("f.json", &export_file(&a))]);
    let rows = parse_csv(&export_csv(&room));
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(rows[1][1], "'@evil, \"quoted\"\nnext line");
    assert_eq!(rows[1][2], "");
    assert_eq!(rows[1][3], "0");
}
