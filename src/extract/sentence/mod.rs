//! One sentence's figures bound to metric, segment, period, kind and measure.

mod words;

use std::borrow::Cow;

use super::lex::{self, phrase_at, Token};
use super::metric::{self, Class, MetricMention};
use super::number::{self, Dim};
use super::other;
use super::period::{self, Mention, PeriodRef};
use super::{Ctx, CONTEXT_SPAN, SEGMENT_SPAN};
use crate::facts::{Basis, Currency, Fact, Kind, Measure, Part, Period, Source, Unit};
use crate::transcript::Paragraph;
use words::*;

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
pub(super) fn sentence<'p>(ctx: &mut Ctx, para: &'p Paragraph, a: usize, b: usize, context: &mut Option<Period>, buf: &mut Vec<Token<'p>>) {
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
