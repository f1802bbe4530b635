//! One sentence's figures bound to metric, segment, period, kind and measure.
//!
//! [`sentence`] reads a sentence in named steps: what of the running context
//! ages out ([`age_context`]); then [`Sentence::new`]: what is found in the
//! sentence once ([`Sentence::read`]: basis, periods, figures, their
//! comparison bases, its past-tense verbs), whether it reports or guides
//! ([`Sentence::tense_and_outlook`]), the segment in play
//! ([`segment_in_play`]), its own period, the outlook it opens
//! ([`open_outlook`]) and its metrics; then each figure ([`figure`]: what to
//! skip, change or level, period, kind; [`binding`]: metric, segment,
//! measure and value, basis); last, what it leaves in play for the next
//! sentences ([`carry_period`]).

mod binding;
mod figure;
mod words;

#[cfg(test)]
mod tests;

use super::lex::{self, Token};
use super::metric::{self, Class, MetricMention};
use super::number::{self, Figure};
use super::period::{self, Mention, PeriodRef};
use super::{Ctx, CONTEXT_SPAN, SEGMENT_SPAN};
use crate::facts::{Basis, Currency, Part, Period, Unit};
use crate::transcript::Paragraph;
use figure::{Bound, Run};
use words::*;

/// Whether period `p` lies after the call's period `call` (the long term always does).
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
/// One sentence as the binder reads it: its tokens and what was found in
/// them, once, for every figure of the sentence to consult.
struct Sentence<'s, 'p> {
    para: &'p Paragraph,
    /// The sentence's byte range in the paragraph's text.
    a: usize,
    b: usize,
    t: &'s [Token<'p>],
    /// The sentence's text in lower case.
    lower: String,
    /// The basis the sentence names ("non-GAAP", "adjusted", "GAAP").
    basis: Option<Basis>,
    periods: Vec<Mention>,
    figures: Vec<Figure>,
    /// Each figure's comparison base said with qualifiers before it ([`base_before`]).
    bases: Vec<Option<(usize, Option<usize>)>>,
    /// The metric mentions (read only when there are figures).
    metrics: Vec<MetricMention>,
    /// "C2C revenues and operating income grew 4% and 9%, respectively": the
    /// metrics said before the figures, one for each, in order (indices into `metrics`).
    respective: Option<Vec<usize>>,
    /// "GAAP and non-GAAP gross margins are expected to be 76.3% and 77% respectively".
    pair_basis: Option<[Basis; 2]>,
    /// A verb in the past tense anywhere in the sentence.
    past: bool,
    /// Which tokens are verbs in the past tense ([`past_at`]), found once for
    /// a sentence with figures, whose every figure asks (empty without figures).
    past_mask: Vec<bool>,
    /// The sentence guides, or is part of an outlook paragraph.
    guidance_word: bool,
    /// The sentence's own period: its first period mention that dates it.
    period: Option<Period>,
    /// The period of the outlook paragraph the sentence is in, when it guides.
    outlook_period: Option<Period>,
    /// The segment the sentence is about, when a figure names none.
    subject: Option<String>,
    /// The subject is named in the sentence's opening words ("In the Enterprise
    /// Division, ..."), not carried from earlier ones.
    subject_leads: bool,
    /// The period in play from the sentences before.
    context: Option<Period>,
}

/// Reads one sentence and appends its facts.
pub(super) fn sentence<'p>(ctx: &mut Ctx, para: &'p Paragraph, a: usize, b: usize, context: &mut Option<Period>, buf: &mut Vec<Token<'p>>) {
    age_context(ctx, context);
    lex::tokenize_into(&para.text, a, b, buf);
    let t: &[Token<'p>] = buf;
    if t.is_empty() {
        return;
    }
    let s = Sentence::new(ctx, para, a, b, t, *context);
    let mut run = Run::default();
    for n in 0..s.figures.len() {
        match s.bind(ctx, n, &mut run) {
            Some(Bound::Fact(fact, tolerance)) => ctx.raw.push((fact, tolerance)),
            Some(Bound::Undated) => ctx.undated += 1,
            None => {}
        }
    }
    carry_period(ctx, context, &s);
}

/// Ages what is in play by one sentence: a period in play that is not named
/// again for a while is no longer in play, nor is the period guided last.
fn age_context(ctx: &mut Ctx, context: &mut Option<Period>) {
    ctx.context_age += 1;
    if ctx.context_age > CONTEXT_SPAN {
        *context = None;
    }
    ctx.guided = ctx.guided.map(|(p, age)| (p, age + 1)).filter(|(_, age)| *age <= CONTEXT_SPAN);
}

impl<'s, 'p> Sentence<'s, 'p> {
    /// Reads the sentence in its sentence-level steps, updating what is in
    /// play in `ctx` (the announced basis, the outlook, the segment): what is
    /// found in it, whether it reports or guides, the segment in play, its own
    /// period, the outlook it opens, and (when it has figures) its metrics.
    fn new(ctx: &mut Ctx, para: &'p Paragraph, a: usize, b: usize, t: &'s [Token<'p>], context: Option<Period>) -> Self {
        let mut s = Sentence::read(ctx, para, a, b, t, context);
        let opens_outlook = s.tense_and_outlook(ctx);
        (s.subject, s.subject_leads) = segment_in_play(ctx, &s);
        let own_period = s.own().next().and_then(|m| s.resolve(m.what, ctx.call, s.guidance_word));
        s.period = own_period;
        if opens_outlook {
            open_outlook(ctx, s.period);
        }
        s.outlook_period = ctx.outlook.flatten().filter(|_| s.guidance_word);
        if !s.figures.is_empty() {
            s.read_metrics();
            // "Revenue from financial services of $93.4 million": a part in lower case the call calls
            // one, unless it is the segment in play said short ("sales in spaces" in Intelligent Spaces Group).
            let in_play = s.subject.as_ref().or(ctx.segment.as_ref()).map(|p| format!("_{p}_"));
            for m in s.metrics.iter_mut().filter(|m| m.segment.is_none()) {
                m.segment = metric::lower_part_after(t, m.last)
                    .filter(|n| ctx.called_a_segment(n) && !in_play.as_ref().is_some_and(|p| p.contains(&format!("_{n}_"))));
            }
        }
        s
    }

    /// What is found in the sentence before any figure is bound: the basis it
    /// names (and the speaker's announced basis, which it may set), its period
    /// mentions, its figures and their comparison bases.
    fn read(ctx: &mut Ctx, para: &'p Paragraph, a: usize, b: usize, t: &'s [Token<'p>], context: Option<Period>) -> Self {
        let text = &para.text;
        // The speaker's announced basis: "on a non-GAAP basis, unless otherwise noted".
        let lower = text[a..b].to_ascii_lowercase();
        let basis = if lower.contains("non-gaap") || lower.contains("non gaap") || lower.contains("adjusted") {
            Some(Basis::NonGaap)
        } else if lower.contains("gaap") {
            Some(Basis::Gaap)
        } else {
            None
        };
        if lower.contains("basis") && (lower.contains("unless otherwise") || lower.contains("following")) {
            ctx.basis = basis.or(ctx.basis);
        }
        // Most sentences hold no figure: a figure needs a digit or a number word with a
        // unit or scale ("nine percent", "one trillion"), or "flat". Skipping the grammar
        // for the rest keeps extraction linear and cheap; their periods only matter when
        // the sentence is short (a topic sentence) or has a year in digits.
        let has_digit = text.as_bytes()[a..b].iter().any(u8::is_ascii_digit);
        let maybe_figures = has_digit || ["flat", "percent", "point", "trillion", "billion", "million", "doubl", "tripl"].iter().any(|w| lower.contains(w));
        let mut periods = if maybe_figures || t.len() <= 14 { period::mentions(t) } else { Vec::new() };
        let figures = if maybe_figures { number::figures(t) } else { Vec::new() };
        let bases = mark_bases(t, &mut periods, &figures);
        let past_mask = if figures.is_empty() { Vec::new() } else { (0..t.len()).map(|k| past_at(t, k)).collect() };
        Sentence {
            para,
            a,
            b,
            t,
            lower,
            basis,
            periods,
            figures,
            bases,
            metrics: Vec::new(),
            respective: None,
            pair_basis: None,
            past: false,
            past_mask,
            guidance_word: false,
            period: None,
            outlook_period: None,
            subject: None,
            subject_leads: false,
            context,
        }
    }

    /// Whether the sentence reports (a verb in the past tense) or guides (a
    /// guidance word, or an outlook paragraph it is in); a report with figures
    /// ends the outlook paragraph. Returns whether the sentence opens an outlook
    /// ("Turning to our outlook for 2022."): a long figure-less sentence that
    /// expects something ("We expect the elevated inventory levels at the end
    /// of Q4 to come down") is no outlook's opening.
    fn tense_and_outlook(&mut self, ctx: &mut Ctx) -> bool {
        let t = self.t;
        // Guidance words only matter where there is a figure or a period.
        // Without figures, periods or an outlook in play nothing reads the tense.
        let tense_read = !self.figures.is_empty() || !self.periods.is_empty() || ctx.outlook.is_some();
        self.past = tense_read && self.any_past(0, t.len());
        let guidance_word = (!self.figures.is_empty() || !self.periods.is_empty()) && speaks_of_guidance(t, &self.lower, self.past);
        let opens_outlook = guidance_word && (self.figures.is_empty() && t.len() <= 16 || t.iter().any(|x| x.is_any(&["outlook", "guidance", "forecast"])));
        if self.past && !guidance_word && !self.figures.is_empty() {
            ctx.outlook = None;
        }
        let in_outlook = ctx.outlook.is_some() && !self.past;
        self.guidance_word = guidance_word || in_outlook;
        opens_outlook
    }

    /// A verb in the past tense from token `from` up to `to` (read from the
    /// mask when the sentence has figures).
    fn any_past(&self, from: usize, to: usize) -> bool {
        if self.past_mask.is_empty() {
            any_past(self.t, from, to)
        } else {
            (from..to.min(self.t.len())).any(|k| self.past_mask[k])
        }
    }

    /// The period mentions that date the sentence: no comparison base, no
    /// period before ("last year") and no part of a year so far ("Given our
    /// performance year-to-date, we raise our full-year outlook ...": the year
    /// so far dates only its own figures).
    fn own(&self) -> impl Iterator<Item = &Mention> {
        self.periods.iter().filter(|m| !m.comparison && !m.recalled && !matches!(m.what, PeriodRef::PrevYear | PeriodRef::PrevQuarter | PeriodRef::YearToDate | PeriodRef::NineMonths))
    }

    /// Resolves a period mention of the sentence ([`period::resolve`]), the
    /// year in play aside when the sentence guides a quarter the call has
    /// already reported in that year: "2020 was one of the most challenging
    /// years ... For the first quarter, we now expect" in a Q4 2020 call is
    /// next year's first quarter (not in the past tense: "Last year we earned
    /// $1.43 per share in the first quarter").
    fn resolve(&self, what: PeriodRef, call: Option<Period>, guidance: bool) -> Option<Period> {
        let stale = |c: &Period| match (what, c.part(), c.year_number(), call.and_then(|c| c.part().zip(c.year_number()))) {
            (PeriodRef::Quarter(q), Some(Part::Year), Some(y), Some((Part::Quarter(cq), cy))) => (y, q) < (cy, cq),
            _ => false,
        };
        let context = self.context.filter(|c| !(guidance && !self.past && stale(c)));
        period::resolve(what, call, context, guidance)
    }

    /// The metric mentions, and how metrics or bases are paired with figures
    /// by "respectively".
    fn read_metrics(&mut self) {
        let metrics = metric::mentions(self.t);
        let first = self.figures[0].first;
        self.respective = (self.lower.contains("respectively") && self.figures.len() >= 2)
            .then(|| metrics.iter().enumerate().filter(|(_, m)| m.last <= first).map(|(i, _)| i).collect::<Vec<_>>())
            .filter(|ms| ms.len() == self.figures.len() && ms.windows(2).all(|w| metrics[w[1]].first - metrics[w[0]].last <= 3));
        self.pair_basis = if self.lower.contains("respectively") && self.lower.contains("gaap and non-gaap") {
            Some([Basis::Gaap, Basis::NonGaap])
        } else if self.lower.contains("respectively") && self.lower.contains("non-gaap and gaap") {
            Some([Basis::NonGaap, Basis::Gaap])
        } else {
            None
        };
        self.metrics = metrics;
    }
}

/// Each figure's comparison base said before it, read once here and again by
/// the binder; marks the periods of comparison bases as comparisons ("up from
/// 72 days in Q3", "versus $2.16 in fiscal 2020", "compared to $1.1 billion in
/// the prior year", "from Q2's $11.2 million").
fn mark_bases(t: &[Token<'_>], periods: &mut [Mention], figures: &[Figure]) -> Vec<Option<(usize, Option<usize>)>> {
    let mut bases = Vec::with_capacity(figures.len());
    let mut opened = false;
    for (n, f) in figures.iter().enumerate() {
        let lo = if n == 0 { 0 } else { figures[n - 1].last };
        // "up from 34% in Q2 and 32.3% in Q3 of last year": a base joined to the base before it.
        let joined = opened && f.dim == figures[n - 1].dim && and_joined(t, lo, f.first);
        let pk = past_approximation(t, lo, f.first);
        let base = base_before(t, periods, lo, pk);
        bases.push(base);
        // "from Q2's $11.2 million": the period in the qualifiers is the base's.
        if let Some((_, Some(m))) = base {
            periods[m].comparison = true;
        }
        // "increased 3.9% to $8.5 billion following a 17.3% increase in Q3 of 2020":
        // the period recalled dates its own figure only.
        if recalls(t, f.first) {
            for m in periods.iter_mut().filter(|m| m.first >= f.last && m.first <= f.last + 3) {
                m.recalled = true;
            }
        }
        opened = joined || opens_base(t, f.first) || opens_base_behind(t, lo, pk, f.last);
        if opened {
            let hi = figures.get(n + 1).map_or(t.len(), |g| g.first);
            let near = base_period_after(t, periods, f.last, hi);
            for m in periods.iter_mut().filter(|m| m.first >= f.last && m.first <= f.last + 2 || Some(m.first) == near) {
                m.comparison = true;
            }
        }
    }
    // "from the $12.41 reported last year -- 2019": a period that restates a base's is the base's too.
    for k in 1..periods.len() {
        let (a, b) = (periods[k - 1], periods[k]);
        if a.comparison && b.first >= a.last && b.first <= a.last + 3 && t[a.last..b.first].iter().all(|x| x.kind == lex::Tok::Sym) {
            periods[k].comparison = true;
        }
    }
    bases
}

/// The segment in play after this sentence (named in it, or carried from an
/// earlier one, until a paragraph, a total, a new topic or [`SEGMENT_SPAN`]
/// sentences end it), and the sentence's subject: the segment its figures
/// are of when they name none, and whether the sentence opens on it.
fn segment_in_play(ctx: &mut Ctx, s: &Sentence<'_, '_>) -> (Option<String>, bool) {
    let (t, lower, has_figures) = (s.t, s.lower.as_str(), !s.figures.is_empty());
    let any_topic = metric::segment_topic(t);
    let topic = any_topic.clone().filter(|_| !has_figures);
    // A lead-in in lower case names a segment where the call calls it one elsewhere;
    // else it turns the talk from the segment in play ("In compute, revenue grew 10%").
    let (lead, away) = match metric::leading_segment(t) {
        Some((name, sure)) if sure || ctx.called_a_segment(&name) => (Some(name), false),
        Some(_) => (None, true),
        None => (None, false),
    };
    if away && has_figures {
        ctx.segment = None;
    }
    // In a new paragraph the segment carries on only where the text says so ("for the segment").
    // A line of a web page's talk is a paragraph too, unless the line before only
    // named the segment ("Slide 17 explains the variance in the seating segment.").
    let new_line = ctx.line_paragraphs && s.para.pieces.binary_search_by_key(&s.a, |p| p.at).is_ok();
    let new_paragraph = s.a == 0 || new_line && !ctx.segment_opened;
    if new_paragraph && !lower.contains("segment") && !lower.contains(" the business") && any_topic.is_none() {
        ctx.segment = None;
        ctx.part = None;
    }
    if lead.is_some() && has_figures {
        ctx.segment = lead.clone();
    }
    // "In Display Technologies, sales were $956 million": a name the text turns to stands, said once.
    if let Some(name) = lead.as_ref().filter(|n| !ctx.announced.contains(n)) {
        ctx.announced.push(name.clone());
    }
    if topic.is_some() {
        ctx.segment = topic.clone();
    }
    // A company-level word ("total", "the remainder of the P&L"), or a sentence opening on the company's figure: "For gross margin, ...",
    // or, after a lead-in's part ("In Latin America, revenue was down 9%."), not a segment the talk
    // turned to, "First-quarter gross margin was ...".
    let mut k = 0;
    while t.get(k).is_some_and(|x| x.is_any(&["and", "so", "now", "our", "the"])) {
        k += 1;
    }
    // Not under a segment the talk turned to, unless a lead-in has since named another part.
    let turned_to = ctx.reported.is_some() && ctx.reported == ctx.segment;
    let period_end = s.periods.iter().find(|m| m.first == k && !turned_to).map(|m| m.last);
    if t.iter().any(|x| x.is_any(&["total", "consolidated", "overall", "companywide", "company-wide", "p&l"])) || lead.is_none() && metric::opens_on_metric(t, period_end) {
        ctx.segment = None;
    }
    let business = metric::business_subject(t);
    // After a turn to the segments that names none ("Now to our segment results."), the first
    // sentence opening on a part's metric names the reporting segment.
    if ctx.awaiting_part && has_figures {
        ctx.part = metric::opens_on_part(t);
    }
    ctx.awaiting_part = !has_figures && lower.contains("segment") && any_topic.is_none() && lead.is_none() && business.is_none();
    if let Some((name, true)) = &business {
        ctx.segment = Some(name.clone());
    }
    // A new slide or a new topic without a segment ends the segment in play:
    // "Turning to Slide 8.", "Let's start on page 5 with our financial highlights."
    let turns = t.first().is_some_and(|x| x.is_any(&["slide", "turning", "moving", "now", "next"]))
        || t.first().is_some_and(|x| x.is_any(&["let's", "let’s", "lets"])) && t.get(1).is_some_and(|x| x.is_any(&["start", "turn", "move", "go", "look", "begin", "review", "shift", "discuss"]));
    if business.is_none() && topic.is_none() && lead.is_none() && turns {
        ctx.segment = None;
    }
    if let Some(name) = topic.clone().or_else(|| business.clone().filter(|b| b.1).map(|b| b.0)) {
        ctx.reported = Some(name);
    }
    if ctx.segment.is_none() {
        ctx.reported = None;
    }
    // "Segment gross margin dollars increased 15%": the reporting segment's, not the part a lead-in
    // turned to; with no topic, the part the last sentence opening on a part's metric named
    // ("Revenue from Productivity and Business Processes was $33.1 billion").
    if t.first().is_some_and(|x| x.is_any(&["segment", "segment's", "segment’s"])) {
        if ctx.reported.is_none() {
            ctx.reported = ctx.part.clone();
        }
        if ctx.reported.is_some() {
            ctx.segment = ctx.reported.clone();
        }
    }
    // Text without paragraphs (a sentence a line) has no paragraph to end the
    // segment: a segment not named again for a while is no longer in play.
    let named_again = ctx.segment.as_ref().is_some_and(|s| lower.contains(&s.replace('_', " ")))
        || lower.contains("segment")
        || lower.contains(" the business");
    let named = topic.is_some() || lead.is_some() || business.is_some() || named_again;
    ctx.segment_opened = named && !has_figures && ctx.segment.is_some();
    if named {
        ctx.segment_age = 0;
    } else {
        ctx.segment_age += 1;
        if ctx.segment_age > SEGMENT_SPAN {
            ctx.segment = None;
        }
    }
    let subject = business.map(|(name, _)| name).or_else(|| lead.clone()).or_else(|| metric::name_subject(t, &ctx.company)).or_else(|| ctx.segment.clone());
    // Whether the subject is the segment the sentence opens on.
    let leads = subject.is_some() && subject == lead;
    (subject, leads)
}

/// Opens an outlook paragraph for the sentence's period when it lies ahead
/// (else keeps the outlook's period): "with the conclusion of the 2019 rate
/// case, we can now give guidance": a past year is no outlook's period.
fn open_outlook(ctx: &mut Ctx, period: Option<Period>) {
    let keep = ctx.outlook.flatten();
    let ahead = period.filter(|p| {
        ctx.call.is_none_or(|c| {
            is_after(*p, c) || p.part() == Some(Part::Year) && p.year_number() == c.year_number() && matches!(c.part(), Some(Part::Quarter(q)) if q < 4)
        })
    });
    ctx.outlook = Some(ahead.or(keep));
}

/// What the sentence leaves in play for the next ones: its period as the
/// running context when it reports (a figure-less sentence only when it is
/// short, "Moving on to the fourth quarter.", or names the period outright),
/// and as the period guided when it guides (a short figure-less sentence
/// when its period lies ahead: "Turning to the fourth quarter." in a Q3 call
/// dates the guidance that follows).
fn carry_period(ctx: &mut Ctx, context: &mut Option<Period>, s: &Sentence<'_, '_>) {
    let Some(p) = s.period else {
        return;
    };
    let topic = s.figures.is_empty();
    let short = s.t.len() <= 14;
    let explicit = topic && s.own().next().is_some_and(|m| matches!(m.what, PeriodRef::Abs(_)));
    if !s.guidance_word && (!topic || short || explicit) && may_be_context(p, ctx.call) {
        *context = Some(p);
        ctx.context_age = 0;
    }
    let guided = if topic {
        short && ctx.call.is_some_and(|c| is_after(p, c))
    } else {
        s.guidance_word && ctx.call.is_none_or(|c| is_after(p, c) || p.part() == Some(Part::Year) && p.year_number() == c.year_number())
    };
    if guided {
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
