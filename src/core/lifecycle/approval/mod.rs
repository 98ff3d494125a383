//! The model approval workflow (lesson section 2.2): a request for one model card version goes
//! through six review stages in a fixed order, each approved, rejected or sent back for
//! revision by a named reviewer, with an append-only audit trail.
//!
//! The lesson's workflow keeps only the latest reviewer and a list of comments; here every
//! step is a [`TrailEntry`], because an audit has to show who decided what, when, and on which
//! content of the card. A request's stage, status, requester and trail are private and change
//! only through [`ApprovalRequest::decide`] and [`ApprovalRequest::resubmit`], so a skipped
//! stage, a decision on a finished request or an edited trail cannot be produced by the app.
//! Stored data is trusted as written; a request that arrives from elsewhere (a review package)
//! is checked: its hash chain ([`chain`]) and a replay of its trail through the same rules
//! ([`ApprovalRequest::replay_problem`]).
//!
//! There is no server, so notifying reviewers means a `mailto:` link and a message to copy.

mod chain;
mod inbox;
mod notify;
mod request;
mod reviewers;
mod stage;
mod trail_export;

pub use chain::{content_hash, first_break};
pub use inbox::{awaiting_resubmission, inbox};
pub use notify::{mailto, notify_mailto, notify_text, one_line};
pub use request::{ApprovalError, ApprovalRequest};
pub use reviewers::{ReviewerGroup, reviewer_address};
pub use stage::{ApprovalStage, ApprovalStatus, Decision, EntryKind, TrailEntry};
pub use trail_export::{trail_json, trail_markdown};
