//! The lesson's eight common ML debt patterns, ready to add to a register.

use crate::core::debt::item::{DebtCategory, DebtItem, DebtStatus, Rating};
use chrono::{DateTime, NaiveDate, Utc};

/// The lesson's eight common ML debt patterns, with stable ids so adding them twice does not
/// duplicate them.
pub fn common_patterns(now: DateTime<Utc>) -> Vec<DebtItem> {
    use DebtCategory::{Data, Documentation, Infrastructure, Model, Monitoring};
    use Rating::{High, Low, Medium};
    /// category, description, impact, effort, (year, month, day), owner
    type Row = (
        DebtCategory,
        &'static str,
        Rating,
        Rating,
        (i32, u32, u32),
        &'static str,
    );
    let rows: [Row; 8] = [
        (
            Data,
            "Data pipeline depends on multiple legacy systems",
            High,
            High,
            (2024, 1, 15),
            "data-team",
        ),
        (
            Data,
            "No automated data validation in pipeline",
            High,
            Medium,
            (2024, 1, 20),
            "ml-team",
        ),
        (
            Data,
            "Training data not versioned",
            Medium,
            Low,
            (2024, 2, 1),
            "ml-team",
        ),
        (
            Model,
            "Multiple models doing similar tasks (duplication)",
            Medium,
            High,
            (2024, 1, 10),
            "ml-team",
        ),
        (
            Model,
            "Complex ensemble of models difficult to maintain",
            High,
            High,
            (2024, 1, 25),
            "ml-team",
        ),
        (
            Infrastructure,
            "Manual model deployment process",
            High,
            Medium,
            (2024, 1, 5),
            "mlops-team",
        ),
        (
            Monitoring,
            "No drift detection in production",
            High,
            Medium,
            (2024, 2, 10),
            "mlops-team",
        ),
        (
            Documentation,
            "Model cards not updated for recent models",
            Medium,
            Low,
            (2024, 2, 15),
            "ml-team",
        ),
    ];
    rows.into_iter()
        .enumerate()
        .map(
            |(index, (category, description, impact, effort, (y, m, d), owner))| DebtItem {
                id: format!("lesson-debt-{}", index + 1),
                category,
                description: description.to_owned(),
                impact,
                effort,
                owner: owner.to_owned(),
                created_at: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
                status: DebtStatus::Open,
                note: String::new(),
                link: String::new(),
                closes: None,
                updated_at: now,
            },
        )
        .collect()
}
