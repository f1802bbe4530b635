//! What a drawn chart shows where: every bar piece, point and guided range
//! with the fact it stands for, recorded by the drawing code as it draws,
//! and every text it wrote. The page maps a pointer position back to a fact
//! with [`HitMap::hit`] and walks the regions with the keyboard, so
//! hit-testing uses the very layout the chart was drawn with.

use serde::Serialize;

/// The kind of chart element a region covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// A bar or a stacked piece of one.
    Bar,
    /// A point on a line (or a last actual).
    Point,
    /// A guided low–high range (or value) with its midpoint.
    Range,
    /// A value label standing for a figure no element draws alone (the
    /// total above a bar split by segment).
    Label,
}

/// One chart element: its box in backend pixels and the fact it shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// Left edge (device pixels).
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    /// What is drawn there.
    pub shape: Shape,
    /// What the element says, for people: "Q4 FY23 · Product revenue: $26.4M".
    pub label: String,
    /// Drawn with a warning mark (a conflict or a failed check).
    pub flagged: bool,
}

impl Region {
    /// Distance from `(x, y)` to the box (0 inside).
    pub fn distance(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 - x).max(x - self.x1).max(0.0);
        let dy = (self.y0 - y).max(y - self.y1).max(0.0);
        (dx * dx + dy * dy).sqrt()
    }

    fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }

    /// The centre of the box.
    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
}

/// A text the chart drew, with the box it covers (device pixels).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The text.
    pub text: String,
}

impl TextBox {
    /// Whether two boxes share more than `slack` pixels each way.
    pub fn overlaps(&self, o: &TextBox, slack: f64) -> bool {
        self.x0 + slack < o.x1 && o.x0 + slack < self.x1 && self.y0 + slack < o.y1 && o.y0 + slack < self.y1
    }
}

/// A plot area the chart drew its data in (device pixels): the revenue
/// chart's panels, the margins plot, each guidance panel's plot.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PlotArea {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The least height (device pixels) this plot is laid out to have
    /// ([`super::MIN_PLOT_H`] or [`super::MIN_PANEL_PLOT_H`] times the scale).
    pub min_h: f64,
}

/// Where a drawn chart put what: returned by [`super::draw`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HitMap {
    /// Backend width in pixels.
    pub width: f64,
    /// Backend height in pixels.
    pub height: f64,
    /// Device pixels per CSS pixel the chart was drawn at.
    pub scale: f64,
    /// Chart elements in reading (keyboard) order.
    pub regions: Vec<Region>,
    /// Every text drawn, in drawing order.
    pub texts: Vec<TextBox>,
    /// The plot areas, in drawing order.
    pub plots: Vec<PlotArea>,
    /// The height (device pixels) this chart needs at its width for every
    /// plot area to reach its minimum: the page grows a shorter canvas to it.
    pub min_height: f64,
}

/// How far outside an element (CSS pixels) a pointer still hits it: small
/// points stay easy to hover and tap.
pub const SLOP: f64 = 8.0;

impl HitMap {
    /// The region under backend pixel `(x, y)`: the one containing it (the
    /// smallest, where regions overlap), else the nearest within [`SLOP`].
    pub fn hit_region(&self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let slop = SLOP * if self.scale.is_finite() && self.scale > 0.0 { self.scale } else { 1.0 };
        self.regions
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.distance(x, y), r.area()))
            .filter(|(_, d, _)| *d <= slop)
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.2.total_cmp(&b.2)))
            .map(|(i, _, _)| i)
    }

    /// The fact shown at backend pixel `(x, y)`, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.hit_region(x, y).and_then(|i| self.regions.get(i)).map(|r| r.fact)
    }

    /// Regions showing fact `fact`.
    pub fn regions_of(&self, fact: usize) -> impl Iterator<Item = (usize, &Region)> {
        self.regions.iter().enumerate().filter(move |(_, r)| r.fact == fact)
    }

    /// Pairs of drawn texts that overlap by more than `slack` pixels.
    pub fn overlapping_texts(&self, slack: f64) -> Vec<(&TextBox, &TextBox)> {
        let mut out = Vec::new();
        for (i, a) in self.texts.iter().enumerate() {
            for b in &self.texts[i + 1..] {
                if a.overlaps(b, slack) {
                    out.push((a, b));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(x0: f64, y0: f64, x1: f64, y1: f64, fact: usize) -> Region {
        Region { x0, y0, x1, y1, fact, shape: Shape::Bar, label: String::new(), flagged: false }
    }

    #[test]
    fn hit_prefers_the_containing_then_the_smallest_then_the_nearest() {
        let l = HitMap {
            width: 100.0,
            height: 100.0,
            scale: 1.0,
            regions: vec![region(10.0, 10.0, 50.0, 90.0, 0), region(20.0, 40.0, 30.0, 50.0, 1), region(60.0, 10.0, 62.0, 12.0, 2)],
            ..HitMap::default()
        };
        assert_eq!(l.hit(15.0, 80.0), Some(0));
        assert_eq!(l.hit(25.0, 45.0), Some(1), "the smaller of two containing regions");
        assert_eq!(l.hit(66.0, 11.0), Some(2), "near a small point");
        assert_eq!(l.hit(53.0, 11.0), Some(0), "nearer the bar");
        assert_eq!(l.hit(80.0, 80.0), None);
        let twice = HitMap { scale: 2.0, ..l.clone() };
        assert_eq!(twice.hit(75.0, 11.0), Some(2), "slop grows with the scale");
        assert_eq!(l.hit(75.0, 11.0), None);
    }

    #[test]
    fn overlapping_texts_are_found() {
        let t = |x0: f64, text: &str| TextBox { x0, y0: 0.0, x1: x0 + 20.0, y1: 10.0, text: text.into() };
        let l = HitMap { texts: vec![t(0.0, "a"), t(19.0, "b"), t(40.0, "c")], ..HitMap::default() };
        assert_eq!(l.overlapping_texts(0.0).len(), 1);
        assert!(l.overlapping_texts(1.5).is_empty(), "a pixel of slack");
    }
}
