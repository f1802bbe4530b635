/*!
callchart turns an earnings-call transcript into facts (revenue, margins,
guidance, ...) and draws them as charts.

```text
 &str ──transcript::parse──▶ Transcript ──extract::extract──▶ Facts ──chart::draw──▶ any DrawingBackend
                                                                     (canvas in the page, SVG in tests)
```

The core is pure: no I/O, no clock, no wasm types. Only `wasm.rs`, compiled
for `wasm32` alone, knows wasm-bindgen.

# Example

```
let facts = callchart::analyze("Operator\nRevenue was $12.5 million in Q4 2023, up 10% year-over-year.\n");
assert!(facts.facts.iter().any(|f| f.metric == "revenue"));
```
*/
#![deny(missing_docs)]

pub mod analysis;
pub mod chart;
pub mod case;
pub mod chart_kind;
pub mod decimal;
#[cfg(feature = "engine")]
pub mod export;
#[cfg(feature = "engine")]
pub mod extract;
pub mod facts;
pub mod i18n;
pub mod json;
mod memo;
pub mod order;
pub mod series;
#[cfg(feature = "engine")]
pub mod input;
pub mod share;
pub mod strs;
#[cfg(feature = "engine")]
pub mod split;
#[cfg(feature = "engine")]
pub mod text;
#[cfg(feature = "engine")]
pub mod trend;
#[cfg(feature = "engine")]
pub mod transcript;
#[cfg(feature = "engine")]
pub mod view;
#[cfg(feature = "engine")]
pub mod wire;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use facts::{Fact, Facts, Kind, Measure, Period, Unit};

#[cfg(feature = "engine")]
/// Parses a transcript and extracts its facts: the whole pipeline, never failing.
pub fn analyze(text: &str) -> Facts {
    analyze_as(text, None)
}

#[cfg(feature = "engine")]
/// [`analyze`] with the call's period `given` (`callchart extract --call
/// FY2021-Q3`): the figures dated from it as if the transcript said it.
pub fn analyze_as(text: &str, given: Option<Period>) -> Facts {
    let transcript = transcript::parse(text);
    extract::extract_as(&transcript, given)
}
