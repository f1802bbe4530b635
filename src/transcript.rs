//! Transcript structure: speakers, turns, prepared remarks vs Q&A.
use crate::facts::TranscriptStats;

/// A parsed transcript.
#[derive(Debug, Default)]
pub struct Transcript<'a> {
    /// The input.
    pub text: &'a str,
    /// Statistics.
    pub stats: TranscriptStats,
}

/// Parses a transcript.
pub fn parse(text: &str) -> Transcript<'_> {
    Transcript { text, stats: TranscriptStats::default() }
}
