//! Model cards (lesson section 2.1): the card and its fields, the lesson's JSON shape, the
//! checks, the one HTML page (preview and export), the Hugging Face README, fairness
//! figures and the YAML of README front matter.

pub mod card;
pub mod checks;
pub mod cyclonedx;
pub mod diff;
pub mod exchange;
pub mod fairness;
pub mod fields;
pub mod file;
pub mod html;
pub mod json;
pub mod mct;
pub mod origin;
pub mod readme;
pub mod results;
pub mod yaml;
