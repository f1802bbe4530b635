//! What a figure of a sentence is of and what it says: the metric it is
//! bound to, its segment, its measure (level or change), value and unit, a
//! comparison base's period, and the basis said before it.

use std::borrow::Cow;

use super::super::lex::{self, Token};
use super::super::metric::{self, Class, MetricMention};
use super::super::number::{Dim, Figure};
use super::super::other;
use super::super::period;
use super::figure::{Change, Slot};
use super::words::*;
use super::{money_unit, Ctx, Sentence};
use crate::facts::{Basis, Measure, Part, Period, Unit};

/// Metrics only the company reports: a part's paragraph does not make them the part's.
const COMPANY_ONLY: &[&str] = &["operating_cash_flow", "free_cash_flow", "cash", "buyback", "dividend", "share_count"];

/// The metric a figure is of, with its unit class, whether it names a loss,
/// and the segment said with it.
pub(super) struct Named {
    pub(super) name: Cow<'static, str>,
    pub(super) class: Class,
    negative: bool,
    segment: Option<String>,
}

/// A figure's measure, value (and range), unit and period.
pub(super) struct Value {
    pub(super) measure: Measure,
    pub(super) value: f64,
    pub(super) range: Option<(f64, f64)>,
    pub(super) unit: Unit,
    pub(super) period: Period,
}

/// Words that name growth without naming a metric: "organic growth", "operational growth".
const BARE_GROWTH: &[&str] = &["organic", "operational", "underlying", "core", "growth"];

impl Sentence<'_, '_> {
    /// Whether the mention names a change: same-store sales, "revenue
    /// growth".
    fn names_growth(&self, m: &MetricMention) -> bool {
        m.metric == "same_store_sales" || self.t[m.last - 1].is("growth")
    }

    /// The metric whose growth a percent is, "growth" said after the metric's
    /// name and the percent right before it or a few words after it:
    /// "12% to 15% recurring revenue growth", "operating income growth
    /// guidance to 95% to 105%" ("EPS growth of 18% to $1.58": the level is
    /// the metric's own).
    fn growth_named(&self, f: &Figure) -> Option<&MetricMention> {
        let t = self.t;
        if !matches!(f.dim, Dim::Percent) {
            return None;
        }
        let clause = |a: usize, b: usize| !self.figures.iter().any(|g| g.first >= a && g.last <= b) && !t[a..b].iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "which", "while", "but", "that", "with"]));
        // "net sales growth of, approximately, 16%".
        let hedged = |a: usize, b: usize| a < b && !t[a].sym(',') && t[a..b].iter().all(|x| x.sym(',') || x.is_any(SKIP_BEFORE));
        self.metrics.iter().find(|m| {
            let growth = self.names_growth(m) || t.get(m.last).is_some_and(|x| x.is("growth"));
            let end = if t[m.last - 1].is("growth") { m.last } else { m.last + 1 };
            // Not bare "organic growth" after a figure of the metric before ("EPS of $1.58 represents plus 8.5% organic growth").
            let bare = t[m.first..m.last].iter().all(|x| x.is_any(BARE_GROWTH));
            // "15% to 16% constant currency sales growth", not "50% to the sales growth" (a contribution to it).
            let right_after = !bare && m.first >= f.last && m.first <= f.last + 3 && clause(f.last, m.first)
                && !t[f.last..m.first].iter().any(|x| x.is_any(&["to", "of", "in", "for", "from", "by", "the", "our", "its"]));
            let said_before = match self.past_replaced(end, f.first) {
                // "revenue growth from 6% to 8%, up to 9% to 10%".
                Some(end) => f.first - end <= 6 && t[end..f.first].iter().all(|x| x.sym(',') || x.is_any(&["up", "down", "now", "to", "a", "the", "new", "range", "of"])),
                None => end <= f.first && f.first - end <= 6 && (clause(end, f.first) || hedged(end, f.first)),
            };
            growth && (right_after || said_before)
        })
    }

    /// Whether metric mention `m` can be the metric of figure `at`, as a
    /// change or as a level: its unit class takes the figure's unit ("FFO of
    /// $120 million" is no per-share figure; bare "earnings" is EPS as a level
    /// in dollars and cents; a dividend is a total or per share; "same-store
    /// sales rose 5.8%", "organic growth of 7%" are changes in percent).
    fn fits(&self, at: &Slot, m: &MetricMention, change: bool) -> bool {
        let f = at.f;
        // "adjusted EBITDA per ton was $62": a rate per unit, not the metric.
        if super::figure::per_unit(self.t, m.last) {
            return false;
        }
        if m.metric == metric::BARE_EARNINGS {
            return !change && !self.item_per_share(at.n) && (matches!(f.dim, Dim::PerShare(_) | Dim::Money { explicit: true, .. }) && f.value.abs() < 100.0 || self.earnings_per_share_after(at.n));
        }
        if m.class == Class::PerShare && matches!(f.dim, Dim::Money { .. }) && f.value.abs() >= 1000.0 {
            return false;
        }
        // "increased our dividend to $0.42 per share, a $0.02 per share increase": a level or a change.
        if m.metric == "dividend" && matches!(f.dim, Dim::PerShare(_)) {
            return true;
        }
        if self.names_growth(m) {
            return matches!(f.dim, Dim::Percent);
        }
        if change {
            metric::change_fits(m.class, f.dim) || f.implied
        } else {
            metric::level_fits(m.class, f.dim)
        }
    }

    /// Which metric the figure is bound to: "of revenue" / "increase in R&D"
    /// right after it (or the one "respectively" pairs it with, or the one
    /// between it and its change noun: "a 19% year-over-year revenue
    /// decline"), else the nearest before it, else one after it in its clause
    /// ("$184 million in revenue"). Returns it and whether the figure is a
    /// change: a percent beside a money metric is one when a comparison
    /// follows ("25% year-over-year"), which may set the change's sign.
    pub(super) fn metric_of(&self, ctx: &Ctx, at: &Slot, change: &mut Change, period: Period, guided: bool) -> (Option<&MetricMention>, bool) {
        let (t, f, hi) = (self.t, at.f, at.hi);
        let wants_change = change.sign.is_some() || matches!(f.dim, Dim::Bp | Dim::Pp) || f.implied;
        let fits = |m: &&MetricMention| self.fits(at, m, wants_change);
        let forward = {
            let mut k = f.last;
            if change.sign.is_some() && t.get(k).is_some_and(|x| sign_of(x).is_some()) {
                k += 1;
            }
            // "19% operational growth in adjusted net income".
            let bare = t[k..].iter().take_while(|x| x.is_any(BARE_GROWTH)).count();
            if bare > 0 && t[k + bare - 1].is("growth") && t.get(k + bare).is_some_and(|x| x.is("in")) {
                k += bare;
            }
            if t.get(k).is_some_and(|x| x.is_any(&["of", "in", "from"])) {
                // "$5 million in revenue", not "from $5.99 in 2020 and adjusted EBITDA of": no clause between.
                self.metrics.iter().find(|m| m.first > k && m.first <= k + 3).filter(fits).filter(|m| !t[k..m.first].iter().any(|x| x.sym(',') || x.sym(';') || x.is("and")))
            } else {
                None
            }
        };
        let between = self.metrics.iter().find(|m| {
            change.sign.is_some() && m.first >= f.last && m.first <= f.last + 5 && m.first < hi && t.get(m.last).is_some_and(|x| sign_of(x).is_some()) && fits(m)
                // "growth of 1% to 1.5%; a same-store sales decline of 3%": the next item's metric.
                && !t[f.last..m.first].iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "while", "but"]))
        });
        let respective = self.respective.as_ref().map(|ms| &self.metrics[ms[at.n]]).filter(fits);
        // "we generated $310 million in cash from operations and returned $61 million to
        // shareholders": a clause of its own, with a transaction verb, is no figure of the metric before.
        let own_clause = |m: &MetricMention| {
            (m.last..f.first).any(|k| t[k].is_any(&["and", "while", "but"]) && t.get(k + 1).is_some_and(|v| v.is_any(TRANSACTIONS)))
        };
        let before = self.metrics.iter().rev().find(|m| m.last <= f.first && fits(m) && !own_clause(m));
        // "... of $111.6 million included cash dividends of": a verb between, another subject.
        let after = self.metrics.iter().find(|m| {
            m.first >= f.last && m.first < hi && m.first <= f.last + 6 && fits(m)
                && !t[f.last..m.first].iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "while", "included", "includes", "including", "comprised", "reflecting", "reflected"]))
        });
        let growth = self.growth_named(&f).filter(|m| self.fits(at, m, true));
        let mut chosen = respective.or(forward).or(growth).or(between).or(before).or(after);
        let mut is_change = wants_change || chosen.is_some_and(|m| self.names_growth(m) || growth.is_some_and(|g| std::ptr::eq(g, m)));
        if chosen.is_none() && !change.from_base && matches!(f.dim, Dim::Percent) {
            let m = self.metrics.iter().rev().find(|m| m.last <= f.first && m.metric != metric::BARE_EARNINGS && metric::change_fits(m.class, f.dim));
            let marker = comparison_in(t, f.last, (f.last + 3).min(hi), &self.periods, Some(period), ctx.call).is_some();
            if m.is_some() && (marker || guided && m.is_some_and(|m| self.outlook_percent(at, m))) {
                chosen = m;
                is_change = true;
                change.sign.get_or_insert(1.0);
            }
        }
        (chosen, is_change)
    }

    /// The end of a range that a revision replaces, said right after `from`
    /// and before `upto`: "revenue growth from 12% to 16% to 13% to 15%",
    /// "guidance for revenue from 12% to 16% to a new range of 13% to 15%".
    fn past_replaced(&self, from: usize, upto: usize) -> Option<usize> {
        self.figures.iter().filter(|g| g.replaced && g.first >= from && g.first <= from + 3 && g.last <= upto).map(|g| g.last).max()
    }

    /// Whether a percent guided for revenue is its growth: "narrowing 2021
    /// guidance for revenue to a new range of 13% to 15%", "our sales outlook
    /// is 4% to 6%", "maintaining 2021 guidance: net sales of +10% to +13%".
    /// The outlook's words come between revenue and the percent, or right
    /// before revenue with only "of", "is", "at" ... between; no other figure,
    /// metric or clause comes between, no past verb, and the percent is no
    /// share ("15% as a percentage of total sales", "5% of revenue"), no
    /// effect on revenue ("we expect foreign exchange to decrease our reported
    /// revenue by approximately 1%") and no figure of a metric after it ("$11.5
    /// billion in sales at an approximately 23.2% adjusted EBITDA margin").
    fn outlook_percent(&self, at: &Slot, m: &MetricMention) -> bool {
        let (t, f) = (self.t, at.f);
        // Shares, mixes and effects on revenue (besides EFFECT_NOUNS).
        const NOT_GROWTH: &[&str] = &["percentage", "proportion", "portion", "cagr", "mix", "index", "effect", "effects", "exchange", "fx", "acquisition", "acquisitions", "divestiture", "divestitures"];
        const LINKS: &[&str] = &["of", "is", "at", "to", "be", "will", "should", "plus"];
        let start = self.past_replaced(m.last, f.first).unwrap_or(m.last);
        let between = &t[start..f.first];
        let outlook_between = between.len() <= 10 && between.iter().any(|x| x.is_any(GUIDANCE_WORDS) || x.is("range"));
        let outlook_before = between.len() <= 3 && between.iter().all(|x| x.is_any(LINKS) || x.is_any(APPROXIMATELY)) && t[m.first.saturating_sub(8)..m.first].iter().any(|x| x.is_any(GUIDANCE_WORDS));
        m.metric == "revenue"
            && (outlook_between || outlook_before)
            && !t[..f.first].iter().any(|x| x.is_any(NOT_GROWTH) || x.is_any(EFFECT_NOUNS))
            && !between.iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "while", "but", "with", "from", "share", "conversion", "ratio"]))
            && !self.any_past(m.first.saturating_sub(6), f.first)
            && !self.figures.iter().any(|g| g.first >= start && g.last <= f.first)
            && !self.metrics.iter().any(|x| x.first >= m.last && x.first <= f.last + 4)
            && !t.get(f.last).is_some_and(|x| x.is_any(&["of", "from", "as"]))
            && !t[f.last..at.hi].iter().any(|x| x.is_any(&["estimate", "estimates", "plan", "budget", "target"]))
    }

    /// A subject of the figure's own, right before its change verb, after a
    /// clause opener: "with the U.S. growing 14% and international growing
    /// 17%", "Laboratory sales grew 6%, Industrial increased 2%", "with Aerie
    /// up 158%". A place or a name in capitals is the figure's segment
    /// (`Some(Some(name))`); a subject the binder cannot name ("with core
    /// industrial up 4%") makes the figure no figure of the metric before it
    /// (`None`: skipped).
    pub(super) fn change_subject(&self, at: &Slot, sign: Option<f64>, chosen: Option<&MetricMention>) -> Option<Option<String>> {
        let (t, f, lo) = (self.t, at.f, at.lo);
        if !(sign.is_some() && f.first >= 2 && (t[f.first - 1].is_any(CHANGE_UP) || t[f.first - 1].is_any(CHANGE_DOWN))) {
            return Some(None);
        }
        let c = f.first - 1;
        let w = &t[c - 1];
        let geo = w.is_any(&["international", "domestic", "U.S", "US", "Europe", "EMEA", "APAC", "Asia", "China", "Japan", "Americas", "Canada", "India", "Latin"]);
        let mut s = c;
        let opens = |x: &Token<'_>| x.sym(',') || x.sym(';') || x.is_any(&["with", "while", "and", "whereas"]);
        while s > lo && c - s < 3 && t[s - 1].kind == lex::Tok::Word && !opens(&t[s - 1]) && !t[s - 1].is_any(NOT_SUBJECTS) && !t[s - 1].text.ends_with("ly") {
            s -= 1;
        }
        let opener = s < c && s > 0 && opens(&t[s - 1]);
        let before_metric = chosen.is_none_or(|m| m.last < s);
        let own_metric = self.metrics.iter().any(|m| m.last == c || m.first >= s && m.last <= c);
        if geo && chosen.is_none_or(|m| m.last < c - 1) {
            return Some(Some(metric::segment_name(w.text)));
        }
        if opener && before_metric && !own_metric {
            if t[s..c].iter().all(metric::name_word) {
                let words: Vec<&str> = t[s..c].iter().map(|x| x.text).collect();
                return Some(Some(metric::segment_name(&words.join(" "))));
            } else if chosen.is_some() {
                return None;
            }
        }
        Some(None)
    }

    /// Whether an amount of money is earnings said with their per-share
    /// figure right after it: "earnings were $738 million or $1.24 per diluted
    /// share", "we earned $1.6 billion after-tax or $5.04 per share" (net
    /// income; an amount before tax is no net income). After another figure,
    /// only as its comparison ("compared with $95.1 million or $1.50 per share
    /// in the same quarter of last year"), not an item's amount ("largely
    /// driven by gains of $43.9 million or $0.10 per share").
    fn earnings_per_share_after(&self, n: usize) -> bool {
        let t = self.t;
        let Some(f) = self.figures.get(n) else { return false };
        let in_period = |k: usize| self.periods.iter().any(|m| m.first <= k && k < m.last);
        let compared = n == 0
            || self.figures.get(n - 1).is_none_or(|p| {
                (p.last..f.first).all(|k| in_period(k) || t[k].sym(',') || t[k].is_any(&["compared", "to", "with", "versus", "vs", "vs.", "and", "from", "earnings", "of", "in", "the", "a", "same", "prior", "last", "year"]))
            });
        matches!(f.dim, Dim::Money { .. })
            && f.value.abs() >= 1000.0
            && compared
            && self.figures.get(n + 1).is_some_and(|g| {
                matches!(g.dim, Dim::PerShare(_))
                    && t[f.last..g.first].iter().any(|x| x.is("or"))
                    && t[f.last..g.first].iter().all(|x| x.sym(',') || x.sym('-') || x.is_any(&["or", "after-tax", "after", "tax"]))
            })
    }

    /// Whether a per-share figure is an item's amount per share, said after
    /// that amount: "largely driven by gains of $43.9 million or $0.10 per
    /// share", "a gain of $12 million or $0.05 per share" (no EPS).
    fn item_per_share(&self, n: usize) -> bool {
        let t = self.t;
        let (Some(f), Some(g)) = (self.figures.get(n), n.checked_sub(1).and_then(|p| self.figures.get(p))) else { return false };
        let lo = n.checked_sub(2).and_then(|p| self.figures.get(p)).map_or(0, |p| p.last);
        // The item's noun right before its amount ("charges of", "a gain of approximately"), and
        // not what is left without it ("net income excluding all investment gains and losses of").
        let noun = (lo..g.first).rev().take_while(|&k| t[k].is_any(&["of", "by", "approximately", "about", "roughly", "totaling", "totaled", "was", "were", "and", "losses"]) || t[k].is_any(EFFECTS)).filter(|&k| t[k].is_any(EFFECTS)).last();
        let excluded = |k: usize| t[lo.max(k.saturating_sub(5))..k].iter().any(|x| x.is_any(&["excluding", "excluded", "exclude", "ex", "before", "less"]));
        matches!(f.dim, Dim::PerShare(_))
            && matches!(g.dim, Dim::Money { .. })
            && f.first > 0
            && t[f.first - 1].is("or")
            && noun.is_some_and(|k| !excluded(k))
    }

    /// The metric the figure is of: the chosen mention's (bare "earnings" is
    /// EPS, or net income as an amount with its per-share figure after it),
    /// else, with none, [`Sentence::unnamed`]'s. `None` skips the figure.
    pub(super) fn named(&self, at: &Slot, chosen: Option<&MetricMention>, change_subject: bool) -> Option<Named> {
        match chosen {
            Some(m) if m.metric == metric::BARE_EARNINGS => {
                let name = if self.earnings_per_share_after(at.n) { "net_income" } else { "eps" };
                Some(Named { name: name.into(), class: if name == "eps" { m.class } else { Class::Money }, negative: m.negative, segment: m.segment.clone() })
            }
            Some(m) => Some(Named { name: m.metric.into(), class: m.class, negative: m.negative, segment: m.segment.clone() }),
            None => self.unnamed(at, change_subject),
        }
    }

    /// The metric of a figure no metric mention was bound to: a per-share
    /// figure is EPS (negative after a loss: "a net loss of $26.6 million or
    /// $0.13 per share"), or the per-share amount of the charge before it
    /// ("charges totaling $17 million pre-tax or $0.33 per diluted share"),
    /// and no figure when it is a price ("at an average price of $30.26 per
    /// share"); a share count; or a metric outside the lexicon named by its
    /// noun phrase ("restructuring charges were $63 million", `other.rs`).
    fn unnamed(&self, at: &Slot, change_subject: bool) -> Option<Named> {
        let (t, f, lo, hi, n) = (self.t, at.f, at.lo, at.hi, at.n);
        let in_period = |k: usize| self.periods.iter().any(|m| m.first <= k && k < m.last);
        let named = |name: Cow<'static, str>, class| Some(Named { name, class, negative: false, segment: None });
        match f.dim {
            Dim::PerShare(_) => {
                if t[lo.max(f.first.saturating_sub(5))..f.first].iter().any(|x| x.is_any(&["price", "prices", "priced", "valuation"])) {
                    return None;
                }
                let of_effect = (n > 0 && f.first > 0 && t[f.first - 1].is("or") && matches!(self.figures[n - 1].dim, Dim::Money { .. }))
                    .then(|| {
                        let g = &self.figures[n - 1];
                        let at = other::Spot { lo: if n >= 2 { self.figures[n - 2].last } else { 0 }, first: g.first, last: g.last, hi: f.first, money: true };
                        other::phrase_metric(t, &at, in_period)
                    })
                    .flatten()
                    .filter(|name| name.rsplit('_').next().is_some_and(|w| EFFECTS.contains(&w)));
                // "income of $5.2 million pre-tax or $0.08 per diluted share for ... tax credits": an
                // item's amount per share (earnings per share are after tax).
                let before_tax = |k: usize| t[k].is_any(&["pre-tax", "pretax"]) || t[k].is("tax") && k > 0 && (t[k - 1].is_any(&["pre", "before"]) || t[k - 1].sym('-') && k > 1 && t[k - 2].is("pre"));
                let pre_tax = n > 0 && f.first >= 2 && t[f.first - 1].is("or") && before_tax(f.first - 2);
                if let Some(name) = of_effect {
                    named(format!("{name}_per_share").into(), Class::PerShare)
                } else if pre_tax || self.item_per_share(n) {
                    None
                } else {
                    let loss = self.metrics.iter().rev().find(|m| m.last <= f.first).is_some_and(|m| m.negative && matches!(m.metric, "net_income" | "operating_income"));
                    Some(Named { name: "eps".into(), class: Class::PerShare, negative: loss, segment: None })
                }
            }
            Dim::Shares if t.iter().any(|x| x.is_any(&["weighted", "diluted", "outstanding"])) => named("share_count".into(), Class::Shares),
            // "Capital One earned $3.5 billion or $7.62 per diluted common share".
            Dim::Money { .. } if f.first > 0 && t[f.first - 1].is("earned") && self.earnings_per_share_after(n) => named("net_income".into(), Class::Money),
            Dim::Money { .. } | Dim::Percent if !change_subject => {
                let money = matches!(f.dim, Dim::Money { .. });
                let at = other::Spot { lo, first: f.first, last: f.last, hi, money };
                let name = other::phrase_metric(t, &at, in_period)?;
                named(name.into(), if money { Class::Money } else { Class::Ratio })
            }
            _ => None,
        }
    }

    /// The figure's segment: its change's own subject, else the one said with
    /// its metric, else a place or business in capitals right after it and
    /// ending its clause ("Local currency sales grew 6% in the Americas, 1% in
    /// Europe"; not a metric in capitals: "investing over $500 million in
    /// R&D"), else the sentence's subject, unless the metric is the company's
    /// own ("Our sales", "total revenue"). A revenue mix's segment follows the
    /// figure ("18% IP") or "for".
    /// "Americas and EMEA revenue grew 5% and 7%, respectively": the `n`th
    /// figure's segment is the `n`th name listed before the one metric said,
    /// or after it ("revenue in the Americas and EMEA"; the list taken around
    /// again where each name has a level and a change).
    fn respective_segment(&self, at: &Slot, chosen: Option<&MetricMention>) -> Option<String> {
        let m = chosen?;
        let before_figures = self.metrics.iter().filter(|x| x.last <= self.figures[0].first).count();
        if !self.lower.contains("respectively") || self.respective.is_some() || before_figures != 1 || m.last > self.figures[0].first {
            return None;
        }
        // Only the figures before "respectively" are paired: "..., respectively while DE decreased 26%".
        let until = self.t.iter().position(|x| x.is("respectively"))?;
        if at.f.first > until {
            return None;
        }
        let paired = self.figures.iter().filter(|g| g.first < until).count();
        let mut names = metric::listed_names(self.t, m.first);
        // "revenue in the Americas and EMEA grew 5% and 7%, respectively": listed after it.
        if names.is_empty() {
            names = metric::listed_names_after(self.t, m.last);
        }
        (!names.is_empty() && paired % names.len() == 0).then(|| names[at.n % names.len()].clone())
    }

    pub(super) fn segment_of(&self, at: &Slot, chosen: Option<&MetricMention>, named: &Named, change_subject: Option<String>) -> Option<String> {
        let (t, f, lo, hi) = (self.t, at.f, at.lo, at.hi);
        let mut segment = named.segment.clone();
        let trailing = if segment.is_none() && t.get(f.last).is_some_and(|x| x.is("in")) {
            metric::proper_name(t, f.last + 1).filter(|&(_, end)| {
                (end >= hi || t[end].kind == lex::Tok::Sym && !t[end].sym('-') && !t[end].sym('/') || t[end].is_any(&["and", "while", "but", "with"]))
                    && !self.metrics.iter().any(|m| m.first > f.last && m.first < end)
            })
        } else {
            None
        };
        // A list's names paired by "respectively" before the last name as the change's subject
        // ("revenues in EMEA and North America increased 22.8% and 8.1% respectively").
        if let Some(name) = self.respective_segment(at, chosen) {
            segment = Some(name);
        } else if change_subject.is_some() {
            segment = change_subject;
        } else if let Some((name, _)) = trailing {
            segment = Some(name);
        }
        // "our gross margin" is the company's, unless the sentence opened on the
        // segment it is about ("In the Enterprise Division, ... our gross margin").
        let own = if self.subject_leads { &["consolidated", "overall", "company", "group"][..] } else { &["our", "total", "consolidated", "overall", "company", "group"][..] };
        let company_level = chosen.is_some_and(|m| m.first > 0 && t[m.first - 1].is_any(own));
        // What only the company reports (its cash flows, cash, per-share figures,
        // returns to shareholders) is no part's for being said in a part's paragraph.
        let company_only = COMPANY_ONLY.contains(&named.name.as_ref());
        if segment.is_none() && matches!(named.class, Class::Money | Class::Ratio) && named.name != "revenue_mix" && !company_level && !company_only {
            segment = self.subject.clone().or_else(|| chosen.and_then(|m| self.segment_said_before(m)));
        }
        if named.name == "revenue_mix" {
            if let Some(w) = t.get(f.last).filter(|x| x.kind == lex::Tok::Word && !x.is_any(&["of", "in", "and", "to", "for", "from", "above", "below"])) {
                segment = Some(metric::segment_name(w.text));
            } else if let Some(s) = t[lo..f.first]
                .windows(2)
                .rev()
                .chain(t[f.last..hi].windows(2))
                .find(|w| w[0].is("for") && w[1].kind == lex::Tok::Word && !w[1].is_any(&["the", "our", "a", "fiscal", "this", "next"]))
                .map(|w| metric::segment_name(w[1].text))
            {
                segment = Some(s);
            }
        }
        segment
    }

    /// The segment of the same metric said earlier in the sentence: "Latin
    /// America net sales were up 11% with 8% organic sales growth" (the 8% is
    /// Latin America's too): a figure that qualifies the first, joined by
    /// "with", "including" or "or"; not when "total" or a contrast comes
    /// between, nor when no figure does.
    fn segment_said_before(&self, m: &MetricMention) -> Option<String> {
        let before = self.metrics.iter().rev().find(|x| x.last <= m.first && x.metric == m.metric)?;
        // It had a figure of its own ("positive EBITDA since the start of the pandemic with
        // adjusted EBITDA of $751 million" names no segment).
        if !self.figures.iter().any(|g| g.first >= before.last && g.last <= m.first) {
            return None;
        }
        let between = &self.t[before.last..m.first];
        if between.iter().any(|x| x.is_any(&["total", "consolidated", "overall", "company", "while", "whereas", "but", "compared"])) {
            return None;
        }
        // A figure that qualifies the first ("up 11% with 8% organic growth", "or 9%
        // excluding currency"), not the metric said again of the company ("product
        // revenue grew 87%, and revenue reached a record $184.2 million").
        if !between.iter().any(|x| x.is_any(&["with", "including", "or"])) {
            return None;
        }
        before.segment.clone()
    }

    /// A change's measure (the comparison said after the figure, before it,
    /// anywhere in the sentence, else year over year), signed value and unit.
    /// `None` skips a multiple ("2x"), which is no change, and a change over
    /// more than a year ([`over_years`]).
    pub(super) fn change_value(&self, ctx: &Ctx, at: &Slot, sign: Option<f64>, named: &Named, period: Period) -> Option<Value> {
        let (t, f, lo, hi, class) = (self.t, at.f, at.lo, at.hi, named.class);
        if over_years(t, &f, lo, hi) {
            return None;
        }
        let s = sign.unwrap_or(1.0);
        // "an increase in cash of $34 million during the quarter": a balance's change over the
        // quarter is against the quarter before.
        let over_quarter = metric::is_balance(&named.name)
            && self.periods.iter().any(|m| m.what == period::PeriodRef::ThisQuarter && m.first >= f.last && m.first <= f.last + 2 && t[f.last].is_any(&["during", "in", "for"]));
        let measure = comparison_in(t, f.last, hi, &self.periods, Some(period), ctx.call)
            .or_else(|| comparison_in(t, lo, f.first, &self.periods, Some(period), ctx.call))
            .or_else(|| comparison_in(t, 0, t.len(), &self.periods, Some(period), ctx.call))
            .unwrap_or(if over_quarter { Measure::Qoq } else { Measure::Yoy });
        let unit = match f.dim {
            Dim::Percent => Unit::Percent,
            Dim::Bp => Unit::Bp,
            Dim::Pp => Unit::Pp,
            Dim::Days => Unit::Days,
            Dim::Shares => Unit::Shares,
            Dim::Money { cur, explicit } => money_unit(class, if explicit { cur } else { ctx.currency }),
            Dim::PerShare(c) => Unit::PerShare(c),
            Dim::Times => return None,
        };
        // "between a 4% decline and a 1% increase", "-4% to 1%": the ends carry their own signs.
        let signed = f.signed || f.range.is_some_and(|(l, h)| l < 0.0 && h > 0.0);
        let value = if signed { f.value } else { s * f.value.abs() };
        let range = f.range.map(|(l, h)| if signed { (l, h) } else if s < 0.0 { (-h.abs() + 0.0, -l.abs() + 0.0) } else { (l.abs(), h.abs()) });
        Some(Value { measure, value, range, unit, period })
    }

    /// A level's value and unit (negative for a loss: "EBITDA was a loss of
    /// $27 million"), of its period or, for a comparison base, of the base's
    /// ([`Sentence::base_period`]). `None` skips a unit the metric does not
    /// take, or a base with no earlier period.
    pub(super) fn level_value(&self, ctx: &Ctx, at: &Slot, change: &Change, named: &Named, period: Period) -> Option<Value> {
        let (t, f) = (self.t, at.f);
        let unit = match (named.class, f.dim) {
            (Class::Money, Dim::Money { cur, explicit }) => Unit::Money(if explicit { cur } else { ctx.currency }),
            (Class::PerShare, Dim::PerShare(c) | Dim::Money { cur: c, .. }) => Unit::PerShare(c),
            (Class::Money, Dim::PerShare(c)) if named.name == "dividend" => Unit::PerShare(c),
            (Class::Ratio, Dim::Percent) => Unit::Percent,
            (Class::Days, Dim::Days) => Unit::Days,
            (Class::Shares, _) => Unit::Shares,
            _ => return None,
        };
        let mut value = f.value;
        let mut range = f.range;
        let loss = f.first >= 2 && t[f.first - 1].is("of") && t[f.first - 2].is_any(&["loss", "losses", "deficit"]);
        if (named.negative || loss) && value > 0.0 {
            value = -value;
            range = range.map(|(l, h)| (-h, -l));
        }
        let period = if change.from_base { self.base_period(ctx, at, change, period)? } else { period };
        Some(Value { measure: Measure::Level, value, range, unit, period })
    }

    /// The period of a comparison base: the one in its own words (its
    /// qualifiers, "versus 2020 revenue of $476 million", or a few words
    /// after it), a year back from a full-year figure ("as compared with
    /// $455.9 million in the prior year"), the year-ago quarter for a year
    /// said beside a quarter's figure ("$216.2 million in the quarter,
    /// compared to $171.4 million in 2019"); else a quarter or a year back as
    /// the sentence compares.
    fn base_period(&self, ctx: &Ctx, at: &Slot, change: &Change, period: Period) -> Option<Period> {
        let (t, f, lo) = (self.t, at.f, at.lo);
        let (pk, qk) = (change.pk, change.qk);
        let periods = &self.periods;
        // "compared to $29.7 million or $0.58 per diluted share a year ago": the pair's period.
        let pair = self.figures.get(at.n + 1).filter(|g| g.first == f.last + 1 && t[f.last].is("or"));
        let after = base_period_after(t, periods, f.last, at.hi).or_else(|| pair.and_then(|g| base_period_after(t, periods, g.last, self.slot(at.n + 1).hi)));
        // Not the period of the base before it: "from 34% in Q2 and 32.3% in Q3 of last year".
        let the_last_ones = |m: &period::Mention| at.n > 0 && t[lo..m.first].iter().all(|x| x.is_any(&["in", "at", "for", "of", "the"]));
        let before_own = periods.iter().rev().find(|m| m.comparison && m.last <= pk && m.first >= lo.max(pk.saturating_sub(6)) && !the_last_ones(m));
        let explicit = change
            .base_mention
            .map(|m| &periods[m])
            .or(before_own)
            .or_else(|| periods.iter().find(|m| m.first >= f.last && m.first <= f.last + 2 || Some(m.first) == after));
        let relative = explicit.and_then(|m| match m.what {
            period::PeriodRef::PrevYear if !period.is_quarter() => period.prev_year(),
            _ => None,
        });
        // "at year-end 2023", "the end of 2023": the year's close, not the year-ago quarter.
        let from_end = explicit.is_some_and(|m| t[m.first].is_any(&["year", "end", "the"]));
        match relative.or_else(|| explicit.and_then(|m| period::resolve(m.what, ctx.call, self.context, false))) {
            Some(x) if x.part() == Some(Part::Year) && period.is_quarter() && !from_end && x.year_number().zip(period.year_number()).is_some_and(|(a, b)| a + 1 == b) => {
                Some(period.prev_year().unwrap_or(x))
            }
            Some(x) => Some(x),
            None => {
                let said = if t[qk..pk].iter().any(|x| x.is_any(&["year's", "year-ago", "prior-year"])) {
                    Some(Measure::Yoy)
                } else if t[qk..pk].iter().any(|x| x.is("quarter's")) {
                    Some(Measure::Qoq)
                } else {
                    None
                };
                let cmp = said.or_else(|| comparison_in(t, 0, t.len(), periods, Some(period), ctx.call));
                match (cmp, period.is_quarter()) {
                    (Some(Measure::Qoq), _) | (None, true) => period.prev_quarter(),
                    _ => period.prev_year(),
                }
            }
        }
    }

    /// The basis said nearest before the figure: "adjusted diluted EPS ...
    /// $5.09 to $5.19 and reported diluted EPS ... $4.75 to $4.87", "grow
    /// constant currency sales 4% to 6%".
    pub(super) fn figure_basis(&self, at: &Slot) -> Option<Basis> {
        let t = self.t;
        let named = |k: usize| self.metrics.iter().any(|m| m.first == k) || t.get(k).is_some_and(|x| x.is("growth"));
        let constant = |k: usize| t[k].is("currency") && k >= 1 && t[k - 1].is("constant") && named(k + 1) || t[k].is("operational") && (named(k) || named(k + 1));
        // "15% operational revenue growth": said right after the figure, before its metric.
        if (at.f.last..(at.f.last + 2).min(at.hi)).any(constant) {
            return Some(Basis::ConstantCurrency);
        }
        // "from $0.71 to $0.86 on a GAAP basis and from $0.98 to $1.13 on a non-GAAP basis": said right after.
        if t.get(at.f.last).is_some_and(|x| x.is("on")) && t.get(at.f.last + 1).is_some_and(|x| x.is_any(&["a", "an"])) {
            let w = &t[at.f.last + 2..(at.f.last + 6).min(at.hi)];
            if let Some(b) = w.iter().position(|x| x.is("basis")) {
                // "a GAAP", "a non-GAAP" ("non", "-", "GAAP"), "an adjusted".
                let said = |word: &str| w[..b].iter().any(|x| x.is(word));
                if said("adjusted") || said("gaap") && said("non") {
                    return Some(Basis::NonGaap);
                } else if said("gaap") {
                    return Some(Basis::Gaap);
                }
            }
        }
        (at.lo..at.f.first).rev().find_map(|k| {
            let x = &t[k];
            let non = k >= 2 && t[k - 1].sym('-') && t[k - 2].is("non") || k >= 1 && t[k - 1].is("non");
            if constant(k) {
                // "we expect to grow constant currency sales 4% to 6%", "15% operational revenue growth"
                // (as "15% operationally": excluding currency).
                Some(Basis::ConstantCurrency)
            } else if x.is_any(&["adjusted", "core", "underlying"]) || x.is("gaap") && non {
                Some(Basis::NonGaap)
            } else if x.is("gaap") || x.is("unadjusted")
                || x.is("reported") && !(k > 0 && t[k - 1].is_any(&["we", "i", "they", "it", "company", "and", "have", "has", "had"])) && t.get(k + 1).is_some_and(|n| n.is_any(&["diluted", "basic", "net", "eps", "earnings", "revenue", "gross", "operating"]))
            {
                Some(Basis::Gaap)
            } else {
                None
            }
        })
    }
}
