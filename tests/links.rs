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
    facts.notes = vec![Note { kind: "check".into(), subject: vec![0], message: evil.into(), ok: Some(false) }];
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

