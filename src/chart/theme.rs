//! Colours: the light and dark [`Theme`] (with a page's overrides), WCAG
//! luminance and contrast, and the patterns and markers that tell series
//! apart without colour.

use plotters::prelude::*;

use super::paint::clampf;
use super::Style;

/// Colours of one theme.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    pub bg: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Series colours (Okabe–Ito based, colour-blind friendly), in order.
    pub series: [RGBColor; 6],
    /// Revenue that a period reports without a segment split.
    pub total: RGBColor,
    /// The "other" remainder of a segment split.
    pub other: RGBColor,
    /// Guidance accents (range outlines, midpoints).
    pub guide: RGBColor,
    pub panel: RGBColor,
    /// Warning marks (conflicts, failed checks).
    pub bad: RGBColor,
}

impl Theme {
    pub(crate) fn new(dark: bool) -> Theme {
        if dark {
            Theme {
                bg: RGBColor(0x17, 0x1a, 0x1f),
                text: RGBColor(0xe8, 0xea, 0xed),
                muted: RGBColor(0xa4, 0xab, 0xb4),
                grid: RGBColor(0x2e, 0x33, 0x3b),
                axis: RGBColor(0x6b, 0x73, 0x7d),
                series: [
                    RGBColor(0x56, 0xb4, 0xe9), // sky blue
                    RGBColor(0xe6, 0x9f, 0x00), // orange
                    RGBColor(0x2b, 0xc4, 0x94), // bluish green, lifted
                    RGBColor(0xf0, 0x7b, 0x3f), // vermillion, lifted
                    RGBColor(0xdd, 0x9c, 0xc4), // reddish purple, lifted
                    RGBColor(0xf0, 0xe4, 0x42), // yellow
                ],
                total: RGBColor(0x8f, 0xa3, 0xb8),
                other: RGBColor(0x6a, 0x72, 0x7c),
                guide: RGBColor(0xf0, 0xe4, 0x42),
                panel: RGBColor(0x1d, 0x21, 0x27),
                bad: RGBColor(0xf9, 0x70, 0x66),
            }
        } else {
            Theme {
                bg: RGBColor(0xff, 0xff, 0xff),
                text: RGBColor(0x1f, 0x23, 0x28),
                muted: RGBColor(0x5f, 0x66, 0x6d),
                grid: RGBColor(0xe6, 0xe8, 0xeb),
                axis: RGBColor(0x86, 0x8d, 0x94),
                // Okabe–Ito, darkened where needed so that every series
                // keeps 3:1 against the background (WCAG 1.4.11).
                series: [
                    RGBColor(0x00, 0x72, 0xb2), // blue
                    RGBColor(0xc0, 0x7a, 0x00), // orange, darkened
                    RGBColor(0x00, 0x9e, 0x73), // bluish green
                    RGBColor(0xc0, 0x54, 0x00), // vermillion, darkened
                    RGBColor(0xcc, 0x79, 0xa7), // reddish purple
                    RGBColor(0x6c, 0x5f, 0xc7), // violet (sky blue is too light on white)
                ],
                total: RGBColor(0x4d, 0x5b, 0x6a),
                other: RGBColor(0x86, 0x8d, 0x94),
                guide: RGBColor(0x1f, 0x23, 0x28),
                panel: RGBColor(0xfa, 0xfb, 0xfc),
                bad: RGBColor(0xb4, 0x23, 0x18),
            }
        }
    }

    /// The theme for `style`: light or dark (by the background's lightness
    /// when the style sets one), then the style's colour overrides, with
    /// muted text, axes and grid mixed from the resulting text and background.
    pub(crate) fn for_style(style: &Style) -> Theme {
        let rgb = |c: [u8; 3]| RGBColor(c[0], c[1], c[2]);
        let dark = match style.colors.bg {
            Some([r, g, b]) => 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b) < 110.0,
            None => style.dark,
        };
        let mut t = Theme::new(dark);
        let c = style.colors;
        if let Some(bg) = c.bg {
            t.bg = rgb(bg);
        }
        if let Some(fg) = c.fg {
            t.text = rgb(fg);
            if !dark {
                t.guide = t.text;
            }
        }
        if c.bg.is_some() || c.fg.is_some() {
            t.muted = mix(t.text, t.bg, 0.35);
            t.axis = mix(t.text, t.bg, 0.55);
            t.grid = mix(t.text, t.bg, 0.88);
            t.panel = mix(t.bg, t.text, 0.03);
            t.other = mix(t.text, t.bg, 0.7);
        }
        if let Some(a) = c.accent {
            t.series[0] = rgb(a);
            t.total = rgb(a);
        }
        t
    }

    /// Series colour `i` (wrapping).
    pub(crate) fn color(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }

    /// `c` mixed with the background: `t = 0` is `c`, `t = 1` the background.
    pub(crate) fn fade(&self, c: RGBColor, t: f64) -> RGBColor {
        mix(c, self.bg, t)
    }

    /// Text colour readable on a fill of colour `c`: near-black or white,
    /// whichever contrasts more.
    pub(crate) fn on(&self, c: RGBColor) -> RGBColor {
        let (dark, white) = (RGBColor(0x1f, 0x23, 0x28), RGBColor(0xff, 0xff, 0xff));
        if contrast(dark, c) >= contrast(white, c) {
            dark
        } else {
            white
        }
    }
}

/// WCAG relative luminance.
pub(crate) fn luminance(c: RGBColor) -> f64 {
    let ch = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            pow_2_4((v + 0.055) / 1.055)
        }
    };
    0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
}

/// `t.powf(2.4)` for `t` in (0, 1] (within a few ulps): `t² · (t²)^(1/5)`,
/// the fifth root by Newton's method, without libm's `pow` (~1 KB gzipped of
/// each wasm, and the luminance's only use of it).
fn pow_2_4(t: f64) -> f64 {
    let s = t * t;
    let mut y = 1.0f64;
    for _ in 0..64 {
        let next = (4.0 * y + s / ((y * y) * (y * y))) / 5.0;
        if next == y {
            break;
        }
        y = next;
    }
    s * y
}

/// WCAG contrast ratio of two colours (1 to 21).
pub(crate) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A fill pattern that tells series apart without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    Solid,
    Dots,
    /// Lines falling to the right ("\"; derived figures use "/").
    BackDiagonal,
    Horizontal,
    Crosshatch,
    Vertical,
}

impl Pattern {
    /// Patterns of segment series, in order (repeating).
    pub(crate) const SERIES: [Pattern; 5] =
        [Pattern::Solid, Pattern::Dots, Pattern::BackDiagonal, Pattern::Horizontal, Pattern::Crosshatch];

    pub(crate) fn series(i: usize) -> Pattern {
        Self::SERIES[i % Self::SERIES.len()]
    }
}

/// A point marker shape that tells line series apart without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    TriangleDown,
}

impl Marker {
    pub(crate) fn series(i: usize) -> Marker {
        [Marker::Circle, Marker::Square, Marker::Triangle, Marker::TriangleDown][i % 4]
    }
}

/// Linear mix of two colours.
pub(crate) fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = clampf(t, 0.0, 1.0);
    let m = |x: u8, y: u8| (f64::from(x) * (1.0 - t) + f64::from(y) * t).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_2_4_is_powf_for_every_channel() {
        for v in 0..=255u8 {
            let t = (f64::from(v) / 255.0 + 0.055) / 1.055;
            let (want, got) = (t.powf(2.4), pow_2_4(t));
            assert!((want.to_bits() as i64 - got.to_bits() as i64).abs() <= 4, "{v}: {want} vs {got}");
        }
    }
}
