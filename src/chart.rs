//! The three charts (revenue, margins, guidance), each drawn by plotters on
//! any `DrawingBackend`: the canvas in the page, SVG in tests.
//!
//! PLACEHOLDER API: the signatures below are the contract; the bodies are being written.

use std::fmt;
use std::str::FromStr;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::facts::Facts;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Revenue bars per period, stacked by segment, guided range.
    Revenue,
    /// Gross margin (total and by segment) and operating margin over periods.
    Margins,
    /// Each guided metric's range beside its last actual.
    Guidance,
}

impl ChartKind {
    /// All charts, in page order.
    pub const ALL: [ChartKind; 3] = [ChartKind::Revenue, ChartKind::Margins, ChartKind::Guidance];

    /// Lower-case name ("revenue"), used in element ids and file names.
    pub fn name(&self) -> &'static str {
        match self {
            ChartKind::Revenue => "revenue",
            ChartKind::Margins => "margins",
            ChartKind::Guidance => "guidance",
        }
    }
}

impl FromStr for ChartKind {
    type Err = ChartError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChartKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| ChartError(format!("unknown chart {s:?} (expected revenue, margins or guidance)")))
    }
}

/// How to draw: pixel scale (devicePixelRatio) and colours.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Multiplies font sizes, strokes and margins (devicePixelRatio on canvas).
    pub scale: f64,
    /// Dark theme.
    pub dark: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style { scale: 1.0, dark: false }
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

/// Draws `kind` for `facts` on `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: ChartKind,
    facts: &Facts,
    style: &Style,
) -> Result<(), ChartError> {
    let _ = (kind, facts, style);
    area.fill(&WHITE).map_err(|e| ChartError(e.to_string()))?;
    Ok(())
}

/// Renders `kind` to an SVG document (the same drawing code as the canvas).
pub fn render_svg(kind: ChartKind, facts: &Facts, width: u32, height: u32, style: &Style) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        if let Err(e) = draw(&root, kind, facts, style) {
            drop(root);
            return format!("<!-- {e} -->");
        }
        let _ = root.present();
    }
    out
}
