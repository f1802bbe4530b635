//! Pieces every chart shares: the header (title and legend), the empty
//! state, a y axis with grid lines and thinned x labels.

use plotters::prelude::*;

use super::data::{ellipsize, Fmt};
use super::paint::{clampf, nice_ticks, size, tick_decimals, Anchor, Labels, Marker, Painter, Pattern, Rect, Res, Scale};

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

/// Draws the title and, below it, the legend (wrapping); returns the y below them.
pub(crate) fn header<DB: DrawingBackend>(p: &Painter<DB>, title: &str, legend: &[Entry]) -> Result<f64, super::ChartError> {
    let pad = p.u(PAD);
    let tf = p.font(size::TITLE, true, p.theme.text);
    let max_w = (p.w - 2.0 * pad).max(0.0);
    let mut t = title.to_string();
    let mut n = t.chars().count();
    while n > 4 && p.measure(&t, &tf).0 > max_w {
        n -= 1;
        t = ellipsize(title, n);
    }
    p.text(&t, &tf, pad, pad, Anchor::LEFT_TOP)?;
    let mut y = pad + p.measure(&t, &tf).1 + p.u(8.0);
    if legend.is_empty() {
        return Ok(y);
    }
    let lf = p.font(size::SMALL, false, p.theme.muted);
    let sw = p.u(14.0);
    let row_h = p.u(18.0);
    let mut x = pad;
    for e in legend {
        let w = sw + p.u(5.0) + p.measure(&e.label, &lf).0;
        if x > pad && x + w > p.w - pad {
            x = pad;
            y += row_h;
        }
        let cy = y + row_h / 2.0;
        swatch(p, e.swatch, Rect::new(x, cy - sw / 2.0, x + sw, cy + sw / 2.0))?;
        p.text(&e.label, &lf, x + sw + p.u(5.0), cy, Anchor::LEFT_MID)?;
        x += w + p.u(16.0);
    }
    Ok(y + row_h + p.u(6.0))
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
            let cf = p.font(size::SMALL, true, th.muted);
            let top = self.ticks.last().map(|t| self.y(*t)).unwrap_or(plot.y0);
            let x = plot.x0 - self.label_width(p, fmt) + p.u(2.0);
            p.text(&fmt.axis(), &cf, x, top - p.u(10.0), Anchor::LEFT_BOTTOM)?;
        }
        Ok(())
    }
}

/// One x position with its label and an optional note under it ("derived").
#[derive(Debug, Clone)]
pub(crate) struct XLabel {
    pub x: f64,
    pub text: String,
    pub note: Option<String>,
}

/// Draws the x labels below `y`, skipping labels (evenly, keeping the last)
/// when there is no room for all of them.
pub(crate) fn x_labels<DB: DrawingBackend>(p: &Painter<DB>, labels: &[XLabel], slot: f64, y: f64) -> Res {
    let th = p.theme;
    let f = p.font(size::SMALL, false, th.text);
    let nf = p.font(size::SMALL * 0.92, false, th.muted);
    let widest = labels.iter().map(|l| p.measure(&l.text, &f).0).fold(0.0, f64::max);
    let need = widest + p.u(8.0);
    let every = if slot > 0.0 && need > slot { clampf((need / slot).ceil(), 1.0, 1e6) as usize } else { 1 };
    let n = labels.len();
    let mut bounds = Labels::new(Rect::new(-1e6, -1e6, 1e6, 1e6));
    for (i, l) in labels.iter().enumerate().rev() {
        // Keep the last label and every `every`-th before it.
        if (n - 1 - i) % every != 0 {
            continue;
        }
        let r = p.text_box(&l.text, &f, l.x, y, Anchor::CENTER_TOP).grow(p.u(2.0));
        if !bounds.take(r) {
            continue;
        }
        p.text(&l.text, &f, l.x, y, Anchor::CENTER_TOP)?;
        if let Some(note) = &l.note {
            if every == 1 || p.measure(note, &nf).0 <= slot * every as f64 {
                p.text(note, &nf, l.x, r.y1 + p.u(1.0), Anchor::CENTER_TOP)?;
            }
        }
    }
    Ok(())
}

/// Height the x labels take (label and note).
pub(crate) fn x_labels_height(s: f64) -> f64 {
    34.0 * s
}
