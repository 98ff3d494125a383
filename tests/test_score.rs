//! The ML Test Score as a second instrument: the rubric, its scoring and bands, share links of
//! version 2, rooms that disagree, the room's agreed assessment, targets and gaps as debt.

mod common;
use chrono::NaiveDate;
use common::{HOSTILE, assessment, at, ids};
use mlops_governance_workbench::core::debt::item::{DebtCategory, DebtStatus, Rating};
use mlops_governance_workbench::core::maturity::assessment::{Assessment, Target};
use mlops_governance_workbench::core::maturity::criteria::{CRITERIA, LESSON_EXAMPLE};
use mlops_governance_workbench::core::maturity::instrument::Instrument;
use mlops_governance_workbench::core::maturity::test_score::{
    BANDS, Practice, Section, TESTS, band, points, score, tests_of,
};
use mlops_governance_workbench::core::workshop::disagreement::{
    Agreement, consensus, most_contested_first, overall_steps, splits,
};
use mlops_governance_workbench::core::workshop::gaps::{debt_items, gaps, item_for};
use mlops_governance_workbench::core::workshop::room::aggregate;
use mlops_governance_workbench::core::workshop::share_link::{decode_link, fragment};
use mlops_governance_workbench::core::workshop::sources::Source;
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::file::{export_document, parse_document};
use std::collections::BTreeMap;

fn test_score(id: &str, name: &str) -> Assessment {
    let mut a = assessment(id, name, 0);
    a.instrument = Instrument::MlTestScore;
    a
}

/// Every test of a section set to `practice`, the others left as they are.
fn set_section(a: &mut Assessment, section: Section, practice: Practice, how_many: usize) {
    for test in tests_of(section).take(how_many) {
        a.set_choice(test.id, practice.half_points() as usize);
    }
}

#[test]
fn the_rubric_has_the_papers_28_tests_in_four_sections_of_seven() {
    assert_eq!(TESTS.len(), 28);
    for section in Section::ALL {
        let numbers: Vec<u8> = tests_of(section).map(|t| t.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 7], "{section:?}");
    }
    let ids: std::collections::BTreeSet<_> = TESTS.iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), 28, "ids are unique");
    // Four of the paper's titles, as the issue quotes them.
    for title in [
        "Feature expectations are captured in a schema.",
        "Model specs are reviewed and submitted.",
        "Training is reproducible.",
        "Dependency changes result in notification.",
    ] {
        assert!(TESTS.iter().any(|t| t.title == title), "{title}");
    }
    assert_eq!(TESTS[0].label(), "Data 1");
    assert_eq!(TESTS[27].label(), "Monitor 7");
}

#[test]
fn a_section_sums_half_and_whole_points_and_the_final_score_is_the_minimum() {
    let nothing = score(|_| Practice::NotDone);
    assert_eq!(nothing.final_half_points, 0);
    assert_eq!(nothing.weakest().len(), 4);

    let all = score(|_| Practice::Automated);
    assert_eq!(all.final_half_points, 14);
    assert_eq!(points(all.final_half_points), "7");

    // Data: 3 automated + 2 manual = 4; Model: 2 + 2 manual = 3; Infra: 5; Monitor: 3 manual = 1.5.
    let mut a = test_score("x", "Ranking");
    set_section(&mut a, Section::FeaturesAndData, Practice::Manual, 5);
    set_section(&mut a, Section::FeaturesAndData, Practice::Automated, 3);
    set_section(&mut a, Section::ModelDevelopment, Practice::Manual, 4);
    set_section(&mut a, Section::ModelDevelopment, Practice::Automated, 2);
    set_section(&mut a, Section::Infrastructure, Practice::Automated, 5);
    set_section(&mut a, Section::Monitoring, Practice::Manual, 3);
    let result = a.test_score();
    let sums: Vec<String> = result
        .sections
        .iter()
        .map(|s| points(s.half_points))
        .collect();
    assert_eq!(sums, ["4", "3", "5", "1.5"]);
    assert_eq!(points(result.final_half_points), "1.5");
    let weakest: Vec<Section> = result.weakest().iter().map(|s| s.section).collect();
    assert_eq!(weakest, [Section::Monitoring]);
    assert_eq!(result.band().range, "(1,2]");
    assert_eq!(a.overall_steps(), 3);
}

#[test]
fn table_v_bands_have_their_edges_at_0_1_2_3_and_5() {
    let range = |half: u8| band(half).range;
    assert_eq!(range(0), "0");
    assert_eq!(range(1), "(0,1]"); // 0.5
    assert_eq!(range(2), "(0,1]"); // 1
    assert_eq!(range(3), "(1,2]"); // 1.5
    assert_eq!(range(4), "(1,2]"); // 2
    assert_eq!(range(5), "(2,3]"); // 2.5
    assert_eq!(range(6), "(2,3]"); // 3
    assert_eq!(range(7), "(3,5]"); // 3.5
    assert_eq!(range(10), "(3,5]"); // 5
    assert_eq!(range(11), "> 5"); // 5.5
    assert_eq!(range(14), "> 5"); // 7
    assert_eq!(
        BANDS[0].description,
        "More of a research project than a productionized system."
    );
    assert_eq!(
        BANDS[5].description,
        "Exceptional levels of automated testing and monitoring."
    );
}

#[test]
fn a_choice_sets_the_practice_and_keeps_the_evidence() {
    let mut a = test_score("x", "Ranking");
    a.set_answer("infra-1", |answer| answer.evidence = "seeded runs".into());
    a.set_choice("infra-1", 2);
    assert_eq!(a.practice("infra-1"), Practice::Automated);
    a.set_choice("infra-1", 1);
    assert_eq!(a.practice("infra-1"), Practice::Manual);
    assert_eq!(a.answer("infra-1").evidence, "seeded runs");
    a.set_choice("infra-1", 0);
    assert_eq!(a.practice("infra-1"), Practice::NotDone);
    assert_eq!(a.choice("infra-1"), 0);
    // A blank answer is dropped, so files stay small.
    a.set_answer("infra-1", |answer| answer.evidence.clear());
    assert!(a.answers.is_empty());
}

#[test]
fn the_default_target_is_one_step_above_today_and_a_set_target_wins() {
    let mut lesson = assessment("l", "Team", 0);
    assert_eq!(lesson.target_steps(), 1);
    for id in LESSON_EXAMPLE {
        lesson.set_choice(id, 1);
    }
    assert_eq!(lesson.overall_steps(), 1);
    assert_eq!(lesson.target_steps(), 2);
    lesson.set_target_steps(Some(3));
    assert_eq!(lesson.target, Some(Target::Level(3)));
    assert_eq!(lesson.target_steps(), 3);

    let mut score = test_score("s", "Team");
    assert_eq!(score.target_steps(), 2, "one point above 0");
    score.set_target_steps(Some(7));
    assert_eq!(score.target, Some(Target::ScoreHalfPoints(7)));
    assert_eq!(score.target_steps(), 7);
    // A target of the other instrument is ignored, not misread.
    score.target = Some(Target::Level(2));
    assert_eq!(score.target_steps(), 2);
    score.target = Some(Target::ScoreHalfPoints(200));
    assert_eq!(score.target_steps(), 14, "at most the top");
}

#[test]
fn share_links_of_the_test_score_are_version_2_and_old_links_still_open() {
    let mut a = test_score("19b7a3f05c2-3fa85f6457174562", "Ranking");
    a.assessor = "Kim".into();
    a.date = NaiveDate::from_ymd_opt(2026, 11, 28);
    set_section(&mut a, Section::Infrastructure, Practice::Automated, 3);
    set_section(&mut a, Section::Monitoring, Practice::Manual, 7);
    for (test, text) in TESTS.iter().zip(HOSTILE.iter().cycle()) {
        a.set_answer(test.id, |answer| answer.evidence = (*text).to_owned());
    }
    a.set_answer("data-1", |answer| {
        answer.link = "https://wiki.example.org/schema".into()
    });
    a.set_target_steps(Some(5));
    let link = fragment(&a);
    assert!(link.starts_with("#/shared/2/"), "{link}");
    assert_eq!(decode_link(&link).unwrap(), a);

    // An empty Test Score assessment's link, for the note's figures.
    let empty = test_score("19b7a3f05c2-3fa85f6457174562", "Ranking");
    let short = fragment(&empty);
    assert!(short.len() < 120, "{} characters", short.len());

    // Maturity assessments keep writing version 1, which every build since the first reads.
    let lesson = assessment("19b7a3f05c2-3fa85f6457174562", "Team A", 0);
    assert!(fragment(&lesson).starts_with("#/shared/1/"));
    assert_eq!(decode_link(&fragment(&lesson)).unwrap(), lesson);
}

/// A room of 30 where the first three criteria split 15 to 15 and the others 27 to 3.
fn split_room() -> Vec<Assessment> {
    (0..30)
        .map(|i| {
            let mut a = assessment(&format!("p-{i}"), "Payments", i);
            a.assessor = format!("Person {i}");
            for (k, criterion) in CRITERIA.iter().enumerate() {
                let has = if k < 3 { i % 2 == 0 } else { i >= 3 };
                a.set_choice(criterion.id, usize::from(has));
            }
            a
        })
        .collect()
}

#[test]
fn a_room_split_15_to_15_shows_those_criteria_first_and_contested() {
    let room = split_room();
    let refs: Vec<&Assessment> = room.iter().collect();
    let splits = splits(Instrument::Maturity, &refs);
    let order = most_contested_first(&splits);
    let first: Vec<&str> = order.iter().take(3).map(|&i| splits[i].item.id).collect();
    assert_eq!(
        first,
        [CRITERIA[0].id, CRITERIA[1].id, CRITERIA[2].id],
        "ties keep the lesson's order"
    );
    for (rank, &i) in order.iter().enumerate() {
        assert_eq!(splits[i].is_contested(), rank < 3, "{}", splits[i].item.id);
    }
    assert_eq!(splits[0].counts, vec![15, 15]);
    assert_eq!(
        splits[0].describe(Instrument::Maturity),
        "15 of 30 have it, 15 don't"
    );
    assert_eq!(splits[5].counts, vec![3, 27]);
}

#[test]
fn the_contested_rule_has_its_edge_at_70_percent() {
    let room = |have: usize, of: usize| {
        (0..of)
            .map(|i| {
                let mut a = assessment(&format!("p-{i}"), "T", 0);
                a.set_choice(CRITERIA[0].id, usize::from(i < have));
                a
            })
            .collect::<Vec<_>>()
    };
    let contested = |have, of| {
        let r = room(have, of);
        let refs: Vec<&Assessment> = r.iter().collect();
        splits(Instrument::Maturity, &refs)[0].is_contested()
    };
    assert!(!contested(7, 10), "7 of 10 is 70%: agreed");
    assert!(contested(6, 10));
    assert!(contested(4, 10));
    assert!(!contested(3, 10), "7 of 10 don't: agreed");
    assert!(!contested(0, 1), "a room of one cannot disagree");
    assert!(!contested(0, 0));
}

#[test]
fn a_test_score_room_splits_three_ways_and_its_dots_are_scores() {
    let people: Vec<Assessment> = (0..3)
        .map(|i| {
            let mut a = test_score(&format!("s-{i}"), "Ranking");
            for section in Section::ALL {
                set_section(&mut a, section, Practice::ALL[i], 7);
            }
            a
        })
        .collect();
    let refs: Vec<&Assessment> = people.iter().collect();
    let splits = splits(Instrument::MlTestScore, &refs);
    assert_eq!(splits.len(), 28);
    assert_eq!(splits[0].counts, vec![1, 1, 1]);
    assert!(splits[0].is_contested());
    assert_eq!(
        splits[0].describe(Instrument::MlTestScore),
        "1 not done, 1 manual, 1 automated (of 3)"
    );
    assert_eq!(overall_steps(&refs), vec![0, 7, 14]);
}

#[test]
fn a_room_with_both_instruments_keeps_them_apart() {
    let mut sources = Vec::new();
    for (i, a) in split_room().iter().take(4).enumerate() {
        sources.push(Source::file(&format!("m{i}.json"), &file_of(a)));
    }
    let mut score = test_score("s-1", "Ranking");
    score.assessor = "Kim".into();
    score.set_choice("data-1", 2);
    sources.push(Source::file("s.json", &file_of(&score)));
    let room = aggregate(&sources);
    assert_eq!(room.participants.len(), 4);
    assert_eq!(room.test_score.len(), 1);
    assert_eq!(room.summary(5), "5 participants from 5 sources.");
    // The maturity counts do not see the Test Score answer.
    assert!(room.criteria.iter().all(|c| c.holders.len() <= 4));
    assert_eq!(room.of(Instrument::MlTestScore)[0].assessment, score);
}

fn file_of(a: &Assessment) -> String {
    let mut workspace = Workspace::default();
    workspace.assessments.upsert(a.clone());
    export_document(&workspace, "0.6.0", at(5_000))
}

#[test]
fn the_room_agrees_one_assessment_with_the_spread_attached() {
    let room = split_room();
    let refs: Vec<&Assessment> = room.iter().collect();
    let splits = splits(Instrument::Maturity, &refs);
    let met_on = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let agreement = Agreement {
        team: "  Payments ML ".into(),
        facilitator: "Fran".into(),
        met_on,
        answers: BTreeMap::from([
            (CRITERIA[0].id.to_owned(), 1),
            (CRITERIA[1].id.to_owned(), 0),
        ]),
    };
    let agreed = consensus(
        Instrument::Maturity,
        &splits,
        &agreement,
        "c-1".into(),
        at(9),
    );
    assert_eq!(agreed.name, "Payments ML");
    assert_eq!(agreed.assessor, "Fran");
    assert_eq!(agreed.date, Some(met_on));
    assert!(agreed.is_implemented(CRITERIA[0].id));
    assert!(!agreed.is_implemented(CRITERIA[1].id));
    assert!(
        !agreed.is_implemented(CRITERIA[5].id),
        "not discussed: not there yet"
    );
    assert_eq!(
        agreed.answer(CRITERIA[0].id).evidence,
        "Room of 30 participants on 2026-12-02: 15 of 30 have it, 15 don't (contested; agreed: we have it)."
    );
    assert!(
        agreed
            .answer(CRITERIA[5].id)
            .evidence
            .ends_with("(not discussed).")
    );
    let evidence = agreed.room.as_ref().unwrap();
    assert_eq!((evidence.met_on, evidence.participants), (met_on, 30));
    assert_eq!(evidence.splits[CRITERIA[0].id], vec![15, 15]);

    // The agreed assessment survives a workspace file with its evidence.
    let mut workspace = Workspace::default();
    workspace.assessments.upsert(agreed.clone());
    let back = parse_document(&export_document(&workspace, "0.6.0", at(10))).unwrap();
    assert_eq!(back.assessments.items[0], agreed);
    // A rerun is one person's again.
    assert_eq!(agreed.duplicate("c-2".into(), at(11)).room, None);
}

#[test]
fn maturity_gaps_are_the_missing_criteria_up_to_the_target() {
    let mut a = assessment("a", "Payments", 0);
    for id in LESSON_EXAMPLE {
        a.set_choice(id, 1);
    }
    // Level 1 is reached; the default target is Level 2: its missing criteria are the gaps.
    let found: Vec<&str> = gaps(&a).iter().map(|g| g.item_id).collect();
    let level2_missing: Vec<&str> = CRITERIA
        .iter()
        .filter(|c| c.level.number() == 2 && !LESSON_EXAMPLE.contains(&c.id))
        .map(|c| c.id)
        .collect();
    assert_eq!(found, level2_missing);
    a.set_target_steps(Some(3));
    assert!(gaps(&a).len() > found.len());
    let first = &gaps(&a)[0];
    assert_eq!(first.impact, Rating::Medium);
    assert!(
        first.description.starts_with("Payments: "),
        "{}",
        first.description
    );
}

#[test]
fn test_score_gaps_are_the_unmet_tests_of_the_sections_below_the_target() {
    let mut a = test_score("s", "Ranking");
    for section in [
        Section::FeaturesAndData,
        Section::ModelDevelopment,
        Section::Infrastructure,
    ] {
        set_section(&mut a, section, Practice::Automated, 3);
    }
    set_section(&mut a, Section::Monitoring, Practice::Manual, 1);
    // Score 0.5 (monitoring holds it down); default target 1.5: only Monitoring is below.
    let found = gaps(&a);
    assert_eq!(found.len(), 7);
    assert!(found.iter().all(|g| g.category == DebtCategory::Monitoring));
    assert_eq!(found[0].practice, Some(Practice::Manual));
    assert_eq!(
        (found[0].impact, found[0].effort),
        (Rating::Medium, Rating::Low)
    );
    assert_eq!(
        found[1].description,
        "Ranking: ML Test Score Monitor 2 “Data invariants hold for inputs” is not done"
    );
}

#[test]
fn adding_gaps_twice_adds_nothing_twice_and_links_back() {
    let mut a = test_score("s", "Ranking");
    a.set_choice("data-1", 1);
    let chosen = gaps(&a);
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let mut new_id = ids("debt");
    let mut register = debt_items(&a, &chosen, &[], &mut new_id, today, at(1));
    assert_eq!(register.len(), chosen.len());
    let again = debt_items(&a, &chosen, &register, &mut new_id, today, at(2));
    assert!(again.is_empty());
    // The same gap chosen twice in one go is added once.
    let doubled: Vec<_> = chosen.iter().chain(&chosen).cloned().collect();
    assert_eq!(
        debt_items(&a, &doubled, &[], ids("x"), today, at(3)).len(),
        chosen.len()
    );
    // A rerun of the same team (a copy) finds the same items.
    let rerun = a.duplicate("s2".into(), at(4));
    assert!(item_for(&register, &rerun, "data-1").is_some());
    // The link names the gap; its status is the register's.
    register[0].status = DebtStatus::Resolved;
    let item = item_for(&register, &a, chosen[0].item_id).unwrap();
    let link = item.closes.as_ref().unwrap();
    assert_eq!(
        (link.assessment_id.as_str(), link.instrument.as_str()),
        ("s", "ml_test_score")
    );
    assert_eq!(item.status, DebtStatus::Resolved);
    // Another team's same gap is its own.
    let other = test_score("o", "Fraud");
    assert!(item_for(&register, &other, "data-1").is_none());
}

#[test]
fn the_v6_fixture_holds_both_instruments_a_room_and_a_gap() {
    let path = format!(
        "{}/tests/fixtures/workspace-v6.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let workspace = parse_document(&std::fs::read_to_string(path).unwrap()).unwrap();
    let by_id = |id: &str| {
        workspace
            .assessments
            .items
            .iter()
            .find(|a| a.id == id)
            .unwrap()
            .clone()
    };
    let score = by_id("test-score-ranking");
    assert_eq!(score.instrument, Instrument::MlTestScore);
    assert_eq!(score.practice("data-1"), Practice::Automated);
    assert_eq!(score.practice("data-2"), Practice::Manual);
    assert_eq!(score.target_steps(), 3);
    assert_eq!(points(score.test_score().final_half_points), "0.5");
    assert_eq!(by_id("lesson-example").target_steps(), 2);
    assert_eq!(by_id("room-agreed").room.unwrap().participants, 3);
    let debt = workspace
        .debt
        .items
        .iter()
        .find(|d| d.id == "gap-debt-1")
        .unwrap();
    assert!(item_for(std::slice::from_ref(debt), &score, "monitor-2").is_some());

    // Version 5 assessments read as the maturity model.
    let v5 = format!(
        "{}/tests/fixtures/workspace-v5.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let older = parse_document(&std::fs::read_to_string(v5).unwrap()).unwrap();
    assert!(
        older
            .assessments
            .items
            .iter()
            .all(|a| a.instrument == Instrument::Maturity && a.target.is_none())
    );
}

#[test]
fn the_markdown_report_of_a_test_score_names_sections_score_band_and_every_test() {
    use mlops_governance_workbench::core::maturity::report::assessment_markdown;
    let mut a = test_score("md", "Ranking <script>alert(1)</script>");
    set_section(&mut a, Section::FeaturesAndData, Practice::Automated, 7);
    set_section(&mut a, Section::ModelDevelopment, Practice::Automated, 7);
    set_section(&mut a, Section::Infrastructure, Practice::Manual, 7);
    set_section(&mut a, Section::Monitoring, Practice::Automated, 2);
    a.set_answer("monitor-1", |x| x.evidence = HOSTILE.join("\n"));
    let md = assessment_markdown(&a);
    assert!(md.starts_with("# ML Test Score: Ranking"), "{md}");
    assert!(!md.contains("<script>"), "user text is escaped: {md}");
    assert!(md.contains("- Final score: 2 of 7"), "{md}");
    assert!(
        md.contains(BANDS[2].description),
        "Table V's band for 2 points"
    );
    assert!(md.contains("- Held down by: Monitoring"), "{md}");
    assert!(md.contains("| ML Infrastructure | 3.5 | 7 |"), "{md}");
    assert!(
        md.contains("- Target: Score 3 (one step above today, by default)"),
        "{md}"
    );
    for test in &TESTS {
        assert!(md.contains(test.title), "{} is listed", test.id);
    }
    assert!(md.contains("- Monitor 3 (not done): "), "{md}");
    assert!(
        !md.contains("Level 1"),
        "nothing of the maturity model: {md}"
    );
    assert_eq!(md.matches("(this system)").count(), 1);
}

#[test]
fn history_and_comparison_keep_the_instruments_apart_and_diff_practices() {
    use mlops_governance_workbench::core::workshop::compare::compare;
    use mlops_governance_workbench::core::workshop::history::{
        diff, team_history, team_instruments,
    };
    let mut older = test_score("t1", "Ranking");
    older.date = NaiveDate::from_ymd_opt(2026, 1, 10);
    set_section(&mut older, Section::Monitoring, Practice::Manual, 2);
    let mut newer = older.duplicate("t2".to_owned(), at(1));
    newer.date = NaiveDate::from_ymd_opt(2026, 6, 10);
    for section in Section::ALL {
        set_section(&mut newer, section, Practice::Automated, 2);
    }
    newer.target = Some(Target::ScoreHalfPoints(8));
    let mut level = assessment("m1", "Ranking", 0);
    level.set_answer(CRITERIA[0].id, |a| a.implemented = true);
    let all = vec![older.clone(), level.clone(), newer.clone()];

    assert_eq!(
        team_instruments(&all, "ranking"),
        [Instrument::Maturity, Instrument::MlTestScore]
    );
    let history = team_history(&all, "Ranking", Instrument::MlTestScore);
    let ids: Vec<&str> = history.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["t1", "t2"], "the maturity assessment is not in it");
    assert_eq!((history[0].steps, history[1].steps), (0, 4));
    assert_eq!(history[1].target, 8);
    assert_eq!(team_history(&all, "Ranking", Instrument::Maturity).len(), 1);

    let d = diff(&older, &newer);
    assert_eq!(d.level_change(), "Score 0 → Score 2");
    assert!(d.gained.is_empty() && d.lost.is_empty());
    // Data 1-2, Model 1-2, Infra 1-2 from not done; Monitor 1-2 from manual.
    assert_eq!(d.practice_changes.len(), 8);
    let monitor = &d.practice_changes[6];
    assert_eq!(monitor.item.id, "monitor-1");
    assert_eq!(
        (monitor.before, monitor.after),
        (Practice::Manual, Practice::Automated)
    );

    let table = compare(Instrument::MlTestScore, &all);
    assert_eq!(table.columns.len(), 2, "only the Test Score's columns");
    assert_eq!(table.rows.len(), 28);
    assert_eq!(
        table.rows[21].choices,
        [1, 2],
        "monitor-1: manual, then automated"
    );
    assert_eq!(compare(Instrument::Maturity, &all).columns.len(), 1);
}
