//! Period mentions ("Q1 of fiscal '24", "the fourth quarter", "last year",
//! "for the year") and their resolution against the call's own period.

use super::lex::{phrase_at, Tok, Token};
use crate::facts::{Part, Period};

/// A period as the sentence says it, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodRef {
    /// A quarter or half with a year, or a year.
    Abs(Period),
    /// A quarter with no year ("Q1", "the third quarter").
    Quarter(u8),
    /// A half with no year ("the second half").
    Half(u8),
    /// "the quarter", "this quarter".
    ThisQuarter,
    /// "the year", "full year", "this fiscal year".
    ThisYear,
    /// "last quarter", "prior quarter".
    PrevQuarter,
    /// "last year", "a year ago", "prior year".
    PrevYear,
    /// "next quarter".
    NextQuarter,
    /// "next year".
    NextYear,
    /// A quarter of the year before the call's: "Q3 of last year", "the fourth quarter of the prior year".
    YearAgoQuarter(u8),
    /// "year-to-date", "YTD": the quarters of the year so far.
    YearToDate,
    /// "the first nine months": three quarters, which no period of ours names.
    NineMonths,
    /// "long-term".
    LongTerm,
}

/// A period mention in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// What it says.
    pub what: PeriodRef,
    /// Introduced by "from", "over", "versus", "compared to": the comparison base.
    pub comparison: bool,
    /// Dates only the figure of an earlier period it follows, recalled in
    /// passing ("following a 17.3% increase in Q3 of 2020"): not the
    /// sentence's period.
    pub recalled: bool,
}

const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("1st", 1),
    ("second", 2),
    ("2nd", 2),
    ("third", 3),
    ("3rd", 3),
    ("fourth", 4),
    ("4th", 4),
];

/// A year at `i`: "2023", "'23", "fiscal '23", "fiscal year 2023", "FY'22", "FY21", "FY 2023".
/// Returns (year, calendar, next index).
fn year_at(t: &[Token<'_>], i: usize) -> Option<(i32, bool, usize)> {
    let mut k = i;
    let mut calendar = false;
    let mut marked = false;
    if t.get(k).is_some_and(|x| x.is("fiscal") || x.is("FY") || x.is("F")) {
        marked = true;
        k += 1;
        if t.get(k).is_some_and(|x| x.is("year")) {
            k += 1;
        }
    } else if t.get(k).is_some_and(|x| x.is("calendar") || x.is("CY")) {
        marked = true;
        calendar = true;
        k += 1;
        if t.get(k).is_some_and(|x| x.is("year")) {
            k += 1;
        }
    }
    let apostrophe = t.get(k).is_some_and(|x| x.kind == Tok::Sym && matches!(x.text, "'" | "’" | "‘"));
    if apostrophe {
        k += 1;
    }
    let n = t.get(k)?;
    if n.kind != Tok::Num || n.text.contains(['.', ',']) {
        return None;
    }
    // "855-859-2056": a phone number, not a year.
    if k >= 2 && t[k - 1].sym('-') && t[k - 1].end == n.start && t[k - 2].kind == Tok::Num && t[k - 2].end == t[k - 1].start && t[k - 2].text.len() != 4 {
        return None;
    }
    let y = match n.text.len() {
        4 if (1990..=2100).contains(&(n.num as i32)) => n.num as i32,
        2 if apostrophe || marked && t.get(k - 1).is_some_and(|p| p.end == n.start || p.text.len() <= 2) => {
            2000 + n.num as i32
        }
        _ => return None,
    };
    // "2023 million" is not a year.
    if t.get(k + 1).is_some_and(|x| x.is_any(&["million", "billion", "thousand", "percent"]) || x.sym('%')) {
        return None;
    }
    Some((y, calendar, k + 1))
}

/// A quarter at `i`: "Q4", "4Q", "fourth quarter", "fiscal Q4", "Q4 fiscal '23", "Q1 of fiscal '24".
fn quarter_at(t: &[Token<'_>], i: usize) -> Option<(u8, usize)> {
    let a = t.get(i)?;
    let b = t.get(i + 1);
    if a.is("Q") {
        if let Some(n) = b.filter(|n| n.kind == Tok::Num && n.start == a.end && (1.0..=4.0).contains(&n.num) && n.text.len() == 1) {
            return Some((n.num as u8, i + 2));
        }
    }
    if a.kind == Tok::Num && a.text.len() == 1 && (1.0..=4.0).contains(&a.num) {
        if b.is_some_and(|q| q.is("Q") && q.start == a.end) {
            return Some((a.num as u8, i + 2));
        }
    }
    let &(_, q) = ORDINALS.iter().find(|(w, _)| a.is(w))?;
    let mut k = i + 1;
    // "first-quarter 2020"
    if t.get(k).is_some_and(|x| x.sym('-')) {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.is("fiscal")) && t.get(k + 1).is_some_and(|x| x.is("quarter")) {
        k += 1;
    }
    t.get(k).filter(|x| x.is("quarter")).map(|_| (q, k + 1))
}

fn half_at(t: &[Token<'_>], i: usize) -> Option<(u8, usize)> {
    let a = t.get(i)?;
    if a.is("H1") || a.is("H") && t.get(i + 1).is_some_and(|n| n.text == "1" && n.start == a.end) {
        return Some((1, if a.is("H1") { i + 1 } else { i + 2 }));
    }
    if a.is("H2") || a.is("H") && t.get(i + 1).is_some_and(|n| n.text == "2" && n.start == a.end) {
        return Some((2, if a.is("H2") { i + 1 } else { i + 2 }));
    }
    for (p, h) in [("first half", 1), ("second half", 2), ("back half", 2), ("front half", 1)] {
        if let Some(k) = phrase_at(t, i, p) {
            return Some((h, k));
        }
    }
    None
}

/// The year that may follow a quarter: "of fiscal '24", "fiscal '23", "2023", "of this year".
fn trailing_year(t: &[Token<'_>], k: usize) -> Option<(i32, bool, usize)> {
    let mut j = k;
    if t.get(j).is_some_and(|x| x.is("of") || x.is("in") || x.sym(',')) {
        j += 1;
    }
    year_at(t, j)
}

/// The quarter a year's possessive ends at token `k` names: "last year's
/// second quarter", "the prior year's strong Q2" (one word between at most).
fn possessive_quarter(t: &[Token<'_>], k: usize) -> Option<(u8, usize)> {
    let year = t.get(k.checked_sub(1)?)?;
    if !(year.text.ends_with("'s") || year.text.ends_with("’s")) {
        return None;
    }
    let mut j = k;
    if quarter_at(t, j).is_none() && t.get(j).is_some_and(|x| x.kind == Tok::Word && !x.is_any(&["fiscal", "full", "first", "second", "third", "fourth"])) {
        j += 1;
    }
    quarter_at(t, j)
}

/// All period mentions of a sentence.
pub fn mentions(t: &[Token<'_>]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !could_start(&t[i]) {
            i += 1;
            continue;
        }
        if let Some(mut m) = mention_at(t, i) {
            // "at year-end 2019", "from the end of 2019": the year said from its end, one mention.
            if matches!(m.what, PeriodRef::Abs(_)) {
                m.first = said_from_its_end(t, m.first).max(out.last().map_or(0, |p: &Mention| p.last));
            }
            // "up 18.5% through Q2", "through the second quarter": the year so far (not "from Q1 through Q3").
            let quarter = matches!(m.what, PeriodRef::Quarter(_) | PeriodRef::Abs(Period::Fiscal { part: Part::Quarter(_), .. }));
            let through = m.first.checked_sub(1 + usize::from(m.first >= 2 && t[m.first - 1].is("the")));
            if let Some(k) = through.filter(|&k| quarter && t[k].is_any(&["through", "thru"]) && !out.last().is_some_and(|p: &Mention| p.last + 1 >= k)) {
                m.what = PeriodRef::YearToDate;
                m.first = k;
            }
            // "the Q4 to Q1 order shift", "from quarter to quarter, Q4 to Q1": the first dates nothing.
            if let (PeriodRef::Quarter(_), Some(prev)) = (m.what, out.last_mut()) {
                if matches!(prev.what, PeriodRef::Quarter(_)) && prev.last + 1 == m.first && t[prev.last].is("to") {
                    prev.recalled = true;
                }
            }
            // "last year's (strong) second quarter": one period, a year back.
            if m.what == PeriodRef::PrevYear {
                if let Some((q, end)) = possessive_quarter(t, m.last) {
                    m.what = PeriodRef::YearAgoQuarter(q);
                    m.last = end;
                }
            }
            // "the first half of the year", "the second quarter of this year": one period.
            if m.what == PeriodRef::ThisYear {
                if let Some(prev) = out.last_mut().filter(|p: &&mut Mention| {
                    matches!(p.what, PeriodRef::Half(_) | PeriodRef::Quarter(_)) && p.last + 1 == m.first && t[p.last].is("of")
                }) {
                    prev.last = m.last;
                    i = m.last.max(i + 1);
                    continue;
                }
            }
            // "from fiscal '21's third quarter", "2020's second half": one period, a comparison if the year is.
            if let (PeriodRef::Quarter(_) | PeriodRef::Half(_), Some(prev)) = (m.what, out.last_mut()) {
                let between = &t[prev.last.min(m.first)..m.first];
                let possessive = between.len() == 2 && (between[0].sym('\'') || between[0].sym('’')) && between[1].is("s");
                if let (true, PeriodRef::Abs(Period::Fiscal { year, part: Part::Year })) = (possessive, prev.what) {
                    let part = match m.what {
                        PeriodRef::Quarter(q) => Part::Quarter(q),
                        PeriodRef::Half(h) => Part::Half(h),
                        _ => Part::Year,
                    };
                    prev.what = PeriodRef::Abs(Period::Fiscal { year, part });
                    prev.last = m.last;
                    i = m.last.max(i + 1);
                    continue;
                }
            }
            let mut comparison = is_comparison(t, m.first);
            // "versus 2020 revenue of $476 million and 2019 revenue of $426 million": a base
            // joined to the base before it is a base too.
            if let Some(prev) = out.last().filter(|p| p.comparison && m.first > p.last && m.first - p.last <= 8) {
                // ... or its figure: "compared to 2.6 at year-end 2019 and 2.4 at the end of the third quarter 2020".
                let gap = &t[prev.last..m.first];
                let and_its_figure = gap.first().is_some_and(|x| x.is("and")) && gap.len() <= 7 && !gap.iter().any(|x| x.is_any(&["was", "were", "is", "are"]));
                comparison |= (t[m.first - 1].is("and") || and_its_figure) && !gap.iter().any(|x| x.sym(',') || x.sym(';'));
            }
            // "from the $12.41 reported last year -- 2019": a period that restates the comparison before it.
            if let Some(prev) = out.last().filter(|p| p.comparison && m.first >= p.last && m.first <= p.last + 5) {
                // "compared to the full year ended December 31, 2019": the base's own date.
                comparison |= t[prev.last..m.first].iter().all(|x| x.kind != Tok::Word || x.is_any(&["in", "ended", "ending"]) || x.is_any(MONTHS));
            }
            // "the fourth quarter last year", "the same period last year": one comparison base.
            if matches!(m.what, PeriodRef::PrevYear | PeriodRef::PrevQuarter) {
                // "Q3 of last year", "the third quarter of the prior year": one period, a year back.
                if let Some(prev) = out.last_mut().filter(|p: &&mut Mention| {
                    m.what == PeriodRef::PrevYear && matches!(p.what, PeriodRef::Quarter(_)) && p.last + 1 == m.first && t[p.last].is("of")
                }) {
                    if let PeriodRef::Quarter(q) = prev.what {
                        prev.what = PeriodRef::YearAgoQuarter(q);
                        prev.last = m.last;
                        prev.comparison |= comparison;
                        i = m.last.max(i + 1);
                        continue;
                    }
                }
                if let Some(prev) = out.last_mut().filter(|p: &&mut Mention| p.last == m.first) {
                    comparison |= prev.comparison;
                    prev.comparison = comparison;
                    // "the first quarter a year ago", "the fourth quarter last year": that quarter a year back.
                    if let (PeriodRef::Quarter(q), PeriodRef::PrevYear) = (prev.what, m.what) {
                        prev.what = PeriodRef::YearAgoQuarter(q);
                        prev.last = m.last;
                        i = m.last.max(i + 1);
                        continue;
                    }
                }
                if (m.first.saturating_sub(3)..m.first).any(|k| t[k].is("same")) {
                    comparison = true;
                }
                // "to increase 20% to 25% to last year": "to" a year or quarter back is a comparison.
                if m.first > 0 && t[m.first - 1].is("to") {
                    comparison = true;
                }
            }
            out.push(Mention { comparison, ..m });
            i = m.last.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Where a year said from its end starts: "year-end 2019", "the end of 2019" (`first` is the year's).
fn said_from_its_end(t: &[Token<'_>], first: usize) -> usize {
    let w = |k: usize, s: &str| t[k].is(s);
    match first {
        k if k >= 3 && w(k - 1, "end") && t[k - 2].sym('-') && w(k - 3, "year") => k - 3,
        k if k >= 2 && w(k - 1, "end") && w(k - 2, "year") => k - 2,
        k if k >= 3 && w(k - 1, "of") && w(k - 2, "end") => k - 2 - usize::from(w(k - 3, "the")),
        // "at the end of the third quarter 2020"
        k if k >= 4 && w(k - 1, "the") && w(k - 2, "of") && w(k - 3, "end") => k - 3 - usize::from(w(k - 4, "the")),
        k => k,
    }
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/// Whether a period mention can start at this token (a cheap filter before the grammar).
fn could_start(tok: &Token<'_>) -> bool {
    const FIRST: &[&str] = &[
        "last", "prior", "previous", "preceding", "next", "coming", "this", "the", "current", "a", "year", "full",
        "long", "long-term", "fiscal", "annual", "fy", "f", "calendar", "cy", "q", "h", "h1", "h2", "first", "second", "third",
        "fourth", "1st", "2nd", "3rd", "4th", "back", "front", "one",
    ];
    match tok.kind {
        Tok::Num => true,
        Tok::Sym => matches!(tok.text, "'" | "’" | "‘"),
        Tok::Word => tok.text.len() <= 9 && tok.is_any(FIRST),
    }
}

fn x_an(x: Option<&Token<'_>>) -> bool {
    x.is_some_and(|x| x.is_any(&["a", "an", "the", "last", "our"]))
}

/// Words for a report of results: "highlights from", "results from".
const REPORTS: &[&str] = &["highlights", "results", "performance", "update", "review", "takeaways", "summary", "recap", "overview"];

fn is_comparison(t: &[Token<'_>], first: usize) -> bool {
    let prev = |n: usize| first.checked_sub(n).and_then(|k| t.get(k));
    let intro = ["from", "over", "versus", "vs", "than", "against", "since", "below", "above", "double", "twice", "triple"];
    let p1 = prev(1);
    let p2 = prev(2);
    let p3 = prev(3);
    // "highlights from our full year 2021", "results from the fourth quarter": "from" after a
    // word for a report names where the report is from, not a comparison base.
    let is_intro = |x: Option<&Token<'_>>| {
        x.is_some_and(|x| x.is_any(&intro))
            && !x.is_some_and(|x| {
                x.is("from") && t.get(first.saturating_sub(6)..first).is_some_and(|w| w.windows(2).any(|p| p[1].is("from") && p[0].is_any(REPORTS)))
            })
    };
    let is_the = |x: Option<&Token<'_>>| x.is_some_and(|x| x.is_any(&["the", "our", "a", "its", "same", "prior", "last", "comparable", "year-ago"]));
    // "over a strong third-quarter 2020", "versus a very difficult Q2": words that describe the base.
    let describes = |x: Option<&Token<'_>>| x.is_some_and(|x| x.kind == super::lex::Tok::Word && !x.is_any(&["in", "for", "during", "of", "and", "or", "to", "with", "at", "by", "we", "our"]) && !x.is_any(&intro));
    let p4 = prev(4);
    // "versus adjusted first quarter 2020", "from pro forma Q3 2019": a basis between the opener and the base.
    let basis = |x: Option<&Token<'_>>| x.is_some_and(|x| x.is_any(&["adjusted", "reported", "gaap", "non-gaap", "pro", "forma", "comparable", "organic"]));
    // "compared to $184.5 million at year-end 2019": the base's figure, then its date.
    let figure_at = p1.is_some_and(|x| x.is("at")) && t[first.saturating_sub(6)..first - 1].iter().any(|x| x.is_any(&["compared", "versus", "vs", "from"]));
    figure_at
        || is_intro(p1)
        || basis(p1) && is_intro(p2)
        || basis(p1) && basis(p2) && is_intro(p3)
        || is_the(p1) && is_intro(p2)
        || x_an(p2) && describes(p1) && is_intro(p3)
        || x_an(p3) && describes(p2) && describes(p1) && is_intro(p4)
        || is_the(p1) && is_the(p2) && is_intro(p3)
        // "compared to Q3", "flat to Q3 of last year", "in line with the prior year"
        || p1.is_some_and(|x| x.is_any(&["to", "with"])) && p2.is_some_and(|x| x.is_any(&["compared", "compares", "relative", "comparison", "flat", "line", "similar", "comparable", "consistent"]))
        // "10% ahead of last year", "behind the prior year"
        || p1.is_some_and(|x| x.is("of")) && p2.is_some_and(|x| x.is_any(&["ahead", "behind"]))
        || is_the(p1) && p2.is_some_and(|x| x.is("of")) && p3.is_some_and(|x| x.is_any(&["ahead", "behind"]))
        // "closer to 2019", "back to 2019 levels", "return to pre-pandemic 2019"
        || p1.is_some_and(|x| x.is("to")) && p2.is_some_and(|x| x.is_any(&["closer", "close", "back", "return", "returning", "returned", "recover", "recovered", "recovering"]))
        || is_the(p1) && p2.is_some_and(|x| x.is_any(&["to", "with"])) && p3.is_some_and(|x| x.is_any(&["compared", "compares", "relative"]))
}

fn mention_at(t: &[Token<'_>], i: usize) -> Option<Mention> {
    let m = |last: usize, what: PeriodRef| Some(Mention { first: i, last, what, comparison: false, recalled: false });
    // "Office 2024", "Windows 2019": a bare year after a name is part of the name.
    let named = t[i].kind == Tok::Num
        && i > 0
        && t[i - 1].kind == Tok::Word
        && t[i - 1].text.starts_with(|c: char| c.is_uppercase())
        && !t[i - 1].is_any(MONTHS)
        && !t[i - 1].is_any(&[
            "in", "for", "of", "from", "since", "by", "through", "during", "to", "fiscal", "calendar", "fy", "cy", "year",
            "until", "before", "after", "at", "and", "or", "versus", "vs", "than", "full", "our", "the", "this",
            "that", "its", "their", "last", "next", "a", "an", "with", "over", "into", "as", "on",
        ]);
    // "fiscal 2023 fourth quarter", "FY21 Q3"
    // "the MDC Holdings 2021 Third Quarter Earnings Call": a year before a quarter is a year.
    let named = named && year_at(t, i).is_none_or(|(_, _, k)| quarter_at(t, k).is_none() && half_at(t, k).is_none());
    // "our 2023 convertible notes", "the 2025 senior notes": a year before a debt instrument names it.
    let named = named
        || t[i].kind == Tok::Num
            && year_at(t, i).is_some_and(|(_, _, k)| t.get(k).is_some_and(|x| x.is_any(&["notes", "convertible", "convertibles", "senior", "bonds", "debentures", "maturities", "maturity", "tranche"])));
    if let Some((y, cal, k)) = year_at(t, i).filter(|_| !named) {
        let mut j = k;
        if t.get(j).is_some_and(|x| x.is("'s")) {
            j += 1;
        }
        if let Some((q, k2)) = quarter_at(t, j) {
            return m(k2, PeriodRef::Abs(mk(y, cal, Part::Quarter(q))));
        }
        if let Some((h, k2)) = half_at(t, j) {
            return m(k2, PeriodRef::Abs(mk(y, cal, Part::Half(h))));
        }
        return m(k, PeriodRef::Abs(mk(y, cal, Part::Year)));
    }
    // "fiscal Q4", "fiscal fourth quarter"
    let (fiscal, qi) = if t.get(i).is_some_and(|x| x.is("fiscal")) { (true, i + 1) } else { (false, i) };
    if let Some((q, k)) = quarter_at(t, qi) {
        if let Some((y, cal, k2)) = trailing_year(t, k) {
            return m(k2, PeriodRef::Abs(mk(y, cal, Part::Quarter(q))));
        }
        return m(k, PeriodRef::Quarter(q));
    }
    if fiscal {
        if let Some(k) = phrase_at(t, i, "fiscal year") {
            // "fiscal year" with no number: this year.
            return m(k, PeriodRef::ThisYear);
        }
    }
    if let Some((h, k)) = half_at(t, i) {
        if let Some((y, cal, k2)) = trailing_year(t, k) {
            return m(k2, PeriodRef::Abs(mk(y, cal, Part::Half(h))));
        }
        return m(k, PeriodRef::Half(h));
    }
    for (p, what) in [
        ("year to date", PeriodRef::YearToDate),
        ("ytd", PeriodRef::YearToDate),
        ("first nine months", PeriodRef::NineMonths),
        ("nine months ended", PeriodRef::NineMonths),
        ("first six months", PeriodRef::Half(1)),
        ("last quarter", PeriodRef::PrevQuarter),
        ("prior quarter", PeriodRef::PrevQuarter),
        ("previous quarter", PeriodRef::PrevQuarter),
        ("preceding quarter", PeriodRef::PrevQuarter),
        ("next quarter", PeriodRef::NextQuarter),
        ("coming quarter", PeriodRef::NextQuarter),
        ("this quarter", PeriodRef::ThisQuarter),
        ("the quarter", PeriodRef::ThisQuarter),
        ("current quarter", PeriodRef::ThisQuarter),
        ("last year", PeriodRef::PrevYear),
        ("prior year", PeriodRef::PrevYear),
        ("previous year", PeriodRef::PrevYear),
        ("last year's", PeriodRef::PrevYear),
        ("prior year's", PeriodRef::PrevYear),
        ("previous year's", PeriodRef::PrevYear),
        ("last year’s", PeriodRef::PrevYear),
        ("prior year’s", PeriodRef::PrevYear),
        ("a year ago", PeriodRef::PrevYear),
        ("one year ago", PeriodRef::PrevYear),
        ("year ago", PeriodRef::PrevYear),
        ("next year", PeriodRef::NextYear),
        ("next fiscal year", PeriodRef::NextYear),
        ("full year", PeriodRef::ThisYear),
        ("annual", PeriodRef::ThisYear),
        ("this year", PeriodRef::ThisYear),
        ("the year", PeriodRef::ThisYear),
        ("this fiscal year", PeriodRef::ThisYear),
        ("current year", PeriodRef::ThisYear),
        ("current fiscal year", PeriodRef::ThisYear),
        ("long term", PeriodRef::LongTerm),
        ("long-term", PeriodRef::LongTerm),
    ] {
        if let Some(k) = phrase_at(t, i, p) {
            // "year-to-date through Q2": one period.
            if what == PeriodRef::YearToDate && t.get(k).is_some_and(|x| x.is_any(&["through", "thru"])) {
                if let Some((_, k2)) = quarter_at(t, k + 1) {
                    return m(k2, what);
                }
            }
            // "year-over-year", "year on year" are comparisons, not periods.
            if t.get(k - 1).is_some_and(|x| x.is("year"))
                && (phrase_at(t, k, "over").is_some() || phrase_at(t, k, "on").is_some_and(|_| t.get(k + 1).is_some_and(|x| x.is("year"))))
            {
                return None;
            }
            if let Some((y, cal, k2)) = trailing_year(t, k).filter(|_| matches!(what, PeriodRef::ThisYear)) {
                return m(k2, PeriodRef::Abs(mk(y, cal, Part::Year)));
            }
            // "the first six months of 2020": that half; "in the quarter of 2020", "the first nine
            // months of 2021": the call's quarter, its nine months (no period of ours), their year said.
            if let Some((y, cal, k2)) = trailing_year(t, k).filter(|_| what == PeriodRef::Half(1)) {
                return m(k2, PeriodRef::Abs(mk(y, cal, Part::Half(1))));
            }
            if let Some((_, _, k2)) = trailing_year(t, k).filter(|_| matches!(what, PeriodRef::ThisQuarter | PeriodRef::NineMonths) && t[k].is("of")) {
                return m(k2, what);
            }
            return m(k, what);
        }
    }
    None
}

fn mk(year: i32, calendar: bool, part: Part) -> Period {
    if calendar {
        Period::Calendar { year, part }
    } else {
        Period::Fiscal { year, part }
    }
}

/// Resolves a mention against the call's period and the running context.
pub fn resolve(what: PeriodRef, call: Option<Period>, context: Option<Period>, guidance: bool) -> Option<Period> {
    let base = context.or(call);
    let call_year = call.and_then(|c| c.year_number()).or_else(|| base.and_then(|b| b.year_number()))?;
    let call_q = match call.and_then(|c| c.part()) {
        Some(Part::Quarter(q)) => Some(q),
        _ => None,
    };
    Some(match what {
        PeriodRef::Abs(p) => p,
        PeriodRef::LongTerm => Period::LongTerm,
        PeriodRef::Quarter(q) => {
            // A year in context counts, unless an actual would land after the call.
            let ctx_year = context.filter(|c| c.part() == Some(Part::Year) && (guidance || c.year_number().is_some_and(|y| y <= call_year)));
            let year = match (ctx_year, call_q) {
                (Some(c), _) => c.year_number().unwrap_or(call_year),
                // Guided, a quarter still to come this year, else next year's; the call's own
                // quarter is the one it reports ("pleased with our first quarter results" in an
                // outlook paragraph of a Q1 call), never the same quarter a year on.
                (None, Some(cq)) if guidance => {
                    if q >= cq {
                        call_year
                    } else {
                        call_year + 1
                    }
                }
                (None, Some(cq)) => {
                    if q <= cq {
                        call_year
                    } else {
                        call_year - 1
                    }
                }
                (None, None) => call_year,
            };
            Period::quarter(year, q)
        }
        PeriodRef::Half(h) => {
            // A half already over when guided ("the first half up 12% to 14%" said in a Q4 call) is next year's.
            let over = call_q.is_some_and(|q| q >= 2 * h);
            let year = match context.filter(|c| !(c.is_quarter() && guidance && over)).and_then(|c| c.year_number()) {
                Some(y) => y,
                None if guidance && over => call_year + 1,
                None => call_year,
            };
            Period::Fiscal { year, part: Part::Half(h) }
        }
        PeriodRef::ThisQuarter => match (context, call) {
            (Some(c), _) if c.is_quarter() => c,
            (_, Some(c)) if c.is_quarter() => c,
            _ => return None,
        },
        PeriodRef::ThisYear => match context {
            // "our full-year forecast", said in a Q4 call after talk of the year just ended: next year.
            Some(c) if c.part() == Some(Part::Year) && !(guidance && call_q == Some(4) && c.year_number() == Some(call_year)) => c,
            _ if guidance && call_q == Some(4) => Period::year(call_year + 1),
            _ => Period::year(call_year),
        },
        // Year-to-date is the quarter in a Q1 call, the first half in a Q2 call, the year in a Q4
        // call; nine months are no period of ours, and their figures are left out.
        PeriodRef::YearToDate => match call_q {
            Some(1) => Period::quarter(call_year, 1),
            Some(2) => Period::Fiscal { year: call_year, part: Part::Half(1) },
            Some(4) => Period::year(call_year),
            _ => return None,
        },
        PeriodRef::NineMonths => return None,
        PeriodRef::PrevQuarter => call.and_then(|c| c.prev_quarter())?,
        PeriodRef::NextQuarter => call.and_then(|c| c.next_quarter())?,
        // "last year" beside a quarter's figures is the year-ago quarter.
        PeriodRef::PrevYear => match call {
            Some(c) if c.is_quarter() && context.is_none_or(|x| x.is_quarter()) => c.prev_year()?,
            _ => Period::year(call_year - 1),
        },
        PeriodRef::NextYear => Period::year(call_year + 1),
        PeriodRef::YearAgoQuarter(q) => Period::quarter(call_year - 1, q),
    })
}

#[cfg(test)]
mod tests {
    use super::super::lex::tokenize;
    use super::*;

    fn check(s: &str, call: &str, guidance: bool) -> String {
        let t = tokenize(s, 0, s.len());
        let call: Option<Period> = call.parse().ok();
        mentions(&t)
            .iter()
            .map(|m| {
                let p = resolve(m.what, call, None, guidance).map_or("?".to_string(), |p| p.to_string());
                if m.comparison {
                    format!("vs {p}")
                } else {
                    p
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    #[test]
    fn period_table() {
        let cases = [
            ("In Q4, revenue", "FY2023-Q4", false, "FY2023-Q4"),
            ("revenue in Q1 of fiscal '24", "FY2023-Q4", true, "FY2024-Q1"),
            ("the Q1 gross margin", "FY2023-Q4", true, "FY2024-Q1"),
            ("up from 72 days in Q3", "FY2023-Q4", false, "FY2023-Q3"),
            ("Revenue for fiscal year '23 was", "FY2023-Q4", false, "FY2023"),
            ("up 73% over fiscal '22", "FY2023-Q4", false, "vs FY2022"),
            ("up 7.5% from one year ago", "FY2023-Q4", false, "vs FY2022-Q4"),
            ("a decrease of $15.2 million from the third quarter", "FY2023-Q4", false, "vs FY2023-Q3"),
            // The year so far: the first half in a Q2 call, the year in a Q4 call, none in a Q3 call.
            ("cash from operations of $1.3 billion year-to-date through Q2", "FY2023-Q2", false, "FY2023-H1"),
            ("up 62 basis points year-to-date", "FY2023-Q4", false, "FY2023"),
            ("for the first six months", "FY2023-Q3", false, "FY2023-H1"),
            // Nine months or six said with their year are one mention: no year of their own.
            ("For the first nine months of 2023, cash from operating activities", "FY2023-Q3", false, "?"),
            ("For the first six months of 2022, cash from operating activities", "FY2023-Q3", false, "FY2022-H1"),
            ("free cash flow up 18.5% year-over-year through Q2", "FY2023-Q2", false, "FY2023-H1"),
            ("sales through the third quarter", "FY2023-Q3", false, "?"),
            // A year said from its end; "the quarter of 2023" is one period.
            ("compared to $184.5 million at year-end 2022", "FY2023-Q4", false, "vs FY2022"),
            ("decreased $13.9 million from the end of 2022", "FY2023-Q4", false, "vs FY2022"),
            ("ratio of 12.1% compared to 22.1% at year-end 2022", "FY2023-Q4", false, "vs FY2022"),
            ("turns of 2.4 compared to 2.6 at year-end 2022 and 2.4 at the end of the third quarter 2023", "FY2023-Q4", false, "vs FY2022, vs FY2023-Q3"),
            ("the Q4 to Q1 order shift", "FY2024-Q1", false, "FY2023-Q4, FY2024-Q1"),
            ("revenue of $93.4 million in the quarter of 2023", "FY2023-Q4", false, "FY2023-Q4"),
            // Words that describe the base between "over" and its period.
            ("a 9.5% sequential gain over a strong third-quarter 2023 sales performance", "FY2023-Q4", false, "vs FY2023-Q3"),
            ("growth versus a very difficult Q3", "FY2023-Q4", false, "vs FY2023-Q3"),
            ("revenue grew over 5% in the third quarter", "FY2023-Q4", false, "FY2023-Q3"),
            // A basis between the opener and its period: the base still.
            ("increased 240 basis points versus adjusted first quarter 2020 margins", "FY2021-Q1", false, "vs FY2020-Q1"),
            ("down 5% from pro forma Q3 2019 sales", "FY2020-Q3", false, "vs FY2019-Q3"),
            ("Gross margin for the year was 58.0%", "FY2023-Q4", false, "FY2023"),
            ("up 5% year-over-year", "FY2023-Q4", false, ""),
            ("$8.3 million below last year", "FY2023-Q4", false, "vs FY2022-Q4"),
            ("the fourth quarter of fiscal 2021", "FY2021-Q4", false, "FY2021-Q4"),
            ("Q3 FY'22 results", "FY2022-Q3", false, "FY2022-Q3"),
            ("FY21 Q3 consolidated sales", "FY2021-Q3", false, "FY2021-Q3"),
            ("second half of calendar '24", "FY2023-Q4", false, "CY2024-H2"),
            ("full year 2022 guidance", "FY2021-Q4", true, "FY2022"),
            ("for the full year we expect", "FY2021-Q4", true, "FY2022"),
            ("for the first quarter we guide", "FY2025-Q4", true, "FY2026-Q1"),
            ("our long-term model", "FY2023-Q4", false, "LT"),
            ("in 2023 million", "FY2023-Q4", false, ""),
            ("higher Office 2024 purchasing", "FY2025-Q4", false, ""),
            ("our first-quarter 2020 results", "FY2020-Q1", false, "FY2020-Q1"),
            ("the 2021 First Quarter", "FY2021-Q1", false, "FY2021-Q1"),
        ];
        let mut bad = Vec::new();
        for (s, call, g, want) in cases {
            let got = check(s, call, g);
            if got != want {
                bad.push(format!("{s:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    }
}
