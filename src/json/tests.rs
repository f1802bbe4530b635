//! Every hand-written object is what serde's derive writes (compared as
//! parsed JSON, numbers as `f64`).

use super::*;
use crate::analysis::Analysis;
use crate::chart::{svg::SvgBackend, ChartKind, Style};
use crate::facts::Period;
use plotters::prelude::IntoDrawingArea;
use serde_json::Value;

/// `json` parsed, every number turned into its `f64`'s bits (serde_json's
/// own float parsing may miss by an ulp; std's `parse` does not).
fn exact(json: &str) -> Value {
    let (mut out, mut chars, mut in_str) = (String::new(), json.chars().peekable(), false);
    while let Some(c) = chars.next() {
        if in_str {
            out.push(c);
            match c {
                '\\' => out.extend(chars.next()),
                '"' => in_str = false,
                _ => {}
            }
        } else if c == '-' || c.is_ascii_digit() {
            let mut num = c.to_string();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit() || "+-.eE".contains(**d)) {
                num.push(d);
                chars.next();
            }
            let bits = num.parse::<f64>().unwrap_or_else(|_| panic!("bad number {num}")).to_bits();
            out.push_str(&format!("\"#{bits}\""));
        } else {
            in_str = c == '"';
            out.push(c);
        }
    }
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
}

pub(super) fn same<T: ToJson + serde::Serialize + ?Sized>(v: &T) {
    let ours = to_json(v);
    let theirs = serde_json::to_string(v).expect("serde");
    assert_eq!(exact(&ours), exact(&theirs), "{ours}");
}

fn golden(name: &str) -> Facts {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("golden facts")).expect("facts JSON")
}

#[test]
fn facts_are_serdes() {
    for name in ["credo-q4-fy2023.facts.json", "charts.facts.json"] {
        same(&golden(name));
    }
    // Every optional member, the rare ones too, and text that needs escapes.
    let mut f = golden("credo-q4-fy2023.facts.json");
    f.layout = "bilingual-lines".into();
    f.company = "A \"quoted\"\\ name\n\t\u{1}\u{7f} 營收 Σ".into();
    f.transcript = Some(TranscriptStats {
        turns: 3,
        speakers: vec![SpeakerInfo { name: "Jane".into(), title: Some("CFO".into()) }, SpeakerInfo { name: "Sam".into(), title: None }],
        qa_line: Some(40),
        call_quarter: Some(2),
    });
    f.notes.push(Note { kind: "withdrawn".into(), subject: vec![], message: "m".into(), ok: Some(false), period: Some(Period::LongTerm) });
    for (i, b) in [Basis::Gaap, Basis::NonGaap, Basis::Organic, Basis::ConstantCurrency].into_iter().enumerate() {
        f.facts[i].basis = Some(b);
        f.facts[i].conflict = i % 2 == 0;
        f.facts[i].source.start = Some(i);
        f.facts[i].source.end = Some(i + 3);
    }
    f.facts[0].value = Some(-0.0);
    f.facts[1].value = Some(1e21);
    f.facts[2].low = Some(1.5e-7);
    f.facts[3].high = Some(123456789.125);
    f.facts[4].kind = Kind::Derived;
    f.facts[5].measure = Measure::Yoy;
    same(&f);
    f.call = None;
    f.transcript = None;
    f.notes.clear();
    same(&f);
}

#[test]
fn readings_names_and_hit_maps_are_serdes() {
    same(&Reading::default());
    same(&Reading {
        ok: true,
        code: Some("binary:pdf".into()),
        message: Some("m".into()),
        warnings: vec!["w1".into(), "w2".into()],
        encoding: "utf-8",
        format: "html",
        text: Some("text".into()),
        text_bytes: 4,
        text_cut: true,
        link: Some(LinkState { charts: vec!["revenue", "guidance"], theme: "dark", lang: Some("zh-TW") }),
        ..Reading::default()
    });
    same(&Reading { link: Some(LinkState::default()), ..Reading::default() });
    let a = Analysis::of_facts(golden("credo-q4-fy2023.facts.json"));
    let mut seen = [0; 3];
    for kind in ChartKind::ALL {
        same(&a.describe(kind));
        let mut out = String::new();
        let area = SvgBackend::with_string(&mut out, (800, 450)).into_drawing_area();
        let hits = a.draw(&area, kind, &Style { scale: 1.5, ..Style::default() }).expect("drawn");
        seen = [seen[0] + hits.regions.len(), seen[1] + hits.texts.len(), seen[2] + hits.plots.len()];
        same(&hits.regions[..]);
        same(&hits.texts[..]);
        same(&hits.plots[..]);
    }
    assert!(seen.iter().all(|&n| n >= 3), "regions, texts and plots drawn: {seen:?}");
}
