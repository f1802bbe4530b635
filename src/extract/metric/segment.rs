//! Segment names: the words before or after a metric ("Product revenue",
//! "revenue from Data Center"), a business said as the subject, and which
//! words only describe a figure (how much, when, how it went) instead of
//! naming a part of the business. A topic or lead-in a sentence turns to
//! ("In Seating, ...") is read in `lead_in`.

use super::super::lex::{phrase_at, Tok, Token};
use super::LEXICON;

mod lead_in;
pub use lead_in::{leading_segment, opens_on_metric, opens_on_part, segment_topic};

/// Words that qualify a metric without naming a segment.
const NOT_SEGMENTS: &[&str] = &[
    "total", "net", "gross", "the", "our", "a", "an", "its", "their", "this", "that", "record", "quarterly", "annual",
    "reported", "organic", "consolidated", "overall", "adjusted", "non", "gaap", "non-gaap", "core", "company", "group",
    "fiscal", "year", "quarter", "full", "first", "second", "third", "fourth", "q", "in", "of", "and", "for", "with",
    "to", "basic", "diluted", "weighted", "average", "ending", "sequential", "strong", "higher", "lower", "increased",
    "better", "solid", "same", "prior", "last", "comparable", "constant", "currency", "worldwide", "global", "we",
    "your", "my", "his", "her", "these", "those", "some", "all", "other", "more", "less", "new", "recurring", "expected",
    "guided", "implied", "underlying", "current", "cash", "operating", "quarter's", "year's", "company's", "while",
    "but", "as", "on", "at", "by", "from", "is", "was", "were", "be", "been", "record-high", "revenue", "sales", "business",
    "ending", "period", "i", "it's", "when", "where", "if", "so", "also", "total", "reported", "ttm", "trailing",
    "like", "top", "bottom", "line", "mix", "per", "share", "any", "each", "every", "both", "what", "which",
    "about", "around", "over", "under", "just", "only", "very", "much", "good", "great", "healthy", "robust",
    "continued", "further", "incremental", "additional", "significant", "meaningful", "lower-margin", "high-margin",
    "gaap-based", "us", "u.s", "domestic", "here", "there", "then", "now", "segment's", "segment",
    "segments", "division's", "business's", "unit's", "group's", "continuing", "discontinued", "ongoing", "existing",
    "or", "nor", "versus", "vs", "than", "compared", "although", "though",
];

/// Words that name a period, not a segment.
const PERIOD_WORDS: &[&str] = &[
    "q", "fy", "fiscal", "first", "second", "third", "fourth", "quarter", "year", "full", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "h", "cy",
    "calendar", "slide", "page", "i", "we", "gaap", "non-gaap",
];

/// A segment name: capitalised words joined by "and"/"&" ("Production and Precision Ag", "Data Center").
/// Returns (name, index past it).
pub fn proper_name(t: &[Token<'_>], i: usize) -> Option<(String, usize)> {
    let mut k = i;
    while t.get(k).is_some_and(|x| x.is_any(&["the", "our"])) {
        k += 1;
    }
    let start = k;
    let mut words: Vec<&str> = Vec::new();
    while let Some(x) = t.get(k) {
        let cap = x.kind == Tok::Word
            && x.text.starts_with(|c: char| c.is_uppercase())
            && !x.is_any(PERIOD_WORDS)
            && !x.is_any(&["USD", "EUR", "JPY", "GBP", "RMB", "INR", "US", "U.S", "Constant", "Currency", "GAAP"]);
        let joiner = x.is_any(&["and", "&", "of"]) && !words.is_empty()
            // "E-Systems", "Asia/Rest of World": a hyphen or a slash inside a name.
            || (x.sym('-') || x.sym('/')) && !words.is_empty() && t[k - 1].end == x.start && t.get(k + 1).is_some_and(|n| n.start == x.end);
        // "Snap-on": a short word glued to a name in capitals by a hyphen.
        if !words.is_empty() && hyphen_tail(t, k) {
            words.push(x.text);
            k += 1;
            continue;
        }
        let next_fits = |n: &Token<'_>| n.kind == Tok::Word && (n.text.starts_with(|c: char| c.is_uppercase()) || x.sym('-') && hyphen_tail(t, k + 1));
        if cap || joiner && t.get(k + 1).is_some_and(next_fits) {
            words.push(x.text);
            k += 1;
        } else {
            break;
        }
        if words.len() > 5 {
            return None;
        }
    }
    if words.is_empty() || k == start {
        return None;
    }
    Some((segment_name(&words.join(" ")), k))
}

/// "net sales for the Equipment Operations", "revenue from the Data Center segment".
pub(super) fn segment_after(t: &[Token<'_>], k: usize) -> Option<String> {
    if !t.get(k).is_some_and(|x| x.is_any(&["for", "from", "in", "of"])) {
        return None;
    }
    if let Some((name, end)) = proper_name(t, k + 1) {
        // "the Snap-on tools group": lower-case words up to the noun are the name's too.
        let rest: Vec<&Token<'_>> = t[end..t.len().min(end + 3)].iter().take_while(|x| x.kind == Tok::Word).collect();
        if let Some(e) = rest.iter().position(|x| x.is_any(&["segment", "group", "division", "business", "unit"])).filter(|&e| e > 0) {
            if rest[..e].iter().all(|x| segment_word(x) && !x.text.starts_with(|c: char| c.is_uppercase())) {
                // "group" stays, as in "the tools group" (see segment_topic).
                let keep = if rest[e].is("group") { e + 1 } else { e };
                let words: Vec<&str> = rest[..keep].iter().map(|x| x.text).collect();
                return Some(format!("{name}_{}", segment_name(&words.join(" "))));
            }
        }
        return Some(name);
    }
    if t[k].is("of") {
        return None;
    }
    // lower-case names need a noun that says so: "for equipment operations", "in our cloud segment",
    // "in the improved development category".
    let mut j = k + 1;
    while t.get(j).is_some_and(|x| x.is_any(&["the", "our"])) {
        j += 1;
    }
    let words: Vec<&str> = t[j..t.len().min(j + 4)].iter().take_while(|x| x.kind == Tok::Word).map(|x| x.text).collect();
    let end = words.iter().position(|w| ["segment", "business", "division", "operations", "unit", "group", "category"].contains(&w.to_ascii_lowercase().as_str()))?;
    if end == 0 {
        return None;
    }
    let name = &words[..=end];
    let keep: Vec<&str> = if ["segment", "business", "division", "unit", "category"].contains(&name[end].to_ascii_lowercase().as_str()) { name[..end].to_vec() } else { name.to_vec() };
    // "in our largest category" names none.
    if keep.iter().any(|w| [NOT_SEGMENTS, PERIOD_WORDS, DESCRIBING].iter().any(|l| l.iter().any(|s| w.eq_ignore_ascii_case(s)))) {
        return None;
    }
    (!keep.is_empty()).then(|| segment_name(&keep.join(" ")))
}


fn segment_word(tok: &Token<'_>) -> bool {
    segment_word_stem(tok)
        && !tok.text.ends_with("ly")
        && !tok.text.ends_with("ed")
        && !tok.text.ends_with("ing")
}

/// Words in "-ing" or "-ed" that describe a business without naming it.
const PARTICIPLES: &[&str] = &[
    "growing", "existing", "remaining", "underlying", "emerging", "ongoing", "continuing", "leading", "increasing",
    "declining", "evolving", "expanding", "recurring", "reporting", "acquired", "combined", "divested", "legacy",
    "established", "planned", "integrated", "diversified", "thriving", "booming", "struggling", "profitable",
];

/// A single word in capitals that may name a segment: "Industrial", not "Revenue" or "Q3".
pub fn name_word(tok: &Token<'_>) -> bool {
    tok.text.starts_with(|c: char| c.is_uppercase())
        && segment_word_stem(tok)
        && !tok.is_any(PERIOD_WORDS)
        && !LEXICON.iter().any(|&(p, ..)| tok.is(p))
}

/// A word that may be part of a segment's name, whatever its ending.
fn segment_word_stem(tok: &Token<'_>) -> bool {
    tok.kind == Tok::Word && tok.text.chars().all(|c| c.is_alphabetic() || c == '&' || c == '\'') && !NOT_SEGMENTS.iter().any(|w| tok.is(w))
}

/// The segment words right before a metric phrase: "Product revenue", "data center revenue".
pub(super) fn segment_before(t: &[Token<'_>], i: usize) -> Option<String> {
    let mut k = i;
    // "IMT segment revenue", "Cloud business revenue"
    if k > 1 && t[k - 1].is_any(&["segment", "business", "division", "segment's", "business's"]) && segment_word(&t[k - 2]) {
        k -= 1;
    }
    // "Material Handling adjusted operating income": a basis between a name in capitals and its metric.
    // "Game Pass annual revenue": how often, too.
    let capitals = k > 1 && t[k - 1].is_any(&["adjusted", "reported", "gaap", "non-gaap", "organic", "annual", "quarterly"]) && t[k - 2].text.starts_with(|c: char| c.is_uppercase());
    if capitals {
        k -= 1;
    }
    let parts = parts_before(t, k);
    let last = parts.last()?;
    // The last part's two words nearest the metric, all in capitals after a basis.
    let mut s = k;
    // A third where the name is three words in capitals: "M365 Commercial Cloud revenue".
    let capital = |j: usize| t[j].text.starts_with(|c: char| c.is_uppercase());
    for n in 0..3 {
        let w = if s > last.start { word_start(t, s - 1).max(last.start) } else { break };
        // ... and the whole name: not "States Mechanical Construction" of "United States ...".
        let whole = w == 0 || !(capital(w - 1) && t[w - 1].kind == Tok::Word);
        if capitals && !capital(w) || n == 2 && !(whole && (w..k).all(|j| capital(j) || t[j].kind == Tok::Num)) {
            break;
        }
        s = w;
    }
    if s == k {
        return None;
    }
    let mut words = words_of(t, s, k);
    // A whole part joined to the ones before it is one name with them.
    if s == last.start {
        if let Some((mut more, j)) = joined(t, &parts) {
            more.push("and".into());
            more.append(&mut words);
            words = more;
            s = j;
        }
    }
    // "we currently expect revenue": a verb after a subject pronoun is no segment.
    while s > 0 && t[s - 1].kind == Tok::Word && (t[s - 1].text.ends_with("ly") || t[s - 1].is_any(&["now", "also", "still", "further", "again"])) {
        s -= 1;
    }
    if s > 0 && t[s - 1].is_any(&["we", "i", "they", "you", "he", "she", "who", "which", "that", "to", "will", "would", "should", "can", "could", "may", "might", "not"]) {
        return None;
    }
    Some(segment_name(&words.join(" ")))
}

/// A word in "-ing" that names a business, not how it went: in capitals
/// ("Gaming revenue", "Licensing revenue"), or after a noun it makes a
/// compound with, the two said as a noun phrase ("and news advertising
/// revenue", "our mortgage banking revenue"; not "we are expecting
/// revenue", "We're expecting"); never one of [`PARTICIPLES`] ("growing
/// revenue").
fn gerund_name(t: &[Token<'_>], j: usize) -> bool {
    let tok = &t[j];
    let capital = tok.text.starts_with(|c: char| c.is_uppercase());
    let noun_before = j > 0 && segment_word(&t[j - 1]) && !t[j - 1].text.contains(['\'', '’']) && !describes(&t[j - 1], false);
    let phrase_starts = j == 1 || j > 1 && t[j - 2].is_any(&["and", "&", "our", "the", "its", "in", "of", "from", "for"]);
    tok.text.ends_with("ing") && segment_word_stem(tok) && !tok.is_any(PARTICIPLES) && (capital || noun_before && phrase_starts)
}

/// Whether the word at `j` may be part of a segment's name said before a
/// metric: a word that may name a business ("data center"), a word in
/// capitals inside the sentence whatever its ending ("Material Handling"; at
/// its start a capital says nothing), an "-ing" word that names one
/// ([`gerund_name`]); never a word that only describes the figure
/// ([`describes`]) nor the tail of a compound modifier ("12-month").
fn name_part(t: &[Token<'_>], j: usize) -> bool {
    let tok = &t[j];
    let capital = tok.text.starts_with(|c: char| c.is_uppercase());
    // "M365": a letter glued to a number is a word.
    let inside = capital && (j > 0 || t.get(j + 1).is_some_and(|n| n.kind == Tok::Num && glued(t, j + 1)));
    if tok.kind == Tok::Num {
        return numbered(t, j);
    }
    (segment_word(tok) || inside && segment_word_stem(tok) || gerund_name(t, j)) && !describes(tok, inside) && (capital || !modifier_tail(t, j))
}

/// A product's number after its name in capitals: "Dynamics 365", "M365",
/// "Lower 48"; not a year, a quarter ("Q4", "FY 21": period words), a lone
/// digit, nor a number a lower-case word follows ("COVID 19 response
/// revenue").
fn numbered(t: &[Token<'_>], j: usize) -> bool {
    let (tok, name) = (&t[j], j.checked_sub(1).map(|i| &t[i]));
    let lower_after = t.get(j + 1).is_some_and(|n| n.kind == Tok::Word && !n.text.starts_with(|c: char| c.is_uppercase()) && !LEXICON.iter().any(|&(p, ..)| phrase_at(t, j + 1, p).is_some()));
    !lower_after
        && (2..=3).contains(&tok.text.len())
        && tok.text.bytes().all(|b| b.is_ascii_digit())
        && name.is_some_and(|w| w.kind == Tok::Word && w.text.starts_with(|c: char| c.is_uppercase()) && segment_word_stem(w) && !w.is_any(PERIOD_WORDS))
}

/// Whether token `j` goes on the word before it, a number and a word
/// written together ("M365").
fn glued(t: &[Token<'_>], j: usize) -> bool {
    j > 0 && t[j - 1].end == t[j].start && (t[j].kind == Tok::Num) != (t[j - 1].kind == Tok::Num)
}

/// Where the word of token `j` starts ("M365" at its "M").
fn word_start(t: &[Token<'_>], mut j: usize) -> usize {
    while glued(t, j) {
        j -= 1;
    }
    j
}

/// The words of tokens `a..b`, a number glued to its word kept in it.
fn words_of(t: &[Token<'_>], a: usize, b: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for j in a..b {
        match out.last_mut() {
            Some(w) if j > a && glued(t, j) => w.push_str(t[j].text),
            _ => out.push(t[j].text.to_string()),
        }
    }
    out
}

/// How a part of a list of names is joined to the part before it.
#[derive(Clone, Copy, PartialEq)]
enum Joiner {
    /// No part before: the list starts here.
    Start,
    /// "and", "&".
    And,
    /// A list's comma.
    Comma,
    /// ", and": the last part of a list of three or more.
    CommaAnd,
}

/// One part of a list of names: its words `start..end` and how it is joined to the part before.
struct Part {
    start: usize,
    end: usize,
    joiner: Joiner,
}

/// The names listed right before token `i`, in order, the last ending at
/// `i`: parts of one to three words that may name a segment
/// ([`name_part`]), joined by "and", "&" or commas ("Windows OEM and
/// Devices revenue", "Product, Service and Support revenues"). A joiner
/// with no name before it ends the list.
fn parts_before(t: &[Token<'_>], i: usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut end = i;
    loop {
        let mut start = end;
        for _ in 0..3 {
            let w = if start > 0 { word_start(t, start - 1) } else { break };
            if !(w..start).all(|j| name_part(t, j)) {
                break;
            }
            start = w;
        }
        if start == end {
            break;
        }
        let and = start > 0 && (t[start - 1].is_any(&["and", "&"]) || t[start - 1].sym('&'));
        let comma = |j: usize| j > 0 && t[j - 1].sym(',');
        let (joiner, next) = match (and, comma(start)) {
            (true, _) if comma(start - 1) => (Joiner::CommaAnd, start - 2),
            (true, _) => (Joiner::And, start - 1),
            (false, true) => (Joiner::Comma, start - 1),
            (false, false) => (Joiner::Start, start),
        };
        parts.push(Part { start, end, joiner });
        if joiner == Joiner::Start {
            break;
        }
        end = next;
    }
    parts.reverse();
    parts
}

/// The parts of a name in capitals joined by "and" to the last of `parts`
/// ("Windows OEM and Devices revenue", "Xbox content and services revenue",
/// "Search and news advertising revenue", "Subscription, SaaS, and license
/// revenue": a list's commas join where its last part follows ", and"; in
/// lower case where it is "combined"): one name, the part the call reports,
/// not its last words. Returns their words
/// (each part's last two, up to four words; one name however its list is
/// joined: "A, B and C", "A and B and C" and "A & B and C" are `a_b_and_c`)
/// and where they start. Not "both X and Y", "between X and Y", nor names said
/// "respectively".
fn joined(t: &[Token<'_>], parts: &[Part]) -> Option<(Vec<String>, usize)> {
    let (last, before) = parts.split_last()?;
    let list = last.joiner == Joiner::CommaAnd;
    if !matches!(last.joiner, Joiner::And | Joiner::CommaAnd) || t.iter().any(|x| x.is("respectively")) {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut start = last.start;
    let mut joiner = last.joiner;
    for p in before.iter().rev() {
        let mut from = p.end;
        for _ in 0..2 {
            if from > p.start {
                from = word_start(t, from - 1).max(p.start);
            }
        }
        let and = joiner != Joiner::Comma;
        let more = words_of(t, from, p.end);
        if !(and || list) || words.len() + more.len() > 4 {
            break;
        }
        words.splice(0..0, more);
        start = from;
        joiner = p.joiner;
        // A part cut short ends the name.
        if from > p.start {
            break;
        }
    }
    let first = t.get(start).filter(|_| start < last.start)?;
    // "combined subscription and SaaS and license revenue", "the combination of
    // subscription, SaaS, and license revenue": the text says the parts are one figure.
    let combined = start > 0 && (t[start - 1].is("combined") || start > 1 && t[start - 1].is("of") && t[start - 2].is("combination"));
    let named = (combined || first.text.starts_with(|c: char| c.is_uppercase())) && !LEXICON.iter().any(|&(p, ..)| first.is(p));
    (named && !(start > 0 && t[start - 1].is_any(&["both", "between"]))).then_some((words, start))
}

/// The names listed right before token `i`, in order, where the list joins
/// two or more by "and", "&" or commas, at least one "and": "Americas and
/// EMEA revenue", "Product, Service and Support revenues". Empty where there
/// is no such list.
pub fn listed_names(t: &[Token<'_>], i: usize) -> Vec<String> {
    let parts = parts_before(t, i);
    let joined = parts.iter().any(|p| matches!(p.joiner, Joiner::And | Joiner::CommaAnd));
    if parts.len() < 2 || !joined {
        return Vec::new();
    }
    parts.iter().map(|p| segment_name(&words_of(t, p.start, p.end).join(" "))).collect()
}

/// The names in capitals listed right after a metric ending at token `k`,
/// in order, after "in", "for", "from" or "across", joined by commas and at
/// least one "and": "revenue in the Americas and EMEA grew 5% and 7%,
/// respectively", "sales in Europe and Asia-Pacific". Empty where there is
/// no such list.
pub fn listed_names_after(t: &[Token<'_>], k: usize) -> Vec<String> {
    if !t.get(k).is_some_and(|x| x.is_any(&["in", "for", "from", "across"])) {
        return Vec::new();
    }
    let the = |j: &mut usize| {
        while t.get(*j).is_some_and(|x| x.is_any(&["the", "our"])) {
            *j += 1;
        }
    };
    let (mut j, mut names, mut and) = (k + 1, Vec::new(), false);
    loop {
        the(&mut j);
        let start = j;
        // A name's words in capitals, a hyphen or slash inside it ("Asia-Pacific").
        while let Some(x) = t.get(j) {
            let inside = (x.sym('-') || x.sym('/')) && j > start && t[j - 1].end == x.start && t.get(j + 1).is_some_and(|n| n.start == x.end);
            if name_word(x) || inside {
                j += 1;
            } else {
                break;
            }
        }
        if j == start || j - start > 4 {
            return Vec::new();
        }
        names.push(segment_name(&words_of(t, start, j).join(" ")));
        if t.get(j).is_some_and(|x| x.sym(',')) {
            j += 1;
        }
        if t.get(j).is_some_and(|x| x.is("and")) {
            and = true;
            j += 1;
        } else if !t[j - 1].sym(',') {
            break;
        }
    }
    if names.len() < 2 || !and {
        return Vec::new();
    }
    names
}

/// Words in lower case after a metric ending at token `k` that may name a
/// part with no noun to say so: "Revenue from financial services of $93.4
/// million". The caller keeps them only where the call calls them a part
/// of its business elsewhere ("our financial services segment").
pub fn lower_part_after(t: &[Token<'_>], k: usize) -> Option<String> {
    if !t.get(k)?.is_any(&["from", "for", "in", "at"]) {
        return None;
    }
    let mut j = k + 1;
    while t.get(j).is_some_and(|x| x.is_any(&["the", "our"])) {
        j += 1;
    }
    let start = j;
    // "free cash flow in the range of", "from operations", "sales for the region": no part's name.
    let generic = |x: &Token<'_>| x.is_any(&["range", "region", "regions", "operations", "operation"]);
    let lower = |x: &Token<'_>| segment_word(x) && !describes(x, false) && !generic(x) && x.text.starts_with(|c: char| c.is_lowercase());
    while j < start + 3 && t.get(j).is_some_and(lower) {
        j += 1;
    }
    // The name ends its phrase: "financial services of", not "financial services companies",
    // nor the first words of a longer name ("our fresh and value-added business segment").
    let goes_on = |x: &Token<'_>| x.kind == Tok::Word && segment_word_stem(x) || x.is_any(&["and", "&"]) || x.sym('&') || x.sym('-') || x.sym('/');
    if j == start || t.get(j).is_some_and(goes_on) {
        return None;
    }
    Some(segment_name(&words_of(t, start, j).join(" ")))
}

/// "same-restaurant", "same property", "comparable-hotel" right before token `i`.
pub(super) fn same_units_before(t: &[Token<'_>], i: usize) -> bool {
    let unit = |j: usize| t[j].kind == Tok::Word && t[j].text.chars().all(|c| c.is_ascii_alphabetic());
    match i {
        0 | 1 => false,
        _ if t[i - 2].is_any(&["same", "comparable"]) => unit(i - 1),
        _ => i >= 3 && t[i - 2].sym('-') && t[i - 3].is_any(&["same", "comparable"]) && unit(i - 1),
    }
}

/// Words before a metric that say how much, when or how it went, never which
/// part of the business: "$100 million share repurchase", "record high
/// revenue", "flat comp sales", "June occupancy", "quarter four gross profit".
const DESCRIBING: &[&str] = &[
    "million", "billion", "thousand", "trillion", "mln", "bln", "mm", "bn", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "flat", "favorable", "unfavorable", "largest", "biggest", "grew", "grow",
    "expect", "growth", "certain", "future", "excess", "digit", "digits", "half", "economic", "plus", "companywide",
    "company-wide", "operational", "high", "low", "record", "there", "through", "whole",
];

/// A word that describes a figure rather than naming a segment: a period word
/// ("June occupancy"), or, unless it is in capitals inside the sentence (a
/// name: "High Performance"), one of [`DESCRIBING`] or a lone letter ("2019's
/// gross profit").
fn describes(tok: &Token<'_>, in_capitals: bool) -> bool {
    tok.is_any(PERIOD_WORDS) || !in_capitals && (tok.is_any(DESCRIBING) || tok.text.chars().count() == 1)
}

/// The tail of a compound modifier, glued to what comes before: "12-month
/// EBITDA", "$15 billion-plus revenue", "long-term EPS", "pre-tax income",
/// "same-store sales".
/// "Non-interest revenues" keeps its word: the part of the revenue it names.
fn modifier_tail(t: &[Token<'_>], j: usize) -> bool {
    const PREFIXES: &[&str] = &[
        "pre", "post", "long", "short", "mid", "low", "high", "double", "single", "same", "multi", "year", "full", "half",
        "pass", "after", "self", "currency", "billion", "million", "per",
    ];
    let glued = |a: &Token<'_>, b: &Token<'_>| a.end == b.start;
    match j.checked_sub(1).map(|i| &t[i]) {
        Some(dash) if dash.sym('-') && glued(dash, &t[j]) => {
            j >= 2 && glued(&t[j - 2], dash) && (t[j - 2].kind == Tok::Num || t[j - 2].is_any(PREFIXES) || t[j - 2].sym('%'))
        }
        _ => false,
    }
}

/// "Data Center" -> "data_center".
pub fn segment_name(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        // "Production & Precision Ag" joins words; "C&I", "RS&I" are acronyms that keep it.
        // "Industrial's operating profit": the possessive is no part of the name.
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .map(|w| if w == "&" { "and".to_string() } else { crate::case::lower_str(w).replace(['\'', '’'], "") })
        .collect::<Vec<_>>()
        .join("_")
}

/// "Azure surpassed $75 billion in revenue": a proper name that is the
/// sentence's subject, unless it is the company itself.
pub fn name_subject(t: &[Token<'_>], company: &str) -> Option<String> {
    let mut k = 0;
    while t.get(k).is_some_and(|x| x.is_any(&["and", "but", "so", "also", "now"])) {
        k += 1;
    }
    // The subject of a clause the sentence opens with: "All up, Microsoft Cloud
    // surpassed ...", "In sum, we expect that Southern Timber will contribute ...".
    if let Some(c) = t.iter().take(4).position(|x| x.sym(',')).filter(|&c| c > k && t[k..c].iter().all(|x| x.kind == Tok::Word)) {
        k = c + 1;
    }
    if let Some(that) = (k..t.len().min(k + 5)).find(|&j| t[j].is("that") && j > 0 && t[j - 1].is_any(&["expect", "believe", "anticipate", "estimate", "project", "think"])) {
        k = that + 1;
    }
    let first = t.get(k)?;
    if first.is_any(&["we", "our", "the", "this", "that", "these", "in", "for", "it", "i", "as", "at", "on", "with", "total", "and", "revenue", "sales", "net", "gross", "operating", "free", "cash"]) {
        return None;
    }
    let (name, end) = proper_name(t, k)?;
    // "There is", "Record revenue": a word that names no part of the business.
    if (k..end).any(|j| LEXICON.iter().any(|&(p, ..)| phrase_at(t, j, p).is_some()) || t[j].is_any(DESCRIBING)) {
        return None;
    }
    // "Southern Timber will contribute 2021 adjusted EBITDA of ...": a modal before the verb.
    let modal = t.get(end).is_some_and(|x| x.is_any(&["will", "should", "would"]))
        && t.get(end + 1).is_some_and(|x| x.is_any(&["contribute", "generate", "deliver", "grow", "post", "reach", "account", "represent", "total"]));
    let verb = t.get(end)?;
    let verbish = modal || verb.is_any(&[
        "is", "was", "were", "grew", "surpassed", "reached", "generated", "delivered", "contributed", "posted", "had",
        "accounted", "represented", "totaled", "totalled", "increased", "decreased", "declined", "rose", "fell", "exceeded",
    ]);
    let company = segment_name(company);
    // "Acme Industrial Group" is the company; "Microsoft Cloud" a part of Microsoft.
    let rest = name.strip_prefix(company.as_str()).filter(|_| !company.is_empty());
    let own = rest.is_some_and(|r| r.split('_').all(|w| w.is_empty() || crate::extract::segments::GENERIC_COMPANY_WORDS.contains(&w)))
        || !company.is_empty() && company.starts_with(&name);
    (verbish && !own).then_some(name)
}

/// Whether the business word at `k` is in a clause that explains a figure
/// said before it: "EBITDA of $75 million was above the prior year, partially
/// offset by a lower contribution from our Southern Timber segment".
fn names_a_cause(t: &[Token<'_>], k: usize) -> bool {
    let Some(figure) = t[..k].iter().position(|x| x.kind == Tok::Num && !is_year(x.text)) else { return false };
    t[figure..k].iter().any(|x| x.is_any(&["due", "driven", "offset", "reflecting", "reflects", "reflected", "led", "because", "thanks", "attributable", "primarily", "partially", "mainly", "largely"]))
}

/// A short lower-case word glued by a hyphen to a name in capitals: the
/// "on" of "Snap-on", the "a" of "Rent-a-Center".
fn hyphen_tail(t: &[Token<'_>], j: usize) -> bool {
    let glued = |a: &Token<'_>, b: &Token<'_>| a.end == b.start;
    j >= 2
        && t[j].kind == Tok::Word
        && t[j].text.len() <= 2
        && t[j - 1].sym('-')
        && glued(&t[j - 1], &t[j])
        && glued(&t[j - 2], &t[j - 1])
        && t[j - 2].text.starts_with(|c: char| c.is_uppercase())
}

/// A year in digits ("2020").
fn is_year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
}

/// "our IT business", "the Data Center segment": the sentence's business subject.
pub fn business_subject(t: &[Token<'_>]) -> Option<(String, bool)> {
    // "Within the flavors and extracts group, the natural ingredients business
    // had ...": a group is the subject only where no business, segment or
    // division is.
    business_subject_by(t, false).or_else(|| business_subject_by(t, true))
}

fn business_subject_by(t: &[Token<'_>], group: bool) -> Option<(String, bool)> {
    for (k, tok) in t.iter().enumerate() {
        // "Our economic consulting segment's revenues": the possessive names the segment too.
        let possessive = ["segment's", "segment’s", "division's", "division’s", "business's", "business’s"].iter().any(|p| tok.text.eq_ignore_ascii_case(p));
        // A group after a figure is no subject: "8.5 million guests, ... the loss of our prebooked group sales".
        // Nor is "Group" inside a longer name: "the Closed Group Pension Block".
        let name_goes_on = t.get(k + 1).is_some_and(|x| x.kind == Tok::Word && x.text.starts_with(|c: char| c.is_uppercase()));
        let noun = if group { tok.is("group") && !name_goes_on && t[..k].iter().all(|x| x.kind != Tok::Num) } else { tok.is_any(&["business", "segment", "division", "unit", "businesses", "segments", "products", "portfolio", "franchise"]) };
        if (possessive && !group || noun) && k > 0 && !names_a_cause(t, k) {
            let mut words = Vec::new();
            let mut j = k;
            // "game and network service segment": up to four words joined by "and"/"&".
            while j > 0 && words.len() < 4 {
                let w = &t[j - 1];
                let joiner = w.is_any(&["and", "&"]) && !words.is_empty() && j > 1 && segment_word(&t[j - 2]);
                // Right before its noun an "-ing" word is a name ("the seating segment", "our Trading segment").
                let named = j == k && segment_word_stem(w) && !w.is_any(PARTICIPLES);
                // "E-Systems": a hyphen inside a word; "Snap-on": a short word after it.
                let hyphen = w.sym('-') && !words.is_empty() && j > 1 && t[j - 2].kind == Tok::Word && t[j - 2].end == w.start && w.end == t[j].start;
                let tail = hyphen_tail(t, j - 1);
                if !(segment_word(w) || joiner || named || hyphen || tail) {
                    break;
                }
                words.push(w.text);
                j -= 1;
            }
            if !words.is_empty() && j > 0 && t[j - 1].is_any(&["our", "the", "its", "is", "in", "for"]) {
                words.reverse();
                // "the tools group" keeps its noun, as in segment_topic.
                if tok.is("group") {
                    words.push(tok.text);
                }
                // "First is the game segment, ..." introduces a topic (near the start of the
                // sentence); "our IT business generated" is one subject.
                // "Next, the Intelligent Cloud segment." opens a topic too.
                let opening = j <= 3 && t[..j].iter().all(|x| x.kind != Tok::Num);
                // "Slide 17 explains the variance in the seating segment": a slide's number is no figure.
                // Nor is a year ("compared with the second quarter of 2020").
                let figure = t.iter().enumerate().any(|(i, x)| x.kind == Tok::Num && !is_year(x.text) && !(i > 0 && t[i - 1].is_any(&["slide", "slides", "page", "pages"])));
                // "As anticipated, our Boat segment results benefited the most.": a
                // figure-less sentence about a segment opens it for the next.
                // Its subject: said in the opening words, one segment ("across both the
                // coke and logistics segments" is none).
                let about = !figure && tok.is_any(&["segment", "division"]) && t[..j].iter().filter(|x| x.kind == Tok::Word).count() <= 4;
                let topic = about || opening && t[j - 1].is("the")
                    || (j <= 8 || !figure)
                    && (t[j - 1].is_any(&["is", "in", "for"]) || j > 1 && t[j - 2].is_any(&["is", "in", "for"])
                        // "in our E-Systems segment", not "for our mosquito control products".
                        && (t[j - 1].is("the") || t[j - 1].is("our") && tok.is_any(&["segment", "segments", "division"])));
                return Some((segment_name(&words.join(" ")), topic));
            }
        }
    }
    None
}
