//! Governance of a model card version: the six-stage approval (2.2) and security audits
//! (6.1). Built on `cards`: both are about one card.

pub mod approval;
pub mod security;
