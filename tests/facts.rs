//! Golden facts: every dev transcript in `../shared/data/dev/` (and the page's sample
//! call) is extracted and compared, one fact per line, with
//! `tests/golden/facts/<name>.txt`. The sample's JSON is also the fixture the
//! chart goldens draw (`tests/golden/credo-q4-fy2023.facts.json`).
//!
//! Update after an intended change: `UPDATE_EXPECT=1 cargo test --test facts`,
//! then read the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod common;

use callchart::facts::{Facts, Kind};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("www/sample/credo-q4-fy2023.txt")
}

fn transcripts() -> Vec<PathBuf> {
    // The dev calls are read from the shared data beside the repository, never copied in.
    let dev = root().join("../shared/data/dev");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dev)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared data must sit beside the repository as ../shared)", dev.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().ends_with(".summary.txt"))
        .collect();
    v.sort();
    v.insert(0, sample());
    v
}

/// One line per fact, the way a reviewer reads a diff.
fn dump(f: &Facts) -> String {
    let mut s = String::new();
    let stats = f.transcript.clone().unwrap_or_default();
    let _ = writeln!(s, "company: {:?}", f.company);
    let _ = writeln!(s, "call: {}", f.call.map_or("?".to_string(), |c| c.to_string()));
    let _ = writeln!(s, "currency: {}", f.currency);
    let _ = writeln!(s, "layout: {}", f.layout);
    let _ = writeln!(s, "turns: {}  qa_line: {:?}", stats.turns, stats.qa_line);
    for sp in &stats.speakers {
        let _ = writeln!(s, "speaker: {} ({})", sp.name, sp.title.as_deref().unwrap_or("-"));
    }
    for x in &f.facts {
        let v = match (x.low, x.high) {
            (Some(l), Some(h)) => format!("{l}..{h}"),
            _ => x.value.map_or("-".into(), |v| v.to_string()),
        };
        let kind = kind_name(x.kind);
        let _ = writeln!(
            s,
            "{}[{}] {} {kind}/{:?} = {v} {}{}{}  @{}",
            x.metric,
            x.segment,
            x.period,
            x.measure,
            x.unit,
            x.basis.map_or(String::new(), |b| format!(" {b:?}")),
            if x.conflict { " CONFLICT" } else { "" },
            x.source.line
        );
    }
    for n in &f.notes {
        let _ = writeln!(s, "note {}{}: {}", n.kind, n.ok.map_or("", |ok| if ok { " ok" } else { " FAIL" }), n.message);
        // The facts the note is about, as the fact lines above name them.
        let about: Vec<String> = n
            .subject
            .iter()
            .map(|&i| f.facts.get(i).map_or(format!("#{i}?"), |x| format!("{}[{}] {} {}/{:?} @{}", x.metric, x.segment, x.period, kind_name(x.kind), x.measure, x.source.line)))
            .collect();
        if !about.is_empty() {
            let _ = writeln!(s, "  about: {}", about.join("; "));
        }
    }
    s
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Actual => "actual",
        Kind::Guidance => "guidance",
        Kind::Derived => "derived",
    }
}

fn check(path: &Path, actual: &str) -> Result<(), String> {
    common::golden::check(path, actual, "facts")
}

#[test]
fn golden_facts() {
    let mut errors = Vec::new();
    for t in transcripts() {
        let text = std::fs::read_to_string(&t).expect("readable transcript");
        let facts = callchart::analyze(&text);
        let name = t.file_stem().and_then(|s| s.to_str()).unwrap_or("x").to_string();
        if let Err(e) = check(&root().join(format!("tests/golden/facts/{name}.txt")), &dump(&facts)) {
            errors.push(e);
        }
        if t == sample() {
            let json = serde_json::to_string_pretty(&facts).expect("json") + "\n";
            if let Err(e) = check(&root().join("tests/golden/credo-q4-fy2023.facts.json"), &json) {
                errors.push(e);
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn sample_call_structure() {
    let text = std::fs::read_to_string(sample()).expect("sample");
    let t = callchart::transcript::parse(&text);
    let stats = t.stats();
    assert_eq!(stats.turns, 57);
    assert_eq!(stats.speakers.len(), 10);
    assert_eq!(stats.qa_line, Some(110));
    let f = callchart::analyze(&text);
    assert_eq!(f.company, "Credo");
    assert_eq!(f.call.map(|c| c.to_string()).as_deref(), Some("FY2023-Q4"));
    // No figure comes from a Chinese translation line (those are even lines after the header).
    for x in f.facts.iter().filter(|x| x.kind != Kind::Derived) {
        let line = text.lines().nth(x.source.line - 1).unwrap_or("");
        assert!(!callchart::transcript::is_cjk_line(line), "fact from a translation line: {x:?}");
    }
}

#[test]
fn facts_json_round_trips() {
    let text = std::fs::read_to_string(sample()).expect("sample");
    let f = callchart::analyze(&text);
    let json = serde_json::to_string(&f).expect("json");
    let back: Facts = serde_json::from_str(&json).expect("parse back");
    assert_eq!(back, f);
}
