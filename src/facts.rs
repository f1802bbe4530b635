//! The facts model: plain data that the extractor produces, the charts read,
//! and the CLI, the page's exports and share links carry (`callchart/facts@1`,
//! see `shared/spec/facts.md`).
//!
//! Nothing here parses transcripts or draws anything; it is the contract
//! between the phases.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The schema tag written at the top of every facts document.
pub const SCHEMA: &str = "callchart/facts@1";

/// The metrics that charts and scores know by name. Anything else is kept
/// under its own `snake_case` name.
pub const CORE_METRICS: &[&str] = &[
    "revenue",
    "revenue_mix",
    "gross_margin",
    "gross_profit",
    "operating_margin",
    "operating_expenses",
    "rd_expense",
    "sga_expense",
    "operating_income",
    "net_income",
    "net_margin",
    "eps",
    "ebitda",
    "operating_cash_flow",
    "capex",
    "free_cash_flow",
    "cash",
    "accounts_receivable",
    "days_sales_outstanding",
    "inventory",
    "share_count",
    "dividend",
    "buyback",
];

/// Metrics outside the core with a name of their own, known to the extractor's
/// lexicon and to charts (the guidance chart shows them after the core ones).
/// Any other metric is named by the call's own words
/// ("restructuring_charges"): kept and exported, never charted.
pub const NAMED_METRICS: &[&str] = &[
    "orders", "backlog", "bookings", "arr", "aum", "net_interest_income", "net_interest_margin", "loans", "deposits",
    "ffo_per_share", "affo_per_share", "same_store_sales", "combined_ratio", "ebitda_margin", "tax_rate", "asp",
    "book_value", "book_value_per_share", "tangible_book_value_per_share", "cost_savings", "debt", "net_debt", "liquidity",
    "net_charge_offs", "provision_for_credit_losses", "net_written_premiums", "premiums", "noi", "same_store_noi",
    "occupancy", "revpar", "return_on_equity", "total_expenses", "operating_expense_ratio", "sga_ratio", "rd_ratio",
    "capex_ratio", "free_cash_flow_margin", "expense_ratio", "shareholder_returns", "deferred_revenue",
];

/// Everything extracted from one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Company name as the call says it ("Credo"), empty when unknown.
    #[serde(default)]
    pub company: String,
    /// The call's own fiscal period ("FY2023-Q4"), absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Period>,
    /// Reporting currency (ISO 4217), "USD" unless the call says otherwise.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The transcript layout that was detected ("bilingual-lines", ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub layout: String,
    /// Transcript statistics, absent for facts that came from a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TranscriptStats>,
    /// The figures, actuals first in source order, then derived ones.
    pub facts: Vec<Fact>,
    /// Reconciliation checks and other remarks a reader should see.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

fn default_currency() -> String {
    "USD".to_string()
}

impl Default for Facts {
    fn default() -> Self {
        Facts {
            schema: SCHEMA.to_string(),
            company: String::new(),
            call: None,
            currency: default_currency(),
            layout: String::new(),
            transcript: None,
            facts: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Counts that describe the parsed transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TranscriptStats {
    /// Number of speaker turns.
    pub turns: usize,
    /// Distinct speakers, in order of first appearance.
    pub speakers: Vec<SpeakerInfo>,
    /// 1-based line where the Q&A starts, if the call has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qa_line: Option<usize>,
    /// When the call's period is unknown: the quarter its words point to
    /// (1-4), a reader's best guess to start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_quarter: Option<u8>,
}

/// A speaker and the title the transcript gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerInfo {
    /// Name as written.
    pub name: String,
    /// Title ("CFO"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A remark about the facts: a failed or passed check, a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// `"check"`, `"conflict"`, `"warning"`; `"undated"` (figures left out:
    /// the call's period is unknown); `"withdrawn"` (the call
    /// withdrew its guidance for `period`), `"call_given"` (the call's
    /// period, `period`, was given by the reader).
    pub kind: String,
    /// The facts the note is about, by index into [`Facts::facts`], set
    /// where the note is made (after the facts' order is final); empty for
    /// a note about no figure ("translation lines agree with …").
    #[serde(default)]
    pub subject: Vec<usize>,
    /// One sentence a reader understands.
    pub message: String,
    /// Whether the check passed (checks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
    /// The period the note is about, for a note about no figure
    /// (`withdrawn`, `call_given`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl Note {
    /// The message of the `conflict` note about `f` (a fact said with
    /// different values); a series link rebuilds it from the fact rather
    /// than carrying it.
    pub fn conflict_message(f: &Fact) -> String {
        format!("{} {} {}: different values said (line {})", f.metric, f.segment, f.period, f.source.line)
    }

    /// Whether a reader should see this note beside its figures: a failed
    /// check or a conflict.
    pub fn is_problem(&self) -> bool {
        self.ok == Some(false) || self.kind == "conflict"
    }
}

impl Facts {
    /// Per fact, the indices of the problem notes ([`Note::is_problem`])
    /// about it.
    pub fn problems(&self) -> Vec<Vec<usize>> {
        self.checks().problems
    }

    /// Whether fact `i` conflicts with another or is the subject of a
    /// failed check.
    pub fn flagged(&self) -> Vec<bool> {
        self.checks().flagged
    }

    /// What the notes say about each fact, worked out once from each
    /// note's subject (linear in facts and notes): keep it beside the facts
    /// rather than asking per fact. A subject index past the facts (facts
    /// edited by hand) is about no fact.
    pub fn checks(&self) -> Checks {
        let mut problems = vec![Vec::new(); self.facts.len()];
        for (n, note) in self.notes.iter().enumerate().filter(|(_, n)| n.is_problem()) {
            for &i in &note.subject {
                if let Some(v) = problems.get_mut(i).filter(|v| v.last() != Some(&n)) {
                    v.push(n);
                }
            }
        }
        let failed: Vec<bool> =
            problems.iter().map(|p| p.iter().any(|n| self.notes.get(*n).is_some_and(|n| n.ok == Some(false)))).collect();
        let flagged = problems.iter().zip(&self.facts).map(|(p, f)| f.conflict || !p.is_empty()).collect();
        Checks { problems, failed, flagged }
    }
}

/// The notes per fact ([`Facts::checks`]): computed once per analysis and
/// handed to the charts and their descriptions, which would otherwise read
/// every note's subject again for every fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checks {
    /// Per fact, the indices of the problem notes about it.
    pub problems: Vec<Vec<usize>>,
    /// Per fact, whether a failed check is about it.
    pub failed: Vec<bool>,
    /// Per fact, whether it conflicts with another or a check about it failed.
    pub flagged: Vec<bool>,
}

impl Checks {
    /// Whether a failed check is about fact `i`.
    pub fn failed(&self, i: usize) -> bool {
        self.failed.get(i).copied().unwrap_or(false)
    }
}

/// One figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `revenue`, `gross_margin`, ... (see [`CORE_METRICS`]).
    pub metric: String,
    /// `total` or the segment's lower-case `snake_case` name.
    pub segment: String,
    /// The fiscal period the figure is about.
    pub period: Period,
    /// Actual, guidance or derived.
    pub kind: Kind,
    /// Level or change.
    pub measure: Measure,
    /// The figure, in base units (dollars, percent as 58.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Low end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Unit of `value`/`low`/`high`.
    pub unit: Unit,
    /// GAAP or non-GAAP, when the call says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// Set when another fact has the same key and a different value.
    #[serde(default, skip_serializing_if = "is_false")]
    pub conflict: bool,
    /// Where the figure was said (for derived facts: the computation).
    pub source: Source,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
impl Fact {
    /// A level of `metric` for tests (1 %, no source); set the rest by struct update.
    pub(crate) fn for_test(metric: &str, segment: &str, period: &str, kind: Kind) -> Fact {
        Fact {
            metric: metric.into(),
            segment: segment.into(),
            period: period.parse().expect("test period"),
            kind,
            measure: Measure::Level,
            value: Some(1.0),
            low: None,
            high: None,
            unit: Unit::Percent,
            basis: None,
            conflict: false,
            source: Source::default(),
        }
    }
}

impl Fact {
    /// The value to plot: `value`, or the midpoint of a range.
    pub fn point(&self) -> Option<f64> {
        self.value.or(match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            _ => None,
        })
    }

    /// Whether the fact is a core metric.
    pub fn is_core(&self) -> bool {
        CORE_METRICS.contains(&self.metric.as_str())
    }

    /// Whether the metric has a name charts know: a core metric or one of
    /// [`NAMED_METRICS`], not one named by the call's own words.
    pub fn is_named(&self) -> bool {
        self.is_core() || NAMED_METRICS.contains(&self.metric.as_str())
    }
}

/// Where a fact came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Source {
    /// 1-based line in the input.
    pub line: usize,
    /// Char offset of the figure's start in that line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Char offset just past the figure in that line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The sentence (for derived facts: how the value was computed).
    pub text: String,
}

/// Actual, guided or computed by the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Reported.
    Actual,
    /// Guided.
    Guidance,
    /// Computed from a change statement.
    Derived,
}

/// A level, or a change against an earlier period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// The figure itself.
    Level,
    /// Change vs the prior quarter.
    Qoq,
    /// Change vs the same period a year earlier.
    Yoy,
}

/// Accounting basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// As reported.
    #[serde(rename = "GAAP")]
    Gaap,
    /// Adjusted.
    #[serde(rename = "non-GAAP")]
    NonGaap,
    /// A change without acquisitions, divestitures and currency ("8% organic
    /// sales growth"): another figure than the reported change.
    #[serde(rename = "organic")]
    Organic,
    /// A change at the year-ago exchange rates ("and 17% in constant
    /// currency"): another figure than the reported change.
    #[serde(rename = "constant currency")]
    ConstantCurrency,
}

impl Basis {
    /// Whether a figure of this basis restates the reported change (organic,
    /// in constant currency): never the same figure as one of no stated basis,
    /// and no earlier level follows from it.
    pub fn restates(basis: Option<Basis>) -> bool {
        matches!(basis, Some(Basis::Organic | Basis::ConstantCurrency))
    }
}

/// The unit of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Money in a currency (ISO 4217 code).
    Money(Currency),
    /// Money per share.
    PerShare(Currency),
    /// Percent.
    Percent,
    /// Basis points.
    Bp,
    /// Percentage points.
    Pp,
    /// Days.
    Days,
    /// A count of shares.
    Shares,
    /// A multiple ("1.5x").
    Times,
}

/// A three-letter currency code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(pub [u8; 3]);

impl Currency {
    /// US dollars.
    pub const USD: Currency = Currency(*b"USD");

    /// Parses a three-letter upper-case code.
    pub fn from_code(code: &str) -> Option<Currency> {
        let b = code.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_alphabetic) {
            Some(Currency([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
                b[2].to_ascii_uppercase(),
            ]))
        } else {
            None
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// A short symbol for axis labels ("$", "¥", "€"), or the code.
    pub fn symbol(&self) -> &str {
        match &self.0 {
            b"USD" => "$",
            b"JPY" => "¥",
            b"EUR" => "€",
            b"GBP" => "£",
            b"INR" => "₹",
            b"KRW" => "₩",
            b"CNY" => "¥",
            _ => self.as_str(),
        }
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Unit {
    /// US dollars.
    pub const USD: Unit = Unit::Money(Currency::USD);

    /// Whether the unit is an amount of money (not per share).
    pub fn is_money(&self) -> bool {
        matches!(self, Unit::Money(_))
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Money(c) => f.write_str(c.as_str()),
            Unit::PerShare(c) => write!(f, "{}/share", c.as_str()),
            Unit::Percent => f.write_str("%"),
            Unit::Bp => f.write_str("bp"),
            Unit::Pp => f.write_str("pp"),
            Unit::Days => f.write_str("days"),
            Unit::Shares => f.write_str("shares"),
            Unit::Times => f.write_str("x"),
        }
    }
}

impl FromStr for Unit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "%" => Unit::Percent,
            "bp" => Unit::Bp,
            "pp" => Unit::Pp,
            "days" => Unit::Days,
            "shares" => Unit::Shares,
            "x" => Unit::Times,
            _ => {
                if let Some(code) = s.strip_suffix("/share") {
                    Unit::PerShare(Currency::from_code(code).ok_or_else(|| format!("unknown unit {}", crate::i18n::quoted(s)))?)
                } else {
                    Unit::Money(Currency::from_code(s).ok_or_else(|| format!("unknown unit {}", crate::i18n::quoted(s)))?)
                }
            }
        })
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A fiscal (or calendar) period: `FY2023`, `FY2023-Q4`, `CY2024-H2`, `LT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A period of the company's fiscal calendar.
    Fiscal {
        /// Fiscal year as the company labels it.
        year: i32,
        /// Which part of the year.
        part: Part,
    },
    /// A period of the calendar year.
    Calendar {
        /// Calendar year.
        year: i32,
        /// Which part of the year.
        part: Part,
    },
    /// A long-term target ("our long-term model").
    LongTerm,
}

/// A whole year, a quarter or a half.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The whole year.
    Year,
    /// Half 1 or 2.
    Half(u8),
    /// Quarter 1 to 4.
    Quarter(u8),
}

impl Period {
    /// A fiscal quarter.
    pub fn quarter(year: i32, q: u8) -> Period {
        Period::Fiscal { year, part: Part::Quarter(q) }
    }

    /// A fiscal year.
    pub fn year(year: i32) -> Period {
        Period::Fiscal { year, part: Part::Year }
    }

    /// The year of the period, if it has one.
    pub fn year_number(&self) -> Option<i32> {
        match *self {
            Period::Fiscal { year, .. } | Period::Calendar { year, .. } => Some(year),
            Period::LongTerm => None,
        }
    }

    /// The part of the year, if the period has one.
    pub fn part(&self) -> Option<Part> {
        match *self {
            Period::Fiscal { part, .. } | Period::Calendar { part, .. } => Some(part),
            Period::LongTerm => None,
        }
    }

    /// Whether this is a quarter.
    pub fn is_quarter(&self) -> bool {
        matches!(self.part(), Some(Part::Quarter(_)))
    }

    /// The quarter before (Q1 → Q4 of the year before); `None` for non-quarters.
    pub fn prev_quarter(&self) -> Option<Period> {
        match *self {
            Period::Fiscal { year, part: Part::Quarter(q) } => Some(if q == 1 {
                Period::quarter(year - 1, 4)
            } else {
                Period::quarter(year, q - 1)
            }),
            Period::Calendar { year, part: Part::Quarter(q) } => Some(if q == 1 {
                Period::Calendar { year: year - 1, part: Part::Quarter(4) }
            } else {
                Period::Calendar { year, part: Part::Quarter(q - 1) }
            }),
            _ => None,
        }
    }

    /// The quarter after.
    pub fn next_quarter(&self) -> Option<Period> {
        match *self {
            Period::Fiscal { year, part: Part::Quarter(q) } => Some(if q == 4 {
                Period::quarter(year + 1, 1)
            } else {
                Period::quarter(year, q + 1)
            }),
            Period::Calendar { year, part: Part::Quarter(q) } => Some(if q == 4 {
                Period::Calendar { year: year + 1, part: Part::Quarter(1) }
            } else {
                Period::Calendar { year, part: Part::Quarter(q + 1) }
            }),
            _ => None,
        }
    }

    /// The quarter a year or half closes with (H1 closes with Q2); a quarter is its own end.
    pub fn closing_quarter(&self) -> Period {
        let q = match self.part() {
            Some(Part::Year) => 4,
            Some(Part::Half(h)) => h * 2,
            _ => return *self,
        };
        match *self {
            Period::Fiscal { year, .. } => Period::Fiscal { year, part: Part::Quarter(q) },
            Period::Calendar { year, .. } => Period::Calendar { year, part: Part::Quarter(q) },
            Period::LongTerm => Period::LongTerm,
        }
    }

    /// The same period a year earlier.
    pub fn prev_year(&self) -> Option<Period> {
        match *self {
            Period::Fiscal { year, part } => Some(Period::Fiscal { year: year - 1, part }),
            Period::Calendar { year, part } => Some(Period::Calendar { year: year - 1, part }),
            Period::LongTerm => None,
        }
    }

    /// Short label for chart axes: "Q3 FY23", "FY23", "H2 CY24", "Long term".
    pub fn short_label(&self) -> String {
        let (prefix, year, part) = match *self {
            Period::Fiscal { year, part } => ("FY", year, part),
            Period::Calendar { year, part } => ("CY", year, part),
            Period::LongTerm => return "Long term".to_string(),
        };
        let yy = year.rem_euclid(100);
        match part {
            Part::Year => format!("{prefix}{yy:02}"),
            Part::Half(h) => format!("H{h} {prefix}{yy:02}"),
            Part::Quarter(q) => format!("Q{q} {prefix}{yy:02}"),
        }
    }

    /// Sort key: by year, then position within the year (a year sorts after its quarters).
    fn sort_key(&self) -> (i32, u8, i32, u8) {
        match *self {
            Period::LongTerm => (1, 0, i32::MAX, 0),
            Period::Fiscal { year, part } | Period::Calendar { year, part } => {
                let cal = matches!(self, Period::Calendar { .. }) as u8;
                let pos = match part {
                    Part::Quarter(q) => q * 2,
                    Part::Half(h) => h * 4,
                    Part::Year => 9,
                };
                (0, cal, year, pos)
            }
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (prefix, year, part) = match *self {
            Period::Fiscal { year, part } => ("FY", year, part),
            Period::Calendar { year, part } => ("CY", year, part),
            Period::LongTerm => return f.write_str("LT"),
        };
        match part {
            Part::Year => write!(f, "{prefix}{year:04}"),
            Part::Half(h) => write!(f, "{prefix}{year:04}-H{h}"),
            Part::Quarter(q) => write!(f, "{prefix}{year:04}-Q{q}"),
        }
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("bad period {} (expected FY2023, FY2023-Q4, CY2024-H2 or LT)", crate::i18n::quoted(s));
        if s == "LT" {
            return Ok(Period::LongTerm);
        }
        let (calendar, rest) = if let Some(r) = s.strip_prefix("FY") {
            (false, r)
        } else if let Some(r) = s.strip_prefix("CY") {
            (true, r)
        } else {
            return Err(bad());
        };
        let (y, p) = rest.split_once('-').map_or((rest, None), |(a, b)| (a, Some(b)));
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let part = match p {
            None => Part::Year,
            Some(p) => {
                // Checked: a multi-byte first character is a bad period, not a panic.
                let (k, n) = p.split_at_checked(1).ok_or_else(bad)?;
                let n: u8 = n.parse().map_err(|_| bad())?;
                match (k, n) {
                    ("Q", 1..=4) => Part::Quarter(n),
                    ("H", 1..=2) => Part::Half(n),
                    _ => return Err(bad()),
                }
            }
        };
        Ok(if calendar { Period::Calendar { year, part } } else { Period::Fiscal { year, part } })
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
