//! The lesson's maturity rules (section 1.2), checked against its own example.

use mlops_governance_workbench::core::maturity::criteria::{
    CRITERIA, Level, assess, criterion, recommendations,
};

fn implemented_by_text(texts: &[&str]) -> impl Fn(&str) -> bool {
    let ids: Vec<&'static str> = CRITERIA
        .iter()
        .filter(|c| texts.contains(&c.text))
        .map(|c| c.id)
        .collect();
    assert_eq!(ids.len(), texts.len(), "every text names a criterion");
    move |id| ids.contains(&id)
}

#[test]
fn the_lessons_example_is_level_1_with_its_five_recommendations() {
    let result = assess(implemented_by_text(&[
        "Automated training pipeline",
        "Experiment tracking (MLflow/W&B)",
        "Model registry",
        "Basic model monitoring",
        "Automated data validation",
    ]));
    assert_eq!(result.overall, Level::Level1);
    let percentages: Vec<f64> = result.scores.iter().map(|s| s.percentage).collect();
    assert_eq!(percentages, vec![100.0, 20.0, 0.0]);
    assert_eq!(
        result.recommendations,
        &[
            "Implement automated data validation (Great Expectations)",
            "Add model validation tests",
            "Set up CI/CD pipeline for ML code",
            "Implement feature store (Feast)",
            "Automate model deployment",
        ]
    );
    let level2 = result.score(Level::Level2).unwrap();
    assert_eq!(
        (level2.total, level2.implemented, level2.still_needed()),
        (5, 1, 3)
    );
    let missing: Vec<&str> = level2.missing.iter().map(|c| c.text).collect();
    assert_eq!(
        missing,
        [
            "Automated model validation",
            "CI/CD pipeline for ML",
            "Feature store",
            "Automated deployment"
        ]
    );
}

#[test]
fn nothing_implemented_is_level_0_with_its_four_recommendations() {
    let result = assess(|_| false);
    assert_eq!(result.overall, Level::Level0);
    assert_eq!(result.lesson_loop_level, Level::Level0);
    assert_eq!(
        result.recommendations,
        &[
            "Implement experiment tracking (MLflow or Weights & Biases)",
            "Set up model registry for version management",
            "Create automated training pipeline",
            "Add basic model monitoring",
        ]
    );
    let blocking: Vec<Level> = result
        .blocking_next_level()
        .iter()
        .map(|s| s.level)
        .collect();
    assert_eq!(blocking, vec![Level::Level1]);
}

#[test]
fn everything_implemented_is_level_3() {
    let result = assess(|_| true);
    assert_eq!(result.overall, Level::Level3);
    assert_eq!(
        result.recommendations,
        &["Maintain and optimize current MLOps practices"]
    );
    assert!(result.blocking_next_level().is_empty());
    assert!(
        result
            .scores
            .iter()
            .all(|s| s.percentage == 100.0 && s.missing.is_empty())
    );
}

#[test]
fn a_gap_at_level_1_keeps_level_0_under_the_cumulative_rule() {
    let result = assess(|id| id != "model-registry");
    assert_eq!(result.score(Level::Level1).unwrap().percentage, 75.0);
    assert_eq!(result.overall, Level::Level0);
    // The lesson's loop ignores the lower level and says Level 3.
    assert_eq!(result.lesson_loop_level, Level::Level3);
    assert_eq!(result.recommendations, recommendations(Level::Level0));
    let blocking = result.blocking_next_level();
    assert_eq!(blocking.len(), 1);
    assert_eq!(blocking[0].missing[0].text, "Model registry");
}

#[test]
fn four_of_five_is_exactly_the_threshold() {
    let level2: Vec<&str> = CRITERIA
        .iter()
        .filter(|c| c.level == Level::Level2)
        .map(|c| c.id)
        .collect();
    let result = assess(|id| {
        criterion(id).is_some_and(|c| c.level == Level::Level1) || level2[..4].contains(&id)
    });
    assert_eq!(result.score(Level::Level2).unwrap().percentage, 80.0);
    assert_eq!(result.overall, Level::Level2);
    let three_of_five = assess(|id| {
        criterion(id).is_some_and(|c| c.level == Level::Level1) || level2[..3].contains(&id)
    });
    assert_eq!(three_of_five.overall, Level::Level1);
}

#[test]
fn the_lessons_fourteen_criteria_keep_their_texts_levels_and_unique_ids() {
    assert_eq!(CRITERIA.len(), 14);
    let per_level: Vec<usize> = Level::SCORED
        .iter()
        .map(|l| CRITERIA.iter().filter(|c| c.level == *l).count())
        .collect();
    assert_eq!(per_level, vec![4, 5, 5]);
    let mut ids: Vec<&str> = CRITERIA.iter().map(|c| c.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 14);
    assert_eq!(CRITERIA[6].text, "CI/CD pipeline for ML");
    assert_eq!(CRITERIA[6].category, "CI/CD");
    assert!(CRITERIA.iter().all(|c| !c.in_practice.is_empty()));
}

#[test]
fn the_example_constant_is_the_lessons_example() {
    use mlops_governance_workbench::core::maturity::criteria::LESSON_EXAMPLE;
    let texts: Vec<&str> = LESSON_EXAMPLE
        .iter()
        .map(|id| criterion(id).unwrap().text)
        .collect();
    assert_eq!(
        texts,
        [
            "Automated training pipeline",
            "Experiment tracking (MLflow/W&B)",
            "Model registry",
            "Basic model monitoring",
            "Automated data validation",
        ]
    );
}

#[test]
fn rounded_percentages_for_display() {
    let result = assess(|id| {
        ["automated-data-validation", "feature-store"].contains(&id) || id == "drift-detection"
    });
    let rounded: Vec<usize> = result.scores.iter().map(|s| s.percent_rounded()).collect();
    assert_eq!(rounded, vec![0, 40, 20]);
    let one_of_three = mlops_governance_workbench::core::maturity::criteria::LevelScore {
        level: Level::Level1,
        total: 3,
        implemented: 2,
        percentage: 66.66,
        missing: vec![],
    };
    assert_eq!(one_of_three.percent_rounded(), 67);
}
