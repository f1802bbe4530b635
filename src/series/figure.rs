//! When two facts of different calls are one figure: the same metric,
//! segment, period, measure and unit, a basis that does not tell them
//! apart, and values that agree within the rounding of the figures as
//! written (a derived figure: within 1%).

use crate::facts::{Basis, Fact, Kind, Unit};

/// Whether two facts are about the same figure: metric, segment, period,
/// measure, unit and a basis that does not tell them apart.
pub(super) fn same_key(a: &Fact, b: &Fact) -> bool {
    a.metric == b.metric
        && a.segment == b.segment
        && a.period == b.period
        && a.measure == b.measure
        && a.unit == b.unit
        && basis_fits(a.basis, b.basis)
}

/// GAAP and non-GAAP are two figures; a figure of no stated basis goes with
/// either, but for an organic or constant-currency change, which is another
/// figure than the reported.
pub(super) fn basis_fits(a: Option<Basis>, b: Option<Basis>) -> bool {
    a == b || (a.is_none() || b.is_none()) && !Basis::restates(a) && !Basis::restates(b)
}

/// Half a unit of the last written digit of `v`: "$607.9 million" → 50,000,
/// "1.27" → 0.005, "$600 million" → 500,000 (a figure is written in
/// thousands, millions or billions: its trailing zeros before the scale
/// word are digits), a per-share amount at most half a cent ("$6.00").
fn rounding(v: f64, unit: Unit) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    let scale = if matches!(unit, Unit::PerShare(_)) {
        0.01
    } else {
        [1e9, 1e6, 1e3].into_iter().find(|s| v.abs() >= *s).unwrap_or(1.0)
    };
    (-4..=12)
        .rev()
        .map(|k| 10f64.powi(k))
        .find(|unit| ((v / unit).round() * unit - v).abs() <= 1e-9 * v.abs().max(1.0))
        .map_or(0.0, |unit| unit.min(scale) / 2.0)
}

/// How far a figure may be from another and still be it: the rounding of
/// its most precisely written end ("5.50 to 6.00": 0.005). A derived figure
/// was computed, not written: 1% of it (0.3 for percents, points and days).
pub(super) fn tolerance(f: &Fact) -> f64 {
    let ends = [f.value, f.low, f.high];
    if f.kind == Kind::Derived {
        let size = ends.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
        return if f.unit.is_money() || matches!(f.unit, Unit::PerShare(_)) { size * 0.01 } else { 0.3 };
    }
    let written = ends.iter().flatten().filter(|v| **v != 0.0).map(|v| rounding(*v, f.unit));
    written.reduce(f64::min).unwrap_or(0.0)
}

/// Whether two figures agree within the rounding of either.
pub(super) fn agree(a: &Fact, b: &Fact) -> bool {
    let tol = tolerance(a).max(tolerance(b));
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= tol + 1e-9 * x.abs().max(y.abs()),
        (None, None) => true,
        _ => false,
    };
    close(a.value, b.value) && close(a.low, b.low) && close(a.high, b.high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_the_last_written_digit() {
        let per_share = Unit::PerShare(crate::facts::Currency::USD);
        let cases = [
            (607.9e6, Unit::USD, 50e3),
            (600e6, Unit::USD, 0.5e6),
            (8.4e9, Unit::USD, 50e6),
            (2.0e9, Unit::USD, 500e6),
            (1.27, per_share, 0.005),
            (6.0, per_share, 0.005),
            (13.0, Unit::Percent, 0.5),
            (0.0, Unit::Percent, 0.0),
        ];
        for (v, unit, half) in cases {
            assert!((rounding(v, unit) - half).abs() < 1e-9 * half.max(1.0), "{v}: {}", rounding(v, unit));
        }
    }
}
