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
pub mod withdrawn;

mod derive;
mod segments;
mod sentence;
mod zh;
pub(crate) use zh::has_phrase;

use crate::facts::{Basis, Currency, Fact, Facts, Note, Period, TranscriptStats};
use crate::transcript::{Role, Transcript};
use lex::Token;
use sentence::sentence;

/// Extracts facts from a parsed transcript. Never fails.
pub fn extract(t: &Transcript<'_>) -> Facts {
    extract_as(t, None)
}

/// [`extract`], the call's period `given` by the reader (`None`: read from
/// the transcript): the figures are dated from it as if the transcript had
/// said it, and a note (kind `call_given`) says it was given. Giving the
/// period the transcript reads as changes nothing.
pub fn extract_as(t: &Transcript<'_>, given: Option<Period>) -> Facts {
    if let Some(facts) = zh::extract(t, given) {
        return facts;
    }
    let read = identity::identify(t);
    let given = given.filter(|g| read.call != Some(*g));
    let read_call = read.call;
    let id = read.given(given);
    let mut ctx = Ctx::new(id.call, id.currency, id.company.clone());
    ctx.line_paragraphs = t.layout.lines_are_paragraphs();
    ctx.folded = segments::folded(t.text);
    ctx.text = t.text.to_string();
    let mut buf: Vec<Token<'_>> = Vec::new();
    // Guidance the call withdraws: (period, line, sentence), the first sentence that says it.
    let mut withdrawals: Vec<(Period, usize, &str)> = Vec::new();
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
                for p in withdrawn::withdrawn(&para.text[a..b], ctx.call) {
                    if !withdrawals.iter().any(|w| w.0 == p) {
                        withdrawals.push((p, para.locate(a).0, &para.text[a..b]));
                    }
                }
            }
        }
    }
    let people: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
    segments::settle(&mut ctx.raw, &ctx.folded, &people, &ctx.company, &ctx.announced);
    let mut facts = merge(ctx.raw, t.qa_line);
    let mut notes: Vec<Note> = given.map(|g| call_given(g, read_call)).into_iter().collect();
    if ctx.undated > 0 {
        notes.push(Note {
            kind: "undated".into(),
            subject: Vec::new(),
            message: format!(
                "{} figure{} left out: the call's period is unknown (a title or welcome line such as \"Q3 2024 earnings call\" tells it)",
                ctx.undated,
                if ctx.undated == 1 { " was" } else { "s were" }
            ),
            ok: None,
            period: None,
        });
    }
    notes.extend(withdrawals.into_iter().map(|(p, line, s)| withdrawn_note(p, line, s)));
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
        // The quarter the words point to, for a reader asked which call this is.
        transcript: Some(TranscriptStats { call_quarter: if id.call.is_none() { id.quarter } else { None }, ..t.stats() }),
        facts,
        notes,
        ..Facts::default()
    }
}

/// The note that the call's period was given by the reader (`read`: what
/// the transcript reads as, if anything).
fn call_given(given: Period, read: Option<Period>) -> Note {
    let message = match read {
        Some(r) => format!("The call's period, {given}, was given by the reader (the transcript reads as {r})"),
        None => format!("The call's period, {given}, was given by the reader: the transcript does not say it"),
    };
    Note { kind: "call_given".into(), subject: Vec::new(), message, ok: None, period: Some(given) }
}

/// The note that the call withdrew its guidance for `period`, quoting the
/// sentence (cut at 200 bytes) on `line`.
fn withdrawn_note(period: Period, line: usize, sentence: &str) -> Note {
    let s = sentence.trim();
    let mut end = s.len().min(200);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let quote = if end < s.len() { format!("{}…", &s[..end]) } else { s.to_string() };
    Note {
        kind: "withdrawn".into(),
        subject: Vec::new(),
        message: format!("Guidance for {period} was withdrawn (line {line}: \"{quote}\")"),
        ok: None,
        period: Some(period),
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
    /// The reporting segment the speaker turned to (a topic, or a business the
    /// sentence opens on), which a lead-in to a part of it ("And in Gaming,
    /// revenue increased 10%") does not replace: "Segment gross margin
    /// dollars increased 15%" is its.
    reported: Option<String>,
    /// The part the last sentence opening on a part's metric named ("Revenue from
    /// Productivity and Business Processes was ..."): the reporting segment of
    /// "Segment gross margin ..." where no topic named one.
    part: Option<String>,
    /// The last sentence turned to the segments without naming one.
    awaiting_part: bool,
    /// Sentences since the segment in play was named.
    segment_age: usize,
    /// The last sentence had no figures: a segment it named opens the next line.
    segment_opened: bool,
    /// Sentences since the period in play was named.
    context_age: usize,
    /// The period the last guidance named ("We expect net sales in fiscal year '22 to be up
    /// 15%"), for the guidance that follows without one ("The segment's operating margin is
    /// forecast to range between 16% and 17%"), and the sentences since.
    guided: Option<(Period, usize)>,
    /// The whole call, and folded ([`segments::folded`]): what it calls a segment.
    text: String,
    folded: String,
    /// [`segments::called_a_segment`]'s answer per name asked, sorted by name
    /// (each is a search of the whole call: asked per sentence, it made
    /// extraction quadratic). A sorted list, not a map: less wasm.
    called: Vec<(String, bool)>,
    /// Segment names a sentence turned to ("In Display Technologies, ..."): they stand though said once.
    announced: Vec<String>,
    /// The speaker is giving the outlook ("Turning to our outlook for 2022."),
    /// with the period it is for when said: figures that follow are guidance
    /// until a sentence reports in the past tense.
    outlook: Option<Option<Period>>,
    raw: Vec<(Fact, f64)>,
    /// Each line of a paragraph is a paragraph of the talk ([`crate::transcript::Layout::lines_are_paragraphs`]).
    line_paragraphs: bool,
    /// Figures skipped because no period could be told for them.
    undated: usize,
}

impl Ctx {
    /// Nothing in play yet, for a call of period `call` in `currency` by `company`.
    fn new(call: Option<Period>, currency: Currency, company: String) -> Ctx {
        Ctx { call, currency, company, basis: None, segment: None, reported: None, part: None, awaiting_part: false, segment_age: 0, segment_opened: false, context_age: 0, guided: None, outlook: None, raw: Vec::new(), line_paragraphs: false, undated: 0, announced: Vec::new(), text: String::new(), folded: String::new(), called: Vec::new() }
    }


    /// Whether the call calls `name` a part of its business
    /// ([`segments::called_a_segment`]), asked of the whole text once per name.
    fn called_a_segment(&mut self, name: &str) -> bool {
        match self.called.binary_search_by(|(n, _)| n.as_str().cmp(name)) {
            Ok(i) => self.called[i].1,
            Err(i) => {
                let called = segments::called_a_segment(&self.text, &self.folded, name);
                self.called.insert(i, (name.to_string(), called));
                called
            }
        }
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
        // An organic or constant-currency change is another figure than the reported one.
        let same_key = |g: &Fact| g.basis == f.basis || (g.basis.is_none() || f.basis.is_none()) && !Basis::restates(g.basis) && !Basis::restates(f.basis);
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
mod tests;
