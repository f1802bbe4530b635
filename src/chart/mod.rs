//! The three charts (revenue, margins, guidance), each drawn by plotters on
//! any `DrawingBackend`: the canvas in the page, SVG in tests.
//!
//! ```text
//! draw(area, kind, facts, style)
//!   ├─ revenue::draw    bars per period, stacked by segment, guided range
//!   ├─ margins::draw    margin lines over periods, guided band
//!   └─ guidance::draw   one panel per guided metric: last actual → guided range
//! ```
//!
//! The chart code names no concrete backend and lays everything out itself in
//! pixels (CSS pixels times [`Style::scale`]) through a small painter
//! (`paint.rs`); it never panics, whatever the facts hold: an empty chart
//! draws its title and a message instead of empty axes.
//!
//! As it draws, each chart records where every element went and which fact
//! it shows ([`HitMap`]), so that the page maps a pointer back to a fact
//! with the very layout that was drawn. [`summary`], [`table`] and
//! [`detail`] say in words what the charts show (`describe.rs`).

use std::fmt;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::facts::{Checks, Facts};
use crate::i18n::{self, t, Lang, K};

mod data;
mod describe;
mod format;
mod names;
#[cfg(feature = "engine")]
mod note_zh;
mod guidance;
mod hit;
mod parts;
mod margins;
mod paint;
mod revenue;
pub mod svg;
mod theme;
#[cfg(feature = "engine")]
mod versus;
#[cfg(test)]
mod tests;

use paint::Painter;

pub use crate::chart_kind::ChartKind;
pub use describe::summary;
#[cfg(feature = "engine")]
pub use describe::{detail, detail_checked, details, note_text, other_table, table, table_checked, Detail, Table, TableRow};
pub use hit::{HitMap, PlotArea, Region, Shape, TextBox};

/// The least height of the revenue and margins plot areas, in CSS pixels:
/// the page gives a chart the height its title, legend and labels take plus
/// this (`HitMap::min_height`).
pub const MIN_PLOT_H: f64 = 150.0;

/// The least height of a guidance panel's plot, in CSS pixels.
pub const MIN_PANEL_PLOT_H: f64 = 64.0;

/// The least width of a guidance panel, in CSS pixels: the panels take as
/// many columns as fit at this width (four at most).
pub const MIN_PANEL_W: f64 = 150.0;

/// How to draw: pixel scale (devicePixelRatio), theme, and the colours and
/// font an embedding page may set (`--callchart-bg`, `--callchart-fg`,
/// `--callchart-accent`, `--callchart-font`).
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Multiplies font sizes, strokes and margins (devicePixelRatio on canvas).
    pub scale: f64,
    /// Dark theme (when `colors.bg` is set, its lightness decides instead).
    pub dark: bool,
    /// Colours that replace the theme's.
    pub colors: Colors,
    /// A CSS font-family list for all text, instead of `sans-serif` (in
    /// Chinese, a list of CJK fonts before it: [`CJK_FONTS`]).
    pub font: Option<String>,
    /// The language of every word and number drawn.
    pub lang: Lang,
}

/// The font stack Chinese charts draw with when the page sets none: fonts
/// with Traditional-Chinese glyphs on Linux (fonts-noto-cjk), macOS and
/// Windows, then the default.
pub const CJK_FONTS: &str = "Noto Sans CJK TC, Noto Sans TC, PingFang TC, Microsoft JhengHei, sans-serif";

/// Colour overrides, as RGB bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colors {
    /// Background.
    pub bg: Option<[u8; 3]>,
    /// Text (axes, grid and muted text are mixed from it and the background).
    pub fg: Option<[u8; 3]>,
    /// The first series colour and plain revenue bars.
    pub accent: Option<[u8; 3]>,
}

impl Default for Style {
    fn default() -> Self {
        Style { scale: 1.0, dark: false, colors: Colors::default(), font: None, lang: Lang::En }
    }
}

impl Style {
    /// A scale and a theme, no overrides.
    pub fn new(scale: f64, dark: bool) -> Style {
        Style { scale, dark, ..Style::default() }
    }
}

impl Colors {
    /// Parses `#rgb` or `#rrggbb` (what the page hands over); anything else is `None`.
    pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
        let h = s.trim().strip_prefix('#')?;
        if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = |i: usize, n: usize| h.get(i..i + n).and_then(|d| u8::from_str_radix(d, 16).ok());
        match h.len() {
            3 => Some([v(0, 1)? * 17, v(1, 1)? * 17, v(2, 1)? * 17]),
            6 => Some([v(0, 2)?, v(2, 2)?, v(4, 2)?]),
            _ => None,
        }
    }
}

/// A chart could not be drawn (a backend error).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Draws `kind` for `facts` on `area`; returns where each element went.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: ChartKind,
    facts: &Facts,
    style: &Style,
) -> Result<HitMap, ChartError> {
    draw_checked(area, kind, facts, &facts.checks(), style)
}

/// [`draw`] with the facts' [`Checks`] worked out already (an
/// [`crate::analysis::Analysis`] keeps them), so a redraw reads no note again.
pub fn draw_checked<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: ChartKind,
    facts: &Facts,
    checks: &Checks,
    style: &Style,
) -> Result<HitMap, ChartError> {
    i18n::with(style.lang, || {
        let mut p = Painter::new(area, style);
        p.flagged = checks.flagged.clone();
        p.fill(p.theme.bg)?;
        match kind {
            ChartKind::Revenue => revenue::draw(&p, facts),
            ChartKind::Margins => margins::draw(&p, facts),
            ChartKind::Guidance => guidance::draw(&p, facts),
        }?;
        Ok(p.finish())
    })
}

/// The call's heading: company (or "Earnings call") and call ("Credo · Q4 FY2023").
pub fn heading(facts: &Facts) -> String {
    names::heading(facts)
}

/// The chart title: company, call and chart name ("Credo · Q4 FY2023 — Revenue").
pub fn title(kind: ChartKind, facts: &Facts) -> String {
    names::title(facts, kind.caption())
}

impl ChartKind {
    /// The message an empty chart shows, in the current language.
    pub fn empty_message(&self) -> &'static str {
        t(match self {
            ChartKind::Revenue => K::EmptyRevenue,
            ChartKind::Margins => K::EmptyMargins,
            ChartKind::Guidance => K::EmptyGuidance,
        })
    }

    /// The chart's name for people in the current language ("Revenue", "營收");
    /// [`ChartKind::label`] is always English.
    pub fn caption(&self) -> &'static str {
        t(match self {
            ChartKind::Revenue => K::ChartRevenue,
            ChartKind::Margins => K::ChartMargins,
            ChartKind::Guidance => K::ChartGuidance,
        })
    }
}

/// Renders `kind` to an SVG document (the same drawing code as the canvas).
pub fn render_svg(kind: ChartKind, facts: &Facts, width: u32, height: u32, style: &Style) -> String {
    let mut out = String::new();
    {
        let root = svg::SvgBackend::with_string(&mut out, (width, height)).into_drawing_area();
        if let Err(e) = draw(&root, kind, facts, style) {
            drop(root);
            return format!("<!-- {e} -->");
        }
        let _ = root.present();
    }
    out
}

/// The charts of a series of calls (several calls of one company,
/// `crate::trend`): revenue and margins over the quarters (the very charts of
/// one call, drawn from the merged facts), EPS by quarter, and guidance vs
/// actual.
#[cfg(feature = "engine")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendKind {
    /// Revenue by quarter across the calls.
    Revenue,
    /// Margins over the quarters.
    Margins,
    /// EPS by quarter.
    Eps,
    /// Each guide beside the actual a later call reported.
    Versus,
}

#[cfg(feature = "engine")]
impl TrendKind {
    /// Every series chart, in the page's order.
    pub const ALL: [TrendKind; 4] = [TrendKind::Revenue, TrendKind::Margins, TrendKind::Eps, TrendKind::Versus];

    /// Its name for the page: "revenue", "margins", "eps", "versus".
    pub fn name(&self) -> &'static str {
        match self {
            TrendKind::Revenue => "revenue",
            TrendKind::Margins => "margins",
            TrendKind::Eps => "eps",
            TrendKind::Versus => "versus",
        }
    }

    /// The chart of `name`, if any.
    pub fn from_name(name: &str) -> Option<TrendKind> {
        TrendKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Its name for people, in the current language.
    pub fn caption(&self) -> &'static str {
        match self {
            TrendKind::Revenue => ChartKind::Revenue.caption(),
            TrendKind::Margins => ChartKind::Margins.caption(),
            TrendKind::Eps => t(K::ChartEps),
            TrendKind::Versus => t(K::ChartVersus),
        }
    }
}

/// Draws series chart `kind`. `facts` (with its `checks`) are the company's
/// merged facts a chart of one call can draw, `keep[i]` the index in
/// `company.facts` of `facts.facts[i]`: the regions name `company.facts`.
/// `facts.company` is the title's start ("FTI Consulting · 8 calls").
#[cfg(feature = "engine")]
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: TrendKind,
    (facts, checks, keep): (&Facts, &Checks, &[usize]),
    (company, calls): (&crate::series::Company, &[crate::series::Call]),
    style: &Style,
) -> Result<HitMap, ChartError> {
    i18n::with(style.lang, || {
        let mut p = Painter::new(area, style);
        p.flagged = if kind == TrendKind::Versus { company.facts.iter().map(|f| f.fact.conflict).collect() } else { checks.flagged.clone() };
        p.fill(p.theme.bg)?;
        match kind {
            TrendKind::Revenue => revenue::draw(&p, facts),
            TrendKind::Margins => margins::draw(&p, facts),
            TrendKind::Eps => revenue::draw_of(&p, facts, "eps", kind.caption(), t(K::EmptyEps)),
            TrendKind::Versus => versus::draw(&p, &names::title(facts, kind.caption()), company, calls),
        }?;
        let mut hits = p.finish();
        if kind != TrendKind::Versus {
            for r in &mut hits.regions {
                r.fact = keep.get(r.fact).copied().unwrap_or(r.fact);
            }
        }
        Ok(hits)
    })
}

/// A call's period as a title says it ("Q4 FY2023"), in the current language.
pub fn call_name(p: &crate::facts::Period) -> String {
    names::call_label(p)
}
