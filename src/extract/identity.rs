//! Call identity: the company and the fiscal period of the call, from the
//! title lines or the operator's welcome ("Welcome to the Credo Q4 Fiscal
//! Year 2023 Earnings Conference Call"), and the reporting currency.

use super::lex::{self, Tok, Token};
use super::number;
use super::period::{self, PeriodRef};
use crate::facts::{Currency, Part, Period};
use crate::transcript::Transcript;

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
    let mut call: Option<Period> = None;
    let mut quarter_only: Option<u8> = None;
    let mut quarter_year: Option<i32> = None;
    for s in &open {
        let toks = lex::tokenize(s, 0, s.len());
        if company.is_empty() {
            company = company_in(&toks).unwrap_or_default();
        }
        if call.is_none() {
            let mentions = period::mentions(&toks);
            for m in &mentions {
                match m.what {
                    PeriodRef::Abs(p @ Period::Fiscal { part: Part::Quarter(_), .. }) if !m.comparison => {
                        call = Some(p);
                        break;
                    }
                    PeriodRef::Quarter(q) if !m.comparison && quarter_only.is_none() => {
                        quarter_only = Some(q);
                        // "our third quarter results and our full-year 2021 outlook": the
                        // year beside the quarter; an outlook in a Q4 call is for the next year.
                        let outlook = toks.iter().any(|x| x.is_any(&["outlook", "guidance", "forecast", "expect"]));
                        quarter_year = mentions.iter().find_map(|y| match y.what {
                            PeriodRef::Abs(Period::Fiscal { year, part: Part::Year }) if !y.comparison => {
                                Some(if outlook && q == 4 { year - 1 } else { year })
                            }
                            _ => None,
                        });
                    }
                    _ => {}
                }
            }
        }
    }
    if company.is_empty() {
        company = possessive_name(t).or_else(|| speaker_company(t)).unwrap_or_default();
    }
    if call.is_none() {
        // A quarter without a year, or a year without a quarter: the year
        // beside the quarter, else the most frequent year said in the opening.
        let year = quarter_year.or_else(|| most_frequent_year(&open));
        call = match (quarter_only, year) {
            (Some(q), Some(y)) => Some(Period::quarter(y, q)),
            (None, Some(y)) => Some(Period::year(y)),
            _ => None,
        };
    }
    Identity { company, call, currency: currency_of(t) }
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
    let speakers: Vec<String> = t.speakers.iter().map(|s| s.name.to_ascii_lowercase()).collect();
    for turn in t.turns.iter().take(60) {
        for p in &turn.paragraphs {
            for tok in lex::tokenize(&p.text, 0, p.text.len()) {
                let Some(w) = tok.text.strip_suffix("'s").or_else(|| tok.text.strip_suffix("’s")) else { continue };
                if tok.kind != Tok::Word || !w.starts_with(|c: char| c.is_uppercase()) || w.len() < 2 {
                    continue;
                }
                let lw = w.to_ascii_lowercase();
                if COMMON.contains(&lw.as_str()) || speakers.iter().any(|s| s.split(' ').any(|part| part == lw)) {
                    continue;
                }
                match counts.iter_mut().find(|(c, _)| *c == w) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((w.to_string(), 1)),
                }
            }
        }
    }
    // Rank the possessive names by how often the name is said at all.
    for (w, n) in counts.iter_mut() {
        *n = 0;
        for turn in t.turns.iter().take(60) {
            for p in &turn.paragraphs {
                *n += p.text.match_indices(w.as_str()).filter(|(i, _)| {
                    let before = p.text[..*i].chars().next_back();
                    let after = p.text[*i + w.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
                }).count();
            }
        }
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

fn most_frequent_year(sentences: &[String]) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for s in sentences {
        let toks = lex::tokenize(s, 0, s.len());
        if toks.iter().any(|x| x.is_any(&["outlook", "guidance", "forecast", "expect", "expects", "target"])) {
            continue;
        }
        for m in period::mentions(&toks) {
            if let PeriodRef::Abs(p) = m.what {
                if m.comparison {
                    continue;
                }
                if let Some(y) = p.year_number() {
                    match counts.iter_mut().find(|(c, _)| *c == y) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((y, 1)),
                    }
                }
            }
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, -y)).map(|(y, _)| y)
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
}
