//! The browser edge: the only module that knows wasm-bindgen.
//!
//! It is deliberately thin: one stateful handle, [`Analysis`], over the plain
//! [`crate::analysis::Analysis`]. [`read_text`] and [`read_bytes`] (input
//! through [`crate::input`], parsed once) and [`open_unpacked`] return it; the
//! page then draws (`draw(canvas, kind, style)` -> [`ChartMap`], the hit map
//! of what was drawn), explains, views, exports and links through it. No
//! facts cross the boundary back into Rust, except once when a worker's
//! analysis is rebuilt on the page ([`Analysis::rebuild`]). Sizes,
//! devicePixelRatio and themes are the page's business.
//!
//! Text is measured with the canvas's own `measureText` ([`Measured`]), not
//! with plotters' DOM `<span>` whose `style` attribute a strict
//! Content-Security-Policy (`style-src 'self'`) blocks; the canvas is drawn
//! on through `canvas.rs` (a context that remembers its state).
//!
//! Errors cross the edge as `JsError` whose message a reader can act on (bad
//! input is no error: a reading says why it was refused); a panic is a bug,
//! so the hook below says so on the console and raises
//! `globalThis.__callchartPanicked` for the page's status line.

use std::sync::atomic::{AtomicBool, Ordering};

/// The allocator: talc's for single-threaded wasm, which grows the linear
/// memory as it needs (~3 KB gzipped smaller than std's dlmalloc).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::{self, ChartKind, Colors, Style};

mod canvas;
#[cfg(not(feature = "engine"))]
pub(crate) mod case;
#[cfg(feature = "engine")]
mod series;
use crate::analysis;
#[cfg(feature = "engine")]
use crate::share::{ShareState, ThemeChoice};

/// Installs the panic hook (idempotent). engine.js's init calls it as it
/// instantiates the module, for every user (page, worker, embed), before
/// any other call: no start function (the glue would export it too).
///
/// A panic prints "callchart: internal error, please report" with the panic
/// message to the console and sets `globalThis.__callchartPanicked = true`.
#[wasm_bindgen]
pub fn init_panic_hook() {
    // A flag, not std's `Once` (its poisoning and re-entrancy messages): the
    // wasm has one thread.
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if !INSTALLED.swap(true, Ordering::Relaxed) {
        std::panic::set_hook(Box::new(|info| {
            let message = format!("callchart: internal error, please report.\n{info}");
            web_sys::console::error_1(&JsValue::from_str(&message));
            let _ = GLOBAL_THIS.with(|global| {
                js_sys::Reflect::set(global, &JsValue::from_str("__callchartPanicked"), &JsValue::TRUE)
            });
        }));
    }
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis`, read once: js-sys's `global()` looks for it under four
    /// names (globalThis, self, window, global: four imports and their
    /// fallbacks, ~0.3 KB gzipped of the embed), where every browser that
    /// runs this wasm has `globalThis`.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;
}

/// One analysis of a transcript or a link, held in Rust across calls (see
/// [`crate::analysis::Analysis`]): the page draws, explains, exports and
/// links through it, and no facts cross the boundary back into Rust.
/// [`read_text`], [`read_bytes`] and [`open_unpacked`] return it; a worker's is
/// rebuilt on the page with [`Analysis::rebuild`] from its facts' bytes and view.
#[wasm_bindgen]
pub struct Analysis {
    inner: analysis::Analysis,
    /// How it was read (the page's; the embed takes a link's charts and
    /// theme from its element's attributes).
    #[cfg(feature = "engine")]
    reading: analysis::Reading,
    /// The view as the worker handed it over (a rebuilt analysis), so that
    /// it is neither converted into Rust nor back.
    #[cfg(feature = "engine")]
    view_js: Option<JsValue>,
}

#[wasm_bindgen]
impl Analysis {
    /// How the input was read: `{ok, code?, message?, warnings, encoding,
    /// format, text?, text_bytes, text_cut}`; for a link, `ok` and the
    /// link's `{charts: ["revenue", …], theme}` as `link`.
    /// `lang` ("en", "zh-TW"; absent: English) is the messages' language.
    /// The page's: the embed asks its viewer for none (a link that does not
    /// open is refused by open_unpacked, with the reason).
    #[cfg(feature = "engine")]
    pub fn reading(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        to_obj(&self.reading.in_lang(lang_of(lang.as_deref())))
    }

    /// The facts (`callchart/facts@1`) as a plain object, for the JSON
    /// export and the tests. They never go back into wasm as such.
    pub fn facts(&self) -> Result<JsValue, JsError> {
        to_obj(self.inner.facts())
    }

    /// Draws chart `kind` ("revenue", "margins" or "guidance") on `canvas`,
    /// filling its whole backing store or its top-left `width` × `height`;
    /// `style` is `{scale, dark, bg, fg, accent, font, lang, width, height}`
    /// (colours `#rrggbb`, font a CSS font-family list; all optional). The
    /// caller sizes the canvas (or the area) to CSS size × `scale`.
    pub fn draw(&self, canvas: &HtmlCanvasElement, kind: &str, style: JsValue) -> Result<ChartMap, JsError> {
        let kind: ChartKind = kind.parse()?;
        draw_on(canvas, style, |area, style| Ok(self.inner.draw(area, kind, style)?))
    }

    /// Chart `kind` in words ([`analysis::ChartName`]): `{label, title, summary}`.
    pub fn describe(&self, kind: &str, lang: Option<String>) -> Result<JsValue, JsError> {
        let kind = kind.parse()?;
        to_obj(&crate::i18n::with(lang_of(lang.as_deref()), || self.inner.describe(kind)))
    }
}

/// What only the full engine does: the worker hand-off, SVG export, the
/// transcript view, links and exports (the viewer build, for embeds, has none).
#[cfg(feature = "engine")]
#[wasm_bindgen]
impl Analysis {
    /// The facts as bytes ([`crate::wire`]): a worker posts them (with the
    /// reading and the view) for [`Analysis::rebuild`] on the page.
    pub fn facts_bytes(&self) -> Vec<u8> {
        crate::wire::to_bytes(self.inner.facts())
    }

    /// The analysis a worker made, from its [`Analysis::facts_bytes`] and
    /// [`Analysis::view`]: nothing is parsed again, and the view is kept as
    /// the page got it (it is only ever shown).
    pub fn rebuild(facts: &[u8], view: JsValue) -> Result<Analysis, JsError> {
        let facts = crate::wire::from_bytes(facts).ok_or_else(|| JsError::new("these are not callchart facts"))?;
        Ok(Analysis {
            inner: analysis::Analysis::new(facts, None),
            reading: analysis::Reading { ok: true, ..analysis::Reading::default() },
            view_js: (!view.is_null() && !view.is_undefined()).then_some(view),
        })
    }

    /// Chart `kind` as an SVG document of `width` × `height` pixels (the
    /// same drawing code as the canvas, on plotters' SVG backend).
    pub fn svg(&self, kind: &str, width: u32, height: u32, style: JsValue) -> Result<String, JsError> {
        let kind: ChartKind = kind.parse()?;
        let style = style_from(style)?;
        let (w, h) = (width.clamp(16, 8000), height.clamp(16, 8000));
        let ctx = canvas::Ctx::new(measuring_context()?);
        let mut out = String::new();
        {
            // chart/svg.rs (as plotters-svg) writes font sizes at 1/1.24 of the canvas's.
            let inner = Target::Svg(crate::chart::svg::SvgBackend::with_string(&mut out, (w, h)));
            let area = Measured { inner, ctx, font_scale: 1.0 / 1.24 }.into_drawing_area();
            self.inner.draw(&area, kind, &style)?;
            area.present().map_err(|e| JsError::new(&format!("chart could not be drawn: {e}")))?;
        }
        Ok(out)
    }

    /// The charts and facts in words ([`analysis::Explained`]): `{heading,
    /// meta, facts, turns, speakers, notes, details: [detail per fact],
    /// charts: {revenue: {label, title, summary, table}, …}}`.
    /// `lang`: "en" (the default) or "zh-TW".
    pub fn explain(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        to_obj(&self.inner.explain_in(lang_of(lang.as_deref())))
    }

    /// The head of [`Analysis::explain`] ([`analysis::Headline`]): `{call,
    /// heading, meta, facts, turns, speakers}`, what the page shows above
    /// the charts before it explains them.
    pub fn headline(&self, lang: Option<String>) -> Result<JsValue, JsError> {
        to_obj(&self.inner.headline_in(lang_of(lang.as_deref())))
    }

    /// The transcript as the page shows it ([`crate::view::View`]), or
    /// `null` for facts from a link.
    pub fn view(&self) -> Result<JsValue, JsError> {
        match (&self.view_js, self.inner.view()) {
            (Some(v), _) => Ok(v.clone()),
            (None, Some(v)) => to_obj(v),
            (None, None) => Ok(JsValue::NULL),
        }
    }

    /// The share link's bytes before deflate, with `state` `{charts:
    /// ["revenue", …], theme: "auto" | "light" | "dark", lang?}`: the page
    /// deflates them (`CompressionStream('deflate-raw')`, engine.js's
    /// `shareLink`: the wasm carries no deflater) and hands them to
    /// [`Analysis::link_text`].
    pub fn share_bytes(&self, state: JsValue) -> Result<Vec<u8>, JsError> {
        Ok(self.inner.share_bytes(&state_in(state)?)?)
    }

    /// The share-link fragment (`v2=…`, no `#`) of [`Analysis::share_bytes`]
    /// as the browser deflated them (raw deflate).
    pub fn link_text(&self, deflated: &[u8]) -> Result<String, JsError> {
        Ok(crate::share::link_of(crate::share::VERSION, deflated)?)
    }

    /// The facts as CSV: a header (in `lang`), then one row per fact.
    pub fn csv(&self, lang: Option<String>) -> String {
        crate::i18n::with(lang_of(lang.as_deref()), || self.inner.csv())
    }

    /// A download name: `file_name("revenue", "svg")` is `credo-q4-fy2023-revenue.svg`.
    pub fn file_name(&self, what: &str, ext: &str) -> String {
        self.inner.file_name(what, ext)
    }
}

/// Opening a share link (`#v2=…`, an older `#v1=…`, an embed's `data`; a
/// series' `#v4=…`) takes two calls and the browser between them: its
/// packed bytes ([`crate::share::packed`]: its key, length and characters
/// checked), which the page or the embed inflates with the browser's
/// `DecompressionStream('deflate-raw')`, at most [`link_max_inflated`]
/// bytes (`engine.js`'s `inflate`), then [`open_unpacked`] (or
/// [`Series::open_unpacked`]). Neither build carries an inflater: miniz_oxide's
/// was ~6 KB gzipped of the viewer and ~4 KB of the engine. A fragment that
/// is no link, too long or not base64url throws, in `lang`.
#[wasm_bindgen]
pub fn link_packed(fragment: &str, lang: Option<String>) -> Result<Vec<u8>, JsError> {
    crate::share::packed(fragment).map(|(_, packed)| packed).map_err(|e| link_error(e, lang.as_deref()))
}

/// The most bytes a link inflates to ([`crate::share::MAX_INFLATED`]).
#[wasm_bindgen]
pub fn link_max_inflated() -> usize {
    crate::share::MAX_INFLATED
}

/// Opens a call's link `fragment` from its [`link_packed`] bytes as the
/// browser inflated them, `inflated`; or, when inflating failed, says why
/// from `failure` ("too-big", "ends-early"; anything else: not deflate
/// data). The link's chart choice and theme are in its
/// [`Analysis::reading`] (`link: {charts, theme}`). A broken, truncated,
/// oversized or foreign link (a series link too) throws an error whose
/// message, in `lang` ("zh-TW"; absent: English), says which.
#[wasm_bindgen]
pub fn open_unpacked(fragment: &str, inflated: Option<Vec<u8>>, failure: Option<String>, lang: Option<String>) -> Result<Analysis, JsError> {
    use crate::share::{self, InflateFailure};
    let (version, _) = share::packed(fragment).map_err(|e| link_error(e, lang.as_deref()))?;
    let bin = inflated.ok_or_else(|| InflateFailure::from_name(failure.as_deref().unwrap_or("")));
    let opened = share::unpacked(version, bin).map(|(facts, state)| (analysis::Analysis::of_facts(facts), state));
    linked(opened, lang)
}

/// A link's error as the page shows it, in `lang`.
fn link_error(e: crate::share::ShareError, lang: Option<&str>) -> JsError {
    JsError::new(&crate::i18n::with(lang_of(lang), || e.to_string()))
}

/// An opened link's analysis, its state in the reading.
fn linked(opened: Result<(analysis::Analysis, crate::share::ShareState), crate::share::ShareError>, lang: Option<String>) -> Result<Analysis, JsError> {
    let (inner, state) = opened.map_err(|e| link_error(e, lang.as_deref()))?;
    #[cfg(not(feature = "engine"))]
    let _ = state;
    Ok(Analysis {
        inner,
        #[cfg(feature = "engine")]
        reading: analysis::Reading { ok: true, link: Some(state.into()), ..analysis::Reading::default() },
        #[cfg(feature = "engine")]
        view_js: None,
    })
}


/// A link's state from JS: `{charts: ["revenue", …], theme: "auto" | "light" | "dark", lang}`
/// (each optional). Read by hand, as the chart style is: serde's
/// deserializer for this one object was ~3 KB of the engine gzipped.
#[cfg(feature = "engine")]
fn state_in(state: JsValue) -> Result<ShareState, JsError> {
    let bad = |what: &str| JsError::new(&crate::strs::concat(&["bad link state: ", what]));
    if !state.is_undefined() && !state.is_null() && !state.is_object() {
        return Err(bad("not an object"));
    }
    let text = |name: &str| -> Result<Option<String>, JsError> {
        field(&state, name).map(|v| v.as_string().ok_or_else(|| bad(&crate::strs::concat(&[name, " is not a string"])))).transpose()
    };
    let mut charts = Vec::new();
    if let Some(list) = field(&state, "charts") {
        if !js_sys::Array::is_array(&list) {
            return Err(bad("charts is not a list"));
        }
        for c in js_sys::Array::from(&list).iter() {
            charts.push(c.as_string().ok_or_else(|| bad("a chart is not a string"))?.parse::<ChartKind>()?);
        }
    }
    let theme = match text("theme")?.as_deref() {
        None => ThemeChoice::Auto,
        Some(t) => ThemeChoice::from_name(t).ok_or_else(|| JsError::new(&crate::strs::concat(&["unknown theme ", &crate::i18n::quoted(t)])))?,
    };
    let lang = text("lang")?.as_deref().and_then(crate::i18n::Lang::from_code);
    Ok(ShareState { charts, theme, lang })
}

/// Property `name` of `obj` when `obj` is an object and the property is
/// neither undefined nor null.
fn field(obj: &JsValue, name: &str) -> Option<JsValue> {
    if !obj.is_object() {
        return None;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// The calls in one pasted text (`[text]` for one call): the page reads
/// each as a file of a series ([`crate::split::split_calls`]).
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn split_calls(text: &str) -> Vec<String> {
    crate::split::split_calls(text).into_iter().map(str::to_string).collect()
}

/// Whether `fragment` is a series link (`#v4=…`): the page opens it with
/// [`Series::open_unpacked`], any other with [`open_unpacked`].
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn is_series_link(fragment: &str) -> bool {
    crate::share::is_series(fragment)
}

fn style_from(style: JsValue) -> Result<Style, JsError> {
    // Read by hand rather than by serde: its deserializer's error messages
    // brought `f64`'s `Display` (core::fmt's float code) into the viewer.
    if !style.is_undefined() && !style.is_null() && !style.is_object() {
        return Err(JsError::new("bad chart style: not an object"));
    }
    let field = |name: &str| field(&style, name);
    let bad = |name: &str, what: &str| JsError::new(&crate::strs::concat(&["bad chart style: ", name, " is not ", what]));
    let text = |name: &str| -> Result<Option<String>, JsError> {
        field(name).map(|v| v.as_string().ok_or_else(|| bad(name, "a string"))).transpose()
    };
    let scale = field("scale").map(|v| v.as_f64().ok_or_else(|| bad("scale", "a number"))).transpose()?;
    let dark = field("dark").map(|v| v.as_bool().ok_or_else(|| bad("dark", "a boolean"))).transpose()?;
    let hex = |c: Option<String>| c.as_deref().and_then(Colors::parse_hex);
    Ok(Style {
        scale: scale.filter(|x| x.is_finite() && *x > 0.0).unwrap_or(1.0),
        dark: dark.unwrap_or(false),
        colors: Colors { bg: hex(text("bg")?), fg: hex(text("fg")?), accent: hex(text("accent")?) },
        font: text("font")?.filter(|f| !f.trim().is_empty()),
        lang: lang_of(text("lang")?.as_deref()),
    })
}

/// A language from the page ("zh-TW", "zh-Hant", …); English otherwise.
fn lang_of(code: Option<&str>) -> crate::i18n::Lang {
    code.and_then(crate::i18n::Lang::from_code).unwrap_or_default()
}

/// Draws on `canvas` with `draw`, in `style` (read from JS): one way for a
/// call's charts and a series'; on the whole canvas or the area the style
/// gives ([`canvas::area`]).
fn draw_on(
    canvas: &HtmlCanvasElement,
    style: JsValue,
    draw: impl FnOnce(&DrawingArea<Measured<'_>, plotters::coord::Shift>, &Style) -> Result<chart::HitMap, JsError>,
) -> Result<ChartMap, JsError> {
    let ctx = canvas::Ctx::new(context_of(canvas)?);
    let size = canvas::area(&ctx, (canvas.width(), canvas.height()), &style)?;
    let style = style_from(style)?;
    let area = Measured { inner: Target::Canvas(size), ctx, font_scale: 1.0 }.into_drawing_area();
    let hits = draw(&area, &style)?;
    area.present().map_err(|e| JsError::new(&format!("chart could not be drawn: {e}")))?;
    Ok(ChartMap { hits })
}

/// What a drawn chart shows where ([`chart::HitMap`]), returned by
/// [`Analysis::draw`]: the page hit-tests pointer positions with it and walks
/// its elements with the keyboard. Coordinates are canvas pixels (CSS
/// pixels × devicePixelRatio).
#[wasm_bindgen]
pub struct ChartMap {
    hits: chart::HitMap,
}

#[wasm_bindgen]
impl ChartMap {
    /// Index of the element (into `regions()`) at canvas pixel `(x, y)`, or −1.
    /// The page's (trace.js); the embed asks for no element.
    #[cfg(feature = "engine")]
    pub fn hit(&self, x: f64, y: f64) -> i32 {
        self.hits.hit_region(x, y).and_then(|i| i32::try_from(i).ok()).unwrap_or(-1)
    }

    /// The elements in reading order: `[{x0, y0, x1, y1, fact, shape, label, flagged}]`.
    pub fn regions(&self) -> Result<JsValue, JsError> {
        to_obj(&self.hits.regions[..])
    }

    /// Every text drawn: `[{x0, y0, x1, y1, text}]` (the tests check that none overlap).
    pub fn texts(&self) -> Result<JsValue, JsError> {
        to_obj(&self.hits.texts[..])
    }

    /// The plot areas: `[{x0, y0, x1, y1, min_h}]` (canvas pixels; `min_h`
    /// is the least height the layout gives each).
    pub fn plots(&self) -> Result<JsValue, JsError> {
        to_obj(&self.hits.plots[..])
    }

    /// The canvas height (canvas pixels) this chart needs at its width for
    /// every plot to reach its minimum: the page grows a shorter canvas to it.
    #[wasm_bindgen(getter)]
    pub fn min_height(&self) -> f64 {
        self.hits.min_height
    }
}

/// `v` as the page's object: its JSON text ([`crate::json`], written by
/// hand) parsed by the browser, so neither wasm carries a serde serializer
/// (serde-wasm-bindgen's, instantiated per type, and serde's derived code).
fn to_obj<T: crate::json::ToJson + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&crate::json::to_json(v)).map_err(|_| JsError::new("could not hand the result to the page"))
}

fn context_of(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| JsError::new("the canvas has no 2D context (is it in use by WebGL?)"))
}

/// A detached canvas's context, to measure text for backends that have none.
#[cfg(feature = "engine")]
fn measuring_context() -> Result<CanvasRenderingContext2d, JsError> {
    // web_sys::window() would be js-sys's global() (see GLOBAL_THIS).
    let canvas = GLOBAL_THIS
        .with(|g| g.clone().dyn_into::<web_sys::Window>().ok())
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| JsError::new("no document to measure chart text in"))?;
    context_of(&canvas)
}

/// The two backends the page draws on. One type, so that the (generic)
/// chart code is compiled once for both, not once per backend. The canvas
/// (its size here) is drawn on through [`Measured`]'s context.
enum Target<'a> {
    Canvas((u32, u32)),
    #[cfg(feature = "engine")]
    Svg(crate::chart::svg::SvgBackend<'a>),
    #[cfg(not(feature = "engine"))]
    _Svg(std::marker::PhantomData<&'a ()>),
}

/// A backend error as text (canvas and SVG errors differ in type).
#[derive(Debug)]
struct TargetError(String);

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TargetError {}

#[cfg(feature = "engine")]
fn cast<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<TargetError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(TargetError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

fn refused(_: canvas::Refused) -> DrawingErrorKind<TargetError> {
    DrawingErrorKind::DrawingError(TargetError("the canvas refused to draw".to_string()))
}

/// `$canvas` on the canvas (with `$ctx`, the context), `$call` on SVG.
macro_rules! each {
    ($self:expr, $ctx:ident => $canvas:expr, $b:ident => $call:expr) => {
        match &mut $self.inner {
            Target::Canvas(_) => {
                let $ctx = &$self.ctx;
                $canvas
            }
            #[cfg(feature = "engine")]
            Target::Svg($b) => $call.map_err(cast),
            #[cfg(not(feature = "engine"))]
            Target::_Svg(_) => Ok(()),
        }
    };
}

/// A backend that draws on a [`Target`] and measures text with a canvas 2D
/// context's `measureText`, at the font the target draws with.
struct Measured<'a> {
    inner: Target<'a>,
    ctx: canvas::Ctx,
    /// Font size the target draws at, relative to plotters' size.
    font_scale: f64,
}

type Res = Result<(), DrawingErrorKind<TargetError>>;

impl DrawingBackend for Measured<'_> {
    type ErrorType = TargetError;

    fn get_size(&self) -> (u32, u32) {
        match &self.inner {
            Target::Canvas(size) => *size,
            #[cfg(feature = "engine")]
            Target::Svg(b) => b.get_size(),
            #[cfg(not(feature = "engine"))]
            Target::_Svg(_) => (0, 0),
        }
    }
    fn ensure_prepared(&mut self) -> Res {
        each!(self, _c => Ok(()), b => b.ensure_prepared())
    }
    fn present(&mut self) -> Res {
        each!(self, _c => Ok(()), b => b.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        each!(self, c => Ok(c.draw_pixel(point, color)), b => b.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res {
        each!(self, c => Ok(c.draw_line(from, to, style)), b => b.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, style: &S, fill: bool) -> Res {
        each!(self, c => Ok(c.draw_rect(a, z, style, fill)), b => b.draw_rect(a, z, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res {
        each!(self, c => Ok(c.path(path, style, false)), b => b.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(&mut self, at: BackendCoord, r: u32, style: &S, fill: bool) -> Res {
        each!(self, c => c.draw_circle(at, r, style, fill).map_err(refused), b => b.draw_circle(at, r, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Res {
        each!(self, c => Ok(c.path(vert, style, true)), b => b.fill_polygon(vert, style))
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        each!(self, c => c.draw_text(text, style, pos).map_err(refused), b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<TargetError>> {
        let size = style.size() * self.font_scale;
        self.ctx.measure(canvas::css_font(style, self.font_scale), text, |c| {
            let m = c.measure_text(text).map_err(|_| DrawingErrorKind::FontError(Box::new(MeasureError)))?;
            // The line box a `line-height: normal` span would have; older
            // browsers without font metrics get the usual 1.2 em.
            let h = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
            let h = if h.is_finite() && h > 0.0 { h } else { size * 1.2 };
            let w = m.width();
            let w = if w.is_finite() && w > 0.0 { w } else { 0.0 };
            Ok((w.ceil().min(1e6) as u32, h.ceil().min(1e6) as u32))
        })
    }
}

#[derive(Debug)]
struct MeasureError;

impl std::fmt::Display for MeasureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("text could not be measured")
    }
}

impl std::error::Error for MeasureError {}

// ---- Reading input: file bytes or the box's text (src/input.rs) ---------------

#[cfg(feature = "engine")]
fn progress_to(progress: &Option<js_sys::Function>, stage: &str, fraction: f64) {
    if let Some(f) = progress {
        let _ = f.call2(&JsValue::NULL, &JsValue::from_str(stage), &JsValue::from_f64(fraction));
    }
}

/// Reads decoded input, the call's period `call` ("FY2021-Q3") given by the
/// reader if it is; a `call` that is no fiscal period is refused, said why.
#[cfg(feature = "engine")]
fn reading(decoded: Result<crate::input::Decoded, crate::input::InputError>, keep_text: Option<usize>, progress: &Option<js_sys::Function>, call: Option<String>) -> Analysis {
    let given = match call.as_deref().map(str::parse::<crate::facts::Period>) {
        Some(Err(e)) => {
            let reading = analysis::Reading { code: Some("call".into()), message: Some(e), ..analysis::Reading::default() };
            return Analysis { inner: analysis::Analysis::default(), reading, view_js: None };
        }
        Some(Ok(p)) => Some(p),
        None => None,
    };
    let (inner, reading) = analysis::read_as(decoded, keep_text, given, &mut |stage: &str, fraction: f64| progress_to(progress, stage, fraction));
    Analysis { inner, reading, view_js: None }
}

/// Reads the text of the page's box: HTML or RTF source becomes its text,
/// blank text is refused. Never throws for bad input: the analysis's
/// [`Analysis::reading`] says `{ok: false, code, message}`.
/// `progress(stage, fraction)` is optional; so is `call` ("FY2021-Q3"), the
/// call's period given by the reader (as for [`read_bytes`]).
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn read_text(text: &str, progress: Option<js_sys::Function>, call: Option<String>) -> Analysis {
    progress_to(&progress, "decode", 0.0);
    reading(crate::input::decode_text(text), None, &progress, call)
}

/// Reads a file's bytes: binary files are named and refused; UTF-16,
/// Latin-1, broken UTF-8, HTML and RTF are decoded with a warning. The
/// reading carries the decoded text, cut to `keep_text` bytes (at a line
/// end) so a large file's preview fits in the page's box.
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn read_bytes(bytes: Vec<u8>, keep_text: usize, progress: Option<js_sys::Function>, call: Option<String>) -> Analysis {
    progress_to(&progress, "decode", 0.0);
    reading(crate::input::decode_owned(bytes), Some(keep_text), &progress, call)
}

/// The largest input the page reads, in bytes ([`crate::input::PAGE_MAX_BYTES`]).
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn input_limit() -> usize {
    crate::input::PAGE_MAX_BYTES
}

/// Panics on purpose, so the browser tests can check that the panic hook
/// reports an internal error and that the page recovers. No input reaches a
/// panic (the parser, the grammar and the decoders are fuzzed); this is the
/// only way to see the hook at work (on the page: the embed's viewer has
/// none).
#[cfg(feature = "engine")]
#[wasm_bindgen]
pub fn panic_for_tests() {
    panic!("panic_for_tests was called");
}
