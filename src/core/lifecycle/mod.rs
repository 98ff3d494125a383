//! Governance of a model card version: the six-stage approval (2.2), the review packages
//! that carry it between people, and security audits (6.1). Built on `cards`: all are about
//! one card.

pub mod approval;
pub mod review;
pub mod security;
