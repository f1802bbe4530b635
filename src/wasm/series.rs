//! The series handle on the wasm boundary: several calls merged per
//! company ([`crate::trend::Trend`]), their series charts and links.

use wasm_bindgen::prelude::*;

use super::*;

/// Several calls, one story: the calls the page holds and their merge per
/// company ([`crate::trend::Trend`], state in Rust). The page adds each
/// call's [`Analysis`] (the handle is taken over), picks a company, draws
/// its series charts ("revenue", "margins", "eps", "versus") and asks which
/// call a figure came from; [`Series::call`] hands back one call to show alone.
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub struct Series {
    inner: crate::trend::Trend,
    /// Each call's view as the worker handed it over (see [`Analysis`]).
    views: Vec<Option<JsValue>>,
    /// A series opened from a link: the call it shows and its state.
    opened: Option<(usize, analysis::LinkState)>,
}

#[cfg(feature = "engine")]
#[wasm_bindgen]
impl Series {
    /// No calls.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Series {
        Series { inner: crate::trend::Trend::new(), views: Vec::new(), opened: None }
    }

    /// Opens a series link (`#v4=…`; a readable error, in `lang`, when it
    /// cannot) from its [`link_packed`] bytes as the browser inflated them
    /// (as [`open_unpacked`]): its calls merged, the company picked;
    /// [`Series::opened`] says which call to show and the link's state.
    pub fn open_unpacked(fragment: &str, inflated: Option<Vec<u8>>, failure: Option<String>, lang: Option<String>) -> Result<Series, JsError> {
        use crate::share::{self, InflateFailure};
        let (version, _) = share::packed(fragment).map_err(|e| link_error(e, lang.as_deref()))?;
        let bin = inflated.ok_or_else(|| InflateFailure::from_name(failure.as_deref().unwrap_or("")));
        let link = share::series::unpacked(version, bin).map_err(|e| link_error(e, lang.as_deref()))?;
        let (inner, shown, state) = crate::trend::Trend::of_series_link(link);
        let views = vec![None; inner.len()];
        Ok(Series { inner, views, opened: Some((shown, state.into())) })
    }

    /// For a series opened from a link: `{shown, charts, theme, lang?}`
    /// (the call to show below, the state as [`Analysis::reading`]'s `link`); else `null`.
    pub fn opened(&self) -> Result<JsValue, JsError> {
        to_obj(&self.opened.as_ref().map(|(shown, s)| Opened { shown: *shown, state: s }))
    }

    /// The series link's bytes before deflate: every call, the company
    /// picked and call `shown`, with `state` as [`Analysis::share_bytes`]'s
    /// (the page deflates them as that one's).
    pub fn share_bytes(&self, shown: usize, state: JsValue) -> Result<Vec<u8>, JsError> {
        Ok(self.inner.share_bytes(shown, &state_in(state)?)?)
    }

    /// The series link (`v4=…`, no `#`) of [`Series::share_bytes`] as the
    /// browser deflated them.
    pub fn link_text(&self, deflated: &[u8]) -> Result<String, JsError> {
        Ok(crate::share::link_of(crate::share::SERIES_VERSION, deflated)?)
    }

    /// Adds `analysis` (taken over: its handle is spent) under `name`;
    /// returns its index. Its company becomes the one picked.
    pub fn add(&mut self, name: &str, analysis: Analysis) -> usize {
        self.views.push(analysis.view_js);
        self.inner.add(name, analysis.inner)
    }

    /// Removes call `i`.
    pub fn remove(&mut self, i: usize) {
        if i < self.views.len() {
            self.views.remove(i);
        }
        self.inner.remove(i);
    }

    /// How many calls.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The calls in the order added: `[{name, period, company, facts}]`.
    pub fn calls(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        to_obj(&crate::i18n::with(lang_of(lang.as_deref()), || self.inner.calls()))
    }

    /// The companies: `[{name, calls: [call index, …]}]`, calls in fiscal order.
    pub fn companies(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        to_obj(&crate::i18n::with(lang_of(lang.as_deref()), || self.inner.companies()))
    }

    /// Picks company `i`.
    pub fn pick(&mut self, i: usize) {
        self.inner.pick(i);
    }

    /// The company picked.
    #[wasm_bindgen(getter)]
    pub fn picked(&self) -> usize {
        self.inner.picked()
    }

    /// Call `i` as an analysis of its own (a copy: the page shows it alone).
    pub fn call(&self, i: usize) -> Result<Analysis, JsError> {
        let inner = self.inner.analysis(i).ok_or_else(|| JsError::new("no such call"))?.clone();
        Ok(Analysis {
            inner,
            reading: analysis::Reading { ok: true, ..analysis::Reading::default() },
            view_js: self.views.get(i).cloned().flatten(),
        })
    }

    /// Draws series chart `kind` of the picked company on `canvas` (as [`Analysis::draw`]).
    pub fn draw(&self, canvas: &HtmlCanvasElement, kind: &str, style: JsValue) -> Result<ChartMap, JsError> {
        let kind = chart::TrendKind::from_name(kind).ok_or_else(|| JsError::new(&format!("unknown series chart {}", crate::i18n::quoted(kind))))?;
        draw_on(canvas, style, |area, style| Ok(self.inner.draw(area, kind, style)?))
    }

    /// The picked company's series in words: `{heading, meta, details,
    /// charts: [[name, {label, title}], …]}` (details name each figure's call).
    pub fn explain(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        to_obj(&self.inner.explain(lang_of(lang.as_deref())))
    }

    /// Where figure `fact` of the series was said: `{call, fact}` (the call's
    /// index and the fact's index in that call's facts), or `null`.
    pub fn origin(&self, fact: usize) -> Result<JsValue, JsError> {
        to_obj(&self.inner.origin(fact).map(|(call, fact)| Origin { call, fact }))
    }

    /// The picked company's figures as CSV, a `call` column first.
    pub fn csv(&self) -> String {
        self.inner.csv()
    }

    /// The whole merge (`callchart/series@1`: every company, each fact's
    /// `call`) as a plain object, for the JSON export; `null` with no calls.
    pub fn series(&self) -> Result<JsValue, JsError> {
        self.inner.series().map_or(Ok(JsValue::NULL), to_obj)
    }

    /// A download name: `file_name("csv")` is `fti-consulting-series.csv`.
    pub fn file_name(&self, ext: &str) -> String {
        self.inner.file_name(ext)
    }

    /// The picked company's merged facts (`callchart/facts@1`), or `null`.
    pub fn facts(&self) -> Result<JsValue, JsError> {
        self.inner.facts().map_or(Ok(JsValue::NULL), to_obj)
    }
}

#[cfg(feature = "engine")]
impl Default for Series {
    fn default() -> Self {
        Series::new()
    }
}

/// [`Series::opened`]'s answer: `{shown, charts, theme, lang?}`.
#[cfg(feature = "engine")]
struct Opened<'a> {
    shown: usize,
    state: &'a analysis::LinkState,
}

#[cfg(feature = "engine")]
impl crate::json::ToJson for Opened<'_> {
    fn json(&self, j: &mut crate::json::Json) {
        j.obj(|j| {
            j.key("shown").int(self.shown);
            j.key("charts").list(&self.state.charts);
            j.key("theme").str(self.state.theme);
            j.opt("lang", self.state.lang, crate::json::Json::str);
        });
    }
}

/// [`Series::origin`]'s answer: `{call, fact}`.
#[cfg(feature = "engine")]
struct Origin {
    call: usize,
    fact: usize,
}

#[cfg(feature = "engine")]
impl crate::json::ToJson for Origin {
    fn json(&self, j: &mut crate::json::Json) {
        j.obj(|j| {
            j.key("call").int(self.call);
            j.key("fact").int(self.fact);
        });
    }
}
