//! The self-assessment: the lesson's maturity model (section 1: the 14 criteria and the
//! cumulative 80% rule), the ML Test Score as a second instrument, an assessment record, its
//! Markdown report, and the team structures (4.1) an assessment records.

pub mod assessment;
pub mod criteria;
pub mod instrument;
pub mod report;
pub mod teams;
pub mod test_score;
