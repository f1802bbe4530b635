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
//!
//! # Where
//!
//! - `companies.rs`: which calls are one company (names, then shared figures).
//! - `figure.rs`: when two facts are one figure (key, basis, rounding).
//! - `company.rs`: merging one company's calls: one figure per key, the
//!   notes' subjects remapped.
//! - `guides.rs`: revisions between calls' guides, and guide ↔ actual pairs.

use serde::Serialize;

use crate::facts::{Fact, Facts, Note, Period};

mod companies;
mod company;
mod figure;
mod guides;
mod withdrawn;

pub use companies::companies;
// The extractor's company reader shares the title words (the viewer has no extractor).
#[cfg(feature = "engine")]
pub(crate) use companies::TITLE_WORDS;
pub use company::company;

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

#[cfg(test)]
mod tests;
