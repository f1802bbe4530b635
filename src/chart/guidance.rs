//! Guidance: small multiples, one panel per guided metric with its own y
//! axis, showing the last actual beside the guided range and midpoint, and
//! the implied change written out ("+6.0% vs Q4 FY23", "+0.8 pp vs Q4 FY23").

use plotters::prelude::*;

use super::data::{guides, levels, same_grain, Guide, Level};
use super::format::{change, Fmt};
use super::names::{metric_label, period_label, period_text, segment_label, title, PeriodForm};
use crate::i18n::{t, tf, K};
use super::hit::Shape;
use super::parts::{empty, fit, header, title_lines, x_labels, Entry, Swatch, XLabel, XPlan, YAxis, PAD};
use super::paint::{clampf, size, Anchor, Labels, Painter, Rect, Res};
use super::ChartKind;
use crate::facts::{Fact, Facts, Kind, Unit, CORE_METRICS};

/// Most panels drawn; the rest are counted in a note.
const MAX_PANELS: usize = 8;

/// A guided metric and what it is compared with.
#[derive(Debug, Clone)]
pub(crate) struct Panel {
    pub guide: Guide,
    pub actual: Option<Level>,
}

impl Panel {
    pub(crate) fn name(&self) -> String {
        let m = metric_label(&self.guide.metric);
        if self.guide.segment == "total" {
            m
        } else {
            format!("{m} · {}", segment_label(&self.guide.segment))
        }
    }

    /// The implied change of the midpoint against the last actual.
    pub(crate) fn implied(&self) -> Option<String> {
        let a = self.actual.as_ref()?;
        let mid = self.guide.mid()?;
        // "vs Q4 FY23"; in Chinese (a panel is narrow) "較上季" against the
        // quarter before, "較去年同期" against a year before, else "較 FY23 Q4".
        let vs = |d: String| {
            if !crate::i18n::zh() {
                tf(K::GuideVs, &[&d, &period_text(&a.period)])
            } else if self.guide.period.prev_quarter() == Some(a.period) {
                tf(K::GuideVsPrevQuarter, &[&d])
            } else if self.guide.period.prev_year() == Some(a.period) {
                tf(K::GuideVsPrevYear, &[&d])
            } else {
                tf(K::GuideVs, &[&d, &period_label(&a.period, PeriodForm::Short)])
            }
        };
        let d = mid - a.value;
        if !d.is_finite() {
            return None;
        }
        Some(match self.guide.unit {
            Unit::Percent | Unit::Pp => vs(format!("{}{}", change(d, 1), t(K::UnitPp))),
            Unit::Bp => vs(format!("{}{}", change(d, 0), t(K::UnitBp))),
            unit => {
                if a.value != 0.0 && a.value.signum() == mid.signum() {
                    let pct = (mid / a.value - 1.0) * 100.0;
                    let pct = if pct.is_finite() { pct } else { return None };
                    vs(format!("{}%", change(pct, 1)))
                } else {
                    let f = Fmt::new(unit, d.abs());
                    let s = f.full(d.abs());
                    let sign = if d < 0.0 { "−" } else { "+" };
                    vs(format!("{sign}{s}"))
                }
            }
        })
    }
}

/// The panels for `facts`, in a stable order (core metrics first).
pub(crate) fn panels(facts: &Facts) -> Vec<Panel> {
    let mut gs = guides(facts, Fact::is_named);
    let rank = |m: &str| CORE_METRICS.iter().position(|c| *c == m).unwrap_or(CORE_METRICS.len());
    crate::order::sort_by(&mut gs, |a, b| {
        (rank(&a.metric), &a.metric, a.segment != "total", &a.segment, a.period).cmp(&(
            rank(&b.metric),
            &b.metric,
            b.segment != "total",
            &b.segment,
            b.period,
        ))
    });
    gs.into_iter()
        .map(|g| {
            let actual = levels(facts, |f| {
                f.kind == Kind::Actual
                    && f.metric == g.metric
                    && f.segment == g.segment
                    && f.unit == g.unit
                    && f.period < g.period
                    && same_grain(&f.period, &g.period)
            })
            .into_iter()
            .map(|(_, l)| l)
            .max_by_key(|l| l.period);
            Panel { guide: g, actual }
        })
        .collect()
}

/// Draws the guidance chart.
pub(crate) fn draw<DB: DrawingBackend>(p: &Painter<DB>, facts: &Facts) -> Res {
    let title = title(facts, ChartKind::Guidance.caption());
    let all = panels(facts);
    if all.is_empty() {
        return empty(p, &title, ChartKind::Guidance.empty_message());
    }
    let th = p.theme;
    let mut legend = vec![Entry { swatch: Swatch::Range(th.guide), label: t(K::LegendGuideRange).into() }];
    if all.iter().any(|x| x.actual.is_some()) {
        legend.insert(0, Entry { swatch: Swatch::Dot(th.color(0)), label: t(K::LegendLastActual).into() });
    }
    let shown = &all[..all.len().min(MAX_PANELS)];
    if shown.iter().any(|x| p.is_flagged(x.guide.fact) || x.actual.as_ref().is_some_and(|a| p.is_flagged(a.fact))) {
        legend.push(Entry { swatch: Swatch::Flag, label: t(K::LegendFlag).into() });
    }
    let top = header(p, &title, &legend)?;
    let n = shown.len();
    let pad = p.u(PAD);
    let gap = p.u(12.0);
    // As many columns as fit at MIN_PANEL_W CSS pixels a panel, four at most
    // (two rows when there are more than four panels), as few rows as that allows.
    let fit_cols = ((p.w - 2.0 * pad + gap) / (p.u(super::MIN_PANEL_W) + gap)).floor().max(1.0) as usize;
    let most = if n <= 4 { n } else { n.div_ceil(2) }.min(fit_cols).max(1);
    // Rows as full as each other: four panels in three columns are two rows of two.
    let rows = n.div_ceil(most).max(1);
    let cols = n.div_ceil(rows).max(1);
    let pw = ((p.w - 2.0 * pad - gap * (cols - 1) as f64) / cols as f64).max(1.0);
    // The height every panel needs at this width for its plot to reach
    // MIN_PANEL_PLOT_H: the page grows the chart to it.
    let more_h = if all.len() > n { p.u(16.0) } else { 0.0 };
    // A name too long for its panel takes two lines; every panel then
    // keeps two, so that the plots of a row line up.
    let name_rows = shown.iter().map(|x| PanelLayout::new(p, x, Rect::new(0.0, 0.0, pw, 0.0), 1).name.len()).max().unwrap_or(1);
    let panel_need =
        shown.iter().map(|x| PanelLayout::new(p, x, Rect::new(0.0, 0.0, pw, 0.0), name_rows).need_h).fold(0.0, f64::max);
    p.need_height(top + panel_need * rows as f64 + gap * (rows - 1) as f64 + pad + more_h);
    let bottom = p.h - pad - more_h;
    let ph = ((bottom - top - gap * (rows - 1) as f64) / rows as f64).max(1.0);
    for (i, panel) in shown.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let x0 = pad + c as f64 * (pw + gap);
        let y0 = top + r as f64 * (ph + gap);
        draw_panel(p, panel, Rect::new(x0, y0, x0 + pw, y0 + ph), name_rows)?;
    }
    if all.len() > n {
        let f = p.font(size::SMALL, false, th.muted);
        let more = all.len() - n;
        let text = tf(if more == 1 { K::GuideMoreOne } else { K::GuideMore }, &[&more.to_string()]);
        p.text(&text, &f, p.w - pad, p.h - pad, Anchor::RIGHT_BOTTOM)?;
    }
    Ok(())
}

/// Where a panel puts its parts, worked out before anything is drawn (the
/// chart asks every panel how tall it needs to be).
struct PanelLayout {
    /// The panel's name (on one line or two) and implied change, fitted to its width.
    name: Vec<String>,
    /// The height the name's lines take.
    name_h: f64,
    line: String,
    /// Top of the plot, its left and right edges.
    plot_top: f64,
    x0: f64,
    x1: f64,
    /// The value axis (placed once the plot's bottom is known) and its format.
    axis: Option<(YAxis, Fmt)>,
    plan: XPlan,
    /// The height the panel needs for a plot MIN_PANEL_PLOT_H tall.
    need_h: f64,
}

impl PanelLayout {
    /// The layout of `panel` in `r`, its name's room at least `name_rows` lines.
    fn new<DB: DrawingBackend>(p: &Painter<DB>, panel: &Panel, r: Rect, name_rows: usize) -> PanelLayout {
        let th = p.theme;
        let inset = p.u(10.0);
        let g = &panel.guide;
        let hf = p.font(size::HEAD, true, th.text);
        let name = title_lines(p, &panel.name(), &hf, r.w() - 2.0 * inset);
        let name_h = (p.measure("Xg", &hf).1 + p.u(2.0)) * name.len().max(name_rows) as f64 - p.u(2.0);
        let lf = p.font(size::LABEL, true, th.text);
        let line = match panel.implied() {
            Some(t) => t,
            None if panel.actual.is_none() => t(K::GuideNoActual).to_string(),
            None => String::new(),
        };
        let line = fit(p, &line, &lf, r.w() - 2.0 * inset);
        // Room above the plot for the range's label.
        let plot_top = r.y0 + inset + name_h + p.u(5.0) + p.measure("Xg", &lf).1 + p.u(30.0);
        let axis = g.mid().map(|mid| {
            let (glo, ghi) = g.span().unwrap_or((mid, mid));
            let mut lo = glo.min(mid);
            let mut hi = ghi.max(mid);
            if let Some(a) = &panel.actual {
                lo = lo.min(a.value);
                hi = hi.max(a.value);
            }
            let span = (hi - lo).max(hi.abs().max(lo.abs()) * 0.04).max(match g.unit {
                Unit::Percent | Unit::Bp | Unit::Pp => 1.0,
                _ => f64::MIN_POSITIVE,
            });
            let fmt = Fmt::new(g.unit, hi.abs().max(lo.abs()));
            (YAxis::new(lo - span * 0.35, hi + span * 0.35, plot_top, plot_top + 1.0, 4), fmt)
        });
        let lw = axis.as_ref().map_or(0.0, |(a, f)| a.label_width(p, f));
        let x0 = r.x0 + inset + lw;
        let x1 = (r.x1 - inset).max(x0 + 1.0);
        let mut periods = vec![g.period];
        if let Some(a) = &panel.actual {
            periods.insert(0, a.period);
        }
        let plan = XPlan::new(p, &periods, (x1 - x0) / periods.len() as f64);
        let need_h = plot_top - r.y0 + p.u(super::MIN_PANEL_PLOT_H) + p.u(6.0) + plan.height(p.s);
        PanelLayout { name, name_h, line, plot_top, x0, x1, axis, plan, need_h }
    }
}

/// One guidance panel: its frame and header ([`panel_header`]), then, where
/// the plot has room, its axis, the dashed link from the actual to the
/// guided midpoint, the guided range ([`draw_guide`]), the actual
/// ([`draw_actual`]), the range's and midpoint's labels ([`guide_labels`])
/// and the x labels.
fn draw_panel<DB: DrawingBackend>(p: &Painter<DB>, panel: &Panel, r: Rect, name_rows: usize) -> Res {
    let th = p.theme;
    p.fill_rect(r, th.panel)?;
    p.stroke_rect(r, th.grid, 1.0)?;
    let g = &panel.guide;
    let lay = PanelLayout::new(p, panel, r, name_rows);
    panel_header(p, panel, r, &lay)?;

    // Values and axis.
    let (Some(mid), Some((mut axis, fmt))) = (g.mid(), lay.axis) else { return Ok(()) };
    let plot_bottom = r.y1 - p.u(6.0) - lay.plan.height(p.s);
    if plot_bottom - lay.plot_top < p.u(20.0) {
        return Ok(());
    }
    axis.place(lay.plot_top, plot_bottom);
    let plot = Rect::new(lay.x0, lay.plot_top, lay.x1, plot_bottom);
    p.plot(plot, super::MIN_PANEL_PLOT_H);
    axis.draw(p, plot, &fmt, true)?;
    let slots = if panel.actual.is_some() { 2.0 } else { 1.0 };
    let slot = plot.w() / slots;
    let ym = axis.y(mid);
    let m = Marks {
        xa: plot.x0 + slot * 0.5,
        xg: plot.x0 + slot * (slots - 0.5),
        ym,
        bw: clampf(slot * 0.36, p.u(10.0).min(slot * 0.8), p.u(40.0)),
        mid,
        axis,
        fmt,
    };
    let mut labels = Labels::new(Rect::new(plot.x0, plot.y0 - p.u(4.0), plot.x1, plot.y1));

    // Dashed link from the actual to the midpoint.
    if let Some(a) = &panel.actual {
        p.dashed((m.xa, m.axis.y(a.value)), (m.xg, ym), th.muted, 1.5, 4.0, 3.0)?;
    }
    let (range_top, range_bottom) = draw_guide(p, panel, &m, &mut labels)?;
    if let Some(a) = &panel.actual {
        draw_actual(p, panel, a, &m, &mut labels)?;
    }
    guide_labels(p, g, &m, (range_top, range_bottom), &mut labels)?;

    // X labels: the actual's period and the guided one, each named.
    let mut xs = vec![XLabel { x: m.xg, period: g.period, note: Some(crate::i18n::t(K::NoteGuidance).into()) }];
    if let Some(a) = &panel.actual {
        xs.insert(0, XLabel { x: m.xa, period: a.period, note: Some(crate::i18n::t(K::NoteActual).into()) });
    }
    x_labels(p, &xs, slot, plot.y1 + p.u(9.0), lay.plan)
}

/// Where a panel's marks go: the actual's and the guided slot's centres
/// (`xa`, `xg`), the midpoint's value and height (`mid`, `ym`), the guided
/// range's width, and the placed axis with its format.
struct Marks {
    xa: f64,
    xg: f64,
    ym: f64,
    bw: f64,
    mid: f64,
    axis: YAxis,
    fmt: Fmt,
}

/// A panel's header: the metric's name (on its lines), then the implied change.
fn panel_header<DB: DrawingBackend>(p: &Painter<DB>, panel: &Panel, r: Rect, lay: &PanelLayout) -> Res {
    let th = p.theme;
    let inset = p.u(10.0);
    let hf = p.font(size::HEAD, true, th.text);
    let mut y = r.y0 + inset;
    for line in &lay.name {
        p.text(line, &hf, r.x0 + inset, y, Anchor::LEFT_TOP)?;
        y += p.measure("Xg", &hf).1 + p.u(2.0);
    }
    let y = r.y0 + inset + lay.name_h + p.u(5.0);
    let lf = if panel.implied().is_some() { p.font(size::LABEL, true, th.color(0)) } else { p.font(size::LABEL, false, th.muted) };
    p.text(&lay.line, &lf, r.x0 + inset, y, Anchor::LEFT_TOP)
}

/// The guided range (a box with its midpoint line, when a range), the
/// midpoint's diamond, its region and its warning mark. Returns the top and
/// bottom of what it drew, for the labels to clear.
fn draw_guide<DB: DrawingBackend>(p: &Painter<DB>, panel: &Panel, m: &Marks, labels: &mut Labels) -> Result<(f64, f64), super::ChartError> {
    let th = p.theme;
    let g = &panel.guide;
    let (xg, ym, bw) = (m.xg, m.ym, m.bw);
    let (glo, ghi) = g.span().unwrap_or((m.mid, m.mid));
    let mut range_top = ym - p.u(7.0);
    let mut range_bottom = ym + p.u(7.0);
    if g.is_range() {
        let (y0, y1) = (m.axis.y(ghi), m.axis.y(glo));
        let (y0, y1) = if y1 - y0 < p.u(6.0) { (ym - p.u(3.0), ym + p.u(3.0)) } else { (y0, y1) };
        let rr = Rect::new(xg - bw / 2.0, y0, xg + bw / 2.0, y1);
        p.fill_rect(rr, th.fade(th.guide, 0.86))?;
        p.stroke_rect(rr, th.guide, 1.0)?;
        p.line((rr.x0, ym), (rr.x1, ym), th.guide, 1.0)?;
        labels.block(rr);
        range_top = range_top.min(rr.y0);
        range_bottom = range_bottom.max(rr.y1);
    }
    p.diamond((xg, ym), 5.0, th.guide, th.bg)?;
    labels.block(Rect::new(xg - p.u(7.0), ym - p.u(7.0), xg + p.u(7.0), ym + p.u(7.0)));
    let mid_text = g.mid().filter(|_| g.is_range()).map(|mid| tf(K::RegionMidpoint, &[&m.fmt.full(mid)])).unwrap_or_default();
    let area = Rect::new(xg - (bw / 2.0).max(p.u(7.0)), range_top, xg + (bw / 2.0).max(p.u(7.0)), range_bottom);
    p.region(area, g.fact, Shape::Range, tf(K::RegionGuide, &[&period_text(&g.period), &panel.name(), &g.label(&m.fmt), &mid_text]));
    if p.is_flagged(g.fact) {
        p.flag(xg, range_top - p.u(14.0))?;
        labels.block(Rect::new(xg - p.u(8.0), range_top - p.u(15.0), xg + p.u(8.0), range_top));
        range_top -= p.u(15.0);
    }
    Ok((range_top, range_bottom))
}

/// The last actual: its point, region, warning mark and value label (in
/// Chinese, in the axis's unit where the whole amount does not fit).
fn draw_actual<DB: DrawingBackend>(p: &Painter<DB>, panel: &Panel, a: &Level, m: &Marks, labels: &mut Labels) -> Res {
    let th = p.theme;
    let (xa, fmt) = (m.xa, &m.fmt);
    let vf = p.font(size::SMALL, true, th.text);
    let ya = m.axis.y(a.value);
    p.circle((xa, ya), 5.5, th.color(0), Some((th.bg, 1.5)))?;
    let r = Rect::new(xa - p.u(7.0), ya - p.u(7.0), xa + p.u(7.0), ya + p.u(7.0));
    labels.block(r);
    p.region(r, a.fact, Shape::Point, tf(K::RegionLastActual, &[&period_text(&a.period), &panel.name(), &fmt.full(a.value)]));
    if p.is_flagged(a.fact) {
        p.flag(xa, ya - p.u(22.0))?;
        labels.block(Rect::new(xa - p.u(8.0), ya - p.u(23.0), xa + p.u(8.0), ya - p.u(7.0)));
    }
    let t = fmt.full(a.value);
    let at = [
        (xa, ya - p.u(10.0), Anchor::CENTER_BOTTOM),
        (xa, ya + p.u(10.0), Anchor::CENTER_TOP),
        (xa + p.u(10.0), ya, Anchor::LEFT_MID),
    ];
    if !place(p, labels, &t, &vf, &at)? && crate::i18n::zh() {
        // "3,210 萬美元" is long: in the axis's unit where it does not fit ("0.321").
        place(p, labels, &fmt.short(a.value), &vf, &at)?;
    }
    Ok(())
}

/// The guided range's label above it (in Chinese, in the axis's unit where
/// the whole amounts do not fit) and the midpoint's below it.
fn guide_labels<DB: DrawingBackend>(p: &Painter<DB>, g: &Guide, m: &Marks, (range_top, range_bottom): (f64, f64), labels: &mut Labels) -> Res {
    let th = p.theme;
    let (xg, ym, bw, fmt) = (m.xg, m.ym, m.bw, &m.fmt);
    let vf = p.font(size::SMALL, true, th.text);
    let mf = p.font(size::SMALL, false, th.muted);
    let t = g.label(fmt);
    let at = [
        (xg, range_top - p.u(4.0), Anchor::CENTER_BOTTOM),
        (xg + bw / 2.0 + p.u(5.0), ym, Anchor::LEFT_MID),
        (xg - bw / 2.0 - p.u(5.0), ym, Anchor::RIGHT_MID),
    ];
    if !place(p, labels, &t, &vf, &at)? && crate::i18n::zh() {
        // Chinese amounts are long ("3,300–3,500 萬美元"): where one does not
        // fit, the range in the axis's unit ("0.33–0.35", 億美元 above it).
        if let (Some(lo), Some(hi)) = (g.low, g.high) {
            // Also right-aligned over the range, so as not to leave the panel.
            // or under it, before the midpoint's label takes that place.
            let edge = (xg + bw / 2.0, range_top - p.u(4.0), Anchor::RIGHT_BOTTOM);
            let under = (xg + bw / 2.0, range_bottom + p.u(4.0), Anchor::RIGHT_TOP);
            place(p, labels, &format!("{}–{}", fmt.short(lo), fmt.short(hi)), &vf, &[at[0], edge, at[1], at[2], under])?;
        }
    }
    if g.is_range() {
        let t = tf(K::GuideMid, &[&fmt.full(m.mid)]);
        place(p, labels, &t, &mf, &[
            (xg, range_bottom + p.u(4.0), Anchor::CENTER_TOP),
            (xg + bw / 2.0 + p.u(5.0), ym, Anchor::LEFT_MID),
        ])?;
    }
    Ok(())
}

/// Draws `text` at the first free position.
fn place<DB: DrawingBackend>(
    p: &Painter<DB>,
    labels: &mut Labels,
    text: &str,
    f: &super::paint::Font,
    at: &[(f64, f64, Anchor)],
) -> Result<bool, super::ChartError> {
    for &(x, y, a) in at {
        if labels.take(p.text_box(text, f, x, y, a)) {
            p.text(text, f, x, y, a)?;
            return Ok(true);
        }
    }
    Ok(false)
}
