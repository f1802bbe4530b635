//! The SVG backend the charts are drawn on for exports and tests: plotters'
//! `SVGBackend` (plotters-svg 0.3.7) writing into a `String`, element for
//! element and byte for byte (`tests/golden/*.svg`), but with its floats
//! (opacities, font sizes) written by [`crate::decimal`] rather than `f64`'s
//! `Display`, which alone brought `core::fmt`'s float code into the engine,
//! and without its file target and `std::io` errors.

use std::convert::Infallible;
use std::fmt::Write as _;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle, FontTransform,
};

use crate::decimal::shortest;

/// An SVG document of `size` pixels written into a `String`.
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// Tags opened and not yet closed (the document's `svg`, a `text`).
    open: Vec<&'static str>,
}

type Res = Result<(), DrawingErrorKind<Infallible>>;

fn color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter().fold(String::new(), |mut s, (x, y)| {
        let _ = write!(s, "{x},{y} ");
        s
    })
}

impl<'a> SvgBackend<'a> {
    /// Opens the document (`<svg width= height= viewBox= xmlns=>`) in `out`.
    pub fn with_string(out: &'a mut String, size: (u32, u32)) -> Self {
        let mut b = SvgBackend { out, size, open: Vec::new() };
        let (w, h) = size;
        b.tag("svg", &[("width", &w.to_string()), ("height", &h.to_string()), ("viewBox", &format!("0 0 {w} {h}")), ("xmlns", "http://www.w3.org/2000/svg")], false);
        b
    }

    fn escape(out: &mut String, value: &str) {
        for c in value.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c => out.push(c),
            }
        }
    }

    fn tag(&mut self, name: &'static str, attrs: &[(&str, &str)], close: bool) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            Self::escape(self.out, value);
            self.out.push('"');
        }
        if close {
            self.out.push_str("/>\n");
        } else {
            self.open.push(name);
            self.out.push_str(">\n");
        }
    }

    fn close(&mut self) -> bool {
        let Some(name) = self.open.pop() else { return false };
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        true
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }

    fn present(&mut self) -> Res {
        while self.close() {}
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, c: BackendColor) -> Res {
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (x, y, opacity, fill) = (x.to_string(), y.to_string(), shortest(c.alpha), color(c));
        let attrs = [("x", x.as_str()), ("y", &y), ("width", "1"), ("height", "1"), ("stroke", "none"), ("opacity", &opacity), ("fill", &fill)];
        self.tag("rect", &attrs, true);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let attrs = [
            ("opacity", shortest(c.alpha)),
            ("stroke", color(c)),
            ("stroke-width", style.stroke_width().to_string()),
            ("x1", from.0.to_string()),
            ("y1", from.1.to_string()),
            ("x2", to.0.to_string()),
            ("y2", to.1.to_string()),
        ];
        self.tag("line", &attrs.each_ref().map(|(k, v)| (*k, v.as_str())), true);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, style: &S, fill: bool) -> Res {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (fill, stroke) = if fill { (color(c), "none".to_string()) } else { ("none".to_string(), color(c)) };
        let attrs = [
            ("x", a.0.to_string()),
            ("y", a.1.to_string()),
            ("width", (z.0 - a.0).to_string()),
            ("height", (z.1 - a.1).to_string()),
            ("opacity", shortest(c.alpha)),
            ("fill", fill),
            ("stroke", stroke),
        ];
        self.tag("rect", &attrs.each_ref().map(|(k, v)| (*k, v.as_str())), true);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let attrs = [
            ("fill", "none".to_string()),
            ("opacity", shortest(c.alpha)),
            ("stroke", color(c)),
            ("stroke-width", style.stroke_width().to_string()),
            ("points", points(path)),
        ];
        self.tag("polyline", &attrs.each_ref().map(|(k, v)| (*k, v.as_str())), true);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let attrs = [("opacity", shortest(c.alpha)), ("fill", color(c)), ("points", points(path))];
        self.tag("polygon", &attrs.each_ref().map(|(k, v)| (*k, v.as_str())), true);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, at: BackendCoord, r: u32, style: &S, fill: bool) -> Res {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (stroke, fill) = if fill { ("none".to_string(), color(c)) } else { (color(c), "none".to_string()) };
        let attrs = [
            ("cx", at.0.to_string()),
            ("cy", at.1.to_string()),
            ("r", r.to_string()),
            ("opacity", shortest(c.alpha)),
            ("fill", fill),
            ("stroke", stroke),
            ("stroke-width", style.stroke_width().to_string()),
        ];
        self.tag("circle", &attrs.each_ref().map(|(k, v)| (*k, v.as_str())), true);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Res {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let mut attrs = vec![
            ("x", x.to_string()),
            ("y", y.to_string()),
            ("dy", dy.to_string()),
            ("text-anchor", anchor.to_string()),
            ("font-family", style.family().as_str().to_string()),
            ("font-size", shortest(style.size() / 1.24)),
            ("opacity", shortest(c.alpha)),
            ("fill", color(c)),
        ];
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => attrs.push(("font-weight", "bold".to_string())),
            other => attrs.push(("font-style", other.as_str().to_string())),
        }
        let degrees = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            FontTransform::None => None,
        };
        if let Some(d) = degrees {
            attrs.push(("transform", format!("rotate({d}, {x}, {y})")));
        }
        let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.tag("text", &attrs, false);
        Self::escape(self.out, text);
        self.out.push('\n');
        self.close();
        Ok(())
    }
}

impl Drop for SvgBackend<'_> {
    /// Closes the document, as plotters' backend does when dropped.
    fn drop(&mut self) {
        let _ = self.present();
    }
}
