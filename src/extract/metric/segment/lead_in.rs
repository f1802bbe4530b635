//! Lead-ins: a sentence that turns the talk to a part of the business ("Shifting
//! focus to Small Ag and Turf", "Moving to Aerospace, sales were ..."), or to a
//! metric of the whole company ("For gross margin, ..."), and the part a
//! sentence opens on ("Revenue from Productivity and Business Processes was ...").

use super::super::super::lex::{phrase_at, Tok, Token};
use super::super::LEXICON;
use super::{describes, numbered, proper_name, segment_after, segment_name, segment_word, words_of, PERIOD_WORDS};

/// A figure-less sentence that moves the talk to a segment: "Let's start with
/// fourth quarter results for Production and Precision Ag", "Shifting focus to
/// Small Ag and Turf", "forecast for the Small Ag and Turf segment".
pub fn segment_topic(t: &[Token<'_>]) -> Option<String> {
    let cue = t.iter().any(|x| {
        x.is_any(&["results", "focus", "turning", "turn", "moving", "move", "shifting", "start", "starting", "beginning", "segment", "business", "forecast", "outlook", "division", "now", "next", "onto"])
    });
    if !cue {
        return None;
    }
    for (k, x) in t.iter().enumerate() {
        if x.is_any(&["for", "to", "with", "on", "onto"]) {
            if let Some((name, end)) = proper_name(t, k + 1) {
                // A person ("turn the call over to Jane Doe") is no segment.
                if t[..k].iter().any(|y| y.is_any(&["call", "over", "floor", "conference"])) {
                    continue;
                }
                let noun = t.get(end).is_some_and(|y| y.is_any(&["segment", "business", "division", "group"]));
                // The noun right before its preposition ("results for Production and Precision Ag",
                // "focus to Small Ag and Turf"), not "Today's results are strong evidence that our
                // model can serve demand for the Under Armour brand".
                let results = t[k.saturating_sub(2)..k].iter().any(|y| y.is_any(&["results", "focus", "forecast", "outlook"]))
                    || t[..k].iter().any(|y| y.is_any(&["turning", "shifting", "moving", "starting", "beginning"]))
                    // "Now to More Personal Computing."
                    || t.len() <= 8 && t[..k].iter().any(|y| y.is_any(&["now", "next"]));
                if noun || results {
                    return Some(name);
                }
            } else if t[k.saturating_sub(3)..k].iter().any(|y| y.is_any(&["move", "moving", "turning", "shifting", "focus"])) || x.is("onto") || t.len() <= 8 && t[..k].iter().any(|y| y.is_any(&["now", "next"])) {
                // "let's move now to our financial services operation"
                let mut j = k + 1;
                while t.get(j).is_some_and(|y| y.is_any(&["the", "our"])) {
                    j += 1;
                }
                let words: Vec<&Token<'_>> = t[j..t.len().min(j + 4)].iter().take_while(|y| y.kind == Tok::Word).collect();
                if let Some(e) = words.iter().position(|y| y.is_any(&["segment", "business", "division", "operation", "operations", "unit", "group"])) {
                    // "the tools group" keeps its noun; "the cloud segment" is "cloud".
                    let keep = if words[e].is("group") { e + 1 } else { e };
                    let name: Vec<&str> = words[..keep].iter().map(|y| y.text).collect();
                    if !name.is_empty() && words[..e].iter().all(|y| segment_word(y)) {
                        return Some(segment_name(&name.join(" ")));
                    }
                }
            }
        }
    }
    None
}

/// A sentence-leading segment, before the first comma: "For Production and
/// Precision Ag, net sales are forecast ...", "Moving to Aerospace, sales were
/// ...", "Beginning with Material Handling, net sales increased ...", "In our
/// pineapple category, ...", or words in lower case the call calls a part
/// of its business elsewhere ("For financial services, operating income of
/// ..." where it says "our financial services segment"): with whether it is
/// sure (in capitals or with its noun), else to be `called` so by the caller.
pub fn leading_segment(t: &[Token<'_>]) -> Option<(String, bool)> {
    // "Lastly, in strategic communications, ...": a connective's own comma first.
    let from = if t.len() > 2 && t[0].is_any(&["lastly", "finally", "next", "now", "and", "then", "also"]) && t[1].sym(',') { 2 } else { 0 };
    let t = &t[from..];
    let comma = t.iter().position(|x| x.sym(','))?;
    let start = lead_in(&t[..comma])?;
    if !(1..=6).contains(&(comma - start)) {
        return None;
    }
    let words = &t[start..comma];
    // "In Corporate Finance & Restructuring, ...": an ampersand joins a name's words;
    // "non-optical communications": a hyphen inside a word.
    let inside = |k: usize| k > 0 && k + 1 < words.len() && words[k - 1].end == words[k].start && words[k].end == words[k + 1].start;
    let joins = |k: usize, x: &Token<'_>| x.sym('&') && k > 0 && k + 1 < words.len() || x.sym('-') && inside(k);
    // "In M365 Commercial Cloud, ...", "For Dynamics 365, ...": a product's number.
    let number = |k: usize, x: &Token<'_>| x.kind == Tok::Num && numbered(t, start + k);
    if words.iter().enumerate().any(|(k, x)| !(x.kind == Tok::Word || joins(k, x) || number(k, x)) || x.is_any(PERIOD_WORDS) || x.is_any(NOT_A_TOPIC)) {
        return None;
    }
    // "Turning to Gross Margin, ...": a metric is no segment.
    if (start..comma).any(|j| LEXICON.iter().any(|&(p, ..)| phrase_at(t, j, p).is_some())) {
        return None;
    }
    let mut k = start;
    while k < comma && t[k].is_any(&["the", "our"]) {
        k += 1;
    }
    let mut names: Vec<String> = words_of(t, k, comma);
    let noun = names.len() > 1 && names.last().is_some_and(|w| ["segment", "business", "division", "unit", "category"].contains(&w.to_ascii_lowercase().as_str()));
    if k >= comma {
        return None;
    }
    if noun {
        names.pop();
    }
    let name = segment_name(&names.join(" "));
    // A name in capitals, or one the text calls a segment ("within our seating segment").
    let capitals = t[k..comma].iter().any(|x| x.text.starts_with(|c: char| c.is_uppercase()));
    // Not the first of a list the comma goes on with: "At parks, experiences, and products, ...".
    let listed = t.get(comma + 2).is_some_and(|x| x.sym(',') || x.is("and"));
    let lower = || !listed && t[k..comma].iter().all(|x| x.sym('-') || segment_word(x) && !describes(x, false));
    (noun || capitals || lower()).then_some((name, noun || capitals))
}

/// The part a sentence opens on a metric of: "Revenue from Productivity and
/// Business Processes was $33.1 billion", "Net sales for the Aerospace
/// segment were ...".
pub fn opens_on_part(t: &[Token<'_>]) -> Option<String> {
    let mut k = 0;
    while t.get(k).is_some_and(|x| x.is_any(&["and", "so", "now", "our", "the", "total"])) {
        k += 1;
    }
    let end = LEXICON.iter().filter_map(|&(p, ..)| phrase_at(t, k, p)).max()?;
    segment_after(t, end)
}

/// A sentence that opens on a company figure, not a part's: a lead-in that
/// turns the talk to a metric ("For gross margin, ...", "Turning to operating
/// expenses, ..."), or, where `period_end` is given (where a period mention
/// at the sentence's start ends), the period said before the metric as its
/// subject ("First-quarter gross margin was ...", "Q3 adjusted EPS of ...").
pub fn opens_on_metric(t: &[Token<'_>], period_end: Option<usize>) -> bool {
    let metric_at = |mut k: usize, end: Option<usize>| {
        while t.get(k).is_some_and(|x| x.is_any(&["the", "our", "adjusted", "reported", "total", "consolidated", "gaap", "non-gaap", "-"]) || x.sym('-')) {
            k += 1;
        }
        LEXICON.iter().any(|&(p, ..)| phrase_at(t, k, p).is_some_and(|e| end.is_none_or(|end| e == end)))
    };
    let comma = t.iter().position(|x| x.sym(','));
    let lead = comma.and_then(|c| lead_in(&t[..c]).map(|k| (k, c))).is_some_and(|(k, c)| metric_at(k, Some(c)));
    lead || period_end.is_some_and(|e| metric_at(e, None))
}

/// Where the name starts in a sentence's opening words: after "For", "In",
/// "Within", "At", or after a turn of the talk ("Moving to", "Now turning to",
/// "Beginning with", "Looking at").
fn lead_in(t: &[Token<'_>]) -> Option<usize> {
    let mut k = 0;
    while t.get(k).is_some_and(|x| x.is_any(&["now", "next", "and", "so", "lastly", "finally", "then"])) {
        k += 1;
    }
    // "And in Gaming, ...", "For Production and Precision Ag, ...".
    if t.get(k)?.is_any(&["for", "in", "within", "at"]) {
        return Some(k + 1);
    }
    if !t.get(k)?.is_any(&["turning", "moving", "shifting", "beginning", "starting", "looking", "switching", "focusing", "transitioning", "onto"]) {
        return None;
    }
    k += 1;
    while t.get(k).is_some_and(|x| x.is_any(&["now", "on", "over", "next"])) {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.is_any(&["to", "with", "at"])) {
        k += 1;
    }
    // "Onto the tools group, ..." needs no preposition of its own.
    (k > 1 || t[0].is("onto")).then_some(k)
}

/// Opening words that are a topic of the talk but no part of the business.
const NOT_A_TOPIC: &[&str] = &[
    "this", "that", "addition", "summary", "particular", "general", "terms", "total", "fact", "short", "example",
    "closing", "conclusion", "aggregate", "contrast", "turn", "light", "balance", "sheet", "guidance", "outlook",
    "results", "question", "questions", "liquidity", "capital", "expenses", "taxes", "tax", "financials",
    "highlights", "details", "overview", "remarks", "comments", "consolidated", "company", "financials", "p&l",
];
