//! Chinese-only transcripts, measured with no new data: the sample call
//! (`../shared/data/credo-q4-fy2023.txt`: each English line followed by its
//! Traditional-Chinese translation, speaker lines doubled, a Chinese summary
//! on top) is cut into an English-only text (its Chinese lines removed) and a
//! Chinese-only one (its English lines removed, one copy of each doubled
//! speaker line kept). Both are extracted and their facts compared the way
//! `shared/eval/score.py` matches facts: metric, segment, period, kind,
//! measure and unit agree and the value (or both range ends) is within 1%
//! (money) or 0.3 (%, bp, pp, days, x). Derived facts are compared too.
//!
//! `cargo test --release --test zh_only -- --nocapture` prints the f1 line.

use std::path::PathBuf;

use callchart::facts::Fact;
use callchart::transcript::is_cjk_line;

fn sample() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/credo-q4-fy2023.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (the shared data must sit beside the repository as ../shared)", path.display()))
}

/// The sample without its Chinese lines.
fn english_only(text: &str) -> String {
    text.lines().filter(|l| !is_cjk_line(l.trim())).collect::<Vec<_>>().join("\n")
}

/// The sample without its English lines; a doubled (speaker) line once.
fn chinese_only(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if is_cjk_line(l.trim()) {
            out.push(l);
        } else if !l.trim().is_empty() && lines.get(i + 1) == Some(&l) {
            out.push(l);
            i += 1;
        }
        i += 1;
    }
    out.join("\n")
}

fn close(a: Option<f64>, b: Option<f64>, unit: &str) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if matches!(unit, "%" | "bp" | "pp" | "days" | "x") => (a - b).abs() <= 0.3,
        (Some(a), Some(b)) => (a - b).abs() <= 0.01 * a.abs().max(b.abs()).max(1e-9),
        (None, None) => true,
        _ => false,
    }
}

/// score.py's `matches`, with `g` the English fact.
fn matches(p: &Fact, g: &Fact) -> bool {
    let unit = g.unit.to_string();
    p.metric == g.metric
        && p.segment == g.segment
        && p.period == g.period
        && p.kind == g.kind
        && p.measure == g.measure
        && p.unit == g.unit
        && if g.low.is_some() { close(p.low, g.low, &unit) && close(p.high, g.high, &unit) } else { p.value.is_some() && close(p.value, g.value, &unit) }
}

fn describe(f: &Fact) -> String {
    format!("{}[{}] {} {:?}/{:?} = {:?} {:?}..{:?} {}", f.metric, f.segment, f.period, f.kind, f.measure, f.value, f.low, f.high, f.unit)
}

#[test]
fn chinese_only_sample_gives_the_english_facts() {
    let text = sample();
    let en = callchart::analyze(&english_only(&text));
    let zh = callchart::analyze(&chinese_only(&text));
    assert_eq!(zh.call, en.call, "the Chinese welcome names the call's period");
    assert_eq!(zh.company, en.company);
    let found: Vec<&Fact> = en.facts.iter().filter(|g| zh.facts.iter().any(|p| matches(p, g))).collect();
    let right: Vec<&Fact> = zh.facts.iter().filter(|p| en.facts.iter().any(|g| matches(p, g))).collect();
    for g in en.facts.iter().filter(|g| !found.contains(g)) {
        println!("miss  {}", describe(g));
    }
    for p in zh.facts.iter().filter(|p| !right.contains(p)) {
        println!("extra {}  {}", describe(p), p.source.text);
    }
    let precision = right.len() as f64 / zh.facts.len().max(1) as f64;
    let recall = found.len() as f64 / en.facts.len().max(1) as f64;
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    println!(
        "zh-only vs en-only: precision {precision:.3} recall {recall:.3} f1 {f1:.3} ({}/{}, {}/{}) derived included",
        right.len(),
        zh.facts.len(),
        found.len(),
        en.facts.len()
    );
    assert!(f1 >= 0.90, "f1 {f1:.3} < 0.90");
    // Every Chinese fact points at its Chinese sentence.
    let zh_text = chinese_only(&text);
    for p in zh.facts.iter().filter(|p| p.kind != callchart::Kind::Derived) {
        assert!(is_cjk_line(&p.source.text), "not the original sentence: {}", p.source.text);
        let line = text_line(&zh_text, p.source.line);
        let figure: String = line.chars().skip(p.source.start.unwrap_or(0)).take(p.source.end.unwrap_or(0).saturating_sub(p.source.start.unwrap_or(0))).collect();
        assert!(figure.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) || figure.contains('平'), "columns miss the figure: {figure:?} in {line}");
    }
}

fn text_line(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).unwrap_or("")
}
