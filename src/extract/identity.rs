//! Call identity: the company and the fiscal period of the call, from the
//! title lines or the operator's welcome ("Welcome to the Credo Q4 Fiscal
//! Year 2023 Earnings Conference Call"), and the reporting currency.

use super::lex::{self, Tok, Token};
use super::number;
use super::period::{self, PeriodRef};
use crate::facts::{Currency, Part, Period};
use crate::transcript::{Role, Transcript};

mod company;
use company::{possessive_name, speaker_company};

/// Who and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// Company name, empty when unknown.
    pub company: String,
    /// The call's period.
    pub call: Option<Period>,
    /// The call's quarter as its words point to it, told even when no year
    /// is (a call that says "the third quarter" but never which year's):
    /// the best guess a reader who gives the period starts from.
    pub quarter: Option<u8>,
    /// Reporting currency (most frequent explicit currency).
    pub currency: Currency,
}

impl Identity {
    /// The identity with the call's period `given` by the reader instead
    /// of the one read ("as if the text had said it"); `None` keeps it.
    pub fn given(self, given: Option<Period>) -> Identity {
        match given {
            Some(p) => {
                let quarter = match p.part() {
                    Some(Part::Quarter(q)) => Some(q),
                    _ => None,
                };
                Identity { call: Some(p), quarter, ..self }
            }
            None => self,
        }
    }
}

/// Words that end a company name in a welcome sentence.
const NAME_END: &[&str] = &[
    "first", "second", "third", "fourth", "fiscal", "fy", "q", "earnings", "conference", "financial", "quarterly",
    "results", "call", "full", "year", "annual", "investor", "teleconference", "webcast", "and", "for", "to", "interim",
    "half", "h", "business", "presentation", "announces", "reports",
];

/// Words of a call's period that may stand before the company's name in a welcome.
const PERIOD_WORDS: &[&str] = &["q", "quarter", "first", "second", "third", "fourth", "one", "two", "three", "four", "fiscal", "fy", "full", "year"];

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
    Identity { company, call: votes.decide(), quarter: votes.most_voted(), currency: currency_of(t) }
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
/// and every quarter and year the speakers name. The quarter is the most
/// voted one. The year is the one that best explains every dated mention:
/// each mention has a cue (said in a title, reported, a comparison base, an
/// outlook, a filed annual report ...) and each cue makes some distances
/// between the year said and the call's own likely ("versus the third quarter
/// of 2020" lies a year behind the call, "for 2022 we expect" at or after it,
/// "our Form 10-K for 2020" a year behind), so the call's year is the one
/// under which the mentions are the most likely together.
#[derive(Default)]
struct Votes {
    /// Votes for quarters 1..=4.
    quarter: [f64; 5],
    /// Every dated mention: its year, its quarter if it names one, its cue and its weight.
    dated: Vec<Dated>,
}

#[derive(Clone, Copy, Debug)]
struct Dated {
    year: i32,
    quarter: Option<u8>,
    cue: Cue,
    weight: f64,
}

/// How a dated mention relates to the call's own period.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cue {
    /// The title or welcome names the call.
    Title,
    /// Said in the past tense: the call's period, or one before it.
    Reported,
    /// Neither reported nor looking ahead.
    Plain,
    /// A comparison base ("versus the third quarter of 2020"): most often a year back.
    Base,
    /// A comparison base beside a "last year" one ("up 12% versus last year and 11% compared to
    /// the third quarter of 2019"): two years back.
    OlderBase,
    /// A comparison base in an outlook ("growth of 8% versus 2021"): the call's year.
    OutlookBase,
    /// Looking ahead ("we expect", "will", "by the end of 2022", "into 2022").
    Outlook,
    /// A filed report ("our Form 10-K for the year ended December 31, 2020"): the last completed
    /// year, or the quarter before the call's.
    Filed,
}

const OUTLOOK_WORDS: &[&str] = &[
    "expect", "expects", "expected", "expecting", "outlook", "guidance", "guide", "guiding", "forecast", "forecasting",
    "anticipate", "anticipates", "anticipated", "target", "targets", "targeting", "will", "plan", "plans", "planning",
    "project", "projects", "projected", "projecting", "projection", "projections", "sees", "next", "coming", "ahead",
    "goal", "goals", "upcoming", "remainder", "intend", "intends", "aim", "aims", "estimate", "estimated", "hope",
    "going", "look", "looking", "beyond", "future", "expectation", "expectations", "should", "would", "could",
    "potential", "priority", "priorities", "track",
];

/// Words right before a year that look ahead to it: "by the end of 2022", "into 2022", "through 2023".
const AHEAD_OF: &[&str] = &["by", "into", "until", "till", "toward", "towards", "beyond", "through"];

/// Words of a sentence that reports: results are said in the past tense.
const REPORTED: &[&str] = &[
    "was", "were", "had", "delivered", "reported", "achieved", "generated", "came", "ended", "grew", "rose", "fell",
    "declined", "increased", "decreased", "totaled", "posted", "recorded", "finished", "closed", "improved", "saw",
    "drove", "exceeded", "remained", "continued", "returned", "expanded", "did", "made",
];

/// Words before a period that make it a comparison base.
const BASE_CUES: &[&str] = &[
    "compared", "comparing", "comparison", "versus", "vs", "than", "against", "since", "relative", "pre", "above",
    "below", "considering", "exceeding", "surpassing", "lapping", "cycling",
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
        let reported = toks.iter().any(|x| x.is_any(REPORTED));
        // Elsewhere too, except that a sentence that reports looks ahead only after its outlook word
        // ("revenue was up from the first quarter of 2020, and we'll talk about why").
        let ahead = if weight == Weight::Title || reported { ahead } else if ahead < toks.len() { 0 } else { ahead };
        let lower = s.to_ascii_lowercase();
        let filed = ["10-k", "10-q", "annual report", "quarterly report", "20-f", "40-f"].iter().any(|w| lower.contains(w));
        let base = match weight {
            Weight::Title => 8.0,
            Weight::Opening => 1.5,
            Weight::Body => 1.0,
        };
        let mentions = period::mentions(&toks);
        // "up 12% versus last year and 11% compared to the third quarter of 2019": the dated base is older.
        let last_year_base = mentions.iter().any(|m| matches!(m.what, PeriodRef::PrevYear | PeriodRef::YearAgoQuarter(_)));
        // "787 basis points versus 2020 and 312 basis points versus 2019": the older of two bases is two years back.
        let latest_base = mentions.iter().filter(|m| m.comparison).filter_map(|m| year_of(m.what)).max();
        for (i, m) in mentions.iter().enumerate() {
            // "our first quarter results for 2021", "the fourth quarter and full year 2021": the year a few words on.
            let m = match (m.what, mentions.get(i + 1)) {
                (PeriodRef::Quarter(q), Some(n)) if n.first <= m.last + 3 && !n.comparison && toks[m.last..n.first].iter().all(|x| x.is_any(&["results", "earnings", "for", "of", "in", "financial", "and"])) => match n.what {
                    PeriodRef::Abs(Period::Fiscal { year, part: Part::Year }) => period::Mention { what: PeriodRef::Abs(Period::quarter(year, q)), ..*m },
                    _ => *m,
                },
                // "the first nine months of 2021": its year is evidence too.
                (PeriodRef::NineMonths, _) if toks[m.last - 1].kind == Tok::Num => {
                    let y = toks[m.last - 1].num as i32;
                    period::Mention { what: PeriodRef::Abs(Period::year(if y < 100 { 2000 + y } else { y })), ..*m }
                }
                _ => *m,
            };
            // "exceeding the previous high set in 2018": when a record was set is history, no
            // evidence of the call's year however far back.
            if m.first >= 2 && toks[m.first - 1].is("in") && toks[m.first - 2].is_any(&["set", "reached", "achieved", "established", "hit"]) {
                continue;
            }
            // "compared with 89% in the second quarter of 2020", "above our Q1 2020 results"
            let before = &toks[m.first.saturating_sub(7)..m.first];
            let cue = before.iter().rev().take_while(|x| !x.sym(';')).any(|x| x.is_any(BASE_CUES))
                // "over both the second quarter of 2020 and ...", "from 2019"
                || toks[m.first.saturating_sub(3)..m.first].iter().any(|x| x.is_any(&["over", "from"]))
                // "over the second quarter of 2020 and the second quarter of 2019": the second base too.
                || i > 0 && mentions[i - 1].comparison && toks[mentions[i - 1].last..m.first].iter().all(|x| x.is_any(&["and", "or", "the", "both", "in"]) || x.sym(','))
                // "from $25 million in the second quarter of 2019 to $31 million": the start of a change.
                || before.iter().any(|x| x.is("from")) && toks[m.last..].iter().take(6).any(|x| x.is("to"));
            let comparison = m.comparison || cue;
            // "by the end of 2022", "into 2022": a date ahead.
            let near = &toks[m.first.saturating_sub(4)..m.first];
            // "we will discuss our second quarter 2021 results": a period's results are reported.
            let results = toks[m.last..].iter().take(2).any(|x| x.is_any(&["results", "earnings"]));
            let outlook = !results && (m.first >= ahead || weight != Weight::Title && near.iter().any(|x| x.is_any(AHEAD_OF)));
            let cue = match (weight, comparison, outlook) {
                _ if filed && weight != Weight::Title && !outlook => Cue::Filed,
                (Weight::Title, false, false) => Cue::Title,
                (_, true, true) => Cue::OutlookBase,
                (_, true, false) if last_year_base || latest_base.is_some_and(|y| year_of(m.what).is_some_and(|x| x < y)) => Cue::OlderBase,
                (_, true, false) => Cue::Base,
                (_, false, true) => Cue::Outlook,
                (_, false, false) if reported => Cue::Reported,
                (_, false, false) => Cue::Plain,
            };
            let w = match cue {
                Cue::Title | Cue::Reported => base,
                Cue::Plain => 0.5 * base,
                Cue::Base | Cue::OlderBase | Cue::OutlookBase | Cue::Filed => 0.4 * base,
                Cue::Outlook => 0.1 * base,
            };
            // "We expect first-quarter EPS of ...": the call reports the quarter before.
            if outlook && !comparison {
                if let PeriodRef::Quarter(q) | PeriodRef::Abs(Period::Fiscal { part: Part::Quarter(q), .. }) = m.what {
                    self.quarter[if q == 1 { 4 } else { q as usize - 1 }] += 0.3 * base;
                }
            }
            match m.what {
                PeriodRef::Abs(Period::Fiscal { year, part: Part::Quarter(q) }) => {
                    if !comparison && cue != Cue::Filed {
                        self.quarter[q as usize] += w;
                    }
                    self.dated.push(Dated { year, quarter: Some(q), cue, weight: base });
                }
                PeriodRef::Quarter(q) if !comparison && cue != Cue::Filed => self.quarter[q as usize] += w * 0.8,
                // "up from last year's second quarter": the year-ago quarter is the call's quarter a year back.
                PeriodRef::YearAgoQuarter(q) if cue != Cue::Filed && !outlook => self.quarter[q as usize] += w * 0.8,
                PeriodRef::Abs(Period::Fiscal { year, part: Part::Year }) => self.dated.push(Dated { year, quarter: None, cue, weight: base }),
                _ => {}
            }
        }
    }

    /// The quarter voted most, if any was.
    fn most_voted(&self) -> Option<u8> {
        let (q, qw) = (1..=4u8).map(|q| (q, self.quarter[q as usize])).fold((0, 0.0), |a, b| if b.1 > a.1 { b } else { a });
        (qw > 0.0).then_some(q)
    }

    fn decide(&self) -> Option<Period> {
        let q = self.most_voted();
        // Candidate years: those said and their neighbours, each scored once per mention (linear).
        let mut candidates: Vec<i32> = self.dated.iter().flat_map(|d| [d.year - 1, d.year, d.year + 1]).collect();
        crate::order::sort(&mut candidates);
        candidates.dedup();
        let mut scores: Vec<(i32, f64)> = candidates.iter().map(|&y| (y, 0.0)).collect();
        for d in &self.dated {
            for (y, score) in &mut scores {
                *score += d.weight * likelihood(d, *y, q).ln();
            }
        }
        let year = scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?.0;
        Some(match q {
            Some(q) => Period::quarter(year, q),
            None => Period::year(year),
        })
    }
}

/// The fiscal year a mention names, if it names one.
fn year_of(what: PeriodRef) -> Option<i32> {
    match what {
        PeriodRef::Abs(Period::Fiscal { year, .. }) => Some(year),
        _ => None,
    }
}

/// The least likelihood any mention has.
const FLOOR: f64 = 0.005;

/// How likely a dated mention is if the call is quarter `q` (when known) of `year`.
fn likelihood(d: &Dated, year: i32, q: Option<u8>) -> f64 {
    let years = d.year - year;
    let p = match (d.quarter, q) {
        // In quarters from the call's: 0 is the call's quarter, -4 the year-ago one.
        (Some(dq), Some(q)) => {
            let n = 4 * years + dq as i32 - q as i32;
            match (d.cue, n) {
                (Cue::Title, 0) => 0.95,
                (Cue::Title, _) => FLOOR,
                (Cue::Reported, 0) => 0.6,
                (Cue::Reported, -3..=-1) => 0.06,
                (Cue::Reported, -4) => 0.1,
                (Cue::Reported, -8) => 0.03,
                (Cue::Reported, -7..=-5) => 0.01,
                (Cue::Reported, 1..=4) => 0.02,
                (Cue::Plain, 0) => 0.45,
                (Cue::Plain, -4..=-1) => 0.06,
                (Cue::Plain, 1..=4) => 0.05,
                (Cue::Plain, -8..=-5) => 0.02,
                (Cue::Base, -4) => 0.5,
                (Cue::Base, -1) => 0.15,
                (Cue::Base, -8) => 0.15,
                (Cue::Base, -3..=-2) => 0.04,
                (Cue::Base, 0) => 0.02,
                (Cue::OlderBase, -8) => 0.6,
                (Cue::OlderBase, -4 | -12) => 0.1,
                (Cue::OutlookBase, -4..=0) => 0.15,
                (Cue::Outlook, 1..=4) => 0.15,
                (Cue::Outlook, 0) => 0.1,
                (Cue::Outlook, 5..=8) => 0.03,
                // "we expect to return to third-quarter 2019 levels": an outlook names the past too.
                (Cue::Outlook, -4..=-1) => 0.03,
                (Cue::Outlook, -8..=-5) => 0.01,
                (Cue::Filed, -1) => 0.7,
                (Cue::Filed, 0) => 0.1,
                (Cue::Filed, -4..=-2) => 0.04,
                _ => FLOOR,
            }
        }
        // Years alone (or no quarter known): in years from the call's.
        _ => match (d.cue, years) {
            (Cue::Title, 0) => 0.95,
            (Cue::Title, _) => FLOOR,
            (Cue::Reported, 0) => 0.6,
            (Cue::Reported, -1) => 0.25,
            (Cue::Reported, -2) => 0.07,
            // A fourth-quarter call is held in the next year ("Early in 2021, we sold ...").
            (Cue::Reported, 1) if q == Some(4) => 0.1,
            (Cue::Reported, 1) => 0.02,
            (Cue::Reported, ..=-3) => 0.02,
            (Cue::Plain, 0) => 0.45,
            (Cue::Plain, -1) => 0.2,
            (Cue::Plain, 1) if q == Some(4) => 0.3,
            (Cue::Plain, 1) if q == Some(3) => 0.25,
            (Cue::Plain, 1) => 0.15,
            (Cue::Plain, -2) => 0.05,
            (Cue::Plain, 2) => 0.03,
            (Cue::Plain, ..=-3) => 0.02,
            (Cue::Base, -1) => 0.6,
            (Cue::Base, -2) => 0.2,
            (Cue::Base, 0) => 0.1,
            (Cue::Base, ..=-3) => 0.04,
            (Cue::OlderBase, -2) => 0.6,
            (Cue::OlderBase, -1 | -3) => 0.15,
            // "we expect full-year sales up 5% to 8% over 2020": the base of this year's outlook is
            // last year, of next year's (in a fourth-quarter call) this year.
            (Cue::OutlookBase, 0) if q == Some(4) => 0.6,
            (Cue::OutlookBase, -1) if q == Some(4) => 0.2,
            (Cue::OutlookBase, -1) => 0.6,
            (Cue::OutlookBase, 0 | -2) => 0.15,
            // An outlook in a fourth-quarter call is for the next year.
            (Cue::Outlook, 0) if q == Some(4) => 0.15,
            (Cue::Outlook, 1) if q == Some(4) => 0.6,
            // Late in the year the talk turns to the next one.
            (Cue::Outlook, 0 | 1) if q == Some(3) => 0.4,
            (Cue::Outlook, 0) => 0.55,
            (Cue::Outlook, 1) => 0.25,
            (Cue::Outlook, 2) => 0.08,
            (Cue::Outlook, 3..) => 0.03,
            (Cue::Outlook, -1) => 0.08,
            (Cue::Outlook, -2) => 0.04,
            (Cue::Outlook, ..=-3) => 0.02,
            (Cue::Filed, -1) => 0.85,
            (Cue::Filed, 0 | -2) => 0.05,
            _ => FLOOR,
        },
    };
    p.max(FLOOR)
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
    let welcome = t.iter().position(|x| x.is("welcome") || x.is("webcast"));
    for (k, tok) in t.iter().enumerate() {
        // "welcome to the ...", "webcast for ...", or after the call's words: "welcome to the First
        // Quarter Conference Call for Graco Inc."
        let after_call = (tok.is("for") || tok.is("of")) && welcome.is_some_and(|w| w < k) && k.checked_sub(1).is_some_and(|p| t[p].is_any(&["call", "webcast", "teleconference"]));
        let starts = (tok.is("to") || tok.is("for")) && t[..k].iter().rev().take(4).any(|x| x.is("welcome") || x.is("webcast"));
        if !starts && !after_call {
            continue;
        }
        let mut j = k + 1;
        while t.get(j).is_some_and(|x| x.is_any(&["the", "today's", "this", "our"])) {
            j += 1;
        }
        // The call's period before the name: "the Q1 2021 Franklin Covey Earnings Call", "the Quarter Two 2021 Cummins Inc."
        let mut p = j;
        while t.get(p).is_some_and(|x| x.kind == Tok::Num || x.sym('-') || x.is_any(PERIOD_WORDS)) {
            p += 1;
        }
        let a_period = t[j..p].iter().any(|x| x.is_any(&["q", "quarter", "fiscal", "fy", "year"]));
        if a_period && t.get(p).is_some_and(|x| x.kind == Tok::Word && x.text.starts_with(|c: char| c.is_uppercase()) && !x.is_any(NAME_END)) {
            j = p;
        }
        let mut end = j;
        while let Some(x) = t.get(end) {
            // The dot of initials goes on ("D.R. Horton", "A. O. Smith"); "Cummins Inc." ends.
            let initials = x.sym('.') && end > j && t[end - 1].end == x.start && (t[end - 1].text.len() == 1 || t[end - 1].text.contains('.'));
            // "First American", "First Horizon": an ordinal before a name's word, not "First Quarter".
            let named_ordinal = x.is_any(&["first", "second", "third", "fourth"])
                && t.get(end + 1).is_some_and(|n| n.kind == Tok::Word && n.start == x.end + 1 && n.text.starts_with(|c: char| c.is_uppercase()) && !n.is_any(NAME_END) && !n.is_any(&["quarter", "half"]));
            let stop = x.kind == Tok::Num || x.is_any(NAME_END) && !named_ordinal || x.sym(',') || x.sym('.') && !initials || x.sym('(')
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
    let s = s.trim().trim_end_matches("'s").trim_end_matches("’s").trim_end_matches(['\'', '’', '.']).trim().to_string();
    let s = s.strip_prefix("# ").unwrap_or(&s).to_string();
    (!s.is_empty() && s.chars().any(char::is_alphabetic)).then_some(s)
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

    /// A quarter named with no year anywhere: no period, but the quarter is told; a period
    /// given replaces the one read.
    #[test]
    fn a_quarter_without_a_year_is_a_guess() {
        let id = identify(&parse("Operator\nWelcome to the Acme third quarter earnings call.\nJane Doe - CFO\nRevenue in the third quarter was up.\n"));
        assert_eq!((id.call, id.quarter), (None, Some(3)));
        let given = id.clone().given(Some(Period::quarter(2021, 3)));
        assert_eq!((given.call, given.quarter, &given.company), (Some(Period::quarter(2021, 3)), Some(3), &id.company));
        assert_eq!(id.clone().given(None), id);
        assert_eq!(id.given(Some(Period::year(2021))).quarter, None);
        let id = identify(&parse("Operator\nWelcome to the Credo Q4 Fiscal Year 2023 Earnings Conference Call.\n"));
        assert_eq!((id.call, id.quarter), (Some(Period::quarter(2023, 4)), Some(4)));
    }

    /// With no title or welcome, the company is the name said in the possessive, ranked by how
    /// often it is said at all ("Lear" three times beats "GM's" once).
    #[test]
    fn company_from_possessives() {
        let text = "Lear's sales were up.\nGM's production fell.\nLear grew.\nAt Lear, we deliver.\nTotal sales were $5 billion.\n";
        assert_eq!(identify(&parse(text)).company, "Lear");
        // Said fewer than three times, no name is the company's.
        assert_eq!(identify(&parse("Lear's sales were up.\nTotal sales were $5 billion.\n")).company, "");
        // A name ending in s takes the apostrophe alone; a person praised by name is not the company.
        let text = "We thank Henry for his years. Henry's guidance shaped Rollins. Henry's legacy lives on. Henry retired.\nRollins' revenue grew. Rollins grew. At Rollins, we serve. Rollins, the leader.\n";
        assert_eq!(identify(&parse(text)).company, "Rollins");
        let text = "Winnebago Industries' revenue grew. Winnebago grew. At Winnebago, we build. Winnebago, the leader.\nThe Americas' sales rose.\n";
        assert_eq!(identify(&parse(text)).company, "Winnebago Industries");
    }

    /// A business the call says it acquired is not the company, however often
    /// it is said; a name said with the company's own people after it ("our
    /// Donaldson employees") is a candidate as a possessive is.
    #[test]
    fn an_acquisition_is_not_the_company() {
        let text = "We announced the acquisition of Solaris Biotech. Solaris is a designer of equipment. We can leverage Solaris' technology. \
                    Solaris bookings grew. Solaris' reputation is strong.\nIt was a good quarter for Donaldson. We thank our Donaldson employees. \
                    Donaldson and others share a vision.\nTotal sales were $761 million.\n";
        assert_eq!(identify(&parse(text)).company, "Donaldson");
        // Without the employees, no name is the company's (rather than the business bought).
        let text = text.replace("We thank our Donaldson employees.", "We thank them.");
        assert_eq!(identify(&parse(&text)).company, "");
        // "acquire IDEX-like businesses" buys no IDEX.
        let text = "We seek to acquire IDEX-like businesses. IDEX's culture is strong. The IDEX difference. At IDEX, we grow.\nSales were $5 billion.\n";
        assert_eq!(identify(&parse(text)).company, "IDEX");
        // "Our team", sentence-initial, names no one.
        let text = "Our employees delivered. Our teams grew. Our employees care.\nSales were $5 billion.\n";
        assert_eq!(identify(&parse(text)).company, "");
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
            // A filed annual report names the last completed year; bases beside "last year" lie two years back.
            ("Please refer to our Annual Report on Form 10-K for the year ended December 31, 2020.\nSales for the third quarter increased 22%.\nOrganic sales grew 12% versus last year and 11.7% compared to the third quarter of 2019.\n", "FY2021-Q3"),
            // Comparison bases the period grammar does not mark: "above", "over both", "from ... to".
            ("First quarter revenue was 8% above our Q1 2020 results.\nMargins grew over both the first quarter of 2020 and the first quarter of 2019.\nNet income rose from $25 million in the first quarter of 2019 to $31 million.\n", "FY2021-Q1"),
            // The base of this year's outlook is last year: "up 5% to 8% over 2020".
            ("Sales in the second quarter were up 9%.\nWe expect full-year sales to be up 5% to 8% over 2020.\nWe expect capex of $70 million in 2021.\n", "FY2021-Q2"),
            // Dates ahead without an outlook verb: "by the end of 2022", "into 2022"; a Q3 call looks to next year.
            ("Third quarter sales grew 5% compared to the third quarter of 2020.\nWe are on track to close 800 branches by the end of 2022.\nLooking into 2022, demand remains strong.\nIn 2022 we see further growth.\n", "FY2021-Q3"),
            // A fourth-quarter call is held in the next year: what it reports of that year is no outlook.
            ("Fourth quarter revenue increased 4% versus the fourth quarter of 2019.\nEarly in 2021, we sold our remaining stake.\nYear-to-date in 2021, we repurchased 1.3 million shares.\n", "FY2020-Q4"),
            // When a record was set is history: it votes for no year.
            ("Sales in the third quarter grew 11%.\nThe Industrial segment grew, with year-to-date sales exceeding the previous high set in 2018.\nProcess sales exceeded the previous high set in 2019.\nFor the remainder of 2021, we expect expense of $26 million.\nIt's anticipated that our pricing actions in 2022 will offset costs.\n", "FY2021-Q3"),
            // "will discuss our second quarter 2021 results": a period's results are reported, not guided.
            ("Operator\nThank you for standing by.\nJane Doe\nToday we will discuss our second quarter 2021 results.\nSales of $5 billion were up 12% versus 2019.\nIt is tempting to talk about 2022.\n", "FY2021-Q2"),
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
