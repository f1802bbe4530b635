//! What a `v1` link leaves out: its notes' subjects. The pages that wrote v1
//! links began every note's message with the figure it is about, `metric
//! [segment] period` (then `:` or `guidance …`), optionally after `line N: `
//! ("revenue FY2023-Q4: segments … sum to", "revenue it FY2023-Q3: said …",
//! "line 84: revenue it FY2023-Q4 = …", "revenue FY2024-Q1 guidance midpoint
//! …"), and found the figures by reading that back. v1 is frozen, and so is
//! this reading: it runs once per v1 link, on decoding, and never on notes
//! made today (those carry their subject; nothing else reads a message).

use crate::facts::{Fact, Kind, Measure, Period};

/// The level facts a v1 note with `message` is about; none for a message
/// without such a subject ("translation lines agree with …").
pub(super) fn subject(facts: &[Fact], message: &str) -> Vec<usize> {
    let mut text = message;
    let mut line = None;
    if let Some(rest) = text.strip_prefix("line ") {
        let (n, rest) = crate::strs::split_once(rest, ": ").unwrap_or(("", rest));
        line = n.parse::<usize>().ok();
        text = rest;
    }
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let Some(metric) = words.first() else { return Vec::new() };
    let Some(k) = words.iter().position(|w| w.trim_end_matches(':').parse::<Period>().is_ok()) else {
        return Vec::new();
    };
    if k == 0 || k > 2 {
        return Vec::new();
    }
    let period: Option<Period> = words[k].trim_end_matches(':').parse().ok();
    let segment = (k == 2).then(|| words[1]);
    let guidance = words.get(k + 1) == Some(&"guidance");
    facts
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.measure == Measure::Level
                && f.metric == *metric
                && Some(f.period) == period
                && segment.is_none_or(|s| f.segment == s)
                && line.is_none_or(|l| f.source.line == l)
                && (!guidance || f.kind == Kind::Guidance)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Source;

    #[test]
    fn each_v1_message_names_its_facts() {
        let f = |m: &str, seg: &str, p: &str, kind: Kind, line: usize| Fact {
            source: Source { line, ..Source::default() },
            ..Fact::for_test(m, seg, p, kind)
        };
        let facts = [
            f("revenue", "total", "FY2024-Q1", Kind::Guidance, 5),
            f("revenue", "total", "FY2024-Q1", Kind::Actual, 6),
            f("revenue", "it", "FY2023-Q4", Kind::Actual, 84),
            f("revenue", "it", "FY2023-Q4", Kind::Actual, 85),
        ];
        let about = |m: &str| subject(&facts, m);
        assert_eq!(about("revenue FY2024-Q1 guidance midpoint 34.0M is +5.9% vs FY2023-Q4 (32.1M), stated +9%"), [0]);
        assert_eq!(about("revenue FY2024-Q1: segments a 1M + b 2M sum to 3M = total 3M"), [0, 1]);
        assert_eq!(about("line 84: revenue it FY2023-Q4 = 5.7M is not in its translation line"), [2]);
        assert_eq!(about("revenue it FY2023-Q4: said 5.7M, but the change implies 6.0M (…)"), [2, 3]);
        assert!(about("translation lines agree with 27 of 28 English figures").is_empty());
        assert!(about("").is_empty());
    }
}
