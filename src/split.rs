//! One paste holding several calls, split into its calls.
//!
//! ```text
//! text ──opening lines──▶ candidate starts ──back over header lines──▶ chunks ──identify each──▶ calls
//!        (welcome, title)                   ("Operator", "Contents:")          (a new call where the
//!                                                                               period or company changes)
//! ```
//!
//! A call opens with its title or the operator's welcome ("Welcome to the
//! FTI Consulting first-quarter 2020 earnings conference call", "Q3 2021
//! Earnings Call Transcript"), after short header lines ("Operator",
//! "Prepared Remarks:"). Such a line is only a *candidate*: a call says
//! "welcome" more than once ("Welcome to the company's conference call to
//! discuss …" from investor relations, "welcome back"). The text is cut at
//! every candidate, each piece is identified as one call is
//! ([`crate::extract::identity::identify`]: company and period from its
//! title, welcome and body), and a piece starts a new call only when it
//! names another period than the call it follows, or another company (both
//! named, neither name part of the other). A text with one call, or calls
//! that cannot be told apart, is one part: what one paste always was.

use crate::extract::identity::{identify, Identity};

/// Longest header line walked over back from a call's opening ("Operator",
/// "Prepared Remarks:", a title line).
const HEADER_LINE: usize = 100;

/// Most header lines before a call's opening ("Contents:", "Prepared
/// Remarks:", "Operator").
const HEADER_LINES: usize = 3;

/// The calls in `text`, each a slice of it, in order; `[text]` when it
/// holds one call (or none can be told apart).
pub fn split_calls(text: &str) -> Vec<&str> {
    let starts = candidate_starts(text);
    if starts.len() < 2 {
        return vec![text];
    }
    // Pieces between candidates (the first from the text's start).
    let mut cuts: Vec<usize> = starts.into_iter().filter(|&s| s > 0).collect();
    cuts.insert(0, 0);
    cuts.push(text.len());
    let mut calls: Vec<(usize, Identity)> = Vec::new();
    for w in cuts.windows(2) {
        let piece = &text[w[0]..w[1]];
        let id = identify(&crate::transcript::parse(piece));
        match calls.last_mut() {
            Some((_, last)) if !another_call(last, &id) => {
                // The same call goes on: it keeps what it already named.
                if last.call.is_none() {
                    last.call = id.call;
                }
                if last.company.is_empty() {
                    last.company = id.company;
                }
            }
            _ => calls.push((w[0], id)),
        }
    }
    let mut parts = Vec::with_capacity(calls.len());
    for (i, (start, _)) in calls.iter().enumerate() {
        let end = calls.get(i + 1).map_or(text.len(), |(s, _)| *s);
        parts.push(&text[*start..end]);
    }
    parts
}

/// Whether `next` is another call than `call`: another period, or another
/// company (both named, neither name part of the other).
fn another_call(call: &Identity, next: &Identity) -> bool {
    if let (Some(a), Some(b)) = (call.call, next.call) {
        if a != b {
            return true;
        }
    }
    let (a, b) = (crate::case::lower_str(&call.company), crate::case::lower_str(&next.company));
    !a.is_empty() && !b.is_empty() && !a.contains(&b) && !b.contains(&a)
}

/// Byte offsets where a call may start: each line that opens a call, moved
/// back over the short header lines and blank lines before it.
fn candidate_starts(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &str)> = lines_of(text);
    let mut starts = Vec::new();
    for (i, &(_, line)) in lines.iter().enumerate() {
        if !opens_call(line) {
            continue;
        }
        // Back over blank lines and up to HEADER_LINES short ones (not into
        // the call before's last lines: "Duration: 62 minutes", its participants).
        let (mut k, mut headers) = (i, 0);
        while k > 0 && is_header(lines[k - 1].1) {
            let blank = lines[k - 1].1.trim().is_empty();
            if !blank && headers == HEADER_LINES {
                break;
            }
            headers += usize::from(!blank);
            k -= 1;
        }
        // A welcome right under a title is one opening, not two.
        let at = lines[k].0;
        if starts.last().is_none_or(|&s| s < at) {
            starts.push(at);
        }
    }
    starts
}

/// Each line's start offset and text (without its line break).
fn lines_of(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        out.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    out
}

/// A line that opens a call: a welcome near its start, or a short title
/// line ("… Earnings Call Transcript").
fn opens_call(line: &str) -> bool {
    // Only the line's head is lowered (every line of every paste goes
    // through here before it is read): its first `chars` characters, at
    // least as many bytes once lowered.
    let t = line.trim_start();
    let head = |chars: usize| crate::case::lower_str(&t[..t.char_indices().nth(chars).map_or(t.len(), |(i, _)| i)]);
    // "Welcome to …" after at most a greeting ("Good morning.", "Greetings.",
    // "Ladies and gentlemen, thank you for standing by, and").
    head(70).find("welcome to").is_some_and(|at| at <= 60)
        || (line.len() <= HEADER_LINE && {
            let title = head(HEADER_LINE);
            title.contains("earnings call") || title.contains("call transcript")
        })
}

/// A line before a call's opening that belongs to it: blank, or short and
/// not a sentence ("Operator", "Prepared Remarks:", a title).
fn is_header(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || (t.len() <= HEADER_LINE && !t.ends_with(['.', '?', '!', '"', '”']))
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Contents:\n\nPrepared Remarks:\n\nOperator\n\nWelcome to the Acme Corporation first-quarter 2020 earnings conference call. I would now like to turn the call over to Jane Roe.\n\nJane Roe\n\nGood morning. Welcome to the Acme conference call to discuss the company's first quarter of 2020 results.\nRevenue was $120.5 million, up 8% year-over-year.\n";
    const B: &str = "Prepared Remarks:\n\nOperator\n\nWelcome to the Acme Corporation second-quarter 2020 earnings conference call.\n\nJane Roe\n\nGood morning. Revenue was $131.2 million in the second quarter of 2020.\n";
    const C: &str = "Operator\n\nGood day, and welcome to the Zenith Industries third quarter 2020 earnings call.\n\nJohn Doe\n\nThank you. Revenue was $88 million in the third quarter of 2020.\n";

    #[test]
    fn one_call_stays_whole_even_with_two_welcomes() {
        assert_eq!(split_calls(A), vec![A]);
        assert_eq!(split_calls(""), vec![""]);
        assert_eq!(split_calls("Revenue was $5 million."), vec!["Revenue was $5 million."]);
    }

    #[test]
    fn calls_of_other_quarters_or_companies_are_cut_at_their_headers() {
        let text = format!("{A}\n{B}\n{C}");
        let parts = split_calls(&text);
        assert_eq!(parts.len(), 3, "{parts:#?}");
        assert_eq!(parts.concat(), text, "nothing lost or repeated");
        assert!(parts[0].starts_with("Contents:") && parts[0].contains("$120.5 million") && !parts[0].contains("second-quarter"));
        assert!(parts[1].trim_start().starts_with("Prepared Remarks:") && parts[1].contains("$131.2 million"));
        assert!(parts[2].trim_start().starts_with("Operator") && parts[2].contains("Zenith"));
        // Each part reads as its own call.
        let calls: Vec<_> = parts.iter().map(|p| crate::analyze(p).call.map(|c| c.to_string())).collect();
        assert_eq!(calls, vec![Some("FY2020-Q1".into()), Some("FY2020-Q2".into()), Some("FY2020-Q3".into())]);
    }

    #[test]
    fn only_the_head_of_a_line_can_open_a_call() {
        let long = "x".repeat(500);
        assert!(opens_call(&format!("Good day. Welcome to the Acme call. {long}")));
        assert!(opens_call(&format!("  İ WELCOME TO the Acme call. {long}")), "lowered as std lowers");
        assert!(!opens_call(&format!("{} welcome to the Acme call.", "y".repeat(70))));
        assert!(opens_call("ACME Q3 2021 EARNINGS CALL TRANSCRIPT"));
        assert!(!opens_call(&format!("Our earnings call went well. {long}")), "a long line is no title");
    }

    #[test]
    fn the_same_call_pasted_twice_is_one() {
        let text = format!("{A}\n{A}");
        assert_eq!(split_calls(&text).len(), 1);
    }
}
