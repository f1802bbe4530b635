//! Revenue: one bar per period, stacked by segment where the split is known
//! (the unexplained rest shown as "Other"), derived figures light and hatched,
//! a guided period as a low–high range with its midpoint. Quarters and longer
//! periods (years, halves) sit in two panels with their own y axes.


use plotters::prelude::*;

use super::data::{finite, guides, levels, main_currency, Guide, Level};
use super::format::Fmt;
use super::names::{period_text, segment_label, title};
use crate::i18n::{t, tf, K};
use super::hit::Shape;
use super::parts::{empty, header, pattern_ink, x_labels, Entry, Swatch, XLabel, XPlan, YAxis, PAD};
use super::paint::{clampf, size, Anchor, Labels, Painter, Pattern, Rect, Res};
use super::ChartKind;
use crate::facts::{Fact, Facts, Measure, Period, Unit};

/// What a piece of a bar stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// A named segment.
    Segment(String),
    /// Total less the known segments.
    Other,
    /// A total with no segment split.
    Total,
}

/// One stacked piece of a bar.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// The fact shown (for [`Part::Other`]: the total it is part of).
    pub fact: usize,
    pub part: Part,
    pub value: f64,
    pub derived: bool,
}

/// Everything drawn in one period's slot.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    pub period: Period,
    pub pieces: Vec<Piece>,
    /// The figure written above the bar.
    pub total: Option<f64>,
    /// The fact of the period's total, if the call said one.
    pub total_fact: Option<usize>,
    /// Whether all / some of the bar is derived.
    pub derived: bool,
    pub partly_derived: bool,
    pub guide: Option<Guide>,
}

/// The bars for `facts`, in period order, and the segments in stacking order.
pub(crate) fn bars(facts: &Facts) -> (Vec<Bar>, Vec<String>, Unit) {
    bars_of(facts, "revenue")
}

/// [`bars`] of money metric `metric`, or of EPS (per share) for "eps" (a
/// series' EPS by quarter).
pub(crate) fn bars_of(facts: &Facts, metric: &str) -> (Vec<Bar>, Vec<String>, Unit) {
    let per_share = metric == "eps";
    let is_level = |f: &Fact| {
        f.metric == metric && f.measure == Measure::Level && if per_share { matches!(f.unit, Unit::PerShare(_)) } else { f.unit.is_money() }
    };
    let cur = if per_share {
        Some(crate::facts::Currency::from_code(&facts.currency).unwrap_or(crate::facts::Currency::USD))
    } else {
        main_currency(facts, is_level)
    };
    let is_rev = |f: &Fact| is_level(f) && matches!(f.unit, Unit::Money(c) | Unit::PerShare(c) if Some(c) == cur);
    let lv: Vec<Level> = levels(facts, is_rev).into_iter().map(|(_, l)| l).collect();
    let gd = guides(facts, |f| is_rev(f) && f.segment == "total");
    let unit = match (cur, per_share) {
        (Some(c), true) => Unit::PerShare(c),
        (c, false) => c.map_or(Unit::USD, Unit::Money),
        (None, true) => Unit::PerShare(crate::facts::Currency::USD),
    };

    // Segments, biggest first (stacked from the bottom).
    let mut segments: Vec<(&str, f64)> = Vec::new();
    for l in lv.iter().filter(|l| l.segment != "total" && l.value > 0.0) {
        match segments.iter_mut().find(|(s, _)| *s == l.segment) {
            Some((_, sum)) => *sum += l.value,
            None => segments.push((l.segment.as_str(), l.value)),
        }
    }
    crate::order::sort_by(&mut segments, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let segments: Vec<String> = segments.into_iter().map(|(s, _)| s.to_string()).collect();

    let mut periods: Vec<Period> = lv.iter().map(|l| l.period).chain(gd.iter().map(|g| g.period)).collect();
    crate::order::sort(&mut periods);
    periods.dedup();

    let mut out = Vec::new();
    for period in periods {
        let total = lv.iter().find(|l| l.period == period && l.segment == "total");
        let mut segs: Vec<&Level> =
            lv.iter().filter(|l| l.period == period && l.segment != "total" && l.value > 0.0).collect();
        crate::order::sort_by_key(&mut segs, |l| segments.iter().position(|s| *s == l.segment));
        let sum: f64 = segs.iter().map(|l| l.value).sum();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut shown_total = total.map(|t| t.value);
        // Segments that add up to more than the total overlap: show the total alone.
        let overlapping = total.is_some_and(|t| sum > t.value * 1.005 + 1.0);
        if !segs.is_empty() && !overlapping {
            for l in &segs {
                pieces.push(Piece { fact: l.fact, part: Part::Segment(l.segment.clone()), value: l.value, derived: l.derived });
            }
            if let Some(t) = total {
                let rest = t.value - sum;
                if rest > t.value.abs() * 0.005 {
                    let derived = t.derived || segs.iter().any(|l| l.derived);
                    pieces.push(Piece { fact: t.fact, part: Part::Other, value: rest, derived });
                }
            } else {
                shown_total = Some(sum);
            }
        } else if let Some(t) = total {
            pieces.push(Piece { fact: t.fact, part: Part::Total, value: t.value, derived: t.derived });
        }
        let derived = !pieces.is_empty() && pieces.iter().all(|p| p.derived);
        let partly_derived = !derived && pieces.iter().any(|p| p.derived);
        let guide = gd.iter().find(|g| g.period == period).cloned();
        out.push(Bar {
            period,
            pieces,
            total: shown_total.and_then(|v| finite(Some(v))),
            total_fact: total.map(|t| t.fact),
            derived,
            partly_derived,
            guide,
        });
    }
    (out, segments, unit)
}

/// Draws the revenue chart.
pub(crate) fn draw<DB: DrawingBackend>(p: &Painter<DB>, facts: &Facts) -> Res {
    draw_of(p, facts, "revenue", ChartKind::Revenue.caption(), ChartKind::Revenue.empty_message())
}

/// Draws the bars of `metric` ([`bars_of`]) under `caption`, or `empty_message`.
pub(crate) fn draw_of<DB: DrawingBackend>(p: &Painter<DB>, facts: &Facts, metric: &str, caption: &str, empty_message: &str) -> Res {
    let title = title(facts, caption);
    let (bars, segments, unit) = bars_of(facts, metric);
    if bars.is_empty() {
        return empty(p, &title, empty_message);
    }
    let th = p.theme;

    // Colours: segments from the palette; an unsplit total in the first
    // palette colour when no bar is split, else in a neutral slate.
    let any_split = bars.iter().any(|b| b.pieces.iter().any(|x| matches!(x.part, Part::Segment(_))));
    // Segments also differ by pattern, for readers who cannot tell the
    // colours apart; "Other" has a pattern of its own.
    let color = |part: &Part| -> (RGBColor, Pattern) {
        match part {
            Part::Segment(s) => {
                let i = segments.iter().position(|x| x == s).unwrap_or(0);
                (th.color(i), Pattern::series(i))
            }
            Part::Other => (th.other, Pattern::Vertical),
            Part::Total => (if any_split { th.total } else { th.color(0) }, Pattern::Solid),
        }
    };
    let top = header(p, &title, &legend(p, &bars, &segments, any_split, &color))?;
    let groups = groups(&bars);
    let two = groups.len() > 1;
    let pad = p.u(PAD);
    let plot_top = top + p.u(26.0);
    let gap = p.u(30.0);

    // Axes first: their label widths decide the plot widths, and the slot
    // widths how the x labels are written, which decides the plot's bottom.
    let (mut axes, extents) = panel_axes(p, &groups, unit, plot_top);
    let label_w: f64 = axes.iter().map(|(axis, fmt)| axis.label_width(p, fmt)).sum();
    let slots = slot_widths(p, &groups, label_w, gap);
    let plans: Vec<XPlan> = groups
        .iter()
        .zip(&slots)
        .map(|((_, g), slot)| XPlan::new(p, &g.iter().map(|b| b.period).collect::<Vec<_>>(), *slot))
        .collect();
    let x_h = plans.iter().map(|x| x.height(p.s)).fold(0.0, f64::max);
    let plot_bottom = p.h - pad - x_h;
    p.need_height(plot_top + p.u(super::MIN_PLOT_H) + x_h + pad);
    refine_axes(p, &groups, &mut axes, &extents, &slots, (plot_top, plot_bottom));

    let mut x = pad;
    // A unit caption is written once when the panels' units read the same.
    let mut unit_said: Option<String> = None;
    for ((((name, group), (axis, fmt)), slot), plan) in groups.iter().zip(&mut axes).zip(slots).zip(plans) {
        axis.place(plot_top, plot_bottom);
        let lw = axis.label_width(p, fmt);
        let plot = Rect::new(x + lw, plot_top, x + lw + slot * group.len() as f64, plot_bottom);
        p.plot(plot, super::MIN_PLOT_H);
        let unit = fmt.axis();
        let say_unit = unit_said.as_ref() != Some(&unit);
        axis.draw(p, plot, fmt, say_unit)?;
        // Value labels may rise into the room above the plot, clear of the group's caption.
        let mut labels = Labels::new(Rect::new(plot.x0 - p.u(4.0), top, plot.x1 + p.u(4.0), plot.y1));
        if two {
            let gf = p.font(size::SMALL, true, th.text);
            let unit_box = say_unit.then(|| axis.caption_box(p, plot, fmt));
            let (cx, cy) = (group_caption_x(p, name, &gf, plot, unit_box), plot.y0 - p.u(10.0));
            p.text(name, &gf, cx, cy, Anchor::CENTER_BOTTOM)?;
            labels.block(p.text_box(name, &gf, cx, cy, Anchor::CENTER_BOTTOM).grow(p.u(2.0)));
        }
        unit_said = Some(unit);
        draw_group(p, group, Frame { axis, fmt, plot, slot, plan }, &mut labels, &color)?;
        x = plot.x1 + gap;
    }
    p.sort_regions();
    Ok(())
}

/// The x centre of a panel's caption: over the panel, or right of its unit
/// caption where a narrow panel would put the two on top of each other (as
/// far as the canvas allows).
fn group_caption_x<DB: DrawingBackend>(p: &Painter<DB>, name: &str, f: &super::paint::Font, plot: Rect, unit: Option<Rect>) -> f64 {
    let cx = (plot.x0 + plot.x1) / 2.0;
    let half = p.measure(name, f).0 / 2.0;
    match unit {
        Some(u) if cx - half < u.x1 + p.u(6.0) => (u.x1 + p.u(6.0) + half).min(p.w - p.u(2.0) - half).max(cx),
        _ => cx,
    }
}

/// The legend: segments in use, "Other", an unsplit total, derived bars,
/// guidance and flags, each when shown.
fn legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    bars: &[Bar],
    segments: &[String],
    any_split: bool,
    color: &dyn Fn(&Part) -> (RGBColor, Pattern),
) -> Vec<Entry> {
    let th = p.theme;
    let mut legend: Vec<Entry> = Vec::new();
    let used = |pred: &dyn Fn(&Part) -> bool| bars.iter().any(|b| b.pieces.iter().any(|x| pred(&x.part)));
    for s in segments {
        if used(&|x| *x == Part::Segment(s.clone())) {
            let (c, pat) = color(&Part::Segment(s.clone()));
            legend.push(Entry { swatch: Swatch::Fill(c, pat), label: segment_label(s) });
        }
    }
    if used(&|x| *x == Part::Other) {
        let (c, pat) = color(&Part::Other);
        legend.push(Entry { swatch: Swatch::Fill(c, pat), label: t(K::LegendOther).into() });
    }
    if any_split && used(&|x| *x == Part::Total) {
        legend.push(Entry { swatch: Swatch::Fill(th.total, Pattern::Solid), label: t(K::LegendTotalNosplit).into() });
    }
    if bars.iter().any(|b| b.derived || b.partly_derived) {
        legend.push(Entry { swatch: Swatch::Hatched(th.muted), label: t(K::LegendDerivedChange).into() });
    }
    if bars.iter().any(|b| b.guide.is_some()) {
        legend.push(Entry { swatch: Swatch::Range(th.guide), label: t(K::LegendGuideRange).into() });
    }
    let flagged = |b: &Bar| {
        b.pieces.iter().any(|x| p.is_flagged(x.fact)) || b.guide.as_ref().is_some_and(|g| p.is_flagged(g.fact))
    };
    if bars.iter().any(flagged) {
        legend.push(Entry { swatch: Swatch::Flag, label: t(K::LegendFlag).into() });
    }
    legend
}

/// A panel: its caption and bars.
type Group<'a> = (&'static str, Vec<&'a Bar>);

/// The panels: quarters, then years and halves.
fn groups(bars: &[Bar]) -> Vec<Group<'_>> {
    let (quarters, longer): (Vec<&Bar>, Vec<&Bar>) = bars.iter().partition(|b| b.period.is_quarter());
    let mut groups: Vec<Group<'_>> = Vec::new();
    let longer_name = if longer.iter().all(|b| matches!(b.period.part(), Some(crate::facts::Part::Year))) {
        t(K::GroupYear)
    } else {
        t(K::GroupYearHalf)
    };
    if !quarters.is_empty() {
        groups.push((t(K::GroupQuarterly), quarters));
    }
    if !longer.is_empty() {
        groups.push((longer_name, longer));
    }
    groups
}

/// A panel's bars: its lowest value, and each bar's top value with the
/// pixels it needs above it (its value label, a warning mark).
type Extent = (f64, Vec<(f64, f64)>);

/// An axis from `lo` with head room for the value labels (and a warning
/// mark under them): each bar's top stays the pixels it needs below the
/// axis's top in a plot `plot_h` tall.
fn axis_for(lo: f64, tops: &[(f64, f64)], plot_h: f64, plot_top: f64) -> YAxis {
    let hi = tops.iter().map(|t| t.0).fold(0.0, f64::max);
    let room = |need: f64| clampf(need / plot_h.max(1.0), 0.0, 0.5);
    let top = tops.iter().map(|&(v, need)| lo + (v - lo) / (1.0 - room(need))).fold(hi, f64::max);
    YAxis::new(lo, top, plot_top, plot_top + 1.0, 5)
}

/// Each panel's axis and number format, first for the shortest plot this
/// canvas can give (one with the years' row), and its extent.
fn panel_axes<DB: DrawingBackend>(p: &Painter<DB>, groups: &[Group<'_>], unit: Unit, plot_top: f64) -> (Vec<(YAxis, Fmt)>, Vec<Extent>) {
    let vf = p.font(size::SMALL, true, p.theme.text);
    let (label_h, mark_h) = (p.measure("0", &vf).1 + p.u(4.0), p.u(15.0));
    let shortest = (p.h - p.u(PAD) - p.u(50.0) - plot_top).max(p.u(super::MIN_PLOT_H));
    let mut axes = Vec::new();
    let mut extents = Vec::new();
    for (_, group) in groups {
        let mut lo: f64 = 0.0;
        let mut tops: Vec<(f64, f64)> = Vec::new();
        for b in group {
            let up: f64 = b.pieces.iter().filter(|x| x.value > 0.0).map(|x| x.value).sum();
            let down: f64 = b.pieces.iter().filter(|x| x.value < 0.0).map(|x| x.value).sum();
            let mut top = up.max(b.total.unwrap_or(0.0));
            lo = lo.min(down).min(b.total.unwrap_or(0.0));
            if let Some((l, h)) = b.guide.as_ref().and_then(|g| g.span()) {
                top = top.max(h);
                lo = lo.min(l);
            }
            let marked = b.pieces.iter().any(|x| p.is_flagged(x.fact));
            tops.push((top, label_h + p.u(2.0) + if marked { mark_h } else { 0.0 }));
        }
        let hi = tops.iter().map(|t| t.0).fold(0.0, f64::max);
        let fmt = Fmt::new(unit, hi.abs().max(lo.abs()));
        axes.push((axis_for(lo, &tops, shortest, plot_top), fmt));
        extents.push((lo, tops));
    }
    (axes, extents)
}

/// Each panel's slot width: even, but many quarters must not squeeze the
/// year panel: its slots keep a minimum width (up to 40% of the room), the
/// quarters share the rest.
fn slot_widths<DB: DrawingBackend>(p: &Painter<DB>, groups: &[Group<'_>], label_w: f64, gap: f64) -> Vec<f64> {
    let pad = p.u(PAD);
    let slots_total: usize = groups.iter().map(|(_, g)| g.len()).sum::<usize>().max(1);
    let plots_w = (p.w - 2.0 * pad - label_w - gap * (groups.len().saturating_sub(1)) as f64).max(1.0);
    let even = plots_w / slots_total as f64;
    if let [(_, q), (_, y)] = groups {
        let min_slot = p.u(56.0);
        if even < min_slot && !q.is_empty() && !y.is_empty() {
            let ys = min_slot.min(plots_w * 0.4 / y.len() as f64).max(even);
            return vec![((plots_w - ys * y.len() as f64) / q.len() as f64).max(0.0), ys];
        }
    }
    vec![even; groups.len()]
}

/// The real plot may be taller than the shortest, and a value label may
/// rise into the band above the plot where it clears the group's caption:
/// less head room will do, unless the axis's labels would then need more
/// width than planned.
fn refine_axes<DB: DrawingBackend>(
    p: &Painter<DB>,
    groups: &[Group<'_>],
    axes: &mut [(YAxis, Fmt)],
    extents: &[Extent],
    slots: &[f64],
    (plot_top, plot_bottom): (f64, f64),
) {
    let (pad, gap) = (p.u(PAD), p.u(30.0));
    let vf = p.font(size::SMALL, true, p.theme.text);
    let gf = p.font(size::SMALL, true, p.theme.text);
    let two = groups.len() > 1;
    let mut x = pad;
    for ((((name, group), (axis, fmt)), (lo, tops)), slot) in groups.iter().zip(axes.iter_mut()).zip(extents).zip(slots) {
        let x0 = x + axis.label_width(p, fmt);
        let x1 = x0 + slot * group.len() as f64;
        let caption = if two { p.measure(name, &gf).0 / 2.0 + p.u(4.0) } else { 0.0 };
        let tops: Vec<(f64, f64)> = tops
            .iter()
            .zip(group.iter())
            .enumerate()
            .map(|(i, (&(v, need), b))| {
                let cx = x0 + slot * (i as f64 + 0.5);
                let text = b.total.map(|t| fmt.full(t)).or_else(|| b.guide.as_ref().map(|g| g.label(fmt)));
                let half = text.map_or(0.0, |t| p.measure(&t, &vf).0 / 2.0);
                let clear = (cx - (x0 + x1) / 2.0).abs() >= half + caption;
                (v, (need - if clear { p.u(24.0) } else { p.u(8.0) }).max(p.u(4.0)))
            })
            .collect();
        let real = axis_for(*lo, &tops, plot_bottom - plot_top, plot_top);
        if real.label_width(p, fmt) <= axis.label_width(p, fmt) {
            *axis = real;
        }
        x = x1 + gap;
    }
}

/// One panel's frame: its axis and format, plot area, slot width and how
/// its x labels are written.
struct Frame<'a> {
    axis: &'a YAxis,
    fmt: &'a Fmt,
    plot: Rect,
    slot: f64,
    plan: XPlan,
}

fn draw_group<DB: DrawingBackend>(
    p: &Painter<DB>,
    group: &[&Bar],
    frame: Frame<'_>,
    labels: &mut Labels,
    color: &dyn Fn(&Part) -> (RGBColor, Pattern),
) -> Res {
    let Frame { axis, fmt, plot, slot, plan } = frame;
    let th = p.theme;
    let bar_w = (slot * 0.62).min(p.u(72.0)).max(p.u(2.0).min(slot));
    let zero = axis.y(0.0);
    let mut xl = Vec::new();

    // Bars first, so labels can avoid all of them.
    let mut tops = Vec::new();
    for (i, b) in group.iter().enumerate() {
        let cx = plot.x0 + slot * (i as f64 + 0.5);
        let (x0, x1) = (cx - bar_w / 2.0, cx + bar_w / 2.0);
        let (mut up, mut down) = (0.0, 0.0);
        let mut top_y = zero;
        for piece in &b.pieces {
            let (a, z) = if piece.value >= 0.0 {
                let a = up;
                up += piece.value;
                (a, up)
            } else {
                let a = down;
                down += piece.value;
                (a, down)
            };
            let r = Rect::new(x0, axis.y(a), x1, axis.y(z));
            draw_piece(p, b, piece, r, fmt, color(&piece.part), labels)?;
            top_y = top_y.min(r.y0);
        }
        if let Some(g) = &b.guide {
            top_y = top_y.min(draw_guide(p, g, axis, cx, bar_w, fmt, labels)?);
        }
        if b.pieces.iter().any(|x| p.is_flagged(x.fact)) {
            // The warning mark sits on the bar's top edge; the value label goes above it.
            let y = top_y;
            p.flag(cx, y - p.u(14.0))?;
            labels.block(Rect::new(cx - p.u(8.0), y - p.u(15.0), cx + p.u(8.0), y));
            top_y = top_y.min(y - p.u(15.0));
        }
        tops.push((cx, top_y));
        xl.push(XLabel { x: cx, period: b.period, note: x_note(b) });
    }
    value_labels(p, group, &tops, fmt, slot, labels)?;
    p.line((plot.x0, zero), (plot.x1, zero), th.axis, 1.0)?;
    x_labels(p, &xl, slot, plot.y1 + p.u(9.0), plan)
}

/// One piece of a bar in rectangle `r`, in its colour and pattern (hatched
/// when derived), a region for its fact, and its value inside it where it fits.
fn draw_piece<DB: DrawingBackend>(
    p: &Painter<DB>,
    b: &Bar,
    piece: &Piece,
    r: Rect,
    fmt: &Fmt,
    (c, pattern): (RGBColor, Pattern),
    labels: &mut Labels,
) -> Res {
    let th = p.theme;
    if piece.derived {
        p.fill_rect(r, th.fade(c, 0.72))?;
        p.hatch(r, th.fade(c, 0.25), 6.0, 1.0)?;
        p.pattern(r, pattern, th.fade(c, 0.1))?;
        p.stroke_rect(r, c, 1.0)?;
    } else {
        p.fill_rect(r, c)?;
        p.pattern(r, pattern, pattern_ink(p, c))?;
        // A hairline between stacked pieces.
        p.line((r.x0, r.y0), (r.x1, r.y0), th.bg, 1.0)?;
    }
    labels.block(r);
    p.region(r, piece.fact, Shape::Bar, piece_label(b, piece, fmt));
    if !(matches!(piece.part, Part::Segment(_) | Part::Other) && b.pieces.len() > 1) {
        return Ok(());
    }
    let inner = p.font(size::SMALL * 0.92, false, th.text);
    let (t, cx, cy) = (fmt.short(piece.value), (r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
    let tb = p.text_box(&t, &inner, cx, cy, Anchor::CENTER_MID);
    if tb.w() + p.u(6.0) <= r.w() && tb.h() + p.u(3.0) <= r.h() {
        if piece.derived {
            // A chip keeps the number readable on the hatching.
            p.fill_rect(tb.grow(p.u(2.0)), th.bg)?;
        }
        if !piece.derived && pattern != Pattern::Solid {
            // A chip keeps the number readable on the pattern.
            p.fill_rect(tb.grow(p.u(1.5)), c)?;
        }
        let f = if piece.derived { inner } else { p.font(inner.size, false, th.on(c)) };
        p.text(&t, &f, cx, cy, Anchor::CENTER_MID)?;
    }
    Ok(())
}

/// What a bar's x label says under its period: guidance only, derived.
fn x_note(b: &Bar) -> Option<String> {
    if b.guide.is_some() && b.pieces.is_empty() {
        Some(t(K::NoteGuidance).to_string())
    } else if b.derived {
        Some(t(K::NoteDerived).to_string())
    } else if b.partly_derived {
        Some(t(K::NotePartlyDerived).to_string())
    } else {
        None
    }
}

/// Value labels above the bars (the guide's label above its range),
/// shortened until they fit the slot: "$184.2M", "184.2", "184".
fn value_labels<DB: DrawingBackend>(p: &Painter<DB>, group: &[&Bar], tops: &[(f64, f64)], fmt: &Fmt, slot: f64, labels: &mut Labels) -> Res {
    let th = p.theme;
    let vf = p.font(size::SMALL, true, th.text);
    for ((cx, top_y), b) in tops.iter().zip(group) {
        let text = match (&b.guide, b.total) {
            (Some(g), None) => g.label(fmt),
            (_, Some(v)) => fmt.full(v),
            (None, None) => continue,
        };
        let y = top_y - p.u(4.0);
        let value = match (&b.guide, b.total) {
            (Some(g), None) => g.mid(),
            (_, v) => v,
        };
        let mut forms = vec![text];
        if let Some(v) = value {
            forms.push(fmt.short(v));
            forms.push(fmt.whole(v));
        }
        let Some((t, r)) = forms
            .into_iter()
            .map(|t| {
                let r = p.text_box(&t, &vf, *cx, y, Anchor::CENTER_BOTTOM);
                (t, r)
            })
            .find(|(_, r)| r.w() <= slot - p.u(2.0))
        else {
            continue;
        };
        if labels.take(r) {
            let f = if b.derived { p.font(vf.size, true, th.muted) } else { vf };
            p.text(&t, &f, *cx, y, Anchor::CENTER_BOTTOM)?;
            // A split bar's total is drawn by no piece: its label stands for it.
            if let (Some(i), Some(v)) = (b.total_fact, b.total) {
                if !b.pieces.iter().any(|x| x.part == Part::Total) {
                    let label = tf(K::RegionTotal, &[&period_text(&b.period), &fmt.full(v)]);
                    p.region(r.grow(p.u(2.0)), i, Shape::Label, label);
                }
            }
        }
    }
    Ok(())
}

/// Draws a guided range (or value) centred on `cx`; returns its top pixel.
fn draw_guide<DB: DrawingBackend>(
    p: &Painter<DB>,
    g: &Guide,
    axis: &YAxis,
    cx: f64,
    bar_w: f64,
    fmt: &Fmt,
    labels: &mut Labels,
) -> Result<f64, super::ChartError> {
    let th = p.theme;
    let Some(mid) = g.mid() else { return Ok(axis.y(0.0)) };
    let ym = axis.y(mid);
    let w = bar_w * 0.9;
    let mut top = ym - p.u(6.0);
    let mut area = Rect::new(cx - w / 2.0, ym - p.u(6.0), cx + w / 2.0, ym + p.u(6.0));
    if let Some((lo, hi)) = g.span().filter(|_| g.is_range()) {
        let (mut y0, mut y1) = (axis.y(hi), axis.y(lo));
        // Keep a thin range visible.
        let min_h = p.u(8.0);
        if y1 - y0 < min_h {
            let c = (y0 + y1) / 2.0;
            y0 = c - min_h / 2.0;
            y1 = c + min_h / 2.0;
        }
        let r = Rect::new(cx - w / 2.0, y0, cx + w / 2.0, y1);
        p.fill_rect(r, th.fade(th.guide, 0.86))?;
        p.stroke_rect(r, th.guide, 1.0)?;
        labels.block(r);
        top = top.min(r.y0);
        area = Rect::new(r.x0, r.y0.min(area.y0), r.x1, r.y1.max(area.y1));
    }
    p.diamond((cx, ym), 4.5, th.guide, th.bg)?;
    labels.block(Rect::new(cx - p.u(6.0), ym - p.u(6.0), cx + p.u(6.0), ym + p.u(6.0)));
    let label = tf(K::RegionRevenueGuide, &[&period_text(&g.period), &g.label(fmt)])
        + &g.mid().filter(|_| g.is_range()).map(|m| tf(K::RegionMidpoint, &[&fmt.full(m)])).unwrap_or_default();
    p.region(area, g.fact, Shape::Range, label);
    if p.is_flagged(g.fact) {
        p.flag(cx, top - p.u(14.0))?;
        top -= p.u(15.0);
    }
    Ok(top)
}

/// What a bar piece says: "Q4 FY23 · Product revenue: $26.4M".
fn piece_label(b: &Bar, piece: &Piece, fmt: &Fmt) -> String {
    let what = match &piece.part {
        Part::Segment(s) => tf(K::RegionSegmentRevenue, &[&segment_label(s)]),
        Part::Other => t(K::RegionOtherRevenue).to_string(),
        Part::Total => t(K::RegionRevenue).to_string(),
    };
    let derived = if piece.derived { t(K::RegionDerived) } else { "" };
    tf(K::RegionPiece, &[&period_text(&b.period), &what, &fmt.full(piece.value), derived])
}
