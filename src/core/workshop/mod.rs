//! Workshops: a facilitator's room of many assessments (files and links) with where it
//! disagrees and what it agreed, a team's history, assessments side by side, one assessment
//! shared as a link, and an assessment's gaps as debt items. Built on `maturity`, on `debt`
//! for the gaps, and on `workspace` for reading participants' files and saving the room.

pub mod compare;
pub mod disagreement;
pub mod gaps;
pub mod history;
pub mod room;
pub mod room_csv;
pub mod share_link;
pub mod sources;
