//! How the figures of a sentence are read off its tokens, one rule a
//! function: ranges ("58% to 60%", "between $33 million and $35 million",
//! "a 4% decline to a 1% increase"), a range replaced by another, changes
//! said in words ("flat", "doubled"), tolerances ("plus or minus 2%") and
//! the signs written before a figure. Single amounts are [`super::amount`]'s.

use super::super::lex::{phrase_at, Tok, Token};
use crate::facts::Currency;
use super::{amount, Dim, Figure, APPROX, SPELLED};

/// "$155 to $165 million", "between $4.9 and $5.1 billion": the scale said
/// once, at the second end, is the first end's too (when that keeps the first
/// end below the second and within a factor of five of it; a move "from $155.5
/// to $172.2 million", `moved`, may go down too).
fn carry_scale(t: &[Token<'_>], a: &mut Figure, b: &Figure, moved: bool) {
    let num = |f: &Figure| t[f.first..f.last].iter().find(|x| x.kind == Tok::Num).map_or(0.0, |x| x.num);
    let (a_num, b_num) = (num(a), num(b));
    if !matches!((a.dim, b.dim), (Dim::Money { .. }, Dim::Money { .. })) || a_num == 0.0 || b_num == 0.0 {
        return;
    }
    let scale = b.value.abs() / b_num.abs();
    let a_scaled = a_num.abs() * scale;
    if a.value.abs() == a_num.abs() && scale >= 1000.0 && a_scaled <= b.value.abs() * if moved { 5.0 } else { 1.0 } && a_scaled >= b.value.abs() * 0.2 {
        a.value *= scale;
        a.tolerance *= scale;
    }
}

/// Words that open a range with "from": "range from", "ranging from", "in the range from".
const RANGING: &[&str] = &["range", "ranging", "ranges", "ranged", "vary", "varying"];

/// Whether `from` at `k` opens a range, not a comparison base: "range
/// from", "ranging from"; "from" in a clause that guides with no move between
/// ("we are forecasting adjusted EBITDA in a range of $44 million to $49
/// million and adjusted EPS from $0.60 to $0.70", "EPS could range from $0.71
/// to $0.86 on a GAAP basis and from $0.98 to $1.13 on a non-GAAP basis");
/// or ends whose midpoint is said after them ("has increased from $12.96 to
/// $13.26, that's $13.11 at the midpoint").
pub fn ranging_from(t: &[Token<'_>], k: usize) -> bool {
    t[k].is("from") && k > 0 && (t[k - 1].is_any(RANGING) || guided_from(t, k) || midpoint_after(t, k))
}

/// A guidance word before `from` at `k` in its clause, no word of a move in
/// the clause ("we expect revenue to grow from $1 billion to $1.2 billion",
/// "raising our guidance from ... to ...") and no verb right before "from"
/// ("expected from"); the ends rise.
fn guided_from(t: &[Token<'_>], k: usize) -> bool {
    const GUIDES: &[&str] = &[
        "expect", "expects", "expecting", "forecast", "forecasting", "forecasts", "anticipate", "anticipates", "anticipating",
        "estimate", "estimates", "project", "projects", "projecting", "guidance", "outlook", "guiding", "sees",
    ];
    const MOVES: &[&str] = &[
        "increase", "increased", "increases", "increasing", "raise", "raised", "raising", "grow", "grows", "growing", "grew",
        "rise", "rising", "rose", "decline", "declined", "declining", "decrease", "decreased", "decreasing", "improve",
        "improved", "improving", "improvement", "expand", "expanding", "expansion", "reduce", "reduced", "reducing", "reduction",
        "lower", "lowered", "lowering", "narrow", "narrowed", "narrowing", "move", "moving", "go", "going", "shift", "change",
        "up", "down", "revise", "revised", "revising", "update", "updated", "updating", "growth", "fall", "drop", "compared",
        "versus", "vs", "previous", "prior", "benefit", "come", "coming",
    ];
    let prev = &t[k - 1];
    let start = k.saturating_sub(24);
    let clause = t[start..k].iter().rposition(|x| x.sym(';') || x.sym('.') || x.sym(':')).map_or(start, |p| start + p + 1);
    let span = &t[clause..k];
    let guide = span.iter().rposition(|x| x.is_any(GUIDES) || x.is_any(RANGING));
    let rises = super::amount(t, k + 1).zip(simple_range(t, k + 1)).is_some_and(|(a, r)| r.range.is_some_and(|(lo, hi)| lo < hi && a.value == lo));
    guide.is_some() && !span.iter().any(|x| x.is_any(MOVES))
        && !(prev.kind == Tok::Word && (prev.text.ends_with("ed") || prev.text.ends_with("ing")) && !prev.is("adjusted"))
        && rises
}

/// "from $12.96 to $13.26, that's $13.11 at the midpoint", "from $0.26 to
/// $0.30 or a midpoint of $0.28": ends after `from` at `k` whose midpoint is
/// said within a few words after them.
fn midpoint_after(t: &[Token<'_>], k: usize) -> bool {
    let Some(((lo, hi), last)) = simple_range(t, k + 1).and_then(|r| r.range.zip(Some(r.last))) else {
        return false;
    };
    let window = last..t.len().min(last + 12);
    let mid = (lo + hi) / 2.0;
    window.clone().any(|j| t[j].is("midpoint") || t[j].is("mid-point"))
        && window.filter_map(|j| super::amount(t, j)).any(|m| (m.value - mid).abs() <= m.tolerance.max(mid.abs() * 0.005))
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
    // "the first nine months of 2021 to $1.3 billion": a year is never a range end.
    let year = tok.text.len() == 4 && (1990.0..2100.0).contains(&tok.num);
    if tok.kind != Tok::Num || !dollar && (year || super::glued_to_name(t, k)) {
        return None;
    }
    Some((tok.num, tok.decimals(), k + 1, dollar))
}

/// All figures of a sentence, left to right, ranges folded.
///
/// At each token the grammar tries, in order: a change range whose ends go
/// opposite ways ([`signed_range`]), a range said with "between" or
/// "in the range of" ([`between_range`]), a range replaced by another
/// ([`replaced_range`]), a change said in words ([`implied_change`]), then an
/// amount with its range or tolerance ([`amount_at`]); last, each figure's
/// approximation and a sign written before it ([`mark_signs`]).
pub fn figures(t: &[Token<'_>]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let read = signed_range(t, i, &mut out)
            .or_else(|| between_range(t, i, &mut out))
            .or_else(|| replaced_range(t, i, &mut out))
            .or_else(|| earlier_range(t, i, &mut out))
            .or_else(|| implied_change(t, i, &mut out));
        i = match read {
            Some(next) => next,
            None => amount_at(t, i, &mut out),
        };
    }
    mark_signs(t, &mut out);
    out
}

/// Words for a fall and a rise, said as a noun after a change ("a 4%
/// decline") or before it with "of" ("an increase of 1%").
const FALLS: &[&str] = &["decline", "decrease", "drop", "reduction", "contraction", "fall"];
const RISES: &[&str] = &["increase", "growth", "gain", "rise", "improvement", "expansion"];

/// One end of a change range with its own direction: "a 4% decline", "an
/// increase of 1%", "down 2%", "up 1%", "-4%", "+1%", "flat". Returns the
/// signed value, the amount (`None` for "flat") and where reading goes on;
/// `None` when the end says no direction.
fn directed_change(t: &[Token<'_>], i: usize) -> Option<(f64, Option<Figure>, usize)> {
    let mut k = i;
    if t.get(k).is_some_and(|x| x.is_any(&["a", "an"])) {
        k += 1;
    }
    if t.get(k)?.is("flat") {
        return Some((0.0, None, k + 1));
    }
    let mut dir = None;
    let word = t.get(k)?;
    if word.is_any(&["down", "lower", "negative", "minus"]) || word.is_any(FALLS) && t.get(k + 1).is_some_and(|x| x.is("of")) {
        dir = Some(-1.0);
    } else if word.is_any(&["up", "higher", "plus"]) || word.sym('+') || word.is_any(RISES) && t.get(k + 1).is_some_and(|x| x.is("of")) {
        dir = Some(1.0);
    }
    if dir.is_some() {
        k += if word.is_any(FALLS) || word.is_any(RISES) { 2 } else { 1 };
    }
    let a = amount(t, k).filter(|a| matches!(a.dim, Dim::Percent | Dim::Pp | Dim::Bp) && a.range.is_none())?;
    let mut next = a.last;
    if a.negative {
        dir = Some(-1.0);
    }
    if dir.is_none() {
        let after = t.get(a.last)?;
        dir = if after.is_any(FALLS) { Some(-1.0) } else if after.is_any(RISES) { Some(1.0) } else { None };
        next += 1;
    }
    Some((dir? * a.value.abs(), Some(a), next))
}

/// "between a 4% decline and a 1% increase", "a 2% decline to flat", "1%
/// decline to increase of 1%", "-4% to +1%", "down 2% to up 1%", "plus 5% to
/// plus 7%": a change range whose ends say their direction, pushed whole
/// with its signs (not
/// "from a 2% decline to a 1% increase": a move from one rate to another).
fn signed_range(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
    // An end starts at its article ("a 2% decline"), and not after "from".
    if i > 0 && t[i - 1].is_any(&["from", "a", "an"]) {
        return None;
    }
    let between = t[i].is("between");
    let (va, a, ka) = directed_change(t, if between { i + 1 } else { i })?;
    if !t.get(ka).is_some_and(|x| x.is(if between { "and" } else { "to" })) {
        return None;
    }
    let (vb, b, kb) = directed_change(t, ka + 1)?;
    let dim = a.or(b)?.dim;
    // Ends the same way are a range only when both say their amount ("plus 5% to plus 7%",
    // "between negative 0.4% and negative 0.2%").
    // An earlier outlook said so ("from our previous guidance of plus 4% to plus 6%", "within our
    // outlook of minus 26% to minus 18%") is left to the figures one by one.
    let earlier = || t[i.saturating_sub(6)..i].iter().any(|x| x.is_any(EARLIER) || x.is_any(&["previously", "from", "outlook", "forecast", "had"]));
    if va.signum() == vb.signum() && (a.is_none() || b.is_none() || earlier()) || a.zip(b).is_some_and(|(a, b)| a.dim != b.dim) {
        return None;
    }
    let (lo, hi) = (va.min(vb), va.max(vb));
    let tolerance = a.map_or(0.0, |a| a.tolerance).max(b.map_or(0.0, |b| b.tolerance));
    // "flat to down 6%": down.
    let plain = Figure::plain((lo + hi) / 2.0, dim, tolerance, i, kb);
    out.push(Figure { range: Some((lo, hi)), negative: hi <= 0.0, implied: true, signed: true, ..plain });
    Some(kb)
}

/// "between A and B", "between a loss of A and a loss of B", "in the range of
/// A and B": pushes the range and returns where reading goes on.
pub(super) fn between_range(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
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
    carry_scale(t, &mut a, &b, false);
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
/// $10.55-$11.15 to $11.40-$12.00", "from 12% to 16% to new range of 13% to
/// 15%", "from 6% to 8%, up to 9% to 10%": a range replaced by another;
/// pushes both, the earlier one marked `replaced`.
pub(super) fn replaced_range(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
    if !(t[i].is("from") && !ranging_from(t, i)) {
        return None;
    }
    // "from a range of $2.70 to $2.75 per share to a new range of ...".
    let said = t[i + 1..].iter().take(3).take_while(|x| x.is_any(&["a", "the", "our", "range", "of"])).count();
    let said = if t[i + 1..i + 1 + said].iter().any(|x| x.is("range")) { said } else { 0 };
    let old = simple_range(t, i + 1 + said)?;
    let mut k = old.last;
    if t.get(k).is_some_and(|x| x.sym(',')) && t.get(k + 1).is_some_and(|x| x.is_any(&["up", "down", "now"])) {
        k += 2;
    }
    if !t.get(k).is_some_and(|x| x.is("to")) {
        return None;
    }
    k += 1;
    // "to a new range of", "to the revised range of".
    let filler = ["a", "the", "new", "revised", "updated", "range", "of"];
    let skip = t[k..].iter().take(5).take_while(|x| x.is_any(&filler)).count();
    if skip > 0 && !t[k..k + skip].iter().any(|x| x.is("range")) {
        return None;
    }
    let new = simple_range(t, k + skip)?;
    if !(compatible(old.dim, new.dim) || compatible(new.dim, old.dim)) {
        return None;
    }
    out.push(Figure { replaced: true, ..old });
    out.push(new);
    Some(new.last)
}

/// Words that mark a range as an outlook given before ("our previous range of").
const EARLIER: &[&str] = &["previous", "prior", "original", "initial", "earlier"];

/// "up from our previous range of $7 to $8 per share", "versus our previous
/// range of $12.90 to $13.10", "compared to our original guidance range of
/// $3.65 to $3.85", "a new range of $2.75 to $2.80 per share from a range of
/// $2.70 to $2.75": a range said after the one that replaces it (a range
/// right before, or "previous", "prior", "original" ...); pushes it marked
/// `replaced`.
pub(super) fn earlier_range(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
    const FILLER: &[&str] = &["our", "the", "a", "previous", "prior", "original", "initial", "earlier", "guidance", "range", "ranges", "expectation", "expectations", "outlook", "of", "guided"];
    let mut k = i + 1;
    // "which remains unchanged from our original range of $3 to $3.30": the range stands.
    if i > 0 && t[i - 1].is_any(&["unchanged", "change", "changed"]) {
        return None;
    }
    if t[i].is("compared") && t.get(k).is_some_and(|x| x.is_any(&["to", "with"])) {
        k += 1;
    } else if !(t[i].is_any(&["from", "versus", "vs"]) && !ranging_from(t, i)) {
        return None;
    }
    let skip = t[k..].iter().take(6).take_while(|x| x.is_any(FILLER)).count();
    let said = &t[k..k + skip];
    let after_range = out.last().is_some_and(|p| p.range.is_some() && p.last + 4 >= i && !p.replaced);
    if !(said.iter().any(|x| x.is_any(EARLIER)) || after_range && (skip == 0 || said.iter().any(|x| x.is("range")))) {
        return None;
    }
    let old = simple_range(t, k + skip)?;
    out.push(Figure { replaced: true, ..old });
    Some(old.last)
}

/// A change said in words: "flat" (0%), "doubled" (+100%), "tripled"
/// (+200%); "flat to down 6%", "flat to slightly up 2%": a change between
/// none and the amount.
pub(super) fn implied_change(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> Option<usize> {
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
    out.push(Figure { implied: true, ..Figure::plain(value, Dim::Percent, 0.5, i, i + 1) });
    Some(i + 1)
}

/// An amount at `i` (it starts with a number, a sign, a currency, or a
/// number word), or a range "A to B", "A - B", "A-B" (not "from A to B":
/// that is a change, but "to range from A to B" is a range), with its
/// tolerance ([`plus_or_minus`]). Pushes it and returns where reading goes
/// on (the next token when there is none).
pub(super) fn amount_at(t: &[Token<'_>], i: usize, out: &mut Vec<Figure>) -> usize {
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
    if let Some(b) = t.get(a.last).filter(|x| from && x.is("to")).and_then(|_| amount(t, a.last + 1)) {
        carry_scale(t, &mut a, &b, true);
    }
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
    let pm = phrase_at(t, j, "plus or minus").or_else(|| phrase_at(t, j, "+/-")).or_else(|| {
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
            || f.first > 1 && (phrase_at(t, f.first - 2, "just over").is_some()
                || phrase_at(t, f.first - 2, "more than").is_some()
                || phrase_at(t, f.first - 2, "close to").is_some());
        if f.first > 0 && (t[f.first - 1].is("negative") || t[f.first - 1].is("minus")) && !f.negative && !f.signed {
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
        if let Some(k) = phrase_at(t, i, p) {
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
    Some(Figure::plain(v * scale, b.dim, 0.5 * 10f64.powi(-(d as i32)) * scale, i, k))
}

/// "plus or minus 2" with the unit of the figure before.
fn bare_with_dim(t: &[Token<'_>], i: usize, dim: Dim) -> Option<Figure> {
    let tok = t.get(i)?;
    (tok.kind == Tok::Num).then(|| Figure::plain(tok.num, dim, 0.0, i, i + 1))
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
    carry_scale(t, &mut a, &b, false);
    // "revenue increased $62 million to $1.4 billion", "was down $215 million to $800 million":
    // a change, then the level it reached, not a range.
    // "increased our dividend 5% or $0.0525 to $1.1025 per share": the change in percent, then in money.
    let changed = i > 0 && t[i - 1].is_any(&["up", "down", "increased", "decreased", "grew", "rose", "fell", "declined", "improved", "by"])
        || i > 1 && t[i - 1].is("or") && t[i - 2].sym('%');
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
    let plain = Figure::plain((lo + hi) / 2.0, dim, a.tolerance.max(b.tolerance), first, b.last);
    Figure { range: Some((lo, hi)), negative: a.negative || b.negative, ..plain }
}
