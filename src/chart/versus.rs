//! Guidance vs actual, for a series of calls: per guided figure (a metric
//! and period some later call reported), one row per call that guided it,
//! the earliest first: the guided range with its midpoint beside the actual,
//! marked beat / in range / miss with the distance from the midpoint, and
//! how the guide moved from the call before (↑ raised, ↓ lowered, = reaffirmed;
//! ✕ and grey: withdrawn by a later call, which gave no new guide of it).
//! A figure no call has reported yet but whose guide a later call revised is
//! shown too, after the reported ones: its guides, "not reported yet".
//!
//! Each group has its own scale (a group is one figure in one unit): the
//! rows of a group share it, so a raised range sits right of the one before.

use plotters::prelude::*;

use super::data::finite;
use super::format::{change, Fmt};
use super::names::{call_label, metric_label, period_label, segment_metric, PeriodForm};
use super::hit::Shape;
use super::parts::{empty, fit, header, Entry, Swatch, PAD};
use super::paint::{mix, size, Anchor, Painter, Rect, Res};
use crate::facts::{Fact, Unit};
use crate::i18n::{t, tf, K};
use crate::series::{Call, Company, Revision, Verdict};

/// One call's guide of a figure beside the figure's actual.
struct Row {
    guide: usize,
    /// The guiding call, as a label says it ("Q1 FY20 call ↑").
    call: String,
    low: f64,
    high: f64,
    /// Against the actual; `None` while it is not reported.
    verdict: Option<Verdict>,
    /// "+9.5%", "−1.2 pp".
    distance: String,
    /// A later call withdrew this guide.
    withdrawn: bool,
}

/// One guided figure: its actual (none yet: an open figure) and the guides of it.
struct Group {
    actual: Option<(usize, f64)>,
    /// "EPS · FY2020".
    name: String,
    fmt: Fmt,
    rows: Vec<Row>,
}

/// "Q1 '20 call ↑": the guiding call and how its guide moved.
fn guide_call(company: &Company, calls: &[Call], g: usize) -> String {
    let g = &company.facts[g];
    let arrow = match g.revision {
        Some(Revision::Raised) => " ↑",
        Some(Revision::Lowered) => " ↓",
        Some(Revision::Reaffirmed) => " =",
        Some(Revision::Withdrawn) => " ✕",
        None => "",
    };
    let call = calls.get(g.call).and_then(|c| c.period).map_or_else(|| calls.get(g.call).map_or(String::new(), |c| c.name.clone()), |p| period_label(&p, PeriodForm::Short));
    tf(K::VersusCall, &[&call]) + arrow
}

/// "EPS · FY2020", "Revenue (Cloud) · Q1 FY24".
fn figure_name(f: &Fact) -> String {
    let metric = metric_label(&f.metric);
    let metric = if f.segment == "total" { metric } else { segment_metric(&f.segment, &metric) };
    format!("{metric} · {}", call_label(&f.period))
}

/// Figures not reported yet whose guide a later call revised: each with
/// its guides (every guide of the figure, in call order), after the reported.
fn open_groups(company: &Company, calls: &[Call], out: &mut Vec<Group>) {
    let paired: Vec<usize> = company.pairs.iter().map(|p| p.guide).collect();
    let revised = |i: usize| company.facts[i].revision.is_some() && !paired.contains(&i);
    let mut done: Vec<usize> = Vec::new();
    for last in (0..company.facts.len()).filter(|&i| revised(i)) {
        let f = &company.facts[last].fact;
        let same = |i: &usize| {
            let g = &company.facts[*i];
            g.fact.kind == f.kind && g.fact.metric == f.metric && g.fact.segment == f.segment && g.fact.period == f.period && g.fact.measure == f.measure && g.fact.unit == f.unit && g.fact.basis == f.basis && !paired.contains(i)
        };
        let members: Vec<usize> = (0..company.facts.len()).filter(same).collect();
        if members.iter().any(|m| done.contains(m)) {
            continue;
        }
        done.extend(&members);
        let rows: Vec<Row> = members
            .iter()
            .filter_map(|&i| {
                let (low, high) = span(&company.facts[i].fact)?;
                Some(Row { guide: i, call: guide_call(company, calls, i), low, high, verdict: None, distance: String::new(), withdrawn: withdrawn(company, i) })
            })
            .collect();
        let big = rows.iter().fold(0.0f64, |m, r| m.max(r.low.abs()).max(r.high.abs()));
        if !rows.is_empty() {
            out.push(Group { actual: None, name: figure_name(f), fmt: Fmt::new(f.unit, big), rows });
        }
    }
}

fn groups(company: &Company, calls: &[Call]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let position = |c: usize| company.calls.iter().position(|&m| m == c).unwrap_or(usize::MAX);
    let mut pairs: Vec<&crate::series::Pair> = company.pairs.iter().collect();
    crate::order::sort_by(&mut pairs, |a, b| a.actual.cmp(&b.actual).then(position(company.facts[a.guide].call).cmp(&position(company.facts[b.guide].call))));
    for pair in pairs {
        let (g, a) = (&company.facts[pair.guide], &company.facts[pair.actual]);
        let (Some(value), Some((low, high))) = (finite(a.fact.point()), span(&g.fact)) else { continue };
        let fmt = Fmt::new(a.fact.unit, value.abs().max(low.abs()).max(high.abs()));
        let distance = match (pair.distance_pct, a.fact.unit) {
            (Some(pct), _) => format!("{}%", change(pct, 1)),
            (None, Unit::Percent | Unit::Pp) => format!("{} pp", change(pair.distance, 1)),
            (None, _) => change(pair.distance, 2),
        };
        let row = Row { guide: pair.guide, call: guide_call(company, calls, pair.guide), low, high, verdict: Some(pair.verdict), distance, withdrawn: withdrawn(company, pair.guide) };
        match out.iter_mut().find(|x| x.actual.is_some_and(|(i, _)| i == pair.actual)) {
            Some(x) => x.rows.push(row),
            None => out.push(Group { actual: Some((pair.actual, value)), name: figure_name(&a.fact), fmt, rows: vec![row] }),
        }
    }
    open_groups(company, calls, &mut out);
    out
}

/// Whether guide `g` was withdrawn by a later call.
fn withdrawn(company: &Company, g: usize) -> bool {
    company.facts[g].revision == Some(Revision::Withdrawn)
}

/// A guide's lowest and highest value (a single figure: itself twice).
fn span(f: &Fact) -> Option<(f64, f64)> {
    match (finite(f.low), finite(f.high), finite(f.value)) {
        (Some(l), Some(h), _) => Some((l.min(h), l.max(h))),
        (_, _, Some(v)) => Some((v, v)),
        (Some(v), None, None) | (None, Some(v), None) => Some((v, v)),
        _ => None,
    }
}

fn verdict_text(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Beat) => t(K::VerdictBeat),
        Some(Verdict::InRange) => t(K::VerdictInRange),
        Some(Verdict::Miss) => t(K::VerdictMiss),
        None => "",
    }
}

/// "Beat +9.5%" ("✕ Beat +9.5%" against a guide a later call withdrew: the
/// mark stays when a narrow chart cuts the call's label); "Withdrawn" for
/// an open figure's guide a later call withdrew, else nothing (its heading
/// says it is open).
fn verdict_line(r: &Row) -> String {
    match r.verdict {
        Some(_) if r.withdrawn => format!("✕ {} {}", verdict_text(r.verdict), r.distance),
        Some(_) => format!("{} {}", verdict_text(r.verdict), r.distance),
        None if r.withdrawn => t(K::VersusWithdrawn).to_string(),
        None => r.distance.clone(),
    }
}

/// Draws guidance vs actual for `company` (its facts index the regions).
pub(crate) fn draw<DB: DrawingBackend>(p: &Painter<DB>, title: &str, company: &Company, calls: &[Call]) -> Res {
    let groups = groups(company, calls);
    if groups.is_empty() {
        return empty(p, title, t(K::EmptyVersus));
    }
    let th = p.theme;
    let colour = |v: Option<Verdict>| match v {
        Some(Verdict::Beat) => th.color(2),
        Some(Verdict::InRange) => th.color(0),
        Some(Verdict::Miss) => th.bad,
        None => th.muted,
    };
    let mut legend = vec![
        Entry { swatch: Swatch::Range(th.guide), label: t(K::LegendGuideRange).into() },
        Entry { swatch: Swatch::Dot(colour(Some(Verdict::Beat))), label: t(K::VerdictBeat).into() },
        Entry { swatch: Swatch::Dot(colour(Some(Verdict::InRange))), label: t(K::VerdictInRange).into() },
        Entry { swatch: Swatch::Dot(colour(Some(Verdict::Miss))), label: t(K::VerdictMiss).into() },
    ];
    if groups.iter().any(|g| g.rows.iter().any(|r| r.withdrawn)) {
        legend.push(Entry { swatch: Swatch::Range(th.muted), label: t(K::LegendWithdrawn).into() });
    }
    let top = header(p, title, &legend)?;
    let pad = p.u(PAD);
    let (head, small) = (p.font(size::LABEL, true, th.text), p.font(size::SMALL, false, th.muted));
    let strong = p.font(size::SMALL, true, th.text);
    let line_h = p.measure("Xg", &small).1;
    let head_h = p.measure("Xg", &head).1 + p.u(4.0);
    let row_h = line_h + p.u(16.0);
    let widest = |texts: &mut dyn Iterator<Item = String>, f| texts.map(|s| p.measure(&s, f).0).fold(0.0, f64::max);
    let avail = (p.w - 2.0 * pad).max(1.0);
    let left_w = widest(&mut groups.iter().flat_map(|g| g.rows.iter().map(|r| r.call.clone())), &small).min(avail * 0.3) + p.u(10.0);
    let right_w = widest(&mut groups.iter().flat_map(|g| g.rows.iter().map(|r| verdict_line(r))), &strong)
        .min(avail * 0.32)
        + p.u(10.0);
    let (x0, x1) = (pad + left_w, (p.w - pad - right_w).max(pad + left_w + 1.0));
    let need = top + groups.iter().map(|g| head_h + row_h * g.rows.len() as f64 + p.u(10.0)).sum::<f64>() + pad;
    p.need_height(need);

    let mut y = top;
    for g in &groups {
        let actual = g.actual.map_or_else(|| t(K::VersusOpen).to_string(), |(_, v)| tf(K::VersusActual, &[&g.fmt.full(v)]));
        let name = fit(p, &format!("{}  ·  {actual}", g.name), &head, avail);
        p.text(&name, &head, pad, y, Anchor::LEFT_TOP)?;
        y += head_h;
        let first = g.actual.map_or(g.rows[0].low, |(_, v)| v);
        let lo = g.rows.iter().map(|r| r.low).fold(first, f64::min);
        let hi = g.rows.iter().map(|r| r.high).fold(first, f64::max);
        let spread = if hi > lo { hi - lo } else { hi.abs().max(1.0) * 0.1 };
        let (lo, hi) = (lo - spread * 0.25, hi + spread * 0.25);
        let x = |v: f64| x0 + (v - lo) / (hi - lo) * (x1 - x0);
        let (ya, yb) = (y, y + row_h * g.rows.len() as f64);
        if let Some((_, value)) = g.actual {
            p.dashed((x(value), ya + p.u(2.0)), (x(value), yb - p.u(4.0)), mix(th.text, th.bg, 0.4), 1.0, 4.0, 3.0)?;
        }
        for r in &g.rows {
            let cy = y + line_h + p.u(8.0);
            p.line((x0, cy), (x1, cy), th.grid, 1.0)?;
            p.text(&fit(p, &r.call, &small, left_w - p.u(10.0)), &small, pad, cy, Anchor::LEFT_MID)?;
            let band = Rect::new(x(r.low) - p.u(1.5), cy - p.u(5.0), x(r.high) + p.u(1.5), cy + p.u(5.0));
            // A withdrawn guide is drawn in grey (and its row says so in words).
            let ink = if r.withdrawn { th.muted } else { th.guide };
            p.fill_rect(band, mix(ink, th.bg, 0.7))?;
            p.stroke_rect(band, ink, 1.0)?;
            let mid = (r.low + r.high) / 2.0;
            p.diamond((x(mid), cy), p.u(4.5), ink, th.bg)?;
            let range = if r.high > r.low { g.fmt.range(r.low, r.high) } else { g.fmt.full(r.low) };
            p.text(&range, &small, x(mid), cy - p.u(7.0), Anchor::CENTER_BOTTOM)?;
            let withdrawn = if r.withdrawn { format!(" ({})", t(K::RevWithdrawn)) } else { String::new() };
            let guided = format!("{} · {} {range}{withdrawn}", g.name, r.call);
            p.region(band.grow(p.u(2.0)), r.guide, Shape::Range, guided);
            if let Some((actual, value)) = g.actual {
                let dot = (x(value), cy);
                p.circle(dot, p.u(5.0), colour(r.verdict), Some((th.bg, p.u(1.5))))?;
                let said = format!("{} · {}: {} ({} {}{withdrawn})", g.name, g.fmt.full(value), verdict_text(r.verdict), r.distance, r.call);
                p.region(Rect::new(dot.0 - p.u(6.0), cy - p.u(6.0), dot.0 + p.u(6.0), cy + p.u(6.0)), actual, Shape::Point, said);
            }
            let vf = p.font(size::SMALL, r.verdict.is_some(), colour(r.verdict));
            let verdict = fit(p, &verdict_line(r), &vf, right_w - p.u(10.0));
            p.text(&verdict, &vf, p.w - pad, cy, Anchor::RIGHT_MID)?;
            y += row_h;
        }
        y += p.u(10.0);
    }
    p.sort_regions();
    Ok(())
}
