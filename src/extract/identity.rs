//! Call identity: the company and the fiscal period of the call, from the
//! title lines or the operator's welcome ("Welcome to the Credo Q4 Fiscal
//! Year 2023 Earnings Conference Call"), and the reporting currency.

use std::collections::HashMap;

use super::lex::{self, Tok, Token};
use super::number;
use super::period::{self, PeriodRef};
use crate::facts::{Currency, Part, Period};
use crate::transcript::{Role, Transcript};

/// Who and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// Company name, empty when unknown.
    pub company: String,
    /// The call's period.
    pub call: Option<Period>,
    /// Reporting currency (most frequent explicit currency).
    pub currency: Currency,
}

/// Words that end a company name in a welcome sentence.
const NAME_END: &[&str] = &[
    "first", "second", "third", "fourth", "fiscal", "fy", "q", "earnings", "conference", "financial", "quarterly",
    "results", "call", "full", "year", "annual", "investor", "teleconference", "webcast", "and", "for", "to", "interim",
    "half", "h", "business", "presentation",
];

/// The opening text to search: header lines and the first sentences of the first turns.
fn opening(t: &Transcript<'_>) -> Vec<String> {
    let mut out: Vec<String> = t.header.iter().map(|(_, s)| s.clone()).collect();
    let mut budget = 40;
    'turns: for turn in &t.turns {
        for p in &turn.paragraphs {
            for (a, b) in lex::sentences(&p.text) {
                out.push(p.text[a..b].to_string());
                budget -= 1;
                if budget == 0 {
                    break 'turns;
                }
            }
        }
    }
    out
}

/// Finds company, call period and currency.
pub fn identify(t: &Transcript<'_>) -> Identity {
    let open = opening(t);
    let mut company = String::new();
    for s in &open {
        let toks = lex::tokenize(s, 0, s.len());
        company = company_in(&toks).unwrap_or_default();
        if !company.is_empty() {
            break;
        }
    }
    if company.is_empty() {
        company = possessive_name(t).or_else(|| speaker_company(t)).unwrap_or_default();
    }
    let mut votes = Votes::default();
    for (n, s) in open.iter().enumerate() {
        votes.sentence(s, if n < t.header.len() || is_title(s) { Weight::Title } else { Weight::Opening });
    }
    // The rest of the call: every sentence that names a quarter or a year.
    let skip = open.len().saturating_sub(t.header.len());
    let mut seen = 0;
    for turn in &t.turns {
        if turn.speaker.is_some_and(|k| t.speakers[k].role == Role::Analyst) {
            continue;
        }
        for p in &turn.paragraphs {
            for (a, b) in lex::sentences(&p.text) {
                seen += 1;
                if seen > skip {
                    votes.sentence(&p.text[a..b], Weight::Body);
                }
            }
        }
    }
    Identity { company, call: votes.decide(), currency: currency_of(t) }
}

/// A title or welcome sentence names the call itself: "Welcome to the Acme
/// first-quarter 2020 earnings call", "Q3 2021 Earnings Call Transcript".
fn is_title(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    ["welcome", "earnings call", "earnings conference", "conference call", "results call", "call transcript", "webcast", "teleconference"].iter().any(|w| l.contains(w))
        && !["compared", "versus", " vs"].iter().any(|w| l.contains(w))
}

#[derive(Clone, Copy, PartialEq)]
enum Weight {
    Title,
    Opening,
    Body,
}

/// The call's period decided from all the evidence: the title and welcome,
/// and every quarter and year the speakers name, each a vote. Comparison
/// bases ("versus the third quarter of 2019") and outlook sentences ("for
/// 2022 we expect") hardly count: the call reports on its own quarter.
#[derive(Default)]
struct Votes {
    /// Votes for quarters 1..=4.
    quarter: [f64; 5],
    /// (year, quarter, weight) of quarters said with their year.
    dated: Vec<(i32, u8, f64)>,
    /// (year, weight, in an outlook) of years said alone.
    years: Vec<(i32, f64, bool)>,
}

const YEAR_WEIGHT: f64 = 0.3;
const OUTLOOK_WORDS: &[&str] = &[
    "expect", "expects", "expected", "expecting", "outlook", "guidance", "guide", "guiding", "forecast", "anticipate",
    "anticipates", "target", "targets", "targeting", "will", "plan", "plans", "project", "projected", "sees", "next",
    "coming", "ahead", "goal", "goals",
];

/// Words of a sentence that reports: results are said in the past tense.
const REPORTED: &[&str] = &[
    "was", "were", "had", "delivered", "reported", "achieved", "generated", "came", "ended", "grew", "rose", "fell",
    "declined", "increased", "decreased", "totaled", "posted", "recorded", "finished", "closed", "improved", "saw",
    "drove", "exceeded", "remained", "continued", "returned", "expanded", "did", "made",
];

impl Votes {
    fn sentence(&mut self, s: &str, weight: Weight) {
        if !may_name_period(s) {
            return;
        }
        let toks = lex::tokenize(s, 0, s.len());
        // In a title or welcome, only what follows an outlook word looks ahead
        // ("Deere's fourth quarter earnings ... our current outlook for fiscal 2022").
        let ahead = toks.iter().position(|x| x.is_any(OUTLOOK_WORDS) || x.text.ends_with("'ll")).unwrap_or(toks.len());
        let ahead = if weight == Weight::Title { ahead } else if ahead < toks.len() { 0 } else { ahead };
        let reported = toks.iter().any(|x| x.is_any(REPORTED));
        let base = match weight {
            Weight::Title => 8.0,
            Weight::Opening => 1.5,
            Weight::Body => 1.0,
        };
        let mentions = period::mentions(&toks);
        for (i, m) in mentions.iter().enumerate() {
            // "our first quarter results for 2021", "the fourth quarter and full year 2021": the year a few words on.
            let m = match (m.what, mentions.get(i + 1)) {
                (PeriodRef::Quarter(q), Some(n)) if n.first <= m.last + 3 && !n.comparison && toks[m.last..n.first].iter().all(|x| x.is_any(&["results", "earnings", "for", "of", "in", "financial", "and"])) => match n.what {
                    PeriodRef::Abs(Period::Fiscal { year, part: Part::Year }) => period::Mention { what: PeriodRef::Abs(Period::quarter(year, q)), ..*m },
                    _ => *m,
                },
                _ => *m,
            };
            // "compared with 89% in the second quarter of 2020", "ahead of pre-COVID second quarter of 2019"
            let cue = toks[m.first.saturating_sub(7)..m.first].iter().rev().take_while(|x| !x.sym(';')).any(|x| {
                x.is_any(&["compared", "comparing", "comparison", "versus", "vs", "from", "over", "than", "against", "since", "relative", "pre", "prior", "ahead", "following"])
            });
            let m = period::Mention { comparison: m.comparison || cue, ..m };
            // A comparison base is a year before the call ("versus the third quarter
            // of 2020" in a Q3 2021 call); an outlook looks ahead and hardly counts.
            let outlook = m.first >= ahead;
            let (w, shift) = match (weight, m.comparison, outlook) {
                (Weight::Title, false, false) => (base, 0),
                // "growth of 8% to 10% versus 2021" in an outlook: the base is the call's year.
                (_, true, true) => (0.4 * base, 0),
                (_, true, false) => (0.4 * base, 1),
                (_, false, true) => (0.1 * base, 0),
                (_, false, false) if reported => (base, 0),
                (_, false, false) => (0.5 * base, 0),
            };
            // "We expect first-quarter EPS of ...": the call reports the quarter before.
            if outlook && !m.comparison {
                if let PeriodRef::Quarter(q) | PeriodRef::Abs(Period::Fiscal { part: Part::Quarter(q), .. }) = m.what {
                    self.quarter[if q == 1 { 4 } else { q as usize - 1 }] += 0.3 * base;
                }
            }
            match m.what {
                PeriodRef::Abs(Period::Fiscal { year, part: Part::Quarter(q) }) => {
                    if !m.comparison {
                        self.quarter[q as usize] += w;
                    }
                    self.dated.push((year + shift, q, w));
                }
                PeriodRef::Quarter(q) if !m.comparison => self.quarter[q as usize] += w * 0.8,
                PeriodRef::Abs(Period::Fiscal { year, part: Part::Year }) => self.years.push((year + shift, w * 0.5, outlook && !m.comparison)),
                _ => {}
            }
        }
    }

    fn decide(&self) -> Option<Period> {
        let (q, qw) = (1..=4u8).map(|q| (q, self.quarter[q as usize])).fold((0, 0.0), |a, b| if b.1 > a.1 { b } else { a });
        // An outlook in a fourth-quarter call is for the next year.
        let years: Vec<(i32, f64)> = self.years.iter().map(|&(y, w, ahead)| (if ahead && q == 4 { y - 1 } else { y }, w)).collect();
        // The year with the most votes: its quarter said with a year first, then years alone.
        let best = |v: &mut dyn Iterator<Item = (i32, f64)>| {
            tally(v).into_iter().filter(|&(_, w)| w > 0.0).max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0))).map(|(y, _)| y)
        };
        // Of the years said with the call's quarter, the latest with a fair share
        // of the votes: a comparison base ("the first quarter of 2020") lies behind
        // the call, and outlooks (already discounted) ahead of it.
        let latest = |v: &mut dyn Iterator<Item = (i32, f64)>| {
            let by = tally(v);
            let max = by.iter().map(|&(_, w)| w).fold(0.0, f64::max);
            by.into_iter().filter(|&(_, w)| w > 0.0 && w >= 0.4 * max).map(|(y, _)| y).max()
        };
        let year = latest(&mut self.dated.iter().filter(|d| d.1 == q && d.2 >= 0.5).map(|d| (d.0, d.2)))
            .or_else(|| best(&mut self.dated.iter().filter(|d| d.1 == q).map(|d| (d.0, d.2)).chain(years.iter().map(|&(y, w)| (y, YEAR_WEIGHT * w)))))
            .or_else(|| best(&mut years.iter().copied()))
            .or_else(|| best(&mut self.dated.iter().map(|d| (d.0, d.2))))?;
        Some(if qw > 0.0 { Period::quarter(year, q) } else { Period::year(year) })
    }
}

/// Sums the votes per year.
fn tally(votes: &mut dyn Iterator<Item = (i32, f64)>) -> Vec<(i32, f64)> {
    let mut by: Vec<(i32, f64)> = Vec::new();
    for (y, w) in votes {
        match by.iter_mut().find(|(x, _)| *x == y) {
            Some((_, n)) => *n += w,
            None => by.push((y, w)),
        }
    }
    by
}

/// A cheap look for a period before tokenizing: "quarter", "fiscal", "Q3",
/// "3Q", a year in digits.
fn may_name_period(s: &str) -> bool {
    let b = s.as_bytes();
    if s.contains("uarter") || s.contains("iscal") || s.contains("QUARTER") || s.contains("FISCAL") {
        return true;
    }
    b.windows(4).enumerate().any(|(i, w)| {
        let year = (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0') && w[2].is_ascii_digit() && w[3].is_ascii_digit();
        year && !b.get(i + 4).is_some_and(u8::is_ascii_digit) && !(i > 0 && b[i - 1].is_ascii_digit())
    }) || b.windows(2).any(|w| matches!(w, [b'Q', b'1'..=b'4'] | [b'1'..=b'4', b'Q']))
}

fn company_in(t: &[Token<'_>]) -> Option<String> {
    // "# ACME Q4 2025 Earnings Call Transcript", "**Company:** MSFT", "NVIDIA Corporation (NASDAQ:NVDA) Q4 2024"
    for (k, tok) in t.iter().enumerate() {
        if tok.sym('(') && t.get(k + 1).is_some_and(|x| x.is_any(&["NASDAQ", "NYSE", "TSX", "LSE", "AMEX", "OTC", "TSE"])) {
            return name_from(&t[..k]);
        }
    }
    for (k, tok) in t.iter().enumerate() {
        let starts = (tok.is("to") || tok.is("for")) && t[..k].iter().rev().take(4).any(|x| x.is("welcome") || x.is("webcast"));
        if !starts {
            continue;
        }
        let mut j = k + 1;
        while t.get(j).is_some_and(|x| x.is_any(&["the", "today's", "this", "our"])) {
            j += 1;
        }
        let mut end = j;
        while let Some(x) = t.get(end) {
            let stop = x.kind == Tok::Num || x.is_any(NAME_END) || x.sym(',') || x.sym('.') || x.sym('(')
                || x.kind == Tok::Word && !x.text.starts_with(|c: char| c.is_uppercase()) && !x.is("&") && !x.is("and");
            if stop {
                break;
            }
            end += 1;
        }
        if end > j && end - j <= 5 {
            if let Some(n) = name_from(&t[j..end]) {
                return Some(n);
            }
        }
    }
    None
}

fn name_from(t: &[Token<'_>]) -> Option<String> {
    let mut s = String::new();
    let mut prev_end = None;
    for tok in t {
        if prev_end.is_some_and(|e| e < tok.start) {
            s.push(' ');
        }
        s.push_str(tok.text);
        prev_end = Some(tok.end);
    }
    let s = s.trim().trim_end_matches("'s").trim_end_matches("’s").trim().to_string();
    let s = s.strip_prefix("# ").unwrap_or(&s).to_string();
    (!s.is_empty() && s.chars().any(char::is_alphabetic)).then_some(s)
}

/// The company as the call names itself: the most frequent capitalised word
/// said in the possessive ("Lear's sales", "Deere's fourth quarter").
fn possessive_name(t: &Transcript<'_>) -> Option<String> {
    const COMMON: &[&str] = &[
        "today", "company", "year", "quarter", "let", "it", "that", "there", "what", "here", "he", "she", "who", "world",
        "industry", "nation", "country", "america", "china", "europe", "management", "everyone", "last", "next", "this",
    ];
    let mut counts: Vec<(String, usize)> = Vec::new();
    // How often each capitalised word is said at all, possessive or not ("Lear", "Lear's"):
    // one pass over the words, however long the call.
    let mut said: HashMap<&str, usize> = HashMap::new();
    let speakers: Vec<String> = t.speakers.iter().map(|s| s.name.to_ascii_lowercase()).collect();
    for turn in t.turns.iter().take(60) {
        for p in &turn.paragraphs {
            for tok in lex::tokenize(&p.text, 0, p.text.len()) {
                if tok.kind != Tok::Word || !tok.text.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let possessive = tok.text.strip_suffix("'s").or_else(|| tok.text.strip_suffix("’s"));
                *said.entry(possessive.unwrap_or(tok.text)).or_default() += 1;
                let Some(w) = possessive else { continue };
                if w.len() < 2 {
                    continue;
                }
                let lw = w.to_ascii_lowercase();
                if COMMON.contains(&lw.as_str()) || speakers.iter().any(|s| s.split(' ').any(|part| part == lw)) {
                    continue;
                }
                if !counts.iter().any(|(c, _)| c == w) {
                    counts.push((w.to_string(), 0));
                }
            }
        }
    }
    // Rank the possessive names by how often the name is said at all.
    for (w, n) in counts.iter_mut() {
        *n = said.get(w.as_str()).copied().unwrap_or(0);
    }
    counts.into_iter().filter(|&(_, n)| n >= 3).max_by_key(|&(_, n)| n).map(|(w, _)| w)
}

/// "**Jessie Wang - MediaTek, Investor Relation**": the company most speakers work for.
fn speaker_company(t: &Transcript<'_>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in &t.speakers {
        let Some(title) = &s.title else { continue };
        let Some((org, _)) = title.split_once(", ") else { continue };
        if org.contains("Research") || org.split_whitespace().count() > 4 {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| c == org) {
            Some((_, n)) => *n += 1,
            None => counts.push((org.to_string(), 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(c, _)| c)
}

/// The most frequent explicit currency of the call's money figures.
fn currency_of(t: &Transcript<'_>) -> Currency {
    let mut counts: Vec<(Currency, usize)> = Vec::new();
    let mut seen = 0;
    'outer: for turn in &t.turns {
        for p in &turn.paragraphs {
            let toks = lex::tokenize(&p.text, 0, p.text.len());
            for f in number::figures(&toks) {
                if let number::Dim::Money { cur, explicit: true } = f.dim {
                    match counts.iter_mut().find(|(c, _)| *c == cur) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((cur, 1)),
                    }
                    seen += 1;
                    // The reporting currency shows in the first few dozen amounts.
                    if seen > 60 {
                        break 'outer;
                    }
                }
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map_or(Currency::USD, |(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::parse;

    #[test]
    fn welcome_lines() {
        let id = identify(&parse("Operator\nOperator\nWelcome to the Credo Q4 Fiscal Year 2023 Earnings Conference Call. Go ahead.\n"));
        assert_eq!(id.company, "Credo");
        assert_eq!(id.call, Some(Period::quarter(2023, 4)));
        let id = identify(&parse("NVIDIA Corporation (NASDAQ:NVDA) Q4 2024 Earnings Conference Call February 21, 2024 5:00 PM ET\n\nOperator\n\nHello.\n"));
        assert_eq!(id.company, "NVIDIA Corporation");
        assert_eq!(id.call, Some(Period::quarter(2024, 4)));
        let id = identify(&parse("Operator: Welcome to Zillow Group's Third Quarter 2022 Conference Call.\nJo Li: Thanks.\nAmy Li: Hi.\n"));
        assert_eq!(id.company, "Zillow Group");
        assert_eq!(id.call, Some(Period::quarter(2022, 3)));
    }

    /// With no title or welcome, the company is the name said in the possessive, ranked by how
    /// often it is said at all ("Lear" three times beats "GM's" once).
    #[test]
    fn company_from_possessives() {
        let text = "Lear's sales were up.\nGM's production fell.\nLear grew.\nAt Lear, we deliver.\nTotal sales were $5 billion.\n";
        assert_eq!(identify(&parse(text)).company, "Lear");
        // Said fewer than three times, no name is the company's.
        assert_eq!(identify(&parse("Lear's sales were up.\nTotal sales were $5 billion.\n")).company, "");
    }

    /// The call's period from all the evidence, each source a vote.
    #[test]
    fn call_period_by_vote() {
        let cases = [
            // A welcome in a form the grammar once missed.
            ("Operator\nWelcome to the Acme first-quarter 2020 earnings call.\nJane Doe - CFO\nRevenue was up.\n", "FY2020-Q1"),
            ("Operator\nWelcome to the MDC Holdings 2021 Third Quarter Earnings Conference Call.\n", "FY2021-Q3"),
            // Header-less text: comparison bases point a year back.
            ("Revenue in the first quarter of 2021 was $5 million, compared to $4 million in the first quarter of 2020.\nIn the first quarter, margins improved versus the first quarter of 2020.\n", "FY2021-Q1"),
            // The outlook year in a Q4 welcome is not the call's year.
            ("Operator\nToday, we'll look at Deere's fourth quarter earnings and our outlook for fiscal 2022.\nNet sales were $11 billion in the fourth quarter, up from the fourth quarter of 2020.\n", "FY2021-Q4"),
            ("Operator\nWelcome to the Zoetis fourth quarter and full year 2021 earnings call.\nKey derm grew 27% in the fourth quarter of 2020.\n", "FY2021-Q4"),
            // Only an outlook names a quarter: the call reports the quarter before.
            ("We expect adjusted earnings per share in the first quarter to be in the range of $4.20 to $4.30.\nSales were $844 million in the quarter, up 5% over the prior year.\nWe expect good growth in 2020.\n", "FY2019-Q4"),
            // A phone number is no year.
            ("Operator\nWelcome to the First Quarter Conference Call for Graco Inc. Dial 855-859-2056 for the replay.\nSales for the first quarter of 2021 were up.\n", "FY2021-Q1"),
        ];
        let mut bad = Vec::new();
        for (text, want) in cases {
            let got = identify(&parse(text)).call.map_or("none".to_string(), |p| p.to_string());
            if got != want {
                bad.push(format!("{text:?}: got {got}, want {want}"));
            }
        }
        assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    }
}
