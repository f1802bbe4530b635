//! The number grammar: "$32.1 million", "58% to 60%", "94 basis points",
//! "between $33 million and $35 million", "¥3 trillion, 31.3 billion",
//! "negative $15.7 million", "(3.4)", "nine percent", "flat".
//!
//! One function per rule, over the tokens of one sentence.

use super::lex::{Tok, Token};
use crate::facts::Currency;

mod ranges;
pub use ranges::{figures, ranging_from};

/// The unit of a figure as written, before it is bound to a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// Money in a currency; `explicit` when a symbol or currency word was written.
    Money {
        /// The currency.
        cur: Currency,
        /// Whether the currency was written (not only a scale word).
        explicit: bool,
    },
    /// Money per share.
    PerShare(Currency),
    /// Percent.
    Percent,
    /// Basis points.
    Bp,
    /// Percentage points.
    Pp,
    /// Days.
    Days,
    /// Shares.
    Shares,
    /// A multiple.
    Times,
}

/// A figure found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The value (or range midpoint), in base units.
    pub value: f64,
    /// Range ends.
    pub range: Option<(f64, f64)>,
    /// Unit as written.
    pub dim: Dim,
    /// Half a unit of the last written digit, in base units (for merging).
    pub tolerance: f64,
    /// "about", "roughly", "just over" ...
    pub approx: bool,
    /// Written negative: "negative", "minus", "(3.4)".
    pub negative: bool,
    /// A change said in words: "flat" (0%), "doubled" (+100%), "tripled" (+200%).
    pub implied: bool,
    /// The earlier range of a revision: "from $2.40 to $2.60 to $2.55 to $2.65".
    pub replaced: bool,
    /// A change range whose ends carry their own directions: "between a 4%
    /// decline and a 1% increase" is -4..1 (`implied` too: a change).
    pub signed: bool,
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
}

impl Figure {
    /// A plain figure of tokens `first..last`: one value, no range, nothing
    /// said about it beyond its unit.
    pub(crate) fn plain(value: f64, dim: Dim, tolerance: f64, first: usize, last: usize) -> Figure {
        Figure { value, range: None, dim, tolerance, approx: false, negative: false, implied: false, replaced: false, signed: false, first, last }
    }
}

const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("tn", 1e12),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("million", 1e6),
    ("millions", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mm", 1e6),
    ("thousand", 1e3),
    ("crore", 1e7),
    ("crores", 1e7),
    ("cr", 1e7),
    ("lakh", 1e5),
    ("lakhs", 1e5),
];

/// Scale words that only count when glued to the number ("32.1M", "5B", "40K").
const GLUED_SCALES: &[(&str, f64)] = &[("m", 1e6), ("b", 1e9), ("k", 1e3), ("bn", 1e9), ("mn", 1e6), ("t", 1e12)];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("usd", "USD"),
    ("yen", "JPY"),
    ("jpy", "JPY"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("won", "KRW"),
    ("krw", "KRW"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("inr", "INR"),
    ("cedi", "GHS"),
    ("cedis", "GHS"),
    ("ghs", "GHS"),
    ("rmb", "CNY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("cny", "CNY"),
    ("pounds", "GBP"),
    ("gbp", "GBP"),
    ("francs", "CHF"),
    ("chf", "CHF"),
    ("ntd", "TWD"),
    ("twd", "TWD"),
    ("nt", "TWD"),
];

const SPELLED: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
];

const APPROX: &[&str] = &[
    "about", "approximately", "roughly", "around", "nearly", "almost", "over", "under", "approx", "some", "circa",
    "~",
];

/// A bare number: digits or spelled-out words ("twenty-five"). Returns (value, decimals, next index).
fn bare_number(t: &[Token<'_>], i: usize) -> Option<(f64, u32, usize)> {
    let tok = t.get(i)?;
    if tok.kind == Tok::Num && tok.num.is_finite() {
        // ASR spacing "22. 9": a number, a lone dot and one more digit group.
        return Some((tok.num, tok.decimals(), i + 1));
    }
    let word = |k: usize| t.get(k).and_then(|x| SPELLED.iter().find(|(w, _)| x.is(w)).map(|&(_, v)| v));
    let first = word(i)?;
    if first == 100.0 {
        return None;
    }
    let mut v = first;
    let mut k = i + 1;
    // twenty-five / twenty five
    if first >= 20.0 && first % 10.0 == 0.0 {
        let mut j = k;
        if t.get(j).is_some_and(|x| x.sym('-')) {
            j += 1;
        }
        if let Some(u) = word(j).filter(|u| *u < 10.0) {
            v += u;
            k = j + 1;
        }
    }
    if t.get(k).is_some_and(|x| x.is("hundred")) {
        v *= 100.0;
        k += 1;
    }
    Some((v, 0, k))
}

fn currency_prefix(t: &[Token<'_>], i: usize) -> Option<(Currency, usize)> {
    let tok = t.get(i)?;
    let sym = |c: &str| -> Option<Currency> {
        Some(match c {
            "$" => Currency::USD,
            "€" => Currency(*b"EUR"),
            "¥" | "￥" => Currency(*b"JPY"),
            "£" => Currency(*b"GBP"),
            "₹" => Currency(*b"INR"),
            "₩" => Currency(*b"KRW"),
            _ => return None,
        })
    };
    if tok.kind == Tok::Sym {
        return sym(tok.text).map(|c| (c, i + 1));
    }
    // US$, C$, NT$, A$, R$, HK$
    if tok.kind == Tok::Word && t.get(i + 1).is_some_and(|n| n.sym('$') && n.start == tok.end) {
        let code = match tok.text.to_ascii_uppercase().as_str() {
            "US" => "USD",
            "C" | "CA" | "CAD" => "CAD",
            "A" | "AU" => "AUD",
            "NT" => "TWD",
            "HK" => "HKD",
            "R" => "BRL",
            "S" => "SGD",
            _ => return None,
        };
        return Currency::from_code(code).map(|c| (c, i + 2));
    }
    if tok.kind == Tok::Word {
        let up = tok.text.to_ascii_uppercase();
        if matches!(up.as_str(), "USD" | "EUR" | "JPY" | "INR" | "RMB" | "CNY" | "KRW" | "GBP" | "RS" | "TWD" | "NTD" | "CHF") {
            let code = match up.as_str() {
                "RMB" => "CNY",
                "RS" => "INR",
                "NTD" => "TWD",
                c => c,
            };
            if t.get(i + 1).is_some_and(|n| n.kind == Tok::Num) {
                return Currency::from_code(code).map(|c| (c, i + 1));
            }
        }
    }
    None
}

fn scale_at(t: &[Token<'_>], i: usize, prev_end: usize) -> Option<(f64, usize)> {
    let tok = t.get(i)?;
    if tok.kind != Tok::Word {
        return None;
    }
    if let Some(&(_, s)) = SCALES.iter().find(|(w, _)| tok.is(w)) {
        // "lakh crores" = 1e12
        if s == 1e5 && t.get(i + 1).is_some_and(|n| n.is("crore") || n.is("crores")) {
            return Some((1e12, i + 2));
        }
        return Some((s, i + 1));
    }
    if tok.start == prev_end {
        if let Some(&(_, s)) = GLUED_SCALES.iter().find(|(w, _)| tok.is(w)) {
            return Some((s, i + 1));
        }
    }
    None
}

fn currency_suffix(t: &[Token<'_>], i: usize) -> Option<(Currency, usize)> {
    let tok = t.get(i)?;
    // "U.S. dollars"
    if tok.is("U.S") || tok.is("US") {
        let mut k = i + 1;
        if t.get(k).is_some_and(|x| x.sym('.')) {
            k += 1;
        }
        if t.get(k).is_some_and(|x| x.is("dollars") || x.is("dollar")) {
            return Some((Currency::USD, k + 1));
        }
    }
    let &(_, code) = CURRENCY_WORDS.iter().find(|(w, _)| tok.is(w))?;
    if code == "TWD" && tok.is("nt") {
        return None;
    }
    Currency::from_code(code).map(|c| (c, i + 1))
}

/// Unit words after a number: %, percent, basis points, percentage points, days, shares, x.
fn unit_suffix(t: &[Token<'_>], i: usize, prev_end: usize) -> Option<(Dim, usize)> {
    use super::lex::phrase_at;
    let tok = t.get(i)?;
    if tok.sym('%') || tok.text == "％" {
        return Some((Dim::Percent, i + 1));
    }
    for (p, d) in [
        ("percentage points", Dim::Pp),
        ("percentage point", Dim::Pp),
        ("percentage pts", Dim::Pp),
        ("pct points", Dim::Pp),
        ("pct pts", Dim::Pp),
        ("ppts", Dim::Pp),
        ("pp", Dim::Pp),
        ("pts", Dim::Pp),
        ("points", Dim::Pp),
        ("point", Dim::Pp),
        ("percent", Dim::Percent),
        ("per cent", Dim::Percent),
        ("pct", Dim::Percent),
        ("basis points", Dim::Bp),
        ("basis point", Dim::Bp),
        ("basis", Dim::Bp),
        ("bps", Dim::Bp),
        ("bp", Dim::Bp),
        ("bips", Dim::Bp),
        ("days", Dim::Days),
        ("day", Dim::Days),
        ("shares", Dim::Shares),
        ("times", Dim::Times),
    ] {
        if let Some(k) = phrase_at(t, i, p) {
            return Some((d, k));
        }
    }
    if tok.is("x") && tok.start == prev_end {
        return Some((Dim::Times, i + 1));
    }
    None
}

/// "in Q4 to $1.133 billion", "B2B sales": digits at `k` glued to a letter before them are a
/// name's ("Q4", "H1", "FY21", "B2B"), no amount.
pub(super) fn glued_to_name(t: &[Token<'_>], k: usize) -> bool {
    k > 0 && t[k - 1].end == t[k].start && t[k - 1].is_any(&["q", "h", "fy", "cy", "b", "c", "f"])
}

/// A single amount at token `i`: [sign] [currency] number [scale] [currency] [unit].
pub fn amount(t: &[Token<'_>], i: usize) -> Option<Figure> {
    let mut k = i;
    let mut negative = false;
    // "(3.4)" accounting negatives are handled after the number.
    let paren = t.get(k).is_some_and(|x| x.sym('('));
    if paren {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.sym('-') || x.text == "−") && t.get(k + 1).is_some_and(|n| n.start == t[k].end) {
        negative = true;
        k += 1;
    }
    let mut cur = None;
    if let Some((c, n)) = currency_prefix(t, k) {
        cur = Some(c);
        k = n;
    }
    if cur.is_some() && t.get(k).is_some_and(|x| x.sym('-') || x.text == "−") {
        negative = true;
        k += 1;
    }
    let (mut value, decimals, n) = bare_number(t, k)?;
    if cur.is_none() && glued_to_name(t, k) {
        return None;
    }
    let num_tok = k;
    k = n;
    let mut paren = paren;
    if paren && t.get(k).is_some_and(|x| x.sym(')')) {
        negative = true;
        paren = false;
        k += 1;
    }
    let mut unit_scale = 1.0;
    if let Some((s, n)) = scale_at(t, k, t[k - 1].end) {
        value *= s;
        unit_scale = s;
        k = n;
        // "3 trillion, 31.3 billion yen"
        if s >= 1e9 {
            let mut j = k;
            if t.get(j).is_some_and(|x| x.sym(',')) {
                j += 1;
            }
            if let Some((v2, _, n2)) = bare_number(t, j) {
                if let Some((s2, n3)) = scale_at(t, n2, t[n2 - 1].end).filter(|(s2, _)| *s2 < s) {
                    if v2 * s2 < s {
                        value += v2 * s2;
                        unit_scale = s2;
                        k = n3;
                    }
                }
            }
        }
    }
    let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) * unit_scale;
    if paren {
        if t.get(k).is_some_and(|x| x.sym(')')) {
            negative = true;
            k += 1;
        } else {
            return None;
        }
    }
    if let Some((c, n)) = currency_suffix(t, k) {
        cur = Some(c);
        k = n;
    }
    let dim = if let Some((d, n)) = unit_suffix(t, k, t[k - 1].end) {
        k = n;
        match d {
            Dim::Shares => Dim::Shares,
            _ if cur.is_some() => return None,
            d => d,
        }
    } else if let Some(c) = cur {
        if let Some(end) = per_share_at(t, k) {
            // "$1.87 net loss per diluted share"
            if t[k..end].iter().any(|x| x.is_any(&["loss", "losses"])) {
                negative = true;
            }
            k = end;
            Dim::PerShare(c)
        } else {
            Dim::Money { cur: c, explicit: true }
        }
    } else if unit_scale > 1.0 {
        Dim::Money { cur: Currency::USD, explicit: false }
    } else {
        return None;
    };
    // Spelled-out numbers only count with a unit or a scale ("nine percent", "one trillion").
    if t[num_tok].kind != Tok::Num && !matches!(dim, Dim::Percent | Dim::Bp | Dim::Pp) && unit_scale < 1e6 {
        return None;
    }
    Some(Figure { negative, ..Figure::plain(if negative { -value } else { value }, dim, tolerance, i, k) })
}

/// The per-share tail after an amount: "per share", "a share", "per diluted
/// common share", "per fully diluted share", "of diluted earnings per share",
/// "diluted earnings per share", "net loss per diluted share", "per adjusted
/// diluted share". Returns the index past it.
fn per_share_at(t: &[Token<'_>], i: usize) -> Option<usize> {
    // Words that may stand between the amount and "per", and between "per" and "share".
    const BEFORE_PER: &[&str] = &[
        "of", "in", "diluted", "basic", "adjusted", "gaap", "non-gaap", "reported", "net", "earnings", "income", "loss",
        "losses", "operating", "core", "normalized", "comparable", "cash", "distributable",
    ];
    let mut k = i;
    let mut before = 0;
    while before < 4 && t.get(k).is_some_and(|x| x.is_any(BEFORE_PER) || x.sym('-')) {
        k += 1;
        before += 1;
    }
    // "of earnings": only with "per ... share" to follow; "a share" only right after the amount.
    if before == 0 && t.get(k).is_some_and(|x| x.is("a")) {
        return t.get(k + 1).is_some_and(|x| x.is("share")).then_some(k + 2);
    }
    per_share_unit(t, k)
}

/// "per share", "per diluted common share", "per fully diluted share" at `k`:
/// the index past it. The one grammar of the unit, for amounts ("$0.41 per
/// share") and for metric names ("net income per diluted share").
pub fn per_share_unit(t: &[Token<'_>], k: usize) -> Option<usize> {
    const QUALIFIERS: &[&str] = &["diluted", "basic", "common", "fully", "adjusted", "weighted", "average", "ordinary", "class", "dilutive"];
    if !t.get(k).is_some_and(|x| x.is("per")) {
        return None;
    }
    let mut j = k + 1;
    while j < k + 4 && t.get(j).is_some_and(|x| x.is_any(QUALIFIERS) || x.sym('-')) {
        j += 1;
    }
    t.get(j).is_some_and(|x| x.is_any(&["share", "shares"])).then_some(j + 1)
}


#[cfg(test)]
mod tests;
