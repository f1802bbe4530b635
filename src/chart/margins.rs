//! Margins: one line per margin (gross margin total and by segment, operating
//! and net margin) across periods, derived points hollow with dashed links,
//! guided margins as a low–high band with its midpoint. Quarters come first,
//! then longer periods after a gap, all on one percent axis.

use plotters::prelude::*;

use super::data::{guides, levels, Guide, Level};
use super::format::Fmt;
use super::names::{metric_label, period_text, segment_metric, title};
use crate::i18n::{t, tf, K};
use super::hit::Shape;
use super::parts::{empty, header, x_labels, Entry, Swatch, XLabel, XPlan, YAxis, PAD};
use super::paint::{clampf, size, Anchor, Labels, Marker, Painter, Rect, Res};
use super::{ChartError, ChartKind};
use crate::facts::{Fact, Facts, Period, Unit};

/// Whether a fact is a margin level in percent.
fn is_margin(f: &Fact) -> bool {
    f.metric.ends_with("_margin") && f.unit == Unit::Percent
}

/// Sort key of a margin metric: gross, operating, net, then the rest by name.
fn metric_rank(m: &str) -> (usize, String) {
    let r = match m {
        "gross_margin" => 0,
        "operating_margin" => 1,
        "net_margin" => 2,
        _ => 3,
    };
    (r, m.to_string())
}

/// One line of the chart.
#[derive(Debug, Clone)]
pub(crate) struct Series {
    pub metric: String,
    pub segment: String,
    pub points: Vec<Level>,
    pub guides: Vec<Guide>,
}

impl Series {
    pub(crate) fn name(&self) -> String {
        let m = metric_label(&self.metric);
        if self.segment == "total" {
            m
        } else {
            segment_metric(&self.segment, &m)
        }
    }
}

/// The series for `facts`, in legend order.
pub(crate) fn series(facts: &Facts) -> Vec<Series> {
    let lv = levels(facts, is_margin);
    let gd = guides(facts, is_margin);
    let mut keys: Vec<(String, String)> = lv
        .iter()
        .map(|(f, _)| (f.metric.clone(), f.segment.clone()))
        .chain(gd.iter().map(|g| (g.metric.clone(), g.segment.clone())))
        .collect();
    crate::order::sort_by_key(&mut keys, |(m, s)| (metric_rank(m), s != "total", s.clone()));
    keys.dedup();
    keys.into_iter()
        .map(|(metric, segment)| {
            let mut points: Vec<Level> = lv
                .iter()
                .filter(|(f, _)| f.metric == metric && f.segment == segment)
                .map(|(_, l)| l.clone())
                .collect();
            crate::order::sort_by_key(&mut points, |l| l.period);
            let guides = gd.iter().filter(|g| g.metric == metric && g.segment == segment).cloned().collect();
            Series { metric, segment, points, guides }
        })
        .collect()
}

/// Draws the margins chart: header and legend, the slots and the percent
/// axis ([`Grid`]), guidance bands, lines, points, their labels, x labels.
pub(crate) fn draw<DB: DrawingBackend>(p: &Painter<DB>, facts: &Facts) -> Res {
    let title = title(facts, ChartKind::Margins.caption());
    let series = series(facts);
    if series.is_empty() {
        return empty(p, &title, ChartKind::Margins.empty_message());
    }
    let th = p.theme;
    let colors: Vec<RGBColor> = (0..series.len()).map(|i| th.color(i)).collect();
    // Series also differ by marker shape, for readers who cannot tell the colours apart.
    let markers: Vec<Marker> = (0..series.len()).map(Marker::series).collect();
    let top = header(p, &title, &legend(p, &series, &colors, &markers))?;
    let g = Grid::new(p, &series, top)?;
    let mut labels = Labels::new(Rect::new(g.plot.x0, g.plot.y0 - p.u(6.0), g.plot.x1 + p.u(2.0), g.plot.y1));
    let guide_marks = draw_guides(p, &g, &series, &colors, &mut labels)?;
    draw_lines(p, &g, &series, &colors)?;
    let marks = draw_points(p, &g, &series, &colors, &markers, &mut labels)?;
    for m in &guide_marks {
        p.diamond((m.x, m.y), 4.5, th.guide, th.bg)?;
        labels.block(Rect::new(m.x - p.u(6.0), m.y - p.u(6.0), m.x + p.u(6.0), m.y + p.u(6.0)));
        if p.is_flagged(m.fact) {
            p.flag(m.x, m.top - p.u(14.0))?;
            labels.block(Rect::new(m.x - p.u(8.0), m.top - p.u(15.0), m.x + p.u(8.0), m.top));
        }
    }
    p.sort_regions();
    // Labels: guidance first, then actual points (latest first), then derived.
    label_guides(p, &g, &guide_marks, &mut labels)?;
    label_points(p, &g, &series, marks, &mut labels)?;
    x_axis(p, g, &series)
}

/// The legend: a line per series, then derived, guidance and flags when shown.
fn legend<DB: DrawingBackend>(p: &Painter<DB>, series: &[Series], colors: &[RGBColor], markers: &[Marker]) -> Vec<Entry> {
    let th = p.theme;
    let mut legend: Vec<Entry> = series
        .iter()
        .zip(colors)
        .zip(markers)
        .map(|((s, c), m)| Entry { swatch: Swatch::Line { color: *c, derived: false, marker: *m }, label: s.name() })
        .collect();
    if series.iter().any(|s| s.points.iter().any(|l| l.derived)) {
        legend.push(Entry {
            swatch: Swatch::Line { color: th.muted, derived: true, marker: Marker::Circle },
            label: t(K::LegendDerived).into(),
        });
    }
    if series.iter().any(|s| !s.guides.is_empty()) {
        legend.push(Entry { swatch: Swatch::Range(th.muted), label: t(K::LegendGuideRange).into() });
    }
    let flagged = series.iter().any(|s| {
        s.points.iter().any(|l| p.is_flagged(l.fact)) || s.guides.iter().any(|g| p.is_flagged(g.fact))
    });
    if flagged {
        legend.push(Entry { swatch: Swatch::Flag, label: t(K::LegendFlag).into() });
    }
    legend
}

/// Where things go: x slots (quarters, a gap, then longer periods) and the
/// percent axis over every value and guided end, with the plot between.
struct Grid {
    periods: Vec<Period>,
    quarters: Vec<Period>,
    longer: Vec<Period>,
    gap_slots: f64,
    /// Width of a quarter's slot and of a longer period's.
    slot: f64,
    slot_l: f64,
    /// Where the quarters end.
    q_end: f64,
    plot: Rect,
    axis: YAxis,
    fmt: Fmt,
    plan_q: XPlan,
    plan_l: XPlan,
}

impl Grid {
    /// Lays out the slots and the axis below `top`, draws the axis and the
    /// group captions, and records the plot.
    fn new<DB: DrawingBackend>(p: &Painter<DB>, series: &[Series], top: f64) -> Result<Grid, ChartError> {
        let mut periods: Vec<Period> = series
            .iter()
            .flat_map(|s| s.points.iter().map(|l| l.period).chain(s.guides.iter().map(|g| g.period)))
            .collect();
        crate::order::sort(&mut periods);
        periods.dedup();
        let (quarters, longer): (Vec<Period>, Vec<Period>) = periods.iter().partition(|p| p.is_quarter());
        let both = !quarters.is_empty() && !longer.is_empty();
        let gap_slots = if both { 0.6 } else { 0.0 };
        let n_slots = (quarters.len() + longer.len()) as f64 + gap_slots;

        let (lo, hi) = y_range(series);
        let padv = ((hi - lo) * 0.01).max(0.5);
        let pad = p.u(PAD);
        let plot_top = top + p.u(26.0);
        let mut axis = YAxis::new(lo - padv, hi + padv, plot_top, plot_top + 1.0, 7);
        let fmt = Fmt::new(Unit::Percent, hi.abs().max(lo.abs()));
        let lw = axis.label_width(p, &fmt);
        let (x0, x1) = (pad + lw, (p.w - pad).max(pad + lw + 1.0));
        // Slot widths: even, unless many quarters would squeeze the longer
        // periods, which then keep a minimum width (up to 35% of the plot).
        let even = (x1 - x0) / n_slots.max(1.0);
        let (slot, slot_l) = if both && even < p.u(60.0) {
            let nl = longer.len() as f64 + gap_slots;
            let sl = p.u(60.0).min((x1 - x0) * 0.35 / nl).max(even);
            ((((x1 - x0) - sl * nl) / quarters.len().max(1) as f64).max(0.0), sl)
        } else {
            (even, even)
        };
        // The slots decide how the x labels are written, and those the plot's bottom.
        let (plan_q, plan_l) = (XPlan::new(p, &quarters, slot), XPlan::new(p, &longer, slot_l));
        let x_h = plan_q.height(p.s).max(plan_l.height(p.s));
        let plot_bottom = p.h - pad - x_h;
        p.need_height(plot_top + p.u(super::MIN_PLOT_H) + x_h + pad);
        axis.place(plot_top, plot_bottom);
        let plot = Rect::new(x0, plot_top, x1, plot_bottom);
        p.plot(plot, super::MIN_PLOT_H);
        axis.draw(p, plot, &fmt, true)?;
        let q_end = plot.x0 + slot * quarters.len() as f64;
        let g = Grid { periods, quarters, longer, gap_slots, slot, slot_l, q_end, plot, axis, fmt, plan_q, plan_l };
        if both {
            g.captions(p)?;
        }
        Ok(g)
    }

    /// The x of period `per`'s slot centre.
    fn x(&self, per: &Period) -> Option<f64> {
        if let Some(i) = self.quarters.iter().position(|q| q == per) {
            Some(self.plot.x0 + self.slot * (i as f64 + 0.5))
        } else {
            let i = self.longer.iter().position(|q| q == per)?;
            Some(self.q_end + self.slot_l * (self.gap_slots + i as f64 + 0.5))
        }
    }

    /// Group captions over quarters and longer periods, a divider between.
    fn captions<DB: DrawingBackend>(&self, p: &Painter<DB>) -> Res {
        let th = p.theme;
        let (plot, gf) = (self.plot, p.font(size::SMALL, true, th.text));
        let xd = self.q_end + self.slot_l * self.gap_slots / 2.0;
        p.text(t(K::GroupQuarterly), &gf, (plot.x0 + xd) / 2.0, plot.y0 - p.u(10.0), Anchor::CENTER_BOTTOM)?;
        p.dashed((xd, plot.y0), (xd, plot.y1), th.axis, 1.0, 2.0, 3.0)?;
        let name = if self.longer.iter().all(|q| matches!(q.part(), Some(crate::facts::Part::Year))) {
            t(K::GroupYear)
        } else {
            t(K::GroupYearHalf)
        };
        p.text(name, &gf, (xd + plot.x1) / 2.0, plot.y0 - p.u(10.0), Anchor::CENTER_BOTTOM)
    }

    /// Width of a guidance band.
    fn band_w<DB: DrawingBackend>(&self, p: &Painter<DB>) -> f64 {
        clampf(self.slot * 0.3, p.u(8.0).min(self.slot * 0.3), p.u(26.0))
    }
}

/// Lowest and highest value and guided end (0–100 when there are none).
fn y_range(series: &[Series]) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in series {
        for l in &s.points {
            lo = lo.min(l.value);
            hi = hi.max(l.value);
        }
        for g in &s.guides {
            if let Some((a, b)) = g.span() {
                lo = lo.min(a);
                hi = hi.max(b);
            }
        }
    }
    if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 100.0)
    }
}

fn same_group(a: &Period, b: &Period) -> bool {
    a.is_quarter() == b.is_quarter()
}

/// A guided margin drawn: its midpoint, the top of its band, fact, label.
struct GuideMark {
    x: f64,
    y: f64,
    top: f64,
    fact: usize,
    label: String,
}

/// Guidance bands (under the lines), each with a dashed link from the
/// latest earlier point of its series.
fn draw_guides<DB: DrawingBackend>(
    p: &Painter<DB>,
    g: &Grid,
    series: &[Series],
    colors: &[RGBColor],
    labels: &mut Labels,
) -> Result<Vec<GuideMark>, ChartError> {
    let th = p.theme;
    let band_w = g.band_w(p);
    let mut marks = Vec::new();
    for (s, c) in series.iter().zip(colors) {
        for gd in &s.guides {
            let (Some(cx), Some(mid)) = (g.x(&gd.period), gd.mid()) else { continue };
            let ym = g.axis.y(mid);
            if let Some(last) = s.points.iter().rev().find(|l| l.period < gd.period && same_group(&l.period, &gd.period)) {
                if let Some(lx) = g.x(&last.period) {
                    p.dashed((lx, g.axis.y(last.value)), (cx, ym), *c, 1.5, 4.0, 3.0)?;
                }
            }
            let mut area = Rect::new(cx - band_w / 2.0, ym - p.u(6.0), cx + band_w / 2.0, ym + p.u(6.0));
            if let Some((a, b)) = gd.span().filter(|_| gd.is_range()) {
                let (mut y0, mut y1) = (g.axis.y(b), g.axis.y(a));
                if y1 - y0 < p.u(6.0) {
                    let m = (y0 + y1) / 2.0;
                    y0 = m - p.u(3.0);
                    y1 = m + p.u(3.0);
                }
                let r = Rect::new(cx - band_w / 2.0, y0, cx + band_w / 2.0, y1);
                p.fill_rect(r, th.fade(*c, 0.72))?;
                p.stroke_rect(r, *c, 1.0)?;
                labels.block(r);
                area = Rect::new(r.x0, r.y0.min(area.y0), r.x1, r.y1.max(area.y1));
            }
            let label = gd.label(&g.fmt);
            p.region(area, gd.fact, Shape::Range, tf(K::RegionGuide, &[&period_text(&gd.period), &s.name(), &label, ""]));
            marks.push(GuideMark { x: cx, y: ym, top: area.y0, fact: gd.fact, label });
        }
    }
    Ok(marks)
}

/// The lines between points of one group (dashed to a derived point).
fn draw_lines<DB: DrawingBackend>(p: &Painter<DB>, g: &Grid, series: &[Series], colors: &[RGBColor]) -> Res {
    for (s, c) in series.iter().zip(colors) {
        for w in s.points.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if !same_group(&a.period, &b.period) {
                continue;
            }
            let (Some(xa), Some(xb)) = (g.x(&a.period), g.x(&b.period)) else { continue };
            let (pa, pb) = ((xa, g.axis.y(a.value)), (xb, g.axis.y(b.value)));
            if a.derived || b.derived {
                p.dashed(pa, pb, *c, 2.0, 7.0, 4.0)?;
            } else {
                p.line(pa, pb, *c, 2.5)?;
            }
        }
    }
    Ok(())
}

/// A point drawn: where, its series, its level.
type PointMark = (f64, f64, usize, Level);

/// The points (hollow when derived), each a region, flagged ones marked.
fn draw_points<DB: DrawingBackend>(
    p: &Painter<DB>,
    g: &Grid,
    series: &[Series],
    colors: &[RGBColor],
    markers: &[Marker],
    labels: &mut Labels,
) -> Result<Vec<PointMark>, ChartError> {
    let th = p.theme;
    let mut marks = Vec::new();
    for (si, ((s, c), m)) in series.iter().zip(colors).zip(markers).enumerate() {
        for l in &s.points {
            let Some(x) = g.x(&l.period) else { continue };
            let y = g.axis.y(l.value);
            if l.derived {
                p.marker(*m, (x, y), 4.0, th.bg, *c, 2.0)?;
            } else {
                p.marker(*m, (x, y), 5.0, *c, th.bg, 1.0)?;
            }
            let r = Rect::new(x - p.u(6.0), y - p.u(6.0), x + p.u(6.0), y + p.u(6.0));
            labels.block(r);
            let derived = if l.derived { t(K::RegionDerived) } else { "" };
            p.region(r, l.fact, Shape::Point, tf(K::RegionPiece, &[&period_text(&l.period), &s.name(), &g.fmt.full(l.value), derived]));
            if p.is_flagged(l.fact) {
                p.flag(x, y - p.u(20.0))?;
                labels.block(Rect::new(x - p.u(8.0), y - p.u(21.0), x + p.u(8.0), y - p.u(6.0)));
            }
            marks.push((x, y, si, l.clone()));
        }
    }
    Ok(marks)
}

/// Each guided margin's label: right of its band, else left, else above.
fn label_guides<DB: DrawingBackend>(p: &Painter<DB>, g: &Grid, marks: &[GuideMark], labels: &mut Labels) -> Res {
    let lf = p.font(size::SMALL, true, p.theme.text);
    let d = p.u(8.0);
    let x_off = g.band_w(p) / 2.0 + p.u(5.0);
    for m in marks {
        for (x, y, a) in [
            (m.x + x_off, m.y, Anchor::LEFT_MID),
            (m.x - x_off, m.y, Anchor::RIGHT_MID),
            (m.x, m.y - d, Anchor::CENTER_BOTTOM),
        ] {
            let r = p.text_box(&m.label, &lf, x, y, a);
            if labels.take(r) {
                p.text(&m.label, &lf, x, y, a)?;
                break;
            }
        }
    }
    Ok(())
}

/// Point labels, actual before derived and latest first, where they fit;
/// crowded quarters label only each series' latest point.
fn label_points<DB: DrawingBackend>(p: &Painter<DB>, g: &Grid, series: &[Series], mut marks: Vec<PointMark>, labels: &mut Labels) -> Res {
    let th = p.theme;
    let lf = p.font(size::SMALL, true, th.text);
    let d = p.u(8.0);
    crate::order::sort_by(&mut marks, |a, b| a.3.derived.cmp(&b.3.derived).then(b.3.period.cmp(&a.3.period)));
    let dense = g.slot < p.u(48.0);
    let latest: Vec<Option<Period>> =
        series.iter().map(|s| s.points.iter().filter(|l| l.period.is_quarter()).map(|l| l.period).max()).collect();
    for (x, y, si, l) in &marks {
        if dense && l.period.is_quarter() && latest.get(*si).copied().flatten() != Some(l.period) {
            continue;
        }
        let text = g.fmt.full(l.value);
        let f = if l.derived { p.font(size::SMALL, false, th.muted) } else { lf };
        for (tx, ty, a) in [
            (*x, y - d, Anchor::CENTER_BOTTOM),
            (*x, y + d, Anchor::CENTER_TOP),
            (x + d, *y, Anchor::LEFT_MID),
            (x - d, *y, Anchor::RIGHT_MID),
        ] {
            let r = p.text_box(&text, &f, tx, ty, a);
            if labels.take(r.grow(p.u(2.0))) {
                p.text(&text, &f, tx, ty, a)?;
                break;
            }
        }
    }
    Ok(())
}

/// The x labels: a period under each slot, "guidance" or "derived" under
/// one with no (or only derived) points.
fn x_axis<DB: DrawingBackend>(p: &Painter<DB>, g: Grid, series: &[Series]) -> Res {
    let xl: Vec<XLabel> = g
        .periods
        .iter()
        .filter_map(|per| {
            let x = g.x(per)?;
            let has_points = series.iter().any(|s| s.points.iter().any(|l| l.period == *per));
            let all_derived =
                series.iter().flat_map(|s| s.points.iter()).filter(|l| l.period == *per).all(|l| l.derived);
            let note = if !has_points {
                Some(t(K::NoteGuidance).to_string())
            } else if all_derived {
                Some(t(K::NoteDerived).to_string())
            } else {
                None
            };
            Some(XLabel { x, period: *per, note })
        })
        .collect();
    let (xq, xo): (Vec<XLabel>, Vec<XLabel>) = xl.into_iter().partition(|l| l.x < g.q_end);
    let y = g.plot.y1 + p.u(9.0);
    x_labels(p, &xq, g.slot, y, g.plan_q)?;
    x_labels(p, &xo, g.slot_l, y, g.plan_l)
}
