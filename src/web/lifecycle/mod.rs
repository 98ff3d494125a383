//! The governance lifecycle (lesson sections 2.2, 4.1 and 6.1): approvals of model card
//! versions, review packages that carry them between browsers, security audits, and the team
//! structures for reference.

mod approval;
mod approvals;
mod audit;
mod decision_fields;
mod review;
mod send_package;
mod teams;

pub use approval::ApprovalPage;
pub use approvals::ApprovalsPage;
pub use audit::AuditPage;
pub use review::ReviewPage;
pub use teams::TeamsPage;
