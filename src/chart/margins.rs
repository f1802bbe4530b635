//! Margins: one line per margin (gross margin total and by segment, operating
//! and net margin) across periods, derived points hollow with dashed links,
//! guided margins as a low–high band with its midpoint. Quarters come first,
//! then longer periods after a gap, all on one percent axis.

use plotters::prelude::*;

use super::data::{guides, levels, metric_label, segment_label, title, Fmt, Guide, Level};
use super::hit::Shape;
use super::parts::{empty, header, x_labels, Entry, Swatch, XLabel, XPlan, YAxis, PAD};
use super::paint::{clampf, size, Anchor, Labels, Marker, Painter, Rect, Res};
use super::ChartKind;
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
            format!("{} {}", segment_label(&self.segment), m.to_lowercase())
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
    keys.sort_by_key(|(m, s)| (metric_rank(m), s != "total", s.clone()));
    keys.dedup();
    keys.into_iter()
        .map(|(metric, segment)| {
            let mut points: Vec<Level> = lv
                .iter()
                .filter(|(f, _)| f.metric == metric && f.segment == segment)
                .map(|(_, l)| l.clone())
                .collect();
            points.sort_by_key(|l| l.period);
            let guides = gd.iter().filter(|g| g.metric == metric && g.segment == segment).cloned().collect();
            Series { metric, segment, points, guides }
        })
        .collect()
}

/// Draws the margins chart.
pub(crate) fn draw<DB: DrawingBackend>(p: &Painter<DB>, facts: &Facts) -> Res {
    let title = title(facts, ChartKind::Margins.label());
    let series = series(facts);
    if series.is_empty() {
        return empty(p, &title, ChartKind::Margins.empty_message());
    }
    let th = p.theme;
    let colors: Vec<RGBColor> = (0..series.len()).map(|i| th.color(i)).collect();
    // Series also differ by marker shape, for readers who cannot tell the colours apart.
    let markers: Vec<Marker> = (0..series.len()).map(Marker::series).collect();

    let mut legend: Vec<Entry> = series
        .iter()
        .zip(&colors)
        .zip(&markers)
        .map(|((s, c), m)| Entry { swatch: Swatch::Line { color: *c, derived: false, marker: *m }, label: s.name() })
        .collect();
    if series.iter().any(|s| s.points.iter().any(|l| l.derived)) {
        legend.push(Entry {
            swatch: Swatch::Line { color: th.muted, derived: true, marker: Marker::Circle },
            label: "Derived".into(),
        });
    }
    if series.iter().any(|s| !s.guides.is_empty()) {
        legend.push(Entry { swatch: Swatch::Range(th.muted), label: "Guidance range · ◆ midpoint".into() });
    }
    let flagged = series.iter().any(|s| {
        s.points.iter().any(|l| p.is_flagged(l.fact)) || s.guides.iter().any(|g| p.is_flagged(g.fact))
    });
    if flagged {
        legend.push(Entry { swatch: Swatch::Flag, label: "Conflict or failed check".into() });
    }
    let top = header(p, &title, &legend)?;

    // X slots: quarters, a gap, then longer periods.
    let mut periods: Vec<Period> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|l| l.period).chain(s.guides.iter().map(|g| g.period)))
        .collect();
    periods.sort();
    periods.dedup();
    let (quarters, longer): (Vec<Period>, Vec<Period>) = periods.iter().partition(|p| p.is_quarter());
    let both = !quarters.is_empty() && !longer.is_empty();
    let gap_slots = if both { 0.6 } else { 0.0 };
    let n_slots = (quarters.len() + longer.len()) as f64 + gap_slots;

    // Y range over every value and guided end.
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in &series {
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
    if !(lo.is_finite() && hi.is_finite()) {
        lo = 0.0;
        hi = 100.0;
    }
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

    let slot_x = |per: &Period| -> Option<f64> {
        if let Some(i) = quarters.iter().position(|q| q == per) {
            Some(plot.x0 + slot * (i as f64 + 0.5))
        } else {
            let i = longer.iter().position(|q| q == per)?;
            Some(q_end + slot_l * (gap_slots + i as f64 + 0.5))
        }
    };

    // Group captions and a divider between the groups.
    let gf = p.font(size::SMALL, true, th.text);
    if both {
        let xd = q_end + slot_l * gap_slots / 2.0;
        p.text("Quarterly", &gf, (plot.x0 + xd) / 2.0, plot.y0 - p.u(10.0), Anchor::CENTER_BOTTOM)?;
        p.dashed((xd, plot.y0), (xd, plot.y1), th.axis, 1.0, 2.0, 3.0)?;
        let name = if longer.iter().all(|q| matches!(q.part(), Some(crate::facts::Part::Year))) {
            "Full year"
        } else {
            "Full year / half"
        };
        p.text(name, &gf, (xd + plot.x1) / 2.0, plot.y0 - p.u(10.0), Anchor::CENTER_BOTTOM)?;
    }

    let mut labels = Labels::new(Rect::new(plot.x0, plot.y0 - p.u(6.0), plot.x1 + p.u(2.0), plot.y1));
    let same_group = |a: &Period, b: &Period| a.is_quarter() == b.is_quarter();

    // Guidance bands under the lines.
    let band_w = clampf(slot * 0.3, p.u(8.0).min(slot * 0.3), p.u(26.0));
    let mut guide_marks = Vec::new();
    for (s, c) in series.iter().zip(&colors) {
        for g in &s.guides {
            let (Some(cx), Some(mid)) = (slot_x(&g.period), g.mid()) else { continue };
            let ym = axis.y(mid);
            // Dashed link from the latest earlier point of the same kind of period.
            if let Some(last) = s.points.iter().filter(|l| l.period < g.period && same_group(&l.period, &g.period)).last()
            {
                if let Some(lx) = slot_x(&last.period) {
                    p.dashed((lx, axis.y(last.value)), (cx, ym), *c, 1.5, 4.0, 3.0)?;
                }
            }
            let mut area = Rect::new(cx - band_w / 2.0, ym - p.u(6.0), cx + band_w / 2.0, ym + p.u(6.0));
            if let Some((a, b)) = g.span().filter(|_| g.is_range()) {
                let (mut y0, mut y1) = (axis.y(b), axis.y(a));
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
            p.region(area, g.fact, Shape::Range, format!("{} · {} guidance: {}", g.period.short_label(), s.name(), g.label(&fmt)));
            guide_marks.push((cx, ym, area.y0, g.fact, g.label(&fmt)));
        }
    }

    // Lines, then points on top.
    for (s, c) in series.iter().zip(&colors) {
        for w in s.points.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if !same_group(&a.period, &b.period) {
                continue;
            }
            let (Some(xa), Some(xb)) = (slot_x(&a.period), slot_x(&b.period)) else { continue };
            let (pa, pb) = ((xa, axis.y(a.value)), (xb, axis.y(b.value)));
            if a.derived || b.derived {
                p.dashed(pa, pb, *c, 2.0, 7.0, 4.0)?;
            } else {
                p.line(pa, pb, *c, 2.5)?;
            }
        }
    }
    let mut marks = Vec::new();
    for (si, ((s, c), m)) in series.iter().zip(&colors).zip(&markers).enumerate() {
        for l in &s.points {
            let Some(x) = slot_x(&l.period) else { continue };
            let y = axis.y(l.value);
            if l.derived {
                p.marker(*m, (x, y), 4.0, th.bg, *c, 2.0)?;
            } else {
                p.marker(*m, (x, y), 5.0, *c, th.bg, 1.0)?;
            }
            let r = Rect::new(x - p.u(6.0), y - p.u(6.0), x + p.u(6.0), y + p.u(6.0));
            labels.block(r);
            let derived = if l.derived { " (derived)" } else { "" };
            p.region(r, l.fact, Shape::Point, format!("{} · {}: {}{derived}", l.period.short_label(), s.name(), fmt.full(l.value)));
            if p.is_flagged(l.fact) {
                p.flag(x, y - p.u(20.0))?;
                labels.block(Rect::new(x - p.u(8.0), y - p.u(21.0), x + p.u(8.0), y - p.u(6.0)));
            }
            marks.push((x, y, si, l.clone()));
        }
    }
    for (cx, ym, top, fact, _) in &guide_marks {
        p.diamond((*cx, *ym), 4.5, th.guide, th.bg)?;
        labels.block(Rect::new(cx - p.u(6.0), ym - p.u(6.0), cx + p.u(6.0), ym + p.u(6.0)));
        if p.is_flagged(*fact) {
            p.flag(*cx, top - p.u(14.0))?;
            labels.block(Rect::new(cx - p.u(8.0), top - p.u(15.0), cx + p.u(8.0), *top));
        }
    }
    p.sort_regions();

    // Labels: guidance first, then actual points (latest first), then derived.
    let lf = p.font(size::SMALL, true, th.text);
    let d = p.u(8.0);
    for (cx, ym, _, _, text) in &guide_marks {
        let x_off = band_w / 2.0 + p.u(5.0);
        for (x, y, a) in [
            (cx + x_off, *ym, Anchor::LEFT_MID),
            (cx - x_off, *ym, Anchor::RIGHT_MID),
            (*cx, ym - d, Anchor::CENTER_BOTTOM),
        ] {
            let r = p.text_box(text, &lf, x, y, a);
            if labels.take(r) {
                p.text(text, &lf, x, y, a)?;
                break;
            }
        }
    }
    marks.sort_by(|a, b| a.3.derived.cmp(&b.3.derived).then(b.3.period.cmp(&a.3.period)));
    // Crowded quarters: label only each series' latest points and the longer periods.
    let dense = slot < p.u(48.0);
    let latest: Vec<Option<Period>> =
        series.iter().map(|s| s.points.iter().filter(|l| l.period.is_quarter()).map(|l| l.period).max()).collect();
    for (x, y, si, l) in &marks {
        if dense && l.period.is_quarter() {
            if latest.get(*si).copied().flatten() != Some(l.period) {
                continue;
            }
        }
        let text = fmt.full(l.value);
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

    // X labels.
    let xl: Vec<XLabel> = periods
        .iter()
        .filter_map(|per| {
            let x = slot_x(per)?;
            let has_points = series.iter().any(|s| s.points.iter().any(|l| l.period == *per));
            let all_derived =
                series.iter().flat_map(|s| s.points.iter()).filter(|l| l.period == *per).all(|l| l.derived);
            let note = if !has_points {
                Some("guidance".to_string())
            } else if all_derived {
                Some("derived".to_string())
            } else {
                None
            };
            Some(XLabel { x, period: *per, note })
        })
        .collect();
    let (xq, xo): (Vec<XLabel>, Vec<XLabel>) = xl.into_iter().partition(|l| l.x < q_end);
    x_labels(p, &xq, slot, plot.y1 + p.u(9.0), plan_q)?;
    x_labels(p, &xo, slot_l, plot.y1 + p.u(9.0), plan_l)
}
