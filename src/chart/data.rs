//! Picking the facts a chart shows and writing numbers and names for people.


use crate::case;
use crate::facts::{Currency, Fact, Facts, Kind, Measure, Part, Period, Unit};
use crate::i18n::{self, t, tf, K};

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
    /// Chinese: 萬 and 億 instead of K, M, B; currencies by name ("億美元").
    zh: bool,
}

/// The minus sign used in labels.
const MINUS: char = '−';

impl Fmt {
    /// A format for `unit` that suits values up to `max_abs`.
    pub(crate) fn new(unit: Unit, max_abs: f64) -> Fmt {
        let zh = i18n::zh();
        let (div, mag) = match unit {
            Unit::Money(_) | Unit::Shares => magnitude(max_abs, if zh { MAGNITUDES_ZH } else { MAGNITUDES }),
            _ => (1.0, ""),
        };
        Fmt { unit, div, mag, zh }
    }

    /// The unit as an axis caption: "$M", "¥B", "%", "M shares".
    pub(crate) fn axis(&self) -> String {
        if self.zh {
            return match self.unit {
                Unit::Money(c) => format!("{}{}", self.mag, currency_zh(c)),
                Unit::PerShare(c) => format!("{}/股", currency_zh(c)),
                Unit::Shares => format!("{}股", self.mag),
                Unit::Bp => "基點".into(),
                Unit::Pp => "百分點".into(),
                Unit::Days => "天".into(),
                Unit::Times => "倍".into(),
                other => other.to_string(),
            };
        }
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
        let s = signed(self.scaled(v), dec);
        if self.zh {
            group(&s)
        } else {
            s
        }
    }

    /// A scaled number with up to one decimal (two below 1), trailing zeros trimmed.
    pub(crate) fn short(&self, v: f64) -> String {
        let x = self.scaled(v);
        if self.zh && matches!(self.unit, Unit::Money(_) | Unit::Shares) {
            // About four significant digits, as 184.2M is 1.842 億 and 32.1M 3,210 萬.
            let dec = match x.abs() {
                a if a >= 1000.0 || x == 0.0 => 0,
                a if a >= 100.0 => 1,
                a if a >= 10.0 => 2,
                _ => 3,
            };
            return group(&trim_zeros(signed(x, dec)));
        }
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
        if matches!(self.unit, Unit::PerShare(_)) {
            // "$5.50" rounded is "6", another figure: EPS keeps its cents.
            return self.short(v);
        }
        let x = self.scaled(v);
        if self.zh {
            // 億 are large: "1.8" keeps what "184" keeps of $184.2M.
            return group(&if x.abs() < 10.0 { trim_zeros(signed(x, 1)) } else { signed(x.round(), 0) });
        }
        signed(x.round(), 0)
    }

    /// A value with its unit: "$32.1M", "58.2%", "149M shares".
    pub(crate) fn full(&self, v: f64) -> String {
        if let Some(f) = self.own_magnitude(v.abs()) {
            return f.full(v);
        }
        self.wrap(&self.short(v))
    }

    /// A range with its unit: "$33–35M", "58–60%".
    pub(crate) fn range(&self, lo: f64, hi: f64) -> String {
        if let Some(f) = self.own_magnitude(lo.abs().max(hi.abs())) {
            return f.range(lo, hi);
        }
        self.wrap(&format!("{}–{}", self.short(lo), self.short(hi)))
    }

    /// In Chinese an amount with its unit is written in its own magnitude
    /// ("3,210 萬美元" on a 億美元 axis, as the media write it): the format
    /// for that, when it is not this one's.
    fn own_magnitude(&self, abs: f64) -> Option<Fmt> {
        if !self.zh || !matches!(self.unit, Unit::Money(_) | Unit::Shares) || !abs.is_finite() {
            return None;
        }
        let (div, mag) = magnitude(abs, MAGNITUDES_ZH_VALUE);
        (mag != self.mag).then_some(Fmt { div, mag, ..self.clone() })
    }

    fn wrap(&self, n: &str) -> String {
        let (sign, n) = match n.strip_prefix(MINUS) {
            Some(rest) => (MINUS.to_string(), rest),
            None => (String::new(), n),
        };
        if self.zh {
            let mag = self.mag;
            return match self.unit {
                Unit::Money(c) => format!("{sign}{n} {mag}{}", currency_zh(c)),
                Unit::PerShare(c) => format!("每股 {sign}{n} {}", currency_zh(c)),
                Unit::Percent => format!("{sign}{n}%"),
                Unit::Bp => format!("{sign}{n} 個基點"),
                Unit::Pp => format!("{sign}{n} 個百分點"),
                Unit::Days => format!("{sign}{n} 天"),
                Unit::Shares => format!("{sign}{n} {mag}股"),
                Unit::Times => format!("{sign}{n} 倍"),
            };
        }
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

/// Magnitudes, largest first: from what size on, the divisor, the word.
type Magnitudes = [(f64, f64, &'static str)];

/// English: T, B, M, and K from 10⁴.
const MAGNITUDES: &Magnitudes = &[(1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "K")];

/// Chinese axes: 兆 (10¹²), 億 (10⁸; from 0.1 億, so an axis up to 5,440 萬
/// reads 0–0.6 億美元 with short tick labels), 萬 (10⁴).
const MAGNITUDES_ZH: &Magnitudes = &[(1e12, 1e12, "兆"), (1e7, 1e8, "億"), (1e4, 1e4, "萬")];

/// Chinese amounts written out, each in its own magnitude ("3,210 萬").
const MAGNITUDES_ZH_VALUE: &Magnitudes = &[(1e12, 1e12, "兆"), (1e8, 1e8, "億"), (1e4, 1e4, "萬")];

/// The divisor and word for values up to `max_abs`.
fn magnitude(max_abs: f64, mags: &Magnitudes) -> (f64, &'static str) {
    let m = if max_abs.is_finite() { max_abs.abs() } else { 0.0 };
    mags.iter().find(|(from, _, _)| m >= *from).map_or((1.0, ""), |&(_, div, word)| (div, word))
}

/// A currency as Taiwanese media name it after an amount ("美元"; a
/// Taiwanese company's 新台幣 is "元"), else its code.
fn currency_zh(c: Currency) -> String {
    const NAMES: [(&[u8; 3], &str); 12] = [
        (b"USD", "美元"),
        (b"TWD", "元"),
        (b"EUR", "歐元"),
        (b"JPY", "日圓"),
        (b"CNY", "人民幣"),
        (b"GBP", "英鎊"),
        (b"HKD", "港元"),
        (b"KRW", "韓元"),
        (b"CHF", "瑞士法郎"),
        (b"CAD", "加幣"),
        (b"AUD", "澳幣"),
        (b"INR", "印度盧比"),
    ];
    NAMES.iter().find(|(code, _)| **code == c.0).map_or(c.as_str(), |(_, name)| name).to_string()
}

/// Thousands separators in a number's whole part: "3210.5" → "3,210.5".
fn group(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix(MINUS) {
        Some(r) => (MINUS.to_string(), r),
        None => (String::new(), s),
    };
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = sign;
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
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
    let s = crate::decimal::fixed(x.abs(), dec);
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
    if i18n::zh() {
        return zh_label(p);
    }
    let (prefix, year, part) = match *p {
        Period::Fiscal { year, part } => ("FY", year, part),
        Period::Calendar { year, part } => ("CY", year, part),
        Period::LongTerm => return t(K::PeriodLongTerm).to_string(),
    };
    match part {
        Part::Year => format!("{prefix}{year}"),
        Part::Half(h) => format!("H{h} {prefix}{year}"),
        Part::Quarter(q) => format!("Q{q} {prefix}{year}"),
    }
}

/// A period as Taiwanese financial media write it: "2024 財年第一季",
/// "2024 財年上半年", "2024 財年", a calendar period "2024 年第一季".
fn zh_label(p: &Period) -> String {
    let (year, part, unit) = match *p {
        Period::Fiscal { year, part } => (year, part, " 財年"),
        Period::Calendar { year, part } => (year, part, " 年"),
        Period::LongTerm => return t(K::PeriodLongTerm).to_string(),
    };
    let tail = match part {
        Part::Year => "",
        Part::Half(1) => "上半年",
        Part::Half(_) => "下半年",
        Part::Quarter(1) => "第一季",
        Part::Quarter(2) => "第二季",
        Part::Quarter(3) => "第三季",
        Part::Quarter(_) => "第四季",
    };
    format!("{year}{unit}{tail}")
}

/// A period in running text and element labels: "Q4 FY23" (English), "2023 財年第四季" (Chinese).
pub(crate) fn period_text(p: &Period) -> String {
    if i18n::zh() {
        zh_label(p)
    } else {
        p.short_label()
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
        Period::LongTerm => return if form == PeriodForm::Full { t(K::PeriodLongTerm).into() } else { t(K::PeriodLt).into() },
    };
    if i18n::zh() {
        // "2024 財年第一季", then "FY24 Q1", then "Q1" with "FY24" under its group.
        let head = match part {
            Part::Year if form == PeriodForm::Full => return zh_label(p),
            Part::Year => return p.short_label(),
            Part::Half(h) => format!("H{h}"),
            Part::Quarter(q) => format!("Q{q}"),
        };
        return match form {
            PeriodForm::Full => zh_label(p),
            PeriodForm::Short => format!("{} {head}", period_year(p).unwrap_or_default()),
            PeriodForm::Part => head,
        };
    }
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
    let mut out = if company.is_empty() { t(K::HeadingUnknown).to_string() } else { company.to_string() };
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

/// A metric name for people: "gross_margin" → "Gross margin", "eps" →
/// "EPS"; in Chinese "毛利率", "每股盈餘" (the catalogue's names; a name it
/// does not know, the call's own words, is written as in English).
pub(crate) fn metric_label(metric: &str) -> String {
    if let Some(k) = metric_key(metric) {
        return t(k).to_string();
    }
    let words = metric.replace('_', " ");
    let mut c = words.chars();
    match c.next() {
        Some(first) => case::upper(first).chain(c).collect(),
        None => String::new(),
    }
}

/// The catalogue's name of a metric the charts know by name.
fn metric_key(metric: &str) -> Option<K> {
    Some(match metric {
        "revenue" => K::MetricRevenue,
        "gross_margin" => K::MetricGrossMargin,
        "operating_margin" => K::MetricOperatingMargin,
        "net_margin" => K::MetricNetMargin,
        "gross_profit" => K::MetricGrossProfit,
        "operating_income" => K::MetricOperatingIncome,
        "net_income" => K::MetricNetIncome,
        "eps" => K::MetricEps,
        "ebitda" => K::MetricEbitda,
        "capex" => K::MetricCapex,
        "sga_expense" => K::MetricSgaExpense,
        "rd_expense" => K::MetricRdExpense,
        "operating_expenses" => K::MetricOperatingExpenses,
        "share_count" => K::MetricShareCount,
        "days_sales_outstanding" => K::MetricDaysSalesOutstanding,
        "free_cash_flow" => K::MetricFreeCashFlow,
        "operating_cash_flow" => K::MetricOperatingCashFlow,
        "cash" => K::MetricCash,
        "inventory" => K::MetricInventory,
        "accounts_receivable" => K::MetricAccountsReceivable,
        "dividend" => K::MetricDividend,
        "buyback" => K::MetricBuyback,
        "revenue_mix" => K::MetricRevenueMix,
        "orders" => K::MetricOrders,
        "backlog" => K::MetricBacklog,
        "bookings" => K::MetricBookings,
        "arr" => K::MetricArr,
        "aum" => K::MetricAum,
        "net_interest_income" => K::MetricNetInterestIncome,
        "net_interest_margin" => K::MetricNetInterestMargin,
        "loans" => K::MetricLoans,
        "deposits" => K::MetricDeposits,
        "ffo_per_share" => K::MetricFfoPerShare,
        "affo_per_share" => K::MetricAffoPerShare,
        "same_store_sales" => K::MetricSameStoreSales,
        "combined_ratio" => K::MetricCombinedRatio,
        "ebitda_margin" => K::MetricEbitdaMargin,
        "tax_rate" => K::MetricTaxRate,
        "asp" => K::MetricAsp,
        "book_value" => K::MetricBookValue,
        "book_value_per_share" => K::MetricBookValuePerShare,
        "tangible_book_value_per_share" => K::MetricTangibleBookValuePerShare,
        "cost_savings" => K::MetricCostSavings,
        "debt" => K::MetricDebt,
        "net_debt" => K::MetricNetDebt,
        "liquidity" => K::MetricLiquidity,
        "net_charge_offs" => K::MetricNetChargeOffs,
        "provision_for_credit_losses" => K::MetricProvisionForCreditLosses,
        "net_written_premiums" => K::MetricNetWrittenPremiums,
        "premiums" => K::MetricPremiums,
        "noi" => K::MetricNoi,
        "same_store_noi" => K::MetricSameStoreNoi,
        "occupancy" => K::MetricOccupancy,
        "revpar" => K::MetricRevpar,
        "return_on_equity" => K::MetricReturnOnEquity,
        "total_expenses" => K::MetricTotalExpenses,
        "operating_expense_ratio" => K::MetricOperatingExpenseRatio,
        "sga_ratio" => K::MetricSgaRatio,
        "rd_ratio" => K::MetricRdRatio,
        "capex_ratio" => K::MetricCapexRatio,
        "free_cash_flow_margin" => K::MetricFreeCashFlowMargin,
        "expense_ratio" => K::MetricExpenseRatio,
        "shareholder_returns" => K::MetricShareholderReturns,
        "deferred_revenue" => K::MetricDeferredRevenue,
        _ => return None,
    })
}

/// A segment's metric: "Product revenue" ("Product 營收" in Chinese).
pub(crate) fn segment_metric(segment: &str, metric_name: &str) -> String {
    if i18n::zh() {
        tf(K::NameSegmentMetric, &[&segment_label(segment), metric_name])
    } else {
        format!("{} {}", segment_label(segment), case::lower_str(metric_name))
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

    /// Every metric the extractor names (the core and `NAMED_METRICS`; its
    /// lexicon's names are held to those two lists in `extract/metric.rs`)
    /// has a catalogue name, Chinese in Chinese (or an acronym such as
    /// EBITDA); a name the call's own words make is written as it reads.
    #[test]
    fn every_metric_the_extractor_names_has_a_chinese_label() {
        use crate::facts::{CORE_METRICS, NAMED_METRICS};
        use crate::i18n::{with, Lang};
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let acronym = |s: &str| s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let mut missing = Vec::new();
        for m in CORE_METRICS.iter().chain(NAMED_METRICS) {
            let zh = with(Lang::ZhTw, || metric_label(m));
            if metric_key(m).is_none() || !(cjk(&zh) || acronym(&zh)) {
                missing.push(format!("{m}: {zh:?}"));
            }
        }
        assert!(missing.is_empty(), "metrics with no Chinese label: {missing:?}");
        assert_eq!(with(Lang::ZhTw, || metric_label("tax_rate")), "稅率");
        assert_eq!(with(Lang::ZhTw, || metric_label("restructuring_charges")), "Restructuring charges");
    }

    /// The English of the named metrics is what the page wrote before they
    /// had catalogue names: their names as they read.
    #[test]
    fn named_metrics_read_in_english_as_before() {
        for m in crate::facts::NAMED_METRICS {
            let words = m.replace('_', " ");
            let before: String = words[..1].to_uppercase() + &words[1..];
            assert_eq!(metric_label(m), before, "{m}");
        }
    }
}
