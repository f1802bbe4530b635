//! The number grammar: "$32.1 million", "58% to 60%", "94 basis points",
//! "between $33 million and $35 million", "¥3 trillion, 31.3 billion",
//! "negative $15.7 million", "(3.4)", "nine percent", "flat".
//!
//! One function per rule, over the tokens of one sentence.

use super::lex::{Tok, Token};
use crate::facts::Currency;

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
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
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
    Some(Figure {
        value: if negative { -value } else { value },
        range: None,
        dim,
        tolerance,
        approx: false,
        negative,
        implied: false,
        replaced: false,
        first: i,
        last: k,
    })
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

/// "$155 to $165 million", "between $4.9 and $5.1 billion": the scale said
/// once, at the second end, is the first end's too (when that keeps the first
/// end below the second and within a factor of five of it).
fn carry_scale(t: &[Token<'_>], a: &mut Figure, b: &Figure) {
    let num = |f: &Figure| t[f.first..f.last].iter().find(|x| x.kind == Tok::Num).map_or(0.0, |x| x.num);
    let (a_num, b_num) = (num(a), num(b));
    if !matches!((a.dim, b.dim), (Dim::Money { .. }, Dim::Money { .. })) || a_num == 0.0 || b_num == 0.0 {
        return;
    }
    let scale = b.value.abs() / b_num.abs();
    if a.value.abs() == a_num.abs() && scale >= 1000.0 && a_num.abs() * scale <= b.value.abs() && a_num.abs() * scale >= b.value.abs() * 0.2 {
        a.value *= scale;
        a.tolerance *= scale;
    }
}

/// "range from", "ranging from", "in the range from": `from` at `k` opens a range, not a comparison base.
pub fn ranging_from(t: &[Token<'_>], k: usize) -> bool {
    t[k].is("from") && k > 0 && t[k - 1].is_any(&["range", "ranging", "ranges", "ranged", "vary", "varying"])
}

/// Whether two amounts can form a range (same kind of unit).
fn compatible(a: Dim, b: Dim) -> bool {
    match (a, b) {
        (Dim::Money { cur: x, .. }, Dim::Money { cur: y, .. }) => x == y || x == Currency::USD || y == Currency::USD,
        // "$2.35 to $2.47 per share": the unit said once, after the second end.
        (Dim::Money { cur: x, .. } | Dim::PerShare(x), Dim::PerShare(y)) | (Dim::PerShare(x), Dim::Money { cur: y, explicit: true }) => x == y,
        (x, y) => x == y,
    }
}

/// A bare number that takes its unit from the range end after it ("58 to 60%", "1.3 to 1.7 billion").
fn range_head(t: &[Token<'_>], i: usize) -> Option<(f64, u32, usize, bool)> {
    let mut k = i;
    let dollar = t.get(k).is_some_and(|x| x.sym('$'));
    if dollar {
        k += 1;
    }
    let tok = t.get(k)?;
    if tok.kind != Tok::Num {
        return None;
    }
    Some((tok.num, tok.decimals(), k + 1, dollar))
}

/// All figures of a sentence, left to right, ranges folded.
///
/// At each token the grammar tries, in order: a range said with "between" or
/// "in the range of" ([`between_range`]), a range replaced by another
/// ([`replaced_range`]), a change said in words ([`implied_change`]), then an
/// amount with its range or tolerance ([`amount_at`]); last, each figure's
/// approximation and a sign written before it ([`mark_signs`]).
pub fn figures(t: &[Token<'_>]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let read = between_range(t, i, &mut out).or_else(|| replaced_range(t, i, &mut out)).or_else(|| implied_change(t, i, &mut out));
        i = match read {
            Some(next) => next,
            None => amount_at(t, i, &mut out),
        };
    }
    mark_signs(t, &mut out);
    out
}

/// "between A and B", "between a loss of A and a loss of B", "in the range of
/// A and B": pushes the range and returns where reading goes on.
fn between_range(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
    if !(t[i].is("between") || t[i].is("of") && i > 0 && t[i - 1].is("range")) {
        return None;
    }
    let (na, ia) = loss_prefix(t, i + 1);
    let mut a = amount(t, ia).or_else(|| head_with_unit_of_next(t, ia, &["and", "to"]))?;
    if !t.get(a.last).is_some_and(|x| x.is("and") || x.is("to")) {
        return None;
    }
    let (nb, ib) = loss_prefix(t, a.last + 1);
    let mut b = amount(t, ib)?;
    carry_scale(t, &mut a, &b);
    if !compatible(a.dim, b.dim) {
        return None;
    }
    if na {
        a.value = -a.value.abs();
        a.negative = true;
    }
    if nb {
        b.value = -b.value.abs();
        b.negative = true;
    }
    out.push(range(a, b, i));
    Some(b.last)
}

/// "from $2.40 to $2.60 per share to $2.55 to $2.65 per share", "from
/// $10.55-$11.15 to $11.40-$12.00": a range replaced by another; pushes both,
/// the earlier one marked `replaced`.
fn replaced_range(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
    if !(t[i].is("from") && !ranging_from(t, i)) {
        return None;
    }
    let old = simple_range(t, i + 1)?;
    let new = t.get(old.last).filter(|x| x.is("to")).and_then(|_| simple_range(t, old.last + 1))?;
    if !(compatible(old.dim, new.dim) || compatible(new.dim, old.dim)) {
        return None;
    }
    out.push(Figure { replaced: true, ..old });
    out.push(new);
    Some(new.last)
}

/// A change said in words: "flat" (0%), "doubled" (+100%), "tripled"
/// (+200%); "flat to down 6%", "flat to slightly up 2%": a change between
/// none and the amount.
fn implied_change(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
    let value = if t[i].is("flat") {
        0.0
    } else if t[i].is_any(&["doubled", "doubling"]) {
        100.0
    } else if t[i].is_any(&["tripled", "tripling"]) {
        200.0
    } else {
        return None;
    };
    if value == 0.0 && t.get(i + 1).is_some_and(|x| x.is("to")) {
        let mut k = i + 2;
        if t.get(k).is_some_and(|x| x.is_any(&["slightly", "modestly"])) {
            k += 1;
        }
        let down = t.get(k).is_some_and(|x| x.is_any(&["down", "lower"]));
        if down || t.get(k).is_some_and(|x| x.is_any(&["up", "higher"])) {
            if let Some(b) = amount(t, k + 1).filter(|b| b.dim == Dim::Percent) {
                let zero = Figure { value: 0.0, range: None, first: i, last: i + 1, ..b };
                out.push(Figure { implied: true, negative: down, ..range(zero, b, i) });
                return Some(b.last);
            }
        }
    }
    out.push(Figure {
        value,
        range: None,
        dim: Dim::Percent,
        tolerance: 0.5,
        approx: false,
        negative: false,
        implied: true,
        replaced: false,
        first: i,
        last: i + 1,
    });
    Some(i + 1)
}

/// An amount at `i` (it starts with a number, a sign, a currency, or a
/// number word), or a range "A to B", "A - B", "A-B" (not "from A to B":
/// that is a change, but "to range from A to B" is a range), with its
/// tolerance ([`plus_or_minus`]). Pushes it and returns where reading goes
/// on (the next token when there is none).
fn amount_at(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> usize {
    let starts = match t[i].kind {
        Tok::Num => true,
        Tok::Sym => true,
        Tok::Word => {
            t.get(i + 1).is_some_and(|n| n.kind == Tok::Num || n.sym('$') && n.start == t[i].end)
                || SPELLED.iter().any(|(w, _)| t[i].is(w))
        }
    };
    if !starts {
        return i + 1;
    }
    let a = amount(t, i).or_else(|| head_with_unit_of_next(t, i, &["to", "through", "-", "–"]));
    let Some(mut a) = a else {
        return i + 1;
    };
    let from = i > 0 && t[i - 1].is("from") && !ranging_from(t, i - 1);
    if !from {
        if let Some(r) = simple_range(t, i) {
            out.push(r);
            return r.last;
        }
    }
    plus_or_minus(t, &mut a, out);
    out.push(a);
    a.last
}

/// "A, plus or minus B" / "A +/- B" / "A and B respectively, plus or minus
/// C": makes `a` a range (and the figure before it, said "respectively").
fn plus_or_minus(t: &[Token<'_>], a: &mut Figure, out: &mut [Figure]) {
    let mut j = a.last;
    let respectively = t.get(j).is_some_and(|x| x.is("respectively"));
    if respectively {
        j += 1;
    }
    if t.get(j).is_some_and(|x| x.sym(',')) {
        j += 1;
    }
    let pm = super::lex::phrase_at(t, j, "plus or minus").or_else(|| super::lex::phrase_at(t, j, "+/-")).or_else(|| {
        t.get(j).filter(|x| x.text == "±").map(|_| j + 1)
    });
    let Some(b) = pm.and_then(|k| amount(t, k).or_else(|| bare_with_dim(t, k, a.dim))) else {
        return;
    };
    let half = match (a.dim, b.dim) {
        (Dim::Money { .. }, Dim::Percent) => a.value.abs() * b.value / 100.0,
        (Dim::Percent, Dim::Pp | Dim::Percent) => b.value,
        (Dim::Percent, Dim::Bp) => b.value / 100.0,
        (x, y) if compatible(x, y) => b.value,
        _ => f64::NAN,
    };
    if half.is_finite() && half >= 0.0 {
        a.range = Some((a.value - half, a.value + half));
        a.last = b.last;
        // "76.3% and 77% respectively, plus or minus 50 basis points": the tolerance is both's.
        if respectively {
            if let Some(p) = out.last_mut().filter(|p| p.dim == a.dim && p.range.is_none()) {
                p.range = Some((p.value - half, p.value + half));
            }
        }
    }
}

/// Marks each figure approximate ("about", "~", "just over", "more than",
/// "close to") and negative when "negative" or "minus" is written before it.
fn mark_signs(t: &[Token<'_>], out: &mut [Figure]) {
    for f in out.iter_mut() {
        f.approx = f.first > 0 && (t[f.first - 1].is_any(APPROX) || t[f.first - 1].sym('~'))
            || f.first > 1 && (super::lex::phrase_at(t, f.first - 2, "just over").is_some()
                || super::lex::phrase_at(t, f.first - 2, "more than").is_some()
                || super::lex::phrase_at(t, f.first - 2, "close to").is_some());
        if f.first > 0 && (t[f.first - 1].is("negative") || t[f.first - 1].is("minus")) && !f.negative {
            f.negative = true;
            f.value = -f.value;
            if let Some((l, h)) = f.range {
                f.range = Some((-h, -l));
            }
        }
    }
}

/// "a loss of", "negative": a sign written before an amount. Returns (negative, index past it).
fn loss_prefix(t: &[Token<'_>], i: usize) -> (bool, usize) {
    for p in ["a loss of", "loss of", "a net loss of", "negative", "minus"] {
        if let Some(k) = super::lex::phrase_at(t, i, p) {
            return (true, k);
        }
    }
    (false, i)
}

/// "58 to 60%": a number whose unit comes from the amount after the separator.
fn head_with_unit_of_next(t: &[Token<'_>], i: usize, seps: &[&str]) -> Option<Figure> {
    let (v, d, k, dollar) = range_head(t, i)?;
    let sep = t.get(k)?;
    if !(sep.is_any(seps) || seps.iter().any(|s| sep.text == *s)) {
        return None;
    }
    let b = amount(t, k + 1)?;
    let scale = match b.dim {
        Dim::Money { .. } | Dim::PerShare(_) | Dim::Shares => {
            // "1.3 to 1.7 billion": the head takes the tail's scale.
            let tail_num = t[b.first..b.last].iter().find(|x| x.kind == Tok::Num)?.num;
            if tail_num != 0.0 { (b.value / tail_num).abs() } else { 1.0 }
        }
        _ => 1.0,
    };
    if dollar && !matches!(b.dim, Dim::Money { .. } | Dim::PerShare(_)) {
        return None;
    }
    Some(Figure {
        value: v * scale,
        range: None,
        dim: b.dim,
        tolerance: 0.5 * 10f64.powi(-(d as i32)) * scale,
        approx: false,
        negative: false,
        implied: false,
        replaced: false,
        first: i,
        last: k,
    })
}

/// "plus or minus 2" with the unit of the figure before.
fn bare_with_dim(t: &[Token<'_>], i: usize, dim: Dim) -> Option<Figure> {
    let tok = t.get(i)?;
    (tok.kind == Tok::Num).then(|| Figure {
        value: tok.num,
        range: None,
        dim,
        tolerance: 0.0,
        approx: false,
        negative: false,
        implied: false,
        replaced: false,
        first: i,
        last: i + 1,
    })
}

/// "A to B", "A - B", "A through B", "A and to B" at `i`, whole.
fn simple_range(t: &[Token<'_>], i: usize) -> Option<Figure> {
    let mut a = amount(t, i).or_else(|| head_with_unit_of_next(t, i, &["to", "through", "-", "–"]))?;
    let sep = t.get(a.last)?;
    let mut k = a.last + 1;
    if sep.is("and") && t.get(k).is_some_and(|x| x.is("to")) {
        k += 1;
    } else if !(sep.is_any(&["to", "through", "thru"]) || sep.sym('-') || sep.text == "–") {
        return None;
    }
    let b = amount(t, k)?;
    carry_scale(t, &mut a, &b);
    // "revenue increased $62 million to $1.4 billion", "was down $215 million to $800 million":
    // a change, then the level it reached, not a range.
    let changed = i > 0 && t[i - 1].is_any(&["up", "down", "increased", "decreased", "grew", "rose", "fell", "declined", "improved", "by"]);
    if changed && matches!(a.dim, Dim::Money { .. }) && b.value.abs() > 2.0 * a.value.abs() {
        return None;
    }
    (compatible(a.dim, b.dim) && b.value.abs() >= a.value.abs() * 0.2).then(|| range(a, b, i))
}

fn range(a: Figure, b: Figure, first: usize) -> Figure {
    let (lo, hi) = if a.value <= b.value { (a.value, b.value) } else { (b.value, a.value) };
    let dim = match (a.dim, b.dim) {
        (Dim::Money { explicit: false, .. }, d) => d,
        (Dim::Money { .. }, d @ Dim::PerShare(_)) => d,
        (d, _) => d,
    };
    Figure {
        value: (lo + hi) / 2.0,
        range: Some((lo, hi)),
        dim,
        tolerance: a.tolerance.max(b.tolerance),
        approx: false,
        negative: a.negative || b.negative,
        implied: false,
        replaced: false,
        first,
        last: b.last,
    }
}

#[cfg(test)]
mod tests;
