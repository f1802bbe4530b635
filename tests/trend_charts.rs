//! The series charts (`callchart::trend`, `chart::draw_trend`) on FCN's 8
//! consecutive calls in `../shared/data/corpus/`, drawn to SVG at a phone's
//! and a desktop's width: every chart draws, its regions name the company's
//! merged facts, revenue and EPS have a bar in each of the 8 quarters,
//! guidance vs actual draws each pair the series made, no two texts overlap;
//! every detail names its call and every fact leads back to its call's
//! fact. A series of one call draws what that call's own chart draws.

use std::path::{Path, PathBuf};

use callchart::analysis::Analysis;
use callchart::chart::{self, ChartKind, HitMap, Style, TrendKind};
use callchart::facts::{Kind, Measure, Period};
use callchart::trend::Trend;
use plotters::prelude::*;

mod common;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus")
}

/// FCN's calls (`*_FCN_*.txt`, no summaries), in name order.
fn fcn() -> Trend {
    let mut trend = Trend::new();
    for (n, text) in common::fcn_calls() {
        trend.add(&n, Analysis::of_text(&text));
    }
    trend
}

fn draw(trend: &Trend, kind: TrendKind, w: u32, h: u32) -> (String, HitMap) {
    let mut out = String::new();
    let hits = {
        let root = callchart::chart::svg::SvgBackend::with_string(&mut out, (w, h)).into_drawing_area();
        let hits = trend.draw(&root, kind, &Style::default()).expect("drawn");
        root.present().unwrap();
        hits
    };
    (out, hits)
}

/// The quarters the regions of `hits` show (bars and labels of actual or derived facts).
fn quarters(trend: &Trend, hits: &HitMap) -> Vec<Period> {
    let facts = trend.facts().unwrap();
    let mut q: Vec<Period> = hits
        .regions
        .iter()
        .map(|r| &facts.facts[r.fact])
        .filter(|f| f.kind != Kind::Guidance && f.period.is_quarter())
        .map(|f| f.period)
        .collect();
    q.sort();
    q.dedup();
    q
}

#[test]
fn fcn_series_charts_draw_every_quarter_at_phone_and_desktop_widths() {
    let trend = fcn();
    assert_eq!(trend.companies().len(), 1, "FCN's 8 calls are one company: {:?}", trend.companies());
    let company = trend.company().unwrap();
    let facts = trend.facts().unwrap();
    for (w, h) in [(390, 420), (1280, 480)] {
        for kind in TrendKind::ALL {
            let (svg, hits) = draw(&trend, kind, w, h);
            assert!(svg.starts_with("<svg"), "{kind:?} at {w}: no SVG");
            assert!(svg.contains("FTI Consulting · 8 calls"), "{kind:?} at {w}: the title names the series");
            // FCN (a consultancy) states no margin: its margins chart says so.
            assert!(!hits.regions.is_empty() || kind == TrendKind::Margins, "{kind:?} at {w}: nothing drawn");
            assert!(hits.regions.iter().all(|r| r.fact < facts.facts.len()), "{kind:?}: a region outside the company's facts");
            let overlaps = hits.overlapping_texts(0.0);
            assert!(overlaps.is_empty(), "{kind:?} at {w}: texts overlap: {overlaps:?}");
            if w == 1280 {
                std::fs::create_dir_all(Path::new(env!("CARGO_MANIFEST_DIR")).join("target")).ok();
                let _ = std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/trend-{}.svg", kind.name())), &svg);
            }
        }
        let calls: Vec<Period> = company.calls.iter().filter_map(|&c| trend.analysis(c)?.facts().call).collect();
        assert_eq!(calls.len(), 8, "every FCN call's quarter is known");
        for (kind, metric) in [(TrendKind::Revenue, "revenue"), (TrendKind::Eps, "eps")] {
            let (_, hits) = draw(&trend, kind, w, h);
            let shown = quarters(&trend, &hits);
            // Every call's quarter the series has the figure of (the extractor
            // may have missed one: tests/series.rs counts those).
            let has = |p: &Period| facts.facts.iter().any(|f| f.metric == metric && f.measure == Measure::Level && f.period == *p && f.kind != Kind::Guidance && f.segment == "total");
            let missing: Vec<&Period> = calls.iter().filter(|p| has(p) && !shown.contains(p)).collect();
            assert!(calls.iter().filter(|p| has(p)).count() >= 7, "{metric}: the series lost most of the calls' quarters");
            assert!(missing.is_empty(), "{kind:?} at {w}: no bar for the calls' quarters {missing:?} (shown: {shown:?})");
        }
        let (_, hits) = draw(&trend, TrendKind::Versus, w, h);
        for p in &company.pairs {
            assert!(hits.regions.iter().any(|r| r.fact == p.guide), "guidance vs actual: guide {} not drawn", p.guide);
            assert!(hits.regions.iter().any(|r| r.fact == p.actual), "guidance vs actual: actual {} not drawn", p.actual);
        }
        // Every guide a later call revised (raised, lowered, reaffirmed) is
        // drawn, its actual reported or not yet: FCN raised its FY2021 EPS
        // guides in Q2 and Q3 2021, and no call of the series reports FY2021.
        let revised: Vec<usize> = (0..company.facts.len()).filter(|&i| company.facts[i].revision.is_some()).collect();
        assert!(revised.iter().any(|&i| company.facts[i].revision == Some(callchart::series::Revision::Raised) && company.facts[i].fact.period == Period::year(2021)));
        for &i in &revised {
            assert!(hits.regions.iter().any(|r| r.fact == i), "guidance vs actual at {w}: the revised guide {i} ({:?}) is not drawn", company.facts[i].fact);
        }
        assert!(hits.min_height > 0.0, "guidance vs actual says how tall it must be");
    }
}

#[test]
fn fcn_details_name_their_call_and_facts_lead_back_to_it() {
    let trend = fcn();
    let ex = trend.explain(callchart::i18n::Lang::En).unwrap();
    let facts = trend.facts().unwrap();
    assert_eq!(ex.details.len(), facts.facts.len());
    assert_eq!(ex.heading, "FTI Consulting · 8 calls");
    let company = trend.company().unwrap();
    for (i, d) in ex.details.iter().enumerate() {
        let call = &trend.calls()[company.facts[i].call];
        assert!(d.rows.iter().any(|r| r[0] == "Call" && r[1].contains(&call.name)), "detail {i} does not name its call {}: {:?}", call.name, d.rows);
        let (c, j) = trend.origin(i).unwrap_or_else(|| panic!("fact {i} leads back to no call's fact"));
        assert_eq!(c, company.facts[i].call);
        let f = &trend.analysis(c).unwrap().facts().facts[j];
        assert_eq!((&f.metric, f.period, f.value, f.kind), (&facts.facts[i].metric, facts.facts[i].period, facts.facts[i].value, facts.facts[i].kind));
    }
    let zh = trend.explain(callchart::i18n::Lang::ZhTw).unwrap();
    assert!(zh.heading.contains("8 場法說會"), "{}", zh.heading);
}

#[test]
fn a_series_of_one_call_draws_what_the_call_draws() {
    let text = std::fs::read_to_string(corpus().join("mf_FCN_q3_2020.txt")).unwrap();
    let analysis = Analysis::of_text(&text);
    let one = analysis.facts().clone();
    let mut trend = Trend::new();
    trend.add("mf_FCN_q3_2020.txt", analysis);
    for (kind, trend_kind) in [(ChartKind::Revenue, TrendKind::Revenue), (ChartKind::Margins, TrendKind::Margins)] {
        let mut out = String::new();
        let alone = {
            let root = callchart::chart::svg::SvgBackend::with_string(&mut out, (800, 450)).into_drawing_area();
            chart::draw(&root, kind, &one, &Style::default()).unwrap()
        };
        let (_, series) = draw(&trend, trend_kind, 800, 450);
        let labels = |h: &HitMap| {
            let mut l: Vec<String> = h.regions.iter().map(|r| r.label.clone()).collect();
            l.sort();
            l
        };
        assert_eq!(labels(&alone), labels(&series), "{kind:?}: a series of one call draws other elements than the call");
    }
    trend.remove(0);
    assert!(trend.is_empty() && trend.company().is_none());
}

#[test]
fn fcn_csv_names_the_call_of_every_figure() {
    let trend = fcn();
    let csv = trend.csv();
    let company = trend.company().unwrap();
    let calls = trend.calls();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(format!("call,{},revision", callchart::export::CSV_HEADER).as_str()));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), company.facts.len(), "one row per merged figure");
    for (row, f) in rows.iter().zip(&company.facts) {
        let name = &calls[f.call].name;
        assert!(row.starts_with(&format!("{name},{},", f.fact.metric)), "row {row:.80} does not start with its call {name}");
        // The last column is the guide's revision, as the JSON says it.
        let revision = f.revision.map_or("", |r| r.name());
        assert!(row.ends_with(&format!(",{revision}")), "row {row:.80}… does not end with its revision {revision:?}");
    }
    assert_eq!(trend.file_name("csv"), "fti-consulting-series.csv");
    let json = serde_json::to_value(trend.series().unwrap()).unwrap();
    assert_eq!(json["schema"], "callchart/series@1");
    assert!(json["companies"][0]["facts"].as_array().unwrap().iter().all(|f| f["call"].is_u64()), "every fact has its call");
}

/// A phone's width is no one size: the series charts keep their texts
/// apart across the widths and heights a page gives them, at dpr 1 and 2
/// (the e2e tests draw at the page's own size; this sweeps around it).
#[test]
fn fcn_series_texts_stay_apart_across_sizes() {
    let trend = fcn();
    let mut bad = Vec::new();
    for scale in [1.0, 2.0] {
        let style = Style { scale, ..Style::default() };
        for w in (300..=520).step_by(20) {
            for h in [300, 360, 420, 520] {
                for kind in TrendKind::ALL {
                    let (w, h) = ((w as f64 * scale) as u32, (h as f64 * scale) as u32);
                    let mut out = String::new();
                    let hits = {
                        let root = callchart::chart::svg::SvgBackend::with_string(&mut out, (w, h)).into_drawing_area();
                        trend.draw(&root, kind, &style).expect("drawn")
                    };
                    // Half a pixel of slack per dpr: text boxes that only touch are apart.
                    let o = hits.overlapping_texts(scale);
                    if let Some((a, b)) = o.first() {
                        bad.push(format!("{kind:?} {w}x{h}@{scale}: {:?} / {:?}", a.text, b.text));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{} sizes with overlapping texts:\n{}", bad.len(), bad.join("\n"));
}
