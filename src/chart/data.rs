//! Picking the facts a chart shows: its levels (one per metric, segment
//! and period, an actual before a derived figure), its guides, the currency
//! most of its money is in. How the numbers and names are written for people
//! is [`super::format`] and [`super::names`].

use super::format::Fmt;
use crate::facts::{Currency, Fact, Facts, Kind, Measure, Part, Period, Unit};

/// A finite value, or nothing.
pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// A level figure (actual or derived) to plot.
#[derive(Debug, Clone)]
pub(crate) struct Level {
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    pub period: Period,
    pub segment: String,
    pub value: f64,
    pub derived: bool,
}

/// A guided range (or single value) for a period.
#[derive(Debug, Clone)]
pub(crate) struct Guide {
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    pub metric: String,
    pub segment: String,
    pub period: Period,
    pub unit: Unit,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub value: Option<f64>,
}

impl Guide {
    /// Midpoint (or the single value, or the one end given).
    pub(crate) fn mid(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0).filter(|m| m.is_finite()),
            _ => self.value.or(self.low).or(self.high),
        }
    }

    /// Lowest and highest value the guide spans.
    pub(crate) fn span(&self) -> Option<(f64, f64)> {
        let vs: Vec<f64> = [self.low, self.high, self.value].into_iter().flatten().collect();
        let lo = vs.iter().copied().reduce(f64::min)?;
        let hi = vs.iter().copied().reduce(f64::max)?;
        Some((lo, hi))
    }

    /// Whether the guide is a range with two different ends.
    pub(crate) fn is_range(&self) -> bool {
        matches!((self.low, self.high), (Some(l), Some(h)) if l != h)
    }

    /// "$33–35M", "58–60%", "≥ $30M", "149M".
    pub(crate) fn label(&self, f: &Fmt) -> String {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l != h => f.range(l, h),
            (Some(l), None) if self.value.is_none() => format!("≥ {}", f.full(l)),
            (None, Some(h)) if self.value.is_none() => format!("≤ {}", f.full(h)),
            _ => self.mid().map(|m| f.full(m)).unwrap_or_default(),
        }
    }
}

/// Level facts (actual or derived) that pass `keep`, one per metric, segment
/// and period: an actual wins over a derived figure, an earlier fact over a
/// later one. Non-finite values are dropped.
pub(crate) fn levels<'a>(facts: &'a Facts, keep: impl Fn(&Fact) -> bool) -> Vec<(&'a Fact, Level)> {
    // Grouped by metric, segment and period with one stable sort (fact order
    // stays within a group); no map: each map type is more wasm.
    let mut all: Vec<(usize, &Fact)> = facts
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.measure == Measure::Level && f.kind != Kind::Guidance && keep(f) && finite(f.point()).is_some())
        .collect();
    let key = |f: &'a Fact| (&f.metric, &f.segment, f.period);
    crate::order::sort_by(&mut all, |a, b| key(a.1).cmp(&key(b.1)));
    // Actual and derived only: the group's first actual, else its first fact.
    let mut out: Vec<(usize, &Fact)> = all
        .chunk_by(|a, b| key(a.1) == key(b.1))
        .map(|group| *group.iter().find(|(_, f)| f.kind == Kind::Actual).unwrap_or(&group[0]))
        .collect();
    crate::order::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out.into_iter()
        .filter_map(|(i, f)| {
            let value = finite(f.point())?;
            Some((f, Level { fact: i, period: f.period, segment: f.segment.clone(), value, derived: f.kind == Kind::Derived }))
        })
        .collect()
}

/// Guidance level facts that pass `keep`, one per metric, segment and period
/// (the first), with non-finite ends dropped.
pub(crate) fn guides(facts: &Facts, keep: impl Fn(&Fact) -> bool) -> Vec<Guide> {
    let mut out: Vec<Guide> = Vec::new();
    for (i, f) in facts.facts.iter().enumerate() {
        if f.kind != Kind::Guidance || f.measure != Measure::Level || !keep(f) {
            continue;
        }
        let g = Guide {
            fact: i,
            metric: f.metric.clone(),
            segment: f.segment.clone(),
            period: f.period,
            unit: f.unit,
            low: finite(f.low),
            high: finite(f.high),
            value: finite(f.value),
        };
        if g.mid().is_none() {
            continue;
        }
        if out.iter().any(|o| o.metric == g.metric && o.segment == g.segment && o.period == g.period) {
            continue;
        }
        out.push(g);
    }
    out
}

/// The currency most money facts of `metric` use (the call's currency on a tie).
pub(crate) fn main_currency(facts: &Facts, keep: impl Fn(&Fact) -> bool) -> Option<Currency> {
    // A few currencies at most: a list, in code order (a map's order) for the tie rule below.
    let mut counts: Vec<(Currency, usize)> = Vec::new();
    for f in facts.facts.iter().filter(|f| keep(f)) {
        if let Unit::Money(c) = f.unit {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    crate::order::sort_by(&mut counts, |a, b| a.0.cmp(&b.0));
    let home = Currency::from_code(&facts.currency);
    counts.into_iter().max_by_key(|(c, n)| (*n, Some(*c) == home)).map(|(c, _)| c)
}

/// Whether two periods are of the same kind (quarter with quarter, ...).
pub(crate) fn same_grain(a: &Period, b: &Period) -> bool {
    let grain = |p: &Period| match p {
        Period::LongTerm => 3,
        Period::Fiscal { part, .. } | Period::Calendar { part, .. } => match part {
            Part::Quarter(_) => 0,
            Part::Half(_) => 1,
            Part::Year => 2,
        },
    };
    grain(a) == grain(b) && matches!(a, Period::Calendar { .. }) == matches!(b, Period::Calendar { .. })
}
