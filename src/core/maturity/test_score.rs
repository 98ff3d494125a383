//! The ML Test Score (Breck, Cai, Nielsen, Salib and Sculley, "The ML Test Score: A Rubric for
//! ML Production Readiness and Technical Debt Reduction", IEEE Big Data 2017): 28 tests in
//! four sections, each test worth 0, half a point (done manually, with the results documented
//! and distributed) or a point (automated and run repeatedly). A section sums to 0-7 and the
//! final score is the minimum of the four sections, so no strong section hides a weak one.
//!
//! The titles are the paper's Tables I to IV word for word, the bands its Table V. The 2016
//! workshop version ("What's your ML test score?") scored 1 and 2 points with other bands; it
//! is deliberately not mixed in.
//!
//! Scores are counted in half points (`u8`), so sums and comparisons are exact and the
//! display needs no float formatting (see [`points`]).

/// The paper's four sections, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    FeaturesAndData,
    ModelDevelopment,
    Infrastructure,
    Monitoring,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::FeaturesAndData,
        Section::ModelDevelopment,
        Section::Infrastructure,
        Section::Monitoring,
    ];

    /// The short name, as the paper's scoring refers to its sections.
    pub fn title(self) -> &'static str {
        match self {
            Section::FeaturesAndData => "Features and Data",
            Section::ModelDevelopment => "Model Development",
            Section::Infrastructure => "ML Infrastructure",
            Section::Monitoring => "Monitoring",
        }
    }

    /// The paper's section heading, shown as help text.
    pub fn heading(self) -> &'static str {
        match self {
            Section::FeaturesAndData => "Tests for Features and Data",
            Section::ModelDevelopment => "Tests for Model Development",
            Section::Infrastructure => "Tests for ML Infrastructure",
            Section::Monitoring => "Monitoring Tests for ML",
        }
    }

    /// How the paper names the section's tests: "Data 1", "Infra 3".
    pub fn prefix(self) -> &'static str {
        match self {
            Section::FeaturesAndData => "Data",
            Section::ModelDevelopment => "Model",
            Section::Infrastructure => "Infra",
            Section::Monitoring => "Monitor",
        }
    }
}

/// One test of the rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Test {
    /// Stable identifier, stored in workspaces ("data-1" … "monitor-7"); never renamed.
    pub id: &'static str,
    pub section: Section,
    /// 1 to 7 within the section, as the paper numbers them ("Data 1").
    pub number: u8,
    /// The paper's short title (Tables I to IV), word for word.
    pub title: &'static str,
}

impl Test {
    /// "Data 1", "Monitor 7": how the paper names a test.
    pub fn label(&self) -> String {
        format!("{} {}", self.section.prefix(), self.number)
    }
}

const fn test(id: &'static str, section: Section, number: u8, title: &'static str) -> Test {
    Test {
        id,
        section,
        number,
        title,
    }
}

use Section::{FeaturesAndData as D, Infrastructure as I, ModelDevelopment as M, Monitoring as O};

/// The 28 tests in the paper's order.
pub const TESTS: [Test; 28] = [
    test(
        "data-1",
        D,
        1,
        "Feature expectations are captured in a schema.",
    ),
    test("data-2", D, 2, "All features are beneficial."),
    test("data-3", D, 3, "No feature’s cost is too much."),
    test(
        "data-4",
        D,
        4,
        "Features adhere to meta-level requirements.",
    ),
    test(
        "data-5",
        D,
        5,
        "The data pipeline has appropriate privacy controls.",
    ),
    test("data-6", D, 6, "New features can be added quickly."),
    test("data-7", D, 7, "All input feature code is tested."),
    test("model-1", M, 1, "Model specs are reviewed and submitted."),
    test("model-2", M, 2, "Offline and online metrics correlate."),
    test("model-3", M, 3, "All hyperparameters have been tuned."),
    test("model-4", M, 4, "The impact of model staleness is known."),
    test("model-5", M, 5, "A simpler model is not better."),
    test(
        "model-6",
        M,
        6,
        "Model quality is sufficient on important data slices.",
    ),
    test(
        "model-7",
        M,
        7,
        "The model is tested for considerations of inclusion.",
    ),
    test("infra-1", I, 1, "Training is reproducible."),
    test("infra-2", I, 2, "Model specs are unit tested."),
    test("infra-3", I, 3, "The ML pipeline is Integration tested."),
    test(
        "infra-4",
        I,
        4,
        "Model quality is validated before serving.",
    ),
    test("infra-5", I, 5, "The model is debuggable."),
    test("infra-6", I, 6, "Models are canaried before serving."),
    test("infra-7", I, 7, "Serving models can be rolled back."),
    test(
        "monitor-1",
        O,
        1,
        "Dependency changes result in notification.",
    ),
    test("monitor-2", O, 2, "Data invariants hold for inputs."),
    test("monitor-3", O, 3, "Training and serving are not skewed."),
    test("monitor-4", O, 4, "Models are not too stale."),
    test("monitor-5", O, 5, "Models are numerically stable."),
    test(
        "monitor-6",
        O,
        6,
        "Computing performance has not regressed.",
    ),
    test("monitor-7", O, 7, "Prediction quality has not regressed."),
];

/// The tests of one section, in the paper's order.
pub fn tests_of(section: Section) -> impl Iterator<Item = &'static Test> {
    TESTS.iter().filter(move |t| t.section == section)
}

/// Looks a test up by its stable id.
pub fn test_by_id(id: &str) -> Option<&'static Test> {
    TESTS.iter().find(|t| t.id == id)
}

/// How far one test is done, the paper's three scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Practice {
    #[default]
    NotDone,
    /// Run by hand, with the results documented and distributed: half a point.
    Manual,
    /// Automated and run repeatedly: a point.
    Automated,
}

impl Practice {
    pub const ALL: [Practice; 3] = [Practice::NotDone, Practice::Manual, Practice::Automated];

    pub fn half_points(self) -> u8 {
        match self {
            Practice::NotDone => 0,
            Practice::Manual => 1,
            Practice::Automated => 2,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Practice::NotDone => "Not done",
            Practice::Manual => "Done manually, results documented and distributed",
            Practice::Automated => "Automated and run repeatedly",
        }
    }

    /// A short name for tables and rooms.
    pub fn short(self) -> &'static str {
        match self {
            Practice::NotDone => "not done",
            Practice::Manual => "manual",
            Practice::Automated => "automated",
        }
    }
}

/// Half points as the paper writes points: "0", "3.5", "7".
pub fn points(half_points: u8) -> String {
    let whole = half_points / 2;
    if half_points.is_multiple_of(2) {
        whole.to_string()
    } else {
        format!("{whole}.5")
    }
}

/// The most a section (and so the final score) can reach, in half points.
pub const MAX_HALF_POINTS: u8 = 14;

/// One band of the paper's Table V: scores above `above` (half points) up to `up_to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// The band's range as Table V writes it: "0", "(0,1]", "> 5".
    pub range: &'static str,
    pub description: &'static str,
    /// Highest score in the band, in half points; `None` for the open band above 5.
    pub up_to: Option<u8>,
}

/// Table V, lowest band first.
pub const BANDS: [Band; 6] = [
    Band {
        range: "0",
        description: "More of a research project than a productionized system.",
        up_to: Some(0),
    },
    Band {
        range: "(0,1]",
        description: "Not totally untested, but it is worth considering the possibility of serious holes in reliability.",
        up_to: Some(2),
    },
    Band {
        range: "(1,2]",
        description: "There’s been first pass at basic productionization, but additional investment may be needed.",
        up_to: Some(4),
    },
    Band {
        range: "(2,3]",
        description: "Reasonably tested, but it’s possible that more of those tests and procedures may be automated.",
        up_to: Some(6),
    },
    Band {
        range: "(3,5]",
        description: "Strong levels of automated testing and monitoring, appropriate for mission-critical systems.",
        up_to: Some(10),
    },
    Band {
        range: "> 5",
        description: "Exceptional levels of automated testing and monitoring.",
        up_to: None,
    },
];

/// The band of Table V that a final score falls in.
pub fn band(half_points: u8) -> &'static Band {
    BANDS
        .iter()
        .find(|b| b.up_to.is_none_or(|top| half_points <= top))
        .unwrap_or(&BANDS[5])
}

/// One section's tests and sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore {
    pub section: Section,
    /// 0 to 14 half points.
    pub half_points: u8,
    /// Every test of the section with its practice, in the paper's order.
    pub tests: Vec<(&'static Test, Practice)>,
}

impl SectionScore {
    /// The tests not yet automated: what can still raise this section.
    pub fn unmet(&self) -> impl Iterator<Item = &(&'static Test, Practice)> {
        self.tests.iter().filter(|(_, p)| *p != Practice::Automated)
    }
}

/// The whole score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestScoreResult {
    /// The four sections in the paper's order.
    pub sections: Vec<SectionScore>,
    /// The minimum of the sections, in half points.
    pub final_half_points: u8,
}

impl TestScoreResult {
    /// The sections whose sum is the final score: they hold it down.
    pub fn weakest(&self) -> Vec<&SectionScore> {
        self.sections
            .iter()
            .filter(|s| s.half_points == self.final_half_points)
            .collect()
    }

    pub fn band(&self) -> &'static Band {
        band(self.final_half_points)
    }

    /// The sections below `target` half points, each with how many half points it lacks.
    pub fn below(&self, target: u8) -> Vec<(&SectionScore, u8)> {
        self.sections
            .iter()
            .filter(|s| s.half_points < target)
            .map(|s| (s, target - s.half_points))
            .collect()
    }
}

/// Scores the rubric from each test's practice, given by test id.
pub fn score(practice: impl Fn(&str) -> Practice) -> TestScoreResult {
    let sections: Vec<SectionScore> = Section::ALL
        .iter()
        .map(|&section| {
            let tests: Vec<(&'static Test, Practice)> =
                tests_of(section).map(|t| (t, practice(t.id))).collect();
            SectionScore {
                section,
                half_points: tests.iter().map(|(_, p)| p.half_points()).sum(),
                tests,
            }
        })
        .collect();
    let final_half_points = sections.iter().map(|s| s.half_points).min().unwrap_or(0);
    TestScoreResult {
        sections,
        final_half_points,
    }
}
