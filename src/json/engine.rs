//! The engine's other objects as JSON written by hand: the explanation and
//! headline, the transcript view, a series' calls, companies, facts and
//! explanation. With these the engine's wasm hands the page nothing by
//! serde (serde-wasm-bindgen's serializer, instantiated per type, and
//! serde's derived `Serialize` code were ~12 KB gzipped of the engine);
//! natively, the derives stay, and the tests compare every object here
//! with what `serde_json` writes from them.

use super::{Json, ToJson};
use crate::analysis::{CallId, ChartText, Charts, Explained, Headline};
use crate::chart::{Detail, Table, TableRow};
use crate::series::{Call, Company, Pair, Revision, Series, SeriesFact, SeriesNote, Verdict};
use crate::trend::{CallInfo, CompanyInfo, TrendChartText, TrendExplained};
use crate::view::{Run, Sentence, Speaker, Turn, View};

impl<T: ToJson> ToJson for Option<T> {
    fn json(&self, j: &mut Json) {
        match self {
            Some(v) => v.json(j),
            None => j.null(),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn json(&self, j: &mut Json) {
        j.list(self);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn json(&self, j: &mut Json) {
        j.list(self);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn json(&self, j: &mut Json) {
        j.open('[');
        self.0.json(j);
        self.1.json(j);
        j.0.push(']');
    }
}

impl ToJson for CallId {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.opt("period", self.period, |j, p| j.str(&p.to_string()));
            j.opt("year", self.year, |j, y| j.signed(y.into()));
            j.opt("quarter", self.quarter, |j, q| j.int(q.into()));
            j.key("given").bool(self.given);
            j.key("undated").bool(self.undated);
        });
    }
}

impl Headline {
    /// The headline's members (the explanation has them among its own).
    fn fields(&self, j: &mut Json) {
        j.key("call");
        self.call.json(j);
        j.key("heading").str(&self.heading);
        j.key("meta").str(&self.meta);
        j.key("facts").int(self.facts);
        j.opt("turns", self.turns, Json::int);
        j.opt("speakers", self.speakers, Json::int);
    }
}

impl ToJson for Headline {
    fn json(&self, j: &mut Json) {
        j.obj(|j| self.fields(j));
    }
}

impl ToJson for Explained<'_> {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            self.head.fields(j);
            j.key("notes").list(&self.notes);
            j.key("details").list(&self.details);
            j.key("charts");
            self.charts.json(j);
            j.key("other");
            self.other.json(j);
        });
    }
}

impl ToJson for Charts {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            for (name, c) in [("guidance", &self.guidance), ("margins", &self.margins), ("revenue", &self.revenue)] {
                j.key(name);
                c.json(j);
            }
        });
    }
}

impl ToJson for ChartText {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("label").str(self.label);
            j.key("title").str(&self.title);
            j.key("summary").str(&self.summary);
            j.key("table");
            self.table.json(j);
        });
    }
}

impl ToJson for Detail {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("fact").int(self.fact);
            j.key("title").str(&self.title);
            j.key("value").str(&self.value);
            j.key("rows").list(&self.rows);
            j.opt("computation", self.computation.as_deref(), Json::str);
            j.key("quote").str(&self.quote);
            j.key("line").int(self.line);
            j.key("problems").list(&self.problems);
        });
    }
}

impl ToJson for Table {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("columns").list(&self.columns);
            j.key("rows").list(&self.rows);
        });
    }
}

impl ToJson for TableRow {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("fact").int(self.fact);
            j.key("cells").list(&self.cells);
        });
    }
}

impl ToJson for View {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("speakers").list(&self.speakers);
            j.key("turns").list(&self.turns);
            j.key("sentences").list(&self.sentences);
            j.key("fact_sentence").list(&self.fact_sentence);
            j.opt("qa_line", self.qa_line, Json::int);
        });
    }
}

impl ToJson for Speaker {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("name").str(&self.name);
            j.opt("title", self.title.as_deref(), Json::str);
            j.key("role").str(&self.role);
        });
    }
}

impl ToJson for Turn {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.opt("speaker", self.speaker, Json::int);
            j.key("line").int(self.line);
            j.key("section").str(&self.section);
            j.key("paragraphs").list(&self.paragraphs);
        });
    }
}

impl ToJson for Sentence {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("line").int(self.line);
            j.key("runs").list(&self.runs);
        });
    }
}

impl ToJson for Run {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("text").str(&self.text);
            if !self.facts.is_empty() {
                j.key("facts").list(&self.facts);
            }
        });
    }
}

impl ToJson for Series {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("schema").str(self.schema);
            j.key("calls").list(&self.calls);
            j.key("companies").list(&self.companies);
        });
    }
}

impl ToJson for Call {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("name").str(&self.name);
            j.key("company").str(&self.company);
            j.opt("call", self.period, |j, p| j.str(&p.to_string()));
            j.key("facts").int(self.facts);
        });
    }
}

impl ToJson for Company {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("company").str(&self.company);
            j.key("currency").str(&self.currency);
            j.key("calls").list(&self.calls);
            j.key("facts").list(&self.facts);
            j.key("pairs").list(&self.pairs);
            if !self.notes.is_empty() {
                j.key("notes").list(&self.notes);
            }
        });
    }
}

impl ToJson for SeriesFact {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            self.fact.fields(j);
            j.key("call").int(self.call);
            j.key("calls").list(&self.calls);
            j.opt("revision", self.revision, |j, r| {
                j.str(match r {
                    Revision::Raised => "raised",
                    Revision::Lowered => "lowered",
                    Revision::Reaffirmed => "reaffirmed",
                    Revision::Withdrawn => "withdrawn",
                })
            });
        });
    }
}

impl ToJson for Pair {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("guide").int(self.guide);
            j.key("actual").int(self.actual);
            j.key("verdict").str(match self.verdict {
                Verdict::Beat => "beat",
                Verdict::InRange => "in_range",
                Verdict::Miss => "miss",
            });
            j.key("distance").num(self.distance);
            j.opt("distance_pct", self.distance_pct, Json::num);
        });
    }
}

impl ToJson for SeriesNote {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("call").int(self.call);
            self.note.fields(j);
        });
    }
}

impl ToJson for CallInfo {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("name").str(&self.name);
            j.key("period").str(&self.period);
            j.key("company").int(self.company);
            j.key("facts").int(self.facts);
        });
    }
}

impl ToJson for CompanyInfo {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("name").str(&self.name);
            j.key("calls").list(&self.calls);
        });
    }
}

impl ToJson for TrendExplained {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("heading").str(&self.heading);
            j.key("meta").str(&self.meta);
            j.key("details").list(&self.details);
            j.key("charts").list(&self.charts);
        });
    }
}

impl ToJson for TrendChartText {
    fn json(&self, j: &mut Json) {
        j.obj(|j| {
            j.key("label").str(&self.label);
            j.key("title").str(&self.title);
        });
    }
}

#[cfg(test)]
mod tests;
