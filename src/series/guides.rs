//! Guides across calls: how each guide moved from the previous call's guide
//! of the same figure ([`Revision`]), and each guide paired with the actual
//! a later call reported once its period was over ([`Pair`], [`Verdict`]).

use super::figure::{same_key, tolerance};
use super::{Pair, Revision, SeriesFact, Verdict, PLAUSIBLE};
use crate::facts::{Basis, Fact, Kind, Measure, Part, Period, Unit};

/// The midpoint of a figure (its value, or the middle of its range).
fn midpoint(f: &Fact) -> Option<f64> {
    f.point()
}

/// Sets each guide's revision against the previous call's guide of the same
/// figure (the exact basis first, else the nearest midpoint).
pub(super) fn revise(facts: &mut [SeriesFact], position: &dyn Fn(usize) -> usize) {
    let guides: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].fact.kind == Kind::Guidance).collect();
    for &g in &guides {
        let here = position(facts[g].call);
        // An earlier guide of a stated basis that a guide of this call of that
        // very basis follows is that one's, not this one's (a guide of no
        // stated basis beside a non-GAAP one is the other figure).
        let claimed = |h: usize| {
            facts[h].fact.basis.is_some()
                && facts[h].fact.basis != facts[g].fact.basis
                && guides.iter().any(|&s| s != g && facts[s].call == facts[g].call && facts[s].fact.basis == facts[h].fact.basis && same_key(&facts[s].fact, &facts[g].fact))
        };
        let earlier: Vec<usize> = guides
            .iter()
            .copied()
            .filter(|&h| position(facts[h].call) < here && same_key(&facts[h].fact, &facts[g].fact) && !claimed(h))
            .collect();
        let Some(last) = earlier.iter().map(|&h| position(facts[h].call)).max() else { continue };
        let mid = midpoint(&facts[g].fact);
        let prev = earlier
            .iter()
            .copied()
            .filter(|&h| position(facts[h].call) == last)
            .min_by(|&a, &b| closeness(&facts[a].fact, &facts[g].fact, mid).total_cmp(&closeness(&facts[b].fact, &facts[g].fact, mid)));
        let (Some(prev), Some(mid)) = (prev, mid) else { continue };
        let Some(before) = midpoint(&facts[prev].fact) else { continue };
        let tol = tolerance(&facts[g].fact).max(tolerance(&facts[prev].fact));
        facts[g].revision = Some(if (mid - before).abs() <= tol + 1e-9 * mid.abs().max(before.abs()) {
            Revision::Reaffirmed
        } else if mid > before {
            Revision::Raised
        } else {
            Revision::Lowered
        });
    }
}

/// How well `a` matches `to` as the same figure: 0 for the same basis, else
/// the distance of the midpoints (plus one, so an exact basis always wins).
fn closeness(a: &Fact, to: &Fact, mid: Option<f64>) -> f64 {
    if a.basis == to.basis {
        return 0.0;
    }
    1.0 + match (midpoint(a), mid) {
        (Some(x), Some(y)) => (x - y).abs(),
        _ => f64::MAX / 2.0,
    }
}

/// Metrics where less is better: coming in below the guide is the beat.
const COSTS: &[&str] = &[
    "operating_expenses", "rd_expense", "sga_expense", "capex", "tax_rate", "total_expenses", "operating_expense_ratio",
    "sga_ratio", "rd_ratio", "capex_ratio", "expense_ratio", "combined_ratio", "net_charge_offs",
    "provision_for_credit_losses", "debt", "net_debt", "days_sales_outstanding",
];

/// Whether a call of period `at` can report `period` as done: `at` is its
/// last quarter or later (a Q1 call's "full-year" figure is no actual of the
/// year).
pub(super) fn period_closed(period: Period, at: Period) -> bool {
    let last = match period {
        Period::Fiscal { year, part: Part::Year | Part::Half(2) } => Period::quarter(year, 4),
        Period::Fiscal { year, part: Part::Half(_) } => Period::quarter(year, 2),
        _ => period,
    };
    at >= last
}

/// Pairs each guide with the actual of its period that a later call
/// reported, once the period was over (see [`period_closed`]): reported before derived, the guide's own basis first, then no
/// stated basis, then GAAP; a figure in conflict last.
pub(super) fn pair(facts: &[SeriesFact], position: &dyn Fn(usize) -> usize, closed: &dyn Fn(usize, Period) -> bool) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (g, guide) in facts.iter().enumerate().filter(|(_, f)| f.fact.kind == Kind::Guidance) {
        let after = position(guide.call);
        let rank = |f: &Fact| {
            let basis = if f.basis == guide.fact.basis {
                0
            } else if f.basis.is_none() {
                1
            } else if f.basis == Some(Basis::Gaap) {
                2
            } else {
                3
            };
            ((f.kind == Kind::Derived) as u8, f.conflict as u8, basis)
        };
        let actual = facts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.fact.kind != Kind::Guidance && same_key(&a.fact, &guide.fact) && plausible(&guide.fact, &a.fact))
            .filter(|(_, a)| a.calls.iter().any(|&c| position(c) > after && closed(c, a.fact.period)))
            .min_by_key(|(_, a)| rank(&a.fact));
        let Some((a, actual)) = actual else { continue };
        if let Some(p) = verdict(&guide.fact, &actual.fact) {
            pairs.push(Pair { guide: g, actual: a, ..p });
        }
    }
    pairs
}

/// Whether an amount can be the figure a guide was about: within a factor
/// of [`PLAUSIBLE`] of the midpoint, the same sign. A guide of $2.4 billion
/// "met" by $21 million is another figure the extractor bound to the metric,
/// not a miss by 99%. Changes and ratios can move anywhere.
fn plausible(guide: &Fact, actual: &Fact) -> bool {
    let amount = guide.measure == Measure::Level && (guide.unit.is_money() || matches!(guide.unit, Unit::PerShare(_)));
    match (midpoint(guide), actual.point()) {
        (Some(mid), Some(value)) if amount && mid != 0.0 => {
            let ratio = value / mid;
            (1.0 / PLAUSIBLE..=PLAUSIBLE).contains(&ratio)
        }
        _ => true,
    }
}

/// The verdict and distance of an actual against a guide (indices unset).
fn verdict(guide: &Fact, actual: &Fact) -> Option<Pair> {
    let value = actual.point()?;
    let mid = midpoint(guide)?;
    // A range's ends are limits as said ("$33 to $35 million": $35.1 million
    // is above it); a single figure is met within its rounding ("about $600
    // million": $600.4 million).
    let (low, high, tol) = match (guide.low, guide.high) {
        (Some(l), Some(h)) => (l.min(h), l.max(h), tolerance(actual)),
        _ => (mid, mid, tolerance(guide).max(tolerance(actual))),
    };
    let above = value > high + tol;
    let below = value < low - tol;
    let cost = COSTS.contains(&guide.metric.as_str());
    let verdict = match (above, below) {
        (false, false) => Verdict::InRange,
        (true, _) if cost => Verdict::Miss,
        (true, _) => Verdict::Beat,
        (_, true) if cost => Verdict::Beat,
        (_, true) => Verdict::Miss,
    };
    let distance = value - mid;
    let relative = (actual.unit.is_money() || matches!(actual.unit, Unit::PerShare(_))) && mid != 0.0;
    Some(Pair {
        guide: 0,
        actual: 0,
        verdict,
        distance,
        distance_pct: relative.then(|| distance / mid.abs() * 100.0),
    })
}
