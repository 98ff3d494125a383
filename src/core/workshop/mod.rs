//! Workshops: a facilitator's room of many assessments (files and links), a team's history,
//! assessments side by side, and one assessment shared as a link. Built on `maturity`, and on
//! `workspace` for reading participants' files and saving the room.

pub mod compare;
pub mod history;
pub mod room;
pub mod room_csv;
pub mod share_link;
pub mod sources;
