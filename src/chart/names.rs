//! Names for people: the call's period in a title ("Q4 FY2023",
//! "2023 財年第四季"), a period as an x label says it in each [`PeriodForm`],
//! the heading and a chart's title, segment and metric names (the
//! catalogue's, Chinese in Chinese), and a name cut to fit.

use crate::case;
use crate::facts::{Facts, Part, Period};
use crate::i18n::{self, t, tf, K};

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
