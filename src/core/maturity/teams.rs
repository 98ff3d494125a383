//! The lesson's three ML team structures (section 4.1) with their pros and cons, and which one
//! a team uses (recorded on its maturity assessment).

use serde::{Deserialize, Serialize};

/// How a team organises its ML work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamStructure {
    Embedded,
    Centralized,
    Hybrid,
}

/// One of the lesson's options, word for word.
pub struct StructureOption {
    pub structure: TeamStructure,
    pub title: &'static str,
    /// Who is in it, as the lesson's diagram shows.
    pub members: &'static [&'static str],
    pub pros: &'static [&'static str],
    pub cons: &'static [&'static str],
    pub recommended: bool,
}

pub const OPTIONS: [StructureOption; 3] = [
    StructureOption {
        structure: TeamStructure::Embedded,
        title: "Option 1: Embedded ML Engineers",
        members: &[
            "Product Team: Product Manager, Frontend Engineers, Backend Engineers, ML Engineer (Embedded), Data Engineer (Embedded)",
        ],
        pros: &["Close to product", "Fast iteration", "Domain expertise"],
        cons: &[
            "Siloed ML practices",
            "Inconsistent tooling",
            "Difficult to share learnings",
        ],
        recommended: false,
    },
    StructureOption {
        structure: TeamStructure::Centralized,
        title: "Option 2: Centralized ML Platform Team",
        members: &[
            "ML Platform Team (Central): ML Platform Engineers, MLOps Engineers, ML Infrastructure Engineers",
            "Serving Product Teams A, B and C",
        ],
        pros: &[
            "Consistent practices",
            "Shared tooling",
            "Efficient resource use",
        ],
        cons: &[
            "Distance from product",
            "Potential bottleneck",
            "Less domain expertise",
        ],
        recommended: false,
    },
    StructureOption {
        structure: TeamStructure::Hybrid,
        title: "Option 3: Hybrid (Recommended)",
        members: &[
            "ML Platform Team (Central): ML Platform Engineers, MLOps Engineers; provides infrastructure, tools, best practices",
            "Product Teams A, B and C, each with an embedded ML Engineer",
        ],
        pros: &[
            "Best of both worlds",
            "Centralized infrastructure",
            "Embedded product knowledge",
        ],
        cons: &["Requires good coordination", "More complex structure"],
        recommended: true,
    },
];

impl TeamStructure {
    pub const ALL: [TeamStructure; 3] = [
        TeamStructure::Embedded,
        TeamStructure::Centralized,
        TeamStructure::Hybrid,
    ];

    /// The value stored in files.
    pub fn value(self) -> &'static str {
        match self {
            TeamStructure::Embedded => "embedded",
            TeamStructure::Centralized => "centralized",
            TeamStructure::Hybrid => "hybrid",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TeamStructure::Embedded => "Embedded ML engineers",
            TeamStructure::Centralized => "Centralized ML platform team",
            TeamStructure::Hybrid => "Hybrid",
        }
    }

    pub fn parse(value: &str) -> Option<TeamStructure> {
        TeamStructure::ALL.into_iter().find(|s| s.value() == value)
    }
}
