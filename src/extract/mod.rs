//! Figures out of sentences: binds each figure of a sentence to a metric,
//! segment, period, kind (actual/guidance) and measure (level/qoq/yoy),
//! merges repeats, derives earlier periods from change statements, and runs
//! the reconciliation checks a reader can see.
//!
//! ```text
//! Transcript ─ sentences ─▶ tokens ─▶ figures + metric/period/change words ─▶ bind ─▶ merge ─▶ derive ─▶ check
//! ```

pub mod identity;
pub mod lex;
pub mod metric;
pub mod number;
mod other;
pub mod period;

mod derive;
mod segments;
mod zh;

use std::borrow::Cow;

use crate::facts::{Basis, Currency, Fact, Facts, Kind, Measure, Note, Part, Period, Source, Unit};
use crate::transcript::{Paragraph, Role, Transcript};
use lex::{phrase_at, Token};
use metric::{Class, MetricMention};
use number::Dim;
use period::{Mention, PeriodRef};

/// Extracts facts from a parsed transcript. Never fails.
pub fn extract(t: &Transcript<'_>) -> Facts {
    if let Some(facts) = zh::extract(t) {
        return facts;
    }
    let id = identity::identify(t);
    let mut ctx = Ctx { call: id.call, currency: id.currency, company: id.company.clone(), basis: None, segment: None, segment_age: 0, context_age: 0, guided: None, outlook: None, raw: Vec::new(), undated: 0, announced: Vec::new() };
    let mut buf: Vec<Token<'_>> = Vec::new();
    for turn in &t.turns {
        let role = turn.speaker.map_or(Role::Other, |k| t.speakers[k].role);
        // Before a Q&A the call marks, nobody asks questions: a prepared turn under an
        // analyst's name is a page's mislabelled speaker, and its figures are the company's.
        let prepared = t.qa_line.is_some() && turn.section == crate::transcript::Section::Prepared;
        if role == Role::Operator || role == Role::Analyst && !prepared {
            continue;
        }
        let mut context: Option<Period> = None;
        ctx.segment = None;
        ctx.outlook = None;
        ctx.guided = None;
        for para in &turn.paragraphs {
            for (a, b) in lex::sentences(&para.text) {
                sentence(&mut ctx, para, a, b, &mut context, &mut buf);
            }
        }
    }
    let people: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
    segments::settle(&mut ctx.raw, t.text, &people, &ctx.company, &ctx.announced);
    let mut facts = merge(ctx.raw, t.qa_line);
    let mut notes = Vec::new();
    if ctx.undated > 0 {
        notes.push(Note {
            kind: "warning".into(),
            subject: Vec::new(),
            message: format!(
                "{} figure{} left out: the call's period is unknown (a title or welcome line such as \"Q3 2024 earnings call\" tells it)",
                ctx.undated,
                if ctx.undated == 1 { " was" } else { "s were" }
            ),
            ok: None,
        });
    }
    derive::derive(&mut facts, &mut notes);
    derive::check(&facts, &mut notes);
    let translations: Vec<(usize, String)> =
        t.turns.iter().flat_map(|turn| turn.paragraphs.iter().flat_map(|p| p.translations.iter().cloned())).collect();
    derive::check_translations(&facts, &translations, &mut notes);
    Facts {
        company: id.company,
        call: id.call,
        currency: ctx.currency.as_str().to_string(),
        layout: t.layout.name().to_string(),
        transcript: Some(t.stats()),
        facts,
        notes,
        ..Facts::default()
    }
}

/// How many sentences a period stays in play after it was last named.
const CONTEXT_SPAN: usize = 3;

/// How many sentences a segment stays in play after it was last named.
const SEGMENT_SPAN: usize = 5;

struct Ctx {
    call: Option<Period>,
    currency: Currency,
    /// Basis the speaker announced for what follows ("discussed on a non-GAAP basis").
    basis: Option<Basis>,
    company: String,
    /// The segment the speaker is on ("Shifting focus to Small Ag and Turf").
    segment: Option<String>,
    /// Sentences since the segment in play was named.
    segment_age: usize,
    /// Sentences since the period in play was named.
    context_age: usize,
    /// The period the last guidance named ("We expect net sales in fiscal year '22 to be up
    /// 15%"), for the guidance that follows without one ("The segment's operating margin is
    /// forecast to range between 16% and 17%"), and the sentences since.
    guided: Option<(Period, usize)>,
    /// Segment names a sentence turned to ("In Display Technologies, ..."): they stand though said once.
    announced: Vec<String>,
    /// The speaker is giving the outlook ("Turning to our outlook for 2022."),
    /// with the period it is for when said: figures that follow are guidance
    /// until a sentence reports in the past tense.
    outlook: Option<Option<Period>>,
    raw: Vec<(Fact, f64)>,
    /// Figures skipped because no period could be told for them.
    undated: usize,
}

const CHANGE_UP: &[&str] = &[
    "up", "increased", "increase", "increases", "increasing", "grew", "grow", "growing", "growth", "rose", "risen", "rising",
    "improved", "improvement", "improving", "expanded", "expansion", "gained", "gain", "higher", "climbed", "jumped",
    "advanced", "doubled",
];
const CHANGE_DOWN: &[&str] = &[
    "down", "decreased", "decrease", "decreases", "decreasing", "declined", "decline", "declines", "declining", "fell",
    "fall", "falling", "dropped", "drop", "lower", "contracted", "contraction", "reduced", "reduction", "shrank",
    "compressed", "compression", "deteriorated",
];
const SKIP_BEFORE: &[&str] = &["by", "of", "a", "an", "approximately", "about", "roughly", "nearly", "just", "some", "around", "over", "almost", "more", "than", "another", "strong", "solid", "healthy", "significant", "modest", "slight", "slightly", "nice"];
const GUIDANCE_WORDS: &[&str] = &[
    "expect", "expects", "expecting", "anticipate", "anticipates", "anticipating", "forecast", "forecasting", "forecasts",
    "outlook", "guiding", "guide", "guidance", "project", "projecting", "projected", "projects", "sees", "target", "targeting",
    "raising", "reaffirm", "reaffirming", "reaffirms", "reiterate", "reiterating", "reiterates", "narrowing", "assumes",
    "assume", "assuming", "affirm", "affirming", "affirms", "updating", "revising", "planning", "anticipated",
    "forecasted", "estimate",
];
const PAST: &[&str] = &[
    "was", "were", "delivered", "reported", "achieved", "generated", "came", "ended", "grew", "rose", "fell", "declined",
    "increased", "decreased", "exceeded", "outperformed", "totaled", "totalled", "posted", "recorded", "finished",
    "closed", "improved", "expanded", "contracted", "dropped",
];
/// Words that make a figure a reference to an earlier outlook: "above the high end of our outlook range of $121 million".
const OUTLOOK_REFS: &[&str] = &["outlook", "guidance", "expectations", "expectation", "consensus", "estimate", "estimates"];
/// Words before a change verb that are not its subject: "..., or up 10%", "EPS was up 10%".
const NOT_SUBJECTS: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "been", "be", "or", "and", "also", "still", "it", "which", "that",
    "they", "both", "each", "all", "total", "overall", "respectively", "basis", "currency", "terms", "year", "quarter",
    "percent", "points", "million", "billion", "thousand", "but", "again", "then", "margin", "margins", "we", "i", "you",
    "our", "value", "values", "amount", "number", "figure", "level", "rate",
];
/// Nouns of a charge or an effect: its per-share amount is no EPS.
const EFFECTS: &[&str] = &[
    "charge", "charges", "expense", "expenses", "cost", "costs", "write-down", "writedown", "impairment", "impairments",
    "gain", "gains", "benefit", "benefits", "adjustment", "adjustments", "amortization", "items", "item", "premium",
    "headwind", "tailwind", "impact", "credits", "credit",
];

/// Verbs of money moved: a clause they open has a subject of its own.
const TRANSACTIONS: &[&str] = &[
    "returned", "spent", "paid", "repurchased", "bought", "invested", "acquired", "distributed", "deployed", "repaid",
    "borrowed", "issued", "funded", "allocated", "purchased", "return", "spend", "pay", "repurchase", "invest",
];
const HEDGES: &[&str] = &["generally", "typically", "historically", "usually", "normally", "hovers", "traditionally"];

fn sign_of(tok: &Token<'_>) -> Option<f64> {
    if tok.is_any(CHANGE_UP) {
        Some(1.0)
    } else if tok.is_any(CHANGE_DOWN) {
        Some(-1.0)
    } else {
        None
    }
}

/// A change word right before the figure ("up 5%", "a decline of $10.7 million").
fn change_before(t: &[Token<'_>], first: usize, floor: usize) -> Option<f64> {
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

/// A change noun right after the figure ("a 36% increase", "$8.3 million below last year").
fn change_after(t: &[Token<'_>], last: usize, periods: &[Mention]) -> Option<f64> {
    let tok = t.get(last)?;
    if tok.is_any(&["below", "above", "more", "less", "higher", "lower", "better", "worse", "ahead", "behind"]) {
        // Only against a period: "below last year", not "above the high end of our range".
        let near = periods.iter().any(|m| m.first > last && m.first <= last + 4);
        let near = near || (last + 1..(last + 4).min(t.len())).any(|k| t[k].is_any(&["year", "quarter", "prior", "last"]));
        if !near {
            return None;
        }
        return Some(if tok.is_any(&["below", "less", "lower", "worse", "behind"]) { -1.0 } else { 1.0 });
    }
    if let Some(s) = sign_of(tok) {
        return Some(s);
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

/// qoq/yoy markers: explicit words or a comparison period.
fn comparison_in(t: &[Token<'_>], from: usize, to: usize, periods: &[Mention], fig_period: Option<Period>, call: Option<Period>) -> Option<Measure> {
    for k in from..to.min(t.len()) {
        for (p, m) in [
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
        ] {
            if phrase_at(t, k, p).is_some() {
                return Some(m);
            }
        }
    }
    for m in periods.iter().filter(|m| m.first >= from && m.first < to) {
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
                if b.prev_year() == Some(p) {
                    return Some(Measure::Yoy);
                }
            }
        }
    }
    None
}

fn is_after(p: Period, call: Period) -> bool {
    let (Some(py), Some(cy)) = (p.year_number(), call.year_number()) else {
        return p == Period::LongTerm;
    };
    let end_q = |part: Option<Part>| match part {
        Some(Part::Quarter(q)) => q,
        Some(Part::Half(h)) => h * 2,
        _ => 4,
    };
    let start_q = |part: Option<Part>| match part {
        Some(Part::Quarter(q)) => q,
        Some(Part::Half(h)) => h * 2 - 1,
        _ => 1,
    };
    py > cy || py == cy && start_q(p.part()) > end_q(call.part())
}

/// Reads one sentence and appends its facts.
fn sentence<'p>(ctx: &mut Ctx, para: &'p Paragraph, a: usize, b: usize, context: &mut Option<Period>, buf: &mut Vec<Token<'p>>) {
    let text = &para.text;
    // A period in play that is not named again for a while is no longer in play.
    ctx.context_age += 1;
    if ctx.context_age > CONTEXT_SPAN {
        *context = None;
    }
    ctx.guided = ctx.guided.map(|(p, age)| (p, age + 1)).filter(|(_, age)| *age <= CONTEXT_SPAN);
    lex::tokenize_into(text, a, b, buf);
    let t: &[Token<'p>] = buf;
    if t.is_empty() {
        return;
    }
    // The speaker's announced basis: "on a non-GAAP basis, unless otherwise noted".
    let lower = text[a..b].to_ascii_lowercase();
    let sentence_basis = if lower.contains("non-gaap") || lower.contains("non gaap") || lower.contains("adjusted") {
        Some(Basis::NonGaap)
    } else if lower.contains("gaap") {
        Some(Basis::Gaap)
    } else {
        None
    };
    if lower.contains("basis") && (lower.contains("unless otherwise") || lower.contains("following")) {
        ctx.basis = sentence_basis.or(ctx.basis);
    }
    // Most sentences hold no figure: a figure needs a digit or a number word with a
    // unit or scale ("nine percent", "one trillion"), or "flat". Skipping the grammar
    // for the rest keeps extraction linear and cheap; their periods only matter when
    // the sentence is short (a topic sentence) or has a year in digits.
    let has_digit = text.as_bytes()[a..b].iter().any(u8::is_ascii_digit);
    let maybe_figures = has_digit || ["flat", "percent", "point", "trillion", "billion", "million", "doubl", "tripl"].iter().any(|w| lower.contains(w));
    let mut periods = if maybe_figures || t.len() <= 14 { period::mentions(&t) } else { Vec::new() };
    let figures = if maybe_figures { number::figures(&t) } else { Vec::new() };
    // "up from 72 days in Q3", "versus $2.16 in fiscal 2020", "compared to $1.1 billion in
    // the prior year": the period of a comparison base is a comparison too.
    // Each figure's comparison base said before it, read once here and again by the binder.
    let mut bases = Vec::with_capacity(figures.len());
    for (n, f) in figures.iter().enumerate() {
        let lo = if n == 0 { 0 } else { figures[n - 1].last };
        let pk = past_approximation(t, lo, f.first);
        let base = base_before(t, &periods, lo, pk);
        bases.push(base);
        // "from Q2's $11.2 million": the period in the qualifiers is the base's.
        if let Some((_, Some(m))) = base {
            periods[m].comparison = true;
        }
        if opens_base(t, f.first) {
            let near = base_period_after(t, &periods, f.last);
            for m in periods.iter_mut().filter(|m| m.first >= f.last && m.first <= f.last + 2 || Some(m.first) == near) {
                m.comparison = true;
            }
        }
    }
    // Guidance words only matter where there is a figure or a period.
    let guidance_word = (!figures.is_empty() || !periods.is_empty()) && speaks_of_guidance(&t, &lower);
    let past_tense = any_past(&t, 0, t.len());
    // An outlook paragraph: "Turning to our outlook for 2022." makes what follows guidance.
    // A long figure-less sentence that expects something ("We expect the elevated inventory levels at
    // the end of Q4 to come down") is no outlook's opening.
    let opens_outlook = guidance_word && (figures.is_empty() && t.len() <= 16 || t.iter().any(|x| x.is_any(&["outlook", "guidance", "forecast"])));
    if past_tense && !guidance_word && !figures.is_empty() {
        ctx.outlook = None;
    }
    let in_outlook = ctx.outlook.is_some() && !past_tense;
    let guidance_word = guidance_word || in_outlook;
    // The segment in play: named in this sentence, or carried from an earlier one.
    let any_topic = metric::segment_topic(&t);
    let topic = any_topic.clone().filter(|_| figures.is_empty());
    let lead = metric::leading_segment(&t);
    if lead.is_some() && !figures.is_empty() {
        ctx.segment = lead.clone();
    }
    // "In Display Technologies, sales were $956 million": a name the text turns to stands, said once.
    if let Some(name) = lead.as_ref().filter(|n| !ctx.announced.contains(n)) {
        ctx.announced.push(name.clone());
    }
    // In a new paragraph the segment carries on only where the text says so ("for the segment").
    if a == 0 && !lower.contains("segment") && !lower.contains(" the business") && any_topic.is_none() {
        ctx.segment = None;
    }
    if topic.is_some() {
        ctx.segment = topic.clone();
    }
    if t.iter().any(|x| x.is_any(&["total", "consolidated", "overall", "companywide", "company-wide"])) {
        ctx.segment = None;
    }
    let business = metric::business_subject(&t);
    if let Some((name, true)) = &business {
        ctx.segment = Some(name.clone());
    }
    // A new slide or a new topic without a segment ends the segment in play.
    if business.is_none() && topic.is_none() && lead.is_none() && t.first().is_some_and(|x| x.is_any(&["slide", "turning", "moving", "now", "next"])) {
        ctx.segment = None;
    }
    // Text without paragraphs (a sentence a line) has no paragraph to end the
    // segment: a segment not named again for a while is no longer in play.
    let named_again = ctx.segment.as_ref().is_some_and(|s| lower.contains(&s.replace('_', " ")))
        || lower.contains("segment")
        || lower.contains(" the business");
    if topic.is_some() || lead.is_some() || business.is_some() || named_again {
        ctx.segment_age = 0;
    } else {
        ctx.segment_age += 1;
        if ctx.segment_age > SEGMENT_SPAN {
            ctx.segment = None;
        }
    }
    let subject = business
        .map(|(name, _)| name)
        .or(lead)
        .or_else(|| metric::name_subject(&t, &ctx.company))
        .or_else(|| ctx.segment.clone());

    // The sentence's own period: its first period that is not a comparison base.
    // "Given our performance year-to-date, we raise our full-year outlook ...": the year so far dates only its own figures.
    let own: Vec<&Mention> = periods.iter().filter(|m| !m.comparison && !matches!(m.what, PeriodRef::PrevYear | PeriodRef::PrevQuarter | PeriodRef::YearToDate | PeriodRef::NineMonths)).collect();
    let sentence_period = own.first().and_then(|m| period::resolve(m.what, ctx.call, *context, guidance_word));
    if opens_outlook {
        // "with the conclusion of the 2019 rate case, we can now give guidance": a past year is no outlook's period.
        let keep = ctx.outlook.flatten();
        let ahead = sentence_period.filter(|p| {
            ctx.call.is_none_or(|c| {
                is_after(*p, c) || p.part() == Some(Part::Year) && p.year_number() == c.year_number() && matches!(c.part(), Some(Part::Quarter(q)) if q < 4)
            })
        });
        ctx.outlook = Some(ahead.or(keep));
    }
    let outlook_period = ctx.outlook.flatten().filter(|_| guidance_word);
    if figures.is_empty() {
        // Only short topic sentences ("Moving on to the fourth quarter.") set the period in play.
        let explicit = own.first().is_some_and(|m| matches!(m.what, PeriodRef::Abs(_)));
        if let Some(p) = sentence_period.filter(|p| !guidance_word && (t.len() <= 14 || explicit) && may_be_context(*p, ctx.call)) {
            *context = Some(p);
            ctx.context_age = 0;
        }
        // "Turning to the fourth quarter." in a Q3 call: the quarter ahead is the one the guidance that follows is of.
        if let Some(p) = sentence_period.filter(|p| t.len() <= 14 && ctx.call.is_some_and(|c| is_after(*p, c))) {
            ctx.guided = Some((p, 0));
        }
        return;
    }
    let metrics = metric::mentions(&t);
    // "C2C revenues and operating income grew 4% and 9%, respectively": the metrics said before
    // the figures, one for each, in order.
    let respective: Option<Vec<&MetricMention>> = (lower.contains("respectively") && figures.len() >= 2)
        .then(|| metrics.iter().filter(|m| m.last <= figures[0].first).collect::<Vec<_>>())
        .filter(|ms| ms.len() == figures.len() && ms.windows(2).all(|w| w[1].first - w[0].last <= 3));
    let past = past_tense;

    // "GAAP and non-GAAP gross margins are expected to be 76.3% and 77% respectively".
    let pair_basis: Option<[Basis; 2]> = if lower.contains("respectively") && lower.contains("gaap and non-gaap") {
        Some([Basis::Gaap, Basis::NonGaap])
    } else if lower.contains("respectively") && lower.contains("non-gaap and gaap") {
        Some([Basis::NonGaap, Basis::Gaap])
    } else {
        None
    };
    let mut last_change: Option<(usize, f64, Measure)> = None;
    let mut last_base: Option<usize> = None;
    for (n, f) in figures.iter().enumerate() {
        let lo = if n == 0 { 0 } else { figures[n - 1].last };
        let hi = figures.get(n + 1).map_or(t.len(), |g| g.first);
        // The outlook a revision replaces: "from $2.40 to $2.60 per share to $2.55 to $2.65 per share".
        if f.replaced {
            continue;
        }
        // Hedged norms: "generally hovers near 100%"; restated figures: "17% in constant currency".
        if t[lo..f.first].iter().any(|x| x.is_any(HEDGES)) {
            continue;
        }
        // Someone else's figure ("our estimated industry decline of 15%"), or an
        // earlier outlook quoted in a report ("our outlook range ... of $121 million").
        if t[lo..f.first].iter().rev().take(5).any(|x| x.is_any(metric::EXTERNAL)) {
            continue;
        }
        // An effect on a metric is not the metric: "an unfavorable foreign exchange impact ... of $160 million on revenue".
        if t[lo..f.first].iter().rev().take(8).any(|x| x.is_any(&["impact", "impacts", "impacted", "impacting", "headwind", "headwinds", "tailwind", "tailwinds"])) {
            continue;
        }
        if part_or_effect(t, &metrics, lo, f.first) || !matches!(f.dim, Dim::PerShare(_)) && effect_after(t, f.last, hi) || sensitivity(t, lo, f.first, f.last) {
            continue;
        }
        // Contributions to growth are parts of a change, not the change: "price contributed 1%".
        if t[lo..f.first].iter().rev().take(3).any(|x| x.is_any(&["contributed", "contributing", "contribution"]))
            || t.get(f.last).is_some_and(|x| x.is_any(&["contribution", "contributed"]))
        {
            continue;
        }
        // A distance from an outlook is no figure of the period: "revenue was $1.534 billion, about
        // $44 million above our outlook", "$35 million above the high end of our guidance range";
        // nor is the size of a revision: "raising our subscription revenue outlook by $73 million".
        if t.get(f.last).is_some_and(|x| x.is_any(&["above", "below", "ahead", "short", "beyond"]))
            && t[f.last..hi.min(f.last + 8)].iter().any(|x| x.is_any(OUTLOOK_REFS) || x.is_any(&["forecast", "range", "midpoint"]))
        {
            continue;
        }
        if f.first > lo && t[f.first - 1].is("by") && t[lo.max(f.first.saturating_sub(9))..f.first].iter().any(|x| x.is_any(&["outlook", "guidance", "forecast", "range"])) {
            continue;
        }
        // A revision against an earlier forecast is no change between periods.
        let vs_forecast = |k: usize| old_outlook_at(t, k) || ["our forecast", "our expectations", "the forecast"].iter().any(|p| phrase_at(t, k, p).is_some());
        if (f.last..hi.min(f.last + 8)).any(vs_forecast) && change_before(t, f.first, lo).is_some() {
            continue;
        }
        // "... compared to prior guidance of $1.99 billion to $2.05 billion", "up from our previous
        // range of 3% to 5%": the outlook being replaced is no figure of the call's.
        // But "up 200 billion yen compared to the previous forecast, to 9.9 trillion yen": after "to", the new figure.
        let from = lo.max(f.first.saturating_sub(7));
        let old_outlook = (from..f.first.saturating_sub(1)).find(|&k| old_outlook_at(t, k));
        // "expected to remain unchanged from our previous forecast of 9.9 trillion yen": still the outlook.
        let unchanged = |k: usize| t[k.saturating_sub(4)..k].iter().any(|x| x.is_any(&["unchanged", "same", "maintain", "maintaining", "reaffirm", "reaffirming", "consistent", "line"]));
        if old_outlook.is_some_and(|k| !t[k + 2..f.first].iter().any(|x| x.is("to")) && !unchanged(k)) {
            continue;
        }
        let restated = ["operationally", "on an operational basis", "in constant currency", "constant currency", "at constant currency", "in cc", "ex fx", "excluding fx", "on an organic basis", "organically", "excluding the impact of foreign exchange", "excluding foreign exchange", "in local currency", "in rmb terms", "in dollar terms"];
        if restated.iter().any(|p| phrase_at(&t, f.last, p).is_some()) {
            continue;
        }
        // Level, change, or a comparison base ("from $25 million", "up from 72 days").
        // The word before the figure, past "nearly", "about", ...
        let pk = past_approximation(t, lo, f.first);
        // "from last year's adjusted $0.71", "from Q2's $11.2 million": past the qualifiers.
        let base = bases[n];
        let qualified_base = base.is_some();
        let qk = base.map_or(pk, |(q, _)| q);
        let base_period = base.and_then(|(_, m)| m).map(|m| &periods[m]);
        let prev = pk.checked_sub(1).map(|k| &t[k]);
        // "versus 2020 revenue of $476 million and 2019 revenue of $426 million": a base joined to the base before.
        let joined_base = last_base == Some(n.wrapping_sub(1)) && {
            let gap = &t[figures[n - 1].last..pk];
            gap.first().is_some_and(|x| x.is("and")) && gap.len() <= 6 && !gap.iter().any(|x| x.sym(',') || x.sym(';'))
        };
        let from_base = qualified_base || opens_base(t, pk) || joined_base;
        if from_base {
            last_base = Some(n);
        }
        let to_level = prev.is_some_and(|p| p.is("to")) && !from_base;
        let mut sign = if from_base || to_level { None } else { change_before(&t, f.first, lo) };
        if sign.is_none() && !from_base && !to_level {
            sign = change_after(&t, f.last, &periods);
        }
        if f.implied {
            // "flat to down 6%": the range's direction is in the figure.
            sign = Some(if f.negative { -1.0 } else { 1.0 });
        }
        // "sales increased to 11%": a money metric is no percent, so the percent is its change.
        // Not "increased to 17% from 15%": a move between two levels (a ratio said of the metric).
        let to_from = t.get(f.last).is_some_and(|x| x.is("from"));
        if sign.is_none() && to_level && !to_from && matches!(f.dim, Dim::Percent) && pk >= lo + 2 {
            let money = metrics.iter().rev().find(|m| m.last <= pk - 2 && m.first >= lo).is_some_and(|m| m.class == Class::Money && m.last + 3 >= pk);
            if money {
                sign = sign_of(&t[pk - 2]);
            }
        }
        // "Revenue growth is expected to be 12.5% to 13%", "organic revenue growth in a range of
        // 13% to 15%", "revenue to increase year-over-year in a range of 12% to 16%": a change word
        // after a money metric, in the figure's clause, makes the percent a change.
        if sign.is_none() && !from_base && !to_level && matches!(f.dim, Dim::Percent) {
            if let Some(m) = metrics.iter().rev().find(|m| m.last <= f.first && m.first >= lo) {
                let gap = &t[m.last..f.first];
                if m.class != Class::Ratio && gap.len() <= 10 && !gap.iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "while", "which"])) {
                    // "Organic growth for the quarter was 11.5%": the metric names the change.
                    sign = gap.iter().find_map(sign_of).or_else(|| t[m.last - 1].is("growth").then_some(1.0));
                }
            }
        }
        // "we grew revenue by 10%": the change verb before its metric.
        if sign.is_none() && !from_base && !to_level {
            let mut k = pk;
            if k > lo && t[k - 1].is("by") {
                k -= 1;
            }
            if let Some(m) = metrics.iter().find(|m| m.last == k && m.first > lo) {
                let mut v = m.first;
                while v > lo && t[v - 1].is_any(&["our", "the", "its", "total"]) {
                    v -= 1;
                }
                if v > lo {
                    sign = sign_of(&t[v - 1]);
                }
            }
        }
        // "up 6% sequentially and 25% year-over-year": the change word carries over.
        if sign.is_none() && !from_base && !to_level {
            if let Some((k, s, _)) = last_change {
                // "11.5% or $367 million": the same change said in another unit.
                let gap = &t[figures[k].last..f.first];
                let or = gap.len() <= 2 && gap.iter().any(|x| x.is("or")) && figures[k].dim != f.dim;
                let joined = gap.iter().all(|x| !x.is_any(&["was", "were", "is", "of"])) && gap.iter().any(|x| x.is("and") || x.sym(',')) || or;
                if joined && f.first - figures[k].last <= 5 {
                    sign = Some(s);
                }
            }
        }

        // "revenue was $457 million, above our outlook range of $440 million": the earlier outlook
        // between the metric and the figure; not "results exceeded our expectations with earnings of $1.18".
        // "... our outlook range for IMT segment EBITDA of $121 million": the outlook governs the metric.
        let metric_before = metrics.iter().rev().find(|m| m.last <= f.first && m.first >= lo);
        let from_metric = metric_before.map_or(lo, |m| m.last);
        let governed = metric_before.is_some_and(|m| {
            let w = &t[m.first.saturating_sub(6).max(lo)..m.first];
            w.iter().any(|x| x.is_any(OUTLOOK_REFS)) && w.iter().any(|x| x.is_any(&["for", "of", "on"]))
        });
        // Past tense up to the end of the figure's clause: "This yields an adjusted EPS guidance range
        // of $2.55 to $2.70, reflecting increased confidence" reports nothing.
        let clause_end = (f.last..hi).find(|&k| t[k].sym(',') || t[k].sym(';')).unwrap_or(hi);
        if past && sign.is_none() && (governed || t[from_metric..f.first].iter().any(|x| x.is_any(OUTLOOK_REFS))) && any_past(t, 0, clause_end) {
            continue;
        }

        // "We expect full-year EPS of $8.80 to $9.07, ... over the $8.19 we delivered": a guidance
        // verb before the figure in its clause guides it, past tense elsewhere notwithstanding.
        let guidance_word = guidance_word || guided_before(&t, f.first, hi);

        // The figure's own period: a mention right after it, or the nearest before it in its window.
        let own_mention = periods
            .iter()
            .find(|m| {
                !m.comparison && m.first >= f.last && m.first <= f.last + 4
                    // "the $8.19 we delivered in 2023"
                    && (m.first <= f.last + 2 || any_past(&t, f.last, m.first) && !t[f.last..m.first].iter().any(|x| x.sym(',') || x.is("and")))
            })
            .or_else(|| periods.iter().rev().find(|m| !m.comparison && m.last <= f.first && m.first >= lo))
            // "above our long-term expectation for IP, which is 10% to 15%": a target level.
            .or_else(|| periods.iter().rev().find(|m| m.what == PeriodRef::LongTerm && m.last <= f.first && m.first >= lo && sign.is_none()));
        // "56.3% year-to-date" in a Q3 call, "for the first nine months": no period of ours.
        let partial = |m: &Mention| matches!(m.what, PeriodRef::YearToDate | PeriodRef::NineMonths) && period::resolve(m.what, ctx.call, *context, guidance_word).is_none();
        if own_mention.is_some_and(partial) {
            continue;
        }
        // "... thoughts on our fourth quarter outlook. We anticipate revenues down 4% to 6% in the quarter":
        // the quarter guided is the one ahead in play, not the call's.
        let ahead = outlook_period.or(ctx.guided.filter(|_| guidance_word).map(|(p, _)| p)).filter(|p| p.is_quarter() && !past);
        let mut fig_period = own_mention
            .and_then(|m| if m.what == PeriodRef::ThisQuarter { ahead } else { None }.or_else(|| period::resolve(m.what, ctx.call, *context, guidance_word)))
            .or(sentence_period)
            .or(outlook_period)
            .or(ctx.guided.filter(|_| guidance_word).map(|(p, _)| p))
            .or(*context)
            .or(ctx.call);

        // "Based on our results through the third quarter, we have adjusted our EPS guidance to $1.90 to
        // $2.05" in a Q3 call: the quarter reported is not the one guided, but a period ahead in the
        // sentence, or the one guided in play, or the year (the next in a Q4 call).
        let dated_by = own_mention.or(own.first().copied()).map(|m| m.what);
        let reported = ctx.call.filter(|c| c.is_quarter() && fig_period == Some(*c));
        if let Some(c) = reported.filter(|_| guidance_word && !past && dated_by.is_some_and(|w| !matches!(w, PeriodRef::Abs(_))) && guided_before(t, f.first, hi)) {
            let this_year = |p: &Period| p.part() == Some(Part::Year) && p.year_number() == c.year_number() && c.part() != Some(Part::Quarter(4));
            let ahead = own.iter().filter_map(|m| period::resolve(m.what, ctx.call, *context, true)).find(|p| is_after(*p, c) || this_year(p));
            let year = c.year_number().map(|y| Period::year(if c.part() == Some(Part::Quarter(4)) { y + 1 } else { y }));
            fig_period = ahead.or(ctx.guided.map(|(p, _)| p)).or(year);
        }
        // Guidance: a future period, or a guidance word with no past period.
        let kind = match (fig_period, ctx.call) {
            (Some(Period::LongTerm), _) => Kind::Guidance,
            (Some(p), Some(c)) if is_after(p, c) => Kind::Guidance,
            // "For the full year, we now expect revenues of ..." in a Q3 call: the year is not over.
            (Some(p), Some(c)) if guidance_word && p.part() == Some(Part::Year) && p.year_number() == c.year_number()
                && matches!(c.part(), Some(Part::Quarter(q)) if q < 4) => Kind::Guidance,
            // "We expect second half revenue to be up 9%" in a Q3 call: the half is not over.
            (Some(p @ Period::Fiscal { part: Part::Half(h), .. }), Some(c)) if guidance_word && p.year_number() == c.year_number()
                && matches!(c.part(), Some(Part::Quarter(q)) if q < 2 * h) => Kind::Guidance,
            (Some(p), Some(c)) if guidance_word && outlook_period == Some(p) && p.year_number() == c.year_number() && !p.is_quarter()
                && matches!(c.part(), Some(Part::Quarter(q)) if q < 4) => Kind::Guidance,
            (Some(p), Some(c)) if guidance_word && own_mention.is_none() && sentence_period.is_none() && outlook_period.is_none() && p == context.unwrap_or(c) => {
                // "... to increase 1.5% to 4% compared to the full year ended December 31, 2019": a change
                // guided against a year is the next year's.
                let base_year = periods.iter().filter(|m| m.comparison).find_map(|m| match m.what {
                    PeriodRef::Abs(b) if b.part() == Some(Part::Year) => b.year_number(),
                    _ => None,
                });
                if let Some(y) = base_year.filter(|y| c.year_number().is_some_and(|cy| y + 1 >= cy)) {
                    fig_period = Some(Period::year(y + 1));
                    Kind::Guidance
                } else if let Some(next) = c.next_quarter().filter(|_| c.is_quarter() && context.is_none_or(|x| x.is_quarter())) {
                    fig_period = Some(next);
                    Kind::Guidance
                } else if context.is_some_and(|x| is_after(x, c)) {
                    Kind::Guidance
                } else if let (Some(x), Some(y)) = (context.filter(|x| x.part() == Some(Part::Year)).and_then(|x| x.year_number()), c.year_number()) {
                    // Talk of the year in play, then "we expect ...": this year's guidance, or next year's in a Q4 call.
                    if x == y && c.part() == Some(Part::Quarter(4)) {
                        fig_period = Some(Period::year(y + 1));
                        Kind::Guidance
                    } else if x == y {
                        Kind::Guidance
                    } else {
                        Kind::Actual
                    }
                } else {
                    Kind::Actual
                }
            }
            _ => Kind::Actual,
        };
        let Some(period) = fig_period else {
            ctx.undated += 1;
            continue;
        };

        // Which metric: "of revenue" / "increase in R&D" right after, else the nearest before, else after.
        let is_change_dim = matches!(f.dim, Dim::Bp | Dim::Pp) || f.implied;
        let wants_change = sign.is_some() || is_change_dim;
        let fits = |m: &MetricMention, change: bool| {
            // "FFO of $120 million" is no per-share figure.
            if m.class == Class::PerShare && matches!(f.dim, Dim::Money { .. }) && f.value.abs() >= 1000.0 {
                return false;
            }
            // "adjusted earnings of $1.70 to $1.90": bare "earnings" is EPS as a level in dollars and cents.
            if m.metric == metric::BARE_EARNINGS {
                return !change && matches!(f.dim, Dim::PerShare(_) | Dim::Money { explicit: true, .. }) && f.value.abs() < 100.0;
            }
            // "a quarterly dividend of $0.47 per share": a dividend is a total or per share.
            if m.metric == "dividend" && !change && matches!(f.dim, Dim::PerShare(_)) {
                return true;
            }
            // "same-store sales rose 5.8%", "comparable sales of 3%", "organic growth of 7%": a change in percent.
            if m.metric == "same_store_sales" || t[m.last - 1].is("growth") {
                return matches!(f.dim, Dim::Percent);
            }
            if change {
                metric::change_fits(m.class, f.dim) || f.implied
            } else {
                metric::level_fits(m.class, f.dim)
            }
        };
        let forward = {
            let mut k = f.last;
            if sign.is_some() && t.get(k).is_some_and(|x| sign_of(x).is_some()) {
                k += 1;
            }
            if t.get(k).is_some_and(|x| x.is_any(&["of", "in", "from"])) {
                let m = metrics.iter().find(|m| m.first > k && m.first <= k + 3);
                m.filter(|m| fits(m, wants_change))
            } else {
                None
            }
        };
        // "a 19% year-over-year revenue decline": the metric between the figure and its change noun.
        let between = metrics.iter().find(|m| {
            sign.is_some() && m.first >= f.last && m.first <= f.last + 5 && m.first < hi && t.get(m.last).is_some_and(|x| sign_of(x).is_some()) && fits(m, wants_change)
        });
        let forward = respective.as_ref().map(|ms| ms[n]).filter(|m| fits(m, wants_change)).or(forward).or(between);
        // "we generated $310 million in cash from operations and returned $61 million to
        // shareholders": a clause of its own, with a transaction verb, is no figure of the metric before.
        let own_clause = |m: &MetricMention| {
            (m.last..f.first).any(|k| t[k].is_any(&["and", "while", "but"]) && t.get(k + 1).is_some_and(|v| v.is_any(TRANSACTIONS)))
        };
        let before = metrics.iter().rev().find(|m| m.last <= f.first && fits(m, wants_change) && !own_clause(m));
        // A metric after the figure binds only within its clause ("$184 million in revenue").
        let after = metrics.iter().find(|m| {
            m.first >= f.last && m.first < hi && m.first <= f.last + 6 && fits(m, wants_change)
                // "... of $111.6 million included cash dividends of": a verb between, another subject.
                && !t[f.last..m.first].iter().any(|x| x.sym(',') || x.sym(';') || x.is_any(&["and", "while", "included", "includes", "including", "comprised", "reflecting", "reflected"]))
        });
        let mut chosen = forward.or(before).or(after);
        // A percent beside a money metric is a change when a comparison follows ("25% year-over-year").
        let mut is_change = wants_change || chosen.is_some_and(|m| m.metric == "same_store_sales" || t[m.last - 1].is("growth"));
        if chosen.is_none() && !from_base && matches!(f.dim, Dim::Percent) {
            let m = metrics.iter().rev().find(|m| m.last <= f.first && m.metric != metric::BARE_EARNINGS && metric::change_fits(m.class, f.dim));
            let marker = comparison_in(&t, f.last, (f.last + 3).min(hi), &periods, Some(period), ctx.call).is_some();
            if m.is_some() && marker {
                chosen = m;
                is_change = true;
                sign.get_or_insert(1.0);
            }
        }
        // "with the U.S. growing 14% and international growing 17%", "Laboratory sales grew 6%,
        // Industrial increased 2%", "with Aerie up 158%": a subject of its own, right before its
        // change verb, after a clause opener. A name in capitals is the figure's segment; a
        // subject the binder cannot name ("with core industrial up 4%") makes the figure no
        // figure of the metric before it.
        let mut change_subject = None;
        if sign.is_some() && f.first >= 2 && (t[f.first - 1].is_any(CHANGE_UP) || t[f.first - 1].is_any(CHANGE_DOWN)) {
            let c = f.first - 1;
            let w = &t[c - 1];
            let geo = w.is_any(&["international", "domestic", "U.S", "US", "Europe", "EMEA", "APAC", "Asia", "China", "Japan", "Americas", "Canada", "India", "Latin"]);
            let mut s = c;
            let opens = |x: &Token<'_>| x.sym(',') || x.sym(';') || x.is_any(&["with", "while", "and", "whereas"]);
            while s > lo && c - s < 3 && t[s - 1].kind == lex::Tok::Word && !opens(&t[s - 1]) && !t[s - 1].is_any(NOT_SUBJECTS) && !t[s - 1].text.ends_with("ly") {
                s -= 1;
            }
            let opener = s < c && s > 0 && opens(&t[s - 1]);
            let before_metric = chosen.is_none_or(|m| m.last < s);
            let own_metric = metrics.iter().any(|m| m.last == c || m.first >= s && m.last <= c);
            if geo && chosen.is_none_or(|m| m.last < c - 1) {
                change_subject = Some(metric::segment_name(w.text));
            } else if opener && before_metric && !own_metric {
                if t[s..c].iter().all(metric::name_word) {
                    let words: Vec<&str> = t[s..c].iter().map(|x| x.text).collect();
                    change_subject = Some(metric::segment_name(&words.join(" ")));
                } else if chosen.is_some() {
                    continue;
                }
            }
        }
        let (metric_name, class, negative, mut segment): (Cow<'static, str>, _, _, _) = match chosen {
            Some(m) if m.metric == metric::BARE_EARNINGS => ("eps".into(), m.class, m.negative, m.segment.clone()),
            Some(m) => (m.metric.into(), m.class, m.negative, m.segment.clone()),
            None => match f.dim {
                // "a net loss of $26.6 million or $0.13 per share", "our net loss was $0.11 per share": a loss per share.
                Dim::PerShare(_) => {
                    // "at an average price of $30.26 per share": a price, not earnings.
                    if t[lo.max(f.first.saturating_sub(5))..f.first].iter().any(|x| x.is_any(&["price", "prices", "priced", "valuation"])) {
                        continue;
                    }
                    // "charges totaling $17 million pre-tax or $0.33 per diluted share": the per-share
                    // amount of what the money figure before it is, not EPS, unless that is earnings.
                    let of_effect = (n > 0 && f.first > 0 && t[f.first - 1].is("or") && matches!(figures[n - 1].dim, Dim::Money { .. }))
                        .then(|| {
                            let g = &figures[n - 1];
                            let at = other::Spot { lo: if n >= 2 { figures[n - 2].last } else { 0 }, first: g.first, last: g.last, hi: f.first, money: true };
                            other::phrase_metric(t, &at, |k| periods.iter().any(|m| m.first <= k && k < m.last))
                        })
                        .flatten()
                        .filter(|name| name.rsplit('_').next().is_some_and(|w| EFFECTS.contains(&w)));
                    if let Some(name) = of_effect {
                        (format!("{name}_per_share").into(), Class::PerShare, false, None)
                    } else {
                        let loss = metrics.iter().rev().find(|m| m.last <= f.first).is_some_and(|m| m.negative && matches!(m.metric, "net_income" | "operating_income"));
                        ("eps".into(), Class::PerShare, loss, None)
                    }
                }
                Dim::Shares if t.iter().any(|x| x.is_any(&["weighted", "diluted", "outstanding"])) => ("share_count".into(), Class::Shares, false, None),
                // A metric outside the lexicon, named by its noun phrase: "restructuring charges were $63 million".
                Dim::Money { .. } | Dim::Percent if change_subject.is_none() => {
                    let money = matches!(f.dim, Dim::Money { .. });
                    let at = other::Spot { lo, first: f.first, last: f.last, hi, money };
                    let in_period = |k: usize| periods.iter().any(|m| m.first <= k && k < m.last);
                    match other::phrase_metric(t, &at, in_period) {
                        Some(name) => (name.into(), if money { Class::Money } else { Class::Ratio }, false, None),
                        None => continue,
                    }
                }
                _ => continue,
            },
        };
        // "Local currency sales grew 6% in the Americas, 1% in Europe": a place or business in
        // capitals right after the figure, ending its clause, is the figure's segment.
        let trailing = if segment.is_none() && t.get(f.last).is_some_and(|x| x.is("in")) {
            // Not a metric in capitals: "investing over $500 million in R&D".
            metric::proper_name(t, f.last + 1).filter(|&(_, end)| {
                (end >= hi || t[end].kind == lex::Tok::Sym && !t[end].sym('-') && !t[end].sym('/') || t[end].is_any(&["and", "while", "but", "with"]))
                    && !metrics.iter().any(|m| m.first > f.last && m.first < end)
            })
        } else {
            None
        };
        if change_subject.is_some() {
            segment = change_subject;
        } else if let Some((name, _)) = trailing {
            segment = Some(name);
        }
        // "Our sales", "total revenue": the company's own figure, whatever segment was in play.
        let company_level = chosen.is_some_and(|m| m.first > 0 && t[m.first - 1].is_any(&["our", "total", "consolidated", "overall", "company", "group"]));
        if segment.is_none() && matches!(class, Class::Money | Class::Ratio) && metric_name != "revenue_mix" && !company_level {
            segment = subject.clone();
        }
        if metric_name == "revenue_mix" {
            // "18% IP": the segment follows the figure.
            if let Some(w) = t.get(f.last).filter(|x| x.kind == lex::Tok::Word && !x.is_any(&["of", "in", "and", "to", "for", "from", "above", "below"])) {
                segment = Some(metric::segment_name(w.text));
            } else if let Some(s) = t[lo..f.first]
                .windows(2)
                .rev()
                .chain(t[f.last..hi].windows(2))
                .find(|w| w[0].is("for") && w[1].kind == lex::Tok::Word && !w[1].is_any(&["the", "our", "a", "fiscal", "this", "next"]))
                .map(|w| metric::segment_name(w[1].text))
            {
                segment = Some(s);
            }
        }

        // Measure and value.
        let (measure, value, range, unit, fperiod) = if is_change {
            let s = sign.unwrap_or(1.0);
            let measure = comparison_in(&t, f.last, hi, &periods, Some(period), ctx.call)
                .or_else(|| comparison_in(&t, lo, f.first, &periods, Some(period), ctx.call))
                .or_else(|| comparison_in(&t, 0, t.len(), &periods, Some(period), ctx.call))
                .unwrap_or(Measure::Yoy);
            let unit = match f.dim {
                Dim::Percent => Unit::Percent,
                Dim::Bp => Unit::Bp,
                Dim::Pp => Unit::Pp,
                Dim::Days => Unit::Days,
                Dim::Shares => Unit::Shares,
                Dim::Money { cur, explicit } => money_unit(class, if explicit { cur } else { ctx.currency }),
                Dim::PerShare(c) => Unit::PerShare(c),
                Dim::Times => continue,
            };
            let v = s * f.value.abs();
            let r = f.range.map(|(l, h)| if s < 0.0 { (-h.abs() + 0.0, -l.abs() + 0.0) } else { (l.abs(), h.abs()) });
            last_change = Some((n, s, measure));
            (measure, v, r, unit, period)
        } else {
            let unit = match (class, f.dim) {
                (Class::Money, Dim::Money { cur, explicit }) => Unit::Money(if explicit { cur } else { ctx.currency }),
                (Class::PerShare, Dim::PerShare(c) | Dim::Money { cur: c, .. }) => Unit::PerShare(c),
                (Class::Money, Dim::PerShare(c)) if metric_name == "dividend" => Unit::PerShare(c),
                (Class::Ratio, Dim::Percent) => Unit::Percent,
                (Class::Days, Dim::Days) => Unit::Days,
                (Class::Shares, _) => Unit::Shares,
                _ => continue,
            };
            let mut v = f.value;
            let mut r = f.range;
            // "EBITDA was a loss of $27 million"
            let loss = f.first >= 2 && t[f.first - 1].is("of") && t[f.first - 2].is_any(&["loss", "losses", "deficit"]);
            if (negative || loss) && v > 0.0 {
                v = -v;
                r = r.map(|(l, h)| (-h, -l));
            }
            // A comparison base takes the earlier period.
            let mut p = period;
            if from_base {
                let after = base_period_after(t, &periods, f.last);
                // "versus 2020 revenue of $476 million": the base's own year, in its words before it.
                let before_own = periods.iter().rev().find(|m| m.comparison && m.last <= pk && m.first >= lo.max(pk.saturating_sub(6)));
                let explicit = base_period
                    .or(before_own)
                    .or_else(|| periods.iter().find(|m| m.first >= f.last && m.first <= f.last + 2 || Some(m.first) == after));
                // "For the year, ... $531.3 million, as compared with $455.9 million in the prior year":
                // a base a year or a quarter back is back from the figure's own period.
                let relative = explicit.and_then(|m| match m.what {
                    PeriodRef::PrevYear if !period.is_quarter() => period.prev_year(),
                    _ => None,
                });
                p = match relative.or_else(|| explicit.and_then(|m| period::resolve(m.what, ctx.call, *context, false))) {
                    // "$216.2 million in the quarter, compared to $171.4 million in 2019": the year-ago quarter.
                    Some(x) if x.part() == Some(Part::Year) && period.is_quarter() && x.year_number().zip(period.year_number()).is_some_and(|(a, b)| a + 1 == b) => {
                        period.prev_year().unwrap_or(x)
                    }
                    Some(x) => x,
                    None => {
                        let said = if t[qk..pk].iter().any(|x| x.is_any(&["year's", "year-ago", "prior-year"])) {
                            Some(Measure::Yoy)
                        } else if t[qk..pk].iter().any(|x| x.is("quarter's")) {
                            Some(Measure::Qoq)
                        } else {
                            None
                        };
                        let cmp = said.or_else(|| comparison_in(&t, 0, t.len(), &periods, Some(period), ctx.call));
                        match (cmp, period.is_quarter()) {
                            (Some(Measure::Qoq), _) | (None, true) => match period.prev_quarter() {
                                Some(x) => x,
                                None => continue,
                            },
                            _ => match period.prev_year() {
                                Some(x) => x,
                                None => continue,
                            },
                        }
                    }
                };
            }
            (Measure::Level, v, r, unit, p)
        };
        let kind = if from_base { Kind::Actual } else { kind };
        // "adjusted diluted EPS ... $5.09 to $5.19 and reported diluted EPS ... $4.75 to $4.87": the basis said nearest before the figure.
        let figure_basis = (lo..f.first).rev().find_map(|k| {
            let x = &t[k];
            let non = k >= 2 && t[k - 1].sym('-') && t[k - 2].is("non") || k >= 1 && t[k - 1].is("non");
            if x.is_any(&["adjusted", "core", "underlying"]) || x.is("gaap") && non {
                Some(Basis::NonGaap)
            } else if x.is("gaap") || x.is("unadjusted")
                || x.is("reported") && !(k > 0 && t[k - 1].is_any(&["we", "i", "they", "it", "company", "and", "have", "has", "had"])) && t.get(k + 1).is_some_and(|n| n.is_any(&["diluted", "basic", "net", "eps", "earnings", "revenue", "gross", "operating"]))
            {
                Some(Basis::Gaap)
            } else {
                None
            }
        });
        let (line, start) = para.locate_chars(t[f.first].start);
        let (end_line, end) = para.locate_chars(t[f.last - 1].end);
        let (start, end) = if end_line == line { (Some(start), Some(end)) } else { (Some(start), None) };
        let fact = Fact {
            metric: metric_name.to_string(),
            segment: segment.unwrap_or_else(|| "total".to_string()),
            period: fperiod,
            kind,
            measure,
            value: if range.is_some() && measure == Measure::Level { None } else { Some(round(value)) },
            low: range.map(|r| round(r.0)),
            high: range.map(|r| round(r.1)),
            unit,
            basis: pair_basis.filter(|_| figures.len() == 2).map(|b| b[n]).or(figure_basis).or(sentence_basis).or(ctx.basis),
            conflict: false,
            source: Source { line, start, end, text: text[a..b].trim().to_string() },
        };
        ctx.raw.push((fact, f.tolerance));
    }
    if let Some(p) = sentence_period.filter(|p| !guidance_word && may_be_context(*p, ctx.call)) {
        *context = Some(p);
        ctx.context_age = 0;
    }
    if let Some(p) = sentence_period.filter(|p| guidance_word && ctx.call.is_none_or(|c| is_after(*p, c) || p.part() == Some(Part::Year) && p.year_number() == c.year_number())) {
        ctx.guided = Some((p, 0));
    }
}

/// An earlier outlook named at `k`: "prior guidance", "previous forecast",
/// "our original outlook", "previously communicated".
fn old_outlook_at(t: &[Token<'_>], k: usize) -> bool {
    t[k].is_any(&["prior", "previous", "previously", "original", "originally", "earlier", "initial", "old"])
        && t.get(k + 1).is_some_and(|x| {
            x.is_any(&["guidance", "outlook", "forecast", "range", "expectation", "expectations", "guided", "communicated", "provided", "issued", "estimate"])
        })
}

/// A figure that is a part of another or an effect on a metric, not the
/// metric: "operating income was $22 million including $700,000 of costs",
/// "EPS of $3.82, including a $0.02 charge"; "production downtime reduced our
/// sales by approximately $300 million", "currency reduced operating income by
/// $3.5 million" (but "we grew revenue by 10%" is the company's own change).
fn part_or_effect(t: &[Token<'_>], metrics: &[MetricMention], lo: usize, first: usize) -> bool {
    let mut k = past_approximation(t, lo, first);
    while k > lo && t[k - 1].is_any(&["a", "an"]) {
        k = past_approximation(t, lo, k - 1);
    }
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
    let mut v = m.first;
    while v > lo && t[v - 1].is_any(&["our", "the", "its", "total", "net"]) {
        v -= 1;
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

/// Nouns of an effect said right after its size: "a 100 basis point benefit to gross margin",
/// "140 basis points of negative gross margin impact", "$12 million of FX headwind".
const EFFECT_NOUNS: &[&str] = &[
    "impact", "impacts", "benefit", "benefits", "headwind", "headwinds", "tailwind", "tailwinds", "drag", "hit",
];

/// Whether the figure ending at `last` is the size of an effect named right after it, in the
/// same clause: only "of", articles, adjectives of direction and the metric's words between.
/// (A per-share effect is named by what it is of: "a $0.30 per share impact from a goodwill
/// impairment" is `goodwill_impairment_per_share`.)
fn effect_after(t: &[Token<'_>], last: usize, hi: usize) -> bool {
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

/// Whether the figure is the size of a what-if move, not a figure of the period: "a $5 change in
/// oil impacting earnings by $0.03 per share", "every 1% move in the dollar".
fn sensitivity(t: &[Token<'_>], lo: usize, first: usize, last: usize) -> bool {
    first > lo
        && t[first - 1].is_any(&["a", "every", "each"])
        && t.get(last).is_some_and(|x| x.is_any(&["change", "move", "movement", "swing", "shift"]))
}

/// Verbs of a driver acting on a metric: "downtime reduced our sales by".
const EFFECT_VERBS: &[&str] = &[
    "reduced", "reduces", "reducing", "lowered", "lowering", "hurt", "hurting", "affected", "affecting", "benefited",
    "benefitted", "benefiting", "boosted", "boosting", "increased", "increasing", "decreased", "decreasing", "raised",
    "helped", "added", "adding", "pressured", "diluted", "offset", "lifted", "cut", "dampened", "weighed", "impacts",
    "impacted", "impacting", "impact",
];

/// Where the period of a comparison base starts when a few words stand between
/// it and the figure: "compared to $0.90 per share for the same quarter in
/// 2020". The words are the base's own: no clause ends, no verb.
fn base_period_after(t: &[Token<'_>], periods: &[Mention], last: usize) -> Option<usize> {
    let m = periods.iter().find(|m| m.first >= last && m.first <= last + 6)?;
    let between = &t[last..m.first];
    let own = between.iter().all(|x| x.kind == lex::Tok::Word && x.is_any(&["for", "in", "the", "same", "quarter", "period", "of", "a", "year", "prior", "last", "comparable", "per", "share", "diluted"]));
    own.then_some(m.first)
}

/// Where the words before a figure at `first` start, past those that say it is
/// approximate ("nearly", "about", ...), no earlier than `lo`.
fn past_approximation(t: &[Token<'_>], lo: usize, first: usize) -> usize {
    let mut k = first;
    while k > lo && t[k - 1].is_any(APPROXIMATELY) {
        k -= 1;
    }
    k
}

/// Words before a figure that say it is approximate.
const APPROXIMATELY: &[&str] = &["nearly", "about", "approximately", "roughly", "almost", "around", "just", "over", "some", "under"];

/// A comparison base said with qualifiers before its figure at `pk` (no
/// earlier than `lo`): "from last year's adjusted $0.71", "over the prior-year
/// level of 58.4%", "from Q2's $11.2 million", "from the Q2 level of $32
/// million". Returns where the qualifiers start and the index in `periods`
/// of the period among them, if any.
fn base_before(t: &[Token<'_>], periods: &[Mention], lo: usize, pk: usize) -> Option<(usize, Option<usize>)> {
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
const BASE_QUALIFIERS: &[&str] = &[
    "last", "year's", "quarter's", "the", "a", "prior", "prior-year", "year-ago", "adjusted", "reported", "gaap", "non-gaap",
    "same", "period's", "comparable", "our", "its", "an", "previous",
];

/// Whether the words right before the token at `k` make what starts there a
/// comparison base: "from", "versus", "against", "compared to/with" (not "range
/// from", which opens a range).
fn opens_base(t: &[Token<'_>], k: usize) -> bool {
    opens_base_here(t, k) || {
        // "compared to net sales of $1.12 billion in 2019", "versus 2020 revenue of $476 million":
        // the base's metric (and year) before its figure.
        let mut j = k.saturating_sub(1);
        let of = k > 0 && t[k - 1].is("of");
        let word_or_year = |x: &Token<'_>| x.kind == lex::Tok::Word || x.kind == lex::Tok::Num && x.text.len() == 4;
        while of && j > 0 && k - 1 - j < 5 && word_or_year(&t[j - 1]) && !t[j - 1].is_any(&["to", "with", "from", "versus", "vs", "against", "of"]) {
            j -= 1;
        }
        // Not an earlier outlook: "unchanged from our previous forecast of $9.9 billion".
        let outlook = of && t[j..k - 1].iter().any(|x| x.is_any(OUTLOOK_REFS) || x.is_any(&["forecast", "range", "target", "previous", "prior"]))
            // nor a change ("compared to an organic revenue increase of 12%"), nor "from continuing operations of".
            || of && t[j..k - 1].iter().any(|x| x.is_any(&["increase", "decrease", "growth", "decline", "continuing", "discontinued", "operations"]));
        of && j < k - 1 && !outlook && opens_base_here(t, j)
    }
}

fn opens_base_here(t: &[Token<'_>], k: usize) -> bool {
    k > 0 && t[k - 1].is_any(&["from", "versus", "vs", "against"]) && !number::ranging_from(t, k - 1)
        || k >= 2 && t[k - 1].is_any(&["to", "with"]) && t[k - 2].is_any(&["compared", "compares", "comparison", "relative"])
}

/// Whether a period said in one sentence may carry over to the next ones: not
/// a year before the call's ("the COVID impacts we experienced in 2020", said
/// in a 2021 call, is background, and the figures that follow are the call's),
/// nor a period after the call ("unlikely to recover until some time in 2023":
/// what is to come is carried by an outlook, never by the reporting context).
fn may_be_context(p: Period, call: Option<Period>) -> bool {
    match (p.year_number(), call) {
        (Some(y), Some(c)) => c.year_number().is_none_or(|cy| y >= cy) && !is_after(p, c),
        _ => true,
    }
}

/// Whether the sentence guides: "we expect", "is expected to be", "our outlook";
/// past tense ("revenue was $457 million, above our outlook range") reports instead,
/// and so do "better than expected", "as expected".
fn speaks_of_guidance(t: &[Token<'_>], lower: &str) -> bool {
    if any_past(t, 0, t.len()) {
        return false;
    }
    let expected = t.iter().enumerate().any(|(k, x)| {
        x.is("expected") && !(k > 0 && (t[k - 1].is_any(&["than", "as", "what", "previously"]) || t[k - 1].sym('-')))
    });
    let estimated = (0..t.len()).any(|k| estimated_at(t, k));
    t.iter().any(|x| x.is_any(GUIDANCE_WORDS))
        || expected
        || estimated
        || lower.contains("our expectation for") && !lower.contains("than our expectation")
        || (0..t.len()).any(|k| revises_outlook(t, k))
        || lower.contains("we expect")
        || lower.contains("now see")
        || lower.contains("guidance for")
        || lower.contains("our guidance") && !lower.contains("guidance range")
}

/// A verb in the past tense at `k`: "revenue was", "we reported"; not
/// "reported diluted EPS", where "reported" names the basis, nor a revision of
/// the outlook ("we increased our guidance to").
fn past_at(t: &[Token<'_>], k: usize) -> bool {
    let x = &t[k];
    if !x.is_any(PAST) || revises_outlook(t, k) {
        return false;
    }
    // "the full year ended December 31, 2019", "the three months ended": a date, not a report.
    if x.is("ended") && k > 0 && t[k - 1].is_any(&["year", "quarter", "months", "weeks", "period", "half"]) {
        return false;
    }
    // "on an as-reported basis": a basis.
    if x.is("reported") && k > 0 && (t[k - 1].is("as") || t[k - 1].sym('-') && k > 1 && t[k - 2].is("as")) {
        return false;
    }
    // "reported diluted EPS", "reported and adjusted EPS": a basis; "we reported adjusted EPS": a verb.
    let subject = k > 0 && (t[k - 1].is_any(&["we", "i", "they", "it", "company", "who", "which", "have", "has", "had", "also"])
        // "Sun reported core FFO per share of $2.11"
        || t[k - 1].kind == lex::Tok::Word && t[k - 1].text.starts_with(|c: char| c.is_uppercase()) && !t[k - 1].is_any(&["GAAP", "IFRS", "As"]));
    subject || !(x.is("reported") && t.get(k + 1).is_some_and(|n| n.is_any(&["diluted", "basic", "net", "eps", "earnings", "revenue", "revenues", "sales", "gross", "operating", "ebitda", "gaap", "adjusted", "growth", "organic", "core"]) || n.is("and") && t.get(k + 2).is_some_and(|m| m.is("adjusted"))))
}

/// "is estimated to be in the range of", "are currently estimated to increase": a guess at
/// what is to come, with "estimated" at `k` (not "our estimated industry decline").
fn estimated_at(t: &[Token<'_>], k: usize) -> bool {
    t[k].is("estimated") && k > 0 && (t[k - 1].is_any(&["is", "are", "be"]) || k > 1 && t[k - 1].is_any(&["currently", "now", "still"]) && t[k - 2].is_any(&["is", "are", "be"]))
}

/// "we raised our full-year range to", "we've increased our guidance for EPS
/// to": a revision of the outlook at `k`, which speaks of what is to come.
fn revises_outlook(t: &[Token<'_>], k: usize) -> bool {
    const OUTLOOKS: &[&str] = &["guidance", "outlook", "range", "forecast", "expectations", "expectation", "estimate", "estimates", "target", "targets"];
    t[k].is_any(&["raised", "increased", "revised", "updated", "narrowed", "lowered", "reduced", "tightened", "improved", "raise", "increase", "revise", "update", "narrow", "lower"])
        && (t[k + 1..t.len().min(k + 7)].iter().any(|y| y.is_any(OUTLOOKS))
            // "our full year earnings per share outlook is increased to", "guidance was raised to"
            || k >= 2 && t[k - 1].is_any(&["is", "was", "has", "been", "being"]) && t[k.saturating_sub(3)..k - 1].iter().any(|y| y.is_any(OUTLOOKS)))
}

fn any_past(t: &[Token<'_>], from: usize, to: usize) -> bool {
    (from..to.min(t.len())).any(|k| past_at(t, k))
}

/// A guidance verb before the figure at `first` in its clause, with no past
/// tense between them nor in the figure's window after it (up to `hi`).
fn guided_before(t: &[Token<'_>], first: usize, hi: usize) -> bool {
    // Past tense in the figure's own clause only: "a revenue decline of 3.5% to 4.5% and reported
    // EPS of $1.05" guides both.
    let end = (first..hi.min(t.len())).find(|&k| t[k].sym(',') || t[k].sym(';') || t[k].is_any(&["and", "while", "but"])).unwrap_or(hi.min(t.len()));
    if any_past(t, first, end) {
        return false;
    }
    for k in (0..first).rev() {
        let x = &t[k];
        if x.sym(';') || past_at(t, k) {
            return false;
        }
        let expected = x.is("expected") && !(k > 0 && t[k - 1].is_any(&["than", "as", "what", "previously"]));
        if x.is_any(GUIDANCE_WORDS) || expected || estimated_at(t, k) || revises_outlook(t, k) {
            return true;
        }
    }
    false
}

fn money_unit(class: Class, cur: Currency) -> Unit {
    if class == Class::PerShare {
        Unit::PerShare(cur)
    } else {
        Unit::Money(cur)
    }
}

fn round(v: f64) -> f64 {
    if v.abs() >= 1000.0 {
        v.round()
    } else {
        (v * 10000.0).round() / 10000.0
    }
}

/// One figure, one fact: repeats merge (the more precise value wins), different values conflict.
/// Folds the figures said more than once into one fact and marks the ones that disagree.
///
/// The prepared remarks are the record: an answer in the Q&A (from `qa_line` on) whose
/// figure disagrees with theirs for the same metric, segment, period and measure is about
/// something else ("we're the only one to have eclipsed $5 billion in revenue", a region's
/// "sales growth, 7% sequentially") and is left out rather than marking both in conflict.
fn merge(raw: Vec<(Fact, f64)>, qa_line: Option<usize>) -> Vec<Fact> {
    let answered = |f: &Fact| qa_line.is_some_and(|q| f.source.line >= q);
    let mut out: Vec<(Fact, f64)> = Vec::new();
    // The facts of one metric, segment, period, kind, measure and unit, by index in `out`:
    // merging stays linear in the number of facts.
    let mut buckets: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (f, tol) in raw {
        let bucket = buckets.entry(format!("{}|{}|{}|{:?}|{:?}|{}", f.metric, f.segment, f.period, f.kind, f.measure, f.unit)).or_default();
        // GAAP and non-GAAP values of one metric are two figures, not a conflict.
        let same_key = |g: &Fact| g.basis == f.basis || g.basis.is_none() || f.basis.is_none();
        let mut merged = false;
        let mut conflict = false;
        for &i in bucket.iter() {
            let (g, gtol) = &mut out[i];
            if !same_key(g) {
                continue;
            }
            let agree = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= tol.max(*gtol) + 1e-9 * x.abs().max(y.abs()),
                (None, None) => true,
                _ => false,
            };
            if agree(f.value, g.value) && agree(f.low, g.low) && agree(f.high, g.high) {
                if tol < *gtol {
                    // The more precise figure wins, with its own sentence.
                    *g = f.clone();
                    *gtol = tol;
                }
                merged = true;
                break;
            }
            conflict = true;
        }
        if merged {
            continue;
        }
        if conflict && answered(&f) && bucket.iter().any(|&i| same_key(&out[i].0) && !answered(&out[i].0)) {
            continue;
        }
        if conflict {
            for &i in bucket.iter() {
                if same_key(&out[i].0) {
                    out[i].0.conflict = true;
                }
            }
        }
        let mut f = f;
        f.conflict = conflict;
        bucket.push(out.len());
        out.push((f, tol));
    }
    out.into_iter().map(|(f, _)| f).collect()
}

#[cfg(test)]
mod tests {
    use crate::facts::Kind;

    /// The facts of one CFO sentence in an "Acme Q3 2024" call, compactly.
    fn check(sentence: &str) -> String {
        let text = format!("Operator\nWelcome to the Acme Q3 2024 Earnings Conference Call.\nJane Doe - CFO\n{sentence}\n");
        let f = crate::analyze(&text);
        f.facts
            .iter()
            .filter(|x| x.kind != Kind::Derived)
            .map(|x| {
                let v = match (x.low, x.high) {
                    (Some(l), Some(h)) => format!("{l}..{h}"),
                    _ => x.value.map_or("-".into(), |v| v.to_string()),
                };
                format!("{}[{}] {} {:?}/{:?} {v} {}", x.metric, x.segment, x.period, x.kind, x.measure, x.unit)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Runs [`check`] over a table of sentences and what each must give; reports every row that differs.
    fn check_table(cases: &[(&str, &str)]) {
        let bad: Vec<String> = cases
            .iter()
            .filter_map(|(s, want)| {
                let got = check(s);
                (got != *want).then(|| format!("{s:?}\n   got  {got:?}\n   want {want:?}"))
            })
            .collect();
        assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    }

    /// The facts of a CFO turn of several sentences (an outlook paragraph).
    fn check_turn(turn: &str) -> String {
        check(turn)
    }

    #[test]
    fn outlook_paragraph() {
        // "Turning to our outlook" makes the figures that follow guidance, for the period it names.
        let got = check_turn("Turning to our outlook for the full year 2025. Revenue of $90 million to $95 million. Adjusted EPS of $1.10 to $1.20.");
        assert_eq!(got, "revenue[total] FY2025 Guidance/Level 90000000..95000000 USD; eps[total] FY2025 Guidance/Level 1.1..1.2 USD/share");
        // An outlook sentence about the call's own quarter sets no outlook period.
        let got = check_turn("Our guidance for the third quarter was met. We expect adjusted EPS to be in the range of $5.09 to $5.19.");
        assert_eq!(got, "eps[total] FY2024-Q4 Guidance/Level 5.09..5.19 USD/share");
        // A sentence in the past tense ends it.
        let got = check_turn("Now for the outlook. We expect fourth quarter revenue of $20 million. Gross margin was 41% in the third quarter.");
        assert_eq!(got, "revenue[total] FY2024-Q4 Guidance/Level 20000000 USD; gross_margin[total] FY2024-Q3 Actual/Level 41 %");
        // The period one guidance names carries to the guidance right after it.
        let got = check_turn("We expect net sales in fiscal year 2025 to be up 15% to 20%. This includes 7 points of price. Operating margin is forecast to range between 16% and 17%.");
        assert_eq!(got, "revenue[total] FY2025 Guidance/Yoy 15..20 %; operating_margin[total] FY2025 Guidance/Level 16..17 %");
        // A long sentence that expects something of a period opens no outlook for it.
        let got = check_turn("We expect the elevated inventory levels at the end of Q1 to come down through the quarter in Windows OEM. We expect operating expenses of $15.7 billion to $15.8 billion.");
        assert_eq!(got, "operating_expenses[total] FY2024-Q4 Guidance/Level 15700000000..15800000000 USD");
    }

    #[test]
    fn segment_context() {
        // Each name is said twice, as a call says the parts it reports on.
        let cases = [
            // A turn of the talk before the first comma names the segment of the figures that follow.
            ("Moving to Aerospace, sales were $82 million, down 38% from last year. Operating profit of $11.1 million was down 65%. Aerospace backlog grew.",
             "revenue[aerospace] FY2024-Q3 Actual/Level 82000000 USD; revenue[aerospace] FY2024-Q3 Actual/Yoy -38 %; operating_income[aerospace] FY2024-Q3 Actual/Level 11100000 USD; operating_income[aerospace] FY2024-Q3 Actual/Yoy -65 %"),
            ("Beginning with Material Handling, net sales increased $63 million. Material Handling margins improved.",
             "revenue[material_handling] FY2024-Q3 Actual/Yoy 63000000 USD"),
            ("Now turning to our seating segment, sales were $3.2 billion. The seating segment grew.", "revenue[seating] FY2024-Q3 Actual/Level 3200000000 USD"),
            ("Starting with the Tools Group on Slide 7. Sales were $494.9 million. The Tools Group grew.", "revenue[tools_group] FY2024-Q3 Actual/Level 494900000 USD"),
            // A subject of its own before a change verb: a name in capitals is a segment; one the binder cannot name is no figure of the metric before it.
            ("Laboratory sales grew 6%, Industrial increased 2%, with core industrial up 4%. Laboratory and Industrial are segments.", "revenue[laboratory] FY2024-Q3 Actual/Yoy 6 %; revenue[industrial] FY2024-Q3 Actual/Yoy 2 %"),
            ("Digital revenue rose 57%, with Aerie up 158% and North America up 20%. Aerie and North America and Digital grew.", "revenue[digital] FY2024-Q3 Actual/Yoy 57 %; revenue[aerie] FY2024-Q3 Actual/Yoy 158 %; revenue[north_america] FY2024-Q3 Actual/Yoy 20 %"),
            // A metric or a part of the report is no segment.
            ("Turning to Gross Margin, it was 41% in the quarter.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %"),
            ("Turning to the Balance Sheet, we ended the quarter with cash and cash equivalents of $2 billion. The Balance Sheet is strong.", "cash[total] FY2024-Q3 Actual/Level 2000000000 USD"),
            // A basis between a name in capitals and its metric; a name's possessive.
            ("Material Handling adjusted operating income decreased to $15.2 million. Material Handling grew.", "operating_income[material_handling] FY2024-Q3 Actual/Level 15200000 USD"),
            ("Industrial's operating profit was $21.3 million. Industrial is our largest segment.", "operating_income[industrial] FY2024-Q3 Actual/Level 21300000 USD"),
            // A sentence about a segment ("in the seating segment") opens it, a slide's number being no figure.
            ("Slide 17 explains the variance in the seating segment.\nSales in the quarter were $3.2 billion.", "revenue[seating] FY2024-Q3 Actual/Level 3200000000 USD"),
            ("Slide 18 provides the details for our E-Systems segment.\nSales were $1.1 billion.", "revenue[e_systems] FY2024-Q3 Actual/Level 1100000000 USD"),
            // Products are no segment; nor is a name after "to" and a verb.
            ("Demand was strong for our mosquito control products.\nNet sales were $105 million. Mosquito control grew.", "revenue[total] FY2024-Q3 Actual/Level 105000000 USD"),
            ("We stay focused on our commitment to make Acme Industrial Group a better company.\nSales were $289 million. Acme Industrial Group is strong.", "revenue[total] FY2024-Q3 Actual/Level 289000000 USD"),
            // The company's own name is the total, never a part dropped beside it.
            ("Acme's revenue was $570 million. Revenue was $570 million.", "revenue[total] FY2024-Q3 Actual/Level 570000000 USD"),
        ];
        check_table(&cases);
    }

    #[test]
    fn answers_defer_to_the_prepared_remarks() {
        let facts = |answer: &str| {
            let text = format!(
                "Prepared Remarks:\n\nOperator\n\nWelcome to the Acme Q3 2024 earnings call.\n\nJohn Roe -- Chief Financial Officer\n\nRevenue was $4.2 billion.\n\n\
                 Questions & Answers:\n\nOperator\n\nFirst question.\n\nAnn Lee -- Bank -- Analyst\n\nWhy?\n\nJohn Roe -- Chief Financial Officer\n\n{answer}\n"
            );
            let f = crate::analyze(&text);
            f.facts.iter().filter(|x| x.kind != Kind::Derived).map(|x| format!("{}:{}:{}", x.metric, x.value.unwrap_or(0.0), x.conflict)).collect::<Vec<_>>().join(" ")
        };
        // An answer's figure that disagrees with the remarks' is about something else: left out.
        assert_eq!(facts("We are the only one to have eclipsed $5 billion in revenue."), "revenue:4200000000:false");
        // One that agrees is the same figure; one of another metric stands.
        assert_eq!(facts("Revenue was $4.2 billion, and gross margin was 41%."), "revenue:4200000000:false gross_margin:41:false");
    }

    #[test]
    fn segment_span() {
        // A sentence a line, no speakers: no paragraph ends the segment in play, so it lasts
        // while the call keeps naming it, and a few sentences after.
        let facts = |lines: &[&str]| {
            let text = format!("Welcome to the Acme Q3 2024 earnings call.\n{}\nThe seating segment is our largest.\n", lines.join("\n"));
            crate::analyze(&text).facts.iter().filter(|x| x.kind != Kind::Derived).map(|x| x.segment.clone()).collect::<Vec<_>>().join(" ")
        };
        let near = ["Slide 9 explains the variance in the seating segment.", "Demand was strong.", "Net sales were $5 billion."];
        assert_eq!(facts(&near), "seating");
        let far = ["Slide 9 explains the variance in the seating segment.", "Demand was strong.", "Supply was tight.", "Prices rose.", "Costs rose.", "We hired.", "We built.", "Net sales were $5 billion."];
        assert_eq!(facts(&far), "total");
        let named = ["Slide 9 explains the variance in the seating segment.", "Demand was strong.", "Supply was tight.", "Prices rose.", "Seating costs rose.", "We hired.", "We built.", "Net sales were $5 billion."];
        assert_eq!(facts(&named), "seating");
    }

    #[test]
    fn prepared_turn_under_an_analysts_name() {
        // A page that labels the CFO's prepared remarks with an analyst's name (the participants
        // list says who asks questions): before the Q&A, the turn's figures are the company's.
        let text = "Prepared Remarks:\n\nOperator\n\nWelcome to the Acme Third Quarter 2024 Earnings Call.\n\n\
                    Jane Analyst\n\nWe reported third quarter revenue of $88.6 million.\n\n\
                    Questions and Answers:\n\nOperator\n\nOur first question comes from Jane Analyst.\n\n\
                    Jane Analyst\n\nYou said revenue of $90 million was possible?\n\nJohn Boss\n\nYes.\n\n\
                    Call participants:\n\nJohn Boss--Chief Executive Officer\nJane Analyst--Big Bank -- Analyst\n";
        let f = crate::analyze(text);
        let got: Vec<String> = f.facts.iter().filter(|x| x.kind != Kind::Derived).map(|x| format!("{} {:?}", x.period, x.value)).collect();
        assert_eq!(got, ["FY2024-Q3 Some(88600000.0)"]);
    }

    #[test]
    fn period_context() {
        // A year before the call's, said in passing, does not date the figures that follow.
        let got = check_turn("Our comparisons are affected by the shutdowns we experienced in 2023. Third-quarter operating income was $107 million. Net income was $78 million.");
        assert_eq!(got, "operating_income[total] FY2024-Q3 Actual/Level 107000000 USD; net_income[total] FY2024-Q3 Actual/Level 78000000 USD");
        // The period after a comparison base ("versus $2.16 in fiscal 2023") is the base's, not the sentence's.
        let got = check_turn("For the year, EPS increased to $2.62 per diluted share versus $2.16 in fiscal 2023.");
        assert_eq!(got, "eps[total] FY2024 Actual/Level 2.62 USD/share; eps[total] FY2023 Actual/Level 2.16 USD/share");
        // Nor does a period after the call: what is to come is an outlook's, not the reporting context.
        let got = check_turn("Inventories are unlikely to recover until some time in 2025. Gross margin was 41%.");
        assert_eq!(got, "gross_margin[total] FY2024-Q3 Actual/Level 41 %");
        // "Our full-year forecast" in a Q4 call, after talk of the year just ended, is next year's.
        let text = "Operator\nWelcome to the Acme Q4 2024 Earnings Conference Call.\nJane Doe - CFO\n\
                    In 2024 we grew. For the segment, our full-year forecast is between 20% and 21% operating margin.\n";
        let f = crate::analyze(text);
        let periods: Vec<String> = f.facts.iter().map(|x| format!("{} {:?}", x.period, x.kind)).collect();
        assert_eq!(periods, ["FY2025 Guidance"]);
        // A period named in passing carries to the next few sentences only.
        let near = check_turn("For the full year, revenue was $90 million. Gross margin was 41%.");
        assert_eq!(near, "revenue[total] FY2024 Actual/Level 90000000 USD; gross_margin[total] FY2024 Actual/Level 41 %");
        let far = check_turn("This reflects a gain in the second quarter. Demand was strong. Supply was tight. Prices held. Costs rose. Gross margin was 41%.");
        assert_eq!(far, "gross_margin[total] FY2024-Q3 Actual/Level 41 %");
    }

    #[test]
    fn sentence_table() {
        let cases = [
            ("Revenue was $12.5 million, up 10% year-over-year.", "revenue[total] FY2024-Q3 Actual/Level 12500000 USD; revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
            ("Net interest margin was 3.1%, up 12 basis points sequentially.", "net_interest_margin[total] FY2024-Q3 Actual/Level 3.1 %; net_interest_margin[total] FY2024-Q3 Actual/Qoq 12 bp"),
            ("The combined ratio was 94.2%.", "combined_ratio[total] FY2024-Q3 Actual/Level 94.2 %"),
            // "is estimated to be" guides; "our expectation for the full year" guides.
            ("Adjusted earnings per diluted share are currently estimated to be in the range of $0.25 to $0.40 for the full year.", "eps[total] FY2024 Guidance/Level 0.25..0.4 USD/share"),
            ("For the full year, we expect revenue to range from $775 million to $790 million versus 2023 revenue of $476 million and 2022 revenue of $426 million.", "revenue[total] FY2024 Guidance/Level 775000000..790000000 USD; revenue[total] FY2023 Actual/Level 476000000 USD; revenue[total] FY2022 Actual/Level 426000000 USD"),
            ("Full-year adjusted earnings per diluted share is estimated to be in the range of $19 to $19.20.", "eps[total] FY2024 Guidance/Level 19..19.2 USD/share"),
            ("Our expectation for the full year is for revenue to range between $4.2 billion and $4.25 billion.", "revenue[total] FY2024 Guidance/Level 4200000000..4250000000 USD"),
            // "the year ended December 31, 2023" is a date, not a report; a change guided against a year is the next year's.
            ("Net sales are estimated to increase in the range of 1.5% to 4% compared to the full year ended December 31, 2023.", "revenue[total] FY2024 Guidance/Yoy 1.5..4 %"),
            // A money metric's percent "increased to" is its change; "10% ahead of last year" is a change.
            ("In the third quarter, sales increased to 11%, our fifth consecutive quarter of growth.", "revenue[total] FY2024-Q3 Actual/Yoy 11 %"),
            ("Gross margin increased to 41%.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %"),
            // "to 17% from 15%" of a money metric is a ratio's move, neither figure its change.
            ("Other operating expenses increased to 17% from 15% last year.", ""),
            ("Total revenue of $1.4 billion was 10% ahead of last year.", "revenue[total] FY2024-Q3 Actual/Level 1400000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
            // "closer to 2023" is a comparison, not the figure's period.
            ("We expect fourth quarter total sales to continue to accelerate closer to 2023 and reach $495 million to $510 million.", "revenue[total] FY2024-Q4 Guidance/Level 495000000..510000000 USD"),
            // "to last year" is the comparison, not the figure's period.
            ("For fiscal 2024, we now expect revenues to increase approximately 25% to 30% to last year.", "revenue[total] FY2024 Guidance/Yoy 25..30 %"),
            // A half already over when guided is next year's; one still to come is this year's.
            ("We expect first half revenue to be up 12% to 14%.", "revenue[total] FY2025-H1 Guidance/Yoy 12..14 %"),
            ("We expect second half revenue to be up 9% to 11%.", "revenue[total] FY2024-H2 Guidance/Yoy 9..11 %"),
            // A revision from one range to another: the new range only.
            ("We are raising our 2024 operating earnings guidance from $2.40 to $2.60 per share to $2.55 to $2.65 per share.", "eps[total] FY2024 Guidance/Level 2.55..2.65 USD/share"),
            // A place or business in capitals right after the figure is its segment.
            ("The Americas, Europe and Asia all grew. Local currency sales grew 6% in the Americas, 1% in Europe, and 5% in Asia.", "revenue[americas] FY2024-Q3 Actual/Yoy 6 %; revenue[europe] FY2024-Q3 Actual/Yoy 1 %; revenue[asia] FY2024-Q3 Actual/Yoy 5 %"),
            ("Revenue grew 6% in the third quarter.", "revenue[total] FY2024-Q3 Actual/Yoy 6 %"),
            // "the quarter" in a guidance after talk of the quarter ahead is that quarter.
            ("Now let me share some thoughts on our fourth quarter outlook. We anticipate revenues will be down roughly 4% to 6% in the quarter.", "revenue[total] FY2024-Q4 Guidance/Yoy -6..-4 %"),
            ("Turning to fiscal 2025. We expect revenues to be up 4% to 6%.", "revenue[total] FY2025 Guidance/Yoy 4..6 %"),
            ("Turning to the fourth quarter. Revenue was $5 million in the quarter.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD"),
            // The quarter reported is not the one guided: a period ahead in the sentence, else the year.
            ("Based on our results through the third quarter, we have adjusted our earnings per share guidance to now a range of $1.90 to $2.05 per share.", "eps[total] FY2024 Guidance/Level 1.9..2.05 USD/share"),
            ("To reflect the third quarter performance, we increased our full year guidance range for core FFO by $0.05 to a range of $6.35 to $6.65 per share.", "ffo_per_share[total] FY2024 Guidance/Level 6.35..6.65 USD/share"),
            ("Q3 revenues were $1.43 billion, $22 million above the high end of our guidance range and growing 31% year over year.", "revenue[total] FY2024-Q3 Actual/Level 1430000000 USD; revenue[total] FY2024-Q3 Actual/Yoy 31 %"),
            ("We expect fourth quarter revenue to be flat to down 6% sequentially.", "revenue[total] FY2024-Q4 Guidance/Qoq -6..0 %"),
            // The size of an effect named after it, or of a what-if move, is no figure of the metric.
            ("Last year's gross margin included rebates, which provided a 100 basis point benefit to gross margin.", ""),
            ("Offsetting these improvements was about 140 basis points of negative gross margin impact.", ""),
            ("On the oil side, a $5 change in oil impacts earnings by $0.03 per share.", ""),
            ("We expect sales in China to be down, which impacts our sales growth in the quarter by approximately 2%.", ""),
            // Not a change that is no effect: "a 100 basis point improvement in gross margin".
            ("Gross margin was 41%, a 100 basis point improvement over last year.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %; gross_margin[total] FY2024-Q3 Actual/Yoy 100 bp"),
            ("We are investing over $500 million in R&D.", "rd_expense[total] FY2024-Q3 Actual/Level 500000000 USD"),
            // "as a percentage of sales": the ratio, not the money metric (nor sales).
            ("Operating expenses as a percentage of net sales were 27.9%, compared to 29.3% last year.", "operating_expense_ratio[total] FY2024-Q3 Actual/Level 27.9 %; operating_expense_ratio[total] FY2023-Q3 Actual/Level 29.3 %"),
            // A change and the level it reached are two facts, not a range.
            ("Revenue increased $62 million to $1.4 billion.", "revenue[total] FY2024-Q3 Actual/Yoy 62000000 USD; revenue[total] FY2024-Q3 Actual/Level 1400000000 USD"),
            // A per-share figure of a charge or a price is no EPS.
            ("Results include purchase accounting charges of $17 million or $0.33 per diluted share.", "purchase_accounting_charges[total] FY2024-Q3 Actual/Level 17000000 USD; purchase_accounting_charges_per_share[total] FY2024-Q3 Actual/Level 0.33 USD/share"),
            ("We raised over $30 million through our equity offering program at an average price of $30.26 per share.", ""),
            ("Net income was $19.4 million or $0.38 per diluted share.", "net_income[total] FY2024-Q3 Actual/Level 19400000 USD; eps[total] FY2024-Q3 Actual/Level 0.38 USD/share"),
            // A segment the text turns to stands, though named once.
            ("Sales were $3.6 billion. In Display Technologies, sales were $956 million.", "revenue[total] FY2024-Q3 Actual/Level 3600000000 USD; revenue[display_technologies] FY2024-Q3 Actual/Level 956000000 USD"),
            // A clause with a transaction verb of its own is no figure of the metric before.
            ("For the full year, we generated $310 million in cash from operations and returned $61 million to shareholders.", "operating_cash_flow[total] FY2024 Actual/Level 310000000 USD"),
            // "fiscal '24's second quarter" is one period, and the comparison.
            ("Sales increased 9.5% from fiscal '24's second quarter.", "revenue[total] FY2024-Q3 Actual/Qoq 9.5 %"),
            // A base "in the prior year" of a full-year figure is the year before.
            ("For the year, adjusted free cash flow amounted to $531.3 million, as compared with $455.9 million in the prior year.", "free_cash_flow[total] FY2024 Actual/Level 531300000 USD; free_cash_flow[total] FY2023 Actual/Level 455900000 USD"),
            // A figure that opens its sentence (no word before it to read as a base's opener).
            ("$1.2 billion in revenue for the quarter.", "revenue[total] FY2024-Q3 Actual/Level 1200000000 USD"),
            // A comparison base with its metric: "compared to net sales of $1.12 billion in 2023".
            ("We now expect sales in the range of $1.015 billion to $1.05 billion compared to net sales of $1.12 billion in 2023.", "revenue[total] FY2024 Guidance/Level 1015000000..1050000000 USD; revenue[total] FY2023 Actual/Level 1120000000 USD"),
            // Organic growth is a revenue change.
            ("Organic growth for the quarter was 11.5%.", "revenue[total] FY2024-Q3 Actual/Yoy 11.5 %"),
            ("We expect continued organic growth in 2025 as we deliver on our $63 billion backlog.", "backlog[total] FY2025 Guidance/Level 63000000000 USD"),
            // A metric outside the lexicon keeps the name the sentence gives it.
            ("Restructuring and other related charges were approximately $63 million in the quarter.", "restructuring_and_other_related_charges[total] FY2024-Q3 Actual/Level 63000000 USD"),
            ("Book value per share was $45.10.", "book_value_per_share[total] FY2024-Q3 Actual/Level 45.1 USD/share"),
            ("Cloud revenue doubled year-over-year, as cloud adoption grew.", "revenue[cloud] FY2024-Q3 Actual/Yoy 100 %"),
            ("Net loss was $(3.4) million.", "net_income[total] FY2024-Q3 Actual/Level -3400000 USD"),
            ("Cash used in operations was $2.1 million.", "operating_cash_flow[total] FY2024-Q3 Actual/Level -2100000 USD"),
            ("Revenue was INR 82,000 crores.", "revenue[total] FY2024-Q3 Actual/Level 820000000000 INR"),
            ("We expect fourth quarter revenue of $20 million to $22 million.", "revenue[total] FY2024-Q4 Guidance/Level 20000000..22000000 USD"),
            ("For the full year, we now expect revenue of $80 million.", "revenue[total] FY2024 Guidance/Level 80000000 USD"),
            ("Gross margin was 41%, down 150 basis points from the prior quarter.", "gross_margin[total] FY2024-Q3 Actual/Level 41 %; gross_margin[total] FY2024-Q3 Actual/Qoq -150 bp"),
            ("Operating expenses were $9 million, compared to $8 million a year ago.", "operating_expenses[total] FY2024-Q3 Actual/Level 9000000 USD; operating_expenses[total] FY2023-Q3 Actual/Level 8000000 USD"),
            ("Industry sales grew 15%.", ""),
            ("Revenue grew 12%, and 10% in constant currency.", "revenue[total] FY2024-Q3 Actual/Yoy 12 %"),
            ("Our sales force grew to 500 people.", ""),
            // Per-share figures and their ranges, the unit said once.
            ("We expect fourth quarter adjusted EPS of $2.35 to $2.47 per share.", "eps[total] FY2024-Q4 Guidance/Level 2.35..2.47 USD/share"),
            ("Net earnings per diluted share were $0.41.", "eps[total] FY2024-Q3 Actual/Level 0.41 USD/share"),
            ("Loss per share was $0.12.", "eps[total] FY2024-Q3 Actual/Level -0.12 USD/share"),
            ("Core FFO per share was $1.05.", "ffo_per_share[total] FY2024-Q3 Actual/Level 1.05 USD/share"),
            // The per-share tail in its wordings; a loss per share is negative; a dividend per share.
            ("Adjusted net income was $178 million or $1.20 diluted earnings per share.", "net_income[total] FY2024-Q3 Actual/Level 178000000 USD; eps[total] FY2024-Q3 Actual/Level 1.2 USD/share"),
            ("Diluted net operating earnings per common share were $3.45.", "eps[total] FY2024-Q3 Actual/Level 3.45 USD/share"),
            ("Net loss was $287 million or $1.87 net loss per diluted share.", "net_income[total] FY2024-Q3 Actual/Level -287000000 USD; eps[total] FY2024-Q3 Actual/Level -1.87 USD/share"),
            ("The Board declared a quarterly dividend of $0.47 per share.", "dividend[total] FY2024-Q3 Actual/Level 0.47 USD/share"),
            // Ranges: "range from A to B" is no comparison; the scale said once at the second end.
            ("We expect revenue to range from $555 million to $595 million.", "revenue[total] FY2024-Q4 Guidance/Level 555000000..595000000 USD"),
            ("We expect fourth quarter revenue in a range of $155 to $165 million.", "revenue[total] FY2024-Q4 Guidance/Level 155000000..165000000 USD"),
            // A revision of the outlook guides, though its verb is past; "affirming" guides.
            ("We raised our full year core FFO range to be $5.95 to $6.10 per share.", "ffo_per_share[total] FY2024 Guidance/Level 5.95..6.1 USD/share"),
            ("We are affirming our full year adjusted EPS range at $20.50 to $21.50.", "eps[total] FY2024 Guidance/Level 20.5..21.5 USD/share"),
            ("We raised our dividend by 10% to $0.50 per share.", "dividend[total] FY2024-Q3 Actual/Level 0.5 USD/share"),
            // A change word after a money metric, in the figure's clause: the percent is a change.
            ("Revenue growth is expected to be 12.5% to 13%.", "revenue[total] FY2024-Q4 Guidance/Yoy 12.5..13 %"),
            ("We now expect organic revenue growth in a range of 13% to 15%.", "revenue[total] FY2024-Q4 Guidance/Yoy 13..15 %"),
            ("Our total revenue growth in the quarter was 2.6%.", "revenue[total] FY2024-Q3 Actual/Yoy 2.6 %"),
            ("Revenue declined in the quarter to $5 million, or 45% of the total.", "revenue[total] FY2024-Q3 Actual/Level 5000000 USD"),
            // A revision: the new outlook stands, the one it replaces is no figure; a change against a forecast is none either.
            ("We now expect revenues of $2.13 billion to $2.18 billion compared to prior guidance of $1.99 billion to $2.05 billion.", "revenue[total] FY2024-Q4 Guidance/Level 2130000000..2180000000 USD"),
            ("We now expect organic revenue growth in the range of 5% to 7%, up from our previous guidance of 3% to 5%.", "revenue[total] FY2024-Q4 Guidance/Yoy 5..7 %"),
            ("Revenue was up 5% compared to our previous forecast.", ""),
            // "as-reported" is a basis, not a report; "estimate" guides; "A through B" is a range.
            ("For the full year, the guidance range for earnings per share on an as-reported basis is now $9.93 to $10.53.", "eps[total] FY2024 Guidance/Level 9.93..10.53 USD/share"),
            ("We currently estimate fourth quarter adjusted earnings of between $1.50 and $1.55 per share.", "eps[total] FY2024-Q4 Guidance/Level 1.5..1.55 USD/share"),
            ("We are narrowing our 2024 guidance range to $5.90 through $6.10 per share.", "eps[total] FY2024 Guidance/Level 5.9..6.1 USD/share"),
            ("Full-year revenue is expected to remain unchanged from our previous forecast of $9.9 billion.", "revenue[total] FY2024 Guidance/Level 9900000000 USD"),
            ("For the full year, we now expect revenue to increase 200 million compared to the previous forecast to $9.9 billion.", "revenue[total] FY2024 Guidance/Level 9900000000 USD"),
            // "compared with" a period: the comparison base, not the guided figure's period.
            ("Revenues are expected to increase approximately 12% compared with the third quarter of 2023.", "revenue[total] FY2024-Q4 Guidance/Yoy 12 %"),
            // "guidance" and "raising" guide; "annual" is the year.
            ("We are raising our annual adjusted EPS guidance to $7.30 a share to $7.40 a share.", "eps[total] FY2024 Guidance/Level 7.3..7.4 USD/share"),
            ("We now see full-year DEPS in the range of $15 and $15.20 per share.", "eps[total] FY2024 Guidance/Level 15..15.2 USD/share"),
            // Metrics outside the core list keep their own names.
            // "Now, onto the tools group." opens a segment for the figures that follow.
            ("Now, onto the tools group. As reported, sales rose to $494.9 million in the tools group.", "revenue[tools_group] FY2024-Q3 Actual/Level 494900000 USD"),
            ("Same-store sales rose 5.8%.", "same_store_sales[total] FY2024-Q3 Actual/Yoy 5.8 %"),
            ("Backlog was $2.1 billion.", "backlog[total] FY2024-Q3 Actual/Level 2100000000 USD"),
            ("Net interest income was $410 million.", "net_interest_income[total] FY2024-Q3 Actual/Level 410000000 USD"),
            ("EBIT was $11 million.", "operating_income[total] FY2024-Q3 Actual/Level 11000000 USD"),
            ("Our provision for credit losses was $20 million.", "provision_for_credit_losses[total] FY2024-Q3 Actual/Level 20000000 USD"),
            ("Systemwide RevPAR declined 38.4%.", "revpar[total] FY2024-Q3 Actual/Yoy -38.4 %"),
            ("Our liquidity at quarter end was $277 million.", "liquidity[total] FY2024-Q3 Actual/Level 277000000 USD"),
            // "Q3 of last year" is one period, a year back.
            ("Our gross margin of 38.2% is up from 32.3% in Q3 of last year.", "gross_margin[total] FY2024-Q3 Actual/Level 38.2 %; gross_margin[total] FY2023-Q3 Actual/Level 32.3 %"),
            ("Operating income is up 25% from $34.5 million in Q3 of last year.", "operating_income[total] FY2024-Q3 Actual/Yoy 25 %; operating_income[total] FY2023-Q3 Actual/Level 34500000 USD"),
            ("Operating income of $216.2 million in the quarter compared to $171.4 million in 2023.", "operating_income[total] FY2024-Q3 Actual/Level 216200000 USD; operating_income[total] FY2023-Q3 Actual/Level 171400000 USD"),
            // A metric after the next figure is that figure's: "system sales grew 16%, driven by 11% same-store sales growth".
            ("System sales grew 16%, driven by 11% same-store sales growth.", "revenue[total] FY2024-Q3 Actual/Yoy 16 %; same_store_sales[total] FY2024-Q3 Actual/Yoy 11 %"),
            ("We expect net sales and operating income to decline 9% to 11% and 16% to 18%, respectively, in the fourth quarter.", "revenue[total] FY2024-Q4 Guidance/Yoy -11..-9 %; operating_income[total] FY2024-Q4 Guidance/Yoy -18..-16 %"),
            // Bare "earnings" in dollars and cents is EPS; in millions or as a change it is not.
            ("We now expect adjusted earnings to be in the range of $1.70 to $1.90.", "eps[total] FY2024-Q4 Guidance/Level 1.7..1.9 USD/share"),
            ("Earnings grew 10% to $120 million.", ""),
            ("Adjusted earnings were down 70% year-over-year.", ""),
            ("We report a net loss of $26.6 million or $0.13 per share.", "net_income[total] FY2024-Q3 Actual/Level -26600000 USD; eps[total] FY2024-Q3 Actual/Level -0.13 USD/share"),
            ("Our reported net loss in the third quarter was $0.11 per share.", "eps[total] FY2024-Q3 Actual/Level -0.11 USD/share"),
            ("Free cash flow for the first half of the year was up 34% year over year.", "free_cash_flow[total] FY2024-H1 Actual/Yoy 34 %"),
            // A comparison base behind its qualifiers takes the earlier period.
            ("Adjusted EPS was $0.38, down 46% from last year's adjusted $0.71.", "eps[total] FY2024-Q3 Actual/Level 0.38 USD/share; eps[total] FY2024-Q3 Actual/Yoy -46 %; eps[total] FY2023-Q3 Actual/Level 0.71 USD/share"),
            // A base with its own period or a base noun before the figure: "from Q2's $11.2 million", "over the prior-year level of 58.4%".
            ("Our non-GAAP EPS of $1.56 is up from Q2's $0.21, while it is flat to Q3 of last year.", "eps[total] FY2024-Q3 Actual/Level 1.56 USD/share; eps[total] FY2024-Q2 Actual/Level 0.21 USD/share; eps[total] FY2024-Q3 Actual/Yoy 0 %"),
            ("Gross margin in the quarter was 59%, an increase over the prior-year level of 58.4%.", "gross_margin[total] FY2024-Q3 Actual/Level 59 %; gross_margin[total] FY2023-Q3 Actual/Level 58.4 %"),
            ("Adjusted EBITDA almost doubled to $64 million in Q3 from the Q2 level of approximately $32 million.", "ebitda[total] FY2024-Q3 Actual/Qoq 100 %; ebitda[total] FY2024-Q3 Actual/Level 64000000 USD; ebitda[total] FY2024-Q2 Actual/Level 32000000 USD"),
            // A part of a figure or an effect on a metric is not the metric; the company's own change is.
            ("Operating income was $22 million including $700,000 of costs related to the merger.", "operating_income[total] FY2024-Q3 Actual/Level 22000000 USD"),
            ("Earnings per share were $3.82, including a $0.02 charge for restructuring.", "eps[total] FY2024-Q3 Actual/Level 3.82 USD/share"),
            ("Production downtime reduced our sales by approximately $300 million or 21%.", ""),
            ("We estimate currency reduced operating income by approximately $3.5 million.", ""),
            ("We grew revenue by 10% in the quarter.", "revenue[total] FY2024-Q3 Actual/Yoy 10 %"),
            ("We increased our gross margin by 50 basis points.", "gross_margin[total] FY2024-Q3 Actual/Yoy 50 bp"),
            // Year-to-date: the first half in a Q2 call, no period of ours in a Q3 call (three quarters).
            ("Our reported EBITDA for the quarter was $560.3 million, up 7.4% for the quarter and 56.3% year-to-date.", "ebitda[total] FY2024-Q3 Actual/Level 560300000 USD; ebitda[total] FY2024-Q3 Actual/Yoy 7.4 %"),
            ("Cash flow from operations totaled $263 million year-to-date.", ""),
            ("Given our performance year-to-date, we raise our full year sales outlook to a range of $64.4 billion to $65.4 billion.", "revenue[total] FY2024 Guidance/Level 64400000000..65400000000 USD"),
            // A distance from an outlook, or the size of a revision, is no figure of a period.
            ("In the second quarter, revenue was $1.534 billion, about $44 million above our outlook.", "revenue[total] FY2024-Q2 Actual/Level 1534000000 USD"),
            ("We are raising our full year revenue outlook by $73 million to a range of $5.53 billion to $5.54 billion.", "revenue[total] FY2024 Guidance/Level 5530000000..5540000000 USD"),
            // Past tense counts in the figure's own clause; "reported and adjusted" is a basis, "we reported" a verb.
            ("We now expect a full year revenue decline of 3.5% to 4.5% and reported and adjusted full year EPS of $1.05 to $1.10 and $1.40 to $1.45, respectively.", "revenue[total] FY2024 Guidance/Yoy -4.5..-3.5 %; eps[total] FY2024 Guidance/Level 1.05..1.1 USD/share; eps[total] FY2024 Guidance/Level 1.4..1.45 USD/share"),
            ("Last night, we reported adjusted quarterly funds from operations of $1.37 per share for the third quarter.", "ffo_per_share[total] FY2024-Q3 Actual/Level 1.37 USD/share"),
            ("For Q4, we're expecting revenue to range from $1.42 billion to $1.43 billion, representing reported growth of 4.5% to 5.5%.", "revenue[total] FY2024-Q4 Guidance/Level 1420000000..1430000000 USD; revenue[total] FY2024-Q4 Guidance/Yoy 4.5..5.5 %"),
            ("For the third quarter, Sun reported core FFO per share of $2.11.", "ffo_per_share[total] FY2024-Q3 Actual/Level 2.11 USD/share"),
            // "from continuing operations" and "or" name no segment.
            ("Diluted earnings per share from continuing operations was $2.46. Adjusted EPS was $2.73.", "eps[total] FY2024-Q3 Actual/Level 2.46 USD/share; eps[total] FY2024-Q3 Actual/Level 2.73 USD/share"),
            ("JBT posted adjusted diluted EPS of $0.90 or GAAP earnings per share of $0.84.", "eps[total] FY2024-Q3 Actual/Level 0.9 USD/share; eps[total] FY2024-Q3 Actual/Level 0.84 USD/share"),
            // A base's period a few words after it; an outlook word before the metric is no earlier outlook.
            ("Earnings were $1.18 per share, compared to $0.90 per share for the same quarter in 2023.", "eps[total] FY2024-Q3 Actual/Level 1.18 USD/share; eps[total] FY2023-Q3 Actual/Level 0.9 USD/share"),
            ("Results exceeded our expectations with earnings of $1.18 per share.", "eps[total] FY2024-Q3 Actual/Level 1.18 USD/share"),
            ("Revenue was $457 million, above our outlook range of $440 million.", "revenue[total] FY2024-Q3 Actual/Level 457000000 USD"),
            // A guidance verb before the figure guides it, whatever past tense follows.
            ("Finally, we expect adjusted diluted EPS to be in the range of $5.09 to $5.19 and reported diluted EPS to be in the range of $4.75 to $4.87.", "eps[total] FY2024-Q4 Guidance/Level 5.09..5.19 USD/share; eps[total] FY2024-Q4 Guidance/Level 4.75..4.87 USD/share"),
            ("We expect full-year 2024 earnings per share of $8.80 to $9.07, an increase of 9% over the $8.19 we delivered in 2023.", "eps[total] FY2024 Guidance/Level 8.8..9.07 USD/share; eps[total] FY2024 Guidance/Yoy 9 %; eps[total] FY2023 Actual/Level 8.19 USD/share"),
        ];
        check_table(&cases);
    }
}
