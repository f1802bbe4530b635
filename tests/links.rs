//! Share links keep opening: `tests/data/links/*.link` are `v1` links made by
//! the page's encoder before the `Analysis` handle (`callchart link` of
//! main at 3fbd0df, for the sample and three dev calls of other layouts and
//! currencies), and `hostile.link`, a link whose strings are markup and
//! script (the browser tests open it and check it runs nothing).
//!
//! An old link must decode, and decode to exactly what it carried (the v1
//! encoder is deterministic, so its facts encode to the very same link:
//! `share/tests.rs`); links are now written as v2, which carries the notes'
//! subjects, and an old link's facts survive that whole, subjects read from
//! its messages included.
//! `fcn-series-v3.link` is FCN's 8 calls as a series link in the format
//! written before v4 (`callchart link ../shared/data/corpus/*_FCN_q?_20??.txt`
//! by main's CLI on 2026-12-07, 7,999 characters); it must keep opening.
//! `hostile.link` is written from [`hostile`] (`UPDATE_EXPECT=1 cargo test
//! --test links` after an intended change to it).

use callchart::analysis::Analysis;
use callchart::facts::{Facts, Kind, Note};
use callchart::share::{self, ShareState, ThemeChoice};

mod common;

fn link(name: &str) -> String {
    let path = format!("{}/tests/data/links/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")).trim().to_string()
}

#[test]
fn links_made_before_keep_opening_unchanged() {
    // (file, company, call, facts, notes) as the old page showed them.
    let want = [
        ("credo-q4-fy2023.link", "Credo", Some("FY2023-Q4"), 76, 5),
        ("mf_DE_q4_2021.link", "Deere & Company", Some("FY2021-Q4"), 44, 4),
        ("rev_e22_SONY_4483506.link", "Sony", Some("FY2021-Q3"), 50, 2),
        ("whisper_2454_MediaTek_2026-03-11_timestamped.link", "", Some("FY2026-Q4"), 5, 0),
    ];
    for (file, company, call, n, notes) in want {
        let text = link(file);
        assert!(text.starts_with("#v1="), "{file}");
        let (a, state) = Analysis::of_link(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let f = a.facts();
        assert_eq!(state, ShareState::default(), "{file}");
        assert!(a.view().is_none(), "{file}: a link carries no transcript");
        let again = a.share_link(&state).expect("re-encoded");
        assert!(again.starts_with("v2="), "{file}");
        assert_eq!(Analysis::of_link(&again).expect("v2 opens").0.facts(), f, "{file}: lost on the way to v2");
        // A failed check marks the figures of the metric and period its
        // message starts with (as the pages that made these links did).
        for n in f.notes.iter().filter(|n| n.ok == Some(false)) {
            assert!(!n.subject.is_empty(), "{file}: {n:?}");
            for &i in &n.subject {
                let x = &f.facts[i];
                let named = n.message.starts_with(&format!("{} ", x.metric)) && n.message.contains(&x.period.to_string());
                assert!(named, "{file}: {n:?} names {x:?}");
                assert!(a.checks().flagged[i], "{file}: {n:?}");
            }
        }
        assert_eq!((f.company.as_str(), f.call.map(|p| p.to_string()).as_deref()), (company, call), "{file}");
        assert_eq!((f.facts.len(), f.notes.len()), (n, notes), "{file}");
        // Its charts draw and its facts explain, all from the link.
        assert_eq!(a.explain().details.len(), f.facts.len(), "{file}");
    }
}

/// Facts whose every string is markup or script.
fn hostile() -> Facts {
    let evil = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";
    // The sample's old link's facts (not the extractor's: they do not change).
    let (mut facts, _) = share::decode(&link("credo-q4-fy2023.link")).expect("the sample's link");
    facts.company = format!("{evil}<script>window.__pwned=2</script>");
    for (i, f) in facts.facts.iter_mut().enumerate() {
        if f.segment != "total" {
            f.segment = if i % 2 == 1 { "<script>window.__pwned=3</script>".into() } else { "javascript:alert(1)".into() };
        }
        if i == 0 {
            f.metric = "<svg onload=alert(1)>".into();
        }
    }
    facts.notes = vec![Note { kind: "check".into(), subject: vec![0], message: evil.into(), ok: Some(false), period: None }];
    facts
}

#[test]
fn the_hostile_link_is_what_its_facts_encode_to() {
    let facts = hostile();
    assert!(facts.facts.iter().any(|f| f.kind == Kind::Actual && f.segment.contains("<script>")));
    let state = ShareState { charts: callchart::chart::ChartKind::ALL.to_vec(), theme: ThemeChoice::Auto, lang: None };
    let made = format!("#{}", share::encode(&facts, &state).expect("encodes"));
    let path = format!("{}/tests/data/links/hostile.link", env!("CARGO_MANIFEST_DIR"));
    if common::golden::updating() {
        std::fs::write(&path, format!("{made}\n")).expect("write");
    }
    assert_eq!(link("hostile.link"), made, "UPDATE_EXPECT=1 cargo test --test links, if the change is intended");
    let (back, _) = share::decode(&made).expect("opens");
    assert_eq!(back, facts);
}


/// FCN's 8 consecutive calls, each read as the page reads it.
fn fcn_calls() -> Vec<(String, Analysis)> {
    common::fcn_calls().into_iter().map(|(n, text)| (n, Analysis::of_text(&text))).collect()
}

/// The series as a link reproduces it: the merge's facts without their
/// sentences (a link carries none).
fn without_sentences(s: &callchart::series::Series) -> callchart::series::Series {
    let mut s = s.clone();
    for c in &mut s.companies {
        for f in &mut c.facts {
            f.fact.source = callchart::facts::Source { line: f.fact.source.line, ..Default::default() };
        }
    }
    s
}

#[test]
fn a_series_link_of_eight_calls_reproduces_the_series() {
    use callchart::trend::Trend;
    let calls = fcn_calls();
    assert_eq!(calls.len(), 8, "FCN's 8 quarters");
    let mut trend = Trend::new();
    for (n, a) in &calls {
        trend.add(n, a.clone());
    }
    let state = ShareState { charts: vec![callchart::chart_kind::ChartKind::Revenue], theme: ThemeChoice::Dark, lang: None };
    let link = trend.share_link(5, &state).expect("an 8-call series fits in a link");
    println!("FCN's 8 calls: a series link of {} characters (fragment, without the #)", link.len());
    assert!(link.starts_with("v4="));
    // Room for a page address in any browser or chat app that keeps 8 KB.
    assert!(link.len() <= 8000, "{} characters", link.len());
    let (back, shown, st) = Trend::of_link(&format!("#{link}")).expect("opens");
    assert_eq!((shown, &st), (5, &state));
    assert_eq!(back.len(), 8);
    let (a, b) = (without_sentences(trend.series().expect("merged")), back.series().expect("merged").clone());
    assert_eq!(a.calls, b.calls);
    assert_eq!(a.companies.len(), 1, "one company");
    assert_eq!(a.companies[0].calls, b.companies[0].calls);
    assert_eq!(a.companies[0].pairs, b.companies[0].pairs, "the same guides paired");
    assert_eq!(a.companies[0].facts, b.companies[0].facts, "the same figures, revisions, calls");
    assert_eq!(a.companies[0].notes.len(), b.companies[0].notes.len());
    // Deterministic: the link's series links to itself.
    assert_eq!(back.share_link(5, &state).expect("re-encodes"), link);
    // A call's link is still a call's: the embed's decoder refuses a series clearly.
    assert_eq!(share::decode(&link), Err(share::ShareError::Series));
    assert!(share::is_series(&format!("#{link}")) && !share::is_series(&self::link("credo-q4-fy2023.link")));
}

#[test]
fn a_v3_series_link_made_before_keeps_opening() {
    use callchart::trend::Trend;
    let old = link("fcn-series-v3.link");
    assert!(old.starts_with("#v3=") && share::is_series(&old));
    let opened = share::series::decode(&old).expect("the v3 link opens");
    assert_eq!(opened.calls.len(), 8);
    assert!(opened.calls.iter().all(|(n, f)| n.contains("_FCN_") && !f.facts.is_empty()), "FCN's calls");
    let (trend, shown, state) = Trend::of_link(&old).expect("merges");
    assert_eq!(trend.series().expect("merged").companies.len(), 1, "one company");
    // Written again it is a v4 link of the very same calls, in 70% of the characters or less.
    let again = trend.share_link(shown, &state).expect("re-encodes");
    println!("FCN's v3 link: {} characters; the same calls as v4: {}", old.len() - 1, again.len());
    assert!(again.starts_with("v4=") && again.len() * 10 <= (old.len() - 1) * 7, "{} vs {}", again.len(), old.len() - 1);
    let back = share::series::decode(&again).expect("the v4 link opens");
    assert_eq!(back, opened, "nothing lost on the way to v4");
}
