//! The metric vocabulary: phrases that name a metric, and what units each takes.

use super::lex::{phrase_at, Tok, Token};
use super::number::Dim;

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

/// Words that qualify a metric without naming a segment.
const NOT_SEGMENTS: &[&str] = &[
    "total", "net", "gross", "the", "our", "a", "an", "its", "their", "this", "that", "record", "quarterly", "annual",
    "reported", "organic", "consolidated", "overall", "adjusted", "non", "gaap", "non-gaap", "core", "company", "group",
    "fiscal", "year", "quarter", "full", "first", "second", "third", "fourth", "q", "in", "of", "and", "for", "with",
    "to", "basic", "diluted", "weighted", "average", "ending", "sequential", "strong", "higher", "lower", "increased",
    "better", "solid", "same", "prior", "last", "comparable", "constant", "currency", "worldwide", "global", "we",
    "your", "my", "his", "her", "these", "those", "some", "all", "other", "more", "less", "new", "recurring", "expected",
    "guided", "implied", "underlying", "current", "cash", "operating", "quarter's", "year's", "company's", "while",
    "but", "as", "on", "at", "by", "from", "is", "was", "were", "be", "been", "record-high", "revenue", "sales", "business",
    "ending", "period", "i", "it's", "when", "where", "if", "so", "also", "total", "reported", "ttm", "trailing",
    "like", "top", "bottom", "line", "mix", "per", "share", "any", "each", "every", "both", "what", "which",
    "about", "around", "over", "under", "just", "only", "very", "much", "good", "great", "healthy", "robust",
    "continued", "further", "incremental", "additional", "significant", "meaningful", "lower-margin", "high-margin",
    "gaap-based", "us", "u.s", "domestic", "international", "here", "there", "then", "now", "segment's", "segment",
    "segments", "division's", "business's", "unit's", "group's", "continuing", "discontinued", "ongoing", "existing",
    "or", "nor", "versus", "vs", "than", "compared",
];

/// All metric mentions of a sentence, longest phrase first at each token.
pub fn mentions(t: &[Token<'_>]) -> Vec<MetricMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i].kind != Tok::Word {
            i += 1;
            continue;
        }
        let hit = per_share_metric(t, i).or_else(|| {
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
    "target", "targets", "potential", "stream", "streams", "base", "contribution", "dollars", "weighted",
];

/// Verbs of a rate case: a revenue change asked for, recommended or granted.
const PROPOSED: &[&str] = &[
    "recommended", "recommends", "recommending", "proposed", "proposes", "proposing", "requested", "requests",
    "requesting", "authorized", "authorizes", "approved", "approves", "granted", "seeking", "seeks", "filed",
];

/// Words that name a period, not a segment.
const PERIOD_WORDS: &[&str] = &[
    "q", "fy", "fiscal", "first", "second", "third", "fourth", "quarter", "year", "full", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "h", "cy",
    "calendar", "slide", "page", "i", "we", "gaap", "non-gaap",
];

/// A segment name: capitalised words joined by "and"/"&" ("Production and Precision Ag", "Data Center").
/// Returns (name, index past it).
pub fn proper_name(t: &[Token<'_>], i: usize) -> Option<(String, usize)> {
    let mut k = i;
    while t.get(k).is_some_and(|x| x.is_any(&["the", "our"])) {
        k += 1;
    }
    let start = k;
    let mut words: Vec<&str> = Vec::new();
    while let Some(x) = t.get(k) {
        let cap = x.kind == Tok::Word
            && x.text.starts_with(|c: char| c.is_uppercase())
            && !x.is_any(PERIOD_WORDS)
            && !x.is_any(&["USD", "EUR", "JPY", "GBP", "RMB", "INR", "US", "U.S", "Constant", "Currency", "GAAP"]);
        let joiner = x.is_any(&["and", "&"]) && !words.is_empty()
            // "E-Systems": a hyphen inside a name.
            || x.sym('-') && !words.is_empty() && t[k - 1].end == x.start && t.get(k + 1).is_some_and(|n| n.start == x.end);
        if cap || joiner && t.get(k + 1).is_some_and(|n| n.kind == Tok::Word && n.text.starts_with(|c: char| c.is_uppercase())) {
            words.push(x.text);
            k += 1;
        } else {
            break;
        }
        if words.len() > 5 {
            return None;
        }
    }
    if words.is_empty() || k == start {
        return None;
    }
    Some((segment_name(&words.join(" ")), k))
}

/// "net sales for the Equipment Operations", "revenue from the Data Center segment".
fn segment_after(t: &[Token<'_>], k: usize) -> Option<String> {
    if !t.get(k).is_some_and(|x| x.is_any(&["for", "from", "in", "of"])) {
        return None;
    }
    if let Some((name, _)) = proper_name(t, k + 1) {
        return Some(name);
    }
    if t[k].is("of") {
        return None;
    }
    // lower-case names need a noun that says so: "for equipment operations", "in our cloud segment".
    let mut j = k + 1;
    while t.get(j).is_some_and(|x| x.is_any(&["the", "our"])) {
        j += 1;
    }
    let words: Vec<&str> = t[j..t.len().min(j + 4)].iter().take_while(|x| x.kind == Tok::Word).map(|x| x.text).collect();
    let end = words.iter().position(|w| ["segment", "business", "division", "operations", "unit", "group"].contains(&w.to_ascii_lowercase().as_str()))?;
    if end == 0 {
        return None;
    }
    let name = &words[..=end];
    let keep: Vec<&str> = if ["segment", "business", "division", "unit"].contains(&name[end].to_ascii_lowercase().as_str()) { name[..end].to_vec() } else { name.to_vec() };
    if keep.iter().any(|w| NOT_SEGMENTS.iter().any(|s| w.eq_ignore_ascii_case(s)) || PERIOD_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s))) {
        return None;
    }
    (!keep.is_empty()).then(|| segment_name(&keep.join(" ")))
}

/// A figure-less sentence that moves the talk to a segment: "Let's start with
/// fourth quarter results for Production and Precision Ag", "Shifting focus to
/// Small Ag and Turf", "forecast for the Small Ag and Turf segment".
pub fn segment_topic(t: &[Token<'_>]) -> Option<String> {
    let cue = t.iter().any(|x| {
        x.is_any(&["results", "focus", "turning", "turn", "moving", "move", "shifting", "start", "starting", "beginning", "segment", "business", "forecast", "outlook", "division", "now", "next", "onto"])
    });
    if !cue {
        return None;
    }
    for (k, x) in t.iter().enumerate() {
        if x.is_any(&["for", "to", "with", "on", "onto"]) {
            if let Some((name, end)) = proper_name(t, k + 1) {
                // A person ("turn the call over to Jane Doe") is no segment.
                if t[..k].iter().any(|y| y.is_any(&["call", "over", "floor", "conference"])) {
                    continue;
                }
                let noun = t.get(end).is_some_and(|y| y.is_any(&["segment", "business", "division", "group"]));
                let results = t[..k].iter().any(|y| y.is_any(&["results", "focus", "forecast", "outlook"]))
                    || t[..k].iter().any(|y| y.is_any(&["turning", "shifting", "moving", "starting", "beginning"]))
                    // "Now to More Personal Computing."
                    || t.len() <= 8 && t[..k].iter().any(|y| y.is_any(&["now", "next"]));
                if noun || results {
                    return Some(name);
                }
            } else if t[k.saturating_sub(3)..k].iter().any(|y| y.is_any(&["move", "moving", "turning", "shifting", "focus"])) || x.is("onto") || t.len() <= 8 && t[..k].iter().any(|y| y.is_any(&["now", "next"])) {
                // "let's move now to our financial services operation"
                let mut j = k + 1;
                while t.get(j).is_some_and(|y| y.is_any(&["the", "our"])) {
                    j += 1;
                }
                let words: Vec<&Token<'_>> = t[j..t.len().min(j + 4)].iter().take_while(|y| y.kind == Tok::Word).collect();
                if let Some(e) = words.iter().position(|y| y.is_any(&["segment", "business", "division", "operation", "operations", "unit", "group"])) {
                    // "the tools group" keeps its noun; "the cloud segment" is "cloud".
                    let keep = if words[e].is("group") { e + 1 } else { e };
                    let name: Vec<&str> = words[..keep].iter().map(|y| y.text).collect();
                    if !name.is_empty() && words[..e].iter().all(|y| segment_word(y)) {
                        return Some(segment_name(&name.join(" ")));
                    }
                }
            }
        }
    }
    None
}

/// A sentence-leading segment, before the first comma: "For Production and
/// Precision Ag, net sales are forecast ...", "Moving to Aerospace, sales were
/// ...", "Beginning with Material Handling, net sales increased ...".
pub fn leading_segment(t: &[Token<'_>]) -> Option<String> {
    let comma = t.iter().position(|x| x.sym(','))?;
    let start = lead_in(&t[..comma])?;
    if !(1..=6).contains(&(comma - start)) {
        return None;
    }
    let words = &t[start..comma];
    // "In Corporate Finance & Restructuring, ...": an ampersand joins a name's words.
    let joins = |k: usize, x: &Token<'_>| x.sym('&') && k > 0 && k + 1 < words.len();
    if words.iter().enumerate().any(|(k, x)| !(x.kind == Tok::Word || joins(k, x)) || x.is_any(PERIOD_WORDS) || x.is_any(NOT_A_TOPIC)) {
        return None;
    }
    // "Turning to Gross Margin, ...": a metric is no segment.
    if (start..comma).any(|j| LEXICON.iter().any(|&(p, ..)| phrase_at(t, j, p).is_some())) {
        return None;
    }
    let mut k = start;
    while k < comma && t[k].is_any(&["the", "our"]) {
        k += 1;
    }
    let mut names: Vec<&str> = t[k..comma].iter().map(|x| x.text).collect();
    let noun = names.len() > 1 && names.last().is_some_and(|w| ["segment", "business", "division", "unit"].contains(&w.to_ascii_lowercase().as_str()));
    // A name in capitals, or one the text calls a segment ("within our seating segment").
    if k >= comma || !(noun || t[k..comma].iter().any(|x| x.text.starts_with(|c: char| c.is_uppercase()))) {
        return None;
    }
    if noun {
        names.pop();
    }
    Some(segment_name(&names.join(" ")))
}

/// Where the name starts in a sentence's opening words: after "For", "In",
/// "Within", "At", or after a turn of the talk ("Moving to", "Now turning to",
/// "Beginning with", "Looking at").
fn lead_in(t: &[Token<'_>]) -> Option<usize> {
    if t.first()?.is_any(&["for", "in", "within", "at"]) {
        return Some(1);
    }
    let mut k = 0;
    while t.get(k).is_some_and(|x| x.is_any(&["now", "next", "and", "so", "lastly", "finally", "then"])) {
        k += 1;
    }
    if !t.get(k)?.is_any(&["turning", "moving", "shifting", "beginning", "starting", "looking", "switching", "focusing", "transitioning", "onto"]) {
        return None;
    }
    k += 1;
    while t.get(k).is_some_and(|x| x.is_any(&["now", "on", "over", "next"])) {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.is_any(&["to", "with", "at"])) {
        k += 1;
    }
    // "Onto the tools group, ..." needs no preposition of its own.
    (k > 1 || t[0].is("onto")).then_some(k)
}

/// Opening words that are a topic of the talk but no part of the business.
const NOT_A_TOPIC: &[&str] = &[
    "this", "that", "addition", "summary", "particular", "general", "terms", "total", "fact", "short", "example",
    "closing", "conclusion", "aggregate", "contrast", "turn", "light", "balance", "sheet", "guidance", "outlook",
    "results", "question", "questions", "liquidity", "capital", "expenses", "taxes", "tax", "financials", "financial",
    "highlights", "details", "overview", "remarks", "comments", "consolidated", "company", "financials",
];

fn segment_word(tok: &Token<'_>) -> bool {
    segment_word_stem(tok)
        && !tok.text.ends_with("ly")
        && !tok.text.ends_with("ed")
        && !tok.text.ends_with("ing")
}

/// Words in "-ing" or "-ed" that describe a business without naming it.
const PARTICIPLES: &[&str] = &[
    "growing", "existing", "remaining", "underlying", "emerging", "ongoing", "continuing", "leading", "increasing",
    "declining", "evolving", "expanding", "recurring", "reporting", "acquired", "combined", "divested", "legacy",
    "established", "planned", "integrated", "diversified", "thriving", "booming", "struggling", "profitable",
];

/// A single word in capitals that may name a segment: "Industrial", not "Revenue" or "Q3".
pub fn name_word(tok: &Token<'_>) -> bool {
    tok.text.starts_with(|c: char| c.is_uppercase())
        && segment_word_stem(tok)
        && !tok.is_any(PERIOD_WORDS)
        && !LEXICON.iter().any(|&(p, ..)| tok.is(p))
}

/// A word that may be part of a segment's name, whatever its ending.
fn segment_word_stem(tok: &Token<'_>) -> bool {
    tok.kind == Tok::Word && tok.text.chars().all(|c| c.is_alphabetic() || c == '&' || c == '\'') && !NOT_SEGMENTS.iter().any(|w| tok.is(w))
}

/// The segment words right before a metric phrase: "Product revenue", "data center revenue".
fn segment_before(t: &[Token<'_>], i: usize) -> Option<String> {
    let mut words = Vec::new();
    let mut k = i;
    // "IMT segment revenue", "Cloud business revenue"
    if k > 1 && t[k - 1].is_any(&["segment", "business", "division", "segment's", "business's"]) && segment_word(&t[k - 2]) {
        k -= 1;
    }
    // "Material Handling adjusted operating income": a basis between a name in capitals and its metric.
    let capitals = k > 1 && t[k - 1].is_any(&["adjusted", "reported", "gaap", "non-gaap", "organic"]) && t[k - 2].text.starts_with(|c: char| c.is_uppercase());
    if capitals {
        k -= 1;
    }
    while k > 0 && words.len() < 2 {
        let tok = &t[k - 1];
        let capital = tok.text.starts_with(|c: char| c.is_uppercase());
        // Inside a sentence a word in capitals is a name, whatever its ending ("Material Handling").
        let name = segment_word(tok) || capital && k > 1 && segment_word_stem(tok);
        if !name || capitals && !capital || describes(tok, capital && k > 1) || !capital && modifier_tail(t, k - 1) {
            break;
        }
        words.push(tok.text);
        k -= 1;
    }
    if words.is_empty() {
        return None;
    }
    // "we currently expect revenue": a verb after a subject pronoun is no segment.
    while k > 0 && t[k - 1].kind == Tok::Word && (t[k - 1].text.ends_with("ly") || t[k - 1].is_any(&["now", "also", "still", "further", "again"])) {
        k -= 1;
    }
    if k > 0 && t[k - 1].is_any(&["we", "i", "they", "you", "he", "she", "who", "which", "that", "to", "will", "would", "should", "can", "could", "may", "might", "not"]) {
        return None;
    }
    words.reverse();
    Some(segment_name(&words.join(" ")))
}

/// "same-restaurant", "same property", "comparable-hotel" right before token `i`.
fn same_units_before(t: &[Token<'_>], i: usize) -> bool {
    let unit = |j: usize| t[j].kind == Tok::Word && t[j].text.chars().all(|c| c.is_ascii_alphabetic());
    match i {
        0 | 1 => false,
        _ if t[i - 2].is_any(&["same", "comparable"]) => unit(i - 1),
        _ => i >= 3 && t[i - 2].sym('-') && t[i - 3].is_any(&["same", "comparable"]) && unit(i - 1),
    }
}

/// Words before a metric that say how much, when or how it went, never which
/// part of the business: "$100 million share repurchase", "record high
/// revenue", "flat comp sales", "June occupancy", "quarter four gross profit".
const DESCRIBING: &[&str] = &[
    "million", "billion", "thousand", "trillion", "mln", "bln", "mm", "bn", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "flat", "favorable", "unfavorable", "largest", "biggest", "grew", "grow",
    "expect", "growth", "certain", "future", "excess", "digit", "digits", "half", "economic", "plus", "companywide",
    "company-wide", "operational", "high", "low", "record", "there", "through", "whole",
];

/// A word that describes a figure rather than naming a segment: a period word
/// ("June occupancy"), or, unless it is in capitals inside the sentence (a
/// name: "High Performance"), one of [`DESCRIBING`] or a lone letter ("2019's
/// gross profit").
fn describes(tok: &Token<'_>, in_capitals: bool) -> bool {
    tok.is_any(PERIOD_WORDS) || !in_capitals && (tok.is_any(DESCRIBING) || tok.text.chars().count() == 1)
}

/// The tail of a compound modifier, glued to what comes before: "12-month
/// EBITDA", "$15 billion-plus revenue", "long-term EPS", "pre-tax income",
/// "same-store sales".
/// "Non-interest revenues" keeps its word: the part of the revenue it names.
fn modifier_tail(t: &[Token<'_>], j: usize) -> bool {
    const PREFIXES: &[&str] = &[
        "pre", "post", "long", "short", "mid", "low", "high", "double", "single", "same", "multi", "year", "full", "half",
        "pass", "after", "self", "currency", "billion", "million", "per",
    ];
    let glued = |a: &Token<'_>, b: &Token<'_>| a.end == b.start;
    match j.checked_sub(1).map(|i| &t[i]) {
        Some(dash) if dash.sym('-') && glued(dash, &t[j]) => {
            j >= 2 && glued(&t[j - 2], dash) && (t[j - 2].kind == Tok::Num || t[j - 2].is_any(PREFIXES) || t[j - 2].sym('%'))
        }
        _ => false,
    }
}

/// "Data Center" -> "data_center".
pub fn segment_name(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        // "Production & Precision Ag" joins words; "C&I", "RS&I" are acronyms that keep it.
        // "Industrial's operating profit": the possessive is no part of the name.
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .map(|w| if w == "&" { "and".to_string() } else { crate::case::lower_str(w).replace(['\'', '’'], "") })
        .collect::<Vec<_>>()
        .join("_")
}

/// "Azure surpassed $75 billion in revenue": a proper name that is the
/// sentence's subject, unless it is the company itself.
pub fn name_subject(t: &[Token<'_>], company: &str) -> Option<String> {
    let mut k = 0;
    while t.get(k).is_some_and(|x| x.is_any(&["and", "but", "so", "also", "now"])) {
        k += 1;
    }
    let first = t.get(k)?;
    if first.is_any(&["we", "our", "the", "this", "that", "these", "in", "for", "it", "i", "as", "at", "on", "with", "total", "and", "revenue", "sales", "net", "gross", "operating", "free", "cash"]) {
        return None;
    }
    let (name, end) = proper_name(t, k)?;
    // "There is", "Record revenue": a word that names no part of the business.
    if (k..end).any(|j| LEXICON.iter().any(|&(p, ..)| phrase_at(t, j, p).is_some()) || t[j].is_any(DESCRIBING)) {
        return None;
    }
    let verb = t.get(end)?;
    let verbish = verb.is_any(&[
        "is", "was", "were", "grew", "surpassed", "reached", "generated", "delivered", "contributed", "posted", "had",
        "accounted", "represented", "totaled", "totalled", "increased", "decreased", "declined", "rose", "fell", "exceeded",
    ]);
    let company = segment_name(company);
    (verbish && !company.is_empty() && !name.starts_with(&company) && !company.starts_with(&name) || verbish && company.is_empty())
        .then_some(name)
}

/// A year in digits ("2020").
fn is_year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
}

/// "our IT business", "the Data Center segment": the sentence's business subject.
pub fn business_subject(t: &[Token<'_>]) -> Option<(String, bool)> {
    for (k, tok) in t.iter().enumerate() {
        // "Our economic consulting segment's revenues": the possessive names the segment too.
        let possessive = ["segment's", "segment’s", "division's", "division’s", "business's", "business’s"].iter().any(|p| tok.text.eq_ignore_ascii_case(p));
        if (possessive || tok.is_any(&["business", "segment", "division", "unit", "businesses", "segments", "products", "portfolio", "franchise"])) && k > 0 {
            let mut words = Vec::new();
            let mut j = k;
            // "game and network service segment": up to four words joined by "and"/"&".
            while j > 0 && words.len() < 4 {
                let w = &t[j - 1];
                let joiner = w.is_any(&["and", "&"]) && !words.is_empty() && j > 1 && segment_word(&t[j - 2]);
                // Right before its noun an "-ing" word is a name ("the seating segment", "our Trading segment").
                let named = j == k && segment_word_stem(w) && !w.is_any(PARTICIPLES);
                // "E-Systems": a hyphen inside a word.
                let hyphen = w.sym('-') && !words.is_empty() && j > 1 && t[j - 2].kind == Tok::Word && t[j - 2].end == w.start && w.end == t[j].start;
                if !(segment_word(w) || joiner || named || hyphen) {
                    break;
                }
                words.push(w.text);
                j -= 1;
            }
            if !words.is_empty() && j > 0 && t[j - 1].is_any(&["our", "the", "its", "is", "in", "for"]) {
                words.reverse();
                // "First is the game segment, ..." introduces a topic (near the start of the
                // sentence); "our IT business generated" is one subject.
                // "Next, the Intelligent Cloud segment." opens a topic too.
                let opening = j <= 3 && t[..j].iter().all(|x| x.kind != Tok::Num);
                // "Slide 17 explains the variance in the seating segment": a slide's number is no figure.
                // Nor is a year ("compared with the second quarter of 2020").
                let figure = t.iter().enumerate().any(|(i, x)| x.kind == Tok::Num && !is_year(x.text) && !(i > 0 && t[i - 1].is_any(&["slide", "slides", "page", "pages"])));
                // "As anticipated, our Boat segment results benefited the most.": a
                // figure-less sentence about a segment opens it for the next.
                // Its subject: said in the opening words, one segment ("across both the
                // coke and logistics segments" is none).
                let about = !figure && tok.is_any(&["segment", "division"]) && t[..j].iter().filter(|x| x.kind == Tok::Word).count() <= 4;
                let topic = about || opening && t[j - 1].is("the")
                    || (j <= 8 || !figure)
                    && (t[j - 1].is_any(&["is", "in", "for"]) || j > 1 && t[j - 2].is_any(&["is", "in", "for"])
                        // "in our E-Systems segment", not "for our mosquito control products".
                        && (t[j - 1].is("the") || t[j - 1].is("our") && tok.is_any(&["segment", "segments", "division"])));
                return Some((segment_name(&words.join(" ")), topic));
            }
        }
    }
    None
}

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
