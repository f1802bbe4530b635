//! The metric vocabulary: phrases that name a metric, and what units each takes.

use super::lex::{phrase_at, Tok, Token};
use super::number::Dim;

mod segment;
pub use segment::{business_subject, leading_segment, listed_names, listed_names_after, lower_part_after, opens_on_metric, opens_on_part, name_subject, name_word, proper_name, segment_name, segment_topic};
use segment::{same_units_before, segment_after, segment_before};

/// How a metric is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// An amount of money (revenue, cash, ...).
    Money,
    /// A ratio in percent (margins, mix).
    Ratio,
    /// Money per share (EPS, dividend).
    PerShare,
    /// Days.
    Days,
    /// A count of shares.
    Shares,
}

/// Phrase, metric, class, whether the phrase names a negative ("loss", "used").
const LEXICON: &[(&str, &str, Class, bool)] = &[
    ("revenue per available room", "revpar", Class::Money, false),
    ("cash flow used by operations", "operating_cash_flow", Class::Money, true),
    ("cash flow used in operations", "operating_cash_flow", Class::Money, true),
    ("cash used in operations", "operating_cash_flow", Class::Money, true),
    ("cash used by operations", "operating_cash_flow", Class::Money, true),
    ("cash used in operating activities", "operating_cash_flow", Class::Money, true),
    ("cash flow from operating activities", "operating_cash_flow", Class::Money, false),
    ("cash provided by operating activities", "operating_cash_flow", Class::Money, false),
    ("cash flow from operations", "operating_cash_flow", Class::Money, false),
    ("cash generated from operations", "operating_cash_flow", Class::Money, false),
    ("cash from operations", "operating_cash_flow", Class::Money, false),
    ("operating cash flow", "operating_cash_flow", Class::Money, false),
    ("free cash flow", "free_cash_flow", Class::Money, false),
    ("capital expenditures", "capex", Class::Money, false),
    ("capital expenditure", "capex", Class::Money, false),
    ("capital spending", "capex", Class::Money, false),
    ("capex", "capex", Class::Money, false),
    ("cash and cash equivalents", "cash", Class::Money, false),
    ("cash and equivalents", "cash", Class::Money, false),
    ("cash and investments", "cash", Class::Money, false),
    ("cash and short term investments", "cash", Class::Money, false),
    ("cash and current investments", "cash", Class::Money, false),
    ("cash and marketable securities", "cash", Class::Money, false),
    ("cash balance", "cash", Class::Money, false),
    ("cash position", "cash", Class::Money, false),
    ("accounts receivable", "accounts_receivable", Class::Money, false),
    ("receivables", "accounts_receivable", Class::Money, false),
    ("days sales outstanding", "days_sales_outstanding", Class::Days, false),
    ("DSO", "days_sales_outstanding", Class::Days, false),
    ("DSOs", "days_sales_outstanding", Class::Days, false),
    ("inventory", "inventory", Class::Money, false),
    ("inventories", "inventory", Class::Money, false),
    // A retailer's stock ("Merchandise inventories were $5.3 billion"), no part named "merchandise".
    ("merchandise inventory", "inventory", Class::Money, false),
    ("merchandise inventories", "inventory", Class::Money, false),
    ("weighted average share count", "share_count", Class::Shares, false),
    ("diluted share count", "share_count", Class::Shares, false),
    ("share count", "share_count", Class::Shares, false),
    ("shares outstanding", "share_count", Class::Shares, false),
    ("book value per share", "book_value_per_share", Class::PerShare, false),
    ("net earnings per diluted share", "eps", Class::PerShare, false),
    ("net earnings per share", "eps", Class::PerShare, false),
    ("net income per diluted share", "eps", Class::PerShare, false),
    ("net loss per diluted share", "eps", Class::PerShare, true),
    ("net loss per share", "eps", Class::PerShare, true),
    ("loss per diluted share", "eps", Class::PerShare, true),
    ("loss per share", "eps", Class::PerShare, true),
    ("earnings per diluted share", "eps", Class::PerShare, false),
    ("diluted earnings per share", "eps", Class::PerShare, false),
    ("DEPS", "eps", Class::PerShare, false),
    ("funds from operations per share", "ffo_per_share", Class::PerShare, false),
    ("funds from operations", "ffo_per_share", Class::PerShare, false),
    ("core FFO per share", "ffo_per_share", Class::PerShare, false),
    ("normalized FFO per share", "ffo_per_share", Class::PerShare, false),
    ("FFO per diluted share", "ffo_per_share", Class::PerShare, false),
    ("FFO per share", "ffo_per_share", Class::PerShare, false),
    ("AFFO per share", "affo_per_share", Class::PerShare, false),
    ("core FFO", "ffo_per_share", Class::PerShare, false),
    ("normalized FFO", "ffo_per_share", Class::PerShare, false),
    ("FFO", "ffo_per_share", Class::PerShare, false),
    ("AFFO", "affo_per_share", Class::PerShare, false),
    // Organic growth is a revenue change (the spec's basis `organic`): "organic growth was 11.5%".
    ("organic growth", "revenue", Class::Money, false),
    ("same store sales", "same_store_sales", Class::Money, false),
    ("same store revenue", "same_store_sales", Class::Money, false),
    ("comparable store sales", "same_store_sales", Class::Money, false),
    ("comparable sales", "same_store_sales", Class::Money, false),
    ("comp store sales", "same_store_sales", Class::Money, false),
    ("comp sales", "same_store_sales", Class::Money, false),
    ("comps", "same_store_sales", Class::Money, false),
    ("net interest income", "net_interest_income", Class::Money, false),
    ("assets under management", "aum", Class::Money, false),
    ("AUM", "aum", Class::Money, false),
    ("annual recurring revenue", "arr", Class::Money, false),
    ("ARR", "arr", Class::Money, false),
    ("backlog", "backlog", Class::Money, false),
    ("order backlog", "backlog", Class::Money, false),
    ("bookings", "bookings", Class::Money, false),
    ("new orders", "orders", Class::Money, false),
    ("order intake", "orders", Class::Money, false),
    ("orders", "orders", Class::Money, false),
    ("total deposits", "deposits", Class::Money, false),
    ("deposits", "deposits", Class::Money, false),
    ("total loans", "loans", Class::Money, false),
    ("segment profit", "operating_income", Class::Money, false),
    ("segment earnings", "operating_income", Class::Money, false),
    ("segment operating profit", "operating_income", Class::Money, false),
    ("earnings per share", "eps", Class::PerShare, false),
    ("net income per share", "eps", Class::PerShare, false),
    ("EPS", "eps", Class::PerShare, false),
    ("gross margin dollars", "gross_profit", Class::Money, false),
    ("gross profit margin", "gross_margin", Class::Ratio, false),
    ("gross margins", "gross_margin", Class::Ratio, false),
    ("gross margin", "gross_margin", Class::Ratio, false),
    ("gross profit", "gross_profit", Class::Money, false),
    ("operating profit margin", "operating_margin", Class::Ratio, false),
    ("operating margins", "operating_margin", Class::Ratio, false),
    ("operating margin", "operating_margin", Class::Ratio, false),
    ("EBIT margin", "operating_margin", Class::Ratio, false),
    ("EBIT", "operating_income", Class::Money, false),
    ("OI margin", "operating_margin", Class::Ratio, false),
    ("OI", "operating_income", Class::Money, false),
    ("net profit margin", "net_margin", Class::Ratio, false),
    ("net margin", "net_margin", Class::Ratio, false),
    ("net interest margin", "net_interest_margin", Class::Ratio, false),
    ("EBITDA margin", "ebitda_margin", Class::Ratio, false),
    ("combined ratio", "combined_ratio", Class::Ratio, false),
    ("return on equity", "return_on_equity", Class::Ratio, false),
    ("effective income tax rate", "tax_rate", Class::Ratio, false),
    ("effective tax rate", "tax_rate", Class::Ratio, false),
    ("income tax rate", "tax_rate", Class::Ratio, false),
    ("tax rate", "tax_rate", Class::Ratio, false),
    ("revenue mix", "revenue_mix", Class::Ratio, false),
    ("adjusted EBITDA", "ebitda", Class::Money, false),
    ("EBITDA", "ebitda", Class::Money, false),
    ("operating expenses", "operating_expenses", Class::Money, false),
    ("operating expense", "operating_expenses", Class::Money, false),
    ("operating costs", "operating_expenses", Class::Money, false),
    ("opex", "operating_expenses", Class::Money, false),
    ("research and development", "rd_expense", Class::Money, false),
    ("R&D", "rd_expense", Class::Money, false),
    ("SG&A", "sga_expense", Class::Money, false),
    ("operating income", "operating_income", Class::Money, false),
    ("operating profit", "operating_income", Class::Money, false),
    ("operating earnings", "operating_income", Class::Money, false),
    ("income from operations", "operating_income", Class::Money, false),
    ("operating loss", "operating_income", Class::Money, true),
    ("loss from operations", "operating_income", Class::Money, true),
    ("net income", "net_income", Class::Money, false),
    ("net profit", "net_income", Class::Money, false),
    ("net earnings", "net_income", Class::Money, false),
    ("net loss", "net_income", Class::Money, true),
    ("net written premiums", "net_written_premiums", Class::Money, false),
    ("net revenues", "revenue", Class::Money, false),
    ("net revenue", "revenue", Class::Money, false),
    ("net sales", "revenue", Class::Money, false),
    ("revenues", "revenue", Class::Money, false),
    ("revenue", "revenue", Class::Money, false),
    ("sales", "revenue", Class::Money, false),
    ("top line", "revenue", Class::Money, false),
    ("turnover", "revenue", Class::Money, false),
    // "returned $50 million through dividends and share repurchases": both together, neither alone.
    ("dividends and share repurchases", "shareholder_returns", Class::Money, false),
    ("dividends and stock repurchases", "shareholder_returns", Class::Money, false),
    ("dividends and repurchases", "shareholder_returns", Class::Money, false),
    ("dividends and buybacks", "shareholder_returns", Class::Money, false),
    ("dividends and share buybacks", "shareholder_returns", Class::Money, false),
    ("share repurchases and dividends", "shareholder_returns", Class::Money, false),
    ("stock repurchases and dividends", "shareholder_returns", Class::Money, false),
    ("repurchases and dividends", "shareholder_returns", Class::Money, false),
    ("buybacks and dividends", "shareholder_returns", Class::Money, false),
    // "contributed to shareholder returns of $1.5 billion": what went back to shareholders, all ways.
    ("shareholder returns", "shareholder_returns", Class::Money, false),
    ("capital returned to shareholders", "shareholder_returns", Class::Money, false),
    ("share buybacks and dividends", "shareholder_returns", Class::Money, false),
    ("dividends", "dividend", Class::Money, false),
    ("dividend", "dividend", Class::Money, false),
    ("share repurchases", "buyback", Class::Money, false),
    ("share repurchase", "buyback", Class::Money, false),
    ("buybacks", "buyback", Class::Money, false),
    ("buyback", "buyback", Class::Money, false),
    ("repurchased", "buyback", Class::Money, false),
    // Metrics outside the core list that calls of banks, insurers, REITs, hotels and
    // industrials report as key figures: kept under their own names.
    ("provision for credit losses", "provision_for_credit_losses", Class::Money, false),
    ("provision for loan losses", "provision_for_credit_losses", Class::Money, false),
    ("provision for loan and lease losses", "provision_for_credit_losses", Class::Money, false),
    ("credit loss provision", "provision_for_credit_losses", Class::Money, false),
    ("net charge offs", "net_charge_offs", Class::Money, false),
    ("net charge off", "net_charge_offs", Class::Money, false),
    ("total liquidity", "liquidity", Class::Money, false),
    ("available liquidity", "liquidity", Class::Money, false),
    ("liquidity", "liquidity", Class::Money, false),
    ("net debt", "net_debt", Class::Money, false),
    ("total debt", "debt", Class::Money, false),
    ("long term debt", "debt", Class::Money, false),
    ("same store NOI", "same_store_noi", Class::Money, false),
    ("same store net operating income", "same_store_noi", Class::Money, false),
    ("net operating income", "noi", Class::Money, false),
    ("NOI", "noi", Class::Money, false),
    ("RevPAR", "revpar", Class::Money, false),
    ("occupancy", "occupancy", Class::Ratio, false),
    ("gross written premiums", "premiums", Class::Money, false),
    ("net premiums earned", "premiums", Class::Money, false),
    ("premiums", "premiums", Class::Money, false),
    ("average selling price", "asp", Class::Money, false),
    ("ASP", "asp", Class::Money, false),
    ("tangible book value per share", "tangible_book_value_per_share", Class::PerShare, false),
    ("book value", "book_value", Class::Money, false),
    // A balance of what is yet to be earned: no revenue of the period.
    ("deferred revenue", "deferred_revenue", Class::Money, false),
    ("deferred revenues", "deferred_revenue", Class::Money, false),
    ("unearned revenue", "deferred_revenue", Class::Money, false),
    ("cost savings", "cost_savings", Class::Money, false),
    ("total expenses", "total_expenses", Class::Money, false),
    // Bare "earnings" beside an amount in dollars and cents ("adjusted earnings are expected to be
    // in the range of $1.70 to $1.90") is per share; beside millions it fits no per-share figure
    // (see the binder), and longer phrases ("net earnings", "operating earnings") come first.
    ("earnings", BARE_EARNINGS, Class::PerShare, false),
];

/// Metrics that are a balance at a point in time, not a flow over a period:
/// "cash of $1.2 billion at the end of 2020" is the year's closing balance,
/// its fourth quarter's end ([`at_year_end`]).
const BALANCES: &[&str] = &[
    "cash", "accounts_receivable", "days_sales_outstanding", "inventory", "debt", "net_debt", "liquidity", "book_value",
    "book_value_per_share", "tangible_book_value_per_share", "backlog", "deposits", "loans", "aum", "deferred_revenue",
];

/// Whether the metric is a balance ([`BALANCES`]).
pub fn is_balance(metric: &str) -> bool {
    BALANCES.contains(&metric)
}

/// The metric of bare "earnings": EPS, but only as a level in dollars and cents.
pub const BARE_EARNINGS: &str = "earnings";

/// Indices of the lexicon phrases that start with the word's first letter, in lexicon order.
fn by_first_letter(word: &str) -> &'static [usize] {
    static INDEX: std::sync::OnceLock<Vec<Vec<usize>>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut v = vec![Vec::new(); 27];
        for (n, (p, ..)) in LEXICON.iter().enumerate() {
            v[letter_slot(p)].push(n);
        }
        v
    });
    &index[letter_slot(word)]
}

fn letter_slot(s: &str) -> usize {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => (b.to_ascii_lowercase() - b'a') as usize,
        _ => 26,
    }
}

/// A metric named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Metric name.
    pub metric: &'static str,
    /// Unit class.
    pub class: Class,
    /// The phrase names a loss or an outflow.
    pub negative: bool,
    /// The segment named right before it ("product revenue"), if any.
    pub segment: Option<String>,
}

/// All metric mentions of a sentence, longest phrase first at each token.
pub fn mentions(t: &[Token<'_>]) -> Vec<MetricMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i].kind != Tok::Word {
            i += 1;
            continue;
        }
        let hit = per_share_metric(t, i).or_else(|| phrased_metric(t, i)).or_else(|| {
            by_first_letter(t[i].text).iter().find_map(|&n| {
                let (p, m, c, neg) = LEXICON[n];
                // "$2.4 billion in share repurchases and dividends of $704 million": two figures.
                let apart = |k: usize| m == "shareholder_returns" && p.contains(" and ") && t.get(k).is_some_and(|x| x.is_any(&["of", "totaling", "totalling", "were", "was"]));
                phrase_at(t, i, p).filter(|&k| !apart(k)).map(|k| (k, m, c, neg))
            })
        });
        // "same-restaurant sales", "same-property NOI": like-for-like, whatever the unit compared.
        let like_for_like = hit.is_some_and(|h| matches!(h.1, "revenue" | "noi")) && same_units_before(t, i);
        let hit = hit.map(|(k, metric, class, negative)| match metric {
            "revenue" if like_for_like => (k, "same_store_sales", class, negative),
            "noi" if like_for_like => (k, "same_store_noi", class, negative),
            _ => (k, metric, class, negative),
        });
        if let Some((k, metric, class, negative)) = hit {
            // "industry sales", "market revenue": someone else's figure; "sales
            // force", "revenue recognition": a metric word as a modifier.
            let external = (i.saturating_sub(3)..i).any(|j| t[j].is_any(EXTERNAL))
                || t.get(k).is_some_and(|x| x.is_any(MODIFIED))
                // "the judge recommended a $3.6 million revenue increase": a rate change asked
                // for or granted, not revenue reported.
                || metric == "revenue" && t.get(k).is_some_and(|x| x.is_any(&["requirement", "requirements"]))
                // "cost of sales", "costs of revenue": an expense.
                || metric == "revenue" && i >= 2 && t[i - 2].is_any(&["cost", "costs"]) && t[i - 1].is("of")
                || metric == "revenue" && t.get(k).is_some_and(|x| x.is_any(&["increase", "decrease", "increases", "decreases"])) && t[..i].iter().any(|x| x.is_any(PROPOSED))
                // "operating expenses as a percentage of net sales of 27.9%": a denominator.
                || {
                    // past "operating", "net", "total": "as a percent of operating revenues"
                    let mut j = i;
                    while j > 0 && j + 2 > i && t[j - 1].is_any(&["operating", "net", "total", "gross", "consolidated"]) {
                        j -= 1;
                    }
                    j >= 2 && t[j - 1].is("of") && (t[j - 2].is_any(&["percentage", "percent"]) || t[j - 2].sym('%'))
                };
            if !external {
                let segment = if like_for_like { segment_after(t, k) } else { segment_before(t, i).or_else(|| segment_after(t, k)) };
                // "Operating expenses as a percentage of net sales": the ratio, in percent.
                let share = t.get(k).filter(|x| x.is("as")).and_then(|_| ["as a percentage of", "as a percent of", "as a % of"].iter().find_map(|p| phrase_at(t, k, p)));
                let (metric, class, k) = match share {
                    Some(end) => match ratio_of(metric) {
                        Some(r) => (r, Class::Ratio, end),
                        None => (metric, class, k),
                    },
                    None => (metric, class, k),
                };
                out.push(MetricMention { first: i, last: k, metric, class, negative, segment });
            }
            i = k;
        } else {
            i += 1;
        }
    }
    out
}

/// The ratio to revenue of a money metric, where it has a name.
fn ratio_of(metric: &str) -> Option<&'static str> {
    Some(match metric {
        "operating_expenses" => "operating_expense_ratio",
        "sga_expense" => "sga_ratio",
        "rd_expense" => "rd_ratio",
        "capex" => "capex_ratio",
        "free_cash_flow" => "free_cash_flow_margin",
        "total_expenses" => "expense_ratio",
        _ => return None,
    })
}

/// Earnings per share in its many wordings: "diluted net operating earnings
/// per common share", "net income per diluted common share", "adjusted loss per
/// fully diluted share": qualifiers, an earnings word, "per", share qualifiers,
/// "share". Returns (index past it, metric, class, negative).
fn per_share_metric(t: &[Token<'_>], i: usize) -> Option<(usize, &'static str, Class, bool)> {
    const QUALIFIERS: &[&str] = &["diluted", "basic", "net", "operating", "adjusted", "core", "gaap", "non-gaap", "reported", "normalized", "comparable", "cash", "underlying", "recurring"];
    const EARNINGS: &[&str] = &["earnings", "income", "loss", "losses", "profit"];
    let mut k = i;
    while k < i + 4 && t.get(k).is_some_and(|x| x.is_any(QUALIFIERS) || x.sym('-')) {
        k += 1;
    }
    let word = t.get(k).filter(|x| x.is_any(EARNINGS))?;
    let negative = word.is_any(&["loss", "losses"]);
    let end = super::number::per_share_unit(t, k + 1)?;
    Some((end, "eps", Class::PerShare, negative))
}

/// Metrics said in more wordings than the lexicon lists: operating cash flow
/// as "cash [flow(s)] [provided | generated | used] by/from/in operating
/// activities (operations)" ("cash flow provided by operating activities",
/// "cash from operating activities"), book value per share per any share
/// ("book value per common share").
fn phrased_metric(t: &[Token<'_>], i: usize) -> Option<(usize, &'static str, Class, bool)> {
    if t[i].is("book") && t.get(i + 1).is_some_and(|x| x.is("value")) {
        return super::number::per_share_unit(t, i + 2).map(|end| (end, "book_value_per_share", Class::PerShare, false));
    }
    let mut k = i + 1;
    if !t[i].is("cash") {
        return None;
    }
    if t.get(k).is_some_and(|x| x.is_any(&["flow", "flows"])) {
        k += 1;
    }
    let used = t.get(k).is_some_and(|x| x.is("used"));
    if t.get(k).is_some_and(|x| x.is_any(&["provided", "generated", "used"])) {
        k += 1;
    }
    if !t.get(k).is_some_and(|x| x.is_any(&["by", "from", "in"])) {
        return None;
    }
    let end = phrase_at(t, k + 1, "operating activities").or_else(|| phrase_at(t, k + 1, "operations"))?;
    Some((end, "operating_cash_flow", Class::Money, used))
}

/// Modifiers that make a metric someone else's.
pub const EXTERNAL: &[&str] = &[
    "industry", "market", "markets", "retail", "dealer", "dealers", "customer", "customers", "customers'", "consumer",
    "competitor", "competitors", "peer", "peers", "analyst", "consensus", "street",
];

/// Nouns after which a metric word is only a modifier.
const MODIFIED: &[&str] = &[
    "force", "team", "teams", "motion", "motions", "cycle", "cycles", "people", "organization", "reps", "rep",
    "marketing", "pipeline", "channel", "channels", "process", "processes", "capacity", "leadership", "execution",
    "productivity", "tax", "taxes", "recognition", "opportunity", "opportunities", "synergies", "synergy",
    "visibility", "model", "models", "engine", "engines", "strategy", "headcount", "per", "multiple", "multiples",
    "target", "targets", "potential", "stream", "streams", "base", "contribution", "dollars", "weighted", "impact",
];

/// Verbs of a rate case: a revenue change asked for, recommended or granted.
const PROPOSED: &[&str] = &[
    "recommended", "recommends", "recommending", "proposed", "proposes", "proposing", "requested", "requests",
    "requesting", "authorized", "authorizes", "approved", "approves", "granted", "seeking", "seeks", "filed",
];

/// Whether a figure of `dim` can be a level of this class.
pub fn level_fits(class: Class, dim: Dim) -> bool {
    matches!(
        (class, dim),
        (Class::Money, Dim::Money { .. })
            | (Class::Ratio, Dim::Percent)
            | (Class::PerShare, Dim::PerShare(_) | Dim::Money { explicit: true, .. })
            | (Class::Days, Dim::Days)
            | (Class::Shares, Dim::Shares | Dim::Money { explicit: false, .. })
    )
}

/// Whether a figure of `dim` can be a change of this class.
pub fn change_fits(class: Class, dim: Dim) -> bool {
    matches!(
        (class, dim),
        (Class::Money | Class::PerShare | Class::Shares, Dim::Percent)
            | (Class::Money, Dim::Money { .. })
            | (Class::PerShare, Dim::PerShare(_) | Dim::Money { explicit: true, .. })
            | (Class::Ratio, Dim::Bp | Dim::Pp)
            | (Class::Days, Dim::Days)
            | (Class::Shares, Dim::Shares)
    )
}

#[cfg(test)]
mod tests {
    use super::super::lex::tokenize;
    use super::*;

    #[test]
    fn every_lexicon_metric_has_a_known_name() {
        use crate::facts::{CORE_METRICS, NAMED_METRICS};
        let unknown: Vec<&str> = LEXICON.iter().map(|l| l.1).filter(|m| *m != BARE_EARNINGS && !CORE_METRICS.contains(m) && !NAMED_METRICS.contains(m)).collect();
        assert_eq!(unknown, Vec::<&str>::new());
    }

        /// What a word right before a metric names: a part of the business, or
    /// only how much, when or how the figure went.
    #[test]
    fn words_before_a_metric() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Aerospace revenue grew.", "revenue", Some("aerospace")),
            ("Our Fixed Income revenues rose.", "revenue", Some("fixed_income")),
            ("Banking non-interest revenues decreased.", "revenue", Some("interest")),
            ("Statutory operating earnings increased.", "operating_income", Some("statutory")),
            // How much, when, how: no segment.
            ("We announced a $100 million share repurchase program.", "buyback", None),
            ("We will support a $2 billion revenue business.", "revenue", None),
            ("Our trailing 12-month EBITDA is a record.", "ebitda", None),
            ("We affirm our long-term EPS growth rate.", "eps", None),
            ("We expect a $15 billion-plus revenue company.", "revenue", None),
            ("We realized record high revenue.", "revenue", None),
            ("June occupancy was 83%.", "occupancy", None),
            ("Quarter four gross profit was up.", "gross_profit", None),
            ("We see flat to low single-digit organic growth.", "revenue", None),
            ("We expect 2021's effective tax rate to be 24%.", "tax_rate", None),
            ("The income tax rate for this quarter was 30%.", "tax_rate", None),
            // Like for like, whatever the unit compared.
            ("Same-restaurant sales declined 11.1%.", "same_store_sales", None),
            ("Same-center net operating income was down 33%.", "same_store_noi", None),
            ("Comparable brand revenue grew 16.9%.", "same_store_sales", None),
            ("We returned $50 million through dividends and share repurchases.", "shareholder_returns", None),
            ("We returned $400 million through share repurchases and dividends.", "shareholder_returns", None),
            ("We returned $2.4 billion in share repurchases and dividends of $704 million.", "dividend", None),
        ];
        // A rate change asked for or granted, a revenue requirement: no revenue figure.
        for s in ["The judge recommended a $3.6 million revenue increase.", "Every 50 basis points equates to $32 million in revenue requirement."] {
            assert!(mentions(&tokenize(s, 0, s.len())).iter().all(|m| m.metric != "revenue"), "{s}");
        }
        let s = "We reported a $5 million revenue increase.";
        assert!(mentions(&tokenize(s, 0, s.len())).iter().any(|m| m.metric == "revenue"));
        let s = "The Board approved a quarterly dividend increase of $0.15.";
        assert!(mentions(&tokenize(s, 0, s.len())).iter().any(|m| m.metric == "dividend"));
        for &(s, metric, segment) in cases {
            let t = tokenize(s, 0, s.len());
            let m = mentions(&t);
            let m = m.iter().find(|m| m.metric == metric).unwrap_or_else(|| panic!("{s}: no {metric} in {m:?}"));
            assert_eq!(m.segment.as_deref(), segment, "{s}");
        }
    }

    #[test]
    fn finds_metrics_and_segments() {
        let s = "Product revenue grew while our IP gross margin was high and cash flow used by operations fell; Total operating expenses rose.";
        let t = tokenize(s, 0, s.len());
        let m: Vec<(&str, Option<String>, bool)> = mentions(&t).into_iter().map(|m| (m.metric, m.segment, m.negative)).collect();
        assert_eq!(
            m,
            [
                ("revenue", Some("product".into()), false),
                ("gross_margin", Some("ip".into()), false),
                ("operating_cash_flow", None, true),
                ("operating_expenses", None, false),
            ]
        );
        let s = "Our IT business generated $5.7 million of revenue in Q4.";
        assert_eq!(business_subject(&tokenize(s, 0, s.len())), Some(("it".to_string(), false)));
        assert_eq!(segment_name("Data Center"), "data_center");
    }
}
