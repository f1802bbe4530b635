//! Figures of metrics outside the lexicon, named by the words the sentence
//! gives them: "Restructuring and other related charges were approximately $63
//! million" is a `restructuring_and_other_related_charges` of $63 million;
//! "$475 million of pre-tax cat losses" a `pre_tax_cat_losses`.
//!
//! Only a plain noun phrase names a metric: a subject right before its verb
//! ("was", "totaled", "increased by", "is expected to be in the range of"), or
//! the object of "of"/"in" right after a money figure. Anything vaguer (a
//! pronoun, "the increase", a name in capitals that may be a segment, a phrase
//! after a preposition that belongs to a longer one) names nothing, and the
//! figure stays out.

use super::lex::{Tok, Token};
use super::metric;
use crate::facts::CORE_METRICS;

/// Where a figure sits in its sentence.
pub struct Spot {
    /// Where the figure's window starts (the previous figure's end).
    pub lo: usize,
    /// The figure's first token.
    pub first: usize,
    /// One past its last token.
    pub last: usize,
    /// Where the next figure starts.
    pub hi: usize,
    /// Whether the figure is an amount of money (the object form "$20 million
    /// of savings" only reads for money: "72% of vessel days" is a share).
    pub money: bool,
}

/// The snake_case name of the metric the figure at `at` is a figure of, if the
/// sentence names one in a plain noun phrase. `in_period(k)`: whether token
/// `k` is part of a period mention.
pub fn phrase_metric(t: &[Token<'_>], at: &Spot, in_period: impl Fn(usize) -> bool) -> Option<String> {
    let end = subject_end(t, at.lo, at.first);
    // "these assets were 100% recoverable": a state, not a figure of a metric.
    let state = t.get(at.last).is_some_and(|x| x.text.ends_with("able") || x.text.ends_with("ible") || x.is_any(STATES));
    let subject = end.filter(|_| !state).and_then(|e| subject_phrase(t, at.lo, e, &in_period));
    let object = || if at.money { object_phrase(t, at.last, at.hi, &in_period) } else { None };
    let mut words = subject.or_else(object)?;
    // "an impressive decremental margin of 24%": the praise is no part of the name.
    while words.len() > 1 && words[0].is_any(PRAISE) {
        words.remove(0);
    }
    // A phrase with a metric of the lexicon in it is that metric in a unit it does not take
    // ("a gross margin of $8 million"), or a core word alone ("cash"): no new metric.
    let own: Vec<Token<'_>> = words.iter().map(|x| **x).collect();
    let name = metric::segment_name(&words.iter().map(|x| x.text).collect::<Vec<_>>().join(" "));
    (plain(&words) && metric::mentions(&own).is_empty() && !CORE_METRICS.contains(&name.as_str())).then_some(name)
}

/// Words after a percent that make it a state: "100% owned", "95% occupied".
const STATES: &[&str] = &[
    "owned", "occupied", "leased", "hedged", "fixed", "complete", "completed", "done", "funded", "collected", "booked",
    "sold", "committed", "contracted", "utilized", "renewed", "recovered", "vaccinated", "staffed", "full", "effective",
];

/// Verbs that may stand where a head noun would.
const VERBS: &[&str] = &[
    "stands", "stand", "today", "remains", "remain", "paid", "pay", "keep", "went", "go", "came", "come", "got", "made",
    "took", "saw", "seen", "put", "set", "include", "includes", "included", "including", "exclude", "excludes",
    "excluding", "reflect", "reflects", "recorded", "record", "incurred", "incur", "brought", "bought", "sold", "held", "built", "grown", "gone", "done", "been", "think",
];

/// Words of praise before a name.
const PRAISE: &[&str] = &[
    "impressive", "strong", "solid", "healthy", "robust", "good", "great", "excellent", "significant", "modest", "record",
    "incremental", "additional", "meaningful", "outstanding", "exceptional", "remarkable", "substantial", "nice",
];

/// Links between a subject and its figure, read backwards from the figure.
const APPROX: &[&str] = &["approximately", "about", "roughly", "nearly", "almost", "around", "just", "over", "some", "under", "a", "record"];
const LINKS: &[&str] = &["was", "were", "is", "are", "totaled", "totalled", "totaling", "totalling", "reached", "of", "amounted", "be"];
const CHANGES: &[&str] = &["increased", "decreased", "grew", "rose", "fell", "declined", "improved", "up", "down", "increase", "decrease", "grow"];

/// Where the subject ends: the index of the first word of the link
/// ("were", "increased by", "is expected to be in the range of", "came in at").
fn subject_end(t: &[Token<'_>], lo: usize, first: usize) -> Option<usize> {
    // A range may start with its opener: "of 84% to 84.5%", "between $1 and $2".
    let mut k = if t[first].is_any(&["of", "between", "from"]) { first + 1 } else { first };
    let is = |k: usize, w: &[&str]| k > lo && t[k - 1].is_any(w);
    while is(k, APPROX) {
        k -= 1;
    }
    // "in the range of", "between"
    if k >= lo + 4 && t[k - 1].is("of") && t[k - 2].is("range") && t[k - 3].is_any(&["the", "a"]) && t[k - 4].is("in") {
        k -= 4;
    } else if is(k, &["between"]) {
        k -= 1;
    }
    let start = k;
    if is(k, &["by"]) {
        k -= 1;
    }
    let change = is(k, CHANGES);
    if change {
        k -= 1;
        if is(k, &["was", "were", "is", "are"]) {
            k -= 1;
        }
    } else if is(k, &["at"]) && is(k - 1, &["in"]) && is(k - 2, &["came", "come", "comes"]) {
        k -= 3;
    } else if is(k, &["at"]) && is(k - 1, &["stands", "stand", "stood", "was", "were", "is", "are", "ended", "closed"]) {
        k -= 2;
    } else if is(k, &["to"]) && is(k - 1, &["amounted"]) {
        k -= 2;
    } else if is(k, LINKS) {
        k -= 1;
        // "is expected to be", "will be", "to be"
        if t[k].is("be") {
            while is(k, &["to", "will", "should", "expected", "estimated", "projected", "anticipated", "forecast", "is", "are"]) {
                k -= 1;
            }
        }
    } else {
        return None;
    }
    // "LSAG is up 22%": a lone acronym that changes is a segment's name more often than a metric's.
    let lone_acronym = change && k > lo && (k - 1 == lo || !t[k - 2].kind.eq(&Tok::Word)) && t[k - 1].text.len() >= 2 && t[k - 1].text.chars().all(|c| c.is_ascii_uppercase());
    (k < start && !lone_acronym).then_some(k)
}

/// The noun phrase that ends right before `end`: up to five words, after a
/// clause opener or a determiner.
fn subject_phrase<'a, 't>(t: &'t [Token<'a>], lo: usize, end: usize, in_period: &impl Fn(usize) -> bool) -> Option<Vec<&'t Token<'a>>> {
    let mut k = end;
    // "... losses for the quarter were": past the period.
    if k > lo && in_period(k - 1) {
        while k > lo && in_period(k - 1) {
            k -= 1;
        }
        while k > lo && t[k - 1].is_any(&["the", "this"]) {
            k -= 1;
        }
        if k > lo && t[k - 1].is_any(&["for", "in", "during"]) {
            k -= 1;
        } else {
            return None;
        }
    }
    // "Worldwide gross dollar volume, or GDV, increased": the phrase before the appositive.
    if k >= lo + 4 && t[k - 1].sym(',') {
        if let Some(c) = (k.saturating_sub(5).max(lo)..k - 1).rev().find(|&j| t[j].sym(',')) {
            if t[c + 1].is("or") {
                k = c;
            }
        }
    }
    let stop = k;
    while k > lo && stop - k < 8 && (phrase_word(&t[k - 1]) || t[k - 1].sym('-') || t[k - 1].is_any(&["and", "&"]) && k < stop) && !in_period(k - 1) {
        k -= 1;
    }
    // A phrase after a preposition is the tail of a longer one: "return on invested capital for the company was".
    let mut d = k;
    while d > 0 && t[d - 1].is_any(DETERMINERS) {
        d -= 1;
    }
    if d > 0 && t[d - 1].is_any(PREPOSITIONS) {
        return None;
    }
    let words: Vec<&Token<'a>> = t[k..stop].iter().filter(|x| x.kind == Tok::Word).collect();
    // "and" neither starts nor ends a name.
    (words.first().is_some_and(|x| !x.is_any(&["and", "&"])) && words.last().is_some_and(|x| !x.is_any(&["and", "&"]))).then_some(words)
}

/// The noun phrase after "of"/"in" right after a money figure: "$20 million of
/// cost savings". It ends at punctuation, a preposition, a verb or a period.
fn object_phrase<'a, 't>(t: &'t [Token<'a>], last: usize, hi: usize, in_period: &impl Fn(usize) -> bool) -> Option<Vec<&'t Token<'a>>> {
    if !t.get(last).is_some_and(|x| x.is_any(&["of", "in"])) {
        return None;
    }
    let mut k = last + 1;
    let mut words = Vec::new();
    while k < hi && words.len() < 5 && (phrase_word(&t[k]) || t[k].sym('-') && !words.is_empty()) && !in_period(k) && !t[k].is_any(&ENDS_OBJECT) {
        if t[k].kind == Tok::Word {
            words.push(&t[k]);
        }
        k += 1;
    }
    // The phrase must end the clause or meet a preposition or verb: "$20 million of cost savings in 2022".
    let ends = k >= hi || t[k].kind == Tok::Sym || in_period(k) || t[k].is_any(&ENDS_OBJECT);
    (ends && !words.is_empty()).then_some(words)
}

const DETERMINERS: &[&str] = &["the", "our", "its", "their", "this", "these", "that", "those", "a", "an", "total"];

const PREPOSITIONS: &[&str] = &[
    "for", "of", "in", "on", "at", "from", "by", "to", "into", "across", "within", "per", "than", "over", "under", "about",
    "with", "without", "among", "between", "through", "via", "like", "since", "until", "toward", "towards", "against",
];

const ENDS_OBJECT: [&str; 23] = [
    "relative", "in", "for", "during", "from", "to", "at", "on", "by", "and", "or", "as", "which", "that", "was", "were", "is",
    "are", "will", "compared", "versus", "vs", "over",
];

/// A word that may stand in a metric's name.
fn phrase_word(x: &Token<'_>) -> bool {
    x.kind == Tok::Word
        && x.text.chars().all(|c| c.is_alphabetic() || c == '&' || c == '\'')
        && !x.is_any(NOT_NAMES)
        && !x.is_any(PREPOSITIONS)
        && !x.is_any(VERBS)
        && !x.is_any(&["ve", "re", "ll", "d", "t", "s", "m"])
        && !x.text.ends_with("ly")
        // "we've"; a possessive is fine ("the company's").
        && (!x.text.contains(['\'', '’']) || x.text.ends_with("'s") || x.text.ends_with("’s"))
}

/// Whether the words make a plain name: a head noun that says what is
/// measured, nothing of someone else's, not only a name in capitals (that is
/// a segment: "Industrial increased 2%").
fn plain(words: &[&Token<'_>]) -> bool {
    let Some(head) = words.last() else { return false };
    // "our prior guide of 8% to 9%", "our previous assumption": an earlier outlook.
    if words.iter().any(|x| x.is_any(&["prior", "previous", "earlier", "original", "initial"])) {
        return false;
    }
    // A verb is no head: "the contingent liability stands at", "is estimated to be".
    if head.text.ends_with("ed") || head.text.ends_with("ing") || head.is_any(VERBS) {
        return false;
    }
    let acronym = |x: &Token<'_>| x.text.len() >= 2 && x.text.chars().all(|c| c.is_ascii_uppercase() || c == '&');
    let capital = |x: &Token<'_>| x.text.starts_with(|c: char| c.is_uppercase()) && !acronym(x);
    let names = words.iter().filter(|x| !x.is_any(&["and", "&"])).all(|x| capital(x));
    let vague = head.is_any(VAGUE_HEADS) || words.len() == 1 && head.is_any(&["loss", "losses", "gain", "gains", "cost", "costs", "expense", "expenses", "income"]);
    words.len() <= 5 && !vague && !words.iter().any(|x| x.is_any(metric::EXTERNAL)) && !names
}

/// Words that never stand in a metric's name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "our", "its", "their", "his", "her", "my", "your", "this", "that", "these", "those", "it", "we",
    "they", "you", "i", "he", "she", "which", "who", "what", "there", "here", "of", "in", "for", "on", "at", "by",
    "with", "from", "to", "into", "as", "than", "or", "but", "while", "so", "if", "is", "was", "were", "are", "be",
    "been", "being", "has", "have", "had", "will", "would", "should", "could", "can", "may", "might", "do", "did",
    "does", "not", "no", "also", "still", "now", "then", "just", "only", "about", "approximately", "roughly", "nearly",
    "total", "all", "each", "both", "some", "any", "more", "less", "much", "many", "over", "under", "up", "down",
    "expect", "expects", "expected", "see", "sees", "believe", "think", "said", "says", "reported", "delivered",
    "generated", "posted", "recorded", "achieved", "percent", "million", "billion", "thousand", "trillion",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "year", "years", "quarter",
    "quarters", "month", "months", "period", "compared", "versus", "vs", "record", "another", "other's",
];

/// Heads that say nothing of what is measured.
const VAGUE_HEADS: &[&str] = &[
    "increase", "increases", "decrease", "decreases", "growth", "decline", "declines", "improvement", "change", "changes",
    "impact", "impacts", "benefit", "benefits", "headwind", "headwinds", "tailwind", "tailwinds", "contribution",
    "amount", "number", "figure", "level", "levels", "rate", "percentage", "portion", "part", "half", "majority", "bit",
    "lot", "piece", "share", "side", "time", "way", "end", "result", "results", "performance", "guidance", "outlook",
    "range", "midpoint", "consensus", "estimate", "estimates", "expectation", "expectations", "target", "targets",
    "goal", "base", "point", "points", "basis", "business", "businesses", "segment", "segments", "division", "company",
    "companies", "trend", "pace", "momentum", "mix", "other", "others", "items", "item", "things", "thing", "total",
    "balance", "plan", "run", "group", "groups", "guide", "assumption", "assumptions", "tune", "average", "order",
    "size", "sizes", "franchise", "franchises", "portfolio", "north", "south", "upwards", "excess", "peak", "source", "use", "shares", "stock", "magnitude", "neighborhood", "area", "vicinity", "extent", "degree", "case", "cases", "example", "instance", "comparison", "comp", "comps", "sequentially", "organically", "terms", "currency",
    "dollars", "dollar", "cents", "times", "basis", "high", "low", "top", "bottom", "line", "record", "effect",
    "effects", "year", "quarter", "period", "term", "view", "range", "place",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{lex, number, period};

    /// The name the first figure of `sentence` gets, or "-".
    fn name(sentence: &str) -> String {
        let toks = lex::tokenize(sentence, 0, sentence.len());
        let figures = number::figures(&toks);
        let periods = period::mentions(&toks);
        let f = &figures[0];
        let at = Spot { lo: 0, first: f.first, last: f.last, hi: figures.get(1).map_or(toks.len(), |g| g.first), money: matches!(f.dim, number::Dim::Money { .. }) };
        phrase_metric(&toks, &at, |k| periods.iter().any(|m| m.first <= k && k < m.last)).unwrap_or_else(|| "-".into())
    }

    #[test]
    fn named_by_a_noun_phrase() {
        let cases = [
            ("Restructuring and other related charges were approximately $63 million in the quarter.", "restructuring_and_other_related_charges"),
            ("Our pre-tax net catastrophe losses for the quarter were $280 million.", "pre_tax_net_catastrophe_losses"),
            ("Our second quarter results include $475 million of pre-tax cat losses compared to $854 million a year ago.", "pre_tax_cat_losses"),
            ("We expect freight costs of approximately $20 million in the fourth quarter.", "freight_costs"),
            ("Worldwide gross dollar volume, or GDV, increased by 23% year over year.", "worldwide_gross_dollar_volume"),
            ("We now expect the 2021 medical care ratio to be in the range of 84% to 84.5%.", "medical_care_ratio"),
            ("The provision for credit losses was $20 million.", "-"),
            ("Return on invested capital for the company was 25.8% in the third quarter.", "-"),
            // A name in capitals is a segment, not a metric.
            ("Industrial increased 2% in the quarter.", "-"),
            ("Europe was up 5%.", "-"),
            ("Segment income from our staffing divisions was $79 million.", "-"),
            ("These assets were 100% recoverable.", "-"),
            ("North America generated an impressive decremental margin of 24%.", "decremental_margin"),
            ("We now expect sales to be up 9.5%, an increase from our prior guide of 8% to 9%.", "-"),
            ("The contingent liability stands at $9.4 million.", "contingent_liability"),
            ("Renewal pricing for this group was up 13%.", "-"),
            ("LSAG is up 22% on a reported basis.", "-"),
            ("Then EMEA at 22%.", "-"),
            ("I think price is north of 5%.", "-"),
            ("ROIC was 13.4%.", "roic"),
            ("And so we've seen Simparica grow 13% on the year.", "-"),
            ("Other products in the space have better sizes of $800 million-plus.", "-"),
            ("We estimate it will add an additional $2 billion in freight expenses relative to 2021.", "freight_expenses"),
            // Vague heads, pronouns, shares of something.
            ("That increase was 5%.", "-"),
            ("It was $5 million.", "-"),
            ("We booked 72% of our vessel days.", "-"),
            ("The impact was $10 million.", "-"),
            ("We sold $5 million in the quarter.", "-"),
            // A metric of the lexicon in a unit it does not take, or a core name, is no new metric.
            ("The gross margin was $8 million.", "-"),
            ("We ended the year with cash of $310 million.", "-"),
        ];
        let got: Vec<(String, String)> = cases.iter().map(|(s, _)| (s.to_string(), name(s))).collect();
        let want: Vec<(String, String)> = cases.iter().map(|(s, w)| (s.to_string(), w.to_string())).collect();
        assert_eq!(got, want);
    }
}
