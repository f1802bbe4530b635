//! The browser edge: the only module that knows wasm-bindgen.
//!
//! It is deliberately thin. `analyze` hands the pure [`crate::analyze`]
//! result to JavaScript as a plain object, and `draw_chart` draws one of the
//! pure [`chart::draw`] charts on a `<canvas>`. Everything else (layout,
//! sizes, devicePixelRatio, themes) is the page's business.
//!
//! Errors cross the edge as `JsError` whose message a reader can act on; a
//! panic is a bug, so the hook below says so on the console and raises
//! `globalThis.__callchartPanicked` for the page's status line.

use std::sync::Once;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::chart::{self, ChartKind, Style};
use crate::facts::Facts;

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
) -> Result<(), JsError> {
    let kind: ChartKind = kind.parse()?;
    let facts: Facts = serde_wasm_bindgen::from_value(facts)
        .map_err(|e| JsError::new(&format!("these are not callchart facts: {e}")))?;
    let scale = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("the canvas has no 2D context (is it in use by WebGL?)"))?;
    let area = backend.into_drawing_area();
    // `Style` may grow fields; keep their defaults.
    #[allow(clippy::needless_update)]
    let style = Style { scale, dark, ..Style::default() };
    chart::draw(&area, kind, &facts, &style)?;
    area.present()
        .map_err(|e| JsError::new(&format!("chart could not be drawn: {e}")))?;
    Ok(())
}
