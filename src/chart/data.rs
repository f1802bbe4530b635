//! Picking the facts a chart shows and writing numbers and names for people.


use crate::case;
use crate::facts::{Currency, Fact, Facts, Kind, Measure, Part, Period, Unit};

/// A finite value, or nothing.
pub(crate) fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

/// A level figure (actual or derived) to plot.
#[derive(Debug, Clone)]
pub(crate) struct Level {
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    pub period: Period,
    pub segment: String,
    pub value: f64,
    pub derived: bool,
}

/// A guided range (or single value) for a period.
#[derive(Debug, Clone)]
pub(crate) struct Guide {
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    pub metric: String,
    pub segment: String,
    pub period: Period,
    pub unit: Unit,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub value: Option<f64>,
}

impl Guide {
    /// Midpoint (or the single value, or the one end given).
    pub(crate) fn mid(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0).filter(|m| m.is_finite()),
            _ => self.value.or(self.low).or(self.high),
        }
    }

    /// Lowest and highest value the guide spans.
    pub(crate) fn span(&self) -> Option<(f64, f64)> {
        let vs: Vec<f64> = [self.low, self.high, self.value].into_iter().flatten().collect();
        let lo = vs.iter().copied().reduce(f64::min)?;
        let hi = vs.iter().copied().reduce(f64::max)?;
        Some((lo, hi))
    }

    /// Whether the guide is a range with two different ends.
    pub(crate) fn is_range(&self) -> bool {
        matches!((self.low, self.high), (Some(l), Some(h)) if l != h)
    }

    /// "$33–35M", "58–60%", "≥ $30M", "149M".
    pub(crate) fn label(&self, f: &Fmt) -> String {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l != h => f.range(l, h),
            (Some(l), None) if self.value.is_none() => format!("≥ {}", f.full(l)),
            (None, Some(h)) if self.value.is_none() => format!("≤ {}", f.full(h)),
            _ => self.mid().map(|m| f.full(m)).unwrap_or_default(),
        }
    }
}

/// Level facts (actual or derived) that pass `keep`, one per metric, segment
/// and period: an actual wins over a derived figure, an earlier fact over a
/// later one. Non-finite values are dropped.
pub(crate) fn levels<'a>(facts: &'a Facts, keep: impl Fn(&Fact) -> bool) -> Vec<(&'a Fact, Level)> {
    // Grouped by metric, segment and period with one stable sort (fact order
    // stays within a group); no map: each map type is more wasm.
    let mut all: Vec<(usize, &Fact)> = facts
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.measure == Measure::Level && f.kind != Kind::Guidance && keep(f) && finite(f.point()).is_some())
        .collect();
    let key = |f: &'a Fact| (&f.metric, &f.segment, f.period);
    crate::order::sort_by(&mut all, |a, b| key(a.1).cmp(&key(b.1)));
    // Actual and derived only: the group's first actual, else its first fact.
    let mut out: Vec<(usize, &Fact)> = all
        .chunk_by(|a, b| key(a.1) == key(b.1))
        .map(|group| *group.iter().find(|(_, f)| f.kind == Kind::Actual).unwrap_or(&group[0]))
        .collect();
    crate::order::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out.into_iter()
        .filter_map(|(i, f)| {
            let value = finite(f.point())?;
            Some((f, Level { fact: i, period: f.period, segment: f.segment.clone(), value, derived: f.kind == Kind::Derived }))
        })
        .collect()
}

/// Guidance level facts that pass `keep`, one per metric, segment and period
/// (the first), with non-finite ends dropped.
pub(crate) fn guides(facts: &Facts, keep: impl Fn(&Fact) -> bool) -> Vec<Guide> {
    let mut out: Vec<Guide> = Vec::new();
    for (i, f) in facts.facts.iter().enumerate() {
        if f.kind != Kind::Guidance || f.measure != Measure::Level || !keep(f) {
            continue;
        }
        let g = Guide {
            fact: i,
            metric: f.metric.clone(),
            segment: f.segment.clone(),
            period: f.period,
            unit: f.unit,
            low: finite(f.low),
            high: finite(f.high),
            value: finite(f.value),
        };
        if g.mid().is_none() {
            continue;
        }
        if out.iter().any(|o| o.metric == g.metric && o.segment == g.segment && o.period == g.period) {
            continue;
        }
        out.push(g);
    }
    out
}

/// The currency most money facts of `metric` use (the call's currency on a tie).
pub(crate) fn main_currency(facts: &Facts, keep: impl Fn(&Fact) -> bool) -> Option<Currency> {
    // A few currencies at most: a list, in code order (a map's order) for the tie rule below.
    let mut counts: Vec<(Currency, usize)> = Vec::new();
    for f in facts.facts.iter().filter(|f| keep(f)) {
        if let Unit::Money(c) = f.unit {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    crate::order::sort_by(&mut counts, |a, b| a.0.cmp(&b.0));
    let home = Currency::from_code(&facts.currency);
    counts.into_iter().max_by_key(|(c, n)| (*n, Some(*c) == home)).map(|(c, _)| c)
}

/// Whether two periods are of the same kind (quarter with quarter, ...).
pub(crate) fn same_grain(a: &Period, b: &Period) -> bool {
    let grain = |p: &Period| match p {
        Period::LongTerm => 3,
        Period::Fiscal { part, .. } | Period::Calendar { part, .. } => match part {
            Part::Quarter(_) => 0,
            Part::Half(_) => 1,
            Part::Year => 2,
        },
    };
    grain(a) == grain(b) && matches!(a, Period::Calendar { .. }) == matches!(b, Period::Calendar { .. })
}

/// How a chart writes values of one unit: magnitude (K, M, B) and symbols.
#[derive(Debug, Clone)]
pub(crate) struct Fmt {
    pub unit: Unit,
    div: f64,
    mag: &'static str,
}

/// The minus sign used in labels.
const MINUS: char = '−';

impl Fmt {
    /// A format for `unit` that suits values up to `max_abs`.
    pub(crate) fn new(unit: Unit, max_abs: f64) -> Fmt {
        let (div, mag) = match unit {
            Unit::Money(_) | Unit::Shares => magnitude(max_abs),
            _ => (1.0, ""),
        };
        Fmt { unit, div, mag }
    }

    /// The unit as an axis caption: "$M", "¥B", "%", "M shares".
    pub(crate) fn axis(&self) -> String {
        match self.unit {
            Unit::Money(c) => money_prefix(c, self.mag),
            Unit::PerShare(c) => format!("{}/share", c.symbol()),
            Unit::Shares => format!("{}shares", if self.mag.is_empty() { String::new() } else { format!("{} ", self.mag) }),
            other => other.to_string(),
        }
    }

    /// The value scaled to the axis ("32.1" for $32.1M on a $M axis).
    pub(crate) fn scaled(&self, v: f64) -> f64 {
        v / self.div
    }

    /// A scaled number with `dec` decimals and a proper minus sign.
    pub(crate) fn num(&self, v: f64, dec: usize) -> String {
        signed(self.scaled(v), dec)
    }

    /// A scaled number with up to one decimal (two below 1), trailing zeros trimmed.
    pub(crate) fn short(&self, v: f64) -> String {
        let x = self.scaled(v);
        let dec = match self.unit {
            Unit::PerShare(_) => 2,
            _ if x.abs() >= 1000.0 => 0,
            _ if x.abs() >= 1.0 || x == 0.0 => 1,
            _ => 2,
        };
        let s = signed(x, dec);
        if matches!(self.unit, Unit::PerShare(_)) {
            s
        } else {
            trim_zeros(s)
        }
    }

    /// The scaled number rounded to a whole one ("184" for $184.2M): the
    /// shortest a value label gets.
    pub(crate) fn whole(&self, v: f64) -> String {
        signed(self.scaled(v).round(), 0)
    }

    /// A value with its unit: "$32.1M", "58.2%", "149M shares".
    pub(crate) fn full(&self, v: f64) -> String {
        self.wrap(&self.short(v))
    }

    /// A range with its unit: "$33–35M", "58–60%".
    pub(crate) fn range(&self, lo: f64, hi: f64) -> String {
        self.wrap(&format!("{}–{}", self.short(lo), self.short(hi)))
    }

    fn wrap(&self, n: &str) -> String {
        let (sign, n) = match n.strip_prefix(MINUS) {
            Some(rest) => (MINUS.to_string(), rest),
            None => (String::new(), n),
        };
        match self.unit {
            Unit::Money(c) | Unit::PerShare(c) => {
                let sym = c.symbol();
                let sep = if sym.chars().count() > 1 { " " } else { "" };
                format!("{sign}{sym}{sep}{n}{}", self.mag)
            }
            Unit::Percent => format!("{sign}{n}%"),
            Unit::Bp => format!("{sign}{n} bp"),
            Unit::Pp => format!("{sign}{n} pp"),
            Unit::Days => format!("{sign}{n} days"),
            Unit::Shares => format!("{sign}{n}{} shares", self.mag),
            Unit::Times => format!("{sign}{n}x"),
        }
    }
}

fn magnitude(max_abs: f64) -> (f64, &'static str) {
    let m = if max_abs.is_finite() { max_abs.abs() } else { 0.0 };
    if m >= 1e12 {
        (1e12, "T")
    } else if m >= 1e9 {
        (1e9, "B")
    } else if m >= 1e6 {
        (1e6, "M")
    } else if m >= 1e4 {
        (1e3, "K")
    } else {
        (1.0, "")
    }
}

fn money_prefix(c: Currency, mag: &str) -> String {
    let sym = c.symbol();
    if sym.chars().count() > 1 && !mag.is_empty() {
        format!("{sym} {mag}")
    } else {
        format!("{sym}{mag}")
    }
}

/// `x` with `dec` decimals and a typographic minus.
pub(crate) fn signed(x: f64, dec: usize) -> String {
    if !x.is_finite() {
        return "n/a".to_string();
    }
    let s = format!("{:.*}", dec, x.abs());
    let zero = s.chars().all(|c| c == '0' || c == '.');
    if x < 0.0 && !zero {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

/// "+6.0%" style: an explicit sign on a change.
pub(crate) fn change(x: f64, dec: usize) -> String {
    let s = signed(x, dec);
    if s.starts_with(MINUS) || s == "n/a" || s.chars().all(|c| c == '0' || c == '.') {
        s
    } else {
        format!("+{s}")
    }
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The call's period as a title says it: "Q4 FY2023", "FY2023", "H2 CY2024".
pub(crate) fn call_label(p: &Period) -> String {
    let (prefix, year, part) = match *p {
        Period::Fiscal { year, part } => ("FY", year, part),
        Period::Calendar { year, part } => ("CY", year, part),
        Period::LongTerm => return "Long term".to_string(),
    };
    match part {
        Part::Year => format!("{prefix}{year}"),
        Part::Half(h) => format!("H{h} {prefix}{year}"),
        Part::Quarter(q) => format!("Q{q} {prefix}{year}"),
    }
}

/// How much of a period an x label says, from most to least: the whole
/// ("Q4 FY22"), the year cut to its digits ("Q4 '22"), or the part alone
/// ("Q4"), its year ("FY22") written once under its group of labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodForm {
    Full,
    Short,
    Part,
}

impl PeriodForm {
    /// The forms, longest first: a chart takes the first whose labels fit.
    pub(crate) const ALL: [PeriodForm; 3] = [PeriodForm::Full, PeriodForm::Short, PeriodForm::Part];
}

/// A period as an x label says it in `form`: "Q4 FY22", "Q4 '22", "Q4".
/// Years keep "FY23" in every form; the long term is "LT" when short.
pub(crate) fn period_label(p: &Period, form: PeriodForm) -> String {
    let (year, part) = match *p {
        Period::Fiscal { year, part } | Period::Calendar { year, part } => (year, part),
        Period::LongTerm => return if form == PeriodForm::Full { "Long term".into() } else { "LT".into() },
    };
    let head = match part {
        Part::Year => return p.short_label(),
        Part::Half(h) => format!("H{h}"),
        Part::Quarter(q) => format!("Q{q}"),
    };
    match form {
        PeriodForm::Full => p.short_label(),
        PeriodForm::Short => format!("{head} '{:02}", year.rem_euclid(100)),
        PeriodForm::Part => head,
    }
}

/// The year a [`PeriodForm::Part`] label leaves out ("FY22", "CY24"), which
/// the chart writes under the group; `None` for years and the long term.
pub(crate) fn period_year(p: &Period) -> Option<String> {
    let (prefix, year) = match *p {
        Period::Fiscal { year, part } if part != Part::Year => ("FY", year),
        Period::Calendar { year, part } if part != Part::Year => ("CY", year),
        _ => return None,
    };
    Some(format!("{prefix}{:02}", year.rem_euclid(100)))
}

/// "Credo · Q4 FY2023": the page's heading and the start of a chart's name
/// outside the chart ("Earnings call" when the company is unknown).
pub(crate) fn heading(facts: &Facts) -> String {
    let company = facts.company.trim();
    let mut out = if company.is_empty() { "Earnings call".to_string() } else { company.to_string() };
    if let Some(p) = &facts.call {
        out.push_str(" · ");
        out.push_str(&call_label(p));
    }
    out
}

/// "Credo · Q4 FY2023 — Revenue", leaving out what is unknown.
pub(crate) fn title(facts: &Facts, chart: &str) -> String {
    let mut who: Vec<String> = Vec::new();
    let company = facts.company.trim();
    if !company.is_empty() {
        who.push(company.to_string());
    }
    if let Some(p) = &facts.call {
        who.push(call_label(p));
    }
    if who.is_empty() {
        chart.to_string()
    } else {
        format!("{} — {chart}", who.join(" · "))
    }
}

/// A segment name for people: "product" → "Product", "ip" → "IP", "data_center" → "Data center".
pub(crate) fn segment_label(seg: &str) -> String {
    let words = seg.replace('_', " ");
    if words.chars().count() <= 3 {
        return case::upper_str(&words);
    }
    let mut c = words.chars();
    match c.next() {
        Some(first) => case::upper(first).chain(c).collect(),
        None => String::new(),
    }
}

/// A metric name for people: "gross_margin" → "Gross margin", "eps" → "EPS".
pub(crate) fn metric_label(metric: &str) -> String {
    match metric {
        "eps" => "EPS".to_string(),
        "ebitda" => "EBITDA".to_string(),
        "capex" => "Capex".to_string(),
        "sga_expense" => "SG&A expense".to_string(),
        "rd_expense" => "R&D expense".to_string(),
        "operating_expenses" => "Operating expenses".to_string(),
        "share_count" => "Share count".to_string(),
        "days_sales_outstanding" => "DSO".to_string(),
        m => {
            let words = m.replace('_', " ");
            let mut c = words.chars();
            match c.next() {
                Some(first) => case::upper(first).chain(c).collect(),
                None => String::new(),
            }
        }
    }
}

/// Shortens `s` to at most `max` characters with an ellipsis.
pub(crate) fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money_and_percent() {
        let f = Fmt::new(Unit::USD, 184.2e6);
        assert_eq!(f.axis(), "$M");
        assert_eq!(f.full(32.1e6), "$32.1M");
        assert_eq!(f.full(-8.5e6), "−$8.5M");
        assert_eq!(f.range(33e6, 35e6), "$33–35M");
        let y = Fmt::new(Unit::Money(Currency(*b"JPY")), 2.5e12);
        assert_eq!(y.axis(), "¥T");
        let c = Fmt::new(Unit::Money(Currency(*b"CHF")), 3e9);
        assert_eq!(c.axis(), "CHF B");
        assert_eq!(c.full(3e9), "CHF 3B");
        let p = Fmt::new(Unit::Percent, 60.0);
        assert_eq!(p.range(58.0, 60.0), "58–60%");
        assert_eq!(p.full(-26.4), "−26.4%");
        assert_eq!(Fmt::new(Unit::Shares, 149e6).full(149e6), "149M shares");
        assert_eq!(change(6.0, 1), "+6.0");
        assert_eq!(change(-0.04, 1), "−0.0".replace('−', ""));
    }

    #[test]
    fn names() {
        assert_eq!(segment_label("ip"), "IP");
        assert_eq!(segment_label("data_center"), "Data center");
        assert_eq!(metric_label("gross_margin"), "Gross margin");
        assert_eq!(call_label(&Period::quarter(2023, 4)), "Q4 FY2023");
        let facts = Facts { company: "Credo".into(), call: Some(Period::quarter(2023, 4)), ..Facts::default() };
        assert_eq!(title(&facts, "Revenue"), "Credo · Q4 FY2023 — Revenue");
        assert_eq!(title(&Facts::default(), "Revenue"), "Revenue");
    }
}
