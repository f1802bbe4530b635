//! The canvas the charts draw on and measure text with: a 2D context and
//! the state last set on it.
//!
//! It replaces plotters-canvas, which wrote every colour as
//! `format!("rgba({},{},{},{})")` and every font as `format!("{}px")` with
//! `f64`'s `Display` (that alone brought `core::fmt`'s float code, ~7 KB
//! gzipped, into the viewer) and set the fill, stroke, font, alignment and
//! baseline anew on each call, each a call into JavaScript. Here the colour
//! and font strings are written by hand, and a property is set only when it
//! changes: a redraw of three charts makes a few hundred such calls fewer.
//! The drawing itself is plotters-canvas's (the same half-pixel shift of
//! horizontal and vertical lines, the same arcs and paths).
//!
//! Only this context draws while a chart is drawn, so the state it
//! remembers is the context's; a new [`Ctx`] (one per draw) starts unknown.
//! It also remembers what it measured, across draws ([`MEMO`]): a chart
//! measures the same label several times while it lays out (the sample's
//! three charts: 540 `measureText` calls, 106 different texts), and a
//! redraw on resize lays the same labels out again; a text's size in a font
//! (the font string carries its pixel size) depends on neither. And it
//! hands each string (a text, a font, a colour) to JavaScript once per
//! page: passing a `&str` decodes it from UTF-8 anew on every call
//! (`TextDecoder`, ~3 ms of a redraw), so the calls that take strings go
//! through bindings that take the `JsValue`.

use std::cell::RefCell;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle};
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, TextMetrics};

use crate::memo::Memo;

#[wasm_bindgen]
extern "C" {
    /// The same 2D context, seen through the bindings below.
    type Ctx2d;
    #[wasm_bindgen(method, setter = font)]
    fn set_font_js(this: &Ctx2d, font: &JsValue);
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_js(this: &Ctx2d, style: &JsValue);
    #[wasm_bindgen(method, setter = strokeStyle)]
    fn set_stroke_js(this: &Ctx2d, style: &JsValue);
    #[wasm_bindgen(method, catch, js_name = measureText)]
    fn measure_text_js(this: &Ctx2d, text: &JsValue) -> Result<TextMetrics, JsValue>;
    #[wasm_bindgen(method, catch, js_name = fillText)]
    fn fill_text_js(this: &Ctx2d, text: &JsValue, x: f64, y: f64) -> Result<(), JsValue>;
}

/// A 2D context and what was last set on it.
pub(super) struct Ctx {
    pub(super) ctx: CanvasRenderingContext2d,
    state: RefCell<State>,
}

/// What the page's draws keep between them: each (font, text)'s size, and
/// each string handed to JavaScript (under `(string, "")`) with its JS copy.
/// The page has no web fonts (system font stacks only), so a size measured
/// once holds for the page's life.
#[derive(Default)]
struct Kept {
    sizes: Memo<(u32, u32)>,
    strings: Memo<JsValue>,
}

thread_local! {
    static MEMO: RefCell<Kept> = RefCell::new(Kept::default());
}

#[derive(Default)]
struct State {
    font: String,
    fill: String,
    stroke: String,
    line_width: Option<f64>,
    align: &'static str,
    baseline: &'static str,
}

/// `c` as a CSS colour: `rgba(r,g,b,a)`, as plotters-canvas wrote it.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let mut s = String::with_capacity(24);
    s.push_str("rgba(");
    for v in [r, g, b] {
        push_int(&mut s, u64::from(v));
        s.push(',');
    }
    push_number(&mut s, c.alpha);
    s.push(')');
    s
}

fn push_int(s: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// A CSS number: whole numbers as such, others with up to six decimals
/// (the browser keeps font sizes and alphas as floats, so nothing is lost
/// that it would see).
fn push_number(s: &mut String, v: f64) {
    if !v.is_finite() {
        s.push('0');
    } else if v == v.trunc() && v.abs() < 1e15 {
        if v < 0.0 {
            s.push('-');
        }
        push_int(s, v.abs() as u64);
    } else {
        let t = crate::decimal::fixed(v, 6);
        s.push_str(t.trim_end_matches('0').trim_end_matches('.'));
    }
}

/// The CSS font of a plotters text style at `scale` times its size.
pub(super) fn css_font<S: BackendTextStyle>(style: &S, scale: f64) -> String {
    let mut s = String::from(style.style().as_str());
    s.push(' ');
    push_number(&mut s, style.size() * scale);
    s.push_str("px ");
    s.push_str(style.family().as_str());
    s
}

/// A canvas call that failed (the context refused an arc or a text).
pub(super) struct Refused;

impl Ctx {
    pub(super) fn new(ctx: CanvasRenderingContext2d) -> Ctx {
        Ctx { ctx, state: RefCell::new(State::default()) }
    }

    fn raw(&self) -> &Ctx2d {
        self.ctx.unchecked_ref()
    }

    /// `s` as a JS string, made once.
    fn js(&self, s: &str) -> JsValue {
        MEMO.with(|m| {
            if let Some(v) = m.borrow().strings.get(s, "") {
                return v.clone();
            }
            let v = JsValue::from_str(s);
            m.borrow_mut().strings.put(s, "", v.clone());
            v
        })
    }

    /// `text`'s metrics in the current font.
    pub(super) fn measure_text(&self, text: &str) -> Result<TextMetrics, Refused> {
        self.raw().measure_text_js(&self.js(text)).map_err(|_| Refused)
    }

    /// The size `measure` gives `text` in `font`, asked once.
    pub(super) fn measure<E>(&self, font: String, text: &str, measure: impl FnOnce(&Self) -> Result<(u32, u32), E>) -> Result<(u32, u32), E> {
        if let Some(size) = MEMO.with(|m| m.borrow().sizes.get(&font, text).copied()) {
            return Ok(size);
        }
        self.set_font(font.clone());
        let size = measure(self)?;
        MEMO.with(|m| m.borrow_mut().sizes.put(&font, text, size));
        Ok(size)
    }

    pub(super) fn set_font(&self, font: String) {
        let mut st = self.state.borrow_mut();
        if st.font != font {
            self.raw().set_font_js(&self.js(&font));
            st.font = font;
        }
    }

    fn set_fill(&self, c: BackendColor) {
        let css = css_color(c);
        let mut st = self.state.borrow_mut();
        if st.fill != css {
            self.raw().set_fill_js(&self.js(&css));
            st.fill = css;
        }
    }

    fn set_line_style<S: BackendStyle>(&self, style: &S) {
        let css = css_color(style.color());
        let w = f64::from(style.stroke_width());
        let mut st = self.state.borrow_mut();
        if st.stroke != css {
            self.raw().set_stroke_js(&self.js(&css));
            st.stroke = css;
        }
        if st.line_width != Some(w) {
            self.ctx.set_line_width(w);
            st.line_width = Some(w);
        }
    }

    pub(super) fn draw_pixel(&self, p: BackendCoord, c: BackendColor) {
        if c.alpha == 0.0 {
            return;
        }
        self.set_fill(c);
        self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
    }

    pub(super) fn draw_line<S: BackendStyle>(&self, from: BackendCoord, to: BackendCoord, style: &S) {
        if style.color().alpha == 0.0 {
            return;
        }
        let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
        // Horizontal and vertical lines on pixel centres, so that a 1 px line is sharp.
        if a.0 == b.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if a.1 == b.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.set_line_style(style);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
    }

    pub(super) fn draw_rect<S: BackendStyle>(&self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) {
        if style.color().alpha == 0.0 {
            return;
        }
        let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        if fill {
            self.set_fill(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_line_style(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
    }

    /// A path through `pts`: stroked, or filled and closed.
    pub(super) fn path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&self, pts: I, style: &S, fill: bool) {
        if style.color().alpha == 0.0 {
            return;
        }
        let mut pts = pts.into_iter();
        self.ctx.begin_path();
        if let Some(start) = pts.next() {
            if fill {
                self.set_fill(style.color());
            } else {
                self.set_line_style(style);
            }
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for p in pts {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
            }
            if fill {
                self.ctx.close_path();
            }
        }
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
    }

    pub(super) fn draw_circle<S: BackendStyle>(&self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Result<(), Refused> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_line_style(style);
        }
        self.ctx.begin_path();
        self.ctx
            .arc(f64::from(c.0), f64::from(c.1), f64::from(r), 0.0, std::f64::consts::PI * 2.0)
            .map_err(|_| Refused)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    /// A text at `pos`, anchored as its style says (the charts draw no
    /// rotated text, so a style's rotation is not applied).
    pub(super) fn draw_text<S: BackendTextStyle>(&self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Refused> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        {
            let mut st = self.state.borrow_mut();
            if st.baseline != baseline {
                self.ctx.set_text_baseline(baseline);
                st.baseline = baseline;
            }
            if st.align != align {
                self.ctx.set_text_align(align);
                st.align = align;
            }
        }
        self.set_fill(color);
        self.set_font(css_font(style, 1.0));
        self.raw().fill_text_js(&self.js(text), f64::from(pos.0), f64::from(pos.1)).map_err(|_| Refused)
    }
}

/// The part of the canvas (`size`) a chart is drawn in: the top-left
/// `style.width` × `style.height` (canvas pixels), cleared, when the style
/// gives both; else the whole canvas. The page keeps each off-screen canvas
/// at the largest size it drew: a canvas's new size costs a new bitmap,
/// about a millisecond a chart.
pub(super) fn area(ctx: &Ctx, size: (u32, u32), style: &JsValue) -> Result<(u32, u32), JsError> {
    if !style.is_object() {
        return Ok(size);
    }
    let get = |name: &str| -> Result<Option<u32>, JsError> {
        let v = js_sys::Reflect::get(style, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        match v.as_f64() {
            Some(x) if x.is_finite() && x >= 1.0 => Ok(Some(x.min(f64::from(u32::MAX)) as u32)),
            _ => Err(JsError::new(&crate::strs::concat(&["bad chart style: ", name, " is not a size in pixels"]))),
        }
    };
    let Some((w, h)) = get("width")?.zip(get("height")?) else { return Ok(size) };
    let area = (w.min(size.0), h.min(size.1));
    ctx.ctx.clear_rect(0.0, 0.0, f64::from(area.0), f64::from(area.1));
    Ok(area)
}
