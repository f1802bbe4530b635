//! Several calls, one story: the facts of several calls merged into one
//! series per company (`callchart/series@1`).
//!
//! ```text
//! [Facts; n] ──companies──▶ groups of calls ──company──▶ Company { calls (fiscal order), facts, pairs, notes }
//!             (names, then shared figures)               merge: one figure per key; guides per call;
//!                                                        revisions; guide ↔ later actual
//! ```
//!
//! Plain data in, plain data out: no I/O, no wasm types. The CLI
//! (`callchart extract A.txt B.txt …`) prints [`merge`]'s answer as JSON;
//! the page will hold one [`Company`] per company it shows.
//!
//! # Rules
//!
//! - **Companies.** Calls go together when their company names are the same
//!   after dropping case, punctuation and legal words ("Fastenal Company" =
//!   "Fastenal"), when one name's words are part of the other's ("Consulting"
//!   of "FTI Consulting"), or when the names are one letter apart
//!   ("Rollings" for "Rollins"). A call alone under its name (no name, a
//!   name made of job titles, or one no other call gives: "Henry" for a
//!   tribute to a retiring CFO) joins the company whose calls state the most
//!   of its reported figures (at least [`MIN_SHARED`]); a call still without
//!   a name joins the only company named, else it stands alone.
//! - **Calls** are in fiscal order (the call's period; a call with no period
//!   last, then in input order): "later" is later in that order.
//! - **One figure per key.** Actual and derived facts of one metric,
//!   segment, period, measure and unit from different calls are one figure
//!   when their values agree within the rounding of the figures as written
//!   (`$607.9 million` is ±$50 thousand), and GAAP and non-GAAP stay apart
//!   (a figure with no basis goes with either). The figure remembers every
//!   call that stated it (`calls`) and shows the statement of the most
//!   precise (`call`, `source`). A reported figure beats one derived from a
//!   percentage: a derived fact where a reported one exists is dropped (its
//!   call is listed when it agrees within 1%). Two reported figures that
//!   differ beyond rounding are a conflict: both are kept, both marked.
//! - **Guidance stays per call**: each call's guide of a period is its own
//!   fact, the latest call's last. A guide that follows an earlier call's guide of the
//!   same figure says how it moved ([`Revision`]: raised, lowered,
//!   reaffirmed, by the midpoints). A guide a later call withdrew (that
//!   call's `withdrawn` note names the period; it gave no new guide of the
//!   figure) is `withdrawn`.
//! - **Pairs.** Each guide is paired with the actual of its period that a
//!   later call reports once the period is over ([`Pair`]; a Q1 call's
//!   "full-year" figure is no actual of the year): beat, in range or miss (for a single
//!   figure: in range when they agree within rounding), and the distance of
//!   the actual from the guide's midpoint. For costs (expenses, capex, tax
//!   rate, ...) below the guide is the beat. An amount more than
//!   [`PLAUSIBLE`] times off the guide is another figure, never its actual.
//!
//! # The JSON (`callchart/series@1`)
//!
//! ```json
//! { "schema": "callchart/series@1",
//!   "calls": [ { "name": "fcn-q1-2021.txt", "company": "FTI Consulting", "call": "FY2021-Q1", "facts": 67 } ],
//!   "companies": [ {
//!     "company": "FTI Consulting", "currency": "USD",
//!     "calls": [ 0, 3, 1 ],
//!     "facts": [ { …a facts@1 fact…, "call": 3, "calls": [ 3, 1 ], "revision": "raised" } ],
//!     "pairs": [ { "guide": 12, "actual": 40, "verdict": "beat", "distance": 0.12, "distance_pct": 2.1 } ],
//!     "notes": [ { "call": 0, …a facts@1 note, its subject remapped… } ] } ] }
//! ```
//!
//! `calls` at the top lists the inputs in the order given; a company's
//! `calls` are indices into it in fiscal order; every fact's `call` and
//! `calls` are indices into the top list too. `facts` are in fiscal order
//! (by period, then metric, segment, measure, kind, call); `pairs` and
//! notes' `subject` index the company's `facts`. A company is a facts@1
//! document's body (company, currency, facts, notes) plus `calls` and
//! `pairs`.

use std::cmp::Ordering;

use serde::Serialize;

use std::collections::HashMap;

use crate::facts::{Basis, Fact, Facts, Kind, Measure, Note, Part, Period, Unit};
use crate::order;

/// The schema tag of a series document.
pub const SCHEMA: &str = "callchart/series@1";

/// Reported figures a call alone under its name must share with a
/// company's calls to join it (one could be chance: a round figure).
pub const MIN_SHARED: usize = 2;

/// How far (as a factor) an actual amount may be from its guide's midpoint
/// and still be the figure guided.
pub const PLAUSIBLE: f64 = 3.0;

/// Calls merged per company.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The calls, in the order they were given.
    pub calls: Vec<Call>,
    /// One entry per company, in the order of their first call.
    pub companies: Vec<Company>,
}

/// One input call, as the series names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Call {
    /// The caller's name for it (a file name).
    pub name: String,
    /// The company as the call names it (empty when unknown).
    pub company: String,
    /// The call's own period.
    #[serde(rename = "call", skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// How many facts the call gave.
    pub facts: usize,
}

/// One company's calls merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Company {
    /// The name its calls use most (the longest of those tied).
    pub company: String,
    /// The reporting currency its calls use most.
    pub currency: String,
    /// Its calls (indices into [`Series::calls`]) in fiscal order.
    pub calls: Vec<usize>,
    /// The merged figures, in fiscal order.
    pub facts: Vec<SeriesFact>,
    /// Each guide with the actual a later call reported.
    pub pairs: Vec<Pair>,
    /// The calls' notes, their subjects remapped to [`Company::facts`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<SeriesNote>,
}

/// A figure of the series: a facts@1 fact and the calls it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesFact {
    /// The figure, with the statement of [`SeriesFact::call`].
    #[serde(flatten)]
    pub fact: Fact,
    /// The call whose statement this is (index into [`Series::calls`]).
    pub call: usize,
    /// Every call that stated the figure, in fiscal order.
    pub calls: Vec<usize>,
    /// For a guide that follows an earlier call's guide of the same figure:
    /// how it moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
}

/// How a guide moved from the previous call's guide of the same figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Revision {
    /// The midpoint went up.
    Raised,
    /// The midpoint went down.
    Lowered,
    /// The midpoint stayed within rounding.
    Reaffirmed,
    /// A later call withdrew the guidance for its period (a `withdrawn`
    /// note) and gave no new guide of the figure ([`withdrawn`]).
    Withdrawn,
}

impl Revision {
    /// As the JSON writes it: "raised", "lowered", "reaffirmed", "withdrawn".
    pub fn name(self) -> &'static str {
        match self {
            Revision::Raised => "raised",
            Revision::Lowered => "lowered",
            Revision::Reaffirmed => "reaffirmed",
            Revision::Withdrawn => "withdrawn",
        }
    }
}

/// A guide and the actual of its period that a later call reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The guidance fact (index into [`Company::facts`]).
    pub guide: usize,
    /// The actual (or derived) fact.
    pub actual: usize,
    /// How the actual compares with the guide.
    pub verdict: Verdict,
    /// Actual minus the guide's midpoint, in the figure's unit.
    pub distance: f64,
    /// The distance as a percent of the midpoint (money and per-share figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_pct: Option<f64>,
}

/// An actual against its guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Better than the guide (above it; below it for a cost).
    Beat,
    /// Within the range, or the single figure within rounding.
    InRange,
    /// Worse than the guide.
    Miss,
}

/// A call's note in the series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesNote {
    /// The call that made it.
    pub call: usize,
    /// The note, its subject remapped to the company's facts (a fact that
    /// was merged away leaves the subject).
    #[serde(flatten)]
    pub note: Note,
}

/// Merges named calls into a series per company.
pub fn merge(calls: &[(&str, &Facts)]) -> Series {
    let facts: Vec<&Facts> = calls.iter().map(|(_, f)| *f).collect();
    Series {
        schema: SCHEMA,
        calls: calls
            .iter()
            .map(|(name, f)| Call { name: name.to_string(), company: f.company.clone(), period: f.call, facts: f.facts.len() })
            .collect(),
        companies: companies(&facts).iter().map(|members| company(&facts, members)).collect(),
    }
}

// ---------------------------------------------------------------------------
// Companies

/// Words of a company's legal name that do not tell companies apart.
const LEGAL_WORDS: &[&str] = &[
    "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "ltd", "limited", "plc", "llc", "lp",
    "holdings", "holding", "group", "the", "sa", "nv", "ag", "se",
];

/// Words of job titles: a "company" made only of them is a misread title.
const TITLE_WORDS: &[&str] = &[
    "executive", "vice", "president", "chief", "officer", "financial", "operating", "director", "operator", "analyst",
    "senior", "manager", "chairman", "chairwoman", "ceo", "cfo", "coo", "investor", "relations", "head", "treasurer",
    "controller", "corporate", "and", "of",
];

/// A company name's distinguishing words, lower case; empty when the name
/// says nothing (none, or a job title).
fn name_words(name: &str) -> Vec<String> {
    let lower = crate::case::lower_str(name);
    let words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LEGAL_WORDS.contains(w))
        .map(str::to_string)
        .collect();
    if words.iter().all(|w| TITLE_WORDS.contains(&w.as_str())) {
        Vec::new()
    } else {
        words
    }
}

/// Whether two (non-empty) names name one company.
fn same_company(a: &[String], b: &[String]) -> bool {
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if subset(a, b) || subset(b, a) {
        return true;
    }
    let (a, b) = (a.concat(), b.concat());
    a.chars().count().min(b.chars().count()) >= 5 && one_edit_apart(&a, &b)
}

/// Whether `a` becomes `b` by at most one inserted, deleted or changed letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    let rest = if short.len() == long.len() { head + 1 } else { head };
    short.get(rest..).unwrap_or(&[]) == long.get(head + 1..).unwrap_or(&[])
}

/// The calls grouped by company (indices into `calls`), groups in the order
/// of their first call, calls in input order.
pub fn companies(calls: &[&Facts]) -> Vec<Vec<usize>> {
    let words: Vec<Vec<String>> = calls.iter().map(|f| name_words(&f.company)).collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let named = groups.iter_mut().find(|g| g.iter().any(|&j| same_company(w, &words[j])));
        match named {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    // Figures over names: a group that no two calls name (no name, a job
    // title, or a name one call alone gives) joins the group whose calls
    // state the most of its calls' reported figures; until none moves.
    let named_calls = |g: &[usize]| g.iter().filter(|&&i| !words[i].is_empty()).count();
    let shared = |g: &[usize], h: &[usize]| -> usize {
        g.iter().map(|&i| h.iter().map(|&j| shared_figures(calls[i], calls[j])).sum::<usize>()).sum()
    };
    loop {
        let moves = (0..groups.len()).filter(|&g| named_calls(&groups[g]) <= 1).find_map(|g| {
            let best = (0..groups.len()).filter(|&h| h != g).map(|h| (shared(&groups[g], &groups[h]), h)).max_by_key(|&(n, h)| (n, std::cmp::Reverse(h)));
            best.filter(|&(n, _)| n >= MIN_SHARED).map(|(_, h)| (g, h))
        });
        let Some((g, h)) = moves else { break };
        let moved = std::mem::take(&mut groups[g]);
        groups[h].extend(moved);
        groups.remove(g);
    }
    // Calls no name and no figure places: with the only company named, or,
    // when nothing names any company, all one company's.
    let named: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].iter().any(|&i| !words[i].is_empty())).collect();
    if named.len() <= 1 {
        let into = named.first().copied().unwrap_or(0);
        let mut merged = Vec::new();
        for (g, group) in groups.iter_mut().enumerate() {
            if g == into || !named.contains(&g) {
                merged.append(group);
            }
        }
        groups.retain(|g| !g.is_empty());
        if !merged.is_empty() {
            groups.push(merged);
        }
    }
    for g in &mut groups {
        order::sort(g);
    }
    order::sort_by_key(&mut groups, |g| g[0]);
    groups
}

/// How many reported figures of `a` `b` states too (same key, values agree).
fn shared_figures(a: &Facts, b: &Facts) -> usize {
    let actual = |f: &&Fact| f.kind == Kind::Actual;
    a.facts.iter().filter(actual).filter(|f| b.facts.iter().filter(actual).any(|g| same_key(f, g) && agree(f, g))).count()
}

// ---------------------------------------------------------------------------
// Merging one company

/// Whether two facts are about the same figure: metric, segment, period,
/// measure, unit and a basis that does not tell them apart.
fn same_key(a: &Fact, b: &Fact) -> bool {
    a.metric == b.metric
        && a.segment == b.segment
        && a.period == b.period
        && a.measure == b.measure
        && a.unit == b.unit
        && basis_fits(a.basis, b.basis)
}

/// GAAP and non-GAAP are two figures; a figure of no stated basis goes with
/// either, but for an organic change, which is another figure than the reported.
fn basis_fits(a: Option<Basis>, b: Option<Basis>) -> bool {
    a == b || (a.is_none() || b.is_none()) && a != Some(Basis::Organic) && b != Some(Basis::Organic)
}

/// Half a unit of the last written digit of `v`: "$607.9 million" → 50,000,
/// "1.27" → 0.005, "$600 million" → 500,000 (a figure is written in
/// thousands, millions or billions: its trailing zeros before the scale
/// word are digits), a per-share amount at most half a cent ("$6.00").
fn rounding(v: f64, unit: Unit) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    let scale = if matches!(unit, Unit::PerShare(_)) {
        0.01
    } else {
        [1e9, 1e6, 1e3].into_iter().find(|s| v.abs() >= *s).unwrap_or(1.0)
    };
    (-4..=12)
        .rev()
        .map(|k| 10f64.powi(k))
        .find(|unit| ((v / unit).round() * unit - v).abs() <= 1e-9 * v.abs().max(1.0))
        .map_or(0.0, |unit| unit.min(scale) / 2.0)
}

/// How far a figure may be from another and still be it: the rounding of
/// its most precisely written end ("5.50 to 6.00": 0.005). A derived figure
/// was computed, not written: 1% of it (0.3 for percents, points and days).
fn tolerance(f: &Fact) -> f64 {
    let ends = [f.value, f.low, f.high];
    if f.kind == Kind::Derived {
        let size = ends.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
        return if f.unit.is_money() || matches!(f.unit, Unit::PerShare(_)) { size * 0.01 } else { 0.3 };
    }
    let written = ends.iter().flatten().filter(|v| **v != 0.0).map(|v| rounding(*v, f.unit));
    written.reduce(f64::min).unwrap_or(0.0)
}

/// Whether two figures agree within the rounding of either.
fn agree(a: &Fact, b: &Fact) -> bool {
    let tol = tolerance(a).max(tolerance(b));
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= tol + 1e-9 * x.abs().max(y.abs()),
        (None, None) => true,
        _ => false,
    };
    close(a.value, b.value) && close(a.low, b.low) && close(a.high, b.high)
}

/// A figure being merged: the fact shown, where it came from, how precise.
struct Entry {
    fact: Fact,
    call: usize,
    calls: Vec<usize>,
}

/// The series of one company's calls (`members`: indices into `calls`).
pub fn company(calls: &[&Facts], members: &[usize]) -> Company {
    let mut members = members.to_vec();
    order::sort_by(&mut members, |&a, &b| fiscal_order(calls[a].call, calls[b].call).then(a.cmp(&b)));
    let position = |call: usize| members.iter().position(|&m| m == call).unwrap_or(usize::MAX);

    let mut merged = Merged::default();
    // Per call, per fact of it: the entry it went to (for the notes).
    let mut origin: Vec<Vec<Option<usize>>> = calls.iter().map(|f| vec![None; f.facts.len()]).collect();
    // Reported facts first, so a derived fact of any call meets every reported one.
    for pass in [Kind::Actual, Kind::Guidance, Kind::Derived] {
        for &c in &members {
            for (i, f) in calls[c].facts.iter().enumerate().filter(|(_, f)| f.kind == pass) {
                origin[c][i] = merged.place(f, c);
            }
        }
    }
    let entries = merged.entries;

    // Fiscal order; guides of one figure by call, the latest last.
    let mut order_of: Vec<usize> = (0..entries.len()).collect();
    order::sort_by(&mut order_of, |&a, &b| {
        let (x, y) = (&entries[a], &entries[b]);
        x.fact
            .period
            .cmp(&y.fact.period)
            .then_with(|| x.fact.metric.cmp(&y.fact.metric))
            .then_with(|| x.fact.segment.cmp(&y.fact.segment))
            .then_with(|| x.fact.measure.cmp(&y.fact.measure))
            .then_with(|| x.fact.kind.cmp(&y.fact.kind))
            .then_with(|| position(x.call).cmp(&position(y.call)))
    });
    let mut new_index = vec![0; entries.len()];
    for (n, &e) in order_of.iter().enumerate() {
        new_index[e] = n;
    }
    let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
    let mut facts: Vec<SeriesFact> = order_of
        .iter()
        .filter_map(|&e| slots[e].take())
        .map(|mut e| {
            order::sort_by_key(&mut e.calls, |&c| position(c));
            SeriesFact { fact: e.fact, call: e.call, calls: e.calls, revision: None }
        })
        .collect();

    revise(&mut facts, &position);
    withdrawn::mark(&mut facts, calls, &members, &position);
    let closed = |call: usize, period: Period| calls[call].call.is_none_or(|at| period_closed(period, at));
    let pairs = pair(&facts, &position, &closed);
    let notes = members
        .iter()
        .flat_map(|&c| calls[c].notes.iter().map(move |n| (c, n)))
        .map(|(c, n)| {
            let mut subject: Vec<usize> = n
                .subject
                .iter()
                .filter_map(|&i| origin[c].get(i).copied().flatten().map(|e| new_index[e]))
                .collect();
            order::dedup_indices(&mut subject);
            SeriesNote { call: c, note: Note { subject, ..n.clone() } }
        })
        .collect();

    Company {
        company: most_said(members.iter().map(|&c| calls[c].company.as_str()).filter(|s| !s.is_empty())),
        currency: most_said(members.iter().map(|&c| calls[c].currency.as_str())),
        calls: members,
        facts,
        pairs,
        notes,
    }
}

/// Calls with a period in fiscal order, calls without one after them.
fn fiscal_order(a: Option<Period>, b: Option<Period>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The text said most often, the longest of those tied; empty for none.
fn most_said<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    let count = |n: &str| names.iter().filter(|m| **m == n).count();
    names.iter().max_by_key(|n| (count(n), n.chars().count())).map_or(String::new(), |n| n.to_string())
}

/// The figures being merged, and by key (metric, segment, period, measure,
/// unit) the actual and derived ones: merging stays linear in the facts.
#[derive(Default)]
struct Merged {
    entries: Vec<Entry>,
    by_key: HashMap<String, Vec<usize>>,
}

impl Merged {
    /// Puts fact `f` of call `c` in: merged into the figure it agrees with,
    /// or a new figure (marking a conflict with the figures of its key it
    /// disagrees with). `None` when a reported figure supersedes it.
    fn place(&mut self, f: &Fact, c: usize) -> Option<usize> {
        if f.kind == Kind::Guidance {
            // Each call's guide is its own; the extractor merged a call's repeats already.
            return Some(self.push(f, c, false));
        }
        let key = format!("{}|{}|{}|{:?}|{}", f.metric, f.segment, f.period, f.measure, f.unit);
        let same: Vec<usize> =
            self.by_key.get(&key).map_or(Vec::new(), |b| b.iter().copied().filter(|&e| basis_fits(self.entries[e].fact.basis, f.basis)).collect());
        if let Some(&e) = same.iter().find(|&&e| agree(&self.entries[e].fact, f)) {
            let entry = &mut self.entries[e];
            if !entry.calls.contains(&c) {
                entry.calls.push(c);
            }
            let better = f.kind == Kind::Actual && (entry.fact.kind == Kind::Derived || tolerance(f) < tolerance(&entry.fact));
            if better {
                let basis = f.basis.or(entry.fact.basis);
                entry.fact = Fact { basis, conflict: entry.fact.conflict || f.conflict, ..f.clone() };
                entry.call = c;
            } else if entry.fact.basis.is_none() {
                entry.fact.basis = f.basis;
            }
            return Some(e);
        }
        if f.kind == Kind::Derived && same.iter().any(|&e| self.entries[e].fact.kind == Kind::Actual) {
            return None;
        }
        // Another figure of the key: a conflict (reported against reported,
        // or two derivations that disagree).
        for &e in &same {
            self.entries[e].fact.conflict = true;
        }
        let e = self.push(f, c, !same.is_empty());
        self.by_key.entry(key).or_default().push(e);
        Some(e)
    }

    fn push(&mut self, f: &Fact, c: usize, conflict: bool) -> usize {
        self.entries.push(Entry { fact: Fact { conflict: f.conflict || conflict, ..f.clone() }, call: c, calls: vec![c] });
        self.entries.len() - 1
    }
}

// ---------------------------------------------------------------------------
// Guides: revisions and pairs

/// The midpoint of a figure (its value, or the middle of its range).
fn midpoint(f: &Fact) -> Option<f64> {
    f.point()
}

/// Sets each guide's revision against the previous call's guide of the same
/// figure (the exact basis first, else the nearest midpoint).
fn revise(facts: &mut [SeriesFact], position: &dyn Fn(usize) -> usize) {
    let guides: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].fact.kind == Kind::Guidance).collect();
    for &g in &guides {
        let here = position(facts[g].call);
        // An earlier guide of a stated basis that a guide of this call of that
        // very basis follows is that one's, not this one's (a guide of no
        // stated basis beside a non-GAAP one is the other figure).
        let claimed = |h: usize| {
            facts[h].fact.basis.is_some()
                && facts[h].fact.basis != facts[g].fact.basis
                && guides.iter().any(|&s| s != g && facts[s].call == facts[g].call && facts[s].fact.basis == facts[h].fact.basis && same_key(&facts[s].fact, &facts[g].fact))
        };
        let earlier: Vec<usize> = guides
            .iter()
            .copied()
            .filter(|&h| position(facts[h].call) < here && same_key(&facts[h].fact, &facts[g].fact) && !claimed(h))
            .collect();
        let Some(last) = earlier.iter().map(|&h| position(facts[h].call)).max() else { continue };
        let mid = midpoint(&facts[g].fact);
        let prev = earlier
            .iter()
            .copied()
            .filter(|&h| position(facts[h].call) == last)
            .min_by(|&a, &b| closeness(&facts[a].fact, &facts[g].fact, mid).total_cmp(&closeness(&facts[b].fact, &facts[g].fact, mid)));
        let (Some(prev), Some(mid)) = (prev, mid) else { continue };
        let Some(before) = midpoint(&facts[prev].fact) else { continue };
        let tol = tolerance(&facts[g].fact).max(tolerance(&facts[prev].fact));
        facts[g].revision = Some(if (mid - before).abs() <= tol + 1e-9 * mid.abs().max(before.abs()) {
            Revision::Reaffirmed
        } else if mid > before {
            Revision::Raised
        } else {
            Revision::Lowered
        });
    }
}

/// How well `a` matches `to` as the same figure: 0 for the same basis, else
/// the distance of the midpoints (plus one, so an exact basis always wins).
fn closeness(a: &Fact, to: &Fact, mid: Option<f64>) -> f64 {
    if a.basis == to.basis {
        return 0.0;
    }
    1.0 + match (midpoint(a), mid) {
        (Some(x), Some(y)) => (x - y).abs(),
        _ => f64::MAX / 2.0,
    }
}

/// Metrics where less is better: coming in below the guide is the beat.
const COSTS: &[&str] = &[
    "operating_expenses", "rd_expense", "sga_expense", "capex", "tax_rate", "total_expenses", "operating_expense_ratio",
    "sga_ratio", "rd_ratio", "capex_ratio", "expense_ratio", "combined_ratio", "net_charge_offs",
    "provision_for_credit_losses", "debt", "net_debt", "days_sales_outstanding",
];

/// Whether a call of period `at` can report `period` as done: `at` is its
/// last quarter or later (a Q1 call's "full-year" figure is no actual of the
/// year).
fn period_closed(period: Period, at: Period) -> bool {
    let last = match period {
        Period::Fiscal { year, part: Part::Year | Part::Half(2) } => Period::quarter(year, 4),
        Period::Fiscal { year, part: Part::Half(_) } => Period::quarter(year, 2),
        _ => period,
    };
    at >= last
}

/// Pairs each guide with the actual of its period that a later call
/// reported, once the period was over (see [`period_closed`]): reported before derived, the guide's own basis first, then no
/// stated basis, then GAAP; a figure in conflict last.
fn pair(facts: &[SeriesFact], position: &dyn Fn(usize) -> usize, closed: &dyn Fn(usize, Period) -> bool) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (g, guide) in facts.iter().enumerate().filter(|(_, f)| f.fact.kind == Kind::Guidance) {
        let after = position(guide.call);
        let rank = |f: &Fact| {
            let basis = if f.basis == guide.fact.basis {
                0
            } else if f.basis.is_none() {
                1
            } else if f.basis == Some(Basis::Gaap) {
                2
            } else {
                3
            };
            ((f.kind == Kind::Derived) as u8, f.conflict as u8, basis)
        };
        let actual = facts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.fact.kind != Kind::Guidance && same_key(&a.fact, &guide.fact) && plausible(&guide.fact, &a.fact))
            .filter(|(_, a)| a.calls.iter().any(|&c| position(c) > after && closed(c, a.fact.period)))
            .min_by_key(|(_, a)| rank(&a.fact));
        let Some((a, actual)) = actual else { continue };
        if let Some(p) = verdict(&guide.fact, &actual.fact) {
            pairs.push(Pair { guide: g, actual: a, ..p });
        }
    }
    pairs
}

/// Whether an amount can be the figure a guide was about: within a factor
/// of [`PLAUSIBLE`] of the midpoint, the same sign. A guide of $2.4 billion
/// "met" by $21 million is another figure the extractor bound to the metric,
/// not a miss by 99%. Changes and ratios can move anywhere.
fn plausible(guide: &Fact, actual: &Fact) -> bool {
    let amount = guide.measure == Measure::Level && (guide.unit.is_money() || matches!(guide.unit, Unit::PerShare(_)));
    match (midpoint(guide), actual.point()) {
        (Some(mid), Some(value)) if amount && mid != 0.0 => {
            let ratio = value / mid;
            (1.0 / PLAUSIBLE..=PLAUSIBLE).contains(&ratio)
        }
        _ => true,
    }
}

/// The verdict and distance of an actual against a guide (indices unset).
fn verdict(guide: &Fact, actual: &Fact) -> Option<Pair> {
    let value = actual.point()?;
    let mid = midpoint(guide)?;
    // A range's ends are limits as said ("$33 to $35 million": $35.1 million
    // is above it); a single figure is met within its rounding ("about $600
    // million": $600.4 million).
    let (low, high, tol) = match (guide.low, guide.high) {
        (Some(l), Some(h)) => (l.min(h), l.max(h), tolerance(actual)),
        _ => (mid, mid, tolerance(guide).max(tolerance(actual))),
    };
    let above = value > high + tol;
    let below = value < low - tol;
    let cost = COSTS.contains(&guide.metric.as_str());
    let verdict = match (above, below) {
        (false, false) => Verdict::InRange,
        (true, _) if cost => Verdict::Miss,
        (true, _) => Verdict::Beat,
        (_, true) if cost => Verdict::Beat,
        (_, true) => Verdict::Miss,
    };
    let distance = value - mid;
    let relative = (actual.unit.is_money() || matches!(actual.unit, Unit::PerShare(_))) && mid != 0.0;
    Some(Pair {
        guide: 0,
        actual: 0,
        verdict,
        distance,
        distance_pct: relative.then(|| distance / mid.abs() * 100.0),
    })
}

mod withdrawn;

#[cfg(test)]
mod tests;
