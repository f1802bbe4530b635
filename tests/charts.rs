//! Golden SVG tests: each chart of the sample call, rendered at 800×450,
//! must match `tests/golden/<chart>.svg` byte for byte.
//!
//! The facts come from `tests/golden/charts.facts.json`, a frozen copy of
//! the sample's facts: the drawing's fixture, not the extractor's output, so
//! an extractor change (which updates `credo-q4-fy2023.facts.json`) does not
//! churn these files. After an intended drawing change, regenerate them with
//! `UPDATE_EXPECT=1 cargo test --test charts` and look at them before
//! committing.

use std::path::PathBuf;

mod common;

use callchart::chart::{self, ChartKind, Style};
use callchart::Facts;

const WIDTH: u32 = 800;
const HEIGHT: u32 = 450;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

fn sample_facts() -> Facts {
    let path = golden_dir().join("charts.facts.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not callchart/facts@1: {e}", path.display()))
}

/// Compares `actual` with the golden file `name` ([`common::golden::check`]);
/// on a difference, the new rendering is written beside it to look at.
fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if let Err(e) = common::golden::check(&path, actual, "charts") {
        let new_path = path.with_extension("new.svg");
        let _ = std::fs::write(&new_path, actual);
        panic!("\n{e}\nthe new rendering is in {new}; view both, e.g. `rsvg-convert {new} -o /tmp/new.png`.", new = new_path.display());
    }
}

fn golden(kind: ChartKind) {
    let svg = chart::render_svg(kind, &sample_facts(), WIDTH, HEIGHT, &Style::default());
    assert!(svg.starts_with("<svg"), "{kind:?}: not an SVG document: {svg:.80}");
    assert!(svg.contains("Credo · Q4 FY2023"), "{kind:?}: title lacks company and call");
    check_golden(&format!("{}.svg", kind.name()), &svg);
}

#[test]
fn revenue_golden() {
    golden(ChartKind::Revenue);
}

#[test]
fn margins_golden() {
    golden(ChartKind::Margins);
}

#[test]
fn guidance_golden() {
    golden(ChartKind::Guidance);
}

#[test]
fn dark_theme_and_device_scale_render() {
    // Not golden: only that every chart renders at 2x in the dark theme.
    let facts = sample_facts();
    for kind in ChartKind::ALL {
        let svg = chart::render_svg(kind, &facts, WIDTH * 2, HEIGHT * 2, &Style::new(2.0, true));
        assert!(svg.starts_with("<svg") && svg.contains("Credo"), "{kind:?}");
    }
}

/// With `CALLCHART_DUMP=<dir>`, writes the dark 2x, empty and crowded
/// variants there to look at (`rsvg-convert`); otherwise only renders them.
#[test]
fn variants_render() {
    let dump = std::env::var_os("CALLCHART_DUMP").map(PathBuf::from);
    let facts = sample_facts();
    let mut crowded = facts.clone();
    for i in 0..30u8 {
        let period = format!("FY{}-Q{}", 2016 + i32::from(i / 4), i % 4 + 1);
        let json = format!(
            r#"[{{"metric":"revenue","segment":"total","period":"{period}","kind":"actual","measure":"level","value":{v},"unit":"USD","source":{{"line":0,"text":""}}}},
                {{"metric":"gross_margin","segment":"total","period":"{period}","kind":"actual","measure":"level","value":{m},"unit":"%","source":{{"line":0,"text":""}}}}]"#,
            v = 20e6 + f64::from(i) * 1.5e6,
            m = 50.0 + f64::from(i % 7),
        );
        crowded.facts.extend(serde_json::from_str::<Vec<callchart::Fact>>(&json).expect("fixture"));
    }
    let cases = [
        ("dark2x", facts.clone(), 1600, 900, Style::new(2.0, true)),
        ("empty", Facts { company: "Credo".into(), ..Facts::default() }, WIDTH, HEIGHT, Style::default()),
        ("crowded", crowded, WIDTH, HEIGHT, Style::default()),
        ("narrow", facts, 360, 420, Style::default()),
    ];
    for (name, facts, w, h, style) in cases {
        for kind in ChartKind::ALL {
            let svg = chart::render_svg(kind, &facts, w, h, &style);
            assert!(svg.starts_with("<svg"), "{name} {kind:?}");
            if let Some(dir) = &dump {
                let _ = std::fs::create_dir_all(dir);
                let _ = std::fs::write(dir.join(format!("{}-{name}.svg", kind.name())), svg);
            }
        }
    }
}
