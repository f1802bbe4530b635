//! The browser edge: the only module that knows wasm-bindgen.
//!
//! It is deliberately thin. `analyze` hands the pure [`crate::analyze`]
//! result to JavaScript as a plain object, and `draw_chart` draws one of the
//! pure [`chart::draw`] charts on a `<canvas>`. Everything else (layout,
//! sizes, devicePixelRatio, themes) is the page's business.
//!
//! Share links, exports and embeds add thin wrappers over pure Rust:
//! `share_link`/`open_link` ([`crate::share`]), `chart_svg` (the same
//! drawing code on plotters' SVG backend), `facts_csv` and `export_name`
//! ([`crate::export`]), and `draw_chart_styled` (colour and font overrides).
//!
//! Tracing a number back to its sentence: `draw_chart` returns a
//! [`ChartMap`] (where each element went, from the drawing code itself) that
//! hit-tests pointer positions; `explain` gives summaries, data tables and
//! per-fact details ([`crate::chart::detail`]); `transcript_view` the
//! transcript with its figures marked ([`crate::view`]).
//!
//! Text is measured with the canvas's own `measureText` ([`Measured`]), not
//! with plotters' DOM `<span>` whose `style` attribute a strict
//! Content-Security-Policy (`style-src 'self'`) blocks.
//!
//! Errors cross the edge as `JsError` whose message a reader can act on; a
//! panic is a bug, so the hook below says so on the console and raises
//! `globalThis.__callchartPanicked` for the page's status line.

use std::sync::Once;

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::{self, ChartKind, Colors, Style};
use crate::facts::Facts;
use crate::share::{self, ShareState, ThemeChoice};

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
fn start() {
    init_panic_hook();
}

/// Installs the panic hook (idempotent; also run at start-up).
///
/// A panic prints "callchart: internal error, please report" with the panic
/// message to the console and sets `globalThis.__callchartPanicked = true`.
#[wasm_bindgen]
pub fn init_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = format!("callchart: internal error, please report.\n{info}");
            web_sys::console::error_1(&JsValue::from_str(&message));
            let _ = js_sys::Reflect::set(
                &js_sys::global(),
                &JsValue::from_str("__callchartPanicked"),
                &JsValue::TRUE,
            );
        }));
    });
}

/// Extracts the facts of a transcript and returns them as a plain JS object
/// (the `callchart/facts@1` JSON shape: maps are objects, `None` is absent).
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let facts = crate::analyze(text);
    facts
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the facts to the page: {e}")))
}

/// Draws chart `kind` ("revenue", "margins" or "guidance") of `facts` (as
/// returned by [`analyze`]) on `canvas`, filling its whole backing store.
///
/// The caller sizes the canvas to CSS size × `dpr` and passes `dpr`, which
/// scales fonts and strokes; nothing here touches the context's transform.
#[wasm_bindgen]
pub fn draw_chart(
    canvas: &HtmlCanvasElement,
    kind: &str,
    facts: JsValue,
    dpr: f64,
    dark: bool,
) -> Result<ChartMap, JsError> {
    let style = Style { scale: dpr, dark, ..Style::default() };
    draw_on(canvas, kind, facts, style)
}

/// Like [`draw_chart`], with a style object `{scale, dark, bg, fg, accent,
/// font}`: colours as `#rrggbb` (others are ignored), font a CSS font-family
/// list. An embed passes its `--callchart-*` custom properties this way.
#[wasm_bindgen]
pub fn draw_chart_styled(canvas: &HtmlCanvasElement, kind: &str, facts: JsValue, style: JsValue) -> Result<ChartMap, JsError> {
    let style = style_from(style)?;
    draw_on(canvas, kind, facts, style)
}

/// Chart `kind` as an SVG document of `width` × `height` pixels (the same
/// drawing code as the canvas, on plotters' SVG backend), style as in
/// [`draw_chart_styled`].
#[wasm_bindgen]
pub fn chart_svg(kind: &str, facts: JsValue, width: u32, height: u32, style: JsValue) -> Result<String, JsError> {
    let kind: ChartKind = kind.parse()?;
    let facts = facts_from(facts)?;
    let style = style_from(style)?;
    let (w, h) = (width.clamp(16, 8000), height.clamp(16, 8000));
    let ctx = measuring_context()?;
    let mut out = String::new();
    {
        // plotters-svg writes font sizes at 1/1.24 of the canvas's.
        let inner = Target::Svg(SVGBackend::with_string(&mut out, (w, h)));
        let backend = Measured { inner, ctx, font_scale: 1.0 / 1.24 };
        let area = backend.into_drawing_area();
        chart::draw(&area, kind, &facts, &style)?;
        area.present().map_err(|e| JsError::new(&format!("chart could not be drawn: {e}")))?;
    }
    Ok(out)
}

/// The share-link fragment (`v1=…`, no `#`) of `facts` with `state`
/// `{charts: ["revenue", …], theme: "auto" | "light" | "dark"}`.
#[wasm_bindgen]
pub fn share_link(facts: JsValue, state: JsValue) -> Result<String, JsError> {
    #[derive(Deserialize)]
    struct StateIn {
        #[serde(default)]
        charts: Vec<String>,
        #[serde(default)]
        theme: Option<String>,
    }
    let facts = facts_from(facts)?;
    let st: StateIn = serde_wasm_bindgen::from_value(state).map_err(|e| JsError::new(&format!("bad link state: {e}")))?;
    let charts = st.charts.iter().map(|c| c.parse::<ChartKind>()).collect::<Result<Vec<_>, _>>()?;
    let theme = match st.theme.as_deref() {
        None => ThemeChoice::Auto,
        Some(t) => ThemeChoice::from_name(t).ok_or_else(|| JsError::new(&format!("unknown theme {t:?}")))?,
    };
    Ok(share::encode(&facts, &ShareState { charts, theme })?)
}

/// Opens a share link's fragment (`#v1=…`) or an embed's `data`:
/// `{facts, charts: ["revenue", …], theme}`. A broken, truncated, oversized
/// or foreign link throws an error whose message says which.
#[wasm_bindgen]
pub fn open_link(fragment: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Opened<'a> {
        facts: &'a Facts,
        charts: Vec<&'static str>,
        theme: &'static str,
    }
    let (facts, state) = share::decode(fragment)?;
    let out = Opened { facts: &facts, charts: state.charts.iter().map(|k| k.name()).collect(), theme: state.theme.name() };
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the facts to the page: {e}")))
}

/// The facts as CSV: a header, then one row per fact.
#[wasm_bindgen]
pub fn facts_csv(facts: JsValue) -> Result<String, JsError> {
    Ok(crate::export::csv(&facts_from(facts)?))
}

/// A download name: `export_name(facts, "revenue", "svg")` is
/// `credo-q4-fy2023-revenue.svg`.
#[wasm_bindgen]
pub fn export_name(facts: JsValue, what: &str, ext: &str) -> Result<String, JsError> {
    Ok(crate::export::file_name(&facts_from(facts)?, what, ext))
}

fn facts_from(facts: JsValue) -> Result<Facts, JsError> {
    serde_wasm_bindgen::from_value(facts).map_err(|e| JsError::new(&format!("these are not callchart facts: {e}")))
}

fn style_from(style: JsValue) -> Result<Style, JsError> {
    #[derive(Deserialize, Default)]
    struct StyleIn {
        scale: Option<f64>,
        dark: Option<bool>,
        bg: Option<String>,
        fg: Option<String>,
        accent: Option<String>,
        font: Option<String>,
    }
    let s: StyleIn = if style.is_undefined() || style.is_null() {
        StyleIn::default()
    } else {
        serde_wasm_bindgen::from_value(style).map_err(|e| JsError::new(&format!("bad chart style: {e}")))?
    };
    let hex = |c: &Option<String>| c.as_deref().and_then(Colors::parse_hex);
    Ok(Style {
        scale: s.scale.unwrap_or(1.0),
        dark: s.dark.unwrap_or(false),
        colors: Colors { bg: hex(&s.bg), fg: hex(&s.fg), accent: hex(&s.accent) },
        font: s.font.filter(|f| !f.trim().is_empty()),
    })
}

fn draw_on(canvas: &HtmlCanvasElement, kind: &str, facts: JsValue, mut style: Style) -> Result<ChartMap, JsError> {
    let kind: ChartKind = kind.parse()?;
    let facts = facts_from(facts)?;
    if !(style.scale.is_finite() && style.scale > 0.0) {
        style.scale = 1.0;
    }
    let ctx = context_of(canvas)?;
    let inner = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("the canvas has no 2D context (is it in use by WebGL?)"))?;
    let area = Measured { inner: Target::Canvas(inner), ctx, font_scale: 1.0 }.into_drawing_area();
    let layout = chart::draw(&area, kind, &facts, &style)?;
    area.present()
        .map_err(|e| JsError::new(&format!("chart could not be drawn: {e}")))?;
    Ok(ChartMap { layout })
}

/// What a drawn chart shows where ([`chart::ChartLayout`]), returned by
/// [`draw_chart`]: the page hit-tests pointer positions with it and walks
/// its elements with the keyboard. Coordinates are canvas pixels (CSS
/// pixels × devicePixelRatio).
#[wasm_bindgen]
pub struct ChartMap {
    layout: chart::ChartLayout,
}

#[wasm_bindgen]
impl ChartMap {
    /// Index of the element (into `regions()`) at canvas pixel `(x, y)`, or −1.
    pub fn hit(&self, x: f64, y: f64) -> i32 {
        self.layout.hit_region(x, y).and_then(|i| i32::try_from(i).ok()).unwrap_or(-1)
    }

    /// The elements in reading order: `[{x0, y0, x1, y1, fact, shape, label, flagged}]`.
    pub fn regions(&self) -> Result<JsValue, JsError> {
        to_js(&self.layout.regions)
    }

    /// Every text drawn: `[{x0, y0, x1, y1, text}]` (the tests check that none overlap).
    pub fn texts(&self) -> Result<JsValue, JsError> {
        to_js(&self.layout.texts)
    }

    /// The plot areas: `[{x0, y0, x1, y1, min_h}]` (canvas pixels; `min_h`
    /// is the least height the layout gives each).
    pub fn plots(&self) -> Result<JsValue, JsError> {
        to_js(&self.layout.plots)
    }

    /// The canvas height (canvas pixels) this chart needs at its width for
    /// every plot to reach its minimum: the page grows a shorter canvas to it.
    #[wasm_bindgen(getter)]
    pub fn min_height(&self) -> f64 {
        self.layout.min_height
    }
}

/// The charts and facts in words, for the page: `{details: [detail per
/// fact], charts: {revenue: {summary, table}, …}}` (see [`chart::detail`],
/// [`chart::summary`], [`chart::table`]).
#[wasm_bindgen]
pub fn explain(facts: JsValue) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Chart {
        summary: String,
        table: chart::Table,
    }
    #[derive(Serialize)]
    struct Explained {
        details: Vec<chart::Detail>,
        charts: std::collections::BTreeMap<&'static str, Chart>,
    }
    let facts = facts_from(facts)?;
    let out = Explained {
        details: (0..facts.facts.len()).filter_map(|i| chart::detail(&facts, i)).collect(),
        charts: ChartKind::ALL
            .iter()
            .map(|k| (k.name(), Chart { summary: chart::summary(*k, &facts), table: chart::table(*k, &facts) }))
            .collect(),
    };
    to_js(&out)
}

/// The transcript `text` as the page shows it, with the figures of `facts`
/// (from [`analyze`] of the same text) marked ([`crate::view::View`]).
#[wasm_bindgen]
pub fn transcript_view(text: &str, facts: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::view::view(text, &facts_from(facts)?))
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the result to the page: {e}")))
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
fn measuring_context() -> Result<CanvasRenderingContext2d, JsError> {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| JsError::new("no document to measure chart text in"))?;
    context_of(&canvas)
}

/// The two backends the page draws on. One type, so that the (generic)
/// chart code is compiled once for both, not once per backend.
enum Target<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
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

fn cast<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<TargetError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(TargetError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

macro_rules! each {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            Target::Canvas($b) => $call.map_err(cast),
            Target::Svg($b) => $call.map_err(cast),
        }
    };
}

/// A backend that draws on a [`Target`] and measures text with a canvas 2D
/// context's `measureText`, at the font the target draws with.
struct Measured<'a> {
    inner: Target<'a>,
    ctx: CanvasRenderingContext2d,
    /// Font size the target draws at, relative to plotters' size.
    font_scale: f64,
}

type Res = Result<(), DrawingErrorKind<TargetError>>;

impl DrawingBackend for Measured<'_> {
    type ErrorType = TargetError;

    fn get_size(&self) -> (u32, u32) {
        match &self.inner {
            Target::Canvas(b) => b.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Res {
        each!(&mut self.inner, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Res {
        each!(&mut self.inner, b => b.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        each!(&mut self.inner, b => b.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res {
        each!(&mut self.inner, b => b.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, c: BackendCoord, style: &S, fill: bool) -> Res {
        each!(&mut self.inner, b => b.draw_rect(a, c, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res {
        each!(&mut self.inner, b => b.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Res {
        each!(&mut self.inner, b => b.draw_circle(c, r, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Res {
        each!(&mut self.inner, b => b.fill_polygon(vert, style))
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        each!(&mut self.inner, b => b.draw_text(text, style, pos))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Res {
        each!(&mut self.inner, b => b.blit_bitmap(pos, size, src))
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<TargetError>> {
        let size = style.size() * self.font_scale;
        self.ctx.set_font(&format!("{} {}px {}", style.style().as_str(), size, style.family().as_str()));
        let m = self
            .ctx
            .measure_text(text)
            .map_err(|_| DrawingErrorKind::FontError(Box::new(MeasureError)))?;
        // The line box a `line-height: normal` span would have; older
        // browsers without font metrics get the usual 1.2 em.
        let h = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        let h = if h.is_finite() && h > 0.0 { h } else { size * 1.2 };
        let w = m.width();
        let w = if w.is_finite() && w > 0.0 { w } else { 0.0 };
        Ok((w.ceil().min(1e6) as u32, h.ceil().min(1e6) as u32))
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

/// What [`read_text`] and [`read_bytes`] hand the page: either the facts with
/// what to tell the reader, or why the input was refused. Never thrown: bad
/// input is an answer, not an exception.
#[derive(Serialize)]
struct Reading {
    /// Whether the input was read (then `facts` is set).
    ok: bool,
    /// Why not: "empty", "blank", "binary:pdf", ... (see `input::InputError::code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    /// The reader's message for `code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    /// Warnings (lossy decoding, converted HTML/RTF, a very long line).
    warnings: Vec<String>,
    /// "utf-8", "utf-16le", "windows-1252", ...
    encoding: &'static str,
    /// "text", "html", "rtf".
    format: &'static str,
    /// The decoded text, at most `keep_text` bytes of it (read_bytes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// The decoded text's full length in bytes.
    text_bytes: usize,
    /// Whether `text` is only the beginning of the decoded text.
    text_cut: bool,
    /// The facts (when `ok`).
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<Facts>,
}

fn progress_to(progress: &Option<js_sys::Function>, stage: &str, fraction: f64) {
    if let Some(f) = progress {
        let _ = f.call2(&JsValue::NULL, &JsValue::from_str(stage), &JsValue::from_f64(fraction));
    }
}

fn reading(decoded: Result<crate::input::Decoded, crate::input::InputError>, keep_text: Option<usize>, progress: &Option<js_sys::Function>) -> Result<JsValue, JsError> {
    let out = match decoded {
        Err(e) => Reading {
            ok: false,
            code: Some(e.code()),
            message: Some(e.to_string()),
            warnings: Vec::new(),
            encoding: "",
            format: "",
            text: None,
            text_bytes: 0,
            text_cut: false,
            facts: None,
        },
        Ok(d) => {
            progress_to(progress, "parse", 0.0);
            let transcript = crate::transcript::parse(&d.text);
            progress_to(progress, "extract", 0.0);
            let facts = crate::extract::extract(&transcript);
            drop(transcript);
            progress_to(progress, "done", 1.0);
            let text = keep_text.map(|keep| {
                let mut end = d.text.len().min(keep);
                while !d.text.is_char_boundary(end) {
                    end -= 1;
                }
                // A preview ends at a line end when there is one nearby.
                if end < d.text.len() {
                    if let Some(nl) = d.text[..end].rfind('\n') {
                        end = nl + 1;
                    }
                }
                d.text[..end].to_string()
            });
            let text_cut = text.as_ref().is_some_and(|t| t.len() < d.text.len());
            Reading {
                ok: true,
                text_cut,
                code: None,
                message: None,
                warnings: d.warnings.iter().map(ToString::to_string).collect(),
                encoding: d.encoding.name(),
                format: d.format.name(),
                text,
                text_bytes: d.text.len(),
                facts: Some(facts),
            }
        }
    };
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the facts to the page: {e}")))
}

/// Reads the text of the page's box: HTML or RTF source becomes its text,
/// blank text is refused; returns a reading (`{ok, facts, warnings, ...}` or
/// `{ok: false, code, message}`). `progress(stage, fraction)` is optional.
#[wasm_bindgen]
pub fn read_text(text: &str, progress: Option<js_sys::Function>) -> Result<JsValue, JsError> {
    progress_to(&progress, "decode", 0.0);
    reading(crate::input::decode_text(text), None, &progress)
}

/// Reads a file's bytes: binary files are named and refused; UTF-16,
/// Latin-1, broken UTF-8, HTML and RTF are decoded with a warning. The
/// reading carries the decoded text, cut to `keep_text` bytes (at a line
/// end) so a large file's preview fits in the page's box.
#[wasm_bindgen]
pub fn read_bytes(bytes: Vec<u8>, keep_text: usize, progress: Option<js_sys::Function>) -> Result<JsValue, JsError> {
    progress_to(&progress, "decode", 0.0);
    reading(crate::input::decode_owned(bytes), Some(keep_text), &progress)
}

/// The largest input the page reads, in bytes ([`crate::input::PAGE_MAX_BYTES`]).
#[wasm_bindgen]
pub fn input_limit() -> usize {
    crate::input::PAGE_MAX_BYTES
}

/// Panics on purpose, so the browser tests can check that the panic hook
/// reports an internal error and that the page recovers. No input reaches a
/// panic (the parser, the grammar and the decoders are fuzzed); this is the
/// only way to see the hook at work.
#[wasm_bindgen]
pub fn panic_for_tests() {
    panic!("panic_for_tests was called");
}
