//! The page's series: the calls it holds (each an [`Analysis`], as one call
//! is shown) and their merge ([`crate::series`]), one company at a time.
//!
//! ```text
//! add(name, Analysis) / remove(i) ──series::merge──▶ Series ──pick(company)──▶ Picked
//!                                                                              ├─ facts: the company's merged facts as `Facts`
//!                                                                              ├─ chart: those a call's chart draws (the latest call's guides only)
//!                                                                              └─ draw(kind) · explain · origin(fact) → (call, its fact)
//! ```
//!
//! `src/wasm.rs` wraps it in the `Series` handle; everything here is plain
//! Rust, tested natively. Fact indices are the picked company's
//! ([`crate::series::Company::facts`]) everywhere: hit maps, details, origin.

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::chart::{self, ChartError, Detail, HitMap, Style, TrendKind};
use crate::facts::{Checks, Fact, Facts, Kind, Note};
use crate::i18n::{self, t, tf, Lang, K};
use crate::series::{self, Company, Revision, Series};
use crate::share::{self, ShareError, ShareState};

/// Calls held for the page, merged per company.
#[derive(Debug, Default)]
pub struct Trend {
    calls: Vec<(String, Analysis)>,
    series: Option<Series>,
    picked: usize,
    view: Option<Picked>,
}

/// The picked company's facts, ready to draw.
#[derive(Debug)]
struct Picked {
    /// All its merged facts (index = [`Company::facts`]'s), notes remapped.
    facts: Facts,
    checks: Checks,
    /// What the one-call charts draw: no guide but the latest call's.
    chart: Facts,
    chart_checks: Checks,
    /// `chart.facts[i]` is `facts.facts[keep[i]]`.
    keep: Vec<usize>,
}

/// A call as the page lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallInfo {
    /// The name it was added under (a file name).
    pub name: String,
    /// "Q4 FY2023" (empty when the call's period is unknown).
    pub period: String,
    /// Its company (index into [`Trend::companies`]).
    pub company: usize,
    /// How many facts it gave.
    pub facts: usize,
}

/// A company as the picker lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyInfo {
    /// Its name ("Earnings call" when no call names it).
    pub name: String,
    /// Its calls (indices into [`Trend::calls`]), in fiscal order.
    pub calls: Vec<usize>,
}

/// The picked company's series in words: the heading, each fact's detail
/// (naming the call it came from), the charts' labels.
#[derive(Debug, Serialize)]
pub struct TrendExplained {
    /// "FTI Consulting · 8 calls".
    pub heading: String,
    /// "Q1 FY2020 – Q4 FY2021".
    pub meta: String,
    /// A detail per merged fact.
    pub details: Vec<Detail>,
    /// Per chart name ("revenue", "margins", "eps", "versus"): `{label, title}`.
    pub charts: Vec<(String, TrendChartText)>,
}

/// A series chart's label and title.
#[derive(Debug, Serialize)]
pub struct TrendChartText {
    /// "Revenue".
    pub label: String,
    /// "FTI Consulting · 8 calls — Revenue".
    pub title: String,
}

impl Trend {
    /// No calls.
    pub fn new() -> Trend {
        Trend::default()
    }

    /// Adds a call under `name`; returns its index. The company of the new
    /// call is picked.
    pub fn add(&mut self, name: &str, analysis: Analysis) -> usize {
        self.calls.push((name.to_string(), analysis));
        let i = self.calls.len() - 1;
        self.merge();
        self.picked = self.company_of(i).unwrap_or(0);
        self.view = self.picked_view();
        i
    }

    /// Removes call `i` (nothing when there is none).
    pub fn remove(&mut self, i: usize) {
        if i >= self.calls.len() {
            return;
        }
        self.calls.remove(i);
        self.merge();
        let n = self.series.as_ref().map_or(0, |s| s.companies.len());
        self.picked = self.picked.min(n.saturating_sub(1));
        self.view = self.picked_view();
    }

    /// How many calls.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// Whether there are no calls.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// Call `i`'s analysis.
    pub fn analysis(&self, i: usize) -> Option<&Analysis> {
        self.calls.get(i).map(|(_, a)| a)
    }

    fn merge(&mut self) {
        let named: Vec<(&str, &Facts)> = self.calls.iter().map(|(n, a)| (n.as_str(), a.facts())).collect();
        self.series = (!named.is_empty()).then(|| series::merge(&named));
    }

    fn company_of(&self, call: usize) -> Option<usize> {
        self.series.as_ref()?.companies.iter().position(|c| c.calls.contains(&call))
    }

    /// The calls in the order added.
    pub fn calls(&self) -> Vec<CallInfo> {
        self.calls
            .iter()
            .enumerate()
            .map(|(i, (name, a))| CallInfo {
                name: name.clone(),
                period: a.facts().call.map_or(String::new(), |p| chart::call_name(&p)),
                company: self.company_of(i).unwrap_or(0),
                facts: a.facts().facts.len(),
            })
            .collect()
    }

    /// The companies, in the order of their first call.
    pub fn companies(&self) -> Vec<CompanyInfo> {
        let Some(s) = &self.series else { return Vec::new() };
        s.companies
            .iter()
            .map(|c| CompanyInfo {
                name: if c.company.trim().is_empty() { t(K::HeadingUnknown).to_string() } else { c.company.clone() },
                calls: c.calls.clone(),
            })
            .collect()
    }

    /// Picks company `i` (nothing when there is none).
    pub fn pick(&mut self, i: usize) {
        if self.series.as_ref().is_some_and(|s| i < s.companies.len()) {
            self.picked = i;
            self.view = self.picked_view();
        }
    }

    /// The picked company (index into [`Trend::companies`]).
    pub fn picked(&self) -> usize {
        self.picked
    }

    /// The picked company's merged series.
    pub fn company(&self) -> Option<&Company> {
        self.series.as_ref()?.companies.get(self.picked)
    }

    /// The picked company's merged facts (`callchart/facts@1`, index = the company's).
    pub fn facts(&self) -> Option<&Facts> {
        self.view.as_ref().map(|v| &v.facts)
    }

    fn picked_view(&self) -> Option<Picked> {
        let company = self.company()?;
        let facts = Facts {
            company: company.company.clone(),
            currency: company.currency.clone(),
            facts: company.facts.iter().map(|f| f.fact.clone()).collect(),
            notes: company.notes.iter().map(|n| n.note.clone()).collect(),
            ..Facts::default()
        };
        let last = company.calls.last().copied();
        let keep: Vec<usize> = (0..company.facts.len()).filter(|&i| company.facts[i].fact.kind != Kind::Guidance || Some(company.facts[i].call) == last).collect();
        let mut new_index = vec![None; company.facts.len()];
        for (n, &i) in keep.iter().enumerate() {
            new_index[i] = Some(n);
        }
        let chart = Facts {
            facts: keep.iter().map(|&i| facts.facts[i].clone()).collect(),
            notes: facts
                .notes
                .iter()
                .map(|n| Note { subject: n.subject.iter().filter_map(|&i| new_index.get(i).copied().flatten()).collect(), ..n.clone() })
                .collect(),
            ..facts.clone()
        };
        Some(Picked { checks: facts.checks(), chart_checks: chart.checks(), facts, chart, keep })
    }

    /// "FTI Consulting · 8 calls" in the current language.
    fn heading(&self) -> String {
        let Some(c) = self.company() else { return String::new() };
        let name = if c.company.trim().is_empty() { t(K::HeadingUnknown) } else { c.company.as_str() };
        format!("{name} · {}", tf(K::SeriesCalls, &[&c.calls.len().to_string()]))
    }

    /// Draws series chart `kind` of the picked company on `area`.
    pub fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, kind: TrendKind, style: &Style) -> Result<HitMap, ChartError> {
        let (Some(v), Some(company), Some(series)) = (&self.view, self.company(), &self.series) else {
            return Err(ChartError("no calls to draw".into()));
        };
        let titled = i18n::with(style.lang, || Facts { company: self.heading(), ..Facts::default() });
        let chart = Facts { company: titled.company, ..v.chart.clone() };
        chart::draw_trend(area, kind, (&chart, &v.chart_checks, &v.keep), (company, &series.calls), style)
    }

    /// The picked company's series in words, in `lang`.
    pub fn explain(&self, lang: Lang) -> Option<TrendExplained> {
        let (v, company, series) = (self.view.as_ref()?, self.company()?, self.series.as_ref()?);
        i18n::with(lang, || {
            let heading = self.heading();
            let periods: Vec<String> = company.calls.iter().filter_map(|&c| series.calls[c].period).map(|p| chart::call_name(&p)).collect();
            let meta = match (periods.first(), periods.last()) {
                (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                (Some(a), _) => a.clone(),
                _ => String::new(),
            };
            let call_text = |c: usize| {
                let call = &series.calls[c];
                call.period.map_or(call.name.clone(), |p| format!("{} ({})", chart::call_name(&p), call.name))
            };
            let mut details = chart::details(&v.facts, &v.checks);
            for d in &mut details {
                let Some(f) = company.facts.get(d.fact) else { continue };
                d.rows.push([t(K::RowCall).into(), call_text(f.call)]);
                let others: Vec<String> = f.calls.iter().filter(|&&c| c != f.call).map(|&c| call_text(c)).collect();
                if !others.is_empty() {
                    d.rows.push([t(K::RowAlsoIn).into(), others.join(", ")]);
                }
                if let Some(r) = f.revision {
                    let k = match r {
                        Revision::Raised => K::RevRaised,
                        Revision::Lowered => K::RevLowered,
                        Revision::Reaffirmed => K::RevReaffirmed,
                        Revision::Withdrawn => K::RevWithdrawn,
                    };
                    d.rows.push([t(K::RowRevision).into(), t(k).into()]);
                }
            }
            let charts = TrendKind::ALL
                .iter()
                .map(|k| (k.name().to_string(), TrendChartText { label: k.caption().into(), title: format!("{heading} — {}", k.caption()) }))
                .collect();
            Some(TrendExplained { heading, meta, details, charts })
        })
    }

    /// The picked company's merged facts as CSV, with a first column `call`
    /// (the name of the call each figure came from) and a last, `revision`
    /// (how a guide moved from the call before: raised, lowered, reaffirmed,
    /// withdrawn; as the JSON's).
    pub fn csv(&self) -> String {
        let (Some(v), Some(company), Some(series)) = (&self.view, self.company(), &self.series) else { return String::new() };
        let calls: Vec<String> = company.facts.iter().map(|f| series.calls.get(f.call).map_or(String::new(), |c| c.name.clone())).collect();
        let revisions: Vec<&str> = company.facts.iter().map(|f| f.revision.map_or("", Revision::name)).collect();
        crate::export::csv_with_calls(&v.facts, &calls, &revisions)
    }

    /// The merge of every call (`callchart/series@1`: all companies, each
    /// fact with its `call`), for the JSON export.
    pub fn series(&self) -> Option<&Series> {
        self.series.as_ref()
    }

    /// A download name for the picked company's series: `fti-consulting-series.csv`.
    pub fn file_name(&self, ext: &str) -> String {
        let company = self.company().map_or(String::new(), |c| c.company.clone());
        crate::export::file_name(&Facts { company, ..Facts::default() }, "series", ext)
    }

    /// The series link (`v4=…`) of every call held, the company picked,
    /// call `shown` (the one shown below the series) and `state` (natively;
    /// the page deflates [`Trend::share_bytes`] itself).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn share_link(&self, shown: usize, state: &ShareState) -> Result<String, ShareError> {
        let calls: Vec<(&str, &Facts)> = self.calls.iter().map(|(n, a)| (n.as_str(), a.facts())).collect();
        share::series::encode(&calls, self.picked, shown, state)
    }

    /// The series link's binary before deflate ([`share::series::binary`]).
    pub fn share_bytes(&self, shown: usize, state: &ShareState) -> Result<Vec<u8>, ShareError> {
        let calls: Vec<(&str, &Facts)> = self.calls.iter().map(|(n, a)| (n.as_str(), a.facts())).collect();
        share::series::binary(&calls, self.picked, shown, state)
    }

    /// Opens a series link: its calls merged as when they were added, the
    /// company picked; and the call shown with the link's state.
    pub fn of_link(fragment: &str) -> Result<(Trend, usize, ShareState), ShareError> {
        Ok(Trend::of_series_link(share::series::decode(fragment)?))
    }

    /// [`Trend::of_link`] from a decoded link (the page inflates links itself:
    /// [`share::series::unpacked`]).
    pub fn of_series_link(link: share::series::SeriesLink) -> (Trend, usize, ShareState) {
        let mut trend = Trend { calls: link.calls.into_iter().map(|(n, f)| (n, Analysis::of_facts(f))).collect(), ..Trend::default() };
        trend.merge();
        trend.view = trend.picked_view();
        trend.pick(link.picked);
        (trend, link.shown, link.state)
    }

    /// Where merged fact `i` of the picked company was said: the call (index
    /// into [`Trend::calls`]) and the fact's index in that call's facts.
    pub fn origin(&self, i: usize) -> Option<(usize, usize)> {
        let f = self.company()?.facts.get(i)?;
        let (_, a) = self.calls.get(f.call)?;
        let same = |g: &Fact| {
            g.metric == f.fact.metric
                && g.segment == f.fact.segment
                && g.period == f.fact.period
                && g.measure == f.fact.measure
                && g.kind == f.fact.kind
                && g.value == f.fact.value
                && g.low == f.fact.low
                && g.high == f.fact.high
        };
        let j = a.facts().facts.iter().position(|g| same(g) && g.source == f.fact.source).or_else(|| a.facts().facts.iter().position(same))?;
        Some((f.call, j))
    }
}

