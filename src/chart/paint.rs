//! Drawing primitives shared by the charts: a [`Painter`] over any plotters
//! drawing area that works in CSS pixels (times [`Style::scale`]), a theme,
//! tick and label-placement helpers.
//!
//! Everything here takes pixel coordinates relative to the area and clamps
//! them, so that odd data (NaN, 1e300) can never overflow an `i32`.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::hit::{HitMap, PlotArea, Region, Shape, TextBox};
use super::{ChartError, Style};

/// Result of a drawing step.
pub(crate) type Res = Result<(), ChartError>;

/// Largest pixel coordinate we ever hand to a backend.
const COORD_LIMIT: f64 = 100_000.0;

/// Rounds a pixel position and keeps it in a range a backend can take.
pub(crate) fn px(v: f64) -> i32 {
    if v.is_nan() {
        0
    } else {
        v.clamp(-COORD_LIMIT, COORD_LIMIT).round() as i32
    }
}

/// `v` kept within `lo..=hi`, even when `lo > hi` (then `lo` wins).
pub(crate) fn clampf(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_nan() {
        lo
    } else {
        v.min(hi).max(lo)
    }
}

// Colours, patterns and markers: `theme.rs`.
pub(crate) use super::theme::{mix, Marker, Pattern, Theme};

/// Text sizes, in plotters font units (the SVG backend shows them at 1/1.24).
pub(crate) mod size {
    pub const TITLE: f64 = 21.0;
    pub const HEAD: f64 = 16.5;
    pub const LABEL: f64 = 14.5;
    pub const SMALL: f64 = 13.0;
    pub const MESSAGE: f64 = 17.0;
}

/// An axis-aligned pixel rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub(crate) fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }
    pub(crate) fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub(crate) fn h(&self) -> f64 {
        self.y1 - self.y0
    }
    pub(crate) fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub(crate) fn contains(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }
    pub(crate) fn grow(&self, d: f64) -> Rect {
        Rect { x0: self.x0 - d, y0: self.y0 - d, x1: self.x1 + d, y1: self.y1 + d }
    }
}

/// Horizontal and vertical anchor of a text.
#[derive(Clone, Copy)]
pub(crate) struct Anchor(pub HPos, pub VPos);

impl Anchor {
    pub const LEFT_TOP: Anchor = Anchor(HPos::Left, VPos::Top);
    pub const LEFT_MID: Anchor = Anchor(HPos::Left, VPos::Center);
    pub const RIGHT_MID: Anchor = Anchor(HPos::Right, VPos::Center);
    pub const CENTER_TOP: Anchor = Anchor(HPos::Center, VPos::Top);
    pub const CENTER_MID: Anchor = Anchor(HPos::Center, VPos::Center);
    pub const CENTER_BOTTOM: Anchor = Anchor(HPos::Center, VPos::Bottom);
    pub const RIGHT_BOTTOM: Anchor = Anchor(HPos::Right, VPos::Bottom);
    pub const RIGHT_TOP: Anchor = Anchor(HPos::Right, VPos::Top);
    pub const LEFT_BOTTOM: Anchor = Anchor(HPos::Left, VPos::Bottom);
}

/// A text to draw: content, size, weight, colour.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
}

/// Draws on an area in CSS pixels times the style's scale.
pub(crate) struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    /// Device pixels per CSS pixel.
    pub s: f64,
    pub theme: Theme,
    /// CSS font-family list of all text.
    family: String,
    /// Width and height in device pixels.
    pub w: f64,
    pub h: f64,
    /// Per fact: whether it gets a warning mark.
    pub flagged: Vec<bool>,
    /// What was drawn where, for hit-testing and tests.
    hits: RefCell<HitMap>,
}

fn err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError(e.to_string())
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    pub(crate) fn new(area: &'a DrawingArea<DB, Shift>, style: &Style) -> Self {
        let s = if style.scale.is_finite() { clampf(style.scale, 0.25, 8.0) } else { 1.0 };
        let (w, h) = area.dim_in_pixel();
        let family = match &style.font {
            // A CSS font-family list; a backend that cannot use it falls back on its default.
            Some(f) if !f.trim().is_empty() && f.len() <= 200 && !f.contains(['{', '}', ';', '<', '>']) => f.trim().to_string(),
            _ if style.lang == crate::i18n::Lang::ZhTw => super::CJK_FONTS.to_string(),
            _ => FontFamily::SansSerif.as_str().to_string(),
        };
        let hits = HitMap { width: f64::from(w), height: f64::from(h), scale: s, ..HitMap::default() };
        Painter {
            area,
            s,
            theme: Theme::for_style(style),
            family,
            w: f64::from(w),
            h: f64::from(h),
            flagged: Vec::new(),
            hits: RefCell::new(hits),
        }
    }

    /// Records a chart element at `r` showing fact `fact`.
    pub(crate) fn region(&self, r: Rect, fact: usize, shape: Shape, label: String) {
        let flagged = self.is_flagged(fact);
        self.hits.borrow_mut().regions.push(Region { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1, fact, shape, label, flagged });
    }

    /// Records a plot area laid out to be at least `min_h` CSS pixels tall.
    pub(crate) fn plot(&self, r: Rect, min_h: f64) {
        let min_h = self.u(min_h);
        self.hits.borrow_mut().plots.push(PlotArea { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1, min_h });
    }

    /// Records that the chart needs `h` device pixels of height at this width.
    pub(crate) fn need_height(&self, h: f64) {
        let mut l = self.hits.borrow_mut();
        if h.is_finite() && h > l.min_height {
            l.min_height = h.ceil();
        }
    }

    /// Whether fact `fact` gets a warning mark.
    pub(crate) fn is_flagged(&self, fact: usize) -> bool {
        self.flagged.get(fact).copied().unwrap_or(false)
    }

    /// Puts the regions recorded so far in reading order: left to right,
    /// then bottom to top.
    pub(crate) fn sort_regions(&self) {
        crate::order::sort_by(&mut self.hits.borrow_mut().regions, |a, b| {
            let (ax, ay) = a.center();
            let (bx, by) = b.center();
            ax.round().total_cmp(&bx.round()).then(by.total_cmp(&ay))
        });
    }

    /// What was drawn where.
    pub(crate) fn finish(self) -> HitMap {
        self.hits.into_inner()
    }

    /// `v` CSS pixels in device pixels.
    pub(crate) fn u(&self, v: f64) -> f64 {
        v * self.s
    }

    pub(crate) fn font(&self, size: f64, bold: bool, color: RGBColor) -> Font {
        Font { size, bold, color }
    }

    fn text_style(&self, f: &Font, anchor: Anchor) -> TextStyle<'_> {
        let style = if f.bold { FontStyle::Bold } else { FontStyle::Normal };
        FontDesc::new(FontFamily::Name(&self.family), f.size * self.s, style)
            .color(&f.color)
            .pos(Pos::new(anchor.0, anchor.1))
    }

    /// Width and height of `text` in device pixels.
    pub(crate) fn measure(&self, text: &str, f: &Font) -> (f64, f64) {
        let style = self.text_style(f, Anchor::LEFT_TOP);
        match self.area.estimate_text_size(text, &style) {
            Ok((w, h)) => (f64::from(w), f64::from(h)),
            // Fall back on the naive estimate plotters itself uses.
            Err(_) => {
                let em = f.size * self.s / 1.24 / 1.24;
                (em * 0.7 * text.chars().count() as f64, em * 1.24)
            }
        }
    }

    /// The box `text` covers when drawn at `(x, y)` with `anchor`.
    pub(crate) fn text_box(&self, text: &str, f: &Font, x: f64, y: f64, anchor: Anchor) -> Rect {
        let (w, h) = self.measure(text, f);
        let x0 = match anchor.0 {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        let y0 = match anchor.1 {
            VPos::Top => y,
            VPos::Center => y - h / 2.0,
            VPos::Bottom => y - h,
        };
        Rect::new(x0, y0, x0 + w, y0 + h)
    }

    pub(crate) fn text(&self, text: &str, f: &Font, x: f64, y: f64, anchor: Anchor) -> Res {
        if text.is_empty() {
            return Ok(());
        }
        let b = self.text_box(text, f, x, y, anchor);
        self.hits.borrow_mut().texts.push(TextBox { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, text: text.to_string() });
        let style = self.text_style(f, anchor);
        self.area.draw_text(text, &style, (px(x), px(y))).map_err(err)
    }

    pub(crate) fn fill(&self, c: RGBColor) -> Res {
        self.area.fill(&c).map_err(err)
    }

    pub(crate) fn fill_rect(&self, r: Rect, c: RGBColor) -> Res {
        if !(r.w() > 0.0 && r.h() > 0.0) {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new([(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))], c.filled()))
            .map_err(err)
    }

    pub(crate) fn stroke_rect(&self, r: Rect, c: RGBColor, width: f64) -> Res {
        let style = c.stroke_width(self.stroke(width));
        self.area
            .draw(&Rectangle::new([(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))], style))
            .map_err(err)
    }

    fn stroke(&self, width: f64) -> u32 {
        clampf((width * self.s).round(), 1.0, 64.0) as u32
    }

    pub(crate) fn line(&self, a: (f64, f64), b: (f64, f64), c: RGBColor, width: f64) -> Res {
        self.path(&[a, b], c, width)
    }

    pub(crate) fn path(&self, pts: &[(f64, f64)], c: RGBColor, width: f64) -> Res {
        if pts.len() < 2 {
            return Ok(());
        }
        let v: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&PathElement::new(v, c.stroke_width(self.stroke(width)))).map_err(err)
    }

    /// A dashed line from `a` to `b` (dash and gap in CSS pixels).
    pub(crate) fn dashed(&self, a: (f64, f64), b: (f64, f64), c: RGBColor, width: f64, dash: f64, gap: f64) -> Res {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        let (dash, gap) = (self.u(dash).max(1.0), self.u(gap).max(1.0));
        if !len.is_finite() || len <= 0.0 {
            return Ok(());
        }
        let (ux, uy) = (dx / len, dy / len);
        let mut t = 0.0;
        let mut n = 0;
        while t < len && n < 2000 {
            let e = (t + dash).min(len);
            self.line((a.0 + ux * t, a.1 + uy * t), (a.0 + ux * e, a.1 + uy * e), c, width)?;
            t = e + gap;
            n += 1;
        }
        Ok(())
    }

    /// Diagonal hatching ("/") inside `r`, `spacing` CSS pixels apart.
    pub(crate) fn hatch(&self, r: Rect, c: RGBColor, spacing: f64, width: f64) -> Res {
        let sp = self.u(spacing).max(2.0);
        if !(r.w() > 0.0 && r.h() > 0.0) || r.w() / sp > 2000.0 || r.h() / sp > 2000.0 {
            return Ok(());
        }
        // Lines x + y = k for k from x0 + y0 to x1 + y1.
        let mut k = r.x0 + r.y0 + sp / 2.0;
        while k < r.x1 + r.y1 {
            let xa = r.x0.max(k - r.y1);
            let xb = r.x1.min(k - r.y0);
            if xb > xa {
                self.line((xa, k - xa), (xb, k - xb), c, width)?;
            }
            k += sp;
        }
        Ok(())
    }

    pub(crate) fn circle(&self, c: (f64, f64), r: f64, fill: RGBColor, stroke: Option<(RGBColor, f64)>) -> Res {
        let rad = clampf(self.u(r).round(), 1.0, 1000.0) as u32;
        self.area.draw(&Circle::new((px(c.0), px(c.1)), rad, fill.filled())).map_err(err)?;
        if let Some((sc, w)) = stroke {
            self.area
                .draw(&Circle::new((px(c.0), px(c.1)), rad, sc.stroke_width(self.stroke(w))))
                .map_err(err)?;
        }
        Ok(())
    }

    pub(crate) fn polygon(&self, pts: &[(f64, f64)], c: RGBColor) -> Res {
        let v: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&Polygon::new(v, c.filled())).map_err(err)
    }

    /// `pattern` in colour `c` over `r` (nothing for [`Pattern::Solid`]).
    pub(crate) fn pattern(&self, r: Rect, pattern: Pattern, c: RGBColor) -> Res {
        let sp = self.u(5.0).max(2.0);
        if !(r.w() > 0.0 && r.h() > 0.0) || r.w() / sp > 2000.0 || r.h() / sp > 2000.0 {
            return Ok(());
        }
        let horizontal = |p: &Self| -> Res {
            let mut y = r.y0 + sp / 2.0;
            while y < r.y1 {
                p.line((r.x0, y), (r.x1, y), c, 1.0)?;
                y += sp;
            }
            Ok(())
        };
        let vertical = |p: &Self| -> Res {
            let mut x = r.x0 + sp / 2.0;
            while x < r.x1 {
                p.line((x, r.y0), (x, r.y1), c, 1.0)?;
                x += sp;
            }
            Ok(())
        };
        match pattern {
            Pattern::Solid => Ok(()),
            Pattern::Horizontal => horizontal(self),
            Pattern::Vertical => vertical(self),
            Pattern::Crosshatch => {
                horizontal(self)?;
                vertical(self)
            }
            Pattern::BackDiagonal => {
                // Lines x - y = k.
                let mut k = r.x0 - r.y1 + sp / 2.0;
                while k < r.x1 - r.y0 {
                    let xa = r.x0.max(k + r.y0);
                    let xb = r.x1.min(k + r.y1);
                    if xb > xa {
                        self.line((xa, xa - k), (xb, xb - k), c, 1.0)?;
                    }
                    k += sp;
                }
                Ok(())
            }
            Pattern::Dots => {
                let rad = clampf(self.u(1.2).round(), 1.0, 8.0) as u32;
                let mut y = r.y0 + sp / 2.0;
                let mut row = 0;
                while y < r.y1 {
                    let mut x = r.x0 + sp / 2.0 + if row % 2 == 1 { sp / 2.0 } else { 0.0 };
                    while x < r.x1 {
                        self.area.draw(&Circle::new((px(x), px(y)), rad, c.filled())).map_err(err)?;
                        x += sp;
                    }
                    y += sp;
                    row += 1;
                }
                Ok(())
            }
        }
    }

    /// A point marker of radius `r` CSS pixels: filled with `fill`, ringed
    /// with `ring` (`ring` of width `w`).
    pub(crate) fn marker(&self, m: Marker, c: (f64, f64), r: f64, fill: RGBColor, ring: RGBColor, w: f64) -> Res {
        let outer = self.u(r + w / 2.0);
        let inner = self.u(r - w / 2.0).max(0.0);
        let shape = |rad: f64| -> Vec<(f64, f64)> {
            match m {
                Marker::Circle => Vec::new(),
                Marker::Square => {
                    let h = rad * 0.9;
                    vec![(c.0 - h, c.1 - h), (c.0 + h, c.1 - h), (c.0 + h, c.1 + h), (c.0 - h, c.1 + h)]
                }
                Marker::Triangle => {
                    let h = rad * 1.2;
                    vec![(c.0, c.1 - h), (c.0 + h * 0.95, c.1 + h * 0.7), (c.0 - h * 0.95, c.1 + h * 0.7)]
                }
                Marker::TriangleDown => {
                    let h = rad * 1.2;
                    vec![(c.0, c.1 + h), (c.0 + h * 0.95, c.1 - h * 0.7), (c.0 - h * 0.95, c.1 - h * 0.7)]
                }
            }
        };
        if m == Marker::Circle {
            return self.circle(c, r, fill, Some((ring, w)));
        }
        self.polygon(&shape(outer), ring)?;
        if inner > 0.0 {
            self.polygon(&shape(inner), fill)?;
        }
        Ok(())
    }

    /// A warning mark (a conflict or a failed check): a small triangle with
    /// an exclamation mark, its tip at `(x, y)`.
    pub(crate) fn flag(&self, x: f64, y: f64) -> Res {
        let th = self.theme;
        let h = self.u(11.0);
        let w = h * 0.58;
        self.polygon(&[(x, y - self.u(1.5)), (x + w + self.u(1.5), y + h + self.u(1.0)), (x - w - self.u(1.5), y + h + self.u(1.0))], th.bg)?;
        self.polygon(&[(x, y), (x + w, y + h), (x - w, y + h)], th.bad)?;
        let on = th.on(th.bad);
        self.line((x, y + h * 0.35), (x, y + h * 0.68), on, 1.5)?;
        self.line((x, y + h * 0.8), (x, y + h * 0.86), on, 1.5)
    }

    /// A diamond marker of half-size `r` CSS pixels.
    pub(crate) fn diamond(&self, c: (f64, f64), r: f64, fill: RGBColor, outline: RGBColor) -> Res {
        let r = self.u(r);
        let o = r + self.u(1.5);
        self.polygon(&[(c.0, c.1 - o), (c.0 + o, c.1), (c.0, c.1 + o), (c.0 - o, c.1)], outline)?;
        self.polygon(&[(c.0, c.1 - r), (c.0 + r, c.1), (c.0, c.1 + r), (c.0 - r, c.1)], fill)
    }
}

/// Keeps placed label boxes apart: a label is drawn only where it overlaps
/// nothing placed before and stays inside the bounds.
pub(crate) struct Labels {
    placed: Vec<Rect>,
    bounds: Rect,
}

impl Labels {
    pub(crate) fn new(bounds: Rect) -> Labels {
        Labels { placed: Vec::new(), bounds }
    }

    /// Reserves a box that labels must avoid (a marker, a bar).
    pub(crate) fn block(&mut self, r: Rect) {
        self.placed.push(r);
    }

    /// Whether `r` is free; if so it is reserved.
    pub(crate) fn take(&mut self, r: Rect) -> bool {
        if !self.bounds.contains(&r) || self.placed.iter().any(|p| p.overlaps(&r)) {
            return false;
        }
        self.placed.push(r);
        true
    }
}

/// Round tick values covering `lo..hi`: returns the rounded bounds and the ticks.
pub(crate) fn nice_ticks(lo: f64, hi: f64, target: usize) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        let d = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        lo -= d;
        hi += d;
    }
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return (lo, hi, vec![lo, hi]);
    }
    let raw = span / target.max(2) as f64;
    // powi, not powf: libm's pow is ~1 KB gzipped of each wasm; 10^k by
    // multiplication is exact up to 1e22 (a reciprocal below: correctly rounded, as pow's).
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let norm = raw / mag;
    let step = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    } * mag;
    if !step.is_finite() || step <= 0.0 {
        return (lo, hi, vec![lo, hi]);
    }
    let a = (lo / step).floor() * step;
    let b = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut i = 0.0;
    while ticks.len() < 40 {
        let t = a + i * step;
        if t > b + step * 1e-9 {
            break;
        }
        // Avoid "-0".
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        i += 1.0;
    }
    if ticks.len() < 2 {
        return (lo, hi, vec![lo, hi]);
    }
    (a, b, ticks)
}

/// Decimals needed to tell ticks apart (0 for 10, 20; 1 for 2.5, 5.0).
pub(crate) fn tick_decimals(ticks: &[f64]) -> usize {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    if !step.is_finite() || step <= 0.0 || step >= 1e6 {
        return 0;
    }
    (0..6).find(|&d| {
        let x = step * 10f64.powi(d as i32);
        (x - x.round()).abs() < 1e-6 * x.max(1.0)
    })
    .unwrap_or(6)
}

/// A linear map from data values to pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub p0: f64,
    pub p1: f64,
}

impl Scale {
    pub(crate) fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        let t = if span.is_finite() && span != 0.0 { (v - self.d0) / span } else { 0.5 };
        let t = if t.is_finite() { clampf(t, -2.0, 3.0) } else { 0.5 };
        self.p0 + t * (self.p1 - self.p0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover() {
        let (lo, hi, t) = nice_ticks(0.0, 54.4, 5);
        assert_eq!(lo, 0.0);
        assert!(hi >= 54.4);
        assert_eq!(t, vec![0.0, 20.0, 40.0, 60.0]);
        let (_, _, t) = nice_ticks(-26.4, 97.4, 5);
        assert!(t.contains(&0.0));
        for (a, b) in [(f64::NAN, 1.0), (1.0, 1.0), (0.0, 0.0), (-1e300, 1e300), (f64::MAX, f64::MIN)] {
            let (_, _, t) = nice_ticks(a, b, 5);
            assert!(t.len() >= 2 && t.len() <= 40);
        }
        assert_eq!(tick_decimals(&[0.0, 0.5]), 1);
        assert_eq!(tick_decimals(&[0.0, 0.25]), 2);
        assert_eq!(tick_decimals(&[0.0, 10.0]), 0);
        assert_eq!(tick_decimals(&[0.0, 2.5]), 1);
    }

    #[test]
    fn px_never_overflows() {
        assert_eq!(px(f64::NAN), 0);
        assert_eq!(px(f64::INFINITY), 100_000);
        assert_eq!(px(-1e300), -100_000);
    }
}
