//! The objects the wasm hands the page — the facts, a reading, a chart's
//! names and hit map; in the engine also its explanation, view and series
//! (`json/engine.rs`) — written as JSON text by hand, which the wasm edge turns
//! into objects with one `JSON.parse`.
//!
//! The same objects as serde's derives give (`callchart/facts@1` for the
//! facts; the tests below compare every one with `serde_json`'s output),
//! without serde-wasm-bindgen's serializer instantiated per type: that was
//! ~7 KB gzipped of the viewer's ~114 KB. Numbers are written exactly
//! ([`crate::decimal::exact`]: they read back as the same `f64` without a
//! search for the shortest digits; a non-finite one, which JSON has no word
//! for, is `null`). Neither wasm carries serde's serializer; the derives
//! stay for the CLI and the tests.

use std::fmt::Write;

use crate::analysis::{ChartName, LinkState, Reading};
use crate::chart::{PlotArea, Region, Shape, TextBox};
use crate::facts::{Basis, Fact, Facts, Kind, Measure, Note, Source, SpeakerInfo, TranscriptStats};

/// A value the page receives as an object.
pub trait ToJson {
    /// Writes the value to `j`.
    fn json(&self, j: &mut Json);
}

/// `v` as JSON text.
pub fn to_json<T: ToJson + ?Sized>(v: &T) -> String {
    let mut j = Json(String::new());
    v.json(&mut j);
    j.0
}

/// JSON text being written: commas go in by what came last.
pub struct Json(String);

impl Json {
    /// A comma unless the text is at the start of a value's place.
    fn sep(&mut self) {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(',');
        }
    }

    fn open(&mut self, c: char) {
        self.sep();
        self.0.push(c);
    }

    /// Writes an object: `fields` adds its members.
    pub fn obj(&mut self, fields: impl FnOnce(&mut Json)) {
        self.open('{');
        fields(self);
        self.0.push('}');
    }

    /// Writes an array of `items`.
    pub fn list<T: ToJson>(&mut self, items: &[T]) {
        self.open('[');
        for item in items {
            item.json(self);
        }
        self.0.push(']');
    }

    /// Starts member `name` (its value comes next).
    pub fn key(&mut self, name: &str) -> &mut Json {
        self.str(name);
        self.0.push(':');
        self
    }

    /// A string, escaped as JSON needs.
    pub fn str(&mut self, s: &str) {
        self.sep();
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    /// A number (`null` when it is not finite).
    pub fn num(&mut self, x: f64) {
        self.sep();
        if x.is_finite() {
            self.0.push_str(&crate::decimal::exact(x));
        } else {
            self.0.push_str("null");
        }
    }

    /// A count or an index.
    pub fn int(&mut self, n: usize) {
        self.sep();
        let _ = write!(self.0, "{n}");
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.sep();
        self.0.push_str(if b { "true" } else { "false" });
    }

    /// A signed whole number.
    pub fn signed(&mut self, n: i64) {
        self.sep();
        let _ = write!(self.0, "{n}");
    }

    /// `null`.
    pub fn null(&mut self) {
        self.sep();
        self.0.push_str("null");
    }

    /// Member `name` with `value`, when there is one (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn opt<T>(&mut self, name: &str, value: Option<T>, write: impl FnOnce(&mut Json, T)) {
        if let Some(v) = value {
            write(self.key(name), v);
        }
    }
}

impl ToJson for usize {
    fn json(&self, j: &mut Json) {
        j.int(*self);
    }
}

impl ToJson for String {
    fn json(&self, j: &mut Json) {
        j.str(self);
    }
}

impl ToJson for &str {
    fn json(&self, j: &mut Json) {
        j.str(self);
    }
}

impl ToJson for Facts {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("schema").str(&self.schema);
            j.key("company").str(&self.company);
            j.opt("call", self.call, |j, p| j.str(&p.to_string()));
            j.key("currency").str(&self.currency);
            if !self.layout.is_empty() {
                j.key("layout").str(&self.layout);
            }
            j.opt("transcript", self.transcript.as_ref(), |j, t| t.json(j));
            j.key("facts").list(&self.facts);
            if !self.notes.is_empty() {
                j.key("notes").list(&self.notes);
            }
        });
    }
}

impl ToJson for TranscriptStats {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("turns").int(self.turns);
            j.key("speakers").list(&self.speakers);
            j.opt("qa_line", self.qa_line, Json::int);
            j.opt("call_quarter", self.call_quarter, |j, q| j.int(q.into()));
        });
    }
}

impl ToJson for SpeakerInfo {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("name").str(&self.name);
            j.opt("title", self.title.as_deref(), Json::str);
        });
    }
}

impl ToJson for Fact {
    fn json(&self, j: &mut Json) {
        j.obj(|j| self.fields(j));
    }
}

impl Fact {
    /// The fact's members (a series' fact has them among its own).
    pub(crate) fn fields(&self, j: &mut Json) {
        j.key("metric").str(&self.metric);
        j.key("segment").str(&self.segment);
        j.key("period").str(&self.period.to_string());
        j.key("kind").str(kind_name(self.kind));
        j.key("measure").str(measure_name(self.measure));
        j.opt("value", self.value, Json::num);
        j.opt("low", self.low, Json::num);
        j.opt("high", self.high, Json::num);
        j.key("unit").str(&self.unit.to_string());
        j.opt("basis", self.basis, |j, b| j.str(basis_name(b)));
        if self.conflict {
            j.key("conflict").bool(true);
        }
        j.key("source");
        self.source.json(j);
    }
}

impl ToJson for Source {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("line").int(self.line);
            j.opt("start", self.start, Json::int);
            j.opt("end", self.end, Json::int);
            j.key("text").str(&self.text);
        });
    }
}

impl ToJson for Note {
    fn json(&self, j: &mut Json) {
        j.obj(|j| self.fields(j));
    }
}

impl Note {
    /// The note's members (a series' note has them among its own).
    pub(crate) fn fields(&self, j: &mut Json) {
        j.key("kind").str(&self.kind);
        j.key("subject").list(&self.subject);
        j.key("message").str(&self.message);
        j.opt("ok", self.ok, Json::bool);
        j.opt("period", self.period, |j, p| j.str(&p.to_string()));
    }
}

/// [`Kind`]'s name in the facts' JSON.
fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Actual => "actual",
        Kind::Guidance => "guidance",
        Kind::Derived => "derived",
    }
}

/// [`Measure`]'s name in the facts' JSON.
fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Level => "level",
        Measure::Qoq => "qoq",
        Measure::Yoy => "yoy",
    }
}

/// [`Basis`]'s name in the facts' JSON.
fn basis_name(b: Basis) -> &'static str {
    match b {
        Basis::Gaap => "GAAP",
        Basis::NonGaap => "non-GAAP",
        Basis::Organic => "organic",
        Basis::ConstantCurrency => "constant currency",
    }
}

impl ToJson for Reading {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("ok").bool(self.ok);
            j.opt("code", self.code.as_deref(), Json::str);
            j.opt("message", self.message.as_deref(), Json::str);
            j.key("warnings").list(&self.warnings);
            j.key("encoding").str(self.encoding);
            j.key("format").str(self.format);
            j.opt("text", self.text.as_deref(), Json::str);
            j.key("text_bytes").int(self.text_bytes);
            j.key("text_cut").bool(self.text_cut);
            j.opt("link", self.link.as_ref(), |j, l| l.json(j));
        });
    }
}

impl ToJson for LinkState {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("charts").list(&self.charts);
            j.key("theme").str(self.theme);
            j.opt("lang", self.lang, Json::str);
        });
    }
}

impl ToJson for ChartName {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("label").str(self.label);
            j.key("title").str(&self.title);
            j.key("summary").str(&self.summary);
        });
    }
}

/// A box's four edges, the first members of every hit-map object.
fn edges(j: &mut Json, x0: f64, y0: f64, x1: f64, y1: f64) {
    j.key("x0").num(x0);
    j.key("y0").num(y0);
    j.key("x1").num(x1);
    j.key("y1").num(y1);
}

impl ToJson for Region {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            edges(j, self.x0, self.y0, self.x1, self.y1);
            j.key("fact").int(self.fact);
            j.key("shape").str(match self.shape {
                Shape::Bar => "bar",
                Shape::Point => "point",
                Shape::Range => "range",
                Shape::Label => "label",
            });
            j.key("label").str(&self.label);
            j.key("flagged").bool(self.flagged);
        });
    }
}

impl ToJson for TextBox {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            edges(j, self.x0, self.y0, self.x1, self.y1);
            j.key("text").str(&self.text);
        });
    }
}

impl ToJson for PlotArea {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            edges(j, self.x0, self.y0, self.x1, self.y1);
            j.key("min_h").num(self.min_h);
        });
    }
}

impl<T: ToJson> ToJson for [T] {
    fn json(&self, j: &mut Json) {
        j.list(self);
    }
}

#[cfg(feature = "engine")]
mod engine;

#[cfg(test)]
mod tests;
