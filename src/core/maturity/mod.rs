//! The maturity self-assessment (lesson section 1): the 14 criteria and the cumulative 80%
//! rule, an assessment record, its Markdown report, and the team structures (4.1) an
//! assessment records.

pub mod assessment;
pub mod criteria;
pub mod report;
pub mod teams;
