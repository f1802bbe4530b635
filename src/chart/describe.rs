//! The charts in words, for people who do not see them and for the page's
//! tooltips: a one-line [`summary`] of each chart (its accessible name), a
//! [`table`] of the facts it shows, and the [`detail`] of one fact (value,
//! change, basis, where it was said or how it was computed).
//!
//! Everything here reads the same selections the charts draw (`revenue::bars`,
//! `margins::series`, `guidance::panels`), so the words and the pixels agree.

#[cfg(feature = "engine")]
use std::collections::HashMap;

#[cfg(feature = "engine")]
use serde::Serialize;

use super::format::Fmt;
use super::names::{period_text, segment_label};
#[cfg(feature = "engine")]
use super::names::{call_label, metric_label, segment_metric};
use crate::case;
use super::{guidance, margins, revenue, ChartKind};
use crate::facts::{Basis, Facts, Kind, Measure, Period, Unit};
#[cfg(feature = "engine")]
use crate::facts::{Checks, Fact};
use crate::i18n::{self, t, tf, K};

/// The minus sign used in texts.
#[cfg(feature = "engine")]
const MINUS: char = '−';

/// One fact, explained: what the page's tooltip shows.
#[cfg(feature = "engine")]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detail {
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    /// "Product revenue · Q4 FY2023".
    pub title: String,
    /// The figure with its unit: "$26.4M", "$33–35M", "−41%".
    pub value: String,
    /// Label and value pairs: period, metric, segment, change, basis, kind.
    pub rows: Vec<[String; 2]>,
    /// For a derived figure, how it was computed ("32.1M / (1 − 0.41) = 54.4M").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub computation: Option<String>,
    /// The sentence the figure was said in (for a derived one, the sentence
    /// of the change it was computed from).
    pub quote: String,
    /// 1-based input line of the figure (0: unknown).
    pub line: usize,
    /// Conflicts and failed checks about this figure, as sentences.
    pub problems: Vec<String>,
}

/// The facts one chart shows, as a table.
#[cfg(feature = "engine")]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Column headings.
    pub columns: Vec<String>,
    /// One row per fact.
    pub rows: Vec<TableRow>,
}

/// A table row and the fact it shows.
#[cfg(feature = "engine")]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// Index of the fact in `Facts::facts`.
    pub fact: usize,
    /// Cell texts, one per column.
    pub cells: Vec<String>,
}

/// The figure of `f` with its unit: "$32.1M", "$33–35M", "58–60%"; for a
/// change, signed: "−41%", "+245 bp", "−$10.7M".
#[cfg(feature = "engine")]
pub fn value_text(f: &Fact) -> String {
    let vals: Vec<f64> = [f.value, f.low, f.high].into_iter().flatten().filter(|v| v.is_finite()).collect();
    let max = vals.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let fmt = Fmt::new(f.unit, max);
    if f.measure != Measure::Level {
        return match f.point().filter(|v| v.is_finite()) {
            Some(v) => signed(&fmt, v),
            None => String::new(),
        };
    }
    match (f.low.filter(|v| v.is_finite()), f.high.filter(|v| v.is_finite())) {
        (Some(l), Some(h)) if l != h => fmt.range(l, h),
        _ => f.point().filter(|v| v.is_finite()).map(|v| fmt.full(v)).unwrap_or_default(),
    }
}

/// `v` with an explicit sign: "+6%", "−$10.7M", "0%".
#[cfg(feature = "engine")]
fn signed(fmt: &Fmt, v: f64) -> String {
    let s = fmt.full(v.abs());
    if v > 0.0 {
        format!("+{s}")
    } else if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

/// "QoQ" / "YoY" for a change.
#[cfg(feature = "engine")]
fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Level => "",
        Measure::Qoq => t(K::MeasureQoq),
        Measure::Yoy => t(K::MeasureYoy),
    }
}

/// "Product revenue", "Gross margin", "Revenue".
#[cfg(feature = "engine")]
fn subject(f: &Fact) -> String {
    let m = metric_label(&f.metric);
    if f.segment == "total" {
        m
    } else {
        segment_metric(&f.segment, &m)
    }
}

/// The changes the call states for a level fact ("−41% QoQ"), else the
/// change against the previous quarter's level when the facts hold it.
/// `alike(p)` gives the facts of `f`'s metric and segment in period `p`, in
/// the facts' order.
#[cfg(feature = "engine")]
fn changes<'a>(f: &Fact, alike: &dyn Fn(Period) -> Vec<&'a Fact>) -> Vec<String> {
    let stated: Vec<String> = alike(f.period)
        .into_iter()
        .filter(|c| c.measure != Measure::Level && (c.kind == Kind::Guidance) == (f.kind == Kind::Guidance))
        .map(|c| format!("{} {}", value_text(c), measure_name(c.measure)))
        .collect();
    if !stated.is_empty() || f.kind == Kind::Guidance {
        return stated;
    }
    let Some(v) = f.point().filter(|v| v.is_finite()) else { return stated };
    let mut out = Vec::new();
    for (prev, name) in [(f.period.prev_quarter(), measure_name(Measure::Qoq)), (f.period.prev_year(), measure_name(Measure::Yoy))] {
        let Some(prev) = prev else { continue };
        let Some(base) =
            alike(prev).into_iter().find(|b| b.measure == Measure::Level && b.kind != Kind::Guidance && b.unit == f.unit)
        else {
            continue;
        };
        let Some(bv) = base.point().filter(|x| x.is_finite()) else { continue };
        if !(v - bv).is_finite() || (f.unit != Unit::Percent && !(v / bv).is_finite()) {
            continue;
        }
        let trim = |s: String| s.strip_suffix(".0").map(str::to_string).unwrap_or(s);
        let text = if f.unit == Unit::Percent {
            format!("{}{}", trim(super::format::change(v - bv, 1)), t(K::UnitPp))
        } else if bv != 0.0 && bv.signum() == v.signum() {
            format!("{}%", trim(super::format::change((v / bv - 1.0) * 100.0, 1)))
        } else {
            continue;
        };
        out.push(tf(K::DetailComputed, &[&text, name, &period_text(&prev)]));
    }
    out
}

/// Fact `i` of `facts`, explained; `None` when there is no such fact.
#[cfg(feature = "engine")]
pub fn detail(facts: &Facts, i: usize) -> Option<Detail> {
    detail_checked(facts, &facts.checks(), i)
}

/// [`detail`] with the facts' [`Checks`] worked out once for all facts.
#[cfg(feature = "engine")]
pub fn detail_checked(facts: &Facts, checks: &Checks, i: usize) -> Option<Detail> {
    let f = facts.facts.get(i)?;
    let alike = |p: Period| facts.facts.iter().filter(|c| c.metric == f.metric && c.segment == f.segment && c.period == p).collect();
    detail_of(facts, checks, i, &alike)
}

/// Every fact explained ([`detail`]), in one pass that is linear in the
/// facts: the facts of one metric, segment and period are found through one
/// index instead of a scan of all facts per fact. (The key is text, like the
/// extractor's merge buckets', so the wasm carries one hash map, not two.)
#[cfg(feature = "engine")]
pub fn details(facts: &Facts, checks: &Checks) -> Vec<Detail> {
    let key = |f: &Fact, p: Period| format!("{}|{}|{p}", f.metric, f.segment);
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in facts.facts.iter().enumerate() {
        index.entry(key(f, f.period)).or_default().push(i);
    }
    // Looked up through `entry` too (an absent key gets an empty list).
    let index = std::cell::RefCell::new(index);
    (0..facts.facts.len())
        .filter_map(|i| {
            let f = &facts.facts[i];
            let alike = |p: Period| {
                let ids = index.borrow_mut().entry(key(f, p)).or_default().clone();
                ids.into_iter().map(|k| &facts.facts[k]).collect()
            };
            detail_of(facts, checks, i, &alike)
        })
        .collect()
}

#[cfg(feature = "engine")]
fn detail_of<'a>(facts: &'a Facts, checks: &Checks, i: usize, alike: &dyn Fn(Period) -> Vec<&'a Fact>) -> Option<Detail> {
    let f = facts.facts.get(i)?;
    let mut rows: Vec<[String; 2]> = Vec::new();
    let mut row = |k: &str, v: String| rows.push([k.to_string(), v]);
    row(t(K::DetailPeriod), call_label(&f.period));
    row(t(K::DetailMetric), metric_label(&f.metric));
    row(t(K::DetailSegment), if f.segment == "total" { t(K::SegmentTotal).to_string() } else { segment_label(&f.segment) });
    let value = value_text(f);
    match f.measure {
        Measure::Level => {
            row(t(K::DetailValue), value.clone());
            if let (Some(l), Some(h)) = (f.low, f.high) {
                if l != h && (l + h).is_finite() {
                    let fmt = Fmt::new(f.unit, l.abs().max(h.abs()));
                    row(t(K::DetailMidpoint), fmt.full((l + h) / 2.0));
                }
            }
            let ch = changes(f, alike);
            if !ch.is_empty() {
                row(t(K::DetailChange), ch.join(" · "));
            }
        }
        m => {
            let vs = if m == Measure::Qoq { f.period.prev_quarter() } else { f.period.prev_year() };
            row(t(K::DetailChange), format!("{value} {}", measure_name(m)));
            if let Some(vs) = vs {
                row(t(K::DetailCompared), call_label(&vs));
            }
        }
    }
    row(
        t(K::DetailBasis),
        t(match f.basis {
            Some(Basis::Gaap) => K::BasisGaap,
            Some(Basis::NonGaap) => K::BasisNonGaap,
            Some(Basis::Organic) => K::BasisOrganic,
            Some(Basis::ConstantCurrency) => K::BasisConstantCurrency,
            None => K::BasisNone,
        })
        .to_string(),
    );
    row(
        t(K::DetailKind),
        t(match f.kind {
            Kind::Actual => K::KindActualLong,
            Kind::Guidance => K::KindGuidanceLong,
            Kind::Derived => K::KindDerivedLong,
        })
        .to_string(),
    );
    let (computation, quote) = match f.kind {
        Kind::Derived => match crate::strs::split_once(&f.source.text, ", from '") {
            Some((how, q)) => (Some(how.to_string()), q.strip_suffix('\'').unwrap_or(q).to_string()),
            None => (Some(f.source.text.clone()), String::new()),
        },
        _ => (None, f.source.text.clone()),
    };
    let mut problems = Vec::new();
    if f.conflict {
        problems.push(t(K::ProblemConflict).to_string());
    }
    for n in checks.problems.get(i).into_iter().flatten() {
        if let Some(note) = facts.notes.get(*n).filter(|n| n.ok == Some(false)) {
            problems.push(tf(K::ProblemFailed, &[&note_text(facts, note)]));
        }
    }
    let title = tf(K::DetailTitle, &[&subject(f), &call_label(&f.period)])
        + match (f.kind, f.measure) {
            (Kind::Guidance, _) => t(K::DetailTitleGuidance),
            (_, Measure::Qoq) => t(K::DetailTitleQoq),
            (_, Measure::Yoy) => t(K::DetailTitleYoy),
            _ => "",
        };
    Some(Detail { fact: i, title, value, rows, computation, quote, line: f.source.line, problems })
}

/// A note's message for people in the current language. English: the
/// message as the extractor wrote it. Chinese: what the note is about, from
/// its subject (the facts it names, by index), then the check's arithmetic
/// in Chinese words (`note_zh`; the extractor writes it in English).
#[cfg(feature = "engine")]
pub fn note_text(facts: &Facts, note: &crate::facts::Note) -> String {
    if !i18n::zh() {
        return note.message.clone();
    }
    let mut about: Vec<String> = Vec::new();
    for f in note.subject.iter().filter_map(|&i| facts.facts.get(i)) {
        let a = format!("{} {}", subject(f), call_label(&f.period));
        if !about.contains(&a) {
            about.push(a);
        }
    }
    let about = about.join(t(K::SumList));
    let arithmetic = super::note_zh::arithmetic(&note.message);
    match (note.kind.as_str(), note.period) {
        // Notes about no figure but a period: said from the period, never from the message.
        ("call_given", Some(p)) => tf(K::NoteCallGiven, &[&call_label(&p)]),
        ("withdrawn", Some(p)) => tf(K::NoteWithdrawn, &[&call_label(&p)]),
        ("conflict", _) => {
            let line = note.subject.first().and_then(|&i| facts.facts.get(i)).map_or(0, |f| f.source.line);
            tf(K::NoteConflict, &[&about, &line.to_string()])
        }
        _ if about.is_empty() => arithmetic.unwrap_or_else(|| note.message.clone()),
        _ => tf(K::NoteCheck, &[&about, arithmetic.as_deref().unwrap_or(&note.message)]),
    }
}

/// "Gross margin" → "gross margin"; names that are all capitals ("EPS", "IP") stay.
/// `s` with its first byte upper-cased when it is a character of its own
/// (`split_at_checked`: no slice that can panic, see strs::split_once).
fn upper_first(s: &str) -> String {
    match s.split_at_checked(1) {
        Some((first, rest)) => case::upper_str(first) + rest,
        None => s.to_string(),
    }
}

fn lower_first(s: &str) -> String {
    if i18n::zh() {
        return s.to_string();
    }
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return s.to_string();
    }
    let mut c = s.chars();
    c.next().map(|f| case::lower(f).chain(c).collect()).unwrap_or_default()
}

/// "41%" or "5.9%".
fn pct(x: f64) -> String {
    let a = x.abs();
    if (a - a.round()).abs() < 0.05 {
        crate::decimal::fixed(a, 0) + "%"
    } else {
        crate::decimal::fixed(a, 1) + "%"
    }
}

/// "fell 41%", "rose 6%", "was flat".
fn moved(x: f64) -> String {
    if x.abs() < 0.05 {
        t(K::SumFlat).to_string()
    } else if x < 0.0 {
        tf(K::SumFell, &[&pct(x)])
    } else {
        tf(K::SumRose, &[&pct(x)])
    }
}

/// A stated change of `measure` for the level `metric`/`segment` in `period`.
fn stated_change(facts: &Facts, metric: &str, segment: &str, period: Period, measure: Measure) -> Option<f64> {
    facts
        .facts
        .iter()
        .find(|c| {
            c.kind == Kind::Actual
                && c.measure == measure
                && c.metric == metric
                && c.segment == segment
                && c.period == period
                && c.unit == Unit::Percent
                && !Basis::restates(c.basis)
        })
        .and_then(|c| c.value)
        .filter(|v| v.is_finite())
}

/// The accessible summary of chart `kind`: "Revenue fell 41% to $32.1M in
/// Q4 FY23; Q1 FY24 guided $33–35M."
pub fn summary(kind: ChartKind, facts: &Facts) -> String {
    let text = match kind {
        ChartKind::Revenue => revenue_summary(facts),
        ChartKind::Margins => margins_summary(facts),
        ChartKind::Guidance => guidance_summary(facts),
    };
    text.unwrap_or_else(|| format!("{}{}", kind.empty_message(), t(K::SumEnd)))
}

fn revenue_summary(facts: &Facts) -> Option<String> {
    let (bars, _, unit) = revenue::bars(facts);
    if bars.is_empty() {
        return None;
    }
    let max = bars.iter().filter_map(|b| b.total).fold(0.0f64, |m, v| m.max(v.abs()));
    let fmt = Fmt::new(unit, max);
    let said = |b: &&revenue::Bar| b.total.is_some() && !b.derived;
    // The call's own period, else the latest quarter said, else the latest period said.
    let latest = bars
        .iter()
        .filter(said)
        .find(|b| Some(b.period) == facts.call)
        .or_else(|| bars.iter().rev().filter(said).find(|b| b.period.is_quarter()))
        .or_else(|| bars.iter().rev().find(said));
    let mut parts = Vec::new();
    if let Some(b) = latest {
        let v = b.total.unwrap_or(0.0);
        let at = tf(K::SumAt, &[&fmt.full(v), &period_text(&b.period)]);
        let qoq = stated_change(facts, "revenue", "total", b.period, Measure::Qoq).or_else(|| {
            let prev = b.period.prev_quarter()?;
            let pv = bars.iter().find(|x| x.period == prev)?.total?;
            (pv > 0.0 && v > 0.0).then(|| (v / pv - 1.0) * 100.0)
        });
        let yoy = stated_change(facts, "revenue", "total", b.period, Measure::Yoy);
        parts.push(match (qoq, yoy) {
            (Some(c), _) if c.abs() < 0.05 => tf(K::SumRevFlat, &[&at]),
            (Some(c), _) => tf(K::SumRevMoved, &[&moved(c), &at]),
            (None, Some(c)) if c.abs() < 0.05 => tf(K::SumRevFlatYoy, &[&at]),
            (None, Some(c)) => tf(K::SumRevMovedYoy, &[&moved(c), &at]),
            (None, None) => tf(K::SumRevWas, &[&at]),
        });
        let split: Vec<String> = b
            .pieces
            .iter()
            .filter_map(|x| match &x.part {
                revenue::Part::Segment(s) => Some(tf(K::SumItem, &[&segment_label(s), &fmt.full(x.value)])),
                _ => None,
            })
            .collect();
        if !split.is_empty() {
            parts[0].push_str(&tf(K::SumSplit, &[&split.join(t(K::SumList))]));
        }
    }
    for b in bars.iter().filter(|b| latest.is_none_or(|l| b.period > l.period)) {
        if let Some(g) = &b.guide {
            let gf = Fmt::new(unit, g.span().map_or(0.0, |(l, h)| l.abs().max(h.abs())));
            parts.push(tf(K::SumGuided, &[&period_text(&b.period), &g.label(&gf)]));
        }
    }
    if parts.is_empty() {
        // Only derived figures.
        let b = bars.iter().rev().find(|b| b.total.is_some())?;
        parts.push(tf(K::SumRevDerived, &[&fmt.full(b.total.unwrap_or(0.0)), &period_text(&b.period)]));
    }
    let s = parts.join(t(K::SumJoin));
    Some(upper_first(&s) + t(K::SumEnd))
}

fn margins_summary(facts: &Facts) -> Option<String> {
    let series = margins::series(facts);
    if series.is_empty() {
        return None;
    }
    let fmt = Fmt::new(Unit::Percent, 100.0);
    let mut said = Vec::new();
    for s in series.iter().take(4) {
        // The call's own quarter, else the latest quarter said, else the latest period said.
        let said_points = || s.points.iter().filter(|l| !l.derived);
        let Some(last) = said_points()
            .find(|l| Some(l.period) == facts.call)
            .or_else(|| said_points().filter(|l| l.period.is_quarter()).max_by_key(|l| l.period))
            .or_else(|| said_points().max_by_key(|l| l.period))
        else {
            continue;
        };
        let name = if said.is_empty() { s.name() } else { lower_first(&s.name()) };
        let mut t = tf(K::SumMarginWas, &[&name, &fmt.full(last.value), &period_text(&last.period)]);
        let prev = s.points.iter().filter(|l| l.period < last.period && l.period.is_quarter() == last.period.is_quarter()).max_by_key(|l| l.period);
        if let Some(p) = prev {
            let d = last.value - p.value;
            let from = period_text(&p.period);
            if d.abs() < 0.05 {
                t.push_str(&tf(K::SumMarginFlat, &[&from]));
            } else {
                t.push_str(&tf(if d < 0.0 { K::SumMarginDown } else { K::SumMarginUp }, &[&crate::decimal::fixed(d.abs(), 1), &from]));
            }
        }
        said.push(t);
    }
    let mut parts = vec![said.join(crate::i18n::t(K::SumJoin))];
    let guided: Vec<String> = series
        .iter()
        .flat_map(|s| s.guides.iter().map(move |g| (s, g)))
        .map(|(s, g)| tf(K::SumMarginGuided, &[&period_text(&g.period), &lower_first(&s.name()), &g.label(&fmt)]))
        .collect();
    if !guided.is_empty() {
        parts.push(guided.join(t(K::SumJoin)));
    }
    parts.retain(|p| !p.is_empty());
    let s = parts.join(t(K::SumSentences));
    Some(upper_first(&s) + t(K::SumEnd))
}

fn guidance_summary(facts: &Facts) -> Option<String> {
    let panels = guidance::panels(facts);
    let first = panels.first()?;
    let one_period = panels.iter().all(|p| p.guide.period == first.guide.period);
    let items: Vec<String> = panels
        .iter()
        .map(|p| {
            let g = &p.guide;
            let fmt = Fmt::new(g.unit, g.span().map_or(0.0, |(l, h)| l.abs().max(h.abs())));
            let mut t = tf(K::SumGuideItem, &[&lower_first(&p.name()), &g.label(&fmt)]);
            if !one_period {
                t = tf(K::SumGuideFor, &[&t, &period_text(&g.period)]);
            }
            if let Some(i) = p.implied() {
                t.push_str(&tf(K::SumSplit, &[&i]));
            }
            t
        })
        .collect();
    Some(if one_period {
        tf(K::SumGuideOne, &[&period_text(&first.guide.period), &items.join(crate::i18n::t(K::SumJoin))])
    } else {
        tf(K::SumGuideMany, &[&items.join(crate::i18n::t(K::SumJoin))])
    })
}

/// The facts chart `kind` shows, one row each: period, series, value, kind,
/// basis, source line.
#[cfg(feature = "engine")]
pub fn table(kind: ChartKind, facts: &Facts) -> Table {
    table_checked(kind, facts, &facts.checks())
}

/// [`table`] with the facts' [`Checks`] worked out already.
#[cfg(feature = "engine")]
pub fn table_checked(kind: ChartKind, facts: &Facts, checks: &Checks) -> Table {
    let mut order: Vec<usize> = Vec::new();
    match kind {
        ChartKind::Revenue => {
            for b in revenue::bars(facts).0 {
                order.extend(b.total_fact);
                order.extend(b.pieces.iter().filter(|x| matches!(x.part, revenue::Part::Segment(_))).map(|x| x.fact));
                order.extend(b.guide.as_ref().map(|g| g.fact));
            }
        }
        ChartKind::Margins => {
            for s in margins::series(facts) {
                let mut rows: Vec<(Period, usize)> = s.points.iter().map(|l| (l.period, l.fact)).collect();
                rows.extend(s.guides.iter().map(|g| (g.period, g.fact)));
                crate::order::sort(&mut rows);
                order.extend(rows.into_iter().map(|(_, i)| i));
            }
        }
        ChartKind::Guidance => {
            for p in guidance::panels(facts) {
                order.extend(p.actual.as_ref().map(|a| a.fact));
                order.push(p.guide.fact);
            }
        }
    }
    crate::order::dedup_indices(&mut order);
    Table { columns: columns(&[K::TablePeriod, K::TableSeries, K::TableValue, K::TableKind, K::TableBasis, K::TableSource]), rows: rows(order, facts, checks) }
}

/// The facts the call states that none of the charts draws (cash, capex,
/// orders, backlog, a bank's deposits, a charge the call names in its own
/// words, ...): actual and guidance facts, by metric, segment and period.
/// `charted`: the facts of the charts' own tables ([`table_checked`]), which the
/// caller has built already.
#[cfg(feature = "engine")]
pub fn other_table(facts: &Facts, checks: &Checks, charted: impl IntoIterator<Item = usize>) -> Table {
    // No set types (more wasm): a flag per fact, and the charted series sorted.
    let mut is_charted = vec![false; facts.facts.len()];
    let mut levels: Vec<(&String, &String, Period, Kind)> = Vec::new();
    for i in charted {
        if let (Some(c), Some(f)) = (is_charted.get_mut(i), facts.facts.get(i)) {
            *c = true;
            levels.push(series_key(f));
        }
    }
    crate::order::sort(&mut levels);
    // A change goes with its charted level (the tooltip shows it there).
    let shown = |f: &Fact| f.measure != Measure::Level && levels.binary_search(&series_key(f)).is_ok();
    let mut order: Vec<usize> = (0..facts.facts.len())
        .filter(|&i| !is_charted[i] && facts.facts[i].kind != Kind::Derived && !shown(&facts.facts[i]))
        .collect();
    // Metrics the charts know by name first, then those named in the call's own words.
    crate::order::sort_by(&mut order, |&a, &b| {
        let (x, y) = (&facts.facts[a], &facts.facts[b]);
        (!x.is_named(), &x.metric, x.segment != "total", &x.segment, x.period, x.kind != Kind::Actual, x.measure)
            .cmp(&(!y.is_named(), &y.metric, y.segment != "total", &y.segment, y.period, y.kind != Kind::Actual, y.measure))
    });
    Table { columns: columns(&[K::TablePeriod, K::TableFigure, K::TableValue, K::TableKind, K::TableBasis, K::TableSource]), rows: rows(order, facts, checks) }
}

/// A fact's metric, segment, period and kind: its series at its period.
#[cfg(feature = "engine")]
fn series_key(f: &Fact) -> (&String, &String, Period, Kind) {
    (&f.metric, &f.segment, f.period, f.kind)
}

#[cfg(feature = "engine")]
fn columns(names: &[K]) -> Vec<String> {
    names.iter().map(|k| t(*k).to_string()).collect()
}

/// One row per fact of `order`: period, series, value, kind (with its flags), basis, source line.
#[cfg(feature = "engine")]
fn rows(order: Vec<usize>, facts: &Facts, checks: &Checks) -> Vec<TableRow> {
    order
        .into_iter()
        .filter_map(|i| {
            let f = facts.facts.get(i)?;
            let mut kind = t(match f.kind {
                Kind::Actual => K::KindActual,
                Kind::Guidance => K::KindGuidance,
                Kind::Derived => K::KindDerived,
            })
            .to_string();
            if f.measure != Measure::Level {
                kind.push_str(" · ");
                kind.push_str(measure_name(f.measure));
            }
            if f.conflict {
                kind.push_str(t(K::FlagConflict));
            }
            if checks.failed(i) {
                kind.push_str(t(K::FlagFailed));
            }
            let basis = match f.basis {
                Some(Basis::Gaap) => t(K::BasisGaap),
                Some(Basis::NonGaap) => t(K::BasisNonGaap),
                Some(Basis::Organic) => t(K::BasisOrganic),
                Some(Basis::ConstantCurrency) => t(K::BasisConstantCurrency),
                None => "",
            };
            let line = if f.source.line > 0 { tf(K::TableLine, &[&f.source.line.to_string()]) } else { String::new() };
            Some(TableRow { fact: i, cells: vec![call_label(&f.period), subject(f), value_text(f), kind, basis.to_string(), line] })
        })
        .collect()
}
