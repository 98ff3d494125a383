//! The governance lifecycle (lesson sections 2.2, 4.1 and 6.1): approvals of model card
//! versions, security audits, and the team structures for reference.

mod teams;

pub use teams::TeamsPage;
