//! Which charts there are: the one list the charts draw from
//! ([`crate::chart`]), a link's chart choice ([`crate::share`]) and the page
//! ask for by name. Plain names, no drawing, so a link need not know how a
//! chart is drawn.

use std::fmt;
use std::str::FromStr;

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

    /// Name for people ("Revenue", "Margins", "Guidance").
    pub fn label(&self) -> &'static str {
        match self {
            ChartKind::Revenue => "Revenue",
            ChartKind::Margins => "Margins",
            ChartKind::Guidance => "Guidance",
        }
    }
}

/// A name that is no chart's ([`ChartKind`]'s `FromStr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChart(pub String);

impl fmt::Display for UnknownChart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown chart {} (expected revenue, margins or guidance)", crate::i18n::quoted(&self.0))
    }
}

impl std::error::Error for UnknownChart {}

impl FromStr for ChartKind {
    type Err = UnknownChart;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChartKind::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| UnknownChart(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for k in ChartKind::ALL {
            assert_eq!(k.name().parse::<ChartKind>(), Ok(k));
        }
        let e = "pie".parse::<ChartKind>().unwrap_err();
        assert_eq!(e.to_string(), "unknown chart \"pie\" (expected revenue, margins or guidance)");
    }
}
