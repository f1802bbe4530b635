//! Figures out of sentences.
use crate::facts::Facts;
use crate::transcript::Transcript;

pub mod lex;
pub mod number;
pub mod period;

/// Extracts facts from a parsed transcript.
pub fn extract(t: &Transcript<'_>) -> Facts {
    Facts { layout: t.layout.name().to_string(), transcript: Some(t.stats()), ..Facts::default() }
}
