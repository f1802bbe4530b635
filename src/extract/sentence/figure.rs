//! One figure of a sentence: whether it is a figure of the company's for a
//! period at all, whether it is a change or a level (or a comparison base),
//! which period it is of and whether it is reported or guided. The metric,
//! segment, measure and value are [`super::binding`]'s.

use super::super::lex::{phrase_at, Tok, Token};
use super::super::metric::{self, MetricMention};
use super::super::number::{Dim, Figure};
use super::super::period::{self, Mention, PeriodRef};
use super::words::*;
use super::{is_after, Ctx, Sentence};
use crate::facts::{Basis, Fact, Kind, Part, Period, Source};

/// A figure in its window: from the end of the figure before it (`lo`) to the
/// start of the next (`hi`).
#[derive(Clone, Copy)]
pub(super) struct Slot {
    /// The figure's index in the sentence.
    pub(super) n: usize,
    pub(super) f: Figure,
    pub(super) lo: usize,
    pub(super) hi: usize,
}

/// What the figures before in the sentence leave to the next: the last change
/// (its figure's index and sign: "up 6% sequentially and 25% year-over-year")
/// and the last comparison base ("versus 2020 revenue of $476 million and 2019
/// revenue of $426 million").
#[derive(Default, Clone)]
pub(super) struct Run {
    pub(super) last_change: Option<(usize, f64)>,
    last_base: Option<usize>,
}

/// What a figure comes to when it is a figure of the company's.
pub(super) enum Bound {
    /// A fact and its figure's tolerance (for merging).
    Fact(Fact, f64),
    /// No period could be told for it.
    Undated,
}

/// Whether a figure is a change or a level, and a level's comparison base.
#[derive(Clone, Copy)]
pub(super) struct Change {
    /// Where the words before the figure start, past "nearly", "about", ...
    pub(super) pk: usize,
    /// Where a comparison base's qualifiers start ("from last year's adjusted $0.71"); `pk` without.
    pub(super) qk: usize,
    /// The period mention among the base's qualifiers (index into `periods`).
    pub(super) base_mention: Option<usize>,
    /// The figure is a comparison base: "from $25 million", "up from 72 days".
    pub(super) from_base: bool,
    /// The change's direction, when the figure is a change.
    pub(super) sign: Option<f64>,
}

impl Sentence<'_, '_> {
    /// Binds the `n`th figure of the sentence; `None` when it is no figure of
    /// the company's for a period.
    pub(super) fn bind(&self, ctx: &Ctx, n: usize, run: &mut Run) -> Option<Bound> {
        let at = self.slot(n);
        let (f, hi) = (at.f, at.hi);
        if self.not_own(&at) || self.against_outlook(&at) {
            return None;
        }
        let mut change = self.change(&at, run);
        if self.reports_outlook(&at, change.sign) {
            return None;
        }
        // "We expect full-year EPS of $8.80 to $9.07, ... over the $8.19 we delivered": a guidance
        // verb before the figure in its clause guides it, past tense elsewhere notwithstanding.
        let guidance_word = (self.guidance_word || guided_before(self.t, &self.past_mask, f.first, hi)) && !self.past_outlook(&at);
        let (own_mention, fig_period) = self.period_of(ctx, &at, change.sign, guidance_word)?;
        let (kind, fig_period) = self.kind_of(ctx, &at, own_mention, fig_period, guidance_word);
        let Some(period) = fig_period else {
            return Some(Bound::Undated);
        };
        let (chosen, is_change) = self.metric_of(ctx, &at, &mut change, period, kind == Kind::Guidance);
        let change_subject = self.change_subject(&at, change.sign, chosen)?;
        let named = self.named(&at, chosen, change_subject.is_some())?;
        // "$62 per ton", "$750,000 to $1 million per active rig", "EBITDA per ton was $62": a rate per
        // unit of something is no amount of a core metric ("average price of $790,000 per home",
        // "daily drilling margin of $13,000 per day" are metrics of their own).
        if crate::facts::CORE_METRICS.contains(&&*named.name) && self.per_unit_rate(&at) {
            return None;
        }
        // "we used our cash flow to repay $45 million of debt": a flow, not the balance ("paid down
        // $767 million of debt" is its change).
        if !is_change && metric::is_balance(&named.name) && self.t[at.lo.max(f.first.saturating_sub(3))..f.first].iter().any(|x| x.is_any(TRANSACTIONS) || x.is_any(&["repay", "retired", "redeemed", "prepaid"])) {
            return None;
        }
        // "The Board declared a first quarter 2021 dividend of $0.25 per share": a dividend declared is
        // reported, for the quarter it names, else the call's, though it is paid after the call.
        let (kind, period) = match ctx.call {
            Some(c) if kind == Kind::Guidance && named.name == "dividend" && declared(self.t, f.first) => {
                (Kind::Actual, if period.is_quarter() && (own_mention.is_some() || self.period.is_some()) { period } else { c })
            }
            _ => (kind, period),
        };
        let segment = self.segment_of(&at, chosen, &named, change_subject);
        let value = if is_change {
            let value = self.change_value(ctx, &at, change.sign, &named, period)?;
            run.last_change = Some((n, change.sign.unwrap_or(1.0)));
            value
        } else {
            self.level_value(ctx, &at, &change, &named, period)?
        };
        let kind = if change.from_base { Kind::Actual } else { kind };
        let t = self.t;
        // "8% organic sales growth", "organic growth of 7%": a change of its own basis.
        let organic = is_change && named.name == "revenue" && chosen.is_some_and(|m| (m.first.saturating_sub(2)..m.last).any(|k| t[k].is("organic")));
        // "up 18%, and 17% in constant currency", "or 6% organically": the change restated.
        let restated = restated_basis(t, f.last).filter(|b| is_change && (named.name == "revenue" || *b == Basis::ConstantCurrency));
        if restated_basis(t, f.last).is_some() && restated.is_none() {
            return None;
        }
        let (line, start) = self.para.locate_chars(t[f.first].start);
        let (end_line, end) = self.para.locate_chars(t[f.last - 1].end);
        let (start, end) = if end_line == line { (Some(start), Some(end)) } else { (Some(start), None) };
        let fact = Fact {
            metric: named.name.to_string(),
            segment: segment.unwrap_or_else(|| "total".to_string()),
            period: if kind == Kind::Actual && metric::is_balance(&named.name) { closing(value.period, ctx.call) } else { value.period },
            kind,
            measure: value.measure,
            value: if value.range.is_some() && value.measure == crate::facts::Measure::Level { self.midpoint_said(&f).map(super::round) } else { Some(super::round(value.value)) },
            low: value.range.map(|r| super::round(r.0)),
            high: value.range.map(|r| super::round(r.1)),
            unit: value.unit,
            basis: if organic {
                Some(Basis::Organic)
            } else if restated.is_some() {
                restated
            } else {
                self.pair_basis.filter(|_| self.figures.len() == 2).map(|b| b[n]).or(self.figure_basis(&at)).or(self.basis).or(ctx.basis)
            },
            conflict: false,
            source: Source { line, start, end, text: self.para.text[self.a..self.b].trim().to_string() },
        };
        Some(Bound::Fact(fact, f.tolerance))
    }

    /// The `n`th figure in its window.
    pub(super) fn slot(&self, n: usize) -> Slot {
        let f = self.figures[n];
        let lo = if n == 0 { 0 } else { self.figures[n - 1].last };
        let hi = self.figures.get(n + 1).map_or(self.t.len(), |g| g.first);
        Slot { n, f, lo, hi }
    }

    /// The midpoint said of range figure `r`: "$12.96 to $13.26, that's $13.11
    /// at the midpoint", "from $0.26 to $0.30 or a midpoint of $0.28" (the
    /// range's fact holds it as its value; the midpoint is no fact of its own).
    fn midpoint_said(&self, r: &Figure) -> Option<f64> {
        let (t, (lo, hi)) = (self.t, r.range?);
        let money = |d: Dim| matches!(d, Dim::Money { .. } | Dim::PerShare(_));
        self.figures.iter().find(|g| {
            let said = g.first >= 2 && t[g.first - 2].is("midpoint") && t[g.first - 1].is("of")
                || t.get(g.last).is_some_and(|x| x.is("at")) && t[g.last + 1..].iter().take(2).any(|x| x.is("midpoint"));
            said && g.range.is_none() && (g.dim == r.dim || money(g.dim) && money(r.dim))
                && ((lo + hi) / 2.0 - g.value).abs() <= g.tolerance.max(g.value.abs() * 0.005)
        }).map(|g| g.value)
    }

    /// Whether the figure is not the company's own figure of the metric: the
    /// outlook a revision replaces (`Figure::replaced`), a hedged norm
    /// ("generally hovers near 100%"), someone else's figure or an earlier
    /// outlook quoted ("our estimated industry decline of 15%"), an effect on a
    /// metric ("an unfavorable foreign exchange impact ... of $160 million on
    /// revenue"), a part of a figure ("including $700,000 of costs"), a
    /// what-if move, a contribution to growth ("price contributed 1%") or a
    /// restated figure ("17% in constant currency").
    pub(super) fn not_own(&self, at: &Slot) -> bool {
        let (t, f, lo, hi) = (self.t, at.f, at.lo, at.hi);
        if f.replaced || f.range.is_none() && self.figures.iter().any(|r| r.range.is_some() && self.midpoint_said(r) == Some(f.value)) {
            return true;
        }
        let before = &t[lo..f.first];
        if before.iter().any(|x| x.is_any(HEDGES)) || before.iter().rev().take(5).any(|x| x.is_any(metric::EXTERNAL)) {
            return true;
        }
        if counterfactual(&t[..f.first]) {
            return true;
        }
        if before.iter().rev().take(8).any(|x| x.is_any(&["impact", "impacts", "impacted", "impacting", "headwind", "headwinds", "tailwind", "tailwinds"])) {
            return true;
        }
        // "Included in cost of sales was a $1.6 million increase related to ...": a part of it.
        // (Not a metric of its own named between: "... was a net reversal of provision for credit losses of $5.8 million".)
        let own_metric = self.metrics.iter().any(|m| m.last <= f.first && m.first >= lo && !crate::facts::CORE_METRICS.contains(&m.metric));
        let included_in = t.len() > 2 && t[0].is_any(&["included", "including"]) && t[1].is("in") && !own_metric;
        if included_in || part_or_effect(t, &self.metrics, lo, f.first) || explains(t, &self.metrics, lo, f.first, f.last) || self.listed_part(at.n) || !matches!(f.dim, Dim::PerShare(_)) && effect_after(t, f.last, hi) || sensitivity(t, lo, f.first, f.last) {
            return true;
        }
        if before.iter().rev().take(3).any(|x| x.is_any(&["contributed", "contributing", "contribution"]))
            || t.get(f.last).is_some_and(|x| x.is_any(&["contribution", "contributed"]))
        {
            return true;
        }
        if driver_change(t, f.first, f.last, |k| self.in_metric(k)) || matches!(f.dim, Dim::Money { .. }) && business_size(t, &self.metrics, lo, f.first, f.last) {
            return true;
        }
        // Restated in constant currency or organically: a change of its own basis
        // (see restated_basis); other restatements are no figure of the company's.
        let restated = ["operationally", "on an operational basis", "in rmb terms", "in dollar terms"];
        restated.iter().any(|p| phrase_at(t, f.last, p).is_some())
    }

    /// Whether the figure is a further item of a list of parts: "including $1.3 million of
    /// currency effects and $1 million of COVID-related costs", "including $2.8 million of
    /// direct costs, $1 million of restructuring and ...", "$9.6 million of favorable currency
    /// translation and $7.5 million of acquisition-related sales": each item after the first is
    /// joined by "," or "and" to an item named by "of", with no verb between.
    fn listed_part(&self, n: usize) -> bool {
        let t = self.t;
        // "... and an 81 million or 19.6% organic increase": a change of the metric, the list ended.
        let f = self.figures[n];
        if t[f.last..(f.last + 5).min(t.len())].iter().take_while(|x| !x.sym(',')).any(|x| sign_of(x).is_some()) {
            return false;
        }
        let mut k = n;
        while k > 0 {
            let (prev, f) = (self.figures[k - 1], self.figures[k]);
            let lo = if k >= 2 { self.figures[k - 2].last } else { 0 };
            let mut j = past_approximation(t, prev.last, f.first);
            while j > prev.last && t[j - 1].is_any(&["a", "an"]) {
                j -= 1;
            }
            let gap = &t[prev.last..j];
            let item = gap.len() >= 3 && gap.len() <= 10 && gap[0].is("of")
                && (gap[gap.len() - 1].is("and") || gap[gap.len() - 1].sym(','))
                && !gap.iter().any(|x| x.is_any(PAST) || x.is_any(&["is", "are", "was", "were", "while", "which"]) || x.sym(';'));
            if !item {
                return false;
            }
            if part_or_effect(t, &self.metrics, lo, prev.first) || explains(t, &self.metrics, lo, prev.first, prev.last) || effect_after(t, prev.last, f.first) {
                return true;
            }
            k -= 1;
        }
        false
    }

    /// Whether token `k` is part of a metric's own name ("revenue per available room").
    fn in_metric(&self, k: usize) -> bool {
        self.metrics.iter().any(|m| (m.first..m.last).contains(&k))
    }

    /// Whether the figure is a rate per unit of something: "per" and a unit
    /// after it or before it in its window, outside a metric's own name
    /// ("revenue per available room").
    fn per_unit_rate(&self, at: &Slot) -> bool {
        let (t, f) = (self.t, at.f);
        // Not right after the figure before: "at the $25 per ounce threshold to $0.03" is the $25's.
        let from = if at.n == 0 { 0 } else { at.lo + 1 };
        per_unit(t, f.last) || (from..f.first).any(|k| per_unit(t, k) && !self.in_metric(k))
    }

    /// Whether the figure is measured against an outlook rather than being a
    /// figure of a period: a distance from it ("revenue was $1.534 billion,
    /// about $44 million above our outlook"), the size of a revision ("raising
    /// our subscription revenue outlook by $73 million"), a change against a
    /// forecast ("up 5% compared to our previous forecast") or the outlook
    /// being replaced ("compared to prior guidance of $1.99 billion to $2.05
    /// billion"; but "up 200 billion yen compared to the previous forecast, to
    /// 9.9 trillion yen" is the new figure, and "unchanged from our previous
    /// forecast of 9.9 trillion yen" still the outlook).
    pub(super) fn against_outlook(&self, at: &Slot) -> bool {
        let (t, f, lo, hi) = (self.t, at.f, at.lo, at.hi);
        // "about $17 million and 20 basis points above our outlook": the distance said in two units
        // (not "$5.975 billion or $175 million above our initial outlook", a level and its distance).
        let (last, hi) = match self.figures.get(at.n + 1) {
            Some(g) if g.first == f.last + 1 && t[f.last].is_any(&["and", "or"]) && g.dim != f.dim => (g.last, self.figures.get(at.n + 2).map_or(t.len(), |h| h.first)),
            _ => (f.last, hi),
        };
        if t.get(last).is_some_and(|x| x.is_any(&["above", "below", "ahead", "short", "beyond"]))
            && t[last..hi.min(last + 8)].iter().any(|x| x.is_any(OUTLOOK_REFS) || x.is_any(&["forecast", "range", "midpoint"]))
        {
            return true;
        }
        // "exceeding our cash flow guidance by over $650 million".
        let pk = past_approximation(t, lo, f.first);
        if pk > lo && t[pk - 1].is("by") && t[lo.max(pk.saturating_sub(9))..pk].iter().any(|x| x.is_any(&["outlook", "guidance", "forecast", "range"])) {
            return true;
        }
        // "$290 million or approximately $1.7 billion lower than adjusted earnings": a distance
        // between two metrics, no figure of either.
        if t.get(f.last).is_some_and(|x| x.is_any(COMPARATIVES)) && t.get(f.last + 1).is_some_and(|x| x.is("than")) {
            let mut k = f.last + 2;
            while t.get(k).is_some_and(|x| x.is_any(&["the", "our", "adjusted", "reported", "gaap", "non-gaap"])) {
                k += 1;
            }
            if self.metrics.iter().any(|m| m.first == k) {
                return true;
            }
        }
        let vs_forecast = |k: usize| old_outlook_at(t, k) || ["our forecast", "our expectations", "the forecast"].iter().any(|p| phrase_at(t, k, p).is_some());
        // "up 9% to 11% year-over-year versus our prior guidance of 5% to 8%": a change said
        // against the year before is the company's own, whatever it is set against after.
        let vs_at = (f.last..hi.min(f.last + 8)).find(|&k| vs_forecast(k));
        if vs_at.is_some_and(|k| comparison_in(t, f.last, k, &self.periods, None, None).is_none()) && change_before(t, f.first, lo).is_some() {
            return true;
        }
        let from = lo.max(f.first.saturating_sub(7));
        let old_outlook = (from..f.first.saturating_sub(1)).find(|&k| old_outlook_at(t, k));
        let unchanged = |k: usize| t[k.saturating_sub(4)..k].iter().any(|x| x.is_any(&["unchanged", "same", "maintain", "maintaining", "reaffirm", "reaffirming", "consistent", "line"]));
        // "we used to guide to cemetery sales at 4% to 6%": the verb's own "to" opens no new range.
        let after = |k: usize| if used_to_guide(t, k) { k + 1 + usize::from(t.get(k + 1).is_some_and(|x| x.is("to"))) } else { k + 2 };
        old_outlook.is_some_and(|k| !t[after(k).min(f.first)..f.first].iter().any(|x| x.is("to")) && !unchanged(k))
    }

    /// Whether the figure is a level, a change or a comparison base ("from $25
    /// million", "from last year's adjusted $0.71", "from Q2's $11.2 million",
    /// "versus 2020 revenue of $476 million and 2019 revenue of $426 million").
    pub(super) fn change(&self, at: &Slot, run: &mut Run) -> Change {
        let (t, f, n) = (self.t, at.f, at.n);
        let pk = past_approximation(t, at.lo, f.first);
        let base = self.bases[n];
        let qk = base.map_or(pk, |(q, _)| q);
        let joined_base = run.last_base == Some(n.wrapping_sub(1)) && {
            let (prev, gap) = (self.figures[n - 1], &t[self.figures[n - 1].last..pk]);
            gap.first().is_some_and(|x| x.is("and")) && gap.len() <= 6 && !gap.iter().any(|x| x.sym(',') || x.sym(';'))
                // "from 34% in Q2 and 32.3% in Q3 of last year": past the base's period, no metric of its own.
                || prev.dim == f.dim && and_joined(t, prev.last, pk) && !self.metrics.iter().any(|m| m.first >= prev.last && m.last <= pk)
        };
        let from_base = base.is_some() || opens_base(t, pk) || opens_base_behind(t, at.lo, pk, f.last) || joined_base;
        if from_base {
            run.last_base = Some(n);
        }
        let prev = pk.checked_sub(1).map(|k| &t[k]);
        let to_level = prev.is_some_and(|p| p.is("to")) && !from_base;
        let sign = self.sign(at, pk, from_base, to_level, run);
        Change { pk, qk, base_mention: base.and_then(|(_, m)| m), from_base, sign }
    }

    /// A change's direction from the words around the figure: a change word
    /// before or after it ("up 5%", "a 36% increase"), the figure itself
    /// ("flat to down 6%"), or "sales increased to 11%" (a money metric is no
    /// percent, so the percent is its change; not "increased to 17% from 15%",
    /// a move between two levels); else [`Sentence::sign_by_metric`].
    fn sign(&self, at: &Slot, pk: usize, from_base: bool, to_level: bool, run: &Run) -> Option<f64> {
        let (t, f, lo) = (self.t, at.f, at.lo);
        let mut sign = if from_base || to_level { None } else { change_before(t, f.first, lo) };
        if sign.is_none() && !from_base && !to_level {
            sign = change_after(t, f.last, &self.periods);
        }
        // "$1.1 million or 26% higher than ...": the same change in another unit, said after.
        if let (None, false, false, Some(g)) = (sign, from_base, to_level, self.figures.get(at.n + 1)) {
            if g.first == f.last + 1 && t[f.last].is("or") && g.dim != f.dim {
                sign = change_after(t, g.last, &self.periods);
            }
        }
        if f.implied {
            sign = Some(if f.negative { -1.0 } else { 1.0 });
        }
        let to_from = t.get(f.last).is_some_and(|x| x.is("from"));
        if sign.is_none() && to_level && !to_from && matches!(f.dim, Dim::Percent) && pk >= lo + 2 {
            let money = self.metrics.iter().rev().find(|m| m.last <= pk - 2 && m.first >= lo).is_some_and(|m| m.class == metric::Class::Money && m.last + 3 >= pk);
            if money {
                sign = sign_of(&t[pk - 2]);
            }
        }
        if sign.is_some() || from_base || to_level {
            return sign;
        }
        self.sign_by_metric(at, pk, run)
    }

    /// A change's direction from the metric before the figure: a change word
    /// after a money metric in the figure's clause ("Revenue growth is
    /// expected to be 12.5% to 13%", "Organic growth for the quarter was
    /// 11.5%"), a change verb before its metric ("we grew revenue by 10%"), or
    /// the change word of the figure before, carried over ("up 6% sequentially
    /// and 25% year-over-year"; "11.5% or $367 million", the same change in
    /// another unit).
    fn sign_by_metric(&self, at: &Slot, pk: usize, run: &Run) -> Option<f64> {
        let (t, f, lo) = (self.t, at.f, at.lo);
        let in_clause = || {
            let m = self.metrics.iter().rev().find(|m| m.last <= f.first && m.first >= lo)?;
            let gap = &t[m.last..f.first];
            let clause = m.class != metric::Class::Ratio && gap.len() <= 10 && !gap.iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "while", "which"]));
            clause.then(|| gap.iter().find_map(sign_of).or_else(|| t[m.last - 1].is("growth").then_some(1.0))).flatten()
        };
        // "we grew revenue by 10%", "an increase in cash and current investments of $34 million",
        // "we grew organic sales 5.1%", "we grew fourth quarter sales 11%".
        let verb_before_metric = || {
            let mut k = pk;
            let of = k > lo && t[k - 1].is("of");
            if k > lo && (t[k - 1].is("by") || of) {
                k -= 1;
            }
            let m = self.metrics.iter().find(|m| m.last == k && m.first > lo)?;
            let mut v = m.first;
            while v > lo && (t[v - 1].is_any(&["our", "the", "its", "total", "organic", "consolidated", "quarter", "first", "second", "third", "fourth", "full", "year"]) || t[v - 1].sym('-')) {
                v -= 1;
            }
            if of {
                return (v >= lo + 2 && t[v - 1].is("in")).then(|| sign_of(&t[v - 2])).flatten();
            }
            (v > lo).then(|| sign_of(&t[v - 1])).flatten()
        };
        let carried = || {
            let (k, s) = run.last_change?;
            let gap = &t[self.figures[k].last..f.first];
            let or = gap.len() <= 2 && gap.iter().any(|x| x.is("or")) && self.figures[k].dim != f.dim;
            let joined = gap.iter().all(|x| !x.is_any(&["was", "were", "is", "of"])) && gap.iter().any(|x| x.is("and") || x.sym(',')) || or;
            (joined && f.first - self.figures[k].last <= 5).then_some(s)
        };
        matches!(f.dim, Dim::Percent).then(in_clause).flatten().or_else(verb_before_metric).or_else(carried)
    }

    /// Whether the figure, in a sentence that reports, is an earlier outlook
    /// quoted: "revenue was $457 million, above our outlook range of $440
    /// million" (the outlook between the metric and the figure), "... our
    /// outlook range for IMT segment EBITDA of $121 million" (the outlook
    /// governs the metric); not "results exceeded our expectations with
    /// earnings of $1.18". Past tense counts up to the end of the figure's
    /// clause: "This yields an adjusted EPS guidance range of $2.55 to $2.70,
    /// reflecting increased confidence" reports nothing.
    fn reports_outlook(&self, at: &Slot, sign: Option<f64>) -> bool {
        let (t, f, hi) = (self.t, at.f, at.hi);
        // "outlook ... was down $215 million to $800 million": the level after its change is in the change's window.
        let lo = if at.n > 0 && f.first == at.lo + 1 && t[at.lo].is("to") { self.slot(at.n - 1).lo } else { at.lo };
        let metric_before = self.metrics.iter().rev().find(|m| m.last <= f.first && m.first >= lo);
        let from_metric = metric_before.map_or(lo, |m| m.last);
        let governed = metric_before.is_some_and(|m| {
            let w = &t[m.first.saturating_sub(6).max(lo)..m.first];
            w.iter().any(|x| x.is_any(OUTLOOK_REFS)) && w.iter().any(|x| x.is_any(&["for", "of", "on"]))
        });
        let clause_end = (f.last..hi).find(|&k| t[k].sym(',') || t[k].sym(';')).unwrap_or(hi);
        // A change of an outlook governing its metric is its revision, no change reported.
        !self.past_outlook(at) && self.past && (sign.is_none() || governed) && (governed || t[from_metric..f.first].iter().any(|x| x.is_any(OUTLOOK_REFS))) && self.any_past(0, clause_end)
    }

    /// Where the result landed, past the outlook: "FFO per share exceeded our
    /// guidance range at $1.33", "adjusted EPS ahead of guidance at $1.69" —
    /// reported, neither the outlook quoted nor guided.
    fn past_outlook(&self, at: &Slot) -> bool {
        let (t, lo) = (self.t, at.lo);
        let pk = past_approximation(t, lo, at.f.first);
        pk > lo && t[pk - 1].is("at") && t[lo..pk].iter().any(|x| x.is_any(&["exceeded", "exceeding", "beat", "above", "ahead", "topped", "surpassed"]))
    }

    /// The figure's own period mention: one right after it or after the
    /// metric named right after it ("the $8.19 we delivered in 2023" a few
    /// words on, "22% revenue growth for the full year"), else the nearest before it in its
    /// window, else a long-term target before a level ("above our long-term
    /// expectation for IP, which is 10% to 15%").
    fn own_mention(&self, at: &Slot, sign: Option<f64>) -> Option<Mention> {
        let (t, f, lo) = (self.t, at.f, at.lo);
        // "22% revenue growth for the full year": past the metric named right after the figure.
        let named_after = self.metrics.iter().find(|m| m.first >= f.last && m.first <= f.last + 1);
        let k = named_after.map_or(f.last, |m| if t.get(m.last).is_some_and(|x| x.is("growth")) { m.last + 1 } else { m.last });
        self.periods
            .iter()
            .find(|m| {
                !m.comparison && m.first >= f.last
                    && (m.first <= f.last + 2 || m.first >= k && m.first <= k + 2
                        || m.first <= f.last + 4 && self.any_past(f.last, m.first) && !t[f.last..m.first].iter().any(|x| x.sym(',') || x.is("and"))
                        // "$1 billion of BPL originations for the second half": of what, then for when.
                        || m.first <= f.last + 6 && t[f.last].is("of") && t[f.last..m.first].iter().rev().take(2).any(|x| x.is_any(&["for", "in", "during"]))
                            && !t[f.last..m.first].iter().any(|x| x.sym(',') || x.is_any(&["and", "due", "maturing", "expiring"]) || x.kind == Tok::Num))
            })
            .or_else(|| self.periods.iter().rev().find(|m| !m.comparison && m.last <= f.first && m.first >= lo))
            .or_else(|| self.periods.iter().rev().find(|m| m.what == PeriodRef::LongTerm && m.last <= f.first && m.first >= lo && sign.is_none()))
            .copied()
    }

    /// The figure's period: its own mention's, else the sentence's, the
    /// outlook's, the one guided last, the one in play, the call's. `None`
    /// skips the figure: "56.3% year-to-date" in a Q3 call and "for the first
    /// nine months" are no period of ours. Returns the figure's own mention too.
    pub(super) fn period_of(&self, ctx: &Ctx, at: &Slot, sign: Option<f64>, guidance_word: bool) -> Option<(Option<Mention>, Option<Period>)> {
        // "our year-to-date operating cash flow more than tripled versus last year to $112 million":
        // the year so far said before the figure, no period of its own between.
        // "free cash flow up 18.5% year-over-year through Q2": or after it in its window.
        let partial_span = |m: &&Mention| matches!(m.what, PeriodRef::YearToDate | PeriodRef::NineMonths);
        let so_far = || {
            let clause = |a: usize, b: usize| !self.t[a..b].iter().any(|x| x.sym(',') || x.sym(';') || x.is("and"));
            let before = self.periods.iter().rev().find(|m| !m.comparison && m.last <= at.f.first).filter(partial_span).filter(|m| !self.t[m.last..at.f.first].iter().any(|x| x.sym(',') || x.sym(';')));
            before.or_else(|| self.periods.iter().find(|m| m.first >= at.f.last && m.first < at.hi.min(at.f.last + 7)).filter(partial_span).filter(|m| clause(at.f.last, m.first)))
        };
        let own_mention = self.own_mention(at, sign).or_else(|| so_far().copied());
        // "Based on our results through the third quarter, we have adjusted our EPS guidance to ...":
        // the year so far is what the outlook rests on, not its period.
        let own_mention = own_mention.filter(|m| !(guidance_word && matches!(m.what, PeriodRef::YearToDate | PeriodRef::NineMonths)));
        let partial = |m: Mention| matches!(m.what, PeriodRef::YearToDate | PeriodRef::NineMonths) && self.resolve(m.what, ctx.call, guidance_word).is_none();
        // "For the first nine months of 2021, cash from operations decreased 18% to $653 million, compared
        // to $800 million for the same period last year": a sentence dated by such a span alone dates no figure by another.
        // Nor is a year before the call's said as the span's base ("... for the same period of 2019").
        let base = |m: &Mention| m.comparison || partial(*m) || m.what == PeriodRef::PrevYear
            || matches!(m.what, PeriodRef::Abs(Period::Fiscal { year, part: Part::Year }) if ctx.call.and_then(|c| c.year_number()).is_some_and(|c| year < c));
        let spans_only = !guidance_word && self.periods.iter().any(|m| partial(*m) && m.first < at.f.first) && self.periods.iter().all(base);
        if own_mention.map_or(spans_only, |m| partial(m) || spans_only && m.what == PeriodRef::PrevYear) {
            return None;
        }
        // "... thoughts on our fourth quarter outlook. We anticipate revenues down 4% to 6% in the quarter":
        // the quarter guided is the one ahead in play, not the call's.
        let guided = ctx.guided.filter(|_| guidance_word).map(|(p, _)| p);
        let ahead = self.outlook_period.or(guided).filter(|p| p.is_quarter() && !self.past);
        let fig_period = own_mention
            .and_then(|m| if m.what == PeriodRef::ThisQuarter { ahead } else { None }.or_else(|| self.resolve(m.what, ctx.call, guidance_word)))
            .or(self.period.filter(|_| !self.period_in_later_clause(at)))
            .or(self.outlook_period)
            .or(guided)
            .or(self.context)
            .or(ctx.call);
        let fig_period = if own_mention.is_none() && sign.is_some() && !guidance_word { self.like_its_base(ctx, at, fig_period) } else { fig_period };
        Some((own_mention, self.redate_guided(ctx, at, own_mention, fig_period, guidance_word)))
    }

    /// Whether the sentence's period is said after the figure in a clause of
    /// its own: "EPS is expected to be $1.78 to $1.98, ..., and we expect the
    /// first half of the year to contribute 43%", "Operating margin was 25%,
    /// driven by ... spend pushed into the second half of the year".
    fn period_in_later_clause(&self, at: &Slot) -> bool {
        self.own().next().is_some_and(|m| self.later_clause(at, m))
    }

    fn later_clause(&self, at: &Slot, m: &Mention) -> bool {
        let t = self.t;
        let turns = |x: &Token<'_>| x.is_any(STATEMENT_TURNS) || !self.guidance_word && x.is_any(CAUSE_TURNS);
        m.first >= at.f.last && (at.f.last..m.first.saturating_sub(1)).any(|k| {
            (t[k].sym(',') || t[k].sym(';')) && (turns(&t[k + 1]) || t[k + 1].is("and") && t.get(k + 2).is_some_and(|x| x.is_any(NEW_SUBJECTS)))
        })
    }

    /// A change said against a half a year back, dated by another span, is a
    /// change of that half a year on: "for
    /// the first six months ... reaching $8.8 million, a level only $200,000
    /// less than the first half of fiscal 2020" (after talk of the quarter) is
    /// the first half's change.
    fn like_its_base(&self, ctx: &Ctx, at: &Slot, fig_period: Option<Period>) -> Option<Period> {
        let (t, f) = (self.t, at.f);
        let base = self.periods.iter().find(|m| m.comparison && m.first > f.last && m.first <= f.last + 8 && m.first < at.hi);
        let base = base.filter(|m| !t[f.last..m.first].iter().any(|x| x.sym(',') || x.sym(';')));
        let (Some(Period::Fiscal { year, part }), Some(p)) = (base.and_then(|m| period::resolve(m.what, ctx.call, self.context, false)), fig_period) else {
            return fig_period;
        };
        let on = Period::Fiscal { year: year + 1, part };
        let spans_differ = p.part() != Some(part) && !(p.is_quarter() && on.is_quarter());
        // The span a year on is over by the call ("versus fiscal 2023" in a Q3 call is no year's change).
        // A year said as the base of a quarter's change is that quarter a year back ("up 12.5% from
        // 2019" in a Q4 call): only a half re-dates the change.
        let over = ctx.call.is_some_and(|c| matches!((c.part(), part), (Some(Part::Quarter(cq)), Part::Half(h)) if cq >= 2 * h));
        let fits = p.year_number() == Some(year + 1) && ctx.call.and_then(|c| c.year_number()) == Some(year + 1) && over;
        Some(if spans_differ && fits { on } else { p })
    }

    /// Guidance dated to the reported quarter only because it names no period
    /// of its own: "Based on our results through the third quarter, we have
    /// adjusted our EPS guidance to $1.90 to $2.05" in a Q3 call is not of the
    /// quarter reported but of a period ahead in the sentence, or the one
    /// guided in play, or the year (the next in a Q4 call).
    fn redate_guided(&self, ctx: &Ctx, at: &Slot, own_mention: Option<Mention>, fig_period: Option<Period>, guidance_word: bool) -> Option<Period> {
        let so_far = || self.periods.iter().find(|m| matches!(m.what, PeriodRef::YearToDate | PeriodRef::NineMonths)).copied();
        let dated_by = own_mention.or(self.own().find(|m| !self.later_clause(at, m)).copied()).or_else(so_far).map(|m| m.what);
        let reported = ctx.call.filter(|c| c.is_quarter() && fig_period == Some(*c));
        let Some(c) = reported.filter(|_| guidance_word && !self.past && dated_by.is_some_and(|w| !matches!(w, PeriodRef::Abs(_))) && guided_before(self.t, &self.past_mask, at.f.first, at.hi)) else {
            return fig_period;
        };
        let this_year = |p: &Period| p.part() == Some(Part::Year) && p.year_number() == c.year_number() && c.part() != Some(Part::Quarter(4));
        let ahead = self.own().filter(|m| !self.later_clause(at, m)).filter_map(|m| self.resolve(m.what, ctx.call, true)).find(|p| is_after(*p, c) || this_year(p));
        let year = c.year_number().map(|y| Period::year(if c.part() == Some(Part::Quarter(4)) { y + 1 } else { y }));
        ahead.or(ctx.guided.map(|(p, _)| p)).or(year)
    }

    /// Actual or guidance: a period after the call's, or a guidance word with
    /// a period not over yet ("For the full year, we now expect revenues of
    /// ..." in a Q3 call, "We expect second half revenue to be up 9%" in a Q3
    /// call, the year of an outlook paragraph) or with no period named
    /// ([`Sentence::guided_unnamed`], which may re-date the figure).
    pub(super) fn kind_of(&self, ctx: &Ctx, at: &Slot, own_mention: Option<Mention>, fig_period: Option<Period>, guidance_word: bool) -> (Kind, Option<Period>) {
        let kind = match (fig_period, ctx.call) {
            (Some(Period::LongTerm), _) => Kind::Guidance,
            (Some(p), Some(c)) if is_after(p, c) => Kind::Guidance,
            (Some(p), Some(c)) if guidance_word && p.part() == Some(Part::Year) && p.year_number() == c.year_number()
                && matches!(c.part(), Some(Part::Quarter(q)) if q < 4) => Kind::Guidance,
            (Some(p @ Period::Fiscal { part: Part::Half(h), .. }), Some(c)) if guidance_word && p.year_number() == c.year_number()
                && matches!(c.part(), Some(Part::Quarter(q)) if q < 2 * h) => Kind::Guidance,
            (Some(p), Some(c)) if guidance_word && self.outlook_period == Some(p) && p.year_number() == c.year_number() && !p.is_quarter()
                && matches!(c.part(), Some(Part::Quarter(q)) if q < 4) => Kind::Guidance,
            (Some(p), Some(c)) if guidance_word && own_mention.is_none() && (self.period.is_none() || self.period_in_later_clause(at)) && self.outlook_period.is_none() && p == self.context.unwrap_or(c) => {
                return self.guided_unnamed(c, fig_period);
            }
            _ => Kind::Actual,
        };
        (kind, fig_period)
    }

    /// Guidance that names no period, dated by the running context or the
    /// call's: a change guided against a year is the next year's ("... to
    /// increase 1.5% to 4% compared to the full year ended December 31,
    /// 2019"); else the next quarter (also after talk of a half now over:
    /// "we established growth in the second half ... we expect core sales of
    /// $3.0 billion to $3.2 billion"); else the year in play (the next in a Q4
    /// call) or a period in play after the call's; else an actual.
    fn guided_unnamed(&self, c: Period, fig_period: Option<Period>) -> (Kind, Option<Period>) {
        let context = self.context;
        let base_year = self.periods.iter().filter(|m| m.comparison).find_map(|m| match m.what {
            PeriodRef::Abs(b) if b.part() == Some(Part::Year) => b.year_number(),
            _ => None,
        });
        if let Some(y) = base_year.filter(|y| c.year_number().is_some_and(|cy| y + 1 >= cy)) {
            (Kind::Guidance, Some(Period::year(y + 1)))
        } else if let Some(next) = c.next_quarter().filter(|_| c.is_quarter() && context.is_none_or(|x| x.is_quarter() || matches!(x.part(), Some(Part::Half(_))) && !is_after(x, c))) {
            (Kind::Guidance, Some(next))
        } else if context.is_some_and(|x| is_after(x, c)) {
            (Kind::Guidance, fig_period)
        } else if let (Some(x), Some(y)) = (context.filter(|x| x.part() == Some(Part::Year)).and_then(|x| x.year_number()), c.year_number()) {
            // Talk of the year in play, then "we expect ...": this year's guidance, or next year's in a Q4 call.
            if x == y && c.part() == Some(Part::Quarter(4)) {
                (Kind::Guidance, Some(Period::year(y + 1)))
            } else if x == y {
                (Kind::Guidance, fig_period)
            } else {
                (Kind::Actual, fig_period)
            }
        } else {
            (Kind::Actual, fig_period)
        }
    }
}

/// The size of a business the figure describes, no figure of this call's:
/// "becoming a $15 billion(-plus) revenue company", "a team with approximately
/// $300 million of annual revenue", "Elkhart's annual net sales ... were
/// approximately $100 million", "acquisitions with annual revenues of $31 million".
fn business_size(t: &[Token<'_>], metrics: &[MetricMention], lo: usize, first: usize, last: usize) -> bool {
    let words = t[last..t.len().min(last + 5)].iter().skip_while(|x| x.sym('-') || x.is("plus"));
    let company = first > 0 && t[first - 1].is_any(&["a", "an"]) && words.take_while(|x| x.kind == Tok::Word).take(3).any(|x| x.is_any(&["company", "companies", "enterprise", "business"]));
    let annual = |m: &&MetricMention| m.metric == "revenue" && m.first >= 2 && t[m.first - 1].is_any(&["annual", "annualized"]);
    let owner = |m: &&MetricMention| t[m.first - 2].text.ends_with("'s") || t[m.first - 2].text.ends_with("’s") || t[m.first - 2].is_any(&["with", "had", "has", "have"]);
    // (Not a milestone of the company's own: "Azure surpassed $75 billion in annual revenue".)
    let milestone = t[lo..first].iter().rev().take(3).any(|x| x.is_any(&["surpassed", "exceeded", "crossed", "topped", "passed", "reached"]));
    let after = !milestone && t.get(last).is_some_and(|x| x.is_any(&["in", "of"])) && metrics.iter().filter(annual).any(|m| m.first > last && m.first <= last + 3);
    let before = metrics.iter().filter(annual).filter(owner).any(|m| m.first >= lo && m.last <= first);
    company || after || before
}

/// What a figure would have been, or would be without something: "absent
/// currency, EPS growth would have been 16%", "excluding the retail decline,
/// we would have expected sales growth of 3% to 4%", "absent currency and
/// tariffs, EPS growth in the first quarter would be 7% to 10%". Not the
/// figure the company reports or guides ("we would expect revenue of $5
/// billion" still guides; "excluding special items, we would have reported
/// $0.70 per share" is the adjusted result).
fn counterfactual(before: &[Token<'_>]) -> bool {
    let would = before.iter().rposition(|x| x.is("would") || x.is("would've"));
    let Some(w) = would else { return false };
    let past = before[w..].first().is_some_and(|x| x.is("would've")) || before.get(w + 1).is_some_and(|x| x.is("have")) && !before.get(w + 2).is_some_and(|x| x.is("to"));
    let without = before[..w].iter().take(2).any(|x| x.is_any(&["absent", "excluding", "without", "ex"]));
    // "Excluding special items, we would have reported a net profit of $29.9 million": the adjusted result.
    let reported = before[w..].iter().any(|x| x.is_any(&["report", "reported", "reporting"]));
    (past || without) && !reported
}

/// A balance reported for a year or half is the one at its close ("cash of
/// $1.2 billion at the end of 2020" is Q4's); for a year still under way,
/// the latest: the call's quarter.
fn closing(p: Period, call: Option<Period>) -> Period {
    let end = p.closing_quarter();
    match call {
        Some(c) if is_after(end, c) && c.is_quarter() => c,
        _ => end,
    }
}

/// "per ton", "per active rig", "per barrel" at `k`: a rate per unit of
/// something, not an amount of the company's (a share and a span of time
/// are no such unit: "per diluted share", "$50 million per year").
pub(super) fn per_unit(t: &[Token<'_>], k: usize) -> bool {
    const NOT_UNITS: &[&str] = &["share", "shares", "diluted", "basic", "common", "fully", "year", "annum", "quarter", "month", "annual", "cent", "percent"];
    t.get(k).is_some_and(|x| x.is("per")) && t.get(k + 1).is_some_and(|x| x.kind == super::super::lex::Tok::Word && !x.is_any(NOT_UNITS))
}

/// The basis a phrase right after a figure restates it in: "and 17% in
/// constant currency", "up 8.6% at constant currency", "or 6% organically".
fn restated_basis(t: &[Token<'_>], last: usize) -> Option<Basis> {
    const CONSTANT: &[&str] = &[
        "in constant currency", "constant currency", "at constant currency", "on a constant currency basis", "at constant exchange rates",
        "in cc", "ex fx", "excluding fx", "excluding the impact of foreign exchange", "excluding foreign exchange", "in local currency",
        "in local currencies", "in constant currencies", "at constant currencies", "in constant dollars", "on a constant dollar basis",
        "currency neutral", "on a currency neutral basis", "fx neutral",
    ];
    if CONSTANT.iter().any(|p| phrase_at(t, last, p).is_some()) {
        Some(Basis::ConstantCurrency)
    } else if ["on an organic basis", "organically"].iter().any(|p| phrase_at(t, last, p).is_some()) {
        Some(Basis::Organic)
    } else {
        None
    }
}
