//! Merging one company's calls: calls in fiscal order, one figure per key
//! across calls (a reported figure beats a derived one; conflicts kept and
//! marked), facts in fiscal order, each call's notes with their subjects
//! remapped to the merged facts; then the guides' revisions and pairs
//! ([`super::guides`]).

use std::cmp::Ordering;
use std::collections::HashMap;

use super::figure::{agree, basis_fits, tolerance};
use super::guides::{pair, period_closed, revise};
use super::{Company, SeriesFact, SeriesNote};
use crate::facts::{Fact, Facts, Kind, Note, Period};
use crate::order;

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
    super::withdrawn::mark(&mut facts, calls, &members, &position);
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
