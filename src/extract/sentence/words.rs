//! The words the binder reads around a figure: change, guidance, past tense,
//! comparison bases, parts and effects.

use super::super::lex::{self, phrase_at, Token};
use super::super::metric::MetricMention;
use super::super::number;
use super::super::period::{self, Mention, PeriodRef};
use crate::facts::{Measure, Part, Period};

pub(super) const CHANGE_UP: &[&str] = &[
    "up", "increased", "increase", "increases", "increasing", "grew", "grow", "growing", "growth", "rose", "risen", "rising",
    "improved", "improvement", "improving", "expanded", "expansion", "gained", "gain", "higher", "climbed", "jumped",
    "advanced", "doubled",
];
pub(super) const CHANGE_DOWN: &[&str] = &[
    "down", "decreased", "decrease", "decreases", "decreasing", "declined", "decline", "declines", "declining", "fell",
    "fall", "falling", "dropped", "drop", "lower", "contracted", "contraction", "reduced", "reduction", "shrank",
    "compressed", "compression", "deteriorated",
];
pub(super) const SKIP_BEFORE: &[&str] = &["by", "of", "a", "an", "approximately", "about", "roughly", "nearly", "just", "some", "around", "over", "almost", "more", "than", "another", "strong", "solid", "healthy", "significant", "modest", "slight", "slightly", "nice", "only"];
pub(super) const GUIDANCE_WORDS: &[&str] = &[
    "expect", "expects", "expecting", "anticipate", "anticipates", "anticipating", "forecast", "forecasting", "forecasts",
    "outlook", "guiding", "guide", "guidance", "project", "projecting", "projected", "projects", "sees", "target", "targeting",
    "raising", "reaffirm", "reaffirming", "reaffirms", "reiterate", "reiterating", "reiterates", "narrowing", "assumes",
    "assume", "assuming", "affirm", "affirming", "affirms", "updating", "revising", "planning", "anticipated",
    "forecasted", "estimate",
];
pub(super) const PAST: &[&str] = &[
    "was", "were", "delivered", "reported", "achieved", "generated", "came", "ended", "grew", "rose", "fell", "declined",
    "increased", "decreased", "exceeded", "outperformed", "totaled", "totalled", "posted", "recorded", "finished",
    "closed", "improved", "expanded", "contracted", "dropped", "earned", "doubled", "tripled", "jumped", "climbed", "surged",
];
/// Words that open, after a comma, a clause of its own after a figure: its
/// cause ("driven by ...", "due to ...", "which ..."), whose period is not a
/// reported figure's (a guided figure's outlook may still be dated there:
/// "..., reflecting our results for the entire fiscal year"); a new
/// statement ("but", "and we expect ...") dates neither.
pub(super) const CAUSE_TURNS: &[&str] = &[
    "driven", "due", "reflecting", "offset", "partially", "partly", "primarily", "mainly", "largely", "because", "which",
];
pub(super) const STATEMENT_TURNS: &[&str] = &["given", "while", "whereas", "but"];
/// Subjects that make "and" after a comma a new statement: ", and we expect ...".
pub(super) const NEW_SUBJECTS: &[&str] = &["we", "our", "they", "it", "this", "that", "given", "i"];
/// Words that make a figure a reference to an earlier outlook: "above the high end of our outlook range of $121 million".
pub(super) const OUTLOOK_REFS: &[&str] = &["outlook", "guidance", "expectations", "expectation", "consensus", "estimate", "estimates"];
/// Words before a change verb that are not its subject: "..., or up 10%", "EPS was up 10%".
pub(super) const NOT_SUBJECTS: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "been", "be", "or", "and", "also", "still", "it", "which", "that",
    "they", "both", "each", "all", "total", "overall", "respectively", "basis", "currency", "terms", "year", "quarter",
    "percent", "points", "million", "billion", "thousand", "but", "again", "then", "margin", "margins", "we", "i", "you",
    "our", "value", "values", "amount", "number", "figure", "level", "rate",
];
/// Nouns of a charge or an effect: its per-share amount is no EPS.
pub(super) const EFFECTS: &[&str] = &[
    "charge", "charges", "expense", "expenses", "cost", "costs", "write-down", "writedown", "impairment", "impairments",
    "gain", "gains", "benefit", "benefits", "adjustment", "adjustments", "amortization", "items", "item", "premium",
    "headwind", "tailwind", "impact", "credits", "credit",
];

/// Verbs of money moved: a clause they open has a subject of its own.
pub(super) const TRANSACTIONS: &[&str] = &[
    "returned", "spent", "paid", "repurchased", "bought", "invested", "acquired", "distributed", "deployed", "repaid",
    "borrowed", "issued", "funded", "allocated", "purchased", "return", "spend", "pay", "repurchase", "invest",
];
/// Words of a dividend declared ("declared", "we're declaring", "approved", "raising our dividend").
const DECLARED: &[&str] = &[
    "declared", "declaring", "approved", "authorized", "announced", "announce", "increased", "increasing", "raised",
    "raising", "reduced", "reinstated",
];

/// A word of declaration before the figure in its clause and no outlook verb
/// shortly before it or between ("we expect to increase our dividend by
/// around 20%", "we anticipate increasing our dividend by 5%" are guided).
pub(super) fn declared(t: &[Token<'_>], first: usize) -> bool {
    let start = t[..first].iter().rposition(|x| x.sym(';')).map_or(0, |k| k + 1);
    let Some(d) = (start..first).find(|&k| t[k].is_any(DECLARED)) else { return false };
    let guides = |x: &Token<'_>| x.is_any(GUIDANCE_WORDS) && !x.is_any(&["outlook", "guidance", "raising"]) || x.is_any(&["will", "would", "intend", "intends", "plan", "plans"]);
    !t[d.saturating_sub(8).max(start)..first].iter().any(guides)
}

pub(super) const HEDGES: &[&str] = &["generally", "typically", "historically", "usually", "normally", "hovers", "traditionally"];

pub(super) fn sign_of(tok: &Token<'_>) -> Option<f64> {
    if tok.is_any(CHANGE_UP) {
        Some(1.0)
    } else if tok.is_any(CHANGE_DOWN) {
        Some(-1.0)
    } else {
        None
    }
}

/// A change word right before the figure ("up 5%", "a decline of $10.7 million").
pub(super) fn change_before(t: &[Token<'_>], first: usize, floor: usize) -> Option<f64> {
    let mut k = first;
    let mut skipped = 0;
    while k > floor && skipped <= 3 {
        let tok = &t[k - 1];
        if let Some(s) = sign_of(tok) {
            return Some(s);
        }
        if tok.is_any(SKIP_BEFORE) {
            k -= 1;
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

/// Words that set a figure against another: "$8.3 million below last year".
pub(super) const COMPARATIVES: &[&str] = &["below", "above", "more", "less", "higher", "lower", "better", "worse", "ahead", "behind"];

fn is_currency(x: &Token<'_>) -> bool {
    x.sym('$') || x.sym('€') || x.sym('£')
}

/// A change noun right after the figure ("a 36% increase", "$8.3 million below last year").
pub(super) fn change_after(t: &[Token<'_>], last: usize, periods: &[Mention]) -> Option<f64> {
    let tok = t.get(last)?;
    // Against a figure: "$1.1 million or 26% higher than the $4 million", "$0.05 over a $0.08 performance".
    let figure_after = || (last + 1..(last + 5).min(t.len())).find(|&k| t[k].kind == lex::Tok::Num || is_currency(&t[k])).is_some_and(|k| {
        t[last + 1..k].iter().all(|x| x.is_any(&["than", "the", "a", "an", "our", "last", "year's", "prior", "prior-year", "adjusted", "reported"]) || is_currency(x))
    });
    if tok.is_any(COMPARATIVES) || tok.is("over") && figure_after() {
        // Only against a period or a figure: "below last year", not "above the high end of our range".
        let near = periods.iter().any(|m| m.first > last && m.first <= last + 4);
        let near = near || (last + 1..(last + 4).min(t.len())).any(|k| t[k].is_any(&["year", "quarter", "prior", "last"])) || figure_after();
        if !near {
            return None;
        }
        return Some(if tok.is_any(&["below", "less", "lower", "worse", "behind"]) { -1.0 } else { 1.0 });
    }
    if let Some(s) = sign_of(tok) {
        // "$0.97 down 10% year-over-year": a change word right before the next figure is that figure's.
        let next_figure = t.get(last + 1).is_some_and(|x| x.kind == lex::Tok::Num || x.sym('$') || x.sym('€') || x.sym('£'));
        return (!next_figure).then_some(s);
    }
    // "a 19% year-over-year revenue decline": past comparison and metric words, a change noun.
    let mut k = last;
    while k < t.len() && k < last + 6 {
        let x = &t[k];
        if x.is_any(&["increase", "decrease", "decline", "growth", "improvement", "drop", "reduction", "expansion", "contraction"]) {
            return sign_of(x);
        }
        let skippable = x.sym('-')
            || x.is_any(&["year", "over", "on", "quarter", "sequential", "organic", "reported", "total", "revenue", "sales", "margin", "gross", "operating", "net", "income", "expense", "expenses", "eps", "earnings"]);
        if !skippable {
            return None;
        }
        k += 1;
    }
    None
}

/// A change over more than a year, no change of the figure's period against
/// the one before: "a 11.3% increase on a two-year stack basis", "on a
/// 2-year basis, revenue grew 14%" (a compound annual rate is a rate a year:
/// "compound annual growth of 11% to 14%" stays).
/// Read in the figure's clause: up to a ",", ";" or "and" after it, back to
/// a ";" or "and" before it.
pub(super) fn over_years(t: &[Token<'_>], f: &number::Figure, lo: usize, hi: usize) -> bool {
    let stop = |x: &Token<'_>| x.sym(';') || x.is("and");
    let end = hi.min(f.last + 7);
    let end = (f.last..end).find(|&k| stop(&t[k]) || t[k].sym(',')).unwrap_or(end);
    let start = lo.max(f.first.saturating_sub(8));
    let start = (start..f.first).rev().find(|&k| stop(&t[k])).map_or(start, |k| k + 1);
    let years = |k: usize| {
        let n = |x: &Token<'_>| x.is("two") || x.kind == lex::Tok::Num && x.text == "2";
        t[k].is_any(&["stack", "stacked", "two-year", "2-year"])
            || t[k].is_any(&["year", "years"]) && k >= 1 && (n(&t[k - 1]) || t[k - 1].sym('-') && k >= 2 && n(&t[k - 2]))
    };
    (f.last..end).chain(start..f.first).any(years)
}

/// qoq/yoy markers: explicit words or a comparison period, the nearest
/// first ("between a 4% decline and a 1% increase from the prior year and
/// that means sales should be up sequentially" is year over year).
pub(super) fn comparison_in(t: &[Token<'_>], from: usize, to: usize, periods: &[Mention], fig_period: Option<Period>, call: Option<Period>) -> Option<Measure> {
    let to = to.min(t.len());
    let word = |k: usize| COMPARISON_WORDS.iter().find(|(p, _)| phrase_at(t, k, p).is_some()).map(|&(_, m)| m);
    let period = |k: usize| periods.iter().filter(|m| m.first == k).find_map(|m| comparison_of(t, m, fig_period, call));
    (from..to).find_map(|k| word(k).or_else(|| period(k)))
}

/// Words that say a change's comparison.
const COMPARISON_WORDS: &[(&str, Measure)] = &[
    ("sequentially", Measure::Qoq),
    ("sequential", Measure::Qoq),
    ("quarter over quarter", Measure::Qoq),
    ("quarter on quarter", Measure::Qoq),
    ("QoQ", Measure::Qoq),
    ("q/q", Measure::Qoq),
    ("year over year", Measure::Yoy),
    ("year on year", Measure::Yoy),
    ("yoy", Measure::Yoy),
    ("y/y", Measure::Yoy),
    ("annually", Measure::Yoy),
];

/// The comparison a period mention says: the quarter before, the year
/// before, or a base that is one of them for the figure's period.
fn comparison_of(t: &[Token<'_>], m: &Mention, fig_period: Option<Period>, call: Option<Period>) -> Option<Measure> {
    let prev_year_like = matches!(m.what, PeriodRef::PrevYear);
    if matches!(m.what, PeriodRef::PrevQuarter) {
        return Some(Measure::Qoq);
    }
    if prev_year_like && m.comparison || prev_year_like && t.get(m.first.wrapping_sub(1)).is_some_and(|x| x.is_any(&["below", "above", "than", "versus", "vs", "from", "over"])) {
        return Some(Measure::Yoy);
    }
    if m.comparison {
        let base = fig_period.or(call);
        let p = period::resolve(m.what, call, None, false);
        if let (Some(p), Some(b)) = (p, base) {
            if b.prev_quarter() == Some(p) {
                return Some(Measure::Qoq);
            }
            // "decreased $53.9 million from 2019 year-end" in a Q4 2020 call: a year back.
            if b.prev_year() == Some(p) || p.part() == Some(Part::Year) && b.is_quarter() && p.year_number().zip(b.year_number()).is_some_and(|(a, c)| a + 1 == c) {
                return Some(Measure::Yoy);
            }
        }
    }
    None
}

/// An earlier outlook named at `k`: "prior guidance", "previous forecast",
/// "our original outlook", "previously communicated", "we had previously
/// expected", "we used to guide to".
pub(super) fn old_outlook_at(t: &[Token<'_>], k: usize) -> bool {
    t[k].is_any(&["prior", "previous", "previously", "original", "originally", "earlier", "initial", "old"])
        && t.get(k + 1).is_some_and(|x| {
            x.is_any(&["guidance", "outlook", "forecast", "range", "expectation", "expectations", "guided", "communicated", "provided", "issued", "estimate", "expected", "forecasted", "anticipated", "projected"])
        })
        || used_to_guide(t, k)
}

/// "used to guide", "used to expect" (the verb at `k`): an outlook given once.
pub(super) fn used_to_guide(t: &[Token<'_>], k: usize) -> bool {
    k >= 2 && t[k].is_any(&["guide", "expect", "forecast", "target", "project"]) && t[k - 1].is("to") && t[k - 2].is("used")
}

/// A figure that is a part of another or an effect on a metric, not the
/// metric: "operating income was $22 million including $700,000 of costs",
/// "EPS of $3.82, including a $0.02 charge"; "production downtime reduced our
/// sales by approximately $300 million", "currency reduced operating income by
/// $3.5 million" (but "we grew revenue by 10%" is the company's own change).
pub(super) fn part_or_effect(t: &[Token<'_>], metrics: &[MetricMention], lo: usize, first: usize) -> bool {
    let k = opener(t, lo, first);
    if k > lo && t[k - 1].is_any(&["including", "included", "includes", "excluding", "excluded", "excludes"]) {
        return true;
    }
    if !(k > lo && t[k - 1].is("by")) {
        return false;
    }
    let by = k - 1;
    // "impacts our sales growth in the quarter by approximately 2%": a period may stand between.
    let Some(m) = metrics.iter().find(|m| m.first < by && m.last <= by && (m.first + 4 >= by || m.last + 5 >= by && t[m.last..by].iter().all(|x| x.is_any(&["growth", "in", "for", "the", "this", "quarter", "year", "period"]))) && m.first > lo) else {
        return false;
    };
    // "boosted both GAAP earnings per share and adjusted earnings per share by $0.32": past
    // the metrics it names, joined by "and", to the verb.
    let mut v = m.first;
    loop {
        if v > lo && t[v - 1].is_any(&["our", "the", "its", "total", "net", "both", "and", "gaap", "adjusted", "reported", "cash"]) {
            v -= 1;
        } else if let Some(other) = metrics.iter().find(|o| o.last == v && o.first > lo) {
            v = other.first;
        } else {
            break;
        }
    }
    if v == lo || !t[v - 1].is_any(EFFECT_VERBS) {
        return false;
    }
    let mut s = v - 1;
    while s > lo && t[s - 1].kind == lex::Tok::Word && t[s - 1].text.ends_with("ly") {
        s -= 1;
    }
    !(s > 0 && t[s - 1].is_any(&["we", "i", "they"]))
}

/// Whether the words from `from` to `to` join a figure to the one before as another item of
/// the same kind: "up from 34% in Q2 and 32.3% in Q3 of last year" (an "and", no clause break).
pub(super) fn and_joined(t: &[Token<'_>], from: usize, to: usize) -> bool {
    let gap = &t[from..to.max(from)];
    gap.len() <= 6 && gap.iter().any(|x| x.is("and")) && !gap.iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(PAST) || x.is_any(&["is", "are", "was", "were"]))
}

/// Where the words before a figure start, past "approximately", "a", ...
fn opener(t: &[Token<'_>], lo: usize, first: usize) -> usize {
    let mut k = past_approximation(t, lo, first);
    while k > lo && t[k - 1].is_any(&["a", "an"]) {
        k = past_approximation(t, lo, k - 1);
    }
    k
}

/// Whether the figure from `first` to `last` is what another figure reflects or overcomes:
/// "reflecting $7.5 million of acquisition-related sales", "overcoming 30 basis points of
/// unfavorable currency", "reflecting a 40% increase in homes delivered"; not a change of a
/// metric named after it ("reflecting a 5% increase in our quarterly dividend").
pub(super) fn explains(t: &[Token<'_>], metrics: &[MetricMention], lo: usize, first: usize, last: usize) -> bool {
    let k = opener(t, lo, first);
    let of_metric = t.get(last).is_some_and(|x| x.is_any(CHANGE_NOUNS)) && metrics.iter().any(|m| m.first > last && m.first <= last + 4);
    k > lo && t[k - 1].is_any(&["reflecting", "overcoming"]) && !of_metric
}

/// Nouns of an effect said right after its size: "a 100 basis point benefit to gross margin",
/// "140 basis points of negative gross margin impact", "$12 million of FX headwind".
pub(super) const EFFECT_NOUNS: &[&str] = &[
    "impact", "impacts", "benefit", "benefits", "headwind", "headwinds", "tailwind", "tailwinds", "drag", "hit", "translation",
];

/// Whether the figure ending at `last` is the size of an effect named right after it, in the
/// same clause: only "of", articles, adjectives of direction and the metric's words between.
/// (A per-share effect is named by what it is of: "a $0.30 per share impact from a goodwill
/// impairment" is `goodwill_impairment_per_share`.)
pub(super) fn effect_after(t: &[Token<'_>], last: usize, hi: usize) -> bool {
    // "$9.6 million of favorable foreign currency translation", "30 basis points of unfavorable currency".
    if last + 1 < hi && t[last].is("of") && t[last + 1].is_any(&["favorable", "unfavorable", "favourable", "unfavourable"]) {
        return true;
    }
    const BETWEEN: &[&str] = &[
        "of", "a", "negative", "positive", "favorable", "unfavorable", "favourable", "unfavourable", "net", "year-over-year",
        "sequential", "total", "gross", "operating", "margin", "margins", "revenue", "sales", "earnings", "fx",
        "currency", "foreign", "exchange", "tax", "pricing", "price", "cost", "eps", "per", "share",
    ];
    t[last..hi.min(last + 6)]
        .iter()
        .take_while(|x| x.is_any(BETWEEN) || x.is_any(EFFECT_NOUNS))
        .any(|x| x.is_any(EFFECT_NOUNS))
}

/// What drives a metric without being one: "yield improvement of 10%", "8% volume growth",
/// "a 7.8% decline in expenses".
const DRIVERS: &[&str] = &[
    "volume", "volumes", "price", "prices", "pricing", "mix", "yield", "yields", "traffic", "ticket", "units", "shipments",
    "tonnage", "headcount", "expenses", "costs", "spending", "transactions", "attendance", "occupancy", "utilization",
];
const CHANGE_NOUNS: &[&str] = &["improvement", "increase", "increases", "growth", "decline", "declines", "decrease", "decreases", "reduction", "gain", "gains", "drop"];

/// Whether the figure from `first` to `last` is the change of a driver named
/// beside its change noun, not of the metric in the sentence: "revenue grew
/// 9% on strong yield improvement of 10%", "driven by 8% volume growth", "a
/// 4% decline in revenues and a 7.8% decline in expenses". `in_metric` tells
/// the tokens that are part of a metric's name ("price per unit").
pub(super) fn driver_change(t: &[Token<'_>], first: usize, last: usize, in_metric: impl Fn(usize) -> bool) -> bool {
    let driver = |k: usize| t.get(k).is_some_and(|x| x.is_any(DRIVERS)) && !in_metric(k);
    let noun = |k: usize| t.get(k).is_some_and(|x| x.is_any(CHANGE_NOUNS));
    let before = first >= 3 && t[first - 1].is("of") && noun(first - 2) && driver(first - 3);
    // "Organic sales rose 10.6% volume gains in ...": a change verb before makes the figure its subject's.
    let verb_before = first > 0 && (t[first - 1].is_any(CHANGE_UP) || t[first - 1].is_any(CHANGE_DOWN));
    let after = !verb_before && driver(last) && noun(last + 1);
    let det = usize::from(t.get(last + 2).is_some_and(|x| x.is_any(&["the", "our", "its"])));
    let in_after = noun(last) && t.get(last + 1).is_some_and(|x| x.is_any(&["in", "of"])) && driver(last + 2 + det);
    // "1% is from price and 8% from volume".
    let is = usize::from(t.get(last).is_some_and(|x| x.is_any(&["is", "was", "came", "comes"])));
    let from_after = t.get(last + is).is_some_and(|x| x.is("from")) && driver(last + is + 1);
    before || after || in_after || from_after
}

/// Whether the figure is the size of a what-if move, not a figure of the period: "a $5 change in
/// oil impacting earnings by $0.03 per share", "every 1% move in the dollar".
pub(super) fn sensitivity(t: &[Token<'_>], lo: usize, first: usize, last: usize) -> bool {
    first > lo
        && t[first - 1].is_any(&["a", "every", "each"])
        && t.get(last).is_some_and(|x| x.is_any(&["change", "move", "movement", "swing", "shift"]))
}

/// Verbs of a driver acting on a metric: "downtime reduced our sales by"; or of a distance
/// from it: "funds from operations exceeded cash capital expenditures by $120 million".
pub(super) const EFFECT_VERBS: &[&str] = &[
    "reduced", "reduces", "reducing", "lowered", "lowering", "hurt", "hurting", "affected", "affecting", "benefited",
    "benefitted", "benefiting", "boosted", "boosting", "increased", "increasing", "decreased", "decreasing", "raised",
    "helped", "added", "adding", "pressured", "diluted", "offset", "lifted", "cut", "dampened", "weighed", "impacts",
    "impacted", "impacting", "impact", "exceeded", "exceeding", "surpassed", "outpaced",
];

/// Where the period of a comparison base starts when a few words stand between
/// it and the figure: "compared to $0.90 per share for the same quarter in
/// 2020", "compared to the just over $4 million of adjusted EBITDA achieved
/// in last year's strong second quarter", "from the $12.41 reported last
/// year". The words are the base's own: no clause ends between (a comma, "and",
/// "which", a subject or a verb of being), and no other figure (`hi`).
pub(super) fn base_period_after(t: &[Token<'_>], periods: &[Mention], last: usize, hi: usize) -> Option<usize> {
    let m = periods.iter().find(|m| m.first >= last && m.first <= last + 10 && m.first < hi)?;
    let between = &t[last..m.first];
    // "the $4 million we reported in the third quarter of 2023": a subject with its verb of the past is the base's.
    let ends = |(k, x): (usize, &Token<'_>)| {
        x.kind == lex::Tok::Num
            || x.kind == lex::Tok::Sym && !x.sym('\'') && !x.sym('’')
            || x.is_any(&["and", "but", "while", "which", "whereas", "as", "when", "is", "are", "was", "were", "be", "to"])
            || x.is_any(&["we", "it"]) && !between.get(k + 1).is_some_and(|v| v.is_any(PAST))
    };
    (!between.iter().enumerate().any(ends)).then_some(m.first)
}

/// Whether the figure whose words start at `pk` is a comparison base behind
/// qualifiers no period names: "compared to the just over $4 million",
/// "versus the adjusted $0.71" ([`base_before`] needs a period or a word of
/// the past among them). Not a change said against another ("compared to a
/// 14.6% decrease in the prior quarter"), which is a change of its own period.
pub(super) fn opens_base_behind(t: &[Token<'_>], lo: usize, pk: usize, last: usize) -> bool {
    if t.get(last).is_some_and(|x| sign_of(x).is_some()) {
        return false;
    }
    let mut k = pk;
    while k > lo && pk - k < 5 && t[k - 1].is_any(BASE_QUALIFIERS) {
        k -= 1;
    }
    // "$0.05 over a $0.08 performance": "over" before qualifiers opens a base ("over $585 million" is more than).
    opens_base(t, k) || k < pk && k > lo && t[k - 1].is("over")
}

/// Where the words before a figure at `first` start, past those that say it is
/// approximate ("nearly", "about", ...), no earlier than `lo`.
pub(super) fn past_approximation(t: &[Token<'_>], lo: usize, first: usize) -> usize {
    let mut k = first;
    while k > lo && t[k - 1].is_any(APPROXIMATELY) {
        k -= 1;
    }
    k
}

/// Words before a figure that say it is approximate.
pub(super) const APPROXIMATELY: &[&str] = &["nearly", "about", "approximately", "roughly", "almost", "around", "just", "over", "some", "under"];

/// A comparison base said with qualifiers before its figure at `pk` (no
/// earlier than `lo`): "from last year's adjusted $0.71", "over the prior-year
/// level of 58.4%", "from Q2's $11.2 million", "from the Q2 level of $32
/// million". Returns where the qualifiers start and the index in `periods`
/// of the period among them, if any.
pub(super) fn base_before(t: &[Token<'_>], periods: &[Mention], lo: usize, pk: usize) -> Option<(usize, Option<usize>)> {
    let in_period = |k: usize| periods.iter().any(|m| m.first <= k && k < m.last);
    // "Q2's" is "Q", "2", "'", "s".
    let apostrophe = |k: usize| t[k].sym('\'') || t[k].sym('’');
    let possessive = |k: usize| t[k].is("s") && k > 0 && apostrophe(k - 1) || apostrophe(k) && t.get(k + 1).is_some_and(|x| x.is("s"));
    let mut qk = pk;
    if qk >= lo + 2 && t[qk - 1].is("of") && t[qk - 2].is_any(&["level", "levels", "amount", "result", "figure", "performance", "total"]) {
        qk -= 2;
    }
    while qk > lo && pk - qk < 7 && (possessive(qk - 1) || in_period(qk - 1) || t[qk - 1].is_any(BASE_QUALIFIERS)) {
        qk -= 1;
    }
    let period = periods.iter().position(|m| m.first >= qk && m.last <= pk);
    let opener = qk > lo && (t[qk - 1].is_any(&["from", "versus", "vs", "over"]) || opens_base(t, qk));
    let past = t[qk..pk].iter().any(|x| x.is_any(&["last", "year's", "quarter's", "prior", "prior-year", "year-ago", "previous"]));
    (qk < pk && opener && (period.is_some() || past)).then_some((qk, period))
}

/// Words between a comparison's opener and its figure.
pub(super) const BASE_QUALIFIERS: &[&str] = &[
    "last", "year's", "quarter's", "the", "a", "prior", "prior-year", "year-ago", "adjusted", "reported", "gaap", "non-gaap",
    "same", "period's", "comparable", "our", "its", "an", "previous",
];

/// Whether the words right before the token at `k` make what starts there a
/// comparison base: "from", "versus", "against", "compared to/with" (not "range
/// from", which opens a range).
pub(super) fn opens_base(t: &[Token<'_>], k: usize) -> bool {
    opens_base_here(t, k) || {
        // "compared to net sales of $1.12 billion in 2019", "versus 2020 revenue of $476 million":
        // the base's metric (and year) before its figure.
        let mut j = k.saturating_sub(1);
        let of = k > 0 && t[k - 1].is("of");
        let word_or_year = |x: &Token<'_>| x.kind == lex::Tok::Word || x.kind == lex::Tok::Num && x.text.len() == 4;
        while of && j > 0 && k - 1 - j < 5 && word_or_year(&t[j - 1]) && !t[j - 1].is_any(&["to", "with", "from", "versus", "vs", "against", "of"]) {
            j -= 1;
        }
        // "versus adjusted third quarter 2023 operating margin of 8.7%": the base's basis before its period.
        while of && j > 0 && t[j - 1].is_any(&["adjusted", "reported", "gaap", "non-gaap", "comparable", "the", "a"]) {
            j -= 1;
        }
        // Not an earlier outlook: "unchanged from our previous forecast of $9.9 billion".
        let outlook = of && t[j..k - 1].iter().any(|x| x.is_any(OUTLOOK_REFS) || x.is_any(&["forecast", "range", "target", "previous", "prior"]))
            // nor a change ("compared to an organic revenue increase of 12%"), nor "from continuing operations of".
            || of && t[j..k - 1].iter().any(|x| x.is_any(&["increase", "decrease", "growth", "decline", "continuing", "discontinued", "operations"]));
        of && j < k - 1 && !outlook && opens_base_here(t, j)
    }
}

/// Whether the figure at `k` is an earlier period's, recalled after the one
/// reported: "following a 17.3% increase", "on top of a 20% gain", "lapping
/// a 30% decline", "followed by a 24.4% increase in Q2 of 2020" (said so of the
/// year before as well).
pub(super) fn recalls(t: &[Token<'_>], k: usize) -> bool {
    k >= 2 && t[k - 1].is_any(&["a", "an"])
        && (t[k - 2].is_any(&["following", "lapping", "cycling", "after"])
            || k >= 4 && t[k - 2].is("of") && t[k - 3].is("top") && t[k - 4].is("on")
            || k >= 3 && t[k - 2].is("by") && t[k - 3].is("followed"))
}

pub(super) fn opens_base_here(t: &[Token<'_>], k: usize) -> bool {
    k > 0 && t[k - 1].is_any(&["from", "versus", "vs", "against"]) && !number::ranging_from(t, k - 1)
        // "26% higher than the $4 million" (not "more than $50 million": the comparative follows a figure)
        || k >= 3 && t[k - 1].is("than") && t[k - 2].is_any(COMPARATIVES)
            && (t[k - 3].kind == lex::Tok::Num || t[k - 3].sym('%') || t[k - 3].is_any(&["million", "billion", "thousand", "percent", "points", "cents"]))
        || k >= 2 && t[k - 1].is_any(&["to", "with"]) && t[k - 2].is_any(&["compared", "compares", "comparison", "relative"])
}

/// Whether the sentence guides: "we expect", "is expected to be", "our outlook";
/// past tense (`past`: "revenue was $457 million, above our outlook range") reports
/// instead, and so do "better than expected", "as expected".
pub(super) fn speaks_of_guidance(t: &[Token<'_>], lower: &str, past: bool) -> bool {
    if past {
        return false;
    }
    let expected = t.iter().enumerate().any(|(k, x)| {
        x.is("expected") && !(k > 0 && (t[k - 1].is_any(&["than", "as", "what", "previously"]) || t[k - 1].sym('-')))
    });
    let estimated = (0..t.len()).any(|k| estimated_at(t, k));
    // "which we estimate would have been about 35.5%": a what-if, not an outlook.
    let what_if = |k: usize| t[k].is("estimate") && t[k + 1..].iter().take(2).any(|y| y.is("would"));
    t.iter().enumerate().any(|(k, x)| x.is_any(GUIDANCE_WORDS) && !what_if(k))
        || expected
        || estimated
        || lower.contains("our expectation for") && !lower.contains("than our expectation")
        || (0..t.len()).any(|k| revises_outlook(t, k))
        || lower.contains("we expect")
        || lower.contains("now see")
        || lower.contains("on track for") && !past
        || lower.contains("guidance for")
        || lower.contains("our guidance") && !lower.contains("guidance range")
}

/// A verb in the past tense at `k`: "revenue was", "we reported"; not
/// "reported diluted EPS", where "reported" names the basis, nor a revision of
/// the outlook ("we increased our guidance to").
pub(super) fn past_at(t: &[Token<'_>], k: usize) -> bool {
    let x = &t[k];
    if !x.is_any(PAST) || revises_outlook(t, k) {
        return false;
    }
    // "the full year ended December 31, 2019", "the three months ended": a date, not a report.
    if x.is("ended") && k > 0 && t[k - 1].is_any(&["year", "quarter", "months", "weeks", "period", "half"]) {
        return false;
    }
    // "on an as-reported basis": a basis;
    // "growth of 7% to 8% on a reported basis", "in reported terms": a basis too.
    if x.is("reported")
        && (k > 0 && (t[k - 1].is_any(&["as", "a", "an", "on"]) || t[k - 1].sym('-') && k > 1 && t[k - 2].is("as"))
            || t.get(k + 1).is_some_and(|n| n.is_any(&["basis", "terms"])))
    {
        return false;
    }
    // "which would have nearly doubled the volume", "will have doubled by 2025": said ahead.
    let mut j = k;
    while j > 0 && t[j - 1].is_any(&["nearly", "almost", "more", "than", "roughly", "about", "effectively"]) {
        j -= 1;
    }
    if j > 1 && t[j - 1].is("have") && t[j - 2].is_any(&["would", "will", "could", "should", "may", "might"]) {
        return false;
    }
    // "reported diluted EPS", "reported and adjusted EPS": a basis; "we reported adjusted EPS": a verb.
    let subject = k > 0 && (t[k - 1].is_any(&["we", "i", "they", "it", "company", "who", "which", "have", "has", "had", "also"])
        // "Sun reported core FFO per share of $2.11"
        || t[k - 1].kind == lex::Tok::Word && t[k - 1].text.starts_with(|c: char| c.is_uppercase()) && !t[k - 1].is_any(&["GAAP", "IFRS", "As"]));
    // "we earned $0.90 per share", not "net premiums earned".
    if x.is("earned") {
        return subject;
    }
    subject || !(x.is("reported") && t.get(k + 1).is_some_and(|n| n.is_any(&["diluted", "basic", "net", "eps", "earnings", "revenue", "revenues", "sales", "gross", "operating", "ebitda", "gaap", "adjusted", "growth", "organic", "core"]) || n.is("and") && t.get(k + 2).is_some_and(|m| m.is("adjusted"))))
}

/// "is estimated to be in the range of", "are currently estimated to increase": a guess at
/// what is to come, with "estimated" at `k` (not "our estimated industry decline").
pub(super) fn estimated_at(t: &[Token<'_>], k: usize) -> bool {
    t[k].is("estimated") && k > 0 && (t[k - 1].is_any(&["is", "are", "be"]) || k > 1 && t[k - 1].is_any(&["currently", "now", "still"]) && t[k - 2].is_any(&["is", "are", "be"]))
}

/// "we raised our full-year range to", "we've increased our guidance for EPS
/// to": a revision of the outlook at `k`, which speaks of what is to come.
pub(super) fn revises_outlook(t: &[Token<'_>], k: usize) -> bool {
    const OUTLOOKS: &[&str] = &["guidance", "outlook", "range", "forecast", "expectations", "expectation", "estimate", "estimates", "target", "targets"];
    t[k].is_any(&["raised", "increased", "revised", "updated", "narrowed", "lowered", "reduced", "tightened", "improved", "raise", "increase", "revise", "update", "narrow", "lower"])
        && (t[k + 1..t.len().min(k + 7)].iter().any(|y| y.is_any(OUTLOOKS))
            // "our full year earnings per share outlook is increased to", "guidance was raised to"
            || k >= 2 && t[k - 1].is_any(&["is", "was", "has", "been", "being"]) && t[k.saturating_sub(3)..k - 1].iter().any(|y| y.is_any(OUTLOOKS)))
}

pub(super) fn any_past(t: &[Token<'_>], from: usize, to: usize) -> bool {
    (from..to.min(t.len())).any(|k| past_at(t, k))
}

/// A guidance verb before the figure at `first` in its clause, with no past
/// tense between them nor in the figure's window after it (up to `hi`).
/// `past` marks the verbs in the past tense ([`past_at`], one per token).
pub(super) fn guided_before(t: &[Token<'_>], past: &[bool], first: usize, hi: usize) -> bool {
    // Past tense in the figure's own clause only: "a revenue decline of 3.5% to 4.5% and reported
    // EPS of $1.05" guides both.
    let end = (first..hi.min(t.len())).find(|&k| t[k].sym(',') || t[k].sym(';') || t[k].is_any(&["and", "while", "but"])).unwrap_or(hi.min(t.len()));
    if past[first.min(end)..end].iter().any(|&p| p) {
        return false;
    }
    for k in (0..first).rev() {
        let x = &t[k];
        if x.sym(';') || past[k] {
            return false;
        }
        let expected = x.is("expected") && !(k > 0 && t[k - 1].is_any(&["than", "as", "what", "previously"]));
        if x.is_any(GUIDANCE_WORDS) || expected || estimated_at(t, k) || revises_outlook(t, k) {
            return true;
        }
    }
    false
}
