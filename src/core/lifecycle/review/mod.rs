//! Review packages: one approval request travelling between browsers as a file, so that the
//! reviewer of each stage can act on it in their own browser with nothing else.
//!
//! A package holds the request with its trail, the exact card content under review and,
//! when the sender had one, the card of the version last approved for production. Before
//! anyone decides on a package, [`verify`] checks its hash chain, replays its trail through
//! the workflow's rules and checks the card's content hash. Two packages of one request are
//! compared by their chains ([`relation`]): newer, older, the same, or a fork when two
//! reviewers answered the same mail.

mod keep;
mod mail;
mod package;
mod relation;
mod verify;

pub use keep::{KeepPlan, plan_keep};
pub use mail::package_mailto;
pub use package::{
    ApprovedBefore, PACKAGE_FORMAT, PACKAGE_VERSION, PackageError, ReviewPackage, approved_before,
    package_file_name, read_package,
};
pub use relation::{Relation, relation};
pub use verify::{PackageProblem, verify};
