//! Pieces every chart shares: the header (title and legend), the empty
//! state, a y axis with grid lines and thinned x labels.

use plotters::prelude::*;

use crate::facts::Period;

use super::format::Fmt;
use super::names::{ellipsize, period_label, period_year, PeriodForm};
use super::paint::{clampf, nice_ticks, size, tick_decimals, Anchor, Font, Labels, Marker, Painter, Pattern, Rect, Res, Scale};

/// Outer padding in CSS pixels.
pub(crate) const PAD: f64 = 16.0;

/// What a legend entry shows before its label.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled square with a pattern over it.
    Fill(RGBColor, Pattern),
    /// A light, hatched square (derived figures).
    Hatched(RGBColor),
    /// A line with a marker; dashed and hollow for derived points.
    Line { color: RGBColor, derived: bool, marker: Marker },
    /// A range box with a midpoint diamond (guidance).
    Range(RGBColor),
    /// A dot (an actual figure).
    Dot(RGBColor),
    /// The warning mark of conflicts and failed checks.
    Flag,
}

/// A legend entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub swatch: Swatch,
    pub label: String,
}

/// Draws the title (on two lines where one is too narrow) and, below it,
/// the legend (wrapping); returns the y below them.
pub(crate) fn header<DB: DrawingBackend>(p: &Painter<DB>, title: &str, legend: &[Entry]) -> Result<f64, super::ChartError> {
    let pad = p.u(PAD);
    let tf = p.font(size::TITLE, true, p.theme.text);
    let max_w = (p.w - 2.0 * pad).max(0.0);
    let mut y = pad;
    for line in title_lines(p, title, &tf, max_w) {
        p.text(&line, &tf, pad, y, Anchor::LEFT_TOP)?;
        y += p.measure(&line, &tf).1 + p.u(2.0);
    }
    y += p.u(6.0);
    if legend.is_empty() {
        return Ok(y);
    }
    let lf = p.font(size::SMALL, false, p.theme.muted);
    let sw = p.u(14.0);
    // A row is as tall as its font's box (CJK fonts' are taller than 18 px).
    let row_h = p.u(18.0).max(p.measure("Xg", &lf).1 + p.u(1.0));
    let mut x = pad;
    for e in legend {
        // An entry wider than the chart is shortened (a phone's narrowest embeds).
        let label = fit(p, &e.label, &lf, max_w - sw - p.u(5.0));
        let w = sw + p.u(5.0) + p.measure(&label, &lf).0;
        if x > pad && x + w > p.w - pad {
            x = pad;
            y += row_h;
        }
        let cy = y + row_h / 2.0;
        swatch(p, e.swatch, Rect::new(x, cy - sw / 2.0, x + sw, cy + sw / 2.0))?;
        p.text(&label, &lf, x + sw + p.u(5.0), cy, Anchor::LEFT_MID)?;
        x += w + p.u(16.0);
    }
    Ok(y + row_h + p.u(6.0))
}

/// `title` in at most two lines of `max_w` device pixels: broken at the
/// last space that fits, the second line shortened with an ellipsis.
pub(crate) fn title_lines<DB: DrawingBackend>(p: &Painter<DB>, title: &str, f: &Font, max_w: f64) -> Vec<String> {
    let fits = |t: &str| p.measure(t, f).0 <= max_w;
    if fits(title) {
        return vec![title.to_string()];
    }
    // Company and call on the first line, the chart's name on the second.
    if let Some((who, what)) = crate::strs::split_once(title, " — ") {
        if fits(who) {
            return vec![who.to_string(), fit(p, what, f, max_w)];
        }
    }
    // The most words that fit, up to a space: the title's own text before
    // and after that space (no words joined again: `[&str]::join` was one
    // more copy of std's join in the wasm).
    let (first, rest) = title
        .match_indices(' ')
        .rev()
        .find_map(|(i, _)| Some((title.get(..i).filter(|t| fits(t))?, title.get(i + 1..)?)))
        .unwrap_or(("", title));
    let second = fit(p, rest, f, max_w);
    [first.to_string(), second].into_iter().filter(|t| !t.is_empty()).collect()
}

/// `text` shortened with an ellipsis until it fits `max_w` device pixels.
pub(crate) fn fit<DB: DrawingBackend>(p: &Painter<DB>, text: &str, f: &Font, max_w: f64) -> String {
    let mut n = text.chars().count();
    let mut t = text.to_string();
    while n > 3 && p.measure(&t, f).0 > max_w {
        n -= 1;
        t = ellipsize(text, n);
    }
    t
}

fn swatch<DB: DrawingBackend>(p: &Painter<DB>, s: Swatch, r: Rect) -> Res {
    let th = p.theme;
    match s {
        Swatch::Fill(c, pattern) => {
            p.fill_rect(r, c)?;
            p.pattern(r, pattern, pattern_ink(p, c))
        }
        Swatch::Hatched(c) => {
            p.fill_rect(r, th.fade(c, 0.75))?;
            p.hatch(r, th.fade(c, 0.3), 4.0, 1.0)?;
            p.stroke_rect(r, c, 1.0)
        }
        Swatch::Line { color, derived, marker } => {
            let cy = (r.y0 + r.y1) / 2.0;
            if derived {
                p.dashed((r.x0 - p.u(2.0), cy), (r.x1 + p.u(2.0), cy), color, 1.5, 3.0, 2.0)?;
                p.marker(marker, (r.x0 + r.w() / 2.0, cy), 3.5, th.bg, color, 1.5)
            } else {
                p.line((r.x0 - p.u(2.0), cy), (r.x1 + p.u(2.0), cy), color, 2.0)?;
                p.marker(marker, (r.x0 + r.w() / 2.0, cy), 4.0, color, th.bg, 1.0)
            }
        }
        Swatch::Flag => p.flag(r.x0 + r.w() / 2.0, r.y0 + p.u(1.0)),
        Swatch::Dot(c) => p.circle((r.x0 + r.w() / 2.0, (r.y0 + r.y1) / 2.0), 5.0, c, None),
        Swatch::Range(c) => {
            let box_ = Rect::new(r.x0 + r.w() * 0.2, r.y0, r.x1 - r.w() * 0.2, r.y1);
            p.fill_rect(box_, th.fade(c, 0.82))?;
            p.stroke_rect(box_, c, 1.0)?;
            p.diamond((r.x0 + r.w() / 2.0, (r.y0 + r.y1) / 2.0), 3.0, c, th.bg)
        }
    }
}

/// The colour of a pattern drawn over a fill of colour `c`: the text colour
/// that reads on it, softened towards the fill.
pub(crate) fn pattern_ink<DB: DrawingBackend>(p: &Painter<DB>, c: RGBColor) -> RGBColor {
    super::paint::mix(p.theme.on(c), c, 0.35)
}

/// The empty state: the title and a centred message.
pub(crate) fn empty<DB: DrawingBackend>(p: &Painter<DB>, title: &str, message: &str) -> Res {
    let top = header(p, title, &[])?;
    let pad = p.u(PAD);
    let frame = Rect::new(pad, top, p.w - pad, p.h - pad);
    if frame.w() > 0.0 && frame.h() > 0.0 {
        p.fill_rect(frame, p.theme.panel)?;
        p.stroke_rect(frame, p.theme.grid, 1.0)?;
    }
    let mf = p.font(size::MESSAGE, false, p.theme.muted);
    let cy = if frame.h() > 0.0 { (frame.y0 + frame.y1) / 2.0 } else { p.h / 2.0 };
    p.text(message, &mf, p.w / 2.0, cy, Anchor::CENTER_MID)
}

/// A y axis: scale, ticks and the formatter of its labels.
pub(crate) struct YAxis {
    pub scale: Scale,
    pub ticks: Vec<f64>,
}

impl YAxis {
    /// An axis covering `lo..hi` (data units) over the pixel span `top..bottom`.
    pub(crate) fn new(lo: f64, hi: f64, top: f64, bottom: f64, target: usize) -> YAxis {
        let (a, b, ticks) = nice_ticks(lo, hi, target);
        YAxis { scale: Scale { d0: a, d1: b, p0: bottom, p1: top }, ticks }
    }

    /// Moves the axis to the pixel span `top..bottom` (its ticks stay).
    pub(crate) fn place(&mut self, top: f64, bottom: f64) {
        self.scale.p0 = bottom;
        self.scale.p1 = top;
    }

    /// Pixel y of value `v`.
    pub(crate) fn y(&self, v: f64) -> f64 {
        self.scale.map(v)
    }

    /// Tick labels, scaled by `fmt` ("40" on a $M axis).
    pub(crate) fn labels(&self, fmt: &Fmt) -> Vec<String> {
        let dec = tick_decimals(&self.ticks.iter().map(|t| fmt.scaled(*t)).collect::<Vec<_>>());
        self.ticks.iter().map(|t| fmt.num(*t, dec)).collect()
    }

    /// Width the tick labels need (device pixels).
    pub(crate) fn label_width<DB: DrawingBackend>(&self, p: &Painter<DB>, fmt: &Fmt) -> f64 {
        let f = p.font(size::SMALL, false, p.theme.muted);
        self.labels(fmt).iter().map(|l| p.measure(l, &f).0).fold(0.0, f64::max) + p.u(8.0)
    }

    /// Grid lines across `plot`, tick labels left of it, the unit caption above them.
    pub(crate) fn draw<DB: DrawingBackend>(&self, p: &Painter<DB>, plot: Rect, fmt: &Fmt, caption: bool) -> Res {
        let th = p.theme;
        let f = p.font(size::SMALL, false, th.muted);
        // Every grid line, but only tick labels that clear the one below
        // (short axes on small screens), from the bottom up.
        let mut free_above = f64::INFINITY;
        for (t, label) in self.ticks.iter().zip(self.labels(fmt)) {
            let y = self.y(*t);
            let c = if *t == 0.0 { th.axis } else { th.grid };
            p.line((plot.x0, y), (plot.x1, y), c, 1.0)?;
            let b = p.text_box(&label, &f, plot.x0 - p.u(6.0), y, Anchor::RIGHT_MID);
            if b.y1 + p.u(1.0) <= free_above {
                p.text(&label, &f, plot.x0 - p.u(6.0), y, Anchor::RIGHT_MID)?;
                free_above = b.y0;
            }
        }
        if caption {
            let ((x, y), cf) = self.caption_at(p, plot, fmt);
            p.text(&fmt.axis(), &cf, x, y, Anchor::LEFT_BOTTOM)?;
        }
        Ok(())
    }

    /// Where [`YAxis::draw`] writes the unit caption (its left-bottom corner) and in what font.
    fn caption_at<DB: DrawingBackend>(&self, p: &Painter<DB>, plot: Rect, fmt: &Fmt) -> ((f64, f64), Font) {
        let cf = p.font(size::SMALL, true, p.theme.muted);
        let top = self.ticks.last().map(|t| self.y(*t)).unwrap_or(plot.y0);
        ((plot.x0 - self.label_width(p, fmt) + p.u(2.0), top - p.u(10.0)), cf)
    }

    /// The box of the unit caption [`YAxis::draw`] writes above the tick labels.
    pub(crate) fn caption_box<DB: DrawingBackend>(&self, p: &Painter<DB>, plot: Rect, fmt: &Fmt) -> Rect {
        let ((x, y), cf) = self.caption_at(p, plot, fmt);
        p.text_box(&fmt.axis(), &cf, x, y, Anchor::LEFT_BOTTOM)
    }
}

/// One x position with its period and an optional note under it ("derived").
#[derive(Debug, Clone)]
pub(crate) struct XLabel {
    pub x: f64,
    pub period: Period,
    pub note: Option<String>,
}

/// How a row of x labels is written: the longest [`PeriodForm`] whose every
/// label fits its slot, and every how-many-th label is written (1, all of
/// them, unless even the part alone, "Q4", is wider than a slot).
#[derive(Debug, Clone, Copy)]
pub(crate) struct XPlan {
    pub form: PeriodForm,
    pub every: usize,
    /// Whether a row of years goes under the labels (the part-alone form).
    pub years: bool,
}

impl XPlan {
    /// The plan for `periods` in slots `slot` device pixels wide.
    pub(crate) fn new<DB: DrawingBackend>(p: &Painter<DB>, periods: &[Period], slot: f64) -> XPlan {
        let f = p.font(size::SMALL, false, p.theme.text);
        let mut widest = 0.0;
        for form in PeriodForm::ALL {
            widest = periods.iter().map(|per| p.measure(&period_label(per, form), &f).0).fold(0.0, f64::max);
            // Long labels keep a gap between them; the bare part ("Q4") only a sliver.
            let gap = p.u(if form == PeriodForm::Part { 2.0 } else { 6.0 });
            if widest + gap <= slot {
                return XPlan::of(form, 1, periods);
            }
        }
        let every = if slot > 0.0 { clampf(((widest + p.u(2.0)) / slot).ceil(), 1.0, 1e6) as usize } else { 1 };
        XPlan::of(PeriodForm::Part, every, periods)
    }

    fn of(form: PeriodForm, every: usize, periods: &[Period]) -> XPlan {
        let years = form == PeriodForm::Part && periods.iter().any(|p| period_year(p).is_some());
        XPlan { form, every, years }
    }

    /// Height (device pixels) the labels take at scale `s`: label and note,
    /// and the years' row under them.
    pub(crate) fn height(&self, s: f64) -> f64 {
        if self.years {
            50.0 * s
        } else {
            34.0 * s
        }
    }
}

/// Draws the x labels below `y` as `plan` says: every period its label,
/// centred under its slot, and in the part-alone form each year once under
/// its run of labels ("Q3 Q4" over "FY23"). Notes ("derived") go under
/// their label where they fit.
pub(crate) fn x_labels<DB: DrawingBackend>(p: &Painter<DB>, labels: &[XLabel], slot: f64, y: f64, plan: XPlan) -> Res {
    let th = p.theme;
    let f = p.font(size::SMALL, false, th.text);
    let nf = p.font(size::SMALL * 0.92, false, th.muted);
    let n = labels.len();
    let room = slot * plan.every as f64;
    let mut taken = Labels::new(Rect::new(-1e6, -1e6, 1e6, 1e6));
    for (i, l) in labels.iter().enumerate().rev() {
        // Keep the last label and every `every`-th before it.
        if (n - 1 - i) % plan.every != 0 {
            continue;
        }
        let text = period_label(&l.period, plan.form);
        let r = p.text_box(&text, &f, l.x, y, Anchor::CENTER_TOP).grow(p.u(1.0));
        if !taken.take(r) {
            continue;
        }
        p.text(&text, &f, l.x, y, Anchor::CENTER_TOP)?;
        if let Some(note) = &l.note {
            let nb = p.text_box(note, &nf, l.x, r.y1 + p.u(2.0), Anchor::CENTER_TOP);
            // A note gives way to the row of years under it (a narrow CJK
            // note would fit its slot, and reach into that row).
            let clear_of_years = !plan.years || nb.y1 + p.u(1.0) <= y + p.u(33.0);
            if nb.w() <= room - p.u(2.0) && clear_of_years && taken.take(nb.grow(p.u(1.0))) {
                p.text(note, &nf, l.x, r.y1 + p.u(2.0), Anchor::CENTER_TOP)?;
            }
        }
    }
    if !plan.years {
        return Ok(());
    }
    // Each run of labels of one year gets the year once, centred under it.
    let yf = p.font(size::SMALL * 0.92, true, th.muted);
    let yy = y + p.u(33.0);
    let mut runs: Vec<(String, f64, f64)> = Vec::new();
    for l in labels {
        let Some(year) = period_year(&l.period) else { continue };
        match runs.last_mut() {
            Some((y0, _, x1)) if *y0 == year => *x1 = l.x,
            _ => runs.push((year, l.x, l.x)),
        }
    }
    // Longer runs first: a lone label's year gives way ("'22") to its neighbours'.
    crate::order::sort_by(&mut runs, |a, b| (b.2 - b.1).total_cmp(&(a.2 - a.1)));
    for (year, x0, x1) in runs {
        let cx = (x0 + x1) / 2.0;
        // "FY22", or "'22" where a lone label's slot is too narrow for it.
        let short = format!("'{}", year.get(2..).unwrap_or_default());
        for t in [year.as_str(), short.as_str()] {
            let r = p.text_box(t, &yf, cx, yy, Anchor::CENTER_TOP);
            if taken.take(r.grow(p.u(0.5))) {
                p.text(t, &yf, cx, yy, Anchor::CENTER_TOP)?;
                if x1 > x0 {
                    // A rule under the run's labels ties them to their year.
                    let ry = yy - p.u(3.0);
                    p.line((x0 - p.u(6.0), ry), (x1 + p.u(6.0), ry), th.grid, 1.0)?;
                }
                break;
            }
        }
    }
    Ok(())
}
